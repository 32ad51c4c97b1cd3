//! Saved reading state is keyed by article id: the ids of articles that
//! existed before the input layer (the seed's Markdown) must not change.

use std::fs;

use broadsheet::library::SAMPLE_TEXT;
use broadsheet::sources::read_issue;
use broadsheet::store::Store;

/// Ids as the version before the input layer gave them (`broadsheet json`).
const KNOWN: [(&str, &[&str]); 3] = [
    (
        "sample",
        &[
            "2022-02-13-5d538a48",
            "2022-02-13-951b6d18",
            "2022-02-13-a9363593",
            "2022-02-13-ed281f1f",
        ],
    ),
    (
        "english-2024-03-12.md",
        &["2024-03-12-889564e6", "2024-03-12-1c2bbb81"],
    ),
    ("notice.txt", &["undated-c92f94bf"]),
];

fn text_of(name: &str) -> String {
    if name == "sample" {
        return SAMPLE_TEXT.to_owned();
    }
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn ids_of_existing_articles_are_unchanged() {
    for (name, ids) in KNOWN {
        let file_name = (name != "sample").then_some(name);
        let issue = read_issue(&text_of(name), file_name.or(Some("bjfzxb-2022-02-13.md")));
        let got: Vec<&str> = issue.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(got, ids, "{name}");
    }
}

#[test]
fn a_state_file_written_before_still_finds_its_marks() {
    let dir = tempfile::tempdir().unwrap();
    // Written as the store of the version before the input layer writes it.
    let state = r#"{"version":1,"articles":{
        "2022-02-13-951b6d18":{"read":true,"read_at":1764000000000},
        "2022-02-13-ed281f1f":{"starred":true,"starred_at":1764000000001,"position":120,"position_at":1764000000002},
        "2024-03-12-1c2bbb81":{"read":true,"read_at":1764000000003}
    },"last":{"issue":"(sample)","article":"2022-02-13-951b6d18"},"last_at":1764000000004}"#;
    fs::write(dir.path().join("state.json"), state).unwrap();
    let (_store, state) = Store::open_at(dir.path());
    let sample = read_issue(SAMPLE_TEXT, Some("bjfzxb-2022-02-13.md"));
    let english = read_issue(
        &text_of("english-2024-03-12.md"),
        Some("english-2024-03-12.md"),
    );
    let read: Vec<&str> = sample
        .articles
        .iter()
        .chain(&english.articles)
        .map(|a| a.id.as_str())
        .filter(|id| state.is_read(id))
        .collect();
    assert_eq!(read, ["2022-02-13-951b6d18", "2024-03-12-1c2bbb81"]);
    let starred = &sample.articles[3];
    assert!(state.is_starred(&starred.id));
    assert_eq!(state.position(&starred.id), Some(120));
    let last = state.last.as_ref().and_then(|l| l.article.as_deref());
    assert!(sample.articles.iter().any(|a| Some(a.id.as_str()) == last));
}
