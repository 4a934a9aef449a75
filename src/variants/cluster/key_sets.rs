//! Clustering keys: each entity's keys of every kind, hashed with its kind.

use super::*;

pub(super) fn key_hash(kind: Kind, kk: KeyKind, s: &str) -> u64 {
    let mut h = FxBuildHasher.build_hasher();
    h.write_u8(kind as u8);
    h.write_u8(kk as u8);
    h.write(s.as_bytes());
    h.finish()
}

/// The clustering keys of an entity's spellings (sorted by hash): the spelling
/// key for all; for people also word order, Korean romanization or consonant
/// skeleton, and one-deletion keys of long names (typos).
pub(super) fn keys_of<'a>(kind: Kind, forms: impl Iterator<Item = &'a str>) -> Vec<Key> {
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
            // Typo keys cost the square of the key's length: none for
            // junk hundreds of letters long.
            if (8..=MAX_TYPO_KEY_CHARS).contains(&sk.chars().count()) {
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
pub(super) fn clustered(g: &CorpusEntity) -> bool {
    g.kind.is_some() && !g.forms.is_empty()
}

pub(super) fn entity_keys(g: &CorpusEntity) -> Vec<Key> {
    if clustered(g) { keys_of(g.kind.expect("clustered"), g.forms.keys()) } else { Vec::new() }
}

pub(super) fn hashes(keys: &[Key]) -> Vec<u64> {
    let mut v: Vec<u64> = keys.iter().map(|k| k.h).collect();
    v.dedup();
    v
}

/// The longest skeleton key given one-deletion typo keys, in characters (real
/// names' skeletons are a few dozen).
const MAX_TYPO_KEY_CHARS: usize = 128;
