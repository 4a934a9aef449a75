//! What an affiliation written in the text stands for, as a claim names it.
//!
//! - A country as itself: "South Korea's Defense Minister X" → South Korea.
//! - A place as its country: "a Seoul official" → South Korea, except for a
//!   local office: "Kyiv Mayor Vitali Klitschko" → Kyiv.
//! - An international body as itself: "NATO Secretary General Mark Rutte" →
//!   North Atlantic Treaty Organization (NATO).
//! - A state body as its country: "the Defense Ministry's spokesman" → the
//!   ministry's country, or the one the text gives it ("South Korea's Joint
//!   Chiefs of Staff"); unknown, it is left to context.
//! - Anything else (a company, a newspaper, a party) as itself.

use super::super::{Affil, Key, TokRange, Work};
use crate::kb::Class;
use crate::lexicon::class::{DEPARTMENT_HEAD, FUNC, HONORIFIC, ROLE_HEAD, ROLE_MOD, STATE_HEAD};
use crate::lexicon::lexicon;
use crate::model::Kind;
use crate::tokens::{LOWER, TokKind};

/// An affiliation as a claim names it (what an [`Affil`] found in the text
/// resolves to).
#[derive(Clone, Debug)]
pub(super) struct Affiliation {
    pub name: String,
    /// The tokens it was read from, so other people's inference skips them.
    pub tokens: Option<TokRange>,
}

/// The affiliation an organisation, place or country stands for: a country as
/// itself; an international body as itself; a state body as its country (if
/// known); anything else (a company, a newspaper, a party) as itself.
pub(super) fn resolve(w: &Work, a: &Affil, tokens: Option<TokRange>) -> Option<Affiliation> {
    match a {
        Affil::Kb(e) => {
            let entry = w.kb.entry(*e);
            let name = match entry.class {
                Class::Country => entry.name.clone(),
                Class::Place => entry.country.clone().unwrap_or_else(|| entry.name.clone()),
                _ if entry.is_state_body() => entry.country.clone().unwrap_or_else(|| display_name(w, *e)),
                _ => display_name(w, *e),
            };
            Some(Affiliation { name, tokens })
        }
        Affil::Cand(c) => {
            let root = w.cands[*c].refers_to.unwrap_or(*c);
            let cand = &w.cands[root];
            let tokens = tokens.or(Some(w.cands[*c].tokens));
            let state = match cand.key {
                Key::Kb(e) => w.kb.entry(e).is_state_body(),
                Key::Name(_) => w.is_state_head(cand.tokens.end - 1),
            };
            // The country the text gives the body ("South Korea's Joint Chiefs").
            if state && let Some(&country) = w.org_country.get(&root) {
                return Some(Affiliation { name: w.kb.entry(country).name.clone(), tokens });
            }
            // A state body of unknown country is left to the context, except a
            // built-in armed group of no state, which is itself ("Rapid Support
            // Forces"): the gazetteer gives every state's body its country, but
            // for a name many states' bodies share.
            if let Key::Kb(e) = cand.key {
                let entry = w.kb.entry(e);
                if entry.is_state_body() && entry.country.is_none() && (entry.is_user() || entry.generic) {
                    return None;
                }
                return resolve(w, &Affil::Kb(e), tokens);
            }
            let name = w.span_text(cand.tokens.first, cand.tokens.end).to_string();
            match w.org_country.get(&root) {
                Some(&country) if state => Some(Affiliation { name: w.kb.entry(country).name.clone(), tokens }),
                // A state body of unknown country: a government department's
                // country is left to the context; a body with a name of its
                // own is the affiliation ("Rapid Support Forces").
                None if state => named_state_body(w, cand).then_some(Affiliation { name, tokens }),
                _ => Some(Affiliation { name, tokens }),
            }
        }
    }
}

/// Whether a state body not in the knowledge base is named as itself rather
/// than as its government's department: at least two words, and a head that is
/// no department's ("Presidential Leadership Council", not "Foreign Ministry").
fn named_state_body(w: &Work, cand: &super::super::Cand) -> bool {
    let words = (cand.tokens.first..cand.tokens.end).filter(|&k| w.toks[k].kind == TokKind::Word).count();
    words >= 2 && !w.is(cand.tokens.end - 1, DEPARTMENT_HEAD)
}

