//! Every check fires on a case built for it and stays silent on the
//! reference case and on a sound variant.

use jiff::civil::{Date, date};

use super::*;
use crate::core::case::{
    Acknowledgement, Completion, Event, LegitimateInterests, Likelihood, NcndPart, PublicInterest,
    QualifiedPerson, Question, Requester,
};
use crate::core::case_file::parse_case;
use crate::core::document::{AuthorityProfile, ComposeInput, compose};
use crate::core::paragraphs::Library;
use lint::{LintInput, lint_letter};

const REFERENCE: &str = include_str!("../../../assets/samples/ai-in-policing.case.ron");

fn reference() -> Case {
    parse_case(REFERENCE).expect("reference case")
}

const PROFILE: &str = include_str!("../../../assets/samples/authority.ron");

/// The case checked, and its letter composed and linted, as `check` does.
fn run(case: &Case, today: Date, stage: Stage) -> Assessment {
    let holidays = HolidayCalendar::bundled();
    let context = Context {
        catalogues: Catalogues::bundled(),
        holidays: &holidays,
        today,
        stage,
        cost_limit_hours: None,
        letter_date: None,
        inference: inference::Vocabulary::bundled(),
        public_record: public_record::PublicRecord::bundled(),
    };
    let mut assessment = assess(case, &context);
    // A case referenced T-NO-PROFILE is checked on a machine with no profile.
    let profile_found = case.reference != "T-NO-PROFILE";
    let profile = if profile_found {
        AuthorityProfile::from_ron(PROFILE).expect("sample profile")
    } else {
        AuthorityProfile::default()
    };
    let mut team = Library::bundled().clone();
    if case.reference == "T-RIGHTS" {
        // A team library that replaced the review and complaint wording.
        let mut review = team.letter(case.regime, "review").unwrap().clone();
        review.body = "Thank you for your interest.".into();
        let mut complaint = team.letter(case.regime, "complaint").unwrap().clone();
        complaint.body = "We hope this helps.".into();
        team.add(vec![review, complaint], "team.ron", true);
    }
    let library = &team;
    let dates = crate::core::calendar::case_dates(&holidays, case).ok();
    let document = compose(ComposeInput {
        case,
        catalogue: Catalogues::bundled().get(case.regime),
        library,
        profile: &profile,
        dates: dates.as_ref(),
        holidays: &holidays,
        letter_date: case.responded_on.unwrap_or(today),
        draft: false,
    });
    assessment.findings.extend(lint_letter(
        &document,
        &LintInput {
            case,
            library,
            authority: &profile.name,
            stage,
            profile_found,
        },
    ));
    assessment
}

fn final_check(case: &Case) -> Assessment {
    run(case, date(2026, 3, 27), Stage::Final)
}

fn pit() -> PublicInterest {
    PublicInterest {
        favouring_disclosure: vec!["Transparency about public spending.".into()],
        favouring_exemption: vec!["Protecting a live procurement.".into()],
        conclusion: "While the procurement is live, protecting it outweighs the general interest in transparency, which the published award will meet.".into(),
    }
}

fn sound_claim(id: &str) -> Claim {
    Claim {
        exemption: id.into(),
        harm: Some("Disclosure would weaken our position in a live tender.".into()),
        likelihood: Some(Likelihood::WouldBeLikely),
        public_interest: Some(pit()),
        ..Claim::new(id)
    }
}

/// A sent, sound FOIA case with one question decided as given.
fn case_with(regime: Regime, decision: Decision) -> Case {
    let mut case = Case::new("T-1", regime, date(2026, 3, 2));
    case.responded_on = Some(date(2026, 3, 20));
    case.requester = Requester {
        name: "A Requester".into(),
        contact: "a@example.org".into(),
    };
    case.questions = vec![Question {
        decision,
        ..Question::new(1, "Which suppliers do you use?")
    }];
    case
}

fn withhold(claims: Vec<Claim>) -> Decision {
    Decision::Withhold {
        claims,
        advice: None,
    }
}

fn ncnd(scope: &str, claims: Vec<Claim>) -> Decision {
    Decision::Ncnd {
        scope: scope.into(),
        held: Some(true),
        claims,
        advice: None,
    }
}

fn ncnd_claim(id: &str) -> Claim {
    Claim {
        exemption: id.into(),
        harm: Some("Confirming or denying would reveal whether a capability exists.".into()),
        likelihood: Some(Likelihood::WouldBeLikely),
        public_interest: Some(PublicInterest {
            favouring_disclosure: vec!["Public debate about surveillance.".into()],
            favouring_exemption: vec!["Safeguarding national security.".into()],
            conclusion: "Because answers from several forces could be combined to map capabilities, the risk to national security outweighs the value of the debate.".into(),
        }),
        ..Claim::new(id)
    }
}

