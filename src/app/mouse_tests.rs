//! Hit-testing and mapping at the three layouts: 60×20 (one pane), 100×30
//! (two) and 120×40 (three). Pane edges used below, from `geometry`:
//! 100 wide is Headlines 0..40 | rule 40 | Article 41..100; 120 wide is
//! Issues 0..26 | rule 26 | Headlines 27..61 | rule 61 | Article 62..120.
//! The last row is the status bar; each pane's first row is its title.

use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::*;
use crate::app::Msg;
use crate::app::Overlay;
use crate::app::test_support::*;
use crate::config::Config;
use crate::library::{Library, LibraryOptions, SAMPLE_TEXT};
use crate::model::{Article, Block, Issue};
use crate::store::State;
use crate::typeset::AmbiguousWidth;

/// `sample` with `count` articles, each long enough to scroll: copies of
/// its first, renamed (struct update, so new model fields need no change
/// here).
fn issue(sample: &Issue, count: usize) -> Issue {
    let first = &sample.articles[0];
    let blocks: Vec<Block> = (0..60)
        .map(|p| Block {
            text: format!("Paragraph {p}."),
            ..first.blocks[0].clone()
        })
        .collect();
    let articles = (0..count)
        .map(|n| Article {
            id: format!("m-{n}"),
            headline: format!("Headline {n}"),
            deck: Some(format!("Deck {n}")),
            blocks: blocks.clone(),
            ..first.clone()
        })
        .collect();
    Issue {
        articles,
        ..sample.clone()
    }
}

fn app_over(library: Library, (width, height): (u16, u16), articles: usize) -> App {
    let mut app = App::new(
        library,
        &Config::default(),
        State::default(),
        AmbiguousWidth::Narrow,
    );
    send(&mut app, Msg::Resize(width, height));
    let sample = app
        .current_issue()
        .cloned()
        .expect("the first issue parsed");
    send_issue(&mut app, 0, issue(&sample, articles));
    send(&mut app, Msg::Frame);
    app
}

fn app(size: (u16, u16), articles: usize) -> App {
    app_over(Library::sample(), size, articles)
}

fn event(kind: MouseEventKind, column: u16, row: u16) -> MouseEvent {
    MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }
}

fn click(app: &mut App, column: u16, row: u16) {
    let left = MouseEventKind::Down(MouseButton::Left);
    send_mouse(app, event(left, column, row));
    send(app, Msg::Frame);
}

fn wheel(app: &mut App, down: bool, column: u16, row: u16) {
    let kind = match down {
        true => MouseEventKind::ScrollDown,
        false => MouseEventKind::ScrollUp,
    };
    send_mouse(app, event(kind, column, row));
    send(app, Msg::Frame);
}

fn article_top(app: &App) -> usize {
    app.view().map_or(usize::MAX, |v| v.top)
}

#[test]
fn the_wheel_over_the_article_scrolls_it_three_lines_and_focuses_it() {
    for (size, column) in [((60, 20), 30), ((100, 30), 70), ((120, 40), 90)] {
        let mut app = app(size, 5);
        if size.0 == 60 {
            // One pane: the article is under the pointer only when shown.
            send_action(&mut app, Action::Open);
            send(&mut app, Msg::Frame);
        }
        let down = event(MouseEventKind::ScrollDown, column, 10);
        let expected = MouseAction::Scroll(Pane::Article, WHEEL_LINES);
        assert_eq!(mouse_action(&app, down), Some(expected), "{size:?}");
        let before = article_top(&app);
        wheel(&mut app, true, column, 10);
        assert_eq!(app.focus(), Pane::Article, "{size:?}");
        assert_eq!(article_top(&app), before + 3, "{size:?}");
        wheel(&mut app, true, column, 10);
        wheel(&mut app, false, column, 10);
        assert_eq!(article_top(&app), before + 3, "{size:?}");
        assert_eq!(app.article(), 0, "scrolling never changes the article");
    }
}

