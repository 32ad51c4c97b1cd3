//! The layers of ARCHITECTURE.md, kept: every `crate::` edge between
//! top-level modules of `src/` (outside `#[cfg(test)]` code) runs down or
//! sideways in the layer table, and no edges form a cycle. A module the
//! table does not name fails the test by name, so a new module gets its
//! layer written down when it is added.
// Tests may unwrap, expect and panic: a failure is the report.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Edges that exist now and are known to run upward, each with the change
/// that removes it. A listed edge that no longer exists is reported, so
/// the list is kept short.
const KNOWN_UPWARD: &[(&str, &str, &str)] = &[];

#[test]
fn modules_depend_only_downward_and_without_cycles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let table = fs::read_to_string(root.join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let layers = layer_table(&table);
    assert!(
        !layers.is_empty(),
        "no layer table found in ARCHITECTURE.md"
    );
    let edges = crate_edges(&root.join("src"));
    let failures = check(&layers, &edges);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What is wrong with `edges` against `layers`, one line each.
fn check(layers: &BTreeMap<String, u32>, edges: &Edges) -> Vec<String> {
    let mut failures = Vec::new();
    let modules: BTreeSet<&String> = edges
        .keys()
        .chain(edges.values().flat_map(|t| t.keys()))
        .collect();
    for module in &modules {
        if !layers.contains_key(*module) {
            failures.push(format!(
                "module `{module}` is not in the layer table of ARCHITECTURE.md: add it to a layer"
            ));
        }
    }
    for (from, targets) in edges {
        for (to, file) in targets {
            let (Some(a), Some(b)) = (layers.get(from), layers.get(to)) else {
                continue;
            };
            let known = KNOWN_UPWARD.iter().any(|(f, t, _)| f == from && t == to);
            if b > a && !known {
                failures.push(format!(
                    "upward edge: `{from}` (layer {a}) uses `crate::{to}` (layer {b}) in {file}"
                ));
            }
        }
    }
    for (from, to, why) in KNOWN_UPWARD {
        let present = edges.get(*from).is_some_and(|t| t.contains_key(*to));
        if !present {
            println!(
                "note: the known edge {from} -> {to} ({why}) is gone: remove it from KNOWN_UPWARD"
            );
        }
    }
    failures.extend(
        cycles(edges)
            .into_iter()
            .filter(|cycle| {
                // A cycle made only of known upward edges and their reverses is
                // the known one.
                !KNOWN_UPWARD.iter().any(|(f, t, _)| {
                    cycle.len() == 2
                        && cycle.contains(&f.to_string())
                        && cycle.contains(&t.to_string())
                })
            })
            .map(|cycle| format!("cycle: {} reach each other", cycle.join(", "))),
    );
    failures
}

/// Module → layer, from the rows of the table whose first cell is a number:
/// every backticked name in the second cell.
fn layer_table(markdown: &str) -> BTreeMap<String, u32> {
    let mut layers = BTreeMap::new();
    for line in markdown.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let (Some(layer), Some(modules)) = (cells.get(1), cells.get(2)) else {
            continue;
        };
        let Ok(layer) = layer.parse::<u32>() else {
            continue;
        };
        for name in modules.split('`').skip(1).step_by(2) {
            layers.insert(name.to_owned(), layer);
        }
    }
    layers
}

/// From module → to module → the first file that makes the edge.
type Edges = BTreeMap<String, BTreeMap<String, String>>;

fn crate_edges(src: &Path) -> Edges {
    let mut files = Vec::new();
    walk(src, &mut files);
    let test_only = test_only_files(&files);
    let mut edges = Edges::new();
    for file in &files {
        let rel = file.strip_prefix(src).expect("under src");
        let Some(top) = top_module(rel) else {
            continue;
        };
        if test_only.contains(file) {
            continue;
        }
        let text = fs::read_to_string(file).expect("source file");
        let code = without_test_items(&strip_comments_and_strings(&text));
        let targets = edges.entry(top.clone()).or_default();
        for used in crate_paths(&code) {
            if used != top {
                targets
                    .entry(used)
                    .or_insert_with(|| rel.display().to_string());
            }
        }
    }
    edges
}

/// Every `.rs` file below `dir`, in name order (also `app_shape`'s walk).
pub(super) fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .expect("read src")
        .map(|e| e.expect("dir entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// The top-level module a file under `src/` belongs to; `None` for the
/// crate roots (`lib.rs` declares, `main.rs` is its own crate).
fn top_module(rel: &Path) -> Option<String> {
    let first = rel.components().next()?.as_os_str().to_str()?;
    match first {
        "lib.rs" | "main.rs" => None,
        name => Some(name.trim_end_matches(".rs").to_owned()),
    }
}

/// Files that are modules declared under `#[cfg(test)]` (`mod tests;`,
/// with or without `#[path]`).
fn test_only_files(files: &[PathBuf]) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    for file in files {
        let text = fs::read_to_string(file).expect("source file");
        let dir = match file.file_name().and_then(|n| n.to_str()) {
            Some("mod.rs" | "lib.rs" | "main.rs") => file.parent().map(Path::to_path_buf),
            _ => Some(file.with_extension("")),
        };
        let Some(dir) = dir else { continue };
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for (i, line) in lines.iter().enumerate() {
            if *line != "#[cfg(test)]" {
                continue;
            }
            let mut path_attr = None;
            for next in &lines[i + 1..] {
                if let Some(rest) = next.strip_prefix("#[path = \"") {
                    path_attr = rest.strip_suffix("\"]").map(str::to_owned);
                    continue;
                }
                if let Some(name) = next.strip_prefix("mod ").and_then(|r| r.strip_suffix(';')) {
                    let target = match &path_attr {
                        Some(p) => file.parent().map(|d| d.join(p)),
                        None => Some(dir.join(format!("{name}.rs"))),
                    };
                    out.extend(target);
                    out.insert(dir.join(name).join("mod.rs"));
                }
                break;
            }
        }
    }
    out
}

/// The first segment after every `crate::`, including each path of a
/// `crate::{a, b::c}` group.
fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        // `broadsheet_crate::` or `$crate::` are not this crate's paths.
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                let name = ident(part.trim_start());
                if !name.is_empty() && name != "self" {
                    out.insert(name.to_owned());
                }
            }
        } else {
            let name = ident(rest);
            if !name.is_empty() {
                out.insert(name.to_owned());
            }
        }
    }
    out
}

