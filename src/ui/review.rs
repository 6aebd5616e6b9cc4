//! The review step: every finding, grouped by question, each a link to the
//! place to fix it, with the long explanation on expand.

use eframe::egui::{self, RichText};

use super::widgets::{self, colours};
use super::{Edits, Step};
use crate::core::case::{Acknowledgement, Case};
use crate::core::rules::{Assessment, Code, Place, Severity};
use crate::session::actions::Action;

/// How many findings the review step shows at once.
const FINDINGS_PER_PAGE: usize = 100;

/// Draws the review step.
pub fn show(
    ui: &mut egui::Ui,
    case: &Case,
    assessment: &Assessment,
    go: &mut Option<Step>,
    edits: &mut Edits,
) {
    ui.heading("Review");
    acknowledged_panel(ui, case, edits);
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
        // A sentence that gives an NCND answer away can be rewritten, or
        // acknowledged as safe once what it tells the requester is weighed.
        if finding.code == Code::NcndConfirms
            && let Some(flagged) = &finding.flagged
        {
            ui.horizontal_wrapped(|ui| {
                if ui
                    .button("Acknowledge as safe to send")
                    .on_hover_text(
                        "Record that you have read this sentence and judged that what it tells the requester is acceptable (for example, because it is already officially public). The acknowledgement is saved in the case with the sentence; changing the sentence drops it.",
                    )
                    .clicked()
                {
                    let mut acknowledged = case.acknowledged.clone();
                    acknowledged.push(Acknowledgement {
                        question: flagged.ncnd_question,
                        sentence: flagged.sentence.clone(),
                        reason: String::new(),
                    });
                    edits.step(Action::SetAcknowledged(acknowledged));
                }
                widgets::hint(ui, "or rewrite the sentence so that it is hypothetical (\"whether …\", \"any …\").");
            });
        }
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

/// The sentences acknowledged as safe to send, each with its reason and a
/// way to withdraw it.
fn acknowledged_panel(ui: &mut egui::Ui, case: &Case, edits: &mut Edits) {
    if case.acknowledged.is_empty() {
        return;
    }
    widgets::section(ui, "Sentences acknowledged as safe to send");
    widgets::hint(
        ui,
        "The neither-confirm-nor-deny check flagged these sentences, and they were judged safe. Each is saved in the case with its text: if the sentence changes, the acknowledgement no longer applies.",
    );
    for (index, acknowledgement) in case.acknowledged.iter().enumerate() {
        ui.group(|ui| {
            ui.label(format!(
                "Question {}: \u{201c}{}\u{201d}",
                acknowledgement.question, acknowledgement.sentence
            ));
            let mut reason = acknowledgement.reason.clone();
            widgets::set_field_scope(ui, ("acknowledgement", index));
            if widgets::text_field(ui, "Why it is safe to send", &mut reason).changed() {
                let mut all = case.acknowledged.clone();
                all[index].reason = reason;
                edits.typed(Action::SetAcknowledged(all));
            }
            if ui.button("Withdraw the acknowledgement").clicked() {
                let mut all = case.acknowledged.clone();
                all.remove(index);
                edits.step(Action::SetAcknowledged(all));
            }
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
        ui.colored_label(colours::DONE, "The requester receives the same letter whatever the private note says. Sentences that would still tell them more are listed with the findings above, to rewrite or acknowledge.");
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
