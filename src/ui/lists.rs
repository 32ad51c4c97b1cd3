//! The Issues and Headlines panes.

use ratatui::layout::Rect;
use ratatui::style::Style;

use super::layout::{content_rect, item_height, list_capacity, window};
use super::text::Pen;
use super::title;
use crate::app::{App, Pane};
use crate::library::EntryStatus;

/// One list item: a first line, an optional dim second line, and whether
/// it is selected.
struct Item<'a> {
    first: Vec<(&'a str, Style)>,
    second: String,
    second_style: Style,
    /// Cells before the second line, to align it under the first line's text.
    second_indent: usize,
    selected: bool,
}

pub(super) fn render_issues(app: &App, pen: &mut Pen, pane: Rect) {
    let focused = app.focus == Pane::Issues;
    title(app, pen, pane, "Issues", focused);
    let capacity = list_capacity(pane);
    let top = window(app.issue, app.issues_top, capacity);
    let entries = app.library.entries.iter().enumerate().skip(top);
    let two_lines = item_height(pane) == 2;
    let mut rows = rows(pane);
    for (index, entry) in entries.take(capacity) {
        let info = app.issue_info(index);
        let paper = info.paper.as_str();
        let date = info.day();
        let mut details: Vec<String> = Vec::new();
        if two_lines {
            details.push(date.clone());
        }
        let unavailable = matches!(entry.status, EntryStatus::Unavailable(_));
        match (&entry.status, entry.articles) {
            (EntryStatus::Unavailable(reason), _) => details.push(reason.clone()),
            (EntryStatus::Ready, Some(1)) => details.push("1 article".to_owned()),
            (EntryStatus::Ready, Some(n)) => details.push(format!("{n} articles")),
            (EntryStatus::Ready, None) => {}
        }
        let details: Vec<&str> = details
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        let first = if two_lines {
            vec![(paper, app.theme.headline)]
        } else {
            vec![
                (date.as_str(), app.theme.second_line),
                (" ", app.theme.base),
                (paper, app.theme.headline),
            ]
        };
        let mut second = details.join(" · ");
        let room = usize::from(pane.width.saturating_sub(2));
        if pen.width(&second) > room && details.len() > 1 {
            // Without the weekday the article count still fits.
            let date = info.date.map(|d| d.to_string()).unwrap_or_default();
            let rest = details[1..].iter().copied();
            let parts: Vec<&str> = [date.as_str()].into_iter().chain(rest).collect();
            second = parts
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
        }
        let item = Item {
            first,
            second,
            second_style: if unavailable {
                app.theme.unavailable
            } else {
                app.theme.second_line
            },
            second_indent: 0,
            selected: index == app.issue,
        };
        draw_item(app, pen, &mut rows, &item, focused, two_lines);
    }
}

pub(super) fn render_headlines(app: &App, pen: &mut Pen, pane: Rect) {
    let focused = app.focus == Pane::Headlines;
    title(app, pen, pane, "Headlines", focused);
    let Some(issue) = app.current_issue().filter(|i| !i.articles.is_empty()) else {
        let content = content_rect(pane);
        let width = usize::from(content.width.saturating_sub(1));
        pen.put(
            content.x.saturating_add(1),
            content.y,
            width,
            "No articles",
            app.theme.second_line,
        );
        return;
    };
    let capacity = list_capacity(pane);
    let top = window(app.article, app.headlines_top, capacity);
    let two_lines = item_height(pane) == 2;
    let glyphs = &app.theme.glyphs;
    let star_width = pen.width(glyphs.starred).max(pen.width(glyphs.unstarred));
    let mut rows = rows(pane);
    for (index, article) in issue.articles.iter().enumerate().skip(top).take(capacity) {
        let read = app.state.is_read(&article.id);
        let starred = app.state.is_starred(&article.id);
        let marker = if read { glyphs.read } else { glyphs.unread };
        let star = if starred {
            glyphs.starred
        } else {
            glyphs.unstarred
        };
        let gap = " ".repeat(star_width.saturating_sub(pen.width(star)) + 1);
        let second: Vec<&str> = [
            article.kicker.as_deref(),
            article.deck.as_deref().or(article.byline.as_deref()),
        ]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
        let item = Item {
            first: vec![
                (marker, app.theme.marker),
                (" ", app.theme.base),
                (star, app.theme.star),
                (gap.as_str(), app.theme.base),
                (
                    article.headline.as_str(),
                    if read {
                        app.theme.read
                    } else {
                        app.theme.unread
                    },
                ),
            ],
            second: second.join(" · "),
            second_style: app.theme.second_line,
            second_indent: pen.width(marker) + 1 + star_width + 1,
            selected: index == app.article,
        };
        draw_item(app, pen, &mut rows, &item, focused, two_lines);
    }
}

/// The rows of a list pane below its title, top to bottom.
fn rows(pane: Rect) -> impl Iterator<Item = Rect> {
    let content = content_rect(pane);
    (content.top()..content.bottom()).map(move |y| Rect {
        y,
        height: 1,
        ..content
    })
}

fn draw_item(
    app: &App,
    pen: &mut Pen,
    rows: &mut impl Iterator<Item = Rect>,
    item: &Item,
    focused: bool,
    two_lines: bool,
) {
    let highlight = match (item.selected, focused) {
        (false, _) => None,
        (true, true) => Some(app.theme.selected),
        (true, false) => Some(app.theme.selected_unfocused),
    };
    let patch = |style: Style| highlight.map_or(style, |h| style.patch(h));
    let ellipsis = app.theme.glyphs.ellipsis;
    let Some(row) = rows.next() else { return };
    pen.clear(row, patch(app.theme.base));
    // One cell of margin each side.
    let mut x = row.x.saturating_add(1);
    let mut room = usize::from(row.width.saturating_sub(2));
    let last = item.first.len().saturating_sub(1);
    for (n, (text, style)) in item.first.iter().enumerate() {
        let text = if n == last {
            pen.fit(text, room, ellipsis)
        } else {
            (*text).to_owned()
        };
        let used = pen.put(x, row.y, room, &text, patch(*style));
        x = x.saturating_add(u16::try_from(used).unwrap_or(u16::MAX));
        room = room.saturating_sub(used);
    }
    if !two_lines {
        return;
    }
    let Some(row) = rows.next() else { return };
    pen.clear(row, patch(app.theme.base));
    let indent = u16::try_from(item.second_indent).unwrap_or(u16::MAX);
    let x = row.x.saturating_add(1).saturating_add(indent);
    let room = usize::from(row.right().saturating_sub(x).saturating_sub(1));
    let text = pen.fit(&item.second, room, ellipsis);
    pen.put(x, row.y, room, &text, patch(item.second_style));
}
