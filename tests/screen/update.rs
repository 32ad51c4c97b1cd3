//! `update` without a terminal: actions → focus, selection, scroll, reading
//! state; a resize keeps the reading position.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::screen_support;

use broadsheet::app::{Action, App, Effect, Overlay, Pane};
use broadsheet::layout::Role;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use screen_support::*;

fn top(app: &App) -> usize {
    app.view().expect("an article view").top
}

fn current_id(app: &App) -> String {
    app.current_article().expect("an article").id.clone()
}

#[test]
fn starts_on_headlines_with_the_first_article_previewed() {
    let app = fixture_app(120, 40);
    assert_eq!(app.focus(), Pane::Headlines);
    assert_eq!((app.issue(), app.article()), (0, 0));
    let view = app.view().expect("the article pane shows the selection");
    assert_eq!((view.issue, view.article, view.top), (0, 0, 0));
    assert_eq!(view.layout.lines[0].role, Role::Headline);
}

#[test]
fn moving_the_selection_previews_the_article() {
    let mut app = fixture_app(120, 40);
    press(&mut app, "j");
    assert_eq!(app.article(), 1);
    assert_eq!(app.view().map(|v| v.article), Some(1));
    press_all(&mut app, &["down", "down", "down", "down"]);
    assert_eq!(app.article(), 3, "the selection stops at the last article");
    press(&mut app, "g");
    assert_eq!(app.article(), 0);
    press(&mut app, "G");
    assert_eq!(app.article(), 3);
    press(&mut app, "k");
    assert_eq!(app.article(), 2);
}

#[test]
fn focus_moves_with_tab_arrows_and_enter() {
    let mut app = fixture_app(120, 40);
    press(&mut app, "tab");
    assert_eq!(app.focus(), Pane::Article);
    press(&mut app, "tab");
    assert_eq!(app.focus(), Pane::Issues);
    press(&mut app, "shift-tab");
    assert_eq!(app.focus(), Pane::Article);
    press(&mut app, "h");
    assert_eq!(app.focus(), Pane::Headlines);
    press(&mut app, "left");
    assert_eq!(app.focus(), Pane::Issues);
    press(&mut app, "enter");
    assert_eq!(app.focus(), Pane::Headlines);
    press(&mut app, "enter");
    assert_eq!(app.focus(), Pane::Article);
    press(&mut app, "esc");
    assert_eq!(app.focus(), Pane::Headlines);
    press(&mut app, "l");
    assert_eq!(app.focus(), Pane::Article);
}

#[test]
fn the_article_scrolls_by_line_page_and_half_page() {
    let mut app = fixture_app(80, 24);
    press(&mut app, "enter");
    assert_eq!(app.focus(), Pane::Article);
    let height = app.view().map(|v| v.height).unwrap_or_default();
    assert!(height > 10, "body height {height}");
    press(&mut app, "j");
    assert_eq!(top(&app), 1);
    press(&mut app, "k");
    assert_eq!(top(&app), 0);
    press(&mut app, "space");
    assert_eq!(top(&app), height - 1, "a page keeps one line of context");
    press(&mut app, "b");
    assert_eq!(top(&app), 0);
    press(&mut app, "ctrl-d");
    assert_eq!(top(&app), height / 2);
    press(&mut app, "ctrl-u");
    assert_eq!(top(&app), 0);
    press(&mut app, "End");
    let max = app.view().map(|v| v.max_top()).unwrap_or_default();
    assert_eq!(top(&app), max);
    press(&mut app, "j");
    assert_eq!(top(&app), max, "no scrolling past the end");
    press(&mut app, "Home");
    assert_eq!(top(&app), 0);
    press(&mut app, "k");
    assert_eq!(top(&app), 0);
}

#[test]
fn page_down_at_the_end_turns_to_the_next_article() {
    let mut app = fixture_app(80, 24);
    press_all(&mut app, &["enter", "G"]);
    assert_eq!(app.article(), 0);
    press(&mut app, "space");
    assert_eq!((app.article(), top(&app)), (1, 0));
}

