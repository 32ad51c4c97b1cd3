//! Chinese display options in every pane that shows article text: fullwidth
//! punctuation in the Headlines pane as in the Article pane.

use broadsheet::app::App;
use broadsheet::config::Config;
use broadsheet::library::Library;
use broadsheet::store::State;
use broadsheet::typeset::{AmbiguousWidth, Punctuation};

use crate::screen_support::{draw, resize, screen_text};

fn sample_with(config: &Config, width: u16, height: u16) -> String {
    let mut app = App::new(
        Library::sample(),
        config,
        State::default(),
        AmbiguousWidth::Narrow,
    );
    resize(&mut app, width, height);
    screen_text(&draw(&app))
}

#[test]
fn fullwidth_punctuation_reaches_the_headlines_pane() {
    let fullwidth = Config {
        punctuation: Punctuation::Fullwidth,
        ..Config::default()
    };
    // Article 3's byline shows only in the Headlines pane at start.
    let text = sample_with(&fullwidth, 120, 40);
    assert!(text.contains("本报讯（记者 赵晓松）"), "{text}");
    assert!(!text.contains("本报讯(记者 赵晓松)"), "{text}");
    let text = sample_with(&Config::default(), 120, 40);
    assert!(text.contains("本报讯(记者 赵晓松)"), "{text}");
}
