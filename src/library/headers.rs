//! What the Issues pane shows for each file, from the cache when the file's
//! size and mtime are unchanged, else from its first few kilobytes, read on
//! a few threads (a cold archive is I/O-bound: several reads in flight hide
//! the disk's latency).

use std::io;
use std::path::Path;

use super::cache::{Cached, HeaderCache, Stamp};
use super::decode::{self, DecodeError, Extent};
use super::name::{escape_bytes, escape_path};
use super::sanitize::sanitize;
use super::scan::{FileSource, Found, human_size, read_head};
use crate::parse::parse_header;

/// How much of each file is read at start: enough for the masthead and the
/// date line, and the span in which a NUL marks a file as binary.
pub const HEAD_BYTES: usize = decode::BINARY_SNIFF;

/// Threads for reading heads.
const READERS: usize = 8;

/// The header of one listed file, or why it was dropped.
#[derive(Debug)]
pub enum Outcome {
    Header(Cached),
    /// Gone between listing and reading: skipped with this message.
    Vanished(String),
}

/// Headers for `files`, in the same order. Cache hits cost nothing; misses
/// are read in parallel and added to the cache (except permission errors,
/// which change without changing the stamp).
pub fn load(
    files: &[Found],
    cache: &mut HeaderCache,
    source: &dyn FileSource,
    max_file_size: u64,
) -> Vec<Outcome> {
    let mut outcomes: Vec<Option<Outcome>> = files
        .iter()
        .map(|f| {
            let cached = cache.get(&f.path, Stamp::of(&f.meta))?;
            Some(Outcome::Header(cached.clone()))
        })
        .collect();
    let misses: Vec<usize> = (0..files.len())
        .filter(|&i| outcomes[i].is_none())
        .collect();
    let read = read_parallel(files, &misses, source, max_file_size);
    for (index, (outcome, cacheable)) in misses.into_iter().zip(read) {
        if let (Outcome::Header(header), true) = (&outcome, cacheable) {
            cache.insert(&files[index].path, header.clone());
        }
        outcomes[index] = Some(outcome);
    }
    outcomes
        .into_iter()
        .map(|o| o.unwrap_or_else(|| Outcome::Vanished(String::new())))
        .collect()
}

fn read_parallel(
    files: &[Found],
    misses: &[usize],
    source: &dyn FileSource,
    max_file_size: u64,
) -> Vec<(Outcome, bool)> {
    if misses.len() < 64 {
        return misses
            .iter()
            .map(|&i| read_header(&files[i], source, max_file_size))
            .collect();
    }
    let chunk = misses.len().div_ceil(READERS);
    std::thread::scope(|scope| {
        let workers: Vec<_> = misses
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|&i| read_header(&files[i], source, max_file_size))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| match w.join() {
                Ok(results) => results,
                // A panic while reading heads is a bug; resuming it keeps
                // its message instead of inventing a half library.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

/// One file's header, and whether it may be cached.
pub fn read_header(found: &Found, source: &dyn FileSource, max: u64) -> (Outcome, bool) {
    let stamp = Stamp::of(&found.meta);
    let unavailable = |reason: String| Cached {
        unavailable: Some(reason),
        ..header_of(stamp, "", &found.path, None)
    };
    if stamp.size > max {
        let reason = too_large(stamp.size, max);
        return (Outcome::Header(unavailable(reason)), true);
    }
    let head = source
        .open(&found.path)
        .and_then(|mut file| read_head(&mut file, HEAD_BYTES));
    let head = match head {
        Ok(head) => head,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let message = format!(
                "{}: vanished before it could be read, skipped",
                escape_path(&found.path)
            );
            return (Outcome::Vanished(message), false);
        }
        Err(e) => return (Outcome::Header(unavailable(io_reason(&e))), false),
    };
    match decode::decode(&head, Extent::Head) {
        Ok(decoded) => {
            let text = sanitize(&decoded.text);
            let header = header_of(stamp, &text, &found.path, Some(decoded.encoding));
            (Outcome::Header(header), true)
        }
        Err(DecodeError::Binary) => (Outcome::Header(unavailable("not text".into())), true),
    }
}

/// The parser's reading of a head, as cached.
pub fn header_of(stamp: Stamp, head: &str, path: &Path, encoding: Option<&str>) -> Cached {
    let name = file_name_of(path);
    let header = parse_header(head, name.as_deref());
    Cached {
        stamp,
        paper: header.paper.filter(|p| !p.is_empty()),
        date: header.date.map(|d| d.to_string()),
        weekday: header.weekday,
        articles: None,
        encoding: encoding.map(str::to_owned),
        unavailable: None,
    }
}

/// A path's file name, escaped (the parser may show it as a paper name).
pub fn file_name_of(path: &Path) -> Option<String> {
    path.file_name().map(|n| escape_bytes(n.as_encoded_bytes()))
}

pub fn too_large(size: u64, max: u64) -> String {
    format!(
        "too large: {} (the limit is {}; see max_file_size)",
        human_size(size),
        human_size(max)
    )
}

/// An I/O error as a short reason ("permission denied").
pub fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::NotFound => "vanished".into(),
        _ => e.to_string(),
    }
}
