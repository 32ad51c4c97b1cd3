//! The real binary in a pseudo-terminal: it starts on the sample issue,
//! shows the headlines, moves between articles, and gives the terminal back
//! on every way out (quit, signals, panic, suspend).
// Tests may unwrap, expect and panic: a failure is the report.

use crate::pty_support;

use pty_support::{Session, assert_restored, contains};

/// Fixed width, so the probe (CSI 6n, 200 ms) does not run.
const NARROW: &str = "--ambiguous-width=narrow";
const FIRST_HEADLINE: &str = "蔡奇在城市副中心调研";
const SECOND_HEADLINE: &str = "副中心年底前将实现四级政务服务全覆盖";

fn start_on_sample(cols: u16, rows: u16) -> Session {
    let mut session = Session::start(&[NARROW], cols, rows);
    session.wait_for_text(FIRST_HEADLINE);
    session.wait_for_text("1/4");
    session
}

#[test]
fn reads_the_sample_and_quits_restoring_the_terminal() {
    let mut s = start_on_sample(100, 30);
    assert!(s.screen().contains("Headlines"), "{}", s.screen());
    s.send(b"J");
    s.wait_for_text("2/4");
    s.wait_for_text(SECOND_HEADLINE);
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.bytes);
    // Reading state is saved on the way out.
    let state = std::fs::read_to_string(s.state_file()).expect("state saved at exit");
    assert!(state.contains("version"), "{state}");
}

#[test]
fn sigterm_and_sigint_exit_with_128_plus_n_restored() {
    for (signal, code) in [("TERM", 143), ("INT", 130), ("HUP", 129)] {
        let mut s = start_on_sample(100, 30);
        s.send(b"J");
        s.wait_for_text("2/4");
        s.signal(signal);
        assert_eq!(s.wait_exit(), code, "SIG{signal}");
        if signal != "HUP" {
            assert_restored(&s.bytes);
        }
        assert!(!contains(&s.bytes, b"panicked"), "SIG{signal}");
        let state = std::fs::read_to_string(s.state_file()).expect("state saved");
        assert!(state.contains("version"), "SIG{signal}: {state}");
    }
}

#[test]
fn ctrl_z_suspends_and_resume_redraws_at_the_new_size() {
    let mut s = start_on_sample(100, 30);
    let before = s.bytes.len();
    s.send(b"\x1a");
    s.wait_for_bytes(before, b"\x1b[?1049l");
    assert_restored(&s.bytes);
    // Stopped: wait for the kernel to say so (bounded by the read deadline).
    s.wait_stopped();
    s.resize(130, 40);
    let resumed = s.bytes.len();
    s.signal("CONT");
    s.wait_for_bytes(resumed, b"\x1b[?1049h");
    // The restore above ended bracketed paste; resuming turns it on again.
    s.wait_for_bytes(resumed, b"\x1b[?2004h");
    // Three panes at 130 columns, and the status bar on the new last row.
    s.wait_for_row(0, "Issues");
    s.wait_for_row(39, "1/4");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.bytes);
}

#[test]
fn a_key_flood_is_applied_in_a_few_frames() {
    let mut s = start_on_sample(100, 30);
    let before = s.bytes.len();
    s.send(&[b'j'; 5000]);
    s.wait_for_text("4/4");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.bytes);
    // Every frame ends by resetting the pen (`CSI 59 m`, `CSI 0 m`). Drawing
    // after each key would take 5,000 frames; the loop drains what is
    // pending and draws once per batch.
    let frames = s.bytes[before..]
        .windows(9)
        .filter(|w| *w == b"\x1b[59m\x1b[0m")
        .count();
    assert!(frames < 500, "{frames} frames for one burst of 5,000 keys");
}

