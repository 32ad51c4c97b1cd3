//! The state file on disk: round trip, atomic replace, damaged, newer and
//! symlinked files. Injected faults are in `store_faults.rs`.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::store_support;

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};

use broadsheet::store::{LastOpen, State, Store};
use store_support::{names, state_file};

fn some_state() -> State {
    let mut state = State::default();
    state.set_read("p/2022-02-13#1", true);
    state.toggle_star("p/2022-02-13#2");
    state.set_position("p/2022-02-13#2", 1234);
    state.last = Some(LastOpen {
        issue: "/news/p-2022-02-13.md".to_owned(),
        article: Some("p/2022-02-13#2".to_owned()),
    });
    state
}

#[test]
fn save_then_open_gives_the_same_state() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, loaded) = Store::open_at(dir.path());
    assert_eq!(loaded, State::default());
    assert!(store.messages.is_empty(), "{:?}", store.messages);
    let mut state = some_state();
    store.sync(&mut state).unwrap();
    let (store2, reloaded) = Store::open_at(dir.path());
    assert_eq!(reloaded, state);
    assert!(store2.messages.is_empty());
    assert!(reloaded.is_read("p/2022-02-13#1"));
    assert!(reloaded.is_starred("p/2022-02-13#2"));
    assert_eq!(reloaded.position("p/2022-02-13#2"), Some(1234));
    assert_eq!(
        reloaded.starred_ids().collect::<Vec<_>>(),
        ["p/2022-02-13#2"]
    );
    assert_eq!(reloaded.last, state.last);
    assert!(reloaded.last_at > 0, "last open is stamped");
    let text = fs::read_to_string(state_file(dir.path())).unwrap();
    assert!(text.starts_with("{\"version\":2,"), "{text}");
}

#[test]
fn the_file_is_private_replaced_whole_and_backed_up() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, mut state) = Store::open_at(dir.path());
    state.toggle_star("a");
    store.save(&state).unwrap();
    let first = fs::read(state_file(dir.path())).unwrap();
    let meta = fs::metadata(state_file(dir.path())).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    assert_eq!(
        names(dir.path()),
        ["state.json", "state.lock"],
        "no temp left"
    );
    state.toggle_star("b");
    store.save(&state).unwrap();
    // The previous generation, which parsed, is the backup.
    assert_eq!(fs::read(dir.path().join("state.json.bak")).unwrap(), first);
    let ino = fs::metadata(state_file(dir.path())).unwrap().ino();
    assert_ne!(
        ino,
        meta.ino(),
        "replaced by rename, not rewritten in place"
    );
}

#[test]
fn saving_an_unchanged_state_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, mut state) = Store::open_at(dir.path());
    store.save(&state).unwrap();
    assert!(!state_file(dir.path()).exists(), "nothing to save yet");
    state.set_read("a", true);
    store.save(&state).unwrap();
    let ino = fs::metadata(state_file(dir.path())).unwrap().ino();
    // The reader marks an article read every frame its end is visible.
    state.set_read("a", true);
    store.save(&state).unwrap();
    store.save(&state).unwrap();
    assert_eq!(fs::metadata(state_file(dir.path())).unwrap().ino(), ino);
}

const HALF: &str = r#"{"version": 1, "articles": {"a": {"read": tr"#;

#[test]
fn a_damaged_file_is_moved_aside_and_the_reader_starts_empty() {
    let cases: [&[u8]; 6] = [
        HALF.as_bytes(),
        b"\x89PNG\r\n\x1a\n\x00\x00garbage\xff\xfe",
        b"null",
        b"[]",
        br#"{"version": 1, "articles": {"a": {"read": "yes"}}}"#,
        b"",
    ];
    for bytes in cases {
        let dir = tempfile::tempdir().unwrap();
        fs::write(state_file(dir.path()), bytes).unwrap();
        let (mut store, state) = Store::open_at(dir.path());
        assert_eq!(state, State::default());
        let aside: Vec<String> = names(dir.path())
            .into_iter()
            .filter(|n| n.starts_with("state.json.corrupt-"))
            .collect();
        assert_eq!(aside.len(), 1, "{:?}", names(dir.path()));
        assert_eq!(
            fs::read(dir.path().join(&aside[0])).unwrap(),
            bytes,
            "original kept"
        );
        assert_eq!(store.messages.len(), 1, "{:?}", store.messages);
        let message = &store.messages[0];
        let path = state_file(dir.path()).display().to_string();
        assert!(
            message.starts_with(&format!("{path} is damaged (")),
            "{message}"
        );
        assert!(
            message.contains(&format!("; moved aside to {path}.corrupt-")),
            "{message}"
        );
        assert!(
            message.ends_with("; starting with an empty reading state"),
            "{message}"
        );
        // The next save writes a good file; the damaged one stays aside.
        let mut state = state;
        state.toggle_star("x");
        store.save(&state).unwrap();
        assert!(Store::open_at(dir.path()).1.is_starred("x"));
        assert!(dir.path().join(&aside[0]).exists());
    }
}

