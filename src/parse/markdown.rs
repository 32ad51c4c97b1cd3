//! Layer 1: pulldown-cmark offset events → raw blocks (heading level, plain
//! text, source byte range). Knows Markdown, not newspapers: emphasis, code
//! and links become plain text, and every block can map a range of its text
//! back to the source bytes it came from. Links (and images: a photo's alt
//! text with the photo's URL) keep their URL as a `Link` on the range of
//! their text; `RawBlock::links_in` carries them through every cut.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

mod links;
mod lists;

pub use crate::model::Link;
use crate::text;
pub use links::{clip_links, safe_url, trimmed};
pub use lists::{BULLETS, bullet_end};

/// What Markdown made of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RawKind {
    /// `#` is 1, `##` is 2, …
    Heading(u8),
    /// Paragraphs, code and HTML blocks: text a reader reads.
    Paragraph,
    /// A list item (its text starts with its marker, see `lists`), or a
    /// block inside one: a whole of its own, never a newspaper role and
    /// never joined to the text around it.
    ListItem,
}

/// A run of block text and the source bytes it came from. `linear` runs are
/// byte-for-byte copies of the source, so any offset inside maps exactly;
/// other runs (entities, inserted break spaces) map to their whole range.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    text_start: usize,
    source: Range<usize>,
    linear: bool,
}

/// One Markdown block as plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawBlock {
    pub kind: RawKind,
    pub text: String,
    /// Text offsets where a source line ended inside the block.
    pub breaks: Vec<usize>,
    pub links: Vec<Link>,
    /// Per link: the smallest start of it and every later link. `links` are
    /// in order of their end (inner links close first); with this, the
    /// links a range can touch are found by binary search on both sides, so
    /// splitting a long block with many links line by line stays linear.
    link_reach: Vec<usize>,
    pieces: Vec<Piece>,
}

impl RawBlock {
    fn new(kind: RawKind) -> RawBlock {
        RawBlock {
            kind,
            text: String::new(),
            breaks: Vec::new(),
            links: Vec::new(),
            link_reach: Vec::new(),
            pieces: Vec::new(),
        }
    }

    /// The source bytes the whole block's text came from.
    pub fn source(&self) -> Range<usize> {
        self.source_of(0..self.text.len())
    }

    /// The source bytes that `range` of the block's text came from.
    pub fn source_of(&self, range: Range<usize>) -> Range<usize> {
        let (Some(first), Some(last)) = (self.pieces.first(), self.pieces.last()) else {
            return 0..0;
        };
        if range.is_empty() {
            let at = self.map(range.start, true).unwrap_or(first.source.start);
            return at..at;
        }
        let start = self.map(range.start, true).unwrap_or(first.source.start);
        let end = self.map(range.end, false).unwrap_or(last.source.end);
        start..end.max(start)
    }

    /// Map one text offset to a source offset; `start` chooses which side of
    /// a non-linear piece an offset inside it maps to.
    fn map(&self, offset: usize, start: bool) -> Option<usize> {
        let index = if start {
            self.pieces.partition_point(|p| p.text_start <= offset)
        } else {
            self.pieces.partition_point(|p| p.text_start < offset)
        };
        let piece = self.pieces.get(index.checked_sub(1)?)?;
        let within = offset - piece.text_start;
        Some(if piece.linear {
            (piece.source.start + within).min(piece.source.end)
        } else if start && within == 0 {
            piece.source.start
        } else {
            piece.source.end
        })
    }

