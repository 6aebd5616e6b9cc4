//! The case model: one FOI request, its questions and the decision on each.
//!
//! These types are the case file contract (format version 1). Field names and
//! enum variant names are part of that contract: renaming one breaks every saved
//! case, so change them only with a migration in [`crate::core::case_file`].

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The access regime a request is handled under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Regime {
    /// Freedom of Information Act 2000.
    #[default]
    Foia,
    /// Environmental Information Regulations 2004.
    Eir,
    /// Freedom of Information (Scotland) Act 2002.
    Foisa,
    /// Environmental Information (Scotland) Regulations 2004.
    Eisr,
}

impl Regime {
    /// Every regime, in display order.
    pub const ALL: [Regime; 4] = [Regime::Foia, Regime::Eir, Regime::Foisa, Regime::Eisr];

    /// Short name used on the command line (`foia`, `eir`, `foisa`, `eisr`).
    pub fn key(self) -> &'static str {
        match self {
            Regime::Foia => "foia",
            Regime::Eir => "eir",
            Regime::Foisa => "foisa",
            Regime::Eisr => "eisr",
        }
    }

    /// Abbreviation a caseworker recognises.
    pub fn short_name(self) -> &'static str {
        match self {
            Regime::Foia => "FOIA",
            Regime::Eir => "EIR",
            Regime::Foisa => "FOISA",
            Regime::Eisr => "EISR",
        }
    }

    /// The full title of the legislation.
    pub fn law_title(self) -> &'static str {
        match self {
            Regime::Foia => "Freedom of Information Act 2000",
            Regime::Eir => "Environmental Information Regulations 2004",
            Regime::Foisa => "Freedom of Information (Scotland) Act 2002",
            Regime::Eisr => "Environmental Information (Scotland) Regulations 2004",
        }
    }

    /// True for the two Scottish regimes.
    pub fn is_scottish(self) -> bool {
        matches!(self, Regime::Foisa | Regime::Eisr)
    }

    /// True for the two environmental regimes.
    pub fn is_environmental(self) -> bool {
        matches!(self, Regime::Eir | Regime::Eisr)
    }

    /// Parses a command-line key, case-insensitively.
    pub fn from_key(text: &str) -> Option<Regime> {
        Regime::ALL
            .into_iter()
            .find(|regime| regime.key().eq_ignore_ascii_case(text.trim()))
    }
}

impl std::fmt::Display for Regime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.short_name())
    }
}

/// A whole case file: the version envelope around one case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseFile {
    /// Format version of the file; this release writes [`crate::core::case_file::FORMAT_VERSION`].
    pub format_version: u32,
    /// The case itself.
    pub case: Case,
}

/// One request for information and the authority's handling of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// The authority's reference for the request.
    pub reference: String,
    /// The regime the request is handled under.
    pub regime: Regime,
    /// The law the requester named, when it is not the one the request is
    /// handled under (a FOIA request for environmental information is handled
    /// under the EIR, FOIA s.39; a FOISA one under the EISR, FOISA s.39(2)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_under: Option<Regime>,
    /// The day the request was received (day 0 of the clock).
    #[serde(with = "crate::core::case_file::iso_date")]
    pub received_on: Date,
    /// The day the response was sent, once it has been.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::core::case_file::opt_iso_date"
    )]
    pub responded_on: Option<Date>,
    /// Who asked. Personal data: never logged, never in document properties.
    #[serde(default)]
    pub requester: Requester,
    /// A short subject line for lists and the letter.
    #[serde(default)]
    pub subject: String,
    /// The request exactly as received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_text: Option<String>,
    /// Clock events, in date order.
    #[serde(default)]
    pub events: Vec<Event>,
    /// The numbered questions of the request.
    #[serde(default)]
    pub questions: Vec<Question>,
    /// A refusal of the whole request (cost limit, vexatious, repeated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whole_request: Option<WholeRequestRefusal>,
    /// Sentences the NCND check flagged that the caseworker has read and
    /// judged safe to send. Each holds the sentence's text, so changing the
    /// sentence drops it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub acknowledged: Vec<Acknowledgement>,
}

/// A sentence flagged by the NCND check that the caseworker has judged safe:
/// what a requester could infer from it was weighed and accepted (for example,
/// because the fact is already officially public).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acknowledgement {
    /// The NCND question the sentence was flagged against.
    pub question: u32,
    /// The sentence exactly as it stood when acknowledged.
    pub sentence: String,
    /// Why it is safe to send.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

