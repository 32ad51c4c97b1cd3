//! Headings (kicker, headline, deck, sub-head, byline) are set as a
//! newspaper sets them, not as running text.
//!
//! * A Chinese headline that came off a page as several printed lines reaches
//!   us as one line with spaces where the lines ended (`…全体会议时强调 聚焦一个
//!   主题建设两个示范区 打造京津冀协同发展高质量样板`). Those spaces are the
//!   places to break: phrases are kept whole and joined on a line only when
//!   the joined line fits and neither had to be broken.
//! * A phrase (or a Latin heading) too long for one line is balanced: set at
//!   the narrowest width that needs no more lines than first-fit at the full
//!   width, so its lines come out nearly equal and no single character is
//!   left alone on the last one.

use std::ops::Range;

use super::Options;
use super::breaks::opportunities;
use super::display::line_width;
use super::linebreak::wrap;
use super::paragraph::is_cjk_paragraph;
use super::words;

/// Headings longer than this many first-fit lines are set as running text:
/// balancing costs a wrap per narrower width, which only a heading-sized text
/// should pay.
const MAX_BALANCED_LINES: usize = 4;

/// Break a heading into lines at most `width` cells wide. Byte ranges into
/// `text`, like [`wrap`]; spaces at a break are in no range.
pub fn wrap_heading(text: &str, width: usize, options: &Options) -> Vec<Range<usize>> {
    let width = width.max(1);
    if !is_cjk_paragraph(text) || text.contains(is_line_end) {
        return balance(text, 0..text.len(), width, options);
    }
    let mut lines = Vec::new();
    // The line being filled with whole phrases; a phrase that had to be
    // broken ends its last line, so the break stays visible as one.
    let mut current: Option<Range<usize>> = None;
    for phrase in phrases(text) {
        if let Some(line) = current.take() {
            let joined = line.start..phrase.end;
            if line_width(text, joined.clone(), width, options) <= width {
                current = Some(joined);
                continue;
            }
            lines.push(line);
        }
        let mut pieces = balance(text, phrase, width, options);
        if pieces.len() == 1 {
            current = pieces.pop();
        }
        lines.extend(pieces);
    }
    lines.extend(current);
    if lines.is_empty() {
        lines.push(0..0);
    }
    lines
}

fn is_line_end(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{B}' | '\u{C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn is_phrase_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}')
}

/// The runs of `text` between spaces, as byte ranges.
fn phrases(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    text.split(is_phrase_space)
        .filter(|phrase| !phrase.is_empty())
        .map(move |phrase| {
            let start = phrase.as_ptr() as usize - text.as_ptr() as usize;
            start..start + phrase.len()
        })
}

/// `text[range]` in as many lines as first-fit needs at `width`, each as
/// short as that count allows.
///
/// A narrower wrap measures some clusters differently: a tab or a glyph
/// wider than the narrower line counts as one cell there, but is drawn at
/// `width` in full. So a narrower set is kept only if every line fits when
/// measured as it will be drawn, at `width`, in the whole `text`.
fn balance(text: &str, range: Range<usize>, width: usize, options: &Options) -> Vec<Range<usize>> {
    if let Some(lines) = balance_words(text, range.clone(), width, options) {
        return lines;
    }
    let part = &text[range.clone()];
    let within = |lines: Vec<Range<usize>>| -> Vec<Range<usize>> {
        (lines.into_iter())
            .map(|line| line.start + range.start..line.end + range.start)
            .collect()
    };
    let mut best = within(wrap(part, width, 0, options));
    if best.len() > 1 && best.len() <= MAX_BALANCED_LINES {
        // Narrower widths only add lines once they are too narrow, so the
        // first width that needs more lines (or no longer fits) ends the
        // search.
        for narrower in (1..width).rev() {
            let lines = within(wrap(part, narrower, 0, options));
            let fits = (lines.iter()).all(|l| line_width(text, l.clone(), width, options) <= width);
            if lines.len() > best.len() || !fits {
                break;
            }
            best = lines;
        }
    }
    best
}

