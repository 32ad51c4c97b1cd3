//! Whether bytes that are not valid UTF-8 are still UTF-8 (with a few bad
//! bytes) rather than a legacy encoding for `chardetng` to name.
//!
//! The evidence is two counts: `valid`, the multi-byte UTF-8 characters
//! (each a lead byte followed by exactly the continuation bytes it asks
//! for), and `invalid`, the malformed sequences.
//!
//! - UTF-8 with stray bytes (a damaged file, a Windows-1252 quote pasted
//!   into UTF-8) has some valid characters and few invalid sequences.
//! - Legacy text fails on nearly every non-ASCII character. A Windows-1252
//!   "é" is E9 followed by ASCII, not by continuation bytes; chance matches
//!   need an upper-case letter or ß before a byte in 80–BF ("ß“" is DF 93).
//!   CJK legacy byte pairs match more often, since their lead and trail
//!   bytes overlap UTF-8's lead and continuation ranges: GB18030 "北京"
//!   (B1 B1 BE A9) fails, but in the GB18030 sample the chance sequences
//!   number a third of its Chinese characters (1,391 for 4,329).
//!
//! Measured (`valid / invalid`) on the sample issue (13 KB of Chinese) and
//! on short Japanese, Korean, Russian, French and German texts of our own,
//! over every slice at every byte offset: whole texts 0.25 (GB18030), 0.10
//! (Big5), 0.30 (Shift_JIS), 0.19 (EUC-KR), 0 (Windows-1251), 0.12
//! (Windows-1252); at most 0.71 in any slice of 64 bytes and 0.38 of 256;
//! up to 3 only in slices of 8 to 32 bytes. So four valid characters per
//! invalid sequence is UTF-8 at any length (the file a user reported as
//! mojibake has 7 to 1; the test below repeats the sweep on the sample).
//!
//! Text with few non-ASCII characters gives too few for a ratio: "naïve
//! résumé" plus one stray byte is 3 to 1. There the rarity of the bad bytes
//! decides: at most one per 256 bytes, with at least twice as many valid
//! characters as invalid sequences. Not one to one: German "„Gruß“" in
//! Windows-1252 is one invalid („) and one valid (ß“), however long the
//! text around it. Legacy CJK text has a bad sequence every two or three
//! bytes; English text with a few legacy CJK names can have them as rarely
//! as that, but such names seldom form twice as many valid sequences as
//! invalid ones (none did in the measurements). One valid and one invalid
//! sequence stays legacy: that is truly ambiguous, and `chardetng` reads
//! the legacy case right.
//!
//! A sequence cut by the end of the bytes (a truncated file): a lead byte
//! alone proves nothing (a Windows-1252 file may end in "café" without a
//! newline), but a lead byte with its continuation bytes counts as a valid
//! character, as a whole two-byte character would (a legacy text whose only
//! non-ASCII bytes form valid UTF-8 is taken for UTF-8 by the strict check
//! already; nothing tells the two apart).
//!
//! Zero valid characters is never UTF-8: there is nothing to go on, and a
//! legacy guess at least reads a legacy file right.

/// Invalid sequences past which a text that has fewer valid characters
/// than invalid sequences is taken as legacy without reading on: legacy
/// text fails on nearly every character, so a large file is decided from
/// its first few hundred bytes.
const EARLY_VERDICT: usize = 64;

/// Whether `bytes` (not valid UTF-8) are UTF-8 with a few bad sequences.
pub fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut valid = 0usize;
    let mut invalid = 0usize;
    let mut chunks = bytes.utf8_chunks().peekable();
    while let Some(chunk) = chunks.next() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        let bad = chunk.invalid();
        if bad.is_empty() {
            continue;
        }
        let cut_at_end = chunks.peek().is_none()
            && std::str::from_utf8(bad).is_err_and(|e| e.error_len().is_none());
        if !cut_at_end {
            invalid += 1;
        } else if bad.len() >= 2 {
            valid += 1;
        }
        if invalid > EARLY_VERDICT && valid < invalid {
            return false;
        }
    }
    verdict(valid, invalid, bytes.len())
}

