//! The composer: case + catalogue + paragraph library + authority profile →
//! a complete response letter, in the order real responses are written.
//!
//! Every word of the letter comes from the paragraph library (`{regime}.letter.NAME`,
//! falling back to `all.letter.NAME`, see [`WORDING`]) or from the catalogue;
//! this file only decides which wording goes where. The NCND wording never
//! depends on the private `held` note: the composer does not read it.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

use jiff::civil::Date;
use serde::Deserialize;

use super::{
    Anchor, Block, BlockKind, Document, ParagraphStyle, Span, profile::AuthorityProfile, sanitise,
};
use crate::core::calendar::{
    CaseDates, HolidayCalendar, WorkingCalendar, add_working_days, clock_rules, long_date,
};
use crate::core::case::{
    Case, Claim, Decision, Event, ExtensionReason, Likelihood, NotHeldBasis, Question, Regime,
    WholeRequestRefusal,
};
use crate::core::catalogue::{Catalogue, Entry, HarmTest, Particular, Status};
use crate::core::document::profile::LetterOrder;
use crate::core::paragraphs::{Library, Role, Values, missing_marker, render};
use crate::core::provisions::{ResolvedClaim, resolve_claim};
use crate::core::rules::lint::{mentions_any, vocabulary};
use crate::core::text::normalise;

/// Everything the composer needs.
#[derive(Debug, Clone, Copy)]
pub struct ComposeInput<'a> {
    /// The case.
    pub case: &'a Case,
    /// The case's regime catalogue.
    pub catalogue: &'a Catalogue,
    /// The paragraph library.
    pub library: &'a Library,
    /// Who the letter is from.
    pub profile: &'a AuthorityProfile,
    /// The case's statutory dates, when they could be computed.
    pub dates: Option<&'a CaseDates>,
    /// Bank holidays, for the review deadline.
    pub holidays: &'a HolidayCalendar,
    /// The date on the letter.
    pub letter_date: Date,
    /// Mark every page DRAFT.
    pub draft: bool,
}

/// Every letter wording name the composer asks for, and whether every regime
/// must have it. A team library can replace any of them by id
/// (`foia.letter.heading.decision`) without touching code.
pub const WORDING: &[(&str, bool)] = &[
    ("opening", true),
    ("opening.handled_under", false),
    ("request_intro", true),
    ("event.clarification", true),
    ("event.fees", true),
    ("event.extension", false),
    ("title", true),
    ("title.no_subject", true),
    ("label.reference", true),
    ("salutation", true),
    ("salutation.unnamed", true),
    ("signoff", true),
    ("heading.request", true),
    ("heading.decision", true),
    ("heading.withholding", true),
    ("heading.ncnd", true),
    ("heading.answers", true),
    ("heading.question", true),
    ("heading.questions", true),
    ("heading.whole_request", true),
    ("heading.advice", true),
    ("heading.rights", true),
    ("heading.enclosures", true),
    ("heading.provision", true),
    ("heading.provision.read_with", true),
    ("words.question", true),
    ("words.questions", true),
    ("words.and", true),
    ("words.to", true),
    ("where.above", true),
    ("likelihood.would", true),
    ("likelihood.would_be_likely", true),
    ("where.below", true),
    ("label.questions", true),
    ("label.reasoning_for", true),
    ("label.advice", true),
    ("decision.full", true),
    ("decision.disclosed_some", true),
    ("decision.all_held_disclosed", true),
    ("decision.withheld", true),
    ("decision.withheld_all", true),
    ("decision.not_held", true),
    ("decision.not_held.some", true),
    ("decision.ncnd", true),
    ("decision.refusal_notice", true),
    ("decision.refusal_notice.ncnd", false),
    ("decision.cost_limit", true),
    ("decision.vexatious", true),
    ("decision.repeated", true),
    ("late_apology", true),
    ("presumption", false),
    ("presumption.personal_data", false),
    ("exemption.applies_to", true),
    ("exemption.absolute", true),
    ("ncnd.absolute", true),
    ("limbs.interest", true),
    ("limbs.class", true),
    ("limbs.class.ncnd", true),
    ("cite.read_with", true),
    ("words.or", true),
    ("decision.whole_request.notice", true),
    ("answer.accessible", true),
    ("limbs.condition", true),
    ("test.form.would", true),
    ("test.form.would_be_likely", true),
    ("test.form.either", true),
    ("test.form.required", true),
    ("test.disclosure", true),
    ("test.ncnd", true),
    ("test.required.disclosure", true),
    ("test.required.ncnd", true),
    ("test.qualified_person", false),
    ("test.qualified_person.ncnd", false),
    ("completion.intro", false),
    ("completion.by_other", false),
    ("completion.by_us", false),
    ("completion.expected", false),
    ("completion.unknown", false),
    ("personal_data.intro", true),
    ("personal_data.intro.ncnd", true),
    ("personal_data.interest", true),
    ("personal_data.necessity", true),
    ("personal_data.balance", true),
    ("pit.intro", true),
    ("pit.intro.ncnd", true),
    ("pit.for", true),
    ("pit.against", true),
    ("pit.for.ncnd", true),
    ("pit.against.ncnd", true),
    ("pit.balance", true),
    ("ncnd.duty", true),
    ("ncnd.group", true),
    ("ncnd.alternative", false),
    ("ncnd.not_an_indication", true),
    ("answer.withheld", true),
    ("answer.rest_withheld", true),
    ("answer.ncnd", true),
    ("answer.ncnd.group", true),
    ("answer.ncnd_part", true),
    ("answer.same_as", true),
    ("answer.undecided", true),
    ("answer.not_held", false),
    ("not_held.not_recorded", true),
    ("not_held.not_found", false),
    ("not_held.held_elsewhere", false),
    ("enclosure.item", true),
    ("enclosure.unnamed", true),
    ("cost_limit", true),
    ("cost_limit.advice", true),
    ("vexatious", true),
    ("repeated", true),
    ("table.activity", true),
    ("table.hours", true),
    ("table.total", true),
    ("review", true),
    ("review.from_due", false),
    ("pit.intro.condition", false),
    ("complaint", true),
    ("closing", true),
];

#[derive(Debug, Deserialize)]
struct Regulator {
    regimes: Vec<Regime>,
    name: String,
    contact: String,
}

const REGULATORS_RON: &str = include_str!("../../../assets/law/regulators.ron");

/// The regulator a requester complains to, and how to reach them.
pub fn regulator(regime: Regime) -> (&'static str, &'static str) {
    static REGULATORS: OnceLock<Vec<Regulator>> = OnceLock::new();
    REGULATORS
        .get_or_init(|| ron::from_str(REGULATORS_RON).unwrap_or_default())
        .iter()
        .find(|r| r.regimes.contains(&regime))
        .map_or(("", ""), |r| (r.name.as_str(), r.contact.as_str()))
}

/// The cost limit for a regime: (hours, amount, hourly rate).
fn cost_limit(
    regime: Regime,
    profile: &AuthorityProfile,
) -> (&'static str, &'static str, &'static str) {
    match (regime, profile.central_government) {
        (Regime::Foisa | Regime::Eisr, _) => ("40", "£600", "£15"),
        (_, true) => ("24", "£600", "£25"),
        (_, false) => ("18", "£450", "£25"),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// One use of a provision: the question and the claim, read against the catalogue.
struct Use<'a> {
    question: u32,
    claim: &'a Claim,
    resolved: Option<ResolvedClaim<'a>>,
}

/// One provision cited in the letter, with every question and claim that uses it.
struct Cited<'a> {
    key: String,
    /// The entry the heading names (for NCND: the provision).
    entry: Option<&'a Entry>,
    /// The id as written in the first claim that uses it.
    id: String,
    /// For NCND under FOISA, EIR and EISR: the exemption it is read with.
    read_with: Option<&'a Entry>,
    uses: Vec<Use<'a>>,
    ncnd: bool,
    /// The questions that use it, for finding a question's citations at once.
    used_by: HashSet<u32>,
}

impl Cited<'_> {
    fn citation(&self) -> String {
        self.entry
            .map_or_else(|| self.id.clone(), |e| e.cite.clone())
    }

    fn questions(&self) -> Vec<u32> {
        let mut numbers: Vec<u32> = self.uses.iter().map(|u| u.question).collect();
        numbers.dedup();
        numbers
    }

    fn anchor_id(&self) -> String {
        self.entry.map_or_else(|| self.id.clone(), |e| e.id.clone())
    }
}

