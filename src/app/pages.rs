//! An issue's pages (版面) as the reader meets them: the label a page
//! goes by (`第1版 要闻`, `Page 3`), where each page starts in the
//! Headlines list, which rows of that list its page headers take, and `[`
//! / `]` from page to page. The screen, the mouse and `dump` all ask here,
//! so a header is drawn, clicked past and printed the same way.

use ratatui::layout::Rect;

use super::App;
use crate::geometry;
use crate::i18n::t;
use crate::model::Issue;
use crate::typeset::classes::{is_han, is_kana_or_hangul};

/// How a page is named for the reader: `第1版 要闻` in a Chinese paper,
/// `1面 総合` in a Japanese one (kana in the paper's or page's name),
/// `Page 3 · Sport` in any other. Leading zeros go (`01` → `第1版`): they
/// are how a feed sorts pages, not how the paper prints them.
pub fn page_label(issue: &Issue, number: &str) -> String {
    // A jump line's `2` names the feed's page `02`.
    let name = (issue.pages.as_ref())
        .and_then(|p| {
            let key = page_key(number);
            p.get(number)
                .or_else(|| p.list.iter().find(|q| page_key(&q.number) == key))
        })
        .and_then(|p| p.name.as_deref())
        .filter(|n| !n.trim().is_empty());
    let shown = printed_number(number);
    let written = |s: &str| s.chars().any(is_han);
    let kana = |s: &str| s.chars().any(is_kana_or_hangul);
    let script = [issue.paper.as_str(), name.unwrap_or_default()];
    if script.iter().any(|s| kana(s)) {
        return match name {
            Some(name) => format!("{shown}面 {name}"),
            None => format!("{shown}面"),
        };
    }
    if script.iter().any(|s| written(s)) {
        return match name {
            Some(name) => format!("第{shown}版 {name}"),
            None => format!("第{shown}版"),
        };
    }
    match name {
        Some(name) => format!("Page {shown} · {name}"),
        None => format!("Page {shown}"),
    }
}

/// A page number as printed: `01` → `1`, `A04` → `A4`; others as they are.
fn printed_number(number: &str) -> String {
    let number = number.trim();
    let letters = number.len()
        - number
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .len();
    let (prefix, digits) = number.split_at(letters);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return number.to_owned();
    }
    let trimmed = digits.trim_start_matches('0');
    let trimmed = if trimmed.is_empty() { "0" } else { trimmed };
    format!("{prefix}{trimmed}")
}

/// A page number reduced so that the forms one page goes by compare equal:
/// `02`, `2` and `二` (a jump line's `(下转二版)`) are one page.
pub fn page_key(number: &str) -> String {
    let printed = printed_number(number);
    chinese_numeral(&printed).map_or(printed, |n| n.to_string())
}

/// `二` → 2, `十二` → 12, `二十` → 20: the numerals page numbers use.
fn chinese_numeral(text: &str) -> Option<u32> {
    const DIGITS: &str = "零一二三四五六七八九";
    let digit = |c: char| DIGITS.chars().position(|d| d == c).map(|n| n as u32);
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [d] => digit(*d),
        ['十', d] => Some(10 + digit(*d)?),
        [t, '十'] => Some(10 * digit(*t)?),
        [t, '十', d] => Some(10 * digit(*t)? + digit(*d)?),
        _ => None,
    }
}

/// The page article `index` is on, when the issue lists its pages (an
/// issue that only counts them, `今日四版`, groups nothing).
pub fn page_of(issue: &Issue, index: usize) -> Option<&str> {
    let listed = issue.pages.as_ref().is_some_and(|p| !p.list.is_empty());
    let page = issue.articles.get(index)?.page.as_deref();
    page.filter(|_| listed)
}

/// The page article `index` opens: the first article, or one on another
/// page than the article before it. `None` when it goes on with the page.
pub fn opens_page(issue: &Issue, index: usize) -> Option<&str> {
    let page = page_of(issue, index)?;
    let before = index.checked_sub(1).and_then(|i| page_of(issue, i));
    (before != Some(page)).then_some(page)
}

/// What a row group of the Headlines list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadlineRow {
    /// The header of the page article `.0` is on: dim, never selected.
    Page(usize),
    /// Article `.0`.
    Article(usize),
}

/// A row group of the Headlines list and the screen rows it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeadlineSlot {
    pub row: HeadlineRow,
    pub area: Rect,
}

