use std::num::NonZeroU16;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::*;

/// Draw `next` over a blank screen of the same size; the bytes written.
fn frame_bytes(next: &Buffer, moves: Moves) -> Vec<u8> {
    let prev = Buffer::empty(next.area);
    let mut backend = WireBackend::new(Vec::new(), moves);
    backend
        .draw(prev.diff(next).into_iter())
        .expect("writing to a Vec cannot fail");
    backend.writer
}

fn line(text: &str) -> Buffer {
    let width = unicode_width::UnicodeWidthStr::width(text) as u16;
    let mut buffer = Buffer::empty(Rect::new(0, 0, width.max(1), 1));
    buffer.set_string(0, 0, text, ratatui::style::Style::default());
    buffer
}

/// The columns (0-based) every cursor movement in `bytes` lands on:
/// absolute (`CSI row;col H`, `CSI row H`) and relative (`CSI n C`), with
/// printed text advancing the column by its width.
fn moves(bytes: &[u8]) -> Vec<u16> {
    let text = String::from_utf8_lossy(bytes);
    let mut pieces = text.split("\x1b[");
    let mut col = pieces.next().map_or(0, width);
    let mut found = Vec::new();
    for seq in pieces {
        let end = seq
            .find(|c: char| !c.is_ascii_digit() && c != ';' && c != '?')
            .unwrap_or(seq.len());
        let (params, rest) = seq.split_at(end);
        let mut chars = rest.chars();
        match chars.next() {
            Some('H') => {
                col = params.split(';').nth(1).map_or(1, |c| c.parse().unwrap()) - 1;
                found.push(col);
            }
            Some('C') => {
                col += params.parse::<u16>().unwrap();
                found.push(col);
            }
            _ => {}
        }
        col += width(chars.as_str());
    }
    found
}

fn width(text: &str) -> u16 {
    unicode_width::UnicodeWidthStr::width(text) as u16
}

/// What a terminal shows after replaying `bytes` on a blank screen.
fn screen(bytes: &[u8], width: u16) -> String {
    let mut parser = vt100::Parser::new(1, width, 0);
    parser.process(bytes);
    parser.screen().contents()
}

#[test]
fn cjk_run_needs_one_move() {
    let buffer = line("北京日报ab");
    assert_eq!(moves(&frame_bytes(&buffer, Moves::Agreed)), vec![0]);
    assert_eq!(
        moves(&frame_bytes(&buffer, Moves::Upstream)),
        vec![0, 2, 4, 6, 8]
    );
}

#[test]
fn kana_hangul_fullwidth_are_agreed() {
    for text in ["かなカナ", "한국어", "ＡＢ（１）", "，。「」"] {
        let buffer = line(&format!("{text}x"));
        assert_eq!(
            moves(&frame_bytes(&buffer, Moves::Agreed)),
            vec![0],
            "{text}"
        );
    }
}

#[test]
fn emoji_keeps_its_move() {
    let buffer = line("a😀b");
    assert_eq!(moves(&frame_bytes(&buffer, Moves::Agreed)), vec![0, 3]);
}

#[test]
fn vs16_trailing_cell_gets_a_move() {
    // ratatui's diff emits the trailing cell of a VS16 sequence; upstream
    // prints it without a move, one column too far right (ratatui#2651).
    let buffer = line("❤️xy");
    let prev = {
        let mut p = Buffer::empty(buffer.area);
        p.set_string(0, 0, "abcd", ratatui::style::Style::default());
        p
    };
    let mut backend = WireBackend::new(Vec::new(), Moves::Agreed);
    backend.draw(prev.diff(&buffer).into_iter()).unwrap();
    let found = moves(&backend.writer);
    assert!(found.contains(&0), "{found:?}");
    assert!(
        found.contains(&1),
        "the trailing cell is moved to: {found:?}"
    );
}

#[test]
fn ambiguous_glyphs_keep_upstream_rule_when_narrow() {
    let buffer = line("“a”b");
    assert_eq!(moves(&frame_bytes(&buffer, Moves::Agreed)), vec![0]);
}

#[test]
fn ambiguous_glyph_forced_wide_is_followed_by_a_move() {
    let mut buffer = Buffer::empty(Rect::new(0, 0, 6, 1));
    buffer.set_string(0, 0, "“", ratatui::style::Style::default());
    buffer[(0, 0)].set_diff_option(CellDiffOption::ForcedWidth(
        NonZeroU16::MIN.saturating_add(1),
    ));
    buffer.set_string(2, 0, "ab", ratatui::style::Style::default());
    let bytes = frame_bytes(&buffer, Moves::Agreed);
    assert_eq!(
        moves(&bytes),
        vec![0, 2],
        "{:?}",
        String::from_utf8_lossy(&bytes)
    );
}

#[test]
fn patched_and_upstream_show_the_same_screen() {
    let text = "第一版：“北京”冬奥会，2022年2月13日 한국 カナ ＡＢ end";
    let buffer = line(text);
    let width = buffer.area.width;
    let agreed = frame_bytes(&buffer, Moves::Agreed);
    let upstream = frame_bytes(&buffer, Moves::Upstream);
    assert_eq!(screen(&agreed, width), screen(&upstream, width));
    assert_eq!(screen(&agreed, width).trim_end(), text);
    assert!(agreed.len() < upstream.len());
}

