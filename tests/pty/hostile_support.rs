//! Shared by the `hostile_*` tests (docs/RELIABILITY.md §6): hostile issues
//! generated at test time (no raw control bytes are committed), a check that
//! plain output carries nothing a terminal would act on, a scanner that cuts
//! a terminal byte stream into the sequences a terminal would dispatch, and
//! a way to run the binary with a deadline.
// Each hostile test crate uses a different part of this.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc::channel;
use std::time::Duration;

/// Generous: a debug build on a loaded 2-core machine. Not a speed claim;
/// it only turns a hang or a runaway into a failure instead of a stuck CI.
pub const DEADLINE: Duration = Duration::from_secs(120);

/// docs/RELIABILITY.md §6 cases 1–11 and 14 as payloads to put inside text.
pub fn payloads() -> Vec<(&'static str, &'static str)> {
    vec![
        ("01", "A\x1b[2J\x1b[31mB"),
        ("02", "x\x1b]52;c;cm0gLXJmIH4=\x07y"),
        ("03", "\x1b]2;;id\x07\x1b[21t"),
        ("04", "a\x1bP$q\"p\x1b\\\x1b[c\x1b[>0q\x1b[6nb"),
        ("05", "a\x1b]8;;http://evil"),
        ("06", "\x1b]8;;http://evil\x1b\\bank.com\x1b]8;;\x1b\\"),
        ("07", "a\u{9b}31mb\u{9d}0;x\u{7}c"),
        ("08", "\u{202E}gnp.exe"),
        ("09", "甲\u{2028}乙\u{2029}丙"),
        ("10", "a\tb\tc"),
        ("11", "a\rb a\u{8}b\u{7} a\u{7f}b a\u{1}b"),
        ("14", "词\u{E0041}\u{E0042}\u{E0043}语"),
    ]
}

/// An English issue with one article per payload, the payload in every
/// role: kicker, headline, deck, byline, body, a tab-indented line, a
/// caption, and the paragraph after it.
pub fn hostile_issue() -> String {
    let mut text =
        String::from("# The Hostile Courier\n\nTuesday, March 12, 2024 · Eight pages\n\n");
    for (case, p) in payloads() {
        text.push_str(&format!(
            "SPECIAL {case}{p}\n\n## Headline {case} {p} end\n\nA deck {case} {p} here\n\n\
             By Jane {case}{p} Doe\n\n\
             Body {case} starts {p} and goes on for a while so that it wraps.\n\n\
             \tTabbed {case}\tcolumn {p}\n\n\
             Students crowd the room {case} {p}. (Photo by Ann {case}{p} Lee)\n\n\
             More body {case} {p} after.\n\n"
        ));
    }
    text
}

/// A file name carrying a clear-screen, an OSC 52, a C1 CSI and a bidi
/// override (case 12), dated so that it sorts with the others.
pub const HOSTILE_NAME: &str = "x\x1b[2J\x1b]52;c;eA==\x07\u{9b}31m\u{202E}gnp-2024-03-12.md";

/// What must never reach plain output: C0 but `\n` and `\t`, DEL, C1, the
/// bidi embedding/override/isolate and mark controls, the line and
/// paragraph separators, TAG characters.
pub fn is_forbidden(c: char) -> bool {
    matches!(c,
        '\0'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{200e}' | '\u{200f}' | '\u{61c}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{2028}' | '\u{2029}' | '\u{e0000}'..='\u{e007f}')
}

/// Fail, naming `what`, if `bytes` are not UTF-8 or hold a forbidden char.
pub fn assert_plain(bytes: &[u8], what: &str) {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| is_forbidden(c)) {
        let before: String = text[..at].chars().rev().take(40).collect();
        let before: String = before.chars().rev().collect();
        panic!("{what}: {c:?} at byte {at}, after {before:?}");
    }
}

/// Run the binary with `args` (stdin closed, state and config in `home`)
/// on another thread, failing if it has not finished by the deadline.
pub fn run(args: &[&str], home: &Path) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_broadsheet"));
    command
        .args(args)
        .env("XDG_STATE_HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("BROADSHEET_CONFIG")
        .stdin(Stdio::null());
    let (tx, rx) = channel();
    let shown = format!("{args:?}");
    std::thread::spawn(move || {
        let _ = tx.send(command.output());
    });
    rx.recv_timeout(DEADLINE)
        .unwrap_or_else(|_| panic!("{shown} did not finish in {DEADLINE:?}"))
        .unwrap()
}

