//! The letter corpus: cases in every regime and shape, each under its own
//! authority's profile (`tests/corpus/<authority>/authority.ron`). Every case
//! is checked as a final letter (no blocking finding and no warning: the
//! letter lint passes), exported as DOCX, Markdown and text, the DOCX parsed
//! with a real XML parser, the NCND wording proved independent of the
//! private `held` note, and the text kept as an insta snapshot for review.

use std::io::Read;
use std::path::{Path, PathBuf};

use foi_drafter::core::case::Case;
use foi_drafter::core::document::AuthorityProfile;
use foi_drafter::core::rules::{Severity, Stage};
use foi_drafter::export::{Format, render, text};
use foi_drafter::session::files::load_case;
use foi_drafter::session::letter::LetterSetup;
use foi_drafter::session::settings::LoadedProfile;

/// (authority folder, case file) for every case in the corpus.
fn corpus() -> Vec<(PathBuf, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut cases = Vec::new();
    let mut folders: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("tests/corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    for folder in folders {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
            .expect("authority folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.to_string_lossy().ends_with(".case.ron"))
            .collect();
        files.sort();
        for file in files {
            cases.push((folder.clone(), file));
        }
    }
    cases
}

fn setup_for(folder: &Path) -> LetterSetup {
    let text = std::fs::read_to_string(folder.join("authority.ron")).expect("authority.ron");
    let profile = AuthorityProfile::from_ron(&text).expect("authority profile parses");
    LetterSetup {
        profile: LoadedProfile::from(profile),
        ..LetterSetup::bundled()
    }
}

fn name_of(path: &Path) -> String {
    path.file_name()
        .unwrap()
        .to_string_lossy()
        .trim_end_matches(".case.ron")
        .to_string()
}

fn today(case: &Case) -> jiff::civil::Date {
    case.responded_on
        .unwrap_or_else(|| jiff::civil::date(2026, 12, 1))
}

#[test]
fn the_corpus_covers_every_regime_with_at_least_forty_cases() {
    let cases = corpus();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    let mut regimes: Vec<String> = cases
        .iter()
        .map(|(_, path)| load_case(path).expect("loads").regime.key().to_string())
        .collect();
    regimes.sort();
    regimes.dedup();
    assert_eq!(regimes, ["eir", "eisr", "foia", "foisa"]);
}

#[test]
fn every_corpus_letter_passes_the_checks_and_the_lint() {
    let mut failures: Vec<String> = Vec::new();
    for (folder, path) in corpus() {
        let case = load_case(&path).expect("corpus case loads");
        let setup = setup_for(&folder);
        let (assessment, _) = setup.check(&case, today(&case), Stage::Final);
        for finding in assessment
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
        {
            failures.push(format!(
                "{}: {} {} {}: {}",
                name_of(&path),
                finding
                    .question()
                    .map_or("Case".to_string(), |n| format!("Q{n}")),
                finding.severity.label(),
                finding.code,
                finding.message
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} findings:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_corpus_letter_exports_in_every_format() {
    for (folder, path) in corpus() {
        let case = load_case(&path).expect("corpus case loads");
        let setup = setup_for(&folder);
        let document = setup.compose(&case, today(&case), false);
        let docx = render(&document, Format::Docx, None).expect("docx");
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&docx)).expect("a zip");
        let mut xml = String::new();
        archive
            .by_name("word/document.xml")
            .expect("document.xml")
            .read_to_string(&mut xml)
            .expect("utf-8");
        let parsed = roxmltree::Document::parse(&xml).expect("document.xml parses");
        let words: String = parsed
            .descendants()
            .filter(|n| n.has_tag_name("t"))
            .filter_map(|n| n.text())
            .collect();
        assert!(
            words.contains(&case.reference),
            "{}: the reference is in the DOCX",
            name_of(&path)
        );
        let markdown = String::from_utf8(render(&document, Format::Markdown, None).expect("md"))
            .expect("utf-8");
        assert!(markdown.contains("## "), "{}: headings", name_of(&path));
        let plain =
            String::from_utf8(render(&document, Format::Text, None).expect("txt")).expect("utf-8");
        assert!(plain.contains(&case.reference), "{}", name_of(&path));
        // Nothing in any format is the private note, and every format says the same.
        for (format, body) in [("md", &markdown), ("txt", &plain)] {
            assert!(!body.contains("held: Some"), "{}: {format}", name_of(&path));
        }
    }
}

#[test]
fn every_corpus_letter_is_the_same_whatever_the_private_held_note_says() {
    for (folder, path) in corpus() {
        let case = load_case(&path).expect("corpus case loads");
        if !case.has_ncnd() {
            continue;
        }
        let setup = setup_for(&folder);
        let versions: Vec<Vec<u8>> = [Some(true), Some(false), None]
            .into_iter()
            .map(|held| {
                let mut variant = case.clone();
                variant.set_every_held_note(held);
                render(
                    &setup.compose(&variant, today(&case), false),
                    Format::Docx,
                    None,
                )
                .expect("docx")
            })
            .collect();
        assert!(
            versions.windows(2).all(|pair| pair[0] == pair[1]),
            "{}: the DOCX changes with the private note",
            name_of(&path)
        );
    }
}

#[test]
fn every_corpus_letter_matches_its_reviewed_snapshot() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots/corpus");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for (folder, path) in corpus() {
            let case = load_case(&path).expect("corpus case loads");
            let setup = setup_for(&folder);
            let document = setup.compose(&case, today(&case), false);
            insta::assert_snapshot!(name_of(&path), text::render(&document));
        }
    });
}
