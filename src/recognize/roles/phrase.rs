//! A role phrase: the title after a name or a verb, as the apposition and
//! predicate patterns read it — an optional article, an optional affiliation,
//! then a title word within the first few words, up to a comma, a clause or a
//! time phrase.
//!
//! - "the EU's high representative for foreign affairs" → High Representative
//!   for Foreign Affairs, the EU;
//! - "U.S. Secretary of State" → Secretary of State, United States;
//! - "a senior fellow at the institute" (two ordinary words may follow an article);
//! - "CEO with immediate effect", "minister on Sunday": the title ends before
//!   "with", "on Sunday";
//! - not "a meeting with the president": the title word comes too late.

use super::super::{Affil, GazHit, TokRange, Work};
use super::affiliation::{self, Affiliation};
use super::titles::role_text;
use crate::kb::Form;
use crate::lexicon::class::*;
use crate::model::Kind;
use crate::tokens::{LOWER, POSS, TokKind};

/// The most tokens a role phrase is read for: "Principal Deputy Under Secretary
/// of Defense for Acquisition and Sustainment" fits, a run-on sentence does not.
const LONGEST_TITLE: usize = 18;
/// The head word of the title comes within this many tokens of the phrase
/// (after its article and affiliation): "the EU's *high representative*", not "a
/// meeting with the *president*".
const HEAD_WITHIN: usize = 6;
/// Ordinary words allowed before the head after an article: "a *portfolio*
/// manager", "the *club's new* coach".
const FREE_WORDS_AFTER_ARTICLE: usize = 2;

/// A role phrase as read: the role, its affiliation and the tokens read.
pub(super) struct Phrase {
    pub role: String,
    pub affiliation: Option<Affiliation>,
    pub tokens: TokRange,
}

/// A role phrase starting at `k`: optional article, optional affiliation ("the
/// EU's", "U.S.", "Japanese"), then words up to a comma, full stop or clause that
/// contain a title word within the first few.
pub(super) fn role_phrase(w: &Work, mut k: usize, allow_article: bool) -> Option<Phrase> {
    let line_end = w.lines[w.line_of[k.min(w.toks.len() - 1)] as usize].tokens.end;
    let start = k;
    if allow_article && k < line_end && w.is_lower(k, ARTICLE | PERSONAL_POSSESSIVE) {
        k += 1;
    }
    let mut affil: Option<Affiliation> = None;
    if k < line_end
        && let Some(c) = w.cand_at(k)
        && w.cands[c].kind != Kind::Person
    {
        let end = w.cands[c].tokens.end;
        // The body must lead into the title ("the EU's high representative", "U.S.
        // Secretary of State"), not be the whole phrase.
        if end < line_end && (w.toks[end - 1].has(POSS) || w.toks[end].kind == TokKind::Word) {
            affil = affiliation::of_cand(w, c);
            k = end;
        }
    } else if k < line_end
        && let Some(GazHit { tokens, hit: m }) = w.gaz_starting(k)
        && m.form == Form::Demonym
    {
        affil = affiliation::resolve(w, &Affil::Kb(m.entry), Some(tokens));
        k = tokens.end;
    } else if k + 1 < line_end
        && w.toks[k].has(POSS)
        && let Some(body) = affiliation::unlabelled_body(w, k)
    {
        // "Axalta's chief executive": a name no step labelled, in the possessive
        // (the token is the name; the "'s" is only its flag).
        affil = Some(body);
        k += 1;
    }
    let role_start = k;
    let mut e = k;
    let mut head_at = None;
    while e < line_end && e - role_start < LONGEST_TITLE {
        let t = w.toks[e];
        if t.kind == TokKind::Punct && w.t(e) != "-" && w.t(e) != "&" && w.t(e) != "'" {
            break;
        }
        if t.kind != TokKind::Word && t.kind != TokKind::Punct {
            break;
        }
        if w.is_lower(e, CLAUSE_START) {
            break;
        }
        // "CEO with immediate effect", "minister on Sunday": not part of the title.
        if head_at.is_some() && (w.is_lower(e, TITLE_END) || w.is_lower(e, TIME_PREPOSITION) && e + 1 < line_end && is_time_word(w, e + 1))
        {
            break;
        }
        if w.t(e) == "and" && head_at.is_some() && !w.is(e + 1, ROLE_HEAD | ROLE_MOD) {
            break;
        }
        if let Some(c) = w.cand_at(e)
            && w.cands[c].kind == Kind::Person
        {
            return None;
        }
        if w.is(e, ROLE_HEAD) && head_at.is_none() && !w.is(e, FUNC) {
            head_at = Some(e);
        }
        e += 1;
    }
    let head = head_at?;
    // The title must start within a few words (not "a meeting with the president").
    if head - role_start > HEAD_WITHIN || e == role_start {
        return None;
    }
    // Everything before the head must be a role word or a known name; after an
    // article, two ordinary words may qualify it ("a portfolio manager").
    let article = allow_article && start < role_start && w.is_lower(start, ARTICLE);
    let mut free = if article { FREE_WORDS_AFTER_ARTICLE } else { 0 };
    for j in role_start..head {
        let ok = w.is(j, ROLE_MOD | ROLE_HEAD | ROLE_COMP)
            || w.cand_at(j).is_some()
            || w.toks[j].kind == TokKind::Punct
            || w.is_lower(j, TITLE_CONNECTOR);
        if !ok {
            if free > 0 && w.toks[j].has(LOWER) && !w.is(j, FUNC) {
                free -= 1;
                continue;
            }
            return None;
        }
    }
    let (role, inner) = role_text(w, role_start, e);
    Some(Phrase { role: role?, affiliation: affil.or(inner), tokens: TokRange::new(start, e) })
}

