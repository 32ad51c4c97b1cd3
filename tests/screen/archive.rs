//! The archive screens, driven as a reader drives them: the Issues pane as
//! papers → issues (folds, counts, one paper), the `:` go-to prompt in
//! every form, the calendar overlay at 60×20 and 120×40, and the library
//! search (results filling in, cancel, open at the hit, `n`/`N` across
//! issues). Libraries are copies of the sample written to a temp folder.

use std::path::Path;
use std::time::{Duration, Instant};

use broadsheet::app::{App, Cursor, FOLDS_KEY, Overlay, Pane};
use broadsheet::archive::tree::header_text;
use broadsheet::config::Config;
use broadsheet::event_loop::poll_search;
use broadsheet::library::{Library, LibraryOptions, SAMPLE_TEXT};
use broadsheet::model::Date;
use broadsheet::store::State;
use broadsheet::typeset::AmbiguousWidth;
use broadsheet::ui::theme::Theme;

use crate::screen_support::*;

/// A word the sample does not hold.
const MARKER: &str = "独角兽";

const CITY: &str = "北京城市副中心报";
const GUANGMING: &str = "光明日报";
const RENMIN: &str = "人民日报";

fn date(text: &str) -> Date {
    let parts: Vec<u16> = text.split('-').map(|p| p.parse().unwrap()).collect();
    Date::new(parts[0], parts[1] as u8, parts[2] as u8).unwrap()
}

/// One file per (paper, date); `marked` issues hold [`MARKER`] in the
/// headlines of their first two articles.
fn write_issues(dir: &Path, issues: &[(&str, &str, bool)]) {
    for (n, &(paper, day, marked)) in issues.iter().enumerate() {
        let d = date(day);
        let text = SAMPLE_TEXT.replacen(CITY, paper, 1).replacen(
            "2022年2月13日",
            &format!("{}年{}月{}日", d.year, d.month, d.day),
            1,
        );
        let text = text.replacen("星期日", broadsheet::model::days::weekday_zh(d), 1);
        let mut text = text;
        if marked {
            text = text
                .replacen("聚焦一个主题", &format!("聚焦一个{MARKER}主题"), 1)
                .replacen("## 副中心年底前", &format!("## {MARKER}副中心年底前"), 1);
        }
        let folder = dir.join(format!("p{}", paper.len() % 7));
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join(format!("{day}-{n}.md")), text).unwrap();
    }
}

fn open(dir: &Path, state: State, size: (u16, u16)) -> App {
    open_with(dir, &Config::default(), state, size)
}

fn open_with(dir: &Path, config: &Config, state: State, (width, height): (u16, u16)) -> App {
    let library = Library::open(&[dir.to_path_buf()], &LibraryOptions::default());
    let mut app =
        App::new(library, config, state, AmbiguousWidth::Narrow).with_today(date("2016-10-04"));
    set_theme(Theme::new(false, AmbiguousWidth::Narrow));
    resize(&mut app, width, height);
    app
}

/// Three papers: 光明日报 with four issues (two holding the marker),
/// 人民日报 with three (one marked), the city paper with two.
fn three_papers(dir: &Path) {
    write_issues(
        dir,
        &[
            (GUANGMING, "2016-10-03", true),
            (GUANGMING, "2016-10-01", false),
            (GUANGMING, "2016-09-30", true),
            (GUANGMING, "2015-12-31", false),
            (RENMIN, "2016-10-03", false),
            (RENMIN, "2016-08-01", true),
            (RENMIN, "2014-01-01", false),
            (CITY, "2016-10-02", false),
            (CITY, "2016-09-01", false),
        ],
    );
}

fn paper_index(app: &App, name: &str) -> usize {
    let tree = app.tree().expect("a tree after the first frame");
    tree.papers().iter().position(|p| p.name == name).unwrap()
}

fn issues_column(app: &App) -> Vec<String> {
    // The Issues pane is the first 26 cells at 120 columns.
    show(app)
        .lines()
        .map(|l| l.chars().take_while(|c| *c != '│').collect::<String>())
        .map(|l| l.trim_end().to_owned())
        .collect()
}

