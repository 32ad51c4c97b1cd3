//! The untailored break opportunities against Unicode's own test data:
//! `tests/data/LineBreakTest-15.0.0.txt` (from the Unicode Character
//! Database, as shipped in the icu_segmenter 1.3.0 crate sources; Unicode
//! 15.0.0 is the version unicode-linebreak 0.1.5 implements).
//!
//! A line may differ only where we tailor on purpose:
//! * it holds a character the tailoring is about (quotes for the Unicode 16
//!   LB19a rule; the clreq sets above level `none`);
//! * it is one of unicode-linebreak 0.1.5's own known departures from the
//!   test file, which uses the LB25 number regex of UAX #14 example 7
//!   where the crate uses the LB25 pair table (it keeps `}%`, `,0`, `%〈`
//!   together), and the LB30b rule for unassigned pictographs before an
//!   emoji modifier. These are counted exactly so no new departure hides.
// Tests may unwrap, expect and panic: a failure is the report.

use broadsheet::typeset::Kinsoku;
use broadsheet::typeset::breaks::opportunities;
use broadsheet::typeset::classes::{
    ends_prohibited, is_final_quote, is_initial_quote, starts_prohibited,
};
use unicode_linebreak::{BreakClass, break_property};

const DATA: &str = include_str!("../data/LineBreakTest-15.0.0.txt");

struct Case {
    text: String,
    breaks: Vec<usize>,
    line: &'static str,
}

fn cases() -> Vec<Case> {
    DATA.lines()
        .filter_map(|line| {
            let body = line.split('#').next()?.trim();
            if body.is_empty() {
                return None;
            }
            let mut text = String::new();
            let mut breaks = Vec::new();
            for token in body.split_whitespace() {
                match token {
                    "÷" => breaks.push(text.len()),
                    "×" => {}
                    hex => {
                        let code = u32::from_str_radix(hex, 16).expect("hex code point");
                        text.push(char::from_u32(code).expect("scalar value"));
                    }
                }
            }
            breaks.retain(|&b| b > 0);
            Some(Case { text, breaks, line })
        })
        .collect()
}

/// The crate's LB25/LB30b departures: a break the test file allows
/// between these classes (combining marks taking their base's class).
fn crate_departure(case: &Case, at: usize) -> bool {
    use BreakClass::*;
    let before = case.text[..at]
        .chars()
        .rev()
        .map(|c| break_property(c as u32))
        .find(|&c| c != CombiningMark)
        .unwrap_or(Alphabetic);
    let next = case.text[at..]
        .chars()
        .next()
        .map(|c| break_property(c as u32));
    let Some(next) = next else { return false };
    let lb25 = matches!(
        (before, next),
        (ClosePunctuation | CloseParenthesis, Postfix | Prefix)
            | (InfixSeparator | Symbol, Numeric)
            | (Postfix | Prefix, OpenPunctuation)
    );
    let lb30b = before == Ideographic && next == EmojiModifier;
    let breaks = case.breaks.contains(&at);
    (lb25 && breaks) || (lb30b && !breaks)
}

fn run(level: Kinsoku, tailored: impl Fn(char) -> bool) -> (usize, Vec<&'static str>) {
    let mut departures = 0;
    let mut failures = Vec::new();
    for case in cases() {
        let got: Vec<usize> = opportunities(&case.text, level)
            .into_iter()
            .map(|(i, _)| i)
            .collect();
        if got == case.breaks {
            continue;
        }
        if case.text.chars().any(&tailored) {
            continue;
        }
        let differing: Vec<usize> = (1..case.text.len())
            .filter(|&i| case.text.is_char_boundary(i))
            .filter(|i| got.contains(i) != case.breaks.contains(i))
            .collect();
        if differing.iter().all(|&i| crate_departure(&case, i)) {
            departures += 1;
        } else {
            failures.push(case.line);
        }
    }
    (departures, failures)
}

fn is_quote(c: char) -> bool {
    is_initial_quote(c) || is_final_quote(c)
}

#[test]
fn untailored_opportunities_match_line_break_test() {
    let (departures, failures) = run(Kinsoku::None, is_quote);
    assert!(
        failures.is_empty(),
        "{} lines differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(departures, 35, "known unicode-linebreak departures changed");
}

#[test]
fn basic_level_differs_only_at_its_characters() {
    let level = Kinsoku::Basic;
    // Besides the clreq sets: a slash unit and a Korean word (Hangul
    // syllables and jamo) are kept whole.
    let hangul = |c: char| matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}');
    let tailored = |c: char| {
        is_quote(c)
            || starts_prohibited(c, None, level)
            || ends_prohibited(c, level)
            || c == '/'
            || hangul(c)
    };
    let (_, failures) = run(level, tailored);
    assert!(
        failures.is_empty(),
        "{} lines differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