#[test]
fn next_and_previous_article_work_from_any_pane() {
    let mut app = fixture_app(120, 40);
    for pane_key in ["h", "l", "l"] {
        press(&mut app, pane_key);
        let before = app.article();
        press(&mut app, "J");
        assert_eq!(
            app.article(),
            (before + 1).min(3),
            "J from {:?}",
            app.focus()
        );
        press(&mut app, "K");
        assert_eq!(app.article(), before, "K from {:?}", app.focus());
        press(&mut app, "J");
    }
}

/// The line holding the reading position is on screen: on top, unless the
/// end of the article came first.
fn assert_anchor_on_screen(app: &App, anchor: usize, context: &str) {
    let view = app.view().expect("a view");
    let article = app.current_article().expect("an article");
    assert_eq!(view.anchor, anchor, "{context}: the position moved");
    let line = view.layout.line_at_offset(article, anchor);
    assert!(view.layout.source_offset(article, line) <= anchor);
    if view.top != view.max_top() {
        assert_eq!(view.top, line, "{context}: the anchor's line is not on top");
    }
    assert!(
        (view.top..view.top + view.height).contains(&line),
        "{context}: line {line} is off screen (top {}, height {})",
        view.top,
        view.height
    );
}

#[test]
fn resize_keeps_the_first_visible_sentence_on_screen() {
    let mut app = fixture_app(120, 40);
    press(&mut app, "enter");
    press_all(&mut app, &["j"; 23]);
    let anchor = app.view().unwrap().anchor;
    let first = app
        .view()
        .unwrap()
        .layout
        .source_offset(app.current_article().unwrap(), 0);
    assert!(anchor > first, "scrolled into the body");
    for (width, height) in [
        (80, 24),
        (60, 20),
        (200, 50),
        (100, 30),
        (1, 1),
        (0, 0),
        (120, 40),
    ] {
        resize(&mut app, width, height);
        assert_anchor_on_screen(&app, anchor, &format!("{width}×{height}"));
    }
}

#[test]
fn leaving_an_article_saves_its_position_and_coming_back_restores_it() {
    let mut app = fixture_app(80, 24);
    press(&mut app, "enter");
    press_all(&mut app, &["j"; 12]);
    let id = current_id(&app);
    let anchor = app.view().unwrap().anchor;
    let j = broadsheet::keys::parse_key("J").unwrap();
    let effects = send_only(&mut app, Msg::Key(j));
    send(&mut app, Msg::Frame);
    assert_eq!(
        app.state().position(&id),
        Some(anchor),
        "position saved on leaving"
    );
    assert!(effects.stages_state());
    assert!(
        !send_only(&mut app, Msg::Frame).stages_state(),
        "reported once"
    );
    press(&mut app, "K");
    assert_eq!(current_id(&app), id);
    assert_anchor_on_screen(&app, anchor, "back");
    assert_eq!(top(&app), 12);
}

#[test]
fn quitting_saves_the_position_and_says_quit() {
    let mut app = fixture_app(80, 24);
    press_all(&mut app, &["enter", "j", "j", "j"]);
    let id = current_id(&app);
    assert_eq!(press(&mut app, "q"), Effect::Quit);
    assert!(app.state().position(&id).is_some());
    assert_eq!(press(&mut app, "ctrl-c"), Effect::Quit);
    assert_eq!(press(&mut app, "ctrl-z"), Effect::Suspend);
}

#[test]
fn key_releases_are_ignored() {
    let mut app = fixture_app(80, 24);
    let release = KeyEvent::new_with_kind(
        KeyCode::Char('j'),
        KeyModifiers::NONE,
        KeyEventKind::Release,
    );
    assert_eq!(send_key(&mut app, release), Effect::None);
    assert_eq!(app.article(), 0);
    let q = KeyEvent::new_with_kind(
        KeyCode::Char('q'),
        KeyModifiers::NONE,
        KeyEventKind::Release,
    );
    assert_eq!(send_key(&mut app, q), Effect::None);
}

