//! Roles and affiliations of people, read from the patterns news uses, each kept
//! with the text it came from and its sentence:
//!
//! | pattern | example | family |
//! | --- | --- | --- |
//! | country / demonym / organisation + title + name | South Korea's Defense Minister Lee Jong-sup; NATO Secretary General Mark Rutte | [`premodifier`] |
//! | lowercase title + name | Kremlin spokesman Dmitry Peskov; former Dutch prime minister Mark Rutte | [`premodifier`] |
//! | name, appositive | Josep Borrell, the EU's high representative for foreign affairs and security policy, | [`apposition`] |
//! | title, name | South Korea's national security adviser, Cho Tae-yong; his Dutch counterpart, Kajsa Ollongren | [`counterpart`] |
//! | name, who + verb of a post | Rafael Grossi, who heads the IAEA | [`apposition`] |
//! | name is / as a title at an organisation | Daniel Hwang is a senior fellow at the Han River Policy Institute | [`apposition`] |
//! | name + clause giving a title | X was appointed defense minister; X takes over as CEO | [`predicate`] |
//! | name (body); name scored for a side; body's name | Faith Kipyegon (Kenya); X scored for Napoli; Arsenal's Kai Havertz | [`bodies`] |
//! | name of / from a body; party code | Victor Cha of the Center for Strategic and International Studies; Sen. X, R-Alaska | [`bodies`] |
//! | byline | By Chae Yun-hwan ... (Yonhap): the agency | [`credits`] |
//!
//! Affiliations are countries or international bodies where the text allows
//! ([`affiliation`]): "of (the) Netherlands" inside a title becomes the
//! affiliation ([`titles`]), and a state body (a ministry, the Joint Chiefs of
//! Staff, the Kremlin) stands for its country. A counterpart takes the role of
//! the person it is the counterpart of. A title with no affiliation written next
//! to it is given one by context, marked inferred ([`infer`]).
//!
//! This step reads the blackboard ([`Work`]) and writes nothing to it.

mod affiliation;
mod anaphora;
mod apposition;
mod bodies;
mod counterpart;
mod credits;
mod infer;
mod korea;
mod phrase;
mod predicate;
mod premodifier;
mod sentence;
mod titles;

use std::collections::{BTreeSet, HashMap};

use super::{GazHit, TokRange, Work};
use crate::lexicon::class::HONORIFIC;
use crate::model::{Claim, Kind, Span};
use crate::tokens::{LOWER, TokKind};
use affiliation::Affiliation;
use sentence::sentence_of;

/// The lines that make the top of an article, where its dateline and agency
/// credit are: headline, standfirst, byline, date and dateline fit in 8.
const TOP_LINES: usize = 8;

/// The most tokens a known name written right before a title is looked for
/// over: "*South Korea*'s", "*North Korean*", "*Bosnia and Herzegovina*'s".
const LONGEST_NAME_BEFORE: usize = 4;

/// A claim as a pattern made it, before context fills in a missing affiliation.
#[derive(Clone, Debug)]
struct RawClaim {
    /// The candidate (a person) the claim is about.
    person: usize,
    role: Option<String>,
    affiliation: Option<Affiliation>,
    /// The bytes the claim was read from.
    span: Span,
    /// The name of the rule that made it (see [`PATTERNS`]).
    rule: &'static str,
}

/// What a pattern read around one person.
#[derive(Clone, Debug)]
struct RoleMatch {
    role: Option<String>,
    affiliation: Option<Affiliation>,
    /// The bytes read.
    span: Span,
    /// Another person the same title is written for ("Kremlin officials Dmitry
    /// Peskov and Yuri Ushakov"): claimed first, with the same role and affiliation.
    also_for: Option<usize>,
}

impl RoleMatch {
    fn new(role: Option<String>, affiliation: Option<Affiliation>, span: Span) -> RoleMatch {
        RoleMatch { role, affiliation, span, also_for: None }
    }
}

