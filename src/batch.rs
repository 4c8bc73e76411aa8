//! Working through a batch of files in parallel while handing the results on in order.
//!
//! A supervisor's folder may hold a hundred thousand reports. Collecting every file's outcome
//! before printing would keep every document in memory at once; printing as files finish
//! would scramble the order. [`ordered`] does neither: workers take files in order, but no
//! worker starts a file more than `window` places past the oldest file not yet handed on, and
//! each outcome is handed on as soon as every earlier one has been. At most `window` outcomes
//! are alive at any time, however many files there are.

use std::collections::VecDeque;
use std::sync::{mpsc, Condvar, Mutex};

/// How many files may be in flight (being checked, or done and waiting for an earlier file)
/// per worker. Enough that one slow file does not idle the other workers for long; small
/// enough that memory stays that of a handful of documents.
pub const WINDOW_PER_JOB: usize = 8;

/// Run `work` on every item with `jobs` workers of rayon's pool, and call `emit` on the
/// outcomes in the items' order, on the calling thread (which must not be one of the pool's).
pub fn ordered<T>(
    count: usize,
    jobs: usize,
    work: impl Fn(usize) -> T + Sync,
    mut emit: impl FnMut(usize, T),
) where
    T: Send,
{
    let jobs = jobs.max(1).min(count.max(1));
    if jobs == 1 {
        // One worker: no threads, no window; each file is handed on as it is done.
        for i in 0..count {
            emit(i, work(i));
        }
        return;
    }
    let window = jobs * WINDOW_PER_JOB;
    // `next` is the next item to start; `floor` the oldest not yet handed on.
    let state = Mutex::new((0usize, 0usize));
    let moved = Condvar::new();
    let (send, receive) = mpsc::channel::<(usize, T)>();
    rayon::in_place_scope(|scope| {
        for _ in 0..jobs {
            let send = send.clone();
            let (state, moved, work) = (&state, &moved, &work);
            scope.spawn(move |_| loop {
                let index = {
                    let mut s = state.lock().unwrap_or_else(|e| e.into_inner());
                    while s.0 < count && s.0 >= s.1 + window {
                        s = moved.wait(s).unwrap_or_else(|e| e.into_inner());
                    }
                    if s.0 >= count {
                        return;
                    }
                    s.0 += 1;
                    s.0 - 1
                };
                if send.send((index, work(index))).is_err() {
                    return;
                }
            });
        }
        drop(send);
        // However this loop ends (a panic in `emit` too), no worker waits for it any more:
        // nothing is left to start.
        let _release = Release {
            state: &state,
            moved: &moved,
            end: count,
        };
        // Outcomes that arrived before an earlier one: slot `k` holds item `floor + k`.
        let mut waiting: VecDeque<Option<T>> = VecDeque::new();
        let mut floor = 0;
        for (index, outcome) in receive {
            let slot = index - floor;
            if waiting.len() <= slot {
                waiting.resize_with(slot + 1, || None);
            }
            waiting[slot] = Some(outcome);
            let before = floor;
            while let Some(Some(_)) = waiting.front() {
                let ready = waiting.pop_front().flatten().expect("front is ready");
                emit(floor, ready);
                floor += 1;
            }
            if floor != before {
                state.lock().unwrap_or_else(|e| e.into_inner()).1 = floor;
                moved.notify_all();
            }
        }
    });
}

/// Marks every item as started when dropped, and wakes the workers waiting for the window.
struct Release<'a> {
    state: &'a Mutex<(usize, usize)>,
    moved: &'a Condvar,
    end: usize,
}

impl Drop for Release<'_> {
    fn drop(&mut self) {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).0 = self.end;
        self.moved.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn outcomes_come_in_order_whatever_order_they_finish_in() {
        let mut seen = Vec::new();
        ordered(
            500,
            4,
            |i| {
                let i = i as u64;
                // Early items take longest, so later ones finish first.
                if i.is_multiple_of(7) {
                    std::thread::sleep(std::time::Duration::from_micros(300));
                }
                i * 2
            },
            |index, value| seen.push((index, value)),
        );
        let expected: Vec<(usize, u64)> = (0..500).map(|i| (i as usize, i * 2)).collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn no_more_than_the_window_is_in_flight() {
        let alive = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let jobs = 3;
        ordered(
            300,
            jobs,
            |i| {
                let now = alive.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                // The first item is slow: without a window the others would all pile up.
                if i == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                i
            },
            |_, _| {
                alive.fetch_sub(1, Ordering::SeqCst);
            },
        );
        let most = most.load(Ordering::SeqCst);
        assert!(
            most <= jobs * WINDOW_PER_JOB,
            "{most} outcomes alive at once"
        );
        assert!(most > 1, "the workers ran in parallel");
    }

    #[test]
    fn a_panic_while_handing_on_ends_the_batch_instead_of_hanging_it() {
        let (done, finished) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let outcome = std::panic::catch_unwind(|| {
                ordered(200, 2, |i| i, |index, _| assert!(index < 3, "emit fails"));
            });
            let _ = done.send(outcome.is_err());
        });
        let panicked = finished
            .recv_timeout(std::time::Duration::from_secs(20))
            .expect("the batch ended");
        assert!(panicked);
    }

    #[test]
    fn one_job_and_no_items() {
        let mut seen = Vec::new();
        ordered(3, 1, |i| i + 1, |_, v| seen.push(v));
        assert_eq!(seen, [1, 2, 3]);
        ordered(0, 4, |i| i, |_, _| panic!("no items"));
    }
}
