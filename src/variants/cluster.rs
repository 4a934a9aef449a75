//! Clustering the spellings of names across the corpus and choosing the preferred
//! form.
//!
//! Entities (one per knowledge-base entry or fullest spelling, from the index) are
//! joined when a [key](crate::keys) of one of their spellings coincides. Keys that
//! only ignore trivia (case, diacritics, spacing, hyphens, word order) join
//! outright; keys that could also join different people (romanization,
//! transliteration, one-letter typos) join only with supporting evidence —
//! agreeing affiliations, the same kind of role, or shared company in the articles
//! — and never against a conflicting affiliation or two different knowledge-base
//! entries. A match without evidence is reported as "possibly the same as".
//!
//! The preferred form: the knowledge base's canonical name, else the house style
//! of `byline.toml` (Korean given names hyphenated / spaced / joined), else the
//! corpus majority.
//!
//! The decisions are a function of the index alone, defined without any order:
//! two entities are a *pair* when they share a key (of the same kind of entity)
//! that at most twelve entities have (a key shared more widely is not a name's);
//! the pair *links* strongly or weakly by the first kind of key ([`KeyKind`]
//! order) that links it; *clusters* are the connected components of strong links;
//! a cluster's groups are named by its first entity key ([`GroupId`]). [`decide`]
//! computes them from scratch (in parallel, with hashed keys whose real strings
//! are compared before two entities are paired); [`update`] recomputes only the
//! pairs whose entities or keys changed, the clusters those pairs touch, and the
//! weak matches of those clusters — with the same result (property-tested in
//! `tests/incremental.rs`).

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{BuildHasher, Hasher};
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};

use crate::config::{Config, KoreanNames};
use crate::fold::fold;
use crate::index::cow::ShardMap;
use crate::index::{CorpusEntity, EntityId, EntityKey, Index, IndexChanges};
use crate::kb::{Class, Kb};
use crate::keys::{deletion_keys, edit_distance, is_korean_name, korean_keys, order_key, skeleton_key, spelling_key};
use crate::lexicon::{class, lexicon};
use crate::model::{Kind, PreferredBy};

/// A key shared by more entities than this is not a name's.
const MAX_BUCKET: usize = 12;

/// Which group: the first (smallest) entity key of its cluster, and which of the
/// cluster's groups (a cluster of a built-in entry's aliases is split by spelling).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GroupId {
    pub first: EntityKey,
    pub sub: u32,
}

/// A set of spellings of one entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameGroup {
    pub id: GroupId,
    /// The cluster's entities, in key order.
    pub members: Vec<EntityKey>,
    pub kind: Kind,
    /// Every full spelling with its corpus count, most used first.
    pub forms: Vec<(String, u32)>,
    pub preferred: String,
    pub rule: PreferredBy,
}

/// A weak match: `rare` is possibly the same entity as `other`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Possible {
    pub rare: EntityKey,
    pub other: EntityKey,
    pub other_form: String,
    pub why: &'static str,
}

impl Possible {
    /// The two entities in key order (the order weak matches are listed in).
    fn pair(&self) -> (&EntityKey, &EntityKey) {
        if self.rare < self.other { (&self.rare, &self.other) } else { (&self.other, &self.rare) }
    }

    fn partner(&self, k: &EntityKey) -> &EntityKey {
        if &self.rare == k { &self.other } else { &self.rare }
    }
}

/// The corpus-wide decisions about names. Cloning is cheap (shared shards).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NameDecisions {
    groups: ShardMap<GroupId, Arc<NameGroup>>,
    /// Entity -> its group.
    group_of: ShardMap<EntityKey, GroupId>,
    /// Entity -> its spellings that get a finding, with their group.
    flagged: ShardMap<EntityKey, Arc<[(Arc<str>, GroupId)]>>,
    /// Entity -> the weak matches it is in (as either side), in pair order.
    possible: ShardMap<EntityKey, Arc<[Arc<Possible>]>>,
}

impl NameDecisions {
    pub fn group(&self, id: &GroupId) -> Option<&NameGroup> {
        self.groups.get(id).map(|g| &**g)
    }

    /// The group of an entity.
    pub fn group_of(&self, key: &EntityKey) -> Option<&NameGroup> {
        self.group(self.groups_id_of(key)?)
    }

    fn groups_id_of(&self, key: &EntityKey) -> Option<&GroupId> {
        self.group_of.get(key)
    }

    /// The group a spelling of an entity is flagged in (it gets a finding).
    pub fn flagged(&self, key: &EntityKey, form: &str) -> Option<&NameGroup> {
        let list = self.flagged.get(key)?;
        let (_, id) = list.iter().find(|(f, _)| &**f == form)?;
        self.group(id)
    }

    pub fn is_flagged(&self, key: &EntityKey, form: &str) -> bool {
        self.flagged.get(key).is_some_and(|l| l.iter().any(|(f, _)| &**f == form))
    }

    /// The preferred spelling of an entity, if it belongs to a group.
    pub fn preferred(&self, key: &EntityKey) -> Option<&str> {
        self.group_of(key).map(|g| g.preferred.as_str())
    }

    /// The first weak match (in pair order) in which the entity is the rare side.
    pub fn possible_of(&self, key: &EntityKey) -> Option<&Possible> {
        self.possible.get(key)?.iter().find(|p| &p.rare == key).map(|p| &**p)
    }

    /// Every group, in no particular order.
    pub fn groups(&self) -> impl Iterator<Item = &NameGroup> {
        self.groups.values().map(|g| &**g)
    }

