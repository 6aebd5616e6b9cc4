//! The start screen: new case from a pasted request, open, recent cases, the
//! sample, and recovery of unsaved work.

use std::path::{Path, PathBuf};

use eframe::egui::{self, RichText};
use jiff::civil::Date;

use super::dialogs::Dialogs;
use super::widgets;
use crate::core::case::{Case, Regime};
use crate::core::splitter::{fill_case_from_request, split_request};
use crate::core::text::{decode_text, ellipsis};
use crate::session::Session;
use crate::session::autosave::Recovered;
use crate::session::files::load_case;
use crate::session::letter::LetterSetup;
use crate::session::settings::Preferences;

/// One recent case, shown by reference, subject and due date (never the requester).
#[derive(Debug, Clone)]
pub struct RecentEntry {
    /// The file.
    pub path: PathBuf,
    /// Reference and subject, or the problem reading it.
    pub summary: String,
    /// Due date, if known.
    pub due: Option<Date>,
}

/// State of the start screen.
#[derive(Debug, Default)]
pub struct StartState {
    /// Show the new-case form.
    pub show_new_form: bool,
    /// Pasted request text.
    pub request_text: String,
    /// Reference for the new case.
    pub reference: String,
    /// Regime for the new case.
    pub regime: Regime,
    /// Received date text.
    pub received: String,
    /// A typed path (fallback when dialogs are unavailable).
    pub typed_path: String,
    /// Recent cases.
    pub recent: Vec<RecentEntry>,
    /// Problem reading a request file.
    pub problem: Option<String>,
    /// The request text last counted, and how many questions it holds (the
    /// split runs when the text changes, not every frame).
    counted: Option<(String, usize)>,
}

impl StartState {
    /// How many questions the pasted request splits into.
    fn question_count(&mut self) -> usize {
        match &self.counted {
            Some((text, count)) if *text == self.request_text => *count,
            _ => {
                let count = split_request(&self.request_text).questions.len();
                self.counted = Some((self.request_text.clone(), count));
                count
            }
        }
    }
}

impl StartState {
    /// Re-reads the recent list (reference, subject, due date).
    pub fn refresh_recent(&mut self, prefs: &Preferences, setup: &LetterSetup) {
        self.recent = prefs
            .recent
            .iter()
            .map(|path| match load_case(path) {
                Ok(case) => RecentEntry {
                    path: path.clone(),
                    summary: format!("{} · {}", case.reference, ellipsis(&case.subject, 50)),
                    due: crate::core::calendar::case_dates(&setup.holidays, &case)
                        .ok()
                        .and_then(|d| d.due()),
                },
                Err(_) => RecentEntry {
                    path: path.clone(),
                    summary: "(cannot be read)".into(),
                    due: None,
                },
            })
            .collect();
    }
}

/// What the start screen asks the app to do.
pub enum Outcome {
    /// Nothing.
    None,
    /// Show the open dialog.
    OpenDialog,
    /// Open this file.
    Open(PathBuf),
    /// Open the bundled sample.
    Sample,
    /// Recover the autosave at this index.
    Recover(usize),
    /// Discard the autosave at this index.
    DiscardRecovery(usize),
    /// Start work on a new case.
    Create(Box<Session>),
    /// Open settings.
    Settings,
    /// Switch to trainer mode.
    Trainer,
}

/// Builds a new case from the form.
pub fn new_case(state: &StartState, today: Date) -> Result<Case, String> {
    let received = if state.received.trim().is_empty() {
        today
    } else {
        crate::core::case_file::iso_date::parse(state.received.trim())?
    };
    let reference = if state.reference.trim().is_empty() {
        format!("FOI-{}", today.strftime("%Y%m%d"))
    } else {
        state.reference.trim().to_string()
    };
    let mut case = Case::new(reference, state.regime, received);
    if !state.request_text.trim().is_empty() {
        fill_case_from_request(&mut case, &state.request_text);
    }
    Ok(case)
}

