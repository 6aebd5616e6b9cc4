//! The paragraph library: standard wording for every part of a response,
//! as data (`templates/paragraphs/*.ron`), with named placeholders.
//!
//! The composer asks for letter paragraphs by id (`foia.letter.opening`,
//! falling back to `all.letter.opening`); the GUI offers harm and public
//! interest paragraphs filtered by exemption and role. A team library folder
//! adds paragraphs and replaces shipped ones with the same id.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use serde::Deserialize;

use super::case::Regime;
use super::catalogue::Catalogues;

/// What a paragraph is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
pub enum Role {
    /// The opening of the letter.
    Opening,
    /// The decision in one paragraph.
    DecisionSummary,
    /// What an exemption provides and when it applies.
    ExemptionStatement,
    /// The harm disclosure would cause.
    Harm,
    /// A public interest factor favouring disclosure (or confirmation or denial).
    PitFavouringDisclosure,
    /// A public interest factor favouring the exemption.
    PitFavouringExemption,
    /// The balance of the public interest.
    Balance,
    /// Neither-confirm-nor-deny wording.
    NcndStatement,
    /// Information not held.
    NotHeld,
    /// Advice and assistance.
    Advice,
    /// Refusal on cost grounds.
    CostLimit,
    /// Refusal as vexatious.
    Vexatious,
    /// Refusal as repeated.
    Repeated,
    /// The presumption in favour of disclosure (EIR, EISR).
    Presumption,
    /// The right to an internal review.
    ReviewRights,
    /// The right to complain to the regulator.
    RegulatorComplaint,
    /// The closing of the letter.
    Closing,
    /// Headings, labels and short phrases of the letter.
    Wording,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 18] = [
        Role::Opening,
        Role::DecisionSummary,
        Role::ExemptionStatement,
        Role::Harm,
        Role::PitFavouringDisclosure,
        Role::PitFavouringExemption,
        Role::Balance,
        Role::NcndStatement,
        Role::NotHeld,
        Role::Advice,
        Role::CostLimit,
        Role::Vexatious,
        Role::Repeated,
        Role::Presumption,
        Role::ReviewRights,
        Role::RegulatorComplaint,
        Role::Closing,
        Role::Wording,
    ];

    /// A label for the library browser.
    pub fn label(self) -> &'static str {
        match self {
            Role::Opening => "Opening",
            Role::DecisionSummary => "Decision summary",
            Role::ExemptionStatement => "Exemption statement",
            Role::Harm => "Harm",
            Role::PitFavouringDisclosure => "Public interest: for disclosure",
            Role::PitFavouringExemption => "Public interest: for the exemption",
            Role::Balance => "Public interest: balance",
            Role::NcndStatement => "Neither confirm nor deny",
            Role::NotHeld => "Not held",
            Role::Advice => "Advice and assistance",
            Role::CostLimit => "Cost limit",
            Role::Vexatious => "Vexatious",
            Role::Repeated => "Repeated",
            Role::Presumption => "Presumption in favour of disclosure",
            Role::ReviewRights => "Review rights",
            Role::RegulatorComplaint => "Complaint to the regulator",
            Role::Closing => "Closing",
            Role::Wording => "Letter wording",
        }
    }
}

/// One paragraph of standard wording.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    /// Stable id, e.g. `foia.s31.pit.favouring_exemption.tactics`.
    pub id: String,
    /// Regimes it applies to.
    pub regimes: Vec<Regime>,
    /// The exemption it serves: an id (`s31(1)(a)`) or a family (`s31`).
    #[serde(default)]
    pub exemption: Option<String>,
    /// What it is for.
    pub role: Role,
    /// A title for the library browser.
    pub title: String,
    /// Tags for searching.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The text, with `{placeholders}`.
    pub body: String,
    /// When the wording is only true of some decisions (a balance paragraph
    /// that speaks of what was released); the letter lint flags it elsewhere.
    #[serde(default)]
    pub applies_when: Option<Condition>,
}