#[test]
fn every_code_has_an_explanation_and_every_explanation_a_code() {
    let info = all_info();
    assert_eq!(info.len(), Code::ALL.len(), "findings.ron entries");
    for code in Code::ALL {
        let entry = code.info();
        assert_eq!(entry.code, code.as_str());
        assert!(
            entry.explanation.split_whitespace().count() >= 25,
            "{code}: explanation too short"
        );
        assert!(!entry.law.is_empty(), "{code}: no law");
        assert_eq!(Code::parse(code.as_str()), Some(code));
    }
}

#[test]
fn the_reference_case_checks_clean_on_its_response_date() {
    let assessment = final_check(&reference());
    assert!(!assessment.has_blocking(), "{:#?}", assessment.findings);
    // What it does get are notes a manager would want: two bare conclusions,
    // the limbs read from the harm text, an unnamed enclosure, the personal
    // data test not set out, and the force written of in the third person.
    let mut codes: Vec<(Code, Option<u32>)> = assessment
        .findings
        .iter()
        .map(|f| (f.code, f.question()))
        .collect();
    codes.sort();
    codes.dedup();
    assert_eq!(
        codes,
        vec![
            (Code::LimbInferred, Some(5)),
            (Code::LimbInferred, Some(7)),
            (Code::LegitimateInterestsMissing, Some(7)),
            (Code::ThinConclusion, Some(5)),
            (Code::EnclosureUnnamed, Some(7)),
            (Code::Voice, Some(1)),
            (Code::Voice, Some(2)),
            (Code::Voice, Some(4)),
            (Code::Voice, Some(6)),
            (Code::Voice, Some(7)),
        ]
        .into_iter()
        .fold(Vec::new(), |mut all, item| {
            all.push(item);
            all.sort();
            all
        })
    );
}

