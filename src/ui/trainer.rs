//! Trainer mode: the scenario library, a step-by-step presentation driven by
//! the keyboard (full screen, large text, no personal data), and a quiz that
//! gives feedback backed by the checks' own explanations.

use std::collections::HashMap;

use eframe::egui::{self, RichText};

use super::widgets::{self, colours};
use crate::core::rules::Code;
use crate::core::scenarios::{Answer, Outcome, Scenario};

/// One step of a presentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slide {
    /// The request.
    Request,
    /// What the authority knows.
    Facts,
    /// One possible answer and what it reveals.
    Outcome(Answer),
    /// The mosaic effect, all answers side by side.
    Mosaic,
    /// A quiz question (index).
    Quiz(usize),
    /// Teaching points.
    TeachingPoints,
    /// The model answer.
    ModelAnswer,
}

/// The slides of a scenario, in order.
pub fn slides(scenario: &Scenario) -> Vec<Slide> {
    let mut slides = vec![Slide::Request, Slide::Facts];
    slides.extend(Answer::ALL.into_iter().map(Slide::Outcome));
    slides.push(Slide::Mosaic);
    slides.extend((0..scenario.quiz.len()).map(Slide::Quiz));
    slides.push(Slide::TeachingPoints);
    slides.push(Slide::ModelAnswer);
    slides
}

/// Trainer mode's state.
#[derive(Debug)]
pub struct TrainerState {
    /// The scenarios on offer (bundled, plus a trainer's folder).
    pub scenarios: Vec<Scenario>,
    /// The scenario shown.
    pub selected: usize,
    /// Presenting full screen.
    pub presenting: bool,
    /// The slide shown.
    pub slide: usize,
    /// Quiz answers chosen: (scenario id, question) → option.
    pub answers: HashMap<(String, usize), usize>,
    /// Text size in presentation.
    pub scale: f32,
    /// A trainer's own scenario folder.
    pub folder: String,
    /// Problems loading that folder.
    pub problems: Vec<String>,
}

impl Default for TrainerState {
    fn default() -> TrainerState {
        TrainerState {
            scenarios: crate::core::scenarios::bundled(),
            selected: 0,
            presenting: false,
            slide: 0,
            answers: HashMap::new(),
            scale: 1.6,
            folder: String::new(),
            problems: Vec::new(),
        }
    }
}

impl TrainerState {
    /// Selects a scenario by id; returns false if there is none.
    pub fn select(&mut self, id: &str) -> bool {
        match self.scenarios.iter().position(|s| s.id == id) {
            Some(index) => {
                self.selected = index;
                self.slide = 0;
                true
            }
            None => false,
        }
    }

    /// The scenario shown.
    pub fn current(&self) -> Option<&Scenario> {
        self.scenarios.get(self.selected)
    }

    /// The slide shown.
    pub fn current_slide(&self) -> Option<Slide> {
        self.current()
            .and_then(|s| slides(s).get(self.slide).copied())
    }

    /// Loads a trainer's folder of scenarios on top of the bundled ones.
    pub fn load_folder(&mut self) {
        let folder = std::path::PathBuf::from(self.folder.trim());
        self.problems.clear();
        let files = match crate::session::settings::read_ron_folder(&folder) {
            Ok(files) => files,
            Err(error) => {
                self.problems.push(error.to_string());
                return;
            }
        };
        let problems =
            crate::core::scenarios::validate(&files, crate::core::catalogue::Catalogues::bundled());
        self.problems = problems.iter().map(ToString::to_string).collect();
        for (file, text) in &files {
            if let Ok(scenario) = crate::core::scenarios::parse(file, text) {
                self.scenarios.retain(|s| s.id != scenario.id);
                self.scenarios.push(scenario);
            }
        }
    }
}

/// What trainer mode asks the app to do.
pub enum Request {
    /// Nothing.
    None,
    /// Enter or leave full screen.
    Fullscreen(bool),
    /// Leave trainer mode.
    Leave,
}