/// A fact about a case's decisions that some wording assumes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Condition {
    /// Some information is disclosed (in full or in part).
    SomethingDisclosed,
    /// Nothing is disclosed.
    NothingDisclosed,
}

impl Paragraph {
    /// True when the paragraph serves the claim `exemption_id`: its exemption
    /// is that id, or a family that contains it (`s31` serves `s31(1)(a)`).
    pub fn serves(&self, exemption_id: &str) -> bool {
        match &self.exemption {
            None => false,
            Some(own) => {
                own == exemption_id
                    || (exemption_id.starts_with(own.as_str())
                        && exemption_id[own.len()..].starts_with('('))
            }
        }
    }

    /// How closely the paragraph's exemption matches (longer is closer).
    fn specificity(&self) -> usize {
        self.exemption.as_ref().map_or(0, String::len)
    }
}

/// One placeholder: its name, what it stands for, the marker a letter shows
/// while it has no value, and where a caseworker fills it in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placeholder {
    /// The name used in braces: `authority`.
    pub name: &'static str,
    /// What it stands for.
    pub meaning: &'static str,
    /// The marker shown while it has no value (without brackets).
    pub marker: &'static str,
    /// Where to fill it in, for the message that refuses a final export.
    pub fill_in: &'static str,
}

impl Placeholder {
    /// True when the authority profile, not the case, supplies the value.
    pub fn from_profile(&self) -> bool {
        self.fill_in.contains("the authority profile")
    }
}

const fn ph(
    name: &'static str,
    meaning: &'static str,
    marker: &'static str,
    fill_in: &'static str,
) -> Placeholder {
    Placeholder {
        name,
        meaning,
        marker,
        fill_in,
    }
}

const PROFILE: &str = "the authority profile (Settings, Authority profile; or authority.ron)";
const CASE: &str = "the case: a question, claim or date the letter needs is incomplete";

