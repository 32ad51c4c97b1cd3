//! Where issues come from: files, folders, standard input and the embedded
//! sample; reading bytes, decoding and sanitising them. Knows no Markdown
//! beyond asking `parse::parse_header` for what the Issues pane shows.
//!
//! Start-up is lazy: `open` lists files and reads only their heads (or
//! nothing, when the header cache knows the file's size and mtime); an issue
//! is read whole, decoded and sanitised when `read` asks for it.

mod cache;
pub mod decode;
mod headers;
pub mod name;
pub mod sanitize;
pub mod scan;

use std::cmp::Reverse;
use std::collections::HashMap;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use cache::{CACHE_FILE, write_atomic};
pub use decode::{Decoded, Extent, decode};
pub use sanitize::sanitize;
pub use scan::{FileSource, RealFiles};

use crate::model::Date;
use cache::{Cached, HeaderCache, Stamp};
use headers::Outcome;
use name::escape_path;

/// The sample issue, embedded so that `broadsheet` with no arguments works
/// from any directory.
pub const SAMPLE_TEXT: &str = include_str!("../../assets/issues/bjfzxb-2022-02-13.md");
/// The sample's file name, used where a file name would be shown.
pub const SAMPLE_NAME: &str = "bjfzxb-2022-02-13.md";

/// Where an issue's text comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
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

/// Why an issue could not be read. The messages do not repeat the file
/// name: callers put `Library::label` in front.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("no such issue")]
    NoSuchIssue,
    #[error("{0}")]
    Unavailable(String),
    #[error("not text")]
    NotText,
    #[error("{0}")]
    TooLarge(String),
    #[error("vanished since the library was opened")]
    Vanished,
    #[error("{0}, not opened")]
    NotRegular(&'static str),
    #[error("standard input was not read")]
    NoStdin,
    #[error("{}", headers::io_reason(.0))]
    Io(#[from] io::Error),
}

/// Per-entry facts the Issues pane does not need.
#[derive(Debug, Clone, Default)]
struct Meta {
    encoding: Option<String>,
}

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
            files: Arc::new(RealFiles),
        }
    }
}

