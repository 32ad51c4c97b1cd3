//! Job control seen from the event loop: the terminal is read only while
//! this process group is its foreground group and the modes the guard asked
//! for are in force (docs/RELIABILITY.md §6 case 21).
//!
//! A read from the background raises SIGTTIN, which stops the process
//! *inside* that read; after `fg` the read goes on against the tty the
//! shell left in cooked mode and waits for a whole line, so the reader
//! does not redraw until Enter. crossterm's `poll` reads ahead (it fills
//! its buffer from the tty as soon as poll(2) says readable), so the check
//! has to come before every poll, not just before a read. And since the
//! event loop spends its idle time inside that poll, a stop usually finds
//! it there: SIGTTIN is blocked on the thread that polls, which turns a
//! background read into EIO (nothing consumed) that the loop answers by
//! coming back here and stopping, as `less` and vim do.

use std::io::{self, IsTerminal};
use std::os::fd::{AsFd, BorrowedFd};
use std::sync::atomic::Ordering;

use super::{ACTIVE, RESUME_PENDING, SELF_STOPPED, WANTED, resume};

/// Block SIGTTIN on the calling thread (the one that polls the terminal):
/// a read from the background then fails with EIO instead of stopping the
/// process inside it. Threads spawned later inherit the mask; child
/// processes started with `std::process::Command` get a clean one.
pub fn refuse_background_reads() -> io::Result<()> {
    // SAFETY: `set` is a local sigset_t initialised by sigemptyset before
    // use, and pthread_sigmask only reads it (the old mask is not asked).
    let code = unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGTTIN);
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut())
    };
    match code {
        0 => Ok(()),
        errno => Err(io::Error::from_raw_os_error(errno)),
    }
}

/// Call before waiting for input. While another process group owns the
/// terminal (continued with `bg`, or started with `&`), stay stopped
/// without touching the tty; once in the foreground, re-enter whatever a
/// stop undid. `true` when the modes were re-entered: the caller clears
/// and redraws everything at the size the terminal has now.
pub fn claim_input() -> io::Result<bool> {
    while in_background() {
        // SIGSTOP, not SIGTSTP: a self-raised SIGTSTP is discarded in an
        // orphaned process group.
        SELF_STOPPED.store(true, Ordering::SeqCst);
        signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    }
    let wanted = WANTED.load(Ordering::SeqCst);
    if wanted == 0 || modes_in_force() {
        return Ok(false);
    }
    resume()?;
    Ok(true)
}

/// Whether the event loop may poll the terminal now: in the foreground, in
/// the guard's modes, with no stop since the last [`claim_input`]. When
/// false, go back to `claim_input` first.
pub fn owns_input() -> bool {
    WANTED.load(Ordering::SeqCst) == 0 || (modes_in_force() && !in_background())
}

/// Whether `err`, from polling or reading the terminal, means it was taken
/// away by job control (a background read, made EIO by
/// [`refuse_background_reads`]) rather than lost: the loop then goes back
/// to [`claim_input`]. EIO in the foreground with the modes in force is a
/// real failure (a pty whose other side closed) and must end the loop,
/// not spin.
pub fn lost_to_job_control(err: &io::Error) -> bool {
    err.raw_os_error() == Some(libc::EIO) && !owns_input()
}

/// Whether `err` says the terminal itself is gone (the pty's other side
/// closed, the SSH link dropped): reads and writes then fail with EIO, or
/// ENXIO once the device is released.
pub fn is_hang_up(err: &io::Error) -> bool {
    matches!(err.raw_os_error(), Some(libc::EIO | libc::ENXIO))
}

/// The guard's modes are all in force and no outside stop has been seen.
fn modes_in_force() -> bool {
    let wanted = WANTED.load(Ordering::SeqCst);
    ACTIVE.load(Ordering::SeqCst) & wanted == wanted && !RESUME_PENDING.load(Ordering::SeqCst)
}

/// Whether another process group owns the terminal. No terminal to ask
/// (no controlling tty: `setsid`) counts as the foreground, since job
/// control cannot stop us then.
fn in_background() -> bool {
    let stdin = io::stdin();
    let stdout = io::stdout();
    // Keys come from stdin when it is a terminal, else from /dev/tty,
    // which is then the terminal on stdout (the reader requires one).
    let tty: BorrowedFd<'_> = if stdin.is_terminal() {
        stdin.as_fd()
    } else {
        stdout.as_fd()
    };
    rustix::termios::tcgetpgrp(tty).is_ok_and(|owner| owner != rustix::process::getpgrp())
}
