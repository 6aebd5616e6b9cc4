//! Splits a request, pasted as received by email, into numbered questions.
//!
//! Requests arrive with greetings, sign-offs, signatures, quoted earlier emails
//! and request-service footers around the questions, and number the questions in
//! many ways (`1.`, `1)`, `(1)`, `Q1 -`, `Question 1:`, `a)`, bullets) or not at
//! all. The splitter keeps sub-items (a, b, c) with their parent question and
//! falls back to one question holding the whole request when nothing is numbered.

/// The result of splitting a pasted request.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SplitRequest {
    /// One entry per question, in order; never empty for a non-empty request.
    pub questions: Vec<String>,
    /// The email subject line, when the paste included the headers.
    pub subject: Option<String>,
    /// The requester's name, from the header or the line after the sign-off.
    pub requester_name: Option<String>,
    /// The requester's email address, from the header, signature or footer.
    pub requester_contact: Option<String>,
}

/// Fills a new case from a request as received: keeps the whole text, makes
/// one numbered question per item, and takes the subject (unless the case
/// has one already) and the requester's name and contact from the email.
pub fn fill_case_from_request(case: &mut super::case::Case, text: &str) {
    let split = split_request(text);
    case.request_text = Some(text.to_string());
    if case.subject.trim().is_empty() {
        case.subject = split.subject.unwrap_or_default();
    }
    case.requester.name = split.requester_name.unwrap_or_default();
    case.requester.contact = split.requester_contact.unwrap_or_default();
    case.questions = split
        .questions
        .into_iter()
        .zip(1..)
        .map(|(text, number)| super::case::Question::new(number, text))
        .collect();
}

/// Splits request text into questions and picks out the requester's details.
pub fn split_request(text: &str) -> SplitRequest {
    let normalised = normalise(text);
    let lines: Vec<&str> = normalised.lines().map(str::trim_end).collect();

    let mut result = SplitRequest::default();
    let mut start = read_leading_headers(&lines, 0, &mut result);

    // A request forwarded from another inbox: the request is below the
    // forwarding header, and the note above it is not part of the request.
    if let Some(forward) = (start..lines.len()).find(|&i| is_forward_marker(lines[i]))
        && !lines[start..forward]
            .iter()
            .any(|l| parse_marker(l).is_some())
    {
        let mut forwarded = SplitRequest::default();
        start = read_leading_headers(&lines, forward + 1, &mut forwarded);
        result.subject = forwarded.subject.or(result.subject);
        result.requester_name = forwarded.requester_name;
        result.requester_contact = forwarded.requester_contact;
    }

    let (mut end, footer_contact) = find_quoted_material(&lines, start);
    if result.requester_contact.is_none() {
        result.requester_contact = footer_contact;
    }

    start = skip_greeting(&lines, start, end);
    let (body_end, name) = find_sign_off(&lines, start, end);
    if result.requester_name.is_none() {
        result.requester_name = name;
    }
    if result.requester_contact.is_none() {
        result.requester_contact = lines[body_end..end]
            .iter()
            .find_map(|line| find_email(line));
    }
    end = body_end;

    let body = strip_inline_greeting(&lines[start..end]);
    let body: Vec<&str> = body.iter().map(String::as_str).collect();
    result.questions = split_body(&body);
    result
}

fn is_forward_marker(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    lower.contains("forwarded message") || lower.starts_with("begin forwarded message")
}

/// Normalises line endings, spaces and invisible characters.
fn normalise(text: &str) -> String {
    text.trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .map(|c| match c {
            '\t' | '\u{a0}' | '\u{2007}' | '\u{202f}' => ' ',
            other => other,
        })
        .filter(|c| !matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}'))
        .collect()
}

const HEADER_NAMES: [&str; 7] = ["from", "to", "cc", "sent", "date", "subject", "reply-to"];

