//! Search in the reader, driven as a user drives it: `/`, typing, Enter,
//! `n`/`N`, Esc; then the screen, with the hits lit cell by cell.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::screen_support;

use broadsheet::app::{App, Effect, Pane};
use broadsheet::geometry;
use broadsheet::typeset::{AmbiguousWidth, Punctuation};
use broadsheet::ui::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Position;
use ratatui::style::Modifier;
use screen_support::*;

fn prompt_text(app: &App) -> Option<String> {
    app.search().prompt.as_ref().map(|p| p.text().to_owned())
}

/// (article, hit index in the issue) of the current hit.
fn current(app: &App) -> (usize, usize) {
    let found = app.search().found.as_ref().expect("a search in force");
    let index = found.current.expect("a current hit");
    (found.hits[index].article, index)
}

/// Whether the current hit's lines are all on screen, in the article shown.
fn current_hit_on_screen(app: &App) -> bool {
    let found = app.search().found.as_ref().expect("a search in force");
    let hit = &found.hits[found.current.expect("a current hit")];
    let view = app.view().expect("a view");
    assert_eq!((view.article, app.article()), (hit.article, hit.article));
    let lines = &view.layout.lines;
    let on = |l: &broadsheet::layout::Line| {
        l.text == hit.text && l.range.start < hit.range.end && hit.range.start < l.range.end
    };
    let first = lines.iter().position(on).expect("the hit's line");
    let last = lines.iter().rposition(on).expect("the hit's line");
    let area = geometry::screen_rect(app.size());
    let shown = geometry::screen(area, app.focus(), app.issues_shown()).and_then(|s| s.article);
    shown.is_some() && first >= view.top && last < view.top + view.height
}

/// Draw, and where the terminal cursor was left (shown or not).
fn draw_with_cursor(app: &App) -> (Buffer, Option<Position>) {
    let (width, height) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    let frame = terminal
        .draw(|frame| broadsheet::ui::render(app, &theme(), frame))
        .expect("draw");
    let buf = frame.buffer.clone();
    // The frame always places the cursor (on the focus, for screen
    // readers); it is seen only where `ui::cursor_seen` says.
    let backend = terminal.backend();
    (
        buf,
        broadsheet::ui::cursor_seen(app).then(|| backend.cursor_position()),
    )
}

#[test]
fn q_typed_in_the_prompt_is_text_and_esc_restores_the_view() {
    let mut app = sample_app(60, 20);
    press_all(&mut app, &["enter", "j", "j"]);
    let before = (app.focus(), app.article(), app.view().map(|v| v.top));
    press(&mut app, "/");
    assert!(
        show(&app)
            .lines()
            .last()
            .is_some_and(|l| l.starts_with('/'))
    );
    for spec in ["q", "ctrl-c"] {
        if spec == "ctrl-c" {
            assert_eq!(
                press(&mut app, spec),
                Effect::None,
                "Ctrl-C cancels the prompt"
            );
        } else {
            assert_eq!(press(&mut app, spec), Effect::None, "q typed");
            assert_eq!(prompt_text(&app).as_deref(), Some("q"));
        }
    }
    assert_eq!(prompt_text(&app), None);
    press(&mut app, "/");
    type_text(&mut app, "jJnN?");
    assert_eq!(prompt_text(&app).as_deref(), Some("jJnN?"));
    press(&mut app, "esc");
    assert_eq!(prompt_text(&app), None);
    assert!(app.search().found.is_none(), "Esc runs nothing");
    let after = (app.focus(), app.article(), app.view().map(|v| v.top));
    assert_eq!(before, after);
    assert_eq!(
        press(&mut app, "q"),
        Effect::Quit,
        "outside the prompt q quits"
    );
}

