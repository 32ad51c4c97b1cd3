//! RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds: one feed is one issue, each
//! item (entry) one article.
//!
//! - The paper is the channel's title less a feed suffix (`人民日报 - 每日全文订阅`
//!   → `人民日报`); when items print `《人民日报》（…）`, the name inside the
//!   brackets wins if the title holds it.
//! - The date is the issue's own text (an item's `《人民日报》（2026年08月22日…）`),
//!   else the first item's `pubDate` (`updated`, `dc:date`), else the
//!   channel's, taken in the paper's time zone (+08:00 for a feed in Chinese,
//!   +09:00 in Japanese, else the time's own offset), else the file name.
//! - An item's title tag `[01版：要闻]` (`【A4：Sport】`, `[1面：総合]`,
//!   `[Page 3 - World]`) is its page, number and name, and is taken off the
//!   headline; the HTML in `content:encoded` (else `description`, Atom's
//!   `content`, else `summary`) gives the kicker, deck, byline and body (see
//!   `html`); `dc:creator`/`author` is the byline when the HTML has none; the
//!   item's link is a link on the headline.

mod entries;

pub use entries::{Entries, Entry, Fields, entries};

use crate::i18n::t;
use std::collections::HashMap;
use std::ops::Range;

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;

use super::clean;
use super::html::{HtmlArticle, collapse, html_text, read_html};
use crate::model::{Article, Date, HeadField, HeadLink, Issue, Page, Pages, days};
use crate::parse::Header;
use crate::parse::dateline::{date_from_file_name, paper_from_file_name};

/// One item as the feed gives it, before its HTML is read.
#[derive(Debug, Default)]
struct Item {
    title: String,
    link: Option<String>,
    /// Text and where it is in the source.
    description: Option<(String, Range<usize>)>,
    content: Option<(String, Range<usize>)>,
    published: Option<String>,
    author: Option<String>,
    /// RSS `guid`, Atom `id`.
    id: Option<String>,
    range: Range<usize>,
}

#[derive(Debug, Default)]
struct Feed {
    title: String,
    description: String,
    language: String,
    updated: Option<String>,
    items: Vec<Item>,
    /// Where reading stopped early, and why (a cut head, broken XML).
    error: Option<String>,
}

/// An open element: its name and the text read inside it so far.
struct Open {
    name: String,
    text: String,
    start: usize,
}

