//! 新闻联播 transcripts, read through the command line as a user would.

use std::collections::BTreeMap;
use std::process::Command;

use broadsheet::parse::markdown::is_cjk;
use broadsheet::sources::transcript::{self, NO_TITLE};

use super::corpus;

fn broadsheet(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The CJK characters of a text, counted.
fn cjk(text: &str) -> BTreeMap<char, usize> {
    let mut counts = BTreeMap::new();
    // An ideographic space is space, which HTML collapses.
    for c in text.chars().filter(|&c| is_cjk(c) && !c.is_whitespace()) {
        *counts.entry(c).or_default() += 1;
    }
    counts
}

/// The source's readable text: tags and entities stripped (no CJK hides in
/// either in these files).
fn readable(text: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn all_strings(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::String(s) => out.push_str(s),
        serde_json::Value::Array(items) => items.iter().for_each(|v| all_strings(v, out)),
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                // Ids and URLs repeat text; count what a reader reads.
                if key != "id" && key != "url" {
                    all_strings(v, out);
                }
            }
        }
        _ => {}
    }
}

#[test]
fn every_story_is_an_article_of_one_dated_programme() {
    let Some(files) = corpus::files("xin-wen-lian-bo", "md") else {
        return;
    };
    let folder = format!(
        "{}/../shared/corpus/xin-wen-lian-bo",
        env!("CARGO_MANIFEST_DIR")
    );
    let json: serde_json::Value = serde_json::from_str(&broadsheet(&["json", &folder])).unwrap();
    let mut issues: Vec<&serde_json::Value> = json.as_array().unwrap().iter().collect();
    issues.sort_by_key(|i| i["date"].as_str().unwrap_or("").to_owned());
    assert_eq!(issues.len(), files.len());
    let (mut stories, mut found) = (0, 0);
    let mut papers = std::collections::BTreeSet::new();
    for (issue, (name, text)) in issues.iter().zip(&files) {
        papers.insert(issue["paper"].as_str().unwrap().to_owned());
        let date = issue["date"]
            .as_str()
            .unwrap_or_else(|| panic!("{name}: undated"));
        assert_eq!(
            date.replace('-', ""),
            name.trim_end_matches(".md"),
            "{name}"
        );
        let wanted: Vec<&str> = (text.lines())
            .filter_map(|l| l.strip_prefix("### "))
            .map(|h| {
                if h.trim() == "undefined" {
                    NO_TITLE
                } else {
                    h.trim()
                }
            })
            .collect();
        let heads: Vec<&str> = (issue["articles"].as_array().unwrap().iter())
            .map(|a| a["headline"].as_str().unwrap())
            .collect();
        stories += wanted.len();
        found += wanted.iter().filter(|w| heads.contains(w)).count();
        let mut kept = String::new();
        all_strings(issue, &mut kept);
        // JSON may say a thing twice (a section is a page's name and the
        // summary's headline); it may not say anything less.
        let kept = cjk(&kept);
        let lost: Vec<char> = (cjk(&readable(text)).into_iter())
            .filter(|(c, n)| kept.get(c).copied().unwrap_or(0) < *n)
            .map(|(c, _)| c)
            .collect();
        assert!(lost.is_empty(), "{name}: CJK characters lost: {lost:?}");
    }
    println!("xin-wen-lian-bo: {found}/{stories} stories are articles; papers {papers:?}");
    assert_eq!(found, stories);
    assert_eq!(papers.len(), 1, "{papers:?}");
}

#[test]
fn dump_has_no_tags_or_entities() {
    if corpus::files("xin-wen-lian-bo", "md").is_none() {
        return;
    }
    let folder = format!(
        "{}/../shared/corpus/xin-wen-lian-bo",
        env!("CARGO_MANIFEST_DIR")
    );
    let dump = broadsheet(&["dump", &folder]);
    let tags =
        dump.matches("<p").count() + dump.matches("</").count() + dump.matches("<br").count();
    let entities = dump.matches("&nbsp;").count() + dump.matches("&#").count();
    println!("xin-wen-lian-bo: {tags} tags, {entities} entities in dump");
    assert_eq!(tags + entities, 0);
    assert!(!dump.contains("undefined"));
}

#[test]
fn the_fixture_reads_as_sections_and_stories() {
    let text = corpus::fixture("transcript-2024-02-29.md");
    assert!(transcript::is_transcript(&text));
    let issue = transcript::read(&text, Some("transcript-2024-02-29.md"));
    assert_eq!(issue.paper, "《晚间新闻》");
    assert_eq!(
        issue.date.map(|d| d.to_string()).as_deref(),
        Some("2024-02-29")
    );
    let heads: Vec<&str> = issue.articles.iter().map(|a| a.headline.as_str()).collect();
    assert_eq!(heads, ["新闻摘要", "会议在京召开", "两地合作"]);
    let story = &issue.articles[1];
    assert_eq!(story.page.as_deref(), Some("2"));
    let texts: Vec<&str> = story.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts[0], "央视网消息（晚间新闻）：会议2月29日在京召开。");
    assert!(
        texts
            .iter()
            .all(|t| !t.contains('<') && !t.contains("&nbsp;"))
    );
    assert_eq!(texts.last(), Some(&"查看原文"));
    assert_eq!(
        story.blocks.last().unwrap().links[0].url,
        "https://example.com/a.shtml"
    );
    let summary: Vec<&str> = issue.articles[0]
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        summary,
        [
            "本期节目主要内容：",
            "1.会议在京召开；",
            "2.两地合作：",
            "（1）第一项；"
        ]
    );
}
