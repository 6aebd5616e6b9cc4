//! The open case and everything that touches disk: case files, the bundled
//! sample and (later) autosave. The GUI reads a [`Session`] and changes it only
//! through its methods.

pub mod actions;
pub mod autosave;
pub mod files;
pub mod holidays;
pub mod leak;
pub mod letter;
pub mod lock;
pub mod settings;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::core::case::Case;
use crate::core::case_file;
use actions::{Action, ActionError, Target};
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

/// One undo (or redo) step.
#[derive(Debug, Clone)]
struct Step {
    /// The action that goes back.
    inverse: Action,
    /// What it edits (consecutive edits of one target merge).
    target: Target,
    /// The revision before the step.
    revision_before: u64,
}

/// An open case, where it lives on disk, and its undo history.
///
/// [`Session::apply`] is the only way to change the case: every change is
/// undoable, and the session knows whether there is anything unsaved.
#[derive(Debug, Clone)]
pub struct Session {
    case: Case,
    path: Option<PathBuf>,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Identifies the current state of the case; new for every change.
    revision: u64,
    /// Source of fresh revision numbers.
    next_revision: u64,
    /// The revision last saved to the case file.
    saved_revision: u64,
    /// The revision last written to the autosave file.
    autosaved_revision: u64,
    /// False after undo, redo or a save, so the next edit starts a new step.
    merge_open: bool,
    /// Names the autosave file; stable for the session.
    autosave_name: String,
    /// When the oldest change the autosave file does not hold was made.
    unautosaved_since: Option<Instant>,
}

/// How many undo steps are kept.
const UNDO_LIMIT: usize = 500;

impl Session {
    /// A session on a case that has no file yet (unsaved).
    pub fn new(case: Case) -> Session {
        let autosave_name = autosave::name_for(None);
        Session {
            case,
            path: None,
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
            next_revision: 1,
            saved_revision: 0,
            autosaved_revision: 0,
            merge_open: false,
            autosave_name,
            unautosaved_since: None,
        }
    }

    /// Opens a case file. On error nothing is kept, so a file that failed to
    /// load can never be saved over by this session.
    pub fn open(path: &Path) -> Result<Session, CaseFileError> {
        let case = files::load_case(path)?;
        let mut session = Session::new(case);
        session.path = Some(path.to_path_buf());
        session.autosave_name = autosave::name_for(Some(path));
        Ok(session)
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
        self.revision != self.saved_revision
    }

    /// True when the case has changes the autosave file does not hold.
    pub fn needs_autosave(&self) -> bool {
        self.revision != self.autosaved_revision && self.revision != self.saved_revision
    }