impl Acknowledgement {
    /// True when this acknowledges `sentence` (compared as the checks read
    /// text: spaces, quotes and case folded), against whichever NCND
    /// question flags it: a person has judged the sentence safe to send.
    pub fn covers(&self, sentence: &str) -> bool {
        crate::core::text::normalise(&self.sentence) == crate::core::text::normalise(sentence)
    }

    /// True when it gives a reason, without which it does not count.
    pub fn has_reason(&self) -> bool {
        !self.reason.trim().is_empty()
    }
}

impl Case {
    /// A new, empty case received on `received_on`.
    pub fn new(reference: impl Into<String>, regime: Regime, received_on: Date) -> Case {
        Case {
            reference: reference.into(),
            regime,
            requested_under: None,
            received_on,
            responded_on: None,
            requester: Requester::default(),
            subject: String::new(),
            request_text: None,
            events: Vec::new(),
            questions: Vec::new(),
            whole_request: None,
            acknowledged: Vec::new(),
        }
    }

    /// The question with the given number, if any.
    pub fn question(&self, number: u32) -> Option<&Question> {
        self.questions.iter().find(|q| q.number == number)
    }

    /// Renumbers the questions 1, 2, 3… in their current order.
    pub fn renumber_questions(&mut self) {
        for (index, question) in self.questions.iter_mut().enumerate() {
            question.number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        }
    }

    /// Every claim in the case (the decisions' and the partial NCND parts')
    /// with the number of the question it belongs to.
    pub fn claims(&self) -> impl Iterator<Item = (u32, &Claim)> {
        self.questions
            .iter()
            .flat_map(|q| q.all_claims().map(move |c| (q.number, c)))
    }

    /// True when the case neither confirms nor denies anything, in whole or in part.
    pub fn has_ncnd(&self) -> bool {
        self.questions.iter().any(|q| q.ncnd().is_some())
    }

    /// Sets the private `held` note of every NCND answer, whole or partial.
    pub fn set_every_held_note(&mut self, value: Option<bool>) {
        for question in &mut self.questions {
            if let Decision::Ncnd { held, .. } = &mut question.decision {
                *held = value;
            }
            if let Some(part) = &mut question.ncnd_part {
                part.held = value;
            }
        }
    }
}

/// The person who made the request.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requester {
    /// Name as given in the request.
    #[serde(default)]
    pub name: String,
    /// Address for correspondence (email or postal).
    #[serde(default)]
    pub contact: String,
}

/// Something that stops, restarts or extends the statutory clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Event {
    /// Clarification asked for (FOIA s.1(3), EIR reg 9, FOISA s.1(3)): the clock stops.
    ClarificationSought {
        /// The day the authority asked.
        #[serde(with = "crate::core::case_file::iso_date")]
        on: Date,
    },
    /// Clarification arrived: the clock starts again from day 0 on this day.
    ClarificationReceived {
        /// The day the clarification was received.
        #[serde(with = "crate::core::case_file::iso_date")]
        on: Date,
    },
    /// A fees notice was issued (FOIA s.9 / s.10(2)): the clock stops.
    FeesNoticeIssued {
        /// The day the notice was issued.
        #[serde(with = "crate::core::case_file::iso_date")]
        on: Date,
    },
    /// The fee was paid: the clock resumes.
    FeesPaid {
        /// The day the fee was received.
        #[serde(with = "crate::core::case_file::iso_date")]
        on: Date,
    },
    /// An extension of the time for compliance.
    Extension {
        /// Why the time was extended.
        reason: ExtensionReason,
        /// The day the requester was told.
        #[serde(with = "crate::core::case_file::iso_date")]
        notified_on: Date,
        /// Working days added to the standard 20.
        working_days: u32,
    },
}

impl Event {
    /// The date the event happened.
    pub fn date(&self) -> Date {
        match self {
            Event::ClarificationSought { on }
            | Event::ClarificationReceived { on }
            | Event::FeesNoticeIssued { on }
            | Event::FeesPaid { on } => *on,
            Event::Extension { notified_on, .. } => *notified_on,
        }
    }

    /// A short human label for the event.
    pub fn label(&self) -> String {
        match self {
            Event::ClarificationSought { on } => format!("clarification sought on {on}"),
            Event::ClarificationReceived { on } => format!("clarification received on {on}"),
            Event::FeesNoticeIssued { on } => format!("fees notice issued on {on}"),
            Event::FeesPaid { on } => format!("fee paid on {on}"),
            Event::Extension {
                reason,
                notified_on,
                working_days,
            } => format!(
                "{} extension of {working_days} working days notified on {notified_on}",
                reason.label()
            ),
        }
    }
}