fn header_name(line: &str) -> Option<(&'static str, &str)> {
    let (name, value) = line.split_once(':')?;
    let name = name.trim().to_ascii_lowercase();
    HEADER_NAMES
        .into_iter()
        .find(|h| *h == name)
        .map(|h| (h, value.trim()))
}

/// Reads email headers starting at the first non-blank line from `from`;
/// returns the first line after them.
fn read_leading_headers(lines: &[&str], from: usize, result: &mut SplitRequest) -> usize {
    let first = (from..lines.len())
        .find(|&i| !lines[i].trim().is_empty())
        .unwrap_or(lines.len());
    let mut index = first;
    while let Some(line) = lines.get(index) {
        let Some((name, value)) = header_name(line) else {
            break;
        };
        match name {
            "subject" => result.subject = Some(clean_subject(value)).filter(|s| !s.is_empty()),
            "from" => {
                result.requester_contact = find_email(value);
                let display = value
                    .split('<')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .trim_matches('"');
                if !display.is_empty() && !display.contains('@') {
                    result.requester_name = Some(display.to_string());
                }
            }
            _ => {}
        }
        index += 1;
    }
    if index == first { first } else { index }
}

fn clean_subject(subject: &str) -> String {
    let mut text = subject.trim();
    loop {
        let lower = text.to_ascii_lowercase();
        let prefix = [
            "re:",
            "fw:",
            "fwd:",
            "freedom of information request -",
            "freedom of information request:",
            "freedom of information request",
            "foi request -",
            "foi request:",
            "foi request",
            "foi -",
            "foi:",
        ]
        .into_iter()
        .find(|p| lower.starts_with(p));
        match prefix {
            Some(p) => text = text[p.len()..].trim_start(),
            None => break,
        }
    }
    text.trim_start_matches(['-', ':', ' ']).trim().to_string()
}

/// Finds where quoted replies, signatures and footers begin. Returns the cut
/// and, for a request-service footer, the reply address it gives.
fn find_quoted_material(lines: &[&str], start: usize) -> (usize, Option<String>) {
    for (index, line) in lines.iter().enumerate().skip(start) {
        let trimmed = line.trim();
        let lower = trimmed.to_lowercase();
        let footer = lower.starts_with("please use this email address for all replies");
        let quoted = trimmed.starts_with('>');
        let separator = lower.contains("original message")
            || is_forward_marker(trimmed)
            || (lower.starts_with("on ") && lower.ends_with("wrote:"))
            || trimmed == "--"
            || lower.starts_with("disclaimer:")
            || lower.starts_with("this email and any attachments")
            || lower.starts_with("sent from my ");
        let later_header = index > start && header_name(trimmed).is_some_and(|(n, _)| n == "from");
        if footer || quoted || separator || later_header {
            // Drop a rule of dashes or underscores just above the cut too.
            let mut cut = index;
            while cut > start && is_rule(lines[cut - 1]) {
                cut -= 1;
            }
            let contact = if footer {
                lines[index + 1..].iter().find_map(|l| find_email(l))
            } else {
                None
            };
            return (cut, contact);
        }
    }
    (lines.len(), None)
}

fn is_rule(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && t.chars().all(|c| matches!(c, '-' | '_' | '=' | '*' | '~')) || t.is_empty()
}

const GREETINGS: [&str; 10] = [
    "dear ",
    "dear,",
    "hello",
    "hi ",
    "hi,",
    "good morning",
    "good afternoon",
    "good evening",
    "to whom it may concern",
    "greetings",
];

fn is_greeting(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    let short = lower.chars().count() <= 60;
    short
        && GREETINGS.iter().any(|g| lower.starts_with(g))
        && (lower.ends_with(',')
            || lower.ends_with('!')
            || lower.ends_with(':')
            || lower.split_whitespace().count() <= 6)
        || lower == "hi"
}

/// Skips a greeting line (and any title lines above it) near the top.
fn skip_greeting(lines: &[&str], start: usize, end: usize) -> usize {
    let mut seen = 0;
    for (index, line) in lines.iter().enumerate().take(end).skip(start) {
        if line.trim().is_empty() {
            continue;
        }
        if is_greeting(line) {
            return index + 1;
        }
        seen += 1;
        if seen >= 4 {
            break;
        }
    }
    start
}

