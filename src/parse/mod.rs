//! From issue text to `model::Issue`, in three layers: `markdown` (Markdown
//! events to raw blocks), `roles` (newspaper semantics on raw blocks, applied
//! in order by `assemble`, with `dateline` and `words` for the line under
//! the masthead) and `mend` (repairing what page layout broke).

mod assemble;
mod bare;
pub mod dateline;
pub mod markdown;
pub mod mend;
pub mod roles;
mod words;

use std::collections::HashMap;

use crate::model::{Article, Date, Issue, Pages};
use assemble::Head;
use markdown::RawBlock;

pub use bare::link_bare;

/// What the Issues pane needs, read from the head of a file without parsing
/// the whole issue.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Header {
    pub paper: Option<String>,
    pub date: Option<Date>,
    pub weekday: Option<String>,
    pub lunar: Option<String>,
    pub pages: Option<u32>,
}

/// Parse a whole issue. `file_name` supplies the paper name or date when the
/// text has none.
pub fn parse_issue(text: &str, file_name: Option<&str>) -> Issue {
    let blocks = markdown::raw_blocks(text);
    let head = assemble::find_head(&blocks);
    let mut warnings = Vec::new();
    let header = header_of(&blocks, &head, file_name, Some(&mut warnings));
    let (front, drafts) = assemble::articles(&blocks, &head);
    let mut seen: HashMap<u32, usize> = HashMap::new();
    let articles: Vec<Article> = drafts
        .into_iter()
        .map(|draft| {
            warnings.extend(assemble::article_warnings(&draft.headline, &draft.parts));
            let blocks = mend::mend_parts(draft.parts);
            Article {
                id: article_id(header.date, None, &draft.headline, &mut seen),
                kicker: draft.kicker,
                headline: draft.headline,
                deck: draft.deck,
                byline: draft.byline,
                page: None,
                blocks,
                head_links: draft.head_links,
            }
        })
        .collect();
    if articles.is_empty() {
        warnings.push("no articles found".to_owned());
    }
    Issue {
        paper: header.paper.unwrap_or_default(),
        date: header.date,
        weekday: header.weekday,
        lunar: header.lunar,
        pages: header.pages.map(Pages::counted),
        front,
        articles,
        warnings,
    }
}

/// A head shorter than this is a whole file (see `parse_header`).
pub const WHOLE_FILE_BELOW: usize = 4000;

/// The masthead and date line from the first few kilobytes of an issue.
///
/// `head` may be cut anywhere. A last line without a line end is taken as
/// cut and ignored (a cut `农历壬寅年正月十三` would read as another day),
/// unless the head is shorter than `WHOLE_FILE_BELOW`: the library reads
/// 8 KiB, which decodes to at least 4 KiB, so a shorter head is a whole file.
pub fn parse_header(head: &str, file_name: Option<&str>) -> Header {
    let complete = if head.ends_with('\n') || head.len() < WHOLE_FILE_BELOW {
        head
    } else {
        head.rfind('\n').map_or("", |at| &head[..at + 1])
    };
    let blocks = markdown::raw_blocks(head_region(complete));
    let found = assemble::find_head(&blocks);
    header_of(&blocks, &found, file_name, None)
}

/// The lines that can hold the masthead and date line: through the first
/// `## ` headline, at most `HEAD_LINES` non-blank lines. A library lists
/// thousands of files; Markdown-parsing a whole 8 KiB head each time is waste.
fn head_region(text: &str) -> &str {
    const HEAD_LINES: usize = 24;
    let mut end = 0;
    let mut lines = 0;
    for line in text.split_inclusive('\n') {
        end += line.len();
        lines += usize::from(!line.trim().is_empty());
        if line.starts_with("## ") || lines >= HEAD_LINES {
            break;
        }
    }
    &text[..end]
}

fn header_of(
    blocks: &[RawBlock],
    head: &Head,
    file_name: Option<&str>,
    mut warnings: Option<&mut Vec<String>>,
) -> Header {
    let mut warn = |message: &str| {
        if let Some(list) = warnings.as_deref_mut() {
            list.push(message.to_owned());
        }
    };
    let paper = match head.masthead {
        Some(index) => Some(blocks[index].text.trim().to_owned()),
        None => {
            let paper = file_name.and_then(dateline::paper_from_file_name);
            warn(match paper {
                Some(_) => "no masthead: the paper's name is taken from the file name",
                None => "no masthead and no file name: the paper is unnamed",
            });
            paper
        }
    };
    let line = head
        .date_line
        .as_ref()
        .map(|(_, line, _)| line.clone())
        .unwrap_or_default();
    let mut date = line.date;
    if date.is_none() {
        date = file_name.and_then(dateline::date_from_file_name);
        warn(match date {
            Some(_) => "no date in the text: the date is taken from the file name",
            None => "no date in the text or the file name",
        });
    }
    Header {
        paper,
        date,
        weekday: line.weekday,
        lunar: line.lunar,
        pages: line.pages,
    }
}

/// 64-bit FNV-1a: a small, stable hash (std's hasher may change between releases).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `2022-02-13-1a2b3c4d`: date, page when known, and a hash of the headline,
/// so an id survives edits elsewhere in the file; a repeated headline gets
/// `-2`, `-3`… in order.
pub fn article_id(
    date: Option<Date>,
    page: Option<&str>,
    headline: &str,
    seen: &mut HashMap<u32, usize>,
) -> String {
    let wide = fnv1a(headline.as_bytes());
    // Fold the high half in so both halves count; dropping to 32 bits is the point.
    let hash = (wide ^ (wide >> 32)) as u32;
    let date = date.map_or_else(|| "undated".to_owned(), |d| d.to_string());
    let page = page.map(|p| format!("-p{p}")).unwrap_or_default();
    let count = seen.entry(hash).or_insert(0);
    *count += 1;
    match *count {
        1 => format!("{date}{page}-{hash:08x}"),
        n => format!("{date}{page}-{hash:08x}-{n}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_reference_vectors() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn ids_are_stable_and_repeats_are_numbered() {
        let date = Date::new(2022, 2, 13);
        let mut seen = HashMap::new();
        let a = article_id(date, None, "标题", &mut seen);
        let b = article_id(date, None, "标题", &mut seen);
        assert!(a.starts_with("2022-02-13-"), "{a}");
        assert_eq!(b, format!("{a}-2"));
        let page = article_id(date, Some("A4"), "Other", &mut HashMap::new());
        assert!(page.starts_with("2022-02-13-pA4-"), "{page}");
        assert!(article_id(None, None, "x", &mut seen).starts_with("undated-"));
    }

    #[test]
    fn a_cut_head_never_gives_another_day() {
        let full = format!(
            "# 报\n\n2022年2月13日 星期日 农历壬寅年正月十三 今日四版\n\n{}",
            "正文。".repeat(400)
        );
        let cut_at = full.find("十三").unwrap() + "十".len();
        let mut head = full[..cut_at].to_owned();
        head.insert_str(0, &"\n".repeat(WHOLE_FILE_BELOW));
        let header = parse_header(&head, None);
        assert_eq!(header.lunar, None);
        let whole = parse_header(&full, None);
        assert_eq!(whole.lunar.as_deref(), Some("农历壬寅年正月十三"));
        assert_eq!(whole.paper.as_deref(), Some("报"));
        assert_eq!(whole.pages, Some(4));
    }
}
