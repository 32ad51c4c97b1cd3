//! Whole-screen tests: step keys, draw into a `TestBackend`, compare the
//! whole screen (named insta snapshots, reviewed by eye) through a helper
//! that fails on any broken wide glyph.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::screen_support;

use std::collections::BTreeMap;

use broadsheet::app::App;
use broadsheet::config::Config;
use broadsheet::library::Library;
use broadsheet::store::State;
use broadsheet::typeset::AmbiguousWidth;
use broadsheet::ui::Theme;
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::style::{Color, Modifier};
use screen_support::*;

fn snapshot(name: &str, app: &App) {
    let text = show(app);
    insta::assert_snapshot!(name, text);
}

#[test]
fn headlines_at_60x20_one_pane() {
    snapshot("fixture_60x20_headlines", &fixture_app(60, 20));
}

#[test]
fn article_at_60x20_one_pane() {
    let mut app = fixture_app(60, 20);
    press_all(&mut app, &["j", "enter"]);
    snapshot("fixture_60x20_article", &app);
}

#[test]
fn two_panes_at_80x24() {
    snapshot("fixture_80x24", &fixture_app(80, 24));
}

#[test]
fn two_panes_with_issues_at_80x24() {
    let mut app = fixture_app(80, 24);
    press(&mut app, "i");
    snapshot("fixture_80x24_issues", &app);
}

#[test]
fn three_panes_at_120x40() {
    let mut app = fixture_app(120, 40);
    press_all(&mut app, &["j", "s", "l", "ctrl-d"]);
    snapshot("fixture_120x40_scrolled", &app);
}

#[test]
fn help_overlay_at_80x24() {
    let mut app = fixture_app(80, 24);
    press(&mut app, "?");
    snapshot("fixture_80x24_help", &app);
}

#[test]
fn help_overlay_scrolls_to_its_end() {
    let mut app = fixture_app(80, 24);
    press_all(&mut app, &["?", "G"]);
    let screen = show(&app);
    assert!(
        screen.contains("ambiguous-width glyphs: narrow"),
        "{screen}"
    );
    assert!(screen.contains("quit"), "{screen}");
    snapshot("fixture_80x24_help_end", &app);
    press(&mut app, "g");
    assert!(show(&app).contains("down one line"));
}

#[test]
fn log_overlay_at_80x24() {
    let mut app = fixture_app(80, 24);
    send_log(
        &mut app,
        "/home/reader/papers/bad.md: not text (NUL byte at offset 12)".to_owned(),
    );
    send_log(&mut app, "state: $XDG_STATE_HOME is not writable; reading state is kept in memory only for this session".to_owned());
    press(&mut app, "!");
    snapshot("fixture_80x24_log", &app);
}

#[test]
fn starred_overlay_at_120x40() {
    let mut app = fixture_app(120, 40);
    press_all(&mut app, &["s", "J", "J", "s", "S"]);
    snapshot("fixture_120x40_starred", &app);
}

#[test]
fn too_small_says_so() {
    snapshot("fixture_19x4_too_small", &fixture_app(19, 4));
}

#[test]
fn help_is_generated_from_the_keymap() {
    let mut config = Config::default();
    let mut keys = BTreeMap::new();
    keys.insert("next_article".to_owned(), vec!["n".to_owned()]);
    keys.insert("help".to_owned(), vec!["f1".to_owned()]);
    config.keys = keys;
    let mut app = App::new(
        Library::sample(),
        &config,
        State::default(),
        AmbiguousWidth::Narrow,
    );
    // Tall enough for every action and the ambiguous-width line below them.
    resize(&mut app, 80, 60);
    press(&mut app, "f1");
    let screen = show(&app);
    let line = screen
        .lines()
        .find(|l| l.contains("next article"))
        .expect("next article is listed");
    assert!(line.contains(" n "), "{line}");
    assert!(!line.contains(" J "), "{line}");
    assert!(
        screen.contains("F1 help"),
        "the status hint follows too:\n{screen}"
    );
    // Help is longer than 40 rows: its last row is at its end.
    press(&mut app, "G");
    let screen = show(&app);
    assert!(
        screen.contains("narrow (1 cell)"),
        "the ambiguous width is shown:\n{screen}"
    );
}

