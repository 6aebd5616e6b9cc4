//! The per-question walkthrough: a decision tree that asks what the law asks,
//! in order, then the editor for the decision it leads to (answer, claims,
//! harm, likelihood and the public interest test built from the library).

use std::collections::HashMap;

use eframe::egui::{self, RichText};

use super::widgets::{self, colours};
use super::{Edits, Step};
use crate::core::case::{
    Case, Claim, Completion, Decision, DecisionKind, Likelihood, NcndPart, NotHeldBasis,
    PublicInterest, QualifiedPerson, Question, Regime,
};
use crate::core::catalogue::{Catalogue, Catalogues, Entry, EntryKind, Particular, Status};
use crate::core::document::test_words;
use crate::core::paragraphs::{Role, Values, render};
use crate::core::provisions::{LimbSource, ResolvedClaim, resolve_claim};
use crate::core::rules::{Assessment, Severity};
use crate::session::actions::Action;
use crate::session::letter::LetterSetup;

/// How much of a question's part is exempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Exempt {
    None,
    Part,
    All,
}

/// The walkthrough's answers for one question.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Tree {
    recorded: Option<bool>,
    ncnd: Option<bool>,
    held: Option<bool>,
    accessible: Option<bool>,
    exempt: Option<Exempt>,
}

/// Which library list is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct LibraryTarget {
    claim: usize,
    role: Role,
}

/// State kept between frames.
#[derive(Debug, Default)]
pub struct WalkState {
    progress: HashMap<usize, Tree>,
    picker_open: Option<(usize, ClaimsOf, Option<usize>)>,
    picker_search: String,
    library_open: Option<(usize, ClaimsOf, LibraryTarget)>,
    /// A field to give the keyboard to when it is next drawn.
    focus_next: Option<egui::Id>,
}

fn accessible_claim(regime: Regime) -> Option<&'static str> {
    match regime {
        Regime::Foia => Some("s21"),
        Regime::Foisa => Some("s25(1)"),
        Regime::Eir | Regime::Eisr => None,
    }
}

/// The tree as implied by a decision (and what was answered before).
fn tree_of(decision: &Decision, regime: Regime, remembered: Option<Tree>) -> Tree {
    let yes = Some(true);
    let no = Some(false);
    let base = Tree {
        recorded: yes,
        ncnd: no,
        held: yes,
        accessible: no,
        exempt: None,
    };
    match decision {
        Decision::Undecided => remembered.unwrap_or_default(),
        Decision::Disclose { .. } => Tree {
            accessible: if remembered.and_then(|t| t.accessible) == yes {
                yes
            } else {
                no
            },
            exempt: if remembered.and_then(|t| t.accessible) == yes {
                None
            } else {
                Some(Exempt::None)
            },
            ..base
        },
        Decision::PartDisclose { .. } => Tree {
            exempt: Some(Exempt::Part),
            ..base
        },
        Decision::Withhold { claims, .. } => {
            let only_accessible = !claims.is_empty()
                && claims
                    .iter()
                    .all(|c| Some(c.exemption.as_str()) == accessible_claim(regime));
            if only_accessible {
                Tree {
                    accessible: yes,
                    ..base
                }
            } else {
                Tree {
                    exempt: Some(Exempt::All),
                    ..base
                }
            }
        }
        Decision::NotHeld { .. } => {
            if remembered.and_then(|t| t.recorded) == no {
                Tree {
                    recorded: no,
                    ..Tree::default()
                }
            } else {
                Tree {
                    held: no,
                    accessible: None,
                    ..base
                }
            }
        }
        Decision::Ncnd { .. } => Tree {
            recorded: yes,
            ncnd: yes,
            ..Tree::default()
        },
    }
}

/// The decision a completed tree leads to, keeping any text already written.
fn decision_for(tree: Tree, current: &Decision, regime: Regime, law: &str) -> Option<Decision> {
    if tree.recorded == Some(false) {
        let mut decision = current.converted_to(DecisionKind::NotHeld);
        if let Decision::NotHeld { explanation, .. } = &mut decision
            && explanation.trim().is_empty()
        {
            *explanation = format!(
                "The {law} gives a right of access to recorded information. This question asks for an explanation or opinion, and no recorded information answers it."
            );
        }
        return Some(decision);
    }
    if tree.ncnd == Some(true) {
        return Some(current.converted_to(DecisionKind::Ncnd));
    }
    if tree.held == Some(false) {
        return Some(current.converted_to(DecisionKind::NotHeld));
    }
    if tree.accessible == Some(true) {
        return Some(match accessible_claim(regime) {
            Some(id) => Decision::Withhold {
                claims: vec![Claim::new(id)],
                advice: current.advice().map(str::to_owned).or(Some(String::new())),
            },
            None => current.converted_to(DecisionKind::Disclose),
        });
    }
    match tree.exempt? {
        Exempt::None => Some(current.converted_to(DecisionKind::Disclose)),
        Exempt::Part => Some(current.converted_to(DecisionKind::PartDisclose)),
        Exempt::All => {
            let mut decision = current.converted_to(DecisionKind::Withhold);
            if let Decision::Withhold { claims, .. } = &mut decision {
                claims.retain(|c| Some(c.exemption.as_str()) != accessible_claim(regime));
            }
            Some(decision)
        }
    }
}

/// One yes/no row of the tree. Returns the new answer when clicked.
fn ask(
    ui: &mut egui::Ui,
    question: &str,
    help: &str,
    answer: Option<bool>,
    yes: &str,
    no: &str,
) -> Option<bool> {
    let mut chosen = None;
    ui.add_space(4.0);
    ui.label(RichText::new(question).strong());
    widgets::hint(ui, help);
    ui.horizontal(|ui| {
        if ui.selectable_label(answer == Some(true), yes).clicked() {
            chosen = Some(true);
        }
        if ui.selectable_label(answer == Some(false), no).clicked() {
            chosen = Some(false);
        }
    });
    chosen
}

