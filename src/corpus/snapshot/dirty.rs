//! Which documents' findings a refresh can change.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use rayon::prelude::*;
use ropey::Rope;

use super::Snapshot;
use crate::corpus::findings::name_related;
use crate::corpus::{Corpus, DocId, Document};
use crate::index::EntityKey;

/// Whether a rope contains a match, read chunk by chunk (no copy of the text).
pub(super) fn rope_contains(ac: &aho_corasick::AhoCorasick, rope: &Rope) -> bool {
    struct Reader<'a> {
        chunks: ropey::iter::Chunks<'a>,
        cur: &'a [u8],
    }
    impl std::io::Read for Reader<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            while self.cur.is_empty() {
                match self.chunks.next() {
                    Some(c) => self.cur = c.as_bytes(),
                    None => return Ok(0),
                }
            }
            let n = self.cur.len().min(buf.len());
            buf[..n].copy_from_slice(&self.cur[..n]);
            self.cur = &self.cur[n..];
            Ok(n)
        }
    }
    let mut it = ac.stream_find_iter(Reader { chunks: rope.chunks(), cur: &[] });
    matches!(it.next(), Some(Ok(_)))
}

/// The documents whose findings can differ between `old` and `new`, where
/// `new` is `old` with the documents `applied` changed (and the index and
/// decisions brought up to date). A document's findings read its own text and
/// analysis, and, for its entities, the decisions of their name groups (forms
/// and counts, preferred form, rule), the places the group's forms are used
/// (`related`), "possibly the same" matches and the canonical name; and, for
/// its words, the word decisions of the forms in its text. So the dirty
/// documents are: the changed ones; the documents of every entity whose group,
/// flagged forms, possible match, canonical name or related places differ; and,
/// when word decisions differ, the documents containing one of those forms.
///
/// The related places the cached findings were computed with are the group's
/// list in `before`'s cache (one per snapshot lineage), so that is what the new
/// list is compared with; a group without one had no finding computed with it.
pub fn dirty_docs(before: &Snapshot, new: &Corpus, applied: &[DocId]) -> BTreeSet<DocId> {
    let old = &before.corpus;
    let mut dirty: BTreeSet<DocId> = applied.iter().copied().filter(|&id| new.doc(id).is_some()).collect();
    if !Arc::ptr_eq(&old.kb, &new.kb) || old.config != new.config {
        return new.docs().map(|d| d.id).collect();
    }
    let (od, nd) = (&old.decisions.names, &new.decisions.names);
    // Entities mentioned by the changed documents, before and after.
    let touched: HashSet<&EntityKey> =
        applied.iter().flat_map(|&id| old.index.keys_of_doc(id).iter().chain(new.index.keys_of_doc(id).iter())).collect();
    let mut keys: HashSet<EntityKey> = HashSet::new();
    // Groups: membership, forms and counts, preferred form, rule.
    for k in od.group_of.keys().chain(nd.group_of.keys()) {
        let a = od.group_of.get(k).map(|&g| &od.groups[g]);
        let b = nd.group_of.get(k).map(|&g| &nd.groups[g]);
        if a != b {
            keys.insert(k.clone());
        }
    }
    // Flagged forms.
    for (k, f) in od.flagged.keys().chain(nd.flagged.keys()) {
        if od.flagged.contains_key(&(k.clone(), f.clone())) != nd.flagged.contains_key(&(k.clone(), f.clone())) {
            keys.insert(k.clone());
        }
    }
    // "Possibly the same" (the first match of a key is the one reported).
    fn first(d: &crate::variants::NameDecisions) -> HashMap<&EntityKey, &crate::variants::cluster::Possible> {
        let mut m = HashMap::new();
        for p in &d.possible {
            m.entry(&p.rare).or_insert(p);
        }
        m
    }
    let (op, np) = (first(od), first(nd));
    for k in op.keys().chain(np.keys()) {
        if op.get(k) != np.get(k) {
            keys.insert((*k).clone());
        }
    }
    // Canonical names (one-word references) and related places of the touched
    // entities.
    let mut groups_seen: HashSet<usize> = HashSet::new();
    for &k in &touched {
        if od.preferred(k).is_none() && old.index.canonical_name(&old.kb, k) != new.index.canonical_name(&new.kb, k) {
            keys.insert(k.clone());
        }
        let cached = |go: usize| before.caches.related.lock().unwrap_or_else(|e| e.into_inner()).get(&go).cloned();
        if let (Some(&go), Some(&gn)) = (od.group_of.get(k), nd.group_of.get(k))
            && groups_seen.insert(gn)
            && od.groups[go] == nd.groups[gn]
            && let Some(list) = cached(go)
            && *list != name_related(new, gn)
        {
            keys.extend(nd.groups[gn].members.iter().cloned());
        }
    }
    for k in &keys {
        for ix in [&old.index, &new.index] {
            if let Some(e) = ix.get(k) {
                dirty.extend(e.docs.keys().copied().filter(|&id| new.doc(id).is_some()));
            }
        }
    }
    // Word decisions.
    let (ow, nw) = (&old.decisions.words, &new.decisions.words);
    let forms: Vec<&String> =
        ow.keys().chain(nw.keys()).filter(|f| ow.get(*f) != nw.get(*f)).collect::<BTreeSet<_>>().into_iter().collect();
    if !forms.is_empty() {
        if let Ok(ac) = aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(&forms) {
            let docs: Vec<&Arc<Document>> = new.docs().filter(|d| !dirty.contains(&d.id)).collect();
            let hit: Vec<DocId> = docs.par_iter().filter(|d| rope_contains(&ac, &d.rope)).map(|d| d.id).collect();
            dirty.extend(hit);
        } else {
            dirty.extend(new.docs().map(|d| d.id));
        }
    }
    dirty
}
