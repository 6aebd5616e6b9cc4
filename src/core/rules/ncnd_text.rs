//! Reading text for wording that confirms or denies what an NCND response must
//! not: phrase lists from `assets/law/ncnd-phrases.ron`, and the overlap between
//! another answer and an NCND scope.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use serde::Deserialize;

/// The phrase lists.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NcndPhrases {
    /// Phrases that assume the information is held.
    pub confirms: Vec<String>,
    /// Phrases that say it is not held.
    pub denies: Vec<String>,
    /// Words earlier in the same clause that make a hit hypothetical.
    pub hedges: Vec<String>,
    /// Words just after a hit that make it hypothetical ("if held").
    pub after_hedges: Vec<String>,
}

const PHRASES_RON: &str = include_str!("../../../assets/law/ncnd-phrases.ron");

/// The bundled phrase lists.
pub fn phrases() -> &'static NcndPhrases {
    static PHRASES: OnceLock<NcndPhrases> = OnceLock::new();
    PHRASES.get_or_init(|| ron::from_str(PHRASES_RON).unwrap_or_default())
}

/// Which way a phrase gives the answer away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Giveaway {
    /// It assumes the information is held.
    Confirms,
    /// It says the information is not held.
    Denies,
}

impl Giveaway {
    /// "confirms" or "denies".
    pub fn verb(self) -> &'static str {
        match self {
            Giveaway::Confirms => "confirms",
            Giveaway::Denies => "denies",
        }
    }
}

/// A phrase found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseHit {
    /// The phrase from the list.
    pub phrase: String,
    /// Which way it gives the answer away.
    pub giveaway: Giveaway,
    /// Byte offset in the lowercased text.
    pub at: usize,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\''
}

/// Byte offsets where `phrase` occurs in `text` as whole words (both folded).
pub(crate) fn find_whole(text: &str, phrase: &str) -> Vec<usize> {
    let mut hits = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find(phrase) {
        let at = from + found;
        let end = at + phrase.len();
        let before_ok = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c));
        let after_ok = text[end..].chars().next().is_none_or(|c| !is_word_char(c));
        if before_ok && after_ok {
            hits.push(at);
        }
        from = at + phrase.len().max(1);
        while !text.is_char_boundary(from) {
            from += 1;
        }
    }
    hits
}

fn clause_before(text: &str, at: usize) -> &str {
    let start = text[..at]
        .rfind(['.', ';', ':', '!', '?', '\n'])
        .map_or(0, |p| p + 1);
    &text[start..at]
}

fn hedged(text: &str, hit_at: usize, hit_len: usize, phrases: &NcndPhrases) -> bool {
    let before = clause_before(text, hit_at);
    if phrases
        .hedges
        .iter()
        .any(|h| !find_whole(before, h).is_empty())
    {
        return true;
    }
    let after_start = hit_at + hit_len;
    let mut after_end = (after_start + 24).min(text.len());
    while !text.is_char_boundary(after_end) {
        after_end -= 1;
    }
    let after = text[after_start..after_end].trim_start_matches([',', ' ', '(']);
    phrases
        .after_hedges
        .iter()
        .any(|h| after.starts_with(h.as_str()))
}

/// Every unhedged phrase in `text` that confirms or denies holding information.
pub fn giveaways(text: &str) -> Vec<PhraseHit> {
    let phrases = phrases();
    let lower = crate::core::text::normalise(text);
    let mut hits: Vec<PhraseHit> = Vec::new();
    for (list, giveaway) in [
        (&phrases.confirms, Giveaway::Confirms),
        (&phrases.denies, Giveaway::Denies),
    ] {
        for phrase in list {
            for at in find_whole(&lower, phrase) {
                if !hedged(&lower, at, phrase.len(), phrases) {
                    hits.push(PhraseHit {
                        phrase: phrase.clone(),
                        giveaway,
                        at,
                    });
                }
            }
        }
    }
    // Keep the longest phrase at each place ("the information is held" over
    // "information is held").
    hits.sort_by_key(|h| (h.at, std::cmp::Reverse(h.phrase.len())));
    let mut kept: Vec<PhraseHit> = Vec::new();
    for hit in hits {
        let overlaps = kept
            .iter()
            .any(|k| hit.at < k.at + k.phrase.len() && k.at < hit.at + hit.phrase.len());
        if !overlaps {
            kept.push(hit);
        }
    }
    kept
}

