//! Drive the real binary in a pseudo-terminal, with `vt100` as the screen.
//! Every wait is bounded by a deadline on reads; nothing sleeps.

// Each test binary uses only part of this.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, MasterPty, PtySize, native_pty_system};

/// Long enough for a debug build on a loaded 2-core machine.
pub const DEADLINE: Duration = Duration::from_secs(30);

pub struct Session {
    pub master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    exit: Receiver<u32>,
    pub pid: u32,
    pub parser: vt100::Parser,
    /// Every byte the program wrote, in order.
    pub bytes: Vec<u8>,
    pub state_home: tempfile::TempDir,
}

pub fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Session {
    /// Start broadsheet with `args` at `cols`×`rows`.
    pub fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        Session::start_with(env!("CARGO_BIN_EXE_broadsheet"), args, cols, rows, &[])
    }

    pub fn start_with(
        program: &str,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Session {
        let pair = native_pty_system().openpty(size(cols, rows)).unwrap();
        let state_home = tempfile::tempdir().unwrap();
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_STATE_HOME", state_home.path());
        cmd.env("XDG_CONFIG_HOME", state_home.path().join("config"));
        cmd.env_remove("BROADSHEET_CONFIG");
        for (key, value) in env {
            cmd.env(key, value);
        }
        let mut child = pair.slave.spawn_command(cmd).unwrap();
        // Only the child keeps the slave open: its exit ends our reads.
        drop(pair.slave);
        let pid = child.process_id().unwrap();
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let (exit_tx, exit) = channel();
        std::thread::spawn(move || {
            let code = child.wait().map(|s| s.exit_code()).unwrap_or(u32::MAX);
            let _ = exit_tx.send(code);
        });
        Session {
            master: pair.master,
            writer,
            output,
            exit,
            pid,
            parser: vt100::Parser::new(rows, cols, 0),
            bytes: Vec::new(),
            state_home,
        }
    }

    pub fn send(&mut self, keys: &[u8]) {
        self.writer.write_all(keys).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Read output until `done(screen)` holds; fail with the screen after
    /// the deadline.
    pub fn wait_for(&mut self, what: &str, done: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + DEADLINE;
        while !done(&self.screen()) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(chunk) => self.take(chunk),
                Err(RecvTimeoutError::Timeout) => {
                    panic!("timed out waiting for {what}; screen:\n{}", self.screen())
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!(
                        "output ended waiting for {what}; screen:\n{}",
                        self.screen()
                    )
                }
            }
        }
    }

    /// Read output until `done(screen model)` holds; fail with `what` and
    /// the screen after the deadline.
    pub fn wait_for_model(&mut self, what: &str, done: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + DEADLINE;
        while !done(self.parser.screen()) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(chunk) => self.take(chunk),
                Err(_) => panic!(
                    "timed out waiting for {what}; cursor at {:?}; screen:\n{}",
                    self.parser.screen().cursor_position(),
                    self.screen()
                ),
            }
        }
    }

    /// Row `row` (0-based) of the screen model.
    pub fn row(&self, row: u16) -> String {
        let (_, cols) = self.parser.screen().size();
        self.parser
            .screen()
            .rows(0, cols)
            .nth(row.into())
            .unwrap_or_default()
    }

    /// Read until row `row` contains `text`.
    pub fn wait_for_row(&mut self, row: u16, text: &str) {
        let deadline = Instant::now() + DEADLINE;
        while !self.row(row).contains(text) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(chunk) => self.take(chunk),
                Err(_) => panic!("no {text:?} on row {row}; screen:\n{}", self.screen()),
            }
        }
    }

    pub fn wait_for_text(&mut self, text: &str) {
        self.wait_for(text, |screen| screen.contains(text));
    }

    /// Read until the raw byte stream contains `needle` after byte `from`.
    pub fn wait_for_bytes(&mut self, from: usize, needle: &[u8]) {
        let deadline = Instant::now() + DEADLINE;
        while !contains(&self.bytes[from.min(self.bytes.len())..], needle) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(chunk) => self.take(chunk),
                Err(_) => panic!(
                    "no {:?} in the output; tail: {:?}",
                    String::from_utf8_lossy(needle),
                    String::from_utf8_lossy(&self.bytes[self.bytes.len().saturating_sub(300)..])
                ),
            }
        }
    }

    /// Wait for the program to exit, reading all its output; its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + DEADLINE;
        let code = loop {
            if let Ok(code) = self.exit.try_recv() {
                break code;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self
                .output
                .recv_timeout(left.min(Duration::from_millis(50)))
            {
                Ok(chunk) => self.take(chunk),
                Err(RecvTimeoutError::Timeout) if left.is_zero() => {
                    panic!("program did not exit; screen:\n{}", self.screen())
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    break self.exit.recv_timeout(DEADLINE).expect("exit status");
                }
            }
        };
        // Whatever is still buffered.
        while let Ok(chunk) = self.output.recv_timeout(Duration::from_millis(200)) {
            self.take(chunk);
        }
        code
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master.resize(size(cols, rows)).unwrap();
        self.parser.screen_mut().set_size(rows, cols);
    }

    pub fn signal(&self, name: &str) {
        let status = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid.to_string())
            .status()
            .unwrap();
        assert!(status.success(), "kill -{name} failed");
    }

    /// Wait until the kernel says the reader is stopped (bounded by the
    /// deadline).
    pub fn wait_stopped(&self) {
        wait_until_stopped(self.pid, "never stopped");
    }

    pub fn state_file(&self) -> std::path::PathBuf {
        self.state_home.path().join("broadsheet/state.json")
    }

    fn take(&mut self, chunk: Vec<u8>) {
        self.parser.process(&chunk);
        self.bytes.extend_from_slice(&chunk);
    }
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The terminal is given back: the last mode change leaves the alternate
/// screen after showing the cursor and ending bracketed paste (reverse
/// order of entry), and nothing is drawn after it.
pub fn assert_restored(bytes: &[u8]) {
    let leave = rfind(bytes, b"\x1b[?1049l").expect("never left the alternate screen");
    let show = rfind(bytes, b"\x1b[?25h").expect("never showed the cursor");
    let enter = rfind(bytes, b"\x1b[?1049h").expect("never entered the alternate screen");
    assert!(
        enter < show && show < leave,
        "restore order: enter {enter}, show {show}, leave {leave}"
    );
    let after = &bytes[leave..];
    assert!(
        !contains(after, b"\x1b[?1049h"),
        "re-entered after restoring"
    );
    // Bracketed paste, turned on after entering, is off again before
    // leaving (a shell around the reader toggles it at its own prompts,
    // outside this span).
    let span = &bytes[enter..leave];
    if let Some(on) = rfind(span, b"\x1b[?2004h") {
        let off = rfind(span, b"\x1b[?2004l");
        assert!(
            off.is_some_and(|off| off > on),
            "bracketed paste left on: on {on}, off {off:?}"
        );
    }
}

/// Wait until the kernel says `pid` is stopped (bounded by the deadline);
/// past it, fail with `never`.
pub fn wait_until_stopped(pid: u32, never: &str) {
    let deadline = Instant::now() + DEADLINE;
    while state_of(pid) != 'T' {
        assert!(Instant::now() < deadline, "{never}");
        std::thread::yield_now();
    }
}

/// The process state letter of `pid` from /proc (`T` when stopped).
fn state_of(pid: u32) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    stat.rsplit(')')
        .next()
        .and_then(|rest| rest.trim().chars().next())
        .unwrap_or('?')
}
