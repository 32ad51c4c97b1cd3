//! The reading state you can trust: the version-2 schema and its migration,
//! the mark-read rule, saving as you read (debounce, the latest snapshot),
//! the way out by signal, counts and bulk marks.

mod exit;
mod issues;
mod rule;
mod saver;
mod schema;

use std::path::Path;

use broadsheet::store::{State, Store};

/// Open the store in `dir`, asserting it had nothing to say.
pub fn open(dir: &Path) -> (Store, State) {
    let (store, state) = Store::open_at(dir);
    assert!(store.messages.is_empty(), "{:?}", store.messages);
    (store, state)
}
