//! Key events to actions: the one place that mentions key codes.
//!
//! The default keys are those `assets/config.toml` shows in its `[keys]`
//! table (`config::default_keys`); the config's `[keys]` table replaces an
//! action's keys by name. The help overlay and the status
//! bar hint are generated from the same table, so they cannot drift.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::prompt::Edit;
use crate::keys::{Action, key_label, normalize, parse_key};

/// Ways out that a remap must not take away: whoever binds `quit` to `x`
/// may not know it, and a terminal program that ignores Ctrl-C leaves its
/// user stuck. Each stays bound unless the config gives the key to another
/// action.
const KEPT: &[(Action, &str)] = &[(Action::Quit, "ctrl-c"), (Action::Suspend, "ctrl-z")];

/// Key → action bindings, in help order.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    bindings: Vec<(KeyEvent, Action)>,
}

impl Keymap {
    /// The built-in bindings.
    pub fn defaults() -> Keymap {
        let mut keymap = Keymap::default();
        for (name, specs) in crate::config::default_keys() {
            // The embedded file is checked by a unit test.
            let Some(action) = Action::from_name(&name) else {
                continue;
            };
            for spec in specs {
                if let Ok(key) = parse_key(&spec) {
                    keymap.bindings.push((key, action));
                }
            }
        }
        keymap
    }

    /// The defaults overlaid by the config's `[keys]` (action name → specs):
    /// an action named there gets exactly those keys, and each of those keys
    /// is taken away from any other action. Bad entries are skipped and
    /// reported (the config loader normally rejects them first).
    pub fn from_config(keys: &BTreeMap<String, Vec<String>>) -> (Keymap, Vec<String>) {
        let mut keymap = Keymap::defaults();
        let mut errors = Vec::new();
        for (name, specs) in keys {
            let Some(action) = Action::from_name(name) else {
                errors.push(format!("[keys]: unknown action {name:?}"));
                continue;
            };
            keymap.bindings.retain(|(_, a)| *a != action);
            for spec in specs {
                match parse_key(spec) {
                    Ok(key) => {
                        keymap.bindings.retain(|(k, _)| *k != key);
                        keymap.bindings.push((key, action));
                    }
                    Err(err) => errors.push(format!("[keys] {name}: {err}")),
                }
            }
        }
        for (action, spec) in KEPT {
            if let Ok(key) = parse_key(spec)
                && keymap.action(key).is_none()
            {
                keymap.bindings.push((key, *action));
            }
        }
        (keymap, errors)
    }

    /// The action bound to a key press, if any.
    pub fn action(&self, key: KeyEvent) -> Option<Action> {
        let key = normalize(key.code, key.modifiers);
        self.bindings
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, action)| *action)
    }

    /// The keys bound to `action`, in binding order.
    pub fn keys(&self, action: Action) -> impl Iterator<Item = KeyEvent> + '_ {
        self.bindings
            .iter()
            .filter(move |(_, a)| *a == action)
            .map(|(k, _)| *k)
    }

    /// The help rows, in help order: each action that has a row of its own
    /// ([`Action::help_row`]) and a key for it or for an action it lists.
    pub fn bound(&self) -> impl Iterator<Item = Action> + '_ {
        (Action::ALL.iter().copied())
            .filter(|action| action.help_row() == *action && !self.help_labels(*action).is_empty())
    }

    /// Labels of the keys help lists on `row`'s row: its own, and those of
    /// the actions that share the row (`1` … `9`).
    pub fn help_labels(&self, row: Action) -> Vec<String> {
        (Action::ALL.iter().copied())
            .filter(|action| action.help_row() == row)
            .flat_map(|action| self.labels(action))
            .collect()
    }

    /// Labels of the keys bound to `action`, for help and hints.
    pub fn labels(&self, action: Action) -> Vec<String> {
        self.keys(action).map(key_label).collect()
    }
}

