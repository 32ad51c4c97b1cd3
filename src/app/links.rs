//! The links overlay (`L`): the current article's links, numbered as
//! `broadsheet dump` numbers its notes, each `[n] link text — URL` wrapped to the overlay's width.
//! Nothing here opens a URL: the list is for reading and copying.

use std::collections::HashSet;

use super::{App, Overlay};
use crate::model::{Article, HeadField};
use crate::typeset::{self, Options};

/// One numbered URL (its number is its index + 1) and the text of the
/// first link to it, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkNote {
    pub text: String,
    pub url: String,
}

/// The article's notes in `dump`'s number order (the order
/// `cli::dump::links::mark` numbers them in: the head fields' links, kicker
/// to byline, then the blocks'); a URL linked twice is listed once, under
/// its first number and its first link's text. Walked here rather than
/// through `mark`, which copies the article to insert its marks.
pub fn link_notes(article: &Article) -> Vec<LinkNote> {
    let fields = [
        HeadField::Kicker,
        HeadField::Headline,
        HeadField::Deck,
        HeadField::Byline,
    ];
    // Like `mark`, only the links of a field that is there are numbered.
    let head = fields.into_iter().flat_map(|field| {
        let text = article.head_field(field);
        let links = article.head_links.iter().filter(move |l| l.field == field);
        text.into_iter()
            .flat_map(move |t| links.clone().map(move |l| (t.get(l.range.clone()), &l.url)))
    });
    let body = article.blocks.iter().flat_map(|b| {
        let links = b.links.iter();
        links.map(|l| (b.text.get(l.range.clone()), &l.url))
    });
    let mut seen = HashSet::new();
    let mut notes = Vec::new();
    for (text, url) in head.chain(body) {
        if seen.insert(url) {
            notes.push(LinkNote {
                text: text.unwrap_or_default().to_owned(),
                url: url.clone(),
            });
        }
    }
    notes
}

/// The overlay's rows, one per note: its number and `URL — link text`,
/// the URL first and on one line (the overlay cuts the row with `…` where
/// it is too wide; `y` or Enter copies the URL whole). Shown through the
/// typesetter's display rules, so no control character in a URL reaches
/// the terminal.
pub fn link_lines(notes: &[LinkNote], options: &Options) -> Vec<(String, String)> {
    notes
        .iter()
        .enumerate()
        .map(|(index, note)| {
            // An autolink's text is its URL (an address's, less `mailto:`):
            // said once.
            let bare = note.url.strip_prefix("mailto:").unwrap_or(&note.url);
            let text = if note.text.is_empty() || note.text == note.url || note.text == bare {
                note.url.clone()
            } else {
                format!("{} — {}", note.url, typeset::shown(&note.text, options))
            };
            let width = typeset::str_width(&text, options.ambiguous).max(1);
            let shown = typeset::display_line(&text, 0..text.len(), width, options).into_owned();
            (format!("[{}]", index + 1), shown)
        })
        .collect()
}

impl App {
    /// Open the links overlay on the current article (an empty list when
    /// there is none). The notes are found once here, not per frame.
    pub(super) fn open_links(&mut self) {
        self.overlay.link_notes = self.current_article().map(link_notes).unwrap_or_default();
        self.overlay.open = Some(Overlay::Links);
        self.overlay.line = 0;
    }

    /// Rows of the links overlay: one per link (1 for the note that there
    /// are none).
    pub fn link_rows(&self) -> usize {
        self.overlay.link_notes.len().max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_issue;

    fn notes(source: &str) -> Vec<LinkNote> {
        link_notes(&parse_issue(source, None).articles[0])
    }

    #[test]
    fn numbers_follow_dump_and_a_repeated_url_keeps_its_first_text() {
        let notes = notes(
            "## [Title](https://t.example/)\n\nSee [the report](https://r.example/a), \
             [it again](https://r.example/a) and [the map](https://m.example/).\n",
        );
        let pairs: Vec<_> = notes.iter().map(|n| (&n.text[..], &n.url[..])).collect();
        assert_eq!(
            pairs,
            [
                ("Title", "https://t.example/"),
                ("the report", "https://r.example/a"),
                ("the map", "https://m.example/"),
            ]
        );
    }

    #[test]
    fn the_urls_are_those_dump_numbers_in_its_order() {
        let article = &parse_issue(
            "## [Title](https://t.example/)\n\n[b](https://b.example/) then \
             [a](https://a.example/), [t](https://t.example/) and [b](https://b.example/).\n\n\
             More: [c](https://c.example/).\n",
            None,
        )
        .articles[0];
        let (_, dumped) = crate::cli::dump::links::mark(article);
        let urls: Vec<String> = link_notes(article).into_iter().map(|n| n.url).collect();
        assert_eq!(urls, dumped);
    }

    #[test]
    fn a_long_url_is_one_row_whole() {
        let url = format!("https://x.example/{}", "abcdefghi/".repeat(30));
        let notes = [LinkNote {
            text: "long".into(),
            url: url.clone(),
        }];
        let rows = link_lines(&notes, &Options::default());
        assert_eq!(rows, [("[1]".to_owned(), format!("{url} — long"))]);
    }

    #[test]
    fn control_characters_in_a_url_are_shown_not_sent() {
        let notes = [LinkNote {
            text: "x".into(),
            url: "https://e.example/\u{1b}[2J".into(),
        }];
        let lines = link_lines(&notes, &Options::default());
        assert!(
            lines.iter().all(|(_, l)| !l.contains('\u{1b}')),
            "{lines:?}"
        );
    }
}