#[test]
fn every_small_size_draws_without_panic_or_broken_cells() {
    let mut app = fixture_app(80, 24);
    press_all(&mut app, &["j", "l", "ctrl-d"]);
    for width in 0..=80 {
        for height in 0..=30 {
            resize(&mut app, width, height);
            screen_text(&draw(&app));
        }
    }
    // And with an overlay up.
    press(&mut app, "?");
    for (width, height) in [(1, 1), (5, 3), (20, 5), (33, 7), (61, 9)] {
        resize(&mut app, width, height);
        screen_text(&draw(&app));
    }
}

#[test]
fn overlay_edges_never_cut_a_wide_glyph() {
    for width in 60..=121 {
        let mut app = fixture_app(width, 30);
        press_all(&mut app, &["l", "?"]);
        screen_text(&draw(&app));
    }
}

#[test]
fn wide_ambiguous_mode_forces_two_cells_and_stays_aligned() {
    let mut app = app_with(State::default(), 120, 40, AmbiguousWidth::Wide);
    send_issue(&mut app, 0, fixture_issue());
    press(&mut app, "?");
    let buf = draw(&app);
    let text = screen_text(&buf);
    assert!(text.contains('|'), "rules fall back to ASCII:\n{text}");
    let forced = buf
        .content()
        .iter()
        .filter(|c| matches!(c.diff_option, CellDiffOption::ForcedWidth(w) if w.get() == 2))
        .count();
    assert!(forced > 0, "ambiguous glyphs take two cells:\n{text}");
}

#[test]
fn focus_read_and_star_show_without_colour() {
    let mut app = fixture_app(120, 40);
    press_all(&mut app, &["s", "j", "m"]);
    set_theme(Theme::mono(AmbiguousWidth::Narrow));
    let buf = draw(&app);
    assert_no_colour(&buf);
    let text = screen_text(&buf);
    let rows: Vec<&str> = text.lines().collect();
    assert!(
        rows[1].contains('●') && rows[1].contains('★'),
        "{}",
        rows[1]
    );
    assert!(
        rows[3].contains('·') && !rows[3].contains('★'),
        "{}",
        rows[3]
    );
    let headlines_title = buf
        .content()
        .iter()
        .find(|c| c.symbol() == "H")
        .expect("title");
    assert!(headlines_title.modifier.contains(Modifier::REVERSED));
    let issues_title = buf
        .content()
        .iter()
        .find(|c| c.symbol() == "I")
        .expect("title");
    assert!(!issues_title.modifier.contains(Modifier::REVERSED));
}

#[test]
fn no_color_selects_the_monochrome_theme() {
    assert_eq!(
        Theme::new(true, AmbiguousWidth::Narrow),
        Theme::mono(AmbiguousWidth::Narrow)
    );
    assert_ne!(
        Theme::new(false, AmbiguousWidth::Narrow),
        Theme::mono(AmbiguousWidth::Narrow)
    );
    let mut app = fixture_app(80, 24);
    set_theme(Theme::new(true, AmbiguousWidth::Narrow));
    press(&mut app, "?");
    assert_no_colour(&draw(&app));
}

fn assert_no_colour(buf: &Buffer) {
    for cell in buf.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
}

#[test]
fn colour_theme_styles_roles_apart() {
    let mut app = fixture_app(120, 40);
    press(&mut app, "J");
    let buf = draw(&app);
    let kicker = theme().kicker;
    let first_kicker = buf
        .content()
        .iter()
        .find(|c| c.symbol() == "北" && c.fg == kicker.fg.unwrap_or(Color::Reset));
    assert!(first_kicker.is_some(), "the kicker is drawn in its style");
}

/// The real sample, through the real parser and typesetter: what a newcomer
/// sees at the three sizes the reader issue names.
#[test]
fn sample_at_the_three_sizes() {
    for (width, height) in [(60, 20), (80, 24), (120, 40)] {
        let mut app = sample_app(width, height);
        snapshot(&format!("sample_{width}x{height}"), &app);
        press_all(&mut app, &["J", "l", "space"]);
        snapshot(&format!("sample_{width}x{height}_article2_page2"), &app);
    }
}

