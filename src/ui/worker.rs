//! Work that can take longer than a frame, done off the UI thread: checking
//! the case, composing the preview, the NCND leak check and exporting.
//!
//! The UI sends the case as it stands; a worker thread computes and sends the
//! results back, skipping states that were overtaken while it was busy. The
//! UI keeps showing the last results (with a progress indicator once work has
//! taken longer than [`PROGRESS_AFTER`]) and never waits longer than its
//! frame budget.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use eframe::egui;
use jiff::civil::Date;

use crate::core::calendar::{CaseDates, case_dates};
use crate::core::case::Case;
use crate::core::document::Document;
use crate::core::rules::{Assessment, Stage};
use crate::session::files::{Overwrite, write_atomically};
use crate::session::leak::{LeakReport, leak_check};
use crate::session::letter::LetterSetup;

/// How long work may run before the UI shows that it is busy.
pub const PROGRESS_AFTER: Duration = Duration::from_millis(200);

/// Which state of the case and settings a result belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Version {
    /// Which session (case) was open: revisions restart with each one.
    pub session: u64,
    /// The session's revision.
    pub revision: u64,
    /// The settings generation (holidays, library, profile).
    pub setup_generation: u64,
}

/// What the UI asks for.
struct Job {
    version: Version,
    case: Arc<Case>,
    setup: Arc<LetterSetup>,
    today: Date,
    leak_check: bool,
}

/// Results computed from one state of the case.
pub struct Derived {
    /// The state they were computed from.
    pub version: Version,
    /// The checks.
    pub assessment: Assessment,
    /// The letter.
    pub document: Document,
    /// The case's statutory dates.
    pub dates: Option<CaseDates>,
    /// The NCND leak check, when it was asked for.
    pub leak: Option<LeakReport>,
}

fn compute(job: &Job) -> Derived {
    let case = &*job.case;
    let letter_date = case.responded_on.unwrap_or(job.today);
    let (assessment, document) = job.setup.check(case, job.today, Stage::Drafting);
    Derived {
        version: job.version,
        assessment,
        document,
        dates: case_dates(&job.setup.holidays, case).ok(),
        leak: job
            .leak_check
            .then(|| leak_check(case, &job.setup, letter_date)),
    }
}

/// The checking thread and what has been asked of it.
pub struct Checker {
    jobs: Sender<Job>,
    results: Receiver<Derived>,
    /// The last state sent, whether it asked for the leak check, and when.
    asked: Option<(Version, bool, Instant)>,
    /// The last state whose results were handed over, and whether they
    /// included the leak check.
    delivered: Option<(Version, bool)>,
}

impl Checker {
    /// Starts the worker thread; it wakes the UI when a result is ready.
    pub fn start(ctx: Option<egui::Context>) -> Checker {
        let (jobs, job_queue) = mpsc::channel::<Job>();
        let (result_sender, results) = mpsc::channel();
        // Should the thread fail to start, the job channel is closed and
        // `request` computes on the UI thread instead.
        let _ = thread::Builder::new()
            .name("checker".into())
            .spawn(move || {
                while let Ok(mut job) = job_queue.recv() {
                    // Only the newest state matters.
                    while let Ok(newer) = job_queue.try_recv() {
                        job = newer;
                    }
                    if result_sender.send(compute(&job)).is_err() {
                        return;
                    }
                    if let Some(ctx) = &ctx {
                        ctx.request_repaint();
                    }
                }
            });
        Checker {
            jobs,
            results,
            asked: None,
            delivered: None,
        }
    }

    /// Asks for results for a state, unless that was already asked.
    pub fn request(
        &mut self,
        version: Version,
        case: &Case,
        setup: &Arc<LetterSetup>,
        today: Date,
        leak_check: bool,
    ) {
        let already = self
            .asked
            .is_some_and(|(asked, leak, _)| asked == version && (leak || !leak_check));
        if already {
            return;
        }
        let job = Job {
            version,
            case: Arc::new(case.clone()),
            setup: Arc::clone(setup),
            today,
            leak_check,
        };
        let started = self
            .asked
            .filter(|(v, _, _)| *v == version)
            .map_or_else(Instant::now, |a| a.2);
        if let Err(mpsc::SendError(job)) = self.jobs.send(job) {
            // The thread is gone: compute here rather than show nothing.
            let (sender, receiver) = mpsc::channel();
            let _ = sender.send(compute(&job));
            self.results = receiver;
        }
        self.asked = Some((version, leak_check, started));
    }

