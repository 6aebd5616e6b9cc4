//! The legal checks: `assess` reads a case against its regime's catalogue and
//! the statutory calendar and returns findings. It never panics, whatever the
//! case holds. Explanations live in `assets/law/findings.ron`.

pub mod inference;
pub mod lint;
pub mod ncnd_text;
pub mod public_record;

use std::collections::{BTreeSet, HashSet};
use std::sync::OnceLock;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::calendar::{
    CalendarError, CaseDates, HolidayCalendar, WorkingCalendar, case_dates, clock_rules,
};
use super::case::{
    Case, Claim, Decision, ExtensionReason, LegitimateInterests, Likelihood, NcndView,
    PublicInterest, Question, Regime, WholeRequestRefusal,
};
use super::catalogue::{
    Catalogue, Catalogues, Entry, EntryKind, HarmTest, Particular, Resolution, Status,
};
use super::provisions::{LimbSource, ResolvedClaim, resolve_claim};
use super::text::normalise;
use ncnd_text::{giveaways, significant_words};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The letter must not go out like this.
    Blocking,
    /// Worth fixing; the letter can go.
    Warning,
    /// For information.
    Info,
}

impl Severity {
    /// "blocking", "warning", "info".
    pub fn label(self) -> &'static str {
        match self {
            Severity::Blocking => "blocking",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Whether the case is being drafted or checked for sending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Work in progress: undecided questions are only noted.
    Drafting,
    /// Ready to send: everything must be decided.
    Final,
}

/// The stable code of each check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    /// A claim id not in the case's catalogue.
    UnknownExemption,
    /// A claim id from another regime's catalogue.
    WrongRegime,
    /// No harm text where the test needs it.
    HarmMissing,
    /// No likelihood where the test needs it.
    LikelihoodMissing,
    /// "Would be likely to" where the exception needs "would".
    LikelihoodTooLow,
    /// A qualified provision without a complete public interest test.
    PitMissing,
    /// A public interest test on an absolute provision.
    PitOnAbsolute,
    /// NCND under an exemption with no NCND provision.
    NcndWithoutProvision,
    /// An NCND decision with no claim.
    NcndWithoutClaim,
    /// An NCND provision used to withhold information.
    NcndProvisionOutsideNcnd,
    /// s.23(5) without s.24(2).
    S23WithoutS24,
    /// Wording that confirms or denies within NCND.
    NcndConfirms,
    /// The letter changes with the private `held` note.
    NcndLeak,
    /// Withholding with no claim.
    RefusalWithoutClaim,
    /// An empty answer, explanation or scope.
    AnswerMissing,
    /// The same exemption twice in one question.
    DuplicateClaim,
    /// A cost refusal with no advice.
    CostLimitWithoutAdvice,
    /// A cost estimate inside the limit.
    CostWithinLimit,
    /// A repeated-request refusal without the earlier reference.
    RepeatedWithoutReference,
    /// No requester name or address.
    RequesterMissing,
    /// A question not decided.
    Undecided,
    /// Responded, or would respond today, after the deadline.
    LateResponse,
    /// The deadline is within three working days.
    DeadlineNear,
    /// An extension the regime does not allow.
    InvalidExtension,
    /// The clock is stopped.
    ClockStopped,
    /// The count leaves the bank holiday data.
    DatesOutsideCalendar,
    /// Questions answered while the whole request is refused.
    WholeRequestWithAnswers,
    /// A citation that could be several provisions.
    AmbiguousCitation,
    /// A provision with limbs, none of them named.
    LimbMissing,
    /// The limb was read from the harm text, not named.
    LimbInferred,
    /// FOIA s.36 without who gave the opinion and when.
    QualifiedPersonMissing,
    /// EIR reg 12(4)(d) / EISR reg 10(4)(d) without the completion particulars.
    CompletionParticularsMissing,
    /// Personal data without the three-step legitimate interests test.
    LegitimateInterestsMissing,
    /// The harm text uses another provision's test.
    TestWording,
    /// The harm text and the chosen likelihood disagree.
    LikelihoodDisagrees,
    /// A public interest conclusion that gives no reason.
    ThinConclusion,
    /// An answer says "attached" but names no enclosure.
    EnclosureUnnamed,
    /// A partial NCND part on a question neither confirmed nor denied in full.
    NcndPartUnused,
    /// The letter says the same sentence twice.
    RepeatedSentence,
    /// A phrase repeated inside one sentence.
    RepeatedPhrase,
    /// A placeholder or marker left in the letter.
    PlaceholderLeft,
    /// The other regime's terminology.
    RegimeTerminology,
    /// The letter speaks of an attachment and lists no enclosures.
    AttachedWithoutEnclosure,
    /// Library wording that contradicts the decision.
    ContradictsDecision,
    /// The authority written of in the third person.
    Voice,
    /// Enclosures on an answer that sends nothing.
    EnclosureNotSent,
    /// The letter lacks the review or complaint rights a notice must give.
    RightsMissing,
    /// Question numbers out of order, repeated or missing, or no questions at all.
    QuestionsMalformed,
    /// Dates in an impossible order.
    DateOrder,
    /// Criminal offence data without the Article 10 condition.
    CriminalOffenceDataCondition,
    /// The presumption in favour of disclosure weighed as a factor.
    PresumptionWeighed,
    /// No authority profile: the letter shows the profile's markers.
    ProfileMissing,
    /// A flagged NCND sentence the caseworker acknowledged as safe.
    NcndAcknowledged,
    /// A refusal that itself confirms the information exists.
    RefusalConfirmsExistence,
    /// An NCND on a fact that has been officially confirmed.
    NcndOfficiallyConfirmed,
}

impl Code {
    /// Every code.
    pub const ALL: [Code; 55] = [
        Code::UnknownExemption,
        Code::WrongRegime,
        Code::HarmMissing,
        Code::LikelihoodMissing,
        Code::LikelihoodTooLow,
        Code::PitMissing,
        Code::PitOnAbsolute,
        Code::NcndWithoutProvision,
        Code::NcndWithoutClaim,
        Code::NcndProvisionOutsideNcnd,
        Code::S23WithoutS24,
        Code::NcndConfirms,
        Code::NcndLeak,
        Code::RefusalWithoutClaim,
        Code::AnswerMissing,
        Code::DuplicateClaim,
        Code::CostLimitWithoutAdvice,
        Code::CostWithinLimit,
        Code::RepeatedWithoutReference,
        Code::RequesterMissing,
        Code::Undecided,
        Code::LateResponse,
        Code::DeadlineNear,
        Code::InvalidExtension,
        Code::ClockStopped,
        Code::DatesOutsideCalendar,
        Code::WholeRequestWithAnswers,
        Code::AmbiguousCitation,
        Code::LimbMissing,
        Code::LimbInferred,
        Code::QualifiedPersonMissing,
        Code::CompletionParticularsMissing,
        Code::LegitimateInterestsMissing,
        Code::TestWording,
        Code::LikelihoodDisagrees,
        Code::ThinConclusion,
        Code::EnclosureUnnamed,
        Code::NcndPartUnused,
        Code::RepeatedSentence,
        Code::RepeatedPhrase,
        Code::PlaceholderLeft,
        Code::RegimeTerminology,
        Code::AttachedWithoutEnclosure,
        Code::ContradictsDecision,
        Code::Voice,
        Code::EnclosureNotSent,
        Code::RightsMissing,
        Code::QuestionsMalformed,
        Code::DateOrder,
        Code::CriminalOffenceDataCondition,
        Code::PresumptionWeighed,
        Code::ProfileMissing,
        Code::NcndAcknowledged,
        Code::RefusalConfirmsExistence,
        Code::NcndOfficiallyConfirmed,
    ];

