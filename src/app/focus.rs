//! Where the focus is on screen: the row of the selected item in a list
//! pane, as the lists draw it. The terminal cursor is put there (for screen
//! readers and braille displays), and this is the one function it asks, so
//! a list drawn differently changes it here only.

use ratatui::layout::Rect;

use super::pages::HeadlineRow;
use super::update::focus;
use super::{Action, App, Pane};
use crate::geometry;

impl App {
    /// The rows the selected item of `pane` (drawn at `area`) takes, or
    /// `None` when it is not on screen (or `pane` is not a list).
    pub fn selected_row(&self, pane: Pane, area: Rect) -> Option<Rect> {
        match pane {
            Pane::Issues => {
                let capacity = geometry::list_capacity(area);
                let top = geometry::window(self.place.issue, self.screen.issues_top, capacity);
                let slot = self
                    .place
                    .issue
                    .checked_sub(top)
                    .filter(|s| *s < capacity)?;
                if self.place.issue >= self.docs.library.entries.len() {
                    return None;
                }
                let height = geometry::item_height(area);
                let content = geometry::content_rect(area);
                let offset = u16::try_from(slot).ok()?.checked_mul(height)?;
                Some(Rect {
                    y: content.y.saturating_add(offset),
                    height,
                    ..content
                })
            }
            Pane::Headlines => self
                .headline_slots(area)
                .into_iter()
                .find(|slot| slot.row == HeadlineRow::Article(self.place.article))
                .map(|slot| slot.area),
            Pane::Article => None,
        }
    }

    /// `1`–`9`: select the n-th headline the Headlines pane shows (as it
    /// shows when focused, if it is not on screen now) and focus it.
    pub(crate) fn select_shown_headline(&mut self, action: Action) {
        let Some(n) = action.headline_number() else {
            return;
        };
        let area = geometry::screen_rect(self.screen.size);
        let shown = |focus| {
            geometry::screen(area, focus, self.screen.issues_shown).and_then(|s| s.headlines)
        };
        let Some(pane) = shown(self.screen.focus).or_else(|| shown(Pane::Headlines)) else {
            return;
        };
        let shown: Vec<usize> = (self.headline_slots(pane).into_iter())
            .filter_map(|slot| match slot.row {
                HeadlineRow::Article(index) => Some(index),
                HeadlineRow::Page(_) => None,
            })
            .collect();
        match shown.get(n - 1) {
            Some(&index) => {
                focus(self, Pane::Headlines);
                self.select(self.place.issue, index);
            }
            None => {
                let count = shown.len().min(9);
                self.screen.notice = Some(format!(
                    "no headline {n} on screen: {count} shown, press 1 to {count}"
                ));
            }
        }
    }
}
