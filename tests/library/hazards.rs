//! Folder hazards (docs/RELIABILITY.md §6 cases 12 and 46): each is skipped or listed
//! with its reason, nothing hangs, the other issues open. Permission faults
//! go through the `FileSource` seam, since the tests run as root.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::library_fixtures;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use broadsheet::library::{EntryStatus, FileSource, Library, LibraryOptions, Source};

/// Opens real files, except those it was told to fail.
#[derive(Debug, Default)]
pub struct Faulty {
    deny: Vec<PathBuf>,
    vanish: Vec<PathBuf>,
}

impl FileSource for Faulty {
    fn open(&self, path: &Path) -> io::Result<fs::File> {
        if self.deny.iter().any(|p| p == path) {
            return Err(io::Error::from(io::ErrorKind::PermissionDenied));
        }
        if self.vanish.iter().any(|p| p == path) {
            return Err(io::Error::from(io::ErrorKind::NotFound));
        }
        fs::File::open(path)
    }
}

/// Open on another thread, so a hang fails the test instead of stalling CI.
fn open_guarded(paths: Vec<PathBuf>, files: Arc<dyn FileSource>) -> Library {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let library =
            Library::open_with(&paths, &LibraryOptions::default(), files, &mut io::empty());
        let _ = send.send(library);
    });
    receive
        .recv_timeout(Duration::from_secs(120))
        .expect("Library::open hung")
}

fn names(library: &Library) -> Vec<String> {
    (0..library.entries.len())
        .map(|i| library.file_name(i).unwrap_or_default())
        .collect()
}

fn write(path: &Path) {
    fs::write(path, library_fixtures::ISSUE).unwrap();
}

#[test]
fn every_hazard_is_skipped_or_listed_and_the_rest_opens() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("good.md"));
    fs::create_dir(root.join("paper")).unwrap();
    write(&root.join("paper/2022-02-13.markdown"));
    write(&root.join("notes.png")); // wrong extension: ignored silently
    std::os::unix::fs::symlink(".", root.join("paper/loop")).unwrap();
    std::os::unix::fs::symlink("nowhere.md", root.join("dangling.md")).unwrap();
    fs::create_dir(root.join("folder.md")).unwrap();
    write(&root.join("folder.md/inside.txt"));
    let status = std::process::Command::new("mkfifo")
        .arg(root.join("pipe.md"))
        .status()
        .unwrap();
    assert!(status.success());
    write(&root.join("locked.md"));
    write(&root.join("gone.md"));
    fs::create_dir(root.join(".hidden")).unwrap();
    write(&root.join(".hidden/secret.md"));

    let faulty = Arc::new(Faulty {
        deny: vec![root.join("locked.md")],
        vanish: vec![root.join("gone.md")],
    });
    let library = open_guarded(vec![root.to_path_buf()], faulty);

    let mut listed = names(&library);
    listed.sort();
    assert_eq!(
        listed,
        ["2022-02-13.markdown", "good.md", "inside.txt", "locked.md"]
    );
    let locked = listed_index(&library, "locked.md");
    assert_eq!(
        library.entries[locked].status,
        EntryStatus::Unavailable("permission denied".into())
    );
    assert!(library.read(listed_index(&library, "good.md")).is_ok());
    let messages = library.messages.join("\n");
    for expected in [
        "pipe.md: a FIFO (named pipe), skipped",
        "dangling.md: broken symbolic link or vanished, skipped",
        "loop: symbolic link loop",
        "gone.md: vanished before it could be read, skipped",
    ] {
        assert!(
            messages.contains(expected),
            "{expected:?} not in:\n{messages}"
        );
    }
}

fn listed_index(library: &Library, name: &str) -> usize {
    names(library).iter().position(|n| n == name).unwrap()
}

#[test]
fn a_fifo_named_on_the_command_line_is_not_opened() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.md");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    let library = open_guarded(vec![fifo], Arc::new(Faulty::default()));
    assert!(library.entries.is_empty());
    assert!(
        library.messages[0].contains("a FIFO (named pipe), not opened"),
        "{:?}",
        library.messages
    );
}

#[test]
fn missing_paths_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let library = open_guarded(
        vec![dir.path().join("absent.md")],
        Arc::new(Faulty::default()),
    );
    assert!(library.entries.is_empty());
    assert!(library.messages[0].ends_with("absent.md: no such file or folder"));
}

#[test]
fn a_file_deleted_after_listing_fails_to_read_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.md");
    write(&path);
    let library = open_guarded(vec![dir.path().to_path_buf()], Arc::new(Faulty::default()));
    fs::remove_file(&path).unwrap();
    assert_eq!(
        library.read(0),
        Err("vanished since the library was opened".to_owned())
    );
}

#[test]
fn a_permission_fault_at_read_time_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    write(&path);
    let faulty = Arc::new(Faulty::default());
    let library = Library::open_with(
        std::slice::from_ref(&path),
        &LibraryOptions::default(),
        faulty,
        &mut io::empty(),
    );
    assert!(library.read(0).is_ok());
    let denying = Arc::new(Faulty {
        deny: vec![path.clone()],
        ..Faulty::default()
    });
    let library = Library::open_with(
        &[path],
        &LibraryOptions::default(),
        denying,
        &mut io::empty(),
    );
    assert_eq!(library.read(0), Err("permission denied".to_owned()));
}

#[test]
fn control_characters_in_names_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = dir.path().join(library_fixtures::HOSTILE_NAME);
    write(&hostile);
    let binary = dir.path().join("\u{202E}gnp.md");
    fs::write(&binary, library_fixtures::binary()).unwrap();
    let library = open_guarded(vec![dir.path().to_path_buf()], Arc::new(Faulty::default()));
    assert_eq!(library.entries.len(), 2);
    for index in 0..library.entries.len() {
        for shown in [library.label(index), library.file_name(index).unwrap()] {
            assert!(!shown.chars().any(char::is_control), "{shown:?}");
            assert!(!shown.contains('\u{202E}'), "{shown:?}");
        }
    }
    let hostile_index = (0..2)
        .find(|&i| matches!(&library.entries[i].source, Source::File(p) if *p == hostile))
        .unwrap();
    assert_eq!(
        library.file_name(hostile_index).unwrap(),
        "x\\e[2J\\e]52;c;eA==\\007.md"
    );
}

#[test]
fn a_file_named_twice_is_listed_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    write(&path);
    let library = open_guarded(
        vec![dir.path().to_path_buf(), path],
        Arc::new(Faulty::default()),
    );
    assert_eq!(library.entries.len(), 1);
}

/// A FIFO swapped in after the listing checked the type must not block the
/// real opener: it opens without blocking and refuses what is not a file.
#[test]
fn the_real_opener_refuses_a_fifo_without_blocking() {
    use broadsheet::library::RealFiles;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("swapped.md");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(RealFiles.open(&fifo).map(|_| ()).map_err(|e| e.kind()));
    });
    // A deadline against a hang, not a speed check: a blocking open never returns.
    let opened = receive
        .recv_timeout(Duration::from_secs(30))
        .expect("open on a FIFO blocked");
    assert_eq!(opened, Err(io::ErrorKind::InvalidInput));
}
