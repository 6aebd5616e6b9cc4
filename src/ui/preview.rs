//! The live letter preview.

use eframe::egui::{self, Align, RichText, TextStyle};

use crate::core::document::{Anchor, BlockKind, Document, ParagraphStyle, Span};

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
    job.wrap.max_width = ui.available_width();
    job
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
                    BlockKind::Title(text) => ui.label(RichText::new(text).size(20.0).strong()),
                    BlockKind::Heading { level, text } => {
                        ui.add_space(6.0);
                        ui.label(
                            RichText::new(text)
                                .size(if *level <= 1 { 17.0 } else { 15.0 })
                                .strong(),
                        )
                    }
                    BlockKind::Paragraph { style, spans } => {
                        let job = spans_job(ui, spans, *style == ParagraphStyle::Quote);
                        let response = if *style == ParagraphStyle::Quote {
                            ui.horizontal(|ui| {
                                ui.add_space(16.0);
                                ui.label(job)
                            })
                            .inner
                        } else {
                            ui.label(job)
                        };
                        if *style != ParagraphStyle::Address {
                            ui.add_space(4.0);
                        }
                        response
                    }
                    BlockKind::NumberedList { items } => {
                        ui.vertical(|ui| {
                            for (index, item) in items.iter().enumerate() {
                                ui.horizontal_top(|ui| {
                                    ui.label(format!("{}.", index + 1));
                                    ui.label(spans_job(ui, item, false));
                                });
                            }
                        })
                        .response
                    }
                    BlockKind::BulletList { items } => {
                        ui.vertical(|ui| {
                            for item in items {
                                ui.horizontal_top(|ui| {
                                    ui.label("•");
                                    ui.label(spans_job(ui, item, false));
                                });
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
                                        ui.label(cell);
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
