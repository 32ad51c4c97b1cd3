//! Faults around the terminal and its input that `pty_reader.rs` does not
//! cover (docs/RELIABILITY.md §6 cases 24, 26, 29): no controlling terminal, tiny
//! pty sizes, a megabyte of pasted text.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::pty_support;

use std::sync::Arc;
use std::sync::mpsc::channel;

use pty_support::{DEADLINE, Session, assert_restored, contains};

const NARROW: &str = "--ambiguous-width=narrow";

/// Case 24 with the terminal still on stdin/stdout: `setsid` takes the
/// controlling terminal away, the reader still reads keys from stdin, and
/// gives the terminal back. (With stdin not a terminal it refuses: see
/// `no_controlling_tty_and_no_terminal_input_is_a_clear_error`.)
#[test]
fn without_a_controlling_tty_the_reader_still_reads_its_keys() {
    let bin = env!("CARGO_BIN_EXE_broadsheet");
    let mut s = Session::start_with("setsid", &["-w", bin, NARROW], 100, 30, &[]);
    s.wait_for_text("1/4");
    s.send(b"J");
    s.wait_for_text("2/4");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.bytes);
}

/// Case 24 as the table gives it: `setsid broadsheet < /dev/null`.
#[test]
fn no_controlling_tty_and_no_terminal_input_is_a_clear_error() {
    let bin = env!("CARGO_BIN_EXE_broadsheet");
    let script = format!("exec setsid -w '{bin}' {NARROW} < /dev/null");
    let mut s = Session::start_with("sh", &["-c", &script], 100, 30, &[]);
    assert_eq!(s.wait_exit(), 1);
    let text = String::from_utf8_lossy(&s.bytes).into_owned();
    assert!(text.contains("not a terminal"), "{text}");
    assert!(!text.contains("panicked"), "{text}");
    assert!(!contains(&s.bytes, b"\x1b[?1049h"), "{text}");
}

/// Case 26 in a real pty: started at each tiny size the reader draws
/// without panicking, takes keys, and recovers when the window grows.
#[test]
fn tiny_ptys_then_a_normal_size() {
    for (cols, rows) in [(1, 1), (2, 1), (1, 5), (10, 3), (59, 19), (20, 2)] {
        let mut s = Session::start(&[NARROW], cols, rows);
        s.wait_for_bytes(0, b"\x1b[?1049h");
        s.send(b"J\t\t\t");
        s.resize(100, 30);
        s.wait_for_row(29, "2/4");
        s.send(b"q");
        assert_eq!(s.wait_exit(), 0, "{cols}x{rows}");
        assert_restored(&s.bytes);
        let text = String::from_utf8_lossy(&s.bytes);
        assert!(!text.contains("panicked"), "{cols}x{rows}");
    }
}

/// Case 29: a megabyte of pasted text, some of it wrapped in bracketed
/// paste markers (which a terminal may send even unasked), none of it a
/// key binding. The reader takes it all, stays on its article, and quits
/// on the next key. The whole exchange runs on a thread against a
/// deadline, since a reader that stopped reading would block the write.
#[test]
fn a_megabyte_paste_is_taken_and_the_reader_still_answers() {
    let mut s = Session::start(&[NARROW], 100, 30);
    s.wait_for_text("1/4");
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let unit = "报纸的文字粘贴进来了,一次一兆。";
        let paste = unit.repeat(1024 * 1024 / unit.len());
        s.send(b"\x1b[200~");
        s.send(paste.as_bytes());
        s.send(b"\x1b[201~");
        s.send(paste.as_bytes());
        s.send(b"J");
        s.wait_for_text("2/4");
        s.send(b"q");
        let code = s.wait_exit();
        let _ = tx.send((code, s.bytes));
    });
    let (code, bytes) = rx
        .recv_timeout(DEADLINE * 4)
        .expect("the reader stopped answering after the paste");
    assert_eq!(code, 0);
    assert_restored(&bytes);
}

