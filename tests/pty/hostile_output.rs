//! Output audit of the plain commands (docs/RELIABILITY.md §6 cases 1–12, 14, 25):
//! `dump`, `json` and `list` run on hostile text in every role and on
//! hostile file names; stdout and stderr carry nothing a terminal would act
//! on, JSON still parses, and a closed pipe ends `dump` quietly.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::hostile_support;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

use hostile_support::{HOSTILE_NAME, assert_plain, hostile_issue, is_forbidden, payloads, run};
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

/// The hostile issue; a masthead-less issue under a hostile name (the
/// paper's name then comes from the file name); a binary and an unreadable
/// issue under hostile names (reported on stderr); a C0 control past the
/// binary sniff window.
fn hostile_library(dir: &Path) {
    std::fs::write(dir.join("hostile-2024-03-12.md"), hostile_issue()).unwrap();
    let body = "## Nameless\n\nA body under a hostile file name.\n";
    std::fs::write(dir.join(HOSTILE_NAME), body).unwrap();
    let binary = format!("b\x1b]0;owned\x07{}-2024-03-12.md", '\u{202E}');
    std::fs::write(dir.join(binary), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let late = format!(
        "# Late\n\n## Late\n\n{}\n\nlate a\0b a\x1bc end\n",
        "Filler text. ".repeat(800)
    );
    std::fs::write(dir.join("late-nul-2024-03-11.md"), late).unwrap();
}

fn setup() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    hostile_library(&lib);
    let folder = lib.to_str().unwrap().to_owned();
    (dir, folder)
}

#[test]
fn dump_prints_only_plain_text_that_fits() {
    let (home, folder) = setup();
    for width in ["60", "20"] {
        let out = run(&["dump", "--width", width, &folder], home.path());
        // The binary file fails the run, after everything else printed.
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        assert_plain(&out.stdout, "dump stdout");
        assert_plain(&out.stderr, "dump stderr");
        let text = String::from_utf8(out.stdout).unwrap();
        // Tabs are expanded for plain text too.
        assert!(!text.contains('\t'), "{text}");
        let width: usize = width.parse().unwrap();
        for line in text.lines() {
            assert!(line.width() <= width, "{}: {line:?}", line.width());
        }
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains("b\\e]0;owned\\007"), "{stderr}");
        assert!(stderr.contains("not text"), "{stderr}");
    }
    let out = run(&["dump", "--width", "200", &folder], home.path());
    let text = String::from_utf8(out.stdout).unwrap();
    // What the sanitiser keeps of each payload, and no junk of the rest.
    for kept in [
        "Headline 01 AB end",
        "Headline 02 xy end",
        "Headline 04 ab end",
        "Headline 06 bank.com end",
        "Headline 07 abc end",
        "Headline 08 gnp.exe end",
        "Headline 14 词语 end",
        "late a\u{FFFD}b a end",
        "x\\e[2J\\e]52;c;eA==\\007",
    ] {
        assert!(text.contains(kept), "{kept:?} missing:\n{text}");
    }
    assert_no_junk(&text, "dump");
}

/// Text that only a half-removed sequence would leave.
fn assert_no_junk(text: &str, what: &str) {
    for junk in [
        "cm0gLXJmIH4=",
        "http://evil",
        "[21t",
        "[6n",
        "$q",
        ";id",
        "[31m",
        "0;x",
        "[2J\n",
    ] {
        assert!(!text.contains(junk), "{what}: {junk:?} in\n{text}");
    }
}

/// Every string in a JSON value.
fn strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        Value::Object(map) => map.iter().for_each(|(k, v)| {
            out.push(k.clone());
            strings(v, out);
        }),
        _ => {}
    }
}

