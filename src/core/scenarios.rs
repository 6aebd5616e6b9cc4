//! Training scenarios for teaching "neither confirm nor deny": a request, the
//! facts the authority knows, what a requester learns from each possible
//! answer, teaching points, a quiz and the model answer. Bundled under
//! `assets/scenarios/`; trainers can load a folder of their own.

use std::collections::BTreeSet;

use serde::Deserialize;

use super::case::Regime;
use super::catalogue::Catalogues;
use super::rules::Code;

/// The three answers an authority could give to "do you hold…?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum Answer {
    /// "We hold information…"
    Held,
    /// "We do not hold information…"
    NotHeld,
    /// "We neither confirm nor deny…"
    Ncnd,
}

impl Answer {
    /// Every answer, in teaching order.
    pub const ALL: [Answer; 3] = [Answer::Held, Answer::NotHeld, Answer::Ncnd];

    /// A column heading.
    pub fn label(self) -> &'static str {
        match self {
            Answer::Held => "If we confirm we hold it",
            Answer::NotHeld => "If we say we do not hold it",
            Answer::Ncnd => "If we neither confirm nor deny",
        }
    }
}

/// What a requester learns from one possible answer.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Which answer.
    pub answer: Answer,
    /// The response the requester would receive, in brief.
    pub response: String,
    /// What one informed requester could infer from it.
    pub inference: String,
    /// What requesters writing to many authorities could piece together.
    #[serde(default)]
    pub mosaic: String,
}

/// One option of a quiz question.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizOption {
    /// The option as shown.
    pub text: String,
    /// True for a right answer.
    pub correct: bool,
    /// Feedback shown when chosen.
    pub feedback: String,
    /// A finding code whose explanation backs up the feedback.
    #[serde(default)]
    pub explain: Option<String>,
}

/// A question put to trainees.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizQuestion {
    /// The question.
    pub prompt: String,
    /// The options.
    pub options: Vec<QuizOption>,
}

/// The model answer.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelAnswer {
    /// The right response.
    pub answer: Answer,
    /// The provisions relied on (catalogue ids), if any.
    #[serde(default)]
    pub provisions: Vec<String>,
    /// For NCND: what is neither confirmed nor denied.
    #[serde(default)]
    pub scope: String,
    /// The reasoning, as a trainer would give it.
    pub reasoning: String,
}

/// A training scenario.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Stable id (also the file name).
    pub id: String,
    /// Title for the scenario list.
    pub title: String,
    /// The regime the request falls under.
    pub regime: Regime,
    /// The kind of authority (a police force, a council…).
    pub authority: String,
    /// The request as received.
    pub request: String,
    /// Facts known to the authority (the truth behind the answer).
    pub facts: Vec<String>,
    /// What a requester learns from each possible answer.
    pub outcomes: Vec<Outcome>,
    /// Points the trainer draws out.
    pub teaching_points: Vec<String>,
    /// Questions for trainees.
    #[serde(default)]
    pub quiz: Vec<QuizQuestion>,
    /// The model answer.
    pub model_answer: ModelAnswer,
}

impl Scenario {
    /// The outcome for an answer.
    pub fn outcome(&self, answer: Answer) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| o.answer == answer)
    }
}

/// The bundled scenario files: (file name, text).
pub const BUNDLED_FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/scenario_files.rs"));

/// A problem in a scenario file: located and shown exactly like a problem in
/// a paragraph file (`file:line:column: message`).
pub type ScenarioProblem = super::paragraphs::LibraryProblem;

