//! The letter lint: reads a composed letter as its signatory would, for the
//! faults that make a manager send it back: a sentence or paragraph said
//! twice, a phrase repeated inside a sentence, a placeholder left in, the
//! other regime's words, "attached" with nothing enclosed, wording that
//! contradicts the decision, criminal offence data without its Article 10
//! condition, the presumption in favour of disclosure weighed as a factor, and
//! the authority written of in the third person.
//!
//! Word lists come from `assets/law/lint.ron`.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

use super::ncnd_text::significant_words;
use super::{Code, Finding, Place, Stage};
use crate::core::case::{Case, Decision, Regime};
use crate::core::document::{BlockKind, Document, ParagraphStyle};
use crate::core::paragraphs::{Condition, Library, PLACEHOLDERS, placeholders_in};
use crate::core::text::{ellipsis, normalise};

/// The lint's word lists.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    /// Words that say a document goes with the letter.
    pub attachment_words: Vec<String>,
    /// Words that show a conclusion gives a reason.
    pub reasoning_words: Vec<String>,
    /// Words every balance sentence uses.
    pub stock_balance_words: Vec<String>,
    /// Conclusions shorter than this are bare.
    pub thin_conclusion_below_words: usize,
    /// Third-person ways of naming one's own authority.
    pub self_references: Vec<String>,
    /// FOIA's words that environmental letters must not use.
    pub exemption_words: Vec<String>,
    /// The regulations' words that FOIA and FOISA letters must not use.
    pub exception_phrases: Vec<String>,
    /// Names of laws; a sentence naming one may use its words.
    pub other_law_names: Vec<String>,
    /// Phrases only UK (not Scottish) letters may contain.
    pub uk_only: Vec<String>,
    /// Phrases only Scottish letters may contain.
    pub scottish_only: Vec<String>,
    /// Words before a test verb.
    pub test_lead_ins: Vec<String>,
    /// The statutory test verbs, longest first.
    pub test_verbs: Vec<String>,
    /// Words that say the personal data is criminal offence data.
    pub criminal_offence_data: Vec<String>,
    /// Words that show the extra condition for criminal offence data was considered.
    pub criminal_offence_conditions: Vec<String>,
    /// Words that treat the presumption in favour of disclosure as a weight.
    pub presumption_weighed: Vec<String>,
    /// The word for the presumption, which no public interest factor may be.
    pub presumption_word: String,
}

const LINT_RON: &str = include_str!("../../../assets/law/lint.ron");

/// The bundled word lists.
pub fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(|| ron::from_str(LINT_RON).unwrap_or_default())
}

/// What the lint needs besides the letter.
#[derive(Debug, Clone, Copy)]
pub struct LintInput<'a> {
    /// The case the letter answers.
    pub case: &'a Case,
    /// The paragraph library it was composed from.
    pub library: &'a Library,
    /// The authority's name, to spot it used in the third person.
    pub authority: &'a str,
    /// Drafting or final.
    pub stage: Stage,
    /// False when no authority profile was found: the profile's markers are
    /// then reported once, as [`Code::ProfileMissing`], not one by one.
    pub profile_found: bool,
}

/// One sentence of the letter and where it is.
struct Sentence {
    text: String,
    normal: String,
    place: Place,
    section: usize,
    /// An item of a bulleted list (a public interest factor, for example).
    listed: bool,
}

