//! `--ambiguous-width auto`: ask the terminal how wide it draws an East
//! Asian *Ambiguous* glyph. Print one (`“`) at the top left of the
//! alternate screen, request the cursor position (CSI 6n), and read the
//! report (`CSI row ; col R`) for at most 200 ms: column 3 means wide,
//! anything else (including silence) narrow.
//!
//! The same round trip asks whether the terminal has left and right
//! margins (DECLRMM, mode 69): DECRQM (`CSI ? 69 $ p`) goes first, and a
//! terminal that knows it answers `CSI ? 69 ; Ps $ y` before the cursor
//! report, Ps 1 or 2 (set or reset: the mode exists; xterm, WezTerm,
//! iTerm2, foot), 0 when it does not know it (tmux, VTE). A terminal that
//! ignores DECRQM says nothing, and the cursor report ends the wait.
//!
//! The reply is read here, straight from the input descriptor, because
//! crossterm keeps cursor reports to itself and waits up to two seconds for
//! one. Only bytes up to the report are consumed; keys typed in those
//! 200 ms before it are lost, which is the price of asking.

use std::fs::File;
use std::io::{self, IsTerminal};
use std::os::fd::{AsFd, BorrowedFd};
use std::time::{Duration, Instant};

use rustix::event::{PollFd, PollFlags, Timespec, poll};

use super::{is_active, lock_output, write_tty};
use crate::typeset::AmbiguousWidth;

/// The longest the probe waits for the terminal's answer.
pub const DEADLINE: Duration = Duration::from_millis(200);

/// Probe the terminal; call only while the [`Guard`](super::Guard) holds it
/// (raw mode, so the reply is neither echoed nor line-buffered). `None`
/// when there was no answer in time (the caller falls back to narrow).
/// Never asks when standard output is not a terminal.
pub fn detect_ambiguous_width() -> Option<AmbiguousWidth> {
    probe().ambiguous
}

/// What the start-up probe learnt.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Answers {
    /// `None`: no answer in time.
    pub ambiguous: Option<AmbiguousWidth>,
    /// The terminal has left/right margins (DECLRMM).
    pub margins: bool,
}

/// Ask for the ambiguous width and for left/right margins in one round
/// trip; see the module comment and [`detect_ambiguous_width`].
pub fn probe() -> Answers {
    if !io::stdout().is_terminal() || !is_active() {
        return Answers::default();
    }
    let Ok((report, seen)) = ask() else {
        return Answers::default();
    };
    Answers {
        ambiguous: match report {
            Some((_, 3)) => Some(AmbiguousWidth::Wide),
            Some(_) => Some(AmbiguousWidth::Narrow),
            None => None,
        },
        margins: has_margins(&seen),
    }
}

/// Whether `bytes` hold a DECRQM answer for mode 69 saying it exists.
pub fn has_margins(bytes: &[u8]) -> bool {
    let Some(at) = bytes.windows(6).position(|w| w == b"\x1b[?69;") else {
        return false;
    };
    let rest = &bytes[at + 6..];
    matches!(rest.get(..3), Some(b"1$y" | b"2$y"))
}

type Report = (Option<(u16, u16)>, Vec<u8>);

fn ask() -> io::Result<Report> {
    // crossterm reads keys from standard input when it is a terminal, else
    // from /dev/tty (`broadsheet -`); the reply arrives on the same one.
    let tty = if io::stdin().is_terminal() {
        None
    } else {
        Some(File::options().read(true).write(true).open("/dev/tty")?)
    };
    let stdin = io::stdin();
    let fd = match &tty {
        Some(file) => file.as_fd(),
        None => stdin.as_fd(),
    };
    {
        let _out = lock_output();
        write_tty("\x1b[?69$p\x1b[H\u{201c}\x1b[6n".as_bytes())?;
    }
    let report = read_report(fd, Instant::now() + DEADLINE);
    let _out = lock_output();
    write_tty(b"\x1b[H\x1b[2K")?;
    report
}

/// Read byte by byte until a cursor report is complete or the deadline
/// passes, so no key after the report is taken from crossterm.
fn read_report(fd: BorrowedFd<'_>, deadline: Instant) -> io::Result<Report> {
    let mut seen = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok((None, seen));
        }
        let timeout = Timespec::try_from(left).map_err(|_| io::ErrorKind::InvalidInput)?;
        let mut fds = [PollFd::from_borrowed_fd(fd, PollFlags::IN)];
        match poll(&mut fds, Some(&timeout)) {
            Ok(0) => return Ok((None, seen)),
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => continue,
            Err(err) => return Err(err.into()),
        }
        let mut byte = [0u8; 1];
        match rustix::io::read(fd, &mut byte) {
            Ok(0) => return Ok((None, seen)),
            Ok(_) => seen.push(byte[0]),
            Err(rustix::io::Errno::INTR | rustix::io::Errno::AGAIN) => continue,
            Err(err) => return Err(err.into()),
        }
        if byte[0] == b'R'
            && let Some(position) = parse_cursor_report(&seen)
        {
            return Ok((Some(position), seen));
        }
    }
}

/// The `(row, column)` of the last complete `ESC [ row ; col R` in `bytes`,
/// both 1-based as the terminal sends them.
pub fn parse_cursor_report(bytes: &[u8]) -> Option<(u16, u16)> {
    let end = bytes.iter().rposition(|&b| b == b'R')?;
    let start = bytes[..end].windows(2).rposition(|w| w == b"\x1b[")? + 2;
    let body = std::str::from_utf8(&bytes[start..end]).ok()?;
    let (row, col) = body.split_once(';')?;
    Some((row.parse().ok()?, col.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_report() {
        assert_eq!(parse_cursor_report(b"\x1b[1;3R"), Some((1, 3)));
        assert_eq!(parse_cursor_report(b"\x1b[12;2R"), Some((12, 2)));
    }

    #[test]
    fn skips_keys_typed_before_the_report() {
        assert_eq!(parse_cursor_report(b"jj\x1b[A\x1b[1;2R"), Some((1, 2)));
    }

    #[test]
    fn a_decrqm_answer_of_set_or_reset_means_margins() {
        assert!(has_margins(b"\x1b[?69;2$y\x1b[1;2R"));
        assert!(has_margins(b"\x1b[?69;1$y"));
        assert!(!has_margins(b"\x1b[?69;0$y\x1b[1;2R"), "tmux, VTE");
        assert!(!has_margins(b"\x1b[1;2R"), "no answer");
        assert!(!has_margins(b"\x1b[?69;4$y"), "permanently reset");
    }

    #[test]
    fn rejects_partial_or_foreign_sequences() {
        assert_eq!(parse_cursor_report(b"\x1b[1;"), None);
        assert_eq!(parse_cursor_report(b"\x1b[1;xR"), None);
        assert_eq!(parse_cursor_report(b"R"), None);
        // F3 with modifiers looks alike but has no row/column pair.
        assert_eq!(parse_cursor_report(b"\x1b[R"), None);
    }
}
