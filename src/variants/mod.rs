//! Spelling decisions, corpus-wide: names spelled more than one way
//! ([`cluster`], grouped by the spelling [`crate::keys`]), and house-style words,
//! compounds and typos ([`words`]).
//!
//! Decisions ([`Decisions`]) are computed from the index and the summed
//! vocabulary — distinct spellings, not documents — so they are cheap to
//! recompute after any change. The findings of one document are read off its
//! own mentions and text by [`crate::corpus::findings`], the layer that holds
//! the documents.
//!
//! Invariant: nothing here sees a document; the inputs are the [`Index`], the
//! [`Vocab`], the knowledge base and the configuration.

pub mod cluster;
mod varcon;
pub mod words;

use std::collections::HashMap;

use crate::config::Config;
use crate::index::Index;
use crate::kb::Kb;
use crate::vocab::Vocab;
pub use cluster::NameDecisions;
pub use words::{WordDecision, WordHit, WordMatcher};

/// Corpus-wide spelling decisions.
pub struct Decisions {
    pub names: NameDecisions,
    pub words: HashMap<String, WordDecision>,
    matcher: WordMatcher,
}

impl Default for Decisions {
    fn default() -> Self {
        Decisions { names: NameDecisions::default(), words: HashMap::new(), matcher: WordMatcher::new(&HashMap::new()) }
    }
}

impl Decisions {
    pub fn compute(index: &Index, vocab: &Vocab, kb: &Kb, config: &Config) -> Decisions {
        let names = cluster::decide(index, kb, config);
        let words = words::decide(vocab, config);
        let matcher = WordMatcher::new(&words);
        Decisions { names, words, matcher }
    }
}

impl Decisions {
    /// The decided word forms in one document's text, in text order.
    pub fn word_hits(&self, text: &str) -> Vec<WordHit> {
        self.matcher.find(text)
    }
}
