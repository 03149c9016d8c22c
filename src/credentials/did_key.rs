//! `did:key` identifiers for Ed25519 keys (the did:key method, v0.7).
//!
//! The DID is `did:key:` followed by the key's multikey (`z6Mk…`, see
//! [`super::multibase`]); the key's verification method is the DID with the
//! multikey again as fragment: `did:key:z6Mk…#z6Mk…`. Resolving one needs no
//! network: the key is in the identifier.

use std::fmt;

use super::multibase::{self, MultibaseError};
use crate::records::keys::PublicKey;

/// The prefix of every `did:key` DID.
pub const PREFIX: &str = "did:key:";

/// Why a string is not an Ed25519 `did:key` (or its verification method).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DidKeyError {
    /// The string does not start with `did:key:`.
    NotDidKey,
    /// The verification method has no `#` fragment.
    MissingFragment,
    /// The fragment is not the DID's own multikey.
    FragmentMismatch,
    /// The multikey does not decode to an Ed25519 public key.
    Multikey(MultibaseError),
}

impl fmt::Display for DidKeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DidKeyError::NotDidKey => write!(f, "the identifier is not a did:key"),
            DidKeyError::MissingFragment => {
                write!(f, "the verification method has no fragment")
            }
            DidKeyError::FragmentMismatch => write!(
                f,
                "the verification method's fragment is not the key of its did:key"
            ),
            DidKeyError::Multikey(e) => write!(f, "the did:key's key is not usable: {e}"),
        }
    }
}

impl std::error::Error for DidKeyError {}

/// The DID of `key`: `did:key:z6Mk…`.
pub fn did_from_key(key: &PublicKey) -> String {
    format!("{PREFIX}{}", multibase::encode_ed25519_public(key))
}

/// The key of a DID `did:key:z6Mk…` (without fragment).
pub fn key_from_did(did: &str) -> Result<PublicKey, DidKeyError> {
    let multikey = did.strip_prefix(PREFIX).ok_or(DidKeyError::NotDidKey)?;
    multibase::decode_ed25519_public(multikey).map_err(DidKeyError::Multikey)
}

/// The verification method of `key`: `did:key:z6Mk…#z6Mk…`.
pub fn verification_method(key: &PublicKey) -> String {
    let multikey = multibase::encode_ed25519_public(key);
    format!("{PREFIX}{multikey}#{multikey}")
}

/// The key of a verification method `did:key:z6Mk…#z6Mk…`; the fragment must
/// be the DID's multikey (as the did:key method's resolution defines it).
pub fn key_from_verification_method(id: &str) -> Result<PublicKey, DidKeyError> {
    let (did, fragment) = id.split_once('#').ok_or(DidKeyError::MissingFragment)?;
    let key = key_from_did(did)?;
    if fragment != &did[PREFIX.len()..] {
        return Err(DidKeyError::FragmentMismatch);
    }
    Ok(key)
}
