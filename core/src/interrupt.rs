//! Cooperative interruption of long calls: a caller (the Python binding, on Ctrl-C) runs a
//! computation under a flag with [`with_flag`]; the long loops of the core (structural paths,
//! cycle search, model LMk, sparse solves, the leak ranking, atlases, the report's stages)
//! look at it every few milliseconds with [`check`] and stop with [`Error::Interrupted`].
//! Without a flag (Rust and WebAssembly callers by default) a check costs one thread-local
//! read. A dense LU factorisation is not interrupted inside: it is one call of faer (its time
//! at n = 2,000 is in the benchmarks page, `docs/src/benchmarks.md`), and the check follows it.
//!
//! The flag is thread-local; [`crate::atlas`] hands it on to the rayon threads that work for
//! the caller.

use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::{Error, Result};

thread_local! {
    static FLAG: RefCell<Option<Arc<AtomicBool>>> = const { RefCell::new(None) };
}

/// Runs `f` with `flag` as this thread's interruption flag (the previous one restored after).
pub fn with_flag<R>(flag: Option<Arc<AtomicBool>>, f: impl FnOnce() -> R) -> R {
    let previous = FLAG.with(|cell| cell.replace(flag));
    struct Restore(Option<Option<Arc<AtomicBool>>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0.take().flatten();
            FLAG.with(|cell| *cell.borrow_mut() = previous);
        }
    }
    let _restore = Restore(Some(previous));
    f()
}

/// This thread's interruption flag, to hand on to threads working for the same call.
#[must_use]
pub fn current() -> Option<Arc<AtomicBool>> {
    FLAG.with(|cell| cell.borrow().clone())
}

/// Whether the current call was asked to stop.
#[must_use]
pub fn requested() -> bool {
    FLAG.with(|cell| {
        cell.borrow()
            .as_ref()
            .is_some_and(|f| f.load(Ordering::Relaxed))
    })
}

/// `Err(Error::Interrupted)` naming `what` when the current call was asked to stop.
///
/// # Errors
///
/// [`Error::Interrupted`] when the flag of [`with_flag`] is set.
pub fn check(what: &str) -> Result<()> {
    if requested() {
        Err(Error::Interrupted { what: what.into() })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flag_is_seen_only_inside_its_call_and_restored_after() {
        assert!(check("x").is_ok());
        let flag = Arc::new(AtomicBool::new(false));
        with_flag(Some(flag.clone()), || {
            assert!(check("x").is_ok());
            flag.store(true, Ordering::Relaxed);
            let e = check("the search").unwrap_err();
            assert_eq!(e.code(), "interrupted");
            assert!(e.to_string().contains("the search"));
            // a nested call without a flag does not see it
            with_flag(None, || assert!(check("x").is_ok()));
            assert!(requested());
        });
        assert!(!requested());
    }
}
