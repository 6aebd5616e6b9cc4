//! The export step: format, where to save (dialog or typed path), then
//! "Open file" and "Show in folder".

use std::path::{Path, PathBuf};

use eframe::egui::{self, RichText};

use super::dialogs::Dialogs;
use super::widgets::{self, colours};
use crate::core::case::Case;
use crate::core::rules::Assessment;
use crate::export::Format;

/// What the user asked to export.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    /// Where to write.
    pub path: PathBuf,
    /// In which format.
    pub format: Format,
    /// Marked DRAFT.
    pub draft: bool,
    /// The requester's details replaced, for the disclosure log.
    pub anonymise: bool,
}

/// State of the export step.
#[derive(Debug)]
pub struct ExportState {
    /// Chosen format.
    pub format: Format,
    /// Typed path.
    pub typed_path: String,
    /// The last file exported.
    pub last_export: Option<PathBuf>,
    /// An export waiting to run.
    pub pending: Option<ExportRequest>,
    /// A step move requested by the Back/Next buttons.
    pub nav: Option<isize>,
    /// Replace the requester's details (disclosure log copy).
    pub anonymise: bool,
}

impl Default for ExportState {
    fn default() -> ExportState {
        ExportState {
            format: Format::Docx,
            typed_path: String::new(),
            last_export: None,
            pending: None,
            nav: None,
            anonymise: false,
        }
    }
}

/// The file name suggested for a letter: the reference, never the requester.
pub fn suggested_name(case: &Case, format: Format, anonymised: bool) -> String {
    let stem = crate::core::text::file_stem(&case.reference).unwrap_or_else(|| "foi".into());
    let kind = if anonymised {
        "disclosure-log"
    } else {
        "response"
    };
    format!("{stem}-{kind}.{}", format.extension())
}

fn launch(program: &str, argument: &std::path::Path) {
    // Best effort: the status line already says where the file is.
    let _ = std::process::Command::new(program).arg(argument).spawn();
}

fn open_with_system(path: &std::path::Path) {
    if cfg!(target_os = "windows") {
        launch("explorer", path);
    } else if cfg!(target_os = "macos") {
        launch("open", path);
    } else {
        launch("xdg-open", path);
    }
}

/// Draws the export step; returns an export to run.
pub fn show(
    ui: &mut egui::Ui,
    case: &Case,
    assessment: &Assessment,
    state: &mut ExportState,
    dialogs: &mut dyn Dialogs,
    may_launch: bool,
    default_dir: &Path,
) -> Option<ExportRequest> {
    let mut request = None;
    ui.heading("Export the letter");
    let blocking = assessment.export_refusals();
    // Undecided questions are only notes while drafting, but block the final letter.
    let undecided = case
        .questions
        .iter()
        .filter(|q| q.decision == crate::core::case::Decision::Undecided)
        .count();
    let blocked = !blocking.is_empty() || (undecided > 0 && case.whole_request.is_none());

    ui.horizontal(|ui| {
        ui.label("Format:");
        for format in Format::ALL {
            ui.selectable_value(&mut state.format, format, format.label());
        }
    });
    let was_anonymised = state.anonymise;
    ui.checkbox(
        &mut state.anonymise,
        "Anonymise for the disclosure log (the requester's name and contact details are replaced)",
    );
    if state.anonymise != was_anonymised {
        // Suggest a fresh name so the published copy never replaces the letter.
        state.typed_path.clear();
    }
    if state.typed_path.trim().is_empty() {
        state.typed_path = default_dir
            .join(suggested_name(case, state.format, state.anonymise))
            .display()
            .to_string();
    }
    widgets::text_field(ui, "Export to this file", &mut state.typed_path);
    if let Some(path) = Some(PathBuf::from(state.typed_path.trim())).filter(|p| p.exists()) {
        ui.colored_label(
            colours::WARNING,
            format!("{} exists and will be replaced.", path.display()),
        );
    }

    if blocked {
        let reason = if blocking.is_empty() {
            format!("{undecided} question(s) are still undecided.")
        } else {
            format!(
                "{} finding(s) must be fixed first (see Review).",
                blocking.len()
            )
        };
        ui.colored_label(
            colours::BLOCKING,
            format!("The final letter cannot be exported yet: {reason}"),
        );
        // Say what must be done here, not only on the Review step.
        const SHOWN: usize = 8;
        for finding in blocking.iter().take(SHOWN) {
            let place = finding
                .question()
                .map_or_else(|| "Letter".to_string(), |n| format!("Q{n}"));
            ui.label(format!("• {place}: {}", finding.message));
        }
        if blocking.len() > SHOWN {
            ui.label(format!(
                "… and {} more (see Review).",
                blocking.len() - SHOWN
            ));
        }
    }
    ui.horizontal(|ui| {
        let final_button = ui.add_enabled(
            !blocked,
            egui::Button::new(RichText::new("Export letter").strong()),
        );
        let final_button = if blocked {
            final_button.on_disabled_hover_text(
                "Fix the blocking findings first; a draft can still be exported.",
            )
        } else {
            final_button
        };
        if final_button.clicked() {
            request = Some(ExportRequest {
                path: PathBuf::from(state.typed_path.trim()),
                format: state.format,
                draft: false,
                anonymise: state.anonymise,
            });
        }
        if ui
            .button("Export a draft")
            .on_hover_text("Every page is marked DRAFT")
            .clicked()
        {
            request = Some(ExportRequest {
                path: PathBuf::from(state.typed_path.trim()),
                format: state.format,
                draft: true,
                anonymise: state.anonymise,
            });
        }
        if ui.button("Choose where…").clicked()
            && let Some(path) = dialogs.export(
                &suggested_name(case, state.format, state.anonymise),
                state.format,
            )
        {
            state.typed_path = path.display().to_string();
        }
    });
    if let Some(path) = &state.last_export {
        ui.separator();
        ui.label(format!("Exported to {}", path.display()));
        ui.horizontal(|ui| {
            if ui.button("Open file").clicked() && may_launch {
                open_with_system(path);
            }
            if ui.button("Show in folder").clicked()
                && may_launch
                && let Some(parent) = path.parent()
            {
                open_with_system(parent);
            }
        });
    }
    request
}