/// The claims made so far, as a pattern sees them: earlier people's, and this
/// person's from the rows above.
struct Claims {
    list: Vec<RawClaim>,
    /// Candidate -> it is a person with a capitalised title before the name
    /// (claimed first).
    titled: Vec<bool>,
    /// Person (coreference root) -> the first claim with a role, so that the
    /// patterns reading earlier claims stay linear in the article.
    first_role: HashMap<usize, usize>,
    /// Claims with a role by (first token of the person, claim number).
    with_role: BTreeSet<(usize, usize)>,
}

impl Claims {
    fn new(w: &Work, list: Vec<RawClaim>, titled: Vec<bool>) -> Claims {
        let mut c = Claims { list: Vec::with_capacity(list.len()), titled, first_role: HashMap::new(), with_role: BTreeSet::new() };
        for claim in list {
            c.push(w, claim);
        }
        c
    }

    fn push(&mut self, w: &Work, claim: RawClaim) {
        let i = self.list.len();
        if claim.role.is_some() {
            self.first_role.entry(w.root(claim.person)).or_insert(i);
            self.with_role.insert((w.cands[claim.person].tokens.first, i));
        }
        self.list.push(claim);
    }

    /// The role of the first claim with one for `person`'s coreference root.
    fn role_of(&self, w: &Work, person: usize) -> Option<String> {
        self.first_role.get(&w.root(person)).and_then(|&i| self.list[i].role.clone())
    }

    /// The role of the person with a role nearest before token `before` (the
    /// last claim made of the nearest), other than `me` (a coreference root).
    fn nearest_role_before(&self, w: &Work, before: usize, me: usize) -> Option<String> {
        self.with_role.range(..(before, 0)).rev().map(|&(_, i)| &self.list[i]).find(|c| w.root(c.person) != me).and_then(|c| c.role.clone())
    }
}

/// A pattern: what it reads around person `p`, given the claims made so far.
type Pattern = fn(w: &Work, p: usize, so_far: &Claims) -> Option<RoleMatch>;

/// The patterns tried on each person who is not a byline, in the order they run,
/// after the capitalised titles before names ([`premodifier::capitalised_titles`]).
/// Every row runs, and a match adds a claim; within a row, the first pattern
/// that matches wins. Bylines and sign-offs get none (only their agency), and
/// `lowercase-title` is skipped for a person with a capitalised title before
/// the name. Why this order:
/// - `title-before-comma` (for a counterpart) and `predecessor` take their role
///   from the claims made so far, so they come after the patterns that read a
///   title from the text itself (and earlier people are done first);
/// - a person's claims are kept in the order made: a brat export notes the
///   first, and claims that rank equal (same article, same role length) are
///   listed in this order — titles written next to the name before those read
///   from a clause;
/// - `named-as` before `predicate`: "X as chief of staff" is the narrower reading.
const PATTERNS: &[&[(&str, Pattern)]] = &[
    &[("lowercase-title", premodifier::lowercase_title)],
    &[("appositive", apposition::appositive), ("relative-clause", apposition::relative_clause)],
    &[("title-before-comma", counterpart::title_before_comma)],
    &[("predecessor", counterpart::predecessor)],
    &[("copula", apposition::copula)],
    &[("named-as", apposition::named_as), ("predicate", predicate::predicate)],
    &[("name-of-body", bodies::name_of_body), ("name-paren-body", bodies::name_paren_body), ("played-for", bodies::played_for)],
    &[("possessive-body", bodies::possessive_body), ("lineup", bodies::lineup)],
    &[("party-code", bodies::party_code)],
];

/// The rule name of the agency claims of bylines.
const BYLINE: &str = "byline";

/// Claims as (candidate index, claim).
pub(crate) fn extract(w: &Work) -> Vec<(usize, Claim)> {
    extract_with_rules(w).into_iter().map(|c| (c.person, c.claim)).collect()
}

/// A finished claim, with the name of the rule that made it (the family tests
/// check which rule fired).
#[cfg_attr(not(test), allow(dead_code, reason = "the rule is read by the tests"))]
struct RuledClaim {
    person: usize,
    claim: Claim,
    rule: &'static str,
}

