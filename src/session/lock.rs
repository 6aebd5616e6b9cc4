//! Case locks: a second window (or a colleague on a shared drive) opening a
//! case that is already open is warned, so that neither overwrites the other.
//!
//! The lock is a small file beside the case (`.NAME.lock`) holding the owning
//! process id, host and start time, and held with an operating-system file
//! lock for as long as the case is open. The operating system releases that
//! lock when the process ends, however it ends, so a lock file left behind by
//! a crash is recognised as stale and taken over without asking.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// A held lock on a case file; released (and its file removed) on drop.
#[derive(Debug)]
pub struct CaseLock {
    path: PathBuf,
    file: File,
}

/// Why a lock could not be taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockError {
    /// Another live process holds it.
    Held {
        /// The lock file.
        lock_file: PathBuf,
        /// Who holds it, as recorded in the lock file (when readable).
        owner: Option<Owner>,
    },
    /// The lock file could not be created (for example a read-only folder);
    /// the case can still be opened, unprotected.
    Unavailable(String),
}

impl std::fmt::Display for LockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LockError::Held {
                owner: Some(owner), ..
            } => write!(
                f,
                "the case is open in another foi-drafter window (process {} on {}, since {})",
                owner.pid, owner.host, owner.since
            ),
            LockError::Held { owner: None, .. } => {
                write!(f, "the case is open in another foi-drafter window")
            }
            LockError::Unavailable(why) => write!(f, "the case could not be locked: {why}"),
        }
    }
}

/// The process that holds a lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    /// Its process id.
    pub pid: u32,
    /// The computer it runs on.
    pub host: String,
    /// When it took the lock (local time, to the minute).
    pub since: String,
}

impl Owner {
    fn current() -> Owner {
        let host = std::env::var("HOSTNAME")
            .or_else(|_| std::env::var("COMPUTERNAME"))
            .ok()
            .or_else(|| {
                std::fs::read_to_string("/etc/hostname")
                    .ok()
                    .map(|h| h.trim().to_string())
            })
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| "this computer".to_string());
        Owner {
            pid: std::process::id(),
            host,
            since: jiff::Zoned::now().strftime("%Y-%m-%d %H:%M").to_string(),
        }
    }

    fn to_text(&self) -> String {
        format!(
            "pid {}\nhost {}\nsince {}\n",
            self.pid, self.host, self.since
        )
    }

    fn parse(text: &str) -> Option<Owner> {
        let mut pid = None;
        let mut host = None;
        let mut since = None;
        for line in text.lines() {
            if let Some(value) = line.strip_prefix("pid ") {
                pid = value.trim().parse().ok();
            } else if let Some(value) = line.strip_prefix("host ") {
                host = Some(value.trim().to_string());
            } else if let Some(value) = line.strip_prefix("since ") {
                since = Some(value.trim().to_string());
            }
        }
        Some(Owner {
            pid: pid?,
            host: host?,
            since: since?,
        })
    }
}

/// The lock file for a case file: hidden, in the same folder.
pub fn lock_path(case_path: &Path) -> PathBuf {
    let name = case_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "case".into());
    case_path.with_file_name(format!(".{name}.lock"))
}

impl CaseLock {
    /// Takes the lock on a case file, taking over a stale one.
    pub fn acquire(case_path: &Path) -> Result<CaseLock, LockError> {
        let path = lock_path(case_path);
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options
            .open(&path)
            .map_err(|e| LockError::Unavailable(super::files::describe_io(&e)))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut text = String::new();
                let owner = file
                    .read_to_string(&mut text)
                    .ok()
                    .and_then(|_| Owner::parse(&text));
                return Err(LockError::Held {
                    lock_file: path,
                    owner,
                });
            }
            Err(TryLockError::Error(e)) => {
                return Err(LockError::Unavailable(super::files::describe_io(&e)));
            }
        }
        // Ours now: either fresh, or left by a process that has ended.
        let written = file
            .set_len(0)
            .and_then(|()| file.seek(SeekFrom::Start(0)))
            .and_then(|_| file.write_all(Owner::current().to_text().as_bytes()))
            .and_then(|()| file.flush());
        if let Err(e) = written {
            return Err(LockError::Unavailable(super::files::describe_io(&e)));
        }
        Ok(CaseLock { path, file })
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Who holds the lock on a case file now, if anyone does (a lock file
    /// whose process has ended does not count).
    pub fn holder(case_path: &Path) -> Option<Owner> {
        let path = lock_path(case_path);
        let file = File::open(&path).ok()?;
        match file.try_lock_shared() {
            Ok(()) => None,
            Err(_) => std::fs::read_to_string(&path)
                .ok()
                .and_then(|t| Owner::parse(&t)),
        }
    }
}

impl Drop for CaseLock {
    fn drop(&mut self) {
        // Remove the file while still holding the lock, so no other process
        // can take it in between and then lose it.
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_an_open_case_is_refused_with_the_owner() {
        let dir = tempfile::tempdir().unwrap();
        let case = dir.path().join("NP-1.case.ron");
        let first = CaseLock::acquire(&case).unwrap();
        assert!(first.path().ends_with(".NP-1.case.ron.lock"));
        match CaseLock::acquire(&case) {
            Err(LockError::Held {
                owner: Some(owner), ..
            }) => {
                assert_eq!(owner.pid, std::process::id());
                let message = LockError::Held {
                    lock_file: first.path().to_path_buf(),
                    owner: Some(owner),
                }
                .to_string();
                assert!(
                    message.contains("open in another foi-drafter window"),
                    "{message}"
                );
            }
            other => panic!("expected the lock to be held, got {other:?}"),
        }
        assert_eq!(
            CaseLock::holder(&case).map(|o| o.pid),
            Some(std::process::id())
        );
        drop(first);
        assert!(!lock_path(&case).exists(), "closing removes the lock file");
        assert!(CaseLock::acquire(&case).is_ok(), "free again once closed");
    }

    #[test]
    fn a_lock_file_left_by_a_crash_is_stale_and_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let case = dir.path().join("c.case.ron");
        // What a crashed process leaves: the file, with no process holding it.
        std::fs::write(
            lock_path(&case),
            "pid 999999\nhost elsewhere\nsince 2026-01-01 09:00\n",
        )
        .unwrap();
        assert_eq!(CaseLock::holder(&case), None, "nobody holds it");
        let lock = CaseLock::acquire(&case).unwrap();
        let text = std::fs::read_to_string(lock.path()).unwrap();
        assert!(
            text.starts_with(&format!("pid {}\n", std::process::id())),
            "{text}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn lock_files_are_owner_readable_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let lock = CaseLock::acquire(&dir.path().join("c.case.ron")).unwrap();
        let mode = std::fs::metadata(lock.path()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
