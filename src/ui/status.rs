//! The status bar: paper · date · article n/m · position, and a help hint
//! whose key comes from the keymap; or, while it is open, the search prompt.

use ratatui::layout::{Position, Rect};
use unicode_segmentation::UnicodeSegmentation;

use super::text::Pen;
use crate::app::prompt::Prompt;
use crate::app::{Action, App, Pane, PromptKind};
use crate::i18n::t;
use crate::library::Source;

/// Draw the status row; returns where the terminal cursor goes (in the
/// open prompt, so an input method composes at the right place).
pub(super) fn render_status(app: &App, pen: &mut Pen, row: Rect) -> Option<Position> {
    if let Some(line) = &app.search.prompt {
        return render_prompt(app, pen, row, line);
    }
    render_bar(app, pen, row);
    None
}

/// `/query` with the cursor. A line wider than the row scrolls so that the
/// cursor (and the cell it stands on) is always on screen; a wide glyph is
/// shown whole or not at all, and `<` replaces `/` while the start is hidden.
fn render_prompt(app: &App, pen: &mut Pen, row: Rect, line: &Prompt) -> Option<Position> {
    let style = pen.theme.prompt;
    pen.clear(row, style);
    let room = usize::from(row.width).checked_sub(1).filter(|r| *r > 0)?;
    let room = match preview_count(app) {
        // The count sits at the right end while the line keeps 20 cells.
        Some(count) if pen.width(&count) + 2 + 20 <= room => {
            let width = pen.width(&count);
            let x = row
                .right()
                .saturating_sub(u16::try_from(width + 1).unwrap_or(0));
            pen.put(x, row.y, width, &count, pen.theme.prompt_count);
            room - width - 2
        }
        _ => room,
    };
    let text = line.text();
    let cells: Vec<(usize, usize)> = (text.grapheme_indices(true))
        .map(|(at, g)| (at, pen.width(g)))
        .collect();
    let before_cursor = cells.iter().take_while(|(at, _)| *at < line.cursor());
    let cursor_col: usize = before_cursor.map(|(_, w)| w).sum();
    // Columns that must scroll off so the cursor's cell fits.
    let hidden = (cursor_col + 1).saturating_sub(room);
    let mut col = 0;
    let mut first = (text.len(), 0);
    for &(at, width) in &cells {
        if col >= hidden {
            first = (at, col);
            break;
        }
        col += width;
        first = (text.len(), col);
    }
    let (start, start_col) = first;
    let prefix = if start > 0 {
        "<"
    } else {
        app.search.kind.sign()
    };
    pen.put(row.x, row.y, 1, prefix, style);
    let x = row.x.saturating_add(1);
    pen.put(x, row.y, room, &text[start..], style);
    let offset = u16::try_from(cursor_col.saturating_sub(start_col)).unwrap_or(0);
    Some(Position::new(x.saturating_add(offset), row.y))
}

/// How many hits the typed query has in the issue, as you type; what
/// the other prompts take.
fn preview_count(app: &App) -> Option<String> {
    match app.search.kind {
        PromptKind::Library => return Some(t!("status.search_every_issue")),
        PromptKind::GoTo => return Some(t!("status.date_or_paper")),
        PromptKind::Find => {}
    }
    let found = app.search.preview.as_ref()?;
    let more = if found.capped() { "+" } else { "" };
    Some(match found.hits.len() {
        0 => t!("status.no_match"),
        1 => t!("status.hit"),
        n => t!("status.hits", n = format!("{n}{more}")),
    })
}

