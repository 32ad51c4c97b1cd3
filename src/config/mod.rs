//! Configuration: the defaults are a real, commented file embedded from
//! `assets/config.toml`; the user's file overlays them key by key. Unknown
//! keys and bad values are errors naming the file, line, column and what is
//! allowed. The program reads the config file; only `broadsheet feeds`
//! edits it, and only its `[[feeds]]` (see `feeds::subscriptions`).

mod feeds;
mod keys;
mod kinds;
mod parse;
mod settings;
mod show;

use std::ffi::OsString;
use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub use feeds::is_web_url;
pub use keys::default_keys;
pub use settings::{Config, KEYS, THEME_ALIASES, THEMES};
pub use show::{to_toml, toml_string};

pub use crate::i18n::Language;
use crate::store::shown_path;

/// The default configuration file, comments and all (`broadsheet config --default`).
pub const DEFAULT_TOML: &str = include_str!("../../assets/config.toml");

/// A config file larger than this is not a config file.
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// How ambiguous-width characters are measured on screen. The config
/// file, `config` and `--ambiguous-width` spell it alike: the names are
/// derived.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    clap::ValueEnum,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
pub enum AmbiguousSetting {
    // Ask the terminal (CSI 6n) at start. (Not a doc comment: clap would
    // print it in `--help`.)
    #[default]
    Auto,
    Narrow,
    Wide,
}

/// Whether the terminal's cursor is seen where the focus is (`cursor`). It
/// is always put there; some screen readers and braille displays follow it
/// only when it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "kebab-case")]
pub enum CursorSetting {
    #[default]
    Hidden,
    Visible,
}

/// How the rules between panes and the frames of overlays are drawn
/// (`borders`): box-drawing lines, ASCII, or blank cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "kebab-case")]
pub enum Borders {
    #[default]
    Line,
    Ascii,
    None,
}

/// How an article's read and starred marks are shown in Headlines
/// (`markers`): glyphs (`●` `·` `★`) or words (`[new]` `[read]` `[star]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "kebab-case")]
pub enum Markers {
    #[default]
    Glyph,
    Text,
}

/// One `[[feeds]]` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    /// An `http` or `https` URL.
    pub url: String,
    /// The paper's name, over the feed's own title.
    pub paper: Option<String>,
    /// Where this feed's issues are kept, instead of
    /// `$XDG_DATA_HOME/broadsheet/feeds/<paper>`.
    pub folder: Option<PathBuf>,
}

impl Default for Config {
    /// The values `assets/config.toml` gives, read from it: the one place
    /// they are written. (A test holds that file valid and complete.)
    fn default() -> Self {
        static DEFAULTS: OnceLock<Config> = OnceLock::new();
        let defaults = DEFAULTS.get_or_init(|| {
            parse::parse_over(Config::unset(), DEFAULT_TOML, Path::new(""), None)
                .unwrap_or_else(|_| Config::unset())
        });
        defaults.clone()
    }
}

/// Where the config file's path came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// `--config FILE`: must exist.
    Flag,
    /// `$BROADSHEET_CONFIG`: must exist.
    Env,
    /// `$XDG_CONFIG_HOME/broadsheet/config.toml` or `~/.config/…`: may be absent.
    Default,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::t!(match self {
            Origin::Flag => "config.given_by_flag",
            Origin::Env => "config.given_by_env",
            Origin::Default => "config.default_location",
        }))
    }
}

/// The config file to read and why that one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    pub origin: Origin,
}

/// One thing wrong in a config file, at a 1-based line and column
/// (columns count characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}", crate::i18n::t!("config.missing", path = path, origin = origin))]
    Missing { path: String, origin: Origin },
    #[error("{}", crate::i18n::t!("config.unreadable", path = path, reason = reason))]
    Read { path: String, reason: String },
    /// Every problem found, in file order, one per line as `file:line:column: what`.
    #[error("{}", list_problems(path, problems))]
    Invalid {
        path: String,
        problems: Vec<Problem>,
    },
}