    /// Every weak match, in pair order.
    pub fn possibles(&self) -> Vec<&Possible> {
        let mut v: Vec<&Possible> = self.possible.iter().flat_map(|(k, l)| l.iter().filter(move |p| &p.rare == k)).map(|p| &**p).collect();
        v.sort_by(|a, b| a.pair().cmp(&b.pair()));
        v
    }

    fn insert_possible(&mut self, p: Arc<Possible>) {
        for k in [p.rare.clone(), p.other.clone()] {
            let mut list: Vec<Arc<Possible>> = self.possible.get(&k).map(|l| l.to_vec()).unwrap_or_default();
            let i = list.partition_point(|x| x.pair() < p.pair());
            list.insert(i, p.clone());
            self.possible.insert(k, list.into());
        }
    }

    /// Removes and returns the weak matches an entity is in.
    fn remove_possibles(&mut self, k: &EntityKey) -> Vec<Arc<Possible>> {
        let Some(list) = self.possible.remove(k) else { return Vec::new() };
        for p in list.iter() {
            let partner = p.partner(k).clone();
            if let Some(other) = self.possible.get(&partner) {
                let rest: Vec<Arc<Possible>> = other.iter().filter(|x| x.pair() != p.pair()).cloned().collect();
                if rest.is_empty() {
                    self.possible.remove(&partner);
                } else {
                    self.possible.insert(partner, rest.into());
                }
            }
        }
        list.to_vec()
    }
}

/// The kinds of key, in the order they decide a pair's link.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub(super) enum KeyKind {
    Spelling,
    Order,
    Korean,
    Skeleton,
    Typo,
}

const KEY_KINDS: [KeyKind; 5] = [KeyKind::Spelling, KeyKind::Order, KeyKind::Korean, KeyKind::Skeleton, KeyKind::Typo];

fn bit(kk: KeyKind) -> u8 {
    1 << kk as u8
}

/// One clustering key of an entity, with its hash (which includes the entity's kind).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    h: u64,
    kk: KeyKind,
    s: String,
}

fn key_hash(kind: Kind, kk: KeyKind, s: &str) -> u64 {
    let mut h = FxBuildHasher.build_hasher();
    h.write_u8(kind as u8);
    h.write_u8(kk as u8);
    h.write(s.as_bytes());
    h.finish()
}

