//! Deadlines: counting working days with the working shown, and every date of a case.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use super::{CalendarError, HolidayCalendar, WorkingCalendar, clock_rules};
use crate::core::case::{Case, Event, ExtensionReason, Regime};

/// A day passed over while counting, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedDay {
    /// The day.
    pub date: Date,
    /// Why it does not count ("Saturday", "St Patrick's Day (Northern Ireland)",
    /// "clock stopped: fees notice").
    pub reason: String,
}

/// A period of working days counted from a day 0, with its working.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    /// Day 0 of the count.
    pub start: Date,
    /// Working days counted.
    pub days: u32,
    /// The last day of the period.
    pub due: Date,
    /// Every day between `start` and `due` that did not count.
    pub skipped: Vec<SkippedDay>,
}

/// Counts `days` working days after `start` (day 0), passing over non-working
/// days and the days inside `pauses` (inclusive ranges when the clock stood still).
pub fn add_working_days(
    calendar: &WorkingCalendar<'_>,
    start: Date,
    days: u32,
    pauses: &[(Date, Date)],
) -> Result<Deadline, CalendarError> {
    let mut skipped = Vec::new();
    let mut counted = 0;
    let mut day = start;
    while counted < days {
        day = day
            .checked_add(1.day())
            .map_err(|_| CalendarError::OutsideCoverage {
                date: day,
                first: calendar.holidays().first_year(),
                last: calendar.holidays().last_year(),
            })?;
        if let Some((from, _)) = pauses
            .iter()
            .find(|(from, to)| (*from..=*to).contains(&day))
        {
            skipped.push(SkippedDay {
                date: day,
                reason: format!("clock stopped: fees notice of {from} not yet paid"),
            });
            continue;
        }
        match calendar.non_working_reason(day)? {
            Some(reason) => skipped.push(SkippedDay { date: day, reason }),
            None => counted += 1,
        }
    }
    Ok(Deadline {
        start,
        days,
        due: day,
        skipped,
    })
}

/// Why the clock is standing still.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ClockStop {
    /// Clarification was asked for and has not arrived.
    AwaitingClarification {
        /// When it was asked for.
        since: Date,
    },
    /// A fees notice was issued and the fee has not been paid.
    AwaitingFee {
        /// When the notice was issued.
        since: Date,
    },
}

impl ClockStop {
    /// A sentence for the caseworker.
    pub fn describe(&self) -> String {
        match self {
            ClockStop::AwaitingClarification { since } => {
                format!(
                    "the clock is stopped: clarification was asked for on {since} and has not been received"
                )
            }
            ClockStop::AwaitingFee { since } => {
                format!("the clock is stopped: the fees notice of {since} has not been paid")
            }
        }
    }
}

/// The state of the response clock after the case's events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Clock {
    /// The day the request was received.
    pub received: Date,
    /// Day 0 of the count: the receipt, or the day clarification arrived.
    pub start: Date,
    /// The day clarification arrived, when it restarted the clock.
    pub clarified_on: Option<Date>,
    /// Fees periods (inclusive) when the clock stood still.
    pub pauses: Vec<(Date, Date)>,
    /// Set while the clock stands still.
    pub stopped: Option<ClockStop>,
    /// Working days added by recorded extensions, with the latest notice.
    pub extension: Option<(ExtensionReason, Date, u32)>,
}

/// Applies the case's events (in date order) to the response clock.
pub fn response_clock(received: Date, events: &[Event]) -> Clock {
    let mut sorted: Vec<&Event> = events.iter().collect();
    sorted.sort_by_key(|e| e.date());
    let mut clock = Clock {
        received,
        start: received,
        clarified_on: None,
        pauses: Vec::new(),
        stopped: None,
        extension: None,
    };
    for event in sorted {
        match event {
            Event::ClarificationSought { on } => {
                clock.stopped = Some(ClockStop::AwaitingClarification { since: *on });
            }
            Event::ClarificationReceived { on } => {
                clock.start = *on;
                clock.clarified_on = Some(*on);
                clock.pauses.clear();
                clock.stopped = None;
            }
            Event::FeesNoticeIssued { on } => {
                clock.stopped = Some(ClockStop::AwaitingFee { since: *on });
            }
            Event::FeesPaid { on } => {
                if let Some(ClockStop::AwaitingFee { since }) = clock.stopped {
                    clock.pauses.push((since, *on));
                    clock.stopped = None;
                }
            }
            Event::Extension {
                reason,
                notified_on,
                working_days,
            } => {
                let before = clock.extension.map_or(0, |(_, _, days)| days);
                clock.extension = Some((*reason, *notified_on, before + working_days));
            }
        }
    }
    clock
}

