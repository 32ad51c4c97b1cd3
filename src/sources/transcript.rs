//! Broadcast transcripts: one day of 新闻联播 as Markdown with inline HTML.
//!
//! ```text
//! # 《新闻联播》 (20240229)     the programme; the date in parentheses
//! ## 新闻摘要                   a section: a page of the issue
//! 1.中共中央政治局召开会议…；     numbered summary lines: list items
//! ## 详细新闻
//! ### story headline             one article per story
//! <p>…</p><p>…</p>               the story's text, inline HTML on one line
//! [查看原文](https://…)          the original page: a link of its own
//! ---
//! (更新时间戳: 1787404192437)    the scraper's trailer
//! ```
//!
//! The date leaves the masthead, so every day is one programme. A section
//! with text before its first story (the summary) is an article of its own,
//! headlined by the section.

use crate::i18n::t;
use std::collections::HashMap;
use std::ops::Range;

use super::{Header, clean};
use crate::model::{Article, Block, BlockKind, Date, Issue, Page, Pages};
use crate::parse::dateline::date_from_file_name;
use crate::parse::markdown::raw_blocks;

/// What the scraper wrote when a story had no title or no text.
const PLACEHOLDER: &str = "undefined";
/// The headline of a story whose title the source lost.
pub const NO_TITLE: &str = "（无标题）";

/// `# 《新闻联播》 (20240229)`: the programme's name and the date.
fn masthead(line: &str) -> Option<(String, Date)> {
    let rest = line.strip_prefix("# ")?.trim_end();
    let inner = rest.strip_suffix(')').or_else(|| rest.strip_suffix('）'))?;
    let open = inner.rfind(['(', '（'])?;
    let digits = inner[open..].trim_start_matches(['(', '（']).trim();
    if digits.len() != 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let date = date_from_file_name(digits)?;
    // The name as written, `《新闻联播》` with its title marks: they are
    // the source's text, and every day writes them the same.
    let name = inner[..open].trim();
    (!name.is_empty()).then(|| (clean(name), date))
}

/// Whether `text` is a broadcast transcript: its first line is a masthead
/// with the date in parentheses, and sections follow.
pub fn is_transcript(text: &str) -> bool {
    let first = text.lines().find(|l| !l.trim().is_empty());
    first.and_then(masthead).is_some() && text.contains("\n## ")
}

/// What the Issues pane needs, from the first line.
pub fn header(head: &str, file_name: Option<&str>) -> Header {
    let first = head.lines().find(|l| !l.trim().is_empty());
    match first.and_then(masthead) {
        Some((paper, date)) => Header {
            paper: Some(paper),
            date: Some(date),
            ..Header::default()
        },
        None => super::markdown::read_header(head, file_name),
    }
}

/// One source line and where it starts.
#[derive(Clone, Copy)]
struct Line<'a> {
    text: &'a str,
    start: usize,
}

impl Line<'_> {
    fn range(&self) -> Range<usize> {
        self.start..self.start + self.text.len()
    }
}

/// An article being read: its section (page) and body lines.
struct Draft<'a> {
    headline: String,
    page: usize,
    lines: Vec<Line<'a>>,
}

impl Draft<'_> {
    /// A section's own draft with no text: the section is only a page.
    fn is_empty_section(&self, sections: &[String]) -> bool {
        sections.get(self.page) == Some(&self.headline)
            && self.lines.iter().all(|l| l.text.trim().is_empty())
    }
}

/// Read a transcript.
pub fn read(text: &str, file_name: Option<&str>) -> Issue {
    read_with(text, file_name, html_blocks)
}

/// A story's inline HTML as blocks, by the input layer's HTML reader.
fn html_blocks(html: &str, source: Range<usize>) -> Vec<Block> {
    super::html::read_html(html, source).blocks
}

