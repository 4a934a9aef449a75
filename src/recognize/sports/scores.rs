//! Clubs no step labelled, found by a score next to them: "Arsenal 2-1
//! *Everton*", "*Brentford* 2 Fulham 1".

use super::super::{TokRange, Work};
use super::{free_cap, is_number, one_word_place, score_at, to_club};

/// The most words of a club's name found next to a score: "West Ham", "Nottingham Forest".
const MAX_CLUB_WORDS: usize = 3;

/// The clubs next to a score, each with whether its words may be common
/// English words: only in a results row ("Inter 4 Lazio 0"), where nothing
/// else can stand; in prose a common word next to a score is the word.
pub(super) fn unknown_clubs(w: &mut Work) -> Vec<(TokRange, bool)> {
    let mut found = Vec::new();
    // Scores come in text order: each line is read once, however many scores it holds.
    let mut line_read: Option<(u32, bool)> = None;
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
        let li = w.line_of[i];
        let row = match line_read {
            Some((l, row)) if l == li => row,
            _ => {
                let row = results_row(w, i);
                line_read = Some((li, row));
                row
            }
        };
        if let Some(b) = before.filter(|&b| free_cap(w, b, row)) {
            let mut s = b;
            while s > 0 && b - s + 1 < MAX_CLUB_WORDS && free_cap(w, s - 1, row) {
                s -= 1;
            }
            // "Sheffield United 0-3": the club's name starts with a place's.
            if let Some(p) =
                s.checked_sub(1).and_then(|p| w.cand_at(p)).filter(|&p| w.cands[p].tokens.end == s && one_word_place(w, p).is_some())
            {
                w.extend_cand(p, b + 1);
                to_club(w, p);
                continue;
            }
            found.push((TokRange::new(s, b + 1), row));
        }
        if let Some(a) = after.filter(|&a| free_cap(w, a, row)) {
            let mut e = a + 1;
            while e - a < MAX_CLUB_WORDS && free_cap(w, e, row) {
                e += 1;
            }
            found.push((TokRange::new(a, e), row));
        }
    }
    found
}

/// Whether the line of the score at `i` is a results row and nothing else:
/// capitalised words and the score's numbers ("Inter 4 Lazio 0", "Roma 0-1
/// Milan").
pub(super) fn results_row(w: &Work, i: usize) -> bool {
    let l = &w.lines[w.line_of[i] as usize];
    let mut numbers = 0;
    for k in l.content_from..l.tokens.end {
        let t = w.toks[k];
        match t.kind {
            crate::tokens::TokKind::Word if is_number(w, k) => {
                numbers += 1;
                if numbers > 2 {
                    return false;
                }
            }
            crate::tokens::TokKind::Word if t.is_cap() => {}
            crate::tokens::TokKind::Punct if matches!(w.t(k), "-" | "\u{2013}") => {}
            crate::tokens::TokKind::Gap => {}
            _ => return false,
        }
    }
    numbers == 2
}
