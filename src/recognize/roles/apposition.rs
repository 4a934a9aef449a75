//! Titles written right after a name, read as a [role phrase](super::phrase):
//!
//! - an appositive: "Josep Borrell, the EU's high representative for foreign
//!   affairs, said" (also after a parenthesis: "Lee Jae-myung (이재명), the
//!   president, ...");
//! - a copula: "Daniel Hwang is a senior fellow at the Han River Policy
//!   Institute" (the body after the title is the affiliation);
//! - "as": "named Wi Sung-lac as director of the National Security Office",
//!   "Kang Hoon-sik as his chief of staff".

use super::super::Work;
use super::phrase::role_phrase;
use super::{Claims, RoleMatch, affiliation};
use crate::lexicon::class::COPULA;
use crate::lexicon::lexicon;
use crate::model::Kind;
use crate::tokens::{POSS, TokKind};

/// A parenthesis after a name is skipped if it closes within this many tokens:
/// "(left)", "(이재명)", "(D-Hawaii)".
const PARENTHESIS_WITHIN: usize = 8;

/// "Josep Borrell, the EU's high representative for ..., said": the appositive.
pub(super) fn appositive(w: &Work, p: usize, _so_far: &Claims) -> Option<RoleMatch> {
    let mut k = w.cands[p].tokens.end;
    if w.toks[k - 1].has(POSS) {
        return None;
    }
    // Skip a parenthesis: "(left)", "(이재명)".
    if w.is_punct(k, '(') {
        let close = (k + 1..(k + PARENTHESIS_WITHIN).min(w.toks.len())).find(|&j| w.is_punct(j, ')'))?;
        k = close + 1;
    }
    if !w.is_punct(k, ',') {
        return None;
    }
    let phrase = role_phrase(w, k + 1, true)?;
    Some(RoleMatch::new(Some(phrase.role), phrase.affiliation, w.span(phrase.tokens.first, phrase.tokens.end)))
}

/// The body a relative clause's verb governs comes within this many tokens:
/// "who heads consumer staples research at *Vontobel*".
const BODY_AFTER_VERB: usize = 8;

/// "Rafael Grossi, who heads the IAEA,", "X, who chairs the panel": the
/// role the verb states ([`relative_role_verbs`](crate::lexicon::RoleWords)),
/// with the body it governs as the affiliation.
pub(super) fn relative_clause(w: &Work, p: usize, _so_far: &Claims) -> Option<RoleMatch> {
    let k = w.cands[p].tokens.end;
    if k + 2 >= w.toks.len() || !w.is_punct(k, ',') || w.t(k + 1) != "who" {
        return None;
    }
    let mut verb = k + 2;
    // "who has led the group since 2019": the post held until now.
    let perfect = matches!(w.t(verb), "has" | "have") && verb + 1 < w.toks.len();
    if perfect {
        verb += 1;
    }
    let roles = &lexicon().roles;
    // A present verb of a post states the role; "who runs", "who has led" only
    // the body. "who led Napoli", "who had led the group" may be a post given
    // up since: nothing.
    let among = |list: &[String]| list.iter().any(|v| v == w.t(verb));
    let role = match roles.relative_role_verbs.get(w.t(verb)) {
        Some(r) if !perfect => Some(r.clone()),
        _ if among(&roles.body_relative_verbs) || perfect && among(&roles.post_participles) => None,
        _ => return None,
    };
    let mut end = verb + 1;
    let mut affiliation = None;
    while end < w.toks.len().min(verb + 1 + BODY_AFTER_VERB) && w.toks[end].kind != TokKind::Punct {
        if let Some(c) = w.cand_at(end) {
            if w.cands[c].kind == Kind::Person {
                return None;
            }
            affiliation = affiliation::named_body(w, c);
            end = w.cands[c].tokens.end;
            break;
        }
        if let Some(body) = super::anaphora::the_noun_body(w, end) {
            affiliation = Some(body);
            end += 1;
            break;
        }
        end += 1;
    }
    if role.is_none() && affiliation.is_none() {
        return None;
    }
    Some(RoleMatch::new(role, affiliation, w.span(w.cands[p].tokens.first, end)))
}

/// The words between a title and the body after it (the pattern's syntax):
/// "a senior fellow *at* the Institute", "chairman *of* Acme", "a partner *with* Baker & Co".
const BODY_LINKS: [&str; 3] = ["at", "of", "with"];

/// "Daniel Hwang is a senior fellow at the Han River Policy Institute".
pub(super) fn copula(w: &Work, p: usize, _so_far: &Claims) -> Option<RoleMatch> {
    let k = w.cands[p].tokens.end;
    if k + 2 >= w.toks.len() || !w.is_lower(k, COPULA) {
        return None;
    }
    let phrase = role_phrase(w, k + 1, true)?;
    // "... at the Institute": the body after the title.
    let e = phrase.tokens.end;
    let mut j = e;
    let affiliation = phrase.affiliation.or_else(|| {
        if j < w.toks.len() && BODY_LINKS.contains(&w.t(j)) {
            j += 1;
            if j < w.toks.len() && w.t(j) == "the" {
                j += 1;
            }
            w.cand_at(j).filter(|&c| w.cands[c].kind != Kind::Person).and_then(|c| affiliation::of_cand(w, c))
        } else {
            None
        }
    });
    Some(RoleMatch::new(Some(phrase.role), affiliation, w.span(w.cands[p].tokens.first, e)))
}

