//! The links overlay (`L`).

use super::Row;
use crate::app::{App, link_lines};
use crate::geometry;
use crate::i18n::t;
use crate::typeset;
use crate::ui::text::Pen;
use ratatui::layout::Rect;

/// The current article's links as `app::links` wrapped them (already in
/// the typesetter's display form); a note when there are none.
pub(super) fn rows(app: &App, pen: &Pen, area: Rect) -> Vec<Row> {
    if app.overlay.link_notes.is_empty() {
        return vec![Row::text(t!("overlay.no_links"), pen.theme.second_line)];
    }
    let options = typeset::Options {
        ambiguous: pen.ambiguous,
        ..app.settings.options
    };
    let width = geometry::overlay_text_width(area.width);
    link_lines(&app.overlay.link_notes, width, &options)
        .into_iter()
        .map(|text| Row::text(text, pen.theme.overlay))
        .collect()
}
