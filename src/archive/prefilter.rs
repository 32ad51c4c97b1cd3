//! Deciding from an issue file's raw bytes, before decoding or parsing it,
//! that a pattern cannot match anywhere in it.
//!
//! Sound, not exact: a file is skipped only when some character the
//! pattern needs ([`Query::required_chars`]: every text character that
//! folds to hold it) cannot be in any string of its parsed articles. A
//! whole-pattern byte search would not be sound: markup (`高**亭**宇`),
//! a line break, an escape sequence removed at ingest or a soft hyphen can
//! sit inside a match in the source, and `parse::mend` joins paragraphs
//! across page breaks. Single characters survive all of that. The ways a
//! character reaches an article without its UTF-8 bytes in the file are
//! each ruled out:
//! - the file is not UTF-8: then it is looked at in every encoding the
//!   decoder could choose (every WHATWG encoding, UTF-16 both ways), each
//!   needed character in each encoding that can spell it; a file in a
//!   stateful encoding (ISO-2022-JP, which switches with ESC) is kept.
//!   Decoding a legacy file to find out (the encoding detector reads it
//!   whole) costs more than searching a thousand UTF-8 ones;
//! - a character reference (`&#x9AD8;`, `&eacute;`): a file with `&#` is
//!   never skipped, nor one with `&` when a needed character is one a named
//!   reference could spell (named references spell no Han, kana or Hangul);
//! - text the parser writes itself (a list's bullet glyph): a character
//!   with such a source is not used to skip.

use std::sync::atomic::{AtomicUsize, Ordering};

use memchr::memmem;

use crate::parse::markdown::BULLETS;
use crate::search::Query;

/// One needed character: the byte forms of its sources.
#[derive(Debug)]
struct Needed {
    finders: Vec<memmem::Finder<'static>>,
    /// Its sources as every other encoding spells them.
    legacy: Vec<memmem::Finder<'static>>,
    /// A named character reference could spell one of its sources.
    named_reference: bool,
    /// Files in which it was found, to try the rarest first.
    found: AtomicUsize,
}

/// A compiled prefilter for one query.
#[derive(Debug)]
pub struct Prefilter {
    needed: Vec<Needed>,
}

/// Characters no HTML named reference spells: Han (with its extensions
/// and compatibility ideographs), kana and Hangul syllables.
fn beyond_named_references(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}')
}

/// Most sources a needed character may have before it is not worth a
/// search of its own (a Latin vowel has hundreds of accented forms).
const MAX_SOURCES: usize = 24;

impl Prefilter {
    /// The prefilter for `query`; `None` when no needed character can be
    /// looked for (then every file must be parsed).
    pub fn new(query: &Query) -> Option<Prefilter> {
        let written: Vec<char> = BULLETS.iter().flat_map(|b| b.chars()).collect();
        let mut needed: Vec<Needed> = query
            .required_chars()
            .into_iter()
            .filter(|(_, sources)| sources.len() <= MAX_SOURCES)
            .filter(|(_, sources)| !sources.iter().any(|c| written.contains(c)))
            .map(|(_, sources)| Needed {
                named_reference: !sources.iter().all(|&c| beyond_named_references(c)),
                finders: sources
                    .iter()
                    .map(|c| memmem::Finder::new(c.to_string().as_bytes()).into_owned())
                    .collect(),
                legacy: legacy_forms(&sources)
                    .iter()
                    .map(|bytes| memmem::Finder::new(bytes).into_owned())
                    .collect(),
                found: AtomicUsize::new(0),
            })
            .collect();
        // Fewer forms first: cheaper to look for, and (non-ASCII) rarer.
        needed.sort_by_key(|n| (n.named_reference, n.finders.len()));
        (!needed.is_empty()).then_some(Prefilter { needed })
    }

    /// Whether the file with these raw bytes may hold a match (and must be
    /// parsed); false only when it provably cannot.
    pub fn may_match(&self, raw: &[u8]) -> bool {
        let raw = raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw);
        let mut order: Vec<(usize, &Needed)> = self
            .needed
            .iter()
            .map(|n| (n.found.load(Ordering::Relaxed), n))
            .collect();
        order.sort_by_key(|&(found, _)| found);
        let mut references = None;
        let mut utf8 = None;
        for (_, needed) in order {
            if needed.finders.iter().any(|f| f.find(raw).is_some()) {
                needed.found.fetch_add(1, Ordering::Relaxed);
                continue;
            }
            let (numeric, named) = *references.get_or_insert_with(|| {
                let any = memchr::memchr(b'&', raw).is_some();
                (any && memmem::find(raw, b"&#").is_some(), any)
            });
            if numeric || (named && needed.named_reference) {
                continue;
            }
            // Absent from the bytes: absent from the text when the bytes
            // are the text, as UTF-8 (a UTF-16 BOM is not UTF-8).
            // Most files are checked here, so the check is a SIMD one:
            // std's validator took a third of a rare pattern's search.
            if *utf8.get_or_insert_with(|| simdutf8::basic::from_utf8(raw).is_ok()) {
                return false;
            }
            let stateful = memchr::memchr(0x1B, raw).is_some();
            if !stateful && !needed.legacy.iter().any(|f| f.find(raw).is_some()) {
                return false;
            }
        }
        true
    }
}