/// The clustering keys of an entity's spellings (sorted by hash): the spelling
/// key for all; for people also word order, Korean romanization or consonant
/// skeleton, and one-deletion keys of long names (typos).
fn keys_of<'a>(kind: Kind, forms: impl Iterator<Item = &'a str>) -> Vec<Key> {
    let mut out: Vec<Key> = Vec::new();
    let mut add = |kk: KeyKind, s: String| out.push(Key { h: key_hash(kind, kk, &s), kk, s });
    for form in forms {
        let multiword = form.split_whitespace().nth(1).is_some();
        let sk = spelling_key(form);
        add(KeyKind::Spelling, sk.clone());
        if kind != Kind::Person {
            continue;
        }
        if multiword {
            add(KeyKind::Order, order_key(form));
        }
        let kor = korean_keys(form);
        let korean = !kor.is_empty();
        for k in kor {
            add(KeyKind::Korean, k);
        }
        if !korean && multiword {
            add(KeyKind::Skeleton, skeleton_key(form));
            if sk.chars().count() >= 8 {
                for d in deletion_keys(&sk) {
                    add(KeyKind::Typo, d);
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether an entity takes part in clustering.
fn clustered(g: &CorpusEntity) -> bool {
    g.kind.is_some() && !g.forms.is_empty()
}

fn entity_keys(g: &CorpusEntity) -> Vec<Key> {
    if clustered(g) { keys_of(g.kind.expect("clustered"), g.forms.keys()) } else { Vec::new() }
}

fn hashes(keys: &[Key]) -> Vec<u64> {
    let mut v: Vec<u64> = keys.iter().map(|k| k.h).collect();
    v.dedup();
    v
}

/// Entities by key hash: a sorted base shared between clones, and the buckets
/// changed since it was built.
#[derive(Clone, Debug, Default)]
struct Buckets {
    hashes: Arc<Vec<u64>>,
    ids: Arc<Vec<EntityId>>,
    overlay: ShardMap<u64, Arc<[EntityId]>>,
}

impl Buckets {
    /// From (hash, entity) pairs sorted and deduplicated.
    fn from_sorted(pairs: &[(u64, EntityId)]) -> Buckets {
        Buckets {
            hashes: Arc::new(pairs.iter().map(|p| p.0).collect()),
            ids: Arc::new(pairs.iter().map(|p| p.1).collect()),
            overlay: ShardMap::default(),
        }
    }

    /// The entities with a key of this hash, in number order.
    fn members(&self, h: u64) -> &[EntityId] {
        if let Some(m) = self.overlay.get(&h) {
            return m;
        }
        let lo = self.hashes.partition_point(|&x| x < h);
        let hi = lo + self.hashes[lo..].partition_point(|&x| x == h);
        &self.ids[lo..hi]
    }

    fn edit(&mut self, h: u64, id: EntityId, present: bool) {
        let mut m = self.members(h).to_vec();
        match m.binary_search(&id) {
            Ok(i) if !present => {
                m.remove(i);
            }
            Err(i) if present => m.insert(i, id),
            _ => return,
        }
        self.overlay.insert(h, m.into());
    }

    /// Every (hash, entity), sorted.
    fn pairs(&self) -> Vec<(u64, EntityId)> {
        let mut v: Vec<(u64, EntityId)> =
            self.hashes.iter().zip(self.ids.iter()).filter(|(h, _)| !self.overlay.contains_key(*h)).map(|(h, i)| (*h, *i)).collect();
        v.extend(self.overlay.iter().flat_map(|(h, m)| m.iter().map(move |i| (*h, *i))));
        v.par_sort_unstable();
        v
    }

    /// Folds the changed buckets into the base once they are many.
    fn compact(&mut self) {
        if self.overlay.len() > 20_000 + self.hashes.len() / 8 {
            *self = Buckets::from_sorted(&self.pairs());
        }
    }
}

/// How two entities that share keys are linked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct PairInfo {
    /// The kinds of key they share (bits of [`KeyKind`]).
    kinds: u8,
    /// Some shared kind links them strongly.
    strong: bool,
    /// Otherwise, the first kind that links them weakly.
    weak: Option<KeyKind>,
}

/// A cluster of more than one entity, or with a group.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Cluster {
    /// Members in key order, with their keys.
    members: Vec<EntityId>,
    keys: Vec<EntityKey>,
    groups: Vec<Arc<NameGroup>>,
    group_of: Vec<(EntityKey, GroupId)>,
    flagged: Vec<(EntityKey, Arc<[(Arc<str>, GroupId)]>)>,
}

/// What [`update`] needs besides the decisions: the key buckets, the pairs and
/// the clusters.
#[derive(Clone, Debug, Default)]
pub(super) struct NameState {
    buckets: Buckets,
    pairs: ShardMap<(EntityId, EntityId), PairInfo>,
    /// Entity -> the entities it is paired with, in number order.
    adj: ShardMap<EntityId, Arc<[EntityId]>>,
    clusters: ShardMap<EntityId, Arc<Cluster>>,
}

impl PartialEq for NameState {
    fn eq(&self, o: &Self) -> bool {
        self.pairs == o.pairs && self.adj == o.adj && self.clusters == o.clusters && self.buckets.pairs() == o.buckets.pairs()
    }
}

impl NameState {
    fn neighbours(&self, id: EntityId) -> &[EntityId] {
        self.adj.get(&id).map_or(&[], |a| a)
    }

    fn set_pair(&mut self, a: EntityId, b: EntityId, info: Option<PairInfo>) {
        let present = info.is_some();
        match info {
            Some(i) => {
                self.pairs.insert((a, b), i);
            }
            None => {
                self.pairs.remove(&(a, b));
            }
        }
        for (x, y) in [(a, b), (b, a)] {
            let mut l: Vec<EntityId> = self.neighbours(x).to_vec();
            match l.binary_search(&y) {
                Ok(i) if !present => {
                    l.remove(i);
                }
                Err(i) if present => l.insert(i, y),
                _ => continue,
            }
            if l.is_empty() {
                self.adj.remove(&x);
            } else {
                self.adj.insert(x, l.into());
            }
        }
    }

    /// The cluster an entity belongs to, by its first member.
    fn cluster_of(&self, id: EntityId) -> EntityId {
        self.clusters.get(&id).map_or(id, |c| c.members[0])
    }
}

fn ordered(a: EntityId, b: EntityId) -> (EntityId, EntityId) {
    if a < b { (a, b) } else { (b, a) }
}

/// Evidence for a pair, computed as far as needed.
struct Evidence<'a> {
    a: &'a CorpusEntity,
    b: &'a CorpusEntity,
    index: &'a Index,
    /// (conflicting affiliations, agreeing affiliations)
    affiliations: Option<(bool, bool)>,
    support: Option<bool>,
}

impl Evidence<'_> {
    fn affiliations(&mut self) -> (bool, bool) {
        *self.affiliations.get_or_insert_with(|| {
            let affil = |g: &CorpusEntity| -> BTreeSet<String> {
                g.claims.iter().filter(|c| !c.claim.inferred).filter_map(|c| c.claim.affiliation.as_deref()).map(fold).collect()
            };
            let (aa, ab) = (affil(self.a), affil(self.b));
            if aa.is_empty() || ab.is_empty() {
                (false, false)
            } else if aa.is_disjoint(&ab) {
                (true, false)
            } else {
                (false, true)
            }
        })
    }

    fn conflict(&mut self) -> bool {
        self.affiliations().0
    }

    /// Agreeing affiliations, the same kind of role, or shared company.
    fn support(&mut self) -> bool {
        if let Some(s) = self.support {
            return s;
        }
        let s = self.affiliations().1 || same_role(self.a, self.b) || shared_company(self.a, self.b, self.index);
        self.support = Some(s);
        s
    }
}

fn same_role(a: &CorpusEntity, b: &CorpusEntity) -> bool {
    let heads = |g: &CorpusEntity| -> BTreeSet<String> {
        g.claims
            .iter()
            .filter_map(|c| c.claim.role.as_deref())
            .flat_map(|r| r.split([' ', '-']).map(str::to_lowercase).collect::<Vec<_>>())
            .filter(|w| lexicon().is(w, class::ROLE_HEAD) && !lexicon().is(w, class::ROLE_WEAK))
            .collect()
    };
    let ha = heads(a);
    !ha.is_empty() && !ha.is_disjoint(&heads(b))
}

/// At least three entities appear in articles of both.
fn shared_company(a: &CorpusEntity, b: &CorpusEntity, index: &Index) -> bool {
    let (small, large) = if a.docs.len() <= b.docs.len() { (a, b) } else { (b, a) };
    let mut company: FxHashSet<EntityId> = FxHashSet::default();
    for &d in small.docs.keys() {
        company.extend(index.entities_of_doc(d).iter().copied());
    }
    let mut shared: FxHashSet<EntityId> = FxHashSet::default();
    for &d in large.docs.keys() {
        for e in index.entities_of_doc(d) {
            if company.contains(e) && shared.insert(*e) && shared.len() >= 3 {
                return true;
            }
        }
    }
    false
}

enum Link {
    Strong,
    Weak,
    None,
}

/// Whether two entities whose spellings share a key of kind `kk` are one.
fn link(ev: &mut Evidence, kk: KeyKind, kb: &Kb) -> Link {
    let (a, b) = (ev.a, ev.b);
    if let (Some(x), Some(y)) = (a.kb, b.kb)
        && x != y
    {
        return Link::None;
    }
    // Two built-in places or organisations are never one another's misspelling.
    if a.kb.or(b.kb).is_some_and(|id| kb.entry(id).class != Class::Person && !kb.entry(id).is_user()) && kk != KeyKind::Spelling {
        return Link::None;
    }
    if ev.conflict() {
        return Link::None;
    }
    match kk {
        KeyKind::Spelling | KeyKind::Order => Link::Strong,
        KeyKind::Typo => {
            // One edit away: only a rare form next to one used several times.
            let (ca, cb) = (a.mentions, b.mentions);
            if ca.min(cb) > 2 || ca.max(cb) < 2 || !forms_one_edit_apart(a, b) {
                return Link::None;
            }
            if ev.support() { Link::Strong } else { Link::Weak }
        }
        KeyKind::Korean | KeyKind::Skeleton => {
            if ev.support() {
                Link::Strong
            } else {
                Link::Weak
            }
        }
    }
}

fn why(kk: KeyKind) -> &'static str {
    match kk {
        KeyKind::Korean => "another romanization of the same Korean name",
        KeyKind::Skeleton => "another transliteration",
        _ => "one letter apart",
    }
}