fn info_of(app: &App) -> (String, Option<Date>) {
    let info = app.issue_info(app.issue());
    (info.paper, info.date)
}

#[test]
fn the_first_screen_has_every_paper_the_open_one_unfolded() {
    let dir = tempfile::tempdir().unwrap();
    three_papers(dir.path());
    let app = open(dir.path(), State::default(), (120, 40));
    let column = issues_column(&app);
    let screen = column.join("\n");
    insta::assert_snapshot!("first_screen_120x40", show(&app));
    for paper in [GUANGMING, RENMIN, CITY] {
        assert!(screen.contains(paper), "{paper} is in view:\n{screen}");
    }
    // The open paper (the first) unfolded, newest first, one row each.
    let open = paper_index(&app, info_of(&app).0.as_str());
    assert_eq!(app.tree().unwrap().selected_paper(), Some(open));
    let header = column.iter().position(|l| l.contains('▾')).unwrap();
    let folded = column.iter().filter(|l| l.contains('▸')).count();
    assert_eq!(folded, 2, "{screen}");
    assert!(column[header + 1].trim().starts_with("2016-"), "{screen}");
    assert_eq!(
        column[header + 1].trim(),
        "2016-10-03 · 4/4 unread",
        "{screen}"
    );
    let issue_rows: Vec<&String> = column.iter().filter(|l| l.starts_with("  20")).collect();
    assert!(issue_rows.len() >= 2, "{screen}");
}

#[test]
fn headers_fold_and_unfold_with_enter_space_z_and_shift_z() {
    let dir = tempfile::tempdir().unwrap();
    three_papers(dir.path());
    let mut app = open(dir.path(), State::default(), (120, 40));
    press(&mut app, "i");
    assert_eq!(app.focus(), Pane::Issues);
    let rows = |app: &App| app.tree().unwrap().row_count();
    let before = rows(&app);
    // Up from the first issue is its paper's header.
    press(&mut app, "k");
    let paper = paper_index(&app, info_of(&app).0.as_str());
    assert_eq!(app.issues_cursor(), Cursor::Header(paper));
    press(&mut app, "enter");
    assert!(app.tree().unwrap().is_folded(paper));
    assert!(rows(&app) < before);
    assert_eq!(
        app.focus(),
        Pane::Issues,
        "Enter on a header folds, opens nothing"
    );
    press(&mut app, "space");
    assert!(!app.tree().unwrap().is_folded(paper));
    // Z folds every paper, Z again unfolds them all.
    press(&mut app, "Z");
    let tree = app.tree().unwrap();
    assert!((0..3).all(|p| tree.is_folded(p)));
    assert_eq!(rows(&app), 3);
    assert!(
        issues_column(&app)
            .iter()
            .filter(|l| l.contains('▸'))
            .count()
            == 3
    );
    press(&mut app, "Z");
    let tree = app.tree().unwrap();
    assert!((0..3).all(|p| !tree.is_folded(p)));
    // z keeps only the cursor's paper open.
    press(&mut app, "z");
    let tree = app.tree().unwrap();
    let open: Vec<usize> = (0..3).filter(|&p| !tree.is_folded(p)).collect();
    assert_eq!(open, [paper]);
    // Down from the header walks into the paper's issues, selecting them.
    press(&mut app, "j");
    assert_eq!(app.issues_cursor(), Cursor::Issue);
    assert_eq!(app.tree().unwrap().paper_of(app.issue()), Some(paper));
    press(&mut app, "j");
    assert_eq!(
        app.issue(),
        app.tree().unwrap().papers()[paper].entries.start + 1
    );
}

