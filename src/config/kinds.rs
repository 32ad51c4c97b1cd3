//! The kinds of value a setting can have. A kind reads its value from the
//! TOML document (with spans, so a bad value is reported where it is, as
//! "expected …") and writes it back as TOML for `broadsheet config`. The
//! settings table (`settings.rs`) names one kind per setting, with its
//! bounds; a new kind of value is a new `Scalar` (or `Kind`) here.

use std::fmt::Display;
use std::marker::PhantomData;
use std::ops::RangeInclusive;
use std::path::PathBuf;
use std::time::Duration;

use toml::de::DeValue;

use super::parse::{Value, Walk, parse_size};
use super::show::{Shown, size_text, toml_list, toml_string};
use crate::i18n::t;

/// How one setting's value is read from the file and written back.
pub(crate) trait Kind {
    type Value;
    /// The value `value` gives for `key`, or `None` once the problems are
    /// reported (at `value` or inside it).
    fn parse(&self, walk: &mut Walk<'_>, key: &str, value: &Value<'_>) -> Option<Self::Value>;
    /// `key = value` into `out`, as `parse` reads it back.
    fn write(&self, key: &str, value: &Self::Value, out: &mut Shown);
}

/// A kind whose value is one TOML value, reported as a whole when bad.
pub(crate) trait Scalar {
    type Value;
    /// The value, or `None` when `value` is not one this kind allows.
    fn read(&self, value: &DeValue<'_>) -> Option<Self::Value>;
    /// What is allowed, for "found …, expected …".
    fn allowed(&self) -> String;
    /// The value as TOML.
    fn show(&self, value: &Self::Value) -> String;
}

impl<S: Scalar> Kind for S {
    type Value = S::Value;

    fn parse(&self, walk: &mut Walk<'_>, key: &str, value: &Value<'_>) -> Option<S::Value> {
        let read = self.read(value.get_ref());
        if read.is_none() {
            walk.expected(key, value, &self.allowed());
        }
        read
    }

    fn write(&self, key: &str, value: &S::Value, out: &mut Shown) {
        out.value(key, &self.show(value));
    }
}

/// `true` or `false`.
pub(crate) struct Flag;

impl Scalar for Flag {
    type Value = bool;

    fn read(&self, value: &DeValue<'_>) -> Option<bool> {
        match value {
            DeValue::Boolean(b) => Some(*b),
            _ => None,
        }
    }

    fn allowed(&self) -> String {
        t!("config.true_or_false")
    }

    fn show(&self, value: &bool) -> String {
        value.to_string()
    }
}

/// One of an enum's names, derived by strum (`"as-is"`, `"zh-Hant"`).
pub(crate) struct Named<T>(PhantomData<T>);

impl<T> Named<T> {
    pub(crate) const fn new() -> Self {
        Named(PhantomData)
    }
}

/// A setting's values with their derived names.
pub(crate) fn named<T>() -> impl Iterator<Item = (&'static str, T)>
where
    T: strum::VariantArray + Copy + Into<&'static str>,
{
    T::VARIANTS.iter().map(|&v| (v.into(), v))
}

impl<T> Scalar for Named<T>
where
    T: strum::VariantArray + Copy + Into<&'static str>,
{
    type Value = T;

    fn read(&self, value: &DeValue<'_>) -> Option<T> {
        let text = value.as_str()?;
        named::<T>().find(|(name, _)| *name == text).map(|(_, v)| v)
    }

    fn allowed(&self) -> String {
        one_of(named::<T>().map(|(name, _)| name))
    }

    fn show(&self, value: &T) -> String {
        toml_string((*value).into())
    }
}

/// `one of "a", "b"`.
fn one_of<'n>(names: impl Iterator<Item = &'n str>) -> String {
    let names: Vec<String> = names.map(|name| format!("{name:?}")).collect();
    t!("config.one_of", names = names.join(", "))
}

/// A string from a fixed list (`names`, suggested) or one of its
/// `aliases` (accepted, not suggested).
pub(crate) struct OneOf {
    pub names: &'static [&'static str],
    pub aliases: &'static [&'static str],
}

impl Scalar for OneOf {
    type Value = String;

    fn read(&self, value: &DeValue<'_>) -> Option<String> {
        let text = value.as_str()?;
        let known = self.names.contains(&text) || self.aliases.contains(&text);
        known.then(|| text.to_owned())
    }

    fn allowed(&self) -> String {
        one_of(self.names.iter().copied())
    }

    fn show(&self, value: &String) -> String {
        toml_string(value)
    }
}

