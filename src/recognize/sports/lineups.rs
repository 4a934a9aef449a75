//! Line-ups ("Arsenal: Raya; White, Saliba, ...") name players: each name in
//! one is a person, of that team (`Work::lineups`, read by the roles step).

use super::super::Work;
use crate::model::{Kind, Origin};

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
                None => (super::super::name_key(&text), None, Origin::Discovered),
            };
            w.add(super::super::Cand {
                tokens: super::super::TokRange::new(j, e),
                kind: Kind::Person,
                key,
                origin,
                refers_to,
                byline: false,
            });
            j = e;
        }
    }
    w.lineups = found;
}
