//! `R`: open the library again from the same inputs, so a reader left open
//! on an archive folder picks up issues that arrived and drops those
//! deleted, without a restart.
//!
//! `update` asks for the reload with `Task::Reload`; the loop opens the
//! library with the app's [`Reloader`] (built from the paths and options the
//! start used, so the tests reload a temporary folder exactly as the reader
//! does), takes the stamps of the files parsed so far, and hands both back
//! as `Msg::Reloaded`, which puts the new library in place. The reopen goes
//! through the header cache, so it costs what a warm start costs; no issue
//! is parsed eagerly.

use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::path::PathBuf;

use super::{App, Overlay};
use crate::i18n::t;
use crate::library::{Library, Source, Stamp};

/// Opens the library again. Standard input cannot be read twice, so the
/// text read at start is handed back as the `stdin` to read from.
pub struct Reloader(Box<OpenLibrary>);

/// Opens the library, reading standard input (for `-`) from the argument.
type OpenLibrary = dyn Fn(&mut dyn Read) -> Library;

impl Reloader {
    pub fn new(open: impl Fn(&mut dyn Read) -> Library + 'static) -> Reloader {
        Reloader(Box::new(open))
    }
}

impl fmt::Debug for Reloader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Reloader")
    }
}

/// The library opened again, with the size and mtime each file parsed
/// this session has now (taken by the loop, which does the I/O).
#[derive(Debug, Clone)]
pub struct Reopened {
    pub library: Library,
    pub stamps: HashMap<PathBuf, Stamp>,
}

impl Reloader {
    /// Open the library again: standard input's text as read at start is
    /// handed back, since it cannot be read twice.
    pub fn reopen(&self, stdin: &str) -> Library {
        (self.0)(&mut stdin.as_bytes())
    }
}

impl App {
    /// The files whose parses a reload keeps while their stamps match.
    pub fn parsed_files(&self) -> impl Iterator<Item = &PathBuf> {
        self.docs.parsed_stamps.keys()
    }

    /// The key an entry is matched by across a reload: its source. Both
    /// libraries come from the same paths, so the path as listed is enough
    /// (the absolute issue key would cost a `current_dir` per entry).
    fn reload_key(&self, index: usize) -> Source {
        self.docs.library.entries[index].source.clone()
    }

    /// `R`: ask the loop to open the library again.
    pub(super) fn reload(&mut self) {
        if self.docs.reloader.is_none() {
            self.screen.notice = Some(t!("notice.cannot_reload"));
            return;
        }
        self.chores.outbox.push(super::Task::Reload);
    }

    /// Put `library` in place of the current one, keeping the reader where
    /// it was: the same issue (by key), article and position if they still
    /// exist, else the nearest surviving issue. Every index saturates.
    pub(super) fn replace_library(&mut self, reopened: Reopened) {
        let Reopened { library, stamps } = reopened;
        self.save_position();
        let article_id = self.current_article_id();
        let old_keys: Vec<Source> = (0..self.docs.library.entries.len())
            .map(|i| self.reload_key(i))
            .collect();
        let old_at: HashMap<&Source, usize> =
            (old_keys.iter().enumerate()).map(|(i, k)| (k, i)).collect();
        let open_key = old_keys.get(self.place.issue).cloned();
        self.docs.library = library;
        // The way back from a jump names issues by their old index.
        self.place.jumped_from.clear();
        let new_keys: Vec<Source> = (0..self.docs.library.entries.len())
            .map(|i| self.reload_key(i))
            .collect();
        let new_at: HashMap<&Source, usize> =
            (new_keys.iter().enumerate()).map(|(i, k)| (k, i)).collect();
        let added = new_keys.iter().filter(|k| !old_at.contains_key(k)).count();
        let gone = old_keys.iter().filter(|k| !new_at.contains_key(k)).count();
        let old_issues = std::mem::take(&mut self.docs.issues);
        let kept = self.carry_parses(old_issues, &old_at, &new_keys, &stamps);
        self.docs
            .parsed_stamps
            .retain(|path, _| new_at.contains_key(&Source::File(path.clone())));
        self.docs.issue_keys = None;
        self.counts.forget_bulk();
        self.note_issues();
        self.remap_indices(&kept);
        self.add_new_messages();
        let target = open_key.as_ref().and_then(|k| new_at.get(k).copied());
        let moved = target.is_none() && !old_keys.is_empty();
        let target = target.unwrap_or_else(|| nearest(self.place.issue, &old_keys, &new_at));
        self.reselect(target, kept.get(&self.place.issue).copied(), article_id);
        self.rebuild_tree();
        self.forget_library_search();
        // The calendar's days name entries of the old listing too.
        if self.overlay.open == Some(super::Overlay::Calendar) {
            self.close_calendar();
        }
        self.screen.notice = Some(reload_notice(added, gone, moved));
    }

    /// Move the parses still good into the new list; returns old index →
    /// new index for each issue kept.
    fn carry_parses(
        &mut self,
        mut old_issues: Vec<Option<crate::model::Issue>>,
        old_at: &HashMap<&Source, usize>,
        new_keys: &[Source],
        stamps: &HashMap<PathBuf, Stamp>,
    ) -> HashMap<usize, usize> {
        self.docs.issues = vec![None; new_keys.len()];
        let mut kept = HashMap::new();
        for (new, key) in new_keys.iter().enumerate() {
            let Some(&old) = old_at.get(key) else {
                continue;
            };
            if !self.unchanged_since_parse(new, stamps) {
                continue;
            }
            if let Some(issue) = old_issues.get_mut(old).and_then(Option::take) {
                self.docs.library.record_articles(new, issue.articles.len());
                self.docs.issues[new] = Some(issue);
                kept.insert(old, new);
            }
        }
        kept
    }

