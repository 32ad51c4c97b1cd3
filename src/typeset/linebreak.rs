//! First-fit line breaking over grapheme clusters.
//!
//! One pass over the text: each cluster is measured as `display_line` will
//! draw it, and the wrapper remembers the last break opportunity (UAX #14
//! tailored by `breaks`). When a cluster would overflow, the line ends at
//! that opportunity (the clreq push-out: a prohibited character moves down
//! with its neighbour); with no opportunity on the line it ends at the last
//! grapheme boundary that keeps the line-start/line-end rules, else at the
//! last boundary that fits (an emergency break). Spaces at a break are
//! dropped; mandatory breaks (`\n`, U+2028…) end a line and are dropped.

use std::iter::Peekable;
use std::ops::Range;

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::breaks::{Boundary, tailor};
use super::classes::{ends_prohibited, is_han, is_initial_quote, starts_prohibited};
use super::clusters::{Cluster, Clusters};
use super::display::{cluster_cells, line_width};
use super::terms::quoted_term_end;
use super::{Kinsoku, Options};

/// Break `text` into lines at most `width` cells wide; the first line has
/// `first_indent` cells fewer (room for a paragraph indent drawn before it).
/// Returns byte ranges into `text`; spaces dropped at a break are in no range.
/// A width of 0 is set as 1 (one grapheme per line) so that positions stay
/// valid; `display_line` draws nothing at width 0.
pub fn wrap(text: &str, width: usize, first_indent: usize, options: &Options) -> Vec<Range<usize>> {
    let mut filler = filler(text, width.max(1), first_indent, options);
    for cluster in Clusters::new(text, 0) {
        filler.push(&cluster);
    }
    let mut lines = filler.finish();
    super::widow::pull_down(text, &mut lines, width.max(1), options);
    lines
}

