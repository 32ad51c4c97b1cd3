//! Saving as the reader reads: a debounce that turns a flood of changes
//! into a few writes, and the latest snapshot that every way out (quit,
//! suspend, signal, panic, a lost terminal) can write before the end.
//!
//! The event loop owns the [`App`](crate::app) and its state; the signal
//! thread and the panic hook cannot reach either. So the app hands the
//! [`Saver`] (shared through an `Arc`) what the reader did as it happens:
//! [`Saver::moved`] for the place (the selected article and the position in
//! it), cheap enough to call on every key, and [`Saver::stage`] for any other
//! change (a mark, a star), which copies the whole state. The saver keeps
//! the last copy with the newest place applied, and writes it when the
//! debounce falls due, on [`Saver::flush`], or from another thread on the
//! way out ([`Saver::flush_on_exit`]), without waiting for the loop, which
//! on a dropped link may never run again.

use std::sync::{Mutex, MutexGuard, TryLockError};
use std::time::{Duration, Instant};

use super::state::{LastOpen, State};
use super::{Store, StoreError};

/// How long the reader must pause before a change is written.
pub const QUIET: Duration = Duration::from_millis(500);
/// How long a change may wait while the reader keeps going (holding `j`):
/// a kill (SIGKILL, a power cut) loses at most about this much.
pub const MAX_WAIT: Duration = Duration::from_secs(1);

/// When unsaved changes are due: [`QUIET`] after the last one, but no later
/// than [`MAX_WAIT`] after the first. A plain value; the clock is whatever
/// `now` the caller passes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Debounce {
    /// The first and the last change not yet written.
    pending: Option<(Instant, Instant)>,
}

impl Debounce {
    /// Something changed at `now`.
    pub fn changed(&mut self, now: Instant) {
        let first = self.pending.map_or(now, |(first, _)| first);
        self.pending = Some((first, now));
    }

    /// When the pending changes should be written; `None` with none.
    pub fn deadline(&self) -> Option<Instant> {
        let (first, last) = self.pending?;
        let quiet = last.checked_add(QUIET)?;
        Some(
            first
                .checked_add(MAX_WAIT)
                .map_or(quiet, |cap| cap.min(quiet)),
        )
    }

    /// Whether they should be written at `now`.
    pub fn is_due(&self, now: Instant) -> bool {
        self.deadline().is_some_and(|at| at <= now)
    }

    /// Whether anything waits to be written.
    pub fn is_pending(&self) -> bool {
        self.pending.is_some()
    }

    /// They were written (or the write was given up: it is retried on the
    /// next change, as the store's messages say).
    pub fn clear(&mut self) {
        self.pending = None;
    }
}

/// Where the reader is: the selected article of an issue, and the position
/// in it once the reader has moved there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place<'a> {
    /// The issue's key (as in [`LastOpen::issue`]).
    pub issue: &'a str,
    /// The selected article's id, if the issue has any.
    pub article: Option<&'a str>,
    /// The article's headline, kept beside its record.
    pub headline: &'a str,
    /// The reading position (a source byte offset); `None` while the
    /// article is only previewed at its saved place or its top, which leaves
    /// no record of its own.
    pub position: Option<usize>,
}

/// [`Place`], owned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct KeptPlace {
    issue: String,
    article: Option<String>,
    headline: String,
    position: Option<usize>,
}

impl KeptPlace {
    fn is(&self, place: &Place<'_>) -> bool {
        self.issue == place.issue
            && self.article.as_deref() == place.article
            && self.headline == place.headline
            && self.position == place.position
    }

    /// Put the place into `state`: the last open issue and article, and the
    /// position with the article's place beside it. Unchanged values are
    /// not stamped again, so applying it twice is applying it once.
    fn apply(&self, state: &mut State) {
        let last = LastOpen {
            issue: self.issue.clone(),
            article: self.article.clone(),
        };
        if state.last.as_ref() != Some(&last) {
            state.last = Some(last);
        }
        if let (Some(id), Some(position)) = (&self.article, self.position) {
            state.set_position(id, position);
            state.set_place(id, &self.issue, &self.headline);
        }
    }
}

/// The store, the latest state and the debounce, behind one lock that any
/// thread may take; see the module comment.
#[derive(Debug)]
pub struct Saver {
    inner: Mutex<Inner>,
}

#[derive(Debug)]
struct Inner {
    store: Store,
    /// The state as last staged, with `place` applied at each write.
    state: State,
    place: Option<KeptPlace>,
    debounce: Debounce,
    writes: u64,
}

