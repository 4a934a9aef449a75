//! A title given by the clause the name is the subject of, read as a [role
//! phrase](super::phrase) after the verb:
//!
//! - "X became the country's first female finance minister" (the country is
//!   the article's, left to inference);
//! - "X was appointed defense minister", "X, named chief executive in May";
//! - "X, who announced his resignation as prime minister", "X takes over as CEO".
//!
//! Only when no other person comes between the name and the verb.

use super::super::Work;
use super::phrase::role_phrase;
use super::sentence::sentence_toks;
use super::{Claims, RoleMatch};
use crate::lexicon::class::*;
use crate::model::Kind;
use crate::tokens::POSS;

/// The verb comes within this many tokens after the name (and in its
/// sentence): "X, a veteran diplomat who served in Tokyo, was appointed ...".
const VERB_WITHIN: usize = 16;

/// "X became ...", "X was appointed ...", "X ... as ...": the title the clause gives.
pub(super) fn predicate(w: &Work, p: usize, _so_far: &Claims) -> Option<RoleMatch> {
    let sentence_end = sentence_toks(w, w.cands[p].tokens.first).end;
    let mut k = w.cands[p].tokens.end;
    let limit = sentence_end.min(k + VERB_WITHIN);
    while k < limit {
        if w.cand_at(k).is_some_and(|c| w.cands[c].kind == Kind::Person) {
            return None;
        }
        let opens = if w.is_lower(k, BECOME) {
            true
        } else if w.is_lower(k, APPOINTMENT_VERB) {
            k > 0 && (w.is_lower(k - 1, PASSIVE_AUX) || k == w.cands[p].tokens.end + 1 && w.is_punct(k - 1, ','))
        } else {
            w.t(k) == "as" && k > 0 && w.is_lower(k - 1, AS_PRECEDER)
        };
        if opens {
            let mut from = k + 1;
            // "the country's first female finance minister": the country is the
            // article's, left to inference.
            if from + 2 < w.toks.len() && w.t(from) == "the" && w.is_lower(from + 1, OWN_COUNTRY_NOUN) && w.toks[from + 1].has(POSS) {
                from += 2;
            }
            while from < limit && w.is_lower(from, PREDICATE_ADJECTIVE) {
                from += 1;
            }
            let phrase = role_phrase(w, from, true)?;
            return Some(RoleMatch::new(Some(phrase.role), phrase.affiliation, w.span(w.cands[p].tokens.first, phrase.tokens.end)));
        }
        k += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn became_gives_its_object_as_the_title() {
        ok("Aiko Tanabe became the country's first female finance minister.", "predicate", "Aiko Tanabe", Some("Finance Minister"), None);
        ok("Tom Baker, who became chief executive in 2020, said little.", "predicate", "Tom Baker", Some("Chief Executive"), None);
    }

    #[test]
    fn an_appointment_verb_when_passive_or_after_a_comma() {
        ok("Tom Baker was elected president of the club.", "predicate", "Tom Baker", Some("President of the Club"), None);
        ok("Tom Baker, named chief executive in May, said little.", "predicate", "Tom Baker", Some("Chief Executive"), None);
        // Active, the verb's object is another person, not the subject's title.
        assert!(by("Anna Berg appointed Tom Baker as her deputy.", "predicate", "Anna Berg").is_empty());
    }

    #[test]
    fn as_after_a_word_of_holding_a_post() {
        ok("Haruto Ishikawa announced his resignation as prime minister.", "predicate", "Haruto Ishikawa", Some("Prime Minister"), None);
        ok("Tom Baker has served as chief executive since 2020.", "predicate", "Tom Baker", Some("Chief Executive"), None);
    }

    #[test]
    fn not_across_another_person() {
        let t = "Anna Berg said Tom Baker became the coach of the team.";
        assert!(by(t, "predicate", "Anna Berg").is_empty());
        assert_eq!(by(t, "predicate", "Tom Baker").len(), 1);
    }

    #[test]
    fn not_without_a_title_after_the_verb() {
        not("Anna Berg was named in the report.", "predicate");
        not("Tom Baker was in Paris on Monday.", "predicate");
    }
}
