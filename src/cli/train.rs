//! `foi-drafter train`: the NCND scenario library for trainers.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{CliError, CliResult, EXIT_OK};
use crate::core::catalogue::Catalogues;
use crate::core::scenarios::{Answer, Scenario, bundled, parse};
use crate::session::settings::read_ron_folder;

/// Arguments of `train`.
#[derive(Debug, Args)]
pub struct TrainArgs {
    /// The scenario to present (its id; see --list).
    #[arg(value_name = "SCENARIO")]
    pub scenario: Option<String>,
    /// List the scenarios.
    #[arg(long)]
    pub list: bool,
    /// Print the scenario as text instead of presenting it.
    #[arg(long)]
    pub text: bool,
    /// A folder of your own scenario files, added to the bundled ones.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

fn scenarios(dir: Option<&std::path::Path>) -> Result<Vec<Scenario>, CliError> {
    let mut all = bundled();
    if let Some(dir) = dir {
        let files = read_ron_folder(dir)?;
        let problems = crate::core::scenarios::validate(&files, Catalogues::bundled());
        if let Some(problem) = problems.first() {
            return Err(CliError(problem.to_string()));
        }
        for (file, text) in &files {
            let scenario = parse(file, text).map_err(|p| CliError(p.to_string()))?;
            all.retain(|s| s.id != scenario.id);
            all.push(scenario);
        }
    }
    Ok(all)
}

/// The scenario as a trainer's handout.
pub fn render_text(scenario: &Scenario) -> String {
    let wrap = |text: &str, indent: &str| crate::core::text::wrap(text, 78, indent);
    let mut out = format!(
        "{}\n{}\n{}\n\n",
        scenario.title,
        "=".repeat(scenario.title.chars().count()),
        scenario.authority
    );
    out.push_str("The request\n");
    out.push_str(&wrap(&scenario.request, "    "));
    out.push_str("\nWhat the authority knows\n");
    for fact in &scenario.facts {
        out.push_str(&wrap(&format!("- {fact}"), "  "));
    }
    for answer in Answer::ALL {
        if let Some(outcome) = scenario.outcome(answer) {
            out.push_str(&format!("\n{}\n", answer.label()));
            out.push_str(&wrap(&format!("Response: {}", outcome.response), "  "));
            out.push_str(&wrap(
                &format!("The requester learns: {}", outcome.inference),
                "  ",
            ));
            if !outcome.mosaic.is_empty() {
                out.push_str(&wrap(
                    &format!("Across many authorities: {}", outcome.mosaic),
                    "  ",
                ));
            }
        }
    }
    for (index, question) in scenario.quiz.iter().enumerate() {
        out.push_str(&format!("\nQuestion {} for the room\n", index + 1));
        out.push_str(&wrap(&question.prompt, "  "));
        for (option_index, option) in question.options.iter().enumerate() {
            let mark = if option.correct { "right" } else { "wrong" };
            out.push_str(&wrap(
                &format!(
                    "{}. {} ({mark}: {})",
                    option_index + 1,
                    option.text,
                    option.feedback
                ),
                "    ",
            ));
        }
    }
    out.push_str("\nTeaching points\n");
    for point in &scenario.teaching_points {
        out.push_str(&wrap(&format!("- {point}"), "  "));
    }
    out.push_str("\nModel answer\n");
    let model = &scenario.model_answer;
    if !model.provisions.is_empty() {
        out.push_str(&format!("  Provisions: {}\n", model.provisions.join(", ")));
    }
    if !model.scope.is_empty() {
        out.push_str(&wrap(&format!("Scope: {}", model.scope), "  "));
    }
    out.push_str(&wrap(&model.reasoning, "  "));
    out
}

/// Runs `train`.
pub fn run(args: &TrainArgs, out: &mut dyn Write) -> CliResult {
    let all = scenarios(args.dir.as_deref())?;
    if args.list || args.scenario.is_none() && args.text {
        for scenario in &all {
            writeln!(out, "{:<34} {}", scenario.id, scenario.title)?;
        }
        return Ok(EXIT_OK);
    }
    let scenario = match &args.scenario {
        Some(id) => Some(all.iter().find(|s| &s.id == id).ok_or_else(|| {
            let ids: Vec<&str> = all.iter().map(|s| s.id.as_str()).collect();
            CliError(format!(
                "unknown scenario \"{id}\"; expected one of {}",
                ids.join(", ")
            ))
        })?),
        None => None,
    };
    if args.text || !cfg!(feature = "gui") {
        match scenario {
            Some(scenario) => out.write_all(render_text(scenario).as_bytes())?,
            None => {
                for scenario in &all {
                    writeln!(out, "{:<34} {}", scenario.id, scenario.title)?;
                }
            }
        }
        return Ok(EXIT_OK);
    }
    present(scenario.map(|s| s.id.clone()), args.dir.clone())
}

#[cfg(feature = "gui")]
fn present(scenario: Option<String>, dir: Option<PathBuf>) -> CliResult {
    crate::ui::run_with(crate::ui::Launch::Train { scenario, dir })
        .map(|()| EXIT_OK)
        .map_err(CliError)
}

#[cfg(not(feature = "gui"))]
fn present(_scenario: Option<String>, _dir: Option<PathBuf>) -> CliResult {
    Ok(EXIT_OK)
}
