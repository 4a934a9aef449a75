//! Affiliations without a title, written right after a name:
//!
//! - the body a person is of or from: "Victor Cha of the Center for Strategic
//!   and International Studies", "Anna Berg from the Stockholm School of
//!   Economics";
//! - a competitor's country or club in a parenthesis: "Faith Kipyegon (Kenya)";
//! - the side a player scored or played for: "X scored twice for Napoli";
//! - a body or country in the possessive: "Arsenal's Kai Havertz";
//! - a player in a line-up: "Arsenal: Raya; White, Saliba, ...";
//! - a US legislator's party code: "Sen. Lisa Murkowski, R-Alaska," and
//!   "Rep. Ed Case (D-Hawaii)".

use super::super::{Key, Work};
use super::affiliation::{self, Affiliation};
use super::{Claims, RoleMatch};
use crate::kb::Class;
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

/// "Faith Kipyegon (Kenya) 3:52.15", "Nico Paz (Como)": one body or place in
/// a parenthesis right after the name, as results lines and line-ups write a
/// competitor's country or club.
pub(super) fn name_paren_body(w: &Work, p: usize, _so_far: &Claims) -> Option<RoleMatch> {
    let k = w.cands[p].tokens.end;
    if k + 2 >= w.toks.len() || !w.is_punct(k, '(') {
        return None;
    }
    let c = w.cand_at(k + 1).filter(|&c| w.cands[c].kind != Kind::Person && w.cands[c].tokens.first == k + 1)?;
    let close = w.cands[c].tokens.end;
    if !w.is_punct(close, ')') {
        return None;
    }
    let f = club_or_body(w, c)?;
    Some(RoleMatch::new(None, Some(f), w.span(w.cands[p].tokens.first, close + 1)))
}

/// Verbs after which "for X" names the side a player plays for: "X scored
/// twice *for* Napoli", "X, who played for Brazil".
const PLAYED: [&str; 9] = ["scored", "scores", "struck", "netted", "played", "plays", "signed", "starred", "scoring"];
/// "for" comes within this many tokens of the verb: "scored twice in the
/// second half for Napoli".
const FOR_WITHIN: usize = 6;

/// "Rasmus Højlund scored twice for Napoli": the side a player scored or played for.
pub(super) fn played_for(w: &Work, p: usize, _so_far: &Claims) -> Option<RoleMatch> {
    let verb = w.cands[p].tokens.end;
    if verb + 2 >= w.toks.len() || !PLAYED.contains(&w.t(verb)) {
        return None;
    }
    let f = (verb + 1..(verb + 1 + FOR_WITHIN).min(w.toks.len() - 1))
        .take_while(|&j| w.toks[j].kind != crate::tokens::TokKind::Punct && w.cand_at(j).is_none())
        .find(|&j| w.t(j) == "for")?;
    let c = w.cand_at(f + 1).filter(|&c| w.cands[c].kind != Kind::Person && w.cands[c].tokens.first == f + 1)?;
    let body = club_or_body(w, c)?;
    Some(RoleMatch::new(None, Some(body), w.span(w.cands[p].tokens.first, w.cands[c].tokens.end)))
}

/// "Arsenal's Kai Havertz", "Israel's Benjamin Netanyahu": a body or country in
/// the possessive right before the name, with no title between.
pub(super) fn possessive_body(w: &Work, p: usize, _so_far: &Claims) -> Option<RoleMatch> {
    let b = w.cands[p].tokens.first.checked_sub(1)?;
    if !w.toks[b].has(crate::tokens::POSS) {
        return None;
    }
    let c = w.cand_at(b).filter(|&c| w.cands[c].kind != Kind::Person && w.cands[c].tokens.end == b + 1)?;
    let body = club_or_body(w, c)?;
    Some(RoleMatch::new(None, Some(body), w.span(w.cands[c].tokens.first, w.cands[p].tokens.end)))
}

/// "Arsenal: Raya; White, Saliba, ...": a player in a line-up is of its team.
pub(super) fn lineup(w: &Work, p: usize, _so_far: &Claims) -> Option<RoleMatch> {
    let first = w.cands[p].tokens.first;
    let line = w.line_of[first] as usize;
    let i = w.lineups.binary_search_by_key(&line, |&(l, _, _)| l).ok()?;
    let (_, team, from) = w.lineups[i];
    if first < from {
        return None;
    }
    let body = club_or_body(w, team)?;
    Some(RoleMatch::new(None, Some(body), w.span(first, w.cands[p].tokens.end)))
}

/// A body as an affiliation; a city as itself, the club named after it
/// ("scored for Napoli"), not its country.
fn club_or_body(w: &Work, c: usize) -> Option<Affiliation> {
    let root = w.cands[c].refers_to.unwrap_or(c);
    if let Key::Kb(e) = w.cands[root].key
        && w.kb.entry(e).class == Class::Place
    {
        return Some(Affiliation {
            name: w.span_text(w.cands[c].tokens.first, w.cands[c].tokens.end).to_string(),
            tokens: Some(w.cands[c].tokens),
        });
    }
    affiliation::named_body(w, c)
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
    fn a_country_or_club_in_a_parenthesis() {
        ok("1. Dorcus Ewoi (Kenya) 3:54.92", "name-paren-body", "Dorcus Ewoi", None, Some("Kenya"));
        not("Lee Jae-myung (left) met Anna Berg.", "name-paren-body");
        not("Anna Berg (35) won.", "name-paren-body");
        // A party code is not a body.
        not("Rep. Ed Case (D-Hawaii) said the bill would pass.", "name-paren-body");
    }

    #[test]
    fn the_side_a_player_scored_for() {
        ok("In the derby, Rasmus Hojlund scored twice for Napoli.", "played-for", "Rasmus Hojlund", None, Some("Napoli"));
        ok("Tom Baker played for Brazil in 2014.", "played-for", "Tom Baker", None, Some("Brazil"));
        // "for" after another name or a comma belongs to another clause.
        not("Tom Baker scored, and fans waited for Anna Berg.", "played-for");
        not("Tom Baker voted for Brazil's plan.", "played-for");
    }

    #[test]
    fn a_body_or_country_in_the_possessive() {
        ok(
            "The win belonged to NATO's Tom Baker.",
            "possessive-body",
            "Tom Baker",
            None,
            Some("North Atlantic Treaty Organization (NATO)"),
        );
        ok("Talks with Brazil's Luiz Lula went well.", "possessive-body", "Luiz Lula", None, Some("Brazil"));
        not("Talks with Anna Berg's Tom Baker went well.", "possessive-body");
    }

    #[test]
    fn players_of_a_lineup() {
        let t = "Arsenal beat Everton 2-1 and Chelsea drew 1-1.\n\nArsenal: Raya; White, Saliba, Gabriel, Zinchenko; Rice, Havertz.\n";
        ok(t, "lineup", "Saliba", None, Some("Arsenal"));
        not("Arsenal beat Everton 2-1 and Chelsea drew 1-1. Tom Baker, Anna Berg, Lisa Park, Ed Case and Jo Lee watched.\n", "lineup");
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
