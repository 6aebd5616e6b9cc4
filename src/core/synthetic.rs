//! Large, realistic cases built from the bundled sample, for benchmarks and
//! stress tests: the sample's seven decisions repeated with varied wording.

use super::case::{Case, Decision};
use super::case_file::parse_case;

const SAMPLE: &str = include_str!("../../assets/samples/ai-in-policing.case.ron");

/// A case with `questions` questions, cycling through the sample's decisions.
/// Each NCND scope and each answer gets its own number so that no two
/// questions are identical.
pub fn synthetic_case(questions: usize) -> Case {
    let Ok(sample) = parse_case(SAMPLE) else {
        return Case::new(
            "SYNTHETIC",
            super::case::Regime::Foia,
            jiff::civil::date(2026, 3, 2),
        );
    };
    let mut case = sample.clone();
    case.reference = format!("SYN-{questions}");
    case.questions = (0..questions)
        .map(|index| {
            let mut question = sample.questions[index % sample.questions.len()].clone();
            question.number = u32::try_from(index + 1).unwrap_or(u32::MAX);
            question.text = format!("{} (part {})", question.text, index + 1);
            match &mut question.decision {
                Decision::Ncnd { scope, .. } => {
                    *scope = format!("{scope} in operation {}", index + 1);
                }
                Decision::Disclose { answer } | Decision::PartDisclose { answer, .. } => {
                    answer.push_str(&format!(" Reference item {}.", index + 1));
                }
                _ => {}
            }
            question
        })
        .collect();
    case
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_cases_have_the_size_asked_for() {
        let case = synthetic_case(200);
        assert_eq!(case.questions.len(), 200);
        assert_eq!(case.questions[199].number, 200);
        assert_eq!(
            case.questions[4].decision.kind(),
            crate::core::case::DecisionKind::Ncnd
        );
    }
}
