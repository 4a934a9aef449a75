//! Ranked tables: rows that start with a rank ("1.", "12.") and end in
//! numbers. In standings ("2. Inter  12  8  2  2  +17  26") the name before
//! the numbers is a team; in results with a team column ("1. Lando Norris
//! (Britain) McLaren 423") the name between the competitor and the figures
//! is theirs. A table needs a few such rows before its names count.

use super::super::{TokRange, Work};
use super::{free_cap, is_number, one_word_place, to_club};
use crate::lexicon::class::GIVEN;
use crate::tokens::TokKind;
use std::collections::HashSet;

/// Ranked rows an article needs before its rows are read as a table.
const MIN_ROWS: usize = 3;
/// The most words of a team's name in a row: "Nottingham Forest", "Red Bull Racing".
const MAX_TEAM_WORDS: usize = 3;

/// The first token after the rank of a ranked row ("1." / "1)"), if line `li` is one.
fn after_rank(w: &Work, li: usize) -> Option<usize> {
    let l = &w.lines[li];
    let k = l.content_from;
    (k + 2 < l.tokens.end && is_number(w, k) && (w.is_punct(k + 1, '.') || w.is_punct(k + 1, ')'))).then_some(k + 2)
}

/// The ranked rows of the article, each as (line, first token after the rank).
pub(super) fn ranked_rows(w: &Work) -> Vec<(usize, usize)> {
    let rows: Vec<(usize, usize)> = (0..w.lines.len()).filter_map(|li| after_rank(w, li).map(|k| (li, k))).collect();
    if rows.len() < MIN_ROWS { Vec::new() } else { rows }
}

/// Whether tokens from `k` to the end of line `li` are figures only: numbers,
/// signs, colons and points ("12  8  2  2  +17  26", "423 points").
fn figures_from(w: &Work, li: usize, k: usize) -> bool {
    let end = w.lines[li].tokens.end;
    let k = (k..end).find(|&j| w.toks[j].kind != TokKind::Gap).unwrap_or(end);
    k < end
        && is_number(w, k)
        && (k..end).all(|j| match w.toks[j].kind {
            TokKind::Word => w.toks[j].has(crate::tokens::DIGIT) || w.toks[j].has(crate::tokens::LOWER),
            TokKind::Punct => matches!(w.t(j), "+" | "-" | "\u{2013}" | ":" | "." | ","),
            TokKind::Gap => true,
            TokKind::Newline => false,
        })
}

/// The run of unlabelled capitalised words from `k` that ends right before
/// the row's figures, if there is one: a team.
fn team_at(w: &Work, li: usize, k: usize) -> Option<TokRange> {
    let mut e = k;
    while e - k < MAX_TEAM_WORDS && free_cap(w, e, true) {
        e += 1;
    }
    // Two words that start with a given name are a competitor no step knew.
    let person = e > k + 1 && w.is(k, GIVEN);
    (e > k && !person && figures_from(w, li, e)).then(|| TokRange::new(k, e))
}

/// The teams of the article's ranked tables no step labelled: the name right
/// after the rank in standings, the name after a competitor's parenthesis in
/// results. Common words may be team names here ("Inter").
pub(super) fn teams(w: &Work, rows: &[(usize, usize)]) -> Vec<(TokRange, bool)> {
    let mut found = Vec::new();
    for &(li, k) in rows {
        if let Some(r) = team_at(w, li, k) {
            found.push((r, true));
            continue;
        }
        // "1. Lando Norris (Britain) McLaren 423 points"
        let Some(p) = w.cand_at(k).filter(|&c| w.cands[c].tokens.first == k && w.cands[c].kind == crate::model::Kind::Person) else {
            continue;
        };
        let mut j = w.cands[p].tokens.end;
        if w.is_punct(j, '(') {
            let Some(close) = (j + 1..w.lines[li].tokens.end.min(j + 8)).find(|&c| w.is_punct(c, ')')) else { continue };
            j = close + 1;
        }
        while w.toks.get(j).is_some_and(|t| t.kind == TokKind::Gap) {
            j += 1;
        }
        if let Some(r) = team_at(w, li, j) {
            found.push((r, true));
        }
    }
    found
}

/// The one-word places that stand first in standings rows ("4. Bologna  12
/// 7 2 3"), relabelled as clubs; returns their names as written.
/// Countries stay: a national team is labelled as its country.
pub(super) fn place_teams(w: &mut Work, rows: &[(usize, usize)]) -> HashSet<String> {
    let mut entries = HashSet::new();
    for &(li, k) in rows {
        let Some(c) = w.cand_at(k).filter(|&c| w.cands[c].tokens.first == k) else { continue };
        if one_word_place(w, c).is_none() {
            continue;
        }
        // "4. Nottingham Forest  12 ...": the club's name goes on past the place's.
        let mut e = w.cands[c].tokens.end;
        while e - k < MAX_TEAM_WORDS && free_cap(w, e, true) {
            e += 1;
        }
        if figures_from(w, li, e) {
            if e > w.cands[c].tokens.end {
                w.extend_cand(c, e);
            } else {
                entries.insert(w.span_text(k, e).to_string());
            }
            to_club(w, c);
        }
    }
    entries
}
