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

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::config::{Config, SpellingStyle};
use crate::lexicon::lexicon;
use crate::model::{Code, PreferredBy};
use crate::vocab::Vocab;

use super::varcon::{Systems, varcon};

// ---------------------------------------------------------------- decisions

/// What to do about one written form of an ordinary word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordDecision {
    /// `inconsistent-spelling`, `house-style` or `possible-typo`.
    pub code: Code,
    pub preferred: String,
    pub rule: PreferredBy,
    /// Every form of the group with its corpus count, most used first.
    pub counts: Vec<(String, u32)>,
}

/// The corpus's overall spelling system, when it has a clear one.
fn corpus_style(vocab: &Vocab) -> Option<bool /* american */> {
    let vc = varcon();
    let (mut am, mut br) = (0u32, 0u32);
    for (w, n) in &vocab.0 {
        if let Some(list) = vc.by_word.get(w.as_str()) {
            for (_, s) in list {
                match (s.american, s.british) {
                    (true, false) => am += n,
                    (false, true) => br += n,
                    _ => {}
                }
            }
        }
    }
    if am + br == 0 {
        None
    } else if am * 3 >= (am + br) * 2 {
        Some(true)
    } else if br * 3 >= (am + br) * 2 {
        Some(false)
    } else {
        None
    }
}

/// Decides every ordinary-word form that gets a finding, keyed by lowercase form.
pub fn decide(vocab: &Vocab, config: &Config) -> HashMap<String, WordDecision> {
    let mut out: HashMap<String, WordDecision> = HashMap::new();
    let vc = varcon();
    let style = match config.spelling {
        SpellingStyle::American => Some(true),
        SpellingStyle::British => Some(false),
        SpellingStyle::Auto => corpus_style(vocab),
    };
    let configured = config.spelling != SpellingStyle::Auto;
    // House-style pairs, entry by entry.
    let mut seen_entries: HashMap<u32, ()> = HashMap::new();
    for w in vocab.0.keys() {
        let Some(list) = vc.by_word.get(w.as_str()) else { continue };
        for (id, _) in list {
            if seen_entries.insert(*id, ()).is_some() {
                continue;
            }
            let forms: Vec<(&str, u32, Systems)> =
                vc.entries[*id as usize].iter().map(|f| (*f, vocab.count(f), vc.valid.get(f).copied().unwrap_or_default())).collect();
            let used: Vec<&(&str, u32, Systems)> = forms.iter().filter(|f| f.1 > 0).collect();
            if used.is_empty() {
                continue;
            }
            let in_style = |s: &Systems| match style {
                Some(true) => s.american,
                Some(false) => s.british,
                None => true,
            };
            // The preferred form: the most used among those valid in the style.
            let mut cands: Vec<&(&str, u32, Systems)> = forms.iter().filter(|f| in_style(&f.2)).collect();
            if cands.is_empty() {
                continue;
            }
            cands.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| primary_rank(&b.2, style).cmp(&primary_rank(&a.2, style))).then(a.0.cmp(b.0)));
            let preferred = cands[0].0;
            let mut counts: Vec<(String, u32)> = used.iter().map(|f| (f.0.to_string(), f.1)).collect();
            counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let style_decides = used.iter().any(|f| !in_style(&f.2));
            let rule = if style_decides && configured { PreferredBy::HouseStyle } else { PreferredBy::Majority };
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
                out.insert(f.0.to_string(), WordDecision { code, preferred: preferred.to_string(), rule, counts: counts.clone() });
            }
        }
    }
    compounds(vocab, &mut out);
    typos(vocab, &mut out);
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

/// Open, hyphenated and closed forms of one compound used side by side.
fn compounds(vocab: &Vocab, out: &mut HashMap<String, WordDecision>) {
    let lx = lexicon();
    let mut families: HashMap<String, Vec<(String, u32)>> = HashMap::new();
    for (w, n) in &vocab.0 {
        let Some((a, b)) = w.split_once(['-', ' ']) else { continue };
        let closed = format!("{a}{b}");
        let fam = families.entry(closed.clone()).or_default();
        fam.push((w.clone(), *n));
        // The closed form counts if it is a dictionary word ("cooperation").
        if w.contains('-') && lx.is_known_word(&closed) && !fam.iter().any(|(f, _)| *f == closed) {
            let c = vocab.count(&closed);
            if c > 0 {
                fam.push((closed.clone(), c));
            }
        }
    }
    for (_, mut forms) in families {
        forms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        forms.dedup_by(|a, b| a.0 == b.0);
        if forms.len() < 2 {
            continue;
        }
        // Only role titles may be open or hyphenated; other compounds only closed
        // or hyphenated (an open "well known" after a verb is grammar, not style).
        let open_ok = forms.iter().any(|(f, _)| f.contains(' '));
        let has_closed = forms.iter().any(|(f, _)| !f.contains(['-', ' ']));
        if !open_ok && !has_closed {
            continue;
        }
        let preferred = forms[0].0.clone();
        for (f, _) in &forms[1..] {
            out.entry(f.clone()).or_insert(WordDecision {
                code: Code::InconsistentSpelling,
                preferred: preferred.clone(),
                rule: PreferredBy::Majority,
                counts: forms.clone(),
            });
        }
    }
}

