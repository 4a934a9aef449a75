//! Titles written before ", NAME", and people who take another person's role.
//!
//! - A title before a comma: "South Korea's national security adviser, Cho
//!   Tae-yong"; "the U.S. ambassador to Australia, Kevin Rudd".
//! - A counterpart takes the role of the person it is the counterpart of, the
//!   subject of the sentence: "Lee also met his Dutch counterpart, Kajsa
//!   Ollongren" → Ollongren has Lee's role, for the Netherlands.
//! - A predecessor or successor held the subject's post: "his predecessor
//!   François Bayrou" → Former Prime Minister.
//!
//! These read the claims made so far (see [`subject_role`]): a wrong role is
//! worse than a missing one, so a subject without a known role gives none.

use super::super::{Affil, Work};
use super::sentence::sentence_toks;
use super::titles::tidy_role;
use super::{Claims, RoleMatch, affiliation};
use crate::kb::{Class, Form};
use crate::lexicon::class::*;
use crate::model::Kind;
use crate::tokens::{ALLCAPS, LOWER, POSS, TokKind};

/// The words between a title and the place it is about (the pattern's syntax):
/// "ambassador *to* Australia", "envoy *in* Kyiv".
const PLACE_LINKS: [&str; 2] = ["to", "in"];

/// "South Korea's national security adviser, Cho Tae-yong", "his Dutch
/// counterpart, Kajsa Ollongren": a title right before ", NAME". A counterpart
/// takes the subject's role.
pub(super) fn title_before_comma(w: &Work, p: usize, so_far: &Claims) -> Option<RoleMatch> {
    let mut m = read_title_before_comma(w, p)?;
    if m.role.is_none() {
        m.role = subject_role(w, so_far, p);
    }
    Some(m)
}

/// The title before ", NAME"; a counterpart's role is `None` here.
fn read_title_before_comma(w: &Work, p: usize) -> Option<RoleMatch> {
    let first = w.honorifics_before(w.cands[p].tokens.first);
    let comma = first.checked_sub(1)?;
    if !w.is_punct(comma, ',') {
        return None;
    }
    let end = comma;
    if end == 0 {
        return None;
    }
    let mut k = end;
    let mut has_head = false;
    while k > 0 {
        let j = k - 1;
        let t = w.toks[j];
        // "ambassador to Australia": a place the title is about.
        if let Some(c) = w.cand_at(j)
            && w.cands[c].kind == Kind::Loc
            && w.cands[c].tokens.end == k
            && w.cands[c].tokens.first >= 2
            && PLACE_LINKS.contains(&w.t(w.cands[c].tokens.first - 1))
            && w.is(w.cands[c].tokens.first - 2, ROLE_HEAD)
        {
            k = w.cands[c].tokens.first - 1;
            continue;
        }
        if t.kind != TokKind::Word || w.cand_at(j).is_some() || w.gaz_starting(j).is_some() {
            break;
        }
        if w.is(j, ROLE_HEAD) || w.is_lower(j, COUNTERPART) {
            has_head = true;
        } else if !w.is(j, ROLE_MOD) {
            break;
        }
        k = j;
    }
    let ends_in_title =
        w.is(end - 1, ROLE_HEAD) || w.is_lower(end - 1, COUNTERPART) || w.cand_at(end - 1).is_some_and(|c| w.cands[c].kind == Kind::Loc);
    if !has_head || k == end || !ends_in_title {
        return None;
    }
    let counterpart = w.is_lower(end - 1, COUNTERPART);
    // What comes before the title: a demonym, a possessive country or body, "his".
    let mut affil = None;
    let mut start = k;
    if let Some(b) = k.checked_sub(1) {
        if let Some(g) = w.known_names_ending_at(k).next() {
            let entry = w.kb.entry(g.hit.entry);
            if g.hit.form == Form::Demonym
                || w.toks[b].has(POSS)
                || counterpart
                || matches!(entry.class, Class::Country | Class::International)
            {
                affil = affiliation::resolve(w, &Affil::Kb(g.hit.entry), Some(g.tokens));
                start = g.tokens.first;
            }
        } else if let Some(c) = w.cand_at(b)
            && w.cands[c].kind != Kind::Person
            && w.toks[b].has(POSS)
        {
            affil = affiliation::of_cand(w, c);
            start = w.cands[c].tokens.first;
        } else if let Some(body) = super::anaphora::referred_body(w, b) {
            // "the council's leader, X", "its chief executive, X".
            affil = Some(body);
        } else if !w.is_lower(b, POSSESSIVE_DET | ARTICLE) && !w.toks[b].is_cap() && !the_body_s(w, b) {
            return None;
        }
    }
    let span = w.span(start, w.cands[p].tokens.end);
    if counterpart {
        return Some(RoleMatch::new(None, affil, span));
    }
    // Not a sentence-initial capitalised stretch like "Minister, Lee said".
    if w.toks[k].has(ALLCAPS) {
        return None;
    }
    let role = tidy_role(&w.text[w.span(k, end)])?;
    Some(RoleMatch::new(Some(role), affil, span))
}