/// Every statutory date of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseDates {
    /// The regime whose rules apply.
    pub regime: Regime,
    /// The response clock after the case's events.
    pub clock: Clock,
    /// The standard response deadline (None while the clock is stopped).
    pub response: Option<Deadline>,
    /// The deadline with the recorded extension applied, if one was recorded.
    pub extended: Option<Deadline>,
    /// The latest date any extension the regime allows could reach.
    pub extension_limit: Option<Deadline>,
    /// The last day the requester may ask for an internal review.
    pub review_request: Option<Deadline>,
    /// The target for answering a review asked for on its last day.
    pub review_answer: Option<Deadline>,
}

impl CaseDates {
    /// The date the response is due, taking a recorded extension into account.
    pub fn due(&self) -> Option<Date> {
        self.extended
            .as_ref()
            .or(self.response.as_ref())
            .map(|d| d.due)
    }
}

/// Computes every date of a case: response, extension, review.
pub fn case_dates(holidays: &HolidayCalendar, case: &Case) -> Result<CaseDates, CalendarError> {
    let rules = clock_rules(case.regime);
    let calendar = WorkingCalendar::for_regime(holidays, case.regime);
    let clock = response_clock(case.received_on, &case.events);
    let mut dates = CaseDates {
        regime: case.regime,
        clock: clock.clone(),
        response: None,
        extended: None,
        extension_limit: None,
        review_request: None,
        review_answer: None,
    };
    if clock.stopped.is_none() {
        let response =
            add_working_days(&calendar, clock.start, rules.response_days, &clock.pauses)?;
        if let Some((_, _, extra)) = clock.extension {
            dates.extended = Some(add_working_days(
                &calendar,
                clock.start,
                rules.response_days + extra,
                &clock.pauses,
            )?);
        }
        if let Some(extension) = &rules.extension {
            dates.extension_limit = Some(add_working_days(
                &calendar,
                clock.start,
                extension.max_total_days,
                &clock.pauses,
            )?);
        }
        dates.response = Some(response);
    }
    let review_from = match case.responded_on {
        Some(response) => Some(rules.review_from.start(response, dates.due())),
        None => dates.due(),
    };
    if let Some(from) = review_from {
        let request = add_working_days(&calendar, from, rules.review_request_days, &[])?;
        dates.review_answer = Some(add_working_days(
            &calendar,
            request.due,
            rules.review_answer_days,
            &[],
        )?);
        dates.review_request = Some(request);
    }
    Ok(dates)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::calendar::WorkingDayRule;
    use jiff::civil::date;

    fn deadline(rule: WorkingDayRule, received: Date, days: u32) -> Date {
        let holidays = HolidayCalendar::bundled();
        let calendar = WorkingCalendar::new(&holidays, rule);
        add_working_days(&calendar, received, days, &[])
            .expect("inside the data")
            .due
    }

    /// (received, rule, days, due, why)
    #[test]
    fn response_deadlines_table() {
        use WorkingDayRule::{Scottish, UkWide};
        let table = [
            // The reference case: 20 working days from Monday 2 March 2026 skips
            // St Patrick's Day (17 March) under the UK-wide rule.
            (
                date(2026, 3, 2),
                UkWide,
                20,
                date(2026, 3, 31),
                "St Patrick's Day skipped",
            ),
            (
                date(2026, 3, 2),
                Scottish,
                20,
                date(2026, 3, 30),
                "Scotland works on St Patrick's Day",
            ),
            // A Saturday arrival is still day 0; day 1 is Monday.
            (
                date(2026, 3, 7),
                UkWide,
                1,
                date(2026, 3, 9),
                "weekend receipt",
            ),
            (
                date(2026, 3, 8),
                UkWide,
                1,
                date(2026, 3, 9),
                "Sunday receipt",
            ),
            // Receipt on a bank holiday is day 0 too.
            (
                date(2026, 12, 25),
                UkWide,
                1,
                date(2026, 12, 29),
                "Christmas receipt, Boxing Day substitute",
            ),
            // Easter 2026: Good Friday 3 April and Easter Monday 6 April.
            (date(2026, 4, 2), UkWide, 1, date(2026, 4, 7), "Easter"),
            (
                date(2026, 4, 2),
                Scottish,
                1,
                date(2026, 4, 6),
                "Scotland works Easter Monday",
            ),
            // New Year: 1 January UK-wide, 2 January Scotland (skipped by both rules).
            (
                date(2025, 12, 31),
                UkWide,
                1,
                date(2026, 1, 5),
                "1 and 2 January",
            ),
            (
                date(2025, 12, 31),
                Scottish,
                1,
                date(2026, 1, 5),
                "1 and 2 January in Scotland",
            ),
            // The Scottish World Cup day (15 June 2026) counts against everyone.
            (
                date(2026, 6, 12),
                UkWide,
                1,
                date(2026, 6, 16),
                "Scottish special day, UK-wide rule",
            ),
            (
                date(2026, 6, 12),
                Scottish,
                1,
                date(2026, 6, 16),
                "Scottish special day",
            ),
            // Special days: the 2022 jubilee and funeral, the 2023 coronation, VE day 2020.
            (
                date(2022, 6, 1),
                UkWide,
                1,
                date(2022, 6, 6),
                "jubilee 2 and 3 June 2022",
            ),
            (
                date(2022, 9, 16),
                UkWide,
                1,
                date(2022, 9, 20),
                "state funeral 19 September 2022",
            ),
            (
                date(2023, 5, 5),
                Scottish,
                1,
                date(2023, 5, 9),
                "coronation 8 May 2023",
            ),
            (
                date(2020, 5, 7),
                UkWide,
                1,
                date(2020, 5, 11),
                "VE day moved to 8 May 2020",
            ),
            // Northern Ireland's 12 July (13th in 2026, substitute) counts UK-wide only.
            (
                date(2026, 7, 10),
                UkWide,
                1,
                date(2026, 7, 14),
                "Battle of the Boyne substitute",
            ),
            (
                date(2026, 7, 10),
                Scottish,
                1,
                date(2026, 7, 13),
                "Scotland works 13 July",
            ),
            // St Andrew's Day (Monday 30 November 2026) counts under both rules.
            (
                date(2026, 11, 27),
                UkWide,
                1,
                date(2026, 12, 1),
                "St Andrew's Day",
            ),
            // August: England's late summer holiday vs Scotland's first Monday.
            (
                date(2026, 8, 28),
                Scottish,
                1,
                date(2026, 8, 31),
                "Scotland works 31 August",
            ),
            (
                date(2026, 7, 31),
                Scottish,
                1,
                date(2026, 8, 4),
                "Scottish summer holiday 3 August",
            ),
            (
                date(2026, 7, 31),
                UkWide,
                1,
                date(2026, 8, 4),
                "UK-wide rule also skips 3 August",
            ),
            // Christmas 2026: 25 Friday, 28 December Boxing Day substitute.
            (
                date(2026, 12, 18),
                UkWide,
                20,
                date(2027, 1, 21),
                "Christmas period",
            ),
            // Zero days is the day of receipt.
            (date(2026, 3, 2), UkWide, 0, date(2026, 3, 2), "zero days"),
            // A long period (review request, 40 working days).
            (
                date(2026, 3, 27),
                UkWide,
                40,
                date(2026, 5, 28),
                "40 working days over Easter and May",
            ),
        ];
        for (received, rule, days, due, why) in table {
            assert_eq!(
                deadline(rule, received, days),
                due,
                "{why}: {received} + {days} ({rule:?})"
            );
        }
    }

    #[test]
    fn skipped_days_are_named() {
        let holidays = HolidayCalendar::bundled();
        let calendar = WorkingCalendar::new(&holidays, WorkingDayRule::UkWide);
        let deadline = add_working_days(&calendar, date(2026, 3, 13), 3, &[]).unwrap();
        assert_eq!(deadline.due, date(2026, 3, 19));
        let reasons: Vec<(String, &str)> = deadline
            .skipped
            .iter()
            .map(|s| (s.date.to_string(), s.reason.as_str()))
            .collect();
        assert_eq!(
            reasons,
            [
                ("2026-03-14".to_string(), "Saturday"),
                ("2026-03-15".to_string(), "Sunday"),
                (
                    "2026-03-17".to_string(),
                    "St Patrick's Day (Northern Ireland)"
                ),
            ]
        );
    }

    fn case_with(regime: Regime, received: Date, events: Vec<Event>) -> Case {
        let mut case = Case::new("T", regime, received);
        case.events = events;
        case
    }

    #[test]
    fn clarification_restarts_the_clock_from_its_receipt() {
        let holidays = HolidayCalendar::bundled();
        let case = case_with(
            Regime::Foia,
            date(2026, 3, 2),
            vec![
                Event::ClarificationSought {
                    on: date(2026, 3, 3),
                },
                Event::ClarificationReceived {
                    on: date(2026, 3, 9),
                },
            ],
        );
        let dates = case_dates(&holidays, &case).unwrap();
        assert_eq!(dates.clock.start, date(2026, 3, 9));
        // 20 working days from 9 March, skipping 17 March, Good Friday and Easter Monday.
        assert_eq!(dates.due(), Some(date(2026, 4, 9)));
    }

    #[test]
    fn an_unanswered_clarification_stops_the_clock() {
        let holidays = HolidayCalendar::bundled();
        let case = case_with(
            Regime::Foisa,
            date(2026, 3, 2),
            vec![Event::ClarificationSought {
                on: date(2026, 3, 3),
            }],
        );
        let dates = case_dates(&holidays, &case).unwrap();
        assert_eq!(
            dates.clock.stopped,
            Some(ClockStop::AwaitingClarification {
                since: date(2026, 3, 3)
            })
        );
        assert_eq!(dates.due(), None);
        assert!(dates.review_request.is_none());
    }

    #[test]
    fn a_fees_notice_stops_the_clock_until_the_fee_is_paid() {
        let holidays = HolidayCalendar::bundled();
        let case = case_with(
            Regime::Foia,
            date(2026, 3, 2),
            vec![
                Event::FeesNoticeIssued {
                    on: date(2026, 3, 4),
                },
                Event::FeesPaid {
                    on: date(2026, 3, 11),
                },
            ],
        );
        let dates = case_dates(&holidays, &case).unwrap();
        // 3 March is day 1; 4-11 March are disregarded; counting resumes on
        // 12 March and passes St Patrick's Day and Easter.
        let response = dates.response.clone().unwrap();
        assert_eq!(response.due, date(2026, 4, 10));
        assert!(
            response
                .skipped
                .iter()
                .any(|s| s.date == date(2026, 3, 4) && s.reason.contains("fees notice"))
        );
        let unpaid = case_with(
            Regime::Foia,
            date(2026, 3, 2),
            vec![Event::FeesNoticeIssued {
                on: date(2026, 3, 4),
            }],
        );
        assert_eq!(case_dates(&holidays, &unpaid).unwrap().due(), None);
    }

    #[test]
    fn a_recorded_extension_moves_the_due_date() {
        let holidays = HolidayCalendar::bundled();
        let case = case_with(
            Regime::Foia,
            date(2026, 3, 2),
            vec![Event::Extension {
                reason: ExtensionReason::PublicInterest,
                notified_on: date(2026, 3, 20),
                working_days: 20,
            }],
        );
        let dates = case_dates(&holidays, &case).unwrap();
        assert_eq!(dates.response.as_ref().unwrap().due, date(2026, 3, 31));
        assert_eq!(dates.extended.as_ref().unwrap().days, 40);
        assert_eq!(dates.due(), Some(date(2026, 4, 30)));
        assert_eq!(
            dates.extension_limit.as_ref().unwrap().due,
            date(2026, 4, 30)
        );
    }

    #[test]
    fn foisa_has_no_extension_limit_and_its_review_window_runs_from_the_due_date() {
        let holidays = HolidayCalendar::bundled();
        let mut case = case_with(Regime::Foisa, date(2026, 3, 2), vec![]);
        case.responded_on = Some(date(2026, 3, 27));
        let dates = case_dates(&holidays, &case).unwrap();
        assert!(dates.extension_limit.is_none());
        let request = dates.review_request.unwrap();
        // FOISA s.20(5): the 40 days run from the end of the time allowed
        // (30 March), not from an early response (27 March)...
        assert_eq!(request.start, date(2026, 3, 30));
        assert_eq!(request.days, 40);
        assert_eq!(dates.review_answer.unwrap().days, 20);
        // ...and from the response itself when it came late.
        case.responded_on = Some(date(2026, 4, 2));
        let late = case_dates(&holidays, &case).unwrap();
        assert_eq!(late.review_request.unwrap().start, date(2026, 4, 2));
        // FOIA's Code of Practice counts from the response, early or not.
        let mut foia = case_with(Regime::Foia, date(2026, 3, 2), vec![]);
        foia.responded_on = Some(date(2026, 3, 20));
        let foia_dates = case_dates(&holidays, &foia).unwrap();
        assert_eq!(foia_dates.review_request.unwrap().start, date(2026, 3, 20));
    }
}
