//! The help overlay: every bound action with its keys, then how wide
//! ambiguous-width glyphs are set.

use super::Row;
use crate::app::App;
use crate::i18n::t;
use crate::typeset::AmbiguousWidth;
use crate::ui::text::Pen;

/// Every bound action with its keys, in the keymap's order: help cannot
/// drift from the bindings. Then `app::HELP_TAIL` rows: a blank and the
/// measured ambiguous width, said as fully as `room` (the overlay's inner
/// width) allows.
pub(super) fn rows(app: &App, pen: &Pen, room: usize) -> Vec<Row> {
    let keymap = &app.settings.keymap;
    let mut rows: Vec<Row> = (keymap.bound())
        .map(|action| Row {
            key: keymap.help_labels(action).join(" "),
            text: action.description(),
            style: pen.theme.overlay,
        })
        .collect();
    let (ambiguous, brief) = match app.settings.options.ambiguous {
        AmbiguousWidth::Narrow => (t!("help.narrow"), t!("help.narrow_brief")),
        AmbiguousWidth::Wide => (t!("help.wide"), t!("help.wide_brief")),
    };
    rows.push(Row::text(String::new(), pen.theme.overlay));
    let key_width = rows.iter().map(|r| pen.width(&r.key)).max().unwrap_or(0);
    let room = room.saturating_sub(key_width.min(24) + 2);
    // Shortened in steps, the unit ("1 cell") kept longest; the reason for
    // an assumption ("no reply in 200 ms") goes before it.
    let note = app.settings.ambiguous_note.as_deref().unwrap_or_default();
    let brief_note = (note.split(" (").next())
        .and_then(|n| n.split('（').next())
        .unwrap_or(note);
    let with = |text: String, note: &str| match note {
        "" => text,
        _ => t!("help.with_note", text = text, note = note),
    };
    let candidates = [
        with(t!("help.glyphs", how = ambiguous), note),
        with(t!("help.glyphs", how = ambiguous), brief_note),
        with(t!("help.width", how = ambiguous), brief_note),
        with(t!("help.width", how = brief), brief_note),
    ];
    let text = candidates.iter().find(|c| pen.width(c) <= room);
    rows.push(Row {
        key: "“ ” … ·".to_owned(),
        text: text.unwrap_or(&candidates[3]).clone(),
        style: pen.theme.second_line,
    });
    rows
}