/// The ground for extending the time for compliance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExtensionReason {
    /// FOIA s.10(3): more time to consider the public interest.
    PublicInterest,
    /// EIR / EISR reg 7: the request is complex and voluminous.
    ComplexVoluminous,
}

impl ExtensionReason {
    /// A short human label.
    pub fn label(self) -> &'static str {
        match self {
            ExtensionReason::PublicInterest => "public interest",
            ExtensionReason::ComplexVoluminous => "complex and voluminous",
        }
    }
}

/// One numbered question of the request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// The number shown in the letter (1-based).
    pub number: u32,
    /// The question as the requester put it.
    pub text: String,
    /// What the authority decided (for a partly NCND question: about the rest).
    #[serde(default)]
    pub decision: Decision,
    /// The part of the question that is neither confirmed nor denied, when
    /// the rest is answered, withheld or not held under `decision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ncnd_part: Option<NcndPart>,
    /// Documents sent with the answer, listed as enclosures in the letter.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enclosures: Vec<String>,
}

impl Question {
    /// A new undecided question.
    pub fn new(number: u32, text: impl Into<String>) -> Question {
        Question {
            number,
            text: text.into(),
            decision: Decision::Undecided,
            ncnd_part: None,
            enclosures: Vec::new(),
        }
    }

    /// What the question neither confirms nor denies: the whole question
    /// under an NCND decision, or its partial NCND part beside another decision.
    pub fn ncnd(&self) -> Option<NcndView<'_>> {
        match &self.decision {
            Decision::Ncnd {
                scope,
                held,
                claims,
                ..
            } => Some(NcndView {
                scope,
                held: *held,
                claims,
                partial: false,
            }),
            _ => self.ncnd_part.as_ref().map(|part| NcndView {
                scope: &part.scope,
                held: part.held,
                claims: &part.claims,
                partial: true,
            }),
        }
    }

    /// True when a partial NCND part is recorded but not used, because the
    /// whole question is neither confirmed nor denied.
    pub fn ncnd_part_unused(&self) -> bool {
        self.ncnd_part.is_some() && matches!(self.decision, Decision::Ncnd { .. })
    }

    /// Claims of the decision that withhold information (not NCND claims).
    pub fn withholding_claims(&self) -> &[Claim] {
        match &self.decision {
            Decision::Ncnd { .. } => &[],
            decision => decision.claims(),
        }
    }

    /// Every claim of the question: the decision's and the used NCND part's.
    pub fn all_claims(&self) -> impl Iterator<Item = &Claim> {
        let part: &[Claim] = match (&self.decision, &self.ncnd_part) {
            (Decision::Ncnd { .. }, _) | (_, None) => &[],
            (_, Some(part)) => &part.claims,
        };
        self.decision.claims().iter().chain(part)
    }
}

/// The part of a question neither confirmed nor denied, beside an answer to the rest.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NcndPart {
    /// What the authority neither confirms nor denies holding.
    pub scope: String,
    /// The caseworker's private note of the truth. Never exported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held: Option<bool>,
    /// The NCND provisions (or the exemptions they follow from).
    #[serde(default)]
    pub claims: Vec<Claim>,
}

/// A question's neither-confirm-nor-deny answer, whole or partial.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NcndView<'a> {
    /// What is neither confirmed nor denied.
    pub scope: &'a str,
    /// The private note of the truth.
    pub held: Option<bool>,
    /// The NCND claims.
    pub claims: &'a [Claim],
    /// True when the rest of the question is answered under its decision.
    pub partial: bool,
}

