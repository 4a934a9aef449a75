//! How the words of a title become a claim's role: the shared text work of the
//! patterns, not a pattern itself.
//!
//! - Tidied into title case, without articles or dangling prepositions: "the
//!   EU's high representative for foreign affairs," → "High Representative for
//!   Foreign Affairs".
//! - "of (the) \<country or international body\>" taken out as the affiliation:
//!   "Prime Minister of the Netherlands" → Prime Minister, Netherlands.
//! - An acronym spelled out: "Chairman of the JCS" → "Chairman of the Joint
//!   Chiefs of Staff".
//! - Lowercase qualifiers kept with a capitalised title: "*former* Defense
//!   Minister", "*acting* President".

use super::super::{GazHit, Key, TokRange, Work};
use super::affiliation::{self, Affiliation};
use crate::kb::{Class, Form};
use crate::lexicon::class::*;
use crate::lexicon::lexicon;
use crate::model::Kind;
use crate::tokens::{ALLCAPS, TokKind};

/// The words after which a title names what it belongs to — the pattern's own
/// syntax, not a word class: "Prime Minister *of* the Netherlands", "Minister
/// *for* Foreign Affairs", "fellow *at* the Institute", "ambassador *in* Seoul".
const LINKS: [&str; 4] = ["of", "for", "at", "in"];

/// A body after one of the [`LINKS`] in a title lends it its affiliation
/// when named within this many tokens: "Director of the *National Security
/// Office*", "chief of staff at *the Pentagon*".
const BODY_WITHIN: usize = 3;

/// The role text of tokens `first..end`, with "of (the) \<country or international
/// body\>" taken out as the affiliation; other bodies named in the title (a
/// ministry, the JCS) stay in the role and lend their country.
pub(super) fn role_text(w: &Work, first: usize, end: usize) -> (Option<String>, Option<Affiliation>) {
    let mut affil = None;
    let mut skip: Option<TokRange> = None;
    let mut k = first;
    while k < end {
        if LINKS.contains(&w.t(k)) {
            let mut s = k + 1;
            if s < end && w.t(s) == "the" {
                s += 1;
            }
            if let Some(GazHit { tokens: TokRange { end: ge, .. }, hit: m }) = w.gaz_starting(s)
                && ge <= end
                && m.form != Form::Demonym
                && matches!(w.kb.entry(m.entry).class, Class::Country | Class::International)
            {
                affil = Some(Affiliation { name: w.kb.entry(m.entry).name.clone(), tokens: Some(TokRange::new(s, ge)) });
                skip = Some(TokRange::new(k, ge));
                break;
            }
            if affil.is_none()
                && let Some(c) = (s..(s + BODY_WITHIN).min(end)).find_map(|j| w.cand_at(j))
                && w.cands[c].kind != Kind::Person
            {
                affil = affiliation::of_cand(w, c);
            }
        }
        k += 1;
    }
    let mut out = String::new();
    let mut k = first;
    let mut prev_end = None;
    while k < end {
        if let Some(skip) = skip
            && k == skip.first
        {
            k = skip.end;
            prev_end = None;
            continue;
        }
        let t = w.toks[k];
        // An acronym in a title reads better spelled out: "Chairman of the Joint
        // Chiefs of Staff", not "of the JCS".
        if let Some(c) = w.cand_at(k)
            && w.cands[c].tokens.end == k + 1
            && w.cands[c].kind == Kind::Org
            && t.has(ALLCAPS)
        {
            let full = match (w.cands[c].refers_to, &w.cands[c].key) {
                (Some(def), _) => Some(w.span_text(w.cands[def].tokens.first, w.cands[def].tokens.end).to_string()),
                (None, Key::Kb(e)) if w.kb.entry(*e).name.contains(' ') => Some(w.kb.entry(*e).name.clone()),
                _ => None,
            };
            if let Some(full) = full {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&full);
                prev_end = Some(t.end);
                k += 1;
                continue;
            }
        }
        let s = w.t(k);
        if t.kind == TokKind::Word || t.kind == TokKind::Punct {
            let glued = prev_end == Some(t.start) || t.kind == TokKind::Punct && s != "&";
            if !out.is_empty() && !glued {
                out.push(' ');
            }
            out.push_str(s);
        }
        prev_end = Some(t.end);
        k += 1;
    }
    (tidy_role(&out), affil)
}

