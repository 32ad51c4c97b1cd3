//! The library search's results (`|`): a counter that fills in as the
//! worker's batches arrive, then per issue its date and paper, and per
//! matching article its headline and its first hit in context, the hit lit.
//! Only the lines on screen are drawn.

use ratatui::layout::{Position, Rect};
use unicode_segmentation::UnicodeSegmentation;

use super::draw_frame;
use crate::app::{App, ResultLine, hit_count};
use crate::archive::search::Snippet;
use crate::geometry;
use crate::i18n::t;
use crate::model::days::weekday_zh;
use crate::typeset::{self, Options, Script, display_text};
use crate::ui::text::Pen;

/// Draw the results; returns where the selected headline is (else the
/// counter), for the terminal cursor.
pub(super) fn render(app: &App, pen: &mut Pen, area: Rect) -> Option<Position> {
    let find = app.library_find()?;
    let frame = geometry::overlay_area(area, app.results_rows())?;
    let title = format!(
        " {} · {} ",
        t!("library_search.title"),
        find.query.pattern()
    );
    draw_frame(pen, frame, &title);
    let inner = geometry::overlay_inner(frame);
    if inner.height == 0 {
        return None;
    }
    let room = usize::from(inner.width);
    let theme = pen.theme;
    let counter = pen.fit(&find.counter(), room, theme.glyphs.ellipsis);
    pen.put(inner.x, inner.y, room, &counter, theme.overlay_key);
    let list = Rect {
        y: inner.y + 1,
        height: inner.height - 1,
        ..inner
    };
    if find.lines.is_empty() {
        let text = match find.running() {
            true => t!("library_search.searching"),
            false => t!("library_search.nowhere"),
        };
        pen.put(list.x, list.y, room, &text, theme.second_line);
        return Some(inner.as_position());
    }
    let capacity = usize::from(list.height);
    let selected = find.articles.get(find.selected).copied();
    // The selected article's two lines on screen, the snippet at the bottom at most.
    let top = selected.map_or(0, |s| (s + 2).saturating_sub(capacity));
    for (y, at) in (list.top()..list.bottom()).zip(top..find.lines.len()) {
        let row = Rect {
            y,
            height: 1,
            ..list
        };
        draw_line(pen, app, row, find.lines[at], selected);
    }
    let shown = selected
        .and_then(|s| s.checked_sub(top))
        .filter(|s| *s < capacity);
    let dy = shown.and_then(|s| u16::try_from(s).ok());
    Some(dy.map_or(inner.as_position(), |dy| Position::new(list.x, list.y + dy)))
}

fn draw_line(pen: &mut Pen, app: &App, row: Rect, line: ResultLine, selected: Option<usize>) {
    let theme = pen.theme;
    let ellipsis = theme.glyphs.ellipsis;
    let room = usize::from(row.width);
    let options = app.options();
    let Some(find) = app.library_find() else {
        return;
    };
    let is_selected = |r: usize, a: usize| {
        selected.and_then(|s| find.lines.get(s)) == Some(&ResultLine::Headline(r, a))
    };
    match line {
        ResultLine::Issue(r) => {
            let result = &find.results[r];
            let day = match result.date {
                Some(date) => format!("{date} {}", weekday_zh(date)),
                None => t!("tree.no_date"),
            };
            let hits = result.hit_count();
            let paper = display_text(&result.paper, options);
            let text = format!("{day} · {paper} · {}", hit_count(hits));
            let text = pen.fit(&text, room, ellipsis);
            pen.put(row.x, row.y, room, &text, theme.overlay_key);
        }
        ResultLine::Headline(r, a) => {
            let style = match is_selected(r, a) {
                true => theme.overlay.patch(theme.selected),
                false => theme.overlay,
            };
            pen.clear(row, style);
            let headline = display_text(&find.results[r].articles[a].headline, options);
            let text = pen.fit(&format!("  {headline}"), room, ellipsis);
            pen.put(row.x, row.y, room, &text, style);
        }
        ResultLine::Snippet(r, a) => {
            let style = match is_selected(r, a) {
                true => theme.second_line.patch(theme.selected),
                false => theme.overlay.patch(theme.second_line),
            };
            pen.clear(row, style);
            let snippet = &find.results[r].articles[a].snippet;
            let x = row.x.saturating_add(4);
            let room = room.saturating_sub(4);
            draw_snippet(pen, (snippet, options), (x, row.y), room, style);
        }
    }
}

/// The snippet with its hit lit, the text before the hit cut from the
/// left so that the hit shows however narrow the row. It is shown as the
/// article is (`options`): in the script asked for, which keeps the hit's
/// byte range, then each part with the display rules.
fn draw_snippet(
    pen: &mut Pen,
    (snippet, options): (&Snippet, &Options),
    (x, y): (u16, u16),
    room: usize,
    style: ratatui::style::Style,
) {
    let theme = pen.theme;
    let ellipsis = theme.glyphs.ellipsis;
    let text = typeset::shown(&snippet.text, options);
    let Some(((before, hit), after)) = text
        .get(..snippet.hit.start)
        .zip(text.get(snippet.hit.clone()))
        .zip(text.get(snippet.hit.end..))
    else {
        return;
    };
    let as_is = Options {
        script: Script::AsIs,
        ..*options
    };
    let (before, hit, after) = (
        display_text(before, &as_is),
        display_text(hit, &as_is),
        display_text(after, &as_is),
    );
    // At most a third of the row before the hit.
    let keep = room / 3;
    let mut start = before.len();
    let mut used = 0;
    for (at, g) in before.grapheme_indices(true).rev() {
        used += pen.width(g);
        if used > keep.saturating_sub(1) {
            break;
        }
        start = at;
    }
    let cut = snippet.cut_before || start > 0;
    let lead = if cut { ellipsis } else { "" };
    let parts = [
        (format!("{lead}{}", &before[start..]), style),
        (hit.into_owned(), style.patch(theme.search_current)),
        (after.into_owned(), style),
    ];
    let mut x = x;
    let mut left = room;
    for (n, (part, part_style)) in parts.iter().enumerate() {
        let part = match n {
            2 if snippet.cut_after => pen.fit(&format!("{part}{ellipsis}"), left, ellipsis),
            _ => pen.fit(part, left, ellipsis),
        };
        let used = pen.put(x, y, left, &part, *part_style);
        x = x.saturating_add(u16::try_from(used).unwrap_or(u16::MAX));
        left = left.saturating_sub(used);
    }
}
