//! Search throughput (`crate::search`): a 10 MB article made of the
//! sample's paragraphs and one of the English fixture's, searched for common
//! and absent words, with and without case folding; one 10 MB paragraph;
//! a 10 MB Devanagari paragraph; and the worst cases for the matcher (every character a combining
//! sequence, so grapheme boundaries must be found; a run of one letter, so
//! every position is a candidate). The 1 MB and 10 MB rows of each case
//! show the cost grows with the text, not faster.
//! Throughput is input bytes per second (MB/s, decimal).
//!
//! Run: `cargo bench --bench search`.
// A bench that cannot set up has nothing to measure: it may stop there.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::hint::black_box;

use broadsheet::library::{SAMPLE_NAME, SAMPLE_TEXT};
use broadsheet::model::{Article, Block, BlockKind};
use broadsheet::parse::parse_issue;
use broadsheet::search::{Query, find_in_article};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use support::repeated_paragraphs;

const ENGLISH: &str = include_str!("../tests/fixtures/english-2024-03-12.md");
const MB: usize = 1_000_000;

/// The first article of `text` with its paragraphs repeated to `bytes`.
fn article_of(text: &str, name: &str, bytes: usize) -> Article {
    let issue = parse_issue(text, Some(name));
    let mut article = issue.articles[0].clone();
    article.blocks = repeated_paragraphs(&issue.articles, bytes);
    article
}

/// An article of one paragraph: `text`.
fn one_paragraph(text: String) -> Article {
    let mut article = article_of(SAMPLE_TEXT, SAMPLE_NAME, 0);
    article.blocks = vec![Block {
        kind: BlockKind::Paragraph,
        source: 0..text.len(),
        text,
        links: Vec::new(),
    }];
    article
}

fn size(article: &Article) -> usize {
    article.blocks.iter().map(|b| b.text.len()).sum()
}

fn run(c: &mut Criterion, group: &str, article: &Article, patterns: &[&str]) {
    let mut group = c.benchmark_group(group);
    group.sample_size(10);
    group.throughput(Throughput::Bytes(size(article) as u64));
    for pattern in patterns {
        let query = Query::new(pattern).expect("a valid pattern");
        let hits = find_in_article(&query, article).len();
        eprintln!("{pattern:?}: {hits} hits in {} bytes", size(article));
        group.bench_with_input(BenchmarkId::from_parameter(pattern), &query, |b, q| {
            b.iter(|| find_in_article(black_box(q), black_box(article)).len())
        });
    }
    group.finish();
}

fn search(c: &mut Criterion) {
    for (label, bytes) in [("1 MB", MB), ("10 MB", 10 * MB)] {
        let chinese = article_of(SAMPLE_TEXT, SAMPLE_NAME, bytes);
        run(
            c,
            &format!("chinese article {label}"),
            &chinese,
            &["副中心", "盘活存量低效用地", "ＡＢＣ", "zzz"],
        );
        let english = article_of(ENGLISH, "english-2024-03-12.md", bytes);
        run(
            c,
            &format!("english article {label}"),
            &english,
            &["the", "Tram", "library board", "zzz"],
        );
    }
    let paragraph = one_paragraph("城市副中心政务服务中心。".repeat(10 * MB / 36));
    run(c, "one 10 MB paragraph", &paragraph, &["服务", "zzz"]);
    // Devanagari: nearly every offset is next to a combining sign, so the
    // fast path rarely answers and a rare word must not cost a full
    // segmentation.
    let hindi = one_paragraph("नमस्ते दुनिया, आज का समाचार। ".repeat(10 * MB / 75));
    run(c, "hindi 10 MB", &hindi, &["समाचार", "संसार"]);
    for (label, bytes) in [("1 MB", MB), ("10 MB", 10 * MB)] {
        let marks = one_paragraph("e\u{301}".repeat(bytes / 3));
        run(
            c,
            &format!("combining marks {label}"),
            &marks,
            &["e", "e\u{301}"],
        );
        let letters = one_paragraph("a".repeat(bytes));
        run(c, &format!("one letter {label}"), &letters, &["aa", "ab"]);
    }
}

criterion_group!(benches, search);
criterion_main!(benches);
