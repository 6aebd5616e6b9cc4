//! What a requester learns from an NCND letter: a table of leaky drafts that
//! the check must catch and sound drafts it must leave alone. Each draft puts
//! one sentence into one place of a small case: the NCND question's own harm,
//! public interest factors, conclusion, advice or legitimate interests test,
//! or another question's answer, refusal or not-held explanation.

use foi_drafter::core::calendar::HolidayCalendar;
use foi_drafter::core::case::{
    Case, Claim, Decision, LegitimateInterests, Likelihood, PublicInterest, Question, Regime,
};
use foi_drafter::core::catalogue::Catalogues;
use foi_drafter::core::rules::inference::Vocabulary;
use foi_drafter::core::rules::{Code, Context, Finding, Stage, assess};
use jiff::civil::date;

/// Where the draft's sentence goes.
#[derive(Debug, Clone, Copy)]
enum Slot {
    OwnHarm,
    OwnForDisclosure,
    OwnAgainst,
    OwnConclusion,
    OwnAdvice,
    OwnBalance,
    OtherAnswer,
    OtherRefusal,
    OtherNotHeld,
}

struct Draft {
    name: &'static str,
    question: &'static str,
    scope: &'static str,
    slot: Slot,
    sentence: &'static str,
    /// Named in the issue: must be caught.
    named: bool,
}

const fn leak(
    name: &'static str,
    question: &'static str,
    scope: &'static str,
    slot: Slot,
    sentence: &'static str,
) -> Draft {
    Draft {
        name,
        question,
        scope,
        slot,
        sentence,
        named: false,
    }
}

const fn named(
    name: &'static str,
    question: &'static str,
    scope: &'static str,
    slot: Slot,
    sentence: &'static str,
) -> Draft {
    Draft {
        named: true,
        ..leak(name, question, scope, slot, sentence)
    }
}

const IMSI_Q: &str = "Does the force use IMSI catchers?";
const IMSI: &str = "any use of IMSI catchers";
const ANPR_Q: &str = "Where are your covert ANPR cameras on the A1 corridor?";
const ANPR: &str = "any covert ANPR cameras on the A1 corridor";
const CHIS_Q: &str = "Were informants used in the Oakfield investigation?";
const CHIS: &str = "any use of covert human intelligence sources in the Oakfield investigation";
const COMPLAINT_Q: &str = "Has PC Jane Morrow been the subject of a complaint?";
const COMPLAINT: &str = "any complaint about PC Jane Morrow";
const PELLOW_Q: &str = "Is the force investigating Councillor Graham Pellow?";
const PELLOW: &str = "any investigation into Councillor Graham Pellow";
const MI5_Q: &str = "Was MI5 involved in Operation Kestrel?";
const MI5: &str = "any involvement of MI5 in Operation Kestrel";
const DRONE_Q: &str = "Does the force fly drones covertly?";
const DRONE: &str = "any covert use of drones";
const FR_Q: &str = "Has the force used facial recognition covertly?";
const FR: &str = "any covert use of facial recognition technology";
const SURVEILLANCE_Q: &str = "Has Mr Alan Smith been under surveillance?";
const SURVEILLANCE: &str = "any directed surveillance of Mr Alan Smith";
const HEALTH_Q: &str = "Why has Inspector Rhona Black been off work?";
const HEALTH: &str = "any information about the health of Inspector Rhona Black";
const BARRIER_Q: &str = "Have weaknesses been found in the Fleetmouth barrier's control systems?";
const BARRIER: &str = "any assessment of weaknesses in the Fleetmouth barrier's control systems";
const OSMAN_Q: &str = "Has Mr David Reid been given an Osman warning?";
const OSMAN: &str = "any Osman warning given to Mr David Reid";

