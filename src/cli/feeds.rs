//! `broadsheet feeds` (the subscriptions in the config file) and
//! `broadsheet fetch` (fetch them all, for cron: quiet on success).

use crate::i18n::t;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};

use crate::feeds::fetch::{Outcome, Request, fetch_all};
use crate::feeds::opml;
use crate::feeds::subscriptions::Edit;
use crate::text::{Notation, escape};

#[derive(Debug, Args)]
pub struct FeedsArgs {
    #[command(subcommand)]
    pub command: FeedsCommand,
}

#[derive(Debug, Subcommand)]
pub enum FeedsCommand {
    /// Subscribe to a feed (RSS or Atom, http:// or https://).
    Add {
        url: String,
        /// The paper's name, over the feed's own title.
        #[arg(long, value_name = "NAME")]
        paper: Option<String>,
    },
    /// Unsubscribe: by URL, or by the number `feeds list` shows.
    Remove {
        #[arg(value_name = "URL|N")]
        feed: String,
    },
    /// Print the subscriptions: number, URL, paper (tab-separated).
    List,
    /// Subscribe to every feed of an OPML file (newsboat, newsraft…).
    Import {
        #[arg(value_name = "FILE.opml")]
        file: PathBuf,
    },
    /// Print the subscriptions as OPML 2.0.
    Export,
}

/// `broadsheet fetch` takes no arguments of its own.
#[derive(Debug, Args)]
pub struct FetchArgs {}

/// The largest OPML file read (newsboat's export of a thousand feeds is
/// a few hundred KB).
const MAX_OPML_BYTES: u64 = 16 << 20;

/// A usage problem: exit 2, like a bad argument.
const USAGE: u8 = 2;

pub fn run(args: &FeedsArgs, config: Option<&Path>) -> anyhow::Result<ExitCode> {
    let mut out = io::stdout().lock();
    match &args.command {
        FeedsCommand::Add { url, paper } => {
            let mut edit = Edit::open(config)?;
            edit.add(url, paper.as_deref())?;
            edit.save()?;
        }
        FeedsCommand::Remove { feed } => {
            let mut edit = Edit::open(config)?;
            let url = edit.remove(feed)?;
            edit.save()?;
            let url = escape(&url, Notation::Message);
            writeln!(out, "{}", t!("feeds.unsubscribed", url = url))?;
        }
        FeedsCommand::List => {
            let config = super::load_config(config)?;
            for (n, feed) in config.feeds.iter().enumerate() {
                let paper = feed.paper.as_deref().unwrap_or("");
                writeln!(
                    out,
                    "{}\t{}\t{}",
                    n + 1,
                    escape(&feed.url, Notation::Message),
                    escape(paper, Notation::Message)
                )?;
            }
        }
        FeedsCommand::Import { file } => return import(file, config, &mut out),
        FeedsCommand::Export => {
            let config = super::load_config(config)?;
            out.write_all(opml::write(&config.feeds).as_bytes())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn import(file: &Path, config: Option<&Path>, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    let shown = crate::store::shown_path(file);
    // A FIFO or a device is refused, not waited on; an OPML file is small.
    let mut bytes = Vec::new();
    crate::library::open_regular(file)
        .and_then(|f| {
            std::io::Read::read_to_end(&mut std::io::Read::take(f, MAX_OPML_BYTES), &mut bytes)
        })
        .map_err(|e| anyhow::anyhow!(t!("store.cannot_read", path = shown, error = e)))?;
    let text = crate::library::decode(&bytes, crate::library::Extent::Whole)
        .map_err(|_| anyhow::anyhow!(t!("feeds.not_opml", path = shown)))?
        .text;
    let outlines = opml::read(&text).map_err(|e| anyhow::anyhow!("{shown}: {e}"))?;
    let mut edit = Edit::open(config)?;
    let (mut added, mut known, mut refused) = (0, 0, Vec::new());
    for outline in outlines {
        match edit.add(&outline.url, None) {
            Ok(()) => added += 1,
            Err(crate::feeds::subscriptions::EditError::Duplicate { .. }) => known += 1,
            Err(e) => refused.push(e.to_string()),
        }
    }
    edit.save()?;
    let mut stderr = io::stderr().lock();
    for reason in &refused {
        let line = t!("feeds.skipped", path = shown, reason = reason);
        let _ = writeln!(stderr, "broadsheet: {line}");
    }
    let key = match added {
        1 => "feeds.imported_one",
        _ => "feeds.imported",
    };
    let skipped = refused.len();
    let line = t!(
        key,
        added = added,
        path = shown,
        known = known,
        skipped = skipped
    );
    writeln!(out, "{line}")?;
    Ok(if refused.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Fetch every feed; one line on stderr per feed that failed.
pub fn fetch(_args: &FetchArgs, config: Option<&Path>) -> anyhow::Result<ExitCode> {
    let config = super::load_config(config)?;
    if config.feeds.is_empty() {
        let _ = writeln!(io::stderr(), "broadsheet: {}", t!("feeds.nothing_to_fetch"));
        return Ok(ExitCode::from(USAGE));
    }
    let reports = fetch_all(&Request::from_config(&config), &|_| {});
    let mut failed = false;
    let mut stderr = io::stderr().lock();
    for report in reports {
        if let Outcome::Failed(reason) = report.outcome {
            failed = true;
            let line = match report.url.as_str() {
                "" => t!("fetch.failed_why", reason = reason),
                url => t!("fetch.failed_url", url = url, reason = reason),
            };
            let _ = writeln!(stderr, "broadsheet: {line}");
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
