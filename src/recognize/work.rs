//! The working state the recognition steps share while one document is
//! analysed ([`Work`]): the tokens, lines and gazetteer hits (read-only after
//! construction), per-token word-class caches, and what the steps record —
//! candidates ([`Cand`]), titles before names ([`PreRole`]), acronyms.
//!
//! Invariant: token indices and byte offsets never mix — token ranges are
//! [`TokRange`]s, byte ranges [`Span`](crate::model::Span)s.

use std::collections::HashMap;

use super::layout::{self, Line};
use super::names;
use crate::fold::squash;
use crate::kb::{GazMatch, Kb};
use crate::lexicon::{Level, lexicon};
use crate::model::{Kind, Origin};
use crate::tokens::Token;

/// A range of token indices, `first..end` (end exclusive) — never bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct TokRange {
    pub first: usize,
    pub end: usize,
}

impl TokRange {
    pub fn new(first: usize, end: usize) -> TokRange {
        TokRange { first, end }
    }

    pub fn is_empty(self) -> bool {
        self.end <= self.first
    }

    /// The token indices.
    pub fn iter(self) -> std::ops::Range<usize> {
        self.first..self.end
    }
}

/// A gazetteer match on token edges.
#[derive(Clone, Copy, Debug)]
pub(crate) struct GazHit {
    pub tokens: TokRange,
    pub hit: GazMatch,
}

/// Places and organisations of the knowledge base written another way
/// ("Middle-East", "Hay'at Tahrir al-Sham", "Addis Abeba"): capitalised words
/// not matched exactly whose consonants are those of one known name
/// ([`Kb::lookup_loose`]). The words must be a whole run of capitals; a single
/// plain word must be one letter from an organisation's name and not a
/// dictionary word or a given or family name ("Huthis" for "Houthis"). Longest
/// first, at most six tokens.
fn loose_hits(text: &str, toks: &[Token], kb: &Kb, exact: &[GazHit]) -> Vec<GazHit> {
    use crate::tokens::{CAP, GLUE};
    const MAX_TOKENS: usize = 6;
    // Token -> end of the exact match starting there; a loose match must not
    // cut one ("Addis" in "Addis Abeba" is extended, not split).
    let mut exact_end = vec![0usize; toks.len()];
    let mut inside = vec![false; toks.len()];
    for g in exact {
        exact_end[g.tokens.first] = g.tokens.end;
        inside[g.tokens.first + 1..g.tokens.end].iter_mut().for_each(|c| *c = true);
    }
    // A whole run of capitalised words only: not part of a longer name
    // ("Min-seok" in "Kim Min-seok").
    let cap_word = |k: usize| toks.get(k).is_some_and(|t| t.is_word() && t.has(CAP));
    let mut out = Vec::new();
    let mut ends = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        if inside[i] || !t.is_word() || !t.has(CAP) || t.end - t.start > 40 || (i > 0 && cap_word(i - 1)) {
            i += 1;
            continue;
        }
        // The tokens a name may run over: capitalised words, hyphen-joined parts
        // and a lowercase article before a hyphen ("al-Sham").
        ends.clear();
        let mut j = i;
        let mut min_end = exact_end[i];
        while j < toks.len() && j - i < MAX_TOKENS {
            min_end = min_end.max(exact_end[j]);
            let tj = toks[j];
            let glued_next = toks.get(j + 2).is_some_and(|n| n.has(GLUE));
            let ok = if tj.is_word() {
                tj.has(CAP) || tj.has(GLUE) || glued_next
            } else {
                // A hyphen (or a dash standing for one) gluing the next part.
                toks.get(j + 1).is_some_and(|n| n.has(GLUE))
            };
            if !ok {
                break;
            }
            if tj.is_word() && !toks.get(j + 2).is_some_and(|n| n.has(GLUE) && n.is_word()) && j + 1 >= min_end {
                ends.push(j + 1);
            }
            j += 1;
        }
        let found = ends.iter().rev().filter(|&&end| !cap_word(end) && end > exact_end[i]).find_map(|&end| {
            let (s, e) = (toks[i].start as usize, toks[end - 1].end as usize);
            let form = &text[s..e];
            // Every word counts ("Bloomberg AI" is not "Bloomberg").
            if toks[i..end].iter().any(|t| t.is_word() && crate::translit::consonants(&text[t.start as usize..t.end as usize]).is_empty()) {
                return None;
            }
            // One plain word (not hyphenated, no apostrophe) only if it is one
            // letter from the name, six letters or more, and not an English word
            // or a given or family name: single words are too often people.
            let mut max_edits = 2;
            if end == i + 1 && !form.contains(['-', '\'', '\u{2019}']) {
                let lower = form.to_lowercase();
                let lx = crate::lexicon::lexicon();
                let letters = form.chars().filter(|c| c.is_alphabetic()).count();
                if letters < 6 || lx.is_known_word(&lower) || lx.is(&lower, crate::lexicon::class::GIVEN | crate::lexicon::class::SURNAME) {
                    return None;
                }
                max_edits = 1;
            }
            let entry = kb.lookup_loose(form, max_edits)?;
            // A plain word is taken for an organisation only ("Atalanta" is a
            // club, not Atlanta), and only if spelled differently: the exact
            // pass leaves out its own spelling on purpose ("trans-Atlantic").
            if max_edits == 1 && (kb.entry(entry).kind != Kind::Org || kb.lookup(form).iter().any(|(e, _)| *e == entry)) {
                return None;
            }
            Some(GazHit { tokens: TokRange::new(i, end), hit: GazMatch { start: s, end: e, entry, form: crate::kb::Form::Alias } })
        });
        match found {
            Some(h) => {
                i = h.tokens.end;
                out.push(h);
            }
            None => i += 1,
        }
    }
    out
}

