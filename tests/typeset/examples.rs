//! Every row of the worked examples (`tests/data/typesetting-examples.tsv`,
//! a copy of the shared spec table) as a table-driven test: exact lines
//! where the row says `exact`, the stated properties otherwise.
// Tests may unwrap, expect and panic: a failure is the report.

use broadsheet::model::BlockKind;
use broadsheet::typeset::{self, AmbiguousWidth, Kinsoku, Options, Punctuation};

const TABLE: &str = include_str!("../data/typesetting-examples.tsv");

struct Row<'a> {
    id: &'a str,
    width: Option<usize>,
    input: String,
    property: &'a str,
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 1..];
        if let Some(t) = tail.strip_prefix('n') {
            out.push('\n');
            rest = t;
        } else if let Some(t) = tail.strip_prefix('t') {
            out.push('\t');
            rest = t;
        } else if let Some(t) = tail.strip_prefix("u{") {
            let end = t.find('}').expect("closing brace in \\u{…}");
            let code = u32::from_str_radix(&t[..end], 16).expect("hex code point");
            out.push(char::from_u32(code).expect("valid code point"));
            rest = &t[end + 1..];
        } else {
            out.push('\\');
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

fn rows() -> Vec<Row<'static>> {
    TABLE
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert!(cols.len() >= 4, "malformed row {line}");
            Row {
                id: cols[0],
                width: cols[1].parse().ok(),
                input: unescape(cols[2]),
                property: cols[3],
            }
        })
        .collect()
}

/// The table's defaults: first-fit, so `widows = true` (no character
/// pulled down to keep a last line from holding one alone).
fn options_for(property: &str) -> Options {
    let mut options = Options {
        widows: true,
        ..Options::default()
    };
    if property.contains("[ambiguous=wide]") {
        options.ambiguous = AmbiguousWidth::Wide;
    }
    options
}

fn lines(text: &str, width: usize, options: &Options) -> Vec<String> {
    typeset::wrap(text, width, 0, options)
        .into_iter()
        .map(|r| typeset::display_line(text, r, width, options).into_owned())
        .collect()
}

fn check_typeset(row: &Row<'_>, width: usize) {
    for clause in row.property.split(" ; ") {
        let clause = clause.trim().trim_start_matches("[ambiguous=wide]").trim();
        let (name, arg) = clause.split_once(':').unwrap_or((clause, ""));
        check_clause(row, width, name.trim(), arg.trim());
    }
}

/// One property of a row (`exact: …`, `max_width`, `no_start: …`, …).
fn check_clause(row: &Row<'_>, width: usize, name: &str, arg: &str) {
    let options = options_for(row.property);
    let text = &row.input;
    let got = lines(text, width, &options);
    let ranges = typeset::wrap(text, width, 0, &options);
    match name {
        "exact" => {
            let want: Vec<String> = unescape(arg).split('|').map(str::to_owned).collect();
            assert_eq!(got, want, "{}: exact lines", row.id);
        }
        "max_width" => {
            for line in &got {
                let w = typeset::str_width(line, options.ambiguous);
                assert!(w <= width, "{}: {line:?} is {w} cells > {width}", row.id);
            }
        }
        "no_start" => {
            // Every line but the first starts after a break.
            for line in got.iter().skip(1) {
                assert_not_in(row, "starts", line.chars().next(), arg);
            }
        }
        "no_end" => {
            for line in got.iter().take(got.len().saturating_sub(1)) {
                assert_not_in(row, "ends", line.chars().next_back(), arg);
            }
        }
        "keeps" => {
            assert!(
                got.iter().any(|l| l.contains(arg)),
                "{}: {arg:?} split across lines: {got:?}",
                row.id
            );
        }
        "no_control" => {
            for line in &got {
                assert!(!line.chars().any(char::is_control), "{}: {line:?}", row.id);
            }
            // Nothing lost: every character but the blanks dropped at a
            // break is on some line (drawn as itself or as a picture).
            for (at, c) in text.char_indices().filter(|(_, c)| !c.is_whitespace()) {
                assert!(
                    ranges.iter().any(|r| r.contains(&at)),
                    "{}: {c:?} at byte {at} is on no line",
                    row.id
                );
            }
        }
        "no_panic" => {
            for w in 0..=width + 1 {
                for indent in 0..3 {
                    let _ = typeset::wrap(text, w, indent, &options);
                }
                let _ = lines(text, w, &options);
            }
        }
        other => panic!("{}: unknown property {other:?}", row.id),
    }
}

