//! Fetch every subscribed feed: a few threads at once (at most
//! [`WORKERS`]), requests to one host spaced by `fetch_host_delay`, each
//! feed's failure its own (told with the feed and the reason) and never
//! another's. The validators each server sent are kept in
//! `<state dir>/feeds.json` and sent back next time, so an unchanged feed
//! costs one request answered with 304.

use crate::i18n::t;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::http::{Client, Got, Validators, host_of};
use super::keep::{Kept, Target, folder_name, keep};
use crate::config::Subscription;
use crate::model::Date;
use crate::sources::feed::entries;
use crate::store::shown_path;

/// Feeds fetched at once.
pub const WORKERS: usize = 4;

/// What to fetch and where to keep it.
#[derive(Debug, Clone)]
pub struct Request {
    pub feeds: Vec<Subscription>,
    pub timeout: Duration,
    pub host_delay: Duration,
    /// Where issues of a feed without its own `folder` go
    /// ([`kept_dir`](super::kept_dir)); `None`: nowhere, said per feed.
    pub kept_dir: Option<PathBuf>,
    /// Where the validators file is kept; `None`: not kept (every fetch is
    /// a full one).
    pub state_dir: Option<PathBuf>,
}

impl Request {
    /// The config's feeds and settings, with the default folders.
    pub fn from_config(config: &crate::config::Config) -> Request {
        let var = |name: &str| std::env::var_os(name);
        Request {
            feeds: config.feeds.clone(),
            timeout: config.fetch_timeout,
            host_delay: config.fetch_host_delay,
            kept_dir: super::kept_dir(var),
            state_dir: crate::store::default_dir(var),
        }
    }
}

/// How a fetch goes, feed by feed, for a progress display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// Feed `index` (of `total`) is being fetched; `name` is its paper
    /// when known, else its URL.
    Started {
        index: usize,
        total: usize,
        name: String,
    },
    Finished(FeedReport),
}

/// How one feed went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedReport {
    pub index: usize,
    /// The URL, escaped for a message.
    pub url: String,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Kept(Kept),
    /// 304: nothing new since the last fetch.
    Unchanged,
    /// Why not, in words (the caller adds the feed).
    Failed(String),
}

/// One feed as remembered between fetches.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Remembered {
    #[serde(flatten)]
    validators: Validators,
    /// The paper its issues were kept as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    paper: Option<String>,
    /// The folder they were kept in: validators are sent only while it exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    folder: Option<PathBuf>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Memory {
    #[serde(default)]
    feeds: BTreeMap<String, Remembered>,
}

/// Fetch every feed of `request`, telling `progress` as each starts and
/// ends; the reports, in feed order. Messages about the validators file
/// (damaged, not written) come back as a failed report with index `usize::MAX`.
pub fn fetch_all(request: &Request, progress: &(dyn Fn(Progress) + Sync)) -> Vec<FeedReport> {
    // Two fetches at once (cron and a reader) would each merge into the
    // same files from what they read before the other wrote: one waits its
    // turn by not running.
    let _turn = match take_turn(request.state_dir.as_deref()) {
        Ok(lock) => lock,
        Err(message) => {
            return vec![FeedReport {
                index: usize::MAX,
                url: String::new(),
                outcome: Outcome::Failed(message),
            }];
        }
    };
    let memory_path = request
        .state_dir
        .as_ref()
        .map(|dir| dir.join(super::VALIDATORS_FILE));
    let (memory, mut problems) = load_memory(memory_path.as_deref());
    let memory = Mutex::new(memory);
    let client = Client::new(request.timeout);
    let spacing = Spacing::default();
    let next = AtomicUsize::new(0);
    let reports = Mutex::new(Vec::new());
    let total = request.feeds.len();
    let job = Job {
        request,
        client: &client,
        memory: &memory,
        spacing: &spacing,
    };
    std::thread::scope(|scope| {
        for _ in 0..WORKERS.min(total) {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(feed) = request.feeds.get(index) else {
                        break;
                    };
                    let name = job.name_of(feed);
                    progress(Progress::Started { index, total, name });
                    let report = FeedReport {
                        index,
                        url: shown_url(&feed.url),
                        outcome: job.one(feed),
                    };
                    progress(Progress::Finished(report.clone()));
                    lock(&reports).push(report);
                }
            });
        }
    });
    let mut reports = reports.into_inner().unwrap_or_else(|p| p.into_inner());
    reports.sort_by_key(|r| r.index);
    if let Some(path) = memory_path {
        let memory = memory.into_inner().unwrap_or_else(|p| p.into_inner());
        if let Err(message) = save_memory(&path, &memory) {
            problems.push(message);
        }
    }
    reports.extend(problems.into_iter().map(|message| FeedReport {
        index: usize::MAX,
        url: String::new(),
        outcome: Outcome::Failed(message),
    }));
    reports
}

/// The lock file beside the validators, held while a fetch runs.
pub const LOCK_FILE: &str = "feeds.lock";

/// Lock `<state dir>/feeds.lock` (an OS lock: a killed fetch leaves none
/// behind); without a state folder there is nothing to lock.
fn take_turn(state_dir: Option<&Path>) -> Result<Option<std::fs::File>, String> {
    let Some(dir) = state_dir else {
        return Ok(None);
    };
    let path = dir.join(LOCK_FILE);
    let failed = |e: std::io::Error| t!("store.cannot_lock", path = shown_path(&path), error = e);
    std::fs::create_dir_all(dir).map_err(failed)?;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(failed)?;
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) => {
            Err(t!("feeds.another_fetching", path = shown_path(&path)))
        }
        // A file system without locks: fetch unlocked, still atomically.
        Err(std::fs::TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => {
            Ok(None)
        }
        Err(std::fs::TryLockError::Error(e)) => Err(failed(e)),
    }
}