    /// The stable text code, e.g. `pit-missing`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::UnknownExemption => "unknown-exemption",
            Code::WrongRegime => "wrong-regime",
            Code::HarmMissing => "harm-missing",
            Code::LikelihoodMissing => "likelihood-missing",
            Code::LikelihoodTooLow => "likelihood-too-low",
            Code::PitMissing => "pit-missing",
            Code::PitOnAbsolute => "pit-on-absolute",
            Code::NcndWithoutProvision => "ncnd-without-provision",
            Code::NcndWithoutClaim => "ncnd-without-claim",
            Code::NcndProvisionOutsideNcnd => "ncnd-provision-outside-ncnd",
            Code::S23WithoutS24 => "s23-without-s24",
            Code::NcndConfirms => "ncnd-confirms",
            Code::NcndLeak => "ncnd-leak",
            Code::RefusalWithoutClaim => "refusal-without-claim",
            Code::AnswerMissing => "answer-missing",
            Code::DuplicateClaim => "duplicate-claim",
            Code::CostLimitWithoutAdvice => "cost-limit-without-advice",
            Code::CostWithinLimit => "cost-within-limit",
            Code::RepeatedWithoutReference => "repeated-without-reference",
            Code::RequesterMissing => "requester-missing",
            Code::Undecided => "undecided",
            Code::LateResponse => "late-response",
            Code::DeadlineNear => "deadline-near",
            Code::InvalidExtension => "invalid-extension",
            Code::ClockStopped => "clock-stopped",
            Code::DatesOutsideCalendar => "dates-outside-calendar",
            Code::WholeRequestWithAnswers => "whole-request-with-answers",
            Code::AmbiguousCitation => "ambiguous-citation",
            Code::LimbMissing => "limb-missing",
            Code::LimbInferred => "limb-inferred",
            Code::QualifiedPersonMissing => "qualified-person-missing",
            Code::CompletionParticularsMissing => "completion-particulars-missing",
            Code::LegitimateInterestsMissing => "legitimate-interests-missing",
            Code::TestWording => "test-wording",
            Code::LikelihoodDisagrees => "likelihood-disagrees",
            Code::ThinConclusion => "thin-conclusion",
            Code::EnclosureUnnamed => "enclosure-unnamed",
            Code::NcndPartUnused => "ncnd-part-unused",
            Code::RepeatedSentence => "repeated-sentence",
            Code::RepeatedPhrase => "repeated-phrase",
            Code::PlaceholderLeft => "placeholder-left",
            Code::RegimeTerminology => "regime-terminology",
            Code::AttachedWithoutEnclosure => "attached-without-enclosure",
            Code::ContradictsDecision => "contradicts-decision",
            Code::Voice => "voice",
            Code::EnclosureNotSent => "enclosure-not-sent",
            Code::RightsMissing => "rights-missing",
            Code::QuestionsMalformed => "questions-malformed",
            Code::DateOrder => "date-order",
            Code::CriminalOffenceDataCondition => "criminal-offence-data-condition",
            Code::PresumptionWeighed => "presumption-weighed",
            Code::ProfileMissing => "profile-missing",
            Code::NcndAcknowledged => "ncnd-acknowledged",
            Code::RefusalConfirmsExistence => "refusal-confirms-existence",
            Code::NcndOfficiallyConfirmed => "ncnd-officially-confirmed",
        }
    }

    /// Parses a text code.
    pub fn parse(text: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == text.trim())
    }

    /// The severity of this code at a stage.
    pub fn severity(self, stage: Stage) -> Severity {
        match self {
            Code::Undecided => match stage {
                Stage::Drafting => Severity::Info,
                Stage::Final => Severity::Blocking,
            },
            Code::PlaceholderLeft => match stage {
                Stage::Drafting => Severity::Warning,
                Stage::Final => Severity::Blocking,
            },
            Code::AmbiguousCitation
            | Code::LimbMissing
            | Code::QualifiedPersonMissing
            | Code::CompletionParticularsMissing
            | Code::TestWording
            | Code::LikelihoodDisagrees
            | Code::RegimeTerminology
            | Code::AttachedWithoutEnclosure
            | Code::RightsMissing
            | Code::QuestionsMalformed
            | Code::DateOrder => Severity::Blocking,
            Code::LegitimateInterestsMissing
            | Code::ThinConclusion
            | Code::EnclosureUnnamed
            | Code::NcndPartUnused
            | Code::RepeatedSentence
            | Code::RepeatedPhrase
            | Code::ContradictsDecision
            | Code::Voice
            | Code::EnclosureNotSent
            | Code::CriminalOffenceDataCondition
            | Code::PresumptionWeighed
            | Code::ProfileMissing
            | Code::RefusalConfirmsExistence
            | Code::NcndOfficiallyConfirmed => Severity::Warning,
            Code::LimbInferred | Code::NcndAcknowledged => Severity::Info,
            Code::UnknownExemption
            | Code::WrongRegime
            | Code::HarmMissing
            | Code::LikelihoodMissing
            | Code::PitMissing
            | Code::NcndWithoutProvision
            | Code::NcndWithoutClaim
            | Code::NcndProvisionOutsideNcnd
            | Code::NcndConfirms
            | Code::NcndLeak
            | Code::RefusalWithoutClaim
            | Code::AnswerMissing
            | Code::CostLimitWithoutAdvice
            | Code::CostWithinLimit
            | Code::S23WithoutS24 => Severity::Blocking,
            Code::LikelihoodTooLow
            | Code::PitOnAbsolute
            | Code::DuplicateClaim
            | Code::RepeatedWithoutReference
            | Code::RequesterMissing
            | Code::LateResponse
            | Code::DeadlineNear
            | Code::InvalidExtension
            | Code::DatesOutsideCalendar
            | Code::WholeRequestWithAnswers => Severity::Warning,
            Code::ClockStopped => Severity::Info,
        }
    }

    /// The long explanation and its law, from the data file.
    pub fn info(self) -> &'static FindingInfo {
        finding_info(self)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The explanation of a code (from `assets/law/findings.ron`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct FindingInfo {
    /// The code.
    pub code: String,
    /// A short title.
    pub title: String,
    /// The law behind the check.
    pub law: String,
    /// Why it matters, in a trainer's words.
    pub explanation: String,
}

const FINDINGS_RON: &str = include_str!("../../../assets/law/findings.ron");

fn all_info() -> &'static [FindingInfo] {
    static INFO: OnceLock<Vec<FindingInfo>> = OnceLock::new();
    INFO.get_or_init(|| ron::from_str(FINDINGS_RON).unwrap_or_default())
}

