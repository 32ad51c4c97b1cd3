//! The command line: `list`, `dump`, `search` and their JSON, the list
//! cache, and loading the configuration.
// Tests may stop at the first surprise: unwrap, expect and panic are their asserts.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// Each module names its file: a crate root in tests/ looks for modules in
// tests/ itself, and with no main.rs above them proptest keeps a file's
// regressions next to it (`cli/x.rs` → `cli/x.proptest-regressions`).

#[path = "cli/cli_support.rs"]
mod cli_support;

#[path = "cli/bare_links.rs"]
mod bare_links;
#[path = "cli/config_errors.rs"]
mod config_errors;
#[path = "cli/config_load.rs"]
mod config_load;
#[path = "cli/dump_sample.rs"]
mod dump_sample;
#[path = "cli/feeds/mod.rs"]
mod feeds;
#[path = "cli/json_list.rs"]
mod json_list;
#[path = "cli/languages.rs"]
mod languages;
#[path = "cli/linear.rs"]
mod linear;
#[path = "cli/list_cache.rs"]
mod list_cache;
#[path = "cli/search.rs"]
mod search;
#[path = "cli/shell.rs"]
mod shell;