/// The claims, each with its rule.
fn extract_with_rules(w: &Work) -> Vec<RuledClaim> {
    let article = infer::Article::new(w);
    let list = premodifier::capitalised_titles(w);
    let mut titled = vec![false; w.cands.len()];
    for c in &list {
        titled[c.person] = true;
    }
    let mut so_far = Claims::new(w, list, titled);
    let mut bylines = Vec::new();
    for p in (0..w.cands.len()).filter(|&c| w.cands[c].kind == Kind::Person) {
        if w.cands[p].byline || credits::signed_off(w, p) {
            bylines.push(p);
            continue;
        }
        for row in PATTERNS {
            let Some((rule, m)) = row.iter().find_map(|&(rule, pattern)| pattern(w, p, &so_far).map(|m| (rule, m))) else { continue };
            if let Some(q) = m.also_for {
                let also = RawClaim { person: q, role: m.role.clone(), affiliation: m.affiliation.clone(), span: m.span.clone(), rule };
                so_far.push(w, also);
            }
            so_far.push(w, RawClaim { person: p, role: m.role, affiliation: m.affiliation, span: m.span, rule });
        }
    }
    // Context for titles with no affiliation written next to them.
    let raw = so_far.list;
    let mut used = vec![false; w.toks.len()];
    for k in raw.iter().filter_map(|c| c.affiliation.as_ref()?.tokens).flat_map(TokRange::iter) {
        used[k] = true;
    }
    let mut out = Vec::new();
    for c in raw {
        let sentence = sentence_of(w, w.cands[c.person].tokens.first);
        let (affiliation, inferred) = match c.affiliation {
            Some(f) => (Some(affiliation::local_place(w, c.role.as_deref(), &f).unwrap_or(f.name)), false),
            None if c.role.is_some() => (infer::infer(w, c.person, c.role.as_deref(), &used, &article), true),
            None => (None, false),
        };
        if c.role.is_some() || affiliation.is_some() {
            let claim = Claim {
                role: c.role,
                affiliation: affiliation.clone(),
                span: c.span,
                sentence,
                inferred: inferred && affiliation.is_some(),
            };
            out.push(RuledClaim { person: c.person, claim, rule: c.rule });
        }
    }
    let agency = credits::byline_agency(w);
    for p in bylines {
        let (role, outlet) = credits::byline_title(w, p);
        let affiliation = outlet.or_else(|| agency.clone());
        if role.is_some() || affiliation.is_some() {
            let span = w.span(w.cands[p].tokens.first, w.cands[p].tokens.end);
            let claim = Claim { role, affiliation, span, sentence: sentence_of(w, w.cands[p].tokens.first), inferred: false };
            out.push(RuledClaim { person: p, claim, rule: BYLINE });
        }
    }
    out
}

impl Work<'_> {
    /// The gazetteer matches that end right before token `end` and start at most
    /// [`LONGEST_NAME_BEFORE`] tokens before it, earliest start first.
    fn known_names_ending_at(&self, end: usize) -> impl Iterator<Item = GazHit> + '_ {
        (end.saturating_sub(LONGEST_NAME_BEFORE)..end).filter_map(move |s| self.gaz_starting(s).filter(|g| g.tokens.end == end))
    }

    /// Where the honorifics and ranks written right before token `name` start
    /// ("Lord", "Lt Gen", "Sheikh", "Dr."); `name` itself if there are none. Titles
    /// written before them are read from there: "World Athletics president *Lord*
    /// Coe", "Its spokesman, *Col* Yuriy Ihnat".
    fn honorifics_before(&self, name: usize) -> usize {
        let honorific = |j: usize| self.is(j, HONORIFIC) && self.toks[j].kind == TokKind::Word && !self.toks[j].has(LOWER);
        let mut j = name;
        loop {
            if j >= 2 && self.is_punct(j - 1, '.') && honorific(j - 2) {
                j -= 2;
            } else if j >= 1 && honorific(j - 1) {
                j -= 1;
            } else {
                return j;
            }
        }
    }

    /// Whether token `i` is a word of the classes `bits` written in lowercase, as
    /// the role families read their (lowercase) word lists: "as", not "As" or
    /// "AS" — the exact spelling, since class lookup ignores case.
    fn is_lower(&self, i: usize, bits: u64) -> bool {
        i < self.toks.len() && self.toks[i].has(LOWER) && self.is(i, bits) && !self.t(i).chars().any(char::is_uppercase)
    }

    /// Whether token `i` is a word of the classes `bits` written capitalised, as
    /// a capitalised word list is read: "March", not "MARCH" or "march".
    fn is_capitalised(&self, i: usize, bits: u64) -> bool {
        if !self.is(i, bits) {
            return false;
        }
        let mut chars = self.t(i).chars();
        chars.next().is_some_and(char::is_uppercase) && !chars.any(char::is_uppercase)
    }
}

