//! One run, read unit by unit ([`RunState`]). Each unit kind has its family:
//! known names ([`super::known`]), titles and the person after them
//! ([`super::titled`]), head-first organisations (here), connectors (here) and
//! stretches of plain words ([`super::words`]). An affiliation written before a
//! title — "South Korea's Defense Minister", "NATO Secretary General", "the
//! National Intelligence Service (NIS) Director" — is carried to the title. After
//! the run: an acronym in parentheses ("Joint Chiefs of Staff (JCS)") and the
//! country of an organisation ("South Korea's Joint Chiefs of Staff").

use super::super::{Affil, TokRange, Work};
use super::acronyms::{acronym_after, not_an_entity_acronym};
use super::affiliations::{possessive_affiliation, possessive_country, preceding_org};
use super::units::{Unit, UnitKind, units};
use super::{Mode, add_discovered};
use crate::model::Kind;

/// The state of one run while its units are read.
pub(super) struct RunState {
    /// The run's tokens.
    pub run: TokRange,
    pub mode: Mode,
    pub units: Vec<Unit>,
    /// An affiliation waiting for the next title: a country or organisation
    /// written before it ("South Korea's", "Japanese", "NATO").
    pub affil: Option<Affil>,
    /// The last candidate made (for an acronym in parentheses after the run).
    pub last_cand: Option<usize>,
    /// The country of a possessive before the run ("South Korea's Joint Chiefs").
    poss_country: Option<usize>,
    /// The number of candidates before the run.
    cands_before: usize,
}

/// Reads the run `run` of a line in mode `mode`.
pub(super) fn process(w: &mut Work, run: TokRange, mode: Mode) {
    let mut st = RunState::new(w, run, mode);
    let mut idx = 0;
    while idx < st.units.len() {
        idx = match st.units[idx].kind {
            UnitKind::Known(gi) => st.on_known(w, idx, gi),
            UnitKind::Honorific | UnitKind::Title => st.on_titles(w, idx),
            UnitKind::OrgStart => st.on_org_start(w, idx),
            UnitKind::Connector | UnitKind::Punct => st.on_connector(w, idx),
            UnitKind::Word => st.on_words(w, idx),
        };
    }
    st.finish(w);
}

impl RunState {
    fn new(w: &Work, run: TokRange, mode: Mode) -> RunState {
        let possessive = possessive_affiliation(w, run.first);
        RunState {
            run,
            mode,
            units: units(w, run),
            affil: possessive.clone().or_else(|| preceding_org(w, run.first)),
            last_cand: None,
            poss_country: possessive_country(w, possessive),
            cands_before: w.cands.len(),
        }
    }

    /// "Bank of Korea": an organisation, and the affiliation of a title after it.
    fn on_org_start(&mut self, w: &mut Work, idx: usize) -> usize {
        self.last_cand = add_discovered(w, self.units[idx].tokens, Kind::Org);
        self.affil = self.last_cand.map(Affil::Cand);
        idx + 1
    }

    /// A connector or punctuation: "and" ends the affiliation ("Japan and Defense
    /// Minister X": Japan is not X's).
    fn on_connector(&mut self, w: &Work, idx: usize) -> usize {
        if w.t(self.units[idx].first()) == "and" {
            self.affil = None;
        }
        idx + 1
    }

    /// After the run: the acronym defined after its last name, or the acronym of
    /// something that is not an entity; the organisation's country.
    fn finish(self, w: &mut Work) {
        let (first, end) = (self.run.first, self.run.end);
        match self.last_cand {
            Some(c) if w.cands[c].tokens.end == end => acronym_after(w, c, end),
            _ => not_an_entity_acronym(w, first, end),
        }
        if let Some(country) = self.poss_country
            && let Some(c) = (self.cands_before..w.cands.len()).find(|&c| w.cands[c].tokens.first == first)
            && w.cands[c].kind == Kind::Org
        {
            w.org_country.insert(c, country);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn finds_a_head_first_organisation_as_an_affiliation() {
        let text = "Bank of Velmora Governor Rhee Chang-yong spoke.";
        assert_eq!(marks(text), "[[Bank of Velmora|ORG]] Governor [[Rhee Chang-yong|PERSON]] spoke.");
        assert_eq!(titles(text), ["Governor -> Rhee Chang-yong"]);
        assert!(with_work(text, |w| w.pre_roles[0].affiliation == Some(super::Affil::Cand(0))));
    }

    #[test]
    fn finds_the_country_of_an_organisation_after_a_possessive() {
        let country = |text: &str| with_work(text, |w| w.org_country.values().map(|&e| w.kb.entry(e).name.clone()).collect::<Vec<_>>());
        assert_eq!(country("Officials said South Korea's Joint Chiefs of Staff met."), ["South Korea"]);
    }

    #[test]
    fn must_not_carry_an_affiliation_over_and() {
        let aff = with_work("Japan and Defense Minister Nakatani Gen spoke.", |w| {
            w.pre_roles.iter().map(|r| r.affiliation.is_some()).collect::<Vec<_>>()
        });
        assert_eq!(aff, [false]);
    }

    #[test]
    fn must_not_record_a_country_without_a_possessive() {
        assert!(with_work("Officials said the Joint Chiefs of Staff met.", |w| w.org_country.is_empty()));
        assert!(with_work("Officials said Velmora's Joint Chiefs of Staff met.", |w| w.org_country.is_empty()));
    }
}
