//! Snapshots of the corpus for a server that answers while the corpus changes.
//!
//! A [`Corpus`] is cheap to clone: its documents are a [`Table`] of chunks
//! behind `Arc`s and its index, vocabulary and decisions are [`Shared`]
//! (copy-on-write), so a clone is an immutable snapshot and replacing one
//! document copies one chunk of 64 pointers, not the table.
//!
//! A [`Snapshot`] is a corpus with each document's findings cached (computed
//! once, on first use, then shared by every later snapshot in which neither the
//! document nor anything its findings read has changed) and the views that are
//! costly to rebuild (every group's related places, the entity list). The
//! language server keeps one snapshot it writes to and publishes clones of it:
//!
//! - a keystroke replaces one document ([`Snapshot::set_document`]): it is
//!   re-analysed and its findings read against the current decisions; the
//!   index, vocabulary and decisions are left as they are (the document is
//!   *pending*);
//! - a refresh ([`Snapshot::refresh`], slow, on a clone, without any lock) adds
//!   the pending documents to the index and vocabulary, recomputes the
//!   decisions, works out which documents' findings can have changed
//!   ([`dirty_docs`]) and recomputes only those; [`Snapshot::finish_refresh`]
//!   then merges the result into the live snapshot, keeping whatever changed
//!   in the meantime.
//!
//! Invariant: a snapshot's cached findings of a document are the findings
//! [`doc_findings`](super::findings::doc_findings) gives for it in that
//! snapshot's corpus, except for pending documents, whose findings are read
//! against the decisions and index from before they changed.

mod dirty;
mod shared;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use rayon::prelude::*;
use ropey::Rope;

use super::findings::{Finding, Related, doc_findings_with, name_related};
use super::query::Replacement;
use super::tally::Tally;
use super::view::EntityView;
use super::{Corpus, DocId, Document, analyze_guarded, files};
use crate::model::{Date, DocAnalysis};
use crate::variants::{GroupId, NameGroup};
use crate::vocab::vocabulary;
pub use dirty::dirty_docs;
pub use shared::{Shared, Table};

// ------------------------------------------------- deferred document changes

fn same_doc(a: Option<&Arc<Document>>, b: Option<&Arc<Document>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Arc::ptr_eq(a, b),
        (None, None) => true,
        _ => false,
    }
}

impl Corpus {
    /// The version of a document the index and vocabulary hold (taking it out
    /// of the pending set: the caller is about to update them).
    pub(super) fn indexed_version(&mut self, id: DocId) -> Option<Arc<Document>> {
        match self.unindexed.remove(&id) {
            Some(v) => v,
            None => self.doc(id).cloned(),
        }
    }

    /// Replaces (or adds) a document with an editor's rope, re-analysing only it,
    /// and leaves the index, vocabulary and decisions as they are: the document
    /// is pending until [`Corpus::apply_pending`] (or [`Corpus::refresh`]).
    /// `modified` is the file's modification date; `None` (an editor's buffer)
    /// keeps the one the document had from disk, so opening a file does not
    /// change its date.
    pub fn set_document(&mut self, path: PathBuf, rope: Rope, modified: Option<Date>) -> DocId {
        let text = rope.to_string();
        let modified = modified.or_else(|| self.doc_by_path(&path).and_then(|d| d.modified));
        let file = files::file_dates(&self.config.root, &path, modified);
        let analysis = match analyze_guarded(&text, &self.kb, file) {
            Ok((a, _)) => a,
            Err(reason) => {
                self.skipped.retain(|s| s.path != path);
                self.skipped.push(files::Skipped { path: path.clone(), reason });
                DocAnalysis::default()
            }
        };
        self.set_analysed(path, rope, modified, analysis)
    }

    /// Whether a document has exactly this text.
    pub fn has_text(&self, path: &Path, rope: &Rope) -> bool {
        self.doc_by_path(path).is_some_and(|d| d.rope == *rope)
    }

