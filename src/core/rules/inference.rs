//! What a requester learns from a neither-confirm-nor-deny letter.
//!
//! The held / not-held comparison proves the letter does not change with the
//! caseworker's private note; it cannot see what the caseworker's own words
//! give away. This module reads every sentence the requester will receive that
//! a caseworker wrote (the NCND question's own reasoning and advice, and every
//! other question's answer, reasoning and advice) and flags one that
//!
//! 1. refers to the NCND subject: the scope's content words and their
//!    inflections, the question's own wording, acronyms, expansions and
//!    synonyms from the thesaurus; or, in the NCND question's own reasoning,
//!    a definite reference back to it ("this equipment"), and
//! 2. presupposes that the thing exists, or does not: "our …", "we operate",
//!    a definite reference to the subject, a quantity or a date, an event
//!    ("was bought", "have led to"), a verb of disclosure with a definite
//!    object ("releasing the records"), or a statement of holding.
//!
//! Hypothetical wording ("confirming or denying whether we operate …", "if
//! held") in the same clause before the presupposition keeps it silent. Word
//! lists are data, in `assets/law/ncnd-inference.ron`, and a team adds
//! synonyms in its own file.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

use super::Place;
use super::lint::split_sentences;
use super::ncnd_text::{Giveaway, giveaways};
use crate::core::case::{Case, Claim, Decision, NcndView, Question, Regime};
use crate::core::text::{ellipsis, normalise};

/// The word lists, as written in `ncnd-inference.ron`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InferenceWords {
    /// Words that never tie a sentence to a subject.
    pub stop_words: Vec<String>,
    /// Nouns for kinds of thing (equipment, system).
    pub thing_nouns: Vec<String>,
    /// Nouns for kinds of matter (investigation, complaint).
    pub matter_nouns: Vec<String>,
    /// Determiners that make a definite reference.
    pub definite: Vec<String>,
    /// "our".
    pub possessive: Vec<String>,
    /// Verbs that, after "we", say we have or do the thing.
    pub we_verbs: Vec<String>,
    /// Words that say the thing happened, began or ended.
    pub events: Vec<String>,
    /// Verbs of disclosure.
    pub disclosure_verbs: Vec<String>,
    /// Phrases that ask or give a quantity.
    pub quantity_phrases: Vec<String>,
    /// Numbers written as words.
    pub number_words: Vec<String>,
    /// Words that date the thing.
    pub date_words: Vec<String>,
    /// Words that make what follows hypothetical.
    pub hedges: Vec<String>,
    /// Words such as "covert" that a sentence must share with a scope that has them.
    pub decisive: Vec<String>,
    /// Titles and common words of names, which do not identify anyone alone.
    pub titles: Vec<String>,
    /// Groups of words for the same subject.
    pub thesaurus: Vec<Vec<String>>,
    /// Titles before a person's name.
    pub person_titles: Vec<String>,
    /// Phrases that point at one person without naming them.
    pub named_person: Vec<String>,
    /// Events in a person's life that are personal data of a sensitive kind.
    pub sensitive_events: Vec<String>,
    /// The criminal ones among them.
    pub criminal_events: Vec<String>,
    /// Names of the security bodies (FOIA s.23(3)).
    pub security_bodies: Vec<String>,
    /// The NCND provision for personal data, by regime.
    pub ncnd_for_personal: ByRegime,
    /// The NCND provision for criminal investigations, by regime.
    pub ncnd_for_criminal: ByRegime,
    /// The NCND provision for security bodies, by regime.
    pub ncnd_for_security: ByRegime,
    /// Hedges that reach only to the next comma.
    #[serde(default)]
    pub comma_bounded_hedges: Vec<String>,
    /// Words after a presupposition that make it hypothetical ("if any exist").
    #[serde(default)]
    pub after_hedges: Vec<String>,
    /// Pronouns that refer back to the subject in its own reasoning.
    #[serde(default)]
    pub pronouns: Vec<String>,
    /// Words that turn "we hold" into "we do not hold".
    #[serde(default)]
    pub negations: Vec<String>,
    /// Nouns of published documents, whose years date the document.
    #[serde(default)]
    pub document_nouns: Vec<String>,
    /// Words that, anywhere in a scope, speak of the thing as existing.
    #[serde(default)]
    pub scope_giveaways: Vec<String>,
}

/// One text for each regime.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ByRegime {
    /// FOIA.
    pub foia: String,
    /// EIR.
    pub eir: String,
    /// FOISA.
    pub foisa: String,
    /// EISR.
    pub eisr: String,
}

impl ByRegime {
    /// The text for a regime.
    pub fn get(&self, regime: Regime) -> &str {
        match regime {
            Regime::Foia => &self.foia,
            Regime::Eir => &self.eir,
            Regime::Foisa => &self.foisa,
            Regime::Eisr => &self.eisr,
        }
    }
}

/// A team's extra synonyms (`ncnd-thesaurus.ron`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamThesaurus {
    /// Groups of words for the same subject.
    pub groups: Vec<Vec<String>>,
}

impl TeamThesaurus {
    /// Parses a team thesaurus, with the line and column of any error.
    pub fn from_ron(text: &str) -> Result<TeamThesaurus, crate::core::case_file::ParseProblem> {
        let thesaurus: TeamThesaurus =
            ron::from_str(text).map_err(|e| crate::core::case_file::describe_ron_error(&e))?;
        // A synonym made of words that are in every sentence ("any", "we")
        // would tie everything, or hedge everything: it is refused.
        let words = bundled_words();
        let common: HashSet<String> = words
            .stop_words
            .iter()
            .chain(&words.hedges)
            .chain(&words.definite)
            .chain(&words.possessive)
            .map(|w| normalise(w))
            .collect();
        for group in &thesaurus.groups {
            for phrase in group {
                let folded = normalise(phrase);
                let meaningful = folded
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.chars().count() > 2 && !common.contains(w));
                if !meaningful {
                    let at = text.find(&format!("\"{phrase}\"")).unwrap_or(0);
                    let (line, column) = crate::core::case_file::line_column_at(text, at);
                    return Err(crate::core::case_file::ParseProblem {
                        line,
                        column,
                        message: format!(
                            "\"{phrase}\" is too common to be a synonym: every synonym needs a word of three letters or more that is not a common word such as \"any\", \"we\" or \"the\""
                        ),
                    });
                }
            }
        }
        Ok(thesaurus)
    }
}

const INFERENCE_RON: &str = include_str!("../../../assets/law/ncnd-inference.ron");

/// The bundled word lists.
pub fn bundled_words() -> &'static InferenceWords {
    static WORDS: OnceLock<InferenceWords> = OnceLock::new();
    WORDS.get_or_init(|| ron::from_str(INFERENCE_RON).unwrap_or_default())
}

/// Token sequences, stemmed, ready for matching.
type Phrase = Vec<String>;

/// Phrases indexed by their first word, so that a sentence is matched
/// against only the phrases that can start at each token.
#[derive(Debug, Clone, Default)]
struct PhraseList {
    phrases: Vec<Phrase>,
    /// First stem → the phrases starting with it.
    starts: HashMap<String, Vec<usize>>,
}

impl PhraseList {
    fn new(phrases: Vec<Phrase>) -> PhraseList {
        let mut starts: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, phrase) in phrases.iter().enumerate() {
            if let Some(first) = phrase.first() {
                starts.entry(first.clone()).or_default().push(index);
            }
        }
        PhraseList { phrases, starts }
    }

    /// The phrases that match a sentence at token `at`.
    fn matching_at<'p>(&'p self, sentence: &Sentence, at: usize) -> Vec<&'p Phrase> {
        let Some(token) = sentence.tokens.get(at) else {
            return Vec::new();
        };
        let mut found: Vec<usize> = Vec::new();
        for first in [&token.stem, &token.word] {
            for &index in self
                .starts
                .get(first.as_str())
                .map_or(&[][..], Vec::as_slice)
            {
                if sentence.matches_at(at, &self.phrases[index]) {
                    found.push(index);
                }
            }
        }
        // In the order of the list, as the vocabulary file gives them.
        found.sort_unstable();
        found.dedup();
        found
            .into_iter()
            .map(|index| &self.phrases[index])
            .collect()
    }

    /// True when some phrase matches at token `at`.
    fn any_at(&self, sentence: &Sentence, at: usize) -> bool {
        !self.matching_at(sentence, at).is_empty()
    }
}

