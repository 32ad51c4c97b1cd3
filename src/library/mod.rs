//! Where issues come from: files, folders, standard input and the embedded
//! sample; reading bytes, decoding and sanitising them. Knows no Markdown
//! beyond asking `sources::read_header` for what the Issues pane shows.
//!
//! Start-up is lazy: `open` lists files and reads only their heads (or
//! nothing, when the header cache knows the file's size and mtime); an issue
//! is read whole, decoded and sanitised when `read` asks for it.

mod cache;
pub mod decode;
mod entries;
mod headers;
pub mod name;
mod read;
pub mod scan;

use std::collections::HashMap;
use std::io::{self, Read};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// The sanitiser run on every decoded file (it lives in `text`).
pub use crate::text::clean as sanitize;
pub use cache::{CACHE_FILE, Stamp, write_atomic};
pub use decode::{Decoded, Extent, decode};
pub use headers::stamp_of;
pub use read::ReadError;
pub use scan::{FileSource, RealFiles, open_regular};

use crate::model::Date;
use cache::HeaderCache;
use headers::Outcome;
use name::escape_path;

/// The sample issue, embedded so that `broadsheet` with no arguments works
/// from any directory.
pub const SAMPLE_TEXT: &str = include_str!("../../assets/issues/bjfzxb-2022-02-13.md");
/// The sample's file name, used where a file name would be shown.
pub const SAMPLE_NAME: &str = "bjfzxb-2022-02-13.md";

/// Where an issue's text comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Source {
    Sample,
    Stdin,
    File(PathBuf),
}

/// Whether an entry can be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryStatus {
    Ready,
    /// Listed with the reason it cannot be opened (binary, too large, unreadable…).
    Unavailable(String),
}

/// One issue as the Issues pane lists it, before it is parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub source: Source,
    pub paper: String,
    pub date: Option<Date>,
    pub weekday: Option<String>,
    /// Known once the issue has been parsed (or cached from an earlier run).
    pub articles: Option<usize>,
    pub status: EntryStatus,
}

/// Options that change what the library accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryOptions {
    pub max_file_size: u64,
    /// Where the header cache lives; `None` keeps no cache.
    pub cache_dir: Option<PathBuf>,
}

impl Default for LibraryOptions {
    fn default() -> Self {
        LibraryOptions {
            max_file_size: 64 * 1024 * 1024,
            cache_dir: None,
        }
    }
}

/// Per-entry facts the Issues pane does not need.
#[derive(Debug, Clone, Default)]
struct Meta {
    /// Interned: one of the decoder's names.
    encoding: Option<&'static str>,
    /// The encoding `chardetng` chose for the whole file in an earlier run
    /// (from the header cache), when it is not UTF-8.
    detected: Option<&'static encoding_rs::Encoding>,
}

/// Encodings detection chose this run, by entry, for the header cache;
/// shared by the clones a library search works on.
type Learned = Arc<Mutex<HashMap<usize, &'static encoding_rs::Encoding>>>;

/// The issues the reader can open, grouped by paper, newest first.
#[derive(Debug, Clone)]
pub struct Library {
    pub entries: Vec<Entry>,
    /// Problems met while listing (skipped files with their reasons).
    pub messages: Vec<String>,
    /// Standard input, decoded and sanitised at open, with its encoding.
    stdin_text: Option<(String, &'static str)>,
    meta: Vec<Meta>,
    options: LibraryOptions,
    cache: HeaderCache,
    learned: Learned,
    files: Arc<dyn FileSource>,
}

impl Default for Library {
    fn default() -> Self {
        Library {
            entries: Vec::new(),
            messages: Vec::new(),
            stdin_text: None,
            meta: Vec::new(),
            options: LibraryOptions::default(),
            cache: HeaderCache::default(),
            learned: Learned::default(),
            files: Arc::new(RealFiles),
        }
    }
}

impl Library {
    /// Only the embedded sample.
    pub fn sample() -> Library {
        let header = crate::sources::read_header(SAMPLE_TEXT, Some(SAMPLE_NAME));
        Library {
            entries: vec![Entry {
                source: Source::Sample,
                paper: header.paper.unwrap_or_default(),
                date: header.date,
                weekday: header.weekday,
                articles: None,
                status: EntryStatus::Ready,
            }],
            meta: vec![Meta {
                encoding: Some("UTF-8"),
                detected: None,
            }],
            ..Library::default()
        }
    }

