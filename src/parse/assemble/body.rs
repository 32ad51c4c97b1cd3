//! An article's body, block by block: its deck and byline (wherever the
//! issue puts them: after the headline, after the deck, after the kicker
//! and headline), sub-heads, captions, list items, paragraphs and the jump
//! lines inside them, as `Part`s for `mend`.

use std::ops::Range;

use super::{Cut, Draft, block, cut, head_field, is_label_block, whole};
use crate::model::{Block, BlockKind, HeadField, HeadLink};
use crate::parse::markdown::{RawBlock, RawKind};
use crate::parse::mend::Part;
use crate::parse::roles::{
    caption, ends_sentence, find_jump, is_byline, is_deck_before_byline, lead_in,
    starts_with_no_start,
};

/// A sub-head at `body[*index - 1]`; a short unpunctuated line after it is
/// its deck (and is consumed).
fn subhead(raw: &RawBlock, body: &[&RawBlock], index: &mut usize) -> Block {
    let mut head = cut(raw, whole(raw));
    let deck = body.get(*index).filter(|next| is_label_block(next));
    if let Some(next) = deck {
        head.source.end = head.source.end.max(next.source().end);
        *index += 1;
    }
    let deck = deck.map(|d| d.text.trim().to_owned());
    block(BlockKind::Subhead { deck }, head)
}

/// Deck, byline and body parts of one article.
pub fn article(body: &[&RawBlock]) -> Draft {
    let mut draft = Draft::default();
    let mut index = 0;
    // A short first line is no deck when the next block is its tail: a
    // first paragraph cut by a column break (`…and the line` / `opened…`).
    let cut_after = body.get(1).is_some_and(|next| {
        let text = next.text.trim_start();
        let lower = text.starts_with(char::is_lowercase);
        next.kind == RawKind::Paragraph && (lower || starts_with_no_start(text))
    });
    if let Some(first) = body.first()
        && is_label_block(first)
        && !cut_after
    {
        let links = &mut draft.head_links;
        draft.deck = Some(head_field(first, whole(first), HeadField::Deck, links));
        index = 1;
    }
    // Whether the block before was a byline line: a second one adds to it.
    let mut after_byline = false;
    while let Some(raw) = body.get(index) {
        index += 1;
        let was_byline = std::mem::take(&mut after_byline);
        if raw.text.trim().is_empty() {
            continue;
        }
        match raw.kind {
            RawKind::Heading(_) => draft.parts.push(Part::new(subhead(raw, body, &mut index))),
            // A list item keeps its place and its marker: a block of its own.
            RawKind::ListItem => {
                let item = block(BlockKind::Paragraph, cut(raw, whole(raw)));
                draft.parts.push(Part::alone(item));
            }
            RawKind::Paragraph => after_byline = body_block(&mut draft, raw, was_byline),
        }
    }
    draft
}

/// One paragraph-level block of an article: a byline (true when it was
/// one), a caption, or a paragraph with its lead-in and jump lines.
fn body_block(draft: &mut Draft, raw: &RawBlock, after_byline: bool) -> bool {
    let text = raw.text.trim();
    if is_byline(text) {
        if after_byline || in_head(draft) {
            // Each source line is a group of names: `本报记者 李华` over
            // `通讯员 张强` reads as two, not as `李华通讯员`.
            let mut start = 0;
            for end in raw.breaks.iter().copied().chain([raw.text.len()]) {
                add_byline(draft, raw, start..end);
                start = end;
            }
            return true;
        }
        // A byline-shaped line inside the body is not half of a sentence.
        let line = block(BlockKind::Paragraph, cut(raw, whole(raw)));
        draft.parts.push(Part::alone(line));
    } else if let Some(found) = caption(&raw.text) {
        let credit = found.credit.map(|r| raw.text[r].trim().to_owned());
        // The credit is a plain string: a link on it is clipped away.
        let text = cut(raw, 0..found.text_end);
        let source = raw.source();
        let caption = block(BlockKind::Caption { credit }, Cut { source, ..text });
        draft.parts.push(Part::new(caption));
    } else {
        let lead = lead_in(&raw.text).filter(|_| in_head(draft));
        if let Some(end) = lead {
            add_byline(draft, raw, 0..end);
        }
        paragraph(raw, lead.unwrap_or(0), &mut draft.parts);
    }
    false
}