    /// A number that changes whenever the case changes (for caches).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    fn fresh_revision(&mut self) -> u64 {
        let revision = self.next_revision;
        self.next_revision += 1;
        revision
    }

    /// Applies a change. Consecutive changes to the same field (typing) merge
    /// into one undo step.
    pub fn apply(&mut self, action: Action) -> Result<(), ActionError> {
        self.apply_inner(action, true)
    }

    /// Applies a change as its own undo step, never merged with the last.
    pub fn apply_separately(&mut self, action: Action) -> Result<(), ActionError> {
        self.apply_inner(action, false)
    }

    fn apply_inner(&mut self, action: Action, may_merge: bool) -> Result<(), ActionError> {
        let target = action.target();
        let inverse = action.apply_to(&mut self.case)?;
        let merges = may_merge
            && self.merge_open
            && target != Target::Structure
            && self.undo.last().is_some_and(|step| step.target == target);
        if !merges {
            self.undo.push(Step {
                inverse,
                target,
                revision_before: self.revision,
            });
            if self.undo.len() > UNDO_LIMIT {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.merge_open = true;
        self.revision = self.fresh_revision();
        self.note_change();
        Ok(())
    }

    /// Ends the current typing run: the next edit is a new undo step.
    pub fn end_merge(&mut self) {
        self.merge_open = false;
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The label of what undo would undo.
    pub fn undo_label(&self) -> Option<&'static str> {
        self.undo.last().map(|s| s.inverse.label())
    }

    /// The label of what redo would redo.
    pub fn redo_label(&self) -> Option<&'static str> {
        self.redo.last().map(|s| s.inverse.label())
    }

    /// Undoes the last step. Returns false when there was nothing to undo.
    pub fn undo(&mut self) -> bool {
        self.merge_open = false;
        let moved = Self::travel(
            &mut self.case,
            &mut self.undo,
            &mut self.redo,
            &mut self.revision,
        );
        self.note_change();
        moved
    }

    /// Redoes the last undone step. Returns false when there was nothing to redo.
    pub fn redo(&mut self) -> bool {
        self.merge_open = false;
        let moved = Self::travel(
            &mut self.case,
            &mut self.redo,
            &mut self.undo,
            &mut self.revision,
        );
        self.note_change();
        moved
    }

    /// Starts the autosave clock at the first change it does not hold.
    fn note_change(&mut self) {
        if !self.needs_autosave() {
            self.unautosaved_since = None;
        } else if self.unautosaved_since.is_none() {
            self.unautosaved_since = Some(Instant::now());
        }
    }

    /// How long until the autosave is due: `None` when there is nothing to
    /// autosave, zero when it is due now. Changes are never more than
    /// [`autosave::INTERVAL`] old in the autosave file, however continuously
    /// the caseworker types.
    pub fn autosave_due_in(&self) -> Option<Duration> {
        if !self.needs_autosave() {
            return None;
        }
        let since = self
            .unautosaved_since
            .map_or(autosave::INTERVAL, |t| t.elapsed());
        Some(autosave::INTERVAL.saturating_sub(since))
    }

    /// Moves one step from `from` to `to`; revisions name states, so undoing
    /// back to the saved state makes the case clean again.
    fn travel(
        case: &mut Case,
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
        revision: &mut u64,
    ) -> bool {
        let Some(step) = from.pop() else {
            return false;
        };
        let Ok(back) = step.inverse.apply_to(case) else {
            // An inverse that no longer applies would mean a bug; drop the history.
            from.clear();
            to.clear();
            return false;
        };
        let here = *revision;
        *revision = step.revision_before;
        to.push(Step {
            inverse: back,
            target: step.target,
            revision_before: here,
        });
        true
    }

    /// Saves to the current file. Fails when the case has no file yet.
    pub fn save(&mut self) -> Result<(), CaseFileError> {
        let Some(path) = self.path.clone() else {
            return Err(CaseFileError::Write {
                path: PathBuf::from("(unsaved case)"),
                source: std::io::Error::other("choose a file name first (Save As)"),
            });
        };
        crate::core::rules::inference::drop_stale_acknowledgements(&mut self.case);
        files::save_case(&path, &self.case, Overwrite::Replace)?;
        self.saved_revision = self.revision;
        self.merge_open = false;
        self.unautosaved_since = None;
        Ok(())
    }

    /// Saves to a new file and makes it the case's file.
    pub fn save_as(&mut self, path: &Path, overwrite: Overwrite) -> Result<(), CaseFileError> {
        crate::core::rules::inference::drop_stale_acknowledgements(&mut self.case);
        files::save_case(path, &self.case, overwrite)?;
        self.path = Some(path.to_path_buf());
        self.saved_revision = self.revision;
        self.merge_open = false;
        self.unautosaved_since = None;
        Ok(())
    }

    /// Writes the autosave file in `dir` if there are unsaved changes.
    pub fn autosave(&mut self, dir: &Path) -> Result<Option<PathBuf>, CaseFileError> {
        if !self.needs_autosave() {
            return Ok(None);
        }
        let path = autosave::write(dir, &self.autosave_name, self.path.as_deref(), &self.case)?;
        self.autosaved_revision = self.revision;
        self.unautosaved_since = None;
        Ok(Some(path))
    }

    /// Removes this session's autosave file (after a save, or on a clean close).
    pub fn discard_autosave(&self, dir: &Path) {
        autosave::remove(dir, &self.autosave_name);
    }

    /// A session restored from an autosave: the case as autosaved, attached to
    /// its original file (if any) and marked unsaved.
    pub fn from_autosave(recovered: autosave::Recovered) -> Session {
        let mut session = Session::new(recovered.case);
        session.autosave_name = recovered.name;
        session.path = recovered.original;
        session.revision = session.fresh_revision();
        session
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::case::{Decision, Question};

    fn session() -> Session {
        let mut case = sample_case();
        case.questions.truncate(2);
        Session::new(case)
    }

    fn answer(text: &str) -> Action {
        Action::SetDecision {
            index: 0,
            decision: Decision::Disclose {
                answer: text.into(),
            },
        }
    }

    #[test]
    fn typing_in_one_field_is_one_undo_step() {
        let mut s = session();
        let original = s.case().clone();
        for text in ["T", "Te", "Ten", "Ten."] {
            s.apply(answer(text)).unwrap();
        }
        assert!(s.is_dirty());
        assert!(s.undo());
        assert_eq!(s.case(), &original);
        assert!(!s.is_dirty(), "back to the opened state");
        assert!(!s.can_undo());
        assert!(s.redo());
        assert_eq!(
            s.case().questions[0].decision,
            Decision::Disclose {
                answer: "Ten.".into()
            }
        );
    }

    #[test]
    fn ending_a_typing_run_starts_a_new_step() {
        let mut s = session();
        s.apply(answer("One")).unwrap();
        s.end_merge();
        s.apply(answer("One two")).unwrap();
        s.undo();
        assert_eq!(
            s.case().questions[0].decision,
            Decision::Disclose {
                answer: "One".into()
            }
        );
    }

    #[test]
    fn a_new_change_clears_redo() {
        let mut s = session();
        s.apply(Action::SetSubject("A".into())).unwrap();
        s.undo();
        assert!(s.can_redo());
        s.apply(Action::SetSubject("B".into())).unwrap();
        assert!(!s.can_redo());
        assert_eq!(s.redo_label(), None);
    }

    #[test]
    fn saving_marks_clean_and_undo_after_save_marks_dirty() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = session();
        s.apply(Action::InsertQuestion {
            index: 2,
            question: Question::new(0, "Three?"),
        })
        .unwrap();
        s.save_as(&dir.path().join("s.case.ron"), Overwrite::Refuse)
            .unwrap();
        assert!(!s.is_dirty());
        s.undo();
        assert!(s.is_dirty());
        s.redo();
        assert!(!s.is_dirty(), "redo returns to the saved state");
    }

    /// A save that cannot be written leaves the case open, unsaved and
    /// unchanged, the old file as it was, and says which file and why.
    fn assert_failed_save_loses_nothing(s: &mut Session, file: &Path, old_text: Option<&str>) {
        let before = s.case().clone();
        let error = s.save().expect_err("the save cannot succeed").to_string();
        assert!(error.contains(&file.display().to_string()), "{error}");
        assert_eq!(s.case(), &before, "the case in memory is untouched");
        assert!(s.is_dirty(), "the changes still count as unsaved");
        if let Some(old_text) = old_text {
            assert_eq!(std::fs::read_to_string(file).unwrap(), old_text);
        }
        assert!(s.can_undo(), "the undo history is kept");
    }

    #[test]
    fn a_save_into_a_vanished_folder_fails_clearly_and_keeps_everything() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("share");
        std::fs::create_dir(&folder).unwrap();
        let file = folder.join("c.case.ron");
        let mut s = session();
        s.save_as(&file, Overwrite::Refuse).unwrap();
        s.apply(Action::SetSubject("Edited after saving".into()))
            .unwrap();
        // The network drive goes away.
        std::fs::remove_dir_all(&folder).unwrap();
        assert_failed_save_loses_nothing(&mut s, &file, None);
        assert!(!folder.exists(), "nothing is created in its place");
    }

    #[cfg(unix)]
    #[test]
    fn a_save_into_a_read_only_folder_fails_clearly_and_keeps_the_old_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("c.case.ron");
        let mut s = session();
        s.save_as(&file, Overwrite::Refuse).unwrap();
        let old_text = std::fs::read_to_string(&file).unwrap();
        s.apply(Action::SetSubject("Edited after saving".into()))
            .unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o500)).unwrap();
        // An administrator account ignores folder permissions; then the
        // failure cannot be provoked this way and only the vanished-folder
        // test above applies.
        let enforced = std::fs::File::create(dir.path().join("probe")).is_err();
        if enforced {
            assert_failed_save_loses_nothing(&mut s, &file, Some(&old_text));
            let error = s.save().unwrap_err().to_string();
            assert!(error.contains("permission"), "{error}");
        } else {
            let _ = std::fs::remove_file(dir.path().join("probe"));
        }
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
        s.save().expect("saves once the folder is writable again");
        assert!(!s.is_dirty());
    }

    #[test]
    fn autosave_writes_only_when_something_is_unsaved() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = session();
        assert_eq!(s.autosave(dir.path()).unwrap(), None);
        s.apply(Action::SetSubject("Changed".into())).unwrap();
        let path = s.autosave(dir.path()).unwrap().expect("written");
        assert!(path.exists());
        assert_eq!(s.autosave(dir.path()).unwrap(), None, "nothing new");
        let recovered = autosave::scan(dir.path()).recoverable.pop().unwrap();
        assert_eq!(recovered.case.subject, "Changed");
        let restored = Session::from_autosave(recovered);
        assert!(restored.is_dirty());
        s.discard_autosave(dir.path());
        assert!(!path.exists());
    }
}