#[test]
fn sample_reads_through_all_four_articles_with_space() {
    let mut app = sample_app(100, 30);
    press(&mut app, "l");
    let mut seen = vec![app.article()];
    for _ in 0..200 {
        press(&mut app, "space");
        if seen.last() != Some(&app.article()) {
            seen.push(app.article());
        }
        screen_text(&draw(&app));
    }
    assert_eq!(seen, [0, 1, 2, 3]);
    let issue = app.current_issue().unwrap();
    assert!(issue.articles.iter().all(|a| app.state().is_read(&a.id)));
}

#[test]
fn control_and_bidi_characters_never_reach_a_cell() {
    // The library sanitises at ingest; the pen is a second guard.
    let mut issue = fixture_issue();
    let hostile = "标题\u{1b}]52;c;cm0=\u{7}\u{202e}gnp.exe\u{9b}31m\u{0}尾";
    issue.articles[0].headline = hostile.to_owned();
    issue.articles[0].blocks[0].text = format!("正文{hostile}正文");
    let mut app = fixture_app(120, 40);
    send_issue(&mut app, 0, issue);
    let buf = draw(&app);
    for cell in buf.content() {
        let bad = cell
            .symbol()
            .chars()
            .find(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(c));
        assert_eq!(bad, None, "{:?} reached the screen", cell.symbol());
    }
    assert!(screen_text(&buf).contains("标题"));
}

#[test]
fn the_ambiguous_width_line_is_shortened_not_cut() {
    for (width, expected) in [
        (60, "ambiguous width: narrow, assumed"),
        (100, "ambiguous-width glyphs: narrow (1 cell), assumed"),
    ] {
        let library = Library::sample();
        let mut app = App::new(
            library,
            &Config::default(),
            State::default(),
            AmbiguousWidth::Narrow,
        )
        .with_ambiguous_note("assumed (no reply in 200 ms)");
        resize(&mut app, width, 40);
        press_all(&mut app, &["?", "G"]);
        let screen = show(&app);
        let line = screen
            .lines()
            .find(|l| l.contains("“ ” … ·"))
            .expect("the ambiguous-width row");
        assert!(line.contains(expected), "{width}: {line}");
    }
}

/// On a narrow bar the help hint gives way before where the reader is.
#[test]
fn a_narrow_status_bar_keeps_the_place_and_drops_the_hint() {
    for width in [20, 25] {
        let mut app = sample_app(width, 8);
        press(&mut app, "enter");
        let screen = show(&app);
        let bar = screen.lines().last().unwrap();
        assert!(bar.contains("article 1/4"), "{width}: {bar:?}");
        assert!(bar.contains('%'), "{width}: {bar:?}");
        assert!(!bar.contains("help"), "{width}: {bar:?}");
    }
    // With room for both, both.
    let mut app = sample_app(30, 8);
    press(&mut app, "enter");
    let screen = show(&app);
    let bar = screen.lines().last().unwrap();
    assert!(
        bar.contains("article 1/4") && bar.ends_with("? help"),
        "{bar:?}"
    );
}

/// A narrow issue row drops the weekday before the count; with one paper
/// the pane's title names it, and no row repeats it.
#[test]
fn a_narrow_issue_row_drops_the_weekday_and_the_title_names_the_paper() {
    let mut app = sample_app(30, 8);
    press_all(&mut app, &["esc"]);
    let screen = show(&app);
    let lines: Vec<&str> = screen.lines().collect();
    assert_eq!(lines[0].trim(), "Issues · 北京城市副中心报", "{screen}");
    assert_eq!(lines[1].trim(), "2022-02-13 · 4/4 unread", "{screen}");
    assert!(!screen.contains("星期日"), "{screen}");
}

/// At 60 columns no line of help is cut short.
#[test]
fn help_at_60x20_cuts_no_line() {
    let mut app = sample_app(60, 20);
    press(&mut app, "?");
    for _ in 0..4 {
        let screen = show(&app);
        assert!(screen.contains("Help"), "{screen}");
        // The ambiguous-width row names `…` as one of its glyphs.
        let cut = screen
            .lines()
            .filter(|l| !l.contains('“'))
            .any(|l| l.contains('…'));
        assert!(!cut, "{screen}");
        press(&mut app, "space");
    }
}
