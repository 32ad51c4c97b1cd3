//! `broadsheet --linear` driven through a pipe, as a script would (issue
//! 17): the whole transcript is plain text and line feeds, and the marks
//! and the place are saved as the full reader saves them.
// Tests may unwrap, expect and panic: a failure is the report.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Run `broadsheet --linear ARGS` with `script` on standard input, its
/// state and config under `home`, in English.
fn linear(home: &Path, args: &[&str], script: &str) -> Output {
    linear_in("C.UTF-8", home, args, script)
}

/// [`linear`] under `LANG=lang` (no LC_ALL or LC_MESSAGES over it).
fn linear_in(lang: &str, home: &Path, args: &[&str], script: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .arg("--linear")
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("BROADSHEET_CONFIG")
        .env("TERM", "xterm-256color")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn state(home: &Path) -> String {
    std::fs::read_to_string(home.join("state/broadsheet/state.json")).unwrap()
}

#[test]
fn a_scripted_session_is_plain_text_and_line_feeds_only() {
    let home = tempfile::tempdir().unwrap();
    let out = linear(home.path(), &[], "2\nn\ns 城市副中心\nq\n");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    // No escape sequence at all, and no control but the line feed.
    let controls: Vec<char> = text
        .chars()
        .filter(|c| c.is_control() && *c != '\n')
        .collect();
    assert!(controls.is_empty(), "{controls:?} in:\n{text}");
    // No box drawing either.
    assert!(
        !text.chars().any(|c| ('\u{2500}'..='\u{257F}').contains(&c)),
        "{text}"
    );
    // The headlines, numbered, with their bylines.
    assert!(text.contains("1. 蔡奇在城市副中心调研"), "{text}");
    assert!(
        text.contains("2. 副中心年底前将实现四级政务服务全覆盖 — 本报记者 陈施君"),
        "{text}"
    );
    // `2`: the second article, from its first paragraph on.
    let second = text.find("Article 2 of 4:").expect("article 2 printed");
    let paragraph = text
        .find("　　政务大厅是地方营商环境的窗口")
        .expect("its first paragraph");
    assert!(second < paragraph, "{text}");
    // `n`: the third; the search lists what matches, marked read once read.
    let third = text.find("Article 3 of 4:").expect("article 3 printed");
    assert!(paragraph < third && text[third..].contains("冬奥会速度滑冰中国男选手夺冠"));
    assert!(
        text.contains("3 articles contain \"城市副中心\":"),
        "{text}"
    );
    assert!(text.contains("2. [read] 副中心年底前"), "{text}");
    // Every line fits the width (80 off a terminal).
    let width =
        |l: &str| broadsheet::typeset::str_width(l, broadsheet::typeset::AmbiguousWidth::Narrow);
    for line in text
        .lines()
        .filter(|l| !l.starts_with("broadsheet, linear mode"))
    {
        assert!(width(line) <= 80, "{line}");
    }
    // The place (the third article) and the read marks are saved.
    let saved = state(home.path());
    assert!(saved.contains("\"read\":true"), "{saved}");
    // Started again, the reader is where it was: `n` goes on to the fourth.
    let reopened = linear(home.path(), &[], "n\nq\n");
    let reopened = String::from_utf8(reopened.stdout).unwrap();
    assert!(
        reopened.contains("Article 4 of 4:"),
        "resumes after article 3:\n{reopened}"
    );
}

#[test]
fn marks_stars_issues_and_help_answer_in_words() {
    let home = tempfile::tempdir().unwrap();
    let out = linear(home.path(), &[], "m\n1\n*\nm\nh\ni\ni 9\n5\nwhat\n?\n");
    // The end of the input quits, as `q` does.
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}'));
    assert!(
        text.contains("No article is open") || text.contains("marked"),
        "{text}"
    );
    assert!(text.contains("starred"), "{text}");
    assert!(
        text.contains("marked unread"),
        "read at its end, then unread:\n{text}"
    );
    assert!(text.contains("1. [star] 蔡奇"), "{text}");
    assert!(
        text.contains("1 issue:") && text.contains("(open)"),
        "{text}"
    );
    assert!(text.contains("There is no issue 9"), "{text}");
    assert!(
        text.contains("There is no article 5: this issue has 4"),
        "{text}"
    );
    assert!(text.contains("Unknown command \"what\""), "{text}");
    assert!(
        text.contains("s TEXT") && text.contains("search this issue"),
        "{text}"
    );
    assert!(state(home.path()).contains("\"starred\":true"));
}