#[test]
fn json_parses_and_no_string_holds_a_control() {
    let (home, folder) = setup();
    for pretty in [false, true] {
        let mut args = vec!["json", folder.as_str()];
        if pretty {
            args.insert(1, "--pretty");
        }
        let out = run(&args, home.path());
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        assert_plain(&out.stdout, "json stdout");
        assert_plain(&out.stderr, "json stderr");
        let value: Value = serde_json::from_slice(&out.stdout).unwrap();
        let issues = value.as_array().unwrap();
        assert_eq!(issues.len(), 3, "{value:#}");
        let mut all = Vec::new();
        strings(&value, &mut all);
        for s in &all {
            // Decoded, so escapes like `\u001b` would show here.
            let bad = s
                .chars()
                .find(|&c| c != '\t' && is_forbidden(c) || c == '\n');
            assert!(bad.is_none(), "{bad:?} in {s:?}");
        }
        let joined = all.join("\n");
        assert_no_junk(&joined, "json");
        let headlines = issues[0]["articles"].as_array().unwrap().len()
            + issues[1]["articles"].as_array().unwrap().len();
        assert!(headlines > payloads().len(), "{value:#}");
    }
}

#[test]
fn list_escapes_names_and_prints_plain_rows() {
    let (home, folder) = setup();
    let out = run(&["list", &folder], home.path());
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_plain(&out.stdout, "list stdout");
    assert_plain(&out.stderr, "list stderr");
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(text.contains("x\\e[2J\\e]52;c;eA==\\007"), "{text}");
    assert!(text.contains("The Hostile Courier"), "{text}");
    // A hostile path given on the command line that does not exist.
    let missing = format!("{folder}/gone\x1b[31m\u{9b}0m\u{202E}.md");
    let out = run(&["list", &missing], home.path());
    assert!(!out.status.success());
    assert_plain(&out.stderr, "list stderr, missing path");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("gone\\e[31m"), "{stderr}");
}

#[test]
fn errors_about_hostile_paths_are_escaped_for_every_command() {
    let home = tempfile::tempdir().unwrap();
    let missing = "/nonexistent/y\x1b]52;c;eA==\x07\u{9d}0;t\u{9c}\u{2028}.md";
    for command in ["dump", "json", "list"] {
        let out = run(&[command, missing], home.path());
        assert_eq!(out.status.code(), Some(1), "{command}: {out:?}");
        assert_plain(&out.stdout, command);
        assert_plain(&out.stderr, command);
        assert!(!out.stderr.is_empty(), "{command}: no error");
    }
}

/// Case 25: `broadsheet dump | head -1`. `json` and `list` are covered in
/// `cli_json_list.rs`.
#[test]
fn dump_into_a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    // 40 samples: far more text than a pipe buffers.
    let paths: Vec<_> = (0..40)
        .map(|i| {
            let path = dir.path().join(format!("sample-{i:02}-2022-02-13.md"));
            std::fs::write(&path, broadsheet::library::SAMPLE_TEXT).unwrap();
            path
        })
        .collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .args(["dump", "--width", "80"])
        .args(&paths)
        .env("XDG_STATE_HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{:?}", output.status);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.is_empty(), "{stderr}");
}

/// Case 13: shell metacharacters in a link and a headline. There is no
/// link opener; nothing runs a shell, so no command in the text runs, in
/// any command or in the reader, from the folder holding the issue.
#[test]
fn shell_metacharacters_in_links_run_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let issue = "# The Courier\n\nTuesday, March 12, 2024\n\n\
                 ## $(touch p) `touch q` headline\n\n\
                 See [x](http://a/$(touch%20p);touch%20q) and [y]($(touch p)) now.\n";
    let path = dir.path().join("links-2024-03-12.md");
    std::fs::write(&path, issue).unwrap();
    let path = path.to_str().unwrap();
    for command in ["dump", "json", "list"] {
        let out = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
            .args([command, path])
            .current_dir(dir.path())
            .env("XDG_STATE_HOME", dir.path())
            .env("XDG_CONFIG_HOME", dir.path())
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(out.status.success(), "{command}: {out:?}");
    }
    let dump = run(&["dump", path], dir.path());
    let text = String::from_utf8(dump.stdout).unwrap();
    assert!(text.contains("$(touch p) touch q headline"), "{text}");
    for made in ["p", "q", "p;touch q"] {
        assert!(!dir.path().join(made).exists(), "{made} was created");
    }
}
