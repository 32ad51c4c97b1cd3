//! The reader's first frame, before and after the word segmenter is loaded;
//! one frame of the reader — a one-line scroll, then drawing into a
//! `TestBackend` — for the sample article and for a 10 MB article. The body
//! is wrapped once per (article, width, options) and only the visible slice
//! is drawn, so the two should cost about the same.
// A bench that cannot set up has nothing to measure: it may stop there.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::hint::black_box;

use broadsheet::app::{App, Msg};
use broadsheet::keys::parse_key;
use broadsheet::model::Issue;
use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::KeyEvent;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::repeated_paragraphs;

const SIZE: (u16, u16) = (100, 30);

fn app() -> App {
    let mut app = support::sample_app(SIZE.0, SIZE.1);
    support::send(&mut app, Msg::Key(key("l")));
    support::send(&mut app, Msg::Frame);
    app
}

fn key(spec: &str) -> KeyEvent {
    parse_key(spec).expect("a default key spec")
}

/// The sample's first article with its paragraphs repeated to `bytes`.
fn huge_issue(app: &App, bytes: usize) -> Issue {
    let mut issue = app.current_issue().expect("the sample parses").clone();
    issue.articles[0].blocks = repeated_paragraphs(&issue.articles[..1], bytes);
    issue
}

/// Press `keys.0` and `keys.1` in turn, drawing after each.
fn press_and_draw(c: &mut Criterion, name: &str, app: &mut App, keys: (&str, &str)) {
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("test backend");
    let (there, back) = (key(keys.0), key(keys.1));
    let mut flip = false;
    let theme = support::theme();
    c.bench_function(name, |b| {
        b.iter(|| {
            flip = !flip;
            support::send(app, Msg::Key(if flip { there } else { back }));
            // As the event loop does: the layout is made for the frame.
            support::send(app, Msg::Frame);
            let frame = terminal
                .draw(|frame| broadsheet::ui::render(black_box(&*app), &theme, frame))
                .expect("draw");
            black_box(frame.area);
        })
    });
}

fn scroll_and_draw(c: &mut Criterion, name: &str, mut app: App) {
    // Both directions need room.
    support::near_the_end(&mut app);
    press_and_draw(c, name, &mut app, ("j", "k"));
}

/// Switching article lays the new one out (once) and draws it.
fn switch_and_draw(c: &mut Criterion) {
    press_and_draw(
        c,
        "switch article+draw 100x30, sample",
        &mut app(),
        ("J", "K"),
    );
}

/// The reader's first frame: the app made, the sample's first article laid
/// out at 100x30 and drawn. Run first, before the word segmenter is loaded
/// (as the reader draws it: the dictionary is built after it, on a thread),
/// then with the dictionary built (headings segmented), after timing the
/// build once.
fn first_frame(c: &mut Criterion) {
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("test backend");
    let theme = support::theme();
    let mut one = |name: &str| {
        c.bench_function(name, |b| {
            b.iter(|| {
                let app = support::sample_app(SIZE.0, SIZE.1);
                let frame = terminal
                    .draw(|frame| broadsheet::ui::render(black_box(&app), &theme, frame))
                    .expect("draw");
                black_box(frame.area);
            })
        });
    };
    one("first frame 100x30, sample, before the dictionary");
    let started = std::time::Instant::now();
    broadsheet::typeset::words::load();
    eprintln!("word segmenter dictionary built in {:?}", started.elapsed());
    one("first frame 100x30, sample, headings between words");
}

fn frames(c: &mut Criterion) {
    first_frame(c);
    switch_and_draw(c);
    scroll_and_draw(c, "scroll+draw 100x30, sample article", app());
    let mut big = app();
    let issue = huge_issue(&big, 10 * 1024 * 1024);
    support::send(&mut big, Msg::SetIssue(0, Box::new(issue)));
    support::send(&mut big, Msg::Frame);
    let lines = big.view().map_or(0, |v| v.layout.lines.len());
    eprintln!("10 MB article: {lines} lines at width 80");
    scroll_and_draw(c, "scroll+draw 100x30, 10 MB article", big);
}

criterion_group!(benches, frames);
criterion_main!(benches);
