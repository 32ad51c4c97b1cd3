//! Break opportunities: UAX #14 as implemented by `unicode-linebreak`
//! (Unicode 15.0), tailored here:
//!
//! * LB19/LB19a of Unicode 16: a break is allowed before an opening quote
//!   (`“`, Pi) and after a closing quote (`”`, Pf) when both neighbours are
//!   East Asian. Unicode 15 glues quotes to both neighbours, which pushes
//!   `是“` to the next line in `主题是“五子”联动`.
//! * LB30: `(AL | HL | NU) × OP` applies only to non-East-Asian OP; the crate
//!   forbids the break before a fullwidth `（` after a Latin word as well.
//! * clreq prohibitions by level (see `classes`): never before a line-start
//!   prohibited character, never after a line-end prohibited one.
//!
//! Why `unicode-linebreak` and not `icu_segmenter`: its pair table is a
//! few KB of static data with no data provider and it is fast (a trie lookup
//! and a table step per character); the Unicode 16 quote rule it lacks is a
//! local rule, and the clreq levels need hand tailoring with either crate.

use unicode_linebreak::{BreakClass, BreakOpportunity, break_property, linebreaks};

use super::Kinsoku;
use super::classes::{
    ends_prohibited, is_east_asian, is_final_quote, is_initial_quote, starts_prohibited,
};
use super::terms::{inside_quoted_term, splits_a_word, word_before};

/// What the tailoring looks at around the boundary at byte `at`.
#[derive(Debug, Clone, Copy)]
pub struct Boundary<'a> {
    pub text: &'a str,
    pub at: usize,
    /// The character just before `at`.
    pub before: char,
    /// The base character of the cluster before `at` (combining marks
    /// belong to their base, UAX #14 LB9).
    pub before_base: char,
    /// The character at `at`.
    pub next: char,
    /// The character after `next`.
    pub after_next: Option<char>,
}

impl Boundary<'_> {
    /// The character before `before`.
    fn before_before(&self) -> Option<char> {
        let quote_at = self.at - self.before.len_utf8();
        self.text[..quote_at].chars().next_back()
    }

    /// The first character at or after `at` that is not a space or tab, and
    /// the one after it: a line broken here starts with it once leading
    /// whitespace is dropped.
    fn first_visible(&self) -> (char, Option<char>) {
        if !is_dropped(self.next) {
            return (self.next, self.after_next);
        }
        let mut rest = self.text[self.at..]
            .chars()
            .take(BLANK_LOOKAROUND)
            .skip_while(|&c| is_dropped(c));
        match rest.next() {
            Some(c) => (c, rest.next()),
            None => (self.next, self.after_next),
        }
    }

    /// The last character before `at` that is not a space or tab: a line
    /// broken here ends with it once trailing whitespace is dropped.
    fn last_visible(&self) -> char {
        if !is_dropped(self.before) {
            return self.before;
        }
        self.text[..self.at]
            .chars()
            .rev()
            .take(BLANK_LOOKAROUND)
            .find(|&c| !is_dropped(c))
            .unwrap_or(' ')
    }
}

/// How far the rules look across spaces and tabs for the character a line
/// would start or end with. Tabs allow a break after each (UAX #14 BA), so
/// an unbounded look would make a long run of tabs quadratic; past this many
/// blanks the neighbour is too far away to matter on screen anyway.
const BLANK_LOOKAROUND: usize = 64;

