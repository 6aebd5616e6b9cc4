//! The real app driven headless with egui_kittest: a request pasted, every
//! question decided through the walkthrough (one NCND with library
//! paragraphs), the letter exported; undo and redo across steps; the
//! unsaved-changes prompt; recovery of an autosave after a crash.
#![cfg(feature = "gui")]

use std::io::Read;
use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use foi_drafter::core::case::{Decision, DecisionKind};
use foi_drafter::ui::{AUTOSAVE_IDLE, AppEnv, DrafterApp, ScriptedDialogs, Step};

use eframe::egui;

const REQUEST: &str = "Dear Sir or Madam,

I am writing to request information about your force's use of artificial intelligence.
1. Does your force use AI in any policing work, or is it researching its use?
2. How is AI used, and are there plans for the future?
3. How widespread is its use?
4. Which private companies do you work with to develop it?
5. Do you have contracts with any facial recognition suppliers?
6. What datasets are used to train any AI?
7. What measures are in place to mitigate bias?

Yours faithfully,

Sam Example";

struct Fixture {
    _dir: tempfile::TempDir,
    config: PathBuf,
    data: PathBuf,
    dialogs: ScriptedDialogs,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config");
        let data = dir.path().join("data");
        Fixture {
            config,
            data,
            dialogs: ScriptedDialogs::new(),
            _dir: dir,
        }
    }

    /// Installs the sample authority profile, as a caseworker does in Settings.
    fn with_profile(self) -> Fixture {
        std::fs::create_dir_all(&self.config).unwrap();
        std::fs::write(
            self.config.join("authority.ron"),
            include_str!("../assets/samples/authority.ron"),
        )
        .unwrap();
        self
    }

    fn env(&self) -> AppEnv {
        AppEnv {
            config_dir: self.config.clone(),
            data_dir: self.data.clone(),
            today: jiff::civil::date(2026, 3, 20),
            dialogs: Box::new(self.dialogs.clone()),
            may_launch: false,
            // Wait for every result, so each frame shows the case as it is.
            result_wait: std::time::Duration::from_secs(30),
        }
    }

    fn harness(&self) -> Harness<'static, DrafterApp> {
        let env = self.env();
        Harness::builder()
            .with_size(egui::vec2(1400.0, 2600.0))
            .with_max_steps(16)
            .build_eframe(move |_| DrafterApp::new(env))
    }

    fn file(&self, name: &str) -> PathBuf {
        self.config.parent().unwrap().join(name)
    }
}

