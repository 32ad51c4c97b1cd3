//! OCR page dumps: the UNESCO Courier's OCR text, tagged for article
//! segmentation.
//!
//! ```text
//! # [012656](012656engo.pdf) 0          the document
//! ## [Page 12](012656engo.pdf#page=12) 0  a printed page: a page break
//! ### 14257: Ungathered harvests…         an article, repeated on each page it spans
//! ### IGNORE                              text no indexed article holds
//! ```
//!
//! Only those marker lines are structure. Everything else is OCR text and
//! is read line by line, never as Markdown: a stray `=` under a line of
//! debris is not a heading, a `- ` is a dash. Text under `### IGNORE`
//! (covers, mastheads, contents, captions, noise) is not an article of the
//! index, but nothing is lost: each page's such text is an "Unindexed text"
//! article on its page.

mod furniture;
mod hyphen;
mod paragraphs;

use crate::i18n::t;
use std::collections::{HashMap, HashSet};

pub use hyphen::{Join, Words, evidence, hyphen_end, rule};

use super::Header;
use crate::model::{Article, Issue, Page, Pages};
use paragraphs::{Builder, Line};

/// The headline of the text on a page that no indexed article holds.
pub const UNINDEXED: &str = "Unindexed text";
/// A warning quotes at most this many characters of the source.
const QUOTE_CHARS: usize = 80;

use super::clean as safe;

/// A marker line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker<'a> {
    Document(&'a str),
    Page(&'a str),
    Ignore,
    Article { id: &'a str, title: &'a str },
}

/// `label](…`: the label of a Markdown link whose `[` is already read.
fn linked(rest: &str) -> Option<&str> {
    let (label, tail) = rest.split_once(']')?;
    let plain = !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric());
    (plain && tail.starts_with('(')).then_some(label)
}

fn marker(line: &str) -> Option<Marker<'_>> {
    let line = line.trim_end();
    if let Some(rest) = line.strip_prefix("## [Page ") {
        return linked(rest).map(Marker::Page);
    }
    if let Some(rest) = line.strip_prefix("### ") {
        if rest.trim() == "IGNORE" {
            return Some(Marker::Ignore);
        }
        let (id, title) = rest.split_once(':')?;
        let numeric = !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit());
        return numeric.then(|| Marker::Article {
            id,
            title: title.trim(),
        });
    }
    line.strip_prefix("# [")
        .and_then(linked)
        .map(Marker::Document)
}

/// Whether `text` is an OCR page dump: it opens with a document marker and
/// has page markers.
pub fn is_ocr_pages(text: &str) -> bool {
    let first = text.lines().find(|l| !l.trim().is_empty());
    first
        .and_then(marker)
        .is_some_and(|m| matches!(m, Marker::Document(_)))
        && text.contains("\n## [Page ")
}

/// One article's or one page's unindexed text: its lines, page by page.
struct Draft<'a> {
    id: Option<&'a str>,
    headline: &'a str,
    /// (page index, lines) in reading order.
    runs: Vec<(usize, Vec<Line<'a>>)>,
}

/// What the markers say: pages, drafts, and the paper's document id.
struct Scan<'a> {
    document: Option<&'a str>,
    pages: Vec<&'a str>,
    drafts: Vec<Draft<'a>>,
}

fn scan(text: &str) -> Scan<'_> {
    let mut scan = Scan {
        document: None,
        pages: Vec::new(),
        drafts: Vec::new(),
    };
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    // The draft lines go to now; `None` before any marker says.
    let mut current: Option<usize> = None;
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let line = Line {
            text: raw.trim_end(),
            start,
        };
        start += raw.len();
        let page = scan.pages.len().saturating_sub(1);
        match marker(line.text) {
            Some(Marker::Document(id)) if scan.document.is_none() => scan.document = Some(id),
            Some(Marker::Page(label)) => {
                scan.pages.push(label);
                current = None;
            }
            Some(Marker::Ignore) => current = Some(new_draft(&mut scan.drafts, None, UNINDEXED)),
            Some(Marker::Article { id, title }) => {
                let index = *by_id
                    .entry(id)
                    .or_insert_with(|| new_draft(&mut scan.drafts, Some(id), title));
                current = Some(index);
            }
            Some(Marker::Document(_)) | None => {
                if line.text.trim().is_empty() && current.is_none() {
                    continue;
                }
                let index =
                    *current.get_or_insert_with(|| new_draft(&mut scan.drafts, None, UNINDEXED));
                let runs = &mut scan.drafts[index].runs;
                match runs.last_mut() {
                    Some((at, lines)) if *at == page => lines.push(line),
                    _ => runs.push((page, vec![line])),
                }
            }
        }
    }
    scan
}

