//! Layer 2, applied in order: masthead and date line, front matter, and the
//! articles (kicker, headline, deck, byline, body parts) from raw blocks.

use std::ops::Range;

use crate::model::{Block, BlockKind, HeadField, HeadLink, Link};
use crate::parse::dateline::{DateLine, parse_date_line};
use crate::parse::markdown::{RawBlock, RawKind, bullet_end, trimmed};
use crate::parse::mend::Part;
use crate::parse::roles::{ends_sentence, is_front_matter, is_label};

mod body;

use body::article;
pub use body::article_warnings;

/// The masthead and date line of an issue.
#[derive(Debug, Default)]
pub struct Head {
    pub masthead: Option<usize>,
    /// The date line's block, and the text of that block after the date line
    /// when the date line was only its first line.
    pub date_line: Option<(usize, DateLine, Option<String>)>,
}

/// An article before mending and ids.
#[derive(Debug, Default)]
pub struct Draft {
    pub kicker: Option<String>,
    pub headline: String,
    pub deck: Option<String>,
    pub byline: Option<String>,
    pub parts: Vec<Part>,
    pub head_links: Vec<HeadLink>,
}

fn level(block: &RawBlock) -> Option<u8> {
    match block.kind {
        RawKind::Heading(level) => Some(level),
        RawKind::Paragraph | RawKind::ListItem => None,
    }
}

/// A paragraph shaped like a label: a kicker, a deck or a sub-head's deck.
/// A list item is a whole of its own, never one of them.
fn is_label_block(block: &RawBlock) -> bool {
    block.kind == RawKind::Paragraph && is_label(&block.text)
}

/// A block's text with its first line split off, when it has more than one.
fn first_line(block: &RawBlock) -> Option<(RawBlock, RawBlock)> {
    let at = *block.breaks.first()?;
    Some((block.slice(0..at), block.slice(at..block.text.len())))
}

/// The date line among the first few paragraphs (whole, or its first line).
fn find_date_line(
    blocks: &[RawBlock],
    skip: Option<usize>,
) -> Option<(usize, DateLine, Option<String>)> {
    let candidates = (0..blocks.len())
        .take_while(|&i| Some(i) == skip || level(&blocks[i]).is_none())
        .filter(|&i| Some(i) != skip)
        .take(4);
    for index in candidates {
        let block = &blocks[index];
        if let Some(line) = parse_date_line(&block.text) {
            return Some((index, line, None));
        }
        if let Some((first, rest)) = first_line(block)
            && let Some(line) = parse_date_line(&first.text)
        {
            return Some((index, line, Some(rest.text.trim().to_owned())));
        }
    }
    None
}

/// Masthead (`#` followed by a date line or by deeper headings) and date line.
pub fn find_head(blocks: &[RawBlock]) -> Head {
    let first_heading = blocks.iter().position(|b| level(b).is_some());
    let masthead = first_heading.filter(|&i| {
        let next_heading = blocks[i + 1..].iter().find_map(level);
        level(&blocks[i]) == Some(1)
            && i < 4
            && (next_heading.is_some_and(|l| l > 1)
                || find_date_line(&blocks[i + 1..], None).is_some())
    });
    let date_line = match masthead {
        Some(m) => find_date_line(&blocks[m + 1..], None).map(|(i, l, r)| (i + m + 1, l, r)),
        None => find_date_line(blocks, None),
    };
    Head {
        masthead,
        date_line,
    }
}

/// The trimmed text of `range` of a block, its source bytes and its links
/// (clipped to the cut, relative to the trimmed text).
struct Cut {
    text: String,
    source: Range<usize>,
    links: Vec<Link>,
}

fn cut(raw: &RawBlock, range: Range<usize>) -> Cut {
    let kept = trimmed(&raw.text, range);
    Cut {
        text: raw.text[kept.clone()].to_owned(),
        source: raw.source_of(kept.clone()),
        links: raw.links_in(kept),
    }
}

/// The trimmed text of `range` of a block as a head field; its links are
/// recorded as that field's.
fn head_field(
    raw: &RawBlock,
    range: Range<usize>,
    field: HeadField,
    links: &mut Vec<HeadLink>,
) -> String {
    let cut = cut(raw, range);
    links.extend(cut.links.into_iter().map(|link| HeadLink {
        field,
        range: link.range,
        url: link.url,
    }));
    cut.text
}

fn whole(raw: &RawBlock) -> Range<usize> {
    0..raw.text.len()
}

fn block(kind: BlockKind, cut: Cut) -> Block {
    Block {
        kind,
        text: cut.text,
        source: cut.source,
        links: cut.links,
    }
}

/// The blocks with the head's roles marked, and where the headlines are.
struct Page<'a> {
    blocks: &'a [RawBlock],
    head: &'a Head,
    headlines: Vec<usize>,
    /// Per headline: the block before it is its kicker.
    kickers: Vec<bool>,
}