fn click(harness: &mut Harness<'_, DrafterApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

fn click_first_containing(harness: &mut Harness<'_, DrafterApp>, label: &str) {
    harness
        .query_all_by_label_contains(label)
        .next()
        .unwrap_or_else(|| panic!("nothing labelled like {label:?}"))
        .click();
    harness.run();
}

/// Clicks into a field, moves to the end of its text and types.
fn type_into(harness: &mut Harness<'_, DrafterApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::End);
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

fn next_step(harness: &mut Harness<'_, DrafterApp>) {
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    harness.run();
}

fn disclose(harness: &mut Harness<'_, DrafterApp>, answer: &str) {
    click(harness, "Yes, recorded information");
    click(harness, "No: we can say whether we hold it");
    click(harness, "Yes, we hold it");
    click(harness, "No, it is not published");
    click(harness, "None of it: disclose it all");
    type_into(harness, "Answer to give", answer);
}

fn not_held(harness: &mut Harness<'_, DrafterApp>, why: &str) {
    click(harness, "Yes, recorded information");
    click(harness, "No: we can say whether we hold it");
    click(harness, "No, we do not hold it");
    type_into(harness, "Why it is not held", why);
}

fn add_claim(harness: &mut Harness<'_, DrafterApp>, button: &str, id: &str) {
    click(harness, button);
    type_into(harness, "Search exemptions", id);
    click_first_containing(harness, &format!("{id} — "));
}

fn insert_from_library(harness: &mut Harness<'_, DrafterApp>, library_button: &str) {
    click(harness, library_button);
    click_first_containing(harness, "Insert: ");
}

fn docx_text(path: &Path) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("p"))
        .map(|p| {
            p.descendants()
                .filter(|n| n.has_tag_name("t"))
                .filter_map(|t| t.text())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_pasted_request_is_decided_question_by_question_and_exported() {
    let fixture = Fixture::new().with_profile();
    let mut harness = fixture.harness();

    click(&mut harness, "New case from a request…");
    type_into(&mut harness, "Request as received", REQUEST);
    type_into(&mut harness, "Reference", "NP-FOI-2026-0300");
    type_into(&mut harness, "Received (YYYY-MM-DD)", "2026-03-02");
    click(&mut harness, "Create case");
    {
        let case = harness.state().session().expect("a case is open").case();
        assert_eq!(
            case.questions.len(),
            7,
            "the pasted request splits into seven questions"
        );
        assert_eq!(case.requester.name, "Sam Example");
    }

    next_step(&mut harness);
    assert_eq!(harness.state().step(), Step::Question(0));
    disclose(
        &mut harness,
        "The force uses retrospective facial recognition.",
    );
    next_step(&mut harness);
    not_held(
        &mut harness,
        "No recorded information describes future plans.",
    );
    next_step(&mut harness);
    not_held(
        &mut harness,
        "No recorded information measures how widespread its use is.",
    );
    next_step(&mut harness);

    // Q4: withheld under section 43(2), its test built from the library.
    click(&mut harness, "Yes, recorded information");
    click(&mut harness, "No: we can say whether we hold it");
    click(&mut harness, "Yes, we hold it");
    click(&mut harness, "No, it is not published");
    click(&mut harness, "All of it");
    add_claim(&mut harness, "Add an exemption", "s43(2)");
    insert_from_library(&mut harness, "Library: Harm (s43(2))");
    click(
        &mut harness,
        "would be likely to (a real and significant risk)",
    );
    insert_from_library(
        &mut harness,
        "Library: Public interest: for disclosure (s43(2))",
    );
    insert_from_library(
        &mut harness,
        "Library: Public interest: for the exemption (s43(2))",
    );
    type_into(
        &mut harness,
        "Conclusion: where the balance lies, and why — s43(2)",
        "The balance favours withholding until the procurement ends.",
    );
    next_step(&mut harness);

    // Q5: neither confirm nor deny under s.24(2) and s.31(3), reasoning from the library.
    assert_eq!(harness.state().step(), Step::Question(4));
    click(&mut harness, "Yes, recorded information");
    click(&mut harness, "Yes: neither confirm nor deny");
    type_into(
        &mut harness,
        "Scope of the neither-confirm-nor-deny response",
        "any covert use of facial recognition technology",
    );
    for id in ["s24(2)", "s31(3)"] {
        add_claim(&mut harness, "Add a provision", id);
        insert_from_library(&mut harness, &format!("Library: Harm ({id})"));
        insert_from_library(
            &mut harness,
            &format!("Library: Public interest: for disclosure ({id})"),
        );
        insert_from_library(
            &mut harness,
            &format!("Library: Public interest: for the exemption ({id})"),
        );
        type_into(
            &mut harness,
            &format!("Conclusion: where the balance lies, and why — {id}"),
            "The balance favours neither confirming nor denying.",
        );
    }
    click(
        &mut harness,
        "would be likely to (a real and significant risk)",
    );
    // Section 31(3) protects several interests: the letter must name one.
    click(
        &mut harness,
        "section 31(1)(a): the prevention or detection of crime",
    );
    {
        let case = harness.state().session().unwrap().case();
        let Decision::Ncnd { claims, .. } = &case.questions[4].decision else {
            panic!("Q5 is NCND: {:?}", case.questions[4].decision);
        };
        let ids: Vec<&str> = claims.iter().map(|c| c.exemption.as_str()).collect();
        assert_eq!(ids, ["s24(2)", "s31(3)"]);
        assert_eq!(claims[1].limbs, ["s31(1)(a)"]);
        for claim in claims {
            let pit = claim
                .public_interest
                .as_ref()
                .expect("a public interest test");
            assert!(
                claim.harm.as_deref().is_some_and(|h| h.len() > 40),
                "harm inserted from the library"
            );
            assert_eq!(pit.favouring_disclosure.len(), 1);
            assert_eq!(pit.favouring_exemption.len(), 1);
        }
    }
    next_step(&mut harness);
    not_held(&mut harness, "The system was supplied already trained.");
    next_step(&mut harness);
    disclose(
        &mut harness,
        "Every possible match is reviewed by a trained officer.",
    );

    {
        let case = harness.state().session().unwrap().case();
        assert!(
            case.questions
                .iter()
                .all(|q| q.decision.kind() != DecisionKind::Undecided)
        );
    }

    // Export: the path comes from the (scripted) save dialog. The pasted
    // request gave no address, so the final letter is refused, naming the
    // field and the step it is on.
    click(&mut harness, "Export");
    let out = fixture.file("response.docx");
    fixture.dialogs.answer_next(out.clone());
    click(&mut harness, "Choose where…");
    click(&mut harness, "Export letter");
    assert!(!out.exists(), "a letter with no address is not exported");
    let (refusal, _) = harness.state().status().expect("the refusal is shown");
    assert!(
        refusal.contains("Requester address") && refusal.contains("(Request and requester)"),
        "{refusal}"
    );
    click(&mut harness, "Request and requester");
    type_into(
        &mut harness,
        "Address for correspondence",
        "sam.example@example.org",
    );
    click(&mut harness, "Export");
    click(&mut harness, "Export letter");
    assert!(out.exists(), "status: {:?}", harness.state().status());
    let text = docx_text(&out);
    assert!(text.contains("Neither confirm nor deny"), "{text}");
    assert!(
        text.contains("Section 24(2)") && text.contains("Section 31(3)"),
        "{text}"
    );
    assert!(text.contains("Section 43(2)"));
    assert!(text.contains("any covert use of facial recognition technology"));
}

fn open_sample(harness: &mut Harness<'_, DrafterApp>) {
    click(harness, "Open the sample case");
    assert!(harness.state().session().is_some());
}

#[test]
fn undo_and_redo_work_across_steps() {
    let fixture = Fixture::new();
    let mut harness = fixture.harness();
    open_sample(&mut harness);
    let original = harness.state().session().unwrap().case().clone();

    // A change on the intake step…
    type_into(&mut harness, "Subject", " (revised)");
    // …and a change on question 1's walkthrough.
    next_step(&mut harness);
    click(&mut harness, "No, we do not hold it");
    {
        let case = harness.state().session().unwrap().case();
        assert_eq!(case.subject, format!("{} (revised)", original.subject));
        assert_eq!(case.questions[0].decision.kind(), DecisionKind::NotHeld);
    }

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().session().unwrap().case().questions[0].decision,
        original.questions[0].decision
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().session().unwrap().case(),
        &original,
        "both changes undone"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert!(
        harness
            .state()
            .session()
            .unwrap()
            .case()
            .subject
            .ends_with("(revised)")
    );
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();

    assert_eq!(
        harness.state().session().unwrap().case().questions[0]
            .decision
            .kind(),
        DecisionKind::NotHeld
    );
}

#[test]
fn unsaved_changes_are_never_dropped_without_asking() {
    let fixture = Fixture::new();
    let mut harness = fixture.harness();
    open_sample(&mut harness);
    type_into(&mut harness, "Subject", " (draft)");
    assert!(harness.state().session().unwrap().is_dirty());

    // Closing asks; Cancel keeps everything.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::W);
    harness.run();
    assert!(harness.query_by_label("Save changes?").is_some());
    click(&mut harness, "Cancel");
    assert!(
        harness
            .state()
            .session()
            .unwrap()
            .case()
            .subject
            .ends_with("(draft)")
    );

    // Save writes the case where the dialog says, then closes.
    let path = fixture.file("kept.case.ron");
    fixture.dialogs.answer_next(path.clone());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::W);
    harness.run();
    click(&mut harness, "Save");
    assert!(harness.state().session().is_none(), "closed after saving");
    let saved = foi_drafter::session::files::load_case(&path).unwrap();
    assert!(saved.subject.ends_with("(draft)"));

    // "Don't save" discards, after asking.
    open_sample(&mut harness);
    type_into(&mut harness, "Subject", " (discard me)");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    click(&mut harness, "Don't save");
    assert!(harness.state().session().is_none());
    assert!(
        harness.query_by_label("Request as received").is_some(),
        "the new-case form is shown"
    );
}

#[test]
fn work_is_recovered_from_the_autosave_after_a_crash() {
    let fixture = Fixture::new();
    {
        let mut harness = fixture.harness();
        open_sample(&mut harness);
        type_into(&mut harness, "Subject", " (before the crash)");
        // Left alone for the autosave interval, the app writes its autosave.
        std::thread::sleep(AUTOSAVE_IDLE + std::time::Duration::from_millis(200));
        harness.step();
        let autosaves: Vec<_> = std::fs::read_dir(fixture.data.join("autosave"))
            .unwrap()
            .collect();
        assert_eq!(autosaves.len(), 1, "one autosave written");
        // The app is dropped here without saving, as in a crash.
    }
    let mut harness = fixture.harness();
    assert_eq!(harness.state().recoverable().len(), 1);
    assert!(harness.query_by_label("Unsaved work was found").is_some());
    click(&mut harness, "Recover");
    let session = harness.state().session().expect("recovered");
    assert!(session.case().subject.ends_with("(before the crash)"));
    assert!(session.is_dirty(), "recovered work still needs saving");
}

#[test]
fn a_scenario_is_stepped_through_with_the_keyboard_to_its_model_answer() {
    let fixture = Fixture::new();
    let mut harness = fixture.harness();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::T);
    harness.run();
    assert!(harness.state().is_training());
    click(&mut harness, "Present");
    assert!(
        harness.query_by_label("The request").is_some(),
        "the first slide shows the request"
    );

    let mut answered_quiz = false;
    let mut reached_model_answer = false;
    for _ in 0..30 {
        harness.key_press(Key::Space);
        harness.run();
        if !answered_quiz && harness.query_by_label_contains("for the room").is_some() {
            harness.key_press(Key::Num1);
            harness.run();
            assert!(
                harness.query_by_label("Right.").is_some()
                    || harness.query_by_label("Not quite.").is_some(),
                "choosing an answer gives feedback"
            );
            answered_quiz = true;
        }
        if harness.query_by_label("Model answer").is_some() {
            reached_model_answer = true;
            break;
        }
    }
    assert!(answered_quiz, "the presentation includes a quiz");
    assert!(
        reached_model_answer,
        "Space steps through to the model answer"
    );

    // Left goes back; Escape leaves the presentation.
    harness.key_press(Key::ArrowLeft);
    harness.run();
    assert!(harness.query_by_label("Model answer").is_none());
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness.query_by_label("Present").is_some(),
        "back to the scenario list"
    );
}

