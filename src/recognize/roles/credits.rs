//! Bylines and credits: the people who wrote, edited or photographed the article
//! get no role from the text around them; a byline gets the news agency the
//! article is credited to.
//!
//! - Sign-offs and photo credits: "(Reporting by Ana Ruiz; Editing by Tom
//!   Lee)", "Photo by X", "REUTERS/Jana Klemm", "(AP Photo/Oleh Marchuk)";
//! - the agency: "SEOUL, June 3 (Yonhap) --" near the top, else a credit in
//!   parentheses anywhere, else a copyright line ("© 2025 Agence France-Presse"),
//!   else a known outlet named at the top (masthead, menu, "BBC News, Kyiv"
//!   under the byline), else one named anywhere.

use super::super::{Cand, Key, Work};
use super::TOP_LINES;
use super::affiliation::display_name;
use super::sentence::sentence_toks;
use crate::lexicon::class::ROLE_HEAD;
use crate::lexicon::lexicon;
use crate::model::Kind;
use crate::recognize::work::NONE;

/// People named in sign-offs: "(Reporting by X; Editing by Y)", "Photo by X",
/// and photo credits "REUTERS/Jana Klemm", "(AP Photo/Oleh Marchuk)".
pub(super) fn signed_off(w: &Work, p: usize) -> bool {
    let f = w.cands[p].tokens.first;
    if f > 0 && w.is_punct(f - 1, '/') {
        return true;
    }
    let s = sentence_toks(w, f).first;
    if f <= s || !matches!(w.t(f - 1), "by" | "and" | ",") {
        return false;
    }
    // A credit word ("Reporting", "Editing", "Photo") and "by" after it earlier
    // in the sentence: the nearest such credit word before `f`, from an index
    // made once per document (a sign-off listing thousands of names stays
    // linear). Not "[Photo] Former Head of State, X": no "by".
    let nearest = w.credit_word_before.get_or_init(|| {
        let (mut last, mut with_by) = (NONE, NONE);
        (0..w.toks.len())
            .map(|k| {
                if lexicon().roles.credit_words.contains(&w.t(k).to_ascii_lowercase()) {
                    (last, with_by) = (k as u32, NONE);
                } else if w.t(k) == "by" && last != NONE {
                    with_by = last;
                }
                with_by
            })
            .collect()
    });
    nearest[f - 1] != NONE && nearest[f - 1] as usize >= s
}

/// The agency of a byline: the news organisation credited near the top, in
/// parentheses after the dateline ("SEOUL, June 3 (Yonhap) --"), else one
/// credited anywhere in parentheses or in a copyright line.
pub(super) fn byline_agency(w: &Work) -> Option<String> {
    // The news organisation a credit names ("(AAP)" is the agency, not the party).
    let media_entry = |c: &Cand| -> Option<usize> {
        w.kb.lookup(w.span_text(c.tokens.first, c.tokens.end))
            .iter()
            .map(|(e, _)| *e)
            .find(|&e| w.kb.entry(e).is_media() || w.kb.entry(e).is_user())
    };
    let media = |c: &Cand| match c.key {
        Key::Kb(_) => media_entry(c).is_some(),
        _ => true,
    };
    // "(Reuters)", "NAIROBI (Reuters)", but not the acronym after a name it
    // spells out: "the Communications Authority of Kenya (CA)" credits no one.
    let in_parens = |c: &Cand| {
        let f = c.tokens.first;
        let after_name = f > 1 && w.cand_at(f - 2).is_some_and(|n| w.cands[n].tokens.first != w.lines[w.line_of[f] as usize].content_from);
        f > 0 && w.is_punct(f - 1, '(') && w.is_punct(c.tokens.end, ')') && c.refers_to.is_none() && !after_name
    };
    let name = |c: &Cand| match media_entry(c) {
        Some(e) => display_name(w, e),
        None => w.span_text(c.tokens.first, c.tokens.end).to_string(),
    };
    let orgs = || w.cands.iter().filter(|c| c.kind == Kind::Org && media(c));
    orgs()
        .find(|c| in_parens(c) && (w.line_of[c.tokens.first] as usize) < TOP_LINES)
        .or_else(|| orgs().find(|c| in_parens(c)))
        .or_else(|| {
            orgs().find(|c| {
                let line = &w.lines[w.line_of[c.tokens.first] as usize];
                let t = w.text[line.start..line.end].trim_start();
                // The line lowercased starts with "copyright" (without lowercasing
                // a whole line: a one-line document is long).
                t.starts_with('©') || t.chars().flat_map(char::to_lowercase).take(9).eq("copyright".chars())
            })
        })
        // A known outlet named at the top (a masthead, a menu, the line under
        // the byline: "BBC News, Kyiv"), else anywhere ("Associated Press
        // writer X contributed").
        .or_else(|| {
            let known = || w.cands.iter().filter(|c| c.kind == Kind::Org && matches!(c.key, Key::Kb(_)) && media_entry(c).is_some());
            known().find(|c| (w.line_of[c.tokens.first] as usize) < TOP_LINES).or_else(|| known().next())
        })
        .map(name)
}

/// A reporter's title has at most this many words: "Chief Political Correspondent".
const BYLINE_TITLE_WORDS: usize = 5;