/// Draws the start screen.
pub fn show(
    ui: &mut egui::Ui,
    state: &mut StartState,
    recovery: &[Recovered],
    set_aside: &[PathBuf],
    dialogs: &mut dyn Dialogs,
    today: Date,
) -> Outcome {
    let mut outcome = Outcome::None;
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.set_max_width(ui.available_width().min(820.0));
        ui.heading(RichText::new("foi-drafter").size(28.0));
        widgets::hint(ui, "Draft Freedom of Information responses and refusal notices: FOIA, EIR, FOISA and EISR.");
        ui.add_space(8.0);

        if !recovery.is_empty() {
            egui::Frame::group(ui.style()).fill(ui.visuals().warn_fg_color.gamma_multiply(0.12)).show(ui, |ui| {
                ui.label(RichText::new("Unsaved work was found").strong());
                widgets::hint(ui, "foi-drafter closed before these changes were saved. Recover them to carry on.");
                for (index, recovered) in recovery.iter().enumerate() {
                    ui.horizontal(|ui| {
                        let when = recovered
                            .saved_at
                            .duration_since(std::time::UNIX_EPOCH)
                            .ok()
                            .and_then(|d| jiff::Timestamp::from_second(d.as_secs() as i64).ok())
                            .map(|t| t.to_zoned(jiff::tz::TimeZone::system()).strftime("%-d %b %Y %H:%M").to_string())
                            .unwrap_or_default();
                        ui.label(format!(
                            "{} · {} (autosaved {when})",
                            recovered.case.reference,
                            ellipsis(&recovered.case.subject, 40)
                        ));
                        if ui.button("Recover").clicked() {
                            outcome = Outcome::Recover(index);
                        }
                        if ui.button("Discard").clicked() {
                            outcome = Outcome::DiscardRecovery(index);
                        }
                    });
                }
            });
        }
        if !set_aside.is_empty() {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("{} autosave file(s) could not be read and were kept aside in the autosave folder.", set_aside.len()),
            );
        }

        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(RichText::new("New case from a request…").strong()).clicked() {
                state.show_new_form = true;
            }
            if ui.button("Open case…").clicked() {
                outcome = Outcome::OpenDialog;
            }
            if ui.button("Open the sample case").clicked() {
                outcome = Outcome::Sample;
            }
            if ui.button("Settings…").clicked() {
                outcome = Outcome::Settings;
            }
            if ui.button("Trainer mode").clicked() {
                outcome = Outcome::Trainer;
            }
        });
        ui.horizontal(|ui| {
            let response = widgets::inline_field(ui, "Or open a file by path:", &mut state.typed_path, 360.0);
            let submitted = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button("Open").clicked() || submitted) && !state.typed_path.trim().is_empty() {
                outcome = Outcome::Open(PathBuf::from(state.typed_path.trim()));
            }
        });

        if state.show_new_form {
            ui.add_space(8.0);
            egui::Frame::group(ui.style()).show(ui, |ui| {
                widgets::section(ui, "New case");
                widgets::hint(ui, "Paste the request as you received it, email headers, greeting and signature included: the questions are split out for you.");
                ui.horizontal(|ui| {
                    if ui.button("Read the request from a text file…").clicked()
                        && let Some(path) = dialogs.open_request_text()
                    {
                        match read_request(&path) {
                            Ok(text) => {
                                state.request_text = text;
                                state.problem = None;
                            }
                            Err(problem) => state.problem = Some(problem),
                        }
                    }
                });
                if let Some(problem) = &state.problem {
                    ui.colored_label(ui.visuals().error_fg_color, problem);
                }
                if state.request_text.len() > widgets::LONG_TEXT_BYTES {
                    widgets::long_text(ui, "Request as received", &state.request_text, 10);
                    if ui.button("Clear the request").clicked() {
                        state.request_text.clear();
                    }
                } else {
                    widgets::text_area(ui, "Request as received", &mut state.request_text, 10);
                }
                ui.horizontal(|ui| {
                    widgets::inline_field(ui, "Reference", &mut state.reference, 180.0);
                    let label = ui.label("Regime").id;
                    egui::ComboBox::from_id_salt("new regime")
                        .selected_text(state.regime.short_name())
                        .show_ui(ui, |ui| {
                            for regime in Regime::ALL {
                                ui.selectable_value(&mut state.regime, regime, regime.law_title());
                            }
                        })
                        .response
                        .labelled_by(label);
                    widgets::inline_field(ui, "Received (YYYY-MM-DD)", &mut state.received, 110.0);
                });
                if !state.request_text.trim().is_empty() {
                    let count = state.question_count();
                    widgets::hint(ui, &format!("{count} question(s) found."));
                }
                ui.horizontal(|ui| {
                    if ui.button(RichText::new("Create case").strong()).clicked() {
                        match new_case(state, today) {
                            Ok(case) => {
                                state.show_new_form = false;
                                state.request_text.clear();
                                outcome = Outcome::Create(Box::new(Session::new(case)));
                            }
                            Err(problem) => state.problem = Some(problem),
                        }
                    }
                    if ui.button("Cancel").clicked() {
                        state.show_new_form = false;
                    }
                });
            });
        }

        if !state.recent.is_empty() {
            widgets::section(ui, "Recent cases");
            egui::Grid::new("recent").striped(true).num_columns(3).show(ui, |ui| {
                for entry in &state.recent {
                    if ui.link(&entry.summary).on_hover_text(entry.path.display().to_string()).clicked() {
                        outcome = Outcome::Open(entry.path.clone());
                    }
                    ui.label(entry.due.map_or(String::new(), |d| format!("due {d}")));
                    ui.label(RichText::new(file_name(&entry.path)).weak());
                    ui.end_row();
                }
            });
        }
    });
    outcome
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn read_request(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| {
        format!(
            "{}: {}",
            path.display(),
            crate::session::files::describe_io(&e)
        )
    })?;
    Ok(decode_text(&bytes).0)
}