#[test]
fn the_prompt_edits_by_grapheme_word_and_line() {
    let mut app = sample_app(60, 20);
    press(&mut app, "/");
    type_text(&mut app, "城市 副中心");
    press(&mut app, "backspace");
    assert_eq!(prompt_text(&app).as_deref(), Some("城市 副中"));
    press(&mut app, "ctrl-w");
    assert_eq!(prompt_text(&app).as_deref(), Some("城市 "));
    type_text(&mut app, "ab");
    press_all(&mut app, &["left", "left"]);
    type_text(&mut app, "x");
    assert_eq!(prompt_text(&app).as_deref(), Some("城市 xab"));
    press(&mut app, "ctrl-u");
    assert_eq!(prompt_text(&app).as_deref(), Some("ab"));
    press_all(&mut app, &["end", "ctrl-u"]);
    assert_eq!(prompt_text(&app).as_deref(), Some(""));
    press(&mut app, "enter");
    assert_eq!(
        prompt_text(&app),
        None,
        "an empty Enter with no history closes"
    );
    assert!(app.search().found.is_none());
}

#[test]
fn up_and_down_recall_this_sessions_queries() {
    let mut app = sample_app(120, 40);
    search(&mut app, "盘活");
    search(&mut app, "冬奥");
    press(&mut app, "/");
    type_text(&mut app, "draft");
    press(&mut app, "up");
    assert_eq!(prompt_text(&app).as_deref(), Some("冬奥"));
    press(&mut app, "up");
    assert_eq!(prompt_text(&app).as_deref(), Some("盘活"));
    press(&mut app, "down");
    press(&mut app, "down");
    assert_eq!(prompt_text(&app).as_deref(), Some("draft"));
    press(&mut app, "ctrl-u");
    press(&mut app, "enter");
    let found = app
        .search()
        .found
        .as_ref()
        .expect("Enter on an empty line runs the last query");
    assert_eq!(found.query.pattern(), "冬奥");
}

#[test]
fn enter_goes_to_the_first_hit_after_the_reading_position() {
    for (width, height) in [(60, 20), (120, 40)] {
        let mut app = sample_app(width, height);
        assert_eq!(app.focus(), Pane::Headlines);
        search(&mut app, "盘活");
        assert_eq!(app.focus(), Pane::Article, "at {width}x{height}");
        assert_eq!(current(&app), (0, 0));
        assert!(current_hit_on_screen(&app), "at {width}x{height}");
        assert_eq!(app.notice(), None);
        let view = app.view().expect("a view");
        assert!(view.top > 0, "the hit is deep in the article: scrolled");
    }
}

#[test]
fn n_and_n_step_through_every_hit_across_articles_and_wrap() {
    for (width, height) in [(60, 20), (120, 40)] {
        let mut app = sample_app(width, height);
        search(&mut app, "服务");
        let total = app.search().found.as_ref().map_or(0, |f| f.hits.len());
        assert!(total > 10, "{total} hits");
        let mut seen = vec![current(&app)];
        for _ in 1..total {
            press(&mut app, "n");
            assert!(current_hit_on_screen(&app), "at {width}x{height}: {seen:?}");
            assert_eq!(app.notice(), None);
            assert_eq!(app.focus(), Pane::Article);
            seen.push(current(&app));
        }
        let indices: Vec<usize> = seen.iter().map(|s| s.1).collect();
        assert_eq!(indices, (0..total).collect::<Vec<_>>(), "in reading order");
        let articles: Vec<usize> = seen.iter().map(|s| s.0).collect();
        assert!(articles.windows(2).all(|w| w[0] <= w[1]));
        assert!(articles.last() > articles.first(), "across articles");
        press(&mut app, "n");
        assert_eq!(current(&app).1, 0);
        assert_eq!(app.notice(), Some("search wrapped"));
        assert!(current_hit_on_screen(&app));
        press(&mut app, "N");
        assert_eq!(current(&app).1, total - 1, "N wraps back");
        assert_eq!(app.notice(), Some("search wrapped"));
        press(&mut app, "N");
        assert_eq!(current(&app).1, total - 2);
        assert_eq!(app.notice(), None);
        assert_eq!(
            app.article(),
            current(&app).0,
            "the selection follows the hit"
        );
    }
}

