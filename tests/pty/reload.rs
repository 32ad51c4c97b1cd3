//! `R` in the real binary: the reader opened on a folder lists an issue
//! written after it started, says so in the status bar, and still quits
//! cleanly.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::pty_support;

use pty_support::{Session, assert_restored};

fn issue(day: u8, headline: &str) -> String {
    format!(
        "# 北京日报\n\n2022年2月{day}日 星期日 今日四版\n\n## {headline}\n\n\
         本报讯 城市副中心政务服务中心由老厂房改造而成。\n"
    )
}

#[test]
fn r_lists_an_issue_that_arrived_after_start() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bjrb-13.md"), issue(13, "十三日的头条")).unwrap();
    let folder = dir.path().to_str().unwrap();
    let mut s = Session::start(&["--ambiguous-width=narrow", folder], 100, 30);
    s.wait_for_text("十三日的头条");
    std::fs::write(dir.path().join("bjrb-14.md"), issue(14, "十四日的头条")).unwrap();
    s.send(b"R");
    s.wait_for_text("reloaded: 1 new, 0 gone");
    // Still on the issue it was reading; the new one is in the list.
    assert!(s.screen().contains("十三日的头条"), "{}", s.screen());
    s.send(b"\t\t");
    s.wait_for_text("2022-02-14");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.bytes);
}
