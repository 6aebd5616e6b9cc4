//! The open case and everything that touches disk: case files, the bundled
//! sample and (later) autosave. The GUI reads a [`Session`] and changes it only
//! through its methods.

pub mod files;
pub mod holidays;

use std::path::{Path, PathBuf};

use crate::core::case::Case;
use crate::core::case_file;
use files::{CaseFileError, Overwrite};

/// The bundled sample case, shown on first start and in the README.
pub const SAMPLE_CASE_TEXT: &str = include_str!("../../assets/samples/ai-in-policing.case.ron");

/// The bundled sample case, parsed.
pub fn sample_case() -> Case {
    // The sample is checked by a test; an error here is a build defect, and
    // an empty case is a safe stand-in.
    case_file::parse_case(SAMPLE_CASE_TEXT).unwrap_or_else(|_| {
        Case::new(
            "SAMPLE",
            crate::core::case::Regime::Foia,
            jiff::civil::date(2026, 3, 2),
        )
    })
}

/// An open case and where it lives on disk.
#[derive(Debug, Clone)]
pub struct Session {
    case: Case,
    path: Option<PathBuf>,
    dirty: bool,
}

impl Session {
    /// A session on a case that has no file yet.
    pub fn new(case: Case) -> Session {
        Session {
            case,
            path: None,
            dirty: false,
        }
    }

    /// Opens a case file. On error nothing is kept, so a file that failed to
    /// load can never be saved over by this session.
    pub fn open(path: &Path) -> Result<Session, CaseFileError> {
        let case = files::load_case(path)?;
        Ok(Session {
            case,
            path: Some(path.to_path_buf()),
            dirty: false,
        })
    }

    /// The open case.
    pub fn case(&self) -> &Case {
        &self.case
    }

    /// The file the case was loaded from or last saved to.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// True when the case has changes not yet saved to its file.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Saves to the current file. Fails when the case has no file yet.
    pub fn save(&mut self) -> Result<(), CaseFileError> {
        let Some(path) = self.path.clone() else {
            return Err(CaseFileError::Write {
                path: PathBuf::from("(unsaved case)"),
                source: std::io::Error::other("choose a file name first (Save As)"),
            });
        };
        files::save_case(&path, &self.case, Overwrite::Replace)?;
        self.dirty = false;
        Ok(())
    }

    /// Saves to a new file and makes it the case's file.
    pub fn save_as(&mut self, path: &Path, overwrite: Overwrite) -> Result<(), CaseFileError> {
        files::save_case(path, &self.case, overwrite)?;
        self.path = Some(path.to_path_buf());
        self.dirty = false;
        Ok(())
    }
}