#[test]
fn an_article_is_read_once_its_end_has_been_on_screen() {
    let mut app = fixture_app(80, 24);
    let id = current_id(&app);
    assert!(!app.state().is_read(&id));
    press_all(&mut app, &["enter", "space"]);
    assert!(!app.state().is_read(&id), "not yet at the end");
    press(&mut app, "G");
    assert!(app.state().is_read(&id));
    press(&mut app, "m");
    assert!(!app.state().is_read(&id), "m makes it unread again");
    press(&mut app, "k");
    assert!(
        !app.state().is_read(&id),
        "and it stays unread while still open"
    );
    press(&mut app, "m");
    assert!(app.state().is_read(&id));
}

#[test]
fn the_end_must_be_on_screen_not_just_selected() {
    // One pane at a time: with Headlines shown, the article is not on screen.
    let mut app = fixture_app(60, 200);
    let id = current_id(&app);
    assert!(!app.state().is_read(&id));
    press(&mut app, "enter");
    assert!(
        !app.state().is_read(&id),
        "shown whole, but only just opened"
    );
    let opened = std::time::Instant::now();
    send(&mut app, Msg::Tick(opened));
    let due = app.next_deadline().expect("the dwell is waited for");
    assert_eq!(due, opened + broadsheet::store::OPEN_DWELL);
    send(&mut app, Msg::Tick(due));
    assert!(
        app.state().is_read(&id),
        "a short article is read once it stayed open"
    );
    assert_eq!(app.next_deadline(), None, "nothing more to wait for");
}

#[test]
fn star_and_starred_list_across_the_library() {
    let mut app = fixture_app(120, 40);
    press(&mut app, "s");
    press_all(&mut app, &["j", "j", "s"]);
    assert_eq!(app.notice(), Some("starred"));
    press(&mut app, "S");
    assert_eq!(app.overlay(), Some(Overlay::Starred));
    let starred: Vec<_> = app.starred().iter().map(|s| s.id.clone()).collect();
    let ids = [0, 2].map(|i| app.article_at(0, i).unwrap().id.clone());
    assert_eq!(starred, ids, "in paper order");
    assert_eq!(app.overlay_line(), 1, "the current article is selected");
    press_all(&mut app, &["k", "enter"]);
    assert_eq!(app.overlay(), None);
    assert_eq!((app.article(), app.focus()), (0, Pane::Article));
    press_all(&mut app, &["s", "S"]);
    assert_eq!(app.starred().len(), 1);
    press(&mut app, "esc");
    assert_eq!(app.overlay(), None);
}

#[test]
fn next_unread_skips_read_articles_and_wraps() {
    // 60 columns: one pane at a time, so only what is opened gets read.
    let mut app = fixture_app(60, 20);
    let ids: Vec<String> = (0..4)
        .map(|i| app.article_at(0, i).unwrap().id.clone())
        .collect();
    press_all(&mut app, &["j", "m", "k"]);
    assert!(app.state().is_read(&ids[1]));
    press(&mut app, "u");
    assert_eq!(app.article(), 2, "article 1 is read: skipped");
    press_all(&mut app, &["G", "m"]);
    assert_eq!(app.article(), 3);
    press(&mut app, "u");
    assert_eq!(app.article(), 0, "wraps round to the first unread");
    press_all(&mut app, &["m", "u"]);
    assert_eq!(app.article(), 2);
    press_all(&mut app, &["m", "u"]);
    assert_eq!(app.notice(), Some("no unread article"));
    assert!(ids.iter().all(|id| app.state().is_read(id)));
}

#[test]
fn overlays_open_close_and_swallow_pane_keys() {
    let mut app = fixture_app(80, 24);
    press(&mut app, "?");
    assert_eq!(app.overlay(), Some(Overlay::Help));
    press(&mut app, "J");
    assert_eq!(
        app.article(),
        0,
        "keys under an overlay do not reach the panes"
    );
    press(&mut app, "!");
    assert_eq!(app.overlay(), Some(Overlay::Log));
    press(&mut app, "!");
    assert_eq!(app.overlay(), None);
    press_all(&mut app, &["?", "esc"]);
    assert_eq!(app.overlay(), None);
    assert_eq!(app.focus(), Pane::Headlines, "Esc closed the overlay only");
}

