//! Configuration: defaults embedded from `assets/config.toml`, overlaid by
//! the user's file. (Skeleton: defaults only.)

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::typeset::{Kinsoku, Punctuation};

/// How ambiguous-width characters are measured on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AmbiguousSetting {
    /// Ask the terminal (CSI 6n) at start.
    #[default]
    Auto,
    Narrow,
    Wide,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Folders opened when no path is given.
    pub library: Vec<PathBuf>,
    /// Widest the article body is set, in cells.
    pub body_width: u16,
    pub indent: bool,
    pub punctuation: Punctuation,
    pub kinsoku: Kinsoku,
    pub ambiguous_width: AmbiguousSetting,
    pub theme: String,
    pub max_file_size: u64,
    /// Action name → key specs (`"j"`, `"ctrl-f"`, `"PageDown"`), overriding the defaults.
    pub keys: BTreeMap<String, Vec<String>>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            library: Vec::new(),
            body_width: 80,
            indent: true,
            punctuation: Punctuation::AsIs,
            kinsoku: Kinsoku::Basic,
            ambiguous_width: AmbiguousSetting::Auto,
            theme: "default".to_owned(),
            max_file_size: 64 * 1024 * 1024,
            keys: BTreeMap::new(),
        }
    }
}

/// Load the configuration: `explicit` (from `--config`), else
/// `$BROADSHEET_CONFIG`, else `$XDG_CONFIG_HOME/broadsheet/config.toml`, over
/// the embedded defaults. (Skeleton: defaults only.)
pub fn load(explicit: Option<&Path>) -> Result<Config, String> {
    let _ = explicit;
    Ok(Config::default())
}