/// Every placeholder a paragraph may use.
pub const PLACEHOLDERS: &[Placeholder] = &[
    ph(
        "authority",
        "the authority's name",
        "Authority name",
        "`name` in the authority profile (Settings, Authority profile; or authority.ron)",
    ),
    ph(
        "authority_address",
        "the authority's postal address",
        "Authority address",
        "`address_lines` in the authority profile (Settings, Authority profile; or authority.ron)",
    ),
    ph(
        "signatory_name",
        "the person who signs the letter",
        "Signatory name",
        "`signatory_name` in the authority profile (Settings, Authority profile; or authority.ron)",
    ),
    ph(
        "signatory_title",
        "their job title",
        "Signatory title",
        "`signatory_title` in the authority profile (Settings, Authority profile; or authority.ron)",
    ),
    ph(
        "reference",
        "the request reference",
        "Reference",
        "the case's reference",
    ),
    ph(
        "received_on",
        "the date the request was received",
        "Date received",
        "the case's received date",
    ),
    ph("date", "the date of the letter", "Date", "the letter date"),
    ph(
        "subject",
        "the subject of the request",
        "Subject",
        "the case's subject",
    ),
    ph(
        "requester_name",
        "the requester's name",
        "Requester name",
        "the requester's name in the case (Request and requester)",
    ),
    ph(
        "requester_address",
        "the requester's address for correspondence",
        "Requester address",
        "the requester's address for correspondence in the case (Request and requester)",
    ),
    ph(
        "questions",
        "the number of questions in the request",
        "Number of questions",
        CASE,
    ),
    ph(
        "question_list",
        "the questions a passage is about: questions 1 to 3",
        "Questions",
        CASE,
    ),
    ph(
        "question_number",
        "one question's number",
        "Question number",
        CASE,
    ),
    ph(
        "law",
        "the full title of the Act or Regulations",
        "Law",
        CASE,
    ),
    ph("law_short", "FOIA, EIR, FOISA or EISR", "Law", CASE),
    ph(
        "requested_law",
        "the law the requester named, when the request is handled under another",
        "Law the request was made under",
        "the case's 'requested under' law (Request and requester)",
    ),
    ph(
        "section",
        "the citation of the provision in context, e.g. section 43(2)",
        "Section",
        CASE,
    ),
    ph(
        "citation",
        "the citation of the provision, capitalised for a heading",
        "Section",
        CASE,
    ),
    ph(
        "read_with",
        "the exemption an NCND provision is read with",
        "Read with",
        CASE,
    ),
    ph("exemption_title", "the provision's title", "Title", CASE),
    ph(
        "cites",
        "the provisions relied on for an answer, as a list",
        "Provisions",
        CASE,
    ),
    ph(
        "where",
        "'above' or 'below': where the reasons are in the letter",
        "above",
        CASE,
    ),
    ph(
        "likelihood",
        "'would' or 'would be likely to'",
        "Likelihood",
        "the claim's likelihood (would, or would be likely to)",
    ),
    ph(
        "test",
        "the test the claim meets, e.g. would be likely to prejudice the prevention or detection of crime",
        "Test",
        "the claim's likelihood (would, or would be likely to)",
    ),
    ph("verb", "the test's verb, e.g. prejudice", "Verb", CASE),
    ph("interest", "what the test protects", "Interest", CASE),
    ph(
        "limbs",
        "the interests or conditions engaged, with their citations",
        "Limb",
        "the claim's limb (the interest or condition relied on)",
    ),
    ph(
        "scope",
        "what is neither confirmed nor denied",
        "Scope",
        "the question's 'what you neither confirm nor deny' (scope)",
    ),
    ph(
        "ncnd_provisions",
        "the NCND provisions cited, as a list",
        "Provisions",
        CASE,
    ),
    ph(
        "qualified_person",
        "who gave the section 36 opinion",
        "Qualified person",
        "the section 36 claim's qualified person",
    ),
    ph(
        "opinion_date",
        "when the qualified person gave the opinion",
        "Date of opinion",
        "the section 36 claim's date of opinion",
    ),
    ph(
        "completed_by",
        "the other authority completing unfinished material",
        "Authority completing it",
        "the regulation 12(4)(d) claim's completion details",
    ),
    ph(
        "expected",
        "when unfinished material is expected to be finished",
        "Expected date",
        "the regulation 12(4)(d) claim's completion details",
    ),
    ph(
        "step",
        "one step of the legitimate interests test",
        "Step",
        CASE,
    ),
    ph(
        "review_from",
        "the day the time to ask for a review runs from",
        "Review window start",
        "the case's dates",
    ),
    ph(
        "review_deadline",
        "the last day to ask for an internal review",
        "Review deadline",
        "the bank holiday data: the review deadline could not be counted (load a newer GOV.UK file in Settings, or pass --holidays)",
    ),
    ph(
        "review_days",
        "working days allowed to ask for a review",
        "Review days",
        CASE,
    ),
    ph(
        "review_answer_days",
        "working days the authority takes to answer a review",
        "Review answer days",
        CASE,
    ),
    ph(
        "review_contact",
        "where to send a review request",
        "Review contact",
        "`review_contact` in the authority profile (Settings, Authority profile; or authority.ron)",
    ),
    ph(
        "foi_contact",
        "the FOI team's email address",
        "FOI team email",
        "`foi_email` in the authority profile (Settings, Authority profile; or authority.ron)",
    ),
    ph(
        "regulator",
        "the Information Commissioner or the Scottish Information Commissioner",
        "Regulator",
        CASE,
    ),
    ph(
        "regulator_contact",
        "the regulator's address and website",
        "Regulator's address",
        CASE,
    ),
    ph(
        "estimate_hours",
        "the cost estimate in hours",
        "Estimate in hours",
        "the cost refusal's estimate",
    ),
    ph(
        "cost_limit_hours",
        "the cost limit in hours",
        "Cost limit in hours",
        PROFILE,
    ),
    ph(
        "cost_limit_amount",
        "the cost limit in pounds",
        "Cost limit",
        PROFILE,
    ),
    ph(
        "hourly_rate",
        "the hourly rate for staff time",
        "Hourly rate",
        PROFILE,
    ),
    ph(
        "earlier_reference",
        "the reference of the earlier, repeated request",
        "Earlier reference",
        "the repeated-request refusal's earlier reference",
    ),
    ph(
        "due_date",
        "the statutory due date",
        "Due date",
        "the case's dates",
    ),
    ph(
        "clarification_sought_on",
        "the day clarification was asked for",
        "Date clarification asked for",
        "the case's clock events",
    ),
    ph(
        "clarification_received_on",
        "the day clarification arrived",
        "Date clarification received",
        "the case's clock events",
    ),
    ph(
        "fees_notice_on",
        "the day the fees notice was issued",
        "Date of fees notice",
        "the case's clock events",
    ),
    ph(
        "fees_paid_on",
        "the day the fee was paid",
        "Date fee paid",
        "the case's clock events",
    ),
    ph(
        "extension_notified_on",
        "the day the extension was notified",
        "Date extension notified",
        "the case's clock events",
    ),
    ph(
        "extension_days",
        "the working days added by an extension",
        "Extension days",
        "the case's clock events",
    ),
    ph(
        "enclosure",
        "a document sent with the letter",
        "Enclosure",
        "the question's enclosures",
    ),
];

