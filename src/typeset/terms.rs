//! Short terms body text keeps whole although a Chinese line may break
//! between any two Han characters (the wrapper's tailoring, at `basic` and
//! above):
//!
//! * a short quoted term, `“十四五”`, `「五子」`: up to `MAX_TERM_CHARS`
//!   letters or digits between a pair of quotes, nothing else;
//! * a Latin or number unit written with a slash, `TOPS/W`, `km/h` (a URL,
//!   which breaks after its `/`, is not a unit);
//! * a Korean word: Korean breaks at spaces (CSS `word-break: keep-all`),
//!   not between syllables.

use super::breaks::Boundary;

/// The longest quoted term kept on one line, in characters: a name or a
/// slogan (`“十四五”`, `“双减”`, `“一带一路”`), not a quoted sentence.
pub const MAX_TERM_CHARS: usize = 6;

/// The closing quote for each opening one a term may stand in.
fn closing_quote(open: char) -> Option<char> {
    match open {
        '“' => Some('”'),
        '‘' => Some('’'),
        '「' => Some('」'),
        '『' => Some('』'),
        _ => None,
    }
}

/// Where the closing quote of a short term opened at `open_at` starts, when
/// `text[open_at..]` opens one.
pub(super) fn quoted_term_end(text: &str, open_at: usize) -> Option<usize> {
    let mut chars = text.get(open_at..)?.char_indices();
    let close = closing_quote(chars.next()?.1)?;
    for (n, (at, c)) in chars.enumerate() {
        if c == close {
            return (n > 0).then_some(open_at + at);
        }
        if n >= MAX_TERM_CHARS || !c.is_alphanumeric() {
            return None;
        }
    }
    None
}

/// Whether byte `at` lies inside a short quoted term (after its first
/// letter, up to its closing quote).
pub(super) fn inside_quoted_term(text: &str, at: usize) -> bool {
    let before = text[..at].char_indices().rev().take(MAX_TERM_CHARS + 1);
    for (open_at, c) in before {
        if closing_quote(c).is_some() {
            return quoted_term_end(text, open_at).is_some_and(|close| at <= close);
        }
        if !c.is_alphanumeric() {
            return false;
        }
    }
    false
}

/// Hangul syllables and jamo: the letters of a Korean word.
fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

/// How far back a break looks for the `://` of the URL it may be in.
const URL_LOOKBACK: usize = 256;

/// The word (text since the last whitespace) that ends at byte `at`, looked
/// for in the last `URL_LOOKBACK` bytes only, so a long run costs linear
/// time.
pub(super) fn word_before(text: &str, at: usize) -> &str {
    let mut from = at.saturating_sub(URL_LOOKBACK);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let word = &text[from..at];
    word.rsplit(char::is_whitespace).next().unwrap_or(word)
}

/// Whether the break at `b` would split a Korean word or a slash unit.
pub(super) fn splits_a_word(b: &Boundary<'_>) -> bool {
    if is_hangul(b.before) && is_hangul(b.next) {
        return true;
    }
    if b.before != '/' || !b.next.is_ascii_alphanumeric() {
        return false;
    }
    let word = word_before(b.text, b.at - 1);
    word.ends_with(|c: char| c.is_ascii_alphanumeric()) && !word.contains("://")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_quoted_term_is_found_and_a_sentence_is_not() {
        let text = "落实“十四五”规划";
        let open = text.find('“').unwrap();
        assert_eq!(quoted_term_end(text, open), text.find('”'));
        assert!(inside_quoted_term(text, text.find('四').unwrap()));
        assert!(inside_quoted_term(text, text.find('”').unwrap()));
        assert!(!inside_quoted_term(text, text.find('规').unwrap()));
        let sentence = "他说“我们一定要把这件事办好，”然后";
        assert_eq!(quoted_term_end(sentence, sentence.find('“').unwrap()), None);
    }
}
