//! Typesetting throughput: the sample issue and a 10 MB repetition of it,
//! wrapped paragraph by paragraph at widths 40 and 80, by broadsheet (UAX
//! #14 + clreq, grapheme clusters, ambiguous-width policy) and, on the same
//! input in the same run, by textwrap 0.16 first-fit (plain UAX #14 words,
//! no kinsoku). Throughput is input bytes per second (MB/s, decimal).
//!
//! Run: `cargo bench --bench typeset`.
// A bench that cannot set up has nothing to measure: it may stop there.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use broadsheet::typeset::{self, Options};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

const SAMPLE: &str = include_str!("../assets/issues/bjfzxb-2022-02-13.md");
const BIG: usize = 10_000_000;

fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n")
        .map(|p| p.trim_start_matches('#').trim())
        .filter(|p| !p.is_empty())
        .collect()
}

fn ours(paragraphs: &[&str], width: usize, options: &Options) -> usize {
    let mut lines = 0;
    for p in paragraphs {
        let indent = typeset::first_line_indent(p, options);
        lines += black_box(typeset::wrap(black_box(p), width, indent, options)).len();
    }
    lines
}

fn textwrap_first_fit(paragraphs: &[&str], width: usize) -> usize {
    let options = textwrap::Options::new(width).wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    let mut lines = 0;
    for p in paragraphs {
        lines += black_box(textwrap::wrap(black_box(p), &options)).len();
    }
    lines
}

fn bench_input(c: &mut Criterion, name: &str, text: &str, samples: usize) {
    let paragraphs = paragraphs(text);
    let bytes: usize = paragraphs.iter().map(|p| p.len()).sum();
    let options = Options::default();
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::BytesDecimal(bytes as u64));
    group.sample_size(samples);
    group.measurement_time(Duration::from_secs(if samples > 10 { 3 } else { 8 }));
    group.warm_up_time(Duration::from_secs(1));
    for width in [40, 80] {
        group.bench_with_input(BenchmarkId::new("broadsheet", width), &width, |b, &w| {
            b.iter(|| ours(&paragraphs, w, &options))
        });
        group.bench_with_input(
            BenchmarkId::new("textwrap-first-fit", width),
            &width,
            |b, &w| b.iter(|| textwrap_first_fit(&paragraphs, w)),
        );
    }
    group.finish();
}

/// The two wrappers timed alternately, round after round, so both see the
/// same machine load (this machine is shared); prints the median MB/s of
/// each and the median of the per-round ratios.
fn paired_ratio(name: &str, text: &str, rounds: usize) {
    let paragraphs = paragraphs(text);
    let mb = paragraphs.iter().map(|p| p.len()).sum::<usize>() as f64 / 1e6;
    let options = Options::default();
    let repeat = (20.0 / mb).ceil().max(1.0) as usize;
    for width in [40, 80] {
        let (mut ours_mbs, mut theirs_mbs, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..rounds {
            let start = Instant::now();
            for _ in 0..repeat {
                black_box(ours(&paragraphs, width, &options));
            }
            let a = mb * repeat as f64 / start.elapsed().as_secs_f64();
            let start = Instant::now();
            for _ in 0..repeat {
                black_box(textwrap_first_fit(&paragraphs, width));
            }
            let b = mb * repeat as f64 / start.elapsed().as_secs_f64();
            ours_mbs.push(a);
            theirs_mbs.push(b);
            ratios.push(a / b);
        }
        println!(
            "paired {name} width {width}: broadsheet {:.1} MB/s, textwrap first-fit {:.1} MB/s, ratio {:.2}x (median of {rounds})",
            median(&mut ours_mbs),
            median(&mut theirs_mbs),
            median(&mut ratios)
        );
    }
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn typesetting(c: &mut Criterion) {
    bench_input(c, "sample", SAMPLE, 50);
    let big = SAMPLE.repeat(BIG / SAMPLE.len() + 1);
    bench_input(c, "10MB", &big, 10);
    // `cargo bench` passes `--bench`; under `cargo test --benches` criterion
    // runs each benchmark once as a smoke test and the paired timing is skipped.
    if std::env::args().any(|a| a == "--bench") {
        paired_ratio("sample", SAMPLE, 9);
        paired_ratio("10MB", &big, 5);
    }
}

criterion_group!(benches, typesetting);
criterion_main!(benches);