/// Draws the walkthrough for question `index`.
#[allow(clippy::too_many_arguments)]
pub fn show(
    ui: &mut egui::Ui,
    case: &Case,
    index: usize,
    setup: &LetterSetup,
    assessment: Option<&Assessment>,
    state: &mut WalkState,
    edits: &mut Edits,
    go: &mut Option<Step>,
) {
    let question = &case.questions[index];
    let catalogue = Catalogues::bundled().get(case.regime);
    widgets::set_field_scope(ui, ("question", index));
    ui.heading(format!(
        "Question {} of {}",
        question.number,
        case.questions.len()
    ));
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new(&question.text).italics());
    });

    if let Some(assessment) = assessment {
        let findings: Vec<_> = assessment
            .for_question(question.number)
            .filter(|f| f.severity != Severity::Info)
            .collect();
        for finding in findings {
            let colour = if finding.severity == Severity::Blocking {
                colours::BLOCKING
            } else {
                colours::WARNING
            };
            ui.colored_label(colour, format!("{}: {}", finding.code, finding.message))
                .on_hover_text(finding.explanation());
        }
    }

    if case.whole_request.is_some() {
        ui.colored_label(
            colours::WARNING,
            "The whole request is refused, so this question will not be answered in the letter.",
        );
    }

    let remembered = state.progress.get(&index).copied();
    let tree = tree_of(&question.decision, case.regime, remembered);
    let mut next = tree;
    let law = case.regime.law_title();

    widgets::section(ui, "Walkthrough");
    if let Some(answer) = ask(
        ui,
        "1. Is this a request for recorded information?",
        "The law gives a right to information held in recorded form, not to opinions or explanations that would have to be created.",
        tree.recorded,
        "Yes, recorded information",
        "No, it asks for an opinion or explanation",
    ) {
        next = Tree {
            recorded: Some(answer),
            ..Tree::default()
        };
    }
    if next.recorded == Some(true) {
        if case.regime.is_environmental() {
            widgets::hint(
                ui,
                "2. The case is handled under the environmental regulations.",
            );
        } else {
            ui.add_space(4.0);
            ui.label(RichText::new("2. Is the information environmental?").strong());
            widgets::hint(
                ui,
                "About the air, water, land, emissions, energy, noise, waste, or plans and activities affecting them. Environmental information must be handled under the environmental regulations.",
            );
            let target = if case.regime == Regime::Foisa {
                Regime::Eisr
            } else {
                Regime::Eir
            };
            if ui
                .button(format!(
                    "It is environmental: handle the case under the {}",
                    target.short_name()
                ))
                .clicked()
            {
                edits.step(Action::SetRegime(target));
            }
        }
        if let Some(answer) = ask(
            ui,
            "3. Would confirming or denying that we hold it itself cause harm?",
            "If saying whether the information exists would reveal something sensitive, the answer is to neither confirm nor deny, under an NCND provision.",
            tree.ncnd,
            "Yes: neither confirm nor deny",
            "No: we can say whether we hold it",
        ) {
            next = Tree {
                recorded: Some(true),
                ncnd: Some(answer),
                ..Tree::default()
            };
        }
    }
    if next.recorded == Some(true)
        && next.ncnd == Some(false)
        && let Some(answer) = ask(
            ui,
            "4. Do we hold the information?",
            "Held at the time the request was received, by us or on our behalf.",
            tree.held,
            "Yes, we hold it",
            "No, we do not hold it",
        )
    {
        next = Tree {
            held: Some(answer),
            accessible: None,
            exempt: None,
            ..next
        };
    }
    if next.held == Some(true)
        && next.ncnd == Some(false)
        && next.recorded == Some(true)
        && let Some(answer) = ask(
            ui,
            "5. Is it already reasonably accessible to the requester?",
            "For example published on our website. FOIA section 21 and FOISA section 25 then apply; under the environmental regulations, say where it is.",
            tree.accessible,
            "Yes, it is published",
            "No, it is not published",
        )
    {
        next = Tree {
            accessible: Some(answer),
            exempt: None,
            ..next
        };
    }
    if next.accessible == Some(false) && next.held == Some(true) {
        ui.add_space(4.0);
        ui.label(RichText::new("6. Is any of it exempt?").strong());
        widgets::hint(
            ui,
            "Withhold only what an exemption covers; everything else is disclosed.",
        );
        ui.horizontal(|ui| {
            for (exempt, label) in [
                (Exempt::None, "None of it: disclose it all"),
                (Exempt::Part, "Some of it"),
                (Exempt::All, "All of it"),
            ] {
                if ui
                    .selectable_label(tree.exempt == Some(exempt), label)
                    .clicked()
                {
                    next = Tree {
                        exempt: Some(exempt),
                        ..next
                    };
                }
            }
        });
    }
    if next != tree {
        state.progress.insert(index, next);
        // An unfinished walkthrough leaves the question undecided (undo brings
        // back anything written for the earlier decision).
        let decision =
            decision_for(next, &question.decision, case.regime, law).unwrap_or(Decision::Undecided);
        if decision != question.decision {
            edits.step(Action::SetDecision { index, decision });
        }
    }

    ui.horizontal(|ui| {
        ui.label(RichText::new("Refusing the whole request on cost or vexatious grounds?").weak());
        if ui.link("Whole-request refusal…").clicked() {
            *go = Some(Step::WholeRequest);
        }
    });

    if next.recorded == Some(true) {
        egui::CollapsingHeader::new("What the requester learns from each answer")
            .default_open(question.decision.kind() == DecisionKind::Ncnd)
            .show(ui, |ui| {
                let outcomes = crate::core::learn::outcomes(case, question);
                super::trainer::outcomes_side_by_side(ui, &outcomes, 13.0);
            });
    }

    if question.decision != Decision::Undecided {
        ui.separator();
        decision_editor(ui, case, index, catalogue, setup, state, edits);
    }
}

