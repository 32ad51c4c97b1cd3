//! `broadsheet list`: one line per issue (date, paper, articles, path),
//! sorted by date, undated issues last.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use super::json::{exit_code, for_each_issue, guard};
use crate::model::Date;
use crate::typeset::{AmbiguousWidth, str_width};

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Issue files or folders; none: the sample issue.
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

pub fn run(args: &ListArgs) -> anyhow::Result<ExitCode> {
    let mut rows = Vec::new();
    let failed = for_each_issue(&args.paths, |label, issue| {
        rows.push(Row {
            date: issue.date,
            paper: issue.paper.clone(),
            articles: issue.articles.len(),
            label: label.to_owned(),
        });
        Ok(())
    })?;
    // Stable: issues of one day keep the library's order.
    rows.sort_by_key(|row| (row.date.is_none(), row.date));
    let mut out = BufWriter::new(io::stdout().lock());
    write_list(&mut out, &rows)
        .and_then(|()| out.flush())
        .context("writing to standard output")?;
    Ok(exit_code(failed))
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
