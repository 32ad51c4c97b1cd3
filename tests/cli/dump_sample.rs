//! `broadsheet dump` of the sample issue: every line fits, no line starts
//! with prohibited punctuation, and no Han character is lost or reordered.
// Tests may unwrap, expect and panic: a failure is the report.

use std::process::Command;

use broadsheet::cli::dump::{write_article, write_issue};
use broadsheet::i18n::{self, Lang};
use broadsheet::library::{SAMPLE_NAME, SAMPLE_TEXT};
use broadsheet::model::{Article, BlockKind};
use broadsheet::parse::parse_issue;
use broadsheet::typeset::{AmbiguousWidth, Options, str_width};

const WIDTHS: [usize; 4] = [20, 40, 41, 79];

/// clreq basic line-start prohibitions, fullwidth and the ASCII forms the sample uses.
const NO_LINE_START: &str = "、，。．；：？！）］｝〕】》〉」』”’·～／,.;:?!)]}";

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

fn han(text: &str) -> String {
    text.chars().filter(|&c| is_han(c)).collect()
}

/// The article's text in reading order, as the model holds it.
fn model_text(article: &Article) -> String {
    let mut parts: Vec<&str> = Vec::new();
    parts.extend(article.kicker.as_deref());
    parts.push(&article.headline);
    parts.extend(article.deck.as_deref());
    parts.extend(article.byline.as_deref());
    for block in &article.blocks {
        parts.push(&block.text);
        match &block.kind {
            BlockKind::Subhead { deck: Some(extra) }
            | BlockKind::Caption {
                credit: Some(extra),
            } => parts.push(extra),
            _ => {}
        }
    }
    parts.concat()
}

fn dump_article(article: &Article, width: usize) -> String {
    let mut out = Vec::new();
    write_article(&mut out, article, width, &Options::default()).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn sample_has_articles_to_dump() {
    let issue = parse_issue(SAMPLE_TEXT, Some(SAMPLE_NAME));
    assert_eq!(issue.articles.len(), 4);
}

#[test]
fn every_dumped_line_fits_its_width() {
    let issue = parse_issue(SAMPLE_TEXT, Some(SAMPLE_NAME));
    for width in WIDTHS {
        let mut out = Vec::new();
        write_issue(&mut out, &issue, width, &Options::default()).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.lines().count() > issue.articles.len() * 4,
            "dump at {width} is too short"
        );
        for line in text.lines() {
            let cells = str_width(line, AmbiguousWidth::Narrow);
            assert!(
                cells <= width,
                "line of {cells} cells at width {width}: {line:?}"
            );
        }
    }
}

const NO_LINE_END: &str = "（［｛〔【《〈「『“‘([{";

/// Down to 5 cells (every wide glyph still fits), no line ends with an
/// opening bracket or quote, even where the paragraph indent must give way.
#[test]
fn no_line_ends_with_an_opening_bracket_even_in_a_tiny_column() {
    let issue = parse_issue(SAMPLE_TEXT, Some(SAMPLE_NAME));
    for width in 5..=12 {
        for article in &issue.articles {
            for line in dump_article(article, width).lines() {
                let last = line.chars().last();
                assert!(
                    !last.is_some_and(|c| NO_LINE_END.contains(c)),
                    "width {width}: line ends with an opening bracket: {line:?}"
                );
            }
        }
    }
}

#[test]
fn no_dumped_line_starts_with_prohibited_punctuation() {
    let issue = parse_issue(SAMPLE_TEXT, Some(SAMPLE_NAME));
    for width in WIDTHS {
        for article in &issue.articles {
            for line in dump_article(article, width).lines() {
                let first = line.trim_start_matches('\u{3000}').chars().next();
                assert!(
                    !first.is_some_and(|c| NO_LINE_START.contains(c)),
                    "width {width}: line starts with prohibited punctuation: {line:?}"
                );
            }
        }
    }
}

#[test]
fn han_characters_keep_their_order_in_every_article() {
    let issue = parse_issue(SAMPLE_TEXT, Some(SAMPLE_NAME));
    for width in WIDTHS {
        for article in &issue.articles {
            assert_eq!(
                han(&dump_article(article, width)),
                han(&model_text(article)),
                "width {width}, article {:?}",
                article.headline
            );
        }
    }
}

#[test]
fn the_dump_loses_no_han_character_of_the_source() {
    let issue = parse_issue(SAMPLE_TEXT, Some(SAMPLE_NAME));
    let mut out = Vec::new();
    write_issue(&mut out, &issue, 40, &Options::default()).unwrap();
    let dumped = String::from_utf8(out).unwrap();
    // The date and page count are printed in other forms (`2022-02-13`,
    // `4 pages`); every other Han character of the source, masthead and
    // front matter included, must come back.
    let source = SAMPLE_TEXT
        .replacen("2022年2月13日", "", 1)
        .replacen("今日四版", "", 1);
    let mut dumped: Vec<char> = han(&dumped).chars().collect();
    let mut source: Vec<char> = han(&source).chars().collect();
    dumped.sort_unstable();
    source.sort_unstable();
    assert_eq!(dumped, source);
}

