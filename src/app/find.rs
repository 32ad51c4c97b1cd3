//! Search in the reader: the prompt's keys, running a query over the
//! current issue, and `n`/`N` taking the reader from hit to hit.

use crossterm::event::KeyEvent;

use super::hits::{CONTEXT, Found, Place, lines_of, reading_rank};
use super::prompt::{self, Edit, Prompt};
use super::{Action, App, Effect, Pane, keymap};
use crate::i18n::t;
use crate::layout::Role;
use crate::search::Query;

/// What the prompt line is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PromptKind {
    /// `/`: search the open issue.
    #[default]
    Find,
    /// `|` (or `/` in the Issues pane): search every issue.
    Library,
    /// `:`: go to a date or a paper.
    GoTo,
}

impl PromptKind {
    /// The prompt's first cell.
    pub fn sign(self) -> &'static str {
        match self {
            PromptKind::Find => "/",
            PromptKind::Library => "|",
            PromptKind::GoTo => ":",
        }
    }
}

/// The search prompt, this session's queries, and the search in force.
#[derive(Debug, Default)]
pub struct Search {
    /// The prompt line, while it is open.
    pub prompt: Option<Prompt>,
    /// What the open prompt is for.
    pub kind: PromptKind,
    /// What was typed at the `:` prompt this session, oldest first.
    pub goto_history: Vec<String>,
    /// The library-wide search, its results and whether `n`/`N` walk them.
    pub library: Option<super::LibraryFind>,
    /// Queries run this session, oldest first.
    pub history: Vec<String>,
    /// The search in force: its hits are lit and `n`/`N` step through them.
    pub found: Option<Found>,
    /// While the prompt is open, the typed query's hits in the current
    /// issue: lit and counted as you type, dropped by Esc. Enter searches
    /// afresh from the reading position.
    pub preview: Option<Found>,
    /// The prompt's text changed since `preview` was found.
    preview_stale: bool,
}

impl App {
    /// A key while the prompt is open: text or an edit. Only suspend
    /// still reaches the app, so job control works mid-query.
    pub(super) fn prompt_key(&mut self, key: KeyEvent) -> Effect {
        match keymap::prompt_edit(key) {
            Some(Edit::Accept) => self.run_prompt(),
            Some(Edit::Cancel) => {
                self.close_prompt();
            }
            Some(edit) => {
                let history = match self.search.kind {
                    PromptKind::GoTo => &self.search.goto_history,
                    _ => &self.search.history,
                };
                if let Some(line) = self.search.prompt.as_mut() {
                    line.apply(edit, history);
                    self.search.preview_stale = self.search.kind == PromptKind::Find;
                }
            }
            None if self.settings.keymap.action(key) == Some(Action::Suspend) => {
                return super::update::act(self, Action::Suspend);
            }
            None => {}
        }
        Effect::None
    }

    /// Pasted text: into the prompt when it is open, else ignored whole
    /// (pasted text is never taken as commands).
    pub(super) fn paste(&mut self, text: &str) {
        if let Some(line) = self.search.prompt.as_mut() {
            line.paste(text);
            self.search.preview_stale = self.search.kind == PromptKind::Find;
        }
    }

    /// Open the prompt (`/`, `|`, `:`).
    pub(super) fn open_prompt(&mut self, kind: PromptKind) {
        self.search.prompt = Some(Prompt::default());
        self.search.kind = kind;
        self.search.preview = None;
    }

    /// Close the prompt, dropping what it previewed.
    pub(super) fn close_prompt(&mut self) -> Option<Prompt> {
        self.search.preview = None;
        self.search.preview_stale = false;
        self.search.prompt.take()
    }

    /// Find the typed query's hits for the preview, once per frame however
    /// many keys arrived (a held key or a paste costs one search).
    pub(super) fn refresh_preview(&mut self) {
        if !std::mem::take(&mut self.search.preview_stale) {
            return;
        }
        let text = self.search.prompt.as_ref().map(Prompt::text);
        let query = text.and_then(|t| Query::new(t).ok());
        let issue = self
            .docs
            .issues
            .get(self.place.issue)
            .and_then(Option::as_ref);
        self.search.preview = match (query, issue) {
            (Some(query), Some(issue)) => Some(Found::new(query, self.place.issue, issue)),
            _ => None,
        };
    }

