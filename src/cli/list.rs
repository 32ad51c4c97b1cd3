//! `broadsheet list`: one line per issue (date, paper, articles, path),
//! sorted by date, undated issues last.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use super::json::{exit_code, guard, parse_labelled};
use crate::model::Issue;
use crate::typeset::{AmbiguousWidth, str_width};

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Issue files or folders; none: the sample issue.
    pub paths: Vec<PathBuf>,
}

pub fn run(args: &ListArgs) -> anyhow::Result<ExitCode> {
    let (mut issues, failed) = parse_labelled(&args.paths)?;
    // Stable: issues of one day keep the library's order.
    issues.sort_by_key(|(_, issue)| (issue.date.is_none(), issue.date));
    let mut out = BufWriter::new(io::stdout().lock());
    write_list(&mut out, &issues)
        .and_then(|()| out.flush())
        .context("writing to standard output")?;
    Ok(exit_code(failed))
}

/// `2022-02-13  北京城市副中心报  4 articles  (sample)`, the paper column
/// padded to the widest paper so the counts line up.
pub fn write_list(out: &mut impl Write, issues: &[(String, Issue)]) -> io::Result<()> {
    let papers: Vec<String> = issues
        .iter()
        .map(|(_, issue)| match issue.paper.trim() {
            "" => "(unnamed)".to_owned(),
            paper => guard(paper),
        })
        .collect();
    let widths: Vec<usize> = papers
        .iter()
        .map(|p| str_width(p, AmbiguousWidth::Narrow))
        .collect();
    let column = widths.iter().copied().max().unwrap_or(0);
    for (((label, issue), paper), width) in issues.iter().zip(&papers).zip(&widths) {
        let date = issue
            .date
            .map_or_else(|| "undated   ".to_owned(), |d| d.to_string());
        let count = issue.articles.len();
        let noun = if count == 1 { "article" } else { "articles" };
        let pad = " ".repeat(column - width);
        writeln!(
            out,
            "{date}  {paper}{pad}  {count:>3} {noun:<8}  {}",
            guard(label)
        )?;
    }
    Ok(())
}
