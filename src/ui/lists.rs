//! The Issues and Headlines panes.

use ratatui::layout::Rect;
use ratatui::style::Style;

use super::text::Pen;
use super::{note, title};
use crate::app::pages::{HeadlineRow, page_label, page_of};
use crate::app::{App, IssueInfo, Pane};
use crate::geometry::{content_rect, item_height, list_capacity, window};
use crate::i18n::t;
use crate::library::EntryStatus;
use crate::model::Article;

/// One list item: a first line of styled parts, a dim second line shown
/// when there is room, and whether it is selected.
struct Item {
    first: Vec<(String, Style)>,
    second: String,
    second_style: Style,
    /// Cells before the second line, to align it under the first line's text.
    second_indent: usize,
    selected: bool,
}

pub(super) fn render_issues(app: &App, pen: &mut Pen, pane: Rect) {
    let focused = app.screen.focus == Pane::Issues;
    title(pen, pane, &t!("pane.issues"), focused);
    if app.docs.library.entries.is_empty() {
        note(pen, pane, &t!("pane.no_issues"));
        return;
    }
    let capacity = list_capacity(pane);
    let top = window(app.place.issue, app.screen.issues_top, capacity);
    let two_lines = item_height(pane) == 2;
    let room = usize::from(pane.width.saturating_sub(2));
    let mut rows = rows(pane);
    let count = app.docs.library.entries.len();
    for index in (top..count).take(capacity) {
        let item = issue_item(app, pen, index, two_lines, room);
        draw_item(pen, &mut rows, &item, focused, two_lines);
    }
}

/// Paper on the first line; date, weekday and article count (or why the
/// file cannot be shown) on the second. On one line: date and paper.
fn issue_item(app: &App, pen: &Pen, index: usize, two_lines: bool, room: usize) -> Item {
    let entry = &app.docs.library.entries[index];
    let info = app.issue_info(index);
    let unavailable = matches!(entry.status, EntryStatus::Unavailable(_));
    let second = second_line(&info, &entry.status, entry.articles, |c| {
        pen.width(c) <= room
    });
    let first = if two_lines {
        vec![(info.paper.clone(), pen.theme.headline)]
    } else {
        // The weekday gives way before the paper does, as on two lines.
        let mut day = info.day();
        if pen.width(&day) + 1 + pen.width(&info.paper) > room
            && let Some(date) = info.date
        {
            day = crate::i18n::date(date);
        }
        vec![
            (day, pen.theme.second_line),
            (" ".to_owned(), pen.theme.base),
            (info.paper.clone(), pen.theme.headline),
        ]
    };
    Item {
        first,
        second,
        second_style: if unavailable {
            pen.theme.unavailable
        } else {
            pen.theme.second_line
        },
        second_indent: 0,
        selected: index == app.place.issue,
    }
}

/// `2022-02-13 星期日 · 4 articles`, or the most of it that `fits`: the
/// weekday goes first, then the count, never the date; a count is always
/// in words, since a bare number after a date says nothing. An unavailable
/// file keeps its reason, which matters more than its date.
fn second_line(
    info: &IssueInfo,
    status: &EntryStatus,
    articles: Option<usize>,
    fits: impl Fn(&str) -> bool,
) -> String {
    let (count, keep_count) = match (status, articles) {
        (EntryStatus::Unavailable(reason), _) => (reason.clone(), true),
        (EntryStatus::Ready, Some(1)) => (t!("pane.article_one"), false),
        (EntryStatus::Ready, Some(n)) => (t!("pane.article_count", n = n), false),
        (EntryStatus::Ready, None) => (String::new(), false),
    };
    let join = |parts: [&str; 2]| {
        let parts: Vec<&str> = parts.into_iter().filter(|p| !p.trim().is_empty()).collect();
        parts.join(" · ")
    };
    let date = info.date.map(crate::i18n::date).unwrap_or_default();
    let day = info.day();
    let last = if keep_count || date.is_empty() {
        count.clone()
    } else {
        date.clone()
    };
    let candidates = [join([&day, &count]), join([&date, &count]), last];
    let fitting = candidates.iter().find(|c| fits(c));
    fitting.unwrap_or(&candidates[2]).clone()
}

pub(super) fn render_headlines(app: &App, pen: &mut Pen, pane: Rect) {
    let focused = app.screen.focus == Pane::Headlines;
    title(pen, pane, &t!("pane.headlines"), focused);
    let Some(issue) = app.current_issue().filter(|i| !i.articles.is_empty()) else {
        note(pen, pane, &t!("pane.no_articles"));
        return;
    };
    let two_lines = item_height(pane) == 2;
    for slot in app.headline_slots(pane) {
        let mut rows = (slot.area.top()..slot.area.bottom()).map(|y| Rect {
            y,
            height: 1,
            ..slot.area
        });
        match slot.row {
            HeadlineRow::Page(index) => {
                let Some(number) = page_of(issue, index) else {
                    continue;
                };
                let label = page_label(issue, number);
                let item = Item {
                    first: vec![(label, pen.theme.page_header)],
                    second: String::new(),
                    second_style: pen.theme.page_header,
                    second_indent: 0,
                    selected: false,
                };
                draw_item(pen, &mut rows, &item, focused, false);
            }
            HeadlineRow::Article(index) => {
                let Some(article) = issue.articles.get(index) else {
                    continue;
                };
                let item = headline_item(app, pen, article, index == app.place.article);
                draw_item(pen, &mut rows, &item, focused, two_lines);
            }
        }
    }
}

