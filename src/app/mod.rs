//! Application state and its one mutator. No terminal and no I/O here:
//! every input arrives as a [`Msg`], [`update`] applies it and hands back
//! [`Effects`] (files to read, state to save, the library to reopen) that
//! the event loop carries out, their results coming back as `Msg`s.
//! `ui::render` borrows the result.
//!
//! `App` is kept in owned parts, each with one concern: the library and
//! its parsed documents ([`Docs`]), the reading place ([`Place`]), the
//! screen state (focus, panes, notice: [`ScreenState`]), the overlays
//! ([`Overlays`]), search ([`Search`]), the settings ([`Settings`]), and the
//! work handed to the loop and waited for ([`Chores`]).

mod archive;
mod calendar;
mod copy;
mod counts;
mod fetching;
mod find;
mod focus;
mod goto;
mod hits;
mod jumps;
pub mod keymap;
mod library_find;
mod links;
mod marks;
pub mod mouse;
mod msg;
mod opened;
pub mod pages;
pub mod prompt;
mod reading;
mod reload;
mod update;

#[cfg(test)]
mod test_support;

pub use crate::geometry::Pane;
pub use crate::keys::Action;
pub use archive::{Cursor, FOLDS_KEY};
pub use copy::{Clip, Copied, article_text, byte_size, citation};
pub use fetching::{FETCH_POLL, FetchInbox, FetchNews};
pub use find::{PromptKind, Search};
pub use hits::{Found, IssueHit, reading_rank};
pub use jumps::{JumpTarget, continuation};
pub use library_find::{LibraryFind, ResultLine, hit_count};
pub use links::{LinkNote, link_lines, link_notes};
pub use msg::{Effect, Effects, Msg, Parsed, SearchBatch, Task};
pub use reading::{LayoutCache, View};
pub use reload::{Reloader, Reopened};
pub use update::update;

use std::collections::{BTreeSet, HashMap, VecDeque};
use std::path::PathBuf;
use std::time::Instant;

use crate::config::Config;
use crate::i18n::t;
use crate::library::{Library, Stamp};
use crate::model::{Article, Date, Issue};
use crate::store::{MarkRead, State};
use crate::typeset::{AmbiguousWidth, Options, Script};

/// Rows help shows after the actions: a blank and the ambiguous width.
pub const HELP_TAIL: usize = 2;

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
    /// A month calendar of the selected paper's issues (`c`).
    Calendar,
    /// Library-wide search results, filling in as they arrive (`|`).
    Results,
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
        let date = self.date.map(crate::i18n::date);
        let parts: Vec<String> = [date, self.weekday.clone()].into_iter().flatten().collect();
        parts.join(" ")
    }
}

/// The library and what has been parsed of it.
#[derive(Debug)]
pub(crate) struct Docs {
    pub(crate) library: Library,
    /// Parsed issues, parallel to `library.entries`; an issue is parsed when
    /// it is first selected.
    pub(crate) issues: Vec<Option<Issue>>,
    /// Library, store and parser messages, oldest first.
    pub(crate) messages: Vec<String>,
    /// Entry index by issue key, built when `S` or `u` first needs it.
    pub(crate) issue_keys: Option<HashMap<String, usize>>,
    /// Size and mtime of each parsed issue's file, by its path as listed,
    /// taken before it was read: a reload keeps the parse while they match.
    pub(crate) parsed_stamps: HashMap<PathBuf, Stamp>,
    /// How to open the library again (`R`); `None` in tests that build
    /// the library by hand. Run by the loop, never by `update`.
    pub(crate) reloader: Option<Reloader>,
}

/// Where the reader is, and what it has read.
#[derive(Debug)]
pub(crate) struct Place {
    pub(crate) state: State,
    /// Selected issue (index into `library.entries`) and article.
    pub(crate) issue: usize,
    pub(crate) article: usize,
    /// The current article laid out for the current size; `None` when there
    /// is no article or no room, or when the selection changed since the
    /// last frame.
    pub(crate) view: Option<View>,
    /// Layouts of articles recently left, reused when the reader comes back.
    pub(crate) layouts: LayoutCache,
    /// The reading state changed since it was last handed to the loop.
    pub(crate) state_changed: bool,
    /// Where each jump followed was taken, most recent last.
    pub(crate) jumped_from: Vec<jumps::JumpOrigin>,
    /// The article open in the Article pane, for the `mark_read` rule.
    pub(crate) open: Option<opened::Open>,
}

