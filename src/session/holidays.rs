//! Loading a user's GOV.UK bank holiday file over the bundled data.

use std::path::Path;

use super::files::{CaseFileError, read_utf8};
use crate::core::calendar::{HolidayCalendar, HolidayDataError};

/// Largest bank holiday file accepted (GOV.UK's is about 20 KB).
const MAX_HOLIDAY_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The bundled bank holidays, with `newer` (GOV.UK `bank-holidays.json`)
/// replacing the years it covers.
pub fn load_holidays(newer: Option<&Path>) -> Result<HolidayCalendar, CaseFileError> {
    let bundled = HolidayCalendar::bundled();
    let Some(path) = newer else {
        return Ok(bundled);
    };
    let text = read_utf8(path, MAX_HOLIDAY_FILE_BYTES)?;
    let newer = HolidayCalendar::from_govuk_json(&text).map_err(|error| {
        let (line, column, message) = match error {
            HolidayDataError::Invalid {
                line,
                column,
                message,
            } => (line, column, message),
            HolidayDataError::Empty => (1, 1, error.to_string()),
        };
        CaseFileError::Invalid {
            path: path.to_path_buf(),
            line,
            column,
            message,
        }
    })?;
    Ok(bundled.overlaid_with(&newer))
}
