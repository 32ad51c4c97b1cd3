//! The Issues and Headlines panes.

use ratatui::layout::Rect;
use ratatui::style::Style;

use super::text::Pen;
use super::{note, title};
use crate::app::pages::{HeadlineRow, page_label, page_of};
use crate::app::{App, Pane};
use crate::archive::tree::{Row, Tree, header_text, issue_text, more_text, thousands};
use crate::geometry::{content_rect, item_height};
use crate::i18n::t;
use crate::library::{Entry, EntryStatus};
use crate::model::Article;
use crate::model::days::weekday_zh;
use crate::typeset::display_text;

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

/// Papers → issues, one row each: a header per paper (with several), its
/// issues under it newest first, `… older issues` when not all are shown.
/// Only the rows on screen are asked of the tree.
pub(super) fn render_issues(app: &App, pen: &mut Pen, pane: Rect) {
    let focused = app.screen.focus == Pane::Issues;
    let tree = app.tree();
    let one_paper = tree
        .filter(|t| !t.has_headers())
        .and_then(|t| t.papers().first())
        .map(|p| p.name.as_str())
        .filter(|name| !name.is_empty());
    let heading = match one_paper {
        Some(paper) => format!("{} · {paper}", t!("pane.issues")),
        None => t!("pane.issues"),
    };
    title(pen, pane, &heading, focused);
    if app.docs.library.entries.is_empty() {
        note(pen, pane, &t!("pane.no_issues"));
        return;
    }
    let Some(tree) = tree else {
        return;
    };
    let capacity = usize::from(content_rect(pane).height);
    let top = app.issues_window(capacity);
    let cursor = app.cursor_row();
    let indent = usize::from(tree.has_headers());
    let room = usize::from(pane.width.saturating_sub(2)).saturating_sub(indent);
    let mut rows = rows(pane);
    for (at, row) in (top..).zip(tree.rows(top..top + capacity)) {
        let selected = cursor == Some(at);
        let item = match row {
            Row::Header { paper } => {
                let range = tree.papers()[paper].entries.clone();
                let unread = app.unread_in_paper(range);
                let text = header_line(tree, paper, unread, |c| pen.width(c) <= room + indent);
                one_part(text, pen.theme.headline, 0, selected)
            }
            Row::Issue { entry, .. } => {
                let listed = &app.docs.library.entries[entry];
                let style = match listed.status {
                    EntryStatus::Unavailable(_) => pen.theme.unavailable,
                    EntryStatus::Ready => pen.theme.base,
                };
                // An issue new since the last run says so first.
                let new = app
                    .is_new_issue(entry)
                    .then_some(pen.theme.glyphs.new_issue.as_str());
                let tag = new.map_or(0, |glyph| pen.width(glyph) + 1);
                let unread = app.unread_in(entry);
                let text = issue_line(listed, unread, |c| pen.width(c) + tag <= room);
                let mut item = one_part(text, style, indent, selected);
                if let Some(glyph) = new {
                    let tagged = [
                        (glyph.to_owned(), pen.theme.marker),
                        (" ".to_owned(), pen.theme.base),
                    ];
                    item.first.splice(1..1, tagged);
                }
                item
            }
            Row::More { hidden, .. } => {
                one_part(more_text(hidden), pen.theme.second_line, indent, selected)
            }
        };
        draw_item(pen, &mut rows, &item, focused, false);
    }
}

/// `▾ 人民日报 · 2,500 issues · 12 unread`, or the most of it that `fits`:
/// the word `issues` goes first (`▾ 人民日报 · 2,500 · 12 unread`), then the
/// unread count, then the issue count; the marker and the name stay.
fn header_line(
    tree: &Tree,
    paper: usize,
    unread: Option<usize>,
    fits: impl Fn(&str) -> bool,
) -> String {
    let full = header_text(tree, paper, unread);
    if fits(&full) {
        return full;
    }
    let marker = if tree.is_folded(paper) { '▸' } else { '▾' };
    let name = &tree.papers()[paper].name;
    let issues = thousands(tree.papers()[paper].entries.len());
    let short = match unread {
        Some(unread) => format!(
            "{marker} {name} · {issues} · {}",
            t!("tree.unread", n = thousands(unread))
        ),
        None => format!("{marker} {name} · {issues}"),
    };
    let bare = format!("{marker} {name} · {issues}");
    [short, bare]
        .into_iter()
        .find(|c| fits(c))
        .unwrap_or_else(|| format!("{marker} {name}"))
}

/// A one-row item of one styled text, `indent` cells in.
fn one_part(text: String, style: Style, indent: usize, selected: bool) -> Item {
    Item {
        first: vec![(" ".repeat(indent), style), (text, style)],
        second: String::new(),
        second_style: style,
        second_indent: 0,
        selected,
    }
}