/// "Kang Hoon-sik as his chief of staff", "named Wi Sung-lac as director of ...".
pub(super) fn named_as(w: &Work, p: usize, _so_far: &Claims) -> Option<RoleMatch> {
    let k = w.cands[p].tokens.end;
    if k + 1 >= w.toks.len() || w.t(k) != "as" {
        return None;
    }
    let phrase = role_phrase(w, k + 1, true)?;
    Some(RoleMatch::new(Some(phrase.role), phrase.affiliation, w.span(w.cands[p].tokens.first, phrase.tokens.end)))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn an_appositive_after_the_name() {
        ok(
            "Josep Borrell, the EU's high representative for foreign affairs, said the talks were useful.",
            "appositive",
            "Josep Borrell",
            Some("High Representative for Foreign Affairs"),
            Some("European Union (EU)"),
        );
        ok("Anna Berg, Sweden's foreign minister, met reporters.", "appositive", "Anna Berg", Some("Foreign Minister"), Some("Sweden"));
        ok("The plan was drafted by Anna Berg, the finance minister.", "appositive", "Anna Berg", Some("Finance Minister"), None);
    }

    #[test]
    fn a_parenthesis_between_the_name_and_the_appositive_is_skipped() {
        ok("Anna Berg (left), the finance minister, spoke first.", "appositive", "Anna Berg", Some("Finance Minister"), None);
    }

    #[test]
    fn appositives_that_are_not_titles() {
        not("Marta Lopez, who arrived on Monday, said the plan was ready.", "appositive");
        not("Marta Lopez, the mother of two, said the plan was ready.", "appositive");
        not("Lee Jae-myung, 61, said the plan was ready.", "appositive");
        not("Tom Baker, Anna Berg, and Lisa Park attended.", "appositive");
        // Another person inside the phrase: "the wife of Tom Baker" is not a title.
        not("Anna Berg, the wife of Tom Baker, spoke.", "appositive");
    }

    #[test]
    fn a_relative_clause_states_a_post() {
        ok(
            "Rafael Grossi, who heads the IAEA, told reporters in Vienna.",
            "relative-clause",
            "Rafael Grossi",
            Some("Head"),
            Some("International Atomic Energy Agency (IAEA)"),
        );
        ok("Anna Berg, who heads the coffee unit at Nestlé, takes over.", "relative-clause", "Anna Berg", Some("Head"), Some("Nestlé"));
        // Another person after the verb is no body.
        not("Anna Berg, who manages Tom Baker, said little.", "relative-clause");
        not("Anna Berg, who arrived on Monday, said little.", "relative-clause");
    }

    #[test]
    fn a_post_held_until_now_states_the_body_but_no_role() {
        ok("Antonio Conte, who has led Napoli since 2024, said little.", "relative-clause", "Antonio Conte", None, Some("Napoli"));
        // "the group": the organisation just named.
        let t = "Hezbollah fired rockets. Naim Qassem, who has led the group since 2024, spoke on television.";
        ok(t, "relative-clause", "Naim Qassem", None, Some("Hezbollah"));
        ok("Tom Baker, who runs Acme Capital, said little.", "relative-clause", "Tom Baker", None, Some("Acme Capital"));
        // A post perhaps given up since states nothing.
        not("Ahmed al-Sharaa, who led Hayat Tahrir al-Sham, spoke.", "relative-clause");
        not("Hassan Nasrallah, who had led the group for decades, was killed.", "relative-clause");
        not("Anna Berg, who has led the way, said little.", "relative-clause");
    }

    #[test]
    fn a_copula_gives_the_title_and_the_body_after_it() {
        ok(
            "Daniel Hwang was a senior fellow at the Heritage Foundation until 2020.",
            "copula",
            "Daniel Hwang",
            Some("Senior Fellow at the Heritage Foundation"),
            Some("Heritage Foundation"),
        );
        ok(
            "Tom Baker remains chief executive of Acme Capital.",
            "copula",
            "Tom Baker",
            Some("Chief Executive of Acme Capital"),
            Some("Acme Capital"),
        );
    }

    #[test]
    fn a_copula_without_a_title() {
        not("Marta Lopez is happy with the result.", "copula");
        not("Tom Baker is expected to arrive on Monday.", "copula");
        not("Tom Baker was in Paris on Monday.", "copula");
    }

    #[test]
    fn named_as_a_title() {
        ok(
            "The president named Wi Sung-lac as director of the National Security Office.",
            "named-as",
            "Wi Sung-lac",
            Some("Director of the National Security Office"),
            Some("South Korea"),
        );
        ok("Anna Berg appointed Tom Baker as her deputy.", "named-as", "Tom Baker", Some("Deputy"), None);
        not("Tom Baker as a child loved trains.", "named-as");
    }
}
