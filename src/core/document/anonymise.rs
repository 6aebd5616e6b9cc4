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

/// The patterns to replace, longest first so a full name goes before its parts.
fn patterns(requester: &Requester) -> Vec<(Regex, &'static str)> {
    let mut texts: Vec<(String, &'static str, bool)> = Vec::new();
    let name = requester.name.trim();
    if !name.is_empty() {
        texts.push((name.to_string(), NAME_MARKER, false));
        for part in name.split(|c: char| c.is_whitespace() || c == ',') {
            let part = part.trim_matches(|c: char| !c.is_alphanumeric());
            if part.chars().count() >= 2 && !TITLES.contains(&part.to_lowercase().as_str()) {
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
    texts.sort_by_key(|(text, _, _)| std::cmp::Reverse(text.chars().count()));
    texts.dedup_by(|a, b| a.0.eq_ignore_ascii_case(&b.0));
    texts
        .into_iter()
        .filter_map(|(text, marker, whole_word)| {
            let escaped = regex::escape(&text);
            let pattern = if whole_word {
                format!(r"\b{escaped}\b")
            } else {
                escaped
            };
            RegexBuilder::new(&pattern)
                .case_insensitive(true)
                .build()
                .ok()
                .map(|regex| (regex, marker))
        })
        .collect()
}

fn scrub(text: &mut String, patterns: &[(Regex, &'static str)]) {
    for (regex, marker) in patterns {
        if regex.is_match(text) {
            *text = regex.replace_all(text, *marker).into_owned();
        }
    }
}

impl Document {
    /// Replaces the requester's name (and each part of it) and contact
    /// details everywhere in the letter, for publication.
    pub fn anonymise(&mut self, requester: &Requester) {
        let patterns = patterns(requester);
        if patterns.is_empty() {
            return;
        }
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
    fn an_unnamed_requester_changes_nothing() {
        let mut document = letter(&["Dear requester,"]);
        let before = document.clone();
        document.anonymise(&Requester::default());
        assert_eq!(document, before);
    }
}
