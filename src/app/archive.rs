//! The Issues pane as papers → issues (`archive::tree`): where its cursor
//! is, moving it by rows, folding papers, and keeping the folds and the
//! selected paper in the reading state (`store::ui`) across runs.
//!
//! The cursor is on an issue (the selected one, `place.issue`), on a
//! paper's header, or on an unfolded paper's "older issues" row. Rows are
//! never listed whole: each move asks the tree for the one row it lands on.

use crate::archive::calendar::Calendar;
use crate::archive::tree::{FoldState, Row, Tree};
use crate::geometry::{self, Pane};
use crate::model::Date;

use super::App;

/// Where the folds and the selected paper are kept in the state file.
pub const FOLDS_KEY: &str = "archive.folds";

/// Issues shown under a paper unfolded by hand, at the least.
const MIN_UNFOLDED: usize = 3;

/// What the Issues pane's cursor is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cursor {
    /// The selected issue's row.
    #[default]
    Issue,
    /// A paper's header.
    Header(usize),
    /// An unfolded paper's "… older issues" row.
    More(usize),
}

/// The archive screens' state: the tree, its cursor, the calendar open.
#[derive(Debug, Default)]
pub(crate) struct Archive {
    /// Built at the first frame, when the pane's height is known.
    pub(crate) tree: Option<Tree>,
    pub(crate) cursor: Cursor,
    /// The selected issue when the cursor left it for a header: an issue
    /// selected since (by `J`, a go-to, a search) brings it back.
    pub(crate) cursor_for: usize,
    /// The calendar overlay's model, while it is open.
    pub(crate) calendar: Option<Calendar>,
    /// Today, for `yesterday` and dates typed without a year; `None`: the
    /// newest issue's date.
    pub(crate) today: Option<Date>,
}

impl App {
    /// The papers → issues tree, once a frame has built it.
    pub fn tree(&self) -> Option<&Tree> {
        self.archive.tree.as_ref()
    }

    pub fn issues_cursor(&self) -> Cursor {
        self.archive.cursor
    }

    /// The row the Issues pane's cursor is on.
    pub fn cursor_row(&self) -> Option<usize> {
        let tree = self.archive.tree.as_ref()?;
        match self.archive.cursor {
            Cursor::Issue => tree.row_of(self.place.issue),
            Cursor::Header(paper) => tree.header_row(paper),
            Cursor::More(paper) => {
                let next = tree.header_row(paper + 1).unwrap_or(tree.row_count());
                next.checked_sub(1)
            }
        }
    }

    /// The first row the Issues pane shows at `capacity` rows: the cursor
    /// in view, no empty rows below the last while the rows could fill it.
    pub fn issues_window(&self, capacity: usize) -> usize {
        let rows = self.archive.tree.as_ref().map_or(0, Tree::row_count);
        let selected = self.cursor_row().unwrap_or(0);
        let top = geometry::window(selected, self.screen.issues_top, capacity);
        top.min(rows.saturating_sub(capacity))
    }

    /// Rows the Issues pane has at this size (shown or not: the first
    /// screen is planned for it either way).
    fn issues_height(&self) -> usize {
        let area = geometry::screen_rect(self.screen.size);
        geometry::screen(area, Pane::Issues, true)
            .and_then(|s| s.issues)
            .map_or(0, |pane| usize::from(geometry::content_rect(pane).height))
    }

    /// Build the tree if it is not: from the folds kept last time, else as
    /// the first screen (every paper's header in view, the open one
    /// unfolded). Needs a known size.
    pub(super) fn ensure_tree(&mut self) {
        if self.archive.tree.is_some() {
            return;
        }
        let height = self.issues_height();
        if height == 0 {
            return;
        }
        let entries = &self.docs.library.entries;
        let kept = (self.place.state.ui(FOLDS_KEY))
            .and_then(|v| serde_json::from_value::<FoldState>(v.clone()).ok());
        let tree = match kept {
            Some(folds) => Tree::new(entries, &folds),
            None => Tree::first_screen(entries, Some(self.place.issue), height),
        };
        // Folds kept from last time may hide the issue open now: the cursor
        // waits on the selected paper's header rather than undo them.
        let hidden = tree.row_of(self.place.issue).is_none();
        let parked = tree
            .selected_paper()
            .or_else(|| tree.paper_of(self.place.issue));
        self.archive.tree = Some(tree);
        self.archive.cursor = Cursor::Issue;
        if let (true, Some(paper)) = (hidden, parked) {
            self.park_cursor(Cursor::Header(paper));
        }
        self.sync_tree();
    }

