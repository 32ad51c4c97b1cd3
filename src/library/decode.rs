//! Bytes to text. The chain (docs/RELIABILITY.md §4): a BOM decides (UTF-8, UTF-16LE,
//! UTF-16BE); else strict UTF-8; else a file that is UTF-8 with a few bad
//! bytes stays UTF-8, with U+FFFD and one warning (`guess` says when, and
//! why); else `chardetng` (Firefox's detector) picks a legacy encoding
//! (GB18030, Big5, Shift_JIS, Windows-1252…) that must decode cleanly; else
//! GB18030; else the best guess, lossily, with one warning naming the byte
//! offset of the first bad sequence.

mod guess;

use encoding_rs::{DecoderResult, Encoding, GB18030, GBK, UTF_8};

use guess::mostly_utf8;

/// How far into a file NUL bytes mark it as binary (as `git` and `grep`
/// decide).
pub const BINARY_SNIFF: usize = 8 * 1024;

/// NUL bytes a head that is otherwise good UTF-8 may hold and still be
/// text: one stray NUL (a damaged file, a bad paste) is read as U+FFFD, as
/// CommonMark reads it, with a warning; binaries hold many, or bytes that
/// are not UTF-8 (a PNG's signature, a PDF's streams, UTF-16 without a BOM).
const STRAY_NULS: usize = 4;

/// How much `chardetng` looks at: of a head (at start-up, thousands of
/// files) and of a whole file (one, when it is opened).
const DETECT_HEAD: usize = 1024;
const DETECT_WHOLE: usize = 16 * 1024;

/// Decoded text with the name of the encoding it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The WHATWG name (`UTF-8`, `GB18030`, `Big5`, `UTF-16LE`…).
    pub encoding: &'static str,
    /// At most two: where the first invalid sequence was, and how many
    /// there were; where the first NUL was, and how many. Worded without the
    /// file name; the caller adds it.
    pub warnings: Vec<String>,
}

/// Why bytes were not decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("{}", crate::i18n::t!("library.not_text"))]
    Binary,
}

/// Whether the bytes are the whole file (`Whole`) or only its head, which
/// may end in the middle of a character (`Head`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extent {
    Whole,
    Head,
}

/// Decode the bytes of an issue file. The BOM is stripped.
pub fn decode(bytes: &[u8], extent: Extent) -> Result<Decoded, DecodeError> {
    decode_known(bytes, extent, None).map(|(decoded, _)| decoded)
}

/// `decode`, given the encoding `chardetng` chose for the same bytes
/// before (the header cache keeps it, keyed by size and mtime): when the
/// chain gets as far as detection, the known encoding is tried first and,
/// if it decodes the bytes cleanly, detection (a fifth of a library
/// search's time) is skipped. The text is the same: detection chose it
/// and it decoded cleanly. Also gives the encoding detection chose now,
/// when it ran and a clean decode followed, for the caller to remember.
pub fn decode_known(
    bytes: &[u8],
    extent: Extent,
    known: Option<&'static Encoding>,
) -> Result<(Decoded, Option<&'static Encoding>), DecodeError> {
    let last = extent == Extent::Whole;
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let mut decoded = finish(encoding, &bytes[bom..], bom, last);
        mark_nuls(
            &mut decoded,
            encoding.is_ascii_compatible().then_some(bytes),
        );
        return Ok((decoded, None));
    }
    if is_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    let (mut decoded, detected) = decode_text(bytes, last, known);
    mark_nuls(&mut decoded, Some(bytes));
    Ok((decoded, detected))
}

/// NUL characters in decoded text become U+FFFD, with one warning that
/// names the byte offset of the first in `bytes` (the file's bytes, when the
/// encoding keeps ASCII bytes as they are, so a NUL byte is a NUL).
fn mark_nuls(decoded: &mut Decoded, bytes: Option<&[u8]>) {
    if memchr::memchr(0, decoded.text.as_bytes()).is_none() {
        return;
    }
    let count = memchr::memchr_iter(0, decoded.text.as_bytes()).count();
    decoded.text = decoded.text.replace('\0', "\u{FFFD}");
    let at = bytes
        .and_then(|bytes| memchr::memchr(0, bytes))
        .map_or(String::new(), |at| {
            crate::i18n::t!("library.at_byte", at = at)
        });
    let key = if count == 1 {
        "library.nul_one"
    } else {
        "library.nul"
    };
    decoded
        .warnings
        .push(crate::i18n::t!(key, at = at, count = count));
}

