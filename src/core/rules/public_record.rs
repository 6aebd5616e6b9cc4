//! The public record: what has been officially confirmed, and what has only
//! been reported or said about it. An NCND on a fact its authority, a security
//! body or the government has officially confirmed cannot be sustained;
//! press reports, comment and speculation do not take NCND away.

use std::sync::OnceLock;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::inference::{Vocabulary, mentions_all};
use crate::core::case::Case;
use crate::core::case_file::{ParseProblem, describe_ron_error};

/// Who said it, and so what weight it carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum RecordKind {
    /// The authority itself, a security body or the government, on the record.
    #[default]
    Official,
    /// A press report of what was said.
    Press,
    /// Comment, opinion or speculation.
    Comment,
}

impl RecordKind {
    /// Every kind, in the order the editor offers them.
    pub const ALL: [RecordKind; 3] = [RecordKind::Official, RecordKind::Press, RecordKind::Comment];

    /// A label for lists.
    pub fn label(self) -> &'static str {
        match self {
            RecordKind::Official => "Official confirmation",
            RecordKind::Press => "Press report (not official confirmation)",
            RecordKind::Comment => "Comment or speculation (not official confirmation)",
        }
    }

    /// True when it defeats NCND on what it confirms.
    pub fn is_official(self) -> bool {
        self == RecordKind::Official
    }
}

/// One statement on the record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RecordEntry {
    /// A stable id.
    pub id: String,
    /// Official, press or comment.
    pub kind: RecordKind,
    /// Who said it.
    pub who: String,
    /// When, if known.
    #[serde(default, with = "crate::core::case_file::opt_iso_date")]
    pub said_on: Option<Date>,
    /// Where: a reference or address.
    pub source: String,
    /// What it confirms, in our words.
    pub confirms: String,
    /// What it does not reach.
    #[serde(default)]
    pub does_not_confirm: String,
    /// Phrases that must all appear in an NCND scope or question for the
    /// entry to apply.
    pub matches: Vec<String>,
}

impl RecordEntry {
    /// "31 August 2022", or "date not recorded".
    pub fn when(&self) -> String {
        self.said_on.map_or_else(
            || "date not recorded".to_string(),
            |d| d.strftime("%-d %B %Y").to_string(),
        )
    }

    /// True when every match phrase appears in `text` (synonyms counting).
    pub fn applies_to(&self, text: &str, vocabulary: &Vocabulary) -> bool {
        !self.matches.is_empty() && mentions_all(text, &self.matches, vocabulary)
    }
}

/// Parses a register file: a list of entries.
pub fn parse_record(text: &str) -> Result<Vec<RecordEntry>, ParseProblem> {
    ron::from_str(text).map_err(|e| describe_ron_error(&e))
}

/// Writes a register file.
pub fn write_record(entries: &[RecordEntry]) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .struct_names(false);
    let body = ron::ser::to_string_pretty(entries, config).unwrap_or_default();
    format!(
        "// The team's public record: official confirmations, press reports and comment\n// that bear on neither-confirm-nor-deny answers. Edited in Settings, or by hand.\n{body}\n"
    )
}

const BUNDLED_RON: &str = include_str!("../../../assets/law/public-record.ron");

/// The bundled entries, then the team's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PublicRecord {
    /// The bundled entries.
    pub bundled: Vec<RecordEntry>,
    /// The team's entries.
    pub team: Vec<RecordEntry>,
}

impl PublicRecord {
    /// The bundled register alone.
    pub fn bundled() -> &'static PublicRecord {
        static RECORD: OnceLock<PublicRecord> = OnceLock::new();
        RECORD.get_or_init(|| PublicRecord {
            bundled: parse_record(BUNDLED_RON).unwrap_or_default(),
            team: Vec::new(),
        })
    }

    /// Every entry.
    pub fn entries(&self) -> impl Iterator<Item = &RecordEntry> {
        self.bundled.iter().chain(&self.team)
    }

    /// The entries that bear on an NCND question: its scope and its own
    /// wording together mention everything the entry matches on.
    pub fn matching<'r>(
        &'r self,
        scope: &str,
        question: &str,
        vocabulary: &Vocabulary,
    ) -> Vec<&'r RecordEntry> {
        let text = format!("{scope}. {question}");
        self.entries()
            .filter(|entry| entry.applies_to(&text, vocabulary))
            .collect()
    }
}

