//! `byline.toml` and knowledge-base files with arbitrary content: parsing never
//! panics, and every error is located inside the text (line 1 to the last line).
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let lines = text.split('\n').count() as u32 + 1;
    let (_, errors) = byline::config::Config::parse(Path::new("/corpus"), Path::new("/corpus/byline.toml"), text, None);
    for e in &errors {
        assert!(e.line <= lines, "config error past the end: {e:?}");
    }
    let (_, errors) = byline::kb::user::parse_user_kb(Path::new("/corpus/entities.toml"), text);
    for e in &errors {
        assert!(e.line <= lines, "knowledge-base error past the end: {e:?}");
    }
});