/// A whole number of `unit` within `range`.
pub(crate) struct Whole<T> {
    pub range: RangeInclusive<T>,
    /// The unit's name in the catalogue (`"config.unit.cells"`).
    pub unit: &'static str,
}

impl<T> Scalar for Whole<T>
where
    T: Copy + PartialOrd + Display + TryFrom<i64>,
{
    type Value = T;

    fn read(&self, value: &DeValue<'_>) -> Option<T> {
        let n = T::try_from(integer(value)?).ok()?;
        self.range.contains(&n).then_some(n)
    }

    fn allowed(&self) -> String {
        let (min, max, unit) = (self.range.start(), self.range.end(), t!(self.unit));
        t!("config.whole", unit = unit, min = min, max = max)
    }

    fn show(&self, value: &T) -> String {
        value.to_string()
    }
}

fn integer(value: &DeValue<'_>) -> Option<i64> {
    match value {
        DeValue::Integer(n) => i64::from_str_radix(n.as_str(), n.radix()).ok(),
        _ => None,
    }
}

/// A whole or fractional number of seconds within the range.
pub(crate) struct Seconds(pub RangeInclusive<f64>);

impl Scalar for Seconds {
    type Value = Duration;

    fn read(&self, value: &DeValue<'_>) -> Option<Duration> {
        let n = match value {
            DeValue::Float(f) => f.as_str().parse::<f64>().ok()?,
            other => integer(other)? as f64,
        };
        self.0.contains(&n).then(|| Duration::from_secs_f64(n))
    }

    fn allowed(&self) -> String {
        let (min, max) = (self.0.start(), self.0.end());
        t!("config.seconds", min = min, max = max)
    }

    fn show(&self, value: &Duration) -> String {
        value.as_secs_f64().to_string()
    }
}

/// A size in bytes within the range: a number of bytes or a string with
/// a unit (`"64 MiB"`).
pub(crate) struct Size(pub RangeInclusive<u64>);

impl Scalar for Size {
    type Value = u64;

    fn read(&self, value: &DeValue<'_>) -> Option<u64> {
        let bytes = match value {
            DeValue::String(s) => parse_size(s)?,
            other => u64::try_from(integer(other)?).ok()?,
        };
        self.0.contains(&bytes).then_some(bytes)
    }

    fn allowed(&self) -> String {
        let unquoted = |bytes| size_text(bytes).replace('"', "");
        let (min, max) = (unquoted(*self.0.start()), unquoted(*self.0.end()));
        t!("config.size", min = min, max = max)
    }

    fn show(&self, value: &u64) -> String {
        size_text(*value)
    }
}

/// A program and its arguments, run without a shell; `[]` for none.
pub(crate) struct Command {
    /// One or two lists, for "like …".
    pub like: &'static str,
}

impl Scalar for Command {
    type Value = Vec<String>;

    fn read(&self, value: &DeValue<'_>) -> Option<Vec<String>> {
        let DeValue::Array(items) = value else {
            return None;
        };
        let words: Vec<String> = (items.iter())
            .map(|item| item.get_ref().as_str().map(str::to_owned))
            .collect::<Option<_>>()?;
        words.first().is_none_or(|w| !w.is_empty()).then_some(words)
    }

    fn allowed(&self) -> String {
        t!("config.command", like = self.like)
    }

    fn show(&self, value: &Vec<String>) -> String {
        toml_list(value.iter().map(String::as_str))
    }
}

/// Folders: `~/` from the home folder, a relative path from the config
/// file's folder, so the file means the same from any working directory.
pub(crate) struct Folders;

impl Kind for Folders {
    type Value = Vec<PathBuf>;

    fn parse(&self, walk: &mut Walk<'_>, key: &str, value: &Value<'_>) -> Option<Vec<PathBuf>> {
        let DeValue::Array(items) = value.get_ref() else {
            walk.expected(key, value, &t!("config.folders"));
            return None;
        };
        let mut folders = Vec::new();
        for item in items.iter() {
            match item.get_ref().as_str() {
                Some(folder) if !folder.is_empty() => folders.push(walk.expand(folder)),
                _ => walk.expected(key, item, &t!("config.folder")),
            }
        }
        Some(folders)
    }

    fn write(&self, key: &str, value: &Vec<PathBuf>, out: &mut Shown) {
        let folders: Vec<_> = value.iter().map(|p| p.to_string_lossy()).collect();
        out.value(key, &toml_list(folders.iter().map(|f| f.as_ref())));
    }
}
