//! The NCND leak check: proof that a neither-confirm-nor-deny response gives
//! nothing away.
//!
//! The letter is composed three times, as if the information were held, not
//! held, and with the private note blank, and everything the requester
//! receives (the text, the Markdown, every part of the DOCX including its
//! document properties) must be identical. The composed letter is then read
//! for wording that assumes an answer and for other answers that speak about
//! the NCND subject.

use std::collections::HashMap;

use jiff::civil::Date;

use super::letter::LetterSetup;
use crate::core::case::{Case, Decision};
use crate::core::document::{Anchor, BlockKind, Document};
use crate::core::rules::ncnd_text::{WordIndex, giveaways, significant_words};
use crate::core::rules::{Code, Finding, Place, Severity, Stage};
use crate::export::{Format, render, text};

/// The private-note hypotheses the letter is composed under.
pub const HYPOTHESES: [(Option<bool>, &str); 3] = [
    (Some(true), "held"),
    (Some(false), "not held"),
    (None, "note blank"),
];

/// Two versions of something the requester receives that differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// What differs ("letter text", "word/document.xml", …).
    pub part: String,
    /// The two hypotheses compared.
    pub between: (&'static str, &'static str),
    /// The first version's lines.
    pub left: String,
    /// The second version's lines.
    pub right: String,
}

/// What the leak check found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LeakReport {
    /// True when the case has an NCND decision to check.
    pub applies: bool,
    /// Findings (code `ncnd-leak`, blocking).
    pub findings: Vec<Finding>,
    /// The parts that differ between hypotheses, for a side-by-side view.
    pub differences: Vec<Difference>,
}

impl LeakReport {
    /// True when nothing leaks.
    pub fn is_sound(&self) -> bool {
        self.findings.is_empty()
    }
}

fn with_held(case: &Case, value: Option<bool>) -> Case {
    let mut case = case.clone();
    case.set_every_held_note(value);
    case
}

