//! Every bundled catalogue loads, is internally consistent, and holds the ids
//! a letter must be able to cite. Ids are stable forever: removing one breaks
//! saved cases, so the required lists below only ever grow.

use std::collections::HashSet;

use super::*;

fn catalogue(regime: Regime) -> Catalogue {
    Catalogue::from_ron(bundled_text(regime))
        .unwrap_or_else(|e| panic!("{} catalogue: {e}", regime.key()))
}

const FOIA_REQUIRED: &[&str] = &[
    "s12(1)",
    "s14(1)",
    "s14(2)",
    "s21",
    "s22(1)",
    "s22(2)",
    "s22A(1)",
    "s22A(2)",
    "s23(1)",
    "s23(5)",
    "s24(1)",
    "s24(2)",
    "s26(1)(a)",
    "s26(1)(b)",
    "s26(3)",
    "s27(1)(a)",
    "s27(1)(b)",
    "s27(1)(c)",
    "s27(1)(d)",
    "s27(2)",
    "s27(4)",
    "s28(1)",
    "s28(3)",
    "s29(1)(a)",
    "s29(1)(b)",
    "s29(2)",
    "s30(1)(a)",
    "s30(1)(b)",
    "s30(1)(c)",
    "s30(2)",
    "s30(3)",
    "s31(1)(a)",
    "s31(1)(b)",
    "s31(1)(c)",
    "s31(1)(d)",
    "s31(1)(e)",
    "s31(1)(f)",
    "s31(1)(g)",
    "s31(1)(h)",
    "s31(1)(i)",
    "s31(3)",
    "s32(1)",
    "s32(2)",
    "s32(3)",
    "s33(2)",
    "s33(3)",
    "s34(1)",
    "s34(2)",
    "s35(1)(a)",
    "s35(1)(b)",
    "s35(1)(c)",
    "s35(1)(d)",
    "s35(3)",
    "s36(2)(a)",
    "s36(2)(b)(i)",
    "s36(2)(b)(ii)",
    "s36(2)(c)",
    "s36(3)",
    "s37(1)(a)",
    "s37(1)(aa)",
    "s37(1)(ab)",
    "s37(1)(ac)",
    "s37(1)(ad)",
    "s37(1)(b)",
    "s37(2)",
    "s38(1)(a)",
    "s38(1)(b)",
    "s38(2)",
    "s39(1)",
    "s39(2)",
    "s40(1)",
    "s40(2)",
    "s40(5A)",
    "s40(5B)",
    "s41(1)",
    "s41(2)",
    "s42(1)",
    "s42(2)",
    "s43(1)",
    "s43(2)",
    "s43(3)",
    "s44(1)",
    "s44(2)",
];

const EIR_REQUIRED: &[&str] = &[
    "r12(4)(a)",
    "r12(4)(b)",
    "r12(4)(c)",
    "r12(4)(d)",
    "r12(4)(e)",
    "r12(5)(a)",
    "r12(5)(b)",
    "r12(5)(c)",
    "r12(5)(d)",
    "r12(5)(e)",
    "r12(5)(f)",
    "r12(5)(g)",
    "r12(6)",
    "r13(1)",
    "r13(5A)",
];

const FOISA_REQUIRED: &[&str] = &[
    "s12(1)",
    "s14(1)",
    "s14(2)",
    "s18(1)",
    "s25(1)",
    "s26",
    "s27(1)",
    "s28(1)",
    "s29(1)",
    "s30(a)",
    "s30(b)(i)",
    "s30(b)(ii)",
    "s30(c)",
    "s31(1)",
    "s32(1)",
    "s33(1)(a)",
    "s33(1)(b)",
    "s34(1)",
    "s35(1)(a)",
    "s35(1)(b)",
    "s35(1)(c)",
    "s36(1)",
    "s36(2)",
    "s37(1)",
    "s38(1)(a)",
    "s38(1)(b)",
    "s38(1)(c)",
    "s38(1)(d)",
    "s39(1)",
    "s40",
    "s41(a)",
    "s41(b)",
];

const EISR_REQUIRED: &[&str] = &[
    "r10(4)(a)",
    "r10(4)(b)",
    "r10(4)(c)",
    "r10(4)(d)",
    "r10(4)(e)",
    "r10(5)(a)",
    "r10(5)(b)",
    "r10(5)(c)",
    "r10(5)(d)",
    "r10(5)(e)",
    "r10(5)(f)",
    "r10(5)(g)",
    "r10(8)",
    "r11(2)",
];

fn required(regime: Regime) -> &'static [&'static str] {
    match regime {
        Regime::Foia => FOIA_REQUIRED,
        Regime::Eir => EIR_REQUIRED,
        Regime::Foisa => FOISA_REQUIRED,
        Regime::Eisr => EISR_REQUIRED,
    }
}