/// The word lists compiled for matching.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    stop: HashSet<String>,
    things: HashSet<String>,
    matters: HashSet<String>,
    /// The kind nouns as written, singular ("equipment", "investigation").
    noun_forms: HashSet<String>,
    definite: HashSet<String>,
    possessive: HashSet<String>,
    we_verbs: HashSet<String>,
    events: PhraseList,
    disclosure: HashSet<String>,
    quantity: PhraseList,
    numbers: HashSet<String>,
    dates: PhraseList,
    hedges: PhraseList,
    comma_bounded: Vec<Phrase>,
    after_hedges: PhraseList,
    pronouns: HashSet<String>,
    negations: PhraseList,
    document_nouns: HashSet<String>,
    scope_giveaways: Vec<String>,
    decisive: HashSet<String>,
    titles: HashSet<String>,
    person_titles: HashSet<String>,
    named_person: Vec<Phrase>,
    named_person_list: PhraseList,
    sensitive: Vec<Phrase>,
    sensitive_list: PhraseList,
    criminal: HashSet<String>,
    security_bodies: Vec<Phrase>,
    provisions: [ByRegime; 3],
    /// Each concept's phrases.
    concepts: Vec<Vec<Phrase>>,
    /// First stem of a concept phrase → (concept, phrase).
    concept_starts: HashMap<String, Vec<(usize, usize)>>,
}

impl Vocabulary {
    /// The bundled lists, with a team's extra synonym groups.
    pub fn new(words: &InferenceWords, team: Option<&TeamThesaurus>) -> Vocabulary {
        let stems = |list: &[String]| -> HashSet<String> {
            list.iter().map(|w| stem(&normalise(w))).collect()
        };
        let phrases = |list: &[String]| -> Vec<Phrase> {
            list.iter()
                .map(|p| phrase_stems(p))
                .filter(|p| !p.is_empty())
                .collect()
        };
        let mut vocabulary = Vocabulary {
            stop: words.stop_words.iter().map(|w| normalise(w)).collect(),
            things: stems(&words.thing_nouns),
            noun_forms: words
                .thing_nouns
                .iter()
                .chain(&words.matter_nouns)
                .map(|w| normalise(w))
                .collect(),
            matters: stems(&words.matter_nouns),
            definite: words.definite.iter().map(|w| normalise(w)).collect(),
            possessive: words.possessive.iter().map(|w| normalise(w)).collect(),
            we_verbs: stems(&words.we_verbs),
            events: PhraseList::new(phrases(&words.events)),
            disclosure: stems(&words.disclosure_verbs),
            quantity: PhraseList::new(phrases(&words.quantity_phrases)),
            numbers: words.number_words.iter().map(|w| normalise(w)).collect(),
            dates: PhraseList::new(phrases(&words.date_words)),
            hedges: PhraseList::new(phrases(&words.hedges)),
            comma_bounded: phrases(&words.comma_bounded_hedges),
            after_hedges: PhraseList::new(phrases(&words.after_hedges)),
            pronouns: words.pronouns.iter().map(|w| normalise(w)).collect(),
            negations: PhraseList::new(phrases(&words.negations)),
            document_nouns: stems(&words.document_nouns),
            scope_giveaways: words.scope_giveaways.iter().map(|w| normalise(w)).collect(),
            decisive: stems(&words.decisive),
            titles: words.titles.iter().map(|w| normalise(w)).collect(),
            person_titles: words.person_titles.iter().map(|w| normalise(w)).collect(),
            named_person: phrases(&words.named_person),
            named_person_list: PhraseList::new(phrases(&words.named_person)),
            sensitive: phrases(&words.sensitive_events),
            sensitive_list: PhraseList::new(phrases(&words.sensitive_events)),
            criminal: stems(&words.criminal_events),
            security_bodies: phrases(&words.security_bodies),
            provisions: [
                words.ncnd_for_personal.clone(),
                words.ncnd_for_criminal.clone(),
                words.ncnd_for_security.clone(),
            ],
            ..Vocabulary::default()
        };
        let groups = words
            .thesaurus
            .iter()
            .chain(team.into_iter().flat_map(|t| t.groups.iter()));
        // A group that shares a phrase with an earlier one joins it: a team's
        // ["mi5", "box 500"] adds to the bundled ["mi5", "security service"].
        let mut concept_of: HashMap<Phrase, usize> = HashMap::new();
        for group in groups {
            let concept: Vec<Phrase> = phrases(group);
            if concept.is_empty() {
                continue;
            }
            let index = concept
                .iter()
                .find_map(|p| concept_of.get(p).copied())
                .unwrap_or_else(|| {
                    vocabulary.concepts.push(Vec::new());
                    vocabulary.concepts.len() - 1
                });
            for phrase in concept {
                if concept_of.contains_key(&phrase) {
                    continue;
                }
                concept_of.insert(phrase.clone(), index);
                vocabulary.concepts[index].push(phrase);
            }
        }
        for (index, concept) in vocabulary.concepts.iter().enumerate() {
            for (number, phrase) in concept.iter().enumerate() {
                vocabulary
                    .concept_starts
                    .entry(phrase[0].clone())
                    .or_default()
                    .push((index, number));
            }
        }
        vocabulary
    }

    /// The bundled lists alone.
    pub fn bundled() -> &'static Vocabulary {
        static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
        VOCABULARY.get_or_init(|| Vocabulary::new(bundled_words(), None))
    }

    fn is_generic(&self, stem: &str) -> bool {
        self.things.contains(stem) || self.matters.contains(stem)
    }

    /// True when a word is a kind noun as written, or its plural: "systems",
    /// but not "operating" for "operation".
    fn is_kind_noun(&self, word: &str) -> bool {
        self.noun_forms.contains(word)
            || word
                .strip_suffix('s')
                .is_some_and(|w| self.noun_forms.contains(w))
            || word
                .strip_suffix("ies")
                .is_some_and(|w| self.noun_forms.contains(&format!("{w}y")))
    }

    /// How many synonym groups the vocabulary holds.
    pub fn concept_count(&self) -> usize {
        self.concepts.len()
    }
}

/// Lightly stems a folded word: "catchers" → "catcher", "deployed" and
/// "deployment" → "deploy", "investigation" and "investigated" → "investigat".
pub fn stem(word: &str) -> String {
    let mut word = word.trim_matches('\'').to_string();
    if word.chars().any(|c| c.is_ascii_digit()) {
        return word;
    }
    // Inflections first ("deployments" → "deployment"), then derivations
    // ("deployment" → "deploy").
    const INFLECTIONS: &[(&str, &str)] = &[
        ("ly", ""),
        ("ings", ""),
        ("ing", ""),
        ("ies", "y"),
        ("ied", "y"),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ];
    const DERIVATIONS: &[(&str, &str)] = &[
        ("ations", "at"),
        ("ation", "at"),
        ("ions", ""),
        ("ion", ""),
        ("ments", ""),
        ("ment", ""),
    ];
    for (pass, suffixes) in [INFLECTIONS, DERIVATIONS].into_iter().enumerate() {
        for (suffix, replacement) in suffixes {
            let Some(base) = word.strip_suffix(suffix) else {
                continue;
            };
            if base.chars().count() < 3
                || (*suffix == "s" && (base.ends_with('s') || base.ends_with('u')))
                || (*suffix == "es" && !base.ends_with(['s', 'x', 'z', 'h', 'c']))
            {
                continue;
            }
            let mut base = format!("{base}{replacement}");
            // "stopped" → "stop", but "installed" stays "install".
            let mut tail = base.chars().rev();
            if pass == 0
                && matches!(*suffix, "ed" | "ing" | "ings")
                && let (Some(last), Some(previous)) = (tail.next(), tail.next())
                && last == previous
                && !matches!(last, 'l' | 's' | 'z' | 'f' | 'e')
                && !"aeiou".contains(last)
            {
                base.pop();
            }
            word = base;
            break;
        }
    }
    if word.chars().count() >= 4 && word.ends_with('e') && !word.ends_with("ee") {
        word.pop();
    }
    // "advice" and "advised", "licence" and "license": one stem.
    if word.chars().count() >= 5
        && let Some(base) = word.strip_suffix("ic")
    {
        word = format!("{base}is");
    }
    word
}