    /// [`Corpus::set_document`] with the analysis already made (off the
    /// caller's lock); it must have been made with this corpus's knowledge base.
    pub fn set_analysed(&mut self, path: PathBuf, rope: Rope, modified: Option<Date>, analysis: DocAnalysis) -> DocId {
        let id = match self.by_path.get(&path) {
            Some(&id) => {
                let old = self.doc(id).cloned();
                self.unindexed.entry(id).or_insert(old);
                id
            }
            None => {
                let id = self.docs.len() as DocId;
                self.docs.push(None);
                self.by_path.insert(path.clone(), id);
                self.unindexed.entry(id).or_insert(None);
                id
            }
        };
        let rel = files::relative(&self.config.root, &path);
        let doc = Document { id, path, rel, rope, modified, analysis: Arc::new(analysis) };
        self.docs[id as usize] = Some(Arc::new(doc));
        id
    }

    /// Removes a document, leaving the index and vocabulary for
    /// [`Corpus::apply_pending`]. Returns its id if it was there.
    pub fn unset_document(&mut self, path: &Path) -> Option<DocId> {
        let id = self.by_path.remove(path)?;
        let old = self.doc(id).cloned();
        self.unindexed.entry(id).or_insert(old);
        self.docs[id as usize] = None;
        Some(id)
    }

    /// Whether documents changed since the index was last updated.
    pub fn has_pending(&self) -> bool {
        !self.unindexed.is_empty()
    }

    /// Brings the index and vocabulary up to date with the pending documents
    /// (the decisions are left to [`Corpus::refresh`]). Returns their ids.
    pub fn apply_pending(&mut self) -> Vec<DocId> {
        let mut pending: Vec<(DocId, Option<Arc<Document>>)> = std::mem::take(&mut self.unindexed).into_iter().collect();
        pending.sort_by_key(|p| p.0);
        let ids: Vec<DocId> = pending.iter().map(|p| p.0).collect();
        let kb = self.kb.clone();
        for id in ids {
            match self.doc(id).cloned() {
                Some(new) => self.index.add(&kb, id, &new.analysis, &new.text()),
                None => self.index.remove(id),
            }
        }
        for (id, old) in &pending {
            if let Some(old) = old {
                self.vocab.sub(&vocabulary(&old.text()));
            }
            if let Some(new) = self.doc(*id).cloned() {
                self.vocab.add(&vocabulary(&new.text()));
            }
        }
        pending.into_iter().map(|p| p.0).collect()
    }
}

// ---------------------------------------------------------------- snapshots

/// One document's findings, computed on first use.
#[derive(Debug, Default)]
struct Cell(OnceLock<Arc<Vec<Finding>>>);

/// What is costly to rebuild and valid for one index and one set of decisions.
#[derive(Default)]
struct Caches {
    /// Places each name group's forms are used, by group.
    related: Mutex<HashMap<GroupId, Arc<[Related]>>>,
    entities: OnceLock<Arc<Vec<EntityView>>>,
    /// Each entity's view, by any of its keys, built on first use.
    views: Mutex<HashMap<crate::index::EntityKey, Option<Arc<EntityView>>>>,
}

/// A corpus with its documents' findings cached. Cheap to clone; a clone does
/// not change when the original does.
#[derive(Clone)]
pub struct Snapshot {
    pub corpus: Corpus,
    /// By document id.
    cells: Table<Arc<Cell>>,
    caches: Arc<Caches>,
    /// Bumped by every change to the index not made by merging a refresh (a
    /// new corpus, [`Snapshot::index_now`]): a refresh begun before one is
    /// discarded.
    epoch: u64,
    /// The index changed since the decisions were computed.
    stale_decisions: bool,
}

