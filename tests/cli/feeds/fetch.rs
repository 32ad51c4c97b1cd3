//! A first fetch keeps the issues; a second sends the validators and gets
//! 304; a changed feed adds only its new items.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::server::{Reply, Server};
use super::{Home, config_for, files_under, rmrb_corpus, small_feed, stderr, stdout};

#[test]
fn the_corpus_feeds_are_kept_then_not_fetched_again() {
    let Some(corpus) = rmrb_corpus() else { return };
    let started = Instant::now();
    let mut names: Vec<String> = std::fs::read_dir(&corpus)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".xml"))
        .collect();
    names.sort();
    let dir = corpus.clone();
    let server =
        Server::start(
            move |path| match std::fs::read(dir.join(path.trim_start_matches('/'))) {
                Ok(body) => Reply::Feed(body),
                Err(_) => Reply::Status(404),
            },
        );
    let urls: Vec<String> = names.iter().map(|n| server.url(&format!("/{n}"))).collect();
    let home = Home::new(&config_for(&urls));

    let first = home.run(&["fetch"]);
    assert_eq!(stderr(&first), "", "quiet on success");
    assert_eq!(first.status.code(), Some(0));
    let kept = files_under(&home.kept());
    assert_eq!(
        kept,
        [
            "人民日报/2026/2026-04-26.xml",
            "人民日报/2026/2026-05-15.xml",
            "人民日报/2026/2026-06-06.xml",
            "人民日报/2026/2026-08-16.xml",
            "人民日报/2026/2026-08-17.xml",
            "人民日报/2026/2026-08-19.xml",
            "人民日报/2026/2026-08-22.xml",
            "人民日报/2026/2026-08-23.xml",
        ]
    );
    // The kept issues open with no network, as the default library.
    let list = home.run(&["list"]);
    assert_eq!(list.status.code(), Some(0), "{}", stderr(&list));
    let listed = stdout(&list);
    assert_eq!(
        listed.lines().filter(|l| l.contains("人民日报")).count(),
        8,
        "{listed}"
    );
    assert!(listed.contains("2026-08-22"), "{listed}");
    let kept_issue = home.kept().join("人民日报/2026/2026-08-22.xml");
    let before = std::fs::read(&kept_issue).unwrap();

    let second = home.run(&["fetch"]);
    assert_eq!(
        (second.status.code(), stderr(&second)),
        (Some(0), String::new())
    );
    let seen = server.seen();
    let again = &seen[names.len()..];
    assert_eq!(again.len(), names.len(), "one request per feed");
    for request in again {
        assert!(
            request.headers.contains_key("if-none-match"),
            "{} sent no ETag back",
            request.path
        );
        assert!(request.headers.contains_key("if-modified-since"));
        assert!(
            request.headers["user-agent"].starts_with("broadsheet/"),
            "{:?}",
            request.headers["user-agent"]
        );
    }
    assert_eq!(
        std::fs::read(&kept_issue).unwrap(),
        before,
        "a 304 changes nothing"
    );
    assert!(started.elapsed() < Duration::from_secs(30));
}

#[test]
fn a_changed_feed_adds_only_its_new_items() {
    let body = Arc::new(Mutex::new(small_feed(
        "Gazette",
        &[("1", "First"), ("2", "Second")],
    )));
    let served = Arc::clone(&body);
    let server = Server::start(move |_| Reply::Feed(served.lock().unwrap().clone()));
    let home = Home::new(&config_for(&[server.url("/rss")]));
    let first = home.run(&["fetch"]);
    assert_eq!(
        (first.status.code(), stderr(&first)),
        (Some(0), String::new())
    );
    let issue = home.kept().join("Gazette/2026/2026-01-05.xml");
    let count = |text: &str| text.matches("<item>").count();
    assert_eq!(count(&std::fs::read_to_string(&issue).unwrap()), 2);

    // Upstream: item 1 corrected, item 2 gone, item 3 new.
    *body.lock().unwrap() = small_feed("Gazette", &[("1", "First, corrected"), ("3", "Third")]);
    let second = home.run(&["fetch"]);
    assert_eq!(
        (second.status.code(), stderr(&second)),
        (Some(0), String::new())
    );
    let text = std::fs::read_to_string(&issue).unwrap();
    assert_eq!(count(&text), 3, "nothing deleted, one added:\n{text}");
    assert!(text.contains("First, corrected") && !text.contains("<title>First</title>"));
    let order: Vec<usize> = ["First, corrected", "Second", "Third"]
        .iter()
        .map(|h| text.find(h).unwrap())
        .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "changed in place, new at the end"
    );
    let dump = home.run(&["dump", issue.to_str().unwrap()]);
    let dumped = stdout(&dump);
    assert!(
        dumped.contains("Third") && dumped.contains("Gazette"),
        "{dumped}"
    );
}

#[test]
fn a_gzip_answer_is_unpacked() {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/feeds/courier.xml.gz");
    let body = std::fs::read(fixture).unwrap();
    let server = Server::start(move |_| Reply::Gzip(body.clone()));
    let home = Home::new(&config_for(&[server.url("/rss")]));
    let output = home.run(&["fetch"]);
    assert_eq!(
        (output.status.code(), stderr(&output)),
        (Some(0), String::new())
    );
    let seen = server.seen();
    assert!(
        seen[0].headers["accept-encoding"].contains("gzip"),
        "{:?}",
        seen[0].headers
    );
    let kept = std::fs::read_to_string(home.kept().join("Compressed Courier/2026/2026-01-05.xml"))
        .unwrap();
    assert!(kept.contains("Packed small"), "{kept}");
}
