//! Organisations found around other units: the words after a known name that end
//! with an organisation head ("Kuwait" + "News Agency", "Hanwha" + "Ocean
//! Systems"; a venue such as "Busan Exhibition and Convention Center" is a
//! place), and the organisation inside a title's complement ("Director of the
//! *National Security Office*"; known names there, "Prime Minister of *the
//! Netherlands*", are marked too).

use super::super::{Cand, GazHit, Key, TokRange, Work};
use super::units::Unit;
use super::{Mode, add_discovered};
use crate::kb::Form;
use crate::lexicon::class::*;
use crate::model::{Kind, Origin};

/// At most this many words after a known name make its organisation tail:
/// "Korea" + "Aerospace Industries", "Kuwait" + "News Agency"; more is a
/// headline or a list, not one name.
const MAX_TAIL_WORDS: usize = 4;

/// Word units from `from` (after a known name) that end with an organisation
/// head: "Kuwait" + "News Agency". Returns the index of the last unit.
pub(super) fn org_tail(w: &Work, us: &[Unit], from: usize) -> Option<usize> {
    let mut best = None;
    let mut k = from;
    while k < us.len() && us[k].is_word() && k - from < MAX_TAIL_WORDS && !w.is(us[k].first(), FUNC) && w.toks[us[k].first()].is_cap() {
        let last_tok = us[k].tokens.end - 1;
        if w.is(last_tok, ORG_HEAD) && !w.is(last_tok, EVENT_HEAD) {
            best = Some(k);
        } else if w.is(us[k].first(), ROLE_HEAD) && !w.is(us[k].first(), ORG_HEAD) {
            break;
        }
        k += 1;
    }
    // The head must end the name: "Thomson Reuters Trust Principles" is not an
    // organisation called "Thomson Reuters Trust".
    best.filter(|&b| b + 1 >= us.len() || !us[b + 1].is_word())
}

/// The kind of a name ending in an organisation head at `end - 1`: a venue
/// (`venue_kinds` + `venue_heads`, "Convention Center") is a place, anything else
/// an organisation.
pub(super) fn tail_kind(w: &Work, end: usize) -> Kind {
    if w.is(end - 1, VENUE_HEAD) && end >= 2 && w.is(end - 2, VENUE_KIND) { Kind::Loc } else { Kind::Org }
}

/// The names inside the title on `title`: known names ("Prime Minister of the
/// Netherlands") and an organisation as the complement ("Director of the
/// *National Security Office*").
pub(super) fn complement_org(w: &mut Work, title: TokRange, mode: Mode) {
    if mode == Mode::Known {
        return;
    }
    let (first, end) = (title.first, title.end);
    let mut k = first;
    while k < end {
        if let Some(GazHit { tokens: TokRange { first: gf, end: ge }, hit: m }) = w.gaz_starting(k)
            && ge <= end
        {
            let entry = w.kb.entry(m.entry);
            if m.form != Form::Demonym && entry.kind != Kind::Person {
                let origin = if entry.is_user() { Origin::KnowledgeBase } else { Origin::Gazetteer };
                w.add(Cand {
                    tokens: TokRange::new(gf, ge),
                    kind: entry.kind,
                    key: Key::Kb(m.entry),
                    origin,
                    refers_to: None,
                    byline: false,
                });
            }
            k = ge;
            continue;
        }
        k += 1;
    }
    let Some(of) = (first..end).find(|&k| matches!(w.t(k), "of" | "for")) else { return };
    let mut s = of + 1;
    if s < end && w.t(s) == "the" {
        s += 1;
    }
    if s < end && w.is(end - 1, ORG_HEAD) && !w.is(end - 1, ROLE_COMP | ROLE_HEAD) && end - s >= 2 {
        add_discovered(w, TokRange::new(s, end), Kind::Org);
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn finds_an_organisation_tail_after_a_known_name() {
        assert_eq!(marks("Shares of Busan Zinc Holdings rose."), "Shares of [[Busan Zinc Holdings|ORG]] rose.");
    }

    #[test]
    fn finds_a_venue_as_a_place() {
        assert_eq!(
            marks("Delegates gathered at the Busan Trade Center on Monday."),
            "Delegates gathered at the [[Busan Trade Center|LOC]] on Monday."
        );
    }

    #[test]
    fn finds_the_organisation_of_a_title() {
        assert_eq!(
            marks("Director of the National Fisheries Office Ana Ruiz spoke."),
            "Director of the [[National Fisheries Office|ORG]] [[Ana Ruiz|PERSON]] spoke."
        );
        assert_eq!(
            marks("Prime Minister of the Netherlands Dick Schoof spoke."),
            "Prime Minister of the {{Netherlands|LOC}} [[Dick Schoof|PERSON]] spoke."
        );
    }

    #[test]
    fn must_not_take_a_head_that_does_not_end_the_name() {
        assert_eq!(marks("He cited the Busan Trust Principles again."), "He cited the {{Busan|LOC}} Trust Principles again.");
    }

    #[test]
    fn must_not_make_a_center_without_a_venue_word_a_place() {
        assert_eq!(marks("Staff at the Seoul Cancer Center said so."), "Staff at the [[Seoul Cancer Center|ORG]] said so.");
    }
}