/// What a refresh computed ([`Snapshot::refresh`]), to merge with
/// [`Snapshot::finish_refresh`].
pub struct Refresh {
    after: Snapshot,
    /// Documents added to the index.
    applied: Vec<DocId>,
    /// Documents whose findings were invalidated.
    dirty: Vec<DocId>,
    /// Of those, the ones whose findings were known before and differ now.
    changed: Vec<DocId>,
    flagged_changed: bool,
    /// How long each step took.
    pub timings: Vec<(&'static str, std::time::Duration)>,
}

impl Refresh {
    /// How many documents' findings were invalidated.
    pub fn dirty(&self) -> usize {
        self.dirty.len()
    }
}

/// What a merged refresh changed.
#[derive(Debug, Default)]
pub struct RefreshOutcome {
    /// Documents whose findings (as last computed) changed.
    pub changed: Vec<DocId>,
    /// Whether any name spelling was flagged or unflagged (semantic tokens).
    pub flagged_changed: bool,
    /// Documents whose findings were invalidated.
    pub dirty: usize,
    /// Documents whose change went into the index (added, changed, removed).
    pub applied: Vec<DocId>,
}

impl Snapshot {
    /// A snapshot of a corpus (nothing computed yet).
    pub fn new(corpus: Corpus) -> Snapshot {
        let mut s = Snapshot { corpus, cells: Table::default(), caches: Arc::default(), epoch: 0, stale_decisions: false };
        s.grow_cells();
        s
    }

    /// Replaces the whole corpus (a reload): every cached finding goes.
    pub fn replace_corpus(&mut self, corpus: Corpus) {
        let epoch = self.epoch + 1;
        *self = Snapshot::new(corpus);
        self.epoch = epoch;
    }

    fn grow_cells(&mut self) {
        while self.cells.len() < self.corpus.docs.len() {
            self.cells.push(Arc::default());
        }
    }

    fn reset_cell(&mut self, id: DocId) {
        self.grow_cells();
        if let Some(c) = self.cells.get_mut(id as usize) {
            *c = Arc::default();
        }
    }

    /// [`Corpus::set_document`], dropping the document's cached findings.
    pub fn set_document(&mut self, path: PathBuf, rope: Rope, modified: Option<Date>) -> DocId {
        let id = self.corpus.set_document(path, rope, modified);
        self.reset_cell(id);
        id
    }

    /// [`Corpus::set_analysed`], dropping the document's cached findings.
    pub fn set_analysed(&mut self, path: PathBuf, rope: Rope, modified: Option<Date>, analysis: DocAnalysis) -> DocId {
        let id = self.corpus.set_analysed(path, rope, modified, analysis);
        self.reset_cell(id);
        id
    }

    /// [`Corpus::unset_document`], dropping the document's cached findings.
    pub fn unset_document(&mut self, path: &Path) -> Option<DocId> {
        let id = self.corpus.unset_document(path)?;
        self.reset_cell(id);
        Some(id)
    }

    /// The places a name group's forms are used, computed once per snapshot
    /// lineage (until the index or decisions change).
    fn related(&self, g: &NameGroup) -> Arc<[Related]> {
        if let Some(r) = self.caches.related.lock().unwrap_or_else(|e| e.into_inner()).get(&g.id) {
            return r.clone();
        }
        let r: Arc<[Related]> = name_related(&self.corpus, g).into();
        self.caches.related.lock().unwrap_or_else(|e| e.into_inner()).entry(g.id.clone()).or_insert(r).clone()
    }

    /// The findings of a document (empty if there is no such document),
    /// computed on first use. A panic while computing them propagates and
    /// leaves nothing cached.
    pub fn findings(&self, id: DocId) -> Arc<Vec<Finding>> {
        let Some(doc) = self.corpus.doc(id) else { return Arc::default() };
        let Some(cell) = self.cells.get(id as usize) else {
            return Arc::new(doc_findings_with(&self.corpus, doc, &|g| self.related(g)));
        };
        cell.0.get_or_init(|| Arc::new(doc_findings_with(&self.corpus, doc, &|g| self.related(g)))).clone()
    }

