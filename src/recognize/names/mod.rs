//! Names in running text: people, organisations and places written with capitals.
//! The rules come in families, one file each, with their examples as tests.
//!
//! A *run* is a stretch of capitalised words on one line, with hyphen-joined parts
//! and connectors such as "of the" between capitals ([`runs`]). Each run is split
//! into units ([`units`]) — known names from the gazetteer, role titles ("Defense
//! Minister", "Director of the National Security Office") and honorifics ("Gen.")
//! ([`titles`]), organisation names that start with their head ("Bank of Korea")
//! and plain words — and one run is read unit by unit ([`process`]): known names
//! ([`known`]), the person after a title ([`titled`]) and stretches of plain words
//! ([`words`], [`discovered`]), which are classified by cues ([`classify`]):
//!
//! * after a role or honorific: a person;
//! * Korean and Chinese name shapes (family name + romanized given name, in either
//!   order) and known given names: a person ([`shapes`]);
//! * an organisation head noun at the end ("... News Agency", "... Systems") or an
//!   acronym defined in parentheses: an organisation ([`orgs`], [`acronyms`]);
//! * a place head ("... Province") or a dateline position: a place ([`datelines`]);
//! * two to four capitalised words that are not ordinary English: a person.
//!
//! Sentence-initial common words ("During", "The") are trimmed, names of events
//! ("Shangri-La Dialogue") are skipped, and in headlines, headers and "related
//! articles" blocks only strongly cued names are taken ([`modes`]). Single unknown
//! words are left to [`super::coref`] as [`Pending`], since it knows the
//! document's people.
//!
//! The order the families run in is [`STEPS`]; inside a run, the order units are
//! tried in is [`units::UNIT_RULES`], and the order of the cues for plain words is
//! the decision list of [`classify::classify`].

mod acronyms;
mod affiliations;
mod bylines;
mod classify;
mod datelines;
mod discovered;
mod known;
mod modes;
mod orgs;
mod process;
mod runs;
mod shapes;
#[cfg(test)]
mod test_support;
mod titled;
mod titles;
mod units;
mod words;

pub(crate) use modes::Mode;
pub(crate) use titles::honorific_role;

use super::{Cand, Key, TokRange, Work, name_key};
use crate::lexicon::class::{GIVEN, SURNAME};
use crate::lexicon::level;
use crate::model::{Kind, Origin};
use crate::romanize;
use crate::tokens::LOWER;

/// A single unknown capitalised word left for [`super::coref`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Pending {
    pub tok: usize,
    pub mode: Mode,
    /// Part of a longer capitalised stretch that is not a name as a whole: only a
    /// reference to a known person can claim it.
    pub fallback: bool,
}

/// One family's pass over the whole document.
type Step = fn(&mut Work);

/// The name families, in the order they run. The order matters because
/// [`Work::add`] is first come, first served and a run never starts on a token
/// already claimed:
///
/// 1. **bylines** first: on a byline line ("By Ana Ruiz and Tom Lee") every name
///    is a reporter, whatever its shape, and only this family (and the last)
///    marks a person as a byline; any later family would claim the same tokens
///    as a plain mention.
/// 2. **datelines** before runs: "GYEONGJU, Oct. 30 (Yonhap) --" is a place only
///    by its position; read as a run, the lone unknown word would at best wait
///    for coreference, which has no cue for it.
/// 3. **runs**, line by line in text order: everything else. Text order lets a
///    definition ("Joint Chiefs of Staff (JCS)") serve the later mentions ("JCS").
/// 4. **name-only bylines** last: a line that is only a person's name ("Kirsty
///    Laing") needs the runs to have found the person before it can mark them
///    a reporter by the line under it.
pub(super) const STEPS: &[(&str, Step)] =
    &[("bylines", bylines::find), ("datelines", datelines::find), ("runs", runs::find), ("name-only bylines", bylines::name_lines)];

/// Finds the names of a document: runs the [`STEPS`] in order.
pub(crate) fn recognize(w: &mut Work) {
    for (_, step) in STEPS {
        step(w);
    }
}

/// Adds a discovered name (not from the knowledge base) of `kind` on `tokens`.
fn add_discovered(w: &mut Work, tokens: TokRange, kind: Kind) -> Option<usize> {
    let text = w.span_text(tokens.first, tokens.end).to_string();
    w.add(Cand { tokens, kind, key: name_key(&text), origin: Origin::Discovered, refers_to: None, byline: false })
}

/// Leaves the single word at `tok` to coreference; `fallback`: it came from a
/// longer stretch that is not a name as a whole.
fn leave_to_coref(w: &mut Work, tok: usize, mode: Mode, fallback: bool) {
    w.pending.push(Pending { tok, mode, fallback });
}

/// Whether token `i` looks like part of a person's name: a known given or family
/// name, or a romanized Korean family name ("Lee", "Maria", "Yoon").
fn name_like(w: &Work, i: usize) -> bool {
    w.is(i, GIVEN | SURNAME) || romanize::is_korean_surname(w.t(i))
}

/// Whether token `i` is an ordinary English word ([`level::DICTIONARY`]) that is
/// not also a name ("Court", "Summit", but not "Rose" or "Young").
fn ordinary_word(w: &Work, i: usize) -> bool {
    w.is_word(i, level::DICTIONARY) && !name_like(w, i)
}

/// Whether token `i` is written in lowercase only and has one of the class
/// bits: the exact spelling of an all-lowercase word list ([`Work::is`] ignores
/// case).
fn lowercase_is(w: &Work, i: usize, bits: u64) -> bool {
    w.toks[i].has(LOWER) && w.is(i, bits) && !w.t(i).chars().any(char::is_uppercase)
}

/// Whether the candidate `c` is a known entry of the knowledge base.
fn is_known(w: &Work, c: usize) -> bool {
    matches!(w.cands[c].key, Key::Kb(_))
}

#[cfg(test)]
mod tests {
    use super::test_support::*;

    #[test]
    fn the_registry_lists_every_family_once_in_order() {
        let names: Vec<&str> = super::STEPS.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["bylines", "datelines", "runs", "name-only bylines"]);
    }

    #[test]
    fn finds_people_places_and_organisations_in_one_paragraph() {
        assert_eq!(
            marks("SEOUL, May 2 (Yonhap) -- Foreign Minister Cho Tae-yul met Zentrix Electronics executives in Busan."),
            "{{SEOUL|LOC}}, May 2 ({{Yonhap|ORG}}) -- Foreign Minister [[Cho Tae-yul|PERSON]] met [[Zentrix Electronics|ORG]] executives in {{Busan|LOC}}."
        );
    }

    #[test]
    fn must_not_fire_on_capitalised_ordinary_words() {
        assert_eq!(marks("The Weather Was Fine On Tuesday Morning."), "The Weather Was Fine On Tuesday Morning.");
    }

    #[test]
    fn lowercase_lists_keep_their_exact_spelling() {
        with_work("Acting acting aCting", |w| {
            let q = crate::lexicon::class::QUALIFIER;
            assert!(!super::lowercase_is(w, 0, q));
            assert!(super::lowercase_is(w, 1, q));
            assert!(!super::lowercase_is(w, 2, q));
        });
    }
}
