//! Finding issue files: command-line paths, folders walked recursively, and
//! the hazards a real folder holds (docs/RELIABILITY.md §4, §6 case 46). Nothing here
//! opens a file that is not a regular file: `open` on a FIFO blocks forever,
//! so the type is checked from the directory listing first, as `less` does.

use std::fmt;
use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::name::escape_path;

/// The extensions a folder walk picks up (case-insensitive).
pub const EXTENSIONS: [&str; 3] = ["md", "markdown", "txt"];

/// Extensions a folder walk also picks up when the file's content is a feed
/// (`sources::is_feed`); other XML files are passed over quietly.
pub const FEED_EXTENSIONS: [&str; 3] = ["xml", "rss", "atom"];

/// Opens files for reading. The seam where tests inject faults: as root,
/// `chmod 000` blocks nothing, so permission errors are simulated here.
pub trait FileSource: fmt::Debug + Send + Sync {
    fn open(&self, path: &Path) -> io::Result<File>;
}

/// The real file system.
#[derive(Debug, Clone, Copy, Default)]
pub struct RealFiles;

impl FileSource for RealFiles {
    fn open(&self, path: &Path) -> io::Result<File> {
        open_regular(path)
    }
}

/// Open a file for reading only if it is a regular file: a FIFO, a device
/// or a socket is refused at once (kind `InvalidInput`, the message says
/// which it is), a missing file is `NotFound` as usual. The path is stat'ed
/// first, then opened without blocking and checked again, so a FIFO
/// swapped in between cannot block `open` forever. (O_NONBLOCK changes
/// nothing for reads of a regular file.) For every file the program reads
/// as data: issues, config, state, feeds.
pub fn open_regular(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    let refuse = |meta: &fs::Metadata| -> io::Result<()> {
        if meta.is_file() {
            Ok(())
        } else {
            Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                crate::i18n::t!("library.not_regular", kind = kind_of(&meta.file_type())),
            ))
        }
    };
    refuse(&fs::metadata(path)?)?;
    let file = fs::OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)?;
    refuse(&file.metadata()?)?;
    Ok(file)
}

/// A file found while listing; its metadata when it was already fetched
/// (files named directly), else it is stat'ed later, in parallel. Boxed:
/// walked files (all but those named) have none, and a `Metadata` inline
/// made each of 100,000 found files 170 bytes larger.
#[derive(Debug, Clone)]
pub struct Found {
    pub path: PathBuf,
    pub meta: Option<Box<fs::Metadata>>,
    /// Found by a walk under a feed extension: an issue only if its content
    /// is a feed.
    pub sniff: bool,
    /// For a folder that is one issue (see [`issue_folder`]): its files, in
    /// path order. Empty for a file.
    pub members: Vec<PathBuf>,
}

/// Everything the paths named.
#[derive(Debug, Default)]
pub struct Listing {
    pub files: Vec<Found>,
    /// Folders that were walked (their stale cache entries can be pruned).
    pub roots: Vec<PathBuf>,
    /// `-` was given.
    pub stdin: bool,
    pub messages: Vec<String>,
}

/// List the files that `paths` name. A file named directly is taken whatever
/// its extension; a folder contributes its `.md`/`.markdown`/`.txt` files,
/// skipping hidden files and folders.
pub fn list(paths: &[PathBuf]) -> Listing {
    let mut listing = Listing::default();
    for path in paths {
        if path.as_os_str() == "-" {
            if listing.stdin {
                listing
                    .messages
                    .push("-: standard input given twice".into());
            }
            listing.stdin = true;
            continue;
        }
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut listing),
            Ok(meta) if meta.is_file() => listing.files.push(Found {
                path: path.clone(),
                meta: Some(Box::new(meta)),
                sniff: false,
                members: Vec::new(),
            }),
            Ok(meta) => listing.messages.push(crate::i18n::t!(
                "library.not_opened",
                path = escape_path(path),
                kind = kind_of(&meta.file_type())
            )),
            Err(e) => listing.messages.push(missing(path, &e)),
        }
    }
    listing
}

fn walk(root: &Path, listing: &mut Listing) {
    listing.roots.push(root.to_path_buf());
    let first = listing.files.len();
    // Following links finds archives kept elsewhere; walkdir detects loops.
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for item in walker {
        let entry = match item {
            Ok(entry) => entry,
            Err(e) => {
                if let Some(message) = walk_error(&e) {
                    listing.messages.push(message);
                }
                continue;
            }
        };
        let file_type = entry.file_type();
        // A folder named `x.md` is a folder: walkdir goes into it.
        let sniff = !has_issue_extension(entry.path()) && has_feed_extension(entry.path());
        if file_type.is_dir() || !(sniff || has_issue_extension(entry.path())) {
            continue;
        }
        if !file_type.is_file() {
            listing.messages.push(format!(
                "{}: {}, skipped",
                escape_path(entry.path()),
                kind_of(&file_type)
            ));
            continue;
        }
        listing.files.push(Found {
            path: entry.into_path(),
            meta: None,
            sniff,
            members: Vec::new(),
        });
    }
    let walked = listing.files.split_off(first);
    listing.files.extend(group_folders(root, walked));
}

