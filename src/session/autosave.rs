//! Autosave files: the open case written to the data folder while the
//! caseworker works, so a crash or power cut loses at most a few seconds.
//!
//! Each file is a normal case file with a first line naming the case file it
//! belongs to. File names never contain the requester's details.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::files::{CaseFileError, Overwrite, read_utf8, write_atomically};
use crate::core::case::Case;
use crate::core::case_file::{parse_case, write_case};

/// The longest a change waits before it is in the autosave file.
pub const INTERVAL: std::time::Duration = std::time::Duration::from_secs(3);

const SUFFIX: &str = ".autosave.ron";
const HEADER: &str = "// autosave of: ";
const UNSAVED: &str = "(not saved yet)";

/// The autosave name for a case file (stable for the same path), or a fresh
/// name for a case with no file.
pub fn name_for(path: Option<&Path>) -> String {
    match path {
        Some(path) => {
            let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            absolute.hash(&mut hasher);
            format!("case-{:016x}", hasher.finish())
        }
        None => {
            let nanos = SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0);
            format!("untitled-{}-{nanos}", std::process::id())
        }
    }
}

/// The autosave file for a name.
pub fn path_for(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!("{name}{SUFFIX}"))
}

/// Writes an autosave (atomically, owner-readable only).
pub fn write(
    dir: &Path,
    name: &str,
    original: Option<&Path>,
    case: &Case,
) -> Result<PathBuf, CaseFileError> {
    std::fs::create_dir_all(dir).map_err(|source| CaseFileError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let path = path_for(dir, name);
    let original = original
        .map(|p| {
            std::path::absolute(p)
                .unwrap_or_else(|_| p.to_path_buf())
                .to_string_lossy()
                .into_owned()
        })
        .unwrap_or_else(|| UNSAVED.to_string());
    let text = format!("{HEADER}{original}\n{}", write_case(case));
    write_atomically(&path, text.as_bytes(), Overwrite::Replace)?;
    Ok(path)
}

/// Removes an autosave, if present.
pub fn remove(dir: &Path, name: &str) {
    let _ = std::fs::remove_file(path_for(dir, name));
}

/// A case found in an autosave file.
#[derive(Debug, Clone)]
pub struct Recovered {
    /// The autosave name (to keep autosaving to the same file).
    pub name: String,
    /// The autosave file.
    pub autosave_path: PathBuf,
    /// The case file it belongs to, if it had one.
    pub original: Option<PathBuf>,
    /// The case as autosaved.
    pub case: Case,
    /// When the autosave was written.
    pub saved_at: SystemTime,
}

/// What a look in the autosave folder found.
#[derive(Debug, Default)]
pub struct Scan {
    /// Autosaves newer than their case file (or with no case file): offer these.
    pub recoverable: Vec<Recovered>,
    /// Autosaves that could not be read, renamed with `.unreadable` and kept.
    pub set_aside: Vec<PathBuf>,
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Finds autosaves worth offering. Unreadable ones are kept aside, never deleted;
/// ones older than their saved case file are stale and removed.
pub fn scan(dir: &Path) -> Scan {
    let mut scan = Scan::default();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return scan;
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(SUFFIX))
        .collect();
    paths.sort();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().trim_end_matches(SUFFIX).to_string())
            .unwrap_or_default();
        let parsed = read_utf8(&path, super::files::MAX_CASE_FILE_BYTES)
            .ok()
            .and_then(|text| {
                let original = text
                    .lines()
                    .next()
                    .and_then(|l| l.strip_prefix(HEADER))
                    .filter(|p| *p != UNSAVED)
                    .map(PathBuf::from);
                parse_case(&text).ok().map(|case| (original, case))
            });
        let Some((original, case)) = parsed else {
            let aside = path.with_extension("ron.unreadable");
            if std::fs::rename(&path, &aside).is_ok() {
                scan.set_aside.push(aside);
            }
            continue;
        };
        let saved_at = modified(&path).unwrap_or(SystemTime::UNIX_EPOCH);
        let stale = original
            .as_deref()
            .and_then(modified)
            .is_some_and(|case_time| case_time > saved_at);
        if stale {
            let _ = std::fs::remove_file(&path);
            continue;
        }
        scan.recoverable.push(Recovered {
            name,
            autosave_path: path,
            original,
            case,
            saved_at,
        });
    }
    scan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::case::Regime;

    #[test]
    fn names_are_stable_per_file_and_never_hold_personal_data() {
        let a = name_for(Some(Path::new("/cases/Sam Example.case.ron")));
        assert_eq!(a, name_for(Some(Path::new("/cases/Sam Example.case.ron"))));
        assert!(!a.contains("Sam"));
        assert!(name_for(None).starts_with("untitled-"));
    }

    #[test]
    fn an_autosave_round_trips_and_unreadable_ones_are_kept_aside() {
        let dir = tempfile::tempdir().unwrap();
        let mut case = Case::new("AUTO-1", Regime::Eir, jiff::civil::date(2026, 3, 2));
        case.subject = "Flooding".into();
        let written = write(dir.path(), "untitled-1", None, &case).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&written).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "autosaves are owner-readable only");
        }
        std::fs::write(
            dir.path().join("broken.autosave.ron"),
            "(format_version: 1, case: (",
        )
        .unwrap();
        let scan = scan(dir.path());
        assert_eq!(scan.recoverable.len(), 1);
        assert_eq!(scan.recoverable[0].case, case);
        assert_eq!(scan.recoverable[0].original, None);
        assert_eq!(scan.set_aside.len(), 1);
        assert!(scan.set_aside[0].exists(), "kept, not deleted");
    }

    #[test]
    fn an_autosave_older_than_its_saved_case_is_not_offered() {
        let dir = tempfile::tempdir().unwrap();
        let case_path = dir.path().join("c.case.ron");
        let case = Case::new("AUTO-2", Regime::Foia, jiff::civil::date(2026, 3, 2));
        let auto = dir.path().join("auto");
        write(&auto, "case-x", Some(&case_path), &case).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        crate::session::files::save_case(&case_path, &case, Overwrite::Refuse).unwrap();
        assert!(scan(&auto).recoverable.is_empty());
    }
}