#[test]
fn q_closes_an_overlay_before_it_quits() {
    let mut app = fixture_app(80, 24);
    for overlay in ["?", "!", "S", "L"] {
        press(&mut app, overlay);
        assert!(app.overlay().is_some(), "{overlay} opens an overlay");
        assert_eq!(press(&mut app, "q"), Effect::None, "q in {overlay}");
        assert_eq!(app.overlay(), None);
    }
    press(&mut app, "?");
    assert_eq!(press(&mut app, "ctrl-c"), Effect::None);
    assert_eq!(press(&mut app, "q"), Effect::Quit);
}

#[test]
fn stepping_past_either_end_says_so() {
    let mut app = fixture_app(80, 24);
    press(&mut app, "K");
    assert_eq!(app.notice(), Some("first article of the library"));
    press_all(
        &mut app,
        &["J", "J", "J", "J", "J", "J", "J", "J", "J", "J"],
    );
    assert_eq!(app.notice(), Some("last article of the library"));
    press(&mut app, "k");
    assert_eq!(app.notice(), None);
}

#[test]
fn ctrl_l_asks_for_a_full_redraw() {
    let mut app = fixture_app(80, 24);
    assert_eq!(press(&mut app, "ctrl-l"), Effect::Redraw);
}

#[test]
fn start_up_messages_are_announced_in_the_status_bar_until_a_key() {
    let mut app = fixture_app(80, 24);
    send(&mut app, Msg::Announce);
    assert_eq!(app.notice(), None, "nothing to announce");
    send_log(&mut app, "state.json was damaged: moved aside".to_owned());
    send(&mut app, Msg::Announce);
    assert_eq!(
        app.notice(),
        Some("1 message (! shows it): state.json was damaged: moved aside")
    );
    send_log(&mut app, "x.md: not text".to_owned());
    send(&mut app, Msg::Announce);
    assert!(
        app.notice()
            .unwrap()
            .starts_with("2 messages (! lists them): state.json")
    );
    press(&mut app, "j");
    assert_eq!(app.notice(), None);
}

#[test]
fn messages_reach_the_log() {
    let mut app = fixture_app(80, 24);
    send_log(&mut app, "state.json: kept in memory only".to_owned());
    assert!(app.messages().iter().any(|m| m.contains("state.json")));
}

#[test]
fn one_pane_layout_goes_right_with_enter_and_back_with_esc() {
    let mut app = fixture_app(60, 20);
    assert_eq!(app.focus(), Pane::Headlines);
    press(&mut app, "enter");
    assert_eq!(app.focus(), Pane::Article);
    press(&mut app, "esc");
    assert_eq!(app.focus(), Pane::Headlines);
    press(&mut app, "h");
    assert_eq!(app.focus(), Pane::Issues);
    press(&mut app, "enter");
    assert_eq!(app.focus(), Pane::Headlines);
}

#[test]
fn two_pane_layout_reaches_the_issues_pane() {
    let mut app = fixture_app(100, 30);
    assert!(!app.issues_shown());
    press(&mut app, "i");
    assert!(app.issues_shown());
    assert_eq!(app.focus(), Pane::Issues);
    press(&mut app, "i");
    assert!(!app.issues_shown());
    assert_eq!(app.focus(), Pane::Headlines);
    press(&mut app, "h");
    assert!(app.issues_shown(), "focusing Issues shows it");
    press_all(&mut app, &["l", "l"]);
    assert!(!app.issues_shown(), "focusing the Article hides it again");
}

#[test]
fn i_twice_goes_back_to_the_pane_it_left_at_every_width() {
    for (width, height) in [(60, 20), (100, 30), (140, 40)] {
        let mut app = fixture_app(width, height);
        press(&mut app, "enter");
        if app.focus() != Pane::Article {
            press(&mut app, "l");
        }
        assert_eq!(app.focus(), Pane::Article, "{width}");
        press(&mut app, "i");
        assert_eq!(app.focus(), Pane::Issues, "{width}");
        press(&mut app, "i");
        assert_eq!(
            app.focus(),
            Pane::Article,
            "{width}: back where i was pressed"
        );
    }
}

