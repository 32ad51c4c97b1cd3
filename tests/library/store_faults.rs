//! Faults around the state file that a test running as root can only
//! inject or arrange: refused writes, a full disk, a crash before the
//! rename, no folder, an unreadable file, no HOME, a dead lock holder.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::store_support;

use std::fs;
use std::path::PathBuf;

use broadsheet::store::{self, Faults, State, Store};
use store_support::{names, state_file};

fn fault(create: Option<i32>, write: Option<i32>) -> Faults {
    Faults {
        create,
        write,
        ..Faults::default()
    }
}

#[test]
fn a_refused_write_keeps_state_in_memory_says_so_once_and_retries() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, mut state) = Store::open_at(dir.path());
    state.toggle_star("old");
    store.save(&state).unwrap();
    let old = fs::read(state_file(dir.path())).unwrap();
    // As if the folder were chmod 0500 or a read-only bind mount (EACCES / EROFS).
    store.set_faults(fault(Some(13), None));
    state.toggle_star("new");
    let err = store.save(&state).unwrap_err();
    let path = state_file(dir.path()).display().to_string();
    assert_eq!(
        err.to_string(),
        format!("cannot create a temp file next to {path}: Permission denied (os error 13)")
    );
    assert_eq!(
        store.take_messages(),
        [format!(
            "reading state kept in memory: {err} (retried on the next change)"
        )]
    );
    state.toggle_star("newer");
    assert!(store.save(&state).is_err());
    assert!(store.messages.is_empty(), "told once");
    assert_eq!(
        fs::read(state_file(dir.path())).unwrap(),
        old,
        "old file intact"
    );
    assert!(
        state.is_starred("new") && state.is_starred("newer"),
        "kept in memory"
    );
    store.set_faults(Faults::default());
    store.save(&state).unwrap();
    assert_eq!(
        store.take_messages(),
        [format!("reading state saved again to {path}")]
    );
    assert!(Store::open_at(dir.path()).1.is_starred("newer"));
}

#[test]
fn a_full_disk_leaves_the_old_file_and_no_temp() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, mut state) = Store::open_at(dir.path());
    state.toggle_star("old");
    store.save(&state).unwrap();
    let old = fs::read(state_file(dir.path())).unwrap();
    store.set_faults(fault(None, Some(28)));
    state.toggle_star("new");
    let err = store.save(&state).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("No space left on device (os error 28)"),
        "{err}"
    );
    assert_eq!(fs::read(state_file(dir.path())).unwrap(), old);
    assert_eq!(names(dir.path()), ["state.json", "state.lock"]);
}

#[test]
fn a_crash_before_the_rename_leaves_the_old_file_and_the_temp_is_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, mut state) = Store::open_at(dir.path());
    state.toggle_star("old");
    store.save(&state).unwrap();
    let old = fs::read(state_file(dir.path())).unwrap();
    store.set_faults(Faults {
        crash_before_rename: true,
        ..Faults::default()
    });
    state.toggle_star("new");
    assert!(store.save(&state).is_err());
    assert_eq!(fs::read(state_file(dir.path())).unwrap(), old);
    assert_eq!(
        names(dir.path()).len(),
        3,
        "the temp is left, as by kill -9"
    );
    let (_, reopened) = Store::open_at(dir.path());
    assert!(reopened.is_starred("old") && !reopened.is_starred("new"));
    assert_eq!(
        names(dir.path()),
        ["state.json", "state.lock"],
        "stale temp removed"
    );
}

#[test]
fn no_folder_for_the_state_means_memory_only_with_one_message() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the folder should be: refused even to root.
    let blocked = dir.path().join("not-a-folder");
    fs::write(&blocked, "x").unwrap();
    let state_dir = blocked.join("broadsheet");
    let (mut store, mut state) = Store::open_at(&state_dir);
    assert_eq!(state, State::default());
    assert_eq!(store.take_messages().len(), 1);
    state.toggle_star("a");
    let err = store.save(&state).unwrap_err();
    assert!(
        err.to_string().starts_with("cannot create the folder "),
        "{err}"
    );
    assert!(
        store.messages.is_empty(),
        "the same failure is not told again"
    );
    assert!(state.is_starred("a"));
}

#[test]
fn an_unreadable_state_file_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    // A folder named state.json cannot be read (EISDIR), even by root.
    fs::create_dir(state_file(dir.path())).unwrap();
    let (mut store, mut state) = Store::open_at(dir.path());
    assert_eq!(store.take_messages().len(), 1);
    state.toggle_star("a");
    let err = store.save(&state).unwrap_err();
    assert!(err.to_string().starts_with("cannot read "), "{err}");
    assert!(state_file(dir.path()).is_dir());
}

#[test]
fn without_home_the_state_has_no_folder() {
    let none = |_: &str| None;
    assert_eq!(store::default_dir(none), None);
    let home = |name: &str| (name == "HOME").then(|| "/home/u".into());
    assert_eq!(
        store::default_dir(home),
        Some(PathBuf::from("/home/u/.local/state/broadsheet"))
    );
    let xdg = |name: &str| match name {
        "XDG_STATE_HOME" => Some("/xdg/state".into()),
        "HOME" => Some("/home/u".into()),
        _ => None,
    };
    assert_eq!(
        store::default_dir(xdg),
        Some(PathBuf::from("/xdg/state/broadsheet"))
    );
    let relative = |name: &str| (name == "XDG_STATE_HOME").then(|| "rel".into());
    assert_eq!(
        store::default_dir(relative),
        None,
        "relative XDG paths are ignored"
    );
    let mut store = Store::default();
    let mut state = State::default();
    state.toggle_star("a");
    store.save(&state).unwrap();
    assert_eq!(store.path(), None);
}

#[test]
fn a_lock_left_by_a_dead_instance_does_not_block() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, mut state) = Store::open_at(dir.path());
    {
        // Another instance takes the lock and dies: the kernel drops it.
        let lock = fs::File::create(dir.path().join("state.lock")).unwrap();
        lock.lock().unwrap();
    }
    state.toggle_star("a");
    store.save(&state).unwrap();
    let lock = fs::File::open(dir.path().join("state.lock")).unwrap();
    assert!(
        lock.try_lock().is_ok(),
        "the store holds the lock only during a save"
    );
}

#[test]
fn a_symlink_loop_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("state.json", state_file(dir.path())).unwrap();
    let (mut store, mut state) = Store::open_at(dir.path());
    assert_eq!(store.take_messages().len(), 1);
    state.toggle_star("a");
    assert!(store.save(&state).is_err());
    let link = fs::symlink_metadata(state_file(dir.path())).unwrap();
    assert!(link.file_type().is_symlink());
}

#[test]
fn a_lock_held_too_long_fails_the_save_instead_of_freezing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, mut state) = Store::open_at(dir.path());
    // Another instance stopped mid-save (Ctrl-Z) keeps the lock.
    let held = fs::File::create(dir.path().join("state.lock")).unwrap();
    held.lock().unwrap();
    store.set_faults(Faults {
        lock_wait: Some(std::time::Duration::ZERO),
        ..Faults::default()
    });
    state.toggle_star("a");
    let err = store.save(&state).unwrap_err();
    let lock = dir.path().join("state.lock").display().to_string();
    assert_eq!(
        err.to_string(),
        format!("cannot lock {lock}: held by another broadsheet for too long")
    );
    drop(held);
    store.save(&state).unwrap();
    assert!(Store::open_at(dir.path()).1.is_starred("a"));
}
