//! An affiliation from context, for a title with none written next to it (the
//! claim is marked inferred). The first of these that applies:
//!
//! 1. a Korean name: South or North Korea, by the nearest signal in the
//!    paragraph ("Pyongyang", "KCNA", "North Korea" / "Seoul", "Yonhap"), else
//!    North Korea only if the article is overwhelmingly about it;
//! 2. a local office ("the mayor"): the nearest city or region named in this or
//!    the previous sentence;
//! 3. a country or demonym named earlier in the sentence and not another
//!    person's: "In Germany, the finance minister X said" → Germany;
//! 4. a company title ("the chief executive"): the company the article is about;
//! 5. a spokesperson: the body the previous sentence is about;
//! 6. the dateline's country ("BERLIN, May 2 --"), else the country the article
//!    is mostly about.

use super::super::layout::LineKind;
use super::super::{Cand, GazHit, Key, Work};
use super::affiliation::{self, display_name, is_local};
use super::TOP_LINES;
use super::sentence::sentence_toks;
use crate::kb::{Class, Form};
use crate::lexicon::lexicon;
use crate::model::Kind;

/// An affiliation from context for person `p` with `role`; `used` marks the
/// tokens other claims took their affiliation from.
pub(super) fn infer(w: &Work, p: usize, role: Option<&str>, used: &[bool], dateline: Option<&str>) -> Option<String> {
    let first = w.cands[p].tokens.first;
    let s = sentence_toks(w, first).first;
    // A Korean name: South or North Korea, by the nearest mention in the paragraph.
    let root = w.cands[p].refers_to.unwrap_or(p);
    let name = w.span_text(w.cands[root].tokens.first, w.cands[root].tokens.end).to_string();
    if crate::keys::is_korean_name(&name)
        && let Some(e) = w.kb.country(korean_side(w, first))
    {
        return Some(w.kb.entry(e).name.clone());
    }
    // A local office: the nearest city or region named in this or the
    // previous sentence.
    if is_local(role) {
        let from = if s > 0 { sentence_toks(w, s - 1).first } else { s };
        for k in (from..first).rev() {
            if let Some(c) = w.cand_at(k)
                && let Key::Kb(e) = w.cands[w.cands[c].refers_to.unwrap_or(c)].key
                && w.kb.entry(e).class == Class::Place
            {
                return Some(w.kb.entry(e).name.clone());
            }
        }
    }
    // A country named earlier in the sentence and not another person's.
    let mut k = first;
    while k > s {
        k -= 1;
        if used[k] {
            continue;
        }
        if let Some(c) = w.cand_at(k) {
            let cand = &w.cands[c];
            if cand.kind == Kind::Loc
                && let Some(n) = country_of(w, cand)
            {
                return Some(n);
            }
            continue;
        }
        if let Some(GazHit { hit: m, .. }) = w.gaz_starting(k)
            && m.form == Form::Demonym
        {
            return Some(w.kb.entry(m.entry).name.clone());
        }
    }
    // A company title: the company the article is about.
    if let Some(r) = role
        && is_corporate(r)
        && let Some(c) = main_company(w)
    {
        return Some(c);
    }
    // A spokesperson speaks for what the previous sentence is about.
    if role.is_some_and(|r| r.to_lowercase().starts_with("spokes")) && s > 0 {
        let previous = sentence_toks(w, s - 1);
        for k in previous.first..s {
            if let Some(c) = w.cand_at(k)
                && w.cands[c].kind != Kind::Person
                && let Some(f) = affiliation::body_itself(w, c).or_else(|| affiliation::of_cand(w, c))
            {
                return Some(f.name);
            }
        }
    }
    dateline.map(str::to_string).or_else(|| main_country(w))
}

/// The two countries a Korean name may belong to.
const NORTH_KOREA: &str = "North Korea";
const SOUTH_KOREA: &str = "South Korea";

/// How far back in the paragraph a Korea signal is looked for: about a long
/// paragraph (a one-line document is not searched to its start).
const SIGNAL_WINDOW: usize = 300;
/// With no signal nearby, North Korea only when its signals outnumber the
/// South's this many times over: most Korean names in the news are South Korean.
const NORTH_MAJORITY: usize = 2;

/// South or North Korea for a Korean name at token `first`: by the nearest
/// signal before it in the paragraph; with none, North Korea only if the article
/// is overwhelmingly about it.
fn korean_side(w: &Work, first: usize) -> &'static str {
    let north = Signals::of(NORTH_KOREA);
    let south = Signals::of(SOUTH_KOREA);
    let line = w.lines[w.line_of[first] as usize].tokens.clone();
    for k in (line.start.max(first.saturating_sub(SIGNAL_WINDOW))..first).rev() {
        let t = w.t(k);
        if north.at(w, k, t) {
            return NORTH_KOREA;
        }
        if south.at(w, k, t) {
            return SOUTH_KOREA;
        }
    }
    let (mut n, mut s) = (0usize, 0usize);
    for k in 0..w.toks.len() {
        let t = w.t(k);
        if north.at(w, k, t) {
            n += 1;
        } else if south.at(w, k, t) {
            s += 1;
        }
    }
    if n > NORTH_MAJORITY * s { NORTH_KOREA } else { SOUTH_KOREA }
}

