//! The state file on disk: reading and classifying it, moving a damaged one
//! aside, and replacing it atomically.

use crate::i18n::t;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use super::state::{State, VERSION};
use crate::model::{Date, days};

/// Faults to inject into a save, for the cases a test cannot produce for
/// real: tests run as root, where `chmod` refuses nothing, and a full disk
/// is hard to arrange. Each code is an OS error number (13 EACCES, 28
/// ENOSPC, 30 EROFS).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Faults {
    /// Creating the temp file fails with this error.
    pub create: Option<i32>,
    /// Writing the temp file fails with this error after half is written.
    pub write: Option<i32>,
    /// Stop after the temp file is written and synced, before the rename,
    /// leaving the temp behind as a crash (`kill -9`) there would.
    pub crash_before_rename: bool,
    /// How long a save waits for the lock (tests shorten it).
    pub lock_wait: Option<std::time::Duration>,
}

/// What was found at the state path.
#[derive(Debug)]
pub(crate) enum Loaded {
    Missing,
    Good(State),
    /// Written by a newer version: what could be understood, and its version.
    Newer(State, u64),
    /// Not a state file this version can read; the reason.
    Corrupt(String),
}

/// Follow a chain of symlinks to the file that is really written, even when
/// the last link dangles (the target is then created). A symlinked state
/// file thereby keeps its link: `rename` onto the link itself would replace it.
pub(crate) fn resolve(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    // Bounded like the kernel's own limit; a loop then fails to read (ELOOP)
    // and so is never written.
    for _ in 0..40 {
        let is_link = fs::symlink_metadata(&current).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            break;
        }
        let Ok(target) = fs::read_link(&current) else {
            break;
        };
        current = match current.parent() {
            Some(dir) => dir.join(target),
            None => target,
        };
    }
    current
}

/// Read and classify the file at `path`. An I/O error other than "not found"
/// (EACCES, EISDIR, ELOOP) is returned: such a file must be left alone.
pub(crate) fn read(path: &Path) -> io::Result<Loaded> {
    let bytes = crate::library::open_regular(path).and_then(|mut file| {
        let mut bytes = Vec::new();
        io::Read::read_to_end(&mut file, &mut bytes).map(|_| bytes)
    });
    match bytes {
        Ok(bytes) => Ok(classify(&bytes)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(Loaded::Missing),
        Err(err) => Err(err),
    }
}

pub(crate) fn classify(bytes: &[u8]) -> Loaded {
    // The common case, a good file, in one pass (a JSON `Value` first would
    // cost three times as much for a large history).
    if let Ok(state) = serde_json::from_slice::<State>(bytes) {
        return match state.version {
            v if v > VERSION => Loaded::Newer(state, u64::from(v)),
            _ => good(state),
        };
    }
    let value: serde_json::Value = match serde_json::from_slice(bytes) {
        Ok(value) => value,
        Err(err) => return Loaded::Corrupt(t!("store.not_json", err = err)),
    };
    let Some(object) = value.as_object() else {
        return Loaded::Corrupt(t!("store.not_an_object", found = json_kind(&value)));
    };
    let version = match object.get("version") {
        None => u64::from(VERSION),
        Some(v) => match v.as_u64() {
            Some(v) => v,
            None => return Loaded::Corrupt(t!("store.version_not_whole", v = v)),
        },
    };
    if version > u64::from(VERSION) {
        return Loaded::Newer(lenient(&value), version);
    }
    match serde_json::from_value::<State>(value) {
        Ok(state) => good(state),
        Err(err) => Loaded::Corrupt(err.to_string()),
    }
}

/// A file of this version or an older one, as this version's state.
fn good(mut state: State) -> Loaded {
    super::migrate::upgrade(&mut state);
    Loaded::Good(state)
}

/// What a newer file says that this version understands: the whole file if
/// its shape is still ours, else each article that still parses.
fn lenient(value: &serde_json::Value) -> State {
    if let Ok(state) = serde_json::from_value::<State>(value.clone()) {
        return state;
    }
    let mut state = State::default();
    if let Some(articles) = value.get("articles").and_then(|a| a.as_object()) {
        for (id, article) in articles {
            if let Ok(article) = serde_json::from_value(article.clone()) {
                state.insert_article(id, article);
            }
        }
    }
    if let Some(last) = value
        .get("last")
        .and_then(|l| serde_json::from_value(l.clone()).ok())
    {
        state.last = Some(last);
    }
    state
}

fn json_kind(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => t!("store.json_null"),
        serde_json::Value::Bool(_) => t!("store.json_boolean"),
        serde_json::Value::Number(_) => t!("store.json_number"),
        serde_json::Value::String(_) => t!("store.json_string"),
        serde_json::Value::Array(_) => t!("store.json_array"),
        serde_json::Value::Object(_) => t!("store.json_object"),
    }
}

