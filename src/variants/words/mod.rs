//! Ordinary words: house-style pairs (British/American and equal alternatives,
//! from VarCon via the `varcon` crate), compounds written open, hyphenated and
//! closed (secretary general / secretary-general; co-operation / cooperation), and
//! misspellings the corpus itself proves wrong ("allaince" once, "alliance" often),
//! checked against a real dictionary (SCOWL) and typos' list of known
//! misspellings (`typos-dict`).
//!
//! Per document, [`crate::vocab::vocabulary_of`] counts words (a pure function); the corpus sums
//! the counts; [`decide`] turns the sums into decisions about forms; and
//! [`WordMatcher`] finds the decided forms in one document's text for findings.

use std::hash::BuildHasher;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rayon::prelude::*;
use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};

use crate::config::{Config, SpellingStyle};
use crate::index::cow::ShardMap;
use crate::lexicon::lexicon;
use crate::model::{Code, PreferredBy, TieBreak};
use crate::vocab::{Vocab, VocabChanges};

use super::varcon::{Systems, varcon};

mod incremental;
mod matcher;

pub(in crate::variants) use incremental::update;
pub use matcher::{WordHit, WordMatcher, match_case};

// ---------------------------------------------------------------- decisions

/// What to do about one written form of an ordinary word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordDecision {
    /// `inconsistent-spelling`, `house-style` or `possible-typo`.
    pub code: Code,
    pub preferred: String,
    pub rule: PreferredBy,
    /// Every form of the group with its corpus count, most used first.
    pub counts: Arc<[(String, u32)]>,
}

/// Every decided form (lowercase) with its decision.
pub type WordDecisions = FxHashMap<String, WordDecision>;

/// What the word decisions are made of, kept so that a change of some counts
/// recomputes only the VarCon entries, compound families and typo candidates
/// those words belong to (see [`update`]).
#[derive(Clone, Debug, Default)]
pub(super) struct WordState {
    /// The spelling system in force (`Some(true)`: American).
    style: Option<bool>,
    /// Uses of American-only and British-only spellings (for `spelling = "auto"`).
    american: u64,
    british: u64,
    /// VarCon entry -> the forms it decides (entries that decide nothing are left out).
    house: FxHashMap<u32, Vec<(String, WordDecision)>>,
    /// Compound family (its closed form) -> the forms it decides.
    compounds: FxHashMap<String, Vec<(String, WordDecision)>>,
    /// Built at the first incremental update.
    lookup: Option<Arc<Lookup>>,
}

impl PartialEq for WordState {
    fn eq(&self, o: &Self) -> bool {
        (self.style, self.american, self.british) == (o.style, o.american, o.british)
            && self.house == o.house
            && self.compounds == o.compounds
    }
}

/// Indexes over the vocabulary for incremental updates.
#[derive(Clone, Debug, Default)]
struct Lookup {
    /// Closed form -> the open and hyphenated compounds in the vocabulary that close to it.
    families: ShardMap<String, Vec<Arc<str>>>,
    /// Hash of a word or of it with one letter deleted -> typo candidates (words
    /// used once, not in the dictionary) with that deletion: two words one edit
    /// apart share one.
    near: ShardMap<u64, Vec<Arc<str>>>,
    /// Correction -> typo candidates that typos' list gives it for.
    listed: ShardMap<String, Vec<Arc<str>>>,
}

fn sums(vocab: &Vocab) -> (u64, u64) {
    let vc = varcon();
    let (mut am, mut br) = (0u64, 0u64);
    for (w, n) in vocab.iter() {
        let (a, b) = systems_weight(vc, w);
        am += a * u64::from(n);
        br += b * u64::from(n);
    }
    (am, br)
}

/// How many American-only and British-only senses a word has.
fn systems_weight(vc: &super::varcon::VarconIndex, w: &str) -> (u64, u64) {
    let (mut am, mut br) = (0, 0);
    if let Some(list) = vc.by_word.get(w) {
        for (_, s) in list {
            match (s.american, s.british) {
                (true, false) => am += 1,
                (false, true) => br += 1,
                _ => {}
            }
        }
    }
    (am, br)
}

/// The spelling system in force: the configured one, else the corpus's overall
/// system when it has a clear one.
fn style_of(config: &Config, am: u64, br: u64) -> Option<bool /* american */> {
    match config.spelling {
        SpellingStyle::American => Some(true),
        SpellingStyle::British => Some(false),
        SpellingStyle::Auto if am + br == 0 => None,
        SpellingStyle::Auto if am * 3 >= (am + br) * 2 => Some(true),
        SpellingStyle::Auto if br * 3 >= (am + br) * 2 => Some(false),
        SpellingStyle::Auto => None,
    }
}

