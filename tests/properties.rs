//! Property tests (bounded, part of `cargo test`): any text survives the
//! splitter, the placeholder renderer, the composer and the DOCX export; any
//! bytes given to the loader give a case or a clear error; any sequence of
//! edits is undone exactly.

use std::io::Read;

use proptest::prelude::*;

use foi_drafter::core::case::{Case, Claim, Decision, Question, Regime};
use foi_drafter::core::case_file::{parse_case, write_case};
use foi_drafter::core::document::is_xml_char;
use foi_drafter::core::paragraphs::{Values, render as render_placeholders};
use foi_drafter::core::splitter::split_request;
use foi_drafter::export::{Format, render};
use foi_drafter::session::Session;
use foi_drafter::session::actions::Action;
use foi_drafter::session::letter::LetterSetup;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Text from anywhere: mostly printable, with controls, surrogate-adjacent
/// code points, emoji and long runs mixed in.
fn messy_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => any::<char>(),
            2 => prop::char::range('a', 'z'),
            1 => Just('\n'),
            1 => Just('\u{0}'),
            1 => Just('\u{1}'),
            1 => Just('\u{FFFE}'),
            1 => Just('{'),
            1 => Just('}'),
            1 => Just('&'),
            1 => Just('<'),
            1 => Just('🎉'),
        ],
        0..400,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

fn docx_texts(docx: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("zip");
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("document.xml parses");
    doc.descendants()
        .filter(|n| n.has_tag_name("t"))
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("")
}

/// The text as it can appear in a document: XML-forbidden characters gone,
/// whitespace and the invisible break points used for long words ignored.
fn comparable(text: &str) -> String {
    text.chars()
        .filter(|c| {
            is_xml_char(*c)
                && !c.is_whitespace()
                && *c != '\u{200B}'
                && *c != '\u{FFFE}'
                && *c != '\u{FFFF}'
        })
        .collect()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_pasted_request_splits_into_questions_that_reach_the_docx(text in messy_text()) {
        let split = split_request(&text);
        for question in &split.questions {
            prop_assert!(!question.trim().is_empty());
        }
        let mut case = Case::new("PROP-0", Regime::Foia, jiff::civil::date(2026, 3, 2));
        case.request_text = Some(text.clone());
        case.questions = split
            .questions
            .iter()
            .zip(1..)
            .map(|(q, n)| Question::new(n, q.clone()))
            .collect();
        let document = LetterSetup::bundled().compose(&case, jiff::civil::date(2026, 3, 20), true);
        let docx = render(&document, Format::Docx, None).expect("docx builds");
        let letter = comparable(&docx_texts(&docx));
        for question in &split.questions {
            prop_assert!(letter.contains(&comparable(question)), "question text survives: {:?}", question);
        }
    }

    #[test]
    fn placeholders_render_anything(body in messy_text(), value in messy_text()) {
        let mut values = Values::new();
        values.set("reference", value);
        let _ = render_placeholders(&body, &values);
    }

    #[test]
    fn any_text_reaches_the_docx_intact(answer in messy_text(), subject in messy_text(), question in messy_text()) {
        let mut case = Case::new("PROP-1", Regime::Foia, jiff::civil::date(2026, 3, 2));
        case.subject = subject;
        case.requester.name = "A".into();
        case.requester.contact = "a@example.org".into();
        case.questions = vec![Question { decision: Decision::Disclose { answer: answer.clone() }, ..Question::new(1, question) }];
        let document = LetterSetup::bundled().compose(&case, jiff::civil::date(2026, 3, 20), false);
        let docx = render(&document, Format::Docx, None).expect("docx builds");
        let text = comparable(&docx_texts(&docx));
        prop_assert!(text.contains(&comparable(&answer)), "the answer's text survives");
        let _ = render(&document, Format::Markdown, None).unwrap();
        let _ = render(&document, Format::Text, None).unwrap();
    }

    #[test]
    fn any_bytes_load_as_a_case_or_a_located_error(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.case.ron");
        std::fs::write(&path, &bytes).unwrap();
        match foi_drafter::session::files::load_case(&path) {
            Ok(_) => {}
            Err(error) => {
                let message = error.to_string();
                prop_assert!(message.starts_with(&path.display().to_string()));
                prop_assert_eq!(message.lines().count(), 1);
            }
        }
        prop_assert_eq!(std::fs::read(&path).unwrap(), bytes, "the file is never changed");
    }

    #[test]
    fn mutated_case_files_never_panic(cut in 0usize..4000, insert in messy_text()) {
        let text = include_str!("fixtures/ai-in-policing.case.ron");
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let mutated = format!("{}{}{}", &text[..at], insert, &text[at..]);
        let _ = parse_case(&mutated);
    }

    #[test]
    fn any_sequence_of_edits_is_undone_exactly(ops in prop::collection::vec((0u8..9, 0usize..10, "[a-z ]{0,12}"), 1..40)) {
        let original = foi_drafter::session::sample_case();
        let mut session = Session::new(original.clone());
        let mut applied = 0;
        for (op, index, text) in ops {
            let count = session.case().questions.len();
            let index = if count == 0 { 0 } else { index % count };
            let action = match op {
                0 => Action::SetSubject(text),
                1 => Action::SetQuestionText { index, text },
                2 => Action::SetDecision { index, decision: Decision::Disclose { answer: text } },
                3 => Action::InsertQuestion { index: index.min(count), question: Question::new(0, text) },
                4 if count > 1 => Action::RemoveQuestion { index },
                5 if count > 1 => Action::MoveQuestion { from: index, to: (index + 1) % count },
                6 => Action::SetDecision { index, decision: Decision::Withhold { claims: vec![Claim::new("s43(2)")], advice: Some(text) } },
                7 => Action::SetRequesterName(text),
                _ => Action::SetRegime(Regime::ALL[index % 4]),
            };
            if count == 0 && matches!(action, Action::SetQuestionText { .. } | Action::SetDecision { .. }) {
                continue;
            }
            // Separate steps, so each undo takes back exactly one edit.
            session.apply_separately(action).unwrap();
            applied += 1;
        }
        let edited = session.case().clone();
        for _ in 0..applied {
            prop_assert!(session.undo());
        }
        prop_assert_eq!(session.case(), &original);
        prop_assert!(!session.is_dirty());
        for _ in 0..applied {
            prop_assert!(session.redo());
        }
        prop_assert_eq!(session.case(), &edited);
        // And the edited case survives a save and load.
        prop_assert_eq!(parse_case(&write_case(&edited)).unwrap(), edited);
    }
}
