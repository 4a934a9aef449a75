//! Mergeable corpus summaries: what the corpus-wide decisions need of a set of
//! documents — per entity its spellings with counts, mentions per document, dated
//! role claims and the first places each spelling is used; and the summed word
//! counts. [`Summary::of_doc`] summarises one document (pure); [`Summary::merge`]
//! adds another summary; the result is the same whichever way the documents are
//! grouped and merged (property-tested in `tests/summary.rs`), so a distributed
//! job can reduce summaries in any order (`python/byline/spark.py`).
//! [`Index::from_summary`] and [`Summary::vocab`] turn a merged summary into the
//! inputs of [`crate::variants::Decisions::compute`], the same decision code the
//! CLI and the server run.
//!
//! Invariant: a summary holds spellings, counts, claims and places, never
//! document text beyond the spellings and role phrases themselves.

use std::collections::BTreeMap;
use std::sync::Arc;

use ropey::Rope;
use serde::{Deserialize, Serialize};

use super::{CorpusEntity, DatedClaim, DocCounts, DocEntry, EntityKey, Forms, Index, PreparedDoc};
use crate::kb::Kb;
use crate::model::{Claim, Date, DocAnalysis, DocId, Kind};
use crate::text::{Encoding, position};
use crate::vocab::Vocab;

/// How many places per entity and spelling a summary keeps: the findings list
/// at most ten related places per name group, the first in path order.
pub const PLACES: usize = 10;

/// A summary of a set of documents (see the module doc).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Entities by key ([`key_string`]).
    pub entities: BTreeMap<String, EntitySummary>,
    /// Word counts ([`crate::vocab`]).
    pub words: BTreeMap<String, u32>,
}

/// Everything a summary holds of one entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntitySummary {
    /// The kind and knowledge-base entry the last document (in id order) gave it.
    pub kind: String,
    pub kb: Option<usize>,
    pub last_doc: DocId,
    pub mentions: u32,
    /// Full-form spellings and counts.
    pub forms: BTreeMap<String, u32>,
    /// Mentions per document.
    pub docs: BTreeMap<DocId, u32>,
    /// Claims, in document order (a document's in its order).
    pub claims: Vec<SummaryClaim>,
    /// Spelling -> the first [`PLACES`] documents using it (in path order), with
    /// the first full-form mention there.
    pub places: BTreeMap<String, Vec<Place>>,
}

/// A dated claim ([`DatedClaim`]) in serialisable form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryClaim {
    pub doc: DocId,
    pub date: Option<(u16, u8, u8)>,
    pub file_date: bool,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub span: (usize, usize),
    pub sentence: (usize, usize),
    pub inferred: bool,
}

/// Where a spelling is used: the document (id and path), the mention's number
/// in the document, its byte span and its range (zero-based line and UTF-16
/// column of its start and end).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Place {
    pub rel: String,
    pub doc: DocId,
    pub mention: u32,
    pub span: (usize, usize),
    pub range: [u32; 4],
}

/// The text form of an entity key: `kb:NAME` or `LABEL:squashed name`.
pub fn key_string(k: &EntityKey) -> String {
    match k {
        EntityKey::Kb(n) => format!("kb:{n}"),
        EntityKey::Name(kind, n) => format!("{}:{n}", kind.label()),
    }
}

/// The entity key of [`key_string`]'s text.
pub fn parse_key(s: &str) -> Option<EntityKey> {
    let (tag, name) = s.split_once(':')?;
    Some(if tag == "kb" { EntityKey::Kb(name.into()) } else { EntityKey::Name(Kind::parse(tag)?, name.into()) })
}

impl From<&DatedClaim> for SummaryClaim {
    fn from(c: &DatedClaim) -> Self {
        SummaryClaim {
            doc: c.doc,
            date: c.date.map(|d| (d.year, d.month, d.day)),
            file_date: c.file_date,
            role: c.claim.role.clone(),
            affiliation: c.claim.affiliation.clone(),
            span: (c.claim.span.start, c.claim.span.end),
            sentence: (c.claim.sentence.start, c.claim.sentence.end),
            inferred: c.claim.inferred,
        }
    }
}

impl From<&SummaryClaim> for DatedClaim {
    fn from(c: &SummaryClaim) -> Self {
        DatedClaim {
            doc: c.doc,
            date: c.date.map(|(year, month, day)| Date { year, month, day }),
            file_date: c.file_date,
            claim: Claim {
                role: c.role.clone(),
                affiliation: c.affiliation.clone(),
                span: c.span.0..c.span.1,
                sentence: c.sentence.0..c.sentence.1,
                inferred: c.inferred,
            },
        }
    }
}

