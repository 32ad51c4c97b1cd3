//! Searching the whole library from the reader (`|`, or `/` in the Issues
//! pane). `update` only asks: the loop starts the worker
//! (`archive::search::LibrarySearch`) for `Task::SearchLibrary`, hands its
//! handle back as `Msg::SearchStarted`, and polls it between inputs,
//! sending what arrived as `Msg::SearchResults`; no key ever waits on it.
//! The results overlay lists them grouped by issue as they come; Enter
//! opens the issue at the hit, lit as the in-issue search lights it, and
//! `n`/`N` then go on from issue to issue.

use std::sync::Arc;

use crate::archive::search::{Counts, IssueResult, LibrarySearch};
use crate::archive::tree::thousands;
use crate::search::Query;

use super::hits::Found;
use super::prompt;
use super::update::focus;
use super::{Action, App, Cursor, Overlay, Pane, Task};
use crate::i18n::t;

/// A line of the results overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultLine {
    /// An issue's heading: index into the results.
    Issue(usize),
    /// A matching article's headline: result, article within it.
    Headline(usize, usize),
    /// The first hit of that article, in context.
    Snippet(usize, usize),
}

/// A library search: what was asked, the worker, what has arrived.
#[derive(Debug)]
pub struct LibraryFind {
    pub query: Query,
    /// The worker, while it runs (dropping it cancels it).
    pub handle: Option<Arc<LibrarySearch>>,
    /// Issues with hits, in library order.
    pub results: Vec<IssueResult>,
    /// The overlay's lines, appended as results arrive.
    pub lines: Vec<ResultLine>,
    /// Index into `lines` of each article (the selectable lines).
    pub articles: Vec<usize>,
    pub counts: Counts,
    /// The selected article (index into `articles`).
    pub selected: usize,
    /// Esc stopped it before every issue was searched.
    pub cancelled: bool,
    /// `n`/`N` go on to the next issue with hits (a result was opened).
    pub walking: bool,
}

impl LibraryFind {
    fn new(query: Query, total: usize) -> LibraryFind {
        LibraryFind {
            query,
            handle: None,
            results: Vec::new(),
            lines: Vec::new(),
            articles: Vec::new(),
            counts: Counts {
                hits: 0,
                issues_with_hits: 0,
                searched: 0,
                total,
                finished: false,
            },
            selected: 0,
            cancelled: false,
            walking: false,
        }
    }

    /// Whether the worker still runs.
    pub fn running(&self) -> bool {
        self.handle.is_some() && !self.counts.finished
    }

    /// `1,204 hits in 312 issues…` (the dots while it runs).
    pub fn counter(&self) -> String {
        let c = &self.counts;
        let issues = match c.issues_with_hits {
            1 => t!("tree.issue_one"),
            n => t!("tree.issues", n = thousands(n)),
        };
        let hits = t!(
            "library_search.counter",
            hits = hit_count(c.hits),
            issues = issues
        );
        match (self.running(), self.cancelled) {
            (true, _) => t!(
                "library_search.running",
                hits = hits,
                searched = thousands(c.searched),
                total = thousands(c.total)
            ),
            (false, true) => t!(
                "library_search.stopped_after",
                hits = hits,
                searched = thousands(c.searched),
                total = thousands(c.total)
            ),
            (false, false) => hits,
        }
    }

    fn append(&mut self, batch: Vec<IssueResult>) {
        for result in batch {
            let at = self.results.len();
            self.lines.push(ResultLine::Issue(at));
            for article in 0..result.articles.len() {
                self.articles.push(self.lines.len());
                self.lines.push(ResultLine::Headline(at, article));
                self.lines.push(ResultLine::Snippet(at, article));
            }
            self.results.push(result);
        }
    }

    /// The selected article: (result, article within it).
    pub fn selection(&self) -> Option<(usize, usize)> {
        let line = *self.articles.get(self.selected)?;
        match self.lines.get(line)? {
            ResultLine::Headline(r, a) => Some((*r, *a)),
            _ => None,
        }
    }
}

