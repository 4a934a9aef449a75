//! Questions editors ask of the corpus, answered in engine terms (document ids and
//! byte ranges): the entity under a position, every mention of an entity across
//! the corpus, its first mention, edits that rename it or fix spellings, the
//! entities of a document, a fuzzy search over all entities, and names to
//! complete. The language server only converts the answers.

use std::collections::BTreeSet;

use super::findings::{Finding, all_findings, doc_findings};
use super::view::EntityView;
use super::{Corpus, DocId};
use crate::index::EntityKey;
use crate::model::{Kind, Mention, Span};

/// One mention somewhere in the corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MentionRef {
    pub doc: DocId,
    pub span: Span,
    pub kind: Kind,
    /// A surname-only or acronym reference.
    pub short: bool,
}

/// A text replacement in one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replacement {
    pub doc: DocId,
    pub span: Span,
    pub text: String,
}

impl Corpus {
    /// The mention covering byte `offset` of a document (touching its end counts).
    pub fn mention_at(&self, doc: DocId, offset: usize) -> Option<(usize, &Mention)> {
        let d = self.doc(doc)?;
        let ms = &d.analysis.mentions;
        let i = ms.partition_point(|m| m.span.end < offset);
        ms.get(i).filter(|m| m.span.start <= offset).map(|m| (i, m))
    }

    /// The index key of a document's mention.
    pub fn key_of(&self, doc: DocId, mention: &Mention) -> Option<EntityKey> {
        let d = self.doc(doc)?;
        Some(EntityKey::of(&self.kb, &d.analysis.entities[mention.entity]))
    }

    /// The entity (all its clustered spellings) a key belongs to.
    pub fn cluster(&self, key: &EntityKey) -> Vec<EntityKey> {
        match self.decisions.names.group_of(key) {
            Some(g) => g.members.clone(),
            None => vec![key.clone()],
        }
    }

    /// Every mention of the entities `keys`, in path and text order.
    pub fn mentions_of(&self, keys: &[EntityKey]) -> Vec<MentionRef> {
        let mut docs: BTreeSet<(String, DocId)> = BTreeSet::new();
        for k in keys {
            if let Some(g) = self.index.get(k) {
                for &d in g.docs.keys() {
                    if let Some(doc) = self.doc(d) {
                        docs.insert((doc.rel.clone(), d));
                    }
                }
            }
        }
        let mut out = Vec::new();
        for (_, d) in docs {
            let Some(doc) = self.doc(d) else { continue };
            let a = &doc.analysis;
            let doc_keys: Vec<EntityKey> = a.entities.iter().map(|e| EntityKey::of(&self.kb, e)).collect();
            for m in &a.mentions {
                if keys.contains(&doc_keys[m.entity]) {
                    out.push(MentionRef { doc: d, span: m.span.clone(), kind: m.kind, short: m.short });
                }
            }
        }
        out
    }

    /// The first mention of an entity: in the earliest dated article, then by path.
    pub fn first_mention(&self, keys: &[EntityKey]) -> Option<MentionRef> {
        self.mentions_of(keys).into_iter().filter(|m| !m.short).min_by_key(|m| {
            let d = self.doc(m.doc);
            (d.and_then(|d| d.date()).map_or((1, None), |x| (0, Some(x))), d.map(|d| d.rel.clone()), m.span.start)
        })
    }

    /// Edits that write every mention of an entity as `new_name`: full names
    /// become the new name; a one-word reference becomes the corresponding word
    /// of the new name (first or last), if the old full name had it there.
    pub fn rename_edits(&self, keys: &[EntityKey], new_name: &str) -> Vec<Replacement> {
        let new_words: Vec<&str> = new_name.split_whitespace().collect();
        let mut out = Vec::new();
        for m in self.mentions_of(keys) {
            let Some(doc) = self.doc(m.doc) else { continue };
            let old = doc.rope.byte_slice(m.span.clone()).to_string();
            let text = if !m.short {
                new_name.to_string()
            } else {
                // Which word of the full name the reference is.
                let full = doc.analysis.mentions.iter().find(|x| !x.short && self.key_of(m.doc, x).is_some_and(|k| keys.contains(&k)));
                let full_text = full.map(|f| doc.rope.byte_slice(f.span.clone()).to_string()).unwrap_or_default();
                let full_words: Vec<&str> = full_text.split_whitespace().collect();
                if family_name(&full_text).is_some_and(|w| w == old) {
                    family_name(new_name).unwrap_or(&old).to_string()
                } else if full_words.first().is_some_and(|w| *w == old) {
                    new_words.first().map(|w| w.to_string()).unwrap_or(old.clone())
                } else {
                    old.clone()
                }
            };
            if text != old {
                out.push(Replacement { doc: m.doc, span: m.span, text });
            }
        }
        out
    }

