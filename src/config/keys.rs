//! The `[keys]` table: action name → key specs. Names are checked against
//! `Action::ALL`, specs with the keymap's own parser, so the config accepts
//! exactly what the keymap can bind.

use std::collections::BTreeMap;

use toml::de::DeValue;

use super::Config;
use super::parse::{Value, Walk, closest};
use crate::keys::{Action, parse_key};

/// The default bindings, in help order: the `# action = [keys]` lines the
/// embedded default file shows under `[keys]`, which are the one place the
/// defaults are written.
pub fn default_keys() -> Vec<(String, Vec<String>)> {
    let Some((_, section)) = super::DEFAULT_TOML.split_once("\n[keys]\n") else {
        return Vec::new();
    };
    (section.lines())
        .filter_map(|line| line.strip_prefix("# "))
        .filter(|line| line.contains(" = ["))
        .filter_map(|line| toml::from_str::<BTreeMap<String, Vec<String>>>(line).ok())
        .flatten()
        .collect()
}

const KEY_EXAMPLE: &str = "a key like \"j\", \"ctrl-f\" or \"PageDown\"";

impl Walk<'_> {
    pub(crate) fn keys(&mut self, config: &mut Config, value: &Value<'_>) {
        let DeValue::Table(table) = value.get_ref() else {
            let allowed = "a table of action = [keys], like down = [\"j\", \"down\"]";
            return self.expected("keys", value, allowed);
        };
        let mut entries: Vec<_> = table.iter().collect();
        entries.sort_by_key(|(key, _)| key.span().start);
        // A key the file binds twice would silently go to the later action.
        let mut bound = Vec::new();
        for (key, specs) in entries {
            let name = key.get_ref().as_ref();
            if Action::from_name(name).is_none() {
                self.problem(key.span(), unknown_action_message(name));
                continue;
            }
            let items: Vec<&Value<'_>> = match specs.get_ref() {
                DeValue::String(_) => vec![specs],
                DeValue::Array(items) => items.iter().collect(),
                _ => {
                    let allowed = "a list of keys, like [\"j\", \"down\"]";
                    self.expected(&format!("[keys] {name}"), specs, allowed);
                    continue;
                }
            };
            if items.is_empty() {
                let message = format!("[keys] {name}: expected at least one key");
                self.problem(specs.span(), message);
                continue;
            }
            let list = self.specs(name, &items, &mut bound);
            config.keys.insert(name.to_owned(), list);
        }
    }

    fn specs(
        &mut self,
        name: &str,
        items: &[&Value<'_>],
        bound: &mut Vec<(crossterm::event::KeyEvent, String)>,
    ) -> Vec<String> {
        let mut list = Vec::new();
        for item in items {
            let Some(spec) = item.get_ref().as_str() else {
                self.expected(&format!("[keys] {name}"), item, KEY_EXAMPLE);
                continue;
            };
            match parse_key(spec) {
                Ok(event) => {
                    if let Some((_, other)) = bound.iter().find(|(e, _)| *e == event) {
                        let message =
                            format!("[keys] {name}: {spec:?} is already bound to {other}");
                        self.problem(item.span(), message);
                    } else {
                        bound.push((event, name.to_owned()));
                        list.push(spec.to_owned());
                    }
                }
                Err(err) => self.problem(item.span(), format!("[keys] {name}: {err}")),
            }
        }
        list
    }
}

fn unknown_action_message(name: &str) -> String {
    let names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
    let hint = closest(name, &names).map(|near| format!(" (did you mean {near:?}?)"));
    format!(
        "[keys]: unknown action {name:?}{}; actions: {}",
        hint.unwrap_or_default(),
        names.join(", ")
    )
}
