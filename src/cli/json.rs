//! `broadsheet json`: the parsed issues as one JSON array on standard output.

use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::library::{Library, LibraryOptions};
use crate::model::Issue;
use crate::parse;

#[derive(Debug, clap::Args)]
pub struct JsonArgs {
    /// Indent the JSON for people (default: one compact line).
    #[arg(long)]
    pub pretty: bool,
    /// Issue files or folders; none: the sample issue.
    pub paths: Vec<PathBuf>,
}

pub fn run(args: &JsonArgs) -> anyhow::Result<ExitCode> {
    let (issues, failed) = parse_all(&args.paths)?;
    let json = if args.pretty {
        serde_json::to_string_pretty(&issues)
    } else {
        serde_json::to_string(&issues)
    }
    .context("serialising the issues as JSON")?;
    let mut out = BufWriter::new(io::stdout().lock());
    out.write_all(escape_unsafe(&json).as_bytes())
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush())
        .context("writing to standard output")?;
    Ok(exit_code(failed))
}

/// Exit 0 when every issue parsed, 1 when some file failed.
pub(crate) fn exit_code(failed: bool) -> ExitCode {
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Every issue at `paths` with its label, in library order; problems go to
/// standard error naming the file and the reason. `true` when any failed.
pub(crate) fn parse_all(paths: &[PathBuf]) -> anyhow::Result<(Vec<Issue>, bool)> {
    let (labelled, failed) = parse_labelled(paths)?;
    Ok((
        labelled.into_iter().map(|(_, issue)| issue).collect(),
        failed,
    ))
}

/// As `parse_all`, keeping each issue's label (`(sample)`, `-`, the path).
pub(crate) fn parse_labelled(paths: &[PathBuf]) -> anyhow::Result<(Vec<(String, Issue)>, bool)> {
    let library = Library::open(paths, &LibraryOptions::default());
    let mut err = io::stderr().lock();
    let mut failed = !library.messages.is_empty();
    for message in &library.messages {
        writeln!(err, "broadsheet: {}", guard(message)).context("writing to standard error")?;
    }
    let mut issues = Vec::with_capacity(library.entries.len());
    for index in 0..library.entries.len() {
        let label = library.label(index);
        match library.read(index) {
            Ok(text) => {
                let issue = parse::parse_issue(&text, library.file_name(index).as_deref());
                issues.push((label, issue));
            }
            Err(reason) => {
                failed = true;
                writeln!(err, "broadsheet: {}: {}", guard(&label), guard(&reason))
                    .context("writing to standard error")?;
            }
        }
    }
    Ok((issues, failed))
}

/// Characters a terminal may act on or reorder even inside a JSON string:
/// DEL and C1 controls, line/paragraph separators, bidi controls.
fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{7f}'..='\u{9f}'
        | '\u{61c}'
        | '\u{200e}' | '\u{200f}'
        | '\u{2028}' | '\u{2029}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}')
}

/// serde_json escapes only U+0000–001F; escape the rest of the unsafe set as
/// `\uXXXX`. They can only occur inside strings, where the escape is valid.
pub fn escape_unsafe(json: &str) -> String {
    if !json.contains(is_unsafe) {
        return json.to_owned();
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_unsafe(c) {
            // Writing to a String cannot fail.
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// Plain text for a terminal line: controls and bidi controls shown as
/// `\u{…}` instead of acting.
pub(crate) fn guard(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() || is_unsafe(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_characters_are_escaped_and_the_json_stays_valid() {
        let raw = serde_json::to_string("a\u{9b}b\u{2028}c\u{202e}d\u{7f}").unwrap();
        let safe = escape_unsafe(&raw);
        assert_eq!(safe, r#""a\u009bb\u2028c\u202ed\u007f""#);
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "a\u{9b}b\u{2028}c\u{202e}d\u{7f}");
    }

    #[test]
    fn guarded_text_has_no_controls() {
        assert_eq!(guard("x\u{1b}[2J\u{202e}y"), "x\\u{1b}[2J\\u{202e}y");
    }
}