fn leaky() -> Vec<Draft> {
    use Slot::*;
    vec![
        named(
            "IMSI: how many we operate",
            IMSI_Q,
            IMSI,
            OwnHarm,
            "Revealing how many IMSI catchers we operate would help criminals avoid them.",
        ),
        named(
            "IMSI: arrests from deployments",
            IMSI_Q,
            IMSI,
            OwnAgainst,
            "Our deployments of this equipment have led to 14 arrests.",
        ),
        named(
            "IMSI: bought in 2019",
            IMSI_Q,
            IMSI,
            OwnConclusion,
            "Since the equipment was bought in 2019, it has proved its worth, and that outweighs the case for openness.",
        ),
        named(
            "IMSI: another refusal's supplier",
            IMSI_Q,
            IMSI,
            OtherRefusal,
            "Disclosing the price paid to the supplier of the IMSI equipment would harm its commercial interests.",
        ),
        named(
            "IMSI: another answer's maintenance (synonyms)",
            IMSI_Q,
            IMSI,
            OtherAnswer,
            "We spent £12,000 on maintenance of our covert mobile phone monitoring kit.",
        ),
        named(
            "we hold, with a no-break space",
            IMSI_Q,
            IMSI,
            OwnHarm,
            "We\u{00A0}hold records on this, and releasing them would harm investigations.",
        ),
        named(
            "we hold, with a double space",
            IMSI_Q,
            IMSI,
            OwnHarm,
            "We  hold records on this, and releasing them would harm investigations.",
        ),
        named(
            "we hold, with a zero-width space",
            IMSI_Q,
            IMSI,
            OwnHarm,
            "We h\u{200B}old records on this, and releasing them would harm investigations.",
        ),
        leak(
            "IMSI: no longer used",
            IMSI_Q,
            IMSI,
            OwnHarm,
            "We no longer use IMSI catchers, so disclosure would do no harm to current operations.",
        ),
        leak(
            "ANPR: cameras we installed",
            ANPR_Q,
            ANPR,
            OwnHarm,
            "The covert cameras we installed on the A1 corridor would be easy to avoid if their locations were known.",
        ),
        leak(
            "ANPR: another answer's plate count",
            ANPR_Q,
            ANPR,
            OtherAnswer,
            "Our automatic number plate recognition cameras on the A1 corridor, including the covert ones, read 2 million plates a year.",
        ),
        leak(
            "CHIS: our informants since March",
            CHIS_Q,
            CHIS,
            OwnAgainst,
            "Our informants in this investigation have provided intelligence since March.",
        ),
        leak(
            "CHIS: another answer's payments",
            CHIS_Q,
            CHIS,
            OtherAnswer,
            "Payments to informants in the Oakfield investigation totalled £3,400.",
        ),
        leak(
            "complaint: disclosing the outcome",
            COMPLAINT_Q,
            COMPLAINT,
            OwnHarm,
            "Disclosing the outcome of the complaint would be unfair to PC Morrow.",
        ),
        leak(
            "complaint: upheld in 2024",
            COMPLAINT_Q,
            COMPLAINT,
            OwnBalance,
            "PC Morrow would not expect the complaint, which was upheld in 2024, to be made public.",
        ),
        leak(
            "complaint: one of forty",
            COMPLAINT_Q,
            COMPLAINT,
            OtherAnswer,
            "Of the 40 complaints we received in 2024, one concerned PC Morrow.",
        ),
        leak(
            "investigation: at an early stage",
            PELLOW_Q,
            PELLOW,
            OwnHarm,
            "The investigation into Councillor Pellow is at an early stage, and publicity could alert witnesses.",
        ),
        leak(
            "investigation: another answer's interviews",
            PELLOW_Q,
            PELLOW,
            OtherAnswer,
            "Councillor Pellow was interviewed twice in 2025, and no charging decision has been made.",
        ),
        leak(
            "MI5: supported since 2023",
            MI5_Q,
            MI5,
            OwnAgainst,
            "MI5 has supported Operation Kestrel since 2023, and its methods must be protected.",
        ),
        leak(
            "MI5: run jointly from 2022",
            MI5_Q,
            MI5,
            OtherAnswer,
            "Operation Kestrel was run jointly with the Security Service from 2022.",
        ),
        leak(
            "drones: our 300 missions",
            DRONE_Q,
            DRONE,
            OwnAgainst,
            "Our drones have flown 300 covert missions this year.",
        ),
        leak(
            "drones: another answer's 45 flights",
            DRONE_Q,
            DRONE,
            OtherAnswer,
            "The drone unit carried out 45 covert flights over the festival.",
        ),
        leak(
            "facial recognition: never deployed",
            FR_Q,
            FR,
            OwnHarm,
            "We have never deployed facial recognition covertly, but confirming that would set a precedent.",
        ),
        leak(
            "surveillance: publishing the log",
            SURVEILLANCE_Q,
            SURVEILLANCE,
            OwnHarm,
            "Publishing the surveillance log would reveal the places we watched.",
        ),
        leak(
            "surveillance: three occasions",
            SURVEILLANCE_Q,
            SURVEILLANCE,
            OwnBalance,
            "Mr Smith was kept under directed surveillance on three occasions, and he would not expect that to be made public.",
        ),
        leak(
            "surveillance: another not-held ended in March",
            SURVEILLANCE_Q,
            SURVEILLANCE,
            OtherNotHeld,
            "Our directed surveillance of Mr Smith ended in March 2024, so no later authorisations are held.",
        ),
        leak(
            "health: absence began in January",
            HEALTH_Q,
            HEALTH,
            OwnHarm,
            "Inspector Black's sickness absence began in January and is continuing.",
        ),
        leak(
            "health: another answer's 40 days",
            HEALTH_Q,
            HEALTH,
            OtherAnswer,
            "Sick leave among inspectors averaged 6 days in 2025, and Inspector Black accounted for 40 of them.",
        ),
        leak(
            "health: advice on leave that ended",
            HEALTH_Q,
            HEALTH,
            OwnAdvice,
            "You may wish to ask Inspector Black about her sick leave, which ended last month.",
        ),
        leak(
            "barrier: the 2023 assessment",
            BARRIER_Q,
            BARRIER,
            OwnHarm,
            "The 2023 assessment found two weaknesses in the control systems, and publishing it would help an attacker.",
        ),
        leak(
            "Osman: warning given last year",
            OSMAN_Q,
            OSMAN,
            OwnAgainst,
            "The threat to life warning we gave Mr Reid last year remains in force.",
        ),
        leak(
            "Osman: another answer's count",
            OSMAN_Q,
            OSMAN,
            OtherAnswer,
            "We issued 12 Osman warnings last year, including the one given to Mr Reid.",
        ),
    ]
}