/// The folded, stemmed words of a phrase.
fn phrase_stems(text: &str) -> Phrase {
    tokens(text).into_iter().map(|t| stem(&t.word)).collect()
}

/// One word of a folded sentence.
#[derive(Debug, Clone)]
struct Token {
    /// The word as folded.
    word: String,
    /// Its stem.
    stem: String,
    /// The clause it is in (clauses end at ; : — and "but").
    clause: usize,
    /// The part of the clause it is in (commas end parts too).
    span: usize,
    /// It is a number ("14", "£12,000", "2019").
    number: bool,
    /// It was written with a capital letter.
    capital: bool,
}

/// The words of a text, folded as [`normalise`] folds (NFKC, invisible
/// characters dropped, curly quotes made plain, lower case), with their
/// clauses. Digits joined by commas or points are one number; "£" is a token
/// of its own; a possessive "'s" is dropped.
fn tokens(text: &str) -> Vec<Token> {
    use unicode_normalization::UnicodeNormalization;

    let fold = |c: char| match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
        other => other,
    };
    // ASCII is its own NFKC form and has no format characters.
    let chars: Vec<char> = if text.is_ascii() {
        text.chars()
            .filter(|c| !c.is_ascii_control() || c.is_ascii_whitespace())
            .map(fold)
            .collect()
    } else {
        text.nfkc()
            .filter(|c| !crate::core::text::is_invisible(*c))
            .map(|c| fold(crate::core::text::latin_lookalike(c)))
            .collect()
    };
    let mut out: Vec<Token> = Vec::new();
    let mut clause = 0;
    let mut word = String::new();
    let mut capital = false;
    let mut span = 0;
    let flush =
        |word: &mut String, capital: bool, out: &mut Vec<Token>, clause: usize, span: usize| {
            let mut text = std::mem::take(word);
            if let Some(base) = text.strip_suffix("'s") {
                text = base.to_string();
            }
            let text = text.trim_end_matches('\'').to_string();
            if text.is_empty() {
                return;
            }
            // "NP-FOI-2025-0093" is a reference, not a number.
            let reference = text.contains(['-', '/']);
            let number = !reference && text.starts_with(|c: char| c.is_ascii_digit());
            out.push(Token {
                stem: if number || reference {
                    text.clone()
                } else {
                    stem(&text)
                },
                word: text,
                clause,
                span,
                number,
                capital,
            });
        };
    for (i, &c) in chars.iter().enumerate() {
        let joins_number = matches!(c, ',' | '.')
            && word.chars().last().is_some_and(|l| l.is_ascii_digit())
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        // A hyphen or slash inside a run with digits joins a reference.
        let joins_reference = matches!(c, '-' | '/')
            && !word.is_empty()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())
            && (word.chars().any(|l| l.is_ascii_digit())
                || chars[i + 1..]
                    .iter()
                    .take_while(|n| n.is_alphanumeric())
                    .any(|n| n.is_ascii_digit()));
        if c.is_alphanumeric() || (c == '\'' && !word.is_empty()) || joins_number || joins_reference
        {
            if word.is_empty() {
                capital = c.is_uppercase();
            }
            word.extend(c.to_lowercase());
            continue;
        }
        flush(&mut word, capital, &mut out, clause, span);
        if matches!(c, '£' | '$' | '€' | '%') {
            out.push(Token {
                word: c.to_string(),
                stem: c.to_string(),
                clause,
                span,
                number: true,
                capital: false,
            });
        }
        if matches!(
            c,
            ';' | ':' | '.' | '!' | '?' | '\u{2013}' | '\u{2014}' | '(' | ')'
        ) {
            clause += 1;
            span += 1;
        } else if c == ',' {
            span += 1;
        }
    }
    flush(&mut word, capital, &mut out, clause, span);
    // "but" starts a new clause.
    let mut shift = 0;
    for token in &mut out {
        if token.word == "but" {
            shift += 1;
        }
        token.clause += shift;
        token.span += shift;
    }
    out
}

/// What ties a sentence to a subject: a stem, or a synonym group.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Key {
    Word(String),
    Concept(usize),
}

/// A folded sentence, its words and what they can tie to.
#[derive(Debug, Clone)]
struct Sentence {
    text: String,
    tokens: Vec<Token>,
    /// The key at each token, where a word or synonym group starts there.
    keys: Vec<(usize, usize, Key)>,
    /// Every key in the sentence.
    key_set: HashSet<Key>,
    /// Numbers, dates and events, whatever the subject (worked out once).
    fixed: std::cell::OnceCell<Vec<(Presupposition, usize, usize)>>,
    /// Statements of holding, whatever the subject (worked out once).
    holding: std::cell::OnceCell<Vec<(Presupposition, String)>>,
    /// It says "the person named" or the like.
    names_person: bool,
    /// It speaks of a sensitive event in a person's life.
    sensitive: bool,
}

impl Sentence {
    fn new(text: &str, vocabulary: &Vocabulary) -> Sentence {
        let tokens = tokens(text);
        let mut keys: Vec<(usize, usize, Key)> = Vec::new();
        let mut in_concept = vec![false; tokens.len()];
        for i in 0..tokens.len() {
            let Some(starts) = vocabulary.concept_starts.get(&tokens[i].stem) else {
                continue;
            };
            for &(concept, number) in starts {
                let phrase = &vocabulary.concepts[concept][number];
                let end = i + phrase.len();
                if end <= tokens.len()
                    && tokens[i..end]
                        .iter()
                        .zip(phrase)
                        .all(|(token, stem)| &token.stem == stem)
                {
                    keys.push((i, end, Key::Concept(concept)));
                    for flag in &mut in_concept[i..end] {
                        *flag = true;
                    }
                }
            }
        }
        for (i, token) in tokens.iter().enumerate() {
            if !in_concept[i] && !token.number && token.word.chars().count() > 2 {
                keys.push((i, i + 1, Key::Word(token.stem.clone())));
            }
        }
        let key_set = keys.iter().map(|(_, _, k)| k.clone()).collect();
        let mut sentence = Sentence {
            text: text.to_string(),
            tokens,
            keys,
            key_set,
            fixed: std::cell::OnceCell::new(),
            holding: std::cell::OnceCell::new(),
            names_person: false,
            sensitive: false,
        };
        let count = sentence.tokens.len();
        sentence.names_person =
            (0..count).any(|i| vocabulary.named_person_list.any_at(&sentence, i));
        sentence.sensitive = (0..count).any(|i| vocabulary.sensitive_list.any_at(&sentence, i));
        sentence
    }

    fn keys_at(&self, index: usize) -> impl Iterator<Item = &Key> {
        self.keys
            .iter()
            .filter(move |(start, end, _)| (*start..*end).contains(&index))
            .map(|(_, _, key)| key)
    }

    fn matches_at(&self, at: usize, phrase: &Phrase) -> bool {
        at + phrase.len() <= self.tokens.len()
            && self.tokens[at..at + phrase.len()]
                .iter()
                .zip(phrase)
                .all(|(token, stem)| &token.stem == stem || &token.word == stem)
    }

    /// True when a hedge comes before token `at` in its clause ("any" and
    /// "whatever" only up to a comma), or an after-hedge ("if any exist")
    /// follows it there.
    fn hedged(&self, at: usize, vocabulary: &Vocabulary) -> bool {
        let clause = self.tokens[at].clause;
        let span = self.tokens[at].span;
        // A hedge governs the words near it: looking no further than
        // `HEDGE_REACH` words keeps a long clause from costing its square.
        const HEDGE_REACH: usize = 30;
        let start = self.tokens[at.saturating_sub(HEDGE_REACH)..at]
            .iter()
            .rposition(|t| t.clause != clause)
            .map_or(at.saturating_sub(HEDGE_REACH), |p| {
                at.saturating_sub(HEDGE_REACH) + p + 1
            });
        let before = (start..at).any(|i| {
            vocabulary
                .hedges
                .matching_at(self, i)
                .into_iter()
                .any(|hedge| {
                    self.tokens[i].span == span || !vocabulary.comma_bounded.contains(hedge)
                })
        });
        before
            || (at + 1..self.tokens.len().min(at + 1 + HEDGE_REACH))
                .take_while(|&i| self.tokens[i].clause == clause)
                .any(|i| vocabulary.after_hedges.any_at(self, i))
    }
}

