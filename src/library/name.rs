//! File names as they may be shown: a hostile name (`x\e[2J.md`) must not
//! reach a terminal raw (RELIABILITY §1.4.2), so control characters, bidi
//! controls, backslashes and bytes that are not UTF-8 are escaped in the
//! C style of `ls -b`. Spaces and Chinese stay as they are.

use std::fmt::Write as _;
use std::path::Path;

use super::sanitize::is_format_hazard;

/// A path escaped for display.
pub fn escape_path(path: &Path) -> String {
    escape_bytes(path.as_os_str().as_encoded_bytes())
}

/// Bytes of a name escaped for display; valid UTF-8 stays readable.
pub fn escape_bytes(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            escape_char(c, &mut out);
        }
        for byte in chunk.invalid() {
            let _ = write!(out, "\\{byte:03o}"); // writing to a String cannot fail
        }
    }
    out
}

fn escape_char(c: char, out: &mut String) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        '\u{1B}' => out.push_str("\\e"),
        _ if c.is_control() => {
            let mut buf = [0; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "\\{byte:03o}"); // infallible, as above
            }
        }
        _ if is_format_hazard(c) || matches!(c, '\u{2028}' | '\u{2029}') => {
            let _ = write!(out, "\\u{{{:04X}}}", u32::from(c)); // infallible
        }
        _ => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_text_kept() {
        assert_eq!(
            escape_bytes(b"x\x1b[2J\x1b]52;c;eA==\x07.md"),
            "x\\e[2J\\e]52;c;eA==\\007.md"
        );
        assert_eq!(escape_bytes("报 纸\\a.md".as_bytes()), "报 纸\\\\a.md");
        assert_eq!(escape_bytes(b"a\xffb\n"), "a\\377b\\n");
        assert_eq!(
            escape_bytes("\u{202E}txt.exe".as_bytes()),
            "\\u{202E}txt.exe"
        );
        assert_eq!(escape_bytes("a\u{9b}b".as_bytes()), "a\\302\\233b");
    }
}
