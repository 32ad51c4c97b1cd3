//! The synchronous loop: block on input, drain every pending event, update,
//! then draw once. Holding `j` therefore never queues up frames: whatever
//! arrived while a frame was drawn is applied in one go, and scrolling stops
//! when the key is released. Every input becomes a `Msg` for `update`; the
//! tasks it hands back (read an issue, reopen the library, stage or write
//! the reading state) are carried out here by [`settle`], their answers
//! going back in as `Msg`s. Reading state is saved as the reader reads
//! through a [`Saver`] the signal thread and the panic hook share: after
//! every message the reader's place goes to [`Saver::moved`] (a compare, no
//! copy), a changed state to [`Saver::stage`], and the loop wakes at the
//! earlier of the saver's debounce and [`App::next_deadline`] (the dwell of
//! `mark_read`) to write or to tick.

use std::collections::VecDeque;
use std::io;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::app::{
    App, Effect, FetchInbox, FetchNews, Msg, Parsed, Reopened, SearchBatch, Task, update,
};
use crate::archive::search::LibrarySearch;
use crate::backend::{CursorSeen, Shown};
use crate::library::{Library, ReadError, Source, Stamp};
use crate::store::Saver;
use crate::terminal;
use crate::typeset;
use crate::ui::Theme;

/// How often the loop looks whether the word segmenter is ready.
const WORDS_POLL: Duration = Duration::from_millis(50);

/// How long the drain waits for more pending input. crossterm's poll(2)
/// source (feature `use-dev-tty`) does not read at all for a zero timeout,
/// so "what is already pending" needs a tick. (The default mio source is
/// worse: its edge-triggered epoll returns after the first 1 KiB of a burst
/// and then sleeps on the unread rest until the next key arrives.)
const DRAIN_TICK: Duration = Duration::from_millis(1);

/// How often a running library search is looked at while no key comes:
/// results show within this of arriving.
const SEARCH_POLL: Duration = Duration::from_millis(25);

