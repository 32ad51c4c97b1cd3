//! The calendar drawn with ratatui widgets into a buffer: a bordered box
//! titled with the paper and month, a row of weekday names, six week rows
//! (always six, so the box keeps its size from month to month), the
//! month's counts and a legend.
//!
//! Each day is five cells: `[`, the day number, a mark, `]`; the brackets
//! show the cursor, the mark an unread issue (`▪`) or a read one (`∘`), so
//! no state is told by colour alone. Every glyph is narrow in every
//! terminal (none is East Asian Ambiguous), so the columns stay aligned
//! whatever the ambiguous-width setting; the weekday names are two cells.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::{Calendar, Day};
use crate::archive::tree::thousands;
use crate::i18n::t;

/// Cells per day column.
const COLUMN: u16 = 5;
/// The box's size: borders, seven columns; borders, weekday names, six
/// weeks, the counts and the legend.
pub const WIDTH: u16 = 2 + 7 * COLUMN;
pub const HEIGHT: u16 = 2 + 1 + 6 + 2;

const WEEKDAYS: [&str; 7] = ["日", "一", "二", "三", "四", "五", "六"];
const UNREAD: &str = "▪";
const READ: &str = "∘";

/// The styles the theme gives each part (the theme lives above this
/// layer, so it is passed in).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CalendarStyles {
    pub border: Style,
    pub title: Style,
    pub weekday: Style,
    /// A day with an issue.
    pub issue: Style,
    /// A day without one.
    pub empty: Style,
    pub unread: Style,
    pub cursor: Style,
    pub legend: Style,
}

/// Where the calendar goes on a screen of `screen`: centred, at its own
/// size or as much of it as fits.
pub fn overlay_area(screen: Rect) -> Rect {
    let width = WIDTH.min(screen.width);
    let height = HEIGHT.min(screen.height);
    Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + (screen.height - height) / 2,
        width,
        height,
    }
}

/// Draw `calendar` for paper `paper` into `area` of `buf` (clipped to the
/// buffer), over whatever was there. Returns where the chosen day's number
/// starts, for the terminal cursor (screen readers follow it).
pub fn draw(
    calendar: &Calendar,
    paper: &str,
    area: Rect,
    buf: &mut Buffer,
    styles: &CalendarStyles,
) -> Option<Position> {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return None;
    }
    Clear.render(area, buf);
    let grid = calendar.grid();
    let title = format!(" {paper} · {}年{}月 ", grid.year, grid.month);
    let block = Block::bordered()
        .border_style(styles.border)
        .title(Span::styled(title, styles.title));
    let inner = block.inner(area);
    block.render(area, buf);

    let mut lines = Vec::with_capacity(usize::from(HEIGHT));
    lines.push(Line::from(
        WEEKDAYS
            .iter()
            .map(|name| Span::styled(format!(" {name}  "), styles.weekday))
            .collect::<Vec<_>>(),
    ));
    let mut chosen = None;
    for at in 0..6 {
        let week = grid.weeks.get(at);
        let column = week.and_then(|w| w.iter().position(|d| d.is_some_and(|d| d.cursor)));
        if let Some(column) = column {
            // After the weekday row; the number after the `[` of its column.
            let x = inner.x + COLUMN * u16::try_from(column).unwrap_or(0) + 1;
            let y = inner.y + 1 + u16::try_from(at).unwrap_or(0);
            chosen = Some(Position::new(x, y)).filter(|p| inner.contains(*p));
        }
        let spans = (0..7).flat_map(|column| {
            let day = week.and_then(|w| w[column]);
            day_spans(day, styles)
        });
        lines.push(Line::from(spans.collect::<Vec<_>>()));
    }
    let (issues, unread) = calendar.month_counts();
    let issues = match issues {
        1 => t!("tree.issue_one"),
        n => t!("tree.issues", n = thousands(n)),
    };
    let counts = format!(" {issues} · {}", t!("tree.unread", n = thousands(unread)));
    lines.push(Line::from(Span::styled(counts, styles.legend)));
    lines.push(Line::from(Span::styled(
        format!(" {}", t!("calendar.legend", unread = UNREAD, read = READ)),
        styles.legend,
    )));
    Paragraph::new(lines).render(inner, buf);
    chosen
}

/// A day's five cells (blank for a day of another month).
fn day_spans(day: Option<Day>, styles: &CalendarStyles) -> [Span<'static>; 4] {
    let Some(day) = day else {
        return [
            Span::raw(" "),
            Span::raw("  "),
            Span::raw(" "),
            Span::raw(" "),
        ];
    };
    let number = match day.mark {
        Some(_) => styles.issue,
        None => styles.empty,
    };
    let (open, close, number) = match day.cursor {
        true => ("[", "]", number.patch(styles.cursor)),
        false => (" ", " ", number),
    };
    let mark = match day.mark {
        Some(mark) if mark.unread => Span::styled(UNREAD, styles.unread),
        Some(_) => Span::styled(READ, number),
        None => Span::styled(" ", number),
    };
    [
        Span::styled(open, styles.cursor),
        Span::styled(format!("{:>2}", day.date.day), number),
        mark,
        Span::styled(close, styles.cursor),
    ]
}