fn sound() -> Vec<Draft> {
    use Slot::*;
    vec![
        leak(
            "IMSI: whether we use",
            IMSI_Q,
            IMSI,
            OwnHarm,
            "Confirming or denying whether we use IMSI catchers would tell criminals whether their phones could be monitored.",
        ),
        leak(
            "IMSI: regulation of intrusive technology",
            IMSI_Q,
            IMSI,
            OwnForDisclosure,
            "There is a public interest in knowing how intrusive technology is regulated.",
        ),
        leak(
            "IMSI: covert tactics in general",
            IMSI_Q,
            IMSI,
            OwnConclusion,
            "Protecting covert tactics, whatever they may be, outweighs the general interest in transparency, which the published code of practice already meets.",
        ),
        leak(
            "IMSI: another answer on phone examination",
            IMSI_Q,
            IMSI,
            OtherAnswer,
            "We publish our digital forensics policy, which explains how seized phones are examined.",
        ),
        leak(
            "IMSI: advice on the commissioner's reports",
            IMSI_Q,
            IMSI,
            OwnAdvice,
            "The Investigatory Powers Commissioner's Office publishes annual reports on the use of covert powers by police forces.",
        ),
        leak(
            "IMSI: if held",
            IMSI_Q,
            IMSI,
            OwnHarm,
            "If we held information about IMSI catchers, disclosing it would show criminals which areas were covered.",
        ),
        leak(
            "IMSI: answers compared",
            IMSI_Q,
            IMSI,
            OwnAgainst,
            "Any answer, either way, would be compared with answers from other forces.",
        ),
        leak(
            "complaint: legitimate interest",
            COMPLAINT_Q,
            COMPLAINT,
            OwnForDisclosure,
            "There is a legitimate interest in knowing that complaints about officers are handled properly.",
        ),
        leak(
            "complaint: published statistics",
            COMPLAINT_Q,
            COMPLAINT,
            OwnBalance,
            "Our published complaint statistics meet that interest without identifying anyone.",
        ),
        leak(
            "complaint: another answer's totals",
            COMPLAINT_Q,
            COMPLAINT,
            OtherAnswer,
            "We received 214 complaints about officers in 2025, of which 31 were upheld.",
        ),
        leak(
            "complaint: if we confirmed in some cases",
            COMPLAINT_Q,
            COMPLAINT,
            OwnConclusion,
            "An officer who has done nothing wrong would be harmed by speculation if we confirmed or denied in some cases and not others.",
        ),
        leak(
            "investigation: whether any exists",
            PELLOW_Q,
            PELLOW,
            OwnHarm,
            "Confirming or denying whether any investigation exists would alert a suspect, if there were one.",
        ),
        leak(
            "investigation: councillors in general",
            PELLOW_Q,
            PELLOW,
            OwnForDisclosure,
            "Councillors hold public office, so there is a legitimate interest in their conduct.",
        ),
        leak(
            "investigation: running their course",
            PELLOW_Q,
            PELLOW,
            OwnAgainst,
            "Investigations must be able to run their course without suspects learning of them.",
        ),
        leak(
            "investigation: another answer on policy",
            PELLOW_Q,
            PELLOW,
            OtherAnswer,
            "Our policy on investigating elected representatives is published on our website.",
        ),
        leak(
            "MI5: whether a security body was involved",
            MI5_Q,
            MI5,
            OwnHarm,
            "Revealing whether a security body was involved in any operation would help hostile actors map that involvement.",
        ),
        leak(
            "drones: public debate",
            DRONE_Q,
            DRONE,
            OwnForDisclosure,
            "Drone use by police is a matter of public debate.",
        ),
        leak(
            "drones: another answer on overt flights",
            DRONE_Q,
            DRONE,
            OtherAnswer,
            "Our overt drone unit made 312 flights last year, all of them logged and published.",
        ),
        leak(
            "ANPR: another answer on overt cameras",
            ANPR_Q,
            ANPR,
            OtherAnswer,
            "We have 48 ANPR cameras on the A1 corridor, and their locations are published.",
        ),
        leak(
            "ANPR: advice on the published policy",
            ANPR_Q,
            ANPR,
            OwnAdvice,
            "You may find our published ANPR policy helpful.",
        ),
        leak(
            "CHIS: whether informants were used",
            CHIS_Q,
            CHIS,
            OwnHarm,
            "Confirming or denying whether informants were used would endanger anyone who has ever given us information.",
        ),
        leak(
            "CHIS: oversight",
            CHIS_Q,
            CHIS,
            OwnForDisclosure,
            "Payments to informants are overseen by the Investigatory Powers Commissioner.",
        ),
        leak(
            "health: special category data",
            HEALTH_Q,
            HEALTH,
            OwnBalance,
            "Information about a person's health is special category data, which attracts extra protection.",
        ),
        leak(
            "health: another answer's policy",
            HEALTH_Q,
            HEALTH,
            OtherAnswer,
            "Our sickness absence policy is enclosed.",
        ),
        leak(
            "barrier: whether any weakness",
            BARRIER_Q,
            BARRIER,
            OwnHarm,
            "Confirming or denying whether any weakness has been found would tell an attacker where to look.",
        ),
        leak(
            "barrier: homes protected",
            BARRIER_Q,
            BARRIER,
            OwnForDisclosure,
            "The barrier protects about 9,000 homes from tidal flooding.",
        ),
        leak(
            "barrier: another answer's closures",
            BARRIER_Q,
            BARRIER,
            OtherAnswer,
            "The barrier was closed 14 times last winter, as our published operating log shows.",
        ),
        leak(
            "Osman: whether a warning was given",
            OSMAN_Q,
            OSMAN,
            OwnHarm,
            "Revealing whether the police had given anyone a warning of this kind would put that person at greater risk.",
        ),
        leak(
            "Osman: threats taken seriously",
            OSMAN_Q,
            OSMAN,
            OwnForDisclosure,
            "People are entitled to know that threats to life are taken seriously.",
        ),
        leak(
            "Osman: another answer's guidance",
            OSMAN_Q,
            OSMAN,
            OtherAnswer,
            "Police Scotland publishes guidance on threat to life warnings on its website.",
        ),
        leak(
            "Osman: safety outweighs",
            OSMAN_Q,
            OSMAN,
            OwnConclusion,
            "The risk to an individual's safety outweighs the general interest in openness, because an answer either way could not be withdrawn.",
        ),
        leak(
            "security: partner agencies",
            MI5_Q,
            MI5,
            OtherAnswer,
            "We work with many partner agencies, and publish a list of them on our website.",
        ),
    ]
}

