//! Screen geometry: which panes show at which size, and where overlays go.
//! Pure functions of a size, shared by `app` (body width, page sizes, list
//! scrolling, mouse hit-testing) and `ui` (drawing), so what is clicked is
//! what was drawn. Every subtraction saturates.

use ratatui::layout::{Margin, Rect};

/// The three panes, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Issues,
    Headlines,
    Article,
}

/// Below this the screen only says it is too small.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;
/// Widths at which two and three panes fit.
pub const TWO_PANES: u16 = 80;
pub const THREE_PANES: u16 = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    One,
    Two,
    Three,
}

pub fn mode(width: u16) -> Mode {
    match width {
        w if w >= THREE_PANES => Mode::Three,
        w if w >= TWO_PANES => Mode::Two,
        _ => Mode::One,
    }
}

/// Where everything goes; a pane that is not shown is `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screen {
    pub issues: Option<Rect>,
    pub headlines: Option<Rect>,
    pub article: Option<Rect>,
    /// One-column rules between panes.
    pub separators: Vec<Rect>,
    pub status: Rect,
}

pub fn screen_rect((width, height): (u16, u16)) -> Rect {
    Rect::new(0, 0, width, height)
}

/// The panes for `area`, or `None` when the terminal is too small to use.
pub fn screen(area: Rect, focus: Pane, issues_shown: bool) -> Option<Screen> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let main = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    let status = Rect {
        y: main.bottom(),
        height: 1,
        ..area
    };
    let mut screen = Screen {
        issues: None,
        headlines: None,
        article: None,
        separators: Vec::new(),
        status,
    };
    match mode(area.width) {
        Mode::Three => {
            // Issues wide enough for `2022-02-13 · 12 articles`; the
            // article gets the rest.
            let issues = (area.width / 5).clamp(26, 30);
            let headlines = (area.width.saturating_mul(3) / 10)
                .saturating_sub(2)
                .clamp(32, 44);
            let [a, b, c] = columns(main, [issues, headlines]);
            (screen.issues, screen.headlines, screen.article) = (Some(a), Some(b), Some(c));
            screen.separators = separators(&[a, b]);
        }
        Mode::Two => {
            let left = two_pane_left(area.width);
            let [a, b] = split(main, left);
            if issues_shown {
                (screen.issues, screen.headlines) = (Some(a), Some(b));
            } else {
                (screen.headlines, screen.article) = (Some(a), Some(b));
            }
            screen.separators = separators(&[a]);
        }
        Mode::One => match focus {
            Pane::Issues => screen.issues = Some(main),
            Pane::Headlines => screen.headlines = Some(main),
            Pane::Article => screen.article = Some(main),
        },
    }
    Some(screen)
}

fn two_pane_left(width: u16) -> u16 {
    (width.saturating_mul(2) / 5).clamp(30, 40)
}

/// Split off a left column of `left` cells, a one-cell rule, and the rest.
fn split(area: Rect, left: u16) -> [Rect; 2] {
    let left = left.min(area.width);
    let a = Rect {
        width: left,
        ..area
    };
    let x = area.x.saturating_add(left).saturating_add(1);
    let b = Rect {
        x,
        width: area.right().saturating_sub(x),
        ..area
    };
    [a, b]
}

fn columns(area: Rect, [first, second]: [u16; 2]) -> [Rect; 3] {
    let [a, rest] = split(area, first);
    let [b, c] = split(rest, second);
    [a, b, c]
}

/// The rule just right of each pane.
fn separators(panes: &[Rect]) -> Vec<Rect> {
    panes
        .iter()
        .map(|p| Rect {
            x: p.right(),
            width: 1,
            ..*p
        })
        .collect()
}

/// Where the Article pane is when it is shown: the body width does not
/// depend on focus, so moving between panes never re-lays the article out.
pub fn article_rect(area: Rect) -> Rect {
    match screen(area, Pane::Article, false) {
        Some(screen) => screen.article.unwrap_or_default(),
        None => Rect::default(),
    }
}

/// A pane without its title row.
pub fn content_rect(pane: Rect) -> Rect {
    let title = pane.height.min(1);
    Rect {
        y: pane.y.saturating_add(title),
        height: pane.height - title,
        ..pane
    }
}

/// The article's text column: below the title row, at most `body_width`
/// cells, with a cell of margin each side, centred in the pane.
pub fn body_rect(pane: Rect, body_width: u16) -> Rect {
    let content = content_rect(pane);
    let room = content.width.saturating_sub(2);
    let width = body_width.min(room);
    let x = content.x + content.width.saturating_sub(width) / 2;
    Rect {
        x,
        width,
        ..content
    }
}

