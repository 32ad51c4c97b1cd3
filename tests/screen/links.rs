//! Links in the reader: link text underlined cell by cell (and only link
//! text), search hits lit over it, and the `L` overlay listing the
//! article's URLs numbered as `broadsheet dump` numbers them.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::screen_support;

use std::path::{Path, PathBuf};

use broadsheet::app::mouse::overlay_frame;
use broadsheet::app::{App, Overlay};
use broadsheet::config::Config;
use broadsheet::geometry;
use broadsheet::layout::{Line, TextRef};
use broadsheet::library::{Library, LibraryOptions};
use broadsheet::model::{Article, HeadField};
use broadsheet::store::State;
use broadsheet::typeset::{AmbiguousWidth, Options};
use broadsheet::ui::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::style::Modifier;
use screen_support::*;

const SIZES: [(u16, u16); 2] = [(60, 20), (120, 40)];

fn fixture_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/links-2024-03-20.md")
}

/// The reader over `path` (colour theme), its first article in focus.
fn reader(path: PathBuf, (width, height): (u16, u16)) -> App {
    let library = Library::open(&[path], &LibraryOptions::default());
    let config = Config::default();
    let mut app = App::new(library, &config, State::default(), AmbiguousWidth::Narrow);
    set_theme(Theme::new(false, AmbiguousWidth::Narrow));
    resize(&mut app, width, height);
    press(&mut app, "enter");
    app
}

/// A one-article issue in a temp dir holding `body`.
fn issue_with(body: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("links-2024-01-01.md");
    let text = format!("# Test Paper\n\n## A Headline\n\n{body}\n");
    std::fs::write(&path, text).expect("write");
    (dir, path)
}

/// The text of cells `x0..x1` of row `y` whose modifiers contain
/// `modifier` (`Modifier::empty()` for every cell), a wide glyph once.
fn row_cells(buf: &Buffer, y: u16, (x0, x1): (u16, u16), modifier: Modifier) -> String {
    let mut row = String::new();
    let mut x = x0;
    while x < x1 {
        let cell = &buf[(x, y)];
        if cell.modifier.contains(modifier) {
            row.push_str(cell.symbol());
        }
        x += cell.cell_width().max(1);
    }
    row
}

/// The source text of the links on `line`, in reading order: what the
/// underlined cells of its row must show.
fn link_text_on(article: &Article, line: &Line) -> String {
    let field = match line.text {
        TextRef::Kicker => Some(HeadField::Kicker),
        TextRef::Headline => Some(HeadField::Headline),
        TextRef::Deck => Some(HeadField::Deck),
        TextRef::Byline => Some(HeadField::Byline),
        _ => None,
    };
    let head = article.head_links.iter().filter(|l| Some(l.field) == field);
    let mut ranges: Vec<_> = head.map(|l| l.range.clone()).collect();
    if let TextRef::Block(i) = line.text {
        ranges.extend(article.blocks[i].links.iter().map(|l| l.range.clone()));
    }
    ranges.sort_by_key(|r| r.start);
    let text = line.text.resolve(article);
    let mut out = String::new();
    for r in ranges {
        let (start, end) = (r.start.max(line.range.start), r.end.min(line.range.end));
        if start < end {
            out.push_str(&text[start..end]);
        }
    }
    out
}

/// Every row of the screen: its underlined cells (within `columns`) are
/// exactly the link text of the article line drawn there. Returns how
/// many underlined cells were seen.
fn assert_links_underlined(app: &App, buf: &Buffer, columns: (u16, u16)) -> usize {
    let area = geometry::screen_rect(app.size());
    let screen = geometry::screen(area, app.focus(), app.issues_shown()).expect("room");
    let body = geometry::body_rect(screen.article.expect("an article pane"), app.body_width());
    let view = app.view().expect("a view");
    let article = app.current_article().expect("an article");
    let text = screen_text(buf);
    let mut seen = 0;
    for y in area.top()..area.bottom() {
        let shown = row_cells(buf, y, columns, Modifier::UNDERLINED);
        seen += shown.chars().count();
        let row = (body.top()..body.bottom()).contains(&y);
        let index = view.top + usize::from(y.saturating_sub(body.top()));
        let line = row.then(|| view.layout.lines.get(index)).flatten();
        let wanted = line.map_or(String::new(), |l| link_text_on(article, l));
        assert_eq!(shown, wanted.trim(), "row {y}\n{text}");
    }
    seen
}

/// Page through every article of the issue, checking each screen.
fn walk_issue(app: &mut App, columns: impl Fn(&App) -> (u16, u16)) -> usize {
    let mut seen = 0;
    for _ in 0..app.current_issue().map_or(0, |i| i.articles.len()) {
        for _ in 0..100 {
            seen += assert_links_underlined(app, &draw(app), columns(app));
            let top = app.view().map(|v| v.top);
            press(app, "space");
            if app.view().map(|v| v.top) == top {
                break;
            }
        }
        press(app, "J");
    }
    seen
}

