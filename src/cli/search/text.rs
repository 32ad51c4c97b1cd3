//! The grep-like text: a heading per article, then the laid-out line each
//! match is on, the match marked. Every line is at most `width` cells.

use std::io::{self, Write};
use std::ops::Range;

use crate::layout::reading_rank;
use crate::layout::{ArticleLayout, Line, Role, TextRef};
use crate::model::{Article, BlockKind, Issue};
use crate::search::Hit;
use crate::typeset::{self, Options};

/// How a match is marked.
struct Marks {
    open: &'static str,
    close: &'static str,
    heading: (&'static str, &'static str),
    /// Cells the marks take on a line.
    cells: usize,
}

const BRACKETS: Marks = Marks {
    open: "[",
    close: "]",
    heading: ("", ""),
    cells: 2,
};
/// Bold red as grep marks a match, bold for the heading; no cells taken.
const COLOUR: Marks = Marks {
    open: "\x1b[1;31m",
    close: "\x1b[m",
    heading: ("\x1b[1m", "\x1b[m"),
    cells: 0,
};
/// Lines too narrow for two brackets: the line alone.
const NONE: Marks = Marks {
    open: "",
    close: "",
    heading: ("", ""),
    cells: 0,
};

pub(super) struct TextOut<W: Write> {
    out: W,
    width: usize,
    options: Options,
    marks: Marks,
    first: bool,
}

impl<W: Write> TextOut<W> {
    pub fn new(out: W, width: usize, options: Options, color: bool) -> TextOut<W> {
        let marks = match (color, width) {
            (true, _) => COLOUR,
            (false, 0..=2) => NONE,
            (false, _) => BRACKETS,
        };
        TextOut {
            out,
            width,
            options,
            marks,
            first: true,
        }
    }

    /// The writer, with everything written.
    pub fn into_inner(self) -> W {
        self.out
    }

    /// The heading, then each match's line(s); a blank line before every
    /// article but the first.
    pub fn article(&mut self, issue: &Issue, article: &Article, hits: &[Hit]) -> io::Result<()> {
        if !self.first {
            writeln!(self.out)?;
        }
        self.first = false;
        self.heading(issue, article)?;
        // Set narrower by the marks' cells so a marked line still fits.
        let layout_width = self.width.saturating_sub(self.marks.cells).max(1);
        // A heading-set string that fits on a line is one whole line with
        // or without the dictionary; one that does not is balanced between
        // words, which needs it.
        if hits.iter().any(|hit| {
            set_as_heading(article, hit.text)
                && !fits_one_line(hit.text.resolve(article), layout_width, &self.options)
        }) {
            typeset::words::load();
        }
        // Only the strings a match is in are set: a string's lines do not
        // depend on the others, and most of an article has no match.
        let layout = ArticleLayout::of_strings(article, layout_width, &self.options, |text| {
            // Hits come in reading order.
            hits.binary_search_by_key(&reading_rank(text), |hit| reading_rank(hit.text))
                .is_ok()
        });
        let lines = TextLines::new(&layout);
        let mut cursor = 0;
        for hit in hits {
            cursor = lines.seek(cursor, hit);
            let covering = lines.covering(cursor, hit);
            // Lines the match only touches at an edge (a space the break
            // swallowed) are left out, unless nothing else shows it.
            let shown: Vec<&Line> = covering
                .iter()
                .copied()
                .filter(|line| !marked(line, &hit.range).is_empty())
                .collect();
            let shown = if shown.is_empty() { covering } else { shown };
            for line in shown {
                self.context(article, &layout, line, &hit.range)?;
            }
        }
        Ok(())
    }

