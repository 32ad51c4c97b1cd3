//! The header cache: what the Issues pane shows for each file, keyed by path,
//! size and modification time, so a second start stats files instead of
//! reading them. One compact JSON file, replaced atomically (temp file in the
//! same folder, fsync, rename), so a crash leaves the old cache or the new
//! one, never half of one. A cache that cannot be read is ignored: it only
//! saves time.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// The cache file's name inside `LibraryOptions::cache_dir`.
pub const CACHE_FILE: &str = "library-headers.json";

/// Bumped when what is cached changes meaning. The build is part of the key
/// too (see `build_id`), since a newer header parser may read the same head
/// better.
const FORMAT: u32 = 1;

/// Size and modification time: a file whose stamp changed is read again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    #[serde(rename = "s")]
    pub size: u64,
    #[serde(rename = "t")]
    pub mtime_secs: i64,
    #[serde(rename = "n")]
    pub mtime_nanos: u32,
}

impl Stamp {
    pub fn of(meta: &fs::Metadata) -> Stamp {
        let (mtime_secs, mtime_nanos) = match meta.modified() {
            Ok(time) => split_time(time),
            Err(_) => (0, 0),
        };
        Stamp {
            size: meta.len(),
            mtime_secs,
            mtime_nanos,
        }
    }
}

fn split_time(time: SystemTime) -> (i64, u32) {
    match time.duration_since(UNIX_EPOCH) {
        Ok(d) => (
            i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
            d.subsec_nanos(),
        ),
        Err(e) => (
            -i64::try_from(e.duration().as_secs()).unwrap_or(i64::MAX),
            e.duration().subsec_nanos(),
        ),
    }
}

/// What the Issues pane needs about one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cached {
    #[serde(flatten)]
    pub stamp: Stamp,
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    pub paper: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(rename = "d", default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(rename = "w", default, skip_serializing_if = "Option::is_none")]
    pub weekday: Option<String>,
    #[serde(rename = "a", default, skip_serializing_if = "Option::is_none")]
    pub articles: Option<usize>,
    #[serde(rename = "e", default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// The encoding `chardetng` chose for the whole file when it was read
    /// (files that are not UTF-8), so that it runs once per file.
    #[serde(rename = "x", default, skip_serializing_if = "Option::is_none")]
    pub detected: Option<String>,
    /// Why the file cannot be opened ("not text"), when it cannot.
    #[serde(rename = "u", default, skip_serializing_if = "Option::is_none")]
    pub unavailable: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
struct CacheFile {
    format: u32,
    version: String,
    /// Path (UTF-8 paths only; others are simply not cached) → header.
    entries: HashMap<String, Cached>,
}

/// The cache in memory, with a note of whether it changed since loading.
#[derive(Debug, Clone, Default)]
pub struct HeaderCache {
    entries: HashMap<String, Cached>,
    dirty: bool,
}

impl HeaderCache {
    /// Load the cache from `dir`; an absent, unreadable or foreign file
    /// gives an empty cache.
    pub fn load(dir: &Path) -> HeaderCache {
        let parsed = fs::read(dir.join(CACHE_FILE))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<CacheFile>(&bytes).ok())
            .filter(|file| file.format == FORMAT && file.version == build_id());
        HeaderCache {
            entries: parsed.map(|file| file.entries).unwrap_or_default(),
            dirty: false,
        }
    }

    /// The cached header of `path`, if its stamp still matches.
    pub fn get(&self, path: &Path, stamp: Stamp) -> Option<&Cached> {
        self.entries
            .get(&key(path)?)
            .filter(|cached| cached.stamp == stamp)
    }

    /// Room for `more` entries at once (inserting a cold start's 100,000
    /// one by one rehashes the table as it doubles, the old and new tables
    /// both held).
    pub fn reserve(&mut self, more: usize) {
        self.entries.reserve(more);
    }

    pub fn insert(&mut self, path: &Path, cached: Cached) {
        let Some(key) = key(path) else { return };
        if self.entries.get(&key) != Some(&cached) {
            self.entries.insert(key, cached);
            self.dirty = true;
        }
    }

    /// Forget files under `root` that were not found this time (deleted).
    /// `seen` is asked about cache keys (see `key`).
    pub fn prune_under(&mut self, root: &Path, seen: &dyn Fn(&str) -> bool) {
        let Ok(root) = std::path::absolute(root) else {
            return;
        };
        let before = self.entries.len();
        self.entries
            .retain(|path, _| !Path::new(path).starts_with(&root) || seen(path));
        self.dirty |= self.entries.len() != before;
    }

    /// Record the encoding detection chose for a whole file.
    pub fn set_detected(&mut self, path: &Path, encoding: &str) {
        let Some(cached) = key(path).and_then(|key| self.entries.get_mut(&key)) else {
            return;
        };
        if cached.detected.as_deref() != Some(encoding) {
            cached.detected = Some(encoding.to_owned());
            self.dirty = true;
        }
    }

    /// Record the article count of a parsed file.
    pub fn set_articles(&mut self, path: &Path, articles: usize) {
        let Some(cached) = key(path).and_then(|key| self.entries.get_mut(&key)) else {
            return;
        };
        if cached.articles != Some(articles) {
            cached.articles = Some(articles);
            self.dirty = true;
        }
    }

    #[cfg(test)]
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Write the cache to `dir` atomically, if it changed.
    pub fn save(&mut self, dir: &Path) -> io::Result<()> {
        if !self.dirty {
            return Ok(());
        }
        let file = CacheFile {
            format: FORMAT,
            version: build_id(),
            entries: std::mem::take(&mut self.entries),
        };
        let bytes = serde_json::to_vec(&file).map_err(io::Error::other);
        self.entries = file.entries;
        fs::create_dir_all(dir)?;
        write_atomic(&dir.join(CACHE_FILE), &bytes?)?;
        self.dirty = false;
        Ok(())
    }
}

