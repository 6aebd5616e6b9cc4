//! The live letter preview.

use eframe::egui::{self, Align, RichText, TextStyle};

use crate::core::document::{Anchor, BlockKind, Document, ParagraphStyle, Span};

/// The spans as one text layout; egui wraps it to the panel's width.
fn spans_job(ui: &egui::Ui, spans: &[Span], italic_all: bool) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::default();
    let body = TextStyle::Body.resolve(ui.style());
    let colour = ui.visuals().text_color();
    for span in spans {
        let format = egui::TextFormat {
            font_id: body.clone(),
            color: if span.bold {
                ui.visuals().strong_text_color()
            } else {
                colour
            },
            italics: span.italic || italic_all,
            ..Default::default()
        };
        job.append(&span.text, 0.0, format);
    }
    job
}

/// A wrapped paragraph of spans, with an optional prefix such as "1." or "•".
fn paragraph(
    ui: &mut egui::Ui,
    prefix: Option<String>,
    spans: &[Span],
    italic: bool,
) -> egui::Response {
    let mut all = Vec::with_capacity(spans.len() + 1);
    if let Some(prefix) = prefix {
        all.push(Span::plain(prefix));
    }
    all.extend(spans.iter().cloned());
    let job = spans_job(ui, &all, italic);
    ui.add(egui::Label::new(job).wrap())
}

/// Draws the letter; scrolls so `anchor`'s first block is at the top.
pub fn show(ui: &mut egui::Ui, document: &Document, anchor: Option<&Anchor>) {
    egui::ScrollArea::vertical()
        .id_salt("preview")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut scrolled = false;
            if document.draft {
                ui.colored_label(ui.visuals().error_fg_color, "DRAFT – NOT FOR SENDING");
            }
            for block in &document.blocks {
                let response = match &block.kind {
                    BlockKind::Title(text) => {
                        ui.add(egui::Label::new(RichText::new(text).size(20.0).strong()).wrap())
                    }
                    BlockKind::Heading { level, text } => {
                        ui.add_space(6.0);
                        let size = if *level <= 1 { 17.0 } else { 15.0 };
                        ui.add(egui::Label::new(RichText::new(text).size(size).strong()).wrap())
                    }
                    BlockKind::Paragraph { style, spans } => {
                        let response = if *style == ParagraphStyle::Quote {
                            egui::Frame::new()
                                .inner_margin(egui::Margin {
                                    left: 16,
                                    ..Default::default()
                                })
                                .show(ui, |ui| paragraph(ui, None, spans, true))
                                .inner
                        } else {
                            paragraph(ui, None, spans, false)
                        };
                        if *style != ParagraphStyle::Address {
                            ui.add_space(4.0);
                        }
                        response
                    }
                    BlockKind::NumberedList { items } => {
                        ui.vertical(|ui| {
                            for (index, item) in items.iter().enumerate() {
                                paragraph(ui, Some(format!("{}.  ", index + 1)), item, false);
                            }
                        })
                        .response
                    }
                    BlockKind::BulletList { items } => {
                        ui.vertical(|ui| {
                            for item in items {
                                paragraph(ui, Some("•  ".into()), item, false);
                            }
                        })
                        .response
                    }
                    BlockKind::Table { header, rows } => {
                        egui::Grid::new(("table", block.anchor.clone()))
                            .striped(true)
                            .show(ui, |ui| {
                                for cell in header {
                                    ui.label(RichText::new(cell).strong());
                                }
                                ui.end_row();
                                for row in rows {
                                    for cell in row {
                                        ui.add(egui::Label::new(cell).wrap());
                                    }
                                    ui.end_row();
                                }
                            })
                            .response
                    }
                };
                if !scrolled && anchor == Some(&block.anchor) {
                    response.scroll_to_me(Some(Align::TOP));
                    scrolled = true;
                }
            }
            ui.add_space(8.0);
            ui.label(RichText::new(format!("Reference {}", document.reference)).weak());
        });
}
