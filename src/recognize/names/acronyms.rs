//! Acronyms: an acronym defined in parentheses after a name ("Joint Chiefs of
//! Staff (JCS)") is recorded for its later mentions and makes the name an
//! organisation; a lone all-capitals word ("KUNA", "MENAFN") is an organisation;
//! the acronym of something that is not an entity ("Individually Tailored
//! Partnership Programme (ITPP)") is not one either. Other single capitalised
//! words wait for coreference.

use super::super::{Cand, TokRange, Work};
use super::{Mode, add_discovered, is_known, leave_to_coref};
use crate::lexicon::class::NOT_NAME;
use crate::lexicon::level;
use crate::model::{Kind, Origin};
use crate::tokens::{ALLCAPS, TokKind};

/// An organisation's acronym has two to seven letters ("UN", "KUNA", "MENAFN").
const ACRONYM_LETTERS: std::ops::RangeInclusive<usize> = 2..=7;
/// ... and at most two digits ("G20", "COP28"); more is a code or a model number.
const MAX_ACRONYM_DIGITS: usize = 2;
/// An all-capitals English word longer than this is a shouted word ("WARNS"),
/// not an acronym; shorter ones ("WHO", "AID") may be either.
const MAX_ACRONYM_WORD_LETTERS: usize = 3;

/// A single capitalised word: a defined acronym refers to its definition, an
/// acronym is an organisation, the rest waits for coreference.
pub(super) fn single(w: &mut Work, tok: usize, mode: Mode) -> Option<usize> {
    let text = w.t(tok).to_string();
    if let Some(&def) = w.acronyms.get(&text) {
        let kind = w.cands[def].kind;
        return w.add(Cand {
            tokens: TokRange::new(tok, tok + 1),
            kind,
            key: w.cands[def].key.clone(),
            origin: Origin::Reference,
            refers_to: Some(def),
            byline: false,
        });
    }
    if w.not_entities.contains(&text) {
        return None;
    }
    if is_acronym(w, tok) {
        return add_discovered(w, TokRange::new(tok, tok + 1), Kind::Org);
    }
    if mode != Mode::Known && !w.toks[tok].has(ALLCAPS) {
        leave_to_coref(w, tok, mode, false);
    }
    None
}

/// Whether a token looks like an organisation's acronym ("MENAFN", "KUNA").
fn is_acronym(w: &Work, tok: usize) -> bool {
    let s = w.t(tok);
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let digits = s.chars().filter(|c| c.is_ascii_digit()).count();
    if !w.toks[tok].has(ALLCAPS)
        || !ACRONYM_LETTERS.contains(&letters)
        || digits > MAX_ACRONYM_DIGITS
        || s.contains('.')
        || w.is(tok, NOT_NAME)
    {
        return false;
    }
    if w.is_word(tok, level::DICTIONARY) && letters > MAX_ACRONYM_WORD_LETTERS {
        return false;
    }
    let line = &w.lines[w.line_of[tok] as usize];
    !in_shouted_line(w, tok) && !super::super::layout::is_column_header(w.text, &w.toks, line)
}

/// Whether the line of `tok` is mostly in capitals (a shouted headline), where
/// an all-capitals word says nothing.
fn in_shouted_line(w: &Work, tok: usize) -> bool {
    let li = w.line_of[tok] as usize;
    let (mut caps, mut words) = (0, 0);
    for k in w.lines[li].tokens.clone() {
        if w.toks[k].is_word() && w.toks[k].kind == TokKind::Word && w.t(k).chars().any(char::is_alphabetic) {
            words += 1;
            if w.toks[k].has(ALLCAPS) {
                caps += 1;
            }
        }
    }
    !(caps * 2 < words.max(2) || words <= 2)
}

/// Whether an all-capitals token is a known name (gazetteer or a defined
/// acronym) rather than initials.
pub(super) fn is_acronym_known(w: &Work, tok: usize) -> bool {
    w.gaz_starting(tok).is_some() || w.acronyms.contains_key(w.t(tok))
}

