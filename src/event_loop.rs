//! The synchronous loop: block on input, drain every pending event, update,
//! then draw once. Holding `j` therefore never queues up frames: whatever
//! arrived while a frame was drawn is applied in one go, and scrolling stops
//! when the key is released. Every input becomes a `Msg` for `update`; the
//! tasks it hands back (read an issue, reopen the library, stage or write
//! the reading state) are carried out here by [`settle`], their answers
//! going back in as `Msg`s. Reading state is saved debounced (at most one
//! save per [`SAVE_DELAY`] while it keeps changing: the app asks to be woken
//! at [`App::next_deadline`]) through a [`Saver`] that the signal thread and
//! the panic hook share.

use std::collections::VecDeque;
use std::io;
use std::sync::{Mutex, MutexGuard, TryLockError};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::app::{App, Effect, Msg, Parsed, Reopened, Task, update};
use crate::backend::Shown;
use crate::library::{Library, ReadError, Source, Stamp};
use crate::store::{State, Store};
use crate::terminal;
use crate::typeset;
use crate::ui::Theme;

pub use crate::app::SAVE_DELAY;

/// How often the loop looks whether the word segmenter is ready.
const WORDS_POLL: Duration = Duration::from_millis(50);

/// How long the drain waits for more pending input. crossterm's poll(2)
/// source (feature `use-dev-tty`) does not read at all for a zero timeout,
/// so "what is already pending" needs a tick. (The default mio source is
/// worse: its edge-triggered epoll returns after the first 1 KiB of a burst
/// and then sleeps on the unread rest until the next key arrives.)
const DRAIN_TICK: Duration = Duration::from_millis(1);

/// The store plus the newest state not yet written, behind one lock so that
/// any thread can persist on its way out.
#[derive(Debug)]
pub struct Saver {
    inner: Mutex<Pending>,
}

#[derive(Debug)]
struct Pending {
    store: Store,
    state: Option<State>,
}

