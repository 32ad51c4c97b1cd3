//! The command line in the locale's language: `--help` (commands, arguments
//! and section names) and the errors broadsheet itself writes.
// Tests may unwrap, expect and panic: a failure is the report.

use std::process::{Command, Output};

/// The binary with `args` under `LANG=lang` (no LC_ALL, LC_MESSAGES, and
/// no config file, so that the locale alone decides).
pub fn run_in(lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .args(args)
        .env_remove("BROADSHEET_CONFIG")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn help_is_in_the_locales_language() {
    let cases = [
        (
            "zh_CN.UTF-8",
            [
                "用法: broadsheet",
                "命令:",
                "参数:",
                "选项:",
                "显示帮助",
                "把每篇文章按宽度排好",
            ],
        ),
        (
            "zh_TW.UTF-8",
            [
                "用法: broadsheet",
                "命令:",
                "參數:",
                "選項:",
                "顯示說明",
                "把每篇文章按寬度排好",
            ],
        ),
        (
            "C.UTF-8",
            [
                "Usage: broadsheet",
                "Commands:",
                "Arguments:",
                "Options:",
                "Print help",
                "Print every article",
            ],
        ),
    ];
    for (lang, words) in cases {
        let text = stdout(&run_in(lang, &["--help"]));
        for word in words {
            assert!(text.contains(word), "LANG={lang}: no {word:?} in\n{text}");
        }
    }
    // A subcommand's arguments too, in the order clap gives them.
    let text = stdout(&run_in("zh_CN.UTF-8", &["search", "-h"]));
    let pattern = text.find("<PATTERN>   要找的文字").expect(&text);
    let paths = text.find("[PATHS]...  报纸文件或文件夹").expect(&text);
    assert!(pattern < paths, "{text}");
    assert!(!text.contains("Print help"), "{text}");
}

#[test]
fn errors_are_in_the_locales_language() {
    let missing = "/nonexistent/issue.md";
    let cases = [
        (
            "zh_CN.UTF-8",
            "broadsheet: 没有找到报纸（报纸文件以 .md、.markdown 或 .txt 结尾）",
        ),
        (
            "zh_TW.UTF-8",
            "broadsheet: 沒有找到報紙（報紙檔案以 .md、.markdown 或 .txt 結尾）",
        ),
        (
            "C.UTF-8",
            "broadsheet: no issue found (issue files end in .md, .markdown or .txt)",
        ),
    ];
    for (lang, line) in cases {
        let output = run_in(lang, &["dump", missing]);
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.lines().any(|l| l == line), "LANG={lang}:\n{stderr}");
        let why = match lang {
            "zh_CN.UTF-8" => "：没有这个文件或文件夹",
            "zh_TW.UTF-8" => "：沒有這個檔案或資料夾",
            _ => ": no such file or folder",
        };
        let first = format!("broadsheet: {missing}{why}");
        assert_eq!(stderr.lines().next(), Some(first.as_str()), "LANG={lang}");
        // The reader without a terminal says why, in the language too.
        let output = run_in(lang, &[]);
        let stderr = String::from_utf8(output.stderr).unwrap();
        let why = match lang {
            "zh_CN.UTF-8" => "标准",
            "zh_TW.UTF-8" => "標準",
            _ => "standard",
        };
        assert!(
            stderr.starts_with(&format!("broadsheet: {why}")),
            "LANG={lang}: {stderr}"
        );
    }
}

#[test]
fn a_missing_config_file_is_named_in_the_locales_language() {
    for (lang, line) in [
        (
            "zh_CN.UTF-8",
            "broadsheet: 配置文件 /nonexistent.toml（由 --config 给出）不存在",
        ),
        (
            "zh_TW.UTF-8",
            "broadsheet: 設定檔 /nonexistent.toml（由 --config 給出）不存在",
        ),
        (
            "C.UTF-8",
            "broadsheet: config file /nonexistent.toml (given with --config) does not exist",
        ),
    ] {
        let output = run_in(lang, &["--config", "/nonexistent.toml", "dump"]);
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(stderr.trim_end(), line, "LANG={lang}");
    }
}

/// `feeds list` and `list` are two commands of one name: each has its own
/// Chinese (the catalogue keys them by path, `clap.about.feeds.list`).
#[test]
fn a_subcommand_s_help_is_its_own_not_its_namesakes() {
    let feeds = stdout(&run_in("zh_CN.UTF-8", &["feeds", "-h"]));
    let list = (feeds.lines())
        .find(|l| l.trim_start().starts_with("list "))
        .expect(&feeds);
    assert!(list.contains("输出订阅：编号、网址、报名"), "{feeds}");
    let top = stdout(&run_in("zh_CN.UTF-8", &["-h"]));
    let list = (top.lines())
        .find(|l| l.trim_start().starts_with("list "))
        .expect(&top);
    assert!(list.contains("每期输出一行"), "{top}");
    let own = stdout(&run_in("zh_TW.UTF-8", &["help", "feeds", "list"]));
    assert!(own.starts_with("輸出訂閱：編號、網址、報名"), "{own}");
}

