//! Text helpers shared by the splitter, the composer and the exports.

/// The encoding a pasted or saved request text turned out to be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8, with or without a byte order mark.
    Utf8,
    /// UTF-16 with a byte order mark (as saved by some Windows editors).
    Utf16,
    /// Not UTF-8: read as Windows-1252, the usual "ANSI" of UK Windows.
    Windows1252,
}

/// Decodes request text from any of the encodings a caseworker's files are
/// likely to be in. Never fails: bytes that are not UTF-8 or UTF-16 are read
/// as Windows-1252.
pub fn decode_text(bytes: &[u8]) -> (String, TextEncoding) {
    if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        return (
            String::from_utf8_lossy(rest).into_owned(),
            TextEncoding::Utf8,
        );
    }
    if let Some(rest) = bytes.strip_prefix(&[0xff, 0xfe]) {
        return (decode_utf16(rest, u16::from_le_bytes), TextEncoding::Utf16);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        return (decode_utf16(rest, u16::from_be_bytes), TextEncoding::Utf16);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), TextEncoding::Utf8),
        Err(_) => (
            bytes.iter().map(|&b| windows_1252_char(b)).collect(),
            TextEncoding::Windows1252,
        ),
    }
}

fn decode_utf16(bytes: &[u8], read: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|pair| read([pair[0], pair[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

fn windows_1252_char(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        other => char::from(other),
    }
}

/// Wraps text to `width` columns, prefixing every line with `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                out.push_str(indent);
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(indent);
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The first `max` characters of a single-line version of `text`, with "…" if cut.
pub fn ellipsis(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A case reference made safe for a file name (letters, digits, `-` and `_`;
/// anything else becomes `-`), or `None` when nothing usable is left.
pub fn file_stem(reference: &str) -> Option<String> {
    let safe: String = reference
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let safe = safe.trim_matches('-');
    (!safe.is_empty()).then(|| safe.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_become_safe_file_names() {
        assert_eq!(
            file_stem("NP/FOI 2026:0142").as_deref(),
            Some("NP-FOI-2026-0142")
        );
        assert_eq!(file_stem("  //  "), None);
    }

    #[test]
    fn windows_ansi_text_is_read_with_its_curly_quotes() {
        let (text, encoding) = decode_text(b"\x93Hello\x94 \x96 \xa3600");
        assert_eq!(text, "“Hello” – £600");
        assert_eq!(encoding, TextEncoding::Windows1252);
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_read() {
        let bytes = [0xff, 0xfe, b'H', 0, b'i', 0];
        assert_eq!(decode_text(&bytes), ("Hi".to_string(), TextEncoding::Utf16));
    }

    #[test]
    fn wrapping_keeps_words_whole() {
        assert_eq!(wrap("one two three", 7, "> "), "> one two\n> three\n");
        assert_eq!(ellipsis("a  b\nc", 10), "a b c");
        assert_eq!(ellipsis("abcdefghij", 5), "abcd…");
    }
}

/// Folds text for comparison, as every text rule reads it: Unicode NFKC
/// (ligatures, full-width and compatibility forms made plain), curly quotes and
/// dashes made plain, zero-width and other invisible format characters dropped,
/// every run of whitespace (non-breaking and thin spaces, line breaks) made one
/// space, and lower case.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    if text.is_ascii() {
        // ASCII is its own NFKC form and has no format characters.
        for byte in text.bytes() {
            if byte.is_ascii_whitespace() || byte == 0x0B {
                space = !out.is_empty();
                continue;
            }
            if byte.is_ascii_control() {
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.push(match byte {
                b'`' => '\'',
                other => char::from(other.to_ascii_lowercase()),
            });
        }
        return out;
    }
    normalise_unicode(text)
}

/// True for characters that show nothing in a letter: format characters
/// (zero-width spaces and joiners, soft hyphens, direction marks), control
/// characters other than spaces and line breaks, and the blanks that are
/// letters or marks in Unicode's eyes (the combining grapheme joiner,
/// variation selectors, Hangul fillers, the Braille blank).
pub fn is_invisible(c: char) -> bool {
    use unicode_general_category::{GeneralCategory, get_general_category};
    (c.is_control() && !c.is_whitespace())
        || matches!(
            c,
            '\u{034F}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{E0100}'..='\u{E01EF}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{3164}'
                | '\u{FFA0}'
                | '\u{2800}'
        )
        || (!c.is_ascii() && get_general_category(c) == GeneralCategory::Format)
}

/// The Latin letter a Cyrillic or Greek look-alike stands for ("М" for "M"),
/// so that "IМSI" written with a Cyrillic "М" reads as "IMSI".
pub fn latin_lookalike(c: char) -> char {
    match c {
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ѕ' => 's',
        'ј' => 'j',
        'һ' => 'h',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'І' => 'I',
        'Ѕ' => 'S',
        'Ј' => 'J',
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        'ο' => 'o',
        'ι' => 'i',
        'κ' => 'k',
        'ν' => 'v',
        'ρ' => 'p',
        'τ' => 't',
        'υ' => 'u',
        'ı' => 'i',
        'ᴀ' => 'a',
        'ʙ' => 'b',
        'ᴄ' => 'c',
        'ᴅ' => 'd',
        'ᴇ' => 'e',
        'ɢ' => 'g',
        'ʜ' => 'h',
        'ɪ' => 'i',
        'ᴊ' => 'j',
        'ᴋ' => 'k',
        'ʟ' => 'l',
        'ᴍ' => 'm',
        'ɴ' => 'n',
        'ᴏ' => 'o',
        'ᴘ' => 'p',
        'ʀ' => 'r',
        'ꜱ' => 's',
        'ᴛ' => 't',
        'ᴜ' => 'u',
        'ᴠ' => 'v',
        'ᴡ' => 'w',
        'ʏ' => 'y',
        'ᴢ' => 'z',
        other => other,
    }
}

/// [`normalise`] for any text, ASCII or not.
fn normalise_unicode(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;

    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.nfkc() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            other => other,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        // Invisible characters (zero-width spaces and joiners, soft hyphens,
        // direction marks, the byte order mark, control characters) show
        // nothing in a letter; look-alike letters read as the Latin ones.
        if is_invisible(c) {
            continue;
        }
        let c = latin_lookalike(c);
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

#[cfg(test)]
mod normalise_tests {
    use super::{normalise, normalise_unicode};

    proptest::proptest! {
        #[test]
        fn ascii_text_folds_as_the_full_rules_fold_it(text in "[\\x00-\\x7F]{0,80}") {
            proptest::prop_assert_eq!(normalise(&text), normalise_unicode(&text));
        }
    }

    const PLAIN: &str = "we hold records on this";

    #[test]
    fn every_kind_of_space_is_one_space() {
        for space in [
            "\u{00A0}", // no-break space
            "\u{2009}", // thin space
            "\u{202F}", // narrow no-break space
            "\u{2002}", // en space
            "\u{3000}", // ideographic space
            "  ",       // two spaces
            "\t",       // tab
            "\n",       // line break
            "\r\n",     // Windows line break
            "\u{2028}", // line separator
        ] {
            let text = format!("We{space}hold records on{space}this");
            assert_eq!(normalise(&text), PLAIN, "{:?}", space);
        }
        assert_eq!(normalise("  we hold records on this \n"), PLAIN);
    }

    #[test]
    fn invisible_format_characters_are_dropped() {
        for invisible in [
            "\u{200B}", // zero-width space
            "\u{200C}", // zero-width non-joiner
            "\u{200D}", // zero-width joiner
            "\u{2060}", // word joiner
            "\u{FEFF}", // byte order mark
            "\u{00AD}", // soft hyphen
            "\u{200E}", // left-to-right mark
            "\u{202E}", // right-to-left override
        ] {
            let text = format!("we h{invisible}old records on this");
            assert_eq!(normalise(&text), PLAIN, "{:?}", invisible);
        }
    }

    #[test]
    fn compatibility_forms_become_plain_letters() {
        // Full-width letters, a ligature and a superscript, as pasted from Word or a PDF.
        assert_eq!(normalise("\u{FF37}\u{FF25} hold records on this"), PLAIN);
        assert_eq!(normalise("the \u{FB01}le"), "the file");
        assert_eq!(normalise("x\u{00B2}"), "x2");
        // A decomposed accent is the same as a composed one.
        assert_eq!(normalise("cafe\u{0301}"), normalise("caf\u{00E9}"));
    }

    #[test]
    fn quotes_and_dashes_are_folded() {
        assert_eq!(
            normalise("\u{2018}would\u{2019} \u{201C}be\u{201D}"),
            "'would' \"be\""
        );
        assert_eq!(normalise("a\u{2013}b\u{2014}c\u{2212}d"), "a-b-c-d");
    }

    #[test]
    fn case_is_folded() {
        assert_eq!(normalise("WE HOLD Records ON This"), PLAIN);
        assert_eq!(normalise("\u{0130}"), "i\u{0307}");
    }
}
