//! Where a match in a block's text is in the source text, when that can be
//! proved. A block's text is usually a verbatim slice of its source range,
//! but not always: markup is dropped, and a paragraph `parse::mend`
//! rejoined spans both halves and whatever the page printed between them.
//! So the text is aligned with its source from each end, once per block,
//! and a match gets a source range only inside a stretch proved identical
//! byte for byte; elsewhere it gets none rather than a wrong one.

use std::ops::Range;

use memchr::memmem;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Alignment {
    /// Source offset of the text's start, and how many bytes from there on
    /// are identical in both.
    head: Option<(usize, usize)>,
    /// Source offset of the text's end, and how many bytes before it are
    /// identical in both.
    tail: Option<(usize, usize)>,
    text_len: usize,
}

impl Alignment {
    /// Align `text` with `source[range]`.
    pub fn new(text: &str, source: &str, range: Range<usize>) -> Alignment {
        let empty = Alignment {
            head: None,
            tail: None,
            text_len: text.len(),
        };
        let Some(slice) = source.get(range.clone()) else {
            return empty;
        };
        if text.is_empty() {
            return empty;
        }
        let (bytes, within) = (text.as_bytes(), slice.as_bytes());
        // Anchored on one character: markup before or after the text
        // (`## `, `> `, `**`) never holds it in practice, and anything
        // longer could straddle a join, which may be anywhere.
        let head_anchor = &bytes[..first_len(text)];
        let head = memmem::find(within, head_anchor).map(|at| {
            let same = common_prefix(bytes, &within[at..]);
            (range.start + at, same)
        });
        let tail_anchor = &bytes[text.len() - last_len(text)..];
        let tail = memmem::rfind(within, tail_anchor).map(|at| {
            let end = at + tail_anchor.len();
            let same = common_suffix(bytes, &within[..end]);
            (range.start + end, same)
        });
        Alignment {
            head,
            tail,
            text_len: text.len(),
        }
    }

    /// The source range of text bytes `hit`, when proved.
    pub fn source(&self, hit: &Range<usize>) -> Option<Range<usize>> {
        if let Some((start, same)) = self.head
            && hit.end <= same
        {
            return Some(start + hit.start..start + hit.end);
        }
        let (end, same) = self.tail?;
        let from_end = self.text_len.checked_sub(hit.start)?;
        (from_end <= same).then(|| end - from_end..end - (self.text_len - hit.end))
    }
}

fn first_len(text: &str) -> usize {
    text.chars().next().map_or(0, char::len_utf8)
}

fn last_len(text: &str) -> usize {
    text.chars().next_back().map_or(0, char::len_utf8)
}

fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source_of(text: &str, source: &str, hit: Range<usize>) -> Option<String> {
        let align = Alignment::new(text, source, 0..source.len());
        align.source(&hit).map(|r| source[r].to_owned())
    }

    #[test]
    fn a_verbatim_block_maps_everywhere() {
        let text = "plain words here";
        for hit in [0..5, 6..11, 12..16] {
            assert_eq!(source_of(text, text, hit.clone()).unwrap(), &text[hit]);
        }
    }

    #[test]
    fn markup_before_the_text_is_skipped() {
        let source = "## A sub-head\n";
        let text = "A sub-head";
        assert_eq!(source_of(text, source, 2..5).unwrap(), "sub");
    }

    #[test]
    fn a_mended_paragraph_maps_both_halves_but_not_the_join() {
        let source = "盘活存量\n\n（下转2版）\n\n低效用地";
        let text = "盘活存量低效用地";
        assert_eq!(source_of(text, source, 0..6).unwrap(), "盘活");
        assert_eq!(source_of(text, source, 18..24).unwrap(), "用地");
        assert_eq!(source_of(text, source, 6..18), None);
    }

    #[test]
    fn a_blank_line_turned_space_stops_the_proof_there() {
        let source = "A deck\n\nBy Zoë\n\nThe body";
        let text = "A deck By Zoë The body";
        assert_eq!(source_of(text, source, 2..6).unwrap(), "deck");
        assert_eq!(source_of(text, source, 7..9), None);
        assert_eq!(source_of(text, source, 19..23).unwrap(), "body");
    }

    #[test]
    fn long_words_anchor_on_their_first_bytes() {
        let text = "盘活存量低效用地盘活存量低效用地";
        let source = format!("> {text}\n");
        assert_eq!(source_of(text, &source, 45..48).unwrap(), "地");
        assert_eq!(source_of(text, &source, 0..3).unwrap(), "盘");
    }

    #[test]
    fn text_not_in_the_source_maps_nowhere() {
        assert_eq!(source_of("abc", "xyz", 0..1), None);
        assert_eq!(source_of("abc", "", 0..1), None);
    }
}
