//! Unread counts for the Issues pane, from the reading state and the
//! header cache's article counts (`store::issues`). A minimal version for
//! the archive screens; the reading-state work keeps the full one.

use std::ops::Range;

use super::App;
use crate::store::per_paper;

impl App {
    /// Unread articles in entry `entry`; `None` until its article count is
    /// known (the issue was parsed once, here or in an earlier run).
    pub fn unread_in(&self, entry: usize) -> Option<usize> {
        let articles = self.docs.library.entries.get(entry)?.articles?;
        let key = self.issue_key(entry)?;
        self.place
            .state
            .unread_counts([(key.as_str(), articles)])
            .first()
            .copied()
    }

    /// Unread articles in the entries `entries` (one paper's); `None` when
    /// any of them has no known article count, so a paper's count is never
    /// a part passed off as the whole.
    pub fn unread_in_paper(&self, entries: Range<usize>) -> Option<usize> {
        let listed = self.docs.library.entries.get(entries.clone())?;
        if listed.iter().any(|e| e.articles.is_none()) {
            return None;
        }
        let keyed: Vec<(String, usize, &str)> = entries
            .zip(listed)
            .filter_map(|(i, e)| Some((self.issue_key(i)?, e.articles?, e.paper.as_str())))
            .collect();
        let unread = self
            .place
            .state
            .unread_counts(keyed.iter().map(|(k, n, _)| (k.as_str(), *n)));
        let papers = per_paper(
            keyed
                .iter()
                .zip(&unread)
                .map(|((_, total, paper), unread)| (*paper, *unread, *total)),
        );
        Some(papers.values().map(|(unread, _)| unread).sum())
    }

    /// Whether entry `entry` arrived since the last run. This minimal
    /// version knows no run start, so nothing is new.
    pub fn is_new_issue(&self, entry: usize) -> bool {
        self.issue_key(entry)
            .is_some_and(|key| self.place.state.is_new_issue(&key, u64::MAX))
    }
}
