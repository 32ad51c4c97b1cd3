//! Shared by the screen tests: build an app, press keys by their config
//! spec, draw into a `TestBackend`, and print the screen row by row,
//! failing on any broken cell.
// Each screen test crate includes this module and uses a different part of it.
#![allow(dead_code)]

use std::cell::RefCell;

pub use broadsheet::app::Msg;
use broadsheet::app::{Action, App, Effect, Effects};
use broadsheet::config::Config;
use broadsheet::event_loop::settle;
use broadsheet::keys::parse_key;
use broadsheet::library::{Library, SAMPLE_TEXT};
use broadsheet::model::{Article, Block, BlockKind, Date, Issue, Pages};
use broadsheet::store::State;
use broadsheet::typeset::AmbiguousWidth;
use broadsheet::ui::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::style::Style;

/// The sample issue, as the real parser gives it.
pub fn sample_app(width: u16, height: u16) -> App {
    app_with(State::default(), width, height, AmbiguousWidth::Narrow)
}

pub fn app_with(state: State, width: u16, height: u16, ambiguous: AmbiguousWidth) -> App {
    let mut app = App::new(Library::sample(), &Config::default(), state, ambiguous);
    // The colour theme whatever NO_COLOR says where the tests run.
    set_theme(Theme::new(false, ambiguous));
    resize(&mut app, width, height);
    app
}

thread_local! {
    /// The theme `draw` draws in: the reader keeps it beside the app, not
    /// in it. Each test runs on its own thread, so each has its own.
    static THEME: RefCell<Theme> = RefCell::new(Theme::new(false, AmbiguousWidth::Narrow));
}

/// Draw in `theme` from now on (in this test).
pub fn set_theme(theme: Theme) {
    THEME.with(|t| *t.borrow_mut() = theme);
}

/// The theme `draw` draws in.
pub fn theme() -> Theme {
    THEME.with(|t| t.borrow().clone())
}

/// One message as the event loop hands it over: applied, and the tasks it
/// leaves carried out (issues read and parsed) until none is left.
pub fn send(app: &mut App, msg: Msg) -> Effect {
    settle(app, msg, None)
}

/// One message through `update` alone: what it asks of the loop.
pub fn send_only(app: &mut App, msg: Msg) -> Effects {
    broadsheet::app::update(app, msg)
}

pub fn send_key(app: &mut App, key: crossterm::event::KeyEvent) -> Effect {
    send(app, Msg::Key(key))
}

pub fn send_action(app: &mut App, action: Action) -> Effect {
    send(app, Msg::Action(action))
}

pub fn send_mouse(app: &mut App, event: crossterm::event::MouseEvent) -> Effect {
    send(app, Msg::Mouse(event))
}

pub fn send_paste(app: &mut App, text: String) -> Effect {
    send(app, Msg::Paste(text))
}

pub fn send_log(app: &mut App, message: String) -> Effect {
    send(app, Msg::Log(vec![message]))
}

/// Put an already parsed issue in place of entry `index`.
pub fn send_issue(app: &mut App, index: usize, issue: Issue) -> Effect {
    send(app, Msg::SetIssue(index, Box::new(issue)))
}

/// A resize as the event loop sees it: the new size, then a prepared frame.
pub fn resize(app: &mut App, width: u16, height: u16) {
    send(app, Msg::Resize(width, height));
    send(app, Msg::Frame);
}

/// The sample's text cut into articles by a few plain rules, so that the
/// screen tests do not depend on the newspaper parser: `##` starts an
/// article, a short first line is its deck or byline, `###` is a sub-head,
/// `图为…` a caption.
pub fn fixture_issue() -> Issue {
    let mut articles: Vec<Article> = Vec::new();
    let mut offset = 0;
    for line in SAMPLE_TEXT.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let text = line.trim();
        if let Some(headline) = text.strip_prefix("## ") {
            articles.push(Article {
                id: format!("fixture-{}", articles.len() + 1),
                kicker: None,
                headline: headline.to_owned(),
                deck: None,
                byline: None,
                page: Some("1".to_owned()),
                blocks: Vec::new(),
                head_links: Vec::new(),
            });
            continue;
        }
        let Some(article) = articles.last_mut() else {
            continue;
        };
        if text.is_empty() {
            continue;
        }
        let source = start..start + line.trim_end().len();
        let first = article.blocks.is_empty();
        if first && text.starts_with("本报记者") {
            article.byline = Some(text.to_owned());
        } else if first && article.deck.is_none() && text.chars().count() < 12 {
            article.deck = Some(text.to_owned());
        } else {
            let (kind, text) = match text.strip_prefix("### ") {
                Some(sub) => (BlockKind::Subhead { deck: None }, sub),
                None if text.starts_with("图为") => (BlockKind::Caption { credit: None }, text),
                None => (BlockKind::Paragraph, text),
            };
            let text = text.to_owned();
            article.blocks.push(Block {
                kind,
                text,
                source,
                links: Vec::new(),
            });
        }
    }
    articles[1].kicker = Some("北京城市副中心生机勃勃".to_owned());
    Issue {
        paper: "北京城市副中心报".to_owned(),
        date: Date::new(2022, 2, 13),
        weekday: Some("星期日".to_owned()),
        lunar: Some("农历壬寅年正月十三".to_owned()),
        pages: Some(Pages::counted(4)),
        front: Vec::new(),
        articles,
        warnings: Vec::new(),
    }
}