impl Page<'_> {
    /// The masthead and the date line are not article or front text.
    fn taken(&self, i: usize) -> bool {
        Some(i) == self.head.masthead || self.head.date_line.as_ref().is_some_and(|d| d.0 == i)
    }

    fn is_kicker(&self, h: usize, is_headline: &dyn Fn(usize) -> bool) -> bool {
        let Some(k) = h.checked_sub(1) else {
            return false;
        };
        let text = &self.blocks[k].text;
        let in_front = self.headlines.first().is_none_or(|&first| k < first);
        if self.taken(k) || k.checked_sub(1).is_some_and(is_headline) {
            return false;
        }
        is_label_block(&self.blocks[k]) && !(in_front && is_front_matter(text))
    }

    fn bodies(&self, range: Range<usize>) -> Vec<&RawBlock> {
        range
            .filter(|&i| !self.taken(i))
            .map(|i| &self.blocks[i])
            .collect()
    }

    /// Lines before the first article (and its kicker).
    fn front(&self) -> Vec<String> {
        let first = self.headlines.first().copied().unwrap_or(self.blocks.len());
        let end = first - usize::from(self.kickers.first() == Some(&true));
        let mut front: Vec<String> = Vec::new();
        if let Some((_, _, Some(rest))) = &self.head.date_line {
            front.push(rest.clone());
        }
        front.extend(self.bodies(0..end).iter().map(|b| b.text.trim().to_owned()));
        front
    }

    fn draft(&self, n: usize) -> Draft {
        let h = self.headlines[n];
        let end = match self.headlines.get(n + 1) {
            Some(&next) => next - usize::from(self.kickers[n + 1]),
            None => self.blocks.len(),
        };
        let mut draft = article(&self.bodies(h + 1..end));
        let links = &mut draft.head_links;
        draft.kicker = self.kickers[n].then(|| {
            let kicker = &self.blocks[h - 1];
            head_field(kicker, whole(kicker), HeadField::Kicker, links)
        });
        let headline = &self.blocks[h];
        draft.headline = head_field(headline, whole(headline), HeadField::Headline, links);
        // Reading order: kicker, headline, deck, byline (stable within each).
        links.sort_by_key(|link| link.field);
        draft
    }
}

/// Articles and front matter from the blocks after the head.
pub fn articles(blocks: &[RawBlock], head: &Head) -> (Vec<String>, Vec<Draft>) {
    let mut page = Page {
        blocks,
        head,
        headlines: Vec::new(),
        kickers: Vec::new(),
    };
    let not_masthead = |i: &usize| Some(*i) != head.masthead;
    let levels = (0..blocks.len())
        .filter(not_masthead)
        .filter_map(|i| level(&blocks[i]));
    let Some(headline_level) = levels.min() else {
        return (
            Vec::new(),
            untitled(&page.bodies(0..blocks.len()))
                .into_iter()
                .collect(),
        );
    };
    let is_headline = |i: usize| {
        Some(i) != head.masthead && level(&blocks[i]).is_some_and(|l| l <= headline_level)
    };
    page.headlines = (0..blocks.len()).filter(|&i| is_headline(i)).collect();
    page.kickers = page
        .headlines
        .iter()
        .map(|&h| page.is_kicker(h, &is_headline))
        .collect();
    let drafts = (0..page.headlines.len()).map(|n| page.draft(n)).collect();
    (page.front(), drafts)
}

/// A file with no headings: one article titled from its first line.
fn untitled(blocks: &[&RawBlock]) -> Option<Draft> {
    let (first, rest) = blocks.split_first()?;
    let split = first_line(first);
    let (title, tail) = match &split {
        Some((line, tail)) if !line.text.trim().is_empty() => (line, Some(tail)),
        _ => (*first, None),
    };
    // Plain text puts one paragraph on each line: split where a line ends a
    // sentence (a line that does not is a hard wrap inside the paragraph).
    let lines: Vec<RawBlock> = tail
        .into_iter()
        .chain(rest.iter().copied())
        .flat_map(split_sentences)
        .collect();
    let body: Vec<&RawBlock> = lines.iter().collect();
    let mut draft = article(&body);
    let links = &mut draft.head_links;
    let start = match title.kind {
        RawKind::ListItem => bullet_end(&title.text),
        _ => 0,
    };
    let range = start..title.text.len();
    draft.headline = head_field(title, range, HeadField::Headline, links);
    links.sort_by_key(|link| link.field);
    Some(draft)
}

fn split_sentences(block: &RawBlock) -> Vec<RawBlock> {
    let mut out = Vec::new();
    let mut start = 0;
    for &at in &block.breaks {
        if ends_sentence(&block.text[start..at]) {
            out.push(block.slice(start..at));
            start = at;
        }
    }
    if start == 0 {
        out.push(block.clone());
    } else {
        out.push(block.slice(start..block.text.len()));
    }
    out
}
