//! Walking a parsed TOML document with its spans: every unknown key and bad
//! value is reported at its own line and column, all of them at once.

use std::borrow::Cow;
use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{AmbiguousSetting, Borders, Config, CursorSetting, Markers, Problem, Subscription};
use crate::i18n::Language;
use crate::store::MarkRead;
use crate::typeset::{Kinsoku, Punctuation};

/// The top-level keys, in the order the default file documents them.
pub(crate) const KEYS: [&str; 25] = [
    "library",
    "body_width",
    "indent",
    "punctuation",
    "widows",
    "kinsoku",
    "ambiguous_width",
    "theme",
    "max_file_size",
    "mouse",
    "language",
    "mark_read",
    "cursor",
    "linear",
    "borders",
    "markers",
    "hyperlinks",
    "osc52",
    "osc52_max_bytes",
    "copy_command",
    "feeds",
    "fetch_on_start",
    "fetch_timeout",
    "fetch_host_delay",
    "keys",
];

/// The OSC 52 cap: from 16 bytes to 64 MiB of text.
pub(crate) const OSC52_RANGE: Range<usize> = 16..(64 << 20) + 1;

pub(crate) const BODY_WIDTH: Range<u16> = 10..1001;
/// A setting's values with their derived names.
pub(crate) fn named<T>() -> Vec<(&'static str, T)>
where
    T: strum::VariantArray + Copy + Into<&'static str>,
{
    T::VARIANTS.iter().map(|&v| (v.into(), v)).collect()
}
/// Theme names to suggest; `ui::Theme::named` draws them (a test there
/// keeps every name accepted here drawable).
pub const THEMES: [&str; 2] = ["default", "mono"];
/// Also accepted: `monochrome`, the long form of `mono`.
pub const THEME_ALIASES: [&str; 1] = ["monochrome"];

/// A file size cap from 1 KiB to 16 GiB.
const SIZE_RANGE: Range<u64> = 1024..(16 << 30) + 1;

pub(crate) type Key<'i> = Spanned<Cow<'i, str>>;
pub(crate) type Value<'i> = Spanned<DeValue<'i>>;

/// Collects problems while filling a `Config`.
pub(crate) struct Walk<'a> {
    pub text: &'a str,
    pub problems: Vec<Problem>,
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
        self.problem(
            value.span(),
            format!("{key}: found {found}, expected {allowed}"),
        );
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
    };
    let mut entries: Vec<_> = table.get_ref().iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    for (key, value) in entries {
        walk.top_level(&mut config, key, value, &Paths { base, home });
    }
    if walk.problems.is_empty() {
        Ok(config)
    } else {
        walk.problems.sort_by_key(|p| (p.line, p.column));
        Err(walk.problems)
    }
}

struct Paths<'a> {
    base: &'a Path,
    home: Option<&'a Path>,
}

