//! Organisations that only their context names (a club next to a score, a
//! team in a table, an employer before a person), added with the article's
//! later mentions of the same name on its own: "Everton went ahead", "Red
//! Bull team principal", "McLaren's Lando Norris".

use super::{Cand, TokRange, Work, name_key};
use crate::lexicon::class::{CALENDAR, FUNC, NOT_NAME};
use crate::lexicon::level;
use crate::model::{Kind, Origin};
use std::collections::{HashMap, HashSet};

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
    // The name's words joined by spaces -> its candidate, and whether common words are allowed.
    let mut names: HashMap<String, (usize, bool)> = HashMap::new();
    let mut firsts: HashSet<String> = HashSet::new();
    let mut longest = 0;
    for (r, loose) in found {
        let text = w.span_text(r.first, r.end).to_string();
        let cand = Cand { tokens: r, kind: Kind::Org, key: name_key(&text), origin: Origin::Discovered, refers_to: None, byline: false };
        if let Some(c) = w.add(cand) {
            longest = longest.max(r.end - r.first);
            firsts.insert(w.t(r.first).to_string());
            names.entry(words_key(w, r.first, r.end)).or_insert((c, loose));
        }
    }
    if names.is_empty() {
        return;
    }
    for i in 0..w.toks.len() {
        if !free_cap(w, i, true) || i > 0 && w.toks[i - 1].is_cap() || !firsts.contains(w.t(i)) {
            continue;
        }
        // Longest first; a few lookups per word, however many names were found.
        let hit = (1..=longest).rev().filter(|n| i + n <= w.toks.len()).find_map(|n| {
            let (end, last) = (i + n, i + n - 1);
            let &(c, loose) = names.get(&words_key(w, i, end))?;
            // The whole name, and no more: the next word is no capital unless the name is in the possessive.
            let fits = (i..end).all(|k| free_cap(w, k, loose))
                && (w.toks[last].has(crate::tokens::POSS) || !w.toks.get(end).is_some_and(|t| t.is_cap()));
            fits.then_some((end, c))
        });
        if let Some((end, c)) = hit {
            let key = w.cands[c].key.clone();
            w.add(Cand {
                tokens: TokRange::new(i, end),
                kind: Kind::Org,
                key,
                origin: Origin::Reference,
                refers_to: Some(c),
                byline: false,
            });
        }
    }
}

/// The texts of tokens `first..end` joined by single spaces: "Red Bull".
fn words_key(w: &Work, first: usize, end: usize) -> String {
    let mut key = String::new();
    for k in first..end {
        if k > first {
            key.push(' ');
        }
        key.push_str(w.t(k));
    }
    key
}
