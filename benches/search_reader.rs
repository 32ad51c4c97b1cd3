//! Search in the reader: a 1 MB paste into the prompt (docs/RELIABILITY.md §6 case 29),
//! a search over a 10 MB issue (hits found once per issue and query), `n`
//! through that issue, and a frame with the hits on screen lit, beside the
//! same frame with no search.
// A bench that cannot set up has nothing to measure: it may stop there.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::hint::black_box;

use broadsheet::app::{Action, App, Msg};
use broadsheet::keys::parse_key;
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
    support::send(app, Msg::Key(parse_key(spec).expect("a key spec")));
}

/// `/`, `query`, Enter.
fn search(app: &mut App, query: &str) {
    support::send_action(app, Action::Search);
    support::send(app, Msg::Paste(query.to_owned()));
    press(app, "enter");
    support::send(app, Msg::Frame);
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
                support::send_action(&mut app, Action::Search);
                support::send(&mut app, Msg::Paste(black_box(text)));
            },
            BatchSize::LargeInput,
        )
    });
}

fn big_issue(c: &mut Criterion) {
    let mut app = app();
    let issue = huge_issue(&app, 10 << 20);
    support::send(&mut app, Msg::SetIssue(0, Box::new(issue)));
    support::send(&mut app, Msg::Frame);
    let mut group = c.benchmark_group("10 MB issue");
    group.sample_size(10);
    group.bench_function("search 副中心 (Enter)", |b| {
        b.iter(|| {
            // Esc clears the search in force.
            support::send_action(&mut app, Action::Back);
            search(&mut app, "副中心");
        })
    });
    let hits = app.search().found.as_ref().map_or(0, |f| f.hits.len());
    eprintln!("10 MB issue: {hits} hits of 副中心");
    group.bench_function("n (next hit, scrolled to)", |b| {
        b.iter(|| {
            press(&mut app, "n");
            support::send(&mut app, Msg::Frame);
        })
    });
    group.finish();
}

fn frame(c: &mut Criterion, name: &str, app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("test backend");
    let theme = support::theme();
    c.bench_function(name, |b| {
        b.iter(|| {
            let frame = terminal
                .draw(|frame| broadsheet::ui::render(black_box(app), &theme, frame))
                .expect("draw");
            black_box(frame.area);
        })
    });
}

fn frames(c: &mut Criterion) {
    let mut app = app();
    search(&mut app, "副中心");
    frame(c, "draw 100x30, 副中心 lit", &app);
    support::send_action(&mut app, Action::Back);
    support::send(&mut app, Msg::Frame);
    frame(c, "draw 100x30, no search", &app);
}

criterion_group!(benches, paste, big_issue, frames);
criterion_main!(benches);
