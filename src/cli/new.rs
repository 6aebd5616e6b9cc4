//! `foi-drafter new`: a case file from a request as received.

use std::io::{Read, Write};
use std::path::PathBuf;

use clap::Args;
use jiff::civil::Date;

use super::{CliError, CliResult, EXIT_OK, parse_date_arg, parse_regime_arg, today};
use crate::core::case::{Case, Regime};
use crate::core::splitter::fill_case_from_request;
use crate::core::text::{TextEncoding, decode_text, ellipsis};
use crate::session::files::{self, Overwrite, describe_io};

/// Largest request text accepted (a long request with quoted history is tens of kilobytes).
const MAX_REQUEST_BYTES: u64 = 16 * 1024 * 1024;

/// Arguments of `new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The request as received (a text file; `-` reads standard input).
    #[arg(long = "from-text", value_name = "FILE")]
    pub from_text: Option<PathBuf>,
    /// Where to write the case file (`*.case.ron`).
    #[arg(short = 'o', long = "output", value_name = "CASE")]
    pub output: PathBuf,
    /// The access regime.
    #[arg(long, value_name = "REGIME", default_value = "foia", value_parser = parse_regime_arg)]
    pub regime: Regime,
    /// The day the request was received, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    pub received: Option<Date>,
    /// The authority's reference (default: the output file's name).
    #[arg(long, value_name = "REF")]
    pub reference: Option<String>,
    /// A short subject (default: the email's subject line, if pasted).
    #[arg(long, value_name = "TEXT")]
    pub subject: Option<String>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Reads the request text from a file or standard input.
fn read_request(source: &PathBuf) -> Result<(String, TextEncoding), CliError> {
    let mut bytes = Vec::new();
    if source.as_os_str() == "-" {
        std::io::stdin()
            .take(MAX_REQUEST_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| {
                CliError(format!(
                    "standard input: cannot read the request: {}",
                    describe_io(&e)
                ))
            })?;
    } else {
        let file = std::fs::File::open(source).map_err(|e| {
            CliError(format!(
                "{}: cannot read the request: {}",
                source.display(),
                describe_io(&e)
            ))
        })?;
        file.take(MAX_REQUEST_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| {
                CliError(format!(
                    "{}: cannot read the request: {}",
                    source.display(),
                    describe_io(&e)
                ))
            })?;
    }
    if bytes.len() as u64 > MAX_REQUEST_BYTES {
        return Err(CliError(format!(
            "{}: the request is larger than {} MB; is it really a request text?",
            source.display(),
            MAX_REQUEST_BYTES / 1_000_000
        )));
    }
    Ok(decode_text(&bytes))
}

/// The default reference: the output file name without `.case.ron`.
fn reference_from_path(path: &std::path::Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name
        .strip_suffix(".case.ron")
        .or_else(|| name.strip_suffix(".ron"))
        .unwrap_or(&name);
    stem.to_string()
}

/// Builds the case from the arguments and the (optional) request text.
pub fn build_case(args: &NewArgs, request: Option<&str>, received_default: Date) -> Case {
    let reference = args
        .reference
        .clone()
        .unwrap_or_else(|| reference_from_path(&args.output));
    let mut case = Case::new(
        reference,
        args.regime,
        args.received.unwrap_or(received_default),
    );
    case.subject = args.subject.clone().unwrap_or_default();
    if let Some(text) = request {
        fill_case_from_request(&mut case, text);
    }
    case
}

/// Runs `new`.
pub fn run(args: &NewArgs, out: &mut dyn Write) -> CliResult {
    if !args.force && args.output.exists() {
        return Err(CliError(format!(
            "{}: the file already exists; choose another name or pass --force to replace it",
            args.output.display()
        )));
    }
    let request = match &args.from_text {
        Some(source) => {
            let (text, encoding) = read_request(source)?;
            if encoding == TextEncoding::Windows1252 {
                eprintln!(
                    "foi-drafter: {}: the text is not UTF-8; read it as Windows-1252 (check any accented letters)",
                    source.display()
                );
            }
            if text.trim().is_empty() {
                return Err(CliError(format!(
                    "{}: the request text is empty; paste the request as received",
                    source.display()
                )));
            }
            Some(text)
        }
        None => None,
    };
    let case = build_case(args, request.as_deref(), today());
    let overwrite = if args.force {
        Overwrite::Replace
    } else {
        Overwrite::Refuse
    };
    files::save_case(&args.output, &case, overwrite)?;

    writeln!(
        out,
        "Created {} ({}, {}, received {}) with {} question{}:",
        args.output.display(),
        case.reference,
        case.regime.short_name(),
        case.received_on,
        case.questions.len(),
        if case.questions.len() == 1 { "" } else { "s" }
    )?;
    for question in &case.questions {
        writeln!(
            out,
            "  Q{}  {}",
            question.number,
            ellipsis(&question.text, 90)
        )?;
    }
    Ok(EXIT_OK)
}