impl Walk<'_> {
    fn top_level(&mut self, config: &mut Config, key: &Key<'_>, value: &Value<'_>, paths: &Paths) {
        let name = key.get_ref().as_ref();
        match name {
            "library" => self.library(config, value, paths),
            "body_width" => {
                let allowed = "a whole number of cells from 10 to 1000";
                if let Some(n) = self.integer(name, value, allowed) {
                    match u16::try_from(n) {
                        Ok(n) if BODY_WIDTH.contains(&n) => config.body_width = n,
                        _ => self.expected(name, value, allowed),
                    }
                }
            }
            "indent" => {
                if let Some(b) = self.boolean(name, value) {
                    config.indent = b;
                }
            }
            "punctuation" => {
                if let Some(v) = self.choice(name, value, &named::<Punctuation>()) {
                    config.punctuation = v;
                }
            }
            "widows" => {
                if let Some(b) = self.boolean(name, value) {
                    config.widows = b;
                }
            }
            "kinsoku" => {
                if let Some(v) = self.choice(name, value, &named::<Kinsoku>()) {
                    config.kinsoku = v;
                }
            }
            "ambiguous_width" => {
                if let Some(v) = self.choice(name, value, &named::<AmbiguousSetting>()) {
                    config.ambiguous_width = v;
                }
            }
            "theme" => self.theme(config, value),
            "max_file_size" => self.max_file_size(config, value),
            "mouse" => {
                if let Some(b) = self.boolean(name, value) {
                    config.mouse = b;
                }
            }
            "language" => {
                if let Some(v) = self.choice(name, value, &named::<Language>()) {
                    config.language = v;
                }
            }
            "mark_read" => {
                if let Some(v) = self.choice(name, value, &named::<MarkRead>()) {
                    config.mark_read = v;
                }
            }
            "cursor" => {
                if let Some(v) = self.choice(name, value, &named::<CursorSetting>()) {
                    config.cursor = v;
                }
            }
            "linear" => {
                if let Some(b) = self.boolean(name, value) {
                    config.linear = b;
                }
            }
            "borders" => {
                if let Some(v) = self.choice(name, value, &named::<Borders>()) {
                    config.borders = v;
                }
            }
            "markers" => {
                if let Some(v) = self.choice(name, value, &named::<Markers>()) {
                    config.markers = v;
                }
            }
            "feeds" => self.feeds(config, value, paths),
            "fetch_on_start" => {
                if let Some(b) = self.boolean(name, value) {
                    config.fetch.on_start = b;
                }
            }
            "fetch_timeout" => {
                let allowed = "a number of seconds from 1 to 3600";
                if let Some(d) = self.seconds(name, value, 1.0..=3600.0, allowed) {
                    config.fetch.timeout = d;
                }
            }
            "fetch_host_delay" => {
                let allowed = "a number of seconds from 0 to 60";
                if let Some(d) = self.seconds(name, value, 0.0..=60.0, allowed) {
                    config.fetch.host_delay = d;
                }
            }
            "hyperlinks" => {
                if let Some(b) = self.boolean(name, value) {
                    config.hyperlinks = b;
                }
            }
            "osc52" => {
                if let Some(b) = self.boolean(name, value) {
                    config.osc52 = b;
                }
            }
            "osc52_max_bytes" => {
                let allowed = "a whole number of bytes from 16 to 67108864";
                if let Some(n) = self.integer(name, value, allowed) {
                    match usize::try_from(n) {
                        Ok(n) if OSC52_RANGE.contains(&n) => config.osc52_max_bytes = n,
                        _ => self.expected(name, value, allowed),
                    }
                }
            }
            "copy_command" => self.copy_command(config, value),
            "keys" => self.keys(config, value),
            _ => {
                let message = unknown_key_message(name);
                self.problem(key.span(), message);
            }
        }
    }

    fn integer(&mut self, key: &str, value: &Value<'_>, allowed: &str) -> Option<i64> {
        if let DeValue::Integer(n) = value.get_ref()
            && let Ok(n) = i64::from_str_radix(n.as_str(), n.radix())
        {
            return Some(n);
        }
        self.expected(key, value, allowed);
        None
    }

    /// A whole or fractional number of seconds within `range`.
    fn seconds(
        &mut self,
        key: &str,
        value: &Value<'_>,
        range: std::ops::RangeInclusive<f64>,
        allowed: &str,
    ) -> Option<std::time::Duration> {
        let number = match value.get_ref() {
            DeValue::Integer(n) => i64::from_str_radix(n.as_str(), n.radix())
                .ok()
                .map(|n| n as f64),
            DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
            _ => None,
        };
        match number {
            Some(n) if range.contains(&n) => Some(std::time::Duration::from_secs_f64(n)),
            _ => {
                self.expected(key, value, allowed);
                None
            }
        }
    }

    fn boolean(&mut self, key: &str, value: &Value<'_>) -> Option<bool> {
        if let DeValue::Boolean(b) = value.get_ref() {
            return Some(*b);
        }
        self.expected(key, value, "true or false");
        None
    }

    fn choice<T: Copy>(&mut self, key: &str, value: &Value<'_>, table: &[(&str, T)]) -> Option<T> {
        let picked = value
            .get_ref()
            .as_str()
            .and_then(|s| table.iter().find(|(name, _)| *name == s));
        if picked.is_none() {
            let names: Vec<String> = table.iter().map(|(name, _)| format!("{name:?}")).collect();
            self.expected(key, value, &format!("one of {}", names.join(", ")));
        }
        picked.map(|(_, v)| *v)
    }

    fn library(&mut self, config: &mut Config, value: &Value<'_>, paths: &Paths) {
        let allowed = "a list of folder paths, like [\"~/papers\"]";
        let DeValue::Array(items) = value.get_ref() else {
            return self.expected("library", value, allowed);
        };
        for item in items.iter() {
            match item.get_ref().as_str() {
                Some(folder) if !folder.is_empty() => {
                    config.library.push(expand(folder, paths));
                }
                _ => self.expected("library", item, "a folder path (a non-empty string)"),
            }
        }
    }

    /// `[[feeds]]`: tables with `url` (http or https), optional `paper`
    /// and `folder`.
    fn feeds(&mut self, config: &mut Config, value: &Value<'_>, paths: &Paths) {
        let allowed = "[[feeds]] tables, each with a url";
        let DeValue::Array(items) = value.get_ref() else {
            return self.expected("feeds", value, allowed);
        };
        // The user's list replaces the default one, like `library`.
        config.feeds.clear();
        for item in items.iter() {
            let DeValue::Table(table) = item.get_ref() else {
                self.expected("feeds", item, allowed);
                continue;
            };
            let mut url = None;
            let mut saw_url = false;
            let mut feed = Subscription {
                url: String::new(),
                paper: None,
                folder: None,
            };
            for (key, value) in table.iter() {
                let text = value.get_ref().as_str().filter(|s| !s.trim().is_empty());
                saw_url |= key.get_ref() == "url";
                match (key.get_ref().as_ref(), text) {
                    ("url", Some(text)) if is_web_url(text) => url = Some(text.trim().to_owned()),
                    ("url", _) => self.expected("feeds.url", value, "an http:// or https:// URL"),
                    ("paper", Some(text)) => feed.paper = Some(text.trim().to_owned()),
                    ("folder", Some(text)) => feed.folder = Some(expand(text, paths)),
                    ("paper" | "folder", None) => self.expected(
                        &format!("feeds.{}", key.get_ref()),
                        value,
                        "a non-empty string",
                    ),
                    (other, _) => self.problem(
                        key.span(),
                        format!(
                            "unknown key {other:?} in [[feeds]]; allowed keys: url, paper, folder"
                        ),
                    ),
                }
            }
            match url {
                Some(url) => {
                    feed.url = url;
                    config.feeds.push(feed);
                }
                None if !saw_url => {
                    self.problem(item.span(), "[[feeds]] without a url".to_owned());
                }
                None => {}
            }
        }
    }

    fn copy_command(&mut self, config: &mut Config, value: &Value<'_>) {
        let allowed = "a program and its arguments, like [\"wl-copy\"] or [\"xclip\", \"-selection\", \"clipboard\"] ([] for none)";
        let DeValue::Array(items) = value.get_ref() else {
            return self.expected("copy_command", value, allowed);
        };
        let words: Option<Vec<String>> = (items.iter())
            .map(|item| item.get_ref().as_str().map(str::to_owned))
            .collect();
        match words {
            Some(words) if words.first().is_none_or(|w| !w.is_empty()) => {
                config.copy_command = words;
            }
            _ => self.expected("copy_command", value, allowed),
        }
    }

    fn theme(&mut self, config: &mut Config, value: &Value<'_>) {
        let known = value
            .get_ref()
            .as_str()
            .filter(|name| THEMES.contains(name) || THEME_ALIASES.contains(name));
        match known {
            Some(name) => config.theme = name.to_owned(),
            None => {
                let names: Vec<String> = THEMES.iter().map(|n| format!("{n:?}")).collect();
                self.expected("theme", value, &format!("one of {}", names.join(", ")));
            }
        }
    }

    fn max_file_size(&mut self, config: &mut Config, value: &Value<'_>) {
        let allowed = "a size from 1 KiB to 16 GiB: bytes (67108864) or a string like \"64 MiB\"";
        let bytes = match value.get_ref() {
            DeValue::Integer(n) => i64::from_str_radix(n.as_str(), n.radix())
                .ok()
                .and_then(|n| u64::try_from(n).ok()),
            DeValue::String(s) => parse_size(s),
            _ => None,
        };
        match bytes {
            Some(bytes) if SIZE_RANGE.contains(&bytes) => config.max_file_size = bytes,
            _ => self.expected("max_file_size", value, allowed),
        }
    }
}

