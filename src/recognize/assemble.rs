//! Assembly: the candidates, references and claims the steps recorded become
//! the document's mentions and entities ([`DocAnalysis`]). A reference joins
//! the entity of the name it refers to; an entity is named by its fullest
//! spelling.

use std::collections::HashMap;

use super::work::{Key, Work};
use crate::model::{Claim, DocAnalysis, DocEntity, Kind, Mention, RoleSpan};

/// How many references are followed to find the name a reference stands for
/// (a reference to a reference is rare; a longer chain can only be a cycle).
const MAX_REFERENCE_CHAIN: usize = 16;

impl Work<'_> {
    /// Assembles mentions and entities.
    pub(super) fn finish(self, claims: Vec<(usize, Claim)>) -> DocAnalysis {
        // Resolve references to their root candidate.
        let root = |mut c: usize| {
            let mut guard = 0;
            while let Some(r) = self.cands[c].refers_to {
                if r == c || guard > MAX_REFERENCE_CHAIN {
                    break;
                }
                c = r;
                guard += 1;
            }
            c
        };
        let mut entity_of_key: HashMap<(Key, Kind), usize> = HashMap::new();
        let mut entities: Vec<DocEntity> = Vec::new();
        let mut entity_of_cand = vec![0usize; self.cands.len()];
        // Full forms first so entity names are the fullest spelling.
        let mut order: Vec<usize> = (0..self.cands.len()).collect();
        order.sort_by_key(|&c| (self.cands[c].refers_to.is_some(), self.cands[c].tokens.first));
        for c in order {
            let r = root(c);
            let rc = &self.cands[r];
            let key = (rc.key.clone(), rc.kind);
            let e = *entity_of_key.entry(key).or_insert_with(|| {
                let name = match &rc.key {
                    Key::Kb(id) => self.kb.entry(*id).name.clone(),
                    Key::Name(_) => self.span_text(rc.tokens.first, rc.tokens.end).to_string(),
                };
                entities.push(DocEntity {
                    name,
                    kind: rc.kind,
                    kb: match rc.key {
                        Key::Kb(id) => Some(id),
                        _ => None,
                    },
                    claims: Vec::new(),
                });
                entities.len() - 1
            });
            entity_of_cand[c] = e;
        }
        let mut mentions: Vec<Mention> = self
            .cands
            .iter()
            .enumerate()
            .map(|(i, c)| Mention {
                span: self.span(c.tokens.first, c.tokens.end),
                kind: c.kind,
                entity: entity_of_cand[i],
                origin: c.origin,
                short: c.refers_to.is_some(),
            })
            .collect();
        mentions.sort_by_key(|m| m.span.start);
        let mut seen = std::collections::HashSet::new();
        for (c, claim) in claims {
            let e = entity_of_cand[c];
            if seen.insert((e, claim.span.start, claim.role.clone(), claim.affiliation.clone())) {
                entities[e].claims.push(claim);
            }
        }
        let roles = self
            .pre_roles
            .iter()
            .map(|r| RoleSpan { span: self.span(r.tokens.first, r.tokens.end), person: r.person.map(|p| entity_of_cand[p]) })
            .collect();
        // Analyses stay in memory for the life of the corpus: no spare capacity.
        for e in &mut entities {
            e.claims.shrink_to_fit();
        }
        entities.shrink_to_fit();
        DocAnalysis { mentions, roles, entities, ..Default::default() }
    }
}
