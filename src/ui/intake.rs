//! The intake step: the request, the requester, the dates and the list of
//! questions (edit, merge, split, reorder, add, delete).

use eframe::egui::{self, RichText};

use super::Edits;
use super::widgets::{self, colours};
use crate::core::calendar::{CaseDates, clock_rules, long_date, weekday_name};
use crate::core::case::{Case, Event, ExtensionReason, Question, Regime};
use crate::core::splitter::split_request;
use crate::session::actions::{Action, merge_with_next, split_at_line};

/// Draws the intake step.
pub fn show(ui: &mut egui::Ui, case: &Case, dates: Option<&CaseDates>, edits: &mut Edits) {
    ui.heading("Request and requester");
    widgets::hint(
        ui,
        "Check the details, then the list of questions. Everything here feeds the letter on the right.",
    );

    egui::Grid::new("intake")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let mut reference = case.reference.clone();
            let label = ui.label("Reference").id;
            let response = ui
                .add(egui::TextEdit::singleline(&mut reference).desired_width(260.0))
                .labelled_by(label);
            if response.changed() {
                edits.typed(Action::SetReference(reference));
            }
            if response.lost_focus() {
                edits.end_merge();
            }
            ui.end_row();

            let label = ui.label("Regime").id;
            let mut regime = case.regime;
            egui::ComboBox::from_id_salt("regime")
                .selected_text(regime.law_title())
                .show_ui(ui, |ui| {
                    for option in Regime::ALL {
                        ui.selectable_value(&mut regime, option, option.law_title());
                    }
                })
                .response
                .labelled_by(label);
            if regime != case.regime {
                edits.step(Action::SetRegime(regime));
            }
            ui.end_row();

            // A FOIA request for environmental information is handled under the
            // EIR (FOIA s.39), a FOISA one under the EISR (FOISA s.39(2)).
            let label = ui.label("The request named").id;
            let mut named = case.requested_under;
            let shown = named.map_or("the same law", Regime::law_title);
            egui::ComboBox::from_id_salt("requested_under")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut named, None, "the same law");
                    for option in Regime::ALL.into_iter().filter(|r| *r != case.regime) {
                        ui.selectable_value(&mut named, Some(option), option.law_title());
                    }
                })
                .response
                .labelled_by(label)
                .on_hover_text("When the requester cited another law than the one the request is handled under, the letter says so");
            if named != case.requested_under {
                edits.step(Action::SetRequestedUnder(named));
            }
            ui.end_row();

            let mut subject = case.subject.clone();
            let label = ui.label("Subject").id;
            let response = ui
                .add(egui::TextEdit::singleline(&mut subject).desired_width(f32::INFINITY))
                .labelled_by(label);
            if response.changed() {
                edits.typed(Action::SetSubject(subject));
            }
            ui.end_row();

            let mut name = case.requester.name.clone();
            let label = ui.label("Requester's name").id;
            let response = ui
                .add(egui::TextEdit::singleline(&mut name).desired_width(260.0))
                .labelled_by(label);
            if response.changed() {
                edits.typed(Action::SetRequesterName(name));
            }
            ui.end_row();

            let mut contact = case.requester.contact.clone();
            let label = ui.label("Address for correspondence").id;
            let response = ui
                .add(
                    egui::TextEdit::multiline(&mut contact)
                        .desired_rows(2)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label);
            if response.changed() {
                edits.typed(Action::SetRequesterContact(contact));
            }
            ui.end_row();
        });

    widgets::section(ui, "Dates");
    if let Some(Some(date)) =
        widgets::date_field(ui, "Received", "received", Some(case.received_on))
    {
        edits.step(Action::SetReceived(date));
    }
    if let Some(date) = widgets::date_field(ui, "Responded", "responded", case.responded_on) {
        edits.step(Action::SetResponded(date));
    }
    due_date(ui, case, dates);
    events(ui, case, edits);

    widgets::section(ui, "The request as received");
    let original = case.request_text.as_deref().unwrap_or_default();
    let mut request = String::new();
    if original.len() > widgets::LONG_TEXT_BYTES {
        widgets::long_text(ui, "Request text", original, 12);
    } else {
        request = original.to_string();
        let response = widgets::text_area(ui, "Request text", &mut request, 6);
        if response.changed() {
            edits.typed(Action::SetRequestText(
                Some(request.clone()).filter(|r| !r.is_empty()),
            ));
        }
    }
    if ui
        .button("Split the request into questions again")
        .on_hover_text("Replaces the question list with a fresh split of the request text")
        .clicked()
    {
        let split = split_request(if request.is_empty() {
            original
        } else {
            &request
        });
        let questions: Vec<Question> = split
            .questions
            .into_iter()
            .zip(1..)
            .map(|(text, number)| Question::new(number, text))
            .collect();
        edits.step(Action::SetQuestions(questions));
    }

    questions(ui, case, edits);
}

