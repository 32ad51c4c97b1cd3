//! The way out by signal writes the latest place before the process ends,
//! with the exit status 128 + n. The process under test is this test binary
//! itself, started again to run `child` alone: it opens a store, moves,
//! starts the signal thread and waits to be signalled.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Instant;

use broadsheet::store::{Place, Saver, Store};
use broadsheet::terminal::{self, OnExit, PERSIST_LIMIT};

use super::open;

const DIR: &str = "BROADSHEET_TEST_EXIT_DIR";

/// The child: does nothing unless started by `a_signal_writes_…` below.
#[test]
fn child() {
    let Some(dir) = std::env::var_os(DIR) else {
        return;
    };
    let (store, state) = Store::open_at(Path::new(&dir));
    let saver = Arc::new(Saver::new(store, &state));
    let on_exit: OnExit = {
        let saver = Arc::clone(&saver);
        Arc::new(move || {
            saver.flush_on_exit(PERSIST_LIMIT);
        })
    };
    let _signals = terminal::spawn_signal_thread(on_exit).unwrap();
    // Moved, and not yet written: the debounce has not fallen due.
    let place = Place {
        issue: "courier.md",
        article: Some("a1"),
        headline: "Tram line approved",
        position: Some(5900),
    };
    saver.moved(Instant::now(), place);
    assert_eq!(saver.writes(), 0);
    println!("\nchild-ready");
    loop {
        std::thread::park();
    }
}

fn signalled_child_saves(signal: i32) {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut child = Command::new(exe)
        .args([
            "--exact",
            &crate::harness::test_name(module_path!(), "child"),
            "--nocapture",
            "--test-threads=1",
        ])
        .env(DIR, dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let ready = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .any(|line| line.ends_with("child-ready"));
    assert!(ready, "the child never got ready");
    let pid = i32::try_from(child.id()).unwrap();
    // SAFETY: kill(2) on our own child's pid has no memory effects.
    assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(128 + signal), "{status:?}");
    let (_, saved) = open(dir.path());
    assert_eq!(saved.position("a1"), Some(5900), "SIG{signal}");
    assert_eq!(saved.last.unwrap().article.as_deref(), Some("a1"));
}

#[test]
fn a_hang_up_writes_the_latest_place_before_exit() {
    signalled_child_saves(libc::SIGHUP);
}

#[test]
fn a_sigterm_writes_the_latest_place_before_exit() {
    signalled_child_saves(libc::SIGTERM);
}

#[test]
fn a_sigint_writes_the_latest_place_before_exit() {
    signalled_child_saves(libc::SIGINT);
}