/// Words used once, not in the dictionary, one edit from a word the corpus uses
/// often (or listed as a known misspelling of a word the corpus uses).
fn typos(vocab: &Vocab, out: &mut HashMap<String, WordDecision>) {
    let lx = lexicon();
    for (w, n) in &vocab.0 {
        if *n != 1 || w.contains(['-', ' ']) || w.len() < 5 || lx.is_known_word(w) || out.contains_key(w) {
            continue;
        }
        let known: Vec<String> = typos_dict::WORD
            .find(&unicase::UniCase::new(w.as_str()))
            .map(|c| c.iter().map(|s| s.to_lowercase()).collect())
            .unwrap_or_default();
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
        if let Some((c, k)) = best {
            out.insert(
                w.clone(),
                WordDecision {
                    code: Code::PossibleTypo,
                    preferred: c.clone(),
                    rule: PreferredBy::Dictionary,
                    counts: vec![(c, k), (w.clone(), 1)],
                },
            );
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

/// One decided form found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordHit {
    pub start: usize,
    pub end: usize,
    /// The lowercase form (the decision's key).
    pub form: String,
    /// The replacement in the text's own capitalisation.
    pub replacement: String,
}

/// Finds decided forms in texts (one Aho-Corasick pass per text).
pub struct WordMatcher {
    ac: Option<AhoCorasick>,
    forms: Vec<String>,
    preferred: Vec<String>,
}

impl WordMatcher {
    pub fn new(decisions: &HashMap<String, WordDecision>) -> WordMatcher {
        let mut pairs: Vec<(&String, &WordDecision)> = decisions.iter().collect();
        pairs.sort_by(|a, b| a.0.cmp(b.0));
        let forms: Vec<String> = pairs.iter().map(|(f, _)| (*f).clone()).collect();
        let preferred = pairs.iter().map(|(_, d)| d.preferred.clone()).collect();
        let ac = (!forms.is_empty())
            .then(|| AhoCorasickBuilder::new().ascii_case_insensitive(true).match_kind(MatchKind::LeftmostLongest).build(&forms).ok())
            .flatten();
        WordMatcher { ac, forms, preferred }
    }

    /// Decided forms in `text`, on word boundaries.
    pub fn find(&self, text: &str) -> Vec<WordHit> {
        let Some(ac) = &self.ac else { return Vec::new() };
        let mut out = Vec::new();
        for m in ac.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            let before = text[..s].chars().next_back();
            let after = text[e..].chars().next();
            let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '-' && c != '_');
            if !boundary(before) || !boundary(after) {
                continue;
            }
            // An open compound must be separated by exactly one space.
            let found = &text[s..e];
            let i = m.pattern().as_usize();
            out.push(WordHit { start: s, end: e, form: self.forms[i].clone(), replacement: match_case(found, &self.preferred[i]) });
        }
        out
    }
}

/// `to` in the capitalisation of `from` ("Defence" -> "Defense", "DEFENCE" -> "DEFENSE").
pub fn match_case(from: &str, to: &str) -> String {
    let letters: Vec<char> = from.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return to.to_uppercase();
    }
    // Title case per word ("Secretary General" -> "Secretary-General").
    let from_words: Vec<&str> = from.split(['-', ' ']).collect();
    let mut out = String::with_capacity(to.len());
    let mut wi = 0;
    let mut start = true;
    for c in to.chars() {
        if c == '-' || c == ' ' {
            out.push(c);
            wi += 1;
            start = true;
            continue;
        }
        if start {
            let cap =
                from_words.get(wi.min(from_words.len().saturating_sub(1))).and_then(|w| w.chars().next()).is_some_and(char::is_uppercase);
            if cap {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
            start = false;
        } else {
            out.push(c);
        }
    }
    out
}

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
