//! One Aho-Corasick pass over a text for every spelling the knowledge base knows
//! (names, aliases, variants, demonyms, plus derived forms: without diacritics, in
//! capitals for datelines and headlines, without a leading "The", with a curly
//! apostrophe). Matches must start and end on word boundaries — a hyphen counts as
//! one, so "South Korea-NATO" gives both names — and overlapping matches resolve
//! leftmost-longest.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::KbEntry;
use crate::fold::{has_non_ascii_letters, strip_diacritics};

/// Which kind of spelling of an entry a match is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Form {
    Name,
    Alias,
    Variant,
    Demonym,
}

/// A gazetteer hit: byte range, entry, and which spelling matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GazMatch {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
    pub form: Form,
}

pub(super) struct Gazetteer {
    ac: Option<AhoCorasick>,
    patterns: Vec<(usize, Form)>,
}

impl Gazetteer {
    pub(super) fn build(entries: &[KbEntry]) -> Gazetteer {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut strings: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        let mut add = |s: String, entry: usize, form: Form| {
            if s.chars().filter(|c| c.is_alphanumeric()).count() < 2 || index.contains_key(&s) {
                return;
            }
            index.insert(s.clone(), strings.len());
            strings.push(s);
            patterns.push((entry, form));
        };
        for (i, e) in entries.iter().enumerate() {
            let forms = std::iter::once((e.name.as_str(), Form::Name))
                .chain(e.aliases.iter().map(|a| (a.as_str(), Form::Alias)))
                .chain(e.variants.iter().map(|a| (a.as_str(), Form::Variant)))
                .chain(e.demonyms.iter().map(|a| (a.as_str(), Form::Demonym)));
            for (s, form) in forms {
                for v in derived_spellings(s, e.kind == crate::model::Kind::Loc) {
                    add(v, i, form);
                }
            }
        }
        let ac = AhoCorasickBuilder::new().match_kind(MatchKind::Standard).build(&strings).ok();
        Gazetteer { ac, patterns }
    }

    pub(super) fn find(&self, text: &str) -> Vec<GazMatch> {
        let Some(ac) = &self.ac else { return Vec::new() };
        let mut hits: Vec<GazMatch> = ac
            .find_overlapping_iter(text)
            .filter(|m| on_word_boundaries(text, m.start(), m.end()))
            .map(|m| {
                let (entry, form) = self.patterns[m.pattern().as_usize()];
                GazMatch { start: m.start(), end: m.end(), entry, form }
            })
            .collect();
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        let mut out: Vec<GazMatch> = Vec::with_capacity(hits.len());
        for h in hits {
            if out.last().is_none_or(|l| h.start >= l.end) {
                out.push(h);
            }
        }
        out
    }
}

/// The spellings a form is matched under.
fn derived_spellings(s: &str, place: bool) -> Vec<String> {
    let s = s.trim();
    // Forms with ordinary lowercase words ("euro zone", "Kursk region") are
    // descriptions, not names: the article's own wording decides.
    const SMALL: &[&str] = &[
        "of", "the", "and", "for", "de", "la", "le", "del", "du", "da", "des", "di", "von", "van", "der", "al", "el", "bin", "on", "upon",
        "in", "at", "y", "e", "do", "dos", "das",
    ];
    let lx = crate::lexicon::lexicon();
    if s.split([' ', '-']).any(|w| w.chars().next().is_some_and(char::is_lowercase) && !SMALL.contains(&w) && lx.is_known_word(w)) {
        return Vec::new();
    }
    let mut out = vec![s.to_string()];
    // "The Hague" is also "the Hague", "The New York Times" also "New York Times";
    // but the magazine "The Atlantic" is not "Atlantic".
    if let Some(rest) = s.strip_prefix("The ")
        && (place || rest.contains(' '))
    {
        out.push(rest.to_string());
    }
    for i in 0..out.len() {
        if has_non_ascii_letters(&out[i]) {
            out.push(strip_diacritics(&out[i]));
        }
    }
    for i in 0..out.len() {
        if out[i].contains('\'') {
            out.push(out[i].replace('\'', "\u{2019}"));
        }
    }
    for i in 0..out.len() {
        let up = out[i].to_uppercase();
        if up != out[i] && out[i].chars().filter(|c| c.is_alphabetic()).count() >= 3 {
            out.push(up);
        }
    }
    out
}

