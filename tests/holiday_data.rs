//! The bundled GOV.UK-shaped bank holiday file holds exactly the facts of the
//! reference CSV (every date, division and name).

use std::collections::BTreeSet;

use foi_drafter::core::calendar::{BUNDLED_HOLIDAYS_JSON, Division, HolidayCalendar};

#[test]
fn the_bundled_json_matches_the_reference_csv_row_for_row() {
    let csv = include_str!("fixtures/uk-bank-holidays-2014-2031.csv");
    let calendar = HolidayCalendar::from_govuk_json(BUNDLED_HOLIDAYS_JSON).unwrap();
    let mut expected = BTreeSet::new();
    for row in csv.lines().skip(1) {
        let fields: Vec<&str> = row.splitn(4, ',').collect();
        expected.insert((
            fields[0].to_string(),
            fields[1].to_string(),
            fields[2].to_string(),
        ));
    }
    let mut found = BTreeSet::new();
    for year in 2014..=2031 {
        let from = jiff::civil::date(year, 1, 1);
        let to = jiff::civil::date(year, 12, 31);
        for holiday in calendar.between(from, to) {
            for division in Division::ALL {
                if let Some(name) = holiday.name_in(division) {
                    found.insert((
                        holiday.date.to_string(),
                        division.key().to_string(),
                        name.to_string(),
                    ));
                }
            }
        }
    }
    assert_eq!(found.len(), 496);
    assert_eq!(found, expected);
}