fn decision_editor(
    ui: &mut egui::Ui,
    case: &Case,
    index: usize,
    catalogue: &Catalogue,
    setup: &LetterSetup,
    state: &mut WalkState,
    edits: &mut Edits,
) {
    let question = &case.questions[index];
    let decision = &question.decision;
    let kind = decision.kind();
    let colour = if kind == DecisionKind::Ncnd {
        colours::NCND
    } else {
        colours::DONE
    };
    ui.horizontal(|ui| {
        ui.label("Decision:");
        widgets::badge(ui, kind.label(), colour);
    });
    let set = |edits: &mut Edits, decision: Decision| {
        edits.typed(Action::SetDecision { index, decision })
    };

    match decision {
        Decision::Undecided => {}
        Decision::Disclose { answer } => {
            let mut text = answer.clone();
            if widgets::text_area(ui, "Answer to give", &mut text, 4).changed() {
                set(edits, Decision::Disclose { answer: text });
            }
        }
        Decision::PartDisclose {
            answer,
            claims,
            advice,
        } => {
            let mut text = answer.clone();
            if widgets::text_area(ui, "The part to disclose", &mut text, 4).changed() {
                set(
                    edits,
                    Decision::PartDisclose {
                        answer: text,
                        claims: claims.clone(),
                        advice: advice.clone(),
                    },
                );
            }
        }
        Decision::NotHeld {
            explanation,
            advice,
            basis,
        } => {
            let mut text = explanation.clone();
            if widgets::text_area(ui, "Why it is not held", &mut text, 3).changed() {
                set(
                    edits,
                    Decision::NotHeld {
                        explanation: text,
                        advice: advice.clone(),
                        basis: *basis,
                    },
                );
            }
            ui.horizontal_wrapped(|ui| {
                ui.label("Kind of reason (adds the standard paragraph for it):");
                let options = std::iter::once((None, "none"))
                    .chain(NotHeldBasis::ALL.into_iter().map(|b| (Some(b), b.label())));
                for (value, label) in options {
                    if ui.selectable_label(*basis == value, label).clicked() && *basis != value {
                        edits.step(Action::SetDecision {
                            index,
                            decision: Decision::NotHeld {
                                explanation: explanation.clone(),
                                advice: advice.clone(),
                                basis: value,
                            },
                        });
                    }
                }
            });
        }
        Decision::Withhold { .. } => {}
        Decision::Ncnd {
            scope,
            held,
            claims,
            advice,
        } => {
            widgets::hint(
                ui,
                "Describe what you neither confirm nor deny without assuming it exists, e.g. \"any covert use of facial recognition technology\".",
            );
            let mut text = scope.clone();
            if widgets::text_field(
                ui,
                "Scope of the neither-confirm-nor-deny response",
                &mut text,
            )
            .changed()
            {
                set(
                    edits,
                    Decision::Ncnd {
                        scope: text,
                        held: *held,
                        claims: claims.clone(),
                        advice: advice.clone(),
                    },
                );
            }
            if let Some(value) = held_note(ui, "whole", *held) {
                edits.step(Action::SetDecision {
                    index,
                    decision: Decision::Ncnd {
                        scope: scope.clone(),
                        held: value,
                        claims: claims.clone(),
                        advice: advice.clone(),
                    },
                });
            }
            public_record_panel(ui, setup, scope, &question.text);
        }
    }

    if matches!(kind, DecisionKind::Disclose | DecisionKind::PartDisclose) {
        enclosures_editor(ui, question, index, edits);
    }

    if matches!(kind, DecisionKind::PartDisclose | DecisionKind::Withhold) {
        claims_editor(
            ui,
            case,
            index,
            ClaimsOf::Decision,
            catalogue,
            setup,
            state,
            edits,
        );
    }
    if kind == DecisionKind::Ncnd {
        claims_editor(
            ui,
            case,
            index,
            ClaimsOf::Decision,
            catalogue,
            setup,
            state,
            edits,
        );
    }

    // A partial NCND beside an answer to the rest of the question.
    if !matches!(kind, DecisionKind::Ncnd | DecisionKind::Undecided) {
        ncnd_part_editor(ui, case, index, catalogue, setup, state, edits);
    }

    // Advice and assistance, for every kind that can carry it.
    if kind != DecisionKind::Disclose {
        let current = decision.advice().unwrap_or("").to_string();
        let mut text = current.clone();
        let label = match case.regime {
            Regime::Foia => "Advice and assistance (section 16)",
            Regime::Eir | Regime::Eisr => "Advice and assistance (regulation 9)",
            Regime::Foisa => "Advice and assistance (section 15)",
        };
        if widgets::text_area(ui, label, &mut text, 2).changed() {
            let mut updated = decision.clone();
            let value = Some(text).filter(|t| !t.is_empty());
            match &mut updated {
                Decision::PartDisclose { advice, .. }
                | Decision::Withhold { advice, .. }
                | Decision::NotHeld { advice, .. }
                | Decision::Ncnd { advice, .. } => *advice = value,
                _ => {}
            }
            set(edits, updated);
        }
    }
}

