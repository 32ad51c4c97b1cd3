//! The Article pane: only the lines on screen are drawn from the layout
//! `update` cached, so a frame costs O(screen) whatever the article's length.

use ratatui::layout::Rect;
use ratatui::style::Style;

use super::layout::body_rect;
use super::text::Pen;
use super::{note, title};
use crate::app::{App, Pane};
use crate::cli::dump::indent_text;
use crate::layout::Role;
use crate::ui::theme::Theme;

pub(super) fn render_article(app: &App, pen: &mut Pen, pane: Rect) {
    title(app, pen, pane, "Article", app.focus == Pane::Article);
    let body = body_rect(pane, app.body_width);
    let view = app
        .view
        .as_ref()
        .filter(|v| (v.issue, v.article) == (app.issue, app.article));
    let (Some(view), Some(article)) = (view, app.current_article()) else {
        let message = match app.current_issue() {
            None => "Issue not loaded",
            Some(_) => "No articles in this issue",
        };
        note(app, pen, pane, message);
        return;
    };
    let room = usize::from(body.width);
    let lines = view.layout.lines.iter().enumerate().skip(view.top);
    for (y, (index, line)) in (body.top()..body.bottom()).zip(lines) {
        if line.role == Role::Blank {
            continue;
        }
        let style = role_style(&app.theme, line.role);
        let indent = pen.put(body.x, y, room, &indent_text(line.indent), style);
        let x = body
            .x
            .saturating_add(u16::try_from(indent).unwrap_or(u16::MAX));
        let text = view.layout.display(article, index);
        pen.put(x, y, room.saturating_sub(indent), &text, style);
    }
}

fn role_style(theme: &Theme, role: Role) -> Style {
    match role {
        Role::Kicker => theme.kicker,
        Role::Headline => theme.headline,
        Role::Deck => theme.deck,
        Role::Byline => theme.byline,
        Role::Body | Role::Blank => theme.body,
        Role::Subhead => theme.subhead,
        Role::SubheadDeck => theme.subhead_deck,
        Role::Caption => theme.caption,
        Role::Credit => theme.credit,
        Role::Jump => theme.jump,
    }
}
