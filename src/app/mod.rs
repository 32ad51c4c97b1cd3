//! Application state and its one mutator. No terminal here: `update` sees
//! only actions and sizes, `ui::render` borrows the result.

pub mod action;
mod find;
mod hits;
pub mod keymap;
mod links;
mod marks;
pub mod mouse;
pub mod prompt;
mod reading;
mod reload;
mod update;

pub use action::Action;
pub use find::Search;
pub use hits::{Found, IssueHit, reading_rank};
pub use links::{LinkNote, link_lines};
pub use reading::{LayoutCache, View};
pub use reload::Reloader;
pub use update::update;

use std::collections::HashMap;

use crossterm::event::{KeyEvent, KeyEventKind};

use crate::config::Config;
use crate::library::{Library, ReadError};
use crate::model::{Article, Date, Issue};
use crate::store::State;
use crate::typeset::{AmbiguousWidth, Options};
use crate::ui::theme::Theme;

/// What the event loop must do after an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    Suspend,
    /// Clear the terminal and paint every cell again.
    Redraw,
}

/// The three panes, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Issues,
    Headlines,
    Article,
}

/// How wide an overlay's frame is on a screen `screen_width` cells wide: 4
/// cells narrower, 76 at most. `ui::overlay` draws it so, and the keys that
/// scroll an overlay count its wrapped rows at that width.
pub fn overlay_width(screen_width: u16) -> u16 {
    screen_width.saturating_sub(4).min(76)
}

/// The text width inside that frame: 4 cells narrower again (the border and
/// a cell of margin each side), at least 1.
pub fn overlay_text_width(screen_width: u16) -> usize {
    usize::from(overlay_width(screen_width).saturating_sub(4)).max(1)
}

/// What covers the panes, if anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// Library, store and parser messages (`!`).
    Log,
    /// Starred articles across the library (`S`).
    Starred,
    /// The current article's links, numbered (`L`).
    Links,
}

/// A starred article for the `S` list, known from the reading state: its
/// issue need not have been parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StarredItem {
    /// Index into `library.entries`.
    pub issue: usize,
    pub id: String,
    pub headline: String,
}

/// What the Issues pane and the status bar say about an issue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueInfo {
    pub paper: String,
    pub date: Option<Date>,
    pub weekday: Option<String>,
}

impl IssueInfo {
    /// `2022-02-13 星期日`, or as much of it as is known.
    pub fn day(&self) -> String {
        let date = self.date.map(|d| d.to_string());
        let parts: Vec<String> = [date, self.weekday.clone()].into_iter().flatten().collect();
        parts.join(" ")
    }
}

/// Everything the reader shows, as data.
#[derive(Debug)]
pub struct App {
    pub library: Library,
    /// Parsed issues, parallel to `library.entries`; an issue is parsed when
    /// it is first selected.
    pub issues: Vec<Option<Issue>>,
    pub state: State,
    pub keymap: keymap::Keymap,
    pub theme: Theme,
    pub options: Options,
    /// Widest the article body is set, in cells.
    pub body_width: u16,
    /// Library, store and parser messages, oldest first.
    pub messages: Vec<String>,
    pub size: (u16, u16),
    pub focus: Pane,
    /// In the two-pane layout: whether Issues | Headlines is shown instead
    /// of Headlines | Article.
    pub issues_shown: bool,
    /// The pane `i` left for Issues, where a second `i` goes back to.
    pub before_issues: Pane,
    pub overlay: Option<Overlay>,
    /// First line shown in a scrolled overlay, or the selection in `Starred`.
    pub overlay_line: usize,
    pub starred: Vec<StarredItem>,
    /// The links overlay's notes, found when it opened.
    pub link_notes: Vec<LinkNote>,
    /// Starred articles whose issue is not in this library (or not found).
    pub starred_elsewhere: usize,
    /// Selected issue (index into `library.entries`) and article.
    pub issue: usize,
    pub article: usize,
    /// First item shown in the Issues and Headlines lists.
    pub issues_top: usize,
    pub headlines_top: usize,
    /// The current article laid out for the current size; `None` when there
    /// is no article or no room, or when the selection changed since the
    /// last frame (see [`App::prepare_frame`]).
    pub view: Option<View>,
    /// Layouts of articles recently left, reused when the reader comes back.
    pub layouts: reading::LayoutCache,
    /// A one-off remark for the status bar ("starred", "no unread article").
    pub notice: Option<String>,
    /// How the ambiguous width was chosen ("asked the terminal", "from the
    /// config"), shown in help next to the result.
    pub ambiguous_note: Option<String>,
    /// The search prompt, its history, and the search in force.
    pub search: Search,
    state_changed: bool,
    /// Entry index by issue key, built when `S` or `u` first needs it.
    issue_keys: Option<HashMap<String, usize>>,
    /// How to open the library again (`R`); `None` in tests that build
    /// the library by hand.
    reloader: Option<Reloader>,
    /// Size and mtime of each parsed issue's file, by its path as listed,
    /// taken before it was read: a reload keeps the parse while they match.
    parsed_stamps: HashMap<std::path::PathBuf, crate::library::Stamp>,
}

