//! The eframe desktop app: a guided wizard from pasted request to exported
//! letter. It reads the [`Session`] and changes the case only by pushing
//! [`Action`]s through [`Session::apply`].

mod commands;
mod dialogs;
mod export_step;
mod intake;
mod preview;
mod review;
mod settings_window;
mod start;
mod trainer;
mod walkthrough;
mod whole_request;
mod widgets;
mod worker;

pub use commands::AppCommand;
pub use dialogs::{Dialogs, ScriptedDialogs, SystemDialogs};

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use eframe::egui::{self, Align, RichText};
use jiff::civil::Date;

use crate::core::calendar::CaseDates;
use crate::core::document::Anchor;
use crate::core::rules::{Assessment, Severity};
use crate::session::actions::Action;
use crate::session::autosave::{self, Recovered};
use crate::session::files::Overwrite;
use crate::session::holidays::load_holidays;
use crate::session::letter::LetterSetup;
use crate::session::lock::{self, CaseLock, LockError};
use crate::session::settings::{Preferences, load_library, load_profile};
use crate::session::{Session, sample_case};
use widgets::colours;

/// How long a frame waits for results before drawing with the last ones:
/// small cases update in the same frame, large ones never stall typing.
pub const RESULT_WAIT: Duration = Duration::from_millis(30);

/// The longest a change waits before it is in the autosave file.
pub const AUTOSAVE_IDLE: Duration = autosave::INTERVAL;

/// Where the app keeps its files, what day it is, and how it asks for paths.
/// Tests build one pointing at temporary folders with scripted dialogs.
pub struct AppEnv {
    /// Configuration folder (authority profile, settings, team paragraphs).
    pub config_dir: PathBuf,
    /// Data folder (autosaves).
    pub data_dir: PathBuf,
    /// Today's date.
    pub today: Date,
    /// File dialogs.
    pub dialogs: Box<dyn Dialogs>,
    /// Whether "Open file" and "Show in folder" may start other programs.
    pub may_launch: bool,
    /// The longest a frame waits for checking or export results before
    /// drawing with the last ones (and a progress indicator).
    pub result_wait: Duration,
}

impl AppEnv {
    /// The real environment: the user's folders, the system clock, rfd dialogs.
    pub fn from_system() -> AppEnv {
        let fallback = std::env::temp_dir().join("foi-drafter");
        AppEnv {
            config_dir: crate::session::settings::config_dir()
                .unwrap_or_else(|| fallback.join("config")),
            data_dir: crate::session::settings::data_dir().unwrap_or_else(|| fallback.join("data")),
            today: jiff::Zoned::now().date(),
            dialogs: Box::new(SystemDialogs),
            may_launch: true,
            result_wait: RESULT_WAIT,
        }
    }

    /// Where autosaves go.
    pub fn autosave_dir(&self) -> PathBuf {
        self.data_dir.join("autosave")
    }

    fn preferences_path(&self) -> PathBuf {
        self.config_dir.join("settings.ron")
    }

    /// The team's public record, beside the paragraph library.
    fn record_path(&self) -> PathBuf {
        self.config_dir.join("public-record.ron")
    }

    fn profile_path(&self, prefs: &Preferences) -> PathBuf {
        prefs
            .profile_path
            .clone()
            .unwrap_or_else(|| self.config_dir.join("authority.ron"))
    }
}

/// How the window opens.
#[derive(Debug, Clone)]
pub enum Launch {
    /// On a case file, or the start screen.
    Case(Option<PathBuf>),
    /// In trainer mode, presenting a scenario.
    Train {
        /// The scenario id.
        scenario: Option<String>,
        /// A trainer's scenario folder.
        dir: Option<PathBuf>,
    },
}

/// Opens the GUI window on `case` (or the start screen) and runs until it closes.
pub fn run(case: Option<PathBuf>) -> Result<(), String> {
    run_with(Launch::Case(case))
}

/// Opens the GUI window as asked and runs until it closes.
pub fn run_with(launch: Launch) -> Result<(), String> {
    let env = AppEnv::from_system();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("foi-drafter")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0]),
        ..Default::default()
    };
    eframe::run_native(
        "foi-drafter",
        options,
        Box::new(move |creation| {
            let mut app = DrafterApp::new(env);
            match launch {
                Launch::Case(Some(path)) => app.open_path(&path),
                // First start: show the sample so there is something to explore.
                Launch::Case(None) if app.prefs.recent.is_empty() && app.recovery.is_empty() => {
                    app.open_sample()
                }
                Launch::Case(None) => {}
                Launch::Train { scenario, dir } => {
                    if let Some(dir) = dir {
                        app.trainer.folder = dir.display().to_string();
                        app.trainer.load_folder();
                    }
                    app.train(scenario.as_deref(), scenario.is_some());
                    if scenario.is_some() {
                        creation
                            .egui_ctx
                            .send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
                    }
                }
            }
            app.apply_theme(&creation.egui_ctx);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| format!("cannot open the window: {e}"))
}

/// A step of the wizard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// Requester, dates and the list of questions.
    Intake,
    /// The walkthrough for one question (by index).
    Question(usize),
    /// Refusing the whole request.
    WholeRequest,
    /// Every finding.
    Review,
    /// Export.
    Export,
}

/// What to do once the user has answered "save changes?".
#[derive(Debug, Clone)]
enum Pending {
    NewCase,
    Open(PathBuf),
    OpenSample,
    Recover(Box<Recovered>),
    Close,
    Quit,
}

/// Something shown over the window.
#[derive(Debug, Clone)]
enum Overlay {
    UnsavedChanges(Pending),
    /// The case is open elsewhere: open it anyway, or not.
    AlreadyOpen {
        path: PathBuf,
        message: String,
    },
    Palette,
    Settings,
    Error(String),
}

