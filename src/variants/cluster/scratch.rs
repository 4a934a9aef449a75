//! Decisions computed from scratch: buckets of key hashes, pairs, links and
//! clusters, in parallel.

use super::*;

/// [`decide`], with the state [`update`] needs.
pub(in crate::variants) fn decide_with_state(index: &Index, kb: &Kb, config: &Config) -> (NameDecisions, NameState) {
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
    for (i, &(id, g)) in ents.iter().enumerate() {
        let r = dsu.find(i);
        if r != i || adj.contains_key(&id) || may_group_alone(g, kb) {
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
