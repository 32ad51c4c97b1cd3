//! Stars and read marks across the library, found from the reading state
//! alone. Each record keeps the key of the issue it was seen in and its
//! headline, so `S` lists starred articles without parsing any issue, and
//! `u` skips an issue whose article count (from the library's header cache)
//! is covered by the read marks recorded for it: only a candidate issue is
//! parsed. An archive of 10,000 issues costs a pass over the state, not
//! 10,000 parses.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use super::{App, Overlay, StarredItem};
use crate::i18n::t;
use crate::library::name::escape_path;
use crate::library::{Source, sanitize};
use crate::model::Date;

impl App {
    /// The key that finds entry `index` again in a later session (as
    /// `LastOpen.issue`): the file's absolute path, with `.` and `..` taken
    /// out lexically, so a start from another folder or through a relative
    /// path finds it too; or `(sample)`; `None` for standard input, whose
    /// text is new each time. (Symlinks are not resolved: that would cost a
    /// system call per path component for every issue of the archive.)
    pub(crate) fn issue_key(&self, index: usize) -> Option<String> {
        match &self.docs.library.entries.get(index)?.source {
            Source::Stdin => None,
            Source::Sample => Some(self.docs.library.label(index)),
            Source::File(path) => Some(escape_path(&lexical_absolute(path))),
        }
    }

    /// The entry an issue key names, if it is in this library. A key in the
    /// older form (the path as given on the command line) is still found.
    pub(super) fn entry_of_key(&mut self, key: &str) -> Option<usize> {
        self.issue_index();
        let found = self.docs.issue_keys.as_ref().and_then(|keys| keys.get(key));
        let found = found.copied();
        found.or_else(|| {
            (0..self.docs.library.entries.len()).find(|&i| self.docs.library.label(i) == key)
        })
    }

    /// Build the entry index by issue key once (the library does not
    /// change while the reader runs).
    pub(super) fn issue_index(&mut self) {
        if self.docs.issue_keys.is_none() {
            let keys = (0..self.docs.library.entries.len())
                .filter_map(|i| Some((self.issue_key(i)?, i)))
                .collect();
            self.docs.issue_keys = Some(keys);
        }
    }

    /// Record where article `article` of issue `issue` is, beside its read
    /// mark, star or position (call after setting one of those).
    pub(super) fn remember_place(&mut self, issue: usize, article: usize) {
        let Some(key) = self.issue_key(issue) else {
            return;
        };
        let Some(a) = self.article_at(issue, article) else {
            return;
        };
        let (id, headline) = (a.id.clone(), a.headline.clone());
        let before = self.place.state.articles.get(&id).map(|r| r.issue_at);
        self.place.state.set_place(&id, &key, &headline);
        if self.place.state.articles.get(&id).map(|r| r.issue_at) != before {
            self.mark_state_changed();
        }
    }

    /// After a parse: give records written without a place (by an older
    /// broadsheet) the place they were just found at.
    pub(super) fn place_unplaced(&mut self, issue: usize) {
        let Some(parsed) = self.docs.issues.get(issue).and_then(Option::as_ref) else {
            return;
        };
        let unplaced: Vec<usize> = (parsed.articles.iter().enumerate())
            .filter(|(_, a)| {
                let record = self.place.state.articles.get(&a.id);
                record.is_some_and(|r| r.issue.is_none())
            })
            .map(|(i, _)| i)
            .collect();
        for article in unplaced {
            self.remember_place(issue, article);
        }
    }

    /// Starred records without a place: parse the issues of the date their
    /// id begins with (`2022-02-13-…`, or `undated-…`), which places them.
    /// A one-time cost for a state file from before places were kept.
    fn locate_unplaced_stars(&mut self) {
        let dates: HashSet<Option<String>> = (self.place.state.articles.iter())
            .filter(|(_, r)| r.starred && r.issue.is_none())
            .filter_map(|(id, _)| id_date(id))
            .collect();
        if dates.is_empty() {
            return;
        }
        for index in 0..self.docs.library.entries.len() {
            let date = self.docs.library.entries[index].date.map(|d| d.to_string());
            if self.docs.issues[index].is_none() && dates.contains(&date) {
                self.need_parsed(index);
            }
        }
    }

    /// The `S` list: the starred articles of issues parsed this session (in
    /// paper order), then those the state places in other issues of this
    /// library, by issue and then by when they were starred.
    pub(super) fn open_starred(&mut self) {
        self.locate_unplaced_stars();
        if self.waiting() {
            return;
        }
        let mut items: Vec<(StarredItem, usize, u64)> = Vec::new();
        let mut listed = HashSet::new();
        for (issue, parsed) in self.docs.issues.iter().enumerate() {
            let Some(parsed) = parsed else { continue };
            for (article, a) in parsed.articles.iter().enumerate() {
                if self.place.state.is_starred(&a.id) && listed.insert(a.id.clone()) {
                    let item = StarredItem {
                        issue,
                        id: a.id.clone(),
                        headline: a.headline.clone(),
                    };
                    items.push((item, article, 0));
                }
            }
        }
        self.issue_index();
        let index = self.docs.issue_keys.as_ref();
        let mut elsewhere = 0;
        for (id, record) in &self.place.state.articles {
            if !record.starred || listed.contains(id) {
                continue;
            }
            let found = record.issue.as_ref().zip(index);
            let Some(&issue) = found.and_then(|(key, index)| index.get(key)) else {
                elsewhere += 1;
                continue;
            };
            // The state file is not trusted to hold only clean text.
            let headline = record.headline.as_deref().unwrap_or(id);
            let item = StarredItem {
                issue,
                id: id.clone(),
                headline: sanitize(headline).into_owned(),
            };
            items.push((item, usize::MAX, record.starred_at));
        }
        items.sort_by_key(|(item, article, at)| (item.issue, *article, *at));
        self.overlay.starred = items.into_iter().map(|(item, _, _)| item).collect();
        self.overlay.starred_elsewhere = elsewhere;
        let current = self.current_article().map(|a| a.id.clone());
        let selected = (self.overlay.starred.iter())
            .position(|s| s.issue == self.place.issue && Some(&s.id) == current.as_ref());
        self.overlay.open = Some(Overlay::Starred);
        self.overlay.line = selected.unwrap_or(0);
    }

