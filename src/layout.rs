//! An article laid out as lines at one width: kicker, headline, deck, byline,
//! then the body blocks, each typeset by `typeset`. Shared by the screen and
//! `broadsheet dump`, so both set text identically. Knows the model and the
//! typesetter, not ratatui.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use crate::model::{Article, BlockKind, HeadField};
use crate::typeset::{self, Options};

/// What a line is, so the screen and the dump can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Kicker,
    Headline,
    Deck,
    Byline,
    Body,
    Subhead,
    SubheadDeck,
    Caption,
    Credit,
    Jump,
    Blank,
}

/// Which string of the article a line is cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextRef {
    None,
    Kicker,
    Headline,
    Deck,
    Byline,
    Block(usize),
    SubheadDeck(usize),
    Credit(usize),
}

/// One laid-out line: a byte range of one of the article's strings, drawn
/// after `indent` cells of paragraph indent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub role: Role,
    pub text: TextRef,
    pub range: Range<usize>,
    pub indent: usize,
}

/// The paragraph indent of `cells` cells as text: ideographic spaces when it
/// is a whole number of them (so a copied paragraph keeps its indent),
/// spaces otherwise (an indent cut down to fit a very narrow pane). The
/// screen and `dump` both draw it from here.
pub fn indent_text(cells: usize) -> String {
    if cells > 0 && cells.is_multiple_of(2) {
        "\u{3000}".repeat(cells / 2)
    } else {
        " ".repeat(cells)
    }
}

/// An article set at one width with one set of options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleLayout {
    pub width: usize,
    pub options: Options,
    pub lines: Vec<Line>,
    /// Whether headings were broken between words (the segmenter was
    /// loaded, `typeset::words::ready`): a layout made before is set again.
    pub words: bool,
    /// The source offset heading and blank lines stand at (see
    /// `source_offset`), found once: it takes a pass over every block, and
    /// `source_offset` runs per key and, from `line_at_offset`, per line.
    heading_offset: usize,
    /// The strings the script option changed, as shown (`typeset::shown`:
    /// each character at its source offset, so a line's range is a range
    /// of both); the lines were broken, and are drawn and lit, from these.
    shown: HashMap<TextRef, String>,
}

impl ArticleLayout {
    /// Lay `article` out at `width` cells.
    pub fn new(article: &Article, width: usize, options: &Options) -> ArticleLayout {
        ArticleLayout::of_strings(article, width, options, |_| true)
    }

    /// The lines of only the strings `wanted` accepts (and the blank lines
    /// between blocks), each set exactly as `new` sets it: a string's lines
    /// depend on that string alone. `broadsheet search` sets only the
    /// strings a match is in.
    pub fn of_strings(
        article: &Article,
        width: usize,
        options: &Options,
        wanted: impl Fn(TextRef) -> bool,
    ) -> ArticleLayout {
        let words = typeset::words::ready();
        let mut builder = Builder {
            width,
            options: *options,
            lines: Vec::new(),
            shown: HashMap::new(),
        };
        let heading = [
            (Role::Kicker, TextRef::Kicker, article.kicker.as_deref()),
            (
                Role::Headline,
                TextRef::Headline,
                Some(article.headline.as_str()),
            ),
            (Role::Deck, TextRef::Deck, article.deck.as_deref()),
            (Role::Byline, TextRef::Byline, article.byline.as_deref()),
        ];
        for (role, text_ref, text) in heading {
            if let Some(text) = text.filter(|t| !t.is_empty() && wanted(text_ref)) {
                builder.push(role, text_ref, text, false);
            }
        }
        // A list item's kind: numbered or bulleted (any depth).
        let item_kind = |block: &crate::model::Block| {
            (block.kind == BlockKind::Paragraph && typeset::is_list_item(&block.text))
                .then(|| block.text.starts_with(|c: char| c.is_ascii_digit()))
        };
        let mut previous_kind = None;
        for (index, block) in article.blocks.iter().enumerate() {
            // The items of one list are set close, as printed lists are; a
            // numbered list next to a bulleted one is another list.
            let kind = item_kind(block);
            if kind.is_none() || kind != previous_kind {
                builder.blank();
            }
            previous_kind = kind;
            let text = TextRef::Block(index);
            let mut push = |role, text_ref, string: &str, paragraph| {
                if wanted(text_ref) {
                    builder.push(role, text_ref, string, paragraph);
                }
            };
            match &block.kind {
                BlockKind::Paragraph => push(Role::Body, text, &block.text, true),
                BlockKind::Subhead { deck } => {
                    push(Role::Subhead, text, &block.text, false);
                    if let Some(deck) = deck {
                        push(Role::SubheadDeck, TextRef::SubheadDeck(index), deck, false);
                    }
                }
                BlockKind::Caption { credit } => {
                    push(Role::Caption, text, &block.text, false);
                    if let Some(credit) = credit {
                        push(Role::Credit, TextRef::Credit(index), credit, false);
                    }
                }
                BlockKind::Jump { .. } => push(Role::Jump, text, &block.text, false),
            }
        }
        ArticleLayout {
            width,
            options: *options,
            lines: builder.lines,
            words,
            heading_offset: article_start(article).saturating_sub(1),
            shown: builder.shown,
        }
    }

