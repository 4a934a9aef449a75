//! The person after role titles and honorifics: "Defense Minister Shin Won-sik",
//! "Lt. Gen. Kim Myung-soo", "Sen. Maria Lopez", "Defense Minister Gen. Park".
//! Consecutive titles and honorifics make one title (a rank written as an
//! honorific, "Sen.", is a role; "Mr." is not); the plain words after them are
//! the person. The title is recorded with the person and the affiliation written
//! before it ([`PreRole`]). In a headline only the name-shaped start is taken
//! ("Minister Cho Tae-yul Vows ..."), else the first word or two ("CEO Freixe
//! Over ..."). A lone ordinary word after a title ("President Trump" aside,
//! "Minister Said") is left to coreference.

use super::super::{Cand, Key, PreRole, TokRange, Work};
use super::discovered::{name_subspan, trim_calendar};
use super::orgs::complement_org;
use super::process::RunState;
use super::titles::honorific_role;
use super::units::UnitKind;
use super::{Mode, add_discovered, leave_to_coref, ordinary_word};
use crate::lexicon::level;
use crate::model::{Kind, Origin};
use crate::tokens::DIGIT;

/// A headline's name after a title that is not name-shaped ends within this many
/// words: "CEO Freixe Over ..." takes one, "Minister Ana Ruiz Quits" at most
/// three; a headline goes on with other words.
const HEADLINE_NAME_MAX_WORDS: usize = 3;

/// The person after titles, as read by [`RunState::person_after`].
struct PersonAfter {
    /// The candidate made, if any.
    cand: Option<usize>,
    /// The unit after the person's name.
    next: usize,
}

impl RunState {
    /// The titles starting at unit `idx` and the person after them; returns the
    /// unit after the person.
    pub(super) fn on_titles(&mut self, w: &mut Work, idx: usize) -> usize {
        // Consecutive titles: "Lt. Gen.", "Defense Minister Gen.".
        let mut j = idx;
        let mut role: Option<TokRange> = None;
        let mut honor: Option<TokRange> = None;
        while j < self.units.len() && matches!(self.units[j].kind, UnitKind::Honorific | UnitKind::Title) {
            let u = self.units[j].tokens;
            if self.units[j].kind == UnitKind::Title {
                role = Some(extend(role, u));
                complement_org(w, u, self.mode);
            } else {
                honor = Some(extend(honor, u));
            }
            j += 1;
        }
        // A rank or office written as an honorific ("Sen.", "Gen.") is a role.
        if role.is_none()
            && let Some(h) = honor
            && honorific_role(w, h.first, h.end).is_some()
        {
            role = Some(h);
        }
        let person = self.person_after(w, j);
        if let Some(r) = role {
            w.pre_roles.push(PreRole { tokens: r, person: person.cand, affiliation: self.affil.take() });
        }
        self.affil = None;
        self.last_cand = person.cand.or(self.last_cand);
        person.next
    }

    /// The person whose name starts at unit `j` (after titles).
    fn person_after(&self, w: &mut Work, j: usize) -> PersonAfter {
        let us = &self.units;
        let mut k = j;
        while k < us.len() && us[k].is_word() {
            k += 1;
        }
        if self.mode == Mode::Restricted && k > j + 1 {
            k = j + headline_name_len(w, &us[j..k]);
        }
        if k > j {
            let t = trim_calendar(w, TokRange::new(us[j].first(), us[k - 1].tokens.end));
            let lone_word = t.end == t.first + 1 && ordinary_word(w, t.first);
            if !t.is_empty() && !lone_word && !t.iter().any(|x| w.toks[x].has(DIGIT)) {
                return PersonAfter { cand: add_discovered(w, t, Kind::Person), next: k };
            }
            if t.end == t.first + 1 && self.mode != Mode::Known {
                leave_to_coref(w, t.first, self.mode, true);
            }
            return PersonAfter { cand: None, next: k };
        }
        // A person from the knowledge base.
        if k < us.len()
            && let UnitKind::Known(gi) = us[k].kind
            && w.kb.entry(w.gaz[gi].hit.entry).kind == Kind::Person
        {
            let e = w.gaz[gi].hit.entry;
            let c = w.add(Cand {
                tokens: us[k].tokens,
                kind: Kind::Person,
                key: Key::Kb(e),
                origin: Origin::KnowledgeBase,
                refers_to: None,
                byline: false,
            });
            return PersonAfter { cand: c, next: k + 1 };
        }
        PersonAfter { cand: None, next: k }
    }
}

/// How many of a headline's words after a title are the name: the name-shaped
/// start ("Cho Tae-yul" in "Cho Tae-yul Vows"), else the words up to the first
/// ordinary one ("Freixe" in "Freixe Over"), at least one.
fn headline_name_len(w: &Work, words: &[super::units::Unit]) -> usize {
    match name_subspan(w, words) {
        Some(r) if r.start == 0 => r.end,
        _ => {
            let mut e = 1;
            while e < words.len() && e < HEADLINE_NAME_MAX_WORDS && !w.is_word(words[e].first(), level::DICTIONARY) {
                e += 1;
            }
            e
        }
    }
}

/// `range` extended to the end of `u`, or `u`.
fn extend(range: Option<TokRange>, u: TokRange) -> TokRange {
    range.map_or(u, |r| TokRange::new(r.first, u.end))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn finds_the_person_after_a_title_and_records_the_title() {
        assert_eq!(marks("Defense Minister Shin Won-sik spoke."), "Defense Minister [[Shin Won-sik|PERSON]] spoke.");
        assert_eq!(titles("Defense Minister Shin Won-sik spoke."), ["Defense Minister -> Shin Won-sik"]);
    }

    #[test]
    fn finds_consecutive_titles_and_ranks_as_one() {
        assert_eq!(titles("Yesterday Lt. Gen. Kim Myung-soo arrived."), ["Lt. Gen. -> Kim Myung-soo"]);
        assert_eq!(titles("Yesterday Sen. Maria Lopez arrived."), ["Sen. -> Maria Lopez"]);
        assert_eq!(titles("Yesterday Defense Minister Gen. Park Anh arrived."), ["Defense Minister -> Park Anh"]);
    }

    #[test]
    fn finds_a_known_person_after_a_title() {
        assert_eq!(
            marks_knowing("Yesterday President Quentin Delarue arrived.", vec![person("Quentin Delarue")]),
            "Yesterday President {{Quentin Delarue|PERSON}} arrived."
        );
    }

    #[test]
    fn finds_only_the_name_in_a_headline() {
        assert_eq!(
            marks("Minister Cho Tae-yul Vows Closer Ties With Tokyo\n\nOfficials said the talks went well."),
            "Minister [[Cho Tae-yul|PERSON]] Vows Closer Ties With {{Tokyo|LOC}}\n\nOfficials said the talks went well."
        );
    }

    #[test]
    fn must_not_make_a_plain_honorific_a_role_or_an_ordinary_word_a_person() {
        assert_eq!(titles("Yesterday Mr. Ashworth arrived."), Vec::<String>::new());
        assert_eq!(marks("Yesterday Mr. Ashworth arrived."), "Yesterday Mr. [[Ashworth|PERSON]] arrived.");
        assert_eq!(titles("The Prime Minister Said nothing."), ["Prime Minister -> ?"]);
        assert_eq!(pending("The Prime Minister Said nothing."), ["The", "Said?"]);
    }
}
