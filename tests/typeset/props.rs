//! Properties of the wrapper over random mixes of Han, fullwidth and ASCII
//! punctuation, ambiguous characters, Latin words, digits, spaces, emoji
//! ZWJ sequences and combining marks, at widths 0–120, in both ambiguous
//! modes and at every kinsoku level.
// Tests may unwrap, expect and panic: a failure is the report.

use std::collections::BTreeSet;
use std::ops::Range;

use broadsheet::typeset::breaks::opportunities;
use broadsheet::typeset::classes::{ends_prohibited, starts_prohibited};
use broadsheet::typeset::{
    self, AmbiguousWidth, Kinsoku, Options, Punctuation, display_line, line_width,
};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

const PIECES: &[&str] = &[
    "中",
    "国",
    "新",
    "闻",
    "城",
    "市",
    "副",
    "心",
    "发",
    "展",
    "，",
    "。",
    "、",
    "：",
    "；",
    "！",
    "？",
    "（",
    "）",
    "《",
    "》",
    "「",
    "」",
    "“",
    "”",
    "‘",
    "’",
    "——",
    "—",
    "……",
    "…",
    "·",
    "～",
    "／",
    ",",
    ".",
    "(",
    ")",
    "!",
    "?",
    ":",
    ";",
    "[",
    "]",
    "/",
    "°",
    "×",
    "№",
    "①",
    "─",
    "Windows",
    "IP",
    "broadsheet",
    "a",
    "12345",
    "99%",
    "120.5",
    "1,000",
    "9:30",
    " ",
    " ",
    "  ",
    "\u{3000}",
    "👩\u{200D}🔬",
    "❤\u{FE0F}",
    "🇨🇳",
    "e\u{301}",
    "\u{301}",
    "ｶﾞ",
    "Ａ",
    "\t",
    "\u{1B}",
    "\n",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

fn options_strategy() -> impl Strategy<Value = Options> {
    (
        prop::bool::ANY,
        prop::sample::select(&[Kinsoku::None, Kinsoku::Basic, Kinsoku::Gb, Kinsoku::Strict][..]),
        prop::bool::ANY,
    )
        .prop_map(|(wide, kinsoku, fullwidth)| Options {
            ambiguous: if wide {
                AmbiguousWidth::Wide
            } else {
                AmbiguousWidth::Narrow
            },
            kinsoku,
            punctuation: if fullwidth {
                Punctuation::Fullwidth
            } else {
                Punctuation::AsIs
            },
            indent: true,
            widows: false,
            ..Options::default()
        })
}

fn dropped(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n')
}

/// Rule 2: ranges in order, and what lies between them is only dropped
/// whitespace and newlines.
fn check_nothing_lost(text: &str, lines: &[Range<usize>]) {
    let mut at = 0;
    for r in lines {
        assert!(r.start >= at && r.end >= r.start, "{lines:?}");
        assert!(
            text[at..r.start].chars().all(dropped),
            "lost {:?}",
            &text[at..r.start]
        );
        at = r.end;
    }
    assert!(
        text[at..].chars().all(dropped),
        "lost tail {:?}",
        &text[at..]
    );
}

/// Rules 3 and 4: a line broken at a non-mandatory break neither starts
/// nor ends with a prohibited character, unless the line before it holds
/// no break opportunity at all (an emergency break).
fn check_kinsoku(text: &str, lines: &[Range<usize>], level: Kinsoku) {
    // Opportunities inside a grapheme (UAX #14 allows `SP ÷ CM`) are not ours.
    let boundaries: BTreeSet<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
    let opportunities: BTreeSet<usize> = opportunities(text, level)
        .into_iter()
        .map(|(i, _)| i)
        .filter(|i| boundaries.contains(i))
        .collect();
    for pair in lines.windows(2) {
        let (prev, next) = (&pair[0], &pair[1]);
        if text[prev.end..next.start].contains('\n') || next.is_empty() || prev.is_empty() {
            continue;
        }
        let emergency = !opportunities
            .range(prev.start + 1..=next.start)
            .any(|&i| i > prev.start);
        if emergency {
            continue;
        }
        let mut after = text[next.start..].chars();
        let first = after.next().expect("non-empty line");
        let last = text[prev.clone()]
            .chars()
            .next_back()
            .expect("non-empty line");
        assert!(
            !starts_prohibited(first, after.next(), level),
            "line starts with {first:?}: {lines:?}"
        );
        assert!(!ends_prohibited(last, level), "line ends with {last:?}");
    }
}

proptest! {
    // 192 cases by default (a few seconds in CI); PROPTEST_CASES asks for more.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(192)
    ))]

    #[test]
    fn wrapping_keeps_the_rules(text in text_strategy(), width in 0usize..=120, indent in 0usize..6, options in options_strategy()) {
        let lines = typeset::wrap(&text, width, indent, &options);
        prop_assert!(!lines.is_empty());
        let boundaries: BTreeSet<usize> = text
            .grapheme_indices(true)
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .collect();
        for (n, r) in lines.iter().enumerate() {
            prop_assert!(boundaries.contains(&r.start) && boundaries.contains(&r.end), "{r:?} splits a grapheme");
            let drawn = display_line(&text, r.clone(), width, &options);
            let room = if n == 0 { width.saturating_sub(indent).max(1) } else { width.max(1) };
            let measured = line_width(&text, r.clone(), width, &options);
            if width == 0 {
                prop_assert!(drawn.is_empty());
            } else {
                prop_assert!(measured <= room || (n == 0 && r.is_empty()), "line {n} {drawn:?} is {measured} > {room}");
                prop_assert_eq!(typeset::str_width(&drawn, options.ambiguous), measured);
                prop_assert!(!drawn.chars().any(char::is_control), "{drawn:?}");
                // Rule 7: no line starts or ends with a space.
                let graphemes: Vec<&str> = drawn.graphemes(true).collect();
                prop_assert!(graphemes.first() != Some(&" ") && graphemes.last() != Some(&" "), "{drawn:?}");
            }
        }
        check_nothing_lost(&text, &lines);
        check_kinsoku(&text, &lines, options.kinsoku);
        prop_assert_eq!(&typeset::wrap(&text, width, indent, &options), &lines);
    }
}
