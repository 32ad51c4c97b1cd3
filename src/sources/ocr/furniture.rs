//! Page furniture in OCR pages: the printed page number and the running
//! head (`September 1998 - The Unesco Courier 3`) at a page's top or foot.
//! They are not body text, but they are never guessed from the middle of a
//! page: only a page's first and last few lines are candidates.

use std::collections::{HashMap, HashSet};

/// How many non-blank lines at a page's top and at its foot are candidates.
const EDGE: usize = 3;
/// A running head is short; a longer line is text whatever it repeats.
const HEAD_MAX_CHARS: usize = 60;
/// A running head recurs: at a page edge on at least this many pages.
const HEAD_MIN_PAGES: usize = 3;

/// The page number as OCR reads it: `12`, `J2` (a `3` read as `J`), `2%`.
pub fn is_page_number(line: &str, page: &str) -> bool {
    let line = line.trim();
    if line == page {
        return true;
    }
    let chars: Vec<char> = line.chars().collect();
    (1..=3).contains(&chars.len())
        && chars.iter().any(char::is_ascii_digit)
        && chars
            .iter()
            .all(|c| c.is_ascii_digit() || "JIlOoS%".contains(*c))
}

/// What a running head is the same as on every page: its letters, lowercased
/// (the page number and the month's punctuation change from page to page).
fn head_key(line: &str) -> String {
    line.chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The lines of one page: (line index, text), non-blank, in order.
pub type PageLines<'a> = Vec<(usize, &'a str)>;

/// The indexes of the lines that are page furniture, over all pages:
/// `pages[i]` is page `labels[i]`'s non-blank lines.
pub fn find(pages: &[PageLines<'_>], labels: &[&str]) -> HashSet<usize> {
    let edges = |lines: &PageLines<'_>| -> Vec<(usize, String)> {
        let top = lines.iter().take(EDGE);
        let foot = lines
            .iter()
            .skip(lines.len().saturating_sub(EDGE).max(EDGE));
        top.chain(foot)
            .map(|&(i, t)| (i, t.trim().to_owned()))
            .collect()
    };
    let mut pages_of: HashMap<String, HashSet<usize>> = HashMap::new();
    for (page, lines) in pages.iter().enumerate() {
        for (_, text) in edges(lines) {
            let key = head_key(&text);
            if key.len() >= 4 && text.chars().count() <= HEAD_MAX_CHARS {
                pages_of.entry(key).or_default().insert(page);
            }
        }
    }
    let mut found = HashSet::new();
    for (page, lines) in pages.iter().enumerate() {
        let label = labels.get(page).copied().unwrap_or("");
        for (index, text) in edges(lines) {
            let key = head_key(&text);
            let running = !is_jump_like(&key)
                && pages_of
                    .get(&key)
                    .is_some_and(|p| p.len() >= HEAD_MIN_PAGES);
            if is_page_number(&text, label) || running {
                found.insert(index);
            }
        }
    }
    found
}

/// `CONTINUED ON NEXT PAGE` recurs like a running head but is a jump line.
fn is_jump_like(key: &str) -> bool {
    key.starts_with("continued") || key.starts_with("contd")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_as_ocr_reads_them() {
        assert!(is_page_number("12 ", "12"));
        assert!(is_page_number("J2", "32"));
        assert!(is_page_number("2%", "25"));
        assert!(!is_page_number("of", "12"));
        assert!(!is_page_number("1966", "12"));
    }

    #[test]
    fn a_running_head_recurs_at_page_edges() {
        let texts: Vec<Vec<String>> = (0..4)
            .map(|p| {
                vec![
                    "September 1998 - The Unesco Courier".to_owned(),
                    format!("Text of page {} here", "w".repeat(p)),
                    format!("and on {}", "x".repeat(p)),
                    format!("and on, to {}", "y".repeat(p)),
                    format!("the end of {}", "z".repeat(p)),
                    "CONTINUED ON NEXT PAGE".to_owned(),
                ]
            })
            .collect();
        let pages: Vec<PageLines<'_>> = (texts.iter().enumerate())
            .map(|(p, lines)| {
                (lines.iter().enumerate())
                    .map(|(i, t)| (p * 10 + i, t.as_str()))
                    .collect()
            })
            .collect();
        let found = find(&pages, &["1", "2", "3", "4"]);
        assert!(found.contains(&0) && found.contains(&30));
        assert!(!found.contains(&5), "a jump line is not furniture");
        assert!(!found.contains(&1));
    }
}
