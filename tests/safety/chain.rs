//! The invariants of the whole chain (decode → sanitise → parse → layout →
//! `dump` and JSON), checked on any bytes. Shared word for word by the
//! property test here and the fuzz target (`fuzz/fuzz_targets/chain.rs`
//! includes this file), so CI checks on every change what the fuzzer
//! checks for hours.

use broadsheet::cli::dump::write_issue;
use broadsheet::cli::json::escape_unsafe;
use broadsheet::library::{Extent, decode, sanitize};
use broadsheet::parse::parse_issue;
use broadsheet::typeset::{self, AmbiguousWidth, Options};

/// Widths every input is set at: the narrowest, odd ones, a phone's column.
pub const WIDTHS: [usize; 7] = [1, 2, 3, 5, 8, 13, 40];

/// Check every invariant on `bytes` as an issue file; the first broken one.
pub fn check(bytes: &[u8]) -> Result<(), String> {
    let Ok(decoded) = decode(bytes, Extent::Whole) else {
        return Ok(()); // refused as binary: nothing reaches an output
    };
    let clean = sanitize(&decoded.text);
    if sanitize(&clean) != clean {
        return Err(format!("sanitising twice changed {clean:?}"));
    }
    let issue = parse_issue(&clean, Some("fuzz-2024-03-12.md"));
    let json = escape_unsafe(&serde_json::to_string(&issue).map_err(|e| e.to_string())?);
    if let Some(c) = forbidden(&json) {
        return Err(format!("JSON holds {c:?}: {json:?}"));
    }
    serde_json::from_str::<serde_json::Value>(&json).map_err(|e| format!("JSON: {e}"))?;
    for ambiguous in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
        let options = Options {
            ambiguous,
            ..Options::default()
        };
        for width in WIDTHS {
            dump_fits(&issue, width, &options)?;
            for article in &issue.articles {
                let heading = typeset::wrap_heading(&article.headline, width, &options);
                nothing_lost(&article.headline, &heading)?;
                for block in &article.blocks {
                    nothing_lost(&block.text, &typeset::wrap(&block.text, width, 0, &options))?;
                }
            }
        }
    }
    Ok(())
}

/// Every line `dump` writes fits `width` cells and is safe to print.
fn dump_fits(
    issue: &broadsheet::model::Issue,
    width: usize,
    options: &Options,
) -> Result<(), String> {
    let mut out = Vec::new();
    write_issue(&mut out, issue, width, options).map_err(|e| e.to_string())?;
    let out = String::from_utf8(out).map_err(|e| e.to_string())?;
    if let Some(c) = forbidden(&out) {
        return Err(format!("dump at {width} holds {c:?}: {out:?}"));
    }
    for line in out.lines() {
        let cells = typeset::str_width(line, options.ambiguous);
        if cells > width {
            return Err(format!(
                "dump at {width} ({:?}): {line:?} is {cells} cells",
                options.ambiguous
            ));
        }
    }
    Ok(())
}

/// The lines are in order and only whitespace falls between them.
fn nothing_lost(text: &str, lines: &[std::ops::Range<usize>]) -> Result<(), String> {
    let mut at = 0;
    for line in lines {
        let gap = text
            .get(at..line.start)
            .ok_or_else(|| format!("{text:?}: lines out of order"))?;
        if !gap.chars().all(char::is_whitespace) || text.get(line.clone()).is_none() {
            return Err(format!("{text:?}: {gap:?} lost before {line:?}"));
        }
        at = line.end;
    }
    match text.get(at..) {
        Some(rest) if rest.chars().all(char::is_whitespace) => Ok(()),
        _ => Err(format!("{text:?}: the end lost after byte {at}")),
    }
}

/// The first character in `text` that no output may hold: a control but
/// the line feed (a tab too: output has them expanded), a line or paragraph
/// separator, a bidi control, a BOM, a TAG character outside an emoji tag
/// sequence. Written here, not taken from the crate, so that the tests do
/// not trust the code they test.
pub fn forbidden(text: &str) -> Option<char> {
    let mut in_tags = false;
    text.chars().find(|&c| {
        let tag = ('\u{E0000}'..='\u{E007F}').contains(&c);
        let bad = match c {
            '\n' => false,
            '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{061C}' | '\u{200E}' | '\u{200F}' => true,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => true,
            _ if tag => !in_tags,
            _ => c.is_control(),
        };
        in_tags = c == '\u{1F3F4}' || (in_tags && tag && c != '\u{E007F}');
        bad
    })
}
