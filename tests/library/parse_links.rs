//! Links through the whole parser, JSON and dump: every link's range slices
//! to its text after trimming, column-break rejoins, caption and jump
//! splitting; URLs reach JSON whole and dump as numbered notes that fit.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::parse_common;

use std::process::Command;

use broadsheet::cli::dump::write_issue;
use broadsheet::model::{Article, Block, BlockKind, HeadField, HeadLink, Issue};
use broadsheet::parse::parse_issue;
use broadsheet::typeset::{AmbiguousWidth, Options, str_width};
use parse_common::{assert_nothing_lost, assert_sources_hold, paragraphs};

const NAME: &str = "links-2024-03-20.md";

fn fixture() -> (String, Issue) {
    let path = format!("{}/tests/fixtures/{NAME}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let issue = parse_issue(&text, Some(NAME));
    (text, issue)
}

/// Each link of a block as (its text, its URL).
fn links(block: &Block) -> Vec<(&str, &str)> {
    (block.links.iter())
        .map(|l| (&block.text[l.range.clone()], l.url.as_str()))
        .collect()
}

/// The text of a head link, sliced from its field.
fn head_text<'a>(article: &'a Article, link: &HeadLink) -> &'a str {
    &article.head_field(link.field).unwrap()[link.range.clone()]
}

/// The fixture without link syntax: what "nothing lost" expects in the model.
fn without_link_syntax(source: &str) -> String {
    let mut out = String::new();
    for line in source.lines().filter(|l| !l.starts_with("[council]:")) {
        let mut rest = line;
        while let Some(at) = rest.find(['[', ']', '<', '>', '!']) {
            out.push_str(&rest[..at]);
            let tail = &rest[at..];
            let skip = if let Some(url) = tail.strip_prefix("](") {
                2 + url.find(')').map_or(url.len(), |e| e + 1)
            } else if let Some(label) = tail.strip_prefix("][") {
                2 + label.find(']').map_or(label.len(), |e| e + 1)
            } else {
                1
            };
            rest = &tail[skip..];
        }
        out.push_str(rest);
        out.push('\n');
    }
    out
}

#[test]
fn every_link_slices_to_its_text_and_keeps_its_url() {
    let (_, issue) = fixture();
    let [port, zh] = &issue.articles[..] else {
        panic!("{:#?}", issue.articles)
    };
    let head: Vec<(HeadField, &str, &str)> = (port.head_links.iter())
        .map(|l| (l.field, head_text(port, l), l.url.as_str()))
        .collect();
    assert_eq!(
        head,
        [
            (
                HeadField::Headline,
                "Dredging Plan",
                "https://port.example/plan"
            ),
            (
                HeadField::Byline,
                "Ann Lee",
                "https://gazette.example/staff/ann-lee"
            ),
        ]
    );
    assert!(zh.head_links.is_empty());
    let body = paragraphs(port);
    assert_eq!(body.len(), 2, "{body:?}");
    assert!(body[0].contains("talks with fishing crews"), "rejoined");
    let all: Vec<(&str, &str)> = port.blocks.iter().flat_map(links).collect();
    assert_eq!(
        all,
        [
            ("port authority", "https://port.example/"),
            (
                "the harbour council",
                "https://council.example/minutes?id=7&lang=en"
            ),
            (
                "https://port.example/plan/2024/schedule-of-works-outer-harbour.pdf",
                "https://port.example/plan/2024/schedule-of-works-outer-harbour.pdf"
            ),
            (
                "Dredgers at work in the outer harbour.",
                "https://img.example/dredgers.jpg"
            ),
            (
                "Continued on Page 3",
                "https://gazette.example/2024-03-20/p3"
            ),
        ]
    );
    let kinds: Vec<&BlockKind> = port.blocks.iter().map(|b| &b.kind).collect();
    assert!(
        matches!(kinds[1], BlockKind::Caption { credit: Some(_) }),
        "{kinds:?}"
    );
    assert!(matches!(kinds[3], BlockKind::Jump { .. }), "{kinds:?}");
    let all: Vec<(&str, &str)> = zh.blocks.iter().flat_map(links).collect();
    assert_eq!(
        all,
        [
            ("疏浚方案", "https://port.example/zh/plan"),
            ("市议会", "https://council.example/"),
            ("2版", "https://gazette.example/p2"),
        ]
    );
    assert_eq!(
        paragraphs(zh),
        ["港务局昨日公布了疏浚方案，方案经过一年的征求意见，已获市议会批准。"]
    );
}

#[test]
fn links_lose_nothing_and_keep_true_ranges() {
    let (text, issue) = fixture();
    assert_nothing_lost(
        &without_link_syntax(&text),
        &issue,
        Some("Wednesday, March 20, 2024 · Four pages"),
    );
    assert_sources_hold(&text, &issue);
}

#[test]
fn links_cut_by_a_lead_in_or_a_jump_are_clipped_never_shifted() {
    let issue = parse_issue(
        "## 标题\n\n本报讯(记者 [王明](https://a.example/))[今天](https://b.example/)会议召开。[(下转2版)](https://c.example/)\n",
        None,
    );
    let article = &issue.articles[0];
    assert_eq!(article.byline.as_deref(), Some("本报讯(记者 王明)"));
    let all: Vec<(&str, &str)> = article.blocks.iter().flat_map(links).collect();
    assert_eq!(
        all,
        [
            ("今天", "https://b.example/"),
            ("(下转2版)", "https://c.example/")
        ]
    );
}

