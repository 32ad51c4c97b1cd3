//! Paragraph style: the customary first-line indent of CJK paragraphs.

use super::Options;
use super::classes::is_cjk_letter;

/// Two ideographic spaces: the customary Chinese paragraph indent (4 cells).
pub const INDENT: &str = "\u{3000}\u{3000}";

/// Cells `INDENT` takes (U+3000 is fullwidth in both ambiguous modes).
const INDENT_CELLS: usize = 4;

/// How many characters decide whether a paragraph is CJK: a sentence's
/// worth, so the cost per paragraph stays small and bounded.
const SAMPLE_CHARS: usize = 64;

/// Cells of indent to draw before the first line of `paragraph`: 4 for a CJK
/// paragraph that does not already start with one, else 0.
pub fn first_line_indent(paragraph: &str, options: &Options) -> usize {
    let body = paragraph.trim_start_matches(' ');
    if !options.indent || body.starts_with('\u{3000}') || !is_cjk_paragraph(body) {
        return 0;
    }
    INDENT_CELLS
}

/// Whether `text` is Chinese/Japanese/Korean prose rather than Latin: its
/// CJK letters outweigh its Latin letters (a Han character carries about as
/// much as a short Latin word, so Latin letters count a third). Latin means
/// the Latin blocks up to Latin Extended-B.
pub fn is_cjk_paragraph(text: &str) -> bool {
    let (mut cjk, mut latin) = (0usize, 0usize);
    for c in text.chars().take(SAMPLE_CHARS) {
        if is_cjk_letter(c) {
            cjk += 1;
        } else if c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c) {
            latin += 1;
        }
    }
    cjk > 0 && cjk * 3 >= latin
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_paragraphs_get_two_ideographic_spaces() {
        let options = Options::default();
        assert_eq!(first_line_indent("本报讯 昨天上午", &options), 4);
        assert_eq!(first_line_indent("\u{3000}\u{3000}本报讯", &options), 0);
        assert_eq!(
            first_line_indent("The mayor visited 通州 today.", &options),
            0
        );
        assert_eq!(first_line_indent("2022年2月13日", &options), 4);
        let off = Options {
            indent: false,
            ..Options::default()
        };
        assert_eq!(first_line_indent("本报讯", &off), 0);
    }
}
