//! The archive: library search (prefilter soundness, the worker API) and
//! the calendar drawn into a buffer.

mod calendar;
mod search;
mod support;