/// Focus, panes and the status bar's remark.
#[derive(Debug)]
pub(crate) struct ScreenState {
    pub(crate) size: (u16, u16),
    pub(crate) focus: Pane,
    /// In the two-pane layout: whether Issues | Headlines is shown instead
    /// of Headlines | Article.
    pub(crate) issues_shown: bool,
    /// The pane `i` left for Issues, where a second `i` goes back to.
    pub(crate) before_issues: Pane,
    /// First item shown in the Issues and Headlines lists.
    pub(crate) issues_top: usize,
    pub(crate) headlines_top: usize,
    /// A one-off remark for the status bar ("starred", "no unread article").
    pub(crate) notice: Option<String>,
}

/// The overlay open, if any, and what it lists.
#[derive(Debug, Default)]
pub(crate) struct Overlays {
    pub(crate) open: Option<Overlay>,
    /// First line shown in a scrolled overlay, or the selection in `Starred`.
    pub(crate) line: usize,
    pub(crate) starred: Vec<StarredItem>,
    /// Starred articles whose issue is not in this library (or not found).
    pub(crate) starred_elsewhere: usize,
    /// The links overlay's notes, found when it opened.
    pub(crate) link_notes: Vec<LinkNote>,
}

/// What the config and the terminal decided at start.
#[derive(Debug)]
pub(crate) struct Settings {
    pub(crate) keymap: keymap::Keymap,
    pub(crate) options: Options,
    /// Widest the article body is set, in cells.
    pub(crate) body_width: u16,
    /// How the ambiguous width was chosen ("measured", "as set"), shown in
    /// help next to the result.
    pub(crate) ambiguous_note: Option<String>,
    /// When an open article becomes read.
    pub(crate) mark_read: MarkRead,
    /// Whether the cursor on the focus is seen (`cursor = "visible"`).
    pub(crate) cursor_visible: bool,
    /// Link text is drawn as OSC 8 hyperlinks (the config's `hyperlinks`,
    /// off where the terminal has none).
    pub(crate) hyperlinks: bool,
    /// The traditional script `t` cycles through (`Script::cycle`): the
    /// `script` setting's when it names one, else the locale's.
    pub(crate) traditional: crate::typeset::Script,
}

/// Something to do again once the issues it needs are parsed.
#[derive(Debug, Clone)]
pub(crate) enum Retry {
    Msg(Msg),
    /// Select the article with this id (or the first) in this issue.
    SelectById(usize, Option<String>),
    /// Open the starred list again (after a reload).
    OpenStarred,
}

/// Work handed to the loop and not yet answered.
#[derive(Debug, Default)]
pub(crate) struct Chores {
    /// Issues an input needs parsed before it can go on.
    pub(crate) wanted: BTreeSet<usize>,
    /// Of those, the ones already asked for.
    pub(crate) asked: BTreeSet<usize>,
    /// What waits for them, oldest first.
    pub(crate) retry: VecDeque<Retry>,
    /// The time of the last `Msg::Tick`: `update` has no clock of its own.
    pub(crate) clock: Option<Instant>,
    /// Tasks found on the way (a reload asked for), handed over with the effects.
    pub(crate) outbox: Vec<crate::app::Task>,
    /// The background fetch of feeds (`F`).
    pub(crate) fetch: fetching::FetchState,
}

/// Everything the reader shows, as data.
#[derive(Debug)]
pub struct App {
    pub(crate) docs: Docs,
    pub(crate) place: Place,
    pub(crate) screen: ScreenState,
    pub(crate) overlay: Overlays,
    pub(crate) search: Search,
    pub(crate) archive: archive::Archive,
    pub(crate) settings: Settings,
    pub(crate) chores: Chores,
    pub(crate) counts: counts::Counts,
}

