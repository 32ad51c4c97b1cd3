//! The one sanitiser, run after the last step that turns bytes or
//! references into characters: file decoding (before parsing), Markdown
//! character references (inside the parser), and whatever the HTML and feed
//! readers decode. Every later layer (parser, typesetter, screen, `dump`,
//! JSON) trusts what comes out.
//!
//! Escape sequences are removed whole by the `vte` state machine (the one
//! Alacritty uses), not a regex: regex strippers miss OSC, DCS, private-mode
//! CSI and C1 forms. Two things `vte` does not do for us,
//! handled here:
//! - It treats a UTF-8-encoded C1 introducer (U+009B CSI, U+009D OSC…) as a
//!   lone control, not as the start of a sequence, so `\u{9b}31m` would leave
//!   `31m` behind while VTE-based terminals execute it (ghostty#14023). We
//!   rewrite C1 introducers to their 7-bit `ESC x` forms before parsing.
//! - Its OSC/DCS/SOS states swallow newlines until a terminator, so an
//!   unterminated OSC would eat the rest of the document (gwsw/less#781). We
//!   feed it one line at a time with a fresh parser, so a sequence never runs
//!   past the end of its line.
//!
//! Inside an open CSI, `vte` (like Alacritty, which it drives) skips bytes
//! that are not ASCII until a final byte, so a stray `ESC [` before Chinese
//! text hides that text up to the next ASCII letter on the same line: what
//! such a terminal would show, and never more than one line.

use std::borrow::Cow;

use super::classes::{is_format_hazard, is_separator};

/// What replaces a control character that is not part of a sequence.
const REPLACEMENT: char = '\u{FFFD}';
const ESC: char = '\u{1B}';
/// Emoji tag sequences (flags of England, Scotland, Wales) start with a
/// waving black flag and end with CANCEL TAG; other TAG characters are
/// invisible text that search would match.
const TAG_BASE: char = '\u{1F3F4}';
const CANCEL_TAG: char = '\u{E007F}';

/// Make decoded text safe: line endings to LF, escape sequences removed
/// whole, other controls replaced by U+FFFD, bidi controls, stray TAG
/// characters and stray BOMs removed, U+2028/U+2029 turned into line and
/// paragraph breaks.
///
/// Call it on the result of the *last* decoding step: a reader that decodes
/// HTML entities (`&#x202E;`, `&rlm;`) or JSON escapes calls it on the
/// decoded string, since before decoding the hazard is still spelled in
/// ASCII. Idempotent; the output holds no `char::is_control` character but
/// `\n` and `\t`, and [`is_clean`] is true of it. Borrowed when nothing
/// changed.
pub fn clean(text: &str) -> Cow<'_, str> {
    if is_plain_text(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in split_lines(text).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if line.chars().any(is_introducer) {
            strip_sequences(line, &mut out);
        } else {
            filter_chars(line.chars(), &mut out);
        }
    }
    Cow::Owned(out)
}

/// Whether `clean` would leave the text as it is, judged byte by byte (the
/// fast path for clean files; most bytes of Chinese text need one
/// comparison): every hazard is an ASCII control or begins with one of five
/// lead bytes. An emoji tag sequence (a subdivision flag) is clean, though
/// this judges it by the slow path.
pub fn is_clean(text: &str) -> bool {
    is_plain_text(text) || clean(text) == text
}

/// The byte-by-byte fast path of [`is_clean`]; false for tag sequences.
/// Only five lead bytes can start a hazard (U+0080–009F, U+061C,
/// U+200E–200F, U+2028–202E, U+2066–2069, U+FEFF, U+E0000–E007F); the bytes
/// after such a lead decide it, with no decoding (Chinese text is full of
/// E2 and EF leads: quotes and fullwidth punctuation).
fn is_plain_text(text: &str) -> bool {
    let mut rest = text.as_bytes();
    // One table load a byte until a byte that may start a hazard.
    while let Some(i) = rest.iter().position(|&b| MAY_START_HAZARD[usize::from(b)]) {
        let at = |n: usize| rest.get(i + n).copied().unwrap_or(0);
        // An ASCII control (not `\n`, `\t`) or DEL; else one of the leads.
        if rest[i] < 0x80 || hazard_after_lead(rest[i], at(1), at(2)) {
            return false;
        }
        rest = &rest[i + 1..];
    }
    true
}