/// Lints a composed letter.
pub fn lint_letter(document: &Document, input: &LintInput<'_>) -> Vec<Finding> {
    let mut findings: Vec<Finding> = Vec::new();
    let mut add = |code: Code, place: Place, message: String| {
        findings.push(Finding {
            code,
            severity: code.severity(input.stage),
            place,
            message,
            flagged: None,
        });
    };
    let words = vocabulary();
    let places = PlaceFinder::new(input.case);
    let mut sentences: Vec<Sentence> = Vec::new();
    // Headings, the title and bold labels: read for markers and terminology,
    // not for repetition.
    let mut labels: Vec<Sentence> = Vec::new();
    let mut has_enclosures = false;
    let enclosures_heading = input
        .library
        .letter(input.case.regime, "heading.enclosures")
        .map(|p| normalise(&p.body));
    let mut section = 0;
    for block in &document.blocks {
        let place = places.place(&block.anchor);
        if matches!(block.kind, BlockKind::Heading { .. }) {
            section += 1;
        }
        let mut label = |text: &str| {
            labels.push(Sentence {
                normal: normalise(text),
                text: text.to_string(),
                place,
                section,
                listed: false,
            });
        };
        let texts: Vec<String> = match &block.kind {
            BlockKind::Heading { text, .. } => {
                if enclosures_heading.as_deref() == Some(normalise(text).as_str()) {
                    has_enclosures = true;
                }
                label(text);
                Vec::new()
            }
            BlockKind::Title(text) => {
                label(text);
                Vec::new()
            }
            BlockKind::Paragraph { style, spans } => {
                // Quotes are the requester's words; a bold-only line is a label.
                if *style == ParagraphStyle::Quote {
                    Vec::new()
                } else if spans.iter().all(|s| s.bold) {
                    let text: String = spans.iter().map(|s| s.text.as_str()).collect();
                    label(&text);
                    Vec::new()
                } else {
                    vec![spans.iter().map(|s| s.text.as_str()).collect()]
                }
            }
            BlockKind::BulletList { items } => items
                .iter()
                .map(|spans| spans.iter().map(|s| s.text.as_str()).collect())
                .collect(),
            BlockKind::Table { rows, .. } => rows.iter().map(|r| r.join(" ")).collect(),
            BlockKind::NumberedList { .. } => Vec::new(),
        };
        let listed = matches!(block.kind, BlockKind::BulletList { .. });
        for text in texts {
            for sentence in split_sentences(&text) {
                sentences.push(Sentence {
                    normal: normalise(&sentence),
                    text: sentence,
                    place,
                    section,
                    listed,
                });
            }
        }
    }

    // Placeholders and markers left in.
    let markers = markers(input.library);
    let mut reported: BTreeSet<String> = BTreeSet::new();
    let undecided: HashSet<u32> = input
        .case
        .questions
        .iter()
        .filter(|q| q.decision == Decision::Undecided)
        .map(|q| q.number)
        .collect();
    let undecided_marker = input
        .library
        .letter(input.case.regime, "answer.undecided")
        .map(|p| normalise(&p.body));
    // With no profile at all, its markers are one finding, not one each.
    let mut profile_markers: Vec<String> = Vec::new();
    for sentence in sentences.iter().chain(&labels) {
        for marker in &markers {
            // An undecided question is reported as undecided.
            let expected_gap = undecided_marker.as_deref() == Some(marker.normal.as_str())
                && sentence
                    .place
                    .question()
                    .is_some_and(|n| undecided.contains(&n));
            if expected_gap
                || !sentence.normal.contains(marker.normal.as_str())
                || !reported.insert(marker.normal.clone())
            {
                continue;
            }
            if marker.from_profile && !input.profile_found {
                // "fill in `name` in the authority profile": name the field.
                let field = marker.fill_in.split('`').nth(1);
                profile_markers.push(match field {
                    Some(field) => format!("{} (`{field}`)", marker.marker),
                    None => marker.marker.clone(),
                });
            } else {
                add(
                    Code::PlaceholderLeft,
                    sentence.place,
                    format!(
                        "the letter still shows {}: {}",
                        marker.marker, marker.fill_in
                    ),
                );
            }
        }
        for name in placeholders_in(&sentence.text) {
            if reported.insert(format!("{{{name}")) {
                add(
                    Code::PlaceholderLeft,
                    sentence.place,
                    format!(
                        "the letter still shows {{{name}}}, a placeholder that was never filled"
                    ),
                );
            }
        }
        // An opening brace before a name with no closing one ("{foi_contact, quoting").
        if let Some(at) = sentence.text.find('{')
            && sentence.text[at + 1..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_lowercase())
            && !sentence.text[at..].contains('}')
            && reported.insert(format!("unclosed {}", sentence.normal))
        {
            add(
                Code::PlaceholderLeft,
                sentence.place,
                format!(
                    "the letter shows a placeholder whose closing brace is missing: \"{}\"",
                    ellipsis(&sentence.text[at..], 40)
                ),
            );
        }
    }

    if !profile_markers.is_empty() {
        add(
            Code::ProfileMissing,
            Place::Case,
            format!(
                "no authority profile was found, so the letter shows {}; fill them in the authority profile (Settings, Authority profile; or --profile authority.ron) before a final letter can be exported",
                profile_markers.join(", ")
            ),
        );
    }

    // A sentence said twice, or nearly word for word twice in one section.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut reported_repeats: HashSet<&str> = HashSet::new();
    for (index, sentence) in sentences.iter().enumerate() {
        if sentence.normal.split(' ').count() < 6 {
            continue;
        }
        if let Some(&first) = seen.get(sentence.normal.as_str()) {
            // Each answer is read on its own, so the same sentence in the
            // answers to two different questions is not a repetition.
            let separate_answers = matches!(
                (sentences[first].place.question(), sentence.place.question()),
                (Some(a), Some(b)) if a != b
            ) && sentences[first].section != sentence.section;
            if !separate_answers && reported_repeats.insert(sentence.normal.as_str()) {
                add(
                    Code::RepeatedSentence,
                    sentence.place,
                    format!(
                        "the letter says \"{}\" more than once",
                        ellipsis(&sentence.text, 80)
                    ),
                );
            }
            continue;
        }
        seen.insert(sentence.normal.as_str(), index);
    }
    let significant: Vec<BTreeSet<String>> = sentences
        .iter()
        .map(|s| significant_words(&s.normal))
        .collect();
    for (index, sentence) in sentences.iter().enumerate() {
        let mine = &significant[index];
        if mine.len() < 6 {
            continue;
        }
        let window = index.saturating_sub(12)..index;
        for earlier in window {
            let other = &sentences[earlier];
            if other.section != sentence.section || other.normal == sentence.normal {
                continue;
            }
            let theirs = &significant[earlier];
            if theirs.len() < 6 {
                continue;
            }
            let shared = mine.intersection(theirs).count();
            let union = mine.union(theirs).count();
            if shared * 100 >= union * 75 {
                add(
                    Code::RepeatedSentence,
                    sentence.place,
                    format!(
                        "\"{}\" says again what \"{}\" has just said",
                        ellipsis(&sentence.text, 60),
                        ellipsis(&other.text, 60)
                    ),
                );
                break;
            }
        }
    }

    // A phrase repeated inside one sentence.
    for sentence in &sentences {
        if let Some(phrase) = repeated_phrase(&sentence.normal) {
            add(
                Code::RepeatedPhrase,
                sentence.place,
                format!(
                    "\"{phrase}\" appears twice in one sentence: \"{}\"",
                    ellipsis(&sentence.text, 80)
                ),
            );
        }
    }

    // The other regime's words.
    let regime = input.case.regime;
    for sentence in sentences.iter().chain(&labels) {
        if let Some(message) = terminology_problem(&sentence.normal, regime, words) {
            add(
                Code::RegimeTerminology,
                sentence.place,
                format!("{message}: \"{}\"", ellipsis(&sentence.text, 80)),
            );
        }
    }

    // Every notice gives the review and complaint rights (FOIA s.17(7),
    // EIR reg 14(5), FOISA s.19, EISR reg 13(e)).
    let (regulator, _) = crate::core::document::regulator(regime);
    let regulator = normalise(regulator);
    let body: Vec<&Sentence> = sentences.iter().collect();
    let names_regulator =
        !regulator.is_empty() && body.iter().any(|s| s.normal.contains(&regulator));
    let offers_review = body.iter().any(|s| contains_words(&s.normal, "review"));
    if !names_regulator || !offers_review {
        let missing = match (offers_review, names_regulator) {
            (false, false) => "the right to a review and to complain to the Commissioner",
            (false, true) => "the right to a review",
            _ => "the right to complain to the Commissioner",
        };
        add(
            Code::RightsMissing,
            Place::Case,
            format!(
                "the letter does not give {missing}; a team library may have replaced that wording"
            ),
        );
    }

    // "Attached" with nothing enclosed.
    if !has_enclosures
        && let Some(sentence) = sentences
            .iter()
            .find(|s| mentions_any(&s.normal, &words.attachment_words))
    {
        add(
            Code::AttachedWithoutEnclosure,
            sentence.place,
            format!(
                "\"{}\" speaks of a document sent with the letter, but the letter lists no enclosures",
                ellipsis(&sentence.text, 80)
            ),
        );
    }

    // Criminal offence data needs an Article 10 condition as well as Article 6.
    if let Some(sentence) = sentences
        .iter()
        .find(|s| mentions_phrase(&s.normal, &words.criminal_offence_data))
        && !sentences
            .iter()
            .any(|s| mentions_phrase(&s.normal, &words.criminal_offence_conditions))
    {
        add(
            Code::CriminalOffenceDataCondition,
            sentence.place,
            format!(
                "\"{}\" speaks of criminal offence data, but the letter gives no condition under Article 10 of the UK GDPR and Schedule 1 to the Data Protection Act 2018",
                ellipsis(&sentence.text, 60)
            ),
        );
    }

    // The presumption in favour of disclosure is where the test starts, not a weight in it.
    let presumption = normalise(&words.presumption_word);
    for sentence in &sentences {
        let as_factor = sentence.listed && contains_words(&sentence.normal, &presumption);
        if as_factor || mentions_phrase(&sentence.normal, &words.presumption_weighed) {
            add(
                Code::PresumptionWeighed,
                sentence.place,
                format!(
                    "\"{}\" weighs the presumption in favour of disclosure; it is applied to the result of the balance, not weighed in it",
                    ellipsis(&sentence.text, 60)
                ),
            );
        }
    }

    // Wording that assumes a decision the case did not make.
    let disclosed = input.case.questions.iter().any(|q| {
        matches!(
            q.decision,
            Decision::Disclose { .. } | Decision::PartDisclose { .. }
        )
    });
    for paragraph in input.library.iter() {
        let Some(condition) = paragraph.applies_when else {
            continue;
        };
        let holds = match condition {
            Condition::SomethingDisclosed => disclosed,
            Condition::NothingDisclosed => !disclosed,
        };
        if holds || !paragraph.regimes.contains(&regime) {
            continue;
        }
        let fragments = literal_fragments(&paragraph.body);
        if fragments.is_empty() {
            continue;
        }
        if let Some(sentence) = sentences
            .iter()
            .find(|s| fragments.iter().any(|f| s.normal.contains(f.as_str())))
        {
            let why = match condition {
                Condition::SomethingDisclosed => {
                    "speaks of information we have released, but nothing is disclosed"
                }
                Condition::NothingDisclosed => {
                    "assumes nothing is disclosed, but some information is"
                }
            };
            add(
                Code::ContradictsDecision,
                sentence.place,
                format!(
                    "library paragraph \"{}\" {why}: \"{}\"",
                    paragraph.title,
                    ellipsis(&sentence.text, 60)
                ),
            );
        }
    }

    // The authority in the third person, in the caseworker's own text.
    let mut own: Vec<String> = words.self_references.clone();
    let name = normalise(input.authority);
    if !name.is_empty() {
        own.push(name);
    }
    for (place, text) in caseworker_texts(input.case) {
        let normal = normalise(&text);
        if let Some(reference) = own.iter().find(|r| contains_words(&normal, r)) {
            add(
                Code::Voice,
                place,
                format!(
                    "\"{}\" writes of us as \"{reference}\"; the letter speaks as \"we\" throughout",
                    ellipsis(&text, 60)
                ),
            );
        }
    }
    findings
}

