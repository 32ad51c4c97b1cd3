//! Extended-grapheme boundaries, asked in any order at linear total cost.

use unicode_segmentation::GraphemeCursor;

use crate::typeset::clusters::{Clusters, is_simple};

/// Answers "is this byte offset a grapheme boundary?" for one string. Most
/// offsets sit between two characters that always break (ASCII, Han, kana,
/// Hangul syllables) and need no segmentation. The rest are asked of a
/// grapheme cursor, which looks only at the neighbourhood, so a Hindi or
/// Vietnamese article searched for a rare word is not segmented whole. A
/// cursor can look back over a long run (regional indicators: every
/// position counts the flags before it), and many such questions add up,
/// so after a regional indicator, or once the questions outnumber a
/// fraction of the text, the whole string is segmented once and looked up:
/// a string of flags or combining marks costs one pass, never one per match.
pub(super) struct Boundaries<'a> {
    text: &'a str,
    table: Option<Vec<u64>>,
    /// Cursor questions left before segmenting the whole string is cheaper.
    budget: usize,
}

fn is_regional_indicator(c: char) -> bool {
    matches!(c, '\u{1F1E6}'..='\u{1F1FF}')
}

impl<'a> Boundaries<'a> {
    pub fn new(text: &'a str) -> Boundaries<'a> {
        Boundaries {
            text,
            table: None,
            budget: 16 + text.len() / 32,
        }
    }

    pub fn is_boundary(&mut self, at: usize) -> bool {
        if at == 0 || at == self.text.len() {
            return true;
        }
        if at > self.text.len() || !self.text.is_char_boundary(at) {
            return false;
        }
        let before = self.text[..at].chars().next_back();
        let after = self.text[at..].chars().next();
        if before.is_some_and(is_simple) && after.is_some_and(is_simple) {
            return true;
        }
        if self.table.is_none() && self.budget > 0 && !before.is_some_and(is_regional_indicator) {
            self.budget -= 1;
            // The whole string is the chunk, so the cursor never lacks context.
            let mut cursor = GraphemeCursor::new(at, self.text.len(), true);
            if let Ok(answer) = cursor.is_boundary(self.text, 0) {
                return answer;
            }
        }
        self.lookup(at)
    }

    fn lookup(&mut self, at: usize) -> bool {
        let text = self.text;
        let table = self.table.get_or_insert_with(|| {
            let mut bits = vec![0u64; text.len() / 64 + 1];
            for cluster in Clusters::new(text, 0) {
                bits[cluster.start / 64] |= 1 << (cluster.start % 64);
            }
            bits
        });
        table[at / 64] & (1 << (at % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    /// Every offset answered as a full segmentation answers it, whether by
    /// the fast path, the cursor or the table.
    #[test]
    fn answers_agree_with_segmentation() {
        let texts = [
            "e\u{301}a字🇯🇵🇨🇳🇫x👩\u{200D}👩\u{200D}👧\r\nक्षि한\u{1100}\u{1161}\u{11A8}",
            &"🇯🇵".repeat(50),
            &"नमस्ते दुनिया ".repeat(20),
        ];
        for text in texts {
            let starts: Vec<usize> = text
                .grapheme_indices(true)
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            for budget in [0, 3, usize::MAX] {
                let mut boundaries = Boundaries::new(text);
                boundaries.budget = budget;
                for at in 0..=text.len() {
                    assert_eq!(
                        boundaries.is_boundary(at),
                        starts.contains(&at),
                        "{text:?} {at}"
                    );
                }
            }
        }
    }
}
