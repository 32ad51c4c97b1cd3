use proptest::prelude::*;
use ratatui::backend::Backend;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};

use super::*;
use crate::backend::{Moves, Shown, WireBackend};

const COLS: u16 = 24;
const ROWS: u16 = 8;
/// Rows 1..=6 are the "article body"; 0 is a title, 7 a status bar.
const BODY: usize = 6;

/// Lines as different from each other as an article's.
fn texts(count: usize) -> Vec<String> {
    const WORDS: [&str; 7] = [
        "alpha",
        "中文",
        "beta",
        "gamma",
        "“quoted”",
        "delta",
        "epsilon",
    ];
    (0..count)
        .map(|k| {
            let words = (0..4).map(|i| WORDS[(k * 3 + i) % WORDS.len()]);
            format!("line {k} {}", words.collect::<Vec<_>>().join(" "))
        })
        .collect()
}

/// A screen: title, `BODY` lines of `lines` from `top` (every third one
/// with a highlighted word), status bar. With `pane`, a left column that
/// does not move.
fn frame(lines: &[String], top: usize, pane: bool) -> Buffer {
    let mut buffer = Buffer::empty(Rect::new(0, 0, COLS, ROWS));
    let hit = Style::default().bg(Color::Indexed(3));
    buffer.set_string(0, 0, "TITLE", Style::default().fg(Color::Indexed(2)));
    let x = if pane { 5 } else { 0 };
    for (row, k) in (top..top + BODY).enumerate() {
        let y = row as u16 + 1;
        if pane {
            buffer.set_string(0, y, format!("{y:>4}|"), Style::default());
        }
        if let Some(text) = lines.get(k) {
            buffer.set_stringn(x, y, text, usize::from(COLS - x), Style::default());
            if k % 3 == 0 {
                buffer.set_style(Rect::new(x, y, 4, 1), hit);
            }
        }
    }
    buffer.set_string(0, ROWS - 1, format!("status {top}"), Style::default());
    buffer
}

/// A backend that has drawn `first` (and been told so).
fn drawn(first: &Buffer) -> WireBackend<Vec<u8>> {
    let mut backend = WireBackend::new(Vec::new(), Moves::Agreed).with_scrolling(true);
    backend
        .draw(Buffer::empty(first.area).diff(first).into_iter())
        .unwrap();
    backend.shown(first.clone());
    backend
}

/// Draw `next` over `prev` as ratatui would; the bytes this frame wrote.
fn step(backend: &mut WireBackend<Vec<u8>>, prev: &Buffer, next: &Buffer) -> Vec<u8> {
    let start = backend.writer.len();
    backend.draw(prev.diff(next).into_iter()).unwrap();
    backend.shown(next.clone());
    backend.writer[start..].to_vec()
}

/// Cell by cell (symbol and background), what a terminal replaying
/// `bytes` shows differs from `expected` at these places.
fn mismatches(bytes: &[u8], expected: &Buffer) -> Vec<(u16, u16)> {
    let mut parser = vt100::Parser::new(ROWS, COLS, 0);
    parser.process(bytes);
    let screen = parser.screen();
    let mut wrong = Vec::new();
    for y in 0..ROWS {
        for x in 0..COLS {
            let (Some(got), want) = (screen.cell(y, x), &expected[(x, y)]) else {
                continue;
            };
            if got.is_wide_continuation() {
                continue;
            }
            let bg = match want.bg {
                Color::Indexed(i) => vt100::Color::Idx(i),
                _ => vt100::Color::Default,
            };
            let symbol = if got.contents().is_empty() {
                " "
            } else {
                got.contents()
            };
            if symbol != want.symbol() || got.bgcolor() != bg {
                wrong.push((x, y));
            }
        }
    }
    wrong
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn a_line_scroll_sends_the_scroll_and_the_new_row_only() {
    let lines = texts(12);
    let (a, b) = (frame(&lines, 0, false), frame(&lines, 1, false));
    let mut backend = drawn(&a);
    let bytes = step(&mut backend, &a, &b);
    // Body rows 2..=7 (1-based) only: the title and status stay put.
    assert!(
        contains(&bytes, b"\x1b[m\x1b[2;7r\x1b[S\x1b[r"),
        "{:?}",
        String::from_utf8_lossy(&bytes)
    );
    // Only the row that came in ("line 6 “quoted” delta ep") and the
    // status bar's digit; nothing of the rows that moved.
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("“quoted”") && text.contains("delta"),
        "{text:?}"
    );
    for word in ["alpha", "beta", "gamma", "epsilon", "中"] {
        assert!(!text.contains(word), "{word} in {text:?}");
    }
    assert_eq!(mismatches(&backend.writer, &b), vec![]);
}

