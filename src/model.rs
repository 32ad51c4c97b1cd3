//! The newspaper model: what a parsed issue is, as plain data.
//!
//! Every block keeps the byte range of the source text it came from, so a
//! reading position can be stored as a source offset and survive re-layout.

pub mod days;

use std::fmt;
use std::ops::Range;

use serde::{Serialize, Serializer};

/// One issue of one paper, parsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    pub paper: String,
    pub date: Option<Date>,
    pub weekday: Option<String>,
    pub lunar: Option<String>,
    /// What is known of the issue's pages: the count its date line prints
    /// (`今日四版`) and the pages its articles are on. `None` when nothing is.
    pub pages: Option<Pages>,
    /// Lines before the first article that are not the masthead or the date
    /// line (app banners, taglines).
    pub front: Vec<String>,
    pub articles: Vec<Article>,
    /// Things the parser noticed but could not fix; shown to the reader.
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article {
    /// Stable across runs and across edits elsewhere in the file.
    pub id: String,
    pub kicker: Option<String>,
    pub headline: String,
    pub deck: Option<String>,
    pub byline: Option<String>,
    /// The page the article is printed on, as printed (`"1"`, `"01"`, `"A4"`),
    /// when known: the `number` of one of the issue's `pages.list`.
    pub page: Option<String>,
    pub blocks: Vec<Block>,
    /// Links in the kicker, headline, deck and byline (`## [Title](url)`, the
    /// common form of a web source), in reading order. Omitted from JSON
    /// when empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub head_links: Vec<HeadLink>,
}

/// An issue's pages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Pages {
    /// The page count as the date line prints it (`今日四版` → 4), when it
    /// does. It may differ from `list.len()`: a feed may carry some pages only.
    pub count: Option<u32>,
    /// The pages the articles are on, in print order, each once.
    pub list: Vec<Page>,
}

impl Pages {
    /// Pages known only by the date line's count.
    pub fn counted(count: u32) -> Pages {
        Pages {
            count: Some(count),
            list: Vec::new(),
        }
    }

    /// The pages of `articles`, in the order they first appear (an issue is
    /// read page by page), named by `name_of` when a source knows the name.
    pub fn of_articles<'a>(
        articles: impl IntoIterator<Item = &'a Article>,
        mut name_of: impl FnMut(&str) -> Option<String>,
    ) -> Vec<Page> {
        let mut list: Vec<Page> = Vec::new();
        for number in articles.into_iter().filter_map(|a| a.page.as_deref()) {
            if list.iter().all(|p| p.number != number) {
                list.push(Page {
                    number: number.to_owned(),
                    name: name_of(number),
                });
            }
        }
        list
    }

    /// The page numbered `number`.
    pub fn get(&self, number: &str) -> Option<&Page> {
        self.list.iter().find(|p| p.number == number)
    }

    /// How many pages the issue has, as far as it is known.
    pub fn known_count(&self) -> Option<u32> {
        self.count
            .or_else(|| u32::try_from(self.list.len()).ok().filter(|&n| n > 0))
    }
}

/// One page (版面) of an issue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Page {
    /// As printed: `"1"`, `"01"`, `"A4"`.
    pub number: String,
    /// The page's name when the source gives one: `要闻`, `评论`, `Sport`.
    pub name: Option<String>,
}

impl Article {
    /// The text of a head field, `None` when the article has no such field.
    pub fn head_field(&self, field: HeadField) -> Option<&str> {
        match field {
            HeadField::Kicker => self.kicker.as_deref(),
            HeadField::Headline => Some(&self.headline),
            HeadField::Deck => self.deck.as_deref(),
            HeadField::Byline => self.byline.as_deref(),
        }
    }
}

/// A link in one of an article's head fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeadLink {
    pub field: HeadField,
    /// Byte range of the link text inside that field's string.
    pub range: Range<usize>,
    pub url: String,
}

/// Which head field a `HeadLink` is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HeadField {
    Kicker,
    Headline,
    Deck,
    Byline,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    #[serde(flatten)]
    pub kind: BlockKind,
    pub text: String,
    /// Byte range in the (decoded, sanitised) source text. A paragraph that
    /// was rejoined across a column break spans both halves.
    pub source: Range<usize>,
    /// The links inside `text`, in order. Omitted from JSON when empty, so
    /// a link-free issue serialises as before.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

/// A link (or a photo's URL) on part of a block's text: `[text](url)`,
/// `[text][ref]`, `<https://…>`, `![alt](photo.jpg)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// Byte range of the link text inside the block's `text`; always on
    /// character boundaries. Empty never: a link that loses all its text
    /// to a cut is dropped.
    pub range: Range<usize>,
    /// The destination as written, resolved for reference links; control,
    /// bidi and whitespace characters percent-encoded, so it cannot act on
    /// a terminal.
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph,
    Subhead {
        deck: Option<String>,
    },
    Caption {
        credit: Option<String>,
    },
    Jump {
        direction: JumpDirection,
        page: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JumpDirection {
    /// `(下转2版)`, `Continued on Page A4`: the article goes on elsewhere.
    ContinuedOn,
    /// `(上接1版)`, `Continued from Page A1`: the article began elsewhere.
    ContinuedFrom,
}

/// A calendar date as printed in a date line. Serialised as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A date only when it exists on the Gregorian calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        (1..=days::month_len(year, month))
            .contains(&day)
            .then_some(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_rejects_impossible_days() {
        assert!(Date::new(2022, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2022, 13, 1).is_none());
        assert!(Date::new(2022, 4, 31).is_none());
    }

    #[test]
    fn date_serialises_as_iso() {
        let date = Date::new(2022, 2, 13).unwrap();
        assert_eq!(serde_json::to_string(&date).unwrap(), "\"2022-02-13\"");
    }

    #[test]
    fn block_kind_is_a_snake_case_tag() {
        let block = Block {
            kind: BlockKind::Jump {
                direction: JumpDirection::ContinuedOn,
                page: "A4".into(),
            },
            text: "Continued on Page A4".into(),
            source: 3..23,
            links: Vec::new(),
        };
        let json = serde_json::to_value(&block).unwrap();
        assert_eq!(json["kind"], "jump");
        assert_eq!(json["page"], "A4");
        assert_eq!(json["direction"], "continued_on");
        assert_eq!(json["source"]["start"], 3);
        assert!(json.get("links").is_none(), "no links, no field");
    }

    #[test]
    fn pages_serialise_as_count_and_list() {
        let pages = Pages {
            count: None,
            list: vec![Page {
                number: "01".into(),
                name: Some("要闻".into()),
            }],
        };
        let json = serde_json::to_value(&pages).unwrap();
        assert_eq!(json["count"], serde_json::Value::Null);
        assert_eq!(json["list"][0]["number"], "01");
        assert_eq!(json["list"][0]["name"], "要闻");
        assert_eq!(pages.known_count(), Some(1));
        assert_eq!(Pages::counted(4).known_count(), Some(4));
        assert_eq!(Pages::default().known_count(), None);
    }

    #[test]
    fn links_serialise_with_range_and_url() {
        let block = Block {
            kind: BlockKind::Paragraph,
            text: "See the site.".into(),
            source: 0..30,
            links: vec![Link {
                range: 4..12,
                url: "https://example.com/".into(),
            }],
        };
        let json = serde_json::to_value(&block).unwrap();
        assert_eq!(json["links"][0]["range"]["start"], 4);
        assert_eq!(json["links"][0]["range"]["end"], 12);
        assert_eq!(json["links"][0]["url"], "https://example.com/");
    }
}