#[test]
fn a_search_starts_from_where_the_reader_is() {
    let mut app = sample_app(120, 40);
    press_all(&mut app, &["J", "l"]);
    assert_eq!(app.article(), 1);
    search(&mut app, "服务");
    assert_eq!(
        current(&app).0,
        1,
        "the first hit of the article being read"
    );
    // A search from the last article wraps round to the first.
    let mut app = sample_app(120, 40);
    press_all(&mut app, &["J", "J", "J", "l", "G"]);
    search(&mut app, "冬奥");
    assert_eq!(app.notice(), Some("search wrapped"));
    assert_eq!(current(&app), (2, 0));
}

#[test]
fn not_found_says_so_and_keeps_the_place() {
    let mut app = sample_app(60, 20);
    let before = (app.focus(), app.article());
    search(&mut app, "zzz\u{7}");
    assert_eq!(app.notice(), Some("not found: zzz"), "the bell was dropped");
    assert!(app.search().found.is_none());
    assert_eq!(before, (app.focus(), app.article()));
    press(&mut app, "n");
    assert_eq!(app.notice(), Some("not found: zzz"), "n runs it again");
    let screen = show(&app);
    assert!(
        screen
            .lines()
            .last()
            .is_some_and(|l| l.contains("not found: zzz")),
        "{screen}"
    );
}

#[test]
fn n_with_no_search_yet_says_how_to_search() {
    let mut app = sample_app(60, 20);
    press(&mut app, "n");
    assert_eq!(app.notice(), Some("no search yet (/ searches)"));
}

#[test]
fn esc_clears_the_search_then_goes_back() {
    let mut app = sample_app(120, 40);
    search(&mut app, "服务");
    assert_eq!(app.focus(), Pane::Article);
    press(&mut app, "esc");
    assert!(app.search().found.is_none());
    assert_eq!(app.focus(), Pane::Article, "the first Esc only clears");
    let buf = draw(&app);
    assert!(cells_in(&buf, theme().search_hit).is_empty());
    press(&mut app, "esc");
    assert_eq!(app.focus(), Pane::Headlines);
    press(&mut app, "n");
    assert!(app.search().found.is_some(), "n finds the last query again");
}

#[test]
fn a_paste_fills_the_prompt_bounded_and_is_ignored_outside_it() {
    let mut app = sample_app(60, 20);
    let before = (app.focus(), app.article(), app.overlay());
    send_paste(&mut app, "q/服务\nG".to_owned());
    send(&mut app, Msg::Frame);
    assert_eq!(before, (app.focus(), app.article(), app.overlay()));
    assert!(app.search().found.is_none() && prompt_text(&app).is_none());
    press(&mut app, "/");
    send_paste(&mut app, format!("服务\n{}", "甲".repeat(1 << 20)));
    let text = prompt_text(&app).expect("the prompt");
    assert!(text.starts_with("服务 甲"));
    assert_eq!(text.chars().count(), broadsheet::search::Query::MAX_CHARS);
    screen_text(&draw(&app));
}

#[test]
fn a_changed_issue_finds_its_hits_again() {
    let mut app = sample_app(120, 40);
    search(&mut app, "服务");
    let before = app.search().found.as_ref().map_or(0, |f| f.hits.len());
    let mut issue = fixture_issue();
    issue.articles[0].headline.push_str(" 服务服务");
    send_issue(&mut app, 0, issue);
    send(&mut app, Msg::Frame);
    let found = app.search().found.as_ref().expect("still in force");
    assert_eq!(found.issue, Some(0));
    assert!(
        found.hits.len() >= before + 2,
        "{} after {before}",
        found.hits.len()
    );
}

