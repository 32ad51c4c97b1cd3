//! `broadsheet json` and `broadsheet list` as a script sees them: the JSON
//! schema, exit codes, errors naming the file, sorting, and a closed pipe.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::cli_support;

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use cli_support::fixture;
use serde_json::Value;

fn broadsheet(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn stdout_json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&output.stdout));
    })
}

#[test]
fn json_of_the_sample_follows_the_schema() {
    let output = broadsheet(&["json"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout.clone()).unwrap();
    assert_eq!(text.lines().count(), 1, "compact JSON is one line");
    let issues = stdout_json(&output);
    let issue = &issues[0];
    assert_eq!(issues.as_array().unwrap().len(), 1);
    assert_eq!(issue["paper"], "北京城市副中心报");
    assert_eq!(issue["date"], "2022-02-13");
    assert_eq!(issue["weekday"], "星期日");
    assert_eq!(issue["pages"]["count"], 4);
    assert_eq!(issue["front"][0], "北京日报客户端 融汇副中心客户端");
    assert_eq!(issue["warnings"], Value::Array(Vec::new()));
    let articles = issue["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 4);
    let two = &articles[1];
    assert_eq!(two["kicker"], "北京城市副中心生机勃勃");
    assert_eq!(two["byline"], "本报记者 陈施君");
    assert_eq!(two["page"], Value::Null);
    let blocks = two["blocks"].as_array().unwrap();
    let kinds: Vec<&str> = blocks.iter().map(|b| b["kind"].as_str().unwrap()).collect();
    assert!(
        kinds
            .iter()
            .all(|k| ["paragraph", "subhead", "caption", "jump"].contains(k)),
        "{kinds:?}"
    );
    let subhead = blocks.iter().find(|b| b["kind"] == "subhead").unwrap();
    assert_eq!(subhead["deck"], "智能办事终端走出大厅进基层");
    let caption = blocks.iter().find(|b| b["kind"] == "caption").unwrap();
    assert_eq!(caption["credit"], "记者 戴冰/摄");
    let jump = blocks.iter().find(|b| b["kind"] == "jump").unwrap();
    assert_eq!(
        (&jump["page"], &jump["direction"]),
        (&Value::from("2"), &Value::from("continued_on"))
    );
    assert!(
        blocks[0]["source"]["start"].as_u64().unwrap()
            < blocks[0]["source"]["end"].as_u64().unwrap()
    );
    assert!(two["id"].as_str().unwrap().starts_with("2022-02-13-"));
}

#[test]
fn pretty_json_is_the_same_value_indented() {
    let compact = stdout_json(&broadsheet(&["json"]));
    let output = broadsheet(&["json", "--pretty"]);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).lines().count() > 100);
    assert_eq!(stdout_json(&output), compact);
}

