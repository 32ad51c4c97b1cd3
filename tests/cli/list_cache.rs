//! `broadsheet list` shares the reader's header scan: the first run counts
//! articles by parsing and records them in the header cache in the state
//! folder; the next run answers the same from the cache.
// Tests may unwrap, expect and panic: a failure is the report.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn list(dir: &Path, state: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .arg("list")
        .arg(dir)
        .env("XDG_STATE_HOME", state)
        .env("XDG_CONFIG_HOME", state.join("no-config"))
        .env_remove("BROADSHEET_CONFIG")
        .output()
        .unwrap()
}

#[test]
fn a_second_list_answers_from_the_header_cache() {
    let archive = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    fs::write(
        archive.path().join("a.md"),
        "# 甲报\n\n2024年3月8日 星期五\n\n## 一\n\n正文。\n\n## 二\n\n正文。\n",
    )
    .unwrap();
    fs::write(
        archive.path().join("b.md"),
        "# 乙报\n\n2024年3月9日 星期六\n\n## 一\n\n正文。\n",
    )
    .unwrap();

    let cold = list(archive.path(), state.path());
    assert!(
        cold.status.success(),
        "{}",
        String::from_utf8_lossy(&cold.stderr)
    );
    let cache = fs::read_to_string(state.path().join("broadsheet/library-headers.json")).unwrap();
    assert!(cache.contains("\"a\":2"), "article count cached: {cache}");

    // Same size, same mtime, one article fewer: only a list that answers
    // from the cache still says 2.
    let a = archive.path().join("a.md");
    let mtime = fs::metadata(&a).unwrap().modified().unwrap();
    let text = fs::read_to_string(&a)
        .unwrap()
        .replacen("## 二", "   二", 1);
    fs::write(&a, text).unwrap();
    fs::File::options()
        .write(true)
        .open(&a)
        .unwrap()
        .set_modified(mtime)
        .unwrap();

    let warm = list(archive.path(), state.path());
    assert_eq!(
        String::from_utf8_lossy(&warm.stdout),
        String::from_utf8_lossy(&cold.stdout)
    );
    let text = String::from_utf8(warm.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].starts_with("2024-03-08")
            && lines[0].contains("甲报")
            && lines[0].contains("2 articles")
    );
    assert!(
        lines[1].starts_with("2024-03-09")
            && lines[1].contains("乙报")
            && lines[1].contains("1 article")
    );
}

#[test]
fn a_changed_file_is_counted_again() {
    let archive = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let file = archive.path().join("a.md");
    fs::write(&file, "# 甲报\n\n2024年3月8日\n\n## 一\n\n正文。\n").unwrap();
    let first = String::from_utf8(list(archive.path(), state.path()).stdout).unwrap();
    assert!(first.contains("1 article"), "{first}");
    // A different size is enough for the cache key (path + size + mtime) to miss.
    fs::write(
        &file,
        "# 甲报\n\n2024年3月8日\n\n## 一\n\n正文。\n\n## 二\n\n又一篇。\n",
    )
    .unwrap();
    let second = String::from_utf8(list(archive.path(), state.path()).stdout).unwrap();
    assert!(second.contains("2 articles"), "{second}");
}