fn pit() -> PublicInterest {
    PublicInterest {
        favouring_disclosure: vec!["There is a general public interest in openness about policing.".into()],
        favouring_exemption: vec!["Criminals would adapt their behaviour if they knew our methods.".into()],
        conclusion: "The harm to law enforcement outweighs the general interest in openness, because any answer could be compared with others.".into(),
    }
}

/// A FOIA case: Q1 neither confirmed nor denied under s.31(3), Q2 another answer.
fn case_for(draft: &Draft) -> Case {
    let mut claim = Claim::new("s31(3)");
    claim.limbs = vec!["s31(1)(a)".into()];
    claim.likelihood = Some(Likelihood::WouldBeLikely);
    claim.harm = Some(
        "Confirming or denying either way would help offenders to understand our capabilities."
            .into(),
    );
    claim.public_interest = Some(pit());
    let mut advice = None;
    let sentence = draft.sentence.to_string();
    match draft.slot {
        Slot::OwnHarm => claim.harm = Some(sentence.clone()),
        Slot::OwnForDisclosure => {
            if let Some(p) = &mut claim.public_interest {
                p.favouring_disclosure.push(sentence.clone());
            }
        }
        Slot::OwnAgainst => {
            if let Some(p) = &mut claim.public_interest {
                p.favouring_exemption.push(sentence.clone());
            }
        }
        Slot::OwnConclusion => {
            if let Some(p) = &mut claim.public_interest {
                p.conclusion = sentence.clone();
            }
        }
        Slot::OwnAdvice => advice = Some(sentence.clone()),
        Slot::OwnBalance => {
            claim.legitimate_interests = Some(LegitimateInterests {
                interest: "There is a general interest in accountability.".into(),
                necessity: "Published figures meet that interest.".into(),
                balance: sentence.clone(),
            });
        }
        _ => {}
    }
    let ncnd = Question {
        decision: Decision::Ncnd {
            scope: draft.scope.into(),
            held: None,
            claims: vec![claim],
            advice,
        },
        ..Question::new(1, draft.question)
    };
    let other_decision = match draft.slot {
        Slot::OtherAnswer => Decision::Disclose { answer: sentence },
        Slot::OtherRefusal => {
            let mut refusal = Claim::new("s43(2)");
            refusal.likelihood = Some(Likelihood::WouldBeLikely);
            refusal.harm = Some(sentence);
            refusal.public_interest = Some(pit());
            Decision::Withhold {
                claims: vec![refusal],
                advice: None,
            }
        }
        Slot::OtherNotHeld => Decision::NotHeld {
            explanation: sentence,
            basis: None,
            advice: None,
        },
        _ => Decision::Disclose {
            answer: "Our annual report is published on our website.".into(),
        },
    };
    let other = Question {
        decision: other_decision,
        ..Question::new(2, "Please send me your latest annual report.")
    };
    let mut case = Case::new("T-NCND", Regime::Foia, date(2026, 3, 2));
    case.requester.name = "A Requester".into();
    case.requester.contact = "a@example.org".into();
    case.responded_on = Some(date(2026, 3, 20));
    case.questions = vec![ncnd, other];
    case
}

