//! Clubs named after their city in sports copy: in a document with match
//! scores ("2-1", "Arsenal 2 Everton 1"), a one-word city or region next to a match word
//! ("Bologna beat Parma", "drew with Como") or a score is the club, an
//! organisation, not the place. Countries stay places: a national team is
//! labelled as its country.

use super::{Key, Work};
use crate::kb::Class;
use crate::lexicon::class::MATCH_WORD;
use crate::model::{Kind, Origin};

/// Scores a document needs before its cities can be clubs.
const MIN_SCORES: usize = 2;

fn is_number(w: &Work, i: usize) -> bool {
    w.toks.get(i).is_some_and(|t| t.is_word()) && w.t(i).len() <= 3 && w.t(i).bytes().all(|b| b.is_ascii_digit())
}

/// A score starts at token `i`: "2-1" (a number, a dash, a number).
fn score_at(w: &Work, i: usize) -> bool {
    is_number(w, i) && w.toks.get(i + 1).is_some_and(|t| !t.is_word()) && matches!(w.t(i + 1), "-" | "\u{2013}") && is_number(w, i + 2)
}

/// Relabels the cities that are clubs here.
pub(crate) fn clubs(w: &mut Work) {
    let scores = (0..w.toks.len()).filter(|&i| score_at(w, i)).take(MIN_SCORES).count();
    if scores < MIN_SCORES {
        return;
    }
    for ci in 0..w.cands.len() {
        let c = &w.cands[ci];
        let Key::Kb(e) = c.key else { continue };
        let entry = w.kb.entry(e);
        if c.kind != Kind::Loc || c.tokens.end != c.tokens.first + 1 || entry.class != Class::Place {
            continue;
        }
        let (f, end) = (c.tokens.first, c.tokens.end);
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
            let text = w.span_text(f, end).to_string();
            let c = &mut w.cands[ci];
            c.kind = Kind::Org;
            c.key = super::work::name_key(&text);
            c.origin = Origin::Discovered;
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
    fn must_not_turn_places_into_clubs_outside_match_reports() {
        let k = kinds("She flew from Bologna to Parma on Monday and visited Rome.\n");
        assert!(k.iter().all(|(_, kind)| *kind == Kind::Loc), "{k:?}");
        // Scores elsewhere, but the city is a place: "in Madrid".
        let k = kinds("Spain beat Italy 2-1 and France drew 0-0 in Madrid.\n");
        assert!(k.iter().any(|(t, kind)| t == "Madrid" && *kind == Kind::Loc), "{k:?}");
        assert!(k.iter().any(|(t, kind)| t == "Spain" && *kind == Kind::Loc), "national teams stay places: {k:?}");
    }
}