/// The application.
pub struct DrafterApp {
    env: AppEnv,
    prefs: Preferences,
    setup: Arc<LetterSetup>,
    setup_generation: u64,
    session_generation: u64,
    case_lock: Option<CaseLock>,
    checker: Option<worker::Checker>,
    exporting: Option<worker::Export>,
    setup_problems: Vec<String>,
    /// Why the team's public record file could not be read, if it could not:
    /// Settings then refuses to write over it.
    record_unreadable: Option<String>,
    session: Option<Session>,
    step: Step,
    show_preview: bool,
    derived: Option<worker::Derived>,
    overlay: Option<Overlay>,
    status: Option<(String, bool)>,
    recovery: Vec<Recovered>,
    set_aside: Vec<PathBuf>,
    start: start::StartState,
    walk: walkthrough::WalkState,
    export: export_step::ExportState,
    settings: settings_window::SettingsForm,
    palette_query: String,
    scroll_preview: bool,
    quit_confirmed: bool,
    trainer: trainer::TrainerState,
    trainer_mode: bool,
    leak: Option<(worker::Version, crate::session::leak::LeakReport)>,
}

impl DrafterApp {
    /// The app in an environment: preferences and data loaded, autosaves scanned.
    pub fn new(env: AppEnv) -> DrafterApp {
        let prefs = Preferences::load_from(&env.preferences_path());
        let scan = autosave::scan(&env.autosave_dir());
        let mut app = DrafterApp {
            env,
            prefs,
            setup: Arc::new(LetterSetup::bundled()),
            setup_generation: 0,
            session_generation: 0,
            case_lock: None,
            checker: None,
            exporting: None,
            setup_problems: Vec::new(),
            record_unreadable: None,
            session: None,
            step: Step::Intake,
            show_preview: true,
            derived: None,
            overlay: None,
            status: None,
            recovery: scan.recoverable,
            set_aside: scan.set_aside,
            start: start::StartState::default(),
            walk: walkthrough::WalkState::default(),
            export: export_step::ExportState::default(),
            settings: settings_window::SettingsForm::default(),
            palette_query: String::new(),
            scroll_preview: false,
            quit_confirmed: false,
            trainer: trainer::TrainerState::default(),
            trainer_mode: false,
            leak: None,
        };
        app.reload_setup();
        app.start.refresh_recent(&app.prefs, &app.setup);
        app
    }

    /// The open session, if any (for tests and the trainer).
    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    /// How many paragraphs the library holds (shipped and team ones).
    pub fn library_size(&self) -> usize {
        self.setup.library.len()
    }

    /// The current step.
    pub fn step(&self) -> Step {
        self.step
    }

    /// The status line (message, is-error).
    pub fn status(&self) -> Option<&(String, bool)> {
        self.status.as_ref()
    }

    /// Autosaves found at start that are offered for recovery.
    pub fn recoverable(&self) -> &[Recovered] {
        &self.recovery
    }

    /// Loads holidays, the paragraph library and the profile from the settings.
    fn reload_setup(&mut self) {
        let mut problems = Vec::new();
        let holidays = match load_holidays(self.prefs.holidays_path.as_deref()) {
            Ok(h) => h,
            Err(e) => {
                problems.push(e.to_string());
                crate::core::calendar::HolidayCalendar::bundled()
            }
        };
        let library_dir = self
            .prefs
            .library_dir
            .clone()
            .or_else(|| Some(self.env.config_dir.join("paragraphs")).filter(|d| d.is_dir()));
        let library = match library_dir.as_deref().map(|d| load_library(Some(d))) {
            None => crate::core::paragraphs::Library::bundled().clone(),
            Some(Ok(library)) => library,
            Some(Err(problem)) => {
                problems.push(problem);
                crate::core::paragraphs::Library::bundled().clone()
            }
        };
        let profile_path = self.env.profile_path(&self.prefs);
        let profile = if profile_path.exists() {
            match load_profile(Some(&profile_path)) {
                Ok(p) => p,
                Err(e) => {
                    problems.push(e.to_string());
                    Default::default()
                }
            }
        } else {
            Default::default()
        };
        problems.extend(profile.warnings.iter().cloned());
        // The team's synonyms and public record live beside its paragraphs.
        let thesaurus = self.env.config_dir.join("ncnd-thesaurus.ron");
        let ncnd_words = if thesaurus.symlink_metadata().is_ok() {
            crate::session::settings::load_ncnd_words(Some(&thesaurus)).unwrap_or_else(|e| {
                problems.push(e);
                crate::core::rules::inference::Vocabulary::bundled().clone()
            })
        } else {
            crate::core::rules::inference::Vocabulary::bundled().clone()
        };
        let record = self.env.record_path();
        self.record_unreadable = None;
        let public_record = if record.symlink_metadata().is_ok() {
            crate::session::settings::load_public_record(Some(&record)).unwrap_or_else(|e| {
                self.record_unreadable = Some(e.clone());
                problems.push(e);
                crate::core::rules::public_record::PublicRecord::bundled().clone()
            })
        } else {
            crate::core::rules::public_record::PublicRecord::bundled().clone()
        };
        self.setup = Arc::new(LetterSetup {
            holidays,
            library,
            profile,
            ncnd_words,
            public_record,
        });
        self.setup_problems = problems;
        self.setup_generation += 1;
        self.settings = settings_window::SettingsForm::from(
            &self.prefs,
            &self.setup.profile.profile,
            &self.setup.public_record.team,
        );
    }

    fn set_status(&mut self, message: impl Into<String>, error: bool) {
        self.status = Some((message.into(), error));
    }

    fn attach(&mut self, session: Session) {
        let keeps_lock = self.case_lock.as_ref().is_some_and(|lock| {
            Some(lock.path()) == session.path().map(lock::lock_path).as_deref()
        });
        if !keeps_lock {
            self.case_lock = session.path().and_then(|p| CaseLock::acquire(p).ok());
        }
        self.session = Some(session);
        self.session_generation += 1;
        self.step = Step::Intake;
        self.derived = None;
        self.leak = None;
        self.walk = walkthrough::WalkState::default();
        self.export = export_step::ExportState::default();
    }