fn render_bar(app: &App, pen: &mut Pen, row: Rect) {
    let theme = pen.theme;
    pen.clear(row, theme.status);
    let width = usize::from(row.width);
    // The hint gives way before where the reader is: on a narrow bar,
    // `article 1/4 · 20%` matters more than `? help`.
    let place = place(app);
    let place_width = pen.width(&place);
    let hint = hint(app, pen, width.saturating_sub(place_width + 2));
    let hint_width = pen.width(&hint);
    let hint_width = if hint_width + place_width + 2 <= width {
        hint_width
    } else {
        0
    };
    if hint_width > 0 {
        let x = row
            .right()
            .saturating_sub(u16::try_from(hint_width).unwrap_or(0));
        pen.put(x, row.y, hint_width, &hint, theme.status_hint);
    }
    let room = width.saturating_sub(hint_width).saturating_sub(2);
    // The search in force sits just left of the hint, in at most a third of
    // the room: the query is the reader's own, where they are matters more.
    let field = search_field(app, pen, room / 3);
    let field_width = pen.width(&field);
    let room = if field_width > 0 {
        let x = (row.right())
            .saturating_sub(u16::try_from(hint_width + 1 + field_width).unwrap_or(u16::MAX));
        pen.put(x, row.y, field_width, &field, theme.status_search);
        room.saturating_sub(field_width + 1)
    } else {
        room
    };
    let x = row.x.saturating_add(1);
    match &app.screen.notice {
        Some(notice) => {
            let text = pen.fit(notice, room, theme.glyphs.ellipsis);
            pen.put(x, row.y, room, &text, theme.notice);
        }
        None => {
            let from_a_file = app
                .docs
                .library
                .entries
                .get(app.place.issue)
                .is_some_and(|e| matches!(e.source, Source::File(_)));
            let text = match app.screen.focus {
                Pane::Issues if from_a_file => source_of_issue(app, pen, room),
                _ => summary(app, pen, &place, room),
            };
            pen.put(x, row.y, room, &text, theme.status);
        }
    }
}

/// ` ? help `; with a jump line on screen, the key that follows it first
/// (` > (下转2版) · ? help `), the help key giving way when `max` is short.
fn hint(app: &App, pen: &Pen, max: usize) -> String {
    let key = |action| app.settings.keymap.labels(action).first().cloned();
    let help = key(Action::Help).map(|k| t!("status.help", key = k));
    let shown = crate::geometry::screen(
        crate::geometry::screen_rect(app.screen.size),
        app.screen.focus,
        app.screen.issues_shown,
    )
    .is_some_and(|s| s.article.is_some());
    // Under an overlay the keys go to it, so a jump cannot be followed.
    let shown = shown && app.overlay.open.is_none();
    let jump = (app.jump_text_on_screen().filter(|_| shown))
        .zip(key(Action::FollowJump))
        .map(|(text, k)| format!("{k} {text}"));
    let candidates = [[jump.clone(), help.clone()], [jump, None], [None, help]];
    candidates
        .iter()
        .map(|parts| {
            let parts: Vec<&str> = parts.iter().flatten().map(String::as_str).collect();
            match parts.is_empty() {
                true => String::new(),
                false => format!(" {} ", parts.join(" · ")),
            }
        })
        .find(|h| pen.width(h) <= max)
        .unwrap_or_default()
}

/// `/pattern 3/17`: the query, cut to fit `max` cells, and which hit of
/// the issue's was gone to last (`-` before any, `+` past the kept bound).
fn search_field(app: &App, pen: &Pen, max: usize) -> String {
    let Some(found) = &app.search.found else {
        return String::new();
    };
    let count = if found.issue == Some(app.place.issue) {
        let total = found.hits.len();
        let more = if found.capped() { "+" } else { "" };
        match found.current {
            Some(i) => format!(" {}/{total}{more}", i + 1),
            None => format!(" -/{total}{more}"),
        }
    } else {
        String::new()
    };
    let room = max.saturating_sub(pen.width(&count) + 1);
    if room < 2 {
        return pen.fit(count.trim_start(), max, "");
    }
    let pattern = pen.fit(found.query.pattern(), room, pen.theme.glyphs.ellipsis);
    format!("/{pattern}{count}")
}