#[test]
fn the_wheel_over_a_list_moves_its_selection_by_one_and_focuses_it() {
    for (size, column) in [((60, 20), 30), ((100, 30), 20), ((120, 40), 40)] {
        let mut app = app(size, 5);
        if size.0 != 60 {
            // Focus elsewhere first: the wheel acts on the pane under it.
            send_action(&mut app, Action::FocusRight);
        }
        let down = event(MouseEventKind::ScrollDown, column, 5);
        let expected = MouseAction::Scroll(Pane::Headlines, 1);
        assert_eq!(mouse_action(&app, down), Some(expected), "{size:?}");
        wheel(&mut app, true, column, 5);
        wheel(&mut app, true, column, 5);
        assert_eq!(
            (app.focus(), app.article()),
            (Pane::Headlines, 2),
            "{size:?}"
        );
        wheel(&mut app, false, column, 5);
        assert_eq!(app.article(), 1, "{size:?}");
    }
    // The Issues pane, shown at 120 wide: the wheel focuses it.
    let mut app = app((120, 40), 5);
    let up = event(MouseEventKind::ScrollUp, 10, 5);
    let expected = MouseAction::Scroll(Pane::Issues, -1);
    assert_eq!(mouse_action(&app, up), Some(expected));
    wheel(&mut app, false, 10, 5);
    assert_eq!((app.focus(), app.issue()), (Pane::Issues, 0));
    // At 60 wide the Issues pane is under the pointer only when it is the
    // one shown.
    let mut app = self::app((60, 20), 5);
    send_action(&mut app, Action::FocusLeft);
    let down = event(MouseEventKind::ScrollDown, 30, 5);
    let expected = MouseAction::Scroll(Pane::Issues, 1);
    assert_eq!(mouse_action(&app, down), Some(expected));
}

#[test]
fn a_click_on_the_nth_headline_selects_it_on_either_of_its_rows() {
    // Headlines' first item row is 1 (below the title); two rows per item.
    for (size, column) in [((60, 20), 30), ((100, 30), 20), ((120, 40), 40)] {
        let mut app = app(size, 5);
        for n in 0..5u16 {
            for row in [1 + 2 * n, 2 + 2 * n] {
                let hit = hit_test(&app, column, row);
                assert_eq!(hit, Some(Hit::Item(Pane::Headlines, usize::from(n))));
            }
        }
        click(&mut app, column, 1 + 2 * 2);
        assert_eq!(
            (app.focus(), app.article()),
            (Pane::Headlines, 2),
            "{size:?}"
        );
        // The article shown (where it is shown) is the one clicked.
        let shown = app.view().map(|v| v.article);
        assert!(size.0 == 60 || shown == Some(2), "{size:?}: {shown:?}");
        // Below the last item and on the title: the pane, no item.
        assert_eq!(hit_test(&app, column, 11), Some(Hit::Pane(Pane::Headlines)));
        assert_eq!(hit_test(&app, column, 0), Some(Hit::Pane(Pane::Headlines)));
    }
}

#[test]
fn a_click_in_a_scrolled_list_counts_from_the_first_item_shown() {
    // 120×40: 38 content rows, 19 items shown.
    let mut app = app((120, 40), 60);
    app.select(0, 40);
    send(&mut app, Msg::Frame);
    assert_eq!(app.headlines_top(), 22, "item 40 is the last of 19 shown");
    assert_eq!(hit_test(&app, 40, 1), Some(Hit::Item(Pane::Headlines, 22)));
    assert_eq!(hit_test(&app, 40, 38), Some(Hit::Item(Pane::Headlines, 40)));
    click(&mut app, 40, 5);
    assert_eq!(app.article(), 24);
    assert_eq!(app.headlines_top(), 22, "a click does not scroll the list");
    // One row per item on a short screen: 60×8 shows 6 items.
    let mut app = self::app((60, 8), 60);
    app.select(0, 30);
    send(&mut app, Msg::Frame);
    assert_eq!(app.headlines_top(), 25);
    assert_eq!(hit_test(&app, 5, 1), Some(Hit::Item(Pane::Headlines, 25)));
    assert_eq!(hit_test(&app, 5, 3), Some(Hit::Item(Pane::Headlines, 27)));
    assert_eq!(hit_test(&app, 5, 7), None, "the status bar");
}

