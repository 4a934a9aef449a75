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

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::config::{Config, KoreanNames};
use crate::fold::fold;
use crate::index::{CorpusEntity, EntityKey, Index};
use crate::kb::{Class, Kb};
use crate::keys::{deletion_keys, edit_distance, is_korean_name, korean_keys, order_key, skeleton_key, spelling_key};
use crate::lexicon::{class, lexicon};
use crate::model::{Kind, PreferredBy};

/// A set of spellings of one entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameGroup {
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

/// The corpus-wide decisions about names.
#[derive(Clone, Debug, Default)]
pub struct NameDecisions {
    pub groups: Vec<NameGroup>,
    /// Entity -> its group.
    pub group_of: HashMap<EntityKey, usize>,
    /// Forms that get a finding: (entity, form) -> group.
    pub flagged: HashMap<(EntityKey, String), usize>,
    pub possible: Vec<Possible>,
}

impl NameDecisions {
    /// The preferred spelling of an entity, if it belongs to a group.
    pub fn preferred(&self, key: &EntityKey) -> Option<&str> {
        self.group_of.get(key).map(|&g| self.groups[g].preferred.as_str())
    }
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
enum KeyKind {
    Spelling,
    Order,
    Korean,
    Skeleton,
    Typo,
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
            // Deterministic: the smaller index is the root.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// Candidates sharing one key: (kind, which key, the key).
type Bucket = (Kind, KeyKind, String);

/// Clusters the index's names and decides preferred forms.
pub fn decide(index: &Index, kb: &Kb, config: &Config) -> NameDecisions {
    // Deterministic order of entities.
    let mut ents: Vec<(&EntityKey, &CorpusEntity)> = index.iter().filter(|(_, g)| g.kind.is_some() && !g.forms.is_empty()).collect();
    ents.sort_by(|a, b| a.0.cmp(b.0));
    let n = ents.len();
    let mut buckets: HashMap<Bucket, Vec<usize>> = HashMap::new();
    for (i, (_, g)) in ents.iter().enumerate() {
        let kind = g.kind.expect("filtered");
        for form in g.forms.keys() {
            let multiword = form.split_whitespace().count() >= 2;
            let mut add = |kk: KeyKind, k: String| {
                let b = buckets.entry((kind, kk, k)).or_default();
                if b.last() != Some(&i) {
                    b.push(i);
                }
            };
            add(KeyKind::Spelling, spelling_key(form));
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
                let sk = spelling_key(form);
                if sk.chars().count() >= 8 {
                    for d in deletion_keys(&sk) {
                        add(KeyKind::Typo, d);
                    }
                }
            }
        }
    }
    let mut dsu = Dsu((0..n).collect());
    let mut possible: BTreeMap<(usize, usize), &'static str> = BTreeMap::new();
    let mut sorted: Vec<(&Bucket, &Vec<usize>)> = buckets.iter().filter(|(_, v)| v.len() >= 2).collect();
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    for ((_, kk, _), members) in sorted {
        if members.len() > 12 {
            continue; // A key shared this widely is not a name's.
        }
        for x in 0..members.len() {
            for y in x + 1..members.len() {
                let (a, b) = (members[x], members[y]);
                if dsu.find(a) == dsu.find(b) {
                    continue;
                }
                match link(ents[a].1, ents[b].1, *kk, index, kb) {
                    Link::Strong => {
                        dsu.union(a, b);
                        possible.remove(&(a.min(b), a.max(b)));
                    }
                    Link::Weak(why) => {
                        possible.entry((a.min(b), a.max(b))).or_insert(why);
                    }
                    Link::None => {}
                }
            }
        }
    }
    // Components.
    let mut comps: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        comps.entry(dsu.find(i)).or_default().push(i);
    }
    let mut out = NameDecisions::default();
    for (_, members) in comps {
        let kind = ents[members[0]].1.kind.expect("filtered");
        let mut forms: BTreeMap<String, u32> = BTreeMap::new();
        for &m in &members {
            for (f, c) in &ents[m].1.forms {
                *forms.entry(f.clone()).or_default() += c;
            }
        }
        // A built-in entry's aliases are accepted: only spellings of one alias
        // ("U.S." / "US") form a group.
        let kb_ids: BTreeSet<usize> = members.iter().filter_map(|&m| ents[m].1.kb).collect();
        let user_kb = kb_ids.iter().copied().find(|&id| kb.entry(id).is_user());
        let sub_groups: Vec<BTreeMap<String, u32>> = if user_kb.is_none() && !kb_ids.is_empty() {
            let mut by_key: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
            for (f, c) in &forms {
                by_key.entry(spelling_key(f)).or_default().insert(f.clone(), *c);
            }
            by_key.into_values().collect()
        } else {
            vec![forms]
        };
        for forms in sub_groups {
            let distinct: BTreeSet<String> = forms.keys().map(|f| f.to_lowercase()).collect();
            let kb_listed_variants =
                user_kb.is_some_and(|id| forms.keys().any(|f| kb.entry(id).variants.iter().any(|v| fold(v) == fold(f))));
            if distinct.len() < 2 && !kb_listed_variants {
                continue;
            }
            let mut counted: Vec<(String, u32)> = forms.iter().map(|(f, c)| (f.clone(), *c)).collect();
            counted.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.len().cmp(&a.0.len())).then(a.0.cmp(&b.0)));
            let (preferred, rule) = choose_preferred(&counted, kind, user_kb.map(|id| kb.entry(id).name.as_str()), config);
            let gi = out.groups.len();
            let member_keys: Vec<EntityKey> = members.iter().map(|&m| ents[m].0.clone()).collect();
            for &m in &members {
                let key = ents[m].0;
                for f in ents[m].1.forms.keys() {
                    if !forms.contains_key(f) {
                        continue;
                    }
                    out.group_of.insert(key.clone(), gi);
                    let accepted_alias = user_kb.is_some_and(|id| {
                        let e = kb.entry(id);
                        e.aliases.iter().any(|a| a == f) && !e.variants.iter().any(|v| v == f)
                    });
                    if f.to_lowercase() != preferred.to_lowercase() && !accepted_alias {
                        out.flagged.insert((key.clone(), f.clone()), gi);
                    }
                }
            }
            out.groups.push(NameGroup { members: member_keys, kind, forms: counted, preferred, rule });
        }
    }
    for ((a, b), why) in possible {
        if dsu.find(a) == dsu.find(b) {
            continue;
        }
        // The rarer entity is the one that may be misspelt.
        let (rare, other) =
            if ents[a].1.mentions < ents[b].1.mentions || (ents[a].1.mentions == ents[b].1.mentions && a > b) { (a, b) } else { (b, a) };
        let other_form = out
            .preferred(ents[other].0)
            .map(str::to_string)
            .or_else(|| ents[other].1.majority_form().map(str::to_string))
            .unwrap_or_default();
        out.possible.push(Possible { rare: ents[rare].0.clone(), other: ents[other].0.clone(), other_form, why });
    }
    out
}