/// Whether token `b` is a lowercase noun's possessive after an article: "*the
/// council's* leader, X" (the body, when none of that name was named before,
/// is left to context).
fn the_body_s(w: &Work, b: usize) -> bool {
    w.toks[b].has(POSS) && w.toks[b].has(LOWER) && b > 0 && w.is(b - 1, ARTICLE)
}

/// "his predecessor François Bayrou", "her successor, X": a person who held the
/// subject's post, as its former holder.
pub(super) fn predecessor(w: &Work, p: usize, so_far: &Claims) -> Option<RoleMatch> {
    let first = w.cands[p].tokens.first;
    let mut k = first.checked_sub(1)?;
    if w.is_punct(k, ',') {
        k = k.checked_sub(1)?;
    }
    if k == 0 || !w.is_lower(k, SUCCESSION) || !w.is_lower(k - 1, POSSESSIVE_DET) {
        return None;
    }
    let span = w.span(k - 1, w.cands[p].tokens.end);
    let role = subject_role(w, so_far, p)?;
    let role = if role.to_ascii_lowercase().starts_with("former ") { role } else { format!("Former {role}") };
    Some(RoleMatch::new(Some(role), None, span))
}

/// How far before a counterpart "and his" is looked for: "Park Jin and his
/// newly appointed Japanese counterpart, X" (the title words between).
const AND_HIS_WINDOW: usize = 6;