/// The affiliation a non-person candidate stands for.
pub(super) fn of_cand(w: &Work, c: usize) -> Option<Affiliation> {
    resolve(w, &Affil::Cand(c), Some(w.cands[c].tokens))
}

/// A known organisation or body as itself (not the country it belongs to):
/// "Kremlin spokesman" → the Kremlin.
pub(super) fn body_itself(w: &Work, c: usize) -> Option<Affiliation> {
    let root = w.cands[c].refers_to.unwrap_or(c);
    let Key::Kb(e) = w.cands[root].key else { return None };
    (w.kb.entry(e).kind == Kind::Org).then(|| Affiliation { name: display_name(w, e), tokens: Some(w.cands[c].tokens) })
}

/// A body named in the text as an affiliation: a known organisation as itself
/// ("who heads the IAEA"), anything else as [`of_cand`] resolves it.
pub(super) fn named_body(w: &Work, c: usize) -> Option<Affiliation> {
    body_itself(w, c).or_else(|| of_cand(w, c))
}

/// A capitalised word at token `b` that no step labelled, not starting its
/// sentence and no common English word, as the body it names: "*McLaren* team
/// principal X", "*Axalta*'s chief executive".
pub(super) fn unlabelled_body(w: &Work, b: usize) -> Option<Affiliation> {
    let t = w.toks[b];
    let capitalised = t.kind == TokKind::Word && !t.has(LOWER) && w.t(b).chars().next().is_some_and(char::is_uppercase);
    if !capitalised
        || w.cand_at(b).is_some()
        || w.is(b, FUNC | HONORIFIC | ROLE_HEAD | ROLE_MOD)
        || super::sentence::sentence_toks(w, b).first == b
        || w.is_word(b, crate::lexicon::level::COMMON)
    {
        return None;
    }
    Some(Affiliation { name: w.t(b).to_string(), tokens: Some(TokRange::new(b, b + 1)) })
}

/// "Kyiv Mayor X", "Governor of Osaka Prefecture X": a local office belongs to
/// its city or region, not the country the place is in.
pub(super) fn local_place(w: &Work, role: Option<&str>, f: &Affiliation) -> Option<String> {
    let local = is_local(role);
    let first = f.tokens?.first;
    let c = w.cand_at(first)?;
    let root = w.cands[c].refers_to.unwrap_or(c);
    let Key::Kb(e) = w.cands[root].key else { return None };
    let entry = w.kb.entry(e);
    (local && entry.class == Class::Place).then(|| entry.name.clone())
}

/// Whether a role is a local office (a mayor, a governor, a chief minister).
pub(super) fn is_local(role: Option<&str>) -> bool {
    let Some(role) = role else { return false };
    let role = role.to_ascii_lowercase();
    lexicon().roles.local_office_words.iter().any(|k| role.contains(k.as_str()))
}

/// The lengths of an alias shown as a body's acronym: "UN", "NATO", "KOTRA".
const ACRONYM_LEN: std::ops::RangeInclusive<usize> = 2..=6;

/// How an affiliation to a known body is shown: its name, with its acronym when it
/// has one ("Agence France-Presse (AFP)").
pub(super) fn display_name(w: &Work, e: usize) -> String {
    let entry = w.kb.entry(e);
    if entry.kind != Kind::Org || entry.is_user() {
        return entry.name.clone();
    }
    let acronym = entry
        .aliases
        .iter()
        .find(|a| ACRONYM_LEN.contains(&a.len()) && a.chars().all(|c| c.is_ascii_uppercase()) && !entry.name.contains(a.as_str()));
    match acronym {
        Some(a) => format!("{} ({a})", entry.name),
        None => entry.name.clone(),
    }
}

