//! Brotli's allocator for the macro: each thread keeps the encoder's buffers when a body is
//! done and hands them out again, cleared, for the next one.
//!
//! The encoder allocates hundreds of KB for each body (its hash table, command and literal
//! buffers). rustc's allocator, under which the macro runs, gives blocks that large back to the
//! system when they are freed, so allocating them afresh for every page cost page faults, and
//! compressing was far slower than under the system's allocator (BENCHMARKS.md). The brotli
//! crate takes an allocator for this; no crate provides one that reuses, hence this one.

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::collections::HashMap;

use brotli::enc::{BrotliAlloc, StandardAlloc};

/// The allocator: buffers come from, and go back to, the current thread's [`KEPT`].
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Reusing;

/// Buffers given back, by element type and length.
#[derive(Default)]
struct Kept {
    buffers: HashMap<(TypeId, usize), Vec<Box<dyn Any>>>,
    bytes: usize,
}

thread_local! {
    static KEPT: RefCell<Kept> = RefCell::default();
}

/// The most a thread keeps, in bytes: several times what a body of the fast qualities uses,
/// and a bound whatever sizes quality 11 asks for.
const MAX_KEPT_BYTES: usize = 16 << 20;

/// What [`StandardAlloc`] hands out: a boxed slice.
type Cells<T> = <StandardAlloc as brotli::Allocator<T>>::AllocatedMemory;

impl<T: Clone + Default + 'static> brotli::Allocator<T> for Reusing {
    type AllocatedMemory = Cells<T>;

    fn alloc_cell(&mut self, len: usize) -> Cells<T> {
        let kept = KEPT.with_borrow_mut(|kept| {
            let buffer = kept.buffers.get_mut(&(TypeId::of::<T>(), len))?.pop()?;
            kept.bytes -= len * size_of::<T>();
            buffer.downcast::<Box<[T]>>().ok()
        });
        match kept {
            Some(mut buffer) => {
                // As new: the encoder counts on zeroed (default) memory.
                buffer.fill(T::default());
                Cells::from(buffer.into_vec())
            }
            None => StandardAlloc::default().alloc_cell(len),
        }
    }

    fn free_cell(&mut self, cells: Cells<T>) {
        let buffer: Box<[T]> = cells.into();
        let size = buffer.len() * size_of::<T>();
        if size == 0 {
            return;
        }
        KEPT.with_borrow_mut(|kept| {
            if kept.bytes + size <= MAX_KEPT_BYTES {
                kept.bytes += size;
                let same = kept.buffers.entry((TypeId::of::<T>(), buffer.len()));
                same.or_default().push(Box::new(buffer));
            }
        });
    }
}

impl BrotliAlloc for Reusing {}

#[cfg(test)]
mod tests {
    use super::*;
    use brotli::{Allocator as _, SliceWrapper as _, SliceWrapperMut as _};

    #[test]
    fn a_buffer_given_back_is_handed_out_again_cleared() {
        let mut alloc = Reusing;
        let mut first: Cells<u32> = alloc.alloc_cell(1000);
        first.slice_mut().fill(7);
        let address = first.slice().as_ptr();
        alloc.free_cell(first);
        let again: Cells<u32> = alloc.alloc_cell(1000);
        assert_eq!(again.slice().as_ptr(), address, "the same memory");
        assert!(again.slice().iter().all(|&cell| cell == 0), "cleared");
        // Another length or another type is another buffer.
        let other: Cells<u32> = alloc.alloc_cell(999);
        let bytes: Cells<u8> = alloc.alloc_cell(4000);
        assert_ne!(other.slice().as_ptr(), address);
        assert_eq!((other.slice().len(), bytes.slice().len()), (999, 4000));
    }

    #[test]
    fn a_thread_keeps_a_bounded_amount() {
        let mut alloc = Reusing;
        let large: Vec<Cells<u8>> = (0..3)
            .map(|_| alloc.alloc_cell(MAX_KEPT_BYTES / 2))
            .collect();
        for buffer in large {
            alloc.free_cell(buffer);
        }
        assert!(KEPT.with_borrow(|kept| kept.bytes) <= MAX_KEPT_BYTES);
    }
}