/// Questions that neither confirm nor deny the same thing under the same provisions.
struct NcndGroup {
    questions: Vec<u32>,
    scope: String,
    /// Keys of the NCND provisions, in order of first use.
    provisions: Vec<String>,
    /// True when every question of the group is neither confirmed nor denied in full.
    whole: bool,
}

struct Composer<'a> {
    input: ComposeInput<'a>,
    values: Values,
    blocks: Vec<Block>,
    anchor: Anchor,
    answers_first: bool,
    /// Question index by number.
    by_number: HashMap<u32, usize>,
    /// Placeholder values per cited provision, computed once.
    cited_cache: RefCell<HashMap<String, Values>>,
    /// Wording rendered with the letter's own values, computed once.
    wording_cache: RefCell<HashMap<String, String>>,
}

impl<'a> Composer<'a> {
    fn push(&mut self, kind: BlockKind) {
        self.blocks.push(Block {
            kind,
            anchor: self.anchor.clone(),
        });
    }

    fn heading(&mut self, level: u8, text: impl Into<String>) {
        let text = sanitise(&text.into());
        if !text.trim().is_empty() {
            self.push(BlockKind::Heading { level, text });
        }
    }

    fn spans(&mut self, style: ParagraphStyle, spans: Vec<Span>) {
        let spans: Vec<Span> = spans
            .into_iter()
            .map(|s| Span {
                text: sanitise(&s.text),
                ..s
            })
            .filter(|s| !s.text.is_empty())
            .collect();
        if !spans.is_empty() {
            self.push(BlockKind::Paragraph { style, spans });
        }
    }

