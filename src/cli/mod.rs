//! The command line: argument parsing and the non-interactive commands.
//! Everything here writes plain text (no terminal control bytes) and treats
//! a closed pipe as a quiet end.

pub mod config;
pub mod dump;
pub mod feeds;
pub mod help;
pub mod json;
pub mod linear;
pub mod list;
pub mod reader;
pub(crate) mod report;
pub mod search;
pub mod shell;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::config::{AmbiguousSetting, Config};
use crate::i18n::{Lang, Language};
use crate::library::{Library, LibraryOptions};
use crate::typeset::{AmbiguousWidth, Kinsoku, Options, Punctuation, Script};

/// A terminal newspaper reader that sets Chinese, Japanese and mixed text as
/// a careful typesetter would. With no command, opens the reader.
#[derive(Debug, Parser)]
#[command(name = "broadsheet", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Issue files or folders (searched for .md, .markdown, .txt); `-` reads
    /// standard input. None: the config's `library`, else the sample issue.
    pub paths: Vec<PathBuf>,
    /// Config file (default: $XDG_CONFIG_HOME/broadsheet/config.toml, or $BROADSHEET_CONFIG).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// How wide East Asian ambiguous characters (“ ” — …) are: `auto` asks the terminal.
    #[arg(long, value_enum, value_name = "MODE")]
    pub ambiguous_width: Option<AmbiguousSetting>,
    /// Report the wheel and clicks to broadsheet (selecting text then takes
    /// Shift in most terminals) [default: the config's `mouse`, off].
    #[arg(long, overrides_with = "no_mouse")]
    pub mouse: bool,
    /// Leave the mouse to the terminal, whatever the config says.
    #[arg(long, overrides_with = "mouse")]
    pub no_mouse: bool,
    /// Read as a conversation on plain lines, for screen readers and the
    /// Linux console: numbered headlines, commands typed on a line, no
    /// alternate screen [default: the config's `linear`, off].
    #[arg(long)]
    pub linear: bool,
    #[command(flatten)]
    pub style: StyleArgs,
}

/// The typesetting flags the reader and `dump` share.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct StyleArgs {
    /// Line-start/line-end rules [default: the config's `kinsoku`, basic].
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub kinsoku: Option<Kinsoku>,
    /// Show ASCII punctuation inside Chinese as printed or as fullwidth
    /// [default: the config's `punctuation`, as-is].
    #[arg(long, value_enum, value_name = "STYLE")]
    pub punctuation: Option<Punctuation>,
    /// Show Chinese as printed, in simplified or in traditional characters
    /// (繁简; display only) [default: the config's `script`, as-is].
    #[arg(long, value_enum, value_name = "SCRIPT")]
    pub script: Option<Script>,
}

impl StyleArgs {
    /// The command line over the config file.
    pub fn apply(&self, config: &mut Config) {
        if let Some(kinsoku) = self.kinsoku {
            config.kinsoku = kinsoku;
        }
        if let Some(punctuation) = self.punctuation {
            config.punctuation = punctuation;
        }
        if let Some(script) = self.script {
            config.script = script;
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print every article, typeset at a width, as plain text.
    Dump(dump::DumpArgs),
    /// Print the parsed issues as one JSON array.
    Json(json::JsonArgs),
    /// Print one line per issue: date, paper, articles, path.
    List(list::ListArgs),
    /// Print every match of a pattern, with its line, like grep.
    Search(search::SearchArgs),
    /// Show configuration.
    Config(config::ConfigArgs),
    /// Edit the feeds subscribed to: add, remove, list, import, export.
    Feeds(feeds::FeedsArgs),
    /// Fetch every feed and keep its new issues (quiet unless a feed fails).
    Fetch(feeds::FetchArgs),
    /// Print a completion script for bash, zsh or fish.
    Completions(shell::CompletionsArgs),
    /// Print the man page (roff).
    Man,
}

/// Parse the command line and run; the whole of `main`.
pub fn main() -> ExitCode {
    // The locale's language until the config says otherwise: clap's
    // help and errors come before the config is read.
    crate::i18n::set(Language::Auto.resolve(locale_language()));
    let matches = help::localized(Cli::command()).get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|err| err.exit());
    let result = match &cli.command {
        Some(Command::Dump(args)) => dump::run(args, cli.config.as_deref()),
        Some(Command::Json(args)) => json::run(args, cli.config.as_deref()),
        Some(Command::List(args)) => list::run(args, cli.config.as_deref()),
        Some(Command::Search(args)) => search::run(args, cli.config.as_deref()),
        Some(Command::Config(args)) => config::run(args, cli.config.as_deref()),
        Some(Command::Feeds(args)) => feeds::run(args, cli.config.as_deref()),
        Some(Command::Fetch(args)) => feeds::fetch(args, cli.config.as_deref()),
        Some(Command::Completions(args)) => shell::completions(args),
        Some(Command::Man) => shell::man(),
        None => reader::run(&cli),
    };
    match result {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            // Every line prefixed (a config error lists one problem per
            // line), so each reads on its own in a log. stderr may itself be
            // closed; nothing better to do then.
            let message = format!("{err:#}");
            let mut stderr = io::stderr().lock();
            for line in message.lines() {
                let _ = writeln!(stderr, "broadsheet: {line}");
            }
            ExitCode::FAILURE
        }
    }
}

