//! `foi-drafter check`: the legal checks, grouped by question.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use jiff::civil::Date;

use super::{CliError, CliResult, EXIT_FINDINGS, EXIT_OK, parse_date_arg, today};
use crate::core::rules::{Assessment, Code, Place, Stage};
use crate::session::files::load_case;
use crate::session::holidays::load_holidays;
use crate::session::letter::LetterSetup;
use crate::session::settings::{load_library, load_ncnd_words, load_profile, load_public_record};

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// One line per finding.
    Text,
    /// A JSON array of findings.
    Json,
}

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The case file.
    #[arg(value_name = "CASE", required_unless_present = "explain")]
    pub case: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: CheckFormat,
    /// The date to check deadlines against (default: today).
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    pub today: Option<Date>,
    /// Treat the case as a draft: undecided questions are noted, not blocking.
    #[arg(long)]
    pub draft: bool,
    /// A newer GOV.UK bank-holidays.json.
    #[arg(long, value_name = "FILE")]
    pub holidays: Option<PathBuf>,
    /// Authority profile (for the cost limit and the composed letter).
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// Team paragraph library folder.
    #[arg(long, value_name = "DIR")]
    pub library: Option<PathBuf>,
    /// Print the long explanation of a finding code and exit.
    #[arg(long, value_name = "CODE")]
    pub explain: Option<String>,
}

/// Runs `check`.
pub fn run(args: &CheckArgs, out: &mut dyn Write) -> CliResult {
    if let Some(code) = &args.explain {
        let Some(code) = Code::parse(code) else {
            let known: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
            return Err(CliError(format!(
                "unknown finding code \"{code}\"; expected one of {}",
                known.join(", ")
            )));
        };
        let info = code.info();
        writeln!(out, "{}: {}", code, info.title)?;
        writeln!(out, "Law: {}", info.law)?;
        writeln!(out)?;
        out.write_all(crate::core::text::wrap(&info.explanation, 80, "").as_bytes())?;
        return Ok(EXIT_OK);
    }
    let Some(path) = &args.case else {
        return Err(CliError("give a case file to check".into()));
    };
    let case = load_case(path)?;
    let profile = load_profile(args.profile.as_deref())?;
    let setup = LetterSetup {
        holidays: load_holidays(args.holidays.as_deref())?,
        library: load_library(args.library.as_deref()).map_err(CliError)?,
        profile,
        ncnd_words: load_ncnd_words(None).map_err(CliError)?,
        public_record: load_public_record(None).map_err(CliError)?,
    };
    let today = args.today.unwrap_or_else(today);
    let stage = if args.draft {
        Stage::Drafting
    } else {
        Stage::Final
    };
    let letter_date = case.responded_on.unwrap_or(today);
    let assessment = setup.final_check(&case, today, letter_date, stage);
    match args.format {
        CheckFormat::Text => write_text(out, &assessment)?,
        CheckFormat::Json => write_json(out, &assessment)?,
    }
    Ok(if assessment.has_blocking() {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

fn place_label(place: Place) -> String {
    match place {
        Place::Case => "Case".into(),
        Place::WholeRequest => "Request".into(),
        Place::Question(n) | Place::Claim(n, _) => format!("Q{n}"),
    }
}

fn write_text(out: &mut dyn Write, assessment: &Assessment) -> std::io::Result<()> {
    if assessment.findings.is_empty() {
        writeln!(out, "No findings: the case passes every check.")?;
        return Ok(());
    }
    for finding in &assessment.findings {
        writeln!(
            out,
            "{} {} {}: {}",
            place_label(finding.place),
            finding.severity.label(),
            finding.code,
            finding.message
        )?;
    }
    writeln!(
        out,
        "{} blocking, {} warning{}, {} note{}",
        assessment.count(crate::core::rules::Severity::Blocking),
        assessment.count(crate::core::rules::Severity::Warning),
        if assessment.count(crate::core::rules::Severity::Warning) == 1 {
            ""
        } else {
            "s"
        },
        assessment.count(crate::core::rules::Severity::Info),
        if assessment.count(crate::core::rules::Severity::Info) == 1 {
            ""
        } else {
            "s"
        },
    )?;
    Ok(())
}

fn write_json(out: &mut dyn Write, assessment: &Assessment) -> std::io::Result<()> {
    let items: Vec<serde_json::Value> = assessment
        .findings
        .iter()
        .map(|f| {
            serde_json::json!({
                "code": f.code.as_str(),
                "severity": f.severity.label(),
                "question": f.question(),
                "claim": match f.place { Place::Claim(_, i) => Some(i), _ => None },
                "message": f.message,
                "explanation": f.explanation(),
            })
        })
        .collect();
    writeln!(
        out,
        "{}",
        serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into())
    )
}
