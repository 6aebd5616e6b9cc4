//! UK bank holidays by division, read from the GOV.UK `bank-holidays.json` shape.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Deserialize;

/// The bundled bank holiday data (GOV.UK shape), 2014–2031.
pub const BUNDLED_HOLIDAYS_JSON: &str =
    include_str!("../../../assets/calendars/bank-holidays.json");

/// A part of the UK with its own bank holidays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Division {
    /// England and Wales.
    EnglandAndWales,
    /// Scotland.
    Scotland,
    /// Northern Ireland.
    NorthernIreland,
}

impl Division {
    /// Every division.
    pub const ALL: [Division; 3] = [
        Division::EnglandAndWales,
        Division::Scotland,
        Division::NorthernIreland,
    ];

    /// The GOV.UK key (`england-and-wales`, `scotland`, `northern-ireland`).
    pub fn key(self) -> &'static str {
        match self {
            Division::EnglandAndWales => "england-and-wales",
            Division::Scotland => "scotland",
            Division::NorthernIreland => "northern-ireland",
        }
    }

    /// The name a reader knows.
    pub fn label(self) -> &'static str {
        match self {
            Division::EnglandAndWales => "England and Wales",
            Division::Scotland => "Scotland",
            Division::NorthernIreland => "Northern Ireland",
        }
    }

    fn bit(self) -> u8 {
        match self {
            Division::EnglandAndWales => 1,
            Division::Scotland => 2,
            Division::NorthernIreland => 4,
        }
    }
}

/// One bank holiday: its name and the divisions that keep it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    /// The day.
    pub date: Date,
    /// Name per division (the same day can be named differently).
    pub names: Vec<(Division, String)>,
    divisions: u8,
}

impl Holiday {
    /// True when `division` keeps this holiday.
    pub fn kept_in(&self, division: Division) -> bool {
        self.divisions & division.bit() != 0
    }

    /// The name used in `division`, if it keeps the holiday.
    pub fn name_in(&self, division: Division) -> Option<&str> {
        self.names
            .iter()
            .find(|(d, _)| *d == division)
            .map(|(_, n)| n.as_str())
    }

    /// A label naming the holiday and, when not UK-wide, where it is kept:
    /// "St Patrick's Day (Northern Ireland)".
    pub fn describe(&self) -> String {
        let first = self
            .names
            .first()
            .map(|(_, n)| n.as_str())
            .unwrap_or("Bank holiday");
        if self.divisions == 0b111 {
            return first.to_string();
        }
        let places: Vec<&str> = Division::ALL
            .into_iter()
            .filter(|d| self.kept_in(*d))
            .map(Division::label)
            .collect();
        format!("{first} ({})", places.join(", "))
    }
}

/// Why a bank holiday file could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HolidayDataError {
    /// The JSON is malformed or not in the GOV.UK shape.
    #[error("{line}:{column}: {message}")]
    Invalid {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What was wrong.
        message: String,
    },
    /// The file has no events at all.
    #[error("the file lists no bank holidays; expected GOV.UK's bank-holidays.json")]
    Empty,
}

#[derive(Deserialize)]
struct GovUkDivision {
    events: Vec<GovUkEvent>,
}

#[derive(Deserialize)]
struct GovUkEvent {
    title: String,
    date: String,
}

/// Bank holidays for every UK division over a range of whole years.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidayCalendar {
    holidays: BTreeMap<Date, Holiday>,
    first_year: i16,
    last_year: i16,
}

impl HolidayCalendar {
    /// The bundled data (2014–2031).
    pub fn bundled() -> HolidayCalendar {
        // The bundled file is checked by tests; an error here is a build defect.
        HolidayCalendar::from_govuk_json(BUNDLED_HOLIDAYS_JSON).unwrap_or_else(|_| {
            HolidayCalendar {
                holidays: BTreeMap::new(),
                first_year: 0,
                last_year: -1,
            }
        })
    }

    /// Reads GOV.UK's `bank-holidays.json` (divisions `england-and-wales`,
    /// `scotland`, `northern-ireland`, each with `events` of `title` and `date`).
    pub fn from_govuk_json(text: &str) -> Result<HolidayCalendar, HolidayDataError> {
        let divisions: BTreeMap<String, GovUkDivision> =
            serde_json::from_str(text).map_err(|e| HolidayDataError::Invalid {
                line: e.line().max(1),
                column: e.column().max(1),
                message: format!("not GOV.UK bank holiday JSON: {e}")
                    .split(" at line ")
                    .next()
                    .unwrap_or("not GOV.UK bank holiday JSON")
                    .to_string(),
            })?;
        let mut holidays: BTreeMap<Date, Holiday> = BTreeMap::new();
        for (key, division_data) in divisions {
            let Some(division) = Division::ALL.into_iter().find(|d| d.key() == key) else {
                continue;
            };
            for event in division_data.events {
                let date: Date = event.date.parse().map_err(|_| HolidayDataError::Invalid {
                    line: 1,
                    column: 1,
                    message: format!(
                        "invalid date \"{}\" for \"{}\" in {key}; expected YYYY-MM-DD",
                        event.date, event.title
                    ),
                })?;
                let holiday = holidays.entry(date).or_insert_with(|| Holiday {
                    date,
                    names: Vec::new(),
                    divisions: 0,
                });
                holiday.divisions |= division.bit();
                holiday.names.push((division, tidy_title(&event.title)));
            }
        }
        let (Some(first), Some(last)) = (holidays.keys().next(), holidays.keys().next_back())
        else {
            return Err(HolidayDataError::Empty);
        };
        let (first_year, last_year) = (first.year(), last.year());
        for holiday in holidays.values_mut() {
            holiday.names.sort();
        }
        Ok(HolidayCalendar {
            holidays,
            first_year,
            last_year,
        })
    }

