//! What the reading state says per issue: which issues are new since the
//! last run, how many articles each has unread, and marking a whole issue
//! read (or unread) with an undo.
//!
//! "New" is kept as a first-seen stamp per issue key rather than as the set
//! of keys known at the last run. A stamp merges as a plain minimum (the
//! earliest sighting by any instance), so two sessions agree without a
//! notion of "the last run" they would have to share; the same stamp serves
//! an issue that arrives mid-run (a reload) and a later "arrived this week";
//! and nothing has to be rewritten at each start, only new keys added.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::state::{ReadBy, State, Unknown};

/// What is remembered about one issue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueState {
    /// When an instance first listed it (ms since the epoch); 0: it was
    /// already there when this was first kept (the first run, or the run
    /// that upgraded a version-1 file), so it is not "new".
    #[serde(default)]
    pub first_seen: u64,
    #[serde(flatten)]
    pub unknown: Unknown,
}

impl IssueState {
    /// The earliest sighting wins: a minimum is a join, like the registers.
    pub(crate) fn merge(&mut self, other: &IssueState) -> bool {
        let mut changed = false;
        if other.first_seen < self.first_seen {
            self.first_seen = other.first_seen;
            changed = true;
        }
        self.unknown.merge(&other.unknown) || changed
    }
}

/// A whole issue's articles marked by hand, and what they were before, so
/// that the mark can be undone.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BulkMark {
    /// Each article that changed: its id, its read flag and author before.
    changed: Vec<Before>,
    /// The flag they were given.
    read: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Before {
    id: String,
    read: bool,
    by: Option<ReadBy>,
    /// The stamp the bulk mark gave it: a different one later means the
    /// article was marked again since (here or by another instance).
    marked_at: u64,
}

impl BulkMark {
    /// How many articles the mark changed.
    pub fn len(&self) -> usize {
        self.changed.len()
    }

    pub fn is_empty(&self) -> bool {
        self.changed.is_empty()
    }
}

impl State {
    /// Record the issues the library lists now, at time `now` (ms since the
    /// epoch, e.g. [`super::now_ms`]): a key not seen before gets `now` as
    /// its first sighting, except on the first call ever (no issue known
    /// yet), when every key is taken as already there. True when anything
    /// was added. Call at start and after a reload, with the run's start
    /// time kept for [`State::is_new_issue`].
    pub fn note_issues<'a>(&mut self, keys: impl IntoIterator<Item = &'a str>, now: u64) -> bool {
        let first_ever = self.issues.is_empty();
        let stamp = if first_ever { 0 } else { now };
        let mut added = false;
        for key in keys {
            if !self.issues.contains_key(key) {
                let issue = IssueState {
                    first_seen: stamp,
                    unknown: Unknown::default(),
                };
                self.issues.insert(key.to_owned(), issue);
                added = true;
            }
        }
        added
    }

    /// Whether the issue `key` arrived since the last run: it was first seen
    /// by the run that started at `run_started` (or later). An issue not
    /// noted at all is not new: its first sighting is what makes it so.
    pub fn is_new_issue(&self, key: &str, run_started: u64) -> bool {
        self.issues
            .get(key)
            .is_some_and(|i| i.first_seen > 0 && i.first_seen >= run_started)
    }

    /// Unread articles per issue, in the order given, from each issue's key
    /// and article count (the header cache knows the count, not the ids).
    /// An article counts as read in the issue its record was last placed in;
    /// records without a place (version-1 files, until the issue is next
    /// opened) count nowhere, so such an issue shows more unread than it has.
    pub fn unread_counts<'a>(
        &self,
        issues: impl IntoIterator<Item = (&'a str, usize)>,
    ) -> Vec<usize> {
        let read = self.read_per_issue();
        issues
            .into_iter()
            .map(|(key, articles)| articles.saturating_sub(read.get(key).copied().unwrap_or(0)))
            .collect()
    }

    /// Mark every article in `ids` read (or unread) by hand, as `A` does for
    /// an issue; the result undoes it with [`State::undo_bulk`].
    pub fn mark_all<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>, read: bool) -> BulkMark {
        let mut changed = Vec::new();
        for id in ids {
            let (was_read, by) = (self.is_read(id), self.read_by(id));
            if self.mark(id, read, ReadBy::Hand) {
                changed.push(Before {
                    id: id.to_owned(),
                    read: was_read,
                    by,
                    marked_at: self.articles.get(id).map_or(0, |a| a.read_at),
                });
            }
        }
        BulkMark { changed, read }
    }

    /// Undo a bulk mark: every article it changed gets back its flag and
    /// author, with a new stamp (so the undo also wins a merge with a copy
    /// that saw the bulk mark). An article the reader marked again since
    /// keeps that newer mark. The number of articles restored.
    pub fn undo_bulk(&mut self, bulk: BulkMark) -> usize {
        let mut restored = 0;
        for before in bulk.changed {
            let now_at = self.articles.get(&before.id).map_or(0, |a| a.read_at);
            if now_at != before.marked_at {
                continue;
            }
            // Nobody had set it: unread, open to the automatic rules again.
            let by = before.by.unwrap_or(ReadBy::Auto);
            restored += usize::from(self.mark(&before.id, before.read, by));
        }
        restored
    }
}

/// Unread and total articles per paper, from (paper, unread, total) per
/// issue: the Issues pane's paper headings.
pub fn per_paper<'a>(
    issues: impl IntoIterator<Item = (&'a str, usize, usize)>,
) -> BTreeMap<&'a str, (usize, usize)> {
    let mut papers: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (paper, unread, total) in issues {
        let entry = papers.entry(paper).or_default();
        entry.0 += unread;
        entry.1 += total;
    }
    papers
}
