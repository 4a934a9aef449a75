//! Sequences of LSP content changes (any positions: past the end, inside
//! multi-byte characters, between "\r" and "\n"; all three position encodings)
//! applied to a rope as the server applies them must give the same text as a
//! plain-string reference (tests/reference/edits.rs), and the analysis of the
//! edited text must be valid.
#![no_main]

use std::sync::OnceLock;

use arbitrary::Arbitrary;
use byline::kb::Kb;
use byline::lsp::from_proto::apply_change;
use byline::text::Encoding;
use libfuzzer_sys::fuzz_target;
use ropey::Rope;
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};

include!("../../tests/reference/edits.rs");

#[derive(Arbitrary, Debug)]
struct Edit {
    whole: bool,
    start: (u8, u8),
    end: (u8, u8),
    text: String,
}

#[derive(Arbitrary, Debug)]
struct Input {
    initial: String,
    encoding: u8,
    edits: Vec<Edit>,
}

fn kb() -> &'static Kb {
    static KB: OnceLock<Kb> = OnceLock::new();
    KB.get_or_init(Kb::builtin)
}

fuzz_target!(|input: Input| {
    let (enc, units) = match input.encoding % 3 {
        0 => (Encoding::Utf8, Units::Utf8),
        1 => (Encoding::Utf16, Units::Utf16),
        _ => (Encoding::Utf32, Units::Utf32),
    };
    let mut rope = Rope::from_str(&input.initial);
    let mut reference = input.initial.clone();
    for e in input.edits.iter().take(32) {
        let (s, t) = ((e.start.0 as u32 % 8, e.start.1 as u32), (e.end.0 as u32 % 8, e.end.1 as u32));
        let range = (!e.whole).then_some((s, t));
        let change = TextDocumentContentChangeEvent {
            range: range.map(|(s, t)| Range::new(Position::new(s.0, s.1), Position::new(t.0, t.1))),
            range_length: None,
            text: e.text.clone(),
        };
        apply_change(&mut rope, &change, enc);
        reference_apply(&mut reference, range, &e.text, units);
        assert_eq!(rope.to_string(), reference, "after {e:?}");
    }
    let text = rope.to_string();
    if let Err(e) = byline::recognize::analyze(&text, kb(), None).validate(&text) {
        panic!("invalid analysis after edits: {e}\ntext: {text:?}");
    }
});
