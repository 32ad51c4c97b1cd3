//! 繁简 on screen: the `script` setting shows article text in simplified
//! or traditional characters in every pane, and `t` cycles it; drawn
//! through the broken-cell checker (`show`).
// Tests may unwrap, expect and panic: a failure is the report.

use crate::screen_support;

use broadsheet::app::App;
use broadsheet::config::Config;
use broadsheet::i18n::{self, Lang};
use broadsheet::library::{Library, LibraryOptions};
use broadsheet::store::State;
use broadsheet::typeset::{AmbiguousWidth, Punctuation, Script};
use broadsheet::ui::Theme;
use screen_support::*;

/// The sample at `width`×`height` with `script` set in the config.
fn app_in(script: Script, width: u16, height: u16) -> App {
    let config = Config {
        script,
        ..Config::default()
    };
    app_of(Library::sample(), &config, (width, height))
}

fn app_of(library: Library, config: &Config, (width, height): (u16, u16)) -> App {
    let mut app = App::new(library, config, State::default(), AmbiguousWidth::Narrow);
    set_theme(Theme::new(false, AmbiguousWidth::Narrow));
    resize(&mut app, width, height);
    app
}

/// One issue file of `text` in a folder of its own, opened with `script`.
fn issue_in(text: &str, script: Script, size: (u16, u16)) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("2024-03-12.md"), text).unwrap();
    let library = Library::open(&[dir.path().to_path_buf()], &LibraryOptions::default());
    let config = Config {
        script,
        ..Config::default()
    };
    let app = app_of(library, &config, size);
    (dir, app)
}

fn status(screen: &str) -> &str {
    screen.lines().last().unwrap_or_default()
}

#[test]
fn t_cycles_as_printed_simplified_traditional_and_keeps_the_place() {
    i18n::with(Lang::En, || {
        let mut app = app_in(Script::AsIs, 60, 20);
        press_all(&mut app, &["enter", "space"]);
        let before = show(&app);
        let (top, anchor) = app.view().map(|v| (v.top, v.anchor)).unwrap();
        assert!(before.contains("副中心"), "{before}");
        // The sample is printed in simplified characters: the first step
        // shows it as it was, and says so.
        press(&mut app, "t");
        let simplified = show(&app);
        assert!(status(&simplified).contains("simplified"), "{simplified}");
        press(&mut app, "t");
        let traditional = show(&app);
        assert!(
            status(&traditional).contains("traditional"),
            "{traditional}"
        );
        assert!(
            !traditional.contains("设") && traditional.contains("設"),
            "{traditional}"
        );
        // One character for one: the same lines, at the same place.
        assert_eq!(app.view().map(|v| (v.top, v.anchor)), Some((top, anchor)));
        assert_eq!(traditional.lines().count(), before.lines().count());
        press(&mut app, "t");
        let again = show(&app);
        assert!(status(&again).contains("as printed"), "{again}");
        let body = |s: &str| s.lines().take(18).collect::<Vec<_>>().join("\n");
        assert_eq!(body(&again), body(&before));
    });
}

#[test]
fn the_cycle_comes_back_to_the_traditional_the_setting_names() {
    i18n::with(Lang::ZhHant, || {
        let mut app = app_in(Script::TraditionalTw, 60, 20);
        for notice in [
            "中文照原樣顯示",
            "中文顯示為簡體字",
            "中文顯示為繁體字（臺灣）",
        ] {
            press(&mut app, "t");
            let screen = show(&app);
            assert!(status(&screen).contains(notice), "{screen}");
        }
    });
}

#[test]
fn a_pattern_in_either_script_finds_the_other_and_is_lit_where_it_is_drawn() {
    for script in [Script::AsIs, Script::Traditional] {
        let mut app = app_in(script, 60, 20);
        // The sample prints 调研; typed in either script, it is found, and
        // lit on the cells that show it, whichever script they show.
        search(&mut app, "調研");
        let buf = draw(&app);
        let text = screen_text(&buf);
        let shown = match script {
            Script::AsIs => "调研",
            _ => "調研",
        };
        assert_eq!(cells_in(&buf, theme().search_current), [shown], "{text}");
        assert!(status(&text).contains("/調研 1/"), "{text}");
    }
}