fn finding_info(code: Code) -> &'static FindingInfo {
    static EMPTY: OnceLock<FindingInfo> = OnceLock::new();
    all_info()
        .iter()
        .find(|i| i.code == code.as_str())
        .unwrap_or_else(|| EMPTY.get_or_init(FindingInfo::default))
}

/// Where in the case a finding points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Place {
    /// The case as a whole (dates, requester).
    Case,
    /// The whole-request refusal.
    WholeRequest,
    /// A question's decision.
    Question(u32),
    /// One claim of a question (0-based index).
    Claim(u32, usize),
}

impl Place {
    /// Orders places as a reader meets them: case, whole request, then each
    /// question with its claims.
    pub fn sort_key(self) -> (u8, u32, usize) {
        match self {
            Place::Case => (0, 0, 0),
            Place::WholeRequest => (1, 0, 0),
            Place::Question(n) => (2, n, 0),
            Place::Claim(n, claim) => (2, n, claim + 1),
        }
    }

    /// The question number, if the place is in a question.
    pub fn question(self) -> Option<u32> {
        match self {
            Place::Question(n) | Place::Claim(n, _) => Some(n),
            _ => None,
        }
    }
}

/// One problem or note about a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The stable code.
    pub code: Code,
    /// How serious it is.
    pub severity: Severity,
    /// Where it points.
    pub place: Place,
    /// One line saying what is wrong here.
    pub message: String,
    /// The sentence an NCND finding is about, which the caseworker may
    /// rewrite or acknowledge.
    pub flagged: Option<FlaggedSentence>,
}

/// A sentence the NCND check flagged, as an acknowledgement must name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlaggedSentence {
    /// The NCND question whose subject it gives away.
    pub ncnd_question: u32,
    /// The sentence as written.
    pub sentence: String,
}

impl Finding {
    /// The question it concerns, if any.
    pub fn question(&self) -> Option<u32> {
        self.place.question()
    }

    /// The long explanation.
    pub fn explanation(&self) -> &'static str {
        &self.code.info().explanation
    }
}

/// Every finding about a case, ordered by place then severity.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assessment {
    /// The findings.
    pub findings: Vec<Finding>,
}

impl Assessment {
    /// The findings that stop a final letter being exported: every blocking
    /// finding, and a missing authority profile (which `check` only warns of,
    /// since it is this machine's setting and not the case's fault).
    pub fn export_refusals(&self) -> Vec<&Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Blocking || f.code == Code::ProfileMissing)
            .collect()
    }

    /// True when any finding blocks sending.
    pub fn has_blocking(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.severity == Severity::Blocking)
    }

    /// Findings of one severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// The codes found, for tests and summaries.
    pub fn codes(&self) -> Vec<Code> {
        self.findings.iter().map(|f| f.code).collect()
    }

    /// Findings about one question.
    pub fn for_question(&self, number: u32) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(move |f| f.question() == Some(number))
    }
}

/// What the checks need besides the case.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The regime catalogues.
    pub catalogues: &'a Catalogues,
    /// Bank holidays.
    pub holidays: &'a HolidayCalendar,
    /// Today's date (the checks never read the clock).
    pub today: Date,
    /// The date on the letter, when it is not the case's response date or today.
    pub letter_date: Option<Date>,
    /// Drafting or final.
    pub stage: Stage,
    /// The cost limit in hours (18 for most authorities, 24 for central government).
    pub cost_limit_hours: Option<f64>,
    /// The words the NCND check reads with (bundled, plus a team's synonyms).
    pub inference: &'a inference::Vocabulary,
    /// What has been officially confirmed (bundled, plus the team's register).
    pub public_record: &'a public_record::PublicRecord,
}

struct Collector {
    stage: Stage,
    findings: Vec<Finding>,
}

impl Collector {
    fn add(&mut self, code: Code, place: Place, message: impl Into<String>) {
        self.findings.push(Finding {
            code,
            severity: code.severity(self.stage),
            place,
            message: message.into(),
            flagged: None,
        });
    }

    fn add_flagged(&mut self, code: Code, place: Place, message: String, flagged: FlaggedSentence) {
        self.findings.push(Finding {
            code,
            severity: code.severity(self.stage),
            place,
            message,
            flagged: Some(flagged),
        });
    }
}

fn blank(text: Option<&str>) -> bool {
    text.is_none_or(|t| t.trim().is_empty())
}

/// Checks a case and returns every finding.
pub fn assess(case: &Case, context: &Context<'_>) -> Assessment {
    let mut out = Collector {
        stage: context.stage,
        findings: Vec::new(),
    };
    let catalogue = context.catalogues.get(case.regime);

    check_requester(case, &mut out);
    check_dates(case, context, catalogue, &mut out);
    check_date_order(case, context, &mut out);
    check_questions_shape(case, &mut out);
    check_requested_under(case, &mut out);
    if let Some(refusal) = &case.whole_request {
        check_whole_request(case, refusal, context, &mut out);
        // The questions are not answered, so only their enclosures matter.
        for question in &case.questions {
            check_enclosures(case, question, &mut out);
        }
    } else {
        for question in &case.questions {
            check_question(case, question, context, catalogue, &mut out);
        }
        check_what_the_requester_learns(case, context, &mut out);
        for found in
            public_record::officially_confirmed(case, context.public_record, context.inference)
        {
            out.add(
                Code::NcndOfficiallyConfirmed,
                Place::Question(found.question),
                found.message(),
            );
        }
        for refusal in inference::refusals_that_confirm(case, context.inference) {
            out.add(
                Code::RefusalConfirmsExistence,
                Place::Question(refusal.question),
                refusal.message(),
            );
        }
    }

    let mut findings = out.findings;
    findings.sort_by_key(|f| (f.place.sort_key(), f.severity));
    Assessment { findings }
}

