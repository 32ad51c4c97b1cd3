//! The links overlay (`L`): one row per link, its number in the key
//! column, the URL on one line (cut with `…` where it is too wide).

use super::Row;
use crate::app::{App, link_lines};
use crate::i18n::t;
use crate::typeset;
use crate::ui::text::Pen;

/// The current article's links as `app::links` lists them (already in the
/// typesetter's display form); a note when there are none.
pub(super) fn rows(app: &App, pen: &Pen) -> Vec<Row> {
    if app.overlay.link_notes.is_empty() {
        return vec![Row::text(t!("overlay.no_links"), pen.theme.second_line)];
    }
    let options = typeset::Options {
        ambiguous: pen.ambiguous,
        ..app.settings.options
    };
    // Each row is its link, clickable where hyperlinks are on (the notes
    // are numbered as the hyperlink table is).
    let hyperlinks = !crate::ui::hyperlink::table(app).is_empty();
    link_lines(&app.overlay.link_notes, &options)
        .into_iter()
        .enumerate()
        .map(|(index, (key, text))| Row {
            key,
            text,
            style: match hyperlinks {
                true => pen
                    .theme
                    .overlay
                    .patch(crate::ui::hyperlink::link_style(index + 1)),
                false => pen.theme.overlay,
            },
        })
        .collect()
}
