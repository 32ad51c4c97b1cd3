//! Drawing `&App` into a ratatui frame: one small function per region, every
//! style from the theme, text measured by `typeset`. Nothing here mutates
//! the app or lays text out: the article's lines were set by `update`.

mod article;
mod highlight;
mod lists;
mod overlay;
mod status;
pub mod text;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::App;
use crate::geometry;
use crate::i18n::t;
use text::Pen;
pub use theme::Theme;

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
    let cursor = status::render_status(app, &mut pen, screen.status);
    if let Some(overlay) = app.overlay.open {
        overlay::render_overlay(app, &mut pen, area, overlay);
    }
    // Shown only in the search prompt; ratatui hides it otherwise.
    if let Some(cursor) = cursor {
        frame.set_cursor_position(cursor);
    }
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
