//! The Issues pane as papers → issues: a header per paper that folds and
//! unfolds, the paper's issues under it newest first. Built over the
//! library's entries, which the library already groups by paper (papers
//! contiguous, each newest first), so a paper is a range of entry indices
//! and nothing is copied per issue.
//!
//! The rows are never materialised: [`Tree::rows`] answers a window of them
//! in O(papers + window), however many issues the library holds. What is
//! folded and which paper is selected is [`FoldState`], plain serde data
//! for the state file.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::i18n::t;
use crate::library::Entry;
use crate::model::days::weekday_zh;

/// One paper: its name and the entries that are its issues, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paper {
    pub name: String,
    pub entries: Range<usize>,
}

/// How much of an unfolded paper is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shown {
    /// The newest this many issues, then a row saying how many more.
    Newest(usize),
    All,
}

/// What the reader folded and selected, kept across runs. Papers are named
/// (not numbered) so a paper added to the library does not shift the rest.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoldState {
    /// The selected paper, if any.
    #[serde(default)]
    pub selected: Option<String>,
    /// The unfolded papers; any paper not here is folded.
    #[serde(default)]
    pub open: BTreeMap<String, Shown>,
}

/// One row of the pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A paper's header (index into [`Tree::papers`]).
    Header { paper: usize },
    /// An issue: the library entry's index.
    Issue { paper: usize, entry: usize },
    /// An unfolded paper's older issues, not shown: how many.
    More { paper: usize, hidden: usize },
}

/// The papers → issues tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tree {
    papers: Vec<Paper>,
    /// Per paper: `None` folded, else how much is shown.
    shown: Vec<Option<Shown>>,
    /// With one paper there is no header and nothing folds.
    headers: bool,
    selected: Option<usize>,
}

/// The papers of `entries`: each maximal run of one paper name.
pub fn papers(entries: &[Entry]) -> Vec<Paper> {
    let mut papers: Vec<Paper> = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        match papers.last_mut() {
            Some(last) if last.name == entry.paper => last.entries.end = index + 1,
            _ => papers.push(Paper {
                name: entry.paper.clone(),
                entries: index..index + 1,
            }),
        }
    }
    papers
}

impl Tree {
    /// The tree of `entries` as `state` folds it.
    pub fn new(entries: &[Entry], state: &FoldState) -> Tree {
        let papers = papers(entries);
        let headers = papers.len() > 1;
        let shown = papers
            .iter()
            .map(|p| match headers {
                true => state.open.get(&p.name).copied(),
                false => Some(Shown::All),
            })
            .collect();
        let selected = state
            .selected
            .as_ref()
            .and_then(|name| papers.iter().position(|p| &p.name == name));
        Tree {
            papers,
            shown,
            headers,
            selected,
        }
    }

    /// The first screen of a library with several papers: every paper's
    /// header in view in `height` rows, the paper of entry `open` (else the
    /// first) unfolded with as many of its newest issues as fit, the
    /// others folded.
    pub fn first_screen(entries: &[Entry], open: Option<usize>, height: usize) -> Tree {
        let mut tree = Tree::new(entries, &FoldState::default());
        let Some(paper) = open
            .and_then(|entry| tree.paper_of(entry))
            .or((!tree.papers.is_empty()).then_some(0))
        else {
            return tree;
        };
        tree.selected = Some(paper);
        if tree.headers {
            // Every header, and the "more" row under the open paper.
            let room = height.saturating_sub(tree.papers.len() + 1).max(1);
            tree.shown[paper] = Some(Shown::Newest(room));
        }
        tree
    }

    pub fn papers(&self) -> &[Paper] {
        &self.papers
    }

    /// Whether papers have header rows (more than one paper).
    pub fn has_headers(&self) -> bool {
        self.headers
    }

    /// The state to keep across runs.
    pub fn state(&self) -> FoldState {
        FoldState {
            selected: self.selected.map(|p| self.papers[p].name.clone()),
            open: self
                .papers
                .iter()
                .zip(&self.shown)
                .filter_map(|(p, shown)| Some((p.name.clone(), (*shown)?)))
                .filter(|_| self.headers)
                .collect(),
        }
    }

    pub fn selected_paper(&self) -> Option<usize> {
        self.selected
    }

    pub fn select_paper(&mut self, paper: usize) {
        if paper < self.papers.len() {
            self.selected = Some(paper);
        }
    }

    pub fn is_folded(&self, paper: usize) -> bool {
        self.shown.get(paper).is_some_and(Option::is_none)
    }

    /// Fold an unfolded paper, unfold a folded one (its newest `newest`
    /// issues, or all when `None`). No effect with one paper.
    pub fn toggle(&mut self, paper: usize, newest: Option<usize>) {
        if !self.headers || paper >= self.papers.len() {
            return;
        }
        self.shown[paper] = match self.shown[paper] {
            Some(_) => None,
            None => Some(newest.map_or(Shown::All, Shown::Newest)),
        };
    }

    /// Fold every paper but `keep`.
    pub fn fold_others(&mut self, keep: usize) {
        if !self.headers {
            return;
        }
        for (index, shown) in self.shown.iter_mut().enumerate() {
            if index != keep {
                *shown = None;
            }
        }
    }

    /// Show all of a paper's issues (the "more" row was chosen).
    pub fn show_all(&mut self, paper: usize) {
        if let Some(shown) = self.shown.get_mut(paper) {
            *shown = Some(Shown::All);
        }
    }