/// One thing a sentence must mention to speak of a subject: a word, a
/// synonym group, or a name (any of its distinctive words: "Pellow" for
/// "Councillor Graham Pellow").
type Term = Vec<Key>;

/// What an NCND question protects, as words to look for.
#[derive(Debug, Clone)]
struct Subject {
    question: u32,
    /// The scope's content words, synonym groups and names.
    terms: Vec<Term>,
    /// The question's own content words, when they are about no more than the scope.
    question_terms: Vec<Term>,
    /// Words such as "covert" that a sentence must share, when the scope has them.
    decisive: Vec<Term>,
    /// The kind nouns of the scope ("investigation" in "any investigation into …").
    nouns: HashSet<String>,
    /// When the subject is about a person: the names in the scope and the
    /// question ("Councillor Graham Pellow" by "Graham" or "Pellow"), which a
    /// sentence must hold (or "the person named") to speak of it.
    person: Option<Vec<Term>>,
}

impl Subject {
    fn new(question: &Question, view: &NcndView<'_>, vocabulary: &Vocabulary) -> Subject {
        let terms = content_terms(view.scope, vocabulary);
        // The question's wording names the subject only when it is about no
        // more than the scope: a question answered in part, or one whose
        // scope is narrower ("any covert use" of what the question asks
        // about), would otherwise tie every answer about the rest.
        let question_terms = content_terms(&question.text, vocabulary);
        let question_terms = if !view.partial && terms.iter().all(|t| question_terms.contains(t)) {
            question_terms
        } else {
            Vec::new()
        };
        let decisive = terms
            .iter()
            .filter(|t| {
                t.iter()
                    .any(|k| matches!(k, Key::Word(w) if vocabulary.decisive.contains(w)))
            })
            .cloned()
            .collect();
        let nouns = tokens(view.scope)
            .into_iter()
            .filter(|t| vocabulary.is_kind_noun(&t.word))
            .map(|t| t.stem)
            .collect();
        let scope_names = person_names(view.scope, vocabulary);
        let points_at_person =
            !scope_names.is_empty() || Sentence::new(view.scope, vocabulary).names_person;
        let person = points_at_person.then(|| {
            let mut names = scope_names;
            for name in person_names(&question.text, vocabulary) {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            names
        });
        // The name is asked for separately, and "the person named" points at
        // it; the other terms say what about them.
        let pointing: HashSet<&String> = vocabulary.named_person.iter().flatten().collect();
        let about_them = |t: &Term, names: &[Term]| {
            !names.contains(t)
                && !t
                    .iter()
                    .all(|k| matches!(k, Key::Word(w) if pointing.contains(w)))
        };
        let (terms, question_terms) = match &person {
            Some(names) => (
                terms.into_iter().filter(|t| about_them(t, names)).collect(),
                question_terms
                    .into_iter()
                    .filter(|t| about_them(t, names))
                    .collect(),
            ),
            None => (terms, question_terms),
        };
        Subject {
            question: question.number,
            terms,
            question_terms,
            decisive,
            nouns,
            person,
        }
    }

    /// The keys of the subject found in a sentence, when there are enough of
    /// them to say it speaks of the subject: all of a short scope (four terms
    /// or fewer), or three quarters of a longer one, and always the decisive
    /// words ("covert" makes the difference between an overt answer and the
    /// covert subject). The question's own wording counts the same way.
    fn ties<'s>(&self, sentence: &'s Sentence) -> Option<Vec<&'s Key>> {
        self.ties_with(sentence, false)
    }

    /// As [`Subject::ties`]; `loose` (for the NCND question's own reasoning,
    /// which is about the subject by construction) asks three quarters of any
    /// scope, so "the covert cameras" in reasoning about "any covert ANPR
    /// cameras" refers to them.
    fn ties_with<'s>(&self, sentence: &'s Sentence, loose: bool) -> Option<Vec<&'s Key>> {
        let decisive = self
            .decisive
            .iter()
            .all(|term| term.iter().any(|k| sentence.key_set.contains(k)));
        if !decisive {
            return None;
        }
        if let Some(names) = &self.person {
            return self.ties_person(names, sentence, loose);
        }
        for terms in [&self.terms, &self.question_terms] {
            if terms.is_empty() {
                continue;
            }
            let found: Vec<&Key> = terms
                .iter()
                .filter_map(|term| term.iter().find_map(|k| sentence.key_set.get(k)))
                .collect();
            let enough = found.len() >= Subject::needed(terms.len(), loose);
            if enough {
                return Some(found);
            }
        }
        None
    }

    /// A subject about a person: the sentence names them (or says "the
    /// person named"), and says what about them: the scope's other words, or
    /// a sensitive event (a complaint, a charge, a warning) when the scope
    /// has no other words. In the subject's own reasoning the person alone is
    /// enough.
    fn ties_person<'s>(
        &self,
        names: &[Term],
        sentence: &'s Sentence,
        loose: bool,
    ) -> Option<Vec<&'s Key>> {
        let mut found: Vec<&Key> = names
            .iter()
            .filter_map(|term| term.iter().find_map(|k| sentence.key_set.get(k)))
            .collect();
        if found.is_empty() && !sentence.names_person {
            return None;
        }
        if loose {
            return Some(found);
        }
        let others: Vec<&Key> = self
            .terms
            .iter()
            .filter_map(|term| term.iter().find_map(|k| sentence.key_set.get(k)))
            .collect();
        let enough = if self.terms.is_empty() {
            sentence.sensitive
        } else {
            others.len() >= Subject::needed(self.terms.len(), false)
        };
        if !enough {
            return None;
        }
        found.extend(others);
        Some(found)
    }

    /// How many of `terms` terms a sentence must hold to be tied: all of a
    /// short scope (four terms or fewer), three quarters of a longer one, or
    /// (`loose`) three quarters of any; always at least one.
    fn needed(terms: usize, loose: bool) -> usize {
        if terms <= 4 && !loose {
            terms.max(1)
        } else {
            (terms * 3).div_ceil(4).max(1)
        }
    }

    fn is_term(&self, key: &Key) -> bool {
        self.terms
            .iter()
            .chain(&self.question_terms)
            .any(|term| term.contains(key))
    }
}

/// The names of people in a text, by their distinctive words: a run of
/// capitalised words after a person's title ("Councillor Graham Pellow",
/// "PC Dawson"), or two or three capitalised words that are not a title and
/// do not follow "the" ("Sarah Dawson").
fn person_names(text: &str, vocabulary: &Vocabulary) -> Vec<Term> {
    let tokens = tokens(text);
    let mut names: Vec<Term> = Vec::new();
    let distinctive = |t: &Token| {
        t.capital
            && !t.number
            && !vocabulary.titles.contains(&t.word)
            && !vocabulary.stop.contains(&t.word)
            && t.word.chars().count() > 1
    };
    let mut i = 0;
    while i < tokens.len() {
        let titled = vocabulary.person_titles.contains(&tokens[i].word) && tokens[i].capital;
        let start = if titled { i + 1 } else { i };
        let mut end = start;
        while end < tokens.len()
            && distinctive(&tokens[end])
            && tokens[end].clause == tokens[i].clause
        {
            end += 1;
        }
        let run = end - start;
        let after_the = start > 0 && tokens[start - 1].word == "the";
        let sentence_start = start == 0 || tokens[start - 1].clause != tokens[start].clause;
        let is_name = (titled && run >= 1)
            || (!titled && (2..=3).contains(&run) && !after_the && !sentence_start);
        if is_name {
            let term: Term = (start..end)
                .map(|j| Key::Word(tokens[j].stem.clone()))
                .collect();
            if !names.contains(&term) {
                names.push(term);
            }
            i = end;
        } else {
            i += 1;
        }
    }
    names
}

