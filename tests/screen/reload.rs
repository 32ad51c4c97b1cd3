//! `R` reloads the library: issues that arrived in the folder are listed,
//! deleted ones dropped, and the reader stays on the issue, article and
//! position it was on (by the issue's path), or moves to the nearest issue
//! when its own is gone. No terminal: the app is drawn into a TestBackend.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::screen_support;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use broadsheet::app::{App, Reloader};
use broadsheet::config::Config;
use broadsheet::library::{Library, LibraryOptions, RealFiles, Source};
use broadsheet::store::State;
use broadsheet::typeset::AmbiguousWidth;
use broadsheet::ui::Theme;
use screen_support::{draw, press, press_all, resize, screen_text, set_theme};

/// An issue of 北京日报 for 2022-02-`day` with two articles, the second
/// long enough to scroll.
fn issue_text(day: u8, headline: &str) -> String {
    let body = "本报讯 城市副中心政务服务中心由老厂房改造而成,推行智能终端自助办事新模式。\n\n";
    format!(
        "# 北京日报\n\n2022年2月{day}日 星期日 今日四版\n\n## {headline}\n\n{body}\
         ## 第二篇{day}\n\n{}",
        body.repeat(40)
    )
}

fn write_issue(dir: &Path, day: u8, headline: &str) -> PathBuf {
    let path = dir.join(format!("bjrb-2022-02-{day:02}.md"));
    fs::write(&path, issue_text(day, headline)).unwrap();
    path
}

/// The app over `dir`, reloading as the reader does (without a cache).
fn app_on(dir: &Path, width: u16, height: u16) -> App {
    app_over(vec![dir.to_path_buf()], "", width, height)
}

/// The app over `paths`, `stdin` piped in, reloading as the reader does.
fn app_over(paths: Vec<PathBuf>, stdin: &str, width: u16, height: u16) -> App {
    let options = LibraryOptions::default();
    let open = move |stdin: &mut dyn std::io::Read| {
        Library::open_with(&paths, &options, Arc::new(RealFiles), stdin)
    };
    let library = open(&mut stdin.as_bytes());
    let config = Config::default();
    let mut app = App::new(library, &config, State::default(), AmbiguousWidth::Narrow)
        .with_reloader(Reloader::new(open));
    set_theme(Theme::new(false, AmbiguousWidth::Narrow));
    resize(&mut app, width, height);
    app
}

fn open_path(app: &App) -> PathBuf {
    match &app.library().entries[app.issue()].source {
        Source::File(path) => path.clone(),
        other => panic!("not a file: {other:?}"),
    }
}

fn notice(app: &App) -> &str {
    app.notice().unwrap_or("")
}

#[test]
fn a_new_issue_is_listed_and_the_selection_stays() {
    let dir = tempfile::tempdir().unwrap();
    write_issue(dir.path(), 13, "头条十三");
    let older = write_issue(dir.path(), 10, "头条十");
    let mut app = app_on(dir.path(), 120, 40);
    // On the older issue, second article, scrolled down.
    for key in ["tab", "tab", "j", "l", "J", "l", "space"] {
        press(&mut app, key);
    }
    assert_eq!(open_path(&app), older);
    assert_eq!(app.article(), 1);
    let top = app.view().map(|v| v.top).unwrap();
    assert!(top > 0, "the article scrolled");

    // An issue between the two arrives: the older one moves down the list.
    write_issue(dir.path(), 12, "头条十二");
    press(&mut app, "R");
    assert_eq!(app.library().entries.len(), 3);
    assert_eq!(app.issue_count(), 3);
    assert_eq!(open_path(&app), older);
    assert_eq!(app.issue(), 2);
    assert_eq!(app.article(), 1);
    assert_eq!(app.view().map(|v| (v.issue, v.top)), Some((2, top)));
    assert_eq!(notice(&app), "reloaded: 1 new, 0 gone");
    screen_text(&draw(&app));

    press(&mut app, "R");
    assert_eq!(notice(&app), "reloaded: no change");
}

#[test]
fn the_open_issue_deleted_moves_to_the_nearest_and_says_so() {
    for (width, height) in [(60, 20), (120, 40)] {
        let dir = tempfile::tempdir().unwrap();
        write_issue(dir.path(), 13, "头条十三");
        let middle = write_issue(dir.path(), 12, "头条十二");
        let oldest = write_issue(dir.path(), 10, "头条十");
        let mut app = app_on(dir.path(), width, height);
        press(&mut app, "tab");
        press(&mut app, "tab");
        press(&mut app, "j");
        press(&mut app, "J");
        assert_eq!(open_path(&app), middle);

        fs::remove_file(&middle).unwrap();
        press(&mut app, "R");
        assert_eq!(app.library().entries.len(), 2);
        assert_eq!(open_path(&app), oldest, "the next issue down the list");
        assert_eq!(
            notice(&app),
            "reloaded: 0 new, 1 gone (the open issue is gone)"
        );
        assert_eq!(app.current_article().unwrap().headline, "头条十");
        screen_text(&draw(&app));

        // Everything gone: every index saturates, nothing panics.
        fs::remove_file(&oldest).unwrap();
        fs::remove_file(dir.path().join("bjrb-2022-02-13.md")).unwrap();
        press(&mut app, "R");
        assert!(app.library().entries.is_empty());
        assert_eq!((app.issue(), app.article(), app.issues_top()), (0, 0, 0));
        assert!(app.layouts().len() <= 8);
        screen_text(&draw(&app));
        for key in ["j", "k", "G", "J", "space", "R"] {
            press(&mut app, key);
        }
        screen_text(&draw(&app));
    }
}