#[cfg(test)]
mod test_support;

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::{PATTERNS, premodifier};
    use crate::lexicon::class::*;
    use crate::lexicon::lexicon;

    /// The rules that made `person`'s claims in `text`, in order.
    fn rules_for(text: &str, person: &str) -> Vec<&'static str> {
        claims(text).into_iter().filter(|c| c.person == person).map(|c| c.rule).collect()
    }

    #[test]
    fn every_row_runs_and_claims_are_kept_in_the_order_made() {
        assert_eq!(
            rules_for("Sen. Lisa Murkowski, R-Alaska, voted against the bill.", "Lisa Murkowski"),
            [premodifier::CAPITALISED_TITLE, "party-code"]
        );
        assert_eq!(
            rules_for("Kremlin spokesman Dmitry Peskov, a former diplomat, said talks would continue.", "Dmitry Peskov"),
            ["lowercase-title", "appositive"]
        );
    }

    #[test]
    fn within_a_row_the_first_match_wins() {
        // The predicate ("became ambassador") would match too.
        assert_eq!(rules_for("Kang Hoon-sik as chief of staff, and he later became ambassador.", "Kang Hoon-sik"), ["named-as"]);
    }

    #[test]
    fn counterparts_read_the_claims_made_so_far() {
        let t = "Defense Minister Shin Won-sik met his Japanese counterpart, Minoru Kihara, on Sunday.";
        let c = claims(t);
        assert_eq!(
            c.iter().map(|c| (c.person.as_str(), c.rule)).collect::<Vec<_>>(),
            [("Shin Won-sik", premodifier::CAPITALISED_TITLE), ("Minoru Kihara", "title-before-comma")]
        );
        assert_eq!(c[1].role, c[0].role);
    }

    #[test]
    fn rule_names_are_unique() {
        let mut names: Vec<&str> = PATTERNS.iter().flat_map(|row| row.iter().map(|(name, _)| *name)).collect();
        names.extend([premodifier::CAPITALISED_TITLE, super::BYLINE]);
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), n);
    }

    #[test]
    fn word_lists_are_read_as_listed() {
        // A lowercase list in lowercase, a capitalised one capitalised.
        with_tokens("became Became BECAME March march MARCH", |w| {
            assert!(w.is_lower(0, BECOME) && !w.is_lower(1, BECOME) && !w.is_lower(2, BECOME));
            assert!(w.is_capitalised(3, TIME_NAME) && !w.is_capitalised(4, TIME_NAME) && !w.is_capitalised(5, TIME_NAME));
        });
    }

    #[test]
    fn the_role_families_word_lists_and_tables_load() {
        let lx = lexicon();
        assert!(lx.is("counterparts", COUNTERPART) && lx.is("Ministry", STATE_HEAD) && lx.is("sworn", AS_PRECEDER));
        assert!(!lx.is("minister", STATE_HEAD | COUNTERPART | BECOME));
        assert_eq!(lx.roles.party_codes.get("R").map(String::as_str), Some("Republican Party"));
        assert!(lx.roles.country_signals["North Korea"].iter().any(|s| s == "KCNA"));
        assert!(lx.roles.local_office_words.iter().any(|s| s == "mayor"));
    }
}
