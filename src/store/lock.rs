//! The sidecar lock held around a save, so that two instances (two SSH
//! sessions) take turns at re-read, merge, write.
//!
//! The lock is on `state.lock`, not on the state file, whose inode every
//! save replaces. It is an OS lock (`flock` on Unix): the kernel drops it
//! when its holder dies, so a killed instance leaves no stale lock to clean.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

/// Held while alive; dropping closes the file, which releases the lock.
#[derive(Debug)]
pub(crate) struct Lock {
    _file: Option<File>,
}

/// Block until the lock at `path` is ours. Other holders keep it only for
/// the few milliseconds of a save, so waiting is short.
pub(crate) fn acquire(path: &Path) -> io::Result<Lock> {
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)?;
    match file.lock() {
        Ok(()) => Ok(Lock { _file: Some(file) }),
        // Some network file systems have no locks: saving unlocked, still
        // atomically, beats not saving.
        Err(err) if err.kind() == io::ErrorKind::Unsupported => Ok(Lock { _file: None }),
        Err(err) => Err(err),
    }
}
