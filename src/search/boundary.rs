//! Extended-grapheme boundaries, asked in any order at linear total cost.

use unicode_segmentation::UnicodeSegmentation;

/// Answers "is this byte offset a grapheme boundary?" for one string. Most
/// offsets sit between two characters that always break (ASCII, Han, kana,
/// Hangul syllables); only the rest need segmentation, and that is done
/// once for the whole string the first time it is needed, so a string full
/// of combining marks or flags costs one pass, never a pass per match.
pub(super) struct Boundaries<'a> {
    text: &'a str,
    table: Option<Vec<u64>>,
}

/// Characters with no grapheme rule binding them to a neighbour: neither
/// Extend, ZWJ, SpacingMark, Prepend, Regional Indicator, CR nor a Hangul jamo.
fn always_breaks(c: char) -> bool {
    matches!(c,
        ' '..='~' | '\n' | '\t'
        | '\u{A0}'..='\u{AC}' | '\u{AE}'..='\u{24F}'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}'
        | '\u{3000}'..='\u{3029}' | '\u{3030}'..='\u{3098}' | '\u{309B}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7A3}' | '\u{FF01}'..='\u{FF5E}')
}

impl<'a> Boundaries<'a> {
    pub fn new(text: &'a str) -> Boundaries<'a> {
        Boundaries { text, table: None }
    }

    pub fn is_boundary(&mut self, at: usize) -> bool {
        if at == 0 || at == self.text.len() {
            return true;
        }
        if !self.text.is_char_boundary(at) || at > self.text.len() {
            return false;
        }
        let before = self.text[..at].chars().next_back();
        let after = self.text[at..].chars().next();
        if before.is_some_and(always_breaks) && after.is_some_and(always_breaks) {
            return true;
        }
        let text = self.text;
        let table = self.table.get_or_insert_with(|| {
            let mut bits = vec![0u64; text.len() / 64 + 1];
            for (start, _) in text.grapheme_indices(true) {
                bits[start / 64] |= 1 << (start % 64);
            }
            bits
        });
        table[at / 64] & (1 << (at % 64)) != 0
    }
}
