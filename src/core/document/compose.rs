//! The composer: case + catalogue + paragraph library + authority profile →
//! a complete response letter, in the order real responses are written.
//!
//! The NCND wording never depends on the private `held` note: the composer
//! does not read it.

use std::sync::OnceLock;

use jiff::civil::Date;
use serde::Deserialize;

use super::{
    Anchor, Block, BlockKind, Document, ParagraphStyle, Span, profile::AuthorityProfile, sanitise,
};
use crate::core::calendar::{
    CaseDates, HolidayCalendar, WorkingCalendar, add_working_days, clock_rules, long_date,
};
use crate::core::case::{Case, Claim, Decision, Regime, WholeRequestRefusal};
use crate::core::catalogue::{Catalogue, Entry, EntryKind, HarmTest, Status};
use crate::core::paragraphs::{Library, Role, Values, render};

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
        .map_or(("the regulator", ""), |r| {
            (r.name.as_str(), r.contact.as_str())
        })
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

/// "a, b and c".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn question_list(numbers: &[u32]) -> String {
    let labels: Vec<String> = numbers.iter().map(|n| n.to_string()).collect();
    match numbers.len() {
        1 => format!("question {}", labels[0]),
        _ => format!("questions {}", join_and(&labels)),
    }
}

/// One provision cited in the letter, with every question and claim that uses it.
struct Cited<'a> {
    /// The catalogue entry the heading names (for NCND: the provision).
    entry: Option<&'a Entry>,
    /// The id as it appears in claims (first seen).
    id: String,
    /// For NCND under FOISA/EIR/EISR: the exemption it is read with.
    read_with: Option<&'a Entry>,
    /// (question number, claim) pairs.
    uses: Vec<(u32, &'a Claim)>,
}

impl Cited<'_> {
    fn citation(&self) -> String {
        match self.entry {
            Some(entry) => entry.cite.clone(),
            None => self.id.clone(),
        }
    }

    fn heading(&self) -> String {
        let mut heading = capitalise(&self.citation());
        if let Some(with) = self.read_with {
            heading.push_str(&format!(", read with {}", with.cite));
        }
        // "Section 18(1), read with section 35(1)(a): Law enforcement" names
        // the interest protected, not the NCND provision's own title.
        if let Some(entry) = self.read_with.or(self.entry) {
            heading.push_str(&format!(": {}", entry.title));
        }
        heading
    }

    fn questions(&self) -> Vec<u32> {
        let mut numbers: Vec<u32> = self.uses.iter().map(|(n, _)| *n).collect();
        numbers.dedup();
        numbers
    }
}

struct Composer<'a> {
    input: ComposeInput<'a>,
    values: Values,
    blocks: Vec<Block>,
    anchor: Anchor,
}

impl<'a> Composer<'a> {
    fn push(&mut self, kind: BlockKind) {
        self.blocks.push(Block {
            kind,
            anchor: self.anchor.clone(),
        });
    }

    fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.push(BlockKind::Heading {
            level,
            text: sanitise(&text.into()),
        });
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