/// The private note of the truth; returns a new value when one is picked.
fn held_note(ui: &mut egui::Ui, salt: &str, held: Option<bool>) -> Option<Option<bool>> {
    let mut picked = None;
    ui.push_id(("held", salt), |ui| {
        ui.horizontal(|ui| {
            ui.label("Private note (never exported): the information is");
            for (value, label) in [
                (Some(true), "held"),
                (Some(false), "not held"),
                (None, "not recorded"),
            ] {
                if ui.selectable_label(held == value, label).clicked() && held != value {
                    picked = Some(value);
                }
            }
        });
    });
    picked
}

/// Documents sent with the answer, one per line.
fn enclosures_editor(ui: &mut egui::Ui, question: &Question, index: usize, edits: &mut Edits) {
    let mut text = question.enclosures.join("\n");
    let response = widgets::text_area(
        ui,
        "Enclosures sent with this answer (one document per line)",
        &mut text,
        1,
    );
    if response.changed() {
        edits.typed(Action::SetEnclosures {
            index,
            enclosures: text.split('\n').map(str::to_string).collect(),
        });
    }
}

/// The part of the question neither confirmed nor denied, beside the answer to the rest.
fn ncnd_part_editor(
    ui: &mut egui::Ui,
    case: &Case,
    index: usize,
    catalogue: &Catalogue,
    setup: &LetterSetup,
    state: &mut WalkState,
    edits: &mut Edits,
) {
    let question = &case.questions[index];
    let mut on = question.ncnd_part.is_some();
    if ui
        .checkbox(
            &mut on,
            "Part of this question is neither confirmed nor denied",
        )
        .on_hover_text("Answer the rest above; the letter then says what it neither confirms nor denies, and why")
        .changed()
    {
        edits.step(Action::SetNcndPart {
            index,
            part: on.then(NcndPart::default),
        });
    }
    let Some(part) = &question.ncnd_part else {
        return;
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        widgets::hint(
            ui,
            "What you neither confirm nor deny, without assuming it exists, e.g. \"any covert use of drones\".",
        );
        let mut scope = part.scope.clone();
        if widgets::text_field(
            ui,
            "Scope of the part neither confirmed nor denied",
            &mut scope,
        )
        .changed()
        {
            edits.typed(Action::SetNcndPart {
                index,
                part: Some(NcndPart {
                    scope,
                    ..part.clone()
                }),
            });
        }
        if let Some(value) = held_note(ui, "part", part.held) {
            edits.step(Action::SetNcndPart {
                index,
                part: Some(NcndPart {
                    held: value,
                    ..part.clone()
                }),
            });
        }
        public_record_panel(ui, setup, &part.scope, &question.text);
        claims_editor(
            ui,
            case,
            index,
            ClaimsOf::NcndPart,
            catalogue,
            setup,
            state,
            edits,
        );
    });
}

/// What the public record says about an NCND subject: official confirmations
/// (which NCND cannot stand against) and press reports or comment (which it can).
fn public_record_panel(ui: &mut egui::Ui, setup: &LetterSetup, scope: &str, question: &str) {
    if scope.trim().is_empty() {
        return;
    }
    let entries = setup
        .public_record
        .matching(scope, question, &setup.ncnd_words);
    egui::CollapsingHeader::new(format!("Public record ({} matching)", entries.len()))
        .id_salt(("public record", question))
        .default_open(!entries.is_empty())
        .show(ui, |ui| {
            if entries.is_empty() {
                widgets::hint(
                    ui,
                    "Nothing in the public record matches this scope. Add official statements, press reports and comment in Settings, Public record.",
                );
                return;
            }
            for entry in entries {
                ui.group(|ui| {
                    let colour = if entry.kind.is_official() {
                        colours::BLOCKING
                    } else {
                        colours::INFO
                    };
                    widgets::badge(ui, entry.kind.label(), colour);
                    ui.label(RichText::new(format!("{} ({})", entry.who, entry.when())).strong());
                    ui.label(&entry.source);
                    ui.label(format!("Confirms: {}", entry.confirms));
                    if !entry.does_not_confirm.trim().is_empty() {
                        ui.label(format!("Does not confirm: {}", entry.does_not_confirm));
                    }
                    if entry.kind.is_official() {
                        widgets::hint(
                            ui,
                            "Neither confirming nor denying what this statement confirms cannot be sustained. Narrow the scope to what it did not reach.",
                        );
                    } else {
                        widgets::hint(
                            ui,
                            "Not official confirmation: it does not defeat neither confirm nor deny.",
                        );
                    }
                });
            }
        });
}

fn entry_badges(ui: &mut egui::Ui, entry: &Entry, catalogue: &Catalogue) {
    let (status, colour) = match entry.status {
        Status::Absolute => ("absolute", colours::INFO),
        Status::Qualified => ("qualified", colours::DONE),
    };
    widgets::badge(ui, status, colour);
    widgets::badge(ui, entry.test.label(), colours::INFO);
    if entry.kind == EntryKind::NcndProvision || catalogue.ncnd_provision_for(&entry.id).is_some() {
        widgets::badge(ui, "NCND available", colours::NCND);
    }
}

/// The searchable list of catalogue entries. Returns the id chosen.
fn picker(
    ui: &mut egui::Ui,
    catalogue: &Catalogue,
    search: &mut String,
    ncnd: bool,
) -> Option<String> {
    let mut chosen = None;
    widgets::text_field(ui, "Search exemptions", search);
    let mut shown = 0;
    egui::ScrollArea::vertical()
        .id_salt("picker")
        .max_height(320.0)
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .show(ui, |ui| {
            for entry in catalogue.search(search) {
                let fits = match entry.kind {
                    EntryKind::WholeRequest => false,
                    EntryKind::NcndProvision => ncnd,
                    EntryKind::Exemption => {
                        !ncnd || catalogue.ncnd_provision_for(&entry.id).is_some()
                    }
                };
                if !fits {
                    continue;
                }
                shown += 1;
                ui.horizontal_wrapped(|ui| {
                    if ui
                        .button(format!("{} — {}", entry.id, entry.title))
                        .on_hover_text(&entry.description)
                        .clicked()
                    {
                        chosen = Some(entry.id.clone());
                    }
                    entry_badges(ui, entry, catalogue);
                });
            }
            if shown == 0 {
                widgets::hint(
                    ui,
                    &format!(
                        "Nothing in the {} catalogue matches \"{}\".",
                        catalogue.regime.short_name(),
                        search.trim()
                    ),
                );
            }
        });
    chosen
}