/// (code, the case built for it)
fn table() -> Vec<(Code, Case)> {
    let mut rows: Vec<(Code, Case)> = Vec::new();

    rows.push((
        Code::UnknownExemption,
        case_with(Regime::Foia, withhold(vec![sound_claim("s99(1)")])),
    ));
    rows.push((
        Code::WrongRegime,
        case_with(Regime::Eir, withhold(vec![sound_claim("s43(2)")])),
    ));

    let mut no_harm = sound_claim("s43(2)");
    no_harm.harm = None;
    rows.push((
        Code::HarmMissing,
        case_with(Regime::Foia, withhold(vec![no_harm])),
    ));

    let mut no_likelihood = sound_claim("s31(1)(a)");
    no_likelihood.likelihood = None;
    rows.push((
        Code::LikelihoodMissing,
        case_with(Regime::Foia, withhold(vec![no_likelihood])),
    ));

    rows.push((
        Code::LikelihoodTooLow,
        case_with(Regime::Eir, withhold(vec![sound_claim("r12(5)(e)")])),
    ));

    let mut no_pit = sound_claim("s43(2)");
    no_pit.public_interest = None;
    rows.push((
        Code::PitMissing,
        case_with(Regime::Foia, withhold(vec![no_pit])),
    ));

    rows.push((
        Code::PitOnAbsolute,
        case_with(Regime::Foia, withhold(vec![sound_claim("s40(2)")])),
    ));
    rows.push((
        Code::NcndWithoutProvision,
        case_with(
            Regime::Foia,
            ncnd("any trade secrets", vec![ncnd_claim("s43(1)")]),
        ),
    ));
    rows.push((
        Code::NcndWithoutClaim,
        case_with(Regime::Foia, ncnd("any covert tactics", vec![])),
    ));
    rows.push((
        Code::NcndProvisionOutsideNcnd,
        case_with(Regime::Foia, withhold(vec![sound_claim("s31(3)")])),
    ));

    let mut s23 = ncnd_claim("s23(5)");
    s23.public_interest = None;
    s23.likelihood = None;
    rows.push((
        Code::S23WithoutS24,
        case_with(
            Regime::Foia,
            ncnd("any involvement of security bodies", vec![s23]),
        ),
    ));

    let mut leaky = ncnd_claim("s24(2)");
    leaky.harm = Some("The contract is withheld because it names a covert supplier.".into());
    rows.push((
        Code::NcndConfirms,
        case_with(
            Regime::Foia,
            ncnd("any covert surveillance suppliers", vec![leaky]),
        ),
    ));

    rows.push((
        Code::RefusalWithoutClaim,
        case_with(Regime::Foia, withhold(vec![])),
    ));
    rows.push((
        Code::AnswerMissing,
        case_with(Regime::Foia, Decision::Disclose { answer: " ".into() }),
    ));
    rows.push((
        Code::DuplicateClaim,
        case_with(
            Regime::Foia,
            withhold(vec![sound_claim("s43(2)"), sound_claim("S.43(2)")]),
        ),
    ));

    let mut cost = case_with(Regime::Foia, Decision::Undecided);
    cost.whole_request = Some(WholeRequestRefusal::CostLimit {
        estimate_hours: 40.0,
        explanation: "Every file would have to be read.".into(),
        advice: None,
        public_interest: None,
        activities: Vec::new(),
    });
    rows.push((Code::CostLimitWithoutAdvice, cost));

    let mut cheap = case_with(Regime::Foia, Decision::Undecided);
    cheap.whole_request = Some(WholeRequestRefusal::CostLimit {
        estimate_hours: 12.0,
        explanation: "Twelve hours of searching.".into(),
        advice: Some("Narrow the dates.".into()),
        public_interest: None,
        activities: Vec::new(),
    });
    rows.push((Code::CostWithinLimit, cheap));

    let mut repeated = case_with(Regime::Foia, Decision::Undecided);
    repeated.whole_request = Some(WholeRequestRefusal::Repeated {
        explanation: "The same request was answered last month.".into(),
        earlier_reference: None,
    });
    rows.push((Code::RepeatedWithoutReference, repeated));

    let mut anonymous = case_with(
        Regime::Foia,
        Decision::Disclose {
            answer: "Ten.".into(),
        },
    );
    anonymous.requester = Requester::default();
    rows.push((Code::RequesterMissing, anonymous));

    rows.push((
        Code::Undecided,
        case_with(Regime::Foia, Decision::Undecided),
    ));

    let mut late = case_with(
        Regime::Foia,
        Decision::Disclose {
            answer: "Ten.".into(),
        },
    );
    late.responded_on = Some(date(2026, 4, 1));
    rows.push((Code::LateResponse, late));

    let mut near = case_with(
        Regime::Foia,
        Decision::Disclose {
            answer: "Ten.".into(),
        },
    );
    near.responded_on = None;
    rows.push((Code::DeadlineNear, near));

    let mut extended = case_with(Regime::Foisa, withhold(vec![sound_claim("s33(1)(b)")]));
    extended.events = vec![Event::Extension {
        reason: ExtensionReason::PublicInterest,
        notified_on: date(2026, 3, 20),
        working_days: 20,
    }];
    rows.push((Code::InvalidExtension, extended));

    let mut stopped = case_with(
        Regime::Foia,
        Decision::Disclose {
            answer: "Ten.".into(),
        },
    );
    stopped.events = vec![Event::ClarificationSought {
        on: date(2026, 3, 3),
    }];
    stopped.responded_on = None;
    rows.push((Code::ClockStopped, stopped));

    let mut future = case_with(
        Regime::Foia,
        Decision::Disclose {
            answer: "Ten.".into(),
        },
    );
    future.received_on = date(2031, 12, 20);
    future.responded_on = None;
    rows.push((Code::DatesOutsideCalendar, future));

    let mut refused_and_answered = case_with(
        Regime::Foia,
        Decision::Disclose {
            answer: "Ten.".into(),
        },
    );
    refused_and_answered.whole_request = Some(WholeRequestRefusal::Vexatious {
        explanation: "The requester has sent 40 requests in a month about one officer.".into(),
        public_interest: None,
    });
    rows.push((Code::WholeRequestWithAnswers, refused_and_answered));

    for (code, case) in letter_rows() {
        rows.push((code, case));
    }
    rows
}

fn disclose(answer: &str) -> Decision {
    Decision::Disclose {
        answer: answer.into(),
    }
}

