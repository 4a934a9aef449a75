//! Employers that only their place before a person names: a capitalised
//! name no step labelled, in the possessive right before a person's full name
//! ("Nvidia's Jensen Huang", "Red Bull's Max Verstappen") or right before a
//! lowercase title and a person ("McLaren team principal Andrea Stella"), is
//! an organisation, and so is the same name elsewhere in the article.
//!
//! Not a person's name in the possessive ("Baker's Anna Berg": a known given
//! or family name), not a common word starting a sentence ("Police's ...").

use super::repeats::{add_with_repeats, free_cap};
use super::{TokRange, Work};
use crate::lexicon::class::{GIVEN, HONORIFIC, ROLE_HEAD, ROLE_MOD, ROLE_WEAK, SURNAME};
use crate::lexicon::level;
use crate::model::Kind;
use crate::tokens::{LOWER, POSS};

/// The most words of an employer's name found this way: "Red Bull Racing".
const MAX_WORDS: usize = 3;
/// The most lowercase words of a title between employer and person: "chief
/// operating officer".
const MAX_TITLE_WORDS: usize = 3;

/// Finds the employers and adds them with their later mentions.
pub(crate) fn employers(w: &mut Work) {
    let mut found = Vec::new();
    for p in 0..w.cands.len() {
        let c = &w.cands[p];
        if c.kind != Kind::Person || c.tokens.end < c.tokens.first + 2 || c.byline {
            continue;
        }
        let Some(b) = body_end_before(w, c.tokens.first) else { continue };
        if let Some(r) = name_ending_at(w, b) {
            found.push((r, r.end - r.first > 1));
        }
    }
    if !found.is_empty() {
        add_with_repeats(w, found);
    }
}

/// The last token of the employer's name before a person starting at `first`:
/// the possessive right before, or the word before a lowercase title.
fn body_end_before(w: &Work, first: usize) -> Option<usize> {
    let b = first.checked_sub(1)?;
    if w.toks[b].has(POSS) {
        return Some(b);
    }
    // "McLaren team principal": lowercase title words ending in a head.
    if !(w.toks[b].has(LOWER) && w.is(b, ROLE_HEAD)) {
        return None;
    }
    let mut k = b;
    while k > 0 && b - k < MAX_TITLE_WORDS {
        let j = k - 1;
        if !(w.toks[j].has(LOWER) && w.is(j, ROLE_HEAD | ROLE_MOD | ROLE_WEAK)) {
            break;
        }
        k = j;
    }
    let e = k.checked_sub(1)?;
    (!w.toks[e].has(POSS)).then_some(e)
}

/// The employer's name ending at token `b`: up to [`MAX_WORDS`] capitalised
/// words no step labelled, none a title or honorific, not a person's name.
/// One word must be no common English word and, starting a sentence, no
/// dictionary word; words of a longer name may be common ("Red Bull").
fn name_ending_at(w: &Work, b: usize) -> Option<TokRange> {
    // No demonym either: "his Chinese counterpart Wang Yi".
    let fits = |k: usize| free_cap(w, k, true) && !in_gazetteer(w, k) && !w.is(k, HONORIFIC | ROLE_HEAD | ROLE_MOD | GIVEN | SURNAME);
    if !fits(b) {
        return None;
    }
    let mut s = b;
    while s > 0 && b - s + 1 < MAX_WORDS && fits(s - 1) && !w.toks[s - 1].has(POSS) {
        s -= 1;
    }
    let sentence_start = w.sent_start_before[s] as usize == s;
    let ok = if s == b {
        !(w.is_word(b, level::COMMON) || sentence_start && w.is_word(b, level::DICTIONARY))
    } else {
        !sentence_start || (s..=b).any(|k| !w.is_word(k, level::DICTIONARY))
    };
    ok.then(|| TokRange::new(s, b + 1))
}

/// Whether a gazetteer match covers token `k` (a demonym, a place).
fn in_gazetteer(w: &Work, k: usize) -> bool {
    let i = w.gaz.partition_point(|g| g.tokens.first <= k);
    i > 0 && w.gaz[i - 1].tokens.end > k
}

#[cfg(test)]
mod tests {
    use crate::kb::Kb;
    use crate::model::Kind;

    fn kinds(text: &str) -> Vec<(String, Kind)> {
        let a = crate::recognize::analyze(text, &Kb::builtin(), None);
        a.mentions.iter().map(|m| (text[m.span.clone()].to_string(), m.kind)).collect()
    }

    fn orgs(text: &str) -> Vec<String> {
        kinds(text).into_iter().filter(|(_, k)| *k == Kind::Org).map(|(t, _)| t).collect()
    }

    #[test]
    fn an_employer_in_the_possessive_before_a_person() {
        assert_eq!(orgs("Shares rose after Zentrix's Jensen Huang spoke. Zentrix later fell."), ["Zentrix", "Zentrix"]);
        assert_eq!(orgs("It was a win for Red Bull's Max Verstappen, and Red Bull knew it."), ["Red Bull", "Red Bull"]);
    }

    #[test]
    fn an_employer_before_a_title_and_a_person() {
        assert_eq!(orgs("The McLaren team principal Andrea Stella said McLaren had won."), ["McLaren", "McLaren"]);
        assert_eq!(orgs("Quorvane chief executive Anna Berg resigned."), ["Quorvane"]);
    }

    #[test]
    fn must_not_take_a_person_or_an_ordinary_word() {
        // A family name in the possessive is a person's, not an employer.
        assert!(orgs("It was Baker's Anna Berg who spoke.").is_empty());
        // A common word starting a sentence is the word.
        assert!(orgs("Police chief Anna Berg spoke.").is_empty());
        assert!(orgs("Tom Baker met Anna Berg. Ministers' Anna Berg spoke.").is_empty());
        // Not a possessive before a single word.
        assert!(orgs("Zentrix's Huang spoke.").is_empty());
        // A demonym is no employer.
        assert!(orgs("He met his Chinese counterpart Wang Yi.").is_empty());
        assert!(orgs("North Korean leader Kim Jong-un spoke.").is_empty());
    }
}