/// Whitespace the wrapper drops at a break.
#[inline]
fn is_dropped(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// Whether a line may break at `b`, given whether UAX #14 (Unicode 15.0,
/// `unicode-linebreak`) allows it. Mandatory breaks are not tailored.
#[inline]
pub fn tailor(base_allowed: bool, b: &Boundary<'_>, level: Kinsoku) -> bool {
    // Like the clreq rules, the URL rule tailors every level but `none`
    // (plain UAX #14, which the conformance test holds to).
    let url = (level != Kinsoku::None)
        .then(|| super::url::url_break(b.text, b.at, b.before, b.next))
        .flatten();
    let allowed = match url {
        Some(inside_url) => inside_url,
        None => base_allowed || quote_rule_allows(b) || east_asian_open_allows(b),
    };
    if !allowed || level == Kinsoku::None {
        return allowed;
    }
    let (first, after) = b.first_visible();
    !(starts_prohibited(first, after, level)
        || ends_prohibited(b.last_visible(), level)
        || hyphen_in_url(b)
        || splits_a_word(b))
}

/// A break after a hyphen inside a URL would read as a hyphenated word and
/// copy wrong; a URL breaks after its `/` and `.` instead.
#[inline]
fn hyphen_in_url(b: &Boundary<'_>) -> bool {
    b.before == '-' && word_before(b.text, b.at).contains("://")
}

/// UAX #14 16.0 LB19/LB19a, where Unicode 15 says `× QU` and `QU ×`.
#[inline]
fn quote_rule_allows(b: &Boundary<'_>) -> bool {
    if is_initial_quote(b.next) {
        return is_east_asian(b.before)
            && b.after_next.is_some_and(is_east_asian)
            && !no_break_after(break_property(b.before as u32));
    }
    if is_final_quote(b.before) {
        return is_east_asian(b.next)
            && b.before_before().is_some_and(is_east_asian)
            && !no_break_before(break_property(b.next as u32));
    }
    false
}

/// LB30 excludes East Asian OP: `Windows（` may break before `（`.
#[inline]
fn east_asian_open_allows(b: &Boundary<'_>) -> bool {
    // LB8a: nothing breaks after a zero width joiner.
    !b.next.is_ascii()
        && b.before != '\u{200D}'
        && break_property(b.next as u32) == BreakClass::OpenPunctuation
        && is_east_asian(b.next)
        && matches!(
            resolved(b.before_base),
            BreakClass::Alphabetic | BreakClass::HebrewLetter | BreakClass::Numeric
        )
}

/// Line_Break class after LB1 resolution (AI, SA, XX → AL) and LB10 (a
/// combining mark with no base acts as AL).
fn resolved(c: char) -> BreakClass {
    match break_property(c as u32) {
        BreakClass::Ambiguous
        | BreakClass::ComplexContext
        | BreakClass::Unknown
        | BreakClass::CombiningMark
        | BreakClass::ZeroWidthJoiner => BreakClass::Alphabetic,
        class => class,
    }
}

/// Classes that forbid a break after them whatever follows (LB8a, LB11,
/// LB12, LB14, LB21 BB).
fn no_break_after(class: BreakClass) -> bool {
    use BreakClass::*;
    matches!(
        class,
        OpenPunctuation | NonBreakingGlue | WordJoiner | ZeroWidthJoiner | Before
    )
}

/// Classes that forbid a break before them whatever precedes (LB6–LB13,
/// LB19, LB21, LB22).
fn no_break_before(class: BreakClass) -> bool {
    use BreakClass::*;
    matches!(
        class,
        ClosePunctuation
            | CloseParenthesis
            | Exclamation
            | InfixSeparator
            | Symbol
            | NonStarter
            | ConditionalJapaneseStarter
            | Inseparable
            | NonBreakingGlue
            | WordJoiner
            | ZeroWidthSpace
            | CombiningMark
            | ZeroWidthJoiner
            | Quotation
            | After
            | Hyphen
            | Space
            | Mandatory
            | CarriageReturn
            | LineFeed
            | NextLine
    )
}

/// Every tailored break opportunity of `text` at `level`, at code point
/// boundaries, as `unicode_linebreak::linebreaks` reports them (the end of
/// the text is always a mandatory break). The wrapper uses the same rules
/// at grapheme boundaries; this is the form the conformance test checks.
pub fn opportunities(text: &str, level: Kinsoku) -> Vec<(usize, BreakOpportunity)> {
    let mut base = linebreaks(text).peekable();
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(at, next)) in chars.iter().enumerate().skip(1) {
        while base.next_if(|&(i, _)| i < at).is_some() {}
        let here = base.peek().filter(|&&(i, _)| i == at).map(|&(_, o)| o);
        if here == Some(BreakOpportunity::Mandatory) {
            out.push((at, BreakOpportunity::Mandatory));
            continue;
        }
        let boundary = Boundary {
            text,
            at,
            before: chars[k - 1].1,
            before_base: base_before(&chars[..k]),
            next,
            after_next: chars.get(k + 1).map(|&(_, c)| c),
        };
        let in_term = level != Kinsoku::None && inside_quoted_term(text, at);
        if !in_term && tailor(here.is_some(), &boundary, level) {
            out.push((at, BreakOpportunity::Allowed));
        }
    }
    out.push((text.len(), BreakOpportunity::Mandatory));
    out
}

/// The character combining marks before the end of `chars` attach to
/// (LB9), or the last mark itself when they follow a space or a break
/// (LB10 then treats it as AL).
fn base_before(chars: &[(usize, char)]) -> char {
    use BreakClass::*;
    let mut last = ' ';
    for &(_, c) in chars.iter().rev() {
        last = c;
        match break_property(c as u32) {
            CombiningMark | ZeroWidthJoiner => continue,
            Space | Mandatory | CarriageReturn | LineFeed | NextLine | ZeroWidthSpace => {
                return chars.last().map_or(c, |&(_, m)| m);
            }
            _ => return c,
        }
    }
    last
}