/// The rule of the module comment.
fn verdict(valid: usize, invalid: usize, len: usize) -> bool {
    let dense = valid >= invalid.saturating_mul(4);
    let sparse = valid >= invalid.saturating_mul(2) && invalid.saturating_mul(256) <= len;
    valid > 0 && (dense || sparse)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{BIG5, EUC_KR, Encoding, GB18030, GBK, SHIFT_JIS, WINDOWS_1252};

    /// Every slice of the sample in each CJK legacy encoding, from every
    /// third byte (so also starting inside a character), that is not valid
    /// UTF-8 is left to the detector.
    #[test]
    fn no_slice_of_legacy_cjk_passes_for_utf8() {
        let sample = crate::library::SAMPLE_TEXT;
        let encodings: [&'static Encoding; 5] = [GB18030, GBK, BIG5, SHIFT_JIS, EUC_KR];
        for encoding in encodings {
            let bytes = encoding.encode(sample).0;
            let mut judged = 0;
            for len in [16, 32, 64, 256, 1024, 4096] {
                for start in (0..bytes.len().saturating_sub(len)).step_by(3) {
                    let slice = &bytes[start..start + len];
                    // Valid UTF-8, or valid but for a cut at the end, is
                    // as ambiguous as "é" in UTF-8 or in GB18030: there
                    // is no invalid sequence for the rule to weigh.
                    let ambiguous = std::str::from_utf8(slice)
                        .map_or_else(|e| e.error_len().is_none(), |_| true);
                    assert!(
                        ambiguous || !mostly_utf8(slice),
                        "{} slice {start}..+{len}",
                        encoding.name()
                    );
                    judged += usize::from(!ambiguous);
                }
            }
            // Most slices do have invalid sequences: the test tests.
            assert!(judged > 15_000, "{}: {judged} slices", encoding.name());
            assert!(!mostly_utf8(&bytes), "{} whole", encoding.name());
        }
    }

    #[test]
    fn latin_legacy_stays_legacy() {
        for text in [
            "Le café a rouvert « enfin » : ça été très différent cet été.\n",
            "Der Wirt sagte nur „Gruß“ und ging.\n",
            "Ends in café",
        ] {
            let bytes = WINDOWS_1252.encode(text).0;
            assert!(!mostly_utf8(&bytes), "{text}");
        }
    }

    #[test]
    fn utf8_with_stray_bytes_is_utf8() {
        let latin = "## Café reopens — “at last”\n\nThe café’s owner… 5";
        let latin = [latin.as_bytes(), b"\xff euros.\n"].concat();
        assert!(mostly_utf8(&latin));
        let mut sparse = b"A na\xc3\xafve r\xc3\xa9sum\xc3\xa9. ".to_vec();
        sparse.extend(b"Nothing else happened today. ".repeat(9));
        sparse.push(0x92);
        assert!(mostly_utf8(&sparse));
        // Without the length the same three characters are not enough.
        assert!(!mostly_utf8(b"A na\xc3\xafve r\xc3\xa9sum\xc3\xa9\x92"));
    }

    #[test]
    fn a_cut_at_the_end_counts_only_with_its_continuation() {
        assert!(mostly_utf8(b"Reopens \xe2\x80"));
        assert!(!mostly_utf8(b"Reopens \xe2"));
        assert!(!mostly_utf8(b"Pure ASCII then \xff"));
    }

    #[test]
    fn the_verdict() {
        assert!(verdict(4, 1, 10));
        assert!(!verdict(3, 1, 255));
        assert!(verdict(2, 1, 256));
        assert!(!verdict(1, 1, 10_000));
        assert!(!verdict(0, 0, 10));
        assert!(verdict(1, 0, 10));
    }
}