    /// Switches to trainer mode on a scenario (by id), optionally presenting it.
    pub fn train(&mut self, scenario: Option<&str>, present: bool) -> bool {
        self.trainer_mode = true;
        let found = scenario.is_none_or(|id| self.trainer.select(id));
        self.trainer.presenting = present && found;
        found
    }

    /// True in trainer mode.
    pub fn is_training(&self) -> bool {
        self.trainer_mode
    }

    /// Opens a case that has no file yet (used by tests and benchmarks).
    pub fn open_case(&mut self, case: crate::core::case::Case) {
        self.attach(Session::new(case));
    }

    /// Goes to a step (used by tests and benchmarks).
    pub fn show_step(&mut self, step: Step) {
        self.go_to(step);
    }

    /// Opens the bundled sample case (as an unsaved copy).
    pub fn open_sample(&mut self) {
        self.attach(Session::new(sample_case()));
        self.set_status("Opened the bundled sample case (not saved yet).", false);
    }

    /// Opens a case file, reporting problems in the status line.
    pub fn open_path(&mut self, path: &Path) {
        self.open_path_checked(path, true);
    }

    /// Opens a case file; with `check_lock`, a case open elsewhere is not
    /// opened but the caseworker is asked first.
    fn open_path_checked(&mut self, path: &Path, check_lock: bool) {
        let lock = match CaseLock::acquire(path) {
            Ok(lock) => Some(lock),
            Err(error @ LockError::Held { .. }) => {
                if check_lock {
                    self.overlay = Some(Overlay::AlreadyOpen {
                        path: path.to_path_buf(),
                        message: capitalise_first(&error.to_string()),
                    });
                    return;
                }
                None
            }
            Err(LockError::Unavailable(_)) => None,
        };
        match Session::open(path) {
            Ok(session) => {
                self.case_lock = lock;
                self.prefs.remember(path);
                self.save_prefs();
                self.attach(session);
                self.set_status(format!("Opened {}.", path.display()), false);
            }
            Err(error) => {
                self.set_status(error.to_string(), true);
                self.overlay = Some(Overlay::Error(error.to_string()));
            }
        }
    }

    fn save_prefs(&mut self) {
        if let Err(error) = self.prefs.save_to(&self.env.preferences_path()) {
            self.set_status(format!("Settings not saved: {error}"), true);
        }
        self.start.refresh_recent(&self.prefs, &self.setup);
    }

    /// Runs a command as if chosen from the menu.
    pub fn run_command(&mut self, command: AppCommand) {
        if command.needs_case() && self.session.is_none() {
            return;
        }
        match command {
            AppCommand::NewCase => self.guard(Pending::NewCase),
            AppCommand::OpenCase => {
                if let Some(path) = self.env.dialogs.open_case() {
                    self.guard(Pending::Open(path));
                }
            }
            AppCommand::Save => {
                self.save();
            }
            AppCommand::SaveAs => {
                self.save_as();
            }
            AppCommand::Undo => {
                if let Some(session) = &mut self.session {
                    session.undo();
                }
            }
            AppCommand::Redo => {
                if let Some(session) = &mut self.session {
                    session.redo();
                }
            }
            AppCommand::Export => self.go_to(Step::Export),
            AppCommand::PreviousStep => self.move_step(-1),
            AppCommand::NextStep => self.move_step(1),
            AppCommand::Palette => {
                self.palette_query.clear();
                self.overlay = Some(Overlay::Palette);
            }
            AppCommand::TogglePreview => self.show_preview = !self.show_preview,
            AppCommand::Review => self.go_to(Step::Review),
            AppCommand::Settings => {
                self.settings = settings_window::SettingsForm::from(
                    &self.prefs,
                    &self.setup.profile.profile,
                    &self.setup.public_record.team,
                );
                self.overlay = Some(Overlay::Settings);
            }
            AppCommand::TrainerMode => {
                self.trainer_mode = !self.trainer_mode;
                self.trainer.presenting = false;
            }
            AppCommand::CloseCase => self.guard(Pending::Close),
        }
    }

    /// Does `pending` now, or first asks about unsaved changes.
    fn guard(&mut self, pending: Pending) {
        if self.session.as_ref().is_some_and(Session::is_dirty) {
            self.overlay = Some(Overlay::UnsavedChanges(pending));
        } else {
            self.proceed(pending);
        }
    }

    fn proceed(&mut self, pending: Pending) {
        if let Some(session) = &self.session {
            session.discard_autosave(&self.env.autosave_dir());
        }
        match pending {
            Pending::NewCase => {
                self.session = None;
                self.start.show_new_form = true;
            }
            Pending::Open(path) => self.open_path(&path),
            Pending::OpenSample => self.open_sample(),
            Pending::Recover(recovered) => {
                self.recovery.retain(|r| r.name != recovered.name);
                self.attach(Session::from_autosave(*recovered));
                self.set_status("Recovered unsaved work. Save it to keep it.", false);
            }
            Pending::Close => {
                self.session = None;
                self.case_lock = None;
                self.start.refresh_recent(&self.prefs, &self.setup);
            }
            Pending::Quit => self.quit_confirmed = true,
        }
    }

    /// Saves to the case's file, or asks for one. Returns true when saved.
    fn save(&mut self) -> bool {
        let Some(session) = &mut self.session else {
            return false;
        };
        if session.path().is_none() {
            return self.save_as();
        }
        match session.save() {
            Ok(()) => {
                session.discard_autosave(&self.env.autosave_dir());
                let path = session.path().map(Path::to_path_buf);
                if let Some(path) = path {
                    self.prefs.remember(&path);
                    self.save_prefs();
                    self.set_status(format!("Saved {}.", path.display()), false);
                }
                true
            }
            Err(error) => self.save_failed(&error),
        }
    }

    fn save_as(&mut self) -> bool {
        let Some(session) = &self.session else {
            return false;
        };
        let suggested = suggested_case_name(session.case());
        let Some(path) = self.env.dialogs.save_case(&suggested) else {
            return false;
        };
        self.save_to(&path)
    }

