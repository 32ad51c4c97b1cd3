//! The typesetter: line breaking against the Unicode conformance data, the
//! worked examples, widths of the sample, drawing into a buffer, and its
//! properties. A module of the `library` test binary.

mod buffer;
mod conformance;
mod examples;
mod headlines;
mod layout_parts;
mod props;
mod terms;
mod urls;
mod widows;
mod width;
