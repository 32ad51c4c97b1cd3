//! No lone last character (clreq: 段落末行不宜只有一个字), counted over
//! the sample at every width from 20 to 120, and over `../shared/corpus`
//! (skipped with a message when absent), with `widows = true` (first-fit,
//! as before) and with the default.

use std::ops::Range;
use std::path::{Path, PathBuf};

use broadsheet::layout::{ArticleLayout, Role, TextRef};
use broadsheet::library::{Library, LibraryOptions, SAMPLE_NAME, SAMPLE_TEXT};
use broadsheet::model::Issue;
use broadsheet::parse::parse_issue;
use broadsheet::sources::read_issue;
use broadsheet::typeset::Options;
use broadsheet::typeset::widow::has_lone_last;

/// Every width the sample is counted at.
const WIDTHS: std::ops::RangeInclusive<usize> = 20..=120;

/// The widths the corpus is counted at in the everyday run (a debug build
/// takes ten minutes for every width; `--ignored` counts them all).
const CORPUS_WIDTHS: [usize; 2] = [30, 80];

/// Paragraphs (at one width each) whose last line holds a lone character.
fn lone_last(issues: &[Issue], widths: &[usize], options: &Options) -> usize {
    let mut count = 0;
    for issue in issues {
        for article in &issue.articles {
            for &width in widths {
                let layout = ArticleLayout::new(article, width, options);
                let mut block: Option<(TextRef, Vec<Range<usize>>)> = None;
                let mut check = |block: Option<(TextRef, Vec<Range<usize>>)>| {
                    if let Some((text_ref, ranges)) = block {
                        let text = text_ref.resolve(article);
                        count += usize::from(has_lone_last(text, &ranges, options));
                    }
                };
                for line in layout.lines.iter().filter(|l| l.role == Role::Body) {
                    match &mut block {
                        Some((t, ranges)) if *t == line.text => ranges.push(line.range.clone()),
                        _ => check(block.replace((line.text, vec![line.range.clone()]))),
                    }
                }
                check(block);
            }
        }
    }
    count
}

fn before_and_after(issues: &[Issue], widths: &[usize]) -> (usize, usize) {
    let first_fit = Options {
        widows: true,
        ..Options::default()
    };
    (
        lone_last(issues, widths, &first_fit),
        lone_last(issues, widths, &Options::default()),
    )
}

#[test]
fn no_paragraph_of_the_sample_ends_with_a_lone_character() {
    let issues = [parse_issue(SAMPLE_TEXT, Some(SAMPLE_NAME))];
    let widths: Vec<usize> = WIDTHS.collect();
    let (before, after) = before_and_after(&issues, &widths);
    eprintln!("sample, widths 20-120: {before} lone last characters first-fit, {after} now");
    assert!(before > 0, "the sample has lone last characters first-fit");
    assert_eq!(after, 0);
}

#[test]
fn the_corpus_has_fewer_lone_last_characters() {
    corpus_lone_last(&CORPUS_WIDTHS);
}

/// The figure the README gives: `cargo test --release --test library
/// typeset::widows::every_width -- --ignored --nocapture`.
#[test]
#[ignore = "every width from 20 to 120 over the corpus: minutes in a debug build"]
fn the_corpus_at_every_width() {
    let widths: Vec<usize> = WIDTHS.collect();
    corpus_lone_last(&widths);
}

fn corpus_lone_last(widths: &[usize]) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !dir.is_dir() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let library = Library::open(&[dir as PathBuf], &LibraryOptions::default());
    let issues: Vec<Issue> = (0..library.entries.len())
        .filter_map(|i| {
            let text = library.read(i).ok()?;
            Some(read_issue(&text, library.file_name(i).as_deref()))
        })
        .collect();
    let (before, after) = before_and_after(&issues, widths);
    eprintln!(
        "corpus ({} issues), widths {widths:?}: {before} lone last characters first-fit, {after} now",
        issues.len()
    );
    assert!(after * 10 <= before, "{after} of {before} left");
}