fn read_feed(text: &str) -> Feed {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = false;
    let mut feed = Feed::default();
    let mut stack: Vec<Open> = Vec::new();
    let mut item: Option<Item> = None;
    loop {
        let before = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                feed.error = Some(t!("sources.xml_error", at = before, error = e));
                break;
            }
        };
        let after = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        match event {
            Event::Start(e) => {
                let name = e.name().0.to_owned();
                if matches!(name.as_str(), "item" | "entry") {
                    item = Some(Item {
                        range: before..before,
                        ..Item::default()
                    });
                }
                stack.push(Open {
                    name,
                    text: String::new(),
                    start: after,
                });
            }
            Event::Empty(e) => {
                // Atom's `<link href="…"/>`: the alternate link is the article's.
                let name = e.name().0;
                let rel = attr(&e, "rel");
                if name == "link"
                    && rel.as_deref().is_none_or(|r| r == "alternate")
                    && let Some(item) = item.as_mut()
                    && item.link.is_none()
                {
                    item.link = attr(&e, "href");
                }
            }
            Event::Text(e) => push(&mut stack, &e.xml10_content()),
            Event::CData(e) => push(&mut stack, &e.into_inner()),
            Event::GeneralRef(e) => {
                let resolved = match e.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => {
                        let name = e.into_inner();
                        match resolve_predefined_entity(&name) {
                            Some(s) => s.to_owned(),
                            // An HTML entity in XML: kept for the HTML reader.
                            None => format!("&{name};"),
                        }
                    }
                };
                push(&mut stack, &resolved);
            }
            Event::End(_) => {
                let Some(open) = stack.pop() else { continue };
                let range = open.start..before;
                let parent = stack.last().map(|o| o.name.as_str()).unwrap_or("");
                if matches!(open.name.as_str(), "item" | "entry") {
                    if let Some(mut done) = item.take() {
                        done.range.end = after;
                        feed.items.push(done);
                    }
                    continue;
                }
                if let Some(current) = item.as_mut() {
                    take_item_field(current, &open, range, parent);
                } else if matches!(parent, "channel" | "feed") {
                    match open.name.as_str() {
                        "title" => feed.title = open.text,
                        "description" | "subtitle" => feed.description = open.text,
                        "language" | "dc:language" => feed.language = open.text,
                        "lastBuildDate" | "pubDate" | "updated" | "dc:date" => {
                            feed.updated.get_or_insert(open.text);
                        }
                        _ => {}
                    }
                } else if let Some(up) = stack.last_mut() {
                    // Text of an element nobody reads (XHTML content) is kept.
                    up.text.push_str(&open.text);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    // A cut head: the item being read still counts for the header.
    if let Some(open) = item {
        feed.items.push(open);
    }
    feed
}

fn take_item_field(item: &mut Item, open: &Open, range: Range<usize>, parent: &str) {
    let text = open.text.clone();
    match open.name.as_str() {
        "title" if matches!(parent, "item" | "entry") => item.title = text,
        "link" if item.link.is_none() && !text.trim().is_empty() => {
            item.link = Some(text.trim().to_owned());
        }
        "description" | "summary" => item.description = Some((text, range)),
        "content:encoded" | "content" => item.content = Some((text, range)),
        "pubDate" | "published" | "updated" | "dc:date" => {
            item.published.get_or_insert(text);
        }
        "dc:creator" | "author" if item.author.is_none() => item.author = Some(text),
        "guid" if item.id.is_none() => item.id = Some(text),
        "id" if parent == "entry" && item.id.is_none() => item.id = Some(text),
        // Atom's `<author><name>…</name></author>`.
        "name" if parent == "author" => item.author = Some(text),
        _ => {}
    }
}

fn push(stack: &mut [Open], text: &str) {
    if let Some(open) = stack.last_mut() {
        open.text.push_str(text);
    }
}

fn attr(e: &quick_xml::events::BytesStart<'_>, name: &str) -> Option<String> {
    let found = e.try_get_attribute(name).ok()??;
    found
        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .ok()
        .map(|v| clean(&v))
}

/// Plain text of a feed field: entities an XML parser leaves (`&nbsp;`) and
/// stray markup decoded as HTML would be, then made safe.
fn plain(text: &str) -> String {
    let decoded = if text.contains(['&', '<']) {
        html_text(text).replace('\n', " ")
    } else {
        clean(&collapse(text))
    };
    decoded.trim().to_owned()
}

/// Words that mark the part of a channel title that names the feed, not
/// the paper.
const FEED_WORDS: [&str; 9] = [
    "订阅", "RSS", "rss", "Feed", "feed", "全文", "频道", "Atom", "Latest",
];

/// The paper in a channel title, and the feed suffix taken off it.
fn paper_of(title: &str) -> (String, Option<String>) {
    for sep in [" - ", " | ", " — ", " – ", "｜", " · "] {
        if let Some(at) = title.rfind(sep) {
            let (paper, suffix) = (title[..at].trim(), title[at + sep.len()..].trim());
            if !paper.is_empty() && FEED_WORDS.iter().any(|w| suffix.contains(w)) {
                return (paper.to_owned(), Some(suffix.to_owned()));
            }
        }
    }
    (title.trim().to_owned(), None)
}

/// `[01版：要闻] 标题` → page `01`, name `要闻`, headline `标题`.
pub fn page_tag(title: &str) -> Option<(Page, &str)> {
    let title = title.trim_start();
    let close = match title.chars().next()? {
        '[' => ']',
        '【' => '】',
        _ => return None,
    };
    let open_len = title.chars().next()?.len_utf8();
    let end = title.find(close)?;
    let inner = title[open_len..end].trim();
    let rest = title[end + close.len_utf8()..].trim_start();
    let (number, name) = match inner.find(['：', ':', '|', '-']) {
        Some(at) => {
            let sep = inner[at..].chars().next()?.len_utf8();
            (inner[..at].trim(), inner[at + sep..].trim())
        }
        None => (inner, ""),
    };
    let number = number
        .trim_start_matches("第")
        .trim_start_matches("Page")
        .trim_start_matches("page")
        .trim_start_matches("p.")
        .trim_end_matches(['版', '面'])
        .trim_end_matches("ページ")
        .trim();
    let plausible = !number.is_empty()
        && number.chars().count() <= 4
        && number.chars().all(|c| c.is_ascii_alphanumeric());
    plausible.then(|| {
        let name = (!name.is_empty()).then(|| name.to_owned());
        (
            Page {
                number: number.to_owned(),
                name,
            },
            rest,
        )
    })
}

/// The paper's offset from UTC in minutes, from the feed's language.
fn zone_of(language: &str, paper: &str) -> Option<i32> {
    let language = language.trim().to_ascii_lowercase();
    if language.starts_with("zh") {
        return Some(8 * 60);
    }
    if language.starts_with("ja") {
        return Some(9 * 60);
    }
    let cjk = paper.chars().any(crate::parse::markdown::is_cjk);
    (language.is_empty() && cjk).then_some(8 * 60)
}

/// The calendar date of a feed time (`Thu, 14 May 2026 23:15:25 +0000`,
/// `2026-05-14T23:15:25Z`) in the zone `zone` (minutes east of UTC), or in
/// its own offset when `zone` is `None`.
pub fn date_in_zone(time: &str, zone: Option<i32>) -> Option<Date> {
    let (date, minutes, offset) = rfc822(time).or_else(|| rfc3339(time))?;
    let Some(zone) = zone else {
        return Some(date);
    };
    let local = minutes - offset + zone;
    let shift = local.div_euclid(24 * 60);
    days::add_days(date, i64::from(shift))
}

/// The calendar date `secs` after the Unix epoch, `zone` minutes east of UTC.
pub fn date_of_unix(secs: i64, zone: i32) -> Option<Date> {
    days::from_day_number((secs + i64::from(zone) * 60).div_euclid(86_400))
}

/// `Thu, 14 May 2026 23:15:25 +0000` → (date, minutes of the day, offset).
fn rfc822(time: &str) -> Option<(Date, i32, i32)> {
    let time = time.split_once(',').map_or(time, |(_, rest)| rest);
    let mut words = time.split_whitespace();
    let day: u8 = words.next()?.parse().ok()?;
    let month = words.next()?;
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let month = MONTHS
        .iter()
        .position(|m| month.to_ascii_lowercase().starts_with(m))?;
    let year: u16 = words.next()?.parse().ok()?;
    let clock = words.next().unwrap_or("00:00");
    let minutes = clock_minutes(clock)?;
    let offset = words.next().map_or(Some(0), zone_minutes)?;
    Some((
        Date::new(year, u8::try_from(month + 1).ok()?, day)?,
        minutes,
        offset,
    ))
}

/// `2026-05-14T23:15:25Z`, `2026-05-15T07:15:25+08:00`.
fn rfc3339(time: &str) -> Option<(Date, i32, i32)> {
    let time = time.trim();
    let year: u16 = time.get(0..4)?.parse().ok()?;
    let month: u8 = time.get(5..7)?.parse().ok()?;
    let day: u8 = time.get(8..10)?.parse().ok()?;
    let date = Date::new(year, month, day)?;
    let Some(rest) = time.get(11..) else {
        return Some((date, 0, 0));
    };
    let minutes = clock_minutes(rest.get(..5)?)?;
    let zone_at = rest.find(['Z', 'z', '+', '-']);
    let offset = zone_at.map_or(Some(0), |at| zone_minutes(&rest[at..]))?;
    Some((date, minutes, offset))
}

fn clock_minutes(clock: &str) -> Option<i32> {
    let mut parts = clock.split(':');
    let hours: i32 = parts.next()?.parse().ok()?;
    let minutes: i32 = parts.next()?.parse().ok()?;
    Some(hours * 60 + minutes)
}

fn zone_minutes(zone: &str) -> Option<i32> {
    let zone = zone.trim();
    match zone {
        "Z" | "z" | "GMT" | "UT" | "UTC" => return Some(0),
        _ => {}
    }
    let sign = match zone.chars().next()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let digits: String = zone[1..].chars().filter(char::is_ascii_digit).collect();
    let hours: i32 = digits.get(0..2)?.parse().ok()?;
    let minutes: i32 = digits.get(2..4).map_or(Some(0), |m| m.parse().ok())?;
    Some(sign * (hours * 60 + minutes))
}

/// What the Issues pane shows for a feed, from its head.
pub fn read_header(head: &str, file_name: Option<&str>) -> Header {
    let feed = read_feed(head);
    let (paper, _) = paper_of(&plain(&feed.title));
    let mut imprint = None;
    for item in &feed.items {
        if let Some((html, _)) = item.content.as_ref().or(item.description.as_ref()) {
            imprint = read_html(html, 0..0).imprint;
            if imprint.is_some() {
                break;
            }
        }
    }
    let paper = choose_paper(paper, imprint.as_ref().map(|i| i.paper.as_str()), file_name);
    let zone = zone_of(&feed.language, paper.as_deref().unwrap_or(""));
    let date = imprint
        .and_then(|i| i.date)
        .or_else(|| feed_date(&feed, zone))
        .or_else(|| file_name.and_then(date_from_file_name));
    Header {
        paper,
        date,
        ..Header::default()
    }
}

fn choose_paper(
    from_title: String,
    from_text: Option<&str>,
    file_name: Option<&str>,
) -> Option<String> {
    match from_text {
        Some(name) if from_title.contains(name) => Some(name.to_owned()),
        _ if !from_title.is_empty() => Some(from_title),
        Some(name) => Some(name.to_owned()),
        None => file_name.and_then(paper_from_file_name),
    }
}

fn feed_date(feed: &Feed, zone: Option<i32>) -> Option<Date> {
    feed.items
        .iter()
        .filter_map(|i| i.published.as_deref())
        .chain(feed.updated.as_deref())
        .find_map(|t| date_in_zone(t, zone))
}

/// Read a whole feed as one issue.
pub fn read_issue(text: &str, file_name: Option<&str>) -> Issue {
    let feed = read_feed(text);
    let mut warnings: Vec<String> = feed.error.iter().map(|e| clean(e)).collect();
    let (title_paper, suffix) = paper_of(&plain(&feed.title));
    let read: Vec<(Item, HtmlArticle)> = feed
        .items
        .into_iter()
        .map(|item| {
            let html = match (&item.content, &item.description) {
                (Some((html, range)), _) | (None, Some((html, range))) => {
                    read_html(html, range.clone())
                }
                (None, None) => HtmlArticle::default(),
            };
            (item, html)
        })
        .collect();
    let imprint = read.iter().find_map(|(_, html)| html.imprint.as_ref());
    let paper = choose_paper(title_paper, imprint.map(|i| i.paper.as_str()), file_name);
    if paper.is_none() {
        warnings.push(t!("sources.unnamed"));
    }
    let zone = zone_of(&feed.language, paper.as_deref().unwrap_or(""));
    let feed_dates = Feed {
        items: Vec::new(),
        updated: feed.updated.clone(),
        ..Feed::default()
    };
    let date = imprint
        .and_then(|i| i.date)
        .or_else(|| {
            read.iter()
                .filter_map(|(item, _)| item.published.as_deref())
                .find_map(|t| date_in_zone(t, zone))
        })
        .or_else(|| feed_date(&feed_dates, zone))
        .or_else(|| {
            let date = file_name.and_then(date_from_file_name);
            warnings.push(match date {
                Some(_) => t!("sources.date_from_file_name"),
                None => t!("sources.no_date"),
            });
            date
        });
    let mut names: HashMap<String, Option<String>> = HashMap::new();
    let mut seen = HashMap::new();
    let mut articles = Vec::new();
    for (item, html) in read {
        articles.push(article(item, html, date, &mut names, &mut seen));
    }
    if articles.is_empty() {
        warnings.push(t!("sources.no_items"));
    }
    let list = Pages::of_articles(&articles, |n| names.get(n).cloned().flatten());
    let pages = (!list.is_empty()).then_some(Pages { count: None, list });
    let front = suffix
        .into_iter()
        .chain(Some(plain(&feed.description)))
        .filter(|s| !s.is_empty())
        .collect();
    Issue {
        paper: paper.unwrap_or_default(),
        date,
        weekday: None,
        lunar: None,
        pages,
        front,
        articles,
        warnings,
    }
}

fn article(
    item: Item,
    html: HtmlArticle,
    date: Option<Date>,
    names: &mut HashMap<String, Option<String>>,
    seen: &mut HashMap<u32, usize>,
) -> Article {
    let title = plain(&item.title);
    let (tag, headline) = match page_tag(&title) {
        Some((page, rest)) => (Some(page), rest.to_owned()),
        None => (None, title.clone()),
    };
    let headline = match (headline.is_empty(), &html.headline) {
        (true, Some(h1)) => h1.clone(),
        _ => headline,
    };
    let page = match tag {
        Some(page) => {
            let slot = names.entry(page.number.clone()).or_insert(None);
            if slot.is_none() {
                *slot = page.name;
            }
            Some(page.number)
        }
        None => html.imprint.as_ref().and_then(|i| i.page.clone()),
    };
    let byline = html
        .byline
        .or_else(|| item.author.as_deref().map(plain))
        .filter(|b| !b.is_empty());
    let head_links = item
        .link
        .filter(|_| !headline.is_empty())
        .map(|url| HeadLink {
            field: HeadField::Headline,
            range: 0..headline.len(),
            url: crate::parse::markdown::safe_url(&clean(&url)),
        })
        .into_iter()
        .collect();
    let _ = item.range;
    Article {
        id: crate::parse::article_id(date, page.as_deref(), &headline, seen),
        kicker: html.kicker,
        headline,
        deck: html.deck,
        byline,
        page,
        blocks: html.blocks,
        head_links,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_tags_in_several_forms() {
        let (page, rest) = page_tag("[01版：要闻] 贵州主动融入全面开放格局").unwrap();
        assert_eq!(page.number, "01");
        assert_eq!(page.name.as_deref(), Some("要闻"));
        assert_eq!(rest, "贵州主动融入全面开放格局");
        let (page, _) = page_tag("【A4：Sport】 Cup final").unwrap();
        assert_eq!(
            (page.number.as_str(), page.name.as_deref()),
            ("A4", Some("Sport"))
        );
        let (page, _) = page_tag("[1面：総合] 見出し").unwrap();
        assert_eq!(page.number, "1");
        let (page, _) = page_tag("[Page 3 - World] Headline").unwrap();
        assert_eq!(
            (page.number.as_str(), page.name.as_deref()),
            ("3", Some("World"))
        );
        assert!(page_tag("[视频] 标题").is_none());
        assert!(page_tag("标题").is_none());
    }

    #[test]
    fn pub_dates_are_read_in_the_papers_zone() {
        let beijing = Some(8 * 60);
        let late = "Thu, 14 May 2026 23:15:25 +0000";
        assert_eq!(date_in_zone(late, beijing), Date::new(2026, 5, 15));
        assert_eq!(date_in_zone(late, None), Date::new(2026, 5, 14));
        assert_eq!(
            date_in_zone("2026-12-31T20:00:00Z", beijing),
            Date::new(2027, 1, 1)
        );
        assert_eq!(
            date_in_zone("Sat, 01 Mar 2025 01:00:00 +0900", Some(0)),
            Date::new(2025, 2, 28)
        );
    }

    #[test]
    fn channel_titles_lose_their_feed_suffix() {
        assert_eq!(
            paper_of("人民日报 - 每日全文订阅"),
            ("人民日报".to_owned(), Some("每日全文订阅".to_owned()))
        );
        assert_eq!(
            paper_of("The Times - World"),
            ("The Times - World".to_owned(), None)
        );
        assert_eq!(paper_of("Example | RSS Feed").0, "Example");
    }
}
