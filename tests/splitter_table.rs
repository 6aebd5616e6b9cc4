//! The request splitter against a table of real-shaped requests, one file each
//! under `tests/fixtures/requests/`. Each file holds the request as received,
//! then `=== questions` (questions separated by `---` lines) and optionally
//! `=== name`, `=== contact` and `=== subject`. Absent sections mean "none found".

use std::collections::BTreeMap;
use std::path::Path;

use foi_drafter::core::splitter::split_request;

struct Expectation {
    request: String,
    sections: BTreeMap<String, String>,
}

fn read_fixture(path: &Path) -> Expectation {
    let text = std::fs::read_to_string(path).expect("fixture is UTF-8");
    let mut request = String::new();
    let mut sections: BTreeMap<String, String> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.split_inclusive('\n') {
        if let Some(name) = line.strip_prefix("=== ") {
            current = Some(name.trim().to_string());
            sections.insert(name.trim().to_string(), String::new());
            continue;
        }
        match &current {
            None => request.push_str(line),
            Some(name) => sections.get_mut(name).expect("section").push_str(line),
        }
    }
    Expectation { request, sections }
}

#[test]
fn every_request_in_the_table_splits_as_expected() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/requests");
    let mut paths: Vec<_> = std::fs::read_dir(&folder)
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 20, "the table has {} requests", paths.len());

    let mut failures = Vec::new();
    for path in &paths {
        let expected = read_fixture(path);
        let split = split_request(&expected.request);
        let want: Vec<String> = expected.sections["questions"]
            .trim_end()
            .split("\n---\n")
            .map(|q| q.trim().to_string())
            .collect();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if split.questions != want {
            failures.push(format!(
                "{name}: questions\n  got:  {:?}\n  want: {:?}",
                split.questions, want
            ));
        }
        for (section, got) in [
            ("name", &split.requester_name),
            ("contact", &split.requester_contact),
            ("subject", &split.subject),
        ] {
            let want = expected.sections.get(section).map(|s| s.trim().to_string());
            if got != &want {
                failures.push(format!("{name}: {section}: got {got:?}, want {want:?}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn an_empty_request_gives_no_questions() {
    assert!(split_request("").questions.is_empty());
    assert!(split_request("  \n\n ").questions.is_empty());
}

#[test]
fn a_request_that_is_only_a_greeting_and_sign_off_gives_no_questions() {
    assert!(
        split_request("Dear FOI team,\n\nYours faithfully,\nSam")
            .questions
            .is_empty()
    );
}

#[test]
fn brackets_around_punctuation_or_accented_letters_are_text_not_item_markers() {
    // Found by fuzzing the splitter: these once overflowed an item number.
    for (text, kept) in [
        ("(!) a question", "(!) a question"),
        ("(()", "(()"),
        ("(é) Is the café inspected?", "(é) Is the café inspected?"),
        ("(?) what now", "(?) what now"),
    ] {
        let split = split_request(text);
        assert_eq!(split.questions, vec![kept.to_string()], "{text:?}");
    }
}
