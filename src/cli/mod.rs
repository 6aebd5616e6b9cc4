//! The command line. With no subcommand the GUI opens (when built with the
//! `gui` feature); each subcommand lives in its own file.

mod check;
mod deadline;
mod export;
mod new;
mod show;
mod templates;
mod train;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit code for success.
pub const EXIT_OK: u8 = 0;
/// Exit code when `check` finds blocking problems.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code for any error (bad input, unreadable file, refused overwrite).
pub const EXIT_ERROR: u8 = 2;

/// Drafts Freedom of Information responses and refusal notices.
#[derive(Debug, Parser)]
#[command(
    name = "foi-drafter",
    version,
    about = "Drafts UK Freedom of Information responses and refusal notices (FOIA, EIR, FOISA, EISR).",
    long_about = None,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; with none, the GUI opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A case file to open in the GUI.
    #[arg(value_name = "CASE")]
    pub case: Option<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a case file from a request as received (splits it into questions).
    New(new::NewArgs),
    /// Print a readable summary of a case.
    Show(show::ShowArgs),
    /// Check a case against the law (exit 0 clean, 1 blocking findings, 2 error).
    Check(check::CheckArgs),
    /// Export the response letter (DOCX, Markdown or text).
    Export(export::ExportArgs),
    /// Work with paragraph templates.
    Templates(templates::TemplatesArgs),
    /// Present or print NCND training scenarios.
    Train(train::TrainArgs),
    /// Compute a statutory deadline (first line: the due date, YYYY-MM-DD).
    Deadline(deadline::DeadlineArgs),
}

/// An error the command line reports: one line, then exit code 2.
#[derive(Debug)]
pub struct CliError(pub String);

impl<E: std::fmt::Display> From<E> for CliError {
    fn from(error: E) -> CliError {
        CliError(error.to_string())
    }
}

/// The result of a subcommand: an exit code, or an error to report.
pub type CliResult = Result<u8, CliError>;

/// Parses the command line and runs it. `main` calls only this.
pub fn main_entry() -> ExitCode {
    install_crash_message();
    let cli = Cli::parse();
    let outcome = match cli.command {
        Some(command) => run(command),
        None => open_gui(cli.case),
    };
    match outcome {
        Ok(code) => ExitCode::from(code),
        Err(CliError(message)) => {
            let _ = writeln!(std::io::stderr(), "foi-drafter: {message}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// Replaces Rust's panic output, whose message may quote case text (and so a
/// requester's details), with a message that names only the place in the code.
/// Set `FOI_DRAFTER_DEBUG=1` to see the full message when investigating.
fn install_crash_message() {
    if std::env::var_os("FOI_DRAFTER_DEBUG").is_some() {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map_or_else(String::new, |l| format!(" ({}:{})", l.file(), l.line()));
        let _ = writeln!(
            std::io::stderr(),
            "foi-drafter: stopped by an internal fault{place}. Unsaved work is in the autosave and is offered when you start again. Details are not shown because they may include personal data; run with FOI_DRAFTER_DEBUG=1 to see them."
        );
    }));
}

/// Runs one subcommand, writing to stdout.
pub fn run(command: Command) -> CliResult {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match command {
        Command::New(args) => new::run(&args, &mut out),
        Command::Show(args) => show::run(&args, &mut out),
        Command::Deadline(args) => deadline::run(&args, &mut out),
        Command::Check(args) => check::run(&args, &mut out),
        Command::Export(args) => export::run(&args, &mut out),
        Command::Templates(args) => templates::run(&args, &mut out),
        Command::Train(args) => train::run(&args, &mut out),
    }
}

#[cfg(feature = "gui")]
fn open_gui(case: Option<PathBuf>) -> CliResult {
    crate::ui::run(case)
        .map(|()| EXIT_OK)
        .map_err(CliError::from)
}

#[cfg(not(feature = "gui"))]
fn open_gui(_case: Option<PathBuf>) -> CliResult {
    use clap::CommandFactory;
    let mut help = Cli::command();
    let _ = help.print_help();
    println!("\n(This build has no GUI: it was built without the `gui` feature.)");
    Ok(EXIT_OK)
}

/// Today's date on this computer, for defaults such as the received date.
pub fn today() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

/// Parses an ISO date given on the command line.
pub fn parse_date_arg(text: &str) -> Result<jiff::civil::Date, String> {
    crate::core::case_file::iso_date::parse(text)
}

/// Parses a regime given on the command line.
pub fn parse_regime_arg(text: &str) -> Result<crate::core::case::Regime, String> {
    crate::core::case::Regime::from_key(text)
        .ok_or_else(|| format!("unknown regime \"{text}\"; expected one of foia, eir, foisa, eisr"))
}
