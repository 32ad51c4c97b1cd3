//! `broadsheet feeds` (the subscriptions in the config file) and
//! `broadsheet fetch` (fetch them all, for cron: quiet on success).

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
            writeln!(out, "unsubscribed from {}", escape(&url, Notation::Message))?;
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
        .map_err(|e| anyhow::anyhow!("cannot read {shown}: {e}"))?;
    let text = crate::library::decode(&bytes, crate::library::Extent::Whole)
        .map_err(|_| anyhow::anyhow!("{shown}: not text, not an OPML file"))?
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
        let _ = writeln!(stderr, "broadsheet: {shown}: skipped: {reason}");
    }
    writeln!(
        out,
        "subscribed to {added} feed{} from {shown} ({known} already subscribed, {} skipped)",
        if added == 1 { "" } else { "s" },
        refused.len()
    )?;
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
        let _ = writeln!(
            io::stderr(),
            "broadsheet: no feeds to fetch: subscribe with `broadsheet feeds add URL` (or `feeds import FILE.opml`)"
        );
        return Ok(ExitCode::from(USAGE));
    }
    let reports = fetch_all(&Request::from_config(&config), &|_| {});
    let mut failed = false;
    let mut stderr = io::stderr().lock();
    for report in reports {
        if let Outcome::Failed(reason) = report.outcome {
            failed = true;
            let line = match report.url.as_str() {
                "" => format!("broadsheet: fetch: {reason}"),
                url => format!("broadsheet: fetch {url}: {reason}"),
            };
            let _ = writeln!(stderr, "{line}");
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