#[test]
fn folds_and_the_selected_paper_are_kept_across_runs() {
    let dir = tempfile::tempdir().unwrap();
    three_papers(dir.path());
    let mut app = open(dir.path(), State::default(), (120, 40));
    press_all(&mut app, &["i", "Z"]);
    // To the last paper's header, and unfold it.
    press_all(&mut app, &["G", "enter"]);
    let last = app.tree().unwrap().papers().len() - 1;
    assert!(
        app.state().ui(FOLDS_KEY).is_some(),
        "the folds are in the state"
    );
    let state = app.state().clone();
    let again = open(dir.path(), state, (120, 40));
    let tree = again.tree().unwrap();
    assert_eq!(tree.selected_paper(), Some(last));
    let folded: Vec<bool> = (0..3).map(|p| tree.is_folded(p)).collect();
    let mut expected = vec![true; 3];
    expected[last] = false;
    assert_eq!(folded, expected);
}

#[test]
fn header_counts_issues_and_unread_once_every_issue_was_opened() {
    let dir = tempfile::tempdir().unwrap();
    three_papers(dir.path());
    let mut app = open(dir.path(), State::default(), (120, 40));
    let city = paper_index(&app, CITY);
    // The header as the pane draws it (cut to the pane's width there).
    let header = |app: &App| {
        let tree = app.tree().unwrap();
        let entries = tree.papers()[city].entries.clone();
        header_text(tree, city, app.unread_in_paper(entries))
    };
    assert!(header(&app).ends_with("2 issues"), "{}", header(&app));
    // Open both of its issues: their article counts are known now.
    press(&mut app, "i");
    let entries = app.tree().unwrap().papers()[city].entries.clone();
    press(&mut app, ":");
    for c in CITY.chars() {
        press_key(&mut app, c);
    }
    press(&mut app, "enter");
    assert_eq!(app.issue(), entries.start);
    press(&mut app, "j");
    assert_eq!(app.issue(), entries.start + 1);
    assert!(
        header(&app).ends_with("2 issues · 8 unread"),
        "{}",
        header(&app)
    );
    // One article read by hand: one fewer.
    press_all(&mut app, &["l", "m"]);
    assert!(
        header(&app).ends_with("2 issues · 7 unread"),
        "{}",
        header(&app)
    );
}

#[test]
fn one_paper_has_no_header_and_its_name_in_the_title() {
    let app = sample_app(120, 40);
    let tree = app.tree().unwrap();
    assert!(!tree.has_headers());
    assert_eq!(tree.row_count(), 1);
    let column = issues_column(&app);
    assert_eq!(column[0].trim(), format!("Issues · {CITY}"));
    assert_eq!(column[1].trim(), "2022-02-13 · 4/4 unread");
    assert!(!column.iter().any(|l| l.contains('▾') || l.contains('▸')));
}

fn press_key(app: &mut App, c: char) {
    let key = crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char(c),
        crossterm::event::KeyModifiers::NONE,
    );
    send_key(app, key);
}

/// `:text` Enter: the issue landed on (paper, date) and the status bar's notice.
fn go(app: &mut App, text: &str) -> (String, Option<Date>, String) {
    press(app, ":");
    for c in text.chars() {
        press_key(app, c);
    }
    press(app, "enter");
    let (paper, day) = info_of(app);
    (paper, day, app.notice().unwrap_or_default().to_owned())
}

