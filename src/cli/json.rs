//! `broadsheet json`: the parsed issues as one JSON array on standard output.

use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use super::NoPaths;
use crate::library::Library;
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

pub fn run(args: &JsonArgs, config_file: Option<&Path>) -> anyhow::Result<ExitCode> {
    let config = super::load_config(config_file)?;
    let library = super::open_library(&args.paths, &config, NoPaths::Sample);
    let mut array = JsonArray::new(BufWriter::new(io::stdout().lock()), args.pretty);
    // Streamed one issue at a time: a large library never sits in memory
    // whole, and a closed pipe stops the work early.
    let failed = for_each_issue(&library, |_, issue| array.push(issue))?;
    array.finish().context("writing to standard output")?;
    Ok(exit_code(failed))
}

/// A JSON array written element by element, byte-for-byte what serde_json
/// would write for the whole `Vec`, with unsafe characters escaped.
pub struct JsonArray<W: Write> {
    out: W,
    pretty: bool,
    count: usize,
}

impl<W: Write> JsonArray<W> {
    pub fn new(out: W, pretty: bool) -> JsonArray<W> {
        JsonArray {
            out,
            pretty,
            count: 0,
        }
    }

    pub fn push(&mut self, issue: &Issue) -> io::Result<()> {
        let json = if self.pretty {
            serde_json::to_string_pretty(issue)
        } else {
            serde_json::to_string(issue)
        }
        .map_err(io::Error::other)?;
        let json = escape_unsafe(&json);
        let open: &[u8] = match (self.count, self.pretty) {
            (0, true) => b"[\n",
            (0, false) => b"[",
            (_, true) => b",\n",
            (_, false) => b",",
        };
        self.out.write_all(open)?;
        self.count += 1;
        if !self.pretty {
            return self.out.write_all(json.as_bytes());
        }
        // JSON strings hold no raw line breaks, so indenting lines is safe.
        for (n, line) in json.lines().enumerate() {
            let sep: &[u8] = if n == 0 { b"  " } else { b"\n  " };
            self.out.write_all(sep)?;
            self.out.write_all(line.as_bytes())?;
        }
        Ok(())
    }

    /// Close the array (`[]` when empty), end the line and flush.
    pub fn finish(mut self) -> io::Result<()> {
        let close: &[u8] = match (self.count, self.pretty) {
            (0, _) => b"[]\n",
            (_, true) => b"\n]\n",
            (_, false) => b"]\n",
        };
        self.out.write_all(close)?;
        self.out.flush()
    }
}

/// Exit 0 when every issue parsed, 1 when some file failed.
pub(crate) fn exit_code(failed: bool) -> ExitCode {
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Parse every issue of `library`, in library order, and hand each to `each`
/// with its label (`(sample)`, `-`, the path). Problems go to standard error
/// naming the file and the reason; `Ok(true)` when any file failed. An
/// error from `each` is a failed write to standard output and ends the run.
pub(crate) fn for_each_issue(
    library: &Library,
    mut each: impl FnMut(&str, &Issue) -> io::Result<()>,
) -> anyhow::Result<bool> {
    let mut failed = report_messages(library);
    for index in 0..library.entries.len() {
        let label = library.label(index);
        match parse_entry(library, index) {
            Ok(issue) => {
                each(&label, &issue).context("writing to standard output")?;
            }
            Err(reason) => {
                failed = true;
                complain(&format!("{}: {}", guard(&label), guard(&reason)));
            }
        }
    }
    Ok(failed)
}

/// Tell standard error what the library skipped; true when it skipped anything.
pub(crate) fn report_messages(library: &Library) -> bool {
    for message in &library.messages {
        complain(&guard(message));
    }
    !library.messages.is_empty()
}

/// Read, decode and parse one entry; decoding warnings go to standard error.
pub(crate) fn parse_entry(library: &Library, index: usize) -> Result<Issue, String> {
    let decoded = library.read_decoded(index).map_err(|e| e.to_string())?;
    for warning in &decoded.warnings {
        complain(&guard(warning));
    }
    Ok(parse::parse_issue(
        &decoded.text,
        library.file_name(index).as_deref(),
    ))
}

/// One line on standard error. If stderr itself is closed there is no one to
/// tell, and standard output should still be written.
pub(crate) fn complain(message: &str) {
    let _ = writeln!(io::stderr().lock(), "broadsheet: {message}");
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

    fn issue(paper: &str) -> Issue {
        let mut issue = parse::parse_issue("## 标题\n\n正文。\n", None);
        issue.paper = paper.to_owned();
        issue
    }

    #[test]
    fn the_streamed_array_is_what_serde_json_writes() {
        let issues = [issue("甲"), issue("乙\u{2028}")];
        for pretty in [false, true] {
            for count in 0..=issues.len() {
                let mut out = Vec::new();
                let mut array = JsonArray::new(&mut out, pretty);
                for issue in &issues[..count] {
                    array.push(issue).unwrap();
                }
                array.finish().unwrap();
                let whole = if pretty {
                    serde_json::to_string_pretty(&issues[..count])
                } else {
                    serde_json::to_string(&issues[..count])
                };
                let expected = escape_unsafe(&whole.unwrap()) + "\n";
                assert_eq!(
                    String::from_utf8(out).unwrap(),
                    expected,
                    "pretty {pretty}, {count}"
                );
            }
        }
    }

    #[test]
    fn guarded_text_has_no_controls() {
        assert_eq!(guard("x\u{1b}[2J\u{202e}y"), "x\\u{1b}[2J\\u{202e}y");
    }
}
