//! Reading state: which articles were read or starred and where the reader
//! was, by stable article id, kept in `$XDG_STATE_HOME/broadsheet/state.json`.
//!
//! Saving is safe against crashes (atomic replace), against a second
//! instance (lock, re-read, merge, write), against damage (the bad file is
//! moved aside, the last good `.bak` is used) and against a newer version
//! (its file is read, never overwritten). When nothing can be written the
//! reader keeps going with the state in memory and is told once.

mod file;
mod issues;
mod lock;
mod migrate;
mod rule;
mod saver;
mod state;
mod ui;

use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub use file::{Faults, Step};
pub use issues::{BulkMark, IssueState, per_paper};
pub use rule::{MarkRead, OPEN_DWELL, Opening, Reading, should_mark_read};
pub use saver::{Debounce, MAX_WAIT, Place, QUIET, Saver};
pub use state::{ArticleState, LastOpen, ReadBy, State, Unknown, VERSION, now_ms};
pub use ui::UiEntry;

use crate::i18n::t;
use file::Loaded;

/// The state file's name inside the state folder.
pub const FILE_NAME: &str = "state.json";
/// The sidecar lock's name inside the state folder.
pub const LOCK_NAME: &str = "state.lock";

/// A save that failed. The state stays in memory; the next save retries.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}", .step.cannot(path, error))]
    Io {
        step: Step,
        path: String,
        error: io::Error,
    },
}

impl StoreError {
    fn io(step: Step, path: &Path, error: io::Error) -> StoreError {
        StoreError::Io {
            step,
            path: shown_path(path),
            error,
        }
    }
}

/// Where the state lives and how it is saved.
#[derive(Debug, Default)]
pub struct Store {
    /// Things to tell the reader once (state kept in memory only, a corrupt
    /// file moved aside…). `open_*` and `save` append; the caller takes them.
    pub messages: Vec<String>,
    /// The state file as named (it may be a symlink); `None`: memory only.
    file: Option<PathBuf>,
    /// A newer version's file, or a damaged one that could not be moved
    /// aside, is never written.
    read_only: bool,
    /// The caller's state as of the last load or save: an unchanged state
    /// is not saved again, and a changed `last` is stamped.
    saved: Option<State>,
    /// When `last` was last stamped by this store.
    last_at: u64,
    /// The good file at the state path as this store last read or wrote
    /// it, with its identity: while that is unchanged, a save need not read
    /// and parse the file again.
    disk: Option<(Option<file::Identity>, State)>,
    /// The failure already told, so that a failing save is told once.
    failing: Option<String>,
    faults: Faults,
}

impl Store {
    /// Open the state file in `$XDG_STATE_HOME/broadsheet/` (else
    /// `~/.local/state/broadsheet/`) and load it. Never fails: without a
    /// place to keep state, the store works in memory and says so.
    pub fn open_default() -> (Store, State) {
        match default_dir(|name| std::env::var_os(name)) {
            Some(dir) => Store::open_at(&dir),
            None => {
                let store = Store {
                    messages: vec![t!("store.no_home")],
                    ..Store::default()
                };
                (store, State::default())
            }
        }
    }

    /// Open `dir/state.json` (creating `dir` if needed) and load it.
    pub fn open_at(dir: &Path) -> (Store, State) {
        let mut store = Store {
            file: Some(dir.join(FILE_NAME)),
            ..Store::default()
        };
        let state = store.load(dir);
        store.last_at = state.last_at;
        store.saved = Some(state.clone());
        (store, state)
    }

