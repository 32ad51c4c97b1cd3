//! Walking a parsed TOML document with its spans: every unknown key and bad
//! value is reported at its own line and column, all of them at once.

use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::settings::KEYS;
use super::{Config, Problem};
use crate::i18n::t;

pub(crate) type Value<'i> = Spanned<DeValue<'i>>;

/// Collects problems while filling a `Config`.
pub(crate) struct Walk<'a> {
    pub text: &'a str,
    pub problems: Vec<Problem>,
    /// Where relative paths are taken from: the config file's folder.
    base: &'a Path,
    /// Where `~/` is.
    home: Option<&'a Path>,
}

impl Walk<'_> {
    pub fn problem(&mut self, span: Range<usize>, message: String) {
        let (line, column) = position(self.text, span.start);
        self.problems.push(Problem {
            line,
            column,
            message,
        });
    }

    /// `key: found <what>, expected <allowed>`.
    pub fn expected(&mut self, key: &str, value: &Value<'_>, allowed: &str) {
        let found = found(value.get_ref());
        let message = t!(
            "config.expected",
            key = key,
            found = found,
            allowed = allowed
        );
        self.problem(value.span(), message);
    }
}

/// Parse `text`; relative `library` folders are taken from `base`, `~/`
/// from `home`.
pub(crate) fn parse(text: &str, base: &Path, home: Option<&Path>) -> Result<Config, Vec<Problem>> {
    parse_over(Config::default(), text, base, home)
}

/// `text`'s values over `config`.
pub(crate) fn parse_over(
    mut config: Config,
    text: &str,
    base: &Path,
    home: Option<&Path>,
) -> Result<Config, Vec<Problem>> {
    let table = match DeTable::parse(text) {
        Ok(table) => table,
        Err(err) => {
            let start = err.span().map_or(0, |s| s.start);
            let (line, column) = position(text, start);
            let message = syntax_message(text, start, err.message().trim_end());
            return Err(vec![Problem {
                line,
                column,
                message,
            }]);
        }
    };
    let mut walk = Walk {
        text,
        problems: Vec::new(),
        base,
        home,
    };
    let mut entries: Vec<_> = table.get_ref().iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    for (key, value) in entries {
        let name = key.get_ref().as_ref();
        if !walk.setting(&mut config, name, value) {
            walk.problem(key.span(), unknown_key_message(name));
        }
    }
    if walk.problems.is_empty() {
        Ok(config)
    } else {
        walk.problems.sort_by_key(|p| (p.line, p.column));
        Err(walk.problems)
    }
}

impl Walk<'_> {
    /// `~/x` from the home folder; a relative path from the config file's
    /// folder, so the file means the same from any working directory.
    pub fn expand(&self, folder: &str) -> PathBuf {
        if let (Some(rest), Some(home)) = (folder.strip_prefix("~/"), self.home) {
            return home.join(rest);
        }
        if let (true, Some(home)) = (folder == "~", self.home) {
            return home.to_path_buf();
        }
        self.base.join(folder)
    }
}

/// `"64 MiB"`, `"64MiB"`, `"500 KB"`, `"1 GiB"`, `"1024"`: binary units are
/// powers of 1024, decimal ones powers of 1000; case does not matter.
pub(crate) fn parse_size(text: &str) -> Option<u64> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, unit) = text.split_at(split);
    let n: u64 = digits.parse().ok()?;
    let scale: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kb" | "k" => 1000,
        "kib" => 1 << 10,
        "mb" | "m" => 1_000_000,
        "mib" => 1 << 20,
        "gb" | "g" => 1_000_000_000,
        "gib" => 1 << 30,
        _ => return None,
    };
    n.checked_mul(scale)
}

/// What a value is, for "found …": the value itself when it is a short
/// scalar, else its type.
pub(crate) fn found(value: &DeValue<'_>) -> String {
    match value {
        DeValue::String(s) if s.chars().count() <= 40 => format!("{s:?}"),
        DeValue::String(_) => t!("config.found_long_string"),
        DeValue::Integer(n) => n.to_string(),
        DeValue::Float(f) => f.to_string(),
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Datetime(_) => t!("config.found_date"),
        DeValue::Array(_) => t!("config.found_list"),
        DeValue::Table(_) => t!("config.found_table"),
    }
}

/// toml's words for `key = ` with nothing after it ("string values must be
/// quoted") send people looking for a string; say what is missing instead.
fn syntax_message(text: &str, offset: usize, toml_says: &str) -> String {
    let offset = offset.min(text.len());
    let head = text.get(..offset).unwrap_or("");
    let tail = text.get(offset..).unwrap_or("");
    let line_start = head.rfind('\n').map_or(0, |i| i + 1);
    let line_end = tail.find('\n').map_or(text.len(), |i| offset + i);
    let before = text.get(line_start..offset).unwrap_or("").trim_end();
    let after = text.get(offset..line_end).unwrap_or("").trim();
    if before.ends_with('=') && (after.is_empty() || after.starts_with('#')) {
        return t!("config.missing_value");
    }
    t!("config.syntax", reason = toml_says)
}

