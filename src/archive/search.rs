//! Searching the whole library: every issue, with the matching rules of
//! `crate::search` (the reader's in-issue `/` and `broadsheet search`).
//!
//! Per issue: the raw bytes are read and the [`Prefilter`] rules out most
//! files without decoding them; only candidates are decoded, sanitised and
//! parsed, and nothing is typeset. Issues are searched on every core
//! (rayon) in chunks taken in library order, so results come out in that
//! order and the first ones early.
//!
//! [`LibrarySearch`] runs this on a worker thread for the reader: results
//! stream through a channel one chunk's worth at a time, a flag cancels,
//! and counters say how far it got.

use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use rayon::prelude::*;

use super::prefilter::Prefilter;
use crate::library::Library;
use crate::model::{Date, Issue};
use crate::search::{Hit, Query, find_in_article};

/// One issue searched.
#[derive(Debug)]
pub enum Searched {
    /// Nothing matched (or the prefilter proved nothing could). Decoding
    /// warnings, when the file was decoded, are kept to be reported.
    Nothing {
        warnings: Vec<String>,
    },
    Found(Box<Found>),
    /// Could not be read: the reason, without the file's label.
    Failed(String),
}

/// An issue with matches: the parsed issue, the text it was parsed from,
/// and each matching article's index with its hits in reading order.
#[derive(Debug)]
pub struct Found {
    pub issue: Issue,
    pub text: String,
    pub articles: Vec<(usize, Vec<Hit>)>,
    pub warnings: Vec<String>,
}

/// Search entry `index` of `library` for `query`.
pub fn search_entry(
    library: &Library,
    index: usize,
    query: &Query,
    prefilter: Option<&Prefilter>,
) -> Searched {
    let raw = match library.read_raw(index) {
        Ok(raw) => raw,
        Err(err) => return Searched::Failed(err.to_string()),
    };
    if let (Some(raw), Some(prefilter)) = (&raw, prefilter)
        && !prefilter.may_match(raw)
    {
        return Searched::Nothing {
            warnings: Vec::new(),
        };
    }
    let decoded = match &raw {
        Some(raw) => library.decode_raw(index, raw),
        None => library.read_decoded(index),
    };
    let decoded = match decoded {
        Ok(decoded) => decoded,
        Err(err) => return Searched::Failed(err.to_string()),
    };
    let issue = crate::sources::read_issue(&decoded.text, library.file_name(index).as_deref());
    let articles: Vec<(usize, Vec<Hit>)> = issue
        .articles
        .iter()
        .enumerate()
        .map(|(at, article)| (at, find_in_article(query, article)))
        .filter(|(_, hits)| !hits.is_empty())
        .collect();
    if articles.is_empty() {
        return Searched::Nothing {
            warnings: decoded.warnings,
        };
    }
    Searched::Found(Box::new(Found {
        issue,
        text: decoded.text,
        articles,
        warnings: decoded.warnings,
    }))
}

/// How many issues are searched together at most: enough to keep every
/// core busy, few enough that results keep coming every few milliseconds.
pub const CHUNK: usize = 64;

/// The first chunk: small, so the first results are on screen after a
/// handful of issues, not sixty-four; each chunk after it is twice the one
/// before, up to [`CHUNK`].
pub const FIRST_CHUNK: usize = 4;

/// Where the chunk starting at `start` ends (of `count` entries).
fn chunk_end(start: usize, count: usize) -> usize {
    let size = start.clamp(FIRST_CHUNK, CHUNK);
    (start + size).min(count)
}