    /// The part of this block at `range` of its text, with its own mapping.
    pub fn slice(&self, range: Range<usize>) -> RawBlock {
        let mut part = RawBlock::new(self.kind);
        part.text = self.text[range.clone()].to_owned();
        // Only the pieces, breaks and links inside `range`, found by binary
        // search: splitting a long plain-text block line by line must stay
        // linear, not touch every piece per line.
        let first = self
            .pieces
            .partition_point(|p| p.text_start <= range.start)
            .saturating_sub(1);
        for (index, piece) in self.pieces.iter().enumerate().skip(first) {
            if piece.text_start >= range.end {
                break;
            }
            let end = self
                .pieces
                .get(index + 1)
                .map_or(self.text.len(), |next| next.text_start);
            let (from, to) = (piece.text_start.max(range.start), end.min(range.end));
            if from >= to {
                continue;
            }
            let source = if piece.linear {
                let start = piece.source.start + (from - piece.text_start);
                start..start + (to - from)
            } else {
                piece.source.clone()
            };
            part.pieces.push(Piece {
                text_start: from - range.start,
                source,
                linear: piece.linear,
            });
        }
        let breaks = self.breaks.partition_point(|&b| b <= range.start);
        part.breaks = (self.breaks[breaks..].iter())
            .take_while(|&&b| b < range.end)
            .map(|b| b - range.start)
            .collect();
        part.links = self.links_in(range);
        part.index_links();
        part
    }

    fn index_links(&mut self) {
        let mut reach = usize::MAX;
        let mut link_reach: Vec<usize> = (self.links.iter().rev())
            .map(|link| {
                reach = reach.min(link.range.start);
                reach
            })
            .collect();
        link_reach.reverse();
        self.link_reach = link_reach;
    }

    /// The links inside `range` of the text, relative to its start: a link
    /// the range cuts keeps only its part inside, one it leaves empty is
    /// dropped, so no range ever points at other characters.
    pub fn links_in(&self, range: Range<usize>) -> Vec<Link> {
        let window = if self.link_reach.len() == self.links.len() {
            let from = self.links.partition_point(|l| l.range.end <= range.start);
            let to = self.link_reach.partition_point(|&start| start < range.end);
            from..to.max(from)
        } else {
            0..self.links.len()
        };
        clip_links(&self.text, &self.links[window], range)
    }

    fn push(&mut self, text: &str, source: Range<usize>, linear: bool) {
        if text.is_empty() {
            return;
        }
        self.pieces.push(Piece {
            text_start: self.text.len(),
            source,
            linear,
        });
        self.text.push_str(text);
    }
}

/// True for characters set in CJK text, where a line break joins with no space.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'
        | '\u{2E80}'..='\u{2FDF}'
        | '\u{3000}'..='\u{303F}'
        | '\u{3040}'..='\u{33FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFF}')
}

/// Accumulates events into blocks.
struct Builder<'s> {
    source: &'s str,
    blocks: Vec<RawBlock>,
    current: Option<RawBlock>,
    /// A line break seen but not yet written: its source range.
    pending_break: Option<Range<usize>>,
    /// Open links: text start and URL.
    links: Vec<(usize, String)>,
    /// How many lists the current position is inside.
    list_depth: usize,
    /// The current block is a list item holding only its marker so far.
    fresh_item: bool,
}

impl<'s> Builder<'s> {
    fn open(&mut self, kind: RawKind) {
        // A loose list item's first paragraph continues the item's block.
        if !(self.fresh_item && kind == RawKind::ListItem) {
            self.flush();
            self.current = Some(RawBlock::new(kind));
        }
    }

    /// The kind of a text block opened here: inside a list, part of an item.
    fn body_kind(&self) -> RawKind {
        if self.list_depth > 0 {
            RawKind::ListItem
        } else {
            RawKind::Paragraph
        }
    }

    fn flush(&mut self) {
        self.pending_break = None;
        self.links.clear();
        // A bullet item with nothing but its marker has nothing to read
        // (an empty numbered item still shows its number, text as printed).
        let fresh = std::mem::take(&mut self.fresh_item);
        if let Some(mut block) = self.current.take()
            && !block.text.trim().is_empty()
            && !(fresh && bullet_end(&block.text) == block.text.len())
        {
            block.index_links();
            self.blocks.push(block);
        }
    }

