//! Growth on hostile Markdown (docs/RELIABILITY.md §6 cases 22, 44, 45): each
//! input at size n and 2n through the whole `dump` chain (sanitize → parse
//! → typeset at width 80, written to a sink). Near-linear means the 2n run
//! costs about twice the n run; pulldown-cmark's old quadratic inputs would
//! show ~4×. Under `cargo bench` a paired timing (n and 2n alternately, so
//! both see the same load on this shared machine) prints the median ratio.
//!
//! A second group, `clusters/…`, doubles runs with no break point made of
//! flags, ZWJ emoji and combining marks from 50 KB to 800 KB through the
//! same chain at width 40 (`dump --width 40`), and prints t(4n)/t(n) for
//! 200 KB → 800 KB: linear segmentation keeps it near 4 (a run of flags
//! was quadratic: 16×).
//!
//! Run: `cargo bench --bench pathological` (`-- clusters` for the second
//! group alone).
// A bench that cannot set up has nothing to measure: it may stop there.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use broadsheet::cli::dump::write_issue;
use broadsheet::library::sanitize;
use broadsheet::parse::parse_issue;
use broadsheet::typeset::Options;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// A name, a generator of the Markdown body for `n`, and the base `n`.
type Case = (&'static str, fn(usize) -> String, usize);

fn numbered_line(n: usize) -> String {
    (0..n)
        .map(|i| format!("城市副中心政务服务中心由老厂房改造而成, open since {i}; "))
        .collect()
}

fn cases() -> Vec<Case> {
    vec![
        ("quotes", |n| ">".repeat(n) + " deep", 100_000),
        ("bullets", |n| "- ".repeat(n) + "deep", 100_000),
        ("ordered", |n| "1. ".repeat(n) + "deep", 50_000),
        ("link-openers", |n| "[a](<b".repeat(n), 50_000),
        ("emphasis", |n| "a***".repeat(n), 80_000),
        ("star-list", |n| "* ".repeat(n) + "a", 80_000),
        ("comments", |n| "!-- <".repeat(n), 5_000),
        ("footnote-runs", |n| "[^".repeat(n), 50_000),
        ("footnote-line-ends", |n| "a[^\n".repeat(n), 50_000),
        (
            "brackets",
            |n| "[".repeat(n) + "x" + &"]".repeat(n),
            100_000,
        ),
        ("backticks", |n| "`".repeat(n) + " code", 50_000),
        ("html-blocks", |n| "<div>\n".repeat(n), 50_000),
        // ~80 bytes a unit: 32,000 units ≈ 2.6 MB, 2n ≈ 5.2 MB.
        ("long-line", numbered_line, 32_000),
    ]
}

fn issue(body: &str) -> String {
    format!("# The Deep Courier\n\n## Headline\n\n{body}\n")
}

/// What `dump --width 80` does to one file's text; the bytes written.
fn dump_chain(text: &str, options: &Options) -> usize {
    dump_at(text, 80, options)
}

fn dump_at(text: &str, width: usize, options: &Options) -> usize {
    let clean = sanitize(text);
    let parsed = parse_issue(&clean, Some("deep-2024-03-12.md"));
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write_issue(&mut out, &parsed, width, options);
    out.len()
}

/// A name and a generator of a run of clusters with no break point,
/// `bytes` long (to a unit).
type Run = (&'static str, fn(usize) -> String);

fn cluster_cases() -> Vec<Run> {
    vec![
        ("flags", |bytes| "🇨🇳".repeat(bytes / 8)),
        ("zwj", |bytes| "👩\u{200D}🔬".repeat(bytes / 11)),
        ("marks", |bytes| "e\u{301}\u{302}\u{303}".repeat(bytes / 7)),
        ("one-cluster", |bytes| {
            "a".to_owned() + &"\u{301}".repeat(bytes / 2)
        }),
    ]
}

const CLUSTER_SIZES: [usize; 5] = [50_000, 100_000, 200_000, 400_000, 800_000];

fn clusters(c: &mut Criterion) {
    let options = Options::default();
    for (name, run) in cluster_cases() {
        let mut group = c.benchmark_group(format!("clusters/{name}"));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(2));
        for size in CLUSTER_SIZES {
            let text = issue(&run(size));
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
                b.iter(|| dump_at(black_box(text), 40, &options));
            });
        }
        group.finish();
    }
    if std::env::args().any(|a| a == "--bench") {
        for (name, run) in cluster_cases() {
            let (small, large) = (issue(&run(200_000)), issue(&run(800_000)));
            let time = |text: &str| {
                let start = Instant::now();
                black_box(dump_at(black_box(text), 40, &options));
                start.elapsed().as_secs_f64()
            };
            let mut ratios: Vec<f64> = (0..5).map(|_| time(&large) / time(&small)).collect();
            println!(
                "paired clusters/{name}: t(4n)/t(n) = {:.2} for 200 KB → 800 KB (median of 5)",
                median(&mut ratios)
            );
        }
    }
}

fn growth(c: &mut Criterion) {
    let options = Options::default();
    for (name, body, n) in cases() {
        let mut group = c.benchmark_group(format!("pathological/{name}"));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(3));
        for size in [n, 2 * n] {
            let text = issue(&body(size));
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
                b.iter(|| dump_chain(black_box(text), &options));
            });
        }
        group.finish();
    }
    // `cargo bench` passes `--bench`; `cargo test --benches` runs each
    // benchmark once as a smoke test and skips this.
    if std::env::args().any(|a| a == "--bench") {
        for (name, body, n) in cases() {
            paired_ratio(name, &issue(&body(n)), &issue(&body(2 * n)), &options);
        }
    }
}

/// t(2n) / t(n), timed alternately for 7 rounds; prints the medians.
fn paired_ratio(name: &str, small: &str, large: &str, options: &Options) {
    let time = |text: &str| {
        let start = Instant::now();
        black_box(dump_chain(black_box(text), options));
        start.elapsed().as_secs_f64()
    };
    let (mut smalls, mut ratios) = (Vec::new(), Vec::new());
    for _ in 0..7 {
        let a = time(small);
        let b = time(large);
        smalls.push(a);
        ratios.push(b / a);
    }
    println!(
        "paired {name}: n {:.1} ms ({} bytes), t(2n)/t(n) = {:.2} (median of 7)",
        median(&mut smalls) * 1e3,
        small.len(),
        median(&mut ratios)
    );
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

criterion_group!(benches, growth, clusters);
criterion_main!(benches);
