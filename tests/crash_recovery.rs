//! Nothing is lost when the program is killed: a child process edits a case
//! continuously, autosaving as the app does, and is killed with SIGKILL; the
//! autosave it leaves is at most one autosave interval behind its last edit,
//! and the lock it held is recognised as stale.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use foi_drafter::session::actions::Action;
use foi_drafter::session::autosave::{self, INTERVAL};
use foi_drafter::session::files::{Overwrite, save_case};
use foi_drafter::session::lock::CaseLock;
use foi_drafter::session::{Session, sample_case};

const CHILD_DIR: &str = "FOI_DRAFTER_CRASH_TEST_DIR";

/// The editing process: run only when the parent test starts it.
#[test]
fn child_editor() {
    let Some(dir) = std::env::var_os(CHILD_DIR).map(PathBuf::from) else {
        return;
    };
    let case_path = dir.join("case.case.ron");
    let _lock = CaseLock::acquire(&case_path).expect("the child takes the lock");
    let mut session = Session::open(&case_path).expect("the child opens the case");
    let started = Instant::now();
    for edit in 1.. {
        session
            .apply(Action::SetSubject(format!("edit {edit}")))
            .expect("edit applies");
        println!("edit {edit} at {}", started.elapsed().as_millis());
        if session.autosave_due_in() == Some(Duration::ZERO) {
            session
                .autosave(&dir.join("autosave"))
                .expect("autosave written");
        }
        std::thread::sleep(Duration::from_millis(15));
    }
}

fn edit_number(subject: &str) -> u64 {
    subject
        .strip_prefix("edit ")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("unexpected subject {subject:?}"))
}

fn run_and_kill(dir: &Path, run_for: Duration) -> Vec<(u64, u64)> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["child_editor", "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_DIR, dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .filter_map(|line| {
                let rest = line.strip_prefix("edit ")?;
                let (number, at) = rest.split_once(" at ")?;
                Some((number.parse().ok()?, at.parse().ok()?))
            })
            .collect::<Vec<(u64, u64)>>()
    });
    std::thread::sleep(run_for);
    // `kill` is SIGKILL on Unix (TerminateProcess on Windows): no chance to
    // save or clean up.
    child.kill().unwrap();
    child.wait().unwrap();
    reader.join().unwrap()
}

#[test]
fn a_killed_editor_loses_at_most_one_autosave_interval() {
    let dir = tempfile::tempdir().unwrap();
    let case_path = dir.path().join("case.case.ron");
    save_case(&case_path, &sample_case(), Overwrite::Refuse).unwrap();

    let edits = run_and_kill(dir.path(), INTERVAL * 2 + Duration::from_millis(700));
    let &(last_edit, last_at) = edits.last().expect("the child made edits");
    assert!(
        last_edit > 50,
        "the child edited continuously ({last_edit} edits)"
    );

    let scan = autosave::scan(&dir.path().join("autosave"));
    assert!(scan.set_aside.is_empty(), "the autosave is never torn");
    assert_eq!(scan.recoverable.len(), 1, "one autosave to recover");
    let recovered = &scan.recoverable[0];
    assert_eq!(
        recovered.original.as_deref().map(|p| p.file_name()),
        Some(case_path.file_name())
    );
    let recovered_edit = edit_number(&recovered.case.subject);
    let recovered_at = edits
        .iter()
        .find(|(number, _)| *number == recovered_edit)
        .map(|(_, at)| *at)
        .expect("the recovered edit is one the child made");
    let behind = Duration::from_millis(last_at - recovered_at);
    // The child may have made one more edit after its last line was read.
    assert!(
        behind <= INTERVAL + Duration::from_millis(250),
        "the autosave was {behind:?} behind the last edit (edit {recovered_edit} of {last_edit})"
    );

    // The killed process's lock is stale: nobody holds it and it is taken over.
    assert!(case_path.with_file_name(".case.case.ron.lock").exists());
    assert_eq!(CaseLock::holder(&case_path), None);
    assert!(CaseLock::acquire(&case_path).is_ok());

    // The case file itself was never touched.
    assert_eq!(
        foi_drafter::session::files::load_case(&case_path).unwrap(),
        sample_case()
    );
}
