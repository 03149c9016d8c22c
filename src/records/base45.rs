//! Base45 (RFC 9285): bytes as text in the QR code alphanumeric alphabet,
//! so a QR code can carry binary data in its denser alphanumeric mode (as
//! the EU digital COVID certificate does).
//!
//! Every two bytes `a, b` become `n = a·256 + b` written as three
//! characters `c + d·45 + e·45²` (least significant first); a last single
//! byte becomes two characters. Decoding rejects characters outside the
//! alphabet, a dangling single character, and triples or pairs whose value
//! is too large — so every text decodes to at most one byte string and
//! encoding it gives the text back.

use std::fmt;

/// The alphabet, by value.
pub const ALPHABET: &[u8; 45] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

fn value(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == c).map(|p| p as u32)
}

/// Encodes bytes.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(2) * 3);
    for chunk in bytes.chunks(2) {
        let (mut n, digits) = match *chunk {
            [a, b] => (u32::from(a) * 256 + u32::from(b), 3),
            [a] => (u32::from(a), 2),
            _ => unreachable!("chunks of two"),
        };
        for _ in 0..digits {
            out.push(ALPHABET[(n % 45) as usize] as char);
            n /= 45;
        }
    }
    out
}

/// Why a text is not base45.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Base45Error {
    /// A character outside the alphabet, at this (0-based) position.
    Character(usize),
    /// The length leaves one character over (length mod 3 is 1).
    Length(usize),
    /// A group (starting at this position) encodes a value too large.
    Value(usize),
}

impl fmt::Display for Base45Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Base45Error::Character(i) => write!(f, "character {} is not base45", i + 1),
            Base45Error::Length(n) => write!(f, "a length of {n} characters is not base45"),
            Base45Error::Value(i) => write!(f, "the group at character {} is out of range", i + 1),
        }
    }
}

impl std::error::Error for Base45Error {}

/// Decodes text.
pub fn decode(text: &str) -> Result<Vec<u8>, Base45Error> {
    let bytes = text.as_bytes();
    if bytes.len() % 3 == 1 {
        return Err(Base45Error::Length(bytes.len()));
    }
    let mut out = Vec::with_capacity(bytes.len() / 3 * 2 + 1);
    for (k, group) in bytes.chunks(3).enumerate() {
        let at = k * 3;
        let mut digits = [0u32; 3];
        for (i, &c) in group.iter().enumerate() {
            digits[i] = value(c).ok_or(Base45Error::Character(at + i))?;
        }
        let n = digits[0] + digits[1] * 45 + digits[2] * 45 * 45;
        if group.len() == 3 {
            if n > 0xFFFF {
                return Err(Base45Error::Value(at));
            }
            out.extend([(n >> 8) as u8, n as u8]);
        } else {
            if n > 0xFF {
                return Err(Base45Error::Value(at));
            }
            out.push(n as u8);
        }
    }
    Ok(out)
}
