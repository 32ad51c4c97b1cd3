//! Putting text into the buffer, measured by `typeset` (never by ratatui's
//! own width, nor `.len()`): the screen and the typesetter then agree on
//! every cell, in both ambiguous-width modes.

use ratatui::buffer::{Buffer, CellDiffOption, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::Style;
use std::num::NonZeroU16;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

use std::borrow::Cow;

use super::theme::Theme;
use crate::typeset::{AmbiguousWidth, Options, display_line, grapheme_width, str_width};

/// Draws text into one buffer with one ambiguous-width policy.
pub struct Pen<'a> {
    pub buf: &'a mut Buffer,
    pub ambiguous: AmbiguousWidth,
    /// Every style and glyph drawn.
    pub theme: &'a Theme,
}

impl Pen<'_> {
    /// Cells `text` takes.
    pub fn width(&self, text: &str) -> usize {
        str_width(&self.shown(text), self.ambiguous)
    }

    /// What a label looks like on screen: the typesetter's display rules,
    /// so a tab in a headline shows as spaces in the lists as it does in the
    /// article, and any control left shows as its picture, not nothing.
    pub(super) fn shown<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let options = Options {
            ambiguous: self.ambiguous,
            ..Options::default()
        };
        display_line(text, 0..text.len(), usize::MAX, &options)
    }

    /// Draw `text` at (x, y), at most `max` cells and never past the buffer;
    /// a grapheme that does not fit whole is left out, with the rest of the
    /// text. Returns the cells used.
    pub fn put(&mut self, x: u16, y: u16, max: usize, text: &str, style: Style) -> usize {
        let area = self.buf.area;
        if y < area.y || y >= area.bottom() || x < area.x {
            return 0;
        }
        let room = usize::from(area.right().saturating_sub(x)).min(max);
        let mut used = 0usize;
        let text = self.shown(text);
        for grapheme in text.graphemes(true) {
            if grapheme.chars().any(char::is_control) {
                continue;
            }
            let width = grapheme_width(grapheme, self.ambiguous);
            if width == 0 {
                continue;
            }
            if used + width > room {
                break;
            }
            // `room` fits in u16, so these conversions cannot fail.
            let cx = x + u16::try_from(used).unwrap_or(0);
            let cell = &mut self.buf[(cx, y)];
            cell.set_symbol(grapheme).set_style(style);
            // Where our measure differs from ratatui's (ambiguous glyphs in
            // wide mode), tell the diff how far the terminal cursor moves.
            let option = match u16::try_from(width).ok().and_then(NonZeroU16::new) {
                Some(w) if grapheme.cell_width() != w.get() => CellDiffOption::ForcedWidth(w),
                _ => CellDiffOption::None,
            };
            cell.set_diff_option(option);
            for dx in 1..width {
                let hidden = cx + u16::try_from(dx).unwrap_or(0);
                self.buf[(hidden, y)].reset();
                self.buf[(hidden, y)].set_style(style);
            }
            used += width;
        }
        used
    }

    /// Lay `style` over `cells` cells from (x, y) already drawn, within the
    /// buffer and `max` cells: the text stays, so a wide glyph keeps its
    /// continuation cell.
    pub fn restyle(&mut self, x: u16, y: u16, cells: Range<usize>, max: usize, style: Style) {
        let area = self.buf.area;
        if y < area.y || y >= area.bottom() || x < area.x {
            return;
        }
        let room = usize::from(area.right().saturating_sub(x)).min(max);
        for dx in cells.start..cells.end.min(room) {
            // `dx < room`, which fits in u16.
            let cx = x + u16::try_from(dx).unwrap_or(0);
            self.buf[(cx, y)].set_style(style);
        }
    }

    /// Fill `area` with blanks in `style`. A wide glyph just left of the
    /// area, whose right half the fill would cover, is blanked too, so no
    /// half glyph is left on screen.
    pub fn clear(&mut self, area: Rect, style: Style) {
        let area = area.intersection(self.buf.area);
        for y in area.top()..area.bottom() {
            self.mend_left_edge(area.x, y);
            for x in area.left()..area.right() {
                self.buf[(x, y)].reset();
                self.buf[(x, y)].set_style(style);
            }
        }
    }

    fn mend_left_edge(&mut self, x: u16, y: u16) {
        let left = self.buf.area.x;
        // Look back as far as the widest glyph (4 cells covers every grapheme
        // `typeset` measures).
        for back in 1..4u16 {
            let Some(start) = x.checked_sub(back).filter(|s| *s >= left) else {
                return;
            };
            let width = self.buf[(start, y)].cell_width();
            if width > back {
                self.buf[(start, y)].reset();
                return;
            }
            if self.buf[(start, y)].symbol() != " " {
                return;
            }
        }
    }

    /// `text` cut to `max` cells, ending in the ellipsis when cut.
    pub fn fit(&self, text: &str, max: usize, ellipsis: &str) -> String {
        let text = self.shown(text);
        if self.width(&text) <= max {
            return text.into_owned();
        }
        let room = max.saturating_sub(self.width(ellipsis));
        let mut used = 0;
        let mut out = String::new();
        for grapheme in text.graphemes(true) {
            let width = grapheme_width(grapheme, self.ambiguous);
            if used + width > room {
                break;
            }
            used += width;
            out.push_str(grapheme);
        }
        // `召开 …` reads as a gap: the ellipsis follows the last word. After
        // a separator (`勃勃 · …`) the space stays: the next field is cut.
        let trimmed = out.trim_end();
        if !trimmed.ends_with('·') {
            out.truncate(trimmed.len());
        }
        if self.width(ellipsis) <= max {
            out.push_str(ellipsis);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(buf: &Buffer) -> String {
        buf.content().iter().map(|cell| cell.symbol()).collect()
    }

    #[test]
    fn a_tab_in_a_label_shows_as_the_article_shows_it() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        let mut pen = Pen {
            buf: &mut buf,
            ambiguous: AmbiguousWidth::Narrow,
            theme: &Theme::new(false, AmbiguousWidth::Narrow),
        };
        assert_eq!(pen.width("a\tb"), 6);
        assert_eq!(pen.put(0, 0, 12, "a\tb", Style::default()), 6);
        assert_eq!(row(&buf), "a    b      ");
    }

    #[test]
    fn fitting_measures_what_is_drawn() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 1, 1));
        let pen = Pen {
            buf: &mut buf,
            ambiguous: AmbiguousWidth::Narrow,
            theme: &Theme::new(false, AmbiguousWidth::Narrow),
        };
        assert_eq!(pen.fit("甲\t乙丙", 9, "…"), "甲    乙…");
        assert_eq!(pen.fit("甲\t乙丙", 10, "…"), "甲    乙丙");
    }
}