    /// Keep the tree in step with the selection: an issue selected other
    /// than from the pane brings the cursor back to it, its paper unfolded
    /// far enough to show it and selected.
    pub(super) fn sync_tree(&mut self) {
        let issue = self.place.issue;
        if self.archive.cursor != Cursor::Issue && self.archive.cursor_for != issue {
            self.archive.cursor = Cursor::Issue;
        }
        let Some(tree) = self.archive.tree.as_mut() else {
            return;
        };
        let papers = tree.papers().len();
        match self.archive.cursor {
            Cursor::Header(p) | Cursor::More(p) if p >= papers => {
                self.archive.cursor = Cursor::Issue;
            }
            _ => {}
        }
        if self.archive.cursor == Cursor::Issue {
            if tree.row_of(issue).is_none() {
                tree.reveal(issue);
            }
            if let Some(paper) = tree.paper_of(issue) {
                tree.select_paper(paper);
            }
        }
    }

    /// Put the cursor on a header or a "more" row, remembering the issue.
    fn park_cursor(&mut self, cursor: Cursor) {
        self.archive.cursor = cursor;
        self.archive.cursor_for = self.place.issue;
        if let (Cursor::Header(p) | Cursor::More(p), Some(tree)) =
            (cursor, self.archive.tree.as_mut())
        {
            tree.select_paper(p);
        }
    }

    /// Move the Issues pane's cursor by `delta` rows (clamped): onto an
    /// issue selects it, onto a header or a "more" row parks there.
    pub(super) fn move_issues(&mut self, delta: isize) {
        self.ensure_tree();
        let Some(tree) = self.archive.tree.as_ref() else {
            return;
        };
        let last = tree.row_count().saturating_sub(1);
        let from = self.cursor_row().unwrap_or(0);
        let to = from.saturating_add_signed(delta).min(last);
        let Some(row) = tree.rows(to..to + 1).first().copied() else {
            return;
        };
        match row {
            Row::Issue { entry, .. } => {
                // Nothing moves until the issue is parsed: the key runs again then.
                if !self.need_parsed(entry) {
                    return;
                }
                self.archive.cursor = Cursor::Issue;
                if entry != self.place.issue {
                    self.select(entry, 0);
                }
            }
            Row::Header { paper } => self.park_cursor(Cursor::Header(paper)),
            Row::More { paper, .. } => self.park_cursor(Cursor::More(paper)),
        }
        self.remember_folds();
    }

    /// Enter or Space in the Issues pane: on a header, fold or unfold it;
    /// on a "more" row, show every issue of its paper. False when the
    /// cursor is on an issue (the key does what it does elsewhere).
    pub(super) fn issues_open(&mut self) -> bool {
        self.ensure_tree();
        let room = self.unfold_room();
        let Some(tree) = self.archive.tree.as_mut() else {
            return false;
        };
        match self.archive.cursor {
            Cursor::Issue => return false,
            Cursor::Header(paper) => tree.toggle(paper, Some(room)),
            Cursor::More(paper) => {
                // The "more" row gives way to the first issue it hid, and
                // the cursor goes onto it (once it is parsed: the key runs
                // again then, nothing changed).
                let entries = tree.papers()[paper].entries.clone();
                let entry = (entries.start + tree.shown_count(paper)).min(entries.end - 1);
                if !self.need_parsed(entry) {
                    return true;
                }
                if let Some(tree) = self.archive.tree.as_mut() {
                    tree.show_all(paper);
                }
                self.archive.cursor = Cursor::Issue;
                self.select(entry, 0);
            }
        }
        self.remember_folds();
        true
    }

