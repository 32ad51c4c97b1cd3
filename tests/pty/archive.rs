//! The archive in the real binary: keys still answer while a library
//! search runs on its worker (the loop polls it between inputs; nothing
//! waits on it), and Esc stops it.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::pty_support;

use broadsheet::library::SAMPLE_TEXT;
use pty_support::{Session, assert_restored};

/// `count` copies of the sample, three papers, a day apart.
fn write_archive(dir: &std::path::Path, count: usize) {
    for n in 0..count {
        let paper = ["光明日报", "人民日报", "北京城市副中心报"][n % 3];
        let (year, month, day) = (2000 + n / 336, n / 28 % 12 + 1, n % 28 + 1);
        let text = SAMPLE_TEXT.replacen("北京城市副中心报", paper, 1).replacen(
            "2022年2月13日",
            &format!("{year}年{month}月{day}日"),
            1,
        );
        let folder = dir.join(format!("p{}", n % 3));
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(
            folder.join(format!("{year}-{month:02}-{day:02}-{n}.md")),
            text,
        )
        .unwrap();
    }
}

#[test]
fn keys_answer_while_a_library_search_runs() {
    let dir = tempfile::tempdir().unwrap();
    write_archive(dir.path(), 1500);
    let folder = dir.path().to_str().unwrap();
    let mut s = Session::start(&["--ambiguous-width=narrow", folder], 120, 40);
    s.wait_for_text("▸ ");
    // A word in every issue: every one is parsed and searched.
    s.send("|副中心\r".as_bytes());
    // The counter while the worker runs: `… (N of 1,500 searched)`.
    s.wait_for_text("of 1,500 searched)");
    // The overlay still takes keys: down a result, then Esc stops the search.
    s.send(b"j");
    s.send(b"\x1b");
    s.wait_for_text("library search stopped");
    assert!(!s.screen().contains("searched)"), "{}", s.screen());
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.bytes);
}
