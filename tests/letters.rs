//! Composed letters: snapshots of the plain text for six kinds of case, the
//! NCND wording independent of the private `held` note, and the DOCX as a
//! Word processor reads it (parsed with a real XML parser).

use std::io::Read;
use std::path::Path;

use foi_drafter::core::case::{Case, Decision};
use foi_drafter::core::case_file::parse_case;
use foi_drafter::core::document::AuthorityProfile;
use foi_drafter::export::{Format, render, text};
use foi_drafter::session::letter::LetterSetup;
use foi_drafter::session::settings::LoadedProfile;

fn fixture(name: &str) -> Case {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    parse_case(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn setup() -> LetterSetup {
    let profile =
        AuthorityProfile::from_ron(include_str!("../assets/samples/authority.ron")).unwrap();
    LetterSetup {
        profile: LoadedProfile::from(profile),
        ..LetterSetup::bundled()
    }
}

fn letter_text(case: &Case) -> String {
    let date = case.responded_on.expect("fixtures have a response date");
    text::render(&setup().compose(case, date, false))
}

#[test]
fn snapshot_foia_part_refusal_with_ncnd() {
    insta::assert_snapshot!(letter_text(&fixture("ai-in-policing.case.ron")));
}

#[test]
fn snapshot_ncnd_only() {
    insta::assert_snapshot!(letter_text(&fixture("cases/ncnd-only.case.ron")));
}

#[test]
fn snapshot_cost_limit() {
    insta::assert_snapshot!(letter_text(&fixture("cases/cost-limit.case.ron")));
}

#[test]
fn snapshot_not_held() {
    insta::assert_snapshot!(letter_text(&fixture("cases/not-held.case.ron")));
}

#[test]
fn snapshot_eir_public_safety() {
    insta::assert_snapshot!(letter_text(&fixture("cases/eir-public-safety.case.ron")));
}

#[test]
fn snapshot_foisa_section_18() {
    insta::assert_snapshot!(letter_text(&fixture("cases/foisa-ncnd.case.ron")));
}

fn with_held(mut case: Case, value: Option<bool>) -> Case {
    for question in &mut case.questions {
        if let Decision::Ncnd { held, .. } = &mut question.decision {
            *held = value;
        }
    }
    case
}

#[test]
fn the_letter_is_byte_identical_whatever_the_private_held_note_says() {
    for name in [
        "ai-in-policing.case.ron",
        "cases/ncnd-only.case.ron",
        "cases/foisa-ncnd.case.ron",
    ] {
        let case = fixture(name);
        let date = case.responded_on.unwrap();
        let versions: Vec<(String, Vec<u8>, Vec<u8>)> = [Some(true), Some(false), None]
            .into_iter()
            .map(|held| {
                let document = setup().compose(&with_held(case.clone(), held), date, false);
                (
                    text::render(&document),
                    render(&document, Format::Markdown, None).unwrap(),
                    docx_part(
                        &render(&document, Format::Docx, None).unwrap(),
                        "word/document.xml",
                    ),
                )
            })
            .collect();
        assert_eq!(versions[0], versions[1], "{name}: held vs not held");
        assert_eq!(versions[0], versions[2], "{name}: held vs not recorded");
    }
}

fn docx_part(docx: &[u8], name: &str) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let mut part = archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the docx"));
    let mut bytes = Vec::new();
    part.read_to_end(&mut bytes).unwrap();
    bytes
}

/// Paragraph texts of word/document.xml with their style ids.
fn paragraphs(xml: &str) -> Vec<(String, String)> {
    let doc = roxmltree::Document::parse(xml).expect("document.xml parses");
    doc.descendants()
        .filter(|n| n.has_tag_name("p"))
        .map(|p| {
            let style = p
                .descendants()
                .find(|n| n.has_tag_name("pStyle"))
                .and_then(|s| {
                    s.attributes()
                        .find(|a| a.name() == "val")
                        .map(|a| a.value().to_string())
                })
                .unwrap_or_default();
            let text: String = p
                .descendants()
                .filter(|n| n.has_tag_name("t"))
                .filter_map(|t| t.text())
                .collect();
            (style, text)
        })
        .collect()
}

#[test]
fn the_reference_docx_holds_every_part_of_the_letter_in_order() {
    let case = fixture("ai-in-policing.case.ron");
    let document = setup().compose(&case, case.responded_on.unwrap(), false);
    let docx = render(&document, Format::Docx, None).unwrap();
    let xml = String::from_utf8(docx_part(&docx, "word/document.xml")).unwrap();
    let paragraphs = paragraphs(&xml);
    let position = |wanted: &dyn Fn(&(String, String)) -> bool, what: &str| {
        paragraphs
            .iter()
            .position(wanted)
            .unwrap_or_else(|| panic!("{what} not found in {paragraphs:#?}"))
    };
    let request = position(
        &|(style, text)| style == "ListNumber" && text.starts_with("Does your force use AI"),
        "the request as a numbered list",
    );
    let decision = position(
        &|(style, text)| style == "Heading1" && text == "Our decision",
        "the decision",
    );
    let s43 = position(
        &|(style, text)| style == "Heading2" && text.starts_with("Section 43(2)"),
        "section 43(2)",
    );
    let s43_pit = position(
        &|(_, text)| text.starts_with("The contract award will be published"),
        "the s.43(2) conclusion",
    );
    let ncnd = position(
        &|(style, text)| style == "Heading1" && text == "Neither confirm nor deny",
        "the NCND section",
    );
    let s24 = position(
        &|(style, text)| style == "Heading2" && text.starts_with("Section 24(2)"),
        "section 24(2)",
    );
    let s31 = position(
        &|(style, text)| style == "Heading2" && text.starts_with("Section 31(3)"),
        "section 31(3)",
    );
    let answers: Vec<usize> = (1..=7)
        .map(|n| {
            position(
                &|(style, text)| style == "Heading2" && *text == format!("Question {n}"),
                &format!("answer to Q{n}"),
            )
        })
        .collect();
    let review = position(
        &|(_, text)| text.contains("Thursday 28 May 2026"),
        "the review deadline (40 working days from 27 March 2026)",
    );
    let complaint = position(
        &|(_, text)| text.contains("Information Commissioner") && text.contains("Wilmslow"),
        "ICO complaint rights",
    );
    let order = [
        request, decision, s43, s43_pit, ncnd, s24, s31, answers[0], answers[6], review, complaint,
    ];
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "out of order: {order:?}"
    );
    assert!(answers.windows(2).all(|w| w[0] < w[1]));
    assert!(paragraphs.iter().any(|(style, _)| style == "Title"));
    assert!(
        paragraphs.iter().any(|(style, _)| style == "ListBullet"),
        "PIT factors are bulleted"
    );
}

