//! `F` (and `fetch_on_start`): fetch every feed in the background. `update`
//! only asks for it (`Task::Fetch`); the loop starts the worker thread and
//! hands back its inbox (`Msg::FetchStarted`), then drains the inbox
//! between inputs and feeds what it finds in as `Msg::Fetch`. While a fetch
//! runs the app asks to be woken every [`FETCH_POLL`] so that progress
//! shows without a key; no key ever waits on the network.

use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::{App, Task};
use crate::feeds::{FeedReport, Outcome, Progress, Request};
use crate::i18n::t;

/// How often a running fetch's inbox is looked at.
pub const FETCH_POLL: Duration = Duration::from_millis(100);

/// What the worker sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchNews {
    Progress(Progress),
    /// Every feed is done: the reports, in feed order.
    Done(Vec<FeedReport>),
}

/// The receiving end of a fetch worker's channel. Only the loop drains it.
#[derive(Clone)]
pub struct FetchInbox(Arc<Mutex<Receiver<FetchNews>>>);

impl std::fmt::Debug for FetchInbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FetchInbox")
    }
}

impl FetchInbox {
    pub fn new(receiver: Receiver<FetchNews>) -> FetchInbox {
        FetchInbox(Arc::new(Mutex::new(receiver)))
    }

    /// Everything the worker sent so far, without waiting. A worker that
    /// ended without its `Done` (it panicked) is told as one.
    pub fn drain(&self) -> Vec<FetchNews> {
        let receiver = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let mut news = Vec::new();
        loop {
            match receiver.try_recv() {
                Ok(item) => news.push(item),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    if !news.iter().any(|n| matches!(n, FetchNews::Done(_))) {
                        news.push(FetchNews::Done(vec![FeedReport {
                            index: usize::MAX,
                            url: String::new(),
                            outcome: Outcome::Failed(t!("fetch.stopped")),
                        }]));
                    }
                    break;
                }
            }
        }
        news
    }
}

/// The fetch's part of the app's chores.
#[derive(Debug, Default)]
pub(crate) struct FetchState {
    /// What `F` fetches; `None` when the reader was built without feeds.
    pub(crate) request: Option<Request>,
    /// The running fetch.
    pub(crate) run: Option<Run>,
    /// When to look at the inbox next.
    pub(crate) poll_due: Option<Instant>,
    /// The summary to show once the reload it asked for is in.
    pub(crate) after_reload: Option<String>,
}

#[derive(Debug)]
pub(crate) struct Run {
    /// `None` until the loop has started the worker.
    pub(crate) inbox: Option<FetchInbox>,
    total: usize,
    done: usize,
    new_issues: usize,
    changed: bool,
    failed: usize,
}

impl App {
    /// Let `F` fetch `request`'s feeds.
    pub fn with_fetch(mut self, request: Request) -> App {
        self.chores.fetch.request = Some(request);
        self
    }

    /// The running fetch's inbox, for the loop to drain.
    pub fn fetch_inbox(&self) -> Option<&FetchInbox> {
        self.chores.fetch.run.as_ref()?.inbox.as_ref()
    }

    /// Whether a fetch is running.
    pub fn fetching(&self) -> bool {
        self.chores.fetch.run.is_some()
    }

    /// `F`: start a fetch, unless one runs or there is nothing to fetch.
    pub(super) fn start_fetch(&mut self) {
        if let Some(run) = &self.chores.fetch.run {
            self.screen.notice = Some(t!("fetch.already", done = run.done, total = run.total));
            return;
        }
        let Some(request) = self
            .chores
            .fetch
            .request
            .clone()
            .filter(|r| !r.feeds.is_empty())
        else {
            self.screen.notice = Some(t!("fetch.no_feeds"));
            return;
        };
        self.screen.notice = Some(t!("fetch.starting", total = request.feeds.len()));
        self.chores.fetch.run = Some(Run {
            inbox: None,
            total: request.feeds.len(),
            done: 0,
            new_issues: 0,
            changed: false,
            failed: 0,
        });
        self.chores.outbox.push(Task::Fetch(Box::new(request)));
    }

    pub(super) fn fetch_started(&mut self, inbox: FetchInbox) {
        if let Some(run) = self.chores.fetch.run.as_mut() {
            run.inbox = Some(inbox);
        }
    }

    /// Ask to be woken while a fetch runs.
    pub(super) fn fetch_tick(&mut self, now: Instant) {
        self.chores.fetch.poll_due = self.fetching().then(|| now + FETCH_POLL);
    }

