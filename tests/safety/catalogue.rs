//! The message catalogue (`locales/app.toml`) complete: every key in all
//! three languages with the same placeholders, every key the code uses
//! defined, and every defined key used (an `action.<name>` key by its
//! action). Nothing is shown as a raw key or in the wrong language.
// Tests may unwrap, expect and panic: a failure is the report.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use broadsheet::cli::Cli;
use broadsheet::i18n::{CATALOGUE, Lang, lookup};
use broadsheet::keys::Action;
use clap::CommandFactory;

const LANGUAGES: [&str; 3] = ["en", "zh-Hans", "zh-Hant"];

/// Keys given more values than each language uses: a date is written
/// `2022-02-13` (zero-padded `mm`, `dd`) or `2022年2月13日` (`month`, `day`).
const FORMATS: [&str; 1] = ["date.ymd"];

/// Key → language → text, as `rust-i18n` reads a `_version = 2` file.
fn catalogue() -> BTreeMap<String, BTreeMap<String, String>> {
    let table: toml::Table = CATALOGUE.parse().expect("locales/app.toml is TOML");
    let mut keys = BTreeMap::new();
    walk(&table, "", &mut keys);
    keys
}

fn walk(table: &toml::Table, prefix: &str, keys: &mut BTreeMap<String, BTreeMap<String, String>>) {
    for (name, value) in table {
        match value {
            toml::Value::Table(sub) => {
                let key = match prefix {
                    "" => name.clone(),
                    _ => format!("{prefix}.{name}"),
                };
                walk(sub, &key, keys);
            }
            toml::Value::String(text) if !prefix.is_empty() => {
                (keys.entry(prefix.to_owned()).or_default()).insert(name.clone(), text.clone());
            }
            _ => {}
        }
    }
}

fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split("%{")
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

#[test]
fn every_key_is_in_every_language_with_the_same_placeholders() {
    let mut failures = Vec::new();
    for (key, texts) in catalogue() {
        // `clap.*`: the Chinese of `--help`, whose English is clap's.
        let langs = match key.starts_with("clap.") {
            true => &LANGUAGES[1..],
            false => &LANGUAGES[..],
        };
        for lang in langs {
            if !texts.contains_key(*lang) {
                failures.push(format!("{key}: no {lang}"));
            }
        }
        if langs.len() < LANGUAGES.len() && texts.contains_key("en") {
            failures.push(format!(
                "{key}: en is clap's, from the doc comments in src/cli/"
            ));
        }
        for lang in texts.keys().filter(|l| !LANGUAGES.contains(&l.as_str())) {
            failures.push(format!("{key}: {lang} is not a language of the interface"));
        }
        let english = texts.get("en").map(|t| placeholders(t)).unwrap_or_default();
        for (lang, text) in &texts {
            if placeholders(text) != english && !FORMATS.contains(&key.as_str()) {
                failures.push(format!(
                    "{key}: {lang} has other placeholders than en: {text}"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "locales/app.toml:\n{}",
        failures.join("\n")
    );
}

/// The text of every `.rs` file under `src/`.
fn sources() -> Vec<String> {
    let mut texts = Vec::new();
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                texts.push(fs::read_to_string(&path).unwrap());
            }
        }
    }
    texts
}

/// The keys `t!("…")` names in `src/`.
fn keys_looked_up(sources: &[String]) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for text in sources {
        for (at, _) in text.match_indices("t!(") {
            // `t!(`, not `format!(` or `print!(`.
            let word = text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            let rest = text[at + 3..].trim_start();
            if !word
                && let Some(rest) = rest.strip_prefix('"')
                && let Some((key, _)) = rest.split_once('"')
            {
                keys.insert(key.to_owned());
            }
        }
    }
    keys
}

#[test]
fn every_key_used_is_defined_and_every_key_defined_is_used() {
    let sources = sources();
    let defined: BTreeSet<String> = catalogue().into_keys().collect();
    let undefined: Vec<String> = (keys_looked_up(&sources).into_iter())
        .filter(|k| !defined.contains(k))
        .collect();
    assert!(
        undefined.is_empty(),
        "used in src/ but not in locales/app.toml: {undefined:?}"
    );
    // A key is used where src/ names it as a string (`t!(if read { "…" }
    // else { "…" })` too), an action's by the action.
    let actions: BTreeSet<String> = (Action::ALL.iter())
        .map(|a| format!("action.{}", a.name()))
        .collect();
    let unused: Vec<&String> = (defined.iter())
        .filter(|k| !actions.contains(*k) && !k.starts_with("clap."))
        .filter(|k| !sources.iter().any(|s| s.contains(&format!("\"{k}\""))))
        .collect();
    assert!(
        unused.is_empty(),
        "in locales/app.toml but used nowhere in src/: {unused:?}"
    );
}

