//! Any bytes as an issue file, through the whole chain: the invariants are
//! those of the `safety` tests' `chain::check` (this file includes it), plus
//! a bound on the time per byte, which only a long run at large inputs can
//! test (the quadratic flag run took 0.19 s for 50 KB before it was fixed).

#![no_main]

use std::time::Duration;

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/safety/chain.rs"]
mod chain;

/// CPU time of this thread, not wall time: on a loaded machine (a load of
/// 20 on 2 cores) a 0.23 s input took 7 s of wall time and was reported as
/// slow.
fn thread_cpu_time() -> Duration {
    let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `now` is a valid timespec for clock_gettime to fill.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}

/// Generous for an instrumented build (ASan, coverage, debug assertions:
/// some 30 times slower) on a loaded machine: the whole chain at all 14
/// settings takes about 3.4 µs a byte in a release build (a run of flags
/// broken by U+FFFD, `tests/safety/fixtures/fuzz-flags-with-fffd.md`, which
/// a tighter bound reported). A quadratic step shows up as a timeout on
/// large inputs instead (`-timeout`).
const BASE: Duration = Duration::from_secs(1);
const PER_BYTE: Duration = Duration::from_millis(1);

fuzz_target!(|data: &[u8]| {
    let started = thread_cpu_time();
    if let Err(broken) = chain::check(data) {
        panic!("{broken}");
    }
    let took = thread_cpu_time().saturating_sub(started);
    let bound = BASE + PER_BYTE * u32::try_from(data.len()).unwrap_or(u32::MAX);
    assert!(took <= bound, "{} bytes took {took:?}", data.len());
});
