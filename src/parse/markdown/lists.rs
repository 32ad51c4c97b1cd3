//! A list item's marker as the reader sees it. Markdown's marker is syntax,
//! but the list it makes is content: without a visible marker, items read
//! as a run of short paragraphs (or, joined, as one garbled sentence). So
//! each item keeps a readable marker at the start of its text: an ordered
//! item its number as printed (`3.`, `2)`), a bullet item a bullet glyph
//! whose shape tells the nesting depth, as HTML's default list styles do
//! (disc, circle, square), since indenting by spaces would not survive the
//! typesetter's trimming.

use std::ops::Range;

/// Bullet glyphs by nesting depth (1 = outermost); deeper lists repeat the last.
pub const BULLETS: [&str; 3] = ["•", "◦", "▪"];

/// The text to show for the marker of the list item starting at `at` in
/// `source`, nested `depth` lists deep, and the source bytes of the marker
/// it stands for. `None` when there is no marker there (never, for an item
/// pulldown-cmark reports).
pub fn marker(source: &str, at: usize, depth: usize) -> Option<(String, Range<usize>)> {
    let rest = source.get(at..)?;
    let start = at + (rest.len() - rest.trim_start().len());
    let rest = &source[start..];
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    if digits > 0 {
        let delimiter = rest[digits..]
            .chars()
            .next()
            .filter(|c| matches!(c, '.' | ')'))?;
        let end = start + digits + delimiter.len_utf8();
        return Some((format!("{} ", &source[start..end]), start..end));
    }
    let bullet = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '*' | '+'))?;
    let glyph = BULLETS[depth.clamp(1, BULLETS.len()) - 1];
    Some((format!("{glyph} "), start..start + bullet.len_utf8()))
}

/// The bytes of the bullet glyph and space that start `text`, or 0: a
/// headline taken from a list item's line reads without it.
pub fn bullet_end(text: &str) -> usize {
    BULLETS
        .iter()
        .find_map(|glyph| text.strip_prefix(glyph)?.strip_prefix(' '))
        .map_or(0, |rest| text.len() - rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_kept_and_bullets_show_their_depth() {
        let source = "3. 审议\n  - 地铁\n10) ten\n+ x\n";
        assert_eq!(marker(source, 0, 1), Some(("3. ".to_owned(), 0..2)));
        let at = source.find("  -").unwrap();
        let dash = source.find('-').unwrap();
        assert_eq!(
            marker(source, at, 2),
            Some(("◦ ".to_owned(), dash..dash + 1))
        );
        let at = source.find("10)").unwrap();
        assert_eq!(marker(source, at, 1), Some(("10) ".to_owned(), at..at + 3)));
        let at = source.find('+').unwrap();
        assert_eq!(marker(source, at, 7).map(|m| m.0), Some("▪ ".to_owned()));
        assert_eq!(marker("plain", 0, 1), None);
        assert_eq!(bullet_end("◦ 地铁"), "◦ ".len());
        assert_eq!(bullet_end("•地铁"), 0);
    }
}