    /// The state file as named, if there is one.
    pub fn path(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// True when saves are skipped on purpose (a newer version's file).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Inject faults into later saves (tests; see [`Faults`]).
    pub fn set_faults(&mut self, faults: Faults) {
        self.faults = faults;
    }

    /// The messages gathered so far, leaving none.
    pub fn take_messages(&mut self) -> Vec<String> {
        std::mem::take(&mut self.messages)
    }

    /// Persist `state`, merged with whatever another instance wrote. Cheap
    /// when `state` has not changed since the last load or save. On error
    /// the state is kept in memory, a message is added once, and the next
    /// save retries.
    pub fn save(&mut self, state: &State) -> Result<(), StoreError> {
        self.save_merged(state, false)
    }

    /// Like [`Store::save`], even when `state` is unchanged, and then
    /// `state` becomes the merged state, so that another instance's stars
    /// show here too.
    pub fn sync(&mut self, state: &mut State) -> Result<(), StoreError> {
        self.save_merged(state, true)?;
        if let Some((_, merged)) = &self.disk
            && !self.read_only
        {
            *state = merged.clone();
            self.saved = Some(merged.clone());
        }
        Ok(())
    }

    fn save_merged(&mut self, state: &State, force: bool) -> Result<(), StoreError> {
        let Some(file) = self.file.clone() else {
            return Ok(());
        };
        if self.read_only || (!force && self.saved.as_ref() == Some(state)) {
            return Ok(());
        }
        let last_changed = self.saved.as_ref().is_none_or(|s| s.last != state.last);
        match self.write_merged(&file, state, last_changed) {
            Ok(()) => {
                if self.failing.take().is_some() {
                    let shown = shown_path(&file);
                    self.messages.push(t!("store.saved_again", path = shown));
                }
                self.saved = Some(state.clone());
                Ok(())
            }
            Err(err) => {
                self.tell_failure(&err);
                Err(err)
            }
        }
    }

    /// Under the lock: re-read (unless the file is the one this store last
    /// read or wrote), merge, write atomically if anything is new.
    fn write_merged(
        &mut self,
        file: &Path,
        local: &State,
        last_changed: bool,
    ) -> Result<(), StoreError> {
        let dir = parent(file);
        fs::create_dir_all(dir).map_err(|e| StoreError::io(Step::CreateFolder, dir, e))?;
        let lock_path = dir.join(LOCK_NAME);
        let wait = self.faults.lock_wait.unwrap_or(lock::WAIT);
        let _lock = lock::acquire(&lock_path, wait)
            .map_err(|e| StoreError::io(Step::Lock, &lock_path, e))?;
        let target = file::resolve(file);
        let disk = self.read_disk(&target)?;
        if self.read_only {
            return Ok(());
        }
        // Merge is commutative, so folding ours into the file's copy is the
        // same as the other way round, and saves a clone.
        let mut merged = disk.state.unwrap_or_default();
        // `last` is a plain field the reader assigns; a change to it is
        // stamped here, under the lock and after the file's own stamp, so
        // that the last-open saved last wins even when another instance's
        // clock is ahead or both saves fall in one millisecond.
        if last_changed {
            let seen = self.last_at.max(local.last_at).max(merged.last_at);
            self.last_at = state::stamp_after(seen);
        }
        let mut changed = merged.merge(local);
        changed |= merged.merge_last(local.last_at.max(self.last_at), &local.last);
        if disk.good && !changed {
            self.disk = Some((disk.identity, merged));
            return Ok(());
        }
        merged.version = VERSION;
        let mut bytes = serde_json::to_vec(&merged)
            .map_err(|e| StoreError::io(Step::Write, &target, io::Error::other(e)))?;
        bytes.push(b'\n');
        file::write_atomic(&target, &bytes, disk.good, &self.faults)
            .map_err(|(step, e)| StoreError::io(step, &target, e))?;
        self.disk = Some((file::identity(&target), merged));
        Ok(())
    }

    fn load(&mut self, dir: &Path) -> State {
        if let Err(err) = fs::create_dir_all(dir) {
            self.tell_failure(&StoreError::io(Step::CreateFolder, dir, err));
            return State::default();
        }
        // Reading unlocked would still be safe (renames are atomic), but the
        // lock is needed to clean stale temps and to move a damaged file aside.
        let lock = lock::acquire(&dir.join(LOCK_NAME), lock::WAIT).ok();
        let target = file::resolve(&dir.join(FILE_NAME));
        if lock.is_some() {
            file::remove_stale_temps(&target);
        }
        match self.read_disk(&target) {
            Ok(disk) => {
                let state = disk.state.unwrap_or_default();
                if disk.good {
                    self.disk = Some((disk.identity, state.clone()));
                }
                state
            }
            Err(err) => {
                // Unreadable is not empty: the file is left alone and every
                // save re-reads it first, so it is never overwritten.
                self.tell_failure(&err);
                State::default()
            }
        }
    }

    /// What is on disk at `target`, after recovery. The copy this store
    /// last read or wrote stands in for the file while its identity is
    /// unchanged.
    fn read_disk(&mut self, target: &Path) -> Result<OnDisk, StoreError> {
        let identity = file::identity(target);
        let cached = self.disk.take();
        if let Some((Some(id), state)) = cached
            && Some(id) == identity
        {
            return Ok(OnDisk {
                state: Some(state),
                good: true,
                identity,
            });
        }
        let loaded = file::read(target).map_err(|e| StoreError::io(Step::Read, target, e))?;
        let (state, good) = match loaded {
            Loaded::Missing => (None, false),
            Loaded::Good(state) => (Some(state), true),
            Loaded::Newer(state, version) => {
                self.read_only = true;
                self.messages.push(t!(
                    "store.newer",
                    path = shown_path(target),
                    version = version,
                    known = VERSION
                ));
                (Some(state), false)
            }
            Loaded::Corrupt(reason) => (self.recover(target, &reason), false),
        };
        Ok(OnDisk {
            state,
            good,
            identity,
        })
    }

    /// Move a damaged file aside and fall back to its `.bak`.
    fn recover(&mut self, target: &Path, reason: &str) -> Option<State> {
        let shown = shown_path(target);
        let aside = match file::move_aside(target) {
            Ok(aside) => aside,
            Err(err) => {
                self.read_only = true;
                self.messages.push(t!(
                    "store.damaged_kept",
                    path = shown,
                    reason = reason,
                    err = err
                ));
                return None;
            }
        };
        let bak = file::sibling(target, ".bak");
        let restored = match file::read(&bak) {
            Ok(Loaded::Good(state)) => Some(state),
            _ => None,
        };
        let outcome = match restored {
            Some(_) => t!("store.restored", path = shown_path(&bak)),
            None => t!("store.starting_empty"),
        };
        self.messages.push(t!(
            "store.damaged",
            path = shown,
            reason = reason,
            aside = shown_path(&aside),
            outcome = outcome
        ));
        restored
    }

    fn tell_failure(&mut self, err: &StoreError) {
        let text = err.to_string();
        if self.failing.as_deref() != Some(text.as_str()) {
            self.messages.push(t!("store.kept_in_memory", text = text));
            self.failing = Some(text);
        }
    }
}

/// The state file as found by a save or a load.
struct OnDisk {
    state: Option<State>,
    /// It parsed as this version's state, so it may become the backup.
    good: bool,
    identity: Option<file::Identity>,
}

/// Replace `path` with `bytes` atomically (the state file's way: a temp
/// file beside it, fsync, rename, fsync the folder), for other files the
/// program keeps (fetched issues, feed validators, the config's feeds).
/// A symlink at `path` keeps its link: the file it points to is replaced.
pub fn write_file_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = file::resolve(path);
    file::write_atomic(&target, bytes, false, &Faults::default()).map_err(|(step, error)| {
        io::Error::new(error.kind(), step.cannot(&shown_path(&target), &error))
    })
}

/// `$XDG_STATE_HOME/broadsheet`, else `$HOME/.local/state/broadsheet`. Per
/// the XDG base-directory spec a relative `XDG_STATE_HOME` is ignored.
pub fn default_dir(var: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let absolute = |name: &str| var(name).map(PathBuf::from).filter(|p| p.is_absolute());
    if let Some(state_home) = absolute("XDG_STATE_HOME") {
        return Some(state_home.join("broadsheet"));
    }
    absolute("HOME").map(|home| home.join(".local/state/broadsheet"))
}

fn parent(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// A path as it may be shown in a message: control and bidi characters
/// escaped (`\u{1b}`), since a file name is untrusted text.
pub fn shown_path(path: &Path) -> String {
    // One escaping for every file name the program shows (`ls -b` style).
    crate::library::name::escape_path(path)
}
