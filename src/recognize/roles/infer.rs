//! An affiliation from context, for a title with none written next to it (the
//! claim is marked inferred). The first of these that applies:
//!
//! 1. a Korean name: South or North Korea ([`super::korea`]);
//! 2. a local office ("the mayor"): the nearest city or region named in this or
//!    the previous sentence;
//! 3. a country or demonym named earlier in the sentence and not another
//!    person's: "In Germany, the finance minister X said" → Germany;
//! 4. a company title ("the chief executive"): the company the article is about;
//! 5. a spokesperson: the body the previous sentence is about;
//! 6. for a state office only (a minister, a president, an ambassador, a
//!    rank), the dateline's country ("BERLIN, May 2 --"), else the country the
//!    article is mostly about. Anyone else with no evidence has no affiliation:
//!    the WFP's chief economist is not Swiss because the story is datelined
//!    Geneva.
//!
//! A company title skips 3: "a South African mining engineer" names no employer.

use super::super::layout::LineKind;
use super::super::{Cand, GazHit, Key, Work};
use super::TOP_LINES;
use super::affiliation::{self, display_name, is_local};
use super::korea;
use super::sentence::sentence_toks;
use std::cell::OnceCell;

use crate::kb::{Class, Form};
use crate::lexicon::lexicon;
use crate::model::Kind;

/// What the whole article says, for every inference in it: the dateline's
/// country, and (worked out on first use, once per article) the country and
/// company it is mostly about and how often it names each Korea.
pub(super) struct Article {
    dateline: Option<String>,
    main_country: OnceCell<Option<String>>,
    main_company: OnceCell<Option<String>>,
    pub(super) korea: OnceCell<(usize, usize)>,
}

impl Article {
    pub(super) fn new(w: &Work) -> Article {
        Article { dateline: dateline_country(w), main_country: OnceCell::new(), main_company: OnceCell::new(), korea: OnceCell::new() }
    }
}

/// How far back inference looks for a place or body, in tokens. A news
/// sentence has a few dozen; a "sentence" of thousands is a list or junk (a
/// scraped page on one line), and looking through all of it for every person
/// in it would cost the square of its length.
const LOOK_BACK: usize = 400;

/// An affiliation from context for person `p` with `role`; `used` marks the
/// tokens other claims took their affiliation from.
pub(super) fn infer(w: &Work, p: usize, role: Option<&str>, used: &[bool], article: &Article) -> Option<String> {
    let first = w.cands[p].tokens.first;
    let sentence = sentence_toks(w, first).first;
    let s = sentence.max(first.saturating_sub(LOOK_BACK));
    // A Korean name: South or North Korea, by the nearest mention in the paragraph.
    let root = w.cands[p].refers_to.unwrap_or(p);
    let name = w.span_text(w.cands[root].tokens.first, w.cands[root].tokens.end).to_string();
    if crate::keys::is_korean_name(&name)
        && let Some(e) = w.kb.country(korea::korean_side(w, first, &article.korea))
    {
        return Some(w.kb.entry(e).name.clone());
    }
    // A local office: the nearest city or region named in this or the
    // previous sentence.
    if is_local(role) {
        let from = if sentence > 0 { sentence_toks(w, sentence - 1).first.max(first.saturating_sub(LOOK_BACK)) } else { s };
        for k in (from..first).rev() {
            if let Some(c) = w.cand_at(k)
                && let Key::Kb(e) = w.cands[w.cands[c].refers_to.unwrap_or(c)].key
                && w.kb.entry(e).class == Class::Place
            {
                return Some(w.kb.entry(e).name.clone());
            }
        }
    }
    let corporate = role.is_some_and(is_corporate);
    let state = role.is_some_and(is_state_office);
    // A country named earlier in the sentence and not another person's (not
    // for a company title: "a South African mining engineer" is no employer).
    let mut k = if corporate { s } else { first };
    while k > s {
        k -= 1;
        if used[k] {
            continue;
        }
        if let Some(c) = w.cand_at(k) {
            let cand = &w.cands[c];
            if cand.kind == Kind::Loc
                && let Some(n) = country_of(w, cand)
            {
                return Some(n);
            }
            continue;
        }
        if let Some(GazHit { hit: m, .. }) = w.gaz_starting(k)
            && m.form == Form::Demonym
        {
            return Some(w.kb.entry(m.entry).name.clone());
        }
    }
    // A company title: the company the article is about.
    if corporate && let Some(c) = article.main_company.get_or_init(|| main_company(w)) {
        return Some(c.clone());
    }
    // A spokesperson speaks for what the previous sentence is about.
    if role.is_some_and(|r| r.to_lowercase().starts_with("spokes")) && sentence > 0 {
        let previous = sentence_toks(w, sentence - 1);
        for k in previous.first.max(sentence.saturating_sub(LOOK_BACK))..sentence {
            if let Some(c) = w.cand_at(k)
                && w.cands[c].kind != Kind::Person
                && let Some(f) = affiliation::named_body(w, c)
            {
                return Some(f.name);
            }
        }
    }
    // Only a state office falls back to the article's country: an aid
    // agency's director or a club's coach is no one's by the dateline.
    if !state {
        return None;
    }
    article.dateline.clone().or_else(|| article.main_country.get_or_init(|| main_country(w)).clone())
}