    pub(super) fn on_fetch_news(&mut self, news: FetchNews) {
        let Some(run) = self.chores.fetch.run.as_mut() else {
            return;
        };
        match news {
            FetchNews::Progress(Progress::Started { name, .. }) => {
                self.screen.notice = Some(t!(
                    "fetch.progress",
                    done = run.done + 1,
                    total = run.total,
                    name = name
                ));
            }
            FetchNews::Progress(Progress::Finished(report)) => {
                run.done += 1;
                match &report.outcome {
                    Outcome::Kept(kept) => {
                        run.new_issues += kept.new_issues.len();
                        run.changed |= kept.new_items + kept.changed_items > 0;
                    }
                    Outcome::Unchanged => {}
                    Outcome::Failed(reason) => {
                        run.failed += 1;
                        let message = t!("fetch.failed_url", url = report.url, reason = reason);
                        self.docs.messages.push(message);
                    }
                }
            }
            FetchNews::Done(reports) => {
                // Reports not told as progress: the validators file's.
                for report in reports.iter().filter(|r| r.index == usize::MAX) {
                    if let Outcome::Failed(reason) = &report.outcome {
                        run.failed += 1;
                        self.docs
                            .messages
                            .push(t!("fetch.failed_why", reason = reason));
                    }
                }
                let summary = summary(run.new_issues, run.failed, run.changed);
                let changed = run.changed;
                self.chores.fetch.run = None;
                self.chores.fetch.poll_due = None;
                if changed && self.docs.reloader.is_some() {
                    self.chores.fetch.after_reload = Some(summary);
                    self.chores.outbox.push(Task::Reload);
                } else {
                    self.screen.notice = Some(summary);
                }
            }
        }
    }

    /// After a reload: the fetch's summary, if it asked for the reload.
    pub(super) fn fetch_reloaded(&mut self) {
        if let Some(summary) = self.chores.fetch.after_reload.take() {
            self.screen.notice = Some(summary);
        }
    }
}

/// `3 new issues`, `no new issues; 1 feed failed (! lists why)`.
fn summary(new_issues: usize, failed: usize, changed: bool) -> String {
    let mut text = match new_issues {
        0 if changed => t!("fetch.updated"),
        0 => t!("fetch.none_new"),
        1 => t!("fetch.one_new"),
        n => t!("fetch.new", n = n),
    };
    match failed {
        0 => {}
        1 => text.push_str(&t!("fetch.one_failed")),
        n => text.push_str(&t!("fetch.failed", n = n)),
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Msg, update};
    use crate::config::{Config, Subscription};
    use crate::feeds::keep::Kept;
    use crate::keys::Action;
    use crate::library::Library;
    use crate::store::State;
    use crate::typeset::AmbiguousWidth;

    fn app_with_feeds(n: usize) -> App {
        let request = Request {
            feeds: (0..n)
                .map(|i| Subscription {
                    url: format!("http://127.0.0.1:9/{i}"),
                    paper: None,
                    folder: None,
                })
                .collect(),
            ..Request::from_config(&Config::default())
        };
        App::new(
            Library::sample(),
            &Config::default(),
            State::default(),
            AmbiguousWidth::Narrow,
        )
        .with_fetch(request)
    }

    #[test]
    fn fetch_is_a_task_and_progress_shows_in_the_status_bar() {
        let mut app = app_with_feeds(5);
        let fetches = |effects: &crate::app::Effects| {
            effects
                .tasks
                .iter()
                .filter(|t| matches!(t, Task::Fetch(_)))
                .count()
        };
        let effects = update(&mut app, Msg::Action(Action::Fetch));
        assert_eq!(fetches(&effects), 1);
        let again = update(&mut app, Msg::Action(Action::Fetch));
        assert_eq!(fetches(&again), 0, "one fetch at a time");
        let started = Progress::Started {
            index: 1,
            total: 5,
            name: "人民日报".into(),
        };
        let finished = |index, outcome| {
            FetchNews::Progress(Progress::Finished(FeedReport {
                index,
                url: format!("http://127.0.0.1:9/{index}"),
                outcome,
            }))
        };
        let _ = update(&mut app, Msg::Fetch(finished(0, Outcome::Unchanged)));
        let _ = update(&mut app, Msg::Fetch(FetchNews::Progress(started)));
        assert_eq!(app.notice(), Some("fetching 2/5 人民日报…"));
        let kept = Kept {
            new_issues: vec!["a".into(), "b".into(), "c".into()],
            new_items: 9,
            changed_items: 0,
        };
        let _ = update(&mut app, Msg::Fetch(finished(1, Outcome::Kept(kept))));
        let _ = update(
            &mut app,
            Msg::Fetch(finished(2, Outcome::Failed("host not found".into()))),
        );
        let done = update(&mut app, Msg::Fetch(FetchNews::Done(Vec::new())));
        // No reloader in this app: the summary shows at once.
        assert!(!done.tasks.iter().any(|t| matches!(t, Task::Reload)));
        assert_eq!(
            app.notice(),
            Some("3 new issues; 1 feed failed (! shows why)")
        );
        assert!(
            app.messages()
                .iter()
                .any(|m| m == "fetch http://127.0.0.1:9/2: host not found")
        );
        assert!(!app.fetching());
    }

    #[test]
    fn without_feeds_f_says_how_to_add_one() {
        let mut app = app_with_feeds(0);
        let effects = update(&mut app, Msg::Action(Action::Fetch));
        assert!(!effects.tasks.iter().any(|t| matches!(t, Task::Fetch(_))));
        assert!(app.notice().unwrap().contains("broadsheet feeds add URL"));
    }
}
