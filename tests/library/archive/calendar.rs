//! The calendar drawn into a whole screen at 60×20 and 120×40, checked
//! cell by cell (no broken wide glyph), and at sizes down to 1×1.

use broadsheet::archive::calendar::{
    Calendar, CalendarStyles, HEIGHT, Move, WIDTH, draw, overlay_area,
};
use broadsheet::model::Date;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::screen_support::screen_text;

fn d(year: u16, month: u8, day: u8) -> Date {
    Date::new(year, month, day).unwrap()
}

/// Issues on the odd days of October 2016, the 5th and 7th unread.
fn october() -> Calendar {
    let issues = (1..=31)
        .step_by(2)
        .map(|day| (d(2016, 10, day), usize::from(day), matches!(day, 5 | 7)));
    Calendar::new(issues, d(2016, 10, 3))
}

/// The screen with the calendar drawn over a screen full of `x`.
fn screen(calendar: &Calendar, width: u16, height: u16) -> String {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::filled(area, ratatui::buffer::Cell::new("x"));
    draw(
        calendar,
        "光明日报",
        overlay_area(area),
        &mut buf,
        &CalendarStyles::default(),
    );
    screen_text(&buf)
}

/// The box at 60×20 (and at any size it fits in), row by row.
const OCTOBER: [&str; 11] = [
    "┌ 光明日报 · 2016年10月 ────────────┐",
    "│ 日   一   二   三   四   五   六  │",
    "│                                1∘ │",
    "│  2  [ 3∘]  4    5▪   6    7▪   8  │",
    "│  9∘  10   11∘  12   13∘  14   15∘ │",
    "│ 16   17∘  18   19∘  20   21∘  22  │",
    "│ 23∘  24   25∘  26   27∘  28   29∘ │",
    "│ 30   31∘                          │",
    "│ 16 issues · 2 unread              │",
    "│ ▪ unread  ∘ read  [ ] chosen      │",
    "└───────────────────────────────────┘",
];

/// A screen of `x` with `rows` drawn at (`left`, `top`).
fn expected(width: usize, height: usize, left: usize, top: usize, rows: &[&str]) -> String {
    let mut out = String::new();
    for y in 0..height {
        let line = match y.checked_sub(top).and_then(|at| rows.get(at)) {
            Some(row) => {
                let cells = unicode_width::UnicodeWidthStr::width(*row);
                format!(
                    "{}{row}{}",
                    "x".repeat(left),
                    "x".repeat(width - left - cells)
                )
            }
            None => "x".repeat(width),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[test]
fn at_60_by_20_and_120_by_40() {
    assert_eq!(
        usize::from(WIDTH),
        unicode_width::UnicodeWidthStr::width(OCTOBER[0])
    );
    assert_eq!(usize::from(HEIGHT), OCTOBER.len());
    assert_eq!(
        screen(&october(), 60, 20),
        expected(60, 20, 11, 4, &OCTOBER)
    );
    assert_eq!(
        screen(&october(), 120, 40),
        expected(120, 40, 41, 14, &OCTOBER)
    );
}

#[test]
fn the_next_month_has_no_issues() {
    let mut calendar = october();
    calendar.move_by(Move::Months(1));
    let shown = screen(&calendar, 60, 20);
    let rows: Vec<&str> = shown.lines().skip(4).take(11).map(|l| &l[11..]).collect();
    assert!(rows[0].starts_with("┌ 光明日报 · 2016年11月 "), "{shown}");
    assert!(rows[2].contains("[ 3 ]"), "{shown}");
    assert!(rows[8].contains(" 0 issues · 0 unread"), "{shown}");
    assert!(
        !rows[2..8]
            .iter()
            .any(|r| r.contains('∘') || r.contains('▪'))
    );
}

#[test]
fn every_small_size_draws_whole_cells() {
    for width in 1..=40 {
        for height in 1..=12 {
            // screen_text panics on a broken cell.
            let shown = screen(&october(), width, height);
            assert_eq!(shown.lines().count(), usize::from(height));
        }
    }
}