/// The chain after the BOM and binary checks, for bytes with neither;
/// with the encoding detection chose, when it ran and decoded cleanly.
/// `known`: what detection chose for these bytes before (see
/// `decode_known`).
fn decode_text(
    bytes: &[u8],
    last: bool,
    known: Option<&'static Encoding>,
) -> (Decoded, Option<&'static Encoding>) {
    // Most files are valid UTF-8: a SIMD check says so first; std's finds
    // where it is not.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return (clean(text.to_owned(), UTF_8), None);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => return (clean(text.to_owned(), UTF_8), None),
        // A head cut through its last character is still clean UTF-8.
        Err(e) if !last && e.error_len().is_none() => {
            let text = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
            return (clean(text, UTF_8), None);
        }
        Err(_) => {}
    }
    if mostly_utf8(bytes) {
        return (finish(UTF_8, bytes, 0, last), None);
    }
    if let Some(known) = known {
        let (text, bad) = decode_with(known, bytes, last);
        if bad.is_none() {
            return (clean(text, known), Some(known));
        }
    }
    let guess = detect(bytes, last, if last { DETECT_WHOLE } else { DETECT_HEAD });
    for candidate in [guess, GB18030] {
        let (text, bad) = decode_with(candidate, bytes, last);
        if bad.is_none() {
            return (clean(text, candidate), Some(candidate));
        }
    }
    (finish(guess, bytes, 0, last), None)
}

/// Decode the head of a file for its header: `head` holds the first
/// `BINARY_SNIFF` bytes (all of them are checked for NUL), of which only
/// the first `text_bytes` are decoded: the masthead and date line are near
/// the top, and decoding less keeps a cold start fast.
///
/// The NUL check is made once, on the whole head; the text part then goes
/// through the same chain as a whole file.
pub fn decode_head(head: &[u8], text_bytes: usize) -> Result<Decoded, DecodeError> {
    let text = &head[..head.len().min(text_bytes)];
    if Encoding::for_bom(head).is_some() {
        return decode(text, Extent::Head);
    }
    if is_binary(head) {
        return Err(DecodeError::Binary);
    }
    let (mut decoded, _) = decode_text(text, false, None);
    mark_nuls(&mut decoded, Some(text));
    Ok(decoded)
}

/// NUL bytes near the start: an image, an archive, UTF-16 without a BOM.
/// A few stray NULs in a head that is otherwise good UTF-8 are not.
pub fn is_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(BINARY_SNIFF)];
    let nuls = memchr::memchr_iter(0, head).take(STRAY_NULS + 1).count();
    nuls > 0 && (nuls > STRAY_NULS || !is_utf8_head(head))
}

/// Valid UTF-8, but perhaps for a character cut by the end of the head.
fn is_utf8_head(head: &[u8]) -> bool {
    std::str::from_utf8(head).map_or_else(|e| e.error_len().is_none(), |_| true)
}

fn clean(text: String, encoding: &'static Encoding) -> Decoded {
    Decoded {
        text,
        encoding: display_name(encoding),
        warnings: Vec::new(),
    }
}

/// The WHATWG name, except GB18030's, which WHATWG spells in lower case.
pub(super) fn display_name(encoding: &'static Encoding) -> &'static str {
    if encoding == GB18030 {
        "GB18030"
    } else {
        encoding.name()
    }
}

/// Decode with `encoding`, replacing bad sequences and warning once.
/// `base` is the length of the BOM, so the offset counts from the file start.
fn finish(encoding: &'static Encoding, bytes: &[u8], base: usize, last: bool) -> Decoded {
    let (text, bad) = decode_with(encoding, bytes, last);
    let mut decoded = clean(text, encoding);
    if let Some(bad) = bad {
        decoded.warnings.push(format!(
            "invalid {} at byte {}; {} bad sequence{} shown as U+FFFD",
            display_name(encoding),
            base + bad.first_offset,
            bad.count,
            if bad.count == 1 { "" } else { "s" },
        ));
    }
    decoded
}

/// chardetng's guess. GBK is widened to GB18030, its superset (every GBK
/// file decodes the same as GB18030).
fn detect(bytes: &[u8], last: bool, limit: usize) -> &'static Encoding {
    // chardetng costs about 0.1 ms a kilobyte; a kilobyte of Chinese
    // (500 characters) is plenty to tell GB18030 from Big5 or Shift_JIS.
    let sample = &bytes[..bytes.len().min(limit)];
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(sample, last && sample.len() == bytes.len());
    let guess = detector.guess(None, false);
    if guess == GBK { GB18030 } else { guess }
}

/// Where decoding went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadBytes {
    pub first_offset: usize,
    pub count: usize,
}

