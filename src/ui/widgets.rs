//! Small labelled widgets: every input has a visible label tied to it, for
//! screen readers and keyboard users.

use eframe::egui::{self, Color32, Response, RichText, Ui};
use jiff::civil::Date;

/// The id of a labelled field. It depends only on the label and the screen's
/// field scope (see [`set_field_scope`]), never on what is drawn above it, so
/// a finding that appears or disappears while someone types cannot move the
/// keyboard focus out of the field.
pub fn field_id(ui: &Ui, label: &str) -> egui::Id {
    let scope = ui
        .ctx()
        .data(|d| d.get_temp::<egui::Id>(egui::Id::unique("field-scope")))
        .unwrap_or(egui::Id::NULL);
    scope.with(("field", label))
}

/// Sets the scope that [`field_id`] keys fields by (a question page sets its
/// question, so the same label on two questions is two fields).
pub fn set_field_scope(ui: &Ui, scope: impl std::hash::Hash + std::fmt::Debug) {
    let id = egui::Id::unique(("field-scope-of", scope));
    ui.ctx()
        .data_mut(|d| d.insert_temp(egui::Id::unique("field-scope"), id));
}

/// A single-line text field with a label above it. Returns the field's response.
pub fn text_field(ui: &mut Ui, label: &str, value: &mut String) -> Response {
    let id = field_id(ui, label);
    let label_id = ui.label(label).id;
    ui.add(
        egui::TextEdit::singleline(value)
            .id(id)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label_id)
}

/// A multi-line text field with a label above it.
pub fn text_area(ui: &mut Ui, label: &str, value: &mut String, rows: usize) -> Response {
    let id = field_id(ui, label);
    let label_id = ui.label(label).id;
    ui.add(
        egui::TextEdit::multiline(value)
            .id(id)
            .desired_rows(rows)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label_id)
}

/// A text field whose label sits on the same row.
pub fn inline_field(ui: &mut Ui, label: &str, value: &mut String, width: f32) -> Response {
    let id = field_id(ui, label);
    ui.horizontal(|ui| {
        let label_id = ui.label(label).id;
        ui.add(
            egui::TextEdit::singleline(value)
                .id(id)
                .desired_width(width),
        )
        .labelled_by(label_id)
    })
    .inner
}

/// A date field (YYYY-MM-DD). Returns the new date when the text is a valid,
/// different date; shows the problem in red otherwise.
pub fn date_field(
    ui: &mut Ui,
    label: &str,
    id_salt: &str,
    current: Option<Date>,
) -> Option<Option<Date>> {
    let id = field_id(ui, &format!("date {id_salt}"));
    let shown = current.map(|d| d.to_string()).unwrap_or_default();
    let mut text: String = ui
        .data_mut(|d| d.get_temp::<String>(id))
        .unwrap_or(shown.clone());
    let mut result = None;
    ui.horizontal(|ui| {
        let label_id = ui.label(label).id;
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .id(id.with("edit"))
                    .desired_width(110.0)
                    .hint_text("YYYY-MM-DD"),
            )
            .labelled_by(label_id);
        if response.changed() {
            let trimmed = text.trim();
            if trimmed.is_empty() {
                if current.is_some() {
                    result = Some(None);
                }
            } else if let Ok(date) = crate::core::case_file::iso_date::parse(trimmed)
                && Some(date) != current
            {
                result = Some(Some(date));
            }
        }
        if !text.trim().is_empty()
            && let Err(problem) = crate::core::case_file::iso_date::parse(text.trim())
        {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        if response.has_focus() || text != shown {
            ui.data_mut(|d| d.insert_temp(id, text.clone()));
        }
        if response.lost_focus() {
            ui.data_mut(|d| d.remove::<String>(id));
        }
    });
    result
}

/// A coloured pill, e.g. a question's state in the step list.
pub fn badge(ui: &mut Ui, text: &str, colour: Color32) -> Response {
    ui.label(
        RichText::new(format!(" {text} "))
            .small()
            .color(Color32::WHITE)
            .background_color(colour),
    )
}

/// Colours used across the app.
pub mod colours {
    use eframe::egui::Color32;

    /// Blocking findings.
    pub const BLOCKING: Color32 = Color32::from_rgb(0xc0, 0x2b, 0x2b);
    /// Warnings.
    pub const WARNING: Color32 = Color32::from_rgb(0xb8, 0x6e, 0x00);
    /// Information and undecided.
    pub const INFO: Color32 = Color32::from_rgb(0x5a, 0x64, 0x70);
    /// Decided and clean.
    pub const DONE: Color32 = Color32::from_rgb(0x1e, 0x7b, 0x3a);
    /// Neither confirm nor deny.
    pub const NCND: Color32 = Color32::from_rgb(0x5b, 0x3c, 0x9e);
}

