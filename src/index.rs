//! The corpus-wide index: every entity with the spellings it is written in, its
//! mentions and documents, and its role claims with their article dates. Adding or
//! removing one document touches only that document's entities — nothing is
//! re-read or re-analysed.
//!
//! Invariant: the index is a function of the set of document analyses, whatever
//! the order they were added or removed in (property-tested in
//! `tests/incremental.rs`); it holds spellings and counts, never document text.

pub mod cow;
pub mod summary;
#[cfg(test)]
mod tests;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use rustc_hash::FxHashMap;

use crate::fold::squash;
use crate::kb::Kb;
use crate::lexicon::lexicon;
use crate::model::{Claim, Date, DocAnalysis, DocEntity, DocId, Kind};
use cow::{ChunkVec, ShardMap};

/// A corpus-wide entity identity: the knowledge-base entry, or the kind and the
/// squashed spelling of the fullest form. Cloning one is a reference count.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKey {
    Kb(Arc<str>),
    Name(Kind, Arc<str>),
}

impl EntityKey {
    /// The identity of a document's entity.
    pub fn of(kb: &Kb, e: &DocEntity) -> EntityKey {
        match e.kb {
            Some(id) => EntityKey::Kb(kb.entry(id).name.as_str().into()),
            None => EntityKey::Name(e.kind, squash(&e.name).into()),
        }
    }
}

/// The index's number for an entity, valid while the entity is in the index (a
/// number is reused after its entity leaves).
pub type EntityId = u32;

/// One claim with where and when it was made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedClaim {
    pub doc: DocId,
    pub date: Option<Date>,
    /// The file's modification time decided the date (all of it, or a
    /// dateline's year: [`crate::model::DateSource::is_file_time`]). Such a date
    /// never outranks one the article or its file name states.
    pub file_date: bool,
    pub claim: Claim,
}

/// Everything the corpus says about one entity.
#[derive(Clone, Debug)]
pub struct CorpusEntity {
    pub key: EntityKey,
    pub kind: Option<Kind>,
    /// Knowledge-base entry index, if linked.
    pub kb: Option<usize>,
    /// Full-form spellings (not surname-only or acronym references) and counts.
    pub forms: Forms,
    pub mentions: u32,
    /// Mentions per document.
    pub docs: DocCounts,
    pub claims: Vec<DatedClaim>,
}

/// An entity's spellings with their counts, in spelling order (each spelling
/// stored once, shared with the documents that use it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Forms(Vec<(Arc<str>, u32)>);

impl Forms {
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, u32)> + DoubleEndedIterator + Clone {
        self.0.iter().map(|(f, n)| (&**f, *n))
    }

    pub fn keys(&self) -> impl ExactSizeIterator<Item = &str> + DoubleEndedIterator + Clone {
        self.0.iter().map(|(f, _)| &**f)
    }

    pub fn get(&self, form: &str) -> Option<u32> {
        self.0.binary_search_by(|(f, _)| (**f).cmp(form)).ok().map(|i| self.0[i].1)
    }

    pub fn contains_key(&self, form: &str) -> bool {
        self.get(form).is_some()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Adds `n` uses of `form`; returns the shared spelling.
    fn add(&mut self, form: &str, n: u32) -> Arc<str> {
        match self.0.binary_search_by(|(f, _)| (**f).cmp(form)) {
            Ok(i) => {
                self.0[i].1 += n;
                self.0[i].0.clone()
            }
            Err(i) => {
                let f: Arc<str> = form.into();
                self.0.insert(i, (f.clone(), n));
                f
            }
        }
    }

    fn sub(&mut self, form: &str, n: u32) {
        if let Ok(i) = self.0.binary_search_by(|(f, _)| (**f).cmp(form)) {
            self.0[i].1 -= n;
            if self.0[i].1 == 0 {
                self.0.remove(i);
            }
        }
    }
}

impl<'a> IntoIterator for &'a Forms {
    type Item = (&'a str, u32);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (Arc<str>, u32)>, fn(&'a (Arc<str>, u32)) -> (&'a str, u32)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(f, n)| (&**f, *n))
    }
}

