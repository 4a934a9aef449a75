//! A body referred to before a title rather than named: "*the council's*
//! leader, X", "*the group's* leader, X", "*its* chief executive, X". The
//! body is the one just named:
//!
//! - "the council's": the nearest organisation before whose name ends in that
//!   noun ("the Southern Transitional Council ... the council's leader");
//! - "the group's", "the company's", "the club's" (a noun that stands for any
//!   body, `body_nouns` in the lexicon): the nearest organisation before;
//! - "its": the nearest organisation or country before, in this sentence or
//!   the one before;
//! - the same without the possessive after a verb: "X, who led *the group*".
//!
//! Nothing near enough, no affiliation (the context may still give one).

use super::super::{Key, Work};
use super::affiliation::{self, Affiliation};
use super::sentence::sentence_toks;
use crate::kb::Class;
use crate::lexicon::class::ARTICLE;
use crate::lexicon::lexicon;
use crate::model::Kind;
use crate::tokens::{LOWER, POSS};

/// How many sentences before the title's a body named by its noun is looked
/// for in ("The Southern Transitional Council ... . ... . The council's leader").
const NOUN_SENTENCES: usize = 3;
/// "its" refers to a body of this sentence or the one before.
const ITS_SENTENCES: usize = 1;
/// At most this many tokens back, whatever the sentences (a page on one line).
const LOOK_BACK: usize = 300;

/// The body the possessive at token `b` refers to, if `b` is "its" or a
/// lowercase noun's possessive after an article ("the council's").
pub(super) fn referred_body(w: &Work, b: usize) -> Option<Affiliation> {
    if w.t(b).eq_ignore_ascii_case("its") {
        return nearest(w, b, ITS_SENTENCES, |w, c| {
            let root = &w.cands[w.root(c)];
            match root.kind {
                Kind::Org => true,
                Kind::Loc => matches!(root.key, Key::Kb(e) if w.kb.entry(e).class == Class::Country),
                Kind::Person => false,
            }
        });
    }
    if !w.toks[b].has(POSS) {
        return None;
    }
    the_noun_body(w, b)
}

/// The body "the \<noun\>" at token `b` (the noun) refers to: "who led *the
/// group*", "*the council*'s leader".
pub(super) fn the_noun_body(w: &Work, b: usize) -> Option<Affiliation> {
    if !(w.toks[b].has(LOWER) && b > 0 && w.is(b - 1, ARTICLE)) {
        return None;
    }
    let noun = w.t(b).to_lowercase();
    let any_body = lexicon().roles.body_nouns.contains(&noun);
    nearest(w, b, NOUN_SENTENCES, |w, c| {
        let root = &w.cands[w.root(c)];
        root.kind == Kind::Org && (any_body || w.t(root.tokens.end - 1).to_lowercase() == noun)
    })
}

/// The nearest candidate before token `b` that `fits`, within `sentences`
/// sentences before `b`'s, as the affiliation it names.
fn nearest(w: &Work, b: usize, sentences: usize, fits: impl Fn(&Work, usize) -> bool) -> Option<Affiliation> {
    let mut from = sentence_toks(w, b).first;
    for _ in 0..sentences {
        if from == 0 {
            break;
        }
        from = sentence_toks(w, from - 1).first;
    }
    let from = from.max(b.saturating_sub(LOOK_BACK));
    let mut k = b;
    while k > from {
        k -= 1;
        if let Some(c) = w.cand_at(k) {
            if fits(w, c) {
                return affiliation::named_body(w, c);
            }
            k = w.cands[c].tokens.first.max(from);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn the_noun_s_title_belongs_to_the_body_of_that_name_named_before() {
        let t = "The Southern Transitional Council seized the port. The council's leader, Aidarous al-Zubaidi, said it would stay.";
        ok(t, "title-before-comma", "Aidarous al-Zubaidi", Some("Leader"), Some("Southern Transitional Council (STC)"));
    }

    #[test]
    fn a_body_noun_refers_to_the_organisation_just_named() {
        let t = "Mohammed al-Bukhaiti, a member of the Houthis' political bureau, wrote online. The group's leader, Abdul-Malik al-Houthi, spoke on television.";
        ok(t, "title-before-comma", "Abdul-Malik al-Houthi", Some("Leader"), Some("Houthis"));
        let t = "Safaricom reported higher profit. The company's chief executive, Peter Ndegwa, said growth would continue.";
        ok(t, "title-before-comma", "Peter Ndegwa", Some("Chief Executive"), Some("Safaricom"));
    }

    #[test]
    fn its_title_belongs_to_the_body_of_the_sentence() {
        let t = "Safaricom cut its forecast, and its chief executive, Jane Doe, resigned.";
        ok(t, "title-before-comma", "Jane Doe", Some("Chief Executive"), Some("Safaricom"));
    }

    #[test]
    fn no_body_of_that_name_no_affiliation_from_it() {
        // "the council's" with only a ministry named before: not the ministry.
        let t = "The Foreign Ministry said talks had ended. The council's leader, Tom Weber, disagreed.";
        ok(t, "title-before-comma", "Tom Weber", Some("Leader"), None);
    }
}
