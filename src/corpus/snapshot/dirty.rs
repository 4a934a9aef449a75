//! Which documents' findings a refresh can change.

use std::collections::BTreeSet;
use std::sync::Arc;

use rayon::prelude::*;
use ropey::Rope;

use crate::corpus::{Corpus, DocId, Document};
use crate::variants::DecisionChanges;

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
/// `new` is `old` with the documents `applied` changed, the index brought up to
/// date and, if `changes` is given, the decisions too (`changes` is what
/// [`crate::variants::Decisions::update`] said changed). A document's findings
/// read its own text and analysis, and, for its entities, the decisions of
/// their name groups (forms and counts, preferred form, rule), the places the
/// group's forms are used, "possibly the same" matches and the canonical name;
/// and, for its words, the word decisions of the forms in its text. The
/// decisions' changes name the entities whose findings can have changed
/// (including through related places and canonical names) and the word forms
/// whose decision changed. So the dirty documents are: the changed ones; the
/// documents of every entity named, before and after; and the documents
/// containing one of the forms named.
///
/// Without `changes` (the index updated, the decisions not yet), only the
/// changed documents: the others' findings are brought up to date by the
/// refresh that follows, whose changes include everything since the last one.
pub fn dirty_docs(old: &Corpus, new: &Corpus, applied: &[DocId], changes: Option<&DecisionChanges>) -> BTreeSet<DocId> {
    let mut dirty: BTreeSet<DocId> = applied.iter().copied().filter(|&id| new.doc(id).is_some()).collect();
    let Some(changes) = changes else { return dirty };
    if changes.full || !Arc::ptr_eq(&old.kb, &new.kb) || old.config != new.config {
        return new.docs().map(|d| d.id).collect();
    }
    for k in &changes.entities {
        for ix in [&old.index, &new.index] {
            if let Some(e) = ix.get(k) {
                dirty.extend(e.docs.keys().copied().filter(|&id| new.doc(id).is_some()));
            }
        }
    }
    // Word decisions.
    let forms: Vec<&String> = changes.words.iter().collect();
    if !forms.is_empty() {
        if let Ok(ac) =
            aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).kind(Some(aho_corasick::AhoCorasickKind::DFA)).build(&forms)
        {
            let docs: Vec<&Arc<Document>> = new.docs().filter(|d| !dirty.contains(&d.id)).collect();
            let hit: Vec<DocId> = docs.par_iter().filter(|d| rope_contains(&ac, &d.rope)).map(|d| d.id).collect();
            dirty.extend(hit);
        } else {
            dirty.extend(new.docs().map(|d| d.id));
        }
    }
    dirty
}