    /// This calendar with `newer` laid over it: for every year `newer` covers,
    /// its holidays replace these.
    pub fn overlaid_with(&self, newer: &HolidayCalendar) -> HolidayCalendar {
        let mut holidays: BTreeMap<Date, Holiday> = self
            .holidays
            .iter()
            .filter(|(date, _)| !newer.covers_year(date.year()))
            .map(|(d, h)| (*d, h.clone()))
            .collect();
        holidays.extend(newer.holidays.iter().map(|(d, h)| (*d, h.clone())));
        HolidayCalendar {
            holidays,
            first_year: self.first_year.min(newer.first_year),
            last_year: self.last_year.max(newer.last_year),
        }
    }

    /// The first year the data covers.
    pub fn first_year(&self) -> i16 {
        self.first_year
    }

    /// The last year the data covers.
    pub fn last_year(&self) -> i16 {
        self.last_year
    }

    /// True when the data covers the whole of `year`.
    pub fn covers_year(&self, year: i16) -> bool {
        (self.first_year..=self.last_year).contains(&year)
    }

    /// True when the data covers `date`.
    pub fn covers(&self, date: Date) -> bool {
        self.covers_year(date.year())
    }

    /// The bank holiday on `date`, if any division keeps one.
    pub fn holiday(&self, date: Date) -> Option<&Holiday> {
        self.holidays.get(&date)
    }

    /// Every holiday between two dates (inclusive).
    pub fn between(&self, from: Date, to: Date) -> impl Iterator<Item = &Holiday> {
        self.holidays.range(from..=to).map(|(_, h)| h)
    }

    /// Number of distinct holiday dates.
    pub fn len(&self) -> usize {
        self.holidays.len()
    }

    /// True when there are no holidays.
    pub fn is_empty(&self) -> bool {
        self.holidays.is_empty()
    }
}

/// GOV.UK titles use a typographic apostrophe in some years; use one style.
fn tidy_title(title: &str) -> String {
    title.replace('\u{2019}', "'").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_bundled_data_covers_2014_to_2031() {
        let calendar = HolidayCalendar::bundled();
        assert_eq!((calendar.first_year(), calendar.last_year()), (2014, 2031));
        assert!(calendar.covers(date(2031, 12, 31)));
        assert!(!calendar.covers(date(2032, 1, 1)));
        assert!(!calendar.covers(date(2013, 12, 31)));
    }

    #[test]
    fn special_days_are_present() {
        let calendar = HolidayCalendar::bundled();
        for day in [
            date(2020, 5, 8),
            date(2022, 6, 3),
            date(2022, 9, 19),
            date(2023, 5, 8),
        ] {
            let holiday = calendar.holiday(day).expect("special day present");
            assert!(
                Division::ALL.into_iter().all(|d| holiday.kept_in(d)),
                "{day}"
            );
        }
        let world_cup = calendar
            .holiday(date(2026, 6, 15))
            .expect("Scottish special day");
        assert!(world_cup.kept_in(Division::Scotland));
        assert!(!world_cup.kept_in(Division::EnglandAndWales));
        assert_eq!(
            world_cup.describe(),
            "Scotland's participation in the FIFA World Cup final (Scotland)"
        );
    }

    #[test]
    fn st_patricks_day_is_northern_irish_only() {
        let calendar = HolidayCalendar::bundled();
        let day = calendar
            .holiday(date(2026, 3, 17))
            .expect("St Patrick's Day");
        assert_eq!(day.describe(), "St Patrick's Day (Northern Ireland)");
    }

    #[test]
    fn a_newer_file_replaces_the_years_it_covers() {
        let newer = r#"{"england-and-wales":{"division":"england-and-wales","events":[
            {"title":"Extra day","date":"2031-06-02","notes":"","bunting":true},
            {"title":"New Year’s Day","date":"2032-01-01","notes":"","bunting":true}]}}"#;
        let newer = HolidayCalendar::from_govuk_json(newer).unwrap();
        let merged = HolidayCalendar::bundled().overlaid_with(&newer);
        assert_eq!(merged.last_year(), 2032);
        assert!(merged.holiday(date(2031, 6, 2)).is_some());
        assert!(
            merged.holiday(date(2031, 12, 25)).is_none(),
            "2031 now comes from the newer file"
        );
        assert!(merged.holiday(date(2030, 12, 25)).is_some());
        assert_eq!(
            merged.holiday(date(2032, 1, 1)).unwrap().describe(),
            "New Year's Day (England and Wales)"
        );
    }

    #[test]
    fn malformed_json_is_located() {
        let error = HolidayCalendar::from_govuk_json("{\n  \"scotland\": [1,2\n").unwrap_err();
        assert!(
            matches!(error, HolidayDataError::Invalid { line: 2, .. }),
            "{error}"
        );
        assert_eq!(
            HolidayCalendar::from_govuk_json("{}"),
            Err(HolidayDataError::Empty)
        );
    }
}
