//! 繁简 on screen: the `script` setting shows article text in simplified
//! or traditional characters in every pane, and `t` cycles it; drawn
//! through the broken-cell checker (`show`).
// Tests may unwrap, expect and panic: a failure is the report.

use crate::screen_support;

use broadsheet::app::App;
use broadsheet::config::Config;
use broadsheet::i18n::{self, Lang};
use broadsheet::library::Library;
use broadsheet::store::State;
use broadsheet::typeset::{AmbiguousWidth, Script};
use broadsheet::ui::Theme;
use screen_support::*;

/// The sample at `width`×`height` with `script` set in the config.
fn app_in(script: Script, width: u16, height: u16) -> App {
    let config = Config {
        script,
        ..Config::default()
    };
    let library = Library::sample();
    let mut app = App::new(library, &config, State::default(), AmbiguousWidth::Narrow);
    set_theme(Theme::new(false, AmbiguousWidth::Narrow));
    resize(&mut app, width, height);
    app
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