#[test]
fn rules_and_the_status_bar_are_nothing() {
    for (size, columns) in [((100, 30), &[40][..]), ((120, 40), &[26, 61][..])] {
        let mut app = app(size, 5);
        for &x in columns {
            for y in [0, 3, size.1 - 2] {
                assert_eq!(hit_test(&app, x, y), None, "{size:?} rule at {x},{y}");
            }
        }
        for x in [0, 30, size.0 - 1] {
            assert_eq!(
                hit_test(&app, x, size.1 - 1),
                None,
                "{size:?} status at {x}"
            );
        }
        let before = (app.focus(), app.issue(), app.article());
        click(&mut app, columns[0], 3);
        click(&mut app, 5, size.1 - 1);
        assert_eq!(
            (app.focus(), app.issue(), app.article()),
            before,
            "{size:?}"
        );
        assert_eq!(hit_test(&app, size.0, 0), None, "off screen");
    }
    let app = app((60, 20), 5);
    assert_eq!(hit_test(&app, 30, 19), None);
    let tiny = self::app((10, 3), 5);
    assert_eq!(hit_test(&tiny, 1, 1), None, "too small to draw");
}

#[test]
fn a_click_focuses_the_pane_and_a_second_opens_the_selection() {
    let mut app = app((120, 40), 5);
    click(&mut app, 90, 10);
    assert_eq!(app.focus(), Pane::Article);
    // Into the unfocused list: focus and select, nothing opened.
    click(&mut app, 40, 3);
    assert_eq!((app.focus(), app.article()), (Pane::Headlines, 1));
    // The selected headline again, in its focused pane: open it.
    click(&mut app, 40, 4);
    assert_eq!((app.focus(), app.article()), (Pane::Article, 1));
    // The title row focuses without selecting.
    click(&mut app, 40, 0);
    assert_eq!((app.focus(), app.article()), (Pane::Headlines, 1));
}

#[test]
fn a_click_on_an_issue_selects_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for n in 1..=3 {
        let path = dir.path().join(format!("issue-{n}.md"));
        std::fs::write(&path, SAMPLE_TEXT).unwrap();
        paths.push(path);
    }
    let library = Library::open(&paths, &LibraryOptions::default());
    assert_eq!(library.entries.len(), 3);
    let mut app = app_over(library, (120, 40), 5);
    // One row per issue (one paper: no header), under the title row.
    assert_eq!(hit_test(&app, 10, 3), Some(Hit::Item(Pane::Issues, 2)));
    assert_eq!(hit_test(&app, 10, 4), Some(Hit::Pane(Pane::Issues)));
    click(&mut app, 10, 3);
    assert_eq!(
        (app.focus(), app.issue(), app.article()),
        (Pane::Issues, 2, 0)
    );
}

#[test]
fn moves_drags_releases_and_other_buttons_mean_nothing() {
    let app = app((120, 40), 5);
    for kind in [
        MouseEventKind::Moved,
        MouseEventKind::Drag(MouseButton::Left),
        MouseEventKind::Up(MouseButton::Left),
        MouseEventKind::Down(MouseButton::Right),
        MouseEventKind::Down(MouseButton::Middle),
        MouseEventKind::ScrollLeft,
        MouseEventKind::ScrollRight,
    ] {
        assert_eq!(mouse_action(&app, event(kind, 40, 3)), None, "{kind:?}");
    }
}

#[test]
fn over_an_overlay_a_click_beside_it_closes_it_and_on_it_does_nothing() {
    for size in [(60, 20), (100, 30), (120, 40)] {
        let mut app = app(size, 5);
        send_action(&mut app, Action::Help);
        let (width, height) = size;
        let left = MouseEventKind::Down(MouseButton::Left);
        let centre = event(left, width / 2, height / 2);
        assert_eq!(mouse_action(&app, centre), None, "{size:?}");
        click(&mut app, width / 2, height / 2);
        assert_eq!(app.overlay(), Some(Overlay::Help), "{size:?}");
        let down = event(MouseEventKind::ScrollDown, 0, 0);
        let scroll = Some(MouseAction::ScrollOverlay(1));
        assert_eq!(mouse_action(&app, down), scroll, "{size:?}");
        let before = (app.focus(), app.article());
        click(&mut app, 0, height - 1);
        assert_eq!(app.overlay(), None, "{size:?}");
        assert_eq!(
            (app.focus(), app.article()),
            before,
            "the click went no further"
        );
    }
}

/// The drawn screen, as `ui::render` draws it.
fn drawn(app: &App) -> ratatui::buffer::Buffer {
    let backend = ratatui::backend::TestBackend::new(app.size().0, app.size().1);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    let frame = terminal
        .draw(|f| crate::ui::render(app, &theme(), f))
        .unwrap();
    frame.buffer.clone()
}

