//! The calendar overlay (`c`): `archive::calendar` draws the month; the
//! theme gives it its styles.

use ratatui::layout::{Position, Rect};

use crate::app::App;
use crate::archive::calendar::{self, CalendarStyles};
use crate::ui::text::Pen;

/// Draw the calendar; returns where the chosen day is, for the cursor.
pub(super) fn render(app: &App, pen: &mut Pen, area: Rect) -> Option<Position> {
    let model = app.calendar()?;
    let theme = pen.theme;
    let styles = CalendarStyles {
        border: theme.overlay,
        title: theme.overlay_title,
        weekday: theme.overlay.patch(theme.overlay_key),
        issue: theme.overlay.patch(theme.unread),
        empty: theme.overlay.patch(theme.second_line),
        unread: theme.overlay.patch(theme.marker),
        cursor: theme.selected,
        legend: theme.overlay.patch(theme.second_line),
    };
    let paper = app.issue_info(app.issue()).paper;
    let paper = app
        .tree()
        .and_then(|t| Some(t.papers().get(t.selected_paper()?)?.name.clone()))
        .filter(|p| !p.is_empty())
        .unwrap_or(paper);
    let frame = calendar::overlay_area(area);
    // `Pen` blanks a wide glyph the box would cut in half at its left edge.
    pen.clear(frame, theme.overlay);
    calendar::draw(model, &paper, frame, pen.buf, &styles)
}
