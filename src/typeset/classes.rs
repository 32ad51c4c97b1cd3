//! Character classes the typesetting rules are written in: the clreq
//! line-start and line-end sets per level, quotes, East Asian width, Han.
//! Each predicate answers in a few comparisons for ASCII and Han, the bulk
//! of a newspaper, so the wrapper can ask them at every grapheme boundary.

use unicode_width::UnicodeWidthChar;

use super::Kinsoku;

/// Never starts a line at `basic` and above (clreq "prohibition rules for
/// line start"; the ASCII forms because the seed writes ASCII `, ( ) !`
/// inside Chinese prose). `—` and `…` are handled by `starts_prohibited`.
const BASIC_NO_START: &[char] = &[
    '、', '，', '。', '．', '；', '：', '？', '！', '）', '］', '｝', '〕', '】', '》', '〉', '」',
    '』', '”', '’', '·', '～', '／', '－', '〗', '〙', '〛', '｠', '｣', '､', '｡', '・', ',', '.',
    ';', ':', '?', '!', ')', ']', '}',
];

/// Never ends a line at `basic` and above (clreq "prohibition rules for line
/// end": opening brackets and quotes).
const BASIC_NO_END: &[char] = &[
    '（', '［', '｛', '〔', '【', '《', '〈', '「', '『', '“', '‘', '〖', '〘', '〚', '｟', '｢',
    '(', '[', '{',
];

/// `gb` adds: no line ends with a slash (GB/T 15834 keeps `/` with what
/// follows it, as in 千米/小时).
const GB_NO_END: &[char] = &['/', '／'];

const EM_DASH: char = '—';
const ELLIPSIS: char = '…';

/// Whether `c` may not start a line at `level`; `after` is the character
/// following `c` (a lone `—` is a connector, `——` a dash pair that may
/// start a line below `strict`).
#[inline]
pub fn starts_prohibited(c: char, after: Option<char>, level: Kinsoku) -> bool {
    if level == Kinsoku::None || (c.is_ascii_alphanumeric() || is_han(c)) {
        return false;
    }
    match c {
        EM_DASH => level == Kinsoku::Strict || after != Some(EM_DASH),
        ELLIPSIS => true,
        _ => BASIC_NO_START.contains(&c),
    }
}

/// Whether `c` may not end a line at `level`.
#[inline]
pub fn ends_prohibited(c: char, level: Kinsoku) -> bool {
    if level == Kinsoku::None || (c.is_ascii_alphanumeric() || is_han(c)) {
        return false;
    }
    BASIC_NO_END.contains(&c) || (level >= Kinsoku::Gb && GB_NO_END.contains(&c))
}

/// Opening quotation marks (Line_Break=QU, General_Category=Pi): UAX #14
/// 16.0 LB19 allows a break before them.
#[inline]
pub fn is_initial_quote(c: char) -> bool {
    matches!(
        c,
        '\u{AB}'
            | '\u{2018}'
            | '\u{201B}'
            | '\u{201C}'
            | '\u{201F}'
            | '\u{2039}'
            | '\u{2E02}'
            | '\u{2E04}'
            | '\u{2E09}'
            | '\u{2E0C}'
            | '\u{2E1C}'
            | '\u{2E20}'
    )
}

/// Closing quotation marks (Line_Break=QU, General_Category=Pf): UAX #14
/// 16.0 LB19 allows a break after them.
#[inline]
pub fn is_final_quote(c: char) -> bool {
    matches!(
        c,
        '\u{BB}'
            | '\u{2019}'
            | '\u{201D}'
            | '\u{203A}'
            | '\u{2E03}'
            | '\u{2E05}'
            | '\u{2E0A}'
            | '\u{2E0D}'
            | '\u{2E1D}'
            | '\u{2E21}'
    )
}

/// UAX #14's `$EastAsian`: East_Asian_Width F, W or H. Wide and fullwidth
/// characters are exactly those unicode-width measures as 2 outside an
/// ambiguous context; halfwidth forms are listed.
#[inline]
pub fn is_east_asian(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    c.width() == Some(2)
        || matches!(c, '\u{20A9}' | '\u{FF61}'..='\u{FFDC}' | '\u{FFE8}'..='\u{FFEE}')
}

/// Han ideographs (the CJK Unified Ideographs blocks and compatibility
/// ideographs).
#[inline]
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}

/// Han, kana or Hangul: the letters that make a paragraph CJK.
#[inline]
pub fn is_cjk_letter(c: char) -> bool {
    is_han(c) || is_kana_or_hangul(c)
}

/// Hiragana, katakana (with the small Ainu kana) or a Hangul syllable: the
/// letters that mark Japanese or Korean rather than Chinese.
#[inline]
pub fn is_kana_or_hangul(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{30FF}' | '\u{AC00}'..='\u{D7A3}' | '\u{31F0}'..='\u{31FF}')
}

/// The fullwidth form `c` is shown as under `Punctuation::Fullwidth`: ASCII
/// `, : ; ? ! ( )` next to a Han character (or kana), never between two
/// digits (`1,000`, `9:30`). `prev` and `next` are the neighbouring
/// characters in the source text.
#[inline]
pub fn fullwidth_form(prev: Option<char>, c: char, next: Option<char>) -> Option<char> {
    let wide = match c {
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        _ => return None,
    };
    let digit = |x: Option<char>| x.is_some_and(|x| x.is_ascii_digit());
    if digit(prev) && digit(next) {
        return None;
    }
    let cjk = |x: Option<char>| x.is_some_and(is_cjk_letter);
    (cjk(prev) || cjk(next)).then_some(wide)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dash_pair_may_start_a_line_below_strict() {
        assert!(!starts_prohibited('—', Some('—'), Kinsoku::Basic));
        assert!(starts_prohibited('—', Some('最'), Kinsoku::Basic));
        assert!(starts_prohibited('—', Some('—'), Kinsoku::Strict));
        assert!(!starts_prohibited('，', None, Kinsoku::None));
    }

    #[test]
    fn slash_ends_a_line_only_below_gb() {
        assert!(!ends_prohibited('/', Kinsoku::Basic));
        assert!(ends_prohibited('／', Kinsoku::Gb));
        assert!(ends_prohibited('“', Kinsoku::Basic));
    }

    #[test]
    fn fullwidth_only_next_to_han_and_never_between_digits() {
        assert_eq!(fullwidth_form(Some('出'), ',', Some('要')), Some('，'));
        assert_eq!(fullwidth_form(Some('1'), ',', Some('0')), None);
        assert_eq!(fullwidth_form(Some('9'), ':', Some('3')), None);
        assert_eq!(fullwidth_form(Some('a'), ',', Some(' ')), None);
        assert_eq!(fullwidth_form(Some('期'), ')', Some('工')), Some('）'));
    }
}
