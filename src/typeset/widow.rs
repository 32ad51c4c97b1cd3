//! No lone last character (clreq: 段落末行不宜只有一个字): when first-fit
//! leaves one character (and its closing punctuation, `加。`) alone on a
//! paragraph's last line, the line above gives one up, at a break the
//! line-start and line-end rules allow. A cell grid cannot squeeze the line
//! above, so pulling a character down is the only remedy.

use std::ops::Range;

use super::Options;
use super::breaks::opportunities;
use super::classes::starts_prohibited;
use super::clusters::Clusters;
use super::display::line_width;

/// How many characters the line above may give up: the last line then
/// holds at most this many more. Past a few, the line above would look cut
/// short, which is worse than the lone character.
const MAX_PULLED: usize = 3;

/// Whether `lines` (as `wrap` made them) end with a lone character: the
/// last line holds exactly one grapheme before its closing punctuation and
/// directly continues the line above (no line break between them).
pub fn has_lone_last(text: &str, lines: &[Range<usize>], options: &Options) -> bool {
    let [.., above, last] = lines else {
        return false;
    };
    continuous(text, above, last) && letters_before_closing(text, last, options) == 1
}

/// Two lines of one run of text: only spaces or tabs between them.
fn continuous(text: &str, above: &Range<usize>, last: &Range<usize>) -> bool {
    !above.is_empty()
        && above.end <= last.start
        && text
            .get(above.end..last.start)
            .is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == '\t'))
}

/// Graphemes on `line` before the closing punctuation that ends it.
fn letters_before_closing(text: &str, line: &Range<usize>, options: &Options) -> usize {
    let graphemes: Vec<char> = Clusters::new(text, line.start)
        .take_while(|c| c.start < line.end)
        .map(|c| c.first)
        .collect();
    let closing = graphemes
        .iter()
        .rev()
        .take_while(|&&c| starts_prohibited(c, None, options.kinsoku.max(super::Kinsoku::Basic)))
        .count();
    graphemes.len() - closing
}

/// Move the last line's start back by up to `MAX_PULLED` graphemes of the
/// line above, to the nearest allowed break that leaves the last line two
/// characters or more and still fits `width`. Lines stay as they are when
/// no such break exists.
pub(super) fn pull_down(text: &str, lines: &mut [Range<usize>], width: usize, options: &Options) {
    if options.widows || !has_lone_last(text, lines, options) {
        return;
    }
    let n = lines.len();
    let (above, last) = (lines[n - 2].clone(), lines[n - 1].clone());
    let starts: Vec<usize> = Clusters::new(text, above.start)
        .take_while(|c| c.start < above.end)
        .map(|c| c.start)
        .collect();
    let span = &text[above.start..last.end];
    let allowed: Vec<usize> = opportunities(span, options.kinsoku)
        .into_iter()
        .map(|(at, _)| at + above.start)
        .collect();
    for &at in starts.iter().rev().take(MAX_PULLED) {
        if at <= above.start {
            break;
        }
        if text[at..].starts_with([' ', '\t']) || !allowed.contains(&at) {
            continue;
        }
        if line_width(text, at..last.end, width, options) > width {
            break;
        }
        let end = above.start + text[above.start..at].trim_end_matches([' ', '\t']).len();
        if end <= above.start {
            break;
        }
        lines[n - 2] = above.start..end;
        lines[n - 1] = at..last.end;
        return;
    }
}

#[cfg(test)]
mod tests {
    use crate::typeset::{Options, wrap};

    fn lines(text: &str, width: usize, options: &Options) -> Vec<String> {
        wrap(text, width, 0, options)
            .into_iter()
            .map(|r| text[r].to_owned())
            .collect()
    }

    #[test]
    fn the_line_above_gives_up_a_character() {
        let text = "区委书记强调要抓好落实加。";
        let on = Options::default();
        let off = Options {
            widows: true,
            ..Options::default()
        };
        assert_eq!(lines(text, 22, &off), ["区委书记强调要抓好落实", "加。"]);
        assert_eq!(lines(text, 22, &on), ["区委书记强调要抓好落", "实加。"]);
    }

    #[test]
    fn no_rule_is_broken_to_avoid_it() {
        // `“` may not end a line, so `”` is not pulled alone: the pull takes
        // the quoted character with its quote mark.
        let text = "区委书记强调要抓好落“实”加。";
        let got = lines(text, 24, &Options::default());
        assert!(got.iter().skip(1).all(|l| !l.starts_with('”')), "{got:?}");
        assert!(got.iter().all(|l| !l.ends_with('“')), "{got:?}");
        assert!(got.last().is_some_and(|l| l.chars().count() > 2), "{got:?}");
    }
}