/// `read`, with the HTML reader given: `html` turns one line of inline HTML
/// (at `source` in the text) into blocks.
pub fn read_with(
    text: &str,
    file_name: Option<&str>,
    html: impl Fn(&str, Range<usize>) -> Vec<Block>,
) -> Issue {
    let mut paper = None;
    let mut sections: Vec<String> = Vec::new();
    let mut drafts: Vec<Draft<'_>> = Vec::new();
    let mut front = Vec::new();
    let mut trailer = false;
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let line = Line {
            text: raw.trim_end(),
            start,
        };
        start += raw.len();
        if paper.is_none()
            && let Some(found) = masthead(line.text)
        {
            paper = Some(found);
            continue;
        }
        if let Some(name) = line.text.strip_prefix("## ") {
            sections.push(clean(name.trim()));
            trailer = false;
            let page = sections.len() - 1;
            drafts.push(Draft {
                headline: sections[page].clone(),
                page,
                lines: Vec::new(),
            });
        } else if let Some(story) = line.text.strip_prefix("### ") {
            trailer = false;
            // A story's section drafted an article for its own text; one
            // with none is no article.
            if drafts.last().is_some_and(|d| d.is_empty_section(&sections)) {
                drafts.pop();
            }
            drafts.push(Draft {
                headline: story.trim().to_owned(),
                page: sections.len().saturating_sub(1),
                lines: Vec::new(),
            });
        } else if matches!(line.text.trim(), "---" | "***" | "___") {
            trailer = true;
        } else if trailer || drafts.is_empty() {
            if !line.text.trim().is_empty() {
                front.push(clean(line.text.trim()));
            }
        } else if let Some(draft) = drafts.last_mut() {
            draft.lines.push(line);
        }
    }
    if drafts.last().is_some_and(|d| d.is_empty_section(&sections)) {
        drafts.pop();
    }
    let (paper, date) = match paper {
        Some((paper, date)) => (paper, Some(date)),
        None => (
            file_name
                .and_then(crate::parse::dateline::paper_from_file_name)
                .map(|p| clean(&p))
                .unwrap_or_default(),
            file_name.and_then(date_from_file_name),
        ),
    };
    let mut warnings = Vec::new();
    let mut seen = HashMap::new();
    let number = |page: usize| (page + 1).to_string();
    let articles: Vec<Article> = drafts
        .into_iter()
        .map(|draft| {
            let mut blocks = body(&draft.lines, &html);
            let mut headline = clean(&draft.headline);
            if headline == PLACEHOLDER {
                headline = NO_TITLE.to_owned();
                warnings.push(t!("sources.story_untitled", placeholder = PLACEHOLDER));
            }
            blocks.retain(|b| b.text != PLACEHOLDER);
            let page = (!sections.is_empty()).then(|| number(draft.page));
            Article {
                id: crate::parse::article_id(date, page.as_deref(), &headline, &mut seen),
                kicker: None,
                headline,
                deck: None,
                byline: None,
                page,
                blocks,
                head_links: Vec::new(),
            }
        })
        .collect();
    if articles.is_empty() {
        warnings.push(t!("sources.no_stories"));
    }
    let list: Vec<Page> = (sections.iter().enumerate())
        .map(|(at, name)| Page {
            number: number(at),
            name: Some(name.clone()),
        })
        .collect();
    Issue {
        paper,
        date,
        weekday: None,
        lunar: None,
        pages: (!list.is_empty()).then_some(Pages { count: None, list }),
        front,
        articles,
        warnings,
    }
}

/// A summary line's number: `1.`, `12.`, `（3）`, `(3)`.
fn is_numbered(text: &str) -> bool {
    let digits = text.trim_start_matches(|c: char| c.is_ascii_digit());
    let numbered = digits.len() < text.len() && digits.starts_with(['.', '、', '．']);
    let bracketed = text
        .strip_prefix(['（', '('])
        .map(|rest| rest.trim_start_matches(|c: char| c.is_ascii_digit()))
        .is_some_and(|rest| rest.starts_with(['）', ')']) && !text.starts_with("（）"));
    numbered || bracketed
}

/// Whether a summary line is done: it ends a sentence or an item. A colon
/// is no end: `吴晨：` goes on with the words quoted.
fn ends_item(text: &str) -> bool {
    text.ends_with(['；', ';', '。', '！', '？'])
}

