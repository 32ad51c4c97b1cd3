//! Finding text in articles: the one matcher behind `broadsheet search` and
//! the reader's `/`. Pure: strings in, byte ranges out.
//!
//! What a pattern matches:
//! - **Literal text**, never a regular expression: `a.b` finds `a.b`.
//! - **Smart case**: a pattern with no uppercase letter matches regardless
//!   of case (Unicode lowercase, so `привет` finds `ПРИВЕТ`, `istanbul`
//!   finds `İstanbul` and `οδος` finds `ΟΔΟΣ`; `ß` is not `ss`); one
//!   uppercase letter anywhere makes it exact.
//! - **Width-insensitive**: fullwidth ASCII (U+FF01–FF5E) matches its ASCII
//!   twin and the ideographic space U+3000 matches a space, both ways, so
//!   `ＡＢＣ` finds `abc` and `(` finds `（`, typed with an input method or not.
//! - **Whitespace**: any run of whitespace in the pattern matches any run in
//!   the text (one or more spaces, tabs, line breaks, U+3000, no-break
//!   spaces); `a b` never matches `ab`. Text pasted from a reflowed page so
//!   still finds the paragraph.
//! - **Invisible break hints** (soft hyphen, zero-width space, word joiner,
//!   BOM) are ignored on both sides: `hyphenation` finds `hyph\u{AD}enation`.
//! - **Canonical equivalence**: text is compared in its canonical
//!   decomposition (NFD, marks in canonical order), so precomposed `é` finds
//!   `e\u{301}`, `が` finds `か\u{3099}` and the Kelvin sign finds `K`, both
//!   ways. Hangul is compared as written: a syllable does not find the same
//!   syllable spelt in conjoining jamo.
//! - **Whole graphemes**: a match starts and ends on extended-grapheme
//!   boundaries of the text, so `e` does not match the `e` of `e\u{301}`
//!   or of `é`, and a combining mark is never cut off.
//! - A match lies **within one string** of the article (headline, one
//!   paragraph, one caption…); phrases the page's columns split are one
//!   string already, since `parse::mend` rejoined them.
//! - Text hidden at ingest (TAG characters, bidi controls) is not in the
//!   model, so it can never be matched.
//!
//! Ranges are byte ranges into the string searched (the model's text),
//! never into a folded copy. Cost is linear in the text: one folding pass,
//! then `memchr::memmem`. Patterns are cut at [`Query::MAX_CHARS`]
//! characters, so a huge paste stays cheap.

mod boundary;
mod fold;
#[cfg(test)]
mod tests;
pub mod variants;

use std::ops::Range;

use memchr::memmem;

use crate::layout::TextRef;
use crate::model::{Article, BlockKind};
use boundary::Boundaries;
use fold::Folded;

/// A compiled search pattern.
#[derive(Debug, Clone)]
pub struct Query {
    pattern: String,
    insensitive: bool,
    finder: memmem::Finder<'static>,
    /// See [`Query::with_early_reject`]: for each needed character, the
    /// characters one of which a string must hold to match, as byte
    /// finders.
    reject: Option<std::sync::Arc<[Vec<memmem::Finder<'static>>]>>,
}

/// Most sources the character an early reject looks for may have: a Han
/// character has one or two, a Latin letter dozens (not worth it).
const MAX_REJECT_SOURCES: usize = 8;

/// Why a pattern cannot be searched for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("{}", crate::i18n::t!("notice.pattern_empty"))]
    Empty,
    #[error("{}", crate::i18n::t!("notice.pattern_invisible"))]
    Invisible,
}

impl Query {
    /// Longer patterns are cut here (on a grapheme boundary when there is one).
    pub const MAX_CHARS: usize = 256;

    pub fn new(pattern: &str) -> Result<Query, QueryError> {
        let pattern = cut(pattern);
        if pattern.is_empty() {
            return Err(QueryError::Empty);
        }
        let insensitive = !pattern.chars().any(char::is_uppercase);
        let folded = Folded::new(pattern, insensitive).text;
        if folded.is_empty() {
            return Err(QueryError::Invisible);
        }
        Ok(Query {
            pattern: pattern.to_owned(),
            insensitive,
            finder: memmem::Finder::new(folded.as_bytes()).into_owned(),
            reject: None,
        })
    }

    /// The same query, which turns a string down before folding it when,
    /// for some needed character ([`Query::required_chars`]), none of the
    /// characters that fold to hold it is in its bytes: a match folds to
    /// hold every needed character, so it is never lost. For searching
    /// many strings (a library), where most hold no match: building the
    /// tables behind `required_chars` costs tens of milliseconds, once.
    pub fn with_early_reject(mut self) -> Query {
        let needed: Vec<Vec<memmem::Finder<'static>>> = self
            .required_chars()
            .into_iter()
            .map(|(_, sources)| sources)
            .filter(|sources| !sources.is_empty() && sources.len() <= MAX_REJECT_SOURCES)
            .map(|sources| {
                sources
                    .iter()
                    .map(|c| memmem::Finder::new(c.to_string().as_bytes()).into_owned())
                    .collect()
            })
            .collect();
        self.reject = (!needed.is_empty()).then(|| needed.into());
        self
    }

