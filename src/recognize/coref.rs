//! Coreference inside one article: a family name or given name used alone ("Lee",
//! "Borrell", "Wi") after (or, in captions and headlines, before) the person's full
//! name refers to that person — the nearest full mention before it, else the first
//! after it. Single words no person explains are then classified by their context:
//! "in X" / "city of X" make a place, "X said" with a known family name a person.

use std::collections::HashMap;

use super::names::Mode;
use super::{Cand, Key, TokRange, Work, name_key};
use crate::fold::fold;
use crate::lexicon::class::*;
use crate::lexicon::level;
use crate::model::{Kind, Origin};
use crate::romanize;
use crate::tokens::{GLUE, SENT_START, TokKind};

/// Shortest surname for which a one-letter slip still names the same person:
/// shorter names one edit apart are usually different names (Kim / Lim, Park / Pak
/// are handled by romanization keys, not here).
const MIN_SLIP_LEN: usize = 7;

/// Generational suffixes after a family name ("John Smith Jr.", "Henry Ford II"):
/// a later reference uses the name before them.
const GENERATIONAL: [&str; 6] = ["Jr", "Sr", "II", "III", "IV", "Jnr"];

/// The nearest (first token, candidate) before a reference and the first after it.
type BeforeAfter = (Option<(usize, usize)>, Option<(usize, usize)>);

/// Up to this many name words, one-letter slips are looked for by comparing
/// with each; past it (a long one-line document), through an index.
const SLIP_SCAN: usize = 64;

/// The name words of tokens `first..end`, hyphen-glued parts joined
/// ("Lee Jae-myung" -> ["Lee", "Jae-myung"]).
pub(crate) fn name_words(w: &Work, first: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for k in first..end {
        let t = w.toks[k];
        if !t.is_word() {
            continue;
        }
        match out.last_mut() {
            Some(last) if t.has(GLUE) => last.1 = k + 1,
            _ => out.push((k, k + 1)),
        }
    }
    out
}

/// Full names of people in one document, by each of their first and last name
/// words (folded): what a one-word reference is looked up in.
struct FullNames {
    /// Folded word -> the candidates it is a first or last word of, with their
    /// first token, sorted by it (candidates never overlap, so first tokens are
    /// distinct).
    by_word: HashMap<String, Vec<(usize, usize)>>,
    /// The folded last words: only they have one-letter slips ("Stoltenburg"),
    /// a given name one letter off is another name ("Mohamud" / "Mohamed").
    last_words: std::collections::HashSet<String>,
    /// For one-letter slips: every word and every word with one char deleted
    /// -> the words of `by_word` it comes from (built on first use).
    slips: std::cell::OnceCell<HashMap<String, Vec<String>>>,
}

impl FullNames {
    fn new(w: &Work) -> FullNames {
        let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
        let mut last_words = std::collections::HashSet::new();
        for (ci, c) in w.cands.iter().enumerate() {
            if c.kind != Kind::Person || c.refers_to.is_some() {
                continue;
            }
            let mut words = name_words(w, c.tokens.first, c.tokens.end);
            // "John Smith Jr." is "Smith" later: the family name is before the suffix.
            while words.len() > 2 && words.last().is_some_and(|&(f, e)| GENERATIONAL.contains(&w.span_text(f, e).trim_end_matches('.'))) {
                words.pop();
            }
            if words.len() < 2 {
                continue;
            }
            let (lf, le) = words[words.len() - 1];
            last_words.insert(fold(w.span_text(lf, le)));
            let mut keys = vec![words[0], words[words.len() - 1]];
            keys.dedup();
            for (f, e) in keys {
                let s = fold(w.span_text(f, e));
                let list = by_word.entry(s).or_default();
                if list.last() != Some(&ci) {
                    list.push(ci);
                }
            }
        }
        let by_word = by_word
            .into_iter()
            .map(|(k, list)| {
                let mut v: Vec<(usize, usize)> = list.into_iter().map(|c| (w.cands[c].tokens.first, c)).collect();
                v.sort_unstable();
                v.dedup();
                (k, v)
            })
            .collect();
        FullNames { by_word, last_words, slips: std::cell::OnceCell::new() }
    }

