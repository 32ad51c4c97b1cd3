//! The interactive reader, the command run when none is named: gathers
//! config, library and state, then hands the terminal to the event loop.
//!
//! Order matters on the way in and on the way out. In: a bad config or a
//! missing terminal is reported before the terminal is touched. Out, on
//! every path (quit, error, panic, signal): persist the state, restore the
//! terminal, then print.

use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::Terminal;

use super::{Cli, NoPaths};
use crate::app::{App, Msg, Reloader};
use crate::backend::{Moves, WireBackend};
use crate::config::{AmbiguousSetting, Config};
use crate::event_loop::{self, settle};
use crate::i18n::t;
use crate::library::{Library, RealFiles};
use crate::store::{Saver, Store};
use crate::terminal::{self, FrameWriter, Guard, Modes};
use crate::typeset::AmbiguousWidth;
use crate::ui::Theme;

/// Why the reader cannot start.
#[derive(Debug, thiserror::Error)]
pub enum ReaderError {
    #[error("{}", t!("cli.stdout_not_terminal"))]
    StdoutNotTerminal,
    #[error("{}", t!("cli.stdin_not_terminal"))]
    StdinNotTerminal,
    #[error("{}", t!("cli.no_tty"))]
    NoTty(#[source] io::Error),
    #[error("{}", t!("cli.cannot_enter"))]
    Enter(#[source] io::Error),
    #[error("{}", t!("cli.nothing_to_show", files = super::report::issue_files_hint(), hint = hint))]
    NothingToShow { hint: String },
}

/// How long the exit paths (signal, panic) wait for a save in progress.
const EXIT_SAVE_LIMIT: Duration = Duration::from_secs(2);

pub fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    // A bad config or a missing terminal is reported before anything is read.
    let prepare = |config: &mut Config| {
        overrides(cli, config);
        // The linear mode reads plain lines: a pipe will do.
        if config.linear {
            return Ok(());
        }
        Ok(check_terminal(&cli.paths)?)
    };
    let (config, library) = super::start(
        cli.config.as_deref(),
        &cli.paths,
        NoPaths::ConfigLibrary,
        prepare,
    )?;
    // An empty reader says less than the reasons do, and the alternate
    // screen would hide them: tell them here and stop.
    if library.entries.is_empty() {
        super::report::report_skipped(&library);
        return Err(ReaderError::NothingToShow {
            hint: command_hint(&cli.paths),
        }
        .into());
    }
    if config.linear {
        return super::linear::run(cli, &config, library);
    }
    let (store, state) = Store::open_default();
    let saver = Arc::new(Saver::new(store, &state));

    // A signal (SIGHUP, SIGTERM, SIGINT) or a panic writes the newest
    // place and marks from here, without the loop, which a dropped link
    // can leave stuck.
    let on_exit: terminal::OnExit = {
        let saver = Arc::clone(&saver);
        Arc::new(move || {
            saver.flush_on_exit(EXIT_SAVE_LIMIT);
            count_writes(&saver);
        })
    };
    terminal::install_panic_hook(Arc::clone(&on_exit));
    let signals = terminal::spawn_signal_thread(on_exit)?;
    // Bracketed paste: a paste arrives as one event, text for the search
    // prompt, never keys. The guard turns it off
    // on every way out and around a stop, and mouse reporting likewise
    // when the config asks for it (it takes drag-to-select away).
    let modes = Modes {
        bracketed_paste: true,
        mouse: config.mouse,
    };
    let guard = Guard::enter(modes).map_err(ReaderError::Enter)?;
    crate::clipboard::install(crate::clipboard::Clipboard::new(&config, |name| {
        std::env::var(name).ok()
    }));

    let (ambiguous, note, margins) = ambiguous_width(config.ambiguous_width);
    let mut app = App::new(library, &config, state, ambiguous)
        .with_ambiguous_note(&note)
        .with_reloader(reloader(cli, &config))
        .with_fetch(crate::feeds::Request::from_config(&config));
    // `yesterday` and `10-03` at the `:` prompt count from today (UTC).
    let days = i64::try_from(crate::store::now_ms() / 86_400_000).unwrap_or(0);
    if let Some(today) = crate::model::days::from_day_number(days) {
        app = app.with_today(today);
    }
    let mut theme = Theme::named(
        &config.theme,
        crate::config::no_color_requested(),
        ambiguous,
    );
    if theme.is_none() {
        let message = t!("cli.unknown_theme", name = format!("{:?}", config.theme));
        settle(&mut app, Msg::Log(vec![message]), Some(&saver));
    }
    let theme = theme
        .take()
        .unwrap_or_else(|| Theme::new(crate::config::no_color_requested(), ambiguous))
        .with_look(ambiguous, config.borders, config.markers);
    settle(&mut app, Msg::Log(saver.take_messages()), Some(&saver));
    settle(&mut app, Msg::Announce, Some(&saver));
    if config.fetch_on_start && !config.feeds.is_empty() {
        settle(
            &mut app,
            Msg::Action(crate::keys::Action::Fetch),
            Some(&saver),
        );
        // The tick after an input: the app asks to be woken to show progress.
        settle(&mut app, Msg::Tick(std::time::Instant::now()), Some(&saver));
    }
    let result = run_screen(&mut app, &theme, &saver, margins);

    // Persist first, restore second, print third. The header cache carries
    // the article counts learnt this session into the next start's list.
    saver.stage(Instant::now(), app.state());
    let cache_error = app.into_library().save_header_cache().err();
    let mut messages = saver.flush();
    messages.extend(cache_error);
    count_writes(&saver);
    drop(guard);
    drop(signals);
    let mut stderr = io::stderr();
    for message in messages {
        // stderr may be closed; the state is already saved.
        let _ = writeln!(stderr, "broadsheet: {message}");
    }
    match result {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(err) => match status_after(&err) {
            Some(status) => Ok(status),
            None => Err(err),
        },
    }
}

fn run_screen(app: &mut App, theme: &Theme, saver: &Saver, margins: bool) -> anyhow::Result<()> {
    let backend = WireBackend::new(FrameWriter::new(), moves_from_env()).with_margins(margins);
    let mut terminal = Terminal::new(backend)?;
    let result = (|| {
        // Also wipes the ambiguous-width probe's glyph.
        terminal.clear()?;
        let size = terminal.size()?;
        settle(app, Msg::Resize(size.width, size.height), Some(saver));
        event_loop::run(&mut terminal, app, theme, saver)
    })();
    // ratatui's `Terminal` shows the cursor on drop and `eprintln!`s when
    // that fails, which panics when the terminal is gone (a hang-up: the
    // program then died with 101 instead of ending like SIGHUP). The guard
    // shows the cursor on the way out anyway, so when the terminal cannot
    // take it, the drop is skipped: the process is about to end.
    if terminal.show_cursor().is_err() {
        std::mem::forget(terminal);
    }
    result
}

/// The exit status after the event loop ended with `err`: a terminal that
/// went away under the loop (the SSH link dropped, the pty's other side
/// closed) ends the reader as the SIGHUP that comes with it would, 129, so
/// the status does not depend on which of the two was seen first.
fn status_after(err: &anyhow::Error) -> Option<ExitCode> {
    let hung_up = err
        .chain()
        .filter_map(|cause| cause.downcast_ref::<io::Error>())
        .any(terminal::is_hang_up);
    hung_up.then(|| ExitCode::from(128 + libc::SIGHUP as u8))
}

/// For `broadsheet frobnicate`, which clap takes as a path: say that it is
/// not a command either.
fn command_hint(paths: &[PathBuf]) -> String {
    let word = paths.iter().find(|path| {
        let text = path.to_string_lossy();
        !path.exists() && !text.contains(['.', '/', '\\']) && text != "-"
    });
    match word {
        Some(word) => t!(
            "cli.not_a_command",
            word = format!("{:?}", word.to_string_lossy())
        ),
        None => String::new(),
    }
}

/// How `R` opens the library again: from the same paths and options as
/// `open_library` took at start (the command line's paths, else the
/// config's library), through the header cache. Standard input is read
/// once; the reload is handed its text back.
fn reloader(cli: &Cli, config: &Config) -> Reloader {
    // The inputs are worked out at each reload: the first fetch makes the
    // kept folder, which then joins the library.
    let (paths, config) = (cli.paths.clone(), config.clone());
    Reloader::new(move |stdin| {
        let (paths, options) = super::library_inputs(&paths, &config, NoPaths::ConfigLibrary);
        Library::open_with(&paths, &options, Arc::new(RealFiles), stdin)
    })
}

/// The ambiguous width to set text with, how it was decided (shown in
/// the help overlay), and whether the terminal has left/right margins,
/// asked in the same round trip: only with `auto`, so a width set in the
/// config costs no wait and no byte more.
fn ambiguous_width(setting: AmbiguousSetting) -> (AmbiguousWidth, String, bool) {
    match setting {
        AmbiguousSetting::Auto => {
            let answers = terminal::probe();
            match answers.ambiguous {
                Some(width) => (width, t!("help.measured"), answers.margins),
                None => (AmbiguousWidth::Narrow, t!("help.assumed"), answers.margins),
            }
        }
        AmbiguousSetting::Narrow => (AmbiguousWidth::Narrow, t!("help.as_set"), false),
        AmbiguousSetting::Wide => (AmbiguousWidth::Wide, t!("help.as_set"), false),
    }
}

/// `BROADSHEET_COUNT_WRITES=FILE` writes into FILE how many times the
/// reading state was handed to the store this run, on every way out, so
/// that a test can tell a debounced flood from a write per key.
fn count_writes(saver: &Saver) {
    if let Some(file) = std::env::var_os("BROADSHEET_COUNT_WRITES") {
        // A test hook: a failure to write it is the test's to see.
        let _ = std::fs::write(file, format!("{}\n", saver.writes()));
    }
}

/// `BROADSHEET_WIRE=upstream` draws as unpatched ratatui-crossterm does,
/// for the wire-bytes comparison.
fn moves_from_env() -> Moves {
    match std::env::var_os("BROADSHEET_WIRE") {
        Some(v) if v == "upstream" => Moves::Upstream,
        _ => Moves::Agreed,
    }
}

/// The command line over the config file.
fn overrides(cli: &Cli, config: &mut Config) {
    if let Some(mode) = cli.ambiguous_width {
        config.ambiguous_width = mode;
    }
    cli.style.apply(config);
    // No OSC 8 where the terminal would print it or drop it badly.
    config.hyperlinks &= terminal::has_hyperlinks(|name| std::env::var(name).ok());
    if cli.mouse || cli.no_mouse {
        config.mouse = cli.mouse;
    }
    config.linear |= cli.linear;
}

/// The reader draws on standard output and reads keys from standard input,
/// or from /dev/tty when standard input carries the issue (`-`).
fn check_terminal(paths: &[PathBuf]) -> Result<(), ReaderError> {
    if !io::stdout().is_terminal() {
        return Err(ReaderError::StdoutNotTerminal);
    }
    let reads_stdin = paths.iter().any(|p| p.as_os_str() == "-");
    if !reads_stdin && !io::stdin().is_terminal() {
        return Err(ReaderError::StdinNotTerminal);
    }
    if reads_stdin && !io::stdin().is_terminal() {
        File::options()
            .read(true)
            .write(true)
            .open("/dev/tty")
            .map_err(ReaderError::NoTty)?;
    }
    Ok(())
}