    /// True when the results last asked for have been handed over.
    fn done(&self) -> bool {
        match (self.asked, self.delivered) {
            (None, _) => true,
            (Some((asked, leak, _)), Some((delivered, with_leak))) => {
                asked == delivered && (with_leak || !leak)
            }
            (Some(_), None) => false,
        }
    }

    fn take(&mut self, result: Derived, newest: &mut Option<Derived>) {
        self.delivered = Some((result.version, result.leak.is_some()));
        *newest = Some(result);
    }

    /// The newest result that has arrived, waiting up to `budget` for the one
    /// last asked for.
    pub fn receive(&mut self, budget: Duration) -> Option<Derived> {
        let mut newest = None;
        while let Ok(result) = self.results.try_recv() {
            self.take(result, &mut newest);
        }
        if budget.is_zero() || self.done() {
            return newest;
        }
        let deadline = Instant::now() + budget;
        while !self.done() {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.results.recv_timeout(left) {
                Ok(result) => self.take(result, &mut newest),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
            }
        }
        newest
    }

    /// How long the results last asked for have been awaited, if they have
    /// not all arrived.
    pub fn waiting(&self) -> Option<Duration> {
        let (_, _, since) = self.asked?;
        (!self.done()).then(|| since.elapsed())
    }
}

/// An export in progress on its own thread.
pub struct Export {
    /// Where it is being written.
    pub path: PathBuf,
    /// When it started.
    pub started: Instant,
    result: Receiver<Result<(), String>>,
}

impl Export {
    /// Composes, renders and writes the letter on a new thread.
    pub fn start(
        ctx: Option<egui::Context>,
        case: Case,
        setup: Arc<LetterSetup>,
        letter_date: Date,
        options: super::export_step::ExportRequest,
    ) -> Export {
        let super::export_step::ExportRequest {
            path,
            format,
            draft,
            anonymise,
        } = options;
        let (sender, result) = mpsc::channel();
        let target = path.clone();
        let work = move || {
            // A final letter is checked again here, as `check` would: the
            // preview's findings may be older than the case, and leave out
            // the NCND leak check.
            if !draft {
                let assessment = setup.final_check(
                    &case,
                    letter_date,
                    letter_date,
                    crate::core::rules::Stage::Final,
                );
                let blocking: Vec<String> = assessment
                    .export_refusals()
                    .into_iter()
                    .map(|f| format!("{}: {}", f.code, f.message))
                    .collect();
                if !blocking.is_empty() {
                    let _ = sender.send(Err(format!(
                        "not exported: {} blocking finding{} (see Review): {}",
                        blocking.len(),
                        if blocking.len() == 1 { "" } else { "s" },
                        blocking.join("; ")
                    )));
                    if let Some(ctx) = ctx {
                        ctx.request_repaint();
                    }
                    return;
                }
            }
            let mut document = setup.compose(&case, letter_date, draft);
            if anonymise {
                document.anonymise(&case.requester);
            }
            let outcome = crate::export::render(&document, format, setup.profile.logo.as_deref())
                .map_err(|e| e.to_string())
                .and_then(|bytes| {
                    write_atomically(&target, &bytes, Overwrite::Replace).map_err(|e| e.to_string())
                });
            let _ = sender.send(outcome);
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        };
        if let Err(error) = thread::Builder::new().name("export".into()).spawn(work) {
            let (sender, failed) = mpsc::channel();
            let _ = sender.send(Err(format!("could not start the export: {error}")));
            return Export {
                path,
                started: Instant::now(),
                result: failed,
            };
        }
        Export {
            path,
            started: Instant::now(),
            result,
        }
    }

    /// The outcome, once finished; waits up to `budget` for it.
    pub fn finished(&self, budget: Duration) -> Option<Result<(), String>> {
        if budget.is_zero() {
            return match self.result.try_recv() {
                Ok(outcome) => Some(outcome),
                Err(mpsc::TryRecvError::Empty) => None,
                Err(mpsc::TryRecvError::Disconnected) => {
                    Some(Err("the export stopped unexpectedly".into()))
                }
            };
        }
        match self.result.recv_timeout(budget) {
            Ok(outcome) => Some(outcome),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => {
                Some(Err("the export stopped unexpectedly".into()))
            }
        }
    }
}
