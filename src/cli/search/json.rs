//! `--json`: one JSON object per match, one per line (JSON Lines).

use std::io::{self, Write};
use std::ops::Range;

use serde::Serialize;

use super::Place;
use super::source::Alignment;
use crate::cli::json::escape_unsafe;
use crate::layout::TextRef;
use crate::model::{Article, Date};
use crate::search::Hit;

pub(super) struct JsonOut<W: Write> {
    out: W,
}

/// One match. `range` is the byte range in the string named by `field` (and
/// `block`); `source` the byte range in the issue's text (the decoded,
/// sanitised file, as `broadsheet json`'s block `source`), for block text
/// where it is proved, else null.
#[derive(Debug, Serialize)]
struct Record<'a> {
    path: &'a str,
    paper: &'a str,
    date: Option<Date>,
    article: &'a str,
    headline: &'a str,
    field: &'static str,
    block: Option<usize>,
    range: Range<usize>,
    source: Option<Range<usize>>,
    text: &'a str,
}

impl<W: Write> JsonOut<W> {
    pub fn new(out: W) -> JsonOut<W> {
        JsonOut { out }
    }

    /// The writer, with everything written.
    pub fn into_inner(self) -> W {
        self.out
    }

    pub fn article(
        &mut self,
        place: &Place<'_>,
        article: &Article,
        hits: &[Hit],
    ) -> io::Result<()> {
        // Hits come block by block, so one alignment is kept at a time.
        let mut aligned: Option<(usize, Alignment)> = None;
        for hit in hits {
            let (field, block) = field(hit.text);
            let source = match hit.text {
                TextRef::Block(index) => {
                    if aligned.as_ref().is_none_or(|(i, _)| *i != index) {
                        aligned = article.blocks.get(index).map(|block| {
                            let align =
                                Alignment::new(&block.text, place.source, block.source.clone());
                            (index, align)
                        });
                    }
                    aligned.as_ref().and_then(|(_, a)| a.source(&hit.range))
                }
                _ => None,
            };
            let record = Record {
                path: &place.path,
                paper: &place.issue.paper,
                date: place.issue.date,
                article: &article.id,
                headline: &article.headline,
                field,
                block,
                range: hit.range.clone(),
                source,
                text: &hit.text.resolve(article)[hit.range.clone()],
            };
            let json = serde_json::to_string(&record).map_err(io::Error::other)?;
            self.out.write_all(escape_unsafe(&json).as_bytes())?;
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }
}

/// The field's name and, for block strings, the block's index.
fn field(text: TextRef) -> (&'static str, Option<usize>) {
    match text {
        TextRef::None => ("none", None),
        TextRef::Kicker => ("kicker", None),
        TextRef::Headline => ("headline", None),
        TextRef::Deck => ("deck", None),
        TextRef::Byline => ("byline", None),
        TextRef::Block(i) => ("block", Some(i)),
        TextRef::SubheadDeck(i) => ("subhead_deck", Some(i)),
        TextRef::Credit(i) => ("credit", Some(i)),
    }
}