/// The bytes `is_plain_text` looks at: ASCII controls but `\n` and `\t`,
/// DEL, and the five leads.
static MAY_START_HAZARD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b != b'\n' as usize && b != b'\t' as usize;
        b += 1;
    }
    table[0x7F] = true;
    table[0xC2] = true;
    table[0xD8] = true;
    table[0xE2] = true;
    table[0xEF] = true;
    table[0xF3] = true;
    table
};

/// Whether the character whose UTF-8 form starts `lead, second, third` is
/// one `clean` changes (not [`is_plain`]), for the five leads of
/// `is_plain_text`; the `text_fast_path_is_is_plain` test holds it to
/// `is_plain` for every character.
#[inline]
fn hazard_after_lead(lead: u8, second: u8, third: u8) -> bool {
    match lead {
        0xC2 => second < 0xA0,
        0xD8 => second == 0x9C,
        0xE2 => match second {
            0x80 => matches!(third, 0x8E | 0x8F | 0xA8..=0xAE),
            0x81 => matches!(third, 0xA6..=0xA9),
            _ => false,
        },
        0xEF => second == 0xBB && third == 0xBF,
        0xF3 => second == 0xA0 && matches!(third, 0x80 | 0x81),
        _ => false,
    }
}

/// A char that `clean` keeps as it is wherever it stands (the fast path
/// for clean files): anything but a control other than `\n` and `\t`, a
/// format hazard or a line/paragraph separator.
pub fn is_plain(c: char) -> bool {
    match c {
        '\n' | '\t' => true,
        _ if c.is_control() => false,
        _ => !is_format_hazard(c) && !is_separator(c),
    }
}

/// ESC and the C1 controls that open or close a sequence.
fn is_introducer(c: char) -> bool {
    matches!(
        c,
        ESC | '\u{90}' | '\u{98}' | '\u{9B}' | '\u{9C}' | '\u{9D}' | '\u{9E}' | '\u{9F}'
    )
}

