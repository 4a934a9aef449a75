//! Affiliations written just before a run, for a title at its start: a
//! possessive country or organisation ("South Korea's Defense Minister", "Japan's
//! new prime minister" — lowercase qualifiers between are skipped) and an
//! organisation with its acronym in parentheses ("the National Intelligence
//! Service (NIS) Director Cho").

use super::super::{Affil, Key, Work};
use super::lowercase_is;
use crate::kb::Class;
use crate::lexicon::class::{QUALIFIER, TITLE_ADJECTIVE};
use crate::model::Kind;
use crate::tokens::POSS;

/// "South Korea's" right before the run at `first`: the affiliation of a
/// following title. Lowercase role qualifiers and title adjectives between are
/// skipped ("South Korea's *acting* President", "Japan's *new* prime minister").
pub(super) fn possessive_affiliation(w: &Work, first: usize) -> Option<Affil> {
    let mut p = first.checked_sub(1)?;
    while p > 0 && lowercase_is(w, p, QUALIFIER | TITLE_ADJECTIVE) {
        p -= 1;
    }
    if !w.toks[p].has(POSS) {
        return None;
    }
    let c = w.cand_at(p)?;
    if w.cands[c].kind == Kind::Person {
        return None;
    }
    Some(Affil::Cand(c))
}

/// The known country of a possessive affiliation ("South Korea's"), if it is one.
pub(super) fn possessive_country(w: &Work, possessive: Option<Affil>) -> Option<usize> {
    match possessive {
        Some(Affil::Cand(c)) => match w.cands[c].key {
            Key::Kb(e) if w.kb.entry(e).class == Class::Country => Some(e),
            _ => None,
        },
        _ => None,
    }
}

/// An organisation right before the run at `first`, with its acronym in
/// parentheses between: "the National Intelligence Service (NIS) Director Cho".
pub(super) fn preceding_org(w: &Work, first: usize) -> Option<Affil> {
    let mut p = first.checked_sub(1)?;
    if w.is_punct(p, ')') && p >= 3 && w.is_punct(p - 2, '(') {
        p -= 3;
    }
    let c = w.cand_at(p)?;
    let cand = &w.cands[c];
    if cand.kind != Kind::Org || cand.tokens.end != p + 1 {
        return None;
    }
    Some(Affil::Cand(c))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    /// `title -> affiliation` of each title before a name.
    fn affiliations(text: &str) -> Vec<String> {
        with_work(text, |w| {
            w.pre_roles
                .iter()
                .map(|r| {
                    let a = match &r.affiliation {
                        Some(super::Affil::Cand(c)) => w.span_text(w.cands[*c].tokens.first, w.cands[*c].tokens.end).to_string(),
                        Some(super::Affil::Kb(e)) => w.kb.entry(*e).name.clone(),
                        None => "-".into(),
                    };
                    format!("{} -> {a}", w.span_text(r.tokens.first, r.tokens.end))
                })
                .collect()
        })
    }

    #[test]
    fn finds_a_possessive_country_across_qualifiers() {
        assert_eq!(affiliations("Officials said South Korea's acting President Han Duck-soo left."), ["President -> South Korea"]);
        assert_eq!(affiliations("Officials said Japan's new Prime Minister Ishiba Shigeru left."), ["Prime Minister -> Japan"]);
    }

    #[test]
    fn finds_an_organisation_before_its_acronym() {
        assert_eq!(
            affiliations("He said the National Intelligence Service (NIS) Director Cho Tae-yong left."),
            ["Director -> National Intelligence Service"]
        );
        assert_eq!(affiliations("He said the Velmora Harbour Board (VHB) Director Ana Ruiz left."), ["Director -> Velmora Harbour Board"]);
    }

    #[test]
    fn must_not_skip_capitalised_or_unknown_words() {
        assert_eq!(affiliations("Officials said Japan's New Prime Minister Ishiba Shigeru left."), ["Prime Minister -> -"]);
        assert_eq!(affiliations("Officials said Japan's popular Prime Minister Ishiba Shigeru left."), ["Prime Minister -> -"]);
    }

    #[test]
    fn must_not_skip_other_lowercase_words() {
        // The skipped words are exactly role_qualifiers + title_adjectives; roles'
        // own qualifiers ("deputy", "late", "ex") are not among them.
        for q in ["acting", "former", "outgoing", "incoming", "interim", "then", "new", "top"] {
            assert_eq!(
                affiliations(&format!("Officials said Japan's {q} Prime Minister Ishiba Shigeru left.")),
                ["Prime Minister -> Japan"],
                "{q}"
            );
        }
        for q in ["deputy", "late", "ex", "his"] {
            assert_eq!(
                affiliations(&format!("Officials said Japan's {q} Prime Minister Ishiba Shigeru left.")),
                ["Prime Minister -> -"],
                "{q}"
            );
        }
    }

    #[test]
    fn must_not_take_a_person_as_an_affiliation() {
        assert_eq!(affiliations("He quoted Lee Jae-myung's Chief Secretary Kang Hoon-sik."), ["Chief Secretary -> -"]);
    }
}
