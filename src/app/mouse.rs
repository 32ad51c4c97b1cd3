//! Mouse events to what they do: the one place that mentions buttons and
//! the wheel, as `keymap` is for key codes. Only presses of the left button
//! and wheel notches mean anything; moves, drags and releases are ignored,
//! so a tap (press then release) acts once.
//!
//! Hit-testing asks `geometry` for the panes exactly as `ui::render` does
//! (same size, focus and two-pane choice) and finds list rows the way
//! `ui::lists` draws them (two rows per item when there is room, from the
//! first item `window` shows), so what is under the pointer is what was drawn.
//! An open overlay is found the way `ui::overlay` places it (a test draws
//! each and checks its corners): a click beside it closes it, on the
//! starred list it picks an item.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::pages::HeadlineRow;
use super::update::{act, focus};
use super::{Action, App, Effect, Overlay, Pane};
use crate::geometry;
use crate::typeset;

/// Article lines one wheel notch scrolls: what most terminals and browsers do.
pub const WHEEL_LINES: isize = 3;

/// What is at a cell of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// A pane, not on one of its list items: its title, a row below the
    /// last item, or anywhere in the article.
    Pane(Pane),
    /// Item `index` (counted from the first item, not the first shown) of
    /// the Headlines list, or row `index` of the Issues pane's tree.
    Item(Pane, usize),
}

impl Hit {
    pub fn pane(self) -> Pane {
        match self {
            Hit::Pane(pane) | Hit::Item(pane, _) => pane,
        }
    }
}

/// What a mouse event asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseAction {
    /// Focus the pane and scroll it: `delta` lines in the article, items in
    /// a list; negative is up.
    Scroll(Pane, isize),
    /// Left click or tap.
    Click(Hit),
    /// Wheel over an open overlay: its rows (or the starred selection).
    ScrollOverlay(isize),
    /// A click on item `index` of the starred list.
    PickStarred(usize),
    /// A click beside an open overlay closes it, as Esc does.
    CloseOverlay,
}

/// What is at `(column, row)` on the screen `app` was last drawn for:
/// `None` on rules between panes, on the status bar, and off screen.
pub fn hit_test(app: &App, column: u16, row: u16) -> Option<Hit> {
    let area = geometry::screen_rect(app.screen.size);
    let screen = geometry::screen(area, app.screen.focus, app.screen.issues_shown)?;
    let at = Position::new(column, row);
    let inside = |pane: Option<Rect>| pane.filter(|p| p.contains(at));
    if let Some(pane) = inside(screen.issues) {
        // One row per issue, header or "more" row, from the first shown.
        let content = geometry::content_rect(pane);
        let count = app.tree().map_or(0, |t| t.row_count());
        let top = app.issues_window(usize::from(content.height));
        if row < content.y {
            return Some(Hit::Pane(Pane::Issues));
        }
        let index = top.saturating_add(usize::from(row - content.y));
        return Some(match index < count {
            true => Hit::Item(Pane::Issues, index),
            false => Hit::Pane(Pane::Issues),
        });
    }
    if let Some(pane) = inside(screen.headlines) {
        // Page headers take rows but are never an item: a click on one is
        // a click on the pane.
        let slot = (app.headline_slots(pane).into_iter()).find(|s| s.area.contains(at));
        return Some(match slot.map(|s| s.row) {
            Some(HeadlineRow::Article(index)) => Hit::Item(Pane::Headlines, index),
            _ => Hit::Pane(Pane::Headlines),
        });
    }
    inside(screen.article).map(|_| Hit::Pane(Pane::Article))
}

/// What `event` asks for, or `None` when it means nothing here.
pub fn mouse_action(app: &App, event: MouseEvent) -> Option<MouseAction> {
    let notch = match event.kind {
        MouseEventKind::ScrollDown => 1,
        MouseEventKind::ScrollUp => -1,
        MouseEventKind::Down(MouseButton::Left) => 0,
        // Moves, drags, releases, other buttons, sideways scrolling.
        _ => return None,
    };
    if app.overlay.open.is_some() {
        return match notch {
            0 => overlay_click(app, event.column, event.row),
            _ => Some(MouseAction::ScrollOverlay(notch)),
        };
    }
    let hit = hit_test(app, event.column, event.row)?;
    Some(match (notch, hit.pane()) {
        (0, _) => MouseAction::Click(hit),
        (_, Pane::Article) => MouseAction::Scroll(Pane::Article, notch * WHEEL_LINES),
        (_, pane) => MouseAction::Scroll(pane, notch),
    })
}