/// A team library of `count` extra paragraphs, written as one RON file.
fn write_team_library(dir: &Path, count: usize) {
    std::fs::create_dir_all(dir).unwrap();
    let mut text = String::from("[\n");
    for index in 0..count {
        text.push_str(&format!(
            "(id: \"team.s31.pit.favouring_exemption.extra_{index}\", regimes: [Foia], exemption: Some(\"s31(1)(a)\"), role: PitFavouringExemption, title: \"Team factor {index}\", tags: [\"team\"], body: \"Our team's wording number {index} for {{exemption_title}}.\"),\n"
        ));
    }
    text.push_str("]\n");
    std::fs::write(dir.join("team.ron"), text).unwrap();
}

/// Steps frames until the app has every result, sleeping between them.
fn run_until_idle(harness: &mut Harness<'_, DrafterApp>) {
    for _ in 0..2000 {
        harness.step();
        if harness.state().is_idle() {
            harness.step();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the app never finished its work");
}

#[test]
fn large_cases_are_checked_previewed_and_exported_without_stalling_frames() {
    let fixture = Fixture::new();
    write_team_library(&fixture.config.join("paragraphs"), 5_000);
    let env = AppEnv {
        // Frames never wait for results: everything heavy is on other threads.
        result_wait: std::time::Duration::ZERO,
        ..fixture.env()
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 2600.0))
        .with_max_steps(16)
        .build_eframe(move |_| DrafterApp::new(env));

    // A 2,000-question case whose request, as pasted, is over a megabyte.
    let mut case = foi_drafter::core::synthetic::synthetic_case(2_000);
    let request: String = (1..=2_000)
        .map(|n| {
            format!(
                "{n}. {}\n",
                "Please tell me about the use of cameras. ".repeat(13)
            )
        })
        .collect();
    assert!(request.len() > 1_000_000);
    case.request_text = Some(request);
    harness.state_mut().open_case(case);
    harness.step();
    assert!(
        !harness.state().is_idle(),
        "the first frame is drawn before a 2,000-question case is checked"
    );
    std::thread::sleep(std::time::Duration::from_millis(250));
    harness.step();
    if !harness.state().is_idle() {
        assert!(harness.state().shows_progress());
        assert!(harness.query_by_label("Checking…").is_some());
    }
    run_until_idle(&mut harness);

    // Intake: the long request is shown read-only and the questions a page at a time.
    assert!(harness.query_by_label_contains("shown read-only").is_some());
    assert!(harness.query_by_label("Questions 1–50 of 2000").is_some());
    click(&mut harness, "Next page");
    assert!(harness.query_by_label("Questions 51–100 of 2000").is_some());
    assert!(harness.query_by_label("Question 51 text").is_some());
    assert!(harness.query_by_label("Question 1 text").is_none());

    // The preview shows the letter's start; the review lists findings by page.
    assert!(harness.query_by_label("Letter preview").is_some());
    harness.state_mut().show_step(Step::Review);
    run_until_idle(&mut harness);
    assert!(
        harness.query_by_label_contains(" blocking · ").is_some(),
        "the status bar counts the findings"
    );
    assert!(
        harness
            .query_by_label("Neither-confirm-nor-deny leak check")
            .is_some(),
        "the leak check ran over all 2,000 questions"
    );

    // The team library's 5,000 paragraphs are offered for the s.31 factors.
    let setup_paragraphs = harness.state().library_size();
    assert!(
        setup_paragraphs >= 5_000,
        "{setup_paragraphs} paragraphs loaded"
    );

    // A draft DOCX of the whole case is written off the UI thread.
    let out = fixture.file("large.docx");
    fixture.dialogs.answer_next(out.clone());
    harness.state_mut().show_step(Step::Export);
    run_until_idle(&mut harness);
    click(&mut harness, "Choose where…");
    harness.get_by_label("Export a draft").click();
    harness.step();
    run_until_idle(&mut harness);
    assert!(out.exists(), "status: {:?}", harness.state().status());
    let text = docx_text(&out);
    let answered = foi_drafter::core::synthetic::synthetic_case(2_000)
        .questions
        .iter()
        .filter(|q| {
            matches!(
                q.decision.kind(),
                DecisionKind::Disclose | DecisionKind::PartDisclose
            )
        })
        .count();
    assert!(
        text.contains("(part 2000)"),
        "the last question is in the letter"
    );
    assert_eq!(
        text.matches("Reference item ").count(),
        answered,
        "every disclosed answer is in the letter"
    );
}

#[test]
fn a_case_open_in_another_window_is_not_opened_without_a_warning() {
    let fixture = Fixture::new();
    let path = fixture.file("shared.case.ron");
    foi_drafter::session::files::save_case(
        &path,
        &foi_drafter::session::sample_case(),
        foi_drafter::session::files::Overwrite::Refuse,
    )
    .unwrap();
    // Another window (here: this process, through its own lock) has it open.
    let other_window = foi_drafter::session::lock::CaseLock::acquire(&path).unwrap();

    let mut harness = fixture.harness();
    harness.state_mut().open_path(&path);
    harness.run();
    assert!(
        harness
            .query_by_label("This case is already open")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains(&format!("process {}", std::process::id()))
            .is_some(),
        "the warning names the process that has it open"
    );
    click(&mut harness, "Cancel");
    assert!(harness.state().session().is_none(), "nothing opened");

    harness.state_mut().open_path(&path);
    harness.run();
    click(&mut harness, "Open anyway");
    assert!(harness.state().session().is_some(), "opened on request");
    drop(other_window);

    // Once the other window has closed, the case opens without a question.
    let mut second = fixture.harness();
    second.state_mut().open_path(&path);
    second.run();
    assert!(second.query_by_label("This case is already open").is_none());
    assert!(second.state().session().is_some());
}

/// Types like a person: the field is clicked once, then one character per
/// frame goes to whatever has the keyboard focus.
fn type_slowly(harness: &mut Harness<'_, DrafterApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::End);
    harness.run();
    for c in text.chars() {
        harness.event(egui::Event::Text(c.to_string()));
        harness.run();
    }
}

#[test]
fn typing_one_character_a_frame_loses_nothing_while_findings_come_and_go() {
    let fixture = Fixture::new().with_profile();
    let mut harness = fixture.harness();
    open_sample(&mut harness);
    for _ in 0..7 {
        next_step(&mut harness);
    }
    assert_eq!(harness.state().step(), Step::Question(6));

    // Question 7 (s.40(2)): the legitimate interests test, step by step. The
    // finding that asks for it disappears with the last step's first
    // character, and the fields below it move up.
    let steps = [
        (
            "1. The legitimate interest in disclosure — s40(2)",
            "People want to know who assessed the system for bias.",
        ),
        (
            "2. Is disclosure necessary to meet it? — s40(2)",
            "No: the assessment itself meets that interest without the names.",
        ),
        (
            "3. Does it outweigh the person's interests, rights and freedoms? — s40(2)",
            "Junior staff would not expect their names to be published.",
        ),
    ];
    for (label, text) in steps {
        type_slowly(&mut harness, label, text);
    }
    // The enclosure: its first character clears the "name the enclosure" warning.
    let enclosure = "Equality impact assessment, May 2025";
    type_slowly(
        &mut harness,
        "Enclosures sent with this answer (one document per line)",
        enclosure,
    );
    let case = harness.state().session().unwrap().case().clone();
    let question = &case.questions[6];
    let test = question.decision.claims()[0]
        .legitimate_interests
        .clone()
        .expect("the test is recorded");
    assert_eq!(test.interest, steps[0].1);
    assert_eq!(test.necessity, steps[1].1);
    assert_eq!(test.balance, steps[2].1, "every character of step 3 kept");
    assert_eq!(question.enclosures, [enclosure]);

    // Question 5: the NCND scope typed from empty, a character a frame, while
    // the "scope is empty" finding above it goes away.
    for _ in 0..2 {
        harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
        harness.run();
    }
    assert_eq!(harness.state().step(), Step::Question(4));
    harness
        .get_by_label("Scope of the neither-confirm-nor-deny response")
        .click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.key_press(Key::Backspace);
    harness.run();
    let scope = "any covert use of drones";
    for c in scope.chars() {
        harness.event(egui::Event::Text(c.to_string()));
        harness.run();
    }
    let Decision::Ncnd { scope: typed, .. } =
        &harness.state().session().unwrap().case().questions[4].decision
    else {
        panic!("question 5 is NCND");
    };
    assert_eq!(typed, scope);
}

/// A sentence in the NCND reasoning that tells the requester the covert use exists.
const LEAKY_HARM: &str = "Our covert facial recognition cameras have been used at 12 events since 2024, and revealing where would help criminals.";

#[test]
fn a_leaky_ncnd_sentence_blocks_the_final_letter_until_acknowledged_and_the_acknowledgement_is_saved()
 {
    let fixture = Fixture::new().with_profile();
    let mut case = foi_drafter::session::sample_case();
    let ncnd = case
        .questions
        .iter()
        .position(|q| matches!(q.decision, Decision::Ncnd { .. }))
        .expect("the sample has an NCND question");
    if let Decision::Ncnd { claims, .. } = &mut case.questions[ncnd].decision {
        claims[0].harm = Some(LEAKY_HARM.into());
    }
    let path = fixture.file("leaky.case.ron");
    foi_drafter::session::files::save_case(
        &path,
        &case,
        foi_drafter::session::files::Overwrite::Refuse,
    )
    .unwrap();

    let mut harness = fixture.harness();
    harness.state_mut().open_path(&path);
    harness.run();

    // The final letter cannot be exported: the export step says why.
    click(&mut harness, "Export");
    let out = fixture.file("leaky.docx");
    fixture.dialogs.answer_next(out.clone());
    click(&mut harness, "Choose where…");
    click(&mut harness, "Export letter");
    assert!(!out.exists(), "a leaky letter is not exported final");
    assert!(
        harness
            .query_by_label_contains("a requester would infer that it exists")
            .is_some(),
        "the export step names the flagged sentence and what it gives away"
    );

    // Review: acknowledge the sentence.
    click_first_containing(&mut harness, "Review");
    click(&mut harness, "Acknowledge as safe to send");
    {
        let case = harness.state().session().unwrap().case();
        assert_eq!(case.acknowledged.len(), 1);
        assert_eq!(case.acknowledged[0].sentence, LEAKY_HARM);
        assert_eq!(case.acknowledged[0].question, case.questions[ncnd].number);
    }
    assert!(
        harness
            .query_by_label("Sentences acknowledged as safe to send")
            .is_some(),
        "review lists the acknowledgement"
    );
    type_into(
        &mut harness,
        "Why it is safe to send",
        "the Chief Constable announced the trial at a press conference",
    );

    // Now the letter goes.
    click(&mut harness, "Export");
    click(&mut harness, "Export letter");
    run_until_idle(&mut harness);
    assert!(out.exists(), "status: {:?}", harness.state().status());

    // Saved with the case, and read back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved =
        foi_drafter::core::case_file::parse_case(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(saved.acknowledged.len(), 1);
    assert_eq!(saved.acknowledged[0].sentence, LEAKY_HARM);
    assert!(saved.acknowledged[0].reason.contains("press conference"));

    // Changing the sentence drops it: the flag is back, and saving removes
    // the acknowledgement that no longer matches.
    let step = harness.state().session().unwrap().case().questions.len();
    assert!(ncnd < step);
    harness.state_mut().show_step(Step::Question(ncnd));
    harness.run();
    let harm_field = "What confirming or denying would reveal (harm) — s24(2)";
    harness.get_by_label(harm_field).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness
        .get_by_label(harm_field)
        .type_text("Our covert facial recognition cameras have been used at 15 events since 2024.");
    harness.run();
    run_until_idle(&mut harness);
    click_first_containing(&mut harness, "Review");
    assert!(
        harness
            .query_by_label("Acknowledge as safe to send")
            .is_some(),
        "the changed sentence is flagged again"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved =
        foi_drafter::core::case_file::parse_case(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert!(
        saved.acknowledged.is_empty(),
        "the stale acknowledgement is dropped on save"
    );
}