fn forms_one_edit_apart(a: &CorpusEntity, b: &CorpusEntity) -> bool {
    a.forms.keys().any(|x| b.forms.keys().any(|y| edit_distance(&spelling_key(x), &spelling_key(y), 1) == 1))
}

/// How two entities are linked, from their keys; `None` when they share no key
/// of a bucket small enough. `valid(hash, kind of key, key)`: whether at most
/// [`MAX_BUCKET`] entities have that key.
fn pair_info(
    index: &Index,
    kb: &Kb,
    (a, ka): (EntityId, &[Key]),
    (b, kb_keys): (EntityId, &[Key]),
    valid: &dyn Fn(u64, KeyKind, &str) -> bool,
) -> Option<PairInfo> {
    let (ga, gb) = (index.entity(a)?, index.entity(b)?);
    if !clustered(ga) || !clustered(gb) || ga.kind != gb.kind {
        return None;
    }
    let mut kinds = 0u8;
    let (mut i, mut j) = (0, 0);
    while i < ka.len() && j < kb_keys.len() {
        match ka[i].cmp(&kb_keys[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let k = &ka[i];
                if kinds & bit(k.kk) == 0 && valid(k.h, k.kk, &k.s) {
                    kinds |= bit(k.kk);
                }
                i += 1;
                j += 1;
            }
        }
    }
    if kinds == 0 {
        return None;
    }
    let mut ev = Evidence { a: ga, b: gb, index, affiliations: None, support: None };
    let mut weak = None;
    for kk in KEY_KINDS {
        if kinds & bit(kk) == 0 {
            continue;
        }
        match link(&mut ev, kk, kb) {
            Link::Strong => return Some(PairInfo { kinds, strong: true, weak: None }),
            Link::Weak => {
                weak.get_or_insert(kk);
            }
            Link::None => {}
        }
    }
    Some(PairInfo { kinds, strong: false, weak })
}

/// The groups of one cluster (members in key order).
fn cluster(members: &[(EntityId, &CorpusEntity)], kb: &Kb, config: &Config) -> Cluster {
    let first = members[0].1.key.clone();
    let kind = members[0].1.kind.expect("clustered");
    let mut out = Cluster {
        members: members.iter().map(|m| m.0).collect(),
        keys: members.iter().map(|m| m.1.key.clone()).collect(),
        groups: Vec::new(),
        group_of: Vec::new(),
        flagged: Vec::new(),
    };
    let mut forms: BTreeMap<&str, u32> = BTreeMap::new();
    for (_, g) in members {
        for (f, c) in &g.forms {
            *forms.entry(f).or_default() += c;
        }
    }
    // A built-in entry's aliases are accepted: only spellings of one alias
    // ("U.S." / "US") form a group.
    let kb_ids: BTreeSet<usize> = members.iter().filter_map(|m| m.1.kb).collect();
    let user_kb = kb_ids.iter().copied().find(|&id| kb.entry(id).is_user());
    let sub_groups: Vec<BTreeMap<&str, u32>> = if user_kb.is_none() && !kb_ids.is_empty() {
        let mut by_key: BTreeMap<String, BTreeMap<&str, u32>> = BTreeMap::new();
        for (f, c) in &forms {
            by_key.entry(spelling_key(f)).or_default().insert(f, *c);
        }
        by_key.into_values().collect()
    } else {
        vec![forms]
    };
    let mut group_of: BTreeMap<usize, GroupId> = BTreeMap::new();
    let mut flagged: Vec<Vec<(Arc<str>, GroupId)>> = vec![Vec::new(); members.len()];
    for forms in sub_groups {
        let distinct: BTreeSet<String> = forms.keys().map(|f| f.to_lowercase()).collect();
        let kb_listed_variants = user_kb.is_some_and(|id| forms.keys().any(|f| kb.entry(id).variants.iter().any(|v| fold(v) == fold(f))));
        if distinct.len() < 2 && !kb_listed_variants {
            continue;
        }
        let mut counted: Vec<(String, u32)> = forms.iter().map(|(f, c)| (f.to_string(), *c)).collect();
        counted.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.len().cmp(&a.0.len())).then(a.0.cmp(&b.0)));
        let (preferred, rule) = choose_preferred(&counted, kind, user_kb.map(|id| kb.entry(id).name.as_str()), config);
        let id = GroupId { first: first.clone(), sub: out.groups.len() as u32 };
        for (mi, (_, g)) in members.iter().enumerate() {
            for f in g.forms.keys() {
                if !forms.contains_key(f) {
                    continue;
                }
                group_of.insert(mi, id.clone());
                let accepted_alias = user_kb.is_some_and(|id| {
                    let e = kb.entry(id);
                    e.aliases.iter().any(|a| a == f) && !e.variants.iter().any(|v| v == f)
                });
                if f.to_lowercase() != preferred.to_lowercase() && !accepted_alias {
                    flagged[mi].push((f.into(), id.clone()));
                }
            }
        }
        out.groups.push(Arc::new(NameGroup { id, members: out.keys.clone(), kind, forms: counted, preferred, rule }));
    }
    out.group_of = group_of.into_iter().map(|(mi, id)| (out.keys[mi].clone(), id)).collect();
    out.flagged = flagged.into_iter().enumerate().filter(|(_, l)| !l.is_empty()).map(|(mi, l)| (out.keys[mi].clone(), l.into())).collect();
    out
}

