//! What the Issues pane gets from `Library::open`: papers grouped, newest
//! first, the masthead and date read from each file's head.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::library_fixtures;

use std::fs;
use std::path::Path;

use broadsheet::library::{EntryStatus, Library, LibraryOptions, Source};
use broadsheet::model::Date;

fn issue(dir: &Path, name: &str, paper: &str, date: (u16, u8, u8)) {
    let (y, m, d) = date;
    let text = library_fixtures::ISSUE
        .replacen("北京城市副中心报", paper, 1)
        .replacen("2022年2月13日", &format!("{y}年{m}月{d}日"), 1);
    fs::write(dir.join(name), text).unwrap();
}

#[test]
fn grouped_by_paper_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("a/b")).unwrap();
    issue(root, "old.md", "北京日报", (2021, 3, 1));
    issue(&root.join("a"), "new.md", "北京日报", (2022, 3, 1));
    issue(&root.join("a/b"), "mid.txt", "人民日报", (2021, 12, 31));
    issue(root, "newest.markdown", "人民日报", (2022, 6, 1));
    let library = Library::open(&[root.to_path_buf()], &LibraryOptions::default());
    let shown: Vec<(String, Option<Date>)> = library
        .entries
        .iter()
        .map(|e| (e.paper.clone(), e.date))
        .collect();
    assert_eq!(
        shown,
        [
            ("人民日报".to_owned(), Date::new(2022, 6, 1)),
            ("人民日报".to_owned(), Date::new(2021, 12, 31)),
            ("北京日报".to_owned(), Date::new(2022, 3, 1)),
            ("北京日报".to_owned(), Date::new(2021, 3, 1)),
        ]
    );
    assert!(
        library
            .entries
            .iter()
            .all(|e| e.status == EntryStatus::Ready)
    );
    assert!(library.messages.is_empty(), "{:?}", library.messages);
}

#[test]
fn a_gb18030_masthead_is_read_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gb.md");
    fs::write(
        &path,
        encoding_rs::GB18030.encode(library_fixtures::ISSUE).0,
    )
    .unwrap();
    let library = Library::open(&[path], &LibraryOptions::default());
    assert_eq!(library.entries[0].paper, "北京城市副中心报");
    assert_eq!(library.entries[0].date, Date::new(2022, 2, 13));
    assert_eq!(library.encoding(0), Some("GB18030"));
}

#[test]
fn the_bom_does_not_hide_the_masthead_from_the_header() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.md");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(library_fixtures::ISSUE.replace('\n', "\r\n").as_bytes());
    fs::write(&path, bytes).unwrap();
    let library = Library::open(&[path], &LibraryOptions::default());
    assert_eq!(library.entries[0].paper, "北京城市副中心报");
    assert_eq!(library.entries[0].date, Date::new(2022, 2, 13));
}

#[test]
fn the_sample_has_its_masthead() {
    let library = Library::sample();
    assert_eq!(library.entries[0].source, Source::Sample);
    assert_eq!(library.entries[0].paper, "北京城市副中心报");
    assert_eq!(library.label(0), "(sample)");
}