/// Whether a byline may still come: the article has none, and its body has
/// no text yet but captions, or one line shaped like a deck where there is
/// no deck yet (`——记…`, too long for `is_label`): the byline after it
/// makes it the deck, see `add_byline`.
fn in_head(draft: &Draft) -> bool {
    let mut texts =
        (draft.parts.iter()).filter(|p| !matches!(p.block.kind, BlockKind::Caption { .. }));
    let deck_line = |part: &Part| {
        draft.deck.is_none()
            && !part.alone
            && part.block.kind == BlockKind::Paragraph
            && is_deck_before_byline(&part.block.text)
    };
    draft.byline.is_none()
        && match (texts.next(), texts.next()) {
            (None, _) => true,
            (Some(part), None) => deck_line(part),
            _ => false,
        }
}

/// `range` of `raw` as the byline, or added to it after a space (a second
/// byline line: `本报记者 李华` then `通讯员 张强`). A line left in the body
/// before the first byline line (see `in_head`) is the deck.
fn add_byline(draft: &mut Draft, raw: &RawBlock, range: Range<usize>) {
    let links = &mut draft.head_links;
    if draft.byline.is_none()
        && let Some(at) = (draft.parts.iter()).position(|p| p.block.kind == BlockKind::Paragraph)
    {
        let deck = draft.parts.remove(at).block;
        links.extend(deck.links.into_iter().map(|link| HeadLink {
            field: HeadField::Deck,
            range: link.range,
            url: link.url,
        }));
        draft.deck = Some(deck.text);
    }
    let mut line_links = Vec::new();
    let line = head_field(raw, range, HeadField::Byline, &mut line_links);
    if line.is_empty() {
        return;
    }
    let byline = draft.byline.get_or_insert_with(String::new);
    if !byline.is_empty() {
        byline.push(' ');
    }
    let shift = byline.len();
    byline.push_str(&line);
    links.extend(line_links.into_iter().map(|link| HeadLink {
        range: link.range.start + shift..link.range.end + shift,
        ..link
    }));
}

/// A paragraph from `start` of a block, with a jump line at its start or end
/// split off into its own block.
fn paragraph(raw: &RawBlock, start: usize, parts: &mut Vec<Part>) {
    let text = &raw.text[start..];
    let mut push = |kind, range| parts.push(Part::new(block(kind, cut(raw, range))));
    let Some(jump) = find_jump(text) else {
        if !text.trim().is_empty() {
            push(BlockKind::Paragraph, start..raw.text.len());
        }
        return;
    };
    let range = start + jump.range.start..start + jump.range.end;
    let page = text[jump.page.clone()].to_owned();
    let kind = BlockKind::Jump {
        direction: jump.direction,
        page,
    };
    let before = start..range.start;
    let after = range.end..raw.text.len();
    if !raw.text[before.clone()].trim().is_empty() {
        push(BlockKind::Paragraph, before);
    }
    push(kind, range);
    if !raw.text[after.clone()].trim().is_empty() {
        push(BlockKind::Paragraph, after);
    }
}

/// The warnings a reader should see about an article, from its parts
/// before mending (mending changes no part's last words, and knows which
/// parts stand alone: a list or a byline ending an article is whole).
pub fn article_warnings(headline: &str, parts: &[Part]) -> Option<String> {
    let last = parts
        .iter()
        .rev()
        .find(|p| matches!(p.block.kind, BlockKind::Paragraph | BlockKind::Jump { .. }))?;
    let open = matches!(last.block.kind, BlockKind::Paragraph) && !last.alone;
    (open && !ends_sentence(&last.block.text))
        .then(|| format!("“{headline}”: the last paragraph ends mid-sentence; text may be missing"))
}
