//! Class assignments (`firstaid-assignment`, version 1): what an instructor
//! asks of a class — lessons to complete, an exam to pass, optionally a
//! trainer score, by a date — signed by the instructor's key.
//!
//! ## Canonical encoding (what is signed)
//!
//! In the [`super::codec`] encoding: the magic `F A A 0x01`; id (text);
//! class (text); instructor's name (text); content version (text); created
//! at (uint ms); due at (option uint ms); required lessons (list of text);
//! exam (option: blueprint id text, pass mark uint %); minimum trainer score
//! (option uint); the instructor's public key (32 bytes). The assignment's
//! bytes are these and the 64-byte signature of them.
//!
//! ## Sharing
//!
//! As QR text `FAA1:` + base45(deflate(bytes)), and as a link whose
//! fragment is that text (`https://…/assignment#FAA1:…`): the fragment never
//! leaves the browser, so the assignment reaches no server log.

use std::fmt;

use super::codec::{DecodeError, Problem, Reader, Writer};
use super::keys::{KeyPair, PublicKey, SignatureError};
use super::payload::{self, PayloadError};

pub const MAGIC: [u8; 4] = *b"FAA\x01";
pub const QR_PREFIX: &str = "FAA1:";
/// The app's path for assignment links.
pub const LINK_PATH: &str = "/assignment";

/// An exam an assignment asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExamRequirement {
    /// A blueprint shipped with the content.
    pub blueprint: String,
    pub pass_percent: u32,
}

/// What an assignment says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignmentBody {
    pub id: String,
    pub class: String,
    pub instructor_name: String,
    pub content_version: String,
    pub created_at_ms: u64,
    pub due_at_ms: Option<u64>,
    pub lessons: Vec<String>,
    pub exam: Option<ExamRequirement>,
    pub min_trainer_score: Option<u32>,
    pub key: PublicKey,
}

/// A signed assignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub body: AssignmentBody,
    pub signature: [u8; 64],
}

/// Why a text is not a readable assignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssignmentError {
    Payload(PayloadError),
    Decode(DecodeError),
    /// Read, but the signature does not match.
    Signature(SignatureError),
}

impl fmt::Display for AssignmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AssignmentError::Payload(e) => write!(f, "{e}"),
            AssignmentError::Decode(e) => write!(f, "{e}"),
            AssignmentError::Signature(_) => write!(f, "the instructor's signature does not match"),
        }
    }
}

impl std::error::Error for AssignmentError {}

impl AssignmentBody {
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.bytes(&MAGIC);
        w.text(&self.id);
        w.text(&self.class);
        w.text(&self.instructor_name);
        w.text(&self.content_version);
        w.uint(self.created_at_ms);
        w.option(self.due_at_ms.as_ref(), |w, d| w.uint(*d));
        w.list(&self.lessons, |w, l| w.text(l));
        w.option(self.exam.as_ref(), |w, e| {
            w.text(&e.blueprint);
            w.uint(u64::from(e.pass_percent));
        });
        w.option(self.min_trainer_score.as_ref(), |w, s| {
            w.uint(u64::from(*s))
        });
        w.bytes(&self.key.0);
        w.finish()
    }

    fn decode(r: &mut Reader) -> Result<AssignmentBody, DecodeError> {
        if r.bytes(4).ok() != Some(&MAGIC[..]) {
            return Err(DecodeError {
                offset: 0,
                problem: Problem::Header,
            });
        }
        Ok(AssignmentBody {
            id: r.text()?,
            class: r.text()?,
            instructor_name: r.text()?,
            content_version: r.text()?,
            created_at_ms: r.uint()?,
            due_at_ms: r.option(|r| r.uint())?,
            lessons: r.list(|r| r.text())?,
            exam: r.option(|r| {
                Ok(ExamRequirement {
                    blueprint: r.text()?,
                    pass_percent: r.uint_max(100)? as u32,
                })
            })?,
            min_trainer_score: r.option(|r| Ok(r.uint_max(100)? as u32))?,
            key: PublicKey(r.array()?),
        })
    }

    /// Signs with the instructor's key (which must be `self.key`'s).
    pub fn sign(self, key: &KeyPair) -> Assignment {
        debug_assert_eq!(key.public(), self.key);
        let signature = key.sign(&self.encode());
        Assignment {
            body: self,
            signature,
        }
    }
}

impl Assignment {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = self.body.encode();
        b.extend_from_slice(&self.signature);
        b
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Assignment, DecodeError> {
        let mut r = Reader::new(bytes);
        let body = AssignmentBody::decode(&mut r)?;
        let signature = r.array()?;
        r.finish()?;
        Ok(Assignment { body, signature })
    }

    pub fn verify_signature(&self) -> Result<(), SignatureError> {
        self.body.key.verify(&self.body.encode(), &self.signature)
    }

    pub fn to_qr_text(&self) -> String {
        payload::wrap(QR_PREFIX, &self.to_bytes())
    }

    /// The link to open it in the app at `origin` (`https://example.org`).
    /// Base45's space and `%` are percent-encoded in the fragment.
    pub fn link(&self, origin: &str) -> String {
        payload::link(origin, LINK_PATH, &self.to_qr_text())
    }

    /// An assignment from QR text or a link (anything up to the `#` is
    /// ignored), with its signature checked: an assignment whose signature
    /// does not match is never shown as coming from its instructor.
    pub fn parse(text: &str) -> Result<Assignment, AssignmentError> {
        let t = payload::link_text(text);
        let bytes = payload::unwrap(QR_PREFIX, &t).map_err(AssignmentError::Payload)?;
        let a = Assignment::from_bytes(&bytes).map_err(AssignmentError::Decode)?;
        a.verify_signature().map_err(AssignmentError::Signature)?;
        Ok(a)
    }
}
