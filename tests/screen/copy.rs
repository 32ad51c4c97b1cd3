//! `y` and `Y`: what they ask the loop to copy, and what the status bar
//! says of the answer (the OSC 52 bytes themselves: tests/pty/copy.rs).

use std::path::Path;

use crate::screen_support::*;
use broadsheet::app::{App, Clip, Copied, Msg, Task};
use broadsheet::config::Config;
use broadsheet::library::{Library, LibraryOptions};
use broadsheet::store::State;
use broadsheet::typeset::AmbiguousWidth;

fn fixture(name: &str, size: (u16, u16)) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let library = Library::open(&[path], &LibraryOptions::default());
    let mut app = App::new(
        library,
        &Config::default(),
        State::default(),
        AmbiguousWidth::Narrow,
    );
    resize(&mut app, size.0, size.1);
    press(&mut app, "enter");
    app
}

/// The clip `key` hands the loop.
fn clip_of(app: &mut App, key: &str) -> Option<Clip> {
    let key = broadsheet::keys::parse_key(key).expect("a key spec");
    let effects = send_only(app, Msg::Key(key));
    effects.tasks.into_iter().find_map(|t| match t {
        Task::Copy(clip) => Some(clip),
        _ => None,
    })
}

#[test]
fn capital_y_copies_the_citation_with_its_page() {
    let mut app = fixture("pages/fuzhongxin_2026-03-05.xml", (60, 20));
    let headline = app.current_article().unwrap().headline.clone();
    let clip = clip_of(&mut app, "Y").unwrap();
    assert_eq!(clip.what, "the citation");
    assert_eq!(
        clip.text,
        format!("《副中心日报》2026年3月5日 第1版《{headline}》")
    );
}

#[test]
fn the_sample_s_citation_has_paper_date_and_headline() {
    let mut app = sample_app(60, 20);
    let clip = clip_of(&mut app, "Y").unwrap();
    assert!(
        clip.text
            .starts_with("《北京城市副中心报》2022年2月13日《蔡奇在城市副中心调研"),
        "{}",
        clip.text
    );
}

#[test]
fn y_copies_the_article_as_plain_text() {
    let mut app = fixture("bare-links-2022-02-14.md", (60, 20));
    let clip = clip_of(&mut app, "y").unwrap();
    assert_eq!(clip.what, "the article");
    assert!(
        clip.text
            .starts_with("高通发布新一代移动平台\n本报记者 李华\n\n高通公司"),
        "{}",
        clip.text
    );
    assert!(clip.text.contains(
        "https://www.qualcomm.com/news/releases/2022/02/snapdragon-platform?lang=zh&ref=bjfzx"
    ));
    assert!(clip.text.ends_with("首批产品包括手机和平板电脑。\n"));
}

#[test]
fn the_status_bar_tells_the_size_or_the_failure() {
    let mut app = sample_app(80, 24);
    send(
        &mut app,
        Msg::Copied(
            "the citation".into(),
            Ok(Copied {
                bytes: 87,
                via: "the terminal (OSC 52)".into(),
            }),
        ),
    );
    assert_eq!(
        app.notice(),
        Some("copied the citation (87 B) to the terminal (OSC 52)")
    );
    assert!(
        show(&app).contains("copied the citation (87 B)"),
        "{}",
        show(&app)
    );
    let refused = "not copied: 120.0 KiB is more than osc52_max_bytes (73.2 KiB)".to_owned();
    send(
        &mut app,
        Msg::Copied("the article".into(), Err(refused.clone())),
    );
    assert_eq!(app.notice(), Some(refused.as_str()));
    assert!(
        app.messages().iter().any(|m| m.contains("osc52_max_bytes")),
        "in the log too"
    );
}

#[test]
fn bare_urls_are_underlined_and_listed() {
    let mut app = fixture("bare-links-2022-02-14.md", (80, 24));
    press(&mut app, "L");
    let screen = show(&app);
    assert!(
        screen.contains("[1]  https://www.qualcomm.com/news/"),
        "{screen}"
    );
    assert!(
        screen.contains("[2]  mailto:desk@bjfzx.example"),
        "{screen}"
    );
    assert!(
        !screen.contains("— desk@"),
        "an address is said once: {screen}"
    );
}
