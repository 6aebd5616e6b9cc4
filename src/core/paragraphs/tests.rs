//! The bundled paragraph library is valid and covers what a letter needs.

use super::*;
use crate::core::catalogue::{EntryKind, Status};

fn bundled_files() -> Vec<(String, String)> {
    BUNDLED_FILES
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect()
}

#[test]
fn every_bundled_file_validates() {
    let problems = validate(&bundled_files(), Catalogues::bundled());
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{}", text.join("\n"));
}

#[test]
fn the_library_has_at_least_eighty_paragraphs() {
    assert!(
        Library::bundled().len() >= 80,
        "{} paragraphs",
        Library::bundled().len()
    );
}

#[test]
fn every_regime_has_every_letter_paragraph() {
    let library = Library::bundled();
    for regime in Regime::ALL {
        for (name, _) in crate::core::document::WORDING
            .iter()
            .filter(|(_, required)| *required)
        {
            assert!(
                library.letter(regime, name).is_some(),
                "{}.letter.{name} (or all.letter.{name} covering {})",
                regime.key(),
                regime.short_name()
            );
        }
    }
    for regime in [Regime::Foia, Regime::Foisa] {
        assert!(
            library.letter(regime, "repeated").is_some(),
            "{}: repeated",
            regime.key()
        );
    }
    for regime in [Regime::Eir, Regime::Eisr] {
        assert!(
            library.letter(regime, "presumption").is_some(),
            "{}: presumption",
            regime.key()
        );
    }
}

#[test]
fn qualified_foia_exemptions_have_harm_and_factors_both_ways() {
    let library = Library::bundled();
    for id in [
        "s22(1)",
        "s24(1)",
        "s26(1)(a)",
        "s27(1)(a)",
        "s30(1)(a)",
        "s31(1)(a)",
        "s35(1)(a)",
        "s36(2)(b)(i)",
        "s38(1)(a)",
        "s43(2)",
    ] {
        for role in [
            Role::Harm,
            Role::PitFavouringDisclosure,
            Role::PitFavouringExemption,
        ] {
            assert!(
                !library.for_claim(Regime::Foia, id, role).is_empty(),
                "{id}: no {} paragraph",
                role.label()
            );
        }
        assert!(
            !library
                .for_claim(Regime::Foia, id, Role::ExemptionStatement)
                .is_empty(),
            "{id}: no exemption statement"
        );
    }
}

#[test]
fn absolute_foia_exemptions_have_their_own_statement() {
    let library = Library::bundled();
    for id in ["s21", "s23(1)", "s32(1)", "s40(2)", "s41(1)", "s44(1)"] {
        assert!(
            !library
                .for_claim(Regime::Foia, id, Role::ExemptionStatement)
                .is_empty(),
            "{id}"
        );
    }
}

#[test]
fn every_ncnd_provision_in_the_catalogues_has_a_statement() {
    let library = Library::bundled();
    for regime in Regime::ALL {
        let catalogue = Catalogues::bundled().get(regime);
        for provision in catalogue.of_kind(EntryKind::NcndProvision) {
            assert!(
                !library
                    .for_claim(regime, &provision.id, Role::NcndStatement)
                    .is_empty(),
                "{} {}",
                regime.key(),
                provision.id
            );
        }
    }
}

#[test]
fn environmental_and_scottish_exemptions_are_covered() {
    let library = Library::bundled();
    for id in ["r12(4)(b)", "r12(5)(a)", "r12(5)(b)", "r12(5)(e)", "r13(1)"] {
        assert!(
            !library
                .for_claim(Regime::Eir, id, Role::ExemptionStatement)
                .is_empty(),
            "EIR {id}"
        );
    }
    for id in ["r12(4)(b)", "r12(5)(a)", "r12(5)(b)", "r12(5)(e)"] {
        for role in [
            Role::Harm,
            Role::PitFavouringDisclosure,
            Role::PitFavouringExemption,
        ] {
            assert!(
                !library.for_claim(Regime::Eir, id, role).is_empty(),
                "EIR {id}: {}",
                role.label()
            );
        }
    }
    for id in ["s30(b)(i)", "s35(1)(a)", "s38(1)(b)"] {
        assert!(
            !library
                .for_claim(Regime::Foisa, id, Role::ExemptionStatement)
                .is_empty(),
            "FOISA {id}"
        );
    }
    for id in ["s30(b)(i)", "s35(1)(a)"] {
        for role in [
            Role::Harm,
            Role::PitFavouringDisclosure,
            Role::PitFavouringExemption,
        ] {
            assert!(
                !library.for_claim(Regime::Foisa, id, role).is_empty(),
                "FOISA {id}: {}",
                role.label()
            );
        }
    }
}