    /// Saves to a chosen path (the dialog has already confirmed replacing it).
    pub fn save_to(&mut self, path: &Path) -> bool {
        let Some(session) = &mut self.session else {
            return false;
        };
        let moved = session.path() != Some(path);
        match session.save_as(path, Overwrite::Replace) {
            Ok(()) => {
                // The autosave goes only once the case is safely saved.
                session.discard_autosave(&self.env.autosave_dir());
                if moved {
                    self.case_lock = CaseLock::acquire(path).ok();
                }
                self.prefs.remember(path);
                self.save_prefs();
                self.set_status(format!("Saved {}.", path.display()), false);
                true
            }
            Err(error) => self.save_failed(&error),
        }
    }

    /// Reports a failed save: the case stays open and unsaved, the old file
    /// and the autosave are untouched.
    fn save_failed(&mut self, error: &crate::session::files::CaseFileError) -> bool {
        let message = format!(
            "{error}. Nothing was lost: your work is still open here and in the autosave, and the file on disk is as it was. Save it somewhere else with Save As."
        );
        self.autosave_now();
        self.set_status(error.to_string(), true);
        self.overlay = Some(Overlay::Error(message));
        false
    }

    fn steps(&self) -> Vec<Step> {
        let mut steps = vec![Step::Intake];
        if let Some(session) = &self.session {
            steps.extend((0..session.case().questions.len()).map(Step::Question));
        }
        steps.extend([Step::WholeRequest, Step::Review, Step::Export]);
        steps
    }

    fn move_step(&mut self, delta: isize) {
        let steps = self.steps();
        let here = steps.iter().position(|s| *s == self.step).unwrap_or(0) as isize;
        let next = (here + delta).clamp(0, steps.len() as isize - 1) as usize;
        self.go_to(steps[next]);
    }

    /// Goes to a step and scrolls the preview to the matching part.
    pub fn go_to(&mut self, step: Step) {
        if let Some(session) = &mut self.session {
            session.end_merge();
        }
        self.step = step;
        self.scroll_preview = true;
    }

    fn preview_anchor(&self) -> Option<Anchor> {
        match self.step {
            Step::Intake => Some(Anchor::Request),
            Step::Question(index) => self
                .session
                .as_ref()
                .and_then(|s| s.case().questions.get(index))
                .map(|q| Anchor::Question(q.number)),
            Step::WholeRequest => Some(Anchor::WholeRequest),
            Step::Review | Step::Export => None,
        }
    }

    /// The state of the case and settings that results are wanted for.
    fn version(&self) -> Option<worker::Version> {
        self.session.as_ref().map(|session| worker::Version {
            session: self.session_generation,
            revision: session.revision(),
            setup_generation: self.setup_generation,
        })
    }

    /// Asks the checking thread for results for the current case (with the
    /// NCND leak check on the review step, as it composes the letter three
    /// times) and takes whatever has arrived, waiting at most the frame budget.
    fn refresh_derived(&mut self, ctx: &egui::Context) {
        let (Some(session), Some(version)) = (&self.session, self.version()) else {
            self.derived = None;
            return;
        };
        let want_leak = self.step == Step::Review;
        let have_results = self.derived.as_ref().is_some_and(|d| d.version == version);
        let have_leak = self.leak.as_ref().is_some_and(|(v, _)| *v == version);
        let checker = self
            .checker
            .get_or_insert_with(|| worker::Checker::start(Some(ctx.clone())));
        if !have_results || (want_leak && !have_leak) {
            checker.request(
                version,
                session.case(),
                &self.setup,
                self.env.today,
                want_leak,
            );
        }
        if let Some(mut derived) = checker.receive(self.env.result_wait) {
            if let Some(report) = derived.leak.take() {
                self.leak = Some((derived.version, report));
            }
            self.derived = Some(derived);
        }
        if let Some(waited) = self.busy_for()
            && waited < worker::PROGRESS_AFTER
        {
            ctx.request_repaint_after(worker::PROGRESS_AFTER - waited);
        }
    }

    /// How long results for the current case have been awaited, if they have.
    fn busy_for(&self) -> Option<Duration> {
        self.checker.as_ref()?.waiting()
    }

    /// True while checking has taken long enough to show a progress indicator.
    pub fn shows_progress(&self) -> bool {
        self.busy_for().is_some_and(|t| t >= worker::PROGRESS_AFTER)
            || self
                .exporting
                .as_ref()
                .is_some_and(|e| e.started.elapsed() >= worker::PROGRESS_AFTER)
    }

    /// True when every result for the current case has arrived and no
    /// export is running.
    pub fn is_idle(&self) -> bool {
        self.busy_for().is_none() && self.exporting.is_none()
    }

    /// Applies edits collected during a frame.
    fn apply_edits(&mut self, edits: Edits) {
        let Some(session) = &mut self.session else {
            return;
        };
        for edit in edits.0 {
            let result = match edit {
                Edit::Typed(action) => session.apply(action),
                Edit::Step(action) => session.apply_separately(action),
                Edit::EndMerge => {
                    session.end_merge();
                    Ok(())
                }
            };
            if let Err(error) = result {
                self.status = Some((error.to_string(), true));
            }
        }
    }

    /// Writes the autosave once a change has waited [`AUTOSAVE_IDLE`], and
    /// schedules a single wake-up otherwise (no repaint while idle).
    fn autosave_tick(&mut self, ctx: &egui::Context) {
        let Some(due_in) = self.session.as_ref().and_then(Session::autosave_due_in) else {
            return;
        };
        if due_in.is_zero() {
            self.autosave_now();
        } else {
            ctx.request_repaint_after(due_in);
        }
    }