/// The authority's decision on one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub enum Decision {
    /// Not decided yet.
    #[default]
    Undecided,
    /// The information is given in full.
    Disclose {
        /// The answer given to the requester.
        answer: String,
    },
    /// Some information is given and some withheld.
    PartDisclose {
        /// The part given to the requester.
        answer: String,
        /// The exemptions that cover the part withheld.
        #[serde(default)]
        claims: Vec<Claim>,
        /// Advice and assistance (FOIA s.16, EIR reg 9, FOISA s.15).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        advice: Option<String>,
    },
    /// The information is held and withheld in full.
    Withhold {
        /// The exemptions relied on.
        #[serde(default)]
        claims: Vec<Claim>,
        /// Advice and assistance.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        advice: Option<String>,
    },
    /// The information is not held.
    NotHeld {
        /// Why it is not held.
        explanation: String,
        /// Advice and assistance, e.g. who might hold it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        advice: Option<String>,
        /// The kind of reason, which chooses the standard paragraph that goes with it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        basis: Option<NotHeldBasis>,
    },
    /// Neither confirm nor deny whether information is held.
    Ncnd {
        /// What the authority neither confirms nor denies holding.
        scope: String,
        /// The caseworker's private note of the truth. Never exported.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        held: Option<bool>,
        /// The NCND provisions (or the exemptions they follow from).
        #[serde(default)]
        claims: Vec<Claim>,
        /// Advice and assistance.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        advice: Option<String>,
    },
}

/// Why information is not held, for the standard paragraph that explains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NotHeldBasis {
    /// Answering would mean creating information that was never recorded.
    NotRecorded,
    /// Searches of the places it would be kept found none (or it is no longer held).
    NotFound,
    /// Another public authority holds it (the advice says which).
    HeldElsewhere,
}

impl NotHeldBasis {
    /// Every basis, in display order.
    pub const ALL: [NotHeldBasis; 3] = [
        NotHeldBasis::NotRecorded,
        NotHeldBasis::NotFound,
        NotHeldBasis::HeldElsewhere,
    ];

    /// A short label for the GUI.
    pub fn label(self) -> &'static str {
        match self {
            NotHeldBasis::NotRecorded => "never recorded (would need creating)",
            NotHeldBasis::NotFound => "searched for and not found",
            NotHeldBasis::HeldElsewhere => "held by another authority",
        }
    }

    /// The letter paragraph name that goes with it.
    pub fn key(self) -> &'static str {
        match self {
            NotHeldBasis::NotRecorded => "not_recorded",
            NotHeldBasis::NotFound => "not_found",
            NotHeldBasis::HeldElsewhere => "held_elsewhere",
        }
    }
}

/// The kind of a decision, without its contents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DecisionKind {
    /// [`Decision::Undecided`].
    Undecided,
    /// [`Decision::Disclose`].
    Disclose,
    /// [`Decision::PartDisclose`].
    PartDisclose,
    /// [`Decision::Withhold`].
    Withhold,
    /// [`Decision::NotHeld`].
    NotHeld,
    /// [`Decision::Ncnd`].
    Ncnd,
}

impl DecisionKind {
    /// Every kind, in the order a caseworker meets them.
    pub const ALL: [DecisionKind; 6] = [
        DecisionKind::Undecided,
        DecisionKind::Disclose,
        DecisionKind::PartDisclose,
        DecisionKind::Withhold,
        DecisionKind::NotHeld,
        DecisionKind::Ncnd,
    ];

    /// A short human label.
    pub fn label(self) -> &'static str {
        match self {
            DecisionKind::Undecided => "Undecided",
            DecisionKind::Disclose => "Disclose",
            DecisionKind::PartDisclose => "Part disclose",
            DecisionKind::Withhold => "Withhold",
            DecisionKind::NotHeld => "Not held",
            DecisionKind::Ncnd => "Neither confirm nor deny",
        }
    }
}

impl Decision {
    /// The kind of this decision.
    pub fn kind(&self) -> DecisionKind {
        match self {
            Decision::Undecided => DecisionKind::Undecided,
            Decision::Disclose { .. } => DecisionKind::Disclose,
            Decision::PartDisclose { .. } => DecisionKind::PartDisclose,
            Decision::Withhold { .. } => DecisionKind::Withhold,
            Decision::NotHeld { .. } => DecisionKind::NotHeld,
            Decision::Ncnd { .. } => DecisionKind::Ncnd,
        }
    }

    /// The exemption claims of the decision (empty where it has none).
    pub fn claims(&self) -> &[Claim] {
        match self {
            Decision::PartDisclose { claims, .. }
            | Decision::Withhold { claims, .. }
            | Decision::Ncnd { claims, .. } => claims,
            _ => &[],
        }
    }

    /// Mutable access to the claims, where the decision can hold claims.
    pub fn claims_mut(&mut self) -> Option<&mut Vec<Claim>> {
        match self {
            Decision::PartDisclose { claims, .. }
            | Decision::Withhold { claims, .. }
            | Decision::Ncnd { claims, .. } => Some(claims),
            _ => None,
        }
    }

