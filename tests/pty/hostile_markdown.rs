//! Deep nesting, pathological Markdown and a 10 MB line (docs/RELIABILITY.md §6
//! cases 22, 44, 45) through the real binary: `dump` and `json` finish and
//! exit 0 (no stack overflow, no runaway; each run is bounded by a generous
//! deadline, not timed), the deepest text still shows, and the reader opens
//! each file, scrolls and quits. Growth at n and 2n is measured by
//! `benches/pathological.rs`, not here.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::hostile_support;
use crate::pty_support;

use std::path::{Path, PathBuf};

use hostile_support::{assert_plain, run};
use pty_support::{Session, assert_restored};

/// Each case: a name, the Markdown under the headline, and a word that
/// must survive into the dump (`None` where the input has no plain text).
fn cases() -> Vec<(&'static str, String, Option<&'static str>)> {
    let indented: String = (0..1000)
        .map(|i| format!("{}- l{i}\n", "  ".repeat(i)))
        .collect();
    vec![
        (
            "quotes",
            ">".repeat(100_000) + " deepquote",
            Some("deepquote"),
        ),
        (
            "bullets",
            "- ".repeat(100_000) + "deepitem",
            Some("deepitem"),
        ),
        ("ordered", "1. ".repeat(50_000) + "deepnum", Some("deepnum")),
        (
            "quoted-lists",
            "> - ".repeat(50_000) + "deepmix",
            Some("deepmix"),
        ),
        ("indented-list", indented + "  tail-of-list\n", Some("l999")),
        ("link-openers", "[a](<b".repeat(50_000), None),
        ("emphasis", "a***".repeat(80_000), None),
        ("star-list", "* ".repeat(80_000) + "a", None),
        ("comments", "!-- <".repeat(5_000), None),
        ("footnote-runs", "[^".repeat(50_000), None),
        ("footnote-line-ends", "a[^\n".repeat(50_000), None),
        ("footnote-defs", "[^a]: [^\n".repeat(20_000), None),
        (
            "brackets",
            "[".repeat(100_000) + "x" + &"]".repeat(100_000),
            None,
        ),
        ("backticks", "`".repeat(50_000) + " code", None),
        ("html-blocks", "<div>\n".repeat(50_000), None),
    ]
}

fn write_cases(dir: &Path) -> Vec<(&'static str, PathBuf, Option<&'static str>)> {
    cases()
        .into_iter()
        .map(|(name, body, word)| {
            let path = dir.join(format!("{name}-2024-03-12.md"));
            let text = format!("# The Deep Courier\n\n## Headline {name}\n\n{body}\n");
            std::fs::write(&path, text).unwrap();
            (name, path, word)
        })
        .collect()
}

#[test]
fn dump_and_json_finish_on_every_pathological_input() {
    let home = tempfile::tempdir().unwrap();
    for (name, path, word) in write_cases(home.path()) {
        let path = path.to_str().unwrap();
        let dump = run(&["dump", "--width", "80", path], home.path());
        let stderr = String::from_utf8_lossy(&dump.stderr);
        assert!(
            dump.status.success(),
            "dump {name}: {:?} {stderr}",
            dump.status
        );
        assert_plain(&dump.stdout, name);
        let text = String::from_utf8(dump.stdout).unwrap();
        assert!(text.contains(&format!("Headline {name}")), "{name}");
        if let Some(word) = word {
            assert!(text.contains(word), "dump {name}: {word} lost");
        }
        let json = run(&["json", path], home.path());
        assert!(json.status.success(), "json {name}: {:?}", json.status);
        let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
        assert_eq!(
            value[0]["articles"][0]["headline"],
            format!("Headline {name}")
        );
    }
}

/// The reader opens each file, moves and quits: no freeze, no overflow.
#[test]
fn the_reader_opens_every_pathological_input() {
    let dir = tempfile::tempdir().unwrap();
    for (name, path, _) in write_cases(dir.path()) {
        let mut s = Session::start(
            &["--ambiguous-width=narrow", path.to_str().unwrap()],
            100,
            30,
        );
        s.wait_for_text(&format!("Headline {name}"));
        s.send(b"j j G");
        s.send(b"q");
        assert_eq!(s.wait_exit(), 0, "{name}: {}", s.screen());
        assert_restored(&s.bytes);
    }
}

/// A 10 MB single line (case 44): Chinese with numbered Latin words, so
/// the wrapper has break chances of both kinds and no two screens of it
/// look the same.
fn ten_megabyte_line() -> String {
    let mut line = String::new();
    for n in 0.. {
        if line.len() >= 10 * 1024 * 1024 {
            break;
        }
        line.push_str(&format!(
            "城市副中心政务服务中心由老厂房改造而成, open since {n}; "
        ));
    }
    format!("# The Long Courier\n\n## One long line\n\n{line}end-of-line\n")
}

#[test]
fn a_ten_megabyte_line_dumps_at_width_80() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long-2024-03-12.md");
    std::fs::write(&path, ten_megabyte_line()).unwrap();
    let out = run(
        &["dump", "--width", "80", path.to_str().unwrap()],
        dir.path(),
    );
    assert!(out.status.success(), "{:?}", out.status);
    let text = String::from_utf8(out.stdout).unwrap();
    // Every line of the body fits; the body is all there.
    assert!(text.lines().count() > 50_000, "{}", text.lines().count());
    assert!(
        text.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80)
    );
    assert!(text.trim_end().ends_with("end-of-line"));
}

#[test]
fn the_reader_scrolls_a_ten_megabyte_line_and_quits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long-2024-03-12.md");
    std::fs::write(&path, ten_megabyte_line()).unwrap();
    let mut s = Session::start(
        &["--ambiguous-width=narrow", path.to_str().unwrap()],
        100,
        30,
    );
    s.wait_for_text("One long line");
    // Read the body, then each key must move it.
    s.send(b"\r");
    s.wait_for_text("open since 0;");
    // The screen but its status bar, which may change for other reasons.
    let body = |screen: &str| screen.lines().take(29).collect::<Vec<_>>().join("\n");
    for key in [&b"j"[..], b" ", b" ", b"j", b"G", b"g"] {
        let before = body(&s.screen());
        s.send(key);
        s.wait_for("the article to scroll", |screen| body(screen) != before);
    }
    // `g` is back at the top. The wait above returns on the first changed
    // byte, which can be a frame half drawn: wait for the whole line.
    s.wait_for_text("open since 0;");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0, "{}", s.screen());
    assert_restored(&s.bytes);
}