    /// Whether the parse kept for entry `new` still matches its file.
    fn unchanged_since_parse(&self, new: usize, stamps: &HashMap<PathBuf, Stamp>) -> bool {
        match &self.docs.library.entries[new].source {
            Source::File(path) => {
                let then = self.docs.parsed_stamps.get(path);
                then.is_some() && then == stamps.get(path)
            }
            Source::Stdin | Source::Sample => true,
        }
    }

    /// Indices into the old library (layouts, search hits, overlays) moved
    /// to the new one, or dropped when their issue was not kept.
    fn remap_indices(&mut self, kept: &HashMap<usize, usize>) {
        self.place.layouts.remap(|i| kept.get(&i).copied());
        for found in [&mut self.search.found, &mut self.search.preview]
            .into_iter()
            .flatten()
        {
            found.issue = found.issue.and_then(|i| kept.get(&i).copied());
        }
        self.overlay.starred.clear();
        if self.overlay.open == Some(Overlay::Starred) {
            self.open_starred();
            if self.waiting() {
                self.chores.retry.push_back(super::Retry::OpenStarred);
            }
        }
        let entries = self.docs.library.entries.len();
        self.screen.issues_top = self.screen.issues_top.min(entries.saturating_sub(1));
    }

    /// Select `issue` after a reload. `kept_at` is where the open issue's
    /// parse went, if it was kept: then the article and the view stay as
    /// they were; otherwise the issue is parsed again and the article found
    /// by its id, its reading position coming from the state.
    fn reselect(&mut self, issue: usize, kept_at: Option<usize>, article_id: Option<String>) {
        let Some(new) = kept_at.filter(|&n| n == issue) else {
            self.place.view = None;
            if self.overlay.open == Some(Overlay::Links) {
                self.overlay.open = None;
            }
            self.place.issue = issue.min(self.docs.library.entries.len().saturating_sub(1));
            self.select_by_id(self.place.issue, article_id.as_deref());
            self.screen.headlines_top = self.screen.headlines_top.min(self.place.article);
            return;
        };
        self.place.issue = new;
        if let Some(view) = self.place.view.as_mut() {
            view.issue = new;
        }
        self.select(new, self.place.article);
    }

    fn current_article_id(&self) -> Option<String> {
        self.current_article().map(|a| a.id.clone())
    }

    /// The new library's messages (skipped files) that the log lacks.
    fn add_new_messages(&mut self) {
        let fresh: Vec<String> = (self.docs.library.messages.iter())
            .filter(|m| !self.docs.messages.contains(m))
            .cloned()
            .collect();
        self.docs.messages.extend(fresh);
    }
}

/// The new index of the surviving issue nearest to old index `at` in the
/// old list: the first after it, else the last before it, else the top.
fn nearest(at: usize, old_keys: &[Source], new_at: &HashMap<&Source, usize>) -> usize {
    let after = old_keys.iter().skip(at).find_map(|k| new_at.get(k));
    let before = || {
        let head = &old_keys[..at.min(old_keys.len())];
        head.iter().rev().find_map(|k| new_at.get(k))
    };
    after.or_else(before).copied().unwrap_or(0)
}

fn reload_notice(added: usize, gone: usize, moved: bool) -> String {
    let mut notice = if added == 0 && gone == 0 {
        t!("notice.reloaded_unchanged")
    } else {
        t!("notice.reloaded", added = added, gone = gone)
    };
    if moved {
        notice.push_str(&t!("notice.open_issue_gone"));
    }
    notice
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::ArticleLayout;
    use crate::model::Article;
    use crate::typeset::Options;

    fn layout() -> ArticleLayout {
        let article = Article {
            id: "a".to_owned(),
            kicker: None,
            headline: "头条".to_owned(),
            deck: None,
            byline: None,
            page: None,
            blocks: Vec::new(),
            head_links: Vec::new(),
        };
        ArticleLayout::new(&article, 40, &Options::default())
    }

    #[test]
    fn layouts_follow_their_issue_or_are_dropped() {
        let mut cache = super::super::LayoutCache::default();
        for issue in 0..4 {
            cache.keep(issue, 0, layout());
        }
        // Issue 1 moved to 0, issue 3 to 1; 0 and 2 are gone.
        cache.remap(|i| [None, Some(0), None, Some(1)][i]);
        assert_eq!(cache.len(), 2);
        let options = Options::default();
        assert!(cache.take(0, 0, 40, &options).is_some());
        assert!(cache.take(1, 0, 40, &options).is_some());
        assert!(
            cache.is_empty(),
            "nothing points at an index past the new list"
        );
    }

    #[test]
    fn nearest_prefers_the_next_survivor_then_the_previous() {
        let keys: Vec<Source> = (0..5u8)
            .map(|i| Source::File(PathBuf::from(i.to_string())))
            .collect();
        let survivors = |alive: &[usize]| -> HashMap<&Source, usize> {
            alive
                .iter()
                .enumerate()
                .map(|(new, &old)| (&keys[old], new))
                .collect()
        };
        assert_eq!(nearest(2, &keys, &survivors(&[0, 1, 3, 4])), 2);
        assert_eq!(nearest(4, &keys, &survivors(&[0, 1])), 1);
        assert_eq!(nearest(9, &keys, &survivors(&[0])), 0);
        assert_eq!(nearest(0, &keys, &survivors(&[])), 0);
    }
}