impl Saver {
    pub fn new(store: Store) -> Saver {
        Saver {
            inner: Mutex::new(Pending { store, state: None }),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Pending> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Remember `state` as the one to write next.
    pub fn stage(&self, state: &State) {
        self.lock().state = Some(state.clone());
    }

    /// Write the staged state, if any; the messages to show (a failure is
    /// told once by the store).
    pub fn flush(&self) -> Vec<String> {
        let mut pending = self.lock();
        Self::write(&mut pending)
    }

    /// Like [`flush`](Self::flush) for the exit paths (signal, panic): when
    /// the lock stays taken (the panic happened mid-save) give up rather
    /// than deadlock.
    pub fn flush_within(&self, limit: Duration) {
        let start = Instant::now();
        loop {
            match self.inner.try_lock() {
                Ok(mut pending) => {
                    Self::write(&mut pending);
                    return;
                }
                Err(TryLockError::Poisoned(_)) => return,
                Err(TryLockError::WouldBlock) if start.elapsed() >= limit => return,
                Err(TryLockError::WouldBlock) => std::thread::yield_now(),
            }
        }
    }

    /// Messages the store gathered (on open: a corrupt file moved aside…).
    pub fn take_messages(&self) -> Vec<String> {
        self.lock().store.take_messages()
    }

    fn write(pending: &mut Pending) -> Vec<String> {
        if let Some(state) = pending.state.take() {
            // The store keeps the failure in its messages, told once.
            let _ = pending.store.save(&state);
        }
        pending.store.take_messages()
    }
}

/// Run until the reader quits. The caller saves the final state and then
/// restores the terminal.
pub fn run<B>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    theme: &Theme,
    saver: &Saver,
) -> anyhow::Result<()>
where
    B: Backend + Shown,
    B::Error: Send + Sync + 'static,
{
    terminal::refuse_background_reads()?;
    let mut words_loading = false;
    loop {
        // Never wait for input in the background or in modes a stop
        // undid: stay stopped until `fg`, then re-enter and redraw everything.
        if terminal::claim_input()? {
            redraw_all(terminal, app, saver)?;
        }
        // The article is laid out once per frame, not once per drained key;
        // the read mark this may set is staged like any other change.
        settle(app, Msg::Frame, Some(saver));
        draw(terminal, app, theme)?;
        // The word segmenter's dictionary is built off the first frame, on
        // a thread; until it is ready the loop looks in now and then, and the
        // frame after it lays headings out again, broken between words.
        if !words_loading {
            words_loading = true;
            std::thread::spawn(typeset::words::load);
        }
        let words_wait = (!typeset::words::ready()).then_some(WORDS_POLL);
        let wait = app
            .next_deadline()
            .map(|at| at.saturating_duration_since(Instant::now()))
            .into_iter()
            .chain(words_wait)
            .min();
        let first = match input(wait)? {
            Input::Event(event) => event,
            Input::Timeout => {
                settle(app, Msg::Tick(Instant::now()), Some(saver));
                continue;
            }
            Input::Reclaim => continue,
        };
        let mut effect = handle(app, first, saver);
        // Drain what is already pending before drawing again.
        while effect == Effect::None {
            match input(Some(DRAIN_TICK))? {
                Input::Event(event) => effect = handle(app, event, saver),
                Input::Timeout | Input::Reclaim => break,
            }
        }
        // Starts the save delay for a state the batch changed.
        settle(app, Msg::Tick(Instant::now()), Some(saver));
        match effect {
            Effect::None => {}
            Effect::Quit => return Ok(()),
            Effect::Redraw => redraw_all(terminal, app, saver)?,
            // The state was written on the way (`update` asks for it):
            // back at the top, `claim_input` re-enters (after `fg`) or
            // stays stopped (after `bg`).
            Effect::Suspend => terminal::suspend()?,
        }
    }
}

/// Apply `msg`, then carry out the tasks it leaves, feeding their answers
/// back until none is left: the one place the reader's I/O happens between
/// inputs. Without a saver (the tests) the state is not written. Returns
/// what the terminal must do.
pub fn settle(app: &mut App, msg: Msg, saver: Option<&Saver>) -> Effect {
    let mut effect = Effect::None;
    let mut queue = VecDeque::from([msg]);
    while let Some(msg) = queue.pop_front() {
        let effects = update(app, msg);
        if effect == Effect::None {
            effect = effects.effect;
        }
        for task in effects.tasks {
            queue.extend(run_task(app, task, saver));
        }
    }
    effect
}

/// Carry out one task; its answer, if it has one.
fn run_task(app: &App, task: Task, saver: Option<&Saver>) -> Option<Msg> {
    match task {
        Task::Read(index) => Some(Msg::Parsed(Box::new(read_issue(app.library(), index)))),
        Task::Reload => reopen(app).map(|r| Msg::Reloaded(Box::new(r))),
        Task::Stage(state) => {
            saver?.stage(&state);
            None
        }
        Task::Flush => Some(Msg::Log(saver?.flush())),
    }
}

/// Read and parse entry `index`; every problem is a message naming the file.
pub fn read_issue(library: &Library, index: usize) -> Parsed {
    let label = library.label(index);
    // Taken before the read, so a change made while it is read shows at
    // the next reload.
    let stamp = match library.entries.get(index).map(|e| &e.source) {
        Some(Source::File(path)) => stamp_of(path).map(|s| (path.clone(), s)),
        _ => None,
    };
    let mut messages = Vec::new();
    let issue = match library.read_decoded(index) {
        Ok(decoded) => {
            // Decoding warnings already name the file and byte offset.
            messages.extend(decoded.warnings);
            let name = library.file_name(index);
            crate::sources::read_issue(&decoded.text, name.as_deref())
        }
        Err(err) => {
            // An unavailable entry shows its reason in the Issues pane
            // and was reported when the library was listed.
            if !matches!(err, ReadError::Unavailable(_)) {
                messages.push(format!("{label}: {err}"));
            }
            let paper = library.entries.get(index).map(|e| e.paper.clone());
            crate::app::empty_issue(paper.unwrap_or_default())
        }
    };
    for warning in &issue.warnings {
        messages.push(format!("{label}: {warning}"));
    }
    Parsed {
        index,
        issue,
        messages,
        stamp,
    }
}

/// Open the library again with the app's reloader, saving the header
/// cache first so the reopen reads the article counts learnt this session.
/// Standard input cannot be read twice: the text read at start is handed back.
fn reopen(app: &App) -> Option<Reopened> {
    let reloader = app.reloader()?;
    let library = app.library();
    let cache_error = library.clone().save_header_cache().err();
    let stdin = (0..library.entries.len())
        .find(|&i| library.entries[i].source == Source::Stdin)
        .and_then(|i| library.read(i).ok())
        .unwrap_or_default();
    let mut library = reloader.reopen(&stdin);
    library.messages.extend(cache_error);
    let stamps = app
        .parsed_files()
        .filter_map(|path| Some((path.clone(), stamp_of(path)?)))
        .collect();
    Some(Reopened { library, stamps })
}

/// A file's size and modification time; a folder issue's by its files.
fn stamp_of(path: &std::path::Path) -> Option<Stamp> {
    crate::library::stamp_of(path)
}

/// What waiting for input gave.
enum Input {
    Event(Event),
    /// Nothing within the time asked.
    Timeout,
    /// The terminal is not ours to read now (a stop, `bg`): go back to
    /// [`terminal::claim_input`] before waiting again.
    Reclaim,
}

/// Wait at most `timeout` (forever with `None`) for one event. Every poll
/// of the terminal goes through here, and only while this process owns
/// it: crossterm's poll reads ahead into its buffer.
fn input(timeout: Option<Duration>) -> io::Result<Input> {
    if !terminal::owns_input() {
        return Ok(Input::Reclaim);
    }
    let result = match timeout {
        Some(limit) => match event::poll(limit) {
            Ok(true) => event::read().map(Input::Event),
            Ok(false) => Ok(Input::Timeout),
            Err(err) => Err(err),
        },
        None => event::read().map(Input::Event),
    };
    match result {
        Err(err) if terminal::lost_to_job_control(&err) => Ok(Input::Reclaim),
        other => other,
    }
}

fn draw<B>(terminal: &mut Terminal<B>, app: &App, theme: &Theme) -> anyhow::Result<()>
where
    B: Backend + Shown,
    B::Error: Send + Sync + 'static,
{
    let wanted = terminal.backend().wants_shown();
    let completed = terminal.draw(|frame| {
        test_panic();
        crate::ui::render(app, theme, frame);
    })?;
    // The backend scrolls rows the terminal already shows instead of
    // repainting them (backend::scroll); for that it must know the screen.
    // A backend that does not scroll is not handed a copy every frame.
    if wanted {
        let shown = completed.buffer.clone();
        terminal.backend_mut().shown(shown);
    }
    Ok(())
}

/// `BROADSHEET_TEST_PANIC=draw` panics while drawing, so the end-to-end
/// tests can check what a panic leaves behind. Debug builds only.
fn test_panic() {
    // The one deliberate panic: what the end-to-end tests check the
    // panic hook against.
    #[cfg(debug_assertions)]
    #[allow(clippy::panic)]
    if std::env::var_os("BROADSHEET_TEST_PANIC").is_some_and(|v| v == "draw") {
        panic!("test panic while drawing (BROADSHEET_TEST_PANIC=draw)");
    }
}

fn handle(app: &mut App, event: Event, saver: &Saver) -> Effect {
    let msg = match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => Msg::Key(key),
        Event::Resize(width, height) => Msg::Resize(width, height),
        // One event for the whole paste (bracketed paste is on), so no
        // pasted `q` or newline is ever taken as a key command.
        Event::Paste(text) => Msg::Paste(text),
        // Only when the config turns mouse reporting on; a burst of wheel
        // notches is drained like held keys.
        Event::Mouse(mouse) => Msg::Mouse(mouse),
        _ => return Effect::None,
    };
    settle(app, msg, Some(saver))
}

