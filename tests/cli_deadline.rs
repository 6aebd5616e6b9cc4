//! `foi-drafter deadline`: the due date first, its working on request.

use std::path::Path;
use std::process::{Command, Output};

fn foi_drafter(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_foi-drafter"))
        .args(args)
        .output()
        .expect("binary runs")
}

fn stdout(output: &Output) -> String {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn the_first_line_is_the_due_date() {
    let out = stdout(&foi_drafter(&[
        "deadline",
        "--received",
        "2026-03-02",
        "--regime",
        "foia",
    ]));
    assert_eq!(out.lines().next(), Some("2026-03-31"));
    let out = stdout(&foi_drafter(&[
        "deadline",
        "--received",
        "2026-03-02",
        "--regime",
        "foisa",
    ]));
    assert_eq!(
        out.lines().next(),
        Some("2026-03-30"),
        "Scotland works on St Patrick's Day"
    );
    let out = stdout(&foi_drafter(&[
        "deadline",
        "--received",
        "2026-03-02",
        "--regime",
        "eir",
        "--days",
        "40",
    ]));
    assert_eq!(out.lines().next(), Some("2026-04-30"));
}

#[test]
fn explain_names_every_skipped_day() {
    let out = stdout(&foi_drafter(&[
        "deadline",
        "--received",
        "2026-03-02",
        "--explain",
    ]));
    assert_eq!(out.lines().next(), Some("2026-03-31"));
    assert!(
        out.contains("2026-03-17 Tuesday    St Patrick's Day (Northern Ireland)"),
        "{out}"
    );
    assert!(out.contains("2026-03-07 Saturday   Saturday"), "{out}");
    assert!(
        out.contains("Skipped (9):"),
        "8 weekend days and St Patrick's Day:\n{out}"
    );
}

#[test]
fn json_has_the_due_date_and_the_skipped_days() {
    let out = stdout(&foi_drafter(&[
        "deadline",
        "--received",
        "2026-12-18",
        "--json",
    ]));
    let value: serde_json::Value = serde_json::from_str(&out).expect("pure JSON");
    assert_eq!(value["due"], "2027-01-21");
    assert_eq!(value["received"], "2026-12-18");
    assert_eq!(value["days"], 20);
    let skipped = value["skipped"].as_array().unwrap();
    assert!(
        skipped
            .iter()
            .any(|d| d["date"] == "2026-12-25" && d["reason"] == "Christmas Day")
    );
    assert!(
        skipped
            .iter()
            .any(|d| d["date"] == "2026-12-28" && d["reason"] == "Boxing Day (substitute day)")
    );
}

#[test]
fn a_case_prints_every_date() {
    let case = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ai-in-policing.case.ron");
    let out = stdout(&foi_drafter(&[
        "deadline",
        "--case",
        case.to_str().unwrap(),
    ]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "2026-03-31");
    assert!(
        lines[1]
            .starts_with("2026-03-31  response due: 20 working days after receipt on 2026-03-02"),
        "{out}"
    );
    assert!(
        out.contains("2026-04-30  latest date any public interest extension could reach"),
        "{out}"
    );
    assert!(out.contains("2026-05-28  last day to ask for an internal review: 40 working days after the response sent on 2026-03-27"), "{out}");
    assert!(out.contains("review answer target"), "{out}");
}

#[test]
fn dates_beyond_the_data_are_refused_and_a_newer_file_fixes_it() {
    let output = foi_drafter(&["deadline", "--received", "2031-12-20"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("outside the bank holiday data (2014–2031)"),
        "{stderr}"
    );

    let dir = tempfile::tempdir().unwrap();
    let newer = dir.path().join("bank-holidays.json");
    let mut events = Vec::new();
    for (date, title) in [
        ("2032-01-01", "New Year’s Day"),
        ("2032-03-26", "Good Friday"),
    ] {
        events.push(format!(
            r#"{{"title":"{title}","date":"{date}","notes":"","bunting":true}}"#
        ));
    }
    let json = format!(
        r#"{{"england-and-wales":{{"division":"england-and-wales","events":[{}]}}}}"#,
        events.join(",")
    );
    std::fs::write(&newer, json).unwrap();
    let out = stdout(&foi_drafter(&[
        "deadline",
        "--received",
        "2031-12-20",
        "--holidays",
        newer.to_str().unwrap(),
        "--explain",
    ]));
    // 22-24, 29-31 December 2031, 2 January 2032 onwards; 25/26 Dec and 1 Jan skipped.
    assert!(
        out.contains("2032-01-01 Thursday   New Year's Day (England and Wales)"),
        "{out}"
    );
}

#[test]
fn a_malformed_holiday_file_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        "{\n \"scotland\": {\"events\": [ {\"title\": 1} ]}\n}",
    )
    .unwrap();
    let output = foi_drafter(&[
        "deadline",
        "--received",
        "2026-03-02",
        "--holidays",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with(&format!("foi-drafter: {}:2:", bad.display())),
        "{stderr}"
    );
    assert_eq!(stderr.trim_end().lines().count(), 1);
}