    /// Whether this layout is the one to show at `width` with `options`
    /// now (the segmenter may have been loaded since it was made).
    pub fn is_current(&self, width: usize, options: &Options) -> bool {
        self.width == width && self.options == *options && self.words == typeset::words::ready()
    }

    /// The text to draw for line `index` (indent not included; see `Line::indent`).
    pub fn display<'a>(&'a self, article: &'a Article, index: usize) -> Cow<'a, str> {
        let Some(line) = self.lines.get(index) else {
            return Cow::Borrowed("");
        };
        let text = self.text(article, line.text);
        let room = self.width.saturating_sub(line.indent);
        typeset::display_line(text, line.range.clone(), room, &self.options)
    }

    /// The string `text` refers to as this layout shows it: the article's
    /// own, or its conversion to the script asked for. Lines' ranges, and
    /// search hits, are byte ranges of either.
    pub fn text<'a>(&'a self, article: &'a Article, text: TextRef) -> &'a str {
        self.shown
            .get(&text)
            .map_or_else(|| text.resolve(article), String::as_str)
    }

    /// The source byte offset a line starts at: the reading position when
    /// that line is the first one on screen. Heading and blank lines sit just
    /// before the article's first block (where the headline is in the
    /// source), so the top of the article and its first paragraph are two
    /// different places.
    pub fn source_offset(&self, article: &Article, index: usize) -> usize {
        let line = self.lines.get(index).map(|l| (l.text, l.range.start));
        let block = |b: usize| article.blocks.get(b).map(|block| &block.source);
        match line {
            Some((TextRef::Block(b), within)) => block(b).map_or(self.heading_offset, |source| {
                (source.start + within).min(source.end.max(source.start))
            }),
            Some((TextRef::SubheadDeck(b) | TextRef::Credit(b), _)) => {
                block(b).map_or(self.heading_offset, |source| source.start)
            }
            _ => self.heading_offset,
        }
    }

    /// The line to show first for a saved reading position: the first line of
    /// the last group of lines that start at or before `offset`.
    pub fn line_at_offset(&self, article: &Article, offset: usize) -> usize {
        let mut best: Option<(usize, usize)> = None;
        for index in 0..self.lines.len() {
            let at = self.source_offset(article, index);
            if at <= offset && best.is_none_or(|(_, b)| at > b) {
                best = Some((index, at));
            }
        }
        best.map_or(0, |(index, _)| index)
    }
}

/// The source offset of an article's first block.
fn article_start(article: &Article) -> usize {
    article
        .blocks
        .iter()
        .map(|b| b.source.start)
        .min()
        .unwrap_or(0)
}

/// Where a string of an article comes in reading order, the order
/// `ArticleLayout` sets them in: kicker, headline, deck, byline, then each
/// block followed by its sub-head deck or its credit.
pub fn reading_rank(text: TextRef) -> (usize, usize) {
    match text {
        TextRef::Kicker => (0, 0),
        TextRef::Headline => (1, 0),
        TextRef::Deck => (2, 0),
        TextRef::Byline => (3, 0),
        TextRef::Block(i) => (4, i.saturating_mul(2)),
        TextRef::SubheadDeck(i) | TextRef::Credit(i) => (4, i.saturating_mul(2) | 1),
        TextRef::None => (usize::MAX, 0),
    }
}

