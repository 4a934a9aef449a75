//! Titles written right after a name, read as a [role phrase](super::phrase):
//!
//! - an appositive: "Josep Borrell, the EU's high representative for foreign
//!   affairs, said" (also after a parenthesis: "Lee Jae-myung (이재명), the
//!   president, ...");
//! - a copula: "Daniel Hwang is a senior fellow at the Han River Policy
//!   Institute" (the body after the title is the affiliation);
//! - "as": "named Wi Sung-lac as director of the National Security Office",
//!   "Kang Hoon-sik as his chief of staff".

use super::super::Work;
use super::phrase::role_phrase;
use super::{Claims, RoleMatch, affiliation};
use crate::lexicon::class::COPULA;
use crate::model::Kind;
use crate::tokens::POSS;

/// A parenthesis after a name is skipped if it closes within this many tokens:
/// "(left)", "(이재명)", "(D-Hawaii)".
const PARENTHESIS_WITHIN: usize = 8;

/// "Josep Borrell, the EU's high representative for ..., said": the appositive.
pub(super) fn appositive(w: &Work, p: usize, _so_far: &Claims) -> Option<RoleMatch> {
    let mut k = w.cands[p].tokens.end;
    if w.toks[k - 1].has(POSS) {
        return None;
    }
    // Skip a parenthesis: "(left)", "(이재명)".
    if w.is_punct(k, '(') {
        let close = (k + 1..(k + PARENTHESIS_WITHIN).min(w.toks.len())).find(|&j| w.is_punct(j, ')'))?;
        k = close + 1;
    }
    if !w.is_punct(k, ',') {
        return None;
    }
    let phrase = role_phrase(w, k + 1, true)?;
    Some(RoleMatch::new(Some(phrase.role), phrase.affiliation, w.span(phrase.tokens.first, phrase.tokens.end)))
}

/// "Daniel Hwang is a senior fellow at the Han River Policy Institute".
pub(super) fn copula(w: &Work, p: usize, _so_far: &Claims) -> Option<RoleMatch> {
    let k = w.cands[p].tokens.end;
    if k + 2 >= w.toks.len() || !w.is_lower(k, COPULA) {
        return None;
    }
    let phrase = role_phrase(w, k + 1, true)?;
    // "... at the Institute": the body after the title.
    let e = phrase.tokens.end;
    let mut j = e;
    let affiliation = phrase.affiliation.or_else(|| {
        if j < w.toks.len() && matches!(w.t(j), "at" | "of" | "with") {
            j += 1;
            if j < w.toks.len() && w.t(j) == "the" {
                j += 1;
            }
            w.cand_at(j).filter(|&c| w.cands[c].kind != Kind::Person).and_then(|c| affiliation::of_cand(w, c))
        } else {
            None
        }
    });
    Some(RoleMatch::new(Some(phrase.role), affiliation, w.span(w.cands[p].tokens.first, e)))
}

/// "Kang Hoon-sik as his chief of staff", "named Wi Sung-lac as director of ...".
pub(super) fn named_as(w: &Work, p: usize, _so_far: &Claims) -> Option<RoleMatch> {
    let k = w.cands[p].tokens.end;
    if k + 1 >= w.toks.len() || w.t(k) != "as" {
        return None;
    }
    let phrase = role_phrase(w, k + 1, true)?;
    Some(RoleMatch::new(Some(phrase.role), phrase.affiliation, w.span(w.cands[p].tokens.first, phrase.tokens.end)))
}