/// When the first line is "Dear FOI team, I would like…", drops the greeting part.
fn strip_inline_greeting(body: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = body.iter().map(|l| (*l).to_string()).collect();
    if let Some(first) = out.iter_mut().find(|l| !l.trim().is_empty()) {
        let lower = first.trim().to_lowercase();
        if GREETINGS.iter().any(|g| lower.starts_with(g))
            && let Some(comma) = first.find(',')
        {
            let rest = first[comma + 1..].trim();
            if rest.split_whitespace().count() >= 3 {
                *first = rest.to_string();
            }
        }
    }
    out
}

const SIGN_OFFS: [&str; 16] = [
    "yours faithfully",
    "yours sincerely",
    "yours truly",
    "yours",
    "kind regards",
    "best regards",
    "warm regards",
    "warmest regards",
    "with regards",
    "regards",
    "many thanks",
    "thanks",
    "thank you",
    "best wishes",
    "with thanks",
    "cheers",
];

fn is_sign_off(line: &str) -> bool {
    let lower = line
        .trim()
        .trim_end_matches([',', '.', '!'])
        .trim()
        .to_lowercase();
    SIGN_OFFS.contains(&lower.as_str())
}

/// Finds the sign-off; returns where the body ends and the name under it.
fn find_sign_off(lines: &[&str], start: usize, end: usize) -> (usize, Option<String>) {
    let Some(sign_off) = (start..end).find(|&i| is_sign_off(lines[i])) else {
        return (end, None);
    };
    let name = lines[sign_off + 1..end]
        .iter()
        .map(|l| l.trim())
        .find(|l| !l.is_empty())
        .filter(|l| looks_like_name(l))
        .map(str::to_string);
    (sign_off, name)
}

fn looks_like_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && line.chars().count() <= 60
        && !line
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '@' | ':' | '/' | '?'))
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
        })
}

fn find_email(line: &str) -> Option<String> {
    line.split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '(' | ')' | ',' | ';' | '"'))
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | ':' | '[' | ']' | '\'')))
        .find(|w| {
            let mut parts = w.split('@');
            let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next())
            else {
                return false;
            };
            !local.is_empty() && domain.contains('.') && !domain.starts_with('.')
        })
        .map(|w| w.strip_prefix("mailto:").unwrap_or(w).to_string())
}

/// How a list item is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Number,
    Letter,
    Roman,
    Bullet,
}

/// A list marker at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Marker {
    family: Family,
    /// The punctuation style, so `1.` and `1)` lists can nest.
    style: u8,
    /// 1-based position within its list (0 for bullets).
    ordinal: u32,
    /// Byte offset where the item's text starts.
    text_start: usize,
}

const BULLETS: [char; 13] = [
    '•', '-', '*', '–', '—', '·', '◦', '▪', '‣', '●', '○', '■', '➢',
];

fn roman_value(text: &str) -> Option<u32> {
    const NUMERALS: [&str; 12] = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
    ];
    NUMERALS
        .iter()
        .position(|n| *n == text)
        .and_then(|p| u32::try_from(p + 1).ok())
}

/// Reads the punctuation after a list label: `.`, `)`, `:`, ` -`, or none.
/// Returns the style code and the offset of the item text.
fn after_label(line: &str, at: usize, allow_bare: bool) -> Option<(u8, usize)> {
    let rest = &line[at..];
    let (style, consumed) = if let Some(r) = rest.strip_prefix(". ") {
        (1, rest.len() - r.len())
    } else if let Some(r) = rest.strip_prefix(") ") {
        (2, rest.len() - r.len())
    } else if let Some(r) = rest.strip_prefix(": ") {
        (3, rest.len() - r.len())
    } else if let Some(r) = rest
        .strip_prefix(" - ")
        .or_else(|| rest.strip_prefix(" – "))
    {
        (4, rest.len() - r.len())
    } else if let Some(r) = rest.strip_prefix(" -").filter(|r| r.is_empty()) {
        (4, rest.len() - r.len())
    } else if [".", ")", ":"].contains(&rest) {
        (1, rest.len())
    } else if allow_bare && rest.starts_with(' ') {
        (5, 1)
    } else {
        return None;
    };
    let text_start = at + consumed;
    let text_start =
        text_start + (line[text_start..].len() - line[text_start..].trim_start().len());
    Some((style, text_start))
}

