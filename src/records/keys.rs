//! Ed25519 keys: the learner's device key that signs completion records and
//! the instructor's key that signs assignments.
//!
//! A key is kept as its 32-byte seed (RFC 8032's private key), made from the
//! browser's CSPRNG by the app; everything else derives from it. Signatures
//! are checked with `verify_strict` (RFC 8032 with the cofactorless
//! equation, rejecting small-order keys and non-canonical encodings), so a
//! signature that verifies here verifies in any conforming implementation.
//!
//! A **fingerprint** is what people compare by eye: the first 80 bits of
//! SHA-256 of the public key, in Crockford's base32 (no I, L, O or U),
//! grouped `XXXX-XXXX-XXXX-XXXX`.

use std::fmt;

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

/// Crockford's base32 alphabet.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A signing key.
#[derive(Clone)]
pub struct KeyPair {
    signing: SigningKey,
}

impl fmt::Debug for KeyPair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never print the seed.
        write!(f, "KeyPair({})", self.public().fingerprint())
    }
}

impl KeyPair {
    /// The key with this seed (32 random bytes).
    pub fn from_seed(seed: [u8; 32]) -> KeyPair {
        KeyPair {
            signing: SigningKey::from_bytes(&seed),
        }
    }

    /// The seed, for storing the key.
    pub fn seed(&self) -> [u8; 32] {
        self.signing.to_bytes()
    }

    pub fn public(&self) -> PublicKey {
        PublicKey(self.signing.verifying_key().to_bytes())
    }

    /// Signs a message.
    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.signing.sign(message).to_bytes()
    }
}

/// A public key, as its 32 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PublicKey(pub [u8; 32]);

/// Why a signature does not check out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignatureError {
    /// The 32 bytes are not a usable public key.
    BadKey,
    /// The signature does not match the message and key.
    Mismatch,
}

impl PublicKey {
    /// Checks `signature` over `message`.
    pub fn verify(&self, message: &[u8], signature: &[u8; 64]) -> Result<(), SignatureError> {
        let key = VerifyingKey::from_bytes(&self.0).map_err(|_| SignatureError::BadKey)?;
        if key.is_weak() {
            return Err(SignatureError::BadKey);
        }
        key.verify_strict(message, &Signature::from_bytes(signature))
            .map_err(|_| SignatureError::Mismatch)
    }

    /// The fingerprint people compare (see the module documentation).
    pub fn fingerprint(&self) -> String {
        let digest = Sha256::digest(self.0);
        let mut bits = 0u32;
        let mut n = 0;
        let mut out = String::with_capacity(19);
        for &byte in &digest[..10] {
            bits = (bits << 8) | u32::from(byte);
            n += 8;
            while n >= 5 {
                n -= 5;
                if out.len() % 5 == 4 {
                    out.push('-');
                }
                out.push(CROCKFORD[((bits >> n) & 31) as usize] as char);
            }
        }
        out
    }
}