/// The content terms of a text: synonym groups; names written with capitals
/// (by their distinctive words); then the remaining words that are neither
/// stop words nor kind nouns.
fn content_terms(text: &str, vocabulary: &Vocabulary) -> Vec<Term> {
    let sentence = Sentence::new(text, vocabulary);
    let tokens = &sentence.tokens;
    let mut terms: Vec<Term> = Vec::new();
    let mut covered = vec![false; tokens.len()];
    let mut seen: HashSet<Term> = HashSet::new();
    let mut push = |term: Term, terms: &mut Vec<Term>| {
        if !term.is_empty() && seen.insert(term.clone()) {
            terms.push(term);
        }
    };
    for (start, end, key) in &sentence.keys {
        if let Key::Concept(_) = key {
            for flag in &mut covered[*start..*end] {
                *flag = true;
            }
            let generic = end - start == 1 && vocabulary.is_generic(&tokens[*start].stem);
            if !generic {
                push(vec![key.clone()], &mut terms);
            }
        }
    }
    let content = |i: usize| {
        let token = &tokens[i];
        !token.number
            && token.word.chars().count() > 2
            && !vocabulary.stop.contains(&token.word)
            && !vocabulary.stop.contains(&token.stem)
            && !vocabulary.is_generic(&token.stem)
    };
    let mut i = 0;
    while i < tokens.len() {
        if covered[i] {
            i += 1;
            continue;
        }
        // A run of capitalised words (after the first word) is a name.
        if tokens[i].capital && i > 0 {
            let mut end = i;
            while end < tokens.len() && tokens[end].capital && !covered[end] {
                end += 1;
            }
            let name: Term = (i..end)
                .filter(|&j| content(j) && !vocabulary.titles.contains(&tokens[j].word))
                .map(|j| Key::Word(tokens[j].stem.clone()))
                .collect();
            push(name, &mut terms);
            i = end;
            continue;
        }
        if content(i) {
            push(vec![Key::Word(tokens[i].stem.clone())], &mut terms);
        }
        i += 1;
    }
    terms
}

/// How a sentence presupposes the subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presupposition {
    /// "our …", "we operate …".
    Ours,
    /// "the IMSI equipment": spoken of as something that exists.
    Definite,
    /// A number for it.
    Quantity,
    /// A date for it.
    Date,
    /// It happened, began or ended.
    Event,
    /// Releasing it, as if it were held.
    Disclosure,
    /// A statement that it is held.
    Holding,
    /// A statement that it is not held.
    NotHolding,
}

impl Presupposition {
    /// What a requester would take from it.
    pub fn inference(self) -> &'static str {
        match self {
            Presupposition::Ours => "it says the thing is ours or that we use it",
            Presupposition::Definite => "it speaks of the thing as one that exists",
            Presupposition::Quantity => {
                "it gives a number for it, which only something that exists can have"
            }
            Presupposition::Date => "it dates it",
            Presupposition::Event => "it says something happened to it or because of it",
            Presupposition::Disclosure => "it speaks of releasing it, as if we held it",
            Presupposition::Holding => "it says we hold it",
            Presupposition::NotHolding => "it says we do not hold it, or that it does not exist",
        }
    }
}

/// One sentence that tells the requester what an NCND answer protects.
#[derive(Debug, Clone, PartialEq)]
pub struct Inference {
    /// The NCND question whose subject it gives away.
    pub ncnd_question: u32,
    /// Where the sentence is.
    pub place: Place,
    /// The sentence as written.
    pub sentence: String,
    /// The words that tie it to the subject.
    pub ties: Vec<String>,
    /// The words that presuppose, and how.
    pub because: Vec<(Presupposition, String)>,
    /// True when it is in the NCND question's own reasoning.
    pub own: bool,
}

impl Inference {
    /// One line for the caseworker and the trainer: the sentence, what ties
    /// it to the subject, and what a requester would infer.
    pub fn message(&self, scope: &str) -> String {
        let ties = if self.ties.is_empty() {
            String::new()
        } else {
            format!(" (\"{}\")", self.ties.join("\", \""))
        };
        let because: Vec<String> = self
            .because
            .iter()
            .map(|(kind, words)| format!("\"{words}\": {}", kind.inference()))
            .collect();
        let denies =
            self.because
                .iter()
                .any(|(kind, _)| *kind == Presupposition::NotHolding)
                && !self.because.iter().any(|(kind, _)| {
                    matches!(kind, Presupposition::Ours | Presupposition::Holding)
                });
        let inference = if denies {
            "that it does not exist or is not held"
        } else {
            "that it exists"
        };
        let whose = if self.own {
            format!("Q{}'s own reasoning", self.ncnd_question)
        } else {
            "this sentence".to_string()
        };
        format!(
            "\"{}\" in {whose} speaks of what Q{} neither confirms nor denies ({}){ties}, and {}; a requester would infer {inference}",
            ellipsis(&self.sentence, 90),
            self.ncnd_question,
            ellipsis(scope, 50),
            because.join("; "),
        )
    }
}

/// A caseworker-written text the requester receives, and where it is.
struct Written<'a> {
    question: u32,
    place: Place,
    text: &'a str,
    /// Part of the question's NCND reasoning (its own for that subject).
    ncnd: bool,
}

fn claim_texts<'a>(claim: &'a Claim, mut push: impl FnMut(&'a str)) {
    if let Some(harm) = &claim.harm {
        push(harm);
    }
    if let Some(pit) = &claim.public_interest {
        for factor in pit
            .favouring_disclosure
            .iter()
            .chain(&pit.favouring_exemption)
        {
            push(factor);
        }
        push(&pit.conclusion);
    }
    if let Some(test) = &claim.legitimate_interests {
        push(&test.interest);
        push(&test.necessity);
        push(&test.balance);
    }
}

/// Every caseworker-written text of a case that goes into the letter.
fn written(case: &Case) -> Vec<Written<'_>> {
    let mut out: Vec<Written<'_>> = Vec::new();
    // The letter's title.
    out.push(Written {
        question: 0,
        place: Place::Case,
        text: &case.subject,
        ncnd: false,
    });
    for question in &case.questions {
        let number = question.number;
        let place = Place::Question(number);
        // The names of what is enclosed, listed at the end of the letter.
        for enclosure in &question.enclosures {
            out.push(Written {
                question: number,
                place,
                text: enclosure,
                ncnd: false,
            });
        }
        let full_ncnd = matches!(question.decision, Decision::Ncnd { .. });
        match &question.decision {
            Decision::Disclose { answer } | Decision::PartDisclose { answer, .. } => {
                out.push(Written {
                    question: number,
                    place,
                    text: answer,
                    ncnd: false,
                });
            }
            Decision::NotHeld { explanation, .. } => out.push(Written {
                question: number,
                place,
                text: explanation,
                ncnd: false,
            }),
            _ => {}
        }
        if let Some(advice) = question.decision.advice() {
            out.push(Written {
                question: number,
                place,
                text: advice,
                ncnd: full_ncnd,
            });
        }
        let decision_claims = question.withholding_claims().len();
        for (index, claim) in question.all_claims().enumerate() {
            let ncnd = full_ncnd || index >= decision_claims;
            claim_texts(claim, |text| {
                out.push(Written {
                    question: number,
                    place: Place::Claim(number, index),
                    text,
                    ncnd,
                });
            });
        }
    }
    out.retain(|w| !w.text.trim().is_empty());
    out
}

/// Drops the acknowledgements whose sentence is no longer in the case (it was
/// rewritten or removed); returns how many were dropped.
pub fn drop_stale_acknowledgements(case: &mut Case) -> usize {
    let sentences: HashSet<String> = written(case)
        .iter()
        .flat_map(|w| split_sentences(w.text))
        .map(|s| normalise(&s))
        .collect();
    let before = case.acknowledged.len();
    case.acknowledged
        .retain(|a| sentences.contains(&normalise(&a.sentence)));
    before - case.acknowledged.len()
}