/// Rows for the checks of limbs, particulars, test wording and the letter lint.
fn letter_rows() -> Vec<(Code, Case)> {
    let mut rows: Vec<(Code, Case)> = Vec::new();
    rows.push((
        Code::AmbiguousCitation,
        case_with(Regime::Foia, withhold(vec![sound_claim("s31")])),
    ));
    let mut no_limb = ncnd_claim("s31(3)");
    no_limb.harm = Some("Confirming or denying would show where our attention lies.".into());
    rows.push((
        Code::LimbMissing,
        case_with(Regime::Foia, ncnd("any covert tactics", vec![no_limb])),
    ));
    let mut inferred = ncnd_claim("s31(3)");
    inferred.harm = Some(
        "Confirming or denying would help offenders and so harm the prevention of crime.".into(),
    );
    rows.push((
        Code::LimbInferred,
        case_with(Regime::Foia, ncnd("any covert tactics", vec![inferred])),
    ));
    let mut opinion = sound_claim("s36(2)(b)(i)");
    opinion.harm = Some("Officials would give less candid advice on live options.".into());
    rows.push((
        Code::QualifiedPersonMissing,
        case_with(Regime::Foia, withhold(vec![opinion])),
    ));
    let mut unfinished = sound_claim("r12(4)(d)");
    unfinished.likelihood = None;
    rows.push((
        Code::CompletionParticularsMissing,
        case_with(Regime::Eir, withhold(vec![unfinished])),
    ));
    let mut personal = sound_claim("s40(2)");
    personal.public_interest = None;
    personal.likelihood = None;
    personal.limbs = vec!["s40(3A)(a)".into()];
    rows.push((
        Code::LegitimateInterestsMissing,
        case_with(Regime::Foia, withhold(vec![personal])),
    ));
    let mut wrong_test = sound_claim("s30(b)(i)");
    wrong_test.harm =
        Some("Disclosure would prejudice substantially the advice officials give.".into());
    rows.push((
        Code::TestWording,
        case_with(Regime::Foisa, withhold(vec![wrong_test])),
    ));
    let mut disagrees = sound_claim("s43(2)");
    disagrees.likelihood = Some(Likelihood::Would);
    disagrees.harm = Some("Disclosure would be likely to prejudice the supplier's bid.".into());
    rows.push((
        Code::LikelihoodDisagrees,
        case_with(Regime::Foia, withhold(vec![disagrees])),
    ));
    let mut thin = sound_claim("s43(2)");
    if let Some(pit) = &mut thin.public_interest {
        pit.conclusion = "The balance favours maintaining the exemption.".into();
    }
    rows.push((
        Code::ThinConclusion,
        case_with(Regime::Foia, withhold(vec![thin])),
    ));
    rows.push((
        Code::EnclosureUnnamed,
        case_with(Regime::Foia, disclose("The inspection report is attached.")),
    ));
    let mut unused = case_with(
        Regime::Foia,
        ncnd("any covert tactics", vec![ncnd_claim("s24(2)")]),
    );
    unused.questions[0].ncnd_part = Some(NcndPart {
        scope: "any covert tactics".into(),
        held: None,
        claims: vec![ncnd_claim("s24(2)")],
    });
    rows.push((Code::NcndPartUnused, unused));
    rows.push((
        Code::RepeatedSentence,
        case_with(
            Regime::Foia,
            disclose("We hold two reports on the bridge inspection. We hold two reports on the bridge inspection."),
        ),
    ));
    rows.push((
        Code::RepeatedPhrase,
        case_with(
            Regime::Foia,
            disclose("We publish the report on the bridge inspection, the report on the bridge inspection and its summary."),
        ),
    ));
    rows.push((
        Code::PlaceholderLeft,
        case_with(
            Regime::Foia,
            disclose("The figures for [Scope] are in the table below."),
        ),
    ));
    rows.push((
        Code::RegimeTerminology,
        case_with(
            Regime::Eir,
            disclose("Nothing in the survey is exempt, so we release all of it."),
        ),
    ));
    let mut attached = case_with(Regime::Foia, Decision::Undecided);
    attached.whole_request = Some(WholeRequestRefusal::Vexatious {
        explanation: "The attached list shows the 40 requests received this month.".into(),
        public_interest: None,
    });
    rows.push((Code::AttachedWithoutEnclosure, attached));
    let mut contradicts = sound_claim("s43(2)");
    if let Some(pit) = &mut contradicts.public_interest {
        pit.conclusion = "We recognise the strong public interest in transparency about public spending. Much of it is met by what we have released, such as the contract's total value and the name of the supplier.".into();
    }
    rows.push((
        Code::ContradictsDecision,
        case_with(Regime::Foia, withhold(vec![contradicts])),
    ));
    rows.push((
        Code::Voice,
        case_with(
            Regime::Foia,
            disclose("The council publishes the figures every quarter."),
        ),
    ));
    let mut not_sent = case_with(Regime::Foia, withhold(vec![sound_claim("s43(2)")]));
    not_sent.questions[0].enclosures = vec!["The full contract".into()];
    rows.push((Code::EnclosureNotSent, not_sent));
    // A team library whose review paragraph gives no rights (see `run`).
    let mut rights = case_with(Regime::Foia, disclose("Ten."));
    rights.reference = "T-RIGHTS".into();
    rows.push((Code::RightsMissing, rights));
    let mut gaps = case_with(Regime::Foia, disclose("Ten."));
    gaps.questions[0].number = 5;
    rows.push((Code::QuestionsMalformed, gaps));
    let mut backwards = case_with(Regime::Foia, disclose("Ten."));
    backwards.responded_on = Some(date(2026, 2, 20));
    rows.push((Code::DateOrder, backwards));
    let mut no_profile = case_with(Regime::Foia, disclose("Ten."));
    no_profile.reference = "T-NO-PROFILE".into();
    rows.push((Code::ProfileMissing, no_profile));
    let mut sentence = ncnd_claim("s24(2)");
    let flagged = "Our drones have flown 300 covert missions this year.";
    sentence.harm = Some(flagged.into());
    let mut acknowledged = case_with(
        Regime::Foia,
        ncnd("any covert use of drones", vec![sentence]),
    );
    acknowledged.acknowledged = vec![Acknowledgement {
        question: 1,
        sentence: flagged.into(),
        reason: "the figure is in the Chief Constable's published annual report".into(),
    }];
    rows.push((Code::NcndAcknowledged, acknowledged));
    let mut complaint = sound_claim("s40(2)");
    complaint.public_interest = None;
    complaint.likelihood = None;
    complaint.limbs = vec!["s40(3A)(a)".into()];
    complaint.legitimate_interests = Some(sound_interests());
    complaint.harm = Some("The complaint file about PC Example is his personal data.".into());
    rows.push((
        Code::RefusalConfirmsExistence,
        case_with(Regime::Foia, withhold(vec![complaint])),
    ));
    let mut turing = ncnd_claim("s24(2)");
    turing.harm = Some("Confirming or denying would reveal whether a capability exists.".into());
    rows.push((
        Code::NcndOfficiallyConfirmed,
        case_with(
            Regime::Foia,
            ncnd(
                "any partnership between MI5 and the Alan Turing Institute",
                vec![turing],
            ),
        ),
    ));
    let mut offence = sound_claim("s40(2)");
    offence.public_interest = None;
    offence.likelihood = None;
    offence.limbs = vec!["s40(3A)(a)".into()];
    offence.harm =
        Some("Whether a named person was arrested is criminal offence data about them.".into());
    offence.legitimate_interests = Some(sound_interests());
    rows.push((
        Code::CriminalOffenceDataCondition,
        case_with(Regime::Foia, withhold(vec![offence])),
    ));
    let mut weighed = sound_claim("r12(5)(b)");
    if let Some(pit) = &mut weighed.public_interest {
        pit.favouring_exemption.push(
            "The Regulations require us to start from a presumption in favour of disclosure."
                .into(),
        );
    }
    rows.push((
        Code::PresumptionWeighed,
        case_with(Regime::Eir, withhold(vec![weighed])),
    ));
    rows
}

