//! Pages (版面) on the screen: Headlines grouped under page headers that
//! are never selected, `[` / `]` from page to page, the page in the status
//! bar, jump lines (`(下转2版)`) followed and come back from, page headers
//! in `dump`, and a folder issue reloaded when a file in its sub-folder
//! changes. Driven as a reader drives it, drawn into a TestBackend.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::screen_support::{Msg, draw, press, resize, screen_text, send, send_mouse, set_theme};
use broadsheet::app::{App, Pane, Reloader};
use broadsheet::config::Config;
use broadsheet::library::{Library, LibraryOptions, RealFiles};
use broadsheet::model::{BlockKind, Issue};
use broadsheet::store::State;
use broadsheet::typeset::AmbiguousWidth;
use broadsheet::ui::Theme;
use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::buffer::CellWidth;

/// Eight articles on pages 01, 02 and 04: the first `(下转2版)`, answered
/// on page 2 by `(上接1版)` under the same headline; the second
/// `(下转3版)`, a page the issue does not hold.
const FEED: &str = "tests/fixtures/pages/fuzhongxin_2026-03-05.xml";

/// The app over `paths`, reloading as the reader does (without a cache).
fn app_over(paths: Vec<PathBuf>, width: u16, height: u16) -> App {
    let options = LibraryOptions::default();
    let open = move |stdin: &mut dyn std::io::Read| {
        Library::open_with(&paths, &options, Arc::new(RealFiles), stdin)
    };
    let library = open(&mut "".as_bytes());
    let config = Config::default();
    let mut app = App::new(library, &config, State::default(), AmbiguousWidth::Narrow)
        .with_reloader(Reloader::new(open));
    set_theme(Theme::new(false, AmbiguousWidth::Narrow));
    resize(&mut app, width, height);
    app
}

fn feed_app(width: u16, height: u16) -> App {
    app_over(vec![PathBuf::from(FEED)], width, height)
}

fn notice(app: &App) -> &str {
    app.notice().unwrap_or("")
}

/// The status bar: the last row.
fn status(app: &App) -> String {
    let text = screen_text(&draw(app));
    text.lines().last().unwrap_or("").to_owned()
}

/// The row whose cells from column `from` on, up to the next rule, hold `needle`.
fn row_in_pane(app: &App, needle: &str, from: u16) -> u16 {
    let buf = draw(app);
    (0..buf.area.height)
        .find(|&y| {
            let mut text = String::new();
            let mut x = from;
            while x < buf.area.width && buf[(x, y)].symbol() != "│" {
                text.push_str(buf[(x, y)].symbol());
                x += buf[(x, y)].cell_width().max(1);
            }
            text.contains(needle)
        })
        .unwrap_or_else(|| panic!("{needle:?} not in the pane at {from}"))
}

fn click(app: &mut App, column: u16, row: u16) {
    let kind = MouseEventKind::Down(MouseButton::Left);
    let modifiers = KeyModifiers::NONE;
    let event = MouseEvent {
        kind,
        column,
        row,
        modifiers,
    };
    send_mouse(app, event);
    send(app, Msg::Frame);
}

fn issue(app: &App) -> &Issue {
    app.current_issue().expect("the issue is parsed")
}

#[test]
fn headlines_are_grouped_under_page_headers_at_both_sizes() {
    for (width, height, name) in [(120, 40, "feed_120x40"), (60, 20, "feed_60x20")] {
        let app = feed_app(width, height);
        let screen = screen_text(&draw(&app));
        for header in ["第1版 要闻", "第2版 要闻", "第4版 评论"] {
            assert!(
                screen.contains(header),
                "{header} at {width}x{height}:\n{screen}"
            );
        }
        insta::assert_snapshot!(name, screen);
    }
}