impl Summary {
    /// The summary of one document: `doc` its id (documents are numbered in path
    /// order), `rel` its path relative to the corpus root, `a` its analysis of
    /// `text`, `vocab` its word counts.
    pub fn of_doc(kb: &Kb, doc: DocId, rel: &str, a: &DocAnalysis, text: &str, vocab: &Vocab) -> Summary {
        let prepared: PreparedDoc = Index::prepare(kb, doc, a, text);
        let rope = Rope::from_str(text);
        let mut entities = BTreeMap::new();
        let keys: Vec<String> = a.entities.iter().map(|e| key_string(&EntityKey::of(kb, e))).collect();
        for pe in prepared.entities {
            let key = key_string(&pe.key);
            let mut places: BTreeMap<String, Vec<Place>> = BTreeMap::new();
            for (mi, m) in a.mentions.iter().enumerate() {
                if m.short || keys[m.entity] != key {
                    continue;
                }
                let form = &text[m.span.clone()];
                if places.contains_key(form) {
                    continue;
                }
                let (s, e) = (position(&rope, m.span.start, Encoding::Utf16), position(&rope, m.span.end, Encoding::Utf16));
                let place = Place {
                    rel: rel.to_string(),
                    doc,
                    mention: mi as u32,
                    span: (m.span.start, m.span.end),
                    range: [s.line, s.character, e.line, e.character],
                };
                places.insert(form.to_string(), vec![place]);
            }
            entities.insert(
                key,
                EntitySummary {
                    kind: pe.kind.label().to_string(),
                    kb: pe.kb,
                    last_doc: doc,
                    mentions: pe.mentions,
                    forms: pe.forms.into_iter().collect(),
                    docs: BTreeMap::from([(doc, pe.mentions)]),
                    claims: pe.claims.iter().map(Into::into).collect(),
                    places,
                },
            );
        }
        Summary { entities, words: vocab.iter().map(|(w, n)| (w.to_string(), n)).collect() }
    }

    /// Adds another summary (of other documents). Associative and commutative.
    pub fn merge(&mut self, other: Summary) {
        for (w, n) in other.words {
            *self.words.entry(w).or_default() += n;
        }
        for (k, e) in other.entities {
            match self.entities.get_mut(&k) {
                None => {
                    self.entities.insert(k, e);
                }
                Some(g) => g.merge(e),
            }
        }
    }

    /// The summed word counts as a [`Vocab`].
    pub fn vocab(&self) -> Vocab {
        self.words.iter().map(|(w, n)| (w.clone(), *n)).collect()
    }
}

impl EntitySummary {
    fn merge(&mut self, o: EntitySummary) {
        if o.last_doc > self.last_doc {
            (self.kind, self.kb, self.last_doc) = (o.kind, o.kb, o.last_doc);
        }
        self.mentions += o.mentions;
        for (f, n) in o.forms {
            *self.forms.entry(f).or_default() += n;
        }
        for (d, n) in o.docs {
            *self.docs.entry(d).or_default() += n;
        }
        self.claims.extend(o.claims);
        // Stable: a document's claims keep their order.
        self.claims.sort_by_key(|c| c.doc);
        for (f, ps) in o.places {
            let list = self.places.entry(f).or_default();
            list.extend(ps);
            list.sort();
            list.dedup_by(|a, b| a.doc == b.doc);
            list.truncate(PLACES);
        }
    }
}

impl Index {
    /// The index of a merged summary: the same entities, spellings, counts and
    /// claims as an index the summarised documents were added to (what
    /// [`crate::variants::Decisions::compute`] reads). A document's entry lists
    /// its entities but not its spellings: such an index is read, not edited.
    pub fn from_summary(s: &Summary) -> Index {
        let mut index = Index::default();
        let mut per_doc: BTreeMap<DocId, Vec<super::EntityId>> = BTreeMap::new();
        for (k, e) in &s.entities {
            let Some(key) = parse_key(k) else { continue };
            let id = index.create(key.clone());
            let mut docs = DocCounts::default();
            for (&d, &n) in &e.docs {
                docs.add(d, n);
                per_doc.entry(d).or_default().push(id);
            }
            let mut forms = Forms::default();
            for (f, &n) in &e.forms {
                forms.add(f, n);
            }
            let g = index.entity_mut(id);
            *g = CorpusEntity {
                key,
                kind: Kind::parse(&e.kind),
                kb: e.kb,
                forms,
                mentions: e.mentions,
                docs,
                claims: e.claims.iter().map(Into::into).collect(),
            };
        }
        for (d, ids) in per_doc {
            index.docs.grow_to(d as usize + 1, || None);
            *index.docs.get_mut(d as usize).expect("grown") =
                Some(Arc::new(DocEntry { entities: ids.into_boxed_slice(), forms: Box::new([]) }));
        }
        index
    }
}
