//! The live letter preview.

use eframe::egui::{self, RichText, TextStyle};

use crate::core::document::{Anchor, BlockKind, Document, ParagraphStyle, Span};

/// The spans as one text layout; egui wraps it to the panel's width. A
/// sentence the NCND check flagged is drawn on a highlight.
fn spans_job(
    ui: &egui::Ui,
    spans: &[Span],
    italic_all: bool,
    flagged: &[&str],
) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::default();
    let body = TextStyle::Body.resolve(ui.style());
    let colour = ui.visuals().text_color();
    let highlight = super::widgets::colours::BLOCKING.linear_multiply(0.25);
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
        let mut marked: Vec<(usize, usize)> = flagged
            .iter()
            .filter(|s| !s.is_empty())
            .flat_map(|s| span.text.match_indices(s).map(|(at, m)| (at, at + m.len())))
            .collect();
        marked.sort_unstable();
        let mut at = 0;
        for (start, end) in marked {
            if start < at {
                continue;
            }
            job.append(&span.text[at..start], 0.0, format.clone());
            job.append(
                &span.text[start..end],
                0.0,
                egui::TextFormat {
                    background: highlight,
                    ..format.clone()
                },
            );
            at = end;
        }
        job.append(&span.text[at..], 0.0, format);
    }
    job
}

/// A wrapped paragraph of spans, with an optional prefix such as "1." or "•".
fn paragraph(
    ui: &mut egui::Ui,
    prefix: Option<String>,
    spans: &[Span],
    italic: bool,
    flagged: &[&str],
) -> egui::Response {
    let mut all = Vec::with_capacity(spans.len() + 1);
    if let Some(prefix) = prefix {
        all.push(Span::plain(prefix));
    }
    all.extend(spans.iter().cloned());
    let job = spans_job(ui, &all, italic, flagged);
    ui.add(egui::Label::new(job).wrap())
}

/// Measured heights of the letter's blocks at one panel width. Only the
/// blocks near the visible part of the letter are laid out each frame; the
/// others take the space last measured for them (or an estimate), so a letter
/// of thousands of paragraphs scrolls as smoothly as a short one.
#[derive(Clone, Default)]
struct Heights {
    width: f32,
    header: f32,
    blocks: Vec<Option<f32>>,
    /// A block to scroll to, and how many more frames to correct the offset
    /// as the blocks around it are measured.
    scroll_to: Option<(Anchor, u8)>,
}

/// The space assumed for a block not yet laid out.
const ESTIMATED_BLOCK_HEIGHT: f32 = 40.0;

impl Heights {
    fn of(&self, index: usize) -> f32 {
        self.blocks
            .get(index)
            .copied()
            .flatten()
            .unwrap_or(ESTIMATED_BLOCK_HEIGHT)
    }

    fn top_of(&self, index: usize) -> f32 {
        self.header + (0..index).map(|i| self.of(i)).sum::<f32>()
    }
}

/// Draws the letter; scrolls so `anchor`'s first block is at the top.
/// `flagged` sentences (from the NCND check) are highlighted.
pub fn show(ui: &mut egui::Ui, document: &Document, anchor: Option<&Anchor>, flagged: &[&str]) {
    let memory_id = ui.make_persistent_id("preview block heights");
    let mut heights: Heights = ui
        .data_mut(|d| d.remove_temp(memory_id))
        .unwrap_or_default();
    let width = ui.available_width();
    if (heights.width - width).abs() > 0.5 || heights.blocks.len() != document.blocks.len() {
        heights = Heights {
            width,
            header: heights.header,
            blocks: vec![None; document.blocks.len()],
            scroll_to: heights.scroll_to,
        };
    }
    if let Some(anchor) = anchor {
        heights.scroll_to = Some((anchor.clone(), 3));
    }
    let mut area = egui::ScrollArea::vertical()
        .id_salt("preview")
        .auto_shrink([false, false]);
    if let Some((anchor, frames)) = heights.scroll_to.take() {
        if let Some(index) = document.blocks.iter().position(|b| b.anchor == anchor) {
            area = area.vertical_scroll_offset(heights.top_of(index));
        }
        if frames > 1 {
            heights.scroll_to = Some((anchor, frames - 1));
            ui.ctx().request_repaint();
        }
    }
    area.show_viewport(ui, |ui, viewport| {
        let top = ui.cursor().top();
        if document.draft {
            ui.colored_label(ui.visuals().error_fg_color, "DRAFT – NOT FOR SENDING");
        }
        heights.header = ui.cursor().top() - top;
        // Lay out from one screen above the view to one screen below it.
        let from = viewport.top() - viewport.height();
        let to = viewport.bottom() + viewport.height();
        let mut y = heights.header;
        let mut index = 0;
        while index < document.blocks.len() && y + heights.of(index) < from {
            y += heights.of(index);
            index += 1;
        }
        ui.add_space(y - heights.header);
        while index < document.blocks.len() && y < to {
            let before = ui.cursor().top();
            draw_block(ui, &document.blocks[index], flagged);
            let height = ui.cursor().top() - before;
            heights.blocks[index] = Some(height);
            y += height;
            index += 1;
        }
        let rest: f32 = (index..document.blocks.len()).map(|i| heights.of(i)).sum();
        ui.add_space(rest);
        ui.add_space(8.0);
        ui.label(RichText::new(format!("Reference {}", document.reference)).weak());
    });
    ui.data_mut(|d| d.insert_temp(memory_id, heights));
}

/// Draws one block of the letter.
fn draw_block(ui: &mut egui::Ui, block: &crate::core::document::Block, flagged: &[&str]) {
    match &block.kind {
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
                    .show(ui, |ui| paragraph(ui, None, spans, true, flagged))
                    .inner
            } else {
                paragraph(ui, None, spans, false, flagged)
            };
            if *style != ParagraphStyle::Address {
                ui.add_space(4.0);
            }
            response
        }
        BlockKind::NumberedList { items } => {
            ui.vertical(|ui| {
                for (index, item) in items.iter().enumerate() {
                    paragraph(ui, Some(format!("{}.  ", index + 1)), item, false, flagged);
                }
            })
            .response
        }
        BlockKind::BulletList { items } => {
            ui.vertical(|ui| {
                for item in items {
                    paragraph(ui, Some("•  ".into()), item, false, flagged);
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
}
