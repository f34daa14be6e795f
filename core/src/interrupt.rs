//! Cooperative interruption of long calls: a caller (the Python binding, on Ctrl-C) runs a
//! computation under a flag with [`with_flag`]; the long loops of the core (structural paths,
//! cycle search, model LMk, sparse solves, the leak ranking, atlases, the report's stages)
//! look at it every few milliseconds with [`check`] and stop with [`Error::Interrupted`].
//! Without a flag (Rust and WebAssembly callers by default) a check costs one thread-local
//! read. A dense LU factorisation from [`crate::linalg::PANELS_MIN_N`] checks between its
//! column panels (about a tenth of a second apart at n = 5,000); below, it is one call of faer
//! (under 20 ms), and the check follows it. An interrupted computation is never kept in a
//! cache (`cached`): the next call computes again.
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

/// The value kept in `cell`, computed by `f` on first use — except an interrupted
/// computation, which is returned without being kept, so that a Ctrl-C leaves no error in a
/// cache and the next call computes again. (Two threads racing on an empty cell may both
/// compute; the first result kept is the one every caller sees.)
pub(crate) fn cached<T>(
    cell: &std::sync::OnceLock<Result<T>>,
    f: impl FnOnce() -> Result<T>,
) -> Result<&T> {
    let kept = match cell.get() {
        Some(kept) => kept,
        None => match f() {
            Err(e @ Error::Interrupted { .. }) => return Err(e),
            computed => cell.get_or_init(|| computed),
        },
    };
    kept.as_ref().map_err(Clone::clone)
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