    /// The words of `by_word` one edit from `f` (which is not one of them) and
    /// at least [`MIN_SLIP_LEN`] chars long. Two strings one edit apart
    /// (substitution, insertion, deletion or swap of neighbours) share a
    /// string made by deleting at most one char from each.
    fn slips_of(&self, f: &str) -> Vec<&str> {
        let slip = |k: &&str| k.chars().count() >= MIN_SLIP_LEN && self.last_words.contains(*k) && crate::keys::edit_distance(k, f, 1) == 1;
        if self.by_word.len() <= SLIP_SCAN {
            let mut out: Vec<&str> = self.by_word.keys().map(String::as_str).filter(slip).collect();
            out.sort_unstable();
            return out;
        }
        let slips = self.slips.get_or_init(|| {
            let mut m: HashMap<String, Vec<String>> = HashMap::new();
            for k in self.by_word.keys().filter(|k| k.chars().count() >= MIN_SLIP_LEN) {
                for v in deletions(k) {
                    m.entry(v).or_default().push(k.clone());
                }
            }
            m
        });
        let mut out: Vec<&str> = deletions(f).iter().filter_map(|v| slips.get(v)).flatten().map(String::as_str).filter(slip).collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The full name a one-word reference `word` at token `tok` stands for: the
    /// nearest before it, else the first after it.
    fn antecedent(&self, tok: usize, word: &str) -> Option<usize> {
        let f = fold(word);
        let nearest = |list: &[(usize, usize)]| -> BeforeAfter {
            let i = list.partition_point(|&(first, _)| first < tok);
            let before = i.checked_sub(1).map(|j| list[j]);
            let after = list[i..].iter().copied().find(|&(first, _)| first > tok);
            (before, after)
        };
        let (before, after) = match self.by_word.get(&f) {
            Some(list) => nearest(list),
            // A one-letter slip of a long surname ("Stoltenburg" for Stoltenberg).
            None if f.chars().count() >= MIN_SLIP_LEN && !crate::lexicon::lexicon().is_known_word(&f) => {
                let (mut before, mut after): BeforeAfter = (None, None);
                for k in self.slips_of(&f) {
                    let (b, a) = nearest(&self.by_word[k]);
                    before = before.max(b);
                    after = match (after, a) {
                        (Some(x), Some(y)) => Some(x.min(y)),
                        (x, y) => x.or(y),
                    };
                }
                (before, after)
            }
            None => return None,
        };
        before.or(after).map(|(_, c)| c)
    }
}

/// `s` and every string made from it by deleting one char.
fn deletions(s: &str) -> Vec<String> {
    let mut out = vec![s.to_string()];
    for (i, c) in s.char_indices() {
        let mut v = String::with_capacity(s.len());
        v.push_str(&s[..i]);
        v.push_str(&s[i + c.len_utf8()..]);
        out.push(v);
    }
    out
}

pub(crate) fn link(w: &mut Work) {
    let names = FullNames::new(w);
    let antecedent = |_: &Work, tok: usize, word: &str| names.antecedent(tok, word);
    // One-word places that are a person's name here ("Austin said", after
    // "Lloyd Austin").
    for ci in 0..w.cands.len() {
        let c = &w.cands[ci];
        let Key::Kb(e) = c.key else { continue };
        if c.tokens.end != c.tokens.first + 1
            || c.kind != Kind::Loc
            || w.kb.entry(e).class != crate::kb::Class::Place
            || w.toks[c.tokens.first].has(crate::tokens::ALLCAPS)
        {
            continue;
        }
        let word = w.t(c.tokens.first).to_string();
        let first = c.tokens.first;
        // Only after the person is named, and not where a preposition makes
        // it the place: "in Paris" stays the city, whoever "Jacques Paris" is.
        let located = first > 0 && w.is(first - 1, crate::lexicon::class::LOC_PRE);
        if let Some(a) = antecedent(w, first, &word).filter(|&a| w.cands[a].tokens.end <= first && !located) {
            let key = w.cands[a].key.clone();
            let c = &mut w.cands[ci];
            c.kind = Kind::Person;
            c.key = key;
            c.origin = Origin::Reference;
            c.refers_to = Some(a);
        }
    }
    // One-word people ("President Lee") refer to the full name.
    for ci in 0..w.cands.len() {
        let c = &w.cands[ci];
        if c.kind != Kind::Person || c.refers_to.is_some() || name_words(w, c.tokens.first, c.tokens.end).len() != 1 {
            continue;
        }
        let word = w.span_text(c.tokens.first, c.tokens.end).to_string();
        let first = c.tokens.first;
        if let Some(a) = antecedent(w, first, &word)
            && a != ci
        {
            w.cands[ci].refers_to = Some(a);
            w.cands[ci].origin = Origin::Reference;
        }
    }
    // A gloss in another script right after a name: "Lee Jae-myung (이재명)".
    for ci in 0..w.cands.len() {
        let c = &w.cands[ci];
        if c.kind != Kind::Person
            || c.tokens.end + 2 >= w.toks.len()
            || !w.is_punct(c.tokens.end, '(')
            || !w.is_punct(c.tokens.end + 2, ')')
        {
            continue;
        }
        let g = c.tokens.end + 1;
        let gloss = w.t(g);
        let foreign = gloss.chars().all(|ch| ch.is_alphabetic() && !ch.is_ascii() && !ch.is_ascii_alphabetic())
            && gloss.chars().any(|ch| !matches!(ch, '\u{00c0}'..='\u{024f}'));
        if foreign && w.cand_at(g).is_none() {
            let key = w.cands[ci].key.clone();
            let root = w.cands[ci].refers_to.unwrap_or(ci);
            w.add(Cand {
                tokens: TokRange::new(g, g + 1),
                kind: Kind::Person,
                key,
                origin: Origin::Reference,
                refers_to: Some(root),
                byline: false,
            });
        }
    }
    // Single capitalised words left undecided by the name pass.
    let pending = std::mem::take(&mut w.pending);
    let heads = OrgHeads::new(w);
    for p in pending {
        let tok = p.tok;
        if w.cand_at(tok).is_some() {
            continue;
        }
        let word = w.t(tok).to_string();
        if let Some(a) = heads.reference(w, tok).or_else(|| heads.company(w, tok)) {
            let key = w.cands[a].key.clone();
            w.add(Cand {
                tokens: TokRange::new(tok, tok + 1),
                kind: Kind::Org,
                key,
                origin: Origin::Reference,
                refers_to: Some(a),
                byline: false,
            });
            continue;
        }
        if let Some(a) = antecedent(w, tok, &word) {
            let key = w.cands[a].key.clone();
            // "von der Leyen": the particles the full name has come along.
            let mut first = tok;
            while first > 0
                && w.toks[first - 1].has(crate::tokens::LOWER)
                && w.is(first - 1, PARTICLE)
                && w.cand_at(first - 1).is_none()
                && w.span_text(w.cands[a].tokens.first, w.cands[a].tokens.end).contains(&format!("{} ", w.t(first - 1)))
            {
                first -= 1;
            }
            w.add(Cand {
                tokens: TokRange::new(first, tok + 1),
                kind: Kind::Person,
                key,
                origin: Origin::Reference,
                refers_to: Some(a),
                byline: false,
            });
            continue;
        }
        if p.mode != Mode::Full || p.fallback {
            continue;
        }
        if let Some(kind) = single_word_kind(w, tok) {
            w.add(Cand {
                tokens: TokRange::new(tok, tok + 1),
                kind,
                key: name_key(&word),
                origin: Origin::Discovered,
                refers_to: None,
                byline: false,
            });
        }
    }
}

/// Organisations of two or more words by their last word, each list sorted by
/// position: what "the Commission" is looked up in. Taken before the single
/// words are decided (which add no such organisations).
struct OrgHeads<'a> {
    by_head: HashMap<&'a str, Vec<(usize, usize)>>,
    /// Companies named with a suffix ("Newton Mining Corp.") by their first
    /// word, sorted by position: what a lone "Newton" is looked up in.
    by_first: HashMap<&'a str, Vec<(usize, usize)>>,
}