/// Every sentence a caseworker wrote that tells the requester what an NCND
/// answer protects, in the order of the case.
pub fn what_the_requester_learns(case: &Case, vocabulary: &Vocabulary) -> Vec<Inference> {
    if case.whole_request.is_some() {
        return Vec::new();
    }
    let subjects: Vec<Subject> = case
        .questions
        .iter()
        .filter_map(|q| q.ncnd().map(|view| Subject::new(q, &view, vocabulary)))
        .collect();
    if subjects.is_empty() {
        return Vec::new();
    }
    // Each distinct sentence is read once (a library paragraph used under
    // several questions is the same sentence); a subject looks only at the
    // sentences that share one of its rarest keys.
    let texts = written(case);
    let mut distinct: Vec<Sentence> = Vec::new();
    let mut by_text: HashMap<String, usize> = HashMap::new();
    // Where each distinct sentence occurs: (text index, own NCND reasoning).
    let mut occurrences: Vec<Vec<usize>> = Vec::new();
    for (index, text) in texts.iter().enumerate() {
        for sentence in split_sentences(text.text) {
            let id = match by_text.get(&sentence) {
                Some(&id) => id,
                None => {
                    let id = distinct.len();
                    distinct.push(Sentence::new(&sentence, vocabulary));
                    occurrences.push(Vec::new());
                    by_text.insert(sentence, id);
                    id
                }
            };
            occurrences[id].push(index);
        }
    }
    let mut own: HashMap<u32, Vec<usize>> = HashMap::new();
    for (id, places) in occurrences.iter().enumerate() {
        for &index in places {
            let text = &texts[index];
            if text.ncnd {
                own.entry(text.question).or_default().push(id);
            }
        }
    }
    let mut postings: HashMap<&Key, Vec<usize>> = HashMap::new();
    for (id, sentence) in distinct.iter().enumerate() {
        for key in &sentence.key_set {
            postings.entry(key).or_default().push(id);
        }
    }
    let posting = |key: &Key| postings.get(key).map_or(&[][..], Vec::as_slice);
    let naming_a_person: Vec<usize> = (0..distinct.len())
        .filter(|&id| distinct[id].names_person)
        .collect();
    let mut found: Vec<Inference> = Vec::new();
    for subject in &subjects {
        let mut candidates: Vec<usize> = Vec::new();
        for terms in [&subject.terms, &subject.question_terms] {
            // A tie needs `needed` of the terms, so a tied sentence holds
            // at least one of the `terms - needed + 1` rarest.
            let mut by_rarity: Vec<(usize, &Term)> = terms
                .iter()
                .map(|term| (term.iter().map(|k| posting(k).len()).sum::<usize>(), term))
                .collect();
            by_rarity.sort_by_key(|(count, _)| *count);
            let spare = terms
                .len()
                .saturating_sub(Subject::needed(terms.len(), false));
            for (_, term) in by_rarity.iter().take(spare + 1) {
                candidates.extend(term.iter().flat_map(|k| posting(k).iter().copied()));
            }
        }
        // A subject about a person is found by the person.
        if let Some(names) = &subject.person {
            candidates.clear();
            for term in names {
                candidates.extend(term.iter().flat_map(|k| posting(k).iter().copied()));
            }
            candidates.extend(naming_a_person.iter().copied());
        }
        // The NCND question's own reasoning is read whatever it shares.
        if let Some(ids) = own.get(&subject.question) {
            candidates.extend(ids);
        }
        candidates.sort_unstable();
        candidates.dedup();
        for id in candidates {
            let sentence = &distinct[id];
            // Read once as another part of the letter, once as own reasoning.
            let mut as_other: Option<Option<Inference>> = None;
            let mut as_own: Option<Option<Inference>> = None;
            for &index in &occurrences[id] {
                let text = &texts[index];
                let is_own = text.ncnd && text.question == subject.question;
                let slot = if is_own { &mut as_own } else { &mut as_other };
                let reading =
                    slot.get_or_insert_with(|| read(subject, sentence, text, is_own, vocabulary));
                if let Some(inference) = reading {
                    let mut inference = inference.clone();
                    inference.place = text.place;
                    found.push(inference);
                }
            }
        }
    }
    found.sort_by_key(|f| (f.place.sort_key(), f.ncnd_question));
    found
}

/// Reads one sentence against one subject.
fn read(
    subject: &Subject,
    sentence: &Sentence,
    text: &Written<'_>,
    own: bool,
    vocabulary: &Vocabulary,
) -> Option<Inference> {
    let mut because: Vec<(Presupposition, String)> = Vec::new();
    let mut tie_words: Vec<String> = Vec::new();
    let holding = || {
        sentence.holding.get_or_init(|| {
            giveaways(&sentence.text)
                .into_iter()
                .map(|hit| {
                    let kind = match hit.giveaway {
                        Giveaway::Confirms => Presupposition::Holding,
                        Giveaway::Denies => Presupposition::NotHolding,
                    };
                    (kind, hit.phrase)
                })
                .collect()
        })
    };
    if own {
        // Statements of holding need no tie: the reasoning is about the subject.
        because.extend(holding().iter().cloned());
        // Otherwise a clause must refer to the subject and presuppose it.
        let references = references(subject, sentence, vocabulary);
        let found = presuppositions(subject, sentence, vocabulary, Some(&references));
        if !found.is_empty() {
            let clauses: HashSet<usize> = found
                .iter()
                .map(|(_, at, _)| sentence.tokens[*at].clause)
                .collect();
            for (start, end) in &references {
                if clauses.contains(&sentence.tokens[*start].clause) {
                    tie_words.push(words(sentence, *start, *end));
                }
            }
        }
        because.extend(found.into_iter().map(|(kind, _, words)| (kind, words)));
    } else if let Some(keys) = subject.ties(sentence) {
        // "The force holds no information about covert facial recognition."
        let mut found = presuppositions(subject, sentence, vocabulary, None);
        found.extend(
            holding()
                .iter()
                .map(|(kind, words)| (*kind, 0, words.clone())),
        );
        if !found.is_empty() {
            for key in keys {
                if let Some(word) = surface(sentence, key) {
                    tie_words.push(word);
                }
            }
        }
        because.extend(found.into_iter().map(|(kind, _, words)| (kind, words)));
    }
    if because.is_empty() {
        return None;
    }
    let mut seen: HashSet<String> = HashSet::new();
    because.retain(|(_, words)| seen.insert(words.clone()));
    let mut seen: HashSet<String> = HashSet::new();
    tie_words.retain(|w| seen.insert(w.clone()));
    Some(Inference {
        ncnd_question: subject.question,
        place: text.place,
        sentence: sentence.text.clone(),
        ties: tie_words,
        because,
        own,
    })
}

/// The words of a sentence where a key is found.
fn surface(sentence: &Sentence, key: &Key) -> Option<String> {
    sentence
        .keys
        .iter()
        .find(|(_, _, k)| k == key)
        .map(|(start, end, _)| words(sentence, *start, *end))
}