fn flags(case: &Case) -> Vec<Finding> {
    let holidays = HolidayCalendar::bundled();
    let context = Context {
        catalogues: Catalogues::bundled(),
        holidays: &holidays,
        today: date(2026, 3, 27),
        letter_date: None,
        stage: Stage::Final,
        cost_limit_hours: None,
        inference: Vocabulary::bundled(),
        public_record: foi_drafter::core::rules::public_record::PublicRecord::bundled(),
    };
    assess(case, &context)
        .findings
        .into_iter()
        .filter(|f| f.code == Code::NcndConfirms)
        .collect()
}

fn caught(draft: &Draft) -> Option<Finding> {
    flags(&case_for(draft)).into_iter().find(|f| {
        f.flagged
            .as_ref()
            .is_some_and(|s| s.sentence == draft.sentence && s.ncnd_question == 1)
    })
}

#[test]
fn the_leak_table_catches_every_leak_named_and_flags_no_sound_draft() {
    let leaky = leaky();
    let sound = sound();
    assert!(leaky.len() >= 30 && sound.len() >= 30);
    let mut missed: Vec<&str> = Vec::new();
    for draft in &leaky {
        match caught(draft) {
            Some(finding) => {
                // Every flag says what ties it and what the requester would infer.
                assert!(
                    finding.message.contains("a requester would infer"),
                    "{}",
                    finding.message
                );
            }
            None => missed.push(draft.name),
        }
    }
    let mut false_alarms: Vec<String> = Vec::new();
    for draft in &sound {
        for finding in flags(&case_for(draft)) {
            false_alarms.push(format!("{}: {}", draft.name, finding.message));
        }
    }
    println!(
        "leaks caught: {}/{}; false alarms: {}/{}",
        leaky.len() - missed.len(),
        leaky.len(),
        false_alarms.len(),
        sound.len()
    );
    let named_missed: Vec<&&str> = missed
        .iter()
        .filter(|name| leaky.iter().any(|d| d.named && d.name == **name))
        .collect();
    assert!(
        named_missed.is_empty(),
        "named leaks missed: {named_missed:?}"
    );
    assert!(missed.is_empty(), "leaks missed: {missed:?}");
    assert!(false_alarms.is_empty(), "false alarms: {false_alarms:#?}");
}

