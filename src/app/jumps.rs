//! Jump lines followed: `(下转2版)` at the foot of a page-one story leads
//! to the page-two article that opens `(上接1版)`, or carries the same
//! headline; `(上接1版)` leads back the other way. Where a source kept the
//! two halves in one article (an OCR issue joins an article's pages), the
//! jump leads to the other line in the same article. Each jump taken is
//! remembered, so `JumpBack` returns to where the reader was.

use super::App;
use super::pages::{page_key, page_label};
use crate::i18n::t;
use crate::layout::{Role, TextRef};
use crate::model::{Article, BlockKind, Issue, JumpDirection};

/// Where a jump was taken: the article (by id, so a reload that keeps
/// the article keeps the way back) and the reading position in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct JumpOrigin {
    pub(crate) issue: usize,
    pub(crate) id: String,
    pub(crate) anchor: usize,
}

/// Where a jump line leads: block `block` of article `article`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JumpTarget {
    pub article: usize,
    pub block: usize,
}

/// The jump of block `block` of article `from`, when it is one: its
/// direction and the page it names.
fn jump_of(article: &Article, block: usize) -> Option<(JumpDirection, &str)> {
    match &article.blocks.get(block)?.kind {
        BlockKind::Jump { direction, page } => Some((*direction, page.as_str())),
        _ => None,
    }
}

fn opposite(direction: JumpDirection) -> JumpDirection {
    match direction {
        JumpDirection::ContinuedOn => JumpDirection::ContinuedFrom,
        JumpDirection::ContinuedFrom => JumpDirection::ContinuedOn,
    }
}

/// A headline compared without its spacing: papers space short headlines out.
fn same_headline(a: &str, b: &str) -> bool {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let (a, b) = (squeeze(a), squeeze(b));
    !a.is_empty() && a == b
}

/// Where the jump line in block `block` of article `from` leads, or why it
/// leads nowhere in this issue (said to the reader as it is).
pub fn continuation(issue: &Issue, from: usize, block: usize) -> Result<JumpTarget, String> {
    let article = (issue.articles.get(from)).ok_or_else(|| t!("notice.no_such_article"))?;
    let (direction, page) = jump_of(article, block).ok_or_else(|| t!("notice.not_a_jump"))?;
    let want = opposite(direction);
    // The other half kept in the same article: the next line back or on.
    let mut same: Box<dyn Iterator<Item = usize>> = match direction {
        JumpDirection::ContinuedOn => Box::new(block + 1..article.blocks.len()),
        JumpDirection::ContinuedFrom => Box::new((0..block).rev()),
    };
    if let Some(b) = same.find(|&b| jump_of(article, b).is_some_and(|(d, _)| d == want)) {
        return Ok(JumpTarget {
            article: from,
            block: b,
        });
    }
    let key = page_key(page);
    let here = article.page.as_deref().map(page_key);
    let on_page: Vec<usize> = (0..issue.articles.len())
        .filter(|&i| i != from)
        .filter(|&i| issue.articles[i].page.as_deref().map(page_key) == Some(key.clone()))
        .collect();
    // The line that answers this one: `(上接1版)` for a `(下转2版)` on page 1.
    let answering = |i: usize| {
        let other = &issue.articles[i];
        (0..other.blocks.len()).find(|&b| {
            jump_of(other, b)
                .is_some_and(|(d, p)| d == want && here.as_ref().is_none_or(|h| *h == page_key(p)))
        })
    };
    let headline = |i: usize| same_headline(&issue.articles[i].headline, &article.headline);
    // Best the article that answers and has the headline, then either.
    let found = (on_page.iter())
        .find_map(|&i| answering(i).filter(|_| headline(i)).map(|b| (i, b)))
        .or_else(|| (on_page.iter()).find(|&&i| headline(i)).map(|&i| (i, 0)))
        .or_else(|| (on_page.iter()).find_map(|&i| answering(i).map(|b| (i, b))));
    if let Some((article, block)) = found {
        return Ok(JumpTarget { article, block });
    }
    // A source that joined an article's pages (OCR) keeps what came after
    // `CONTINUED ON NEXT PAGE` in the same article, with no line of its own.
    let goes_on = block + 1 < article.blocks.len();
    if direction == JumpDirection::ContinuedOn && goes_on && !on_page.iter().any(|&i| headline(i)) {
        return Ok(JumpTarget {
            article: from,
            block: block + 1,
        });
    }
    let label = page_label(issue, page);
    Err(if on_page.is_empty() {
        t!("notice.page_not_in_issue", label = label)
    } else {
        t!("notice.continuation_not_found", label = label)
    })
}

