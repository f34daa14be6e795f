//! Zero-initialised buffers for dense `n × n` work and the sparse solver's vectors (`f64`, or
//! `f32` lanes packed for gathers).
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

use bytemuck::Pod;

/// Buffers at least this large (4 MiB, numpy's threshold) ask for huge pages.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
pub const HUGE_PAGE_MIN_BYTES: usize = 4 << 20;

/// A zero-initialised slice of `T` (`f64` unless said otherwise), huge-page backed when large
/// (see the module docs).
pub struct Buffer<T: Pod = f64> {
    inner: Inner<T>,
}

enum Inner<T> {
    Heap(Vec<T>),
    #[cfg(target_os = "linux")]
    Mapped {
        map: memmap2::MmapMut,
        len: usize,
    },
}

impl<T: Pod> Buffer<T> {
    /// `len` zeros.
    #[must_use]
    pub fn zeroed(len: usize) -> Self {
        #[cfg(target_os = "linux")]
        if len.saturating_mul(size_of::<T>()) >= HUGE_PAGE_MIN_BYTES {
            if let Ok(map) = memmap2::MmapMut::map_anon(len * size_of::<T>()) {
                // only a hint: a kernel without transparent huge pages refuses, which is fine
                let _ = map.advise(memmap2::Advice::HugePage);
                return Self {
                    inner: Inner::Mapped { map, len },
                };
            }
        }
        Self {
            inner: Inner::Heap(vec![T::zeroed(); len]),
        }
    }

    /// A buffer holding a copy of `values`.
    #[must_use]
    pub fn from_slice(values: &[T]) -> Self {
        let mut b = Self::zeroed(values.len());
        b.copy_from_slice(values);
        b
    }
}

impl<T: Pod> From<Vec<T>> for Buffer<T> {
    /// Takes the vector as it is (no copy).
    fn from(v: Vec<T>) -> Self {
        Self {
            inner: Inner::Heap(v),
        }
    }
}

impl<T: Pod> Deref for Buffer<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        match &self.inner {
            Inner::Heap(v) => v,
            // a map is page-aligned and its length a multiple of size_of::<T>(): the cast
            // cannot fail
            #[cfg(target_os = "linux")]
            Inner::Mapped { map, len } => bytemuck::cast_slice(&map[..len * size_of::<T>()]),
        }
    }
}

impl<T: Pod> DerefMut for Buffer<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        match &mut self.inner {
            Inner::Heap(v) => v,
            #[cfg(target_os = "linux")]
            Inner::Mapped { map, len } => {
                bytemuck::cast_slice_mut(&mut map[..*len * size_of::<T>()])
            }
        }
    }
}

impl<'a, T: Pod> IntoIterator for &'a Buffer<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T: Pod> Clone for Buffer<T> {
    fn clone(&self) -> Self {
        Self::from_slice(self)
    }
}

impl<T: Pod> fmt::Debug for Buffer<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Buffer").field("len", &self.len()).finish()
    }
}

impl<T: Pod + PartialEq> PartialEq for Buffer<T> {
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
        // packed f32 lanes: the mapped bytes are read as pairs
        let mut lanes = Buffer::<[f32; 2]>::zeroed(HUGE_PAGE_MIN_BYTES / 8 + 1);
        assert!(lanes.iter().all(|l| *l == [0.0, 0.0]));
        lanes[7] = [1.5, -2.0];
        assert_eq!(lanes.clone()[7], [1.5, -2.0]);
    }
}