impl App {
    /// The reader over `library`, on the issue and article that were open
    /// last (from `state`), focus on Headlines. Send `Msg::Resize` and then
    /// `Msg::Frame` before the first draw: nothing is laid out for a size
    /// that is not known, and the issue open last is read on the way.
    pub fn new(library: Library, config: &Config, state: State, ambiguous: AmbiguousWidth) -> App {
        let (keymap, errors) = keymap::Keymap::from_config(&config.keys);
        let mut messages = library.messages.clone();
        messages.extend(errors);
        let options = Options {
            ambiguous,
            kinsoku: config.kinsoku,
            punctuation: config.punctuation,
            script: config.script,
            indent: config.indent,
            widows: config.widows,
        };
        let issues = vec![None; library.entries.len()];
        let mut app = App {
            docs: Docs {
                library,
                issues,
                messages,
                issue_keys: None,
                parsed_stamps: HashMap::new(),
                reloader: None,
            },
            place: Place {
                state,
                issue: 0,
                article: 0,
                view: None,
                layouts: LayoutCache::default(),
                state_changed: false,
                jumped_from: Vec::new(),
                open: None,
            },
            screen: ScreenState {
                // Unknown until `Msg::Resize`: nothing is laid out or marked
                // read for a size that was never on screen.
                size: (0, 0),
                focus: Pane::Headlines,
                issues_shown: false,
                before_issues: Pane::Headlines,
                issues_top: 0,
                headlines_top: 0,
                notice: None,
            },
            overlay: Overlays::default(),
            search: Search::default(),
            archive: archive::Archive::default(),
            settings: Settings {
                keymap,
                options,
                body_width: config.body_width,
                ambiguous_note: None,
                mark_read: config.mark_read,
                cursor_visible: config.cursor == crate::config::CursorSetting::Visible,
                hyperlinks: config.hyperlinks,
                traditional: match config.script {
                    Script::AsIs | Script::Simplified => {
                        let locale = crate::i18n::locale_name(|name| std::env::var(name).ok());
                        Script::traditional_of_locale(&locale.unwrap_or_default())
                    }
                    traditional => traditional,
                },
            },
            chores: Chores::default(),
            counts: counts::Counts::default(),
        };
        app.note_issues();
        app.restore_last_open();
        app
    }

    /// Today's date, for `yesterday` and dates typed without a year at
    /// the `:` prompt (without it: the newest issue's date).
    pub fn with_today(mut self, today: Date) -> App {
        self.archive.today = Some(today);
        self
    }

    /// Give the reader the way to open its library again (`R`).
    pub fn with_reloader(mut self, reloader: Reloader) -> App {
        self.docs.reloader = Some(reloader);
        self
    }

    /// Say in help how the ambiguous width was chosen.
    pub fn with_ambiguous_note(mut self, note: &str) -> App {
        self.settings.ambiguous_note = Some(note.to_owned());
        self
    }

    /// The library, to hand back its header cache at exit.
    pub fn into_library(self) -> Library {
        self.docs.library
    }

    pub fn library(&self) -> &Library {
        &self.docs.library
    }

    pub fn reloader(&self) -> Option<&Reloader> {
        self.docs.reloader.as_ref()
    }

    pub fn state(&self) -> &State {
        &self.place.state
    }

    pub fn size(&self) -> (u16, u16) {
        self.screen.size
    }

    pub fn focus(&self) -> Pane {
        self.screen.focus
    }

    /// Whether Issues | Headlines is shown in the two-pane layout.
    pub fn issues_shown(&self) -> bool {
        self.screen.issues_shown
    }

    /// The selected issue (index into the library's entries).
    pub fn issue(&self) -> usize {
        self.place.issue
    }

    /// The selected article (index into the selected issue's articles).
    pub fn article(&self) -> usize {
        self.place.article
    }

    /// The first items shown in the Issues and Headlines lists.
    pub fn issues_top(&self) -> usize {
        self.screen.issues_top
    }

    pub fn headlines_top(&self) -> usize {
        self.screen.headlines_top
    }

    /// The current article as laid out for the screen, once a frame laid it out.
    pub fn view(&self) -> Option<&View> {
        self.place.view.as_ref()
    }

    pub fn layouts(&self) -> &LayoutCache {
        &self.place.layouts
    }

