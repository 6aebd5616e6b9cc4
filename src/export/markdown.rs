//! Markdown export.

use crate::core::document::{BlockKind, Document, ParagraphStyle, Span};

/// Escapes characters Markdown would read as formatting.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn spans(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| {
            let text = escape(&s.text);
            let (lead, core, trail) = split_space(&text);
            if core.is_empty() {
                return text.clone();
            }
            match (s.bold, s.italic) {
                (true, true) => format!("{lead}***{core}***{trail}"),
                (true, false) => format!("{lead}**{core}**{trail}"),
                (false, true) => format!("{lead}*{core}*{trail}"),
                (false, false) => text.clone(),
            }
        })
        .collect()
}

/// Emphasis markers must hug the text, so keep outer spaces outside them.
fn split_space(text: &str) -> (&str, &str, &str) {
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len();
    if start >= end {
        return (text, "", "");
    }
    (&text[..start], &text[start..end], &text[end..])
}

/// Renders a document as Markdown.
pub fn render(document: &Document) -> String {
    let mut out = String::new();
    if document.draft {
        out.push_str("**DRAFT - NOT FOR SENDING**\n\n");
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
        if address && previous_address {
            // A hard line break keeps address lines together.
            if out.ends_with("\n\n") {
                out.truncate(out.len() - 2);
                out.push_str("  \n");
            }
        }
        previous_address = address;
        match &block.kind {
            BlockKind::Title(text) => out.push_str(&format!("# {}\n\n", escape(text))),
            BlockKind::Heading { level, text } => out.push_str(&format!(
                "{} {}\n\n",
                "#".repeat(usize::from(*level) + 1),
                escape(text)
            )),
            BlockKind::Paragraph { style, spans: s } => {
                if *style == ParagraphStyle::Quote {
                    out.push_str("> ");
                }
                out.push_str(&spans(s));
                out.push_str("\n\n");
            }
            BlockKind::NumberedList { items } => {
                for (index, item) in items.iter().enumerate() {
                    out.push_str(&format!("{}. {}\n", index + 1, spans(item)));
                }
                out.push('\n');
            }
            BlockKind::BulletList { items } => {
                for item in items {
                    out.push_str(&format!("- {}\n", spans(item)));
                }
                out.push('\n');
            }
            BlockKind::Table { header, rows } => {
                let row = |cells: &[String]| {
                    format!(
                        "| {} |\n",
                        cells
                            .iter()
                            .map(|c| escape(c))
                            .collect::<Vec<_>>()
                            .join(" | ")
                    )
                };
                out.push_str(&row(header));
                out.push_str(&format!("|{}\n", " --- |".repeat(header.len())));
                for cells in rows {
                    out.push_str(&row(cells));
                }
                out.push('\n');
            }
        }
    }
    out.push_str(&format!(
        "---\n\nReference: {}\n",
        escape(&document.reference)
    ));
    out
}
