//! Clubs named after their city in sports copy: in a document with match
//! scores ("2-1", "Arsenal 2 Everton 1"), a one-word city or region next to a match word
//! ("Bologna beat Parma", "drew with Como") or a score is the club, an
//! organisation, not the place. Countries stay places: a national team is
//! labelled as its country.
//!
//! Line-ups ("Arsenal: Raya; White, Saliba, ...") name players: each name in
//! one is a person, of that team (`Work::lineups`, read by the roles step).

use super::{Key, Work};
use crate::kb::Class;
use crate::lexicon::class::{CALENDAR, FUNC, MATCH_WORD, NOT_NAME};
use crate::lexicon::level;
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
    unknown_clubs(w);
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

/// The most words of a club's name found next to a score: "West Ham", "Nottingham Forest".
const MAX_CLUB_WORDS: usize = 3;

/// Clubs no step labelled, found by a score next to them ("Arsenal 2-1
/// *Everton*", "*Everton* 1"), then wherever the article names them again.
fn unknown_clubs(w: &mut Work) {
    let free_cap = |w: &Work, i: usize| {
        w.toks.get(i).is_some_and(|t| t.is_cap())
            && w.cand_at(i).is_none()
            && !w.is(i, FUNC | CALENDAR | NOT_NAME)
            && !w.is_word(i, level::COMMON)
    };
    let mut found: Vec<super::TokRange> = Vec::new();
    for i in 0..w.toks.len() {
        let (before, after) = if score_at(w, i) {
            (i.checked_sub(1), Some(i + 3))
        } else if is_number(w, i) && i > 0 && w.toks[i - 1].is_cap() && w.toks.get(i + 1).is_some_and(|t| t.is_cap()) && is_number(w, i + 2)
        {
            // "Arsenal 2 Everton 1"
            (Some(i - 1), Some(i + 1))
        } else {
            continue;
        };
        if let Some(b) = before.filter(|&b| free_cap(w, b)) {
            let mut s = b;
            while s > 0 && b - s + 1 < MAX_CLUB_WORDS && free_cap(w, s - 1) {
                s -= 1;
            }
            found.push(super::TokRange::new(s, b + 1));
        }
        if let Some(a) = after.filter(|&a| free_cap(w, a)) {
            let mut e = a + 1;
            while e - a < MAX_CLUB_WORDS && free_cap(w, e) {
                e += 1;
            }
            found.push(super::TokRange::new(a, e));
        }
    }
    let mut names: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for r in found {
        let text = w.span_text(r.first, r.end).to_string();
        let cand = super::Cand {
            tokens: r,
            kind: Kind::Org,
            key: super::work::name_key(&text),
            origin: Origin::Discovered,
            refers_to: None,
            byline: false,
        };
        if let Some(c) = w.add(cand) {
            names.entry(text).or_insert(c);
        }
    }
    // The same single words elsewhere: "Everton went ahead".
    if names.is_empty() {
        return;
    }
    for i in 0..w.toks.len() {
        if !free_cap(w, i) || w.toks.get(i + 1).is_some_and(|t| t.is_cap()) || i > 0 && w.toks[i - 1].is_cap() {
            continue;
        }
        if let Some(&c) = names.get(w.t(i)) {
            let key = w.cands[c].key.clone();
            w.add(super::Cand {
                tokens: super::TokRange::new(i, i + 1),
                kind: Kind::Org,
                key,
                origin: Origin::Reference,
                refers_to: Some(c),
                byline: false,
            });
        }
    }
}

/// A line-up names at least this many players: "Arsenal: Raya; White, Saliba, ...".
const MIN_LINEUP_PLAYERS: usize = 5;

/// The team a line-up line is for: the line starts with a club or country, an
/// optional formation in parentheses, and a colon ("Arsenal (4-3-3): Raya;
/// White, ..."), and the rest is names between commas, semicolons and
/// substitutions in parentheses. Returns the team's candidate and the token
/// after the colon.
fn lineup_team(w: &Work, line: usize) -> Option<(usize, usize)> {
    let l = &w.lines[line];
    let first = l.content_from;
    let team = w.cand_at(first).filter(|&c| w.cands[c].kind != Kind::Person && w.cands[c].tokens.first == first)?;
    let mut k = w.cands[team].tokens.end;
    if w.is_punct(k, '(') {
        k = (k + 1..l.tokens.end.min(k + 8)).find(|&j| w.is_punct(j, ')'))? + 1;
    }
    if !w.is_punct(k, ':') {
        return None;
    }
    let rest = k + 1..l.tokens.end;
    let mut players = 0;
    for j in rest.clone() {
        let t = w.toks[j];
        match t.kind {
            crate::tokens::TokKind::Word if t.is_cap() && !t.has(crate::tokens::GLUE) => players += 1,
            crate::tokens::TokKind::Word if t.has(crate::tokens::GLUE) || t.has(crate::tokens::DIGIT) => {}
            crate::tokens::TokKind::Punct if matches!(w.t(j), ";" | "," | "(" | ")" | "-" | "." | "'") => {}
            crate::tokens::TokKind::Gap => {}
            // A lowercase word ("and", "sub") or other punctuation: prose, not a line-up.
            _ if w.t(j) == "and" => {}
            _ => return None,
        }
    }
    (players >= MIN_LINEUP_PLAYERS).then_some((team, k + 1))
}

/// The players of line-ups: each capitalised word (or hyphenated run) of a
/// line-up line no step labelled is a person, the one the article names in
/// full with that last word if any ("Havertz" → Kai Havertz).
pub(crate) fn lineups(w: &mut Work) {
    let found: Vec<(usize, usize, usize)> =
        (0..w.lines.len()).filter_map(|l| lineup_team(w, l).map(|(team, from)| (l, team, from))).collect();
    if found.is_empty() {
        return;
    }
    let mut last_words: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, c) in w.cands.iter().enumerate() {
        if c.kind == Kind::Person && c.refers_to.is_none() && c.tokens.end > c.tokens.first + 1 {
            let last =
                crate::recognize::coref::name_words(w, c.tokens.first, c.tokens.end).last().map(|&(a, b)| w.span_text(a, b).to_string());
            if let Some(last) = last {
                last_words.entry(last).or_insert(i);
            }
        }
    }
    for &(line, _, from) in &found {
        let end = w.lines[line].tokens.end;
        let mut j = from;
        while j < end {
            if !w.toks[j].is_cap() || w.cand_at(j).is_some() {
                j += 1;
                continue;
            }
            // The word and its hyphen-glued parts: "Calvert-Lewin".
            let mut e = j + 1;
            while e + 1 < end && w.is_punct(e, '-') && w.toks[e + 1].has(crate::tokens::GLUE) {
                e += 2;
            }
            let text = w.span_text(j, e).to_string();
            let (key, refers_to, origin) = match last_words.get(&text) {
                Some(&a) => (w.cands[a].key.clone(), Some(a), Origin::Reference),
                None => (super::work::name_key(&text), None, Origin::Discovered),
            };
            w.add(super::Cand { tokens: super::TokRange::new(j, e), kind: Kind::Person, key, origin, refers_to, byline: false });
            j = e;
        }
    }
    w.lineups = found;
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
        // Without scores in the article, nothing.
        let k = kinds("Everton said the stadium would open in May.\n");
        assert!(!k.iter().any(|(t, kind)| t == "Everton" && *kind == Kind::Org), "{k:?}");
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