impl<'a> OrgHeads<'a> {
    fn new(w: &Work<'a>) -> OrgHeads<'a> {
        let mut by_head: HashMap<&'a str, Vec<(usize, usize)>> = HashMap::new();
        for (i, c) in w.cands.iter().enumerate() {
            if c.kind == Kind::Org && c.tokens.end > c.tokens.first + 1 {
                by_head.entry(w.t(c.tokens.end - 1)).or_default().push((c.tokens.first, i));
            }
        }
        let mut by_first: HashMap<&'a str, Vec<(usize, usize)>> = HashMap::new();
        for (i, c) in w.cands.iter().enumerate() {
            if c.kind != Kind::Org || c.refers_to.is_some() {
                continue;
            }
            let words = name_words(w, c.tokens.first, c.tokens.end);
            let (Some(&(f, fe)), Some(&(l, _))) = (words.first(), words.last()) else { continue };
            let suffixed = words.len() >= 2 && (w.is(l, COMPANY_SUFFIX) || w.is(c.tokens.end - 1, COMPANY_SUFFIX));
            if suffixed
                && fe == f + 1
                && w.toks[f].is_cap()
                && w.t(f).chars().count() >= 3
                && !w.is(f, FUNC)
                && !w.is_word(f, level::COMMON)
            {
                by_first.entry(w.t(f)).or_default().push((c.tokens.first, i));
            }
        }
        for v in by_head.values_mut().chain(by_first.values_mut()) {
            v.sort_unstable();
        }
        OrgHeads { by_head, by_first }
    }

    /// "Newton" before or after "Newton Mining Corp.": a company's first word
    /// alone refers to the nearest company named with a suffix that starts
    /// with it (before it, else after).
    fn company(&self, w: &Work, tok: usize) -> Option<usize> {
        let list = self.by_first.get(w.t(tok))?;
        let n = list.partition_point(|&(first, _)| first < tok);
        let (_, i) = *list[..n].last().or_else(|| list.get(n))?;
        (w.cands[i].tokens.first != tok).then(|| w.cands[i].refers_to.unwrap_or(i))
    }

    /// "the Commission" after "the European Commission": an organisation's head
    /// word after "the" refers to the nearest organisation before it whose name
    /// ends in that word.
    fn reference(&self, w: &Work, tok: usize) -> Option<usize> {
        if tok == 0 || !w.t(tok - 1).eq_ignore_ascii_case("the") || !w.is(tok, ORG_HEAD) {
            return None;
        }
        // Candidates never overlap: in order of first token, they are in order of end.
        let list = self.by_head.get(w.t(tok))?;
        let n = list.partition_point(|&(_, i)| w.cands[i].tokens.end < tok);
        let (_, i) = *list[..n].last()?;
        Some(w.cands[i].refers_to.unwrap_or(i))
    }
}

/// The kind a lone unknown capitalised word has from its context, if any.
fn single_word_kind(w: &mut Work, tok: usize) -> Option<Kind> {
    let t = w.toks[tok];
    if t.has(crate::tokens::DIGIT) || w.is(tok, FUNC | CALENDAR | NOT_NAME) {
        return None;
    }
    if w.is(tok, INSTITUTION) && !t.has(SENT_START) && tok > 0 && w.t(tok - 1) == "the" {
        return Some(Kind::Org);
    }
    if w.is(tok, ROLE_HEAD | ROLE_MOD | ORG_HEAD | EVENT_HEAD) {
        return None;
    }
    let common = w.is_word(tok, 50);
    let name_like = w.is(tok, GIVEN | SURNAME) || romanize::is_korean_surname(w.t(tok));
    // "AkzoNobel", "BlackRock", "PayPal": a brand in camel case (not a surname
    // with a prefix: McLaren, DeSantis, LeBron, MacArthur, DiCaprio).
    if t.has(crate::tokens::MIXED) && !common && !name_like && is_brand_case(w.t(tok)) {
        return Some(Kind::Org);
    }
    // "in Vilnius", "to nearby Geoje", "the city of Gyeongju".
    let prev = prev_word(w, tok);
    let prev2 = prev.and_then(|p| prev_word(w, p));
    let loc_before = prev.is_some_and(|p| w.toks[p].has(crate::tokens::LOWER) && w.is(p, LOC_PRE))
        || (prev.is_some_and(|p| w.t(p) == "of") && prev2.is_some_and(|p| w.is(p, LOC_NOUN)));
    // "to European security": an adjective before a noun is not a place.
    let next_is_noun = next_word(w, tok).is_some_and(|n| w.toks[n].has(crate::tokens::LOWER) && !w.is(n, FUNC));
    if loc_before && !common && !name_like && !t.has(SENT_START) && !next_is_noun {
        return Some(Kind::Loc);
    }
    // "Carney said": a known family or given name before a verb of speech.
    let next = next_word(w, tok);
    if name_like && !common && next.is_some_and(|n| w.toks[n].has(crate::tokens::LOWER) && w.is(n, SPEECH)) {
        return Some(Kind::Person);
    }
    None
}

/// The most letters before the inner capital of a surname prefix ("Mc", "Mac").
const SURNAME_PREFIXES: [&str; 9] = ["Mc", "Mac", "De", "Di", "Da", "Le", "La", "Van", "Von"];

/// Whether a camel-case word is a brand's shape: at least five letters, lowercase
/// before its inner capital, and not a surname prefix before it ("McLaren").
fn is_brand_case(word: &str) -> bool {
    let Some(inner) = word.char_indices().skip(1).find(|(_, c)| c.is_uppercase()).map(|(i, _)| i) else { return false };
    let prefix = &word[..inner];
    word.chars().count() >= 5
        && word.chars().all(char::is_alphabetic)
        && prefix.chars().skip(1).all(char::is_lowercase)
        && !SURNAME_PREFIXES.contains(&prefix)
}

fn prev_word(w: &Work, tok: usize) -> Option<usize> {
    let p = tok.checked_sub(1)?;
    (w.toks[p].kind == TokKind::Word).then_some(p)
}

fn next_word(w: &Work, tok: usize) -> Option<usize> {
    let n = tok + 1;
    (n < w.toks.len() && w.toks[n].kind == TokKind::Word).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::is_brand_case;

    #[test]
    fn brands_in_camel_case_but_not_prefixed_surnames() {
        for brand in ["AkzoNobel", "BlackRock", "PayPal", "ThyssenKrupp", "JPMorgan"] {
            assert!(is_brand_case(brand), "{brand}");
        }
        for name in ["McLaren", "MacArthur", "DeSantis", "LeBron", "DiCaprio", "VanDyke", "AbC", "Nestlé", "O'Neill"] {
            assert!(!is_brand_case(name), "{name}");
        }
    }
}