    /// [`Snapshot::findings`] with a panic turned into an error message.
    pub fn try_findings(&self, id: DocId) -> Result<Arc<Vec<Finding>>, String> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.findings(id))).map_err(|e| panic_message(&*e))
    }

    /// The findings already computed for a document, if they are.
    pub fn cached_findings(&self, id: DocId) -> Option<Arc<Vec<Finding>>> {
        self.cells.get(id as usize).and_then(|c| c.0.get().cloned())
    }

    /// Computes every document's findings (in parallel); returns the documents
    /// whose computation panicked, with the message.
    pub fn compute_all(&self) -> Vec<(DocId, String)> {
        let ids: Vec<DocId> = self.corpus.docs().map(|d| d.id).collect();
        ids.par_iter().filter_map(|&id| self.try_findings(id).err().map(|e| (id, e))).collect()
    }

    /// The [`Tally`] of the corpus's findings (every document's computed): the
    /// count the status and the "Fix all" actions report.
    pub fn tally(&self) -> Tally {
        let ids: Vec<DocId> = self.corpus.docs().map(|d| d.id).collect();
        let config = &self.corpus.config;
        ids.par_iter().map(|&id| self.try_findings(id).map_or_else(|_| Tally::default(), |f| Tally::of(f.iter(), config))).reduce(
            Tally::default,
            |mut a, b| {
                a.merge(&b);
                a
            },
        )
    }

    /// Every entity, most mentioned first ([`Corpus::entities`]), built once
    /// per index and decisions.
    pub fn entities(&self) -> Arc<Vec<EntityView>> {
        self.caches.entities.get_or_init(|| Arc::new(self.corpus.entities())).clone()
    }

    /// [`Corpus::entity`], built once per index and decisions (hover, symbols
    /// and code actions ask for the same few entities again and again, and the
    /// view of a person in thousands of articles gathers every claim). Its
    /// claims are kept latest first, so [`EntityView::history`] finds them
    /// sorted.
    pub fn entity(&self, key: &crate::index::EntityKey) -> Option<Arc<EntityView>> {
        if let Some(v) = self.caches.views.lock().unwrap_or_else(|e| e.into_inner()).get(key) {
            return v.clone();
        }
        let view = self.corpus.entity(key).map(|mut v| {
            v.claims = v.history().into_iter().cloned().collect();
            Arc::new(v)
        });
        self.caches.views.lock().unwrap_or_else(|e| e.into_inner()).entry(key.clone()).or_insert(view).clone()
    }

    /// [`Corpus::fix_edits`] read from the cached findings.
    pub fn fix_edits(&self, doc: Option<DocId>, only_found: Option<&str>) -> Vec<Replacement> {
        let ids: Vec<DocId> = match doc {
            Some(d) => vec![d],
            None => {
                let mut docs: Vec<&Arc<Document>> = self.corpus.docs().collect();
                docs.sort_by(|a, b| a.rel.cmp(&b.rel));
                docs.iter().map(|d| d.id).collect()
            }
        };
        if doc.is_none() {
            // Warm the cache in parallel first.
            ids.par_iter().for_each(|&id| {
                let _ = self.try_findings(id);
            });
        }
        let mut out = Vec::new();
        for id in ids {
            for f in self.findings(id).iter() {
                if f.fixed_by_default(&self.corpus.config) && only_found.is_none_or(|o| o == f.data.found) {
                    out.push(Replacement { doc: f.doc, span: f.span.clone(), text: f.data.preferred.clone() });
                }
            }
        }
        out
    }

    /// Whether documents changed since the last refresh.
    pub fn needs_refresh(&self) -> bool {
        self.corpus.has_pending() || self.stale_decisions
    }

    /// Brings the index up to date with the pending documents at once (the
    /// decisions wait for the next [`Snapshot::refresh`]), recomputing the
    /// findings that can have changed lazily. For a document just opened, whose
    /// entities hover and references should show at once; it copies the index
    /// if a snapshot shares it. A refresh running meanwhile is discarded.
    pub fn index_now(&mut self) -> RefreshOutcome {
        let r = self.compute_refresh(false);
        let out = match self.finish_refresh(r) {
            Ok(o) => o,
            Err(_) => unreachable!("a refresh of this snapshot has its epoch"),
        };
        self.epoch += 1;
        out
    }

    /// The corpus-wide refresh, computed on a copy (slow: call it without
    /// holding any lock writers need): the pending documents go into the index
    /// and vocabulary, the decisions are brought up to date with what changed
    /// ([`crate::variants::Decisions::update`]), and the findings of the
    /// documents that can have changed ([`dirty_docs`]) are dropped and, where
    /// they had been computed before, recomputed and compared.
    pub fn refresh(&self) -> Refresh {
        self.compute_refresh(true)
    }

    fn compute_refresh(&self, decide: bool) -> Refresh {
        let before = self;
        let mut timings = Vec::new();
        let mut t = std::time::Instant::now();
        let mut lap = |what: &'static str| {
            timings.push((what, t.elapsed()));
            t = std::time::Instant::now();
        };
        let mut after = self.clone();
        let applied = after.corpus.apply_pending();
        lap("index");
        let changes = decide.then(|| after.corpus.refresh_changes());
        lap("decisions");
        after.stale_decisions = !decide && (self.stale_decisions || !applied.is_empty());
        after.caches = Arc::default();
        let dirty: Vec<DocId> = dirty_docs(&before.corpus, &after.corpus, &applied, changes.as_ref()).into_iter().collect();
        lap("dirty");
        for &id in &dirty {
            after.reset_cell(id);
        }
        after.grow_cells();
        let changed: Vec<DocId> = dirty
            .par_iter()
            .copied()
            .filter(|&id| match before.cached_findings(id) {
                Some(old) => after.try_findings(id).map_or(true, |new| new != old),
                None => false,
            })
            .collect();
        let flagged_changed = changes.is_some_and(|c| c.full || !c.entities.is_empty());
        lap("findings");
        Refresh { after, applied, dirty, changed, flagged_changed, timings }
    }

    /// Merges a refresh begun on a clone of this snapshot: the new index,
    /// vocabulary and decisions, and the recomputed findings of documents that
    /// did not change meanwhile (those that did stay pending). Gives the refresh
    /// back if the corpus was replaced meanwhile (it is then stale).
    pub fn finish_refresh(&mut self, r: Refresh) -> Result<RefreshOutcome, Box<Refresh>> {
        if r.after.epoch != self.epoch {
            return Err(Box::new(r));
        }
        let Refresh { after, applied, dirty, changed, flagged_changed, .. } = r;
        self.corpus.index = after.corpus.index.clone();
        self.corpus.vocab = after.corpus.vocab.clone();
        self.corpus.decisions = after.corpus.decisions.clone();
        self.caches = after.caches.clone();
        self.stale_decisions = after.stale_decisions;
        for &id in &applied {
            let then = after.corpus.doc(id);
            if same_doc(self.corpus.doc(id), then) {
                self.corpus.unindexed.remove(&id);
            } else {
                self.corpus.unindexed.insert(id, then.cloned());
            }
        }
        self.grow_cells();
        for &id in &dirty {
            if same_doc(self.corpus.doc(id), after.corpus.doc(id))
                && let (Some(mine), Some(theirs)) = (self.cells.get_mut(id as usize), after.cells.get(id as usize))
            {
                *mine = theirs.clone();
            }
        }
        let changed = changed.into_iter().filter(|&id| same_doc(self.corpus.doc(id), after.corpus.doc(id))).collect();
        Ok(RefreshOutcome { changed, flagged_changed, dirty: dirty.len(), applied })
    }

    /// Counts for a status display: documents, entities, findings.
    pub fn counts(&self) -> (usize, usize, Tally) {
        let c = &self.corpus;
        let mut groups = HashSet::new();
        let mut entities = 0;
        for (k, _) in c.index.iter() {
            match c.decisions.names.group_of(k) {
                Some(g) => {
                    if groups.insert(&g.id) {
                        entities += 1;
                    }
                }
                None => entities += 1,
            }
        }
        (c.len(), entities, self.tally())
    }
}

/// The message of a caught panic.
pub fn panic_message(e: &(dyn std::any::Any + Send)) -> String {
    e.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| e.downcast_ref::<String>().cloned()).unwrap_or_else(|| "panic".into())
}
