//! What the Issues pane shows for each file, from the cache when the file's
//! size and mtime are unchanged, else from its first few kilobytes, read on
//! a few threads (a cold archive is I/O-bound: several reads in flight hide
//! the disk's latency).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::cache::{Cached, HeaderCache, Stamp};
use super::decode::{self, DecodeError};
use super::name::{escape_bytes, escape_path};
use super::scan;
use super::scan::{FileSource, Found, human_size, read_head};
use crate::sources;
use crate::text::clean as sanitize;

/// How much of each file is read at start: enough for the masthead and the
/// date line, and the span in which a NUL marks a file as binary.
pub const HEAD_BYTES: usize = decode::BINARY_SNIFF;

/// How much of the head is decoded and given to `sources::read_header`.
pub const HEADER_TEXT_BYTES: usize = 4 * 1024;

/// Threads for stat'ing files and reading heads: more than the cores, since
/// on a cold disk they mostly wait.
const READERS: usize = 16;

/// The header of one listed file, or why it was dropped.
#[derive(Debug)]
pub enum Outcome<'a> {
    /// Read from the file now.
    Header(Cached),
    /// The header cache's, borrowed: a warm start of 100,000 issues copies
    /// no header it does not keep.
    Cached(&'a Cached),
    /// Gone or changed between listing and reading: skipped with this message.
    Skipped(String),
    /// Not an issue at all (an XML file that is not a feed): passed over
    /// without a word, as a walk passes over a `.png`.
    Ignored,
}

/// One file's outcome, whether it was read now (and so belongs in the
/// cache), and its identity on disk (to list a file named twice once).
#[derive(Debug)]
pub struct Loaded<'a> {
    pub outcome: Outcome<'a>,
    pub fresh: bool,
    pub identity: Option<(u64, u64)>,
}

/// Headers for `files`, in the same order. Each file is stat'ed here rather
/// than while listing, so that on a cold disk the stats and the head reads
/// of many files are in flight at once; cache hits read nothing more.
pub fn load<'a>(
    files: &[Found],
    cache: &'a HeaderCache,
    source: &dyn FileSource,
    max_file_size: u64,
) -> Vec<Loaded<'a>> {
    let one = |found: &Found| load_one(found, cache, source, max_file_size);
    if files.len() < 64 {
        return files.iter().map(one).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, Loaded<'a>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..READERS)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(found) = files.get(index) else { break };
                        mine.push((index, one(found)));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| match w.join() {
                Ok(mine) => mine,
                // A panic while reading heads is a bug; resuming it keeps
                // its message instead of inventing a half library.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    done.sort_unstable_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, loaded)| loaded).collect()
}

fn load_one<'a>(
    found: &Found,
    cache: &'a HeaderCache,
    source: &dyn FileSource,
    max: u64,
) -> Loaded<'a> {
    let skipped = |message: String| Loaded {
        outcome: Outcome::Skipped(message),
        fresh: false,
        identity: None,
    };
    if !found.members.is_empty() {
        return load_folder(found, cache, source, max);
    }
    let name = || escape_path(&found.path);
    let meta = match &found.meta {
        Some(meta) => fs::Metadata::clone(meta),
        None => match fs::metadata(&found.path) {
            Ok(meta) => meta,
            Err(e) => {
                let why = io_reason(&e);
                return skipped(crate::i18n::t!(
                    "library.io_skipped",
                    path = name(),
                    why = why
                ));
            }
        },
    };
    // Listed as a file, but replaced since (by a FIFO, say): never opened.
    if !meta.is_file() {
        let kind = scan::kind_of(&meta.file_type());
        return skipped(crate::i18n::t!(
            "library.io_skipped",
            path = name(),
            why = kind
        ));
    }
    let stamp = Stamp::of(&meta);
    let identity = scan::identity(&meta);
    // The cap is this run's setting, not a fact about the file: it is
    // checked before a cached header is trusted (one cached under a larger
    // cap must not let the file past this one), and the refusal is not
    // cached (another run may set the cap higher; the header cached before,
    // if any, then serves again).
    if stamp.size > max {
        let reason = too_large(stamp.size, max);
        return Loaded {
            outcome: Outcome::Header(unavailable(stamp, &found.path, reason)),
            fresh: false,
            identity,
        };
    }
    if let Some(cached) = cache.get(&found.path, stamp) {
        return Loaded {
            outcome: Outcome::Cached(cached),
            fresh: false,
            identity,
        };
    }
    let (outcome, fresh) = read_header(&found.path, stamp, source, found.sniff);
    Loaded {
        outcome,
        fresh,
        identity,
    }
}

/// A folder issue's stamp: its files' total size and newest modification.
fn folder_stamp(members: &[PathBuf]) -> Stamp {
    let mut stamp = Stamp {
        size: 0,
        mtime_secs: i64::MIN,
        mtime_nanos: 0,
    };
    for member in members {
        if let Ok(meta) = fs::metadata(member) {
            let one = Stamp::of(&meta);
            stamp.size = stamp.size.saturating_add(one.size);
            if (one.mtime_secs, one.mtime_nanos) > (stamp.mtime_secs, stamp.mtime_nanos) {
                (stamp.mtime_secs, stamp.mtime_nanos) = (one.mtime_secs, one.mtime_nanos);
            }
        }
    }
    stamp
}