#[test]
fn a_header_is_never_selected_nor_clicked() {
    let mut app = feed_app(120, 40);
    // The last article of page 1, then `j`: the first of page 2, the
    // header between them skipped.
    press(&mut app, "j");
    press(&mut app, "j");
    assert_eq!(app.article(), 2);
    press(&mut app, "j");
    assert_eq!(app.article(), 3);
    assert_eq!(issue(&app).articles[3].page.as_deref(), Some("02"));
    press(&mut app, "k");
    assert_eq!(app.article(), 2);

    // The header row is drawn dim and without the selection's style,
    // which the selected article's row has.
    let header = row_in_pane(&app, "第2版 要闻", 27);
    let selected = row_in_pane(&app, "地铁新线开通试运营", 27);
    let buf = draw(&app);
    let theme = crate::screen_support::theme();
    let x = 28;
    assert_eq!(buf[(x, header)].symbol(), "第");
    assert_eq!(buf[(x, header)].modifier, theme.page_header.add_modifier);
    let selection = theme.selected.add_modifier;
    assert!(!selection.is_empty());
    assert!(buf[(x, selected)].modifier.contains(selection));
    assert!(!buf[(x, header)].modifier.contains(selection));

    // A click on it selects nothing; on the article under it, that article.
    click(&mut app, 35, header);
    assert_eq!(app.article(), 2);
    assert_eq!(app.focus(), Pane::Headlines);
    click(&mut app, 35, header + 1);
    assert_eq!(app.article(), 3);
}

#[test]
fn the_list_window_makes_room_for_headers_at_60x20() {
    let mut app = feed_app(60, 20);
    // To the last article: the window keeps it whole on screen, the page
    // of the first article shown named above it.
    press(&mut app, "G");
    assert_eq!(app.article(), 7);
    let screen = screen_text(&draw(&app));
    assert!(screen.contains("出行便利是民生大事"), "{screen}");
    let first_row = screen.lines().nth(1).unwrap();
    assert!(first_row.starts_with(" 第"), "a header on top:\n{screen}");
    // Back to the top: the first header and article again.
    press(&mut app, "g");
    assert_eq!(app.headlines_top(), 0);
    assert!(
        screen_text(&draw(&app))
            .lines()
            .nth(1)
            .unwrap()
            .contains("第1版 要闻")
    );
}

#[test]
fn brackets_go_from_page_to_page_from_any_pane() {
    for (width, height) in [(120, 40), (60, 20)] {
        let mut app = feed_app(width, height);
        assert!(status(&app).contains("第1版 要闻"), "{}", status(&app));
        press(&mut app, "]");
        assert_eq!(app.article(), 3, "the first article of 第2版");
        assert!(status(&app).contains("第2版 要闻"), "{}", status(&app));
        // From the article pane as well.
        press(&mut app, "l");
        assert_eq!(app.focus(), Pane::Article);
        press(&mut app, "]");
        assert_eq!(app.article(), 5);
        assert!(status(&app).contains("第4版 评论"));
        press(&mut app, "]");
        assert_eq!(app.article(), 5);
        assert_eq!(notice(&app), "第4版 评论 is the last page");
        press(&mut app, "[");
        assert_eq!(app.article(), 3);
        press(&mut app, "[");
        assert_eq!(app.article(), 0);
        press(&mut app, "[");
        assert_eq!(notice(&app), "第1版 要闻 is the first page");
        assert!(status(&app).contains("第1版 要闻 is the first page"));
    }
}

#[test]
fn a_jump_is_followed_and_come_back_from() {
    for (width, height) in [(120, 40), (60, 20)] {
        let mut app = feed_app(width, height);
        press(&mut app, "l");
        // The jump line is on screen: the status bar says the key.
        assert!(status(&app).contains("> (下转2版)"), "{}", status(&app));
        press(&mut app, ">");
        assert_eq!(app.article(), 3, "the page-2 half, opening (上接1版)");
        assert_eq!(
            notice(&app),
            "followed the jump to 第2版 要闻 (< goes back)"
        );
        let screen = screen_text(&draw(&app));
        assert!(screen.contains("(上接1版)"), "{screen}");
        // Back: the article the jump was taken from, where it was.
        press(&mut app, "backspace");
        assert_eq!(app.article(), 0);
        assert!(status(&app).contains("第1版 要闻"));
        // `(上接1版)` leads back to the `(下转2版)` line; Enter follows too.
        press(&mut app, "]");
        press(&mut app, "enter");
        assert_eq!(app.article(), 0, "back on page 1");
        press(&mut app, "<");
        assert_eq!(app.article(), 3);
        press(&mut app, "<");
        assert_eq!(notice(&app), "no jump to go back from");
    }
}

#[test]
fn a_jump_whose_page_is_not_in_the_issue_says_so() {
    let mut app = feed_app(120, 40);
    press(&mut app, "j");
    assert!(status(&app).contains("> (下转3版)"));
    press(&mut app, ">");
    assert_eq!(app.article(), 1, "the reader stays");
    assert_eq!(notice(&app), "第3版 is not in this issue");
    // With no jump line on screen, `>` says so and Enter says nothing.
    press(&mut app, "j");
    press(&mut app, ">");
    assert_eq!(notice(&app), "no jump line on screen");
    press(&mut app, "l");
    press(&mut app, "enter");
    assert_eq!(notice(&app), "");
    assert_eq!(app.article(), 2);
}

