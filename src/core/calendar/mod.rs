//! The statutory calendar: working days per regime, deadlines with their
//! working shown, and every date of a case.
//!
//! The day of receipt is day 0, whatever day it is; day 1 is the first working
//! day after it; a period of N working days ends on the N-th working day
//! strictly after receipt.

mod deadline;
mod holidays;

pub use deadline::{
    CaseDates, Clock, ClockStop, Deadline, SkippedDay, add_working_days, case_dates, response_clock,
};
pub use holidays::{BUNDLED_HOLIDAYS_JSON, Division, Holiday, HolidayCalendar, HolidayDataError};

use std::sync::OnceLock;

use jiff::civil::{Date, Weekday};
use serde::Deserialize;

use super::case::{ExtensionReason, Regime};

/// Which days are working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum WorkingDayRule {
    /// FOIA / EIR: weekends, Christmas Day, Good Friday and a bank holiday in any part of the UK are excluded.
    UkWide,
    /// FOISA / EISR: weekends, Christmas Day and Scottish bank holidays are excluded.
    Scottish,
}

/// An extension a regime allows.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtensionRule {
    /// The only ground on which the time may be extended.
    pub reason: ExtensionReason,
    /// The most working days the extended period may last in total.
    pub max_total_days: u32,
    /// The law behind it.
    pub basis: String,
}

/// The day the requester's time to ask for a review runs from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum ReviewFrom {
    /// The date of the response (FOIA Code of Practice, EIR reg 11(2)).
    #[default]
    Response,
    /// The end of the time allowed to respond, or the response if it came
    /// later (FOISA s.20(5), EISR reg 16(2)).
    LaterOfDueDateAndResponse,
}

impl ReviewFrom {
    /// The day the review window counts from, given the response and the due date.
    pub fn start(
        self,
        response: jiff::civil::Date,
        due: Option<jiff::civil::Date>,
    ) -> jiff::civil::Date {
        match (self, due) {
            (ReviewFrom::LaterOfDueDateAndResponse, Some(due)) => response.max(due),
            _ => response,
        }
    }
}

/// The statutory periods of one regime (from `assets/law/clock.ron`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClockRules {
    /// The regime.
    pub regime: Regime,
    /// Which days count.
    pub working_days: WorkingDayRule,
    /// The law defining a working day.
    pub working_days_basis: String,
    /// Working days to respond.
    pub response_days: u32,
    /// The law behind the response period.
    pub response_basis: String,
    /// The extension allowed, if any.
    pub extension: Option<ExtensionRule>,
    /// The law on clarification.
    pub clarification_basis: String,
    /// The law on fees stopping the clock.
    pub fees_basis: String,
    /// Working days the requester has to ask for a review.
    pub review_request_days: u32,
    /// The day those working days run from.
    #[serde(default)]
    pub review_from: ReviewFrom,
    /// The law or guidance behind that.
    pub review_request_basis: String,
    /// Working days the authority should take to answer a review.
    pub review_answer_days: u32,
    /// The longest a review answer may take.
    pub review_answer_max_days: u32,
    /// The law or guidance behind the review answer period.
    pub review_answer_basis: String,
}

const CLOCK_RON: &str = include_str!("../../../assets/law/clock.ron");

/// The clock rules for a regime.
pub fn clock_rules(regime: Regime) -> &'static ClockRules {
    static RULES: OnceLock<Vec<ClockRules>> = OnceLock::new();
    let rules = RULES.get_or_init(|| ron::from_str(CLOCK_RON).unwrap_or_default());
    rules
        .iter()
        .find(|r| r.regime == regime)
        .unwrap_or_else(|| fallback_rules(regime))
}

/// Used only if the bundled data were unreadable (a test guards against it).
fn fallback_rules(regime: Regime) -> &'static ClockRules {
    static FALLBACK: OnceLock<Vec<ClockRules>> = OnceLock::new();
    let all = FALLBACK.get_or_init(|| {
        Regime::ALL
            .into_iter()
            .map(|regime| ClockRules {
                regime,
                working_days: if regime.is_scottish() {
                    WorkingDayRule::Scottish
                } else {
                    WorkingDayRule::UkWide
                },
                working_days_basis: String::new(),
                response_days: 20,
                response_basis: String::new(),
                extension: None,
                clarification_basis: String::new(),
                fees_basis: String::new(),
                review_request_days: 40,
                review_from: if regime.is_scottish() {
                    ReviewFrom::LaterOfDueDateAndResponse
                } else {
                    ReviewFrom::Response
                },
                review_request_basis: String::new(),
                review_answer_days: 20,
                review_answer_max_days: 20,
                review_answer_basis: String::new(),
            })
            .collect()
    });
    all.iter().find(|r| r.regime == regime).unwrap_or(&all[0])
}

/// A problem computing a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// The count passed a day the bank holiday data does not cover.
    #[error(
        "{date} is outside the bank holiday data ({first}–{last}); load a newer GOV.UK bank-holidays.json to count working days then"
    )]
    OutsideCoverage {
        /// The first uncovered day reached.
        date: Date,
        /// First covered year.
        first: i16,
        /// Last covered year.
        last: i16,
    },
}

/// Working days under one rule, over one holiday calendar.
#[derive(Debug, Clone, Copy)]
pub struct WorkingCalendar<'a> {
    holidays: &'a HolidayCalendar,
    rule: WorkingDayRule,
}