/// Mentions per document, in document order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocCounts(Vec<(DocId, u32)>);

impl DocCounts {
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &DocId> + DoubleEndedIterator + Clone {
        self.0.iter().map(|(d, _)| d)
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = (DocId, u32)> + DoubleEndedIterator + Clone + '_ {
        self.0.iter().copied()
    }

    pub fn get(&self, doc: DocId) -> Option<u32> {
        self.0.binary_search_by_key(&doc, |(d, _)| *d).ok().map(|i| self.0[i].1)
    }

    pub fn contains_key(&self, doc: DocId) -> bool {
        self.get(doc).is_some()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn add(&mut self, doc: DocId, n: u32) {
        match self.0.last_mut() {
            Some(l) if l.0 == doc => l.1 += n,
            Some(l) if l.0 < doc => self.0.push((doc, n)),
            None => self.0.push((doc, n)),
            _ => match self.0.binary_search_by_key(&doc, |(d, _)| *d) {
                Ok(i) => self.0[i].1 += n,
                Err(i) => self.0.insert(i, (doc, n)),
            },
        }
    }

    fn remove(&mut self, doc: DocId) -> Option<u32> {
        let i = self.0.binary_search_by_key(&doc, |(d, _)| *d).ok()?;
        Some(self.0.remove(i).1)
    }
}

impl CorpusEntity {
    /// The most used full spelling (ties: the longest, then alphabetical).
    pub fn majority_form(&self) -> Option<&str> {
        self.forms.iter().max_by(|a, b| a.1.cmp(&b.1).then(a.0.len().cmp(&b.0.len())).then(b.0.cmp(a.0))).map(|(f, _)| f)
    }

    /// Role claims, latest article first (see [`latest_first`]).
    pub fn claims_latest_first(&self) -> Vec<&DatedClaim> {
        latest_first(&self.claims)
    }

