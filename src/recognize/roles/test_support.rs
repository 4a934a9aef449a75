//! What the family tests share: the claims a short text gets, each with the
//! rule that made it, and assertions on them.

use super::super::Work;
use crate::kb::Kb;
use crate::tokens::tokenize;

/// A claim as the family tests see it.
#[derive(Debug)]
pub(super) struct Said {
    /// The person's full name as written (a surname-only reference gives the
    /// name it refers to).
    pub person: String,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub inferred: bool,
    /// The text the claim was read from, and its sentence.
    pub evidence: String,
    pub sentence: String,
    /// The rule that made the claim (see `PATTERNS`).
    pub rule: &'static str,
}

/// The claims on `text` with the built-in knowledge base, in the order made.
pub(super) fn claims(text: &str) -> Vec<Said> {
    let kb = Kb::builtin();
    let mut w = Work::new(text, tokenize(text), &kb);
    super::super::mentions(&mut w);
    super::extract_with_rules(&w)
        .into_iter()
        .map(|c| {
            let root = w.cands[c.person].refers_to.unwrap_or(c.person);
            Said {
                person: w.span_text(w.cands[root].tokens.first, w.cands[root].tokens.end).to_string(),
                role: c.claim.role,
                affiliation: c.claim.affiliation,
                inferred: c.claim.inferred,
                evidence: text[c.claim.span].to_string(),
                sentence: text[c.claim.sentence].to_string(),
                rule: c.rule,
            }
        })
        .collect()
}

/// The claims `rule` made on `text` for `person`.
pub(super) fn by(text: &str, rule: &str, person: &str) -> Vec<Said> {
    claims(text).into_iter().filter(|c| c.rule == rule && c.person == person).collect()
}

/// Asserts that `rule` claims `role` and `affiliation` for `person` in `text`.
#[track_caller]
pub(super) fn ok(text: &str, rule: &str, person: &str, role: Option<&str>, affiliation: Option<&str>) {
    let all = claims(text);
    assert!(
        all.iter().any(|c| c.rule == rule && c.person == person && c.role.as_deref() == role && c.affiliation.as_deref() == affiliation),
        "expected {rule}: {person} = {role:?}, {affiliation:?} in {text:?}; got {all:#?}"
    );
}

/// Asserts that `rule` claims nothing for anyone in `text`.
#[track_caller]
pub(super) fn not(text: &str, rule: &str) {
    let all = claims(text);
    assert!(!all.iter().any(|c| c.rule == rule), "{rule} must not fire on {text:?}; got {all:#?}");
}

/// Calls `f` with the working state after the mention steps on `text`,
/// and the index of the candidate spelled `person`.
pub(super) fn with_person<R>(text: &str, person: &str, f: impl FnOnce(&Work, usize) -> R) -> R {
    let kb = Kb::builtin();
    let mut w = Work::new(text, tokenize(text), &kb);
    super::super::mentions(&mut w);
    let p = (0..w.cands.len())
        .find(|&c| w.span_text(w.cands[c].tokens.first, w.cands[c].tokens.end) == person)
        .unwrap_or_else(|| panic!("no candidate {person:?} in {text:?}"));
    f(&w, p)
}

/// Calls `f` with the working state after tokenizing `text` (no recognition).
pub(super) fn with_tokens<R>(text: &str, f: impl FnOnce(&Work) -> R) -> R {
    let kb = Kb::builtin();
    let w = Work::new(text, tokenize(text), &kb);
    f(&w)
}

/// The affiliation inferred for `person`'s claim by `rule`, asserting that
/// it was inferred.
#[track_caller]
pub(super) fn inferred(text: &str, rule: &str, person: &str) -> Option<String> {
    let c = by(text, rule, person);
    assert_eq!(c.len(), 1, "{c:#?}");
    let c = &c[0];
    assert!(c.inferred == c.affiliation.is_some(), "{c:#?}");
    c.affiliation.clone()
}