    /// Enter: run the query; an empty line runs the last one again.
    fn run_prompt(&mut self) {
        match self.search.kind {
            PromptKind::GoTo => return self.run_goto(),
            PromptKind::Library => return self.run_library_prompt(),
            PromptKind::Find => {}
        }
        let Some(pattern) = self.entered_pattern() else {
            return;
        };
        prompt::remember(&mut self.search.history, &pattern);
        self.start_search(&pattern, true);
    }

    /// Close the prompt and give the pattern it was left with: the line
    /// typed or, when it is empty, the last one searched (as `less` does);
    /// `None` when there is neither. Both searches' prompts share it.
    pub(super) fn entered_pattern(&mut self) -> Option<String> {
        let line = self.close_prompt()?;
        match line.text() {
            "" => self.search.history.last().cloned(),
            text => Some(text.to_owned()),
        }
    }

    /// Run `pattern` from the reading position (Enter in the prompt).
    fn start_search(&mut self, pattern: &str, forward: bool) {
        let query = match Query::new(pattern) {
            Ok(query) => query,
            Err(err) => {
                self.screen.notice = Some(err.to_string());
                return;
            }
        };
        let Some(issue) = self
            .docs
            .issues
            .get(self.place.issue)
            .and_then(Option::as_ref)
        else {
            self.screen.notice = Some(t!("notice.not_found", pattern = pattern));
            return;
        };
        self.search.found = Some(Found::new(query, self.place.issue, issue));
        self.go_to_hit(forward, true);
    }

    /// `n` (forward) and `N`: the next or previous hit, round the issue.
    /// With no search in force (none yet, or Esc cleared it) the last
    /// query runs again from the reading position.
    pub(super) fn search_step(&mut self, forward: bool) {
        if self.search.found.is_none() {
            match self.search.history.last().cloned() {
                Some(last) => self.start_search(&last, forward),
                None => {
                    let key = self
                        .settings
                        .keymap
                        .labels(Action::Search)
                        .into_iter()
                        .next();
                    let key = key.unwrap_or_else(|| Action::Search.name().to_owned());
                    self.screen.notice = Some(t!("notice.no_search_yet", key = key));
                }
            }
            return;
        }
        self.go_to_hit(forward, false);
    }

    /// Go to the hit after the current one when it is on screen, else to
    /// the first after the reading position (the last before it, going
    /// back), as a pager searches from the page shown.
    pub(super) fn go_to_hit(&mut self, forward: bool, fresh: bool) {
        self.refresh_hits();
        let place = self.reading_place();
        let current = self.search.found.as_ref().and_then(|f| f.current);
        let on_screen = current.filter(|&c| !fresh && self.hit_on_screen(c));
        let Some(found) = self.search.found.as_ref() else {
            return;
        };
        let step = match on_screen {
            Some(c) => found.beside(c, forward),
            None => found.from_place(place, forward),
        };
        let Some((index, wrapped)) = step else {
            self.screen.notice = Some(t!("notice.not_found", pattern = found.query.pattern()));
            self.search.found = None;
            return;
        };
        // A library search goes on in the next issue with hits instead.
        if wrapped && self.library_step(forward) {
            return;
        }
        if wrapped {
            self.screen.notice = Some(t!("notice.search_wrapped"));
        }
        self.show_hit(index);
    }

    /// Find the hits again if the issue changed since they were found.
    pub(super) fn refresh_hits(&mut self) {
        let index = self.place.issue;
        let issue = self.docs.issues.get(index).and_then(Option::as_ref);
        if let (Some(found), Some(issue)) = (self.search.found.as_mut(), issue)
            && found.issue != Some(index)
        {
            found.search(index, issue);
        }
    }

