//! The library search: the prefilter never loses a hit the slow path
//! (decode, sanitise, parse, match every article) finds; the worker
//! streams, counts and cancels.

use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use broadsheet::archive::prefilter::Prefilter;
use broadsheet::archive::search::{CHUNK, FIRST_CHUNK, IssueResult, LibrarySearch, snippet};
use broadsheet::library::{Extent, Library, LibraryOptions, decode, sanitize};
use broadsheet::model::Issue;
use broadsheet::parse::parse_issue;
use broadsheet::search::{Query, find_in_article, text_refs};
use unicode_segmentation::UnicodeSegmentation;

use super::support::{MARKER, write_library};

/// Whether the slow path finds `query` in a file with these bytes.
fn slow_finds(raw: &[u8], query: &Query) -> bool {
    let Some(issue) = parsed(raw) else {
        return false;
    };
    issue
        .articles
        .iter()
        .any(|a| !find_in_article(query, a).is_empty())
}

fn prefilter_keeps(raw: &[u8], query: &Query) -> bool {
    Prefilter::new(query).is_none_or(|p| p.may_match(raw))
}

fn parsed(raw: &[u8]) -> Option<Issue> {
    let decoded = decode(raw, Extent::Whole).ok()?;
    Some(parse_issue(&sanitize(&decoded.text), None))
}

/// Files written to defeat a byte search: each holds 高亭宇 (or the
/// pattern beside it) only after decoding, parsing or folding.
#[test]
fn hostile_spellings_are_never_skipped() {
    let (gb, _, _) = encoding_rs::GB18030.encode("# 报\n\n## 高亭宇夺冠\n\n高亭宇说。\n");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "# 报\n\n## 高亭宇夺冠\n\n高亭宇说。\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (
            b"## x\n\n\xE9\xAB\x98**\xE4\xBA\xAD**\xE5\xAE\x87\n".to_vec(),
            "高亭宇",
        ),
        ("## x\n\n高亭\n宇说\n".into(), "高亭宇"),
        ("## x\n\n高\u{1b}[31m亭\u{1b}[m宇\n".into(), "高亭宇"),
        ("## x\n\n高\u{AD}亭\u{200B}宇\n".into(), "高亭宇"),
        ("## x\n\n&#x9AD8;&#20141;宇\n".into(), "高亭宇"),
        ("## x\n\n高亭\\*宇\n".into(), "高亭*宇"),
        ("## x\n\n\u{F900}\n".into(), "豈"),
        ("## x\n\nCAF&Eacute; Kelvin\n".into(), "café"),
        ("## x\n\nＫＥＬＶＩＮ and \u{212A}elvin\n".into(), "kelvin"),
        ("## x\n\nか\u{3099}ら\n".into(), "がら"),
        ("## x\n\nがら\n".into(), "か\u{3099}ら"),
        ("## x\n\n- 高亭宇\n".into(), "• 高亭宇"),
        ("\u{FEFF}## x\n\n高亭宇\n".into(), "高亭宇"),
        ("## x\r\n\r\n高亭宇\r\n".into(), "高亭宇"),
        ("## x\n\n高亭宇\u{2028}说\n".into(), "宇说"),
        (gb.into_owned(), "高亭宇"),
        (utf16, "高亭宇"),
        (
            [
                &"## 冬奥会速度滑冰\n\n中国男选手夺冠，"
                    .repeat(8)
                    .into_bytes()[..],
                b"\xFF",
                "高亭宇\n".as_bytes(),
            ]
            .concat(),
            "高亭宇",
        ),
    ];
    for (raw, pattern) in &cases {
        let query = Query::new(pattern).unwrap();
        assert!(slow_finds(raw, &query), "the case itself: {pattern:?}");
        assert!(prefilter_keeps(raw, &query), "lost {pattern:?}");
    }
}

