//! Per-document analysis on arbitrary bytes (read as the CLI reads a file:
//! invalid UTF-8 is replaced) must not panic, and what it returns must be valid
//! for the text (`DocAnalysis::validate`); the word count must not panic either.
#![no_main]

use std::sync::OnceLock;

use byline::kb::Kb;
use libfuzzer_sys::fuzz_target;

fn kb() -> &'static Kb {
    static KB: OnceLock<Kb> = OnceLock::new();
    KB.get_or_init(Kb::builtin)
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let a = byline::recognize::analyze(&text, kb(), None);
    if let Err(e) = a.validate(&text) {
        panic!("invalid analysis: {e}\ntext: {text:?}");
    }
    let _ = byline::vocab::vocabulary(&text);
});
