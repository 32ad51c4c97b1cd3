//! The sidecar lock held around a save, so that two instances (two SSH
//! sessions) take turns at re-read, merge, write.
//!
//! The lock is on `state.lock`, not on the state file, whose inode every
//! save replaces. It is an OS lock (`flock` on Unix): the kernel drops it
//! when its holder dies, so a killed instance leaves no stale lock to clean.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

/// How long a save waits for another instance's save. Those take
/// milliseconds; a holder that keeps the lock longer is stopped (Ctrl-Z
/// mid-save) or stuck on a network disk, and waiting for it would freeze
/// this reader's screen, which saves on its event loop.
pub(crate) const WAIT: Duration = Duration::from_secs(1);

/// Held while alive; dropping closes the file, which releases the lock.
#[derive(Debug)]
pub(crate) struct Lock {
    _file: Option<File>,
}

/// Take the lock at `path`, waiting up to `wait` for another holder.
pub(crate) fn acquire(path: &Path, wait: Duration) -> io::Result<Lock> {
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)?;
    let deadline = Instant::now() + wait;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Lock { _file: Some(file) }),
            // Some network file systems have no locks: saving unlocked,
            // still atomically, beats not saving.
            Err(TryLockError::Error(err)) if err.kind() == io::ErrorKind::Unsupported => {
                return Ok(Lock { _file: None });
            }
            Err(TryLockError::Error(err)) => return Err(err),
            Err(TryLockError::WouldBlock) if Instant::now() >= deadline => {
                return Err(io::Error::new(
                    io::ErrorKind::WouldBlock,
                    crate::i18n::t!("store.lock_held"),
                ));
            }
            Err(TryLockError::WouldBlock) => thread::sleep(Duration::from_millis(5)),
        }
    }
}
