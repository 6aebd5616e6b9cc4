//! Case files from the command line: the reference case loads and round-trips,
//! and every kind of bad file gives exit code 2, one located line, and is left
//! byte-identical.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use foi_drafter::core::case_file::{parse_case, write_case};
use foi_drafter::session::files::{Overwrite, load_case, save_case};

const REFERENCE: &str = include_str!("fixtures/ai-in-policing.case.ron");

fn foi_drafter(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_foi-drafter"))
        .args(args)
        .output()
        .expect("binary runs")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path
}

/// Runs `show` on a bad file and checks the contract: exit 2, one stderr line
/// starting with the file (and line:column when given), file untouched.
fn assert_show_refuses(path: &Path, location: Option<(usize, usize)>, needle: &str) {
    let before = std::fs::read(path).ok();
    let output = foi_drafter(&["show", path.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(2),
        "exit code for {}: {stderr}",
        path.display()
    );
    assert!(output.stdout.is_empty(), "nothing on stdout");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    let prefix = match location {
        Some((line, column)) => format!("foi-drafter: {}:{line}:{column}: ", path.display()),
        None => format!("foi-drafter: {}: ", path.display()),
    };
    assert!(
        stderr.starts_with(&prefix),
        "expected {prefix:?} in {stderr:?}"
    );
    assert!(stderr.contains(needle), "expected {needle:?} in {stderr:?}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        std::fs::read(path).ok(),
        before,
        "the file must be unchanged"
    );
}

#[test]
fn the_reference_case_loads_unchanged_and_shows_its_questions() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ai-in-policing.case.ron");
    let output = foi_drafter(&["show", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.starts_with("NP-FOI-2026-0142  Use of artificial intelligence in policing"));
    for number in 1..=7 {
        assert!(
            stdout.contains(&format!("Q{number} [")),
            "Q{number} in\n{stdout}"
        );
    }
    assert!(stdout.contains("Q5 [Neither confirm nor deny]"));
    assert!(stdout.contains("Claim: s24(2)"));
    assert!(stdout.contains("Claim: s43(2); would be likely to; harm stated"));
}

#[test]
fn load_save_load_gives_an_equal_case() {
    let dir = tempfile::tempdir().unwrap();
    let original = parse_case(REFERENCE).unwrap();
    let path = dir.path().join("round.case.ron");
    save_case(&path, &original, Overwrite::Refuse).unwrap();
    let reloaded = load_case(&path).unwrap();
    assert_eq!(reloaded, original);
    // The written text is stable: saving again gives identical bytes.
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        write_case(&reloaded)
    );
}

#[cfg(unix)]
#[test]
fn saved_case_files_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("private.case.ron");
    save_case(&path, &parse_case(REFERENCE).unwrap(), Overwrite::Refuse).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn saving_leaves_no_temporary_files_and_refuses_to_clobber() {
    let dir = tempfile::tempdir().unwrap();
    let case = parse_case(REFERENCE).unwrap();
    let path = dir.path().join("a.case.ron");
    save_case(&path, &case, Overwrite::Refuse).unwrap();
    let error = save_case(&path, &case, Overwrite::Refuse).unwrap_err();
    assert!(error.to_string().contains("already exists"), "{error}");
    save_case(&path, &case, Overwrite::Replace).unwrap();
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("a.case.ron")]);
}

#[test]
fn a_missing_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nowhere.case.ron");
    assert_show_refuses(&path, None, "no such file");
    assert!(!path.exists(), "nothing is created");
}

#[test]
fn an_empty_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "empty.case.ron", b"");
    assert_show_refuses(&path, Some((1, 1)), "the file is empty");
}

#[test]
fn a_truncated_file_is_refused_at_its_end() {
    let dir = tempfile::tempdir().unwrap();
    let cut = &REFERENCE[..REFERENCE.find("number: 4").unwrap()];
    let path = write(dir.path(), "cut.case.ron", cut.as_bytes());
    // The error points just after the last thing in the file.
    let content = cut.trim_end();
    let line = content.lines().count();
    let column = content.lines().last().unwrap().chars().count() + 1;
    assert_show_refuses(&path, Some((line, column)), "ends too early");
}