#[test]
fn a_scroll_back_uses_scroll_down() {
    let lines = texts(12);
    let (a, b) = (frame(&lines, 4, false), frame(&lines, 2, false));
    let mut backend = drawn(&a);
    let bytes = step(&mut backend, &a, &b);
    assert!(
        contains(&bytes, b"\x1b[2;7r\x1b[2T\x1b[r"),
        "{:?}",
        String::from_utf8_lossy(&bytes)
    );
    assert_eq!(mismatches(&backend.writer, &b), vec![]);
}

#[test]
fn a_pane_beside_the_rows_means_no_scroll() {
    let lines = texts(12);
    let (a, b) = (frame(&lines, 0, true), frame(&lines, 1, true));
    let mut backend = drawn(&a);
    let bytes = step(&mut backend, &a, &b);
    assert!(
        !contains(&bytes, b"r\x1b["),
        "{:?}",
        String::from_utf8_lossy(&bytes)
    );
    assert_eq!(mismatches(&backend.writer, &b), vec![]);
}

#[test]
fn a_clear_or_raw_write_forgets_the_screen() {
    let lines = texts(12);
    let (a, b) = (frame(&lines, 0, false), frame(&lines, 1, false));
    let mut backend = drawn(&a);
    backend.clear().unwrap();
    let bytes = step(&mut backend, &Buffer::empty(a.area), &b);
    assert!(!contains(&bytes, b"\x1b[S"));
    let mut backend = drawn(&a);
    std::io::Write::write_all(&mut backend, b"\x1b[?1049h").unwrap();
    let bytes = step(&mut backend, &a, &b);
    assert!(!contains(&bytes, b"\x1b[S"));
}

#[test]
fn a_frame_not_handed_back_is_not_trusted() {
    let lines = texts(12);
    let (a, b, c) = (
        frame(&lines, 0, false),
        frame(&lines, 1, false),
        frame(&lines, 2, false),
    );
    let mut backend = drawn(&a);
    // Drawn but never confirmed (ratatui failed after the draw, say).
    backend.draw(a.diff(&b).into_iter()).unwrap();
    let start = backend.writer.len();
    backend.draw(b.diff(&c).into_iter()).unwrap();
    assert!(!contains(&backend.writer[start..], b"\x1b[S"));
}

#[test]
fn an_update_outside_the_screen_shown_draws_plainly() {
    let lines = texts(12);
    let small = frame(&lines, 0, false);
    let mut backend = drawn(&small);
    let mut bigger = Buffer::empty(Rect::new(0, 0, COLS, ROWS + 2));
    bigger.set_string(0, ROWS + 1, "below", Style::default());
    let start = backend.writer.len();
    backend
        .draw(Buffer::empty(bigger.area).diff(&bigger).into_iter())
        .unwrap();
    let bytes = &backend.writer[start..];
    assert!(contains(bytes, b"below") && !contains(bytes, b"r\x1b["));
}

#[test]
fn upstream_moves_never_scroll() {
    let lines = texts(12);
    let (a, b) = (frame(&lines, 0, false), frame(&lines, 1, false));
    let mut backend = WireBackend::new(Vec::new(), Moves::Upstream).with_scrolling(true);
    backend.shown(a.clone());
    backend.draw(a.diff(&b).into_iter()).unwrap();
    assert!(!contains(&backend.writer, b"\x1b[S"));
}