    pub fn notice(&self) -> Option<&str> {
        self.screen.notice.as_deref()
    }

    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay.open
    }

    /// The first row shown in a scrolled overlay, or the starred selection.
    pub fn overlay_line(&self) -> usize {
        self.overlay.line
    }

    pub fn starred(&self) -> &[StarredItem] {
        &self.overlay.starred
    }

    pub fn starred_elsewhere(&self) -> usize {
        self.overlay.starred_elsewhere
    }

    pub fn messages(&self) -> &[String] {
        &self.docs.messages
    }

    pub fn search(&self) -> &Search {
        &self.search
    }

    pub fn options(&self) -> &Options {
        &self.settings.options
    }

    pub fn keymap(&self) -> &keymap::Keymap {
        &self.settings.keymap
    }

    pub fn body_width(&self) -> u16 {
        self.settings.body_width
    }

    pub fn ambiguous_note(&self) -> Option<&str> {
        self.settings.ambiguous_note.as_deref()
    }

    /// How many entries the library has (parsed or not).
    pub fn issue_count(&self) -> usize {
        self.docs.issues.len()
    }

    /// Entry `index`, if it has been parsed.
    pub fn parsed(&self, index: usize) -> Option<&Issue> {
        self.docs.issues.get(index)?.as_ref()
    }

    /// When the loop should wake with `Msg::Tick` even if no input comes:
    /// the open article's dwell runs out then (`mark_read`), or a running
    /// fetch is due to be looked at. Saving has its own deadline, the
    /// saver's.
    pub fn next_deadline(&self) -> Option<Instant> {
        [self.mark_deadline(), self.chores.fetch.poll_due]
            .into_iter()
            .flatten()
            .min()
    }

    /// When an open article becomes read, as the config set it.
    pub fn mark_read(&self) -> MarkRead {
        self.settings.mark_read
    }

    /// Where the reader is, for the saver ([`crate::store::Saver::moved`]):
    /// the selected issue and article, and the position in it once the
    /// reader has moved there or it has one saved. `None` before anything
    /// is selected.
    pub fn saver_place(&self) -> Option<crate::store::Place<'_>> {
        let last = self.place.state.last.as_ref()?;
        let article = self.current_article();
        let view = (self.place.view.as_ref())
            .filter(|v| (v.issue, v.article) == (self.place.issue, self.place.article));
        let position = view.zip(article).and_then(|(view, article)| {
            let saved = self.place.state.position(&article.id);
            (saved.is_some() || view.top > 0).then_some(view.anchor)
        });
        Some(crate::store::Place {
            issue: &last.issue,
            article: last.article.as_deref(),
            headline: article.map_or("", |a| a.headline.as_str()),
            position,
        })
    }

    /// Rows of the help overlay: a row per bound action, then
    /// [`HELP_TAIL`] (`ui`'s help draws exactly these).
    pub fn help_rows(&self) -> usize {
        self.settings.keymap.bound().count() + HELP_TAIL
    }

    /// Whether the search prompt is open (keys are text then).
    pub fn prompt_open(&self) -> bool {
        self.search.prompt.is_some()
    }

    /// Say in the status bar that there are messages (files skipped, a
    /// damaged state file moved aside…), with the first of them and the key
    /// that lists them all: the log alone is easy to miss.
    pub(crate) fn announce_messages(&mut self) {
        let Some(first) = self.docs.messages.first() else {
            return;
        };
        let (count, them) = match self.docs.messages.len() {
            1 => (t!("notice.message_one"), t!("notice.shows_it")),
            n => (t!("notice.messages", n = n), t!("notice.lists_them")),
        };
        let key = match self.settings.keymap.labels(Action::Log).first() {
            Some(key) => t!("notice.log_key", key = key, them = them),
            None => String::new(),
        };
        self.screen.notice = Some(t!(
            "notice.announce",
            count = count,
            key = key,
            first = first
        ));
    }

    pub(crate) fn mark_state_changed(&mut self) {
        self.place.state_changed = true;
    }

    /// The selected issue, when it has been parsed.
    pub fn current_issue(&self) -> Option<&Issue> {
        self.parsed(self.place.issue)
    }

    /// The selected article.
    pub fn current_article(&self) -> Option<&Article> {
        self.current_issue()?.articles.get(self.place.article)
    }

    /// Article `article` of issue `issue`, if that issue has been parsed.
    pub fn article_at(&self, issue: usize, article: usize) -> Option<&Article> {
        self.parsed(issue)?.articles.get(article)
    }

    /// Paper, date and weekday of entry `index`: from the library's header
    /// scan, completed by the parsed issue once there is one; the paper falls
    /// back to the entry's label.
    pub fn issue_info(&self, index: usize) -> IssueInfo {
        let library = &self.docs.library;
        let entry = library.entries.get(index);
        let parsed = self.parsed(index);
        let paper = entry
            .map(|e| e.paper.clone())
            .filter(|p| !p.is_empty())
            .or_else(|| parsed.map(|i| i.paper.clone()).filter(|p| !p.is_empty()))
            .unwrap_or_else(|| library.label(index));
        IssueInfo {
            paper,
            date: entry.and_then(|e| e.date).or(parsed.and_then(|i| i.date)),
            weekday: entry
                .and_then(|e| e.weekday.clone())
                .or_else(|| parsed.and_then(|i| i.weekday.clone())),
        }
    }

    /// Whether issue `index` is parsed (or out of range); if not, ask the
    /// loop for it. A caller that gets `false` stops before changing
    /// anything: the input that needed the issue runs again once it is in.
    pub(crate) fn need_parsed(&mut self, index: usize) -> bool {
        if self.docs.issues.get(index).is_none_or(Option::is_some) {
            return true;
        }
        self.chores.wanted.insert(index);
        false
    }

    /// Whether an input is waiting for an issue to be parsed.
    pub(crate) fn waiting(&self) -> bool {
        !self.chores.wanted.is_empty()
    }

    /// An issue the loop read and parsed for entry `index`: its messages go
    /// to the log, and records written without a place get this one.
    pub(crate) fn install_parsed(&mut self, parsed: Parsed) {
        let Parsed {
            index,
            issue,
            messages,
            stamp,
        } = parsed;
        self.chores.wanted.remove(&index);
        self.chores.asked.remove(&index);
        if self.docs.issues.get(index).is_none_or(Option::is_some) {
            return;
        }
        self.docs.messages.extend(messages);
        if let Some((path, stamp)) = stamp {
            self.docs.parsed_stamps.insert(path, stamp);
        }
        let articles = issue.articles.len();
        self.docs.library.record_articles(index, articles);
        if let Some(slot) = self.docs.issues.get_mut(index) {
            *slot = Some(issue);
        }
        self.place_unplaced(index);
        self.counts_stale();
    }

    /// Use an already parsed issue for entry `index` (a library that parsed
    /// ahead, or a test fixture); the selection is kept when it still exists.
    pub(crate) fn set_issue(&mut self, index: usize, issue: Issue) {
        let Some(slot) = self.docs.issues.get_mut(index) else {
            return;
        };
        let articles = issue.articles.len();
        *slot = Some(issue);
        self.chores.wanted.remove(&index);
        self.docs.library.record_articles(index, articles);
        self.place_unplaced(index);
        self.counts_stale();
        self.place.layouts.forget_issue(index);
        if let Some(found) = self
            .search
            .found
            .as_mut()
            .filter(|f| f.issue == Some(index))
        {
            found.issue = None;
        }
        if index == self.place.issue {
            self.place.view = None;
            self.select(self.place.issue, self.place.article);
        }
    }

    /// Select the issue and article that were open last time.
    fn restore_last_open(&mut self) {
        let Some(last) = self.place.state.last.clone() else {
            self.select_by_id(0, None);
            return;
        };
        let issue = self.entry_of_key(&last.issue).unwrap_or(0);
        self.select_by_id(issue, last.article.as_deref());
    }

    /// Select the article with id `id` in entry `issue` or its first article
    /// when there is no such article, once the issue is parsed.
    pub(crate) fn select_by_id(&mut self, issue: usize, id: Option<&str>) {
        if !self.need_parsed(issue) {
            let id = id.map(str::to_owned);
            self.chores.retry.push_back(Retry::SelectById(issue, id));
            return;
        }
        let article = id
            .and_then(|id| {
                let articles = &self.parsed(issue)?.articles;
                articles.iter().position(|a| a.id == id)
            })
            .unwrap_or(0);
        self.select(issue, article);
    }
}

/// The issue an entry that cannot be read shows: no articles.
pub fn empty_issue(paper: String) -> Issue {
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
