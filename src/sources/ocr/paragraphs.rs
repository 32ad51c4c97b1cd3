//! OCR lines into paragraphs: lines joined with a space, hyphenated line
//! ends closed up or kept (see `hyphen`), a paragraph ended by a blank line
//! or by a short line that ends a sentence before a capital, and jump lines
//! (`CONTINUED ON PAGE 32`) as blocks of their own. No line is read as
//! Markdown: a `=` or `- ` in OCR text is noise or a dash, not markup.

use std::ops::Range;

use super::hyphen::{self, Join, Words, hyphen_end};
use crate::model::{Block, BlockKind, JumpDirection};
use crate::parse::roles::find_jump;

/// One source line: its text (trailing blanks trimmed) and where it starts.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub text: &'a str,
    pub start: usize,
}

/// A line shorter than this share of the page's usual line ends a paragraph
/// when it ends a sentence.
const SHORT_LINE: f32 = 0.75;

struct Open {
    text: String,
    source: Range<usize>,
    /// Chars in the paragraph's last line so far.
    last_line: usize,
}

/// Builds the blocks of one article.
pub struct Builder<'w> {
    words: &'w Words,
    blocks: Vec<Block>,
    open: Option<Open>,
    /// Chars in a usual line of the current page's text.
    usual: usize,
    after_page_break: bool,
}

impl<'w> Builder<'w> {
    pub fn new(words: &'w Words) -> Builder<'w> {
        Builder {
            words,
            blocks: Vec::new(),
            open: None,
            usual: 0,
            after_page_break: false,
        }
    }

    pub fn set_usual(&mut self, usual: usize) {
        self.usual = usual;
    }

    pub fn page_break(&mut self) {
        self.after_page_break = true;
    }

    pub fn blank(&mut self) {
        self.close();
    }

    /// A jump line's block, when `line` is one. `page` is this page's label.
    pub fn jump(&mut self, line: Line<'_>, page: &str) -> bool {
        let Some((direction, to)) = jump_of(line.text.trim(), page) else {
            return false;
        };
        self.close();
        let text = line.text.trim();
        let source = line.start..line.start + line.text.len();
        self.blocks.push(block(
            BlockKind::Jump {
                direction,
                page: to,
            },
            text,
            source,
        ));
        true
    }

    pub fn line(&mut self, line: Line<'_>) {
        let text = line.text.trim();
        let end = line.start + line.text.len();
        let page_break = std::mem::take(&mut self.after_page_break);
        let Some(open) = self.open.as_mut() else {
            self.open = Some(Open {
                text: text.to_owned(),
                source: line.start..end,
                last_line: text.chars().count(),
            });
            return;
        };
        let lowercase = text.starts_with(char::is_lowercase);
        let hyphen = hyphen_end(&open.text);
        let breaks = if page_break {
            !lowercase
        } else {
            !hyphen && ends_paragraph(open, text, self.usual)
        };
        if breaks {
            self.close();
            self.line(line);
            return;
        }
        if hyphen && text.starts_with(char::is_alphanumeric) {
            let left = hyphen::left_part(&open.text[..open.text.len() - 1]);
            let join = hyphen::decide(left, hyphen::right_part(text), self.words);
            if join == Join::CloseUp {
                open.text.pop();
            }
        } else {
            open.text.push(' ');
        }
        open.text.push_str(text);
        open.source.end = end;
        open.last_line = text.chars().count();
    }

    fn close(&mut self) {
        if let Some(open) = self.open.take() {
            let block = block(BlockKind::Paragraph, &open.text, open.source);
            self.blocks.push(block);
        }
    }

    pub fn finish(mut self) -> Vec<Block> {
        self.close();
        self.blocks
    }
}

fn block(kind: BlockKind, text: &str, source: Range<usize>) -> Block {
    Block {
        kind,
        text: crate::sources::clean(text),
        source,
        links: Vec::new(),
    }
}

/// Whether `next` starts a new paragraph after the open one: its last line
/// ends a sentence and is short, and `next` starts like a sentence.
fn ends_paragraph(open: &Open, next: &str, usual: usize) -> bool {
    let sentence = open.text.ends_with(['.', '!', '?', '"', '”', '’', ':']);
    let starts = next.starts_with(|c: char| c.is_uppercase() || "\"“‘(".contains(c));
    let short = (usual as f32 * SHORT_LINE) as usize;
    sentence && starts && usual >= 15 && open.last_line <= short
}

/// A jump line's direction and target page. The Courier prints them in
/// capitals and with `NEXT PAGE`, which `find_jump` does not know.
fn jump_of(text: &str, page: &str) -> Option<(JumpDirection, String)> {
    // Every English jump line starts `cont…`; most lines are no jump, and
    // this test is far cheaper than looking for one.
    let bytes = text.as_bytes();
    let hint = bytes.windows(4).any(|w| w.eq_ignore_ascii_case(b"cont"));
    if !hint && !text.contains(['版', '面']) {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let lower = lower.trim_matches(|c: char| "()[] .".contains(c));
    let next = |step: i64| page.parse::<i64>().ok().map(|n| (n + step).to_string());
    for (words, direction, step) in [
        ("continued on next page", JumpDirection::ContinuedOn, 1),
        ("continued next page", JumpDirection::ContinuedOn, 1),
        ("cont'd on next page", JumpDirection::ContinuedOn, 1),
        (
            "continued from previous page",
            JumpDirection::ContinuedFrom,
            -1,
        ),
    ] {
        if lower == words {
            return Some((direction, next(step)?));
        }
    }
    let jump = find_jump(lower)?;
    // A jump inside a sentence (`…stamina for continued work`) is prose.
    (jump.range.start == 0 && jump.range.end == lower.len())
        .then(|| (jump.direction, lower[jump.page].to_ascii_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(lines: &[&str]) -> Vec<Block> {
        let source = lines.join("\n");
        let words = Words::of(&source);
        let mut builder = Builder::new(&words);
        builder.set_usual(30);
        let mut start = 0;
        for text in lines {
            let line = Line { text, start };
            if text.trim().is_empty() {
                builder.blank();
            } else if !builder.jump(line, "12") {
                builder.line(line);
            }
            start += text.len() + 1;
        }
        builder.finish()
    }

    #[test]
    fn hyphens_close_up_or_stay_and_lines_join_with_a_space() {
        let blocks = build(&["the com-", "munications ser-", "vice is well-", "known"]);
        assert_eq!(blocks[0].text, "the communications service is well-known");
        assert_eq!(blocks[0].source, 0..45);
    }

    #[test]
    fn a_short_sentence_end_before_a_capital_ends_the_paragraph() {
        let blocks = build(&[
            "a long line of text that runs on",
            "to the end.",
            "Then a new paragraph starts",
            "",
            "= and - are text",
        ]);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "a long line of text that runs on to the end.",
                "Then a new paragraph starts",
                "= and - are text"
            ]
        );
    }

    #[test]
    fn jump_lines_are_blocks_with_their_page() {
        let blocks = build(&["text", "CONTINUED ON NEXT PAGE", "(Continued from Page 1)"]);
        let jump = |b: &Block| match &b.kind {
            BlockKind::Jump { direction, page } => Some((*direction, page.clone())),
            _ => None,
        };
        assert_eq!(
            jump(&blocks[1]),
            Some((JumpDirection::ContinuedOn, "13".into()))
        );
        assert_eq!(
            jump(&blocks[2]),
            Some((JumpDirection::ContinuedFrom, "1".into()))
        );
        assert_eq!(jump_of("stamina for continued work. The", "3"), None);
    }
}
