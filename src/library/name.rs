//! File names as they may be shown: a hostile name (`x\e[2J.md`) must not
//! reach a terminal raw, so control characters, bidi controls, backslashes
//! and bytes that are not UTF-8 are escaped in the C style of `ls -b` (by
//! the one escaper, `text::escape_bytes`). Spaces and Chinese stay as they
//! are.

use std::path::Path;

pub use crate::text::escape_bytes;

/// A path escaped for display.
pub fn escape_path(path: &Path) -> String {
    escape_bytes(path.as_os_str().as_encoded_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_text_kept() {
        assert_eq!(
            escape_path(Path::new("x\x1b[2J\u{202E}txt.exe")),
            "x\\e[2J\\u{202E}txt.exe"
        );
        assert_eq!(escape_bytes("a\u{9b}b".as_bytes()), "a\\302\\233b");
    }
}
