//! `--ambiguous-width auto`: ask the terminal how wide it draws an East
//! Asian *Ambiguous* glyph. Print one (`“`) at the top left of the
//! alternate screen, request the cursor position (CSI 6n), and read the
//! report (`CSI row ; col R`) for at most 200 ms: column 3 means wide,
//! anything else (including silence) narrow.
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
    if !io::stdout().is_terminal() || !is_active() {
        return None;
    }
    match ask() {
        Ok(Some((_, 3))) => Some(AmbiguousWidth::Wide),
        Ok(Some(_)) => Some(AmbiguousWidth::Narrow),
        _ => None,
    }
}

fn ask() -> io::Result<Option<(u16, u16)>> {
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
        write_tty("\x1b[H\u{201c}\x1b[6n".as_bytes())?;
    }
    let report = read_report(fd, Instant::now() + DEADLINE);
    let _out = lock_output();
    write_tty(b"\x1b[H\x1b[2K")?;
    report
}

/// Read byte by byte until a cursor report is complete or the deadline
/// passes, so no key after the report is taken from crossterm.
fn read_report(fd: BorrowedFd<'_>, deadline: Instant) -> io::Result<Option<(u16, u16)>> {
    let mut seen = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok(None);
        }
        let timeout = Timespec::try_from(left).map_err(|_| io::ErrorKind::InvalidInput)?;
        let mut fds = [PollFd::from_borrowed_fd(fd, PollFlags::IN)];
        match poll(&mut fds, Some(&timeout)) {
            Ok(0) => return Ok(None),
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => continue,
            Err(err) => return Err(err.into()),
        }
        let mut byte = [0u8; 1];
        match rustix::io::read(fd, &mut byte) {
            Ok(0) => return Ok(None),
            Ok(_) => seen.push(byte[0]),
            Err(rustix::io::Errno::INTR | rustix::io::Errno::AGAIN) => continue,
            Err(err) => return Err(err.into()),
        }
        if byte[0] == b'R'
            && let Some(position) = parse_cursor_report(&seen)
        {
            return Ok(Some(position));
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
    fn rejects_partial_or_foreign_sequences() {
        assert_eq!(parse_cursor_report(b"\x1b[1;"), None);
        assert_eq!(parse_cursor_report(b"\x1b[1;xR"), None);
        assert_eq!(parse_cursor_report(b"R"), None);
        // F3 with modifiers looks alike but has no row/column pair.
        assert_eq!(parse_cursor_report(b"\x1b[R"), None);
    }
}
