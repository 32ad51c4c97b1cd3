//! The `[keys]` table: action name → key specs. Names are checked against
//! `Action::ALL`, specs with the keymap's own parser, so the config accepts
//! exactly what the keymap can bind.

use std::collections::BTreeMap;

use toml::de::DeValue;

use super::kinds::Kind;
use super::parse::{Value, Walk, unknown_message};
use super::show::{Shown, toml_list};
use crate::i18n::t;
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

/// The `[keys]` table: action name → key specs.
pub(crate) struct Bindings;

impl Kind for Bindings {
    type Value = BTreeMap<String, Vec<String>>;

    fn parse(&self, walk: &mut Walk<'_>, key: &str, value: &Value<'_>) -> Option<Self::Value> {
        let DeValue::Table(table) = value.get_ref() else {
            walk.expected(key, value, &t!("config.keys_table"));
            return None;
        };
        let mut entries: Vec<_> = table.iter().collect();
        entries.sort_by_key(|(key, _)| key.span().start);
        // A key the file binds twice would silently go to the later action.
        let mut bound = Vec::new();
        let mut keys = BTreeMap::new();
        for (key, specs) in entries {
            let name = key.get_ref().as_ref();
            if Action::from_name(name).is_none() {
                walk.problem(key.span(), unknown_action_message(name));
                continue;
            }
            let items: Vec<&Value<'_>> = match specs.get_ref() {
                DeValue::String(_) => vec![specs],
                DeValue::Array(items) => items.iter().collect(),
                _ => {
                    walk.expected(&format!("[keys] {name}"), specs, &t!("config.keys_list"));
                    continue;
                }
            };
            if items.is_empty() {
                let message = t!("config.keys_none", name = name);
                walk.problem(specs.span(), message);
                continue;
            }
            let list = walk.specs(name, &items, &mut bound);
            keys.insert(name.to_owned(), list);
        }
        Some(keys)
    }

    fn write(&self, key: &str, value: &Self::Value, out: &mut Shown) {
        let mut lines = format!("\n[{key}]\n");
        if value.is_empty() {
            lines.push_str("# (every action keeps its default keys)\n");
        }
        for (action, specs) in value {
            let specs = toml_list(specs.iter().map(String::as_str));
            lines.push_str(&format!("{action} = {specs}\n"));
        }
        out.table(&lines);
    }
}

impl Walk<'_> {
    fn specs(
        &mut self,
        name: &str,
        items: &[&Value<'_>],
        bound: &mut Vec<(crossterm::event::KeyEvent, String)>,
    ) -> Vec<String> {
        let mut list = Vec::new();
        for item in items {
            let Some(spec) = item.get_ref().as_str() else {
                self.expected(&format!("[keys] {name}"), item, &t!("config.key_example"));
                continue;
            };
            match parse_key(spec) {
                Ok(event) => {
                    if let Some((_, other)) = bound.iter().find(|(e, _)| *e == event) {
                        let spec = format!("{spec:?}");
                        let message =
                            t!("config.key_taken", name = name, spec = spec, other = other);
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
    let messages = ["config.unknown_action", "config.unknown_action_near"];
    unknown_message(name, &names, messages)
}
