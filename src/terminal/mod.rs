//! The one owner of the terminal. Entering raw mode, the alternate screen and
//! a hidden cursor (and bracketed paste or mouse reporting when asked) goes
//! through [`Guard`]; they are undone once, in reverse order, by whichever
//! comes first: the guard's drop, [`restore`] on quit or error, the panic
//! hook, or the signal thread (SIGTERM, SIGHUP, SIGINT). Ctrl-Z and SIGTSTP
//! restore before stopping and re-enter on resume.
//!
//! Every byte for the tty goes through this module, straight to the file
//! descriptor under one lock: a frame is written whole or not at all, and a
//! restore from another thread never lands in the middle of an escape
//! sequence. Once the terminal has been restored, frames are dropped, so a
//! late draw cannot scribble on the shell's screen.

mod caps;
mod foreground;
mod probe;
mod signals;

pub use caps::has_hyperlinks;
pub use foreground::{
    claim_input, is_hang_up, lost_to_job_control, owns_input, refuse_background_reads,
};
pub use probe::{Answers, detect_ambiguous_width, has_margins, parse_cursor_report, probe};
pub use signals::{
    OnExit, PERSIST_LIMIT, SignalThread, install_panic_hook, persist_within, spawn_signal_thread,
};

use std::io::{self, Write};
use std::os::fd::AsFd;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::{Mutex, MutexGuard, TryLockError};
use std::time::{Duration, Instant};

use crossterm::Command;
use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};

const RAW: u8 = 1;
const ALTERNATE: u8 = 1 << 1;
const PASTE: u8 = 1 << 2;
const MOUSE: u8 = 1 << 3;
const HIDDEN: u8 = 1 << 4;

/// Mouse reporting: presses, releases and the wheel (1000) in SGR encoding
/// (1006, any column). Not crossterm's `EnableMouseCapture`, which also asks
/// for every motion (1003) and drags (1002): the reader ignores both, and
/// each would wake the loop for a redraw while the pointer merely moves.
pub const MOUSE_ON: &str = "\x1b[?1000h\x1b[?1006h";
/// The inverse, in reverse order.
pub const MOUSE_OFF: &str = "\x1b[?1006l\x1b[?1000l";

/// Modes now in force; zero once restored.
static ACTIVE: AtomicU8 = AtomicU8::new(0);
/// Modes the guard asked for, re-entered on resume.
static WANTED: AtomicU8 = AtomicU8::new(0);
/// Held while bytes go to the tty.
static OUTPUT: Mutex<()> = Mutex::new(());
/// Set before this process stops itself, so the SIGCONT that follows is
/// known to be ours.
static SELF_STOPPED: AtomicBool = AtomicBool::new(false);
/// Set when the screen must be re-entered and redrawn (after a stop).
static RESUME_PENDING: AtomicBool = AtomicBool::new(false);

/// The optional modes; raw mode, the alternate screen and the hidden cursor
/// are always entered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Modes {
    pub bracketed_paste: bool,
    pub mouse: bool,
}

/// Owns the terminal while it lives; see the module comment.
#[derive(Debug)]
pub struct Guard {
    _private: (),
}

impl Guard {
    /// Enter raw mode, the alternate screen and the hidden cursor. On error
    /// whatever was entered is undone before returning.
    pub fn enter(modes: Modes) -> io::Result<Guard> {
        let mut wanted = RAW | ALTERNATE | HIDDEN;
        if modes.bracketed_paste {
            wanted |= PASTE;
        }
        if modes.mouse {
            wanted |= MOUSE;
        }
        WANTED.store(wanted, Ordering::SeqCst);
        if let Err(err) = enter(wanted) {
            restore();
            return Err(err);
        }
        Ok(Guard { _private: () })
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Whether the alternate screen is in force (frames are shown).
pub fn is_active() -> bool {
    ACTIVE.load(Ordering::SeqCst) & ALTERNATE != 0
}

fn enter(wanted: u8) -> io::Result<()> {
    let _out = lock_output();
    // Raw mode first: from a background process group its tcsetattr stops
    // us with SIGTTOU before any byte reaches the tty.
    if wanted & RAW != 0 {
        crossterm::terminal::enable_raw_mode()?;
        ACTIVE.fetch_or(RAW, Ordering::SeqCst);
    }
    for mode in [ALTERNATE, PASTE, MOUSE, HIDDEN] {
        if wanted & mode != 0 {
            write_tty(sequence(mode, true).as_bytes())?;
            ACTIVE.fetch_or(mode, Ordering::SeqCst);
        }
    }
    Ok(())
}

/// Undo every mode in force, in reverse order of entry, once: later calls
/// do nothing. Errors are ignored (the tty may be gone); nothing is printed.
pub fn restore() {
    // Bounded: a tty that takes no output (a stuck link) must not keep a
    // signal or panic from finishing.
    let _out = lock_output_within(RESTORE_WAIT);
    undo_modes();
}

/// Restore and keep the output lock until the guard returned is dropped:
/// for a stop (until the process runs again) and an exit by signal or panic
/// (until it ends). No other thread can re-enter the modes or draw in
/// between; the event loop was seen doing that under load, leaving the
/// shell on the alternate screen (a stop: 1 run in 60 of the bg/fg race
/// test; a SIGTERM: 2 in 40 of the pty mouse test).
pub fn restore_and_hold() -> Option<MutexGuard<'static, ()>> {
    let out = lock_output_within(RESTORE_WAIT);
    undo_modes();
    out
}

/// How long a restore waits for the output lock.
const RESTORE_WAIT: Duration = Duration::from_millis(300);

/// The body of [`restore`], for a caller that holds the output lock.
fn undo_modes() {
    let active = ACTIVE.swap(0, Ordering::SeqCst);
    let mut bytes = String::new();
    for mode in [HIDDEN, MOUSE, PASTE, ALTERNATE] {
        if active & mode != 0 {
            bytes.push_str(&sequence(mode, false));
        }
    }
    let _ = write_tty(bytes.as_bytes());
    if active & RAW != 0 {
        let _ = crossterm::terminal::disable_raw_mode();
    }
}

/// Ctrl-Z from the event loop: restore, then stop until continued.
/// Returns once the process runs again; call [`resume`] next.
pub fn suspend() -> io::Result<()> {
    stop_self()
}

/// Re-enter the modes the guard asked for after a stop; the caller then
/// clears and redraws the whole screen at the current size.
pub fn resume() -> io::Result<()> {
    RESUME_PENDING.store(false, Ordering::SeqCst);
    // A stop we did not see (SIGSTOP from outside) leaves the modes marked
    // as in force while the shell may have reset the tty: undo and redo.
    restore();
    enter(WANTED.load(Ordering::SeqCst))
}

/// Restore and stop with SIGSTOP: a self-raised SIGTSTP is discarded in an
/// orphaned process group, SIGSTOP always stops.
fn stop_self() -> io::Result<()> {
    SELF_STOPPED.store(true, Ordering::SeqCst);
    // Held until we run again: the event loop re-enters under this lock, so
    // it waits for the stop to end and then finds out where it stands.
    let _out = restore_and_hold();
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)
}