/// Every command and argument of `--help` has its Chinese
/// (`clap.about.<path>`, `clap.arg.<path>.<argument>` or
/// `clap.arg.<argument>`, the path below `broadsheet`: `feeds.list`), every
/// `clap.about` and `clap.arg` key names one, and no key serves two
/// commands or arguments whose English differs (`list` and `feeds list`
/// sharing `clap.about.list` would show one's Chinese for the other).
#[test]
fn every_command_and_argument_has_its_chinese_help() {
    use broadsheet::cli::help::{ROOT, about_key, arg_keys, sub_path};
    let defined: BTreeSet<String> = catalogue().into_keys().collect();
    let mut command = Cli::command();
    command.build();
    // The keys asked for, each with what it is and clap's English for it.
    let mut wanted: Vec<(Vec<String>, String, String)> = Vec::new();
    let mut stack = vec![(ROOT.to_owned(), command)];
    while let Some((path, command)) = stack.pop() {
        let english = command
            .get_about()
            .map(|a| a.to_string())
            .unwrap_or_default();
        wanted.push((vec![about_key(&path)], path.clone(), english));
        for arg in command.get_arguments() {
            let id = arg.get_id().as_str();
            // clap adds the pointer when there is a long help; the
            // Chinese has none (help.rs drops the long help).
            let english = (arg.get_help().map(|h| h.to_string()))
                .unwrap_or_default()
                .replace(" (see more with '--help')", "");
            wanted.push((
                arg_keys(&path, id).to_vec(),
                format!("{path} {id}"),
                english,
            ));
        }
        for sub in command.get_subcommands() {
            stack.push((sub_path(&path, sub.get_name()), sub.clone()));
        }
    }
    let missing: Vec<&String> = (wanted.iter())
        .filter(|(keys, _, _)| !keys.iter().any(|k| defined.contains(k)))
        .map(|(keys, _, _)| &keys[0])
        .collect();
    assert!(
        missing.is_empty(),
        "no Chinese --help in locales/app.toml: {missing:?}"
    );
    // The key each one is shown with, and the English texts it stands for.
    let mut shown: BTreeMap<&String, BTreeMap<&String, &String>> = BTreeMap::new();
    for (keys, what, english) in &wanted {
        if let Some(key) = keys.iter().find(|k| defined.contains(*k)) {
            shown.entry(key).or_default().insert(english, what);
        }
    }
    let shared: Vec<String> = (shown.iter())
        .filter(|(_, texts)| texts.len() > 1)
        .map(|(key, texts)| format!("{key}: {:?}", texts.values().collect::<Vec<_>>()))
        .collect();
    assert!(
        shared.is_empty(),
        "one Chinese key for commands or arguments whose English differs:\n{}",
        shared.join("\n")
    );
    let named: BTreeSet<&String> = wanted.iter().flat_map(|(keys, _, _)| keys).collect();
    let stray: Vec<&String> = (defined.iter())
        .filter(|k| k.starts_with("clap.about.") || k.starts_with("clap.arg."))
        .filter(|k| !named.contains(k))
        .collect();
    assert!(stray.is_empty(), "no such command or argument: {stray:?}");
}

#[test]
fn the_compiled_catalogue_is_the_file() {
    // rust-i18n reads the file at build time: the lookups must agree with it.
    for (key, texts) in catalogue() {
        for (lang, code) in [
            (Lang::En, "en"),
            (Lang::ZhHans, "zh-Hans"),
            (Lang::ZhHant, "zh-Hant"),
        ] {
            assert_eq!(
                lookup(lang, &key).as_ref(),
                texts.get(code),
                "{key} in {code}"
            );
        }
    }
}

#[test]
fn the_locale_picks_the_language() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            (pairs.iter())
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        }
    };
    assert_eq!(
        Lang::from_env(env(&[("LANG", "zh_CN.UTF-8")])),
        Some(Lang::ZhHans)
    );
    assert_eq!(
        Lang::from_env(env(&[("LANG", "zh_TW.UTF-8")])),
        Some(Lang::ZhHant)
    );
    assert_eq!(
        Lang::from_env(env(&[("LANG", "zh_HK.Big5")])),
        Some(Lang::ZhHant)
    );
    assert_eq!(
        Lang::from_env(env(&[("LANG", "zh_Hant_CN")])),
        Some(Lang::ZhHant)
    );
    assert_eq!(Lang::from_env(env(&[("LANG", "zh")])), Some(Lang::ZhHans));
    assert_eq!(Lang::from_env(env(&[("LANG", "C.UTF-8")])), Some(Lang::En));
    assert_eq!(Lang::from_env(env(&[("LANG", "")])), None);
    // POSIX order: LC_ALL over LC_MESSAGES over LANG; an empty one is unset.
    let all = env(&[
        ("LC_ALL", "en_US"),
        ("LC_MESSAGES", "zh_TW"),
        ("LANG", "zh_CN"),
    ]);
    assert_eq!(Lang::from_env(all), Some(Lang::En));
    let messages = env(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_TW"), ("LANG", "zh_CN")]);
    assert_eq!(Lang::from_env(messages), Some(Lang::ZhHant));
}