/// Decides every ordinary-word form that gets a finding, keyed by lowercase form.
pub fn decide(vocab: &Vocab, config: &Config) -> WordDecisions {
    decide_with_state(vocab, config).0
}

/// [`decide`], with the state [`update`] needs.
pub(super) fn decide_with_state(vocab: &Vocab, config: &Config) -> (WordDecisions, WordState) {
    let vc = varcon();
    let (american, british) = sums(vocab);
    let style = style_of(config, american, british);
    let configured = config.spelling != SpellingStyle::Auto;
    // House-style pairs, entry by entry.
    let mut entries: Vec<u32> = vocab.iter().filter_map(|(w, _)| vc.by_word.get(w)).flatten().map(|(id, _)| *id).collect();
    entries.sort_unstable();
    entries.dedup();
    let mut house: FxHashMap<u32, Vec<(String, WordDecision)>> = FxHashMap::default();
    for id in entries {
        let d = house_entry(id, vocab, style, configured);
        if !d.is_empty() {
            house.insert(id, d);
        }
    }
    // Compound families.
    let mut families: FxHashMap<String, Vec<&str>> = FxHashMap::default();
    for (w, _) in vocab.iter() {
        if let Some(key) = closed_form(w) {
            families.entry(key).or_default().push(w);
        }
    }
    let mut compounds: FxHashMap<String, Vec<(String, WordDecision)>> = FxHashMap::default();
    for (key, members) in families {
        let d = family(&key, members.into_iter(), vocab);
        if !d.is_empty() {
            compounds.insert(key, d);
        }
    }
    let mut state = WordState { style, american, british, house, compounds, lookup: None };
    let mut out: WordDecisions = FxHashMap::default();
    let mut ids: Vec<&u32> = state.house.keys().collect();
    ids.sort_unstable();
    for id in ids {
        for (f, d) in &state.house[id] {
            out.entry(f.clone()).or_insert_with(|| d.clone());
        }
    }
    for ds in state.compounds.values() {
        for (f, d) in ds {
            out.entry(f.clone()).or_insert_with(|| d.clone());
        }
    }
    // Typos, in parallel.
    let candidates: Vec<&str> = vocab.iter().filter(|(w, n)| typo_candidate(w, *n) && !out.contains_key(*w)).map(|(w, _)| w).collect();
    let typos: Vec<(String, WordDecision)> = candidates.par_iter().filter_map(|w| typo(w, vocab).map(|d| (w.to_string(), d))).collect();
    out.extend(typos);
    state.lookup = None;
    (out, state)
}

/// The decisions of one VarCon entry: its forms used in the corpus other than the
/// preferred one.
fn house_entry(id: u32, vocab: &Vocab, style: Option<bool>, configured: bool) -> Vec<(String, WordDecision)> {
    let vc = varcon();
    let mut out = Vec::new();
    let forms: Vec<(&str, u32, Systems)> =
        vc.entries[id as usize].iter().map(|f| (*f, vocab.count(f), vc.valid.get(f).copied().unwrap_or_default())).collect();
    let used: Vec<&(&str, u32, Systems)> = forms.iter().filter(|f| f.1 > 0).collect();
    if used.is_empty() {
        return out;
    }
    let in_style = |s: &Systems| match style {
        Some(true) => s.american,
        Some(false) => s.british,
        None => true,
    };
    // The preferred form: the most used among those valid in the style.
    let mut cands: Vec<&(&str, u32, Systems)> = forms.iter().filter(|f| in_style(&f.2)).collect();
    if cands.is_empty() {
        return out;
    }
    cands.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| primary_rank(&b.2, style).cmp(&primary_rank(&a.2, style))).then(a.0.cmp(b.0)));
    let preferred = cands[0].0;
    let mut counts: Vec<(String, u32)> = used.iter().map(|f| (f.0.to_string(), f.1)).collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let counts: Arc<[(String, u32)]> = counts.into();
    let style_decides = used.iter().any(|f| !in_style(&f.2));
    let rule = match (style_decides, configured) {
        (true, true) => PreferredBy::HouseStyle,
        (true, false) => PreferredBy::CorpusStyle,
        (false, _) => {
            let ranked: Vec<(&str, u32)> = cands.iter().map(|f| (f.0, f.1)).collect();
            let rank = |w: &str| cands.iter().find(|f| f.0 == w).map_or(0, |f| primary_rank(&f.2, style));
            PreferredBy::majority_of(&ranked, |a, b| if rank(a) != rank(b) { TieBreak::PrimarySpelling } else { TieBreak::Alphabetical })
        }
    };
    for f in &used {
        if f.0 == preferred {
            continue;
        }
        let code = if used.len() >= 2 {
            Code::InconsistentSpelling
        } else if configured && !in_style(&f.2) {
            Code::HouseStyle
        } else {
            continue;
        };
        out.push((f.0.to_string(), WordDecision { code, preferred: preferred.to_string(), rule, counts: counts.clone() }));
    }
    out
}