/// What tells one version of a file from another without reading it: every
/// save renames a new inode into place, so a changed identity means another
/// instance wrote (or someone edited) the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Identity {
    dev: u64,
    ino: u64,
    len: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
}

#[cfg(unix)]
pub(crate) fn identity(path: &Path) -> Option<Identity> {
    use std::os::unix::fs::MetadataExt;
    let m = fs::metadata(path).ok()?;
    Some(Identity {
        dev: m.dev(),
        ino: m.ino(),
        len: m.len(),
        mtime: (m.mtime(), m.mtime_nsec()),
        ctime: (m.ctime(), m.ctime_nsec()),
    })
}

/// Without inode numbers the file is re-read before every save.
#[cfg(not(unix))]
pub(crate) fn identity(_path: &Path) -> Option<Identity> {
    None
}

/// A sibling of `path` named `<file name><suffix>`.
pub(crate) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

fn temp_prefix(path: &Path) -> String {
    format!(
        ".{}.tmp-",
        path.file_name().unwrap_or_default().to_string_lossy()
    )
}

/// Move a damaged file aside as `<name>.corrupt-<UTC time>` and return the
/// new path. Never overwrites an earlier one.
pub(crate) fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let stamp = utc_stamp(SystemTime::now());
    let mut aside = sibling(path, &format!(".corrupt-{stamp}"));
    let mut n = 1;
    while fs::symlink_metadata(&aside).is_ok() {
        n += 1;
        aside = sibling(path, &format!(".corrupt-{stamp}-{n}"));
    }
    fs::rename(path, &aside)?;
    Ok(aside)
}

/// Remove temp files left by a save that was killed before its rename.
/// Call only while holding the lock: a live save's temp must not vanish.
pub(crate) fn remove_stale_temps(path: &Path) {
    let prefix = temp_prefix(path);
    let dir = path.parent().unwrap_or(Path::new("."));
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            // Best effort: a temp that cannot be removed harms nothing.
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Which step of a save failed, for the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    CreateFolder,
    Lock,
    Read,
    Create,
    Write,
    Rename,
    SyncFolder,
}

impl Step {
    /// `cannot lock PATH: ERROR`, in the interface's language (where the
    /// path goes in the sentence depends on the step and the language).
    pub fn cannot(self, path: &str, error: &io::Error) -> String {
        let key = match self {
            Step::CreateFolder => "store.cannot_create_folder",
            Step::Lock => "store.cannot_lock",
            Step::Read => "store.cannot_read",
            Step::Create => "store.cannot_create_temp",
            Step::Write => "store.cannot_write_temp",
            Step::Rename => "store.cannot_replace",
            Step::SyncFolder => "store.cannot_sync_folder",
        };
        t!(key, path = path, error = error)
    }
}

