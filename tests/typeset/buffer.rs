//! Cross-check with ratatui: each wrapped line, drawn into a `Buffer`
//! exactly as wide as the room we wrapped it for, must end at the x our
//! width function predicts. ratatui drops a glyph that does not fit without
//! a word, so a line we measured too narrow shows up here as lost text.
// Tests may unwrap, expect and panic: a failure is the report.

use broadsheet::typeset::{self, AmbiguousWidth, Options, Punctuation};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

const SAMPLE: &str = include_str!("../../assets/issues/bjfzxb-2022-02-13.md");

const TRAPS: &str = "科学👩\u{200D}🔬家说：“新闻”两个字❤\u{FE0F}很好。e\u{301}galité 🇨🇳 ①②③ №1 \
    ——最后一圈……Windows（二期）1,000人次 12345 甲\t乙\u{1B}[31m丙 Ａ１ 각 ─│┌ 99% 120.5";

/// Where ratatui's cursor ends after drawing `line` into a buffer `room`
/// cells wide.
fn drawn_end(line: &str, room: usize) -> usize {
    let area = Rect::new(0, 0, u16::try_from(room).expect("test widths fit u16"), 1);
    let mut buffer = Buffer::empty(area);
    let (x, _) = buffer.set_stringn(0, 0, line, room, Style::default());
    usize::from(x)
}

fn check(paragraph: &str, width: usize, options: &Options) {
    let indent = typeset::first_line_indent(paragraph, options).min(width.saturating_sub(2));
    for (n, range) in typeset::wrap(paragraph, width, indent, options)
        .into_iter()
        .enumerate()
    {
        let room = if n == 0 { width - indent } else { width };
        let line = typeset::display_line(paragraph, range.clone(), room, options);
        let ours = typeset::line_width(paragraph, range, room, options);
        assert_eq!(
            drawn_end(&line, room),
            ours,
            "width {width}: {line:?} ends elsewhere in a ratatui buffer"
        );
        assert!(ours <= room, "width {width}: {line:?} is {ours} cells");
    }
}

#[test]
fn sample_lines_end_where_we_say() {
    let paragraphs: Vec<&str> = SAMPLE
        .split("\n\n")
        .map(|p| p.trim_start_matches('#').trim())
        .filter(|p| !p.is_empty())
        .collect();
    assert!(paragraphs.len() > 20);
    for options in [
        Options::default(),
        Options {
            punctuation: Punctuation::Fullwidth,
            ..Options::default()
        },
    ] {
        for width in [1, 2, 3, 7, 20, 40, 41, 79, 80] {
            for paragraph in &paragraphs {
                check(paragraph, width, &options);
            }
        }
    }
}

#[test]
fn trap_lines_end_where_we_say() {
    // ratatui measures ambiguous characters as narrow: cross-check that mode.
    let options = Options {
        ambiguous: AmbiguousWidth::Narrow,
        ..Options::default()
    };
    for width in 1..=60 {
        check(TRAPS, width, &options);
    }
}

#[test]
fn halfwidth_voiced_kana_is_two_cells_as_terminals_draw_it() {
    // unicode-width 0.2.3 counts U+FF9E as one cell, as terminals do;
    // ratatui-core 0.1.2 adds one more for it (compensating for older
    // unicode-width), so "ｶﾞ" must not go through `set_stringn` unmeasured.
    assert_eq!(typeset::str_width("ｶﾞ", AmbiguousWidth::Narrow), 2);
}
