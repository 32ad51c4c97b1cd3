//! Text from outside (a feed's title) made into one file or folder name.

use super::classes::{is_format_hazard, is_unsafe};
use super::safe::clean;

/// The longest name made, in characters (file systems allow 255 bytes;
/// CJK takes three each).
const MAX_CHARS: usize = 80;

/// `text` as one safe path component, or `None` when nothing is left:
/// cleaned (the one sanitiser), then path separators, controls, bidi and
/// other format characters and the characters file systems or shells trip
/// over (`: * ? " < > |`) become spaces, runs of spaces one, no `..`, no
/// leading dot (no hidden file, no `.` or `..`), at most 80 characters.
/// `../../etc` → `etc`; `人民日报` stays.
pub fn file_name_part(text: &str) -> Option<String> {
    let cleaned = clean(text);
    let spaced: String = cleaned
        .chars()
        .map(|c| {
            let bad = is_unsafe(c)
                || is_format_hazard(c)
                || c.is_whitespace()
                || matches!(
                    c,
                    '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '\0'
                );
            if bad { ' ' } else { c }
        })
        .collect();
    let mut name = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    while name.contains("..") {
        name = name.replace("..", ".");
    }
    let name = name
        .trim_start_matches(['.', ' '])
        .trim_end_matches(['.', ' ']);
    let name: String = name.chars().take(MAX_CHARS).collect();
    let name = name.trim_end().to_owned();
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_names_become_one_safe_component() {
        assert_eq!(file_name_part("../../etc").as_deref(), Some("etc"));
        assert_eq!(file_name_part("人民日报").as_deref(), Some("人民日报"));
        assert_eq!(file_name_part("a/b\\c").as_deref(), Some("a b c"));
        assert_eq!(
            file_name_part("x\x1b[31my\u{202e}z").as_deref(),
            Some("xyz")
        );
        assert_eq!(file_name_part(".hidden").as_deref(), Some("hidden"));
        assert_eq!(file_name_part("a..b").as_deref(), Some("a.b"));
        assert_eq!(file_name_part(" .. / .. "), None);
        assert_eq!(file_name_part(""), None);
        assert_eq!(
            file_name_part(&"长".repeat(300)).map(|n| n.chars().count()),
            Some(80)
        );
    }
}