#[test]
fn every_catalogue_loads_for_its_own_regime() {
    for regime in Regime::ALL {
        let catalogue = catalogue(regime);
        assert_eq!(catalogue.regime, regime);
        assert!(!catalogue.entries.is_empty());
    }
}

#[test]
fn every_required_id_is_present() {
    for regime in Regime::ALL {
        let catalogue = catalogue(regime);
        let missing: Vec<&str> = required(regime)
            .iter()
            .copied()
            .filter(|id| catalogue.get(id).is_none())
            .collect();
        assert!(missing.is_empty(), "{}: missing {missing:?}", regime.key());
    }
}

#[test]
fn ids_are_unique_and_every_entry_is_described() {
    for regime in Regime::ALL {
        let catalogue = catalogue(regime);
        let mut seen = HashSet::new();
        for entry in &catalogue.entries {
            assert!(
                seen.insert(entry.id.clone()),
                "{}: duplicate {}",
                regime.key(),
                entry.id
            );
            assert_eq!(
                normalise_id(&entry.id),
                entry.id,
                "{}: id not in normal form",
                entry.id
            );
            assert!(!entry.title.trim().is_empty(), "{}: no title", entry.id);
            assert!(!entry.cite.trim().is_empty(), "{}: no citation", entry.id);
            let words = entry.description.split_whitespace().count();
            assert!(
                (6..=80).contains(&words),
                "{}: description has {words} words",
                entry.id
            );
        }
    }
}

#[test]
fn ncnd_links_run_both_ways() {
    for regime in Regime::ALL {
        let catalogue = catalogue(regime);
        for entry in &catalogue.entries {
            if let Some(ncnd) = &entry.ncnd {
                assert_eq!(
                    entry.kind,
                    EntryKind::Exemption,
                    "{}: only exemptions link to NCND",
                    entry.id
                );
                let provision = catalogue
                    .get(ncnd)
                    .unwrap_or_else(|| panic!("{}: NCND provision {ncnd} missing", entry.id));
                assert_eq!(provision.kind, EntryKind::NcndProvision, "{ncnd}");
                assert!(
                    provision.ncnd_for.contains(&entry.id),
                    "{ncnd} should list {} in ncnd_for",
                    entry.id
                );
            }
            if entry.kind == EntryKind::NcndProvision {
                assert!(
                    !entry.ncnd_for.is_empty(),
                    "{}: NCND provision follows from nothing",
                    entry.id
                );
                for id in &entry.ncnd_for {
                    let exemption = catalogue
                        .get(id)
                        .unwrap_or_else(|| panic!("{}: ncnd_for {id} missing", entry.id));
                    assert_eq!(
                        exemption.ncnd.as_deref(),
                        Some(entry.id.as_str()),
                        "{id} -> {}",
                        entry.id
                    );
                }
            } else {
                assert!(
                    entry.ncnd_for.is_empty(),
                    "{}: only NCND provisions have ncnd_for",
                    entry.id
                );
            }
        }
    }
}

#[test]
fn equivalents_name_entries_of_other_regimes() {
    let all: Vec<Catalogue> = Regime::ALL.into_iter().map(catalogue).collect();
    for catalogue in &all {
        for entry in &catalogue.entries {
            for id in &entry.equivalents {
                assert!(
                    all.iter()
                        .any(|c| c.regime != catalogue.regime && c.get(id).is_some()),
                    "{} {}: equivalent {id} is in no other catalogue",
                    catalogue.regime.key(),
                    entry.id
                );
            }
        }
    }
}