/// Patterns cut from an issue's own articles, as typed and changed (case,
/// width): the slow path finds most of them, so the file must be kept.
fn patterns_from(issue: &Issue) -> Vec<String> {
    let mut patterns = Vec::new();
    for article in issue.articles.iter().take(4) {
        for text in text_refs(article).into_iter().take(3) {
            let graphemes: Vec<&str> = text.resolve(article).graphemes(true).collect();
            for (start, len) in [(0, 1), (graphemes.len() / 2, 4), (3, 12)] {
                let piece: String = graphemes.iter().skip(start).take(len).copied().collect();
                if piece.trim().is_empty() {
                    continue;
                }
                patterns.push(piece.to_uppercase());
                patterns.push(piece.chars().map(widen).collect());
                patterns.push(piece);
            }
        }
    }
    patterns
}

/// ASCII to its fullwidth twin.
fn widen(c: char) -> char {
    match c {
        '!'..='~' => char::from_u32(u32::from(c) + 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

#[test]
fn no_hit_is_lost_in_the_corpus_or_the_fixtures() {
    let mut files: Vec<PathBuf> = Vec::new();
    for root in ["../shared/corpus", "tests/data", "assets/issues"] {
        let found: Vec<PathBuf> = walkdir::WalkDir::new(root)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .filter(|e| {
                e.path()
                    .extension()
                    .is_some_and(|x| x == "md" || x == "txt")
            })
            .map(|e| e.into_path())
            .collect();
        if found.is_empty() {
            println!("{root}: absent or empty, skipped");
        }
        files.extend(found);
    }
    assert!(!files.is_empty());
    let mut checked = 0;
    for path in &files {
        let raw = std::fs::read(path).unwrap();
        if raw.len() > 512 * 1024 {
            continue;
        }
        let Some(issue) = parsed(&raw) else { continue };
        for pattern in patterns_from(&issue) {
            let Ok(query) = Query::new(&pattern) else {
                continue;
            };
            let found = issue
                .articles
                .iter()
                .any(|a| !find_in_article(&query, a).is_empty());
            if found {
                assert!(
                    prefilter_keeps(&raw, &query),
                    "the prefilter loses {pattern:?} in {}",
                    path.display()
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} patterns checked");
}

fn library(issues: usize, every: usize) -> (tempfile::TempDir, Arc<Library>) {
    let temp = tempfile::tempdir().unwrap();
    write_library(temp.path(), issues, every);
    let library = Library::open(&[temp.path().to_path_buf()], &LibraryOptions::default());
    (temp, Arc::new(library))
}

fn all_batches(search: &LibrarySearch) -> Vec<IssueResult> {
    let mut all = Vec::new();
    while let Some(batch) = search.next_batch() {
        assert!(!batch.is_empty());
        all.extend(batch);
    }
    all
}

#[test]
fn the_worker_finds_every_issue_in_library_order() {
    let (_temp, library) = library(150, 10);
    let query = Query::new(MARKER).unwrap();
    let search = LibrarySearch::start(library.clone(), query.clone(), || {});
    let results = all_batches(&search);
    let counts = search.counts();
    assert!(counts.finished);
    assert_eq!((counts.searched, counts.total), (150, 150));
    assert_eq!(counts.issues_with_hits, 15);
    assert_eq!(results.len(), 15);
    let entries: Vec<usize> = results.iter().map(|r| r.entry).collect();
    let mut sorted = entries.clone();
    sorted.sort_unstable();
    assert_eq!(entries, sorted, "library order");
    for result in &results {
        let text = library.read(result.entry).unwrap();
        assert!(text.contains(MARKER));
        let first = &result.articles[0];
        let snippet = &first.snippet;
        assert_eq!(&snippet.text[snippet.hit.clone()], MARKER);
        assert!(snippet.text.contains("聚焦一个独角兽主题"));
        let hit = &first.hits[0];
        let article = broadsheet::parse::parse_issue(&text, None).articles[first.article].clone();
        assert_eq!(&hit.text.resolve(&article)[hit.range.clone()], MARKER);
        assert_eq!(result.paper, library.entries[result.entry].paper);
        assert!(result.date.is_some());
    }
    assert_eq!(
        counts.hits,
        results.iter().map(IssueResult::hit_count).sum::<usize>()
    );
}

#[test]
fn either_script_finds_the_other() {
    let temp = tempfile::tempdir().unwrap();
    let issues = [
        (
            "2022-01-01.md",
            "# 人民日报\n\n## 京张高鐵通车\n\n高鐵跑出新速度。\n",
        ),
        (
            "2022-01-02.md",
            "# 人民日报\n\n## 京张高铁通车\n\n高铁跑出新速度。\n",
        ),
        (
            "2022-01-03.md",
            "# 人民日报\n\n## 高速公路\n\n铁路与公路。\n",
        ),
    ];
    for (name, text) in issues {
        std::fs::write(temp.path().join(name), text).unwrap();
    }
    let library = Arc::new(Library::open(
        &[temp.path().to_path_buf()],
        &LibraryOptions::default(),
    ));
    for pattern in ["高铁", "高鐵"] {
        let search = LibrarySearch::start(library.clone(), Query::new(pattern).unwrap(), || {});
        let results = all_batches(&search);
        let mut lit: Vec<&str> = (results.iter())
            .map(|r| {
                let snippet = &r.articles[0].snippet;
                &snippet.text[snippet.hit.clone()]
            })
            .collect();
        lit.sort_unstable();
        assert_eq!(lit, ["高鐵", "高铁"], "{pattern}: each file, not the third");
        assert_eq!(
            search.counts().hits,
            4,
            "{pattern}: headline and body of each"
        );
    }
}

#[test]
fn a_pattern_in_every_issue_and_one_in_none() {
    let (_temp, library) = library(70, 1000);
    let everywhere = LibrarySearch::start(library.clone(), Query::new("副中心").unwrap(), || {});
    assert_eq!(all_batches(&everywhere).len(), 70);
    let nowhere = LibrarySearch::start(library, Query::new("麒麟").unwrap(), || {});
    assert!(all_batches(&nowhere).is_empty());
    let counts = nowhere.counts();
    assert_eq!(
        (counts.searched, counts.hits, counts.finished),
        (70, 0, true)
    );
}

#[test]
fn cancel_stops_after_the_batch_in_hand() {
    let (_temp, library) = library(3 * CHUNK, 1);
    let (ready, wait_ready) = mpsc::channel();
    let (go, wait_go) = mpsc::channel::<()>();
    let wait_go = Mutex::new(wait_go);
    let search = LibrarySearch::start(library, Query::new(MARKER).unwrap(), move || {
        let _ = ready.send(());
        if let Ok(wait) = wait_go.lock() {
            let _ = wait.recv();
        }
    });
    wait_ready.recv().unwrap();
    search.cancel();
    drop(go);
    let results = all_batches(&search);
    assert_eq!(results.len(), FIRST_CHUNK, "only the first chunk");
    search.stop();
    let counts = search.counts();
    assert!(counts.finished);
    assert_eq!(counts.searched, FIRST_CHUNK);
}

#[test]
fn a_snippet_keeps_some_context_either_side() {
    let text = format!("{}高亭宇\n{}", "前".repeat(50), "后".repeat(100));
    let at = text.find("高亭宇").unwrap();
    let cut = snippet(&text, &(at..at + "高亭宇".len()));
    assert_eq!(&cut.text[cut.hit.clone()], "高亭宇");
    assert!(cut.cut_before && cut.cut_after);
    assert!(cut.text.starts_with("前前") && cut.text.contains("高亭宇 后"));
    let whole = snippet("高亭宇", &(0..9));
    assert_eq!(
        (whole.text.as_str(), whole.cut_before, whole.cut_after),
        ("高亭宇", false, false)
    );
}