/// Values for rendering library paragraphs into a claim's fields, so an
/// inserted paragraph carries the case's own words, not markers.
fn values_for(
    case: &Case,
    index: usize,
    claim: Option<&Claim>,
    entry: Option<&Entry>,
    setup: &LetterSetup,
) -> Values {
    let mut values = Values::new();
    values
        .set("authority", setup.profile.profile.name.clone())
        .set("reference", case.reference.clone())
        .set("subject", case.subject.clone())
        .set("law", case.regime.law_title())
        .set("law_short", case.regime.short_name());
    if let Some(entry) = entry {
        values
            .set("section", entry.cite.clone())
            .set("exemption_title", entry.title.clone());
    }
    if let Some(view) = case.questions.get(index).and_then(Question::ncnd) {
        values.set("scope", view.scope.trim());
    }
    if let Some(likelihood) = claim.and_then(|c| c.likelihood) {
        values.set("likelihood", likelihood.phrase());
    }
    values
}

/// Whose claims an editor shows: the decision's, or the partial NCND part's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum ClaimsOf {
    Decision,
    NcndPart,
}

impl ClaimsOf {
    /// Added to labels so the part's fields have ids of their own.
    fn suffix(self) -> &'static str {
        match self {
            ClaimsOf::Decision => "",
            ClaimsOf::NcndPart => " (part)",
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn claims_editor(
    ui: &mut egui::Ui,
    case: &Case,
    index: usize,
    of: ClaimsOf,
    catalogue: &Catalogue,
    setup: &LetterSetup,
    state: &mut WalkState,
    edits: &mut Edits,
) {
    let question = &case.questions[index];
    let decision = &question.decision;
    let (ncnd, claims) = match of {
        ClaimsOf::Decision => (
            decision.kind() == DecisionKind::Ncnd,
            decision.claims().to_vec(),
        ),
        ClaimsOf::NcndPart => (
            true,
            question
                .ncnd_part
                .as_ref()
                .map(|p| p.claims.clone())
                .unwrap_or_default(),
        ),
    };
    let environmental = case.regime.is_environmental();
    widgets::section(
        ui,
        &format!(
            "{}{}",
            if ncnd {
                "Neither-confirm-nor-deny provisions"
            } else if environmental {
                "Exceptions"
            } else {
                "Exemptions"
            },
            of.suffix()
        ),
    );
    let replace_claims = |edits: &mut Edits, claims: Vec<Claim>, merge: bool| {
        let action = match of {
            ClaimsOf::Decision => {
                let mut updated = decision.clone();
                if let Some(slot) = updated.claims_mut() {
                    *slot = claims;
                }
                Action::SetDecision {
                    index,
                    decision: updated,
                }
            }
            ClaimsOf::NcndPart => Action::SetNcndPart {
                index,
                part: question
                    .ncnd_part
                    .clone()
                    .map(|part| NcndPart { claims, ..part }),
            },
        };
        if merge {
            edits.typed(action)
        } else {
            edits.step(action)
        }
    };

    for (claim_index, claim) in claims.iter().enumerate() {
        let entry = catalogue.find(&claim.exemption);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let title = entry.map_or_else(
                    || format!("{} (not in the catalogue)", claim.exemption),
                    |e| format!("{} — {}", e.id, e.title),
                );
                ui.label(RichText::new(title).strong());
                if let Some(entry) = entry {
                    entry_badges(ui, entry, catalogue);
                }
                if ui
                    .small_button(format!("Remove {}{}", claim.exemption, of.suffix()))
                    .clicked()
                {
                    let mut updated = claims.clone();
                    updated.remove(claim_index);
                    replace_claims(edits, updated, false);
                }
                if ui
                    .small_button(format!("Change {}{}", claim.exemption, of.suffix()))
                    .clicked()
                {
                    state.picker_open = Some((index, of, Some(claim_index)));
                    state.picker_search.clear();
                }
            });
            if let Some(entry) = entry {
                widgets::hint(ui, &entry.description);
            }
            if state.picker_open == Some((index, of, Some(claim_index)))
                && let Some(id) = picker(ui, catalogue, &mut state.picker_search, ncnd)
            {
                let mut updated = claims.clone();
                updated[claim_index].exemption = id;
                updated[claim_index].limbs.clear();
                replace_claims(edits, updated, false);
                state.picker_open = None;
            }
            let fields = ClaimFields {
                case,
                index,
                of,
                claim_index,
                claim,
                ncnd,
                catalogue,
                setup,
                claims: &claims,
            };
            claim_fields(ui, &fields, entry, state, edits, &replace_claims);
        });
    }

    let has = |id: &str| {
        claims.iter().any(|c| {
            catalogue
                .ncnd_provision_for(&c.exemption)
                .is_some_and(|p| p.id == id)
        })
    };
    if ncnd
        && has("s23(5)")
        && !has("s24(2)")
        && case.regime == Regime::Foia
        && ui
            .button(format!(
                "Add section 24(2) in the alternative{}",
                of.suffix()
            ))
            .clicked()
    {
        let mut updated = claims.clone();
        updated.push(Claim::new("s24(2)"));
        replace_claims(edits, updated, false);
    }
    let add_label = format!(
        "{}{}",
        if ncnd {
            "Add a provision"
        } else if environmental {
            "Add an exception"
        } else {
            "Add an exemption"
        },
        of.suffix()
    );
    if state.picker_open == Some((index, of, None)) {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(&add_label).strong());
            if let Some(id) = picker(ui, catalogue, &mut state.picker_search, ncnd) {
                let mut updated = claims.clone();
                updated.push(Claim::new(id));
                replace_claims(edits, updated, false);
                state.picker_open = None;
            }
            if ui.button("Cancel").clicked() {
                state.picker_open = None;
            }
        });
    } else if ui.button(&add_label).clicked() {
        state.picker_open = Some((index, of, None));
        state.picker_search.clear();
    }
}

