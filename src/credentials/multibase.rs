//! Base58btc, multibase and multikey.
//!
//! - **base58btc**: the Bitcoin alphabet (no `0`, `O`, `I`, `l`); the bytes
//!   read as one big-endian number written in base 58, each leading zero
//!   byte written as a leading `1`.
//! - **multibase** (the Controlled Identifiers spec, §Multibase): a one-letter
//!   prefix names the base; `z` is base58btc, the only base used here.
//! - **multikey**: a multicodec varint naming the key type, then the raw key,
//!   multibase-encoded. An Ed25519 public key is `0xed 0x01` + 32 bytes (so it
//!   always starts `z6Mk`); an Ed25519 secret key (seed) is `0x80 0x26` + 32
//!   bytes (`z3u2`).

use std::fmt;

use crate::records::keys::PublicKey;

/// The base58btc (Bitcoin) alphabet.
const ALPHABET: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/// The multicodec varint for an Ed25519 public key (code 0xed).
pub const ED25519_PUB: [u8; 2] = [0xed, 0x01];

/// The multicodec varint for an Ed25519 secret key (code 0x1300).
pub const ED25519_PRIV: [u8; 2] = [0x80, 0x26];

/// Why a string does not decode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MultibaseError {
    /// The string does not start with the base58btc prefix `z`.
    WrongPrefix,
    /// A character is not in the base58btc alphabet.
    InvalidCharacter(char),
    /// The multicodec prefix is not the expected key type.
    WrongCodec,
    /// The key has the wrong number of bytes.
    WrongLength {
        /// The bytes expected after the codec.
        expected: usize,
        /// The bytes found after the codec.
        found: usize,
    },
}

impl fmt::Display for MultibaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MultibaseError::WrongPrefix => {
                write!(f, "the value does not start with the base58btc prefix 'z'")
            }
            MultibaseError::InvalidCharacter(c) => {
                write!(f, "{c:?} is not a base58btc character")
            }
            MultibaseError::WrongCodec => write!(f, "the key is not of the expected type"),
            MultibaseError::WrongLength { expected, found } => {
                write!(f, "the key has {found} bytes instead of {expected}")
            }
        }
    }
}

impl std::error::Error for MultibaseError {}

/// `bytes` in base58btc, without a multibase prefix.
pub fn base58_encode(bytes: &[u8]) -> String {
    let zeros = bytes.iter().take_while(|&&b| b == 0).count();
    // Base-58 digits of the number, least significant first.
    let mut digits: Vec<u8> = Vec::with_capacity(bytes.len() * 138 / 100 + 1);
    for &byte in &bytes[zeros..] {
        let mut carry = u32::from(byte);
        for digit in digits.iter_mut() {
            carry += u32::from(*digit) << 8;
            *digit = (carry % 58) as u8;
            carry /= 58;
        }
        while carry > 0 {
            digits.push((carry % 58) as u8);
            carry /= 58;
        }
    }
    let mut out = String::with_capacity(zeros + digits.len());
    out.extend(std::iter::repeat_n('1', zeros));
    out.extend(digits.iter().rev().map(|&d| ALPHABET[d as usize] as char));
    out
}

/// The bytes of a base58btc string (without a multibase prefix).
pub fn base58_decode(text: &str) -> Result<Vec<u8>, MultibaseError> {
    let mut values = Vec::with_capacity(text.len());
    for c in text.chars() {
        let value = ALPHABET
            .iter()
            .position(|&a| a as char == c)
            .ok_or(MultibaseError::InvalidCharacter(c))?;
        values.push(value as u32);
    }
    let zeros = values.iter().take_while(|&&v| v == 0).count();
    // Bytes of the number, least significant first.
    let mut bytes: Vec<u8> = Vec::with_capacity(values.len());
    for &value in &values[zeros..] {
        let mut carry = value;
        for byte in bytes.iter_mut() {
            carry += u32::from(*byte) * 58;
            *byte = (carry & 0xff) as u8;
            carry >>= 8;
        }
        while carry > 0 {
            bytes.push((carry & 0xff) as u8);
            carry >>= 8;
        }
    }
    let mut out = vec![0u8; zeros];
    out.extend(bytes.iter().rev());
    Ok(out)
}

/// `bytes` as a multibase base58btc string (`z…`).
pub fn encode_base58btc(bytes: &[u8]) -> String {
    format!("z{}", base58_encode(bytes))
}

/// The bytes of a multibase base58btc string (`z…`).
pub fn decode_base58btc(text: &str) -> Result<Vec<u8>, MultibaseError> {
    let rest = text.strip_prefix('z').ok_or(MultibaseError::WrongPrefix)?;
    base58_decode(rest)
}

/// An Ed25519 public key as a multikey (`z6Mk…`).
pub fn encode_ed25519_public(key: &PublicKey) -> String {
    encode_multikey(&ED25519_PUB, &key.0)
}

/// The Ed25519 public key of a multikey (`z6Mk…`). Only the encoding is
/// checked here; whether the bytes are a usable key is checked when a
/// signature is verified with it.
pub fn decode_ed25519_public(text: &str) -> Result<PublicKey, MultibaseError> {
    decode_multikey(&ED25519_PUB, text).map(PublicKey)
}

/// An Ed25519 secret key (its 32-byte seed) as a multikey (`z3u2…`).
pub fn encode_ed25519_secret(seed: &[u8; 32]) -> String {
    encode_multikey(&ED25519_PRIV, seed)
}

/// The 32-byte seed of an Ed25519 secret-key multikey (`z3u2…`).
pub fn decode_ed25519_secret(text: &str) -> Result<[u8; 32], MultibaseError> {
    decode_multikey(&ED25519_PRIV, text)
}

fn encode_multikey(codec: &[u8; 2], key: &[u8; 32]) -> String {
    let mut bytes = Vec::with_capacity(34);
    bytes.extend_from_slice(codec);
    bytes.extend_from_slice(key);
    encode_base58btc(&bytes)
}

fn decode_multikey(codec: &[u8; 2], text: &str) -> Result<[u8; 32], MultibaseError> {
    let bytes = decode_base58btc(text)?;
    let key = bytes
        .strip_prefix(codec.as_slice())
        .ok_or(MultibaseError::WrongCodec)?;
    key.try_into().map_err(|_| MultibaseError::WrongLength {
        expected: 32,
        found: key.len(),
    })
}
