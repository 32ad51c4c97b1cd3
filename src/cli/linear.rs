//! `broadsheet --linear` (or `linear = true`): the issue read as a
//! conversation, for screen readers, braille displays and the Linux
//! console. Numbered headlines, a command line read line by line from
//! standard input, articles printed as plain paragraphs set to the
//! terminal's width (as `dump` sets them), a page at a time behind a
//! one-line `--more--` when a person is typing. Nothing but text and line
//! feeds is written: no alternate screen, no cursor movement, no box
//! drawing, nothing redrawn.
//!
//! The reader's own `App` does the reading (selection, next and previous
//! across issues, marks, the place to come back to), driven through
//! `settle` as the full reader drives it; the state is saved after every
//! command.

mod lists;
mod say;

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;

use super::Cli;
use crate::app::{Action, App, Msg};
use crate::config::Config;
use crate::event_loop::settle;
use crate::library::Library;
use crate::store::{State, Store};
use crate::text::{Notation, escape};
use crate::typeset::{self, Options};

/// Lines of an article printed before `--more--`, when the terminal's
/// height is not known.
const DEFAULT_HEIGHT: u16 = 24;

pub fn run(cli: &Cli, config: &Config, library: Library) -> anyhow::Result<ExitCode> {
    // `auto` would ask the terminal (an escape sequence): narrow, as `dump`.
    let options = super::plain_text_options(None, config);
    let (input, interactive) = commands(cli)?;
    let (width, height) = size();
    let (store, state) = Store::open_default();
    let mut linear = Linear {
        app: App::new(library, config, state, options.ambiguous),
        saved: State::default(),
        store,
        out: io::stdout().lock(),
        width,
        page: interactive.then_some(usize::from(height.saturating_sub(1)).max(1)),
        options,
    };
    linear.saved = linear.app.state().clone();
    linear.tell_messages();
    // The size decides nothing here but what `App` lays out for `n`/`p`.
    linear.send(Msg::Resize(
        u16::try_from(width).unwrap_or(u16::MAX),
        height,
    ));
    linear.say(&say::welcome())?;
    linear.headlines()?;
    linear.converse(input, interactive)?;
    linear.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// Where commands come from: standard input, or the terminal when the
/// issue itself is read from standard input (`-`); and whether a person
/// types them (then `--more--` and the prompt are shown).
fn commands(cli: &Cli) -> anyhow::Result<(Box<dyn BufRead>, bool)> {
    if cli.paths.iter().any(|p| p.as_os_str() == "-") {
        let tty = File::open("/dev/tty").context(say::no_tty_for_commands())?;
        return Ok((Box::new(BufReader::new(tty)), true));
    }
    let interactive = io::stdin().is_terminal();
    Ok((Box::new(io::stdin().lock()), interactive))
}

/// The terminal's size (an ioctl: nothing is written), or 80×24 off a terminal.
fn size() -> (usize, u16) {
    let width = super::terminal_width();
    let height = match io::stdout().is_terminal() {
        true => crossterm::terminal::size().map_or(DEFAULT_HEIGHT, |(_, rows)| rows),
        false => DEFAULT_HEIGHT,
    };
    (width.max(20), height.max(2))
}

struct Linear<W: Write> {
    app: App,
    store: Store,
    /// The state as last written.
    saved: State,
    out: W,
    width: usize,
    /// Lines per page, when a person reads (else the whole article at once).
    page: Option<usize>,
    options: Options,
}

/// One command line, parsed.
#[derive(Debug, PartialEq, Eq)]
enum Command<'a> {
    Nothing,
    Open(usize),
    Next,
    Previous,
    Headlines,
    Search(&'a str),
    Issues,
    OpenIssue(usize),
    Mark,
    Star,
    Help,
    Quit,
    Unknown(&'a str),
}

fn parse(line: &str) -> Command<'_> {
    let line = line.trim();
    let (word, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    let rest = rest.trim();
    match (word, rest) {
        ("", _) => Command::Nothing,
        (number, "") if number.parse::<usize>().is_ok() => {
            Command::Open(number.parse().unwrap_or(0))
        }
        ("n", "") => Command::Next,
        ("p", "") => Command::Previous,
        ("h", "") => Command::Headlines,
        ("s" | "/", "") => Command::Search(""),
        ("s" | "/", text) => Command::Search(text),
        ("i", "") => Command::Issues,
        ("i", number) => match number.parse() {
            Ok(n) => Command::OpenIssue(n),
            Err(_) => Command::Unknown(line),
        },
        ("m", "") => Command::Mark,
        ("*", "") => Command::Star,
        ("?" | "help", "") => Command::Help,
        ("q" | "quit", "") => Command::Quit,
        _ => Command::Unknown(line),
    }
}

impl<W: Write> Linear<W> {
    fn send(&mut self, msg: Msg) {
        settle(&mut self.app, msg, None);
    }

    fn say(&mut self, line: &str) -> io::Result<()> {
        writeln!(self.out, "{line}")
    }

    /// Read and answer commands until `q` or the end of the input.
    fn converse(&mut self, mut input: Box<dyn BufRead>, interactive: bool) -> anyhow::Result<()> {
        let mut pending: Option<String> = None;
        loop {
            let line = match pending.take() {
                Some(line) => line,
                None => {
                    if interactive {
                        write!(self.out, "{}", say::PROMPT)?;
                    }
                    self.out.flush()?;
                    match read_line(&mut input)? {
                        Some(line) => line,
                        None => return Ok(()),
                    }
                }
            };
            match parse(&line) {
                Command::Quit => return Ok(()),
                command => pending = self.answer(command, &mut input)?,
            }
            self.save();
        }
    }

    /// Carry out one command; a command typed at `--more--` comes back to
    /// be answered next.
    fn answer(
        &mut self,
        command: Command<'_>,
        input: &mut Box<dyn BufRead>,
    ) -> anyhow::Result<Option<String>> {
        match command {
            Command::Nothing | Command::Quit => {}
            Command::Open(number) => return self.open(number, input),
            Command::Next | Command::Previous => {
                let action = match command {
                    Command::Next => Action::NextArticle,
                    _ => Action::PrevArticle,
                };
                let before = (self.app.issue(), self.app.article());
                self.send(Msg::Action(action));
                if before == (self.app.issue(), self.app.article()) {
                    let notice = self.app.notice().unwrap_or_default().to_owned();
                    self.say(&notice)?;
                } else {
                    return self.article(input);
                }
            }
            Command::Headlines => self.headlines()?,
            Command::Search(pattern) => self.search(pattern)?,
            Command::Issues => self.issues()?,
            Command::OpenIssue(number) => self.open_issue(number)?,
            Command::Mark | Command::Star => self.mark(command == Command::Mark)?,
            Command::Help => self.help()?,
            Command::Unknown(text) => {
                let text = escape(text, Notation::Message);
                self.say(&say::unknown(&text))?;
            }
        }
        Ok(None)
    }

    fn open(
        &mut self,
        number: usize,
        input: &mut Box<dyn BufRead>,
    ) -> anyhow::Result<Option<String>> {
        let count = self.article_count();
        if number == 0 || number > count {
            self.say(&say::no_such_article(number, count))?;
            return Ok(None);
        }
        self.send(Msg::Select(self.app.issue(), number - 1));
        self.article(input)
    }

    fn article_count(&self) -> usize {
        self.app.current_issue().map_or(0, |i| i.articles.len())
    }

    /// Print the selected article, a page at a time when a person reads.
    fn article(&mut self, input: &mut Box<dyn BufRead>) -> anyhow::Result<Option<String>> {
        let Some(article) = self.app.current_article() else {
            self.say(&say::no_article_open())?;
            return Ok(None);
        };
        let mut text = Vec::new();
        super::dump::write_article(&mut text, article, self.width, &self.options)?;
        let text = String::from_utf8_lossy(&text).into_owned();
        let (number, count) = (self.app.article() + 1, self.article_count());
        writeln!(self.out)?;
        self.say(&say::article_heading(number, count))?;
        let page = self.page.unwrap_or(usize::MAX);
        // The first page shares the screen with the command and the heading.
        let mut room = page.saturating_sub(3).max(1);
        for line in text.lines() {
            if room == 0 {
                // A prompt: the Enter typed after it ends its line.
                write!(self.out, "{} ", say::more())?;
                self.out.flush()?;
                match read_line(input)? {
                    Some(line) if line.trim().is_empty() => room = page,
                    // Stopped here: the end was not reached.
                    other => return Ok(Some(other.unwrap_or_else(|| "q".to_owned()))),
                }
            }
            self.say(line)?;
            room -= 1;
        }
        self.send(Msg::EndReached);
        self.say(&say::article_end(number, count))?;
        Ok(None)
    }

    fn open_issue(&mut self, number: usize) -> io::Result<()> {
        let count = self.app.library().entries.len();
        if number == 0 || number > count {
            return self.say(&say::no_such_issue(number, count));
        }
        self.send(Msg::Select(number - 1, 0));
        self.headlines()
    }

    /// `m` or `*` on the selected article, said as the reader says it.
    fn mark(&mut self, read: bool) -> io::Result<()> {
        if self.app.current_article().is_none() {
            return self.say(&say::no_article_open());
        }
        let action = if read {
            Action::ToggleRead
        } else {
            Action::ToggleStar
        };
        self.send(Msg::Action(action));
        let notice = self.app.notice().unwrap_or_default().to_owned();
        self.say(&notice)
    }

    fn help(&mut self) -> io::Result<()> {
        self.say(&say::commands_title())?;
        let commands = say::commands();
        let width = |c: &str| typeset::str_width(c, self.options.ambiguous);
        let widest = commands.iter().map(|(c, _)| width(c)).max().unwrap_or(0);
        for (command, what) in &commands {
            // Padded in cells: `i 编号` is six cells, not eight bytes.
            let pad = " ".repeat(widest - width(command));
            writeln!(self.out, "  {command}{pad}  {what}")?;
        }
        Ok(())
    }

    /// Write the state when it changed since the last write; problems go
    /// to standard error, once each.
    fn save(&mut self) {
        if self.app.state() != &self.saved {
            // A failure is kept in the store's messages, told below.
            let _ = self.store.save(self.app.state());
            self.saved = self.app.state().clone();
        }
        self.tell_messages();
    }

    fn tell_messages(&mut self) {
        let mut stderr = io::stderr();
        for message in self.store.take_messages() {
            let _ = writeln!(stderr, "broadsheet: {message}");
        }
    }

    /// On the way out: the reading position, the state, the header cache.
    fn finish(mut self) -> anyhow::Result<()> {
        self.send(Msg::Action(Action::Quit));
        self.save();
        self.say(&say::goodbye())?;
        self.out.flush()?;
        if let Err(err) = self.app.into_library().save_header_cache() {
            let _ = writeln!(io::stderr(), "broadsheet: {err}");
        }
        Ok(())
    }
}

/// One line of input without its line ending; `None` at the end.
fn read_line(input: &mut Box<dyn BufRead>) -> io::Result<Option<String>> {
    let mut line = String::new();
    match input.read_line(&mut line)? {
        0 => Ok(None),
        _ => Ok(Some(line.trim_end_matches(['\n', '\r']).to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_are_parsed_as_typed() {
        assert_eq!(parse(" 2 "), Command::Open(2));
        assert_eq!(parse("n"), Command::Next);
        assert_eq!(parse("s 城市 副中心"), Command::Search("城市 副中心"));
        assert_eq!(parse("s"), Command::Search(""));
        assert_eq!(parse("i 3"), Command::OpenIssue(3));
        assert_eq!(parse("i x"), Command::Unknown("i x"));
        assert_eq!(parse("*"), Command::Star);
        assert_eq!(parse(""), Command::Nothing);
        assert_eq!(parse("nope"), Command::Unknown("nope"));
    }
}