/// The article's text column only (no lists, titles or status row).
fn body_only(app: &App, buf: &Buffer) -> Buffer {
    let area = geometry::screen_rect(app.size());
    let pane = geometry::screen(area, app.focus(), app.issues_shown()).and_then(|s| s.article);
    let body = geometry::body_rect(pane.expect("the article is shown"), app.body_width());
    let mut out = Buffer::empty(body);
    for y in body.top()..body.bottom() {
        for x in body.left()..body.right() {
            out[(x, y)] = buf[(x, y)].clone();
        }
    }
    out
}

#[test]
fn the_prompt_with_a_cjk_query_at_60x20_and_120x40() {
    for (width, height) in [(60, 20), (120, 40)] {
        let mut app = sample_app(width, height);
        press(&mut app, "/");
        type_text(&mut app, "城市副中心");
        let (buf, cursor) = draw_with_cursor(&app);
        let text = screen_text(&buf);
        insta::assert_snapshot!(format!("prompt_{width}x{height}"), text);
        let row = text.lines().last().unwrap_or_default();
        assert!(
            row.starts_with("/城市副中心 ") && row.ends_with(" hits"),
            "{row}"
        );
        assert_eq!(
            cursor,
            Some(Position::new(11, height - 1)),
            "after the query"
        );
        press_all(&mut app, &["left", "left"]);
        let (_, cursor) = draw_with_cursor(&app);
        assert_eq!(cursor, Some(Position::new(7, height - 1)), "on 中");
        press(&mut app, "esc");
        assert_eq!(
            draw_with_cursor(&app).1,
            None,
            "hidden once the prompt closes"
        );
    }
}

#[test]
fn a_long_query_scrolls_and_keeps_the_cursor_and_wide_glyphs_whole() {
    let mut app = sample_app(60, 20);
    press(&mut app, "/");
    type_text(&mut app, &"城市副中心a".repeat(8));
    let (buf, cursor) = draw_with_cursor(&app);
    let text = screen_text(&buf);
    let row = text.lines().last().unwrap_or_default().to_owned();
    // The line ends before the count (`no match`, a cell of margin each side).
    assert!(
        row.starts_with('<') && row.ends_with("副中心a   no match"),
        "{row}"
    );
    let cursor = cursor.expect("a cursor");
    // On the line's last cell, or the one before when a wide glyph would
    // have been cut at the left edge.
    assert!((48..=49).contains(&cursor.x), "{cursor:?}");
    press(&mut app, "home");
    let (buf, cursor) = draw_with_cursor(&app);
    let text = screen_text(&buf);
    let row = text.lines().last().unwrap_or_default();
    assert!(row.starts_with("/城市副中心a城市"), "{row}");
    assert_eq!(cursor, Some(Position::new(1, 19)));
    // Every width from 20 up: never a broken cell, the cursor always in.
    for width in 20..70 {
        resize(&mut app, width, 20);
        press(&mut app, "end");
        let (buf, cursor) = draw_with_cursor(&app);
        screen_text(&buf);
        assert!(cursor.is_some_and(|c| c.x < width), "{width}: {cursor:?}");
    }
}

#[test]
fn hits_are_lit_and_the_current_one_stands_out() {
    for (width, height) in [(60, 20), (120, 40)] {
        let mut app = sample_app(width, height);
        search(&mut app, "盘活");
        let buf = draw(&app);
        let text = screen_text(&buf);
        insta::assert_snapshot!(format!("hit_{width}x{height}"), text);
        assert_eq!(cells_in(&buf, theme().search_current), ["盘活"]);
        let status = text.lines().last().unwrap_or_default();
        assert!(status.contains("/盘活 1/1"), "{status}");
        assert!(status.ends_with("? help"), "{status}");
    }
}