fn parse_marker(line: &str) -> Option<Marker> {
    let indent = line.len() - line.trim_start().len();
    let t = &line[indent..];
    let lower = t.to_lowercase();
    if lower.len() != t.len() {
        // Case folding changed byte lengths (rare scripts): only bullets apply.
        return parse_bullet(line, indent);
    }

    // "Question 1", "Q1", "Q.1", "Q 1"
    for prefix in ["question ", "question", "q.", "q "] {
        if let Some(rest) = lower.strip_prefix(prefix)
            && let Some(marker) = number_marker(line, indent + prefix.len(), rest, 10, true)
        {
            return Some(marker);
        }
    }
    if let Some(rest) = lower.strip_prefix('q')
        && let Some(marker) = number_marker(line, indent + 1, rest, 10, true)
    {
        return Some(marker);
    }

    // "(1)", "(a)", "(iv)"
    if let Some(inner) = t.strip_prefix('(')
        && let Some(close) = inner.find(')')
    {
        let label = &inner[..close].to_lowercase();
        let text_start = indent + 1 + close + 1;
        let text_start =
            text_start + (line[text_start..].len() - line[text_start..].trim_start().len());
        if line[indent + 1 + close + 1..].starts_with(' ') || text_start == line.len() {
            if let Ok(n) = label.parse::<u32>()
                && (1..=99).contains(&n)
            {
                return Some(Marker {
                    family: Family::Number,
                    style: 6,
                    ordinal: n,
                    text_start,
                });
            }
            if let Some(marker) = letter_or_roman(label, 7, text_start) {
                return Some(marker);
            }
        }
    }

    // "1.", "1)", "1 -", "1:"
    if let Some(marker) = number_marker(line, indent, t, 1, false) {
        return Some(marker);
    }

    // "a)", "a.", "iv)"
    let label_len = lower
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    if (1..=4).contains(&label_len)
        && let Some((style, text_start)) = after_label(line, indent + label_len, false)
        && matches!(style, 1 | 2)
        && let Some(marker) = letter_or_roman(&lower[..label_len], style, text_start)
    {
        return Some(marker);
    }

    parse_bullet(line, indent)
}

fn number_marker(
    line: &str,
    at: usize,
    rest: &str,
    style_base: u8,
    allow_bare: bool,
) -> Option<Marker> {
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let n: u32 = rest[..digits].parse().ok()?;
    let (style, text_start) = after_label(line, at + digits, allow_bare)?;
    (n >= 1).then_some(Marker {
        family: Family::Number,
        style: style_base + style,
        ordinal: n,
        text_start,
    })
}

fn letter_or_roman(label: &str, style: u8, text_start: usize) -> Option<Marker> {
    if let Some(value) = roman_value(label)
        && label.len() > 1
    {
        return Some(Marker {
            family: Family::Roman,
            style,
            ordinal: value,
            text_start,
        });
    }
    let mut chars = label.chars();
    let (Some(letter), None) = (chars.next(), chars.next()) else {
        return None;
    };
    // Only "a" to "z" are item letters: "(!)" or "(é)" are just text.
    if !letter.is_ascii_lowercase() {
        return None;
    }
    let ordinal = u32::from(letter) - u32::from('a') + 1;
    Some(Marker {
        family: Family::Letter,
        style,
        ordinal,
        text_start,
    })
}