/// Rows a header takes above the article at `index` when `index` is the
/// first shown (`first`): the page of the top article is always named, so
/// the reader knows where the list starts; further down, only where a page
/// begins.
fn header_rows(issue: &Issue, index: usize, first: bool) -> usize {
    let shown = if first {
        page_of(issue, index).is_some()
    } else {
        opens_page(issue, index).is_some()
    };
    usize::from(shown)
}

/// The first article to show so that `selected` is visible in `rows` rows
/// of `item_height` rows per article, page headers taking one row each,
/// moving `top` as little as possible. Costs O(rows²) at most, whatever
/// the issue's size.
pub fn headline_window(
    issue: &Issue,
    selected: usize,
    top: usize,
    rows: usize,
    item_height: usize,
) -> usize {
    if rows == 0 || selected < top {
        return selected;
    }
    let item_height = item_height.max(1);
    let used = |top: usize| {
        let headers: usize = (top..=selected)
            .map(|i| header_rows(issue, i, i == top))
            .sum();
        headers + (selected - top + 1) * item_height
    };
    // Each article takes a row at least: one further up cannot share the screen.
    let mut top = top.max(selected.saturating_sub(rows));
    while top < selected && used(top) > rows {
        top += 1;
    }
    top
}

/// The Headlines list drawn from article `top` into `content` (the pane
/// inside its title): page headers and articles, top to bottom, as many
/// as fit whole. Only the rows on screen are visited.
pub fn headline_slots(
    issue: &Issue,
    top: usize,
    content: Rect,
    item_height: u16,
) -> Vec<HeadlineSlot> {
    let mut slots = Vec::new();
    let mut y = content.y;
    let bottom = content.bottom();
    let row = |y: u16, height: u16| Rect {
        y,
        height,
        ..content
    };
    for index in top..issue.articles.len() {
        if header_rows(issue, index, index == top) > 0 {
            if y >= bottom {
                break;
            }
            slots.push(HeadlineSlot {
                row: HeadlineRow::Page(index),
                area: row(y, 1),
            });
            y += 1;
        }
        if y.saturating_add(item_height) > bottom {
            break;
        }
        slots.push(HeadlineSlot {
            row: HeadlineRow::Article(index),
            area: row(y, item_height),
        });
        y += item_height;
    }
    slots
}

impl App {
    /// The first article the Headlines list in `pane` shows: the kept top,
    /// moved as little as keeps the selection on screen.
    pub fn headlines_window(&self, pane: Rect) -> usize {
        let content = geometry::content_rect(pane);
        let item = geometry::item_height(pane);
        let selected = self.place.article;
        let top = self.screen.headlines_top;
        match self.current_issue() {
            Some(issue) => headline_window(
                issue,
                selected,
                top,
                usize::from(content.height),
                usize::from(item),
            ),
            None => geometry::window(selected, top, geometry::list_capacity(pane)),
        }
    }

    /// What the Headlines list in `pane` shows, row by row: the drawing
    /// and the mouse both read it.
    pub fn headline_slots(&self, pane: Rect) -> Vec<HeadlineSlot> {
        let Some(issue) = self.current_issue() else {
            return Vec::new();
        };
        let top = self.headlines_window(pane);
        headline_slots(
            issue,
            top,
            geometry::content_rect(pane),
            geometry::item_height(pane),
        )
    }

    /// `]` (`step` 1) or `[` (-1): the first article of the next or
    /// previous page, in the order the issue lists its pages.
    pub(super) fn step_page(&mut self, step: isize) {
        let Some(issue) = self.current_issue() else {
            return;
        };
        let Some(pages) = issue.pages.as_ref().filter(|p| !p.list.is_empty()) else {
            self.screen.notice = Some(t!("notice.no_pages"));
            return;
        };
        let current = page_of(issue, self.place.article);
        let at = current.and_then(|c| pages.list.iter().position(|p| p.number == c));
        // An article without a page is before the first page for `]`.
        let order: Vec<usize> = match (at, step > 0) {
            (Some(at), true) => (at + 1..pages.list.len()).collect(),
            (Some(at), false) => (0..at).rev().collect(),
            (None, true) => (0..pages.list.len()).collect(),
            (None, false) => Vec::new(),
        };
        let first_on =
            |number: &str| (issue.articles.iter()).position(|a| a.page.as_deref() == Some(number));
        let found = order
            .into_iter()
            .find_map(|p| first_on(&pages.list[p].number));
        match found {
            Some(article) => {
                let issue_index = self.place.issue;
                self.select(issue_index, article);
                self.place_at_top();
            }
            None => {
                let label = current.map(|c| page_label(issue, c)).unwrap_or_default();
                let which = if step > 0 {
                    "notice.last_page"
                } else {
                    "notice.first_page"
                };
                let notice = t!(which, label = label).trim().to_owned();
                self.screen.notice = Some(notice);
            }
        }
    }