fn words(sentence: &Sentence, start: usize, end: usize) -> String {
    sentence.tokens[start..end.min(sentence.tokens.len())]
        .iter()
        .map(|t| t.word.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where a sentence in an NCND question's own reasoning refers to its
/// subject: the scope's own words and synonyms, or a definite reference back
/// to it ("this equipment", "the investigation").
fn references(
    subject: &Subject,
    sentence: &Sentence,
    vocabulary: &Vocabulary,
) -> Vec<(usize, usize)> {
    let tokens = &sentence.tokens;
    // The scope's words count when there are enough of them to name the
    // subject: "the barrier" alone does not refer to "any assessment of the
    // barrier's control systems".
    let mut found: Vec<(usize, usize)> = Vec::new();
    if subject.ties_with(sentence, true).is_some() {
        found.extend(
            sentence
                .keys
                .iter()
                .filter(|(_, _, key)| subject.is_term(key))
                .map(|(start, end, _)| (*start, *end)),
        );
    }
    for (i, token) in tokens.iter().enumerate() {
        // "Since it was bought …": a pronoun in the reasoning about the
        // subject refers back to it.
        if vocabulary.pronouns.contains(&token.word) {
            // "it was bought", but not "it cannot be stopped" or "it would be used".
            let modal = |j: usize| {
                matches!(
                    tokens[j].word.as_str(),
                    "can"
                        | "cannot"
                        | "could"
                        | "would"
                        | "will"
                        | "might"
                        | "may"
                        | "should"
                        | "not"
                )
            };
            let event_follows = fixed_triggers(sentence, vocabulary)
                .iter()
                .any(|(kind, at, _)| {
                    matches!(kind, Presupposition::Event | Presupposition::Date)
                        && (i + 1..=i + 3).contains(at)
                        && tokens[*at].clause == token.clause
                        && !(i + 1..*at).any(modal)
                });
            if event_follows {
                found.push((i, i + 1));
            }
            continue;
        }
        if !vocabulary.definite.contains(&token.word) {
            continue;
        }
        let noun = (i + 1..(i + 3).min(tokens.len()))
            .take_while(|&j| tokens[j].clause == token.clause)
            .find(|&j| vocabulary.is_kind_noun(&tokens[j].word));
        if let Some(j) = noun {
            found.push((i, j + 1));
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// Citation words before a number: "section 31", "question 5", "Act 2018".
const CITATION_WORDS: &[&str] = &[
    "section",
    "sections",
    "s",
    "ss",
    "regulation",
    "regulations",
    "reg",
    "regs",
    "article",
    "articles",
    "schedule",
    "part",
    "paragraph",
    "question",
    "questions",
    "chapter",
    "act",
    "rule",
    "order",
    "page",
    "pages",
    "annex",
    "appendix",
    "item",
    "no",
    "number",
    "version",
    "reference",
    "ref",
    "to",
    "and",
    "or",
];

/// The presuppositions of a sentence, each with the token it starts at.
/// With `references` (the NCND question's own reasoning), only those in a
/// clause that refers to the subject count; without, the sentence has been
/// tied to the subject as a whole.
fn presuppositions(
    subject: &Subject,
    sentence: &Sentence,
    vocabulary: &Vocabulary,
    references: Option<&[(usize, usize)]>,
) -> Vec<(Presupposition, usize, String)> {
    let tokens = &sentence.tokens;
    let mut out: Vec<(Presupposition, usize, String)> = Vec::new();
    let clause_refers = |clause: usize| {
        references.is_none_or(|refs| {
            refs.iter()
                .any(|(start, _)| tokens[*start].clause == clause)
        })
    };
    let referred_at = |index: usize| -> bool {
        match references {
            Some(refs) => refs
                .iter()
                .any(|(start, end)| (*start..*end).contains(&index)),
            None => {
                sentence.keys_at(index).any(|k| subject.is_term(k))
                    || vocabulary.is_generic(&tokens[index].stem)
            }
        }
    };
    // A word of the scope itself ("purchase" in "any purchase of …") describes
    // the subject; it does not presuppose it.
    let describes = |at: usize| sentence.keys_at(at).any(|k| subject.is_term(k));
    let add = |at: usize, end: usize, kind: Presupposition, out: &mut Vec<_>| {
        if clause_refers(tokens[at].clause) && !sentence.hedged(at, vocabulary) && !describes(at) {
            out.push((kind, at, words(sentence, at, end)));
        }
    };
    for (i, token) in tokens.iter().enumerate() {
        let window = |width: usize| {
            (i + 1..(i + 1 + width).min(tokens.len()))
                .take_while(move |&j| tokens[j].clause == token.clause)
        };
        // "our IMSI equipment", "our deployments of this equipment".
        if vocabulary.possessive.contains(&token.word)
            && let Some(end) = window(4).find(|&j| referred_at(j))
        {
            add(i, end + 1, Presupposition::Ours, &mut out);
        }
        // "we operate", "we no longer use".
        if token.word == "we"
            && let Some(j) = window(3).find(|&j| vocabulary.we_verbs.contains(&tokens[j].stem))
        {
            let weak = matches!(
                tokens[j].word.as_str(),
                "have" | "has" | "had" | "hold" | "held" | "use" | "used" | "record" | "recorded"
            );
            let object = (j + 1..(j + 6).min(tokens.len()))
                .take_while(|&k| tokens[k].clause == token.clause)
                .any(|k| referred_at(k) || tokens[k].number);
            // "we do not hold", "we have never used": a denial.
            let denied = (i + 1..(j + 3).min(tokens.len()))
                .take_while(|&k| tokens[k].clause == token.clause)
                .any(|k| vocabulary.negations.any_at(sentence, k));
            if denied {
                let end = (j + 3).min(tokens.len());
                add(i, end, Presupposition::NotHolding, &mut out);
            } else if !weak || object {
                add(i, j + 1, Presupposition::Ours, &mut out);
            }
        }
        // "the IMSI equipment", "the supplier of the drones": in another
        // answer, a definite reference to the subject presumes it exists; in
        // the NCND question's own reasoning, "the investigation" does when
        // the scope is about "any investigation" (but "the Police
        // Investigations and Review Commissioner", a name, does not).
        if vocabulary.definite.contains(&token.word) {
            let definite = window(2).find(|&j| match references {
                None => sentence.keys_at(j).any(|k| subject.is_term(k)),
                Some(_) => {
                    subject.nouns.contains(&tokens[j].stem)
                        && vocabulary.matters.contains(&tokens[j].stem)
                        && vocabulary.is_kind_noun(&tokens[j].word)
                        && !tokens[j].capital
                }
            });
            if let Some(end) = definite {
                add(i, end + 1, Presupposition::Definite, &mut out);
            }
        }
        // "releasing the records", "disclosing our tactics".
        if vocabulary.disclosure.contains(&token.stem)
            && let Some(next) = tokens.get(i + 1)
            && (vocabulary.definite.contains(&next.word)
                || vocabulary.possessive.contains(&next.word))
            && (i + 2..(i + 4).min(tokens.len())).any(&referred_at)
        {
            add(i, i + 3, Presupposition::Disclosure, &mut out);
        }
    }
    for &(kind, at, end) in fixed_triggers(sentence, vocabulary) {
        if clause_refers(tokens[at].clause) && !describes(at) {
            out.push((kind, at, words(sentence, at, end)));
        }
    }
    let mut seen: HashSet<String> = HashSet::new();
    out.retain(|(_, _, words)| seen.insert(words.clone()));
    out
}

/// The numbers, dates and events of a sentence that no hypothetical wording
/// governs, whatever the subject: worked out once per sentence.
fn fixed_triggers<'s>(
    sentence: &'s Sentence,
    vocabulary: &Vocabulary,
) -> &'s [(Presupposition, usize, usize)] {
    sentence.fixed.get_or_init(|| {
        let tokens = &sentence.tokens;
        let mut out: Vec<(Presupposition, usize, usize)> = Vec::new();
        let add = |at: usize, end: usize, kind: Presupposition, out: &mut Vec<_>| {
            if !sentence.hedged(at, vocabulary) {
                out.push((kind, at, end.min(tokens.len())));
            }
        };
        for (i, token) in tokens.iter().enumerate() {
            // Numbers, but not the numbers of citations.
            if token.number {
                let year = token.word.len() == 4
                    && (token.word.starts_with("19") || token.word.starts_with("20"));
                let cited = (i > 0 && CITATION_WORDS.contains(&tokens[i - 1].word.as_str()))
                    || (i > 1
                        && tokens[i - 1].number
                        && CITATION_WORDS.contains(&tokens[i - 2].word.as_str()));
                let month_follows = tokens.get(i + 1).is_some_and(|next| {
                    vocabulary
                        .dates
                        .matching_at(sentence, i + 1)
                        .iter()
                        .any(|p| p.len() == 1 && p[0] == next.stem)
                });
                // "the annual report for 2024", "our 2024 strategy".
                let document = [i.checked_sub(1), i.checked_sub(2), Some(i + 1)]
                    .into_iter()
                    .flatten()
                    .filter_map(|j| tokens.get(j))
                    .any(|t| vocabulary.document_nouns.contains(&t.stem));
                // "4 March 2026": the day is part of the date.
                let day = !year && month_follows && token.word.len() <= 2;
                if !cited && !day && !document {
                    let kind = if year {
                        Presupposition::Date
                    } else {
                        Presupposition::Quantity
                    };
                    let end = if token.word == "£" { i + 2 } else { i + 1 };
                    add(i, end, kind, &mut out);
                }
            } else if vocabulary.numbers.contains(&token.word) {
                add(i, i + 2, Presupposition::Quantity, &mut out);
            }
            for phrase in vocabulary.quantity.matching_at(sentence, i) {
                add(i, i + phrase.len() + 1, Presupposition::Quantity, &mut out);
            }
            for phrase in vocabulary.dates.matching_at(sentence, i) {
                add(i, i + phrase.len(), Presupposition::Date, &mut out);
            }
            for phrase in vocabulary.events.matching_at(sentence, i) {
                let kind = if matches!(phrase.first().map(String::as_str), Some("never" | "no")) {
                    Presupposition::NotHolding
                } else {
                    Presupposition::Event
                };
                add(i, i + phrase.len(), kind, &mut out);
            }
        }
        out
    })
}

/// A refusal whose own wording confirms that the information exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmingRefusal {
    /// The question refused.
    pub question: u32,
    /// What it names ("PC Example", "MI5").
    pub names: String,
    /// The sensitive event, when it is about a person.
    pub event: Option<String>,
    /// The NCND provision that would answer without confirming.
    pub provision: String,
}

impl ConfirmingRefusal {
    /// One line for the caseworker.
    pub fn message(&self) -> String {
        match &self.event {
            Some(event) => format!(
                "withholding information about {event} concerning {} tells the world that such information exists; consider neither confirming nor denying under {}",
                self.names, self.provision
            ),
            None => format!(
                "withholding information about the part of {} tells the world that a security body was involved; consider neither confirming nor denying under {}",
                self.names, self.provision
            ),
        }
    }
}

/// Withheld answers whose question or reasons name a person and a sensitive
/// event (a complaint, an arrest, their health) or a security body: the
/// refusal itself confirms the information exists.
pub fn refusals_that_confirm(case: &Case, vocabulary: &Vocabulary) -> Vec<ConfirmingRefusal> {
    let mut out = Vec::new();
    for question in &case.questions {
        let (answer, claims) = match &question.decision {
            Decision::Withhold { claims, .. } => ("", claims),
            Decision::PartDisclose { answer, claims, .. } => (answer.as_str(), claims),
            _ => continue,
        };
        let mut text = question.text.clone();
        for part in std::iter::once(answer).chain(claims.iter().filter_map(|c| c.harm.as_deref())) {
            text.push_str(". ");
            text.push_str(part);
        }
        let sentence = Sentence::new(&text, vocabulary);
        let tokens = &sentence.tokens;
        let find = |list: &[Phrase]| {
            (0..tokens.len()).find_map(|i| {
                list.iter()
                    .find(|p| sentence.matches_at(i, p))
                    .map(|p| (i, original_words(&text, &sentence, i, i + p.len())))
            })
        };
        // A security body named in the reasons or the question.
        let security = find(&vocabulary.security_bodies).or_else(|| {
            sentence
                .keys
                .iter()
                .find_map(|(start, end, key)| match key {
                    Key::Concept(c)
                        if vocabulary.concepts[*c]
                            .iter()
                            .any(|p| vocabulary.security_bodies.contains(p)) =>
                    {
                        Some((*start, original_words(&text, &sentence, *start, *end)))
                    }
                    _ => None,
                })
        });
        if let Some((_, body)) = security {
            out.push(ConfirmingRefusal {
                question: question.number,
                names: body,
                event: None,
                provision: vocabulary.provisions[2].get(case.regime).to_string(),
            });
            continue;
        }
        // A person: a title and a capitalised name, or "the named officer".
        let person = (0..tokens.len().saturating_sub(1))
            .find(|&i| {
                vocabulary.person_titles.contains(&tokens[i].word)
                    && tokens[i + 1].capital
                    && !vocabulary.stop.contains(&tokens[i + 1].word)
            })
            .map(|i| {
                let mut end = i + 1;
                while end < tokens.len() && tokens[end].capital {
                    end += 1;
                }
                original_words(&text, &sentence, i, end)
            })
            .or_else(|| find(&vocabulary.named_person).map(|(_, w)| format!("the {w}")));
        let Some(person) = person else {
            continue;
        };
        let Some((at, event)) = find(&vocabulary.sensitive) else {
            continue;
        };
        let criminal = vocabulary.criminal.contains(&tokens[at].stem);
        let provision = vocabulary.provisions[usize::from(criminal)].get(case.regime);
        out.push(ConfirmingRefusal {
            question: question.number,
            names: person,
            event: Some(event),
            provision: provision.to_string(),
        });
    }
    out
}

/// The words of a name as written ("PC Example"), from the folded tokens.
fn original_words(text: &str, sentence: &Sentence, start: usize, end: usize) -> String {
    let wanted: Vec<&str> = sentence.tokens[start..end]
        .iter()
        .map(|t| t.word.as_str())
        .collect();
    let written: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    written
        .windows(wanted.len())
        .find(|w| {
            w.iter()
                .zip(&wanted)
                .all(|(a, b)| a.to_lowercase().trim_end_matches("'s") == *b)
        })
        .map_or_else(|| wanted.join(" "), |w| w.join(" "))
}

/// True when `text` mentions every one of `phrases`, each by its content
/// words, names or synonyms ("the Security Service" for "MI5").
pub fn mentions_all(text: &str, phrases: &[String], vocabulary: &Vocabulary) -> bool {
    let sentence = Sentence::new(text, vocabulary);
    phrases.iter().all(|phrase| {
        let terms = content_terms(phrase, vocabulary);
        !terms.is_empty()
            && terms
                .iter()
                .all(|term| term.iter().any(|k| sentence.key_set.contains(k)))
    })
}

/// True when a text names a security body.
pub fn names_security_body(text: &str, vocabulary: &Vocabulary) -> bool {
    let sentence = Sentence::new(text, vocabulary);
    (0..sentence.tokens.len()).any(|i| {
        vocabulary
            .security_bodies
            .iter()
            .any(|p| sentence.matches_at(i, p))
    })
}

/// True when an NCND scope is written as something that exists ("the
/// surveillance log kept on Mr Smith") rather than as "any …".
pub fn scope_presupposes(scope: &str, vocabulary: &Vocabulary) -> Option<String> {
    let tokens = tokens(scope);
    let first = tokens.first()?;
    if vocabulary.definite.contains(&first.word) || vocabulary.possessive.contains(&first.word) {
        let end = tokens.len().min(4);
        return Some(
            tokens[..end]
                .iter()
                .map(|t| t.word.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    // Anywhere in it: "any deployment of our IMSI catcher since it was bought".
    let folded = normalise(scope);
    vocabulary
        .scope_giveaways
        .iter()
        .find(|words| !super::ncnd_text::find_whole(&folded, words).is_empty())
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_join_the_forms_of_a_word() {
        for (a, b) in [
            ("catchers", "catcher"),
            ("deployed", "deployment"),
            ("deployments", "deploying"),
            ("investigation", "investigated"),
            ("assessment", "assessed"),
            ("purchased", "purchase"),
            ("stopped", "stop"),
            ("operated", "operations"),
            ("cautioned", "caution"),
            ("arrests", "arrested"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        assert_ne!(stem("install"), stem("instal"));
        assert_eq!(stem("2019"), "2019");
    }

    #[test]
    fn numbers_keep_their_commas_and_money_its_sign() {
        let words: Vec<String> = tokens(&normalise("We spent £12,000 on it; in 2019."))
            .into_iter()
            .map(|t| t.word)
            .collect();
        assert_eq!(
            words,
            ["we", "spent", "£", "12,000", "on", "it", "in", "2019"]
        );
    }

    #[test]
    fn a_synonym_group_is_one_key() {
        let vocabulary = Vocabulary::bundled();
        let a = Sentence::new("our covert mobile phone monitoring kit", vocabulary);
        let b = Sentence::new("any IMSI catchers", vocabulary);
        let shared: Vec<&Key> = a
            .key_set
            .intersection(&b.key_set)
            .filter(|k| matches!(k, Key::Concept(_)))
            .collect();
        assert_eq!(shared.len(), 1);
    }

    #[test]
    fn a_scope_written_as_existing_is_caught() {
        let vocabulary = Vocabulary::bundled();
        assert!(scope_presupposes("the surveillance log kept on Mr Smith", vocabulary).is_some());
        assert!(scope_presupposes("our informants in Dundee", vocabulary).is_some());
        assert!(scope_presupposes("any surveillance of Mr Smith", vocabulary).is_none());
        assert!(scope_presupposes("whether any informant was used", vocabulary).is_none());
    }
}
