//! `broadsheet json`: the parsed issues as one JSON array on standard output.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use super::NoPaths;
use super::report::{exit_code, for_each_issue};
use crate::model::Issue;

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
    let failed = for_each_issue(&library, |issue| array.push(issue))?;
    array
        .finish()
        .context(crate::i18n::t!("cli.writing_stdout"))?;
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

/// serde_json escapes only U+0000–001F; escape the rest of the unsafe set as
/// `\uXXXX`. They can only occur inside strings, where the escape is valid.
pub fn escape_unsafe(json: &str) -> String {
    crate::text::escape(json, crate::text::Notation::Json).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse;

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
}