/// True when normalised `text` contains any of `words` as a whole word.
pub fn mentions_any(text: &str, words: &[String]) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|word| words.iter().any(|w| w == word))
}

/// Markers a letter must not keep, with where each is filled in.
fn markers(library: &Library) -> Vec<Marker> {
    let mut markers: Vec<(String, String, bool)> = PLACEHOLDERS
        .iter()
        .map(|p| {
            (
                format!("[{}]", p.marker),
                format!("fill in {}", p.fill_in),
                p.from_profile(),
            )
        })
        .collect();
    // Bracketed notes in library paragraphs ("[the provider]") are for the
    // caseworker to replace.
    let mut seen: BTreeSet<String> = markers.iter().map(|(m, _, _)| m.clone()).collect();
    for paragraph in library.iter() {
        let body = &paragraph.body;
        let mut rest = body.as_str();
        while let Some(open) = rest.find('[') {
            let Some(close) = rest[open..].find(']') else {
                break;
            };
            let marker = &rest[open..=open + close];
            if marker.len() > 2 && seen.insert(marker.to_string()) {
                markers.push((
                    marker.to_string(),
                    format!(
                        "replace the note from library paragraph \"{}\" with the case's own words",
                        paragraph.title
                    ),
                    false,
                ));
            }
            rest = &rest[open + close + 1..];
        }
    }
    markers
        .into_iter()
        .map(|(marker, fill_in, from_profile)| Marker {
            normal: normalise(&marker),
            marker,
            fill_in,
            from_profile,
        })
        .collect()
}