fn unknown_key_message(name: &str) -> String {
    let messages = ["config.unknown_key", "config.unknown_key_near"];
    unknown_message(name, KEYS, messages)
}

/// `name` is none of `allowed`: the first message, or the second with the
/// closest of them (`%{near}`) when one is close.
pub(crate) fn unknown_message(name: &str, allowed: &[&str], [plain, near]: [&str; 2]) -> String {
    let (shown, list) = (format!("{name:?}"), allowed.join(", "));
    match closest(name, allowed) {
        Some(close) => {
            let close = format!("{close:?}");
            t!(near, name = shown, near = close, allowed = list)
        }
        None => t!(plain, name = shown, allowed = list),
    }
}

/// The candidate within two edits of `name`, for "did you mean"; short
/// names need a closer match ("jump" is not a typo of "up").
pub(crate) fn closest<'c>(name: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let length = name.chars().count();
    candidates
        .iter()
        .map(|c| (edit_distance(name, c), *c))
        .filter(|(d, _)| *d <= 2 && 3 * d <= length)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub(crate) fn position(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::AmbiguousSetting;
    use crate::config::kinds::named;
    use crate::typeset::{Kinsoku, Punctuation, Script};

    #[test]
    fn positions_count_lines_and_characters() {
        assert_eq!(position("a = 1\nb = 2", 0), (1, 1));
        assert_eq!(position("a = 1\nb = 2", 6), (2, 1));
        assert_eq!(
            position("标题 = 1\nx", 7),
            (1, 4),
            "the `=` after two Han and a space"
        );
    }

    #[test]
    fn sizes_parse_with_units() {
        assert_eq!(parse_size("64 MiB"), Some(64 << 20));
        assert_eq!(parse_size("64mib"), Some(64 << 20));
        assert_eq!(parse_size("500 KB"), Some(500_000));
        assert_eq!(parse_size("1024"), Some(1024));
        assert_eq!(parse_size("1.5 GiB"), None);
        assert_eq!(parse_size("lots"), None);
        assert_eq!(parse_size("99999999999999 GiB"), None);
    }

    #[test]
    fn the_default_file_is_valid_and_sets_every_key() {
        let parsed = parse_over(
            Config::unset(),
            crate::config::DEFAULT_TOML,
            Path::new(""),
            None,
        );
        assert_eq!(parsed.as_ref().ok(), Some(&Config::default()));
        let table = DeTable::parse(crate::config::DEFAULT_TOML).unwrap();
        let mut set: Vec<_> = table.get_ref().keys().collect();
        set.sort_by_key(|k| k.span().start);
        let set: Vec<&str> = set.iter().map(|k| k.get_ref().as_ref()).collect();
        for key in KEYS {
            assert!(set.contains(key), "assets/config.toml does not set {key}");
        }
        // The settings table and the file agree on the order, which the
        // unknown-key message and `broadsheet config` follow.
        assert_eq!(set, KEYS, "the order of assets/config.toml");
        assert_ne!(Config::default().body_width, Config::unset().body_width);
    }

    #[test]
    fn suggestions_are_close() {
        assert_eq!(closest("body_widht", KEYS), Some("body_width"));
        assert_eq!(closest("colour", KEYS), None);
    }

    #[test]
    fn option_names_agree_with_the_command_line() {
        use clap::ValueEnum;
        // Two spellings of one vocabulary, both derived: strum's for the
        // config file and clap's for the flags.
        for (name, value) in named::<Kinsoku>() {
            assert_eq!(
                Kinsoku::from_str(name, false),
                Ok(value),
                "--kinsoku {name}"
            );
        }
        for (name, value) in named::<Punctuation>() {
            assert_eq!(
                Punctuation::from_str(name, false),
                Ok(value),
                "--punctuation {name}"
            );
        }
        for (name, value) in named::<AmbiguousSetting>() {
            assert_eq!(AmbiguousSetting::from_str(name, false), Ok(value), "{name}");
        }
        let names: Vec<&str> = named::<Punctuation>().map(|(n, _)| n).collect();
        assert_eq!(names, ["as-is", "fullwidth"]);
        for (name, value) in named::<Script>() {
            assert_eq!(Script::from_str(name, false), Ok(value), "--script {name}");
        }
        let names: Vec<&str> = named::<Script>().map(|(n, _)| n).collect();
        assert_eq!(
            names,
            [
                "as-is",
                "simplified",
                "traditional",
                "traditional-tw",
                "traditional-hk"
            ]
        );
    }
}