    /// The role and affiliation as of the latest evidence (see [`current_role`]).
    pub fn current_role(&self) -> (Option<String>, Option<String>) {
        current_role(&self.claims)
    }
}

/// Role claims, latest article first (articles dated only by their file after
/// those that state a date; undated last), explicit before inferred, longer
/// titles first.
pub fn latest_first(claims: &[DatedClaim]) -> Vec<&DatedClaim> {
    let mut v: Vec<&DatedClaim> = claims.iter().collect();
    v.sort_by(|a, b| {
        let stated = |c: &DatedClaim| c.date.is_some() && !c.file_date;
        stated(b)
            .cmp(&stated(a))
            .then(b.date.cmp(&a.date))
            .then(a.claim.inferred.cmp(&b.claim.inferred))
            .then(b.claim.role.as_ref().map_or(0, String::len).cmp(&a.claim.role.as_ref().map_or(0, String::len)))
            .then(a.doc.cmp(&b.doc))
            .then(a.claim.span.start.cmp(&b.claim.span.start))
    });
    v
}

/// The role and affiliation as of the latest evidence: the most specific (longest)
/// role of the latest article that gives one, a present role before a former one
/// ("former economy minister X as armed forces minister"), a job before a rank (Lt Gen X,
/// "the army chief"); the affiliation of the latest claim
/// that states one, an inferred one only if none does.
pub fn current_role(claims: &[DatedClaim]) -> (Option<String>, Option<String>) {
    let claims = latest_first(claims);
    // The latest article's date, and whether it is a file date: a file date equal
    // to a stated one is not the same evidence.
    let latest_with_role = claims.iter().find(|c| c.claim.role.is_some()).map(|c| (c.date, c.file_date));
    let role = claims
        .iter()
        .filter(|c| c.claim.role.is_some() && Some((c.date, c.file_date)) == latest_with_role)
        .max_by(|a, b| {
            let (ra, rb) = (a.claim.role.as_deref().unwrap_or(""), b.claim.role.as_deref().unwrap_or(""));
            let former = |r: &str| r.to_ascii_lowercase().starts_with("former ") || r.to_ascii_lowercase().starts_with("ex-");
            let rank = |r: &str| lexicon().is_rank(r);
            rank(rb).cmp(&rank(ra)).then(former(rb).cmp(&former(ra))).then(ra.len().cmp(&rb.len())).then(rb.cmp(ra))
        })
        .and_then(|c| c.claim.role.clone());
    let affil = claims
        .iter()
        .filter(|c| !c.claim.inferred)
        .find_map(|c| c.claim.affiliation.clone())
        .or_else(|| claims.iter().find_map(|c| c.claim.affiliation.clone()));
    (role, affil)
}

/// What one document added: its entities, and the spellings it used of each.
#[derive(Clone, Debug)]
struct DocEntry {
    /// Every entity of the document, in number order.
    entities: Box<[EntityId]>,
    /// (entity, count, spelling) of its full-form mentions.
    forms: Box<[(EntityId, u32, Arc<str>)]>,
}

/// An entity as it was at the last [`Index::take_changes`], for whoever keeps
/// decisions about it up to date.
#[derive(Clone, Debug)]
pub struct Before {
    pub key: EntityKey,
    pub kind: Option<Kind>,
    pub forms: Forms,
}

/// What changed in the index since the last [`Index::take_changes`]: every entity
/// whose spellings, mentions, documents, claims, kind or knowledge-base link may
/// have changed (including the entities of every document added or removed, whose
/// company changed), with what it was before (`None`: it did not exist).
#[derive(Clone, Debug, Default)]
pub struct IndexChanges {
    /// The [`Index::token`] these changes are since.
    pub since: u64,
    /// Too many changes to list (or the index was new): everything may have changed.
    pub all: bool,
    pub entities: FxHashMap<EntityId, Option<Before>>,
}

impl IndexChanges {
    pub fn is_empty(&self) -> bool {
        !self.all && self.entities.is_empty()
    }
}

/// Beyond this many changed entities, changes are no longer listed one by one
/// (the next refresh recomputes everything).
const MAX_LISTED_CHANGES: usize = 100_000;

static NEXT_TOKEN: AtomicU64 = AtomicU64::new(1);

/// A number never handed out before (identifies a state of the index or the vocabulary).
pub fn fresh_token() -> u64 {
    NEXT_TOKEN.fetch_add(1, Ordering::Relaxed)
}

/// One document's contribution, prepared without the index (so documents can be
/// prepared in parallel and added in any order).
#[derive(Clone, Debug)]
pub struct PreparedDoc {
    doc: DocId,
    entities: Vec<PreparedEntity>,
}

#[derive(Clone, Debug)]
struct PreparedEntity {
    key: EntityKey,
    kind: Kind,
    kb: Option<usize>,
    claims: Vec<DatedClaim>,
    mentions: u32,
    /// Full-form spellings with counts, in spelling order.
    forms: Vec<(String, u32)>,
}

/// The index. Cloning it is cheap: entities, documents and the key table are
/// shared until changed (see [`cow`]).
#[derive(Clone, Debug)]
pub struct Index {
    ids: ShardMap<EntityKey, EntityId>,
    entities: ChunkVec<Option<Arc<CorpusEntity>>>,
    free: Vec<EntityId>,
    docs: ChunkVec<Option<Arc<DocEntry>>>,
    live: usize,
    changes: IndexChanges,
    /// Identifies the state at the last [`Index::take_changes`].
    token: u64,
}

impl Default for Index {
    fn default() -> Self {
        Index {
            ids: ShardMap::default(),
            entities: ChunkVec::default(),
            free: Vec::new(),
            docs: ChunkVec::default(),
            live: 0,
            changes: IndexChanges { since: 0, all: true, entities: FxHashMap::default() },
            token: fresh_token(),
        }
    }
}

impl Index {
    /// Prepares a document's entities for [`Index::apply`] (pure: no index needed).
    pub fn prepare(kb: &Kb, doc: DocId, a: &DocAnalysis, text: &str) -> PreparedDoc {
        let date = a.date.map(|(d, _)| d);
        let file_date = a.date.is_some_and(|(_, s)| s.is_file_time());
        let mut slot_of: Vec<usize> = Vec::with_capacity(a.entities.len());
        let mut entities: Vec<PreparedEntity> = Vec::with_capacity(a.entities.len());
        let mut by_key: FxHashMap<EntityKey, usize> = FxHashMap::default();
        for e in &a.entities {
            let key = EntityKey::of(kb, e);
            let i = *by_key.entry(key.clone()).or_insert_with(|| {
                entities.push(PreparedEntity { key, kind: e.kind, kb: e.kb, claims: Vec::new(), mentions: 0, forms: Vec::new() });
                entities.len() - 1
            });
            // The last of the document's entities with this key sets kind and entry.
            let p = &mut entities[i];
            p.kind = e.kind;
            p.kb = e.kb;
            for c in &e.claims {
                p.claims.push(DatedClaim { doc, date, file_date, claim: c.clone() });
            }
            slot_of.push(i);
        }
        let mut forms: Vec<(usize, &str)> = Vec::new();
        for m in &a.mentions {
            let i = slot_of[m.entity];
            entities[i].mentions += 1;
            if !m.short {
                forms.push((i, &text[m.span.clone()]));
            }
        }
        forms.sort_unstable();
        for (i, f) in forms {
            let list = &mut entities[i].forms;
            match list.last_mut() {
                Some(l) if l.0 == f => l.1 += 1,
                _ => list.push((f.to_string(), 1)),
            }
        }
        PreparedDoc { doc, entities }
    }