/// An app over the fixture issue.
pub fn fixture_app(width: u16, height: u16) -> App {
    let mut app = sample_app(width, height);
    send_issue(&mut app, 0, fixture_issue());
    resize(&mut app, width, height);
    app
}

/// Press a key given as a config spec (`"j"`, `"ctrl-f"`, `"shift-tab"`),
/// then prepare the frame, as the event loop does before drawing.
pub fn press(app: &mut App, spec: &str) -> Effect {
    let effect = press_only(app, spec);
    send(app, Msg::Frame);
    effect
}

/// Press a key without preparing a frame: one key of a drained batch.
pub fn press_only(app: &mut App, spec: &str) -> Effect {
    let key = parse_key(spec).unwrap_or_else(|e| panic!("bad key spec {spec}: {e}"));
    send_key(app, key)
}

/// One action through `update`, then a prepared frame.
pub fn step(app: &mut App, action: Action) -> Effect {
    let effect = send_action(app, action);
    send(app, Msg::Frame);
    effect
}

pub fn press_all(app: &mut App, specs: &[&str]) {
    for spec in specs {
        press(app, spec);
    }
}

/// Draw the app at its current size.
pub fn draw(app: &App) -> Buffer {
    let (width, height) = app.size();
    let theme = theme();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    let frame = terminal
        .draw(|frame| broadsheet::ui::render(app, &theme, frame))
        .expect("draw");
    frame.buffer.clone()
}

/// The screen as text, one line per row (trailing blanks trimmed): a wide
/// glyph is printed once and its continuation cells skipped. Panics on a
/// broken cell: a wide glyph cut by the right edge, or whose continuation
/// cell holds something else (overwritten by a later draw).
pub fn screen_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut row = String::new();
        let mut x = area.left();
        while x < area.right() {
            let cell = &buf[(x, y)];
            let width = cell.cell_width().max(1);
            assert!(
                x + width <= area.right(),
                "row {y}: {:?} at x={x} is cut by the right edge\n{row}",
                cell.symbol()
            );
            for dx in 1..width {
                let hidden = buf[(x + dx, y)].symbol();
                assert_eq!(
                    hidden,
                    " ",
                    "row {y}: the right half of {:?} at x={x} was overwritten\n{row}",
                    cell.symbol()
                );
            }
            row.push_str(cell.symbol());
            x += width;
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

/// Draw and print.
pub fn show(app: &App) -> String {
    screen_text(&draw(app))
}

/// Type `text` as key presses (an input method delivers CJK the same way).
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let effect = send_key(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        assert_eq!(effect, Effect::None, "{c:?} typed in the prompt");
    }
    send(app, Msg::Frame);
}

/// `/`, the query, Enter.
pub fn search(app: &mut App, query: &str) {
    press(app, "/");
    type_text(app, query);
    press(app, "enter");
}

/// The text of the cells carrying `style`'s modifiers and colours (laid
/// over the role's style), one string per row, a wide glyph once.
pub fn cells_in(buf: &Buffer, style: Style) -> Vec<String> {
    let mut rows = Vec::new();
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut row = String::new();
        let mut x = area.left();
        while x < area.right() {
            let cell = &buf[(x, y)];
            let lit = cell.modifier.contains(style.add_modifier)
                && style.fg.is_none_or(|fg| cell.fg == fg)
                && style.bg.is_none_or(|bg| cell.bg == bg);
            if lit {
                row.push_str(cell.symbol());
            }
            x += cell.cell_width().max(1);
        }
        if !row.is_empty() {
            rows.push(row);
        }
    }
    rows
}
