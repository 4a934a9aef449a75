//! Recognition tests on short news-like texts written for these tests.

use super::*;
use crate::kb::Kb;

fn spans(text: &str) -> Vec<(String, &'static str)> {
    let kb = Kb::builtin();
    let a = analyze(text, &kb, None);
    a.mentions.iter().map(|m| (text[m.span.clone()].to_string(), m.kind.label())).collect()
}

fn has(v: &[(String, &'static str)], s: &str, l: &str) -> bool {
    v.iter().any(|(t, k)| t == s && *k == l)
}

#[test]
fn title_then_person_and_possessive_country() {
    let v = spans("SEOUL, March 4 (Yonhap) -- South Korea's Defense Minister Shin Won-sik met his Japanese counterpart on Monday.");
    assert!(has(&v, "South Korea", "LOC"), "{v:?}");
    assert!(has(&v, "Shin Won-sik", "PERSON"), "{v:?}");
    assert!(!v.iter().any(|(t, _)| t.contains("Minister")), "{v:?}");
}
