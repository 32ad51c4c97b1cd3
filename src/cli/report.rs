//! What the commands share: reading and parsing each issue in library
//! order, and telling standard error about problems in text that cannot
//! act on a terminal.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Context;

use crate::i18n::t;
use crate::library::Library;
use crate::library::scan::EXTENSIONS;
use crate::model::Issue;
use crate::sources;

/// Exit 0 when every issue parsed, 1 when some file failed.
pub(crate) fn exit_code(failed: bool) -> ExitCode {
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Parse every issue of `library`, in library order, and hand each to
/// `each`. Problems go to standard error naming the file and the reason;
/// `Ok(true)` when any file failed. An error from `each` is a failed write
/// to standard output and ends the run.
pub(crate) fn for_each_issue(
    library: &Library,
    mut each: impl FnMut(&Issue) -> io::Result<()>,
) -> anyhow::Result<bool> {
    for_each_parsed(library, |_, issue, _| each(issue))
}

/// [`for_each_issue`], also handing over the entry's index and the decoded
/// text the issue was parsed from (its byte ranges point into it).
pub(crate) fn for_each_parsed(
    library: &Library,
    mut each: impl FnMut(usize, &Issue, &str) -> io::Result<()>,
) -> anyhow::Result<bool> {
    let mut failed = report_messages(library);
    for index in 0..library.entries.len() {
        match read_and_parse(library, index) {
            Ok((issue, text)) => {
                each(index, &issue, &text).context(t!("cli.writing_stdout"))?;
            }
            Err(reason) => {
                failed = true;
                let label = library.label(index);
                complain(&format!("{}: {}", guard(&label), guard(&reason)));
            }
        }
    }
    Ok(failed)
}

/// Tell standard error what the library skipped, and that it found nothing
/// when it did (an empty folder is otherwise a silent success); true when
/// it skipped anything or found nothing.
pub(crate) fn report_messages(library: &Library) -> bool {
    report_skipped(library);
    if library.entries.is_empty() {
        complain(&t!("cli.no_issue_found", files = issue_files_hint()));
    }
    !library.messages.is_empty() || library.entries.is_empty()
}

/// Tell standard error what the library skipped, each with its reason.
pub(crate) fn report_skipped(library: &Library) {
    for message in &library.messages {
        complain(&guard(message));
    }
}

/// `(issue files end in .md, .markdown or .txt)`, from the extensions the
/// library looks for, so the message cannot drift from the scan.
pub(crate) fn issue_files_hint() -> String {
    let names: Vec<String> = EXTENSIONS.iter().map(|e| format!(".{e}")).collect();
    match names.split_last() {
        Some((last, [])) => t!("cli.files_end_in", last = last),
        Some((last, rest)) => {
            let rest = rest.join(&t!("cli.list_separator"));
            t!("cli.files_end_in_any", rest = rest, last = last)
        }
        None => String::new(),
    }
}

/// Read, decode and parse one entry; decoding warnings go to standard error.
pub(crate) fn parse_entry(library: &Library, index: usize) -> Result<Issue, String> {
    read_and_parse(library, index).map(|(issue, _)| issue)
}

/// [`parse_entry`], with the decoded text.
fn read_and_parse(library: &Library, index: usize) -> Result<(Issue, String), String> {
    let decoded = library.read_decoded(index).map_err(|e| e.to_string())?;
    for warning in &decoded.warnings {
        complain(&guard(warning));
    }
    let issue = sources::read_issue(&decoded.text, library.file_name(index).as_deref());
    Ok((issue, decoded.text))
}

/// One line on standard error. If stderr itself is closed there is no one to
/// tell, and standard output should still be written.
pub(crate) fn complain(message: &str) {
    let _ = writeln!(io::stderr().lock(), "broadsheet: {message}");
}

/// Plain text for a terminal line: controls and bidi controls shown as
/// `\u{…}` instead of acting.
pub(crate) fn guard(text: &str) -> String {
    crate::text::escape(text, crate::text::Notation::Message).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guarded_text_has_no_controls() {
        assert_eq!(guard("x\u{1b}[2J\u{202e}y"), "x\\u{1b}[2J\\u{202e}y");
    }
}
