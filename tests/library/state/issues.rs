//! Per issue: new since last time, unread counts, marking a whole issue.

use broadsheet::store::{ReadBy, State, per_paper};

#[test]
fn the_first_run_marks_nothing_new_and_later_arrivals_are_new_for_one_run() {
    let mut state = State::default();
    // Run 1 (the first, or the upgrade from version 1): nothing is "new".
    let run1 = 1_000;
    assert!(state.note_issues(["a.md", "b.md"], run1));
    assert!(!state.is_new_issue("a.md", run1));
    // Run 2 lists one more; it is new in run 2, including after a reload.
    let run2 = 2_000;
    assert!(state.note_issues(["a.md", "b.md", "c.md"], run2));
    assert!(
        !state.note_issues(["a.md", "b.md", "c.md"], run2 + 5),
        "known now"
    );
    assert!(state.is_new_issue("c.md", run2));
    assert!(!state.is_new_issue("a.md", run2));
    state.note_issues(["d.md"], run2 + 60_000);
    assert!(
        state.is_new_issue("d.md", run2),
        "arrived by a reload in run 2"
    );
    // Run 3: neither is new any more.
    let run3 = 100_000;
    assert!(!state.is_new_issue("c.md", run3) && !state.is_new_issue("d.md", run3));
    assert!(!state.is_new_issue("never-listed.md", 0));
}

#[test]
fn two_instances_agree_on_the_earliest_sighting() {
    let mut a = State::default();
    a.note_issues(["old.md"], 1);
    let mut b = a.clone();
    a.note_issues(["new.md"], 500);
    b.note_issues(["new.md"], 700);
    let merged = State::merged(&a, &b);
    assert_eq!(merged.issues["new.md"].first_seen, 500);
    assert_eq!(merged, State::merged(&b, &a));
    // B started at 600, after A saw it: not new to B's next run.
    assert!(!merged.is_new_issue("new.md", 600));
}

fn placed_read(state: &mut State, id: &str, issue: &str) {
    state.mark(id, true, ReadBy::Auto);
    state.set_place(id, issue, id);
}

#[test]
fn unread_counts_per_issue_and_per_paper() {
    let mut state = State::default();
    placed_read(&mut state, "x1", "courier/03-12.md");
    placed_read(&mut state, "x2", "courier/03-12.md");
    placed_read(&mut state, "y1", "courier/03-13.md");
    state.mark("y1", false, ReadBy::Hand);
    placed_read(&mut state, "z1", "daily/03-12.md");
    let issues = [
        ("courier/03-12.md", 5),
        ("courier/03-13.md", 4),
        ("daily/03-12.md", 1),
        ("daily/03-13.md", 0),
    ];
    let unread = state.unread_counts(issues);
    assert_eq!(unread, [3, 4, 0, 0]);
    let papers = ["Courier", "Courier", "Daily", "Daily"];
    let rows = (papers.iter().zip(&unread).zip(&issues)).map(|((p, u), (_, n))| (*p, *u, *n));
    let by_paper = per_paper(rows);
    assert_eq!(by_paper["Courier"], (7, 9));
    assert_eq!(by_paper["Daily"], (0, 1));
}

#[test]
fn marking_an_issue_read_is_by_hand_and_undo_restores_each_article() {
    let mut state = State::default();
    state.mark("auto-read", true, ReadBy::Auto);
    state.mark("hand-unread", true, ReadBy::Hand);
    state.mark("hand-unread", false, ReadBy::Hand);
    let ids = ["auto-read", "hand-unread", "untouched"];
    let bulk = state.mark_all(ids, true);
    assert_eq!(bulk.len(), 3, "the automatic read becomes the reader's too");
    assert!(
        ids.iter()
            .all(|id| state.is_read(id) && state.has_hand_mark(id))
    );
    let before_undo = state.clone();
    assert_eq!(state.undo_bulk(bulk), 3);
    assert_eq!(state.read_by("auto-read"), Some(ReadBy::Auto));
    assert!(state.is_read("auto-read"));
    assert!(!state.is_read("hand-unread") && state.has_hand_mark("hand-unread"));
    assert!(!state.is_read("untouched") && !state.has_hand_mark("untouched"));
    assert!(
        state.mark_automatically("untouched"),
        "open to the rules again"
    );
    // The undo is newer than the bulk mark, so it also wins a merge with a
    // copy (another instance, the file) that saw the bulk mark.
    let merged = State::merged(&before_undo, &state);
    assert!(!merged.is_read("hand-unread"));
}

#[test]
fn undo_keeps_an_article_marked_again_since() {
    let mut state = State::default();
    let bulk = state.mark_all(["a", "b"], true);
    state.mark("b", true, ReadBy::Auto);
    state.mark("b", false, ReadBy::Hand);
    state.mark("b", true, ReadBy::Hand);
    assert_eq!(state.undo_bulk(bulk), 1);
    assert!(!state.is_read("a"));
    assert!(state.is_read("b"), "the reader's later mark stands");
}

#[test]
fn marking_an_issue_that_is_all_read_changes_nothing() {
    let mut state = State::default();
    state.mark_all(["a"], true);
    let again = state.mark_all(["a"], true);
    assert!(again.is_empty());
}