#[test]
fn every_hit_on_screen_is_lit_in_the_mono_theme_too() {
    let mut app = sample_app(120, 40);
    set_theme(Theme::mono(AmbiguousWidth::Narrow));
    search(&mut app, "副中心");
    let buf = body_only(&app, &draw(&app));
    let current = cells_in(&buf, theme().search_current);
    assert_eq!(current, ["副中心"]);
    let lit = cells_in(&buf, theme().search_hit);
    let text = screen_text(&buf);
    let on_screen = text
        .lines()
        .map(str::trim)
        .collect::<String>()
        .matches("副中心")
        .count();
    // Each row's lit cells are whole hits (a hit wrapped over two rows is
    // lit on both: its parts join up).
    let joined: String = lit.concat();
    assert_eq!(
        joined.matches("副中心").count(),
        on_screen,
        "{lit:?}\n{text}"
    );
    assert!(theme().search_hit.add_modifier.contains(Modifier::REVERSED));
}

#[test]
fn fullwidth_punctuation_moves_the_lit_cells_with_the_text() {
    for (width, height) in [(60, 20), (120, 40)] {
        let config = broadsheet::config::Config {
            punctuation: Punctuation::Fullwidth,
            ..broadsheet::config::Config::default()
        };
        let library = broadsheet::library::Library::sample();
        let state = broadsheet::store::State::default();
        let mut app = App::new(library, &config, state, AmbiguousWidth::Narrow);
        resize(&mut app, width, height);
        // The fullwidth comma typed finds the ASCII one in the text, which
        // is drawn fullwidth: two cells where the source has one byte.
        search(&mut app, "，要围绕");
        let buf = draw(&app);
        let text = screen_text(&buf);
        insta::assert_snapshot!(format!("fullwidth_{width}x{height}"), text);
        assert!(text.contains("强调，要围绕"), "{text}");
        assert_eq!(cells_in(&buf, theme().search_current), ["，要围绕"]);
    }
}

#[test]
fn a_long_pattern_is_cut_in_the_status_bar_and_help_stays_at_60_columns() {
    let sentence = "加紧建设城市副中心站综合交通枢纽、行政办公区二期、人大新校区";
    let mut app = sample_app(60, 20);
    search(&mut app, sentence);
    assert!(app.search().found.is_some(), "{:?}", app.notice());
    let text = show(&app);
    let status = text.lines().last().unwrap_or_default();
    assert!(status.ends_with(" 1/1  ? help"), "{status}");
    assert!(
        status.contains("/加紧建设") && status.contains('…'),
        "{status}"
    );
    assert!(
        status.contains("article 1/4"),
        "where the reader is stays: {status}"
    );
    // A notice shares the row with the search field.
    press(&mut app, "n");
    let text = show(&app);
    let status = text.lines().last().unwrap_or_default();
    assert!(
        status.contains("search wrapped") && status.ends_with("? help"),
        "{status}"
    );
}

#[test]
fn the_prompt_measures_ambiguous_glyphs_as_the_terminal_draws_them() {
    let mut app = app_with(Default::default(), 60, 20, AmbiguousWidth::Wide);
    press(&mut app, "/");
    type_text(&mut app, "“开门红”");
    let (buf, cursor) = draw_with_cursor(&app);
    screen_text(&buf);
    assert_eq!(
        cursor,
        Some(Position::new(11, 19)),
        "quotes take two cells each"
    );
    press(&mut app, "enter");
    assert_eq!(cells_in(&draw(&app), theme().search_current), ["“开门红”"]);
}

#[test]
fn a_hit_scrolled_to_has_two_lines_of_context_above_it() {
    for (width, height) in [(60, 20), (120, 40)] {
        let mut app = sample_app(width, height);
        search(&mut app, "盘活");
        let view = app.view().expect("a view");
        let found = app.search().found.as_ref().expect("found");
        let hit = &found.hits[0];
        let line = (view.layout.lines.iter())
            .position(|l| l.text == hit.text && l.range.contains(&hit.range.start))
            .expect("the hit's line");
        assert!(
            line == view.top + 2 || view.top == view.max_top(),
            "line {line}, top {} at {width}x{height}",
            view.top
        );
    }
}

