//! One article per file, as the People's Daily archive of 1946–2003
//! (fangj/rmrb) keeps it:
//!
//! ```text
//! ### 新华书店将出三种期刊      the headline
//!
//! 1946-05-15                  the date
//! 第2版()                     the page, its name in the parentheses when known
//! 专栏：                      the column (专栏), often empty
//!
//! 　　新华书店将出三种期刊      the headline again, as the page printed it
//!     【本市消息】华北新华书店…  one paragraph per line
//! ```
//!
//! The archive holds People's Daily only and its files never name the
//! paper, so the shape names it. A folder of such files is one issue per
//! date (the folder reader's concern); a file alone is an issue of one article.

use std::collections::HashMap;

use super::{Header, clean};
use crate::model::{Article, Block, BlockKind, Date, Issue, Page, Pages};
use crate::parse::dateline::date_from_file_name;

/// The paper of this archive.
pub const PAPER: &str = "人民日报";
/// How many non-blank lines after the headline may hold the date, page and
/// column lines.
const HEAD_LINES: usize = 4;

/// `第2版()`, `第1版(要闻)`: the page number and name.
fn page_line(line: &str) -> Option<(String, Option<String>)> {
    let rest = line.trim().strip_prefix('第')?;
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = rest[digits..].strip_prefix('版')?;
    let name = match after.trim() {
        "" => None,
        named => {
            let inner = named
                .strip_prefix(['(', '（'])
                .and_then(|n| n.strip_suffix([')', '）']))?;
            Some(inner.trim()).filter(|n| !n.is_empty()).map(clean)
        }
    };
    (digits > 0).then(|| (rest[..digits].to_owned(), name))
}

/// `1946-05-15` alone on its line.
fn date_line(line: &str) -> Option<Date> {
    let line = line.trim();
    let shaped = line.len() == 10 && line.as_bytes()[4] == b'-' && line.as_bytes()[7] == b'-';
    shaped.then(|| date_from_file_name(line)).flatten()
}

/// `专栏：…`: the column's name, `None` when the line is empty of one.
fn column_line(line: &str) -> Option<Option<String>> {
    let rest = line.trim().strip_prefix("专栏")?;
    let name = rest.trim_start_matches(['：', ':']).trim();
    Some((!name.is_empty()).then(|| clean(name)))
}

/// The head: headline, date, page and column, and the line after them.
struct Head {
    headline: String,
    date: Date,
    page: (String, Option<String>),
    column: Option<String>,
    /// Byte offset where the body starts.
    body: usize,
}

fn head(text: &str) -> Option<Head> {
    let mut lines = text.split_inclusive('\n').scan(0, |at, line| {
        let start = *at;
        *at += line.len();
        Some((start, line))
    });
    let (_, first) = lines.by_ref().find(|(_, l)| !l.trim().is_empty())?;
    let headline = first.trim_start_matches('#');
    if headline.len() == first.len() || !headline.starts_with(' ') {
        return None;
    }
    let (mut date, mut page, mut column, mut body) = (None, None, None, text.len());
    for (start, line) in lines.filter(|(_, l)| !l.trim().is_empty()).take(HEAD_LINES) {
        if let Some(found) = date_line(line).filter(|_| date.is_none()) {
            date = Some(found);
        } else if let Some(found) = page_line(line).filter(|_| page.is_none()) {
            page = Some(found);
        } else if let Some(found) = column_line(line).filter(|_| column.is_none()) {
            column = Some(found);
        } else {
            body = start;
            break;
        }
    }
    Some(Head {
        headline: clean(headline.trim()),
        date: date?,
        page: page?,
        column: column.flatten(),
        body,
    })
}

/// Whether `text` is an archive article: a heading, then a date line and a
/// `第N版` line.
pub fn is_archive_article(text: &str) -> bool {
    head(text).is_some()
}

/// What the Issues pane needs.
pub fn header(head_text: &str, file_name: Option<&str>) -> Header {
    match head(head_text) {
        Some(head) => Header {
            paper: Some(PAPER.to_owned()),
            date: Some(head.date),
            ..Header::default()
        },
        None => super::markdown::read_header(head_text, file_name),
    }
}

/// Read an archive article. `file_name` is used only when the text is not
/// of this shape after all.
pub fn read(text: &str, file_name: Option<&str>) -> Issue {
    let Some(head) = head(text) else {
        return super::markdown::read_issue(text, file_name);
    };
    let mut blocks = Vec::new();
    let mut start = head.body;
    for line in text[head.body..].split_inclusive('\n') {
        let trimmed = line.trim_matches(|c: char| c.is_whitespace());
        let offset = line.find(trimmed).unwrap_or(0);
        let source = start + offset..start + offset + trimmed.len();
        start += line.len();
        // The headline as the page printed it, over the body: said once.
        if trimmed.is_empty() || (blocks.is_empty() && trimmed == head.headline) {
            continue;
        }
        blocks.push(Block {
            kind: BlockKind::Paragraph,
            text: clean(trimmed),
            source,
            links: Vec::new(),
        });
    }
    let (number, name) = head.page;
    let id = crate::parse::article_id(
        Some(head.date),
        Some(&number),
        &head.headline,
        &mut HashMap::new(),
    );
    let article = Article {
        id,
        kicker: head.column,
        headline: head.headline,
        deck: None,
        byline: None,
        page: Some(number.clone()),
        blocks,
        head_links: Vec::new(),
    };
    Issue {
        paper: PAPER.to_owned(),
        date: Some(head.date),
        weekday: None,
        lunar: None,
        pages: Some(Pages {
            count: None,
            list: vec![Page { number, name }],
        }),
        front: Vec::new(),
        articles: vec![article],
        warnings: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "### 新华书店将出三种期刊\n\n1946-05-15\n第2版()\n专栏：\n\n　　新华书店将出三种期刊\n    【本市消息】华北新华书店近拟再编辑发行三种期刊。\n    后两者均为小型杂志。\n";

    #[test]
    fn the_head_lines_are_date_page_and_column() {
        let issue = read(FILE, Some("1946-05-15_新华书店将出三种期刊.md"));
        assert_eq!(issue.paper, PAPER);
        assert_eq!(issue.date, Date::new(1946, 5, 15));
        let article = &issue.articles[0];
        assert_eq!(article.headline, "新华书店将出三种期刊");
        assert_eq!(article.page.as_deref(), Some("2"));
        assert_eq!(article.kicker, None);
        let texts: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "【本市消息】华北新华书店近拟再编辑发行三种期刊。",
                "后两者均为小型杂志。"
            ]
        );
        assert_eq!(
            &FILE[article.blocks[1].source.clone()],
            "后两者均为小型杂志。"
        );
        assert!(is_archive_article(FILE));
        assert!(!is_archive_article("### 标题\n\n正文。\n"));
    }

    #[test]
    fn a_named_page_and_column() {
        assert_eq!(
            page_line("第1版(要闻)"),
            Some(("1".into(), Some("要闻".into())))
        );
        assert_eq!(page_line("第12版（）"), Some(("12".into(), None)));
        assert_eq!(page_line("第版()"), None);
        assert_eq!(column_line("专栏：读者来信"), Some(Some("读者来信".into())));
        assert_eq!(column_line("专栏："), Some(None));
        let header = header(FILE, None);
        assert_eq!(header.date, Date::new(1946, 5, 15));
    }
}
