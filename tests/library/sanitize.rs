//! The sanitiser's promises, as properties (docs/RELIABILITY.md §5) and as the
//! hostile cases of §6 read through the library from generated files.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::library_fixtures;

use broadsheet::library::{Library, LibraryOptions, sanitize};
use proptest::prelude::*;

fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// Text rich in what hostile files carry: escape sequences in 7-bit and C1
/// form, terminators, controls, bidi, separators, TAG characters, Chinese.
fn hostile_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\x1b",
        "[",
        "]",
        "P",
        "X",
        "^",
        "_",
        "\\",
        "\x07",
        "\u{9b}",
        "\u{9c}",
        "\u{9d}",
        "\u{90}",
        "\u{85}",
        "\r",
        "\n",
        "\r\n",
        "\t",
        "\0",
        "\x7f",
        "\u{8}",
        "\u{202E}",
        "\u{2066}",
        "\u{2028}",
        "\u{2029}",
        "\u{E0041}",
        "\u{E007F}",
        "\u{1F3F4}",
        "\u{FEFF}",
        "31m",
        "2J",
        ";",
        "8;;http://x",
        "52;c;eA==",
        "报",
        "纸",
        "a",
        " ",
        "?1049h",
    ]);
    prop::collection::vec(pieces, 0..64).prop_map(|v| v.concat())
}

/// What a terminal would do with the text: only printing and LF/TAB, no
/// sequence dispatched.
#[derive(Default)]
struct Audit {
    bad: Vec<String>,
}

impl vte::Perform for Audit {
    fn execute(&mut self, byte: u8) {
        if byte != b'\n' && byte != b'\t' {
            self.bad.push(format!("execute {byte:#x}"));
        }
    }
    fn csi_dispatch(&mut self, _: &vte::Params, _: &[u8], _: bool, action: char) {
        self.bad.push(format!("csi {action}"));
    }
    fn osc_dispatch(&mut self, _: &[&[u8]], _: bool) {
        self.bad.push("osc".into());
    }
    fn esc_dispatch(&mut self, _: &[u8], _: bool, byte: u8) {
        self.bad.push(format!("esc {byte:#x}"));
    }
    fn hook(&mut self, _: &vte::Params, _: &[u8], _: bool, _: char) {
        self.bad.push("dcs".into());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn sanitize_is_idempotent(text in hostile_text()) {
        let once = sanitize(&text).into_owned();
        prop_assert_eq!(sanitize(&once).into_owned(), once);
    }

    #[test]
    fn output_has_no_controls_but_newline_and_tab(text in hostile_text()) {
        let out = sanitize(&text);
        for c in out.chars() {
            prop_assert!(!c.is_control() || c == '\n' || c == '\t', "{:?} in {:?}", c, out);
            prop_assert!(!is_bidi_control(c), "{:?} in {:?}", c, out);
            prop_assert!(!matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}'), "{:?}", c);
        }
    }

    #[test]
    fn a_terminal_sees_only_printing(text in hostile_text()) {
        let out = sanitize(&text);
        let mut audit = Audit::default();
        vte::Parser::new().advance(&mut audit, out.as_bytes());
        prop_assert!(audit.bad.is_empty(), "{:?} from {:?}", audit.bad, out);
    }

    #[test]
    fn arbitrary_strings_too(text in any::<String>()) {
        let once = sanitize(&text).into_owned();
        prop_assert_eq!(sanitize(&once).into_owned(), once.clone());
        prop_assert!(once.chars().all(|c| !c.is_control() || c == '\n' || c == '\t'));
    }

    #[test]
    fn any_bytes_decode_to_clean_text(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        use broadsheet::library::decode::{Extent, decode, decode_head};
        for decoded in [decode(&bytes, Extent::Whole), decode_head(&bytes, 100)]
            .into_iter()
            .flatten()
        {
            let text = sanitize(&decoded.text);
            prop_assert!(text.chars().all(|c| !c.is_control() || c == '\n' || c == '\t'));
            prop_assert!(decoded.warnings.len() <= 1);
        }
    }

    #[test]
    fn plain_text_passes_unchanged(text in "[a-z报纸。,\\n\\t ]{0,80}") {
        prop_assert_eq!(sanitize(&text).into_owned(), text);
    }
}

#[test]
fn hostile_files_read_clean() {
    let dir = tempfile::tempdir().unwrap();
    for (name, input, expected) in library_fixtures::hostile() {
        let path = dir.path().join(format!("{name}.md"));
        std::fs::write(&path, input).unwrap();
        let library = Library::open(&[path], &LibraryOptions::default());
        assert_eq!(library.read(0).unwrap(), expected, "{name}");
    }
}
