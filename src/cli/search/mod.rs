//! `broadsheet search`: every article of every issue that matches a
//! pattern, as grep-like text or JSON Lines. The matching rules are
//! `crate::search`'s, the same as the reader's `/`.
//!
//! Exit status as grep's: 0 when something matched, 1 when nothing did, 2
//! when anything went wrong (a bad pattern, a file that could not be read;
//! the other files are still searched).

mod json;
mod source;
mod text;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use std::sync::atomic::AtomicBool;

use super::report::{complain, guard, report_messages};
use super::{NoPaths, StyleArgs};
use crate::archive::prefilter::Prefilter;
use crate::archive::search::{Found, Searched, in_order, search_entry};
use crate::library::{Library, Source};
use crate::model::{Article, Issue};
use crate::search::{Hit, Query};
use crate::typeset::{AmbiguousWidth, Options};

#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// One JSON object per match (JSON Lines) instead of text.
    #[arg(long)]
    pub json: bool,
    /// Width in cells (default: the terminal's width, or 80 when not a terminal).
    #[arg(long, value_name = "N", value_parser = crate::cli::parse_width)]
    pub width: Option<usize>,
    /// How wide East Asian ambiguous characters (“ ” — …) are [default:
    /// the config's `ambiguous_width`, narrow for `auto`].
    #[arg(long, value_enum, value_name = "MODE")]
    pub ambiguous_width: Option<AmbiguousWidth>,
    /// Mark matches in colour instead of [brackets]: `auto` only when
    /// writing to a terminal and NO_COLOR is not set.
    #[arg(long, value_enum, value_name = "WHEN", default_value = "auto")]
    pub color: ColorArg,
    #[command(flatten)]
    pub style: StyleArgs,
    /// The text to find: literal, case-insensitive unless it has an
    /// uppercase letter, fullwidth and ASCII forms alike, any whitespace
    /// run matching any other.
    pub pattern: String,
    /// Issue files or folders; `-` reads standard input. None: the
    /// config's `library`, else the sample issue.
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

/// A width of at least one cell: at zero no line could show a match.
/// grep's statuses.
const MATCHED: u8 = 0;
const NO_MATCH: u8 = 1;
const TROUBLE: u8 = 2;

pub fn run(args: &SearchArgs, config_file: Option<&Path>) -> anyhow::Result<ExitCode> {
    let query = match Query::new(&args.pattern) {
        Ok(query) => query,
        Err(err) => return Ok(trouble(&err.to_string())),
    };
    let mut config = match super::load_config(config_file) {
        Ok(config) => config,
        Err(err) => return Ok(trouble(&format!("{err:#}"))),
    };
    args.style.apply(&mut config);
    let options = super::plain_text_options(args.ambiguous_width, &config);
    // The prefilter's tables (tens of milliseconds) are built on a thread
    // of their own while the library opens. Headings in the results break
    // between words, as in `dump`: the segmenter's dictionary (a hundred
    // milliseconds and more) is built by the first heading too wide for
    // one line (see `text::heading_lines`), so a search whose headings all
    // fit (most with few matches) never builds it.
    let compiled = {
        let query = query.clone();
        std::thread::spawn(move || (Prefilter::new(&query), query.with_early_reject()))
    };
    let mut library = super::open_library(&args.paths, &config, NoPaths::ConfigLibrary);
    let mut stdout = BufWriter::new(io::stdout().lock());
    let format = if args.json {
        Format::Json
    } else {
        Format::Text {
            width: args.width.unwrap_or_else(super::terminal_width),
            options,
            color: wants_color(args.color),
        }
    };
    let (prefilter, query) = match compiled.join() {
        Ok(compiled) => compiled,
        Err(_) => (Prefilter::new(&query), query.with_early_reject()),
    };
    let (matched, failed) =
        search_library(&library, &query, prefilter.as_ref(), &format, &mut stdout)?;
    // The encodings detected here spare the next search (and the reader)
    // detecting them again.
    if let Err(err) = library.save_header_cache() {
        complain(&guard(&err));
    }
    stdout
        .flush()
        .context(crate::i18n::t!("cli.writing_stdout"))?;
    Ok(ExitCode::from(match (failed, matched) {
        (true, _) => TROUBLE,
        (false, true) => MATCHED,
        (false, false) => NO_MATCH,
    }))
}

