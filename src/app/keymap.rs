//! Key events to actions: the one place that mentions key codes.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::Action;

/// Key → action bindings.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    bindings: Vec<(KeyEvent, Action)>,
}

impl Keymap {
    /// Defaults overlaid by the config's `[keys]`; returns messages for bad entries.
    pub fn from_config(keys: &BTreeMap<String, Vec<String>>) -> (Keymap, Vec<String>) {
        let _ = keys;
        (Keymap::default(), Vec::new())
    }

    pub fn action(&self, key: KeyEvent) -> Option<Action> {
        self.bindings
            .iter()
            .find(|(k, _)| k.code == key.code && k.modifiers == key.modifiers)
            .map(|(_, a)| *a)
    }
}

/// Parse a key spec from the config (`"j"`, `"ctrl-f"`, `"PageDown"`, `"shift-tab"`).
pub fn parse_key(spec: &str) -> Result<KeyEvent, String> {
    let _ = (KeyCode::Esc, KeyModifiers::NONE);
    Err(format!("key specs are not implemented yet: {spec:?}"))
}
