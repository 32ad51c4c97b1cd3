//! Folding text for comparison, with a map from the folded copy back to the
//! source so a match is reported as a byte range of the model's string.

use std::ops::Range;

/// One run of the folded text. An identity run folds every character to one
/// of the same UTF-8 length, so offsets inside it map one to one; an atomic
/// run (a character whose fold has another length, a whitespace run, a
/// dropped invisible) maps only at its two ends.
#[derive(Debug, Clone, Copy)]
struct Segment {
    folded: usize,
    source: usize,
    atomic: bool,
}

/// A folded copy of a string and the way back to it.
#[derive(Debug)]
pub(super) struct Folded {
    pub text: String,
    source_len: usize,
    segments: Vec<Segment>,
}

/// Invisible characters that only suggest where a line may break; a word
/// written with them (`hyph\u{AD}enation`) is still the word.
fn is_dropped(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Fullwidth ASCII (U+FF01–FF5E) to its ASCII twin.
fn narrow(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// ASCII whitespace as `char::is_whitespace` has it (vertical tab included).
fn is_space_byte(byte: u8) -> bool {
    matches!(byte, b'\t'..=b'\r' | b' ')
}

/// Whether a whitespace character starts at `at`.
fn starts_whitespace(source: &str, at: usize) -> bool {
    match source.as_bytes().get(at) {
        Some(&byte) if byte.is_ascii() => is_space_byte(byte),
        Some(_) => source[at..].chars().next().is_some_and(char::is_whitespace),
        None => false,
    }
}

/// Whether a non-ASCII character folds to itself. Han, kana, Hangul and
/// the scripts of South and South-East Asia have no case, so text in them
/// never reaches the case tables.
fn unchanged(c: char, insensitive: bool) -> bool {
    match c {
        // Hebrew and Arabic to Myanmar (Indic, Thai, Tibetan…), then
        // CJK to Vai, then Hangul: no case, no whitespace, nothing dropped.
        '\u{0590}'..='\u{109F}'
        | '\u{2E80}'..='\u{2FFF}'
        | '\u{3001}'..='\u{A63F}'
        | '\u{AC00}'..='\u{D7FF}' => true,
        _ if c.is_whitespace() || is_dropped(c) || narrow(c) != c => false,
        '\u{130}' | 'ς' if insensitive => false,
        _ if insensitive => c.to_lowercase().eq(std::iter::once(c)),
        _ => true,
    }
}

impl Folded {
    /// Fold `source`: fullwidth ASCII to ASCII, every whitespace run (U+3000
    /// included) to one space, line-break hints dropped, and with
    /// `insensitive` everything to Unicode lowercase.
    ///
    /// Characters that fold to themselves (most text) are copied a run at a
    /// time; ASCII case is folded at the end over the whole copy, which no
    /// other folding can put ASCII capitals into.
    pub fn new(source: &str, insensitive: bool) -> Folded {
        let mut out = Folded {
            text: String::with_capacity(source.len()),
            source_len: source.len(),
            segments: vec![Segment {
                folded: 0,
                source: 0,
                atomic: false,
            }],
        };
        let bytes = source.as_bytes();
        let (mut at, mut run) = (0, 0);
        while at < bytes.len() {
            let byte = bytes[at];
            if byte.is_ascii() && !is_space_byte(byte) {
                at += 1;
                continue;
            }
            if byte == b' ' && !starts_whitespace(source, at + 1) {
                at += 1;
                continue;
            }
            let Some(c) = source[at..].chars().next() else {
                break;
            };
            if !c.is_ascii() && unchanged(c, insensitive) {
                at += c.len_utf8();
                continue;
            }
            out.identity_run(run, &source[run..at]);
            at = if c.is_whitespace() {
                out.whitespace(source, at)
            } else {
                out.other(at, c, insensitive);
                at + c.len_utf8()
            };
            run = at;
        }
        out.identity_run(run, &source[run..]);
        if insensitive {
            out.text.make_ascii_lowercase();
        }
        out
    }

    /// A whitespace run starting at `at`, folded to one space; returns its end.
    fn whitespace(&mut self, source: &str, at: usize) -> usize {
        let end = source[at..]
            .char_indices()
            .find(|&(_, c)| !c.is_whitespace())
            .map_or(source.len(), |(i, _)| at + i);
        if &source[at..end] == " " {
            self.identity(at, ' ');
        } else {
            self.atomic(at, " ");
        }
        end
    }

    /// Any character that is not ASCII-or-whitespace.
    fn other(&mut self, at: usize, c: char, insensitive: bool) {
        if is_dropped(c) {
            return self.atomic(at, "");
        }
        let wide = narrow(c);
        let mut lower = wide.to_lowercase();
        let folded = match (insensitive, lower.len()) {
            (false, _) => wide,
            // Turkish dotted capital I: its lowercase carries a combining
            // dot, which would stop `istanbul` finding `İstanbul`.
            (true, _) if c == '\u{130}' => 'i',
            // Final sigma is a sigma: `ΟΔΟΣ` lowercases to `οδοσ`, written `οδος`.
            (true, _) if c == 'ς' => 'σ',
            (true, 1) => lower.next().unwrap_or(wide),
            (true, _) => {
                let text: String = lower.collect();
                return self.atomic(at, &text);
            }
        };
        if folded.len_utf8() == c.len_utf8() {
            self.identity(at, folded);
        } else {
            let mut buf = [0; 4];
            self.atomic(at, folded.encode_utf8(&mut buf));
        }
    }

    fn identity(&mut self, at: usize, c: char) {
        let mut buf = [0; 4];
        self.identity_run(at, c.encode_utf8(&mut buf));
    }

    /// Source text from `at` copied as it is (possibly empty).
    fn identity_run(&mut self, at: usize, run: &str) {
        if run.is_empty() {
            return;
        }
        if self.segments.last().is_some_and(|s| s.atomic) {
            self.segments.push(Segment {
                folded: self.text.len(),
                source: at,
                atomic: false,
            });
        }
        self.text.push_str(run);
    }

    fn atomic(&mut self, at: usize, folded: &str) {
        self.segments.push(Segment {
            folded: self.text.len(),
            source: at,
            atomic: true,
        });
        self.text.push_str(folded);
    }

    /// The source byte range of folded bytes `range`, when both ends fall
    /// on the edges of whole source characters.
    pub fn source_range(&self, range: Range<usize>) -> Option<Range<usize>> {
        let start = self.source_start(range.start)?;
        let end = self.source_end(range.end)?;
        (start < end).then_some(start..end)
    }

    fn source_start(&self, at: usize) -> Option<usize> {
        // The last segment starting at or before `at`: after any dropped
        // invisibles there, so a match never starts with one.
        let index = self.segments.partition_point(|s| s.folded <= at) - 1;
        let segment = self.segments[index];
        if segment.atomic && at != segment.folded {
            return None;
        }
        Some(segment.source + (at - segment.folded))
    }

    fn source_end(&self, at: usize) -> Option<usize> {
        if at == 0 {
            return Some(0);
        }
        // The segment holding folded byte `at - 1`.
        let index = self.segments.partition_point(|s| s.folded < at) - 1;
        let segment = self.segments[index];
        let next = self.segments.get(index + 1);
        if !segment.atomic {
            return Some(segment.source + (at - segment.folded));
        }
        let folded_end = next.map_or(self.text.len(), |s| s.folded);
        (at == folded_end).then(|| next.map_or(self.source_len, |s| s.source))
    }
}
