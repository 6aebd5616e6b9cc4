//! The review step: every finding, grouped by question, each a link to the
//! place to fix it, with the long explanation on expand.

use eframe::egui::{self, RichText};

use super::Step;
use super::widgets::{self, colours};
use crate::core::case::Case;
use crate::core::rules::{Assessment, Place, Severity};

/// How many findings the review step shows at once.
const FINDINGS_PER_PAGE: usize = 100;

/// Draws the review step.
pub fn show(ui: &mut egui::Ui, case: &Case, assessment: &Assessment, go: &mut Option<Step>) {
    ui.heading("Review");
    let blocking = assessment.count(Severity::Blocking);
    let warnings = assessment.count(Severity::Warning);
    if assessment.findings.is_empty() {
        ui.colored_label(colours::DONE, "No findings: the case passes every check.");
        return;
    }
    let summary = format!(
        "{blocking} to fix before sending, {warnings} warning{}",
        if warnings == 1 { "" } else { "s" }
    );
    ui.label(RichText::new(summary).strong());
    widgets::hint(
        ui,
        "Click a finding to go to the place to fix it. Expand it to read why it matters.",
    );

    let page = widgets::pager(
        ui,
        "review findings",
        assessment.findings.len(),
        FINDINGS_PER_PAGE,
        "Findings",
    );
    let mut last_group: Option<String> = None;
    for (index, finding) in assessment
        .findings
        .iter()
        .enumerate()
        .skip(page.start)
        .take(page.len())
    {
        let group = match finding.place {
            Place::Case => "The case".to_string(),
            Place::WholeRequest => "The whole request".to_string(),
            Place::Question(n) | Place::Claim(n, _) => {
                let text = case
                    .question(n)
                    .map(|q| crate::core::text::ellipsis(&q.text, 60))
                    .unwrap_or_default();
                format!("Question {n}: {text}")
            }
        };
        if last_group.as_ref() != Some(&group) {
            widgets::section(ui, &group);
            last_group = Some(group);
        }
        let colour = match finding.severity {
            Severity::Blocking => colours::BLOCKING,
            Severity::Warning => colours::WARNING,
            Severity::Info => colours::INFO,
        };
        ui.horizontal_wrapped(|ui| {
            widgets::badge(ui, finding.severity.label(), colour);
            if ui
                .link(format!("{}: {}", finding.code, finding.message))
                .clicked()
            {
                *go = Some(match finding.place {
                    Place::Case => Step::Intake,
                    Place::WholeRequest => Step::WholeRequest,
                    Place::Question(n) | Place::Claim(n, _) => case
                        .questions
                        .iter()
                        .position(|q| q.number == n)
                        .map_or(Step::Intake, Step::Question),
                });
            }
        });
        egui::CollapsingHeader::new(format!("Why this matters ({})", finding.code))
            .id_salt(("finding", index))
            .show(ui, |ui| {
                let info = finding.code.info();
                ui.label(RichText::new(&info.title).strong());
                ui.label(&info.explanation);
                ui.label(RichText::new(format!("Law: {}", info.law)).weak());
            });
    }
}

/// The NCND leak check: the verdict, each leak, and a side-by-side view of
/// any part of the letter that changes with the private note.
pub fn leak_panel(ui: &mut egui::Ui, report: &crate::session::leak::LeakReport) {
    if !report.applies {
        return;
    }
    widgets::section(ui, "Neither-confirm-nor-deny leak check");
    widgets::hint(
        ui,
        "The letter was composed as if the information were held, not held, and with the private note blank. Everything the requester receives must be identical, and nothing in it may give the answer away.",
    );
    if report.is_sound() {
        ui.colored_label(colours::DONE, "Sound: the requester receives the same letter whatever the truth, and no answer gives it away.");
        return;
    }
    for finding in &report.findings {
        ui.colored_label(colours::BLOCKING, &finding.message);
    }
    for difference in &report.differences {
        egui::CollapsingHeader::new(format!(
            "{}: \"{}\" against \"{}\"",
            difference.part, difference.between.0, difference.between.1
        ))
        .default_open(true)
        .show(ui, |ui| {
            let rows = crate::session::leak::side_by_side(&difference.left, &difference.right);
            egui::Grid::new(("leak diff", &difference.part, difference.between.1))
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for (left, right, changed) in rows.iter().filter(|r| r.2).take(40) {
                        let colour = if *changed {
                            colours::BLOCKING
                        } else {
                            ui.visuals().text_color()
                        };
                        ui.colored_label(colour, left.as_deref().unwrap_or(""));
                        ui.colored_label(colour, right.as_deref().unwrap_or(""));
                        ui.end_row();
                    }
                });
        });
    }
}
