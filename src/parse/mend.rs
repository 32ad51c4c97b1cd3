//! Layer 3: repair what page layout broke. A paragraph cut by a column break
//! is joined with its tail (no space between CJK sides, one between Latin
//! sides); a caption printed between the halves moves after the joined
//! paragraph. See `docs/TYPESETTING.md`, "Page-column breaks".
//!
//! Only a paragraph joins, and only to a paragraph: each article is mended
//! on its own, so nothing joins across a headline or kicker; a deck and a
//! byline are fields, not blocks, and `assemble` takes them only before the
//! body, so no paragraph precedes them (a paragraph after them starts
//! fresh); sub-heads and jump lines close the open paragraph here, and a
//! caption waits beside it; a part `assemble` marks as standing alone (a
//! list item, a byline-shaped line in the body) closes it too and is never
//! continued.

use crate::model::{Block, BlockKind, Link};
use crate::parse::markdown::{clip_links, is_cjk, trimmed};
use crate::parse::roles::{ends_sentence, ends_with_stop, starts_with_no_start};

/// A body block from `assemble`, and whether it stands alone: a list item
/// or a byline-shaped line is a whole, never half of a split paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub block: Block,
    pub alone: bool,
}

impl Part {
    /// A block that may join (a paragraph) or not (anything else) by its kind.
    pub fn new(block: Block) -> Part {
        Part {
            block,
            alone: false,
        }
    }

    /// A block that is never joined to another, nor another to it.
    pub fn alone(block: Block) -> Part {
        Part { block, alone: true }
    }
}

/// Whether `next` continues the paragraph `text`.
pub fn continues(text: &str, next: &str) -> bool {
    if starts_with_no_start(next) {
        // `，…` can only be a tail, unless the paragraph ended with a full stop.
        return !ends_with_stop(text);
    }
    !ends_sentence(text)
}

/// `a` + `b` as one paragraph: no space when either side is CJK. The links
/// of `b` move by where its text now starts; links on trimmed whitespace go.
fn join(a: &mut Block, b: Block) {
    let before = a.text.trim_end().chars().next_back();
    let after = b.text.trim_start().chars().next();
    a.text.truncate(a.text.trim_end().len());
    // Only links reaching into the trimmed space change; they are the last
    // (links are in order of their end), and a paragraph joined many times
    // must not re-clip all its links each time.
    let keep = a.links.partition_point(|l| l.range.end <= a.text.len());
    let tail = a.links.split_off(keep);
    a.links.extend(clip_links(&a.text, &tail, 0..a.text.len()));
    let latin_both = before.is_some_and(|c| !is_cjk(c)) && after.is_some_and(|c| !is_cjk(c));
    if latin_both {
        a.text.push(' ');
    }
    let tail = trimmed(&b.text, 0..b.text.len());
    let shift = a.text.len();
    a.links.extend(
        clip_links(&b.text, &b.links, tail.start..b.text.len())
            .into_iter()
            .map(|link| Link {
                range: link.range.start + shift..link.range.end + shift,
                url: link.url,
            }),
    );
    a.text.push_str(&b.text[tail.start..]);
    a.source.end = a.source.end.max(b.source.end);
}

