//! The archive: the library seen as papers and dates, and searched whole.
//! Pure models the reader's screens draw (the papers → issues tree, the
//! go-to prompt's parser, a month calendar) and the library search engine
//! behind `broadsheet search` and the reader's library-wide `/`.
//!
//! Layer 2: uses `model`, `library`, `parse`, `search` and `typeset`; knows
//! nothing of the app or the screen beyond drawing into a ratatui `Buffer`.

pub mod calendar;
pub mod goto;
pub mod prefilter;
pub mod search;
pub mod tree;