/// A legitimate interests test with all three steps answered.
fn sound_interests() -> LegitimateInterests {
    LegitimateInterests {
        interest: "There is a legitimate interest in knowing who took the decision.".into(),
        necessity: "The decision itself is published, which meets most of that interest.".into(),
        balance: "Junior staff would not expect their names to be released.".into(),
    }
}

/// Cases that come close to each letter check and must not trip it.
fn near_misses() -> Vec<(Code, Case)> {
    let mut rows: Vec<(Code, Case)> = Vec::new();
    rows.push((
        Code::AmbiguousCitation,
        case_with(Regime::Foia, withhold(vec![sound_claim("section 43 (2)")])),
    ));
    let mut named = ncnd_claim("s31(3)");
    named.limbs = vec!["s31(1)(b)".into()];
    named.harm = Some("Confirming or denying would show where our attention lies.".into());
    rows.push((
        Code::LimbMissing,
        case_with(Regime::Foia, ncnd("any covert tactics", vec![named])),
    ));
    let mut opinion = sound_claim("s36(2)(b)(i)");
    opinion.harm = Some("Officials would give less candid advice on live options.".into());
    opinion.qualified_person = Some(QualifiedPerson {
        name: "our Chief Executive, Alex Jones".into(),
        opinion_on: Some(date(2026, 3, 16)),
    });
    rows.push((
        Code::QualifiedPersonMissing,
        case_with(Regime::Foia, withhold(vec![opinion])),
    ));
    let mut unfinished = sound_claim("r12(4)(d)");
    unfinished.likelihood = None;
    unfinished.completion = Some(Completion {
        completed_by: None,
        expected: Some("the end of June 2026".into()),
    });
    rows.push((
        Code::CompletionParticularsMissing,
        case_with(Regime::Eir, withhold(vec![unfinished])),
    ));
    let mut personal = sound_claim("s40(2)");
    personal.public_interest = None;
    personal.likelihood = None;
    personal.limbs = vec!["s40(3A)(a)".into()];
    personal.legitimate_interests = Some(sound_interests());
    rows.push((
        Code::LegitimateInterestsMissing,
        case_with(Regime::Foia, withhold(vec![personal])),
    ));
    let mut right_test = sound_claim("s30(b)(i)");
    right_test.harm =
        Some("Disclosure would inhibit substantially the advice officials give.".into());
    rows.push((
        Code::TestWording,
        case_with(Regime::Foisa, withhold(vec![right_test])),
    ));
    let mut agrees = sound_claim("s43(2)");
    agrees.harm = Some("Disclosure would be likely to prejudice the supplier's bid.".into());
    rows.push((
        Code::LikelihoodDisagrees,
        case_with(Regime::Foia, withhold(vec![agrees])),
    ));
    rows.push((
        Code::ThinConclusion,
        case_with(Regime::Foia, withhold(vec![sound_claim("s43(2)")])),
    ));
    let mut enclosed = case_with(Regime::Foia, disclose("The inspection report is attached."));
    enclosed.questions[0].enclosures = vec!["Bridge inspection report, May 2025".into()];
    rows.push((Code::EnclosureUnnamed, enclosed));
    rows.push((
        Code::RepeatedSentence,
        case_with(
            Regime::Foia,
            disclose("We hold two reports on the bridge inspection."),
        ),
    ));
    rows.push((
        Code::RepeatedPhrase,
        case_with(
            Regime::Foia,
            disclose("The public interest in maintaining the exemption outweighs the public interest in disclosure."),
        ),
    ));
    rows.push((
        Code::PlaceholderLeft,
        case_with(
            Regime::Foia,
            disclose("The figures are in the table below."),
        ),
    ));
    rows.push((
        Code::RegimeTerminology,
        case_with(
            Regime::Eir,
            disclose("Section 39 of the Freedom of Information Act 2000 exempts this survey from that Act, and we release all of it."),
        ),
    ));
    rows.push((
        Code::Voice,
        case_with(
            Regime::Foia,
            disclose("We publish the figures every quarter."),
        ),
    ));
    let mut sent = case_with(Regime::Foia, disclose("The contract is enclosed."));
    sent.questions[0].enclosures = vec!["The full contract".into()];
    rows.push((Code::EnclosureNotSent, sent));
    rows.push((
        Code::RightsMissing,
        case_with(Regime::Foia, disclose("Ten.")),
    ));
    rows.push((
        Code::QuestionsMalformed,
        case_with(Regime::Foia, disclose("Ten.")),
    ));
    rows.push((Code::DateOrder, case_with(Regime::Foia, disclose("Ten."))));
    rows.push((
        Code::ProfileMissing,
        case_with(Regime::Foia, disclose("Ten.")),
    ));
    let mut rewritten = ncnd_claim("s24(2)");
    rewritten.harm = Some(
        "Confirming or denying whether drones are flown covertly would help offenders.".into(),
    );
    let mut stale = case_with(
        Regime::Foia,
        ncnd("any covert use of drones", vec![rewritten]),
    );
    stale.acknowledged = vec![Acknowledgement {
        question: 1,
        sentence: "Our drones have flown 300 covert missions this year.".into(),
        reason: String::new(),
    }];
    // Rewriting the sentence clears the flag; the old acknowledgement no longer applies.
    rows.push((Code::NcndConfirms, stale));
    let mut statistics = sound_claim("s40(2)");
    statistics.public_interest = None;
    statistics.likelihood = None;
    statistics.limbs = vec!["s40(3A)(a)".into()];
    statistics.legitimate_interests = Some(sound_interests());
    statistics.harm =
        Some("The names of the staff who handled complaints are their personal data.".into());
    rows.push((
        Code::RefusalConfirmsExistence,
        case_with(Regime::Foia, withhold(vec![statistics])),
    ));
    rows.push((
        Code::NcndOfficiallyConfirmed,
        case_with(
            Regime::Foia,
            ncnd(
                "any work with MI5 on live operations",
                vec![ncnd_claim("s24(2)")],
            ),
        ),
    ));
    let mut named_body = ncnd_claim("s23(5)");
    named_body.public_interest = None;
    named_body.likelihood = None;
    let mut asked = case_with(
        Regime::Foia,
        ncnd(
            "any involvement of MI5 in Operation Kestrel",
            vec![named_body],
        ),
    );
    asked.questions[0].text = "Was MI5 involved in Operation Kestrel?".into();
    rows.push((Code::S23WithoutS24, asked));
    let mut offence = sound_claim("s40(2)");
    offence.public_interest = None;
    offence.likelihood = None;
    offence.limbs = vec!["s40(3A)(a)".into()];
    offence.harm = Some(
        "Whether a named person was arrested is criminal offence data about them, and no condition in Schedule 1 Part 3 to the Data Protection Act 2018 is met.".into(),
    );
    offence.legitimate_interests = Some(sound_interests());
    rows.push((
        Code::CriminalOffenceDataCondition,
        case_with(Regime::Foia, withhold(vec![offence])),
    ));
    let mut applied = sound_claim("r12(5)(b)");
    if let Some(pit) = &mut applied.public_interest {
        pit.conclusion.push_str(
            " Having applied the presumption in favour of disclosure, we still find the balance favours maintaining the exception.",
        );
    }
    rows.push((
        Code::PresumptionWeighed,
        case_with(Regime::Eir, withhold(vec![applied])),
    ));
    rows
}

