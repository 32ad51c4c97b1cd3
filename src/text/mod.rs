//! Layer 0: which characters are safe where. The character classes, the one
//! sanitiser ([`clean`], run after every decoding step) and the one escaper
//! ([`escape`], run at every output boundary: messages, JSON, `config`
//! output, file names, URLs). Knows no files, Markdown or screens.
//!
//! A reader of a new source shape (HTML, a feed, front matter) decodes its
//! own references and escapes, then hands the result to [`clean`]; what it
//! prints about a file goes through [`escape`] or [`escape_bytes`].

mod classes;
mod escape;
mod name;
mod safe;

pub use classes::{is_bidi_control, is_format_hazard, is_separator, is_unsafe};
pub use escape::{Notation, escape, escape_bytes};
pub use name::file_name_part;
pub use safe::{clean, is_clean, is_plain};
