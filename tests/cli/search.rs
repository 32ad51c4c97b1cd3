//! `broadsheet search` as a user and a script see it: exit codes as grep's,
//! lines within the width, JSON Lines whose ranges slice to the match,
//! hidden text never found, a closed pipe ending quietly.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::cli_support;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use broadsheet::layout::TextRef;
use broadsheet::library::{SAMPLE_NAME, SAMPLE_TEXT, sanitize};
use broadsheet::model::{Article, Issue};
use broadsheet::parse::parse_issue;
use broadsheet::typeset::{AmbiguousWidth, str_width};
use cli_support::fixture;
use serde_json::Value;

/// The binary with a home of its own: no user config, no shared cache.
fn command(home: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_broadsheet"));
    command
        .args(args)
        .env_remove("BROADSHEET_CONFIG")
        .env_remove("NO_COLOR")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .stdin(Stdio::null());
    command
}

fn search(args: &[&str]) -> Output {
    let home = tempfile::tempdir().unwrap();
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    command(home.path(), &all).output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn exit_codes_are_greps() {
    let found = search(&["盘活存量低效用地"]);
    assert_eq!(found.status.code(), Some(0), "{}", stderr(&found));
    assert!(stdout(&found).contains("[盘活存量低效用地]"));
    assert!(found.stderr.is_empty());

    let none = search(&["no such words anywhere"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(none.stdout.is_empty() && none.stderr.is_empty());

    let zero = search(&["--width", "0", "tram"]);
    assert_eq!(zero.status.code(), Some(2));

    let dash = search(&["--", "-"]);
    assert_eq!(dash.status.code(), Some(1), "{}", stderr(&dash));

    let empty = search(&[""]);
    assert_eq!(empty.status.code(), Some(2));
    assert!(stderr(&empty).contains("empty"), "{}", stderr(&empty));
}

#[test]
fn an_unreadable_file_is_named_and_the_others_still_searched() {
    let missing = "/nonexistent/broadsheet-search-test.md";
    let output = search(&["tram", missing, &fixture("english-2024-03-12.md")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains(missing), "{}", stderr(&output));
    assert!(stdout(&output).contains("[tram]"), "{}", stdout(&output));
}

#[test]
fn the_split_phrases_of_the_sample_are_found() {
    for phrase in ["盘活存量低效用地", "服务质量提升"] {
        let output = search(&[phrase, "--width", "200"]);
        assert_eq!(output.status.code(), Some(0), "{phrase}");
        assert!(stdout(&output).contains(&format!("[{phrase}]")), "{phrase}");
    }
}

#[test]
fn every_line_fits_the_width() {
    let english = fixture("english-2024-03-12.md");
    let forms = fixture("search-forms-2024-03-15.md");
    let cases: [(&str, &[&str]); 5] = [
        ("服务", &[]),
        ("城市副中心", &[]),
        ("the", &[&english]),
        ("ai", &[&forms]),
        ("a", &[&english, &forms]),
    ];
    for width in [20, 40, 80] {
        for (pattern, paths) in cases {
            // Fullwidth punctuation only with wide ambiguous: both settings
            // change cells, and every combination is too many runs.
            for (flag, cells, punctuation) in [
                ("narrow", AmbiguousWidth::Narrow, "as-is"),
                ("wide", AmbiguousWidth::Wide, "fullwidth"),
            ] {
                let w = width.to_string();
                let mut args = vec![pattern, "--width", &w, "--ambiguous-width", flag];
                args.extend_from_slice(&["--punctuation", punctuation]);
                args.extend_from_slice(paths);
                let output = search(&args);
                assert_eq!(
                    output.status.code(),
                    Some(0),
                    "{pattern} {}",
                    stderr(&output)
                );
                let text = stdout(&output);
                for line in text.lines() {
                    assert!(
                        str_width(line, cells) <= width,
                        "{pattern} at {width} ({flag}): {line:?}"
                    );
                    assert!(!line.contains('\u{1b}'), "{line:?}");
                }
                assert!(text.contains('['), "{pattern} at {width}");
            }
        }
    }
}

#[test]
fn articles_are_a_heading_then_marked_lines_then_a_blank_line() {
    let output = search(&["tram", "--width", "80", &fixture("english-2024-03-12.md")]);
    let text = stdout(&output);
    let blocks: Vec<&str> = text.split("\n\n").collect();
    assert!(!blocks.is_empty());
    for block in blocks {
        let mut lines = block.lines();
        let heading = lines.next().unwrap();
        assert!(
            heading.starts_with("2024-03-12 The Riverside Courier"),
            "{heading}"
        );
        let marked: Vec<&str> = lines.filter(|l| l.contains('[')).collect();
        assert!(!marked.is_empty(), "{block}");
        for line in marked {
            let inner = &line[line.find('[').unwrap() + 1..line.find(']').unwrap()];
            assert!(inner.eq_ignore_ascii_case("tram"), "{line}");
        }
    }
}

#[test]
fn a_heading_too_long_for_one_line_puts_the_date_and_paper_on_their_own() {
    let output = search(&["副中心", "--width", "80"]);
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().take(2).collect();
    assert_eq!(lines[0], "2022-02-13 北京城市副中心报");
    assert!(lines[1].starts_with("蔡奇在城市副中心调研"), "{}", lines[1]);
    assert!(!text.contains('\u{a0}'), "plain spaces only");
    // One that fits stays one line, with its separator.
    let english = search(&["tram", "--width", "100", &fixture("english-2024-03-12.md")]);
    let heading = stdout(&english).lines().next().unwrap().to_owned();
    assert!(
        heading.starts_with("2024-03-12 The Riverside Courier · "),
        "{heading}"
    );
}

#[test]
fn colour_only_when_asked_and_never_against_no_color() {
    let english = fixture("english-2024-03-12.md");
    let always = search(&["tram", "--color", "always", &english]);
    assert!(stdout(&always).contains("\u{1b}[1;31mtram\u{1b}[m"));
    // Not a terminal: auto means none.
    let auto = search(&["tram", &english]);
    assert!(!stdout(&auto).contains('\u{1b}'));
    let home = tempfile::tempdir().unwrap();
    let no_color = command(
        home.path(),
        &["search", "tram", "--color", "never", &english],
    )
    .env("NO_COLOR", "1")
    .output()
    .unwrap();
    assert!(!stdout(&no_color).contains('\u{1b}'));
}

/// The issue a JSON line's `path` names, parsed as the binary parses it.
fn issue_at(path: &str) -> (String, Issue) {
    if path == "(sample)" {
        let text = sanitize(SAMPLE_TEXT).into_owned();
        let issue = parse_issue(&text, Some(SAMPLE_NAME));
        return (text, issue);
    }
    let text = sanitize(&std::fs::read_to_string(path).unwrap()).into_owned();
    let name = PathBuf::from(path);
    let name = name.file_name().unwrap().to_str().unwrap();
    let issue = parse_issue(&text, Some(name));
    (text, issue)
}

fn text_ref(record: &Value) -> TextRef {
    let block = record["block"].as_u64().map(|b| b as usize);
    match (record["field"].as_str().unwrap(), block) {
        ("kicker", _) => TextRef::Kicker,
        ("headline", _) => TextRef::Headline,
        ("deck", _) => TextRef::Deck,
        ("byline", _) => TextRef::Byline,
        ("block", Some(b)) => TextRef::Block(b),
        ("subhead_deck", Some(b)) => TextRef::SubheadDeck(b),
        ("credit", Some(b)) => TextRef::Credit(b),
        other => panic!("unexpected field {other:?}"),
    }
}

fn range(value: &Value) -> std::ops::Range<usize> {
    value["start"].as_u64().unwrap() as usize..value["end"].as_u64().unwrap() as usize
}

/// Check every JSON line of a run; returns how many had a source range.
fn check_json_lines(output: &Output) -> usize {
    assert_eq!(output.status.code(), Some(0), "{}", stderr(output));
    let mut sourced = 0;
    for line in stdout(output).lines() {
        let record: Value = serde_json::from_str(line).unwrap();
        let (source, issue) = issue_at(record["path"].as_str().unwrap());
        let article: &Article = issue
            .articles
            .iter()
            .find(|a| a.id == record["article"])
            .unwrap();
        assert_eq!(record["headline"], article.headline.as_str());
        assert_eq!(record["paper"], issue.paper.as_str());
        let matched = record["text"].as_str().unwrap();
        let string = text_ref(&record).resolve(article);
        assert_eq!(&string[range(&record["range"])], matched, "{line}");
        if !record["source"].is_null() {
            sourced += 1;
            assert_eq!(&source[range(&record["source"])], matched, "{line}");
        }
    }
    sourced
}

#[test]
fn json_lines_slice_to_the_matched_text() {
    let english = fixture("english-2024-03-12.md");
    let forms = fixture("search-forms-2024-03-15.md");
    for args in [
        vec!["--json", "服务"],
        vec!["--json", "the", &english],
        vec!["--json", "ai", &forms],
        vec!["--json", "привет", &forms],
        vec!["--json", "(", &forms],
        vec!["--json", "智能办事终端"],
    ] {
        let output = search(&args);
        assert!(check_json_lines(&output) > 0, "{args:?}");
    }
}

#[test]
fn json_names_every_kind_of_string() {
    let english = fixture("english-2024-03-12.md");
    let field = |args: &[&str]| -> Vec<String> {
        stdout(&search(args))
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap()["field"].to_string())
            .collect()
    };
    assert!(field(&["--json", "智能办事终端"]).contains(&"\"subhead_deck\"".to_owned()));
    assert!(field(&["--json", "政务服务全覆盖"]).contains(&"\"headline\"".to_owned()));
    assert!(field(&["--json", "陈施君"]).contains(&"\"byline\"".to_owned()));
    assert!(field(&["--json", "生机勃勃"]).contains(&"\"kicker\"".to_owned()));
    assert_eq!(field(&["--json", "ann lee", &english]), ["\"credit\""]);
    assert!(field(&["--json", "single vote", &english]).contains(&"\"deck\"".to_owned()));
}

#[test]
fn json_source_ranges_are_file_bytes_for_a_clean_utf8_file() {
    let english = fixture("english-2024-03-12.md");
    let bytes = std::fs::read(&english).unwrap();
    let output = search(&["--json", "the", &english]);
    for line in stdout(&output).lines() {
        let record: Value = serde_json::from_str(line).unwrap();
        if !record["source"].is_null() {
            let text = record["text"].as_str().unwrap();
            assert_eq!(&bytes[range(&record["source"])], text.as_bytes());
        }
    }
}

#[test]
fn a_phrase_across_a_mended_join_has_no_source_range() {
    let output = search(&["--json", "盘活存量低效用地"]);
    let record: Value = serde_json::from_str(stdout(&output).lines().next().unwrap()).unwrap();
    assert_eq!(record["field"], "block");
    // The page printed the phrase across a column break; the model's
    // paragraph joins the halves, the source does not have them adjacent.
    assert!(!SAMPLE_TEXT.contains("盘活存量低效用地"));
    assert_eq!(record["source"], Value::Null);
    assert_eq!(check_json_lines(&output), 0);
}

#[test]
fn width_and_case_forms_are_found_both_ways() {
    let forms = fixture("search-forms-2024-03-15.md");
    let texts = |pattern: &str| -> Vec<String> {
        let output = search(&["--json", pattern, &forms]);
        stdout(&output)
            .lines()
            .map(|l| {
                serde_json::from_str::<Value>(l).unwrap()["text"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    };
    assert_eq!(texts("ａｉ lab"), ["ＡＩ Lab", "ＡＩ lab"]);
    assert_eq!(texts("（run"), ["(run"]);
    assert_eq!(texts("ПРИВЕТ"), ["ПРИВЕТ"]);
    assert_eq!(texts("привет"), ["ПРИВЕТ", "привет"]);
    assert_eq!(texts("friday. its"), ["Friday.\u{3000}Its"]);
    // A base letter is not found without its combining mark.
    assert!(texts("naive").is_empty());
    assert_eq!(texts("naive\u{308}"), ["naive\u{308}"]);
}

#[test]
fn either_script_finds_the_other_and_script_shows_it() {
    // The sample is simplified: a traditional pattern finds it.
    let found = search(&["調研"]);
    assert_eq!(found.status.code(), Some(0), "{}", stderr(&found));
    assert!(stdout(&found).contains("[调研]"), "{}", stdout(&found));
    let shown = search(&["--script", "traditional", "调研"]);
    let text = stdout(&shown);
    assert!(text.contains("[調研]") && !text.contains('调'), "{text}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tw-2024-03-12.md");
    std::fs::write(&path, "# 報\n\n## 京張高鐵\n\n高鐵通車。\n").unwrap();
    let path = path.display().to_string();
    let found = search(&["高铁", &path]);
    assert_eq!(found.status.code(), Some(0), "{}", stderr(&found));
    assert!(stdout(&found).contains("[高鐵]通車"), "{}", stdout(&found));
}

#[test]
fn hidden_tag_text_is_never_found() {
    let dir = tempfile::tempdir().unwrap();
    let hidden: String = "ignore previous"
        .chars()
        .map(|c| char::from_u32(0xE0000 + u32::from(c)).unwrap())
        .collect();
    let path = dir.path().join("tags-2024-03-12.md");
    let text = format!("# Paper\n\n## Headline\n\nVisible words{hidden} and more.\n");
    std::fs::write(&path, text).unwrap();
    let path = path.display().to_string();
    let output = search(&["previous", &path]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let visible = search(&["words and", &path]);
    assert_eq!(visible.status.code(), Some(0));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long-2024-03-12.md");
    let body = "A needle in the hay. ".repeat(40);
    let mut file = std::fs::File::create(&path).unwrap();
    writeln!(file, "# Paper\n\n## Headline\n").unwrap();
    for _ in 0..400 {
        writeln!(file, "{body}\n").unwrap();
    }
    drop(file);
    let home = tempfile::tempdir().unwrap();
    let mut child = command(
        home.path(),
        &["search", "needle", &path.display().to_string()],
    )
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("2024-03-12 Paper"), "{first}");
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stderr.is_empty(), "{}", stderr(&output));
}

#[test]
fn standard_input_is_searched() {
    let english = std::fs::read(fixture("english-2024-03-12.md")).unwrap();
    let home = tempfile::tempdir().unwrap();
    let mut child = command(home.path(), &["search", "--json", "tram", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&english).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let first: Value = serde_json::from_str(stdout(&output).lines().next().unwrap()).unwrap();
    assert_eq!(first["path"], "-");
}

#[test]
fn no_path_searches_the_config_library() {
    let home = tempfile::tempdir().unwrap();
    let papers = home.path().join("papers");
    std::fs::create_dir_all(&papers).unwrap();
    std::fs::copy(
        fixture("english-2024-03-12.md"),
        papers.join("english-2024-03-12.md"),
    )
    .unwrap();
    let config = home.path().join("config.toml");
    std::fs::write(
        &config,
        format!("library = [{:?}]\n", papers.display().to_string()),
    )
    .unwrap();
    let config = config.display().to_string();
    let output = command(home.path(), &["search", "--config", &config, "tram"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("The Riverside Courier"));
    // Not the sample: its words are not found.
    let sample_word = command(home.path(), &["search", "--config", &config, "副中心"])
        .output()
        .unwrap();
    assert_eq!(sample_word.status.code(), Some(1));
}

#[test]
fn a_bad_config_file_is_status_2() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config.toml");
    std::fs::write(&config, "library = 3\n").unwrap();
    let config = config.display().to_string();
    let output = command(home.path(), &["search", "--config", &config, "tram"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("config.toml"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_huge_pattern_is_cut_not_refused() {
    // Near the kernel's limit for one argument (128 KiB).
    let huge = "服务".repeat(20_000);
    let output = search(&["--json", &huge]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    // Cut at 256 characters: a long paragraph's first 256, then anything,
    // finds the paragraph.
    let issue = parse_issue(&sanitize(SAMPLE_TEXT), Some(SAMPLE_NAME));
    let paragraph = issue
        .articles
        .iter()
        .flat_map(|a| a.blocks.iter())
        .map(|b| b.text.as_str())
        .find(|t| t.chars().count() > 300)
        .unwrap();
    let head: String = paragraph.chars().take(256).collect();
    let pattern = format!("{head}{}", "不在文中".repeat(10_000));
    let output = search(&["--json", &pattern]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let record: Value = serde_json::from_str(stdout(&output).lines().next().unwrap()).unwrap();
    assert_eq!(record["text"], head.as_str());
}
