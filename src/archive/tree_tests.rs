use std::path::PathBuf;

use super::*;
use crate::library::{EntryStatus, Source};
use crate::model::Date;

/// `counts[i]` issues of paper `i`, daily back from 2022-02-13, every
/// third issue with a known article count.
fn library(counts: &[usize]) -> Vec<Entry> {
    let mut entries = Vec::new();
    for (paper, &count) in counts.iter().enumerate() {
        for i in 0..count {
            let date = crate::model::days::add_days(Date::new(2022, 2, 13).unwrap(), -(i as i64));
            entries.push(Entry {
                source: Source::File(PathBuf::from(format!("p{paper}/{i}.md"))),
                paper: format!("Paper {paper}"),
                date,
                weekday: Some("周日".into()),
                articles: (i % 3 == 0).then_some(4),
                status: EntryStatus::Ready,
            });
        }
    }
    entries
}

fn texts(tree: &Tree, entries: &[Entry], window: Range<usize>) -> Vec<String> {
    tree.rows(window)
        .into_iter()
        .map(|row| match row {
            Row::Header { paper } => header_text(tree, paper, Some(paper)),
            Row::Issue { entry, .. } => format!("  {}", issue_text(&entries[entry])),
            Row::More { hidden, .. } => format!("  {}", more_text(hidden)),
        })
        .collect()
}

#[test]
fn one_paper_has_no_header_and_does_not_fold() {
    let entries = library(&[3]);
    let mut tree = Tree::new(&entries, &FoldState::default());
    assert!(!tree.has_headers());
    tree.toggle(0, None);
    assert_eq!(
        texts(&tree, &entries, 0..10),
        [
            "  2022-02-13 星期日 · 4 articles",
            "  2022-02-12 星期六 · ? articles",
            "  2022-02-11 星期五 · ? articles",
        ]
    );
    assert_eq!(tree.row_of(2), Some(2));
    assert_eq!(tree.state().open, BTreeMap::new());
}

#[test]
fn the_first_screen_shows_every_paper_and_the_open_papers_newest_issues() {
    let entries = library(&[2500, 2500, 2500, 2500]);
    let open = 2500 + 7;
    let tree = Tree::first_screen(&entries, Some(open), 10);
    assert_eq!(tree.row_count(), 10);
    assert_eq!(
        texts(&tree, &entries, 0..10),
        [
            "▸ Paper 0 · 2,500 issues · 0 unread",
            "▾ Paper 1 · 2,500 issues · 1 unread",
            "  2022-02-13 星期日 · 4 articles",
            "  2022-02-12 星期六 · ? articles",
            "  2022-02-11 星期五 · ? articles",
            "  2022-02-10 星期四 · 4 articles",
            "  2022-02-09 星期三 · ? articles",
            "  … 2,495 older issues",
            "▸ Paper 2 · 2,500 issues · 2 unread",
            "▸ Paper 3 · 2,500 issues · 3 unread",
        ]
    );
    assert_eq!(tree.selected_paper(), Some(1));
    // Too short a screen for the issues: the headers still all show.
    let tiny = Tree::first_screen(&entries, Some(open), 3);
    let rows = tiny.rows(0..100);
    let headers = rows
        .iter()
        .filter(|r| matches!(r, Row::Header { .. }))
        .count();
    assert_eq!(headers, 4);
}

#[test]
fn a_dozen_papers_fit_a_first_screen() {
    let entries = library(&[40; 12]);
    let tree = Tree::first_screen(&entries, Some(0), 38);
    assert_eq!(tree.row_count(), 38);
    assert_eq!(
        tree.rows(0..38)
            .iter()
            .filter(|r| matches!(r, Row::Header { .. }))
            .count(),
        12
    );
}

