//! Reading state through `update` (issue 10): the `mark_read` rule on the
//! article open in the Article pane (never a preview), hand marks that win,
//! `A` and its undo, `U`, unread counts and the new-issue marker.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::marks::{library_dirs, quit, start};
use crate::screen_support;

use std::time::Instant;

use broadsheet::app::{App, Pane};
use broadsheet::config::Config;
use broadsheet::library::Library;
use broadsheet::store::{MarkRead, OPEN_DWELL, ReadBy, State};
use broadsheet::typeset::AmbiguousWidth;
use screen_support::*;

fn app_ruled(rule: MarkRead, width: u16, height: u16) -> App {
    let config = Config {
        mark_read: rule,
        ..Config::default()
    };
    let library = Library::sample();
    let mut app = App::new(library, &config, State::default(), AmbiguousWidth::Narrow);
    resize(&mut app, width, height);
    app
}

fn ids(app: &App) -> Vec<String> {
    let issue = app.current_issue().unwrap();
    issue.articles.iter().map(|a| a.id.clone()).collect()
}

fn read_count(app: &App) -> usize {
    ids(app).iter().filter(|id| app.state().is_read(id)).count()
}

/// The dwell passes with the article open: a tick now and one when due.
fn stay(app: &mut App) {
    let now = Instant::now();
    send(app, Msg::Tick(now));
    send(app, Msg::Tick(now + OPEN_DWELL));
}

#[test]
fn a_preview_is_never_read_however_tall_the_terminal_or_long_the_stay() {
    for rule in [MarkRead::End, MarkRead::Open] {
        let mut app = app_ruled(rule, 200, 50);
        assert_eq!(app.mark_read(), rule);
        for key in ["j", "j", "j", "k", "k", "k"] {
            press(&mut app, key);
            stay(&mut app);
        }
        assert_eq!(app.focus(), Pane::Headlines);
        assert_eq!(read_count(&app), 0, "{rule}");
        assert_eq!(app.next_deadline(), None, "a preview waits for nothing");
    }
}

#[test]
fn end_marks_when_the_reader_moves_to_the_end_not_by_opening_there() {
    let mut app = app_ruled(MarkRead::End, 100, 30);
    press_all(&mut app, &["J", "l"]);
    let id = app.current_article().unwrap().id.clone();
    assert!(!app.state().is_read(&id), "opened, not read");
    press(&mut app, "G");
    assert!(app.state().is_read(&id), "moved to its end");
    assert_eq!(app.state().read_by(&id), Some(ReadBy::Auto));
}

#[test]
fn open_marks_after_the_dwell_and_manual_never() {
    let mut app = app_ruled(MarkRead::Open, 100, 30);
    press(&mut app, "l");
    let id = app.current_article().unwrap().id.clone();
    let now = Instant::now();
    send(&mut app, Msg::Tick(now));
    assert_eq!(app.next_deadline(), Some(now + OPEN_DWELL));
    send(&mut app, Msg::Tick(now + OPEN_DWELL / 2));
    assert!(!app.state().is_read(&id), "not yet");
    send(&mut app, Msg::Tick(now + OPEN_DWELL));
    assert!(app.state().is_read(&id), "open long enough");
    // J J J flicks through without marking.
    for _ in 0..2 {
        press(&mut app, "J");
        send(&mut app, Msg::Tick(now + OPEN_DWELL));
    }
    assert_eq!(read_count(&app), 1);

    let mut app = app_ruled(MarkRead::Manual, 100, 30);
    press_all(&mut app, &["l", "G", "space"]);
    stay(&mut app);
    assert_eq!(read_count(&app), 0, "manual: only m marks");
    press(&mut app, "m");
    assert_eq!(read_count(&app), 1);
}

#[test]
fn a_hand_mark_wins_over_the_rule_until_changed_again() {
    let mut app = app_ruled(MarkRead::End, 100, 30);
    press_all(&mut app, &["J", "l", "G"]);
    let id = app.current_article().unwrap().id.clone();
    assert!(app.state().is_read(&id));
    press(&mut app, "m");
    assert_eq!(app.notice(), Some("marked unread"));
    assert_eq!(app.state().read_by(&id), Some(ReadBy::Hand));
    press_all(&mut app, &["J", "K"]);
    stay(&mut app);
    press_all(&mut app, &["g", "G"]);
    assert!(!app.state().is_read(&id), "unread by hand stays unread");
    press(&mut app, "m");
    assert!(app.state().is_read(&id));
    assert_eq!(app.state().read_by(&id), Some(ReadBy::Hand));
}

#[test]
fn paging_past_the_end_reads_a_short_article() {
    let mut app = fixture_app(60, 200);
    press(&mut app, "enter");
    let first = app.current_article().unwrap().id.clone();
    assert!(app.view().unwrap().end_visible(), "fits on the screen");
    press(&mut app, "space");
    assert_eq!(app.article(), 1, "on to the next");
    assert!(app.state().is_read(&first), "paged through its end");
}

