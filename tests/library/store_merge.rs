//! Two instances (two SSH sessions) sharing one state folder never lose each
//! other's changes; merge is a join (commutative, associative, idempotent).
// Tests may unwrap, expect and panic: a failure is the report.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use broadsheet::store::{ArticleState, LastOpen, State, Store};
use proptest::prelude::*;

fn open(dir: &Path) -> (Store, State) {
    let (store, state) = Store::open_at(dir);
    assert!(store.messages.is_empty(), "{:?}", store.messages);
    (store, state)
}

#[test]
fn two_instances_keep_both_bookmarks_whichever_quits_first() {
    for a_first in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        let (mut a, mut state_a) = open(dir.path());
        let (mut b, mut state_b) = open(dir.path());
        state_a.toggle_star("from-a");
        state_a.set_read("read-in-a", true);
        state_b.toggle_star("from-b");
        if a_first {
            a.save(&state_a).unwrap();
            b.save(&state_b).unwrap();
        } else {
            b.save(&state_b).unwrap();
            a.save(&state_a).unwrap();
        }
        let (_, merged) = open(dir.path());
        assert!(
            merged.is_starred("from-a") && merged.is_starred("from-b"),
            "a first: {a_first}"
        );
        assert!(merged.is_read("read-in-a"));
    }
}

#[test]
fn an_unstar_is_not_undone_by_the_other_instance() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut state_a) = open(dir.path());
    state_a.toggle_star("x");
    a.save(&state_a).unwrap();
    // B starts while x is starred, A then unstars it, and B saves last.
    let (mut b, mut state_b) = open(dir.path());
    assert!(state_b.is_starred("x"));
    state_a.toggle_star("x");
    a.save(&state_a).unwrap();
    state_b.set_read("y", true);
    b.save(&state_b).unwrap();
    let (_, merged) = open(dir.path());
    assert!(
        !merged.is_starred("x"),
        "the tombstone is newer than B's copy"
    );
    assert!(merged.is_read("y"));
}

#[test]
fn the_newest_position_and_last_open_win() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut state_a) = open(dir.path());
    let (mut b, mut state_b) = open(dir.path());
    state_b.set_position("art", 100);
    state_b.last = Some(LastOpen {
        issue: "old.md".to_owned(),
        article: None,
    });
    b.save(&state_b).unwrap();
    state_a.set_position("art", 900);
    state_a.last = Some(LastOpen {
        issue: "new.md".to_owned(),
        article: Some("art".to_owned()),
    });
    a.save(&state_a).unwrap();
    // B saves again with nothing new: its older values must not win.
    state_b.set_read("other", true);
    b.save(&state_b).unwrap();
    let (_, merged) = open(dir.path());
    assert_eq!(merged.position("art"), Some(900));
    assert_eq!(merged.last.unwrap().issue, "new.md");
}

#[test]
fn sync_brings_the_other_instances_stars_in() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut state_a) = open(dir.path());
    let (mut b, mut state_b) = open(dir.path());
    state_a.toggle_star("from-a");
    a.save(&state_a).unwrap();
    state_b.toggle_star("from-b");
    b.sync(&mut state_b).unwrap();
    assert_eq!(
        state_b.starred_ids().collect::<Vec<_>>(),
        ["from-a", "from-b"]
    );
}

/// Re-executed as a child by the crash test: saves in a loop and reports
/// each save on stdout until it is killed.
#[test]
fn crash_child() {
    let Some(dir) = std::env::var_os("BROADSHEET_CRASH_DIR") else {
        return;
    };
    let (mut store, mut state) = Store::open_at(Path::new(&dir));
    // Bounded, and a closed stdout (the parent gone) ends it too.
    for n in 0..20_000 {
        state.set_position("art", n);
        state.toggle_star(&format!("star-{}", n % 50));
        store.save(&state).unwrap();
        println!("saved {n}");
    }
}

#[test]
fn kill_9_in_a_save_loop_leaves_a_whole_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            &crate::harness::test_name(module_path!(), "crash_child"),
            "--nocapture",
            "--test-threads=1",
        ])
        .env("BROADSHEET_CRASH_DIR", dir.path())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    // Kill while it is saving, after enough saves that a .bak exists.
    let mut saved = 0;
    while saved < 30 {
        let line = lines.next().unwrap().unwrap();
        if line.starts_with("saved ") {
            saved += 1;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let (store, state) = Store::open_at(dir.path());
    assert!(
        store.messages.is_empty(),
        "old or new, never partial: {:?}",
        store.messages
    );
    assert!(state.position("art").unwrap() >= 29);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "stale temps cleaned at start: {leftovers:?}"
    );
}

