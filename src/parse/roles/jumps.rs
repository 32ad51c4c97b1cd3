//! Jump lines: where an article goes on or came from, `(下转2版)`,
//! `（上接第1版）`, `Continued on Page A4`, `（2面に続く）`.

use std::ops::Range;

use crate::model::JumpDirection;

/// A jump line found in a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jump {
    pub range: Range<usize>,
    pub direction: JumpDirection,
    pub page: Range<usize>,
}

/// A page as printed: `2`, `A4`, `二`.
fn page_at(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let letters = rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_ascii_uppercase())
            .len();
    let digits_at = at + letters.min(1);
    let digits = text[digits_at..]
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len() - digits_at);
    if letters <= 1 && (1..=3).contains(&digits) {
        return Some(digits_at + digits);
    }
    let cn = text[at..]
        .find(|c: char| !"一二三四五六七八九十".contains(c))
        .unwrap_or(text.len() - at);
    (letters == 0 && cn > 0).then_some(at + cn)
}

fn skip_ws(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    at + rest.len() - rest.trim_start().len()
}

/// A jump line starting exactly at `at`: `(下转2版)`, `（上接第1版）`,
/// `Continued on Page A4`, `（2面に続く）`. Its end, direction and page.
pub fn jump_at(text: &str, at: usize) -> Option<(usize, JumpDirection, Range<usize>)> {
    let rest = &text[at..];
    let open = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '(' | '（' | '['));
    let inner = at + open.map_or(0, char::len_utf8);
    let (direction, page, end) = chinese_jump(text, inner)
        .or_else(|| english_jump(text, inner))
        .or_else(|| japanese_jump(text, inner))?;
    let end = match open {
        Some(_) => {
            let close = text[end..]
                .chars()
                .next()
                .filter(|c| matches!(c, ')' | '）' | ']'))?;
            end + close.len_utf8()
        }
        // A bare `下转2版` is a jump only as a whole block; inside prose it
        // could be words.
        None if chinese_jump(text, inner).is_some() && (at > 0 || end < text.trim_end().len()) => {
            return None;
        }
        None => end,
    };
    Some((end, direction, page))
}

type JumpMatch = (JumpDirection, Range<usize>, usize);

fn chinese_jump(text: &str, at: usize) -> Option<JumpMatch> {
    let rest = &text[at..];
    let (direction, len) = [
        ("下转", JumpDirection::ContinuedOn),
        ("转", JumpDirection::ContinuedOn),
        ("上接", JumpDirection::ContinuedFrom),
        ("接", JumpDirection::ContinuedFrom),
    ]
    .iter()
    .find_map(|(word, dir)| rest.starts_with(word).then_some((*dir, word.len())))?;
    let mut page_start = at + len;
    if text[page_start..].starts_with('第') {
        page_start += '第'.len_utf8();
    }
    let page_start = skip_ws(text, page_start);
    let page_end = page_at(text, page_start)?;
    let end = skip_ws(text, page_end);
    text[end..]
        .starts_with('版')
        .then(|| (direction, page_start..page_end, end + '版'.len_utf8()))
}

fn english_jump(text: &str, at: usize) -> Option<JumpMatch> {
    let rest = &text[at..];
    let word = ["Continued", "continued", "Cont'd", "Cont."]
        .iter()
        .find(|w| rest.starts_with(*w))?;
    let at = skip_ws(text, at + word.len());
    let (direction, at) = if text[at..].starts_with("on ") {
        (JumpDirection::ContinuedOn, at + 3)
    } else if text[at..].starts_with("from ") {
        (JumpDirection::ContinuedFrom, at + 5)
    } else {
        return None;
    };
    let at = skip_ws(text, at);
    let at = ["Page ", "page ", "P. ", "p. "]
        .iter()
        .find_map(|p| text[at..].starts_with(p).then(|| at + p.len()))
        .unwrap_or(at);
    let page_end = page_at(text, at)?;
    Some((direction, at..page_end, page_end))
}

