//! Folding text for comparison, with a map from the folded copy back to the
//! source so a match is reported as a byte range of the model's string.

use std::ops::Range;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{canonical_combining_class, decompose_canonical};

use crate::typeset::classes::is_han;
use crate::typeset::script::simplified_characters;

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

/// Unicode lowercase, where final sigma is a sigma: `ΟΔΟΣ` lowercases to
/// `οδοσ`, written `οδος`.
fn lowercase(c: char) -> std::char::ToLowercase {
    match c {
        'ς' => 'σ'.to_lowercase(),
        _ => c.to_lowercase(),
    }
}

/// Whether `c` takes part in canonical equivalence: it decomposes (`é`,
/// `が`, the Kelvin sign) or is a combining mark whose order among its
/// neighbours is not fixed. Such text is compared in its canonical
/// decomposition (NFD), so `é` finds `e\u{301}` and `が` finds `か\u{3099}`.
///
/// The Basic Multilingual Plane is answered from a bit per code point, made
/// once: two table lookups per character cost more than the rest of the fold
/// in Indic or Arabic text.
fn is_canonical_variant(c: char) -> bool {
    static BMP: OnceLock<BmpSet> = OnceLock::new();
    let Ok(code) = u16::try_from(u32::from(c)) else {
        return looked_up_variant(c);
    };
    let chars = || {
        (0..=0xFFFF)
            .filter_map(char::from_u32)
            .filter(|&c| looked_up_variant(c))
    };
    BMP.get_or_init(|| BmpSet::of(chars())).has(code)
}

/// A set of Basic Multilingual Plane characters, a bit per code point:
/// made once, then one load and a shift per character asked.
struct BmpSet(Box<[u64]>);

impl BmpSet {
    /// The set of `chars`' code points below U+10000 (the rest are left out).
    fn of(chars: impl Iterator<Item = char>) -> BmpSet {
        let mut bits = vec![0_u64; 0x10000 / 64].into_boxed_slice();
        for code in chars.filter_map(|c| u16::try_from(u32::from(c)).ok()) {
            let code = usize::from(code);
            bits[code / 64] |= 1 << (code % 64);
        }
        BmpSet(bits)
    }

    fn has(&self, code: u16) -> bool {
        let code = usize::from(code);
        self.0[code / 64] >> (code % 64) & 1 == 1
    }
}

/// Whether `c` is a traditional character (or a variant) that folds to its
/// simplified form, so that 高铁 finds 高鐵 and 高鐵 finds 高铁: the table is
/// the display converter's (`typeset::script::simplified_characters`), a bit
/// per code point of the Basic Multilingual Plane, made once.
fn is_script_variant(c: char) -> bool {
    static BMP: OnceLock<BmpSet> = OnceLock::new();
    let Ok(code) = u16::try_from(u32::from(c)) else {
        return simplified(c) != c;
    };
    let traditional = || simplified_characters().iter().map(|&(from, _)| from);
    BMP.get_or_init(|| BmpSet::of(traditional())).has(code)
}

/// The simplified form of a traditional character; any other as it is.
fn simplified(c: char) -> char {
    if !is_han(c) {
        return c;
    }
    let table = simplified_characters();
    table
        .binary_search_by_key(&c, |&(from, _)| from)
        .map_or(c, |i| table[i].1)
}

fn looked_up_variant(c: char) -> bool {
    canonical_combining_class(c) != 0 || decomposes(c)
}

fn decomposes(c: char) -> bool {
    let mut decomposes = false;
    decompose_canonical(c, |part| decomposes |= part != c);
    decomposes
}