/// Decode all of `bytes`, writing U+FFFD for each malformed sequence.
/// With `last == false`, an incomplete sequence at the end is dropped
/// silently: the caller read only a head.
pub fn decode_with(
    encoding: &'static Encoding,
    bytes: &[u8],
    last: bool,
) -> (String, Option<BadBytes>) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2 + 16);
    let mut bad: Option<BadBytes> = None;
    let mut consumed = 0;
    loop {
        let src = &bytes[consumed..];
        let (result, read) = decoder.decode_to_string_without_replacement(src, &mut out, last);
        consumed += read;
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {
                let more = decoder
                    .max_utf8_buffer_length_without_replacement(bytes.len() - consumed)
                    .unwrap_or(bytes.len());
                out.reserve(more.max(16));
            }
            DecoderResult::Malformed(length, extra) => {
                let at = consumed.saturating_sub(usize::from(length) + usize::from(extra));
                out.push('\u{FFFD}');
                match &mut bad {
                    Some(b) => b.count += 1,
                    None => {
                        bad = Some(BadBytes {
                            first_offset: at,
                            count: 1,
                        })
                    }
                }
            }
        }
    }
    (out, bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped() {
        let d = decode(b"\xef\xbb\xbf# \xe6\x8a\xa5\n", Extent::Whole).unwrap();
        assert_eq!(d.text, "# 报\n");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("# 报\n".encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode(&bytes, Extent::Whole).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("# 报\n", "UTF-16LE"));
    }

    #[test]
    fn gb18030_is_detected() {
        let text = "# 北京城市副中心报\n\n2022年2月13日 星期日\n\n市委书记到城市副中心调研,并主持召开会议。";
        let (bytes, _, _) = GB18030.encode(text);
        let d = decode(&bytes, Extent::Whole).unwrap();
        assert_eq!(d.text, text);
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn stray_byte_in_utf8_warns_with_offset() {
        let mut bytes = "北京城市副中心报".as_bytes().to_vec();
        bytes.insert(6, 0xFF);
        let d = decode(&bytes, Extent::Whole).unwrap();
        assert_eq!(d.text, "北京\u{FFFD}城市副中心报");
        assert_eq!(d.warnings.len(), 1);
        assert!(d.warnings[0].contains("byte 6"), "{:?}", d.warnings);
    }

    #[test]
    fn cut_sequence_at_end() {
        let bytes = &"报纸".as_bytes()[..5];
        let whole = decode(bytes, Extent::Whole).unwrap();
        assert_eq!(whole.text, "报\u{FFFD}");
        assert!(whole.warnings[0].contains("byte 3"), "{:?}", whole.warnings);
        let head = decode(bytes, Extent::Head).unwrap();
        assert_eq!((head.text.as_str(), head.warnings.len()), ("报", 0));
    }

    #[test]
    fn nul_means_binary() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0", Extent::Whole),
            Err(DecodeError::Binary)
        );
        assert_eq!(
            decode(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n\0", Extent::Whole),
            Err(DecodeError::Binary)
        );
        assert_eq!(
            decode(&b"a\0".repeat(8), Extent::Whole),
            Err(DecodeError::Binary)
        );
    }

    #[test]
    fn a_stray_nul_in_good_utf8_is_text_with_a_warning() {
        let bytes = "# 报\n\n正文\0。\n".as_bytes();
        let d = decode(bytes, Extent::Whole).unwrap();
        assert_eq!(d.text, "# 报\n\n正文\u{FFFD}。\n");
        assert_eq!(
            d.warnings,
            ["NUL at byte 13; 1 NUL character shown as U+FFFD"]
        );
        let head = decode_head(bytes, 64).unwrap();
        assert_eq!(head.text, d.text);
    }

    #[test]
    fn a_known_encoding_gives_what_detection_gives_and_a_wrong_one_is_dropped() {
        let text = "# 北京日报\n\n2022年2月13日 星期日\n\n## 冬奥会\n\n高亭宇夺冠。\n";
        let (bytes, _, _) = GB18030.encode(text);
        let (detected, chosen) = decode_known(&bytes, Extent::Whole, None).unwrap();
        assert_eq!(chosen, Some(GB18030));
        assert_eq!(detected.text, text);
        let (known, _) = decode_known(&bytes, Extent::Whole, Some(GB18030)).unwrap();
        assert_eq!(known, detected);
        // UTF-8 is never taken from the hint: the bytes say so first.
        let (utf8, chosen) = decode_known(text.as_bytes(), Extent::Whole, Some(GB18030)).unwrap();
        assert_eq!((utf8.encoding, chosen), ("UTF-8", None));
        // A hint the bytes do not decode cleanly in is ignored.
        let (wrong, chosen) =
            decode_known(&bytes, Extent::Whole, Some(encoding_rs::UTF_16LE)).unwrap();
        assert_eq!((wrong, chosen), (detected, Some(GB18030)));
    }
}