/// The placeholder with this name.
pub fn placeholder(name: &str) -> Option<&'static Placeholder> {
    PLACEHOLDERS.iter().find(|p| p.name == name)
}

/// True when `name` is a known placeholder.
pub fn is_placeholder(name: &str) -> bool {
    placeholder(name).is_some()
}

/// The placeholders used in a body, in order of first use.
pub fn placeholders_in(body: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = body;
    while let Some(open) = rest.find('{') {
        if rest[open..].starts_with("{{") {
            rest = &rest[open + 2..];
            continue;
        }
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let name = &rest[open + 1..open + close];
        if !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
        rest = &rest[open + close + 1..];
    }
    names
}

/// Values for placeholders. A placeholder with no value renders as a
/// visible marker such as `[Authority name]`, never as empty text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Values {
    values: BTreeMap<String, String>,
}

impl Values {
    /// No values.
    pub fn new() -> Values {
        Values::default()
    }

    /// Sets a value (blank values are kept out so the marker shows).
    pub fn set(&mut self, name: &str, value: impl Into<String>) -> &mut Values {
        let value = value.into();
        if value.trim().is_empty() {
            self.values.remove(name);
        } else {
            self.values.insert(name.to_string(), value);
        }
        self
    }

    /// A copy with one more value.
    pub fn with(&self, name: &str, value: impl Into<String>) -> Values {
        let mut copy = self.clone();
        copy.set(name, value);
        copy
    }

    /// The value of a placeholder.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }
}

/// The marker shown for a placeholder with no value: `[Authority name]`.
pub fn missing_marker(name: &str) -> String {
    if let Some(known) = placeholder(name) {
        return format!("[{}]", known.marker);
    }
    let words = name.replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => format!("[{}{}]", first.to_uppercase(), chars.as_str()),
        None => "[?]".into(),
    }
}

