//! Overlays drawn over the panes: help (generated from the keymap), the
//! message log and the starred list.

use ratatui::layout::Rect;
use ratatui::style::Style;

use super::text::Pen;
use crate::app::{Action, App, Overlay, link_lines, overlay_text_width, overlay_width};
use crate::typeset::{self, AmbiguousWidth};

/// One row of an overlay: an optional key column and the text.
struct Row {
    key: String,
    text: String,
    style: Style,
}

/// Where an overlay of `rows` rows is drawn on a screen of `area`: as wide
/// as [`overlay_width`] says, as tall as its rows and its border, centred; `None` when
/// that leaves too little room to draw it. `app::mouse` hit-tests with it.
pub fn overlay_area(area: Rect, rows: usize) -> Option<Rect> {
    let width = overlay_width(area.width);
    let wanted = u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(2);
    let height = area.height.saturating_sub(2).min(wanted);
    let frame = Rect {
        x: area.x + area.width.saturating_sub(width) / 2,
        y: area.y + area.height.saturating_sub(height) / 2,
        width,
        height,
    };
    (frame.width >= 4 && frame.height >= 3).then_some(frame)
}

/// The rows of an overlay drawn in `frame` (from [`overlay_area`]): inside
/// the border, with a cell of margin each side.
pub fn overlay_inner(frame: Rect) -> Rect {
    Rect {
        x: frame.x + 2,
        y: frame.y + 1,
        width: frame.width - 4,
        height: frame.height - 2,
    }
}

pub(super) fn render_overlay(app: &App, pen: &mut Pen, area: Rect, overlay: Overlay) {
    let (title, rows, selected, scroll) = contents(app, pen, area, overlay);
    let Some(frame) = overlay_area(area, rows.len()) else {
        return;
    };
    draw_frame(app, pen, frame, &title);
    let inner = overlay_inner(frame);
    let capacity = usize::from(inner.height);
    let top = match selected {
        Some(sel) => sel.saturating_sub(capacity.saturating_sub(1)),
        None => scroll.min(rows.len().saturating_sub(capacity)),
    };
    draw_rows(app, pen, inner, &rows, (top, selected));
    if selected.is_none() {
        scroll_mark(app, pen, frame, (top, capacity, rows.len()));
    }
}

/// `rows` from row `top` on, in `inner`; the key column as wide as the
/// widest key of all rows (24 cells at most), so it stays put on scrolling.
fn draw_rows(
    app: &App,
    pen: &mut Pen,
    inner: Rect,
    rows: &[Row],
    (top, selected): (usize, Option<usize>),
) {
    let key_width = rows
        .iter()
        .map(|r| pen.width(&r.key))
        .max()
        .unwrap_or(0)
        .min(24);
    let room = usize::from(inner.width);
    for (y, (index, row)) in (inner.top()..inner.bottom()).zip(rows.iter().enumerate().skip(top)) {
        let style = if selected == Some(index) {
            row.style.patch(app.theme.selected)
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
            let key = pen.fit(&row.key, key_width, app.theme.glyphs.ellipsis);
            pen.put(
                x,
                y,
                key_width.min(room),
                &key,
                style.patch(app.theme.overlay_key),
            );
            x = x.saturating_add(u16::try_from(key_width + 2).unwrap_or(u16::MAX));
        }
        let room = usize::from(inner.right().saturating_sub(x));
        let text = pen.fit(&row.text, room, app.theme.glyphs.ellipsis);
        pen.put(x, y, room, &text, style);
    }
}

/// An overlay's title, rows, selected row (the starred list) and first
/// row shown. The log is scrolled by message (its rows start at
/// `overlay_line`), help and links by row, the starred list by its
/// selection.
type Contents = (String, Vec<Row>, Option<usize>, usize);

fn contents(app: &App, pen: &Pen, area: Rect, overlay: Overlay) -> Contents {
    let text_room = overlay_text_width(area.width);
    match overlay {
        Overlay::Help => (
            " Help ".to_owned(),
            help_rows(app, pen, text_room),
            None,
            app.overlay_line,
        ),
        Overlay::Log => (" Messages ".to_owned(), log_rows(app, pen, area), None, 0),
        Overlay::Starred => {
            let (title, rows) = starred_rows(app);
            (title, rows, Some(app.overlay_line), 0)
        }
        Overlay::Links => (
            " Links ".to_owned(),
            link_rows(app, pen, area),
            None,
            app.overlay_line,
        ),
    }
}

/// `3-21/27` on the bottom border when not every row fits.
fn scroll_mark(app: &App, pen: &mut Pen, frame: Rect, (top, shown, total): (usize, usize, usize)) {
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
    pen.put(x, y, usize::from(width), &mark, app.theme.overlay_title);
}

fn draw_frame(app: &App, pen: &mut Pen, frame: Rect, title: &str) {
    let style = app.theme.overlay;
    pen.clear(frame, style);
    let [tl, top, tr, side, bl, br] = app.theme.glyphs.frame;
    let (left, right, bottom) = (frame.x, frame.right() - 1, frame.bottom() - 1);
    for x in left + 1..right {
        pen.put(x, frame.y, 1, top, style);
        pen.put(x, bottom, 1, top, style);
    }
    for y in frame.y + 1..bottom {
        pen.put(left, y, 1, side, style);
        pen.put(right, y, 1, side, style);
    }
    for (x, y, glyph) in [
        (left, frame.y, tl),
        (right, frame.y, tr),
        (left, bottom, bl),
        (right, bottom, br),
    ] {
        pen.put(x, y, 1, glyph, style);
    }
    let room = usize::from(frame.width.saturating_sub(4));
    let title = pen.fit(title, room, "");
    pen.put(left + 2, frame.y, room, &title, app.theme.overlay_title);
}