fn list_problems(path: &str, problems: &[Problem]) -> String {
    let lines: Vec<String> = problems
        .iter()
        .map(|p| format!("{path}:{}:{}: {}", p.line, p.column, p.message))
        .collect();
    lines.join("\n")
}

/// Whether the environment asks for no colour: `NO_COLOR` set and not empty
/// (no-color.org). The reader's theme and `search --color=auto` both ask.
pub fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Load the configuration: `explicit` (from `--config`), else
/// `$BROADSHEET_CONFIG`, else `$XDG_CONFIG_HOME/broadsheet/config.toml`
/// (`~/.config/…` when unset), over the embedded defaults. A missing file at
/// the default location means the defaults; a missing named file is an error.
pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
    let var = |name: &str| std::env::var_os(name);
    let home = var("HOME").map(PathBuf::from);
    match locate_with(explicit, var) {
        Some(location) => load_from(&location, home.as_deref()),
        None => Ok(Config::default()),
    }
}

/// Which file `load` reads; `None` when no location can be named (no
/// `HOME` and no `XDG_CONFIG_HOME`).
pub fn locate(explicit: Option<&Path>) -> Option<Location> {
    locate_with(explicit, |name| std::env::var_os(name))
}

/// [`locate`] with the environment given, for tests.
pub fn locate_with(
    explicit: Option<&Path>,
    var: impl Fn(&str) -> Option<OsString>,
) -> Option<Location> {
    if let Some(path) = explicit {
        let path = path.to_path_buf();
        return Some(Location {
            path,
            origin: Origin::Flag,
        });
    }
    let set = |name: &str| var(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(path) = set("BROADSHEET_CONFIG") {
        return Some(Location {
            path,
            origin: Origin::Env,
        });
    }
    // The XDG spec says a relative XDG_CONFIG_HOME is invalid and ignored.
    let config_home = set("XDG_CONFIG_HOME")
        .filter(|p| p.is_absolute())
        .or_else(|| set("HOME").map(|home| home.join(".config")))?;
    Some(Location {
        path: config_home.join("broadsheet").join("config.toml"),
        origin: Origin::Default,
    })
}

/// Read and check the file at `location`; `home` expands `~` in `library`.
pub fn load_from(location: &Location, home: Option<&Path>) -> Result<Config, ConfigError> {
    let path = &location.path;
    let shown = shown_path(path);
    let bytes = match read_capped(path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            return match location.origin {
                Origin::Default => Ok(Config::default()),
                origin => Err(ConfigError::Missing {
                    path: shown,
                    origin,
                }),
            };
        }
        Err(err) => {
            return Err(ConfigError::Read {
                path: shown,
                reason: err.to_string(),
            });
        }
    };
    parse_bytes(&bytes, path, home)
}

/// Check config text as if read from `path` (relative `library` folders are
/// taken from `path`'s folder).
pub fn parse_bytes(bytes: &[u8], path: &Path, home: Option<&Path>) -> Result<Config, ConfigError> {
    let invalid = |problems| ConfigError::Invalid {
        path: shown_path(path),
        problems,
    };
    // Editors on Windows add a BOM; TOML does not allow one.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let valid = String::from_utf8_lossy(&bytes[..err.valid_up_to()]);
            let (line, column) = parse::position(&valid, valid.len());
            let message = crate::i18n::t!("config.not_utf8", byte = err.valid_up_to());
            return Err(invalid(vec![Problem {
                line,
                column,
                message,
            }]));
        }
    };
    let base = path.parent().unwrap_or(Path::new(""));
    parse::parse(text, base, home).map_err(invalid)
}

fn read_capped(path: &Path) -> io::Result<Vec<u8>> {
    if fs::metadata(path).is_ok_and(|meta| meta.is_dir()) {
        return Err(io::Error::other("it is a folder"));
    }
    let file = crate::library::open_regular(path)?;
    let mut bytes = Vec::new();
    file.take(MAX_CONFIG_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        return Err(io::Error::other(
            "larger than 1 MiB; is it really a config file?",
        ));
    }
    Ok(bytes)
}