#[test]
fn resize_storm_ends_with_a_frame_at_the_last_size() {
    let mut s = start_on_sample(100, 30);
    for i in 0..100u16 {
        s.resize(60 + i % 60, 15 + i % 20);
    }
    s.resize(80, 24);
    s.send(b"J");
    s.wait_for_row(23, "2/4");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_panic_restores_the_terminal_and_exits_101() {
    let mut s = Session::start_with(
        env!("CARGO_BIN_EXE_broadsheet"),
        &[NARROW],
        100,
        30,
        &[("BROADSHEET_TEST_PANIC", "draw")],
    );
    assert_eq!(s.wait_exit(), 101);
    assert_restored(&s.bytes);
    assert!(
        contains(&s.bytes, b"test panic while drawing"),
        "{}",
        String::from_utf8_lossy(&s.bytes)
    );
}

#[test]
fn stdin_not_a_terminal_is_a_clear_error() {
    let bin = env!("CARGO_BIN_EXE_broadsheet");
    let mut s = Session::start_with(
        "sh",
        &["-c", &format!("exec '{bin}' {NARROW} < /dev/null")],
        100,
        30,
        &[],
    );
    assert_ne!(s.wait_exit(), 0);
    let text = String::from_utf8_lossy(&s.bytes).into_owned();
    assert!(text.contains("standard input is not a terminal"), "{text}");
    assert!(
        !contains(&s.bytes, b"\x1b[?1049h"),
        "touched the terminal: {text}"
    );
    assert!(!text.contains("panicked"), "{text}");
}

#[test]
fn stdout_not_a_terminal_is_a_clear_error() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .arg(NARROW)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(output.stdout.is_empty(), "{:?}", output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("standard output is not a terminal"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn typed_ctrl_c_quits_cleanly() {
    let mut s = start_on_sample(100, 30);
    s.send(b"\x03");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.bytes);
}

/// Start with `--ambiguous-width=auto`, give the probe `answer` (or none),
/// and find `shown` in the help overlay.
fn probe_and_show_help(answer: Option<&[u8]>, shown: &str) {
    let mut s = Session::start(&["--ambiguous-width=auto"], 120, 45);
    s.wait_for_bytes(0, b"\x1b[6n");
    if let Some(answer) = answer {
        s.send(answer);
    }
    s.wait_for_text(FIRST_HEADLINE);
    // Help is longer than the screen: the width is on its last row.
    s.send(b"?");
    s.wait_for_text("Help");
    s.send(b"G");
    s.wait_for_text(shown);
    // Esc alone: `ESC q` in one read would be Alt-q.
    s.send(b"\x1b");
    s.wait_for("the help to close", |screen| !screen.contains(shown));
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn auto_ambiguous_width_asks_the_terminal() {
    // The terminal answers: the cursor moved two columns over `“`.
    probe_and_show_help(Some(b"\x1b[1;3R"), "wide (2 cells), measured");
}

#[test]
fn auto_ambiguous_width_falls_back_to_narrow_without_an_answer() {
    probe_and_show_help(None, "narrow (1 cell), assumed");
}

#[test]
fn external_tstp_stops_restored_and_cont_redraws() {
    let mut s = start_on_sample(100, 30);
    let before = s.bytes.len();
    s.signal("TSTP");
    s.wait_for_bytes(before, b"\x1b[?1049l");
    assert_restored(&s.bytes);
    s.wait_stopped();
    let resumed = s.bytes.len();
    s.signal("CONT");
    s.wait_for_bytes(resumed, b"\x1b[?1049h");
    s.wait_for_row(29, "1/4");
    s.send(b"J");
    s.wait_for_row(29, "2/4");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.bytes);
}

/// Open and close the help overlay: once it is closed, the screen is a
/// whole frame drawn after every byte sent before.
fn help_round_trip(s: &mut Session) {
    s.send(b"?");
    s.wait_for_text(" Help ");
    // Esc alone: `ESC` and the next key in one read would be Alt-key.
    s.send(b"\x1b");
    // Rows are drawn top to bottom: once the overlay's bottom border is gone
    // too, the whole frame that closed it is on screen.
    s.wait_for("the help to close", |screen| {
        !screen.contains(" Help ") && !screen.contains('┘')
    });
}

/// Pasted text is never taken as keys: outside the search prompt a paste
/// holding `q`, `J`, Tab and newlines changes nothing on screen, and the
/// reader still runs.
#[test]
fn a_paste_outside_the_prompt_is_not_taken_as_keys() {
    let mut s = start_on_sample(100, 30);
    s.wait_for_bytes(0, b"\x1b[?2004h");
    help_round_trip(&mut s);
    let before = s.screen();
    s.send(b"\x1b[200~q\r\nJJ\t\tq\n:q\r/x\x1b[201~");
    help_round_trip(&mut s);
    // The help closing is seen at the first changed byte, which may be a
    // frame half drawn: wait for the whole one (a paste taken as keys would
    // never give it back).
    s.wait_for("the screen as it was before the paste", |screen| {
        screen == before
    });
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.bytes);
}

#[test]
fn a_bad_config_fails_before_touching_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "no_such_key = 1\n").unwrap();
    let config = config.to_string_lossy().into_owned();
    let mut s = Session::start(&[NARROW, "--config", &config], 100, 30);
    assert_ne!(s.wait_exit(), 0);
    let text = String::from_utf8_lossy(&s.bytes).into_owned();
    assert!(text.contains("config.toml"), "{text}");
    assert!(
        !contains(&s.bytes, b"\x1b[?1049h"),
        "touched the terminal: {text}"
    );
    assert!(
        !contains(&s.bytes, b"\x1b[?25l"),
        "touched the terminal: {text}"
    );
}

