//! What goes into `update` and what comes out of it.

use std::path::PathBuf;
use std::time::Instant;

use std::sync::Arc;

use crossterm::event::{KeyEvent, MouseEvent};

use crate::archive::search::{Counts, IssueResult, LibrarySearch};

use crate::keys::Action;
use crate::library::Stamp;
use crate::model::Issue;
use crate::search::Query;
use crate::store::State;

/// Every input the reader takes, one at a time, through [`update`](super::update).
#[derive(Debug, Clone)]
pub enum Msg {
    /// A key press, through the keymap (or into the search prompt).
    Key(KeyEvent),
    /// An action, as a key bound to it would ask.
    Action(Action),
    /// Select article `.1` of issue `.0` (both clamped), as a click on it
    /// would: the linear mode's `3` and `i 2`.
    Select(usize, usize),
    /// The reader has had the selected article to its end (the linear
    /// mode printed its last page): marked read as an end on screen is.
    EndReached,
    /// Pasted text (bracketed paste): into the prompt, never keys.
    Paste(String),
    /// A mouse event, when mouse reporting is on.
    Mouse(MouseEvent),
    /// The terminal's new size; sent once before the first frame too.
    Resize(u16, u16),
    /// A frame is about to be drawn: lay out what it shows, keep the lists'
    /// selection in view, apply the `mark_read` rule to the article open in
    /// the Article pane (never to a preview). Sent once per frame, so a
    /// drained batch of keys lays out once.
    Frame,
    /// The time now: sent after every batch of input and at the deadline
    /// [`App::next_deadline`](super::App::next_deadline) asked for. The only
    /// clock `update` has: it stamps an opening and ends its dwell.
    Tick(Instant),
    /// Messages for the log (from the store, at start or after a save).
    Log(Vec<String>),
    /// Say in the status bar that there are messages; once, at start.
    Announce,
    /// An issue read and parsed for the app, answering [`Task::Read`].
    Parsed(Box<Parsed>),
    /// An already parsed issue for entry `.0` (a library that parsed
    /// ahead, a test fixture): put in place, keeping the selection.
    SetIssue(usize, Box<Issue>),
    /// The library opened again, answering [`Task::Reload`].
    Reloaded(Box<super::reload::Reopened>),
    /// The worker the loop started for [`Task::SearchLibrary`]; the loop
    /// polls it and sends what it finds as `SearchResults`.
    SearchStarted(Arc<LibrarySearch>),
    /// Issues with hits the library search found since the last batch, and
    /// how far it got.
    SearchResults(Box<SearchBatch>),
    /// The background fetch began, answering [`Task::Fetch`]: where its
    /// news arrive (only the loop drains it).
    FetchStarted(super::FetchInbox),
    /// News of the background fetch, drained by the loop from its inbox.
    Fetch(super::FetchNews),
    /// A copy carried out, answering [`Task::Copy`]: what was copied and
    /// how it went (the message to show on failure).
    Copied(String, Result<super::Copied, String>),
}

/// What a running library search sent since it was last polled.
#[derive(Debug, Clone)]
pub struct SearchBatch {
    pub results: Vec<IssueResult>,
    pub counts: Counts,
}

impl Msg {
    /// The copy kept to run again when this message had to wait for an
    /// issue to be parsed. Answers and ticks never wait.
    pub(crate) fn retry_copy(&self) -> Option<Msg> {
        match self {
            Msg::Key(_) | Msg::Action(_) | Msg::Mouse(_) | Msg::Select(..) => Some(self.clone()),
            _ => None,
        }
    }
}

/// An issue read from its file and parsed, off the update path.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub index: usize,
    pub issue: Issue,
    /// Decoding, reading and parsing problems, each naming the file.
    pub messages: Vec<String>,
    /// The file's size and mtime taken before it was read.
    pub stamp: Option<(PathBuf, Stamp)>,
}

/// What the terminal must do after a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Effect {
    #[default]
    None,
    Quit,
    Suspend,
    /// Clear the terminal and paint every cell again.
    Redraw,
}

/// Work `update` leaves to the loop: I/O, whose results come back as `Msg`s.
#[derive(Debug, Clone)]
pub enum Task {
    /// Read and parse entry `.0`; answer with `Msg::Parsed`.
    Read(usize),
    /// Open the library again with the app's reloader; answer with
    /// `Msg::Reloaded`.
    Reload,
    /// Keep this reading state as the one to write next (the signal and
    /// panic paths write it too).
    Stage(State),
    /// Write the staged state now; answer with its messages as `Msg::Log`.
    Flush,
    /// Start searching every issue on a worker thread; answer with
    /// `Msg::SearchStarted`, then poll it between inputs.
    SearchLibrary(Query),
    /// Stop a library search's worker.
    CancelSearch(Arc<LibrarySearch>),
    /// Fetch these feeds on a worker thread; answer at once with
    /// `Msg::FetchStarted`, then its news as `Msg::Fetch`.
    Fetch(Box<crate::feeds::Request>),
    /// Put text on the clipboard (OSC 52 or `copy_command`); answer with
    /// `Msg::Copied`.
    Copy(super::Clip),
}

/// What one message asks of the loop.
#[derive(Debug, Default)]
#[must_use]
pub struct Effects {
    pub effect: Effect,
    pub tasks: Vec<Task>,
}

impl Effects {
    /// Whether the reading state changed (and was handed over to be saved).
    pub fn stages_state(&self) -> bool {
        self.tasks.iter().any(|t| matches!(t, Task::Stage(_)))
    }
}
