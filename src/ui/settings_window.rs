//! Settings: the authority profile (with logo), the team paragraph folder,
//! the bank holiday file, theme and text size.

use eframe::egui::{self, RichText};

use super::dialogs::Dialogs;
use super::widgets;
use crate::core::document::AuthorityProfile;
use crate::core::document::profile::LetterOrder;
use crate::core::rules::public_record::{RecordEntry, RecordKind};
use crate::session::settings::Preferences;

/// The settings being edited.
#[derive(Debug, Clone, Default)]
pub struct SettingsForm {
    /// Authority name.
    pub name: String,
    /// Address, one line per line.
    pub address: String,
    /// FOI email.
    pub foi_email: String,
    /// Review contact.
    pub review_contact: String,
    /// Signatory.
    pub signatory_name: String,
    /// Signatory's title.
    pub signatory_title: String,
    /// Logo path.
    pub logo: String,
    /// Central government cost limit.
    pub central_government: bool,
    /// Answers or reasons first.
    pub letter_order: LetterOrder,
    /// Team paragraph folder.
    pub library_dir: String,
    /// Bank holiday file.
    pub holidays_path: String,
    /// Dark theme.
    pub dark_mode: bool,
    /// Text size.
    pub text_scale: f32,
    /// The team's public record entries.
    pub record: Vec<RecordEntry>,
    /// The "said on" dates as typed, one per entry.
    pub record_dates: Vec<String>,
}

impl SettingsForm {
    /// The form for the current preferences and profile.
    pub fn from(
        prefs: &Preferences,
        profile: &AuthorityProfile,
        record: &[RecordEntry],
    ) -> SettingsForm {
        SettingsForm {
            record: record.to_vec(),
            record_dates: record
                .iter()
                .map(|e| e.said_on.map(|d| d.to_string()).unwrap_or_default())
                .collect(),
            name: profile.name.clone(),
            address: profile.address_lines.join("\n"),
            foi_email: profile.foi_email.clone(),
            review_contact: profile.review_contact.clone(),
            signatory_name: profile.signatory_name.clone(),
            signatory_title: profile.signatory_title.clone(),
            logo: profile.logo.clone().unwrap_or_default(),
            central_government: profile.central_government,
            letter_order: profile.letter_order,
            library_dir: prefs
                .library_dir
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            holidays_path: prefs
                .holidays_path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            dark_mode: prefs.dark_mode,
            text_scale: prefs.text_scale,
        }
    }

    /// The authority profile the form describes.
    pub fn profile(&self) -> AuthorityProfile {
        AuthorityProfile {
            name: self.name.trim().to_string(),
            address_lines: self
                .address
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect(),
            foi_email: self.foi_email.trim().to_string(),
            review_contact: self.review_contact.trim().to_string(),
            signatory_name: self.signatory_name.trim().to_string(),
            signatory_title: self.signatory_title.trim().to_string(),
            logo: Some(self.logo.trim().to_string()).filter(|l| !l.is_empty()),
            central_government: self.central_government,
            letter_order: self.letter_order,
        }
    }
}

/// What the user did.
pub enum Outcome {
    /// Still editing.
    None,
    /// Closed without saving.
    Cancel,
    /// Save and apply.
    Save,
}

