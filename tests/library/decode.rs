//! Every encoding the issue names, through `Library::open` and `read`, from
//! files generated at test time (docs/RELIABILITY.md §6 cases 38–44).
// Tests may unwrap, expect and panic: a failure is the report.

use crate::library_fixtures;

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

/// Writes `bytes` as `name` in a fresh folder and reads it back whole,
/// checking that the head (the Issues pane) names the same encoding.
fn decode_file(name: &str, bytes: &[u8]) -> broadsheet::library::Decoded {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let library = open_one(path, &LibraryOptions::default());
    let decoded = library.read_decoded(0).unwrap();
    assert_eq!(library.encoding(0), Some(decoded.encoding), "{name} (head)");
    decoded
}

/// The user's report: mostly-Latin UTF-8 with one bad byte became
/// Windows-1252 mojibake, silently.
const LATIN: &str = "# The Daily Test\n\nMarch 12, 2024\n\n## Café reopens — “at last”\n\n\
The café’s owner… 5";

#[test]
fn latin_utf8_with_one_bad_byte_stays_utf8_and_warns() {
    let mut bytes = LATIN.as_bytes().to_vec();
    let at = bytes.len();
    bytes.push(0xFF);
    bytes.extend(b" euros.\n");
    let decoded = decode_file("l-2024-03-12.md", &bytes);
    assert_eq!(decoded.encoding, "UTF-8");
    assert_eq!(decoded.text, format!("{LATIN}\u{FFFD} euros.\n"));
    assert_eq!(decoded.warnings.len(), 1, "{:?}", decoded.warnings);
    let warning = &decoded.warnings[0];
    assert!(warning.contains("l-2024-03-12.md"), "{warning}");
    assert!(warning.contains("invalid UTF-8"), "{warning}");
    assert!(warning.contains(&format!("at byte {at};")), "{warning}");
    assert!(warning.contains("1 bad sequence "), "{warning}");
}

#[test]
fn sparse_latin_utf8_with_a_stray_byte_stays_utf8() {
    // Two accented letters in a long English text, and one stray byte: too
    // few characters for a ratio, but bad bytes are rare for its length.
    let text = format!(
        "# The Daily Test\n\nMarch 12, 2024\n\n## A naïve résumé\n\n{}",
        "The council met again on Tuesday and agreed on nothing at all. ".repeat(5)
    );
    let mut bytes = text.as_bytes().to_vec();
    bytes.push(0x92); // a Windows-1252 apostrophe pasted into UTF-8
    bytes.push(b'\n');
    let decoded = decode_file("sparse.md", &bytes);
    assert_eq!(decoded.encoding, "UTF-8");
    assert_eq!(decoded.text, format!("{text}\u{FFFD}\n"));
    assert_eq!(decoded.warnings.len(), 1, "{:?}", decoded.warnings);
}

#[test]
fn windows_1252_latin_stays_windows_1252() {
    let text = "# Le Petit Test\n\n12 mars 2024\n\n## Le café rouvre « enfin »\n\n\
Le propriétaire du café a dit : « Ça été très différent cet été. »\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    assert!(bytes.contains(&0xE9), "café is 0xE9");
    let decoded = decode_file("1252.md", &bytes);
    assert_eq!(
        (decoded.text.as_str(), decoded.encoding),
        (text, "windows-1252")
    );
    assert!(decoded.warnings.is_empty(), "{:?}", decoded.warnings);
}

#[test]
fn windows_1252_german_quotes_stay_windows_1252() {
    // „Gruß“ is 84 'G' 'r' 'u' DF 93 in Windows-1252, and DF 93 happens to
    // be a valid UTF-8 character (U+07D3): one valid, one invalid.
    let text = format!(
        "# Der Test\n\n12. März 2024\n\n## „Gruß“\n\n{}",
        "Der Wirt sagte nur „Gruß“ und ging nach Hause. ".repeat(4)
    );
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    let decoded = decode_file("gruss.md", &bytes);
    assert_eq!(
        (decoded.text.as_str(), decoded.encoding),
        (text.as_str(), "windows-1252")
    );
}

#[test]
fn gb18030_sample_stays_gb18030() {
    // The whole 13 KB sample: GB18030 byte pairs form valid UTF-8 now and
    // then (about one character in four), never often enough to pass.
    let sample = broadsheet::library::SAMPLE_TEXT;
    let bytes = encoding_rs::GB18030.encode(sample).0.into_owned();
    assert!(std::str::from_utf8(&bytes).is_err());
    let decoded = decode_file("gb18030-sample.md", &bytes);
    assert_eq!(decoded.encoding, "GB18030");
    assert_eq!(decoded.text, broadsheet::library::sanitize(sample));
    assert!(decoded.warnings.is_empty(), "{:?}", decoded.warnings);
}

#[test]
fn utf8_cut_mid_character_at_the_end_stays_utf8() {
    // Latin text cut inside "—" (E2 80 94): the cut is the last two bytes.
    let full = "# The Daily Test\n\n## Café reopens —";
    let cut = &full.as_bytes()[..full.len() - 1];
    let decoded = decode_file("cut-latin.md", cut);
    assert_eq!(decoded.encoding, "UTF-8");
    assert_eq!(decoded.text, "# The Daily Test\n\n## Café reopens \u{FFFD}");
    assert_eq!(decoded.warnings.len(), 1, "{:?}", decoded.warnings);
    let at = full.len() - 3;
    assert!(
        decoded.warnings[0].contains(&format!("at byte {at};")),
        "{:?}",
        decoded.warnings
    );

    // No other non-ASCII character: the two bytes of the cut "—" are the
    // only evidence, and they are a UTF-8 beginning, not Windows-1252 "â€".
    let full = "# The Daily Test\n\n## Reopens —";
    let cut = &full.as_bytes()[..full.len() - 1];
    let decoded = decode_file("cut-ascii.md", cut);
    assert_eq!(decoded.encoding, "UTF-8");
    assert_eq!(decoded.text, "# The Daily Test\n\n## Reopens \u{FFFD}");
    assert_eq!(decoded.warnings.len(), 1, "{:?}", decoded.warnings);
}
