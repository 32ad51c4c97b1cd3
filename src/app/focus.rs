//! Where the focus is on screen: the row of the selected item in a list
//! pane, as the lists draw it. The terminal cursor is put there (for screen
//! readers and braille displays), and this is the one function it asks, so
//! a list drawn differently changes it here only.

use crate::i18n::t;
use ratatui::layout::Rect;

use super::pages::HeadlineRow;
use super::update::focus;
use super::{Action, App, Cursor, Pane};
use crate::geometry;

impl App {
    /// The rows the selected item of `pane` (drawn at `area`) takes, or
    /// `None` when it is not on screen (or `pane` is not a list).
    pub fn selected_row(&self, pane: Pane, area: Rect) -> Option<Rect> {
        match pane {
            Pane::Issues => {
                // One row per tree row, as `ui::lists` draws them: issue and
                // "older issues" rows one cell in under paper headers.
                let content = geometry::content_rect(area);
                let capacity = usize::from(content.height);
                let row = self.cursor_row()?;
                let slot = row
                    .checked_sub(self.issues_window(capacity))
                    .filter(|s| *s < capacity)?;
                let headers = self.tree().is_some_and(|t| t.has_headers());
                let indent = headers && !matches!(self.archive.cursor, Cursor::Header(_));
                Some(Rect {
                    x: content.x.saturating_add(u16::from(indent)),
                    y: content.y.saturating_add(u16::try_from(slot).ok()?),
                    height: 1,
                    width: content.width.saturating_sub(u16::from(indent)),
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
    pub(super) fn select_shown_headline(&mut self, action: Action) {
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
                self.screen.notice = Some(t!("notice.no_headline_n", n = n, count = count));
            }
        }
    }
}
