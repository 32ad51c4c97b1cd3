//! The layers below the screen, tested without a terminal: the library and
//! what feeds it (opening and decoding files, the Markdown parser, the
//! source readers, the archive: tree, calendar, search), the reading state
//! on disk, and the typesetter.
// Tests may stop at the first surprise: unwrap, expect and panic are their asserts.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// Each module names its file: a crate root in tests/ looks for modules in
// tests/ itself, and with no main.rs above them proptest keeps a file's
// regressions next to it (`library/x.rs` → `library/x.proptest-regressions`).

#[path = "support/harness.rs"]
mod harness;
#[path = "library/library_fixtures.rs"]
mod library_fixtures;
#[path = "library/parse_common.rs"]
mod parse_common;
#[path = "screen/screen_support.rs"]
mod screen_support;
#[path = "library/store_support.rs"]
mod store_support;

#[path = "library/archive/mod.rs"]
mod archive;
#[path = "library/cache.rs"]
mod cache;
#[path = "library/decode.rs"]
mod decode;
#[path = "library/hazards.rs"]
mod hazards;
#[path = "library/open.rs"]
mod open;
#[path = "library/parse_fixtures.rs"]
mod parse_fixtures;
#[path = "library/parse_heads_lists.rs"]
mod parse_heads_lists;
#[path = "library/parse_links.rs"]
mod parse_links;
#[path = "library/parse_sample.rs"]
mod parse_sample;
#[path = "library/sanitize.rs"]
mod sanitize;
#[path = "library/sources/mod.rs"]
mod sources;
#[path = "library/sources_readers/mod.rs"]
mod sources_readers;
#[path = "library/state/mod.rs"]
mod state;
#[path = "library/store_faults.rs"]
mod store_faults;
#[path = "library/store_files.rs"]
mod store_files;
#[path = "library/store_merge.rs"]
mod store_merge;

#[path = "typeset/mod.rs"]
mod typeset;
