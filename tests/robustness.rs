//! Never panic on user input, as properties (proptest, bounded for CI; the same
//! properties run unbounded as cargo-fuzz targets in `fuzz/`, see RELIABILITY.md):
//! analysis of arbitrary text is valid for that text; LSP content changes give
//! the same text as an independent plain-string reference, wherever they land;
//! positions round-trip in every encoding; configuration and knowledge-base
//! files with arbitrary content give located errors, never a panic.
//!
//! `PROPTEST_CASES=100000 cargo test --release --test robustness` runs longer.

use std::path::Path;

use byline::kb::Kb;
use byline::lsp::from_proto::apply_change;
use byline::text::{self, Encoding};
use proptest::prelude::*;
use ropey::Rope;
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};

include!("reference/edits.rs");

/// Pieces of news-like text, with the characters that break naive code: line
/// ends of every kind, quotes, dashes, possessives, Hangul, emoji (two UTF-16
/// units), combining marks, a BOM, NUL, tabs and runs of spaces.
const PIECES: &[&str] = &[
    "Lee Jae-myung",
    "President ",
    "Defense Minister ",
    "the Ministry of Foreign Affairs",
    "NATO",
    " (Yonhap) -- ",
    "SEOUL, June 3 ",
    "Wi Sung-lac",
    "Seongrak Wi",
    "'s ",
    "\u{2019}s ",
    " said. ",
    "\"We agreed,\" ",
    "\u{201c}quoted\u{201d} ",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    ", ",
    ". ",
    " \u{2014} ",
    "이재명",
    "😀",
    "e\u{301}",
    "\u{feff}",
    "\0",
    "\t",
    "     ",
    "By Kim Min-seok",
    "view larger image ",
    "(END)",
    "U.S.",
    "defence ",
    "defense ",
    "al-Assad",
    "Mohammed bin Salman",
    "A",
    "a",
    "-",
    "'",
    "\"",
    "(",
    ")",
    "JCS",
    "Joint Chiefs of Staff (JCS)",
];

fn newsy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![newsy(), any::<String>(), prop::collection::vec(any::<u8>(), 0..400).prop_map(|b| String::from_utf8_lossy(&b).into_owned())]
}

fn kb() -> std::sync::Arc<Kb> {
    Kb::builtin()
}

proptest! {
    #[test]
    fn analysis_of_any_text_is_valid_for_it(t in any_text()) {
        let a = byline::recognize::analyze(&t, &kb(), None);
        if let Err(e) = a.validate(&t) {
            prop_assert!(false, "{e}");
        }
        let _ = byline::vocab::vocabulary(&t);
    }

    #[test]
    fn content_changes_match_a_plain_string_reference(
        initial in newsy(),
        enc in 0u8..3,
        edits in prop::collection::vec((any::<bool>(), (0u32..6, 0u32..40), (0u32..6, 0u32..40), newsy()), 0..12),
    ) {
        let (enc, units) = match enc {
            0 => (Encoding::Utf8, Units::Utf8),
            1 => (Encoding::Utf16, Units::Utf16),
            _ => (Encoding::Utf32, Units::Utf32),
        };
        let mut rope = Rope::from_str(&initial);
        let mut reference = initial.clone();
        for (whole, s, e, new) in &edits {
            let range = (!*whole).then_some((*s, *e));
            let change = TextDocumentContentChangeEvent {
                range: range.map(|(s, e)| Range::new(Position::new(s.0, s.1), Position::new(e.0, e.1))),
                range_length: None,
                text: new.clone(),
            };
            apply_change(&mut rope, &change, enc);
            reference_apply(&mut reference, range, new, units);
            prop_assert_eq!(rope.to_string(), reference.clone());
        }
        let t = rope.to_string();
        let a = byline::recognize::analyze(&t, &kb(), None);
        prop_assert!(a.validate(&t).is_ok());
        // The edited text analyses exactly as the same text read afresh.
        prop_assert_eq!(a, byline::recognize::analyze(&reference, &kb(), None));
    }

    #[test]
    fn positions_round_trip_in_every_encoding(t in any_text()) {
        let rope = Rope::from_str(&t);
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            for (b, _) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
                // Between "\r" and "\n" is not a position of its own: it is the end of the line.
                if b > 0 && t.as_bytes()[b - 1] == b'\r' && t.as_bytes().get(b) == Some(&b'\n') {
                    continue;
                }
                let p = text::position(&rope, b, enc);
                prop_assert_eq!(text::offset(&rope, p, enc).ok(), Some(b), "{:?} at byte {}", enc, b);
                prop_assert_eq!(reference_offset(&t, p.line, p.character, match enc {
                    Encoding::Utf8 => Units::Utf8,
                    Encoding::Utf16 => Units::Utf16,
                    Encoding::Utf32 => Units::Utf32,
                }), b);
            }
        }
    }

    #[test]
    fn configuration_and_knowledge_base_errors_are_located(t in prop_oneof![
        any::<String>(),
        prop::collection::vec(prop::sample::select(&[
            "[corpus]\n", "include = [\"**/*.txt\"]\n", "[style]\n", "spelling = \"american\"\n", "spelling = 3\n",
            "[checks]\n", "house-style = \"loud\"\n", "[[entity]]\n", "name = \"Lee Jae-myung\"\n", "kind = \"person\"\n",
            "kind = \"robot\"\n", "aliases = [\"Lee\"]\n", "\u{feff}", "=\n", "[\n", "\"\n", "x = [1, \"a\"]\n",
        ][..]), 0..20).prop_map(|v| v.concat()),
    ]) {
        let lines = t.split('\n').count() as u32 + 1;
        let (_, errors) = byline::config::Config::parse(Path::new("/c"), Path::new("/c/byline.toml"), &t, None);
        for e in &errors {
            prop_assert!(e.line >= 1 && e.line <= lines, "{:?}", e);
        }
        let (_, errors) = byline::kb::user::parse_user_kb(Path::new("/c/entities.toml"), &t);
        for e in &errors {
            prop_assert!(e.line >= 1 && e.line <= lines, "{:?}", e);
        }
    }
}

#[test]
fn the_reference_follows_lsp_line_rules() {
    assert_eq!(reference_lines("a\r\nb\rc\n"), vec![(0, 1), (3, 4), (5, 6), (7, 7)]);
    // Column inside an emoji (UTF-16) or a Hangul syllable (UTF-8): start of the character.
    assert_eq!(reference_offset("x😀y", 0, 2, Units::Utf16), 1);
    assert_eq!(reference_offset("x이y", 0, 2, Units::Utf8), 1);
    assert_eq!(reference_offset("ab\ncd", 0, 99, Units::Utf32), 2);
    assert_eq!(reference_offset("ab\ncd", 9, 0, Units::Utf32), 5);
}