/// Whether a title is a state office, which the article's country may own:
/// "the prime minister", "the ambassador", "the general"; not a team's post
/// alone ("captain", "coach").
fn is_state_office(role: &str) -> bool {
    let r = role.to_lowercase();
    let words: Vec<&str> = r.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    // "Captain" alone may be a team's: not the article's country's.
    let team = words.iter().all(|w| lexicon().is(w, crate::lexicon::class::TEAM_ROLE));
    !team && (lexicon().roles.state_title_words.iter().any(|k| words.contains(&k.as_str())) || lexicon().is_rank(role))
}

/// A dateline's place starts the line's prose, or nearly: within this many
/// tokens ("SEOUL, June 3 (Yonhap) --", "(LEAD) SEOUL, June 3 --"); a place
/// further into a sentence is not a dateline.
const DATELINE_TOKENS: usize = 12;
/// ... and after at most this many words: a tag such as "(LEAD)" or "UPDATE 2".
const DATELINE_WORDS_BEFORE: usize = 3;

/// The dateline's country: the first known place in the first lines of prose.
fn dateline_country(w: &Work) -> Option<String> {
    for c in w.cands.iter().filter(|c| c.kind == Kind::Loc && (w.line_of[c.tokens.first] as usize) < TOP_LINES) {
        let li = w.line_of[c.tokens.first] as usize;
        let line = &w.lines[li];
        if line.kind != LineKind::Body {
            continue;
        }
        let near_start = c.tokens.first < line.content_from + DATELINE_TOKENS
            && (line.content_from..c.tokens.first).filter(|&k| w.toks[k].is_word()).count() <= DATELINE_WORDS_BEFORE;
        if near_start && let Some(n) = country_of(w, c) {
            return Some(n);
        }
    }
    None
}

/// The country a place candidate is in (or is).
fn country_of(w: &Work, c: &Cand) -> Option<String> {
    let Key::Kb(e) = c.key else { return None };
    let entry = w.kb.entry(e);
    match entry.class {
        Class::Country => Some(entry.name.clone()),
        Class::Place => entry.country.clone(),
        _ => None,
    }
}

/// Whether a title belongs to a company rather than a state: a company word,
/// or a "chief ... officer" ("chief finance officer", "chief technology officer").
fn is_corporate(role: &str) -> bool {
    let r = role.to_lowercase();
    let words: Vec<&str> = r.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let joined = words.join(" ");
    lexicon().roles.corporate_title_words.iter().any(|k| joined.contains(k.as_str()))
        || words.first() == Some(&"chief") && words.last() == Some(&"officer")
}

/// A company mentioned once is not what an article is about.
const MIN_COMPANY_MENTIONS: usize = 2;

/// The company an article is mostly about: the most mentioned organisation that is
/// not a state body or news outlet, if it is mentioned at least twice.
fn main_company(w: &Work) -> Option<String> {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for c in w.cands.iter().filter(|c| c.kind == Kind::Org) {
        let root = c.refers_to.map(|r| &w.cands[r]).unwrap_or(c);
        let (name, ok) = match root.key {
            Key::Kb(e) => {
                let entry = w.kb.entry(e);
                (display_name(w, e), entry.is_company() || (entry.is_user() && entry.kind == Kind::Org))
            }
            Key::Name(_) => (w.span_text(root.tokens.first, root.tokens.end).to_string(), !w.is_state_head(root.tokens.end - 1)),
        };
        if ok {
            *counts.entry(name).or_default() += 1;
        }
    }
    let mut v: Vec<(String, usize)> = counts.into_iter().filter(|(_, n)| *n >= MIN_COMPANY_MENTIONS).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.into_iter().next().map(|(n, _)| n)
}