fn ident(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The code with comments removed and string and character literals
/// emptied, so only real paths are seen.
fn strip_comments_and_strings(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match (c, next) {
            ('/', Some('/')) => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            ('/', Some('*')) => {
                let mut depth = 0;
                while i < chars.len() {
                    if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                        depth += 1;
                        i += 2;
                    } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            ('r', Some('#' | '"')) if !ident_char(chars.get(i.wrapping_sub(1)).copied()) => {
                let mut j = i + 1;
                let mut hashes = 0;
                while chars.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if chars.get(j) != Some(&'"') {
                    out.push(c);
                    i += 1;
                    continue;
                }
                j += 1;
                loop {
                    if j >= chars.len() {
                        break;
                    }
                    if chars[j] == '"' && (1..=hashes).all(|k| chars.get(j + k) == Some(&'#')) {
                        j += 1 + hashes;
                        break;
                    }
                    j += 1;
                }
                out.push_str("\"\"");
                i = j;
            }
            ('"', _) => {
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    i += if chars[i] == '\\' { 2 } else { 1 };
                }
                i += 1;
                out.push_str("\"\"");
            }
            ('\'', Some('\\')) => {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
                out.push_str("' '");
            }
            ('\'', Some(_)) if chars.get(i + 2) == Some(&'\'') => {
                i += 3;
                out.push_str("' '");
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

fn ident_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// The code without the items marked `#[cfg(test)]`: the attribute, any
/// attributes after it, and the item up to its `;` or its closing brace.
fn without_test_items(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        rest = &rest[at + "#[cfg(test)]".len()..];
        rest = skip_item(rest);
    }
    out.push_str(rest);
    out
}

fn skip_item(code: &str) -> &str {
    let mut depth = 0usize;
    let mut seen_brace = false;
    for (i, c) in code.char_indices() {
        match c {
            '{' | '[' | '(' => {
                depth += 1;
                seen_brace |= c == '{';
            }
            '}' | ']' | ')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 && c == '}' && seen_brace {
                    return &code[i + 1..];
                }
            }
            ';' if depth == 0 => return &code[i + 1..],
            _ => {}
        }
    }
    ""
}

/// Every cycle among the modules, each as the modules that reach each
/// other (a strongly connected component of more than one module), in
/// name order: the edges above say which `use` made it.
fn cycles(edges: &Edges) -> Vec<Vec<String>> {
    let nodes: BTreeSet<&String> = edges
        .keys()
        .chain(edges.values().flat_map(|t| t.keys()))
        .collect();
    let reaches = |from: &String, to: &String| -> bool {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from];
        while let Some(node) = stack.pop() {
            for next in edges.get(node).into_iter().flat_map(|t| t.keys()) {
                if next == to {
                    return true;
                }
                if seen.insert(next) {
                    stack.push(next);
                }
            }
        }
        false
    };
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for node in &nodes {
        if done.contains(*node) || !reaches(node, node) {
            continue;
        }
        let group: Vec<String> = nodes
            .iter()
            .filter(|other| reaches(node, other) && reaches(other, node))
            .map(|s| (*s).clone())
            .collect();
        done.extend(group.iter().cloned());
        out.push(group);
    }
    out
}

#[test]
fn the_checker_finds_upward_edges_cycles_and_unlisted_modules() {
    let layers =
        layer_table("| layer | modules |\n|---|---|\n| 0 | `low` |\n| 1 | `high`, `other` |\n");
    let edge = |pairs: &[(&str, &str)]| {
        let mut edges = Edges::new();
        for (a, b) in pairs {
            edges
                .entry((*a).to_owned())
                .or_default()
                .insert((*b).to_owned(), "x.rs".to_owned());
        }
        edges
    };
    assert!(check(&layers, &edge(&[("high", "low")])).is_empty());
    let up = check(&layers, &edge(&[("low", "high")]));
    assert!(
        up.iter().any(|f| f.starts_with("upward edge: `low`")),
        "{up:?}"
    );
    let cycle = check(&layers, &edge(&[("high", "other"), ("other", "high")]));
    assert!(cycle.iter().any(|f| f.starts_with("cycle:")), "{cycle:?}");
    let unknown = check(&layers, &edge(&[("high", "new")]));
    assert!(
        unknown
            .iter()
            .any(|f| f.contains("module `new` is not in the layer table")),
        "{unknown:?}"
    );
}

#[test]
fn test_code_comments_and_strings_make_no_edges() {
    let code = "use crate::a;\n// crate::b\nlet s = \"crate::c\";\n#[cfg(test)]\nmod tests {\n    use crate::d;\n}\nfn f() { crate::e::g(); }\n";
    let found = crate_paths(&without_test_items(&strip_comments_and_strings(code)));
    let names: Vec<&str> = found.iter().map(String::as_str).collect();
    assert_eq!(names, ["a", "e"]);
    let grouped = crate_paths("use crate::{x::y, z, self};");
    assert_eq!(grouped.into_iter().collect::<Vec<_>>(), ["x", "z"]);
}
