//! What the command-line tests share: the path of a file in tests/fixtures.

use std::path::Path;

/// `tests/fixtures/NAME` as an argument for the binary.
pub fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}