/// A marker a letter must not keep.
struct Marker {
    /// As the letter shows it: `[Authority name]`.
    marker: String,
    /// Folded for matching.
    normal: String,
    /// Where it is filled in.
    fill_in: String,
    /// Filled in from the authority profile.
    from_profile: bool,
}

/// Words that end in a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "s", "ss", "reg", "regs", "para", "paras", "no", "nos", "cf", "art", "sch", "mr",
    "mrs", "ms", "dr", "st", "pc", "ds", "dc", "sgt", "insp", "cllr", "prof", "vs", "v",
];

/// Splits text into sentences at ". ", "? " and "! " before a capital, digit or quote.
pub(crate) fn split_sentences(text: &str) -> Vec<String> {
    let mut sentences = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut start = 0;
    // Spaces, and the invisible characters pasted text carries between sentences.
    let gap = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
            )
    };
    for (i, (at, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '?' | '!' | '\u{2026}') {
            continue;
        }
        // A closing quote or bracket belongs to the sentence it closes.
        let mut last = i;
        while chars
            .get(last + 1)
            .is_some_and(|(_, n)| matches!(n, '"' | '\'' | '\u{2019}' | '\u{201D}' | ')'))
        {
            last += 1;
        }
        let Some((_, next)) = chars.get(last + 1) else {
            continue;
        };
        if !gap(*next) {
            continue;
        }
        let Some((_, after)) = chars[last + 1..].iter().find(|(_, c)| !gap(*c)) else {
            continue;
        };
        if !(after.is_uppercase()
            || after.is_ascii_digit()
            || matches!(after, '"' | '\'' | '\u{2018}' | '\u{201C}' | '('))
        {
            continue;
        }
        // "e.g. The", "s. 17", "PC. Smith": an abbreviation is not an ending.
        let word_start = text[..*at]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace() || *c == '(')
            .map_or(0, |(p, c)| p + c.len_utf8());
        let word = text[word_start..*at].to_lowercase();
        if ABBREVIATIONS.contains(&word.as_str()) {
            continue;
        }
        let (close_at, close) = chars[last];
        let end = close_at + close.len_utf8();
        let sentence = text[start..end].trim_matches(gap);
        if !sentence.is_empty() {
            sentences.push(sentence.to_string());
        }
        start = end;
    }
    let last = text[start..].trim_matches(gap);
    if !last.is_empty() {
        sentences.push(last.to_string());
    }
    sentences
}