fn new_draft<'a>(drafts: &mut Vec<Draft<'a>>, id: Option<&'a str>, headline: &'a str) -> usize {
    drafts.push(Draft {
        id,
        headline,
        runs: Vec::new(),
    });
    drafts.len() - 1
}

/// The lines `read` leaves out of the text as page furniture (page numbers,
/// running heads), by their start offset in `text`.
pub fn furniture(text: &str) -> Vec<usize> {
    let scan = scan(text);
    let mut starts: Vec<usize> = furniture_of(&scan).into_iter().collect();
    starts.sort_unstable();
    starts
}

fn furniture_of(scan: &Scan<'_>) -> HashSet<usize> {
    let mut pages: Vec<furniture::PageLines<'_>> = vec![Vec::new(); scan.pages.len().max(1)];
    for draft in &scan.drafts {
        for (page, lines) in &draft.runs {
            let non_blank = lines.iter().filter(|l| !l.text.trim().is_empty());
            pages[*page].extend(non_blank.map(|l| (l.start, l.text)));
        }
    }
    for lines in &mut pages {
        lines.sort_unstable_by_key(|&(start, _)| start);
    }
    furniture::find(&pages, &scan.pages)
}

/// The number of characters in a usual text line of these lines: the median
/// of the lines long enough to be text.
fn usual_line(lines: &[Line<'_>]) -> usize {
    let mut lengths: Vec<usize> = (lines.iter())
        .map(|l| l.text.trim().chars().count())
        .filter(|&n| n >= 12)
        .collect();
    lengths.sort_unstable();
    lengths.get(lengths.len() / 2).copied().unwrap_or(0)
}

/// Read an OCR page dump. `file_name` names the paper when the text does not.
pub fn read(text: &str, file_name: Option<&str>) -> Issue {
    let scan = scan(text);
    let dropped = furniture_of(&scan);
    let words = Words::of(text);
    let mut warnings = Vec::new();
    let mut seen = HashMap::new();
    let articles: Vec<Article> = (scan.drafts.iter())
        .filter(|draft| draft.id.is_some() || draft.runs.iter().any(|(_, l)| has_text(l, &dropped)))
        .map(|draft| {
            let mut builder = Builder::new(&words);
            for (run, (page, lines)) in draft.runs.iter().enumerate() {
                if run > 0 {
                    builder.page_break();
                }
                builder.set_usual(usual_line(lines));
                let label = scan.pages.get(*page).copied().unwrap_or("");
                // Blank lines at a page's edges are no paragraph break: the
                // text may go on over the page.
                let kept: Vec<Line<'_>> = (lines.iter().copied())
                    .filter(|l| !dropped.contains(&l.start))
                    .collect();
                let text = |l: &Line<'_>| !l.text.trim().is_empty();
                let first = kept.iter().position(text).unwrap_or(kept.len());
                let last = kept.iter().rposition(text).map_or(first, |at| at + 1);
                for &line in &kept[first..last] {
                    if line.text.trim().is_empty() {
                        builder.blank();
                    } else if !builder.jump(line, label) {
                        builder.line(line);
                    }
                }
            }
            let page = draft.runs.first().and_then(|(p, _)| scan.pages.get(*p));
            let page = page.map(|p| (*p).to_owned());
            let headline = safe(draft.headline);
            if headline.is_empty() {
                let marker = quote(draft.id.unwrap_or(""));
                warnings.push(t!("sources.marker_untitled", marker = marker));
            }
            Article {
                id: crate::parse::article_id(None, page.as_deref(), &headline, &mut seen),
                kicker: None,
                headline,
                deck: None,
                byline: None,
                page,
                blocks: builder.finish(),
                head_links: Vec::new(),
            }
        })
        .collect();
    if !dropped.is_empty() {
        warnings.push(t!("sources.running_heads", n = dropped.len()));
    }
    Issue {
        paper: paper(text, scan.document, file_name),
        date: None,
        weekday: None,
        lunar: None,
        pages: pages_of(&scan.pages),
        front: Vec::new(),
        articles,
        warnings,
    }
}

/// Every page a marker names, in order: the dump is the whole issue.
fn pages_of(labels: &[&str]) -> Option<Pages> {
    let mut list: Vec<Page> = Vec::new();
    for label in labels {
        if list.iter().all(|p| p.number != *label) {
            list.push(Page {
                number: safe(label),
                name: None,
            });
        }
    }
    (!list.is_empty()).then(|| Pages {
        count: u32::try_from(labels.len()).ok(),
        list,
    })
}

/// What the Issues pane needs, from the head of a dump (cut anywhere).
pub fn header(head: &str, file_name: Option<&str>) -> Header {
    let document = head.lines().find_map(marker).and_then(|m| match m {
        Marker::Document(id) => Some(id),
        _ => None,
    });
    Header {
        paper: Some(paper(head, document, file_name)),
        ..Header::default()
    }
}

fn has_text(lines: &[Line<'_>], dropped: &HashSet<usize>) -> bool {
    lines
        .iter()
        .any(|l| !l.text.trim().is_empty() && !dropped.contains(&l.start))
}

/// How much of a dump names its paper: what the library's header read
/// holds, so the Issues pane and the opened issue agree.
const PAPER_HEAD: usize = 8 * 1024;

/// The Courier names itself in its masthead and running heads on the first
/// pages; another dump is named by its document id, then its file.
fn paper(text: &str, document: Option<&str>, file_name: Option<&str>) -> String {
    let mut end = text.len().min(PAPER_HEAD);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if text[..end].to_ascii_lowercase().contains("courier") {
        return "The UNESCO Courier".to_owned();
    }
    match (document, file_name) {
        (Some(id), _) => safe(&format!("Document {id}")),
        (None, Some(name)) => safe(name),
        (None, None) => String::new(),
    }
}

/// At most `QUOTE_CHARS` characters of `text`, for a warning.
fn quote(text: &str) -> String {
    let mut quoted: String = text.chars().take(QUOTE_CHARS).collect();
    if quoted.len() < text.len() {
        quoted.pop();
        quoted.push('…');
    }
    safe(&quoted)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DUMP: &str = "# [012656](012656engo.pdf) 0\n\n## [Page 1](x.pdf#page=1) 0\n\n### IGNORE\n\nCover noise\n=\n\n## [Page 2](x.pdf#page=2) 0\n\n### 14257: Ocean harvests\n\n2 \nThe fishing ser-\nvice grew.\n\n## [Page 3](x.pdf#page=3) 0\n\n### 14257: Ocean harvests\n\nand grew again.\n3\n";

    #[test]
    fn markers_make_pages_and_articles_that_continue() {
        let issue = read(DUMP, None);
        assert_eq!(issue.pages.as_ref().and_then(|p| p.known_count()), Some(3));
        let heads: Vec<&str> = issue.articles.iter().map(|a| a.headline.as_str()).collect();
        assert_eq!(heads, [UNINDEXED, "Ocean harvests"]);
        let ocean = &issue.articles[1];
        assert_eq!(ocean.page.as_deref(), Some("2"));
        let texts: Vec<&str> = ocean.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["The fishing service grew. and grew again."]);
        assert_eq!(issue.articles[0].blocks[0].text, "Cover noise =");
    }

    #[test]
    fn only_the_marker_shapes_are_structure() {
        assert_eq!(
            marker("## [Page 12](a.pdf#page=12) 0"),
            Some(Marker::Page("12"))
        );
        assert_eq!(marker("### IGNORE "), Some(Marker::Ignore));
        assert_eq!(
            marker("### 16256: United Nations Day, 1966: the world's refugees"),
            Some(Marker::Article {
                id: "16256",
                title: "United Nations Day, 1966: the world's refugees"
            })
        );
        assert_eq!(marker("# technological change in under-developed"), None);
        assert_eq!(marker("### Something else"), None);
        assert!(is_ocr_pages(DUMP));
        assert!(!is_ocr_pages("# 报\n\n## [Page 1](x) 0\n"));
    }

    #[test]
    fn a_warning_quotes_a_short_excerpt() {
        let long = "x".repeat(500);
        assert_eq!(quote(&long).chars().count(), QUOTE_CHARS);
    }
}