/// Replace `path` with `bytes` so that a crash at any point leaves the old
/// file or the new one, never a mix: temp file in the same folder (so the
/// rename cannot cross file systems), fsync, rename, fsync the folder (so
/// the rename itself survives power loss; LWN 457667). When `backup`, the
/// old file becomes `<name>.bak` first: it parsed, so it is a good generation.
pub(crate) fn write_atomic(
    path: &Path,
    bytes: &[u8],
    backup: bool,
    faults: &Faults,
) -> Result<(), (Step, io::Error)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let temp = path.with_file_name(format!("{}{}-{n}", temp_prefix(path), std::process::id()));
    let mut file = create_temp(&temp, faults).map_err(|e| (Step::Create, e))?;
    if let Err(err) = write_temp(&mut file, bytes, faults) {
        let _ = fs::remove_file(&temp);
        return Err((Step::Write, err));
    }
    drop(file);
    if faults.crash_before_rename {
        return Err((
            Step::Rename,
            io::Error::other("injected crash before rename"),
        ));
    }
    if backup {
        keep_backup(path);
    }
    if let Err(err) = fs::rename(&temp, path) {
        let _ = fs::remove_file(&temp);
        return Err((Step::Rename, err));
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    File::open(dir.unwrap_or(Path::new(".")))
        .and_then(|d| d.sync_all())
        .map_err(|e| (Step::SyncFolder, e))
}

fn create_temp(temp: &Path, faults: &Faults) -> io::Result<File> {
    if let Some(code) = faults.create {
        return Err(io::Error::from_raw_os_error(code));
    }
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Reading history is private.
        options.mode(0o600);
    }
    options.open(temp)
}

fn write_temp(file: &mut File, bytes: &[u8], faults: &Faults) -> io::Result<()> {
    if let Some(code) = faults.write {
        file.write_all(&bytes[..bytes.len() / 2])?;
        return Err(io::Error::from_raw_os_error(code));
    }
    file.write_all(bytes)?;
    file.sync_all()
}

/// Make `<name>.bak` the current file, by hard link (no copy, and the old
/// inode survives the rename), else by copy. A failure only costs the backup.
fn keep_backup(path: &Path) {
    let bak = sibling(path, ".bak");
    let _ = fs::remove_file(&bak);
    if fs::hard_link(path, &bak).is_err() {
        let _ = fs::copy(path, &bak);
    }
}

/// `YYYYMMDDTHHMMSSZ`, for names that sort by time.
pub(crate) fn utc_stamp(time: SystemTime) -> String {
    let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rest = secs % 86_400;
    let date = days::from_day_number(days).unwrap_or(Date {
        year: 1970,
        month: 1,
        day: 1,
    });
    let (hh, mm, ss) = (rest / 3600, rest % 3600 / 60, rest % 60);
    format!(
        "{:04}{:02}{:02}T{hh:02}{mm:02}{ss:02}Z",
        date.year, date.month, date.day
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn stamps_are_utc_dates() {
        assert_eq!(utc_stamp(UNIX_EPOCH), "19700101T000000Z");
        let t = UNIX_EPOCH + Duration::from_secs(1_645_000_000);
        assert_eq!(utc_stamp(t), "20220216T082640Z");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400);
        assert_eq!(utc_stamp(leap), "20000229T000000Z");
    }

    #[test]
    fn classify_tells_corrupt_from_newer() {
        assert!(matches!(classify(b"null"), Loaded::Corrupt(r) if r.contains("null")));
        assert!(matches!(classify(b"[]"), Loaded::Corrupt(r) if r.contains("array")));
        assert!(matches!(classify(b"{\"version\":"), Loaded::Corrupt(_)));
        assert!(matches!(
            classify(b"{\"version\":\"x\"}"),
            Loaded::Corrupt(_)
        ));
        assert!(matches!(
            classify(b"{\"version\":999}"),
            Loaded::Newer(_, 999)
        ));
        assert!(matches!(classify(b"{\"version\":1}"), Loaded::Good(_)));
    }
}
