//! Recognition: one document's text in, its mentions, entities, role claims, date
//! and quoted-speech ranges out — [`analyze`], a pure function of the text, the
//! knowledge base and the file's date.
//!
//! The steps, each in its own module:
//! 1. [`crate::tokens`]: words and punctuation with byte ranges and capitalisation facts;
//! 2. [`layout`]: headers, headlines, bylines, captions, site furniture;
//! 3. the knowledge base's gazetteer pass ([`crate::kb::Kb::find`]);
//! 4. [`names`]: capitalised runs split into roles, honorifics, known names and
//!    unknown names, classified as person / organisation / place by cues;
//! 5. [`coref`]: surname-only references and acronyms linked to the full name;
//! 6. [`roles`]: each person's role and affiliation, with the evidence sentence;
//! 7. [`dates`]: the article's date.

pub mod coref;
pub mod dates;
pub mod layout;
pub mod names;
pub mod roles;

use std::collections::HashMap;

use crate::fold::squash;
use crate::kb::{GazMatch, Kb};
use crate::lexicon::{Level, lexicon};
use crate::model::{Date, DocAnalysis, DocEntity, Kind, Mention, Origin, RoleSpan};
use layout::Line;
use crate::tokens::{Token, quotes, tokenize};

/// Analyses one document. `file_date` is the file's modification date, the last
/// resort for the article's date.
pub fn analyze(text: &str, kb: &Kb, file_date: Option<Date>) -> DocAnalysis {
    analyze_tokens(text, tokenize(text), kb, file_date)
}

/// [`analyze`] on the document's tokens (made by [`tokenize`]; the caller may
/// count words on the same tokens first, so a document is tokenized once).
pub fn analyze_tokens(text: &str, toks: Vec<Token>, kb: &Kb, file_date: Option<Date>) -> DocAnalysis {
    let mut w = Work::new(text, toks, kb);
    names::recognize(&mut w);
    coref::link(&mut w);
    let claims = roles::extract(&mut w);
    let mut doc = w.finish(claims);
    doc.date = dates::detect(text, file_date);
    doc.quotes = quotes(text);
    doc
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
    /// Token range, inclusive start, exclusive end.
    pub first: usize,
    pub end: usize,
    pub kind: Kind,
    pub key: Key,
    pub origin: Origin,
    /// A short reference (surname, acronym) to another candidate.
    pub refers_to: Option<usize>,
    /// The person is a byline.
    pub byline: bool,
}

/// A role title written before a person, as found by [`names`].
#[derive(Clone, Debug)]
pub(crate) struct PreRole {
    /// Token range of the title.
    pub first: usize,
    pub end: usize,
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
    /// Gazetteer matches as token ranges.
    pub gaz: Vec<(usize, usize, GazMatch)>,
    /// Token index -> index into `gaz` of the match starting there.
    pub gaz_at: Vec<u32>,
    classes: Vec<std::cell::Cell<u32>>,
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

const NONE: u32 = u32::MAX;
const COMPUTED: u32 = 1 << 31;

impl<'a> Work<'a> {
    fn new(text: &'a str, toks: Vec<Token>, kb: &'a Kb) -> Work<'a> {
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
            gaz.push((first, end, m));
        }
        let n = toks.len();
        Work {
            text,
            kb,
            toks,
            lines,
            line_of,
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
    pub fn class(&self, i: usize) -> u32 {
        let c = self.classes[i].get();
        if c & COMPUTED != 0 {
            return c & !COMPUTED;
        }
        let v = if self.toks[i].is_word() { lexicon().classes(self.t(i)) } else { 0 };
        self.classes[i].set(v | COMPUTED);
        v
    }

    /// Whether token `i` has any of the class bits.
    pub fn is(&self, i: usize, bits: u32) -> bool {
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
    pub fn gaz_starting(&self, i: usize) -> Option<(usize, usize, GazMatch)> {
        let g = *self.gaz_at.get(i)?;
        (g != NONE).then(|| self.gaz[g as usize])
    }

    /// Whether token `i` is the punctuation char `c`.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        i < self.toks.len() && self.toks[i].punct(self.text) == Some(c)
    }

    /// Adds a candidate unless it overlaps one already recorded; returns its index.
    pub fn add(&mut self, cand: Cand) -> Option<usize> {
        if cand.first >= cand.end || (cand.first..cand.end).any(|i| self.covered[i] != NONE) {
            return None;
        }
        let idx = self.cands.len();
        for i in cand.first..cand.end {
            self.covered[i] = idx as u32;
        }
        self.cands.push(cand);
        Some(idx)
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

    /// Assembles mentions and entities.
    fn finish(self, claims: Vec<(usize, crate::model::Claim)>) -> DocAnalysis {
        // Resolve references to their root candidate.
        let root = |mut c: usize| {
            let mut guard = 0;
            while let Some(r) = self.cands[c].refers_to {
                if r == c || guard > 16 {
                    break;
                }
                c = r;
                guard += 1;
            }
            c
        };
        let mut entity_of_key: HashMap<(Key, Kind), usize> = HashMap::new();
        let mut entities: Vec<DocEntity> = Vec::new();
        let mut entity_of_cand = vec![0usize; self.cands.len()];
        // Full forms first so entity names are the fullest spelling.
        let mut order: Vec<usize> = (0..self.cands.len()).collect();
        order.sort_by_key(|&c| (self.cands[c].refers_to.is_some(), self.cands[c].first));
        for c in order {
            let r = root(c);
            let rc = &self.cands[r];
            let key = (rc.key.clone(), rc.kind);
            let e = *entity_of_key.entry(key).or_insert_with(|| {
                let name = match &rc.key {
                    Key::Kb(id) => self.kb.entry(*id).name.clone(),
                    Key::Name(_) => self.span_text(rc.first, rc.end).to_string(),
                };
                entities.push(DocEntity { name, kind: rc.kind, kb: match rc.key { Key::Kb(id) => Some(id), _ => None }, claims: Vec::new() });
                entities.len() - 1
            });
            entity_of_cand[c] = e;
        }
        let mut mentions: Vec<Mention> = self
            .cands
            .iter()
            .enumerate()
            .map(|(i, c)| Mention {
                span: self.span(c.first, c.end),
                kind: c.kind,
                entity: entity_of_cand[i],
                origin: c.origin,
                short: c.refers_to.is_some(),
            })
            .collect();
        mentions.sort_by_key(|m| m.span.start);
        let mut seen = std::collections::HashSet::new();
        for (c, claim) in claims {
            let e = entity_of_cand[c];
            if seen.insert((e, claim.span.start, claim.role.clone(), claim.affiliation.clone())) {
                entities[e].claims.push(claim);
            }
        }
        let roles = self
            .pre_roles
            .iter()
            .map(|r| RoleSpan { span: self.span(r.first, r.end), person: r.person.map(|p| entity_of_cand[p]) })
            .collect();
        DocAnalysis { mentions, roles, entities, date: None, quotes: Vec::new() }
    }
}

/// The identity key of a discovered name.
pub(crate) fn name_key(text: &str) -> Key {
    Key::Name(squash(text))
}

#[cfg(test)]
mod tests;
