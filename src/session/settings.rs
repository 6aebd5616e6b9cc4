//! Where the user's files live and how they are read: the authority profile,
//! the team paragraph library and the app's preferences.

use std::path::{Path, PathBuf};

use crate::core::rules::inference::{TeamThesaurus, Vocabulary, bundled_words};
use crate::core::rules::public_record::{PublicRecord, RecordEntry, parse_record, write_record};

use serde::{Deserialize, Serialize};

use super::files::{CaseFileError, Overwrite, read_utf8, write_atomically};
use crate::core::catalogue::Catalogues;
use crate::core::document::AuthorityProfile;
use crate::core::paragraphs::{Library, LibraryProblem, parse_file, validate};

/// Largest profile, paragraph or logo file accepted.
const MAX_DATA_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The app's folders (per user, created on demand).
pub fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("uk", "foi-drafter", "FoiDrafter")
}

/// The configuration folder (`~/.config/foidrafter` on Linux).
pub fn config_dir() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().to_path_buf())
}

/// The data folder, where autosaves live.
pub fn data_dir() -> Option<PathBuf> {
    project_dirs().map(|d| d.data_dir().to_path_buf())
}

/// The default authority profile file.
pub fn default_profile_path() -> Option<PathBuf> {
    config_dir().map(|d| d.join("authority.ron"))
}

/// The default team paragraph folder.
pub fn default_library_dir() -> Option<PathBuf> {
    config_dir().map(|d| d.join("paragraphs"))
}

/// A loaded authority profile with its logo bytes.
#[derive(Debug, Clone, Default)]
pub struct LoadedProfile {
    /// The profile (blank when none was found).
    pub profile: AuthorityProfile,
    /// The logo image, if the profile names one that could be read.
    pub logo: Option<Vec<u8>>,
    /// Things the user should know (no profile found, logo unreadable).
    pub warnings: Vec<String>,
    /// False when no profile was found and the blank one stands in.
    pub found: bool,
}

impl From<AuthorityProfile> for LoadedProfile {
    /// A profile with no logo and nothing to warn about.
    fn from(profile: AuthorityProfile) -> LoadedProfile {
        LoadedProfile {
            profile,
            logo: None,
            warnings: Vec::new(),
            found: true,
        }
    }
}

/// Reads the authority profile: `explicit` if given (an error if unreadable),
/// else the one in the config folder, else a blank profile with a warning.
pub fn load_profile(explicit: Option<&Path>) -> Result<LoadedProfile, CaseFileError> {
    let path = match explicit {
        Some(path) => path.to_path_buf(),
        None => match default_profile_path().filter(|p| p.exists()) {
            Some(path) => path,
            None => {
                return Ok(LoadedProfile {
                    warnings: vec![
                        "no authority profile found: the letter shows [Authority name] and similar markers (see Settings, or pass --profile)".into(),
                    ],
                    ..LoadedProfile::default()
                });
            }
        },
    };
    let text = read_utf8(&path, MAX_DATA_FILE_BYTES)?;
    let profile = AuthorityProfile::from_ron(&text).map_err(|problem| CaseFileError::Invalid {
        path: path.clone(),
        line: problem.line,
        column: problem.column,
        message: problem.message,
    })?;
    let mut loaded = LoadedProfile::from(profile);
    if let Some(logo) = loaded.profile.logo.clone().filter(|l| !l.trim().is_empty()) {
        let logo_path = path.parent().unwrap_or(Path::new(".")).join(&logo);
        match std::fs::read(&logo_path) {
            Ok(bytes) if image::guess_format(&bytes).is_ok() => loaded.logo = Some(bytes),
            Ok(_) => loaded.warnings.push(format!(
                "{}: the logo is not a PNG or JPEG image; the letter has no logo",
                logo_path.display()
            )),
            Err(error) => loaded.warnings.push(format!(
                "{}: cannot read the logo ({}); the letter has no logo",
                logo_path.display(),
                super::files::describe_io(&error)
            )),
        }
    }
    Ok(loaded)
}

/// Saves an authority profile.
pub fn save_profile(path: &Path, profile: &AuthorityProfile) -> Result<(), CaseFileError> {
    if let Some(parent) = path.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    write_atomically(path, profile.to_ron().as_bytes(), Overwrite::Replace)
}

/// The `.ron` files of a folder, sorted, with their text.
pub fn read_ron_folder(dir: &Path) -> Result<Vec<(String, String)>, CaseFileError> {
    let entries = std::fs::read_dir(dir).map_err(|source| CaseFileError::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = read_utf8(&path, MAX_DATA_FILE_BYTES)?;
            Ok((path.display().to_string(), text))
        })
        .collect()
}