#[test]
fn a_file_changed_in_place_is_parsed_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_issue(dir.path(), 13, "旧的头条");
    write_issue(dir.path(), 10, "头条十");
    let mut app = app_on(dir.path(), 120, 40);
    assert_eq!(open_path(&app), path);
    assert_eq!(app.current_article().unwrap().headline, "旧的头条");

    fs::write(&path, issue_text(13, "改过的新头条")).unwrap();
    press(&mut app, "R");
    assert_eq!(open_path(&app), path);
    assert_eq!(app.current_article().unwrap().headline, "改过的新头条");
    assert_eq!(notice(&app), "reloaded: no change");

    // The other issue was never parsed and stays unparsed until selected.
    assert!(app.parsed(1).is_none());
    press(&mut app, "tab");
    press(&mut app, "tab");
    press(&mut app, "j");
    assert_eq!(app.current_article().unwrap().headline, "头条十");
}

#[test]
fn reload_lists_skipped_files_in_the_log() {
    let dir = tempfile::tempdir().unwrap();
    write_issue(dir.path(), 13, "头条十三");
    let mut app = app_on(dir.path(), 80, 24);
    let before = app.messages().len();
    // A link to nowhere is skipped with a message, as at start.
    std::os::unix::fs::symlink(dir.path().join("nowhere.md"), dir.path().join("broken.md"))
        .unwrap();
    press(&mut app, "R");
    let new: Vec<&String> = app.messages()[before..].iter().collect();
    assert!(
        new.iter().any(|m| m.contains("broken.md")),
        "log gained: {new:?}"
    );
    // A second reload does not repeat it.
    let count = app.messages().len();
    press(&mut app, "R");
    assert_eq!(app.messages().len(), count);
}

#[test]
fn standard_input_keeps_its_text_over_a_reload() {
    let dir = tempfile::tempdir().unwrap();
    write_issue(dir.path(), 13, "头条十三");
    let paths = vec![PathBuf::from("-"), dir.path().to_path_buf()];
    let piped = issue_text(9, "管道里的头条");
    let mut app = app_over(paths, &piped, 80, 24);
    write_issue(dir.path(), 10, "头条十");
    press(&mut app, "R");
    assert_eq!(app.library().entries.len(), 3);
    let stdin = (0..3)
        .find(|&i| app.library().entries[i].source == Source::Stdin)
        .expect("the stdin entry is kept");
    assert_eq!(app.library().read(stdin).unwrap(), piped);
    assert_eq!(notice(&app), "reloaded: 1 new, 0 gone");
}

#[test]
fn list_tops_saturate_when_the_list_shrinks() {
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<PathBuf> = (1..=9)
        .map(|d| write_issue(dir.path(), d, "头条"))
        .collect();
    // Short enough that the Issues list scrolls to show the last issue.
    let mut app = app_on(dir.path(), 60, 8);
    press_all(&mut app, &["i", "G"]);
    assert!(app.issues_top() > 0);
    // The last issue listed (the oldest) is open; all go but the newest.
    for path in &paths[..8] {
        fs::remove_file(path).unwrap();
    }
    press(&mut app, "R");
    assert_eq!(app.library().entries.len(), 1);
    assert_eq!((app.issue(), app.issues_top()), (0, 0));
    assert!(app.headlines_top() <= app.article());
    assert_eq!(
        notice(&app),
        "reloaded: 0 new, 8 gone (the open issue is gone)"
    );
    screen_text(&draw(&app));
}

#[test]
fn a_changed_issue_not_open_is_parsed_again_when_selected() {
    let dir = tempfile::tempdir().unwrap();
    write_issue(dir.path(), 13, "头条十三");
    let older = write_issue(dir.path(), 10, "旧头条十");
    let mut app = app_on(dir.path(), 120, 40);
    for key in ["tab", "tab", "j"] {
        press(&mut app, key);
    }
    assert_eq!(app.current_article().unwrap().headline, "旧头条十");
    press(&mut app, "k");
    fs::write(&older, issue_text(10, "新头条十,长了一些")).unwrap();
    press(&mut app, "R");
    assert!(app.parsed(0).is_some(), "the unchanged open issue is kept");
    assert!(
        app.parsed(1).is_none(),
        "the changed one waits to be selected"
    );
    press(&mut app, "j");
    assert_eq!(app.current_article().unwrap().headline, "新头条十,长了一些");
}

/// With the Issues pane focused the status bar names the selected issue's
/// file, and its encoding when it was not UTF-8: two copies of one issue
/// look alike in the list and are told apart there.
#[test]
fn the_issues_status_names_the_file_and_a_legacy_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let text = issue_text(13, "副中心");
    let (bytes, _, _) = encoding_rs::GB18030.encode(&text);
    let legacy = dir.path().join("gb-2022-02-13.md");
    fs::write(&legacy, &bytes).unwrap();
    let mut app = app_on(dir.path(), 120, 30);
    press(&mut app, "h");
    let screen = screen_text(&draw(&app));
    let bar = screen.lines().last().unwrap();
    assert!(bar.contains("gb-2022-02-13.md · GB18030"), "{bar:?}");
    // Too narrow for the whole path: its end stays.
    let mut app = app_on(dir.path(), 30, 12);
    press(&mut app, "esc");
    let screen = screen_text(&draw(&app));
    let bar = screen.lines().last().unwrap();
    assert!(
        bar.contains("…") && bar.contains("13.md · GB18030"),
        "{bar:?}"
    );
}
