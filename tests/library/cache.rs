//! The header cache: a second start reads no file that has not changed.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::library_fixtures;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use broadsheet::library::{CACHE_FILE, EntryStatus, FileSource, Library, LibraryOptions};

/// Counts the files the library opens.
#[derive(Debug, Default)]
struct Counting(AtomicUsize);

impl FileSource for Counting {
    fn open(&self, path: &Path) -> io::Result<fs::File> {
        self.0.fetch_add(1, Ordering::SeqCst);
        fs::File::open(path)
    }
}

struct Archive {
    _dir: tempfile::TempDir,
    root: PathBuf,
    options: LibraryOptions,
}

/// 100 issues (enough to take the parallel path) and a cache folder.
fn archive() -> Archive {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    fs::create_dir(&root).unwrap();
    for i in 0..100 {
        let text = library_fixtures::ISSUE.replace("13日", &format!("{}日", i % 28 + 1));
        fs::write(root.join(format!("issue-{i:03}.md")), text).unwrap();
    }
    fs::write(root.join("binary.md"), library_fixtures::binary()).unwrap();
    let options = LibraryOptions {
        cache_dir: Some(dir.path().join("state")),
        ..LibraryOptions::default()
    };
    Archive {
        _dir: dir,
        root,
        options,
    }
}

fn open(archive: &Archive) -> (Library, usize) {
    let counter = Arc::new(Counting::default());
    let library = Library::open_with(
        std::slice::from_ref(&archive.root),
        &archive.options,
        counter.clone(),
        &mut io::empty(),
    );
    (library, counter.0.load(Ordering::SeqCst))
}

#[test]
fn warm_start_opens_no_file() {
    let archive = archive();
    let (cold, cold_opens) = open(&archive);
    assert_eq!(cold_opens, 101);
    assert!(cold.messages.is_empty(), "{:?}", cold.messages);
    let state = archive.options.cache_dir.as_ref().unwrap();
    assert!(state.join(CACHE_FILE).is_file());
    let leftovers: Vec<_> = fs::read_dir(state).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "temp files left: {leftovers:?}");

    let (warm, warm_opens) = open(&archive);
    assert_eq!(warm_opens, 0);
    assert_eq!(warm.entries, cold.entries);
    let ready = warm
        .entries
        .iter()
        .position(|e| e.status == EntryStatus::Ready)
        .unwrap();
    assert_eq!(warm.encoding(ready), Some("UTF-8"));
}

#[test]
fn a_changed_file_is_read_again() {
    let archive = archive();
    open(&archive);
    let changed = archive.root.join("issue-007.md");
    let mut text = fs::read_to_string(&changed).unwrap();
    text.push_str("\n补记。\n");
    fs::write(&changed, text).unwrap();
    let (_, opens) = open(&archive);
    assert_eq!(opens, 1);
}

#[test]
fn deleted_files_leave_the_cache() {
    let archive = archive();
    open(&archive);
    let cache = archive.options.cache_dir.as_ref().unwrap().join(CACHE_FILE);
    let before = fs::metadata(&cache).unwrap().len();
    fs::remove_file(archive.root.join("issue-000.md")).unwrap();
    let (library, opens) = open(&archive);
    assert_eq!((library.entries.len(), opens), (100, 0));
    assert!(fs::metadata(&cache).unwrap().len() < before);
}

#[test]
fn a_corrupt_cache_is_ignored_and_replaced() {
    let archive = archive();
    let state = archive.options.cache_dir.clone().unwrap();
    fs::create_dir_all(&state).unwrap();
    fs::write(state.join(CACHE_FILE), b"\0\0garbage{").unwrap();
    let (library, opens) = open(&archive);
    assert_eq!((library.entries.len(), opens), (101, 101));
    assert!(library.messages.is_empty());
    let (_, opens) = open(&archive);
    assert_eq!(opens, 0);
}

