//! What `y` and `Y` copy: the article as plain text, a citation line, or
//! (in the links list) one URL. Only the text is made here; the copy
//! itself is I/O, a [`Task::Copy`] the event loop carries out (OSC 52 or
//! `copy_command`), whose outcome comes back as `Msg::Copied` for the
//! status bar.

use super::{App, Overlay, Task};
use crate::i18n::t;
use crate::model::{Article, Date, Issue};

/// Text to put on the clipboard, and what to call it in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clip {
    /// `the article`, `the citation`, `link 3`.
    pub what: String,
    pub text: String,
}

/// A copy made: how many bytes, and where to (`the terminal (OSC 52)`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    pub bytes: usize,
    pub via: String,
}

/// The article as plain text: headline, byline, then the body's blocks,
/// a blank line between paragraphs, as a reader pastes it into a mail.
pub fn article_text(article: &Article) -> String {
    let mut out = String::new();
    for head in [article.kicker.as_deref(), Some(article.headline.as_str())]
        .into_iter()
        .chain([article.deck.as_deref(), article.byline.as_deref()])
        .flatten()
    {
        out.push_str(head);
        out.push('\n');
    }
    for block in &article.blocks {
        out.push('\n');
        out.push_str(&block.text);
        out.push('\n');
    }
    out
}

/// `《北京城市副中心报》2022年2月13日 第1版《标题》`: the paper, the date,
/// the page (its leading zeros dropped: `01` is 第1版) and the headline, as
/// a Chinese citation writes them; what is not known is left out.
pub fn citation(issue: &Issue, article: &Article) -> String {
    let mut out = String::new();
    if !issue.paper.is_empty() {
        out.push_str(&format!("《{}》", issue.paper));
    }
    if let Some(Date { year, month, day }) = issue.date {
        out.push_str(&format!("{year}年{month}月{day}日"));
    }
    if let Some(page) = article.page.as_deref() {
        let trimmed = page.trim_start_matches('0');
        let page = if trimmed.is_empty() { page } else { trimmed };
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&format!("第{page}版"));
    }
    out.push_str(&format!("《{}》", article.headline));
    out
}

impl App {
    /// `y`: the article, or in the links list the selected link's URL.
    pub(super) fn copy(&mut self) {
        let clip = match self.overlay.open {
            Some(Overlay::Links) => {
                self.overlay
                    .link_notes
                    .get(self.overlay.line)
                    .map(|note| Clip {
                        what: t!("copy.link", n = self.overlay.line + 1),
                        text: note.url.clone(),
                    })
            }
            _ => self.current_article().map(|article| Clip {
                what: t!("copy.article"),
                text: article_text(article),
            }),
        };
        self.ask_copy(clip);
    }

    /// `Y`: the citation line of the current article.
    pub(super) fn copy_citation(&mut self) {
        let clip = match (self.current_issue(), self.current_article()) {
            (Some(issue), Some(article)) => Some(Clip {
                what: t!("copy.citation"),
                text: citation(issue, article),
            }),
            _ => None,
        };
        self.ask_copy(clip);
    }

    fn ask_copy(&mut self, clip: Option<Clip>) {
        match clip {
            Some(clip) => self.chores.outbox.push(Task::Copy(clip)),
            None => self.screen.notice = Some(t!("copy.nothing")),
        }
    }

    /// The loop's answer to a copy: said in the status bar; a failure goes
    /// to the log (`!`) too.
    pub(super) fn copied(&mut self, what: &str, outcome: Result<Copied, String>) {
        match outcome {
            Ok(copied) => {
                let size = byte_size(copied.bytes);
                self.screen.notice = Some(t!(
                    "copy.copied",
                    what = what,
                    size = size,
                    via = copied.via
                ));
            }
            Err(err) => {
                self.docs
                    .messages
                    .push(t!("copy.failed", what = what, err = err));
                self.screen.notice = Some(err);
            }
        }
    }
}

/// `87 B`, `3.4 KiB`, `1.2 MiB`.
pub fn byte_size(bytes: usize) -> String {
    match bytes {
        0..1024 => format!("{bytes} B"),
        1024..1_048_576 => format!("{:.1} KiB", bytes as f64 / 1024.0),
        _ => format!("{:.1} MiB", bytes as f64 / 1_048_576.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_issue;

    const SAMPLE: &str = include_str!("../../assets/issues/bjfzxb-2022-02-13.md");

    #[test]
    fn the_citation_names_paper_date_page_and_headline() {
        let mut issue = parse_issue(SAMPLE, None);
        let mut article = issue.articles[0].clone();
        article.page = Some("01".into());
        let headline = article.headline.clone();
        assert_eq!(
            citation(&issue, &article),
            format!("《北京城市副中心报》2022年2月13日 第1版《{headline}》")
        );
        article.page = None;
        issue.date = None;
        assert_eq!(
            citation(&issue, &article),
            format!("《北京城市副中心报》《{headline}》")
        );
    }

    #[test]
    fn the_article_text_is_head_then_paragraphs() {
        let issue = parse_issue("## 标题\n\n本报记者 王明\n\n第一段。\n\n第二段。\n", None);
        let text = article_text(&issue.articles[0]);
        assert!(text.starts_with("标题\n"), "{text}");
        assert!(text.ends_with("\n第一段。\n\n第二段。\n"), "{text}");
    }
}