#[test]
fn go_to_takes_every_form_and_says_where_it_landed() {
    let dir = tempfile::tempdir().unwrap();
    three_papers(dir.path());
    let mut app = open(dir.path(), State::default(), (120, 40));
    // A paper by its name, then by the start of it.
    let (paper, day, notice) = go(&mut app, GUANGMING);
    assert_eq!((paper.as_str(), day), (GUANGMING, Some(date("2016-10-03"))));
    assert!(notice.contains("2016-10-03 星期一"), "{notice}");
    let (paper, ..) = go(&mut app, "人民");
    assert_eq!(paper, RENMIN);
    go(&mut app, GUANGMING);
    // Dates go within the selected paper (光明日报, today 2016-10-04).
    let exact = [
        ("2016-10-01", "2016-10-01"),
        ("20161001", "2016-10-01"),
        ("2016年10月1日", "2016-10-01"),
        ("2016/9/30", "2016-09-30"),
        ("10-03", "2016-10-03"),
        ("yesterday", "2016-10-03"),
        ("昨天", "2016-10-03"),
    ];
    for (typed, landed) in exact {
        let (paper, day, notice) = go(&mut app, typed);
        assert_eq!(
            (paper.as_str(), day),
            (GUANGMING, Some(date(landed))),
            "{typed}"
        );
        assert_eq!(
            notice,
            format!("showing {landed} {} · {GUANGMING}", weekday(landed)),
            "{typed}"
        );
    }
    let nearest = [
        (
            "2016-10-02",
            "2016-10-01",
            "no issue on 2016-10-02; showing 2016-10-01",
        ),
        (
            "2016-10",
            "2016-10-03",
            "showing 2016-10-03, the newest issue in 2016-10",
        ),
        (
            "2016",
            "2016-10-03",
            "showing 2016-10-03, the newest issue in 2016",
        ),
        (
            "2016-06",
            "2015-12-31",
            "no issue in 2016-06; showing 2015-12-31",
        ),
        (
            "2001-01-01",
            "2015-12-31",
            "no issue on or before 2001-01-01; showing the oldest, 2015-12-31",
        ),
    ];
    for (typed, landed, said) in nearest {
        let (_, day, notice) = go(&mut app, typed);
        assert_eq!(day, Some(date(landed)), "{typed}");
        assert_eq!(notice, said, "{typed}");
    }
    assert_eq!(app.tree().unwrap().row_of(app.issue()), app.cursor_row());
    // Invalid input changes nothing and says why.
    let before = app.issue();
    let invalid = [
        (
            "2016-02-30",
            "2016-02-30 is not a date: February 2016 has 29 days",
        ),
        (
            "2016-13",
            "2016-13: there is no month 13; months run from 1 to 12",
        ),
        ("晨报", "no paper or date matches “晨报”"),
    ];
    for (typed, said) in invalid {
        let (.., notice) = go(&mut app, typed);
        assert_eq!(notice, said, "{typed}");
        assert_eq!(app.issue(), before, "{typed}");
    }
    // Esc closes the prompt and goes nowhere.
    press_all(&mut app, &[":", "2", "esc"]);
    assert!(!app.prompt_open());
    assert_eq!(app.issue(), before);
}

fn weekday(day: &str) -> &'static str {
    broadsheet::model::days::weekday_zh(date(day))
}

#[test]
fn the_prompt_shows_its_sign_and_what_it_takes() {
    let dir = tempfile::tempdir().unwrap();
    three_papers(dir.path());
    let mut app = open(dir.path(), State::default(), (60, 20));
    press_all(&mut app, &[":", "1", "0"]);
    let screen = show(&app);
    let bar = screen.lines().last().unwrap();
    assert!(bar.starts_with(":10"), "{bar}");
    assert!(bar.contains("date or paper"), "{bar}");
    press_all(&mut app, &["esc", "|", "x"]);
    let screen = show(&app);
    let bar = screen.lines().last().unwrap();
    assert!(
        bar.starts_with("|x") && bar.contains("search every issue"),
        "{bar}"
    );
}

/// The calendar of 光明日报 on its issue of 2016-10-03, at two sizes:
/// the whole screen, every cell checked.
#[test]
fn the_calendar_at_60x20_and_120x40() {
    let dir = tempfile::tempdir().unwrap();
    three_papers(dir.path());
    for (width, height) in [(60, 20), (120, 40)] {
        let mut app = open(dir.path(), State::default(), (width, height));
        go(&mut app, GUANGMING);
        press(&mut app, "c");
        assert_eq!(app.overlay(), Some(Overlay::Calendar));
        let screen = show(&app);
        assert!(
            screen.contains(&format!("{GUANGMING} · 2016年10月")),
            "{screen}"
        );
        assert!(
            screen.contains("[ 3▪]"),
            "the cursor on the 3rd, unread:\n{screen}"
        );
        assert!(screen.contains("  1▪"), "the 1st has an issue:\n{screen}");
        assert!(screen.contains("2 issues · 2 unread"), "{screen}");
        insta::assert_snapshot!(format!("calendar_{width}x{height}"), screen);
    }
}