/// Every action with its keys, in the keymap's order: help cannot drift
/// from the bindings. Then the measured ambiguous width, said as fully as
/// `room` (the overlay's inner width) allows.
fn help_rows(app: &App, pen: &Pen, room: usize) -> Vec<Row> {
    let mut rows: Vec<Row> = Action::ALL
        .iter()
        .map(|&action| Row {
            key: app.keymap.labels(action).join(" "),
            text: action.description().to_owned(),
            style: app.theme.overlay,
        })
        .filter(|row| !row.key.is_empty())
        .collect();
    let ambiguous = match app.options.ambiguous {
        AmbiguousWidth::Narrow => "narrow (1 cell)",
        AmbiguousWidth::Wide => "wide (2 cells)",
    };
    rows.push(Row {
        key: String::new(),
        text: String::new(),
        style: app.theme.overlay,
    });
    let key_width = rows.iter().map(|r| pen.width(&r.key)).max().unwrap_or(0);
    let room = room.saturating_sub(key_width.min(24) + 2);
    // Shortened in steps, the unit ("1 cell") kept longest; the reason for
    // an assumption ("no reply in 200 ms") goes before it.
    let note = app.ambiguous_note.as_deref().unwrap_or_default();
    let brief_note = note.split(" (").next().unwrap_or(note);
    let with = |text: String, note: &str| match note {
        "" => text,
        _ => format!("{text}, {note}"),
    };
    let brief = ambiguous.split(' ').next().unwrap_or(ambiguous);
    let candidates = [
        with(format!("ambiguous-width glyphs: {ambiguous}"), note),
        with(format!("ambiguous-width glyphs: {ambiguous}"), brief_note),
        with(format!("ambiguous width: {ambiguous}"), brief_note),
        with(format!("ambiguous width: {brief}"), brief_note),
    ];
    let text = candidates.iter().find(|c| pen.width(c) <= room);
    rows.push(Row {
        key: "“ ” … ·".to_owned(),
        text: text.unwrap_or(&candidates[3]).clone(),
        style: app.theme.second_line,
    });
    rows
}

/// Messages, newest last, wrapped to the overlay's width; scrolled by message.
fn log_rows(app: &App, pen: &Pen, area: Rect) -> Vec<Row> {
    let width = usize::from(area.width.saturating_sub(8).min(72)).max(1);
    let options = typeset::Options {
        ambiguous: pen.ambiguous,
        ..app.options
    };
    if app.messages.is_empty() {
        let text = "No messages.".to_owned();
        return vec![Row {
            key: String::new(),
            text,
            style: app.theme.second_line,
        }];
    }
    let mut rows = Vec::new();
    for message in app.messages.iter().skip(app.overlay_line) {
        for range in typeset::wrap(message, width, 0, &options) {
            let text = typeset::display_line(message, range, width, &options).into_owned();
            rows.push(Row {
                key: String::new(),
                text,
                style: app.theme.overlay,
            });
        }
    }
    rows
}

/// The current article's links as `app::links` wrapped them (already in
/// the typesetter's display form); a note when there are none.
fn link_rows(app: &App, pen: &Pen, area: Rect) -> Vec<Row> {
    if app.link_notes.is_empty() {
        return vec![Row {
            key: String::new(),
            text: "No links in this article".to_owned(),
            style: app.theme.second_line,
        }];
    }
    let options = typeset::Options {
        ambiguous: pen.ambiguous,
        ..app.options
    };
    let width = overlay_text_width(area.width);
    link_lines(&app.link_notes, width, &options)
        .into_iter()
        .map(|text| Row {
            key: String::new(),
            text,
            style: app.theme.overlay,
        })
        .collect()
}

/// The title and rows of the starred list, from the reading state alone:
/// paper and date come from the library's header scan, the headline from
/// the state. With one paper, its name goes in the title and each row
/// keeps its room for the headline.
fn starred_rows(app: &App) -> (String, Vec<Row>) {
    let infos: Vec<_> = app
        .starred
        .iter()
        .map(|s| app.issue_info(s.issue))
        .collect();
    let one_paper = infos.windows(2).all(|w| w[0].paper == w[1].paper);
    let title = match infos.first() {
        Some(info) if one_paper => format!(" Starred · {} ", info.paper),
        _ => " Starred ".to_owned(),
    };
    let mut rows: Vec<Row> = (app.starred.iter().zip(&infos))
        .map(|(item, info)| Row {
            key: info.date.map(|d| d.to_string()).unwrap_or_default(),
            text: match one_paper {
                true => item.headline.clone(),
                false => format!("{} · {}", info.paper, item.headline),
            },
            style: app.theme.overlay,
        })
        .collect();
    if rows.is_empty() {
        let text = match app.starred_elsewhere {
            0 => "No starred articles: press s on an article to star it.",
            _ => "No starred articles in the issues open now.",
        };
        rows.push(Row {
            key: String::new(),
            text: text.to_owned(),
            style: app.theme.second_line,
        });
    }
    if app.starred_elsewhere > 0 {
        let n = app.starred_elsewhere;
        let text = match n {
            1 => "1 more starred article is in an issue not open now.".to_owned(),
            _ => format!("{n} more starred articles are in issues not open now."),
        };
        rows.push(Row {
            key: String::new(),
            text,
            style: app.theme.second_line,
        });
    }
    (title, rows)
}
