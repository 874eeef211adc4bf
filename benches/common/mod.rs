//! A small timing harness shared by the benches: warm up, time many runs,
//! report median and 99th percentile against a budget.
//!
//! Benches report; they never fail a build on a slow machine. Budgets come
//! from docs/performance.md.
#![allow(dead_code)] // each bench uses a different subset

use std::hint::black_box;
use std::time::{Duration, Instant};

/// Times `run` `samples` times (after one warm-up) and prints a line like
/// `load 10-year journal   median 41.2 ms  p99 44.0 ms  (budget 100 ms: ok)`.
pub fn measure<T>(
    name: &str,
    samples: usize,
    budget: Duration,
    mut run: impl FnMut() -> T,
) -> Duration {
    black_box(run());
    let mut times: Vec<Duration> = (0..samples)
        .map(|_| {
            let start = Instant::now();
            black_box(run());
            start.elapsed()
        })
        .collect();
    times.sort();
    let median = times[times.len() / 2];
    let p99 = times[(times.len() * 99 / 100).min(times.len() - 1)];
    let verdict = if median <= budget {
        "ok"
    } else {
        "OVER BUDGET"
    };
    println!(
        "{name:<40} median {:>8.2} ms  p99 {:>8.2} ms  (budget {} ms: {verdict})",
        ms(median),
        ms(p99),
        budget.as_millis()
    );
    median
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