fn japanese_jump(text: &str, at: usize) -> Option<JumpMatch> {
    let page_end = page_at(text, at)?;
    let rest = text[page_end..].strip_prefix('面')?;
    let after = page_end + '面'.len_utf8();
    for (tail, direction) in [
        ("に続く", JumpDirection::ContinuedOn),
        ("へ続く", JumpDirection::ContinuedOn),
        ("から続く", JumpDirection::ContinuedFrom),
        ("から", JumpDirection::ContinuedFrom),
    ] {
        if rest.starts_with(tail) {
            return Some((direction, at..page_end, after + tail.len()));
        }
    }
    None
}

/// The last character of every jump `jump_at` finds past the start of a
/// text: a closing bracket; a page number (ASCII digit or Chinese numeral)
/// for a bare English or Japanese one, or the end of `続く`/`から` (a
/// bare Chinese one is a jump only as the whole text). Most paragraphs end
/// otherwise, and then no position need be tried.
fn ends_a_jump(c: char) -> bool {
    matches!(c, ')' | '）' | ']' | 'く' | 'ら' | '0'..='9') || "一二三四五六七八九十".contains(c)
}

/// Where a jump line sits in a block.
pub fn find_jump(text: &str) -> Option<Jump> {
    find_jump_at_end(text, true)
}

/// `find_jump`; `by_last_char`: rule the end out at once when the text
/// does not end as a jump does (false only to test that rule).
fn find_jump_at_end(text: &str, by_last_char: bool) -> Option<Jump> {
    let trimmed = text.trim_end().len();
    let make = |start: usize, (end, direction, page): (usize, JumpDirection, Range<usize>)| Jump {
        range: start..end,
        direction,
        page,
    };
    if let Some(found) = jump_at(text, 0) {
        return Some(make(0, found));
    }
    // At the end: try each character boundary of the last few dozen bytes,
    // when the text ends as a jump found there must end.
    if by_last_char && !text[..trimmed].ends_with(ends_a_jump) {
        return None;
    }
    let from = trimmed.saturating_sub(60);
    (from..trimmed)
        .filter(|&i| text.is_char_boundary(i))
        .filter(|&i| i == 0 || text[..i].ends_with(|c: char| !c.is_ascii_alphanumeric()))
        .find_map(|i| {
            jump_at(text, i)
                .filter(|(end, ..)| *end == trimmed)
                .map(|m| make(i, m))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jumps() {
        let text = "实现四级政务服务全覆盖。(下转2版)";
        let jump = find_jump(text).unwrap();
        assert_eq!(&text[jump.range.clone()], "(下转2版)");
        assert_eq!(&text[jump.page], "2");
        assert_eq!(jump.direction, JumpDirection::ContinuedOn);
        let text = "（上接第1版）会议指出。";
        let jump = find_jump(text).unwrap();
        assert_eq!(&text[jump.range], "（上接第1版）");
        assert_eq!(jump.direction, JumpDirection::ContinuedFrom);
        let text = "Continued on Page A4";
        let jump = find_jump(text).unwrap();
        assert_eq!(&text[jump.page], "A4");
        let text = "The council will vote in May. Continued on Page A4";
        assert_eq!(
            &text[find_jump(text).unwrap().range],
            "Continued on Page A4"
        );
        let text = "全面的な見直しを求めた。（2面に続く）";
        assert_eq!(&text[find_jump(text).unwrap().page], "2");
        assert_eq!(find_jump("他说要转2版面的内容"), None);
        assert_eq!(find_jump("他说稿件要转2版"), None);
        assert!(find_jump("下转2版").is_some());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        #[test]
        fn the_last_character_rules_out_only_texts_with_no_jump(
            before in "[会议指出。 a]{0,12}",
            open in "[(（\\[]?",
            word in "(下转|转|上接|接|Continued on Page |continued from p. |Cont'd on )?",
            page in "[0-9A二十]{0,3}",
            tail in "(版|面に続く|面へ続く|面から続く|面から)?",
            close in "[)）\\]]?",
            after in "[ 。x]{0,2}",
        ) {
            let text = format!("{before}{open}{word}{page}{tail}{close}{after}");
            proptest::prop_assert_eq!(find_jump(&text), find_jump_at_end(&text, false), "{:?}", text);
        }
    }
}
