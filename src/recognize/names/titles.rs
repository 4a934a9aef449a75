//! Role titles written in capitals before a name: "Defense Minister", "Principal
//! Deputy National Security Adviser", "Secretary of State", "Director of the
//! National Security Office", "Minister for Foreign Affairs and Trade". A title is
//! role modifiers and heads (`role_modifiers`, `role_heads` in `data/lexicon.toml`),
//! and after a head an "of"/"for"/"to" complement of role complements,
//! organisation heads and known non-person names. Also the role an honorific
//! stands for ("Sen." Senator, `honorific_roles`).

use super::super::Work;
use crate::lexicon::class::{ORG_HEAD, ROLE_COMP, ROLE_HEAD, ROLE_MOD, ROLE_WEAK};
use crate::lexicon::lexicon;
use crate::model::Kind;
use crate::tokens::{GLUE, TokKind};

/// A role title parsed at a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Title {
    /// Its end (exclusive): after its last head or complement.
    pub end: usize,
    /// Whether it has a head word that makes a role on its own ("Minister", not
    /// "General" or "Chief": `weak_role_heads`).
    pub strong: bool,
}

/// Parses a role title starting at `k` (within `..end`).
pub(super) fn parse_title(w: &Work, k: usize, end: usize) -> Option<Title> {
    let mut j = k;
    let mut last: Option<usize> = None;
    let mut strong = false;
    while j < end {
        let t = w.toks[j];
        if t.kind == TokKind::Punct {
            if w.toks.get(j + 1).is_some_and(|n| n.has(GLUE)) && j + 1 < end {
                j += 1;
                continue;
            }
            break;
        }
        if j > k && w.gaz_starting(j).is_some() {
            break;
        }
        let c = w.class(j);
        if c & ROLE_HEAD != 0 && t.is_cap() {
            j += 1;
            last = Some(j);
            strong |= c & ROLE_WEAK == 0;
            continue;
        }
        if c & ROLE_MOD != 0 && t.is_cap() {
            j += 1;
            continue;
        }
        let word = w.t(j);
        if word == "and" && last.is_some() && j + 1 < end && w.is(j + 1, ROLE_MOD | ROLE_HEAD) {
            j += 1;
            continue;
        }
        if (word == "of" || word == "for" || word == "to")
            && last == Some(j)
            && let Some(c) = complement_end(w, j, end)
        {
            j = c;
            last = Some(c);
            continue;
        }
        break;
    }
    Some(Title { end: last?, strong })
}

/// The end of the complement after the "of", "for" or "to" at `of`: "of *State*",
/// "for *Foreign Affairs and Trade*", "of the *National Security Office*",
/// "of *the Netherlands*" (a known name); none if no complement word follows.
fn complement_end(w: &Work, of: usize, end: usize) -> Option<usize> {
    let mut c = of + 1;
    if c < end && w.t(c) == "the" {
        c += 1;
    }
    let c0 = c;
    while c < end {
        if let Some(g) = w.gaz_starting(c) {
            if g.tokens.end <= end && w.kb.entry(g.hit.entry).kind != Kind::Person {
                c = g.tokens.end;
                continue;
            }
            break;
        }
        if w.toks[c].kind == TokKind::Punct && w.toks.get(c + 1).is_some_and(|n| n.has(GLUE)) {
            c += 1;
            continue;
        }
        let cc = w.class(c);
        if w.toks[c].is_cap() && cc & (ROLE_COMP | ROLE_MOD | ROLE_HEAD | ORG_HEAD) != 0 {
            c += 1;
            // An organisation head ends it: "of the National Security *Office*".
            if cc & ORG_HEAD != 0 && cc & (ROLE_COMP | ROLE_HEAD) == 0 {
                break;
            }
            continue;
        }
        if is_inner_connector(w, c) && c + 1 < end && w.toks[c + 1].is_cap() {
            c += 1;
            continue;
        }
        break;
    }
    // Do not end on a connector.
    while c > c0 && is_inner_connector(w, c - 1) {
        c -= 1;
    }
    (c > c0).then_some(c)
}

/// The lowercase words a complement may contain between capitals ("Foreign
/// Affairs *and* Trade", "Secretary *for the* Navy").
fn is_inner_connector(w: &Work, i: usize) -> bool {
    matches!(w.t(i), "and" | "the" | "for" | "of")
}

/// The role an honorific stands for: "Sen." Senator, "Lt. Gen." Lieutenant
/// General; none for "Mr.", "Ms.", "Dr." (`honorific_roles` in
/// `data/lexicon.toml`).
pub(crate) fn honorific_role(w: &Work, first: usize, end: usize) -> Option<String> {
    let lx = lexicon();
    let words: Vec<&str> = (first..end).filter_map(|k| lx.honorific_role(w.t(k).trim_end_matches('.'))).collect();
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    /// The title parsed at the first token of `text`, and whether it is strong.
    fn title(text: &str) -> Option<(String, bool)> {
        with_work(text, |w| {
            let n = w.lines[0].tokens.end;
            parse_title(w, 0, n).map(|t| (w.span_text(0, t.end).to_string(), t.strong))
        })
    }

    #[test]
    fn finds_titles_with_modifiers_and_complements() {
        assert_eq!(
            title("Principal Deputy National Security Adviser Jane Doe"),
            Some(("Principal Deputy National Security Adviser".into(), true))
        );
        assert_eq!(title("Secretary of State Blinken"), Some(("Secretary of State".into(), true)));
        assert_eq!(
            title("Minister for Foreign Affairs and Trade Penny Wong"),
            Some(("Minister for Foreign Affairs and Trade".into(), true))
        );
        assert_eq!(title("Director of the National Security Office Wi"), Some(("Director of the National Security Office".into(), true)));
    }

    #[test]
    fn finds_weak_heads_as_weak() {
        assert_eq!(title("General Dynamics"), Some(("General".into(), false)));
    }

    #[test]
    fn must_not_end_a_title_on_a_connector_or_parse_a_non_title() {
        assert_eq!(title("Minister of the said"), Some(("Minister".into(), true)));
        assert_eq!(title("Harbour Pilots"), None);
    }

    #[test]
    fn finds_the_role_an_honorific_stands_for() {
        let role = |text: &str| with_work(text, |w| honorific_role(w, 0, 3));
        assert_eq!(role("Lt. Gen. Park"), Some("Lieutenant General".into()));
        assert_eq!(role("Sen. Maria Lopez"), Some("Senator".into()));
    }

    #[test]
    fn must_not_give_a_role_to_plain_honorifics() {
        let role = |text: &str| with_work(text, |w| honorific_role(w, 0, 1));
        assert_eq!(role("Mr. Park"), None);
        assert_eq!(role("Dr. Park"), None);
        assert_eq!(role("SEN. PARK"), None, "the table is case-sensitive");
    }
}