impl TextRef {
    /// The byte ranges of the links in the string this refers to (in no
    /// particular order); none for strings that keep no links.
    pub fn link_ranges(self, article: &Article) -> impl Iterator<Item = &Range<usize>> {
        let field = match self {
            TextRef::Kicker => Some(HeadField::Kicker),
            TextRef::Headline => Some(HeadField::Headline),
            TextRef::Deck => Some(HeadField::Deck),
            TextRef::Byline => Some(HeadField::Byline),
            _ => None,
        };
        let head = article
            .head_links
            .iter()
            .filter(move |l| Some(l.field) == field);
        let block = match self {
            TextRef::Block(i) => article.blocks.get(i).map_or(&[][..], |b| &b.links[..]),
            _ => &[],
        };
        head.map(|l| &l.range).chain(block.iter().map(|l| &l.range))
    }

    /// The article string this refers to.
    pub fn resolve(self, article: &Article) -> &str {
        let block = |i: usize| article.blocks.get(i);
        match self {
            TextRef::None => "",
            TextRef::Kicker => article.kicker.as_deref().unwrap_or(""),
            TextRef::Headline => &article.headline,
            TextRef::Deck => article.deck.as_deref().unwrap_or(""),
            TextRef::Byline => article.byline.as_deref().unwrap_or(""),
            TextRef::Block(i) => block(i).map_or("", |b| b.text.as_str()),
            TextRef::SubheadDeck(i) => match block(i).map(|b| &b.kind) {
                Some(BlockKind::Subhead { deck: Some(deck) }) => deck,
                _ => "",
            },
            TextRef::Credit(i) => match block(i).map(|b| &b.kind) {
                Some(BlockKind::Caption {
                    credit: Some(credit),
                }) => credit,
                _ => "",
            },
        }
    }
}

struct Builder {
    width: usize,
    options: Options,
    lines: Vec<Line>,
    shown: HashMap<TextRef, String>,
}

impl Builder {
    /// Set `source` (as the script option shows it) as lines of `role`.
    fn push(&mut self, role: Role, text_ref: TextRef, source: &str, paragraph: bool) {
        match typeset::shown(source, &self.options) {
            Cow::Borrowed(text) => self.set(role, text_ref, text, paragraph),
            Cow::Owned(text) => {
                self.set(role, text_ref, &text, paragraph);
                self.shown.insert(text_ref, text);
            }
        }
    }

    fn set(&mut self, role: Role, text_ref: TextRef, text: &str, paragraph: bool) {
        // In a very narrow column the indent gives way until the first line
        // holds an opening quote with the character it opens (4 cells):
        // `　　“` alone would end a line with the quote.
        let indent = if paragraph {
            typeset::first_line_indent(text, &self.options).min(self.width.saturating_sub(4))
        } else {
            0
        };
        let ranges = match role {
            Role::Body | Role::Caption | Role::Credit | Role::Jump | Role::Blank => {
                typeset::wrap(text, self.width, indent, &self.options)
            }
            Role::Kicker
            | Role::Headline
            | Role::Deck
            | Role::Byline
            | Role::Subhead
            | Role::SubheadDeck => typeset::wrap_heading(text, self.width, &self.options),
        };
        for (n, range) in ranges.into_iter().enumerate() {
            self.lines.push(Line {
                role,
                text: text_ref,
                range,
                indent: if n == 0 { indent } else { 0 },
            });
        }
    }