/// A click while an overlay is open: beside it closes it; on it, only a
/// starred item means something.
fn overlay_click(app: &App, column: u16, row: u16) -> Option<MouseAction> {
    let at = Position::new(column, row);
    let Some(frame) = overlay_frame(app).filter(|f| f.contains(at)) else {
        return Some(MouseAction::CloseOverlay);
    };
    if app.overlay.open != Some(Overlay::Starred) {
        return None;
    }
    // The rows inside the border and its two cells of margin, scrolled as
    // `ui::overlay` scrolls them: the selection on the last row at most.
    let inner = geometry::overlay_inner(frame);
    if !inner.contains(at) {
        return None;
    }
    let capacity = usize::from(inner.height);
    let top = app.overlay.line.saturating_sub(capacity.saturating_sub(1));
    let index = top + usize::from(row - inner.y);
    (index < app.overlay.starred.len()).then_some(MouseAction::PickStarred(index))
}

/// Where the open overlay is drawn: its rows counted as `ui::overlay`
/// counts them, placed by `geometry::overlay_area`; `None` when no overlay is
/// open or it is not drawn. A test draws each overlay and finds
/// its corners here.
pub fn overlay_frame(app: &App) -> Option<Rect> {
    let overlay = app.overlay.open?;
    let area = geometry::screen_rect(app.screen.size);
    geometry::screen(area, app.screen.focus, app.screen.issues_shown)?;
    let rows = match overlay {
        // Every bound action, a blank row and the ambiguous-width row.
        Overlay::Help => app.help_rows(),
        Overlay::Starred => {
            app.overlay.starred.len().max(1) + usize::from(app.overlay.starred_elsewhere > 0)
        }
        Overlay::Log => log_rows(app, area),
        Overlay::Links => app.link_rows(),
        Overlay::Calendar => return Some(crate::archive::calendar::overlay_area(area)),
        Overlay::Results => app.results_rows(),
    };
    geometry::overlay_area(area, rows)
}

/// Rows of the message log from its first shown message, wrapped as it is
/// drawn; counting stops once they fill the screen.
fn log_rows(app: &App, area: Rect) -> usize {
    if app.docs.messages.is_empty() {
        return 1;
    }
    let width = geometry::log_text_width(area.width);
    let mut rows = 0;
    for message in app.docs.messages.iter().skip(app.overlay.line) {
        rows += typeset::wrap(message, width, 0, &app.settings.options).len();
        if rows >= usize::from(area.height) {
            break;
        }
    }
    rows
}

impl App {
    /// A mouse event (when mouse reporting is on): the wheel scrolls the
    /// pane under the pointer and focuses it, a left click selects what is
    /// under it. Like any action that is not a key, it closes the search
    /// prompt.
    pub(super) fn on_mouse(&mut self, event: MouseEvent) -> Effect {
        let Some(action) = mouse_action(self, event) else {
            return Effect::None;
        };
        self.screen.notice = None;
        self.close_prompt();
        match action {
            MouseAction::Scroll(pane, delta) => {
                focus(self, pane);
                let step = if delta < 0 { Action::Up } else { Action::Down };
                for _ in 0..delta.unsigned_abs() {
                    act(self, step);
                }
            }
            MouseAction::ScrollOverlay(delta) => {
                let step = if delta < 0 { Action::Up } else { Action::Down };
                act(self, step);
            }
            // A second click on the selected item opens it, as Enter does.
            MouseAction::PickStarred(index) if index == self.overlay.line => {
                act(self, Action::Open);
            }
            MouseAction::PickStarred(index) => self.overlay.line = index,
            MouseAction::CloseOverlay => self.close_overlay(),
            MouseAction::Click(hit) => self.click(hit),
        }
        Effect::None
    }

    /// Select the item clicked; a click on the item already selected opens
    /// it, as Enter does (on a phone, a second tap reads the article).
    fn click(&mut self, hit: Hit) {
        let was = self.screen.focus;
        focus(self, hit.pane());
        match hit {
            Hit::Item(Pane::Issues, row) => self.click_issues_row(row, was == Pane::Issues),
            Hit::Item(Pane::Headlines, index) if index != self.place.article => {
                self.select(self.place.issue, index);
            }
            // The selected item, clicked in its focused pane.
            Hit::Item(pane, _) if pane == was => {
                act(self, Action::Open);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
#[path = "mouse_tests.rs"]
mod tests;