#[test]
fn every_pane_shows_the_script_asked_for_with_fullwidth_punctuation_too() {
    let config = Config {
        script: Script::Traditional,
        punctuation: Punctuation::Fullwidth,
        ..Config::default()
    };
    for size in [(40, 20), (60, 20), (120, 30)] {
        let mut app = app_of(Library::sample(), &config, size);
        // Headlines (with the pane's second lines), then the article.
        let headlines = show(&app);
        assert!(headlines.contains("蔡奇在城市副中心調研"), "{headlines}");
        assert!(headlines.contains("本報訊（記者 趙曉松）"), "{headlines}");
        press(&mut app, "enter");
        let article = show(&app);
        assert!(
            article.contains("本報訊（記者 劉菲菲 武紅利）"),
            "{article}"
        );
        assert!(article.contains("領導小組"), "{article}");
        // The status bar's paper name is the masthead, shown as well
        // (cut at 40 columns).
        let paper = status(&article).split(" · ").next().unwrap_or_default();
        assert!(!paper.contains('报'), "{article}");
        if size.0 >= 60 {
            assert_eq!(paper, " 北京城市副中心報", "{article}");
        }
        for screen in [&headlines, &article] {
            for simplified in ["调研", "领导", "记者"] {
                assert!(!screen.contains(simplified), "{simplified} in\n{screen}");
            }
        }
    }
}

#[test]
fn traditional_text_is_shown_simplified() {
    let text = "# 報\n\n## 京張高鐵通車\n\n頭髮與發展，乾淨的臺灣。\n";
    let (_dir, mut app) = issue_in(text, Script::Simplified, (60, 20));
    press(&mut app, "enter");
    let screen = show(&app);
    assert!(screen.contains("京张高铁通车"), "{screen}");
    assert!(screen.contains("头发与发展，干净的台湾。"), "{screen}");
}

#[test]
fn hits_are_lit_on_the_cells_of_each_converted_form() {
    // One simplified 发 is two traditional characters, chosen by phrase:
    // 头发 → 頭髮, 发展 → 發展. The pattern finds both, and each is lit
    // where it is drawn.
    let text = "# 报\n\n## 理发与发展\n\n头发的发展。\n";
    let (_dir, mut app) = issue_in(text, Script::Traditional, (60, 20));
    press(&mut app, "enter");
    search(&mut app, "发");
    let buf = draw(&app);
    let screen = screen_text(&buf);
    assert!(
        screen.contains("理髮與發展") && screen.contains("頭髮的發展。"),
        "{screen}"
    );
    assert_eq!(cells_in(&buf, theme().search_current), ["髮"], "{screen}");
    // The other three in the hit style: the headline's 發, the body's 髮
    // and 發 (each row's lit cells, in order).
    assert_eq!(
        cells_in(&buf, theme().search_hit),
        ["發", "髮發"],
        "{screen}"
    );
    // Typed in traditional, the same four: 髮 folds to 发 as 發 does, so
    // either finds both (as a capital finds either case).
    search(&mut app, "髮");
    let found = app.search().found.as_ref().map(|f| f.hits.len());
    assert_eq!(found, Some(4));
}

#[test]
fn page_labels_are_the_papers_words_shown_as_its_articles() {
    let feed = std::path::PathBuf::from("tests/fixtures/pages/fuzhongxin_2026-03-05.xml");
    let library = Library::open(&[feed], &LibraryOptions::default());
    let config = Config {
        script: Script::Traditional,
        ..Config::default()
    };
    let mut app = app_of(library, &config, (60, 20));
    let headlines = show(&app);
    assert!(headlines.contains("第4版 評論"), "{headlines}");
    press(&mut app, "enter");
    let article = show(&app);
    assert!(status(&article).contains("第1版 要聞"), "{article}");
}