/// `text[range]` broken only between words (see `words`) at breaks the
/// line-start and line-end rules allow, first-fit at `width` and then
/// balanced as `balance` does; `None` when the phrase offers no word
/// boundaries or a word is wider than the line.
fn balance_words(
    text: &str,
    range: Range<usize>,
    width: usize,
    options: &Options,
) -> Option<Vec<Range<usize>>> {
    let part = &text[range.clone()];
    let cuts = words::boundaries(part)?;
    let allowed: Vec<usize> = opportunities(part, options.kinsoku)
        .into_iter()
        .map(|(at, _)| at)
        .collect();
    let mut stops: Vec<usize> = cuts.into_iter().filter(|c| allowed.contains(c)).collect();
    stops.push(part.len());
    // Cells from the phrase's start to each stop, as drawn at `width`:
    // widths add up, each cluster being measured in the context of `text`.
    let cells: Vec<usize> = (stops.iter())
        .map(|&stop| line_width(text, range.start..range.start + stop, width, options))
        .collect();
    let fill = |room: usize| -> Option<Vec<Range<usize>>> {
        let mut lines = Vec::new();
        let (mut from, mut from_cells) = (0, 0);
        let mut k = 0;
        while from < part.len() {
            let mut end = None;
            while k < stops.len() && cells[k] - from_cells <= room {
                end = Some(k);
                k += 1;
            }
            let end = end?;
            lines.push(range.start + from..range.start + stops[end]);
            (from, from_cells) = (stops[end], cells[end]);
        }
        Some(lines)
    };
    let mut best = fill(width)?;
    if best.len() > 1 && best.len() <= MAX_BALANCED_LINES {
        for narrower in (1..width).rev() {
            match fill(narrower) {
                Some(lines) if lines.len() <= best.len() => best = lines,
                _ => break,
            }
        }
    }
    Some(best)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::AmbiguousWidth;

    fn str_width(text: &str) -> usize {
        crate::typeset::str_width(text, AmbiguousWidth::Narrow)
    }

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap_heading(text, width, &Options::default())
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    const HEADLINE: &str = "蔡奇在城市副中心调研并召开城市副中心建设领导小组全体会议时强调 \
                            聚焦一个主题建设两个示范区 打造京津冀协同发展高质量样板";

    #[test]
    fn a_chinese_headline_breaks_where_the_printed_lines_ended() {
        assert_eq!(
            lines(HEADLINE, 80),
            [
                "蔡奇在城市副中心调研并召开城市副中心建设领导小组全体会议时强调",
                "聚焦一个主题建设两个示范区 打造京津冀协同发展高质量样板",
            ]
        );
    }

    #[test]
    fn a_phrase_too_long_for_the_line_is_balanced_and_leaves_no_widow() {
        crate::typeset::words::load();
        let set = lines(HEADLINE, 58);
        assert!(set.iter().all(|line| str_width(line) <= 58), "{set:?}");
        assert!(
            set.iter().all(|line| line.chars().count() > 1),
            "no character alone on a line: {set:?}"
        );
        assert_eq!(
            set,
            [
                "蔡奇在城市副中心调研并召开城市",
                "副中心建设领导小组全体会议时强调",
                "聚焦一个主题建设两个示范区 打造京津冀协同发展高质量样板",
            ],
            "a broken phrase breaks between words (副中心 whole) and ends its line; \
             whole phrases that fit share one"
        );
        let narrow = lines("打造京津冀协同发展高质量样板", 20);
        assert_eq!(narrow, ["打造京津冀协同", "发展高质量样板"]);
    }

    #[test]
    fn a_latin_heading_is_balanced_at_its_spaces() {
        let set = lines(
            "Mayor opens the new river park after three years of work",
            40,
        );
        assert_eq!(set.len(), 2);
        let (a, b) = (str_width(set[0]), str_width(set[1]));
        assert!(a.abs_diff(b) <= 8, "{set:?}");
    }

    #[test]
    fn a_narrower_set_is_measured_as_drawn() {
        for (text, width) in [("a\tb", 5), ("粇ཿ\u{301}\u{FFFD}", 3)] {
            for line in wrap_heading(text, width, &Options::default()) {
                let cells = line_width(text, line.clone(), width, &Options::default());
                assert!(cells <= width, "{text:?} at {width}: {:?}", &text[line]);
            }
        }
    }

    #[test]
    fn nothing_but_the_spaces_at_breaks_is_dropped() {
        for width in [1, 2, 5, 13, 30, 61, 62, 63, 120] {
            let ranges = wrap_heading(HEADLINE, width, &Options::default());
            let mut at = 0;
            for range in ranges {
                assert!(
                    HEADLINE[at..range.start].chars().all(|c| c == ' '),
                    "width {width}: only spaces between lines"
                );
                at = range.end;
            }
            assert_eq!(at, HEADLINE.len(), "width {width}");
        }
        assert_eq!(lines("", 10), [""]);
        assert_eq!(lines("   ", 10), [""]);
    }
}
