//! The terminal cursor follows the focus (issue 17): after every frame it
//! is on the selected headline, at the start of its text, or on the first
//! line of the article on screen, so that a screen reader or a braille
//! display follows the selection. Hidden unless `cursor = "visible"`.

use crate::pty_support;

use broadsheet::geometry::{self, Pane};
use pty_support::Session;

const NARROW: &str = "--ambiguous-width=narrow";
/// The first characters of the sample's headlines, in order.
const HEADLINES: [&str; 3] = ["蔡奇在城市", "副中心年底前", "冬奥会速度"];

/// Where the text `prefix` starts on screen, looking only in columns
/// `columns` (the Headlines pane): (column, row).
fn find(screen: &vt100::Screen, prefix: &str, columns: std::ops::Range<u16>) -> Option<(u16, u16)> {
    let (rows, _) = screen.size();
    let wanted: Vec<String> = prefix.chars().map(String::from).collect();
    for row in 0..rows {
        let cells: Vec<(u16, String)> = columns
            .clone()
            .filter_map(|col| {
                let cell = screen.cell(row, col)?;
                (!cell.is_wide_continuation()).then(|| (col, cell.contents().to_owned()))
            })
            .collect();
        let at = cells
            .windows(wanted.len())
            .find(|w| w.iter().zip(&wanted).all(|((_, c), want)| c == want));
        if let Some(window) = at {
            return Some((window[0].0, row));
        }
    }
    None
}

fn cursor(screen: &vt100::Screen) -> (u16, u16) {
    let (row, col) = screen.cursor_position();
    (col, row)
}

/// The Headlines pane's columns at `cols`×`rows` with Headlines focused.
fn headline_columns(cols: u16, rows: u16) -> std::ops::Range<u16> {
    let area = geometry::screen_rect((cols, rows));
    let pane = geometry::screen(area, Pane::Headlines, false)
        .and_then(|s| s.headlines)
        .unwrap();
    pane.x..pane.right()
}

/// The article body's first cell at `cols`×`rows` with the Article focused.
fn body_origin(cols: u16, rows: u16) -> (u16, u16) {
    let area = geometry::screen_rect((cols, rows));
    let pane = geometry::screen(area, Pane::Article, false)
        .and_then(|s| s.article)
        .unwrap();
    let body = geometry::body_rect(pane, 80);
    (body.x, body.y)
}

fn wait_on_headline(s: &mut Session, n: usize, (cols, rows): (u16, u16)) {
    let columns = headline_columns(cols, rows);
    let what = format!("the cursor on headline {} at {cols}x{rows}", n + 1);
    s.wait_for_model(&what, |screen| {
        find(screen, HEADLINES[n], columns.clone()).is_some_and(|at| cursor(screen) == at)
    });
}

fn follows_the_focus(start: (u16, u16), then: (u16, u16)) {
    let mut s = Session::start(&[NARROW], start.0, start.1);
    s.wait_for_text("1/4");
    wait_on_headline(&mut s, 0, start);
    s.send(b"j");
    wait_on_headline(&mut s, 1, start);
    s.send(b"J");
    wait_on_headline(&mut s, 2, start);
    s.send(b"\t");
    let body = body_origin(start.0, start.1);
    s.wait_for_model("the cursor on the article's first line", |screen| {
        cursor(screen) == body
    });
    s.resize(then.0, then.1);
    let body = body_origin(then.0, then.1);
    s.wait_for_model(
        "the cursor on the article's first line after a resize",
        |screen| screen.size() == (then.1, then.0) && cursor(screen) == body,
    );
    // Hidden by default: placed for screen readers, not shown.
    assert!(s.parser.screen().hide_cursor(), "the cursor is shown");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn the_cursor_follows_j_capital_j_tab_and_a_resize_from_60x20() {
    follows_the_focus((60, 20), (120, 40));
}

#[test]
fn the_cursor_follows_j_capital_j_tab_and_a_resize_from_120x40() {
    follows_the_focus((120, 40), (60, 20));
}

#[test]
fn cursor_visible_shows_it_on_the_focus() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "cursor = \"visible\"\n").unwrap();
    let config = config.to_str().unwrap();
    let mut s = Session::start(&[NARROW, "--config", config], 60, 20);
    s.wait_for_text("1/4");
    s.send(b"j");
    wait_on_headline(&mut s, 1, (60, 20));
    s.wait_for_model("the cursor shown", |screen| !screen.hide_cursor());
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
}
