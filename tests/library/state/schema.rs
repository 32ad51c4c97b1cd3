//! Version 2 of the state file, and what becomes of a version-1 file.

use std::fs;

use broadsheet::store::{ReadBy, State, Store, VERSION};
use proptest::prelude::*;

use super::open;

/// Written by the version-1 reader (the commit before this schema) in
/// tmux: article 1 of the Chinese issue read to its end, the Tram article
/// starred and scrolled, the Library article read to its end then marked
/// unread with `m`.
const V1: &str = include_str!("../../data/state-v1.json");
const CHINESE: &str = "2024-03-08-21a4369b";
const LIBRARY: &str = "2024-03-12-1c2bbb81";
const TRAM: &str = "2024-03-12-889564e6";

fn v1_in(dir: &std::path::Path) {
    fs::write(dir.join("state.json"), V1).unwrap();
}

#[test]
fn a_version_1_file_keeps_every_mark_star_position_and_place() {
    let dir = tempfile::tempdir().unwrap();
    v1_in(dir.path());
    let (store, state) = open(dir.path());
    assert!(!store.is_read_only());
    assert_eq!(state.version, VERSION);
    let old: serde_json::Value = serde_json::from_str(V1).unwrap();
    for (id, record) in old["articles"].as_object().unwrap() {
        let now = &state.articles[id];
        let field = |name: &str| record.get(name).cloned();
        assert_eq!(
            field("read").and_then(|v| v.as_bool()).unwrap_or(false),
            now.read,
            "{id}"
        );
        assert_eq!(
            field("read_at").and_then(|v| v.as_u64()).unwrap_or(0),
            now.read_at
        );
        assert_eq!(
            field("starred").and_then(|v| v.as_bool()).unwrap_or(false),
            now.starred
        );
        assert_eq!(
            field("starred_at").and_then(|v| v.as_u64()).unwrap_or(0),
            now.starred_at
        );
        let position = field("position")
            .and_then(|v| v.as_u64())
            .map(|p| p as usize);
        assert_eq!(position, now.position, "{id}");
        assert_eq!(
            field("position_at").and_then(|v| v.as_u64()).unwrap_or(0),
            now.position_at
        );
        assert_eq!(
            field("issue").and_then(|v| v.as_str().map(str::to_owned)),
            now.issue
        );
        assert_eq!(
            field("headline").and_then(|v| v.as_str().map(str::to_owned)),
            now.headline
        );
    }
    assert_eq!(
        state.last.as_ref().unwrap().article.as_deref(),
        Some(CHINESE)
    );
    assert_eq!(state.last_at, old["last_at"].as_u64().unwrap());
}

#[test]
fn version_1_unread_was_set_by_hand_and_read_automatically() {
    let dir = tempfile::tempdir().unwrap();
    v1_in(dir.path());
    let (_, mut state) = open(dir.path());
    assert_eq!(state.read_by(CHINESE), Some(ReadBy::Auto));
    assert_eq!(
        state.read_by(LIBRARY),
        Some(ReadBy::Hand),
        "`m` was the only way to unread"
    );
    assert_eq!(state.read_by(TRAM), None, "never marked");
    assert!(!state.mark_automatically(LIBRARY), "the hand mark holds");
    assert!(state.mark_automatically(TRAM));
}

#[test]
fn an_upgraded_file_is_left_as_it_is_until_something_changes_then_written_as_2() {
    let dir = tempfile::tempdir().unwrap();
    v1_in(dir.path());
    let (mut store, mut state) = open(dir.path());
    store.save(&state).unwrap();
    assert_eq!(
        fs::read_to_string(dir.path().join("state.json")).unwrap(),
        V1
    );
    state.toggle_star(CHINESE);
    store.save(&state).unwrap();
    let text = fs::read_to_string(dir.path().join("state.json")).unwrap();
    assert!(text.starts_with("{\"version\":2,"), "{text}");
    assert!(text.contains("\"read_by\":\"hand\""), "{text}");
    // The version-1 file is the backup, whole.
    assert_eq!(
        fs::read_to_string(dir.path().join("state.json.bak")).unwrap(),
        V1
    );
    let (_, again) = open(dir.path());
    assert_eq!(again.read_by(LIBRARY), Some(ReadBy::Hand));
    assert_eq!(again.position(TRAM), Some(234));
}

