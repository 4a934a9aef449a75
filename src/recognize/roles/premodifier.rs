//! Titles written before a name.
//!
//! - Capitalised, as the names step found them ([`PreRole`](super::super::PreRole)),
//!   with what is written before them: "South Korea's Defense Minister Shin
//!   Won-sik", "NATO Secretary General Mark Rutte", "former Defense Minister X",
//!   "Sen. Lisa Murkowski" (an honorific that stands for a role).
//! - Lowercase, with a body, demonym or party before them: "Kremlin spokesman
//!   Dmitry Peskov", "former Dutch prime minister Mark Rutte", "Conservative
//!   leader Kemi Badenoch"; a plural title when names follow: "AP writers Joey
//!   Castellano and Nadia Brennan".

use super::super::{Affil, Work};
use super::affiliation::{self, Affiliation};
use super::titles::{lowercase_qualifiers, role_text, tidy_role};
use super::{Claims, RawClaim, RoleMatch};
use crate::kb::Form;
use crate::lexicon::class::*;
use crate::model::Kind;
use crate::tokens::{LOWER, TokKind};

/// The rule name of claims from capitalised titles before names.
pub(super) const CAPITALISED_TITLE: &str = "capitalised-title";

/// Claims from the capitalised titles the names step found before names.
pub(super) fn capitalised_titles(w: &Work) -> Vec<RawClaim> {
    let mut out = Vec::new();
    for r in &w.pre_roles {
        let Some(p) = r.person else { continue };
        let (role, inner) = match super::super::names::honorific_role(w, r.tokens.first, r.tokens.end) {
            Some(h) if w.is(r.tokens.first, HONORIFIC) => (Some(h), None),
            _ => role_text(w, r.tokens.first, r.tokens.end),
        };
        let prefix = lowercase_qualifiers(w, r.tokens.first);
        let role = role.map(|x| if prefix.is_empty() { x } else { tidy_role(&format!("{prefix} {x}")).unwrap_or(x) });
        let affiliation = r.affiliation.clone().and_then(|a| affiliation::resolve(w, &a, None)).or(inner);
        let span = w.span(r.tokens.first, w.cands[p].tokens.end);
        out.push(RawClaim { person: p, role, affiliation, span, rule: CAPITALISED_TITLE });
    }
    out
}

/// "Kremlin spokesman Dmitry Peskov", "former Dutch prime minister Mark Rutte";
/// only for a person without a capitalised title before the name. "writers
/// Joey Castellano and Nadia Brennan": the second name gets the title too.
pub(super) fn lowercase_title(w: &Work, p: usize, so_far: &Claims) -> Option<RoleMatch> {
    if so_far.titled[p] {
        return None;
    }
    let mut m = read_lowercase_title(w, p)?;
    let e = w.cands[p].tokens.end;
    if w.t(w.cands[p].tokens.first - 1).ends_with('s') && e + 1 < w.toks.len() && w.t(e) == "and" && let Some(q) = w.cand_at(e + 1) {
        let role = m.role.take()?;
        m.role = Some(tidy_role(role.trim_end_matches('s')).unwrap_or(role));
        m.also_for = Some(q);
    }
    Some(m)
}

fn read_lowercase_title(w: &Work, p: usize) -> Option<RoleMatch> {
    let first = w.cands[p].tokens.first;
    let is_title_word = |w: &Work, j: usize| {
        let t = w.toks[j];
        t.kind == TokKind::Word && t.has(LOWER) && w.is(j, ROLE_HEAD | ROLE_MOD) && !w.is(j, FUNC)
    };
    let mut k = first;
    let mut has_head = false;
    while k > 0 && is_title_word(w, k - 1) {
        let j = k - 1;
        if w.is(j, ROLE_HEAD) && !w.is(j, ROLE_WEAK) {
            has_head = true;
        }
        k = j;
    }
    let demonym_before = w.known_names_ending_at(k).any(|g| g.hit.form == Form::Demonym);
    // "Conservative leader Kemi Badenoch", "Senate Democratic leader X".
    let party = (k > 0 && w.cand_at(k - 1).is_none()).then(|| crate::lexicon::lexicon().party_of(w.t(k - 1))).flatten();
    let affiliation_before = k > 0 && (w.cand_at(k - 1).is_some_and(|c| w.cands[c].kind != Kind::Person) || demonym_before || party.is_some());
    if !(has_head || affiliation_before && k < first) || k == first || !w.is(first - 1, ROLE_HEAD) {
        return None;
    }
    let end = w.cands[p].tokens.end;
    if let Some(party) = party {
        let role = tidy_role(&w.text[w.span(k, first)].to_string())?;
        let affiliation = Affiliation { name: party.to_string(), tokens: Some(super::super::TokRange::new(k - 1, k)) };
        return Some(RoleMatch::new(Some(role), Some(affiliation), w.span(k - 1, end)));
    }
    // Plural heads ("officials") describe groups, not this person, unless names
    // follow: "Associated Press writers Joey Castellano and Nadia Brennan".
    let plural = w.t(first - 1).ends_with('s') && !w.t(first - 1).ends_with("ss");
    let coordinated = end + 1 < w.toks.len() && w.t(end) == "and" && w.cand_at(end + 1).is_some_and(|c| w.cands[c].kind == Kind::Person);
    if plural && !coordinated {
        return None;
    }
    let mut role_start = k;
    let mut affil = None;
    // A demonym or a known body before the title: "Dutch", "Kremlin".
    if let Some(b) = k.checked_sub(1) {
        if let Some(g) = w.known_names_ending_at(k).next()
            && g.hit.form == Form::Demonym
        {
            affil = affiliation::resolve(w, &Affil::Kb(g.hit.entry), Some(g.tokens));
            // "former Dutch prime minister": the qualifier belongs to the title.
            let mut q = g.tokens.first;
            // ("interim" is a role qualifier never read here: kept out so results stay as they were.)
            while q > 0 && w.is_lower(q - 1, QUALIFIER) && w.t(q - 1) != "interim" {
                q -= 1;
            }
            let quals: Vec<String> = (q..g.tokens.first).map(|j| w.t(j).to_string()).collect();
            let rest = w.text[w.span(k, first)].to_string();
            let role = tidy_role(&format!("{} {rest}", quals.join(" ")))?;
            return Some(RoleMatch::new(Some(role), affil, w.span(q, end)));
        } else if let Some(c) = w.cand_at(b)
            && w.cands[c].kind != Kind::Person
        {
            // "Kremlin spokesman", "White House press secretary": a body right
            // before a lowercase title is the affiliation as written.
            affil = affiliation::body_itself(w, c).or_else(|| affiliation::of_cand(w, c));
            role_start = k;
        }
    }
    let role = tidy_role(&w.text[w.span(role_start, first)].to_string())?;
    Some(RoleMatch::new(Some(role), affil, w.span(k, end)))
}