#[test]
fn the_law_is_encoded_as_the_reference_facts_say() {
    let foia = catalogue(Regime::Foia);
    let absolute: Vec<&str> = foia
        .of_kind(EntryKind::Exemption)
        .filter(|e| e.status == Status::Absolute)
        .map(|e| e.id.as_str())
        .collect();
    for id in [
        "s21",
        "s23(1)",
        "s32(1)",
        "s34(1)",
        "s37(1)(a)",
        "s40(1)",
        "s40(2)",
        "s41(1)",
        "s44(1)",
    ] {
        assert!(absolute.contains(&id), "{id} is absolute (s.2(3))");
    }
    for id in [
        "s24(1)",
        "s31(1)(a)",
        "s35(1)(a)",
        "s37(1)(b)",
        "s38(1)(a)",
        "s42(1)",
        "s43(2)",
    ] {
        assert_eq!(foia.get(id).unwrap().status, Status::Qualified, "{id}");
    }
    assert_eq!(
        foia.get("s43(1)").unwrap().ncnd,
        None,
        "s.43(3) covers s.43(2) only"
    );
    assert_eq!(foia.get("s21").unwrap().ncnd, None);
    assert_eq!(
        foia.get("s31(1)(a)").unwrap().ncnd.as_deref(),
        Some("s31(3)")
    );
    assert_eq!(foia.get("s23(1)").unwrap().ncnd.as_deref(), Some("s23(5)"));
    assert_eq!(foia.get("s40(2)").unwrap().ncnd.as_deref(), Some("s40(5B)"));
    assert_eq!(foia.get("s43(2)").unwrap().test, HarmTest::Prejudice);
    assert_eq!(
        foia.get("s24(1)").unwrap().test,
        HarmTest::RequiredForSafeguarding
    );
    assert_eq!(foia.get("s38(1)(a)").unwrap().test, HarmTest::Endanger);
    assert_eq!(foia.get("s30(1)(a)").unwrap().test, HarmTest::Class);
    for id in ["s12(1)", "s14(1)", "s14(2)"] {
        assert_eq!(foia.get(id).unwrap().kind, EntryKind::WholeRequest, "{id}");
    }

    let eir = catalogue(Regime::Eir);
    assert!(eir.presumption.is_some(), "reg 12(2)");
    for entry in eir
        .of_kind(EntryKind::Exemption)
        .filter(|e| e.id.starts_with("r12"))
    {
        assert_eq!(
            entry.status,
            Status::Qualified,
            "{}: reg 12(1)(b)",
            entry.id
        );
    }
    assert_eq!(
        eir.get("r12(5)(a)").unwrap().ncnd.as_deref(),
        Some("r12(6)")
    );
    assert_eq!(eir.get("r12(5)(a)").unwrap().test, HarmTest::AdverseEffect);

    let foisa = catalogue(Regime::Foisa);
    for id in [
        "s28(1)",
        "s29(1)",
        "s30(b)(i)",
        "s31(1)",
        "s32(1)",
        "s33(1)(b)",
        "s34(1)",
        "s35(1)(a)",
        "s38(1)(b)",
        "s39(1)",
        "s41(a)",
    ] {
        assert_eq!(
            foisa.get(id).unwrap().ncnd.as_deref(),
            Some("s18(1)"),
            "{id}: FOISA s.18(1)"
        );
    }
    for id in ["s25(1)", "s26", "s36(2)", "s37(1)"] {
        assert_eq!(foisa.get(id).unwrap().status, Status::Absolute, "{id}");
    }
    assert_eq!(
        foisa.get("s35(1)(a)").unwrap().test,
        HarmTest::SubstantialPrejudice
    );

    let eisr = catalogue(Regime::Eisr);
    assert!(eisr.presumption.is_some(), "reg 10(2)");
    assert_eq!(
        eisr.get("r10(5)(a)").unwrap().test,
        HarmTest::SubstantialPrejudice
    );
}

#[test]
fn people_can_write_ids_their_own_way() {
    let foia = catalogue(Regime::Foia);
    for written in ["S.31(1)(a)", "section 31(1)(a)", "s 31 (1)(a)", "s31(1)(a)"] {
        assert_eq!(
            foia.find(written).map(|e| e.id.as_str()),
            Some("s31(1)(a)"),
            "{written}"
        );
    }
    assert_eq!(foia.find("s22a(1)").map(|e| e.id.as_str()), Some("s22A(1)"));
    let eir = catalogue(Regime::Eir);
    assert_eq!(
        eir.find("Reg 12(5)(a)").map(|e| e.id.as_str()),
        Some("r12(5)(a)")
    );
}

#[test]
fn ncnd_claims_resolve_to_their_provision_either_way() {
    let foia = catalogue(Regime::Foia);
    assert_eq!(
        foia.ncnd_provision_for("s24(2)").map(|e| e.id.as_str()),
        Some("s24(2)")
    );
    assert_eq!(
        foia.ncnd_provision_for("s31(1)(a)").map(|e| e.id.as_str()),
        Some("s31(3)")
    );
    assert_eq!(foia.ncnd_provision_for("s43(1)"), None);
    let eir = catalogue(Regime::Eir);
    assert_eq!(
        eir.ncnd_provision_for("r12(5)(a)").map(|e| e.id.as_str()),
        Some("r12(6)")
    );
    let foisa = catalogue(Regime::Foisa);
    assert_eq!(
        foisa.ncnd_provision_for("s35(1)(a)").map(|e| e.id.as_str()),
        Some("s18(1)")
    );
}

#[test]
fn the_picker_search_finds_by_words_and_ids() {
    let foia = catalogue(Regime::Foia);
    let hits: Vec<&str> = foia.search("commercial").map(|e| e.id.as_str()).collect();
    assert!(hits.contains(&"s43(2)"), "{hits:?}");
    let hits: Vec<&str> = foia.search("s31").map(|e| e.id.as_str()).collect();
    assert!(
        hits.contains(&"s31(1)(a)") && hits.contains(&"s31(3)"),
        "{hits:?}"
    );
}

