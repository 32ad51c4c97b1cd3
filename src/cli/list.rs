//! `broadsheet list`: one line per issue (date, paper, articles, path),
//! sorted by date, undated issues last.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use super::NoPaths;
use super::report::{complain, exit_code, guard, parse_entry, report_messages};
use crate::library::{EntryStatus, Library};
use crate::model::Date;
use crate::typeset::{AmbiguousWidth, str_width};

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Issue files or folders; none: the config's `library` folders, else the sample issue.
    pub paths: Vec<PathBuf>,
}

/// What `list` shows of an issue (only this is kept, not the whole issue).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub date: Option<Date>,
    pub paper: String,
    pub articles: usize,
    pub label: String,
}

pub fn run(args: &ListArgs, config_file: Option<&Path>) -> anyhow::Result<ExitCode> {
    let (_, mut library) =
        super::start(config_file, &args.paths, NoPaths::ConfigLibrary, |_| Ok(()))?;
    let mut failed = report_messages(&library);
    let mut rows = Vec::new();
    for index in 0..library.entries.len() {
        let label = library.label(index);
        match count_articles(&mut library, index) {
            Ok(articles) => {
                let entry = &library.entries[index];
                rows.push(Row {
                    date: entry.date,
                    paper: entry.paper.clone(),
                    articles,
                    label,
                });
            }
            Err(reason) => {
                failed = true;
                complain(&format!("{}: {}", guard(&label), guard(&reason)));
            }
        }
    }
    // Counts learnt here make the next `list` (and the reader's first frame) cheaper.
    if let Err(err) = library.save_header_cache() {
        complain(&guard(&err));
    }
    // Stable: issues of one day keep the library's order.
    rows.sort_by_key(|row| (row.date.is_none(), row.date));
    let mut out = BufWriter::new(io::stdout().lock());
    write_list(&mut out, &rows)
        .and_then(|()| out.flush())
        .context(crate::i18n::t!("cli.writing_stdout"))?;
    Ok(exit_code(failed))
}

/// The number of articles of entry `index`: from the header scan's cache
/// when an earlier run counted them, else by parsing the issue once.
fn count_articles(library: &mut Library, index: usize) -> Result<usize, String> {
    if let Some(EntryStatus::Unavailable(reason)) = library.entries.get(index).map(|e| &e.status) {
        return Err(reason.clone());
    }
    if let Some(known) = library.entries.get(index).and_then(|e| e.articles) {
        return Ok(known);
    }
    let articles = parse_entry(library, index)?.articles.len();
    library.record_articles(index, articles);
    Ok(articles)
}

/// `2022-02-13  北京城市副中心报    4 articles  (sample)`, the paper column
/// padded to the widest paper (in terminal cells) so the counts line up.
pub fn write_list(out: &mut impl Write, rows: &[Row]) -> io::Result<()> {
    let papers: Vec<String> = rows
        .iter()
        .map(|row| match row.paper.trim() {
            "" => "(unnamed)".to_owned(),
            paper => guard(paper),
        })
        .collect();
    let widths: Vec<usize> = papers
        .iter()
        .map(|p| str_width(p, AmbiguousWidth::Narrow))
        .collect();
    let column = widths.iter().copied().max().unwrap_or(0);
    for ((row, paper), width) in rows.iter().zip(&papers).zip(&widths) {
        let date = row
            .date
            .map_or_else(|| "undated   ".to_owned(), |d| d.to_string());
        let noun = if row.articles == 1 {
            "article"
        } else {
            "articles"
        };
        let pad = " ".repeat(column - width);
        writeln!(
            out,
            "{date}  {paper}{pad}  {:>3} {noun:<8}  {}",
            row.articles,
            guard(&row.label)
        )?;
    }
    Ok(())
}
