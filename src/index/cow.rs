//! Copy-on-write containers: cloning one costs a few pointer copies (structural
//! sharing), and a change after a clone copies only the chunk or shard it
//! touches. The index and the spelling decisions are built from these so that the
//! language server can publish an immutable snapshot after every refresh without
//! deep-copying the corpus.

use std::borrow::Borrow;
use std::hash::{BuildHasher, Hash};
use std::sync::Arc;

use rustc_hash::{FxBuildHasher, FxHashMap};

/// Slots per chunk of a [`ChunkVec`].
const CHUNK_BITS: usize = 10;
const CHUNK: usize = 1 << CHUNK_BITS;

/// A vector in chunks of 1,024 shared slots.
#[derive(Clone, Debug)]
pub struct ChunkVec<T> {
    chunks: Vec<Arc<Vec<T>>>,
    len: usize,
}

impl<T> Default for ChunkVec<T> {
    fn default() -> Self {
        ChunkVec { chunks: Vec::new(), len: 0 }
    }
}

impl<T: Clone> ChunkVec<T> {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn get(&self, i: usize) -> Option<&T> {
        if i >= self.len {
            return None;
        }
        Some(&self.chunks[i >> CHUNK_BITS][i & (CHUNK - 1)])
    }

    /// The slot, copying its chunk first if a clone shares it.
    pub fn get_mut(&mut self, i: usize) -> Option<&mut T> {
        if i >= self.len {
            return None;
        }
        Some(&mut Arc::make_mut(&mut self.chunks[i >> CHUNK_BITS])[i & (CHUNK - 1)])
    }

    pub fn push(&mut self, t: T) {
        if self.len & (CHUNK - 1) == 0 {
            self.chunks.push(Arc::new(Vec::with_capacity(CHUNK)));
        }
        Arc::make_mut(self.chunks.last_mut().expect("a chunk")).push(t);
        self.len += 1;
    }

    /// Grows to at least `n` slots filled with `f()`.
    pub fn grow_to(&mut self, n: usize, mut f: impl FnMut() -> T) {
        while self.len < n {
            self.push(f());
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.chunks.iter().flat_map(|c| c.iter())
    }
}

/// Shards of a [`ShardMap`].
const SHARD_BITS: u32 = 6;
const SHARDS: usize = 1 << SHARD_BITS;

/// A hash map in 64 shared shards.
#[derive(Clone, Debug)]
pub struct ShardMap<K, V> {
    shards: Vec<Arc<FxHashMap<K, V>>>,
    len: usize,
}

impl<K, V> Default for ShardMap<K, V> {
    fn default() -> Self {
        ShardMap { shards: (0..SHARDS).map(|_| Arc::new(FxHashMap::default())).collect(), len: 0 }
    }
}

/// The shard of a key: bits of its hash that the shard's own table does not use
/// for its slot (low bits) or its control bytes (top seven).
fn shard_of<Q: Hash + ?Sized>(k: &Q) -> usize {
    ((FxBuildHasher.hash_one(k) >> 40) as usize) & (SHARDS - 1)
}

impl<K: Hash + Eq + Clone, V: Clone> ShardMap<K, V> {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn get<Q>(&self, k: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.shards[shard_of(k)].get(k)
    }

    pub fn get_key_value<Q>(&self, k: &Q) -> Option<(&K, &V)>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.shards[shard_of(k)].get_key_value(k)
    }

    pub fn contains_key<Q>(&self, k: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.get(k).is_some()
    }

    /// The value, copying its shard first if a clone shares it.
    pub fn get_mut<Q>(&mut self, k: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let s = &mut self.shards[shard_of(k)];
        if !s.contains_key(k) {
            return None;
        }
        Arc::make_mut(s).get_mut(k)
    }

    pub fn insert(&mut self, k: K, v: V) -> Option<V> {
        let old = Arc::make_mut(&mut self.shards[shard_of(&k)]).insert(k, v);
        if old.is_none() {
            self.len += 1;
        }
        old
    }

    pub fn remove<Q>(&mut self, k: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let s = &mut self.shards[shard_of(k)];
        if !s.contains_key(k) {
            return None;
        }
        let old = Arc::make_mut(s).remove(k);
        if old.is_some() {
            self.len -= 1;
        }
        old
    }

    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.shards.iter().flat_map(|s| s.iter())
    }

    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.iter().map(|(_, v)| v)
    }

    /// Builds a map from pairs in parallel, one shard per task (later pairs win).
    pub fn from_vec(pairs: Vec<(K, V)>) -> Self
    where
        K: Send + Sync,
        V: Send + Sync,
    {
        use rayon::prelude::*;
        let mut parts: Vec<Vec<(K, V)>> = (0..SHARDS).map(|_| Vec::new()).collect();
        for (k, v) in pairs {
            parts[shard_of(&k)].push((k, v));
        }
        let shards: Vec<Arc<FxHashMap<K, V>>> = parts.into_par_iter().map(|p| Arc::new(p.into_iter().collect())).collect();
        let len = shards.iter().map(|s| s.len()).sum();
        ShardMap { shards, len }
    }
}

impl<K: Hash + Eq, V: PartialEq> PartialEq for ShardMap<K, V> {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.shards.iter().zip(&other.shards).all(|(a, b)| Arc::ptr_eq(a, b) || **a == **b)
    }
}

impl<K: Hash + Eq, V: Eq> Eq for ShardMap<K, V> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_share_until_changed() {
        let mut m: ShardMap<String, u32> = ShardMap::default();
        for i in 0..1000 {
            m.insert(i.to_string(), i);
        }
        let snap = m.clone();
        m.insert("x".into(), 1);
        *m.get_mut("7").unwrap() = 70;
        m.remove("8");
        assert_eq!(snap.get("7"), Some(&7));
        assert_eq!(snap.get("8"), Some(&8));
        assert_eq!(m.get("7"), Some(&70));
        assert_eq!((m.len(), snap.len()), (1000, 1000));
        assert_ne!(m, snap);

        let mut v: ChunkVec<u32> = ChunkVec::default();
        for i in 0..3000 {
            v.push(i);
        }
        let snap = v.clone();
        *v.get_mut(2500).unwrap() = 0;
        assert_eq!((snap.get(2500), v.get(2500)), (Some(&2500), Some(&0)));
        assert_eq!(v.iter().count(), 3000);
    }
}
