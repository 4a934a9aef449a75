//! Sports copy: clubs, teams and players that only their context names.
//!
//! - Clubs named after their city: in a document with match scores ("2-1",
//!   "Arsenal 2 Everton 1"), a one-word city or region next to a match word
//!   ("Bologna beat Parma", "drew with Como") or a score is the club, an
//!   organisation, not the place; once the article uses a city as its club,
//!   the city's other mentions are the club too ("the people of Bologna"),
//!   unless a place noun or "in" says otherwise ("the Lazio region", "in
//!   Bologna"). Countries stay places: a national team is labelled as its
//!   country.
//! - Clubs no step labelled, found next to a score ([`scores`]) or in a
//!   ranked table ([`tables`]: standings, results with a team column), then
//!   wherever the article names them again.
//! - Line-ups ([`mod@lineups`]).

mod lineups;
mod scores;
mod tables;

pub(crate) use lineups::lineups;

use super::{Key, Work};
use crate::kb::Class;
use crate::lexicon::class::{LOC_HEAD, MATCH_WORD, ROLE_HEAD, ROLE_WEAK};
use crate::model::{Kind, Origin};
use std::collections::HashSet;

/// Scores a document needs before its cities can be clubs (or one results row).
const MIN_SCORES: usize = 2;

fn is_number(w: &Work, i: usize) -> bool {
    w.toks.get(i).is_some_and(|t| t.is_word()) && w.t(i).len() <= 3 && w.t(i).bytes().all(|b| b.is_ascii_digit())
}

/// A score starts at token `i`: "2-1" (a number, a dash, a number).
fn score_at(w: &Work, i: usize) -> bool {
    is_number(w, i) && w.toks.get(i + 1).is_some_and(|t| !t.is_word()) && matches!(w.t(i + 1), "-" | "\u{2013}") && is_number(w, i + 2)
}

use super::repeats::free_cap;

/// Relabels the cities that are clubs here and finds the clubs no step labelled.
pub(crate) fn clubs(w: &mut Work) {
    let scores = (0..w.toks.len()).filter(|&i| score_at(w, i)).take(MIN_SCORES).count();
    // One score is enough on a line of its own: "Paris Saint-Germain 5-0 Inter".
    let scores = if scores > 0 && scores < MIN_SCORES && (0..w.toks.len()).any(|i| score_at(w, i) && scores::results_row(w, i)) {
        MIN_SCORES
    } else {
        scores
    };
    let rows = tables::ranked_rows(w);
    let mut found = tables::teams(w, &rows);
    let mut relabelled = tables::place_teams(w, &rows);
    if scores >= MIN_SCORES {
        found.extend(scores::unknown_clubs(w));
        relabelled.extend(places_next_to_scores(w));
    }
    super::repeats::add_with_repeats(w, found);
    places_again(w, relabelled);
}

/// The one-word places next to a match word or a score, relabelled as clubs;
/// returns their names as written.
fn places_next_to_scores(w: &mut Work) -> HashSet<String> {
    let mut entries = HashSet::new();
    for ci in 0..w.cands.len() {
        if one_word_place(w, ci).is_none() {
            continue;
        }
        let (f, end) = (w.cands[ci].tokens.first, w.cands[ci].tokens.end);
        let word = |i: Option<usize>| i.filter(|&i| w.toks.get(i).is_some_and(|t| t.is_word()));
        let prev = word(f.checked_sub(1));
        let next = word(Some(end));
        let match_word = |i: Option<usize>| i.is_some_and(|i| w.toks[i].has(crate::tokens::LOWER) && w.is(i, MATCH_WORD));
        let sporty = match_word(prev)
            || match_word(next)
            // "drew 1-1 with Como", "lost to Roma"
            || (prev.is_some_and(|p| matches!(w.t(p), "with" | "to" | "over")) && (f.saturating_sub(6)..f).any(|k| match_word(Some(k))))
            // "Parma 2 Bologna 1", "Bologna 2-1"
            || next.is_some_and(|n| is_number(w, n))
            || prev.is_some_and(|p| is_number(w, p) && p > 0 && w.cand_at(p - 1).is_some_and(|o| w.cands[o].tokens.end == p));
        if sporty {
            to_club(w, ci);
            entries.insert(w.span_text(f, end).to_string());
        }
    }
    entries
}

/// The knowledge-base place (not a country) that candidate `ci` names in one word.
fn one_word_place(w: &Work, ci: usize) -> Option<usize> {
    let c = &w.cands[ci];
    let Key::Kb(e) = c.key else { return None };
    (c.kind == Kind::Loc && c.tokens.end == c.tokens.first + 1 && w.kb.entry(e).class == Class::Place).then_some(e)
}