    /// The pattern as typed (after the cut), for the status bar.
    pub fn pattern(&self) -> &str {
        &self.pattern
    }

    /// Whether case matters (the pattern has an uppercase letter).
    pub fn is_case_sensitive(&self) -> bool {
        !self.insensitive
    }

    /// What a string must hold for this pattern to match in it: for each
    /// distinct character of the folded pattern but the space, the
    /// characters of a text that fold to hold it (one of them at least must
    /// be there). A prefilter over raw text builds on this.
    pub fn required_chars(&self) -> Vec<(char, Vec<char>)> {
        let folded = String::from_utf8_lossy(self.finder.needle());
        let mut seen = Vec::new();
        for c in folded.chars().filter(|&c| c != ' ') {
            if !seen.contains(&c) {
                seen.push(c);
            }
        }
        seen.into_iter()
            .map(|c| (c, variants::sources_of(c, self.insensitive)))
            .collect()
    }

    /// Every match in `text`: non-overlapping byte ranges, in order, each on
    /// grapheme boundaries.
    pub fn find(&self, text: &str) -> Vec<Range<usize>> {
        if let Some(reject) = &self.reject
            && !reject
                .iter()
                .all(|sources| sources.iter().any(|f| f.find(text.as_bytes()).is_some()))
        {
            return Vec::new();
        }
        let folded = Folded::new(text, self.insensitive);
        let haystack = folded.text.as_bytes();
        let needle_len = self.finder.needle().len();
        let mut boundaries = Boundaries::new(text);
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(offset) = self.finder.find(&haystack[from..]) {
            let start = from + offset;
            let end = start + needle_len;
            match folded.source_range(start..end) {
                Some(range)
                    if boundaries.is_boundary(range.start) && boundaries.is_boundary(range.end) =>
                {
                    found.push(range);
                    from = end;
                }
                // Not on whole characters or graphemes: an overlapping
                // match one character on may still be.
                _ => from = start + utf8_len(haystack[start]),
            }
        }
        found
    }
}

/// The pattern's first `MAX_CHARS` characters, backed off to the last
/// grapheme boundary so a combining mark is not cut from its base.
fn cut(pattern: &str) -> &str {
    let Some((end, _)) = pattern.char_indices().nth(Query::MAX_CHARS) else {
        return pattern;
    };
    let head = &pattern[..end];
    let mut cursor = unicode_segmentation::GraphemeCursor::new(end, pattern.len(), true);
    match cursor.is_boundary(pattern, 0) {
        Ok(true) => head,
        _ => match cursor.prev_boundary(pattern, 0) {
            Ok(Some(at)) if at > 0 => &pattern[..at],
            _ => head,
        },
    }
}

/// The length of the UTF-8 sequence a lead byte starts.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0..0xC0 => 1,
        0xC0..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

/// One match in an article: which string (the layout's TextRef) and where in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub text: TextRef,
    pub range: Range<usize>,
}

/// The article's strings in reading order: kicker, headline, deck, byline,
/// then each block (a sub-head's deck and a caption's credit right after
/// its block). Only strings the article has.
pub fn text_refs(article: &Article) -> Vec<TextRef> {
    let heading = [
        (TextRef::Kicker, article.kicker.is_some()),
        (TextRef::Headline, true),
        (TextRef::Deck, article.deck.is_some()),
        (TextRef::Byline, article.byline.is_some()),
    ];
    let mut refs: Vec<TextRef> = heading
        .into_iter()
        .filter_map(|(text, present)| present.then_some(text))
        .collect();
    for (index, block) in article.blocks.iter().enumerate() {
        refs.push(TextRef::Block(index));
        match &block.kind {
            BlockKind::Subhead { deck: Some(_) } => refs.push(TextRef::SubheadDeck(index)),
            BlockKind::Caption { credit: Some(_) } => refs.push(TextRef::Credit(index)),
            _ => {}
        }
    }
    refs
}

/// Every hit in reading order: kicker, headline, deck, byline, then blocks in order
/// (a sub-head's text then its deck = TextRef::SubheadDeck(i); a caption's text then its credit = TextRef::Credit(i)).
pub fn find_in_article(query: &Query, article: &Article) -> Vec<Hit> {
    text_refs(article)
        .into_iter()
        .flat_map(|text| {
            query
                .find(text.resolve(article))
                .into_iter()
                .map(move |range| Hit { text, range })
        })
        .collect()
}