/// Whether a cluster of one may have a group (several spellings, or a user entry
/// that lists variants).
fn may_group_alone(g: &CorpusEntity, kb: &Kb) -> bool {
    g.forms.len() >= 2 || g.kb.is_some_and(|id| kb.entry(id).is_user())
}

/// The weak match of a pair.
fn possible(index: &Index, out: &NameDecisions, a: EntityId, b: EntityId, kk: KeyKind) -> Possible {
    let (ga, gb) = (index.entity(a).expect("live"), index.entity(b).expect("live"));
    let (lo, hi) = if ga.key < gb.key { (ga, gb) } else { (gb, ga) };
    // The rarer entity is the one that may be misspelt.
    let (rare, other) = if lo.mentions < hi.mentions { (lo, hi) } else { (hi, lo) };
    let other_form =
        out.preferred(&other.key).map(str::to_string).or_else(|| other.majority_form().map(str::to_string)).unwrap_or_default();
    Possible { rare: rare.key.clone(), other: other.key.clone(), other_form, why: why(kk) }
}

fn insert_cluster(out: &mut NameDecisions, st: &mut NameState, c: Cluster) {
    for g in &c.groups {
        out.groups.insert(g.id.clone(), g.clone());
    }
    for (k, id) in &c.group_of {
        out.group_of.insert(k.clone(), id.clone());
    }
    for (k, l) in &c.flagged {
        out.flagged.insert(k.clone(), l.clone());
    }
    let c = Arc::new(c);
    for &m in &c.members {
        st.clusters.insert(m, c.clone());
    }
}

fn remove_cluster(out: &mut NameDecisions, st: &mut NameState, c: &Cluster) {
    for g in &c.groups {
        out.groups.remove(&g.id);
    }
    for (k, _) in &c.group_of {
        out.group_of.remove(k);
    }
    for (k, _) in &c.flagged {
        out.flagged.remove(k);
    }
    for m in &c.members {
        st.clusters.remove(m);
    }
}

struct Dsu(Vec<usize>);

