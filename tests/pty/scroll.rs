//! Scrolling with the terminal's scrolling region leaves exactly the screen
//! a full redraw gives. The reference is the same process redrawing
//! everything after a stop (`Ctrl-Z`, `SIGCONT`): same state, same size,
//! every cell sent afresh.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::pty_support;

use pty_support::{Session, contains, rfind};

const NARROW: &str = "--ambiguous-width=narrow";
/// Every frame's cells end by resetting the pen; then only the cursor is
/// put on the focus (`CSI row;col H`, at most [`CURSOR_MOVE`] bytes).
const FRAME_END: &[u8] = b"\x1b[59m\x1b[0m";
const CURSOR_MOVE: usize = b"\x1b[999;999H".len();
/// Scrolling on, whatever the default.
const SCROLL: (&str, &str) = ("BROADSHEET_WIRE", "scroll");
/// Resetting the scrolling region, which only a scroll sends.
const REGION_RESET: &[u8] = b"\x1b[r";
const KEYS: &[&[u8]] = &[b"j".as_slice(); 15];
const BACK: &[&[u8]] = &[b"k".as_slice(); 5];
/// Ctrl-D (half a page down), then one line up.
const TAIL: &[&[u8]] = &[b"\x04", b"k"];

/// Send `key` and read until the screen changed and the frame that changed
/// it is complete (every key here moves what is shown).
fn press(s: &mut Session, key: &[u8]) {
    let before = s.screen();
    s.send(key);
    let what = format!("a frame after {:?}", String::from_utf8_lossy(key));
    s.wait_for(&what, |screen| screen != before);
    let end = s.bytes.len().saturating_sub(FRAME_END.len() + CURSOR_MOVE);
    s.wait_for_bytes(end, FRAME_END);
}

/// One cell as a terminal shows it: text and every attribute.
fn cell(screen: &vt100::Screen, row: u16, col: u16) -> String {
    screen.cell(row, col).map_or_else(String::new, |c| {
        // A cell never written and a space written with the same pen look
        // alike.
        let text = match c.contents() {
            "" if !c.is_wide_continuation() => " ",
            text => text,
        };
        format!(
            "{text:?} fg {:?} bg {:?} b{} d{} i{} u{} r{}",
            c.fgcolor(),
            c.bgcolor(),
            c.bold(),
            c.dim(),
            c.italic(),
            c.underline(),
            c.inverse()
        )
    })
}

/// The places where two screens differ, described.
fn differences(got: &vt100::Screen, want: &vt100::Screen) -> Vec<String> {
    let (rows, cols) = want.size();
    let mut found = Vec::new();
    for row in 0..rows {
        for col in 0..cols {
            let (a, b) = (cell(got, row, col), cell(want, row, col));
            if a != b {
                found.push(format!("({row},{col}): scrolled {a} / redrawn {b}"));
            }
        }
    }
    found
}

/// Stop the reader, resume it, and return (the screen it showed when it
/// stopped, the screen of its full redraw after resuming).
fn stop_and_redraw(s: &mut Session, cols: u16, rows: u16) -> (vt100::Parser, vt100::Parser) {
    let before = s.bytes.len();
    s.send(b"\x1a");
    s.wait_for_bytes(before, b"\x1b[?1049l");
    let leave = rfind(&s.bytes, b"\x1b[?1049l").expect("left the alternate screen");
    let mut shown = vt100::Parser::new(rows, cols, 0);
    shown.process(&s.bytes[..leave]);
    s.wait_stopped();
    let resumed = s.bytes.len();
    s.signal("CONT");
    s.wait_for_bytes(resumed, b"\x1b[?1049h");
    let enter = rfind(&s.bytes, b"\x1b[?1049h").expect("re-entered");
    s.wait_for_bytes(enter, FRAME_END);
    let end = enter + rfind(&s.bytes[enter..], FRAME_END).expect("a frame") + FRAME_END.len();
    let mut redrawn = vt100::Parser::new(rows, cols, 0);
    redrawn.process(&s.bytes[..end]);
    (shown, redrawn)
}

/// Open the first article, scroll it about, and compare the screen with a
/// full redraw of the same state; the bytes the scrolling wrote.
fn scroll_and_compare(cols: u16, rows: u16, setup: &[&[u8]]) -> (Vec<u8>, vt100::Parser) {
    let program = env!("CARGO_BIN_EXE_broadsheet");
    let mut s = Session::start_with(program, &[NARROW], cols, rows, &[SCROLL]);
    s.wait_for_text("1/4");
    // Opening may change only styles (focus): wait for each frame.
    for keys in setup {
        let sent = s.bytes.len();
        s.send(keys);
        s.wait_for_bytes(sent, FRAME_END);
    }
    let from = s.bytes.len();
    for key in KEYS.iter().chain(BACK).chain(TAIL) {
        press(&mut s, key);
    }
    let scrolled = s.bytes[from..].to_vec();
    let (shown, redrawn) = stop_and_redraw(&mut s, cols, rows);
    let wrong = differences(shown.screen(), redrawn.screen());
    assert!(
        wrong.is_empty(),
        "{} cells differ at {cols}×{rows}:\n{}\nscrolled:\n{}\nredrawn:\n{}",
        wrong.len(),
        wrong[..wrong.len().min(20)].join("\n"),
        shown.screen().contents(),
        redrawn.screen().contents()
    );
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    (scrolled, redrawn)
}

#[test]
fn one_pane_scrolls_with_the_region_and_shows_what_a_redraw_shows() {
    let (bytes, _) = scroll_and_compare(60, 20, &[b"\r"]);
    assert!(
        contains(&bytes, REGION_RESET),
        "no scrolling region used at 60×20"
    );
}

/// Beside the article, the headline list: a row moves only when it is the
/// same across the whole width (the list's blank rows below its last
/// headline can go along), and the screen is still exactly the redraw.
#[test]
fn two_panes_show_what_a_redraw_shows() {
    scroll_and_compare(100, 30, &[b"l"]);
}

/// Search hits are highlighted; the highlighted rows move like any other.
#[test]
fn search_hits_scroll_and_show_what_a_redraw_shows() {
    let search = "/副中心\r".as_bytes();
    let (bytes, redrawn) = scroll_and_compare(60, 20, &[b"\r", search]);
    assert!(contains(&bytes, REGION_RESET));
    // The hits are on screen, marked, after the scrolling.
    let screen = redrawn.screen();
    let marked = (1..19)
        .flat_map(|row| (0..60).map(move |col| (row, col)))
        .filter_map(|(row, col)| screen.cell(row, col))
        .filter(|c| c.contents() == "副" && (c.inverse() || c.bgcolor() != vt100::Color::Default))
        .count();
    assert!(marked > 0, "no marked hit:\n{}", screen.contents());
}
