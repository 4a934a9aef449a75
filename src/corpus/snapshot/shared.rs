//! Copy-on-write containers shared between snapshots.

use std::ops::{Deref, DerefMut};
use std::sync::Arc;

/// A value shared between snapshots and copied on the first write while shared
/// (`Arc::make_mut`): reading derefs to `T`, writing through `DerefMut` copies
/// `T` only if another snapshot still holds it.
#[derive(Debug, Default)]
pub struct Shared<T>(Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> Shared<T> {
    pub fn new(v: T) -> Shared<T> {
        Shared(Arc::new(v))
    }

    /// Whether two handles share one value.
    pub fn ptr_eq(a: &Shared<T>, b: &Shared<T>) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }
}

impl<T> From<T> for Shared<T> {
    fn from(v: T) -> Self {
        Shared::new(v)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Clone> DerefMut for Shared<T> {
    fn deref_mut(&mut self) -> &mut T {
        Arc::make_mut(&mut self.0)
    }
}

const CHUNK: usize = 64;

/// A vector that is cheap to clone and to change one element of: chunks of 64
/// behind `Arc`s. A clone copies one pointer per chunk; a write copies the one
/// chunk it touches if a clone still shares it.
#[derive(Debug)]
pub struct Table<T> {
    pub(super) chunks: Vec<Arc<Vec<T>>>,
    len: usize,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table { chunks: Vec::new(), len: 0 }
    }
}

impl<T> Clone for Table<T> {
    fn clone(&self) -> Self {
        Table { chunks: self.chunks.clone(), len: self.len }
    }
}

impl<T: Clone> Table<T> {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn get(&self, i: usize) -> Option<&T> {
        self.chunks.get(i / CHUNK).and_then(|c| c.get(i % CHUNK))
    }

    pub fn get_mut(&mut self, i: usize) -> Option<&mut T> {
        if i >= self.len {
            return None;
        }
        Arc::make_mut(&mut self.chunks[i / CHUNK]).get_mut(i % CHUNK)
    }

    pub fn push(&mut self, v: T) {
        if self.len.is_multiple_of(CHUNK) {
            self.chunks.push(Arc::new(Vec::with_capacity(CHUNK)));
        }
        let last = self.chunks.last_mut().expect("a chunk was pushed");
        Arc::make_mut(last).push(v);
        self.len += 1;
    }

    pub fn clear(&mut self) {
        self.chunks.clear();
        self.len = 0;
    }

    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.chunks.iter().flat_map(|c| c.iter())
    }
}

impl<T: Clone> std::ops::Index<usize> for Table<T> {
    type Output = T;
    fn index(&self, i: usize) -> &T {
        self.get(i).expect("index in range")
    }
}

impl<T: Clone> std::ops::IndexMut<usize> for Table<T> {
    fn index_mut(&mut self, i: usize) -> &mut T {
        self.get_mut(i).expect("index in range")
    }
}

/// The corpus's decisions compared with decisions computed apart (tests
/// check incremental updates against a computation from scratch).
impl PartialEq<Shared<crate::variants::Decisions>> for crate::variants::Decisions {
    fn eq(&self, o: &Shared<crate::variants::Decisions>) -> bool {
        *self == **o
    }
}
