//! Layer 2: feeds subscribed to, fetched and kept. A feed holds only its
//! latest items; broadsheet keeps every issue it has fetched, one file per
//! paper and date, in the library's own terms (an RSS 2.0 file that
//! `sources::feed` reads like any other feed).
//!
//! - `subscriptions`: the config file's `[[feeds]]`, edited with `toml_edit`
//!   so that the user's comments and layout stay.
//! - `opml`: OPML 2.0 import and export (newsboat, newsraft).
//! - `http`: one conditional GET with every limit (time, size, redirects,
//!   schemes).
//! - `keep`: a fetched feed merged into the issues already kept.
//! - `fetch`: every feed, on a few threads, polite per host; what the
//!   command and the reader's worker call.

pub mod fetch;
pub mod http;
pub mod keep;
pub mod opml;
pub mod subscriptions;

use std::ffi::OsString;
use std::path::PathBuf;

pub use fetch::{FeedReport, Outcome, Progress, Request, fetch_all};

/// `$XDG_DATA_HOME/broadsheet/feeds`, else `~/.local/share/broadsheet/feeds`:
/// where fetched issues are kept, one folder per paper. (A relative
/// `XDG_DATA_HOME` is ignored, as the XDG spec says.)
pub fn kept_dir(var: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let absolute = |name: &str| var(name).map(PathBuf::from).filter(|p| p.is_absolute());
    if let Some(data_home) = absolute("XDG_DATA_HOME") {
        return Some(data_home.join("broadsheet").join("feeds"));
    }
    absolute("HOME").map(|home| home.join(".local/share/broadsheet/feeds"))
}

/// The validators file's name in the state folder (`store::default_dir`).
pub const VALIDATORS_FILE: &str = "feeds.json";

/// The `User-Agent` every request sends: `broadsheet/VERSION`, and
/// `(+URL)` when Cargo.toml names the repository.
pub fn user_agent() -> String {
    let version = env!("CARGO_PKG_VERSION");
    match env!("CARGO_PKG_REPOSITORY") {
        "" => format!("broadsheet/{version}"),
        url => format!("broadsheet/{version} (+{url})"),
    }
}

/// The folders of the library that fetching fills: the kept folder (when it
/// exists) and every feed's own `folder` that exists.
pub fn library_folders(config: &crate::config::Config) -> Vec<PathBuf> {
    let kept = kept_dir(|name| std::env::var_os(name));
    let mut folders: Vec<PathBuf> = kept.into_iter().collect();
    for feed in &config.feeds {
        if let Some(folder) = &feed.folder
            && !folders.contains(folder)
        {
            folders.push(folder.clone());
        }
    }
    folders.retain(|f| f.is_dir());
    folders
}