#[test]
fn citation_aliases_resolve_to_the_catalogue_id() {
    let foia = catalogue(Regime::Foia);
    for written in [
        "s21",
        "s21(1)",
        "section 21",
        "S.21",
        "s 21(1)",
        "Section 21 (1)",
    ] {
        assert_eq!(
            foia.resolve(written),
            Resolution::Found(foia.get("s21").unwrap()),
            "{written}"
        );
    }
    // The only entry of its family: s.22A(1) is s.22A(1) even written "s22A".
    assert_eq!(foia.find("s12").map(|e| e.id.as_str()), Some("s12(1)"));
    let eir = catalogue(Regime::Eir);
    for written in [
        "reg 12(4)(b)",
        "Reg. 12(4)(b)",
        "regulation 12 (4) (b)",
        "r12(4)(b)",
    ] {
        assert_eq!(
            eir.find(written).map(|e| e.id.as_str()),
            Some("r12(4)(b)"),
            "{written}"
        );
    }
}

#[test]
fn an_ambiguous_citation_names_every_choice_and_resolves_to_none() {
    let foia = catalogue(Regime::Foia);
    let Resolution::Ambiguous(choices) = foia.resolve("s31") else {
        panic!("s31 is ambiguous: {:?}", foia.resolve("s31"));
    };
    let ids: Vec<&str> = choices.iter().map(|e| e.id.as_str()).collect();
    assert!(
        ids.contains(&"s31(1)(a)") && ids.contains(&"s31(3)"),
        "{ids:?}"
    );
    assert_eq!(foia.find("s31"), None);
    let Resolution::Ambiguous(choices) = foia.resolve("section 40") else {
        panic!("s40 is ambiguous");
    };
    assert_eq!(choices.len(), 4);
    assert_eq!(foia.resolve("s99"), Resolution::Unknown);
    assert_eq!(foia.resolve(""), Resolution::Unknown);
}

#[test]
fn limbs_come_from_the_provision_or_the_exemptions_it_follows_from() {
    let foia = catalogue(Regime::Foia);
    let s31_3 = foia.get("s31(3)").unwrap();
    let limbs: Vec<String> = foia.limbs_of(s31_3).into_iter().map(|l| l.id).collect();
    assert_eq!(limbs.len(), 9, "s.31(1)(a) to (i)");
    assert_eq!(limbs[0], "s31(1)(a)");
    let conditions: Vec<String> = foia
        .limbs_of(foia.get("s40(2)").unwrap())
        .into_iter()
        .map(|l| l.id)
        .collect();
    assert_eq!(
        conditions,
        ["s40(3A)(a)", "s40(3A)(b)", "s40(3B)", "s40(4A)"]
    );
    // A provision that follows from one exemption takes that exemption's limbs.
    let eir = catalogue(Regime::Eir);
    let from_12_6: Vec<String> = eir
        .limbs_of(eir.get("r12(6)").unwrap())
        .into_iter()
        .map(|l| l.id)
        .collect();
    assert!(from_12_6.contains(&"r12(5)(a)-public-safety".to_string()));
    // And every limb of every catalogue has a citation and an interest.
    for regime in Regime::ALL {
        let catalogue = catalogue(regime);
        for entry in &catalogue.entries {
            for limb in catalogue.limbs_of(entry) {
                assert!(
                    !limb.cite.is_empty() && !limb.interest.is_empty(),
                    "{}",
                    limb.id
                );
            }
        }
    }
}

#[test]
fn every_prejudice_based_entry_has_its_test_wording() {
    for regime in Regime::ALL {
        let catalogue = catalogue(regime);
        for entry in &catalogue.entries {
            if entry.test.needs_likelihood() || entry.test == HarmTest::RequiredForSafeguarding {
                assert!(
                    entry.wording.is_some(),
                    "{} {}: no test wording",
                    regime.key(),
                    entry.id
                );
            }
        }
    }
    let foisa = catalogue(Regime::Foisa);
    assert_eq!(
        foisa
            .get("s30(b)(i)")
            .unwrap()
            .wording
            .as_ref()
            .unwrap()
            .verb,
        "inhibit substantially"
    );
    let foia = catalogue(Regime::Foia);
    assert_eq!(
        foia.get("s38(1)(b)")
            .unwrap()
            .wording
            .as_ref()
            .unwrap()
            .verb,
        "endanger"
    );
    let eir = catalogue(Regime::Eir);
    assert_eq!(
        eir.get("r12(5)(e)").unwrap().wording.as_ref().unwrap().verb,
        "adversely affect"
    );
}