/// Run `work` on entries `0..count` on every core, handing each result to
/// `each` in index order. Stops early when `each` returns false or `cancel`
/// is set (checked before each issue).
pub fn in_order<T: Send>(
    count: usize,
    cancel: &AtomicBool,
    work: impl Fn(usize) -> T + Sync,
    mut each: impl FnMut(usize, T) -> bool,
) {
    let mut start = 0;
    while start < count && !cancel.load(Ordering::Relaxed) {
        let end = chunk_end(start, count);
        let results: Vec<Option<T>> = (start..end)
            .into_par_iter()
            .map(|index| (!cancel.load(Ordering::Relaxed)).then(|| work(index)))
            .collect();
        for (index, result) in (start..end).zip(results) {
            let Some(result) = result else { return };
            if !each(index, result) {
                return;
            }
        }
        start = end;
    }
}

/// A piece of the string around a hit: `hit` is the hit's range in `text`.
/// Line breaks are spaces. `cut_before`/`cut_after` say whether the
/// string goes on past either end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub hit: Range<usize>,
    pub cut_before: bool,
    pub cut_after: bool,
}

/// Characters of context either side of a hit: a wide results line shows
/// about this much; the screen trims it to its width.
const CONTEXT_BEFORE: usize = 20;
const CONTEXT_AFTER: usize = 60;

/// The snippet of `text` around byte range `hit`.
pub fn snippet(text: &str, hit: &Range<usize>) -> Snippet {
    let start = text[..hit.start]
        .char_indices()
        .rev()
        .nth(CONTEXT_BEFORE - 1)
        .map_or(0, |(at, _)| at);
    let end = text[hit.end..]
        .char_indices()
        .nth(CONTEXT_AFTER)
        .map_or(text.len(), |(at, _)| hit.end + at);
    Snippet {
        text: text[start..end].replace(['\n', '\t'], " "),
        hit: hit.start - start..hit.end - start,
        cut_before: start > 0,
        cut_after: end < text.len(),
    }
}

/// The matches in one article: every hit (for `n`/`N`), and the first in
/// context for the results list. One snippet an article, not one a hit: a
/// common word has hundreds of thousands of hits in an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleResult {
    /// Index into the issue's articles.
    pub article: usize,
    pub headline: String,
    pub hits: Vec<Hit>,
    pub snippet: Snippet,
}

/// The matches in one issue, for the results overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueResult {
    /// The library entry.
    pub entry: usize,
    pub paper: String,
    pub date: Option<Date>,
    pub articles: Vec<ArticleResult>,
}

impl IssueResult {
    fn new(entry: usize, library: &Library, found: &Found) -> IssueResult {
        let articles = found
            .articles
            .iter()
            .filter_map(|(at, hits)| {
                let article = found.issue.articles.get(*at)?;
                let first = hits.first()?;
                Some(ArticleResult {
                    article: *at,
                    headline: article.headline.clone(),
                    snippet: snippet(first.text.resolve(article), &first.range),
                    hits: hits.clone(),
                })
            })
            .collect();
        let listed = library.entries.get(entry);
        IssueResult {
            entry,
            paper: listed.map(|e| e.paper.clone()).unwrap_or_default(),
            date: listed.and_then(|e| e.date).or(found.issue.date),
            articles,
        }
    }

    pub fn hit_count(&self) -> usize {
        self.articles.iter().map(|a| a.hits.len()).sum()
    }
}

/// How far a library search got.
#[derive(Debug, Default)]
pub struct Progress {
    hits: AtomicUsize,
    issues_with_hits: AtomicUsize,
    searched: AtomicUsize,
    total: usize,
    finished: AtomicBool,
}

/// A snapshot of [`Progress`], for `1,204 hits in 312 issues…`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub hits: usize,
    pub issues_with_hits: usize,
    pub searched: usize,
    pub total: usize,
    /// Every issue searched, or the search was cancelled.
    pub finished: bool,
}

impl Progress {
    pub fn counts(&self) -> Counts {
        Counts {
            hits: self.hits.load(Ordering::Relaxed),
            issues_with_hits: self.issues_with_hits.load(Ordering::Relaxed),
            searched: self.searched.load(Ordering::Relaxed),
            total: self.total,
            finished: self.finished.load(Ordering::Acquire),
        }
    }
}

