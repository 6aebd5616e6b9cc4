//! Exports of a composed [`Document`]: DOCX (the only module that uses
//! docx-rs), Markdown and plain text.
//!
//! [`Document`]: crate::core::document::Document

pub mod docx;
pub mod markdown;
pub mod text;

/// The formats a letter can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Word document.
    Docx,
    /// Markdown.
    Markdown,
    /// Plain text.
    Text,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 3] = [Format::Docx, Format::Markdown, Format::Text];

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Markdown => "md",
            Format::Text => "txt",
        }
    }

    /// A label for menus.
    pub fn label(self) -> &'static str {
        match self {
            Format::Docx => "Word document (.docx)",
            Format::Markdown => "Markdown (.md)",
            Format::Text => "Plain text (.txt)",
        }
    }

    /// The format a file name's extension suggests.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let extension = path.extension()?.to_string_lossy().to_lowercase();
        Format::ALL.into_iter().find(|f| {
            f.extension() == extension || (extension == "markdown" && *f == Format::Markdown)
        })
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The DOCX could not be built.
    #[error("could not build the Word document: {0}")]
    Docx(String),
    /// The logo could not be read as an image.
    #[error("the logo is not a PNG or JPEG image this tool can read: {0}")]
    Logo(String),
}

/// Renders a document in a format, as bytes ready to write.
pub fn render(
    document: &crate::core::document::Document,
    format: Format,
    logo: Option<&[u8]>,
) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Docx => docx::render(document, logo),
        Format::Markdown => Ok(markdown::render(document).into_bytes()),
        Format::Text => Ok(text::render(document).into_bytes()),
    }
}
