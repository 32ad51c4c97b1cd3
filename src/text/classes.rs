//! The character classes every sanitising and escaping decision is made
//! from, each defined once.

/// Bidi embedding/override/isolate controls and the LRM/RLM/ALM marks:
/// invisible, yet they reorder what a terminal shows (Trojan Source,
/// CVE-2021-42574).
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// Bidi controls, TAG characters and the zero-width no-break space (a BOM
/// left in the middle of text): characters that hide or reorder text.
pub fn is_format_hazard(c: char) -> bool {
    is_bidi_control(c) || matches!(c, '\u{FEFF}' | '\u{E0000}'..='\u{E007F}')
}

/// U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR: one cell to
/// unicode-width, a line break to some terminals and to JavaScript.
pub fn is_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

/// Characters a terminal may act on or that reorder what it shows, even
/// inside a quoted string: every control (C0, DEL, C1), the separators and
/// the bidi controls. No output boundary prints one raw.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_separator(c) || is_bidi_control(c)
}
