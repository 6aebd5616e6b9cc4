//! The authority profile: who the letter is from.

use serde::{Deserialize, Serialize};

/// The authority sending the letter (`authority.ron`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthorityProfile {
    /// The authority's name, e.g. "Northshire Police".
    #[serde(default)]
    pub name: String,
    /// Postal address lines.
    #[serde(default)]
    pub address_lines: Vec<String>,
    /// The FOI team's email address.
    #[serde(default)]
    pub foi_email: String,
    /// Where to send a request for internal review (address or email).
    #[serde(default)]
    pub review_contact: String,
    /// The person who signs the letter.
    #[serde(default)]
    pub signatory_name: String,
    /// Their job title.
    #[serde(default)]
    pub signatory_title: String,
    /// A logo image (PNG or JPEG) for the letterhead, relative to the profile file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    /// True for central government and Parliament (FOIA cost limit £600, 24 hours).
    #[serde(default)]
    pub central_government: bool,
    /// Whether the letter gives its answers or its reasons first.
    #[serde(default, skip_serializing_if = "LetterOrder::is_auto")]
    pub letter_order: LetterOrder,
}

/// The order of a letter's two main parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum LetterOrder {
    /// Answers first when most questions are answered in full, reasons first otherwise.
    #[default]
    Auto,
    /// The reasons for refusing (exemptions, NCND) before the answers.
    ReasonsFirst,
    /// The answers before the reasons for refusing.
    AnswersFirst,
}

impl LetterOrder {
    /// Every order, for the settings window.
    pub const ALL: [LetterOrder; 3] = [
        LetterOrder::Auto,
        LetterOrder::ReasonsFirst,
        LetterOrder::AnswersFirst,
    ];

    /// True for the default.
    pub fn is_auto(&self) -> bool {
        *self == LetterOrder::Auto
    }

    /// A label for the settings window.
    pub fn label(self) -> &'static str {
        match self {
            LetterOrder::Auto => "Answers first when most of the request is disclosed",
            LetterOrder::ReasonsFirst => "Reasons for refusing first",
            LetterOrder::AnswersFirst => "Answers first",
        }
    }
}

impl AuthorityProfile {
    /// True when the profile has not been filled in.
    pub fn is_blank(&self) -> bool {
        self.name.trim().is_empty()
    }

    /// Parses profile RON text.
    pub fn from_ron(text: &str) -> Result<AuthorityProfile, crate::core::case_file::ParseProblem> {
        ron::from_str(text).map_err(|e| crate::core::case_file::ParseProblem {
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })
    }

    /// Writes profile RON text.
    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::new()
            .indentor("    ")
            .struct_names(false);
        ron::ser::to_string_pretty(self, config).unwrap_or_default()
    }
}