impl App {
    /// The first jump line on screen in the current article: its block.
    pub fn jump_on_screen(&self) -> Option<usize> {
        let view = self.place.view.as_ref()?;
        if (view.issue, view.article) != (self.place.issue, self.place.article) {
            return None;
        }
        let lines = view.layout.lines.iter().skip(view.top).take(view.height);
        lines
            .filter(|l| l.role == Role::Jump)
            .find_map(|l| match l.text {
                TextRef::Block(b) => Some(b),
                _ => None,
            })
    }

    /// The text of the jump line on screen (`(下转2版)`), for the status bar.
    pub fn jump_text_on_screen(&self) -> Option<&str> {
        let block = self.jump_on_screen()?;
        let article = self.current_article()?;
        Some(article.blocks.get(block)?.text.as_str())
    }

    /// Follow the jump line on screen. `quiet`: say nothing when there is
    /// none (Enter in the article does this only when there is one).
    pub(super) fn follow_jump(&mut self, quiet: bool) {
        self.ensure_view();
        let Some(block) = self.jump_on_screen() else {
            if !quiet {
                self.screen.notice = Some(t!("notice.no_jump_on_screen"));
            }
            return;
        };
        let Some(issue) = self.current_issue() else {
            return;
        };
        let (from, index) = (self.place.article, self.place.issue);
        match continuation(issue, from, block) {
            Ok(target) => {
                let Some(view) = self.place.view.as_ref() else {
                    return;
                };
                let origin = JumpOrigin {
                    issue: index,
                    id: issue.articles[from].id.clone(),
                    anchor: view.anchor,
                };
                let page = (issue.articles.get(from))
                    .and_then(|a| a.blocks.get(block))
                    .and_then(|b| match &b.kind {
                        BlockKind::Jump { page, .. } => Some(page_label(issue, page)),
                        _ => None,
                    });
                self.place.jumped_from.push(origin);
                self.select(index, target.article);
                self.show_block(target.block);
                let back = match self.settings.keymap.labels(super::Action::JumpBack).first() {
                    Some(key) => t!("notice.jump_back_key", key = key),
                    None => String::new(),
                };
                let to = page
                    .map(|p| t!("notice.jump_to", page = p))
                    .unwrap_or_default();
                self.screen.notice = Some(t!("notice.followed_jump", to = to, back = back));
            }
            Err(why) => self.screen.notice = Some(why),
        }
    }

    /// Back to where the last jump was taken.
    pub(super) fn jump_back(&mut self) {
        let Some(origin) = self.place.jumped_from.last().cloned() else {
            self.screen.notice = Some(t!("notice.no_jump_back"));
            return;
        };
        if !self.need_parsed(origin.issue) {
            return;
        }
        self.place.jumped_from.pop();
        let found = (self.parsed(origin.issue))
            .and_then(|i| i.articles.iter().position(|a| a.id == origin.id));
        let Some(article) = found else {
            self.screen.notice = Some(t!("notice.jump_origin_gone"));
            return;
        };
        self.select(origin.issue, article);
        self.ensure_view();
        let current = self.current_article().cloned();
        if let (Some(view), Some(article)) = (self.place.view.as_mut(), current) {
            view.top = view
                .layout
                .line_at_offset(&article, origin.anchor)
                .min(view.max_top());
            view.anchor = origin.anchor;
        }
    }

    /// Put block `block` of the current article on the top line; the first
    /// block shows the article from its headline.
    fn show_block(&mut self, block: usize) {
        self.ensure_view();
        let current = self.current_article().cloned();
        let (Some(view), Some(article)) = (self.place.view.as_mut(), current) else {
            return;
        };
        let first = (article.blocks.iter()).position(|b| !matches!(b.kind, BlockKind::Jump { .. }));
        let line = match block {
            0 => 0,
            _ if first.is_some_and(|f| block < f) => 0,
            _ => (view.layout.lines.iter())
                .position(|l| l.text == TextRef::Block(block))
                .unwrap_or(0),
        };
        view.top = line.min(view.max_top());
        view.anchor = view.position(&article);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Page, Pages};

