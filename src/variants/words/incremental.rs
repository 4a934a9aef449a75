//! Word decisions brought up to date after a vocabulary change.

use super::*;

/// Brings word decisions up to date after the counts of `changes` changed.
/// Returns the forms whose decision changed, or `None` when everything must be
/// recomputed: too many changes, or the corpus's spelling system flipped (with
/// `spelling = "auto"`), which can change every house-style decision.
pub(in crate::variants) fn update(
    words: &mut WordDecisions,
    state: &mut WordState,
    vocab: &Vocab,
    changes: &VocabChanges,
    config: &Config,
) -> Option<Vec<String>> {
    if changes.all {
        return None;
    }
    if changes.words.is_empty() {
        return Some(Vec::new());
    }
    let vc = varcon();
    let (mut am, mut br) = (state.american, state.british);
    for (w, &before) in &changes.words {
        let (a, b) = systems_weight(vc, w);
        let now = u64::from(vocab.count(w));
        let before = u64::from(before);
        am = am + a * now - a * before;
        br = br + b * now - b * before;
    }
    let style = style_of(config, am, br);
    if style != state.style {
        return None;
    }
    state.american = am;
    state.british = br;
    let configured = config.spelling != SpellingStyle::Auto;
    // The lookup tables: built from the current counts, or brought up to date.
    let lookup = match &mut state.lookup {
        None => state.lookup.insert(Arc::new(Lookup::build(vocab))),
        Some(l) => {
            let l = Arc::make_mut(l);
            for (w, &before) in &changes.words {
                let now = vocab.count(w);
                l.enter(w, before, false);
                if now > 0 {
                    l.enter(w, now, true);
                }
            }
            state.lookup.as_ref().expect("present")
        }
    }
    .clone();
    let mut forms: FxHashSet<String> = FxHashSet::default();
    // VarCon entries of the changed words.
    let mut entries: Vec<u32> = changes.words.keys().filter_map(|w| vc.by_word.get(w.as_str())).flatten().map(|(id, _)| *id).collect();
    entries.sort_unstable();
    entries.dedup();
    for id in entries {
        let d = house_entry(id, vocab, style, configured);
        if d.is_empty() {
            state.house.remove(&id);
        } else {
            state.house.insert(id, d);
        }
        forms.extend(vc.entries[id as usize].iter().map(|f| f.to_string()));
    }
    // Their compound families.
    let keys: FxHashSet<String> = changes.words.keys().map(|w| family_key(w)).collect();
    for key in keys {
        let members: Vec<Arc<str>> = lookup.families.get(&key).cloned().unwrap_or_default();
        let d = family(&key, members.iter().map(|m| &**m), vocab);
        if let Some(old) = state.compounds.get(&key) {
            forms.extend(old.iter().map(|(f, _)| f.clone()));
        }
        forms.extend(members.iter().map(|m| m.to_string()));
        forms.insert(key.clone());
        if d.is_empty() {
            state.compounds.remove(&key);
        } else {
            state.compounds.insert(key, d);
        }
    }
    // Typo candidates near the changed words.
    for w in changes.words.keys() {
        forms.insert(w.clone());
        for h in deletion_hashes(w) {
            if let Some(list) = lookup.near.get(&h) {
                forms.extend(list.iter().map(|x| x.to_string()));
            }
        }
        if let Some(list) = lookup.listed.get(w.as_str()) {
            forms.extend(list.iter().map(|x| x.to_string()));
        }
    }
    let mut changed = Vec::new();
    for f in forms {
        let now = decision_of(&f, state, vocab);
        if words.get(&f) != now.as_ref() {
            match now {
                Some(d) => {
                    words.insert(f.clone(), d);
                }
                None => {
                    words.remove(&f);
                }
            }
            changed.push(f);
        }
    }
    changed.sort();
    Some(changed)
}