#[test]
fn styles_match_upstream_bytes_apart_from_moves() {
    use ratatui::style::Style;
    let mut buffer = Buffer::empty(Rect::new(0, 0, 20, 1));
    buffer.set_string(0, 0, "ab", Style::new().bold().red());
    buffer.set_string(2, 0, "cd", Style::new().dim().italic());
    buffer.set_string(4, 0, "ef", Style::new().reversed().on_blue());
    let ours = frame_bytes(&buffer, Moves::Upstream);
    let mut theirs = Vec::new();
    ratatui::backend::CrosstermBackend::new(&mut theirs)
        .draw(Buffer::empty(buffer.area).diff(&buffer).into_iter())
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&ours),
        String::from_utf8_lossy(&theirs)
    );
}

#[test]
fn agreed_wide_excludes_emoji_and_ambiguous() {
    for c in ['中', 'あ', 'ア', '한', '，', '。', '　', 'Ａ', '𠀀'] {
        assert!(is_agreed_wide(c), "{c}");
    }
    for c in [
        '😀', '〰', '〽', '“', '—', '…', '·', 'a', '①', '㊗', '\u{1100}',
    ] {
        assert!(!is_agreed_wide(c), "{c}");
    }
}

#[test]
fn gaps_in_a_row_use_a_relative_move() {
    let prev = line("北京日报abc");
    let next = line("北京晚报abd");
    let width = next.area.width;
    let mut backend = WireBackend::new(Vec::new(), Moves::Agreed);
    backend
        .draw(Buffer::empty(prev.area).diff(&prev).into_iter())
        .unwrap();
    let first = backend.writer.len();
    backend.draw(prev.diff(&next).into_iter()).unwrap();
    let update = String::from_utf8_lossy(&backend.writer[first..]).into_owned();
    assert!(update.contains("\x1b[4C"), "{update:?}");
    assert!(!update.contains(";11H"), "{update:?}");
    assert_eq!(screen(&backend.writer, width).trim_end(), "北京晚报abd");
}

#[test]
fn a_row_start_needs_no_column() {
    let mut buffer = Buffer::empty(Rect::new(0, 0, 4, 3));
    buffer.set_string(0, 2, "ab", ratatui::style::Style::default());
    let bytes = frame_bytes(&buffer, Moves::Agreed);
    assert!(
        String::from_utf8_lossy(&bytes).starts_with("\x1b[3Hab"),
        "{bytes:?}"
    );
}

pub(super) mod replay {
    use proptest::prelude::*;

    use super::*;

    /// Text whose widths vt100 and unicode-width agree on.
    pub(in crate::backend) fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("a"),
                Just("b"),
                Just(" "),
                Just("中"),
                Just("文"),
                Just("，"),
                Just("か"),
                Just("“"),
                Just("—"),
            ],
            0..30,
        )
        .prop_map(|parts| parts.concat())
    }

    fn buffer(rows: &[String]) -> Buffer {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 24, rows.len() as u16));
        for (y, row) in rows.iter().enumerate() {
            buffer.set_stringn(0, y as u16, row, 24, ratatui::style::Style::default());
        }
        buffer
    }

    fn shown(buffer: &Buffer) -> Vec<String> {
        let area = buffer.area;
        (0..area.height)
            .map(|y| {
                let mut row = String::new();
                let mut x = 0;
                while x < area.width {
                    let cell = &buffer[(x, y)];
                    row.push_str(cell.symbol());
                    x += unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1) as u16;
                }
                row.trim_end().to_owned()
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// Drawing a frame and then the diff to the next one leaves on a
        /// terminal exactly the next frame.
        #[test]
        fn replayed_diffs_show_the_next_frame(
            before in proptest::collection::vec(text(), 4),
            after in proptest::collection::vec(text(), 4),
        ) {
            let (prev, next) = (buffer(&before), buffer(&after));
            let mut backend = WireBackend::new(Vec::new(), Moves::Agreed);
            backend.draw(Buffer::empty(prev.area).diff(&prev).into_iter()).unwrap();
            backend.draw(prev.diff(&next).into_iter()).unwrap();
            let mut parser = vt100::Parser::new(4, 24, 0);
            parser.process(&backend.writer);
            let rows: Vec<String> = parser
                .screen()
                .rows(0, 24)
                .map(|r| r.trim_end().to_owned())
                .collect();
            prop_assert_eq!(rows, shown(&next));
        }
    }
}

#[test]
fn the_cursor_is_hidden_once_not_every_frame() {
    let mut backend = WireBackend::new(Vec::new(), Moves::Agreed);
    backend.hide_cursor().unwrap();
    backend.hide_cursor().unwrap();
    assert_eq!(backend.writer, b"\x1b[?25l");
    backend.show_cursor().unwrap();
    backend.hide_cursor().unwrap();
    assert_eq!(backend.writer, b"\x1b[?25l\x1b[?25h\x1b[?25l");
}

#[test]
fn a_frame_that_changes_nothing_sends_nothing() {
    let next = line("副中心");
    let mut backend = WireBackend::new(Vec::new(), Moves::Agreed);
    let draw = |backend: &mut WireBackend<Vec<u8>>, cells: Vec<(u16, u16, &Cell)>| {
        backend
            .draw(cells.into_iter())
            .expect("writing to a Vec cannot fail");
        backend
            .set_cursor_position(Position::new(1, 0))
            .expect("writing to a Vec cannot fail");
    };
    draw(&mut backend, Buffer::empty(next.area).diff(&next));
    let first = backend.writer.len();
    assert!(first > 0);
    // An idle wake: ratatui finds no cell changed and puts the cursor where
    // it already is.
    draw(&mut backend, Vec::new());
    assert_eq!(
        backend.writer.len(),
        first,
        "{:?}",
        String::from_utf8_lossy(&backend.writer)
    );
    // Moving the cursor elsewhere still moves it.
    backend
        .set_cursor_position(Position::new(0, 0))
        .expect("writing to a Vec cannot fail");
    assert!(backend.writer.len() > first);
}
