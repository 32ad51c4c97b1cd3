//! Unread counts per issue and per paper, issues new since the last run,
//! and the marks that act on a whole issue (`A` and its undo, `U`).
//!
//! A count never parses anything: a parsed issue is counted by its
//! articles' ids; another by the library's cached article count less the
//! read marks the state places in it ([`crate::store::State::unread_counts`]'s
//! rule), gathered once per change of the marks, not per frame.

use crate::i18n::t;
use std::ops::Range;

use crate::library::EntryStatus;
use crate::store::{BulkMark, now_ms};

use super::App;

/// What the Issues pane shows beside each issue, kept up to date by
/// `update` so that drawing only looks it up.
#[derive(Debug, Default)]
pub(crate) struct Counts {
    /// Articles the state records read in each entry (by the issue key of
    /// their record), parallel to the library's entries.
    read: Vec<usize>,
    /// Entries first listed by this run (or a reload in it).
    new: Vec<bool>,
    /// The marks changed since `read` was gathered.
    stale: bool,
    /// When this run started (ms since the epoch): issues first seen
    /// since are new.
    run_started: u64,
    /// The last `A`, kept for its undo while the reader stays on the issue.
    bulk: Option<(usize, BulkMark)>,
}

impl Counts {
    /// Drop the undo of `A` (the library's indices change on a reload).
    pub(crate) fn forget_bulk(&mut self) {
        self.bulk = None;
    }
}

impl App {
    /// Unread articles in entry `entry` (an index into the library's
    /// entries); `None` when unknown: an issue never parsed and without a
    /// cached article count, or a file that cannot be shown.
    pub fn unread_in(&self, entry: usize) -> Option<usize> {
        if let Some(issue) = self.parsed(entry) {
            let state = &self.place.state;
            return Some(
                issue
                    .articles
                    .iter()
                    .filter(|a| !state.is_read(&a.id))
                    .count(),
            );
        }
        let listed = self.docs.library.entries.get(entry)?;
        if matches!(listed.status, EntryStatus::Unavailable(_)) {
            return None;
        }
        let read = self.counts.read.get(entry).copied().unwrap_or(0);
        Some(listed.articles?.saturating_sub(read))
    }

    /// Unread articles in the entries `entries` (a paper's issues), files
    /// that cannot be shown left out; `None` when any other count is
    /// unknown (a sum of the known ones would look like the whole).
    pub fn unread_in_paper(&self, entries: Range<usize>) -> Option<usize> {
        let mut total = 0;
        for entry in entries {
            let listed = self.docs.library.entries.get(entry)?;
            if matches!(listed.status, EntryStatus::Unavailable(_)) {
                continue;
            }
            total += self.unread_in(entry)?;
        }
        Some(total)
    }

    /// Whether entry `entry` arrived since the last run: this run (or a
    /// reload in it) listed it first.
    pub fn is_new_issue(&self, entry: usize) -> bool {
        self.counts.new.get(entry).copied().unwrap_or(false)
    }

    /// Record the issues the library lists now (at start and after a
    /// reload): an issue never seen before gets a first sighting, which
    /// makes it new for this run. Stamps the run's start the first time.
    pub(super) fn note_issues(&mut self) {
        let now = now_ms();
        if self.counts.run_started == 0 {
            self.counts.run_started = now;
        }
        self.issue_index();
        let keys = self.docs.issue_keys.as_ref();
        let keys: Vec<(&String, usize)> = keys.map_or(Vec::new(), |k| {
            k.iter().map(|(key, &entry)| (key, entry)).collect()
        });
        let state = &mut self.place.state;
        let added = state.note_issues(keys.iter().map(|(key, _)| key.as_str()), now);
        let mut new = vec![false; self.docs.library.entries.len()];
        for (key, entry) in keys {
            if let Some(slot) = new.get_mut(entry) {
                *slot = state.is_new_issue(key, self.counts.run_started);
            }
        }
        self.counts.new = new;
        self.counts.stale = true;
        if added {
            self.mark_state_changed();
        }
    }