#[test]
fn update_is_the_mutator_the_keys_go_through() {
    let mut app = fixture_app(80, 24);
    assert_eq!(send_action(&mut app, Action::NextArticle), Effect::None);
    assert_eq!(app.article(), 1);
    assert_eq!(send_action(&mut app, Action::Quit), Effect::Quit);
}

#[test]
fn the_real_sample_opens_on_its_first_article() {
    let app = sample_app(100, 30);
    let issue = app.current_issue().expect("the sample is parsed on start");
    assert_eq!(issue.articles.len(), 4);
    assert!(
        issue.articles[0]
            .headline
            .starts_with("蔡奇在城市副中心调研")
    );
    assert!(app.view().is_some());
}

#[test]
fn the_last_open_article_and_its_position_come_back() {
    let mut app = sample_app(80, 24);
    press_all(&mut app, &["J", "J", "l", "j", "j", "j"]);
    let (article, anchor) = (app.article(), app.view().unwrap().anchor);
    assert_eq!(press(&mut app, "q"), Effect::Quit);
    let state = app.state().clone();
    let again = app_with(state, 80, 24, broadsheet::typeset::AmbiguousWidth::Narrow);
    assert_eq!(again.article(), article);
    assert_eq!(
        again.focus(),
        Pane::Headlines,
        "start-up focus is Headlines"
    );
    assert_anchor_on_screen(&again, anchor, "restart");
}

#[test]
fn decoding_and_reading_problems_reach_the_log_overlay() {
    use broadsheet::library::{Library, LibraryOptions};
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad-2024-03-08.md");
    std::fs::write(&bad, b"# Paper\n\n## Headline\n\nBody \xff text.\n").unwrap();
    let library = Library::open(&[bad], &LibraryOptions::default());
    let config = broadsheet::config::Config::default();
    let state = broadsheet::store::State::default();
    let narrow = broadsheet::typeset::AmbiguousWidth::Narrow;
    let mut app = App::new(library, &config, state, narrow);
    resize(&mut app, 100, 30);
    assert!(
        app.messages()
            .iter()
            .any(|m| m.contains("bad-2024-03-08.md")),
        "{:?}",
        app.messages()
    );
    press(&mut app, "!");
    let screen = show(&app);
    assert!(screen.contains("bad-2024-03-08.md"), "{screen}");
}

#[test]
fn an_empty_library_takes_every_key_without_panic() {
    use broadsheet::library::{Library, LibraryOptions};
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&[dir.path().to_path_buf()], &LibraryOptions::default());
    let config = broadsheet::config::Config::default();
    let state = broadsheet::store::State::default();
    let narrow = broadsheet::typeset::AmbiguousWidth::Narrow;
    let mut app = App::new(library, &config, state, narrow);
    for (width, height) in [(120, 40), (80, 24), (40, 10)] {
        resize(&mut app, width, height);
        for &action in Action::ALL {
            if !matches!(action, Action::Quit | Action::Suspend) {
                step(&mut app, action);
                step(&mut app, Action::Back);
            }
            screen_text(&draw(&app));
        }
    }
    let screen = show(&app);
    assert!(
        screen.contains("No articles") || screen.contains("No issues"),
        "{screen}"
    );
}

#[test]
fn coming_back_to_an_article_reuses_its_layout() {
    let mut app = sample_app(100, 30);
    let first = app.view().expect("a view").layout.clone();
    assert!(app.layouts().is_empty());
    press(&mut app, "J");
    assert_eq!(app.layouts().len(), 1, "the article left is kept");
    press(&mut app, "K");
    assert_eq!(app.article(), 0);
    assert_eq!(app.view().unwrap().layout, first);
    assert_eq!(
        app.layouts().len(),
        1,
        "taken back out; the second article is kept instead"
    );
    resize(&mut app, 80, 30);
    press(&mut app, "J");
    press(&mut app, "K");
    let narrower = &app.view().unwrap().layout;
    assert_ne!(
        narrower.width, first.width,
        "a kept layout is only reused at its own width"
    );
}
