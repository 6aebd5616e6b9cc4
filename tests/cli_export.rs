//! `foi-drafter export` and `foi-drafter templates validate` from the command line.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn foi_drafter(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_foi-drafter"))
        .args(args)
        // Keep the user's own profile and library out of the tests.
        .env("XDG_CONFIG_HOME", "/nonexistent-foi-drafter-test")
        .env("HOME", "/nonexistent-foi-drafter-test")
        .output()
        .expect("binary runs")
}

fn manifest(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(path)
        .to_string_lossy()
        .into_owned()
}

fn out_path(dir: &Path, name: &str) -> PathBuf {
    dir.join(name)
}

#[test]
fn the_reference_case_exports_to_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let profile = manifest("assets/samples/authority.ron");
    for (name, needle) in [
        ("letter.docx", None),
        ("letter.md", Some("## Neither confirm nor deny")),
        (
            "letter.txt",
            Some("Neither confirm nor deny\n------------------------"),
        ),
    ] {
        let out = out_path(dir.path(), name);
        let output = foi_drafter(&[
            "export",
            &manifest("tests/fixtures/ai-in-policing.case.ron"),
            "-o",
            out.to_str().unwrap(),
            "--profile",
            &profile,
        ]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(String::from_utf8_lossy(&output.stdout).starts_with("Exported "));
        let bytes = std::fs::read(&out).unwrap();
        match needle {
            None => assert!(bytes.starts_with(b"PK"), "a zip"),
            Some(needle) => assert!(String::from_utf8(bytes).unwrap().contains(needle), "{name}"),
        }
    }
}

#[test]
fn blocking_findings_stop_the_export_unless_it_is_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let case = out_path(dir.path(), "undecided.case.ron");
    let created = foi_drafter(&[
        "new",
        "-o",
        case.to_str().unwrap(),
        "--received",
        "2026-03-02",
    ]);
    assert_eq!(created.status.code(), Some(0));
    std::fs::write(
        &case,
        std::fs::read_to_string(&case).unwrap().replace(
            "questions: [],",
            "questions: [(number: 1, text: \"How many?\")],",
        ),
    )
    .unwrap();

    let out = out_path(dir.path(), "letter.docx");
    let refused = foi_drafter(&[
        "export",
        case.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--date",
        "2026-03-10",
    ]);
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("not exported") && stderr.contains("Q1 undecided"),
        "{stderr}"
    );
    assert!(!out.exists());

    let draft = foi_drafter(&[
        "export",
        case.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--date",
        "2026-03-10",
        "--draft",
    ]);
    assert_eq!(
        draft.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&draft.stderr)
    );
    assert!(String::from_utf8_lossy(&draft.stdout).contains("marked DRAFT"));
    assert!(String::from_utf8_lossy(&draft.stderr).contains("no authority profile found"));
}