/// Dates in an impossible order: a letter or response before the request.
fn check_date_order(case: &Case, context: &Context<'_>, out: &mut Collector) {
    let received = case.received_on;
    if let Some(responded) = case.responded_on
        && responded < received
    {
        out.add(
            Code::DateOrder,
            Place::Case,
            format!(
                "the response date {responded} is before the request was received ({received})"
            ),
        );
    }
    if let Some(letter) = context.letter_date
        && letter < received
        && Some(letter) != case.responded_on
    {
        out.add(
            Code::DateOrder,
            Place::Case,
            format!("the letter is dated {letter}, before the request was received ({received})"),
        );
    }
    for question in &case.questions {
        for (index, claim) in question.all_claims().enumerate() {
            if let Some(on) = claim.qualified_person.as_ref().and_then(|p| p.opinion_on)
                && on < received
            {
                out.add(
                    Code::DateOrder,
                    Place::Claim(question.number, index),
                    format!(
                        "the qualified person's opinion is dated {on}, before the request was received ({received})"
                    ),
                );
            }
        }
    }
}

/// The letter numbers the questions 1, 2, 3 and answers each by its number.
fn check_questions_shape(case: &Case, out: &mut Collector) {
    if case.questions.is_empty() {
        if case.whole_request.is_none() {
            out.add(
                Code::QuestionsMalformed,
                Place::Case,
                "the case has no questions, so the letter would answer nothing",
            );
        }
        return;
    }
    let in_order = case
        .questions
        .iter()
        .enumerate()
        .all(|(index, q)| u32::try_from(index + 1).is_ok_and(|n| n == q.number));
    if !in_order {
        let numbers: Vec<String> = case
            .questions
            .iter()
            .take(12)
            .map(|q| q.number.to_string())
            .collect();
        out.add(
            Code::QuestionsMalformed,
            Place::Case,
            format!(
                "question numbers must run 1, 2, 3 and so on in order; found {}{}",
                numbers.join(", "),
                if case.questions.len() > 12 {
                    ", …"
                } else {
                    ""
                }
            ),
        );
    }
    for question in &case.questions {
        if question.text.trim().is_empty() {
            out.add(
                Code::QuestionsMalformed,
                Place::Question(question.number),
                "the question has no text",
            );
        }
    }
}

/// FOIA s.39 sends environmental requests to the EIR, FOISA s.39(2) to the
/// EISR; a request cannot move between the UK and Scottish laws.
fn check_requested_under(case: &Case, out: &mut Collector) {
    let Some(named) = case.requested_under else {
        return;
    };
    if named != case.regime && named.is_scottish() != case.regime.is_scottish() {
        out.add(
            Code::WrongRegime,
            Place::Case,
            format!(
                "the request named the {}, but it is handled under the {}: the UK and Scottish laws apply to different authorities, so one cannot stand in for the other",
                named.law_title(),
                case.regime.law_title()
            ),
        );
    }
}

fn check_requester(case: &Case, out: &mut Collector) {
    let missing: Vec<&str> = [
        ("name", case.requester.name.as_str()),
        (
            "address for correspondence",
            case.requester.contact.as_str(),
        ),
    ]
    .into_iter()
    .filter(|(_, value)| value.trim().is_empty())
    .map(|(what, _)| what)
    .collect();
    if !missing.is_empty() {
        out.add(
            Code::RequesterMissing,
            Place::Case,
            format!("the requester's {} is not recorded", missing.join(" and ")),
        );
    }
}

fn check_whole_request(
    case: &Case,
    refusal: &WholeRequestRefusal,
    context: &Context<'_>,
    out: &mut Collector,
) {
    let environmental = case.regime.is_environmental();
    let place = Place::WholeRequest;
    match refusal {
        WholeRequestRefusal::CostLimit {
            estimate_hours,
            explanation,
            advice,
            public_interest,
            ..
        } => {
            if blank(advice.as_deref()) {
                out.add(
                    Code::CostLimitWithoutAdvice,
                    place,
                    "the cost refusal gives no advice on how to bring the request within the limit",
                );
            }
            if explanation.trim().is_empty() {
                out.add(
                    Code::AnswerMissing,
                    place,
                    "the cost refusal does not explain the estimate",
                );
            }
            let limit = match case.regime {
                Regime::Foisa | Regime::Eisr => 40.0,
                Regime::Foia | Regime::Eir => context.cost_limit_hours.unwrap_or(18.0),
            };
            if !environmental && *estimate_hours <= limit {
                out.add(
                    Code::CostWithinLimit,
                    place,
                    format!(
                        "the estimate of {estimate_hours} hours is within the {limit}-hour limit"
                    ),
                );
            }
            if environmental && !public_interest.as_ref().is_some_and(|p| p.is_complete()) {
                out.add(
                    Code::PitMissing,
                    place,
                    "a request refused as manifestly unreasonable needs a public interest test (factors both ways and a conclusion)",
                );
            }
        }
        WholeRequestRefusal::Vexatious {
            explanation,
            public_interest,
        } => {
            if explanation.trim().is_empty() {
                out.add(
                    Code::AnswerMissing,
                    place,
                    "the vexatious refusal gives no reasons",
                );
            }
            if environmental && !public_interest.as_ref().is_some_and(|p| p.is_complete()) {
                out.add(
                    Code::PitMissing,
                    place,
                    "a request refused as manifestly unreasonable needs a public interest test (factors both ways and a conclusion)",
                );
            }
        }
        WholeRequestRefusal::Repeated {
            explanation,
            earlier_reference,
        } => {
            if explanation.trim().is_empty() {
                out.add(
                    Code::AnswerMissing,
                    place,
                    "the repeated-request refusal gives no reasons",
                );
            }
            if blank(earlier_reference.as_deref()) {
                out.add(
                    Code::RepeatedWithoutReference,
                    place,
                    "the earlier request this one repeats is not identified",
                );
            }
            if environmental {
                out.add(
                    Code::WrongRegime,
                    place,
                    "the environmental regulations have no repeated-request ground; refuse under the manifestly unreasonable exception with a public interest test, as a vexatious refusal",
                );
            }
        }
    }
    let answered: Vec<String> = case
        .questions
        .iter()
        .filter(|q| q.decision != Decision::Undecided)
        .map(|q| format!("Q{}", q.number))
        .collect();
    if !answered.is_empty() {
        out.add(
            Code::WholeRequestWithAnswers,
            place,
            format!(
                "the whole request is refused, so the answers to {} will not be sent",
                answered.join(", ")
            ),
        );
    }
}