/// What one claim's fields are drawn from.
struct ClaimFields<'a> {
    case: &'a Case,
    index: usize,
    of: ClaimsOf,
    claim_index: usize,
    claim: &'a Claim,
    ncnd: bool,
    catalogue: &'a Catalogue,
    setup: &'a LetterSetup,
    claims: &'a [Claim],
}

fn claim_fields(
    ui: &mut egui::Ui,
    fields: &ClaimFields<'_>,
    entry: Option<&Entry>,
    state: &mut WalkState,
    edits: &mut Edits,
    replace_claims: &dyn Fn(&mut Edits, Vec<Claim>, bool),
) {
    let ClaimFields {
        case,
        index,
        of,
        claim_index,
        claim,
        ncnd,
        catalogue,
        setup,
        claims,
    } = *fields;
    let Some(entry) = entry else {
        return;
    };
    let Some(resolved) = resolve_claim(catalogue, claim, ncnd) else {
        return;
    };
    let suffix = of.suffix();
    let update = |edits: &mut Edits, new_claim: Claim, merge: bool| {
        let mut updated = claims.to_vec();
        updated[claim_index] = new_claim;
        replace_claims(edits, updated, merge);
    };
    let library_ids: Vec<String> = {
        let mut ids = vec![entry.id.clone()];
        if ncnd
            && let Some(provision) = catalogue.ncnd_provision_for(&entry.id)
            && provision.id != entry.id
        {
            ids.push(provision.id.clone());
        }
        if let Some(behind) = catalogue.exemption_behind(entry) {
            ids.push(behind.id.clone());
        }
        ids
    };
    let values = values_for(case, index, Some(claim), Some(entry), setup);
    let library = |role: Role| -> Vec<(String, String, String)> {
        let mut found: Vec<(String, String, String)> = Vec::new();
        for id in &library_ids {
            for paragraph in setup.library.for_claim(case.regime, id, role) {
                if !found.iter().any(|(pid, _, _)| *pid == paragraph.id) {
                    found.push((
                        paragraph.id.clone(),
                        paragraph.title.clone(),
                        render(&paragraph.body, &values),
                    ));
                }
            }
        }
        found
    };
    let library_list = |ui: &mut egui::Ui, role: Role, state: &mut WalkState| -> Option<String> {
        let target = LibraryTarget {
            claim: claim_index,
            role,
        };
        let open = state.library_open == Some((index, of, target));
        let label = format!("Library: {} ({}){suffix}", role.label(), entry.id);
        if ui
            .small_button(if open {
                format!("Close {label}")
            } else {
                label
            })
            .clicked()
        {
            state.library_open = if open {
                None
            } else {
                Some((index, of, target))
            };
        }
        if !open {
            return None;
        }
        let mut inserted = None;
        let options = library(role);
        if options.is_empty() {
            widgets::hint(
                ui,
                "No library paragraphs for this provision yet; write your own.",
            );
        }
        for (id, title, body) in options {
            ui.horizontal_wrapped(|ui| {
                if ui
                    .button(format!("Insert: {title}"))
                    .on_hover_text(&body)
                    .clicked()
                {
                    inserted = Some(body.clone());
                }
                ui.label(RichText::new(crate::core::text::ellipsis(&body, 90)).weak())
                    .on_hover_text(id);
            });
        }
        inserted
    };

    // The test, in the provision's own words.
    if let Some(wording) = &resolved.wording {
        let test = test_words(
            &setup.library,
            case.regime,
            wording,
            resolved.test,
            claim.likelihood,
        );
        if !test.is_empty() {
            widgets::hint(ui, &format!("The test: {test}."));
        }
    }

    // Limbs: the interest engaged or the condition met.
    limbs_editor(ui, fields, &resolved, edits, &update);

    // Harm, or for a class-based provision why it applies: the letter
    // prints whatever is written here.
    {
        let mut harm = claim.harm.clone().unwrap_or_default();
        let label = if ncnd {
            "What confirming or denying would reveal (harm)"
        } else if resolved.test.needs_harm() {
            "Harm: why disclosure would cause it"
        } else {
            "Why it applies"
        };
        if widgets::text_area(ui, &format!("{label} — {}{suffix}", entry.id), &mut harm, 3)
            .changed()
        {
            update(
                edits,
                Claim {
                    harm: Some(harm.clone()).filter(|h| !h.is_empty()),
                    ..claim.clone()
                },
                true,
            );
        }
        if let Some(text) = library_list(ui, Role::Harm, state) {
            let joined = if harm.trim().is_empty() {
                text
            } else {
                format!("{}\n{text}", harm.trim_end())
            };
            update(
                edits,
                Claim {
                    harm: Some(joined),
                    ..claim.clone()
                },
                false,
            );
        }
    }

    // Likelihood.
    if resolved.test.needs_likelihood() {
        ui.horizontal(|ui| {
            ui.label("Likelihood:");
            for (value, label) in [
                (Likelihood::Would, "would (more probable than not)"),
                (
                    Likelihood::WouldBeLikely,
                    "would be likely to (a real and significant risk)",
                ),
            ] {
                if ui
                    .selectable_label(claim.likelihood == Some(value), label)
                    .clicked()
                {
                    update(
                        edits,
                        Claim {
                            likelihood: Some(value),
                            ..claim.clone()
                        },
                        false,
                    );
                }
            }
        });
    }

    particulars_editor(ui, fields, &resolved, edits, &update);

    // Public interest test.
    if resolved.status == Status::Qualified {
        widgets::section(ui, &format!("Public interest test — {}{suffix}", entry.id));
        let pit = claim.public_interest.clone().unwrap_or_default();
        let sides = [
            (
                if ncnd {
                    "Factors favouring confirming or denying"
                } else {
                    "Factors favouring disclosure"
                },
                Role::PitFavouringDisclosure,
                pit.favouring_disclosure.clone(),
                true,
            ),
            (
                if ncnd {
                    "Factors favouring neither confirming nor denying"
                } else if case.regime.is_environmental() {
                    "Factors favouring maintaining the exception"
                } else {
                    "Factors favouring maintaining the exemption"
                },
                Role::PitFavouringExemption,
                pit.favouring_exemption.clone(),
                false,
            ),
        ];
        for (title, role, factors, disclosure_side) in sides {
            ui.label(RichText::new(title).strong());
            let with_factors = |factors: Vec<String>| {
                let mut new_pit = pit.clone();
                if disclosure_side {
                    new_pit.favouring_disclosure = factors;
                } else {
                    new_pit.favouring_exemption = factors;
                }
                Claim {
                    public_interest: Some(new_pit),
                    ..claim.clone()
                }
            };
            let factor_id = |ui: &egui::Ui, factor_index: usize| {
                widgets::field_id(
                    ui,
                    &format!(
                        "factor {disclosure_side} {factor_index} {}{suffix}",
                        entry.id
                    ),
                )
            };
            for (factor_index, factor) in factors.iter().enumerate() {
                ui.horizontal(|ui| {
                    let mut text = factor.clone();
                    let label = ui.label(format!("{}.", factor_index + 1)).id;
                    let id = factor_id(ui, factor_index);
                    let response = ui
                        .add(
                            egui::TextEdit::multiline(&mut text)
                                .id(id)
                                .desired_rows(1)
                                .desired_width(ui.available_width() - 80.0),
                        )
                        .labelled_by(label);
                    // A factor just added gets the keyboard, so typing goes into it.
                    if state.focus_next == Some(id) {
                        response.request_focus();
                        state.focus_next = None;
                    }
                    if response.changed() {
                        let mut updated = factors.clone();
                        updated[factor_index] = text;
                        update(edits, with_factors(updated), true);
                    }
                    if ui.small_button("Remove").clicked() {
                        let mut updated = factors.clone();
                        updated.remove(factor_index);
                        update(edits, with_factors(updated), false);
                    }
                });
            }
            ui.horizontal(|ui| {
                if ui
                    .small_button(format!("Add a factor: {title}{suffix}"))
                    .clicked()
                {
                    state.focus_next = Some(factor_id(ui, factors.len()));
                    let mut updated = factors.clone();
                    updated.push(String::new());
                    update(edits, with_factors(updated), false);
                }
            });
            if let Some(text) = library_list(ui, role, state) {
                let mut updated = factors.clone();
                updated.push(text);
                update(edits, with_factors(updated), false);
            }
        }
        let mut conclusion = pit.conclusion.clone();
        if widgets::text_area(
            ui,
            &format!(
                "Conclusion: where the balance lies, and why — {}{suffix}",
                entry.id
            ),
            &mut conclusion,
            2,
        )
        .changed()
        {
            update(
                edits,
                Claim {
                    public_interest: Some(PublicInterest {
                        conclusion,
                        ..pit.clone()
                    }),
                    ..claim.clone()
                },
                true,
            );
        }
        if let Some(text) = library_list(ui, Role::Balance, state) {
            update(
                edits,
                Claim {
                    public_interest: Some(PublicInterest {
                        conclusion: text,
                        ..pit.clone()
                    }),
                    ..claim.clone()
                },
                false,
            );
        }
    } else {
        widgets::hint(ui, "Absolute here: no public interest test applies.");
    }
}

