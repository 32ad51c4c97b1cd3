//! `F` in the real binary: the fetch runs on a worker thread, so while a
//! slow local server (one byte a second) holds it, keys are answered at
//! once, a second `F` says a fetch runs, and `q` quits without waiting.

use std::time::{Duration, Instant};

use crate::feed_server::{Reply, Server};
use crate::pty_support::{Session, assert_restored};

/// The reader at 100×30 with `config`, its kept issues in `dir`, the local
/// server reached without a proxy.
fn start_reader(dir: &std::path::Path, config: &str) -> Session {
    let path = dir.join("config.toml");
    std::fs::write(&path, config).unwrap();
    let data = dir.join("data");
    Session::start_with(
        env!("CARGO_BIN_EXE_broadsheet"),
        &[
            "--ambiguous-width=narrow",
            "--config",
            path.to_str().unwrap(),
        ],
        100,
        30,
        &[
            ("XDG_DATA_HOME", data.to_str().unwrap()),
            ("NO_PROXY", "127.0.0.1"),
            ("no_proxy", "127.0.0.1"),
        ],
    )
}

#[test]
fn keys_are_answered_while_a_slow_feed_is_fetched() {
    let server = Server::start(|_| Reply::Slow);
    let dir = tempfile::tempdir().unwrap();
    let config = format!(
        "fetch_timeout = 30\n\n[[feeds]]\nurl = \"{}\"\npaper = \"人民日报\"\n",
        server.url("/slow.xml")
    );
    let mut s = start_reader(dir.path(), &config);
    s.wait_for_text("Headlines");
    s.send(b"F");
    s.wait_for_text("fetching 1/1 人民日报…");
    // The server has the request and is answering, a byte a second.
    let asked = Instant::now();
    while server.seen().is_empty() {
        assert!(
            asked.elapsed() < Duration::from_secs(10),
            "no request reached the server"
        );
        std::thread::yield_now();
    }
    let mut slowest = Duration::ZERO;
    for _ in 0..3 {
        let sent = Instant::now();
        s.send(b"?");
        s.wait_for_text("─ Help ");
        slowest = slowest.max(sent.elapsed());
        s.send(b"?");
        s.wait_for("help closed", |screen| !screen.contains("─ Help "));
    }
    // A key that waited on the network would wait for the server's next
    // byte, a second away; typically it takes a few ms (the issue asks for
    // 100). Half a second keeps a loaded CI machine from failing it.
    assert!(
        slowest < Duration::from_millis(500),
        "a key took {slowest:?} during the fetch"
    );
    s.send(b"F");
    s.wait_for_text("already fetching 0/1");
    let quit = Instant::now();
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    assert!(
        quit.elapsed() < Duration::from_secs(5),
        "quit waited for the network"
    );
    assert_restored(&s.bytes);
}

#[test]
fn a_fetch_in_the_reader_keeps_the_issue_and_reloads_the_library() {
    let feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Gazette - RSS</title>\
        <item><title>Ferry timetable changes</title><guid>1</guid>\
        <pubDate>Mon, 05 Jan 2026 10:00:00 +0000</pubDate>\
        <description>&lt;p&gt;The winter timetable starts on Monday.&lt;/p&gt;</description></item>\
        </channel></rss>";
    let server = Server::start(move |_| Reply::Feed(feed.as_bytes().to_vec()));
    let dir = tempfile::tempdir().unwrap();
    let config = format!(
        "fetch_on_start = true\n\n[[feeds]]\nurl = \"{}\"\n",
        server.url("/rss")
    );
    let mut s = start_reader(dir.path(), &config);
    // fetch_on_start: no key pressed.
    s.wait_for_text("1 new issue");
    s.wait_for_text("Ferry timetable changes");
    assert!(
        dir.path()
            .join("data")
            .join("broadsheet/feeds/Harbour Gazette/2026/2026-01-05.xml")
            .is_file()
    );
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.bytes);
}