impl App {
    pub fn library_find(&self) -> Option<&LibraryFind> {
        self.search.library.as_ref()
    }

    /// Rows the results overlay asks for: the counter and every line.
    pub fn results_rows(&self) -> usize {
        1 + self
            .search
            .library
            .as_ref()
            .map_or(1, |f| f.lines.len().max(1))
    }

    /// The worker to poll, while a library search runs.
    pub fn library_search(&self) -> Option<&Arc<LibrarySearch>> {
        let find = self.search.library.as_ref()?;
        find.handle.as_ref().filter(|_| !find.counts.finished)
    }

    /// Enter at the library prompt: drop any search before, open the
    /// results overlay, and ask the loop to start the worker.
    pub(super) fn run_library_prompt(&mut self) {
        let Some(pattern) = self.entered_pattern() else {
            return;
        };
        let query = match Query::new(&pattern) {
            Ok(query) => query,
            Err(err) => {
                self.screen.notice = Some(err.to_string());
                return;
            }
        };
        prompt::remember(&mut self.search.history, &pattern);
        self.stop_library_search();
        let total = self.docs.library.entries.len();
        self.search.library = Some(LibraryFind::new(query.clone(), total));
        self.overlay.open = Some(Overlay::Results);
        self.overlay.line = 0;
        self.chores.outbox.push(Task::SearchLibrary(query));
    }

    /// Close the open overlay as Esc does: the results overlay stops a
    /// search still running, the calendar lets go of its month.
    pub(super) fn close_overlay(&mut self) {
        match self.overlay.open {
            Some(Overlay::Results) => self.results_action(Action::Back),
            Some(Overlay::Calendar) => self.calendar_action(Action::Back),
            _ => self.overlay.open = None,
        }
    }

    /// After a reload the results name entries of the old listing: the
    /// search stops and its results go.
    pub(super) fn forget_library_search(&mut self) {
        self.stop_library_search();
        self.search.library = None;
        if self.overlay.open == Some(Overlay::Results) {
            self.overlay.open = None;
        }
    }

    /// Cancel the worker, if one runs (the loop sets its flag).
    fn stop_library_search(&mut self) {
        let handle = (self.search.library.as_mut()).and_then(|f| f.handle.take());
        if let Some(handle) = handle {
            self.chores.outbox.push(Task::CancelSearch(handle));
        }
    }

    /// The worker the loop started for the search in force.
    pub(super) fn search_started(&mut self, handle: Arc<LibrarySearch>) {
        match self.search.library.as_mut() {
            Some(find) if find.handle.is_none() && !find.cancelled => find.handle = Some(handle),
            // Esc came first, or another search replaced it.
            _ => self.chores.outbox.push(Task::CancelSearch(handle)),
        }
    }

    /// Results that arrived, and how far the worker got.
    pub(super) fn search_results(&mut self, batch: Vec<IssueResult>, counts: Counts) {
        let Some(find) = self.search.library.as_mut() else {
            return;
        };
        if find.cancelled {
            return;
        }
        find.append(batch);
        find.counts = counts;
    }

    /// Keys while the results overlay is open.
    pub(super) fn results_action(&mut self, action: Action) {
        let Some(find) = self.search.library.as_mut() else {
            self.overlay.open = None;
            return;
        };
        let last = find.articles.len().saturating_sub(1);
        let page = crate::geometry::overlay_rows(self.screen.size.1).max(3) / 2;
        let at = find.selected;
        find.selected = match action {
            Action::Down | Action::NextArticle => (at + 1).min(last),
            Action::Up | Action::PrevArticle => at.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => (at + page).min(last),
            Action::PageUp | Action::HalfPageUp => at.saturating_sub(page),
            Action::Top => 0,
            Action::Bottom => last,
            _ => at,
        };
        match action {
            Action::Back | Action::Quit => {
                if find.running() {
                    find.cancelled = true;
                    self.stop_library_search();
                    self.screen.notice = Some(t!("library_search.stopped"));
                }
                self.overlay.open = None;
            }
            Action::Open | Action::FocusRight => self.open_result(),
            _ => {}
        }
    }

