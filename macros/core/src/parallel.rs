//! Work spread over the cores: the compiler's per-page stages (parsing and rendering,
//! compression) are independent, and the machines building sites have several cores.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `f` applied to every item, on as many threads as there are cores; results in item order.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    if threads == 1 || items.len() < 2 {
        return items.iter().map(f).collect();
    }
    // Each thread takes the next few items when it is done with its own: a thread that gets
    // the big pages of a folder, or less of a core (the macro compresses while its main thread
    // makes tokens), does not hold up the others.
    let next = AtomicUsize::new(0);
    let (f, next) = (&f, &next);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(move || {
                    let mut done = Vec::new();
                    loop {
                        let start = next.fetch_add(ITEMS_PER_TAKE, Ordering::Relaxed);
                        let rest = items.get(start..).filter(|rest| !rest.is_empty());
                        let Some(taken) = rest else {
                            return done;
                        };
                        let taken = taken.iter().take(ITEMS_PER_TAKE).enumerate();
                        done.extend(taken.map(|(offset, item)| (start + offset, f(item))));
                    }
                })
            })
            .collect();
        let mut results: Vec<(usize, R)> = Vec::with_capacity(items.len());
        for worker in workers {
            match worker.join() {
                Ok(part) => results.extend(part),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        results.sort_unstable_by_key(|(index, _)| *index);
        results.into_iter().map(|(_, result)| result).collect()
    })
}

/// `f` applied to every item in place, on as many threads as there are cores: for work that
/// replaces a large part of each item, whose old part is then freed as the new one is made
/// rather than once every new one is.
pub fn for_each_mut<T: Send>(items: &mut [T], f: impl Fn(&mut T) + Sync) {
    let cells: Vec<std::sync::Mutex<&mut T>> =
        items.iter_mut().map(std::sync::Mutex::new).collect();
    // Each cell is taken by one thread only: its lock is never contended.
    map(&cells, |cell| {
        if let Ok(mut item) = cell.lock() {
            f(&mut item);
        }
    });
}

/// Items a thread takes at a time: few enough to share the end of the work evenly, enough
/// that taking them costs nothing next to a page.
const ITEMS_PER_TAKE: usize = 8;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_is_changed_in_place_once() {
        let mut items: Vec<u32> = (0..1001).collect();
        for_each_mut(&mut items, |x| *x *= 2);
        assert_eq!(items, (0..1001).map(|x| x * 2).collect::<Vec<_>>());
    }

    #[test]
    fn results_keep_the_order_of_the_items() {
        let items: Vec<u32> = (0..1001).collect();
        assert_eq!(
            map(&items, |x| x * 2),
            items.iter().map(|x| x * 2).collect::<Vec<_>>()
        );
    }
}
