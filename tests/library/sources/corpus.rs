//! The real archives in `../shared/corpus` (skipped, with a message, when
//! the folder is absent): the figures the README's "Sources" section gives.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use broadsheet::library::{Library, LibraryOptions};
use broadsheet::model::Issue;
use broadsheet::sources::read_issue;
use ego_tree::NodeRef;
use scraper::{Html, Node};

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent", dir.display());
        None
    }
}

/// Every entry the library lists under `paths`, parsed, with its text.
fn parsed(paths: &[PathBuf]) -> Vec<(String, String, Issue)> {
    let library = Library::open(paths, &LibraryOptions::default());
    (0..library.entries.len())
        .map(|i| {
            let text = library.read(i).unwrap();
            let issue = read_issue(&text, library.file_name(i).as_deref());
            (library.label(i), text, issue)
        })
        .collect()
}

fn rmrb_files(corpus: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus.join("rmrb-rss"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("rmrb_2026-") && n.ends_with(".xml"))
        })
        .collect();
    files.sort();
    files
}

/// The `<title>` of each `<item>`, XML-unescaped.
fn item_titles(xml: &str) -> Vec<String> {
    xml.split("<item>")
        .skip(1)
        .filter_map(|item| {
            let start = item.find("<title>")? + "<title>".len();
            let end = item.find("</title>")?;
            let raw = &item[start..end];
            Some(quick_xml::escape::unescape(raw).unwrap().into_owned())
        })
        .collect()
}

fn without_tag(title: &str) -> &str {
    match title.strip_prefix('[').and_then(|t| t.split_once(']')) {
        Some((_, rest)) => rest.trim(),
        None => title.trim(),
    }
}

#[test]
fn rmrb_rss_every_item_is_an_article_with_its_page() {
    let Some(corpus) = corpus() else { return };
    let files = rmrb_files(&corpus);
    assert_eq!(files.len(), 7);
    let mut items = 0;
    for file in &files {
        let xml = std::fs::read_to_string(file).unwrap();
        let titles = item_titles(&xml);
        let (_, _, issue) = parsed(std::slice::from_ref(file)).remove(0);
        let name = file.display();
        assert_eq!(issue.paper, "人民日报", "{name}");
        assert!(issue.date.is_some(), "{name}");
        assert_eq!(issue.articles.len(), titles.len(), "{name}");
        for (article, title) in issue.articles.iter().zip(&titles) {
            assert_eq!(article.headline, without_tag(title), "{name}");
            let page = article.page.as_deref().unwrap_or_else(|| panic!("{title}"));
            let pages = issue.pages.as_ref().unwrap();
            assert!(pages.get(page).is_some_and(|p| p.name.is_some()), "{title}");
        }
        items += titles.len();
    }
    assert_eq!(items, 564);
}

/// `<tag …>`, `</tag>`, `<!--`, `&name;`, `&#13;` in a text.
fn markup_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    for (at, &b) in bytes.iter().enumerate() {
        let next = bytes.get(at + 1).copied().unwrap_or(0);
        if b == b'<' && (next.is_ascii_alphabetic() || next == b'/' || next == b'!') {
            let rest = &text[at..];
            if rest.find('>').is_some_and(|end| end < 200) {
                count += 1;
            }
        }
        if b == b'&' {
            let rest = &text[at + 1..];
            let name = rest
                .bytes()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == b'#')
                .count();
            if name > 0 && rest.as_bytes().get(name) == Some(&b';') {
                count += 1;
            }
        }
    }
    count
}

#[test]
fn rmrb_rss_dump_has_no_tags_or_entities() {
    let Some(corpus) = corpus() else { return };
    let out = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .arg("dump")
        .args(rmrb_files(&corpus))
        .output()
        .unwrap();
    assert!(out.status.success());
    let dump = String::from_utf8(out.stdout).unwrap();
    assert!(dump.contains("人民日报"));
    assert_eq!(markup_count(&dump), 0);
}

#[test]
fn rmrb_rss_folder_is_one_paper_one_issue_per_date() {
    let Some(corpus) = corpus() else { return };
    let issues = parsed(&[corpus.join("rmrb-rss")]);
    assert_eq!(issues.len(), 8);
    let mut dates: Vec<_> = issues.iter().map(|(_, _, i)| i.date).collect();
    assert!(issues.iter().all(|(_, _, i)| i.paper == "人民日报"));
    dates.dedup();
    assert_eq!(dates.len(), 8);
}