    /// Add text from `range` of the source; the text is a copy of the source
    /// there unless an escape or entity changed it.
    ///
    /// The source was sanitised, but a character reference (`&#x202E;`,
    /// `&rlm;`, `&#27;`) decodes to any character here, after that: such
    /// text goes through the sanitiser again, the last decoding step's, and
    /// a separator it turned into a line break is a break in the block, as
    /// a source line end is.
    fn text(&mut self, text: &str, range: Range<usize>) {
        let text = text.trim_end_matches('\r');
        if text.is_empty() {
            return;
        }
        let raw = self.source.get(range.clone()).unwrap_or("");
        if raw != text && !text::is_clean(text) {
            for (i, line) in text::clean(text).split('\n').enumerate() {
                if i > 0 {
                    self.line_break(range.clone());
                }
                self.plain_text(line, raw, range.clone());
            }
            return;
        }
        self.plain_text(text, raw, range);
    }

    /// Add `text`, safe to show, from `range` of the source (`raw`).
    fn plain_text(&mut self, text: &str, raw: &str, range: Range<usize>) {
        if text.is_empty() {
            return;
        }
        let kind = self.body_kind();
        self.fresh_item = false;
        let block = self.current.get_or_insert_with(|| RawBlock::new(kind));
        if let Some(at) = self.pending_break.take() {
            // Between CJK characters a source line break is no space at all;
            // between Latin words it is one space.
            let before = block.text.chars().next_back();
            let after = text.chars().next();
            let cjk = before.is_some_and(is_cjk) || after.is_some_and(is_cjk);
            block.breaks.push(block.text.len());
            if !cjk && before.is_some() {
                block.push(" ", at, false);
            }
        }
        if raw == text {
            block.push(text, range, true);
        } else if let Some(offset) = raw.find(text) {
            let start = range.start + offset;
            block.push(text, start..start + text.len(), true);
        } else {
            block.push(text, range, false);
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Code(text) | Event::InlineMath(text) => {
                self.text(&text, range);
            }
            Event::DisplayMath(text) | Event::InlineHtml(text) | Event::Html(text) => {
                self.text(text.trim_end_matches(['\n', '\r']), range);
            }
            Event::FootnoteReference(label) => self.text(&label, range),
            Event::SoftBreak | Event::HardBreak => self.line_break(range),
            Event::Rule => self.flush(),
            Event::TaskListMarker(_) => {}
        }
    }

    /// A line break at `range`, written when the text after it comes.
    fn line_break(&mut self, range: Range<usize>) {
        let written = self.current.as_ref().is_some_and(|b| !b.text.is_empty());
        if written && !self.fresh_item {
            self.pending_break = Some(range);
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Heading { level, .. } => self.open(RawKind::Heading(level as u8)),
            Tag::Paragraph | Tag::CodeBlock(_) | Tag::HtmlBlock => self.open(self.body_kind()),
            Tag::Item => {
                self.flush();
                self.current = Some(RawBlock::new(RawKind::ListItem));
                self.item_marker(range);
            }
            Tag::List(_) => self.list_depth += 1,
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                let at = self.current.as_ref().map_or(0, |b| b.text.len());
                self.links.push((at, safe_url(&dest_url)));
            }
            _ => {}
        }
    }

    /// The item's marker as the reader sees it (see `lists`), standing for
    /// the marker's source bytes.
    fn item_marker(&mut self, range: Range<usize>) {
        let found = lists::marker(self.source, range.start, self.list_depth);
        if let (Some((text, source)), Some(block)) = (found, &mut self.current) {
            block.push(&text, source, false);
            self.fresh_item = true;
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_)
            | TagEnd::Paragraph
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::Item => self.flush(),
            TagEnd::List(_) => self.list_depth = self.list_depth.saturating_sub(1),
            TagEnd::Link | TagEnd::Image => {
                if let (Some((start, url)), Some(block)) = (self.links.pop(), &mut self.current) {
                    // A break space written after the link opened is not its text.
                    let range = trimmed(&block.text, start..block.text.len());
                    if !range.is_empty() {
                        block.links.push(Link { range, url });
                    }
                }
            }
            _ => {}
        }
    }
}

