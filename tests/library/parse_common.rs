//! Helpers shared by the parser tests: the model's text in reading order,
//! and the "nothing lost" and "source ranges hold" checks.
#![allow(dead_code)]

use broadsheet::model::{Article, Block, BlockKind, Issue, JumpDirection};
use broadsheet::parse::parse_issue;

/// The fixture `tests/fixtures/{name}`: its text and the issue parsed from it.
pub fn fixture(name: &str) -> (String, Issue) {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let issue = parse_issue(&text, Some(name));
    (text, issue)
}

/// The block's printed text with its extra field (sub-head deck, credit).
pub fn block_text(block: &Block) -> String {
    match &block.kind {
        BlockKind::Subhead { deck: Some(extra) }
        | BlockKind::Caption {
            credit: Some(extra),
        } => {
            format!("{}{extra}", block.text)
        }
        _ => block.text.clone(),
    }
}

/// Every field of an article, in reading order; captions optional.
fn article_text_with(article: &Article, captions: bool) -> String {
    let mut text = String::new();
    for field in [
        &article.kicker,
        &Some(article.headline.clone()),
        &article.deck,
        &article.byline,
    ] {
        text.extend(field.as_deref());
    }
    for block in &article.blocks {
        if captions || !matches!(block.kind, BlockKind::Caption { .. }) {
            text.push_str(unbulleted(&block_text(block)));
        }
    }
    text
}

pub fn article_text(article: &Article) -> String {
    article_text_with(article, true)
}

pub fn paragraphs(article: &Article) -> Vec<&str> {
    let kinds = article.blocks.iter();
    kinds
        .filter(|b| b.kind == BlockKind::Paragraph)
        .map(|b| b.text.as_str())
        .collect()
}

pub fn captions(article: &Article) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    for block in &article.blocks {
        if let BlockKind::Caption { credit } = &block.kind {
            out.push((block.text.clone(), credit.clone()));
        }
    }
    out
}

pub fn jumps(article: &Article) -> Vec<(JumpDirection, String)> {
    let mut out = Vec::new();
    for block in &article.blocks {
        if let BlockKind::Jump { direction, page } = &block.kind {
            out.push((*direction, page.clone()));
        }
    }
    out
}

fn visible(text: &str) -> Vec<char> {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn is_subsequence(needle: &[char], hay: &[char]) -> bool {
    let mut hay = hay.iter();
    needle.iter().all(|c| hay.any(|h| h == c))
}

/// The glyphs the model shows for a bullet list item's marker, by depth.
const BULLETS: [char; 3] = ['•', '◦', '▪'];

/// A bullet list marker (`-`, `*`, `+` and a space) starting `line`.
fn bullet_marker(line: &str) -> Option<usize> {
    let rest = line.trim_start();
    let marked = rest.starts_with(['-', '*', '+']) && rest[1..].starts_with([' ', '\t']);
    marked.then(|| line.len() - rest.len() + 1)
}

/// The source without Markdown syntax (`#` heading marks, bullet list
/// markers) and without the date line (whose parts are checked field by
/// field). A bullet marker is syntax: the model shows a bullet glyph in its
/// place, which `article_text` leaves out in turn. An ordered list's number
/// is text as printed, and is kept on both sides.
fn source_text(source: &str, date_line: Option<&str>) -> String {
    let mut out = String::new();
    for line in source.lines() {
        if date_line.is_some_and(|d| line.trim() == d) {
            continue;
        }
        let line = bullet_marker(line).map_or(line, |end| &line[end..]);
        out.push_str(line.trim_start_matches('#'));
        out.push('\n');
    }
    out
}

/// A block's text without the bullet glyph that stands for its list marker.
fn unbulleted(text: &str) -> &str {
    text.strip_prefix(BULLETS)
        .filter(|rest| rest.starts_with(' '))
        .unwrap_or(text)
}

/// Every non-whitespace character of the source (Markdown syntax and the
/// date line aside) is in exactly one field or block, and the text outside
/// captions keeps the source's order.
pub fn assert_nothing_lost(source: &str, issue: &Issue, date_line: Option<&str>) {
    let mut model = String::new();
    let masthead = |l: &str| {
        l.strip_prefix("# ")
            .is_some_and(|p| p.trim() == issue.paper)
    };
    if !issue.paper.is_empty() && source.lines().any(masthead) {
        model.push_str(&issue.paper);
    }
    // The masthead may follow front lines; order is checked from the front on.
    let mut ordered = String::new();
    for line in &issue.front {
        model.push_str(unbulleted(line));
        ordered.push_str(unbulleted(line));
    }
    for article in &issue.articles {
        model.push_str(&article_text(article));
        ordered.push_str(&article_text_with(article, false));
    }
    let source = visible(&source_text(source, date_line));
    let (mut want, mut got) = (source.clone(), visible(&model));
    want.sort_unstable();
    got.sort_unstable();
    if want != got {
        let extra: String = got.iter().filter(|c| !want.contains(c)).collect();
        let missing: String = want.iter().filter(|c| !got.contains(c)).collect();
        panic!(
            "characters differ; missing {missing:?}, extra {extra:?} ({} vs {})",
            want.len(),
            got.len()
        );
    }
    assert!(
        is_subsequence(&visible(&ordered), &source),
        "text outside captions is out of order"
    );
}

/// Every block's range is inside the source and holds the block's text.
pub fn assert_sources_hold(source: &str, issue: &Issue) {
    for article in &issue.articles {
        for block in &article.blocks {
            let range = block.source.clone();
            assert!(
                range.start < range.end && range.end <= source.len(),
                "{range:?}"
            );
            let slice = &source[range.clone()];
            // A list item's bullet glyph stands for the marker its range starts at.
            let (text, slice) = match bullet_marker(slice) {
                Some(end) if unbulleted(&block.text) != block.text => {
                    (unbulleted(&block.text).to_owned(), &slice[end..])
                }
                _ => (block_text(block), slice),
            };
            let (text, slice) = (visible(&text), visible(slice));
            assert!(
                is_subsequence(&text, &slice),
                "{:?} not in {range:?}",
                block.text
            );
            assert_eq!(
                text.first(),
                slice.first(),
                "{:?} starts elsewhere",
                block.text
            );
            if matches!(block.kind, BlockKind::Paragraph | BlockKind::Jump { .. }) {
                assert_eq!(text.last(), slice.last(), "{:?} ends elsewhere", block.text);
            }
        }
    }
}