impl Work<'_> {
    /// Whether token `i` is the head of a state body's name (Office, Ministry,
    /// Staff, Command ...).
    pub(super) fn is_state_head(&self, i: usize) -> bool {
        self.is(i, STATE_HEAD)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::is_local;

    #[test]
    fn a_state_body_stands_for_its_country() {
        ok(
            "South Korea's Joint Chiefs of Staff Chairman Kim Myung-soo visited the border.",
            "capitalised-title",
            "Kim Myung-soo",
            Some("Chairman"),
            Some("South Korea"),
        );
    }

    #[test]
    fn a_named_body_of_unknown_country_is_itself_but_a_department_is_left_to_context() {
        ok(
            "Rashad al-Alimi, who heads the Presidential Leadership Council, left Aden.",
            "relative-clause",
            "Rashad al-Alimi",
            Some("Head"),
            Some("Presidential Leadership Council"),
        );
        // A government department of no named country: the context decides.
        ok(
            "Tom Weber, a spokesman for the Foreign Ministry, said the talks ended.",
            "appositive",
            "Tom Weber",
            Some("Spokesman for the Foreign Ministry"),
            None,
        );
    }

    #[test]
    fn an_armed_group_of_no_state_is_itself_and_a_shared_name_is_left_to_context() {
        let t = "The Rapid Support Forces (RSF) took the town. Abdelrahim Hamdan Dagalo, a senior commander of the RSF, was sanctioned.";
        ok(
            t,
            "appositive",
            "Abdelrahim Hamdan Dagalo",
            Some("Senior Commander of the Rapid Support Forces"),
            Some("Rapid Support Forces (RSF)"),
        );
        // "Joint Chiefs of Staff" is many countries' body: not the gazetteer's
        // United States but the context's (a Korean name: South Korea).
        ok(
            "Kim Myung-soo, chairman of the Joint Chiefs of Staff, visited the border.",
            "appositive",
            "Kim Myung-soo",
            Some("Chairman of the Joint Chiefs of Staff"),
            Some("South Korea"),
        );
    }

    #[test]
    fn a_body_right_before_a_lowercase_title_stands_for_itself() {
        ok(
            "Kremlin spokesman Dmitry Peskov told reporters on Monday.",
            "lowercase-title",
            "Dmitry Peskov",
            Some("Spokesman"),
            Some("Kremlin"),
        );
    }

    #[test]
    fn international_bodies_and_agencies_are_shown_with_their_acronym() {
        ok(
            "NATO Secretary General Mark Rutte arrived in Vilnius.",
            "capitalised-title",
            "Mark Rutte",
            Some("Secretary General"),
            Some("North Atlantic Treaty Organization (NATO)"),
        );
        ok(
            "Josep Borrell, the EU's high representative for foreign affairs, said the talks were useful.",
            "appositive",
            "Josep Borrell",
            Some("High Representative for Foreign Affairs"),
            Some("European Union (EU)"),
        );
    }

    #[test]
    fn a_local_office_belongs_to_its_place_not_its_country() {
        ok("Kyiv Mayor Vitali Klitschko said the city was ready.", "capitalised-title", "Vitali Klitschko", Some("Mayor"), Some("Kyiv"));
        // A place before a national title stands for its country.
        ok(
            "Tom Baker, the ambassador in Seoul, said the talks went well.",
            "appositive",
            "Tom Baker",
            Some("Ambassador in Seoul"),
            Some("South Korea"),
        );
    }

    #[test]
    fn local_offices() {
        for role in ["Mayor", "Provincial Governor", "Chief Minister of Punjab", "City Council Speaker", "Prefectural Police Chief"] {
            assert!(is_local(Some(role)), "{role}");
        }
        for role in ["Defense Minister", "Chief Executive", "Speaker"] {
            assert!(!is_local(Some(role)), "{role}");
        }
        assert!(!is_local(None));
    }

    #[test]
    fn a_company_named_after_a_title_is_itself() {
        ok(
            "Tom Baker remains chief executive of Acme Capital.",
            "copula",
            "Tom Baker",
            Some("Chief Executive of Acme Capital"),
            Some("Acme Capital"),
        );
    }
}
