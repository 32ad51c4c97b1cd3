//! One width for every pass: a heading's lines, measured as they are drawn,
//! fit the width, whatever a narrower trial wrap counted; and clusters are
//! found in linear time however long a run of flags is.

use broadsheet::typeset::{self, AmbiguousWidth, Options, Punctuation};
use proptest::prelude::*;

use super::{run, text, within};

#[test]
fn headlines_from_the_fuzzer_fit_their_width() {
    let home = tempfile::tempdir().unwrap();
    for (headline, width) in [("a\tb", 5), ("粇ཿ\u{301}\u{FFFD}", 3)] {
        let source = format!("# P\n\n## {headline}\n\ntext\n");
        let shown = width.to_string();
        let out = run(
            &["dump", "--width", &shown, "-"],
            home.path(),
            source.as_bytes(),
        );
        assert!(out.status.success(), "{out:?}");
        for line in text(&out.stdout).lines() {
            let cells = typeset::str_width(line, AmbiguousWidth::Narrow);
            assert!(
                cells <= width,
                "{headline:?} at {width}: {line:?} is {cells} cells"
            );
        }
    }
}

/// Pieces a headline is made of: tabs, spaces, CJK, Latin, ambiguous
/// characters, and clusters whose width surprises (combining marks on wide
/// and narrow bases, ZWJ emoji, flags, VS16, U+FFFD).
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "\t",
        " ",
        "\u{3000}",
        "报",
        "粇",
        "ཿ\u{301}",
        "e\u{301}\u{302}",
        "\u{FFFD}",
        "“",
        "—",
        "…",
        "·",
        "👩\u{200D}🔬",
        "🇨🇳",
        "🇺",
        "❤\u{FE0F}",
        "a",
        "Mayor",
        "，",
        "。",
        "(",
        "!",
        "ｶﾞ",
        "①",
        "\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(super::cases(512)))]

    #[test]
    fn every_heading_line_fits_as_drawn(
        pieces in prop::collection::vec(piece(), 1..12),
        width in 1usize..=8,
        wide in any::<bool>(),
        fullwidth in any::<bool>(),
    ) {
        let heading: String = pieces.concat();
        let options = Options {
            ambiguous: if wide { AmbiguousWidth::Wide } else { AmbiguousWidth::Narrow },
            punctuation: if fullwidth { Punctuation::Fullwidth } else { Punctuation::AsIs },
            ..Options::default()
        };
        let mut at = 0;
        for range in typeset::wrap_heading(&heading, width, &options) {
            prop_assert!(range.start >= at, "{:?}: lines in order", heading);
            prop_assert!(
                heading[at..range.start].chars().all(char::is_whitespace),
                "{:?}: only spaces dropped between lines", heading
            );
            let drawn = typeset::display_line(&heading, range.clone(), width, &options);
            let cells = typeset::str_width(&drawn, options.ambiguous);
            prop_assert!(cells <= width, "{:?} at {}: {:?} is {} cells", heading, width, drawn, cells);
            at = range.end;
        }
        prop_assert!(heading[at..].chars().all(char::is_whitespace));
    }
}

/// Not a benchmark (that is `cargo bench --bench pathological`): a
/// deadline far above the linear cost (well under a second in a debug
/// build), which the quadratic segmentation (11.8 s for 400 KB in a release
/// build) could never meet.
#[test]
fn a_long_run_of_flags_is_set_in_linear_time() {
    let flags = "🇨🇳".repeat(400_000 / 8);
    let count = flags.len() / 8 / 20;
    let lines = within("setting 400 KB of flags", move || {
        typeset::wrap(&flags, 40, 0, &Options::default()).len()
    });
    assert_eq!(lines, count);
}