    /// The page the current article is on, as the status bar names it.
    pub fn current_page_label(&self) -> Option<String> {
        let issue = self.current_issue()?;
        page_of(issue, self.place.article).map(|number| page_label(issue, number))
    }

    /// Show the selected article from its headline: going to a page is
    /// going to the top of its first article.
    fn place_at_top(&mut self) {
        self.ensure_view();
        let article = self.current_article().cloned();
        if let (Some(view), Some(article)) = (self.place.view.as_mut(), article) {
            view.top = 0;
            view.anchor = view.position(&article);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Page, Pages};

    fn article(page: Option<&str>) -> Article {
        Article {
            id: String::new(),
            kicker: None,
            headline: "h".to_owned(),
            deck: None,
            byline: None,
            page: page.map(str::to_owned),
            blocks: Vec::new(),
            head_links: Vec::new(),
        }
    }

    fn issue(paper: &str, pages: &[(&str, Option<&str>)], on: &[&str]) -> Issue {
        let mut issue = crate::app::empty_issue(paper.to_owned());
        issue.pages = Some(Pages {
            count: None,
            list: (pages.iter())
                .map(|(n, name)| Page {
                    number: (*n).to_owned(),
                    name: name.map(str::to_owned),
                })
                .collect(),
        });
        issue.articles = on.iter().map(|p| article(Some(p))).collect();
        issue
    }

    #[test]
    fn labels_follow_the_paper_s_script() {
        let rmrb = issue("人民日报", &[("01", Some("要闻")), ("05", None)], &[]);
        assert_eq!(page_label(&rmrb, "01"), "第1版 要闻");
        assert_eq!(page_label(&rmrb, "05"), "第5版");
        let courier = issue(
            "The UNESCO Courier",
            &[("3", None), ("A04", Some("Sport"))],
            &[],
        );
        assert_eq!(page_label(&courier, "3"), "Page 3");
        assert_eq!(page_label(&courier, "A04"), "Page A4 · Sport");
        let kana = issue("しんぶん赤旗", &[("2", None)], &[]);
        assert_eq!(page_label(&kana, "2"), "2面");
    }

    #[test]
    fn keys_make_the_forms_of_one_page_equal() {
        assert_eq!(page_key("02"), page_key("2"));
        assert_eq!(page_key("二"), "2");
        assert_eq!(page_key("十二"), "12");
        assert_eq!(page_key("二十"), "20");
        assert_eq!(page_key("A04"), "A4");
        assert_ne!(page_key("12"), page_key("2"));
    }

    #[test]
    fn headers_open_pages_and_the_window_counts_them() {
        let paged = issue(
            "人民日报",
            &[("1", None), ("2", None)],
            &["1", "1", "2", "2"],
        );
        let opened: Vec<_> = (0..4).map(|i| opens_page(&paged, i)).collect();
        assert_eq!(opened, [Some("1"), None, Some("2"), None]);
        // Header, two articles, header, article: five rows hold articles 0..=2.
        assert_eq!(headline_window(&paged, 2, 0, 5, 1), 0);
        // Four rows do not: from article 1, its page's header is drawn above it.
        assert_eq!(headline_window(&paged, 2, 0, 4, 1), 1);
        let slots = headline_slots(&paged, 1, Rect::new(0, 0, 10, 4), 1);
        let rows: Vec<_> = slots.iter().map(|s| s.row).collect();
        use HeadlineRow::{Article as A, Page as P};
        assert_eq!(rows, [P(1), A(1), P(2), A(2)]);
        // An issue that only counts its pages has no headers.
        let mut counted = paged.clone();
        counted.pages = Some(Pages::counted(4));
        assert_eq!(opens_page(&counted, 0), None);
        assert_eq!(headline_window(&counted, 3, 0, 4, 1), 0);
    }
}