#[test]
fn shifting_fills_with_default_blanks() {
    let lines = texts(12);
    let mut screen = frame(&lines, 0, false);
    let scroll = Scroll {
        top: 1,
        bottom: 6,
        lines: 2,
        up: true,
        cols: None,
    };
    shift(&mut screen, scroll);
    assert_eq!(screen[(0, 1)].symbol(), "l");
    assert!(
        screen.content[5 * 24..7 * 24]
            .iter()
            .all(|c| *c == Cell::EMPTY)
    );
    assert_eq!(screen[(0, 7)].symbol(), "s");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Whatever sequence of scroll positions, with or without a pane, the
    /// terminal ends up showing each frame exactly.
    #[test]
    fn every_frame_shows_exactly(
        tops in proptest::collection::vec(0usize..10, 1..6),
        pane in any::<bool>(),
        count in 3usize..16,
    ) {
        let lines = texts(count);
        let mut prev = frame(&lines, 0, pane);
        let mut backend = drawn(&prev);
        for top in tops {
            let next = frame(&lines, top, pane);
            step(&mut backend, &prev, &next);
            prop_assert_eq!(mismatches(&backend.writer, &next), vec![]);
            prev = next;
        }
    }
}

#[test]
fn without_scrolling_rows_are_repainted() {
    let lines = texts(12);
    let (a, b) = (frame(&lines, 0, false), frame(&lines, 1, false));
    let mut backend = WireBackend::new(Vec::new(), Moves::Agreed).with_scrolling(false);
    backend.shown(a.clone());
    let start = backend.writer.len();
    backend.draw(a.diff(&b).into_iter()).unwrap();
    assert!(!contains(&backend.writer[start..], b"\x1b[r"));
}

mod random {
    use super::*;
    use crate::backend::tests::replay::text;

    /// A row's text and, maybe, a highlighted span (start, length).
    type Row = (String, Option<(u16, u16)>);

    fn row() -> impl Strategy<Value = Row> {
        (text(), proptest::option::of((0u16..COLS, 1u16..8)))
    }

    fn paint(rows: &[Row]) -> Buffer {
        let mut buffer = Buffer::empty(Rect::new(0, 0, COLS, ROWS));
        for (y, (text, hit)) in rows.iter().enumerate() {
            let y = y as u16;
            buffer.set_stringn(0, y, text, usize::from(COLS), Style::default());
            if let Some((x, len)) = *hit {
                let len = len.min(COLS - x);
                buffer.set_style(
                    Rect::new(x, y, len, 1),
                    Style::default().bg(Color::Indexed(4)),
                );
            }
        }
        buffer
    }

    /// A move of rows `top..=bottom` by `lines`, new rows coming in, and
    /// some rows rewritten.
    #[derive(Debug, Clone)]
    struct Change {
        top: usize,
        bottom: usize,
        lines: usize,
        up: bool,
        fresh: Vec<Row>,
        edits: Vec<(usize, Row)>,
    }

    fn change() -> impl Strategy<Value = Change> {
        (
            0..usize::from(ROWS),
            0..usize::from(ROWS),
            1usize..usize::from(ROWS),
            any::<bool>(),
            proptest::collection::vec(row(), usize::from(ROWS)),
            proptest::collection::vec((0..usize::from(ROWS), row()), 0..3),
        )
            .prop_map(|(a, b, lines, up, fresh, edits)| Change {
                top: a.min(b),
                bottom: a.max(b),
                lines,
                up,
                fresh,
                edits,
            })
    }