impl<'a> WorkingCalendar<'a> {
    /// Working days under `rule` with `holidays`.
    pub fn new(holidays: &'a HolidayCalendar, rule: WorkingDayRule) -> WorkingCalendar<'a> {
        WorkingCalendar { holidays, rule }
    }

    /// Working days for a regime.
    pub fn for_regime(holidays: &'a HolidayCalendar, regime: Regime) -> WorkingCalendar<'a> {
        WorkingCalendar::new(holidays, clock_rules(regime).working_days)
    }

    /// The holiday data.
    pub fn holidays(&self) -> &'a HolidayCalendar {
        self.holidays
    }

    /// Why `date` is not a working day, or `None` when it is one.
    pub fn non_working_reason(&self, date: Date) -> Result<Option<String>, CalendarError> {
        match date.weekday() {
            Weekday::Saturday => return Ok(Some("Saturday".into())),
            Weekday::Sunday => return Ok(Some("Sunday".into())),
            _ => {}
        }
        if date.month() == 12 && date.day() == 25 {
            return Ok(Some("Christmas Day".into()));
        }
        if self.rule == WorkingDayRule::UkWide && date == good_friday(date.year()) {
            return Ok(Some("Good Friday".into()));
        }
        if !self.holidays.covers(date) {
            return Err(CalendarError::OutsideCoverage {
                date,
                first: self.holidays.first_year(),
                last: self.holidays.last_year(),
            });
        }
        let Some(holiday) = self.holidays.holiday(date) else {
            return Ok(None);
        };
        Ok(match self.rule {
            WorkingDayRule::UkWide => Some(holiday.describe()),
            WorkingDayRule::Scottish => holiday
                .name_in(Division::Scotland)
                .map(|name| format!("{name} (Scotland)")),
        })
    }

    /// True when `date` is a working day.
    pub fn is_working_day(&self, date: Date) -> Result<bool, CalendarError> {
        self.non_working_reason(date).map(|reason| reason.is_none())
    }
}

/// Good Friday of `year` (Gregorian computus).
pub fn good_friday(year: i16) -> Date {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = ((h + l - 7 * m + 114) % 31) + 1;
    // Month is 3 or 4 and day 1..=31 by construction.
    let easter = Date::new(year, month as i8, day as i8).unwrap_or(Date::MIN);
    easter
        .checked_sub(jiff::Span::new().days(2))
        .unwrap_or(easter)
}

/// The English name of a date's weekday.
pub fn weekday_name(date: Date) -> &'static str {
    match date.weekday() {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// A date as a letter writes it: "Monday 30 March 2026".
pub fn long_date(date: Date) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = MONTHS[usize::try_from(date.month() - 1).unwrap_or(0)];
    format!(
        "{} {} {month} {}",
        weekday_name(date),
        date.day(),
        date.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn every_regime_has_clock_rules_from_the_data_file() {
        let parsed: Vec<ClockRules> = ron::from_str(CLOCK_RON).expect("clock.ron parses");
        for regime in Regime::ALL {
            assert_eq!(
                parsed.iter().filter(|r| r.regime == regime).count(),
                1,
                "{regime}"
            );
            assert!(!clock_rules(regime).response_basis.is_empty());
        }
        assert_eq!(clock_rules(Regime::Foisa).extension, None);
        assert_eq!(clock_rules(Regime::Eir).review_answer_days, 40);
    }

    #[test]
    fn good_friday_matches_the_bank_holiday_data() {
        let holidays = HolidayCalendar::bundled();
        for year in 2014..=2031 {
            let friday = good_friday(year);
            let holiday = holidays
                .holiday(friday)
                .expect("Good Friday is a bank holiday");
            assert!(
                holiday.describe().starts_with("Good Friday"),
                "{year}: {}",
                holiday.describe()
            );
        }
        assert_eq!(good_friday(2026), date(2026, 4, 3));
    }

    #[test]
    fn uk_wide_and_scottish_rules_differ_where_the_law_does() {
        let holidays = HolidayCalendar::bundled();
        let uk = WorkingCalendar::new(&holidays, WorkingDayRule::UkWide);
        let scottish = WorkingCalendar::new(&holidays, WorkingDayRule::Scottish);
        // St Patrick's Day: any-part-of-the-UK rule skips it; Scotland works.
        assert_eq!(uk.is_working_day(date(2026, 3, 17)), Ok(false));
        assert_eq!(scottish.is_working_day(date(2026, 3, 17)), Ok(true));
        // 2 January is Scottish, so non-working under both.
        assert_eq!(uk.is_working_day(date(2026, 1, 2)), Ok(false));
        assert_eq!(scottish.is_working_day(date(2026, 1, 2)), Ok(false));
        // Easter Monday is not a Scottish bank holiday.
        assert_eq!(scottish.is_working_day(date(2026, 4, 6)), Ok(true));
        assert_eq!(uk.is_working_day(date(2026, 4, 6)), Ok(false));
        // The 2026 World Cup day is Scottish only, but the UK-wide rule skips it too.
        assert_eq!(uk.is_working_day(date(2026, 6, 15)), Ok(false));
        assert_eq!(scottish.is_working_day(date(2026, 6, 15)), Ok(false));
        assert_eq!(
            uk.non_working_reason(date(2026, 3, 7)),
            Ok(Some("Saturday".into()))
        );
    }

    #[test]
    fn dates_outside_the_data_are_an_error_not_a_guess() {
        let holidays = HolidayCalendar::bundled();
        let uk = WorkingCalendar::new(&holidays, WorkingDayRule::UkWide);
        assert!(matches!(
            uk.is_working_day(date(2032, 1, 6)),
            Err(CalendarError::OutsideCoverage {
                first: 2014,
                last: 2031,
                ..
            })
        ));
        // Weekends need no data.
        assert_eq!(uk.is_working_day(date(2032, 1, 3)), Ok(false));
    }

    #[test]
    fn long_dates_read_as_in_a_letter() {
        assert_eq!(long_date(date(2026, 3, 30)), "Monday 30 March 2026");
    }
}