impl Library {
    /// Only the embedded sample.
    pub fn sample() -> Library {
        let header = crate::parse::parse_header(SAMPLE_TEXT, Some(SAMPLE_NAME));
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
                encoding: Some("UTF-8".into()),
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
        let mut items = Vec::new();
        if listing.stdin {
            items.push(library.read_stdin(stdin));
        }
        let loaded = headers::load(
            &listing.files,
            &library.cache,
            library.files.as_ref(),
            options.max_file_size,
        );
        let mut seen = std::collections::HashSet::new();
        for (found, loaded) in listing.files.iter().zip(loaded) {
            if loaded.identity.is_some_and(|id| !seen.insert(id)) {
                continue;
            }
            match loaded.outcome {
                Outcome::Header(header) => {
                    if loaded.fresh {
                        library.cache.insert(&found.path, header.clone());
                    }
                    items.push(item(Source::File(found.path.clone()), header));
                }
                Outcome::Skipped(message) => library.messages.push(message),
            }
        }
        sort_items(&mut items);
        (library.entries, library.meta) = items.into_iter().unzip();
        library.forget_deleted(&listing.roots);
        library.save_cache_reporting();
        library
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
        self.meta.get(index)?.encoding.as_deref()
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
                let mut decoded = self.read_file(path)?;
                let label = self.label(index);
                for warning in &mut decoded.warnings {
                    *warning = format!("{label}: {warning}");
                }
                Ok(decoded)
            }
        }
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

    /// Write the header cache if it changed (call at exit).
    pub fn save_header_cache(&mut self) -> Result<(), String> {
        let Some(dir) = self.options.cache_dir.clone() else {
            return Ok(());
        };
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

    fn read_file(&self, path: &Path) -> Result<Decoded, ReadError> {
        let max = self.options.max_file_size;
        let meta = fs::metadata(path).map_err(vanished)?;
        if !meta.is_file() {
            return Err(ReadError::NotRegular(scan::kind_of(&meta.file_type())));
        }
        if meta.len() > max {
            return Err(ReadError::TooLarge(headers::too_large(meta.len(), max)));
        }
        let file = self.files.open(path).map_err(vanished)?;
        let bytes = read_capped(file, max)?;
        let mut decoded = decode(&bytes, Extent::Whole).map_err(|_| ReadError::NotText)?;
        if let std::borrow::Cow::Owned(clean) = sanitize(&decoded.text) {
            decoded.text = clean;
        }
        Ok(decoded)
    }

    /// Standard input, read whole now: it cannot be read twice.
    fn read_stdin(&mut self, stdin: &mut dyn Read) -> (Entry, Meta) {
        let stamp = Stamp {
            size: 0,
            mtime_secs: 0,
            mtime_nanos: 0,
        };
        let failed = |reason: String| Cached {
            unavailable: Some(reason),
            ..headers::header_of(stamp, "", Path::new("-"), None)
        };
        let header = match read_capped(stdin, self.options.max_file_size) {
            Err(e) => failed(e.to_string()),
            Ok(bytes) => match decode(&bytes, Extent::Whole) {
                Err(_) => failed("not text".into()),
                Ok(decoded) => {
                    let text = sanitize(&decoded.text).into_owned();
                    let head = text.get(..text.len().min(headers::HEADER_TEXT_BYTES));
                    let header = headers::header_of(
                        stamp,
                        head.unwrap_or(&text),
                        Path::new(""),
                        Some(decoded.encoding),
                    );
                    let warnings = decoded.warnings.iter().map(|w| format!("-: {w}"));
                    self.messages.extend(warnings);
                    self.stdin_text = Some((text, decoded.encoding));
                    header
                }
            },
        };
        item(Source::Stdin, header)
    }
}

/// Read at most `max` bytes; more is an error that gives the size read.
fn read_capped(reader: impl Read, max: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge(format!(
            "too large: over {} (the limit is {}; see max_file_size)",
            scan::human_size(max),
            scan::human_size(max)
        )));
    }
    Ok(bytes)
}

fn vanished(e: io::Error) -> ReadError {
    if e.kind() == io::ErrorKind::NotFound {
        ReadError::Vanished
    } else {
        ReadError::Io(e)
    }
}

fn item(source: Source, header: Cached) -> (Entry, Meta) {
    let date = header.date.as_deref().and_then(parse_iso_date);
    let status = match header.unavailable {
        Some(reason) => EntryStatus::Unavailable(reason),
        None => EntryStatus::Ready,
    };
    let entry = Entry {
        source,
        paper: header.paper.unwrap_or_default(),
        date,
        weekday: header.weekday,
        articles: header.articles,
        status,
    };
    (
        entry,
        Meta {
            encoding: header.encoding,
        },
    )
}

fn parse_iso_date(text: &str) -> Option<Date> {
    let mut parts = text.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    Date::new(year, month, day)
}

/// Grouped by paper, the paper with the newest issue first (ties by name;
/// entries without a paper last); each paper's issues newest first, undated
/// ones after the dated, by path, newest-looking name first.
fn sort_items(items: &mut [(Entry, Meta)]) {
    let mut newest: HashMap<String, Option<Date>> = HashMap::new();
    for (entry, _) in items.iter() {
        let slot = newest.entry(entry.paper.clone()).or_default();
        *slot = (*slot).max(entry.date);
    }
    items.sort_by_cached_key(|(e, _)| {
        let name = match &e.source {
            Source::File(p) => p.as_os_str().to_owned(),
            _ => Default::default(),
        };
        let paper_newest = newest.get(&e.paper).copied().flatten();
        (
            e.paper.is_empty(),
            Reverse(paper_newest),
            e.paper.clone(),
            Reverse(e.date),
            Reverse(name),
        )
    });
}