    /// `DATE PAPER · HEADLINE` on one line when it fits; else the date and
    /// paper on a line of their own and the headline set below them, so
    /// that no line starts or ends with the separator.
    fn heading(&mut self, issue: &Issue, article: &Article) -> io::Result<()> {
        let place = [issue.date.map(|d| d.to_string()), Some(issue.paper.clone())]
            .into_iter()
            .flatten()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let headline = typeset::shown(&article.headline, &self.options);
        let headline = headline.trim();
        let joined = match place.is_empty() {
            true => headline.to_owned(),
            false => format!("{place} · {headline}"),
        };
        let set = |part: &str| heading_lines(part, self.width, &self.options);
        let whole = set(&joined);
        // Each part with its lines; the joined heading is set only once.
        let parts = match whole.len() {
            1 => vec![(joined.as_str(), whole)],
            _ => [place.as_str(), headline]
                .into_iter()
                .filter(|part| !part.is_empty())
                .map(|part| (part, set(part)))
                .collect(),
        };
        let (bold, plain) = self.marks.heading;
        for (part, lines) in parts {
            for range in lines {
                let line = typeset::display_line(part, range, self.width, &self.options);
                writeln!(self.out, "{bold}{line}{plain}")?;
            }
        }
        Ok(())
    }

    /// One laid-out line (without its indent), the part of `hit` on it marked.
    fn context(
        &mut self,
        article: &Article,
        layout: &ArticleLayout,
        line: &Line,
        hit: &Range<usize>,
    ) -> io::Result<()> {
        let text = layout.text(article, line.text);
        let room = layout.width.saturating_sub(line.indent);
        let show = |range: Range<usize>| typeset::display_line(text, range, room, &layout.options);
        let whole = line.range.clone();
        let part = marked(line, hit);
        writeln!(
            self.out,
            "{}{}{}{}{}",
            show(whole.start..part.start),
            self.marks.open,
            show(part.clone()),
            self.marks.close,
            show(part.end..whole.end)
        )
    }
}

/// Whether the layout sets this string as a heading (between words, with
/// the segmenter) rather than as running text.
fn set_as_heading(article: &Article, text: TextRef) -> bool {
    match text {
        TextRef::Block(index) => article
            .blocks
            .get(index)
            .is_none_or(|block| matches!(block.kind, BlockKind::Subhead { .. })),
        TextRef::Credit(_) | TextRef::None => false,
        TextRef::Kicker
        | TextRef::Headline
        | TextRef::Deck
        | TextRef::Byline
        | TextRef::SubheadDeck(_) => true,
    }
}

/// `typeset::wrap_heading`, which gives one whole line for a heading that
/// fits on one (no line break in it): that one is not balanced, and so
/// needs neither the segmenter nor its dictionary. Most results headings
/// fit at a terminal's width.
fn heading_lines(text: &str, width: usize, options: &Options) -> Vec<Range<usize>> {
    if fits_one_line(text, width, options) {
        return std::iter::once(0..text.len()).collect();
    }
    typeset::words::load();
    typeset::wrap_heading(text, width, options)
}

/// Whether `wrap_heading` sets `text` as one whole line at `width`,
/// without the segmenter.
fn fits_one_line(text: &str, width: usize, options: &Options) -> bool {
    !text.is_empty()
        && !text.contains(is_line_end)
        && !text.starts_with(char::is_whitespace)
        && !text.ends_with(char::is_whitespace)
        && typeset::line_width(text, 0..text.len(), width, options) <= width
}