/// Where the issues come from when no path is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoPaths {
    /// The embedded sample (`dump`, `json`: a script gets the same answer everywhere).
    Sample,
    /// The config's `library` folders, else the sample (the reader, `list`).
    ConfigLibrary,
}

/// What every command starts with: the configuration (`--config`,
/// `$BROADSHEET_CONFIG` or the default file, over the defaults), the
/// command line's own flags over it (`prepare`, which may also refuse to
/// go on), and the library opened with it.
pub fn start(
    config_file: Option<&Path>,
    paths: &[PathBuf],
    no_paths: NoPaths,
    prepare: impl FnOnce(&mut Config) -> anyhow::Result<()>,
) -> anyhow::Result<(Config, Library)> {
    let mut config = load_config(config_file)?;
    prepare(&mut config)?;
    let library = open_library(paths, &config, no_paths);
    Ok((config, library))
}

/// Open the issues at `paths` with the config's size cap and the header
/// cache in the state folder, so the reader and the commands share one scan.
pub fn open_library(paths: &[PathBuf], config: &Config, no_paths: NoPaths) -> Library {
    let (paths, options) = library_inputs(paths, config, no_paths);
    Library::open(&paths, &options)
}

/// What [`open_library`] opens: the paths given, or for `ConfigLibrary` the
/// config's folders when none are, and the options. The reader keeps them to
/// open the same library again (`R`).
pub fn library_inputs(
    paths: &[PathBuf],
    config: &Config,
    no_paths: NoPaths,
) -> (Vec<PathBuf>, LibraryOptions) {
    let options = LibraryOptions {
        max_file_size: config.max_file_size,
        cache_dir: crate::store::default_dir(|name| std::env::var_os(name)),
    };
    let paths = match (paths.is_empty(), no_paths) {
        (true, NoPaths::ConfigLibrary) => {
            // The issues fetched from feeds are part of the library.
            let mut folders = config.library.clone();
            for folder in crate::feeds::library_folders(config) {
                if !folders.contains(&folder) {
                    folders.push(folder);
                }
            }
            folders
        }
        _ => paths.to_vec(),
    };
    (paths, options)
}

/// The typesetting options of the plain-text commands (`dump`, `search`):
/// the config's, with `--ambiguous-width` over it. `auto` needs a terminal to
/// ask, so plain text assumes the common case, narrow.
pub(crate) fn plain_text_options(ambiguous: Option<AmbiguousWidth>, config: &Config) -> Options {
    Options {
        ambiguous: match (ambiguous, config.ambiguous_width) {
            (Some(fixed), _) => fixed,
            (None, AmbiguousSetting::Wide) => AmbiguousWidth::Wide,
            (None, _) => AmbiguousWidth::Narrow,
        },
        kinsoku: config.kinsoku,
        punctuation: config.punctuation,
        script: config.script,
        indent: config.indent,
        widows: config.widows,
    }
}

/// `--width N` of the plain-text commands: a width of 0 cells would set
/// every line empty and lose the text, so it is a usage error.
pub(crate) fn parse_width(arg: &str) -> Result<usize, String> {
    match arg.parse::<usize>() {
        Ok(0) => Err("must be at least 1".to_owned()),
        Ok(width) => Ok(width),
        Err(err) => Err(err.to_string()),
    }
}

/// Width of the plain-text commands' output: the terminal's, or 80 when
/// standard output is not a terminal.
pub(crate) fn terminal_width() -> usize {
    if !io::stdout().is_terminal() {
        return 80;
    }
    crossterm::terminal::size().map_or(80, |(columns, _)| usize::from(columns))
}

/// The configuration for a command: `--config`, `$BROADSHEET_CONFIG` or the
/// default file, over the defaults.
pub fn load_config(explicit: Option<&Path>) -> anyhow::Result<Config> {
    let config = crate::config::load(explicit).map_err(|err| anyhow::anyhow!("{err}"))?;
    crate::i18n::set(config.language.resolve(locale_language()));
    Ok(config)
}

/// The language the locale asks for: `LC_ALL`, `LC_MESSAGES`, `LANG`,
/// else what the system says (`sys-locale`: macOS and Windows keep it
/// outside the environment).
pub fn locale_language() -> Option<Lang> {
    Lang::from_env(|name| std::env::var(name).ok())
        .or_else(|| sys_locale::get_locale().map(|l| Lang::from_locale(&l)))
}

/// True when the error is a write to a closed pipe (`broadsheet dump | head -1`),
/// which ends the program quietly.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
