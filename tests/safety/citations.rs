//! What the code cites is in the repository: every `NAME.md` a comment,
//! test or the README names (`docs/RELIABILITY.md §6 case 14`,
//! `ARCHITECTURE.md`) is a file of this checkout.

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The documents `text` names: a path ending in `.md` whose file name is
/// in capitals (`RELIABILITY.md`, `docs/STYLE.md`), as documents are named;
/// an issue file's name (`The_Daily-2024-03-12.md`) is not a citation.
fn cited(text: &str) -> Vec<&str> {
    let name = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '/');
    let mut out = Vec::new();
    for (at, _) in text.match_indices(".md") {
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| name(c))
            .last()
            .map_or(at, |(i, _)| i);
        let end = at + 3;
        let word = &text[start..end];
        let after = text[end..].chars().next();
        let stem = word
            .rsplit('/')
            .next()
            .unwrap_or(word)
            .trim_end_matches(".md");
        let capitals = stem.starts_with(|c: char| c.is_ascii_uppercase())
            && stem.chars().all(|c| c.is_ascii_uppercase() || c == '_');
        if capitals && !after.is_some_and(|c| c.is_ascii_alphanumeric()) {
            out.push(word);
        }
    }
    out
}

/// Where a cited name is looked for: as written from the root, or by its
/// file name in the root or `docs/`.
fn exists(name: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    [
        root().join(name),
        root().join(file),
        root().join("docs").join(file),
    ]
    .iter()
    .any(|p| p.is_file())
}

#[test]
fn every_cited_document_is_in_the_repository() {
    let mut files: Vec<PathBuf> = vec![root().join("README.md"), root().join("ARCHITECTURE.md")];
    for dir in ["src", "tests", "benches", "examples"] {
        super::layers::walk(&root().join(dir), &mut files);
    }
    let mut missing = Vec::new();
    // This file names a missing document on purpose, to test the reader.
    files.retain(|f| !f.ends_with("safety/citations.rs"));
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        for name in cited(&text) {
            if !exists(name) {
                missing.push(format!("{}: {name}", file.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "cited but not in the repository: {missing:#?}"
    );
}

#[test]
fn the_citation_reader_finds_names_and_skips_the_rest() {
    let text = "see docs/RELIABILITY.md §6, `ARCHITECTURE.md`; The_Daily-1.md, X.mdx, NOPE.md.";
    assert_eq!(
        cited(text),
        ["docs/RELIABILITY.md", "ARCHITECTURE.md", "NOPE.md"]
    );
    assert!(exists("docs/RELIABILITY.md") && exists("ARCHITECTURE.md"));
    assert!(!exists("NOPE.md"));
}
