//! A stretch of plain words in a run (with "&" between them: "Marks & Spencer"),
//! and what follows it: one or two words before a head-first organisation make
//! one organisation ("Central Bank of Nigeria"); words before a known name with
//! an organisation tail make one too ("Greater" + "Busan" + "Port Agency");
//! anything else is classified ([`super::discovered`]).

use super::super::{TokRange, Work};
use super::discovered::segment;
use super::orgs::{org_tail, tail_kind};
use super::process::RunState;
use super::units::UnitKind;
use super::{Mode, add_discovered};
use crate::kb::Form;
use crate::lexicon::class::{FUNC, GIVEN};
use crate::lexicon::level;
use crate::model::Kind;
use crate::tokens::SENT_START;

/// At most this many words before a head-first organisation are part of its
/// name: "Central" + "Bank of Nigeria", "Korea Development" + "Bank of ..."; a
/// longer stretch is a sentence running into it.
const MAX_WORDS_BEFORE_ORG_START: usize = 2;

impl RunState {
    /// The plain words starting at unit `idx`; returns the next unit.
    pub(super) fn on_words(&mut self, w: &mut Work, idx: usize) -> usize {
        let us = &self.units;
        let mut j = idx;
        while j < us.len() && (us[j].is_word() || (us[j].kind == UnitKind::Punct && w.t(us[j].first()) == "&" && j + 1 < us.len())) {
            j += 1;
        }
        // Words before a head-first organisation: "Central Bank of Nigeria" (not a
        // person's given name: "Maria" + "Bank of ...").
        if j < us.len()
            && us[j].kind == UnitKind::OrgStart
            && self.mode == Mode::Full
            && j - idx <= MAX_WORDS_BEFORE_ORG_START
            && (idx..j).all(|x| !w.is(us[x].first(), GIVEN) || !us[x].is_word())
        {
            self.last_cand = add_discovered(w, TokRange::new(us[idx].first(), us[j].tokens.end), Kind::Org);
            return j + 1;
        }
        // Leading "The" and sentence-initial common words are not part of it.
        let mut from = idx;
        while from < j
            && us[from].is_one_token()
            && (w.is(us[from].first(), FUNC) || (w.toks[us[from].first()].has(SENT_START) && w.is_word(us[from].first(), level::COMMON)))
        {
            from += 1;
        }
        // Words, then a known name with an organisation tail: "Greater" + "Busan" +
        // "Port Agency".
        if from < j
            && j < us.len()
            && let UnitKind::Known(gi) = us[j].kind
            && self.mode == Mode::Full
            && w.kb.entry(w.gaz[gi].hit.entry).kind != Kind::Person
            && w.gaz[gi].hit.form != Form::Demonym
            && let Some(tail) = org_tail(w, us, j + 1)
        {
            let end = us[tail].tokens.end;
            let kind = tail_kind(w, end);
            self.last_cand = add_discovered(w, TokRange::new(us[from].first(), end), kind);
            return tail + 1;
        }
        if let Some(c) = segment(w, &us[idx..j], self.mode) {
            self.last_cand = Some(c);
        }
        self.affil = None;
        j
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn finds_words_before_a_head_first_organisation() {
        assert_eq!(marks("Officials at the Central Bank of Velmora said so."), "Officials at the [[Central Bank of Velmora|ORG]] said so.");
    }

    #[test]
    fn finds_words_before_a_known_name_with_a_tail() {
        assert_eq!(marks("Shares of Quorvane Korea Zinc Holdings rose."), "Shares of [[Quorvane Korea Zinc Holdings|ORG]] rose.");
    }

    #[test]
    fn finds_an_ampersand_name() {
        assert_eq!(marks("Shares of Harland & Quisby rose."), "Shares of [[Harland & Quisby|ORG]] rose.");
    }

    #[test]
    fn must_not_join_a_given_name_to_a_head_first_organisation() {
        assert_eq!(marks("Officials said Maria Bank of Velmora staff left."), "Officials said Maria [[Bank of Velmora|ORG]] staff left.");
    }

    #[test]
    fn must_not_join_many_words_to_a_head_first_organisation() {
        assert_eq!(
            marks("Reports said Green Ridge Valley Bank of Velmora lost."),
            "Reports said [[Green Ridge Valley|LOC]] [[Bank of Velmora|ORG]] lost."
        );
    }
}