fn parse_bullet(line: &str, indent: usize) -> Option<Marker> {
    let t = &line[indent..];
    let first = t.chars().next()?;
    if !BULLETS.contains(&first) {
        return None;
    }
    let after = &t[first.len_utf8()..];
    if !after.starts_with(' ') || after.trim().is_empty() {
        return None;
    }
    let text_start = indent + first.len_utf8() + (after.len() - after.trim_start().len());
    Some(Marker {
        family: Family::Bullet,
        style: 20,
        ordinal: 0,
        text_start,
    })
}

/// One line of the body, classified.
#[derive(Debug, Clone)]
struct BodyLine<'a> {
    text: &'a str,
    marker: Option<Marker>,
}

/// Decides which markers start top-level questions.
fn top_level_flags(lines: &[BodyLine<'_>]) -> Vec<bool> {
    let mut flags = vec![false; lines.len()];
    let Some(first) = lines.iter().find_map(|l| l.marker) else {
        return flags;
    };
    // Letters and roman numerals share labels (i, v, x): treat a list that
    // starts with "i" as roman only when it continues "ii".
    let family = first.family;
    let same_style_has_second = lines.iter().filter_map(|l| l.marker).any(|m| {
        m.family == family
            && m.style == first.style
            && (family == Family::Bullet || m.ordinal == first.ordinal + 1)
    });
    let mut expected = first.ordinal;
    for (index, line) in lines.iter().enumerate() {
        let Some(marker) = line.marker else { continue };
        let family_matches = marker.family == family
            || (family == Family::Letter
                && marker.family == Family::Roman
                && marker.ordinal == expected
                && expected <= 1);
        if !family_matches {
            continue;
        }
        if same_style_has_second && marker.style != first.style {
            continue;
        }
        if family == Family::Bullet {
            flags[index] = true;
            continue;
        }
        let in_sequence = marker.ordinal == expected
            || (marker.ordinal > expected && marker.ordinal <= expected + 1 && index > 0);
        if in_sequence {
            flags[index] = true;
            expected = marker.ordinal + 1;
        }
    }
    if flags.iter().filter(|f| **f).count() < 2 {
        flags.fill(false);
    }
    flags
}

/// A question being assembled: its own lines, then sub-items on their own lines.
#[derive(Debug, Default)]
struct ItemBuilder {
    /// Paragraphs of the item; each paragraph is its lines.
    paragraphs: Vec<Vec<String>>,
    /// Whether the paragraph at the same index is a sub-item (kept on its own line).
    is_sub: Vec<bool>,
}

impl ItemBuilder {
    fn start_paragraph(&mut self, text: &str, sub: bool) {
        self.paragraphs.push(vec![text.trim().to_string()]);
        self.is_sub.push(sub);
    }

    fn continue_paragraph(&mut self, text: &str) {
        match self.paragraphs.last_mut() {
            Some(paragraph) => paragraph.push(text.trim().to_string()),
            None => self.start_paragraph(text, false),
        }
    }

    /// Drops a closing lead-in such as "I am also seeking the following:".
    fn drop_trailing_lead_in(&mut self) {
        let paragraph_count = self.paragraphs.len();
        let Some(last) = self.paragraphs.last_mut() else {
            return;
        };
        if last.len() > 1 {
            let tail = last.last().map(String::as_str).unwrap_or("");
            let before = &last[last.len() - 2];
            if tail.ends_with(':') && ends_sentence(before) && starts_sentence(tail) {
                last.pop();
            }
        } else if paragraph_count > 1
            && last.len() == 1
            && last[0].ends_with(':')
            && !self.is_sub.last().copied().unwrap_or(false)
        {
            self.paragraphs.pop();
            self.is_sub.pop();
        }
    }

    /// Drops closing remarks ("Thank you for your help.") after the last question.
    fn drop_closing_remarks(&mut self) {
        while self.paragraphs.len() > 1 {
            let last = &self.paragraphs[self.paragraphs.len() - 1];
            let sub = self.is_sub[self.paragraphs.len() - 1];
            if !sub && is_closing_remark(&last.join(" ")) {
                self.paragraphs.pop();
                self.is_sub.pop();
            } else {
                break;
            }
        }
        if let Some(last) = self.paragraphs.last_mut() {
            while last.len() > 1
                && ends_sentence(&last[last.len() - 2])
                && is_closing_remark(&last[last.len() - 1])
            {
                last.pop();
            }
        }
    }

    fn render(&self) -> String {
        let mut out = String::new();
        for paragraph in &self.paragraphs {
            let text = paragraph
                .iter()
                .filter(|l| !l.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(" ");
            if text.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&text);
        }
        out
    }
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '?', '!', ')'])
}