/// Where an entity's identity comes from inside one document.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Key {
    Kb(usize),
    Name(String),
}

/// A recognised mention before entities are assembled.
#[derive(Clone, Debug)]
pub(crate) struct Cand {
    pub tokens: TokRange,
    pub kind: Kind,
    pub key: Key,
    pub origin: Origin,
    /// A short reference (surname, acronym) to another candidate.
    pub refers_to: Option<usize>,
    /// The person is a byline.
    pub byline: bool,
}

/// A role title written before a person, as found by [`super::names`].
#[derive(Clone, Debug)]
pub(crate) struct PreRole {
    /// The title's tokens.
    pub tokens: TokRange,
    /// The candidate (person) it belongs to.
    pub person: Option<usize>,
    /// An affiliation written before the title (a country, demonym or organisation).
    pub affiliation: Option<Affil>,
}

/// An affiliation as found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Affil {
    /// A known country, place or organisation (a demonym stands for its country).
    Kb(usize),
    /// A discovered organisation: the candidate naming it.
    Cand(usize),
}

/// Working state shared by the recognition steps.
pub(crate) struct Work<'a> {
    pub text: &'a str,
    pub kb: &'a Kb,
    pub toks: Vec<Token>,
    pub lines: Vec<Line>,
    /// Token index -> line index.
    pub line_of: Vec<u32>,
    /// Token index -> the nearest token at or before it that starts a
    /// sentence (`NONE` if none), and at or after it: sentence edges in
    /// constant time however long the sentence.
    pub sent_start_before: Vec<u32>,
    pub sent_start_after: Vec<u32>,
    /// Token index -> the nearest credit word ("Reporting", "Photo") at or
    /// before it (`NONE` if none), made on first use by sign-off detection.
    pub credit_word_before: std::cell::OnceCell<Vec<u32>>,
    /// The line-ups of a sports article, as (line, team candidate, first token
    /// after the colon), in line order: found once by [`super::sports::lineups`],
    /// read by the roles step.
    pub lineups: Vec<(usize, usize, usize)>,
    /// Gazetteer matches on token edges, in text order.
    pub gaz: Vec<GazHit>,
    /// Token index -> index into `gaz` of the match starting there.
    pub gaz_at: Vec<u32>,
    classes: Vec<std::cell::Cell<u64>>,
    levels: Vec<std::cell::Cell<u8>>,
    pub cands: Vec<Cand>,
    pub pre_roles: Vec<PreRole>,
    /// Acronym -> candidate index of its definition.
    pub acronyms: HashMap<String, usize>,
    /// Token index -> candidate covering it.
    pub covered: Vec<u32>,
    /// Single unknown words for coreference to decide.
    pub pending: Vec<names::Pending>,
    /// Organisations found with their country written before them
    /// ("South Korea's Joint Chiefs of Staff"): candidate -> country entry.
    pub org_country: HashMap<usize, usize>,
    /// Acronyms defined for things that are not entities ("ITPP").
    pub not_entities: std::collections::HashSet<String>,
}

