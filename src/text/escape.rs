//! The one escaper: text shown at an output boundary keeps every character
//! it can and spells the unsafe ones out, in the notation of the place it
//! goes to, so that what is shown can be read back to what was there.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::classes::{is_format_hazard, is_unsafe};

/// Where escaped text goes, which decides both what is escaped and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notation {
    /// A message on a terminal (errors, warnings): `\u{1b}`.
    Message,
    /// JSON text as `serde_json` wrote it, which escapes only U+0000–001F:
    /// the rest of the unsafe set as `\u009b`. They can only occur inside
    /// strings, where the escape is valid; C0 is left alone, since outside
    /// strings it is the layout's own whitespace.
    Json,
    /// The inside of a TOML basic string: `\u001B`, `\"`, `\\`.
    Toml,
    /// A file name, in the C style of `ls -b`: `\e`, `\n`, `\t`, `\r`,
    /// octal UTF-8 bytes for other controls, `\u{202E}` for format
    /// characters, `\\` for a backslash.
    Name,
    /// A URL: percent-encoded UTF-8, also for whitespace and zero-width
    /// characters, which a URL never holds raw.
    Url,
}

impl Notation {
    fn escapes(self, c: char) -> bool {
        match self {
            Notation::Message => is_unsafe(c),
            Notation::Json => is_unsafe(c) && c > '\u{1F}',
            Notation::Toml => is_unsafe(c) || matches!(c, '"' | '\\'),
            Notation::Name => is_unsafe(c) || is_format_hazard(c) || c == '\\',
            Notation::Url => {
                is_unsafe(c)
                    || is_format_hazard(c)
                    || c.is_whitespace()
                    || matches!(c, '\u{200B}'..='\u{200D}')
            }
        }
    }

    /// Write the escape for `c`. Writing to a String cannot fail.
    fn write(self, c: char, out: &mut String) {
        let code = u32::from(c);
        let _ = match self {
            Notation::Message => write!(out, "\\u{{{code:x}}}"),
            Notation::Json => write!(out, "\\u{code:04x}"),
            Notation::Toml => match c {
                '"' | '\\' => write!(out, "\\{c}"),
                _ => write!(out, "\\u{code:04X}"),
            },
            Notation::Name => match c {
                '\\' => write!(out, "\\\\"),
                '\n' => write!(out, "\\n"),
                '\t' => write!(out, "\\t"),
                '\r' => write!(out, "\\r"),
                '\u{1B}' => write!(out, "\\e"),
                _ if c.is_control() => octal(c.encode_utf8(&mut [0; 4]).as_bytes(), out),
                _ => write!(out, "\\u{{{code:04X}}}"),
            },
            Notation::Url => {
                for byte in c.encode_utf8(&mut [0; 4]).bytes() {
                    let _ = write!(out, "%{byte:02X}");
                }
                Ok(())
            }
        };
    }
}

fn octal(bytes: &[u8], out: &mut String) -> std::fmt::Result {
    for byte in bytes {
        write!(out, "\\{byte:03o}")?;
    }
    Ok(())
}

/// `text` with every character `notation` escapes spelled out; borrowed
/// when there is none.
pub fn escape(text: &str, notation: Notation) -> Cow<'_, str> {
    if !text.contains(|c| notation.escapes(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if notation.escapes(c) {
            notation.write(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Bytes of a file name escaped for display ([`Notation::Name`]): valid
/// UTF-8 stays readable, other bytes are written in octal.
pub fn escape_bytes(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(&escape(chunk.valid(), Notation::Name));
        // Writing to a String cannot fail.
        let _ = octal(chunk.invalid(), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_notation_spells_its_escapes() {
        let text = "a\u{1b}[2J\u{202e}\u{2028}\"\\\u{9b}b";
        assert_eq!(
            escape(text, Notation::Message),
            "a\\u{1b}[2J\\u{202e}\\u{2028}\"\\\\u{9b}b"
        );
        assert_eq!(
            escape(text, Notation::Json),
            "a\u{1b}[2J\\u202e\\u2028\"\\\\u009bb"
        );
        assert_eq!(
            escape(text, Notation::Toml),
            "a\\u001B[2J\\u202E\\u2028\\\"\\\\\\u009Bb"
        );
        assert_eq!(
            escape(text, Notation::Name),
            "a\\e[2J\\u{202E}\\u{2028}\"\\\\\\302\\233b"
        );
        assert_eq!(escape("a b\u{200b}", Notation::Url), "a%20b%E2%80%8B");
        assert!(matches!(escape("报纸 a", Notation::Name), Cow::Borrowed(_)));
    }

    #[test]
    fn names_keep_text_and_write_bad_bytes_in_octal() {
        assert_eq!(
            escape_bytes(b"x\x1b[2J\x1b]52;c;eA==\x07.md"),
            "x\\e[2J\\e]52;c;eA==\\007.md"
        );
        assert_eq!(escape_bytes("报 纸\\a.md".as_bytes()), "报 纸\\\\a.md");
        assert_eq!(escape_bytes(b"a\xffb\n"), "a\\377b\\n");
    }
}
