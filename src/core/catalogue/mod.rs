//! Regime catalogues: every exemption, exception, NCND provision and
//! whole-request refusal a letter can cite, as data (`assets/catalogue/*.ron`).
//!
//! Entry ids (`s31(1)(a)`, `s24(2)`, `r12(5)(a)`, `s18(1)`) are stable forever:
//! saved cases reference them.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::case::Regime;

/// What an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum EntryKind {
    /// An exemption (FOIA/FOISA) or exception (EIR/EISR) that withholds information.
    Exemption,
    /// A provision that removes the duty to confirm or deny (NCND).
    NcndProvision,
    /// A ground for refusing the whole request (cost, vexatious, repeated).
    WholeRequest,
}

/// Whether the public interest test applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Status {
    /// No public interest test (FOIA s.2(3), FOISA s.2(2)).
    Absolute,
    /// Maintained only if the public interest favours it.
    Qualified,
}

/// The test an entry sets for engaging it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum HarmTest {
    /// Applies to a class of information; no harm need be shown.
    Class,
    /// Disclosure would, or would be likely to, prejudice an interest.
    Prejudice,
    /// FOISA/EISR: would, or would be likely to, prejudice substantially.
    SubstantialPrejudice,
    /// EIR/EISR reg 12(5)/10(5): disclosure would adversely affect an interest.
    AdverseEffect,
    /// FOIA s.38 / FOISA s.39: would, or would be likely to, endanger health or safety.
    Endanger,
    /// FOIA s.24 / FOISA s.31(1): required for safeguarding national security.
    RequiredForSafeguarding,
    /// The reasonable opinion of the qualified person (FOIA s.36).
    QualifiedPersonOpinion,
}

impl HarmTest {
    /// True when the claim must explain the harm.
    pub fn needs_harm(self) -> bool {
        !matches!(self, HarmTest::Class)
    }

    /// True when the claim must state a level of likelihood.
    pub fn needs_likelihood(self) -> bool {
        matches!(
            self,
            HarmTest::Prejudice
                | HarmTest::SubstantialPrejudice
                | HarmTest::AdverseEffect
                | HarmTest::Endanger
                | HarmTest::QualifiedPersonOpinion
        )
    }

    /// A short label for the GUI picker.
    pub fn label(self) -> &'static str {
        match self {
            HarmTest::Class => "class-based",
            HarmTest::Prejudice => "prejudice-based",
            HarmTest::SubstantialPrejudice => "substantial prejudice",
            HarmTest::AdverseEffect => "adverse effect",
            HarmTest::Endanger => "endangerment",
            HarmTest::RequiredForSafeguarding => "required for safeguarding",
            HarmTest::QualifiedPersonOpinion => "qualified person's opinion",
        }
    }
}

/// The words of a harm test: the verb and the interest it protects, so a
/// letter can say "would be likely to prejudice the prevention or detection
/// of crime" and a check can tell whether a harm text uses the right test.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestWording {
    /// The statutory verb: "prejudice", "prejudice substantially",
    /// "inhibit substantially", "endanger", "adversely affect".
    pub verb: String,
    /// What it protects, as it follows the verb: "the prevention or detection of crime".
    pub interest: String,
}

/// A particular the letter must give for some provisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
pub enum Particular {
    /// FOIA s.36: who the qualified person is and when they gave the opinion.
    QualifiedPerson,
    /// EIR reg 14(4) / EISR reg 13(d): who is completing the material and when.
    Completion,
    /// Personal data: the three-step legitimate interests test (UK GDPR Art 6(1)(f)).
    LegitimateInterests,
}

/// One limb of a provision: an interest it protects or a condition it sets,
/// one of which a claim must name (s.31(3) engages one of s.31(1)(a)–(i)).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limb {
    /// Stable id used in claims: `s40(3A)(a)`, `r12(5)(a)-public-safety`.
    pub id: String,
    /// How a letter cites it: "section 40(3A)(a)".
    pub cite: String,
    /// The interest or condition in a few words, as a letter states it.
    pub interest: String,
    /// Overrides the provision's status (s.40(2) is absolute only under its first condition).
    #[serde(default)]
    pub status: Option<Status>,
    /// Particulars the letter must give when this limb is relied on.
    #[serde(default)]
    pub requires: Vec<Particular>,
    /// Words in a harm text that show this limb is meant.
    #[serde(default)]
    pub phrases: Vec<String>,
}