#[test]
fn an_english_issue_keeps_its_page_as_printed() {
    let output = broadsheet(&["json", &fixture("english-2024-03-12.md")]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let issue = &stdout_json(&output)[0];
    assert_eq!(issue["date"], "2024-03-12");
    assert_eq!(issue["pages"]["count"], 8);
    let blocks = issue["articles"][0]["blocks"].as_array().unwrap();
    let jump = blocks.iter().find(|b| b["kind"] == "jump").unwrap();
    assert_eq!(jump["page"], "A4");
}

#[test]
fn undated_issues_say_null() {
    let output = broadsheet(&["json", &fixture("notice.txt")]);
    let issue = &stdout_json(&output)[0];
    assert_eq!(issue["date"], Value::Null);
    assert_eq!(issue["pages"], Value::Null);
    assert!(!issue["warnings"].as_array().unwrap().is_empty());
}

#[test]
fn a_missing_file_fails_with_its_name_and_the_others_still_print() {
    let missing = fixture("no-such-issue.md");
    for command in ["json", "list", "dump"] {
        let output = broadsheet(&[command, &fixture("japanese-2024-03-08.md"), &missing]);
        assert_eq!(output.status.code(), Some(1), "{command}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("no-such-issue.md"), "{command}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(stdout.contains("東都新聞"), "{command}: {stdout}");
    }
}

#[test]
fn an_empty_folder_is_not_a_silent_success() {
    let empty = tempfile::tempdir().unwrap();
    let path = empty.path().to_str().unwrap();
    for command in ["json", "list", "dump"] {
        let output = broadsheet(&[command, path]);
        assert_eq!(output.status.code(), Some(1), "{command}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("no issue found"), "{command}: {stderr}");
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [&["json", "--no-such-flag"][..], &["list", "--pretty"]] {
        let output = broadsheet(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn list_prints_one_line_per_issue_sorted_by_date() {
    let output = broadsheet(&["list"]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        text,
        "2022-02-13  北京城市副中心报    4 articles  (sample)\n"
    );
    let names = [
        "notice.txt",
        "english-2024-03-12.md",
        "comma-split-2022-02-14.md",
        "japanese-2024-03-08.md",
    ];
    let paths: Vec<String> = names.iter().map(|n| fixture(n)).collect();
    let args: Vec<&str> = std::iter::once("list")
        .chain(paths.iter().map(String::as_str))
        .collect();
    let output = broadsheet(&args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(
        lines[0].starts_with("2022-02-14  城市晚报")
            && lines[0].ends_with("comma-split-2022-02-14.md"),
        "{text}"
    );
    assert!(lines[1].starts_with("2024-03-08  東都新聞"), "{text}");
    assert!(lines[1].contains("  1 article "), "{text}");
    assert!(
        lines[2].starts_with("2024-03-12  The Riverside Courier"),
        "{text}"
    );
    assert!(
        lines[3].starts_with("undated") && lines[3].ends_with("notice.txt"),
        "{text}"
    );
    // The article counts line up whatever the papers' widths.
    let column = |line: &str| {
        line.find(" article").map(|at| {
            broadsheet::typeset::str_width(&line[..at], broadsheet::typeset::AmbiguousWidth::Narrow)
        })
    };
    assert!(
        lines.windows(2).all(|w| column(w[0]) == column(w[1])),
        "{text}"
    );
}

/// `count` small issues in a temporary folder; more output than a pipe holds.
fn many_issues(count: usize, text: &str) -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let paths = (0..count)
        .map(|i| {
            let path = dir
                .path()
                .join(format!("issue-with-a-long-name-{i:04}-2022-02-13.md"));
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect();
    (dir, paths)
}

/// Run `args` over `paths`, read a little and close the pipe.
fn read_a_little_and_close(args: &[&str], paths: &[PathBuf]) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .args(args)
        .args(paths)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The read end is dropped here: the rest of the output meets a closed pipe.
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{args:?}: {:?}", output.status);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.is_empty(), "{args:?}: {stderr}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // 30 samples are over 1 MB of JSON; 1,000 list lines over 64 KiB.
    let (_dir, paths) = many_issues(30, broadsheet::library::SAMPLE_TEXT);
    read_a_little_and_close(&["json", "--pretty"], &paths);
    read_a_little_and_close(&["dump"], &paths);
    let (_dir, paths) = many_issues(1000, "# 报\n\n## 标题\n\n正文。\n");
    read_a_little_and_close(&["list"], &paths);
}

#[test]
fn json_from_standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .args(["json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let text = std::fs::read_to_string(fixture("comma-split-2022-02-14.md")).unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    assert_eq!(stdout_json(&output)[0]["paper"], "城市晚报");
}

#[test]
fn json_output_carries_no_raw_c1_separator_or_bidi_controls() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile-2024-01-01.md");
    let text =
        "# 报\n\n## 标题\u{202e}gnp.exe\n\n正文\u{9b}31m含有\u{2028}分隔\u{2029}符\u{7f}。\n";
    std::fs::write(&path, text).unwrap();
    let output = broadsheet(&["json", path.to_str().unwrap()]);
    let json = String::from_utf8(output.stdout).unwrap();
    let bad = |c: char| matches!(c, '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    assert!(!json.contains(bad), "{json:?}");
    assert!(json.contains("gnp.exe"), "{json}");
}