    /// Free text from the case: one paragraph per line.
    fn text(&mut self, text: &str) {
        for line in text.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
            self.spans(ParagraphStyle::Normal, vec![Span::plain(line)]);
        }
    }

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

    /// Renders a letter paragraph by name; silently nothing if the library lacks it.
    fn letter_text(&self, name: &str, values: &Values) -> Option<String> {
        self.input
            .library
            .letter(self.input.case.regime, name)
            .map(|p| render(&p.body, values))
    }

    fn letter(&mut self, name: &str) {
        let values = self.values.clone();
        self.letter_with(name, &values);
    }

    fn letter_with(&mut self, name: &str, values: &Values) {
        if let Some(text) = self.letter_text(name, values) {
            self.text(&text);
        }
    }

    /// A whole-request paragraph without its first sentence, which the
    /// decision section has already given.
    fn letter_after_first_sentence(&mut self, name: &str, values: &Values) {
        if let Some(text) = self.letter_text(name, values) {
            let rest = match text.find(". ") {
                Some(end) => text[end + 2..].to_string(),
                None => String::new(),
            };
            self.text(&rest);
        }
    }

    fn compose(mut self) -> Document {
        let case = self.input.case;
        self.anchor = Anchor::Header;
        self.letterhead();

        self.anchor = Anchor::Request;
        self.request();

        self.anchor = Anchor::Decision;
        self.heading(1, "Our decision");
        self.decision_summary();
        if self.is_late() {
            self.letter("late_apology");
        }

        if let Some(refusal) = &case.whole_request {
            self.anchor = Anchor::WholeRequest;
            self.whole_request(refusal);
        } else {
            let (exemptions, ncnd) = self.cited();
            if !exemptions.is_empty() {
                self.exemptions(&exemptions);
            }
            if !ncnd.is_empty() {
                self.anchor = Anchor::Ncnd;
                self.ncnd_section(&ncnd);
            }
            self.answers(&exemptions, &ncnd);
        }

        self.anchor = Anchor::Rights;
        self.rights_and_closing();

        Document {
            title: format!("{} response {}", case.regime.short_name(), case.reference),
            reference: case.reference.clone(),
            authority: if self.input.profile.name.trim().is_empty() {
                "[Authority name]".into()
            } else {
                self.input.profile.name.clone()
            },
            draft: self.input.draft,
            blocks: self.blocks,
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
            "[Authority name]".into()
        } else {
            profile.name.clone()
        });
        if profile.address_lines.is_empty() {
            lines.push("[Authority address]".into());
        } else {
            lines.extend(profile.address_lines.iter().cloned());
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
        self.spans(
            ParagraphStyle::Normal,
            vec![
                Span::bold("Our reference: "),
                Span::plain(case.reference.clone()),
            ],
        );
        let name = case.requester.name.trim();
        let contact = case.requester.contact.trim();
        self.spans(
            ParagraphStyle::Address,
            vec![Span::plain(if name.is_empty() {
                "[Requester name]"
            } else {
                name
            })],
        );
        for line in contact.split('\n').filter(|l| !l.trim().is_empty()) {
            self.spans(ParagraphStyle::Address, vec![Span::plain(line.trim())]);
        }
        if contact.is_empty() {
            self.spans(
                ParagraphStyle::Address,
                vec![Span::plain("[Requester address]")],
            );
        }
        let salutation = if name.is_empty() {
            "Dear requester,".to_string()
        } else {
            format!("Dear {name},")
        };
        self.spans(ParagraphStyle::Normal, vec![Span::plain(salutation)]);
        let subject = case.subject.trim();
        let title = if subject.is_empty() {
            format!("Your request for information, reference {}", case.reference)
        } else {
            format!("Your request for information: {subject}")
        };
        self.push(BlockKind::Title(sanitise(&title)));
        self.letter("opening");
    }

    fn request(&mut self) {
        let case = self.input.case;
        self.heading(1, "Your request");
        self.letter("request_intro");
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
                WholeRequestRefusal::CostLimit { .. } => "cost_limit",
                WholeRequestRefusal::Vexatious { .. } => "vexatious",
                WholeRequestRefusal::Repeated { .. } => "repeated",
            };
            let values = self.whole_request_values(refusal);
            let text = self.letter_text(name, &values).unwrap_or_default();
            // The first sentence says what we decided; the detail follows below.
            let first = match text.find(". ") {
                Some(end) => text[..=end].to_string(),
                None => text.clone(),
            };
            self.text(&first);
            return;
        }
        let decisions: Vec<&Decision> = case.questions.iter().map(|q| &q.decision).collect();
        let disclosed = decisions
            .iter()
            .filter(|d| matches!(d, Decision::Disclose { .. } | Decision::PartDisclose { .. }))
            .count();
        let withheld = decisions
            .iter()
            .any(|d| matches!(d, Decision::Withhold { .. } | Decision::PartDisclose { .. }));
        let not_held = decisions
            .iter()
            .any(|d| matches!(d, Decision::NotHeld { .. }));
        let scopes: Vec<String> = decisions
            .iter()
            .filter_map(|d| match d {
                Decision::Ncnd { scope, .. } => Some(scope.trim().to_string()),
                _ => None,
            })
            .filter(|s| !s.is_empty())
            .collect();
        let all_disclosed = disclosed == decisions.len()
            && decisions
                .iter()
                .all(|d| matches!(d, Decision::Disclose { .. }));
        let mut sentences: Vec<String> = Vec::new();
        let values = self.values.clone();
        if all_disclosed && !decisions.is_empty() {
            sentences.extend(self.letter_text("decision.full", &values));
        } else if disclosed > 0 {
            sentences.extend(self.letter_text("decision.disclosed_some", &values));
        }
        if withheld {
            sentences.extend(self.letter_text("decision.refusal_notice", &values));
        }
        if not_held {
            sentences.extend(self.letter_text("decision.not_held", &values));
        }
        if !scopes.is_empty() {
            let values = self.values.with("scope", join_and(&scopes));
            sentences.extend(self.letter_text("decision.ncnd", &values));
        }
        self.text(&sentences.join(" "));
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
        self.heading(1, "Why we are refusing your request");
        match refusal {
            WholeRequestRefusal::CostLimit {
                explanation,
                advice,
                public_interest,
                activities,
                ..
            } => {
                self.letter_after_first_sentence("cost_limit", &values);
                self.text(explanation);
                if !activities.is_empty() {
                    let mut rows: Vec<Vec<String>> = activities
                        .iter()
                        .map(|a| vec![sanitise(&a.activity), format_hours(a.hours)])
                        .collect();
                    let total: f64 = activities.iter().map(|a| a.hours).sum();
                    rows.push(vec!["Total".into(), format_hours(total)]);
                    self.push(BlockKind::Table {
                        header: vec!["Activity".into(), "Hours".into()],
                        rows,
                    });
                }
                if let Some(pit) = public_interest {
                    self.public_interest(
                        pit.favouring_disclosure.as_slice(),
                        pit.favouring_exemption.as_slice(),
                        std::slice::from_ref(&pit.conclusion),
                        false,
                    );
                }
                self.heading(1, "Advice and assistance");
                self.letter_with("cost_limit.advice", &values);
                if let Some(advice) = advice {
                    self.text(advice);
                }
            }
            WholeRequestRefusal::Vexatious {
                explanation,
                public_interest,
            } => {
                self.letter_after_first_sentence("vexatious", &values);
                self.text(explanation);
                if let Some(pit) = public_interest {
                    self.public_interest(
                        pit.favouring_disclosure.as_slice(),
                        pit.favouring_exemption.as_slice(),
                        std::slice::from_ref(&pit.conclusion),
                        false,
                    );
                }
            }
            WholeRequestRefusal::Repeated { explanation, .. } => {
                self.letter_after_first_sentence("repeated", &values);
                self.text(explanation);
            }
        }
    }

    /// The provisions cited: exemptions that withhold, and NCND provisions.
    fn cited(&self) -> (Vec<Cited<'a>>, Vec<Cited<'a>>) {
        let case = self.input.case;
        let catalogue = self.input.catalogue;
        let mut exemptions: Vec<Cited<'a>> = Vec::new();
        let mut ncnd: Vec<Cited<'a>> = Vec::new();
        for question in &case.questions {
            let is_ncnd = matches!(question.decision, Decision::Ncnd { .. });
            for claim in question.decision.claims() {
                let (entry, read_with, key) = if is_ncnd {
                    let provision = catalogue.ncnd_provision_for(&claim.exemption);
                    let claimed = catalogue.find(&claim.exemption);
                    let read_with = match (provision, claimed) {
                        (Some(_), Some(c))
                            if c.kind == EntryKind::Exemption && case.regime != Regime::Foia =>
                        {
                            Some(c)
                        }
                        (Some(p), _) if case.regime != Regime::Foia && p.ncnd_for.len() == 1 => {
                            catalogue.exemption_behind(p)
                        }
                        _ => None,
                    };
                    let entry = provision.or(claimed);
                    let key = format!(
                        "{}|{}",
                        entry.map_or(claim.exemption.as_str(), |e| e.id.as_str()),
                        read_with.map_or("", |e| e.id.as_str())
                    );
                    (entry, read_with, key)
                } else {
                    let entry = catalogue.find(&claim.exemption);
                    let key = entry.map_or(claim.exemption.clone(), |e| e.id.clone());
                    (entry, None, key)
                };
                let list = if is_ncnd { &mut ncnd } else { &mut exemptions };
                let key_of = |c: &Cited<'_>| {
                    if is_ncnd {
                        format!(
                            "{}|{}",
                            c.entry.map_or(c.id.as_str(), |e| e.id.as_str()),
                            c.read_with.map_or("", |e| e.id.as_str())
                        )
                    } else {
                        c.entry.map_or(c.id.clone(), |e| e.id.clone())
                    }
                };
                match list.iter_mut().find(|c| key_of(c) == key) {
                    Some(existing) => existing.uses.push((question.number, claim)),
                    None => list.push(Cited {
                        entry,
                        id: claim.exemption.clone(),
                        read_with,
                        uses: vec![(question.number, claim)],
                    }),
                }
            }
        }
        (exemptions, ncnd)
    }

    /// Placeholder values for one cited provision: its citation and title,
    /// the likelihood claimed, and (for NCND) the scope of its questions.
    fn claim_values(&self, cited: &Cited<'_>) -> Values {
        let mut values = self.values.clone();
        values.set("section", cited.citation());
        values.set(
            "exemption_title",
            cited.entry.map_or(String::new(), |e| e.title.clone()),
        );
        if let Some(likelihood) = cited.uses.iter().find_map(|(_, c)| c.likelihood) {
            values.set("likelihood", likelihood.phrase());
        }
        let numbers = cited.questions();
        let scopes: Vec<String> = self
            .input
            .case
            .questions
            .iter()
            .filter(|q| numbers.contains(&q.number))
            .filter_map(|q| match &q.decision {
                Decision::Ncnd { scope, .. } if !scope.trim().is_empty() => {
                    Some(scope.trim().to_string())
                }
                _ => None,
            })
            .collect();
        if !scopes.is_empty() {
            values.set("scope", join_and(&scopes));
        }
        values
    }

    /// Texts that differ between questions are each labelled with their question.
    fn per_question_texts(
        uses: &[(u32, &Claim)],
        pick: impl Fn(&Claim) -> Option<String>,
    ) -> Vec<(Vec<u32>, String)> {
        let mut grouped: Vec<(Vec<u32>, String)> = Vec::new();
        for (number, claim) in uses {
            let Some(text) = pick(claim).filter(|t| !t.trim().is_empty()) else {
                continue;
            };
            match grouped.iter_mut().find(|(_, t)| *t == text) {
                Some((numbers, _)) => {
                    if !numbers.contains(number) {
                        numbers.push(*number);
                    }
                }
                None => grouped.push((vec![*number], text)),
            }
        }
        grouped
    }

    fn write_grouped(&mut self, groups: &[(Vec<u32>, String)]) {
        let several = groups.len() > 1;
        for (numbers, text) in groups {
            if several {
                self.labelled(&format!("{}:", capitalise(&question_list(numbers))), text);
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
            (
                "Factors favouring confirming or denying",
                "Factors favouring neither confirming nor denying",
            )
        } else {
            (
                "Factors favouring disclosure",
                "Factors favouring the exemption",
            )
        };
        self.spans(ParagraphStyle::Normal, vec![Span::bold(for_label)]);
        self.bullets(for_disclosure);
        self.spans(ParagraphStyle::Normal, vec![Span::bold(against_label)]);
        self.bullets(for_exemption);
        self.spans(
            ParagraphStyle::Normal,
            vec![Span::bold("Balance of the public interest")],
        );
        for conclusion in conclusions {
            self.text(conclusion);
        }
    }

    fn claim_reasoning(&mut self, cited: &Cited<'_>, ncnd: bool) {
        let likelihood = cited.uses.iter().find_map(|(_, c)| c.likelihood);
        let values = self.claim_values(cited);
        let harms = Self::per_question_texts(&cited.uses, |c| c.harm.clone());
        if !harms.is_empty() {
            self.write_grouped(&harms);
        }
        let test = cited.entry.map(|e| e.test);
        if likelihood.is_some() && test.is_some_and(HarmTest::needs_likelihood) {
            self.letter_with("likelihood", &values);
        }
        let qualified = cited.entry.is_some_and(|e| e.status == Status::Qualified);
        if qualified {
            self.letter_with(if ncnd { "pit.intro.ncnd" } else { "pit.intro" }, &values);
            let mut for_disclosure: Vec<String> = Vec::new();
            let mut for_exemption: Vec<String> = Vec::new();
            for (_, claim) in &cited.uses {
                if let Some(pit) = &claim.public_interest {
                    for factor in &pit.favouring_disclosure {
                        if !for_disclosure.contains(factor) {
                            for_disclosure.push(factor.clone());
                        }
                    }
                    for factor in &pit.favouring_exemption {
                        if !for_exemption.contains(factor) {
                            for_exemption.push(factor.clone());
                        }
                    }
                }
            }
            let conclusions = Self::per_question_texts(&cited.uses, |c| {
                c.public_interest.as_ref().map(|p| p.conclusion.clone())
            });
            let conclusion_texts: Vec<String> = if conclusions.len() > 1 {
                conclusions
                    .iter()
                    .map(|(numbers, text)| {
                        format!("{}: {text}", capitalise(&question_list(numbers)))
                    })
                    .collect()
            } else {
                conclusions.into_iter().map(|(_, t)| t).collect()
            };
            self.public_interest(&for_disclosure, &for_exemption, &conclusion_texts, ncnd);
        } else if !ncnd {
            self.letter_with("exemption.absolute", &values);
        }
    }

    fn exemptions(&mut self, exemptions: &[Cited<'a>]) {
        let regime = self.input.case.regime;
        self.anchor = Anchor::Decision;
        self.heading(1, "Why we are withholding information");
        if regime.is_environmental() {
            self.letter("presumption");
        }
        for cited in exemptions {
            self.anchor = Anchor::Exemption(cited.entry.map_or(cited.id.clone(), |e| e.id.clone()));
            self.heading(2, cited.heading());
            let values = self.claim_values(cited);
            let statement = cited
                .entry
                .and_then(|e| {
                    self.input
                        .library
                        .for_claim(regime, &e.id, Role::ExemptionStatement)
                        .first()
                        .copied()
                })
                .map(|p| render(&p.body, &values));
            match statement {
                Some(text) => self.text(&text),
                None => {
                    let description = cited.entry.map_or(String::new(), |e| e.description.clone());
                    self.text(&description);
                }
            }
            self.text(&format!(
                "This applies to the information requested in {}.",
                question_list(&cited.questions())
            ));
            self.claim_reasoning(cited, false);
        }
    }

    fn ncnd_section(&mut self, provisions: &[Cited<'a>]) {
        let case = self.input.case;
        self.heading(1, "Neither confirm nor deny");
        for question in &case.questions {
            let Decision::Ncnd { scope, .. } = &question.decision else {
                continue;
            };
            let cites: Vec<String> = provisions
                .iter()
                .filter(|p| p.uses.iter().any(|(n, _)| *n == question.number))
                .map(|p| p.heading_citation())
                .collect();
            let values = self
                .values
                .with("scope", scope.trim())
                .with("ncnd_provisions", join_and(&cites));
            self.letter_with("ncnd.duty_excluded", &values);
        }
        if provisions.len() > 1 {
            let items: Vec<String> = provisions.iter().map(Cited::heading).collect();
            self.bullets(&items);
        }
        // Sections 23(5) and 24(2) together: say why they are cited in the alternative.
        let cites = |id: &str| {
            provisions
                .iter()
                .any(|p| p.entry.is_some_and(|e| e.id == id))
        };
        if case.regime == Regime::Foia && cites("s23(5)") && cites("s24(2)") {
            let scopes: Vec<String> = case
                .questions
                .iter()
                .filter_map(|q| match &q.decision {
                    Decision::Ncnd { scope, .. } => Some(scope.trim().to_string()),
                    _ => None,
                })
                .collect();
            let values = self.values.with("scope", join_and(&scopes));
            if let Some(paragraph) = self
                .input
                .library
                .get("foia.s23.ncnd.statement.alternative")
            {
                let text = render(&paragraph.body, &values);
                self.text(&text);
            }
        }
        for cited in provisions {
            let id = cited.entry.map_or(cited.id.clone(), |e| e.id.clone());
            self.anchor = Anchor::NcndProvision(id.clone());
            self.heading(2, cited.heading());
            let values = self.claim_values(cited);
            let statement = self
                .input
                .library
                .for_claim(case.regime, &id, Role::NcndStatement)
                .first()
                .map(|p| render(&p.body, &values));
            if let Some(text) = statement {
                self.text(&text);
            }
            self.claim_reasoning(cited, true);
        }
        self.anchor = Anchor::Ncnd;
        self.letter("ncnd.not_an_indication");
    }

    fn answers(&mut self, exemptions: &[Cited<'a>], ncnd: &[Cited<'a>]) {
        let case = self.input.case;
        if case.questions.is_empty() {
            return;
        }
        self.anchor = Anchor::Decision;
        self.heading(1, "Our answer to each question");
        let mut not_held_explained = false;
        for question in &case.questions {
            self.anchor = Anchor::Question(question.number);
            self.heading(2, format!("Question {}", question.number));
            self.spans(
                ParagraphStyle::Quote,
                vec![Span::italic(question.text.replace('\n', " "))],
            );
            let cites_for = |list: &[Cited<'_>], with_title: bool| -> Vec<String> {
                list.iter()
                    .filter(|c| c.uses.iter().any(|(n, _)| *n == question.number))
                    .map(|c| {
                        if with_title {
                            c.heading_citation_with_title()
                        } else {
                            c.heading_citation()
                        }
                    })
                    .collect()
            };
            match &question.decision {
                Decision::Undecided => {
                    self.spans(
                        ParagraphStyle::Normal,
                        vec![Span::bold("[Answer to be decided]")],
                    );
                }
                Decision::Disclose { answer } => self.text(answer),
                Decision::PartDisclose { answer, .. } => {
                    self.text(answer);
                    self.text(&format!(
                        "The rest of the information is exempt under {}, as explained above.",
                        join_and(&cites_for(exemptions, true))
                    ));
                }
                Decision::Withhold { .. } => {
                    self.text(&format!(
                        "This information is exempt under {}, as explained above.",
                        join_and(&cites_for(exemptions, true))
                    ));
                }
                Decision::NotHeld { explanation, .. } => {
                    self.text(explanation);
                    if !not_held_explained {
                        self.letter("not_held");
                        not_held_explained = true;
                    }
                }
                Decision::Ncnd { .. } => {
                    self.text(&format!(
                        "We can neither confirm nor deny whether we hold information within the scope of this question, for the reasons given above under {}.",
                        join_and(&cites_for(ncnd, false))
                    ));
                }
            }
            if let Some(advice) = question.decision.advice().filter(|a| !a.trim().is_empty()) {
                self.labelled("Advice and assistance:", advice);
            }
        }
    }

    fn rights_and_closing(&mut self) {
        self.heading(1, "Your right to a review and to complain");
        self.letter("review");
        self.letter("complaint");
        self.letter("closing");
        self.spans(
            ParagraphStyle::Normal,
            vec![Span::plain("Yours sincerely,")],
        );
        let profile = self.input.profile;
        let signature = [
            if profile.signatory_name.trim().is_empty() {
                "[Signatory name]".to_string()
            } else {
                profile.signatory_name.clone()
            },
            if profile.signatory_title.trim().is_empty() {
                "[Signatory title]".to_string()
            } else {
                profile.signatory_title.clone()
            },
            if profile.name.trim().is_empty() {
                "[Authority name]".to_string()
            } else {
                profile.name.clone()
            },
        ];
        for line in signature {
            self.spans(ParagraphStyle::Address, vec![Span::plain(line)]);
        }
    }
}

impl Cited<'_> {
    /// "section 24(2)" or "regulation 12(6), read with regulation 12(5)(a)".
    fn heading_citation(&self) -> String {
        match self.read_with {
            Some(with) => format!("{}, read with {}", self.citation(), with.cite),
            None => self.citation(),
        }
    }

    /// "section 43(2) (Commercial interests)".
    fn heading_citation_with_title(&self) -> String {
        match self.entry {
            Some(entry) => format!("{} ({})", self.heading_citation(), entry.title),
            None => self.heading_citation(),
        }
    }
}

fn format_hours(hours: f64) -> String {
    if (hours.fract()).abs() < f64::EPSILON {
        format!("{hours:.0}")
    } else {
        format!("{hours:.1}")
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
        .set("requester_name", case.requester.name.clone())
        .set("questions", case.questions.len().to_string())
        .set("law", case.regime.law_title())
        .set("law_short", case.regime.short_name())
        .set("review_days", clock.review_request_days.to_string())
        .set("review_answer_days", clock.review_answer_days.to_string())
        .set("review_contact", profile.review_contact.clone())
        .set("foi_contact", profile.foi_email.clone())
        .set("regulator", regulator_name)
        .set("regulator_contact", regulator_contact)
        .set("cost_limit_hours", limit_hours)
        .set("cost_limit_amount", limit_amount)
        .set("hourly_rate", hourly_rate);
    if let Some(dates) = input.dates
        && let Some(due) = dates.due()
    {
        values.set("due_date", long_date(due));
    }
    // The review window runs from the letter's date, whatever the case file says.
    let calendar = WorkingCalendar::for_regime(input.holidays, case.regime);
    let review_deadline =
        add_working_days(&calendar, input.letter_date, clock.review_request_days, &[])
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
    }
    .compose()
}
