//! File dialogs behind a trait, so tests can answer them and a missing
//! desktop portal never strands the user (every dialog has a typed-path
//! alternative in the window).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::rc::Rc;

use crate::export::Format;

/// Asks the user for paths.
pub trait Dialogs {
    /// A case file to open.
    fn open_case(&mut self) -> Option<PathBuf>;
    /// A request text file to read.
    fn open_request_text(&mut self) -> Option<PathBuf>;
    /// Where to save a case.
    fn save_case(&mut self, suggested_name: &str) -> Option<PathBuf>;
    /// Where to export a letter.
    fn export(&mut self, suggested_name: &str, format: Format) -> Option<PathBuf>;
    /// Any file with one of the extensions.
    fn pick_file(&mut self, title: &str, extensions: &[&str]) -> Option<PathBuf>;
    /// A folder.
    fn pick_folder(&mut self, title: &str) -> Option<PathBuf>;
}

/// The operating system's dialogs (via rfd).
pub struct SystemDialogs;

impl Dialogs for SystemDialogs {
    fn open_case(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open case")
            .add_filter("Case files", &["ron"])
            .pick_file()
    }

    fn open_request_text(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open request text")
            .add_filter("Text", &["txt", "eml", "text"])
            .pick_file()
    }

    fn save_case(&mut self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Save case")
            .set_file_name(suggested_name)
            .add_filter("Case files", &["ron"])
            .save_file()
    }

    fn export(&mut self, suggested_name: &str, format: Format) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Export letter")
            .set_file_name(suggested_name)
            .add_filter(format.label(), &[format.extension()])
            .save_file()
    }

    fn pick_file(&mut self, title: &str, extensions: &[&str]) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(title)
            .add_filter(title, extensions)
            .pick_file()
    }

    fn pick_folder(&mut self, title: &str) -> Option<PathBuf> {
        rfd::FileDialog::new().set_title(title).pick_folder()
    }
}

/// Dialogs that answer from a shared queue (for tests); an empty queue is
/// "cancelled". Clones share the queue, so a test can add answers later.
#[derive(Debug, Default, Clone)]
pub struct ScriptedDialogs {
    answers: Rc<RefCell<VecDeque<PathBuf>>>,
}

impl ScriptedDialogs {
    /// Dialogs with no answers yet.
    pub fn new() -> ScriptedDialogs {
        ScriptedDialogs::default()
    }

    /// Queues the answer to the next dialog.
    pub fn answer_next(&self, path: PathBuf) {
        self.answers.borrow_mut().push_back(path);
    }

    fn next(&self) -> Option<PathBuf> {
        self.answers.borrow_mut().pop_front()
    }
}

impl Dialogs for ScriptedDialogs {
    fn open_case(&mut self) -> Option<PathBuf> {
        self.next()
    }
    fn open_request_text(&mut self) -> Option<PathBuf> {
        self.next()
    }
    fn save_case(&mut self, _suggested_name: &str) -> Option<PathBuf> {
        self.next()
    }
    fn export(&mut self, _suggested_name: &str, _format: Format) -> Option<PathBuf> {
        self.next()
    }
    fn pick_file(&mut self, _title: &str, _extensions: &[&str]) -> Option<PathBuf> {
        self.next()
    }
    fn pick_folder(&mut self, _title: &str) -> Option<PathBuf> {
        self.next()
    }
}
