//! Drawing `&App` into a ratatui frame: one small function per region, every
//! style from the theme, text measured by `typeset`. Nothing here mutates
//! the app or lays text out: the article's lines were set by `update`.

mod article;
mod highlight;
pub mod hyperlink;
mod lists;
mod overlay;
mod status;
pub mod text;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use crate::app::{App, Pane};
use crate::geometry;
use crate::i18n::t;
use text::Pen;
pub use theme::Theme;

/// The columns (start, end exclusive) of the Article pane as `render`
/// places it, when it shares the screen with another pane: the band a
/// terminal with left/right margins can scroll alone.
pub fn article_columns(app: &App) -> Option<(u16, u16)> {
    let area = geometry::screen_rect(app.screen.size);
    let screen = geometry::screen(area, app.screen.focus, app.screen.issues_shown)?;
    let article = screen.article?;
    (article.width < area.width).then_some((article.x, article.right()))
}

/// Draw the whole screen in `theme`. Borrows the app; mutates nothing.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    let mut pen = Pen {
        buf: frame.buffer_mut(),
        ambiguous: app.settings.options.ambiguous,
        theme,
    };
    pen.clear(area, pen.theme.base);
    let Some(screen) = geometry::screen(area, app.screen.focus, app.screen.issues_shown) else {
        too_small(&mut pen, area);
        frame.set_cursor_position(Position::new(0, area.height.saturating_sub(2) / 2));
        return;
    };
    if let Some(pane) = screen.issues {
        lists::render_issues(app, &mut pen, pane);
    }
    if let Some(pane) = screen.headlines {
        lists::render_headlines(app, &mut pen, pane);
    }
    if let Some(pane) = screen.article {
        article::render_article(app, &mut pen, pane);
    }
    for rule in &screen.separators {
        for y in rule.top()..rule.bottom() {
            pen.put(rule.x, y, 1, pen.theme.glyphs.rule, pen.theme.rule);
        }
    }
    let caret = status::render_status(app, &mut pen, screen.status);
    let overlay = app
        .overlay
        .open
        .and_then(|overlay| overlay::render_overlay(app, &mut pen, area, overlay));
    // The prompt's caret (where an input method composes), else an open
    // overlay, else the focused pane: the cursor is always on the focus,
    // for screen readers and braille displays. Whether it is seen is the
    // backend's to say (`cursor_seen`).
    let cursor = caret
        .or(overlay)
        .unwrap_or_else(|| focus_cursor(app, &pen, &screen));
    frame.set_cursor_position(cursor);
}

/// Whether the cursor the frame places is to be seen: always at the
/// prompt's caret, elsewhere when `cursor = "visible"`.
pub fn cursor_seen(app: &App) -> bool {
    app.prompt_open() || app.settings.cursor_visible
}

/// Where the focus is: the start of the selected item's text in a list
/// pane, the first line on screen in the Article pane; the pane's first
/// row when nothing is selected there.
fn focus_cursor(app: &App, pen: &Pen, screen: &geometry::Screen) -> Position {
    let focus = app.screen.focus;
    let pane = match focus {
        Pane::Issues => screen.issues,
        Pane::Headlines => screen.headlines,
        Pane::Article => screen.article,
    };
    let Some(pane) = pane.or(screen.headlines).or(screen.article) else {
        return screen.status.as_position();
    };
    if focus == Pane::Article {
        return geometry::body_rect(pane, app.settings.body_width).as_position();
    }
    let Some(row) = app.selected_row(focus, pane) else {
        return geometry::content_rect(pane).as_position();
    };
    // One cell of margin, and in Headlines the read and star marks.
    let indent = match focus {
        Pane::Headlines => lists::headline_indent(pen),
        _ => 0,
    };
    let indent = u16::try_from(indent).unwrap_or(u16::MAX);
    let x = row.x.saturating_add(1).saturating_add(indent);
    Position::new(x.min(row.right().saturating_sub(1)), row.y)
}

/// A pane's title row; the focused pane's is drawn reversed, which shows
/// without colour.
fn title(pen: &mut Pen, pane: Rect, name: &str, focused: bool) {
    let style = if focused {
        pen.theme.title_focused
    } else {
        pen.theme.title
    };
    let row = Rect {
        height: pane.height.min(1),
        ..pane
    };
    pen.clear(row, style);
    let text = pen.fit(
        name,
        usize::from(pane.width).saturating_sub(1),
        pen.theme.glyphs.ellipsis,
    );
    pen.put(
        pane.x.saturating_add(1),
        pane.y,
        usize::from(pane.width),
        &text,
        style,
    );
}

/// A dim line in place of a pane's empty content.
fn note(pen: &mut Pen, pane: Rect, text: &str) {
    let content = geometry::content_rect(pane);
    let room = usize::from(content.width.saturating_sub(2));
    let x = content.x.saturating_add(1);
    pen.put(x, content.y, room, text, pen.theme.second_line);
}

fn too_small(pen: &mut Pen, area: Rect) {
    let lines = [
        t!("pane.too_small"),
        t!(
            "pane.need_size",
            width = geometry::MIN_WIDTH,
            height = geometry::MIN_HEIGHT
        ),
    ];
    let top = area.height.saturating_sub(2) / 2;
    for (dy, line) in (0u16..).zip(&lines) {
        let width = usize::from(area.width);
        let text = pen.fit(line, width, "");
        let x = area
            .width
            .saturating_sub(u16::try_from(pen.width(&text)).unwrap_or(0))
            / 2;
        pen.put(x, top.saturating_add(dy), width, &text, pen.theme.too_small);
    }
}
