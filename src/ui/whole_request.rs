//! Refusing the whole request: cost limit (with an activities table),
//! vexatious, or repeated.

use eframe::egui::{self, RichText};

use super::Edits;
use super::widgets;
use crate::core::case::{Case, CostActivity, PublicInterest, Regime, WholeRequestRefusal};
use crate::session::actions::Action;
use crate::session::letter::LetterSetup;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    None,
    Cost,
    Vexatious,
    Repeated,
}

/// Draws the whole-request step.
pub fn show(ui: &mut egui::Ui, case: &Case, setup: &LetterSetup, edits: &mut Edits) {
    ui.heading("Refuse the whole request");
    widgets::hint(
        ui,
        "Use this only when the request as a whole cannot be answered: the questions are then not answered one by one.",
    );
    let current = match &case.whole_request {
        None => Kind::None,
        Some(WholeRequestRefusal::CostLimit { .. }) => Kind::Cost,
        Some(WholeRequestRefusal::Vexatious { .. }) => Kind::Vexatious,
        Some(WholeRequestRefusal::Repeated { .. }) => Kind::Repeated,
    };
    let environmental = case.regime.is_environmental();
    let (cost_label, vexatious_label) = match case.regime {
        Regime::Foia | Regime::Foisa => ("Cost limit (section 12)", "Vexatious (section 14(1))"),
        Regime::Eir => (
            "Manifestly unreasonable: cost (regulation 12(4)(b))",
            "Manifestly unreasonable: vexatious (regulation 12(4)(b))",
        ),
        Regime::Eisr => (
            "Manifestly unreasonable: cost (regulation 10(4)(b))",
            "Manifestly unreasonable: vexatious (regulation 10(4)(b))",
        ),
    };
    ui.horizontal_wrapped(|ui| {
        let mut choose = |kind: Kind, label: &str, ui: &mut egui::Ui| {
            if ui.selectable_label(current == kind, label).clicked() && current != kind {
                let refusal = match kind {
                    Kind::None => None,
                    Kind::Cost => Some(WholeRequestRefusal::CostLimit {
                        estimate_hours: 0.0,
                        explanation: String::new(),
                        advice: None,
                        public_interest: None,
                        activities: Vec::new(),
                    }),
                    Kind::Vexatious => Some(WholeRequestRefusal::Vexatious {
                        explanation: String::new(),
                        public_interest: None,
                    }),
                    Kind::Repeated => Some(WholeRequestRefusal::Repeated {
                        explanation: String::new(),
                        earlier_reference: None,
                    }),
                };
                edits.step(Action::SetWholeRequest(refusal));
            }
        };
        choose(Kind::None, "Answer the questions", ui);
        choose(Kind::Cost, cost_label, ui);
        choose(Kind::Vexatious, vexatious_label, ui);
        if !environmental {
            choose(Kind::Repeated, "Repeated (section 14(2))", ui);
        }
    });
    let set = |edits: &mut Edits, refusal: WholeRequestRefusal| {
        edits.typed(Action::SetWholeRequest(Some(refusal)))
    };
    let Some(refusal) = &case.whole_request else {
        return;
    };
    ui.separator();
    match refusal {
        WholeRequestRefusal::CostLimit {
            estimate_hours,
            explanation,
            advice,
            public_interest,
            activities,
        } => {
            let limit = match (case.regime, setup.profile.profile.central_government) {
                (Regime::Foisa | Regime::Eisr, _) => "£600 at £15 an hour: 40 hours",
                (_, true) => "£600 at £25 an hour: 24 hours",
                (_, false) => "£450 at £25 an hour: 18 hours",
            };
            widgets::hint(
                ui,
                &format!(
                    "The limit is {limit}. Count only finding out whether it is held, locating, retrieving and extracting it."
                ),
            );
            widgets::section(ui, "Activities");
            let mut rows = activities.clone();
            let mut changed = false;
            let mut remove = None;
            for (row, activity) in rows.iter_mut().enumerate() {
                ui.horizontal(|ui| {
                    let label = ui.label(format!("Activity {}", row + 1)).id;
                    changed |= ui
                        .add(
                            egui::TextEdit::singleline(&mut activity.activity).desired_width(360.0),
                        )
                        .labelled_by(label)
                        .changed();
                    let hours_label = ui.label("hours").id;
                    changed |= ui
                        .add(
                            egui::DragValue::new(&mut activity.hours)
                                .range(0.0..=10_000.0)
                                .speed(0.5),
                        )
                        .labelled_by(hours_label)
                        .changed();
                    if ui.small_button("Remove").clicked() {
                        remove = Some(row);
                    }
                });
            }
            if let Some(row) = remove {
                rows.remove(row);
                changed = true;
            }
            if ui.button("Add an activity").clicked() {
                rows.push(CostActivity {
                    activity: String::new(),
                    hours: 1.0,
                });
                changed = true;
            }
            let total: f64 = rows.iter().map(|a| a.hours).sum();
            let mut hours = if rows.is_empty() {
                *estimate_hours
            } else {
                total
            };
            ui.horizontal(|ui| {
                let label = ui.label("Estimate (hours)").id;
                let response = ui
                    .add_enabled(
                        rows.is_empty(),
                        egui::DragValue::new(&mut hours)
                            .range(0.0..=10_000.0)
                            .speed(0.5),
                    )
                    .labelled_by(label);
                changed |= response.changed();
                if !rows.is_empty() {
                    ui.label(RichText::new("(the total of the activities)").weak());
                }
            });
            let mut text = explanation.clone();
            changed |=
                widgets::text_area(ui, "How the estimate was reached", &mut text, 3).changed();
            let mut advice_text = advice.clone().unwrap_or_default();
            changed |=
                widgets::text_area(ui, "Advice on narrowing the request", &mut advice_text, 2)
                    .changed();
            let mut pit = public_interest.clone();
            if environmental {
                changed |= public_interest_fields(ui, &mut pit);
            }
            if changed || (hours - estimate_hours).abs() > f64::EPSILON {
                set(
                    edits,
                    WholeRequestRefusal::CostLimit {
                        estimate_hours: hours,
                        explanation: text,
                        advice: Some(advice_text).filter(|a| !a.is_empty()),
                        public_interest: pit,
                        activities: rows,
                    },
                );
            }
        }
        WholeRequestRefusal::Vexatious {
            explanation,
            public_interest,
        } => {
            let mut text = explanation.clone();
            let mut changed = widgets::text_area(
                ui,
                "Why the request is vexatious (its burden, purpose, value and tone)",
                &mut text,
                5,
            )
            .changed();
            let mut pit = public_interest.clone();
            if environmental {
                changed |= public_interest_fields(ui, &mut pit);
            }
            if changed {
                set(
                    edits,
                    WholeRequestRefusal::Vexatious {
                        explanation: text,
                        public_interest: pit,
                    },
                );
            }
        }
        WholeRequestRefusal::Repeated {
            explanation,
            earlier_reference,
        } => {
            let mut earlier = earlier_reference.clone().unwrap_or_default();
            let mut text = explanation.clone();
            let mut changed =
                widgets::text_field(ui, "Reference of the earlier request", &mut earlier).changed();
            changed |=
                widgets::text_area(ui, "How this request repeats it", &mut text, 3).changed();
            if changed {
                set(
                    edits,
                    WholeRequestRefusal::Repeated {
                        explanation: text,
                        earlier_reference: Some(earlier).filter(|e| !e.is_empty()),
                    },
                );
            }
        }
    }
}

/// The public interest test for a manifestly unreasonable refusal. Returns true if changed.
fn public_interest_fields(ui: &mut egui::Ui, pit: &mut Option<PublicInterest>) -> bool {
    widgets::section(ui, "Public interest test");
    let mut value = pit.clone().unwrap_or_default();
    let mut disclosure = value.favouring_disclosure.join("\n");
    let mut exemption = value.favouring_exemption.join("\n");
    let mut changed = widgets::text_area(
        ui,
        "Factors favouring disclosure (one per line)",
        &mut disclosure,
        2,
    )
    .changed();
    changed |= widgets::text_area(
        ui,
        "Factors favouring the exception (one per line)",
        &mut exemption,
        2,
    )
    .changed();
    changed |= widgets::text_area(ui, "Conclusion", &mut value.conclusion, 2).changed();
    if changed {
        // Split on every newline so a line being started survives the next frame.
        value.favouring_disclosure = disclosure.split('\n').map(str::to_string).collect();
        value.favouring_exemption = exemption.split('\n').map(str::to_string).collect();
        *pit = Some(value);
    }
    changed
}
