//! `ArticleLayout::of_strings`, the fast path of `broadsheet search` (only
//! the strings a match is in are set), gives each string exactly the lines
//! the whole layout gives it: on the sample, every fixture issue and, when
//! present, the shared corpus, at narrow, middling and wide widths.
// Tests may unwrap, expect and panic: a failure is the report.

use std::path::Path;

use broadsheet::layout::{ArticleLayout, Line, Role, TextRef};
use broadsheet::model::Article;
use broadsheet::search::text_refs;
use broadsheet::typeset::Options;

const SAMPLE: &str = include_str!("../../assets/issues/bjfzxb-2022-02-13.md");

fn lines_of(lines: &[Line], text: TextRef) -> Vec<&Line> {
    lines
        .iter()
        .filter(|l| l.role != Role::Blank && l.text == text)
        .collect()
}

/// Every string of every article, alone and in pairs with the next, set on
/// its own as set within the whole.
fn check(label: &str, articles: &[Article]) {
    let options = Options::default();
    for article in articles {
        let refs = text_refs(article);
        for width in [9, 40, 98] {
            let whole = ArticleLayout::new(article, width, &options);
            for (n, &text) in refs.iter().enumerate() {
                let next = refs.get(n + 1).copied();
                let part = ArticleLayout::of_strings(article, width, &options, |t| {
                    t == text || Some(t) == next
                });
                for wanted in [Some(text), next].into_iter().flatten() {
                    assert_eq!(
                        lines_of(&part.lines, wanted),
                        lines_of(&whole.lines, wanted),
                        "{label}: {:?} {wanted:?} at {width}",
                        article.headline
                    );
                }
                let others = part
                    .lines
                    .iter()
                    .filter(|l| l.role != Role::Blank)
                    .all(|l| l.text == text || Some(l.text) == next);
                assert!(others, "{label}: only the strings asked for");
            }
        }
    }
}

fn check_file(path: &Path) {
    let Ok(bytes) = std::fs::read(path) else {
        return;
    };
    let text = String::from_utf8_lossy(&bytes);
    let name = path.file_name().and_then(|n| n.to_str());
    let issue = broadsheet::sources::read_issue(&text, name);
    check(&path.display().to_string(), &issue.articles);
}

#[test]
fn the_strings_of_the_sample_and_the_fixtures_set_alone_as_in_the_whole() {
    let issue = broadsheet::sources::read_issue(SAMPLE, Some("bjfzxb-2022-02-13.md"));
    assert!(!issue.articles.is_empty());
    check("sample", &issue.articles);
    let mut files = 0;
    for entry in std::fs::read_dir("tests/fixtures").unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            check_file(&path);
            files += 1;
        }
    }
    assert!(files > 5, "the fixtures are there");
}

#[test]
fn the_strings_of_the_corpus_set_alone_as_in_the_whole() {
    let corpus = Path::new("../shared/corpus");
    if !corpus.is_dir() {
        eprintln!("skipped: no corpus at {}", corpus.display());
        return;
    }
    let mut files: Vec<_> = walk(corpus);
    files.sort();
    // Every fourth file: all kinds of source, in a few seconds.
    for path in files.iter().step_by(4) {
        check_file(path);
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ["md", "txt", "xml"].contains(&e))
        {
            out.push(path);
        }
    }
    out
}