/// Case 29 as the table gives it: a megabyte bracketed paste into the
/// search prompt. The query is cut to its bound (256 characters: the
/// numbered tokens stop at 31, and the prompt scrolls to show its end), and
/// the reader answers at once: Esc closes the prompt, `q` quits.
#[test]
fn a_megabyte_paste_into_search_is_bounded_and_the_reader_answers() {
    let mut s = Session::start(&[NARROW], 100, 30);
    s.wait_for_text("1/4");
    s.wait_for_bytes(0, b"\x1b[?2004h");
    let (row_tx, row_rx) = channel();
    let (exit_tx, exit_rx) = channel();
    std::thread::spawn(move || {
        s.send(b"/");
        s.wait_for("the search prompt", |screen| {
            screen
                .lines()
                .last()
                .is_some_and(|line| line.trim_end() == "/")
        });
        // 131,072 tokens of eight bytes: "0000000 0000001 …".
        let paste: String = (0..131_072).map(|n| format!("{n:07} ")).collect();
        s.send(b"\x1b[200~");
        s.send(paste.as_bytes());
        s.send(b"\x1b[201~");
        s.wait_for_row(29, "0000031");
        let _ = row_tx.send(s.row(29));
        s.send(b"\x1b");
        s.wait_for_row(29, "1/4");
        s.send(b"q");
        let code = s.wait_exit();
        let _ = exit_tx.send((code, s.bytes));
    });
    let row = row_rx
        .recv_timeout(DEADLINE * 4)
        .expect("the paste never showed in the prompt");
    // Scrolled to the cursor at the end of a 256-character query: the
    // start is hidden (`<`), and nothing past the bound got in.
    assert!(row.starts_with('<'), "{row:?}");
    assert!(row.contains("0000030 0000031 "), "{row:?}");
    assert!(!row.contains("0000032"), "{row:?}");
    let (code, bytes) = exit_rx
        .recv_timeout(DEADLINE * 2)
        .expect("the reader stopped answering after the paste");
    assert_eq!(code, 0);
    assert_restored(&bytes);
}

/// Re-executed in a pty by `a_worker_panic_ends_the_app_restored`: takes
/// the terminal as the reader does, then a worker thread panics. The hook
/// must end the process; the main thread must never get past the join.
#[test]
fn worker_panic_child() {
    let Some(marker) = std::env::var_os("BROADSHEET_WORKER_PANIC_MARKER") else {
        return;
    };
    let on_exit: broadsheet::terminal::OnExit = Arc::new(move || {
        // Stands for the state save the reader does first.
        let _ = std::fs::write(&marker, "saved");
    });
    broadsheet::terminal::install_panic_hook(on_exit);
    let _guard = broadsheet::terminal::Guard::enter(Default::default()).unwrap();
    let worker = std::thread::spawn(|| panic!("test panic in a worker thread"));
    let _ = worker.join();
    println!("the main thread lived on");
}

/// Case 16: a panic in a worker thread ends the app with 101, state
/// saved before the terminal is restored, never a half-restored live UI.
#[test]
fn a_worker_panic_ends_the_app_restored() {
    let dir = tempfile::tempdir().unwrap();
    let marker = dir.path().join("saved");
    let exe = std::env::current_exe().unwrap();
    let mut s = Session::start_with(
        exe.to_str().unwrap(),
        &[
            "--exact",
            &crate::harness::test_name(module_path!(), "worker_panic_child"),
            "--nocapture",
            "--test-threads=1",
        ],
        80,
        24,
        &[("BROADSHEET_WORKER_PANIC_MARKER", marker.to_str().unwrap())],
    );
    assert_eq!(s.wait_exit(), 101);
    assert_restored(&s.bytes);
    let text = String::from_utf8_lossy(&s.bytes).into_owned();
    assert!(text.contains("test panic in a worker thread"), "{text}");
    assert!(!text.contains("the main thread lived on"), "{text}");
    assert_eq!(std::fs::read_to_string(&marker).unwrap(), "saved");
    // The message comes after the restore: readable on the main screen.
    let leave = pty_support::rfind(&s.bytes, b"\x1b[?1049l").unwrap();
    let message = pty_support::rfind(&s.bytes, b"test panic in a worker").unwrap();
    assert!(leave < message, "message printed on the alternate screen");
}

/// The pid of `parent`'s only child.
fn child_of(parent: u32) -> u32 {
    let children =
        std::fs::read_to_string(format!("/proc/{parent}/task/{parent}/children")).unwrap();
    children.split_whitespace().next().unwrap().parse().unwrap()
}

