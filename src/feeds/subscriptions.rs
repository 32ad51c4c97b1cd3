//! `broadsheet feeds add/remove/import` edit the config file's `[[feeds]]`
//! through `toml_edit`, which keeps every comment, blank line and key order
//! the user wrote; everything else in the file is left byte for byte. The
//! file is checked before (a broken file is not edited) and after (an edit
//! that would not load is not written), and replaced atomically.

use crate::i18n::t;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

use crate::config::{self, Config, Location, Subscription};
use crate::store::shown_path;

/// Why the subscriptions were not changed.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("{}", t!("feeds.no_config_to_edit"))]
    NoLocation,
    #[error("{}", t!("store.cannot_read", path = .path, error = .error))]
    Read { path: String, error: io::Error },
    #[error("{}", t!("feeds.config_invalid", error = .0))]
    Invalid(config::ConfigError),
    #[error("{}", t!("feeds.toml_syntax", path = .path, reason = .reason))]
    Syntax { path: String, reason: String },
    #[error("{}", t!("feeds.not_tables", path = .path))]
    NotTables { path: String },
    #[error("{}", t!("feeds.bad_subscription", url = format!("{url:?}")))]
    BadUrl { url: String },
    #[error("{}", t!("feeds.duplicate", url = .url))]
    Duplicate { url: String },
    #[error("{}", t!("feeds.no_such_feed", what = .what))]
    NoSuchFeed { what: String },
    #[error("{}", t!("feeds.cannot_write", path = .path, error = .error))]
    Write { path: String, error: io::Error },
}

/// The config file being edited: where, and its text as a document.
pub struct Edit {
    path: PathBuf,
    document: DocumentMut,
}

impl Edit {
    /// Open the config file `--config`/`$BROADSHEET_CONFIG`/the default
    /// names; a missing default file is an empty one (created on save).
    pub fn open(explicit: Option<&Path>) -> Result<Edit, EditError> {
        let location = config::locate(explicit).ok_or(EditError::NoLocation)?;
        // The same checks as every command: a broken file is not edited.
        let home = std::env::var_os("HOME").map(PathBuf::from);
        config::load_from(&location, home.as_deref()).map_err(EditError::Invalid)?;
        let Location { path, .. } = location;
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => String::new(),
            Err(error) => {
                return Err(EditError::Read {
                    path: shown_path(&path),
                    error,
                });
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let document = text.parse::<DocumentMut>().map_err(|e| EditError::Syntax {
            path: shown_path(&path),
            reason: e.message().to_owned(),
        })?;
        Ok(Edit { path, document })
    }

    /// The file's `[[feeds]]` as the config reads them.
    pub fn feeds(&self) -> Vec<Subscription> {
        self.checked(&self.document.to_string())
            .map(|c| c.feeds)
            .unwrap_or_default()
    }

    /// Subscribe to `url`, with `paper` as the paper's name.
    pub fn add(&mut self, url: &str, paper: Option<&str>) -> Result<(), EditError> {
        let url = url.trim();
        if !config::is_web_url(url) {
            return Err(EditError::BadUrl {
                url: crate::text::escape(url, crate::text::Notation::Message).into_owned(),
            });
        }
        if self.feeds().iter().any(|f| f.url == url) {
            return Err(EditError::Duplicate {
                url: url.to_owned(),
            });
        }
        let mut table = Table::new();
        table.insert("url", value(url));
        if let Some(paper) = paper.map(str::trim).filter(|p| !p.is_empty()) {
            table.insert("paper", value(paper));
        }
        self.tables()?.push(table);
        Ok(())
    }

    /// Unsubscribe from the feed with this URL, or the `N`th as `feeds list`
    /// numbers them; the URL removed.
    pub fn remove(&mut self, what: &str) -> Result<String, EditError> {
        let feeds = self.feeds();
        let index = match what.trim().parse::<usize>() {
            Ok(n) if (1..=feeds.len()).contains(&n) => Some(n - 1),
            _ => feeds.iter().position(|f| f.url == what.trim()),
        };
        let Some(index) = index else {
            return Err(EditError::NoSuchFeed {
                what: crate::text::escape(what, crate::text::Notation::Message).into_owned(),
            });
        };
        let tables = self.tables()?;
        tables.remove(index);
        if tables.is_empty() {
            self.document.remove("feeds");
        }
        Ok(feeds[index].url.clone())
    }

    /// Write the file back, if what it now says loads.
    pub fn save(&self) -> Result<(), EditError> {
        let text = self.document.to_string();
        self.checked(&text).map_err(EditError::Invalid)?;
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(|error| EditError::Write {
                path: shown_path(dir),
                error,
            })?;
        }
        crate::store::write_file_atomic(&self.path, text.as_bytes()).map_err(|error| {
            EditError::Write {
                path: shown_path(&self.path),
                error,
            }
        })
    }

    fn checked(&self, text: &str) -> Result<Config, config::ConfigError> {
        let home = std::env::var_os("HOME").map(PathBuf::from);
        config::parse_bytes(text.as_bytes(), &self.path, home.as_deref())
    }

    /// The `[[feeds]]` array; `feeds = []` (as the default file writes it)
    /// becomes one.
    fn tables(&mut self) -> Result<&mut ArrayOfTables, EditError> {
        let empty_inline = self
            .document
            .get("feeds")
            .and_then(Item::as_array)
            .is_some_and(|a| a.is_empty());
        if empty_inline || self.document.get("feeds").is_none() {
            self.document
                .insert("feeds", Item::ArrayOfTables(ArrayOfTables::new()));
        }
        let path = shown_path(&self.path);
        self.document
            .get_mut("feeds")
            .and_then(Item::as_array_of_tables_mut)
            .ok_or(EditError::NotTables { path })
    }
}
