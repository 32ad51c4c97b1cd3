//! Parsing: the sample issue whole (must stay well under a millisecond), its
//! header alone (run on every file of a large library), and long issues to
//! show the cost grows with the text, not faster.
// A bench that cannot set up has nothing to measure: it may stop there.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use broadsheet::library::{SAMPLE_NAME, SAMPLE_TEXT};
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

criterion_group!(benches, parse);
criterion_main!(benches);