#[test]
fn a_version_3_file_is_still_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let text = V1.replace("\"version\":1", "\"version\":3");
    fs::write(dir.path().join("state.json"), &text).unwrap();
    let (mut store, mut state) = Store::open_at(dir.path());
    assert!(store.is_read_only());
    assert!(state.is_starred(TRAM), "read as far as understood");
    state.toggle_star(LIBRARY);
    store.save(&state).unwrap();
    assert_eq!(
        fs::read_to_string(dir.path().join("state.json")).unwrap(),
        text
    );
}

#[test]
fn who_marked_issues_and_ui_round_trip_through_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, mut state) = open(dir.path());
    state.mark("a", true, ReadBy::Hand);
    state.mark("b", true, ReadBy::Auto);
    state.note_issues(["x.md"], 10);
    state.note_issues(["y.md"], 20);
    state.set_ui("archive.folds", serde_json::json!({"Courier": true}));
    store.save(&state).unwrap();
    let (_, loaded) = open(dir.path());
    assert_eq!(loaded, state);
    assert_eq!(
        loaded.ui("archive.folds"),
        Some(&serde_json::json!({"Courier": true}))
    );
    assert!(loaded.is_new_issue("y.md", 15) && !loaded.is_new_issue("x.md", 15));
}

#[test]
fn marking_with_the_same_flag_and_author_is_a_no_op_and_a_new_author_is_a_change() {
    let mut state = State::default();
    assert!(!state.mark("a", false, ReadBy::Auto), "unread already");
    assert!(state.articles.is_empty(), "and no record for it");
    assert!(state.mark("a", true, ReadBy::Auto));
    assert!(!state.mark("a", true, ReadBy::Auto));
    assert!(state.mark("a", true, ReadBy::Hand), "now the reader's own");
    assert!(!state.mark_automatically("a"));
    assert!(state.mark("a", false, ReadBy::Hand));
    assert!(!state.mark_automatically("a"), "a hand unread holds");
    assert!(state.set_ui("k", serde_json::json!(1)));
    assert!(!state.set_ui("k", serde_json::json!(1)));
}

fn by() -> impl Strategy<Value = ReadBy> {
    prop_oneof![Just(ReadBy::Auto), Just(ReadBy::Hand)]
}

/// A state built from small random edits, so that registers collide.
fn arb_state() -> impl Strategy<Value = State> {
    let edit = (0..4u8, 0..3usize, any::<bool>(), by(), 0..3u8);
    proptest::collection::vec(edit, 0..12).prop_map(|edits| {
        let mut state = State::default();
        for (kind, n, flag, by, key) in edits {
            let id = format!("a{n}");
            match kind {
                0 => {
                    state.mark(&id, flag, by);
                }
                1 => {
                    state.note_issues([format!("i{key}").as_str()], u64::from(key) * 7);
                }
                2 => {
                    state.set_ui(&format!("k{key}"), serde_json::json!(flag));
                }
                _ => state.toggle_star(&id),
            }
        }
        state
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn merge_of_version_2_fields_commutes_and_is_idempotent(a in arb_state(), b in arb_state()) {
        let ab = State::merged(&a, &b);
        prop_assert_eq!(&ab, &State::merged(&b, &a));
        prop_assert_eq!(&State::merged(&ab, &b), &ab);
        prop_assert_eq!(&State::merged(&ab, &ab), &ab);
    }

    #[test]
    fn version_2_state_round_trips_through_json(a in arb_state()) {
        let text = serde_json::to_string(&a).unwrap();
        let back: State = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(back, a);
    }
}
