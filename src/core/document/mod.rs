//! A neutral letter model: headings, paragraphs, lists and tables, each tagged
//! with the part of the case it came from. The composer builds it from a case;
//! the exporters turn it into DOCX, Markdown or plain text.

pub mod anonymise;
mod compose;
pub mod profile;

pub use compose::{ComposeInput, WORDING, compose, regulator, test_words};
pub use profile::AuthorityProfile;

/// A run of text with emphasis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The text.
    pub text: String,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
}

impl Span {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            bold: false,
            italic: false,
        }
    }

    /// Bold text.
    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            bold: true,
            italic: false,
        }
    }

    /// Italic text.
    pub fn italic(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            bold: false,
            italic: true,
        }
    }
}

/// The look of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParagraphStyle {
    /// Body text.
    Normal,
    /// Quoted text (the request).
    Quote,
    /// Address and date lines, set close together.
    Address,
}

/// One block of the letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    /// The letter's title.
    Title(String),
    /// A heading (level 1 or 2).
    Heading {
        /// 1 for sections, 2 for sub-sections.
        level: u8,
        /// The text.
        text: String,
    },
    /// A paragraph.
    Paragraph {
        /// Its look.
        style: ParagraphStyle,
        /// Its text.
        spans: Vec<Span>,
    },
    /// A numbered list (the request's questions).
    NumberedList {
        /// The items.
        items: Vec<Vec<Span>>,
    },
    /// A bulleted list.
    BulletList {
        /// The items.
        items: Vec<Vec<Span>>,
    },
    /// A table with a header row.
    Table {
        /// Column headings.
        header: Vec<String>,
        /// Rows of cells.
        rows: Vec<Vec<String>>,
    },
}

/// The part of the case a block shows, so a preview can scroll to it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// Letterhead, date, addressee.
    Header,
    /// The request and its questions.
    Request,
    /// The decision summary.
    Decision,
    /// A whole-request refusal.
    WholeRequest,
    /// The explanation of one exemption.
    Exemption(String),
    /// The neither-confirm-nor-deny section.
    Ncnd,
    /// The explanation of one NCND provision.
    NcndProvision(String),
    /// The answer to one question.
    Question(u32),
    /// Review and complaint rights, closing.
    Rights,
}

/// A block and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// Where it came from.
    pub anchor: Anchor,
}

/// A letter ready to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The document title property: the reference (never the requester).
    pub title: String,
    /// The reference, for the footer.
    pub reference: String,
    /// The authority's name, for the header.
    pub authority: String,
    /// True for a draft: every page is marked DRAFT.
    pub draft: bool,
    /// The body.
    pub blocks: Vec<Block>,
}

/// Characters XML 1.0 cannot hold (and so Word and LibreOffice refuse).
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// Makes any text safe for a document: drops characters XML forbids and
/// breaks words longer than `max_word` characters so lines can wrap. Web
/// addresses and email addresses are never broken: an invisible break inside
/// one would break the link when it is copied.
pub fn sanitise(text: &str) -> String {
    const MAX_WORD: usize = 60;
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        // Whitespace is kept as it is, except tabs and carriage returns.
        let space_len = rest
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len());
        for c in rest[..space_len].chars().filter(|c| is_xml_char(*c)) {
            out.push(if c == '\t' || c == '\r' { ' ' } else { c });
        }
        rest = &rest[space_len..];
        let word_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let clean: String = rest[..word_len]
            .chars()
            .filter(|c| is_xml_char(*c) && *c != '\u{FFFE}' && *c != '\u{FFFF}')
            .collect();
        rest = &rest[word_len..];
        let is_link = clean.contains("://")
            || clean.starts_with("www.")
            || (clean.contains('@') && clean.contains('.'));
        if is_link {
            out.push_str(&clean);
            continue;
        }
        for (index, c) in clean.chars().enumerate() {
            if index > 0 && index % MAX_WORD == 0 {
                out.push('\u{200B}');
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitising_removes_what_xml_forbids_and_breaks_long_words() {
        assert_eq!(sanitise("a\u{1}b\u{0}c\u{FFFE}d\te"), "abcd e");
        assert_eq!(sanitise("a\u{b}\u{c} b\nc"), "a b\nc");
        let long = "x".repeat(130);
        let safe = sanitise(&long);
        assert_eq!(safe.matches('\u{200B}').count(), 2);
        assert_eq!(safe.replace('\u{200B}', ""), long);
        assert_eq!(sanitise("Dear café 🎉"), "Dear café 🎉");
        let link = format!("https://example.gov.uk/{}/policies", "a".repeat(80));
        assert_eq!(
            sanitise(&format!("See {link} now")),
            format!("See {link} now")
        );
    }
}