/// Star articles 0, 1 and 2 and open the starred list.
fn starred_open(app: &mut App) {
    for n in 0..3 {
        app.select(0, n);
        send_action(app, Action::ToggleStar);
    }
    send_action(app, Action::Starred);
    send(app, Msg::Frame);
    assert_eq!(app.starred().len(), 3);
}

#[test]
fn overlay_frames_are_where_they_are_drawn() {
    let long = "a message long enough to wrap onto a second and a third row of the log, ".repeat(3);
    for size in [(60, 20), (100, 30), (120, 40), (24, 6)] {
        let mut cases: Vec<(&str, App)> = Vec::new();
        let mut help = app(size, 5);
        send_action(&mut help, Action::Help);
        cases.push(("help", help));
        let mut log = app(size, 5);
        send(&mut log, Msg::Log(vec!["short".to_owned(), long.clone()]));
        send_action(&mut log, Action::Log);
        cases.push(("log", log));
        let mut empty_log = app(size, 5);
        assert!(empty_log.messages().is_empty());
        send_action(&mut empty_log, Action::Log);
        cases.push(("empty log", empty_log));
        let mut starred = app(size, 5);
        starred_open(&mut starred);
        cases.push(("starred", starred));
        let mut no_links = app(size, 5);
        send_action(&mut no_links, Action::Links);
        cases.push(("no links", no_links));
        let mut links = app(size, 5);
        send_action(&mut links, Action::Links);
        links.overlay.link_notes = (0..4)
            .map(|i| crate::app::LinkNote {
                text: format!("link {i}"),
                url: format!("https://e.example/{}", "segment/".repeat(i * 12)),
            })
            .collect();
        cases.push(("links", links));
        for (what, app) in &cases {
            let frame = overlay_frame(app).expect("an overlay");
            let buf = drawn(app);
            let [tl, _, tr, _, bl, br] = theme().glyphs.frame;
            let (right, bottom) = (frame.right() - 1, frame.bottom() - 1);
            for (x, y, glyph) in [
                (frame.x, frame.y, tl),
                (right, frame.y, tr),
                (frame.x, bottom, bl),
                (right, bottom, br),
            ] {
                let shown = buf[(x, y)].symbol();
                assert_eq!(
                    shown, glyph,
                    "{what} at {size:?}: corner {x},{y} of {frame:?}"
                );
            }
        }
    }
}

#[test]
fn a_tap_on_a_starred_item_selects_it_and_a_second_opens_it() {
    let mut app = app((60, 20), 5);
    starred_open(&mut app);
    let frame = overlay_frame(&app).unwrap();
    // Items from the row below the top border, text from two cells in.
    let (x, first) = (frame.x + 3, frame.y + 1);
    assert_eq!(
        hit_overlay(&app, x, first + 1),
        Some(MouseAction::PickStarred(1))
    );
    assert_eq!(hit_overlay(&app, x, first + 3), None, "below the last item");
    assert_eq!(hit_overlay(&app, frame.x, first), None, "the border");
    click(&mut app, x, first + 1);
    assert_eq!(
        (app.overlay(), app.overlay_line()),
        (Some(Overlay::Starred), 1)
    );
    click(&mut app, x, first + 1);
    assert_eq!(app.overlay(), None);
    assert_eq!(app.focus(), Pane::Article);
    let opened = app.current_article().map(|a| a.id.clone());
    assert_eq!(opened, Some(app.starred()[1].id.clone()));
}

#[test]
fn a_tap_above_a_short_overlay_closes_it() {
    let mut app = app((60, 20), 5);
    send(&mut app, Msg::Log(vec!["one message".to_owned()]));
    send_action(&mut app, Action::Log);
    let frame = overlay_frame(&app).unwrap();
    assert_eq!(frame.height, 3);
    assert_eq!(hit_overlay(&app, 30, frame.y + 1), None, "on it");
    click(&mut app, 30, frame.y - 1);
    assert_eq!(app.overlay(), None);
}

fn hit_overlay(app: &App, column: u16, row: u16) -> Option<MouseAction> {
    let left = MouseEventKind::Down(MouseButton::Left);
    mouse_action(app, event(left, column, row))
}
