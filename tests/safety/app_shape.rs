//! The shape issue 9 asked of `app`, kept: no struct of `app` has more than
//! 12 fields; `update` is the only function outside `app`'s own parts that
//! changes an `App` (no `&mut self` method of `App` is visible outside
//! `app`, and no code outside it assigns to a field); no test reads an
//! `App` field directly (they read accessors). Read from `src/` as text.
// Tests may unwrap, expect and panic: a failure is the report.

use std::fs;
use std::path::Path;

/// The most fields a struct of `app` may have (docs/STYLE.md, habit 13).
const MOST_FIELDS: usize = 12;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every file below `dir` with its text split at its first `#[cfg(test)]`
/// (the code before, the tests after); a file that is all tests is all after.
fn split_files(dir: &Path) -> Vec<(String, String, String)> {
    let mut files = Vec::new();
    super::layers::walk(dir, &mut files);
    files
        .iter()
        .map(|file| {
            let text = fs::read_to_string(file).unwrap();
            let name = file.strip_prefix(root()).unwrap().display().to_string();
            let all_tests = name.ends_with("_tests.rs") || name.ends_with("test_support.rs");
            let at = if all_tests {
                0
            } else {
                text.find("#[cfg(test)]").unwrap_or(text.len())
            };
            let (code, tests) = text.split_at(at);
            (name, code.to_owned(), tests.to_owned())
        })
        .collect()
}

/// The body of the block that opens at the first `{` at or after `from`.
fn block(text: &str, from: usize) -> &str {
    let Some(open) = text[from..].find('{').map(|i| from + i) else {
        return "";
    };
    let mut depth = 0usize;
    for (i, c) in text[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return &text[open + 1..open + i];
                }
            }
            _ => {}
        }
    }
    &text[open + 1..]
}

/// The names of `App`'s fields, from `src/app/mod.rs`.
fn app_fields() -> Vec<String> {
    let text = fs::read_to_string(root().join("src/app/mod.rs")).unwrap();
    let at = text
        .find("pub struct App {")
        .expect("pub struct App in src/app/mod.rs");
    fields(block(&text, at))
}

/// `name: Type` lines at the top of a struct's body.
fn fields(body: &str) -> Vec<String> {
    let mut depth = 0i32;
    let mut out = Vec::new();
    for line in body.lines() {
        let line = line.trim();
        if depth == 0 && !line.starts_with("//") && !line.starts_with('#') {
            let line = line
                .strip_prefix("pub(crate) ")
                .or_else(|| line.strip_prefix("pub(super) "))
                .or_else(|| line.strip_prefix("pub "))
                .unwrap_or(line);
            if let Some((name, _)) = line.split_once(':')
                && !name.is_empty()
                && name.chars().all(|c| c.is_alphanumeric() || c == '_')
            {
                out.push(name.to_owned());
            }
        }
        depth += line.matches(['{', '(', '[', '<']).count() as i32;
        depth -= line.matches(['}', ')', ']', '>']).count() as i32;
        depth -= line.matches("->").count() as i32;
    }
    out
}