#[test]
fn no_letter_check_fires_on_a_case_that_only_comes_close() {
    for (code, case) in near_misses() {
        let assessment = final_check(&case);
        let hits: Vec<&Finding> = assessment
            .findings
            .iter()
            .filter(|f| f.code == code)
            .collect();
        assert!(hits.is_empty(), "{code} fired: {hits:#?}");
    }
}

fn today_for(code: Code) -> Date {
    match code {
        // Three working days before the 31 March 2026 deadline.
        Code::DeadlineNear => date(2026, 3, 27),
        _ => date(2026, 3, 27),
    }
}

#[test]
fn every_code_fires_on_the_case_built_for_it() {
    let rows = table();
    let mut tested: Vec<Code> = rows.iter().map(|(c, _)| *c).collect();
    tested.push(Code::NcndLeak); // composed-letter check, tested with the composer
    tested.sort();
    tested.dedup();
    let mut all = Code::ALL.to_vec();
    all.sort();
    assert_eq!(tested, all, "every code has a row");

    for (code, case) in rows {
        let assessment = run(&case, today_for(code), Stage::Final);
        let finding = assessment
            .findings
            .iter()
            .find(|f| f.code == code)
            .unwrap_or_else(|| panic!("{code} did not fire: {:#?}", assessment.findings));
        assert_eq!(finding.severity, code.severity(Stage::Final), "{code}");
        assert!(!finding.message.is_empty());
    }
}