/// An NCND question whose subject has been officially confirmed.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfirmedOnRecord<'r> {
    /// The NCND question.
    pub question: u32,
    /// The official entry.
    pub entry: &'r RecordEntry,
}

impl ConfirmedOnRecord<'_> {
    /// One line for the caseworker.
    pub fn message(&self) -> String {
        let entry = self.entry;
        let reach = if entry.does_not_confirm.trim().is_empty() {
            String::new()
        } else {
            format!(
                " NCND may still cover what it did not confirm: {}",
                entry.does_not_confirm.trim()
            )
        };
        // One line, whatever the team file holds.
        let line = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        let confirms = line(entry.confirms.trim());
        format!(
            "{} officially confirmed ({}; {}) that {}; an NCND answer on that fact cannot be sustained, so say what is on the record and neither confirm nor deny only what it does not reach.{}",
            line(&entry.who),
            entry.when(),
            line(&entry.source),
            lower_first(confirms.trim_end_matches('.')),
            if reach.is_empty() {
                String::new()
            } else {
                format!(" {}", line(&reach))
            },
        )
    }
}

fn lower_first(text: &str) -> String {
    // Keep acronyms and names ("MI5 and …") as written.
    let mut words = text.split(' ');
    match words.next() {
        Some(first)
            if first.chars().nth(1).is_some_and(char::is_lowercase)
                && first.chars().next().is_some_and(char::is_uppercase) =>
        {
            let mut chars = first.chars();
            let head: String = chars
                .next()
                .into_iter()
                .flat_map(char::to_lowercase)
                .collect();
            let rest: Vec<&str> = words.collect();
            if rest.is_empty() {
                format!("{head}{}", chars.as_str())
            } else {
                format!("{head}{} {}", chars.as_str(), rest.join(" "))
            }
        }
        _ => text.to_string(),
    }
}

/// Every NCND question whose scope or wording matches an official entry.
pub fn officially_confirmed<'r>(
    case: &Case,
    record: &'r PublicRecord,
    vocabulary: &Vocabulary,
) -> Vec<ConfirmedOnRecord<'r>> {
    let mut out = Vec::new();
    for question in &case.questions {
        let Some(view) = question.ncnd() else {
            continue;
        };
        for entry in record.matching(view.scope, &question.text, vocabulary) {
            if entry.kind.is_official() {
                out.push(ConfirmedOnRecord {
                    question: question.number,
                    entry,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_register_parses_and_holds_both_statements() {
        let record = PublicRecord::bundled();
        assert_eq!(record.bundled.len(), 3);
        let official: Vec<&str> = record
            .entries()
            .filter(|e| e.kind.is_official())
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(
            official,
            ["mi5-turing-partnership-2022", "mi5-met-data-analytics"]
        );
        assert_eq!(record.bundled[0].when(), "31 August 2022");
        assert_eq!(record.bundled[1].when(), "date not recorded");
    }

    #[test]
    fn a_written_register_reads_back_the_same() {
        let entries = PublicRecord::bundled().bundled.clone();
        assert_eq!(parse_record(&write_record(&entries)).unwrap(), entries);
    }

    #[test]
    fn entries_match_through_synonyms_and_need_every_phrase() {
        let record = PublicRecord::bundled();
        let vocabulary = Vocabulary::bundled();
        let found = record.matching(
            "any partnership between the Security Service and the Alan Turing Institute",
            "Does MI5 work with the Turing?",
            vocabulary,
        );
        assert_eq!(found.len(), 1);
        assert!(
            record
                .matching("any work with MI5", "Do you work with MI5?", vocabulary)
                .is_empty(),
            "MI5 alone matches no entry"
        );
    }
}
