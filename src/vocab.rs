//! Word counts: what the corpus-wide word decisions ([`crate::variants::words`])
//! are computed from. Per document, [`vocabulary_of`] counts words on the
//! document's tokens (a pure function); the corpus adds and subtracts those
//! counts as documents come and go, so the sum never needs a re-read.
//!
//! Invariant: the counts depend on the text alone (not on the knowledge base or
//! the configuration), so a new knowledge base leaves them unchanged.

use rustc_hash::FxHashMap;

use crate::lexicon::{class, lexicon};
use crate::tokens::{GLUE, TokKind, Token, tokenize};

/// Word counts of one document (or of the corpus): lowercase words of four or more
/// letters, hyphenated compounds ("co-operation") and open compounds of two role
/// words ("secretary general").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vocab(pub FxHashMap<String, u32>);

impl Vocab {
    pub fn count(&self, w: &str) -> u32 {
        self.0.get(w).copied().unwrap_or(0)
    }

    /// Adds another vocabulary's counts.
    pub fn add(&mut self, other: &Vocab) {
        for (w, n) in &other.0 {
            *self.0.entry(w.clone()).or_default() += n;
        }
    }

    /// Subtracts another vocabulary's counts (dropping zeros).
    pub fn sub(&mut self, other: &Vocab) {
        for (w, n) in &other.0 {
            if let Some(c) = self.0.get_mut(w) {
                *c = c.saturating_sub(*n);
                if *c == 0 {
                    self.0.remove(w);
                }
            }
        }
    }
}

/// Counts the words of one text.
pub fn vocabulary(text: &str) -> Vocab {
    vocabulary_of(text, &tokenize(text))
}

/// Counts the words of a text already tokenized.
pub fn vocabulary_of(text: &str, toks: &[Token]) -> Vocab {
    let lx = lexicon();
    let mut buf = String::new();
    let mut bump = |v: &mut FxHashMap<String, u32>, w: &str| {
        buf.clear();
        buf.extend(w.chars().flat_map(char::to_lowercase));
        match v.get_mut(buf.as_str()) {
            Some(c) => *c += 1,
            None => {
                v.insert(buf.clone(), 1);
            }
        }
    };
    let mut v: FxHashMap<String, u32> = FxHashMap::default();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        if t.kind != TokKind::Word {
            i += 1;
            continue;
        }
        let w = t.text(text);
        // Hyphenated two-part compound: word '-' glued-word (not a third part).
        if i + 2 < toks.len()
            && toks[i + 1].kind == TokKind::Punct
            && toks[i + 2].has(GLUE)
            && !toks.get(i + 4).is_some_and(|x| x.has(GLUE) && toks[i + 3].kind == TokKind::Punct)
            && !t.has(GLUE)
        {
            let b = toks[i + 2].text(text);
            if is_alpha(w) && is_alpha(b) {
                *v.entry(format!("{}-{}", w.to_lowercase(), b.to_lowercase())).or_default() += 1;
            }
        }
        // Every word counts, parts of hyphenated words too ("labor-intensive" uses
        // the American "labor").
        if w.len() >= 4 && is_alpha(w) {
            bump(&mut v, w);
        }
        // Open compound of two role words: "secretary general", "vice president".
        if i + 1 < toks.len()
            && toks[i + 1].kind == TokKind::Word
            && !toks[i + 1].has(GLUE)
            && !t.has(GLUE)
            && toks[i + 1].start == t.end + 1
        {
            let b = toks[i + 1].text(text);
            let role = class::ROLE_HEAD | class::ROLE_MOD;
            if (3..=16).contains(&w.len())
                && (4..=16).contains(&b.len())
                && lx.is(w, role)
                && lx.is(b, class::ROLE_HEAD)
                && is_alpha(w)
                && is_alpha(b)
                && text[t.end as usize..toks[i + 1].start as usize] == *" "
            {
                *v.entry(format!("{} {}", w.to_lowercase(), b.to_lowercase())).or_default() += 1;
            }
        }
        i += 1;
    }
    Vocab(v)
}

fn is_alpha(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_compounds_and_role_bigrams() {
        let v = vocabulary("The Secretary General and the secretary-general met. Co-operation and cooperation.");
        assert_eq!(v.count("secretary general"), 1);
        assert_eq!(v.count("secretary-general"), 1);
        assert_eq!(v.count("co-operation"), 1);
        assert_eq!(v.count("cooperation"), 1);
        assert_eq!(v.count("operation"), 1, "parts of a hyphenated word count as words");
    }
}