#[test]
fn dash_reads_the_issue_from_stdin_and_keys_from_the_tty() {
    let issue = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/issues/bjfzxb-2022-02-13.md"
    );
    let bin = env!("CARGO_BIN_EXE_broadsheet");
    let script = format!("exec '{bin}' {NARROW} - < '{issue}'");
    let mut s = Session::start_with("sh", &["-c", &script], 100, 30, &[]);
    s.wait_for_text(FIRST_HEADLINE);
    s.send(b"J");
    s.wait_for_text("2/4");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.bytes);
}

/// The SSH link drops: every handle on the pty master closes, the kernel
/// hangs up the terminal. The reader exits (SIGHUP: 129) without spinning,
/// with its state saved.
#[test]
fn hang_up_when_the_master_closes() {
    use std::io::{Read, Write};
    use std::sync::mpsc::channel;

    let pair = portable_pty::native_pty_system()
        .openpty(pty_support::size(100, 30))
        .unwrap();
    let state_home = tempfile::tempdir().unwrap();
    let mut cmd = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_broadsheet"));
    cmd.arg(NARROW);
    cmd.env("TERM", "xterm-256color");
    cmd.env("XDG_STATE_HOME", state_home.path());
    cmd.env("XDG_CONFIG_HOME", state_home.path().join("config"));
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut writer = pair.master.take_writer().unwrap();
    // Move to the second article (a change to save), then hand the reader
    // and writer back so that they can be closed too.
    let mut reader = pair.master.try_clone_reader().unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut parser = vt100::Parser::new(30, 100, 0);
        let mut buf = [0u8; 8192];
        for (wait, then) in [("1/4", &b"J"[..]), ("2/4", b"")] {
            while !parser.screen().contents().contains(wait) {
                match reader.read(&mut buf) {
                    Ok(n) if n > 0 => parser.process(&buf[..n]),
                    _ => break,
                }
            }
            let _ = writer.write_all(then).and_then(|()| writer.flush());
        }
        let _ = tx.send((reader, writer));
    });
    let (reader, writer) = rx
        .recv_timeout(pty_support::DEADLINE)
        .expect("no first frame");
    let (exit_tx, exit_rx) = channel();
    std::thread::spawn(move || {
        let _ = exit_tx.send(child.wait().map(|s| s.exit_code()));
    });
    drop((reader, writer, pair.master));
    let code = exit_rx
        .recv_timeout(pty_support::DEADLINE)
        .expect("still running after the hang-up")
        .unwrap();
    assert_eq!(code, 129);
    assert!(state_home.path().join("broadsheet/state.json").exists());
}