/// A URL as a message may show it.
pub fn shown_url(url: &str) -> String {
    crate::text::escape(url, crate::text::Notation::Message).into_owned()
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|p| p.into_inner())
}

struct Job<'a> {
    request: &'a Request,
    client: &'a Client,
    memory: &'a Mutex<Memory>,
    spacing: &'a Spacing,
}

impl Job<'_> {
    fn name_of(&self, feed: &Subscription) -> String {
        feed.paper
            .clone()
            .or_else(|| {
                lock(self.memory)
                    .feeds
                    .get(&feed.url)
                    .and_then(|r| r.paper.clone())
            })
            .unwrap_or_else(|| shown_url(&feed.url))
    }

    fn one(&self, feed: &Subscription) -> Outcome {
        match self.try_one(feed) {
            Ok(outcome) => outcome,
            Err(reason) => Outcome::Failed(reason),
        }
    }

    fn try_one(&self, feed: &Subscription) -> Result<Outcome, String> {
        let remembered = lock(self.memory).feeds.get(&feed.url).cloned();
        // Validators only while what they stand for is still on disk.
        let validators = remembered
            .as_ref()
            .filter(|r| r.folder.as_deref().is_some_and(Path::is_dir))
            .map(|r| r.validators.clone())
            .unwrap_or_default();
        self.spacing
            .wait(host_of(&feed.url), self.request.host_delay);
        let (body, fresh) = match self.client.get(&feed.url, &validators)? {
            Got::NotModified => return Ok(Outcome::Unchanged),
            Got::Body(body, fresh) => (body, fresh),
        };
        let text = crate::library::decode(&body, crate::library::Extent::Whole)
            .map_err(|_| t!("feeds.binary"))?
            .text;
        if !crate::sources::is_feed(&text) {
            return Err(not_a_feed(&text));
        }
        let read = entries(&text);
        if let Some(error) = &read.error {
            return Err(t!("feeds.not_well_formed", error = error));
        }
        let paper = feed
            .paper
            .clone()
            .filter(|p| !p.is_empty())
            .or_else(|| Some(read.paper.clone()).filter(|p| !p.is_empty()))
            .unwrap_or_else(|| host_of(&feed.url).to_owned());
        let folder = match (&feed.folder, &self.request.kept_dir) {
            (Some(folder), _) => folder.clone(),
            (None, Some(dir)) => dir.join(folder_name(&paper, &feed.url)),
            (None, None) => {
                return Err(t!("feeds.nowhere_to_keep"));
            }
        };
        let target = Target {
            paper: paper.clone(),
            folder: folder.clone(),
            url: feed.url.clone(),
        };
        let kept = keep(&read, &target, today(read.zone))?;
        lock(self.memory).feeds.insert(
            feed.url.clone(),
            Remembered {
                validators: fresh,
                paper: Some(paper),
                folder: Some(folder),
            },
        );
        Ok(Outcome::Kept(kept))
    }
}

/// Why text that is not a feed was refused.
fn not_a_feed(text: &str) -> String {
    let head: String = text
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.contains("<html") || head.contains("<!doctype html") {
        t!("feeds.html_page")
    } else {
        t!("feeds.not_a_feed")
    }
}

/// Today in the paper's zone (UTC when unknown).
fn today(zone: Option<i32>) -> Date {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    crate::sources::feed::date_of_unix(secs, zone.unwrap_or(0)).unwrap_or(Date {
        year: 1970,
        month: 1,
        day: 1,
    })
}

/// When each host may next be asked.
#[derive(Debug, Default)]
struct Spacing {
    next: Mutex<HashMap<String, Instant>>,
}

impl Spacing {
    /// Take the host's next slot and wait for it.
    fn wait(&self, host: &str, delay: Duration) {
        let now = Instant::now();
        let at = {
            let mut next = lock(&self.next);
            let at = next.get(host).copied().filter(|t| *t > now).unwrap_or(now);
            next.insert(host.to_owned(), at + delay);
            at
        };
        std::thread::sleep(at.saturating_duration_since(now));
    }
}

fn load_memory(path: Option<&Path>) -> (Memory, Vec<String>) {
    let Some(path) = path else {
        return (Memory::default(), Vec::new());
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return (Memory::default(), Vec::new());
        }
        Err(e) => {
            return (
                Memory::default(),
                vec![t!(
                    "feeds.memory_unreadable",
                    path = shown_path(path),
                    error = e
                )],
            );
        }
    };
    match serde_json::from_slice(&bytes) {
        Ok(memory) => (memory, Vec::new()),
        Err(e) => (
            Memory::default(),
            vec![t!(
                "feeds.memory_damaged",
                path = shown_path(path),
                error = e
            )],
        ),
    }
}

fn save_memory(path: &Path, memory: &Memory) -> Result<(), String> {
    let text = serde_json::to_string_pretty(memory).map_err(|e| e.to_string())?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| {
            t!(
                "store.cannot_create_folder",
                path = shown_path(dir),
                error = e
            )
        })?;
    }
    crate::store::write_file_atomic(path, text.as_bytes()).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spacing_puts_one_host_behind_the_other() {
        let spacing = Spacing::default();
        let start = Instant::now();
        spacing.wait("a", Duration::from_millis(30));
        spacing.wait("b", Duration::from_millis(30));
        assert!(
            start.elapsed() < Duration::from_millis(30),
            "different hosts do not wait"
        );
        spacing.wait("a", Duration::from_millis(30));
        assert!(start.elapsed() >= Duration::from_millis(30));
    }
}