/// Relabels candidate `ci` (a place) as the club named after it.
fn to_club(w: &mut Work, ci: usize) {
    let text = w.span_text(w.cands[ci].tokens.first, w.cands[ci].tokens.end).to_string();
    let c = &mut w.cands[ci];
    c.kind = Kind::Org;
    c.key = super::work::name_key(&text);
    c.origin = Origin::Discovered;
}

/// The other mentions of the places this article uses as clubs, written the
/// same way: "Bologna coach Vincenzo Italiano", "won at Roma". Not where the
/// words say it is the place: "in Bologna", "the people of Bologna" (but "the
/// coach of Bologna"), "the Lazio region".
fn places_again(w: &mut Work, names: HashSet<String>) {
    if names.is_empty() {
        return;
    }
    for ci in 0..w.cands.len() {
        if one_word_place(w, ci).is_none() {
            continue;
        }
        let (f, end) = (w.cands[ci].tokens.first, w.cands[ci].tokens.end);
        let place_noun = w.toks.get(end).is_some_and(|t| t.is_word()) && w.is(end, LOC_HEAD);
        let located = f > 0 && matches!(w.t(f - 1), "in" | "In");
        let of_place = f > 1 && w.t(f - 1) == "of" && !w.is(f - 2, ROLE_HEAD | ROLE_WEAK);
        if !place_noun && !located && !of_place && names.contains(w.span_text(f, end)) {
            to_club(w, ci);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::kb::Kb;
    use crate::model::Kind;

    fn kinds(text: &str) -> Vec<(String, Kind)> {
        let a = crate::recognize::analyze(text, &Kb::builtin(), None);
        a.mentions.iter().map(|m| (text[m.span.clone()].to_string(), m.kind)).collect()
    }

    #[test]
    fn cities_next_to_match_words_and_scores_are_clubs() {
        let k = kinds("Bologna beat Parma 2-1 on Sunday, while Roma drew 1-1 with Como.\n\nResults: Lazio 3 Genoa 0\n");
        for club in ["Bologna", "Parma", "Roma", "Como", "Lazio"] {
            assert!(k.iter().any(|(t, kind)| t == club && *kind == Kind::Org), "{club}: {k:?}");
        }
    }

    #[test]
    fn the_names_of_a_lineup_are_players() {
        let t = "Kai Havertz scored late as Arsenal beat Everton 2-1 and Chelsea drew 1-1.\n\nArsenal: Raya; White, Saliba, Gabriel, Zinchenko (Tomiyasu 20); Rice, Havertz, Calvert-Lewin.\n";
        let k = kinds(t);
        for player in ["Raya", "White", "Saliba", "Tomiyasu", "Havertz", "Calvert-Lewin"] {
            assert!(k.iter().any(|(n, kind)| n == player && *kind == Kind::Person), "{player}: {k:?}");
        }
        let a = crate::recognize::analyze(t, &Kb::builtin(), None);
        let havertz: Vec<_> = a.mentions.iter().filter(|m| &t[m.span.clone()] == "Havertz").collect();
        assert!(havertz.iter().all(|m| a.entity_of(m).name == "Kai Havertz"));
    }

    #[test]
    fn unknown_clubs_next_to_scores() {
        let k = kinds(
            "Arsenal 2-1 Everton on the final day, and Wolves lost 3-1.\n\nEverton went ahead early. Results: Brentford 2 Fulham 1\n",
        );
        for club in ["Everton", "Brentford", "Fulham"] {
            assert!(k.iter().filter(|(t, kind)| t == club && *kind == Kind::Org).count() >= 1, "{club}: {k:?}");
        }
        assert_eq!(k.iter().filter(|(t, _)| t == "Everton").count(), 2, "{k:?}");
        // A club named after its city: one name, not a place and a word.
        let k = kinds("Arsenal 2-1 Everton.\nSheffield United 0-3 Tottenham\n");
        assert!(k.iter().any(|(t, kind)| t == "Sheffield United" && *kind == Kind::Org), "{k:?}");
        // One score on a line of its own is enough.
        let k = kinds("Champions League final\nParis Saint-Germain 5-0 Inter\n\nThe ball deflected off Inter's Federico Dimarco.\n");
        assert_eq!(k.iter().filter(|(t, kind)| t == "Inter" && *kind == Kind::Org).count(), 2, "{k:?}");
        // Without scores in the article, nothing.
        let k = kinds("Everton said the stadium would open in May.\n");
        assert!(!k.iter().any(|(t, kind)| t == "Everton" && *kind == Kind::Org), "{k:?}");
    }

    #[test]
    fn teams_of_a_standings_table() {
        let t = "Inter thrashed Lazio 4-0 and Napoli won 3-1.\n\nStandings\n     P   W  D  L   GD  Pts\n1. Napoli       12  9  1  2  +12  28\n2. Inter        12  8  2  2  +17  26\n3. Bologna      12  7  2  3   +9  23\n4. Nottingham Forest 12 7 1 4 +4 22\n";
        let k = kinds(t);
        assert_eq!(k.iter().filter(|(n, kind)| n == "Inter" && *kind == Kind::Org).count(), 2, "{k:?}");
        for club in ["Napoli", "Bologna", "Nottingham Forest"] {
            assert!(k.iter().any(|(n, kind)| n == club && *kind == Kind::Org), "{club}: {k:?}");
        }
        assert!(!k.iter().any(|(n, _)| n == "GD"), "{k:?}");
        // Two rows are no table; a person's results row names no team.
        let k = kinds("1. Inter 12 9 1\n2. Tom Baker 11 9 2\n");
        assert!(!k.iter().any(|(n, _)| n == "Inter"), "{k:?}");
    }

    #[test]
    fn team_column_after_a_competitor() {
        let t = "McLaren's Lando Norris won. Red Bull team principal Tom Baker agreed.\n\nFinal standings\n1. Lando Norris (Britain) McLaren 423 points\n2. Max Verstappen (Netherlands) Red Bull 421\n3. Oscar Piastri (Australia) McLaren 410\n\nNorris joined McLaren as a teenager.\n";
        let k = kinds(t);
        assert_eq!(k.iter().filter(|(n, kind)| n == "McLaren" && *kind == Kind::Org).count(), 4, "{k:?}");
        assert_eq!(k.iter().filter(|(n, kind)| n == "Red Bull" && *kind == Kind::Org).count(), 2, "{k:?}");
        assert!(k.iter().any(|(n, kind)| n == "Britain" && *kind == Kind::Loc), "{k:?}");
    }

    #[test]
    fn a_city_used_as_its_club_is_the_club_throughout() {
        let t = "Bologna beat Parma 2-1 and Napoli won 3-1.\n\nThe people of Bologna celebrated with Bologna coach Tom Baker. Lazio, named after the Lazio region around Rome, lost in Parma.\nLazio 0 Roma 1\n";
        let k = kinds(t);
        let bologna: Vec<Kind> = k.iter().filter(|(n, _)| n == "Bologna").map(|(_, kind)| *kind).collect();
        assert_eq!(bologna, [Kind::Org, Kind::Loc, Kind::Org], "{k:?}");
        assert!(k.iter().any(|(n, kind)| n == "Rome" && *kind == Kind::Loc), "the club is Roma, not Rome: {k:?}");
        let lazio: Vec<Kind> = k.iter().filter(|(n, _)| n == "Lazio").map(|(_, kind)| *kind).collect();
        assert_eq!(lazio, [Kind::Org, Kind::Loc, Kind::Org], "{k:?}");
        let parma: Vec<Kind> = k.iter().filter(|(n, _)| n == "Parma").map(|(_, kind)| *kind).collect();
        assert_eq!(parma, [Kind::Org, Kind::Loc], "in Parma is the city: {k:?}");
    }

    #[test]
    fn prose_after_a_colon_is_no_lineup() {
        let k = kinds("Arsenal beat Everton 2-1 and Chelsea drew 1-1.\n\nArsenal: the Gunners Were Very Good In The End Today.\n");
        assert!(!k.iter().any(|(n, _)| n == "Gunners" || n == "Good"), "{k:?}");
    }

    #[test]
    fn must_not_turn_places_into_clubs_outside_match_reports() {
        let k = kinds("She flew from Bologna to Parma on Monday and visited Rome.\n");
        assert!(k.iter().all(|(_, kind)| *kind == Kind::Loc), "{k:?}");
        // Scores elsewhere, but the city is a place: "in Madrid".
        let k = kinds("Spain beat Italy 2-1 and France drew 0-0 in Madrid.\n");
        assert!(k.iter().any(|(t, kind)| t == "Madrid" && *kind == Kind::Loc), "{k:?}");
        assert!(k.iter().any(|(t, kind)| t == "Spain" && *kind == Kind::Loc), "national teams stay places: {k:?}");
    }
}
