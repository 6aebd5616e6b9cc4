//! Small labelled widgets: every input has a visible label tied to it, for
//! screen readers and keyboard users.

use eframe::egui::{self, Color32, Response, RichText, Ui};
use jiff::civil::Date;

/// A single-line text field with a label above it. Returns the field's response.
pub fn text_field(ui: &mut Ui, label: &str, value: &mut String) -> Response {
    let label_id = ui.label(label).id;
    ui.add(egui::TextEdit::singleline(value).desired_width(f32::INFINITY))
        .labelled_by(label_id)
}

/// A multi-line text field with a label above it.
pub fn text_area(ui: &mut Ui, label: &str, value: &mut String, rows: usize) -> Response {
    let label_id = ui.label(label).id;
    ui.add(
        egui::TextEdit::multiline(value)
            .desired_rows(rows)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label_id)
}

/// A text field whose label sits on the same row.
pub fn inline_field(ui: &mut Ui, label: &str, value: &mut String, width: f32) -> Response {
    ui.horizontal(|ui| {
        let label_id = ui.label(label).id;
        ui.add(egui::TextEdit::singleline(value).desired_width(width))
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
    let id = ui.scope_id().with(("date", id_salt));
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
