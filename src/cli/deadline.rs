//! `foi-drafter deadline`: statutory dates with their working shown.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use jiff::civil::Date;

use super::{CliError, CliResult, EXIT_OK, parse_date_arg, parse_regime_arg};
use crate::core::calendar::{
    CaseDates, Deadline, WorkingCalendar, add_working_days, case_dates, clock_rules, weekday_name,
};
use crate::core::case::Regime;
use crate::session::files::load_case;
use crate::session::holidays::load_holidays;

/// Arguments of `deadline`.
#[derive(Debug, Args)]
pub struct DeadlineArgs {
    /// The day the request was received (day 0), YYYY-MM-DD.
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg, required_unless_present = "case")]
    pub received: Option<Date>,
    /// The access regime.
    #[arg(long, value_name = "REGIME", default_value = "foia", value_parser = parse_regime_arg)]
    pub regime: Regime,
    /// Working days to count (default: the regime's response period, 20).
    #[arg(long, value_name = "N")]
    pub days: Option<u32>,
    /// List every skipped day with its name.
    #[arg(long)]
    pub explain: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// A newer GOV.UK bank-holidays.json to use for the years it covers.
    #[arg(long, value_name = "FILE")]
    pub holidays: Option<PathBuf>,
    /// Print every date of this case instead (response, extension, review).
    #[arg(long, value_name = "CASE", conflicts_with_all = ["received", "days"])]
    pub case: Option<PathBuf>,
}

/// Runs `deadline`.
pub fn run(args: &DeadlineArgs, out: &mut dyn Write) -> CliResult {
    let holidays = load_holidays(args.holidays.as_deref())?;
    if let Some(path) = &args.case {
        let case = load_case(path)?;
        let dates = case_dates(&holidays, &case)
            .map_err(|e| CliError(format!("{}: {e}", path.display())))?;
        if args.json {
            writeln!(out, "{}", serde_json::to_string_pretty(&dates)?)?;
        } else {
            write_case_dates(out, &dates, case.responded_on, args.explain)?;
        }
        return Ok(EXIT_OK);
    }
    let Some(received) = args.received else {
        return Err(CliError("give --received DATE or --case FILE".into()));
    };
    let rules = clock_rules(args.regime);
    let days = args.days.unwrap_or(rules.response_days);
    let calendar = WorkingCalendar::for_regime(&holidays, args.regime);
    let deadline = add_working_days(&calendar, received, days, &[])?;
    if args.json {
        let json = serde_json::json!({
            "due": deadline.due.to_string(),
            "received": received.to_string(),
            "days": days,
            "regime": args.regime.key(),
            "skipped": deadline.skipped,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
        return Ok(EXIT_OK);
    }
    writeln!(out, "{}", deadline.due)?;
    writeln!(
        out,
        "{} working days under {} after receipt on {} {} (day 0): due {} {}.",
        days,
        args.regime.short_name(),
        weekday_name(received),
        received,
        weekday_name(deadline.due),
        deadline.due
    )?;
    if args.explain {
        write_working(out, &deadline, &rules.working_days_basis)?;
    }
    Ok(EXIT_OK)
}

fn write_working(out: &mut dyn Write, deadline: &Deadline, basis: &str) -> std::io::Result<()> {
    writeln!(out, "Working days: {basis}.")?;
    if deadline.skipped.is_empty() {
        writeln!(out, "No days skipped.")?;
    } else {
        writeln!(out, "Skipped ({}):", deadline.skipped.len())?;
        for day in &deadline.skipped {
            writeln!(
                out,
                "  {} {:<9}  {}",
                day.date,
                weekday_name(day.date),
                day.reason
            )?;
        }
    }
    Ok(())
}

fn write_case_dates(
    out: &mut dyn Write,
    dates: &CaseDates,
    responded_on: Option<Date>,
    explain: bool,
) -> std::io::Result<()> {
    let rules = clock_rules(dates.regime);
    if let Some(stop) = &dates.clock.stopped {
        writeln!(out, "stopped")?;
        writeln!(out, "The response date cannot be set: {}.", stop.describe())?;
        return Ok(());
    }
    let Some(response) = &dates.response else {
        return Ok(());
    };
    let due = dates.due().unwrap_or(response.due);
    writeln!(out, "{due}")?;
    let start = match dates.clock.clarified_on {
        Some(on) => format!("clarification received on {on}"),
        None => format!("receipt on {}", dates.clock.received),
    };
    writeln!(
        out,
        "{}  response due: {} working days after {start} ({})",
        response.due, response.days, rules.response_basis
    )?;
    if explain {
        write_working(out, response, &rules.working_days_basis)?;
    }
    if let Some(extended) = &dates.extended {
        writeln!(
            out,
            "{}  extended response date: {} working days in all, as notified",
            extended.due, extended.days
        )?;
    }
    match (&dates.extension_limit, &rules.extension) {
        (Some(limit), Some(rule)) => writeln!(
            out,
            "{}  latest date any {} extension could reach ({} working days in all; {})",
            limit.due,
            rule.reason.label(),
            limit.days,
            rule.basis
        )?,
        _ => writeln!(
            out,
            "            no extension of time is available under {}",
            dates.regime.short_name()
        )?,
    }
    if let Some(request) = &dates.review_request {
        let from = match responded_on {
            Some(on) => format!("the response sent on {on}"),
            None => format!("a response on the due date {}", request.start),
        };
        writeln!(
            out,
            "{}  last day to ask for an internal review: {} working days after {from} ({})",
            request.due, request.days, rules.review_request_basis
        )?;
    }
    if let Some(answer) = &dates.review_answer {
        writeln!(
            out,
            "{}  review answer target if asked for on that last day: {} working days ({})",
            answer.due, answer.days, rules.review_answer_basis
        )?;
    }
    Ok(())
}
