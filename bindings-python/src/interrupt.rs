//! Ctrl-C for long calls: the core's interruption flag ([`localecon::interrupt`]) set from
//! Python's signal handling.

use pyo3::prelude::*;

use crate::error::IntoPy;

/// Runs a long core call on a worker thread while this thread, the GIL released between
/// looks, checks for Ctrl-C every 50 ms: on KeyboardInterrupt (or any signal handler's
/// exception) the call's interruption flag is set, the core stops at its next check
/// ([`localecon::interrupt`], every few milliseconds in the long loops) and the exception is
/// raised. The inputs are only read, so nothing is left half-changed. Costs one thread
/// spawn (tens of microseconds): used for calls that can run longer than about 100 ms.
pub fn interruptible<T: Send>(
    py: Python<'_>,
    work: impl FnOnce() -> localecon::Result<T> + Send,
) -> PyResult<T> {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, Condvar, Mutex};
    let flag = Arc::new(AtomicBool::new(false));
    // the worker hands its result over here and wakes the caller at once
    let done: (Mutex<Option<localecon::Result<T>>>, Condvar) = (Mutex::new(None), Condvar::new());
    std::thread::scope(|scope| {
        let worker = {
            let (flag, done) = (flag.clone(), &done);
            scope.spawn(move || {
                let result = localecon::interrupt::with_flag(Some(flag), work);
                *done
                    .0
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(result);
                done.1.notify_one();
            })
        };
        let outcome = loop {
            let result = py.detach(|| {
                let slot = done
                    .0
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                let (mut slot, _) = done
                    .1
                    .wait_timeout_while(slot, std::time::Duration::from_millis(50), |r| {
                        r.is_none() && !worker.is_finished()
                    })
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                slot.take()
            });
            if let Some(result) = result {
                break Ok(result);
            }
            if worker.is_finished() {
                // the worker may have handed its result over between the wait's last look
                // and this one: a finished worker has always written its slot, unless it
                // panicked (the join below then raises the panic)
                let late = done
                    .0
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .take();
                if let Some(result) = late {
                    break Ok(result);
                }
                break Ok(Err(localecon::Error::InvalidInput {
                    what: "a long call".into(),
                    message: "its worker thread ended without a result".into(),
                }));
            }
            if let Err(e) = py.check_signals() {
                flag.store(true, Ordering::Relaxed);
                break Err(e);
            }
        };
        // the worker may need the GIL (a progress callback) on its way out
        if let Err(panic) = py.detach(|| worker.join()) {
            std::panic::resume_unwind(panic);
        }
        outcome?.py_err()
    })
}

/// Tables from this many sectors go through [`interruptible`] for the calls whose work
/// grows with the table (the report, scenarios, the leak ranking): below it they finish in
/// milliseconds and run on the calling thread, GIL released, without a worker thread.
pub const INTERRUPTIBLE_MIN_N: usize = 300;

/// [`interruptible_if`] for work on a table (or model) of `n` sectors: long from
/// [`INTERRUPTIBLE_MIN_N`], where its factorisation alone may take seconds (n = 5,000: about
/// a second; the core checks between the factorisation's panels).
pub fn for_n<T: Send>(
    py: Python<'_>,
    n: usize,
    work: impl FnOnce() -> localecon::Result<T> + Send,
) -> PyResult<T> {
    interruptible_if(py, n >= INTERRUPTIBLE_MIN_N, work)
}

/// [`interruptible`] when `long`, else `work` on this thread with the GIL released.
pub fn interruptible_if<T: Send>(
    py: Python<'_>,
    long: bool,
    work: impl FnOnce() -> localecon::Result<T> + Send,
) -> PyResult<T> {
    if long {
        interruptible(py, work)
    } else {
        py.detach(work).py_err()
    }
}