#[test]
fn the_docx_has_real_styles_a4_and_a_page_x_of_y_footer() {
    let case = fixture("ai-in-policing.case.ron");
    let docx = render(
        &setup().compose(&case, case.responded_on.unwrap(), false),
        Format::Docx,
        None,
    )
    .unwrap();
    let styles = String::from_utf8(docx_part(&docx, "word/styles.xml")).unwrap();
    let doc = roxmltree::Document::parse(&styles).unwrap();
    let names: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("name"))
        .filter_map(|n| {
            n.attributes()
                .find(|a| a.name() == "val")
                .map(|a| a.value())
        })
        .collect();
    for name in [
        "Normal",
        "Title",
        "heading 1",
        "heading 2",
        "List Number",
        "List Bullet",
        "Quote",
    ] {
        assert!(names.contains(&name), "style {name} in {names:?}");
    }
    let document = String::from_utf8(docx_part(&docx, "word/document.xml")).unwrap();
    assert!(
        document.contains(r#"w:w="11906""#) && document.contains(r#"w:h="16838""#),
        "A4"
    );
    let archive = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
    let footer_name = archive
        .file_names()
        .find(|n| n.starts_with("word/footer"))
        .unwrap()
        .to_string();
    let footer = String::from_utf8(docx_part(&docx, &footer_name)).unwrap();
    roxmltree::Document::parse(&footer).expect("footer parses");
    assert!(
        footer.contains("PAGE") && footer.contains("NUMPAGES"),
        "{footer}"
    );
    assert!(footer.contains("NP-FOI-2026-0142"));
    let header_name = archive
        .file_names()
        .find(|n| n.starts_with("word/header"))
        .unwrap()
        .to_string();
    assert!(
        String::from_utf8(docx_part(&docx, &header_name))
            .unwrap()
            .contains("Northshire Police")
    );
}

#[test]
fn no_requester_data_reaches_the_document_properties() {
    let case = fixture("ai-in-policing.case.ron");
    let docx = render(
        &setup().compose(&case, case.responded_on.unwrap(), false),
        Format::Docx,
        None,
    )
    .unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
    let names: Vec<String> = archive.file_names().map(str::to_string).collect();
    for name in names.iter().filter(|n| n.starts_with("docProps/")) {
        let mut text = String::new();
        archive
            .by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        assert!(
            !text.contains("Sam Example") && !text.contains("sam.example"),
            "{name}: {text}"
        );
    }
    let core = String::from_utf8(docx_part(&docx, "docProps/core.xml")).unwrap();
    let doc = roxmltree::Document::parse(&core).unwrap();
    let title = doc
        .descendants()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text());
    assert_eq!(title, Some("FOIA response NP-FOI-2026-0142"));
}