#[test]
fn the_dump_command_writes_plain_text_at_the_asked_width() {
    let output = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .args(["dump", "--width", "41"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with("北京城市副中心报\n"),
        "{}",
        &text[..text.len().min(200)]
    );
    assert!(!text.contains('\u{1b}'), "escape sequences in dump output");
    for line in text.lines() {
        assert!(str_width(line, AmbiguousWidth::Narrow) <= 41, "{line:?}");
    }
}

#[test]
fn without_a_width_and_a_terminal_the_dump_is_set_at_80() {
    // `output()` pipes standard output: not a terminal.
    let output = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .arg("dump")
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let widest = text
        .lines()
        .map(|line| str_width(line, AmbiguousWidth::Narrow))
        .max();
    // Chinese lines fill 80 cells two at a time: 79 or 80.
    assert!(
        widest.is_some_and(|w| (79..=80).contains(&w)),
        "widest line {widest:?}"
    );
}

fn dump_with(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .arg("dump")
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "{args:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_dump_flags_change_the_setting() {
    let fullwidth_commas = |text: &str| text.matches('，').count();
    let as_is = dump_with(&["--width", "40"]);
    let fullwidth = dump_with(&["--width", "40", "--punctuation", "fullwidth"]);
    assert!(
        fullwidth_commas(&fullwidth) > fullwidth_commas(&as_is),
        "--punctuation fullwidth shows the sample's ASCII commas as '，'"
    );
    let wide_cells = |text: &str| {
        text.lines()
            .map(|l| str_width(l, AmbiguousWidth::Wide))
            .max()
    };
    let wide = dump_with(&["--width", "40", "--ambiguous-width", "wide"]);
    assert!(wide_cells(&wide).is_some_and(|w| w <= 40));
    assert!(
        wide_cells(&as_is).is_some_and(|w| w > 40),
        "narrow mode sets “ ” in one cell, so some line is wider when they take two"
    );
    // At 4 cells `none` lets an emergency break put `。` at a line start,
    // basic does not; at 7 strict keeps `——` off a line start, basic
    // allows the pair there.
    for (width, level) in [("4", "none"), ("7", "strict")] {
        let basic = dump_with(&["--width", width]);
        let other = dump_with(&["--width", width, "--kinsoku", level]);
        assert_ne!(other, basic, "--kinsoku {level} at width {width}");
    }
    // 繁简: the headline and the body in traditional characters, every
    // line the same width as the source's (one character for one).
    let traditional = dump_with(&["--width", "40", "--script", "traditional"]);
    assert!(as_is.contains("调研") && !as_is.contains("調研"));
    assert!(traditional.contains("調研") && !traditional.contains("调研"));
    assert!(traditional.contains("北京城市副中心報"), "the masthead too");
    let widths = |text: &str| -> Vec<usize> {
        text.lines()
            .map(|l| str_width(l, AmbiguousWidth::Narrow))
            .collect()
    };
    assert_eq!(widths(&traditional), widths(&as_is));
    let tw = dump_with(&["--width", "40", "--script", "traditional-tw"]);
    assert_ne!(
        tw, traditional,
        "Taiwan's forms differ somewhere in the sample"
    );
}

#[test]
fn the_masthead_date_line_breaks_between_its_parts() {
    let issue = parse_issue(SAMPLE_TEXT, Some(SAMPLE_NAME));
    let mut out = Vec::new();
    write_issue(&mut out, &issue, 30, &Options::default()).unwrap();
    let text = String::from_utf8(out).unwrap();
    let head: Vec<&str> = text.lines().take(3).collect();
    assert_eq!(
        head,
        [
            "北京城市副中心报",
            "2022-02-13 星期日",
            "农历壬寅年正月十三 · 4 pages"
        ],
        "the separator and the page count stay with the date they follow, \
         written with plain spaces so that grep finds them"
    );
    assert!(!text.contains('\u{a0}'));
}

/// In Chinese the date line is written as the paper writes it, and the
/// page count as 版: in the library, and from the binary by the locale.
#[test]
fn the_date_line_in_chinese() {
    let issue = parse_issue(SAMPLE_TEXT, Some(SAMPLE_NAME));
    for (lang, date) in [
        (Lang::ZhHans, "2022年2月13日"),
        (Lang::ZhHant, "2022年2月13日"),
    ] {
        let mut out = Vec::new();
        i18n::with(lang, || {
            write_issue(&mut out, &issue, 60, &Options::default())
        })
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        let line = text.lines().nth(1).unwrap();
        assert_eq!(line, format!("{date} 星期日 农历壬寅年正月十三 · 4版"));
    }
    for (lang, line) in [
        (
            "zh_CN.UTF-8",
            "2022年2月13日 星期日 农历壬寅年正月十三 · 4版",
        ),
        (
            "zh_TW.UTF-8",
            "2022年2月13日 星期日 农历壬寅年正月十三 · 4版",
        ),
        ("C.UTF-8", "2022-02-13 星期日 农历壬寅年正月十三 · 4 pages"),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
            .args(["dump", "--width", "60"])
            .env_remove("BROADSHEET_CONFIG")
            .env("XDG_CONFIG_HOME", "/nonexistent")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .output()
            .unwrap();
        let text = String::from_utf8(output.stdout).unwrap();
        assert_eq!(text.lines().nth(1), Some(line), "LANG={lang}");
    }
}

#[test]
fn a_width_of_zero_is_a_usage_error() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .args(["dump", "--width", "0"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("must be at least 1"), "{stderr}");
}
