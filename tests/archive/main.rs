//! The archive: library search (prefilter soundness, the worker API) and
//! the calendar drawn into a buffer.
// Tests may stop at the first surprise: unwrap, expect and panic are their asserts.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod calendar;
#[path = "../screen_support/mod.rs"]
mod screen_support;
mod search;
mod support;