    /// The advice and assistance paragraph, if any.
    pub fn advice(&self) -> Option<&str> {
        match self {
            Decision::PartDisclose { advice, .. }
            | Decision::Withhold { advice, .. }
            | Decision::NotHeld { advice, .. }
            | Decision::Ncnd { advice, .. } => advice.as_deref(),
            _ => None,
        }
    }

    /// True when the decision refuses something (and so needs a refusal notice).
    pub fn refuses(&self) -> bool {
        matches!(
            self.kind(),
            DecisionKind::PartDisclose | DecisionKind::Withhold | DecisionKind::Ncnd
        )
    }

    /// Converts this decision to another kind, keeping every piece of text that
    /// the new kind can hold (answer, claims, advice).
    pub fn converted_to(&self, kind: DecisionKind) -> Decision {
        let answer = match self {
            Decision::Disclose { answer } | Decision::PartDisclose { answer, .. } => answer.clone(),
            _ => String::new(),
        };
        let claims = self.claims().to_vec();
        let advice = self.advice().map(str::to_owned);
        match kind {
            DecisionKind::Undecided => Decision::Undecided,
            DecisionKind::Disclose => Decision::Disclose { answer },
            DecisionKind::PartDisclose => Decision::PartDisclose {
                answer,
                claims,
                advice,
            },
            DecisionKind::Withhold => Decision::Withhold { claims, advice },
            DecisionKind::NotHeld => Decision::NotHeld {
                explanation: match self {
                    Decision::NotHeld { explanation, .. } => explanation.clone(),
                    _ => String::new(),
                },
                advice,
                basis: match self {
                    Decision::NotHeld { basis, .. } => *basis,
                    _ => None,
                },
            },
            DecisionKind::Ncnd => Decision::Ncnd {
                scope: match self {
                    Decision::Ncnd { scope, .. } => scope.clone(),
                    _ => String::new(),
                },
                held: match self {
                    Decision::Ncnd { held, .. } => *held,
                    _ => None,
                },
                claims,
                advice,
            },
        }
    }
}

/// Reliance on one exemption (or exception, or NCND provision).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// The catalogue id, e.g. `s31(1)(a)`, `s24(2)`, `r12(5)(a)`.
    pub exemption: String,
    /// Why disclosure (or confirmation) would cause harm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub harm: Option<String>,
    /// How likely the harm is, for prejudice-based exemptions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub likelihood: Option<Likelihood>,
    /// The public interest test, for qualified exemptions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_interest: Option<PublicInterest>,
    /// The limbs relied on, by catalogue id: the interest engaged
    /// (`s31(1)(a)` under `s31(3)`) or the condition met (`s40(3A)(a)`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub limbs: Vec<String>,
    /// FOIA s.36: who gave the reasonable opinion, and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualified_person: Option<QualifiedPerson>,
    /// EIR reg 12(4)(d) / EISR reg 10(4)(d): who is completing the material
    /// and when (EIR reg 14(4), EISR reg 13(d)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion: Option<Completion>,
    /// Personal data: the legitimate interests test of UK GDPR Article 6(1)(f).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legitimate_interests: Option<LegitimateInterests>,
}

impl Claim {
    /// A bare claim of the given exemption.
    pub fn new(exemption: impl Into<String>) -> Claim {
        Claim {
            exemption: exemption.into(),
            harm: None,
            likelihood: None,
            public_interest: None,
            limbs: Vec::new(),
            qualified_person: None,
            completion: None,
            legitimate_interests: None,
        }
    }
}

/// The qualified person's reasonable opinion (FOIA s.36).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualifiedPerson {
    /// Who gave the opinion, as the letter should name them ("our Chief Executive, Jo Bloggs").
    pub name: String,
    /// The day the opinion was given (`Some("2026-03-16")`); none until it is recorded.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::core::case_file::opt_iso_date"
    )]
    pub opinion_on: Option<Date>,
}

/// Material still being completed (EIR reg 14(4), EISR reg 13(d)).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Completion {
    /// The other public authority preparing it; none when we are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_by: Option<String>,
    /// When it is expected to be finished ("by the end of March 2027"); none when not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
}

/// The three steps of the legitimate interests test (UK GDPR Article 6(1)(f)).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegitimateInterests {
    /// Step 1: the legitimate interest in disclosure (or confirmation).
    #[serde(default)]
    pub interest: String,
    /// Step 2: whether disclosure is necessary to meet that interest.
    #[serde(default)]
    pub necessity: String,
    /// Step 3: the balance against the person's interests, rights and freedoms.
    #[serde(default)]
    pub balance: String,
}