/// A line's first or last character is none of the set `arg` names
/// (`(space)` for a space).
fn assert_not_in(row: &Row<'_>, edge: &str, c: Option<char>, arg: &str) {
    let set = if arg == "(space)" { " " } else { arg };
    assert!(
        !c.is_some_and(|c| set.contains(c)),
        "{}: a line {edge} with one of {set:?}: {c:?}",
        row.id
    );
}

fn check_parser(row: &Row<'_>) {
    let arg = row
        .property
        .strip_prefix("joined:")
        .unwrap_or_else(|| panic!("{}: parser rows state `joined:`", row.id))
        .trim();
    let want: Vec<&str> = arg.split('|').collect();
    let source = format!(
        "# 北京城市副中心报\n\n## 标题\n\n本报讯(记者 王明)昨天上午召开会议。\n\n{}\n",
        row.input
    );
    let issue = broadsheet::parse::parse_issue(&source, None);
    // A caption's credit is kept apart from its text; the row reads them together.
    let got: Vec<String> = issue
        .articles
        .iter()
        .flat_map(|a| a.blocks.iter())
        .map(|b| match &b.kind {
            BlockKind::Caption {
                credit: Some(credit),
            } => format!("{}{credit}", b.text),
            _ => b.text.clone(),
        })
        .collect();
    let mut from = 0;
    for w in &want {
        let found = got[from..].iter().position(|g| g.contains(w));
        let Some(at) = found else {
            panic!("{}: expected a block {w:?} in order, got {got:?}", row.id);
        };
        from += at + 1;
    }
}

#[test]
fn every_row_of_the_examples_table() {
    let rows = rows();
    assert!(rows.len() >= 19, "table has {} rows", rows.len());
    for row in &rows {
        match row.width {
            Some(width) => check_typeset(row, width),
            None => check_parser(row),
        }
    }
}

#[test]
fn k16_a_wide_grapheme_in_one_or_zero_cells() {
    let options = Options::default();
    assert_eq!(lines("中文", 1, &options), vec!["\u{25AF}", "\u{25AF}"]);
    assert!(lines("中文", 0, &options).iter().all(String::is_empty));
}

#[test]
fn k33_tab_and_escape_are_drawn_safely() {
    let options = Options::default();
    assert_eq!(
        lines("甲\t乙\u{1B}[31m丙", 20, &options),
        vec!["甲    乙\u{241B}[31m丙"]
    );
}

#[test]
fn fullwidth_punctuation_is_measured_as_drawn() {
    let options = Options {
        punctuation: Punctuation::Fullwidth,
        ..Options::default()
    };
    let text = "会议指出,要加快建设(二期)工程。共1,000人";
    let got = lines(text, 10, &options);
    assert_eq!(
        got,
        vec![
            "会议指出，",
            "要加快建设",
            "（二期）工",
            "程。共",
            "1,000人"
        ]
    );
}

#[test]
fn levels_differ_where_clreq_says() {
    let text = "比赛进入冲刺——最后一圈";
    let strict = Options {
        kinsoku: Kinsoku::Strict,
        ..Options::default()
    };
    assert_eq!(lines(text, 13, &strict), vec!["比赛进入冲", "刺——最后一圈"]);
    let none = Options {
        kinsoku: Kinsoku::None,
        ..Options::default()
    };
    // Plain UAX #14 lets a middle dot start a line; basic does not.
    assert_eq!(lines("卡尔·马克思", 4, &none), vec!["卡尔", "·马", "克思"]);
    let first_fit = Options {
        widows: true,
        ..Options::default()
    };
    assert_eq!(
        lines("卡尔·马克思", 4, &first_fit),
        vec!["卡", "尔·", "马克", "思"]
    );
}

#[test]
fn extreme_widths_and_indents_do_not_panic() {
    let options = Options::default();
    let text = "\u{3000}\u{3000}本报讯 Windows（二期）——“新闻”……\n\n12345";
    for (width, indent) in [
        (usize::MAX, 0),
        (usize::MAX, usize::MAX),
        (3, 100),
        (0, 0),
        (1, 1),
    ] {
        let ranges = typeset::wrap(text, width, indent, &options);
        assert!(!ranges.is_empty());
        for r in ranges {
            let _ = typeset::display_line(text, r, width, &options);
        }
    }
    assert_eq!(typeset::wrap("", 10, 0, &options), vec![0..0]);
}

#[test]
fn long_blank_runs_stay_linear() {
    // A break is allowed after every tab: the rules must not rescan the run
    // for each one (this would take minutes if they did).
    let options = Options::default();
    let text = format!("甲{}，乙{}丙", "\t".repeat(200_000), " ".repeat(200_000));
    let ranges = typeset::wrap(&text, 10, 0, &options);
    assert!(ranges.len() >= 2);
}