    /// Adds a prepared document (replacing what it added before).
    pub fn apply(&mut self, p: PreparedDoc) {
        let doc = p.doc;
        self.remove(doc);
        let mut ids: Vec<EntityId> = Vec::with_capacity(p.entities.len());
        let mut forms: Vec<(EntityId, u32, Arc<str>)> = Vec::new();
        for pe in p.entities {
            let id = match self.ids.get(&pe.key) {
                Some(&id) => id,
                None => self.create(pe.key),
            };
            self.touch(id);
            let g = self.entity_mut(id);
            g.kind = Some(pe.kind);
            g.kb = pe.kb;
            g.claims.extend(pe.claims);
            g.mentions += pe.mentions;
            g.docs.add(doc, pe.mentions);
            for (f, n) in pe.forms {
                let f = g.forms.add(&f, n);
                forms.push((id, n, f));
            }
            ids.push(id);
        }
        ids.sort_unstable();
        ids.dedup();
        self.docs.grow_to(doc as usize + 1, || None);
        *self.docs.get_mut(doc as usize).expect("grown") =
            Some(Arc::new(DocEntry { entities: ids.into_boxed_slice(), forms: forms.into_boxed_slice() }));
    }

    /// Adds a document's entities (replacing what it added before).
    pub fn add(&mut self, kb: &Kb, doc: DocId, a: &DocAnalysis, text: &str) {
        self.apply(Index::prepare(kb, doc, a, text));
    }

    /// Removes everything a document added.
    pub fn remove(&mut self, doc: DocId) {
        let Some(entry) = self.docs.get_mut(doc as usize).and_then(Option::take) else { return };
        for &id in entry.entities.iter() {
            self.touch(id);
            let g = self.entity_mut(id);
            if let Some(n) = g.docs.remove(doc) {
                g.mentions -= n;
            }
            g.claims.retain(|c| c.doc != doc);
        }
        for (id, n, f) in entry.forms.iter() {
            self.entity_mut(*id).forms.sub(f, *n);
        }
        for &id in entry.entities.iter() {
            if self.entity(id).is_some_and(|g| g.docs.is_empty()) {
                let g = self.entities.get_mut(id as usize).and_then(Option::take).expect("live entity");
                self.ids.remove(&g.key);
                self.free.push(id);
                self.live -= 1;
            }
        }
    }

