//! Hostile and broken servers, all in one fetch: each feed gets one line
//! naming it and the reason, the good feed beside them is kept, nothing is
//! written outside the kept folder, and the whole fetch ends within the
//! feed timeout (2 s here) and some slack.

use std::time::{Duration, Instant};

use super::server::{Reply, Server};
use super::{Home, config_for, files_under, small_feed, stderr};

const HTML: &str = "<!DOCTYPE html><html><head><script>alert(1)</script></head>\
    <body>\x1b[2J\x1b]0;owned\x07<p>Not a feed</p></body></html>";

#[test]
fn every_hostile_server_is_told_and_nothing_else_is_lost() {
    let server = Server::start(|path| {
        match path {
        "/good" => Reply::Feed(small_feed("Good Paper", &[("g", "Kept anyway")])),
        "/silent" => Reply::Silent,
        "/slow" => Reply::Slow,
        "/endless" => Reply::Endless,
        "/loop" => Reply::Redirect("/loop".into()),
        "/invalid" => Reply::Feed(
            b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>a</title></item><item><title x=\"1></channel></rss>".to_vec(),
        ),
        "/html" => Reply::Feed(HTML.as_bytes().to_vec()),
        "/not-modified" => Reply::NotModified,
        "/etc" => Reply::Feed(small_feed("../../etc", &[("e", "Climbing out")])),
        "/gone" => Reply::Status(404),
        _ => Reply::Status(500),
    }
    });
    let paths = [
        "/good",
        "/silent",
        "/slow",
        "/endless",
        "/loop",
        "/invalid",
        "/html",
        "/not-modified",
        "/etc",
        "/gone",
    ];
    let urls: Vec<String> = paths.iter().map(|p| server.url(p)).collect();
    let home = Home::new(&config_for(&urls));
    let started = Instant::now();
    let output = home.run(&["fetch"]);
    let took = started.elapsed();
    let errors = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{errors}");
    let line_for = |path: &str| -> String {
        let url = server.url(path);
        let lines: Vec<&str> = errors
            .lines()
            .filter(|l| l.starts_with(&format!("broadsheet: fetch {url}: ")))
            .collect();
        assert_eq!(lines.len(), 1, "one line for {path} in:\n{errors}");
        lines[0].to_owned()
    };
    assert!(
        line_for("/silent").contains("not fetched within 2 s"),
        "{errors}"
    );
    assert!(
        line_for("/slow").contains("not fetched within 2 s"),
        "{errors}"
    );
    let endless = line_for("/endless");
    assert!(
        endless.contains("larger than 50 MB") || endless.contains("not fetched within 2 s"),
        "{endless}"
    );
    assert!(
        line_for("/loop").contains("more than 5 redirects"),
        "{errors}"
    );
    assert!(
        line_for("/invalid").contains("not a well-formed feed"),
        "{errors}"
    );
    assert!(line_for("/html").contains("HTML page"), "{errors}");
    assert!(line_for("/not-modified").contains("304"), "{errors}");
    assert!(line_for("/gone").contains("404"), "{errors}");
    assert_eq!(
        errors.lines().count(),
        8,
        "nothing about /good or /etc:\n{errors}"
    );
    assert!(
        !errors.contains('\x1b') && !errors.contains("alert"),
        "{errors:?}"
    );
    assert_eq!(
        files_under(&home.dir.path().join("data")),
        [
            "broadsheet/feeds/Good Paper/2026/2026-01-05.xml",
            "broadsheet/feeds/etc/2026/2026-01-05.xml",
        ],
        "the title ../../etc stays inside the kept folder"
    );
    assert!(took < Duration::from_secs(15), "took {took:?}");
}

#[test]
fn only_http_and_https_are_fetched() {
    let home = Home::new("");
    for url in [
        "file:///etc/passwd",
        "ftp://example.com/feed",
        "http://",
        "javascript:alert(1)",
    ] {
        let output = home.run(&["feeds", "add", url]);
        assert_eq!(output.status.code(), Some(1), "{url}");
        assert!(
            stderr(&output).contains("is not an http:// or https:// URL"),
            "{}",
            stderr(&output)
        );
    }
    let home = Home::new("[[feeds]]\nurl = \"file:///etc/passwd\"\n");
    let output = home.run(&["fetch"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("feeds.url"), "{}", stderr(&output));
}

#[test]
fn a_second_fetch_at_once_waits_its_turn_by_not_running() {
    let server = Server::start(|_| Reply::Feed(small_feed("Gazette", &[("1", "One")])));
    let home = Home::new(&config_for(&[server.url("/rss")]));
    let state = home.dir.path().join("state/broadsheet");
    std::fs::create_dir_all(&state).unwrap();
    let held = std::fs::File::create(state.join("feeds.lock")).unwrap();
    held.lock().unwrap();
    let output = home.run(&["fetch"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("another broadsheet is fetching"),
        "{}",
        stderr(&output)
    );
    assert!(server.seen().is_empty(), "nothing was asked");
    drop(held);
    let output = home.run(&["fetch"]);
    assert_eq!(
        (output.status.code(), stderr(&output)),
        (Some(0), String::new())
    );
}
