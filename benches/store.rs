//! Reading-state costs for a large history: 20,000 articles (about ten
//! years of a daily paper), each read, with positions and a star on every
//! tenth. The event loop saves on change (debounced) on its own thread of
//! control, so these bound how long one save can hold the screen; the
//! debounce path is what every key costs, and must do no I/O.
// A bench that cannot set up has nothing to measure: it may stop there.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use broadsheet::app::{App, Msg};
use broadsheet::config::Config;
use broadsheet::event_loop::settle;
use broadsheet::keys::parse_key;
use broadsheet::library::Library;
use broadsheet::store::{Place, Saver, State, Store};
use broadsheet::typeset::AmbiguousWidth;
use criterion::{Criterion, criterion_group, criterion_main};

const ARTICLES: usize = 20_000;

fn history() -> State {
    let mut state = State::default();
    for n in 0..ARTICLES {
        let id = format!(
            "北京城市副中心报/{:04}-{:02}-{:02}#{}",
            2012 + n / 2000,
            n / 160 % 12 + 1,
            n / 6 % 28 + 1,
            n % 6
        );
        state.set_read(&id, true);
        state.set_position(&id, n * 37);
        if n % 10 == 0 {
            state.toggle_star(&id);
        }
    }
    state
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, _) = Store::open_at(dir.path());
    let mut state = history();
    store.save(&state).expect("first save");
    let mut group = c.benchmark_group("store_20k_articles");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(8));
    group.bench_function("save_unchanged", |b| {
        b.iter(|| store.save(black_box(&state)).expect("save"))
    });
    group.bench_function("save_one_change", |b| {
        b.iter(|| {
            // Lock, re-read, merge, serialize, temp + fsync, rename, fsync folder.
            state.toggle_star("北京城市副中心报/2012-01-01#0");
            store.save(black_box(&state)).expect("save")
        })
    });
    group.bench_function("open", |b| b.iter(|| black_box(Store::open_at(dir.path()))));
    let other = history();
    group.bench_function("merge", |b| {
        b.iter(|| black_box(State::merged(&state, &other)))
    });
    group.bench_function("clone_state", |b| b.iter(|| black_box(state.clone())));
    group.finish();
    debounce(c, &state);
    let size = std::fs::metadata(dir.path().join("state.json")).map_or(0, |m| m.len());
    println!("state.json for {ARTICLES} articles: {} KiB", size / 1024);
}

/// What a key costs the saver: a new position for the open article (the
/// debounce armed, no copy of the state, no I/O), and the same place again.
fn debounce(c: &mut Criterion, state: &State) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (store, _) = Store::open_at(dir.path());
    let saver = Saver::new(store, state);
    let now = Instant::now();
    let mut position = 0;
    let mut group = c.benchmark_group("saver_per_key");
    group.bench_function("moved", |b| {
        b.iter(|| {
            position += 1;
            saver.moved(now, place(position));
            black_box(saver.deadline())
        })
    });
    group.bench_function("moved_same_place", |b| {
        b.iter(|| {
            saver.moved(now, place(position));
            black_box(saver.deadline())
        })
    });
    group.finish();
    assert_eq!(saver.writes(), 0, "the per-key path never writes");
    through_the_loop(c, state);
}

/// The whole per-key path as the event loop runs it: `j` / `k` in the open
/// article of a reader whose state holds the 20,000 articles, applied by
/// `settle`, which hands the new place to the saver. No write, no copy of
/// the state: the debounce only.
fn through_the_loop(c: &mut Criterion, state: &State) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (store, _) = Store::open_at(dir.path());
    let saver = Saver::new(store, state);
    let config = Config::default();
    let library = Library::sample();
    let mut app = App::new(library, &config, state.clone(), AmbiguousWidth::Narrow);
    settle(&mut app, Msg::Resize(100, 30), Some(&saver));
    settle(&mut app, Msg::Frame, Some(&saver));
    let key = |spec: &str| Msg::Key(parse_key(spec).expect("key spec"));
    settle(&mut app, key("l"), Some(&saver));
    settle(&mut app, Msg::Frame, Some(&saver));
    let before = saver.writes();
    let (down, up) = (key("j"), key("k"));
    let mut n = 0u64;
    c.bench_function("saver_per_key/j_in_the_article_through_settle", |b| {
        b.iter(|| {
            n += 1;
            let msg = if n.is_multiple_of(2) {
                down.clone()
            } else {
                up.clone()
            };
            black_box(settle(&mut app, msg, Some(&saver)))
        })
    });
    assert_eq!(saver.writes(), before, "keys alone never write");
    assert!(saver.deadline().is_some(), "the debounce is armed");
}

fn place(position: usize) -> Place<'static> {
    Place {
        issue: "/news/北京城市副中心报/2012-01-01.md",
        article: Some("北京城市副中心报/2012-01-01#0"),
        headline: "城市轨道交通新线今日开通",
        position: Some(position),
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
