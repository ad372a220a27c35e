//! Timing for the measurements that print figures (the ignored timing tests and
//! `examples/perf_programme.rs`, which includes this file by path).

/// The median wall-clock time of 9 runs of `run`, in milliseconds.
pub fn median_ms(mut run: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..9)
        .map(|_| {
            let t = std::time::Instant::now();
            run();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}