    /// Open the selected result's issue at its article's first hit, the
    /// hits lit; `n`/`N` then walk the hits on into the next issues.
    fn open_result(&mut self) {
        let Some(find) = self.search.library.as_ref() else {
            return;
        };
        let Some((result, article)) = find.selection() else {
            return;
        };
        let entry = find.results[result].entry;
        let article = find.results[result].articles[article].article;
        // The overlay stays open until the issue is read; Enter runs again then.
        if !self.need_parsed(entry) {
            return;
        }
        self.overlay.open = None;
        if let Some(find) = self.search.library.as_mut() {
            find.walking = true;
        }
        self.open_hits_in(entry, Some(article), true);
    }

    /// Select `entry`, light the library query's hits in it, and go to the
    /// first hit of `article` (else the first hit going forward, the last
    /// going back). The issue must be parsed.
    fn open_hits_in(&mut self, entry: usize, article: Option<usize>, forward: bool) {
        let Some(query) = self.search.library.as_ref().map(|f| f.query.clone()) else {
            return;
        };
        let Some(issue) = self.docs.issues.get(entry).and_then(Option::as_ref) else {
            return;
        };
        let found = Found::new(query, entry, issue);
        let count = found.hits.len();
        let index = match (article, forward) {
            (Some(article), _) => found.in_article(article).0,
            (None, true) => 0,
            (None, false) => count.saturating_sub(1),
        };
        self.search.found = Some(found);
        self.archive.cursor = Cursor::Issue;
        self.select(entry, article.unwrap_or(0));
        if count == 0 {
            focus(self, Pane::Article);
            return;
        }
        self.show_hit(index.min(count - 1));
        self.say_where_in_results(entry);
    }

    /// `hit 3/17 · issue 5 of 312 with hits`.
    fn say_where_in_results(&mut self, entry: usize) {
        let Some(find) = self.search.library.as_ref() else {
            return;
        };
        let at = find.results.partition_point(|r| r.entry < entry);
        let info = self.issue_info(entry);
        let date = info.date.map(|d| d.to_string()).unwrap_or_default();
        let more = if find.running() { "…" } else { "" };
        self.screen.notice = Some(t!(
            "library_search.where",
            date = date,
            paper = info.paper,
            at = thousands(at + 1),
            of = format!("{}{more}", thousands(find.results.len()))
        ));
    }

    /// `n`/`N` past the last (first) hit of an issue while walking a
    /// library search: on to the next (previous) issue with hits, round
    /// the library. False when no library search is walked, so the
    /// in-issue search wraps as it does alone.
    pub(super) fn library_step(&mut self, forward: bool) -> bool {
        let Some(find) = self.search.library.as_ref().filter(|f| f.walking) else {
            return false;
        };
        let same_query =
            (self.search.found.as_ref()).is_some_and(|f| f.query.pattern() == find.query.pattern());
        if !same_query || find.results.is_empty() {
            return false;
        }
        let issue = self.place.issue;
        let count = find.results.len();
        let here = find.results.partition_point(|r| r.entry < issue);
        let (next, wrapped) = match forward {
            true => {
                let after = find.results.partition_point(|r| r.entry <= issue);
                if after < count {
                    (after, false)
                } else {
                    (0, true)
                }
            }
            false if here > 0 => (here - 1, false),
            false => (count - 1, true),
        };
        let entry = find.results[next].entry;
        // Nothing changes until that issue is read; the key runs again then.
        if !self.need_parsed(entry) {
            return true;
        }
        self.open_hits_in(entry, None, forward);
        if wrapped {
            let note = self.screen.notice.take().unwrap_or_default();
            self.screen.notice = Some(t!("library_search.wrapped", note = note));
        }
        true
    }
}

/// `1 hit`, `1,204 hits`, in the reader's language.
pub fn hit_count(hits: usize) -> String {
    match hits {
        1 => t!("library_search.hit_one"),
        n => t!("library_search.hits", n = thousands(n)),
    }
}
