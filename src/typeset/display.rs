//! What a wrapped line looks like on screen: safe, and normalised for display.
//!
//! `cluster_cells` is the single rule for how a grapheme cluster is drawn
//! and how many cells that takes; the wrapper measures with it and
//! `display_line` draws with it, so the two never disagree.

use std::borrow::Cow;
use std::ops::Range;

use super::classes::fullwidth_form;
use super::clusters::{Cluster, Clusters, char_before};
use super::width::{PLACEHOLDER, TAB_WIDTH, char_width, control_picture, grapheme_width};
use super::{Options, Punctuation};

/// How a cluster is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Glyph {
    /// As in the source.
    Source,
    /// As this many spaces (a tab).
    Spaces(usize),
    /// As this one character (a control picture, a fullwidth form, the
    /// placeholder for a cluster wider than the line).
    Char(char),
}

/// Cells `cluster` takes on a line `width` cells wide (at least 1), and how
/// it is drawn. `prev` is the character before it in the source.
#[inline]
pub(crate) fn cluster_cells(
    text: &str,
    cluster: &Cluster,
    prev: char,
    width: usize,
    options: &Options,
) -> (usize, Glyph) {
    let c = cluster.first;
    let (cells, glyph) = if !cluster.is_single() {
        let g = &text[cluster.start..cluster.end];
        if g == "\r\n" {
            (1, Glyph::Char(control_picture('\n')))
        } else {
            (grapheme_width(g, options.ambiguous), Glyph::Source)
        }
    } else if c == '\t' {
        (TAB_WIDTH, Glyph::Spaces(TAB_WIDTH))
    } else if c.is_control() {
        (1, Glyph::Char(control_picture(c)))
    } else if let Some(wide) = fullwidth(prev, cluster, options) {
        (2, Glyph::Char(wide))
    } else {
        (char_width(c, options.ambiguous), Glyph::Source)
    };
    if cells <= width {
        (cells, glyph)
    } else if c == '\t' {
        (1, Glyph::Spaces(1))
    } else {
        (1, Glyph::Char(PLACEHOLDER))
    }
}

#[inline]
fn fullwidth(prev: char, cluster: &Cluster, options: &Options) -> Option<char> {
    if options.punctuation == Punctuation::AsIs || !cluster.first.is_ascii_punctuation() {
        return None;
    }
    fullwidth_form(Some(prev), cluster.first, cluster.second)
}

/// The text to draw for `line` (a range returned by `wrap`) of `text`: tabs
/// become spaces, controls become a visible placeholder, ASCII punctuation in
/// Chinese becomes fullwidth when asked, a grapheme wider than `width` becomes
/// a placeholder. Its display width is what `wrap` measured: never more than
/// `width`. At width 0 nothing is drawn.
pub fn display_line<'a>(
    text: &'a str,
    line: Range<usize>,
    width: usize,
    options: &Options,
) -> Cow<'a, str> {
    let Some(source) = text.get(line.clone()) else {
        return Cow::Borrowed("");
    };
    if width == 0 {
        return Cow::Borrowed("");
    }
    let mut prev = char_before(text, line.start);
    let mut out: Option<String> = None;
    for cluster in Clusters::new(text, line.start).take_while(|c| c.start < line.end) {
        let (_, glyph) = cluster_cells(text, &cluster, prev, width, options);
        prev = cluster.last(text);
        if glyph == Glyph::Source {
            if let Some(out) = out.as_mut() {
                out.push_str(&text[cluster.start..cluster.end]);
            }
            continue;
        }
        let out = out.get_or_insert_with(|| {
            let mut s = String::with_capacity(source.len() + 8);
            s.push_str(&text[line.start..cluster.start]);
            s
        });
        match glyph {
            Glyph::Spaces(n) => out.extend(std::iter::repeat_n(' ', n)),
            Glyph::Char(c) => out.push(c),
            Glyph::Source => {}
        }
    }
    out.map_or(Cow::Borrowed(source), Cow::Owned)
}

/// A whole string of article text as it is shown outside the article pane
/// (a headline in the Headlines pane, an overlay row): the same display
/// options (`script`, `punctuation`) as in the article, on one unbroken
/// line. A byte range of `text` is the same range of what this returns
/// when nothing but the script changed it (no tab, control or fullwidth
/// form in the range's way).
pub fn display_text<'a>(text: &'a str, options: &Options) -> Cow<'a, str> {
    match shown(text, options) {
        Cow::Borrowed(text) => display_line(text, 0..text.len(), usize::MAX, options),
        // The converted string is returned itself when the display rules
        // leave it alone, not copied again.
        Cow::Owned(text) => match display_line(&text, 0..text.len(), usize::MAX, options) {
            Cow::Borrowed(_) => Cow::Owned(text),
            Cow::Owned(line) => Cow::Owned(line),
        },
    }
}

/// A whole string of article text in the characters it is shown in (see
/// `script`): what `wrap` and `display_line` are given, so they measure and
/// draw what is shown. Every character stays at its source offset, so the
/// lines are source ranges as well.
pub fn shown<'a>(text: &'a str, options: &Options) -> Cow<'a, str> {
    super::script::shown(text, options.script)
}

/// Cells `display_line` takes for `line`: what `wrap` measured.
pub fn line_width(text: &str, line: Range<usize>, width: usize, options: &Options) -> usize {
    if width == 0 || text.get(line.clone()).is_none() {
        return 0;
    }
    let mut prev = char_before(text, line.start);
    let mut cells = 0;
    for cluster in Clusters::new(text, line.start).take_while(|c| c.start < line.end) {
        cells += cluster_cells(text, &cluster, prev, width, options).0;
        prev = cluster.last(text);
    }
    cells
}
