//! The letter made fit for a disclosure log: the requester's name and
//! contact details replaced wherever they appear.

use regex::{Regex, RegexBuilder};

use super::{BlockKind, Document};
use crate::core::case::Requester;

/// What replaces the requester's name.
pub const NAME_MARKER: &str = "[Requester]";
/// What replaces the requester's contact details.
pub const CONTACT_MARKER: &str = "[Requester's contact details]";

/// Courtesy titles, which identify nobody on their own.
const TITLES: [&str; 8] = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir"];

/// Words that are names and also ordinary words of a letter ("Will May"
/// would otherwise turn "we will" and "20 May" into markers). The full name
/// is still replaced wherever it appears.
const ORDINARY_WORDS: [&str; 32] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "will",
    "mark",
    "bill",
    "frank",
    "grace",
    "hope",
    "rose",
    "sue",
    "ray",
    "guy",
    "art",
    "dawn",
    "summer",
];

/// One pattern matching everything to replace, longest first so a full name
/// goes before its parts, with the marker for each alternative. One pass means
/// a marker already written is never matched again ("Alex Requester" does not
/// become "[[Requester]]").
fn patterns(requester: &Requester) -> Option<(Regex, Vec<&'static str>)> {
    let mut texts: Vec<(String, &'static str, bool)> = Vec::new();
    let name = requester.name.trim();
    if !name.is_empty() {
        texts.push((name.to_string(), NAME_MARKER, false));
        for part in name.split(|c: char| c.is_whitespace() || c == ',') {
            let part = part.trim_matches(|c: char| !c.is_alphanumeric());
            let lower = part.to_lowercase();
            if part.chars().count() >= 2
                && !TITLES.contains(&lower.as_str())
                && !ORDINARY_WORDS.contains(&lower.as_str())
            {
                texts.push((part.to_string(), NAME_MARKER, true));
            }
        }
    }
    for line in requester.contact.lines() {
        let line = line.trim().trim_end_matches(',');
        if line.chars().count() >= 3 {
            texts.push((line.to_string(), CONTACT_MARKER, false));
        }
        // An email address inside a longer line ("Email: x@y.org").
        for word in line.split_whitespace() {
            let word = word.trim_matches(|c: char| "<>()[],;:".contains(c));
            if word.contains('@') && word != line {
                texts.push((word.to_string(), CONTACT_MARKER, false));
            }
        }
    }
    if texts.is_empty() {
        return None;
    }
    texts.sort_by_key(|(text, _, _)| std::cmp::Reverse(text.chars().count()));
    texts.dedup_by(|a, b| a.0.eq_ignore_ascii_case(&b.0));
    let alternatives: Vec<String> = texts
        .iter()
        .map(|(text, _, whole_word)| {
            let escaped = regex::escape(text);
            if *whole_word {
                format!(r"(\b{escaped}\b)")
            } else {
                format!("({escaped})")
            }
        })
        .collect();
    let regex = RegexBuilder::new(&alternatives.join("|"))
        .case_insensitive(true)
        .build()
        .ok()?;
    Some((
        regex,
        texts.into_iter().map(|(_, marker, _)| marker).collect(),
    ))
}

fn scrub(text: &mut String, patterns: &(Regex, Vec<&'static str>)) {
    let (regex, markers) = patterns;
    if !regex.is_match(text) {
        return;
    }
    *text = regex
        .replace_all(text, |captures: &regex::Captures<'_>| {
            (1..captures.len())
                .find(|&group| captures.get(group).is_some())
                .and_then(|group| markers.get(group - 1))
                .copied()
                .unwrap_or(NAME_MARKER)
                .to_string()
        })
        .into_owned();
}

impl Document {
    /// Replaces the requester's name (and each part of it) and contact
    /// details everywhere in the letter, for publication.
    pub fn anonymise(&mut self, requester: &Requester) {
        let Some(patterns) = patterns(requester) else {
            return;
        };
        scrub(&mut self.title, &patterns);
        for block in &mut self.blocks {
            match &mut block.kind {
                BlockKind::Title(text) | BlockKind::Heading { text, .. } => scrub(text, &patterns),
                BlockKind::Paragraph { spans, .. } => {
                    spans.iter_mut().for_each(|s| scrub(&mut s.text, &patterns));
                }
                BlockKind::NumberedList { items } | BlockKind::BulletList { items } => {
                    for item in items {
                        item.iter_mut().for_each(|s| scrub(&mut s.text, &patterns));
                    }
                }
                BlockKind::Table { header, rows } => {
                    header.iter_mut().for_each(|c| scrub(c, &patterns));
                    for row in rows {
                        row.iter_mut().for_each(|c| scrub(c, &patterns));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::{Anchor, Block, ParagraphStyle, Span};

    fn letter(lines: &[&str]) -> Document {
        Document {
            title: "FOIA response X".into(),
            reference: "X".into(),
            authority: "Council".into(),
            draft: false,
            blocks: lines
                .iter()
                .map(|line| Block {
                    kind: BlockKind::Paragraph {
                        style: ParagraphStyle::Normal,
                        spans: vec![Span::plain(*line)],
                    },
                    anchor: Anchor::Request,
                })
                .collect(),
        }
    }

    fn texts(document: &Document) -> Vec<String> {
        document
            .blocks
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Paragraph { spans, .. } => {
                    spans.iter().map(|s| s.text.as_str()).collect()
                }
                _ => String::new(),
            })
            .collect()
    }

    #[test]
    fn the_name_its_parts_and_the_contact_details_are_replaced() {
        let requester = Requester {
            name: "Dr Alex O'Neill".into(),
            contact: "Email: alex.oneill@example.org\n12 High Street".into(),
        };
        let mut document = letter(&[
            "Dear Dr Alex O'Neill,",
            "Ms o'neill asked about cameras; ALEX also wrote.",
            "Email: alex.oneill@example.org",
            "Reply to alex.oneill@example.org please",
            "12 High Street",
            "Alexandra Road is not the requester.",
            "Dear Dr Smith,",
        ]);
        document.anonymise(&requester);
        assert_eq!(
            texts(&document),
            vec![
                "Dear [Requester],",
                "Ms [Requester] asked about cameras; [Requester] also wrote.",
                "[Requester's contact details]",
                "Reply to [Requester's contact details] please",
                "[Requester's contact details]",
                "Alexandra Road is not the requester.",
                "Dear Dr Smith,",
            ]
        );
    }

    #[test]
    fn a_name_made_of_ordinary_words_leaves_the_letter_readable() {
        let requester = Requester {
            name: "Will May".into(),
            contact: "will.may@example.org".into(),
        };
        let mut document = letter(&[
            "Dear Will May,",
            "The Commissioner will not normally consider a complaint before 20 May 2026.",
        ]);
        document.anonymise(&requester);
        assert_eq!(
            texts(&document),
            vec![
                "Dear [Requester],",
                "The Commissioner will not normally consider a complaint before 20 May 2026.",
            ]
        );
        let requester = Requester {
            name: "Alex Requester".into(),
            contact: String::new(),
        };
        let mut document = letter(&["Dear Alex Requester,", "Requester Alex asked."]);
        document.anonymise(&requester);
        assert_eq!(
            texts(&document),
            vec!["Dear [Requester],", "[Requester] [Requester] asked."]
        );
    }

    #[test]
    fn an_unnamed_requester_changes_nothing() {
        let mut document = letter(&["Dear requester,"]);
        let before = document.clone();
        document.anonymise(&Requester::default());
        assert_eq!(document, before);
    }
}