#[test]
fn no_code_fires_on_the_reference_case_or_its_sound_variants() {
    let sound = [
        case_with(Regime::Foia, withhold(vec![sound_claim("s43(2)")])),
        case_with(
            Regime::Foia,
            ncnd(
                "any covert tactics",
                vec![
                    {
                        let mut c = ncnd_claim("s23(5)");
                        c.public_interest = None; // absolute
                        c.likelihood = None; // class-based
                        c.harm = Some(
                            "An answer would show whether a security body is involved.".into(),
                        );
                        c
                    },
                    ncnd_claim("s24(2)"),
                ],
            ),
        ),
        case_with(
            Regime::Eir,
            ncnd(
                "any deployment of armed units",
                vec![{
                    let mut c = ncnd_claim("r12(5)(a)");
                    c.likelihood = Some(Likelihood::Would);
                    c.limbs = vec!["r12(5)(a)-public-safety".into()];
                    c
                }],
            ),
        ),
        case_with(
            Regime::Foisa,
            ncnd(
                "any informant payments",
                vec![{
                    let mut c = ncnd_claim("s35(1)(a)");
                    c.likelihood = Some(Likelihood::Would);
                    c
                }],
            ),
        ),
    ];
    for case in sound {
        let assessment = final_check(&case);
        let blocking_or_warning: Vec<&Finding> = assessment
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .collect();
        assert!(blocking_or_warning.is_empty(), "{:#?}", blocking_or_warning);
    }
}

#[test]
fn undecided_is_only_noted_while_drafting() {
    let case = case_with(Regime::Foia, Decision::Undecided);
    let drafting = run(&case, date(2026, 3, 10), Stage::Drafting);
    let finding = drafting
        .findings
        .iter()
        .find(|f| f.code == Code::Undecided)
        .unwrap();
    assert_eq!(finding.severity, Severity::Info);
    assert!(!drafting.has_blocking());
    assert!(run(&case, date(2026, 3, 10), Stage::Final).has_blocking());
}

