//! The reader's screen, driven through `update` and drawn into a test
//! backend: rendering (with snapshots), marks, links, search, mouse,
//! reload and the update loop's properties.
// Tests may stop at the first surprise: unwrap, expect and panic are their asserts.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// Each module names its file: a crate root in tests/ looks for modules in
// tests/ itself, and with no main.rs above them proptest keeps a file's
// regressions next to it (`screen/x.rs` → `screen/x.proptest-regressions`).

#[path = "screen/screen_support.rs"]
mod screen_support;

#[path = "screen/archive.rs"]
mod archive;
#[path = "screen/chinese.rs"]
mod chinese;
#[path = "screen/copy.rs"]
mod copy;
#[path = "screen/languages.rs"]
mod languages;
#[path = "screen/links.rs"]
mod links;
#[path = "screen/marks.rs"]
mod marks;
#[path = "screen/mouse.rs"]
mod mouse;
#[path = "screen/pages.rs"]
mod pages;
#[path = "screen/props.rs"]
mod props;
#[path = "screen/quiet.rs"]
mod quiet;
#[path = "screen/reading_state.rs"]
mod reading_state;
#[path = "screen/reload.rs"]
mod reload;
#[path = "screen/render.rs"]
mod render;
#[path = "screen/script.rs"]
mod script;
#[path = "screen/search.rs"]
mod search;
#[path = "screen/update.rs"]
mod update;
