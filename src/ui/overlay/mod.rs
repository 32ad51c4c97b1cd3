//! Overlays drawn over the panes, one file each: help (generated from the
//! keymap), the message log, the links and the starred list. Each gives its
//! title and rows; the frame, scrolling and selection are drawn here, at the
//! place `geometry::overlay_area` gives (which mouse hit-testing uses too).

mod calendar;
mod help;
mod links;
mod log;
mod results;
mod starred;

use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::widgets::{Block, Widget};

use super::text::Pen;
use crate::app::{App, Overlay};
use crate::geometry;
use crate::i18n::t;

/// One row of an overlay: an optional key column and the text.
struct Row {
    key: String,
    text: String,
    style: Style,
}

impl Row {
    /// A row of text alone.
    fn text(text: String, style: Style) -> Row {
        Row {
            key: String::new(),
            text,
            style,
        }
    }
}

/// Draw `overlay`; returns where its focus is (the selected row, else its
/// first row), for the terminal cursor.
pub(super) fn render_overlay(
    app: &App,
    pen: &mut Pen,
    area: Rect,
    overlay: Overlay,
) -> Option<Position> {
    // The calendar and the search results draw themselves; the cursor is
    // on the chosen day, or the selected headline.
    match overlay {
        Overlay::Calendar => return calendar::render(app, pen, area),
        Overlay::Results => return results::render(app, pen, area),
        _ => {}
    }
    let (title, rows, selected, scroll) = contents(app, pen, area, overlay);
    let frame = geometry::overlay_area(area, rows.len())?;
    draw_frame(pen, frame, &title);
    let inner = geometry::overlay_inner(frame);
    let capacity = usize::from(inner.height);
    let top = match selected {
        Some(sel) => sel.saturating_sub(capacity.saturating_sub(1)),
        None => scroll.min(rows.len().saturating_sub(capacity)),
    };
    draw_rows(pen, inner, &rows, (top, selected));
    if selected.is_none() {
        scroll_mark(pen, frame, (top, capacity, rows.len()));
    }
    let row = selected.map_or(0, |sel| sel.saturating_sub(top));
    let dy = u16::try_from(row).unwrap_or(0);
    Some(Position::new(inner.x, inner.y.saturating_add(dy)))
}

/// `rows` from row `top` on, in `inner`; the key column as wide as the
/// widest key of all rows (24 cells at most), so it stays put on scrolling.
fn draw_rows(pen: &mut Pen, inner: Rect, rows: &[Row], (top, selected): (usize, Option<usize>)) {
    let key_width = rows
        .iter()
        .map(|r| pen.width(&r.key))
        .max()
        .unwrap_or(0)
        .min(24);
    let room = usize::from(inner.width);
    for (y, (index, row)) in (inner.top()..inner.bottom()).zip(rows.iter().enumerate().skip(top)) {
        let style = if selected == Some(index) {
            row.style.patch(pen.theme.selected)
        } else {
            row.style
        };
        pen.clear(
            Rect {
                y,
                height: 1,
                ..inner
            },
            style,
        );
        let mut x = inner.x;
        if key_width > 0 {
            let key = pen.fit(&row.key, key_width, pen.theme.glyphs.ellipsis);
            pen.put(
                x,
                y,
                key_width.min(room),
                &key,
                style.patch(pen.theme.overlay_key),
            );
            x = x.saturating_add(u16::try_from(key_width + 2).unwrap_or(u16::MAX));
        }
        let room = usize::from(inner.right().saturating_sub(x));
        let text = pen.fit(&row.text, room, pen.theme.glyphs.ellipsis);
        pen.put(x, y, room, &text, style);
    }
}

/// An overlay's title, rows, selected row (the starred list) and first
/// row shown. The log is scrolled by message (its rows start at
/// `overlay_line`), help and links by row, the starred list by its
/// selection.
type Contents = (String, Vec<Row>, Option<usize>, usize);

fn contents(app: &App, pen: &Pen, area: Rect, overlay: Overlay) -> Contents {
    let text_room = geometry::overlay_text_width(area.width);
    match overlay {
        Overlay::Help => (
            t!("help.title"),
            help::rows(app, pen, text_room),
            None,
            app.overlay.line,
        ),
        Overlay::Log => (t!("overlay.messages"), log::rows(app, pen, area), None, 0),
        Overlay::Starred => {
            let (title, rows) = starred::rows(app, pen);
            (title, rows, Some(app.overlay.line), 0)
        }
        Overlay::Links => (
            t!("overlay.links"),
            links::rows(app, pen),
            Some(app.overlay.line),
            0,
        ),
        // Drawn by their own files (`render_overlay` sends them there).
        Overlay::Calendar | Overlay::Results => (String::new(), Vec::new(), None, 0),
    }
}

/// `3-21/27` on the bottom border when not every row fits.
fn scroll_mark(pen: &mut Pen, frame: Rect, (top, shown, total): (usize, usize, usize)) {
    if top == 0 && shown >= total {
        return;
    }
    let last = (top + shown).min(total);
    let mark = format!(" {}-{last}/{total} ", top + 1);
    let width = u16::try_from(pen.width(&mark)).unwrap_or(u16::MAX);
    if width.saturating_add(4) > frame.width {
        return;
    }
    let x = frame.right().saturating_sub(width + 2);
    let y = frame.bottom().saturating_sub(1);
    pen.put(x, y, usize::from(width), &mark, pen.theme.overlay_title);
}

pub(super) fn draw_frame(pen: &mut Pen, frame: Rect, title: &str) {
    let style = pen.theme.overlay;
    pen.clear(frame, style);
    let [top_left, top, top_right, side, bottom_left, bottom_right] = pen.theme.glyphs.frame;
    let set = border::Set {
        top_left,
        top_right,
        bottom_left,
        bottom_right,
        vertical_left: side,
        vertical_right: side,
        horizontal_top: top,
        horizontal_bottom: top,
    };
    // The border's glyphs are one cell in either ambiguous width (the
    // theme picks ASCII for wide), so ratatui's measure is ours here; the
    // title may be CJK, so `Pen` sets it.
    Block::bordered()
        .border_set(set)
        .border_style(style)
        .render(frame, pen.buf);
    let room = usize::from(frame.width.saturating_sub(4));
    let title = pen.fit(title, room, "");
    pen.put(frame.x + 2, frame.y, room, &title, pen.theme.overlay_title);
}