/// One citable provision.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Stable id used in case files: `s31(1)(a)`, `r12(5)(a)`.
    pub id: String,
    /// How a letter cites it: "section 31(1)(a)", "regulation 12(5)(a)".
    pub cite: String,
    /// The provision's title: "Law enforcement".
    pub title: String,
    /// What the entry is.
    pub kind: EntryKind,
    /// Absolute or qualified.
    pub status: Status,
    /// The test for engaging it.
    pub test: HarmTest,
    /// For an exemption: the id of the NCND provision that goes with it, if any.
    #[serde(default)]
    pub ncnd: Option<String>,
    /// For an NCND provision: the exemptions it follows from.
    #[serde(default)]
    pub ncnd_for: Vec<String>,
    /// One or two plain-English sentences for the GUI picker and trainers.
    pub description: String,
    /// Words a caseworker might search for.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Roughly equivalent ids in the other regimes (for `wrong-regime` hints).
    #[serde(default)]
    pub equivalents: Vec<String>,
    /// Other ways of citing it that resolve to this id (`s21(1)` for `s21`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The words of its harm test, where it has one.
    #[serde(default)]
    pub wording: Option<TestWording>,
    /// Its limbs, where a claim must name one (interests or conditions).
    #[serde(default)]
    pub limbs: Vec<Limb>,
    /// Particulars the letter must give whenever it is relied on.
    #[serde(default)]
    pub requires: Vec<Particular>,
    /// Words in a harm text that name its interest (when it is a limb of another provision).
    #[serde(default)]
    pub phrases: Vec<String>,
    /// For a class-based provision: the class of information it covers, as a
    /// letter names it ("information held for an investigation into whether
    /// a person should be charged with an offence").
    #[serde(default)]
    pub describes: Option<String>,
    /// True for "reasonably accessible by other means" (FOIA s.21, FOISA s.25):
    /// the answer tells the requester where the information is.
    #[serde(default)]
    pub accessible: bool,
}

impl Entry {
    /// True when a public interest test must be carried out.
    pub fn needs_public_interest_test(&self) -> bool {
        self.status == Status::Qualified
    }

    /// The citation with its title: "section 31(1)(a) (Law enforcement)".
    pub fn cite_with_title(&self) -> String {
        format!("{} ({})", self.cite, self.title)
    }

    /// The entry seen as a limb of another provision.
    pub fn as_limb(&self) -> Limb {
        Limb {
            id: self.id.clone(),
            cite: self.cite.clone(),
            interest: self
                .wording
                .as_ref()
                .map(|w| w.interest.clone())
                .or_else(|| self.describes.clone())
                .unwrap_or_else(|| self.title.clone()),
            status: Some(self.status),
            requires: self.requires.clone(),
            phrases: self.phrases.clone(),
        }
    }
}

/// How a citation written by a person resolved against a catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution<'a> {
    /// Exactly one entry.
    Found(&'a Entry),
    /// Several entries share the citation ("s31" could be any of s.31's subsections).
    Ambiguous(Vec<&'a Entry>),
    /// No entry.
    Unknown,
}

/// The catalogue of one regime.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// The regime.
    pub regime: Regime,
    /// The law's full title.
    pub law: String,
    /// The presumption in favour of disclosure (EIR reg 12(2), EISR reg 10(2)).
    #[serde(default)]
    pub presumption: Option<String>,
    /// Every entry.
    pub entries: Vec<Entry>,
    #[serde(skip)]
    index: HashMap<String, usize>,
}

/// Why a catalogue file could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct CatalogueError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What was wrong.
    pub message: String,
}

/// Normalises the ways people write a provision: "S.31(1)(a)", "section 31 (1)(a)",
/// "Reg 12(5)(a)" all become the catalogue form (`s31(1)(a)`, `r12(5)(a)`).
pub fn normalise_id(text: &str) -> String {
    let lower: String = text
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let (prefix, rest) = [
        ("regulation", "r"),
        ("reg.", "r"),
        ("reg", "r"),
        ("section", "s"),
        ("sec.", "s"),
        ("s.", "s"),
        ("r.", "r"),
        ("s", "s"),
        ("r", "r"),
    ]
    .iter()
    .find_map(|(long, short)| lower.strip_prefix(long).map(|rest| (*short, rest)))
    .unwrap_or(("", lower.as_str()));
    let rest = rest.trim_start_matches('.');
    // A letter straight after a digit is part of the number: 22A, 40(5A).
    let mut previous_digit = false;
    let rest: String = rest
        .chars()
        .map(|c| {
            let out = if previous_digit && c.is_ascii_alphabetic() {
                c.to_ascii_uppercase()
            } else {
                c
            };
            previous_digit = c.is_ascii_digit();
            out
        })
        .collect();
    format!("{prefix}{rest}")
}

impl Catalogue {
    /// Parses catalogue RON text.
    pub fn from_ron(text: &str) -> Result<Catalogue, CatalogueError> {
        let mut catalogue: Catalogue = ron::from_str(text).map_err(|e| CatalogueError {
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })?;
        catalogue.index = catalogue
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        Ok(catalogue)
    }

