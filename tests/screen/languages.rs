//! Every screen in the three interface languages at 60×20, through the
//! broken-cell checker: the main panes at each focus, help (top and end),
//! the log, links and starred overlays and the search prompt. Chinese
//! words take two cells each: nothing the English screen shows whole may
//! be cut in Chinese, and the Chinese screens speak Chinese.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::screen_support;

use std::path::Path;

use broadsheet::app::{App, Copied, Msg, Task};
use broadsheet::config::{Borders, Config, Markers};
use broadsheet::i18n::{self, Lang};
use broadsheet::library::{Library, LibraryOptions};
use broadsheet::store::State;
use broadsheet::typeset::AmbiguousWidth;
use broadsheet::ui::Theme;
use screen_support::*;

const LANGS: [Lang; 3] = [Lang::En, Lang::ZhHans, Lang::ZhHant];

/// A screen: how to reach it from the sample at 60×20, and a word of its
/// chrome in each language (en, zh-Hans, zh-Hant) that must be on it.
struct Screen {
    name: &'static str,
    keys: &'static [&'static str],
    words: [&'static str; 3],
}

const SCREENS: &[Screen] = &[
    Screen {
        name: "headlines",
        keys: &[],
        words: ["article 1/4", "第1/4篇", "第1/4篇"],
    },
    Screen {
        name: "article",
        keys: &["enter"],
        words: ["article 1/4", "第1/4篇", "第1/4篇"],
    },
    Screen {
        name: "article scrolled",
        keys: &["enter", "space"],
        words: ["%", "%", "%"],
    },
    Screen {
        name: "issues",
        keys: &["esc"],
        words: ["Issues", "各期", "各期"],
    },
    Screen {
        name: "help",
        keys: &["?"],
        words: ["Help", "帮助", "說明"],
    },
    Screen {
        name: "help end",
        keys: &["?", "G"],
        words: ["ambiguous", "宽度", "寬度"],
    },
    Screen {
        name: "log",
        keys: &["!"],
        words: ["Messages", "消息", "訊息"],
    },
    Screen {
        name: "links",
        keys: &["enter", "L"],
        words: ["No links in this article", "没有链接", "沒有連結"],
    },
    Screen {
        name: "starred",
        keys: &["s", "S"],
        words: ["Starred", "收藏", "收藏"],
    },
    Screen {
        name: "starred, none",
        keys: &["S"],
        words: ["No starred articles", "没有收藏", "沒有收藏"],
    },
    Screen {
        name: "notice",
        keys: &["m"],
        words: ["marked read", "已标为已读", "已標為已讀"],
    },
    Screen {
        name: "search not found",
        keys: &["/", "x", "y", "z", "enter"],
        words: ["not found: xyz", "未找到：xyz", "找不到：xyz"],
    },
    Screen {
        name: "no pages",
        keys: &["]"],
        words: [
            "this issue has no pages",
            "这一期没有分版",
            "這一期沒有分版",
        ],
    },
    Screen {
        name: "issue marked read",
        keys: &["A"],
        words: [
            "marked 4 articles read (A again undoes)",
            "已把4篇文章标为已读（再按 A 撤销）",
            "已把4篇文章標為已讀（再按 A 復原）",
        ],
    },
    Screen {
        name: "issue mark undone",
        keys: &["A", "A"],
        words: [
            "undone: 4 articles are as they were",
            "已撤销：4篇文章恢复原状",
            "已復原：4篇文章回到原狀",
        ],
    },
    Screen {
        name: "no other unread issue",
        keys: &["U"],
        words: [
            "no other issue has unread articles",
            "其他各期都没有未读文章",
            "其他各期都沒有未讀文章",
        ],
    },
    Screen {
        name: "no headline 9",
        keys: &["9"],
        words: [
            "no headline 9 on screen: 4 shown, press 1 to 4",
            "屏幕上没有第9条标题：只显示了4条，请按 1 到 4",
            "畫面上沒有第9則標題：只顯示了4則，請按 1 到 4",
        ],
    },
    Screen {
        name: "go-to prompt",
        keys: &[":"],
        words: ["date or paper", "日期或报名", "日期或報名"],
    },
    Screen {
        name: "library search prompt",
        keys: &["|"],
        words: ["search every issue", "搜索每一期", "搜尋每一期"],
    },
    Screen {
        name: "copy, no terminal",
        keys: &["enter", "y"],
        words: [
            "not copied: no terminal to copy to",
            "未复制：没有可复制到的终端",
            "未複製：沒有可複製到的終端機",
        ],
    },
    Screen {
        name: "script",
        keys: &["t", "t"],
        words: ["traditional characters", "繁体字", "繁體字"],
    },
    Screen {
        name: "search prompt",
        keys: &["/", "城", "市"],
        words: ["hits", "处", "處"],
    },
];