/// A phrase of three or more words, two of them significant, said twice in a
/// row inside one sentence ("about X, X and X"): what joining the same text
/// from several questions produces. A parallel construction with other words
/// between ("£10 a year for a pitch in A and £5 a year for a pitch in B") is
/// not a repetition.
pub(crate) fn repeated_phrase(sentence: &str) -> Option<String> {
    let words: Vec<&str> = sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '(' || c == ')'))
        .filter(|w| !w.is_empty())
        .collect();
    let stock = &vocabulary().stock_balance_words;
    let significant: Vec<bool> = words
        .iter()
        .map(|w| !stock.iter().any(|s| s == w) && !significant_words(w).is_empty())
        .collect();
    // Phrases longer than twelve words are caught by their first twelve.
    for length in 3..=(words.len() / 2).min(12) {
        for start in 0..words.len().saturating_sub(2 * length - 1) {
            for gap in [0, 1] {
                let next = start + length + gap;
                if next + length > words.len() {
                    continue;
                }
                if gap == 1 && !matches!(words[start + length], "and" | "or") {
                    continue;
                }
                if words[next..next + length] == words[start..start + length]
                    && significant[start..start + length]
                        .iter()
                        .filter(|s| **s)
                        .count()
                        >= 2
                {
                    return Some(words[start..start + length].join(" "));
                }
            }
        }
    }
    None
}

