//! `foi-drafter templates validate`: checks paragraph files.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{CliResult, EXIT_FINDINGS, EXIT_OK};
use crate::core::catalogue::Catalogues;
use crate::core::paragraphs::{BUNDLED_FILES, validate};
use crate::session::settings::read_ron_folder;

/// Arguments of `templates`.
#[derive(Debug, Args)]
pub struct TemplatesArgs {
    /// What to do.
    #[command(subcommand)]
    pub action: TemplatesAction,
}

/// Template actions.
#[derive(Debug, Subcommand)]
pub enum TemplatesAction {
    /// Check paragraph and scenario files: ids unique, placeholders known,
    /// exemptions in the catalogue, every scenario complete.
    Validate {
        /// A folder of paragraph files (default: the bundled library).
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// Runs `templates`.
pub fn run(args: &TemplatesArgs, out: &mut dyn Write) -> CliResult {
    match &args.action {
        TemplatesAction::Validate { dir } => {
            let files: Vec<(String, String)> = match dir {
                Some(dir) => read_ron_folder(dir)?,
                None => BUNDLED_FILES
                    .iter()
                    .map(|(name, text)| (format!("templates/paragraphs/{name}"), text.to_string()))
                    .collect(),
            };
            // Paragraph files are lists; scenario files are single scenarios.
            let (scenario_files, files): (Vec<_>, Vec<_>) = files
                .into_iter()
                .partition(|(_, text)| looks_like_scenario(text));
            let scenario_files: Vec<(String, String)> = match dir {
                Some(_) => scenario_files,
                None => crate::core::scenarios::BUNDLED_FILES
                    .iter()
                    .map(|(name, text)| (format!("assets/scenarios/{name}"), text.to_string()))
                    .collect(),
            };
            let mut problems: Vec<String> = validate(&files, Catalogues::bundled())
                .iter()
                .map(ToString::to_string)
                .collect();
            problems.extend(
                crate::core::scenarios::validate(&scenario_files, Catalogues::bundled())
                    .iter()
                    .map(ToString::to_string),
            );
            for problem in &problems {
                writeln!(out, "{problem}")?;
            }
            let paragraphs: usize = files
                .iter()
                .filter_map(|(name, text)| crate::core::paragraphs::parse_file(name, text).ok())
                .map(|p| p.len())
                .sum();
            writeln!(
                out,
                "{} paragraph file{}, {paragraphs} paragraph{}, {} scenario{}, {} problem{}",
                files.len(),
                if files.len() == 1 { "" } else { "s" },
                if paragraphs == 1 { "" } else { "s" },
                scenario_files.len(),
                if scenario_files.len() == 1 { "" } else { "s" },
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            )?;
            Ok(if problems.is_empty() {
                EXIT_OK
            } else {
                EXIT_FINDINGS
            })
        }
    }
}

/// A scenario file is one struct with a `model_answer`; a paragraph file is a list.
fn looks_like_scenario(text: &str) -> bool {
    let code: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    code.trim_start().starts_with('(') && code.contains("model_answer")
}