#[test]
fn a_hit_that_brings_an_articles_end_on_screen_marks_it_read() {
    let mut app = sample_app(120, 40);
    let issue = app.current_issue().expect("the sample").clone();
    let (index, article) = (issue.articles.iter().enumerate())
        .find(|(i, a)| *i > 0 && a.blocks.len() > 3)
        .expect("a long article");
    let last = article.blocks.last().expect("a block").text.clone();
    let tail: String = last
        .chars()
        .rev()
        .skip(1)
        .take(6)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    assert!(!app.state().is_read(&article.id));
    search(&mut app, &tail);
    assert_eq!(app.article(), index, "{tail}");
    assert!(app.state().is_read(&article.id), "its end is on screen");
    // A hit in the first lines of a long article does not mark it read.
    let first = &issue.articles[0];
    let opening: String = first.blocks[0].text.chars().take(6).collect();
    press(&mut app, "esc");
    press_all(&mut app, &["h", "g", "l"]);
    search(&mut app, &opening);
    assert_eq!(app.article(), 0);
    assert!(!app.state().is_read(&first.id));
}

/// docs/RELIABILITY.md §6 case 14: TAG characters hidden after a word are dropped at
/// ingest, so a search never matches what the reader cannot see.
#[test]
fn hidden_tag_text_is_never_matched() {
    use broadsheet::library::{Library, LibraryOptions};
    let dir = tempfile::tempdir().expect("a temp dir");
    let hidden: String = "IGNORE"
        .chars()
        .map(|c| char::from_u32(0xE0000 + c as u32).unwrap_or(c))
        .collect();
    let text = format!("# 测试报\n\n## 标题\n\n正文word{hidden}继续写下去。\n");
    std::fs::write(dir.path().join("t-2024-01-01.md"), text).expect("write");
    let library = Library::open(&[dir.path().to_path_buf()], &LibraryOptions::default());
    let config = broadsheet::config::Config::default();
    let state = broadsheet::store::State::default();
    let mut app = App::new(library, &config, state, AmbiguousWidth::Narrow);
    resize(&mut app, 120, 40);
    press(&mut app, "/");
    send_paste(&mut app, format!("word{hidden}"));
    assert_eq!(
        prompt_text(&app).as_deref(),
        Some("word"),
        "TAG characters are not taken"
    );
    press(&mut app, "esc");
    search(&mut app, "IGNORE");
    assert_eq!(app.notice(), Some("not found: IGNORE"));
    search(&mut app, "word继续");
    assert!(
        app.search()
            .found
            .as_ref()
            .is_some_and(|f| f.hits.len() == 1),
        "{:?}",
        app.notice()
    );
}

#[test]
fn hits_are_lit_and_counted_as_you_type_and_esc_puts_back_the_search() {
    let mut app = sample_app(120, 40);
    search(&mut app, "盘活");
    press(&mut app, "/");
    type_text(&mut app, "副中");
    let buf = draw(&app);
    let text = screen_text(&buf);
    let row = text.lines().last().unwrap_or_default();
    let total = app.search().preview.as_ref().map_or(0, |f| f.hits.len());
    assert!(
        total > 50 && row.ends_with(&format!("{total} hits")),
        "{row}"
    );
    let lit = cells_in(&body_only(&app, &buf), theme().search_hit);
    assert!(
        lit.iter().all(|l| l.chars().all(|c| "副中".contains(c))),
        "{lit:?}"
    );
    assert!(!lit.is_empty());
    assert!(
        cells_in(&buf, theme().search_current).is_empty(),
        "no current hit yet"
    );
    let place = (app.article(), app.view().map(|v| v.top), app.focus());
    type_text(&mut app, "zz");
    assert!(
        show(&app)
            .lines()
            .last()
            .is_some_and(|l| l.ends_with("no match"))
    );
    press(&mut app, "esc");
    assert!(app.search().preview.is_none());
    assert_eq!(
        place,
        (app.article(), app.view().map(|v| v.top), app.focus())
    );
    let buf = draw(&app);
    assert_eq!(
        cells_in(&buf, theme().search_current),
        ["盘活"],
        "the search in force again"
    );
}
