//! Affiliations without a title, written right after a name:
//!
//! - the body a person is of or from: "Victor Cha of the Center for Strategic
//!   and International Studies", "Anna Berg from the Stockholm School of
//!   Economics";
//! - a US legislator's party code: "Sen. Lisa Murkowski, R-Alaska," and
//!   "Rep. Ed Case (D-Hawaii)".

use super::super::Work;
use super::affiliation::{self, Affiliation};
use super::{Claims, RoleMatch};
use crate::lexicon::lexicon;
use crate::model::Kind;

/// "Victor Cha of the Center for Strategic and International Studies".
pub(super) fn name_of_body(w: &Work, p: usize, _so_far: &Claims) -> Option<RoleMatch> {
    let mut k = w.cands[p].tokens.end;
    if k + 1 >= w.toks.len() || !matches!(w.t(k), "of" | "from") {
        return None;
    }
    k += 1;
    if w.t(k) == "the" {
        k += 1;
    }
    let c = w.cand_at(k).filter(|&c| w.cands[c].kind == Kind::Org && w.cands[c].tokens.first == k)?;
    let f = affiliation::of_cand(w, c)?;
    Some(RoleMatch::new(None, Some(f), w.span(w.cands[p].tokens.first, w.cands[c].tokens.end)))
}

/// "Sen. Lisa Murkowski, R-Alaska," / "(D-Hawaii)": a US legislator's party.
pub(super) fn party_code(w: &Work, p: usize, _so_far: &Claims) -> Option<RoleMatch> {
    let k = w.cands[p].tokens.end;
    if k + 3 >= w.toks.len() || !(w.is_punct(k, ',') || w.is_punct(k, '(')) {
        return None;
    }
    let code = w.t(k + 1);
    if !w.is_punct(k + 2, '-') || !w.toks[k + 3].is_cap() {
        return None;
    }
    let party = lexicon().roles.party_codes.get(code)?;
    Some(RoleMatch::new(None, Some(Affiliation { name: party.clone(), tokens: None }), w.span(w.cands[p].tokens.first, k + 4)))
}