    /// Writes the autosave file now (also used on exit).
    pub fn autosave_now(&mut self) {
        let dir = self.env.autosave_dir();
        if let Some(session) = &mut self.session
            && let Err(error) = session.autosave(&dir)
        {
            self.status = Some((format!("Autosave failed: {error}"), true));
        }
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        ctx.set_visuals(if self.prefs.dark_mode {
            egui::Visuals::dark()
        } else {
            egui::Visuals::light()
        });
        ctx.set_zoom_factor(self.prefs.text_scale.clamp(0.75, 2.5));
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        if self.overlay.is_some() {
            if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
                self.overlay = None;
            }
            return;
        }
        // Shortcuts with more modifiers first: Ctrl+Shift+Z must not be taken as Ctrl+Z.
        let mut bindings: Vec<(AppCommand, egui::KeyboardShortcut)> = AppCommand::ALL
            .into_iter()
            .flat_map(|c| c.shortcuts().into_iter().map(move |s| (c, s)))
            .collect();
        bindings.sort_by_key(|(_, s)| {
            let m = s.modifiers;
            std::cmp::Reverse(u8::from(m.shift) + u8::from(m.alt) + u8::from(m.ctrl || m.command))
        });
        let mut fired = Vec::new();
        ctx.input_mut(|input| {
            for (command, shortcut) in &bindings {
                if input.consume_shortcut(shortcut) {
                    fired.push(*command);
                }
            }
        });
        for command in fired {
            self.run_command(command);
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        let requested = ctx.input(|i| i.viewport().close_requested());
        if !requested || self.quit_confirmed {
            return;
        }
        if self.session.as_ref().is_some_and(Session::is_dirty) {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.overlay = Some(Overlay::UnsavedChanges(Pending::Quit));
        }
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            let has_case = self.session.is_some();
            let mut chosen = None;
            let mut item = |ui: &mut egui::Ui, command: AppCommand, enabled: bool| {
                let shortcut = command
                    .shortcuts()
                    .first()
                    .map(|s| ui.ctx().format_shortcut(s))
                    .unwrap_or_default();
                if ui
                    .add_enabled(
                        enabled,
                        egui::Button::new(command.label()).shortcut_text(shortcut),
                    )
                    .clicked()
                {
                    chosen = Some(command);
                    ui.close();
                }
            };
            ui.menu_button("File", |ui| {
                item(ui, AppCommand::NewCase, true);
                item(ui, AppCommand::OpenCase, true);
                item(ui, AppCommand::Save, has_case);
                item(ui, AppCommand::SaveAs, has_case);
                ui.separator();
                item(ui, AppCommand::Export, has_case);
                item(ui, AppCommand::CloseCase, has_case);
                ui.separator();
                item(ui, AppCommand::Settings, true);
            });
            let (can_undo, can_redo) = self
                .session
                .as_ref()
                .map_or((false, false), |s| (s.can_undo(), s.can_redo()));
            ui.menu_button("Edit", |ui| {
                item(ui, AppCommand::Undo, can_undo);
                item(ui, AppCommand::Redo, can_redo);
                ui.separator();
                item(ui, AppCommand::Palette, true);
            });
            ui.menu_button("Go", |ui| {
                item(ui, AppCommand::PreviousStep, has_case);
                item(ui, AppCommand::NextStep, has_case);
                item(ui, AppCommand::Review, has_case);
                item(ui, AppCommand::TogglePreview, has_case);
                ui.separator();
                item(ui, AppCommand::TrainerMode, true);
            });
            if let Some(command) = chosen {
                self.run_command(command);
            }
            if let Some(session) = &self.session {
                ui.separator();
                let name = session
                    .path()
                    .and_then(|p| p.file_name())
                    .map_or("unsaved case".to_string(), |n| {
                        n.to_string_lossy().into_owned()
                    });
                let dirty = if session.is_dirty() { " •" } else { "" };
                ui.label(RichText::new(format!("{}{dirty}", name)).weak());
            }
        });
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                if let Some((message, error)) = &self.status {
                    let colour = if *error {
                        colours::BLOCKING
                    } else {
                        ui.visuals().text_color()
                    };
                    ui.colored_label(colour, message);
                } else {
                    ui.label(RichText::new("Ready").weak());
                }
                if self.shows_progress() {
                    ui.spinner();
                    ui.label(if self.exporting.is_some() {
                        "Exporting…"
                    } else {
                        "Checking…"
                    });
                }
                if let Some(derived) = &self.derived {
                    ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
                        let blocking = derived.assessment.count(Severity::Blocking);
                        let warnings = derived.assessment.count(Severity::Warning);
                        ui.label(format!("{blocking} blocking · {warnings} warnings"));
                        if let Some(due) = derived.dates.as_ref().and_then(CaseDates::due) {
                            ui.label(format!("Due {}", crate::core::calendar::long_date(due)));
                        }
                    });
                }
            });
        });
    }

    fn steps_panel(&mut self, ui: &mut egui::Ui) {
        let Some(session) = &self.session else {
            return;
        };
        let case = session.case();
        let assessment = self.derived.as_ref().map(|d| &d.assessment);
        let mut go = None;
        egui::Panel::left("steps")
            .resizable(true)
            .default_size(230.0)
            .max_size(360.0)
            .show(ui, |ui| {
                ui.add_space(4.0);
                ui.label(RichText::new(&case.reference).strong());
                ui.label(RichText::new(crate::core::text::ellipsis(&case.subject, 40)).weak());
                ui.separator();
                let step_button = |ui: &mut egui::Ui, step: Step, label: String, current: Step| {
                    ui.selectable_label(current == step, label).clicked()
                };
                if step_button(ui, Step::Intake, "Request and requester".into(), self.step) {
                    go = Some(Step::Intake);
                }
                ui.label(RichText::new("Questions").small().weak());
                let row_height = ui.spacing().interact_size.y + 4.0;
                egui::ScrollArea::vertical()
                    .id_salt("question steps")
                    .max_height(ui.available_height() - 4.0 * row_height)
                    .show_rows(ui, row_height, case.questions.len(), |ui, range| {
                        for index in range {
                            let question = &case.questions[index];
                            ui.horizontal(|ui| {
                                let (text, colour) = question_badge(question, assessment);
                                widgets::badge(ui, text, colour);
                                let label = format!(
                                    "Q{} {}",
                                    question.number,
                                    crate::core::text::ellipsis(&question.text, 28)
                                );
                                if ui
                                    .selectable_label(self.step == Step::Question(index), label)
                                    .clicked()
                                {
                                    go = Some(Step::Question(index));
                                }
                            });
                        }
                    });
                ui.separator();
                let refused = case.whole_request.is_some();
                if step_button(
                    ui,
                    Step::WholeRequest,
                    if refused {
                        "Whole request: refused".into()
                    } else {
                        "Refuse the whole request…".into()
                    },
                    self.step,
                ) {
                    go = Some(Step::WholeRequest);
                }
                let blocking = assessment.map_or(0, |a| a.count(Severity::Blocking));
                let review_label = if blocking > 0 {
                    format!("Review ({blocking} to fix)")
                } else {
                    "Review".to_string()
                };
                if step_button(ui, Step::Review, review_label, self.step) {
                    go = Some(Step::Review);
                }
                if step_button(ui, Step::Export, "Export".into(), self.step) {
                    go = Some(Step::Export);
                }
            });
        if let Some(step) = go {
            self.go_to(step);
        }
    }

    fn preview_panel(&mut self, ui: &mut egui::Ui) {
        if !self.show_preview || self.session.is_none() {
            return;
        }
        let anchor = if self.scroll_preview {
            self.preview_anchor()
        } else {
            None
        };
        self.scroll_preview = false;
        let Some(derived) = &self.derived else {
            return;
        };
        egui::Panel::right("preview")
            .resizable(true)
            .default_size(420.0)
            .min_size(260.0)
            .max_size(720.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.heading("Letter preview");
                    if ui.small_button("Hide").on_hover_text("Ctrl+P").clicked() {
                        self.show_preview = false;
                    }
                });
                ui.separator();
                let flagged: Vec<&str> = derived
                    .assessment
                    .findings
                    .iter()
                    .filter(|f| f.code == crate::core::rules::Code::NcndConfirms)
                    .filter_map(|f| f.flagged.as_ref().map(|s| s.sentence.as_str()))
                    .collect();
                preview::show(ui, &derived.document, anchor.as_ref(), &flagged);
            });
    }

    fn central(&mut self, ui: &mut egui::Ui) {
        let mut edits = Edits::default();
        let mut go = None;
        egui::CentralPanel::default_margins().show(ui, |ui| {
            let Some(session) = &self.session else {
                return;
            };
            let case = session.case();
            let derived = self.derived.as_ref();
            // Each step keeps its own scroll position and opens at the top.
            egui::ScrollArea::vertical()
                .id_salt(("form", self.step))
                .show(ui, |ui| {
                    ui.set_max_width(ui.available_width().min(760.0));
                    match self.step {
                        Step::Intake => intake::show(
                            ui,
                            case,
                            derived.and_then(|d| d.dates.as_ref()),
                            &mut edits,
                        ),
                        Step::Question(index) => {
                            if index < case.questions.len() {
                                walkthrough::show(
                                    ui,
                                    case,
                                    index,
                                    &self.setup,
                                    derived.map(|d| &d.assessment),
                                    &mut self.walk,
                                    &mut edits,
                                    &mut go,
                                );
                            } else {
                                go = Some(Step::Intake);
                            }
                        }
                        Step::WholeRequest => {
                            whole_request::show(ui, case, &self.setup, &mut edits)
                        }
                        Step::Review => {
                            if let Some(derived) = derived {
                                review::show(ui, case, &derived.assessment, &mut go, &mut edits);
                            }
                            if let Some((_, report)) = &self.leak {
                                review::leak_panel(ui, report);
                            }
                        }
                        Step::Export => {
                            if let Some(derived) = derived {
                                let default_dir = session
                                    .path()
                                    .and_then(Path::parent)
                                    .map(Path::to_path_buf)
                                    .or_else(|| {
                                        directories::UserDirs::new()
                                            .and_then(|d| d.document_dir().map(Path::to_path_buf))
                                    })
                                    .unwrap_or_else(|| self.env.data_dir.clone());
                                let outcome = export_step::show(
                                    ui,
                                    case,
                                    &derived.assessment,
                                    &mut self.export,
                                    &mut *self.env.dialogs,
                                    self.env.may_launch,
                                    &default_dir,
                                );
                                if let Some(request) = outcome {
                                    self.export.pending = Some(request);
                                }
                            }
                        }
                    }
                    ui.add_space(12.0);
                    ui.separator();
                    ui.horizontal(|ui| {
                        if ui.button("Back").on_hover_text("Alt+Left").clicked() {
                            edits.0.push(Edit::EndMerge);
                            self.export.nav = Some(-1);
                        }
                        if ui.button("Next").on_hover_text("Alt+Right").clicked() {
                            edits.0.push(Edit::EndMerge);
                            self.export.nav = Some(1);
                        }
                    });
                });
        });
        self.apply_edits(edits);
        if let Some(step) = go {
            self.go_to(step);
        }
        if let Some(delta) = self.export.nav.take() {
            self.move_step(delta);
        }
        if let Some(request) = self.export.pending.take() {
            let ctx = ui.ctx().clone();
            self.do_export(request, &ctx);
        }
    }

    fn do_export(&mut self, request: export_step::ExportRequest, ctx: &egui::Context) {
        let Some(session) = &self.session else {
            return;
        };
        if self.exporting.is_some() {
            self.set_status("An export is already running.", true);
            return;
        }
        let case = session.case().clone();
        let letter_date = case.responded_on.unwrap_or(self.env.today);
        self.exporting = Some(worker::Export::start(
            Some(ctx.clone()),
            case,
            Arc::clone(&self.setup),
            letter_date,
            request,
        ));
        self.poll_export();
    }

    /// Reports a finished export.
    fn poll_export(&mut self) {
        let Some(export) = &self.exporting else {
            return;
        };
        let Some(outcome) = export.finished(self.env.result_wait) else {
            return;
        };
        let path = export.path.clone();
        self.exporting = None;
        match outcome {
            Ok(()) => {
                self.set_status(format!("Exported {}.", path.display()), false);
                self.export.last_export = Some(path);
            }
            Err(error) => self.set_status(error, true),
        }
    }

    fn overlays(&mut self, ctx: &egui::Context) {
        let Some(overlay) = self.overlay.clone() else {
            return;
        };
        match overlay {
            Overlay::UnsavedChanges(pending) => {
                let mut choice = None;
                egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
                    ui.set_width(380.0);
                    ui.heading("Save changes?");
                    let name = self
                        .session
                        .as_ref()
                        .and_then(|s| s.path())
                        .and_then(|p| p.file_name())
                        .map_or("this case".to_string(), |n| {
                            n.to_string_lossy().into_owned()
                        });
                    ui.label(format!("{name} has changes that are not saved."));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Save").clicked() {
                            choice = Some(1);
                        }
                        if ui.button("Don't save").clicked() {
                            choice = Some(2);
                        }
                        if ui.button("Cancel").clicked() {
                            choice = Some(3);
                        }
                    });
                });
                match choice {
                    Some(1) => {
                        self.overlay = None;
                        if self.save() {
                            self.proceed(pending);
                        }
                    }
                    Some(2) => {
                        self.overlay = None;
                        self.proceed(pending);
                    }
                    Some(3) => self.overlay = None,
                    _ => {}
                }
            }
            Overlay::Palette => {
                let mut chosen = None;
                let response = egui::Modal::new(egui::Id::unique("palette")).show(ctx, |ui| {
                    ui.set_width(420.0);
                    let label = ui.label("Command").id;
                    let field = ui
                        .add(
                            egui::TextEdit::singleline(&mut self.palette_query)
                                .hint_text("Type to filter…"),
                        )
                        .labelled_by(label);
                    field.request_focus();
                    let query = self.palette_query.to_lowercase();
                    let matches: Vec<AppCommand> = AppCommand::ALL
                        .into_iter()
                        .filter(|c| c.label().to_lowercase().contains(&query))
                        .filter(|c| self.session.is_some() || !c.needs_case())
                        .collect();
                    for command in &matches {
                        let shortcut = command
                            .shortcuts()
                            .first()
                            .map(|s| ui.ctx().format_shortcut(s))
                            .unwrap_or_default();
                        if ui
                            .add(egui::Button::new(command.label()).shortcut_text(shortcut))
                            .clicked()
                        {
                            chosen = Some(*command);
                        }
                    }
                    if ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                        chosen = matches.first().copied();
                    }
                });
                if response.should_close() {
                    self.overlay = None;
                }
                if let Some(command) = chosen {
                    self.overlay = None;
                    self.run_command(command);
                }
            }
            Overlay::Settings => {
                let mut outcome = settings_window::Outcome::None;
                egui::Modal::new(egui::Id::unique("settings")).show(ctx, |ui| {
                    outcome = settings_window::show(ui, &mut self.settings, &mut *self.env.dialogs);
                });
                match outcome {
                    settings_window::Outcome::None => {}
                    settings_window::Outcome::Cancel => self.overlay = None,
                    settings_window::Outcome::Save => {
                        if self.apply_settings(ctx) {
                            self.overlay = None;
                        }
                    }
                }
            }
            Overlay::AlreadyOpen { path, message } => {
                let mut choice = None;
                egui::Modal::new(egui::Id::unique("already open")).show(ctx, |ui| {
                    ui.set_width(460.0);
                    ui.heading("This case is already open");
                    ui.label(format!("{message}."));
                    ui.label(
                        "If you both make changes, whoever saves last overwrites the other's work.",
                    );
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Open anyway").clicked() {
                            choice = Some(true);
                        }
                        if ui.button("Cancel").clicked() {
                            choice = Some(false);
                        }
                    });
                });
                if let Some(open) = choice {
                    self.overlay = None;
                    if open {
                        self.open_path_checked(&path, false);
                        self.set_status(
                            "Opened a case that is also open elsewhere: take care when saving.",
                            true,
                        );
                    }
                }
            }
            Overlay::Error(message) => {
                let mut close = false;
                egui::Modal::new(egui::Id::unique("error")).show(ctx, |ui| {
                    ui.set_width(460.0);
                    ui.heading("Something went wrong");
                    ui.label(&message);
                    if ui.button("OK").clicked() {
                        close = true;
                    }
                });
                if close {
                    self.overlay = None;
                }
            }
        }
    }

    /// Saves the Settings form; false (and nothing saved, the form kept
    /// open) when a public record entry is incomplete.
    fn apply_settings(&mut self, ctx: &egui::Context) -> bool {
        let mut form = self.settings.clone();
        for entry in &mut form.record {
            entry.matches = entry
                .matches
                .iter()
                .map(|m| m.trim().to_string())
                .filter(|m| !m.is_empty())
                .collect();
        }
        // An entry that could never be shown or matched is not saved.
        let incomplete = form
            .record
            .iter()
            .zip(
                form.record_dates
                    .iter()
                    .chain(std::iter::repeat(&String::new())),
            )
            .enumerate()
            .find_map(|(index, (entry, date))| {
                let missing = if entry.who.trim().is_empty() {
                    Some("who said it")
                } else if entry.confirms.trim().is_empty() {
                    Some("what it confirms")
                } else if entry.matches.is_empty() {
                    Some("the phrases it matches")
                } else if !date.trim().is_empty()
                    && crate::core::case_file::parse_iso_date(date.trim()).is_err()
                {
                    Some("a date written YYYY-MM-DD (or left blank)")
                } else {
                    None
                };
                missing.map(|what| format!("entry {} needs {what}", index + 1))
            });
        if let Some(problem) = incomplete {
            self.set_status(format!("Settings not saved: public record {problem}"), true);
            return false;
        }
        self.prefs.dark_mode = form.dark_mode;
        self.prefs.text_scale = form.text_scale;
        self.prefs.library_dir =
            Some(PathBuf::from(form.library_dir.trim())).filter(|p| !p.as_os_str().is_empty());
        self.prefs.holidays_path =
            Some(PathBuf::from(form.holidays_path.trim())).filter(|p| !p.as_os_str().is_empty());
        let profile_path = self.env.profile_path(&self.prefs);
        if let Err(error) = crate::session::settings::save_profile(&profile_path, &form.profile()) {
            self.set_status(format!("Authority profile not saved: {error}"), true);
        }
        let mut record_problem: Option<String> = None;
        if form.record != self.setup.public_record.team {
            let path = self.env.record_path();
            if let Some(problem) = &self.record_unreadable {
                // Never write over a file that could not be read.
                record_problem = Some(format!(
                    "Public record not saved: the team's file could not be read, so it is left as it is; fix or move it first ({problem})"
                ));
            } else if let Err(error) =
                crate::session::settings::save_team_record(&path, &form.record)
            {
                record_problem = Some(format!("Public record not saved: {error}"));
            }
        }
        self.save_prefs();
        self.reload_setup();
        self.apply_theme(ctx);
        match (record_problem, self.setup_problems.first()) {
            (Some(problem), _) => self.set_status(problem, true),
            (None, Some(problem)) => self.set_status(problem.clone(), true),
            (None, None) => self.set_status("Settings saved.", false),
        }
        true
    }
}

