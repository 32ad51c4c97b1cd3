//! Where a URL may break. UAX #14 allows a break after `https://` (SY ÷
//! AL) and forbids one after a `.` before a letter (LB29), the reverse of
//! what a reader copying the URL from the screen wants: a URL set across
//! lines breaks only after `/`, `.`, `?`, `&` or `=` inside it (after its
//! path, host or query separators, as The Chicago Manual of Style 14.18
//! advises), never inside `scheme://` or right after it, and never after a
//! hyphen (it would read as a hyphenated word; see `breaks`).
//!
//! A URL here is a run of URL characters (ASCII graphic, not `<>"`) that
//! holds `://` or begins with `www.`, searched back from the boundary at
//! most [`LOOKBACK`] bytes, so a long run costs linear time.

/// How far back the rule looks for the start of the URL a boundary is in.
pub const LOOKBACK: usize = 256;

/// Characters a URL may break after.
const BREAK_AFTER: &[char] = &['/', '.', '?', '&', '='];

/// Whether `c` can be part of a URL written in running text.
#[inline]
fn is_url_char(c: char) -> bool {
    c.is_ascii_graphic() && !matches!(c, '<' | '>' | '"')
}

/// The rule for a boundary at byte `at` of `text`, between `before` and
/// `next`: `Some(allowed)` inside a URL, `None` elsewhere (the boundary
/// before or after a URL is left to the other rules).
#[inline]
pub fn url_break(text: &str, at: usize, before: char, next: char) -> Option<bool> {
    if !is_url_char(before) || !is_url_char(next) {
        return None;
    }
    let mut from = at.saturating_sub(LOOKBACK);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (at + LOOKBACK).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let (head, tail) = (&text[from..at], &text[at..to]);
    let start = head.rfind(|c: char| !is_url_char(c)).map_or(0, |i| {
        i + head[i..].chars().next().map_or(1, char::len_utf8)
    });
    let end = tail.find(|c: char| !is_url_char(c)).unwrap_or(tail.len());
    let (before_len, run) = (head.len() - start, &text[from + start..at + end]);
    // The part a break may not fall in: the scheme and its `://` (`www.` for
    // a URL written without one).
    let scheme_end = match run.find("://") {
        Some(i) => i + 3,
        None if run.starts_with("www.") => 4,
        None => return None,
    };
    Some(before_len > scheme_end && BREAK_AFTER.contains(&before))
}

/// Whether a break at byte `at` of `text` is inside a URL but not after one
/// of its separators (for the wrapper's emergency cut, which ignores
/// [`url_break`]'s opportunities otherwise).
pub fn forbids(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let next = text[at..].chars().next();
    match (before, next) {
        (Some(b), Some(n)) => url_break(text, at, b, n) == Some(false),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn breaks(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for (at, next) in text.char_indices().skip(1) {
            let before = text[..at].chars().next_back().unwrap_or(' ');
            if url_break(text, at, before, next) == Some(true) {
                out.push(&text[..at]);
            }
        }
        out
    }

    #[test]
    fn a_url_breaks_after_its_separators_only() {
        assert_eq!(
            breaks("https://a.example/x?q=1&r=2"),
            [
                "https://a.",
                "https://a.example/",
                "https://a.example/x?",
                "https://a.example/x?q=",
                "https://a.example/x?q=1&",
                "https://a.example/x?q=1&r=",
            ]
        );
    }

    #[test]
    fn never_inside_or_right_after_the_scheme() {
        let text = "详情见https://www.qualcomm.com/news";
        for at in [
            text.find(':').unwrap() + 1,
            text.find("//").unwrap() + 1,
            text.find("www").unwrap(),
        ] {
            assert!(forbids(text, at), "{}", &text[..at]);
        }
        assert_eq!(breaks(text)[0], "详情见https://www.");
        assert!(!forbids(text, text.find("h").unwrap()), "before the URL");
    }

    #[test]
    fn plain_text_is_left_to_the_other_rules() {
        assert_eq!(url_break("a/b.c", 2, '/', 'b'), None);
        assert_eq!(url_break("see www.a.example", 8, '.', 'a'), Some(false));
        assert_eq!(url_break("see www.a.example", 10, '.', 'e'), Some(true));
    }
}
