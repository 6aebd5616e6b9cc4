//! Every change to a case is an [`Action`]. Applying one returns its inverse,
//! which is how undo and redo work: the session keeps inverses, never copies
//! of the whole case.

use jiff::civil::Date;

use crate::core::case::{
    Acknowledgement, Case, Decision, Event, NcndPart, Question, Regime, WholeRequestRefusal,
};

/// One change to a case.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Set the reference.
    SetReference(String),
    /// Set the regime.
    SetRegime(Regime),
    /// Set or clear the law the requester named, when it is not the regime.
    SetRequestedUnder(Option<Regime>),
    /// Set the received date.
    SetReceived(Date),
    /// Set or clear the response date.
    SetResponded(Option<Date>),
    /// Set the requester's name.
    SetRequesterName(String),
    /// Set the requester's address for correspondence.
    SetRequesterContact(String),
    /// Set the subject.
    SetSubject(String),
    /// Set the request text as received.
    SetRequestText(Option<String>),
    /// Replace all clock events.
    SetEvents(Vec<Event>),
    /// Set one question's text.
    SetQuestionText {
        /// Index in the question list.
        index: usize,
        /// The new text.
        text: String,
    },
    /// Set one question's decision.
    SetDecision {
        /// Index in the question list.
        index: usize,
        /// The new decision.
        decision: Decision,
    },
    /// Set or clear the part of a question neither confirmed nor denied.
    SetNcndPart {
        /// Index in the question list.
        index: usize,
        /// The new part.
        part: Option<NcndPart>,
    },
    /// Set the documents sent with a question's answer.
    SetEnclosures {
        /// Index in the question list.
        index: usize,
        /// One document per entry.
        enclosures: Vec<String>,
    },
    /// Insert a question (numbers are reassigned in order).
    InsertQuestion {
        /// Where it goes.
        index: usize,
        /// The question.
        question: Question,
    },
    /// Remove a question.
    RemoveQuestion {
        /// Its index.
        index: usize,
    },
    /// Move a question to another place.
    MoveQuestion {
        /// Where it is.
        from: usize,
        /// Where it goes.
        to: usize,
    },
    /// Replace every question (used for merge, split and re-splitting a request).
    SetQuestions(Vec<Question>),
    /// Set or clear the whole-request refusal.
    SetWholeRequest(Option<WholeRequestRefusal>),
    /// Replace the sentences acknowledged as safe by the NCND check.
    SetAcknowledged(Vec<Acknowledgement>),
    /// Several actions as one undo step.
    Batch(Vec<Action>),
}

/// Why an action could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActionError {
    /// The question index is out of range.
    #[error("there is no question at position {0}")]
    NoSuchQuestion(usize),
}

/// What an undo step is about, so consecutive edits of one field merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A case-level field, by action kind.
    Field(&'static str),
    /// A question's text.
    QuestionText(usize),
    /// A question's decision.
    Decision(usize),
    /// A question's partial NCND part.
    NcndPart(usize),
    /// A question's enclosures.
    Enclosures(usize),
    /// The whole-request refusal.
    WholeRequest,
    /// Anything structural: never merged.
    Structure,
}