    /// Edits applying the preferred forms of findings (codes `inconsistent-spelling`
    /// and `house-style`; never inside quoted speech unless configured), for one
    /// document or the whole corpus.
    pub fn fix_edits(&self, doc: Option<DocId>, only_found: Option<&str>) -> Vec<Replacement> {
        let findings: Vec<Finding> = match doc {
            Some(d) => self.doc(d).map(|d| doc_findings(self, d)).unwrap_or_default(),
            None => all_findings(self),
        };
        findings
            .into_iter()
            .filter(|f| f.fixed_by_default(&self.config))
            .filter(|f| only_found.is_none_or(|o| o == f.data.found))
            .map(|f| Replacement { doc: f.doc, span: f.span, text: f.data.preferred })
            .collect()
    }

    /// The entities of one document with their first mention, in text order.
    pub fn doc_entities(&self, doc: DocId) -> Vec<(EntityKey, String, Kind, Span)> {
        let Some(d) = self.doc(doc) else { return Vec::new() };
        let a = &d.analysis;
        let mut seen = vec![false; a.entities.len()];
        let mut out = Vec::new();
        for m in &a.mentions {
            if seen[m.entity] {
                continue;
            }
            seen[m.entity] = true;
            let key = EntityKey::of(&self.kb, &a.entities[m.entity]);
            let name = self.entity(&key).map(|v| v.name).unwrap_or_else(|| a.entities[m.entity].name.clone());
            out.push((key, name, m.kind, m.span.clone()));
        }
        out
    }

    /// Entities whose name or a spelling matches `query` fuzzily (all its
    /// characters in order, case-insensitively), best first; at most `limit`.
    pub fn search_entities(&self, query: &str, limit: usize) -> Vec<EntityView> {
        search_entities_in(&self.entities(), query, limit)
    }

    /// Preferred names of entities with a word starting with `prefix` ("Stolt"
    /// finds Jens Stoltenberg; case- and diacritic-insensitive), most mentioned
    /// first.
    pub fn complete_names(&self, prefix: &str, limit: usize) -> Vec<EntityView> {
        complete_names_in(&self.entities(), prefix, limit)
    }
}

/// [`Corpus::search_entities`] among entities already listed (most mentioned
/// first, as [`Corpus::entities`] gives them).
pub fn search_entities_in(entities: &[EntityView], query: &str, limit: usize) -> Vec<EntityView> {
    let q: Vec<char> = crate::fold::fold(query).chars().filter(|c| !c.is_whitespace()).collect();
    let mut scored: Vec<(i64, &EntityView)> = entities
        .iter()
        .filter_map(|v| {
            let best =
                std::iter::once(v.name.as_str()).chain(v.forms.iter().map(|(f, _)| f.as_str())).filter_map(|s| fuzzy_score(&q, s)).max()?;
            Some((best * 1000 + i64::from(v.mentions.min(999)), v))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.name.cmp(&b.1.name)));
    scored.into_iter().take(limit).map(|(_, v)| v.clone()).collect()
}

/// [`Corpus::complete_names`] among entities already listed.
pub fn complete_names_in(entities: &[EntityView], prefix: &str, limit: usize) -> Vec<EntityView> {
    let p = crate::fold::fold(prefix);
    if p.is_empty() {
        return Vec::new();
    }
    let words = |s: &str| crate::fold::fold(s).split([' ', '-']).any(|w| w.starts_with(&p)) || crate::fold::fold(s).starts_with(&p);
    entities.iter().filter(|v| words(&v.name) || v.forms.iter().any(|(f, _)| words(f))).take(limit).cloned().collect()
}

/// The family name of a person's name: the Korean family name wherever it
/// stands ("Wi" in both "Wi Sung-lac" and "Seongrak Wi"), else the last word.
fn family_name(name: &str) -> Option<&str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let (first, last) = (words.first()?, words.last()?);
    if words.len() > 1 && crate::keys::is_korean_name(name) {
        if crate::romanize::is_korean_surname(first)
            && !(crate::romanize::is_korean_surname(last)
                && !last.contains('-')
                && words.len() == 2
                && crate::romanize::is_korean_given_word(first))
        {
            return Some(first);
        }
        return Some(last);
    }
    Some(last)
}

/// A fuzzy match score: every query char in order; contiguous runs and a match
/// at the start score higher. None when not all chars are found.
fn fuzzy_score(q: &[char], s: &str) -> Option<i64> {
    if q.is_empty() {
        return Some(0);
    }
    let s: Vec<char> = crate::fold::fold(s).chars().filter(|c| !c.is_whitespace()).collect();
    let mut score = 0i64;
    let mut qi = 0;
    let mut last: Option<usize> = None;
    for (i, c) in s.iter().enumerate() {
        if qi < q.len() && *c == q[qi] {
            score += if last == Some(i.wrapping_sub(1)) { 3 } else { 1 };
            if i == 0 {
                score += 5;
            }
            last = Some(i);
            qi += 1;
        }
    }
    (qi == q.len()).then_some(score - (s.len() as i64 - q.len() as i64).max(0) / 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_scores_prefer_starts_and_runs() {
        let q: Vec<char> = "stolt".chars().collect();
        assert!(fuzzy_score(&q, "Jens Stoltenberg").is_some());
        assert!(fuzzy_score(&q, "Stoltenberg") > fuzzy_score(&q, "Jens Stoltenberg"));
        assert!(fuzzy_score(&q, "Seoul").is_none());
    }
}