#[test]
fn calendar_keys_move_by_day_week_and_month_and_enter_opens() {
    let dir = tempfile::tempdir().unwrap();
    three_papers(dir.path());
    let mut app = open(dir.path(), State::default(), (60, 20));
    go(&mut app, GUANGMING);
    press(&mut app, "c");
    let cursor = |app: &App| app.calendar().unwrap().cursor();
    press(&mut app, "left");
    assert_eq!(cursor(&app), date("2016-10-02"));
    press(&mut app, "right");
    press(&mut app, "down");
    assert_eq!(cursor(&app), date("2016-10-10"));
    press(&mut app, "up");
    press(&mut app, "up");
    assert_eq!(cursor(&app), date("2016-09-26"));
    press(&mut app, "]");
    assert_eq!(cursor(&app), date("2016-10-26"));
    press(&mut app, "PageUp");
    press(&mut app, "[");
    assert_eq!(cursor(&app), date("2016-08-26"));
    press(&mut app, "PageDown");
    assert_eq!(cursor(&app), date("2016-09-26"));
    // A day without an issue says so and stays open.
    press(&mut app, "enter");
    assert_eq!(app.overlay(), Some(Overlay::Calendar));
    assert!(app.notice().unwrap().contains("no issue on 2016-09-26"));
    for _ in 0..4 {
        press(&mut app, "right");
    }
    assert_eq!(cursor(&app), date("2016-09-30"));
    press(&mut app, "enter");
    assert_eq!(app.overlay(), None);
    assert_eq!(
        info_of(&app),
        (GUANGMING.to_owned(), Some(date("2016-09-30")))
    );
    // Esc closes without moving.
    press_all(&mut app, &["c", "left", "esc"]);
    assert_eq!(app.overlay(), None);
    assert_eq!(info_of(&app).1, Some(date("2016-09-30")));
}

/// Feed the worker's results to the app until it is done (bounded).
fn finish_search(app: &mut App) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while app.library_search().is_some() {
        assert!(
            Instant::now() < deadline,
            "the library search did not finish"
        );
        match poll_search(app) {
            Some(msg) => {
                send(app, msg);
            }
            None => std::thread::yield_now(),
        }
    }
    if let Some(msg) = poll_search(app) {
        send(app, msg);
    }
}

fn library_search(app: &mut App, pattern: &str) {
    press(app, "|");
    for c in pattern.chars() {
        press_key(app, c);
    }
    press(app, "enter");
}

#[test]
fn library_search_lists_hits_by_issue_and_opens_at_the_hit() {
    let dir = tempfile::tempdir().unwrap();
    three_papers(dir.path());
    let mut app = open(dir.path(), State::default(), (120, 40));
    library_search(&mut app, MARKER);
    assert_eq!(app.overlay(), Some(Overlay::Results));
    finish_search(&mut app);
    let find = app.library_find().unwrap();
    assert_eq!(find.results.len(), 3, "three issues hold the marker");
    assert_eq!(find.counter(), "6 hits in 3 issues");
    let screen = show(&app);
    assert!(screen.contains("6 hits in 3 issues"), "{screen}");
    assert!(
        screen.contains(&format!("2016-10-03 星期一 · {GUANGMING} · 2 hits")),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("2016-08-01 星期一 · {RENMIN} · 2 hits")),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("聚焦一个{MARKER}主题")),
        "the hit in context:\n{screen}"
    );
    // The second result issue's first article, opened at the hit, lit.
    press_all(&mut app, &["j", "j", "enter"]);
    assert_eq!(app.overlay(), None);
    assert_eq!(app.focus(), Pane::Article);
    let (paper, day) = info_of(&app);
    let second = &app.library_find().unwrap().results[1];
    assert_eq!((paper, day), (second.paper.clone(), second.date));
    let found = app.search().found.as_ref().expect("the hits are lit");
    assert_eq!(found.issue, Some(app.issue()));
    assert_eq!(found.current, Some(0));
    assert!(found.hits.len() == 2);
    // n: the issue's second hit, then on to the third issue, round to the first.
    let order: Vec<usize> = app
        .library_find()
        .unwrap()
        .results
        .iter()
        .map(|r| r.entry)
        .collect();
    press(&mut app, "n");
    assert_eq!(
        (app.issue(), app.search().found.as_ref().unwrap().current),
        (order[1], Some(1))
    );
    press(&mut app, "n");
    assert_eq!(
        (app.issue(), app.search().found.as_ref().unwrap().current),
        (order[2], Some(0))
    );
    assert!(
        app.notice().unwrap().contains("issue 3 of 3"),
        "{:?}",
        app.notice()
    );
    press_all(&mut app, &["n", "n"]);
    assert_eq!(app.issue(), order[0]);
    assert!(
        app.notice().unwrap().contains("wrapped"),
        "{:?}",
        app.notice()
    );
    // N goes back across the boundary, to the last hit of the issue before.
    press(&mut app, "N");
    assert_eq!(
        (app.issue(), app.search().found.as_ref().unwrap().current),
        (order[2], Some(1))
    );
}

