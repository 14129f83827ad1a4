//! FNV-1a: a fast hash for the short word keys of our maps and sets. The standard SipHash guards
//! against collision attacks at a cost per word that showed in profiles; the keys here are words
//! of one article, and a map's worst case stays bounded by the article's length.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The FNV-1a hasher.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// A map with the FNV-1a hasher.
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A set with the FNV-1a hasher.
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;