fn starts_sentence(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

const CLOSING_PHRASES: [&str; 14] = [
    "thank you",
    "thanks",
    "i look forward",
    "look forward to",
    "many thanks",
    "i would be grateful",
    "i would prefer to receive",
    "please send the information",
    "please provide the information in",
    "if you need any clarification",
    "if you require any clarification",
    "please let me know if",
    "please contact me if",
    "i appreciate",
];

fn is_closing_remark(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    !lower.contains('?') && CLOSING_PHRASES.iter().any(|p| lower.starts_with(p))
}

/// Splits the body (greeting and sign-off already removed) into questions.
fn split_body(body: &[&str]) -> Vec<String> {
    let lines: Vec<BodyLine<'_>> = body
        .iter()
        .map(|text| BodyLine {
            text,
            marker: parse_marker(text),
        })
        .collect();
    let top = top_level_flags(&lines);

    if !top.iter().any(|f| *f) {
        let inline = split_inline_numbering(body);
        if inline.len() >= 2 {
            return inline;
        }
        // A lone "1." item: the request is one question; drop its number.
        let unnumbered: Vec<&str> = lines
            .iter()
            .map(|line| match line.marker {
                Some(m) if m.family == Family::Number && m.ordinal == 1 => {
                    &line.text[m.text_start..]
                }
                _ => line.text,
            })
            .collect();
        return whole_request_as_one(&unnumbered);
    }

    let mut items: Vec<ItemBuilder> = Vec::new();
    let mut blank_before = false;
    for (line, is_top) in lines.iter().zip(&top) {
        if line.text.trim().is_empty() {
            blank_before = true;
            continue;
        }
        match (line.marker, *is_top, items.last_mut()) {
            (Some(marker), true, _) => {
                let mut item = ItemBuilder::default();
                item.start_paragraph(&line.text[marker.text_start..], false);
                items.push(item);
            }
            (_, _, None) => {} // introduction before the first question
            (Some(_), false, Some(item)) => item.start_paragraph(line.text.trim(), true),
            (None, _, Some(item)) => {
                if blank_before {
                    item.start_paragraph(line.text, false);
                } else {
                    item.continue_paragraph(line.text);
                }
            }
        }
        blank_before = false;
    }

    let count = items.len();
    for (index, item) in items.iter_mut().enumerate() {
        if index + 1 < count {
            item.drop_trailing_lead_in();
        } else {
            item.drop_closing_remarks();
        }
    }
    items
        .iter()
        .map(ItemBuilder::render)
        .filter(|text| !text.is_empty())
        .collect()
}

/// Splits prose numbered inline: "please tell me (1) how many… and (2) how much…".
fn split_inline_numbering(body: &[&str]) -> Vec<String> {
    let joined = join_paragraph_lines(body);
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut expected = 1;
    let mut search_from = 0;
    while let Some(found) = joined[search_from..].find(&format!("({expected})")) {
        let at = search_from + found;
        let label_len = format!("({expected})").len();
        cuts.push((at, at + label_len));
        search_from = at + label_len;
        expected += 1;
    }
    if cuts.len() < 2 {
        return Vec::new();
    }
    let mut questions = Vec::new();
    for (index, (_, text_start)) in cuts.iter().enumerate() {
        let text_end = cuts.get(index + 1).map_or(joined.len(), |(at, _)| *at);
        let piece = joined[*text_start..text_end]
            .trim()
            .trim_end_matches([',', ';'])
            .trim_end();
        let piece = piece
            .strip_suffix(" and")
            .or_else(|| piece.strip_suffix(" or"))
            .unwrap_or(piece)
            .trim_end_matches([',', ';'])
            .trim();
        let piece = if index + 1 == cuts.len() {
            cut_closing_sentences(piece)
        } else {
            piece.to_string()
        };
        if !piece.is_empty() {
            questions.push(piece);
        }
    }
    questions
}

/// Removes closing sentences ("Thank you.") from the end of a piece of prose.
fn cut_closing_sentences(piece: &str) -> String {
    let mut text = piece.trim().to_string();
    // Look for a sentence end before the final character (which may itself end a sentence).
    let before_last = |t: &str| t.char_indices().last().map_or(0, |(i, _)| i);
    while let Some(split) = text[..before_last(&text)].rfind(['.', '?', '!']) {
        let tail = text[split + 1..].trim();
        if tail.is_empty() || !is_closing_remark(tail) {
            break;
        }
        text.truncate(split + 1);
    }
    text
}

fn join_paragraph_lines(body: &[&str]) -> String {
    let mut out = String::new();
    for line in body {
        let t = line.trim();
        if t.is_empty() {
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            continue;
        }
        if !out.is_empty() && !out.ends_with('\n') {
            out.push(' ');
        }
        out.push_str(t);
    }
    out.trim().to_string()
}

/// The whole request as one question, with closing remarks removed.
fn whole_request_as_one(body: &[&str]) -> Vec<String> {
    let joined = join_paragraph_lines(body);
    let paragraphs: Vec<&str> = joined.split('\n').collect();
    let mut keep = paragraphs.len();
    while keep > 1 && is_closing_remark(paragraphs[keep - 1]) {
        keep -= 1;
    }
    let text = paragraphs[..keep].join("\n");
    let text = cut_closing_sentences(&text);
    if text.trim().is_empty() {
        Vec::new()
    } else {
        vec![text]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_of_every_common_shape_are_read() {
        let cases = [
            ("1. How many", Family::Number, 1),
            ("12) How many", Family::Number, 12),
            ("(3) How many", Family::Number, 3),
            ("Q4 - How many", Family::Number, 4),
            ("Q5: How many", Family::Number, 5),
            ("Question 6: How many", Family::Number, 6),
            ("b) How many", Family::Letter, 2),
            ("(c) How many", Family::Letter, 3),
            ("iv) How many", Family::Roman, 4),
            ("• How many", Family::Bullet, 0),
            ("- How many", Family::Bullet, 0),
        ];
        for (line, family, ordinal) in cases {
            let marker = parse_marker(line).unwrap_or_else(|| panic!("no marker in {line:?}"));
            assert_eq!((marker.family, marker.ordinal), (family, ordinal), "{line}");
            assert_eq!(&line[marker.text_start..], "How many", "{line}");
        }
    }

    #[test]
    fn ordinary_sentences_are_not_markers() {
        for line in [
            "2020 was busy.",
            "I am writing",
            "-5 degrees",
            "Quite a lot",
            "A lot of",
        ] {
            assert_eq!(parse_marker(line), None, "{line}");
        }
    }

    #[test]
    fn closing_sentences_are_cut_even_after_multibyte_text() {
        assert_eq!(
            cut_closing_sentences("How much was spent on café supplies? Thank you…"),
            "How much was spent on café supplies?"
        );
        assert_eq!(
            cut_closing_sentences("Ends with an ellipsis…"),
            "Ends with an ellipsis…"
        );
    }

    #[test]
    fn email_addresses_are_found() {
        assert_eq!(
            find_email("From: Sam <sam.example@example.org>"),
            Some("sam.example@example.org".into())
        );
        assert_eq!(find_email("no address here"), None);
    }
}