/// Whether a non-ASCII character folds to itself. Han, Hangul, Yi and the
/// CJK symbols have no case, no decomposition and no combining marks, so
/// the bulk of Chinese text reaches one table only, the bit that says a
/// traditional character folds to its simplified form; kana (voiced kana
/// decompose) and the ideographic tone marks (combining) are looked up.
/// Hebrew and Arabic to Myanmar have no case and no whitespace to fold but
/// their marks and a few letters (Devanagari with nukta) are variants.
fn unchanged(c: char, insensitive: bool) -> bool {
    match c {
        '\u{3100}'..='\u{A63F}' => !is_script_variant(c),
        '\u{2E80}'..='\u{2FFF}'
        | '\u{3001}'..='\u{3029}'
        | '\u{3030}'..='\u{303F}'
        | '\u{AC00}'..='\u{D7FF}' => true,
        '\u{0590}'..='\u{109F}' => !is_canonical_variant(c),
        _ if c.is_whitespace() || is_dropped(c) || narrow(c) != c => false,
        _ if is_canonical_variant(c) => false,
        '\u{20000}'..='\u{3FFFF}' => !is_script_variant(c),
        '\u{130}' | 'ς' if insensitive => false,
        _ if insensitive => c.to_lowercase().eq(std::iter::once(c)),
        _ => true,
    }
}

/// Whether `c` alone folds to exactly itself: every character `Folded::new`
/// copies unchanged.
pub(super) fn folds_to_itself(c: char, insensitive: bool) -> bool {
    if c.is_ascii() {
        let byte = c as u8;
        let respaced = is_space_byte(byte) && byte != b' ';
        let lowered = insensitive && c.is_ascii_uppercase();
        return !(respaced || lowered);
    }
    unchanged(c, insensitive)
}

impl Folded {
    /// Fold `source`: traditional Han to simplified, fullwidth ASCII to
    /// ASCII, every whitespace run (U+3000
    /// included) to one space, line-break hints dropped, decomposing
    /// characters and combining marks to their canonical decomposition, and
    /// with `insensitive` everything to Unicode lowercase.
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
                out.other(source, at, c, insensitive)
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

    /// Any character that is not ASCII-or-whitespace, starting at `at`;
    /// returns where the next character starts.
    fn other(&mut self, source: &str, at: usize, c: char, insensitive: bool) -> usize {
        let end = at + c.len_utf8();
        if is_dropped(c) {
            self.atomic(at, "");
        } else if insensitive && c == '\u{130}' {
            // Turkish dotted capital I: its lowercase (and its decomposition)
            // carries a combining dot, which would stop `istanbul` finding
            // `İstanbul`.
            self.atomic(at, "i");
        } else if is_canonical_variant(c) {
            return self.canonical(source, at, insensitive);
        } else {
            self.simple(at, c, insensitive);
        }
        end
    }

    /// A decomposing character or a combining mark at `at`, with the
    /// combining marks after it: their canonical decomposition, marks in
    /// canonical order, then case-folded. Returns the end of the span.
    fn canonical(&mut self, source: &str, at: usize, insensitive: bool) -> usize {
        let mut chars = source[at..].char_indices();
        let Some((_, first)) = chars.next() else {
            return at;
        };
        let end = chars
            .find(|&(_, c)| canonical_combining_class(c) == 0)
            .map_or(source.len(), |(i, _)| at + i);
        let span = &source[at..end];
        // Most often a lone mark after its base (a virama, an accent
        // typed apart): already in canonical form, and marks have no case.
        if span.len() == first.len_utf8() && !decomposes(first) {
            self.identity_run(at, span);
            return end;
        }
        let mut text = String::with_capacity(span.len() + 4);
        // A compatibility ideograph decomposes to a unified one, which may
        // be traditional (U+F900 to 豈, which folds to 岂).
        for c in span.nfd().map(simplified) {
            match insensitive {
                true => text.extend(lowercase(c)),
                false => text.push(c),
            }
        }
        if text == span {
            self.identity_run(at, span);
        } else {
            self.atomic(at, &text);
        }
        end
    }

    /// A character that folds on its own: simplified (a traditional Han
    /// character), narrowed, then case-folded.
    fn simple(&mut self, at: usize, c: char, insensitive: bool) {
        let wide = narrow(simplified(c));
        let mut lower = lowercase(wide);
        let folded = match (insensitive, lower.len()) {
            (false, _) => wide,
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