const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "by",
    "for",
    "from",
    "has",
    "have",
    "in",
    "into",
    "is",
    "it",
    "its",
    "of",
    "on",
    "or",
    "our",
    "that",
    "the",
    "their",
    "this",
    "to",
    "use",
    "used",
    "uses",
    "using",
    "was",
    "were",
    "which",
    "with",
    "your",
    "you",
    "whether",
    "information",
    "held",
    "hold",
    "holds",
    "about",
    "all",
    "relating",
    "regarding",
    "such",
    "other",
    "possible",
    "do",
    "does",
    "did",
    "we",
    "us",
    "force",
    "council",
    "authority",
];

/// The significant words of a text, lowercased and lightly stemmed.
pub fn significant_words(text: &str) -> BTreeSet<String> {
    crate::core::text::normalise(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 2 && !STOP_WORDS.contains(w))
        .map(stem)
        .collect()
}

fn stem(word: &str) -> String {
    for suffix in ["ies", "es", "s"] {
        if let Some(base) = word.strip_suffix(suffix)
            && base.chars().count() >= 3
        {
            return if suffix == "ies" {
                format!("{base}y")
            } else {
                base.to_string()
            };
        }
    }
    word.to_string()
}

/// The share (0.0–1.0) of the scope's significant words found in `text`.
pub fn scope_coverage(scope: &str, text: &str) -> f32 {
    let scope_words = significant_words(scope);
    if scope_words.is_empty() {
        return 0.0;
    }
    let text_words = significant_words(text);
    let shared = scope_words.intersection(&text_words).count();
    shared as f32 / scope_words.len() as f32
}

/// Coverage from which another answer is taken to speak about the NCND scope.
pub const SCOPE_COVERAGE_THRESHOLD: f32 = 0.75;

/// True when a text speaks about an NCND scope: it has every significant word
/// of a short scope (four words or fewer, where one word such as "covert"
/// makes the difference), or three quarters of a longer one.
pub fn speaks_about(scope_words: &BTreeSet<String>, text_words: &BTreeSet<String>) -> bool {
    if scope_words.is_empty() {
        return false;
    }
    let shared = scope_words.intersection(text_words).count();
    if scope_words.len() <= 4 {
        shared == scope_words.len()
    } else {
        shared as f32 / scope_words.len() as f32 >= SCOPE_COVERAGE_THRESHOLD
    }
}

/// The significant words of many texts, indexed by word so that finding the
/// texts that speak about a scope costs time in proportion to the texts that
/// share its rarest words, not to every text: checking a case stays linear as
/// it grows.
#[derive(Debug, Default)]
pub struct WordIndex {
    texts: Vec<BTreeSet<String>>,
    postings: HashMap<String, Vec<usize>>,
}