#[test]
fn a_future_format_version_asks_for_a_newer_release() {
    let dir = tempfile::tempdir().unwrap();
    let text = REFERENCE.replace("format_version: 1", "format_version: 2");
    let path = write(dir.path(), "future.case.ron", text.as_bytes());
    assert_show_refuses(
        &path,
        Some((5, 5)),
        "made by a newer version of foi-drafter",
    );
}

#[test]
fn a_misspelt_field_is_located_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let text = REFERENCE.replace("received_on:", "recieved_on:");
    let path = write(dir.path(), "typo.case.ron", text.as_bytes());
    assert_show_refuses(
        &path,
        Some((9, 9)),
        "unknown field \"recieved_on\" in the case",
    );
    let output = foi_drafter(&["show", path.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("did you mean received_on?"));
}

#[test]
fn a_misspelt_decision_lists_the_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let text = REFERENCE.replace("decision: Withhold(", "decision: Withold(");
    let path = write(dir.path(), "variant.case.ron", text.as_bytes());
    let line = 1 + text[..text.find("Withold").unwrap()].matches('\n').count();
    let output = foi_drafter(&["show", path.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "variant.case.ron:{line}:27: unknown decision \"Withold\"; expected one of Undecided, Disclose, PartDisclose, Withhold, NotHeld, Ncnd"
        )),
        "{stderr}"
    );
    assert_show_refuses(&path, Some((line, 27)), "did you mean Withhold?");
}

#[test]
fn an_impossible_date_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = REFERENCE.replace("\"2026-03-02\"", "\"2026-02-30\"");
    let path = write(dir.path(), "date.case.ron", text.as_bytes());
    // Line 9 is `        received_on: "2026-02-30",`; column 23 is the date's first digit.
    assert_show_refuses(
        &path,
        Some((9, 23)),
        "invalid date \"2026-02-30\"; that day does not exist",
    );
}

#[test]
fn a_date_in_the_wrong_shape_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = REFERENCE.replace("\"2026-03-02\"", "\"02/03/2026\"");
    let path = write(dir.path(), "shape.case.ron", text.as_bytes());
    assert_show_refuses(
        &path,
        Some((9, 23)),
        "expected an ISO date written YYYY-MM-DD",
    );
}

#[test]
fn invalid_utf8_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = REFERENCE.as_bytes().to_vec();
    let at = REFERENCE.find("Sam Example").unwrap();
    bytes[at] = 0xff;
    let path = write(dir.path(), "latin.case.ron", &bytes);
    let line = 1 + REFERENCE[..at].matches('\n').count();
    let column = 1 + REFERENCE[..at].rsplit('\n').next().unwrap().chars().count();
    assert_show_refuses(&path, Some((line, column)), "not UTF-8 text (byte 0xff)");
}

#[test]
fn a_five_megabyte_case_loads() {
    let dir = tempfile::tempdir().unwrap();
    let mut case = parse_case(REFERENCE).unwrap();
    let long_answer = "The force holds the following information. ".repeat(60);
    let template = case.questions[0].clone();
    case.questions.clear();
    for number in 1..=2000 {
        let mut question = template.clone();
        question.number = number;
        question.decision = foi_drafter::core::case::Decision::Disclose {
            answer: long_answer.clone(),
        };
        case.questions.push(question);
    }
    let path = dir.path().join("large.case.ron");
    save_case(&path, &case, Overwrite::Refuse).unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size >= 5_000_000, "file is {size} bytes");
    let output = foi_drafter(&["show", path.to_str().unwrap()]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("Questions (2000):"));
}

#[test]
fn a_five_megabyte_file_of_garbage_is_refused_at_its_first_line() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = "lorem ipsum dolor sit amet ".repeat(200_000);
    let path = write(dir.path(), "garbage.case.ron", garbage.as_bytes());
    assert!(std::fs::metadata(&path).unwrap().len() >= 5_000_000);
    assert_show_refuses(&path, Some((1, 1)), "expected");
}

#[test]
fn a_folder_is_not_a_case_file() {
    let dir = tempfile::tempdir().unwrap();
    assert_show_refuses(dir.path(), None, "folder");
}
