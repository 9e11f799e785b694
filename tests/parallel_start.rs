//! Start-up builds the built-in language packs on all cores (issue 7). They are built
//! lazily, once per process, by whichever thread asks first, and this file is its own
//! process, so the first ask happens here: plain threads (as the test harness runs
//! tests) and rayon workers ask at the same moment. Built with rayon inside the lazy
//! initialisation, a plain thread that wins the race waits for rayon jobs that never
//! run, because every worker is waiting on the initialisation itself.

use std::sync::{Arc, Barrier, mpsc};
use std::time::Duration;

use rayon::prelude::*;

#[test]
fn packs_are_built_once_whoever_asks_first() {
    const PLAIN: usize = 3;
    let start = Arc::new(Barrier::new(PLAIN + 1));
    let (done, finished) = mpsc::channel();
    for _ in 0..PLAIN {
        let (start, done) = (start.clone(), done.clone());
        std::thread::spawn(move || {
            start.wait();
            let _ = done.send(vec![factlint::lang::pack("vi").map(|p| p.code.clone())]);
        });
    }
    std::thread::spawn(move || {
        start.wait();
        let codes: Vec<Option<String>> = (0..64)
            .into_par_iter()
            .map(|_| factlint::lang::pack("de").map(|p| p.code.clone()))
            .collect();
        let _ = done.send(codes);
    });
    // Only a deadlock comes near this limit; the packs build in well under a second.
    let codes: Vec<Option<String>> = (0..=PLAIN)
        .flat_map(|_| {
            finished
                .recv_timeout(Duration::from_secs(120))
                .expect("every thread got its pack")
        })
        .collect();
    assert_eq!(codes.len(), PLAIN + 64);
    assert!(
        codes
            .iter()
            .all(|c| matches!(c.as_deref(), Some("vi") | Some("de"))),
        "{codes:?}"
    );
}