impl Saver {
    /// Save through `store`, starting from `state` (the state it loaded).
    pub fn new(store: Store, state: &State) -> Saver {
        Saver {
            inner: Mutex::new(Inner {
                store,
                state: state.clone(),
                place: None,
                debounce: Debounce::default(),
                writes: 0,
            }),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The reader's place at `now`. The same place again costs a compare;
    /// a new one a few string copies, no I/O and no copy of the state: call
    /// it after every update.
    pub fn moved(&self, now: Instant, place: Place<'_>) {
        let mut inner = self.lock();
        if inner.place.as_ref().is_some_and(|kept| kept.is(&place)) {
            return;
        }
        let kept = inner.place.get_or_insert_with(KeptPlace::default);
        if kept.issue != place.issue {
            place.issue.clone_into(&mut kept.issue);
        }
        if kept.article.as_deref() != place.article {
            kept.article = place.article.map(str::to_owned);
        }
        if kept.headline != place.headline {
            place.headline.clone_into(&mut kept.headline);
        }
        kept.position = place.position;
        inner.debounce.changed(now);
    }

    /// Anything else changed at `now` (a mark, a star, a screen setting):
    /// `state` is copied as the one to write. The place given to
    /// [`Saver::moved`] is applied over it, so `state` need not carry the
    /// open article's newest position; the article left last must be in it
    /// (the app records a position when the reader leaves an article).
    pub fn stage(&self, now: Instant, state: &State) {
        let mut inner = self.lock();
        inner.state.clone_from(state);
        inner.debounce.changed(now);
    }

    /// When the loop should wake to write; `None` when nothing waits.
    pub fn deadline(&self) -> Option<Instant> {
        self.lock().debounce.deadline()
    }

    /// Write if the debounce is due at `now`; the messages to show.
    pub fn save_if_due(&self, now: Instant) -> Vec<String> {
        let mut inner = self.lock();
        if !inner.debounce.is_due(now) {
            return Vec::new();
        }
        inner.write();
        inner.store.take_messages()
    }

    /// Write whatever waits, now (quit, suspend, the end of the loop).
    pub fn flush(&self) -> Vec<String> {
        let mut inner = self.lock();
        if inner.debounce.is_pending() {
            inner.write();
        }
        inner.store.take_messages()
    }

    /// [`Saver::flush`] for the ways out that run beside the loop (a
    /// signal, a panic): waits at most `limit` for a save in progress, and
    /// gives up on a lock a panic left behind (the panic may have happened
    /// mid-save, and the state behind it may be half-changed). Nothing is
    /// printed: on a hang-up there is nowhere to print. True when written
    /// (or nothing waited).
    pub fn flush_on_exit(&self, limit: Duration) -> bool {
        let start = Instant::now();
        loop {
            match self.inner.try_lock() {
                Ok(mut inner) => return !inner.debounce.is_pending() || inner.write(),
                Err(TryLockError::Poisoned(_)) => return false,
                Err(TryLockError::WouldBlock) if start.elapsed() >= limit => return false,
                Err(TryLockError::WouldBlock) => std::thread::sleep(Duration::from_millis(1)),
            }
        }
    }

    /// Messages the store gathered (on open: a corrupt file moved aside…).
    pub fn take_messages(&self) -> Vec<String> {
        self.lock().store.take_messages()
    }

    /// How many times the state was handed to the store (tests, benches).
    pub fn writes(&self) -> u64 {
        self.lock().writes
    }
}

impl Inner {
    /// Write the state with the place applied; true when it was saved.
    fn write(&mut self) -> bool {
        if let Some(place) = &self.place {
            place.apply(&mut self.state);
        }
        self.writes += 1;
        // A failure is kept in the store's messages, told once, and the
        // save is retried on the next change, not on a timer: a lock held
        // by a stopped instance would otherwise cost the screen a second's
        // wait every second.
        let saved: Result<(), StoreError> = self.store.save(&self.state);
        self.debounce.clear();
        saved.is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_exit_flush_gives_up_on_a_held_lock_in_time_then_writes_the_latest() {
        let dir = tempfile::tempdir().unwrap();
        let (store, state) = Store::open_at(dir.path());
        let saver = Saver::new(store, &state);
        let place = Place {
            issue: "x.md",
            article: Some("a1"),
            headline: "A",
            position: Some(77),
        };
        saver.moved(Instant::now(), place);
        // The loop mid-save, or a panic that struck there.
        let held = saver.inner.lock().unwrap();
        assert!(!saver.flush_on_exit(Duration::from_millis(20)));
        drop(held);
        assert!(!dir.path().join("state.json").exists());
        assert!(saver.flush_on_exit(Duration::from_millis(20)));
        let (_, saved) = Store::open_at(dir.path());
        assert_eq!(saved.position("a1"), Some(77));
        assert_eq!(saver.writes(), 1);
        assert!(saver.flush_on_exit(Duration::ZERO), "nothing left to write");
        assert_eq!(saver.writes(), 1);
    }
}