/// The role of the person a counterpart is the counterpart *of*: the subject of
/// the sentence (a person followed by a verb: "Lee also met with his Dutch
/// counterpart"), else the last person before it in the sentence, else the nearest
/// earlier person in the article with a role.
fn subject_role(w: &Work, claims: &Claims, p: usize) -> Option<String> {
    let pf = w.cands[p].tokens.first;
    let root = |c: usize| w.root(c);
    let me = root(p);
    let role_of = |person: usize| claims.role_of(w, person);
    // "Park Jin and his Japanese counterpart": the person just before "and his".
    let mut k = pf;
    while k > 0 && !w.is_lower(k - 1, POSSESSIVE_DET) && pf - k < AND_HIS_WINDOW {
        k -= 1;
    }
    if k >= 2
        && w.is_lower(k - 1, POSSESSIVE_DET)
        && matches!(w.t(k - 2), "and" | ",")
        && let Some(c) = w.cand_at(k - 3)
        && w.cands[c].kind == Kind::Person
        && let Some(r) = role_of(c)
    {
        return Some(r);
    }
    let s = sentence_toks(w, pf).first;
    let mut in_sentence: Vec<usize> = (s..pf)
        .filter_map(|k| w.cand_at(k))
        .filter(|&c| w.cands[c].kind == Kind::Person && w.cands[c].tokens.first >= s && root(c) != me)
        .collect();
    in_sentence.dedup();
    let followed_by_verb = |w: &Work, c: usize| {
        let mut k = w.cands[c].tokens.end;
        while k < pf && w.is_lower(k, SUBJECT_ADVERB) {
            k += 1;
        }
        k < pf && w.toks[k].has(LOWER) && (w.t(k).ends_with("ed") || w.t(k) == "met" || w.t(k) == "held" || w.is(k, SPEECH))
    };
    // A named subject without a known role gives the counterpart none: a
    // wrong role is worse than a missing one.
    if let Some(subject) = in_sentence.iter().copied().find(|&c| followed_by_verb(w, c)) {
        return role_of(subject);
    }
    if let Some(r) = in_sentence.iter().rev().find_map(|&c| role_of(c)) {
        return Some(r);
    }
    claims.nearest_role_before(w, pf, me)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn a_title_before_a_comma_then_a_rank_and_a_name() {
        ok("Its spokesman, Col Yuriy Ihnat, said most were shot down.", "title-before-comma", "Yuriy Ihnat", Some("Spokesman"), None);
        ok(
            "The council's leader, Aidarous al-Zubaidi, has long campaigned for it.",
            "title-before-comma",
            "Aidarous al-Zubaidi",
            Some("Leader"),
            None,
        );
        // A possessive noun without an article is no body: "council's" here.
        not("Angry council's leader, Aidarous al-Zubaidi, spoke.", "title-before-comma");
    }

    #[test]
    fn a_title_before_a_comma_and_a_name() {
        ok(
            "South Korea's national security adviser, Wi Sung-lac, met reporters.",
            "title-before-comma",
            "Wi Sung-lac",
            Some("National Security Adviser"),
            Some("South Korea"),
        );
        ok(
            "the U.S. ambassador to Australia, Kevin Rudd, spoke.",
            "title-before-comma",
            "Kevin Rudd",
            Some("Ambassador to Australia"),
            Some("United States"),
        );
    }

    #[test]
    fn a_list_of_names_is_not_a_title() {
        not("Tom Baker, Anna Berg, and Lisa Park attended.", "title-before-comma");
        not("THE MINISTER, Anna Berg, spoke.", "title-before-comma");
    }

    #[test]
    fn a_counterpart_takes_the_role_of_the_subject() {
        ok(
            "Defense Minister Shin Won-sik met his Japanese counterpart, Minoru Kihara, on Sunday.",
            "title-before-comma",
            "Minoru Kihara",
            Some("Defense Minister"),
            Some("Japan"),
        );
        ok(
            "Foreign Minister Park Jin and his Japanese counterpart, Yoko Kamikawa, met on Monday.",
            "title-before-comma",
            "Yoko Kamikawa",
            Some("Foreign Minister"),
            Some("Japan"),
        );
        // No subject in the sentence: the nearest earlier person with a role.
        ok(
            "Defense Minister Anna Berg met Foreign Minister Tom Baker. His counterpart, Lisa Park, attended.",
            "title-before-comma",
            "Lisa Park",
            Some("Foreign Minister"),
            Some("South Korea"),
        );
    }

    #[test]
    fn a_subject_without_a_known_role_gives_a_counterpart_none() {
        ok(
            "Lee Jae-myung met his Dutch counterpart, Dick Schoof, in The Hague.",
            "title-before-comma",
            "Dick Schoof",
            None,
            Some("Netherlands"),
        );
        ok(
            "Park Jin and his Japanese counterpart, Yoko Kamikawa, met on Monday.",
            "title-before-comma",
            "Yoko Kamikawa",
            None,
            Some("Japan"),
        );
    }

    #[test]
    fn a_predecessor_held_the_subjects_post() {
        ok(
            "Prime Minister Claire Dumont thanked her predecessor Paul Girard.",
            "predecessor",
            "Paul Girard",
            Some("Former Prime Minister"),
            None,
        );
        ok(
            "Foreign Minister Park Jin said his predecessor, Chung Eui-yong, had laid the groundwork.",
            "predecessor",
            "Chung Eui-yong",
            Some("Former Foreign Minister"),
            Some("South Korea"),
        );
    }

    #[test]
    fn no_predecessor_without_a_known_post() {
        not("Lee Jae-myung thanked his predecessor Yoon Suk Yeol.", "predecessor");
        not("His predecessor, Chung Eui-yong, had laid the groundwork.", "predecessor");
        not("Tom Baker and her successor, Anna Berg, spoke.", "predecessor");
    }
}