    /// A read mark changed: the counts are gathered again before the next
    /// frame, and the state is staged.
    pub(super) fn marks_changed(&mut self) {
        self.counts.stale = true;
        self.mark_state_changed();
    }

    /// The library or its parses changed: gather the counts again.
    pub(super) fn counts_stale(&mut self) {
        self.counts.stale = true;
    }

    /// Gather the read marks per entry if they changed (on `Msg::Frame`):
    /// one pass over the state, none over the library's files.
    pub(super) fn refresh_counts(&mut self) {
        if !std::mem::take(&mut self.counts.stale) {
            return;
        }
        self.issue_index();
        let mut read = vec![0; self.docs.library.entries.len()];
        if let Some(keys) = self.docs.issue_keys.as_ref() {
            for (key, n) in self.place.state.read_per_issue() {
                if let Some(slot) = keys.get(key).and_then(|&entry| read.get_mut(entry)) {
                    *slot = n;
                }
            }
        }
        self.counts.read = read;
    }

    /// `A`: mark every article of the selected issue read, by hand; `A`
    /// again on the same issue (before leaving it) undoes that.
    pub(super) fn mark_issue_read(&mut self) {
        let issue = self.place.issue;
        if let Some((at, bulk)) = self.counts.bulk.take()
            && at == issue
        {
            let restored = self.place.state.undo_bulk(bulk);
            self.remember_issue(issue);
            self.marks_changed();
            self.screen.notice = Some(match restored {
                1 => t!("notice.undone_one"),
                n => t!("notice.undone", n = n),
            });
            return;
        }
        let Some(parsed) = self.current_issue() else {
            return;
        };
        let ids: Vec<String> = parsed.articles.iter().map(|a| a.id.clone()).collect();
        let bulk = self
            .place
            .state
            .mark_all(ids.iter().map(String::as_str), true);
        if bulk.is_empty() {
            self.screen.notice = Some(t!("notice.issue_read_already"));
            return;
        }
        let undo = match self
            .settings
            .keymap
            .labels(super::Action::MarkIssueRead)
            .first()
        {
            Some(key) => t!("notice.again_undoes", key = key),
            None => String::new(),
        };
        self.screen.notice = Some(match bulk.len() {
            1 => t!("notice.marked_issue_one", undo = undo),
            n => t!("notice.marked_issue", n = n, undo = undo),
        });
        self.counts.bulk = Some((issue, bulk));
        self.remember_issue(issue);
        self.marks_changed();
    }

    /// The undo of `A` lasts while the reader stays on its issue.
    pub(super) fn forget_bulk_unless(&mut self, issue: usize) {
        if self
            .counts
            .bulk
            .as_ref()
            .is_some_and(|(at, _)| *at != issue)
        {
            self.counts.bulk = None;
        }
    }

    /// Record every article of `issue` with its place (after a bulk mark).
    fn remember_issue(&mut self, issue: usize) {
        let count = self.parsed(issue).map_or(0, |i| i.articles.len());
        for article in 0..count {
            self.remember_place(issue, article);
        }
    }

    /// `U`: the next issue after this one, round the library, with an
    /// unread article, on its first unread article. An issue whose count
    /// is known to be zero is skipped unparsed; one whose count is unknown
    /// is parsed to find out.
    pub(super) fn next_unread_issue(&mut self) {
        let total = self.docs.library.entries.len();
        for step in 1..total {
            let issue = (self.place.issue + step) % total;
            if self.unread_in(issue) == Some(0) {
                continue;
            }
            if matches!(
                self.docs.library.entries[issue].status,
                EntryStatus::Unavailable(_)
            ) {
                continue;
            }
            if !self.need_parsed(issue) {
                return;
            }
            let state = &self.place.state;
            let first = (self.parsed(issue))
                .and_then(|i| i.articles.iter().position(|a| !state.is_read(&a.id)));
            if let Some(article) = first {
                self.select(issue, article);
                return;
            }
        }
        self.screen.notice = Some(t!("notice.no_other_unread_issue"));
    }
}
