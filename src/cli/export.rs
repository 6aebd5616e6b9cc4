//! `foi-drafter export`: the response letter as DOCX, Markdown or text.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use jiff::civil::Date;

use super::{CliError, CliResult, EXIT_FINDINGS, EXIT_OK, parse_date_arg, today};
use crate::core::rules::Stage;
use crate::export::{Format, render};
use crate::session::files::{Overwrite, load_case, write_atomically};
use crate::session::holidays::load_holidays;
use crate::session::letter::LetterSetup;
use crate::session::settings::{load_library, load_ncnd_words, load_profile, load_public_record};

/// Export formats on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Word document.
    Docx,
    /// Markdown.
    Md,
    /// Plain text.
    Txt,
}

impl From<ExportFormat> for Format {
    fn from(format: ExportFormat) -> Format {
        match format {
            ExportFormat::Docx => Format::Docx,
            ExportFormat::Md => Format::Markdown,
            ExportFormat::Txt => Format::Text,
        }
    }
}

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The case file.
    #[arg(value_name = "CASE")]
    pub case: PathBuf,
    /// Where to write the letter.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
    /// Output format (default: from the output file's extension, else docx).
    #[arg(long, value_enum)]
    pub format: Option<ExportFormat>,
    /// Authority profile (default: authority.ron in the config folder).
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// Team paragraph library folder (default: paragraphs/ in the config folder).
    #[arg(long, value_name = "DIR")]
    pub library: Option<PathBuf>,
    /// A newer GOV.UK bank-holidays.json.
    #[arg(long, value_name = "FILE")]
    pub holidays: Option<PathBuf>,
    /// The date on the letter (default: the case's response date, else today).
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    pub date: Option<Date>,
    /// Export even with blocking findings; every page is marked DRAFT.
    #[arg(long)]
    pub draft: bool,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Replace the requester's name and contact details everywhere, for
    /// publication in a disclosure log.
    #[arg(long)]
    pub anonymise: bool,
}

/// Runs `export`.
pub fn run(args: &ExportArgs, out: &mut dyn Write) -> CliResult {
    let case = load_case(&args.case)?;
    let profile = load_profile(args.profile.as_deref())?;
    for warning in &profile.warnings {
        eprintln!("foi-drafter: warning: {warning}");
    }
    let setup = LetterSetup {
        holidays: load_holidays(args.holidays.as_deref())?,
        library: load_library(args.library.as_deref()).map_err(CliError)?,
        profile,
        ncnd_words: load_ncnd_words(None).map_err(CliError)?,
        public_record: load_public_record(None).map_err(CliError)?,
    };
    let letter_date = args.date.or(case.responded_on).unwrap_or_else(today);
    // The same checks as `check`, on the letter as it will be dated.
    let assessment = setup.final_check(&case, letter_date, letter_date, Stage::Final);
    let refusals = assessment.export_refusals();
    if !refusals.is_empty() && !args.draft {
        let mut message = format!(
            "{}: not exported: {} blocking finding{} (fix them, or pass --draft for a marked draft)",
            args.case.display(),
            refusals.len(),
            if refusals.len() == 1 { "" } else { "s" }
        );
        for finding in refusals {
            let place = finding
                .question()
                .map_or("Case".to_string(), |n| format!("Q{n}"));
            message.push_str(&format!(
                "\n  {place} {}: {}",
                finding.code, finding.message
            ));
        }
        eprintln!("foi-drafter: {message}");
        return Ok(EXIT_FINDINGS);
    }
    let format = args
        .format
        .map(Format::from)
        .or_else(|| Format::from_path(&args.output))
        .unwrap_or(Format::Docx);
    let mut document = setup.compose(&case, letter_date, args.draft);
    if args.anonymise {
        document.anonymise(&case.requester);
    }
    let bytes = render(&document, format, setup.profile.logo.as_deref())
        .map_err(|e| CliError(format!("{}: {e}", args.output.display())))?;
    let overwrite = if args.force {
        Overwrite::Replace
    } else {
        Overwrite::Refuse
    };
    write_atomically(&args.output, &bytes, overwrite)?;
    writeln!(
        out,
        "Exported {} ({}, {} KB{}{})",
        args.output.display(),
        format.label(),
        bytes.len().div_ceil(1024),
        if args.draft { ", marked DRAFT" } else { "" },
        if args.anonymise {
            ", requester anonymised"
        } else {
            ""
        }
    )?;
    Ok(EXIT_OK)
}
