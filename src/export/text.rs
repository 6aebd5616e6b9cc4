//! Plain-text export: paragraphs separated by blank lines, no hard wrapping
//! (email clients wrap), headings underlined.

use crate::core::document::{BlockKind, Document, ParagraphStyle, Span};

/// The text of some spans, without emphasis.
pub fn spans_text(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect()
}

/// Renders a document as plain text.
pub fn render(document: &Document) -> String {
    let mut out = String::new();
    if document.draft {
        out.push_str("DRAFT - NOT FOR SENDING\n\n");
    }
    let mut previous_address = false;
    for block in &document.blocks {
        let address = matches!(
            block.kind,
            BlockKind::Paragraph {
                style: ParagraphStyle::Address,
                ..
            }
        );
        if !(out.is_empty() || address && previous_address) {
            out.push('\n');
        }
        previous_address = address;
        match &block.kind {
            BlockKind::Title(text) => {
                out.push_str(text);
                out.push('\n');
                out.push_str(&"=".repeat(text.chars().count()));
                out.push('\n');
            }
            BlockKind::Heading { level: 1, text } => {
                out.push_str(text);
                out.push('\n');
                out.push_str(&"-".repeat(text.chars().count()));
                out.push('\n');
            }
            BlockKind::Heading { text, .. } => {
                out.push_str(text);
                out.push('\n');
            }
            BlockKind::Paragraph { style, spans } => {
                if *style == ParagraphStyle::Quote {
                    out.push_str("    ");
                }
                out.push_str(&spans_text(spans));
                out.push('\n');
            }
            BlockKind::NumberedList { items } => {
                for (index, item) in items.iter().enumerate() {
                    out.push_str(&format!("{}. {}\n", index + 1, spans_text(item)));
                }
            }
            BlockKind::BulletList { items } => {
                for item in items {
                    out.push_str(&format!("- {}\n", spans_text(item)));
                }
            }
            BlockKind::Table { header, rows } => {
                let columns = header.len();
                let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
                for row in rows {
                    for (i, cell) in row.iter().enumerate().take(columns) {
                        widths[i] = widths[i].max(cell.chars().count());
                    }
                }
                let line = |cells: &[String]| -> String {
                    cells
                        .iter()
                        .enumerate()
                        .take(columns)
                        .map(|(i, c)| format!("{c:<width$}", width = widths[i]))
                        .collect::<Vec<_>>()
                        .join(" | ")
                        .trim_end()
                        .to_string()
                };
                out.push_str(&line(header));
                out.push('\n');
                out.push_str(
                    &widths
                        .iter()
                        .map(|w| "-".repeat(*w))
                        .collect::<Vec<_>>()
                        .join("-+-"),
                );
                out.push('\n');
                for row in rows {
                    out.push_str(&line(row));
                    out.push('\n');
                }
            }
        }
    }
    out.push_str(&format!("\nReference: {}\n", document.reference));
    out
}
