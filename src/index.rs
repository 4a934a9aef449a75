//! The corpus-wide index: every entity with the spellings it is written in, its
//! mentions and documents, and its role claims with their article dates. Adding or
//! removing one document touches only that document's entities — nothing is
//! re-read or re-analysed.
//!
//! Invariant: the index is a function of the set of document analyses, whatever
//! the order they were added or removed in (property-tested in
//! `tests/incremental.rs`); it holds spellings and counts, never document text.

use std::collections::{BTreeMap, HashMap};

use crate::fold::squash;
use crate::kb::Kb;
use crate::model::{Claim, Date, DocAnalysis, DocEntity, DocId, Kind};

/// A corpus-wide entity identity: the knowledge-base entry, or the kind and the
/// squashed spelling of the fullest form.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKey {
    Kb(String),
    Name(Kind, String),
}

impl EntityKey {
    /// The identity of a document's entity.
    pub fn of(kb: &Kb, e: &DocEntity) -> EntityKey {
        match e.kb {
            Some(id) => EntityKey::Kb(kb.entry(id).name.clone()),
            None => EntityKey::Name(e.kind, squash(&e.name)),
        }
    }
}

/// One claim with where and when it was made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedClaim {
    pub doc: DocId,
    pub date: Option<Date>,
    /// The date is only the file's modification time (less trusted than a date
    /// the article states).
    pub file_date: bool,
    pub claim: Claim,
}

/// Everything the corpus says about one entity.
#[derive(Clone, Debug, Default)]
pub struct CorpusEntity {
    pub kind: Option<Kind>,
    /// Knowledge-base entry index, if linked.
    pub kb: Option<usize>,
    /// Full-form spellings (not surname-only or acronym references) and counts.
    pub forms: BTreeMap<String, u32>,
    pub mentions: u32,
    /// Mentions per document.
    pub docs: BTreeMap<DocId, u32>,
    pub claims: Vec<DatedClaim>,
    /// Each document's full-form spellings, to subtract when it goes.
    doc_forms: HashMap<DocId, Vec<(String, u32)>>,
}

impl CorpusEntity {
    /// The most used full spelling (ties: the longest, then alphabetical).
    pub fn majority_form(&self) -> Option<&str> {
        self.forms.iter().max_by(|a, b| a.1.cmp(b.1).then(a.0.len().cmp(&b.0.len())).then(b.0.cmp(a.0))).map(|(f, _)| f.as_str())
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
/// ("former economy minister X as armed forces minister"); the affiliation of the latest claim
/// that states one, an inferred one only if none does.
pub fn current_role(claims: &[DatedClaim]) -> (Option<String>, Option<String>) {
    let claims = latest_first(claims);
    let latest_with_role = claims.iter().find(|c| c.claim.role.is_some()).map(|c| c.date);
    let role = claims
        .iter()
        .filter(|c| c.claim.role.is_some() && Some(c.date) == latest_with_role)
        .max_by(|a, b| {
            let (ra, rb) = (a.claim.role.as_deref().unwrap_or(""), b.claim.role.as_deref().unwrap_or(""));
            let former = |r: &str| r.to_ascii_lowercase().starts_with("former ") || r.to_ascii_lowercase().starts_with("ex-");
            former(rb).cmp(&former(ra)).then(ra.len().cmp(&rb.len())).then(rb.cmp(ra))
        })
        .and_then(|c| c.claim.role.clone());
    let affil = claims
        .iter()
        .filter(|c| !c.claim.inferred)
        .find_map(|c| c.claim.affiliation.clone())
        .or_else(|| claims.iter().find_map(|c| c.claim.affiliation.clone()));
    (role, affil)
}

/// The index.
#[derive(Clone, Debug, Default)]
pub struct Index {
    entities: HashMap<EntityKey, CorpusEntity>,
    by_doc: HashMap<DocId, Vec<EntityKey>>,
}

impl Index {
    /// Adds a document's entities (replacing what it added before).
    pub fn add(&mut self, kb: &Kb, doc: DocId, a: &DocAnalysis, text: &str) {
        let date = a.date.map(|(d, _)| d);
        let file_date = matches!(a.date, Some((_, crate::model::DateSource::FileTime | crate::model::DateSource::DatelineFileYear)));
        self.remove(doc);
        let mut keys = Vec::with_capacity(a.entities.len());
        for e in &a.entities {
            keys.push(EntityKey::of(kb, e));
        }
        for (ei, e) in a.entities.iter().enumerate() {
            let g = self.entities.entry(keys[ei].clone()).or_default();
            g.kind = Some(e.kind);
            g.kb = e.kb;
            for c in &e.claims {
                g.claims.push(DatedClaim { doc, date, file_date, claim: c.clone() });
            }
        }
        let mut forms: HashMap<usize, BTreeMap<&str, u32>> = HashMap::new();
        for m in &a.mentions {
            let g = self.entities.get_mut(&keys[m.entity]).expect("entity added above");
            g.mentions += 1;
            *g.docs.entry(doc).or_default() += 1;
            if !m.short {
                *forms.entry(m.entity).or_default().entry(&text[m.span.clone()]).or_default() += 1;
            }
        }
        for (ei, fs) in forms {
            let g = self.entities.get_mut(&keys[ei]).expect("entity added above");
            let list = g.doc_forms.entry(doc).or_default();
            for (f, n) in fs {
                *g.forms.entry(f.to_string()).or_default() += n;
                list.push((f.to_string(), n));
            }
        }
        keys.sort();
        keys.dedup();
        self.by_doc.insert(doc, keys);
    }

    /// Removes everything a document added.
    pub fn remove(&mut self, doc: DocId) {
        let Some(keys) = self.by_doc.remove(&doc) else { return };
        for k in keys {
            let Some(g) = self.entities.get_mut(&k) else { continue };
            if let Some(n) = g.docs.remove(&doc) {
                g.mentions -= n;
            }
            for (f, n) in g.doc_forms.remove(&doc).unwrap_or_default() {
                if let Some(c) = g.forms.get_mut(&f) {
                    *c -= n;
                    if *c == 0 {
                        g.forms.remove(&f);
                    }
                }
            }
            g.claims.retain(|c| c.doc != doc);
            if g.docs.is_empty() {
                self.entities.remove(&k);
            }
        }
    }

    pub fn get(&self, k: &EntityKey) -> Option<&CorpusEntity> {
        self.entities.get(k)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&EntityKey, &CorpusEntity)> {
        self.entities.iter()
    }

    pub fn len(&self) -> usize {
        self.entities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The corpus-wide name of an entity: its knowledge-base name, else its most
    /// used spelling.
    pub fn canonical_name(&self, kb: &Kb, key: &EntityKey) -> Option<String> {
        let g = self.entities.get(key)?;
        g.kb.map(|id| kb.entry(id).name.clone()).or_else(|| g.majority_form().map(str::to_string))
    }

    /// The entities a document mentions.
    pub fn keys_of_doc(&self, doc: DocId) -> &[EntityKey] {
        self.by_doc.get(&doc).map(Vec::as_slice).unwrap_or(&[])
    }
}