/// Whether `url` is one the fetcher may ask for: `http://` or `https://`
/// and a host.
pub fn is_web_url(url: &str) -> bool {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    ["http://", "https://"].iter().any(|scheme| {
        lower.starts_with(scheme)
            && url[scheme.len()..]
                .split(['/', '?', '#'])
                .next()
                .is_some_and(|host| !host.is_empty())
    }) && !url.contains(char::is_whitespace)
        && !url.contains(crate::text::is_unsafe)
}

/// `~/x` from `home`; a relative path from the config file's folder, so the
/// file means the same from any working directory.
fn expand(folder: &str, paths: &Paths) -> PathBuf {
    if let (Some(rest), Some(home)) = (folder.strip_prefix("~/"), paths.home) {
        return home.join(rest);
    }
    if let (true, Some(home)) = (folder == "~", paths.home) {
        return home.to_path_buf();
    }
    paths.base.join(folder)
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
        DeValue::String(_) => "a long string".to_owned(),
        DeValue::Integer(n) => n.to_string(),
        DeValue::Float(f) => f.to_string(),
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Datetime(_) => "a date".to_owned(),
        DeValue::Array(_) => "a list".to_owned(),
        DeValue::Table(_) => "a table".to_owned(),
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
        return "TOML syntax: missing value after `=`".to_owned();
    }
    format!("TOML syntax: {toml_says}")
}

fn unknown_key_message(name: &str) -> String {
    let allowed = KEYS.join(", ");
    match closest(name, &KEYS) {
        Some(near) => {
            format!("unknown key {name:?} (did you mean {near:?}?); allowed keys: {allowed}")
        }
        None => format!("unknown key {name:?}; allowed keys: {allowed}"),
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
        let set: Vec<&str> = table
            .get_ref()
            .keys()
            .map(|k| k.get_ref().as_ref())
            .collect();
        for key in KEYS {
            assert!(set.contains(&key), "assets/config.toml does not set {key}");
        }
        assert_ne!(Config::default().body_width, Config::unset().body_width);
    }

    #[test]
    fn suggestions_are_close() {
        assert_eq!(closest("body_widht", &KEYS), Some("body_width"));
        assert_eq!(closest("colour", &KEYS), None);
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
        let names: Vec<&str> = named::<Punctuation>().iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["as-is", "fullwidth"]);
    }
}