    /// Where the reader is: the first text line on screen.
    fn reading_place(&mut self) -> Place {
        self.ensure_view();
        let start = (self.place.article, (0, 0), 0);
        let Some(view) = self.current_view() else {
            return start;
        };
        let line = view.layout.lines.get(view.top..).unwrap_or_default();
        match line.iter().find(|l| l.role != Role::Blank) {
            Some(l) => (self.place.article, reading_rank(l.text), l.range.start),
            None => (self.place.article, (usize::MAX, usize::MAX), 0),
        }
    }

    fn current_view(&self) -> Option<&super::View> {
        let view = self.place.view.as_ref()?;
        ((view.issue, view.article) == (self.place.issue, self.place.article)).then_some(view)
    }

    fn hit_on_screen(&self, index: usize) -> bool {
        let hit = self.search.found.as_ref().and_then(|f| f.hits.get(index));
        let Some(hit) = hit.filter(|h| h.article == self.place.article) else {
            return false;
        };
        let Some(view) = self.current_view() else {
            return false;
        };
        lines_of(&view.layout, hit)
            .is_some_and(|l| l.start >= view.top && l.end <= view.top + view.height)
    }

    /// Select the hit's article, focus the Article pane and scroll so the
    /// hit's lines show, with a little context above, if they do not already.
    pub(super) fn show_hit(&mut self, index: usize) {
        let Some(found) = self.search.found.as_mut() else {
            return;
        };
        let Some(hit) = found.hits.get(index).cloned() else {
            return;
        };
        found.current = Some(index);
        self.select(self.place.issue, hit.article);
        super::update::focus(self, Pane::Article);
        self.ensure_view();
        let issue = self
            .docs
            .issues
            .get(self.place.issue)
            .and_then(Option::as_ref);
        let article = issue.and_then(|i| i.articles.get(hit.article));
        let (Some(view), Some(article)) = (self.place.view.as_mut(), article) else {
            return;
        };
        let Some(lines) = lines_of(&view.layout, &hit) else {
            return;
        };
        if lines.start < view.top || lines.end > view.top + view.height {
            let context = CONTEXT.min(view.height.saturating_sub(1) / 2);
            view.top = lines.start.saturating_sub(context).min(view.max_top());
            view.anchor = view.position(article);
        }
        // Jumping to a hit is moving there (an end it shows is reached).
        self.open_moved();
    }

    /// Esc with a search in force: clear it (`n` finds the query again).
    pub(super) fn clear_search(&mut self) -> bool {
        if let Some(library) = self.search.library.as_mut() {
            library.walking = false;
        }
        self.search.found.take().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Msg;
    use crate::app::test_support::*;
    use crate::config::Config;
    use crate::library::Library;
    use crate::store::State;
    use crate::typeset::AmbiguousWidth;

    fn app() -> App {
        let config = Config::default();
        let mut app = App::new(
            Library::sample(),
            &config,
            State::default(),
            AmbiguousWidth::Narrow,
        );
        send(&mut app, Msg::Resize(80, 24));
        send(&mut app, Msg::Frame);
        app
    }

    #[test]
    fn a_paste_goes_into_the_prompt_bounded_and_is_ignored_elsewhere() {
        let mut app = app();
        let before = (app.focus(), app.issue(), app.article(), app.overlay());
        assert_eq!(send_paste(&mut app, "q?jjjJ/\n".repeat(1000)), Effect::None);
        assert_eq!(
            before,
            (app.focus(), app.issue(), app.article(), app.overlay())
        );
        assert!(!app.prompt_open(), "a pasted / opens nothing");
        send_action(&mut app, Action::Search);
        assert_eq!(app.search().kind, PromptKind::Find);
        send_paste(&mut app, format!("盘活\r\n{}", "x".repeat(1 << 20)));
        let line = app.search().prompt.as_ref().map(|p| p.text().to_owned());
        let line = line.unwrap_or_default();
        assert!(line.starts_with("盘活 x"), "{line}");
        assert_eq!(line.chars().count(), prompt::MAX_CHARS);
    }
}