    fn blank(&mut self) {
        self.lines.push(Line {
            role: Role::Blank,
            text: TextRef::None,
            range: 0..0,
            indent: 0,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Block;

    #[test]
    fn an_indent_is_ideographic_spaces_when_it_can_be() {
        assert_eq!(indent_text(0), "");
        assert_eq!(indent_text(4), "\u{3000}\u{3000}");
        // Cut down to an odd width, it can only be spaces.
        assert_eq!(indent_text(3), "   ");
        assert_eq!(indent_text(1), " ");
    }

    fn article() -> Article {
        let paragraph = |text: &str, source: Range<usize>| Block {
            kind: BlockKind::Paragraph,
            text: text.to_owned(),
            source,
            links: Vec::new(),
        };
        Article {
            id: "a".into(),
            kicker: Some("引题".into()),
            headline: "标题".into(),
            deck: None,
            byline: Some("本报记者 李华".into()),
            page: None,
            blocks: vec![
                paragraph("第一段文字比较长，要折成好几行才能放下。", 100..160),
                Block {
                    kind: BlockKind::Caption {
                        credit: Some("记者 王明/摄".into()),
                    },
                    text: "图为新设备。".into(),
                    source: 170..188,
                    links: Vec::new(),
                },
                paragraph("第二段。", 200..212),
            ],
            head_links: Vec::new(),
        }
    }

    #[test]
    fn lines_come_in_reading_order_with_roles() {
        let layout = ArticleLayout::new(&article(), 16, &Options::default());
        let roles: Vec<Role> = layout.lines.iter().map(|l| l.role).collect();
        assert_eq!(
            &roles[..4],
            &[Role::Kicker, Role::Headline, Role::Byline, Role::Blank]
        );
        assert!(roles.contains(&Role::Caption) && roles.contains(&Role::Credit));
        assert_eq!(
            roles.iter().filter(|&&r| r == Role::Blank).count(),
            3,
            "a blank before each block"
        );
        let first_body = layout.lines.iter().find(|l| l.role == Role::Body).unwrap();
        assert_eq!(
            first_body.indent, 4,
            "CJK paragraph indent on its first line"
        );
    }

    #[test]
    fn the_items_of_a_list_are_set_close_and_without_indent() {
        let mut article = article();
        let item = |text: &str| Block {
            kind: BlockKind::Paragraph,
            text: text.to_owned(),
            source: 190..195,
            links: Vec::new(),
        };
        article.blocks.insert(2, item("• 新公交车"));
        article.blocks.insert(3, item("• 两座桥"));
        let layout = ArticleLayout::new(&article, 40, &Options::default());
        let roles: Vec<Role> = layout.lines.iter().map(|l| l.role).collect();
        let blanks = roles.iter().filter(|&&r| r == Role::Blank).count();
        assert_eq!(
            blanks, 4,
            "one blank before the list, none inside it: {roles:?}"
        );
        let items: Vec<&Line> = layout
            .lines
            .iter()
            .filter(|l| matches!(l.text, TextRef::Block(2 | 3)))
            .collect();
        assert_eq!(items.len(), 2);
        assert!(items.iter().all(|l| l.indent == 0));
        assert_eq!(
            layout.lines[layout.lines.iter().position(|l| l == items[0]).unwrap() + 1],
            *items[1]
        );
    }

    #[test]
    fn positions_round_trip_through_source_offsets() {
        let article = article();
        let layout = ArticleLayout::new(&article, 12, &Options::default());
        for index in 0..layout.lines.len() {
            let offset = layout.source_offset(&article, index);
            let back = layout.line_at_offset(&article, offset);
            assert_eq!(layout.source_offset(&article, back), offset, "line {index}");
            assert!(back <= index, "restoring never moves past the saved line");
        }
        assert_eq!(
            layout.line_at_offset(&article, 0),
            0,
            "the top of the article is its first line"
        );
        let first_body = layout
            .lines
            .iter()
            .position(|l| l.role == Role::Body)
            .unwrap();
        assert_eq!(layout.line_at_offset(&article, 100), first_body);
    }

    #[test]
    fn a_position_survives_a_width_change() {
        let article = article();
        let narrow = ArticleLayout::new(&article, 10, &Options::default());
        let wide = ArticleLayout::new(&article, 40, &Options::default());
        let second = narrow
            .lines
            .iter()
            .rposition(|l| l.role == Role::Body)
            .unwrap();
        let offset = narrow.source_offset(&article, second);
        let there = wide.line_at_offset(&article, offset);
        assert_eq!(wide.lines[there].text, TextRef::Block(2));
    }
}
