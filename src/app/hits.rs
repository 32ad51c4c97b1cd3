//! A search in force: its hits in one issue, in reading order, and moving
//! between them. The hits are found once per (issue, query) and found
//! again only when the issue changes, so `n` and `N` cost a step through a
//! list, and the frame finds the hits of the lines on screen by bisection.

use std::ops::Range;

pub use crate::layout::reading_rank;
use crate::layout::{ArticleLayout, TextRef};
use crate::model::Issue;
use crate::search::{Query, find_in_article};

/// Hits kept for one issue: a one-letter query over a huge file must not
/// take memory by the gigabyte. Beyond it the count says `+` and `n`
/// wraps to the first.
pub const MAX_HITS: usize = 100_000;

/// Lines shown above a hit the reader is taken to.
pub const CONTEXT: usize = 2;

/// A hit in an issue: its article, its string there and the bytes in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueHit {
    pub article: usize,
    pub text: TextRef,
    pub range: Range<usize>,
}

/// A search in force.
#[derive(Debug)]
pub struct Found {
    pub query: Query,
    /// The issue the hits are of; `None` when they must be found again
    /// (the issue changed or its text was replaced).
    pub issue: Option<usize>,
    /// In reading order: by article, then by [`reading_rank`], then byte.
    pub hits: Vec<IssueHit>,
    /// The hit last gone to.
    pub current: Option<usize>,
}

impl Found {
    /// The query's hits in `issue`.
    pub fn new(query: Query, index: usize, issue: &Issue) -> Found {
        let mut found = Found {
            query,
            issue: None,
            hits: Vec::new(),
            current: None,
        };
        found.search(index, issue);
        found
    }

    /// Find the hits again, in `issue` (entry `index`).
    pub fn search(&mut self, index: usize, issue: &Issue) {
        self.hits.clear();
        self.current = None;
        self.issue = Some(index);
        for (article, a) in issue.articles.iter().enumerate() {
            let room = MAX_HITS - self.hits.len();
            let mut hits: Vec<IssueHit> = (find_in_article(&self.query, a).into_iter())
                .map(|hit| IssueHit {
                    article,
                    text: hit.text,
                    range: hit.range,
                })
                .collect();
            hits.sort_by_key(|h| (reading_rank(h.text), h.range.start));
            hits.truncate(room);
            self.hits.extend(hits);
            if self.hits.len() == MAX_HITS {
                break;
            }
        }
    }

    /// Whether hits were left out past [`MAX_HITS`].
    pub fn capped(&self) -> bool {
        self.hits.len() >= MAX_HITS
    }

    /// The hits of `article`, and the index of the first in the issue.
    pub fn in_article(&self, article: usize) -> (usize, &[IssueHit]) {
        let start = self.hits.partition_point(|h| h.article < article);
        let end = start + self.hits[start..].partition_point(|h| h.article <= article);
        (start, &self.hits[start..end])
    }

    /// The first hit at or after `at` (article, rank, byte) going forward,
    /// or the last one before it going back; `true` when the search had to
    /// wrap round the issue to find it.
    pub fn from_place(&self, at: Place, forward: bool) -> Option<(usize, bool)> {
        let key = |h: &IssueHit| (h.article, reading_rank(h.text), h.range.start);
        let before = self.hits.partition_point(|h| key(h) < at);
        let last = self.hits.len().checked_sub(1)?;
        Some(match (forward, before) {
            (true, b) if b <= last => (b, false),
            (true, _) => (0, true),
            (false, 0) => (last, true),
            (false, b) => (b - 1, false),
        })
    }

    /// The hit after (or before) hit `index`, and whether that wrapped.
    pub fn beside(&self, index: usize, forward: bool) -> Option<(usize, bool)> {
        let last = self.hits.len().checked_sub(1)?;
        Some(match (forward, index.min(last)) {
            (true, i) if i == last => (0, true),
            (true, i) => (i + 1, false),
            (false, 0) => (last, true),
            (false, i) => (i - 1, false),
        })
    }
}

/// A place in an issue: article, [`reading_rank`] of a string, byte in it.
pub type Place = (usize, (usize, usize), usize);

/// The lines of `layout` holding the first and the last byte of `hit`.
pub fn lines_of(layout: &ArticleLayout, hit: &IssueHit) -> Option<Range<usize>> {
    let line_at = |byte: usize| {
        (layout.lines.iter())
            .rposition(|l| l.text == hit.text && l.range.start <= byte)
            .or_else(|| layout.lines.iter().position(|l| l.text == hit.text))
    };
    let first = line_at(hit.range.start)?;
    let last = line_at(hit.range.end.saturating_sub(1).max(hit.range.start))?;
    Some(first..last.max(first) + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(places: &[(usize, usize)]) -> Found {
        Found {
            query: Query::new("x").expect("a query"),
            issue: Some(0),
            hits: (places.iter())
                .map(|&(article, start)| IssueHit {
                    article,
                    text: TextRef::Block(0),
                    range: start..start + 1,
                })
                .collect(),
            current: None,
        }
    }

    #[test]
    fn steps_wrap_round_the_issue_both_ways() {
        let f = found(&[(0, 5), (1, 2), (1, 9)]);
        assert_eq!(f.beside(0, true), Some((1, false)));
        assert_eq!(f.beside(2, true), Some((0, true)));
        assert_eq!(f.beside(0, false), Some((2, true)));
        assert_eq!(f.in_article(1), (1, &f.hits[1..]));
        assert_eq!(f.in_article(2).1, &[]);
        let block = reading_rank(TextRef::Block(0));
        assert_eq!(f.from_place((1, block, 3), true), Some((2, false)));
        assert_eq!(f.from_place((1, block, 2), true), Some((1, false)));
        assert_eq!(f.from_place((1, block, 2), false), Some((0, false)));
        assert_eq!(f.from_place((0, block, 0), false), Some((2, true)));
        assert_eq!(f.from_place((2, block, 0), true), Some((0, true)));
        assert_eq!(found(&[]).from_place((0, block, 0), true), None);
    }

    #[test]
    fn ranks_follow_the_layout_order() {
        let order = [
            TextRef::Kicker,
            TextRef::Headline,
            TextRef::Deck,
            TextRef::Byline,
            TextRef::Block(0),
            TextRef::Credit(0),
            TextRef::Block(1),
            TextRef::SubheadDeck(1),
            TextRef::Block(2),
        ];
        assert!(
            order
                .windows(2)
                .all(|w| reading_rank(w[0]) < reading_rank(w[1]))
        );
    }
}