#[test]
fn hostile_text_still_gives_a_document_that_parses() {
    let mut case = fixture("cases/not-held.case.ron");
    case.subject = "Bad \u{1}\u{0}\u{b} characters & <tags> \"quotes\"".into();
    case.questions[0].decision = Decision::Disclose {
        answer: format!("{}\u{FFFE}\u{1F}{}", "x".repeat(5000), "Ünïcödé ✓ 🎉"),
    };
    let document = setup().compose(&case, case.responded_on.unwrap(), false);
    let docx = render(&document, Format::Docx, None).unwrap();
    let xml = String::from_utf8(docx_part(&docx, "word/document.xml")).unwrap();
    let parsed = paragraphs(&xml);
    assert!(
        parsed
            .iter()
            .any(|(_, t)| t.contains("characters & <tags> \"quotes\""))
    );
    assert!(parsed.iter().any(|(_, t)| t.contains("Ünïcödé ✓ 🎉")));
}

#[test]
fn a_draft_is_marked_on_every_page() {
    let case = fixture("ai-in-policing.case.ron");
    let document = setup().compose(&case, case.responded_on.unwrap(), true);
    let docx = render(&document, Format::Docx, None).unwrap();
    let archive = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
    let header_name = archive
        .file_names()
        .find(|n| n.starts_with("word/header"))
        .unwrap()
        .to_string();
    assert!(
        String::from_utf8(docx_part(&docx, &header_name))
            .unwrap()
            .contains("DRAFT")
    );
    assert!(text::render(&document).starts_with("DRAFT - NOT FOR SENDING"));
}

#[test]
fn exemptions_cited_by_several_questions_are_explained_once() {
    let mut case = fixture("ai-in-policing.case.ron");
    case.questions[5].decision = case.questions[3].decision.clone();
    let letter = letter_text(&case);
    assert_eq!(
        letter
            .matches("Section 43(2) – Commercial interests\n")
            .count(),
        1,
        "{letter}"
    );
    assert!(letter.contains(
        "We are relying on section 43(2) for the information you asked for in questions 4 and 6."
    ));
    // Question 6's answer is question 4's, so the letter refers back to it.
    assert!(
        letter.contains("Our answer to this question is the same as our answer to question 4."),
        "{letter}"
    );
}

#[test]
fn a_missing_profile_shows_visible_markers() {
    let case = fixture("ai-in-policing.case.ron");
    let document = LetterSetup::bundled().compose(&case, case.responded_on.unwrap(), false);
    let letter = text::render(&document);
    assert!(
        letter.starts_with("[Authority name]\n[Authority address]"),
        "{letter}"
    );
    assert!(letter.contains("[Signatory name]"));
}

#[test]
fn no_letter_leaves_a_placeholder_unfilled() {
    use foi_drafter::core::paragraphs::{PLACEHOLDERS, missing_marker};
    let fixtures = [
        "ai-in-policing.case.ron",
        "cases/ncnd-only.case.ron",
        "cases/cost-limit.case.ron",
        "cases/not-held.case.ron",
        "cases/eir-public-safety.case.ron",
        "cases/foisa-ncnd.case.ron",
        "leaks/sound-3-eir.case.ron",
    ];
    for name in fixtures {
        let letter = letter_text(&fixture(name));
        for placeholder in PLACEHOLDERS {
            let marker = missing_marker(placeholder.name);
            assert!(
                !letter.contains(&marker),
                "{name}: {marker} left in the letter"
            );
        }
    }
}

#[test]
fn the_personal_data_note_on_the_public_interest_test_appears_only_when_personal_data_is_withheld()
{
    let note = "For the personal data we withhold under regulation 13";
    let case = fixture("cases/eir-public-safety.case.ron");
    assert!(!letter_text(&case).contains(note));

    let mut with_names = case.clone();
    if let Decision::PartDisclose { claims, .. } = &mut with_names.questions[0].decision {
        let mut names = foi_drafter::core::case::Claim::new("r13(1)");
        names.limbs = vec!["r13(2A)(a)".into()];
        names.harm = Some(
            "The report names the inspectors, and disclosing their names to the world would be unfair to them."
                .into(),
        );
        claims.push(names);
    } else {
        panic!("the fixture's question is part disclosed");
    }
    let letter = letter_text(&with_names);
    assert_eq!(letter.matches(note).count(), 1, "{letter}");
}