fn article() -> impl Strategy<Value = ArticleState> {
    // Timestamps from a tiny range, so that ties happen and are tested.
    let flags = (
        any::<bool>(),
        0u64..4,
        any::<bool>(),
        0u64..4,
        proptest::option::of(0usize..3),
        0u64..4,
        0u8..3,
    );
    // Where the article was seen: issue key and headline, one register.
    let place = (
        proptest::option::of(proptest::sample::select(vec!["x.md", "y.md"])),
        proptest::option::of(proptest::sample::select(vec!["A", "B"])),
        0u64..4,
    );
    (flags, place).prop_map(
        |(
            (read, read_at, starred, starred_at, position, position_at, note),
            (issue, headline, issue_at),
        )| {
            let mut article = ArticleState {
                read,
                read_at,
                starred,
                starred_at,
                position,
                position_at,
                issue: issue.map(str::to_owned),
                headline: headline.map(str::to_owned),
                issue_at,
                ..ArticleState::default()
            };
            if note > 0 {
                article
                    .unknown
                    .0
                    .insert("note".to_owned(), serde_json::json!(note));
            }
            article
        },
    )
}

fn state() -> impl Strategy<Value = State> {
    let ids = proptest::sample::select(vec!["a", "b", "c", "d"]);
    let last = proptest::option::of(proptest::sample::select(vec!["x.md", "y.md"]));
    (
        proptest::collection::vec((ids, article()), 0..5),
        last,
        0u64..4,
        0u8..3,
    )
        .prop_map(|(articles, last, last_at, extra)| {
            let mut state = State::default();
            for (id, article) in articles {
                state.insert_article(id, article);
            }
            state.last = last.map(|issue| LastOpen {
                issue: issue.to_owned(),
                article: None,
            });
            state.last_at = last_at;
            if extra > 0 {
                state
                    .unknown
                    .0
                    .insert("extra".to_owned(), serde_json::json!([extra]));
            }
            state
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn merge_is_commutative(a in state(), b in state()) {
        prop_assert_eq!(State::merged(&a, &b), State::merged(&b, &a));
    }

    #[test]
    fn merge_is_idempotent(a in state(), b in state()) {
        prop_assert_eq!(State::merged(&a, &a), a.clone());
        let ab = State::merged(&a, &b);
        prop_assert_eq!(State::merged(&ab, &b), ab.clone());
    }

    #[test]
    fn merge_is_associative(a in state(), b in state(), c in state()) {
        let left = State::merged(&State::merged(&a, &b), &c);
        let right = State::merged(&a, &State::merged(&b, &c));
        prop_assert_eq!(left, right);
    }

    #[test]
    fn a_local_change_survives_a_merge_with_any_older_copy(a in state(), b in state()) {
        let mut ours = State::merged(&a, &b);
        ours.toggle_star("a");
        let starred = ours.is_starred("a");
        prop_assert_eq!(State::merged(&b, &ours).is_starred("a"), starred);
    }

    #[test]
    fn a_newer_place_survives_a_merge_with_any_older_copy(a in state(), b in state()) {
        let mut ours = State::merged(&a, &b);
        ours.set_read("a", true);
        ours.set_place("a", "z.md", "Z");
        let merged = State::merged(&b, &ours);
        let place = &merged.articles["a"];
        prop_assert_eq!(place.issue.as_deref(), Some("z.md"));
        prop_assert_eq!(place.headline.as_deref(), Some("Z"));
    }

    #[test]
    fn merge_reports_exactly_when_it_changed_something(a in state(), b in state()) {
        let mut merged = a.clone();
        let changed = merged.merge(&b);
        prop_assert_eq!(changed, merged != a);
    }

    #[test]
    fn json_round_trip(a in state()) {
        let text = serde_json::to_string_pretty(&a).unwrap();
        let back: State = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(back, a);
    }
}

#[test]
fn save_then_load_round_trips_generated_states() {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(32));
    runner
        .run(&state(), |generated| {
            let dir = tempfile::tempdir().unwrap();
            let (mut store, _) = Store::open_at(dir.path());
            let mut saved = generated.clone();
            store.sync(&mut saved).unwrap();
            let (_, loaded) = Store::open_at(dir.path());
            prop_assert_eq!(&loaded, &saved);
            // Everything generated is still there (merge with an empty file adds nothing).
            prop_assert_eq!(loaded.articles, generated.articles);
            Ok(())
        })
        .unwrap();
}