/// A library search running on a worker thread. Dropping it cancels it.
#[derive(Debug)]
pub struct LibrarySearch {
    /// Behind a lock so the handle can be shared (`Sync`): the reader's
    /// app keeps it and its loop polls it.
    results: Mutex<Receiver<Vec<IssueResult>>>,
    cancel: Arc<AtomicBool>,
    progress: Arc<Progress>,
    worker: Mutex<Option<JoinHandle<()>>>,
}

impl LibrarySearch {
    /// Start searching every issue of `library` for `query`. `notify` is
    /// called (on the worker) after each batch is sent and once at the
    /// end, so an event loop blocked on input can wake.
    pub fn start(
        library: Arc<Library>,
        query: Query,
        notify: impl Fn() + Send + 'static,
    ) -> LibrarySearch {
        let (send, results) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let progress = Arc::new(Progress {
            total: library.entries.len(),
            ..Progress::default()
        });
        let worker = {
            let (cancel, progress) = (cancel.clone(), progress.clone());
            std::thread::Builder::new()
                .name("library search".into())
                .spawn(move || run(&library, &query, &cancel, &progress, &send, &notify))
                .ok()
        };
        if worker.is_none() {
            // No thread: a finished search with nothing found, rather than
            // one that never ends.
            progress.finished.store(true, Ordering::Release);
        }
        LibrarySearch {
            results: Mutex::new(results),
            cancel,
            progress,
            worker: Mutex::new(worker),
        }
    }

    /// Batches that have arrived, without waiting.
    pub fn try_results(&self) -> Vec<IssueResult> {
        match self.results.lock() {
            Ok(results) => results.try_iter().flatten().collect(),
            Err(_) => Vec::new(),
        }
    }

    /// The next batch, waiting for it; `None` once the search is over and
    /// every batch was taken.
    pub fn next_batch(&self) -> Option<Vec<IssueResult>> {
        self.results.lock().ok()?.recv().ok()
    }

    pub fn counts(&self) -> Counts {
        self.progress.counts()
    }

    /// Stop searching: issues not started are not searched.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Cancel and wait for the worker to stop.
    pub fn stop(&self) {
        self.cancel();
        let handle = self.worker.lock().ok().and_then(|mut w| w.take());
        if let Some(handle) = handle {
            let _ = handle.join();
        }
    }
}

impl Drop for LibrarySearch {
    fn drop(&mut self) {
        self.cancel();
    }
}

fn run(
    library: &Library,
    query: &Query,
    cancel: &AtomicBool,
    progress: &Progress,
    send: &Sender<Vec<IssueResult>>,
    notify: &dyn Fn(),
) {
    let prefilter = Prefilter::new(query);
    let query = &query.clone().with_early_reject();
    let mut batch = Vec::new();
    let count = library.entries.len();
    let mut searched = 0;
    let mut chunk = chunk_end(0, count);
    in_order(
        count,
        cancel,
        |index| match search_entry(library, index, query, prefilter.as_ref()) {
            Searched::Found(found) => Some(IssueResult::new(index, library, &found)),
            Searched::Nothing { .. } | Searched::Failed(_) => None,
        },
        |_, result| {
            if let Some(result) = result {
                progress
                    .hits
                    .fetch_add(result.hit_count(), Ordering::Relaxed);
                progress.issues_with_hits.fetch_add(1, Ordering::Relaxed);
                batch.push(result);
            }
            progress.searched.fetch_add(1, Ordering::Relaxed);
            searched += 1;
            // One batch a chunk, as the chunk is done.
            if searched == chunk {
                chunk = chunk_end(chunk, count);
                if !batch.is_empty() {
                    if send.send(std::mem::take(&mut batch)).is_err() {
                        return false;
                    }
                    notify();
                }
            }
            true
        },
    );
    if !batch.is_empty() {
        let _ = send.send(batch);
    }
    progress.finished.store(true, Ordering::Release);
    notify();
}
