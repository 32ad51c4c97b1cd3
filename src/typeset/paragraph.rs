//! Paragraph style: the customary first-line indent of CJK paragraphs.

use super::Options;
use super::classes::{is_cjk_letter, is_kana_or_hangul};

/// Cells of the customary Chinese indent, two ideographic spaces (U+3000 is
/// fullwidth in both ambiguous modes).
const CHINESE_INDENT_CELLS: usize = 4;

/// Cells of the Japanese and Korean indent: one character (jlreq: 段落の
/// 先頭は1字下げ), where a Chinese page uses two.
const ONE_CHARACTER_INDENT_CELLS: usize = 2;

/// How many characters decide whether a paragraph is CJK: a sentence's
/// worth, so the cost per paragraph stays small and bounded.
const SAMPLE_CHARS: usize = 64;

/// Cells of indent to draw before the first line of `paragraph`: 4 for a
/// Chinese paragraph, 2 for a Japanese or Korean one (kana or Hangul among
/// its first characters), none for a Latin one or one that already starts
/// with an ideographic space.
pub fn first_line_indent(paragraph: &str, options: &Options) -> usize {
    let body = paragraph.trim_start_matches(' ');
    if !options.indent || body.starts_with('\u{3000}') || is_list_item(body) {
        return 0;
    }
    let letters = Letters::count(body);
    if !letters.cjk() {
        0
    } else if letters.kana_or_hangul > 0 {
        ONE_CHARACTER_INDENT_CELLS
    } else {
        CHINESE_INDENT_CELLS
    }
}

/// A list item as the parser writes it: a bullet (`•`, `◦`, `▪` by depth)
/// or a number (`3.`, `3)`) and a space. Its marker stands where an indent
/// would, so it gets none.
pub fn is_list_item(text: &str) -> bool {
    if let Some(rest) = text.strip_prefix(['•', '◦', '▪']) {
        return rest.starts_with(' ');
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    (1..=9).contains(&digits)
        && text[digits..].starts_with(['.', ')'])
        && text[digits + 1..].starts_with(' ')
}

/// Whether `text` is Chinese/Japanese/Korean prose rather than Latin: its
/// CJK letters outweigh its Latin letters (a Han character carries about as
/// much as a short Latin word, so Latin letters count a third). Latin means
/// the Latin blocks up to Latin Extended-B.
pub fn is_cjk_paragraph(text: &str) -> bool {
    Letters::count(text).cjk()
}

/// The letters among a paragraph's first `SAMPLE_CHARS` characters.
struct Letters {
    cjk: usize,
    kana_or_hangul: usize,
    latin: usize,
}

impl Letters {
    fn count(text: &str) -> Letters {
        let mut letters = Letters {
            cjk: 0,
            kana_or_hangul: 0,
            latin: 0,
        };
        for c in text.chars().take(SAMPLE_CHARS) {
            if is_cjk_letter(c) {
                letters.cjk += 1;
                if is_kana_or_hangul(c) {
                    letters.kana_or_hangul += 1;
                }
            } else if c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c) {
                letters.latin += 1;
            }
        }
        letters
    }

    fn cjk(&self) -> bool {
        self.cjk > 0 && self.cjk * 3 >= self.latin
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_item_gets_no_indent() {
        let options = Options::default();
        for item in [
            "• 新公交车",
            "◦ 两座桥",
            "▪ 一座图书馆",
            "3. 审议报告",
            "12) 通过预算",
        ] {
            assert_eq!(first_line_indent(item, &options), 0, "{item}");
        }
        for prose in ["•新公交车", "2022年2月13日，天气晴。", "3.5亿元投资。"] {
            assert_eq!(
                first_line_indent(prose, &options),
                CHINESE_INDENT_CELLS,
                "{prose}"
            );
        }
    }

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
        assert_eq!(
            first_line_indent("市議会は7日の本会議で、延伸計画を可決した。", &options),
            2,
            "Japanese: one character"
        );
        assert_eq!(
            first_line_indent("\u{3000}市議会は7日の本会議で", &options),
            0
        );
        let off = Options {
            indent: false,
            ..Options::default()
        };
        assert_eq!(first_line_indent("本报讯", &off), 0);
    }
}