/// How wide an overlay's frame is on a screen `screen_width` cells wide: 4
/// cells narrower, 76 at most.
pub fn overlay_width(screen_width: u16) -> u16 {
    screen_width.saturating_sub(4).min(76)
}

/// The text width inside that frame: 4 cells narrower again (the border and
/// a cell of margin each side), at least 1.
pub fn overlay_text_width(screen_width: u16) -> usize {
    usize::from(overlay_width(screen_width).saturating_sub(4)).max(1)
}

/// How wide the message log wraps its messages on a screen `screen_width`
/// cells wide.
pub fn log_text_width(screen_width: u16) -> usize {
    usize::from(screen_width.saturating_sub(8).min(72)).max(1)
}

/// Where an overlay of `rows` rows is drawn on a screen of `area`: as wide
/// as [`overlay_width`] says, as tall as its rows and its border, centred;
/// `None` when that leaves too little room to draw it.
pub fn overlay_area(area: Rect, rows: usize) -> Option<Rect> {
    let width = overlay_width(area.width);
    let wanted = u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(2);
    let height = area.height.saturating_sub(2).min(wanted);
    let frame = Rect {
        x: area.x + area.width.saturating_sub(width) / 2,
        y: area.y + area.height.saturating_sub(height) / 2,
        width,
        height,
    };
    (frame.width >= 4 && frame.height >= 3).then_some(frame)
}

/// The rows of an overlay drawn in `frame` (from [`overlay_area`]): inside
/// the border, with a cell of margin each side.
pub fn overlay_inner(frame: Rect) -> Rect {
    frame.inner(Margin::new(2, 1))
}

/// Rows an overlay shows at once on a screen `height` rows tall: a row of
/// margin and a border above and below.
pub fn overlay_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(4))
}

/// Rows per list item: two (headline and a dim second line) when there is room.
pub fn item_height(pane: Rect) -> u16 {
    if content_rect(pane).height >= 8 { 2 } else { 1 }
}

/// Items a list pane shows at once.
pub fn list_capacity(pane: Rect) -> usize {
    usize::from(content_rect(pane).height / item_height(pane))
}

/// The first item to show so that `selected` is visible, moving `top` as
/// little as possible.
pub fn window(selected: usize, top: usize, capacity: usize) -> usize {
    if capacity == 0 || selected < top {
        selected
    } else if selected >= top.saturating_add(capacity) {
        selected + 1 - capacity
    } else {
        top
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_follow_the_width() {
        let at = |w| screen(Rect::new(0, 0, w, 30), Pane::Headlines, false).unwrap();
        let wide = at(120);
        assert!(wide.issues.is_some() && wide.headlines.is_some() && wide.article.is_some());
        let mid = at(80);
        assert!(mid.issues.is_none() && mid.headlines.is_some() && mid.article.is_some());
        let narrow = at(79);
        assert_eq!(narrow.headlines, Some(Rect::new(0, 0, 79, 29)));
        assert!(narrow.article.is_none());
    }

    #[test]
    fn panes_and_rules_tile_the_width() {
        for width in MIN_WIDTH..=300 {
            let area = Rect::new(0, 0, width, 10);
            let s = screen(area, Pane::Article, false).unwrap();
            let total: u16 = [s.issues, s.headlines, s.article]
                .iter()
                .flatten()
                .chain(&s.separators)
                .map(|r| r.width)
                .sum();
            assert_eq!(total, width, "at {width}");
        }
    }

    #[test]
    fn tiny_sizes_say_too_small_and_never_underflow() {
        for w in 0..MIN_WIDTH + 2 {
            for h in 0..MIN_HEIGHT + 2 {
                let area = Rect::new(0, 0, w, h);
                let s = screen(area, Pane::Issues, true);
                assert_eq!(s.is_some(), w >= MIN_WIDTH && h >= MIN_HEIGHT);
                let body = body_rect(article_rect(area), 80);
                assert!(body.right() <= w && body.bottom() <= h);
            }
        }
    }

    #[test]
    fn window_moves_only_as_needed() {
        assert_eq!(window(0, 0, 5), 0);
        assert_eq!(window(5, 0, 5), 1);
        assert_eq!(window(3, 1, 5), 1);
        assert_eq!(window(0, 3, 5), 0);
        assert_eq!(window(4, 0, 0), 4);
    }
}