#[test]
fn folding_unfolding_and_showing_all() {
    let entries = library(&[5, 4]);
    let mut tree = Tree::new(&entries, &FoldState::default());
    assert_eq!(tree.row_count(), 2);
    assert!(tree.is_folded(0));
    tree.toggle(1, Some(2));
    assert_eq!(tree.row_count(), 2 + 2 + 1);
    assert_eq!(
        tree.rows(2..5)[2],
        Row::More {
            paper: 1,
            hidden: 2
        }
    );
    tree.show_all(1);
    assert_eq!(tree.row_count(), 2 + 4);
    tree.toggle(0, None);
    assert_eq!(tree.row_count(), 2 + 5 + 4);
    assert_eq!(
        tree.row_of(5),
        Some(7),
        "paper 1's first issue after 1+5 rows and its header"
    );
    tree.fold_others(1);
    assert!(tree.is_folded(0) && !tree.is_folded(1));
    tree.toggle(1, None);
    assert_eq!(tree.row_count(), 2);
    assert_eq!(tree.row_of(5), None);
}

#[test]
fn reveal_unfolds_an_issues_paper() {
    let entries = library(&[5, 4]);
    let mut tree = Tree::new(&entries, &FoldState::default());
    assert_eq!(tree.reveal(8), Some(1 + 1 + 3));
    assert_eq!(tree.selected_paper(), Some(1));
    assert_eq!(tree.rows(5..6), [Row::Issue { paper: 1, entry: 8 }]);
    assert_eq!(tree.reveal(99), None);
}

#[test]
fn windows_agree_with_the_whole_list() {
    let entries = library(&[7, 1, 12, 3]);
    let mut tree = Tree::new(&entries, &FoldState::default());
    tree.toggle(0, Some(3));
    tree.toggle(2, None);
    let all = tree.rows(0..usize::MAX);
    assert_eq!(all.len(), tree.row_count());
    for start in 0..all.len() + 2 {
        for len in [0, 1, 4, 9] {
            let end = (start + len).min(all.len());
            let expect = all.get(start.min(all.len())..end).unwrap_or(&[]);
            assert_eq!(tree.rows(start..start + len), expect, "{start}+{len}");
        }
    }
    for (row, item) in all.iter().enumerate() {
        if let Row::Issue { entry, .. } = item {
            assert_eq!(tree.row_of(*entry), Some(row));
        }
        if let Row::Header { paper } = item {
            assert_eq!(tree.header_row(*paper), Some(row));
        }
    }
}

#[test]
fn a_window_into_a_huge_paper_costs_only_the_window() {
    let entries = library(&[100_000, 3]);
    let tree = Tree::first_screen(&entries, Some(0), 40);
    let mut all = tree.clone();
    all.show_all(0);
    let rows = all.rows(50_000..50_040);
    assert_eq!(rows.len(), 40);
    assert_eq!(
        rows[0],
        Row::Issue {
            paper: 0,
            entry: 49_999
        }
    );
}

#[test]
fn state_round_trips_through_json_by_name() {
    let entries = library(&[5, 4, 2]);
    let mut tree = Tree::new(&entries, &FoldState::default());
    tree.toggle(2, Some(1));
    tree.toggle(1, None);
    tree.select_paper(2);
    let state = tree.state();
    let json = serde_json::to_string(&state).unwrap();
    assert_eq!(
        json,
        r#"{"selected":"Paper 2","open":{"Paper 1":"all","Paper 2":{"newest":1}}}"#
    );
    let back: FoldState = serde_json::from_str(&json).unwrap();
    assert_eq!(Tree::new(&entries, &back), tree);
    // A paper gone from the library is forgotten, the others kept.
    let fewer = library(&[5, 4]);
    let again = Tree::new(&fewer, &back);
    assert_eq!(again.selected_paper(), None);
    assert!(!again.is_folded(1));
    let empty: FoldState = serde_json::from_str("{}").unwrap();
    assert_eq!(empty, FoldState::default());
}

#[test]
fn numbers_have_thousands_separators() {
    assert_eq!(thousands(0), "0");
    assert_eq!(thousands(999), "999");
    assert_eq!(thousands(1000), "1,000");
    assert_eq!(thousands(1_234_567), "1,234,567");
    assert_eq!(more_text(1), "… 1 older issue");
}