#[test]
fn article_counts_survive_a_restart() {
    let archive = archive();
    let (mut library, _) = open(&archive);
    library.record_articles(3, 7);
    library.save_header_cache().unwrap();
    let (again, opens) = open(&archive);
    assert_eq!(opens, 0);
    assert_eq!(again.entries[3].articles, Some(7));
}

#[test]
fn an_unwritable_cache_folder_is_one_message() {
    let archive = archive();
    let blocker = archive.root.parent().unwrap().join("file-not-folder");
    fs::write(&blocker, "x").unwrap();
    let options = LibraryOptions {
        cache_dir: Some(blocker.join("state")),
        ..LibraryOptions::default()
    };
    let library = Library::open(std::slice::from_ref(&archive.root), &options);
    assert_eq!(library.entries.len(), 101);
    assert_eq!(library.messages.len(), 1, "{:?}", library.messages);
    assert!(library.messages[0].starts_with("header cache not saved: "));
}

/// The size cap is this run's setting, not a property of the file: a header
/// cached under a larger cap must not let a file past a smaller one, and a
/// refusal under a small cap must not be remembered for the next run.
#[test]
fn the_size_cap_applies_whatever_the_cache_holds() {
    let archive = archive();
    let (warm, _) = open(&archive);
    let big = warm
        .entries
        .iter()
        .position(|e| e.status == EntryStatus::Ready)
        .unwrap();
    let size = fs::metadata(warm.label(big)).unwrap().len();
    assert!(size > 256, "the fixture issue is {size} bytes");

    let small = Archive {
        options: LibraryOptions {
            max_file_size: 256,
            ..archive.options.clone()
        },
        ..archive
    };
    let (capped, opens) = open(&small);
    // Refused from the size alone: nothing is opened, cache or not.
    assert_eq!(opens, 0);
    let index = capped
        .entries
        .iter()
        .position(|e| e.source == warm.entries[big].source)
        .unwrap();
    let expected = format!(
        "too large: {} (the limit is 256 bytes; see max_file_size)",
        broadsheet::library::scan::human_size(size)
    );
    assert_eq!(
        capped.entries[index].status,
        EntryStatus::Unavailable(expected)
    );
    assert_eq!(capped.entries[index].articles, None);
    assert!(capped.read(index).unwrap_err().starts_with("too large"));
    // Every issue is over 256 bytes: none is listed as ready.
    assert!(
        capped
            .entries
            .iter()
            .all(|e| e.status != EntryStatus::Ready)
    );

    // Back under the default cap, the cached headers serve again.
    let restored = Archive {
        options: LibraryOptions {
            max_file_size: LibraryOptions::default().max_file_size,
            ..small.options.clone()
        },
        ..small
    };
    let (again, opens) = open(&restored);
    assert_eq!(opens, 0);
    assert_eq!(again.entries, warm.entries);
}

#[test]
fn a_legacy_files_detected_encoding_is_kept_and_gives_the_same_text() {
    let archive = archive();
    let (gb, _, _) = encoding_rs::GB18030.encode(library_fixtures::ISSUE);
    fs::write(archive.root.join("legacy.md"), &gb).unwrap();
    let (mut library, _) = open(&archive);
    let index = (0..library.entries.len())
        .find(|&i| library.label(i).ends_with("legacy.md"))
        .unwrap();
    let first = library.read_decoded(index).unwrap();
    assert_eq!(first.encoding, "GB18030");
    assert_eq!(first.text, library_fixtures::ISSUE);
    library.save_header_cache().unwrap();
    let cache =
        fs::read_to_string(archive.options.cache_dir.as_ref().unwrap().join(CACHE_FILE)).unwrap();
    assert_eq!(
        cache.matches(r#""x":"gb18030""#).count(),
        1,
        "the detected encoding is cached for the legacy file alone"
    );
    // The next start decodes with it: the same text and encoding.
    let (again, _) = open(&archive);
    let second = again.read_decoded(index).unwrap();
    assert_eq!(second, first);
    let raw = again.read_raw(index).unwrap().unwrap();
    assert_eq!(again.decode_raw(index, &raw).unwrap(), first);
}
