//! Every setting, once. A row names the setting (its key in the file and
//! its field in [`Config`]), its type and its kind with the kind's bounds
//! (`kinds.rs`); from the table come `Config`, `Config::unset`, [`KEYS`],
//! the parse of the file's top-level keys and `broadsheet config`'s output.
//! Its default value is written in `assets/config.toml` alone, and a test
//! holds that file setting every key.
//!
//! To add a setting: a row here, in the place its paragraph has in
//! `assets/config.toml` (the order `KEYS` and `broadsheet config` keep),
//! and that paragraph; then its line in the README's settings table.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use super::feeds::Feeds;
use super::keys::Bindings;
use super::kinds::{Command, Flag, Folders, Kind, Named, OneOf, Seconds, Size, Whole};
use super::parse::{Value, Walk};
use super::show::Shown;
use super::{AmbiguousSetting, Borders, CursorSetting, Markers, Subscription};
use crate::i18n::Language;
use crate::store::MarkRead;
use crate::typeset::{Kinsoku, Punctuation, Script};

/// Theme names to suggest; `ui::Theme::named` draws them (a test there
/// keeps every name accepted here drawable).
pub const THEMES: [&str; 2] = ["default", "mono"];
/// Also accepted: `monochrome`, the long form of `mono`.
pub const THEME_ALIASES: [&str; 1] = ["monochrome"];

/// `settings! { /// doc \n name: Type = kind, … }`: see the module's head.
macro_rules! settings {
    ($( $(#[$doc:meta])* $name:ident: $ty:ty = $kind:expr, )*) => {
        /// The effective configuration: the default file's values with the
        /// user's file over them.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Config {
            $( $(#[$doc])* pub $name: $ty, )*
        }

        impl Config {
            /// What the default file's values are written over: nothing set.
            pub(super) fn unset() -> Config {
                Config { $( $name: <$ty>::default(), )* }
            }
        }

        /// The top-level keys, in the order the default file documents them.
        pub const KEYS: &[&str] = &[$( stringify!($name), )*];

        impl Walk<'_> {
            /// `value` read into `config`'s setting `name`; false when no
            /// setting has that name.
            pub(super) fn setting(
                &mut self,
                config: &mut Config,
                name: &str,
                value: &Value<'_>,
            ) -> bool {
                match name {
                    $( stringify!($name) => {
                        if let Some(v) = Kind::parse(&$kind, self, name, value) {
                            config.$name = v;
                        }
                    } )*
                    _ => return false,
                }
                true
            }
        }

        /// Every setting of `config` as TOML, in table order.
        pub(super) fn write_all(config: &Config, out: &mut Shown) {
            $( Kind::write(&$kind, stringify!($name), &config.$name, out); )*
        }
    };
}

settings! {
    /// Folders opened when no path is given.
    library: Vec<PathBuf> = Folders,
    /// Widest the article body is set, in cells.
    body_width: u16 = Whole { range: 10..=1000, unit: "config.unit.cells" },
    indent: bool = Flag,
    punctuation: Punctuation = Named::new(),
    /// Which characters Chinese is shown in (繁简), display only.
    script: Script = Named::new(),
    /// A lone character on a paragraph's last line is allowed.
    widows: bool = Flag,
    kinsoku: Kinsoku = Named::new(),
    ambiguous_width: AmbiguousSetting = Named::new(),
    theme: String = OneOf { names: &THEMES, aliases: &THEME_ALIASES },
    max_file_size: u64 = Size(1 << 10..=16 << 30),
    /// Report the mouse (wheel, clicks) to the reader; off by default
    /// because it takes plain drag-to-select away from the terminal.
    mouse: bool = Flag,
    /// The interface's language; `auto` follows the locale.
    language: Language = Named::new(),
    /// When an open article becomes read (`"end"`, `"open"`, `"manual"`).
    mark_read: MarkRead = Named::new(),
    /// Where the focus is, the cursor is; whether it is seen.
    cursor: CursorSetting = Named::new(),
    /// Read the issue as a conversation on plain lines (`--linear`).
    linear: bool = Flag,
    borders: Borders = Named::new(),
    markers: Markers = Named::new(),
    /// Link text is an OSC 8 hyperlink (where the terminal has them).
    hyperlinks: bool = Flag,
    /// `y`/`Y` copy through OSC 52 to the terminal's clipboard.
    osc52: bool = Flag,
    /// The longest text OSC 52 sends, in bytes of text.
    osc52_max_bytes: usize = Whole { range: 16..=64 << 20, unit: "config.unit.bytes" },
    /// A program and its arguments that take the copied text on standard
    /// input instead of OSC 52 (`["wl-copy"]`); empty: none.
    copy_command: Vec<String> = Command {
        like: "[\"wl-copy\"] or [\"xclip\", \"-selection\", \"clipboard\"]",
    },
    /// Feeds subscribed to (`[[feeds]]`), in file order.
    feeds: Vec<Subscription> = Feeds,
    /// Fetch every feed in the background when the reader starts.
    fetch_on_start: bool = Flag,
    /// Longest one feed may take, connection, redirects and body included.
    fetch_timeout: Duration = Seconds(1.0..=3600.0),
    /// Least time between two requests to the same host.
    fetch_host_delay: Duration = Seconds(0.0..=60.0),
    /// Action name → key specs (`"j"`, `"ctrl-f"`, `"PageDown"`), overriding the defaults.
    keys: BTreeMap<String, Vec<String>> = Bindings,
}