impl Action {
    /// A short label for the Edit menu ("Undo change answer").
    pub fn label(&self) -> &'static str {
        match self {
            Action::SetReference(_) => "reference",
            Action::SetRegime(_) => "regime",
            Action::SetRequestedUnder(_) => "law the request named",
            Action::SetNcndPart { .. } => "part neither confirmed nor denied",
            Action::SetEnclosures { .. } => "enclosures",
            Action::SetReceived(_) => "received date",
            Action::SetResponded(_) => "response date",
            Action::SetRequesterName(_) => "requester name",
            Action::SetRequesterContact(_) => "requester address",
            Action::SetSubject(_) => "subject",
            Action::SetRequestText(_) => "request text",
            Action::SetEvents(_) => "clock events",
            Action::SetQuestionText { .. } => "question text",
            Action::SetDecision { .. } => "decision",
            Action::InsertQuestion { .. } => "add question",
            Action::RemoveQuestion { .. } => "delete question",
            Action::MoveQuestion { .. } => "move question",
            Action::SetQuestions(_) => "questions",
            Action::SetWholeRequest(_) => "whole-request refusal",
            Action::SetAcknowledged(_) => "acknowledged sentences",
            Action::Batch(_) => "changes",
        }
    }

    /// What the action edits, for merging typing into one undo step.
    pub fn target(&self) -> Target {
        match self {
            Action::SetReference(_) => Target::Field("reference"),
            Action::SetRequesterName(_) => Target::Field("requester name"),
            Action::SetRequesterContact(_) => Target::Field("requester contact"),
            Action::SetSubject(_) => Target::Field("subject"),
            Action::SetRequestText(_) => Target::Field("request text"),
            Action::SetQuestionText { index, .. } => Target::QuestionText(*index),
            Action::SetDecision { index, .. } => Target::Decision(*index),
            Action::SetNcndPart { index, .. } => Target::NcndPart(*index),
            Action::SetEnclosures { index, .. } => Target::Enclosures(*index),
            Action::SetWholeRequest(_) => Target::WholeRequest,
            Action::SetAcknowledged(_) => Target::Field("acknowledged"),
            _ => Target::Structure,
        }
    }

    /// Applies the action and returns the action that undoes it.
    pub fn apply_to(self, case: &mut Case) -> Result<Action, ActionError> {
        let inverse = match self {
            Action::SetReference(value) => {
                Action::SetReference(std::mem::replace(&mut case.reference, value))
            }
            Action::SetRegime(value) => {
                Action::SetRegime(std::mem::replace(&mut case.regime, value))
            }
            Action::SetRequestedUnder(value) => {
                Action::SetRequestedUnder(std::mem::replace(&mut case.requested_under, value))
            }
            Action::SetNcndPart { index, part } => {
                let question = case
                    .questions
                    .get_mut(index)
                    .ok_or(ActionError::NoSuchQuestion(index))?;
                Action::SetNcndPart {
                    index,
                    part: std::mem::replace(&mut question.ncnd_part, part),
                }
            }
            Action::SetEnclosures { index, enclosures } => {
                let question = case
                    .questions
                    .get_mut(index)
                    .ok_or(ActionError::NoSuchQuestion(index))?;
                Action::SetEnclosures {
                    index,
                    enclosures: std::mem::replace(&mut question.enclosures, enclosures),
                }
            }
            Action::SetReceived(value) => {
                Action::SetReceived(std::mem::replace(&mut case.received_on, value))
            }
            Action::SetResponded(value) => {
                Action::SetResponded(std::mem::replace(&mut case.responded_on, value))
            }
            Action::SetRequesterName(value) => {
                Action::SetRequesterName(std::mem::replace(&mut case.requester.name, value))
            }
            Action::SetRequesterContact(value) => {
                Action::SetRequesterContact(std::mem::replace(&mut case.requester.contact, value))
            }
            Action::SetSubject(value) => {
                Action::SetSubject(std::mem::replace(&mut case.subject, value))
            }
            Action::SetRequestText(value) => {
                Action::SetRequestText(std::mem::replace(&mut case.request_text, value))
            }
            Action::SetAcknowledged(value) => {
                Action::SetAcknowledged(std::mem::replace(&mut case.acknowledged, value))
            }
            Action::SetEvents(mut value) => {
                value.sort_by_key(Event::date);
                Action::SetEvents(std::mem::replace(&mut case.events, value))
            }
            Action::SetQuestionText { index, text } => {
                let question = case
                    .questions
                    .get_mut(index)
                    .ok_or(ActionError::NoSuchQuestion(index))?;
                Action::SetQuestionText {
                    index,
                    text: std::mem::replace(&mut question.text, text),
                }
            }
            Action::SetDecision { index, decision } => {
                let question = case
                    .questions
                    .get_mut(index)
                    .ok_or(ActionError::NoSuchQuestion(index))?;
                Action::SetDecision {
                    index,
                    decision: std::mem::replace(&mut question.decision, decision),
                }
            }
            Action::InsertQuestion { index, question } => {
                if index > case.questions.len() {
                    return Err(ActionError::NoSuchQuestion(index));
                }
                case.questions.insert(index, question);
                case.renumber_questions();
                Action::RemoveQuestion { index }
            }
            Action::RemoveQuestion { index } => {
                if index >= case.questions.len() {
                    return Err(ActionError::NoSuchQuestion(index));
                }
                let question = case.questions.remove(index);
                case.renumber_questions();
                Action::InsertQuestion { index, question }
            }
            Action::MoveQuestion { from, to } => {
                let len = case.questions.len();
                if from >= len {
                    return Err(ActionError::NoSuchQuestion(from));
                }
                if to >= len {
                    return Err(ActionError::NoSuchQuestion(to));
                }
                let question = case.questions.remove(from);
                case.questions.insert(to, question);
                case.renumber_questions();
                Action::MoveQuestion { from: to, to: from }
            }
            Action::SetQuestions(mut value) => {
                for (index, question) in value.iter_mut().enumerate() {
                    question.number = u32::try_from(index + 1).unwrap_or(u32::MAX);
                }
                Action::SetQuestions(std::mem::replace(&mut case.questions, value))
            }
            Action::SetWholeRequest(value) => {
                Action::SetWholeRequest(std::mem::replace(&mut case.whole_request, value))
            }
            Action::Batch(actions) => {
                let mut inverses = Vec::with_capacity(actions.len());
                for action in actions {
                    match action.apply_to(case) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(error) => {
                            // Roll back what was applied so the batch is all or nothing.
                            for inverse in inverses.into_iter().rev() {
                                let _ = inverse.apply_to(case);
                            }
                            return Err(error);
                        }
                    }
                }
                inverses.reverse();
                Action::Batch(inverses)
            }
        };
        Ok(inverse)
    }
}

