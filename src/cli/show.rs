//! `foi-drafter show`: a case as a caseworker would glance at it.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{CliResult, EXIT_OK};
use crate::core::calendar::{CaseDates, HolidayCalendar, case_dates, weekday_name};
use crate::core::case::{Case, Claim, Decision, WholeRequestRefusal};
use crate::core::text::wrap;
use crate::session::files::load_case;

/// Arguments of `show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The case file.
    #[arg(value_name = "CASE")]
    pub case: PathBuf,
}

/// Runs `show`.
pub fn run(args: &ShowArgs, out: &mut dyn Write) -> CliResult {
    let case = load_case(&args.case)?;
    let holidays = HolidayCalendar::bundled();
    out.write_all(render_summary(&case, case_dates(&holidays, &case).ok().as_ref()).as_bytes())?;
    Ok(EXIT_OK)
}

const WIDTH: usize = 88;

fn claim_line(claim: &Claim) -> String {
    let mut parts = vec![claim.exemption.clone()];
    if let Some(likelihood) = claim.likelihood {
        parts.push(likelihood.phrase().to_string());
    }
    parts.push(
        if claim.harm.as_deref().is_some_and(|h| !h.trim().is_empty()) {
            "harm stated".into()
        } else {
            "no harm text".into()
        },
    );
    match &claim.public_interest {
        Some(pit) => parts.push(format!(
            "public interest test: {} for disclosure, {} for the exemption{}",
            pit.favouring_disclosure.len(),
            pit.favouring_exemption.len(),
            if pit.conclusion.trim().is_empty() {
                ", no conclusion"
            } else {
                ", concluded"
            }
        )),
        None => parts.push("no public interest test".into()),
    }
    parts.join("; ")
}

/// The summary text `show` prints.
pub fn render_summary(case: &Case, dates: Option<&CaseDates>) -> String {
    let mut s = String::new();
    let subject = if case.subject.trim().is_empty() {
        "(no subject)"
    } else {
        case.subject.trim()
    };
    s.push_str(&format!("{}  {}\n", case.reference, subject));
    s.push_str(&format!(
        "  Regime:     {} ({})\n",
        case.regime.short_name(),
        case.regime.law_title()
    ));
    s.push_str(&format!(
        "  Received:   {} ({})\n",
        case.received_on,
        weekday_name(case.received_on)
    ));
    match dates {
        Some(dates) => match (&dates.clock.stopped, dates.due()) {
            (Some(stop), _) => s.push_str(&format!("  Due:        {}\n", stop.describe())),
            (None, Some(due)) => {
                s.push_str(&format!("  Due:        {} ({})\n", due, weekday_name(due)))
            }
            (None, None) => {}
        },
        None => s.push_str(
            "  Due:        outside the bank holiday data; see `foi-drafter deadline --case`\n",
        ),
    }
    match case.responded_on {
        Some(date) => s.push_str(&format!(
            "  Responded:  {} ({})\n",
            date,
            weekday_name(date)
        )),
        None => s.push_str("  Responded:  not yet\n"),
    }
    let requester = match (case.requester.name.trim(), case.requester.contact.trim()) {
        ("", "") => "(not recorded)".to_string(),
        (name, "") => name.to_string(),
        ("", contact) => contact.to_string(),
        (name, contact) => format!("{name} <{contact}>"),
    };
    s.push_str(&format!("  Requester:  {requester}\n"));
    if case.events.is_empty() {
        s.push_str("  Events:     none\n");
    } else {
        for (index, event) in case.events.iter().enumerate() {
            let label = if index == 0 {
                "  Events:     "
            } else {
                "              "
            };
            s.push_str(&format!("{label}{}\n", event.label()));
        }
    }
    if let Some(refusal) = &case.whole_request {
        s.push_str(&format!("  Whole request refused: {}\n", refusal.label()));
        match refusal {
            WholeRequestRefusal::CostLimit {
                estimate_hours,
                explanation,
                advice,
                ..
            } => {
                s.push_str(&format!("    estimate: {estimate_hours} hours\n"));
                s.push_str(&wrap(explanation, WIDTH - 4, "    "));
                if let Some(advice) = advice {
                    s.push_str(&wrap(&format!("Advice: {advice}"), WIDTH - 4, "    "));
                }
            }
            WholeRequestRefusal::Vexatious { explanation, .. } => {
                s.push_str(&wrap(explanation, WIDTH - 4, "    "));
            }
            WholeRequestRefusal::Repeated {
                explanation,
                earlier_reference,
            } => {
                if let Some(earlier) = earlier_reference {
                    s.push_str(&format!("    repeats {earlier}\n"));
                }
                s.push_str(&wrap(explanation, WIDTH - 4, "    "));
            }
        }
    }
    s.push_str(&format!("\nQuestions ({}):\n", case.questions.len()));
    for question in &case.questions {
        s.push_str(&format!(
            "\n  Q{} [{}]\n",
            question.number,
            question.decision.kind().label()
        ));
        s.push_str(&wrap(&question.text, WIDTH - 6, "      "));
        match &question.decision {
            Decision::Undecided => {}
            Decision::Disclose { answer } => {
                s.push_str(&wrap(&format!("Answer: {answer}"), WIDTH - 6, "      "));
            }
            Decision::PartDisclose { answer, .. } => {
                s.push_str(&wrap(&format!("Answer: {answer}"), WIDTH - 6, "      "));
            }
            Decision::Withhold { .. } => {}
            Decision::NotHeld { explanation, .. } => {
                s.push_str(&wrap(
                    &format!("Not held: {explanation}"),
                    WIDTH - 6,
                    "      ",
                ));
            }
            Decision::Ncnd { scope, held, .. } => {
                s.push_str(&wrap(
                    &format!("Neither confirm nor deny: {scope}"),
                    WIDTH - 6,
                    "      ",
                ));
                let note = match held {
                    Some(true) => "held",
                    Some(false) => "not held",
                    None => "not recorded",
                };
                s.push_str(&format!("      Private note (never exported): {note}\n"));
            }
        }
        for claim in question.decision.claims() {
            s.push_str(&wrap(
                &format!("Claim: {}", claim_line(claim)),
                WIDTH - 6,
                "      ",
            ));
        }
        if let Some(advice) = question.decision.advice() {
            s.push_str(&wrap(&format!("Advice: {advice}"), WIDTH - 6, "      "));
        }
    }
    s
}