#[test]
fn people_daily_material_is_one_issue_with_pages_and_bylines() {
    let Some(corpus) = corpus() else { return };
    let issues = parsed(&[corpus.join("people-daily-material")]);
    assert_eq!(issues.len(), 1);
    let (_, _, issue) = &issues[0];
    assert_eq!(issue.paper, "人民日报");
    assert_eq!(
        issue.date.map(|d| d.to_string()).as_deref(),
        Some("2025-01-02")
    );
    assert_eq!(issue.articles.len(), 5);
    let numbers: Vec<&str> = issue
        .pages
        .as_ref()
        .unwrap()
        .list
        .iter()
        .map(|p| p.number.as_str())
        .collect();
    assert_eq!(numbers, ["02", "05", "14", "18"]);
    for article in &issue.articles {
        assert!(article.page.is_some(), "{}", article.headline);
        // 代表之声 has no byline in its source (empty author, no name
        // before the imprint); every other article has one.
        if article.headline != "代表之声" {
            assert!(article.byline.is_some(), "{}", article.headline);
        }
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}'
        | '\u{3040}'..='\u{30ff}' | '\u{20000}'..='\u{2ffff}')
}

/// The text nodes of HTML, without scripts, styles, comments and the
/// elements named in `skip`.
fn html_text(html: &str, skip: &[&str], out: &mut String) {
    fn walk(node: NodeRef<'_, Node>, skip: &[&str], out: &mut String) {
        match node.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(e) if matches!(e.name(), "script" | "style") => {}
            Node::Element(e) if skip.contains(&e.name()) => {}
            _ => node.children().for_each(|child| walk(child, skip, out)),
        }
    }
    walk(Html::parse_fragment(html).tree.root(), skip, out);
}

/// Text the model turns into fields: imprints (`《人民日报》（2025年01月02日第 14 版）`
/// → paper, date, page) and the scraper's "no text" note.
fn drop_fields(text: &str) -> String {
    let text = text.replace("无法提取正文内容", "");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(open) = rest.find('《') {
        out.push_str(&rest[..open]);
        let tail = &rest[open..];
        let end = tail
            .find("版）")
            .map(|n| n + "版）".len())
            .filter(|&n| n <= 120 && tail[..n].contains('日'));
        match end {
            Some(n) => rest = &tail[n..],
            None => {
                out.push('《');
                rest = &tail['《'.len_utf8()..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A source's readable text: markup stripped, front matter (metadata)
/// left out; a feed's channel title and description, its items' titles
/// less their page tags, and their HTML's text (less the `<h1>`, which
/// repeats the title).
fn readable(path: &Path, text: &str) -> String {
    let mut out = String::new();
    if broadsheet::sources::is_feed(text) {
        for part in text.split("<item>") {
            let field = |name: &str| {
                let open = format!("<{name}>");
                let start = part.find(&open)? + open.len();
                let end = part[start..].find(&format!("</{name}>"))? + start;
                Some(
                    quick_xml::escape::unescape(&part[start..end])
                        .ok()?
                        .into_owned(),
                )
            };
            if let Some(title) = field("title") {
                out.push_str(without_tag(&title));
            }
            // An item's `<h1>` repeats its title.
            if let Some(description) = field("description") {
                html_text(&description, &["h1"], &mut out);
            }
        }
    } else {
        let body = match text.strip_prefix("---\n") {
            Some(rest) => rest.split_once("\n---\n").map_or(text, |(_, body)| body),
            None => text,
        };
        html_text(body, &[], &mut out);
    }
    let _ = path;
    drop_fields(&out)
}

fn json_strings(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::String(s) => out.push_str(s),
        serde_json::Value::Array(items) => items.iter().for_each(|v| json_strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| json_strings(v, out)),
        _ => {}
    }
}

fn counts(text: &str) -> HashMap<char, usize> {
    let mut counts = HashMap::new();
    for c in text.chars().filter(|&c| is_cjk(c)) {
        *counts.entry(c).or_insert(0) += 1;
    }
    counts
}

#[test]
fn nothing_lost_every_cjk_character_of_the_feeds_and_articles() {
    let Some(corpus) = corpus() else { return };
    let paths = [
        corpus.join("rmrb-rss"),
        corpus.join("people-daily-material"),
    ];
    for (label, text, issue) in parsed(&paths) {
        let mut source = String::new();
        if broadsheet::sources::bundle::is_bundle(&text) {
            for file in text.split(broadsheet::sources::bundle::MARK).skip(1) {
                let body = file.split_once('\n').map_or("", |(_, body)| body);
                source.push_str(&readable(Path::new(&label), body));
            }
        } else {
            source = readable(Path::new(&label), &text);
        }
        let mut json = String::new();
        json_strings(&serde_json::to_value(&issue).unwrap(), &mut json);
        let have = counts(&json);
        let lost: Vec<(char, usize)> = counts(&source)
            .into_iter()
            .filter(|(c, n)| have.get(c).copied().unwrap_or(0) < *n)
            .map(|(c, n)| (c, n - have.get(&c).copied().unwrap_or(0)))
            .collect();
        let total: usize = counts(&source).values().sum();
        assert!(total > 0, "{label}");
        let kept: usize = have.values().sum();
        assert!(
            lost.is_empty(),
            "{label}: {total} in source, {kept} in json, lost {lost:?}"
        );
    }
}
