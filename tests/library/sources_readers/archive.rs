//! One People's Daily article per file, from the 1946–2003 archive.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

use broadsheet::parse::markdown::is_cjk;
use broadsheet::sources::archive_article::{self, PAPER};

use super::corpus;

fn cjk(text: &str) -> BTreeMap<char, usize> {
    let mut counts = BTreeMap::new();
    for c in text.chars().filter(|&c| is_cjk(c) && !c.is_whitespace()) {
        *counts.entry(c).or_default() += 1;
    }
    counts
}

#[test]
fn the_1946_article_knows_its_paper_date_and_page() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/fangj-rmrb/example/1946年05月");
    let file = dir.join("1946-05-15_新华书店将出三种期刊.md");
    let Ok(text) = std::fs::read_to_string(&file) else {
        eprintln!("skipped: no corpus at {}", file.display());
        return;
    };
    let out = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .arg("json")
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let issue = &json[0];
    assert_eq!(issue["paper"], PAPER);
    assert_eq!(issue["date"], "1946-05-15");
    let article = &issue["articles"][0];
    assert_eq!(article["headline"], "新华书店将出三种期刊");
    assert_eq!(article["page"], "2");
    assert_eq!(issue["pages"]["list"][0]["number"], "2");
    // Every CJK character of the text is kept; the headline the body
    // repeats over itself is said once.
    let mut kept: String = article["headline"].as_str().unwrap().to_owned();
    for block in article["blocks"].as_array().unwrap() {
        kept.push_str(block["text"].as_str().unwrap());
    }
    let mut source = cjk(&text);
    for (c, n) in cjk(article["headline"].as_str().unwrap()) {
        *source.entry(c).or_default() -= n;
    }
    source.retain(|_, n| *n > 0);
    assert_eq!(
        cjk(&kept)
            .into_iter()
            .filter(|(c, _)| !"第版专栏：".contains(*c))
            .collect::<BTreeMap<_, _>>(),
        source
            .into_iter()
            .filter(|(c, _)| !"第版专栏：".contains(*c))
            .collect::<BTreeMap<_, _>>()
    );
    println!("fangj-rmrb: paper {PAPER}, date 1946-05-15, page 2");
}

#[test]
fn the_fixture_reads_with_its_column_and_named_page() {
    let text = corpus::fixture("archive-article.md");
    let issue = archive_article::read(&text, Some("1950-10-01_fixture.md"));
    assert_eq!(
        issue.date.map(|d| d.to_string()).as_deref(),
        Some("1950-10-01")
    );
    let article = &issue.articles[0];
    assert_eq!(article.kicker.as_deref(), Some("读者来信"));
    assert_eq!(article.page.as_deref(), Some("1"));
    let page = &issue.pages.as_ref().unwrap().list[0];
    assert_eq!(page.name.as_deref(), Some("要闻"));
    let texts: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts, ["【本报讯】第一段。", "第二段。"]);
}
