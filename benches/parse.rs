//! Parsing: the sample issue whole (must stay well under a millisecond), its
//! header alone (run on every file of a large library), and long issues to
//! show the cost grows with the text, not faster. The `sources/` group reads
//! every issue of `../shared/corpus` (when it is there) through the input
//! layer: each must take at most 50 ms.
// A bench that cannot set up has nothing to measure: it may stop there.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use broadsheet::library::{Library, LibraryOptions, SAMPLE_NAME, SAMPLE_TEXT};
use broadsheet::parse::{parse_header, parse_issue};
use criterion::{Criterion, criterion_group, criterion_main};

fn parse(c: &mut Criterion) {
    c.bench_function("parse_issue/sample", |b| {
        b.iter(|| parse_issue(black_box(SAMPLE_TEXT), Some(SAMPLE_NAME)));
    });
    let cut = (0..=8 * 1024)
        .rev()
        .find(|&i| SAMPLE_TEXT.is_char_boundary(i))
        .unwrap_or(0);
    let head = &SAMPLE_TEXT[..cut];
    c.bench_function("parse_header/sample_8k_head", |b| {
        b.iter(|| parse_header(black_box(head), Some(SAMPLE_NAME)));
    });
    // Twenty copies of the sample's articles under one masthead (~260 KB).
    let body = &SAMPLE_TEXT[SAMPLE_TEXT.find("## ").unwrap_or(0)..];
    let long = format!(
        "{}{}",
        &SAMPLE_TEXT[..SAMPLE_TEXT.find("## ").unwrap_or(0)],
        body.repeat(20)
    );
    c.bench_function("parse_issue/sample_x20", |b| {
        b.iter(|| parse_issue(black_box(&long), Some(SAMPLE_NAME)));
    });
    // Plain text, one paragraph per line with no blank lines: one Markdown
    // block of 20,000 lines that the parser splits line by line.
    let plain = "市民反映的问题已经得到解决。\n".repeat(20_000);
    c.bench_function("parse_issue/plain_20k_lines", |b| {
        b.iter(|| parse_issue(black_box(&plain), Some("notice.txt")));
    });
}

/// Every corpus issue (a file, or a folder that is one issue), read and
/// parsed by `sources::read_issue` from its decoded text.
fn sources(c: &mut Criterion) {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !corpus.is_dir() {
        eprintln!("sources/: skipped, {} is absent", corpus.display());
        return;
    }
    let library = Library::open(&[corpus], &LibraryOptions::default());
    let mut group = c.benchmark_group("sources");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_secs(1));
    for index in 0..library.entries.len() {
        let Ok(text) = library.read(index) else {
            continue;
        };
        let name = library.file_name(index);
        let label = library.label(index);
        let short = label.rsplit('/').next().unwrap_or(&label).to_owned();
        group.bench_function(short, |b| {
            b.iter(|| broadsheet::sources::read_issue(black_box(&text), name.as_deref()));
        });
    }
    group.finish();
}

criterion_group!(benches, parse, sources);
criterion_main!(benches);
