//! The units of a run, tried in the order of [`UNIT_RULES`]: known names
//! ("South Korea", "Yonhap"), honorifics ("Gen.", "Mr."), role titles ("Defense
//! Minister", "Director of the National Security Office"), organisations that
//! start with their head ("Bank of Korea", "Ministry of Foreign Affairs"), name
//! particles ("von der", "bin"), connectors ("of", "and") and, for anything else,
//! a plain word with its hyphen-joined parts ("Yun-hwan").

use super::super::{GazHit, TokRange, Work};
use super::titles::parse_title;
use crate::kb::{Class, Form};
use crate::lexicon::class::*;
use crate::lexicon::level;
use crate::tokens::{GLUE, LOWER, TokKind};

/// What a unit of a run is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum UnitKind {
    /// A known name: the index of its match in [`Work::gaz`].
    Known(usize),
    /// A role title ("Foreign Minister", "Secretary of State").
    Title,
    /// An honorific or rank ("Mr.", "Gen.", "Sen.").
    Honorific,
    /// An organisation that starts with its head ("Bank of Korea").
    OrgStart,
    /// A lowercase connector inside the run ("of", "the", "and").
    Connector,
    /// A punctuation token inside the run ("-", "&").
    Punct,
    /// A plain word with its hyphen-joined parts, or a name particle ("von").
    Word,
}

/// A unit of a run: its kind and tokens.
#[derive(Clone, Copy, Debug)]
pub(super) struct Unit {
    pub kind: UnitKind,
    pub tokens: TokRange,
}

impl Unit {
    fn new(kind: UnitKind, first: usize, end: usize) -> Unit {
        Unit { kind, tokens: TokRange::new(first, end) }
    }

    /// Its first token.
    pub fn first(self) -> usize {
        self.tokens.first
    }

    /// Whether it is one token ("Lee", not "Jae-myung").
    pub fn is_one_token(self) -> bool {
        self.tokens.end == self.tokens.first + 1
    }

    /// Whether it is a plain word.
    pub fn is_word(self) -> bool {
        self.kind == UnitKind::Word
    }
}

/// A rule that may make the unit starting at token `k` of a run ending at `end`,
/// seeing the units made before it.
type UnitRule = fn(w: &Work, k: usize, end: usize, before: &[Unit]) -> Option<Unit>;

/// The unit rules, in the order they are tried at each token; the first that
/// matches makes the unit, and a token no rule takes is a plain [`word`]. Why
/// this order:
/// - punctuation is always its own unit;
/// - known names come first, as the strongest evidence, and may contain title
///   and head words ("Ministry of Foreign Affairs") — except a place that is a
///   given name before a family name ("Virginia Giuffre") or after a given name
///   ("Lloyd Austin");
/// - honorifics before titles: "Marshal", "Pope" and "Rabbi" are both, and
///   followed by a name they are its honorific;
/// - titles, then head-first organisations; they do not compete, since a title
///   needs a role head before its "of" ("Secretary of State") and an
///   organisation starts with its head ("Bank of Korea");
/// - name particles only right after a word ("Ursula *von der* Leyen" stays one
///   name); elsewhere the same words are connectors, like "of" and "the".
pub(super) const UNIT_RULES: &[(&str, UnitRule)] = &[
    ("punctuation", punct),
    ("known name", known_name),
    ("honorific", honorific),
    ("title", title),
    ("head-first organisation", org_start),
    ("name particle", particle),
    ("connector", connector),
];

/// Splits the run `run` into units.
pub(super) fn units(w: &Work, run: TokRange) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut k = run.first;
    while k < run.end {
        let u = UNIT_RULES.iter().find_map(|(_, rule)| rule(w, k, run.end, &out)).unwrap_or_else(|| word(w, k, run.end));
        k = u.tokens.end;
        out.push(u);
    }
    out
}

fn punct(w: &Work, k: usize, _end: usize, _before: &[Unit]) -> Option<Unit> {
    (w.toks[k].kind == TokKind::Punct).then(|| Unit::new(UnitKind::Punct, k, k + 1))
}

fn known_name(w: &Work, k: usize, end: usize, before: &[Unit]) -> Option<Unit> {
    let GazHit { tokens: TokRange { first: gf, end: ge }, hit: m } = w.gaz_starting(k)?;
    if ge > end {
        return None;
    }
    // A place that is also a given name, followed by a surname: a person
    // ("Virginia Giuffre").
    let given_then_name = ge == gf + 1
        && w.is(k, GIVEN)
        && m.form != Form::Demonym
        && ge < end
        && w.toks[ge].is_cap()
        && w.gaz_starting(ge).is_none()
        && !w.is(ge, ORG_HEAD | LOC_HEAD | ROLE_HEAD)
        && !w.is_word(ge, level::DICTIONARY);
    // A given name, then a one-word place: a person ("Lloyd Austin").
    let name_then_place = ge == gf + 1
        && before.last().is_some_and(|p| p.is_word() && p.is_one_token() && w.is(p.first(), GIVEN))
        && w.kb.entry(m.entry).class == Class::Place
        && m.form != Form::Demonym;
    (!given_then_name && !name_then_place).then(|| Unit::new(UnitKind::Known(w.gaz_at[k] as usize), gf, ge))
}

fn honorific(w: &Work, k: usize, end: usize, _before: &[Unit]) -> Option<Unit> {
    (w.is(k, HONORIFIC) && w.toks[k].is_cap() && k + 1 < end).then(|| Unit::new(UnitKind::Honorific, k, k + 1))
}

