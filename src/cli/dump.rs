//! `broadsheet dump`: every article of every issue, typeset as plain text.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use super::{FixedAmbiguousArg, KinsokuArg, PunctuationArg};
use crate::layout::{ArticleLayout, Role};
use crate::library::{Library, LibraryOptions};
use crate::model::{Article, Issue};
use crate::parse;
use crate::typeset::{self, Options};

#[derive(Debug, clap::Args)]
pub struct DumpArgs {
    /// Width in cells (default: the terminal's width, or 80 when not a terminal).
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,
    /// How wide East Asian ambiguous characters (“ ” — …) are.
    #[arg(long, value_enum, default_value = "narrow", value_name = "MODE")]
    pub ambiguous_width: FixedAmbiguousArg,
    /// Line-start/line-end rules.
    #[arg(long, value_enum, default_value = "basic", value_name = "LEVEL")]
    pub kinsoku: KinsokuArg,
    /// Show ASCII punctuation inside Chinese as printed or as fullwidth.
    #[arg(long, value_enum, default_value = "as-is", value_name = "STYLE")]
    pub punctuation: PunctuationArg,
    /// Issue files or folders; none: the sample issue.
    pub paths: Vec<PathBuf>,
}

pub fn run(args: &DumpArgs) -> anyhow::Result<ExitCode> {
    let width = args.width.unwrap_or_else(terminal_width);
    let options = Options {
        ambiguous: args.ambiguous_width.into(),
        kinsoku: args.kinsoku.into(),
        punctuation: args.punctuation.into(),
        indent: true,
    };
    let library = Library::open(&args.paths, &LibraryOptions::default());
    let mut out = BufWriter::new(io::stdout().lock());
    let mut failed = false;
    for message in &library.messages {
        eprintln!("broadsheet: {message}");
    }
    for index in 0..library.entries.len() {
        match library.read(index) {
            Ok(text) => {
                let issue = parse::parse_issue(&text, library.file_name(index).as_deref());
                write_issue(&mut out, &issue, width, &options)
                    .context("writing to standard output")?;
            }
            Err(reason) => {
                failed = true;
                eprintln!("broadsheet: {}: {reason}", library.label(index));
            }
        }
    }
    out.flush().context("writing to standard output")?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn terminal_width() -> usize {
    if !io::stdout().is_terminal() {
        return 80;
    }
    crossterm::terminal::size().map_or(80, |(columns, _)| usize::from(columns))
}

/// Write one issue: masthead, date line, then each article separated by a
/// blank line. Every line is at most `width` cells.
pub fn write_issue(
    out: &mut impl Write,
    issue: &Issue,
    width: usize,
    options: &Options,
) -> io::Result<()> {
    let date_line = [
        issue.date.map(|d| d.to_string()),
        issue.weekday.clone(),
        issue.lunar.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    // A no-break space keeps "4 pages" together on a narrow line.
    let pages = issue.pages.map(|n| format!("{n}\u{a0}pages"));
    let date_line = [Some(date_line).filter(|d| !d.is_empty()), pages]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let headings = [issue.paper.as_str(), date_line.as_str()]
        .into_iter()
        .chain(issue.front.iter().map(String::as_str));
    for heading in headings.filter(|h| !h.is_empty()) {
        for range in typeset::wrap(heading, width, 0, options) {
            writeln!(
                out,
                "{}",
                typeset::display_line(heading, range, width, options)
            )?;
        }
    }
    for article in &issue.articles {
        writeln!(out)?;
        write_article(out, article, width, options)?;
    }
    Ok(())
}

/// Write one article: kicker, headline, deck, byline, then the body blocks
/// separated by blank lines.
pub fn write_article(
    out: &mut impl Write,
    article: &Article,
    width: usize,
    options: &Options,
) -> io::Result<()> {
    let layout = ArticleLayout::new(article, width, options);
    for (index, line) in layout.lines.iter().enumerate() {
        if line.role == Role::Blank {
            writeln!(out)?;
        } else {
            let indent = indent_text(line.indent);
            writeln!(out, "{indent}{}", layout.display(article, index))?;
        }
    }
    Ok(())
}

/// The paragraph indent as text: two ideographic spaces when it is the full
/// customary indent (so a copied paragraph keeps it), spaces otherwise.
pub fn indent_text(cells: usize) -> String {
    if cells == typeset::str_width(typeset::INDENT, Default::default()) {
        typeset::INDENT.to_owned()
    } else {
        " ".repeat(cells)
    }
}
