//! Who appears with whom: the number of articles two people are both mentioned
//! in. Counted per article over its distinct people (each an entity as
//! `byline entities` lists it), at most [`Caps::people_per_article`] of them —
//! the most mentioned in the corpus — so an article costs a bounded number of
//! pairs however many names it lists; pairs are keyed by the two people, never
//! enumerated over mentions.

use std::collections::HashMap;

use super::Caps;
use crate::corpus::Corpus;
use crate::corpus::view::EntityView;
use crate::index::EntityKey;
use crate::model::Kind;

/// The co-occurrence of the most mentioned people, and the strongest pairs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cooccurrence {
    /// The matrix's people, most mentioned first.
    pub people: Vec<String>,
    /// `matrix[i][j]`: articles mentioning both `people[i]` and `people[j]` (0 on the diagonal).
    pub matrix: Vec<Vec<u32>>,
    /// The strongest pairs (articles in common), strongest first.
    pub pairs: Vec<(String, String, u32)>,
    /// Pairs with at least one article in common.
    pub total_pairs: usize,
    /// Articles with more people than were counted for them.
    pub articles_capped: usize,
}

/// Counts the pairs of people of every article.
pub fn cooccurrence(corpus: &Corpus, entities: &[EntityView], caps: &Caps) -> Cooccurrence {
    // People by their index in `entities` (most mentioned first), found by any of their keys.
    let mut person: HashMap<&EntityKey, u32> = HashMap::new();
    for (i, e) in entities.iter().enumerate().filter(|(_, e)| e.kind == Kind::Person) {
        for k in &e.keys {
            person.insert(k, i as u32);
        }
    }
    let mut pairs: HashMap<(u32, u32), u32> = HashMap::new();
    let mut articles_capped = 0;
    let mut here: Vec<u32> = Vec::new();
    for doc in corpus.docs() {
        here.clear();
        here.extend(
            corpus
                .index
                .entities_of_doc(doc.id)
                .iter()
                .filter_map(|&id| corpus.index.entity(id))
                .filter_map(|e| person.get(&e.key).copied()),
        );
        here.sort_unstable();
        here.dedup();
        if here.len() > caps.people_per_article {
            articles_capped += 1;
            here.truncate(caps.people_per_article);
        }
        for (n, &a) in here.iter().enumerate() {
            for &b in &here[n + 1..] {
                *pairs.entry((a, b)).or_default() += 1;
            }
        }
    }
    let top: Vec<u32> =
        entities.iter().enumerate().filter(|(_, e)| e.kind == Kind::Person).map(|(i, _)| i as u32).take(caps.matrix_people).collect();
    let matrix = top
        .iter()
        .map(|&a| top.iter().map(|&b| if a == b { 0 } else { pairs.get(&(a.min(b), a.max(b))).copied().unwrap_or(0) }).collect())
        .collect();
    let mut strongest: Vec<((u32, u32), u32)> = pairs.iter().map(|(k, v)| (*k, *v)).collect();
    strongest.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let total_pairs = strongest.len();
    strongest.truncate(caps.pairs);
    let name = |i: u32| entities[i as usize].name.clone();
    Cooccurrence {
        people: top.iter().map(|&i| name(i)).collect(),
        matrix,
        pairs: strongest.into_iter().map(|((a, b), n)| (name(a), name(b), n)).collect(),
        total_pairs,
        articles_capped,
    }
}
