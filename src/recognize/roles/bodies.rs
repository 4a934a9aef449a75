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

/// The words between a name and its body (the pattern's syntax): "X *of* the
/// Center", "X *from* the School".
const OF: [&str; 2] = ["of", "from"];

/// "Victor Cha of the Center for Strategic and International Studies".
pub(super) fn name_of_body(w: &Work, p: usize, _so_far: &Claims) -> Option<RoleMatch> {
    let mut k = w.cands[p].tokens.end;
    if k + 1 >= w.toks.len() || !OF.contains(&w.t(k)) {
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

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    const CSIS: Option<&str> = Some("Center for Strategic and International Studies (CSIS)");

    #[test]
    fn a_person_of_or_from_a_body() {
        ok(
            "Victor Cha of the Center for Strategic and International Studies said the launch was a test.",
            "name-of-body",
            "Victor Cha",
            None,
            CSIS,
        );
        ok(
            "Victor Cha from the Center for Strategic and International Studies said the launch was a test.",
            "name-of-body",
            "Victor Cha",
            None,
            CSIS,
        );
    }

    #[test]
    fn of_a_place_or_an_unnamed_body_is_no_affiliation() {
        not("Anna Berg of Sweden won the race.", "name-of-body");
        not("Victor Cha of the center said the launch was a test.", "name-of-body");
    }

    #[test]
    fn us_party_codes() {
        ok("Sen. Lisa Murkowski, R-Alaska, voted against the bill.", "party-code", "Lisa Murkowski", None, Some("Republican Party"));
        ok("Rep. Ed Case (D-Hawaii) said the bill would pass.", "party-code", "Ed Case", None, Some("Democratic Party"));
        ok("Tom Baker, I-Vermont, spoke.", "party-code", "Tom Baker", None, Some("Independent"));
        let t = "Tom Baker, R-Texas, and Anna Berg, D-Ohio, met.";
        ok(t, "party-code", "Tom Baker", None, Some("Republican Party"));
        ok(t, "party-code", "Anna Berg", None, Some("Democratic Party"));
    }

    #[test]
    fn not_a_party_code() {
        not("Tom Baker, X-Files fan, said so.", "party-code");
        // Codes are read as written.
        not("Tom Baker, r-Texas, spoke.", "party-code");
    }
}
