//! Reading and writing the case file text (`*.case.ron`), without touching disk.
//!
//! Parsing checks the format version first, so a file from a newer release gets
//! a clear "made by a newer version" error rather than a confusing field error.
//! Every error carries a 1-based line and column.

use serde::Deserialize;

use super::case::{Case, CaseFile};

/// The case file format version this release reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A problem found while parsing case file text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct ParseProblem {
    /// 1-based line of the problem.
    pub line: usize,
    /// 1-based column (in characters) of the problem.
    pub column: usize,
    /// One sentence saying what was wrong and what was expected.
    pub message: String,
}

impl ParseProblem {
    fn at(line: usize, column: usize, message: impl Into<String>) -> ParseProblem {
        ParseProblem {
            line,
            column,
            message: message.into(),
        }
    }
}

/// Only the version field, read before anything else.
#[derive(Deserialize)]
#[serde(rename = "CaseFile")]
struct VersionProbe {
    format_version: u32,
}

/// Parses case file text into a case file of the current format.
pub fn parse_case_file(text: &str) -> Result<CaseFile, ParseProblem> {
    if text.trim().is_empty() {
        return Err(ParseProblem::at(
            1,
            1,
            "the file is empty; expected a case file starting with `(format_version: 1,`",
        ));
    }
    let probe: VersionProbe = ron::from_str(text).map_err(|e| describe_ron_error(&e))?;
    let (line, column) = field_position(text, "format_version").unwrap_or((1, 1));
    match probe.format_version {
        FORMAT_VERSION => {}
        newer if newer > FORMAT_VERSION => {
            return Err(ParseProblem::at(
                line,
                column,
                format!(
                    "this case file was made by a newer version of foi-drafter (format version {newer}); \
                     this version reads format version {FORMAT_VERSION}: update foi-drafter to open it"
                ),
            ));
        }
        other => {
            return Err(ParseProblem::at(
                line,
                column,
                format!("unknown format version {other}; expected format version {FORMAT_VERSION}"),
            ));
        }
    }
    ron::from_str::<CaseFile>(text).map_err(|e| describe_ron_error(&e))
}

/// Parses case file text and returns just the case.
pub fn parse_case(text: &str) -> Result<Case, ParseProblem> {
    parse_case_file(text).map(|file| file.case)
}

/// Writes a case as case file text of the current format version.
pub fn write_case(case: &Case) -> String {
    let file = CaseFile {
        format_version: FORMAT_VERSION,
        case: case.clone(),
    };
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false);
    // Serialising plain data with string keys cannot fail; fall back to the
    // compact form rather than panic if a future field ever makes it fail.
    let body = ron::ser::to_string_pretty(&file, config)
        .or_else(|_| ron::ser::to_string(&file))
        .unwrap_or_default();
    format!("// foi-drafter case file. Holds personal data: keep it private.\n{body}\n")
}

/// Line and column (1-based) of the first occurrence of a field name.
fn field_position(text: &str, field: &str) -> Option<(usize, usize)> {
    let offset = text.find(field)?;
    Some(line_column_at(text, offset))
}

/// Converts a byte offset into a 1-based line and character column.
pub fn line_column_at(text: &str, byte_offset: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..byte_offset.min(text.len())];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |pos| pos + 1);
    let column = 1 + String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count();
    (line, column)
}

/// Human names for the case file's enums and structs, as a caseworker knows them.
fn thing_name(rust_name: &str) -> String {
    match rust_name {
        "Decision" => "decision".into(),
        "Regime" => "regime".into(),
        "Event" => "event".into(),
        "Likelihood" => "likelihood".into(),
        "ExtensionReason" => "extension reason".into(),
        "WholeRequestRefusal" => "whole-request refusal".into(),
        "CaseFile" => "the case file".into(),
        "Case" => "the case".into(),
        "Requester" => "the requester".into(),
        "Question" => "a question".into(),
        "Claim" => "a claim".into(),
        "PublicInterest" => "a public interest test".into(),
        "CostActivity" => "a cost activity".into(),
        other => format!("`{other}`"),
    }
}

fn one_of(alternatives: &[&str]) -> String {
    match alternatives {
        [] => "nothing here".into(),
        [only] => (*only).to_string(),
        _ => format!("one of {}", alternatives.join(", ")),
    }
}

/// The closest alternative by edit distance, when it is close enough to be a typo.
fn closest<'a>(found: &str, alternatives: &[&'a str]) -> Option<&'a str> {
    alternatives
        .iter()
        .map(|alt| {
            (
                edit_distance(&found.to_lowercase(), &alt.to_lowercase()),
                *alt,
            )
        })
        .filter(|(distance, alt)| *distance <= 2.max(alt.len() / 4))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, alt)| alt)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b_chars: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b_chars.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b_chars.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b_chars.len()]
}

