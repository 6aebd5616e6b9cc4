//! The eframe desktop app. It reads the [`Session`] and shows the open case.

use std::path::PathBuf;

use eframe::egui;

use crate::core::case::Decision;
use crate::session::{Session, sample_case};

/// Opens the GUI window on `case` (or the bundled sample) and runs until it closes.
pub fn run(case: Option<PathBuf>) -> Result<(), String> {
    let (session, problem) = match case {
        Some(path) => match Session::open(&path) {
            Ok(session) => (session, None),
            Err(error) => (Session::new(sample_case()), Some(error.to_string())),
        },
        None => (Session::new(sample_case()), None),
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("foi-drafter")
            .with_inner_size([1100.0, 720.0])
            .with_min_inner_size([640.0, 400.0]),
        ..Default::default()
    };
    eframe::run_native(
        "foi-drafter",
        options,
        Box::new(move |_creation| Ok(Box::new(DrafterApp::new(session, problem)))),
    )
    .map_err(|e| format!("cannot open the window: {e}"))
}

/// The application state.
pub struct DrafterApp {
    session: Session,
    problem: Option<String>,
}

impl DrafterApp {
    /// An app showing `session`, with an optional problem to report.
    pub fn new(session: Session, problem: Option<String>) -> DrafterApp {
        DrafterApp { session, problem }
    }
}

impl eframe::App for DrafterApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default_margins().show(ui, |ui| {
            if let Some(problem) = &self.problem {
                ui.colored_label(ui.visuals().error_fg_color, problem);
            }
            let case = self.session.case();
            ui.heading(format!("{}  {}", case.reference, case.subject));
            ui.label(format!(
                "{} · received {}",
                case.regime.law_title(),
                case.received_on
            ));
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| {
                for question in &case.questions {
                    ui.group(|ui| {
                        ui.strong(format!(
                            "Q{} · {}",
                            question.number,
                            question.decision.kind().label()
                        ));
                        ui.label(&question.text);
                        let claims: Vec<&str> = question
                            .decision
                            .claims()
                            .iter()
                            .map(|c| c.exemption.as_str())
                            .collect();
                        if !claims.is_empty() {
                            ui.small(claims.join(", "));
                        }
                        if let Decision::Disclose { answer } = &question.decision {
                            ui.small(answer);
                        }
                    });
                }
            });
        });
    }
}