/// Tell standard error and give up with status 2.
fn trouble(message: &str) -> ExitCode {
    complain(&format!("search: {}", guard(message)));
    ExitCode::from(TROUBLE)
}

/// Colour only on a terminal, and never against NO_COLOR.
fn wants_color(arg: ColorArg) -> bool {
    match arg {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => !crate::config::no_color_requested() && io::stdout().is_terminal(),
    }
}

/// Search every issue, on every core, and write the matches in library
/// order; `(matched, failed)`. `query` rejects early (see
/// `Query::with_early_reject`). Each issue's output is formatted by the
/// worker that searched it; a failed write (a closed pipe) ends the run as
/// an error.
fn search_library(
    library: &Library,
    query: &Query,
    prefilter: Option<&Prefilter>,
    format: &Format,
    out: &mut impl Write,
) -> anyhow::Result<(bool, bool)> {
    let mut failed = report_messages(library);
    let (mut matched, mut written) = (false, false);
    let mut result = Ok(());
    in_order(
        library.entries.len(),
        &AtomicBool::new(false),
        |index| {
            let searched = search_entry(library, index, query, prefilter);
            let bytes = match &searched {
                Searched::Found(found) => format.issue(library, index, found),
                _ => Ok(Vec::new()),
            };
            (searched, bytes)
        },
        |index, (searched, bytes)| {
            let warnings = match &searched {
                Searched::Nothing { warnings } => warnings.as_slice(),
                Searched::Found(found) => found.warnings.as_slice(),
                Searched::Failed(reason) => {
                    failed = true;
                    let label = library.label(index);
                    complain(&format!("{}: {}", guard(&label), guard(reason)));
                    &[]
                }
            };
            for warning in warnings {
                complain(&guard(warning));
            }
            result = bytes.and_then(|bytes| {
                if bytes.is_empty() {
                    return Ok(());
                }
                matched = true;
                if written {
                    out.write_all(format.separator())?;
                }
                written = true;
                out.write_all(&bytes)
            });
            result.is_ok()
        },
    );
    result.context(crate::i18n::t!("cli.writing_stdout"))?;
    Ok((matched, failed))
}

/// How matches are written: built once, then used by every worker to
/// format its issue into bytes.
enum Format {
    Text {
        width: usize,
        options: Options,
        color: bool,
    },
    Json,
}

impl Format {
    /// The matches of one issue, formatted.
    fn issue(&self, library: &Library, index: usize, found: &Found) -> io::Result<Vec<u8>> {
        let mut out = match self {
            Format::Text {
                width,
                options,
                color,
            } => Output::Text(text::TextOut::new(Vec::new(), *width, *options, *color)),
            Format::Json => Output::Json(json::JsonOut::new(Vec::new())),
        };
        let place = Place {
            path: path_of(library, index),
            issue: &found.issue,
            source: &found.text,
        };
        for (at, hits) in &found.articles {
            if let Some(article) = found.issue.articles.get(*at) {
                out.article(&place, article, hits)?;
            }
        }
        Ok(out.into_inner())
    }

    /// What goes between two issues' output: the text's blank line
    /// between articles (JSON Lines need nothing).
    fn separator(&self) -> &'static [u8] {
        match self {
            Format::Text { .. } => b"\n",
            Format::Json => b"",
        }
    }
}

/// The path a script is given: the file as named, `-`, or `(sample)`.
fn path_of(library: &Library, index: usize) -> String {
    match library.entries.get(index).map(|e| &e.source) {
        Some(Source::File(path)) => path.to_string_lossy().into_owned(),
        _ => library.label(index),
    }
}

/// The issue being searched and the text it was parsed from.
struct Place<'a> {
    path: String,
    issue: &'a Issue,
    source: &'a str,
}

enum Output<W: Write> {
    Text(text::TextOut<W>),
    Json(json::JsonOut<W>),
}

impl<W: Write> Output<W> {
    fn article(&mut self, place: &Place<'_>, article: &Article, hits: &[Hit]) -> io::Result<()> {
        match self {
            Output::Text(out) => out.article(place.issue, article, hits),
            Output::Json(out) => out.article(place, article, hits),
        }
    }

    fn into_inner(self) -> W {
        match self {
            Output::Text(out) => out.into_inner(),
            Output::Json(out) => out.into_inner(),
        }
    }
}