/// The limbs a provision offers, as checkboxes.
fn limbs_editor(
    ui: &mut egui::Ui,
    fields: &ClaimFields<'_>,
    resolved: &ResolvedClaim<'_>,
    edits: &mut Edits,
    update: &dyn Fn(&mut Edits, Claim, bool),
) {
    let ClaimFields {
        catalogue,
        claim,
        of,
        ..
    } = *fields;
    let Some(entry) = catalogue.find(&claim.exemption) else {
        return;
    };
    let mut options = catalogue.limbs_of(entry);
    // A chosen limb with limbs of its own (s.31(1)(g) and the purposes in s.31(2)).
    for limb in options.clone() {
        if claim.limbs.contains(&limb.id)
            && let Some(limb_entry) = catalogue.get(&limb.id)
        {
            options.extend(limb_entry.limbs.iter().cloned());
        }
    }
    if options.is_empty() {
        return;
    }
    ui.label(
        RichText::new(format!(
            "Which limb does {} rely on?{}",
            entry.cite,
            of.suffix()
        ))
        .strong(),
    );
    if let LimbSource::Inferred = resolved.limb_source {
        let ids: Vec<&str> = resolved.limbs.iter().map(|l| l.id.as_str()).collect();
        widgets::hint(
            ui,
            &format!(
                "None chosen: the letter names {}, read from the harm text.",
                ids.join(", ")
            ),
        );
    }
    // Short lists are shown whole; a long one (FOISA s.18(1) and its 27
    // exemptions) scrolls, with its scroll bar always visible.
    let height = if options.len() <= 12 {
        f32::INFINITY
    } else {
        320.0
    };
    egui::ScrollArea::vertical()
        .id_salt(("limbs", fields.index, of, fields.claim_index))
        .max_height(height)
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .show(ui, |ui| {
            for limb in &options {
                let mut chosen = claim.limbs.contains(&limb.id);
                if ui
                    .checkbox(&mut chosen, format!("{}: {}", limb.cite, limb.interest))
                    .changed()
                {
                    let mut limbs = claim.limbs.clone();
                    if chosen {
                        limbs.push(limb.id.clone());
                    } else {
                        limbs.retain(|id| *id != limb.id);
                    }
                    update(
                        edits,
                        Claim {
                            limbs,
                            ..claim.clone()
                        },
                        false,
                    );
                }
            }
        });
}