fn is_line_end(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{B}' | '\u{C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// The part of `hit` on `line`, clamped to it.
fn marked(line: &Line, hit: &Range<usize>) -> Range<usize> {
    let start = hit.start.clamp(line.range.start, line.range.end);
    let end = hit.end.clamp(start, line.range.end);
    start..end
}

/// The layout's lines of text, in reading order, walked by a cursor that
/// only moves forward: matches come in reading order too, so finding every
/// match's line costs one pass over the lines, not one per match.
struct TextLines<'a> {
    lines: Vec<&'a Line>,
}

impl<'a> TextLines<'a> {
    fn new(layout: &'a ArticleLayout) -> TextLines<'a> {
        let lines = layout
            .lines
            .iter()
            .filter(|l| l.role != Role::Blank && l.text != TextRef::None)
            .collect();
        TextLines { lines }
    }

    fn key(&self, index: usize) -> ((usize, usize), usize) {
        let line = self.lines[index];
        (reading_rank(line.text), line.range.start)
    }

    /// The last line at or after `from` starting at or before the hit, in
    /// the hit's string when the string has one.
    fn seek(&self, from: usize, hit: &Hit) -> usize {
        let target = (reading_rank(hit.text), hit.range.start);
        let mut at = from;
        while at + 1 < self.lines.len() && self.key(at + 1) <= target {
            at += 1;
        }
        let here = |i: usize| self.lines.get(i).is_some_and(|l| l.text == hit.text);
        if !here(at) && here(at + 1) {
            at += 1;
        }
        at
    }

    /// The lines of the hit's string from `at` that the hit reaches.
    fn covering(&self, at: usize, hit: &Hit) -> Vec<&'a Line> {
        self.lines
            .iter()
            .skip(at)
            .take_while(|l| l.text == hit.text)
            .enumerate()
            .take_while(|(n, l)| *n == 0 || l.range.start < hit.range.end)
            .map(|(_, l)| *l)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_issue;
    use crate::search::{Query, find_in_article};
    use crate::typeset::{AmbiguousWidth, str_width};

    const ISSUE: &str = "# The Paper\n\nMarch 12, 2024\n\n## Tram news\n\n\
        The tram is late and the tram is full, said the tram driver on the tram.\n\n\
        ### Tram stops\n\nNew tram stops open\n\nA tram stop in the rain. (Photo by Tram Lee)\n";

    #[test]
    fn a_heading_that_fits_is_set_as_wrap_heading_sets_it() {
        crate::typeset::words::load();
        let issue = parse_issue(crate::library::SAMPLE_TEXT, None);
        let mut headings: Vec<String> = issue
            .articles
            .iter()
            .flat_map(|a| {
                [
                    a.headline.clone(),
                    format!("2022-02-13 北京城市副中心报 · {}", a.headline.trim()),
                ]
            })
            .collect();
        headings.extend([
            "Tram news".into(),
            "a  b".into(),
            "高亭宇\u{3000}夺冠".into(),
        ]);
        let wide = Options {
            ambiguous: AmbiguousWidth::Wide,
            punctuation: crate::typeset::Punctuation::Fullwidth,
            ..Options::default()
        };
        for options in [Options::default(), wide] {
            for heading in &headings {
                for width in [1, 2, 10, 20, 30, 40, 60, 80, 100, 120, 200] {
                    assert_eq!(
                        heading_lines(heading, width, &options),
                        typeset::wrap_heading(heading, width, &options),
                        "{heading:?} at {width}"
                    );
                }
            }
        }
    }

    fn output(pattern: &str, width: usize) -> String {
        let issue = parse_issue(ISSUE, None);
        let query = Query::new(pattern).unwrap();
        let mut out = TextOut::new(Vec::new(), width, Options::default(), false);
        for article in &issue.articles {
            let hits = find_in_article(&query, article);
            if !hits.is_empty() {
                out.article(&issue, article, &hits).unwrap();
            }
        }
        String::from_utf8(out.out).unwrap()
    }

    #[test]
    fn every_hit_gets_its_line_in_every_string() {
        let text = output("tram", 80);
        let marked: Vec<&str> = text.lines().filter(|l| l.contains('[')).collect();
        let hits = ISSUE.to_lowercase().matches("tram").count();
        assert_eq!(marked.len(), hits, "{text}");
        assert!(
            text.starts_with("2024-03-12 The Paper · Tram news\n"),
            "{text}"
        );
        assert!(
            marked.iter().any(|l| l.contains("(Photo by [Tram] Lee)")),
            "{text}"
        );
    }

    #[test]
    fn a_match_over_several_lines_marks_each_and_fits() {
        for width in 12..30 {
            let text = output("late and the tram is full", width);
            let marked: Vec<&str> = text.lines().filter(|l| l.contains('[')).collect();
            let inner: String = marked
                .iter()
                .map(|l| &l[l.find('[').unwrap() + 1..l.find(']').unwrap()])
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(inner, "late and the tram is full", "at {width}:\n{text}");
            for line in text.lines() {
                assert!(str_width(line, AmbiguousWidth::Narrow) <= width, "{line:?}");
            }
        }
    }

    #[test]
    fn a_match_starting_at_a_swallowed_space_shows_the_next_line() {
        let text = output(" tram", 12);
        for line in text.lines().filter(|l| l.contains('[')) {
            assert!(!line.contains("[]"), "{text}");
        }
    }
}