/// `2022-02-13 星期日 · 4 articles`, the same shape for every issue (the
/// weekday from the date, `? articles` until the issue was parsed once;
/// `3/4 unread` or `4/4 read` once the reading state can say), or the most
/// of it that `fits`: the weekday goes first, then the count, never the
/// date. An unavailable file keeps its reason, which matters more than its
/// date.
fn issue_line(entry: &Entry, unread: Option<usize>, fits: impl Fn(&str) -> bool) -> String {
    let date = entry.date.map(|d| d.to_string());
    let candidates: Vec<String> = match &entry.status {
        EntryStatus::Unavailable(reason) => {
            let day = entry.date.map(|d| format!("{d} {}", weekday_zh(d)));
            [
                day.map(|d| format!("{d} · {reason}")),
                date.map(|d| format!("{d} · {reason}")),
            ]
            .into_iter()
            .flatten()
            .chain([reason.clone()])
            .collect()
        }
        EntryStatus::Ready => {
            let listed = issue_text(entry);
            let (day, count) = listed.rsplit_once(" · ").unwrap_or((&listed, ""));
            let count = match (entry.articles, unread) {
                (Some(n), Some(0)) => t!("tree.all_read", n = n),
                (Some(n), Some(unread)) => t!("tree.unread_of", unread = unread, n = n),
                _ => count.to_owned(),
            };
            let full = format!("{day} · {count}");
            let short = date.clone().map(|d| format!("{d} · {count}"));
            // Narrower still, the unread count alone outlasts the total.
            let unread = (date.clone())
                .zip(unread.filter(|n| *n > 0))
                .map(|(d, n)| format!("{d} · {}", t!("tree.unread", n = n)));
            [Some(full), short, unread, date]
                .into_iter()
                .flatten()
                .collect()
        }
    };
    let last = candidates.last().cloned().unwrap_or_default();
    candidates.into_iter().find(|c| fits(c)).unwrap_or(last)
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
                // The paper's own words (`第2版 要闻`), shown as its articles are.
                let label = display_text(&page_label(issue, number), app.options()).into_owned();
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
    let marker: &str = if read { &glyphs.read } else { &glyphs.unread };
    let star: &str = match app.place.state.is_starred(&article.id) {
        true => &glyphs.starred,
        false => glyphs.unstarred,
    };
    // Each column is as wide as its wider mark, in either width mode, so
    // headlines line up whatever the marks (`[new]` and `[read]` differ).
    let [marker_width, star_width] = mark_columns(pen);
    let marker_gap = " ".repeat(marker_width.saturating_sub(pen.width(marker)) + 1);
    let gap = " ".repeat(star_width.saturating_sub(pen.width(star)) + 1);
    // Article text, shown with the article's display options.
    let shown = |text: &str| display_text(text, app.options()).into_owned();
    let second: Vec<String> = [
        article.kicker.as_deref(),
        article.deck.as_deref().or(article.byline.as_deref()),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.is_empty())
    .map(shown)
    .collect();
    let headline_style = if read {
        pen.theme.read
    } else {
        pen.theme.unread
    };
    Item {
        first: vec![
            (marker.to_owned(), pen.theme.marker),
            (marker_gap, pen.theme.base),
            (star.to_owned(), pen.theme.star),
            (gap, pen.theme.base),
            (shown(&article.headline), headline_style),
        ],
        second: second.join(" · "),
        second_style: pen.theme.second_line,
        second_indent: headline_indent(pen),
        selected,
    }
}

/// The widths of the read-mark and star columns.
fn mark_columns(pen: &Pen) -> [usize; 2] {
    let glyphs = &pen.theme.glyphs;
    [
        pen.width(&glyphs.read).max(pen.width(&glyphs.unread)),
        pen.width(&glyphs.starred).max(pen.width(glyphs.unstarred)),
    ]
}

/// Cells between a headline item's margin and its text: the two mark
/// columns and their gaps.
pub(super) fn headline_indent(pen: &Pen) -> usize {
    let [marker, star] = mark_columns(pen);
    marker + 1 + star + 1
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
    use crate::library::Source;
    use crate::model::Date;

    fn line(articles: Option<usize>, room: usize, status: EntryStatus) -> String {
        counted(articles, None, room, status)
    }

    fn counted(
        articles: Option<usize>,
        unread: Option<usize>,
        room: usize,
        status: EntryStatus,
    ) -> String {
        let entry = Entry {
            source: Source::Sample,
            paper: "北京城市副中心报".to_owned(),
            date: Date::new(2022, 2, 13),
            weekday: None,
            articles,
            status,
        };
        let width = |s: &str| crate::typeset::str_width(s, crate::typeset::AmbiguousWidth::Narrow);
        issue_line(&entry, unread, |c| width(c) <= room)
    }

    #[test]
    fn every_issue_has_one_shape_the_weekday_going_first_then_the_count() {
        let ready = || EntryStatus::Ready;
        assert_eq!(line(Some(4), 40, ready()), "2022-02-13 星期日 · 4 articles");
        assert_eq!(line(Some(1), 40, ready()), "2022-02-13 星期日 · 1 article");
        assert_eq!(line(None, 40, ready()), "2022-02-13 星期日 · ? articles");
        assert_eq!(line(Some(4), 24, ready()), "2022-02-13 · 4 articles");
        assert_eq!(line(None, 24, ready()), "2022-02-13 · ? articles");
        assert_eq!(line(Some(4), 18, ready()), "2022-02-13");
    }

    #[test]
    fn an_unavailable_file_keeps_its_reason() {
        let status = || EntryStatus::Unavailable("not text".to_owned());
        assert_eq!(line(None, 40, status()), "2022-02-13 星期日 · not text");
        assert_eq!(line(None, 12, status()), "not text");
    }

    #[test]
    fn the_count_says_how_many_are_unread_when_that_is_known() {
        let ready = || EntryStatus::Ready;
        let line = |unread, room| counted(Some(4), Some(unread), room, ready());
        assert_eq!(line(3, 40), "2022-02-13 星期日 · 3/4 unread");
        assert_eq!(line(0, 40), "2022-02-13 星期日 · 4/4 read");
        assert_eq!(line(3, 24), "2022-02-13 · 3/4 unread");
        assert_eq!(line(3, 21), "2022-02-13 · 3 unread");
        assert_eq!(line(3, 18), "2022-02-13");
    }
}