/// After a stop, with the modes re-entered: clear the screen and draw
/// everything anew at the size it has now (it may have been resized while
/// we were stopped).
fn redraw_all<B>(terminal: &mut Terminal<B>, app: &mut App, saver: &Saver) -> anyhow::Result<()>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    let size = terminal.size()?;
    settle(app, Msg::Resize(size.width, size.height), Some(saver));
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
    terminal.clear()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saver_in(dir: &std::path::Path) -> (Saver, State) {
        let (store, state) = Store::open_at(dir);
        (Saver::new(store), state)
    }

    #[test]
    fn a_staged_state_is_written_on_flush() {
        let dir = tempfile::tempdir().unwrap();
        let (saver, mut state) = saver_in(dir.path());
        state.toggle_star("a1");
        saver.stage(&state);
        assert!(saver.flush().is_empty());
        let (_, loaded) = Store::open_at(dir.path());
        assert!(loaded.is_starred("a1"));
    }

    #[test]
    fn nothing_staged_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (saver, _) = saver_in(dir.path());
        saver.flush();
        assert!(!dir.path().join("state.json").exists());
    }

    #[test]
    fn the_exit_flush_gives_up_on_a_held_lock() {
        let dir = tempfile::tempdir().unwrap();
        let (saver, mut state) = saver_in(dir.path());
        state.toggle_star("a1");
        saver.stage(&state);
        let held = saver.inner.lock().unwrap();
        // Returns (after the limit) instead of deadlocking, as the panic
        // hook must when the panic happened mid-save.
        saver.flush_within(Duration::from_millis(10));
        drop(held);
        assert!(!dir.path().join("state.json").exists());
        saver.flush_within(Duration::from_millis(10));
        assert!(dir.path().join("state.json").exists());
    }
}