impl LegitimateInterests {
    /// True when all three steps are written.
    pub fn is_complete(&self) -> bool {
        [&self.interest, &self.necessity, &self.balance]
            .iter()
            .all(|step| !step.trim().is_empty())
    }
}

/// The level of likelihood of prejudice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Likelihood {
    /// More probable than not.
    Would,
    /// A real and significant risk.
    WouldBeLikely,
}

impl Likelihood {
    /// The words a letter uses ("would", "would be likely to").
    pub fn phrase(self) -> &'static str {
        match self {
            Likelihood::Would => "would",
            Likelihood::WouldBeLikely => "would be likely to",
        }
    }
}

/// A public interest test: the factors both ways and the conclusion.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicInterest {
    /// Factors favouring disclosure (or confirmation or denial).
    #[serde(default)]
    pub favouring_disclosure: Vec<String>,
    /// Factors favouring the exemption.
    #[serde(default)]
    pub favouring_exemption: Vec<String>,
    /// Where the balance lies and why.
    #[serde(default)]
    pub conclusion: String,
}

impl PublicInterest {
    /// True when there is at least one factor each way and a conclusion.
    pub fn is_complete(&self) -> bool {
        self.favouring_disclosure
            .iter()
            .any(|f| !f.trim().is_empty())
            && self
                .favouring_exemption
                .iter()
                .any(|f| !f.trim().is_empty())
            && !self.conclusion.trim().is_empty()
    }
}

/// A refusal of the whole request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum WholeRequestRefusal {
    /// FOIA / FOISA s.12 (EIR reg 12(4)(b), EISR reg 10(4)(b)): complying would cost too much.
    CostLimit {
        /// The estimated staff time in hours.
        estimate_hours: f64,
        /// How the estimate was reached.
        explanation: String,
        /// Advice on bringing the request within the limit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        advice: Option<String>,
        /// Public interest test (EIR/EISR manifestly unreasonable only).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        public_interest: Option<PublicInterest>,
        /// The activities behind the estimate, one row each.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        activities: Vec<CostActivity>,
    },
    /// FOIA s.14(1) / FOISA s.14(1) (EIR reg 12(4)(b)): vexatious.
    Vexatious {
        /// Why the request is vexatious.
        explanation: String,
        /// Public interest test (EIR/EISR only).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        public_interest: Option<PublicInterest>,
    },
    /// FOIA s.14(2) / FOISA s.14(2): repeated.
    Repeated {
        /// Why the request repeats an earlier one.
        explanation: String,
        /// The reference of the earlier request.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        earlier_reference: Option<String>,
    },
}

impl WholeRequestRefusal {
    /// A short human label.
    pub fn label(&self) -> &'static str {
        match self {
            WholeRequestRefusal::CostLimit { .. } => "Cost limit",
            WholeRequestRefusal::Vexatious { .. } => "Vexatious",
            WholeRequestRefusal::Repeated { .. } => "Repeated",
        }
    }
}

/// One activity in a cost estimate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostActivity {
    /// What must be done (determine, locate, retrieve, extract).
    pub activity: String,
    /// Hours for this activity.
    pub hours: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regime_keys_parse_back() {
        for regime in Regime::ALL {
            assert_eq!(Regime::from_key(regime.key()), Some(regime));
            assert_eq!(Regime::from_key(&regime.key().to_uppercase()), Some(regime));
        }
        assert_eq!(Regime::from_key("gdpr"), None);
    }

    #[test]
    fn converting_a_decision_keeps_claims_and_advice() {
        let withhold = Decision::Withhold {
            claims: vec![Claim::new("s43(2)")],
            advice: Some("Try narrowing the dates.".into()),
        };
        let part = withhold.converted_to(DecisionKind::PartDisclose);
        assert_eq!(part.claims().len(), 1);
        assert_eq!(part.advice(), Some("Try narrowing the dates."));
        let back = part.converted_to(DecisionKind::Disclose);
        assert!(back.claims().is_empty());
    }

    #[test]
    fn public_interest_needs_both_sides_and_a_conclusion() {
        let mut pit = PublicInterest {
            favouring_disclosure: vec!["Transparency.".into()],
            favouring_exemption: vec![],
            conclusion: "Balance favours the exemption.".into(),
        };
        assert!(!pit.is_complete());
        pit.favouring_exemption.push("Tactics.".into());
        assert!(pit.is_complete());
    }
}
