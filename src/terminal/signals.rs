//! Signals and panics end the program through the same door: persist,
//! restore the terminal, then (for a panic) print. The signal thread does
//! not depend on the event loop: when an SSH link drops, crossterm's reader
//! can spin without ever returning (crossterm-rs/crossterm#793), so SIGHUP
//! must be handled where that loop cannot block it.

use std::io;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::thread::JoinHandle;

use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::{Handle, Signals};

use super::{SELF_STOPPED, request_resume, restore_and_hold, stop_self, wake};

/// What to do before the terminal is restored on the way out (save state).
pub type OnExit = Arc<dyn Fn() + Send + Sync>;

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
            on_exit();
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
        on_exit();
        let _out = restore_and_hold();
        default(info);
        std::process::exit(101);
    }));
}
