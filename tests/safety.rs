//! Safe after every decoding step: the reproductions of what a fuzzing run
//! found (character references past the sanitiser, headlines wider than the
//! width, quadratic flags, FIFOs that hang, a stray NUL), and the fuzz
//! target's invariants as a bounded property test; and the layers of
//! ARCHITECTURE.md, kept (`layers`), and every document the code cites
//! in the repository (`citations`).
// Tests may stop at the first surprise: unwrap, expect and panic are their asserts.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// Each module names its file: a crate root in tests/ looks for modules in
// tests/ itself, and with no main.rs above them proptest keeps a file's
// regressions next to it (`safety/x.rs` → `safety/x.proptest-regressions`).

#[path = "safety/app_shape.rs"]
mod app_shape;
#[path = "safety/catalogue.rs"]
mod catalogue;
#[path = "safety/chain.rs"]
mod chain;
#[path = "safety/citations.rs"]
mod citations;
#[path = "safety/entities.rs"]
mod entities;
#[path = "safety/files.rs"]
mod files;
#[path = "safety/invariants.rs"]
mod invariants;
#[path = "safety/layers.rs"]
mod layers;
#[path = "safety/widths.rs"]
mod widths;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc::channel;
use std::time::Duration;

use chain::forbidden;

/// Far more than any of these runs takes; a run that blocks (on a FIFO)
/// fails here instead of hanging the suite.
const DEADLINE: Duration = Duration::from_secs(30);

/// Run the binary with `home` as its config and state home, `stdin` as its
/// standard input.
fn run(args: &[&str], home: &Path, stdin: &[u8]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_broadsheet"));
    command
        .args(args)
        .env("HOME", home)
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("BROADSHEET_CONFIG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    std::thread::spawn(move || {
        let _ = std::io::Write::write_all(&mut input, &stdin);
    });
    let (tx, rx) = channel();
    let shown = format!("{args:?}");
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    rx.recv_timeout(DEADLINE)
        .unwrap_or_else(|_| panic!("{shown} did not finish in {DEADLINE:?}"))
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// Property-test cases: `default`, or as many as `PROPTEST_CASES` asks for
/// (a long run).
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// `work` on another thread, failing the test if it takes longer than the
/// deadline (a read that blocks on a FIFO, a quadratic loop).
fn within<T: Send + 'static>(what: &str, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let _ = tx.send(work());
    });
    rx.recv_timeout(DEADLINE)
        .unwrap_or_else(|_| panic!("{what} did not finish in {DEADLINE:?}"))
}