/// Lines split at LF, CRLF and lone CR, which all become LF.
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.find(['\n', '\r']) {
            Some(at) => {
                let skip = if current[at..].starts_with("\r\n") {
                    2
                } else {
                    1
                };
                rest = Some(&current[at + skip..]);
                Some(&current[..at])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// Run one line through `vte`, keeping only what it would print.
fn strip_sequences(line: &str, out: &mut String) {
    let mut bytes = Vec::with_capacity(line.len() + 8);
    for c in line.chars() {
        match c1_as_7bit(c) {
            Some(final_byte) => bytes.extend_from_slice(&[0x1B, final_byte]),
            None => {
                let mut buf = [0; 4];
                bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    let mut printer = Printer::default();
    // A fresh parser per line: whatever sequence is open at the end of the
    // line is dropped with the parser.
    let mut parser = vte::Parser::new();
    parser.advance(&mut printer, &bytes);
    filter_chars(printer.text.chars(), out);
}

/// The `ESC x` form of a C1 sequence introducer or terminator (ECMA-48 §5.3).
fn c1_as_7bit(c: char) -> Option<u8> {
    match c {
        '\u{90}' => Some(b'P'),
        '\u{98}' => Some(b'X'),
        '\u{9B}' => Some(b'['),
        '\u{9C}' => Some(b'\\'),
        '\u{9D}' => Some(b']'),
        '\u{9E}' => Some(b'^'),
        '\u{9F}' => Some(b'_'),
        _ => None,
    }
}

/// Collects what a terminal would draw; every dispatched sequence is dropped
/// (the trait's default methods do nothing). Controls executed outside a
/// sequence are kept as themselves for `filter_chars` to judge.
#[derive(Default)]
struct Printer {
    text: String,
}

impl vte::Perform for Printer {
    fn print(&mut self, c: char) {
        self.text.push(c);
    }

    fn execute(&mut self, byte: u8) {
        self.text.push(char::from(byte));
    }
}

/// The per-character policy: tab kept, other controls
/// become U+FFFD, bidi controls and stray TAG characters vanish, U+2028 is a
/// line break and U+2029 a paragraph break.
fn filter_chars(chars: impl Iterator<Item = char>, out: &mut String) {
    let mut chars = chars.peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' => out.push('\t'),
            '\u{2028}' => out.push('\n'),
            '\u{2029}' => out.push_str("\n\n"),
            TAG_BASE => {
                out.push(c);
                let mut tags = String::new();
                while let Some(&t) = chars.peek().filter(|t| is_tag(**t)) {
                    tags.push(t);
                    chars.next();
                    if t == CANCEL_TAG {
                        break;
                    }
                }
                if tags.len() > 4 && tags.ends_with(CANCEL_TAG) {
                    out.push_str(&tags);
                }
            }
            _ if c.is_control() => out.push(REPLACEMENT),
            _ if is_format_hazard(c) => {}
            _ => out.push(c),
        }
    }
}

fn is_tag(c: char) -> bool {
    matches!(c, '\u{E0020}'..='\u{E007F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_fast_path_is_is_plain() {
        // Every character alone, and between two others (a lead byte's
        // followers are read past the character, never past the text).
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let alone = c.to_string();
            assert_eq!(is_plain_text(&alone), is_plain(c), "{c:?}");
            assert_eq!(is_plain_text(&format!("“{c}，")), is_plain(c), "{c:?}");
        }
    }

    fn clean(s: &str) -> String {
        super::clean(s).into_owned()
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(super::clean("# 报\n\n正文\t。"), Cow::Borrowed(_)));
    }

    #[test]
    fn csi_is_removed_whole() {
        assert_eq!(clean("# T\n\nA\x1b[2J\x1b[31mB\n"), "# T\n\nAB\n");
        assert_eq!(clean("a\x1b[?1049hb"), "ab");
    }

    #[test]
    fn osc_with_bel_or_st_is_removed_with_its_payload() {
        assert_eq!(clean("x\x1b]52;c;cm0gLXJmIH4=\x07y\n"), "xy\n");
        assert_eq!(
            clean("\x1b]8;;http://evil\x1b\\bank.com\x1b]8;;\x1b\\"),
            "bank.com"
        );
        assert_eq!(clean("\x1b]2;;id\x07\x1b[21t标题"), "标题");
    }

    #[test]
    fn unterminated_osc_stops_at_end_of_line() {
        assert_eq!(
            clean("a\x1b]8;;http://evil\n\nnext para\n"),
            "a\n\nnext para\n"
        );
        assert_eq!(clean("a\x1b[31"), "a");
    }

    #[test]
    fn dcs_sos_pm_apc_and_queries_are_removed() {
        assert_eq!(clean("a\x1bP$q\"p\x1b\\b"), "ab");
        assert_eq!(clean("a\x1b[c\x1b[>0q\x1b[6nb"), "ab");
        assert_eq!(
            clean("a\x1bXsos\x1b\\b\x1b^pm\x1b\\c\x1b_apc\x1b\\d"),
            "abcd"
        );
    }

    #[test]
    fn c1_forms_are_sequences_too() {
        assert_eq!(clean("a\u{9b}31mb"), "ab");
        assert_eq!(clean("a\u{9d}0;x\u{7}b"), "ab");
        assert_eq!(clean("a\u{9d}0;x\u{9c}b"), "ab");
        assert_eq!(clean("a\u{90}data\u{9c}b"), "ab");
        assert_eq!(clean("a\u{85}b"), "a\u{FFFD}b");
    }

    #[test]
    fn c0_and_del_become_replacement_but_tab_stays() {
        assert_eq!(clean("a\u{8}b\u{7}c\0d\u{7f}e\tf"), "a�b�c�d�e\tf");
    }

    #[test]
    fn line_endings_become_lf() {
        assert_eq!(clean("a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(clean("a\r\n\x1b[1mb\r\n"), "a\nb\n");
    }

    #[test]
    fn bidi_and_separators() {
        assert_eq!(
            clean("\u{202E}gnp.exe\u{2066}x\u{2069}\u{200F}"),
            "gnp.exex"
        );
        assert_eq!(clean("a\u{2028}b\u{2029}c"), "a\nb\n\nc");
    }

    #[test]
    fn tags_dropped_except_in_flag_sequences() {
        assert_eq!(clean("word\u{E0041}\u{E0042}"), "word");
        let england = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}";
        assert_eq!(clean(england), england);
        assert_eq!(clean("\u{1F3F4}\u{E0067}x"), "\u{1F3F4}x");
    }

    #[test]
    fn a_stray_csi_hides_at_most_the_rest_of_its_line() {
        assert_eq!(clean("甲\x1b[乙丙a丁\n戊"), "甲丁\n戊");
        assert_eq!(clean("甲\x1b[乙丙\n戊"), "甲\n戊");
    }

    #[test]
    fn escape_inside_chinese_keeps_the_chinese() {
        assert_eq!(clean("北京\x1b[0m城市"), "北京城市");
    }
}
