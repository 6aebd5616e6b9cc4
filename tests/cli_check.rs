//! `foi-drafter check`: findings grouped by question, exit codes 0/1/2.

use std::path::Path;
use std::process::{Command, Output};

use foi_drafter::core::case::{Claim, Decision};
use foi_drafter::core::case_file::{parse_case, write_case};

const REFERENCE: &str = include_str!("fixtures/ai-in-policing.case.ron");

/// Runs the binary with an empty configuration folder, so no authority
/// profile or team library on this machine changes the result.
fn foi_drafter(args: &[&str]) -> Output {
    let config = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_foi-drafter"))
        .args(args)
        .env("HOME", config.path())
        .env("XDG_CONFIG_HOME", config.path())
        .env("XDG_DATA_HOME", config.path())
        .env("APPDATA", config.path())
        .output()
        .expect("binary runs")
}

fn sample_profile() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/samples/authority.ron")
        .to_string_lossy()
        .into_owned()
}

fn reference_path() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ai-in-policing.case.ron")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn the_reference_case_checks_clean_on_its_response_date() {
    let output = foi_drafter(&[
        "check",
        &reference_path(),
        "--today",
        "2026-03-27",
        "--profile",
        &sample_profile(),
    ]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("0 blocking"), "{stdout}");
    assert!(!stdout.contains(" blocking "), "{stdout}");
}

#[test]
fn without_an_authority_profile_the_case_still_checks_clean_and_one_warning_says_what_the_letter_lacks()
 {
    let output = foi_drafter(&["check", &reference_path(), "--today", "2026-03-27"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("0 blocking"), "{stdout}");
    let warnings: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("Case warning profile-missing"))
        .collect();
    assert_eq!(warnings.len(), 1, "{stdout}");
    for marker in ["[Authority name]", "[Review contact]", "[Signatory name]"] {
        assert!(warnings[0].contains(marker), "{marker}: {stdout}");
    }
    assert!(warnings[0].contains("--profile"), "{stdout}");
    assert!(!stdout.contains("placeholder-left"), "{stdout}");
}

#[test]
fn blocking_findings_exit_1_with_one_line_each() {
    let mut case = parse_case(REFERENCE).unwrap();
    // Q4: drop the public interest test from the qualified s.43(2) claim.
    if let Decision::Withhold { claims, .. } = &mut case.questions[3].decision {
        claims[0].public_interest = None;
    }
    // Q7: cite an exemption from another regime.
    if let Decision::PartDisclose { claims, .. } = &mut case.questions[6].decision {
        claims.push(Claim::new("r12(5)(e)"));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("faulty.case.ron");
    std::fs::write(&path, write_case(&case)).unwrap();

    let output = foi_drafter(&[
        "check",
        path.to_str().unwrap(),
        "--today",
        "2026-03-27",
        "--profile",
        &sample_profile(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines.iter().any(|l| l.starts_with(
            "Q4 blocking pit-missing: section 43(2) (Commercial interests) is qualified"
        )),
        "{stdout}"
    );
    assert!(lines.iter().any(|l| l.starts_with("Q7 blocking wrong-regime: r12(5)(e) is a provision of the Environmental Information Regulations 2004, but this case is under the Freedom of Information Act 2000")), "{stdout}");
    // Grouped by question: Q4 lines come before Q7 lines.
    let q4 = lines.iter().position(|l| l.starts_with("Q4")).unwrap();
    let q7 = lines.iter().position(|l| l.starts_with("Q7")).unwrap();
    assert!(q4 < q7);

    let json = foi_drafter(&[
        "check",
        path.to_str().unwrap(),
        "--today",
        "2026-03-27",
        "--format",
        "json",
    ]);
    assert_eq!(json.status.code(), Some(1));
    let items: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let first = &items.as_array().unwrap()[0];
    for key in ["code", "severity", "question", "message", "explanation"] {
        assert!(first.get(key).is_some(), "{key} in {first}");
    }
    assert!(
        items
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "pit-missing" && f["question"] == 4)
    );
}

#[test]
fn explain_prints_the_long_explanation() {
    let output = foi_drafter(&["check", "--explain", "s23-without-s24"]);
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with("s23-without-s24: Section 23(5) cited without section 24(2)"),
        "{stdout}"
    );
    assert!(stdout.replace('\n', " ").contains("in the alternative"));

    let unknown = foi_drafter(&["check", "--explain", "nonsense"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("unknown finding code \"nonsense\""));
}

#[test]
fn an_unreadable_case_exits_2() {
    let output = foi_drafter(&["check", "/no/such.case.ron"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn findings_come_in_question_order() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cases/needs-work.case.ron");
    let output = foi_drafter(&[
        "check",
        path.to_str().unwrap(),
        "--today",
        "2026-03-25",
        "--profile",
        &sample_profile(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let numbers: Vec<u32> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix('Q'))
        .filter_map(|l| l.split_whitespace().next())
        .filter_map(|n| n.parse().ok())
        .collect();
    assert_eq!(numbers, vec![2, 2, 2, 3, 3, 4], "{stdout}");
    // One finding for the sentence, naming each phrase that gives it away.
    let flag = stdout
        .lines()
        .find(|l| l.starts_with("Q3 blocking ncnd-confirms: \"The contract is withheld"))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(
        flag.contains("\"the contract\": it says we hold it")
            && flag.contains("\"is withheld\": it says we hold it"),
        "{flag}"
    );
}
