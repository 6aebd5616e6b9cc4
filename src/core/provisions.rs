//! What a claim relies on, read against its catalogue: the provision the
//! letter cites, the exemption it is read with, the limbs engaged, the test
//! that applies and the particulars the letter must give.
//!
//! The composer and the checks both read claims through [`resolve_claim`],
//! so the letter and the findings always agree about what a claim means.

use std::collections::BTreeSet;

use super::case::{Claim, Regime};
use super::catalogue::{
    Catalogue, Entry, EntryKind, HarmTest, Limb, Particular, Resolution, Status, TestWording,
};
use super::text::normalise;

/// How the limbs of a claim were found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LimbSource {
    /// The provision has no limbs to name.
    NotNeeded,
    /// The claim names them.
    Named,
    /// The claim names none, and one limb is named by the harm text.
    Inferred,
    /// The claim names none and the harm text names none, or several.
    Missing {
        /// The limbs the harm text seems to name (several), if any.
        candidates: Vec<String>,
    },
}

/// A claim read against its catalogue.
#[derive(Debug, Clone)]
pub struct ResolvedClaim<'a> {
    /// The entry the claim names.
    pub entry: &'a Entry,
    /// For an NCND claim: the NCND provision it amounts to.
    pub provision: Option<&'a Entry>,
    /// The exemption the provision is read with, when the letter must name it
    /// (FOISA s.18(1) with s.35(1)(a); EIR reg 12(6) with reg 12(5)(a)).
    pub read_with: Option<&'a Entry>,
    /// The limbs engaged: named, or inferred from the harm text.
    pub limbs: Vec<Limb>,
    /// Where the limbs came from.
    pub limb_source: LimbSource,
    /// Named limb ids that are not limbs of the provision.
    pub unknown_limbs: Vec<String>,
    /// Whether the public interest test applies, after any limb's override
    /// (and always under FOISA s.18(1)).
    pub status: Status,
    /// The test to meet, after the limbs (s.27(4) with s.27(2) is class-based).
    pub test: HarmTest,
    /// The words of that test, with the limbs' interests where they are named.
    pub wording: Option<TestWording>,
    /// Particulars the letter must give.
    pub requires: BTreeSet<Particular>,
}

impl<'a> ResolvedClaim<'a> {
    /// The entry whose heading and statement the letter uses: the NCND
    /// provision for an NCND claim, the entry itself otherwise.
    pub fn cited(&self) -> &'a Entry {
        self.provision.unwrap_or(self.entry)
    }

    /// True when the claim needs a level of likelihood.
    pub fn needs_likelihood(&self) -> bool {
        self.test.needs_likelihood() && self.test != HarmTest::AdverseEffect
    }

    /// True when the claim needs a public interest test.
    pub fn needs_public_interest(&self) -> bool {
        self.status == Status::Qualified
    }
}

/// Reads one claim against the catalogue. `in_ncnd` is true for the claims
/// of a neither-confirm-nor-deny answer. None when the id does not resolve.
pub fn resolve_claim<'a>(
    catalogue: &'a Catalogue,
    claim: &Claim,
    in_ncnd: bool,
) -> Option<ResolvedClaim<'a>> {
    let Resolution::Found(entry) = catalogue.resolve(&claim.exemption) else {
        return None;
    };
    let regime = catalogue.regime;
    let provision = if in_ncnd {
        catalogue.ncnd_provision_for(&entry.id)
    } else {
        None
    };
    // The exemption named as a limb: FOIA s.31(3) naming s.31(1)(a), or
    // FOISA s.18(1) naming s.35(1)(a).
    // In an NCND answer the provision's own conditions apply (s.40(2) claimed
    // in NCND is s.40(5B), whose conditions are its own), and an exemption
    // claimed by its id is itself the limb of its provision (s.30(1)(a) under
    // s.30(3), s.35(1)(a) under FOISA s.18(1)).
    let (options, implied): (Vec<Limb>, Option<&str>) = match provision {
        Some(p) if p.id != entry.id && !p.limbs.is_empty() => (p.limbs.clone(), None),
        Some(p) if p.id != entry.id && p.ncnd_for.len() > 1 && p.ncnd_for.contains(&entry.id) => {
            (catalogue.limbs_of(p), Some(entry.id.as_str()))
        }
        _ => (catalogue.limbs_of(entry), None),
    };
    let named: Vec<Limb> = options
        .iter()
        .filter(|limb| {
            implied == Some(limb.id.as_str()) || claim.limbs.iter().any(|id| same_id(id, &limb.id))
        })
        .cloned()
        .collect();
    // A named limb that is itself an entry with limbs brings those too
    // (s.31(3) with s.31(1)(g) names a purpose in s.31(2)).
    let nested: Vec<&Entry> = named
        .iter()
        .filter_map(|limb| catalogue.get(&limb.id))
        .filter(|limb_entry| !limb_entry.limbs.is_empty())
        .collect();
    let nested_options: Vec<Limb> = nested.iter().flat_map(|e| e.limbs.clone()).collect();
    let nested_named: Vec<Limb> = nested_options
        .iter()
        .filter(|limb| claim.limbs.iter().any(|id| same_id(id, &limb.id)))
        .cloned()
        .collect();
    let unknown_limbs: Vec<String> = claim
        .limbs
        .iter()
        .filter(|id| {
            !options
                .iter()
                .chain(&nested_options)
                .any(|limb| same_id(id, &limb.id))
        })
        .cloned()
        .collect();
    let harm = claim.harm.as_deref().unwrap_or_default();
    let (limbs, limb_source) = if options.is_empty() {
        (Vec::new(), LimbSource::NotNeeded)
    } else if !named.is_empty() {
        let mut limbs = named.clone();
        if !nested.is_empty() {
            match infer_or_name(&nested_options, &nested_named, harm) {
                (found, LimbSource::Missing { candidates }) => {
                    limbs.extend(found);
                    return Some(finish(
                        catalogue,
                        entry,
                        provision,
                        limbs,
                        LimbSource::Missing { candidates },
                        unknown_limbs,
                        regime,
                    ));
                }
                (found, _) => limbs.extend(found),
            }
        }
        (limbs, LimbSource::Named)
    } else {
        infer_or_name(&options, &[], harm)
    };
    Some(finish(
        catalogue,
        entry,
        provision,
        limbs,
        limb_source,
        unknown_limbs,
        regime,
    ))
}