/// Files of one-article-per-file folders become one entry per folder.
fn group_folders(root: &Path, files: Vec<Found>) -> Vec<Found> {
    let mut out = Vec::with_capacity(files.len());
    let mut folders: Vec<Found> = Vec::new();
    for found in files {
        let folder = (!found.sniff)
            .then(|| issue_folder(root, &found.path))
            .flatten();
        let Some(folder) = folder else {
            out.push(found);
            continue;
        };
        match folders.iter_mut().find(|f| f.path == folder) {
            Some(issue) => issue.members.push(found.path),
            None => folders.push(Found {
                path: folder,
                meta: None,
                sniff: false,
                members: vec![found.path],
            }),
        }
    }
    for folder in &mut folders {
        folder.members.sort();
    }
    out.extend(folders);
    out
}

/// The folder a walked file is an article of, when it is one: the file is
/// Markdown starting with front matter (`---` or `+++`), and the nearest
/// folder above it (up to the folder walked) whose name holds a date
/// (`2025-01-02`, `20250102`) is the issue. So
/// `2025-01-02/05-评论/标题.md` and `2025-01-02/标题.md` are articles of
/// the issue `2025-01-02`; a dated file outside such a folder stays an
/// issue of its own.
pub fn issue_folder(root: &Path, file: &Path) -> Option<PathBuf> {
    let markdown = file
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    if !markdown {
        return None;
    }
    let folder = file
        .ancestors()
        .skip(1)
        .take_while(|dir| dir.starts_with(root))
        .find(|dir| {
            dir.file_name()
                .and_then(|n| n.to_str())
                .and_then(crate::parse::dateline::date_from_file_name)
                .is_some()
        })?;
    starts_with_front_matter(file).then(|| folder.to_path_buf())
}

/// Whether a file begins with a front matter fence.
fn starts_with_front_matter(path: &Path) -> bool {
    let Ok(mut file) = RealFiles.open(path) else {
        return false;
    };
    let Ok(head) = read_head(&mut file, 8) else {
        return false;
    };
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&head);
    head.starts_with(b"---\n")
        || head.starts_with(b"---\r\n")
        || head.starts_with(b"+++\n")
        || head.starts_with(b"+++\r\n")
}

/// The article files of a folder issue, in path order: what a walk of
/// `folder` groups into it.
pub fn folder_members(folder: &Path) -> Vec<PathBuf> {
    let mut listing = Listing::default();
    walk(folder, &mut listing);
    listing
        .files
        .into_iter()
        .find(|f| f.path == folder)
        .map(|f| f.members)
        .unwrap_or_default()
}

fn walk_error(e: &walkdir::Error) -> Option<String> {
    let path = e.path().map(escape_path).unwrap_or_default();
    if let Some(ancestor) = e.loop_ancestor() {
        return Some(crate::i18n::t!(
            "library.link_loop",
            path = path,
            to = escape_path(ancestor)
        ));
    }
    let io = e.io_error()?;
    match io.kind() {
        // A dangling link, or a file deleted mid-walk: only ours are news.
        io::ErrorKind::NotFound => e
            .path()
            .filter(|p| has_issue_extension(p))
            .map(|_| crate::i18n::t!("library.link_broken_skipped", path = path)),
        io::ErrorKind::PermissionDenied => {
            Some(crate::i18n::t!("library.permission_skipped", path = path))
        }
        _ => Some(crate::i18n::t!("library.io_skipped", path = path, why = io)),
    }
}

fn missing(path: &Path, e: &io::Error) -> String {
    let name = escape_path(path);
    let dangling = e.kind() == io::ErrorKind::NotFound && fs::symlink_metadata(path).is_ok();
    if dangling {
        crate::i18n::t!("library.link_broken", path = name)
    } else if e.kind() == io::ErrorKind::NotFound {
        crate::i18n::t!("library.no_such_file", path = name)
    } else {
        format!("{name}: {e}")
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

pub fn has_feed_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| FEED_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

pub fn has_issue_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// What a non-regular file is, for the message that skips it.
pub fn kind_of(file_type: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return "a device";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

/// A file's identity on disk (device, inode): the same file named twice
/// (a folder and a file in it, two links) is listed once.
#[cfg(unix)]
pub fn identity(meta: &fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
pub fn identity(_meta: &fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// Read up to `limit` bytes from the start of `file`.
pub fn read_head(file: &mut File, limit: usize) -> io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(limit);
    file.take(limit as u64).read_to_end(&mut head)?;
    Ok(head)
}

/// `1.2 GiB`, `64 MiB`, `512 bytes`: sizes in messages.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if value.fract() == 0.0 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_well() {
        assert_eq!(human_size(512), "512 bytes");
        assert_eq!(human_size(64 * 1024 * 1024), "64 MiB");
        assert_eq!(
            human_size(1024 * 1024 * 1024 + 100 * 1024 * 1024),
            "1.1 GiB"
        );
    }

    #[test]
    fn extensions_ignore_case() {
        assert!(has_issue_extension(Path::new("a/B.MD")));
        assert!(has_issue_extension(Path::new("a.markdown")));
        assert!(!has_issue_extension(Path::new("a.png")));
        assert!(!has_issue_extension(Path::new("md")));
    }
}