#[test]
fn hypothetical_wording_in_the_same_sentence_keeps_a_presupposition_silent() {
    let draft = leak(
        "hedged",
        IMSI_Q,
        IMSI,
        Slot::OwnHarm,
        "Confirming or denying whether we have spent money on IMSI catchers since 2019 would help criminals.",
    );
    assert!(caught(&draft).is_none(), "{:#?}", flags(&case_for(&draft)));
}

#[test]
fn a_team_thesaurus_adds_synonyms_and_a_bad_one_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ncnd-thesaurus.ron");
    let draft = leak(
        "team synonym",
        "Does the force use Pegasus?",
        "any use of Pegasus",
        Slot::OtherAnswer,
        "We spent £40,000 on phone hacking software licences last year.",
    );
    assert!(
        caught(&draft).is_none(),
        "the bundled words do not know this synonym"
    );

    std::fs::write(
        &path,
        "(groups: [[\"pegasus\", \"phone hacking software\"]])",
    )
    .unwrap();
    let words = foi_drafter::session::settings::load_ncnd_words(Some(&path)).unwrap();
    let holidays = HolidayCalendar::bundled();
    let context = Context {
        catalogues: Catalogues::bundled(),
        holidays: &holidays,
        today: date(2026, 3, 27),
        letter_date: None,
        stage: Stage::Final,
        cost_limit_hours: None,
        inference: &words,
        public_record: foi_drafter::core::rules::public_record::PublicRecord::bundled(),
    };
    let findings = assess(&case_for(&draft), &context).findings;
    assert!(
        findings
            .iter()
            .any(|f| f.code == Code::NcndConfirms && f.question() == Some(2)),
        "{findings:#?}"
    );

    std::fs::write(
        &path,
        "(groups: [[\"pegasus\",\n  \"phone hacking\" \"software\"]])",
    )
    .unwrap();
    let error = foi_drafter::session::settings::load_ncnd_words(Some(&path)).unwrap_err();
    assert!(
        error.starts_with(&format!("{}:2:", path.display())),
        "{error}"
    );
}
