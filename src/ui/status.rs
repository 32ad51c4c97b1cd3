//! The status bar: paper · date · article n/m · position, and a help hint
//! whose key comes from the keymap.

use ratatui::layout::Rect;

use super::text::Pen;
use crate::app::{Action, App};

pub(super) fn render_status(app: &App, pen: &mut Pen, row: Rect) {
    let theme = &app.theme;
    pen.clear(row, theme.status);
    let hint = match app.keymap.labels(Action::Help).first() {
        Some(key) => format!(" {key} help "),
        None => String::new(),
    };
    let hint_width = pen.width(&hint);
    let width = usize::from(row.width);
    let hint_width = if hint_width < width { hint_width } else { 0 };
    if hint_width > 0 {
        let x = row
            .right()
            .saturating_sub(u16::try_from(hint_width).unwrap_or(0));
        pen.put(x, row.y, hint_width, &hint, theme.status_hint);
    }
    let room = width.saturating_sub(hint_width).saturating_sub(2);
    let (text, style) = match &app.notice {
        Some(notice) => (notice.clone(), theme.notice),
        None => (summary(app), theme.status),
    };
    let text = pen.fit(&text, room, theme.glyphs.ellipsis);
    pen.put(row.x.saturating_add(1), row.y, room, &text, style);
}

/// `paper · date weekday · n/m · position`.
pub(crate) fn summary(app: &App) -> String {
    let info = app.issue_info(app.issue);
    let mut parts = vec![info.paper.clone()];
    let day = info.day();
    if !day.is_empty() {
        parts.push(day);
    }
    if let Some(issue) = app.current_issue().filter(|i| !i.articles.is_empty()) {
        parts.push(format!(
            "article {}/{}",
            app.article + 1,
            issue.articles.len()
        ));
    }
    if let Some(view) = &app.view {
        let total = view.layout.lines.len();
        let seen = view.top.saturating_add(view.height).min(total);
        let position = if view.top == 0 && seen >= total {
            "all".to_owned()
        } else {
            format!("{}%", seen * 100 / total.max(1))
        };
        parts.push(position);
    }
    parts.join(" · ")
}
