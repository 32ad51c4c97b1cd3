//! A folder read as one issue (one file per article). The library joins the
//! folder's files into one text, each file preceded by a line holding
//! [`MARK`] and the file's path inside the folder; this reader splits them
//! again and reads each file as one article, in folder order.
//!
//! `MARK` is a control character (FILE SEPARATOR): the sanitiser replaces
//! every control character in a file's text, so no file can forge a mark,
//! and a block's byte range stays an offset into the joined text.

use crate::i18n::t;
use std::collections::HashMap;

use super::front_matter::read_article;
use crate::model::{Date, Issue, Page, Pages};
use crate::parse::Header;
use crate::parse::dateline::{date_from_file_name, paper_from_file_name};

/// Starts the line that names the next file of a folder issue.
pub const MARK: char = '\u{1c}';

/// Whether `text` is a folder joined by the library.
pub fn is_bundle(text: &str) -> bool {
    text.starts_with(MARK)
}

/// Join files (path inside the folder, sanitised text) into one text.
pub fn join<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut out = String::new();
    for (path, text) in files {
        out.push(MARK);
        out.push_str(&path.replace(['\n', MARK], " "));
        out.push('\n');
        out.push_str(text);
        if !text.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// The files of a joined text: path, text, and where the text starts.
fn split(text: &str) -> Vec<(&str, &str, usize)> {
    let mut files = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let Some(after_mark) = rest.strip_prefix(MARK) else {
            break;
        };
        let line_end = after_mark.find('\n').map_or(after_mark.len(), |n| n);
        let path = &after_mark[..line_end];
        let start = at + MARK.len_utf8() + line_end + 1;
        let end = text[start.min(text.len())..]
            .find(MARK)
            .map_or(text.len(), |n| start + n);
        files.push((path, &text[start.min(end)..end], start.min(end)));
        at = end;
    }
    files
}

/// `05-评论` → page `05` named `评论`: the page a folder inside the issue
/// gives its files.
pub fn folder_page(path: &str) -> Option<Page> {
    let folder = path.rsplit('/').nth(1)?;
    let (number, name) = folder.split_once(['-', '_', ' ']).unwrap_or((folder, ""));
    let number = number.trim();
    let plausible = !number.is_empty()
        && number.len() <= 4
        && number.chars().all(|c| c.is_ascii_alphanumeric())
        && number.chars().any(|c| c.is_ascii_digit());
    plausible.then(|| Page {
        number: number.to_owned(),
        name: Some(name.trim().to_owned()).filter(|n| !n.is_empty()),
    })
}

/// Read a joined folder. `folder_name` (the folder's own name, `2025-01-02`)
/// gives the date when no file does.
pub fn read_issue(text: &str, folder_name: Option<&str>) -> Issue {
    let mut seen = HashMap::new();
    let mut articles = Vec::new();
    let mut pages: Vec<Page> = Vec::new();
    let mut paper = None;
    let mut dates: Vec<Date> = Vec::new();
    for (path, file, base) in split(text) {
        let read = read_article(file, base, folder_page(path), &mut seen);
        if let Some(page) = read.page
            && !pages.iter().any(|p| p.number == page.number)
        {
            pages.push(page);
        }
        if paper.is_none() {
            paper = read.imprint.map(|i| i.paper);
        }
        dates.extend(read.date);
        articles.push(read.article);
    }
    let mut warnings = Vec::new();
    let date = dates
        .first()
        .copied()
        .or_else(|| folder_name.and_then(date_from_file_name));
    if dates.iter().any(|d| Some(*d) != date) {
        warnings.push(t!("sources.dates_differ"));
    }
    let paper = paper
        .or_else(|| folder_name.and_then(paper_from_file_name))
        .unwrap_or_default();
    Issue {
        paper,
        date,
        weekday: None,
        lunar: None,
        pages: (!pages.is_empty()).then_some(Pages {
            count: None,
            list: pages,
        }),
        front: Vec::new(),
        articles,
        warnings,
    }
}

/// The Issues pane's view of a joined folder, from its head.
pub fn read_header(head: &str, folder_name: Option<&str>) -> Header {
    super::header_of(read_issue(head, folder_name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_joined_folder_is_one_issue_in_folder_order() {
        let one = "---\ntitle: 甲\ndate: 2025-01-02\n---\n\n# 甲\n\n> 记者 甲《人民日报》（2025年01月02日第 02 版）\n\n正文一。\n";
        let two = "---\ntitle: 乙\n---\n\n# 乙\n\n正文二。\n";
        let text = join([("02-要闻/甲.md", one), ("05-评论/乙.md", two)]);
        assert!(is_bundle(&text));
        let issue = read_issue(&text, Some("2025-01-02"));
        assert_eq!(issue.paper, "人民日报");
        assert_eq!(issue.date, Date::new(2025, 1, 2));
        let heads: Vec<&str> = issue.articles.iter().map(|a| a.headline.as_str()).collect();
        assert_eq!(heads, ["甲", "乙"]);
        assert_eq!(issue.articles[1].page.as_deref(), Some("05"));
        let pages = issue.pages.unwrap();
        assert_eq!(pages.list[1].name.as_deref(), Some("评论"));
        let body = &issue.articles[1].blocks[0];
        assert_eq!(&text[body.source.clone()], "正文二。");
    }
}
