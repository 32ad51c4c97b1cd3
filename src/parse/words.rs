//! Month names and number words, English and Chinese, as date lines print
//! them (`Sept.`, `twenty-four`, `十二`), and the literal matcher they share
//! with `dateline`.

/// `lit` at `at` (ASCII letters compared without case); the end.
pub fn lit(s: &str, at: usize, lit: &str) -> Option<usize> {
    let end = at + lit.len();
    let found = s.get(at..end)?;
    found.eq_ignore_ascii_case(lit).then_some(end)
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month name (full, or three letters with an optional `.`; `Sept`) at `at`.
pub fn month_name(s: &str, at: usize) -> Option<(u8, usize)> {
    for (index, name) in MONTHS.iter().enumerate() {
        let number = u8::try_from(index + 1).ok()?;
        if let Some(end) = lit(s, at, name) {
            return Some((number, end));
        }
        let short = if *name == "september" {
            "sept"
        } else {
            &name[..3]
        };
        for abbr in [short, &name[..3]] {
            if let Some(end) = lit(s, at, abbr)
                && !s[end..].starts_with(|c: char| c.is_ascii_alphabetic())
            {
                return Some((number, lit(s, end, ".").unwrap_or(end)));
            }
        }
    }
    None
}

/// `四`, `十二`, `二十四`, `一百零八`: a Chinese numeral and its end.
pub fn chinese_number(s: &str, at: usize) -> Option<(u32, usize)> {
    let (mut total, mut digit, mut end) = (0u32, 0u32, at);
    for c in s.get(at..)?.chars() {
        match c {
            '十' => {
                total += digit.max(1) * 10;
                digit = 0;
            }
            '百' => {
                total += digit.max(1) * 100;
                digit = 0;
            }
            _ => match "〇一二三四五六七八九".chars().position(|d| d == c) {
                Some(d) => digit = u32::try_from(d).ok()?,
                None if c == '零' => digit = 0,
                None if c == '两' => digit = 2,
                None => break,
            },
        }
        end += c.len_utf8();
    }
    (end > at).then_some((total + digit, end))
}

const UNITS: [&str; 19] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn word(s: &str, at: usize, words: &[&str]) -> Option<(u32, usize)> {
    // Longest first, so `fourteen` is not read as `four`.
    words
        .iter()
        .enumerate()
        .filter_map(|(i, w)| Some((u32::try_from(i).ok()?, lit(s, at, w)?)))
        .max_by_key(|&(_, end)| end)
}

/// `Eight`, `twenty-four`: an English number up to 99.
pub fn english_number(s: &str, at: usize) -> Option<(u32, usize)> {
    if let Some((tens, end)) = word(s, at, &TENS) {
        let tens = (tens + 2) * 10;
        let unit = lit(s, end, "-").and_then(|e| word(s, e, &UNITS[..9]));
        return Some(unit.map_or((tens, end), |(u, e)| (tens + u + 1, e)));
    }
    word(s, at, &UNITS).map(|(u, end)| (u + 1, end))
}