    /// Issues at `paths` (files, folders searched recursively, `-` for
    /// standard input, read whole now); the sample when `paths` is empty.
    pub fn open(paths: &[PathBuf], options: &LibraryOptions) -> Library {
        Library::open_with(paths, options, Arc::new(RealFiles), &mut io::stdin().lock())
    }

    /// `open` with the file system and standard input supplied: the seam for
    /// fault injection in tests.
    pub fn open_with(
        paths: &[PathBuf],
        options: &LibraryOptions,
        files: Arc<dyn FileSource>,
        stdin: &mut dyn Read,
    ) -> Library {
        if paths.is_empty() {
            return Library::sample();
        }
        let mut library = Library {
            options: options.clone(),
            files,
            ..Library::default()
        };
        if let Some(dir) = &options.cache_dir {
            library.cache = HeaderCache::load(dir);
        }
        let listing = scan::list(paths);
        library.messages = listing.messages;
        let mut items = Vec::with_capacity(listing.files.len() + usize::from(listing.stdin));
        if listing.stdin {
            items.push(library.read_stdin(stdin));
        }
        // The headers borrow the cache's; the ones read now join it after.
        let cache = std::mem::take(&mut library.cache);
        let loaded = headers::load(
            &listing.files,
            &cache,
            library.files.as_ref(),
            options.max_file_size,
        );
        let fresh = library.take_loaded(&listing.files, loaded, &mut items);
        library.cache = cache;
        library.cache.reserve(fresh.len());
        for (path, header) in fresh {
            library.cache.insert(path, header);
        }
        drop(listing.files);
        entries::sort_items(&mut items);
        (library.entries, library.meta) = items.into_iter().unzip();
        library.forget_deleted(&listing.roots);
        library.save_cache_reporting();
        library
    }

    /// Keep each file's header (once per file on disk); skipped files
    /// become messages. Gives the headers read now, to be cached.
    fn take_loaded<'f>(
        &mut self,
        files: &'f [scan::Found],
        loaded: Vec<headers::Loaded<'_>>,
        items: &mut Vec<(Entry, Meta)>,
    ) -> Vec<(&'f std::path::Path, cache::Cached)> {
        let mut seen = std::collections::HashSet::new();
        // Allocated once: grown by doubling it was a fifth of a cold open's
        // peak memory at 100,000 issues.
        let mut fresh = Vec::with_capacity(loaded.iter().filter(|l| l.fresh).count());
        for (found, loaded) in files.iter().zip(loaded) {
            if loaded.identity.is_some_and(|id| !seen.insert(id)) {
                continue;
            }
            let source = || Source::File(found.path.clone());
            match loaded.outcome {
                Outcome::Header(header) => {
                    items.push(entries::item(source(), &header));
                    if loaded.fresh {
                        fresh.push((found.path.as_path(), header));
                    }
                }
                Outcome::Cached(header) => items.push(entries::item(source(), header)),
                Outcome::Skipped(message) => self.messages.push(message),
                Outcome::Ignored => {}
            }
        }
        fresh
    }

    /// How an entry is named in messages and in `broadsheet list`: its path
    /// (control characters escaped), `-` or `(sample)`.
    pub fn label(&self, index: usize) -> String {
        match self.entries.get(index).map(|e| &e.source) {
            Some(Source::Sample) => "(sample)".to_owned(),
            Some(Source::Stdin) => "-".to_owned(),
            Some(Source::File(path)) => escape_path(path),
            None => String::new(),
        }
    }

    /// The file name to give the parser (for a paper name or date when the
    /// text has none), control characters escaped.
    pub fn file_name(&self, index: usize) -> Option<String> {
        match &self.entries.get(index)?.source {
            Source::Sample => Some(SAMPLE_NAME.to_owned()),
            Source::Stdin => None,
            Source::File(path) => headers::file_name_of(path),
        }
    }

    /// The encoding the entry's head was decoded from (`UTF-8`, `GB18030`,
    /// `Big5`, `UTF-16LE`…), when known.
    pub fn encoding(&self, index: usize) -> Option<&str> {
        self.meta.get(index)?.encoding
    }

    /// The decoded, sanitised text of entry `index`.
    pub fn read(&self, index: usize) -> Result<String, String> {
        self.read_decoded(index)
            .map(|decoded| decoded.text)
            .map_err(|e| e.to_string())
    }