/// Fills in a body's placeholders. `{{` and `}}` give literal braces.
pub fn render(body: &str, values: &Values) -> String {
    let mut out = String::with_capacity(body.len() + 32);
    let mut rest = body;
    while let Some(open) = rest.find(['{', '}']) {
        out.push_str(&rest[..open]);
        let tail = &rest[open..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        if let Some(after) = tail.strip_prefix('}') {
            out.push('}');
            rest = after;
            continue;
        }
        match tail.find('}') {
            Some(close) => {
                let name = &tail[1..close];
                match values.get(name) {
                    Some(value) => out.push_str(value),
                    None => out.push_str(&missing_marker(name)),
                }
                rest = &tail[close + 1..];
            }
            None => {
                out.push_str(tail);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// A problem in a paragraph file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryProblem {
    /// The file it came from.
    pub file: String,
    /// 1-based line (0 when the problem is not in one place).
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for LibraryProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        }
    }
}

/// Where a paragraph came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The file name.
    pub file: String,
    /// True when it came from the team library rather than the bundled one.
    pub team: bool,
}

/// The paragraph library: bundled paragraphs, with a team folder's on top.
#[derive(Debug, Clone, Default)]
pub struct Library {
    paragraphs: BTreeMap<String, (Paragraph, Source)>,
}

/// The bundled paragraph files: (file name, text).
pub const BUNDLED_FILES: &[(&str, &str)] =
    include!(concat!(env!("OUT_DIR"), "/paragraph_files.rs"));

/// Parses one paragraph file (a RON list of paragraphs).
pub fn parse_file(file: &str, text: &str) -> Result<Vec<Paragraph>, LibraryProblem> {
    ron::from_str::<Vec<Paragraph>>(text).map_err(|e| LibraryProblem {
        file: file.to_string(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })
}

impl Library {
    /// The bundled library (parsed once per process).
    pub fn bundled() -> &'static Library {
        static BUNDLED: OnceLock<Library> = OnceLock::new();
        BUNDLED.get_or_init(|| {
            let mut library = Library::default();
            for (file, text) in BUNDLED_FILES {
                // Tests validate every bundled file; a bad one is skipped here
                // rather than taking the letter down with it.
                if let Ok(paragraphs) = parse_file(file, text) {
                    library.add(paragraphs, file, false);
                }
            }
            library
        })
    }

    /// Adds paragraphs; a paragraph with an existing id replaces it.
    pub fn add(&mut self, paragraphs: Vec<Paragraph>, file: &str, team: bool) {
        for paragraph in paragraphs {
            let source = Source {
                file: file.to_string(),
                team,
            };
            self.paragraphs
                .insert(paragraph.id.clone(), (paragraph, source));
        }
    }

    /// Number of paragraphs.
    pub fn len(&self) -> usize {
        self.paragraphs.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }

    /// Every paragraph, in id order.
    pub fn iter(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs.values().map(|(p, _)| p)
    }

    /// Where a paragraph came from.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.paragraphs.get(id).map(|(_, s)| s)
    }

    /// The paragraph with this id.
    pub fn get(&self, id: &str) -> Option<&Paragraph> {
        self.paragraphs.get(id).map(|(p, _)| p)
    }

    /// A letter paragraph for a regime: `{regime}.letter.{name}`, falling
    /// back to `all.letter.{name}`.
    pub fn letter(&self, regime: Regime, name: &str) -> Option<&Paragraph> {
        self.get(&format!("{}.letter.{name}", regime.key()))
            .or_else(|| self.get(&format!("all.letter.{name}")))
            .filter(|p| p.regimes.contains(&regime))
    }

    /// Paragraphs for a claim: those of `role` serving the exemption, most
    /// specific first, then by id.
    pub fn for_claim(&self, regime: Regime, exemption_id: &str, role: Role) -> Vec<&Paragraph> {
        let mut found: Vec<&Paragraph> = self
            .iter()
            .filter(|p| p.role == role && p.regimes.contains(&regime) && p.serves(exemption_id))
            .collect();
        found.sort_by(|a, b| b.specificity().cmp(&a.specificity()).then(a.id.cmp(&b.id)));
        found
    }

    /// Paragraphs matching a search text (id, title, tags or body), for the browser.
    pub fn search<'a>(
        &'a self,
        regime: Regime,
        text: &'a str,
    ) -> impl Iterator<Item = &'a Paragraph> + 'a {
        let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
        self.iter().filter(move |p| {
            p.regimes.contains(&regime)
                && words.iter().all(|w| {
                    p.id.to_lowercase().contains(w.as_str())
                        || p.title.to_lowercase().contains(w.as_str())
                        || p.tags.iter().any(|t| t.to_lowercase().contains(w.as_str()))
                        || p.body.to_lowercase().contains(w.as_str())
                })
        })
    }
}

