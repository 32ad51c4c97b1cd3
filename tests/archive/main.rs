//! The archive: library search (prefilter soundness, the worker API) and
//! the calendar drawn into a buffer.

mod calendar;
#[path = "../screen_support/mod.rs"]
mod screen_support;
mod search;
mod support;
