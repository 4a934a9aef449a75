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
use crate::model::{Kind, PreferredBy, TieBreak};
use crate::translit::{article_key, translit_key, translit_near_keys};

mod incremental;
mod key_sets;
mod links;
mod preferred;
mod scratch;

pub(super) use incremental::update;
use key_sets::*;
use links::*;
pub use preferred::korean_style;
use preferred::*;
pub(super) use scratch::decide_with_state;

/// The spellings of one entity flagged as variants, each with its group.
type FlaggedForms = Arc<[(Arc<str>, GroupId)]>;

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
    pub forms: Arc<[(String, u32)]>,
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
    flagged: ShardMap<EntityKey, FlaggedForms>,
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
    /// The transliteration skeleton ([`crate::translit::translit_key`]).
    Translit,
    /// The given name's full form with the rest of the name ("Bob Gates" /
    /// "Robert Gates", [`crate::nicknames`]).
    Given,
    /// Skeletons one consonant class apart ([`crate::translit::translit_near_keys`]).
    TranslitNear,
    /// The name without its middle names ("Rodrigo Roa Duterte" / "Rodrigo Duterte").
    Middle,
    Typo,
}

const KEY_KINDS: [KeyKind; 9] = [
    KeyKind::Spelling,
    KeyKind::Order,
    KeyKind::Korean,
    KeyKind::Skeleton,
    KeyKind::Translit,
    KeyKind::Given,
    KeyKind::TranslitNear,
    KeyKind::Middle,
    KeyKind::Typo,
];

fn bit(kk: KeyKind) -> u16 {
    1 << kk as u16
}

/// One clustering key of an entity, with its hash (which includes the entity's kind).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    h: u64,
    kk: KeyKind,
    s: String,
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
    kinds: u16,
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
    flagged: Vec<(EntityKey, FlaggedForms)>,
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

    /// Agreeing affiliations or the same kind of role.
    fn claims_agree(&mut self) -> bool {
        self.affiliations().1 || same_role(self.a, self.b)
    }

    /// Agreeing affiliations, the same kind of role, or shared company.
    fn support(&mut self) -> bool {
        if let Some(s) = self.support {
            return s;
        }
        let s = self.claims_agree() || shared_company(self.a, self.b, self.index);
        self.support = Some(s);
        s
    }
}

enum Link {
    Strong,
    Weak,
    None,
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

    #[test]
    fn a_tie_says_what_broke_it() {
        use crate::model::Tie;
        let c = Config::default_for(std::path::Path::new("/"));
        let tie = |by| PreferredBy::Tie(Tie { count: 1, ways: 2, broken_by: by });
        // The forms in the order the group sorts them: most used, more bytes, alphabetical.
        let forms = vec![("Recep Tayyip Erdoğan".to_string(), 1), ("Recep Tayyip Erdogan".to_string(), 1)];
        assert_eq!(choose_preferred(&forms, Kind::Person, None, &c), ("Recep Tayyip Erdoğan".into(), tie(TieBreak::NonAscii)));
        let forms = vec![("Volodymyr Zelenskyy".to_string(), 1), ("Volodymyr Zelensky".to_string(), 1)];
        assert_eq!(choose_preferred(&forms, Kind::Person, None, &c).1, tie(TieBreak::Longer));
        let forms = vec![("Cho Hyun".to_string(), 1), ("Hyun Cho".to_string(), 1)];
        assert_eq!(choose_preferred(&forms, Kind::Person, None, &c).1, tie(TieBreak::Alphabetical));
        let forms = vec![("Cho Hyun".to_string(), 2), ("Hyun Cho".to_string(), 1)];
        assert_eq!(choose_preferred(&forms, Kind::Person, None, &c).1, PreferredBy::Majority);
    }

    #[test]
    fn acronym_house_style() {
        let forms = vec![("Nato".to_string(), 6), ("NATO".to_string(), 3)];
        let mut c = Config::default_for(std::path::Path::new("/"));
        assert_eq!(choose_preferred(&forms, Kind::Org, None, &c), ("Nato".into(), PreferredBy::Majority));
        c.acronyms = crate::config::Acronyms::Upper;
        assert_eq!(choose_preferred(&forms, Kind::Org, None, &c), ("NATO".into(), PreferredBy::HouseStyle));
        c.acronyms = crate::config::Acronyms::Title;
        assert_eq!(choose_preferred(&forms, Kind::Org, None, &c), ("Nato".into(), PreferredBy::Majority), "already the style");
    }
}
