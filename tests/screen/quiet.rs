//! Less for a screen reader to read aloud (issue 17): `borders = "none"`
//! draws no box-drawing character, `markers = "text"` shows words instead
//! of glyphs, and `1`–`9` select the n-th headline on screen.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::screen_support;

use broadsheet::app::{Action, Pane};
use broadsheet::config::{Borders, Markers};
use broadsheet::typeset::AmbiguousWidth;
use broadsheet::ui::theme::Theme;
use screen_support::*;

fn looking(borders: Borders, markers: Markers) {
    let theme = Theme::new(false, AmbiguousWidth::Narrow).with_look(
        AmbiguousWidth::Narrow,
        borders,
        markers,
    );
    set_theme(theme);
}

/// Box drawing (U+2500–U+257F) and the glyph markers.
fn is_box_drawing(c: char) -> bool {
    ('\u{2500}'..='\u{257F}').contains(&c)
}

#[test]
fn borders_none_leaves_no_box_drawing_on_screen() {
    for (width, height) in [(60, 20), (100, 30), (130, 40)] {
        let mut app = sample_app(width, height);
        // The frame of an overlay too.
        let screens = {
            looking(Borders::Line, Markers::Glyph);
            let lines = show(&app);
            looking(Borders::None, Markers::Glyph);
            let plain = show(&app);
            step(&mut app, Action::Help);
            [lines, plain, show(&app)]
        };
        let [lines, plain, help] = screens;
        if width >= 80 {
            assert!(lines.chars().any(is_box_drawing), "{lines}");
        }
        for screen in [&plain, &help] {
            assert!(!screen.chars().any(is_box_drawing), "{screen}");
        }
        looking(Borders::Ascii, Markers::Glyph);
        let ascii = show(&app);
        assert!(!ascii.chars().any(is_box_drawing), "{ascii}");
        assert!(ascii.contains('+') && ascii.contains('|'), "{ascii}");
    }
}

#[test]
fn text_markers_say_new_read_and_star() {
    // Headlines alone, so each headline is on one row of the screen.
    let mut app = sample_app(60, 20);
    step(&mut app, Action::ToggleStar);
    step(&mut app, Action::Down);
    step(&mut app, Action::ToggleRead);
    looking(Borders::Line, Markers::Text);
    let screen = show(&app);
    let row = |text: &str| {
        let found = screen.lines().find(|l| l.contains(text));
        found
            .unwrap_or_else(|| panic!("no {text}:\n{screen}"))
            .to_owned()
    };
    let first = row("蔡奇");
    assert!(
        first.contains("[new]") && first.contains("[star]"),
        "{screen}"
    );
    assert!(row("副中心年底前").contains("[read]"), "{screen}");
    assert!(row("冬奥会").contains("[new]"), "{screen}");
    for glyph in ['●', '★'] {
        assert!(!screen.contains(glyph), "{screen}");
    }
    // The headlines line up whatever their marks.
    let column = |text: &str| row(text).find(text).unwrap();
    assert_eq!(column("蔡奇"), column("冬奥会"));
    assert_eq!(column("副中心年底前"), column("冬奥会"));
}

#[test]
fn number_keys_select_the_nth_headline_shown() {
    let mut app = sample_app(100, 30);
    press(&mut app, "3");
    assert_eq!((app.article(), app.focus()), (2, Pane::Headlines));
    press(&mut app, "1");
    assert_eq!(app.article(), 0);
    // From the article, in one pane, as the list would show when focused.
    let mut app = sample_app(60, 20);
    press_all(&mut app, &["enter", "2"]);
    assert_eq!((app.article(), app.focus()), (1, Pane::Headlines));
    // No ninth headline: nothing moves, and the status bar says why.
    press(&mut app, "9");
    assert_eq!(app.article(), 1);
    assert!(
        show(&app).contains("no headline 9 on screen"),
        "{}",
        show(&app)
    );
}

/// Where the frame leaves the terminal cursor.
fn cursor_after_draw(app: &broadsheet::app::App) -> (u16, u16) {
    use ratatui::backend::Backend;
    let (width, height) = app.size();
    let backend = ratatui::backend::TestBackend::new(width, height);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal
        .draw(|frame| broadsheet::ui::render(app, &theme(), frame))
        .unwrap();
    let at = terminal.backend_mut().get_cursor_position().unwrap();
    (at.x, at.y)
}

#[test]
fn the_cursor_is_on_the_selected_issue_and_on_an_overlays_row() {
    let mut app = sample_app(120, 40);
    press(&mut app, "h");
    assert_eq!(app.focus(), Pane::Issues);
    let screen = show(&app);
    let row = screen
        .lines()
        .position(|l| l.contains("2022-02-13"))
        .unwrap();
    // One cell of margin, on the issue's row.
    assert_eq!(cursor_after_draw(&app), (1, u16::try_from(row).unwrap()));
    // Help open: on its first row, inside the frame.
    press(&mut app, "?");
    let screen = show(&app);
    let first = screen
        .lines()
        .position(|l| l.contains("down one line"))
        .unwrap();
    let (x, y) = cursor_after_draw(&app);
    assert_eq!(usize::from(y), first, "{screen}");
    let line: Vec<char> = screen.lines().nth(first).unwrap().chars().collect();
    assert_eq!(line[usize::from(x)], 'j', "{screen}");
    // Text markers move the headline's text, and the cursor with it.
    press_all(&mut app, &["esc", "l"]);
    looking(Borders::Line, Markers::Text);
    let screen = show(&app);
    let line = screen.lines().find(|l| l.contains("蔡奇")).unwrap();
    let (x, _) = cursor_after_draw(&app);
    let before: String = line.chars().take_while(|c| *c != '蔡').collect();
    let cells = broadsheet::typeset::str_width(&before, AmbiguousWidth::Narrow);
    assert_eq!(usize::from(x), cells, "{screen}");
}

#[test]
fn in_the_calendar_the_cursor_is_on_the_chosen_day() {
    use ratatui::backend::Backend;
    let mut app = sample_app(120, 40);
    press(&mut app, "c");
    let (width, height) = app.size();
    let backend = ratatui::backend::TestBackend::new(width, height);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal
        .draw(|frame| broadsheet::ui::render(&app, &theme(), frame))
        .unwrap();
    let at = terminal.backend_mut().get_cursor_position().unwrap();
    let buffer = terminal.backend().buffer();
    let number: String = (0..2)
        .map(|dx| buffer[(at.x + dx, at.y)].symbol())
        .collect();
    // The sample is the issue of 2022-02-13: the chosen day, between [ ].
    assert_eq!(number, "13");
    assert_eq!(buffer[(at.x - 1, at.y)].symbol(), "[");
}