/// Handles the presentation keys. Returns a request for the app.
pub fn keys(ctx: &egui::Context, state: &mut TrainerState) -> Request {
    if !state.presenting {
        return Request::None;
    }
    let count = state.current().map_or(0, |s| slides(s).len());
    let mut request = Request::None;
    ctx.input_mut(|input| {
        let forward = [
            egui::Key::Space,
            egui::Key::ArrowRight,
            egui::Key::PageDown,
            egui::Key::Enter,
        ];
        let back = [
            egui::Key::ArrowLeft,
            egui::Key::PageUp,
            egui::Key::Backspace,
        ];
        if forward
            .iter()
            .any(|k| input.consume_key(egui::Modifiers::NONE, *k))
        {
            state.slide = (state.slide + 1).min(count.saturating_sub(1));
        }
        if back
            .iter()
            .any(|k| input.consume_key(egui::Modifiers::NONE, *k))
        {
            state.slide = state.slide.saturating_sub(1);
        }
        if input.consume_key(egui::Modifiers::NONE, egui::Key::Home) {
            state.slide = 0;
        }
        if input.consume_key(egui::Modifiers::NONE, egui::Key::End) {
            state.slide = count.saturating_sub(1);
        }
        if input.consume_key(egui::Modifiers::NONE, egui::Key::Plus)
            || input.consume_key(egui::Modifiers::NONE, egui::Key::Equals)
        {
            state.scale = (state.scale + 0.1).min(3.0);
        }
        if input.consume_key(egui::Modifiers::NONE, egui::Key::Minus) {
            state.scale = (state.scale - 0.1).max(1.0);
        }
        if input.consume_key(egui::Modifiers::NONE, egui::Key::Escape) {
            state.presenting = false;
            request = Request::Fullscreen(false);
        }
    });
    // Digits answer the quiz on a quiz slide.
    if let Some(Slide::Quiz(question)) = state.current_slide() {
        let digits = [
            egui::Key::Num1,
            egui::Key::Num2,
            egui::Key::Num3,
            egui::Key::Num4,
            egui::Key::Num5,
            egui::Key::Num6,
        ];
        for (index, key) in digits.into_iter().enumerate() {
            if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key))
                && let Some(id) = state.current().map(|s| s.id.clone())
            {
                state.answers.insert((id, question), index);
            }
        }
    }
    request
}

fn text(ui: &mut egui::Ui, body: &str, size: f32) {
    ui.label(RichText::new(body).size(size));
}

fn outcome_block(ui: &mut egui::Ui, outcome: &Outcome, size: f32, mosaic: bool) {
    let colour = match outcome.answer {
        Answer::Held => colours::WARNING,
        Answer::NotHeld => colours::WARNING,
        Answer::Ncnd => colours::NCND,
    };
    ui.label(
        RichText::new(outcome.answer.label())
            .size(size * 1.15)
            .strong()
            .color(colour),
    );
    ui.label(
        RichText::new(format!("“{}”", outcome.response))
            .size(size)
            .italics(),
    );
    ui.add_space(size * 0.4);
    ui.label(
        RichText::new("What the requester learns")
            .size(size * 0.85)
            .strong(),
    );
    text(ui, &outcome.inference, size);
    if mosaic && !outcome.mosaic.is_empty() {
        ui.add_space(size * 0.4);
        ui.label(
            RichText::new("Across many authorities")
                .size(size * 0.85)
                .strong(),
        );
        text(ui, &outcome.mosaic, size);
    }
}

/// Side by side: the three answers and what each reveals.
pub fn outcomes_side_by_side(ui: &mut egui::Ui, outcomes: &[Outcome], size: f32) {
    ui.columns(outcomes.len().max(1), |columns| {
        for (column, outcome) in columns.iter_mut().zip(outcomes) {
            egui::Frame::group(column.style()).show(column, |ui| {
                outcome_block(ui, outcome, size, true);
            });
        }
    });
}

