//! The reading state as data, and how two copies of it merge.
//!
//! Every remembered fact (read flag with who set it, star, position, last
//! open issue, a screen setting) is a last-writer-wins register: a value and the time it was set, in
//! milliseconds since the epoch. Two copies merge field by field, keeping the
//! later write, with ties broken by the value itself. That makes `merge` a
//! join: commutative, associative and idempotent, so two instances can save
//! in either order, any number of times, and agree. A star that is removed
//! keeps its register (`starred: false` with a time): that is the tombstone
//! that stops an older copy from bringing the star back. An issue's first
//! sighting merges as a minimum, also a join.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::issues::IssueState;
use super::ui::UiEntry;

/// The format this build writes. A file with a larger number was written by
/// a newer broadsheet: it is read as far as it is understood and never
/// overwritten.
pub const VERSION: u32 = 2;

/// Keys this version does not know, kept so that they survive a merge.
/// JSON cannot hold NaN, so equality of these values is reflexive.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Unknown(pub serde_json::Map<String, serde_json::Value>);

impl Eq for Unknown {}

impl Unknown {
    /// Union; where both have a key, the larger JSON text wins, so that the
    /// choice does not depend on the order of the merge.
    pub(crate) fn merge(&mut self, other: &Unknown) -> bool {
        let mut changed = false;
        for (key, theirs) in &other.0 {
            let keep_ours = self
                .0
                .get(key)
                .is_some_and(|ours| json_text(ours) >= json_text(theirs));
            if !keep_ours {
                self.0.insert(key.clone(), theirs.clone());
                changed = true;
            }
        }
        changed
    }
}

/// Who set an article's read flag. A mark set by hand wins over every
/// automatic rule until the reader sets it again (see
/// [`State::mark_automatically`]); between two copies the newer mark wins,
/// whoever set it, so that undoing a bulk mark can restore an automatic one.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum ReadBy {
    /// A rule (`mark_read`): the end was reached, or the article stayed open.
    #[default]
    Auto,
    /// The reader: `m`, or marking a whole issue.
    Hand,
}

/// What is remembered about one article. `*_at` is when the field was last
/// set (ms since the epoch; 0 = never).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleState {
    #[serde(default, skip_serializing_if = "is_false")]
    pub read: bool,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub read_at: u64,
    /// Who set `read`; part of the same register as `read` and `read_at`.
    #[serde(default, skip_serializing_if = "is_auto")]
    pub read_by: ReadBy,
    #[serde(default, skip_serializing_if = "is_false")]
    pub starred: bool,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub starred_at: u64,
    /// Reading position as a byte offset into the issue's source text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<usize>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub position_at: u64,
    /// Where the article was last seen: the key of its issue (as in
    /// [`LastOpen::issue`]) and its headline. An id alone does not say which
    /// issue holds it, so without this `S` and `u` would have to parse the
    /// whole library. `None` in files written before this was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// When `issue` and `headline` were set; the pair is one register.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub issue_at: u64,
    #[serde(flatten)]
    pub unknown: Unknown,
}

impl ArticleState {
    fn merge(&mut self, other: &ArticleState) -> bool {
        let mut changed = false;
        let read = |a: &ArticleState| (a.read_at, a.read, a.read_by);
        if read(other) > read(self) {
            (self.read_at, self.read, self.read_by) = read(other);
            changed = true;
        }
        if (other.starred_at, other.starred) > (self.starred_at, self.starred) {
            (self.starred_at, self.starred) = (other.starred_at, other.starred);
            changed = true;
        }
        if (other.position_at, other.position) > (self.position_at, self.position) {
            (self.position_at, self.position) = (other.position_at, other.position);
            changed = true;
        }
        let place = |a: &ArticleState| (a.issue_at, a.issue.clone(), a.headline.clone());
        if place(other) > place(self) {
            (self.issue_at, self.issue, self.headline) = place(other);
            changed = true;
        }
        self.unknown.merge(&other.unknown) || changed
    }
}

/// The last issue and article that were open, restored at start.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LastOpen {
    /// A key that finds the issue again (its path, or `(sample)`).
    pub issue: String,
    pub article: Option<String>,
}

/// Everything the reader remembers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// The format version of the file this came from (or will be written as).
    #[serde(default = "current_version")]
    pub version: u32,
    /// Per article, by id. Prefer the setters: they stamp the change, and an
    /// unstamped change loses a merge.
    #[serde(default)]
    pub articles: BTreeMap<String, ArticleState>,
    #[serde(default)]
    pub last: Option<LastOpen>,
    /// When `last` was set; stamped by the store when it sees `last` change.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub last_at: u64,
    /// Per issue, by key (as in [`LastOpen::issue`]): when it was first seen,
    /// for "new since last time" (see `issues.rs`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub issues: BTreeMap<String, IssueState>,
    /// Screen state other parts keep across runs (the archive's folds, the
    /// selected paper…), by a key the owner picks; see [`State::set_ui`].
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ui: BTreeMap<String, UiEntry>,
    #[serde(flatten)]
    pub unknown: Unknown,
}