/// Edits collected while drawing a frame.
#[derive(Debug, Default)]
pub struct Edits(Vec<Edit>);

#[derive(Debug)]
enum Edit {
    Typed(Action),
    Step(Action),
    EndMerge,
}

impl Edits {
    /// An edit from typing (merges with the previous edit of the same field).
    pub fn typed(&mut self, action: Action) {
        self.0.push(Edit::Typed(action));
    }

    /// An edit that is its own undo step.
    pub fn step(&mut self, action: Action) {
        self.0.push(Edit::Step(action));
    }

    /// Ends a typing run (the field lost focus).
    pub fn end_merge(&mut self) {
        self.0.push(Edit::EndMerge);
    }
}

/// A file name to suggest for saving: the reference, never the requester.
/// The text with its first letter in capitals.
fn capitalise_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn suggested_case_name(case: &crate::core::case::Case) -> String {
    let stem = crate::core::text::file_stem(&case.reference).unwrap_or_else(|| "case".into());
    format!("{stem}.case.ron")
}

/// The badge for a question in the step list.
fn question_badge(
    question: &crate::core::case::Question,
    assessment: Option<&Assessment>,
) -> (&'static str, egui::Color32) {
    use crate::core::case::DecisionKind;
    let blocking = assessment.is_some_and(|a| {
        a.for_question(question.number)
            .any(|f| f.severity == Severity::Blocking)
    });
    let (text, colour) = match question.decision.kind() {
        DecisionKind::Undecided => return ("…", colours::INFO),
        DecisionKind::Disclose => ("D", colours::DONE),
        DecisionKind::PartDisclose => ("P", colours::DONE),
        DecisionKind::Withhold => ("W", colours::DONE),
        DecisionKind::NotHeld => ("N", colours::DONE),
        DecisionKind::Ncnd => ("?", colours::NCND),
    };
    if blocking {
        (text, colours::BLOCKING)
    } else {
        (text, colour)
    }
}

