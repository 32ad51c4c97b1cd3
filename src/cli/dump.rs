//! `broadsheet dump`: every article of every issue, typeset as plain text.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

pub(crate) mod links;

use super::report::{exit_code, for_each_issue};
use super::{NoPaths, StyleArgs};
use crate::app::pages::{opens_page, page_label};
use crate::layout::{ArticleLayout, Role, indent_text};
use crate::model::{Article, Issue, Pages};
use crate::typeset::{self, AmbiguousWidth, Options};

#[derive(Debug, clap::Args)]
pub struct DumpArgs {
    /// Width in cells (default: the terminal's width, or 80 when not a terminal).
    #[arg(long, value_name = "N", value_parser = crate::cli::parse_width)]
    pub width: Option<usize>,
    /// How wide East Asian ambiguous characters (“ ” — …) are [default:
    /// the config's `ambiguous_width`, narrow for `auto`].
    #[arg(long, value_enum, value_name = "MODE")]
    pub ambiguous_width: Option<AmbiguousWidth>,
    #[command(flatten)]
    pub style: StyleArgs,
    /// Issue files or folders; none: the sample issue.
    pub paths: Vec<PathBuf>,
}

pub fn run(args: &DumpArgs, config_file: Option<&Path>) -> anyhow::Result<ExitCode> {
    let (config, library) = super::start(config_file, &args.paths, NoPaths::Sample, |config| {
        args.style.apply(config);
        Ok(())
    })?;
    let width = args.width.unwrap_or_else(super::terminal_width);
    let options = super::plain_text_options(args.ambiguous_width, &config);
    // Plain text is set once: headings break between words from the start.
    crate::typeset::words::load();
    let mut out = BufWriter::new(io::stdout().lock());
    let failed = for_each_issue(&library, |issue| {
        write_issue(&mut out, issue, width, &options)
    })?;
    out.flush().context(crate::i18n::t!("cli.writing_stdout"))?;
    Ok(exit_code(failed))
}

/// Write one issue: masthead, date line, then each article separated by a
/// blank line, each page's header (`第2版 要闻`) before its first article.
/// Every line is at most `width` cells.
pub fn write_issue(
    out: &mut impl Write,
    issue: &Issue,
    width: usize,
    options: &Options,
) -> io::Result<()> {
    let date_line = [
        issue.date.map(crate::i18n::date),
        issue.weekday.clone(),
        issue.lunar.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    // No-break spaces keep "· 4 pages" (`· 4版`) whole and on the line of the date it
    // follows: a line never starts with the separator. They are written as
    // plain spaces, so that `grep '4 pages'` finds the line.
    let pages = issue
        .pages
        .as_ref()
        .and_then(Pages::known_count)
        .map(|n| crate::i18n::t!("dump.pages", n = n));
    let date_line = [Some(date_line).filter(|d| !d.is_empty()), pages]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\u{a0}·\u{a0}");
    let headings = [issue.paper.as_str(), date_line.as_str()]
        .into_iter()
        .chain(issue.front.iter().map(String::as_str));
    for heading in headings.filter(|h| !h.is_empty()) {
        let heading = typeset::shown(heading, options);
        for range in typeset::wrap_heading(&heading, width, options) {
            let line = typeset::display_line(&heading, range, width, options);
            writeln!(out, "{}", line.replace('\u{a0}', " "))?;
        }
    }
    for (index, article) in issue.articles.iter().enumerate() {
        writeln!(out)?;
        // A page's header as the Headlines list shows it, on its own line.
        if let Some(number) = opens_page(issue, index) {
            let label = page_label(issue, number);
            let label = typeset::shown(&label, options);
            for range in typeset::wrap_heading(&label, width, options) {
                writeln!(
                    out,
                    "{}",
                    typeset::display_line(&label, range, width, options)
                )?;
            }
            writeln!(out)?;
        }
        write_article(out, article, width, options)?;
    }
    Ok(())
}

/// Write one article: kicker, headline, deck, byline, then the body blocks
/// separated by blank lines. An article with links gets a note mark after
/// each link's text (`the report[1]`) and, after its body, one numbered note
/// per URL (`[1] https://…`), wrapped like any text: a URL longer than the
/// line is cut after a `/` or `.`, or anywhere as a last resort. An article
/// without links is written exactly as before.
pub fn write_article(
    out: &mut impl Write,
    article: &Article,
    width: usize,
    options: &Options,
) -> io::Result<()> {
    let (marked, notes) = links::mark(article);
    let article = marked.as_ref().unwrap_or(article);
    let layout = ArticleLayout::new(article, width, options);
    for (index, line) in layout.lines.iter().enumerate() {
        if line.role == Role::Blank {
            writeln!(out)?;
        } else {
            let indent = indent_text(line.indent);
            writeln!(out, "{indent}{}", layout.display(article, index))?;
        }
    }
    links::write_notes(out, &notes, width, options)
}