#[test]
fn dump_names_each_page_as_the_screen_does() {
    let text = fs::read_to_string(FEED).unwrap();
    let issue = broadsheet::sources::read_issue(&text, Some("fuzhongxin_2026-03-05.xml"));
    let mut out = Vec::new();
    let options = broadsheet::typeset::Options::default();
    broadsheet::cli::dump::write_issue(&mut out, &issue, 60, &options).unwrap();
    let dump = String::from_utf8(out).unwrap();
    let headers: Vec<&str> = dump.lines().filter(|l| l.starts_with("第")).collect();
    assert_eq!(headers, ["第1版 要闻", "第2版 要闻", "第4版 评论"]);
    // Each header stands alone, right before the first headline of its page.
    let lines: Vec<&str> = dump.lines().collect();
    let at = lines.iter().position(|l| *l == "第2版 要闻").unwrap();
    assert_eq!((lines[at - 1], lines[at + 1]), ("", ""));
    assert!(lines[at + 2].starts_with("城市副中心绿心公园迎来首批游客"));
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn a_folder_issue_is_read_again_when_a_file_in_a_sub_folder_changes() {
    let dir = tempfile::tempdir().unwrap();
    let issue_dir = dir.path().join("2025-01-02");
    copy_dir(
        Path::new("tests/fixtures/sources/walk/2025-01-02"),
        &issue_dir,
    );
    let mut app = app_over(vec![issue_dir.clone()], 120, 40);
    assert_eq!(app.library().entries.len(), 1);
    let headlines = |app: &App| -> Vec<String> {
        (issue(app).articles.iter())
            .map(|a| a.headline.clone())
            .collect()
    };
    let before = headlines(&app);
    assert!(
        before.iter().any(|h| h.contains("看准了就抓紧干")),
        "{before:?}"
    );

    // The edit changes the file's size; the folder's own size and time do not change.
    let file = issue_dir.join("05-评论/看准了就抓紧干.md");
    let text = fs::read_to_string(&file).unwrap();
    let edited = text.replace("“看准了就抓紧干”", "看准了就干");
    fs::write(&file, edited).unwrap();
    press(&mut app, "R");
    let after = headlines(&app);
    assert!(after.iter().any(|h| h == "看准了就干"), "{after:?}");
}

/// On the corpus, when it is there: the rmrb-rss folder lists one issue
/// of 人民日报 per date, each with pages; and every jump line of every
/// corpus issue is followed or said to lead nowhere (counts printed).
#[test]
fn the_corpus_reads_by_pages_and_its_jumps_resolve() {
    let corpus = Path::new("../shared/corpus");
    if !corpus.is_dir() {
        println!("skipped: ../shared/corpus is not here");
        return;
    }
    let library = Library::open(&[corpus.join("rmrb-rss")], &LibraryOptions::default());
    let mut dates = Vec::new();
    for (index, entry) in library.entries.iter().enumerate() {
        assert_eq!(entry.paper, "人民日报", "{}", library.label(index));
        dates.push(entry.date);
    }
    let count = dates.len();
    dates.sort();
    dates.dedup();
    assert_eq!(dates.len(), count, "one issue per date");
    assert!(count >= 7, "{count} issues");

    let library = Library::open(&[corpus.to_path_buf()], &LibraryOptions::default());
    let (mut jumps, mut followed) = (0, 0);
    for index in 0..library.entries.len() {
        let Ok(decoded) = library.read_decoded(index) else {
            continue;
        };
        let name = library.file_name(index);
        let issue = broadsheet::sources::read_issue(&decoded.text, name.as_deref());
        for (a, article) in issue.articles.iter().enumerate() {
            for (b, block) in article.blocks.iter().enumerate() {
                if !matches!(block.kind, BlockKind::Jump { .. }) {
                    continue;
                }
                jumps += 1;
                match broadsheet::app::continuation(&issue, a, b) {
                    Ok(_) => followed += 1,
                    Err(why) => println!(
                        "{}: {:?} on {:?}: {why}",
                        library.label(index),
                        block.text,
                        article.page
                    ),
                }
            }
        }
    }
    println!("corpus jump lines: {jumps}, followed to their continuation: {followed}");
    assert!(followed > 0, "{followed} of {jumps}");
}
