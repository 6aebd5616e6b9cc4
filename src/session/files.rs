//! Case files on disk: careful loading with located errors, atomic saving.
//!
//! Saving writes a temporary file in the same folder, flushes it to disk and
//! renames it over the target, so a crash mid-save leaves the old file whole.
//! New files are readable by their owner only (Unix mode 0600), because case
//! files hold the requester's personal data.

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::core::case::Case;
use crate::core::case_file::{self, line_column_at};

/// Files larger than this are refused before parsing (a case of 2,000
/// questions with long answers is a few megabytes).
pub const MAX_CASE_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why a case file could not be loaded or saved. Displays as one line that
/// starts with the file name (and line and column where they apply).
#[derive(Debug, thiserror::Error)]
pub enum CaseFileError {
    /// The file could not be opened or read.
    #[error("{}: cannot read the case file: {}", path.display(), describe_io(source))]
    Read {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        source: io::Error,
    },
    /// The file is larger than [`MAX_CASE_FILE_BYTES`].
    #[error(
        "{}: the file is {} MB, larger than the {} MB a case file can be; is it really a case file?",
        path.display(), bytes / 1_000_000, MAX_CASE_FILE_BYTES / 1_000_000
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        bytes: u64,
    },
    /// The file's contents are not a valid case file.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What was wrong and what was expected.
        message: String,
    },
    /// The file could not be written.
    #[error("{}: cannot save: {}; the previous file (if any) is unchanged", path.display(), describe_io(source))]
    Write {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        source: io::Error,
    },
    /// The target exists and replacing it was not asked for.
    #[error("{}: the file already exists; choose another name or pass --force to replace it", path.display())]
    Exists {
        /// The file.
        path: PathBuf,
    },
}

impl CaseFileError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            CaseFileError::Read { path, .. }
            | CaseFileError::TooLarge { path, .. }
            | CaseFileError::Invalid { path, .. }
            | CaseFileError::Write { path, .. }
            | CaseFileError::Exists { path } => path,
        }
    }
}

/// Describes an I/O error in plain words, without the "(os error 2)" noise.
pub fn describe_io(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or folder".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "it is a folder, not a file".into(),
        io::ErrorKind::StorageFull => "the disk is full".into(),
        io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".into(),
        io::ErrorKind::AlreadyExists => "the file already exists".into(),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(cut) => text[..cut].to_string(),
                None => text,
            }
        }
    }
}

/// Reads a text file that is expected to be UTF-8, with a located error if it is not.
pub fn read_utf8(path: &Path, max_bytes: u64) -> Result<String, CaseFileError> {
    let read_error = |source| CaseFileError::Read {
        path: path.to_path_buf(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(read_error)?;
    if metadata.is_dir() {
        return Err(read_error(io::Error::from(io::ErrorKind::IsADirectory)));
    }
    // A pipe or a device would block or never end: only regular files are read.
    if !metadata.is_file() {
        return Err(read_error(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file (a device, pipe or socket)",
        )));
    }
    if metadata.len() > max_bytes {
        return Err(CaseFileError::TooLarge {
            path: path.to_path_buf(),
            bytes: metadata.len(),
        });
    }
    // Read with a bound, in case the file grows while it is read.
    let mut bytes = Vec::new();
    {
        use std::io::Read;
        std::fs::File::open(path)
            .map_err(read_error)?
            .take(max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(read_error)?;
    }
    if bytes.len() as u64 > max_bytes {
        return Err(CaseFileError::TooLarge {
            path: path.to_path_buf(),
            bytes: bytes.len() as u64,
        });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text.trim_start_matches('\u{feff}').to_string()),
        Err(error) => {
            let valid_up_to = error.utf8_error().valid_up_to();
            let bytes = error.as_bytes();
            let bad_byte = bytes.get(valid_up_to).copied().unwrap_or(0);
            let valid = String::from_utf8_lossy(&bytes[..valid_up_to]);
            let (line, column) = line_column_at(&valid, valid.len());
            Err(CaseFileError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                message: format!(
                    "the file is not UTF-8 text (byte 0x{bad_byte:02x}); \
                     expected a case file saved as UTF-8"
                ),
            })
        }
    }
}

/// Loads a case file. The file is never modified, whatever its state.
pub fn load_case(path: &Path) -> Result<Case, CaseFileError> {
    let text = read_utf8(path, MAX_CASE_FILE_BYTES)?;
    case_file::parse_case(&text).map_err(|problem| CaseFileError::Invalid {
        path: path.to_path_buf(),
        line: problem.line,
        column: problem.column,
        message: problem.message,
    })
}

/// Whether an existing target may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    /// Replace the file if it exists.
    Replace,
    /// Fail with [`CaseFileError::Exists`] if the file exists.
    Refuse,
}

/// Saves a case atomically, owner-readable only.
pub fn save_case(path: &Path, case: &Case, overwrite: Overwrite) -> Result<(), CaseFileError> {
    write_atomically(path, case_file::write_case(case).as_bytes(), overwrite)
}

/// Writes bytes to `path` atomically: a temporary file in the same folder is
/// written, flushed to disk, then renamed over the target. On Unix the file is
/// created with mode 0600.
pub fn write_atomically(
    path: &Path,
    bytes: &[u8],
    overwrite: Overwrite,
) -> Result<(), CaseFileError> {
    let write_error = |source| CaseFileError::Write {
        path: path.to_path_buf(),
        source,
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "case".into());
    if overwrite == Overwrite::Refuse && path.exists() {
        return Err(CaseFileError::Exists {
            path: path.to_path_buf(),
        });
    }
    // tempfile creates the file with mode 0600 on Unix.
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{file_name}."))
        .suffix(".tmp")
        .tempfile_in(&folder)
        .map_err(write_error)?;
    temp.write_all(bytes).map_err(write_error)?;
    temp.flush().map_err(write_error)?;
    temp.as_file().sync_all().map_err(write_error)?;
    let persisted = match overwrite {
        Overwrite::Replace => temp.persist(path),
        Overwrite::Refuse => temp.persist_noclobber(path),
    };
    persisted.map_err(|e| match e.error.kind() {
        io::ErrorKind::AlreadyExists => CaseFileError::Exists {
            path: path.to_path_buf(),
        },
        _ => write_error(e.error),
    })?;
    sync_folder(&folder);
    Ok(())
}

/// Flushes the folder entry after a rename so the new name survives a power cut.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = std::fs::File::open(folder) {
        // Best effort: some file systems do not support syncing a folder.
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

/// A short display name for a path (its file name), for messages.
pub struct FileName<'a>(pub &'a Path);

impl fmt::Display for FileName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.file_name() {
            Some(name) => write!(f, "{}", name.to_string_lossy()),
            None => write!(f, "{}", self.0.display()),
        }
    }
}