/// Fewer mentions of a country than this do not make an article about it.
const MIN_COUNTRY_MENTIONS: usize = 3;

/// The country an article is mostly about: at least three mentions (with
/// demonyms) and at least half of all country mentions.
fn main_country(w: &Work) -> Option<String> {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    // Places and the state bodies of a country (Downing Street, the Bundestag)
    // both say where an article is.
    for c in &w.cands {
        let n = match c.kind {
            Kind::Loc => country_of(w, c),
            Kind::Org => match c.key {
                Key::Kb(e) => w.kb.entry(e).country.clone(),
                Key::Name(_) => None,
            },
            Kind::Person => None,
        };
        if let Some(n) = n {
            *counts.entry(n).or_default() += 1;
        }
    }
    for GazHit { hit: m, .. } in &w.gaz {
        if m.form == Form::Demonym {
            *counts.entry(w.kb.entry(m.entry).name.clone()).or_default() += 1;
        }
    }
    let total: usize = counts.values().sum();
    let (name, n) = counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
    (n >= MIN_COUNTRY_MENTIONS && n * 2 >= total).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn a_local_office_by_the_place_named_nearby() {
        assert_eq!(
            inferred("Floods hit Osaka on Monday. Mayor Hideo Tanaka ordered evacuations.", "capitalised-title", "Hideo Tanaka").as_deref(),
            Some("Osaka")
        );
        assert_eq!(
            inferred("In Osaka, Governor Hirofumi Yoshimura spoke.", "capitalised-title", "Hirofumi Yoshimura").as_deref(),
            Some("Osaka")
        );
    }

    #[test]
    fn a_country_named_earlier_in_the_sentence() {
        assert_eq!(
            inferred("In Germany, Finance Minister Lars Klingbeil presented the budget.", "capitalised-title", "Lars Klingbeil").as_deref(),
            Some("Germany")
        );
    }

    #[test]
    fn a_company_title_by_the_company_the_article_is_about() {
        let t = "Microsoft reported record profit. Microsoft shares rose, and CEO Satya Nadella said demand was strong.";
        assert_eq!(inferred(t, "capitalised-title", "Satya Nadella").as_deref(), Some("Microsoft"));
        // Mentioned once, a company is not what the article is about.
        assert_eq!(
            inferred("Microsoft reported record profit. CEO Satya Nadella said demand was strong.", "capitalised-title", "Satya Nadella"),
            None
        );
    }

    #[test]
    fn any_chief_officer_is_a_company_title() {
        let t = "Safaricom raised its dividend. Safaricom shares rose, and chief finance officer Dilip Pal said demand held.";
        assert_eq!(inferred(t, "lowercase-title", "Dilip Pal").as_deref(), Some("Safaricom"));
    }

    #[test]
    fn a_spokesperson_by_the_body_of_the_previous_sentence() {
        assert_eq!(
            inferred(
                "The Kremlin said on Monday it was ready. Spokesman Dmitry Peskov added that talks would continue.",
                "capitalised-title",
                "Dmitry Peskov"
            )
            .as_deref(),
            Some("Kremlin")
        );
        assert_eq!(
            inferred(
                "The Kremlin said on Monday it was ready.\nSpokesman Dmitry Peskov added that talks would continue.",
                "capitalised-title",
                "Dmitry Peskov"
            )
            .as_deref(),
            Some("Kremlin")
        );
    }

    #[test]
    fn else_the_datelines_country() {
        assert_eq!(
            inferred("BERLIN, May 2 -- Spokesman Tom Weber said the talks had ended.", "capitalised-title", "Tom Weber").as_deref(),
            Some("Germany")
        );
        let t = "LONDON -- Prime Minister Keir Starmer met Chancellor Rachel Reeves.";
        assert_eq!(inferred(t, "capitalised-title", "Rachel Reeves").as_deref(), Some("United Kingdom"));
    }

    #[test]
    fn an_affiliation_written_next_to_the_title_is_not_inferred() {
        let c = by("Canadian Prime Minister Mark Carney arrived in Ottawa.", "capitalised-title", "Mark Carney");
        assert!(c.len() == 1 && !c[0].inferred && c[0].affiliation.as_deref() == Some("Canada"), "{c:#?}");
    }

    #[test]
    fn no_context_no_affiliation() {
        assert_eq!(inferred("Economist Anna Berg said inflation would fall.", "capitalised-title", "Anna Berg"), None);
    }
}
