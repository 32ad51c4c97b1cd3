//! A feed as a list of entries to keep, for the fetcher (`feeds`): each
//! item with the key it is known by across fetches, the date of the issue
//! it belongs to, and its fields as the feed gave them (XML decoded, HTML
//! left as HTML), so that an issue file can be written back that this
//! reader reads as the feed itself.

use super::{Feed, Item, choose_paper, feed_date, paper_of, plain, read_feed, zone_of};
use crate::model::Date;
use crate::sources::html::read_html;

/// One item of a feed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Entry {
    /// The guid (Atom: id), else the link, else the title: how the same
    /// item is known again in a later fetch.
    pub key: String,
    /// The date of the issue it belongs to: its own text's imprint, else
    /// its publication time in the paper's zone, else the feed's.
    pub date: Option<Date>,
    pub fields: Fields,
}

/// An item's fields, decoded from XML and sanitised; HTML stays HTML.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Fields {
    pub title: String,
    pub link: Option<String>,
    pub id: Option<String>,
    pub published: Option<String>,
    pub author: Option<String>,
    pub description: Option<String>,
    pub content: Option<String>,
}

/// A whole feed, as entries.
#[derive(Debug, Clone, Default)]
pub struct Entries {
    /// The paper named by the channel title (less a feed suffix) or the
    /// items' imprint; empty when the feed names none.
    pub paper: String,
    pub language: String,
    pub description: String,
    /// The paper's offset from UTC in minutes, when the feed's language or
    /// name tells it.
    pub zone: Option<i32>,
    pub entries: Vec<Entry>,
    /// Where the XML was broken, if it was.
    pub error: Option<String>,
}

/// The entries of a feed's text.
pub fn entries(text: &str) -> Entries {
    let Feed {
        title,
        description,
        language,
        updated,
        items,
        error,
    } = read_feed(text);
    let (title_paper, _) = paper_of(&plain(&title));
    let imprints: Vec<_> = items
        .iter()
        .map(|item| {
            item.content
                .as_ref()
                .or(item.description.as_ref())
                .and_then(|(html, _)| read_html(html, 0..0).imprint)
        })
        .collect();
    let first_imprint = imprints.iter().flatten().next();
    let paper = choose_paper(title_paper, first_imprint.map(|i| i.paper.as_str()), None)
        .unwrap_or_default();
    let zone = zone_of(&language, &paper);
    let channel_date = feed_date(
        &Feed {
            updated,
            ..Feed::default()
        },
        zone,
    );
    let entries = items
        .into_iter()
        .zip(imprints)
        .map(|(item, imprint)| {
            let date = imprint
                .and_then(|i| i.date)
                .or_else(|| {
                    item.published
                        .as_deref()
                        .and_then(|t| super::date_in_zone(t, zone))
                })
                .or(channel_date);
            entry(item, date)
        })
        .collect();
    Entries {
        paper,
        language: plain(&language),
        description: plain(&description),
        zone,
        entries,
        error: error.map(|e| super::clean(&e)),
    }
}

fn entry(item: Item, date: Option<Date>) -> Entry {
    let clean = |s: String| super::clean(&s);
    let fields = Fields {
        title: clean(item.title),
        link: item.link.map(clean).map(|l| l.trim().to_owned()),
        id: item.id.map(clean).map(|l| l.trim().to_owned()),
        published: item.published.map(clean).map(|l| l.trim().to_owned()),
        author: item.author.map(clean),
        description: item.description.map(|(text, _)| clean(text)),
        content: item.content.map(|(text, _)| clean(text)),
    };
    let key = [&fields.id, &fields.link]
        .into_iter()
        .flatten()
        .find(|k| !k.is_empty())
        .cloned()
        .unwrap_or_else(|| format!("title:{}", fields.title.trim()));
    Entry { key, date, fields }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_keyed_and_dated() {
        let rss = "<?xml version='1.0'?><rss version='2.0'><channel><title>日报 - 订阅</title>\
            <language>zh-CN</language>\
            <item><title>a</title><guid>g1</guid><link>http://x/1</link>\
            <pubDate>Thu, 14 May 2026 23:15:25 +0000</pubDate></item>\
            <item><title>b</title><link>http://x/2</link></item>\
            <item><title>c &amp; d</title></item></channel></rss>";
        let feed = entries(rss);
        assert_eq!(feed.paper, "日报");
        let keys: Vec<&str> = feed.entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["g1", "http://x/2", "title:c & d"]);
        assert_eq!(feed.entries[0].date, Date::new(2026, 5, 15));
        assert_eq!(feed.entries[1].date, None);
        assert!(feed.error.is_none());
    }

    #[test]
    fn atom_ids_are_keys() {
        let atom = "<feed xmlns='http://www.w3.org/2005/Atom'><title>T</title>\
            <entry><id>urn:1</id><title>x</title><link href='http://y/1'/>\
            <updated>2026-01-02T03:04:05Z</updated></entry></feed>";
        let feed = entries(atom);
        assert_eq!(feed.entries[0].key, "urn:1");
        assert_eq!(feed.entries[0].fields.link.as_deref(), Some("http://y/1"));
        assert_eq!(feed.entries[0].date, Date::new(2026, 1, 2));
    }
}
