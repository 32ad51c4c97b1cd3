//! Reading state: which articles were read or starred and where the reader
//! was, by stable article id. (Skeleton: in memory only; persistence, locking
//! and merging come with the store implementation.)

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What is remembered about one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleState {
    pub read: bool,
    pub starred: bool,
    /// Reading position as a byte offset into the issue's source text.
    pub position: Option<usize>,
}

/// The last issue and article that were open, restored at start.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastOpen {
    /// A key that finds the issue again (its path, or `(sample)`).
    pub issue: String,
    pub article: Option<String>,
}

/// Everything the reader remembers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub articles: BTreeMap<String, ArticleState>,
    pub last: Option<LastOpen>,
}

impl State {
    pub fn is_read(&self, id: &str) -> bool {
        self.articles.get(id).is_some_and(|a| a.read)
    }

    pub fn is_starred(&self, id: &str) -> bool {
        self.articles.get(id).is_some_and(|a| a.starred)
    }

    pub fn set_read(&mut self, id: &str, read: bool) {
        self.articles.entry(id.to_owned()).or_default().read = read;
    }

    pub fn toggle_star(&mut self, id: &str) {
        let entry = self.articles.entry(id.to_owned()).or_default();
        entry.starred = !entry.starred;
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.articles.get(id).and_then(|a| a.position)
    }

    pub fn set_position(&mut self, id: &str, position: usize) {
        self.articles.entry(id.to_owned()).or_default().position = Some(position);
    }
}

/// Where the state lives and how it is saved. (Skeleton: memory only.)
#[derive(Debug, Default)]
pub struct Store {
    /// Things to tell the reader once (state kept in memory only, a corrupt file moved aside…).
    pub messages: Vec<String>,
}

impl Store {
    /// Open the state file in `$XDG_STATE_HOME/broadsheet/` and load it.
    pub fn open_default() -> (Store, State) {
        (Store::default(), State::default())
    }

    /// Persist `state` (merging with what another instance wrote).
    pub fn save(&mut self, state: &State) -> Result<(), String> {
        let _ = state;
        Ok(())
    }
}
