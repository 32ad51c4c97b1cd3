//! Line-end hyphens in OCR text: a soft break to close up (`ser-`/`vice`
//! → `service`) or a real hyphen to keep (`well-`/`known` → `well-known`).
//!
//! The document is its own dictionary: a form that occurs unbroken
//! elsewhere in the same file (`service`, `well-known`) decides. Without
//! such evidence, a lowercase continuation is closed up (justified columns
//! break words far more often than compounds), while a capital after the
//! hyphen (`Viet-`/`Nam`), a digit before it (`1965-`/`66`) or a prefix
//! that English hyphenates (`self-`, `well-`) keeps it.

use std::collections::HashMap;

/// How a hyphenated line end joins the next line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Join {
    /// Drop the hyphen and close up: `ser-` + `vice` → `service`.
    CloseUp,
    /// Keep the hyphen, no space: `well-` + `known` → `well-known`.
    Keep,
}

/// Prefixes English writes with a hyphen; closing them up makes a
/// non-word (`selfgoverning`, `wellknown`, `onetenth`).
const HYPHENATED_PREFIXES: &[&str] = &[
    "self", "well", "ill", "half", "non", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "twenty", "thirty", "forty", "fifty",
];

/// How often the two forms of each word broken at a line end (`service`,
/// `ser-vice`) occur unbroken elsewhere in a document, lowercased. Only
/// those forms are counted: a dump has thousands of words and a few hundred
/// breaks.
#[derive(Debug, Default)]
pub struct Words(HashMap<String, u32>);

impl Words {
    pub fn of(text: &str) -> Words {
        let mut counts: HashMap<String, u32> = HashMap::new();
        let mut broken: Option<&str> = None;
        for line in text.lines().map(str::trim) {
            if line.is_empty() {
                continue;
            }
            if let Some(left) = broken.take() {
                let right = right_part(line);
                if !left.is_empty() && !right.is_empty() {
                    counts.insert(format!("{left}{right}").to_lowercase(), 0);
                    counts.insert(format!("{left}-{right}").to_lowercase(), 0);
                }
            }
            if hyphen_end(line) {
                broken = Some(left_part(&line[..line.len() - 1]));
            }
        }
        let mut after_break = false;
        for line in text.lines() {
            let mut line = line.trim_end();
            // The halves of a word broken at a line end are no evidence.
            if std::mem::take(&mut after_break) {
                line = line.trim_start().trim_start_matches(char::is_alphabetic);
            }
            if let Some(rest) = line.strip_suffix('-') {
                line = rest.trim_end_matches(char::is_alphabetic);
                after_break = true;
            }
            for word in line.split(|c: char| !(c.is_alphabetic() || c == '-')) {
                let word = word.trim_matches('-');
                let count = if word.chars().any(char::is_uppercase) {
                    counts.get_mut(&word.to_lowercase())
                } else {
                    counts.get_mut(word)
                };
                if let Some(count) = count {
                    *count += 1;
                }
            }
        }
        Words(counts)
    }

    fn count(&self, word: &str) -> u32 {
        self.0.get(&word.to_lowercase()).copied().unwrap_or(0)
    }
}

/// A hyphen at a line end that breaks a word (`com-`), not a dash (` -`).
pub fn hyphen_end(text: &str) -> bool {
    let mut tail = text.chars().rev();
    tail.next() == Some('-') && tail.next().is_some_and(char::is_alphanumeric)
}

/// The letters before a line-end hyphen (`com` of `com-`).
pub fn left_part(line: &str) -> &str {
    let start = line
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(0, |(at, c)| at + c.len_utf8());
    &line[start..]
}

/// The word that starts the next line (`munications` of `munications, and`).
pub fn right_part(line: &str) -> &str {
    let end = line
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(line.len(), |(at, _)| at);
    &line[..end]
}

/// How `left-` at a line end joins `right` at the start of the next line,
/// when the document has neither form unbroken (see the module comment).
pub fn rule(left: &str, right: &str) -> Join {
    let (Some(last), Some(first)) = (left.chars().next_back(), right.chars().next()) else {
        return Join::Keep;
    };
    let lower = left.to_lowercase();
    if !last.is_alphabetic()
        || !first.is_alphabetic()
        || (first.is_uppercase() && !left.chars().all(char::is_uppercase))
        || HYPHENATED_PREFIXES.contains(&lower.as_str())
        // British `co-operation`, `co-ordination`.
        || (lower == "co" && right.starts_with(['o', 'e', 'a', 'i']))
    {
        Join::Keep
    } else {
        Join::CloseUp
    }
}

/// The evidence of the document, when it has any: which form of the word
/// occurs unbroken more often.
pub fn evidence(left: &str, right: &str, words: &Words) -> Option<Join> {
    let joined = words.count(&format!("{left}{right}"));
    let hyphened = words.count(&format!("{left}-{right}"));
    match joined.cmp(&hyphened) {
        std::cmp::Ordering::Greater => Some(Join::CloseUp),
        std::cmp::Ordering::Less => Some(Join::Keep),
        std::cmp::Ordering::Equal => None,
    }
}

/// The join: the document's evidence first, the rule otherwise.
pub fn decide(left: &str, right: &str, words: &Words) -> Join {
    evidence(left, right, words).unwrap_or_else(|| rule(left, right))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soft_breaks_close_up_and_compounds_keep_their_hyphen() {
        let none = Words::default();
        assert_eq!(decide("ser", "vice", &none), Join::CloseUp);
        assert_eq!(decide("well", "known", &none), Join::Keep);
        assert_eq!(decide("Viet", "Nam", &none), Join::Keep);
        assert_eq!(decide("1965", "66", &none), Join::Keep);
        assert_eq!(decide("COM", "MUNICATIONS", &none), Join::CloseUp);
    }

    #[test]
    fn the_document_decides_when_it_has_the_word() {
        let words = Words::of("a long-\nterm plan, the long-term view\nlong-term, longterm\n");
        assert_eq!(decide("long", "term", &words), Join::Keep);
        let words = Words::of("coun-\ntries and countries\n");
        assert_eq!(decide("coun", "tries", &words), Join::CloseUp);
        // The broken word itself is no evidence.
        let broken = Words::of("coun-\ntries\n");
        assert_eq!(broken.count("coun") + broken.count("tries"), 0);
    }

    #[test]
    fn parts_are_the_letters_next_to_the_break() {
        assert_eq!(left_part("the com"), "com");
        assert_eq!(left_part("(1965"), "1965");
        assert_eq!(right_part("munications, and"), "munications");
        assert_eq!(right_part("66)"), "");
    }
}