impl Dsu {
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut x = x;
        while self.0[x] != r {
            let n = self.0[x];
            self.0[x] = r;
            x = n;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// Clusters the index's names and decides preferred forms.
pub fn decide(index: &Index, kb: &Kb, config: &Config) -> NameDecisions {
    decide_with_state(index, kb, config).0
}

/// [`decide`], with the state [`update`] needs.
pub(super) fn decide_with_state(index: &Index, kb: &Kb, config: &Config) -> (NameDecisions, NameState) {
    let ents: Vec<(EntityId, &CorpusEntity)> = index.iter_ids().filter(|(_, g)| clustered(g)).collect();
    // Every key's hash with its entity, sorted: runs are buckets.
    let mut pairs: Vec<(u64, EntityId)> =
        ents.par_iter().flat_map_iter(|&(id, g)| hashes(&entity_keys(g)).into_iter().map(move |h| (h, id))).collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    let buckets = Buckets::from_sorted(&pairs);
    let mut candidates: Vec<(EntityId, EntityId)> = Vec::new();
    let mut wide: Vec<(u64, &[(u64, EntityId)])> = Vec::new();
    for run in pairs.chunk_by(|a, b| a.0 == b.0) {
        if run.len() < 2 {
            continue;
        }
        if run.len() > MAX_BUCKET {
            wide.push((run[0].0, run));
            continue;
        }
        for x in 0..run.len() {
            for y in x + 1..run.len() {
                candidates.push((run[x].1, run[y].1));
            }
        }
    }
    // The real keys of the entities that may pair (hashes only found candidates).
    let mut need: Vec<EntityId> = candidates.iter().flat_map(|&(a, b)| [a, b]).collect();
    need.extend(wide.iter().flat_map(|(_, run)| run.iter().map(|p| p.1)));
    need.par_sort_unstable();
    need.dedup();
    let keys: FxHashMap<EntityId, Vec<Key>> = need.par_iter().map(|&id| (id, entity_keys(index.entity(id).expect("live")))).collect();
    // Wide buckets: a hash may join several keys; keys of at most twelve pair.
    let mut wide_sizes: FxHashMap<(u64, KeyKind, &str), usize> = FxHashMap::default();
    for (h, run) in &wide {
        let mut by_key: BTreeMap<(KeyKind, &str), Vec<EntityId>> = BTreeMap::new();
        for &(_, id) in run.iter() {
            for k in keys[&id].iter().filter(|k| k.h == *h) {
                by_key.entry((k.kk, &k.s)).or_default().push(id);
            }
        }
        for ((kk, s), ids) in by_key {
            wide_sizes.insert((*h, kk, s), ids.len());
            if ids.len() <= MAX_BUCKET {
                for x in 0..ids.len() {
                    for y in x + 1..ids.len() {
                        candidates.push((ids[x], ids[y]));
                    }
                }
            }
        }
    }
    candidates.par_sort_unstable();
    candidates.dedup();
    let valid = |h: u64, kk: KeyKind, s: &str| {
        buckets.members(h).len() <= MAX_BUCKET || wide_sizes.get(&(h, kk, s)).is_some_and(|&n| n <= MAX_BUCKET)
    };
    let infos: Vec<((EntityId, EntityId), PairInfo)> = candidates
        .par_iter()
        .filter_map(|&(a, b)| pair_info(index, kb, (a, &keys[&a]), (b, &keys[&b]), &valid).map(|i| ((a, b), i)))
        .collect();
    drop(keys);
    // Clusters: components of strong links.
    let mut pos: FxHashMap<EntityId, usize> = FxHashMap::default();
    for (i, (id, _)) in ents.iter().enumerate() {
        pos.insert(*id, i);
    }
    let mut dsu = Dsu((0..ents.len()).collect());
    let mut adj: FxHashMap<EntityId, Vec<EntityId>> = FxHashMap::default();
    for ((a, b), info) in &infos {
        if info.strong {
            dsu.union(pos[a], pos[b]);
        }
        adj.entry(*a).or_default().push(*b);
        adj.entry(*b).or_default().push(*a);
    }
    let mut comps: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for i in 0..ents.len() {
        let r = dsu.find(i);
        if r != i || adj.contains_key(&ents[i].0) || may_group_alone(ents[i].1, kb) {
            comps.entry(r).or_default().push(i);
        }
    }
    let comps: Vec<Vec<usize>> = comps.into_values().filter(|m| m.len() >= 2 || may_group_alone(ents[m[0]].1, kb)).collect();
    let clusters: Vec<Cluster> = comps
        .par_iter()
        .map(|m| {
            let mut members: Vec<(EntityId, &CorpusEntity)> = m.iter().map(|&i| ents[i]).collect();
            members.sort_by(|a, b| a.1.key.cmp(&b.1.key));
            cluster(&members, kb, config)
        })
        .filter(|c| c.members.len() >= 2 || !c.groups.is_empty())
        .collect();
    let mut out = NameDecisions {
        groups: ShardMap::from_vec(clusters.iter().flat_map(|c| c.groups.iter().map(|g| (g.id.clone(), g.clone()))).collect()),
        group_of: ShardMap::from_vec(clusters.iter().flat_map(|c| c.group_of.iter().cloned()).collect()),
        flagged: ShardMap::from_vec(clusters.iter().flat_map(|c| c.flagged.iter().cloned()).collect()),
        possible: ShardMap::default(),
    };
    let clusters: Vec<Arc<Cluster>> = clusters.into_iter().map(Arc::new).collect();
    let mut st = NameState {
        buckets,
        pairs: ShardMap::from_vec(infos.clone()),
        adj: ShardMap::from_vec(
            adj.into_iter()
                .map(|(k, mut v)| {
                    v.sort_unstable();
                    (k, v.into())
                })
                .collect(),
        ),
        clusters: ShardMap::from_vec(clusters.iter().flat_map(|c| c.members.iter().map(move |&m| (m, c.clone()))).collect()),
    };
    // Weak matches between clusters.
    for ((a, b), info) in &infos {
        if let (false, Some(kk)) = (info.strong, info.weak)
            && st.cluster_of(*a) != st.cluster_of(*b)
        {
            out.insert_possible(Arc::new(possible(index, &out, *a, *b, kk)));
        }
    }
    st.buckets.compact();
    (out, st)
}

/// Brings the name decisions up to date after the index changed by `changes`
/// (listed, not `all`): the same result as [`decide`] on the index as it is now.
/// Returns the entities whose findings may have changed: members of groups that
/// changed or that contain a changed entity, both sides of changed weak matches,
/// and changed entities whose most used spelling changed, appeared or left.
pub(super) fn update(
    out: &mut NameDecisions,
    st: &mut NameState,
    index: &Index,
    changes: &IndexChanges,
    kb: &Kb,
    config: &Config,
) -> Vec<EntityKey> {
    let dirty = &changes.entities;
    let mut keys: FxHashMap<EntityId, Arc<Vec<Key>>> = FxHashMap::default();
    let mut keys_of_id = |id: EntityId| -> Arc<Vec<Key>> {
        keys.entry(id).or_insert_with(|| Arc::new(index.entity(id).map(entity_keys).unwrap_or_default())).clone()
    };
    // 1. Which buckets the changed entities leave and join.
    let mut edits: Vec<(u64, EntityId, bool)> = Vec::new();
    let mut touched: FxHashSet<u64> = FxHashSet::default();
    for (&id, before) in dirty {
        let old: Vec<u64> = match before {
            Some(b) if b.kind.is_some() && !b.forms.is_empty() => hashes(&keys_of(b.kind.expect("some"), b.forms.keys())),
            _ => Vec::new(),
        };
        let new = hashes(&keys_of_id(id));
        for h in old.iter().filter(|h| new.binary_search(h).is_err()) {
            edits.push((*h, id, false));
            touched.insert(*h);
        }
        for h in new.iter().filter(|h| old.binary_search(h).is_err()) {
            edits.push((*h, id, true));
            touched.insert(*h);
        }
    }
    // 2. Pairs that may change: those of changed entities, those in buckets
    // that change (before and after).
    let mut candidates: FxHashSet<(EntityId, EntityId)> = FxHashSet::default();
    for &id in dirty.keys() {
        candidates.extend(st.neighbours(id).iter().map(|&y| ordered(id, y)));
    }
    for &h in &touched {
        let members = st.buckets.members(h);
        for &m in members {
            candidates.extend(st.neighbours(m).iter().filter(|y| members.binary_search(y).is_ok()).map(|&y| ordered(m, y)));
        }
    }
    for (h, id, present) in edits {
        st.buckets.edit(h, id, present);
    }
    for &h in &touched {
        let members = st.buckets.members(h).to_vec();
        if members.len() < 2 {
            continue;
        }
        if members.len() <= MAX_BUCKET {
            for x in 0..members.len() {
                for y in x + 1..members.len() {
                    candidates.insert((members[x], members[y]));
                }
            }
            continue;
        }
        let mut by_key: BTreeMap<(KeyKind, String), Vec<EntityId>> = BTreeMap::new();
        for &id in &members {
            for k in keys_of_id(id).iter().filter(|k| k.h == h) {
                by_key.entry((k.kk, k.s.clone())).or_default().push(id);
            }
        }
        for ids in by_key.into_values().filter(|v| v.len() <= MAX_BUCKET) {
            for x in 0..ids.len() {
                for y in x + 1..ids.len() {
                    candidates.insert(ordered(ids[x], ids[y]));
                }
            }
        }
    }
    // 3. Re-link them.
    let mut candidates: Vec<(EntityId, EntityId)> = candidates.into_iter().collect();
    candidates.sort_unstable();
    for &(a, b) in &candidates {
        keys_of_id(a);
        keys_of_id(b);
    }
    let mut wide_sizes: FxHashMap<(u64, KeyKind, String), usize> = FxHashMap::default();
    let mut affected: FxHashSet<EntityId> = dirty.keys().copied().collect();
    for (a, b) in candidates {
        let (ka, kb_keys) = (keys_of_id(a), keys_of_id(b));
        // Sizes of wide buckets' real keys.
        for k in ka.iter() {
            let m = st.buckets.members(k.h);
            if m.len() > MAX_BUCKET && kb_keys.binary_search(k).is_ok() && !wide_sizes.contains_key(&(k.h, k.kk, k.s.clone())) {
                let m = m.to_vec();
                let n = m.iter().filter(|&&x| keys_of_id(x).binary_search(k).is_ok()).count();
                wide_sizes.insert((k.h, k.kk, k.s.clone()), n);
            }
        }
        let buckets = &st.buckets;
        let valid = |h: u64, kk: KeyKind, s: &str| {
            buckets.members(h).len() <= MAX_BUCKET || wide_sizes.get(&(h, kk, s.to_string())).is_some_and(|&n| n <= MAX_BUCKET)
        };
        let info = pair_info(index, kb, (a, &ka), (b, &kb_keys), &valid);
        if st.pairs.get(&(a, b)).copied() != info {
            st.set_pair(a, b, info);
            affected.insert(a);
            affected.insert(b);
        }
    }
    // 4. The clusters of affected entities: their region is closed under strong
    // links (a strong link leaving it would be unchanged, so inside an old cluster).
    let mut region: FxHashSet<EntityId> = FxHashSet::default();
    let mut old: Vec<Arc<Cluster>> = Vec::new();
    let mut old_firsts: FxHashSet<EntityId> = FxHashSet::default();
    for &x in &affected {
        match st.clusters.get(&x) {
            Some(c) => {
                if old_firsts.insert(c.members[0]) {
                    old.push(c.clone());
                    region.extend(c.members.iter().copied());
                }
            }
            None => {
                region.insert(x);
            }
        }
    }
    let old_key = |x: EntityId| -> Option<EntityKey> {
        match dirty.get(&x) {
            Some(b) => b.as_ref().map(|b| b.key.clone()),
            None => index.entity(x).map(|g| g.key.clone()),
        }
    };
    for c in &old {
        remove_cluster(out, st, c);
    }
    let mut region_sorted: Vec<EntityId> = region.iter().copied().collect();
    region_sorted.sort_unstable();
    let mut seen: FxHashSet<EntityId> = FxHashSet::default();
    let mut new: Vec<Arc<Cluster>> = Vec::new();
    for &x in &region_sorted {
        let Some(g) = index.entity(x) else { continue };
        if !clustered(g) || !seen.insert(x) {
            continue;
        }
        let mut comp = vec![x];
        let mut i = 0;
        while i < comp.len() {
            let y = comp[i];
            i += 1;
            for &z in st.neighbours(y) {
                if st.pairs.get(&ordered(y, z)).is_some_and(|p| p.strong) && seen.insert(z) {
                    debug_assert!(region.contains(&z), "a strong link leaves the region");
                    comp.push(z);
                }
            }
        }
        if comp.len() == 1 && !may_group_alone(g, kb) {
            continue;
        }
        let mut members: Vec<(EntityId, &CorpusEntity)> = comp.iter().map(|&m| (m, index.entity(m).expect("live"))).collect();
        members.sort_by(|a, b| a.1.key.cmp(&b.1.key));
        let c = cluster(&members, kb, config);
        if c.members.len() >= 2 || !c.groups.is_empty() {
            insert_cluster(out, st, c);
            new.push(st.clusters.get(&x).expect("inserted").clone());
        }
    }
    // 5. Weak matches of the region.
    let mut removed: Vec<Arc<Possible>> = Vec::new();
    for &x in &region_sorted {
        if let Some(k) = old_key(x) {
            removed.extend(out.remove_possibles(&k));
        }
    }
    let mut added: Vec<Arc<Possible>> = Vec::new();
    let mut done: FxHashSet<(EntityId, EntityId)> = FxHashSet::default();
    for &x in &region_sorted {
        for &y in st.neighbours(x) {
            let p = ordered(x, y);
            let info = *st.pairs.get(&p).expect("paired");
            if let (false, Some(kk)) = (info.strong, info.weak)
                && st.cluster_of(x) != st.cluster_of(y)
                && done.insert(p)
            {
                let p = Arc::new(possible(index, out, x, y, kk));
                out.insert_possible(p.clone());
                added.push(p);
            }
        }
    }
    st.buckets.compact();
    // 6. What changed.
    let mut report: BTreeSet<EntityKey> = BTreeSet::new();
    let grouped = |c: &Cluster| !c.groups.is_empty();
    for c in old.iter().filter(|c| grouped(c)) {
        if c.members.iter().any(|m| dirty.contains_key(m)) || !new.iter().any(|n| **n == **c) {
            report.extend(c.keys.iter().cloned());
        }
    }
    for c in new.iter().filter(|c| grouped(c)) {
        if c.members.iter().any(|m| dirty.contains_key(m)) || !old.iter().any(|o| **o == **c) {
            report.extend(c.keys.iter().cloned());
        }
    }
    for p in &removed {
        if !added.iter().any(|q| **q == **p) {
            report.insert(p.rare.clone());
            report.insert(p.other.clone());
        }
    }
    for p in &added {
        if !removed.iter().any(|q| **q == **p) {
            report.insert(p.rare.clone());
            report.insert(p.other.clone());
        }
    }
    for (&id, before) in dirty {
        let now = index.entity(id);
        let (was, is) = (before.as_ref().map(|b| majority(&b.forms)), now.map(|g| g.majority_form()));
        if before.as_ref().map(|b| &b.key) != now.map(|g| &g.key) || was != is {
            report.extend(before.as_ref().map(|b| b.key.clone()));
            report.extend(now.map(|g| g.key.clone()));
        }
    }
    report.into_iter().collect()
}

fn majority(forms: &crate::index::Forms) -> Option<&str> {
    forms.iter().max_by(|a, b| a.1.cmp(&b.1).then(a.0.len().cmp(&b.0.len())).then(b.0.cmp(a.0))).map(|(f, _)| f)
}

/// The preferred form of a group (forms sorted most used first).
fn choose_preferred(forms: &[(String, u32)], kind: Kind, kb_name: Option<&str>, config: &Config) -> (String, PreferredBy) {
    if let Some(name) = kb_name {
        return (name.to_string(), PreferredBy::KnowledgeBase);
    }
    if kind == Kind::Person && config.korean_names != KoreanNames::Auto && forms.iter().any(|(f, _)| is_korean_name(f)) {
        let conforming: Vec<&(String, u32)> = forms.iter().filter(|(f, _)| korean_style(f) == Some(config.korean_names)).collect();
        if !conforming.is_empty() && conforming.len() < forms.len() {
            return (conforming[0].0.clone(), PreferredBy::HouseStyle);
        }
    }
    (forms[0].0.clone(), PreferredBy::Majority)
}

/// How a Korean name (family name first) writes its given name.
pub fn korean_style(form: &str) -> Option<KoreanNames> {
    let words: Vec<&str> = form.split_whitespace().collect();
    if words.len() < 2 || korean_keys(form).is_empty() || !crate::romanize::is_korean_surname(words[0]) {
        return None;
    }
    match words.len() {
        2 if words[1].contains('-') => {
            let (_, b) = words[1].split_once('-')?;
            b.chars().next().is_some_and(char::is_lowercase).then_some(KoreanNames::Hyphenated)
        }
        2 => Some(KoreanNames::Joined),
        3 => Some(KoreanNames::Spaced),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_styles() {
        assert_eq!(korean_style("Lee Jae-myung"), Some(KoreanNames::Hyphenated));
        assert_eq!(korean_style("Lee Jae Myung"), Some(KoreanNames::Spaced));
        assert_eq!(korean_style("Lee Jaemyung"), Some(KoreanNames::Joined));
        assert_eq!(korean_style("Seongrak Wi"), None);
        assert_eq!(korean_style("Mark Rutte"), None);
    }

    #[test]
    fn house_style_then_majority() {
        let forms = vec![("Kim Jong Un".to_string(), 3), ("Kim Jong-un".to_string(), 1)];
        let mut c = Config::default_for(std::path::Path::new("/"));
        assert_eq!(choose_preferred(&forms, Kind::Person, None, &c), ("Kim Jong Un".into(), PreferredBy::Majority));
        c.korean_names = KoreanNames::Hyphenated;
        assert_eq!(choose_preferred(&forms, Kind::Person, None, &c), ("Kim Jong-un".into(), PreferredBy::HouseStyle));
        assert_eq!(choose_preferred(&forms, Kind::Person, Some("Kim Jong-un"), &c).1, PreferredBy::KnowledgeBase);
    }
}