/// The stamp of an entry's path as the listing takes it: a file's own, a
/// folder issue's by its files (a folder's own time does not change when
/// a file in a sub-folder is edited).
pub fn stamp_of(path: &Path) -> Option<Stamp> {
    let meta = fs::metadata(path).ok()?;
    if meta.is_dir() {
        return Some(folder_stamp(&scan::folder_members(path)));
    }
    Some(Stamp::of(&meta))
}

/// A folder that is one issue: stamped by its files (total size, newest
/// modification), so a changed, added or removed file reads it again; its
/// header from the head of its first file.
fn load_folder<'a>(
    found: &Found,
    cache: &'a HeaderCache,
    source: &dyn FileSource,
    max: u64,
) -> Loaded<'a> {
    let stamp = folder_stamp(&found.members);
    let identity = fs::metadata(&found.path)
        .ok()
        .and_then(|meta| scan::identity(&meta));
    let loaded = |outcome, fresh| Loaded {
        outcome,
        fresh,
        identity,
    };
    if stamp.size > max {
        let reason = too_large(stamp.size, max);
        return loaded(
            Outcome::Header(unavailable(stamp, &found.path, reason)),
            false,
        );
    }
    if let Some(cached) = cache.get(&found.path, stamp) {
        return loaded(Outcome::Cached(cached), false);
    }
    let first = &found.members[0];
    let head = source
        .open(first)
        .and_then(|mut file| read_head(&mut file, HEAD_BYTES));
    let outcome = match head.map(|head| decode::decode_head(&head, HEADER_TEXT_BYTES)) {
        Ok(Ok(decoded)) => {
            let text = sanitize(&decoded.text);
            let relative = first.strip_prefix(&found.path).unwrap_or(first);
            let joined = crate::sources::bundle::join([(
                relative.to_string_lossy().as_ref(),
                text.as_ref(),
            )]);
            Outcome::Header(header_of(
                stamp,
                &joined,
                &found.path,
                Some(decoded.encoding),
            ))
        }
        Ok(Err(DecodeError::Binary)) => {
            Outcome::Header(unavailable(stamp, &found.path, "not text".into()))
        }
        Err(e) => Outcome::Header(unavailable(stamp, &found.path, io_reason(&e))),
    };
    loaded(outcome, true)
}

/// One file's header, and whether it may be cached. The size cap is the
/// caller's to check (`load_one`, before the cache). With `sniff`, a file
/// whose content is not a feed is ignored.
pub fn read_header(
    path: &Path,
    stamp: Stamp,
    source: &dyn FileSource,
    sniff: bool,
) -> (Outcome<'static>, bool) {
    let head = source
        .open(path)
        .and_then(|mut file| read_head(&mut file, HEAD_BYTES));
    let head = match head {
        Ok(head) => head,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let message = crate::i18n::t!("library.vanished_before_read", path = escape_path(path));
            return (Outcome::Skipped(message), false);
        }
        Err(e) => {
            return (
                Outcome::Header(unavailable(stamp, path, io_reason(&e))),
                false,
            );
        }
    };
    match decode::decode_head(&head, HEADER_TEXT_BYTES) {
        Ok(decoded) => {
            let text = sanitize(&decoded.text);
            if sniff && !sources::is_feed(&text) {
                return (Outcome::Ignored, false);
            }
            let header = header_of(stamp, &text, path, Some(decoded.encoding));
            (Outcome::Header(header), true)
        }
        Err(DecodeError::Binary) if sniff => (Outcome::Ignored, false),
        Err(DecodeError::Binary) => (
            Outcome::Header(unavailable(stamp, path, "not text".into())),
            true,
        ),
    }
}

/// A file listed without a header, and why.
fn unavailable(stamp: Stamp, path: &Path, reason: String) -> Cached {
    Cached {
        unavailable: Some(reason),
        ..header_of(stamp, "", path, None)
    }
}

/// The parser's reading of a head, as cached.
pub fn header_of(stamp: Stamp, head: &str, path: &Path, encoding: Option<&str>) -> Cached {
    let name = file_name_of(path);
    let header = sources::read_header(head, name.as_deref());
    Cached {
        stamp,
        paper: header.paper.filter(|p| !p.is_empty()),
        date: header.date.map(|d| d.to_string()),
        weekday: header.weekday,
        articles: None,
        encoding: encoding.map(str::to_owned),
        detected: None,
        unavailable: None,
    }
}

/// A path's file name, escaped (the parser may show it as a paper name).
pub fn file_name_of(path: &Path) -> Option<String> {
    path.file_name().map(|n| escape_bytes(n.as_encoded_bytes()))
}

pub fn too_large(size: u64, max: u64) -> String {
    crate::i18n::t!(
        "library.too_large",
        size = human_size(size),
        max = human_size(max)
    )
}

/// An I/O error as a short reason ("permission denied").
pub fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => crate::i18n::t!("library.permission_denied"),
        io::ErrorKind::NotFound => crate::i18n::t!("library.vanished"),
        _ => e.to_string(),
    }
}