/// Every block of `source` that holds text, in order.
pub fn raw_blocks(source: &str) -> Vec<RawBlock> {
    let mut builder = Builder {
        source,
        blocks: Vec::new(),
        current: None,
        pending_break: None,
        links: Vec::new(),
        list_depth: 0,
        fresh_item: false,
    };
    for (event, range) in Parser::new_ext(source, Options::empty()).into_offset_iter() {
        builder.event(event, range);
    }
    builder.flush();
    builder.blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_paragraphs_keep_their_source() {
        let src = "# 报\n\n## 标题\n\n正文第一段。\n";
        let blocks = raw_blocks(src);
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[0].kind, RawKind::Heading(1));
        assert_eq!(blocks[1].kind, RawKind::Heading(2));
        assert_eq!(blocks[1].text, "标题");
        assert_eq!(&src[blocks[1].source()], "标题");
        assert_eq!(&src[blocks[2].source()], "正文第一段。");
    }

    #[test]
    fn soft_breaks_join_cjk_without_space_and_latin_with_one() {
        let blocks = raw_blocks("城市副\n中心\n\nred\r\nfox\n");
        assert_eq!(blocks[0].text, "城市副中心");
        assert_eq!(blocks[0].breaks, vec!["城市副".len()]);
        assert_eq!(blocks[1].text, "red fox");
    }

    #[test]
    fn emphasis_code_and_links_become_plain_text() {
        let src = "See *the* `map` at [our site](https://example.com).\n";
        let blocks = raw_blocks(src);
        assert_eq!(blocks[0].text, "See the map at our site.");
        let link = &blocks[0].links[0];
        assert_eq!(&blocks[0].text[link.range.clone()], "our site");
        assert_eq!(link.url, "https://example.com");
        let at = blocks[0].text.find("map").unwrap();
        assert_eq!(&src[blocks[0].source_of(at..at + 3)], "map");
    }

    #[test]
    fn list_items_are_blocks_and_keep_their_numbers() {
        let blocks = raw_blocks("1. 一是\n2. 二是\n\n- 甲\n- 乙\n");
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["1. 一是", "2. 二是", "• 甲", "• 乙"]);
        assert!(blocks.iter().all(|b| b.kind == RawKind::ListItem));
        let src = "3. 三\n\n4. 四\n\n   续\n\n- 甲\n  - 乙\n-\n\n后文\n";
        let blocks = raw_blocks(src);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["3. 三", "4. 四", "续", "• 甲", "◦ 乙", "后文"]);
        assert_eq!(blocks[5].kind, RawKind::Paragraph);
        assert_eq!(&src[blocks[4].source()], "- 乙");
    }

    #[test]
    fn character_references_are_sanitised_after_decoding() {
        let blocks = raw_blocks("## &#x202E;gnp.exe\n\na&#27;[2Jb&#x9b;c&#8232;d&rlm;e&#xE0041;\n");
        assert_eq!(blocks[0].text, "gnp.exe");
        // A lone introducer starts no sequence: it is dropped, and what
        // follows it stays text.
        assert_eq!(blocks[1].text, "a[2Jbc de");
        assert_eq!(blocks[1].breaks, vec!["a[2Jbc".len()]);
    }

    #[test]
    fn sub_ranges_map_back_to_source_bytes() {
        let src = "前言\n\n本报讯(记者 王明)今天,会议召开。\n";
        let block = &raw_blocks(src)[1];
        let at = block.text.find("今天").unwrap();
        let range = block.source_of(at..block.text.len());
        assert_eq!(&src[range], "今天,会议召开。");
        let tail = block.slice(at..block.text.len());
        assert_eq!(tail.text, "今天,会议召开。");
        assert_eq!(&src[tail.source()], "今天,会议召开。");
        assert_eq!(&src[tail.source_of(3..6)], "天");
    }
}