    /// Unfold (and extend) entry's paper so the entry has a row; selects
    /// the paper. Returns the entry's row.
    pub fn reveal(&mut self, entry: usize) -> Option<usize> {
        let paper = self.paper_of(entry)?;
        self.selected = Some(paper);
        let position = entry - self.papers[paper].entries.start;
        let shown_already = match self.shown[paper] {
            Some(Shown::Newest(n)) => position < n,
            Some(Shown::All) => true,
            None => false,
        };
        if !shown_already {
            self.shown[paper] = Some(Shown::All);
        }
        self.row_of(entry)
    }

    /// The paper entry `entry` belongs to.
    pub fn paper_of(&self, entry: usize) -> Option<usize> {
        let index = self.papers.partition_point(|p| p.entries.end <= entry);
        (index < self.papers.len() && self.papers[index].entries.contains(&entry)).then_some(index)
    }

    /// Issues of `paper` shown under it, and how many are hidden.
    fn visible(&self, paper: usize) -> (usize, usize) {
        let count = self.papers[paper].entries.len();
        match self.shown[paper] {
            None => (0, 0),
            Some(Shown::All) => (count, 0),
            Some(Shown::Newest(n)) => (n.min(count), count.saturating_sub(n)),
        }
    }

    /// How many of paper `paper`'s issues have rows (0 when folded).
    pub fn shown_count(&self, paper: usize) -> usize {
        match paper < self.papers.len() {
            true => self.visible(paper).0,
            false => 0,
        }
    }

    /// Rows paper `paper` takes: its header, its shown issues, a "more" row.
    fn paper_rows(&self, paper: usize) -> usize {
        let (shown, hidden) = self.visible(paper);
        usize::from(self.headers) + shown + usize::from(hidden > 0)
    }

    pub fn row_count(&self) -> usize {
        (0..self.papers.len()).map(|p| self.paper_rows(p)).sum()
    }

    /// The rows in `window` (clipped to the tree): O(papers + window).
    pub fn rows(&self, window: Range<usize>) -> Vec<Row> {
        let mut out = Vec::with_capacity(window.len().min(256));
        let mut first = 0;
        for paper in 0..self.papers.len() {
            let size = self.paper_rows(paper);
            let rows = first..first + size;
            first += size;
            if rows.end <= window.start {
                continue;
            }
            if rows.start >= window.end {
                break;
            }
            let from = window.start.max(rows.start) - rows.start;
            let to = window.end.min(rows.end) - rows.start;
            out.extend((from..to).map(|at| self.row_in(paper, at)));
        }
        out
    }

    /// The row `at` rows into paper `paper`'s rows.
    fn row_in(&self, paper: usize, at: usize) -> Row {
        let header = usize::from(self.headers);
        let (shown, hidden) = self.visible(paper);
        match at.checked_sub(header) {
            None => Row::Header { paper },
            Some(issue) if issue < shown => Row::Issue {
                paper,
                entry: self.papers[paper].entries.start + issue,
            },
            Some(_) => Row::More { paper, hidden },
        }
    }

    /// The row an entry is on, if its paper shows it.
    pub fn row_of(&self, entry: usize) -> Option<usize> {
        let paper = self.paper_of(entry)?;
        let before: usize = (0..paper).map(|p| self.paper_rows(p)).sum();
        let (shown, _) = self.visible(paper);
        let position = entry - self.papers[paper].entries.start;
        (position < shown).then_some(before + usize::from(self.headers) + position)
    }

    /// The row of paper `paper`'s header (its first issue with one paper).
    pub fn header_row(&self, paper: usize) -> Option<usize> {
        (paper < self.papers.len()).then(|| (0..paper).map(|p| self.paper_rows(p)).sum())
    }
}

/// `▾ 人民日报 · 2,500 issues · 12 unread`: the marker says folded (▸) or
/// not (▾) in a glyph, not in colour alone. `unread` is left out when
/// unknown.
pub fn header_text(tree: &Tree, paper: usize, unread: Option<usize>) -> String {
    let Some(p) = tree.papers.get(paper) else {
        return String::new();
    };
    let marker = if tree.is_folded(paper) { '▸' } else { '▾' };
    let name = if p.name.is_empty() {
        t!("tree.no_paper")
    } else {
        p.name.clone()
    };
    let issues = p.entries.len();
    let count = match issues {
        1 => t!("tree.issue_one"),
        n => t!("tree.issues", n = thousands(n)),
    };
    let mut text = format!("{marker} {name} · {count}");
    if let Some(unread) = unread {
        text.push_str(&format!(" · {}", t!("tree.unread", n = thousands(unread))));
    }
    text
}

/// `2022-02-13 星期日 · 4 articles`, the same shape for every issue: the
/// weekday is worked out from the date (papers print it in many ways), the
/// count is the header cache's, `?` until the issue has been parsed once.
pub fn issue_text(entry: &Entry) -> String {
    let day = match entry.date {
        Some(date) => format!("{date} {}", weekday_zh(date)),
        None => t!("tree.no_date"),
    };
    let count = match entry.articles {
        Some(1) => t!("pane.article_one"),
        Some(n) => t!("pane.article_count", n = thousands(n)),
        None => t!("pane.article_count", n = "?"),
    };
    format!("{day} · {count}")
}

/// `… 2,494 older issues`.
pub fn more_text(hidden: usize) -> String {
    match hidden {
        1 => t!("tree.older_one"),
        n => t!("tree.older", n = thousands(n)),
    }
}

/// `12,345`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
#[path = "tree_tests.rs"]
mod tests;