/// Characters that end a line by themselves (UAX #14 BK, CR, LF, NL).
#[inline]
fn is_newline(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{B}' | '\u{C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Whitespace dropped at a break (and at the start of a paragraph).
#[inline]
fn is_collapsible(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// Letters and digits of the scripts that write words with spaces (Latin,
/// Greek, Cyrillic…): an emergency cut between two of them splits a word or
/// a number. CJK characters (from U+1100 on) may be cut between.
#[inline]
fn in_word(c: char) -> bool {
    c.is_alphanumeric() && u32::from(c) < 0x1100
}

/// A remembered break opportunity on the current line.
#[derive(Debug, Clone, Copy)]
struct Opportunity {
    /// Where the next line would start.
    at: usize,
    /// Where the current line's content would end (trailing spaces dropped).
    content_end: usize,
    /// The line's width (spaces included) up to `at`.
    width: usize,
}

struct Filler<'a, I: Iterator<Item = (usize, BreakOpportunity)>> {
    text: &'a str,
    options: &'a Options,
    width: usize,
    /// Room on the current line (less than `width` on the first line).
    room: usize,
    lines: Vec<Range<usize>>,
    line_start: usize,
    /// End of the last cluster on the line that is not dropped at a break.
    content_end: usize,
    /// Cells from `line_start` to the current position, spaces included.
    line_width: usize,
    last_opportunity: Option<Opportunity>,
    base: Peekable<I>,
    /// Where the closing quote of the short quoted term being set starts
    /// (see `terms`): no break before it.
    term_end: Option<usize>,
    /// The previous cluster's first and last characters.
    prev_first: char,
    prev_last: char,
}

fn filler<'a>(
    text: &'a str,
    width: usize,
    first_indent: usize,
    options: &'a Options,
) -> Filler<'a, impl Iterator<Item = (usize, BreakOpportunity)> + 'a> {
    Filler {
        text,
        options,
        width,
        room: width.saturating_sub(first_indent),
        lines: Vec::with_capacity(text.len() / width.saturating_mul(2) + 1),
        line_start: 0,
        content_end: 0,
        line_width: 0,
        last_opportunity: None,
        base: linebreaks(text).peekable(),
        term_end: None,
        prev_first: '\n',
        prev_last: '\n',
    }
}

impl<I: Iterator<Item = (usize, BreakOpportunity)>> Filler<'_, I> {
    fn push(&mut self, cluster: &Cluster) {
        let start = cluster.start;
        while self.base.next_if(|&(i, _)| i < start).is_some() {}
        let base = self
            .base
            .peek()
            .filter(|&&(i, _)| i == start)
            .map(|&(_, o)| o);
        let in_term = self.in_term(cluster);
        if base == Some(BreakOpportunity::Mandatory) && start > 0 {
            self.end_line(self.content_end, start);
            self.line_width = 0;
            self.room = self.width;
        } else if start > self.line_start && !in_term && self.allows_break(cluster, base.is_some())
        {
            self.last_opportunity = Some(Opportunity {
                at: start,
                content_end: self.content_end,
                width: self.line_width,
            });
        }
        self.place(cluster);
        self.prev_first = cluster.first;
        self.prev_last = cluster.last(self.text);
    }

    /// Whether `cluster` is inside a short quoted term (or opens one, which
    /// is then remembered).
    #[inline]
    fn in_term(&mut self, cluster: &Cluster) -> bool {
        if self.options.kinsoku == Kinsoku::None {
            return false;
        }
        if let Some(end) = self.term_end {
            if cluster.start <= end {
                return true;
            }
            self.term_end = None;
        }
        if is_initial_quote(cluster.first) || matches!(cluster.first, '「' | '『') {
            self.term_end = quoted_term_end(self.text, cluster.start);
        }
        false
    }

    #[inline]
    fn allows_break(&self, cluster: &Cluster, base: bool) -> bool {
        // Between two Han characters or inside a Latin word or number no
        // tailoring applies: it is about punctuation and quotes.
        let (before, next) = (self.prev_last, cluster.first);
        if (is_han(before) && is_han(next))
            || (before.is_ascii_alphanumeric() && next.is_ascii_alphanumeric())
        {
            return base;
        }
        let boundary = Boundary {
            text: self.text,
            at: cluster.start,
            before: self.prev_last,
            before_base: self.prev_first,
            next: cluster.first,
            after_next: cluster.second,
        };
        tailor(base, &boundary, self.options.kinsoku)
    }

    /// Put `cluster` on the current line, ending lines before it as needed.
    fn place(&mut self, cluster: &Cluster) {
        let c = cluster.first;
        if is_newline(c) {
            return;
        }
        let cells = cluster_cells(self.text, cluster, self.prev_last, self.width, self.options).0;
        if is_collapsible(c) && cluster.is_single() {
            if cluster.start == self.line_start {
                // Leading whitespace of a paragraph or after a newline.
                self.line_start = cluster.end;
                self.content_end = cluster.end;
            } else {
                self.line_width += cells;
            }
            return;
        }
        if self.line_width + cells > self.room {
            self.make_room(cluster.start, cells);
        }
        self.line_width += cells;
        self.content_end = cluster.end;
    }

    /// End lines until `cells` more fit after the content up to `at`.
    fn make_room(&mut self, at: usize, cells: usize) {
        while self.line_width + cells > self.room {
            if let Some(op) = self.last_opportunity.take() {
                self.end_line(op.content_end, op.at);
                self.line_width -= op.width;
            } else if self.content_end <= self.line_start || at == self.line_start {
                // Nothing on the line: only an indent too wide for the
                // cluster is in the way; start a full-width line.
                if self.room >= self.width {
                    return;
                }
                self.end_line(self.line_start, self.line_start);
            } else {
                let cut = self.emergency_cut(at);
                let content_end = self.text[..cut].trim_end_matches(is_collapsible).len();
                let kept = self.measure(self.line_start, cut);
                self.end_line(content_end, cut);
                self.line_width -= kept;
            }
            self.skip_leading_blanks(at);
            self.room = self.width;
        }
    }

    /// Spaces and tabs at the start of a new line (before `at`, already
    /// measured) are dropped, as at any break.
    fn skip_leading_blanks(&mut self, at: usize) {
        let next = Clusters::new(self.text, self.line_start)
            .find(|c| c.start >= at || !(c.is_single() && is_collapsible(c.first)))
            .map_or(at, |c| c.start.min(at));
        if next > self.line_start {
            self.line_width -= self.measure(self.line_start, next);
            self.line_start = next;
            self.content_end = self.content_end.max(next);
        }
    }

    /// The boundary to end an over-full line at when it holds no break
    /// opportunity: the last one in `(line_start, at]` that keeps the
    /// line-start and line-end rules and does not cut a run of letters and
    /// digits (a URL is cut after its `/` or `.`, not inside `2024`), else
    /// the last that keeps the rules, else `at`.
    #[cold]
    fn emergency_cut(&self, at: usize) -> usize {
        let level = self.options.kinsoku;
        let (mut kept_rules, mut kept_words) = (None, None);
        let mut prev: Option<char> = None;
        for c in Clusters::new(self.text, self.line_start) {
            if c.start > at {
                break;
            }
            if let Some(p) = prev.filter(|_| c.start > self.line_start)
                && !starts_prohibited(c.first, c.second, level)
                && !ends_prohibited(p, level)
                && !super::url::forbids(self.text, c.start)
            {
                kept_rules = Some(c.start);
                if !(in_word(p) && in_word(c.first)) {
                    kept_words = Some(c.start);
                }
            }
            prev = Some(c.last(self.text));
        }
        kept_words.or(kept_rules).unwrap_or(at)
    }

    /// Cells of `text[from..to]` as the wrapper counts them (and as
    /// `display_line` draws them).
    fn measure(&self, from: usize, to: usize) -> usize {
        line_width(self.text, from..to, self.width, self.options)
    }

    fn end_line(&mut self, content_end: usize, next_start: usize) {
        let end = content_end.max(self.line_start);
        self.lines.push(self.line_start..end);
        self.line_start = next_start;
        self.content_end = self.content_end.max(next_start);
        self.last_opportunity = None;
    }

    fn finish(mut self) -> Vec<Range<usize>> {
        let end = self.content_end.max(self.line_start);
        if end > self.line_start || self.lines.is_empty() {
            self.lines.push(self.line_start..end);
        }
        self.lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width, 0, &Options::default())
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn an_emergency_cut_prefers_the_end_of_a_word_or_number() {
        // No UAX #14 opportunity anywhere in a URL whose path is digits.
        let url = "example.com/2024/0313";
        assert_eq!(lines(url, 14), ["example.com/", "2024/0313"]);
        assert_eq!(lines(url, 18), ["example.com/2024/", "0313"]);
    }

    #[test]
    fn a_url_breaks_after_a_slash_not_after_a_hyphen() {
        let url = "see https://gazette.example/staff/ann-lee-and-tom-hale now";
        let set = lines(url, 40);
        assert_eq!(
            set,
            [
                "see https://gazette.example/staff/",
                "ann-lee-and-tom-hale now"
            ]
        );
        assert_eq!(lines("a well-known fact", 8), ["a well-", "known", "fact"]);
    }

    #[test]
    fn an_emergency_cut_splits_a_run_that_cannot_be_kept() {
        assert_eq!(lines("1234567890", 4), ["1234", "5678", "90"]);
    }
}