#[test]
fn an_existing_letter_is_not_replaced_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = out_path(dir.path(), "letter.txt");
    std::fs::write(&out, "keep me").unwrap();
    let case = manifest("tests/fixtures/ai-in-policing.case.ron");
    let profile = manifest("assets/samples/authority.ron");
    let output = foi_drafter(&[
        "export",
        &case,
        "-o",
        out.to_str().unwrap(),
        "--profile",
        &profile,
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("already exists"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    let forced = foi_drafter(&[
        "export",
        &case,
        "-o",
        out.to_str().unwrap(),
        "--force",
        "--profile",
        &profile,
    ]);
    assert_eq!(forced.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("NP-FOI-2026-0142")
    );
}

#[test]
fn a_team_library_replaces_shipped_paragraphs_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("team");
    std::fs::create_dir(&library).unwrap();
    std::fs::write(
        library.join("closing.ron"),
        r#"[(id: "all.letter.closing", regimes: [Foia, Eir, Foisa, Eisr], role: Closing, title: "Our closing", body: "Call the Northshire disclosure desk about {reference}.")]"#,
    )
    .unwrap();
    let out = out_path(dir.path(), "letter.txt");
    let profile = manifest("assets/samples/authority.ron");
    let output = foi_drafter(&[
        "export",
        &manifest("tests/fixtures/ai-in-policing.case.ron"),
        "-o",
        out.to_str().unwrap(),
        "--library",
        library.to_str().unwrap(),
        "--profile",
        &profile,
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("Call the Northshire disclosure desk about NP-FOI-2026-0142.")
    );

    std::fs::write(
        library.join("broken.ron"),
        "[(id: \"x\", regimes: [Foia], role: Harm, title: \"T\", body: \"{nope}\")]",
    )
    .unwrap();
    let broken = foi_drafter(&[
        "export",
        &manifest("tests/fixtures/ai-in-policing.case.ron"),
        "-o",
        out.to_str().unwrap(),
        "--force",
        "--library",
        library.to_str().unwrap(),
    ]);
    assert_eq!(broken.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&broken.stderr);
    assert!(
        stderr.contains("broken.ron:1:") && stderr.contains("unknown placeholder {nope}"),
        "{stderr}"
    );
}

#[test]
fn a_final_export_without_a_profile_is_refused_naming_each_missing_field() {
    let dir = tempfile::tempdir().unwrap();
    let out = out_path(dir.path(), "letter.docx");
    let case = manifest("tests/fixtures/ai-in-policing.case.ron");
    let output = foi_drafter(&["export", &case, "-o", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for field in [
        "`name`",
        "`address_lines`",
        "`review_contact`",
        "`foi_email`",
        "`signatory_name`",
        "`signatory_title`",
    ] {
        assert!(
            stderr.contains(&format!("({field})")) && stderr.contains("authority profile"),
            "{field}: {stderr}"
        );
    }
    assert!(!out.exists(), "nothing is written");
    // A draft may keep the markers, and every page says DRAFT.
    let draft = foi_drafter(&["export", &case, "-o", out.to_str().unwrap(), "--draft"]);
    assert_eq!(draft.status.code(), Some(0));
    assert!(docx_parts(&out).contains("[Authority name]"));
}

#[test]
fn templates_validate_checks_the_bundled_library_and_a_folder() {
    let bundled = foi_drafter(&["templates", "validate"]);
    assert_eq!(
        bundled.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&bundled.stdout)
    );
    assert!(String::from_utf8_lossy(&bundled.stdout).contains(", 0 problems"));

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.ron"), "[(id: \"team.one\", regimes: [Eir], exemption: Some(\"s43(2)\"), role: Harm, title: \"T\", body: \"text\")]").unwrap();
    let output = foi_drafter(&["templates", "validate", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("a.ron:1:")
            && stdout.contains("\"s43(2)\", which is not in the EIR catalogue"),
        "{stdout}"
    );
}

/// Every part of a DOCX as text (the XML, undecoded).
fn docx_parts(path: &Path) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut all = String::new();
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).unwrap();
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).unwrap();
        all.push_str(&String::from_utf8_lossy(&bytes));
    }
    all
}

#[test]
fn an_anonymised_export_holds_no_requester_details_anywhere() {
    let dir = tempfile::tempdir().unwrap();
    let case = manifest("tests/fixtures/ai-in-policing.case.ron");
    let letter = out_path(dir.path(), "letter.docx");
    let published = out_path(dir.path(), "published.docx");
    let profile = manifest("assets/samples/authority.ron");
    let run = |out: &Path, extra: &[&str]| {
        let mut args = vec![
            "export",
            &case,
            "-o",
            out.to_str().unwrap(),
            "--profile",
            &profile,
        ];
        args.extend_from_slice(extra);
        let output = foi_drafter(&args);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    run(&letter, &[]);
    let said = run(&published, &["--format", "docx", "--anonymise"]);
    assert!(said.contains("requester anonymised"), "{said}");

    let letter = docx_parts(&letter);
    assert!(
        letter.contains("Dear Sam Example,"),
        "the letter itself is addressed"
    );
    let published = docx_parts(&published);
    for detail in ["Sam Example", "sam.example@example.org", "Sam ", ">Sam<"] {
        assert!(
            !published.contains(detail),
            "{detail:?} is in the published copy"
        );
    }
    assert!(published.contains("Dear [Requester],"));
    assert!(
        published.contains("contact details]"),
        "the address is marked"
    );
    assert!(
        published.contains("NP-FOI-2026-0142"),
        "the reference stays"
    );
}

/// The sample case with a sentence in its NCND reasoning that gives the answer away.
fn leaky_case(dir: &Path) -> (PathBuf, String) {
    use foi_drafter::core::case::Decision;
    let sentence = "Our covert facial recognition cameras have been used at 12 events since 2024.";
    let mut case = foi_drafter::session::sample_case();
    for question in &mut case.questions {
        if let Decision::Ncnd { claims, .. } = &mut question.decision {
            claims[0].harm = Some(sentence.into());
        }
    }
    let path = dir.join("leaky.case.ron");
    std::fs::write(&path, foi_drafter::core::case_file::write_case(&case)).unwrap();
    (path, sentence.to_string())
}

#[test]
fn a_flagged_ncnd_sentence_stops_a_final_export_until_the_case_acknowledges_it() {
    let dir = tempfile::tempdir().unwrap();
    let (path, sentence) = leaky_case(dir.path());
    let out = out_path(dir.path(), "letter.docx");
    let profile = manifest("assets/samples/authority.ron");
    let args = [
        "export",
        path.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--profile",
        &profile,
    ];
    let refused = foi_drafter(&args);
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("ncnd-confirms")
            && stderr.contains("a requester would infer that it exists"),
        "{stderr}"
    );
    assert!(!out.exists());

    // The caseworker acknowledges the sentence in the case file.
    let mut case =
        foi_drafter::core::case_file::parse_case(&std::fs::read_to_string(&path).unwrap()).unwrap();
    case.acknowledged
        .push(foi_drafter::core::case::Acknowledgement {
            question: 5,
            sentence: sentence.clone(),
            reason: "announced by the Chief Constable".into(),
        });
    std::fs::write(&path, foi_drafter::core::case_file::write_case(&case)).unwrap();
    let exported = foi_drafter(&args);
    assert_eq!(
        exported.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&exported.stderr)
    );
    assert!(out.exists());

    // `check` lists the acknowledgement, with its reason.
    let check = foi_drafter(&["check", path.to_str().unwrap(), "--profile", &profile]);
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(
        stdout.contains("info ncnd-acknowledged: acknowledged as safe to send (announced by the Chief Constable)"),
        "{stdout}"
    );
}