#[test]
fn link_text_and_only_link_text_is_underlined() {
    for size in SIZES {
        let mut app = reader(fixture_path(), size);
        let seen = walk_issue(&mut app, |app| (0, app.size().0));
        assert!(seen > 60, "{size:?}: {seen} underlined cells");
    }
}

#[test]
fn links_are_underlined_in_the_monochrome_theme_too() {
    for size in SIZES {
        let mut app = reader(fixture_path(), size);
        set_theme(Theme::mono(AmbiguousWidth::Narrow));
        assert_eq!(theme().link.add_modifier, Modifier::UNDERLINED);
        // Mono underlines the unfocused list's selection too: look at the
        // Article pane only.
        let pane = |app: &App| {
            let area = geometry::screen_rect(app.size());
            let screen = geometry::screen(area, app.focus(), app.issues_shown());
            let pane = screen.and_then(|s| s.article).expect("an article pane");
            (pane.left(), pane.right())
        };
        let seen = walk_issue(&mut app, pane);
        assert!(seen > 60, "{size:?}: {seen} underlined cells");
    }
}

#[test]
fn a_search_hit_is_lit_over_a_link_which_stays_underlined() {
    let mut app = reader(fixture_path(), (120, 40));
    press(&mut app, "/");
    for c in "port authority".chars() {
        send_key(
            &mut app,
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
        );
    }
    press(&mut app, "enter");
    let buf = draw(&app);
    assert_links_underlined(&app, &buf, (0, 120));
    let both = Modifier::UNDERLINED | Modifier::REVERSED;
    let lit: String = (0..40)
        .map(|y| row_cells(&buf, y, (0, 120), both))
        .collect();
    assert!(lit.contains("port authority"), "{lit:?}\n{}", show(&app));
}

/// The overlay's text rows, inside its border and margin.
fn overlay_rows(app: &App, buf: &Buffer) -> Vec<String> {
    let frame = overlay_frame(app).expect("an overlay");
    let columns = (frame.x + 2, frame.right() - 2);
    let rows = frame.top() + 1..frame.bottom() - 1;
    let rows = rows.map(|y| row_cells(buf, y, columns, Modifier::empty()));
    rows.map(|r| r.trim_end().to_owned()).collect()
}

/// `broadsheet dump`'s notes for the current article, unwrapped.
fn dump_notes(app: &App) -> Vec<String> {
    let mut out = Vec::new();
    let article = app.current_article().expect("an article");
    broadsheet::cli::dump::write_article(&mut out, article, 100_000, &Options::default())
        .expect("dump");
    let text = String::from_utf8(out).expect("UTF-8");
    let (_, notes) = text.rsplit_once("\n\n").expect("notes after a blank line");
    notes.lines().map(str::to_owned).collect()
}

#[test]
fn l_lists_the_links_numbered_as_dump_numbers_them() {
    for size in SIZES {
        let mut app = reader(fixture_path(), size);
        for _ in 0..2 {
            press(&mut app, "L");
            assert_eq!(app.overlay(), Some(Overlay::Links));
            let shown = overlay_rows(&app, &draw(&app));
            let notes = dump_notes(&app);
            assert!(notes.len() >= 3, "{notes:?}");
            for (n, note) in notes.iter().enumerate() {
                let (mark, url) = note.split_once(' ').expect("[n] URL");
                assert_eq!(mark, format!("[{}]", n + 1));
                // One row per link, its URL first, cut with `…` when the
                // row is too narrow for it.
                let row = shown.get(n).expect("a row per link");
                let rest = row
                    .strip_prefix(&format!("{mark} "))
                    .expect(mark)
                    .trim_start();
                let rest = rest.trim_end_matches('…');
                assert!(
                    url.starts_with(rest) || rest.starts_with(url),
                    "{row:?} for {url}"
                );
            }
            press(&mut app, "esc");
            assert_eq!(app.overlay(), None);
            press(&mut app, "J");
        }
    }
    let app = reader(fixture_path(), (120, 40));
    let mut app = app;
    press(&mut app, "L");
    let rows = overlay_rows(&app, &draw(&app));
    assert_eq!(rows[0], "[1]  https://port.example/plan — Dredging Plan");
    assert_eq!(
        rows[1],
        "[2]  https://gazette.example/staff/ann-lee — Ann Lee"
    );
}

#[test]
fn a_300_character_url_is_one_row_cut_with_an_ellipsis_and_copied_whole() {
    let url = format!("https://long.example/{}", "segment-x/".repeat(28));
    let bare = "a".repeat(300);
    assert!(url.len() >= 300);
    let (_dir, path) = issue_with(&format!(
        "See [the long one]({url}) and [another](https://b.example/{bare})."
    ));
    for size in SIZES {
        let mut app = reader(path.clone(), size);
        press(&mut app, "L");
        let buf = draw(&app);
        show(&app); // no broken cell
        let frame = overlay_frame(&app).expect("an overlay");
        let side = theme().glyphs.frame[3];
        for y in frame.top() + 1..frame.bottom() - 1 {
            assert_eq!(buf[(frame.x, y)].symbol(), side, "row {y}");
            assert_eq!(buf[(frame.right() - 1, y)].symbol(), side, "row {y}");
        }
        let rows = overlay_rows(&app, &buf);
        assert_eq!(rows.len(), 2, "{rows:#?}");
        assert!(
            rows[0].starts_with("[1]  https://long.example/segment-x/"),
            "{rows:#?}"
        );
        assert!(rows.iter().all(|r| r.ends_with('…')), "{rows:#?}");
        // `y` copies the selected URL whole, Enter too.
        for (key, link, want) in [
            ("y", 0, &url),
            ("enter", 1, &format!("https://b.example/{bare}")),
        ] {
            if link == 1 {
                press(&mut app, "j");
            }
            let clip = copied_by(&mut app, key).expect("a copy asked for");
            assert_eq!(&clip.text, want);
            assert_eq!(clip.what, format!("link {}", link + 1));
        }
    }
}

