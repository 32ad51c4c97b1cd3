//! A `Config` written back as TOML, for `broadsheet config` (to stdout only:
//! the program never writes the config file).

use super::Config;

/// A TOML document being written: the plain keys first, then the tables,
/// then the arrays of tables, since TOML puts a key written after a table
/// header into that table.
#[derive(Default)]
pub(crate) struct Shown {
    values: String,
    tables: String,
    arrays: String,
}

impl Shown {
    /// `key = value` among the plain keys.
    pub fn value(&mut self, key: &str, value: &str) {
        self.values.push_str(&format!("{key} = {value}\n"));
    }

    /// Lines after the plain keys (a `[table]`, or a key that must come
    /// before every table header), in the order written.
    pub fn table(&mut self, lines: &str) {
        self.tables.push_str(lines);
    }

    /// Lines after every table (`[[array]]` tables).
    pub fn array(&mut self, lines: &str) {
        self.arrays.push_str(lines);
    }
}

/// The effective configuration as a TOML document that `parse` accepts and
/// that reads back to the same `Config`.
pub fn to_toml(config: &Config) -> String {
    let mut out = Shown::default();
    super::settings::write_all(config, &mut out);
    out.values + &out.tables + &out.arrays
}

/// `"64 MiB"` when the size is a whole number of a binary unit, else bytes.
pub(crate) fn size_text(bytes: u64) -> String {
    for (shift, unit) in [(30, "GiB"), (20, "MiB"), (10, "KiB")] {
        if bytes >= 1 << shift && bytes.is_multiple_of(1 << shift) {
            return format!("\"{} {unit}\"", bytes >> shift);
        }
    }
    bytes.to_string()
}

/// `["a", "b"]`.
pub(crate) fn toml_list<'w>(words: impl Iterator<Item = &'w str>) -> String {
    let words: Vec<String> = words.map(toml_string).collect();
    format!("[{}]", words.join(", "))
}

/// A TOML basic string; control and bidi characters escaped, so that what
/// is printed is safe on a terminal and parses back to the same text.
pub fn toml_string(text: &str) -> String {
    format!(
        "\"{}\"",
        crate::text::escape(text, crate::text::Notation::Toml)
    )
}