/// The title written with reporter `p`'s byline, and the outlet named after
/// it: after a comma on the byline's line ("Marco Ferretti, Italy
/// correspondent"; "By Anna Berg, Staff Writer") or on the next line
/// ("Science correspondent, BBC Scotland", "Sports Editor"). A place in the
/// title is the reporter's beat, not their affiliation.
pub(super) fn byline_title(w: &Work, p: usize) -> (Option<String>, Option<String>) {
    let end = w.cands[p].tokens.end;
    let li = w.line_of[w.cands[p].tokens.first] as usize;
    let (from, to) = if w.is_punct(end, ',') && end < w.lines[li].tokens.end {
        (end + 1, w.lines[li].tokens.end)
    } else {
        match w.line_under(li) {
            Some(n) => (w.lines[n].content_from, w.lines[n].tokens.end),
            None => return (None, None),
        }
    };
    let mut t_end = from;
    while t_end < to && w.toks[t_end].kind != crate::tokens::TokKind::Punct && !matches!(w.t(t_end), "at" | "for") {
        t_end += 1;
    }
    let words = (from..t_end).filter(|&k| w.toks[k].is_word()).count();
    let person = (from..to).any(|k| w.cand_at(k).is_some_and(|c| w.cands[c].kind == Kind::Person));
    if words == 0 || words > BYLINE_TITLE_WORDS || person || !(from..t_end).any(|k| w.is(k, ROLE_HEAD)) {
        return (None, None);
    }
    let role = super::titles::role_text(w, from, t_end).0;
    let outlet = (t_end..to).find_map(|k| {
        let c = w.cand_at(k).filter(|&c| w.cands[c].kind == Kind::Org)?;
        let Key::Kb(e) = w.cands[c].key else { return None };
        w.kb.entry(e).is_media().then(|| display_name(w, e))
    });
    (role, outlet)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::signed_off;

    #[test]
    fn a_byline_gets_the_agency_of_the_dateline() {
        ok(
            "By Kim Eun-jung\n\nSEOUL, June 3 (Yonhap) -- The talks ended without a deal.",
            "byline",
            "Kim Eun-jung",
            None,
            Some("Yonhap News Agency"),
        );
    }

    #[test]
    fn sign_offs_get_the_agency_and_nothing_else() {
        let t = "SEOUL, June 3 (Reuters) - The talks ended. (Reporting by Ana Ruiz, a senior correspondent; Editing by Tom Lee)";
        ok(t, "byline", "Ana Ruiz", None, Some("Reuters"));
        ok(t, "byline", "Tom Lee", None, Some("Reuters"));
        not(t, "appositive");
    }

    #[test]
    fn an_acronym_after_the_name_it_spells_out_is_no_credit() {
        let t = "By Wanjiru Kamau\n\nThe results were strong.\n\nThe Communications Authority of Kenya (CA) said it was reviewing rules.";
        assert!(claims(t).is_empty(), "{:#?}", claims(t));
        // A credit in parentheses after no name still is one.
        let t = "By Wanjiru Kamau\n\nNAIROBI (Kenya News Agency) - Shares rose. The Communications Authority of Kenya (CA) said it was reviewing rules.";
        ok(t, "byline", "Wanjiru Kamau", None, Some("Kenya News Agency"));
    }

    #[test]
    fn an_agency_from_a_copyright_line() {
        ok("© 2025 Agence France-Presse\nBy Anna Berg\nThe talks ended.", "byline", "Anna Berg", None, Some("Agence France-Presse (AFP)"));
    }

    #[test]
    fn no_agency_no_claim() {
        assert!(claims("The talks ended. (Reporting by Ana Ruiz; Editing by Tom Lee)").is_empty());
    }

    #[test]
    fn credits_are_sign_offs_and_photo_credits_only() {
        assert!(with_person("A protester marches in Berlin. REUTERS/Jana Klemm", "Jana Klemm", signed_off));
        assert!(with_person("The talks ended. Photo by Ana Ruiz", "Ana Ruiz", signed_off));
        assert!(!with_person("The plan was drafted by Anna Berg, the finance minister.", "Anna Berg", signed_off));
        not("The plan was drafted by Anna Berg, the finance minister.", "byline");
        // A caption's "[Photo]" is no credit: no "by" after it.
        assert!(!with_person("[Photo] Former Head of State, Anna Berg, at the ceremony", "Anna Berg", signed_off));
    }

    #[test]
    fn a_reporter_title_on_the_byline_or_under_it() {
        let t = "By Anna Berg, Staff Writer\n\nSEOUL, June 3 (Yonhap) -- The talks ended without a deal.";
        ok(t, "byline", "Anna Berg", Some("Staff Writer"), Some("Yonhap News Agency"));
        let t =
            "Rockets Head North\n\nKirsty Laing\nScience correspondent, BBC Scotland\n\nThe talks ended without a deal on Sunday night.";
        ok(t, "byline", "Kirsty Laing", Some("Science Correspondent"), Some("BBC"));
        // A place in the title is the beat: the affiliation is the outlet.
        let t = "ESPN  Soccer  Tennis  Golf\n\nMarco Ferretti, Italy correspondent\n\nBologna beat Parma on Sunday in a derby.";
        ok(t, "byline", "Marco Ferretti", Some("Italy Correspondent"), Some("ESPN"));
    }

    #[test]
    fn an_agency_from_a_known_outlet_at_the_top() {
        ok("By Olena Sydorenko\nBBC News, Kyiv\n\nDrones hit a refinery.", "byline", "Olena Sydorenko", None, Some("BBC"));
        let t = "Storm hits coast\nBy Anna Berg\n\nThe storm hit.\n\nAssociated Press writer Tom Lee contributed.";
        ok(t, "byline", "Anna Berg", None, Some("Associated Press (AP)"));
    }
}