/// The named limbs, or the one limb the harm text names.
fn infer_or_name(options: &[Limb], named: &[Limb], harm: &str) -> (Vec<Limb>, LimbSource) {
    if !named.is_empty() {
        return (named.to_vec(), LimbSource::Named);
    }
    let text = normalise(harm);
    let found: Vec<&Limb> = options
        .iter()
        .filter(|limb| limb_named_in(limb, &text))
        .collect();
    match found.as_slice() {
        [one] => (vec![(*one).clone()], LimbSource::Inferred),
        several => (
            Vec::new(),
            LimbSource::Missing {
                candidates: several.iter().map(|l| l.id.clone()).collect(),
            },
        ),
    }
}

/// True when a normalised harm text names the limb's interest or one of its phrases.
fn limb_named_in(limb: &Limb, text: &str) -> bool {
    if text.is_empty() {
        return false;
    }
    let interest = normalise(&limb.interest);
    let interest = interest.strip_prefix("the ").unwrap_or(&interest);
    contains_phrase(text, interest)
        || limb
            .phrases
            .iter()
            .any(|phrase| contains_phrase(text, &normalise(phrase)))
}

/// True when `phrase` occurs in `text` at word boundaries.
fn contains_phrase(text: &str, phrase: &str) -> bool {
    if phrase.is_empty() {
        return false;
    }
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

fn same_id(written: &str, id: &str) -> bool {
    written.trim() == id || crate::core::catalogue::normalise_id(written) == id
}

fn finish<'a>(
    catalogue: &'a Catalogue,
    entry: &'a Entry,
    provision: Option<&'a Entry>,
    limbs: Vec<Limb>,
    limb_source: LimbSource,
    unknown_limbs: Vec<String>,
    regime: Regime,
) -> ResolvedClaim<'a> {
    let cited = provision.unwrap_or(entry);
    // The exemption the letter names beside an NCND provision.
    let limb_entries: Vec<&'a Entry> = limbs.iter().filter_map(|l| catalogue.get(&l.id)).collect();
    let read_with = match provision {
        Some(p) if regime != Regime::Foia => {
            if entry.kind == EntryKind::Exemption {
                Some(entry)
            } else if !p.limbs.is_empty() {
                // A provision with conditions of its own (EIR reg 13(5A))
                // stands alone.
                None
            } else if let [one] = p.ncnd_for.as_slice() {
                catalogue.get(one)
            } else {
                limb_entries.first().copied()
            }
        }
        _ => None,
    };
    // The entry whose test applies: the most specific one named.
    let tested: &Entry = if let Some(first) = limb_entries.first() {
        first
    } else if provision.is_some() && entry.kind == EntryKind::Exemption {
        entry
    } else if let Some(with) = read_with {
        with
    } else {
        cited
    };
    let test = if limb_entries.is_empty() {
        tested.test
    } else if let Some(prejudice) = limb_entries.iter().find(|e| e.test.needs_likelihood()) {
        prejudice.test
    } else {
        limb_entries[0].test
    };
    let wording = tested.wording.clone().map(|mut wording| {
        let interests: Vec<String> = if limb_entries.is_empty() {
            limbs
                .iter()
                .filter(|l| catalogue.get(&l.id).is_none() && l.status.is_none())
                .map(|l| l.interest.clone())
                .collect()
        } else {
            limb_entries
                .iter()
                .filter(|e| e.wording.is_some())
                .map(|e| e.as_limb().interest)
                .collect()
        };
        if !interests.is_empty() {
            wording.interest = join_and(&interests);
        }
        wording
    });
    let status = if regime == Regime::Foisa && provision.is_some() {
        // FOISA s.18(1) needs the public interest reason whatever the exemption.
        Status::Qualified
    } else if let Some(status) = limbs.iter().find_map(|l| l.status) {
        if limbs.iter().any(|l| l.status == Some(Status::Qualified)) {
            Status::Qualified
        } else {
            status
        }
    } else {
        cited.status
    };
    let mut requires: BTreeSet<Particular> = cited.requires.iter().copied().collect();
    requires.extend(entry.requires.iter().copied());
    for limb in &limbs {
        requires.extend(limb.requires.iter().copied());
    }
    if let Some(with) = read_with {
        requires.extend(with.requires.iter().copied());
    }
    ResolvedClaim {
        entry,
        provision,
        read_with,
        limbs,
        limb_source,
        unknown_limbs,
        status,
        test,
        wording,
        requires,
    }
}

/// "a, b and c".
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