enum Link {
    Strong,
    Weak(&'static str),
    None,
}

/// Whether two entities whose spellings share a key of kind `kk` are one.
fn link(a: &CorpusEntity, b: &CorpusEntity, kk: KeyKind, index: &Index, kb: &Kb) -> Link {
    if let (Some(x), Some(y)) = (a.kb, b.kb)
        && x != y
    {
        return Link::None;
    }
    // Two built-in places or organisations are never one another's misspelling.
    if a.kb.or(b.kb).is_some_and(|id| kb.entry(id).class != Class::Person && !kb.entry(id).is_user()) && kk != KeyKind::Spelling {
        return Link::None;
    }
    let ev = evidence(a, b, index);
    if ev.conflict {
        return Link::None;
    }
    match kk {
        KeyKind::Spelling | KeyKind::Order => Link::Strong,
        KeyKind::Typo => {
            // One edit away: only a rare form next to one used several times.
            let (ca, cb) = (a.mentions, b.mentions);
            let typo_shape = forms_one_edit_apart(a, b);
            if !typo_shape || ca.min(cb) > 2 || ca.max(cb) < 2 {
                return Link::None;
            }
            if ev.support >= 1 { Link::Strong } else { Link::Weak("one letter apart") }
        }
        KeyKind::Korean | KeyKind::Skeleton => {
            if ev.support >= 1 {
                Link::Strong
            } else {
                Link::Weak(if kk == KeyKind::Korean { "another romanization of the same Korean name" } else { "another transliteration" })
            }
        }
    }
}

fn forms_one_edit_apart(a: &CorpusEntity, b: &CorpusEntity) -> bool {
    a.forms.keys().any(|x| b.forms.keys().any(|y| edit_distance(&spelling_key(x), &spelling_key(y), 1) == 1))
}

struct Evidence {
    support: i32,
    conflict: bool,
}

fn evidence(a: &CorpusEntity, b: &CorpusEntity, index: &Index) -> Evidence {
    let affil = |g: &CorpusEntity| -> BTreeSet<String> {
        g.claims.iter().filter(|c| !c.claim.inferred).filter_map(|c| c.claim.affiliation.as_deref()).map(fold).collect()
    };
    let (aa, ab) = (affil(a), affil(b));
    let mut support = 0;
    let mut conflict = false;
    if !aa.is_empty() && !ab.is_empty() {
        if aa.is_disjoint(&ab) {
            conflict = true;
        } else {
            support += 1;
        }
    }
    let heads = |g: &CorpusEntity| -> BTreeSet<String> {
        g.claims
            .iter()
            .filter_map(|c| c.claim.role.as_deref())
            .flat_map(|r| r.split([' ', '-']).map(str::to_lowercase).collect::<Vec<_>>())
            .filter(|w| lexicon().is(w, class::ROLE_HEAD) && !lexicon().is(w, class::ROLE_WEAK))
            .collect()
    };
    if !heads(a).is_disjoint(&heads(b)) {
        support += 1;
    }
    // Shared company: entities both appear with.
    let neighbours = |g: &CorpusEntity| -> BTreeSet<&EntityKey> { g.docs.keys().flat_map(|d| index.keys_of_doc(*d)).collect() };
    let (na, nb) = (neighbours(a), neighbours(b));
    let shared = na.intersection(&nb).count();
    if shared >= 3 {
        support += 1;
    }
    Evidence { support, conflict }
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