#[test]
fn the_results_show_the_script_asked_for_and_light_the_hit_where_it_is_drawn() {
    let dir = tempfile::tempdir().unwrap();
    three_papers(dir.path());
    let config = Config {
        script: broadsheet::typeset::Script::Traditional,
        ..Config::default()
    };
    for size in [(60, 20), (120, 40)] {
        let mut app = open_with(dir.path(), &config, State::default(), size);
        // A simplified pattern; the results (headlines and snippets) are
        // shown in traditional characters, the hit lit on its cells.
        library_search(&mut app, "城市副中心建设");
        finish_search(&mut app);
        assert_eq!(app.overlay(), Some(Overlay::Results));
        let buf = draw(&app);
        let screen = screen_text(&buf);
        assert!(screen.contains("城市副中心建設"), "{screen}");
        assert!(screen.contains("· 人民日報 ·"), "the paper too:\n{screen}");
        assert!(
            screen.contains("調研"),
            "the headline, converted:\n{screen}"
        );
        // The frame's title is the pattern as typed; the rows are shown.
        let rows: Vec<&str> = screen.lines().skip(2).collect();
        assert!(
            !rows
                .iter()
                .any(|r| r.contains("建设") || r.contains("调研")),
            "{screen}"
        );
        let lit = cells_in(&buf, theme().search_current);
        assert!(!lit.is_empty(), "{screen}");
        assert!(
            lit.iter().all(|l| l == "城市副中心建設"),
            "{lit:?}\n{screen}"
        );
    }
}

#[test]
fn slash_in_the_issues_pane_searches_the_library_and_esc_cancels() {
    let dir = tempfile::tempdir().unwrap();
    three_papers(dir.path());
    let mut app = open(dir.path(), State::default(), (120, 40));
    press_all(&mut app, &["i", "/"]);
    assert_eq!(app.search().kind, broadsheet::app::PromptKind::Library);
    // A pattern in every issue; Esc before the first poll stops the worker.
    for c in "副中心".chars() {
        press_key(&mut app, c);
    }
    press(&mut app, "enter");
    assert!(app.library_search().is_some(), "the worker runs");
    let handle = app.library_search().unwrap().clone();
    press(&mut app, "esc");
    assert_eq!(app.overlay(), None);
    assert!(
        app.library_search().is_none(),
        "the app let go of the worker"
    );
    assert_eq!(app.notice(), Some("library search stopped"));
    handle.stop();
    let counts = handle.counts();
    assert!(counts.finished, "the worker stopped");
    // Its results arrive no more.
    assert!(poll_search(&app).is_none());
}

#[test]
fn q_or_a_click_beside_the_results_closes_them_as_esc_does() {
    let dir = tempfile::tempdir().unwrap();
    three_papers(dir.path());
    let mut app = open(dir.path(), State::default(), (120, 40));
    library_search(&mut app, "副中心");
    assert!(app.library_search().is_some());
    press(&mut app, "q");
    assert_eq!(
        app.overlay(),
        None,
        "q closes the overlay, it does not quit"
    );
    assert!(app.library_search().is_none(), "and stops the search");
    assert_eq!(app.notice(), Some("library search stopped"));
}