/// "No token" in the per-token index tables.
pub(crate) const NONE: u32 = u32::MAX;
const COMPUTED: u64 = 1 << 63;

impl<'a> Work<'a> {
    pub(super) fn new(text: &'a str, toks: Vec<Token>, kb: &'a Kb) -> Work<'a> {
        let lines = layout::lines(text, &toks);
        let mut line_of = vec![0u32; toks.len()];
        for (li, l) in lines.iter().enumerate() {
            for t in l.tokens.clone() {
                line_of[t] = li as u32;
            }
            if l.tokens.end < toks.len() {
                line_of[l.tokens.end] = li as u32;
            }
        }
        let mut sent_start_before = vec![NONE; toks.len()];
        let mut last = NONE;
        for (i, t) in toks.iter().enumerate() {
            if t.has(crate::tokens::SENT_START) {
                last = i as u32;
            }
            sent_start_before[i] = last;
        }
        let mut sent_start_after = vec![NONE; toks.len()];
        let mut next = NONE;
        for (i, t) in toks.iter().enumerate().rev() {
            if t.has(crate::tokens::SENT_START) {
                next = i as u32;
            }
            sent_start_after[i] = next;
        }
        let mut gaz_at = vec![NONE; toks.len()];
        let mut gaz = Vec::new();
        for m in kb.find(text) {
            // Map byte ranges to token ranges; matches not on token edges are dropped.
            let first = toks.partition_point(|t| (t.start as usize) < m.start);
            if first >= toks.len() || toks[first].start as usize != m.start {
                continue;
            }
            let mut end = first;
            while end < toks.len() && (toks[end].end as usize) <= m.end {
                end += 1;
            }
            if end == first || toks[end - 1].end as usize != m.end {
                continue;
            }
            gaz_at[first] = gaz.len() as u32;
            gaz.push(GazHit { tokens: TokRange::new(first, end), hit: m });
        }
        let loose = loose_hits(text, &toks, kb, &gaz);
        if !loose.is_empty() {
            // Exact matches a loose one extends ("Addis" of "Addis Abeba") give way.
            gaz.retain(|g| !loose.iter().any(|l| l.tokens.first <= g.tokens.first && g.tokens.end <= l.tokens.end));
            gaz.extend(loose);
            gaz.sort_by_key(|g| g.tokens.first);
            gaz_at.iter_mut().for_each(|g| *g = NONE);
            for (gi, g) in gaz.iter().enumerate() {
                gaz_at[g.tokens.first] = gi as u32;
            }
        }
        let n = toks.len();
        Work {
            text,
            kb,
            toks,
            lines,
            line_of,
            sent_start_before,
            sent_start_after,
            credit_word_before: std::cell::OnceCell::new(),
            lineups: Vec::new(),
            gaz,
            gaz_at,
            classes: vec![std::cell::Cell::new(0); n],
            levels: vec![std::cell::Cell::new(0); n],
            cands: Vec::new(),
            pre_roles: Vec::new(),
            acronyms: HashMap::new(),
            covered: vec![NONE; n],
            pending: Vec::new(),
            org_country: HashMap::new(),
            not_entities: Default::default(),
        }
    }

    /// The text of token `i`.
    pub fn t(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }

    /// Word-class bits of token `i` (cached).
    pub fn class(&self, i: usize) -> u64 {
        let c = self.classes[i].get();
        if c & COMPUTED != 0 {
            return c & !COMPUTED;
        }
        let v = if self.toks[i].is_word() { lexicon().classes(self.t(i)) } else { 0 };
        self.classes[i].set(v | COMPUTED);
        v
    }

    /// Whether token `i` has any of the class bits.
    pub fn is(&self, i: usize, bits: u64) -> bool {
        i < self.toks.len() && self.class(i) & bits != 0
    }

    /// Dictionary level of token `i` (None if not an English word).
    pub fn level(&self, i: usize) -> Option<Level> {
        match self.levels[i].get() {
            0 => {
                let l = lexicon().word_level(self.t(i));
                self.levels[i].set(l.unwrap_or(255));
                l
            }
            255 => None,
            l => Some(l),
        }
    }

    /// Whether token `i` is an English word of at most `max` frequency class.
    pub fn is_word(&self, i: usize, max: Level) -> bool {
        self.toks[i].is_word() && self.level(i).is_some_and(|l| l <= max)
    }

    /// The gazetteer match starting at token `i`.
    pub fn gaz_starting(&self, i: usize) -> Option<GazHit> {
        let g = *self.gaz_at.get(i)?;
        (g != NONE).then(|| self.gaz[g as usize])
    }

    /// Whether token `i` is the punctuation char `c`.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        i < self.toks.len() && self.toks[i].punct(self.text) == Some(c)
    }

    /// Adds a candidate unless it overlaps one already recorded; returns its index.
    pub fn add(&mut self, cand: Cand) -> Option<usize> {
        if cand.tokens.is_empty() || cand.tokens.iter().any(|i| self.covered[i] != NONE) {
            return None;
        }
        let idx = self.cands.len();
        for i in cand.tokens.iter() {
            self.covered[i] = idx as u32;
        }
        self.cands.push(cand);
        Some(idx)
    }

    /// The line under line `li`, past at most one empty line: where a byline's
    /// title or date is written.
    pub fn line_under(&self, li: usize) -> Option<usize> {
        (li + 1..self.lines.len().min(li + 3)).find(|&n| !self.lines[n].tokens.is_empty())
    }

    /// Extends candidate `c` to end at token `end`, over tokens no candidate covers.
    pub fn extend_cand(&mut self, c: usize, end: usize) {
        let from = self.cands[c].tokens.end;
        if end <= from || (from..end).any(|i| self.covered[i] != NONE) {
            return;
        }
        for i in from..end {
            self.covered[i] = c as u32;
        }
        self.cands[c].tokens.end = end;
    }

    /// The candidate `c` refers to by coreference (itself if none).
    pub fn root(&self, c: usize) -> usize {
        self.cands[c].refers_to.unwrap_or(c)
    }

    /// The candidate covering token `i`.
    pub fn cand_at(&self, i: usize) -> Option<usize> {
        self.covered.get(i).copied().filter(|&c| c != NONE).map(|c| c as usize)
    }

    /// Byte range of tokens `first..end`.
    pub fn span(&self, first: usize, end: usize) -> std::ops::Range<usize> {
        self.toks[first].start as usize..self.toks[end - 1].end as usize
    }

    /// Text of tokens `first..end`.
    pub fn span_text(&self, first: usize, end: usize) -> &'a str {
        &self.text[self.span(first, end)]
    }
}

/// The identity key of a discovered name.
pub(crate) fn name_key(text: &str) -> Key {
    Key::Name(squash(text))
}
