//! Subscribing, fetching and keeping feeds, against a real HTTP server on
//! 127.0.0.1 that each test starts (`server`).

mod fetch;
mod hostile;
mod server;
mod subscriptions;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A home of its own for one test: config, data and state folders, and no
/// proxy from the environment.
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    pub fn new(config: &str) -> Home {
        let home = Home {
            dir: tempfile::tempdir().unwrap(),
        };
        std::fs::write(home.config(), config).unwrap();
        home
    }

    pub fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    /// Where fetched issues are kept.
    pub fn kept(&self) -> PathBuf {
        self.dir.path().join("data/broadsheet/feeds")
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_broadsheet"))
            .args(args)
            .env("BROADSHEET_CONFIG", self.config())
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("XDG_STATE_HOME", self.dir.path().join("state"))
            .env("XDG_CONFIG_HOME", self.dir.path().join("xdg-config"))
            .env_remove("HTTPS_PROXY")
            .env_remove("https_proxy")
            .env_remove("HTTP_PROXY")
            .env_remove("http_proxy")
            .env_remove("ALL_PROXY")
            .env_remove("all_proxy")
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap()
    }
}

/// `[[feeds]]` tables for these URLs, after the settings the tests use: a
/// short timeout and no spacing between requests to one host.
pub fn config_for(urls: &[String]) -> String {
    let mut text = String::from("fetch_timeout = 2\nfetch_host_delay = 0\n");
    for url in urls {
        text.push_str(&format!("\n[[feeds]]\nurl = \"{url}\"\n"));
    }
    text
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Every file under `dir`, relative to it, sorted.
pub fn files_under(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = walk(dir)
        .into_iter()
        .map(|p| p.strip_prefix(dir).unwrap().display().to_string())
        .collect();
    files.sort();
    files
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found
}

/// The corpus folder of People's Daily feeds, or `None` with a message.
pub fn rmrb_corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/rmrb-rss");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent", dir.display());
        None
    }
}

/// A small feed of our own: `items` as (guid, title) on 2026-01-05.
pub fn small_feed(title: &str, items: &[(&str, &str)]) -> Vec<u8> {
    let mut text = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>{title}</title><language>en</language>\n"
    );
    for (guid, headline) in items {
        text.push_str(&format!(
            "<item><title>{headline}</title><guid>{guid}</guid><link>http://example.invalid/{guid}</link>\
             <pubDate>Mon, 05 Jan 2026 10:00:00 +0000</pubDate><description>&lt;p&gt;Body of {headline}.&lt;/p&gt;</description></item>\n"
        ));
    }
    text.push_str("</channel></rss>\n");
    text.into_bytes()
}