impl App {
    /// The reader over `library`, on the issue and article that were open
    /// last (from `state`), focus on Headlines. `NO_COLOR` selects the
    /// monochrome theme. Call `on_resize` and then `prepare_frame` before
    /// the first draw: nothing is laid out for a size that is not known.
    pub fn new(library: Library, config: &Config, state: State, ambiguous: AmbiguousWidth) -> App {
        let (keymap, errors) = keymap::Keymap::from_config(&config.keys);
        let mut messages = library.messages.clone();
        messages.extend(errors);
        let no_color = crate::config::no_color_requested();
        let theme = Theme::named(&config.theme, no_color, ambiguous).unwrap_or_else(|| {
            messages.push(format!(
                "unknown theme {:?}; using \"default\"",
                config.theme
            ));
            Theme::new(no_color, ambiguous)
        });
        let options = Options {
            ambiguous,
            kinsoku: config.kinsoku,
            punctuation: config.punctuation,
            indent: config.indent,
        };
        let issues = vec![None; library.entries.len()];
        let mut app = App {
            library,
            issues,
            state,
            keymap,
            theme,
            options,
            body_width: config.body_width,
            messages,
            // Unknown until `on_resize`: nothing is laid out or marked read
            // for a size that was never on screen.
            size: (0, 0),
            focus: Pane::Headlines,
            issues_shown: false,
            before_issues: Pane::Headlines,
            overlay: None,
            overlay_line: 0,
            starred: Vec::new(),
            link_notes: Vec::new(),
            starred_elsewhere: 0,
            issue: 0,
            article: 0,
            issues_top: 0,
            headlines_top: 0,
            view: None,
            layouts: reading::LayoutCache::default(),
            notice: None,
            ambiguous_note: None,
            search: Search::default(),
            state_changed: false,
            issue_keys: None,
            reloader: None,
            parsed_stamps: HashMap::new(),
        };
        app.restore_last_open();
        app
    }

    /// A key press becomes an action through the keymap; releases do nothing.
    pub fn on_key(&mut self, key: KeyEvent) -> Effect {
        if key.kind == KeyEventKind::Release {
            return Effect::None;
        }
        self.notice = None;
        if self.prompt_open() {
            return self.prompt_key(key);
        }
        match self.keymap.action(key) {
            Some(action) => update(self, action),
            None => Effect::None,
        }
    }