/// Parses one scenario file.
pub fn parse(file: &str, text: &str) -> Result<Scenario, ScenarioProblem> {
    ron::from_str::<Scenario>(text).map_err(|e| ScenarioProblem {
        file: file.to_string(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })
}

/// Checks scenario files: each parses, ids are unique, every possible answer
/// is described, provisions exist in the regime's catalogue, every quiz
/// question has a right answer and finding codes exist.
pub fn validate(files: &[(String, String)], catalogues: &Catalogues) -> Vec<ScenarioProblem> {
    let mut problems = Vec::new();
    let mut ids = BTreeSet::new();
    for (file, text) in files {
        let scenario = match parse(file, text) {
            Ok(s) => s,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        let mut problem = |message: String| {
            problems.push(ScenarioProblem {
                file: file.clone(),
                line: 0,
                column: 0,
                message,
            });
        };
        if !ids.insert(scenario.id.clone()) {
            problem(format!("scenario id \"{}\" is used twice", scenario.id));
        }
        for answer in Answer::ALL {
            if scenario.outcome(answer).is_none() {
                problem(format!("no outcome for the answer {answer:?}"));
            }
        }
        let catalogue = catalogues.get(scenario.regime);
        for id in &scenario.model_answer.provisions {
            if catalogue.find(id).is_none() {
                problem(format!(
                    "model answer cites \"{id}\", which is not in the {} catalogue",
                    scenario.regime.short_name()
                ));
            }
        }
        if scenario.model_answer.answer == Answer::Ncnd
            && scenario.model_answer.scope.trim().is_empty()
        {
            problem("an NCND model answer needs a scope".into());
        }
        for (index, question) in scenario.quiz.iter().enumerate() {
            if !question.options.iter().any(|o| o.correct) {
                problem(format!("quiz question {} has no right answer", index + 1));
            }
            for option in &question.options {
                if let Some(code) = &option.explain
                    && Code::parse(code).is_none()
                {
                    problem(format!(
                        "quiz option explains with unknown finding code \"{code}\""
                    ));
                }
            }
        }
        if scenario.teaching_points.is_empty() {
            problem("no teaching points".into());
        }
    }
    problems
}

/// The bundled scenarios, in file order (files that fail to parse are skipped;
/// a test checks they all parse).
pub fn bundled() -> Vec<Scenario> {
    BUNDLED_FILES
        .iter()
        .filter_map(|(file, text)| parse(file, text).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Vec<(String, String)> {
        BUNDLED_FILES
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect()
    }

    #[test]
    fn every_bundled_scenario_validates() {
        let problems = validate(&files(), Catalogues::bundled());
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(problems.is_empty(), "{}", text.join("\n"));
    }

    #[test]
    fn at_least_ten_scenarios_cover_the_required_situations() {
        let scenarios = bundled();
        assert!(scenarios.len() >= 10, "{} scenarios", scenarios.len());
        let cites = |id: &str| {
            scenarios
                .iter()
                .any(|s| s.model_answer.provisions.iter().any(|p| p == id))
        };
        for id in [
            "s23(5)", "s24(2)", "s40(5B)", "s43(3)", "s38(2)", "s27(4)", "s30(3)", "s31(3)",
        ] {
            assert!(cites(id), "a scenario whose model answer cites {id}");
        }
        assert!(
            scenarios.iter().any(|s| s.regime == Regime::Eir
                && s.model_answer
                    .provisions
                    .iter()
                    .any(|p| p == "r12(6)" || p == "r12(5)(a)")),
            "an EIR reg 12(6) scenario"
        );
        assert!(
            scenarios
                .iter()
                .any(|s| s.model_answer.answer != Answer::Ncnd),
            "a scenario where NCND is wrong"
        );
        assert!(
            scenarios.iter().all(|s| !s.quiz.is_empty()),
            "every scenario has a quiz"
        );
    }

    #[test]
    fn validation_reports_missing_outcomes_and_unknown_provisions() {
        let text = r#"(
            id: "x", title: "X", regime: Foia, authority: "A council", request: "R", facts: [],
            outcomes: [(answer: Held, response: "r", inference: "i")],
            teaching_points: ["t"],
            quiz: [(prompt: "p", options: [(text: "o", correct: false, feedback: "f", explain: Some("nonsense"))])],
            model_answer: (answer: Ncnd, provisions: ["s99(9)"], reasoning: "r"),
        )"#;
        let problems: Vec<String> =
            validate(&[("x.ron".into(), text.into())], Catalogues::bundled())
                .iter()
                .map(ToString::to_string)
                .collect();
        for expected in [
            "no outcome for the answer NotHeld",
            "\"s99(9)\", which is not in the FOIA catalogue",
            "needs a scope",
            "has no right answer",
            "unknown finding code \"nonsense\"",
        ] {
            assert!(
                problems.iter().any(|p| p.contains(expected)),
                "{expected} in {problems:?}"
            );
        }
    }
}
