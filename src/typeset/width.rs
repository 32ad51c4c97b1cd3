//! The only place that measures display cells.
//!
//! A grapheme cluster's width is what it occupies *as drawn by
//! `display_line`*: unicode-width 0.2.3 (pinned exactly: point releases have
//! changed widths) for printable text, `TAB_WIDTH` for a tab, 1 for a control
//! character (drawn as a one-cell placeholder). Ambiguous characters
//! (`“ ” — … ·`) take 1 or 2 cells by the chosen policy.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::AmbiguousWidth;
use super::clusters::Clusters;

/// Cells a tab is drawn as: a fixed four spaces. Tab stops would make a
/// line's width depend on where it starts, which changes with the wrap
/// width; a fixed width keeps wrapping a pure function of the text.
pub const TAB_WIDTH: usize = 4;

/// Drawn for a grapheme wider than the whole line (a Han character in a
/// one-cell pane) and for C1 control characters: one cell in both
/// ambiguous-width modes, unlike U+FFFD which is ambiguous.
pub const PLACEHOLDER: char = '\u{25AF}';

/// The visible one-cell stand-in for control character `c`: the Control
/// Pictures symbol (`␛` for ESC) for C0 and DEL, `PLACEHOLDER` for C1.
#[inline]
pub fn control_picture(c: char) -> char {
    match c as u32 {
        u @ 0..=0x1F => char::from_u32(0x2400 + u).unwrap_or(PLACEHOLDER),
        0x7F => '\u{2421}',
        _ => PLACEHOLDER,
    }
}

/// Cells one character takes when it is a grapheme cluster by itself.
#[inline]
pub fn char_width(c: char, ambiguous: AmbiguousWidth) -> usize {
    if c.is_ascii() {
        // Controls other than tab are drawn as a one-cell picture.
        return if c == '\t' { TAB_WIDTH } else { 1 };
    }
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        // CJK Unified Ideographs: East_Asian_Width W throughout.
        return 2;
    }
    let width = match ambiguous {
        AmbiguousWidth::Narrow => c.width(),
        AmbiguousWidth::Wide => c.width_cjk(),
    };
    // `None` only for C1 controls, drawn as the one-cell placeholder.
    width.unwrap_or(1)
}

/// Cells one extended grapheme cluster occupies.
pub fn grapheme_width(grapheme: &str, ambiguous: AmbiguousWidth) -> usize {
    let mut chars = grapheme.chars();
    match (chars.next(), chars.next()) {
        (None, _) => 0,
        (Some(c), None) => char_width(c, ambiguous),
        // "\r\n" is the only cluster holding a control; drawn as one picture.
        (Some('\r'), Some('\n')) => 1,
        _ => match ambiguous {
            AmbiguousWidth::Narrow => grapheme.width(),
            AmbiguousWidth::Wide => grapheme.width_cjk(),
        },
    }
}

/// Cells a string occupies: the sum over its grapheme clusters.
pub fn str_width(text: &str, ambiguous: AmbiguousWidth) -> usize {
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return text.len();
    }
    Clusters::new(text, 0)
        .map(|c| {
            if c.is_single() {
                char_width(c.first, ambiguous)
            } else {
                grapheme_width(&text[c.start..c.end], ambiguous)
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use AmbiguousWidth::{Narrow, Wide};

    #[test]
    fn traps() {
        assert_eq!(grapheme_width("👩\u{200D}🔬", Narrow), 2);
        assert_eq!(grapheme_width("ｶﾞ", Narrow), 2);
        assert_eq!(grapheme_width("e\u{301}", Narrow), 1);
        assert_eq!(grapheme_width("“", Narrow), 1);
        assert_eq!(grapheme_width("“", Wide), 2);
        assert_eq!(str_width("甲\t乙\u{1B}", Narrow), 2 + TAB_WIDTH + 2 + 1);
        assert_eq!(str_width("abc", Wide), 3);
    }

    #[test]
    fn placeholders_are_one_cell_in_both_modes() {
        for c in ['\u{1B}', '\u{7F}', '\u{9B}', PLACEHOLDER] {
            let p = if c == PLACEHOLDER {
                c
            } else {
                control_picture(c)
            };
            assert_eq!(p.width(), Some(1), "{p:?}");
            assert_eq!(p.width_cjk(), Some(1), "{p:?}");
        }
    }
}
