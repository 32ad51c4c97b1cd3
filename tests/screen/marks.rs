//! Stars and read marks across a library of several files: `S` lists and
//! `u` skips from the reading state alone, parsing only the issue it opens;
//! a batch of keys lays out only the article the frame draws.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::screen_support;

use std::path::{Path, PathBuf};

use broadsheet::app::{App, Overlay, Pane};
use broadsheet::config::Config;
use broadsheet::library::{Library, LibraryOptions};
use broadsheet::store::{ArticleState, State, Store};
use broadsheet::typeset::AmbiguousWidth;
use screen_support::*;

/// Folders for one test: the issues, the header cache, the state.
pub(crate) struct Dirs {
    _root: tempfile::TempDir,
    pub(crate) issues: PathBuf,
    cache: PathBuf,
    pub(crate) state: PathBuf,
}

/// `count` issues of one paper, three articles each, on 2022-03-01…;
/// the library lists them newest first.
pub(crate) fn library_dirs(count: u32) -> Dirs {
    let root = tempfile::tempdir().unwrap();
    let [issues, cache, state] = ["issues", "cache", "state"].map(|n| root.path().join(n));
    for dir in [&issues, &cache, &state] {
        std::fs::create_dir_all(dir).unwrap();
    }
    for day in 1..=count {
        let mut text = format!("# 测试日报\n\n2022年3月{day}日 星期二\n\n");
        for n in ["一", "二", "三"] {
            text.push_str(&format!("## 第{n}篇 3月{day}日\n\n正文{n}。\n\n"));
        }
        let name = format!("ceshi-2022-03-{day:02}.md");
        std::fs::write(issues.join(name), text).unwrap();
    }
    Dirs {
        _root: root,
        issues,
        cache,
        state,
    }
}

/// A reader over the folder with the saved state, as a new start sees it.
pub(crate) fn start(dirs: &Dirs, width: u16, height: u16) -> App {
    let options = LibraryOptions {
        cache_dir: Some(dirs.cache.clone()),
        ..LibraryOptions::default()
    };
    let library = Library::open(std::slice::from_ref(&dirs.issues), &options);
    let (store, state) = Store::open_at(&dirs.state);
    assert!(store.messages.is_empty(), "{:?}", store.messages);
    let mut app = App::new(library, &Config::default(), state, AmbiguousWidth::Narrow);
    resize(&mut app, width, height);
    app
}

/// Quit as the reader does: state and header cache saved.
pub(crate) fn quit(mut app: App, state_dir: &Path) {
    press(&mut app, "q");
    let (mut store, _) = Store::open_at(state_dir);
    store.save(app.state()).unwrap();
    app.into_library().save_header_cache().unwrap();
}

/// Which entries have been parsed this session.
fn parsed(app: &App) -> Vec<usize> {
    (0..app.issue_count())
        .filter(|&i| app.parsed(i).is_some())
        .collect()
}

fn headline(app: &App) -> String {
    app.current_article().unwrap().headline.clone()
}

#[test]
fn starred_lists_articles_of_issues_not_parsed_this_session() {
    let dirs = library_dirs(4);
    let mut app = start(&dirs, 120, 40);
    // Newest first: 3月4日, 3日, 2日, 1日.
    press_all(&mut app, &["j", "s", "J", "J", "s"]);
    press_all(&mut app, &["h", "G", "l", "G", "s"]);
    assert_eq!(headline(&app), "第三篇 3月1日");
    quit(app, &dirs.state);

    let mut app = start(&dirs, 120, 40);
    assert_eq!(parsed(&app), [3], "only the last open issue is parsed");
    press(&mut app, "S");
    assert_eq!(app.overlay(), Some(Overlay::Starred));
    assert_eq!(parsed(&app), [3], "S parses nothing");
    let listed: Vec<_> = app.starred().iter().map(|s| s.headline.as_str()).collect();
    assert_eq!(listed, ["第二篇 3月4日", "第一篇 3月3日", "第三篇 3月1日"]);
    assert_eq!(app.overlay_line(), 2, "the article open now is selected");
    let screen = show(&app);
    assert!(screen.contains("2022-03-03  第一篇 3月3日"), "{screen}");
    assert!(
        screen.contains("Starred · 测试日报"),
        "one paper: in the title\n{screen}"
    );
    press_all(&mut app, &["g", "enter"]);
    assert_eq!(app.overlay(), None);
    assert_eq!(
        (app.issue(), headline(&app)),
        (0, "第二篇 3月4日".to_owned())
    );
    assert_eq!(app.focus(), Pane::Article);
    assert_eq!(
        parsed(&app),
        [0, 3],
        "opening an entry parses its issue only"
    );
}

