//! The corpus's accepted names, for other prose linters: every spelling of a
//! name that Byline recognised and does not flag, the knowledge base's
//! canonical names and accepted aliases of the entities the corpus mentions,
//! and the words those names are made of. A spelling that a finding flags
//! ("Seongrak Wi" where the corpus prefers "Wi Sung-lac") is never accepted,
//! so a spell checker fed this list keeps flagging it while it stops flagging
//! real names ("we can't predict what all names will be", typos#614).
//!
//! One pass over the findings (to learn the flagged spellings) and one over
//! the mentions; sets keyed by spelling, sorted for stable output.

use std::collections::{BTreeSet, HashSet};

use super::Corpus;
use super::findings::each_document_findings;
use crate::lexicon::lexicon;

/// Names and name words a spell checker should accept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AcceptedNames {
    /// Whole names as written ("Wi Sung-lac", "Agence France-Presse"), sorted.
    pub names: Vec<String>,
    /// The words of those names that are not ordinary English words
    /// ("Sung-lac", "Presse"; not "Park" or "France"), sorted. Word-based
    /// checkers (cspell, typos, Harper, LanguageTool) need words, not phrases.
    pub words: Vec<String>,
}

/// The names the corpus uses and Byline accepts (see the module doc).
pub fn accepted_names(corpus: &Corpus) -> AcceptedNames {
    let mut flagged: HashSet<String> = HashSet::new();
    let mut preferred: BTreeSet<String> = BTreeSet::new();
    each_document_findings(corpus, |fs| {
        for f in fs {
            if f.data.found != f.data.preferred {
                flagged.insert(normal_space(&f.data.found));
                preferred.insert(normal_space(&f.data.preferred));
            }
        }
    });
    let mut names: BTreeSet<String> = BTreeSet::new();
    let mut kb_ids: BTreeSet<usize> = BTreeSet::new();
    for d in corpus.docs() {
        let text = d.text();
        for m in &d.analysis.mentions {
            let Some(s) = text.get(m.span.clone()) else { continue };
            let s = normal_space(s);
            if !flagged.contains(&s) {
                names.insert(s);
            }
        }
        kb_ids.extend(d.analysis.entities.iter().filter_map(|e| e.kb));
    }
    for id in kb_ids {
        let e = corpus.kb.entry(id);
        names.insert(normal_space(&e.name));
        names.extend(e.aliases.iter().map(|a| normal_space(a)).filter(|a| !flagged.contains(a)));
    }
    // A preferred spelling may occur nowhere yet (a house-style or KB choice).
    names.extend(preferred.into_iter().filter(|p| !flagged.contains(p)));
    names.retain(|n| n.chars().any(char::is_alphabetic));
    let words: BTreeSet<String> = names.iter().flat_map(|n| name_words(n)).collect();
    AcceptedNames { names: names.into_iter().collect(), words: words.into_iter().collect() }
}

/// One space between words (a hard-wrapped name has a line break).
fn normal_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The words of a name a spell checker would not know: at least two letters,
/// without surrounding punctuation, not an English word ("Park", "United").
/// A hyphenated word is kept whole and its parts are added ("Sung-lac",
/// "Sung", "lac"), since checkers differ in whether they split at hyphens.
fn name_words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in name.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let mut add = |w: &str| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
            if w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.contains(['.', '\'', '’']) && !lexicon().is_known_word(w) {
                out.push(w.to_string());
            }
        };
        add(w);
        if w.contains('-') {
            w.split('-').for_each(&mut add);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_words_keep_unknown_words_and_hyphen_parts_but_not_english_ones() {
        // "sung", "lac", "park" and "won" are English words; the others are not.
        assert_eq!(name_words("Wi Sung-lac"), vec!["Wi", "Sung-lac"]);
        assert_eq!(name_words("Park Jie-won"), vec!["Jie-won", "Jie"]);
        assert_eq!(name_words("Agence France-Presse"), vec!["Agence", "France-Presse", "France", "Presse"]);
        assert!(name_words("United States").is_empty());
        assert!(name_words("U.S.").is_empty(), "abbreviations are not words");
        assert_eq!(name_words("(Rutte)"), vec!["Rutte"]);
    }

    #[test]
    fn names_are_written_with_one_space() {
        assert_eq!(normal_space("Helen\n  Tennant"), "Helen Tennant");
    }
}