/// Whether `start..end` is a whole word (or words) of `text`, and not glued to a
/// lowercase prefix ("trans-Atlantic", "anti-American").
fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let mut back = text[..start].chars().rev();
    let before = back.next();
    if matches!(before, Some('-' | '\u{2010}' | '\u{2011}')) {
        let prefix: String = back.take_while(|c| c.is_alphabetic()).collect();
        if prefix.chars().last().is_some_and(char::is_lowercase) {
            return false;
        }
    }
    let after = text[end..].chars().next();
    let last = text[..end].chars().next_back();
    let ok_before = before.is_none_or(|c| !c.is_alphanumeric() && c != '_');
    // "U.S." ends with its full stop; otherwise the next char must not continue a word.
    let ok_after = after.is_none_or(|c| !c.is_alphanumeric() && c != '_') || last == Some('.');
    ok_before && ok_after
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::Class;
    use crate::model::Kind;

    fn kb() -> Gazetteer {
        let mut sk = KbEntry::new("South Korea", Kind::Loc, Class::Country);
        sk.aliases = vec!["S. Korea".into(), "Korea".into()];
        sk.demonyms = vec!["South Korean".into()];
        let mut nk = KbEntry::new("North Korea", Kind::Loc, Class::Country);
        nk.aliases = vec!["Democratic People's Republic of Korea".into(), "DPRK".into()];
        let hague = KbEntry::new("The Hague", Kind::Loc, Class::Place);
        let mut lt = KbEntry::new("Lithuania", Kind::Loc, Class::Country);
        lt.aliases = vec!["Lietuva".into()];
        let vilnius = KbEntry::new("Vilnius", Kind::Loc, Class::Place);
        let nato = KbEntry::new("NATO", Kind::Org, Class::International);
        let es = vec![sk, nk, hague, lt, vilnius, nato, KbEntry::new("Gdańsk", Kind::Loc, Class::Place)];
        Gazetteer::build(&es)
    }

    fn names(text: &str) -> Vec<&str> {
        kb().find(text).iter().map(|m| &text[m.start..m.end]).collect()
    }

    #[test]
    fn leftmost_longest_on_word_boundaries() {
        assert_eq!(names("South Korea's envoy met South Korean officials in Koreatown."), ["South Korea", "South Korean"]);
        assert_eq!(names("the Democratic People's Republic of Korea (DPRK)"), ["Democratic People's Republic of Korea", "DPRK"]);
        assert_eq!(names("the Democratic People\u{2019}s Republic of Korea"), ["Democratic People\u{2019}s Republic of Korea"]);
    }

    #[test]
    fn hyphens_separate_names() {
        assert_eq!(names("a South Korea-NATO body"), ["South Korea", "NATO"]);
    }

    #[test]
    fn capitals_match_in_datelines_but_lowercase_does_not() {
        assert_eq!(names("VILNIUS, July 11 -- NATO"), ["VILNIUS", "NATO"]);
        assert!(names("the nato of it; vilnius").is_empty());
    }

    #[test]
    fn derived_forms_drop_the_and_diacritics() {
        assert_eq!(names("held in The Hague and the Hague"), ["The Hague", "Hague"]);
        assert_eq!(names("the trans-Vilnius line"), Vec::<&str>::new());
        assert_eq!(names("in Gdansk and Gdańsk"), ["Gdansk", "Gdańsk"]);
        assert_eq!(names("S. Korea"), ["S. Korea"]);
    }
}