    /// The terminal's new size. Call it once before the first draw too.
    /// The article is laid out for it by [`App::prepare_frame`].
    pub fn on_resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
    }

    /// Bring the layout, the lists' scroll and the read marks in line with
    /// the size and selection, once per frame, right before drawing: keys
    /// drained in one batch (a held `j`) only move the selection, and only
    /// the article that will be drawn is laid out. An article is marked
    /// read here, when its end is about to be on screen.
    pub fn prepare_frame(&mut self) {
        self.refresh();
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    /// True once after each change of the reading state, so the loop can
    /// debounce saves.
    pub fn take_state_changed(&mut self) -> bool {
        std::mem::take(&mut self.state_changed)
    }

    pub fn push_message(&mut self, message: String) {
        self.messages.push(message);
    }

    /// Say in the status bar that there are messages (files skipped, a
    /// damaged state file moved aside…), with the first of them and the key
    /// that lists them all: the log alone is easy to miss. Call once the
    /// start-up messages are in.
    pub fn announce_messages(&mut self) {
        let Some(first) = self.messages.first() else {
            return;
        };
        let (count, them) = match self.messages.len() {
            1 => ("1 message".to_owned(), "shows it"),
            n => (format!("{n} messages"), "lists them"),
        };
        let key = match self.keymap.labels(Action::Log).first() {
            Some(key) => format!(" ({key} {them})"),
            None => String::new(),
        };
        self.notice = Some(format!("{count}{key}: {first}"));
    }

    pub(crate) fn mark_state_changed(&mut self) {
        self.state_changed = true;
    }

    /// The selected issue, when it has been parsed.
    pub fn current_issue(&self) -> Option<&Issue> {
        self.issues.get(self.issue)?.as_ref()
    }

    /// The selected article.
    pub fn current_article(&self) -> Option<&Article> {
        self.current_issue()?.articles.get(self.article)
    }

    /// Article `article` of issue `issue`, if that issue has been parsed.
    pub fn article_at(&self, issue: usize, article: usize) -> Option<&Article> {
        self.issues.get(issue)?.as_ref()?.articles.get(article)
    }

    /// Paper, date and weekday of entry `index`: from the library's header
    /// scan, completed by the parsed issue once there is one; the paper falls
    /// back to the entry's label.
    pub fn issue_info(&self, index: usize) -> IssueInfo {
        let entry = self.library.entries.get(index);
        let parsed = self.issues.get(index).and_then(Option::as_ref);
        let paper = entry
            .map(|e| e.paper.clone())
            .filter(|p| !p.is_empty())
            .or_else(|| parsed.map(|i| i.paper.clone()).filter(|p| !p.is_empty()))
            .unwrap_or_else(|| self.library.label(index));
        IssueInfo {
            paper,
            date: entry.and_then(|e| e.date).or(parsed.and_then(|i| i.date)),
            weekday: entry
                .and_then(|e| e.weekday.clone())
                .or_else(|| parsed.and_then(|i| i.weekday.clone())),
        }
    }

    /// Parse issue `index` if it has not been yet; its warnings go to the log.
    pub(crate) fn ensure_parsed(&mut self, index: usize) {
        if self.issues.get(index).is_none_or(Option::is_some) {
            return;
        }
        let label = self.library.label(index);
        self.stamp_before_read(index);
        let issue = match self.library.read_decoded(index) {
            Ok(decoded) => {
                // Decoding warnings already name the file and byte offset.
                self.messages.extend(decoded.warnings);
                let name = self.library.file_name(index);
                crate::parse::parse_issue(&decoded.text, name.as_deref())
            }
            Err(err) => {
                // An unavailable entry shows its reason in the Issues pane
                // and was reported when the library was listed.
                if !matches!(err, ReadError::Unavailable(_)) {
                    self.messages.push(format!("{label}: {err}"));
                }
                empty_issue(self.library.entries[index].paper.clone())
            }
        };
        for warning in &issue.warnings {
            self.messages.push(format!("{label}: {warning}"));
        }
        self.library.record_articles(index, issue.articles.len());
        if let Some(slot) = self.issues.get_mut(index) {
            *slot = Some(issue);
        }
        self.place_unplaced(index);
    }

    /// Note the file's size and mtime before it is read, so a change made
    /// while it is read shows at the next reload.
    fn stamp_before_read(&mut self, index: usize) {
        let Some(crate::library::Source::File(path)) =
            self.library.entries.get(index).map(|e| &e.source)
        else {
            return;
        };
        if let Some(stamp) = reload::stamp_of(path) {
            self.parsed_stamps.insert(path.clone(), stamp);
        }
    }

    /// Use an already parsed issue for entry `index` (a library that parsed
    /// ahead, or a test fixture); the selection is kept when it still exists.
    pub fn set_issue(&mut self, index: usize, issue: Issue) {
        let Some(slot) = self.issues.get_mut(index) else {
            return;
        };
        let articles = issue.articles.len();
        *slot = Some(issue);
        self.library.record_articles(index, articles);
        self.place_unplaced(index);
        self.layouts.forget_issue(index);
        if let Some(found) = self
            .search
            .found
            .as_mut()
            .filter(|f| f.issue == Some(index))
        {
            found.issue = None;
        }
        if index == self.issue {
            self.view = None;
            self.select(self.issue, self.article);
        }
    }

    /// Select the issue and article that were open last time.
    fn restore_last_open(&mut self) {
        let Some(last) = self.state.last.clone() else {
            self.select(0, 0);
            return;
        };
        let issue = self.entry_of_key(&last.issue).unwrap_or(0);
        self.select_by_id(issue, last.article.as_deref());
    }

    /// Select the article with id `id` in entry `issue`, parsing it first,
    /// or its first article when there is no such article.
    fn select_by_id(&mut self, issue: usize, id: Option<&str>) {
        self.ensure_parsed(issue);
        let article = id
            .and_then(|id| {
                let articles = &self.issues.get(issue)?.as_ref()?.articles;
                articles.iter().position(|a| a.id == id)
            })
            .unwrap_or(0);
        self.select(issue, article);
    }
}

fn empty_issue(paper: String) -> Issue {
    Issue {
        paper,
        date: None,
        weekday: None,
        lunar: None,
        pages: None,
        front: Vec::new(),
        articles: Vec::new(),
        warnings: Vec::new(),
    }
}