/// What the copy `key` asks the loop to put on the clipboard.
fn copied_by(app: &mut App, key: &str) -> Option<broadsheet::app::Clip> {
    let key = broadsheet::keys::parse_key(key).expect("a key spec");
    let effects = send_only(app, Msg::Key(key));
    effects.tasks.into_iter().find_map(|t| match t {
        broadsheet::app::Task::Copy(clip) => Some(clip),
        _ => None,
    })
}

/// A reader at 60×20 on an article of thirty links, their list open.
fn thirty_links_listed() -> (tempfile::TempDir, App) {
    let body: Vec<String> = (1..=30)
        .map(|i| format!("[link {i}](https://e.example/{i})"))
        .collect();
    let (dir, path) = issue_with(&body.join(" and "));
    let mut app = reader(path, (60, 20));
    press(&mut app, "L");
    (dir, app)
}

#[test]
fn the_list_scrolls_with_the_usual_keys_and_esc_or_l_closes_it() {
    let (_dir, mut app) = thirty_links_listed();
    let first = overlay_rows(&app, &draw(&app));
    assert_eq!(first[0], "[1]   https://e.example/1 — link 1");
    press(&mut app, "j");
    assert_eq!(app.overlay_line(), 1, "j selects the next link");
    press(&mut app, "G");
    let last = overlay_rows(&app, &draw(&app));
    assert_eq!(
        last.last().map(String::as_str),
        Some("[30]  https://e.example/30 — link 30")
    );
    assert_eq!(app.overlay_line(), 29);
    press(&mut app, "g");
    assert_eq!(overlay_rows(&app, &draw(&app)), first);
    press(&mut app, "L");
    assert_eq!(app.overlay(), None, "L again closes it");
    press(&mut app, "L");
    press(&mut app, "esc");
    assert_eq!(app.overlay(), None);
}

#[test]
fn l_on_an_article_without_links_says_so() {
    for (width, height) in SIZES {
        let mut app = sample_app(width, height);
        press(&mut app, "L");
        assert!(
            show(&app).contains("No links in this article"),
            "{}",
            show(&app)
        );
    }
}

#[test]
fn the_links_overlay_at_60x20() {
    let mut app = reader(fixture_path(), (60, 20));
    press(&mut app, "L");
    insta::assert_snapshot!("links_overlay_60x20", show(&app));
}

#[test]
fn a_link_over_several_lines_underlines_its_words_and_not_the_breaks() {
    let long = "a link whose text runs on long enough to wrap over several lines";
    let cjk = "连接文字跨行".repeat(6);
    let (_dir, path) = issue_with(&format!(
        "Before it comes [{long}](https://w.example/) and then [{cjk}](https://z.example/)。"
    ));
    for size in SIZES {
        let app = reader(path.clone(), size);
        let buf = draw(&app);
        // Row by row: no space at a break is underlined (the row's cells
        // must equal the trimmed link text).
        assert_links_underlined(&app, &buf, (0, size.0));
        let rows: Vec<String> = (0..size.1)
            .map(|y| row_cells(&buf, y, (0, size.0), Modifier::UNDERLINED))
            .filter(|r| !r.is_empty())
            .collect();
        assert!(rows.len() >= 3, "{rows:#?}");
        assert_eq!(
            rows.concat().replace(' ', ""),
            format!("{long}{cjk}").replace(' ', "")
        );
    }
}

#[test]
fn the_wheel_scrolls_the_list_and_a_click_beside_it_closes_it() {
    use crossterm::event::{MouseEvent, MouseEventKind};
    let (_dir, mut app) = thirty_links_listed();
    let frame = overlay_frame(&app).expect("an overlay");
    let at = |kind, column, row| MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    send_mouse(
        &mut app,
        at(MouseEventKind::ScrollDown, frame.x + 3, frame.y + 2),
    );
    send(&mut app, Msg::Frame);
    assert_eq!(app.overlay_line(), 1, "the wheel moves the selection");
    let left = MouseEventKind::Down(crossterm::event::MouseButton::Left);
    send_mouse(&mut app, at(left, frame.x + 3, frame.y + 2));
    assert_eq!(
        app.overlay(),
        Some(Overlay::Links),
        "a click on it does nothing"
    );
    send_mouse(&mut app, at(left, 0, 0));
    assert_eq!(app.overlay(), None, "a click beside it closes it");
}
