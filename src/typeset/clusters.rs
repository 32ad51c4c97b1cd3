//! Extended grapheme clusters (UAX #29) with a fast path: between two
//! characters that can neither extend nor join anything (ASCII, Latin-1,
//! Han, kana, Hangul syllables, CJK and general punctuation) there is always
//! a boundary, so the segmenter is only consulted around combining marks,
//! joiners, variation selectors, regional indicators and the like.

use unicode_segmentation::GraphemeCursor;

/// One grapheme cluster: `text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cluster {
    pub start: usize,
    pub end: usize,
    /// Its first character.
    pub first: char,
    /// The character after `first` in the text (inside or after the cluster).
    pub second: Option<char>,
}

impl Cluster {
    /// Whether the cluster is the single character `first`.
    #[inline]
    pub fn is_single(&self) -> bool {
        self.end - self.start == self.first.len_utf8()
    }

    /// Its last character (`text` is the text it was cut from): what the
    /// rules see before the next cluster.
    #[inline]
    pub fn last(&self, text: &str) -> char {
        if self.is_single() {
            return self.first;
        }
        text[..self.end].chars().next_back().unwrap_or(self.first)
    }
}

/// The character before byte `at` of `text`; a line start (`\n`) at the
/// start of the text.
#[inline]
pub fn char_before(text: &str, at: usize) -> char {
    text[..at].chars().next_back().unwrap_or('\n')
}

/// Characters whose Grapheme_Cluster_Break is Other or Control (never CR,
/// Extend, SpacingMark, ZWJ, Prepend, Regional_Indicator or a Hangul jamo),
/// plus the precomposed Hangul syllables (LV/LVT, which join only jamo,
/// GB7/GB8): two of them in a row always have a boundary between them.
#[inline]
pub(crate) fn is_simple(c: char) -> bool {
    let u = c as u32;
    if u < 0x300 {
        return c != '\r';
    }
    // Han first: the bulk of the text.
    matches!(
        u,
        0x4E00..=0x9FFF
            | 0x2010..=0x2027
            | 0x2030..=0x205E
            | 0x3000..=0x3029
            | 0x3030..=0x303F
            | 0x3041..=0x3096
            | 0x309B..=0x30FF
            | 0x3400..=0x4DBF
            | 0xAC00..=0xD7A3
            | 0xFF01..=0xFF9D
    )
}

/// Iterator over the clusters of a text from a starting byte offset.
#[derive(Debug, Clone)]
pub struct Clusters<'a> {
    text: &'a str,
    pos: usize,
    /// The character at `pos`, decoded by the previous step.
    ahead: Option<char>,
    /// Whether `ahead` is simple, when the previous step found out.
    ahead_simple: bool,
}

impl<'a> Clusters<'a> {
    /// Clusters of `text` starting at `from`, which must be a cluster boundary.
    pub fn new(text: &'a str, from: usize) -> Clusters<'a> {
        let ahead = text.get(from..).and_then(|rest| rest.chars().next());
        Clusters {
            text,
            pos: from,
            ahead,
            ahead_simple: ahead.is_some_and(is_simple),
        }
    }

    /// The end of the cluster starting at `start` with `first`, by the
    /// full UAX #29 rules.
    ///
    /// The cursor sees the text from `start` on only. `start` is a boundary,
    /// so nothing before it can join what follows: a regional indicator
    /// there starts a pair (GB12/GB13 count indicators back to the run's
    /// start, which over the whole text made a run of flags quadratic), and
    /// an emoji ZWJ sequence (GB11) cannot reach back past a boundary.
    #[cold]
    fn slow_end(&self, start: usize, first: char) -> usize {
        let rest = &self.text[start..];
        let mut cursor = GraphemeCursor::new(0, rest.len(), true);
        match cursor.next_boundary(rest, 0) {
            Ok(Some(end)) if end > 0 => start + end,
            // The whole text is one chunk, so the cursor never asks for more
            // context; stepping one character keeps progress if it did.
            _ => start + first.len_utf8(),
        }
    }
}

impl Iterator for Clusters<'_> {
    type Item = Cluster;

    #[inline]
    fn next(&mut self) -> Option<Cluster> {
        let first = self.ahead?;
        let start = self.pos;
        let after_first = start + first.len_utf8();
        let second = self.text[after_first..].chars().next();
        let second_simple = second.is_some_and(is_simple);
        let end = if second.is_some() && !(self.ahead_simple && second_simple) {
            self.slow_end(start, first)
        } else {
            after_first
        };
        self.pos = end;
        if end == after_first {
            self.ahead = second;
            self.ahead_simple = second_simple;
        } else {
            self.ahead = self.text[end..].chars().next();
            self.ahead_simple = self.ahead.is_some_and(is_simple);
        }
        Some(Cluster {
            start,
            end,
            first,
            second,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    #[test]
    fn agrees_with_the_segmenter() {
        let text = "科学👩\u{200D}🔬家 ｶﾞ e\u{301}\r\n🇨🇳🇺🇸 각\u{11A8} ❤\u{FE0F}“新”abc\u{0}";
        let ours: Vec<&str> = Clusters::new(text, 0)
            .map(|c| &text[c.start..c.end])
            .collect();
        let theirs: Vec<&str> = text.graphemes(true).collect();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn flags_pair_from_any_boundary() {
        let text = "🇨🇳".repeat(5) + "🇺";
        let ours: Vec<&str> = Clusters::new(&text, 8)
            .map(|c| &text[c.start..c.end])
            .collect();
        assert_eq!(ours, ["🇨🇳", "🇨🇳", "🇨🇳", "🇨🇳", "🇺"]);
    }
}
