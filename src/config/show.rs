//! A `Config` written back as TOML, for `broadsheet config` (to stdout only:
//! the program never writes the config file).

use std::fmt::Write;

use super::parse::named;
use super::{AmbiguousSetting, Borders, Config, CursorSetting, Markers};
use crate::i18n::Language;
use crate::store::MarkRead;
use crate::typeset::{Kinsoku, Punctuation};

/// The effective configuration as a TOML document that `parse` accepts and
/// that reads back to the same `Config`.
pub fn to_toml(config: &Config) -> String {
    let mut out = String::new();
    let folders: Vec<String> = config
        .library
        .iter()
        .map(|p| toml_string(&p.to_string_lossy()))
        .collect();
    // `write!` to a String cannot fail.
    let _ = writeln!(out, "library = [{}]", folders.join(", "));
    let _ = writeln!(out, "body_width = {}", config.body_width);
    let _ = writeln!(out, "indent = {}", config.indent);
    let _ = writeln!(
        out,
        "punctuation = {}",
        name_of(&named::<Punctuation>(), config.punctuation)
    );
    let _ = writeln!(out, "widows = {}", config.widows);
    let _ = writeln!(
        out,
        "kinsoku = {}",
        name_of(&named::<Kinsoku>(), config.kinsoku)
    );
    let _ = writeln!(
        out,
        "ambiguous_width = {}",
        name_of(&named::<AmbiguousSetting>(), config.ambiguous_width)
    );
    let _ = writeln!(out, "theme = {}", toml_string(&config.theme));
    let _ = writeln!(out, "max_file_size = {}", size_text(config.max_file_size));
    let _ = writeln!(out, "mouse = {}", config.mouse);
    let _ = writeln!(
        out,
        "language = {}",
        name_of(&named::<Language>(), config.language)
    );
    let _ = writeln!(
        out,
        "mark_read = {}",
        name_of(&named::<MarkRead>(), config.mark_read)
    );
    let _ = writeln!(
        out,
        "cursor = {}",
        name_of(&named::<CursorSetting>(), config.cursor)
    );
    let _ = writeln!(out, "linear = {}", config.linear);
    let _ = writeln!(
        out,
        "borders = {}",
        name_of(&named::<Borders>(), config.borders)
    );
    let _ = writeln!(
        out,
        "markers = {}",
        name_of(&named::<Markers>(), config.markers)
    );
    let _ = writeln!(out, "hyperlinks = {}", config.hyperlinks);
    let _ = writeln!(out, "osc52 = {}", config.osc52);
    let _ = writeln!(out, "osc52_max_bytes = {}", config.osc52_max_bytes);
    let words: Vec<String> = config.copy_command.iter().map(|w| toml_string(w)).collect();
    let _ = writeln!(out, "copy_command = [{}]", words.join(", "));
    let _ = writeln!(out, "fetch_on_start = {}", config.fetch.on_start);
    let _ = writeln!(
        out,
        "fetch_timeout = {}",
        config.fetch.timeout.as_secs_f64()
    );
    let _ = writeln!(
        out,
        "fetch_host_delay = {}",
        config.fetch.host_delay.as_secs_f64()
    );
    if config.feeds.is_empty() {
        let _ = writeln!(out, "feeds = []");
    }
    let _ = writeln!(out, "\n[keys]");
    if config.keys.is_empty() {
        let _ = writeln!(out, "# (every action keeps its default keys)");
    }
    for (action, specs) in &config.keys {
        let specs: Vec<String> = specs.iter().map(|s| toml_string(s)).collect();
        let _ = writeln!(out, "{action} = [{}]", specs.join(", "));
    }
    for feed in &config.feeds {
        let _ = writeln!(out, "\n[[feeds]]\nurl = {}", toml_string(&feed.url));
        if let Some(paper) = &feed.paper {
            let _ = writeln!(out, "paper = {}", toml_string(paper));
        }
        if let Some(folder) = &feed.folder {
            let _ = writeln!(out, "folder = {}", toml_string(&folder.to_string_lossy()));
        }
    }
    out
}

fn name_of<T: PartialEq + Copy>(table: &[(&str, T)], value: T) -> String {
    let name = table
        .iter()
        .find(|(_, v)| *v == value)
        .map_or("?", |(n, _)| n);
    toml_string(name)
}

/// `"64 MiB"` when the size is a whole number of a binary unit, else bytes.
fn size_text(bytes: u64) -> String {
    for (shift, unit) in [(30, "GiB"), (20, "MiB"), (10, "KiB")] {
        if bytes >= 1 << shift && bytes.is_multiple_of(1 << shift) {
            return format!("\"{} {unit}\"", bytes >> shift);
        }
    }
    bytes.to_string()
}

/// A TOML basic string; control and bidi characters escaped, so that what
/// is printed is safe on a terminal and parses back to the same text.
pub fn toml_string(text: &str) -> String {
    format!(
        "\"{}\"",
        crate::text::escape(text, crate::text::Notation::Toml)
    )
}
