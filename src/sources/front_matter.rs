//! One article per file: Markdown with YAML (`---`) or TOML (`+++`) front
//! matter, as archives that keep one file per article write it.
//!
//! Front matter keys become model fields, never text: `title` (headline),
//! `date`, `section` (`第05版` → page `05`) with `section_name` (the page's
//! name), `author` (byline), `source_url` (a link on the headline). Other
//! keys (keywords, word counts) are the archive's metadata and are not
//! shown. The People's Daily head lines under the `#` headline are read
//! too: `## ——…` is the deck, `> 系列：…` the kicker, and
//! `> 徐  阳《人民日报》（2025年01月02日第 14 版）` the byline, paper, date and page.
//! The rest is the body, read as Markdown by `crate::parse`.

use std::collections::HashMap;
use std::ops::Range;

use super::clean;
use super::html::{Imprint, imprint, page_in};
use crate::model::{Article, Block, BlockKind, Date, HeadField, HeadLink, Issue, Page, Pages};
use crate::parse::Header;
use crate::parse::dateline::{date_from_file_name, gregorian, paper_from_file_name};

/// The front matter of a text: its keys (string values, quotes removed)
/// and where the body starts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub fields: Vec<(String, String)>,
    pub end: usize,
}

impl FrontMatter {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.trim().is_empty())
    }
}

/// `---` … `---` (YAML) or `+++` … `+++` (TOML) at the very start.
pub fn front_matter(text: &str) -> Option<FrontMatter> {
    let text_start = text
        .strip_prefix('\u{feff}')
        .map_or(0, |_| '\u{feff}'.len_utf8());
    let body = &text[text_start..];
    let fence = ["---", "+++"].into_iter().find(|f| {
        body.strip_prefix(f)
            .is_some_and(|rest| rest.starts_with('\n') || rest.starts_with("\r\n"))
    })?;
    let inner_start = text_start + fence.len() + 1;
    let mut at = inner_start;
    for line in text[inner_start..].split_inclusive('\n') {
        if line.trim_end() == fence {
            let inner = &text[inner_start..at];
            let fields = if fence == "+++" {
                toml_fields(inner)?
            } else {
                yaml_fields(inner)
            };
            return Some(FrontMatter {
                fields,
                end: at + line.len(),
            });
        }
        at += line.len();
    }
    None
}

/// Flat `key: value` YAML, as front matter writes it; nested maps and
/// block lists are skipped (they hold no field the model has).
fn yaml_fields(inner: &str) -> Vec<(String, String)> {
    inner
        .lines()
        .filter(|line| !line.starts_with([' ', '\t', '-', '#']))
        .filter_map(|line| {
            let (key, value) = line.split_once(':')?;
            Some((key.trim().to_owned(), unquote(value.trim())))
        })
        .collect()
}

fn unquote(value: &str) -> String {
    let quoted = value.len() >= 2
        && ((value.starts_with('"') && value.ends_with('"'))
            || (value.starts_with('\'') && value.ends_with('\'')));
    let inner = if quoted {
        &value[1..value.len() - 1]
    } else {
        value
    };
    if quoted && value.starts_with('"') {
        inner.replace("\\\"", "\"").replace("\\\\", "\\")
    } else {
        inner.to_owned()
    }
}

fn toml_fields(inner: &str) -> Option<Vec<(String, String)>> {
    let table: toml::Table = inner.parse().ok()?;
    Some(
        table
            .into_iter()
            .filter_map(|(key, value)| {
                let text = match value {
                    toml::Value::String(s) => s,
                    toml::Value::Datetime(d) => d.to_string(),
                    toml::Value::Integer(n) => n.to_string(),
                    _ => return None,
                };
                Some((key, text))
            })
            .collect(),
    )
}

/// Whether `text` is one article with front matter: it has front matter
/// with a `title`, or a single `#` headline after its front matter.
pub fn is_article(text: &str) -> bool {
    let Some(front) = front_matter(text) else {
        return false;
    };
    front.get("title").is_some() || text[front.end..].lines().any(|l| l.starts_with("# "))
}

/// What the article's own text says beyond its fields.
#[derive(Debug)]
pub struct Read {
    pub article: Article,
    pub page: Option<Page>,
    pub imprint: Option<Imprint>,
    pub date: Option<Date>,
}