/// 2 for a form that is the style's primary spelling, 1 for an equal one.
fn primary_rank(s: &Systems, style: Option<bool>) -> u8 {
    match style {
        Some(true) if s.american && !s.british => 2,
        Some(false) if s.british && !s.american => 2,
        _ => 1,
    }
}

/// The closed form of an open or hyphenated compound ("co-operation" ->
/// "cooperation"); `None` for a word without a space or hyphen.
fn closed_form(w: &str) -> Option<String> {
    let (a, b) = w.split_once(['-', ' '])?;
    Some(format!("{a}{b}"))
}

/// The compound family a form belongs to (its closed form).
fn family_key(w: &str) -> String {
    closed_form(w).unwrap_or_else(|| w.to_string())
}

/// The decisions of one compound family: open, hyphenated and closed forms used
/// side by side. `members` are the family's open and hyphenated forms.
fn family<'a>(key: &str, members: impl Iterator<Item = &'a str>, vocab: &Vocab) -> Vec<(String, WordDecision)> {
    let lx = lexicon();
    let mut forms: Vec<(String, u32)> = Vec::new();
    let mut hyphenated = false;
    for w in members {
        let n = vocab.count(w);
        if n == 0 {
            continue;
        }
        hyphenated |= w.contains('-');
        forms.push((w.to_string(), n));
    }
    // The closed form counts if it is a dictionary word ("cooperation").
    if hyphenated && lx.is_known_word(key) {
        let c = vocab.count(key);
        if c > 0 {
            forms.push((key.to_string(), c));
        }
    }
    forms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    forms.dedup_by(|a, b| a.0 == b.0);
    if forms.len() < 2 {
        return Vec::new();
    }
    // Only role titles may be open or hyphenated; other compounds only closed
    // or hyphenated (an open "well known" after a verb is grammar, not style).
    let open_ok = forms.iter().any(|(f, _)| f.contains(' '));
    let has_closed = forms.iter().any(|(f, _)| !f.contains(['-', ' ']));
    if !open_ok && !has_closed {
        return Vec::new();
    }
    let preferred = forms[0].0.clone();
    let rule = PreferredBy::majority_of(&forms, |_, _| TieBreak::Alphabetical);
    let counts: Arc<[(String, u32)]> = forms.as_slice().into();
    forms[1..]
        .iter()
        .map(|(f, _)| {
            (f.clone(), WordDecision { code: Code::InconsistentSpelling, preferred: preferred.clone(), rule, counts: counts.clone() })
        })
        .collect()
}

/// A word that may be a typo: used once, one word, five letters or more, not in
/// the dictionary.
fn typo_candidate(w: &str, n: u32) -> bool {
    n == 1 && !w.contains(['-', ' ']) && w.len() >= 5 && is_word_length(w) && !lexicon().is_known_word(w)
}

/// The longest a word can be to be a typo of another, in characters. The longest
/// words in English dictionaries have 30–45 letters; a longer run of letters
/// is a code, a URL's remains or junk, and looking for words one edit away
/// from it would cost the square of its length.
const MAX_WORD_CHARS: usize = 45;

fn is_word_length(w: &str) -> bool {
    w.len() <= MAX_WORD_CHARS || w.chars().count() <= MAX_WORD_CHARS
}

/// The corrections typos' list of known misspellings gives for a word.
fn listed_corrections(w: &str) -> Vec<String> {
    typos_dict::WORD.find(&unicase::UniCase::new(w)).map(|c| c.iter().map(|s| s.to_lowercase()).collect()).unwrap_or_default()
}