/// A path that is not there (or a mistyped command, which clap takes for a
/// path) stops the reader with the reason before it takes the terminal,
/// instead of opening an empty reader that exits 0.
#[test]
fn nothing_to_show_is_an_error_that_names_the_path() {
    for (arg, hint) in [
        ("no-such-issue.md", ""),
        ("frobnicate", "not a command either"),
    ] {
        let mut s = Session::start(&[arg], 80, 24);
        assert_eq!(s.wait_exit(), 1, "{arg}");
        let screen = s.parser.screen().contents();
        assert!(
            screen.contains(&format!("{arg}: no such file or folder")),
            "{screen}"
        );
        assert!(screen.contains("no issue to show"), "{screen}");
        assert!(screen.contains(hint), "{screen}");
    }
}

/// Ctrl-L paints every cell again: text another program wrote over the
/// screen (a wall(1) message) is gone, as in less and vim.
#[test]
fn ctrl_l_repaints_what_another_program_wrote_over() {
    let mut s = Session::start(&[NARROW], 60, 20);
    s.wait_for_text("? help");
    // Into the terminal's model directly, as a write to the tty by another
    // process would land.
    s.parser.process(b"\x1b[10;5HGARBAGE FROM WALL");
    assert!(s.screen().contains("GARBAGE FROM WALL"));
    let before = s.bytes.len();
    s.send(b"\x0c");
    s.wait_for_bytes(before, b"\x1b[2J");
    s.wait_for("the repaint", |screen| {
        !screen.contains("GARBAGE") && screen.contains("? help")
    });
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
}

/// The rightmost non-blank column of `row`.
fn last_column(s: &Session, row: u16) -> Option<u16> {
    let screen = s.parser.screen();
    let (_, cols) = screen.size();
    (0..cols).rev().find(|&col| {
        screen
            .cell(row, col)
            .is_some_and(|c| !c.contents().trim().is_empty())
    })
}

/// In `wide` mode every ambiguous glyph (the status bar's `·`) is followed
/// by an absolute or relative cursor move, so the rest of the row lands in
/// its column even on a terminal (vt100 here) that draws it narrow.
#[test]
fn wide_mode_keeps_columns_after_ambiguous_glyphs() {
    let mut columns = Vec::new();
    for mode in ["--ambiguous-width=narrow", "--ambiguous-width=wide"] {
        let mut s = Session::start(&[mode], 100, 30);
        s.wait_for_row(29, "? help");
        assert!(s.row(29).contains('·'), "{}", s.row(29));
        columns.push(last_column(&s, 29));
        s.send(b"q");
        assert_eq!(s.wait_exit(), 0);
    }
    assert_eq!(columns[0], columns[1]);
    assert_eq!(columns[0], Some(98));
}

/// The tty settings (`stty -g`) after quitting equal those before.
#[test]
fn tty_settings_are_the_same_after_quitting() {
    let bin = env!("CARGO_BIN_EXE_broadsheet");
    let script = format!("stty -g; '{bin}' {NARROW}; stty -g; echo done");
    let mut s = Session::start_with("sh", &["-c", &script], 100, 30, &[]);
    s.wait_for_text("1/4");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    let text = String::from_utf8_lossy(&s.bytes).into_owned();
    // The first line is `stty -g` before; the same must appear once more.
    let before = text.lines().next().unwrap_or_default().trim_end();
    assert!(before.matches(':').count() > 10, "{text:?}");
    let tail = String::from_utf8_lossy(&s.bytes[s.bytes.len().saturating_sub(300)..]);
    assert_eq!(text.matches(before).count(), 2, "{before:?} … {tail:?}");
    assert!(text.contains("done"));
}