/// Read one article. `base` is where `text` starts in the whole source;
/// `page` the page a folder name gives (`05-评论`), used when the file
/// itself names none.
pub fn read_article(
    text: &str,
    base: usize,
    folder_page: Option<Page>,
    seen: &mut HashMap<u32, usize>,
) -> Read {
    let front = front_matter(text).unwrap_or_default();
    let mut head = Head::default();
    let body_start = head.read(text, front.end);
    let field = |key| front.get(key).map(|v| clean(v.trim()));
    let headline = field("title")
        .or_else(|| head.headline.clone())
        .unwrap_or_default();
    let imprint = head.imprint.take();
    let date = field("date")
        .and_then(|d| gregorian(&d, 0).map(|(date, _)| date))
        .or_else(|| imprint.as_ref().and_then(|i| i.date));
    let page_number = field("section")
        .and_then(|s| page_in(&s).or_else(|| plain_number(&s)))
        .or_else(|| imprint.as_ref().and_then(|i| i.page.clone()))
        .or_else(|| folder_page.as_ref().map(|p| p.number.clone()));
    let page = page_number.map(|number| {
        let folder_name = folder_page
            .as_ref()
            .filter(|p| same_page(&p.number, &number))
            .and_then(|p| p.name.clone());
        Page {
            name: field("section_name").or(folder_name),
            number,
        }
    });
    let byline = head.byline.take().or_else(|| field("author"));
    let head_links = field("source_url")
        .filter(|_| !headline.is_empty())
        .map(|url| HeadLink {
            field: HeadField::Headline,
            range: 0..headline.len(),
            url: crate::parse::markdown::safe_url(url.trim()),
        })
        .into_iter()
        .collect();
    let blocks = body_blocks(&text[body_start..], base + body_start);
    let article = Article {
        id: crate::parse::article_id(
            date,
            page.as_ref().map(|p| p.number.as_str()),
            &headline,
            seen,
        ),
        kicker: head.kicker,
        headline,
        deck: head.deck,
        byline,
        page: page.as_ref().map(|p| p.number.clone()),
        blocks,
        head_links,
    };
    Read {
        article,
        page,
        imprint,
        date,
    }
}

/// `05` and `5` are the same page.
fn same_page(a: &str, b: &str) -> bool {
    a.trim_start_matches('0') == b.trim_start_matches('0')
}

fn plain_number(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty() && text.len() <= 4 && text.chars().all(|c| c.is_ascii_alphanumeric()))
        .then(|| text.to_owned())
}

/// The head lines under the front matter.
#[derive(Debug, Default)]
struct Head {
    headline: Option<String>,
    deck: Option<String>,
    kicker: Option<String>,
    byline: Option<String>,
    imprint: Option<Imprint>,
}

impl Head {
    /// Read head lines from `at`; returns where the body starts.
    fn read(&mut self, text: &str, mut at: usize) -> usize {
        for line in text[at..].split_inclusive('\n') {
            let trimmed = line.trim();
            let taken = if trimmed.is_empty() {
                true
            } else if let Some(title) = trimmed.strip_prefix("# ") {
                self.headline.is_none() && {
                    self.headline = Some(clean(title.trim()));
                    true
                }
            } else if let Some(deck) = trimmed.strip_prefix("## ") {
                let deck = deck.trim();
                let dashed = deck.starts_with("——") || deck.starts_with("--");
                (dashed && self.deck.is_none() && self.headline.is_some()) && {
                    let deck = deck.trim_start_matches(['—', '-', ' ']);
                    self.deck = Some(clean(deck));
                    true
                }
            } else if let Some(quote) = trimmed.strip_prefix('>') {
                self.quote(quote.trim())
            } else {
                false
            };
            if !taken {
                break;
            }
            at += line.len();
        }
        at
    }

    fn quote(&mut self, quote: &str) -> bool {
        if self.imprint.is_none()
            && let Some(found) = imprint(quote)
        {
            let before = quote[..quote.find('《').unwrap_or(0)].trim();
            if !before.is_empty() {
                self.byline = Some(clean(before));
            }
            self.imprint = Some(found);
            return true;
        }
        let series = quote.starts_with("系列") || quote.starts_with("栏目");
        if series && self.kicker.is_none() {
            self.kicker = Some(clean(quote));
            return true;
        }
        false
    }
}