fn screen_in(lang: Lang, app: impl FnOnce() -> App, keys: &[&str]) -> String {
    i18n::with(lang, || {
        let mut app = app();
        press_all(&mut app, keys);
        show(&app)
    })
}

/// How many cells end in an ellipsis: a text fitted short.
fn cuts(screen: &str) -> usize {
    // The help's ambiguous-width row shows `…` as one of its glyphs.
    (screen.lines().filter(|l| !l.contains("“ ” … ·")))
        .map(|l| l.matches('…').count())
        .sum()
}

fn check(name: &str, screens: [String; 3], words: [&str; 3]) {
    let english = cuts(&screens[0]);
    for ((lang, screen), word) in LANGS.iter().zip(&screens).zip(words) {
        assert!(
            screen.contains(word),
            "{name} in {lang:?}: no {word:?}\n{screen}"
        );
        assert!(
            cuts(screen) <= english,
            "{name} in {lang:?} cuts more than in English\n{screen}\n{}",
            screens[0]
        );
    }
    // The Chinese screens have no English left in their chrome.
    for screen in &screens[1..] {
        for english in ["help", "article", "Headlines", "hits", "Help"] {
            assert!(
                !screen.contains(english),
                "{name}: {english:?} in\n{screen}"
            );
        }
    }
}

#[test]
fn every_screen_in_three_languages_at_60x20() {
    for screen in SCREENS {
        let shown = LANGS.map(|lang| screen_in(lang, || sample_app(60, 20), screen.keys));
        check(screen.name, shown, screen.words);
    }
}

#[test]
fn the_links_overlay_in_three_languages_at_60x20() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/links-2024-03-20.md");
    let app = || {
        let library = Library::open(std::slice::from_ref(&path), &LibraryOptions::default());
        let mut app = App::new(
            library,
            &Config::default(),
            State::default(),
            AmbiguousWidth::Narrow,
        );
        set_theme(Theme::new(false, AmbiguousWidth::Narrow));
        resize(&mut app, 60, 20);
        app
    };
    let shown = LANGS.map(|lang| screen_in(lang, app, &["enter", "L"]));
    check("links", shown, ["Links", "链接", "連結"]);
}