impl Default for State {
    fn default() -> Self {
        State {
            version: VERSION,
            articles: BTreeMap::new(),
            last: None,
            last_at: 0,
            issues: BTreeMap::new(),
            ui: BTreeMap::new(),
            unknown: Unknown::default(),
        }
    }
}

impl State {
    pub fn is_read(&self, id: &str) -> bool {
        self.articles.get(id).is_some_and(|a| a.read)
    }

    pub fn is_starred(&self, id: &str) -> bool {
        self.articles.get(id).is_some_and(|a| a.starred)
    }

    /// Who set the read flag of `id`, if anyone did.
    pub fn read_by(&self, id: &str) -> Option<ReadBy> {
        let article = self.articles.get(id)?;
        (article.read_at > 0).then_some(article.read_by)
    }

    /// Whether the reader set `id`'s flag by hand (read or unread): then no
    /// automatic rule touches it.
    pub fn has_hand_mark(&self, id: &str) -> bool {
        self.read_by(id) == Some(ReadBy::Hand)
    }

    /// The version-1 call, kept for its callers: marking read is taken as
    /// automatic and marking unread as by hand, which is what each meant
    /// then (only `m` could make an article unread). New code says who, with
    /// [`State::mark`] or [`State::mark_automatically`].
    pub fn set_read(&mut self, id: &str, read: bool) {
        let by = if read { ReadBy::Auto } else { ReadBy::Hand };
        self.mark(id, read, by);
    }

    /// Set `id` read or unread, by `by`. Setting the flag and author it
    /// already has changes nothing (no new timestamp), so a caller may
    /// repeat it every frame and saving stays a no-op. True when it changed.
    pub fn mark(&mut self, id: &str, read: bool, by: ReadBy) -> bool {
        let current = (self.articles.get(id))
            .filter(|a| a.read_at > 0)
            .map(|a| (a.read, a.read_by));
        // An article nobody marked is unread automatically already.
        let untouched_default = current.is_none() && !read && by == ReadBy::Auto;
        if current == Some((read, by)) || untouched_default {
            return false;
        }
        let entry = self.articles.entry(id.to_owned()).or_default();
        entry.read_at = stamp_after(entry.read_at);
        entry.read = read;
        entry.read_by = by;
        true
    }

    /// What a `mark_read` rule does: mark `id` read, unless it is read
    /// already or the reader marked it by hand. True when it changed.
    pub fn mark_automatically(&mut self, id: &str) -> bool {
        if self.is_read(id) || self.has_hand_mark(id) {
            return false;
        }
        self.mark(id, true, ReadBy::Auto)
    }

    pub fn toggle_star(&mut self, id: &str) {
        let entry = self.articles.entry(id.to_owned()).or_default();
        entry.starred_at = stamp_after(entry.starred_at);
        entry.starred = !entry.starred;
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.articles.get(id).and_then(|a| a.position)
    }

    pub fn set_position(&mut self, id: &str, position: usize) {
        if self.position(id) == Some(position) {
            return;
        }
        let entry = self.articles.entry(id.to_owned()).or_default();
        entry.position_at = stamp_after(entry.position_at);
        entry.position = Some(position);
    }

    /// Record where article `id` is: the key of its issue and its headline.
    /// Only an article that already has a record gets one (an article merely
    /// previewed leaves no trace); the same place again changes nothing.
    pub fn set_place(&mut self, id: &str, issue: &str, headline: &str) {
        let Some(entry) = self.articles.get_mut(id) else {
            return;
        };
        if entry.issue.as_deref() == Some(issue) && entry.headline.as_deref() == Some(headline) {
            return;
        }
        entry.issue_at = stamp_after(entry.issue_at);
        entry.issue = Some(issue.to_owned());
        entry.headline = Some(headline.to_owned());
    }

    /// How many articles are recorded read in each issue, by issue key.
    /// Records without a place (older files) count nowhere.
    pub fn read_per_issue(&self) -> HashMap<&str, usize> {
        let mut counts = HashMap::new();
        for article in self.articles.values().filter(|a| a.read) {
            if let Some(issue) = article.issue.as_deref() {
                *counts.entry(issue).or_insert(0) += 1;
            }
        }
        counts
    }

    /// Ids of the starred articles, in id order (for the `S` list).
    pub fn starred_ids(&self) -> impl Iterator<Item = &str> + '_ {
        self.articles
            .iter()
            .filter(|(_, a)| a.starred)
            .map(|(id, _)| id.as_str())
    }

    /// Replace one article's record as is, timestamps included (for tests
    /// and imports; the setters above are what the reader uses).
    pub fn insert_article(&mut self, id: &str, article: ArticleState) {
        self.articles.insert(id.to_owned(), article);
    }

    /// Fold `other` into `self`: for every field the later write wins.
    /// True when `self` changed.
    pub fn merge(&mut self, other: &State) -> bool {
        let mut changed = false;
        for (id, theirs) in &other.articles {
            match self.articles.get_mut(id) {
                Some(ours) => changed |= ours.merge(theirs),
                None => {
                    self.articles.insert(id.clone(), theirs.clone());
                    changed = true;
                }
            }
        }
        changed |= self.merge_last(other.last_at, &other.last);
        changed |= merge_map(&mut self.issues, &other.issues, IssueState::merge);
        changed |= merge_map(&mut self.ui, &other.ui, UiEntry::merge);
        if other.version > self.version {
            self.version = other.version;
            changed = true;
        }
        self.unknown.merge(&other.unknown) || changed
    }

    /// The `last` register alone: `last` as of time `at` wins if later.
    pub(crate) fn merge_last(&mut self, at: u64, last: &Option<LastOpen>) -> bool {
        if (at, last) > (self.last_at, &self.last) {
            self.last_at = at;
            self.last = last.clone();
            return true;
        }
        false
    }

    /// `a` merged with `b`, as a new value.
    pub fn merged(a: &State, b: &State) -> State {
        let mut out = a.clone();
        out.merge(b);
        out
    }
}

