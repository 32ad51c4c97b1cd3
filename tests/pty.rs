//! The binary as a user runs it: in a pseudo-terminal (keys, mouse,
//! scrolling, reload, the terminal restored on every way out) and on
//! hostile input (nothing it prints can drive the terminal).
// Tests may stop at the first surprise: unwrap, expect and panic are their asserts.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// Each module names its file: a crate root in tests/ looks for modules in
// tests/ itself, and with no main.rs above them proptest keeps a file's
// regressions next to it (`pty/x.rs` → `pty/x.proptest-regressions`).

#[path = "cli/feeds/server.rs"]
mod feed_server;
#[path = "support/harness.rs"]
mod harness;
#[path = "pty/hostile_support.rs"]
mod hostile_support;
#[path = "pty/pty_support.rs"]
mod pty_support;

#[path = "pty/archive.rs"]
mod archive;
#[path = "pty/copy.rs"]
mod copy;
#[path = "pty/cursor.rs"]
mod cursor;
#[path = "pty/fetch.rs"]
mod fetch;
#[path = "pty/hostile_faults.rs"]
mod hostile_faults;
#[path = "pty/hostile_markdown.rs"]
mod hostile_markdown;
#[path = "pty/hostile_output.rs"]
mod hostile_output;
#[path = "pty/hostile_reader.rs"]
mod hostile_reader;
#[path = "pty/linear.rs"]
mod linear;
#[path = "pty/margins.rs"]
mod margins;
#[path = "pty/mouse.rs"]
mod mouse;
#[path = "pty/reader.rs"]
mod reader;
#[path = "pty/reading_state.rs"]
mod reading_state;
#[path = "pty/reload.rs"]
mod reload;
#[path = "pty/scroll.rs"]
mod scroll;