    /// Free text: one paragraph per line.
    fn text(&mut self, text: &str) {
        for line in text.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
            self.spans(ParagraphStyle::Normal, vec![Span::plain(line)]);
        }
    }

    /// Text after a bold label on its first line.
    fn labelled(&mut self, label: &str, text: &str) {
        let mut lines = text.split('\n').map(str::trim).filter(|l| !l.is_empty());
        if let Some(first) = lines.next() {
            self.spans(
                ParagraphStyle::Normal,
                vec![Span::bold(format!("{label} ")), Span::plain(first)],
            );
        }
        for line in lines {
            self.spans(ParagraphStyle::Normal, vec![Span::plain(line)]);
        }
    }

    fn bold_line(&mut self, text: String) {
        if !text.trim().is_empty() {
            self.spans(ParagraphStyle::Normal, vec![Span::bold(text)]);
        }
    }

    fn bullets(&mut self, items: &[String]) {
        let items: Vec<Vec<Span>> = items
            .iter()
            .map(|i| i.trim())
            .filter(|i| !i.is_empty())
            .map(|i| vec![Span::plain(sanitise(i))])
            .collect();
        if !items.is_empty() {
            self.push(BlockKind::BulletList { items });
        }
    }

    /// The wording `name` rendered with `values`; empty when the library lacks it.
    fn wording_with(&self, name: &str, values: &Values) -> String {
        self.input
            .library
            .letter(self.input.case.regime, name)
            .map(|p| render(&p.body, values))
            .unwrap_or_default()
    }

    /// The wording `name` rendered with the letter's values (each rendered once).
    fn wording(&self, name: &str) -> String {
        if let Some(text) = self.wording_cache.borrow().get(name) {
            return text.clone();
        }
        let text = self.wording_with(name, &self.values);
        self.wording_cache
            .borrow_mut()
            .insert(name.to_string(), text.clone());
        text
    }

    fn has_wording(&self, name: &str) -> bool {
        self.input
            .library
            .letter(self.input.case.regime, name)
            .is_some()
    }

    fn paragraph(&mut self, name: &str) {
        let text = self.wording(name);
        self.text(&text);
    }

    fn paragraph_with(&mut self, name: &str, values: &Values) {
        let text = self.wording_with(name, values);
        self.text(&text);
    }

    /// "a, b and c", with the library's word for "and".
    fn join_and(&self, items: &[String]) -> String {
        let and = self.wording("words.and");
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
        }
    }

    /// "question 4", "questions 1 to 3 and 5".
    fn question_list(&self, numbers: &[u32]) -> String {
        let mut sorted: Vec<u32> = numbers.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let to = self.wording("words.to");
        let mut parts: Vec<String> = Vec::new();
        let mut index = 0;
        while index < sorted.len() {
            let start = sorted[index];
            let mut end = index;
            while end + 1 < sorted.len() && sorted[end + 1] == sorted[end] + 1 {
                end += 1;
            }
            if end >= index + 2 {
                parts.push(format!("{start} {to} {}", sorted[end]));
            } else {
                for n in &sorted[index..=end] {
                    parts.push(n.to_string());
                }
            }
            index = end + 1;
        }
        let word = if sorted.len() == 1 {
            self.wording("words.question")
        } else {
            self.wording("words.questions")
        };
        format!("{word} {}", self.join_and(&parts))
    }

    /// "would" or "would be likely to", from the library.
    fn likelihood_words(&self, likelihood: Likelihood) -> String {
        self.wording(match likelihood {
            Likelihood::Would => "likelihood.would",
            Likelihood::WouldBeLikely => "likelihood.would_be_likely",
        })
    }

    fn where_reasons(&self) -> String {
        self.wording(if self.answers_first {
            "where.below"
        } else {
            "where.above"
        })
    }

    fn compose(mut self) -> Document {
        let case = self.input.case;
        self.anchor = Anchor::Header;
        self.letterhead();
        self.opening();

        self.anchor = Anchor::Request;
        self.request();

        self.anchor = Anchor::Decision;
        let heading = self.wording("heading.decision");
        self.heading(1, heading);
        self.decision_summary();
        if self.is_late() {
            self.paragraph("late_apology");
        }

        if let Some(refusal) = &case.whole_request {
            self.anchor = Anchor::WholeRequest;
            self.whole_request(refusal);
        } else {
            let (withholding, ncnd, groups) = self.cited();
            if self.answers_first {
                self.answers(&withholding, &ncnd, &groups);
                self.reasons(&withholding, &ncnd, &groups);
            } else {
                self.reasons(&withholding, &ncnd, &groups);
                self.answers(&withholding, &ncnd, &groups);
            }
        }

        self.anchor = Anchor::Rights;
        self.rights_and_closing();
        self.enclosures();

        Document {
            title: format!("{} response {}", case.regime.short_name(), case.reference),
            reference: case.reference.clone(),
            authority: if self.input.profile.name.trim().is_empty() {
                missing_marker("authority")
            } else {
                self.input.profile.name.clone()
            },
            draft: self.input.draft,
            blocks: self.blocks,
        }
    }

    fn reasons(&mut self, withholding: &[Cited<'a>], ncnd: &[Cited<'a>], groups: &[NcndGroup]) {
        if !withholding.is_empty() {
            self.exemptions(withholding);
        }
        if !ncnd.is_empty() {
            self.anchor = Anchor::Ncnd;
            let explained: Vec<String> = if self.answers_first {
                Vec::new()
            } else {
                withholding.iter().map(Cited::anchor_id).collect()
            };
            self.ncnd_section(ncnd, groups, &explained);
        }
    }

    fn is_late(&self) -> bool {
        let Some(due) = self.input.dates.and_then(CaseDates::due) else {
            return false;
        };
        self.input.letter_date > due
    }

    fn letterhead(&mut self) {
        let profile = self.input.profile;
        let case = self.input.case;
        let mut lines: Vec<String> = Vec::new();
        lines.push(if profile.name.trim().is_empty() {
            missing_marker("authority")
        } else {
            profile.name.clone()
        });
        let address: Vec<String> = profile
            .address_lines
            .iter()
            .filter(|l| !l.trim().is_empty())
            .cloned()
            .collect();
        if address.is_empty() {
            lines.push(missing_marker("authority_address"));
        } else {
            lines.extend(address);
        }
        if !profile.foi_email.trim().is_empty() {
            lines.push(profile.foi_email.clone());
        }
        for line in lines {
            self.spans(ParagraphStyle::Address, vec![Span::plain(line)]);
        }
        self.spans(
            ParagraphStyle::Normal,
            vec![Span::plain(long_date(self.input.letter_date))],
        );
        let label = self.wording("label.reference");
        self.spans(
            ParagraphStyle::Normal,
            vec![
                Span::bold(format!("{label} ")),
                Span::plain(case.reference.clone()),
            ],
        );
        let name = case.requester.name.trim();
        let contact = case.requester.contact.trim();
        self.spans(
            ParagraphStyle::Address,
            vec![Span::plain(if name.is_empty() {
                missing_marker("requester_name")
            } else {
                name.to_string()
            })],
        );
        for line in contact.split('\n').filter(|l| !l.trim().is_empty()) {
            self.spans(ParagraphStyle::Address, vec![Span::plain(line.trim())]);
        }
        if contact.is_empty() {
            self.spans(
                ParagraphStyle::Address,
                vec![Span::plain(missing_marker("requester_address"))],
            );
        }
        let salutation = if name.is_empty() {
            self.wording("salutation.unnamed")
        } else {
            self.wording("salutation")
        };
        self.text(&salutation);
        let title = if case.subject.trim().is_empty() {
            self.wording("title.no_subject")
        } else {
            self.wording("title")
        };
        self.push(BlockKind::Title(sanitise(&title)));
    }

    fn opening(&mut self) {
        let case = self.input.case;
        // Only within one jurisdiction: FOIA to the EIR (s.39), FOISA to the
        // EISR (s.39(2)); check reports any other pairing.
        let handled_elsewhere = case.requested_under.is_some_and(|under| {
            under != case.regime && under.is_scottish() == case.regime.is_scottish()
        }) && self.has_wording("opening.handled_under");
        if handled_elsewhere {
            self.paragraph("opening.handled_under");
        } else {
            self.paragraph("opening");
        }
        self.events();
    }

    /// What the requester must be told about the clock: clarification,
    /// fees and extensions, in date order.
    fn events(&mut self) {
        let case = self.input.case;
        let mut events: Vec<&Event> = case.events.iter().collect();
        events.sort_by_key(|e| e.date());
        let mut sought: Option<Date> = None;
        let mut notice: Option<Date> = None;
        for event in events {
            match event {
                Event::ClarificationSought { on } => sought = Some(*on),
                Event::ClarificationReceived { on } => {
                    let mut values = self.values.clone();
                    values.set("clarification_received_on", long_date(*on));
                    if let Some(asked) = sought.take() {
                        values.set("clarification_sought_on", long_date(asked));
                    }
                    self.paragraph_with("event.clarification", &values);
                }
                Event::FeesNoticeIssued { on } => notice = Some(*on),
                Event::FeesPaid { on } => {
                    let mut values = self.values.clone();
                    values.set("fees_paid_on", long_date(*on));
                    if let Some(issued) = notice.take() {
                        values.set("fees_notice_on", long_date(issued));
                    }
                    self.paragraph_with("event.fees", &values);
                }
                Event::Extension {
                    reason,
                    notified_on,
                    working_days,
                } => {
                    let allowed = clock_rules(case.regime)
                        .extension
                        .as_ref()
                        .is_some_and(|rule| rule.reason == *reason);
                    if !allowed {
                        continue;
                    }
                    let mut values = self.values.clone();
                    values.set("extension_notified_on", long_date(*notified_on));
                    values.set("extension_days", working_days.to_string());
                    let name = match reason {
                        ExtensionReason::PublicInterest | ExtensionReason::ComplexVoluminous => {
                            "event.extension"
                        }
                    };
                    self.paragraph_with(name, &values);
                }
            }
        }
    }

    fn request(&mut self) {
        let case = self.input.case;
        let heading = self.wording("heading.request");
        self.heading(1, heading);
        self.paragraph("request_intro");
        if case.questions.is_empty() {
            if let Some(text) = &case.request_text {
                for line in text.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
                    self.spans(ParagraphStyle::Quote, vec![Span::plain(line)]);
                }
            }
            return;
        }
        let items = case
            .questions
            .iter()
            .map(|q| vec![Span::plain(sanitise(&q.text.replace('\n', " ")))])
            .collect();
        self.push(BlockKind::NumberedList { items });
    }

    fn decision_summary(&mut self) {
        let case = self.input.case;
        if let Some(refusal) = &case.whole_request {
            let name = match refusal {
                WholeRequestRefusal::CostLimit { .. } => "decision.cost_limit",
                WholeRequestRefusal::Vexatious { .. } => "decision.vexatious",
                WholeRequestRefusal::Repeated { .. } => "decision.repeated",
            };
            let values = self.whole_request_values(refusal);
            let text = format!(
                "{} {}",
                self.wording_with(name, &values),
                self.wording("decision.whole_request.notice")
            );
            self.text(text.trim());
            return;
        }
        let decisions: Vec<&Decision> = case.questions.iter().map(|q| &q.decision).collect();
        let disclosed = decisions
            .iter()
            .any(|d| matches!(d, Decision::Disclose { .. } | Decision::PartDisclose { .. }));
        let all_disclosed = !decisions.is_empty()
            && case
                .questions
                .iter()
                .all(|q| matches!(q.decision, Decision::Disclose { .. }) && q.ncnd_part.is_none());
        let withheld = case
            .questions
            .iter()
            .any(|q| !q.withholding_claims().is_empty());
        let not_held = decisions
            .iter()
            .any(|d| matches!(d, Decision::NotHeld { .. }));
        let mut scopes: Vec<String> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        for question in &case.questions {
            if let Some(view) = question.ncnd() {
                let scope = view.scope.trim().to_string();
                if !scope.is_empty() && seen.insert(normalise(&scope)) {
                    scopes.push(scope);
                }
            }
        }
        let ncnd = case.has_ncnd();
        let mut sentences: Vec<String> = Vec::new();
        if all_disclosed {
            sentences.push(self.wording("decision.full"));
        } else if disclosed && !withheld && !case.has_ncnd() {
            // Everything we hold is given; the rest is not held.
            sentences.push(self.wording("decision.all_held_disclosed"));
        } else if disclosed {
            sentences.push(self.wording("decision.disclosed_some"));
        }
        if withheld {
            let all_withheld = !disclosed && !not_held && !ncnd;
            sentences.push(self.wording(if all_withheld {
                "decision.withheld_all"
            } else {
                "decision.withheld"
            }));
        }
        if not_held {
            // A question partly neither confirmed nor denied is not named here:
            // "we do not hold what you asked for in question 1" would deny it.
            let numbers: Vec<u32> = case
                .questions
                .iter()
                .filter(|q| matches!(q.decision, Decision::NotHeld { .. }) && q.ncnd_part.is_none())
                .map(|q| q.number)
                .collect();
            if numbers.is_empty() {
                sentences.push(self.wording("decision.not_held.some"));
            } else {
                let values = self
                    .values
                    .with("question_list", self.question_list(&numbers));
                sentences.push(self.wording_with("decision.not_held", &values));
            }
        }
        if !scopes.is_empty() {
            // Several things neither confirmed nor denied are alternatives, not one.
            let or = self.wording("words.or");
            let joined = match scopes.as_slice() {
                [one] => one.clone(),
                [init @ .., last] => format!("{}, {or} {last}", init.join(", ")),
                [] => String::new(),
            };
            let values = self.values.with("scope", joined);
            sentences.push(self.wording_with("decision.ncnd", &values));
        }
        let refusal = withheld || ncnd || (not_held && case.regime.is_environmental());
        if refusal {
            let name = if ncnd && self.has_wording("decision.refusal_notice.ncnd") {
                "decision.refusal_notice.ncnd"
            } else {
                "decision.refusal_notice"
            };
            sentences.push(self.wording(name));
        }
        let text: Vec<String> = sentences.into_iter().filter(|s| !s.is_empty()).collect();
        self.text(&text.join(" "));
    }

    fn whole_request_values(&self, refusal: &WholeRequestRefusal) -> Values {
        let mut values = self.values.clone();
        match refusal {
            WholeRequestRefusal::CostLimit { estimate_hours, .. } => {
                values.set("estimate_hours", format_hours(*estimate_hours));
            }
            WholeRequestRefusal::Repeated {
                earlier_reference, ..
            } => {
                values.set(
                    "earlier_reference",
                    earlier_reference.clone().unwrap_or_default(),
                );
            }
            WholeRequestRefusal::Vexatious { .. } => {}
        }
        values
    }

    fn whole_request(&mut self, refusal: &WholeRequestRefusal) {
        let values = self.whole_request_values(refusal);
        let heading = self.wording("heading.whole_request");
        self.heading(1, heading);
        if self.input.case.regime.is_environmental() {
            self.paragraph("presumption");
        }
        match refusal {
            WholeRequestRefusal::CostLimit {
                explanation,
                advice,
                public_interest,
                activities,
                ..
            } => {
                self.paragraph_with("cost_limit", &values);
                self.text(explanation);
                if !activities.is_empty() {
                    let mut rows: Vec<Vec<String>> = activities
                        .iter()
                        .map(|a| vec![sanitise(&a.activity), format_hours(a.hours)])
                        .collect();
                    let total: f64 = activities.iter().map(|a| a.hours).sum();
                    rows.push(vec![self.wording("table.total"), format_hours(total)]);
                    let header = vec![self.wording("table.activity"), self.wording("table.hours")];
                    self.push(BlockKind::Table { header, rows });
                }
                if let Some(pit) = public_interest {
                    self.public_interest(
                        &pit.favouring_disclosure,
                        &pit.favouring_exemption,
                        std::slice::from_ref(&pit.conclusion),
                        false,
                    );
                }
                let heading = self.wording("heading.advice");
                self.heading(1, heading);
                self.paragraph_with("cost_limit.advice", &values);
                if let Some(advice) = advice {
                    self.text(advice);
                }
            }
            WholeRequestRefusal::Vexatious {
                explanation,
                public_interest,
            } => {
                self.paragraph_with("vexatious", &values);
                self.text(explanation);
                if let Some(pit) = public_interest {
                    self.public_interest(
                        &pit.favouring_disclosure,
                        &pit.favouring_exemption,
                        std::slice::from_ref(&pit.conclusion),
                        false,
                    );
                }
            }
            WholeRequestRefusal::Repeated { explanation, .. } => {
                self.paragraph_with("repeated", &values);
                self.text(explanation);
            }
        }
    }

    /// The provisions cited and the NCND groups.
    fn cited(&self) -> (Vec<Cited<'a>>, Vec<Cited<'a>>, Vec<NcndGroup>) {
        let case = self.input.case;
        let catalogue = self.input.catalogue;
        let mut withholding: Vec<Cited<'a>> = Vec::new();
        let mut ncnd: Vec<Cited<'a>> = Vec::new();
        let mut groups: Vec<NcndGroup> = Vec::new();
        let mut group_index: HashMap<(String, Vec<String>), usize> = HashMap::new();
        for question in &case.questions {
            for claim in question.withholding_claims() {
                let resolved = resolve_claim(catalogue, claim, false);
                let entry = resolved.as_ref().map(|r| r.entry);
                let key = entry.map_or_else(|| claim.exemption.clone(), |e| e.id.clone());
                add_use(
                    &mut withholding,
                    key,
                    entry,
                    None,
                    question.number,
                    claim,
                    resolved,
                    false,
                );
            }
            let Some(view) = question.ncnd() else {
                continue;
            };
            let mut keys: Vec<String> = Vec::new();
            for claim in view.claims {
                let resolved = resolve_claim(catalogue, claim, true);
                let entry = resolved.as_ref().map(ResolvedClaim::cited);
                let read_with = resolved.as_ref().and_then(|r| r.read_with);
                let key = format!(
                    "{}|{}",
                    entry.map_or(claim.exemption.as_str(), |e| e.id.as_str()),
                    read_with.map_or("", |e| e.id.as_str())
                );
                if !keys.contains(&key) {
                    keys.push(key.clone());
                }
                add_use(
                    &mut ncnd,
                    key,
                    entry,
                    read_with,
                    question.number,
                    claim,
                    resolved,
                    true,
                );
            }
            let scope = view.scope.trim().to_string();
            let mut sorted_keys = keys.clone();
            sorted_keys.sort();
            let group_key = (normalise(&scope), sorted_keys);
            match group_index.get(&group_key) {
                Some(&at) => {
                    let group = &mut groups[at];
                    group.questions.push(question.number);
                    group.whole &= !view.partial;
                }
                None => {
                    group_index.insert(group_key, groups.len());
                    groups.push(NcndGroup {
                        questions: vec![question.number],
                        scope,
                        provisions: keys,
                        whole: !view.partial,
                    });
                }
            }
        }
        (withholding, ncnd, groups)
    }

    /// Placeholder values for one cited provision.
    fn cited_values(&self, cited: &Cited<'_>) -> Values {
        if let Some(values) = self.cited_cache.borrow().get(&cited.key) {
            return values.clone();
        }
        let mut values = self.values.clone();
        values.set("section", cited.citation());
        values.set("citation", capitalise(&cited.citation()));
        values.set(
            "exemption_title",
            cited
                .read_with
                .or(cited.entry)
                .map_or(String::new(), |e| e.title.clone()),
        );
        if let Some(with) = cited.read_with {
            values.set("read_with", with.cite.clone());
        }
        if let Some(likelihood) = cited.uses.iter().find_map(|u| u.claim.likelihood) {
            values.set("likelihood", self.likelihood_words(likelihood));
        }
        let numbers = cited.questions();
        values.set("question_list", self.question_list(&numbers));
        let mut scopes: Vec<String> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        for number in &numbers {
            if let Some(view) = self.question(*number).and_then(Question::ncnd) {
                let scope = view.scope.trim().to_string();
                if !scope.is_empty() && seen.insert(normalise(&scope)) {
                    scopes.push(scope);
                }
            }
        }
        if !scopes.is_empty() {
            values.set("scope", self.join_and(&scopes));
        }
        if !cited.key.is_empty() {
            self.cited_cache
                .borrow_mut()
                .insert(cited.key.clone(), values.clone());
        }
        values
    }

    /// The question with this number, by index rather than by search.
    fn question(&self, number: u32) -> Option<&'a Question> {
        self.by_number
            .get(&number)
            .map(|&i| &self.input.case.questions[i])
    }

    fn provision_heading(&self, cited: &Cited<'_>) -> String {
        let values = self.cited_values(cited);
        let name = if cited.read_with.is_some() {
            "heading.provision.read_with"
        } else {
            "heading.provision"
        };
        let mut values = values;
        let title = cited.read_with.or(cited.entry).map_or_else(
            || {
                values
                    .get("exemption_title")
                    .unwrap_or_default()
                    .to_string()
            },
            |e| e.title.clone(),
        );
        values.set("exemption_title", title);
        self.wording_with(name, &values)
    }

    /// Texts that differ between questions, each labelled with its questions.
    fn grouped_texts(
        &self,
        uses: &[&Use<'_>],
        pick: impl Fn(&Use<'_>) -> Option<String>,
    ) -> Vec<(Vec<u32>, String)> {
        let mut grouped: Vec<(Vec<u32>, String)> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for one in uses.iter().copied() {
            let Some(text) = pick(one).filter(|t| !t.trim().is_empty()) else {
                continue;
            };
            match index.get(&normalise(&text)) {
                Some(&at) => {
                    let numbers = &mut grouped[at].0;
                    if numbers.last() != Some(&one.question) && !numbers.contains(&one.question) {
                        numbers.push(one.question);
                    }
                }
                None => {
                    index.insert(normalise(&text), grouped.len());
                    grouped.push((vec![one.question], text));
                }
            }
        }
        grouped
    }

    fn write_grouped(&mut self, groups: &[(Vec<u32>, String)]) {
        let several = groups.len() > 1;
        for (numbers, text) in groups {
            if several {
                let values = self
                    .values
                    .with("question_list", capitalise(&self.question_list(numbers)));
                let label = self.wording_with("label.questions", &values);
                self.labelled(&label, text);
            } else {
                self.text(text);
            }
        }
    }

    fn public_interest(
        &mut self,
        for_disclosure: &[String],
        for_exemption: &[String],
        conclusions: &[String],
        ncnd: bool,
    ) {
        if !for_disclosure.iter().any(|f| !f.trim().is_empty())
            && !for_exemption.iter().any(|f| !f.trim().is_empty())
            && conclusions.iter().all(|c| c.trim().is_empty())
        {
            return;
        }
        let (for_label, against_label) = if ncnd {
            ("pit.for.ncnd", "pit.against.ncnd")
        } else {
            ("pit.for", "pit.against")
        };
        let label = self.wording(for_label);
        self.bold_line(label);
        self.bullets(for_disclosure);
        let label = self.wording(against_label);
        self.bold_line(label);
        self.bullets(for_exemption);
        let label = self.wording("pit.balance");
        self.bold_line(label);
        for conclusion in conclusions {
            self.text(conclusion);
        }
    }

    /// The reasoning for one provision. Uses that rely on different limbs
    /// (s.40(2) under its first condition for one question and its second
    /// for another) are reasoned separately, each labelled with its questions.
    fn claim_reasoning(&mut self, cited: &Cited<'_>) {
        let mut parts: Vec<(String, Vec<&Use<'_>>)> = Vec::new();
        for one in &cited.uses {
            let key = one.resolved.as_ref().map_or(String::new(), |r| {
                let mut ids: Vec<&str> = r.limbs.iter().map(|l| l.id.as_str()).collect();
                ids.sort_unstable();
                format!("{}|{:?}", ids.join(","), r.status)
            });
            match parts.iter_mut().find(|(k, _)| *k == key) {
                Some((_, uses)) => uses.push(one),
                None => parts.push((key, vec![one])),
            }
        }
        let several = parts.len() > 1;
        for (_, uses) in &parts {
            if several {
                let mut numbers: Vec<u32> = uses.iter().map(|u| u.question).collect();
                numbers.dedup();
                let values = self
                    .values
                    .with("question_list", capitalise(&self.question_list(&numbers)));
                let label = self.wording_with("label.reasoning_for", &values);
                self.bold_line(label);
            }
            self.reasoning_for(cited, uses);
        }
    }

    /// The limb sentences of one use: the interests protected, the class the
    /// information falls in, or the condition met.
    fn limb_sentence(&self, cited: &Cited<'_>, one: &Use<'_>, values: &Values) -> Option<String> {
        let resolved = one.resolved.as_ref()?;
        let catalogue = self.input.catalogue;
        // The heading already names the exemption an NCND provision is read with.
        let limbs: Vec<&crate::core::catalogue::Limb> = resolved
            .limbs
            .iter()
            .filter(|l| cited.read_with.is_none_or(|with| with.id != l.id))
            .collect();
        if limbs.is_empty() {
            return None;
        }
        let mut interests: Vec<(String, Vec<String>)> = Vec::new();
        let mut classes: Vec<String> = Vec::new();
        let mut conditions: Vec<String> = Vec::new();
        // The provision whose condition a limb is: the exemption read with,
        // the claimed entry, or the provision cited.
        let owner = |id: &str| {
            [cited.read_with, Some(resolved.entry), resolved.provision]
                .into_iter()
                .flatten()
                .find(|e| catalogue.limbs_of(e).iter().any(|l| l.id == id))
                .map(|e| e.cite.clone())
        };
        let mut condition_owner: Option<String> = None;
        let heading_cite = values.get("section").unwrap_or_default().to_string();
        for limb in limbs {
            let entry = catalogue.get(&limb.id);
            match entry {
                None if limb.status.is_some() => {
                    conditions.push(format!("{}: {}", limb.cite, limb.interest));
                    condition_owner = condition_owner.or_else(|| owner(&limb.id));
                }
                Some(entry) if entry.wording.is_none() && !entry.test.needs_likelihood() => {
                    classes.push(format!("{} ({})", limb.cite, limb.interest));
                }
                _ => match interests.iter_mut().find(|(cite, _)| *cite == limb.cite) {
                    Some((_, named)) => named.push(limb.interest.clone()),
                    None => interests.push((limb.cite.clone(), vec![limb.interest.clone()])),
                },
            }
        }
        let mut sentences = Vec::new();
        if !interests.is_empty() {
            let named: Vec<String> = interests
                .iter()
                .map(|(cite, named)| {
                    // No "(regulation 12(5)(b))" after regulation 12(5)(b) itself.
                    if *cite == heading_cite
                        || Some(cite.as_str()) == cited.entry.map(|e| e.cite.as_str())
                    {
                        self.join_and(named)
                    } else {
                        format!("{} ({cite})", self.join_and(named))
                    }
                })
                .collect();
            let values = values.with("limbs", self.join_and(&named));
            sentences.push(self.wording_with("limbs.interest", &values));
        }
        if !classes.is_empty() {
            let values = values.with("limbs", self.join_and(&classes));
            let name = if cited.ncnd {
                "limbs.class.ncnd"
            } else {
                "limbs.class"
            };
            sentences.push(self.wording_with(name, &values));
        }
        if !conditions.is_empty() {
            let mut values = values.with("limbs", self.join_and(&conditions));
            if let Some(owner) = condition_owner {
                values.set("section", owner);
            }
            sentences.push(self.wording_with("limbs.condition", &values));
        }
        Some(sentences.join(" "))
    }

    fn reasoning_for(&mut self, cited: &Cited<'_>, uses: &[&Use<'_>]) {
        let ncnd = cited.ncnd;
        let values = self.cited_values(cited);
        // Conditions and the personal data test belong to the exemption an
        // NCND provision is read with (FOISA s.38(1)(b) under s.18(1)).
        let own_values = match cited.read_with {
            Some(with) => values.with("section", with.cite.clone()),
            None => values.clone(),
        };
        let limbs = self.grouped_texts(uses, |one| self.limb_sentence(cited, one, &own_values));
        self.write_grouped(&limbs);
        // Harm.
        let harms = self.grouped_texts(uses, |one| one.claim.harm.clone());
        self.write_grouped(&harms);
        // The test, in the exemption's own words.
        let tests = self.grouped_texts(uses, |one| self.test_sentence(one, ncnd));
        self.write_grouped(&tests);
        // Material still being completed.
        let completions = self.grouped_texts(uses, |one| self.completion_text(one));
        self.write_grouped(&completions);
        // The legitimate interests test.
        let mut steps_written: BTreeSet<String> = BTreeSet::new();
        for one in uses {
            // Set out only once all three steps are written.
            let Some(test) = one
                .claim
                .legitimate_interests
                .as_ref()
                .filter(|t| t.is_complete())
            else {
                continue;
            };
            let key = normalise(&format!(
                "{}|{}|{}",
                test.interest, test.necessity, test.balance
            ));
            if !steps_written.insert(key) {
                continue;
            }
            if steps_written.len() == 1 {
                let name = if ncnd {
                    "personal_data.intro.ncnd"
                } else {
                    "personal_data.intro"
                };
                self.paragraph_with(name, &own_values);
            }
            for (name, text) in [
                ("personal_data.interest", &test.interest),
                ("personal_data.necessity", &test.necessity),
                ("personal_data.balance", &test.balance),
            ] {
                if !text.trim().is_empty() {
                    let label = self.wording_with(name, &values);
                    self.labelled(&label, text);
                }
            }
        }
        // Public interest.
        let qualified = uses
            .iter()
            .filter_map(|u| u.resolved.as_ref())
            .any(ResolvedClaim::needs_public_interest)
            || (uses.iter().all(|u| u.resolved.is_none())
                && cited.entry.is_some_and(|e| e.status == Status::Qualified));
        let has_pit = uses.iter().any(|u| u.claim.public_interest.is_some());
        if qualified || has_pit {
            // Qualified only because of the condition relied on (s.40(2) under s.40(3B)).
            let by_condition = cited.entry.is_some_and(|e| e.status == Status::Absolute)
                && uses
                    .iter()
                    .filter_map(|u| u.resolved.as_ref())
                    .any(|r| r.limbs.iter().any(|l| l.status == Some(Status::Qualified)));
            let name = match (by_condition, ncnd) {
                (true, false) if self.has_wording("pit.intro.condition") => "pit.intro.condition",
                (_, true) => "pit.intro.ncnd",
                (_, false) => "pit.intro",
            };
            self.paragraph_with(name, &own_values);
            let mut for_disclosure: Vec<String> = Vec::new();
            let mut for_exemption: Vec<String> = Vec::new();
            for one in uses {
                if let Some(pit) = &one.claim.public_interest {
                    for factor in &pit.favouring_disclosure {
                        if !for_disclosure
                            .iter()
                            .any(|f| normalise(f) == normalise(factor))
                        {
                            for_disclosure.push(factor.clone());
                        }
                    }
                    for factor in &pit.favouring_exemption {
                        if !for_exemption
                            .iter()
                            .any(|f| normalise(f) == normalise(factor))
                        {
                            for_exemption.push(factor.clone());
                        }
                    }
                }
            }
            let conclusions = self.grouped_texts(uses, |one| {
                one.claim
                    .public_interest
                    .as_ref()
                    .map(|p| p.conclusion.clone())
            });
            let conclusion_texts: Vec<String> = if conclusions.len() > 1 {
                conclusions
                    .iter()
                    .map(|(numbers, text)| {
                        let values = self
                            .values
                            .with("question_list", capitalise(&self.question_list(numbers)));
                        format!("{} {text}", self.wording_with("label.questions", &values))
                    })
                    .collect()
            } else {
                conclusions.into_iter().map(|(_, t)| t).collect()
            };
            self.public_interest(&for_disclosure, &for_exemption, &conclusion_texts, ncnd);
        } else {
            self.paragraph_with(
                if ncnd {
                    "ncnd.absolute"
                } else {
                    "exemption.absolute"
                },
                &values,
            );
        }
    }

    /// "We are satisfied that disclosing the information would be likely to
    /// prejudice the prevention or detection of crime."
    fn test_sentence(&self, one: &Use<'_>, ncnd: bool) -> Option<String> {
        let resolved = one.resolved.as_ref()?;
        let wording = resolved.wording.as_ref()?;
        let mut values = self.values.clone();
        if let Some(view) = self.question(one.question).and_then(Question::ncnd) {
            values.set("scope", view.scope.trim());
        }
        values.set("verb", wording.verb.clone());
        values.set("interest", wording.interest.clone());
        let harm = one.claim.harm.as_deref().unwrap_or_default();
        if !resolved.requires.contains(&Particular::QualifiedPerson)
            && harm_states_test(harm, wording, resolved.test, one.claim.likelihood)
        {
            return None;
        }
        if resolved.test == HarmTest::RequiredForSafeguarding {
            let test = self.wording_with("test.form.required", &values);
            values.set("test", test);
            let name = if ncnd {
                "test.required.ncnd"
            } else {
                "test.required.disclosure"
            };
            return Some(self.wording_with(name, &values));
        }
        if !resolved.test.needs_likelihood() {
            return None;
        }
        let likelihood = if resolved.test == HarmTest::AdverseEffect {
            Some(Likelihood::Would)
        } else {
            one.claim.likelihood
        };
        let test = self.wording_with(test_form(likelihood), &values);
        values.set("test", test);
        if resolved.requires.contains(&Particular::QualifiedPerson)
            && self.has_wording("test.qualified_person")
        {
            if let Some(person) = &one.claim.qualified_person {
                values.set("qualified_person", person.name.trim());
                if let Some(on) = person.opinion_on {
                    values.set("opinion_date", long_date(on));
                }
            }
            let name = if ncnd {
                "test.qualified_person.ncnd"
            } else {
                "test.qualified_person"
            };
            return Some(self.wording_with(name, &values));
        }
        let name = if ncnd { "test.ncnd" } else { "test.disclosure" };
        Some(self.wording_with(name, &values))
    }

    /// The reg 14(4) / reg 13(d) particulars of material still being completed.
    fn completion_text(&self, one: &Use<'_>) -> Option<String> {
        let resolved = one.resolved.as_ref()?;
        if !resolved.requires.contains(&Particular::Completion) {
            return None;
        }
        let mut sentences = vec![self.wording("completion.intro")];
        let completion = one.claim.completion.clone().unwrap_or_default();
        let mut values = self.values.clone();
        match completion.completed_by.as_deref().map(str::trim) {
            Some(by) if !by.is_empty() => {
                values.set("completed_by", by);
                sentences.push(self.wording_with("completion.by_other", &values));
            }
            _ => {
                if one.claim.completion.is_some() {
                    sentences.push(self.wording("completion.by_us"));
                } else {
                    sentences.push(self.wording_with("completion.by_other", &values));
                }
            }
        }
        match completion.expected.as_deref().map(str::trim) {
            Some(when) if !when.is_empty() => {
                // "by the end of March" is written after the wording's own "by".
                let when = when
                    .strip_prefix("by ")
                    .or_else(|| when.strip_prefix("By "))
                    .unwrap_or(when);
                values.set("expected", when);
                sentences.push(self.wording_with("completion.expected", &values));
            }
            _ => {
                if one.claim.completion.is_some() {
                    sentences.push(self.wording("completion.unknown"));
                } else {
                    sentences.push(self.wording_with("completion.expected", &values));
                }
            }
        }
        let text: Vec<String> = sentences.into_iter().filter(|s| !s.is_empty()).collect();
        Some(text.join(" "))
    }

    fn statement(&self, cited: &Cited<'_>, role: Role, values: &Values) -> String {
        let regime = self.input.case.regime;
        let library_text = cited.entry.and_then(|e| {
            self.input
                .library
                .for_claim(regime, &e.id, role)
                .first()
                .map(|p| render(&p.body, values))
        });
        library_text.unwrap_or_else(|| cited.entry.map_or(String::new(), |e| e.description.clone()))
    }

    fn exemptions(&mut self, exemptions: &[Cited<'a>]) {
        let regime = self.input.case.regime;
        self.anchor = Anchor::Decision;
        let heading = self.wording("heading.withholding");
        self.heading(1, heading);
        if regime.is_environmental() {
            self.paragraph("presumption");
            let withholds_personal_data = exemptions.iter().any(|cited| {
                cited.entry.is_some_and(|e| {
                    let personal = |requires: &[Particular]| {
                        requires.contains(&Particular::LegitimateInterests)
                    };
                    personal(&e.requires) || e.limbs.iter().any(|l| personal(&l.requires))
                })
            });
            if withholds_personal_data {
                self.paragraph("presumption.personal_data");
            }
        }
        for cited in exemptions {
            self.anchor = Anchor::Exemption(cited.anchor_id());
            let heading = self.provision_heading(cited);
            self.heading(2, heading);
            let values = self.cited_values(cited);
            let statement = self.statement(cited, Role::ExemptionStatement, &values);
            self.text(&statement);
            self.paragraph_with("exemption.applies_to", &values);
            self.claim_reasoning(cited);
        }
    }

    /// The citations of some provisions in running text, an NCND provision
    /// read with several exemptions named once: "section 18(1), read with
    /// section 35(1)(a) and section 38(1)(b)".
    fn citations(&self, cited: &[&Cited<'_>], with_title: bool) -> String {
        let mut parts: Vec<(String, Vec<String>)> = Vec::new();
        for one in cited {
            let citation = one.citation();
            let with = one.read_with.map(|w| match (with_title, one.entry) {
                (true, _) => format!("{} ({})", w.cite, w.title),
                _ => w.cite.clone(),
            });
            let plain = match (with_title, one.entry, one.read_with) {
                (true, Some(entry), None) => format!("{citation} ({})", entry.title),
                _ => citation.clone(),
            };
            match (
                with,
                parts
                    .iter_mut()
                    .find(|(c, w)| *c == citation && !w.is_empty()),
            ) {
                (Some(with), Some((_, list))) => list.push(with),
                (Some(with), None) => parts.push((citation, vec![with])),
                (None, _) => parts.push((plain, Vec::new())),
            }
        }
        let texts: Vec<String> = parts
            .into_iter()
            .map(|(citation, with)| {
                if with.is_empty() {
                    citation
                } else {
                    let values = self
                        .values
                        .with("section", citation)
                        .with("read_with", self.join_and(&with));
                    self.wording_with("cite.read_with", &values)
                }
            })
            .collect();
        self.join_and(&texts)
    }

    fn ncnd_section(
        &mut self,
        provisions: &[Cited<'a>],
        groups: &[NcndGroup],
        explained: &[String],
    ) {
        let heading = self.wording("heading.ncnd");
        self.heading(1, heading);
        self.paragraph("ncnd.duty");
        for group in groups {
            let in_group: Vec<&Cited<'_>> = group
                .provisions
                .iter()
                .filter_map(|key| provisions.iter().find(|p| p.key == *key))
                .collect();
            let cites = vec![self.citations(&in_group, false)];
            let values = self
                .values
                .with("scope", group.scope.clone())
                .with("ncnd_provisions", self.join_and(&cites))
                .with("question_list", self.question_list(&group.questions));
            self.paragraph_with("ncnd.group", &values);
            let cites_id = |id: &str| {
                group.provisions.iter().any(|key| {
                    provisions
                        .iter()
                        .any(|p| p.key == *key && p.entry.is_some_and(|e| e.id == id))
                })
            };
            if self.input.case.regime == Regime::Foia && cites_id("s23(5)") && cites_id("s24(2)") {
                self.paragraph_with("ncnd.alternative", &values);
            }
        }
        for cited in provisions {
            self.anchor = Anchor::NcndProvision(cited.anchor_id());
            let heading = self.provision_heading(cited);
            self.heading(2, heading);
            let values = self.cited_values(cited);
            // FOISA's ncnd.duty paragraph has already explained section 18(1):
            // what follows is why the exemption it is read with would apply.
            let statement = match cited.read_with {
                // Explained already where the letter withholds information under it.
                Some(with)
                    if self.input.case.regime == Regime::Foisa && explained.contains(&with.id) =>
                {
                    String::new()
                }
                Some(with) if self.input.case.regime == Regime::Foisa => {
                    let underlying = Cited {
                        key: String::new(),
                        entry: Some(with),
                        id: with.id.clone(),
                        read_with: None,
                        uses: Vec::new(),
                        ncnd: false,
                        used_by: HashSet::new(),
                    };
                    let values = values.clone().with("section", with.cite.clone());
                    self.statement(&underlying, Role::ExemptionStatement, &values)
                }
                _ => self.statement(cited, Role::NcndStatement, &values),
            };
            self.text(&statement);
            self.claim_reasoning(cited);
        }
        self.anchor = Anchor::Ncnd;
        self.paragraph("ncnd.not_an_indication");
    }

    /// The citations used for one question, for its answer.
    fn cites_for(&self, list: &[Cited<'_>], number: u32, with_title: bool) -> String {
        let used: Vec<&Cited<'_>> = list
            .iter()
            .filter(|c| c.used_by.contains(&number))
            .collect();
        // Titles help with one citation; with several they crowd the sentence.
        self.citations(&used, with_title && used.len() == 1)
    }

    /// The answer paragraphs of one question (without its advice).
    fn answer_text(
        &self,
        question: &Question,
        withholding: &[Cited<'_>],
        ncnd: &[Cited<'_>],
    ) -> Vec<String> {
        let mut values = self.values.clone();
        values.set("where", self.where_reasons());
        let mut texts: Vec<String> = Vec::new();
        match &question.decision {
            Decision::Undecided => texts.push(self.wording("answer.undecided")),
            Decision::Disclose { answer } => texts.push(answer.clone()),
            Decision::PartDisclose { answer, .. } => {
                texts.push(answer.clone());
                values.set("cites", self.cites_for(withholding, question.number, true));
                texts.push(self.wording_with("answer.rest_withheld", &values));
            }
            Decision::Withhold { claims, .. } => {
                values.set("cites", self.cites_for(withholding, question.number, true));
                let catalogue = self.input.catalogue;
                let accessible = !claims.is_empty()
                    && claims
                        .iter()
                        .all(|c| catalogue.find(&c.exemption).is_some_and(|e| e.accessible));
                texts.push(self.wording_with(
                    if accessible {
                        "answer.accessible"
                    } else {
                        "answer.withheld"
                    },
                    &values,
                ));
            }
            Decision::NotHeld { explanation, .. } => {
                texts.push(self.wording("answer.not_held"));
                texts.push(explanation.clone());
            }
            Decision::Ncnd { .. } => {
                values.set("cites", self.cites_for(ncnd, question.number, false));
                texts.push(self.wording_with("answer.ncnd", &values));
            }
        }
        if let (Some(view), false) = (
            question.ncnd(),
            matches!(question.decision, Decision::Ncnd { .. }),
        ) {
            values.set("cites", self.cites_for(ncnd, question.number, false));
            values.set("scope", view.scope.trim());
            texts.push(self.wording_with("answer.ncnd_part", &values));
        }
        texts.into_iter().filter(|t| !t.trim().is_empty()).collect()
    }

    fn answers(&mut self, withholding: &[Cited<'a>], ncnd: &[Cited<'a>], groups: &[NcndGroup]) {
        let case = self.input.case;
        if case.questions.is_empty() {
            return;
        }
        self.anchor = Anchor::Decision;
        let heading = self.wording("heading.answers");
        self.heading(1, heading);
        // Consecutive questions neither confirmed nor denied together are answered together.
        let mut runs: Vec<Vec<&Question>> = Vec::new();
        let mut whole_group: HashMap<u32, usize> = HashMap::new();
        for (index, group) in groups.iter().enumerate().filter(|(_, g)| g.whole) {
            for number in &group.questions {
                whole_group.insert(*number, index);
            }
        }
        for question in &case.questions {
            let group_of = |q: &Question| whole_group.get(&q.number).copied();
            let same_advice = |a: &Question, b: &Question| {
                a.decision.advice().map(normalise) == b.decision.advice().map(normalise)
            };
            let joins = runs.last().and_then(|run| run.last()).is_some_and(|last| {
                matches!(question.decision, Decision::Ncnd { .. })
                    && same_advice(question, last)
                    && group_of(question).is_some()
                    && group_of(question) == group_of(last)
            });
            match (joins, runs.last_mut()) {
                (true, Some(run)) => run.push(question),
                _ => runs.push(vec![question]),
            }
        }
        let mut said: HashMap<Vec<String>, u32> = HashMap::new();
        let mut bases_explained: Vec<NotHeldBasis> = Vec::new();
        for run in runs {
            let numbers: Vec<u32> = run.iter().map(|q| q.number).collect();
            self.anchor = Anchor::Question(numbers[0]);
            if let [question] = run.as_slice() {
                let values = self
                    .values
                    .with("question_number", question.number.to_string());
                let heading = self.wording_with("heading.question", &values);
                self.heading(2, heading);
                self.spans(
                    ParagraphStyle::Quote,
                    vec![Span::italic(question.text.replace('\n', " "))],
                );
                let texts = self.answer_text(question, withholding, ncnd);
                let normal: Vec<String> = texts.iter().map(|t| normalise(t)).collect();
                // An undecided question is never "the same as" another.
                let decided = question.decision != Decision::Undecided;
                let earlier = said
                    .get(&normal)
                    .copied()
                    .filter(|_| decided && !normal.is_empty());
                match earlier {
                    Some(first) => {
                        let values = self.values.with("question_number", first.to_string());
                        self.paragraph_with("answer.same_as", &values);
                    }
                    None => {
                        for text in &texts {
                            self.text(text);
                        }
                        said.entry(normal).or_insert(question.number);
                    }
                }
                // The standard paragraph for the kind of reason, once, before
                // the advice.
                if let Decision::NotHeld {
                    basis: Some(basis), ..
                } = &question.decision
                    && !bases_explained.contains(basis)
                {
                    bases_explained.push(*basis);
                    self.paragraph(&format!("not_held.{}", basis.key()));
                }
                if let Some(advice) = question.decision.advice().filter(|a| !a.trim().is_empty()) {
                    let label = self.wording("label.advice");
                    self.labelled(&label, advice);
                }
            } else {
                let values = self
                    .values
                    .with("question_list", self.question_list(&numbers));
                let heading = capitalise(&self.wording_with("heading.questions", &values));
                // The questions are set out under "Your request"; a group's
                // heading names them rather than quoting them all again.
                self.heading(2, heading);
                let mut values = self.values.clone();
                values.set("where", self.where_reasons());
                values.set("cites", self.cites_for(ncnd, numbers[0], false));
                self.paragraph_with("answer.ncnd.group", &values);
                if let Some(advice) = run[0].decision.advice().filter(|a| !a.trim().is_empty()) {
                    let label = self.wording("label.advice");
                    self.labelled(&label, advice);
                }
            }
        }
    }

    fn enclosures(&mut self) {
        let case = self.input.case;
        // A refused request sends nothing.
        if case.whole_request.is_some() {
            return;
        }
        let words = &vocabulary().attachment_words;
        let mut items: Vec<String> = Vec::new();
        let mut listed: HashSet<String> = HashSet::new();
        for question in &case.questions {
            // Only an answer that gives information sends documents; naming
            // one under a withheld or NCND answer would mislead or give it away.
            if !matches!(
                question.decision,
                Decision::Disclose { .. } | Decision::PartDisclose { .. }
            ) {
                continue;
            }
            let values = self
                .values
                .with("question_list", self.question_list(&[question.number]))
                .with("question_number", question.number.to_string());
            let named: Vec<&String> = question
                .enclosures
                .iter()
                .filter(|e| !e.trim().is_empty())
                .collect();
            if named.is_empty() {
                let answer = match &question.decision {
                    Decision::Disclose { answer } | Decision::PartDisclose { answer, .. } => {
                        normalise(answer)
                    }
                    _ => String::new(),
                };
                if mentions_any(&answer, words) {
                    items.push(self.wording_with("enclosure.unnamed", &values));
                }
            }
            for enclosure in named {
                if !listed.insert(normalise(enclosure)) {
                    continue;
                }
                let values = values.with("enclosure", enclosure.trim());
                items.push(self.wording_with("enclosure.item", &values));
            }
        }
        if items.is_empty() {
            return;
        }
        self.anchor = Anchor::Rights;
        let heading = self.wording("heading.enclosures");
        self.heading(2, heading);
        self.bullets(&items);
    }

    fn rights_and_closing(&mut self) {
        let heading = self.wording("heading.rights");
        self.heading(1, heading);
        // In Scotland the window runs from the end of the time allowed when
        // we reply early (FOISA s.20(5), EISR reg 16(2)).
        let clock = clock_rules(self.input.case.regime);
        let start = clock.review_from.start(
            self.input.letter_date,
            self.input.dates.and_then(CaseDates::due),
        );
        if start > self.input.letter_date && self.has_wording("review.from_due") {
            let values = self.values.with("review_from", long_date(start));
            self.paragraph_with("review.from_due", &values);
        } else {
            self.paragraph("review");
        }
        self.paragraph("complaint");
        self.paragraph("closing");
        self.paragraph("signoff");
        let profile = self.input.profile;
        let signature = [
            (profile.signatory_name.trim(), "signatory_name"),
            (profile.signatory_title.trim(), "signatory_title"),
            (profile.name.trim(), "authority"),
        ];
        for (value, name) in signature {
            let line = if value.is_empty() {
                missing_marker(name)
            } else {
                value.to_string()
            };
            self.spans(ParagraphStyle::Address, vec![Span::plain(line)]);
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn add_use<'a>(
    list: &mut Vec<Cited<'a>>,
    key: String,
    entry: Option<&'a Entry>,
    read_with: Option<&'a Entry>,
    question: u32,
    claim: &'a Claim,
    resolved: Option<ResolvedClaim<'a>>,
    ncnd: bool,
) {
    let one = Use {
        question,
        claim,
        resolved,
    };
    match list.iter_mut().find(|c| c.key == key) {
        Some(existing) => {
            existing.used_by.insert(question);
            existing.uses.push(one);
        }
        None => list.push(Cited {
            key,
            entry,
            id: claim.exemption.clone(),
            read_with,
            uses: vec![one],
            ncnd,
            used_by: HashSet::from([question]),
        }),
    }
}

/// True when the caseworker's harm text already states the provision's test
/// at the claim's level ("would be likely to prejudice", "is required for the
/// purpose of safeguarding national security"), so the letter need not say it again.
fn harm_states_test(
    harm: &str,
    wording: &crate::core::catalogue::TestWording,
    test: HarmTest,
    likelihood: Option<Likelihood>,
) -> bool {
    let text = normalise(harm);
    if test == HarmTest::RequiredForSafeguarding {
        return text.contains("required for the purpose of safeguarding")
            && text.contains(&normalise(&wording.interest));
    }
    let verb = crate::core::rules::canonical_verb(&normalise(&wording.verb));
    let lead = match (test, likelihood) {
        (HarmTest::AdverseEffect, _) | (_, Some(Likelihood::Would)) => "would",
        (_, Some(Likelihood::WouldBeLikely)) => "would be likely to",
        (_, None) => return false,
    };
    let stated = |verb: &str| {
        text.contains(&format!("{lead} {verb}"))
            && (lead != "would" || !text.contains(&format!("would be likely to {verb}")))
    };
    let reversed = match verb.as_str() {
        "prejudice substantially" => Some("substantially prejudice"),
        "inhibit substantially" => Some("substantially inhibit"),
        _ => None,
    };
    stated(&verb) || reversed.is_some_and(stated)
}

/// The wording name of the test phrase for a likelihood.
fn test_form(likelihood: Option<Likelihood>) -> &'static str {
    match likelihood {
        Some(Likelihood::Would) => "test.form.would",
        Some(Likelihood::WouldBeLikely) => "test.form.would_be_likely",
        None => "test.form.either",
    }
}

/// A provision's test in the library's words: "would, or would be likely to,
/// prejudice the prevention or detection of crime", for the GUI and trainers.
pub fn test_words(
    library: &Library,
    regime: Regime,
    wording: &crate::core::catalogue::TestWording,
    test: HarmTest,
    likelihood: Option<Likelihood>,
) -> String {
    let mut values = Values::new();
    values.set("verb", wording.verb.clone());
    values.set("interest", wording.interest.clone());
    let name = match test {
        HarmTest::RequiredForSafeguarding => "test.form.required",
        HarmTest::AdverseEffect => "test.form.would",
        _ => test_form(likelihood),
    };
    library
        .letter(regime, name)
        .map(|p| render(&p.body, &values))
        .unwrap_or_default()
}

fn format_hours(hours: f64) -> String {
    if (hours.fract()).abs() < f64::EPSILON {
        format!("{hours:.0}")
    } else {
        format!("{hours:.1}")
    }
}

/// True when the letter should give its answers before its reasons.
fn answers_first(case: &Case, profile: &AuthorityProfile) -> bool {
    match profile.letter_order {
        LetterOrder::ReasonsFirst => false,
        LetterOrder::AnswersFirst => true,
        LetterOrder::Auto => {
            let disclosed = case
                .questions
                .iter()
                .filter(|q| matches!(q.decision, Decision::Disclose { .. }))
                .count();
            case.whole_request.is_none() && disclosed * 2 > case.questions.len()
        }
    }
}

/// Builds the letter for a case.
pub fn compose(input: ComposeInput<'_>) -> Document {
    let case = input.case;
    let profile = input.profile;
    let (regulator_name, regulator_contact) = regulator(case.regime);
    let (limit_hours, limit_amount, hourly_rate) = cost_limit(case.regime, profile);
    let clock = clock_rules(case.regime);
    let mut values = Values::new();
    values
        .set("authority", profile.name.clone())
        .set("reference", case.reference.clone())
        .set("received_on", long_date(case.received_on))
        .set("date", long_date(input.letter_date))
        .set("subject", case.subject.clone())
        .set("requester_name", case.requester.name.trim())
        .set("questions", case.questions.len().to_string())
        .set("law", case.regime.law_title())
        .set("law_short", case.regime.short_name())
        .set("review_days", clock.review_request_days.to_string())
        .set("review_answer_days", clock.review_answer_days.to_string())
        .set("review_contact", profile.review_contact.clone())
        .set("foi_contact", profile.foi_email.clone())
        .set("signatory_name", profile.signatory_name.clone())
        .set("signatory_title", profile.signatory_title.clone())
        .set("regulator", regulator_name)
        .set("regulator_contact", regulator_contact)
        .set("cost_limit_hours", limit_hours)
        .set("cost_limit_amount", limit_amount)
        .set("hourly_rate", hourly_rate);
    if let Some(under) = case.requested_under {
        values.set("requested_law", under.law_title());
    }
    if let Some(dates) = input.dates
        && let Some(due) = dates.due()
    {
        values.set("due_date", long_date(due));
    }
    // The review window runs from the letter's date (in Scotland, from the
    // end of the time allowed if that is later), whatever the case file says.
    let calendar = WorkingCalendar::for_regime(input.holidays, case.regime);
    let review_start = clock
        .review_from
        .start(input.letter_date, input.dates.and_then(CaseDates::due));
    let review_deadline = add_working_days(&calendar, review_start, clock.review_request_days, &[])
        .ok()
        .map(|d| d.due);
    if let Some(deadline) = review_deadline {
        values.set("review_deadline", long_date(deadline));
    }
    Composer {
        input,
        values,
        blocks: Vec::new(),
        anchor: Anchor::Header,
        answers_first: answers_first(case, profile),
        by_number: case
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.number, i))
            .collect(),
        cited_cache: RefCell::new(HashMap::new()),
        wording_cache: RefCell::new(HashMap::new()),
    }
    .compose()
}
