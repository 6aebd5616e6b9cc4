//! "What the requester learns": for a question of a case, the response under
//! each possible answer and what an informed requester, or many requesters
//! writing to many authorities, could infer from it. Derived from the
//! decision, for caseworkers and trainers.

use super::case::{Case, Decision, Question};
use super::catalogue::Catalogues;
use super::scenarios::{Answer, Outcome};

/// What the question is about, in words that fit after "information about".
fn subject_of(question: &Question) -> String {
    match &question.decision {
        Decision::Ncnd { scope, .. } if !scope.trim().is_empty() => scope.trim().to_string(),
        _ => {
            let text = question.text.trim().trim_end_matches(['?', '.']);
            format!(
                "the subject of question {} (\"{}\")",
                question.number,
                super::text::ellipsis(text, 80)
            )
        }
    }
}

/// The three possible answers to a question and what each reveals.
pub fn outcomes(case: &Case, question: &Question) -> Vec<Outcome> {
    let subject = subject_of(question);
    let catalogue = Catalogues::bundled().get(case.regime);
    let provisions: Vec<String> = question
        .decision
        .claims()
        .iter()
        .filter_map(|c| catalogue.ncnd_provision_for(&c.exemption))
        .map(|e| e.cite.clone())
        .collect();
    let harm: Vec<String> = question
        .decision
        .claims()
        .iter()
        .filter_map(|c| c.harm.clone())
        .filter(|h| !h.trim().is_empty())
        .collect();
    let why = if harm.is_empty() {
        String::new()
    } else {
        format!(" The harm the authority identified: {}", harm.join(" "))
    };
    let ncnd_response = if provisions.is_empty() {
        format!("We can neither confirm nor deny whether we hold information about {subject}.")
    } else {
        format!(
            "We can neither confirm nor deny whether we hold information about {subject}, by virtue of {}.",
            provisions.join(" and ")
        )
    };
    vec![
        Outcome {
            answer: Answer::Held,
            response: format!("We hold information about {subject}{}.", if question.decision.claims().is_empty() { String::new() } else { ", and it is exempt".into() }),
            inference: format!(
                "The requester now knows that {subject} exists or existed, even if every detail is withheld.{why}"
            ),
            mosaic: format!(
                "Asked of every similar authority, \"held\" answers mark where {subject} exists; together with the \"not held\" answers they map it."
            ),
        },
        Outcome {
            answer: Answer::NotHeld,
            response: format!("We do not hold information about {subject}."),
            inference: format!(
                "The requester now knows that {subject} does not exist here: a gap that anyone wishing to avoid it can use.{why}"
            ),
            mosaic: "Compared across authorities, the \"not held\" answers show exactly where the gaps are.".into(),
        },
        Outcome {
            answer: Answer::Ncnd,
            response: format!("{ncnd_response} This response should not be taken as an indication of whether or not information is held."),
            inference: "Nothing: the same response is given whether or not the information exists, so the requester cannot tell which is true.".into(),
            mosaic: "Provided every authority answers the same way every time, comparing answers reveals nothing. One authority that confirms or denies breaks the pattern for all.".into(),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::case_file::parse_case;

    #[test]
    fn the_ncnd_outcome_reveals_nothing_and_names_the_provisions() {
        let case =
            parse_case(include_str!("../../assets/samples/ai-in-policing.case.ron")).unwrap();
        let outcomes = outcomes(&case, &case.questions[4]);
        assert_eq!(outcomes.len(), 3);
        let ncnd = outcomes.iter().find(|o| o.answer == Answer::Ncnd).unwrap();
        assert!(
            ncnd.response.contains("section 24(2) and section 31(3)"),
            "{}",
            ncnd.response
        );
        assert!(ncnd.inference.starts_with("Nothing"));
        let held = outcomes.iter().find(|o| o.answer == Answer::Held).unwrap();
        assert!(
            held.inference
                .contains("any covert use of facial recognition technology exists")
        );
        assert!(
            held.inference.contains("covert capability"),
            "the authority's own harm text is used"
        );
    }
}