fn check_question(
    case: &Case,
    question: &Question,
    context: &Context<'_>,
    catalogue: &Catalogue,
    out: &mut Collector,
) {
    let number = question.number;
    let decision = &question.decision;
    let place = Place::Question(number);
    match decision {
        Decision::Undecided => {
            if case.whole_request.is_none() {
                out.add(Code::Undecided, place, "the question has no decision yet");
            }
        }
        Decision::Disclose { answer } => {
            if answer.trim().is_empty() {
                out.add(
                    Code::AnswerMissing,
                    place,
                    "the answer to disclose is empty",
                );
            }
        }
        Decision::PartDisclose { answer, claims, .. } => {
            if answer.trim().is_empty() {
                out.add(Code::AnswerMissing, place, "the part to disclose is empty");
            }
            if claims.is_empty() {
                out.add(
                    Code::RefusalWithoutClaim,
                    place,
                    "part of the information is withheld but no exemption is cited",
                );
            }
        }
        Decision::Withhold { claims, .. } => {
            if claims.is_empty() {
                out.add(
                    Code::RefusalWithoutClaim,
                    place,
                    "the information is withheld but no exemption is cited",
                );
            }
        }
        Decision::NotHeld { explanation, .. } => {
            if explanation.trim().is_empty() {
                out.add(
                    Code::AnswerMissing,
                    place,
                    "there is no explanation of why the information is not held",
                );
            }
        }
        Decision::Ncnd { .. } => {}
    }
    if question.ncnd_part_unused() {
        out.add(
            Code::NcndPartUnused,
            place,
            "the whole question is neither confirmed nor denied, so its partial neither-confirm-nor-deny part is not used",
        );
    }
    if let Some(view) = question.ncnd() {
        if view.scope.trim().is_empty() {
            out.add(
                Code::AnswerMissing,
                place,
                if view.partial {
                    "the scope of the part neither confirmed nor denied is empty"
                } else {
                    "the scope of what is neither confirmed nor denied is empty"
                },
            );
        }
        if view.claims.is_empty() {
            out.add(
                Code::NcndWithoutClaim,
                place,
                "neither confirm nor deny is chosen but no provision is cited",
            );
        }
    }
    check_enclosures(case, question, out);
    let letter_date = context
        .letter_date
        .or(case.responded_on)
        .unwrap_or(context.today);
    let withholding = question.withholding_claims();
    let ncnd_claims: &[Claim] = question.ncnd().map_or(&[], |view| view.claims);
    let mut seen = HashSet::new();
    let claims = withholding
        .iter()
        .map(|c| (c, false))
        .chain(ncnd_claims.iter().map(|c| (c, true)));
    for (index, (claim, in_ncnd)) in claims.enumerate() {
        let claim_place = Place::Claim(number, index);
        let entry = match catalogue.resolve(&claim.exemption) {
            Resolution::Found(entry) => entry,
            Resolution::Ambiguous(choices) => {
                let ids: Vec<&str> = choices.iter().map(|e| e.id.as_str()).collect();
                out.add(
                    Code::AmbiguousCitation,
                    claim_place,
                    format!(
                        "\"{}\" could be any of {}: choose one",
                        claim.exemption,
                        ids.join(", ")
                    ),
                );
                continue;
            }
            Resolution::Unknown if claim.exemption.trim().is_empty() => {
                out.add(
                    Code::UnknownExemption,
                    claim_place,
                    "a claim names no provision: choose one from the catalogue",
                );
                continue;
            }
            Resolution::Unknown => {
                unknown_claim(case.regime, claim, claim_place, context.catalogues, out);
                continue;
            }
        };
        if !seen.insert((entry.id.clone(), in_ncnd)) {
            out.add(
                Code::DuplicateClaim,
                claim_place,
                format!("{} is claimed more than once", entry.id),
            );
        }
        let Some(resolved) = resolve_claim(catalogue, claim, in_ncnd) else {
            continue;
        };
        check_claim(
            &ClaimCheck {
                claim,
                entry,
                resolved: &resolved,
                in_ncnd,
                catalogue,
                place: claim_place,
                letter_date,
            },
            out,
        );
    }
    if let Some(view) = question.ncnd() {
        check_ncnd_decision(
            number,
            &question.text,
            &view,
            catalogue,
            context.inference,
            out,
        );
    }
}

/// An answer that speaks of an attachment should name it, and only an
/// answer that sends something can have enclosures.
fn check_enclosures(case: &Case, question: &Question, out: &mut Collector) {
    if question.enclosures.iter().any(|e| !e.trim().is_empty()) {
        let sends = case.whole_request.is_none()
            && matches!(
                question.decision,
                Decision::Disclose { .. } | Decision::PartDisclose { .. }
            );
        if !sends {
            out.add(
                Code::EnclosureNotSent,
                Place::Question(question.number),
                "the question lists enclosures, but its answer sends nothing, so the letter does not list them",
            );
        }
        return;
    }
    let words = &lint::vocabulary().attachment_words;
    let mut texts: Vec<&str> = Vec::new();
    match &question.decision {
        Decision::Disclose { answer } | Decision::PartDisclose { answer, .. } => texts.push(answer),
        Decision::NotHeld { explanation, .. } => texts.push(explanation),
        _ => {}
    }
    texts.extend(question.decision.advice());
    if texts
        .iter()
        .any(|t| lint::mentions_any(&normalise(t), words))
    {
        out.add(
            Code::EnclosureUnnamed,
            Place::Question(question.number),
            "the answer speaks of a document sent with the letter but names no enclosure; the letter lists it only as \"the document referred to\"",
        );
    }
}

