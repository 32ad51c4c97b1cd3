//! `broadsheet --linear` driven through a pipe, as a script would (issue
//! 17): the whole transcript is plain text and line feeds, and the marks
//! and the place are saved as the full reader saves them.
// Tests may unwrap, expect and panic: a failure is the report.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Run `broadsheet --linear ARGS` with `script` on standard input, its
/// state and config under `home`.
fn linear(home: &Path, args: &[&str], script: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .arg("--linear")
        .args(args)
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
