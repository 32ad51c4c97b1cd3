//! The UNESCO Courier's OCR page dumps.

use std::collections::{BTreeMap, HashSet};

use broadsheet::model::Issue;
use broadsheet::sources::ocr::{self, Join, Words};

use super::corpus;

/// The block texts of an issue as its JSON carries them.
fn json_texts(issue: &Issue) -> Vec<String> {
    let json = serde_json::to_value(issue).unwrap();
    let mut texts = Vec::new();
    for article in json["articles"].as_array().unwrap() {
        for block in article["blocks"].as_array().unwrap() {
            texts.push(block["text"].as_str().unwrap().to_owned());
        }
    }
    texts
}

fn is_marker(line: &str) -> bool {
    line.starts_with("## [Page ")
        || line.starts_with("### IGNORE")
        || (line.starts_with("### ")
            && line[4..]
                .split(':')
                .next()
                .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())))
        || (line.starts_with("# [") && line.contains("]("))
}

fn letters(text: &str) -> BTreeMap<char, usize> {
    let mut counts = BTreeMap::new();
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        *counts.entry(c).or_default() += 1;
    }
    counts
}

/// Body lines of the source with their start offsets: not markers.
fn body_lines(text: &str) -> Vec<(usize, &str)> {
    let mut start = 0;
    let mut lines = Vec::new();
    for raw in text.split_inclusive('\n') {
        if !is_marker(raw.trim_end()) {
            lines.push((start, raw.trim_end()));
        }
        start += raw.len();
    }
    lines
}

#[test]
fn every_annotated_title_is_a_headline_and_no_page_marker_is_text() {
    let Some(files) = corpus::files("unesco-courier", "md") else {
        return;
    };
    let (mut titles, mut found) = (0, 0);
    for (name, text) in &files {
        let issue = ocr::read(text, Some(name));
        let heads: HashSet<&str> = issue.articles.iter().map(|a| a.headline.as_str()).collect();
        let wanted: HashSet<&str> = (text.lines())
            .filter_map(|l| l.strip_prefix("### "))
            .filter_map(|l| l.split_once(": "))
            .filter(|(id, _)| id.bytes().all(|b| b.is_ascii_digit()))
            .map(|(_, title)| title.trim())
            .collect();
        titles += wanted.len();
        found += wanted.iter().filter(|t| heads.contains(*t)).count();
        for block in json_texts(&issue) {
            assert!(
                !block.contains("[Page "),
                "{name}: a page marker in {block:.80}"
            );
            assert!(!block.contains("IGNORE"), "{name}: {block:.80}");
        }
        assert!(
            issue.warnings.iter().all(|w| w.chars().count() <= 120),
            "{name}"
        );
    }
    println!("unesco-courier: {found}/{titles} annotated titles are headlines");
    assert!(found * 100 >= titles * 90, "{found}/{titles}");
}

#[test]
fn hyphenated_line_ends_are_rejoined() {
    let Some(files) = corpus::files("unesco-courier", "md") else {
        return;
    };
    let (mut ends, mut split, mut agree, mut judged) = (0, 0, 0, 0);
    for (name, text) in &files {
        let words = Words::of(text);
        let lines = body_lines(text);
        let mut source_split = 0;
        for (index, (_, line)) in lines.iter().enumerate() {
            // A break at the line end is what the reader must mend, not a split in the source.
            source_split += split_count(line) - usize::from(ocr::hyphen_end(line));
            if !ocr::hyphen_end(line) {
                continue;
            }
            ends += 1;
            let left = line[..line.len() - 1]
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let next = lines[index + 1..]
                .iter()
                .map(|(_, l)| l.trim())
                .find(|l| !l.is_empty());
            let right = next
                .unwrap_or("")
                .split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            if let Some(truth) = ocr::evidence(left, right, &words) {
                judged += 1;
                let same = ocr::rule(left, right) == truth;
                agree += usize::from(same);
                if !same && std::env::var_os("SHOW_HYPHENS").is_some() {
                    println!(
                        "{left}-{right}: rule {:?}, document {truth:?}",
                        ocr::rule(left, right)
                    );
                }
            }
        }
        let issue = ocr::read(text, Some(name));
        let out: usize = json_texts(&issue).iter().map(|t| split_count(t)).sum();
        split += out.saturating_sub(source_split);
    }
    println!(
        "unesco-courier: {split}/{ends} hyphenated line ends left split; the rule alone agrees with the document's own words in {agree}/{judged}"
    );
    assert!(split * 100 <= ends * 5, "{split}/{ends}");
    assert!(agree * 100 >= judged * 90, "{agree}/{judged}");
    let _ = Join::Keep;
}

/// `com- munications` and a paragraph ending `com-`: a word split at a hyphen.
fn split_count(text: &str) -> usize {
    let chars: Vec<char> = text.trim_end().chars().collect();
    (1..chars.len())
        .filter(|&i| chars[i] == '-' && chars[i - 1].is_alphanumeric())
        .filter(|&i| chars.get(i + 1).is_none_or(|c| *c == ' '))
        .count()
}

#[test]
fn json_keeps_every_letter_of_the_text() {
    let Some(files) = corpus::files("unesco-courier", "md") else {
        return;
    };
    let mut left_out = 0;
    let mut total = 0;
    for (name, text) in &files {
        let issue = ocr::read(text, Some(name));
        let furniture: HashSet<usize> = ocr::furniture(text).into_iter().collect();
        let mut kept = String::new();
        let mut dropped = String::new();
        for (start, line) in body_lines(text) {
            let into = if furniture.contains(&start) {
                &mut dropped
            } else {
                &mut kept
            };
            into.push_str(line);
        }
        let json = json_texts(&issue).concat();
        assert_eq!(letters(&json), letters(&kept), "{name}: letters differ");
        left_out += dropped.chars().filter(|c| c.is_alphabetic()).count();
        total += letters(&kept).values().sum::<usize>();
    }
    println!(
        "unesco-courier: {left_out} letters in page numbers and running heads left out, of {total}"
    );
    assert!(
        left_out * 100 <= total,
        "furniture is {left_out} of {total} letters"
    );
}

#[test]
fn the_fixture_reads_as_its_pages_and_articles() {
    let text = corpus::fixture("ocr-pages.md");
    let issue = ocr::read(&text, Some("ocr-pages.md"));
    assert_eq!(issue.paper, "The UNESCO Courier");
    let pages = issue.pages.as_ref().unwrap();
    assert_eq!(pages.count, Some(4));
    assert_eq!(pages.list.len(), 4);
    let heads: Vec<&str> = issue.articles.iter().map(|a| a.headline.as_str()).collect();
    assert_eq!(
        heads,
        [ocr::UNINDEXED, "Lights along the coast", ocr::UNINDEXED]
    );
    let lights = &issue.articles[1];
    assert_eq!(lights.page.as_deref(), Some("2"));
    let texts: Vec<&str> = lights.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "LIGHTS ALONG THE COAST For two centuries the keepers of the northern lights kept a well-known service going through every storm. - a dash, not a list item # a line the scanner began with a hash",
            "CONTINUED ON NEXT PAGE",
            "and the last of them left in 1970, when the lamps were automated.",
        ]
    );
    let all: String = json_texts(&issue).concat();
    assert!(
        !all.contains("Unesco Courier - June"),
        "the running head is left out"
    );
    assert!(!all.contains("[Page"));
    assert_eq!(
        ocr::furniture(&text).len(),
        5,
        "three running heads and two page numbers"
    );
}