/// Whether token `i` starts a time phrase: a month, a weekday, a year or a date
/// number, "week", "month", "year".
fn is_time_word(w: &Work, i: usize) -> bool {
    w.t(i).bytes().all(|b| b.is_ascii_digit()) || w.is_capitalised(i, TIME_NAME) || w.is_lower(i, TIME_NOUN)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::is_time_word;

    #[test]
    fn a_title_ends_before_a_clause_or_an_adverbial() {
        ok("Tom Baker, the spokesman who resigned, said nothing.", "appositive", "Tom Baker", Some("Spokesman"), None);
        ok("Samsung named Jane Doe as CEO with immediate effect.", "named-as", "Jane Doe", Some("CEO"), None);
    }

    #[test]
    fn a_title_ends_before_a_time_phrase() {
        ok("Yumi Sato, appointed trade minister on Sunday, said little.", "predicate", "Yumi Sato", Some("Trade Minister"), None);
        ok("Tom Baker was appointed ambassador last week.", "predicate", "Tom Baker", Some("Ambassador"), None);
        ok("Tom Baker was appointed ambassador in March after a long wait.", "predicate", "Tom Baker", Some("Ambassador"), None);
        // A weekday abbreviation does not start a time phrase: "Sun" is a name here.
        ok("Tom Baker was appointed ambassador on Sun TV after a long wait.", "predicate", "Tom Baker", Some("Ambassador on Sun TV"), None);
    }

    #[test]
    fn after_an_article_two_ordinary_words_may_come_before_the_head() {
        ok(
            "Tom Baker, a portfolio manager at Acme Capital, said stocks fell.",
            "appositive",
            "Tom Baker",
            Some("Portfolio Manager at Acme Capital"),
            Some("Acme Capital"),
        );
    }

    #[test]
    fn an_unlabelled_body_in_the_possessive() {
        ok(
            "Chris Villavarayan, Axalta's chief executive since 2022, will join the board.",
            "appositive",
            "Chris Villavarayan",
            Some("Chief Executive"),
            Some("Axalta"),
        );
    }

    #[test]
    fn the_head_must_come_early() {
        not("Tom Baker, a meeting with the president was planned.", "appositive");
    }

    #[test]
    fn time_words_are_read_as_written() {
        let t = "in March in MARCH in march on Sunday on Sun 2024 last week last Week";
        with_tokens(t, |w| {
            let time: Vec<&str> = (0..w.toks.len()).filter(|&i| is_time_word(w, i)).map(|i| w.t(i)).collect();
            assert_eq!(time, ["March", "Sunday", "2024", "week"]);
        });
    }
}