/// A typo candidate one edit from a word the corpus uses often (or listed as a
/// known misspelling of a word the corpus uses): the decision about it.
fn typo(w: &str, vocab: &Vocab) -> Option<WordDecision> {
    let lx = lexicon();
    let known = listed_corrections(w);
    let mut best: Option<(String, u32)> = None;
    for c in known.iter().filter(|c| vocab.count(c) >= 2) {
        if best.as_ref().is_none_or(|b| vocab.count(c) > b.1) {
            best = Some((c.clone(), vocab.count(c)));
        }
    }
    if best.is_none() {
        for c in edits1(w) {
            let k = vocab.count(&c);
            if k >= 3 && lx.is_known_word(&c) && best.as_ref().is_none_or(|b| k > b.1) {
                best = Some((c, k));
            }
        }
    }
    let (c, k) = best?;
    Some(WordDecision {
        code: Code::PossibleTypo,
        preferred: c.clone(),
        rule: PreferredBy::Dictionary,
        counts: vec![(c, k), (w.to_string(), 1)].into(),
    })
}

/// The decision about one form, from the state: a VarCon entry's (the lowest
/// entry deciding it), else its compound family's, else a typo's.
fn decision_of(f: &str, state: &WordState, vocab: &Vocab) -> Option<WordDecision> {
    let vc = varcon();
    if let Some(list) = vc.by_word.get(f) {
        let mut ids: Vec<u32> = list.iter().map(|(id, _)| *id).collect();
        ids.sort_unstable();
        for id in ids {
            if let Some(d) = state.house.get(&id).and_then(|ds| ds.iter().find(|(x, _)| x == f)) {
                return Some(d.1.clone());
            }
        }
    }
    if let Some(d) = state.compounds.get(&family_key(f)).and_then(|ds| ds.iter().find(|(x, _)| x == f)) {
        return Some(d.1.clone());
    }
    if typo_candidate(f, vocab.count(f)) { typo(f, vocab) } else { None }
}

/// Hashes of a word and of it with each letter deleted.
fn deletion_hashes(w: &str) -> Vec<u64> {
    if !is_word_length(w) {
        // Too long to be a typo or to have one (see `MAX_WORD_CHARS`).
        return vec![FxBuildHasher.hash_one(w)];
    }
    let chars: Vec<char> = w.chars().collect();
    let mut out = Vec::with_capacity(chars.len() + 1);
    out.push(FxBuildHasher.hash_one(w));
    let mut s = String::with_capacity(w.len());
    for i in 0..chars.len() {
        s.clear();
        s.extend(chars.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, c)| *c));
        out.push(FxBuildHasher.hash_one(s.as_str()));
    }
    out.sort_unstable();
    out.dedup();
    out
}

impl Lookup {
    fn build(vocab: &Vocab) -> Lookup {
        let mut l = Lookup::default();
        for (w, n) in vocab.iter() {
            l.enter(w, n, true);
        }
        l
    }

    /// Enters (`present`) or removes a word with count `n`.
    fn enter(&mut self, w: &str, n: u32, present: bool) {
        fn edit(list: &mut Vec<Arc<str>>, w: &str, present: bool) {
            match list.iter().position(|x| &**x == w) {
                Some(i) if !present => {
                    list.swap_remove(i);
                }
                None if present => list.push(w.into()),
                _ => {}
            }
        }
        fn apply<K: std::hash::Hash + Eq + Clone>(m: &mut ShardMap<K, Vec<Arc<str>>>, k: K, w: &str, present: bool) {
            match m.get_mut(&k) {
                Some(list) => {
                    edit(list, w, present);
                    if list.is_empty() {
                        m.remove(&k);
                    }
                }
                None if present => {
                    m.insert(k, vec![w.into()]);
                }
                None => {}
            }
        }
        if let Some(key) = closed_form(w) {
            apply(&mut self.families, key, w, present);
        }
        if typo_candidate(w, n) {
            for h in deletion_hashes(w) {
                apply(&mut self.near, h, w, present);
            }
            for c in listed_corrections(w) {
                apply(&mut self.listed, c, w, present);
            }
        }
    }
}