    /// The entry with exactly this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.index.get(id).map(|&i| &self.entries[i])
    }

    /// The entry for an id as a person might write it ("S.31(1)(a)",
    /// "section 21", "s 21(1)", "reg 12(4)(b)"); none when unknown or ambiguous.
    pub fn find(&self, id: &str) -> Option<&Entry> {
        match self.resolve(id) {
            Resolution::Found(entry) => Some(entry),
            _ => None,
        }
    }

    /// Resolves a citation: an exact id, its normalised form, an alias, or
    /// the one entry whose id starts with it ("s.22A" is `s22A(1)` only if no
    /// other entry starts `s22A(`); several such entries are ambiguous.
    pub fn resolve(&self, id: &str) -> Resolution<'_> {
        if let Some(entry) = self.get(id) {
            return Resolution::Found(entry);
        }
        let normal = normalise_id(id);
        if let Some(entry) = self.get(&normal) {
            return Resolution::Found(entry);
        }
        if let Some(entry) = self
            .entries
            .iter()
            .find(|e| e.aliases.iter().any(|a| normalise_id(a) == normal))
        {
            return Resolution::Found(entry);
        }
        if normal.len() < 2 {
            return Resolution::Unknown;
        }
        let family: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| {
                e.id.strip_prefix(normal.as_str())
                    .is_some_and(|rest| rest.starts_with('('))
            })
            .collect();
        match family.len() {
            0 => Resolution::Unknown,
            1 => Resolution::Found(family[0]),
            _ => Resolution::Ambiguous(family),
        }
    }

    /// The limbs a claim of `entry` may name: its own, or for an NCND
    /// provision that follows from several exemptions, those exemptions,
    /// or for one that follows from a single exemption, that exemption's limbs.
    pub fn limbs_of(&self, entry: &Entry) -> Vec<Limb> {
        if !entry.limbs.is_empty() {
            return entry.limbs.clone();
        }
        if entry.kind != EntryKind::NcndProvision {
            return Vec::new();
        }
        match entry.ncnd_for.as_slice() {
            [] => Vec::new(),
            [one] => self.get(one).map_or_else(Vec::new, |e| e.limbs.clone()),
            several => several
                .iter()
                .filter_map(|id| self.get(id))
                .map(Entry::as_limb)
                .collect(),
        }
    }

    /// Entries of one kind.
    pub fn of_kind(&self, kind: EntryKind) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| e.kind == kind)
    }

    /// For a claim in an NCND decision: the NCND provision it amounts to.
    /// An NCND provision is itself; an exemption gives its linked provision.
    pub fn ncnd_provision_for(&self, id: &str) -> Option<&Entry> {
        let entry = self.find(id)?;
        match entry.kind {
            EntryKind::NcndProvision => Some(entry),
            EntryKind::Exemption => entry.ncnd.as_deref().and_then(|n| self.get(n)),
            EntryKind::WholeRequest => None,
        }
    }

    /// For an NCND provision: the exemption it follows from (the first listed).
    pub fn exemption_behind(&self, provision: &Entry) -> Option<&Entry> {
        provision.ncnd_for.first().and_then(|id| self.get(id))
    }

    /// Entries matching a search text (id, title, description or keywords).
    pub fn search<'a>(&'a self, text: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
        let id_form = normalise_id(text);
        self.entries.iter().filter(move |entry| {
            if words.is_empty() || entry.id.starts_with(&id_form) {
                return true;
            }
            let haystack = format!(
                "{} {} {} {} {}",
                entry.id,
                entry.cite,
                entry.title,
                entry.description,
                entry.keywords.join(" ")
            )
            .to_lowercase();
            words.iter().all(|w| haystack.contains(w.as_str()))
        })
    }
}

const FOIA_RON: &str = include_str!("../../../assets/catalogue/foia.ron");
const EIR_RON: &str = include_str!("../../../assets/catalogue/eir.ron");
const FOISA_RON: &str = include_str!("../../../assets/catalogue/foisa.ron");
const EISR_RON: &str = include_str!("../../../assets/catalogue/eisr.ron");

/// The bundled catalogue text for a regime.
pub fn bundled_text(regime: Regime) -> &'static str {
    match regime {
        Regime::Foia => FOIA_RON,
        Regime::Eir => EIR_RON,
        Regime::Foisa => FOISA_RON,
        Regime::Eisr => EISR_RON,
    }
}

/// All four catalogues.
#[derive(Debug, Clone)]
pub struct Catalogues {
    by_regime: Vec<Catalogue>,
}

impl Catalogues {
    /// The bundled catalogues (parsed once per process).
    pub fn bundled() -> &'static Catalogues {
        static BUNDLED: OnceLock<Catalogues> = OnceLock::new();
        BUNDLED.get_or_init(|| Catalogues {
            by_regime: Regime::ALL
                .into_iter()
                .map(|regime| {
                    // Tests check every bundled catalogue parses; an empty one
                    // here would make every claim "unknown", never a crash.
                    Catalogue::from_ron(bundled_text(regime)).unwrap_or_else(|_| Catalogue {
                        regime,
                        law: regime.law_title().into(),
                        presumption: None,
                        entries: Vec::new(),
                        index: HashMap::new(),
                    })
                })
                .collect(),
        })
    }

    /// The catalogue of one regime.
    pub fn get(&self, regime: Regime) -> &Catalogue {
        self.by_regime
            .iter()
            .find(|c| c.regime == regime)
            .unwrap_or(&self.by_regime[0])
    }

    /// The other regimes whose catalogues hold `id`.
    pub fn regimes_holding(&self, id: &str) -> Vec<Regime> {
        self.by_regime
            .iter()
            .filter(|c| c.find(id).is_some())
            .map(|c| c.regime)
            .collect()
    }
}

#[cfg(test)]
mod tests;