impl eframe::App for DrafterApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        // Screens that do not set a field scope share this one.
        widgets::set_field_scope(ui, "app");
        let ctx = ui.ctx().clone();
        self.handle_close_request(&ctx);
        self.handle_shortcuts(&ctx);
        self.refresh_derived(&ctx);
        self.poll_export();
        if self.trainer_mode {
            let presenting = self.trainer.presenting;
            if !presenting {
                egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
            }
            let mut requests = vec![trainer::keys(&ctx, &mut self.trainer)];
            requests.push(trainer::show(ui, &mut self.trainer));
            for request in requests {
                match request {
                    trainer::Request::None => {}
                    trainer::Request::Fullscreen(on) => {
                        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
                    }
                    trainer::Request::Leave => self.trainer_mode = false,
                }
            }
            if self.trainer.presenting != presenting {
                ctx.request_repaint();
            }
            self.overlays(&ctx);
            return;
        }
        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        self.status_bar(ui);
        if self.session.is_some() {
            self.steps_panel(ui);
            self.preview_panel(ui);
            self.central(ui);
        } else {
            let mut outcome = start::Outcome::None;
            egui::CentralPanel::default_margins().show(ui, |ui| {
                outcome = start::show(
                    ui,
                    &mut self.start,
                    &self.recovery,
                    &self.set_aside,
                    &mut *self.env.dialogs,
                    self.env.today,
                );
            });
            self.start_outcome(outcome);
        }
        self.overlays(&ctx);
        self.autosave_tick(&ctx);
        if self.quit_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Nothing is lost on exit: unsaved work stays in the autosave.
        self.autosave_now();
    }
}

impl DrafterApp {
    fn start_outcome(&mut self, outcome: start::Outcome) {
        match outcome {
            start::Outcome::None => {}
            start::Outcome::OpenDialog => self.run_command(AppCommand::OpenCase),
            start::Outcome::Open(path) => self.guard(Pending::Open(path)),
            start::Outcome::Sample => self.guard(Pending::OpenSample),
            start::Outcome::Recover(index) => {
                if let Some(recovered) = self.recovery.get(index).cloned() {
                    self.guard(Pending::Recover(Box::new(recovered)));
                }
            }
            start::Outcome::DiscardRecovery(index) => {
                if index < self.recovery.len() {
                    let recovered = self.recovery.remove(index);
                    let _ = std::fs::remove_file(&recovered.autosave_path);
                }
            }
            start::Outcome::Create(session) => {
                self.attach(*session);
                self.set_status("New case created. Save it to keep it (Ctrl+S).", false);
            }
            start::Outcome::Settings => self.run_command(AppCommand::Settings),
            start::Outcome::Trainer => self.run_command(AppCommand::TrainerMode),
        }
    }
}