/// With the Issues pane focused on an issue read from a file: its
/// path and, when it was not UTF-8, its encoding, so that two issues that
/// look alike in the list can be told apart. A long path keeps its end.
fn source_of_issue(app: &App, pen: &Pen, room: usize) -> String {
    let label = app.docs.library.label(app.place.issue);
    let encoding = app
        .docs
        .library
        .encoding(app.place.issue)
        .filter(|e| !e.eq_ignore_ascii_case("UTF-8"))
        .map(|e| format!(" · {e}"))
        .unwrap_or_default();
    let ellipsis = pen.theme.glyphs.ellipsis;
    let room_for_path = room.saturating_sub(pen.width(&encoding));
    let label = pen.shown(&label);
    if pen.width(&label) <= room_for_path {
        return format!("{label}{encoding}");
    }
    // Graphemes from the end, as many as fit beside the ellipsis.
    let keep = room_for_path.saturating_sub(pen.width(ellipsis));
    let mut used = 0;
    let mut start = label.len();
    for (at, grapheme) in label.grapheme_indices(true).rev() {
        used += pen.width(grapheme);
        if used > keep {
            break;
        }
        start = at;
    }
    if start == label.len() {
        return pen.fit(&format!("{label}{encoding}"), room, ellipsis);
    }
    format!("{ellipsis}{}{encoding}", &label[start..])
}

/// Where the reader is: `第5版 评论 · article 2/4 · 35%`, as much of it as applies.
fn place(app: &App) -> String {
    // The page's label is the paper's words (`第2版 要闻`), shown as the
    // Headlines pane shows it.
    let label = app.current_page_label();
    let label = label.map(|l| crate::typeset::display_text(&l, app.options()).into_owned());
    let mut place: Vec<String> = label.into_iter().collect();
    if let Some(issue) = app.current_issue().filter(|i| !i.articles.is_empty()) {
        place.push(t!(
            "status.article",
            n = app.place.article + 1,
            of = issue.articles.len()
        ));
    }
    // While the article is off screen (one pane at a time), a percentage
    // for an article never scrolled would claim reading that did not happen;
    // a place left part-way is still worth showing.
    let area = crate::geometry::screen_rect(app.screen.size);
    let shown = crate::geometry::screen(area, app.screen.focus, app.screen.issues_shown)
        .is_some_and(|s| s.article.is_some());
    if let Some(view) = app.place.view.as_ref().filter(|v| shown || v.top > 0) {
        let total = view.layout.lines.len();
        let seen = view.top.saturating_add(view.height).min(total);
        place.push(if view.top == 0 && seen >= total {
            t!("status.all")
        } else {
            format!("{}%", seen * 100 / total.max(1))
        });
    }
    place.join(" · ")
}

/// `paper · date weekday · article n/m · position`, fitted to `room`:
/// the weekday goes first, then the date, then the paper is shortened;
/// where the reader is stays to the last.
/// `place` is [`place`]'s, found once per frame by the caller.
fn summary(app: &App, pen: &Pen, place: &str, room: usize) -> String {
    let mut info = app.issue_info(app.place.issue);
    // The paper's name is its masthead: shown as its articles are.
    info.paper = crate::typeset::display_text(&info.paper, app.options()).into_owned();
    let date = info.date.map(crate::i18n::date);
    let candidates = [
        vec![
            Some(info.paper.clone()),
            Some(info.day()),
            Some(place.to_owned()),
        ],
        vec![Some(info.paper.clone()), date, Some(place.to_owned())],
        vec![Some(info.paper.clone()), Some(place.to_owned())],
    ];
    for parts in &candidates {
        let parts: Vec<&str> = parts
            .iter()
            .flatten()
            .map(String::as_str)
            .filter(|p| !p.is_empty())
            .collect();
        let text = parts.join(" · ");
        if pen.width(&text) <= room {
            return text;
        }
    }
    let ellipsis = pen.theme.glyphs.ellipsis;
    if place.is_empty() {
        return pen.fit(&info.paper, room, ellipsis);
    }
    let tail = format!(" · {place}");
    let paper_room = room.saturating_sub(pen.width(&tail));
    if paper_room >= 4 {
        format!("{}{tail}", pen.fit(&info.paper, paper_room, ellipsis))
    } else {
        pen.fit(place, room, ellipsis)
    }
}
