//! What the linear mode lists: an issue's headlines, the articles a
//! search found, the issues; one numbered entry per line, wrapped to the
//! width with the text aligned under itself.

use std::io::{self, Write};

use super::{Linear, say};
use crate::model::Article;
use crate::text::{Notation, escape};
use crate::typeset;
use crate::ui::theme::marker_words;

impl<W: Write> Linear<W> {
    /// The issue's heading, then one numbered line per headline.
    pub(super) fn headlines(&mut self) -> io::Result<()> {
        let info = self.app.issue_info(self.app.issue());
        let count = self.article_count();
        writeln!(self.out)?;
        self.say(&say::issue_heading(&info.paper, &info.day(), count))?;
        if count == 0 {
            return self.say(&say::no_articles());
        }
        for index in 0..count {
            let line = self.headline_line(index, None);
            self.numbered(index + 1, &line)?;
        }
        Ok(())
    }

    /// `[read] [star] headline — byline`, and what follows it.
    pub(super) fn headline_line(&self, index: usize, extra: Option<&str>) -> String {
        let Some(article) = self.app.current_issue().and_then(|i| i.articles.get(index)) else {
            return String::new();
        };
        let state = self.app.state();
        let words = marker_words();
        let marks = [
            state.is_read(&article.id).then_some(words.read),
            state.is_starred(&article.id).then_some(words.starred),
        ];
        let mut parts: Vec<&str> = marks.iter().flatten().map(|m| m.as_ref()).collect();
        let headline = typeset::shown(&article.headline, &self.options);
        parts.push(&headline);
        let mut line = parts.join(" ");
        if let Some(by) = byline(article) {
            line = format!("{line} — {}", typeset::shown(by, &self.options));
        }
        if let Some(extra) = extra {
            line = format!("{line}{extra}");
        }
        line
    }

    /// `12. text`, wrapped to the width with the text's lines aligned.
    pub(super) fn numbered(&mut self, number: usize, text: &str) -> io::Result<()> {
        let label = format!("{number}. ");
        let indent = label.len();
        let room = self.width.saturating_sub(indent).max(10);
        let ranges = typeset::wrap(text, room, 0, &self.options);
        for (n, range) in ranges.into_iter().enumerate() {
            let shown = typeset::display_line(text, range, room, &self.options);
            let lead = if n == 0 {
                label.clone()
            } else {
                " ".repeat(indent)
            };
            // No-break spaces keep `(26 hits)` whole; written as spaces.
            let shown = shown.trim_end().replace('\u{a0}', " ");
            writeln!(self.out, "{lead}{shown}")?;
        }
        Ok(())
    }

    pub(super) fn search(&mut self, pattern: &str) -> io::Result<()> {
        if pattern.is_empty() {
            return self.say(&say::search_usage());
        }
        let shown = escape(pattern, Notation::Message);
        let query = match crate::search::Query::new(pattern) {
            Ok(query) => query,
            Err(err) => return self.say(&say::search_failed(&shown, &err.to_string())),
        };
        let articles = self
            .app
            .current_issue()
            .map_or(&[][..], |i| &i.articles[..]);
        let found: Vec<(usize, usize)> = (articles.iter().enumerate())
            .map(|(i, a)| (i, crate::search::find_in_article(&query, a).len()))
            .filter(|(_, hits)| *hits > 0)
            .collect();
        if found.is_empty() {
            return self.say(&say::no_match(&shown));
        }
        self.say(&say::matches(&shown, found.len()))?;
        for (index, hits) in found {
            let line = self.headline_line(index, Some(&say::hits(hits)));
            self.numbered(index + 1, &line)?;
        }
        Ok(())
    }

    pub(super) fn issues(&mut self) -> io::Result<()> {
        let count = self.app.library().entries.len();
        self.say(&say::issues_heading(count))?;
        for index in 0..count {
            let info = self.app.issue_info(index);
            let articles = self.app.library().entries[index].articles;
            let mut line = say::issue_heading(&info.paper, &info.day(), articles.unwrap_or(0));
            if articles.is_none() {
                line = say::in_a_row(&[&info.paper, &info.day()]);
            }
            if index == self.app.issue() {
                line = format!("{line}{}", say::open_issue_mark());
            }
            self.numbered(index + 1, &line)?;
        }
        Ok(())
    }
}

fn byline(article: &Article) -> Option<&str> {
    (article.byline.as_deref())
        .or(article.deck.as_deref())
        .filter(|s| !s.is_empty())
}
