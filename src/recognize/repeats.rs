//! Organisations that only their context names (a club next to a score, a
//! team in a table, an employer before a person), added with the article's
//! later mentions of the same name on its own: "Everton went ahead", "Red
//! Bull team principal", "McLaren's Lando Norris".

use super::{Cand, TokRange, Work, name_key};
use crate::lexicon::class::{CALENDAR, FUNC, NOT_NAME};
use crate::lexicon::level;
use crate::model::{Kind, Origin};
use std::collections::HashMap;

/// A capitalised word no step labelled that may start or continue an
/// organisation's name; `loose` also takes common English words ("Inter",
/// "Red Bull"), for the places where only a name can stand (a results row, a
/// standings row, a name of several words).
pub(super) fn free_cap(w: &Work, i: usize, loose: bool) -> bool {
    w.toks.get(i).is_some_and(|t| t.is_cap())
        && w.cand_at(i).is_none()
        && !w.is(i, FUNC | CALENDAR | NOT_NAME)
        && (loose || !w.is_word(i, level::COMMON))
}

/// Adds the clubs found (token ranges, each with whether its words may be
/// common English words), then their names wherever the article writes them
/// again on their own: "Everton went ahead", "Red Bull team principal",
/// "McLaren's Lando Norris".
pub(super) fn add_with_repeats(w: &mut Work, found: Vec<(TokRange, bool)>) {
    // First word -> (the name's words, its candidate, common words allowed).
    let mut names: HashMap<String, Vec<(Vec<String>, usize, bool)>> = HashMap::new();
    for (r, loose) in found {
        let text = w.span_text(r.first, r.end).to_string();
        let cand = Cand { tokens: r, kind: Kind::Org, key: name_key(&text), origin: Origin::Discovered, refers_to: None, byline: false };
        if let Some(c) = w.add(cand) {
            let words: Vec<String> = r.iter().map(|i| w.t(i).to_string()).collect();
            let same = names.entry(words[0].clone()).or_default();
            if !same.iter().any(|(ws, _, _)| *ws == words) {
                same.push((words, c, loose));
            }
        }
    }
    if names.is_empty() {
        return;
    }
    for i in 0..w.toks.len() {
        if !free_cap(w, i, true) || i > 0 && w.toks[i - 1].is_cap() {
            continue;
        }
        let Some(cands) = names.get(w.t(i)) else { continue };
        let hit = cands.iter().find(|(words, _, loose)| {
            let end = i + words.len();
            let last = end - 1;
            // The whole name, and no more: the next word is no capital unless the name is in the possessive.
            (i..end).zip(words).all(|(k, word)| w.t(k) == word && free_cap(w, k, *loose))
                && (w.toks[last].has(crate::tokens::POSS) || !w.toks.get(end).is_some_and(|t| t.is_cap()))
        });
        if let Some((words, c, _)) = hit {
            let key = w.cands[*c].key.clone();
            w.add(Cand {
                tokens: TokRange::new(i, i + words.len()),
                kind: Kind::Org,
                key,
                origin: Origin::Reference,
                refers_to: Some(*c),
                byline: false,
            });
        }
    }
}
