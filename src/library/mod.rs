//! Where issues come from: files, folders, standard input and the embedded
//! sample; reading bytes, decoding and sanitising them. Knows no Markdown
//! beyond asking `parse::parse_header` for what the Issues pane shows.

use std::path::PathBuf;

use crate::model::Date;

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

/// The issues the reader can open, grouped by paper, newest first.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub entries: Vec<Entry>,
    /// Problems met while listing (skipped files with their reasons).
    pub messages: Vec<String>,
    stdin_text: Option<String>,
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
            messages: Vec::new(),
            stdin_text: None,
        }
    }

    /// Issues at `paths` (files, folders, `-` for standard input); the sample
    /// when `paths` is empty. (Skeleton: files only, no scanning.)
    pub fn open(paths: &[PathBuf], options: &LibraryOptions) -> Library {
        let _ = options;
        if paths.is_empty() {
            return Library::sample();
        }
        let entries = paths
            .iter()
            .map(|path| Entry {
                source: Source::File(path.clone()),
                paper: String::new(),
                date: None,
                weekday: None,
                articles: None,
                status: EntryStatus::Ready,
            })
            .collect();
        Library {
            entries,
            messages: Vec::new(),
            stdin_text: None,
        }
    }

    /// How an entry is named in messages and in `broadsheet list`: its path
    /// (control characters escaped), `-` or `(sample)`.
    pub fn label(&self, index: usize) -> String {
        match self.entries.get(index).map(|e| &e.source) {
            Some(Source::Sample) => "(sample)".to_owned(),
            Some(Source::Stdin) => "-".to_owned(),
            Some(Source::File(path)) => path.display().to_string(),
            None => String::new(),
        }
    }

    /// The file name to give the parser (for a paper name or date when the
    /// text has none).
    pub fn file_name(&self, index: usize) -> Option<String> {
        match &self.entries.get(index)?.source {
            Source::Sample => Some(SAMPLE_NAME.to_owned()),
            Source::Stdin => None,
            Source::File(path) => path.file_name().map(|n| n.to_string_lossy().into_owned()),
        }
    }

    /// The decoded, sanitised text of entry `index`.
    pub fn read(&self, index: usize) -> Result<String, String> {
        let entry = self.entries.get(index).ok_or("no such issue")?;
        match &entry.source {
            Source::Sample => Ok(SAMPLE_TEXT.to_owned()),
            Source::Stdin => self
                .stdin_text
                .clone()
                .ok_or_else(|| "standard input was not read".to_owned()),
            Source::File(path) => {
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
            }
        }
    }
}