    /// Open a starred entry: parse its issue (only now) and find the id.
    pub(super) fn open_starred_item(&mut self, item: &StarredItem) -> bool {
        if !self.need_parsed(item.issue) {
            return false;
        }
        let found = self.docs.issues.get(item.issue).and_then(Option::as_ref);
        let found = found.and_then(|i| i.articles.iter().position(|a| a.id == item.id));
        match found {
            Some(article) => {
                self.select(item.issue, article);
                true
            }
            None => {
                self.screen.notice = Some(t!("notice.article_gone"));
                false
            }
        }
    }

    /// The next unread article after the current one, wrapping round the
    /// library. An issue not parsed yet is skipped, unparsed, when its
    /// article count is known and as many of its articles are recorded read.
    pub(super) fn next_unread(&mut self) {
        let total = self.docs.issues.len();
        let (start_issue, start_article) = (self.place.issue, self.place.article);
        let read: HashMap<String, usize> = (self.place.state.read_per_issue().into_iter())
            .map(|(key, n)| (key.to_owned(), n))
            .collect();
        for round in 0..=total {
            let issue = (start_issue + round) % total.max(1);
            if self.docs.issues.get(issue).is_some_and(Option::is_none)
                && self.all_read(issue, &read)
            {
                continue;
            }
            if !self.need_parsed(issue) {
                return;
            }
            let Some(parsed) = self.docs.issues.get(issue).and_then(Option::as_ref) else {
                continue;
            };
            let first = if round == 0 { start_article + 1 } else { 0 };
            let end = if round == total {
                start_article
            } else {
                usize::MAX
            };
            let found = (parsed.articles.iter().enumerate())
                .skip(first)
                .take_while(|(i, _)| *i < end)
                .find(|(_, a)| !self.place.state.is_read(&a.id))
                .map(|(i, _)| i);
            if let Some(article) = found {
                self.select(issue, article);
                return;
            }
        }
        // The article open now is not "next"; say so if it is unread.
        let here = self
            .current_article()
            .is_some_and(|a| !self.place.state.is_read(&a.id));
        let notice = if here {
            t!("notice.no_other_unread")
        } else {
            t!("notice.no_unread")
        };
        self.screen.notice = Some(notice);
    }

    /// Whether the state records at least as many read articles in entry
    /// `index` as the library says it has. (A file edited since keeps its
    /// old marks under its key, but a changed file has no cached count
    /// until it is parsed again, so it is not skipped.)
    fn all_read(&self, index: usize, read: &HashMap<String, usize>) -> bool {
        let Some(articles) = self
            .docs
            .library
            .entries
            .get(index)
            .and_then(|e| e.articles)
        else {
            return false;
        };
        let key = self.issue_key(index);
        let marked = key.and_then(|k| read.get(&k).copied()).unwrap_or(0);
        marked >= articles
    }
}

/// `path` made absolute, `.` and `..` removed without asking the file system.
fn lexical_absolute(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The date an article id begins with (`Some(None)` for `undated-…`), or
/// `None` when the id has no date prefix.
fn id_date(id: &str) -> Option<Option<String>> {
    if id.starts_with("undated-") {
        return Some(None);
    }
    let prefix = id.get(..10)?;
    let mut parts = prefix.split('-').map(str::parse::<u16>);
    let (Some(Ok(y)), Some(Ok(m)), Some(Ok(d))) = (parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    let date = Date::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?)?;
    (date.to_string() == prefix).then(|| Some(date.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_absolute_without_dot_segments() {
        let here = std::env::current_dir().unwrap();
        assert_eq!(
            lexical_absolute(Path::new("a/./b/../c.md")),
            here.join("a/c.md")
        );
        assert_eq!(
            lexical_absolute(Path::new("/x/y/../z.md")),
            Path::new("/x/z.md")
        );
        assert_eq!(lexical_absolute(Path::new("/../z.md")), Path::new("/z.md"));
    }

    #[test]
    fn ids_give_their_date() {
        assert_eq!(
            id_date("2022-02-13-1a2b3c4d"),
            Some(Some("2022-02-13".into()))
        );
        assert_eq!(
            id_date("2022-02-13-pA4-1a2b3c4d-2").flatten().as_deref(),
            Some("2022-02-13")
        );
        assert_eq!(id_date("undated-1a2b3c4d"), Some(None));
        assert_eq!(id_date("fixture-1"), None);
        assert_eq!(id_date("2022-13-40-x"), None);
        assert_eq!(id_date("日本語日本語"), None);
    }
}