#[test]
fn not_held_paragraphs_say_there_is_no_duty_to_create_information() {
    let library = Library::bundled();
    for regime in Regime::ALL {
        let body = &library
            .letter(regime, "not_held.not_recorded")
            .unwrap()
            .body;
        assert!(
            body.to_lowercase().contains("create"),
            "{}: {body}",
            regime.key()
        );
    }
}

#[test]
fn review_paragraphs_carry_the_deadline_and_complaints_the_right_regulator() {
    let library = Library::bundled();
    for regime in Regime::ALL {
        let review = &library.letter(regime, "review").unwrap().body;
        assert!(
            placeholders_in(review).contains(&"review_deadline".to_string()),
            "{}",
            regime.key()
        );
        let complaint = &library.letter(regime, "complaint").unwrap().body;
        assert!(
            placeholders_in(complaint).contains(&"regulator".to_string())
                || complaint.contains("Commissioner"),
            "{}",
            regime.key()
        );
        if regime.is_scottish() {
            assert!(
                !complaint.contains("section 50"),
                "{}: FOIA s.50 is not a Scottish right",
                regime.key()
            );
        }
    }
}

#[test]
fn ncnd_paragraphs_never_assume_an_answer() {
    let library = Library::bundled();
    for paragraph in library.iter().filter(|p| p.role == Role::NcndStatement) {
        let hits = crate::core::rules::ncnd_text::giveaways(&paragraph.body);
        assert!(hits.is_empty(), "{}: {:?}", paragraph.id, hits);
    }
}

#[test]
fn placeholders_render_and_missing_values_stay_visible() {
    let mut values = Values::new();
    values.set("reference", "NP-1");
    assert_eq!(
        render("Ref {reference} from {authority} {{x}}", &values),
        "Ref NP-1 from [Authority name] {x}"
    );
    assert_eq!(placeholders_in("{a} and {b} and {a} {{c}}"), vec!["a", "b"]);
    assert_eq!(missing_marker("review_contact"), "[Review contact]");
}

#[test]
fn a_team_paragraph_replaces_a_shipped_one_by_id() {
    let mut library = Library::bundled().clone();
    let shipped = library.letter(Regime::Foia, "closing").unwrap().clone();
    let mut team = shipped.clone();
    team.body = "Our team's own closing.".into();
    library.add(vec![team], "team.ron", true);
    assert_eq!(
        library.letter(Regime::Foia, "closing").unwrap().body,
        "Our team's own closing."
    );
    assert!(library.source(&shipped.id).unwrap().team);
}

#[test]
fn validation_names_file_line_and_problem() {
    let files = vec![(
        "bad.ron".to_string(),
        "[\n (id: \"x.one\", regimes: [Foia], role: Harm, title: \"T\", body: \"{nonsense}\", exemption: Some(\"s99\")),\n (id: \"x.one\", regimes: [Foia], role: Harm, title: \"T\", body: \"ok\"),\n]".to_string(),
    )];
    let problems: Vec<String> = validate(&files, Catalogues::bundled())
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("bad.ron:2:") && p.contains("unknown placeholder {nonsense}")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("\"s99\", which is not in the FOIA catalogue")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("also used in bad.ron")),
        "{problems:?}"
    );
    let broken = vec![("broken.ron".to_string(), "[\n (id: \"x\",\n".to_string())];
    let problems = validate(&broken, Catalogues::bundled());
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].file, "broken.ron");
    assert!(problems[0].line >= 2);
}

#[test]
fn absolute_statements_do_not_promise_a_public_interest_test() {
    let library = Library::bundled();
    for regime in Regime::ALL {
        let catalogue = Catalogues::bundled().get(regime);
        for entry in catalogue
            .entries
            .iter()
            .filter(|e| e.status == Status::Absolute && e.kind == EntryKind::Exemption)
        {
            for role in [
                Role::PitFavouringDisclosure,
                Role::PitFavouringExemption,
                Role::Balance,
            ] {
                let serving: Vec<&str> = library
                    .for_claim(regime, &entry.id, role)
                    .iter()
                    .map(|p| p.id.as_str())
                    .collect();
                assert!(
                    serving.is_empty(),
                    "{}: public interest paragraphs {serving:?} for an absolute exemption",
                    entry.id
                );
            }
        }
    }
}