/// The particulars some provisions need: the qualified person, the
/// completion details, the legitimate interests test.
fn particulars_editor(
    ui: &mut egui::Ui,
    fields: &ClaimFields<'_>,
    resolved: &ResolvedClaim<'_>,
    edits: &mut Edits,
    update: &dyn Fn(&mut Edits, Claim, bool),
) {
    let ClaimFields { claim, of, .. } = *fields;
    let suffix = of.suffix();
    let id = &resolved.entry.id;
    if resolved.requires.contains(&Particular::QualifiedPerson) {
        widgets::section(
            ui,
            &format!("The qualified person's opinion — {id}{suffix}"),
        );
        let person = claim.qualified_person.clone();
        let mut name = person.as_ref().map(|p| p.name.clone()).unwrap_or_default();
        if widgets::text_field(
            ui,
            &format!("Who gave the opinion, as the letter should name them — {id}{suffix}"),
            &mut name,
        )
        .changed()
        {
            update(
                edits,
                Claim {
                    qualified_person: Some(QualifiedPerson {
                        name,
                        opinion_on: person.as_ref().and_then(|p| p.opinion_on),
                    }),
                    ..claim.clone()
                },
                true,
            );
        }
        if let Some(date) = widgets::date_field(
            ui,
            "Date of the opinion",
            &format!("opinion-{}-{:?}-{}", fields.index, of, fields.claim_index),
            person.as_ref().and_then(|p| p.opinion_on),
        ) {
            update(
                edits,
                Claim {
                    qualified_person: Some(QualifiedPerson {
                        name: person.map(|p| p.name).unwrap_or_default(),
                        opinion_on: date,
                    }),
                    ..claim.clone()
                },
                false,
            );
        }
    }
    if resolved.requires.contains(&Particular::Completion) {
        widgets::section(
            ui,
            &format!("Material still being completed — {id}{suffix}"),
        );
        let completion = claim.completion.clone().unwrap_or_default();
        let mut by = completion.completed_by.clone().unwrap_or_default();
        if widgets::text_field(
            ui,
            &format!("Another authority completing it (blank: we are) — {id}{suffix}"),
            &mut by,
        )
        .changed()
        {
            update(
                edits,
                Claim {
                    completion: Some(Completion {
                        completed_by: Some(by).filter(|b| !b.trim().is_empty()),
                        ..completion.clone()
                    }),
                    ..claim.clone()
                },
                true,
            );
        }
        let mut expected = completion.expected.clone().unwrap_or_default();
        if widgets::text_field(
            ui,
            &format!(
                "Expected to be finished by, e.g. \"the end of March 2027\" (blank: not known) — {id}{suffix}"
            ),
            &mut expected,
        )
        .changed()
        {
            update(
                edits,
                Claim {
                    completion: Some(Completion {
                        expected: Some(expected).filter(|e| !e.trim().is_empty()),
                        ..completion.clone()
                    }),
                    ..claim.clone()
                },
                true,
            );
        }
        if claim.completion.is_none() {
            widgets::hint(
                ui,
                "Nothing is recorded yet: fill in a field above, or confirm with the button that we are completing it and cannot yet say when.",
            );
        }
        if claim.completion.is_none()
            && ui
                .button(format!(
                    "We are completing it and the date is not known{suffix}"
                ))
                .clicked()
        {
            update(
                edits,
                Claim {
                    completion: Some(Completion::default()),
                    ..claim.clone()
                },
                false,
            );
        }
    }
    if resolved.requires.contains(&Particular::LegitimateInterests) {
        widgets::section(
            ui,
            &format!("The legitimate interests test (UK GDPR Article 6(1)(f)) — {id}{suffix}"),
        );
        let test = claim.legitimate_interests.clone().unwrap_or_default();
        let steps = [
            (
                "1. The legitimate interest in disclosure",
                test.interest.clone(),
            ),
            (
                "2. Is disclosure necessary to meet it?",
                test.necessity.clone(),
            ),
            (
                "3. Does it outweigh the person's interests, rights and freedoms?",
                test.balance.clone(),
            ),
        ];
        for (step, (label, value)) in steps.into_iter().enumerate() {
            let mut text = value;
            if widgets::text_area(ui, &format!("{label} — {id}{suffix}"), &mut text, 2).changed()
            {
                let mut updated = test.clone();
                match step {
                    0 => updated.interest = text,
                    1 => updated.necessity = text,
                    _ => updated.balance = text,
                }
                update(
                    edits,
                    Claim {
                        legitimate_interests: Some(updated),
                        ..claim.clone()
                    },
                    true,
                );
            }
        }
    }
}
