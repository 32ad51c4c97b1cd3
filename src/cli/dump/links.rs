//! Links in `broadsheet dump`: a note mark after each link's text and the
//! numbered URLs after the article's body, the way a printed page cites.

use std::collections::HashMap;
use std::io::{self, Write};
use std::ops::Range;

use crate::model::{Article, HeadField};
use crate::typeset::{self, Options};

/// A copy of `article` with `[n]` after every link's text (head fields
/// first, then the blocks, in reading order), and the notes' URLs in number
/// order; `None` when the article has no links (it is then written
/// untouched). One URL linked twice keeps its first number.
pub fn mark(article: &Article) -> (Option<Article>, Vec<String>) {
    if article.head_links.is_empty() && article.blocks.iter().all(|b| b.links.is_empty()) {
        return (None, Vec::new());
    }
    let mut notes = Notes::default();
    let mut marked = article.clone();
    let head = std::mem::take(&mut marked.head_links);
    let fields = [
        (HeadField::Kicker, marked.kicker.as_mut()),
        (HeadField::Headline, Some(&mut marked.headline)),
        (HeadField::Deck, marked.deck.as_mut()),
        (HeadField::Byline, marked.byline.as_mut()),
    ];
    for (field, text) in fields {
        let links = head.iter().filter(|l| l.field == field);
        if let Some(text) = text {
            insert_marks(text, links.map(|l| (l.range.clone(), &l.url)), &mut notes);
        }
    }
    for block in &mut marked.blocks {
        let links = std::mem::take(&mut block.links);
        // The ranges no longer fit the marked text, and nothing below reads them.
        let links = links.iter().map(|l| (l.range.clone(), &l.url));
        insert_marks(&mut block.text, links, &mut notes);
    }
    (Some(marked), notes.urls)
}

/// Put the marks of `links` (ranges in `text`) into `text`, numbering new
/// URLs in `notes`.
fn insert_marks<'a>(
    text: &mut String,
    links: impl Iterator<Item = (Range<usize>, &'a String)>,
    notes: &mut Notes,
) {
    // Numbers are given in reading order; the marked text is then built in
    // one pass (a stable sort keeps marks at one offset in that order).
    let mut marks: Vec<(usize, String)> = links
        .map(|(range, url)| (mark_at(text, range), notes.mark(url)))
        .collect();
    marks.sort_by_key(|&(at, _)| at);
    let mut out = String::with_capacity(text.len() + 4 * marks.len());
    let mut from = 0;
    for (at, mark) in marks {
        out.push_str(&text[from..at]);
        out.push_str(&mark);
        from = at;
    }
    out.push_str(&text[from..]);
    *text = out;
}

/// Where a link's mark goes: after its text, or before the sentence
/// punctuation that ends it (`the outer harbour[4].`), since a mark after
/// a full stop may be broken off onto a line of its own.
fn mark_at(text: &str, range: Range<usize>) -> usize {
    let linked = &text[range.clone()];
    match linked.chars().next_back() {
        Some(last) if linked.len() > last.len_utf8() && ".,;:!?。，；：！？、".contains(last) => {
            range.end - last.len_utf8()
        }
        _ => range.end,
    }
}

/// The URLs noted so far, in number order, and each one's number: a hash
/// map, since an article (a whole plain-text file is one) may hold
/// thousands of links.
#[derive(Default)]
struct Notes {
    urls: Vec<String>,
    numbers: HashMap<String, usize>,
}

impl Notes {
    /// `[n]` for `url`, numbering it when it is new.
    fn mark(&mut self, url: &str) -> String {
        let number = match self.numbers.get(url) {
            Some(&number) => number,
            None => {
                self.urls.push(url.to_owned());
                self.numbers.insert(url.to_owned(), self.urls.len());
                self.urls.len()
            }
        };
        format!("[{number}]")
    }
}

/// After a blank line, `[n] URL` for each note, every line at most `width`
/// cells (a long URL continues flush left on the next lines, so a terminal's
/// selection of the lines copies it whole).
pub fn write_notes(
    out: &mut impl Write,
    notes: &[String],
    width: usize,
    options: &Options,
) -> io::Result<()> {
    if notes.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    for (index, url) in notes.iter().enumerate() {
        let note = format!("[{}] {url}", index + 1);
        for range in typeset::wrap(&note, width, 0, options) {
            writeln!(
                out,
                "{}",
                typeset::display_line(&note, range, width, options)
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_issue;

    fn dumped(source: &str, width: usize) -> String {
        let issue = parse_issue(source, None);
        let mut out = Vec::new();
        let options = Options::default();
        super::super::write_article(&mut out, &issue.articles[0], width, &options).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn marks_follow_the_link_text_and_notes_end_the_article() {
        let text = dumped(
            "## Title\n\nSee [the report](https://r.example/a) and [it again](https://r.example/a), \
             then [the map](https://m.example/).\n",
            80,
        );
        assert!(
            text.contains("the report[1] and it again[1], then the map[2]."),
            "{text}"
        );
        assert!(
            text.ends_with("\n\n[1] https://r.example/a\n[2] https://m.example/\n"),
            "{text}"
        );
    }

    #[test]
    fn an_article_without_links_has_no_notes() {
        let text = dumped("## Title\n\nPlain words [1] here.\n", 80);
        assert!(!text.contains("\n\n[1]"), "{text}");
    }
}
