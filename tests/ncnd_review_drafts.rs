//! NCND drafts written by a reviewer who had not seen the check's rules: 44
//! that give the game away (`leak-*`) and 19 that must pass (`sound-*`), in
//! all four regimes, cut from the corpus letters. The check does not catch
//! them all (it reads words, not meaning); this test holds it to what it
//! catches now, so that a change that loses a leak or adds a false alarm
//! fails, and prints the drafts it gets wrong.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The finding codes that say an NCND answer is given away.
const NCND_CODES: &[&str] = &[
    "ncnd-confirms",
    "ncnd-leak",
    "refusal-confirms-existence",
    "ncnd-officially-confirmed",
    "s23-without-s24",
];

fn drafts(prefix: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ncnd-review");
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .collect();
    found.sort();
    found
}

/// The NCND findings `check` reports for a draft.
fn ncnd_findings(path: &Path) -> Vec<String> {
    let profile = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/authority.ron");
    let output = Command::new(env!("CARGO_BIN_EXE_foi-drafter"))
        .args(["check", path.to_str().unwrap(), "--today", "2026-06-01"])
        .args(["--format", "json", "--profile", profile.to_str().unwrap()])
        .env("XDG_CONFIG_HOME", "/nonexistent-foi-drafter-test")
        .env("HOME", "/nonexistent-foi-drafter-test")
        .output()
        .unwrap();
    assert_ne!(output.status.code(), Some(2), "{}", path.display());
    let findings: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    findings
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| NCND_CODES.contains(&f["code"].as_str().unwrap_or("")))
        .map(|f| f["message"].as_str().unwrap_or("").to_string())
        .collect()
}

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn the_reviewers_leaks_are_caught_at_least_as_often_as_measured() {
    let leaks = drafts("leak-");
    assert_eq!(leaks.len(), 44);
    let missed: Vec<String> = leaks
        .iter()
        .filter(|p| ncnd_findings(p).is_empty())
        .map(|p| name(p))
        .collect();
    let caught = leaks.len() - missed.len();
    println!("caught {caught} of {}; missed: {missed:#?}", leaks.len());
    assert!(caught >= 31, "caught {caught} of 44; missed: {missed:#?}");
}

#[test]
fn the_reviewers_sound_drafts_are_flagged_no_more_often_than_measured() {
    let sound = drafts("sound-");
    assert_eq!(sound.len(), 19);
    let flagged: Vec<(String, Vec<String>)> = sound
        .iter()
        .map(|p| (name(p), ncnd_findings(p)))
        .filter(|(_, findings)| !findings.is_empty())
        .collect();
    println!("flagged {} of {}: {flagged:#?}", flagged.len(), sound.len());
    assert!(
        flagged.len() <= 4,
        "flagged {}: {flagged:#?}",
        flagged.len()
    );
}