#[test]
fn a_valid_extension_moves_the_deadline_and_an_invalid_one_does_not() {
    let mut case = case_with(Regime::Foia, withhold(vec![sound_claim("s43(2)")]));
    case.responded_on = Some(date(2026, 4, 20));
    case.events = vec![Event::Extension {
        reason: ExtensionReason::PublicInterest,
        notified_on: date(2026, 3, 20),
        working_days: 20,
    }];
    assert!(!final_check(&case).codes().contains(&Code::LateResponse));

    // Notified after the original deadline: invalid, so the response is late.
    case.events = vec![Event::Extension {
        reason: ExtensionReason::PublicInterest,
        notified_on: date(2026, 4, 2),
        working_days: 20,
    }];
    let codes = final_check(&case).codes();
    assert!(
        codes.contains(&Code::InvalidExtension) && codes.contains(&Code::LateResponse),
        "{codes:?}"
    );

    // No qualified exemption claimed: invalid.
    let mut absolute_only = case_with(
        Regime::Foia,
        withhold(vec![{
            let mut c = sound_claim("s40(2)");
            c.public_interest = None;
            c
        }]),
    );
    absolute_only.events = vec![Event::Extension {
        reason: ExtensionReason::PublicInterest,
        notified_on: date(2026, 3, 20),
        working_days: 20,
    }];
    assert!(
        final_check(&absolute_only)
            .codes()
            .contains(&Code::InvalidExtension)
    );

    // More than 40 working days in all.
    case.events = vec![Event::Extension {
        reason: ExtensionReason::PublicInterest,
        notified_on: date(2026, 3, 20),
        working_days: 30,
    }];
    assert!(final_check(&case).codes().contains(&Code::InvalidExtension));

    // EIR: complex and voluminous is the only ground.
    let mut eir = case_with(
        Regime::Eir,
        Decision::Disclose {
            answer: "Attached.".into(),
        },
    );
    eir.events = vec![Event::Extension {
        reason: ExtensionReason::ComplexVoluminous,
        notified_on: date(2026, 3, 20),
        working_days: 20,
    }];
    assert!(!final_check(&eir).codes().contains(&Code::InvalidExtension));
}

#[test]
fn another_answer_about_the_ncnd_subject_is_caught() {
    let mut case = reference();
    case.questions[1].decision = Decision::NotHeld {
        explanation: "The force holds no information about covert facial recognition technology."
            .into(),
        advice: None,
        basis: None,
    };
    let assessment = final_check(&case);
    let finding = assessment
        .findings
        .iter()
        .find(|f| f.code == Code::NcndConfirms)
        .expect("cross-question giveaway");
    assert_eq!(finding.question(), Some(2));
    assert!(
        finding
            .message
            .contains("speaks of what Q5 neither confirms nor denies")
            && finding
                .message
                .contains("a requester would infer that it does not exist or is not held"),
        "{}",
        finding.message
    );
}

#[test]
fn an_eir_ncnd_claim_needs_would_not_would_be_likely() {
    let case = case_with(
        Regime::Eir,
        ncnd("any armed deployments", vec![ncnd_claim("r12(5)(a)")]),
    );
    assert!(final_check(&case).codes().contains(&Code::LikelihoodTooLow));
}

#[test]
fn a_wrong_regime_claim_names_the_equivalent_when_known() {
    let case = case_with(Regime::Eir, withhold(vec![sound_claim("s43(2)")]));
    let assessment = final_check(&case);
    let finding = assessment
        .findings
        .iter()
        .find(|f| f.code == Code::WrongRegime)
        .unwrap();
    assert!(finding.message.starts_with("s43(2) is a provision of the Freedom of Information Act 2000, but this case is under the Environmental Information Regulations 2004"), "{}", finding.message);
}

#[test]
fn findings_point_at_the_claim_they_concern() {
    let mut no_pit = sound_claim("s43(2)");
    no_pit.public_interest = None;
    let case = case_with(
        Regime::Foia,
        withhold(vec![sound_claim("s31(1)(a)"), no_pit]),
    );
    let assessment = final_check(&case);
    let finding = assessment
        .findings
        .iter()
        .find(|f| f.code == Code::PitMissing)
        .unwrap();
    assert_eq!(finding.place, Place::Claim(1, 1));
}

#[test]
fn with_no_profile_its_markers_are_one_warning_that_still_stops_a_final_export() {
    let mut case = case_with(Regime::Foia, disclose("Ten."));
    case.reference = "T-NO-PROFILE".into();
    let assessment = final_check(&case);
    let missing: Vec<&Finding> = assessment
        .findings
        .iter()
        .filter(|f| f.code == Code::ProfileMissing)
        .collect();
    assert_eq!(missing.len(), 1, "{:#?}", assessment.findings);
    assert_eq!(missing[0].severity, Severity::Warning);
    for marker in ["[Authority name]", "[Review contact]", "[Signatory name]"] {
        assert!(
            missing[0].message.contains(marker),
            "{}",
            missing[0].message
        );
    }
    assert!(
        !assessment.codes().contains(&Code::PlaceholderLeft),
        "{:#?}",
        assessment.findings
    );
    assert!(!assessment.has_blocking(), "check passes the case itself");
    let refusals = assessment.export_refusals();
    assert_eq!(refusals.len(), 1);
    assert_eq!(refusals[0].code, Code::ProfileMissing);
}