/// True when normalised `text` contains any of `phrases`, each as whole words.
fn mentions_phrase(text: &str, phrases: &[String]) -> bool {
    phrases.iter().any(|phrase| contains_words(text, phrase))
}

fn contains_words(text: &str, phrase: &str) -> bool {
    !phrase.is_empty()
        && text.match_indices(phrase).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + phrase.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
}

/// What is wrong with a sentence's terminology for the regime, if anything.
fn terminology_problem(sentence: &str, regime: Regime, words: &Vocabulary) -> Option<String> {
    // A sentence that names another law ("section 19 of the Flood and Water
    // Management Act 2010") may use that law's words.
    let names_other_law = words
        .other_law_names
        .iter()
        .any(|law| sentence.contains(law.as_str()))
        || names_a_law_with_its_year(sentence);
    let foreign = if regime.is_scottish() {
        &words.uk_only
    } else {
        &words.scottish_only
    };
    if let Some(phrase) = foreign.iter().find(|p| sentence.contains(p.as_str())) {
        return Some(format!(
            "\"{phrase}\" belongs to the other jurisdiction's letters, not a {} letter",
            regime.short_name()
        ));
    }
    if names_other_law {
        return None;
    }
    let sentence = &sentence.replace("with the exception of", "");
    if regime.is_environmental() {
        if let Some(word) = words
            .exemption_words
            .iter()
            .find(|w| contains_words(sentence, w))
        {
            return Some(format!(
                "\"{word}\" is FOIA's word; the {} have exceptions",
                regime.law_title()
            ));
        }
        if let Some(at) = find_citation(sentence, "section ") {
            return Some(format!(
                "\"{at}\" cites a section, but the {} have regulations",
                regime.law_title()
            ));
        }
    } else {
        if let Some(phrase) = words
            .exception_phrases
            .iter()
            .find(|p| contains_words(sentence, p))
        {
            return Some(format!(
                "\"{phrase}\" is the regulations' word; the {} has exemptions",
                regime.law_title()
            ));
        }
        if let Some(at) = find_citation(sentence, "regulation ") {
            return Some(format!(
                "\"{at}\" cites a regulation, but the {} has sections",
                regime.law_title()
            ));
        }
    }
    None
}

