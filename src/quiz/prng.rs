//! The engine's pseudo-random number generator, specified here so that an
//! exam drawn on any device, by any version of the app or by the CLI, is the
//! same for the same inputs. Never replace it with a library generator whose
//! output may change between crate versions.
//!
//! **SplitMix64** (Steele, Lea & Flood, "Fast splittable pseudorandom number
//! generators", OOPSLA 2014; the reference C code by S. Vigna): a 64-bit
//! state advanced by the golden-ratio increment `0x9E3779B97F4A7C15`, each
//! output mixed as
//!
//! ```text
//! z = state += 0x9E3779B97F4A7C15
//! z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
//! z = (z ^ (z >> 27)) * 0x94D049BB133111EB
//! return z ^ (z >> 31)              (all arithmetic modulo 2^64)
//! ```
//!
//! From seed 0 the first output is `0xE220A8397B1DCDAF`.
//!
//! **Bounded integers** ([`SplitMix64::below`]): uniform in `0..n` by
//! rejection — draws below `2^64 mod n` are discarded, the rest reduced
//! modulo `n` — so there is no modulo bias.
//!
//! **Shuffle** ([`SplitMix64::shuffle`]): Fisher–Yates from the last
//! element down: for `i` from `len - 1` to 1, swap `i` with `below(i + 1)`.

/// SplitMix64; see the module documentation for the exact algorithm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`. Panics if `n` is 0.
    pub fn below(&mut self, n: u64) -> u64 {
        assert!(n > 0, "below(0)");
        let threshold = n.wrapping_neg() % n;
        loop {
            let r = self.next_u64();
            if r >= threshold {
                return r % n;
            }
        }
    }

    /// Shuffles `items` in place (Fisher–Yates, last element first).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }
}