#[test]
fn no_struct_of_app_has_more_than_12_fields() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for (file, code, _) in split_files(&root().join("src/app")) {
        let mut rest = 0;
        while let Some(i) = code[rest..].find("struct ") {
            let at = rest + i;
            rest = at + "struct ".len();
            let head = &code[rest..];
            let name: String = head
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let after = head[name.len()..].trim_start();
            // Only `struct Name {` and `struct Name<…> {`: not tuple or unit structs.
            let opens = after.starts_with('{') || (after.starts_with('<') && !after.contains(';'));
            let semicolon_first = match (head.find('{'), head.find(';')) {
                (Some(brace), Some(semicolon)) => semicolon < brace,
                (brace, _) => brace.is_none(),
            };
            if name.is_empty() || !opens || semicolon_first {
                continue;
            }
            checked += 1;
            let n = fields(block(&code, at)).len();
            if n > MOST_FIELDS {
                failures.push(format!("{file}: struct {name} has {n} fields (most: {MOST_FIELDS}): give a concern its own part"));
            }
        }
    }
    assert!(checked >= 10, "found only {checked} structs in src/app");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn update_is_the_only_way_to_change_the_app() {
    let mut failures = Vec::new();
    for (file, code, _) in split_files(&root().join("src/app")) {
        // A `&mut self` method of App visible outside `app` would be a
        // second way in: such methods are private or `pub(super)`.
        let mut rest = 0;
        while let Some(i) = code[rest..].find("\nimpl App {") {
            let at = rest + i;
            let body = block(&code, at);
            for line in body.lines() {
                let t = line.trim_start();
                if (t.starts_with("pub fn ") || t.starts_with("pub(crate) fn "))
                    && t.contains("&mut self")
                {
                    failures.push(format!("{file}: `{t}` changes the App from outside `app`: make it pub(super) and send a Msg"));
                }
            }
            rest = at + 1;
        }
        for line in code.lines() {
            let t = line.trim_start();
            if (t.starts_with("pub fn ") || t.starts_with("pub(crate) fn "))
                && t.contains(": &mut App")
                && !t.starts_with("pub fn update(")
            {
                failures.push(format!("{file}: `{t}`: only `update` takes `&mut App`"));
            }
        }
    }
    // Outside `app`, code carries `&mut App` only to hand it to `update`
    // (the event loop's `settle`): it assigns no field.
    let fields = app_fields();
    assert!(fields.len() >= 5, "App's fields not found: {fields:?}");
    for (file, code, _) in split_files(&root().join("src")) {
        if file.starts_with("src/app/") {
            continue;
        }
        for (n, line) in code.lines().enumerate() {
            for field in &fields {
                if assigns(line, field) || line.contains(&format!("&mut app.{field}")) {
                    failures.push(format!(
                        "{file}:{}: changes App's `{field}` outside `update`: {}",
                        n + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Whether `line` assigns to `app.<field>` or a path below it
/// (`app.screen.focus = …`, `app.counts.n += 1`).
fn assigns(line: &str, field: &str) -> bool {
    let needle = format!("app.{field}");
    line.match_indices(&needle).any(|(i, _)| {
        let before = line[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            return false;
        }
        let after = &line[i + needle.len()..];
        let path_end = after
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .unwrap_or(after.len());
        if after[..path_end].chars().next().is_some_and(|c| c != '.') {
            return false; // `app.screens`: another name
        }
        let rest = after[path_end..].trim_start();
        (rest.starts_with('=') && !rest.starts_with("=="))
            || rest.starts_with("+=")
            || rest.starts_with("-=")
    })
}

#[test]
fn no_test_reads_an_app_field() {
    let fields = app_fields();
    let mut failures = Vec::new();
    // Each file's test code, with the line it starts on.
    let mut tests: Vec<(String, usize, String)> = split_files(&root().join("src"))
        .into_iter()
        .map(|(file, code, tests)| (file, code.matches('\n').count(), tests))
        .collect();
    tests.extend(
        split_files(&root().join("tests"))
            .into_iter()
            .map(|(file, code, tests)| (file, 0, code + &tests)),
    );
    for (file, start, text) in tests {
        if file.ends_with("app_shape.rs") {
            continue;
        }
        for (n, line) in text.lines().enumerate() {
            for field in &fields {
                let read = line.match_indices(&format!("app.{field}")).any(|(i, m)| {
                    let after = &line[i + m.len()..];
                    let before = line[..i].chars().next_back();
                    !after.starts_with(|c: char| c.is_alphanumeric() || c == '_' || c == '(')
                        && !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                });
                if read {
                    failures.push(format!(
                        "{file}:{}: reads App's `{field}`; use an accessor: {}",
                        start + n + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
