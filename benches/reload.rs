//! `R` on a large archive: a reload against a warm start (`Library::open`
//! with the header cache warm), so the price of keeping the reader's place
//! (keys, parses carried over, layouts remapped) is measured.
//!
//! The archive: `$BROADSHEET_BENCH_ISSUES` (default 10,000) copies of the
//! sample with varied papers and dates, written to a temp folder.
// A bench that cannot set up has nothing to measure: it may stop there.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;

use broadsheet::app::{Action, App, Msg, Reloader};
use broadsheet::config::Config;
use broadsheet::library::{Library, LibraryOptions, RealFiles};
use broadsheet::store::State;
use broadsheet::typeset::AmbiguousWidth;
use criterion::{Criterion, criterion_group, criterion_main};
use support::{slow_group, temp_archive};

fn reload(c: &mut Criterion) {
    let (temp, root) = temp_archive(10_000);
    let options = LibraryOptions {
        cache_dir: Some(temp.path().join("state")),
        ..LibraryOptions::default()
    };
    let paths: Vec<PathBuf> = vec![root];
    let open = {
        let (paths, options) = (paths.clone(), options.clone());
        move |stdin: &mut dyn std::io::Read| {
            Library::open_with(&paths, &options, Arc::new(RealFiles), stdin)
        }
    };
    // Fill the header cache once, as an earlier session would have.
    let library = open(&mut std::io::empty());
    println!("archive: {} issues", library.entries.len());
    let mut app = App::new(
        library,
        &Config::default(),
        State::default(),
        AmbiguousWidth::Narrow,
    )
    .with_reloader(Reloader::new(open));
    support::send(&mut app, Msg::Resize(120, 40));
    support::send(&mut app, Msg::Frame);

    let mut group = slow_group(c, "reload");
    group.bench_function("warm start: Library::open", |b| {
        b.iter(|| black_box(Library::open(&paths, &options)))
    });
    group.bench_function("R: reload in the reader", |b| {
        b.iter(|| {
            support::send_action(&mut app, Action::Reload);
            support::send(&mut app, Msg::Frame);
        })
    });
    group.finish();
}

criterion_group!(benches, reload);
criterion_main!(benches);