/// The acronym in "(XYZ)" right after `end`, if there is one there.
fn acronym_in_parens(w: &Work, end: usize) -> Option<usize> {
    (w.is_punct(end, '(') && w.is_punct(end + 2, ')')).then_some(end + 1)
}

/// "Individually Tailored Partnership Programme (ITPP)": the acronym of something
/// that is not an entity is not one either.
pub(super) fn not_an_entity_acronym(w: &mut Work, first: usize, end: usize) {
    let Some(a) = acronym_in_parens(w, end) else { return };
    if end - first < 2 {
        return;
    }
    let acr: String = w.t(a).chars().filter(|c| c.is_alphabetic()).collect();
    let initials: String = (first..end).filter(|&k| w.toks[k].is_cap()).filter_map(|k| w.t(k).chars().next()).collect();
    if acr.len() >= 2
        && acr.chars().all(char::is_uppercase)
        && initials.starts_with(acr.chars().next().unwrap_or('?'))
        && initials.len() >= acr.len()
    {
        w.not_entities.insert(w.t(a).to_string());
    }
}

/// "Joint Chiefs of Staff (JCS)": records the acronym for later references and
/// gives the definition the kind of an organisation if it had none better.
pub(super) fn acronym_after(w: &mut Work, cand: usize, run_end: usize) {
    let Some(a) = acronym_in_parens(w, run_end) else { return };
    if !w.toks[a].has(ALLCAPS) || w.cand_at(a).is_some_and(|c| is_known(w, c) && w.cands[cand].key != w.cands[c].key) {
        return;
    }
    let c = &w.cands[cand];
    if c.tokens.end != run_end {
        return;
    }
    let initials: String = c
        .tokens
        .iter()
        .filter(|&k| w.toks[k].is_word() && w.toks[k].is_cap())
        .filter_map(|k| w.t(k).chars().next())
        .flat_map(char::to_uppercase)
        .collect();
    let acr: String = w.t(a).chars().filter(|c| c.is_alphabetic()).flat_map(char::to_uppercase).collect();
    // The acronym's letters are initials of the name, in order, from its first.
    let mut it = initials.chars();
    let subseq = acr.chars().all(|x| it.any(|y| y == x));
    if !(acr.len() >= 2 && initials.starts_with(acr.chars().next().unwrap_or('?')) && subseq) {
        return;
    }
    if w.cands[cand].kind == Kind::Person {
        w.cands[cand].kind = Kind::Org;
    }
    let acr_text = w.t(a).to_string();
    let target = w.cand_at(a).unwrap_or(cand);
    w.acronyms.insert(acr_text, target);
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn finds_a_defined_acronym_and_its_later_mention() {
        assert_eq!(
            marks("The Harbour Safety Board (HSB) met. Later HSB said no."),
            "The [[Harbour Safety Board|ORG]] ([[HSB|ORG]]) met. Later [[HSB|ORG]] said no."
        );
    }

    #[test]
    fn finds_a_lone_acronym_as_an_organisation() {
        assert_eq!(marks("Figures from KELMAR showed a rise."), "Figures from [[KELMAR|ORG]] showed a rise.");
    }

    #[test]
    fn must_not_take_the_acronym_of_a_non_entity() {
        assert_eq!(
            marks("They joined the Individually Tailored Partnership Programme (ITPP) last year. ITPP rules apply."),
            "They joined the Individually Tailored Partnership Programme (ITPP) last year. ITPP rules apply."
        );
    }

    #[test]
    fn must_not_take_column_names_of_a_table() {
        let t = "Standings\n     P   W  D  L   GD  Pts\n1. Napoli   12  9  1  2  +12  28\n";
        assert!(!marks(t).contains("[[GD"), "{}", marks(t));
    }

    #[test]
    fn must_not_take_shouted_words_or_codes() {
        assert_eq!(marks("Officials said the plan WORKS well."), "Officials said the plan WORKS well.");
        assert_eq!(marks("THE FLEET SAILS FROM PORT TODAY\n\nIt left."), "THE FLEET SAILS FROM PORT TODAY\n\nIt left.");
        assert_eq!(marks("Pilots flew the XK2049 jet."), "Pilots flew the XK2049 jet.");
    }
}