/// The crate version and the running program's modification time: a new
/// build, which may parse headers differently, reads every head once more.
fn build_id() -> String {
    let built = std::env::current_exe()
        .and_then(fs::metadata)
        .map(|meta| Stamp::of(&meta))
        .map_or((0, 0), |s| (s.mtime_secs, s.mtime_nanos));
    format!("{}+{}.{}", env!("CARGO_PKG_VERSION"), built.0, built.1)
}

/// The cache key of a file: its absolute path (lexically, without resolving
/// links: no system call), so that starts from other folders share the
/// cache. Paths that are not UTF-8 are not cached.
pub fn key(path: &Path) -> Option<String> {
    std::path::absolute(path)
        .ok()?
        .into_os_string()
        .into_string()
        .ok()
}

/// Replace `path` with `bytes`: a temp file beside it, fsync, rename, fsync
/// the folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let temp = temp_path(path);
    let result = (|| {
        let mut file = File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temp, path)?;
        // The rename is durable only once the folder is synced; some file
        // systems refuse to open a folder for that, which costs nothing.
        if let Ok(folder) = File::open(dir) {
            let _ = folder.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

fn temp_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".tmp.{}", std::process::id()));
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cached(size: u64) -> Cached {
        Cached {
            stamp: Stamp {
                size,
                mtime_secs: 1,
                mtime_nanos: 2,
            },
            paper: Some("报".into()),
            date: Some("2022-02-13".into()),
            weekday: None,
            articles: None,
            encoding: Some("UTF-8".into()),
            detected: None,
            unavailable: None,
        }
    }

    #[test]
    fn round_trip_and_stamp_mismatch() {
        let dir = tempfile::tempdir().unwrap();
        let mut cache = HeaderCache::default();
        cache.insert(Path::new("/a/x.md"), cached(10));
        cache.save(dir.path()).unwrap();
        assert!(!cache.is_dirty());
        let loaded = HeaderCache::load(dir.path());
        let stamp = cached(10).stamp;
        assert_eq!(loaded.get(Path::new("/a/x.md"), stamp), Some(&cached(10)));
        assert_eq!(loaded.get(Path::new("/a/x.md"), cached(11).stamp), None);
    }

    #[test]
    fn keys_are_absolute_so_any_working_folder_shares_them() {
        let cwd = std::env::current_dir().unwrap();
        let expected = cwd
            .join("papers/a.md")
            .into_os_string()
            .into_string()
            .unwrap();
        assert_eq!(key(Path::new("papers/a.md")), Some(expected));
        assert_eq!(key(Path::new("/x/y.md")).as_deref(), Some("/x/y.md"));
    }

    #[test]
    fn garbage_cache_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(CACHE_FILE), b"{not json").unwrap();
        let loaded = HeaderCache::load(dir.path());
        assert_eq!(loaded.get(Path::new("/a/x.md"), cached(10).stamp), None);
    }

    #[test]
    fn prune_forgets_unseen_files_under_root() {
        let mut cache = HeaderCache::default();
        cache.insert(Path::new("/a/x.md"), cached(1));
        cache.insert(Path::new("/b/y.md"), cached(1));
        cache.prune_under(Path::new("/a"), &|_| false);
        assert!(cache.get(Path::new("/a/x.md"), cached(1).stamp).is_none());
        assert!(cache.get(Path::new("/b/y.md"), cached(1).stamp).is_some());
    }
}