#[test]
fn a_marks_the_whole_issue_and_a_again_undoes_it() {
    let mut app = app_ruled(MarkRead::End, 120, 40);
    press_all(&mut app, &["J", "m", "K"]);
    assert_eq!(read_count(&app), 1);
    assert_eq!(app.unread_in(0), Some(3));
    press(&mut app, "A");
    assert_eq!(read_count(&app), 4);
    assert_eq!(
        app.notice(),
        Some("marked 3 articles read (A again undoes)")
    );
    assert_eq!(app.unread_in(0), Some(0));
    assert!(show(&app).contains("4/4 read"), "{}", show(&app));
    press(&mut app, "A");
    assert_eq!(read_count(&app), 1, "the one read by hand stays read");
    assert_eq!(app.notice(), Some("undone: 3 articles are as they were"));
    assert!(show(&app).contains("3/4 unread"), "{}", show(&app));
    // Marked again, then each one by hand: nothing is left for A to do.
    press(&mut app, "A");
    press(&mut app, "A");
    for article in 0..4 {
        if !app.state().is_read(&ids(&app)[article]) {
            press_all(&mut app, &["g"]);
            for _ in 0..article {
                press(&mut app, "j");
            }
            press(&mut app, "m");
        }
    }
    press(&mut app, "A");
    assert_eq!(
        app.notice(),
        Some("every article of this issue is read already")
    );
}

#[test]
fn u_goes_to_the_next_issue_with_unread_articles() {
    let dirs = library_dirs(4);
    let mut app = start(&dirs, 120, 40);
    // Newest first; read the whole first and second issues.
    press(&mut app, "A");
    press_all(&mut app, &["J", "J", "J"]);
    assert_eq!(app.issue(), 1);
    press(&mut app, "A");
    press_all(&mut app, &["i", "g"]);
    assert_eq!(app.issue(), 0);
    press(&mut app, "U");
    assert_eq!((app.issue(), app.article()), (2, 0), "1 is read: skipped");
    press_all(&mut app, &["A", "U"]);
    assert_eq!(app.issue(), 3);
    press_all(&mut app, &["A", "U"]);
    assert_eq!(app.notice(), Some("no other issue has unread articles"));
}

#[test]
fn counts_come_from_the_cache_and_the_state_without_parsing() {
    let dirs = library_dirs(3);
    let mut app = start(&dirs, 120, 40);
    press_all(&mut app, &["J", "J", "J", "m", "J", "m"]);
    assert_eq!(app.issue(), 1);
    quit(app, &dirs.state);

    let mut app = start(&dirs, 120, 40);
    let parsed: Vec<usize> = (0..3).filter(|&i| app.parsed(i).is_some()).collect();
    assert_eq!(parsed, [1], "only the last open issue is parsed");
    assert_eq!(app.unread_in(0), Some(3), "from the header cache");
    assert_eq!(app.unread_in(1), Some(1));
    assert_eq!(app.unread_in(2), None, "never parsed: no count yet");
    assert_eq!(app.unread_in_paper(0..2), Some(4));
    assert_eq!(app.unread_in_paper(0..3), None);
    press(&mut app, "i");
    let screen = show(&app);
    assert!(screen.contains("3/3 unread"), "{screen}");
    assert!(screen.contains("1/3 unread"), "{screen}");
    assert_eq!(
        (0..3).filter(|&i| app.parsed(i).is_some()).count(),
        1,
        "drawing the counts parsed nothing"
    );
}

#[test]
fn issues_that_arrived_since_the_last_run_are_marked_new() {
    let dirs = library_dirs(2);
    let app = start(&dirs, 120, 40);
    assert!(!app.is_new_issue(0) && !app.is_new_issue(1), "first run");
    quit(app, &dirs.state);
    let text = "# 测试日报\n\n2022年3月9日 星期三\n\n## 新的一篇\n\n正文。\n";
    std::fs::write(dirs.issues.join("ceshi-2022-03-09.md"), text).unwrap();
    let mut app = start(&dirs, 120, 40);
    assert!(app.is_new_issue(0), "the issue that arrived (newest first)");
    assert!(!app.is_new_issue(1) && !app.is_new_issue(2));
    press(&mut app, "i");
    let screen = show(&app);
    let new_rows: Vec<&str> = screen.lines().filter(|l| l.contains(" new ")).collect();
    assert_eq!(new_rows.len(), 1, "{screen}");
    assert!(new_rows[0].contains("new 2022-03-09"), "{screen}");
    quit(app, &dirs.state);
    let app = start(&dirs, 120, 40);
    assert!(!app.is_new_issue(0), "new once: not at the next start");
}