fn title(w: &Work, k: usize, end: usize, _before: &[Unit]) -> Option<Unit> {
    if !w.toks[k].is_cap() {
        return None;
    }
    let t = parse_title(w, k, end)?;
    // A weak title alone ("General", "Chief") needs a name after it.
    let followed = t.end < end && w.toks[t.end].is_cap();
    (t.strong || followed || t.end - k > 1).then(|| Unit::new(UnitKind::Title, k, t.end))
}

/// "Bank of Korea", "Ministry of Foreign Affairs": an organisation head, "of" or
/// "for", then the rest up to a title, an honorific, or "and" before another
/// organisation or a country; trailing lowercase words and punctuation dropped.
fn org_start(w: &Work, k: usize, end: usize, _before: &[Unit]) -> Option<Unit> {
    if !(w.toks[k].is_cap() && w.is(k, ORG_START) && k + 2 < end && matches!(w.t(k + 1), "of" | "for")) {
        return None;
    }
    let mut e = k + 2;
    while e < end {
        if w.is(e, HONORIFIC) || (w.is(e, ROLE_HEAD) && !w.is(e, ROLE_WEAK | ROLE_COMP | ORG_HEAD)) {
            break;
        }
        if w.t(e) == "and"
            && e + 1 < end
            && (w.is(e + 1, ORG_START) || w.gaz_starting(e + 1).is_some_and(|g| w.kb.entry(g.hit.entry).class == Class::Country))
        {
            break;
        }
        e += 1;
    }
    while e > k + 2 && (w.toks[e - 1].has(LOWER) || w.toks[e - 1].kind == TokKind::Punct) {
        e -= 1;
    }
    (e > k + 2).then(|| Unit::new(UnitKind::OrgStart, k, e))
}

/// Name particles between name words: "von der", "bin", "da"; with what is glued
/// to them ("al-Hayya", "el-Sisi"), a word unit.
fn particle(w: &Work, k: usize, end: usize, before: &[Unit]) -> Option<Unit> {
    if !(w.toks[k].has(LOWER)
        && w.is(k, PARTICLE)
        && before.last().is_some_and(|u| u.is_word())
        && !matches!(w.t(k), "of" | "and" | "for" | "the"))
    {
        return None;
    }
    let mut e = k + 1;
    while e + 1 < end && w.toks[e].kind == TokKind::Punct && w.toks[e + 1].has(GLUE) {
        e += 2;
    }
    Some(Unit::new(UnitKind::Word, k, e))
}

fn connector(w: &Work, k: usize, _end: usize, _before: &[Unit]) -> Option<Unit> {
    (w.toks[k].has(LOWER) && w.is(k, CONNECTOR)).then(|| Unit::new(UnitKind::Connector, k, k + 1))
}

/// A word with its hyphen-glued parts (a glued part that starts a known name
/// ends it).
fn word(w: &Work, k: usize, end: usize) -> Unit {
    let mut e = k + 1;
    while e + 1 < end && w.toks[e].kind == TokKind::Punct && w.toks[e + 1].has(GLUE) && w.gaz_starting(e + 1).is_none() {
        e += 2;
    }
    Unit::new(UnitKind::Word, k, e)
}

#[cfg(test)]
mod tests {
    use super::super::super::TokRange;
    use super::super::test_support::*;
    use super::*;

    /// The units of the whole text as one run: `text:Kind` each.
    fn unit_list(text: &str) -> Vec<String> {
        with_work(text, |w| {
            units(w, TokRange::new(0, w.toks.len()))
                .iter()
                .map(|u| {
                    let kind = match u.kind {
                        UnitKind::Known(_) => "Known".to_string(),
                        k => format!("{k:?}"),
                    };
                    format!("{}:{kind}", w.span_text(u.tokens.first, u.tokens.end))
                })
                .collect()
        })
    }

    #[test]
    fn finds_a_known_name_a_title_and_plain_words() {
        assert_eq!(
            unit_list("Japanese Defense Minister Nakatani Gen"),
            ["Japanese:Known", "Defense Minister:Title", "Nakatani:Word", "Gen:Word"]
        );
    }

    #[test]
    fn finds_honorifics_head_first_organisations_and_particles() {
        assert_eq!(unit_list("Gen. Brown"), ["Gen.:Honorific", "Brown:Word"]);
        assert_eq!(unit_list("Central Bank of Velmora"), ["Central:Word", "Bank of Velmora:OrgStart"]);
        assert_eq!(unit_list("Abdel Fattah el-Sisi"), ["Abdel:Word", "Fattah:Word", "el-Sisi:Word"]);
    }

    #[test]
    fn finds_a_person_where_a_place_is_a_given_name() {
        assert_eq!(unit_list("Georgia Ashworth"), ["Georgia:Word", "Ashworth:Word"]);
    }

    #[test]
    fn finds_a_weak_title_before_a_name() {
        assert_eq!(unit_list("General Quorvane"), ["General:Title", "Quorvane:Word"]);
    }

    #[test]
    fn must_not_make_a_weak_title_alone_a_title() {
        assert_eq!(unit_list("Quorvane General"), ["Quorvane:Word", "General:Word"]);
    }

    #[test]
    fn must_not_make_an_honorific_of_the_last_word() {
        assert_eq!(unit_list("Met Gen"), ["Met:Word", "Gen:Word"]);
    }
}
