//! The fuzz target's invariants (see `chain`) as a bounded property test,
//! on hostile issue files built from pieces the fuzzer found troublesome,
//! and on every minimised input that ever failed (`fixtures/`).

use proptest::prelude::*;

use super::chain;

/// Pieces of hostile issue files: Markdown structure, character
/// references, controls and escape sequences, bidi and TAG characters,
/// tabs, exotic clusters, CJK and ambiguous punctuation, bad bytes.
fn piece() -> impl Strategy<Value = &'static [u8]> {
    prop::sample::select(vec![
        &b"# "[..],
        b"## ",
        b"\n",
        b"\n\n",
        b"\r\n",
        b"\r",
        b"- ",
        b"1. ",
        b"> ",
        b"`",
        b"*",
        b"[a](http://x)",
        b"<b>",
        b"&amp;",
        b"&#x202E;",
        b"&#8232;",
        b"&#8233;",
        b"&rlm;",
        b"&#27;[2J",
        b"&#x9b;",
        b"&#xE0041;",
        b"&#0;",
        b"\x1b[31m",
        b"\x1b]8;;http://e\x07",
        b"\xc2\x9b",
        b"\0",
        b"\x07",
        b"\x7f",
        b"\xff",
        b"\t",
        b" ",
        "\u{3000}".as_bytes(),
        "\u{202E}".as_bytes(),
        "\u{2028}".as_bytes(),
        "\u{FEFF}".as_bytes(),
        "\u{E0041}".as_bytes(),
        "报纸".as_bytes(),
        "粇".as_bytes(),
        "ཿ\u{301}".as_bytes(),
        "e\u{301}\u{302}".as_bytes(),
        "\u{FFFD}".as_bytes(),
        "“新”".as_bytes(),
        "——".as_bytes(),
        "……".as_bytes(),
        "·".as_bytes(),
        "👩\u{200D}🔬".as_bytes(),
        "🇨🇳".as_bytes(),
        "🇺".as_bytes(),
        "❤\u{FE0F}".as_bytes(),
        "，".as_bytes(),
        "。".as_bytes(),
        b"Mayor opens",
        b"2024-03-12",
        "第1版".as_bytes(),
        "\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}".as_bytes(),
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(super::cases(256)))]

    #[test]
    fn the_chain_keeps_its_invariants(pieces in prop::collection::vec(piece(), 0..40)) {
        let mut bytes = b"# P\n\n## H\n\n".to_vec();
        bytes.extend(pieces.concat());
        if let Err(broken) = chain::check(&bytes) {
            return Err(TestCaseError::fail(format!("{broken}\ninput: {:?}", String::from_utf8_lossy(&bytes))));
        }
    }

    #[test]
    fn any_bytes_keep_the_invariants(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        if let Err(broken) = chain::check(&bytes) {
            return Err(TestCaseError::fail(broken));
        }
    }
}

#[test]
fn every_input_that_ever_failed_now_passes() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/safety/fixtures");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        if let Err(broken) = chain::check(&bytes) {
            panic!("{}: {broken}", path.display());
        }
        checked += 1;
    }
    assert!(checked >= 6, "{checked} fixtures in {}", dir.display());
}
