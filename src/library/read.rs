//! Reading a whole issue when it is selected (and standard input at open):
//! checked again (it may have changed since the listing), capped in size,
//! decoded and sanitised.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use super::cache::{Cached, Stamp};
use encoding_rs::Encoding;

use super::decode::{Decoded, Extent, decode, decode_known};
use super::{Entry, Library, Meta, Source, entries, headers, scan};
use crate::text::clean as sanitize;

/// Why an issue could not be read. The messages do not repeat the file
/// name: callers put `Library::label` in front.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{}", crate::i18n::t!("library.no_such_issue"))]
    NoSuchIssue,
    #[error("{0}")]
    Unavailable(String),
    #[error("{}", crate::i18n::t!("library.not_text"))]
    NotText,
    #[error("{0}")]
    TooLarge(String),
    #[error("{}", crate::i18n::t!("library.vanished_since_open"))]
    Vanished,
    #[error("{}", crate::i18n::t!("library.not_regular_short", kind = .0))]
    NotRegular(&'static str),
    #[error("{}", crate::i18n::t!("library.no_stdin"))]
    NoStdin,
    #[error("{}", headers::io_reason(.0))]
    Io(#[from] io::Error),
}

impl Library {
    /// File entry `index`, at `path`, read whole and decoded.
    pub(super) fn read_file(&self, index: usize, path: &Path) -> Result<Decoded, ReadError> {
        let meta = fs::metadata(path).map_err(vanished)?;
        if meta.is_dir() {
            return self.read_folder(path);
        }
        self.decode_entry(index, &self.read_one(path, meta)?)
    }

    /// The whole bytes of entry `index` decoded and sanitised, with the
    /// encoding detection chose for them before (in the header cache, or
    /// earlier in this run) tried first; what it chooses now is remembered
    /// for the header cache.
    pub(super) fn decode_entry(&self, index: usize, bytes: &[u8]) -> Result<Decoded, ReadError> {
        let known = self.meta.get(index).and_then(|m| m.detected).or_else(|| {
            let learned = self.learned.lock().ok()?;
            learned.get(&index).copied()
        });
        let (decoded, detected) = decode_whole_known(bytes, known)?;
        if let Some(detected) = detected
            && Some(detected) != known
            && let Ok(mut learned) = self.learned.lock()
        {
            learned.insert(index, detected);
        }
        Ok(decoded)
    }

    /// A folder that is one issue: its article files, each decoded and
    /// sanitised, joined for `sources::bundle`. The size cap is on the total.
    fn read_folder(&self, folder: &Path) -> Result<Decoded, ReadError> {
        let members = scan::folder_members(folder);
        if members.is_empty() {
            return Err(ReadError::Vanished);
        }
        let max = self.options.max_file_size;
        let mut files = Vec::with_capacity(members.len());
        let mut total: u64 = 0;
        let mut warnings = Vec::new();
        let mut encoding = None;
        for member in &members {
            let meta = fs::metadata(member).map_err(vanished)?;
            total = total.saturating_add(meta.len());
            if total > max {
                return Err(ReadError::TooLarge(headers::too_large(total, max)));
            }
            let decoded = decode_whole(&self.read_one(member, meta)?)?;
            let relative = member
                .strip_prefix(folder)
                .unwrap_or(member)
                .to_string_lossy()
                .into_owned();
            warnings.extend(decoded.warnings.iter().map(|w| format!("{relative}: {w}")));
            encoding.get_or_insert(decoded.encoding);
            files.push((relative, decoded.text));
        }
        let text =
            crate::sources::bundle::join(files.iter().map(|(p, t)| (p.as_str(), t.as_str())));
        Ok(Decoded {
            text,
            encoding: encoding.unwrap_or("UTF-8"),
            warnings,
        })
    }

    fn read_one(&self, path: &Path, meta: fs::Metadata) -> Result<Vec<u8>, ReadError> {
        let max = self.options.max_file_size;
        if !meta.is_file() {
            return Err(ReadError::NotRegular(scan::kind_of(&meta.file_type())));
        }
        if meta.len() > max {
            return Err(ReadError::TooLarge(headers::too_large(meta.len(), max)));
        }
        let file = self.files.open(path).map_err(vanished)?;
        // Room for the size stat gave and the read that finds the end: one
        // read fills it, where a growing buffer took several reads and
        // copies (a library search reads every file).
        let room = usize::try_from(meta.len()).map_or(0, |len| len.saturating_add(1));
        read_capped(file, max, room)
    }

    /// A file's bytes, checked and capped as `read_file` reads them; `None`
    /// for a folder that is one issue, which has no bytes of its own
    /// (`read_file` joins it). One `stat`, not two: a library search reads
    /// every file.
    pub(super) fn read_file_bytes(&self, path: &Path) -> Result<Option<Vec<u8>>, ReadError> {
        let meta = fs::metadata(path).map_err(vanished)?;
        if meta.is_dir() {
            return Ok(None);
        }
        self.read_one(path, meta).map(Some)
    }

    /// Standard input, read whole now: it cannot be read twice.
    pub(super) fn read_stdin(&mut self, stdin: &mut dyn Read) -> (Entry, Meta) {
        let stamp = Stamp {
            size: 0,
            mtime_secs: 0,
            mtime_nanos: 0,
        };
        let failed = |reason: String| Cached {
            unavailable: Some(reason),
            ..headers::header_of(stamp, "", Path::new("-"), None)
        };
        let header = match read_capped(stdin, self.options.max_file_size, 0) {
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
        entries::item(Source::Stdin, &header)
    }
}

/// A whole file's bytes decoded and sanitised.
pub(super) fn decode_whole(bytes: &[u8]) -> Result<Decoded, ReadError> {
    decode_whole_known(bytes, None).map(|(decoded, _)| decoded)
}

/// `decode_whole` with the encoding detection chose for these bytes before
/// (see `decode::decode_known`), and the one it chose now.
pub(super) fn decode_whole_known(
    bytes: &[u8],
    known: Option<&'static Encoding>,
) -> Result<(Decoded, Option<&'static Encoding>), ReadError> {
    let (mut decoded, detected) =
        decode_known(bytes, Extent::Whole, known).map_err(|_| ReadError::NotText)?;
    if let std::borrow::Cow::Owned(clean) = sanitize(&decoded.text) {
        decoded.text = clean;
    }
    Ok((decoded, detected))
}

/// Read at most `max` bytes; more is an error that gives the size read.
fn read_capped(reader: impl Read, max: u64, room: usize) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(room);
    reader.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        // A stream's size is unknown until read: say only that it passed the limit.
        return Err(ReadError::TooLarge(crate::i18n::t!(
            "library.too_large_stream",
            max = scan::human_size(max)
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