/// The bundled library with a team folder's paragraphs laid over it.
/// `explicit` must exist; the default folder is used only if present.
/// Any problem in a team file is an error naming file, line and column.
pub fn load_library(explicit: Option<&Path>) -> Result<Library, String> {
    let dir = match explicit {
        Some(dir) => Some(dir.to_path_buf()),
        None => default_library_dir().filter(|d| d.is_dir()),
    };
    let mut library = Library::bundled().clone();
    let Some(dir) = dir else {
        return Ok(library);
    };
    let files = read_ron_folder(&dir).map_err(|e| e.to_string())?;
    let problems = validate(&files, Catalogues::bundled());
    if let Some(first) = problems.first() {
        return Err(format!(
            "{first}{}",
            if problems.len() > 1 {
                format!(
                    " (and {} more problems; run foi-drafter templates validate)",
                    problems.len() - 1
                )
            } else {
                String::new()
            }
        ));
    }
    for (file, text) in &files {
        let paragraphs = parse_file(file, text).map_err(|p: LibraryProblem| p.to_string())?;
        library.add(paragraphs, file, true);
    }
    Ok(library)
}

/// The team's extra NCND synonyms: `ncnd-thesaurus.ron` in the configuration
/// folder, beside the paragraph library.
pub fn default_thesaurus_path() -> Option<PathBuf> {
    config_dir().map(|d| d.join("ncnd-thesaurus.ron"))
}

/// The words the NCND check reads with: the bundled lists, with the team's
/// synonym groups when the team file exists. An unreadable or malformed team
/// file is an error naming the file, line and column.
pub fn load_ncnd_words(explicit: Option<&Path>) -> Result<Vocabulary, String> {
    let path = match explicit {
        Some(path) => Some(path.to_path_buf()),
        None => default_thesaurus_path().filter(|p| p.symlink_metadata().is_ok()),
    };
    let Some(path) = path else {
        return Ok(Vocabulary::bundled().clone());
    };
    let text = read_utf8(&path, MAX_DATA_FILE_BYTES).map_err(|e| e.to_string())?;
    let team = TeamThesaurus::from_ron(&text)
        .map_err(|p| format!("{}:{}:{}: {}", path.display(), p.line, p.column, p.message))?;
    Ok(Vocabulary::new(bundled_words(), Some(&team)))
}

/// The team's public record: `public-record.ron` in the configuration
/// folder, beside the paragraph library.
pub fn default_record_path() -> Option<PathBuf> {
    config_dir().map(|d| d.join("public-record.ron"))
}

/// The public record: the bundled entries, with the team's when its file
/// exists. A malformed team file is an error naming the file, line and column.
pub fn load_public_record(explicit: Option<&Path>) -> Result<PublicRecord, String> {
    let path = match explicit {
        Some(path) => Some(path.to_path_buf()),
        None => default_record_path().filter(|p| p.symlink_metadata().is_ok()),
    };
    let mut record = PublicRecord::bundled().clone();
    let Some(path) = path else {
        return Ok(record);
    };
    let text = read_utf8(&path, MAX_DATA_FILE_BYTES).map_err(|e| e.to_string())?;
    record.team = parse_record(&text)
        .map_err(|p| format!("{}:{}:{}: {}", path.display(), p.line, p.column, p.message))?;
    Ok(record)
}

/// Saves the team's public record atomically, replacing the file.
pub fn save_team_record(path: &Path, entries: &[RecordEntry]) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("{}: {}", dir.display(), super::files::describe_io(&e)))?;
    }
    super::files::write_atomically(
        path,
        write_record(entries).as_bytes(),
        super::files::Overwrite::Replace,
    )
    .map_err(|e| e.to_string())
}

/// The app's preferences (`settings.ron` in the config folder).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Preferences {
    /// Dark theme.
    pub dark_mode: bool,
    /// Text size multiplier (1.0 = 100%).
    pub text_scale: f32,
    /// The authority profile file, if not the default.
    pub profile_path: Option<PathBuf>,
    /// The team paragraph folder, if not the default.
    pub library_dir: Option<PathBuf>,
    /// A newer GOV.UK bank holiday file.
    pub holidays_path: Option<PathBuf>,
    /// Recently opened case files (paths only; the list shows reference and subject).
    pub recent: Vec<PathBuf>,
}

impl Default for Preferences {
    fn default() -> Preferences {
        Preferences {
            dark_mode: false,
            text_scale: 1.0,
            profile_path: None,
            library_dir: None,
            holidays_path: None,
            recent: Vec::new(),
        }
    }
}

impl Preferences {
    /// The preferences file.
    pub fn path() -> Option<PathBuf> {
        config_dir().map(|d| d.join("settings.ron"))
    }

    /// Loads preferences from a file; a missing or unreadable file gives defaults.
    pub fn load_from(path: &Path) -> Preferences {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|text| ron::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Saves preferences to a file.
    pub fn save_to(&self, path: &Path) -> Result<(), CaseFileError> {
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let config = ron::ser::PrettyConfig::new().indentor("    ");
        let text = ron::ser::to_string_pretty(self, config).unwrap_or_default();
        write_atomically(path, text.as_bytes(), Overwrite::Replace)
    }

    /// Puts a path at the top of the recent list (at most 10 kept).
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(10);
    }
}