/// A section heading inside a form.
pub fn section(ui: &mut Ui, text: &str) {
    ui.add_space(8.0);
    ui.label(
        RichText::new(text)
            .strong()
            .size(ui.style().text_styles[&egui::TextStyle::Body].size * 1.15),
    );
}

/// A muted explanatory line.
pub fn hint(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).weak());
}

/// Shows "Previous" / "Next" page buttons for a long list and returns the
/// range of items to draw, so a list of thousands costs no more per frame
/// than one page. The page is remembered per `id`.
pub fn pager(
    ui: &mut Ui,
    id: &str,
    total: usize,
    page_size: usize,
    noun: &str,
) -> std::ops::Range<usize> {
    if total <= page_size {
        return 0..total;
    }
    let memory_id = ui.make_persistent_id(("pager", id));
    let pages = total.div_ceil(page_size);
    let mut page: usize = ui.data_mut(|d| d.get_temp(memory_id)).unwrap_or(0);
    page = page.min(pages - 1);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(page > 0, egui::Button::new("Previous page"))
            .clicked()
        {
            page -= 1;
        }
        let first = page * page_size + 1;
        let last = ((page + 1) * page_size).min(total);
        ui.label(format!("{noun} {first}–{last} of {total}"));
        if ui
            .add_enabled(page + 1 < pages, egui::Button::new("Next page"))
            .clicked()
        {
            page += 1;
        }
    });
    ui.data_mut(|d| d.insert_temp(memory_id, page));
    page * page_size..((page + 1) * page_size).min(total)
}

/// Texts longer than this are shown read-only, a screenful at a time: laying
/// out a pasted megabyte in an editor would stall every frame.
pub const LONG_TEXT_BYTES: usize = 64 * 1024;

/// The rows of a long text, remembered while the text is unchanged.
#[derive(Clone, Default)]
struct LongTextRows {
    key: (usize, usize),
    rows: Vec<std::ops::Range<usize>>,
}

/// Characters per displayed row of a long text.
const LONG_TEXT_ROW_CHARS: usize = 160;

fn long_text_rows(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut rows = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let mut row_start = start;
        let mut chars = 0;
        for (offset, c) in line.char_indices() {
            if chars == LONG_TEXT_ROW_CHARS && c != '\n' && c != '\r' {
                rows.push(row_start..start + offset);
                row_start = start + offset;
                chars = 0;
            }
            if c != '\n' && c != '\r' {
                chars += 1;
            }
        }
        rows.push(
            row_start
                ..start
                    + line
                        .trim_end_matches(['\n', '\r'])
                        .len()
                        .max(row_start - start),
        );
        start += line.len();
    }
    rows
}

/// A long text, read-only, drawing only the rows in view.
pub fn long_text(ui: &mut Ui, label: &str, text: &str, visible_rows: usize) {
    ui.label(label);
    ui.label(
        RichText::new(format!(
            "{} KB: shown read-only. Edit the questions below rather than the text.",
            text.len() / 1024
        ))
        .weak(),
    );
    let memory_id = ui.make_persistent_id(("long text", label));
    let key = (text.as_ptr() as usize, text.len());
    let mut cached: LongTextRows = ui
        .data_mut(|d| d.remove_temp(memory_id))
        .unwrap_or_default();
    if cached.key != key {
        cached = LongTextRows {
            key,
            rows: long_text_rows(text),
        };
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Monospace);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt(("long text rows", label))
            .max_height(row_height * visible_rows as f32)
            .auto_shrink([false, true])
            .show_rows(ui, row_height, cached.rows.len(), |ui, range| {
                for row in &cached.rows[range] {
                    let line = text.get(row.clone()).unwrap_or_default();
                    ui.label(RichText::new(line).monospace());
                }
            });
    });
    ui.data_mut(|d| d.insert_temp(memory_id, cached));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_rows_cover_every_character_in_order() {
        let text = format!("short line\n{}\n\nlast é line", "x".repeat(400));
        let rows = long_text_rows(&text);
        let shown: Vec<&str> = rows.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(shown[0], "short line");
        assert_eq!(shown[1].len(), LONG_TEXT_ROW_CHARS);
        assert_eq!(shown[1..4].concat(), "x".repeat(400));
        assert_eq!(shown[4], "");
        assert_eq!(shown[5], "last é line");
        assert_eq!(rows.len(), 6);
    }
}
