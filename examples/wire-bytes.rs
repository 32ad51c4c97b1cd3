//! Bytes on the wire: drive the release binary in a pseudo-terminal at
//! 100×30 (two panes) and at 60×20 (a phone: one pane, the article the
//! full width) on the sample issue and count what it writes for the first
//! frame, a one-line scroll, a page and an article switch, next to the
//! UTF-8 bytes of the text that changed on screen. Three backends:
//! repainting moved rows (`BROADSHEET_WIRE=noscroll`), scrolling them with
//! the terminal's scrolling region (`scroll`), and the unpatched one
//! (`upstream`: ratatui-crossterm 0.1.2's cursor moves).
//!
//! ```text
//! cargo build --release && cargo run --release --example wire-bytes
//! cargo run --release --example wire-bytes -- path/to/broadsheet   # another binary
//! ```

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Columns, rows, and the key that brings the article into view.
const SIZES: [(u16, u16, &[u8]); 2] = [(100, 30, b"l"), (60, 20, b"\r")];
/// Output is complete when nothing more arrives for this long.
const QUIET: Duration = Duration::from_millis(300);
const DEADLINE: Duration = Duration::from_secs(20);

struct Run {
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    parser: vt100::Parser,
    size: (u16, u16),
    _state: tempfile::TempDir,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

/// What one step cost.
struct Step {
    name: &'static str,
    wire: usize,
    text: usize,
    cells: usize,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Default: the broadsheet next to this example (target/release/).
    let binary = match std::env::args_os().nth(1) {
        Some(path) => std::path::PathBuf::from(path),
        None => std::env::current_exe()?
            .parent()
            .and_then(|examples| examples.parent())
            .ok_or("no target directory")?
            .join("broadsheet"),
    };
    // The pty spawner looks bare names up in PATH.
    let binary = binary.canonicalize()?.to_string_lossy().into_owned();
    for (cols, rows, open) in SIZES {
        println!();
        println!("broadsheet on the sample issue at {cols}×{rows}, bytes written to the terminal");
        println!(
            "{:<16} {:>10} {:>10} {:>10} {:>12} {:>8}",
            "step", "repaint", "scroll", "upstream", "text changed", "cells"
        );
        let size = (cols, rows);
        let repaint = measure(&binary, "noscroll", size, open)?;
        let scroll = measure(&binary, "scroll", size, open)?;
        let upstream = measure(&binary, "upstream", size, open)?;
        for ((ours, scrolled), theirs) in repaint.iter().zip(&scroll).zip(&upstream) {
            println!(
                "{:<16} {:>10} {:>10} {:>10} {:>12} {:>8}",
                ours.name, ours.wire, scrolled.wire, theirs.wire, ours.text, ours.cells
            );
        }
    }
    Ok(())
}

fn measure(
    binary: &str,
    wire: &str,
    size: (u16, u16),
    open: &[u8],
) -> Result<Vec<Step>, Box<dyn std::error::Error>> {
    let mut run = start(binary, wire, size)?;
    let mut steps = Vec::new();
    let before = run.parser.screen().clone();
    let wire = run.settle(Some("1/4"))?;
    steps.push(step(
        "first frame",
        wire,
        &before,
        run.parser.screen(),
        run.size,
    ));
    // Focus or open the article (not measured: not reading).
    run.send(open)?;
    run.settle(None)?;
    for (name, keys) in [
        ("line scroll (j)", &b"j"[..]),
        ("page (Space)", b" "),
        ("article (J)", b"J"),
    ] {
        let before = run.parser.screen().clone();
        run.send(keys)?;
        let wire = run.settle(None)?;
        steps.push(step(name, wire, &before, run.parser.screen(), run.size));
    }
    run.send(b"q")?;
    Ok(steps)
}

fn start(binary: &str, wire: &str, size: (u16, u16)) -> Result<Run, Box<dyn std::error::Error>> {
    let (cols, rows) = size;
    let pair = native_pty_system().openpty(PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    })?;
    let state = tempfile::tempdir()?;
    let mut cmd = CommandBuilder::new(binary);
    cmd.arg("--ambiguous-width=narrow");
    cmd.env("TERM", "xterm-256color");
    cmd.env("XDG_STATE_HOME", state.path());
    cmd.env("XDG_CONFIG_HOME", state.path());
    cmd.env("BROADSHEET_WIRE", wire);
    pair.slave.spawn_command(cmd)?;
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader()?;
    let (tx, output) = channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    Ok(Run {
        output,
        writer: pair.master.take_writer()?,
        parser: vt100::Parser::new(rows, cols, 0),
        size,
        _state: state,
        _master: pair.master,
    })
}

impl Run {
    fn send(&mut self, keys: &[u8]) -> std::io::Result<()> {
        self.writer.write_all(keys)?;
        self.writer.flush()
    }

    /// Read until `text` is on screen (if given), some output came, and
    /// then nothing for `QUIET`; the bytes read.
    fn settle(&mut self, text: Option<&str>) -> Result<usize, Box<dyn std::error::Error>> {
        let deadline = Instant::now() + DEADLINE;
        let mut total = 0;
        loop {
            let shown = text.is_none_or(|t| self.parser.screen().contents().contains(t));
            let wait = if shown && total > 0 {
                QUIET
            } else {
                deadline.saturating_duration_since(Instant::now())
            };
            match self.output.recv_timeout(wait) {
                Ok(chunk) => {
                    total += chunk.len();
                    self.parser.process(&chunk);
                }
                Err(RecvTimeoutError::Timeout) if shown && total > 0 => return Ok(total),
                Err(_) => return Err("no frame from broadsheet".into()),
            }
        }
    }
}

fn step(
    name: &'static str,
    wire: usize,
    before: &vt100::Screen,
    after: &vt100::Screen,
    (cols, rows): (u16, u16),
) -> Step {
    let (mut text, mut cells) = (0, 0);
    for row in 0..rows {
        for col in 0..cols {
            let (Some(old), Some(new)) = (before.cell(row, col), after.cell(row, col)) else {
                continue;
            };
            if new.is_wide_continuation() || old.contents() == new.contents() {
                continue;
            }
            cells += 1;
            // A blanked cell still costs at least a space.
            text += new.contents().len().max(1);
        }
    }
    Step {
        name,
        wire,
        text,
        cells,
    }
}