/// Fold `theirs` into `ours` key by key, merging the values both have.
fn merge_map<V: Clone>(
    ours: &mut BTreeMap<String, V>,
    theirs: &BTreeMap<String, V>,
    merge: impl Fn(&mut V, &V) -> bool,
) -> bool {
    let mut changed = false;
    for (key, value) in theirs {
        match ours.get_mut(key) {
            Some(mine) => changed |= merge(mine, value),
            None => {
                ours.insert(key.clone(), value.clone());
                changed = true;
            }
        }
    }
    changed
}

/// Now in ms since the epoch, but always after `previous` and after every
/// stamp this process gave before: a change must supersede the value it
/// replaced even if the clock stepped back, and of two changes made here in
/// one millisecond the later must win a merge, not the larger value.
pub(crate) fn stamp_after(previous: u64) -> u64 {
    static LAST_GIVEN: AtomicU64 = AtomicU64::new(0);
    let floor = previous.saturating_add(1);
    let mut given = LAST_GIVEN.load(Ordering::Relaxed);
    loop {
        let stamp = now_ms().max(floor).max(given.saturating_add(1));
        match LAST_GIVEN.compare_exchange_weak(given, stamp, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => return stamp,
            Err(seen) => given = seen,
        }
    }
}

/// Now in ms since the epoch (0 if the clock is before it).
pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

fn json_text(value: &serde_json::Value) -> String {
    value.to_string()
}

fn current_version() -> u32 {
    VERSION
}

fn is_false(value: &bool) -> bool {
    !*value
}

fn is_zero(value: &u64) -> bool {
    *value == 0
}

fn is_auto(by: &ReadBy) -> bool {
    *by == ReadBy::Auto
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_given_in_one_process_only_increase() {
        // Thousands of stamps fall in one millisecond; each must still be
        // later than the one before, whatever `previous` says.
        let mut before = stamp_after(0);
        for _ in 0..10_000 {
            let next = stamp_after(0);
            assert!(next > before, "{next} after {before}");
            before = next;
        }
    }

    #[test]
    fn setters_stamp_and_repeat_is_a_no_op() {
        let mut state = State::default();
        state.set_read("a", true);
        let after_first = state.clone();
        state.set_read("a", true);
        assert_eq!(state, after_first);
        state.set_position("a", 10);
        state.set_position("a", 10);
        assert_eq!(state.position("a"), Some(10));
        assert!(state.articles["a"].position_at > 0);
    }

    #[test]
    fn an_unstar_beats_the_older_star_it_replaced() {
        let mut ours = State::default();
        ours.toggle_star("x");
        let theirs = ours.clone();
        ours.toggle_star("x");
        assert!(!State::merged(&ours, &theirs).is_starred("x"));
        assert!(!State::merged(&theirs, &ours).is_starred("x"));
    }

    #[test]
    fn starred_ids_lists_only_starred() {
        let mut state = State::default();
        state.toggle_star("b");
        state.toggle_star("a");
        state.set_read("c", true);
        state.toggle_star("d");
        state.toggle_star("d");
        assert_eq!(state.starred_ids().collect::<Vec<_>>(), ["a", "b"]);
    }

    #[test]
    fn a_place_is_kept_only_beside_a_record_and_stamped_once() {
        let mut state = State::default();
        state.set_place("a", "x.md", "A");
        assert!(state.articles.is_empty(), "a preview leaves no trace");
        state.set_read("a", true);
        state.set_place("a", "x.md", "A");
        let stamped = state.clone();
        state.set_place("a", "x.md", "A");
        assert_eq!(state, stamped);
        assert_eq!(state.articles["a"].issue.as_deref(), Some("x.md"));
        assert!(state.articles["a"].issue_at > 0);
        state.set_read("b", true);
        state.set_read("c", true);
        state.set_place("c", "x.md", "C");
        state.set_read("c", false);
        assert_eq!(state.read_per_issue().get("x.md"), Some(&1));
    }

    #[test]
    fn a_record_without_a_place_loads_with_none() {
        let state: State =
            serde_json::from_str(r#"{"version":1,"articles":{"a":{"read":true,"read_at":5}}}"#)
                .unwrap();
        let a = &state.articles["a"];
        assert!(a.read && a.issue.is_none() && a.headline.is_none() && a.issue_at == 0);
        assert!(a.unknown.0.is_empty());
    }
}