/// True when a sentence names a law by title and year ("... Act 2010",
/// "... Regulations 2004"); "the Act" alone is not another law.
fn names_a_law_with_its_year(sentence: &str) -> bool {
    ["act ", "regulations "].iter().any(|word| {
        sentence.match_indices(word).any(|(at, _)| {
            let before_ok = sentence[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let year: String = sentence[at + word.len()..].chars().take(4).collect();
            before_ok && year.len() == 4 && year.chars().all(|c| c.is_ascii_digit())
        })
    })
}

/// "section 12" or "regulation 12(4)": the word followed by a number.
fn find_citation(sentence: &str, word: &str) -> Option<String> {
    sentence.match_indices(word).find_map(|(at, _)| {
        let rest = &sentence[at + word.len()..];
        let number: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '(' | ')'))
            .collect();
        number
            .starts_with(|c: char| c.is_ascii_digit())
            .then(|| format!("{}{number}", word))
    })
}

/// The literal parts of a paragraph body, for spotting it inside case text.
fn literal_fragments(body: &str) -> Vec<String> {
    let mut fragments = Vec::new();
    let mut rest = body;
    loop {
        let end = rest.find('{').unwrap_or(rest.len());
        for sentence in split_sentences(&rest[..end]) {
            let sentence = normalise(&sentence);
            if sentence.len() >= 30 {
                fragments.push(sentence);
            }
        }
        if end == rest.len() {
            break;
        }
        match rest[end..].find('}') {
            Some(close) => rest = &rest[end + close + 1..],
            None => break,
        }
    }
    fragments
}

/// Every piece of the caseworker's own text that the letter prints, with its place.
fn caseworker_texts(case: &Case) -> Vec<(Place, String)> {
    let mut texts: Vec<(Place, String)> = Vec::new();
    for question in &case.questions {
        let place = Place::Question(question.number);
        match &question.decision {
            Decision::Disclose { answer } | Decision::PartDisclose { answer, .. } => {
                texts.push((place, answer.clone()));
            }
            Decision::NotHeld { explanation, .. } => texts.push((place, explanation.clone())),
            _ => {}
        }
        if let Some(advice) = question.decision.advice() {
            texts.push((place, advice.to_string()));
        }
        for (index, claim) in question.all_claims().enumerate() {
            let place = Place::Claim(question.number, index);
            if let Some(harm) = &claim.harm {
                texts.push((place, harm.clone()));
            }
            if let Some(pit) = &claim.public_interest {
                for factor in pit
                    .favouring_disclosure
                    .iter()
                    .chain(&pit.favouring_exemption)
                {
                    texts.push((place, factor.clone()));
                }
                texts.push((place, pit.conclusion.clone()));
            }
        }
    }
    texts.retain(|(_, t)| !t.trim().is_empty());
    texts
}

/// Maps a block's anchor to the place a finding points at.
struct PlaceFinder {
    provision_questions: HashMap<String, u32>,
}

impl PlaceFinder {
    fn new(case: &Case) -> PlaceFinder {
        let mut provision_questions = HashMap::new();
        for question in &case.questions {
            for claim in question.all_claims() {
                provision_questions
                    .entry(crate::core::catalogue::normalise_id(&claim.exemption))
                    .or_insert(question.number);
            }
        }
        PlaceFinder {
            provision_questions,
        }
    }

