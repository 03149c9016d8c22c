//! Completion records, class assignments and their verification (issue
//! #6): the building blocks so far — [`base45`] text for QR codes,
//! [`payload`] (versioned prefix, deflate, base45) and [`keys`] (Ed25519
//! device keys and their fingerprints).

pub mod assignment;
pub mod base45;
pub mod codec;
pub mod keys;
pub mod payload;
pub mod record;
pub mod verify;
