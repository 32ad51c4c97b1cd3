//! The synchronous loop: block on input, drain every pending event, update,
//! then draw once. Holding `j` therefore never queues up frames: whatever
//! arrived while a frame was drawn is applied in one go, and scrolling stops
//! when the key is released. Reading state is saved debounced (at most one
//! save per [`SAVE_DELAY`] while it keeps changing) through a [`Saver`] that
//! the signal thread and the panic hook share.

use std::io;
use std::sync::{Mutex, MutexGuard, TryLockError};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::app::{App, Effect};
use crate::backend::Shown;
use crate::store::{State, Store};
use crate::terminal;

/// How long a changed reading state may wait before it is written.
pub const SAVE_DELAY: Duration = Duration::from_millis(500);

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
pub fn run<B>(terminal: &mut Terminal<B>, app: &mut App, saver: &Saver) -> anyhow::Result<()>
where
    B: Backend + Shown,
    B::Error: Send + Sync + 'static,
{
    terminal::refuse_background_reads()?;
    let mut save_at: Option<Instant> = None;
    loop {
        // Never wait for input in the background or in modes a stop
        // undid (RELIABILITY §6 case 21): stay stopped until `fg`, then
        // re-enter and redraw everything.
        if terminal::claim_input()? {
            redraw_all(terminal, app)?;
        }
        // The article is laid out once per frame, not once per drained key;
        // the read mark this may set is staged like any other change.
        app.prepare_frame();
        stage_changes(app, saver, &mut save_at);
        draw(terminal, app)?;
        let first = match input(save_at.map(|at| at.saturating_duration_since(Instant::now())))? {
            Input::Event(event) => event,
            Input::Timeout => {
                save_at = None;
                tell(app, saver.flush());
                continue;
            }
            Input::Reclaim => continue,
        };
        let mut effect = handle(app, first);
        // Drain what is already pending before drawing again.
        while effect == Effect::None {
            match input(Some(DRAIN_TICK))? {
                Input::Event(event) => effect = handle(app, event),
                Input::Timeout | Input::Reclaim => break,
            }
        }
        stage_changes(app, saver, &mut save_at);
        match effect {
            Effect::None => {}
            Effect::Quit => return Ok(()),
            Effect::Redraw => redraw_all(terminal, app)?,
            Effect::Suspend => {
                save_at = None;
                tell(app, saver.flush());
                // Back at the top, `claim_input` re-enters (after `fg`) or
                // stays stopped (after `bg`).
                terminal::suspend()?;
            }
        }
    }
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

/// Hand a changed reading state to the saver; it is written after a pause
/// (or at once on suspend and exit).
fn stage_changes(app: &mut App, saver: &Saver, save_at: &mut Option<Instant>) {
    if app.take_state_changed() {
        saver.stage(app.state());
        save_at.get_or_insert_with(|| Instant::now() + SAVE_DELAY);
    }
}

fn draw<B>(terminal: &mut Terminal<B>, app: &App) -> anyhow::Result<()>
where
    B: Backend + Shown,
    B::Error: Send + Sync + 'static,
{
    let wanted = terminal.backend().wants_shown();
    let completed = terminal.draw(|frame| {
        test_panic();
        crate::ui::render(app, frame);
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
    #[cfg(debug_assertions)]
    if std::env::var_os("BROADSHEET_TEST_PANIC").is_some_and(|v| v == "draw") {
        panic!("test panic while drawing (BROADSHEET_TEST_PANIC=draw)");
    }
}

fn handle(app: &mut App, event: Event) -> Effect {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => app.on_key(key),
        Event::Resize(width, height) => {
            app.on_resize(width, height);
            Effect::None
        }
        // One event for the whole paste (bracketed paste is on), so no
        // pasted `q` or newline is ever taken as a key command.
        Event::Paste(text) => app.on_paste(text),
        // Only when the config turns mouse reporting on; a burst of wheel
        // notches is drained like held keys.
        Event::Mouse(mouse) => app.on_mouse(mouse),
        _ => Effect::None,
    }
}

/// After a stop, with the modes re-entered: clear the screen and draw
/// everything anew at the size it has now (it may have been resized while
/// we were stopped).
fn redraw_all<B>(terminal: &mut Terminal<B>, app: &mut App) -> anyhow::Result<()>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    let size = terminal.size()?;
    app.on_resize(size.width, size.height);
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
    terminal.clear()?;
    Ok(())
}

fn tell(app: &mut App, messages: Vec<String>) {
    for message in messages {
        app.push_message(message);
    }
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