    fn place(&self, anchor: &crate::core::document::Anchor) -> Place {
        use crate::core::document::Anchor;
        match anchor {
            Anchor::Question(n) => Place::Question(*n),
            Anchor::WholeRequest => Place::WholeRequest,
            Anchor::Exemption(id) | Anchor::NcndProvision(id) => self
                .provision_questions
                .get(id)
                .map_or(Place::Case, |n| Place::Question(*n)),
            _ => Place::Case,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Any text, with every kind of space and invisible character, splits
        /// without a fault and loses no word.
        #[test]
        fn any_text_splits_and_keeps_its_words(
            text in "([a-zA-Z0-9]{1,6}|[.?!\"'()]|\u{00A0}|\u{2009}|\u{3000}|\u{200B}|\u{201D}|\u{2026}| ){0,40}"
        ) {
            let joined: String = split_sentences(&text).concat();
            let letters = |t: &str| t.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
            proptest::prop_assert_eq!(letters(&joined), letters(&text));
        }
    }

    #[test]
    fn sentences_end_after_a_closing_quote_and_before_a_no_break_space() {
        assert_eq!(
            split_sentences(
                "\u{201C}Confirming or denying would harm prevention.\u{201D} We operate 14 of them."
            ),
            vec![
                "\u{201C}Confirming or denying would harm prevention.\u{201D}",
                "We operate 14 of them."
            ]
        );
        assert_eq!(
            split_sentences("See section\u{00A0}31. We hold it.\u{200B}Yes."),
            vec!["See section\u{00A0}31.", "We hold it.", "Yes."]
        );
    }

    #[test]
    fn sentences_split_at_full_stops_but_not_abbreviations() {
        assert_eq!(
            split_sentences("We hold it. See s. 17 of the Act. Done? Yes."),
            vec!["We hold it.", "See s. 17 of the Act.", "Done?", "Yes."]
        );
        assert_eq!(split_sentences("e.g. The list"), vec!["e.g. The list"]);
    }

    #[test]
    fn a_phrase_said_twice_in_one_sentence_is_found() {
        assert_eq!(
            repeated_phrase(&normalise(
                "We hold nothing about any investigation into Councillor Pellow's expenses, any investigation into Councillor Pellow's expenses and any investigation into Councillor Pellow's expenses."
            ))
            .as_deref(),
            Some("any investigation into councillor pellow's expenses")
        );
        assert_eq!(
            repeated_phrase(&normalise(
                "The public interest in maintaining the exemption outweighs the public interest in disclosure."
            )),
            None
        );
        assert_eq!(
            repeated_phrase(&normalise(
                "A consent costs £1,240 a year for a fixed pitch in the town centre and £620 a year for a fixed pitch elsewhere."
            )),
            None
        );
    }

    #[test]
    fn terminology_follows_the_regime() {
        let words = vocabulary();
        assert!(
            terminology_problem(
                "this information is exempt under regulation 12(4)(b)",
                Regime::Eir,
                words
            )
            .is_some()
        );
        assert!(terminology_problem("section 39 of the freedom of information act 2000 exempts environmental information", Regime::Eir, words).is_none());
        assert!(
            terminology_problem(
                "we rely on the exception in regulation 12(5)(a)",
                Regime::Eir,
                words
            )
            .is_none()
        );
        assert!(
            terminology_problem(
                "we rely on the exception in section 31",
                Regime::Foia,
                words
            )
            .is_some()
        );
        assert!(
            terminology_problem(
                "with the exception of the names, we enclose the report",
                Regime::Foia,
                words
            )
            .is_none()
        );
        assert!(
            terminology_problem(
                "you can apply to the scottish information commissioner",
                Regime::Foia,
                words
            )
            .is_some()
        );
        assert!(
            terminology_problem(
                "contact the information commissioner's office",
                Regime::Foisa,
                words
            )
            .is_some()
        );
        assert!(
            terminology_problem(
                "the duty in section 19 of the flood and water management act 2010",
                Regime::Eir,
                words
            )
            .is_none()
        );
        assert!(
            terminology_problem(
                "regulation 5 of the freedom of information and data protection (appropriate limit and fees) regulations 2004 lets us add the costs",
                Regime::Foia,
                words
            )
            .is_none()
        );
        // "the Act" on its own is not another law.
        assert!(
            terminology_problem(
                "it is exempt under section 43 of the act",
                Regime::Eir,
                words
            )
            .is_some()
        );
        assert!(
            terminology_problem(
                "the exception in regulation 12(5)(e) of the act",
                Regime::Foia,
                words
            )
            .is_some()
        );
    }
}
