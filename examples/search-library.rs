//! Times the reader's library search (`archive::search::LibrarySearch`,
//! the worker behind `/` in the Issues pane): from the start to the first
//! batch of results, and to the whole library searched. Used by
//! `benches/archive.sh`.
//!
//! `cargo run --release --example search-library -- [--cache DIR] PATTERN PATH...`
//!
//! With the reader's header cache (`--cache`), each legacy file's encoding
//! is known from an earlier search and is not detected again; the cache is
//! saved at the end, as the reader saves it at exit. (The cache is keyed
//! by the program that wrote it, so this example's is not `broadsheet`'s:
//! run it once to fill it.) The
//! prefilter's tables are built before the clock starts, as the reader
//! builds them after its first frame. `--dump`
//! prints every result too (`benches/same-output.sh` diffs two builds').

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use broadsheet::archive::search::LibrarySearch;
use broadsheet::library::{Library, LibraryOptions};
use broadsheet::search::Query;
use clap::Parser;

#[derive(Parser)]
struct Args {
    /// Header cache folder, as the reader keeps one (none: no cache).
    #[arg(long)]
    cache: Option<PathBuf>,
    /// Print every result (one line an issue) before the figures, to
    /// compare two builds' results (`benches/same-output.sh`).
    #[arg(long)]
    dump: bool,
    pattern: String,
    /// Issue files or folders.
    paths: Vec<PathBuf>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let options = LibraryOptions {
        cache_dir: args.cache,
        ..LibraryOptions::default()
    };
    let library = Arc::new(Library::open(&args.paths, &options));
    let query = Query::new(&args.pattern)?;
    // The reader builds the prefilter's tables after its first frame, long
    // before a search is typed.
    broadsheet::search::variants::warm_up();
    let start = Instant::now();
    let search = LibrarySearch::start(library.clone(), query, || {});
    let mut first = None;
    let mut issues = 0;
    let mut results = Vec::new();
    while let Some(batch) = search.next_batch() {
        first.get_or_insert_with(|| start.elapsed());
        issues += batch.len();
        if args.dump {
            results.extend(batch);
        }
    }
    let whole = start.elapsed();
    let mut out = io::BufWriter::new(io::stdout().lock());
    for result in &results {
        writeln!(out, "{result:?}")?;
    }
    let counts = search.counts();
    let first_ms = first.map_or(f64::NAN, |t| t.as_secs_f64() * 1e3);
    writeln!(
        out,
        "library search {:?}: {} hits in {issues} issues of {}; first results {first_ms:.1} ms, whole library {:.1} ms",
        args.pattern,
        counts.hits,
        counts.total,
        whole.as_secs_f64() * 1e3
    )?;
    // As the reader does at exit: the encodings detected are kept, so the
    // next run (as the reader's next search) does not detect them again.
    search.stop();
    drop(search);
    if let Ok(mut library) = Arc::try_unwrap(library) {
        library.save_header_cache()?;
    }
    Ok(())
}
