//! Test hooks: faults and delays injected into the server by the tests, read
//! once from the environment variable `BYLINE_LSP_TEST` (a comma-separated list;
//! unset in normal use, and then every hook is a no-op):
//!
//! - `delay-index=MS`, `delay-refresh=MS`, `delay-request=MS`: sleep that long in
//!   the indexing job, in each corpus-wide refresh, in each request run on the
//!   blocking pool (rename, references, code actions, ...), so a test can act
//!   while they run;
//! - `panic-refresh`: every corpus-wide refresh panics;
//! - `panic-findings=MARKER`: computing the findings of a document containing
//!   MARKER panics;
//! - `panic-hover`: every hover panics;
//! - `trace`: timings of each corpus-wide refresh on standard error.

use std::sync::OnceLock;
use std::time::Duration;

fn hooks() -> &'static Vec<(String, String)> {
    static HOOKS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    HOOKS.get_or_init(|| {
        std::env::var("BYLINE_LSP_TEST")
            .unwrap_or_default()
            .split(',')
            .filter(|s| !s.trim().is_empty())
            .map(|s| match s.split_once('=') {
                Some((k, v)) => (k.trim().to_string(), v.to_string()),
                None => (s.trim().to_string(), String::new()),
            })
            .collect()
    })
}

fn get(name: &str) -> Option<&'static str> {
    hooks().iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// Whether `trace` is set: timings of background work on standard error.
pub fn trace() -> bool {
    get("trace").is_some()
}

/// Sleeps (blocking the thread) if `delay-WHAT=MS` is set.
pub fn delay(what: &str) {
    if let Some(ms) = get(&format!("delay-{what}")).and_then(|v| v.parse::<u64>().ok()) {
        std::thread::sleep(Duration::from_millis(ms));
    }
}

/// Panics if `panic-WHAT` is set.
pub fn panic_if(what: &str) {
    if get(&format!("panic-{what}")).is_some() {
        panic!("injected fault: {what}");
    }
}

/// Panics if `panic-WHAT=MARKER` is set and `text` contains MARKER.
pub fn panic_on(what: &str, text: impl FnOnce() -> String) {
    if let Some(marker) = get(&format!("panic-{what}")).filter(|m| !m.is_empty())
        && text().contains(marker)
    {
        panic!("injected fault: {what}");
    }
}