#[test]
fn json_has_links_only_where_there_are_some() {
    let path = format!("{}/tests/fixtures/{NAME}", env!("CARGO_MANIFEST_DIR"));
    let output = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .args(["json", &path])
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let blocks = &json[0]["articles"][0]["blocks"];
    let first = &blocks[0]["links"][0];
    assert_eq!(first["url"], "https://port.example/");
    let text = blocks[0]["text"].as_str().unwrap();
    let (start, end) = (
        first["range"]["start"].as_u64(),
        first["range"]["end"].as_u64(),
    );
    assert_eq!(
        &text[start.unwrap() as usize..end.unwrap() as usize],
        "port authority"
    );
    let zh = &json[0]["articles"][1]["blocks"];
    assert!(
        zh.as_array()
            .unwrap()
            .iter()
            .all(|b| b.get("links").is_some())
    );
    let sample = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .arg("json")
        .output()
        .unwrap();
    let sample = String::from_utf8(sample.stdout).unwrap();
    assert!(
        !sample.contains("\"links\""),
        "a link-free issue has no links field"
    );
}

fn dump(issue: &Issue, width: usize) -> String {
    let options = Options::default();
    let mut out = Vec::new();
    write_issue(&mut out, issue, width, &options).unwrap();
    String::from_utf8(out).unwrap()
}

/// The URL of note `[n]` put back together from its wrapped lines.
fn note(text: &str, n: usize) -> Option<String> {
    let mark = format!("[{n}] ");
    let mut lines = text.lines().skip_while(|l| !l.starts_with(&mark));
    let first = lines.next()?.strip_prefix(&mark)?.to_owned();
    let rest = lines.take_while(|l| !l.is_empty() && !l.starts_with('['));
    Some(rest.fold(first, |url, line| url + line))
}

#[test]
fn dump_marks_links_and_notes_every_url_within_the_width() {
    let (_, issue) = fixture();
    for width in [20, 40, 80] {
        let text = dump(&issue, width);
        for line in text.lines() {
            let cells = str_width(line, AmbiguousWidth::Narrow);
            assert!(cells <= width, "{cells} > {width}: {line:?}");
        }
        let long = "https://port.example/plan/2024/schedule-of-works-outer-harbour.pdf";
        assert_eq!(note(&text, 5).as_deref(), Some(long), "width {width}");
        assert_eq!(note(&text, 1).as_deref(), Some("https://port.example/plan"));
        assert_eq!(note(&text, 3).as_deref(), Some("https://port.example/"));
        // The Chinese article numbers its own notes from 1.
        let zh = &text[text.find("港口扩建").unwrap()..];
        assert_eq!(note(zh, 3).as_deref(), Some("https://gazette.example/p2"));
    }
    let wide = dump(&issue, 80);
    assert!(wide.contains("Dredging Plan[1]"), "{wide}");
    assert!(wide.contains("By Ann Lee[2]"), "{wide}");
    assert!(wide.contains("port authority[3]"), "{wide}");
    assert!(wide.contains("harbour[6]."), "{wide}");
    assert!(wide.contains("疏浚方案[1]"), "{wide}");
}

#[test]
fn kicker_deck_and_untitled_headlines_keep_their_links() {
    let issue = parse_issue(
        "# Paper\n\n## First\n\nBody one.\n\n[SPECIAL](https://k.example/) REPORT\n\n## Second\n\n\
         A [deck](https://d.example/) line\n\nBody two.\n",
        None,
    );
    let second = &issue.articles[1];
    let head: Vec<(HeadField, &str, &str)> = (second.head_links.iter())
        .map(|l| (l.field, head_text(second, l), l.url.as_str()))
        .collect();
    assert_eq!(
        head,
        [
            (HeadField::Kicker, "SPECIAL", "https://k.example/"),
            (HeadField::Deck, "deck", "https://d.example/"),
        ]
    );
    let plain = parse_issue(
        "[Water notice](https://w.example/) for Friday\nThe water will be off.\n",
        None,
    );
    let article = &plain.articles[0];
    assert_eq!(article.headline, "Water notice for Friday");
    let link = &article.head_links[0];
    assert_eq!(
        (link.field, head_text(article, link)),
        (HeadField::Headline, "Water notice")
    );
}

/// A link's range is a non-empty, trimmed run of whole characters of `text`.
fn assert_sound(text: &str, range: &std::ops::Range<usize>) {
    assert!(
        range.start < range.end && range.end <= text.len(),
        "{range:?} in {text:?}"
    );
    assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
    let linked = &text[range.clone()];
    assert_eq!(linked.trim(), linked, "{range:?} in {text:?}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

    #[test]
    fn every_link_of_any_text_is_sound_and_dumps_within_the_width(
        text in "([#\\[\\]()<>!*\\n 。，图为记者摄下转版Cntiuedo Page4By:/.a-z0-9]|https://x\\.example/|\\[a\\]\\(u\\)|\\n\\n){0,120}"
    ) {
        let issue = parse_issue(&text, None);
        for article in &issue.articles {
            for block in &article.blocks {
                for link in &block.links {
                    assert_sound(&block.text, &link.range);
                }
            }
            for link in &article.head_links {
                assert_sound(article.head_field(link.field).unwrap_or_default(), &link.range);
            }
        }
        for width in [1, 20] {
            for line in dump(&issue, width).lines() {
                assert!(str_width(line, AmbiguousWidth::Narrow) <= width, "{line:?}");
            }
        }
    }
}