/// What says a text is about a country: its signal words (`[country_signals]`,
/// "Pyongyang", "KCNA") or its two-word name written out, the second word as a
/// prefix ("North Korea", "North Korean").
struct Signals<'a> {
    words: &'a [String],
    name: Option<(&'a str, &'a str)>,
}

impl<'a> Signals<'a> {
    fn of(country: &'a str) -> Signals<'a> {
        let words = lexicon().roles.country_signals.get(country).map_or(&[][..], Vec::as_slice);
        Signals { words, name: country.split_once(' ') }
    }

    /// Whether token `k`, with text `t`, is one of the signals (exact spelling).
    #[inline]
    fn at(&self, w: &Work, k: usize, t: &str) -> bool {
        self.words.iter().any(|s| s == t) || self.name.is_some_and(|(head, rest)| t == head && k + 1 < w.toks.len() && w.t(k + 1).starts_with(rest))
    }
}

/// A dateline's place starts the line's prose, or nearly: within this many
/// tokens ("SEOUL, June 3 (Yonhap) --", "(LEAD) SEOUL, June 3 --"); a place
/// further into a sentence is not a dateline.
const DATELINE_TOKENS: usize = 12;
/// ... and after at most this many words: a tag such as "(LEAD)" or "UPDATE 2".
const DATELINE_WORDS_BEFORE: usize = 3;

/// The dateline's country: the first known place in the first lines of prose.
pub(super) fn dateline_country(w: &Work) -> Option<String> {
    for c in w.cands.iter().filter(|c| c.kind == Kind::Loc && (w.line_of[c.tokens.first] as usize) < TOP_LINES) {
        let li = w.line_of[c.tokens.first] as usize;
        let line = &w.lines[li];
        if line.kind != LineKind::Body {
            continue;
        }
        let near_start = c.tokens.first < line.content_from + DATELINE_TOKENS && (line.content_from..c.tokens.first).filter(|&k| w.toks[k].is_word()).count() <= DATELINE_WORDS_BEFORE;
        if near_start && let Some(n) = country_of(w, c) {
            return Some(n);
        }
    }
    None
}

/// The country a place candidate is in (or is).
fn country_of(w: &Work, c: &Cand) -> Option<String> {
    let Key::Kb(e) = c.key else { return None };
    let entry = w.kb.entry(e);
    match entry.class {
        Class::Country => Some(entry.name.clone()),
        Class::Place => entry.country.clone(),
        _ => None,
    }
}

/// Whether a title belongs to a company rather than a state.
fn is_corporate(role: &str) -> bool {
    let r = role.to_lowercase();
    lexicon().roles.corporate_title_words.iter().any(|k| r.split(|c: char| !c.is_alphanumeric()).collect::<Vec<_>>().join(" ").contains(k.as_str()))
}

/// A company mentioned once is not what an article is about.
const MIN_COMPANY_MENTIONS: usize = 2;

/// The company an article is mostly about: the most mentioned organisation that is
/// not a state body or news outlet, if it is mentioned at least twice.
fn main_company(w: &Work) -> Option<String> {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for c in w.cands.iter().filter(|c| c.kind == Kind::Org) {
        let root = c.refers_to.map(|r| &w.cands[r]).unwrap_or(c);
        let (name, ok) = match root.key {
            Key::Kb(e) => {
                let entry = w.kb.entry(e);
                (display_name(w, e), matches!(entry.subkind.as_deref(), Some("company")) || (entry.is_user() && entry.kind == Kind::Org))
            }
            Key::Name(_) => (w.span_text(root.tokens.first, root.tokens.end).to_string(), !w.is_state_head(root.tokens.end - 1)),
        };
        if ok {
            *counts.entry(name).or_default() += 1;
        }
    }
    let mut v: Vec<(String, usize)> = counts.into_iter().filter(|(_, n)| *n >= MIN_COMPANY_MENTIONS).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.into_iter().next().map(|(n, _)| n)
}

/// Fewer mentions of a country than this do not make an article about it.
const MIN_COUNTRY_MENTIONS: usize = 3;

/// The country an article is mostly about: at least three mentions (with
/// demonyms) and at least half of all country mentions.
fn main_country(w: &Work) -> Option<String> {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    // Places and the state bodies of a country (Downing Street, the Bundestag)
    // both say where an article is.
    for c in &w.cands {
        let n = match c.kind {
            Kind::Loc => country_of(w, c),
            Kind::Org => match c.key {
                Key::Kb(e) => w.kb.entry(e).country.clone(),
                Key::Name(_) => None,
            },
            Kind::Person => None,
        };
        if let Some(n) = n {
            *counts.entry(n).or_default() += 1;
        }
    }
    for GazHit { hit: m, .. } in &w.gaz {
        if m.form == Form::Demonym {
            *counts.entry(w.kb.entry(m.entry).name.clone()).or_default() += 1;
        }
    }
    let total: usize = counts.values().sum();
    let (name, n) = counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
    (n >= MIN_COUNTRY_MENTIONS && n * 2 >= total).then_some(name)
}