/// After a continue we did not ask for (an outside SIGSTOP): the modes
/// may have been reset behind our back, so the event loop re-enters them.
fn request_resume() {
    RESUME_PENDING.store(true, Ordering::SeqCst);
    wake();
}

/// Get the event loop out of its wait for input so that it claims the
/// terminal again. crossterm's reader wakes on SIGWINCH with a resize
/// event, so raising it reaches a loop blocked on input without a timer.
fn wake() {
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
}

/// The bytes that turn `mode` on or off.
fn sequence(mode: u8, on: bool) -> String {
    let mut s = String::new();
    // Writing into a String cannot fail.
    let _ = match (mode, on) {
        (ALTERNATE, true) => EnterAlternateScreen.write_ansi(&mut s),
        (ALTERNATE, false) => LeaveAlternateScreen.write_ansi(&mut s),
        (PASTE, true) => EnableBracketedPaste.write_ansi(&mut s),
        (PASTE, false) => DisableBracketedPaste.write_ansi(&mut s),
        (MOUSE, true) => {
            s.push_str(MOUSE_ON);
            Ok(())
        }
        (MOUSE, false) => {
            s.push_str(MOUSE_OFF);
            Ok(())
        }
        (HIDDEN, true) => Hide.write_ansi(&mut s),
        (HIDDEN, false) => Show.write_ansi(&mut s),
        _ => Ok(()),
    };
    s
}

fn lock_output() -> MutexGuard<'static, ()> {
    OUTPUT
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn lock_output_within(limit: Duration) -> Option<MutexGuard<'static, ()>> {
    let start = Instant::now();
    loop {
        match OUTPUT.try_lock() {
            Ok(guard) => return Some(guard),
            Err(TryLockError::Poisoned(poisoned)) => return Some(poisoned.into_inner()),
            Err(TryLockError::WouldBlock) if start.elapsed() >= limit => return None,
            Err(TryLockError::WouldBlock) => std::thread::yield_now(),
        }
    }
}

/// Send a control string that changes no cell (OSC 52) to the terminal,
/// under the output lock so it never lands inside a frame; refused once the
/// terminal has been restored (it would reach the shell's screen).
pub fn write_control(bytes: &[u8]) -> io::Result<()> {
    let _out = lock_output();
    if !is_active() {
        return Err(io::Error::other(crate::i18n::t!(
            "copy.terminal_given_back"
        )));
    }
    write_tty(bytes)
}

/// Write all of `bytes` to standard output's file descriptor, unbuffered
/// and without std's stdout lock (which a blocked writer could hold).
fn write_tty(mut bytes: &[u8]) -> io::Result<()> {
    let stdout = io::stdout();
    let fd = stdout.as_fd();
    while !bytes.is_empty() {
        match rustix::io::write(fd, bytes) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => bytes = &bytes[n..],
            Err(rustix::io::Errno::INTR) => {}
            Err(err) => return Err(err.into()),
        }
    }
    Ok(())
}

/// The writer behind the ratatui backend: collects a frame and writes it to
/// the tty in one piece on flush, or drops it when the terminal is not
/// ours (restored, or stopped).
#[derive(Debug, Default)]
pub struct FrameWriter {
    frame: Vec<u8>,
}

impl FrameWriter {
    pub fn new() -> FrameWriter {
        FrameWriter::default()
    }
}

impl Write for FrameWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.frame.is_empty() {
            return Ok(());
        }
        let result = {
            let _out = lock_output();
            if is_active() {
                write_tty(&self.frame)
            } else {
                Ok(())
            }
        };
        self.frame.clear();
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mouse_reporting_asks_for_clicks_and_the_wheel_in_sgr_and_no_motion() {
        assert_eq!(sequence(MOUSE, true), "\x1b[?1000h\x1b[?1006h");
        // Undone in reverse order, every mode it set and no other.
        assert_eq!(sequence(MOUSE, false), "\x1b[?1006l\x1b[?1000l");
        assert!(!sequence(MOUSE, true).contains("?1003"), "no motion events");
    }
}