/// Join split paragraphs and move interrupting captions after them; a part
/// marked as standing alone is never joined.
pub fn mend_parts(parts: Vec<Part>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(parts.len());
    // Captions seen after a paragraph that may still continue.
    let mut held: Vec<Block> = Vec::new();
    // The paragraph (index in `out`) the next paragraph may continue.
    let mut open: Option<usize> = None;
    for Part { block, alone } in parts {
        match block.kind {
            BlockKind::Paragraph if !alone => {
                if let Some(index) = open
                    && continues(&out[index].text, &block.text)
                {
                    join(&mut out[index], block);
                    continue;
                }
                out.append(&mut held);
                out.push(block);
                open = Some(out.len() - 1);
            }
            BlockKind::Caption { .. } if open.is_some() => held.push(block),
            _ => {
                out.append(&mut held);
                out.push(block);
                open = None;
            }
        }
    }
    out.append(&mut held);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `mend_parts` over blocks none of which stands alone.
    fn mend(blocks: Vec<Block>) -> Vec<Block> {
        mend_parts(blocks.into_iter().map(Part::new).collect())
    }

    fn block(kind: BlockKind, text: &str, start: usize) -> Block {
        Block {
            kind,
            text: text.to_owned(),
            source: start..start + text.len(),
            links: Vec::new(),
        }
    }

    fn para(text: &str, start: usize) -> Block {
        block(BlockKind::Paragraph, text, start)
    }

    fn caption(text: &str, start: usize) -> Block {
        block(BlockKind::Caption { credit: None }, text, start)
    }

    fn texts(blocks: &[Block]) -> Vec<&str> {
        blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn k37_a_paragraph_without_closing_punctuation_continues() {
        let blocks = mend(vec![
            para("主持召开城市副", 0),
            para("中心建设会议。", 30),
            para("下午继续讨论。", 60),
        ]);
        assert_eq!(
            texts(&blocks),
            ["主持召开城市副中心建设会议。", "下午继续讨论。"]
        );
        assert_eq!(blocks[0].source, 0..30 + "中心建设会议。".len());
    }

    #[test]
    fn k39_a_caption_between_the_halves_moves_after() {
        let blocks = mend(vec![
            para("服务中心、", 0),
            caption("图为新设备。记者 王明/摄", 20),
            para("运河商务区完成试点。", 80),
        ]);
        assert_eq!(
            texts(&blocks),
            ["服务中心、运河商务区完成试点。", "图为新设备。记者 王明/摄"]
        );
    }

    #[test]
    fn latin_halves_get_one_space_and_a_subhead_closes_the_paragraph() {
        let blocks = mend(vec![para("The council voted", 0), para("on Monday.", 20)]);
        assert_eq!(texts(&blocks), ["The council voted on Monday."]);
        let subhead = BlockKind::Subhead { deck: None };
        let blocks = mend(vec![
            para("随后,他主持召开", 0),
            block(subhead, "小标题", 20),
            para("会议。", 30),
        ]);
        assert_eq!(texts(&blocks), ["随后,他主持召开", "小标题", "会议。"]);
    }

    #[test]
    fn a_tail_starting_with_a_comma_is_always_joined() {
        let blocks = mend(vec![
            para("他提出“两个示范区”", 0),
            para("，要求加快建设。", 30),
        ]);
        assert_eq!(texts(&blocks), ["他提出“两个示范区”，要求加快建设。"]);
        let blocks = mend(vec![para("会议结束。", 0), para("下午继续。", 30)]);
        assert_eq!(blocks.len(), 2);
    }

    #[test]
    fn nothing_but_a_paragraph_joins_a_paragraph() {
        let jump = BlockKind::Jump {
            direction: crate::model::JumpDirection::ContinuedOn,
            page: "2".to_owned(),
        };
        let subhead = BlockKind::Subhead { deck: None };
        let kinds = [
            Part::new(block(subhead, "小标题", 20)),
            Part::new(block(jump, "(下转2版)", 20)),
        ];
        let alone = [
            Part::alone(para("• 新公交车", 20)),
            Part::alone(para("记者 王明", 20)),
        ];
        for middle in kinds.into_iter().chain(alone) {
            let text = middle.block.text.clone();
            let blocks = mend_parts(vec![
                Part::new(para("会议强调要", 0)),
                middle,
                Part::new(para("加快建设", 40)),
            ]);
            assert_eq!(texts(&blocks), ["会议强调要", &text, "加快建设"]);
        }
        // A part standing alone is not continued, nor does it continue.
        let blocks = mend_parts(vec![
            Part::alone(para("• 新公交车", 0)),
            Part::alone(para("• 两座桥", 20)),
            Part::new(para("，会议通过", 40)),
        ]);
        assert_eq!(texts(&blocks), ["• 新公交车", "• 两座桥", "，会议通过"]);
        // Only a caption lets the halves join: it waits and moves after them.
        let blocks = mend_parts(vec![
            Part::new(para("会议强调要", 0)),
            Part::new(caption("图为会场。", 20)),
            Part::new(para("加快建设。", 40)),
        ]);
        assert_eq!(texts(&blocks), ["会议强调要加快建设。", "图为会场。"]);
    }

    #[test]
    fn links_of_the_second_half_move_with_its_text() {
        let link = |range, url: &str| Link {
            range,
            url: url.to_owned(),
        };
        let mut first = para("The [council] voted ", 0);
        first.text = "The council voted ".to_owned();
        first.links = vec![link(4..11, "a")];
        let mut second = para("on [Monday].", 30);
        second.text = "  on Monday.".to_owned();
        second.links = vec![link(5..11, "b"), link(0..2, "blank")];
        let joined = mend(vec![first, second]);
        let [block] = &joined[..] else {
            panic!("{joined:?}")
        };
        assert_eq!(block.text, "The council voted on Monday.");
        let texts: Vec<(&str, &str)> = (block.links.iter())
            .map(|l| (&block.text[l.range.clone()], l.url.as_str()))
            .collect();
        assert_eq!(texts, [("council", "a"), ("Monday", "b")]);
    }
}
