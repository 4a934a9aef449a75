//! Decisions brought up to date after an index change: only the pairs whose
//! entities or keys changed, the clusters they touch and their weak matches.

use super::*;

/// Brings the name decisions up to date after the index changed by `changes`
/// (listed, not `all`): the same result as [`decide`] on the index as it is now.
/// Returns the entities whose findings may have changed: members of groups that
/// changed or that contain a changed entity, both sides of changed weak matches,
/// and changed entities whose most used spelling changed, appeared or left.
pub(in crate::variants) fn update(
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