#[test]
fn stars_from_an_older_state_file_are_found_by_their_date() {
    let dirs = library_dirs(4);
    let app = start(&dirs, 120, 40);
    let id = app.article_at(0, 2).unwrap().id.clone();
    drop(app);
    // A record as an older broadsheet wrote it: no issue key, no headline.
    let mut old = State::default();
    let star = ArticleState {
        starred: true,
        starred_at: 1,
        ..ArticleState::default()
    };
    old.insert_article(&id, star);
    let mut app = App::new(
        Library::open(std::slice::from_ref(&dirs.issues), &Default::default()),
        &Config::default(),
        old,
        AmbiguousWidth::Narrow,
    );
    resize(&mut app, 120, 40);
    press_all(&mut app, &["h", "G"]);
    assert_eq!(parsed(&app), [0, 3]);
    press(&mut app, "S");
    let listed: Vec<_> = app.starred().iter().map(|s| s.headline.as_str()).collect();
    assert_eq!(listed, ["第三篇 3月4日"]);
    assert_eq!(parsed(&app), [0, 3], "issue 0 has the id's date");
    let record = &app.state().articles[&id];
    assert!(
        record
            .issue
            .as_deref()
            .is_some_and(|k| k.ends_with("ceshi-2022-03-04.md"))
    );
    assert_eq!(record.headline.as_deref(), Some("第三篇 3月4日"));
}

#[test]
fn starred_elsewhere_is_counted_not_listed() {
    let dirs = library_dirs(2);
    let mut state = State::default();
    state.toggle_star("2021-01-01-00000000");
    state.set_place("2021-01-01-00000000", "/gone/old.md", "旧闻");
    let library = Library::open(std::slice::from_ref(&dirs.issues), &Default::default());
    let mut app = App::new(library, &Config::default(), state, AmbiguousWidth::Narrow);
    resize(&mut app, 80, 24);
    press(&mut app, "S");
    assert!(app.starred().is_empty());
    assert_eq!(app.starred_elsewhere(), 1);
    let screen = show(&app);
    assert!(
        screen.contains("No starred articles in the issues open now."),
        "{screen}"
    );
    assert!(
        screen.contains("1 more starred article is in an issue not open now."),
        "{screen}"
    );
}

#[test]
fn next_unread_skips_read_issues_without_parsing_them() {
    let dirs = library_dirs(5);
    // One pane at a time: nothing is read by being previewed.
    let mut app = start(&dirs, 60, 20);
    for _ in 0..3 {
        press_all(&mut app, &["m", "j", "m", "j", "m", "J"]);
    }
    assert_eq!((app.issue(), app.article()), (3, 0));
    press_all(&mut app, &["h", "g"]);
    assert_eq!((app.issue(), app.article()), (0, 0));
    quit(app, &dirs.state);

    let mut app = start(&dirs, 60, 20);
    assert_eq!(parsed(&app), [0]);
    assert_eq!(
        app.library().entries[1].articles,
        Some(3),
        "counted last time"
    );
    press(&mut app, "u");
    assert_eq!(
        (app.issue(), app.article()),
        (3, 0),
        "issues 1 and 2 are read"
    );
    assert_eq!(parsed(&app), [0, 3], "and were not parsed");
    press_all(&mut app, &["m", "u"]);
    assert_eq!((app.issue(), app.article()), (3, 1));
}

#[test]
fn next_unread_says_when_only_the_open_article_is_unread() {
    let mut app = fixture_app(60, 20);
    press_all(&mut app, &["m", "j", "m", "j", "m", "j"]);
    press(&mut app, "u");
    assert_eq!(app.article(), 3);
    assert_eq!(app.notice(), Some("no other unread article"));
    press_all(&mut app, &["m", "u"]);
    assert_eq!(app.notice(), Some("no unread article"));
}

#[test]
fn a_batch_of_keys_lays_out_only_the_article_drawn() {
    let mut app = fixture_app(120, 40);
    let skipped = app.article_at(0, 2).unwrap().id.clone();
    for _ in 0..3 {
        press_only(&mut app, "j");
    }
    assert_eq!(app.article(), 3);
    assert!(app.view().is_none(), "nothing laid out between keys");
    send(&mut app, Msg::Frame);
    assert_eq!(app.view().map(|v| v.article), Some(3));
    assert!(
        !app.state().is_read(&skipped),
        "an article passed over in one batch was never on screen"
    );
    // A scroll key in the same batch as a switch still scrolls.
    press_only(&mut app, "g");
    press_only(&mut app, "l");
    press_only(&mut app, "j");
    assert_eq!(app.view().map(|v| (v.article, v.top)), Some((0, 1)));
}

#[test]
fn issues_are_found_again_when_their_folder_is_named_another_way() {
    let dirs = library_dirs(2);
    let mut app = start(&dirs, 120, 40);
    press_all(&mut app, &["J", "J", "J", "s", "K"]);
    assert_eq!((app.issue(), app.article()), (0, 2));
    quit(app, &dirs.state);

    let roundabout = dirs.issues.join("..").join("issues");
    let library = Library::open(&[roundabout], &LibraryOptions::default());
    let (_, state) = Store::open_at(&dirs.state);
    let mut app = App::new(library, &Config::default(), state, AmbiguousWidth::Narrow);
    resize(&mut app, 120, 40);
    assert_eq!(
        (app.issue(), app.article()),
        (0, 2),
        "the last open article"
    );
    press(&mut app, "S");
    let listed: Vec<_> = app.starred().iter().map(|s| s.headline.as_str()).collect();
    assert_eq!(listed, ["第一篇 3月1日"]);
    assert_eq!(parsed(&app), [0]);
}