/// Checks paragraph files: each parses, ids are unique across them,
/// placeholders are known and exemption ids exist in the regime catalogues.
pub fn validate(files: &[(String, String)], catalogues: &Catalogues) -> Vec<LibraryProblem> {
    let mut problems = Vec::new();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for (file, text) in files {
        let paragraphs = match parse_file(file, text) {
            Ok(paragraphs) => paragraphs,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        for paragraph in paragraphs {
            let (line, column) = position_of_id(text, &paragraph.id);
            let mut problem = |message: String| {
                problems.push(LibraryProblem {
                    file: file.clone(),
                    line,
                    column,
                    message,
                });
            };
            if let Some(other) = seen.insert(paragraph.id.clone(), file.clone()) {
                problem(format!(
                    "paragraph id \"{}\" is also used in {other}",
                    paragraph.id
                ));
            }
            if paragraph.regimes.is_empty() {
                problem(format!(
                    "paragraph \"{}\" applies to no regime",
                    paragraph.id
                ));
            }
            if crate::core::text::normalise(&paragraph.body).is_empty() {
                problem(format!("paragraph \"{}\" has no text", paragraph.id));
            }
            // "foia.letter.review" is FOIA letter wording: a regime list that
            // leaves FOIA out would take the paragraph out of FOIA letters.
            if let Some(prefix) = paragraph.id.split('.').next()
                && let Some(regime) = Regime::from_key(prefix)
                && paragraph.id.contains(".letter.")
                && !paragraph.regimes.contains(&regime)
            {
                problem(format!(
                    "paragraph \"{}\" is {} letter wording but its regimes leave {} out",
                    paragraph.id,
                    regime.short_name(),
                    regime.short_name()
                ));
            }
            if paragraph.id.starts_with("all.letter.")
                && paragraph.regimes.len() < Regime::ALL.len()
            {
                problem(format!(
                    "paragraph \"{}\" is wording for every regime but lists only some; the others would lose it",
                    paragraph.id
                ));
            }
            let opens =
                paragraph.body.matches('{').count() - paragraph.body.matches("{{").count() * 2;
            let closes =
                paragraph.body.matches('}').count() - paragraph.body.matches("}}").count() * 2;
            if opens != closes {
                problem(format!(
                    "paragraph \"{}\" has a placeholder brace without its partner",
                    paragraph.id
                ));
            }
            let unknown: BTreeSet<String> = placeholders_in(&paragraph.body)
                .into_iter()
                .filter(|name| !is_placeholder(name))
                .collect();
            for name in unknown {
                problem(format!(
                    "paragraph \"{}\" uses unknown placeholder {{{name}}}",
                    paragraph.id
                ));
            }
            if let Some(exemption) = &paragraph.exemption {
                for regime in &paragraph.regimes {
                    let catalogue = catalogues.get(*regime);
                    let known = catalogue.get(exemption).is_some()
                        || catalogue.entries.iter().any(|e| {
                            e.id.starts_with(exemption.as_str())
                                && e.id[exemption.len()..].starts_with('(')
                        });
                    if !known {
                        problem(format!(
                            "paragraph \"{}\" serves \"{exemption}\", which is not in the {} catalogue",
                            paragraph.id,
                            regime.short_name()
                        ));
                    }
                }
            }
        }
    }
    problems
}

fn position_of_id(text: &str, id: &str) -> (usize, usize) {
    text.find(&format!("\"{id}\""))
        .map(|offset| super::case_file::line_column_at(text, offset))
        .unwrap_or((0, 0))
}

#[cfg(test)]
mod tests;