    /// The decoded, sanitised text of entry `index`, with its encoding and
    /// decoding warnings (each naming the file and byte offset).
    pub fn read_decoded(&self, index: usize) -> Result<Decoded, ReadError> {
        let entry = self.entries.get(index).ok_or(ReadError::NoSuchIssue)?;
        if let EntryStatus::Unavailable(reason) = &entry.status {
            return Err(ReadError::Unavailable(reason.clone()));
        }
        match &entry.source {
            Source::Sample => Ok(Decoded {
                text: sanitize(SAMPLE_TEXT).into_owned(),
                encoding: "UTF-8",
                warnings: Vec::new(),
            }),
            Source::Stdin => {
                let (text, encoding) = self.stdin_text.clone().ok_or(ReadError::NoStdin)?;
                Ok(Decoded {
                    text,
                    encoding,
                    warnings: Vec::new(),
                })
            }
            Source::File(path) => {
                let decoded = self.read_file(index, path)?;
                Ok(self.labelled(index, decoded))
            }
        }
    }

    /// The bytes of file entry `index`, read as `read_decoded` reads them
    /// (same checks, same errors), for a caller that looks at the raw bytes
    /// before deciding to decode: `Ok(None)` for the sample, standard input and
    /// a folder that is one issue, which have no bytes of their own.
    pub fn read_raw(&self, index: usize) -> Result<Option<Vec<u8>>, ReadError> {
        let entry = self.entries.get(index).ok_or(ReadError::NoSuchIssue)?;
        if let EntryStatus::Unavailable(reason) = &entry.status {
            return Err(ReadError::Unavailable(reason.clone()));
        }
        match &entry.source {
            Source::File(path) => self.read_file_bytes(path),
            Source::Sample | Source::Stdin => Ok(None),
        }
    }

    /// What `read_decoded` gives, from the bytes `read_raw` gave.
    pub fn decode_raw(&self, index: usize, bytes: &[u8]) -> Result<Decoded, ReadError> {
        let decoded = self.decode_entry(index, bytes)?;
        Ok(self.labelled(index, decoded))
    }

    /// Decoding warnings with the entry's label in front.
    fn labelled(&self, index: usize, mut decoded: Decoded) -> Decoded {
        let label = self.label(index);
        for warning in &mut decoded.warnings {
            *warning = format!("{label}: {warning}");
        }
        decoded
    }

    /// Remember an issue's article count (the Issues pane shows it) and
    /// keep it in the header cache for the next start.
    pub fn record_articles(&mut self, index: usize, articles: usize) {
        let Some(entry) = self.entries.get_mut(index) else {
            return;
        };
        entry.articles = Some(articles);
        if let Source::File(path) = &entry.source {
            self.cache.set_articles(path, articles);
        }
    }

    /// Write the header cache if it changed (call at exit), with the
    /// encodings detected since the library was opened.
    pub fn save_header_cache(&mut self) -> Result<(), String> {
        let Some(dir) = self.options.cache_dir.clone() else {
            return Ok(());
        };
        let learned = match self.learned.lock() {
            Ok(mut learned) => std::mem::take(&mut *learned),
            Err(_) => HashMap::new(),
        };
        for (index, encoding) in learned {
            if let Some(Entry {
                source: Source::File(path),
                ..
            }) = self.entries.get(index)
            {
                self.cache.set_detected(path, encoding.name());
            }
        }
        self.cache.save(&dir).map_err(|e| {
            format!(
                "header cache not saved: {}: {}",
                escape_path(&dir.join(CACHE_FILE)),
                headers::io_reason(&e)
            )
        })
    }

    fn save_cache_reporting(&mut self) {
        if let Err(message) = self.save_header_cache() {
            self.messages.push(message);
        }
    }

    /// Drop cache entries for files that were deleted from walked folders.
    fn forget_deleted(&mut self, roots: &[PathBuf]) {
        if roots.is_empty() {
            return;
        }
        let seen: std::collections::HashSet<String> = self
            .entries
            .iter()
            .filter_map(|e| match &e.source {
                Source::File(path) => cache::key(path),
                _ => None,
            })
            .collect();
        for root in roots {
            self.cache.prune_under(root, &|key| seen.contains(key));
        }
    }
}