/// A key pressed while the search prompt is open: text, or one of the
/// readline editing keys. These are fixed, not taken from `[keys]`: in the
/// prompt every printable key is text, so `q` types a q. A character with
/// any modifier but Shift is not text (Alt-x, Ctrl-x).
pub fn prompt_edit(key: KeyEvent) -> Option<Edit> {
    let modifiers = key.modifiers - KeyModifiers::SHIFT;
    let edit = match key.code {
        KeyCode::Char(c) if modifiers.is_empty() => Edit::Insert(c),
        KeyCode::Char(c) if modifiers == KeyModifiers::CONTROL => match c {
            'u' => Edit::ClearToStart,
            'w' => Edit::DeleteWord,
            'h' => Edit::Backspace,
            'd' => Edit::Delete,
            'a' => Edit::Home,
            'e' => Edit::End,
            'b' => Edit::Left,
            'f' => Edit::Right,
            'p' => Edit::Older,
            'n' => Edit::Newer,
            'j' | 'm' => Edit::Accept,
            'c' | 'g' => Edit::Cancel,
            _ => return None,
        },
        _ if !modifiers.is_empty() => return None,
        KeyCode::Backspace => Edit::Backspace,
        KeyCode::Delete => Edit::Delete,
        KeyCode::Left => Edit::Left,
        KeyCode::Right => Edit::Right,
        KeyCode::Home => Edit::Home,
        KeyCode::End => Edit::End,
        KeyCode::Up => Edit::Older,
        KeyCode::Down => Edit::Newer,
        KeyCode::Enter => Edit::Accept,
        KeyCode::Esc => Edit::Cancel,
        _ => return None,
    };
    Some(edit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn every_default_spec_parses_and_every_action_has_a_key() {
        let defaults = crate::config::default_keys();
        for (name, specs) in &defaults {
            assert!(Action::from_name(name).is_some(), "{name}");
            for spec in specs {
                assert!(parse_key(spec).is_ok(), "{spec}");
            }
            assert!(!specs.is_empty(), "{name}");
        }
        let names: Vec<&str> = defaults.iter().map(|(n, _)| n.as_str()).collect();
        let all: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
        assert_eq!(names, all, "every action, in help order");
        let keymap = Keymap::defaults();
        for &action in Action::ALL {
            assert!(keymap.keys(action).next().is_some(), "{action:?} unbound");
        }
    }

    #[test]
    fn shift_reported_or_not_finds_the_same_action() {
        let keymap = Keymap::defaults();
        let plain = key(KeyCode::Char('J'), KeyModifiers::NONE);
        let shifted = key(KeyCode::Char('J'), KeyModifiers::SHIFT);
        assert_eq!(keymap.action(plain), Some(Action::NextArticle));
        assert_eq!(keymap.action(shifted), Some(Action::NextArticle));
        let backtab = key(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(keymap.action(backtab), Some(Action::FocusPrev));
        let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(keymap.action(ctrl_c), Some(Action::Quit));
        let ctrl_z = key(KeyCode::Char('z'), KeyModifiers::CONTROL);
        assert_eq!(keymap.action(ctrl_z), Some(Action::Suspend));
    }

    #[test]
    fn a_remapped_quit_keeps_ctrl_c_unless_it_is_given_away() {
        let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        let mut keys = BTreeMap::new();
        keys.insert("quit".to_owned(), vec!["x".to_owned()]);
        let (keymap, _) = Keymap::from_config(&keys);
        assert_eq!(keymap.action(ctrl_c), Some(Action::Quit));
        assert_eq!(keymap.labels(Action::Quit), ["x", "Ctrl-C"]);
        keys.insert("help".to_owned(), vec!["ctrl-c".to_owned()]);
        let (keymap, _) = Keymap::from_config(&keys);
        assert_eq!(keymap.action(ctrl_c), Some(Action::Help));
        assert_eq!(keymap.labels(Action::Quit), ["x"]);
    }

    #[test]
    fn config_replaces_an_actions_keys_and_steals_them_from_others() {
        let mut keys = BTreeMap::new();
        keys.insert(
            "next_article".to_owned(),
            vec!["n".to_owned(), "j".to_owned()],
        );
        keys.insert("nonsense".to_owned(), vec!["x".to_owned()]);
        keys.insert("quit".to_owned(), vec!["hyper-q".to_owned()]);
        let (keymap, errors) = Keymap::from_config(&keys);
        let j = key(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(keymap.action(j), Some(Action::NextArticle));
        assert_eq!(keymap.labels(Action::NextArticle), ["n", "j"]);
        assert_eq!(keymap.labels(Action::Down), ["Down"]);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].contains("nonsense") || errors[1].contains("nonsense"));
    }

    #[test]
    fn in_the_prompt_characters_are_text_and_ctrl_keys_edit() {
        let spec = |s: &str| prompt_edit(parse_key(s).unwrap());
        assert_eq!(spec("q"), Some(Edit::Insert('q')));
        assert_eq!(spec("Q"), Some(Edit::Insert('Q')));
        assert_eq!(spec("盘"), Some(Edit::Insert('盘')));
        assert_eq!(spec("space"), Some(Edit::Insert(' ')));
        assert_eq!(spec("ctrl-u"), Some(Edit::ClearToStart));
        assert_eq!(spec("ctrl-w"), Some(Edit::DeleteWord));
        assert_eq!(spec("ctrl-c"), Some(Edit::Cancel));
        assert_eq!(spec("esc"), Some(Edit::Cancel));
        assert_eq!(spec("enter"), Some(Edit::Accept));
        assert_eq!(spec("up"), Some(Edit::Older));
        assert_eq!(spec("alt-x"), None);
        assert_eq!(
            spec("ctrl-z"),
            None,
            "suspend is the app's, not the prompt's"
        );
        let shifted = KeyEvent::new(KeyCode::Char('N'), KeyModifiers::SHIFT);
        assert_eq!(prompt_edit(shifted), Some(Edit::Insert('N')));
    }
}
