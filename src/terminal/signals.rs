//! Signals and panics end the program through the same door: persist,
//! restore the terminal, then (for a panic) print. The signal thread does
//! not depend on the event loop: when an SSH link drops, crossterm's reader
//! can spin without ever returning (crossterm-rs/crossterm#793), so SIGHUP
//! must be handled where that loop cannot block it.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::{Handle, Signals};

use super::{SELF_STOPPED, request_resume, restore_and_hold, stop_self, wake};

/// What to do before the terminal is restored on the way out (save state).
/// It runs at most once per process, on a thread of its own, and the way
/// out waits for it at most [`PERSIST_LIMIT`].
pub type OnExit = Arc<dyn Fn() + Send + Sync>;

/// How long a signal or a panic waits for the state to be persisted before
/// it restores the terminal and ends anyway. A save takes tens of
/// milliseconds and waits at most a second for another instance's lock;
/// a state folder on a hung network disk must not keep the process (and
/// the terminal) hostage.
pub const PERSIST_LIMIT: Duration = Duration::from_secs(3);

/// Set by the first way out that starts persisting.
static PERSIST_STARTED: AtomicBool = AtomicBool::new(false);
/// Set once `on_exit` has returned.
static PERSIST_DONE: AtomicBool = AtomicBool::new(false);

/// The running signal thread; closed on drop.
#[derive(Debug)]
pub struct SignalThread {
    handle: Handle,
    thread: Option<JoinHandle<()>>,
}

impl Drop for SignalThread {
    fn drop(&mut self) {
        self.handle.close();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Handle SIGTERM, SIGINT and SIGHUP (persist, restore, exit 128+n; never
/// print: on a hang-up stderr is gone and `eprintln!` would panic), SIGTSTP
/// (restore and stop) and SIGCONT (re-enter and redraw).
pub fn spawn_signal_thread(on_exit: OnExit) -> io::Result<SignalThread> {
    let mut signals = Signals::new([SIGTERM, SIGINT, SIGHUP, SIGTSTP, SIGCONT])?;
    let handle = signals.handle();
    let thread = std::thread::Builder::new()
        .name("signals".to_owned())
        .spawn(move || {
            for signal in signals.forever() {
                on_signal(signal, &on_exit);
            }
        })?;
    Ok(SignalThread {
        handle,
        thread: Some(thread),
    })
}

fn on_signal(signal: i32, on_exit: &OnExit) {
    match signal {
        SIGTSTP => {
            // Stopped from outside (`kill -TSTP`): give the shell its
            // terminal back at once, whatever the event loop is doing.
            if stop_self().is_ok() {
                // Continued. Whether in the background (`bg`: stay
                // stopped) or the foreground (`fg`: re-enter, redraw) is
                // the event loop's decision alone: a second thread that
                // also stopped and restored could be frozen between its
                // check and its stop by the loop's own stop, and after
                // `fg` undo the loop's fresh redraw (seen in the race
                // test). The restore cleared the modes; the loop, woken
                // out of its poll, finds that and claims the terminal.
                wake();
            }
        }
        SIGCONT => {
            // Our own stops are resumed by whoever stopped; any other
            // continue (after an outside SIGSTOP) needs a full redraw.
            if !SELF_STOPPED.swap(false, Ordering::SeqCst) {
                request_resume();
            }
        }
        _ => {
            persist_within(on_exit, PERSIST_LIMIT);
            let _out = restore_and_hold();
            std::process::exit(128 + signal);
        }
    }
}

/// On a panic in any thread: persist, restore, print the message, exit
/// with 101. Exiting here (not unwinding) means a panic in a worker thread
/// never leaves a half-restored live screen behind.
pub fn install_panic_hook(on_exit: OnExit) {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        persist_within(&on_exit, PERSIST_LIMIT);
        let _out = restore_and_hold();
        default(info);
        std::process::exit(101);
    }));
}

/// Run `on_exit` once per process, waiting at most `limit` for it. It runs
/// on a thread of its own, so a save stuck in the kernel (a hung network
/// disk) cannot stop the terminal from being restored. A second way out
/// (a SIGTERM during a panic's save, or a panic inside the save itself,
/// whose hook comes back here) does not start another save: it waits, as
/// boundedly, for the first to finish, so that nothing restores the
/// terminal and exits while the state is still being written.
pub fn persist_within(on_exit: &OnExit, limit: Duration) {
    if PERSIST_STARTED.swap(true, Ordering::SeqCst) {
        let start = Instant::now();
        while !PERSIST_DONE.load(Ordering::SeqCst) && start.elapsed() < limit {
            std::thread::sleep(Duration::from_millis(1));
        }
        return;
    }
    let (done, finished) = mpsc::channel();
    let task = Arc::clone(on_exit);
    let spawned = std::thread::Builder::new()
        .name("persist".to_owned())
        .spawn(move || {
            task();
            PERSIST_DONE.store(true, Ordering::SeqCst);
            let _ = done.send(());
        });
    match spawned {
        Ok(_) => {
            let _ = finished.recv_timeout(limit);
        }
        // No thread to spare (out of memory or pids): persist here,
        // unbounded, rather than not at all.
        Err(_) => {
            on_exit();
            PERSIST_DONE.store(true, Ordering::SeqCst);
        }
    }
}
