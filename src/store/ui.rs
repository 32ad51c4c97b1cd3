//! Screen state that other parts keep across runs (the archive's folds, the
//! selected paper…): a map from a key the owner picks to any JSON value,
//! each a last-writer-wins register like every other remembered fact.

use serde::{Deserialize, Serialize};

use super::state::{State, stamp_after};

/// One kept value and when it was set (ms since the epoch).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UiEntry {
    pub value: serde_json::Value,
    pub at: u64,
}

// JSON cannot hold NaN, so equality of these values is reflexive.
impl Eq for UiEntry {}

impl UiEntry {
    /// The later value wins; of two set in one millisecond, the larger JSON
    /// text, so that the choice does not depend on the order of the merge.
    pub(crate) fn merge(&mut self, other: &UiEntry) -> bool {
        let key = |e: &UiEntry| (e.at, e.value.to_string());
        if key(other) > key(self) {
            *self = other.clone();
            return true;
        }
        false
    }
}

impl State {
    /// The value kept under `key`, if any.
    pub fn ui(&self, key: &str) -> Option<&serde_json::Value> {
        self.ui.get(key).map(|e| &e.value)
    }

    /// Keep `value` under `key`. The value it already has changes nothing,
    /// so a caller may repeat it every frame. True when it changed.
    pub fn set_ui(&mut self, key: &str, value: serde_json::Value) -> bool {
        let previous = match self.ui.get(key) {
            Some(entry) if entry.value == value => return false,
            Some(entry) => entry.at,
            None => 0,
        };
        let at = stamp_after(previous);
        self.ui.insert(key.to_owned(), UiEntry { value, at });
        true
    }
}
