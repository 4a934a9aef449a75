//! Spelling decisions, corpus-wide: names spelled more than one way
//! ([`cluster`], grouped by the spelling [`crate::keys`]), and house-style words,
//! compounds and typos ([`words`]).
//!
//! Decisions ([`Decisions`]) are computed from the index and the summed
//! vocabulary — distinct spellings, not documents. [`Decisions::compute`]
//! computes them from scratch; [`Decisions::update`] brings them up to date
//! after documents changed, recomputing only what the changed entities and
//! words can affect, with the same result as a computation from scratch
//! (property-tested in `tests/incremental.rs`). The findings of one document are
//! read off its own mentions and text by [`crate::corpus::findings`], the layer
//! that holds the documents.
//!
//! Invariant: nothing here sees a document; the inputs are the [`Index`], the
//! [`Vocab`], the knowledge base and the configuration.

pub mod cluster;
mod varcon;
pub mod words;

use std::sync::Arc;

use crate::config::{Config, KoreanNames, SpellingStyle};
use crate::index::{EntityKey, Index, IndexChanges};
use crate::kb::Kb;
use crate::vocab::{Vocab, VocabChanges};
pub use cluster::{GroupId, NameDecisions, NameGroup, Possible};
pub use words::{WordDecision, WordDecisions, WordHit, WordMatcher};

/// Corpus-wide spelling decisions. Cloning is cheap (shared shards), so a
/// snapshot can be published after every refresh.
#[derive(Clone, Debug)]
pub struct Decisions {
    pub names: NameDecisions,
    pub words: WordDecisions,
    matcher: Arc<WordMatcher>,
    name_state: cluster::NameState,
    word_state: words::WordState,
    /// The index, vocabulary, knowledge base and settings the decisions are
    /// up to date with (`None`: unknown, the next update recomputes).
    names_sync: Option<(u64, usize, KoreanNames)>,
    words_sync: Option<(u64, SpellingStyle)>,
}

/// Equal decisions (and equal internal state: the pairs, clusters, buckets and
/// word tables an update works from).
impl PartialEq for Decisions {
    fn eq(&self, o: &Self) -> bool {
        self.names == o.names && self.words == o.words && self.name_state == o.name_state && self.word_state == o.word_state
    }
}

impl Default for Decisions {
    fn default() -> Self {
        Decisions {
            names: NameDecisions::default(),
            words: WordDecisions::default(),
            matcher: Arc::new(WordMatcher::new(&WordDecisions::default())),
            name_state: Default::default(),
            word_state: Default::default(),
            names_sync: None,
            words_sync: None,
        }
    }
}

/// What a refresh changed, for republishing only the affected documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DecisionChanges {
    /// Recomputed from scratch: any document's findings may have changed.
    pub full: bool,
    /// Entities whose findings may have changed, in key order: the members of
    /// every group that changed or that has a changed entity (its related places
    /// change), both sides of every weak match that appeared, left or changed,
    /// and changed entities that appeared, left or whose most used spelling
    /// changed. Documents that mention them (and the changed documents
    /// themselves) are the ones to republish.
    pub entities: Vec<EntityKey>,
    /// Word forms whose decision appeared, left or changed, sorted.
    pub words: Vec<String>,
}

impl DecisionChanges {
    pub fn is_empty(&self) -> bool {
        !self.full && self.entities.is_empty() && self.words.is_empty()
    }
}

/// Beyond this share of the index's entities changed at once, names are
/// recomputed from scratch (in parallel, faster than one by one).
const FULL_SHARE: usize = 4;

impl Decisions {
    /// Computes every decision from scratch (in parallel).
    pub fn compute(index: &Index, vocab: &Vocab, kb: &Kb, config: &Config) -> Decisions {
        let ((names, name_state), (words, word_state)) =
            rayon::join(|| cluster::decide_with_state(index, kb, config), || words::decide_with_state(vocab, config));
        let matcher = Arc::new(WordMatcher::new(&words));
        Decisions { names, words, matcher, name_state, word_state, names_sync: None, words_sync: None }
    }

    /// Brings the decisions up to date with the index and the vocabulary, taking
    /// their changes since the last update ([`Index::take_changes`],
    /// [`Vocab::take_changes`]). The result equals [`Decisions::compute`] on the
    /// same inputs. Recomputes from scratch when the decisions were not made from
    /// this index and vocabulary at their last update, when the knowledge base or
    /// the settings they depend on changed, when a quarter of the entities
    /// changed, or when the corpus's spelling system flipped.
    pub fn update(&mut self, index: &mut Index, vocab: &mut Vocab, kb: &Kb, config: &Config) -> DecisionChanges {
        let (ic, vc) = (index.take_changes(), vocab.take_changes());
        self.apply(index, &ic, vocab, &vc, kb, config)
    }

    /// [`Decisions::update`] with changes the caller took (for instance under a
    /// lock, then working on cheap clones of the index and vocabulary).
    pub fn apply(
        &mut self,
        index: &Index,
        ic: &IndexChanges,
        vocab: &Vocab,
        vc: &VocabChanges,
        kb: &Kb,
        config: &Config,
    ) -> DecisionChanges {
        let mut out = DecisionChanges::default();
        let names_sync = (index.token(), kb as *const Kb as usize, config.korean_names);
        let names_incremental = !ic.all
            && ic.entities.len() <= 1000.max(index.len() / FULL_SHARE)
            && self.names_sync == Some((ic.since, names_sync.1, names_sync.2));
        let words_sync = (vocab.token(), config.spelling);
        let words_incremental = self.words_sync == Some((vc.since, words_sync.1));
        let words = if words_incremental { words::update(&mut self.words, &mut self.word_state, vocab, vc, config) } else { None };
        let words_changed = match words {
            Some(changed) => {
                let any = !changed.is_empty();
                out.words = changed;
                any
            }
            None => {
                (self.words, self.word_state) = words::decide_with_state(vocab, config);
                out.full = true;
                true
            }
        };
        if words_changed {
            self.matcher = Arc::new(WordMatcher::new(&self.words));
        }
        if names_incremental {
            out.entities = cluster::update(&mut self.names, &mut self.name_state, index, ic, kb, config);
        } else {
            (self.names, self.name_state) = cluster::decide_with_state(index, kb, config);
            out.full = true;
        }
        self.names_sync = Some(names_sync);
        self.words_sync = Some(words_sync);
        out
    }

    /// The decided word forms in one document's text, in text order.
    pub fn word_hits(&self, text: &str) -> Vec<WordHit> {
        self.matcher.find(text)
    }
}