/// Merges question `index` with the next one (texts joined on a new line).
pub fn merge_with_next(questions: &[Question], index: usize) -> Option<Vec<Question>> {
    if index + 1 >= questions.len() {
        return None;
    }
    let mut merged = questions.to_vec();
    let next = merged.remove(index + 1);
    let question = &mut merged[index];
    question.text = format!("{}\n{}", question.text.trim_end(), next.text.trim_start());
    if question.decision == Decision::Undecided {
        question.decision = next.decision;
    }
    Some(merged)
}

/// Splits question `index` at a line: lines before stay, lines from `line` on
/// become a new question after it.
pub fn split_at_line(questions: &[Question], index: usize, line: usize) -> Option<Vec<Question>> {
    let question = questions.get(index)?;
    let lines: Vec<&str> = question.text.lines().collect();
    if line == 0 || line >= lines.len() {
        return None;
    }
    let mut split = questions.to_vec();
    split[index].text = lines[..line].join("\n");
    split.insert(index + 1, Question::new(0, lines[line..].join("\n")));
    Some(split)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn case() -> Case {
        let mut case = Case::new("T", Regime::Foia, date(2026, 3, 2));
        case.questions = vec![
            Question::new(1, "One"),
            Question::new(2, "Two"),
            Question::new(3, "Three"),
        ];
        case
    }

    #[test]
    fn every_action_is_undone_by_its_inverse() {
        let actions = vec![
            Action::SetReference("NEW".into()),
            Action::SetRegime(Regime::Foisa),
            Action::SetRequestedUnder(Some(Regime::Foia)),
            Action::SetNcndPart {
                index: 1,
                part: Some(NcndPart {
                    scope: "any covert use".into(),
                    held: Some(true),
                    claims: vec![crate::core::case::Claim::new("s24(2)")],
                }),
            },
            Action::SetEnclosures {
                index: 2,
                enclosures: vec!["Annual report".into()],
            },
            Action::SetReceived(date(2026, 4, 1)),
            Action::SetResponded(Some(date(2026, 4, 20))),
            Action::SetRequesterName("A".into()),
            Action::SetRequesterContact("a@b.c".into()),
            Action::SetSubject("S".into()),
            Action::SetRequestText(Some("R".into())),
            Action::SetEvents(vec![Event::ClarificationSought {
                on: date(2026, 3, 3),
            }]),
            Action::SetQuestionText {
                index: 1,
                text: "Deux".into(),
            },
            Action::SetDecision {
                index: 0,
                decision: Decision::Disclose {
                    answer: "Yes".into(),
                },
            },
            Action::InsertQuestion {
                index: 3,
                question: Question::new(0, "Four"),
            },
            Action::RemoveQuestion { index: 0 },
            Action::MoveQuestion { from: 0, to: 2 },
            Action::SetQuestions(vec![Question::new(9, "Only")]),
            Action::SetWholeRequest(Some(WholeRequestRefusal::Vexatious {
                explanation: "X".into(),
                public_interest: None,
            })),
            Action::Batch(vec![
                Action::SetSubject("B".into()),
                Action::RemoveQuestion { index: 2 },
            ]),
        ];
        for action in actions {
            let original = case();
            let mut changed = original.clone();
            let inverse = action.clone().apply_to(&mut changed).unwrap();
            assert_ne!(changed, original, "{action:?} changed nothing");
            inverse.apply_to(&mut changed).unwrap();
            assert_eq!(changed, original, "{action:?} was not undone");
        }
    }

    #[test]
    fn a_failed_batch_changes_nothing() {
        let original = case();
        let mut changed = original.clone();
        let result = Action::Batch(vec![
            Action::SetSubject("B".into()),
            Action::RemoveQuestion { index: 9 },
        ])
        .apply_to(&mut changed);
        assert_eq!(result, Err(ActionError::NoSuchQuestion(9)));
        assert_eq!(changed, original);
    }

    #[test]
    fn questions_are_renumbered_after_structural_changes() {
        let mut c = case();
        Action::MoveQuestion { from: 2, to: 0 }
            .apply_to(&mut c)
            .unwrap();
        assert_eq!(
            c.questions
                .iter()
                .map(|q| (q.number, q.text.as_str()))
                .collect::<Vec<_>>(),
            vec![(1, "Three"), (2, "One"), (3, "Two")]
        );
    }

    #[test]
    fn merge_and_split_are_each_others_opposite() {
        let questions = case().questions;
        let merged = merge_with_next(&questions, 0).unwrap();
        assert_eq!(merged[0].text, "One\nTwo");
        assert_eq!(merged.len(), 2);
        let split = split_at_line(&merged, 0, 1).unwrap();
        assert_eq!(
            split.iter().map(|q| q.text.as_str()).collect::<Vec<_>>(),
            vec!["One", "Two", "Three"]
        );
        assert!(merge_with_next(&questions, 2).is_none());
        assert!(
            split_at_line(&questions, 0, 1).is_none(),
            "a one-line question cannot be split"
        );
    }
}
