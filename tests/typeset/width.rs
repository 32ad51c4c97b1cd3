//! Golden widths: every distinct character of the sample issue plus the
//! known traps (ZWJ emoji, VS16, combining marks, fullwidth and halfwidth
//! forms, `ｶﾞ`, ambiguous punctuation), in both ambiguous-width modes,
//! against `tests/data/typeset-widths.tsv`. A dependency bump that changes
//! a width fails here, loudly. Regenerate on purpose with
//! `BLESS=1 cargo test --test library typeset::width::`.
// Tests may unwrap, expect and panic: a failure is the report.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use broadsheet::typeset::{AmbiguousWidth, grapheme_width};

const SAMPLE: &str = include_str!("../../assets/issues/bjfzxb-2022-02-13.md");
const GOLDEN: &str = "tests/data/typeset-widths.tsv";

const TRAPS: &[&str] = &[
    "👩\u{200D}🔬",
    "👨\u{200D}👩\u{200D}👧",
    "❤\u{FE0F}",
    "☺\u{FE0F}",
    "❤\u{FE0E}",
    "👍🏽",
    "🇨🇳",
    "🌞",
    "e\u{301}",
    "\u{301}",
    "\u{1100}\u{1161}\u{11A8}",
    "각",
    "ｶﾞ",
    "ｶ",
    "Ａ",
    "１",
    "，",
    "。",
    "“",
    "”",
    "‘",
    "’",
    "—",
    "…",
    "·",
    "°",
    "×",
    "№",
    "①",
    "─",
    "│",
    "┌",
    "\u{3000}",
    "\t",
    "\u{1B}",
    "\u{7F}",
    "\u{9B}",
    "\r\n",
    "\u{200B}",
    "\u{AD}",
    "\u{FE0F}",
    "\u{FFFD}",
    "₩",
    "～",
];

fn escaped(g: &str) -> String {
    g.chars()
        .map(|c| format!("U+{:04X}", c as u32))
        .collect::<Vec<_>>()
        .join(" ")
}

fn table() -> String {
    let mut graphemes: BTreeSet<String> = SAMPLE.chars().map(String::from).collect();
    graphemes.extend(TRAPS.iter().map(|t| (*t).to_owned()));
    let mut out = String::from("# grapheme\tnarrow\twide\n");
    for g in &graphemes {
        let narrow = grapheme_width(g, AmbiguousWidth::Narrow);
        let wide = grapheme_width(g, AmbiguousWidth::Wide);
        writeln!(out, "{}\t{narrow}\t{wide}", escaped(g)).expect("writing to a String");
    }
    out
}

#[test]
fn widths_match_the_golden_table() {
    let got = table();
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(GOLDEN, &got).expect("writing the golden table");
    }
    let want = std::fs::read_to_string(GOLDEN).expect("tests/data/typeset-widths.tsv");
    let differing: Vec<String> = got
        .lines()
        .zip(want.lines())
        .filter(|(g, w)| g != w)
        .map(|(g, w)| format!("got {g:?}, golden {w:?}"))
        .collect();
    assert!(
        differing.is_empty(),
        "widths changed:\n{}",
        differing.join("\n")
    );
    assert_eq!(
        got.lines().count(),
        want.lines().count(),
        "golden table size"
    );
}

#[test]
fn traps_have_the_widths_terminals_draw() {
    let narrow = |g| grapheme_width(g, AmbiguousWidth::Narrow);
    assert_eq!(narrow("👩\u{200D}🔬"), 2);
    assert_eq!(narrow("❤\u{FE0F}"), 2);
    assert_eq!(narrow("e\u{301}"), 1);
    assert_eq!(narrow("ｶﾞ"), 2);
    assert_eq!(narrow("“"), 1);
    assert_eq!(grapheme_width("“", AmbiguousWidth::Wide), 2);
}
