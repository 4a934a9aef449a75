//! Corpus-wide views of entities: one real-world entity gathers every index entry
//! its spellings were clustered into (see [`crate::variants::cluster`]), with its
//! preferred name, all spellings and counts, mention and document totals, and the
//! dated role history. `byline entities` and the language server's hover read this.

use std::collections::BTreeSet;

use serde::Serialize;

use super::Corpus;
use crate::index::{DatedClaim, EntityKey, current_role, latest_first};
use crate::model::Kind;

/// One entity across the corpus.
#[derive(Clone, Debug)]
pub struct EntityView {
    pub name: String,
    pub kind: Kind,
    /// The index entries it gathers.
    pub keys: Vec<EntityKey>,
    /// Knowledge-base entry, if linked.
    pub kb: Option<usize>,
    /// Full spellings with counts, most used first.
    pub forms: Vec<(String, u32)>,
    pub mentions: u32,
    pub documents: u32,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub claims: Vec<DatedClaim>,
}

impl EntityView {
    /// Claims, latest first.
    pub fn history(&self) -> Vec<&DatedClaim> {
        latest_first(&self.claims)
    }
}

/// An entity in the output contract of `byline entities --format json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntitySummary {
    pub name: String,
    pub kind: Kind,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub aliases: Vec<String>,
    pub mentions: u32,
    pub documents: u32,
}

impl From<&EntityView> for EntitySummary {
    fn from(v: &EntityView) -> Self {
        let mut aliases: Vec<String> = v.forms.iter().map(|(f, _)| f.clone()).filter(|f| *f != v.name).collect();
        aliases.dedup();
        EntitySummary {
            name: v.name.clone(),
            kind: v.kind,
            role: v.role.clone(),
            affiliation: v.affiliation.clone(),
            aliases,
            mentions: v.mentions,
            documents: v.documents,
        }
    }
}

impl Corpus {
    /// The view of the entity an index entry belongs to.
    pub fn entity(&self, key: &EntityKey) -> Option<EntityView> {
        self.view(self.cluster(key))
    }

    /// The name of the entity an index entry belongs to: [`Corpus::entity`]'s
    /// `name`, without gathering its documents and claims (an export asks for
    /// it once per mention).
    pub fn entity_name(&self, key: &EntityKey) -> Option<String> {
        let keys = self.cluster(key);
        let mut forms: std::collections::BTreeMap<&str, u32> = std::collections::BTreeMap::new();
        let (mut kind, mut kb) = (None, None);
        for k in &keys {
            let Some(g) = self.index.get(k) else { continue };
            kind = kind.or(g.kind);
            kb = kb.or(g.kb);
            for (f, n) in &g.forms {
                *forms.entry(f).or_default() += n;
            }
        }
        kind?;
        let most_used =
            || forms.iter().max_by(|a, b| a.1.cmp(b.1).then(a.0.len().cmp(&b.0.len())).then(b.0.cmp(a.0))).map(|(f, _)| f.to_string());
        self.decisions
            .names
            .preferred(&keys[0])
            .map(str::to_string)
            .or_else(|| kb.map(|id| self.kb.entry(id).name.clone()))
            .or_else(most_used)
    }

    fn view(&self, keys: Vec<EntityKey>) -> Option<EntityView> {
        let mut forms: std::collections::BTreeMap<String, u32> = std::collections::BTreeMap::new();
        let mut docs: BTreeSet<u32> = BTreeSet::new();
        let mut mentions = 0;
        let mut claims = Vec::new();
        let mut kind = None;
        let mut kb = None;
        for k in &keys {
            let Some(g) = self.index.get(k) else { continue };
            kind = kind.or(g.kind);
            kb = kb.or(g.kb);
            for (f, n) in &g.forms {
                *forms.entry(f.to_string()).or_default() += n;
            }
            docs.extend(g.docs.keys().copied());
            mentions += g.mentions;
            claims.extend(g.claims.iter().cloned());
        }
        let kind = kind?;
        let mut forms: Vec<(String, u32)> = forms.into_iter().collect();
        forms.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.len().cmp(&a.0.len())).then(a.0.cmp(&b.0)));
        let entry = kb.map(|id| self.kb.entry(id));
        let name = self
            .decisions
            .names
            .preferred(&keys[0])
            .map(str::to_string)
            .or_else(|| entry.map(|e| e.name.clone()))
            .or_else(|| forms.first().map(|f| f.0.clone()))?;
        let (mut role, mut affiliation) = current_role(&claims);
        if let Some(e) = entry.filter(|e| e.is_user()) {
            role = e.role.clone().or(role);
            affiliation = e.affiliation.clone().or(affiliation);
            for a in &e.aliases {
                if !forms.iter().any(|(f, _)| f == a) {
                    forms.push((a.clone(), 0));
                }
            }
        }
        Some(EntityView { name, kind, keys, kb, forms, mentions, documents: docs.len() as u32, role, affiliation, claims })
    }

    /// The view of one of a document's entities from the document alone (its
    /// spellings, mentions and claims there): for an entity the index does not
    /// hold yet (a document being edited, or a corpus still being indexed).
    pub fn doc_entity_view(&self, doc: &super::Document, entity: usize) -> Option<EntityView> {
        let e = doc.analysis.entities.get(entity)?;
        let mut forms: std::collections::BTreeMap<String, u32> = std::collections::BTreeMap::new();
        let mut mentions = 0;
        for m in doc.analysis.mentions.iter().filter(|m| m.entity == entity) {
            mentions += 1;
            if !m.short {
                *forms.entry(doc.rope.byte_slice(m.span.clone()).to_string()).or_default() += 1;
            }
        }
        let mut forms: Vec<(String, u32)> = forms.into_iter().collect();
        forms.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.len().cmp(&a.0.len())).then(a.0.cmp(&b.0)));
        let date = doc.analysis.date.map(|(d, _)| d);
        let file_date = doc.analysis.date.is_some_and(|(_, s)| s.is_file_time());
        let claims: Vec<DatedClaim> = e.claims.iter().map(|c| DatedClaim { doc: doc.id, date, file_date, claim: c.clone() }).collect();
        let (role, affiliation) = current_role(&claims);
        Some(EntityView {
            name: e.name.clone(),
            kind: e.kind,
            keys: vec![EntityKey::of(&self.kb, e)],
            kb: e.kb,
            forms,
            mentions,
            documents: 1,
            role,
            affiliation,
            claims,
        })
    }

    /// Every entity, most mentioned first.
    pub fn entities(&self) -> Vec<EntityView> {
        let mut seen: BTreeSet<crate::variants::GroupId> = BTreeSet::new();
        let mut keys: Vec<&EntityKey> = self.index.iter().map(|(k, _)| k).collect();
        keys.sort();
        let mut out = Vec::new();
        for k in keys {
            if let Some(g) = self.decisions.names.group_of(k)
                && !seen.insert(g.id.clone())
            {
                continue;
            }
            if let Some(v) = self.entity(k) {
                out.push(v);
            }
        }
        out.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)).then(a.kind.cmp(&b.kind)));
        out
    }
}
