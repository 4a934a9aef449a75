//! Helpers for the families' tests: name recognition alone (no coreference, no
//! roles) on a short text, and what it found rendered as text.

use super::super::{Key, Work};
use crate::kb::{Class, Kb, KbEntry};
use crate::model::Kind;
use crate::tokens::tokenize;

/// Runs `f` on the working state of `text` after name recognition, with `kb`.
pub(super) fn with_kb<R>(text: &str, kb: &Kb, f: impl FnOnce(&Work) -> R) -> R {
    let mut w = Work::new(text, tokenize(text), kb);
    super::recognize(&mut w);
    f(&w)
}

/// Runs `f` on the working state of `text` after name recognition, with the
/// built-in knowledge base.
pub(super) fn with_work<R>(text: &str, f: impl FnOnce(&Work) -> R) -> R {
    with_kb(text, &Kb::builtin(), f)
}

/// The text with every name found marked `[[text|LABEL]]`, or `{{text|LABEL}}`
/// for a name from the knowledge base (so a test shows which family found it).
pub(super) fn render(w: &Work) -> String {
    let mut cands: Vec<_> = w.cands.iter().collect();
    cands.sort_by_key(|c| c.tokens.first);
    let mut out = String::new();
    let mut at = 0;
    for c in cands {
        let span = w.span(c.tokens.first, c.tokens.end);
        out += &w.text[at..span.start];
        let (open, close) = if matches!(c.key, Key::Kb(_)) { ("{{", "}}") } else { ("[[", "]]") };
        out += &format!("{open}{}|{}{close}", &w.text[span.clone()], c.kind.label());
        at = span.end;
    }
    out += &w.text[at..];
    out
}

/// The text with every name found marked (see [`render`]).
pub(super) fn marks(text: &str) -> String {
    with_work(text, render)
}

/// [`marks`] with these entries added to the knowledge base.
pub(super) fn marks_knowing(text: &str, entries: Vec<KbEntry>) -> String {
    with_kb(text, &Kb::with_user(entries), render)
}

/// A person for [`marks_knowing`].
pub(super) fn person(name: &str) -> KbEntry {
    KbEntry::new(name, Kind::Person, Class::Person)
}

/// An organisation of one country for [`marks_knowing`].
pub(super) fn org(name: &str) -> KbEntry {
    KbEntry::new(name, Kind::Org, Class::National)
}

/// The single words left for coreference, `word` or `word?` (a fallback).
pub(super) fn pending(text: &str) -> Vec<String> {
    with_work(text, |w| w.pending.iter().map(|p| format!("{}{}", w.t(p.tok), if p.fallback { "?" } else { "" })).collect())
}

/// The titles written before names: `title -> person`, `title -> ?` when no
/// person was found after it.
pub(super) fn titles(text: &str) -> Vec<String> {
    with_work(text, |w| {
        w.pre_roles
            .iter()
            .map(|r| {
                let person = r.person.map_or("?".to_string(), |c| w.span_text(w.cands[c].tokens.first, w.cands[c].tokens.end).to_string());
                format!("{} -> {person}", w.span_text(r.tokens.first, r.tokens.end))
            })
            .collect()
    })
}