/// Draws the settings form.
pub fn show(ui: &mut egui::Ui, form: &mut SettingsForm, dialogs: &mut dyn Dialogs) -> Outcome {
    let mut outcome = Outcome::None;
    ui.set_width(560.0);
    ui.heading("Settings");
    egui::ScrollArea::vertical().max_height(520.0).show(ui, |ui| {
        widgets::section(ui, "Authority profile (the letterhead and signature)");
        widgets::text_field(ui, "Authority name", &mut form.name);
        widgets::text_area(ui, "Address (one line per line)", &mut form.address, 3);
        widgets::text_field(ui, "FOI team email", &mut form.foi_email);
        widgets::text_field(ui, "Where to ask for a review", &mut form.review_contact);
        widgets::text_field(ui, "Signed by", &mut form.signatory_name);
        widgets::text_field(ui, "Their job title", &mut form.signatory_title);
        ui.horizontal(|ui| {
            widgets::inline_field(ui, "Logo (PNG or JPEG)", &mut form.logo, 300.0);
            if ui.button("Choose…").clicked()
                && let Some(path) = dialogs.pick_file("Logo image", &["png", "jpg", "jpeg"])
            {
                form.logo = path.display().to_string();
            }
        });
        ui.checkbox(&mut form.central_government, "Central government or Parliament (cost limit £600, 24 hours)");
        ui.label("Order of the letter");
        for order in LetterOrder::ALL {
            ui.radio_value(&mut form.letter_order, order, order.label());
        }

        widgets::section(ui, "Team paragraph library");
        widgets::hint(ui, "A folder of paragraph files that add to the built-in library or replace its paragraphs by id.");
        ui.horizontal(|ui| {
            widgets::inline_field(ui, "Folder", &mut form.library_dir, 340.0);
            if ui.button("Choose…").clicked()
                && let Some(path) = dialogs.pick_folder("Team paragraph folder")
            {
                form.library_dir = path.display().to_string();
            }
        });

        record_editor(ui, form);

        widgets::section(ui, "Bank holidays");
        widgets::hint(ui, "The built-in data covers 2014 to 2031. Load GOV.UK's bank-holidays.json for later years.");
        ui.horizontal(|ui| {
            widgets::inline_field(ui, "GOV.UK file", &mut form.holidays_path, 320.0);
            if ui.button("Choose…").clicked()
                && let Some(path) = dialogs.pick_file("Bank holidays (JSON)", &["json"])
            {
                form.holidays_path = path.display().to_string();
            }
        });

        widgets::section(ui, "Appearance");
        ui.horizontal(|ui| {
            ui.selectable_value(&mut form.dark_mode, false, "Light");
            ui.selectable_value(&mut form.dark_mode, true, "Dark");
        });
        ui.horizontal(|ui| {
            let label = ui.label("Text size").id;
            ui.add(egui::Slider::new(&mut form.text_scale, 0.75..=2.0).step_by(0.05).custom_formatter(|v, _| format!("{:.0}%", v * 100.0)))
                .labelled_by(label);
        });
    });
    ui.separator();
    ui.horizontal(|ui| {
        if ui.button(RichText::new("Save settings").strong()).clicked() {
            outcome = Outcome::Save;
        }
        if ui.button("Cancel").clicked() {
            outcome = Outcome::Cancel;
        }
    });
    outcome
}

/// The team's public record: official confirmations, press reports and
/// comment, each with who said it, when, where and what it confirms.
fn record_editor(ui: &mut egui::Ui, form: &mut SettingsForm) {
    widgets::section(ui, "Public record (the team's register)");
    widgets::hint(
        ui,
        "What the authority, a security body or the government has officially confirmed, and what has only been reported or said. An official entry that matches a neither-confirm-nor-deny scope is raised in the checks; press reports and comment are shown but do not defeat NCND. \"Matches\" lists the phrases, one per line, that must all appear in the scope or question.",
    );
    form.record_dates.resize(form.record.len(), String::new());
    let mut remove = None;
    for (index, entry) in form.record.iter_mut().enumerate() {
        widgets::set_field_scope(ui, ("record entry", index));
        egui::CollapsingHeader::new(if entry.who.trim().is_empty() {
            format!("Entry {}", index + 1)
        } else {
            format!(
                "{}: {}",
                index + 1,
                crate::core::text::ellipsis(&entry.who, 50)
            )
        })
        .id_salt(("record entry", index))
        .default_open(entry.who.trim().is_empty())
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                for kind in RecordKind::ALL {
                    ui.radio_value(&mut entry.kind, kind, kind.label());
                }
            });
            widgets::text_field(ui, "Who said it", &mut entry.who);
            let date = &mut form.record_dates[index];
            widgets::text_field(ui, "When (YYYY-MM-DD, or blank if not known)", date);
            match date.trim() {
                "" => entry.said_on = None,
                text => match crate::core::case_file::parse_iso_date(text) {
                    Ok(day) => entry.said_on = Some(day),
                    Err(problem) => {
                        ui.colored_label(widgets::colours::BLOCKING, problem);
                    }
                },
            }
            widgets::text_field(ui, "Where (a reference or address)", &mut entry.source);
            widgets::text_area(ui, "What it confirms", &mut entry.confirms, 2);
            widgets::text_area(
                ui,
                "What it does not confirm",
                &mut entry.does_not_confirm,
                2,
            );
            let mut matches = entry.matches.join("\n");
            if widgets::text_area(ui, "Matches (one phrase per line)", &mut matches, 2).changed() {
                // Kept as typed (spaces, new lines) while editing; blank
                // lines and outer spaces are dropped when Settings is saved.
                entry.matches = matches.split('\n').map(str::to_string).collect();
            }
            if entry.id.trim().is_empty() {
                entry.id = format!("team-{}", index + 1);
            }
            if ui.button("Remove this entry").clicked() {
                remove = Some(index);
            }
        });
    }
    if let Some(index) = remove {
        form.record.remove(index);
        form.record_dates.remove(index);
    }
    if ui.button("Add an entry to the public record").clicked() {
        form.record.push(RecordEntry {
            id: format!("team-{}", form.record.len() + 1),
            ..RecordEntry::default()
        });
        form.record_dates.push(String::new());
    }
}