    fn apply(rows: &mut [Row], change: &Change) {
        let region = &mut rows[change.top..=change.bottom];
        let lines = change.lines.min(region.len());
        if change.up {
            region.rotate_left(lines);
            let len = region.len();
            region[len - lines..].clone_from_slice(&change.fresh[..lines]);
        } else {
            region.rotate_right(lines);
            region[..lines].clone_from_slice(&change.fresh[..lines]);
        }
        for (y, row) in &change.edits {
            rows[*y] = row.clone();
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// Random rows moved by random amounts, with new and rewritten
        /// rows, wide glyphs and highlights: the terminal shows each frame
        /// exactly, as long as repainting does. (Where a highlighted blank
        /// replaces the first half of a wide glyph, vt100 gives the second
        /// half the highlight too, while ratatui's diff believes it blank;
        /// that cell is wrong from then on in both, and a scroll may move
        /// it elsewhere.)
        #[test]
        fn moved_rows_show_exactly(
            first in proptest::collection::vec(row(), usize::from(ROWS)),
            changes in proptest::collection::vec(change(), 1..4),
        ) {
            let mut rows = first;
            let mut prev = paint(&rows);
            let mut scrolling = drawn(&prev);
            let mut repainting = drawn(&prev);
            repainting.scrolling = false;
            for change in &changes {
                apply(&mut rows, change);
                let next = paint(&rows);
                step(&mut scrolling, &prev, &next);
                step(&mut repainting, &prev, &next);
                if !mismatches(&repainting.writer, &next).is_empty() {
                    break;
                }
                prop_assert_eq!(mismatches(&scrolling.writer, &next), vec![]);
                prev = next;
            }
        }
    }
}

mod margins {
    use super::*;

    /// Columns 5.. of `frame(.., pane = true)`: the rows right of the pane.
    const BAND: (u16, u16) = (5, COLS);

    fn drawn_with_margins(first: &Buffer) -> WireBackend<Vec<u8>> {
        let mut backend = drawn(first).with_margins(true);
        backend.set_scroll_band(Some(BAND));
        backend
    }

    #[test]
    fn beside_a_pane_only_its_columns_scroll() {
        let lines = texts(12);
        let (a, b) = (frame(&lines, 0, true), frame(&lines, 1, true));
        let mut backend = drawn_with_margins(&a);
        let bytes = step(&mut backend, &a, &b);
        assert!(
            contains(
                &bytes,
                b"\x1b[m\x1b[?69h\x1b[6;24s\x1b[2;7r\x1b[S\x1b[r\x1b[?69l"
            ),
            "{:?}",
            String::from_utf8_lossy(&bytes)
        );
        // Only the row that came in, not the rows that moved.
        let text = String::from_utf8_lossy(&bytes);
        for word in ["alpha", "beta", "gamma", "中"] {
            assert!(!text.contains(word), "{word} in {text:?}");
        }
    }

    #[test]
    fn without_margins_the_same_frames_scroll_nothing() {
        let lines = texts(12);
        let (a, b) = (frame(&lines, 0, true), frame(&lines, 1, true));
        let mut backend = drawn(&a);
        backend.set_scroll_band(Some(BAND));
        let bytes = step(&mut backend, &a, &b);
        assert!(!contains(&bytes, b"?69h") && !contains(&bytes, b"r\x1b["));
        assert_eq!(mismatches(&backend.writer, &b), vec![]);
    }

    #[test]
    fn a_band_shift_moves_only_its_columns() {
        let lines = texts(12);
        let (a, b) = (frame(&lines, 0, true), frame(&lines, 1, true));
        let scroll = choose_in(&a, &b, BAND).expect("a scroll in the band");
        assert_eq!(scroll.cols, Some(BAND));
        let mut shifted = a.clone();
        shift(&mut shifted, scroll);
        for y in 0..ROWS {
            assert_eq!(shifted[(0, y)], a[(0, y)], "the pane stays, row {y}");
        }
        // What the diff then sends is one row of the band and the pane's
        // changes, never the moved rows.
        let sent = shifted.diff(&b);
        assert!(sent.len() < usize::from(COLS) * 3, "{}", sent.len());
    }

    #[test]
    fn a_wide_glyph_across_the_band_edge_means_no_band() {
        let mut a = Buffer::empty(Rect::new(0, 0, COLS, ROWS));
        a.set_string(4, 2, "中", Style::default());
        assert!(straddles(&a, BAND));
        assert!(choose_in(&a, &a.clone(), BAND).is_none());
        assert!(
            choose_in(&a, &a.clone(), (0, COLS)).is_none(),
            "full width is choose's"
        );
    }
}
