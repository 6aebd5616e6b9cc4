//! `foi-drafter new`: a pasted request becomes a saved case file.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use foi_drafter::core::case::{Decision, Regime};
use foi_drafter::session::files::load_case;

fn foi_drafter(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_foi-drafter"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    if let Some(text) = stdin {
        // A command that refuses at once (an existing output) may exit
        // before reading its input: the closed pipe is not a failure.
        let written = child.stdin.take().unwrap().write_all(text.as_bytes());
        if let Err(error) = written {
            assert_eq!(error.kind(), std::io::ErrorKind::BrokenPipe, "{error}");
        }
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn fixture_request(name: &str) -> String {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/requests")
            .join(name),
    )
    .unwrap();
    text[..text.find("=== questions").unwrap()].to_string()
}

#[test]
fn a_seven_question_request_becomes_seven_undecided_questions() {
    let dir = tempfile::tempdir().unwrap();
    let request = dir.path().join("request.txt");
    std::fs::write(&request, fixture_request("01-met-style-seven.txt")).unwrap();
    let out = dir.path().join("ai.case.ron");
    let output = foi_drafter(
        &[
            "new",
            "--from-text",
            request.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--received",
            "2026-03-02",
            "--reference",
            "NP-FOI-2026-0199",
        ],
        None,
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("with 7 questions"), "{stdout}");

    let case = load_case(&out).unwrap();
    assert_eq!(case.reference, "NP-FOI-2026-0199");
    assert_eq!(case.regime, Regime::Foia);
    assert_eq!(case.received_on.to_string(), "2026-03-02");
    assert_eq!(case.questions.len(), 7);
    assert_eq!(
        case.questions[4].text,
        "Do you have any contracts with IBM, Amazon or Clearview AI?"
    );
    assert!(
        case.questions
            .iter()
            .all(|q| q.decision == Decision::Undecided)
    );
    assert_eq!(
        case.questions.iter().map(|q| q.number).collect::<Vec<_>>(),
        (1..=7).collect::<Vec<_>>()
    );
    assert_eq!(case.requester.name, "Alex Requester");
    // The whole original text is kept.
    assert_eq!(
        case.request_text.as_deref(),
        Some(fixture_request("01-met-style-seven.txt").as_str())
    );
}

#[test]
fn a_prose_request_from_stdin_becomes_one_question() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("prose.case.ron");
    let output = foi_drafter(
        &[
            "new",
            "--from-text",
            "-",
            "-o",
            out.to_str().unwrap(),
            "--regime",
            "foisa",
        ],
        Some(&fixture_request("02-prose-no-numbers.txt")),
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let case = load_case(&out).unwrap();
    assert_eq!(case.regime, Regime::Foisa);
    assert_eq!(case.questions.len(), 1);
    assert!(
        case.questions[0]
            .text
            .starts_with("Please could you tell me how much the council spent")
    );
    assert!(!case.questions[0].text.contains("Dear"));
    assert!(!case.questions[0].text.contains("Many thanks"));
    assert_eq!(
        case.reference, "prose",
        "reference defaults to the file name"
    );
}

#[test]
fn an_existing_output_is_not_replaced_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("kept.case.ron");
    std::fs::write(&out, "precious").unwrap();
    let output = foi_drafter(
        &["new", "--from-text", "-", "-o", out.to_str().unwrap()],
        Some("1. One?\n2. Two?"),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("already exists"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "precious");

    let output = foi_drafter(
        &[
            "new",
            "--from-text",
            "-",
            "-o",
            out.to_str().unwrap(),
            "--force",
        ],
        Some("1. One?\n2. Two?"),
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(load_case(&out).unwrap().questions.len(), 2);
}

#[test]
fn bad_arguments_are_one_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.case.ron");
    let missing = foi_drafter(
        &[
            "new",
            "--from-text",
            "/no/such/request.txt",
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(missing.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert!(
        stderr.starts_with(
            "foi-drafter: /no/such/request.txt: cannot read the request: no such file"
        ),
        "{stderr}"
    );
    assert!(!out.exists());

    let bad_date = foi_drafter(
        &[
            "new",
            "-o",
            out.to_str().unwrap(),
            "--received",
            "2026-13-01",
        ],
        None,
    );
    assert_eq!(bad_date.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_date.stderr).contains("invalid date \"2026-13-01\""));

    let bad_regime = foi_drafter(
        &["new", "-o", out.to_str().unwrap(), "--regime", "gdpr"],
        None,
    );
    assert_eq!(bad_regime.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&bad_regime.stderr)
            .contains("expected one of foia, eir, foisa, eisr")
    );
}

#[test]
fn windows_ansi_text_is_read_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let request = dir.path().join("ansi.txt");
    std::fs::write(
        &request,
        b"1. What was spent on \x93agile\x94 working?\n2. What did it cost in \xa3?",
    )
    .unwrap();
    let out = dir.path().join("ansi.case.ron");
    let output = foi_drafter(
        &[
            "new",
            "--from-text",
            request.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stderr).contains("Windows-1252"));
    let case = load_case(&out).unwrap();
    assert_eq!(case.questions[0].text, "What was spent on “agile” working?");
    assert_eq!(case.questions[1].text, "What did it cost in £?");
}