/// Every string one edit (delete, transpose, replace, insert) from `w`.
fn edits1(w: &str) -> Vec<String> {
    let chars: Vec<char> = w.chars().collect();
    let mut out = Vec::new();
    let letters = 'a'..='z';
    for i in 0..=chars.len() {
        let (l, r) = chars.split_at(i);
        let l: String = l.iter().collect();
        if !r.is_empty() {
            out.push(format!("{l}{}", r[1..].iter().collect::<String>()));
        }
        if r.len() > 1 {
            out.push(format!("{l}{}{}{}", r[1], r[0], r[2..].iter().collect::<String>()));
        }
        for c in letters.clone() {
            if !r.is_empty() && r[0] != c {
                out.push(format!("{l}{c}{}", r[1..].iter().collect::<String>()));
            }
            out.push(format!("{l}{c}{}", r.iter().collect::<String>()));
        }
    }
    out
}

// ---------------------------------------------------------------- matching

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::vocabulary;
    use std::path::Path;

    fn vocab(texts: &[&str]) -> Vocab {
        let mut v = Vocab::default();
        for t in texts {
            v.add(&vocabulary(t));
        }
        v
    }

    #[test]
    fn mixed_british_and_american_follow_the_majority_style() {
        let v = vocab(&["Defense ties and defense spending. The defense pact.", "A defence deal, a labor union and organization."]);
        let d = decide(&v, &Config::default_for(Path::new("/")));
        let def = &d["defence"];
        assert_eq!((def.code, def.preferred.as_str()), (Code::InconsistentSpelling, "defense"));
        assert_eq!(def.rule, PreferredBy::CorpusStyle, "the corpus's style chose it, not byline.toml");
        assert!(!d.contains_key("defense"));
    }

    #[test]
    fn configured_style_wins_over_majority_and_flags_unmixed_words() {
        let v = vocab(&["defence defence defence defense", "the organisation"]);
        let mut c = Config::default_for(Path::new("/"));
        c.spelling = SpellingStyle::American;
        let d = decide(&v, &c);
        assert_eq!(d["defence"].preferred, "defense");
        assert_eq!(d["defence"].rule, PreferredBy::HouseStyle);
        assert_eq!(d["organisation"].code, Code::HouseStyle);
        c.spelling = SpellingStyle::British;
        let d = decide(&v, &c);
        assert_eq!(d["defense"].preferred, "defence");
    }

    #[test]
    fn equal_alternatives_go_by_majority() {
        let v = vocab(&["advisor advisor advisor adviser"]);
        let d = decide(&v, &Config::default_for(Path::new("/")));
        assert_eq!(d["adviser"].preferred, "advisor");
        assert_eq!(d["adviser"].rule, PreferredBy::Majority);
        // Used equally often: a tie, and what broke it.
        let v = vocab(&["advisor adviser"]);
        let d = decide(&v, &Config::default_for(Path::new("/")));
        let tie = |by| PreferredBy::Tie(crate::model::Tie { count: 1, ways: 2, broken_by: by });
        // VarCon lists "advisor" as American's primary spelling, "adviser" as a variant.
        assert_eq!((d["adviser"].preferred.as_str(), d["adviser"].rule), ("advisor", tie(TieBreak::PrimarySpelling)));
    }

    #[test]
    fn compounds_and_typos() {
        let v = vocab(&[
            "The Secretary General said. Secretary General again.",
            "The secretary-general. The alliance alliance alliance allaince. co-operation cooperation cooperation",
        ]);
        let d = decide(&v, &Config::default_for(Path::new("/")));
        assert_eq!(d["secretary-general"].preferred, "secretary general");
        assert_eq!(d["co-operation"].preferred, "cooperation");
        assert_eq!((d["allaince"].code, d["allaince"].preferred.as_str()), (Code::PossibleTypo, "alliance"));
        assert!(!d.contains_key("alliance"));
    }

    #[test]
    fn real_words_are_not_typos() {
        let v = vocab(&["the alliance alliance alliance and the allowance", "ordinary unusual words appear once"]);
        let d = decide(&v, &Config::default_for(Path::new("/")));
        assert!(d.values().all(|x| x.code != Code::PossibleTypo), "{d:?}");
    }

    #[test]
    fn matcher_keeps_case_and_boundaries() {
        let v = vocab(&["defense defense defense Defence", "defenceless"]);
        let d = decide(&v, &Config::default_for(Path::new("/")));
        let m = WordMatcher::new(&d);
        let hits = m.find("Defence and defenceless and DEFENCE.");
        let r: Vec<&str> = hits.iter().map(|h| h.replacement.as_str()).collect();
        assert_eq!(r, ["Defense", "DEFENSE"]);
        assert_eq!(match_case("Secretary General", "secretary-general"), "Secretary-General");
    }
}