fn due_date(ui: &mut egui::Ui, case: &Case, dates: Option<&CaseDates>) {
    let rules = clock_rules(case.regime);
    let Some(dates) = dates else {
        ui.colored_label(colours::WARNING, "The due date cannot be worked out: the dates go beyond the bank holiday data. Load a newer file in Settings.");
        return;
    };
    if let Some(stop) = &dates.clock.stopped {
        ui.colored_label(colours::WARNING, capitalise(&stop.describe()));
        return;
    }
    let Some(response) = &dates.response else {
        return;
    };
    let due = dates.due().unwrap_or(response.due);
    let label = ui.label(RichText::new(format!("Due: {}", long_date(due))).strong());
    label.on_hover_ui(|ui| {
        ui.label(format!(
            "{} working days after day 0 ({} {}). {}.",
            response.days,
            weekday_name(response.start),
            response.start,
            rules.response_basis
        ));
        ui.label(format!("{}.", rules.working_days_basis));
        if !response.skipped.is_empty() {
            ui.label("Days not counted:");
            for day in &response.skipped {
                ui.label(format!(
                    "{} {}: {}",
                    weekday_name(day.date),
                    day.date,
                    day.reason
                ));
            }
        }
        if let Some(extended) = &dates.extended {
            ui.label(format!(
                "Extended to {} ({} working days in all).",
                extended.due, extended.days
            ));
        }
    });
    if let Some(limit) = &dates.extension_limit {
        widgets::hint(
            ui,
            &format!(
                "The latest any extension could reach: {}.",
                long_date(limit.due)
            ),
        );
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn events(ui: &mut egui::Ui, case: &Case, edits: &mut Edits) {
    ui.collapsing(format!("Clock events ({})", case.events.len()), |ui| {
        widgets::hint(
            ui,
            "Clarification and fees notices stop the clock; an extension moves the due date.",
        );
        let mut remove = None;
        for (index, event) in case.events.iter().enumerate() {
            ui.horizontal(|ui| {
                ui.label(event.label());
                if ui.small_button("Remove").clicked() {
                    remove = Some(index);
                }
            });
        }
        if let Some(index) = remove {
            let mut events = case.events.clone();
            events.remove(index);
            edits.step(Action::SetEvents(events));
        }
        let id = ui.scope_id().with("new event date");
        let mut date_text: String = ui.data_mut(|d| d.get_temp(id)).unwrap_or_default();
        ui.horizontal(|ui| {
            let label = ui.label("Date (YYYY-MM-DD)").id;
            ui.add(egui::TextEdit::singleline(&mut date_text).desired_width(110.0))
                .labelled_by(label);
        });
        ui.data_mut(|d| d.insert_temp(id, date_text.clone()));
        let date = crate::core::case_file::iso_date::parse(date_text.trim()).ok();
        ui.horizontal_wrapped(|ui| {
            let mut add = |event: Event| {
                let mut events = case.events.clone();
                events.push(event);
                edits.step(Action::SetEvents(events));
            };
            let enabled = date.is_some();
            let on = date.unwrap_or(case.received_on);
            if ui
                .add_enabled(enabled, egui::Button::new("Clarification sought"))
                .clicked()
            {
                add(Event::ClarificationSought { on });
            }
            if ui
                .add_enabled(enabled, egui::Button::new("Clarification received"))
                .clicked()
            {
                add(Event::ClarificationReceived { on });
            }
            if ui
                .add_enabled(enabled, egui::Button::new("Fees notice issued"))
                .clicked()
            {
                add(Event::FeesNoticeIssued { on });
            }
            if ui
                .add_enabled(enabled, egui::Button::new("Fee paid"))
                .clicked()
            {
                add(Event::FeesPaid { on });
            }
            if let Some(rule) = &clock_rules(case.regime).extension
                && ui
                    .add_enabled(
                        enabled,
                        egui::Button::new(format!("Extension ({})", rule.reason.label())),
                    )
                    .on_hover_text(&rule.basis)
                    .clicked()
            {
                add(Event::Extension {
                    reason: rule.reason,
                    notified_on: on,
                    working_days: rule.max_total_days.saturating_sub(20),
                });
            }
            let _ = ExtensionReason::PublicInterest;
        });
    });
}

/// How many questions the intake list shows at once.
const QUESTIONS_PER_PAGE: usize = 50;

fn questions(ui: &mut egui::Ui, case: &Case, edits: &mut Edits) {
    widgets::section(ui, &format!("Questions ({})", case.questions.len()));
    widgets::hint(
        ui,
        "Edit the wording, or use the buttons to reorder, merge, split, add or delete.",
    );
    let count = case.questions.len();
    let page = widgets::pager(
        ui,
        "intake questions",
        count,
        QUESTIONS_PER_PAGE,
        "Questions",
    );
    for (index, question) in case
        .questions
        .iter()
        .enumerate()
        .skip(page.start)
        .take(page.len())
    {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("Q{}", question.number)).strong());
                ui.label(RichText::new(question.decision.kind().label()).weak());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.small_button("Delete").clicked() {
                        edits.step(Action::RemoveQuestion { index });
                    }
                    if question.text.lines().count() > 1
                        && ui
                            .small_button("Split")
                            .on_hover_text("Split at the last line")
                            .clicked()
                        && let Some(questions) =
                            split_at_line(&case.questions, index, question.text.lines().count() - 1)
                    {
                        edits.step(Action::SetQuestions(questions));
                    }
                    if index + 1 < count
                        && ui.small_button("Merge with next").clicked()
                        && let Some(questions) = merge_with_next(&case.questions, index)
                    {
                        edits.step(Action::SetQuestions(questions));
                    }
                    if index + 1 < count && ui.small_button("Down").clicked() {
                        edits.step(Action::MoveQuestion {
                            from: index,
                            to: index + 1,
                        });
                    }
                    if index > 0 && ui.small_button("Up").clicked() {
                        edits.step(Action::MoveQuestion {
                            from: index,
                            to: index - 1,
                        });
                    }
                });
            });
            let mut text = question.text.clone();
            let response = widgets::text_area(
                ui,
                &format!("Question {} text", question.number),
                &mut text,
                2,
            );
            if response.changed() {
                edits.typed(Action::SetQuestionText { index, text });
            }
            if response.lost_focus() {
                edits.end_merge();
            }
        });
    }
    if ui.button("Add a question").clicked() {
        edits.step(Action::InsertQuestion {
            index: count,
            question: Question::new(0, ""),
        });
    }
}
