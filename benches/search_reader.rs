//! Search in the reader: a 1 MB paste into the prompt (RELIABILITY case 29),
//! a search over a 10 MB issue (hits found once per issue and query), `n`
//! through that issue, and a frame with the hits on screen lit, beside the
//! same frame with no search.

mod support;

use std::hint::black_box;

use broadsheet::app::keymap::parse_key;
use broadsheet::app::{Action, App, update};
use broadsheet::model::Issue;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::repeated_paragraphs;

const SIZE: (u16, u16) = (100, 30);

fn app() -> App {
    support::sample_app(SIZE.0, SIZE.1)
}

fn press(app: &mut App, spec: &str) {
    app.on_key(parse_key(spec).expect("a key spec"));
}

/// `/`, `query`, Enter.
fn search(app: &mut App, query: &str) {
    update(app, Action::Search);
    app.on_paste(query.to_owned());
    press(app, "enter");
    app.prepare_frame();
}

/// The sample with its first article's paragraphs repeated to `bytes`.
fn huge_issue(app: &App, bytes: usize) -> Issue {
    let mut issue = app.current_issue().expect("the sample parses").clone();
    issue.articles[0].blocks = repeated_paragraphs(&issue.articles[..1], bytes);
    issue
}

fn paste(c: &mut Criterion) {
    let mut app = app();
    let mut megabyte = String::new();
    while megabyte.len() < 1 << 20 {
        megabyte.push_str("城市副中心\n");
    }
    c.bench_function("1 MB paste into the prompt", |b| {
        b.iter_batched(
            || megabyte.clone(),
            |text| {
                update(&mut app, Action::Search);
                app.on_paste(black_box(text));
            },
            BatchSize::LargeInput,
        )
    });
}

fn big_issue(c: &mut Criterion) {
    let mut app = app();
    let issue = huge_issue(&app, 10 << 20);
    app.set_issue(0, issue);
    app.prepare_frame();
    let mut group = c.benchmark_group("10 MB issue");
    group.sample_size(10);
    group.bench_function("search 副中心 (Enter)", |b| {
        b.iter(|| {
            app.search.found = None;
            search(&mut app, "副中心");
        })
    });
    let hits = app.search.found.as_ref().map_or(0, |f| f.hits.len());
    eprintln!("10 MB issue: {hits} hits of 副中心");
    group.bench_function("n (next hit, scrolled to)", |b| {
        b.iter(|| {
            press(&mut app, "n");
            app.prepare_frame();
        })
    });
    group.finish();
}

fn frame(c: &mut Criterion, name: &str, app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("test backend");
    c.bench_function(name, |b| {
        b.iter(|| {
            let frame = terminal
                .draw(|frame| broadsheet::ui::render(black_box(app), frame))
                .expect("draw");
            black_box(frame.area);
        })
    });
}

fn frames(c: &mut Criterion) {
    let mut app = app();
    search(&mut app, "副中心");
    frame(c, "draw 100x30, 副中心 lit", &app);
    app.search.found = None;
    frame(c, "draw 100x30, no search", &app);
}

criterion_group!(benches, paste, big_issue, frames);
criterion_main!(benches);