/// One composition of the letter: the hypothesis, the document and its parts.
type Version = (&'static str, Document, Vec<(String, String)>);

/// Everything the requester receives, part by part.
fn received_parts(document: &Document) -> Vec<(String, String)> {
    let mut parts = vec![
        ("letter text".to_string(), text::render(document)),
        (
            "Markdown".to_string(),
            String::from_utf8_lossy(&render(document, Format::Markdown, None).unwrap_or_default())
                .into_owned(),
        ),
    ];
    if let Ok(docx) = render(document, Format::Docx, None)
        && let Ok(mut archive) = zip::ZipArchive::new(std::io::Cursor::new(docx))
    {
        for index in 0..archive.len() {
            if let Ok(mut entry) = archive.by_index(index) {
                let mut contents = String::new();
                let name = entry.name().to_string();
                if std::io::Read::read_to_string(&mut entry, &mut contents).is_ok() {
                    parts.push((format!("DOCX {name}"), contents));
                }
            }
        }
    }
    parts
}

fn leak(place: Place, message: String) -> Finding {
    Finding {
        code: Code::NcndLeak,
        severity: Code::NcndLeak.severity(Stage::Final),
        place,
        message,
        flagged: None,
    }
}

/// Runs the leak check with the real composer.
pub fn leak_check(case: &Case, setup: &LetterSetup, letter_date: Date) -> LeakReport {
    leak_check_with(case, &|c: &Case| setup.compose(c, letter_date, false))
}

/// Runs the leak check with any composer (tests use a deliberately faulty one).
pub fn leak_check_with(case: &Case, compose: &dyn Fn(&Case) -> Document) -> LeakReport {
    let ncnd_questions: Vec<(u32, &str)> = case
        .questions
        .iter()
        .filter_map(|q| q.ncnd().map(|view| (q.number, view.scope)))
        .collect();
    let mut report = LeakReport {
        applies: !ncnd_questions.is_empty(),
        ..LeakReport::default()
    };
    if ncnd_questions.is_empty() {
        return report;
    }

    // 1. The same letter whatever the private note says.
    let versions: Vec<Version> = HYPOTHESES
        .iter()
        .map(|(held, label)| {
            let document = compose(&with_held(case, *held));
            let parts = received_parts(&document);
            (*label, document, parts)
        })
        .collect();
    let (base_label, _, base_parts) = &versions[0];
    for (label, _, parts) in &versions[1..] {
        for ((part, left), (_, right)) in base_parts.iter().zip(parts) {
            if left != right {
                report.differences.push(Difference {
                    part: part.clone(),
                    between: (base_label, label),
                    left: left.clone(),
                    right: right.clone(),
                });
            }
        }
        if base_parts.len() != parts.len() {
            report.differences.push(Difference {
                part: "DOCX parts".into(),
                between: (base_label, label),
                left: format!("{} parts", base_parts.len()),
                right: format!("{} parts", parts.len()),
            });
        }
    }
    if let Some(first) = report.differences.first() {
        report.findings.push(leak(
            Place::Case,
            format!(
                "the {} differs when the private note says \"{}\" rather than \"{}\"; the requester could tell which",
                first.part, first.between.1, first.between.0
            ),
        ));
    }

    // 2. The letter itself: NCND wording, and other answers about the NCND subject.
    let document = &versions[0].1;
    // A question neither confirmed nor denied in part answers the rest in its
    // own words, which may say what is held there; only whole NCND answers
    // are read for wording that gives the answer away.
    let ncnd_numbers: Vec<u32> = case
        .questions
        .iter()
        .filter(|q| matches!(q.decision, Decision::Ncnd { .. }))
        .map(|q| q.number)
        .collect();
    for block in &document.blocks {
        let in_ncnd = match &block.anchor {
            Anchor::Ncnd | Anchor::NcndProvision(_) => true,
            Anchor::Question(n) => ncnd_numbers.contains(n),
            _ => false,
        };
        let text = block_text(&block.kind);
        if in_ncnd {
            for hit in giveaways(&text) {
                let place = match block.anchor {
                    Anchor::Question(n) => Place::Question(n),
                    _ => Place::Case,
                };
                report.findings.push(leak(
                    place,
                    format!(
                        "the letter's neither-confirm-nor-deny wording says \"{}\", which {} holding information",
                        hit.phrase,
                        hit.giveaway.verb()
                    ),
                ));
            }
        }
    }
    // A scope is printed as written, so wording in it that presumes the
    // information exists ("the documents recording ...") gives the answer
    // away however the sentence around it is hedged.
    let mut scope_hits: Vec<String> = Vec::new();
    for (number, scope) in &ncnd_questions {
        for hit in giveaways(scope) {
            if scope_hits.contains(&hit.phrase) {
                continue;
            }
            scope_hits.push(hit.phrase.clone());
            report.findings.push(leak(
                Place::Question(*number),
                format!(
                    "the letter's neither-confirm-nor-deny wording says \"{}\", which {} holding information",
                    hit.phrase,
                    hit.giveaway.verb()
                ),
            ));
        }
    }
    // The letter's text for each question, gathered in one pass.
    let mut answer_texts: HashMap<u32, String> = HashMap::new();
    for block in &document.blocks {
        if let Anchor::Question(n) = block.anchor {
            let text = answer_texts.entry(n).or_default();
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&block_text(&block.kind));
        }
    }
    let mut answers: Vec<(u32, &str, &str)> = Vec::new();
    let mut answer_words = Vec::new();
    for question in &case.questions {
        // A decision that says "not held" or "withheld" about the subject
        // answers it, whatever its words; answers that disclose are read
        // sentence by sentence by the check of what the requester learns,
        // where a sentence judged safe can be acknowledged.
        let (verb, consequence) = match question.decision {
            Decision::NotHeld { .. } => ("says it does not hold", ""),
            Decision::Withhold { .. } => ("withholds", ", and so confirms it exists"),
            _ => continue,
        };
        let text = answer_texts
            .get(&question.number)
            .map_or("", String::as_str);
        answers.push((question.number, verb, consequence));
        answer_words.push(significant_words(text));
    }
    let index = WordIndex::new(answer_words);
    for (ncnd_number, scope) in &ncnd_questions {
        let scope_words = significant_words(scope);
        for position in index.speaking_about(&scope_words) {
            let (number, verb, consequence) = answers[position];
            if number == *ncnd_number {
                continue;
            }
            report.findings.push(leak(
                Place::Question(number),
                format!(
                    "the letter's answer to Q{number} {verb} what Q{ncnd_number} neither confirms nor denies ({}){consequence}",
                    crate::core::text::ellipsis(scope, 60)
                ),
            ));
        }
    }
    debug_assert!(
        report
            .findings
            .iter()
            .all(|f| f.severity == Severity::Blocking)
    );
    report
}

fn block_text(kind: &BlockKind) -> String {
    match kind {
        BlockKind::Title(t) | BlockKind::Heading { text: t, .. } => t.clone(),
        BlockKind::Paragraph { spans, .. } => text::spans_text(spans),
        BlockKind::NumberedList { items } | BlockKind::BulletList { items } => items
            .iter()
            .map(|i| text::spans_text(i))
            .collect::<Vec<_>>()
            .join(" "),
        BlockKind::Table { header, rows } => {
            let mut cells = header.clone();
            cells.extend(rows.iter().flatten().cloned());
            cells.join(" ")
        }
    }
}

/// Lines of two texts side by side, marking changed lines, for display.
pub fn side_by_side(left: &str, right: &str) -> Vec<(Option<String>, Option<String>, bool)> {
    let diff = similar::TextDiff::from_lines(left, right);
    let mut rows = Vec::new();
    for change in diff.iter_all_changes() {
        let line = change.value().trim_end_matches('\n').to_string();
        match change.tag() {
            similar::ChangeTag::Equal => rows.push((Some(line.clone()), Some(line), false)),
            similar::ChangeTag::Delete => rows.push((Some(line), None, true)),
            similar::ChangeTag::Insert => rows.push((None, Some(line), true)),
        }
    }
    rows
}