/// The body of one article, line by line.
fn body(lines: &[Line<'_>], html: &impl Fn(&str, Range<usize>) -> Vec<Block>) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    // The last block is a list item that may go on over a blank line
    // (`10.【…】吴晨：` / `让市民感受到…；`).
    let mut open_item = false;
    for line in lines.iter().filter(|l| !l.text.trim().is_empty()) {
        let text = line.text.trim();
        if text.starts_with('<') {
            blocks.extend(html(line.text, line.range()));
            open_item = false;
            continue;
        }
        if open_item
            && !is_numbered(text)
            && let Some(item) = blocks.last_mut()
            && !ends_item(&item.text)
        {
            item.text.push_str(&clean(text));
            item.source.end = line.range().end;
            open_item = !ends_item(&item.text);
            continue;
        }
        open_item = is_numbered(text);
        blocks.extend(markdown_line(*line));
    }
    blocks
}

/// A line of Markdown text (a link line, a summary line) as blocks: read
/// by pulldown-cmark, so escapes, entities and links are what Markdown
/// makes of them, then made safe.
fn markdown_line(line: Line<'_>) -> Vec<Block> {
    // A line on its own is a paragraph, whatever it starts with: a `#` or
    // `-` inside a story is no heading or list here.
    let text = line.text.trim_start();
    let indent = line.text.len() - text.len();
    let escaped = text.starts_with(['#', '>', '-', '*', '+', '=']);
    let source = if escaped {
        format!("\\{text}")
    } else {
        text.to_owned()
    };
    let at = |offset: usize| line.start + indent + offset.saturating_sub(usize::from(escaped));
    raw_blocks(&source)
        .into_iter()
        .map(|raw| {
            let range = raw.source();
            Block {
                kind: BlockKind::Paragraph,
                text: clean(&raw.text),
                source: at(range.start)..at(range.end),
                links: raw.links.clone(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: &str = "# 《新闻联播》 (20240229)\n\n## 新闻摘要\n\n本期节目主要内容：\n\n1.会议召开；\n\n2.【故事】吴晨：\n\n让市民感受活力；\n\n3.国内联播快讯：\n\n（1）民航开局向好；\n\n## 详细新闻\n\n### 会议召开\n\n<p>正文</p>\n\n[查看原文](https://tv.cctv.com/a.shtml)\n\n### undefined\n\nundefined\n\n[查看原文](https://tv.cctv.com/b.shtml)\n\n\n---\n\n(更新时间戳: 1709218800000)\n";

    fn stub(html: &str, source: Range<usize>) -> Vec<Block> {
        vec![Block {
            kind: BlockKind::Paragraph,
            text: html.replace("<p>", "").replace("</p>", ""),
            source,
            links: Vec::new(),
        }]
    }

    #[test]
    fn the_date_leaves_the_masthead() {
        let issue = read_with(DAY, Some("20240229.md"), stub);
        assert_eq!(issue.paper, "《新闻联播》");
        assert_eq!(issue.date, Date::new(2024, 2, 29));
        assert_eq!(issue.front, ["(更新时间戳: 1709218800000)"]);
        let header = header(DAY, None);
        assert_eq!(header.paper.as_deref(), Some("《新闻联播》"));
        assert_eq!(header.date, Date::new(2024, 2, 29));
        assert!(is_transcript(DAY));
        assert!(!is_transcript("# 人民日报\n\n## 标题\n"));
    }

    #[test]
    fn stories_are_articles_on_their_section_page() {
        let issue = read_with(DAY, None, stub);
        let heads: Vec<(&str, Option<&str>)> = (issue.articles.iter())
            .map(|a| (a.headline.as_str(), a.page.as_deref()))
            .collect();
        assert_eq!(
            heads,
            [
                ("新闻摘要", Some("1")),
                ("会议召开", Some("2")),
                (NO_TITLE, Some("2"))
            ]
        );
        let pages = issue.pages.unwrap();
        assert_eq!(pages.list[1].name.as_deref(), Some("详细新闻"));
    }

    #[test]
    fn summary_lines_are_items_and_the_original_is_a_link_of_its_own() {
        let issue = read_with(DAY, None, stub);
        let summary: Vec<&str> = issue.articles[0]
            .blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(
            summary,
            [
                "本期节目主要内容：",
                "1.会议召开；",
                "2.【故事】吴晨：让市民感受活力；",
                "3.国内联播快讯：",
                "（1）民航开局向好；"
            ]
        );
        let story = &issue.articles[1].blocks;
        assert_eq!(story[0].text, "正文");
        assert_eq!(story[1].text, "查看原文");
        assert_eq!(story[1].links[0].url, "https://tv.cctv.com/a.shtml");
        assert_eq!(&DAY[story[1].source.clone()], "查看原文");
        let empty: Vec<&str> = issue.articles[2]
            .blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(empty, ["查看原文"]);
    }
}