/// Case 21 under a real job-control shell: stopped from outside, then
/// continued in the background (`bg`), the reader does not take the tty
/// back (no alternate screen, the shell stays usable) until `fg`, which
/// redraws it.
#[test]
fn continued_in_the_background_it_waits_for_fg() {
    let bin = env!("CARGO_BIN_EXE_broadsheet");
    let mut s = Session::start_with("bash", &["--norc", "--noprofile", "-i"], 100, 30, &[]);
    s.send(format!("'{bin}' {NARROW}\r").as_bytes());
    s.wait_for_text("1/4");
    let reader = child_of(s.pid);
    let stopped = s.bytes.len();
    let status = std::process::Command::new("kill")
        .args(["-TSTP", &reader.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    s.wait_for_bytes(stopped, b"\x1b[?1049l");
    s.wait_for_text("Stopped");
    let background = s.bytes.len();
    s.send(b"bg; echo $((40+2))\r");
    s.wait_for_bytes(background, b"42");
    // Continued in the background, it stops again at once (as a user sees
    // it: the shell says "Stopped" before the next command).
    wait_until_stopped(reader, 0);
    // The shell answers, and the reader has not re-entered the screen.
    s.send(b"echo $((50+5))\r");
    s.wait_for_bytes(background, b"55");
    assert!(
        !pty_support::contains(&s.bytes[background..], b"\x1b[?1049h"),
        "took the tty back in the background"
    );
    until_the_shell_knows_it_stopped(&mut s, 0);
    s.send(b"fg\r");
    s.wait_for_bytes(background, b"\x1b[?1049h");
    s.wait_for_row(29, "1/4");
    s.send(b"J");
    s.wait_for_row(29, "2/4");
    quit_and_exit_the_shell(&mut s);
}

/// How many stop / `bg` / type / `fg` rounds the race test runs: the old
/// reader lost about one round in three.
const ROUNDS: u32 = 6;

/// Case 21, the race behind "no redraw until Enter": each round stops the
/// reader from outside, continues it with `bg` while the next command is
/// already typed (so input is pending on the tty the moment it runs in the
/// background), and brings it back with `fg`. A reader that reads the tty
/// from the background is stopped by SIGTTIN inside that read, which after
/// `fg` waits on the shell's cooked tty for a whole line; the redraw and
/// the next key must come without Enter, every round.
#[test]
fn continued_in_the_background_with_input_typed_ahead_fg_redraws() {
    stop_bg_and_fg_with_input_typed_ahead(|_, reader| {
        let status = std::process::Command::new("kill")
            .args(["-TSTP", &reader.to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    });
}

/// The same rounds stopped with Ctrl-Z: the event loop stops itself, and
/// when `bg` continues it, it stays stopped without polling first.
#[test]
fn continued_in_the_background_after_ctrl_z_with_input_typed_ahead_fg_redraws() {
    stop_bg_and_fg_with_input_typed_ahead(|s, _| s.send(b"\x1a"));
}

/// Run the reader under an interactive bash and, [`ROUNDS`] times: `stop`
/// it, `bg` with a command typed ahead, `fg`, and check the redraw and a
/// key without Enter.
fn stop_bg_and_fg_with_input_typed_ahead(stop: impl Fn(&mut Session, u32)) {
    let bin = env!("CARGO_BIN_EXE_broadsheet");
    let mut s = Session::start_with("bash", &["--norc", "--noprofile", "-i"], 100, 30, &[]);
    s.send(format!("'{bin}' {NARROW}\r").as_bytes());
    s.wait_for_text("1/4");
    let reader = child_of(s.pid);
    for round in 0..ROUNDS {
        let stopped = s.bytes.len();
        stop(&mut s, reader);
        s.wait_for_bytes(stopped, b"\x1b[?1049l");
        wait_until_stopped(reader, round);
        let background = s.bytes.len();
        // One write: the echo is pending while `bg` runs. Its output
        // (x1000y…) differs from its text, so the wait sees the shell run it.
        s.send(format!("bg\recho x$((1000+{round}))y\r").as_bytes());
        s.wait_for_bytes(background, format!("x{}y", 1000 + round).as_bytes());
        wait_until_stopped(reader, round);
        until_the_shell_knows_it_stopped(&mut s, round);
        assert!(
            !contains(&s.bytes[background..], b"\x1b[?1049h"),
            "round {round}: took the tty back in the background"
        );
        s.send(b"fg\r");
        s.wait_for_bytes(background, b"\x1b[?1049h");
        // Articles 1 and 2 by turns: the row is the redraw, not a leftover.
        let (now, key, next) = if round % 2 == 0 {
            ("1/4", b"J", "2/4")
        } else {
            ("2/4", b"K", "1/4")
        };
        s.wait_for_row(29, now);
        s.send(key);
        s.wait_for_row(29, next);
    }
    quit_and_exit_the_shell(&mut s);
}

/// The reader stops itself again a moment after `bg`; a shell that has
/// not yet collected that stop takes the job for running, and its `fg`
/// sends no SIGCONT (bash: "don't bother jump-starting it"), so the job
/// stays stopped. A user types `fg` long after; the test asks `jobs`
/// until the shell says Stopped (bounded by the deadline).
fn until_the_shell_knows_it_stopped(s: &mut Session, round: u32) {
    let deadline = std::time::Instant::now() + DEADLINE;
    for attempt in 0.. {
        assert!(
            std::time::Instant::now() < deadline,
            "round {round}: the shell never saw the job stop"
        );
        let mark = s.bytes.len();
        let marker = round * 10_000 + attempt;
        s.send(format!("jobs; echo j$(({marker}))k\r").as_bytes());
        s.wait_for_bytes(mark, format!("j{marker}k").as_bytes());
        if contains(&s.bytes[mark..], b"Stopped") {
            return;
        }
    }
}

/// Quit the reader, then the shell it ran under; the terminal is restored.
fn quit_and_exit_the_shell(s: &mut Session) {
    let quit = s.bytes.len();
    s.send(b"q");
    s.wait_for_bytes(quit, b"\x1b[?1049l");
    s.send(b"exit\r");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.bytes);
}

/// Wait (bounded) until `pid` is stopped.
fn wait_until_stopped(pid: u32, round: u32) {
    pty_support::wait_until_stopped(
        pid,
        &format!("round {round}: still running in the background"),
    );
}