/// `broadsheet config`'s first line, `broadsheet fetch` with nothing to
/// fetch and `feeds remove` of no such feed, in the locale's language.
#[test]
fn config_and_fetch_report_in_the_locales_language() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, "").unwrap();
    let shown = file.display().to_string();
    for (lang, first, nothing) in [
        (
            "zh_CN.UTF-8",
            format!("# 配置文件：{shown}（由 --config 给出）"),
            "broadsheet: 没有可抓取的订阅源：用 `broadsheet feeds add 网址`（或 `feeds import 文件.opml`）订阅",
        ),
        (
            "zh_TW.UTF-8",
            format!("# 設定檔：{shown}（由 --config 給出）"),
            "broadsheet: 沒有可抓取的訂閱源：用 `broadsheet feeds add 網址`（或 `feeds import 檔案.opml`）訂閱",
        ),
        (
            "C.UTF-8",
            format!("# config file: {shown} (given with --config)"),
            "broadsheet: no feeds to fetch: subscribe with `broadsheet feeds add URL` (or `feeds import FILE.opml`)",
        ),
    ] {
        let config = stdout(&run_in(lang, &["--config", &shown, "config"]));
        assert_eq!(config.lines().next(), Some(first.as_str()), "LANG={lang}");
        let fetch = run_in(lang, &["--config", &shown, "fetch"]);
        let stderr = String::from_utf8(fetch.stderr).unwrap();
        assert_eq!(stderr.trim_end(), nothing, "LANG={lang}");
    }
    // Why the subscriptions were not changed.
    for (lang, line) in [
        (
            "zh_CN.UTF-8",
            "broadsheet: 没有订阅源 9：`broadsheet feeds list` 列出它们，从 1 开始编号",
        ),
        (
            "zh_TW.UTF-8",
            "broadsheet: 沒有訂閱源 9：`broadsheet feeds list` 列出它們，從 1 開始編號",
        ),
        (
            "C.UTF-8",
            "broadsheet: no feed 9: `broadsheet feeds list` shows them, numbered from 1",
        ),
    ] {
        let remove = run_in(lang, &["--config", &shown, "feeds", "remove", "9"]);
        let stderr = String::from_utf8(remove.stderr).unwrap();
        assert_eq!(stderr.trim_end(), line, "LANG={lang}");
    }
}

#[test]
fn a_bad_config_file_is_told_in_the_locales_language() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let bad = "mouse = 1\nmose = true\ntheme = \"x\"\nbody_width = 5\n";
    std::fs::write(&path, bad).unwrap();
    let file = path.to_str().unwrap();
    let syntax = |lang| {
        std::fs::write(&path, "body_width =\n").unwrap();
        let output = run_in(lang, &["--config", file, "dump"]);
        std::fs::write(&path, bad).unwrap();
        String::from_utf8(output.stderr).unwrap()
    };
    for (lang, missing, found, unknown, one_of, whole) in [
        (
            "zh_CN.UTF-8",
            "TOML 语法错误：`=` 后面缺少值",
            "mouse：写的是 1，应为 true 或 false",
            "未知的键 \"mose\"（是不是 \"mouse\"？）；可用的键：library, ",
            "theme：写的是 \"x\"，应为 \"default\", \"mono\" 之一",
            "body_width：写的是 5，应为 10 到 1000 的整数（单元格数）",
        ),
        (
            "zh_TW.UTF-8",
            "TOML 語法錯誤：`=` 後面缺少值",
            "mouse：寫的是 1，應為 true 或 false",
            "未知的鍵 \"mose\"（是不是 \"mouse\"？）；可用的鍵：library, ",
            "theme：寫的是 \"x\"，應為 \"default\", \"mono\" 之一",
            "body_width：寫的是 5，應為 10 到 1000 的整數（儲存格數）",
        ),
        (
            "C.UTF-8",
            "TOML syntax: missing value after `=`",
            "mouse: found 1, expected true or false",
            "unknown key \"mose\" (did you mean \"mouse\"?); allowed keys: library, ",
            "theme: found \"x\", expected one of \"default\", \"mono\"",
            "body_width: found 5, expected a whole number of cells from 10 to 1000",
        ),
    ] {
        assert!(
            syntax(lang).contains(missing),
            "LANG={lang}: {}",
            syntax(lang)
        );
        let output = run_in(lang, &["--config", file, "dump"]);
        let stderr = String::from_utf8(output.stderr).unwrap();
        let lines = [
            format!(":1:9: {found}\n"),
            format!(":2:1: {unknown}"),
            format!(":3:9: {one_of}\n"),
            format!(":4:14: {whole}\n"),
        ];
        for line in lines {
            assert!(stderr.contains(&line), "LANG={lang}: {line} in {stderr}");
        }
    }
}
