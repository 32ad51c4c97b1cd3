//! The interface's language: every string the screen and the CLI show is
//! looked up here, by key, in the one message catalogue
//! `locales/app.toml` (English, Simplified and Traditional Chinese side by
//! side; how to add a string is at the top of that file).
//!
//! `t!("status.article", n = 2, of = 4)` gives the text in the language in
//! force: [`set`] at start from the `language` setting and the locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`, read by the CLI), or, on one thread,
//! [`with`] (tests render the three languages side by side).
//!
//! The catalogue is compiled in by `rust-i18n`; a key missing in a
//! language falls back to English, and a key missing everywhere shows the
//! key itself (a test over the catalogue keeps both from happening).

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

use crate::model::Date;

rust_i18n::i18n!("locales", fallback = "en");

/// The catalogue's text, so that editing it rebuilds the crate (the
/// `i18n!` macro reads it without telling cargo) and so that tests can
/// check it is complete.
pub const CATALOGUE: &str = include_str!("../../locales/app.toml");

/// A message in the language in force, with `%{name}` placeholders filled:
/// `t!("status.hits", n = 3)`. The values may be anything `Display`.
/// `use crate::i18n::t;` brings it in.
macro_rules! t {
    ($key:expr $(,)?) => {
        $crate::i18n::text($key, &[])
    };
    ($key:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text(
            $key,
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+],
        )
    };
}
pub(crate) use t;

/// A language the interface is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::VariantArray)]
pub enum Lang {
    En,
    ZhHans,
    ZhHant,
}

impl Lang {
    /// The catalogue's name for it (a BCP 47 tag).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhHans => "zh-Hans",
            Lang::ZhHant => "zh-Hant",
        }
    }

    /// The language a POSIX locale name asks for (`zh_CN.UTF-8`,
    /// `zh_TW`, `zh_Hant_HK`, `en_GB`): Chinese in its script, by the
    /// script if named, else by the region (Taiwan, Hong Kong and Macao
    /// write traditional characters); anything else English.
    pub fn from_locale(name: &str) -> Lang {
        let Some(parts) = chinese_subtags(name) else {
            return Lang::En;
        };
        for part in parts {
            match part.as_str() {
                "hans" | "cn" | "sg" | "my" => return Lang::ZhHans,
                "hant" | "tw" | "hk" | "mo" => return Lang::ZhHant,
                _ => {}
            }
        }
        Lang::ZhHans
    }

    /// The language the environment asks for: the first of `LC_ALL`,
    /// `LC_MESSAGES`, `LANG` that is set and not empty (POSIX order), each
    /// given by `var`; `None` when none is.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Option<Lang> {
        locale_name(var).map(|v| Lang::from_locale(&v))
    }

    fn from_index(index: u8) -> Lang {
        match index {
            1 => Lang::ZhHans,
            2 => Lang::ZhHant,
            _ => Lang::En,
        }
    }

    fn index(self) -> u8 {
        match self {
            Lang::En => 0,
            Lang::ZhHans => 1,
            Lang::ZhHant => 2,
        }
    }
}

/// A Chinese locale's subtags after `zh`, lowercased (`zh_CN.UTF-8@modifier`
/// → `cn`; a BCP 47 `zh-Hant-TW` → `hant`, `tw`); `None` for a locale not
/// Chinese.
pub fn chinese_subtags(name: &str) -> Option<impl Iterator<Item = String>> {
    let name = name.split(['.', '@']).next().unwrap_or_default();
    let mut parts = name.split(['_', '-']);
    parts
        .next()
        .is_some_and(|l| l.eq_ignore_ascii_case("zh"))
        .then(|| parts.map(|part| part.to_ascii_lowercase()))
}

/// The locale the environment names for messages: the first of `LC_ALL`,
/// `LC_MESSAGES`, `LANG` that is set and not empty (POSIX order), each
/// given by `var`.
pub fn locale_name(var: impl Fn(&str) -> Option<String>) -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(var)
        .find(|v| !v.is_empty())
}

/// The `language` setting: a language, or `auto` (from the locale).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    strum::IntoStaticStr,
    strum::VariantArray,
    strum::EnumString,
)]
pub enum Language {
    #[default]
    #[strum(serialize = "auto")]
    Auto,
    #[strum(serialize = "en")]
    En,
    #[strum(serialize = "zh-Hans")]
    ZhHans,
    #[strum(serialize = "zh-Hant")]
    ZhHant,
}

impl Language {
    /// The language to show: the setting's, or for `auto` the locale's
    /// (`from_locale`, e.g. [`Lang::from_env`]), English when neither says.
    pub fn resolve(self, from_locale: Option<Lang>) -> Lang {
        match self {
            Language::Auto => from_locale.unwrap_or(Lang::En),
            Language::En => Lang::En,
            Language::ZhHans => Lang::ZhHans,
            Language::ZhHant => Lang::ZhHant,
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static ON_THIS_THREAD: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Show the interface in `lang` from now on, on every thread.
pub fn set(lang: Lang) {
    CURRENT.store(lang.index(), Ordering::Relaxed);
}

/// The language in force on this thread.
pub fn current() -> Lang {
    ON_THIS_THREAD
        .with(Cell::get)
        .unwrap_or_else(|| Lang::from_index(CURRENT.load(Ordering::Relaxed)))
}

/// Run `f` with this thread's interface in `lang`, whatever [`set`] said.
pub fn with<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    let before = ON_THIS_THREAD.with(|c| c.replace(Some(lang)));
    let result = f();
    ON_THIS_THREAD.with(|c| c.set(before));
    result
}

/// The message `key` in `lang`, if the catalogue has it there (or in a
/// language it falls back to).
pub fn lookup(lang: Lang, key: &str) -> Option<String> {
    _rust_i18n_try_translate(lang.code(), key).map(|s| s.into_owned())
}

/// The message `key` in the current language with its `%{name}`
/// placeholders filled; the key itself when the catalogue lacks it. What
/// `t!` calls.
pub fn text(key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let Some(message) = lookup(current(), key) else {
        return key.to_owned();
    };
    if args.is_empty() {
        return message;
    }
    let names: Vec<&str> = args.iter().map(|(name, _)| *name).collect();
    let values: Vec<String> = args.iter().map(|(_, value)| value.to_string()).collect();
    rust_i18n::replace_patterns(&message, &names, &values)
}

/// A date as the interface writes it: `2022-02-13`, `2022年2月13日`.
pub fn date(date: Date) -> String {
    t!(
        "date.ymd",
        year = date.year,
        month = date.month,
        day = date.day,
        mm = format!("{:02}", date.month),
        dd = format!("{:02}", date.day)
    )
}