/// Every WHATWG encoding the decoder could name, but UTF-8 (looked for
/// apart) and the stateful ISO-2022-JP (kept whenever it could apply).
const ENCODINGS: [&encoding_rs::Encoding; 35] = {
    use encoding_rs::*;
    [
        BIG5,
        EUC_JP,
        EUC_KR,
        GB18030,
        GBK,
        IBM866,
        ISO_8859_2,
        ISO_8859_3,
        ISO_8859_4,
        ISO_8859_5,
        ISO_8859_6,
        ISO_8859_7,
        ISO_8859_8,
        ISO_8859_8_I,
        ISO_8859_10,
        ISO_8859_13,
        ISO_8859_14,
        ISO_8859_15,
        ISO_8859_16,
        KOI8_R,
        KOI8_U,
        MACINTOSH,
        SHIFT_JIS,
        WINDOWS_874,
        WINDOWS_1250,
        WINDOWS_1251,
        WINDOWS_1252,
        WINDOWS_1253,
        WINDOWS_1254,
        WINDOWS_1255,
        WINDOWS_1256,
        WINDOWS_1257,
        WINDOWS_1258,
        X_MAC_CYRILLIC,
        X_USER_DEFINED,
    ]
};

/// `sources` as each encoding spells them (UTF-16 both ways), deduplicated.
fn legacy_forms(sources: &[char]) -> Vec<Vec<u8>> {
    let mut forms: Vec<Vec<u8>> = Vec::new();
    for &c in sources {
        let text = c.to_string();
        let mut units = [0; 2];
        let units = c.encode_utf16(&mut units);
        forms.push(units.iter().flat_map(|u| u.to_le_bytes()).collect());
        forms.push(units.iter().flat_map(|u| u.to_be_bytes()).collect());
        // encoding_rs would encode UTF-16 as UTF-8 (the WHATWG rule), so it
        // is spelt out above.
        for encoding in ENCODINGS {
            let (bytes, _, unmappable) = encoding.encode(&text);
            if !unmappable {
                forms.push(bytes.into_owned());
            }
        }
    }
    forms.sort_unstable();
    forms.dedup();
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn may(pattern: &str, text: &[u8]) -> bool {
        let query = Query::new(pattern).unwrap();
        Prefilter::new(&query).is_none_or(|p| p.may_match(text))
    }

    #[test]
    fn a_file_without_a_needed_character_is_skipped() {
        assert!(!may("高亭宇", "北京日报\n\n冬奥会".as_bytes()));
        assert!(!may("高亭宇", "高亭".as_bytes()));
        assert!(may("高亭宇", "高*亭*\n宇".as_bytes()));
        assert!(may("高亭宇", "高亭\u{1b}[1m宇".as_bytes()));
    }

    #[test]
    fn folded_forms_are_looked_for() {
        assert!(may("abc", "ＡＢＣ".as_bytes()));
        assert!(may("kelvin", "\u{212A}ELVIN".as_bytes()));
        assert!(may("cafe", "CAFÉ".as_bytes()));
        assert!(!may("Kelvin", "kelvin".as_bytes()));
        assert!(may("が", "か\u{3099}".as_bytes()));
    }

    #[test]
    fn a_file_in_either_script_is_kept() {
        // 高铁 finds 高鐵 and the reverse, so a file holding either form
        // of the pattern's characters may match.
        assert!(may("高铁", "京张高鐵通车".as_bytes()));
        assert!(may("高鐵", "京张高铁通车".as_bytes()));
        assert!(may("头发", "剪頭髮".as_bytes()));
        let (big5, _, _) = encoding_rs::BIG5.encode("京張高鐵");
        assert!(
            may("高铁", &big5),
            "a Big5 file spells the traditional form"
        );
        // The other characters still rule files out.
        assert!(!may("高铁", "高速公路".as_bytes()));
        assert!(!may("高鐵", "鐵路".as_bytes()));
    }

    #[test]
    fn references_other_encodings_and_written_text_keep_a_file() {
        assert!(may("高", b"&#x9AD8;"));
        assert!(!may("高", b"&amp;"));
        assert!(may("\u{e9}t\u{e9}", b"&eacute;t&eacute;"));
        let (gb, _, _) = encoding_rs::GB18030.encode("高亭宇");
        assert!(may("高亭宇", &gb));
        let (big5, _, _) = encoding_rs::BIG5.encode("高亭宇");
        assert!(may("高亭宇", &big5));
        let (other, _, _) = encoding_rs::GB18030.encode("北京日报");
        assert!(
            !may("高亭宇", &other),
            "a legacy file is looked at in its bytes"
        );
        // Plain ASCII is read as UTF-8 whatever it escapes into; with any
        // byte that is not UTF-8, ESC could be ISO-2022-JP's: kept.
        assert!(!may("高", b"\x1b$B9b\x1b(B"));
        assert!(may("高", b"\x1b$B9b\x1b(B \xFF"));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("高".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert!(may("高", &utf16));
        assert!(may("•", "- item".as_bytes()));
    }
}
