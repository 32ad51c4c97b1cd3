//! The message log overlay (`!`).

use super::Row;
use crate::app::App;
use crate::geometry;
use crate::i18n::t;
use crate::typeset;
use crate::ui::text::Pen;
use ratatui::layout::Rect;

/// Messages, newest last, wrapped to the overlay's width; scrolled by message.
pub(super) fn rows(app: &App, pen: &Pen, area: Rect) -> Vec<Row> {
    let width = geometry::log_text_width(area.width);
    let options = typeset::Options {
        ambiguous: pen.ambiguous,
        ..app.settings.options
    };
    if app.docs.messages.is_empty() {
        let text = t!("overlay.no_messages");
        return vec![Row::text(text, pen.theme.second_line)];
    }
    let mut rows = Vec::new();
    for message in app.docs.messages.iter().skip(app.overlay.line) {
        for range in typeset::wrap(message, width, 0, &options) {
            let text = typeset::display_line(message, range, width, &options).into_owned();
            rows.push(Row::text(text, pen.theme.overlay));
        }
    }
    rows
}