/// A RON error as a problem with its line, column and a plain message.
pub fn describe_ron_error(error: &ron::error::SpannedError) -> ParseProblem {
    use ron::error::Error as E;
    let position = error.span.start;
    let message = match &error.code {
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let what = outer.as_deref().map_or("variant".into(), thing_name);
            let mut message = format!("unknown {what} \"{found}\"; expected {}", one_of(expected));
            if let Some(suggestion) = closest(found, expected) {
                message.push_str(&format!(" (did you mean {suggestion}?)"));
            }
            message
        }
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let place = outer
                .as_deref()
                .map(|o| format!(" in {}", thing_name(o)))
                .unwrap_or_default();
            let mut message = format!(
                "unknown field \"{found}\"{place}; expected {}",
                one_of(expected)
            );
            if let Some(suggestion) = closest(found, expected) {
                message.push_str(&format!(" (did you mean {suggestion}?)"));
            }
            message
        }
        E::MissingStructField { field, outer } => {
            let place = outer
                .as_deref()
                .map(|o| format!(" in {}", thing_name(o)))
                .unwrap_or_default();
            format!("missing field \"{field}\"{place}")
        }
        E::DuplicateStructField { field, outer } => {
            let place = outer
                .as_deref()
                .map(|o| format!(" in {}", thing_name(o)))
                .unwrap_or_default();
            format!("field \"{field}\" appears twice{place}")
        }
        E::Eof => {
            "the file ends too early (is it cut short?); expected the rest of the case".into()
        }
        E::InvalidValueForType { expected, found } => format!("expected {expected}, found {found}"),
        E::ExpectedString => "expected a string in double quotes".into(),
        E::ExpectedStringEnd => "a string is not closed; expected a closing `\"`".into(),
        E::TrailingCharacters => "unexpected text after the end of the case file".into(),
        E::Message(text) => text.clone(),
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => "the file could not be read as a case file".into(),
            }
        }
    };
    ParseProblem::at(position.line, position.col, message)
}

/// Parses a `YYYY-MM-DD` date typed by a user, explaining a bad value in one sentence.
pub fn parse_iso_date(text: &str) -> Result<jiff::civil::Date, String> {
    iso_date::parse(text)
}

/// Serde helpers that read ISO dates with a clear message on bad input.
pub(crate) mod iso_date {
    use jiff::civil::Date;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Parses `YYYY-MM-DD`, explaining a bad value in one sentence.
    pub fn parse(text: &str) -> Result<Date, String> {
        let shape_ok = text.len() == 10
            && text.char_indices().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if !shape_ok {
            return Err(format!(
                "invalid date \"{text}\"; expected an ISO date written YYYY-MM-DD, e.g. 2026-03-02"
            ));
        }
        text.parse::<Date>().map_err(|_| {
            format!("invalid date \"{text}\"; that day does not exist in the calendar")
        })
    }

    /// Serialises a date as `YYYY-MM-DD`.
    pub fn serialize<S: Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(date)
    }

    /// Deserialises a date from `YYYY-MM-DD`.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Serde helpers for optional ISO dates (`Some("2026-03-27")`).
pub(crate) mod opt_iso_date {
    use jiff::civil::Date;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Serialises `Some(date)` as `Some("YYYY-MM-DD")`.
    pub fn serialize<S: Serializer>(date: &Option<Date>, serializer: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => serializer.serialize_some(&date.to_string()),
            None => serializer.serialize_none(),
        }
    }

    /// Deserialises an optional `YYYY-MM-DD`.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Date>, D::Error> {
        Option::<String>::deserialize(deserializer)?
            .map(|text| super::iso_date::parse(&text).map_err(serde::de::Error::custom))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = include_str!("../../assets/samples/ai-in-policing.case.ron");

    #[test]
    fn the_reference_case_loads() {
        let case = parse_case(SAMPLE).expect("reference case loads");
        assert_eq!(case.reference, "NP-FOI-2026-0142");
        assert_eq!(case.questions.len(), 7);
    }

    #[test]
    fn write_then_parse_gives_the_same_case() {
        let case = parse_case(SAMPLE).expect("reference case loads");
        let written = write_case(&case);
        assert_eq!(parse_case(&written), Ok(case));
    }

    #[test]
    fn a_misspelt_decision_is_named_with_its_alternatives() {
        let text = SAMPLE.replacen("decision: Withhold(", "decision: Withold(", 1);
        let problem = parse_case(&text).expect_err("misspelt variant fails");
        assert!(
            problem.message.starts_with("unknown decision \"Withold\"; expected one of Undecided, Disclose, PartDisclose, Withhold, NotHeld, Ncnd"),
            "{problem}"
        );
        assert!(
            problem.message.contains("did you mean Withhold?"),
            "{problem}"
        );
        let expected_line = 1 + text[..text.find("Withold").unwrap()].matches('\n').count();
        assert_eq!(problem.line, expected_line);
    }

    #[test]
    fn a_newer_format_version_says_so() {
        let text = SAMPLE.replace("format_version: 1", "format_version: 7");
        let problem = parse_case(&text).expect_err("newer version refused");
        assert!(problem.message.contains("newer version"), "{problem}");
        assert_eq!((problem.line, problem.column), (5, 5));
    }

    #[test]
    fn line_and_column_count_characters_not_bytes() {
        assert_eq!(line_column_at("ab\n£x", 5), (2, 2));
        assert_eq!(line_column_at("", 0), (1, 1));
    }

    #[test]
    fn dates_must_be_real_iso_days() {
        assert!(iso_date::parse("2026-03-02").is_ok());
        assert!(
            iso_date::parse("2026-02-30")
                .unwrap_err()
                .contains("does not exist")
        );
        assert!(
            iso_date::parse("02/03/2026")
                .unwrap_err()
                .contains("YYYY-MM-DD")
        );
    }
}