/// Draws one slide.
pub fn slide(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    slide: Slide,
    answers: &mut HashMap<(String, usize), usize>,
    size: f32,
) {
    let heading = |ui: &mut egui::Ui, title: &str| {
        ui.label(RichText::new(title).size(size * 1.5).strong());
        ui.add_space(size * 0.6);
    };
    match slide {
        Slide::Request => {
            heading(ui, &scenario.title);
            text(ui, &scenario.authority, size * 0.9);
            ui.add_space(size);
            ui.label(RichText::new("The request").size(size).strong());
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.label(RichText::new(&scenario.request).size(size).italics());
            });
        }
        Slide::Facts => {
            heading(ui, "What the authority knows");
            widgets::hint(
                ui,
                "Private to the authority: the requester never sees this.",
            );
            for fact in &scenario.facts {
                text(ui, &format!("• {fact}"), size);
            }
        }
        Slide::Outcome(answer) => {
            heading(ui, "What each answer reveals");
            if let Some(outcome) = scenario.outcome(answer) {
                outcome_block(ui, outcome, size, false);
            }
        }
        Slide::Mosaic => {
            heading(ui, "The mosaic: requesters writing to many authorities");
            outcomes_side_by_side(ui, &scenario.outcomes, size * 0.8);
        }
        Slide::Quiz(index) => {
            let Some(question) = scenario.quiz.get(index) else {
                return;
            };
            heading(ui, &format!("Question {} for the room", index + 1));
            text(ui, &question.prompt, size * 1.1);
            ui.add_space(size * 0.5);
            let chosen = answers.get(&(scenario.id.clone(), index)).copied();
            for (option_index, option) in question.options.iter().enumerate() {
                let label = format!("{}. {}", option_index + 1, option.text);
                let picked = chosen == Some(option_index);
                if ui
                    .selectable_label(picked, RichText::new(label).size(size))
                    .clicked()
                {
                    answers.insert((scenario.id.clone(), index), option_index);
                }
            }
            if let Some(option) = chosen.and_then(|c| question.options.get(c)) {
                ui.add_space(size * 0.5);
                let (verdict, colour) = if option.correct {
                    ("Right.", colours::DONE)
                } else {
                    ("Not quite.", colours::BLOCKING)
                };
                ui.label(
                    RichText::new(verdict)
                        .size(size * 1.1)
                        .strong()
                        .color(colour),
                );
                text(ui, &option.feedback, size);
                if let Some(code) = option.explain.as_deref().and_then(Code::parse) {
                    let info = code.info();
                    ui.add_space(size * 0.3);
                    ui.label(
                        RichText::new(format!("The check \"{}\": {}", code, info.title))
                            .size(size * 0.85)
                            .strong(),
                    );
                    text(ui, &info.explanation, size * 0.85);
                }
            }
        }
        Slide::TeachingPoints => {
            heading(ui, "Teaching points");
            for point in &scenario.teaching_points {
                text(ui, &format!("• {point}"), size);
            }
        }
        Slide::ModelAnswer => {
            heading(ui, "Model answer");
            let model = &scenario.model_answer;
            let decision = match model.answer {
                Answer::Held => "Confirm that the information is held",
                Answer::NotHeld => "Say that the information is not held",
                Answer::Ncnd => "Neither confirm nor deny",
            };
            ui.label(
                RichText::new(decision)
                    .size(size * 1.2)
                    .strong()
                    .color(colours::NCND),
            );
            if !model.provisions.is_empty() {
                let catalogue = crate::core::catalogue::Catalogues::bundled().get(scenario.regime);
                let cites: Vec<String> = model
                    .provisions
                    .iter()
                    .map(|id| {
                        catalogue
                            .find(id)
                            .map_or(id.clone(), |e| e.cite_with_title())
                    })
                    .collect();
                text(ui, &format!("Provisions: {}", cites.join("; ")), size);
            }
            if !model.scope.is_empty() {
                text(ui, &format!("Scope: {}", model.scope), size);
            }
            ui.add_space(size * 0.5);
            text(ui, &model.reasoning, size);
        }
    }
}

/// Draws trainer mode. Returns a request for the app.
pub fn show(ui: &mut egui::Ui, state: &mut TrainerState) -> Request {
    let mut request = Request::None;
    if state.presenting {
        let size = 16.0 * state.scale;
        let Some(scenario) = state.scenarios.get(state.selected).cloned() else {
            state.presenting = false;
            return Request::Fullscreen(false);
        };
        let all = slides(&scenario);
        state.slide = state.slide.min(all.len().saturating_sub(1));
        egui::Panel::bottom("presentation keys").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("{} / {}", state.slide + 1, all.len())).weak());
                ui.label(RichText::new("Space or Right: next · Left: back · 1 to 6: answer · + and -: text size · Esc: leave").weak());
            });
        });
        egui::CentralPanel::default_margins().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.add_space(size);
                slide(ui, &scenario, all[state.slide], &mut state.answers, size);
            });
        });
        return request;
    }

    egui::Panel::left("scenarios")
        .resizable(true)
        .default_size(260.0)
        .show(ui, |ui| {
            ui.heading("Scenarios");
            for (index, scenario) in state.scenarios.iter().enumerate() {
                if ui
                    .selectable_label(state.selected == index, &scenario.title)
                    .clicked()
                {
                    state.selected = index;
                    state.slide = 0;
                }
            }
            ui.separator();
            widgets::text_field(ui, "Your scenario folder", &mut state.folder);
            if ui.button("Load scenarios from the folder").clicked() {
                state.load_folder();
            }
            for problem in &state.problems {
                ui.colored_label(colours::BLOCKING, problem);
            }
            ui.separator();
            if ui.button("Leave trainer mode").clicked() {
                request = Request::Leave;
            }
        });
    egui::CentralPanel::default_margins().show(ui, |ui| {
        let Some(scenario) = state.scenarios.get(state.selected).cloned() else {
            ui.label("No scenarios are loaded.");
            return;
        };
        ui.horizontal(|ui| {
            ui.heading(&scenario.title);
            if ui
                .button(RichText::new("Present").strong())
                .on_hover_text("Full screen; Space to step through")
                .clicked()
            {
                state.presenting = true;
                state.slide = 0;
                request = Request::Fullscreen(true);
            }
        });
        egui::ScrollArea::vertical().show(ui, |ui| {
            for step in slides(&scenario) {
                slide(ui, &scenario, step, &mut state.answers, 15.0);
                ui.separator();
            }
        });
    });
    request
}
