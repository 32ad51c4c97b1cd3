//! Links while Markdown is flattened: trimming and clipping link ranges to
//! a cut of the text, and making a URL safe to print.

use std::ops::Range;

use crate::model::Link;

/// `range` of `text` without the whitespace at its ends.
pub fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let part = &text[range.clone()];
    let start = range.start + (part.len() - part.trim_start().len());
    start..start + part.trim().len()
}

/// The links among `links` (ranges in `text`) that fall inside `range`,
/// clipped to it, trimmed of whitespace and moved to be relative to its
/// start; links left with no text are dropped.
pub fn clip_links(text: &str, links: &[Link], range: Range<usize>) -> Vec<Link> {
    // Links are in order of their end (inner links close first), not always
    // of their start, so this filters rather than binary-searching.
    links
        .iter()
        .filter_map(|link| {
            let from = link.range.start.max(range.start);
            let to = link.range.end.min(range.end);
            if from >= to {
                return None;
            }
            let kept = trimmed(text, from..to);
            (!kept.is_empty()).then(|| Link {
                range: kept.start - range.start..kept.end - range.start,
                url: link.url.clone(),
            })
        })
        .collect()
}

/// A URL as safe as the text around it: the whole file was sanitised before
/// parsing, but entities and escapes (`&#27;`, `&#x202e;`) decode to any
/// character here. Control, bidi, line-separator and whitespace characters
/// are percent-encoded (their UTF-8 bytes), which is how a URL writes them.
pub fn safe_url(url: &str) -> String {
    crate::text::escape(url, crate::text::Notation::Url).into_owned()
}

#[cfg(test)]
mod tests {
    use super::super::{RawBlock, raw_blocks};
    use super::*;

    fn links(block: &RawBlock) -> Vec<(&str, &str)> {
        let text = |l: &Link| &block.text[l.range.clone()];
        block
            .links
            .iter()
            .map(|l| (text(l), l.url.as_str()))
            .collect()
    }

    #[test]
    fn reference_links_autolinks_and_images_keep_their_urls() {
        let src = "Read [the report][r], <https://a.example/x> and\n[more](/m).\n\n\
                   ![图为新设备。](photo.jpg)\n\n[r]: https://r.example/report\n";
        let blocks = raw_blocks(src);
        assert_eq!(
            links(&blocks[0]),
            [
                ("the report", "https://r.example/report"),
                ("https://a.example/x", "https://a.example/x"),
                ("more", "/m"),
            ]
        );
        assert_eq!(links(&blocks[1]), [("图为新设备。", "photo.jpg")]);
        assert_eq!(blocks.len(), 2, "a link definition is syntax, not text");
    }

    #[test]
    fn a_url_cannot_carry_controls_to_the_output() {
        let src = "[x](http://a.example/&#27;[2J&#x202e;b) [y](<http://b.example/a b>)\n";
        let urls: Vec<String> = raw_blocks(src)[0]
            .links
            .iter()
            .map(|l| l.url.clone())
            .collect();
        assert_eq!(
            urls,
            [
                "http://a.example/%1B[2J%E2%80%AEb",
                "http://b.example/a%20b"
            ]
        );
    }

    #[test]
    fn cuts_clip_links_and_drop_emptied_ones() {
        let block = &raw_blocks("ab [cd ef](u) gh [ij](v)\n")[0];
        let part = block.slice(4..block.text.len());
        assert_eq!(links(&part), [("d ef", "u"), ("ij", "v")]);
        let part = block.slice(6..11);
        assert_eq!(links(&part), [("ef", "u")]);
        assert!(block.links_in(0..3).is_empty());
        assert!(raw_blocks("[](u) x\n")[0].links.is_empty());
        // An image inside a link: the inner one closes first.
        let block = &raw_blocks("x [a ![b](i) c](u) y [d](v)\n")[0];
        assert_eq!(links(block), [("b", "i"), ("a b c", "u"), ("d", "v")]);
        assert_eq!(links(&block.slice(2..5)), [("b", "i"), ("a b", "u")]);
        assert_eq!(links(&block.slice(5..8)), [("c", "u")]);
        assert_eq!(links(&block.slice(9..block.text.len())), [("d", "v")]);
    }
}