/// What the status bar says of a copy made, `y` (the article), `Y` (the
/// citation) and `y` in the links list (a link), whole at 60 columns.
#[test]
fn the_copy_notices_in_three_languages_at_60x20() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/links-2024-03-20.md");
    // The sample for the article and the citation (its status bar has no
    // jump hint to share the row with), the fixture for a link.
    let cases: [(&[&str], [&str; 3]); 3] = [
        (
            &["enter", "y"],
            ["copied the article (", "已把本文（", "已把本文（"],
        ),
        (
            &["enter", "Y"],
            ["copied the citation (", "已把出处（", "已把出處（"],
        ),
        (
            &["enter", "L", "y"],
            ["copied link 1 (", "已把链接1（", "已把連結1（"],
        ),
    ];
    // The English is cut at 60 columns beside `? help` (it is 54 cells);
    // the Chinese is shorter and shown whole.
    let vias = [
        ") to the terminal (OSC",
        "B）复制到终端（OSC 52）",
        "B）複製到終端機（OSC 52）",
    ];
    for (keys, words) in cases {
        let shown = LANGS.map(|lang| {
            i18n::with(lang, || {
                let mut app = match keys.contains(&"L") {
                    true => {
                        let library =
                            Library::open(std::slice::from_ref(&path), &LibraryOptions::default());
                        App::new(
                            library,
                            &Config::default(),
                            State::default(),
                            AmbiguousWidth::Narrow,
                        )
                    }
                    false => sample_app(60, 20),
                };
                set_theme(Theme::new(false, AmbiguousWidth::Narrow));
                resize(&mut app, 60, 20);
                let (last, before) = keys.split_last().unwrap();
                press_all(&mut app, before);
                // The clip the key asks for, copied as the loop would.
                let key = broadsheet::keys::parse_key(last).unwrap();
                let effects = send_only(&mut app, Msg::Key(key));
                let clip = (effects.tasks.into_iter())
                    .find_map(|t| match t {
                        Task::Copy(clip) => Some(clip),
                        _ => None,
                    })
                    .unwrap();
                let copied = Copied {
                    bytes: clip.text.len(),
                    via: i18n::text("copy.via_terminal", &[]),
                };
                send(&mut app, Msg::Copied(clip.what, Ok(copied)));
                send(&mut app, Msg::Frame);
                show(&app)
            })
        });
        for (screen, via) in shown.iter().zip(vias) {
            let bar = screen.lines().last().unwrap();
            assert!(bar.contains(via), "{keys:?}: no {via:?} in\n{screen}");
        }
        check(&format!("copied {keys:?}"), shown, words);
    }
}

/// `markers = "text"` says the marks in words, and an issue new since the
/// last run says so, in the interface's language, lined up at 60 columns.
#[test]
fn the_marker_words_and_new_in_three_languages_at_60x20() {
    let shown = LANGS.map(|lang| {
        i18n::with(lang, || {
            let mut state = State::default();
            // An issue seen before: the sample is then new this run.
            state.note_issues(["seen-before.md"], 1);
            let mut app = app_with(state, 60, 20, AmbiguousWidth::Narrow);
            let look = Theme::new(false, AmbiguousWidth::Narrow);
            set_theme(look.with_look(AmbiguousWidth::Narrow, Borders::Line, Markers::Text));
            press_all(&mut app, &["s", "j", "m"]);
            let headlines = show(&app);
            press(&mut app, "esc");
            [headlines, show(&app)]
        })
    });
    let words = [
        [
            "[new]  [star] 蔡奇",
            "[read]        副中心",
            "new 2022-02-13",
        ],
        [
            "[未读] [收藏] 蔡奇",
            "[已读]        副中心",
            "新 2022-02-13",
        ],
        [
            "[未讀] [收藏] 蔡奇",
            "[已讀]        副中心",
            "新 2022-02-13",
        ],
    ];
    for ((lang, screens), words) in LANGS.iter().zip(&shown).zip(words) {
        let both = screens.join("\n");
        for word in words {
            assert!(both.contains(word), "{lang:?}: no {word:?} in\n{both}");
        }
    }
    let [en, hans, hant] = shown;
    let [[en_h, en_i], [hans_h, hans_i], [hant_h, hant_i]] = [en, hans, hant];
    check(
        "marker words",
        [en_h, hans_h, hant_h],
        ["[read]", "[已读]", "[已讀]"],
    );
    check("new issue", [en_i, hans_i, hant_i], ["new", "新", "新"]);
}

/// The status bar at 60 columns keeps every part in Chinese that it keeps
/// in English: paper, date, weekday, place and the help hint.
#[test]
fn the_status_bar_at_60_columns_keeps_its_parts_in_chinese() {
    let bars = LANGS.map(|lang| {
        let screen = screen_in(lang, || sample_app(60, 20), &["enter"]);
        screen.lines().last().unwrap().to_owned()
    });
    let en = "北京城市副中心报 · 2022-02-13 · article 1/4 · 20%";
    assert!(bars[0].contains(en), "{}", bars[0]);
    assert!(bars[0].ends_with("? help"), "{}", bars[0]);
    for (bar, hint) in bars[1..].iter().zip(["? 帮助", "? 說明"]) {
        assert!(
            bar.contains("北京城市副中心报 · 2022年2月13日 · 第1/4篇 · 20%"),
            "{bar}"
        );
        assert!(bar.ends_with(hint), "{bar}");
    }
}
