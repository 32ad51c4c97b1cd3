//! The typesetter: line breaking against the Unicode conformance data, the
//! worked examples, widths of the sample, drawing into a buffer, and its
//! properties.
// Tests may stop at the first surprise: unwrap, expect and panic are their asserts.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// Each module names its file: a crate root in tests/ looks for modules in
// tests/ itself, and with no main.rs above them proptest keeps a file's
// regressions next to it (`typeset/x.rs` → `typeset/x.proptest-regressions`).

#[path = "typeset/buffer.rs"]
mod buffer;
#[path = "typeset/conformance.rs"]
mod conformance;
#[path = "typeset/examples.rs"]
mod examples;
#[path = "typeset/headlines.rs"]
mod headlines;
#[path = "typeset/layout_parts.rs"]
mod layout_parts;
#[path = "typeset/props.rs"]
mod props;
#[path = "typeset/terms.rs"]
mod terms;
#[path = "typeset/urls.rs"]
mod urls;
#[path = "typeset/widows.rs"]
mod widows;
#[path = "typeset/width.rs"]
mod width;