/// Read marker and star (glyphs, so they show without colour), the
/// headline; then the kicker and the deck or byline.
fn headline_item(app: &App, pen: &Pen, article: &Article, selected: bool) -> Item {
    let glyphs = &pen.theme.glyphs;
    let read = app.place.state.is_read(&article.id);
    let marker = if read { glyphs.read } else { glyphs.unread };
    let star = match app.place.state.is_starred(&article.id) {
        true => glyphs.starred,
        false => glyphs.unstarred,
    };
    // The star column is as wide as the wider glyph, in either width mode.
    let star_width = pen.width(glyphs.starred).max(pen.width(glyphs.unstarred));
    let gap = " ".repeat(star_width.saturating_sub(pen.width(star)) + 1);
    let second: Vec<&str> = [
        article.kicker.as_deref(),
        article.deck.as_deref().or(article.byline.as_deref()),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.is_empty())
    .collect();
    let headline_style = if read {
        pen.theme.read
    } else {
        pen.theme.unread
    };
    Item {
        first: vec![
            (marker.to_owned(), pen.theme.marker),
            (" ".to_owned(), pen.theme.base),
            (star.to_owned(), pen.theme.star),
            (gap, pen.theme.base),
            (article.headline.clone(), headline_style),
        ],
        second: second.join(" · "),
        second_style: pen.theme.second_line,
        second_indent: pen.width(marker) + 1 + star_width + 1,
        selected,
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
    pen: &mut Pen,
    rows: &mut impl Iterator<Item = Rect>,
    item: &Item,
    focused: bool,
    two_lines: bool,
) {
    let highlight = match (item.selected, focused) {
        (false, _) => None,
        (true, true) => Some(pen.theme.selected),
        (true, false) => Some(pen.theme.selected_unfocused),
    };
    let patch = |style: Style| highlight.map_or(style, |h| style.patch(h));
    let ellipsis = pen.theme.glyphs.ellipsis;
    let Some(row) = rows.next() else { return };
    pen.clear(row, patch(pen.theme.base));
    // One cell of margin each side.
    let mut x = row.x.saturating_add(1);
    let mut room = usize::from(row.width.saturating_sub(2));
    let last = item.first.len().saturating_sub(1);
    for (n, (text, style)) in item.first.iter().enumerate() {
        let fitted;
        let text = if n == last {
            fitted = pen.fit(text, room, ellipsis);
            &fitted
        } else {
            text
        };
        let used = pen.put(x, row.y, room, text, patch(*style));
        x = x.saturating_add(u16::try_from(used).unwrap_or(u16::MAX));
        room = room.saturating_sub(used);
    }
    if !two_lines {
        return;
    }
    let Some(row) = rows.next() else { return };
    pen.clear(row, patch(pen.theme.base));
    let indent = u16::try_from(item.second_indent).unwrap_or(u16::MAX);
    let x = row.x.saturating_add(1).saturating_add(indent);
    let room = usize::from(row.right().saturating_sub(x).saturating_sub(1));
    let text = pen.fit(&item.second, room, ellipsis);
    pen.put(x, row.y, room, &text, patch(item.second_style));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn line(articles: Option<usize>, room: usize, status: EntryStatus) -> String {
        let info = IssueInfo {
            paper: "北京城市副中心报".to_owned(),
            date: Date::new(2022, 2, 13),
            weekday: Some("星期日".to_owned()),
        };
        let width = |s: &str| crate::typeset::str_width(s, crate::typeset::AmbiguousWidth::Narrow);
        second_line(&info, &status, articles, |c| width(c) <= room)
    }

    #[test]
    fn the_weekday_goes_first_then_the_count_never_as_a_bare_number() {
        let ready = || EntryStatus::Ready;
        assert_eq!(line(Some(4), 40, ready()), "2022-02-13 星期日 · 4 articles");
        assert_eq!(line(Some(1), 40, ready()), "2022-02-13 星期日 · 1 article");
        assert_eq!(line(Some(4), 24, ready()), "2022-02-13 · 4 articles");
        assert_eq!(line(Some(12), 24, ready()), "2022-02-13 · 12 articles");
        assert_eq!(line(Some(4), 18, ready()), "2022-02-13");
        assert_eq!(line(None, 40, ready()), "2022-02-13 星期日");
    }

    #[test]
    fn an_unavailable_file_keeps_its_reason() {
        let status = || EntryStatus::Unavailable("not text".to_owned());
        assert_eq!(line(None, 40, status()), "2022-02-13 星期日 · not text");
        assert_eq!(line(None, 12, status()), "not text");
    }
}