/// Lowercase qualifiers before a capitalised title: "acting President",
/// "former Defense Minister".
pub(super) fn lowercase_qualifiers(w: &Work, first: usize) -> String {
    let mut k = first;
    while k > 0 {
        let j = k - 1;
        if w.is_lower(j, QUALIFIER | QUALIFIER_BEFORE_TITLE) {
            k = j;
        } else {
            break;
        }
    }
    (k..first).map(|j| w.t(j).to_string()).collect::<Vec<_>>().join(" ")
}

/// Normalises a role: trims articles and punctuation, capitalises a lowercase role
/// like a title ("high representative for foreign affairs" -> "High Representative
/// for Foreign Affairs").
pub(super) fn tidy_role(s: &str) -> Option<String> {
    let s = s.trim().trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':' | '-' | '(' | ')')).trim();
    let mut words: Vec<&str> = s.split_whitespace().collect();
    let lex = lexicon();
    while words.first().is_some_and(|w| lex.is(w, ARTICLE | POSSESSIVE_DET)) {
        words.remove(0);
    }
    while words.last().is_some_and(|w| lex.roles.title_trailing_words.contains(&w.to_lowercase())) {
        words.pop();
    }
    if words.is_empty() {
        return None;
    }
    // Each word and each part of a hyphenated word: "Secretary-General",
    // "Commander-in-Chief".
    let small = |w: &str| lex.roles.title_small_words.iter().any(|s| s == w);
    let capitalise = |w: &str, first: bool| {
        if w.chars().next().is_some_and(char::is_lowercase) && (first || !small(w)) {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
        } else {
            w.to_string()
        }
    };
    let titled: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| w.split('-').enumerate().map(|(j, part)| capitalise(part, i == 0 && j == 0)).collect::<Vec<_>>().join("-"))
        .collect();
    Some(titled.join(" "))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::tidy_role;

    #[test]
    fn roles_are_tidied_into_titles() {
        assert_eq!(
            tidy_role("high representative for foreign affairs and security policy").as_deref(),
            Some("High Representative for Foreign Affairs and Security Policy")
        );
        assert_eq!(tidy_role("the Defense Minister,").as_deref(), Some("Defense Minister"));
        assert_eq!(tidy_role("secretary-general").as_deref(), Some("Secretary-General"));
        assert_eq!(tidy_role("commander-in-chief").as_deref(), Some("Commander-in-Chief"));
        assert_eq!(tidy_role("his chief of").as_deref(), Some("Chief"));
        assert_eq!(tidy_role("of the board").as_deref(), Some("Of the Board"));
        assert_eq!(tidy_role(" , ").as_deref(), None);
        assert_eq!(tidy_role("the of").as_deref(), None);
    }

    #[test]
    fn of_a_country_in_a_title_is_its_affiliation() {
        ok(
            "Prime Minister of the Netherlands Dick Schoof met the press.",
            "capitalised-title",
            "Dick Schoof",
            Some("Prime Minister"),
            Some("Netherlands"),
        );
    }

    #[test]
    fn an_acronym_in_a_title_is_spelled_out() {
        let t = "The Joint Chiefs of Staff (JCS) said a missile flew. Chairman of the JCS Kim Myung-soo spoke.";
        ok(t, "capitalised-title", "Kim Myung-soo", Some("Chairman of the Joint Chiefs of Staff"), Some("South Korea"));
    }

    #[test]
    fn lowercase_qualifiers_before_a_title_are_kept() {
        ok(
            "Former Defense Minister Lee Jong-sup spoke.",
            "capitalised-title",
            "Lee Jong-sup",
            Some("Former Defense Minister"),
            Some("South Korea"),
        );
        ok(
            "The acting Defense Minister Kim Seon-ho spoke.",
            "capitalised-title",
            "Kim Seon-ho",
            Some("Acting Defense Minister"),
            Some("South Korea"),
        );
    }
}
