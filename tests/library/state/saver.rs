//! Saving as you read: a flood of moves makes a few writes, a pause makes
//! one soon after, and the latest place is what gets written.

use std::path::Path;
use std::time::{Duration, Instant};

use broadsheet::store::{Debounce, MAX_WAIT, Place, QUIET, Saver, State};

use super::open;

fn saver_in(dir: &Path) -> (Saver, State) {
    let (store, state) = open(dir);
    (Saver::new(store, &state), state)
}

fn at(position: usize) -> Place<'static> {
    Place {
        issue: "courier.md",
        article: Some("a1"),
        headline: "Tram line approved",
        position: Some(position),
    }
}

/// Drive the saver as the event loop does: apply the moves that arrived by
/// `now`, then write if due, and wait for the next deadline or the next key.
fn run_loop(saver: &Saver, keys: &[Instant], end: Instant) {
    let mut next = 0;
    let mut now = keys.first().copied().unwrap_or(end);
    while now <= end {
        while next < keys.len() && keys[next] <= now {
            saver.moved(keys[next], at(next * 10));
            next += 1;
        }
        assert!(saver.save_if_due(now).is_empty());
        let wake = [saver.deadline(), keys.get(next).copied()]
            .into_iter()
            .flatten()
            .min();
        match wake {
            Some(wake) => now = wake.max(now),
            None => break,
        }
    }
}

#[test]
fn the_debounce_waits_for_a_pause_but_not_past_the_cap() {
    let t0 = Instant::now();
    let mut debounce = Debounce::default();
    assert_eq!(debounce.deadline(), None);
    debounce.changed(t0);
    assert_eq!(debounce.deadline(), Some(t0 + QUIET));
    debounce.changed(t0 + Duration::from_millis(600));
    assert_eq!(debounce.deadline(), Some(t0 + MAX_WAIT), "capped");
    assert!(!debounce.is_due(t0 + Duration::from_millis(999)));
    assert!(debounce.is_due(t0 + MAX_WAIT));
    debounce.clear();
    assert!(!debounce.is_pending() && debounce.deadline().is_none());
}

/// `count` moves, one every `every`, through the loop above in a fresh
/// folder: how many writes they made, and the position saved.
fn moves_then_writes(count: u32, every: Duration) -> (u64, Option<usize>) {
    let dir = tempfile::tempdir().unwrap();
    let (saver, _) = saver_in(dir.path());
    let t0 = Instant::now();
    let keys: Vec<Instant> = (0..count).map(|n| t0 + every * n).collect();
    let end = t0 + every * count + Duration::from_secs(5);
    run_loop(&saver, &keys, end);
    let (_, saved) = open(dir.path());
    (saver.writes(), saved.position("a1"))
}

/// 5,000 `j` at once (a key-repeat flood written to the pty in one go):
/// one write, half a second after the last.
#[test]
fn a_flood_of_5000_moves_is_written_once() {
    let (writes, saved) = moves_then_writes(5000, Duration::from_micros(50));
    assert_eq!(writes, 1);
    assert_eq!(saved, Some(4999 * 10), "the last place");
}

/// `j` held for ten seconds at 30 repeats a second: a write about every
/// second while it is held (so a kill loses at most that), and one more
/// after it is released.
#[test]
fn a_held_key_writes_about_once_a_second() {
    let (writes, saved) = moves_then_writes(300, Duration::from_millis(33));
    assert!(
        (9..=12).contains(&writes),
        "{writes} writes for 10 s of key repeat"
    );
    assert_eq!(saved, Some(299 * 10));
}

#[test]
fn a_pause_is_written_within_a_second_and_nothing_is_written_twice() {
    let dir = tempfile::tempdir().unwrap();
    let (saver, _) = saver_in(dir.path());
    let t0 = Instant::now();
    saver.moved(t0, at(120));
    assert!(saver.deadline().unwrap() <= t0 + Duration::from_secs(1));
    saver.save_if_due(t0 + Duration::from_millis(100));
    assert_eq!(saver.writes(), 0, "not yet");
    saver.save_if_due(saver.deadline().unwrap());
    assert_eq!(saver.writes(), 1);
    assert_eq!(open(dir.path()).1.position("a1"), Some(120));
    // The same place again is not a change.
    saver.moved(t0 + Duration::from_secs(2), at(120));
    assert_eq!(saver.deadline(), None);
    saver.flush();
    assert_eq!(saver.writes(), 1);
}

#[test]
fn a_preview_sets_the_last_open_article_but_leaves_no_record() {
    let dir = tempfile::tempdir().unwrap();
    let (saver, _) = saver_in(dir.path());
    let preview = Place {
        position: None,
        ..at(0)
    };
    saver.moved(Instant::now(), preview);
    saver.flush();
    let (_, saved) = open(dir.path());
    assert!(saved.articles.is_empty());
    assert_eq!(saved.last.unwrap().article.as_deref(), Some("a1"));
}

/// The app stages its whole state on a mark; the open article's newest
/// place is applied over it even though the app's copy lacks it.
#[test]
fn a_staged_state_keeps_the_newer_place() {
    let dir = tempfile::tempdir().unwrap();
    let (saver, mut state) = saver_in(dir.path());
    let t0 = Instant::now();
    saver.moved(t0, at(300));
    state.toggle_star("a1");
    state.toggle_star("b2");
    saver.stage(t0, &state);
    saver.flush();
    let (_, saved) = open(dir.path());
    assert!(saved.is_starred("a1") && saved.is_starred("b2"));
    assert_eq!(saved.position("a1"), Some(300));
    let record = &saved.articles["a1"];
    assert_eq!(record.issue.as_deref(), Some("courier.md"));
    assert_eq!(record.headline.as_deref(), Some("Tram line approved"));
}
