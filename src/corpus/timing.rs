//! Phase timings for the benchmarks: with `BYLINE_TIMING` set, the CLI writes
//! each phase's wall-clock time, the process's CPU time and its resident memory
//! to standard error (`timing: read and analyse: 0.412 s (cpu 0.790 s, rss 120 MB)`).

use std::time::Instant;

/// A phase timer; silent unless `BYLINE_TIMING` is set.
pub struct Timer {
    start: Option<Instant>,
}

impl Default for Timer {
    fn default() -> Self {
        Timer::new()
    }
}

impl Timer {
    pub fn new() -> Timer {
        Timer { start: std::env::var_os("BYLINE_TIMING").map(|_| Instant::now()) }
    }

    /// Whether timings are printed.
    pub fn on(&self) -> bool {
        self.start.is_some()
    }

    /// Prints a part of the last phase measured separately (`timing:   of which ...`).
    pub fn part(&self, what: &str, seconds: f64) {
        if self.on() {
            eprintln!("timing:   of which {what}: {seconds:.3} s");
        }
    }

    /// Prints the time since the timer started, with CPU time and memory so far.
    pub fn lap(&self, what: &str) {
        if let Some(s) = self.start {
            eprintln!("timing: {what}: {:.3} s (cpu {:.3} s, rss {} MB)", s.elapsed().as_secs_f64(), cpu_seconds(), rss_mb());
        }
    }
}

/// User + system CPU time of the process (Linux), 0 elsewhere.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else { return 0.0 };
    // Fields after the command name (which is in parentheses): utime and stime are 14th and 15th.
    let Some(rest) = stat.rsplit_once(')').map(|x| x.1) else { return 0.0 };
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

/// Resident memory in MB (Linux), 0 elsewhere.
fn rss_mb() -> u64 {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else { return 0 };
    status.lines().find_map(|l| l.strip_prefix("VmRSS:")).and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok()).unwrap_or(0) / 1024
}
