//! Character references decode after the file was sanitised: the text they
//! decode to goes through the sanitiser again. Raw, decimal, hex and named
//! spellings of every character the sanitiser removes or replaces give the
//! same output.

use broadsheet::cli::dump::write_issue;
use broadsheet::library::sanitize;
use broadsheet::parse::parse_issue;
use broadsheet::typeset::Options;
use proptest::prelude::*;

use super::{forbidden, run, text};

/// The `dump` of a whole issue's text, as the command makes it.
fn dump(source: &str) -> String {
    let issue = parse_issue(&sanitize(source), Some("p-2024-03-12.md"));
    let mut out = Vec::new();
    write_issue(&mut out, &issue, 40, &Options::default()).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn references_to_hazards_never_reach_the_output() {
    let home = tempfile::tempdir().unwrap();
    for reference in [
        "&#x202E;",
        "&#x2066;",
        "&#x2067;",
        "&#x2068;",
        "&#x2069;",
        "&#x200F;",
        "&#xE0041;",
        "&#8232;",
        "&#8233;",
        "&rlm;",
        "&#27;[2J",
        "&#x9b;31m",
    ] {
        let source = format!("# P\n\n## {reference}gnp.exe\n\nbody {reference}x\n");
        for args in [&["dump", "-"][..], &["json", "-"], &["list", "-"]] {
            let out = run(args, home.path(), source.as_bytes());
            assert!(out.status.success(), "{args:?} {reference}: {out:?}");
            let shown = text(&out.stdout);
            assert_eq!(forbidden(&shown), None, "{args:?} {reference}: {shown:?}");
        }
    }
}

/// Characters the sanitiser drops or replaces one by one (not the sequence
/// introducers, which as raw bytes open a sequence that swallows what
/// follows, while a reference to one is a lone character).
fn hazard() -> impl Strategy<Value = char> {
    prop_oneof![
        (0x01u32..0x20).prop_filter("whitespace", |c| ![9, 10, 13, 0x1B].contains(c)),
        Just(0x7F),
        (0x80u32..0x90),
        Just(0x061C),
        (0x200Eu32..0x2010),
        (0x202Au32..0x202F),
        (0x2066u32..0x206A),
        Just(0xFEFF),
        (0xE0000u32..0xE0080),
    ]
    .prop_map(|c| char::from_u32(c).unwrap())
}

fn named(c: char) -> Option<&'static str> {
    match c {
        '\u{200E}' => Some("&lrm;"),
        '\u{200F}' => Some("&rlm;"),
        _ => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(super::cases(256)))]

    #[test]
    fn raw_decimal_hex_and_named_give_the_same_output(
        c in hazard(),
        // Not four spaces first: that is an indented code block, where a
        // reference is literal text.
        before in "([a-z甲乙][a-z甲乙 ]{0,5})?",
        after in "[a-z丙丁 ]{0,6}",
        in_heading in any::<bool>(),
    ) {
        let spell = |s: &str| {
            let line = format!("{before}{s}{after}");
            if in_heading {
                format!("# P\n\n## {line}\n\nbody\n")
            } else {
                format!("# P\n\n## H\n\n{line}\n")
            }
        };
        let raw = dump(&spell(&c.to_string()));
        let code = u32::from(c);
        let mut spellings = vec![format!("&#{code};"), format!("&#x{code:X};"), format!("&#X{code:x};")];
        spellings.extend(named(c).map(str::to_owned));
        for spelled in spellings {
            prop_assert_eq!(&dump(&spell(&spelled)), &raw, "{:?} as {}", c, spelled);
        }
    }
}

#[test]
fn a_line_separator_reference_breaks_the_line_as_the_raw_one_does() {
    for (raw, spelled) in [
        ("a\u{2028}b", "a&#8232;b"),
        ("甲\u{2028}乙", "甲&#x2028;乙"),
    ] {
        let body = |s: &str| format!("# P\n\n## H\n\n{s}\n");
        assert_eq!(dump(&body(spelled)), dump(&body(raw)));
    }
}
