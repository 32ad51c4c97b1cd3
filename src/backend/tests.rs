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

/// The columns (0-based) of every `CSI row;col H` in `bytes`.
fn moves(bytes: &[u8]) -> Vec<u16> {
    let text = String::from_utf8_lossy(bytes);
    text.split("\x1b[")
        .skip(1)
        .filter_map(|seq| {
            let end = seq.find(|c: char| !c.is_ascii_digit() && c != ';')?;
            let (params, rest) = seq.split_at(end);
            let col = params.split(';').nth(1)?;
            rest.starts_with('H')
                .then(|| col.parse::<u16>().ok().map(|c| c - 1))?
        })
        .collect()
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
    for c in ['😀', '〰', '〽', '“', '—', '…', '·', 'a', '①', '㊗'] {
        assert!(!is_agreed_wide(c), "{c}");
    }
}