fn unknown_claim(
    regime: Regime,
    claim: &Claim,
    place: Place,
    catalogues: &Catalogues,
    out: &mut Collector,
) {
    let holders: Vec<Regime> = catalogues
        .regimes_holding(&claim.exemption)
        .into_iter()
        .filter(|r| *r != regime)
        .collect();
    if let Some(other) = holders.first() {
        // Ids repeat across the UK and Scottish laws with other meanings, so
        // only suggest equivalents within one jurisdiction.
        let same_jurisdiction = other.is_scottish() == regime.is_scottish();
        let equivalents = catalogues
            .get(*other)
            .find(&claim.exemption)
            .map(|e| {
                e.equivalents
                    .iter()
                    .filter(|id| same_jurisdiction && catalogues.get(regime).get(id).is_some())
                    .cloned()
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        let hint = match equivalents.as_slice() {
            [] => String::new(),
            ids => format!(
                "; the {} equivalent is {}",
                regime.short_name(),
                ids.join(" or ")
            ),
        };
        out.add(
            Code::WrongRegime,
            place,
            format!(
                "{} is a provision of the {}, but this case is under the {}{hint}",
                claim.exemption,
                other.law_title(),
                regime.law_title()
            ),
        );
    } else {
        out.add(
            Code::UnknownExemption,
            place,
            format!(
                "\"{}\" is not in the {} catalogue",
                claim.exemption,
                regime.short_name()
            ),
        );
    }
}

/// One claim and what it is checked against.
struct ClaimCheck<'a> {
    claim: &'a Claim,
    entry: &'a Entry,
    resolved: &'a ResolvedClaim<'a>,
    in_ncnd: bool,
    catalogue: &'a Catalogue,
    place: Place,
    letter_date: Date,
}

fn check_claim(check: &ClaimCheck<'_>, out: &mut Collector) {
    let ClaimCheck {
        claim,
        entry,
        resolved,
        in_ncnd,
        catalogue,
        place,
        letter_date,
    } = *check;
    let name = entry.cite_with_title();
    if entry.kind == EntryKind::WholeRequest {
        out.add(
            Code::UnknownExemption,
            place,
            format!(
                "{} refuses a whole request; record it as a whole-request refusal, not a claim",
                entry.id
            ),
        );
        return;
    }
    if in_ncnd && resolved.provision.is_none() {
        out.add(
            Code::NcndWithoutProvision,
            place,
            format!("{name} has no provision to neither confirm nor deny"),
        );
    }
    if !in_ncnd && entry.kind == EntryKind::NcndProvision {
        let exemption = catalogue
            .exemption_behind(entry)
            .map(|e| format!("; to withhold information cite {}", e.id))
            .unwrap_or_default();
        out.add(
            Code::NcndProvisionOutsideNcnd,
            place,
            format!(
                "{} only removes the duty to confirm or deny{exemption}",
                entry.id
            ),
        );
    }
    let harm = claim.harm.as_deref().unwrap_or_default();
    if (resolved.test.needs_harm() || in_ncnd) && harm.trim().is_empty() {
        let why = if in_ncnd && !resolved.test.needs_harm() {
            "say what confirming or denying would itself reveal"
        } else {
            "say what harm disclosure would cause"
        };
        out.add(Code::HarmMissing, place, format!("{name}: {why}"));
    }
    if resolved.test.needs_likelihood() && claim.likelihood.is_none() {
        let options = match resolved.test {
            HarmTest::AdverseEffect => "state that disclosure would adversely affect the interest",
            HarmTest::SubstantialPrejudice => {
                "choose 'would' or 'would be likely to' prejudice substantially"
            }
            _ => "choose 'would' or 'would be likely to'",
        };
        out.add(Code::LikelihoodMissing, place, format!("{name}: {options}"));
    }
    if resolved.test == HarmTest::AdverseEffect
        && claim.likelihood == Some(Likelihood::WouldBeLikely)
    {
        out.add(
            Code::LikelihoodTooLow,
            place,
            format!(
                "{name}: the exception needs harm that would happen, not harm that would be likely"
            ),
        );
    }
    if let Some(wording) = &resolved.wording
        && resolved.test.needs_likelihood()
    {
        if let Some(problem) = test_words_problem(harm, &wording.verb) {
            out.add(Code::TestWording, place, format!("{name}: {problem}"));
        }
        let likelihood = if resolved.test == HarmTest::AdverseEffect {
            Some(Likelihood::Would)
        } else {
            claim.likelihood
        };
        if let Some(likelihood) = likelihood
            && let Some(problem) = likelihood_problem(harm, likelihood)
        {
            out.add(
                Code::LikelihoodDisagrees,
                place,
                format!("{name}: {problem}"),
            );
        }
    }
    check_limbs(resolved, &name, place, out);
    check_particulars(claim, resolved, &name, place, letter_date, out);
    match (resolved.status, &claim.public_interest) {
        (Status::Qualified, None) => out.add(
            Code::PitMissing,
            place,
            if in_ncnd && catalogue.regime == Regime::Foisa {
                format!(
                    "{name}: section 18(1) applies only where revealing whether the information exists would be contrary to the public interest; weigh the public interest both ways and conclude"
                )
            } else {
                format!("{name} is qualified: weigh the public interest both ways and conclude")
            },
        ),
        (Status::Qualified, Some(pit)) if !pit.is_complete() => {
            let mut gaps = Vec::new();
            if !pit.favouring_disclosure.iter().any(|f| !f.trim().is_empty()) {
                gaps.push("no factor favouring disclosure");
            }
            if !pit.favouring_exemption.iter().any(|f| !f.trim().is_empty()) {
                gaps.push("no factor favouring the exemption");
            }
            if pit.conclusion.trim().is_empty() {
                gaps.push("no conclusion");
            }
            out.add(
                Code::PitMissing,
                place,
                format!("{name}: the public interest test has {}", gaps.join(", ")),
            );
        }
        (Status::Absolute, Some(_)) => out.add(
            Code::PitOnAbsolute,
            place,
            format!("{name} is absolute here; a public interest test suggests a balance the law does not ask for"),
        ),
        _ => {}
    }
    if resolved.status == Status::Qualified
        && let Some(pit) = &claim.public_interest
        && !pit.conclusion.trim().is_empty()
        && thin_conclusion(pit)
    {
        out.add(
            Code::ThinConclusion,
            place,
            format!(
                "{name}: the conclusion \"{}\" states the result but not why the balance falls that way",
                super::text::ellipsis(&pit.conclusion, 60)
            ),
        );
    }
}

fn check_limbs(resolved: &ResolvedClaim<'_>, name: &str, place: Place, out: &mut Collector) {
    for unknown in &resolved.unknown_limbs {
        out.add(
            Code::LimbMissing,
            place,
            format!("{name}: \"{unknown}\" is not one of its limbs"),
        );
    }
    match &resolved.limb_source {
        LimbSource::Missing { candidates } => {
            let named_parent = resolved.limbs.first().map(|l| l.id.clone());
            let what = if let (true, Some(parent)) = (candidates.is_empty(), named_parent) {
                format!("{parent} needs one of its own limbs named too")
            } else if candidates.is_empty() {
                "name the interest or condition relied on".to_string()
            } else {
                format!(
                    "the harm text could mean {}; name the one relied on",
                    candidates.join(" or ")
                )
            };
            out.add(Code::LimbMissing, place, format!("{name}: {what}"));
        }
        LimbSource::Inferred => {
            let ids: Vec<&str> = resolved.limbs.iter().map(|l| l.id.as_str()).collect();
            out.add(
                Code::LimbInferred,
                place,
                format!(
                    "{name}: the letter names {} because the harm text speaks of it; record it in the claim to be sure",
                    ids.join(", ")
                ),
            );
        }
        LimbSource::NotNeeded | LimbSource::Named => {}
    }
}

fn check_particulars(
    claim: &Claim,
    resolved: &ResolvedClaim<'_>,
    name: &str,
    place: Place,
    letter_date: Date,
    out: &mut Collector,
) {
    if resolved.requires.contains(&Particular::QualifiedPerson) {
        match &claim.qualified_person {
            None => out.add(
                Code::QualifiedPersonMissing,
                place,
                format!("{name}: record who the qualified person is and the date of their opinion"),
            ),
            Some(person) if person.name.trim().is_empty() => out.add(
                Code::QualifiedPersonMissing,
                place,
                format!("{name}: record who the qualified person is"),
            ),
            Some(person) if person.opinion_on.is_none() => out.add(
                Code::QualifiedPersonMissing,
                place,
                format!("{name}: record the date the qualified person gave the opinion"),
            ),
            Some(person) if person.opinion_on.is_some_and(|on| on > letter_date) => out.add(
                Code::QualifiedPersonMissing,
                place,
                format!(
                    "{name}: the opinion is dated {}, after the letter ({letter_date}); it must be given before we rely on the exemption",
                    person.opinion_on.map(|d| d.to_string()).unwrap_or_default()
                ),
            ),
            Some(_) => {}
        }
    }
    if resolved.requires.contains(&Particular::Completion) {
        let scottish = resolved.entry.id.starts_with("r10");
        match &claim.completion {
            None => out.add(
                Code::CompletionParticularsMissing,
                place,
                format!(
                    "{name}: record who is completing the material and when it is expected to be finished (or that it is not known)"
                ),
            ),
            // EISR reg 13(d) asks for the time, with no "if known".
            Some(completion)
                if scottish && completion.expected.as_deref().is_none_or(|e| e.trim().is_empty()) =>
            {
                out.add(
                    Code::CompletionParticularsMissing,
                    place,
                    format!(
                        "{name}: regulation 13(d) requires the time by which we expect the material to be finished; give an estimate"
                    ),
                )
            }
            Some(_) => {}
        }
    }
    if resolved.requires.contains(&Particular::LegitimateInterests)
        && !claim
            .legitimate_interests
            .as_ref()
            .is_some_and(LegitimateInterests::is_complete)
    {
        out.add(
            Code::LegitimateInterestsMissing,
            place,
            format!(
                "{name}: set out the legitimate interests test in its three steps (legitimate interest, necessity, balance)"
            ),
        );
    }
}

/// The statutory verbs a harm text uses after "would" or "would be likely to".
pub(crate) fn verbs_used(harm: &str) -> Vec<String> {
    let words = lint::vocabulary();
    let text = normalise(harm);
    let mut found = Vec::new();
    for lead in &words.test_lead_ins {
        let pattern = format!("{lead} ");
        for (at, _) in text.match_indices(pattern.as_str()) {
            if text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let after = &text[at + pattern.len()..];
            if let Some(verb) = words.test_verbs.iter().find(|v| {
                after.starts_with(v.as_str())
                    && after[v.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric())
            }) {
                found.push(canonical_verb(verb));
            }
        }
    }
    found
}

pub(crate) fn canonical_verb(verb: &str) -> String {
    match verb {
        "substantially prejudice" => "prejudice substantially".into(),
        "substantially inhibit" => "inhibit substantially".into(),
        other => other.into(),
    }
}

/// Why a harm text's test words are not the provision's, if they are not.
fn test_words_problem(harm: &str, expected: &str) -> Option<String> {
    let expected = canonical_verb(expected);
    let used = verbs_used(harm);
    let wrong = used.iter().find(|verb| **verb != expected)?;
    Some(format!(
        "the harm text says \"{wrong}\", but the test here is \"{expected}\"; use the provision's own words"
    ))
}

/// Why a harm text's likelihood contradicts the claim's, if it does.
fn likelihood_problem(harm: &str, likelihood: Likelihood) -> Option<String> {
    let text = normalise(harm);
    let words = lint::vocabulary();
    let says_likely = words.test_verbs.iter().any(|verb| {
        text.contains(&format!("would be likely to {verb}"))
            || text.contains(&format!("is likely to {verb}"))
    });
    let says_would = words
        .test_verbs
        .iter()
        .any(|verb| text.contains(&format!("would {verb}")));
    // "could prejudice" or "may prejudice" is below either statutory level.
    if let Some(weak) = ["could", "may", "might"].into_iter().find(|lead| {
        words
            .test_verbs
            .iter()
            .any(|verb| text.contains(&format!("{lead} {verb}")))
    }) {
        return Some(format!(
            "the harm text says the harm \"{weak}\" happen, which is below the level the claim relies on; say that it would, or would be likely to"
        ));
    }
    match likelihood {
        Likelihood::Would if says_likely && !says_would => Some(
            "the harm text says the harm \"would be likely to\" happen, but the claim says it \"would\" happen".into(),
        ),
        Likelihood::WouldBeLikely if says_would && !says_likely => Some(
            "the harm text says the harm \"would\" happen, but the claim says only that it \"would be likely to\"".into(),
        ),
        _ => None,
    }
}

/// True when a conclusion states where the balance lies without a reason.
fn thin_conclusion(pit: &PublicInterest) -> bool {
    let words = lint::vocabulary();
    let text = normalise(&pit.conclusion);
    let tokens: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    if tokens.len() < words.thin_conclusion_below_words {
        return true;
    }
    let reasons = tokens
        .iter()
        .any(|t| words.reasoning_words.iter().any(|w| w == t));
    let factor_words: BTreeSet<String> = pit
        .favouring_disclosure
        .iter()
        .chain(&pit.favouring_exemption)
        .flat_map(|f| significant_words(f))
        .collect();
    let own: Vec<String> = significant_words(&text)
        .into_iter()
        .filter(|w| !words.stock_balance_words.contains(w))
        .collect();
    let engages_factors = own.iter().any(|w| factor_words.contains(w));
    !reasons && !engages_factors && own.len() < 3
}

fn check_ncnd_decision(
    number: u32,
    question_text: &str,
    view: &NcndView<'_>,
    catalogue: &Catalogue,
    vocabulary: &inference::Vocabulary,
    out: &mut Collector,
) {
    let provisions: Vec<&str> = view
        .claims
        .iter()
        .filter_map(|c| catalogue.ncnd_provision_for(&c.exemption))
        .map(|e| e.id.as_str())
        .collect();
    // A question that names a security body itself gives nothing more away
    // when the answer cites section 23(5) alone.
    if provisions.contains(&"s23(5)")
        && !provisions.contains(&"s24(2)")
        && !inference::names_security_body(question_text, vocabulary)
    {
        out.add(
            Code::S23WithoutS24,
            Place::Question(number),
            "section 23(5) is cited without section 24(2) in the alternative, and the question does not name a security body, so the answer tells the requester that one is involved",
        );
    }
    // The scope is printed as written: wording in it that presumes the
    // information exists gives the answer away however the sentence around it
    // is hedged. The reasoning is read with every other sentence the
    // requester receives (see `check_what_the_requester_learns`).
    let place = Place::Question(number);
    for hit in giveaways(view.scope) {
        out.add(
            Code::NcndConfirms,
            place,
            format!(
                "the scope says \"{}\", which {} holding information; write it as \"any …\"",
                hit.phrase,
                hit.giveaway.verb()
            ),
        );
    }
    if let Some(words) = inference::scope_presupposes(view.scope, vocabulary) {
        out.add(
            Code::NcndConfirms,
            place,
            format!(
                "the scope says \"{words}\", which speaks of the thing as one that exists; write it as \"any …\" with nothing that assumes it is held, so the letter neither confirms nor denies it"
            ),
        );
    }
}

/// Every sentence a caseworker wrote that tells the requester what an NCND
/// answer protects: blocking, unless the caseworker acknowledged it.
fn check_what_the_requester_learns(case: &Case, context: &Context<'_>, out: &mut Collector) {
    let flags = inference::what_the_requester_learns(case, context.inference);
    let mut used = vec![false; case.acknowledged.len()];
    // One finding per sentence and place, naming every NCND question it
    // speaks of (a grouped answer's questions share one sentence).
    let mut seen: Vec<(Place, String)> = Vec::new();
    for flag in &flags {
        let key = (flag.place, normalise(&flag.sentence));
        if seen.contains(&key) {
            continue;
        }
        let also: Vec<String> = flags
            .iter()
            .filter(|other| {
                other.ncnd_question != flag.ncnd_question
                    && other.place == flag.place
                    && normalise(&other.sentence) == key.1
            })
            .map(|other| format!("Q{}", other.ncnd_question))
            .collect();
        seen.push(key);
        let scope = case
            .question(flag.ncnd_question)
            .and_then(|q| q.ncnd().map(|view| view.scope))
            .unwrap_or_default();
        let mut message = flag.message(scope);
        if !also.is_empty() {
            message.push_str(&format!(
                " (and what {} neither confirm nor deny)",
                also.join(", ")
            ));
        }
        let flagged = FlaggedSentence {
            ncnd_question: flag.ncnd_question,
            sentence: flag.sentence.clone(),
        };
        let acknowledged = case
            .acknowledged
            .iter()
            .position(|a| a.covers(&flag.sentence));
        match acknowledged {
            Some(index) if case.acknowledged[index].has_reason() => {
                used[index] = true;
                let reason = case.acknowledged[index]
                    .reason
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                out.add_flagged(
                    Code::NcndAcknowledged,
                    flag.place,
                    format!("acknowledged as safe to send ({reason}): {message}"),
                    flagged,
                );
            }
            Some(index) => {
                used[index] = true;
                out.add_flagged(
                    Code::NcndConfirms,
                    flag.place,
                    format!("{message}; it is acknowledged without a reason, which does not count: say why it is safe to send"),
                    flagged,
                );
            }
            None => out.add_flagged(
                Code::NcndConfirms,
                flag.place,
                format!("{message}; rewrite it so it assumes nothing, or acknowledge it in Review with the reason it is safe to send"),
                flagged,
            ),
        }
    }
    for (acknowledgement, used) in case.acknowledged.iter().zip(used) {
        if !used {
            out.add(
                Code::NcndAcknowledged,
                Place::Question(acknowledgement.question),
                format!(
                    "the acknowledged sentence \"{}\" matches no sentence the check flags (it was changed, removed or mistyped); the acknowledgement is dropped when the case is saved",
                    super::text::ellipsis(&acknowledgement.sentence, 60)
                ),
            );
        }
    }
}

fn working_days_between(calendar: &WorkingCalendar<'_>, from: Date, to: Date) -> Option<u32> {
    let mut count = 0;
    let mut day = from;
    while day < to {
        day = day.tomorrow().ok()?;
        if calendar.is_working_day(day).ok()? {
            count += 1;
        }
    }
    Some(count)
}

fn check_dates(case: &Case, context: &Context<'_>, catalogue: &Catalogue, out: &mut Collector) {
    let dates = match case_dates(context.holidays, case) {
        Ok(dates) => dates,
        Err(CalendarError::OutsideCoverage { date, first, last }) => {
            out.add(
                Code::DatesOutsideCalendar,
                Place::Case,
                format!("the count reaches {date}, outside the bank holiday data ({first}–{last})"),
            );
            return;
        }
    };
    if let Some(stop) = &dates.clock.stopped {
        out.add(Code::ClockStopped, Place::Case, stop.describe());
        return;
    }
    let extension_valid = check_extension(case, &dates, catalogue, out);
    let Some(standard) = &dates.response else {
        return;
    };
    let due = match (&dates.extended, extension_valid) {
        (Some(extended), true) => extended.due,
        _ => standard.due,
    };
    let responded = case.responded_on;
    let when = responded.unwrap_or(context.today);
    if when > due {
        let what = match responded {
            Some(on) => format!("the response was sent on {on}"),
            None => format!("no response has been sent and today is {}", context.today),
        };
        out.add(
            Code::LateResponse,
            Place::Case,
            format!("{what}, after the deadline of {due}"),
        );
    } else if responded.is_none() {
        let calendar = WorkingCalendar::for_regime(context.holidays, case.regime);
        if let Some(left) = working_days_between(&calendar, context.today, due)
            && left <= 3
        {
            out.add(
                Code::DeadlineNear,
                Place::Case,
                format!(
                    "the response is due on {due}, {left} working day{} from today",
                    if left == 1 { "" } else { "s" }
                ),
            );
        }
    }
}

/// Reports an extension the regime does not allow; returns whether any
/// recorded extension is valid.
fn check_extension(
    case: &Case,
    dates: &CaseDates,
    catalogue: &Catalogue,
    out: &mut Collector,
) -> bool {
    let Some((reason, notified_on, extra)) = dates.clock.extension else {
        return false;
    };
    let rules = clock_rules(case.regime);
    let mut problems = Vec::new();
    match &rules.extension {
        None => problems.push(format!(
            "{} allows no extension of time",
            case.regime.short_name()
        )),
        Some(rule) if rule.reason != reason => problems.push(format!(
            "{} allows an extension only because the request is {}, not for {}",
            case.regime.short_name(),
            rule.reason.label(),
            reason.label()
        )),
        Some(rule) => {
            let total = rules.response_days + extra;
            if total > rule.max_total_days {
                problems.push(format!(
                    "{total} working days in all is more than the {} allowed",
                    rule.max_total_days
                ));
            }
        }
    }
    if let Some(standard) = &dates.response
        && notified_on > standard.due
    {
        problems.push(format!(
            "it was notified on {notified_on}, after the original deadline of {}",
            standard.due
        ));
    }
    if reason == ExtensionReason::PublicInterest {
        let qualified_claimed = case.claims().any(|(_, claim)| {
            catalogue
                .find(&claim.exemption)
                .is_some_and(|e| e.status == Status::Qualified)
        });
        if !qualified_claimed {
            problems.push(
                "a public interest extension needs a qualified exemption, and none is claimed"
                    .to_string(),
            );
        }
    }
    if problems.is_empty() {
        return true;
    }
    out.add(
        Code::InvalidExtension,
        Place::Case,
        format!(
            "the extension does not move the deadline: {}",
            problems.join("; ")
        ),
    );
    false
}

#[cfg(test)]
mod tests;