impl WordIndex {
    /// Indexes texts given as their significant words.
    pub fn new(texts: Vec<BTreeSet<String>>) -> WordIndex {
        let mut postings: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, words) in texts.iter().enumerate() {
            for word in words {
                postings.entry(word.clone()).or_default().push(index);
            }
        }
        WordIndex { texts, postings }
    }

    /// The positions (ascending) of the texts that [`speaks_about`] the scope.
    pub fn speaking_about(&self, scope_words: &BTreeSet<String>) -> Vec<usize> {
        let total = scope_words.len();
        if total == 0 {
            return Vec::new();
        }
        let required = (1..=total)
            .find(|&shared| {
                if total <= 4 {
                    shared == total
                } else {
                    shared as f32 / total as f32 >= SCOPE_COVERAGE_THRESHOLD
                }
            })
            .unwrap_or(total);
        // A text sharing `required` words lacks at most `total - required`, so
        // it holds at least one of any `total - required + 1` scope words:
        // the rarest ones give the fewest candidates.
        let mut lists: Vec<&[usize]> = scope_words
            .iter()
            .map(|w| self.postings.get(w).map_or(&[][..], Vec::as_slice))
            .collect();
        lists.sort_by_key(|list| list.len());
        let mut candidates: Vec<usize> = lists[..=total - required]
            .iter()
            .flat_map(|list| list.iter().copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        candidates.retain(|&i| speaks_about(scope_words, &self.texts[i]));
        candidates
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases_in(text: &str) -> Vec<(String, Giveaway)> {
        giveaways(text)
            .into_iter()
            .map(|h| (h.phrase, h.giveaway))
            .collect()
    }

    #[test]
    fn plain_assertions_are_caught() {
        assert_eq!(
            phrases_in("The contract is withheld under section 43(2)."),
            vec![
                ("the contract".to_string(), Giveaway::Confirms),
                ("is withheld".to_string(), Giveaway::Confirms)
            ]
        );
        assert_eq!(
            phrases_in("We do not hold any covert recordings."),
            vec![("we do not hold".to_string(), Giveaway::Denies)]
        );
        assert_eq!(
            phrases_in("The information is held by the specialist unit."),
            vec![("the information is held".to_string(), Giveaway::Confirms)],
            "overlapping phrases count once"
        );
    }

    #[test]
    fn hypothetical_wording_is_not_a_giveaway() {
        for text in [
            "Confirming or denying whether information is held would reveal whether a covert capability exists.",
            "This response should not be taken as an indication of whether or not information is held.",
            "The documents, if held, would be exempt under section 31(1)(a).",
            "The force neither confirms nor denies that it holds the information you requested.",
        ] {
            assert_eq!(phrases_in(text), vec![], "{text}");
        }
    }

    #[test]
    fn words_must_be_whole() {
        assert!(phrases_in("Another contractor said so.").is_empty());
        assert!(phrases_in("the contractual terms").is_empty());
    }

    #[test]
    fn a_short_scope_needs_every_word_so_overt_is_not_covert() {
        let scope = significant_words("any covert use of facial recognition technology");
        let overt = significant_words(
            "We publish our facial recognition policy; it says how the technology may be used.",
        );
        assert!(!speaks_about(&scope, &overt));
        let covert = significant_words("We have no covert facial recognition technology.");
        assert!(speaks_about(&scope, &covert));
        let long = significant_words("any payments to covert human intelligence sources in Dundee");
        let asked =
            significant_words("Has the force paid covert human intelligence sources in Dundee?");
        assert!(
            speaks_about(&long, &asked),
            "five of six words is enough for a long scope"
        );
    }

    #[test]
    fn the_word_index_finds_exactly_what_a_full_scan_finds() {
        let texts = [
            "We use covert cameras in the town centre",
            "Overt cameras are listed on our website",
            "Automatic number plate recognition cameras on the ring road",
            "Body worn video is issued to every officer",
            "Cameras covert town centre operation",
            "",
        ];
        let words: Vec<BTreeSet<String>> = texts.iter().map(|t| significant_words(t)).collect();
        let index = WordIndex::new(words.clone());
        for scope in [
            "covert cameras in the town centre",
            "overt cameras",
            "number plate recognition cameras ring road bypass junction",
            "drones",
            "",
        ] {
            let scope_words = significant_words(scope);
            let scanned: Vec<usize> = (0..words.len())
                .filter(|&i| speaks_about(&scope_words, &words[i]))
                .collect();
            assert_eq!(index.speaking_about(&scope_words), scanned, "{scope}");
        }
        assert_eq!(
            index.speaking_about(&significant_words("covert cameras in the town centre")),
            vec![0, 4]
        );
    }

    #[test]
    fn scope_coverage_tells_overt_from_covert() {
        let scope = "any covert use of facial recognition technology";
        let overt = "Northshire Police uses retrospective facial recognition to compare images from overt investigations.";
        assert!(scope_coverage(scope, overt) < SCOPE_COVERAGE_THRESHOLD);
        let covert = "The force has no covert facial recognition technology.";
        assert!(scope_coverage(scope, covert) >= SCOPE_COVERAGE_THRESHOLD);
    }
}