    /// A click on row `row` of the Issues pane: the cursor goes there (an
    /// issue is selected); a click on a header folds or unfolds it, on the
    /// "more" row shows the rest, and on the selected issue in the focused
    /// pane opens it, as Enter does.
    pub(super) fn click_issues_row(&mut self, row: usize, was_focused: bool) {
        let Some(current) = self.cursor_row() else {
            return;
        };
        let on_issue = self.archive.cursor == Cursor::Issue;
        if row != current {
            self.move_issues(row as isize - current as isize);
            if self.archive.cursor == Cursor::Issue || self.cursor_row() != Some(row) {
                return;
            }
        } else if on_issue {
            if was_focused {
                super::update::act(self, super::Action::Open);
            }
            return;
        }
        self.issues_open();
    }

    /// Issues a paper unfolded by hand shows: as many as leave every
    /// paper's header in view.
    fn unfold_room(&self) -> usize {
        let papers = self.archive.tree.as_ref().map_or(0, |t| t.papers().len());
        self.issues_height()
            .saturating_sub(papers + 1)
            .max(MIN_UNFOLDED)
    }

    /// `z`: fold every paper but the cursor's.
    pub(super) fn fold_others(&mut self) {
        self.ensure_tree();
        let keep = self.cursor_paper();
        if let (Some(tree), Some(keep)) = (self.archive.tree.as_mut(), keep) {
            tree.fold_others(keep);
        }
        self.remember_folds();
    }

    /// `Z`: fold every paper; when all are folded, unfold them all.
    pub(super) fn fold_all(&mut self) {
        self.ensure_tree();
        let room = self.unfold_room();
        let paper = self.cursor_paper();
        let Some(tree) = self.archive.tree.as_mut() else {
            return;
        };
        if !tree.has_headers() {
            return;
        }
        let count = tree.papers().len();
        let all_folded = (0..count).all(|p| tree.is_folded(p));
        for p in 0..count {
            if tree.is_folded(p) == all_folded {
                tree.toggle(p, Some(room));
            }
        }
        if !all_folded && let Some(paper) = paper {
            self.park_cursor(Cursor::Header(paper));
        }
        self.remember_folds();
    }

    /// The paper the cursor is in.
    fn cursor_paper(&self) -> Option<usize> {
        match self.archive.cursor {
            Cursor::Header(p) | Cursor::More(p) => Some(p),
            Cursor::Issue => self.archive.tree.as_ref()?.paper_of(self.place.issue),
        }
    }

    /// Fold a paper the cursor's issue is in puts the cursor on its header.
    fn cursor_on_shown_row(&mut self) {
        if self.archive.cursor != Cursor::Issue {
            return;
        }
        let Some(tree) = self.archive.tree.as_ref() else {
            return;
        };
        if tree.row_of(self.place.issue).is_none()
            && let Some(paper) = tree.paper_of(self.place.issue)
        {
            self.park_cursor(Cursor::Header(paper));
        }
    }

    /// Keep the folds and the selected paper in the reading state.
    fn remember_folds(&mut self) {
        self.cursor_on_shown_row();
        let Some(tree) = self.archive.tree.as_ref() else {
            return;
        };
        if !tree.has_headers() {
            return;
        }
        let Ok(value) = serde_json::to_value(tree.state()) else {
            return;
        };
        if self.place.state.set_ui(FOLDS_KEY, value) {
            self.mark_state_changed();
        }
    }

    /// After a reload: the same folds over the new entries.
    pub(super) fn rebuild_tree(&mut self) {
        if let Some(old) = self.archive.tree.take() {
            self.archive.tree = Some(Tree::new(&self.docs.library.entries, &old.state()));
            self.archive.cursor = Cursor::Issue;
            self.sync_tree();
        }
    }
}
