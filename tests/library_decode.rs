//! Every encoding the issue names, through `Library::open` and `read`, from
//! files generated at test time (RELIABILITY §6 cases 38–44).

mod library_fixtures;

use std::io::Cursor;
use std::path::PathBuf;
use std::sync::Arc;

use broadsheet::library::{EntryStatus, Library, LibraryOptions, RealFiles, Source};
use library_fixtures::{Fixture, encodings};

fn open_one(path: PathBuf, options: &LibraryOptions) -> Library {
    Library::open(&[path], options)
}

#[test]
fn each_encoding_decodes_to_the_same_clean_text() {
    let dir = tempfile::tempdir().unwrap();
    for Fixture {
        name,
        bytes,
        expect,
    } in encodings()
    {
        let (text, encoding) = expect.unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let library = open_one(path, &LibraryOptions::default());
        assert_eq!(library.entries.len(), 1, "{name}");
        assert_eq!(library.entries[0].status, EntryStatus::Ready, "{name}");
        let decoded = library.read_decoded(0).unwrap();
        assert_eq!(decoded.text, text, "{name}");
        assert_eq!(decoded.encoding, encoding, "{name}");
        assert_eq!(library.encoding(0), Some(encoding), "{name} (head)");
        assert!(!decoded.text.contains(['\r', '\u{FEFF}']), "{name}");
    }
}

#[test]
fn bom_does_not_hide_the_masthead() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.md");
    std::fs::write(&path, b"\xef\xbb\xbf# \xe6\x8a\xa5\r\n").unwrap();
    let text = open_one(path, &LibraryOptions::default()).read(0).unwrap();
    assert_eq!(text, "# 报\n");
}

#[test]
fn invalid_utf8_warns_once_with_file_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = encodings()
        .into_iter()
        .find(|f| f.name == "invalid-utf8.md")
        .unwrap();
    let path = dir.path().join(fixture.name);
    std::fs::write(&path, &fixture.bytes).unwrap();
    let decoded = open_one(path, &LibraryOptions::default())
        .read_decoded(0)
        .unwrap();
    assert_eq!(decoded.warnings.len(), 1, "{:?}", decoded.warnings);
    let warning = &decoded.warnings[0];
    assert!(warning.contains("invalid-utf8.md"), "{warning}");
    assert!(warning.contains("at byte 2;"), "{warning}");
    assert!(warning.contains("2 bad sequences"), "{warning}");
}

#[test]
fn binary_is_listed_as_not_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("picture.md");
    std::fs::write(&path, library_fixtures::binary()).unwrap();
    let library = open_one(path, &LibraryOptions::default());
    assert_eq!(
        library.entries[0].status,
        EntryStatus::Unavailable("not text".into())
    );
    assert_eq!(library.read(0), Err("not text".to_owned()));
}

#[test]
fn over_the_size_cap_is_refused_with_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.md");
    std::fs::write(&path, "# 大\n".repeat(1024)).unwrap(); // 6 KiB
    let options = LibraryOptions {
        max_file_size: 4096,
        cache_dir: None,
    };
    let library = open_one(path.clone(), &options);
    let EntryStatus::Unavailable(reason) = &library.entries[0].status else {
        panic!("not refused: {:?}", library.entries[0]);
    };
    assert_eq!(
        reason,
        "too large: 6 KiB (the limit is 4 KiB; see max_file_size)"
    );
    assert!(library.read(0).unwrap_err().contains("6 KiB"));
    // A sparse 1 GiB file is refused from its size alone, without reading.
    let huge = dir.path().join("huge.md");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let library = open_one(huge, &LibraryOptions::default());
    let status = &library.entries[0].status;
    assert!(
        matches!(status, EntryStatus::Unavailable(r) if r.contains("1 GiB")),
        "{status:?}"
    );
}

#[test]
fn stdin_is_read_whole_at_open() {
    let mut input = Cursor::new(library_fixtures::ISSUE.replace('\n', "\r\n").into_bytes());
    let library = Library::open_with(
        &[PathBuf::from("-")],
        &LibraryOptions::default(),
        Arc::new(RealFiles),
        &mut input,
    );
    assert_eq!(library.entries[0].source, Source::Stdin);
    assert_eq!(library.label(0), "-");
    assert_eq!(library.read(0).unwrap(), library_fixtures::ISSUE);

    let gb = encoding_rs::GB18030
        .encode(library_fixtures::ISSUE)
        .0
        .into_owned();
    let library = Library::open_with(
        &[PathBuf::from("-")],
        &LibraryOptions::default(),
        Arc::new(RealFiles),
        &mut Cursor::new(gb),
    );
    let decoded = library.read_decoded(0).unwrap();
    assert_eq!(decoded.text, library_fixtures::ISSUE);
    assert_eq!(decoded.encoding, "GB18030");
}

#[test]
fn stdin_binary_and_oversized() {
    let options = LibraryOptions {
        max_file_size: 10,
        cache_dir: None,
    };
    let open = |bytes: Vec<u8>, options: &LibraryOptions| {
        let library = Library::open_with(
            &[PathBuf::from("-")],
            options,
            Arc::new(RealFiles),
            &mut Cursor::new(bytes),
        );
        library.entries[0].status.clone()
    };
    let status = open(b"0123456789abc".to_vec(), &options);
    assert!(
        matches!(&status, EntryStatus::Unavailable(r) if r.starts_with("too large")),
        "{status:?}"
    );
    let status = open(library_fixtures::binary(), &LibraryOptions::default());
    assert_eq!(status, EntryStatus::Unavailable("not text".into()));
}

#[test]
fn no_paths_means_the_sample() {
    let library = Library::open(&[], &LibraryOptions::default());
    assert_eq!(library.entries.len(), 1);
    assert_eq!(library.entries[0].source, Source::Sample);
    assert_eq!(library.read(0).unwrap(), broadsheet::library::SAMPLE_TEXT);
}

/// Writes the generated fixtures to `$BROADSHEET_FIXTURES` to look at.
#[test]
#[ignore = "writes files for a person to inspect"]
fn write_fixtures_for_inspection() {
    let dir = std::env::var_os("BROADSHEET_FIXTURES").expect("set BROADSHEET_FIXTURES");
    std::fs::create_dir_all(&dir).unwrap();
    library_fixtures::write_all(std::path::Path::new(&dir));
}

#[test]
fn a_ten_megabyte_line_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.md");
    let line = "报".repeat(10 * 1024 * 1024 / 3);
    std::fs::write(&path, format!("# 长\n\n{line}\n")).unwrap();
    let library = open_one(path, &LibraryOptions::default());
    assert_eq!(library.entries[0].status, EntryStatus::Ready);
    let text = library.read(0).unwrap();
    assert!(text.ends_with(&format!("{line}\n")));
}
