//! The NCND leak check: eight deliberately leaky drafts are each caught with
//! the right explanation, sound ones pass, and a letter that changed with
//! the private `held` note would be caught too.

use std::path::{Path, PathBuf};
use std::process::Command;

use foi_drafter::core::case::{Case, Decision};
use foi_drafter::core::document::{Anchor, Block, BlockKind, ParagraphStyle, Span};
use foi_drafter::core::rules::Code;
use foi_drafter::session::files::load_case;
use foi_drafter::session::leak::{leak_check, leak_check_with};
use foi_drafter::session::letter::LetterSetup;

fn fixtures(prefix: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/leaks");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect();
    paths.sort();
    paths
}

fn expectation(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .next()
        .unwrap()
        .strip_prefix("// expect: ")
        .unwrap()
        .to_string()
}

fn check_json(path: &Path, extra: &[&str]) -> (i32, serde_json::Value) {
    let profile = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/authority.ron");
    let mut args = vec![
        "check",
        path.to_str().unwrap(),
        "--today",
        "2026-03-20",
        "--format",
        "json",
        "--profile",
        profile.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let output = Command::new(env!("CARGO_BIN_EXE_foi-drafter"))
        .args(&args)
        .env("XDG_CONFIG_HOME", "/nonexistent-foi-drafter-test")
        .env("HOME", "/nonexistent-foi-drafter-test")
        .output()
        .unwrap();
    (
        output.status.code().unwrap(),
        serde_json::from_slice(&output.stdout).unwrap(),
    )
}

#[test]
fn every_leaky_draft_is_caught_with_the_right_explanation() {
    let leaky = fixtures("leaky-");
    assert!(leaky.len() >= 8, "{} leaky drafts", leaky.len());
    for path in leaky {
        let (code, findings) = check_json(&path, &[]);
        assert_eq!(code, 1, "{}", path.display());
        let leaks: Vec<&str> = findings
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == "ncnd-leak" || f["code"] == "ncnd-confirms")
            .map(|f| f["message"].as_str().unwrap())
            .collect();
        let expected = expectation(&path);
        assert!(
            leaks.iter().any(|m| m.contains(&expected)),
            "{}: expected an NCND finding saying {expected:?}, got {leaks:?}",
            path.display()
        );
        let explanation = findings
            .as_array()
            .unwrap()
            .iter()
            .find(|f| {
                (f["code"] == "ncnd-leak" || f["code"] == "ncnd-confirms")
                    && f["message"].as_str().unwrap().contains(&expected)
            })
            .unwrap()["explanation"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(
            explanation.contains("whether or not the information is held"),
            "{explanation}"
        );
    }
}

#[test]
fn sound_ncnd_drafts_pass() {
    let mut sound = fixtures("sound-");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    sound.push(root.join("ai-in-policing.case.ron"));
    sound.push(root.join("cases/ncnd-only.case.ron"));
    sound.push(root.join("cases/foisa-ncnd.case.ron"));
    assert!(sound.len() >= 5);
    for path in sound {
        let (code, findings) = check_json(&path, &[]);
        let leaks: Vec<&serde_json::Value> = findings
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == "ncnd-leak")
            .collect();
        assert!(leaks.is_empty(), "{}: {leaks:?}", path.display());
        assert_eq!(code, 0, "{}: {findings}", path.display());
    }
}

#[test]
fn a_team_paragraph_that_gives_the_answer_away_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("override.ron"),
        r#"[(id: "all.letter.ncnd.not_an_indication", regimes: [Foia, Eir, Foisa, Eisr], role: NcndStatement, title: "Leaky", body: "The information you requested is held but exempt.")]"#,
    )
    .unwrap();
    let path = fixtures("sound-")[0].clone();
    let (code, findings) = check_json(&path, &["--library", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        findings
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "ncnd-leak"
                && f["message"]
                    .as_str()
                    .unwrap()
                    .contains("\"the information you requested\"")),
        "{findings}"
    );
}

#[test]
fn a_letter_that_changes_with_the_private_note_is_caught_and_diffed() {
    let path = fixtures("sound-")[0].clone();
    let case = load_case(&path).unwrap();
    let setup = LetterSetup::bundled();
    assert!(leak_check(&case, &setup, jiff::civil::date(2026, 3, 20)).is_sound());

    // A faulty composer that lets the private note through, as a careless
    // template or future change might.
    let faulty = |c: &Case| {
        let mut document = setup.compose(c, jiff::civil::date(2026, 3, 20), false);
        let held = c.questions.iter().find_map(|q| match &q.decision {
            Decision::Ncnd { held, .. } => Some(*held),
            _ => None,
        });
        if held == Some(Some(true)) {
            document.blocks.push(Block {
                kind: BlockKind::Paragraph {
                    style: ParagraphStyle::Normal,
                    spans: vec![Span::plain("Ref A1.")],
                },
                anchor: Anchor::Rights,
            });
        }
        document
    };
    let report = leak_check_with(&case, &faulty);
    assert!(!report.is_sound());
    assert_eq!(report.findings[0].code, Code::NcndLeak);
    assert!(
        report.findings[0]
            .message
            .contains("differs when the private note says \"not held\" rather than \"held\""),
        "{}",
        report.findings[0].message
    );
    let parts: Vec<&str> = report.differences.iter().map(|d| d.part.as_str()).collect();
    assert!(
        parts.contains(&"letter text") && parts.contains(&"DOCX word/document.xml"),
        "{parts:?}"
    );
    let rows = foi_drafter::session::leak::side_by_side(
        &report.differences[0].left,
        &report.differences[0].right,
    );
    assert!(rows.iter().any(|(left, right, changed)| *changed
        && left.as_deref() == Some("Ref A1.")
        && right.is_none()));
}