    fn block(text: &str, kind: BlockKind) -> Block {
        Block {
            kind,
            text: text.to_owned(),
            source: 0..0,
            links: Vec::new(),
        }
    }

    fn jump(direction: JumpDirection, page: &str) -> Block {
        let text = match direction {
            JumpDirection::ContinuedOn => format!("(下转{page}版)"),
            JumpDirection::ContinuedFrom => format!("(上接{page}版)"),
        };
        let page = page.to_owned();
        block(&text, BlockKind::Jump { direction, page })
    }

    fn article(headline: &str, page: &str, blocks: Vec<Block>) -> Article {
        Article {
            id: headline.to_owned(),
            kicker: None,
            headline: headline.to_owned(),
            deck: None,
            byline: None,
            page: Some(page.to_owned()),
            blocks,
            head_links: Vec::new(),
        }
    }

    fn issue(articles: Vec<Article>) -> Issue {
        let mut issue = crate::app::empty_issue("人民日报".to_owned());
        let list = Pages::of_articles(&articles, |_| None);
        issue.pages = Some(Pages { count: None, list });
        issue.articles = articles;
        issue
    }

    fn para(text: &str) -> Block {
        block(text, BlockKind::Paragraph)
    }

    #[test]
    fn a_jump_leads_to_the_answering_article_and_back() {
        use JumpDirection::{ContinuedFrom as From, ContinuedOn as On};
        let paper = issue(vec![
            article("甲", "01", vec![para("一"), jump(On, "2")]),
            article("乙", "01", vec![para("二"), jump(On, "2")]),
            article("丙", "02", vec![jump(From, "1"), para("三")]),
            article("乙", "02", vec![jump(From, "1"), para("二续")]),
        ]);
        // Answering and headline beat answering alone.
        assert_eq!(
            continuation(&paper, 1, 1),
            Ok(JumpTarget {
                article: 3,
                block: 0
            })
        );
        assert_eq!(continuation(&paper, 0, 1).map(|t| t.article), Ok(2));
        assert_eq!(continuation(&paper, 2, 0).map(|t| t.article), Ok(0));
        assert_eq!(continuation(&paper, 3, 0).map(|t| t.article), Ok(1));
    }

    #[test]
    fn a_missing_page_or_continuation_is_said() {
        use JumpDirection::ContinuedOn as On;
        let mut paper = issue(vec![
            article("甲", "01", vec![para("一"), jump(On, "3")]),
            article("乙", "01", vec![para("二"), jump(On, "1")]),
        ]);
        paper.pages.as_mut().unwrap().list.push(Page {
            number: "3".to_owned(),
            name: Some("评论".to_owned()),
        });
        assert_eq!(
            continuation(&paper, 0, 1),
            Err("第3版 评论 is not in this issue".to_owned())
        );
        assert_eq!(
            continuation(&paper, 1, 1),
            Err("the continuation is not found on 第1版".to_owned())
        );
    }

    #[test]
    fn an_article_that_kept_both_halves_jumps_within_itself() {
        use JumpDirection::{ContinuedFrom as From, ContinuedOn as On};
        let paper = issue(vec![article(
            "Giant machines",
            "9",
            vec![para("a"), jump(On, "10"), jump(From, "9"), para("b")],
        )]);
        let to = |b| {
            Ok(JumpTarget {
                article: 0,
                block: b,
            })
        };
        assert_eq!(continuation(&paper, 0, 1), to(2));
        assert_eq!(continuation(&paper, 0, 2), to(1));
    }

    #[test]
    fn text_after_a_jump_in_the_same_article_is_its_continuation() {
        use JumpDirection::ContinuedOn as On;
        // An OCR article joined across pages: page 6 is not one of its own.
        let paper = issue(vec![article(
            "Reading habits",
            "5",
            vec![para("a"), jump(On, "6"), para("b")],
        )]);
        let to = |b| {
            Ok(JumpTarget {
                article: 0,
                block: b,
            })
        };
        assert_eq!(continuation(&paper, 0, 1), to(2));
    }
}