#[test]
fn a_damaged_file_falls_back_to_the_backup() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, mut state) = Store::open_at(dir.path());
    state.toggle_star("kept");
    store.save(&state).unwrap();
    state.toggle_star("newer");
    store.save(&state).unwrap();
    fs::write(state_file(dir.path()), HALF).unwrap();
    let (store, state) = Store::open_at(dir.path());
    assert!(state.is_starred("kept"));
    assert!(
        !state.is_starred("newer"),
        "the backup is one generation old"
    );
    let bak = dir.path().join("state.json.bak").display().to_string();
    assert!(
        store.messages[0].ends_with(&format!("; restored from {bak}")),
        "{:?}",
        store.messages
    );
}

#[test]
fn a_newer_versions_file_is_read_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let text = r#"{"version": 999, "articles": {"a": {"starred": true, "starred_at": 5, "colour": "red"}}, "sync": {"peer": 1}}"#;
    fs::write(state_file(dir.path()), text).unwrap();
    let (mut store, mut state) = Store::open_at(dir.path());
    assert!(state.is_starred("a"), "reads what it knows");
    assert!(store.is_read_only());
    let path = state_file(dir.path()).display().to_string();
    assert_eq!(
        store.take_messages(),
        [format!(
            "{path} was written by a newer broadsheet (format 999; this one knows 2): \
             read what is understood; it will not be overwritten"
        )]
    );
    state.toggle_star("b");
    store.save(&state).unwrap();
    state.toggle_star("c");
    store.save(&state).unwrap();
    assert_eq!(fs::read_to_string(state_file(dir.path())).unwrap(), text);
    assert!(store.messages.is_empty(), "told once");
}

#[test]
fn a_newer_file_of_another_shape_is_not_taken_for_damage() {
    let dir = tempfile::tempdir().unwrap();
    let text = r#"{"version": 3, "articles": [{"id": "a"}], "last": 7}"#;
    fs::write(state_file(dir.path()), text).unwrap();
    let (store, state) = Store::open_at(dir.path());
    assert_eq!(state.articles.len(), 0);
    assert!(store.is_read_only());
    assert_eq!(
        names(dir.path()),
        ["state.json", "state.lock"],
        "not moved aside"
    );
}

#[test]
fn keys_this_version_does_not_know_survive_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let text = r#"{"version": 1, "theme_seen": [1, 2], "articles": {"a": {"read": true, "read_at": 3, "note": "hi"}}}"#;
    fs::write(state_file(dir.path()), text).unwrap();
    let (mut store, mut state) = Store::open_at(dir.path());
    state.toggle_star("a");
    store.save(&state).unwrap();
    let saved: serde_json::Value =
        serde_json::from_slice(&fs::read(state_file(dir.path())).unwrap()).unwrap();
    assert_eq!(saved["theme_seen"], serde_json::json!([1, 2]));
    assert_eq!(saved["articles"]["a"]["note"], "hi");
    assert_eq!(saved["articles"]["a"]["starred"], true);
}

#[test]
fn a_symlinked_state_file_keeps_its_link() {
    let dir = tempfile::tempdir().unwrap();
    let dotfiles = dir.path().join("dotfiles");
    let state_dir = dir.path().join("state");
    fs::create_dir_all(&dotfiles).unwrap();
    fs::create_dir_all(&state_dir).unwrap();
    let target = dotfiles.join("broadsheet-state.json");
    // A relative link, as dotfile managers make them; dangling at first.
    std::os::unix::fs::symlink("../dotfiles/broadsheet-state.json", state_file(&state_dir))
        .unwrap();
    let (mut store, mut state) = Store::open_at(&state_dir);
    state.toggle_star("a");
    store.save(&state).unwrap();
    state.toggle_star("b");
    store.save(&state).unwrap();
    let link = fs::symlink_metadata(state_file(&state_dir)).unwrap();
    assert!(link.file_type().is_symlink(), "link kept");
    assert!(Store::open_at(&state_dir).1.is_starred("b"));
    assert!(fs::read_to_string(&target).unwrap().contains("\"b\""));
    assert_eq!(
        names(&dotfiles),
        ["broadsheet-state.json", "broadsheet-state.json.bak"]
    );
    assert_eq!(names(&state_dir), ["state.json", "state.lock"]);
}

#[test]
fn file_names_in_messages_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("x\u{1b}[2J\u{202e}y");
    fs::create_dir(&odd).unwrap();
    fs::write(state_file(&odd), "null").unwrap();
    let (store, _) = Store::open_at(&odd);
    let message = &store.messages[0];
    assert!(
        !message.contains('\u{1b}') && !message.contains('\u{202e}'),
        "{message:?}"
    );
    assert!(message.contains("x\\e[2J\\u{202E}y"), "{message}");
}
