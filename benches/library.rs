//! Library start-up and issue switching, with the page cache warm.
//! Cold figures (page cache dropped) and peak memory come from
//! `benches/library.sh`, which needs a process per run.
//!
//! The archive: `$BROADSHEET_BENCH_ARCHIVE` (e.g. one written by
//! `cargo run --release --example gen-archive -- --issues 10000 DIR`), else
//! `$BROADSHEET_BENCH_ISSUES` (default 2,000) copies of the sample with
//! varied papers and dates, written to a temp folder.
// A bench that cannot set up has nothing to measure: it may stop there.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::hint::black_box;
use std::path::PathBuf;

use broadsheet::library::{Library, LibraryOptions, SAMPLE_TEXT, decode, sanitize};
use criterion::{Criterion, criterion_group, criterion_main};
use support::{slow_group, temp_archive};

fn archive() -> (Option<tempfile::TempDir>, PathBuf) {
    if let Some(dir) = std::env::var_os("BROADSHEET_BENCH_ARCHIVE") {
        return (None, PathBuf::from(dir));
    }
    let (temp, root) = temp_archive(2_000);
    (Some(temp), root)
}

fn library(c: &mut Criterion) {
    let (_keep, root) = archive();
    let state = tempfile::tempdir().expect("temp dir");
    let cached = LibraryOptions {
        cache_dir: Some(state.path().to_path_buf()),
        ..LibraryOptions::default()
    };
    let paths = [root];
    // Fill the header cache once.
    let warm = Library::open(&paths, &cached);
    println!("archive: {} issues", warm.entries.len());

    let mut group = slow_group(c, "library");
    group.bench_function("open, header cache warm", |b| {
        b.iter(|| black_box(Library::open(&paths, &cached)))
    });
    group.bench_function("open, no header cache", |b| {
        b.iter(|| black_box(Library::open(&paths, &LibraryOptions::default())))
    });
    group.finish();

    let mut index = 0;
    c.bench_function("switch: read + parse another issue", |b| {
        b.iter(|| {
            index = (index + 7) % warm.entries.len();
            let text = warm.read(index).unwrap_or_default();
            let name = warm.file_name(index);
            black_box(broadsheet::parse::parse_issue(&text, name.as_deref()))
        })
    });
}

fn decoding(c: &mut Criterion) {
    let gb18030 = encoding_rs::GB18030.encode(SAMPLE_TEXT).0.into_owned();
    c.bench_function("decode sample (UTF-8)", |b| {
        b.iter(|| black_box(decode(SAMPLE_TEXT.as_bytes(), decode::Extent::Whole)))
    });
    c.bench_function("decode sample (GB18030, detected)", |b| {
        b.iter(|| black_box(decode(&gb18030, decode::Extent::Whole)))
    });
    let hostile = SAMPLE_TEXT.replace('。', "。\x1b[31m\u{202E}\x1b]8;;http://x\x07");
    c.bench_function("sanitize sample (clean)", |b| {
        b.iter(|| black_box(sanitize(SAMPLE_TEXT)))
    });
    c.bench_function("sanitize sample (escapes in every sentence)", |b| {
        b.iter(|| black_box(sanitize(&hostile)))
    });
}

criterion_group!(benches, library, decoding);
criterion_main!(benches);
