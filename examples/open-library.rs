//! Times what start-up does with a library: `Library::open` (the scan and
//! the header reads, or the header cache), then reading and parsing one
//! issue, then switching to another. Used by `benches/library.sh`, which
//! also measures peak memory with `/usr/bin/time -v`.
//!
//! `cargo run --release --example open-library -- [--cache DIR] PATH...`

use std::io::{self, Write};
use std::path::PathBuf;
use std::time::Instant;

use broadsheet::library::{Library, LibraryOptions};
use clap::Parser;

#[derive(Parser)]
struct Args {
    /// Header cache folder (none: no cache).
    #[arg(long)]
    cache: Option<PathBuf>,
    /// Issue files or folders.
    paths: Vec<PathBuf>,
}

fn main() -> io::Result<()> {
    let args = Args::parse();
    let options = LibraryOptions {
        cache_dir: args.cache,
        ..LibraryOptions::default()
    };
    let start = Instant::now();
    let library = Library::open(&args.paths, &options);
    let opened = start.elapsed();
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "open: {} issues, {} messages, {:.1} ms",
        library.entries.len(),
        library.messages.len(),
        opened.as_secs_f64() * 1e3
    )?;
    // Two switches, as a reader moves from the newest issue to an older one.
    for index in [0, library.entries.len() / 2] {
        let start = Instant::now();
        let text = library.read(index).unwrap_or_default();
        let issue = broadsheet::parse::parse_issue(&text, library.file_name(index).as_deref());
        writeln!(
            out,
            "read+parse issue {index}: {} bytes, {} articles, {:.2} ms",
            text.len(),
            issue.articles.len(),
            start.elapsed().as_secs_f64() * 1e3
        )?;
    }
    Ok(())
}
