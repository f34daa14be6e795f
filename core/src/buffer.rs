//! Zero-initialised `f64` buffers for dense `n × n` work.
//!
//! A fresh large allocation is paid for page by page on first touch: on the 2-core benchmark
//! machine a 4 KiB page fault costs about 2 µs, so filling one 32 MB matrix (n = 2000) costs
//! ≈ 17 ms before any arithmetic — a sixth of the LU itself. numpy avoids this by advising
//! the kernel to back large arrays with transparent huge pages (2 MiB); on Linux the buffers
//! here do the same: at [`HUGE_PAGE_MIN_BYTES`] and above they are anonymous memory maps
//! (memmap2) advised `MADV_HUGEPAGE`. Everywhere else, and if the map fails, they are plain
//! vectors. The advice is a hint: correctness never depends on it.

use std::fmt;
use std::ops::{Deref, DerefMut};

/// Buffers at least this large (4 MiB, numpy's threshold) ask for huge pages.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
pub const HUGE_PAGE_MIN_BYTES: usize = 4 << 20;

/// A zero-initialised slice of `f64`, huge-page backed when large (see the module docs).
pub struct Buffer {
    inner: Inner,
}

enum Inner {
    Heap(Vec<f64>),
    #[cfg(target_os = "linux")]
    Mapped {
        map: memmap2::MmapMut,
        len: usize,
    },
}

impl Buffer {
    /// `len` zeros.
    #[must_use]
    pub fn zeroed(len: usize) -> Self {
        #[cfg(target_os = "linux")]
        if len.saturating_mul(8) >= HUGE_PAGE_MIN_BYTES {
            if let Ok(map) = memmap2::MmapMut::map_anon(len * 8) {
                // only a hint: a kernel without transparent huge pages refuses, which is fine
                let _ = map.advise(memmap2::Advice::HugePage);
                return Self {
                    inner: Inner::Mapped { map, len },
                };
            }
        }
        Self {
            inner: Inner::Heap(vec![0.0; len]),
        }
    }

    /// A buffer holding a copy of `values`.
    #[must_use]
    pub fn from_slice(values: &[f64]) -> Self {
        let mut b = Self::zeroed(values.len());
        b.copy_from_slice(values);
        b
    }
}

impl From<Vec<f64>> for Buffer {
    /// Takes the vector as it is (no copy).
    fn from(v: Vec<f64>) -> Self {
        Self {
            inner: Inner::Heap(v),
        }
    }
}

impl Deref for Buffer {
    type Target = [f64];

    fn deref(&self) -> &[f64] {
        match &self.inner {
            Inner::Heap(v) => v,
            // a map is page-aligned and its length a multiple of 8: the cast cannot fail
            #[cfg(target_os = "linux")]
            Inner::Mapped { map, len } => bytemuck::cast_slice(&map[..len * 8]),
        }
    }
}

impl DerefMut for Buffer {
    fn deref_mut(&mut self) -> &mut [f64] {
        match &mut self.inner {
            Inner::Heap(v) => v,
            #[cfg(target_os = "linux")]
            Inner::Mapped { map, len } => bytemuck::cast_slice_mut(&mut map[..*len * 8]),
        }
    }
}

impl<'a> IntoIterator for &'a Buffer {
    type Item = &'a f64;
    type IntoIter = std::slice::Iter<'a, f64>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl Clone for Buffer {
    fn clone(&self) -> Self {
        Self::from_slice(self)
    }
}

impl fmt::Debug for Buffer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Buffer").field("len", &self.len()).finish()
    }
}

impl PartialEq for Buffer {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_and_large_buffers_start_at_zero_and_hold_what_is_written() {
        for len in [0, 3, HUGE_PAGE_MIN_BYTES / 8 + 5] {
            let mut b = Buffer::zeroed(len);
            assert_eq!(b.len(), len);
            assert!(b.iter().all(|v| *v == 0.0));
            for (i, v) in b.iter_mut().enumerate() {
                *v = i as f64;
            }
            let c = b.clone();
            assert_eq!(c, b);
            assert!(c.iter().enumerate().all(|(i, x)| *x == i as f64));
            let v = Buffer::from(vec![1.0, 2.0]);
            assert_eq!(&*v, &[1.0, 2.0]);
        }
    }
}
