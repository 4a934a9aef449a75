//! Word counts: what the corpus-wide word decisions ([`crate::variants::words`])
//! are computed from. Per document, [`vocabulary_of`] counts words on the
//! document's tokens (a pure function); the corpus adds and subtracts those
//! counts as documents come and go, so the sum never needs a re-read.
//!
//! Invariant: the counts depend on the text alone (not on the knowledge base or
//! the configuration), so a new knowledge base leaves them unchanged.

use std::sync::atomic::{AtomicU64, Ordering};

use rustc_hash::FxHashMap;

use crate::lexicon::{class, lexicon};
use crate::tokens::{GLUE, TokKind, Token, tokenize};

/// Word counts of one document (or of the corpus): lowercase words of four or more
/// letters, hyphenated compounds ("co-operation") and open compounds of two role
/// words ("secretary general").
///
/// The corpus's sum also records which words' counts changed since the last
/// [`Vocab::take_changes`], so decisions about words can be brought up to date
/// without a scan.
#[derive(Clone, Debug)]
pub struct Vocab {
    counts: FxHashMap<String, u32>,
    changes: VocabChanges,
    token: u64,
}

/// Words whose counts changed since the last [`Vocab::take_changes`], with their
/// counts before.
#[derive(Clone, Debug, Default)]
pub struct VocabChanges {
    /// The [`Vocab::token`] these changes are since.
    pub since: u64,
    /// Too many to list, or a new vocabulary: every count may have changed.
    pub all: bool,
    pub words: FxHashMap<String, u32>,
}

impl VocabChanges {
    pub fn is_empty(&self) -> bool {
        !self.all && self.words.is_empty()
    }
}

/// Beyond this many changed words, changes are no longer listed one by one.
const MAX_LISTED_CHANGES: usize = 200_000;

static NEXT_TOKEN: AtomicU64 = AtomicU64::new(1);

impl Default for Vocab {
    fn default() -> Self {
        Vocab::from_counts(FxHashMap::default())
    }
}

impl PartialEq for Vocab {
    fn eq(&self, other: &Self) -> bool {
        self.counts == other.counts
    }
}

impl Eq for Vocab {}

/// A vocabulary from word counts (a merged [`crate::index::summary::Summary`]'s).
impl FromIterator<(String, u32)> for Vocab {
    fn from_iter<I: IntoIterator<Item = (String, u32)>>(iter: I) -> Vocab {
        Vocab::from_counts(iter.into_iter().filter(|(_, n)| *n > 0).collect())
    }
}

impl Vocab {
    fn from_counts(counts: FxHashMap<String, u32>) -> Vocab {
        Vocab {
            counts,
            changes: VocabChanges { since: 0, all: true, words: FxHashMap::default() },
            token: NEXT_TOKEN.fetch_add(1, Ordering::Relaxed),
        }
    }

    pub fn count(&self, w: &str) -> u32 {
        self.counts.get(w).copied().unwrap_or(0)
    }

    /// Every word with its count (in no particular order).
    pub fn iter(&self) -> impl Iterator<Item = (&str, u32)> {
        self.counts.iter().map(|(w, n)| (w.as_str(), *n))
    }

    /// Number of distinct words.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    fn touch(&mut self, w: &str) {
        if self.changes.all || self.changes.words.contains_key(w) {
            return;
        }
        if self.changes.words.len() >= MAX_LISTED_CHANGES {
            self.changes.all = true;
            self.changes.words = FxHashMap::default();
            return;
        }
        let before = self.count(w);
        self.changes.words.insert(w.to_string(), before);
    }

    /// Adds another vocabulary's counts.
    pub fn add(&mut self, other: &Vocab) {
        for (w, n) in &other.counts {
            self.touch(w);
            match self.counts.get_mut(w.as_str()) {
                Some(c) => *c += n,
                None => {
                    self.counts.insert(w.clone(), *n);
                }
            }
        }
    }

    /// Subtracts another vocabulary's counts (dropping zeros).
    pub fn sub(&mut self, other: &Vocab) {
        for (w, n) in &other.counts {
            if self.counts.contains_key(w.as_str()) {
                self.touch(w);
            }
            if let Some(c) = self.counts.get_mut(w.as_str()) {
                *c = c.saturating_sub(*n);
                if *c == 0 {
                    self.counts.remove(w.as_str());
                }
            }
        }
    }

    /// The words whose counts changed since the last call (see [`VocabChanges`]),
    /// and a new [`Vocab::token`].
    pub fn take_changes(&mut self) -> VocabChanges {
        let mut c = std::mem::take(&mut self.changes);
        c.since = self.token;
        self.token = NEXT_TOKEN.fetch_add(1, Ordering::Relaxed);
        c
    }

    /// Identifies the state at the last [`Vocab::take_changes`] (never the same
    /// for two states or two vocabularies).
    pub fn token(&self) -> u64 {
        self.token
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
        if w.is_ascii() {
            buf.push_str(w);
            buf.make_ascii_lowercase();
        } else {
            buf.extend(w.chars().flat_map(char::to_lowercase));
        }
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
    Vocab::from_counts(v)
}

fn is_alpha(s: &str) -> bool {
    // ASCII letters are the only alphabetic ASCII characters.
    !s.is_empty() && if s.is_ascii() { s.bytes().all(|b| b.is_ascii_alphabetic()) } else { s.chars().all(char::is_alphabetic) }
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