    fn create(&mut self, key: EntityKey) -> EntityId {
        let g = CorpusEntity {
            key: key.clone(),
            kind: None,
            kb: None,
            forms: Forms::default(),
            mentions: 0,
            docs: DocCounts::default(),
            claims: Vec::new(),
        };
        let id = match self.free.pop() {
            Some(id) => id,
            None => {
                self.entities.push(None);
                (self.entities.len() - 1) as EntityId
            }
        };
        // Record the slot as it was (empty, or another entity that left).
        self.touch(id);
        *self.entities.get_mut(id as usize).expect("slot") = Some(Arc::new(g));
        self.ids.insert(key, id);
        self.live += 1;
        id
    }

    fn entity_mut(&mut self, id: EntityId) -> &mut CorpusEntity {
        Arc::make_mut(self.entities.get_mut(id as usize).and_then(Option::as_mut).expect("live entity"))
    }

    /// Records an entity as it was before the first change since the last
    /// [`Index::take_changes`].
    fn touch(&mut self, id: EntityId) {
        if self.changes.all || self.changes.entities.contains_key(&id) {
            return;
        }
        if self.changes.entities.len() >= MAX_LISTED_CHANGES {
            self.changes.all = true;
            self.changes.entities = FxHashMap::default();
            return;
        }
        let before = self.entity(id).map(|g| Before { key: g.key.clone(), kind: g.kind, forms: g.forms.clone() });
        self.changes.entities.insert(id, before);
    }

    /// What changed since the last call (see [`IndexChanges`]), and a new
    /// [`Index::token`].
    pub fn take_changes(&mut self) -> IndexChanges {
        let mut c = std::mem::take(&mut self.changes);
        c.since = self.token;
        self.token = fresh_token();
        c
    }

    /// The changes not yet taken.
    pub fn pending_changes(&self) -> &IndexChanges {
        &self.changes
    }

    /// Identifies the index's state at the last [`Index::take_changes`] (never the
    /// same for two states or two indexes).
    pub fn token(&self) -> u64 {
        self.token
    }

    pub fn get(&self, k: &EntityKey) -> Option<&CorpusEntity> {
        self.entity(*self.ids.get(k)?)
    }

    /// The number of a live entity.
    pub fn id(&self, k: &EntityKey) -> Option<EntityId> {
        self.ids.get(k).copied()
    }

    /// A live entity by number.
    pub fn entity(&self, id: EntityId) -> Option<&CorpusEntity> {
        self.entities.get(id as usize).and_then(|g| g.as_deref())
    }

    /// One more than the highest entity number in use.
    pub fn id_bound(&self) -> usize {
        self.entities.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&EntityKey, &CorpusEntity)> {
        self.entities.iter().flatten().map(|g| (&g.key, &**g))
    }

    /// Live entities with their numbers.
    pub fn iter_ids(&self) -> impl Iterator<Item = (EntityId, &CorpusEntity)> {
        self.entities.iter().enumerate().filter_map(|(i, g)| g.as_deref().map(|g| (i as EntityId, g)))
    }

    pub fn len(&self) -> usize {
        self.live
    }

    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// The corpus-wide name of an entity: its knowledge-base name, else its most
    /// used spelling.
    pub fn canonical_name(&self, kb: &Kb, key: &EntityKey) -> Option<String> {
        let g = self.get(key)?;
        g.kb.map(|id| kb.entry(id).name.clone()).or_else(|| g.majority_form().map(str::to_string))
    }

    /// The entities a document mentions, by number (in number order).
    pub fn entities_of_doc(&self, doc: DocId) -> &[EntityId] {
        self.docs.get(doc as usize).and_then(Option::as_ref).map_or(&[], |e| &e.entities)
    }

    /// The entities a document mentions, sorted.
    pub fn keys_of_doc(&self, doc: DocId) -> Vec<EntityKey> {
        let mut v: Vec<EntityKey> = self.entities_of_doc(doc).iter().filter_map(|&id| self.entity(id)).map(|g| g.key.clone()).collect();
        v.sort();
        v
    }
}
