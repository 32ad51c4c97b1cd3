//! Mouse events through `App::on_mouse` and onto a drawn screen: what is
//! clicked is what was drawn there.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::screen_support;

use broadsheet::app::{App, Pane};
use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::buffer::{Buffer, CellWidth};
use screen_support::*;

fn mouse(app: &mut App, kind: MouseEventKind, column: u16, row: u16) {
    let modifiers = KeyModifiers::NONE;
    send_mouse(
        app,
        MouseEvent {
            kind,
            column,
            row,
            modifiers,
        },
    );
    send(app, Msg::Frame);
}

/// The text of columns `from..` of every row, wide glyphs once.
fn columns_from(buf: &Buffer, from: u16) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = from;
        while x < buf.area.width {
            let cell = &buf[(x, y)];
            out.push_str(cell.symbol());
            x += cell.cell_width().max(1);
        }
        out.push('\n');
    }
    out
}

/// The first characters of a headline, enough to know it and short enough
/// not to be wrapped.
fn start_of(headline: &str) -> String {
    headline.chars().take(6).collect()
}

#[test]
fn a_click_on_the_third_headline_shows_the_third_article() {
    // 120×40: Headlines in columns 27..61, items two rows each from row 1;
    // the article from column 62.
    let mut app = fixture_app(120, 40);
    let articles = fixture_issue().articles;
    let (first, third) = (
        start_of(&articles[0].headline),
        start_of(&articles[2].headline),
    );
    assert!(columns_from(&draw(&app), 62).contains(&first));
    // The third item's lower row: its deck line, still the same item.
    mouse(&mut app, MouseEventKind::Down(MouseButton::Left), 40, 6);
    mouse(&mut app, MouseEventKind::Up(MouseButton::Left), 40, 6);
    assert_eq!((app.focus(), app.article()), (Pane::Headlines, 2));
    let screen = draw(&app);
    screen_text(&screen);
    let article = columns_from(&screen, 62);
    assert!(article.contains(&third), "{article}");
    assert!(!article.contains(&first), "{article}");
}

#[test]
fn the_wheel_over_the_article_scrolls_what_is_drawn() {
    let mut app = fixture_app(120, 40);
    let before = columns_from(&draw(&app), 62);
    mouse(&mut app, MouseEventKind::ScrollDown, 90, 10);
    assert_eq!(app.focus(), Pane::Article);
    assert_eq!(app.view().map(|v| v.top), Some(3));
    let after = columns_from(&draw(&app), 62);
    // The line drawn at row 4 is now drawn three rows higher, at row 1.
    let row = |text: &str, n: usize| text.lines().nth(n).unwrap_or("").to_owned();
    assert_eq!(row(&after, 1), row(&before, 4));
}