/// One thing a terminal would act on, found in a byte stream.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Seq {
    /// `ESC [` private marker, parameters, intermediates, final byte.
    Csi(String, String, char),
    /// `ESC ]`, `ESC P`, `ESC _`, `ESC ^`, `ESC X` (or their C1 forms): the
    /// introducer and the body up to the terminator.
    String(char, String),
    /// Any other escape: intermediates and final byte.
    Esc(String, char),
    /// A C0 control other than CR, LF, BS (which drawing uses), or DEL.
    C0(u8),
    /// A C1 control as a character (`C2 80`…`C2 9F` in UTF-8).
    C1(char),
}

/// Cut `bytes` (UTF-8 with escapes) into the sequences a terminal would
/// act on; printable text is skipped. Invalid UTF-8 is read lossily.
pub fn scan(bytes: &[u8]) -> Vec<Seq> {
    scan_with_text(bytes).0
}

/// The sequences, and the text printed between them.
pub fn scan_with_text(bytes: &[u8]) -> (Vec<Seq>, String) {
    let text = String::from_utf8_lossy(bytes);
    let mut chars = text.chars().peekable();
    let mut found = Vec::new();
    let mut printed = String::new();
    while let Some(c) = chars.next() {
        let string_kind = |c| matches!(c, ']' | 'P' | '_' | '^' | 'X');
        match c {
            '\x1b' => match chars.next() {
                Some('[') => found.push(csi(&mut chars)),
                Some(k) if string_kind(k) => found.push(string(k, &mut chars)),
                Some(k) => {
                    let mut inter = String::new();
                    let mut last = k;
                    while ('\x20'..='\x2f').contains(&last) {
                        inter.push(last);
                        last = chars.next().unwrap_or('\0');
                    }
                    found.push(Seq::Esc(inter, last));
                }
                None => found.push(Seq::Esc(String::new(), '\0')),
            },
            '\u{9b}' => found.push(csi(&mut chars)),
            '\u{9d}' => found.push(string(']', &mut chars)),
            '\u{90}' => found.push(string('P', &mut chars)),
            '\u{9f}' => found.push(string('_', &mut chars)),
            '\u{9e}' => found.push(string('^', &mut chars)),
            '\u{98}' => found.push(string('X', &mut chars)),
            '\r' | '\n' | '\u{8}' => {}
            '\0'..='\x1f' | '\x7f' => found.push(Seq::C0(c as u8)),
            '\u{80}'..='\u{9f}' => found.push(Seq::C1(c)),
            _ => printed.push(c),
        }
    }
    (found, printed)
}

fn csi(chars: &mut impl Iterator<Item = char>) -> Seq {
    let (mut private, mut params, mut inter) = (String::new(), String::new(), String::new());
    for c in chars.by_ref() {
        match c {
            '<'..='?' if params.is_empty() && inter.is_empty() => private.push(c),
            '0'..='?' if inter.is_empty() => params.push(c),
            ' '..='/' => inter.push(c),
            '@'..='~' => return Seq::Csi(private, format!("{params}{inter}"), c),
            // Anything else aborts the sequence; a terminal would too.
            _ => return Seq::Csi(private, params, '\0'),
        }
    }
    Seq::Csi(private, params, '\0')
}

/// An OSC/DCS/APC/PM/SOS body up to BEL, ST (`ESC \` or U+009C) or the end.
fn string(kind: char, chars: &mut impl Iterator<Item = char>) -> Seq {
    let mut body = String::new();
    let mut chars = chars.peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x07' | '\u{9c}' => break,
            '\x1b' if chars.peek() == Some(&'\\') => {
                chars.next();
                break;
            }
            _ => body.push(c),
        }
    }
    Seq::String(kind, body)
}

/// The CSI kinds, as `private + final` (parameters dropped except for
/// modes, erases and other finals whose parameter is the meaning).
pub fn kind(seq: &Seq) -> String {
    match seq {
        Seq::Csi(private, params, fin) => match fin {
            // Modes, erases, device reports: the number says what it does.
            'h' | 'l' | 'J' | 'K' | 'n' | 'c' | 't' | 'q' => format!("CSI {private}{params}{fin}"),
            _ => format!("CSI {private}…{fin}"),
        },
        Seq::String(k, _) => format!("string {k}"),
        Seq::Esc(inter, fin) => format!("ESC {inter}{fin}"),
        Seq::C0(b) => format!("C0 {b:#04x}"),
        Seq::C1(c) => format!("C1 {:#06x}", u32::from(*c)),
    }
}