#[test]
fn linear_in_the_config_needs_no_terminal_either() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config/broadsheet");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "linear = true\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .env("XDG_STATE_HOME", home.path().join("state"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env_remove("BROADSHEET_CONFIG")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("4. 城市副中心党工委"), "{text}");
}

/// What a screen-reader user hears, in the locale's language: the welcome,
/// the headings, the article's end, a search, the issues, the errors, the
/// commands (aligned in cells), the goodbye; and a damaged state file
/// told on stderr in it too.
#[test]
fn the_linear_mode_speaks_the_locales_language() {
    let script = "2\ns 城市副中心\ni\ni 9\n7\nwhat\n?\nq\n";
    let cases = [
        (
            "zh_CN.UTF-8",
            [
                "broadsheet 线性阅读模式。输入标题的编号并按回车即可阅读；输入 ? 列出所有命令。",
                "北京城市副中心报，2022年2月13日 星期日，4篇",
                "第2篇，共4篇：",
                "第2篇（共4篇）完。输入 n 读下一篇，h 列出标题。",
                "有3篇文章含有“城市副中心”：",
                "2. [已读] 副中心年底前将实现四级政务服务全覆盖 — 本报记者 陈施君（4处）",
                "共1期：",
                "1. 北京城市副中心报，2022年2月13日 星期日，4篇（当前）",
                "没有第9期：报库里有1期。请输入 i 1 到 i 1。",
                "没有第7篇：这一期有4篇。请输入 1 到 4。",
                "没有“what”这个命令。输入 ? 列出所有命令。",
                "命令（输入一个并按回车）：",
                "  s 文字  在这一期里搜索文字",
                "  i 编号  打开第几期",
                "  q       退出",
                "再见。阅读位置和标记都已保存。",
            ],
            "已损坏（不是有效的 JSON：",
        ),
        (
            "zh_TW.UTF-8",
            [
                "broadsheet 線性閱讀模式。輸入標題的編號並按 Enter 即可閱讀；輸入 ? 列出所有指令。",
                "北京城市副中心报，2022年2月13日 星期日，4篇",
                "第2篇，共4篇：",
                "第2篇（共4篇）完。輸入 n 讀下一篇，h 列出標題。",
                "有3篇文章含有「城市副中心」：",
                // The paper's own text stays as printed (`script = "as-is"`).
                "2. [已讀] 副中心年底前将实现四级政务服务全覆盖 — 本报记者 陈施君（4處）",
                "共1期：",
                "1. 北京城市副中心报，2022年2月13日 星期日，4篇（目前）",
                "沒有第9期：報庫裡有1期。請輸入 i 1 到 i 1。",
                "沒有第7篇：這一期有4篇。請輸入 1 到 4。",
                "沒有「what」這個指令。輸入 ? 列出所有指令。",
                "指令（輸入一個並按 Enter）：",
                "  s 文字  在這一期裡搜尋文字",
                "  i 編號  開啟第幾期",
                "  q       離開",
                "再見。閱讀位置和標記都已儲存。",
            ],
            "已損毀（不是有效的 JSON：",
        ),
    ];
    for (lang, lines, damaged) in cases {
        let home = tempfile::tempdir().unwrap();
        let state = home.path().join("state/broadsheet");
        std::fs::create_dir_all(&state).unwrap();
        std::fs::write(state.join("state.json"), "{\"version\":").unwrap();
        let out = linear_in(lang, home.path(), &[], script);
        assert!(out.status.success(), "{out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        for line in lines {
            assert!(
                text.lines().any(|l| l == line),
                "LANG={lang}: no {line:?} in\n{text}"
            );
        }
        for english in [
            "Article", "article", "issue", "Type", "Goodbye", "[read]", "hit",
        ] {
            assert!(
                !text.contains(english),
                "LANG={lang}: {english:?} in\n{text}"
            );
        }
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.starts_with("broadsheet: ") && stderr.contains(damaged),
            "LANG={lang}: {stderr}"
        );
        assert!(
            stderr.contains(
                ["；阅读状态从空白开始", "；閱讀狀態從空白開始"]
                    [usize::from(lang == "zh_TW.UTF-8")]
            ),
            "{stderr}"
        );
    }
}
