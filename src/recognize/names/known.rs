//! Known names in a run (the gazetteer and the user's knowledge base): "The
//! Kremlin said" (the article's "The" is not part of the name, unlike "The
//! Hague"), a known name with an organisation tail ("Kuwait" + "News Agency" is
//! one organisation, "Kuwait News Agency"), a demonym ("Japanese", the
//! affiliation of a title after it, not a mention), and "Liberals in the party"
//! (a sentence-initial plural that is also a party's alias is the word).

use super::super::{Affil, Cand, Key, TokRange, Work};
use super::orgs::{org_tail, tail_kind};
use super::process::RunState;
use super::{Mode, add_discovered};
use crate::kb::Form;
use crate::lexicon::level;
use crate::model::{Kind, Origin};
use crate::tokens::{ALLCAPS, SENT_START};

impl RunState {
    /// The known name of unit `idx` (its match `gi`); returns the next unit.
    pub(super) fn on_known(&mut self, w: &mut Work, idx: usize, gi: usize) -> usize {
        let m = w.gaz[gi].hit;
        let kb = w.kb;
        let entry = kb.entry(m.entry);
        let mut u = self.units[idx].tokens;
        // "The Kremlin said": the article's "The" is not part of the name, unlike
        // "The Hague".
        if u.end > u.first + 1 && w.t(u.first) == "The" && (entry.kind == Kind::Org || !entry.name.starts_with("The ")) {
            u.first += 1;
        }
        // "Liberals in the party ...": a one-word alias that is an ordinary plural
        // at the start of a sentence is not the party.
        if entry.kind == Kind::Org
            && u.end == u.first + 1
            && w.toks[u.first].has(SENT_START)
            && !w.toks[u.first].has(ALLCAPS)
            && w.is_word(u.first, level::DICTIONARY)
            && w.t(u.first).ends_with('s')
        {
            return idx + 1;
        }
        // "Kuwait" + "News Agency": one organisation (or a venue).
        if entry.kind != Kind::Person
            && self.mode == Mode::Full
            && let Some(tail) = org_tail(w, &self.units, idx + 1)
        {
            let end = self.units[tail].tokens.end;
            let kind = tail_kind(w, end);
            self.last_cand = add_discovered(w, TokRange::new(u.first, end), kind);
            self.affil = None;
            return tail + 1;
        }
        // "Japanese Prime Minister": the affiliation of the title, not a mention.
        if m.form == Form::Demonym {
            self.affil = Some(Affil::Kb(m.entry));
            return idx + 1;
        }
        let origin = if entry.is_user() { Origin::KnowledgeBase } else { Origin::Gazetteer };
        let kind = entry.kind;
        self.last_cand = w.add(Cand { tokens: u, kind, key: Key::Kb(m.entry), origin, refers_to: None, byline: false });
        self.affil = if kind == Kind::Person { None } else { self.last_cand.map(Affil::Cand) };
        idx + 1
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn finds_a_known_name_without_the_article() {
        assert_eq!(marks("Later The Kremlin said talks would go on."), "Later The {{Kremlin|ORG}} said talks would go on.");
        assert_eq!(marks("Talks opened in The Hague on Monday."), "Talks opened in {{The Hague|LOC}} on Monday.");
    }

    #[test]
    fn finds_a_known_name_with_an_organisation_tail() {
        assert_eq!(marks("According to Busan Port Agency, talks resumed."), "According to [[Busan Port Agency|ORG]], talks resumed.");
    }

    #[test]
    fn finds_a_venue_after_a_known_name_as_a_place() {
        assert_eq!(marks("The fair opened at Busan Exhibition Center."), "The fair opened at [[Busan Exhibition Center|LOC]].");
    }

    #[test]
    fn must_not_mark_a_demonym() {
        assert_eq!(marks("Officials met Canadian diplomats on Friday."), "Officials met Canadian diplomats on Friday.");
    }

    #[test]
    fn must_not_take_a_sentence_initial_plural_for_a_party() {
        assert_eq!(marks_knowing("Analysts said Liberals won.", vec![org("Liberals")]), "Analysts said {{Liberals|ORG}} won.");
        assert_eq!(marks_knowing("Liberals in the region were divided.", vec![org("Liberals")]), "Liberals in the region were divided.");
    }
}