/// The body as Markdown: read by `parse` under a headline of its own, so
/// that a first line is never taken for a title; sub-heads and further
/// `##` sections stay sub-heads of this one article.
fn body_blocks(body: &str, base: usize) -> Vec<Block> {
    const HEAD: &str = "## \u{fffc}\n\n";
    let text = format!("{HEAD}{body}");
    let issue = crate::parse::parse_issue(&text, None);
    let shift = |range: Range<usize>| {
        range.start.saturating_sub(HEAD.len()) + base..range.end.saturating_sub(HEAD.len()) + base
    };
    let mut blocks = Vec::new();
    for (n, article) in issue.articles.into_iter().enumerate() {
        if n > 0 {
            let source = article
                .blocks
                .first()
                .map_or(base..base, |b| shift(b.source.clone()));
            blocks.push(Block {
                kind: BlockKind::Subhead { deck: article.deck },
                text: article.headline,
                source,
                links: Vec::new(),
            });
        }
        blocks.extend(article.blocks.into_iter().map(|mut block| {
            block.source = shift(block.source);
            block
        }));
    }
    blocks
}

/// One article file read as an issue of one article.
pub fn read_issue(text: &str, file_name: Option<&str>) -> Issue {
    let mut seen = HashMap::new();
    let read = read_article(text, 0, None, &mut seen);
    let paper = read
        .imprint
        .as_ref()
        .map(|i| i.paper.clone())
        .or_else(|| file_name.and_then(paper_from_file_name))
        .unwrap_or_default();
    let date = read
        .date
        .or_else(|| file_name.and_then(date_from_file_name));
    let pages = read.page.map(|page| Pages {
        count: None,
        list: vec![page],
    });
    Issue {
        paper,
        date,
        weekday: None,
        lunar: None,
        pages,
        front: Vec::new(),
        articles: vec![read.article],
        warnings: Vec::new(),
    }
}

/// The Issues pane's view of an article file: its paper and date.
pub fn read_header(head: &str, file_name: Option<&str>) -> Header {
    let issue = read_issue(head, file_name);
    Header {
        paper: Some(issue.paper).filter(|p| !p.is_empty()),
        date: issue.date,
        ..Header::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "---\ntitle: \"新职业持续赋能生产生活（快评）\"\ndate: 2025-01-02\nsection: \"第14版\"\nsection_name: \"社会\"\nauthor: \"徐  阳\"\nkeywords: [职业, 从业者]\nsource_url: \"https://example.com/a.html\"\n---\n\n# 新职业持续赋能生产生活（快评）\n\n> 徐  阳《人民日报》（2025年01月02日第 14 版）\n\n以茶为基础，调制出多元化饮品。\n\n近年来，大批新职业产生。\n";

    #[test]
    fn front_matter_fields_are_fields() {
        let issue = read_issue(FILE, Some("x.md"));
        assert_eq!(issue.paper, "人民日报");
        assert_eq!(issue.date, Date::new(2025, 1, 2));
        let article = &issue.articles[0];
        assert_eq!(article.headline, "新职业持续赋能生产生活（快评）");
        assert_eq!(article.byline.as_deref(), Some("徐  阳"));
        assert_eq!(article.page.as_deref(), Some("14"));
        let pages = issue.pages.unwrap();
        assert_eq!(pages.list[0].name.as_deref(), Some("社会"));
        assert_eq!(article.head_links[0].url, "https://example.com/a.html");
        let texts: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            ["以茶为基础，调制出多元化饮品。", "近年来，大批新职业产生。"]
        );
        let at = FILE.find("以茶").unwrap();
        assert_eq!(article.blocks[0].source.start, at);
    }

    #[test]
    fn decks_kickers_and_toml() {
        let text = "+++\ntitle = \"为何制定？\"\ndate = 2025-01-02\nsection = \"第02版\"\n+++\n\n# 为何制定？\n\n## ——答记者问\n> 系列：人民观点\n\n> 《人民日报》（2025年01月02日第 02 版）\n\n问：目的是什么？\n";
        assert!(is_article(text));
        let issue = read_issue(text, None);
        let article = &issue.articles[0];
        assert_eq!(article.deck.as_deref(), Some("答记者问"));
        assert_eq!(article.kicker.as_deref(), Some("系列：人民观点"));
        assert_eq!(article.byline, None);
        assert_eq!(article.page.as_deref(), Some("02"));
        assert_eq!(article.blocks[0].text, "问：目的是什么？");
    }
}