/// Run until the reader quits. The caller saves the final state and then
/// restores the terminal.
pub fn run<B>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    theme: &Theme,
    saver: &Saver,
) -> anyhow::Result<()>
where
    B: Backend + Shown + CursorSeen,
    B::Error: Send + Sync + 'static,
{
    terminal::refuse_background_reads()?;
    // A test hook: a test comparing two runs' screens wants headings laid
    // out with the dictionary from the first frame on, not re-laid out
    // whenever the dictionary happens to arrive.
    let mut words_loading = std::env::var_os("BROADSHEET_WORDS_AT_START").is_some();
    if words_loading {
        typeset::words::load();
    }
    loop {
        // Never wait for input in the background or in modes a stop
        // undid: stay stopped until `fg`, then re-enter and redraw everything.
        if terminal::claim_input()? {
            redraw_all(terminal, app, saver)?;
        }
        // What the background fetch posted since the last frame.
        poll_fetch(app, Some(saver));
        // The article is laid out once per frame, not once per drained key;
        // the read mark this may set is staged like any other change.
        if let Some(found) = poll_search(app) {
            settle(app, found, Some(saver));
        }
        settle(app, Msg::Frame, Some(saver));
        draw(terminal, app, theme)?;
        // The word segmenter's dictionary is built off the first frame, on
        // a thread; until it is ready the loop looks in now and then, and the
        // frame after it lays headings out again, broken between words.
        // Then the library search's prefilter tables (tens of
        // milliseconds), so a search's first results do not wait for them.
        if !words_loading {
            words_loading = true;
            std::thread::spawn(|| {
                typeset::words::load();
                crate::search::variants::warm_up();
            });
        }
        let words_wait = (!typeset::words::ready()).then_some(WORDS_POLL);
        let search_wait = app.library_search().is_some().then_some(SEARCH_POLL);
        let deadline = match (app.next_deadline(), saver.deadline()) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let wait = deadline
            .map(|at| at.saturating_duration_since(Instant::now()))
            .into_iter()
            .chain(words_wait)
            .chain(search_wait)
            .min();
        let first = match input(wait)? {
            Input::Event(event) => event,
            Input::Timeout => {
                tick(app, saver);
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
        // Stamps what the batch opened; writes if the debounce fell due
        // while keys kept coming (holding `j` never times the wait out).
        tick(app, saver);
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

/// The time now for the app, and a write if the saver's debounce is due.
fn tick(app: &mut App, saver: &Saver) {
    let now = Instant::now();
    settle(app, Msg::Tick(now), Some(saver));
    let messages = saver.save_if_due(now);
    if !messages.is_empty() {
        settle(app, Msg::Log(messages), Some(saver));
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
    // The place after every message, so that a signal or a kill finds
    // the newest one with the saver; the same place again is a compare.
    if let (Some(saver), Some(place)) = (saver, app.saver_place()) {
        saver.moved(Instant::now(), place);
    }
    effect
}

/// Carry out one task; its answer, if it has one.
fn run_task(app: &App, task: Task, saver: Option<&Saver>) -> Option<Msg> {
    match task {
        Task::Read(index) => Some(Msg::Parsed(Box::new(read_issue(app.library(), index)))),
        Task::Reload => reopen(app).map(|r| Msg::Reloaded(Box::new(r))),
        Task::Stage(state) => {
            saver?.stage(Instant::now(), &state);
            None
        }
        Task::Flush => Some(Msg::Log(saver?.flush())),
        Task::SearchLibrary(query) => {
            // The worker gets its own copy of the listing: the app's may be
            // replaced by a reload while it runs.
            let library = Arc::new(app.library().clone());
            let search = LibrarySearch::start(library, query, || {});
            Some(Msg::SearchStarted(Arc::new(search)))
        }
        Task::CancelSearch(search) => {
            search.cancel();
            None
        }
        Task::Fetch(request) => Some(start_fetch(*request)),
        Task::Copy(clip) => Some(Msg::Copied(clip.what, crate::clipboard::copy(&clip.text))),
    }
}

/// Start the background fetch: a worker thread that runs every feed and
/// posts its news to the inbox handed back (drained by [`poll_fetch`]).
fn start_fetch(request: crate::feeds::Request) -> Msg {
    let (sender, receiver) = std::sync::mpsc::channel();
    let inbox = FetchInbox::new(receiver);
    let spawned = std::thread::Builder::new()
        .name("fetch".to_owned())
        .spawn(move || {
            let reports = crate::feeds::fetch_all(&request, &|progress| {
                // The reader may have quit: nobody to tell.
                let _ = sender.send(FetchNews::Progress(progress));
            });
            let _ = sender.send(FetchNews::Done(reports));
        });
    match spawned {
        Ok(_) => Msg::FetchStarted(inbox),
        Err(err) => Msg::Fetch(FetchNews::Done(vec![crate::feeds::FeedReport {
            index: usize::MAX,
            url: String::new(),
            outcome: crate::feeds::Outcome::Failed(crate::i18n::t!(
                "fetch.cannot_start",
                err = err
            )),
        }])),
    }
}

/// Feed what the background fetch has posted so far into the app, without
/// waiting for more.
pub fn poll_fetch(app: &mut App, saver: Option<&Saver>) {
    let Some(news) = app.fetch_inbox().map(FetchInbox::drain) else {
        return;
    };
    for item in news {
        settle(app, Msg::Fetch(item), saver);
    }
}

/// What the running library search found since it was last asked, and how
/// far it got, without waiting: `None` when no search runs or nothing
/// changed. The loop calls this between inputs; a test may too.
pub fn poll_search(app: &App) -> Option<Msg> {
    let search = app.library_search()?;
    let counts = search.counts();
    let results = search.try_results();
    let before = app.library_find().map(|f| f.counts);
    if results.is_empty() && before == Some(counts) {
        return None;
    }
    // Counts taken before the batches: the batches may be ahead of them,
    // never behind, and `finished` is only seen once every batch was sent.
    Some(Msg::SearchResults(Box::new(SearchBatch {
        results,
        counts,
    })))
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
    B: Backend + Shown + CursorSeen,
    B::Error: Send + Sync + 'static,
{
    let wanted = terminal.backend().wants_shown();
    let backend = terminal.backend_mut();
    backend.cursor_seen(crate::ui::cursor_seen(app));
    backend.set_hyperlinks(crate::ui::hyperlink::table(app));
    backend.set_scroll_band(crate::ui::article_columns(app));
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
