//! Completion records (`firstaid-record`, version 2; version 1 still
//! reads and verifies): what a learner hands
//! their instructor — who they are, the lessons completed, the exams taken
//! (with every answer, so the instructor re-scores them), the best trainer
//! session — signed by the learner's device key.
//!
//! ## Canonical encoding (what is signed)
//!
//! In the [`super::codec`] encoding, in this order:
//!
//! | field | encoding |
//! |---|---|
//! | magic | the 4 bytes `F A R 0x02` (format, version 2; `F A R 0x01` for version 1) |
//! | app version | text |
//! | content version | text |
//! | issued at | uint, ms since the Unix epoch (UTC) |
//! | learner name, number, class | text, option text, option text |
//! | assignment | option: id text, instructor public key (32 bytes) |
//! | lessons | list: lesson id text, completed at (uint ms), then in version 2 only: time spent until completed (option uint ms) |
//! | exams | list: blueprint id text, pass mark (uint %), seed (uint), started at (uint ms), duration (uint ms), answers, percent (uint), passed (bool) |
//! | answers | list, one per exam item in the order drawn: option (answered after (uint ms from the start), answer) |
//! | answer | tag byte then: 0 choices (list of option id text), 1 true/false (bool), 2 order (list of option id text), 3 region (text) |
//! | trainer | option: at (uint ms), source (0 taps, 1 motion), duration (uint ms), compressions (uint), then options of uint: mean rate (tenths per minute), rate in range (%), mean depth (tenths of mm), depth in range (%), score |
//! | key | the learner's Ed25519 public key (32 bytes) |
//!
//! The record's bytes are these, then the 64-byte Ed25519 signature of
//! them. The exam's questions are not written: they are a function of
//! (content version, blueprint, seed) (`crate::quiz::exam`), so the
//! verifier draws them again — and a record cannot claim other questions.
//!
//! ## Two representations
//!
//! - **QR text**: `FAR2:` (`FAR1:` for version 1) + base45(deflate(bytes))
//!   ([`super::payload`]); the prefix's version must be the bytes'.
//! - **JSON file**: the same fields, readable (times as ISO 8601 UTC with
//!   milliseconds, the seed as a decimal string, key and signature in
//!   lowercase hex). Reading it rebuilds the canonical bytes, so the same
//!   signature covers both; a time or hex digit written any other way is
//!   refused rather than normalised.
//!
//! ## Versions
//!
//! Version 2 adds the time a learner spent in each lesson until they
//! completed it (what xAPI's "completed" statement reports as its
//! `duration`, cmi5 9.5.4.1); absent for a lesson begun before the app
//! measured it. A record keeps the version it was signed in
//! ([`RecordBody::version`]), so a version 1 record encodes to the same
//! bytes and still verifies; this build writes version 2.

use std::fmt;

use serde::{Deserialize, Serialize};

mod json;
use json::RecordJson;

use super::codec::{DecodeError, Problem, Reader, Writer};
use super::keys::{KeyPair, PublicKey, SignatureError};
use super::payload::{self, PayloadError};
use crate::quiz::transcript::Answer;
use crate::trainer::session::Source;

pub const FORMAT: &str = "firstaid-record";
/// The QR text prefix (version 2, what this build writes:
/// [`Version::CURRENT`]).
pub const QR_PREFIX: &str = "FAR2:";
/// The QR text prefix of version 1.
pub const QR_PREFIX_V1: &str = "FAR1:";

/// A version of the format this build reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Version {
    /// Lessons without the time spent.
    V1,
    /// Lessons with the time spent until completed.
    V2,
}

impl Version {
    /// What this build writes.
    pub const CURRENT: Version = Version::V2;
    /// Every version this build reads.
    pub const ALL: [Version; 2] = [Version::V1, Version::V2];

    pub fn number(self) -> u32 {
        match self {
            Version::V1 => 1,
            Version::V2 => 2,
        }
    }

    pub fn from_number(n: u32) -> Option<Version> {
        Version::ALL.into_iter().find(|v| v.number() == n)
    }

    /// The first bytes of the canonical encoding.
    pub fn magic(self) -> [u8; 4] {
        [b'F', b'A', b'R', self.number() as u8]
    }

    /// The QR text prefix.
    pub fn qr_prefix(self) -> &'static str {
        match self {
            Version::V1 => QR_PREFIX_V1,
            Version::V2 => QR_PREFIX,
        }
    }
}

/// Whether `text` is (or starts like) a record's QR text, of any version
/// this build reads.
pub fn is_qr_text(text: &str) -> bool {
    Version::ALL
        .into_iter()
        .any(|v| text.starts_with(v.qr_prefix()))
}
/// The latest time a record may hold (9999-12-31T23:59:59.999Z, in ms):
/// every time must be writable in the JSON file's form. Offsets and
/// durations are bounded so that start + offset is too.
pub const MAX_TIME_MS: u64 = 253_402_300_799_999;

/// The learner, as they chose to be named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Learner {
    pub name: String,
    pub number: Option<String>,
    pub class: Option<String>,
}

/// The assignment a record answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignmentRef {
    pub id: String,
    pub instructor: PublicKey,
}

/// A completed lesson.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonDone {
    pub lesson: String,
    pub completed_at_ms: u64,
    /// Time spent in the lesson until completed (version 2; `None` in
    /// version 1 and for a lesson begun before the app measured it).
    pub time_spent_ms: Option<u64>,
}

/// An answer and when it was given (ms after the exam started).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answered {
    pub after_ms: u64,
    pub answer: Answer,
}

/// An exam taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExamRecord {
    /// A blueprint shipped with the content (`course-rcsc`, …).
    pub blueprint: String,
    pub pass_percent: u32,
    pub seed: u64,
    pub started_at_ms: u64,
    pub duration_ms: u64,
    /// One per exam item, in the order drawn.
    pub answers: Vec<Option<Answered>>,
    pub percent: u32,
    pub passed: bool,
}

/// The trainer session a record shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainerSummary {
    pub at_ms: u64,
    pub source: Source,
    pub duration_ms: u64,
    pub compressions: u32,
    /// Tenths per minute.
    pub mean_rate_dpm: Option<u32>,
    pub rate_in_range_pct: Option<u32>,
    /// Tenths of a millimetre.
    pub mean_depth_dmm: Option<u32>,
    pub depth_in_range_pct: Option<u32>,
    pub score: Option<u32>,
}

/// Everything a record says; the signature covers its encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordBody {
    /// The version it is encoded (and signed) in. A version 1 body has
    /// no lesson times (they are not encoded).
    pub version: Version,
    pub app_version: String,
    pub content_version: String,
    pub issued_at_ms: u64,
    pub learner: Learner,
    pub assignment: Option<AssignmentRef>,
    pub lessons: Vec<LessonDone>,
    pub exams: Vec<ExamRecord>,
    pub trainer: Option<TrainerSummary>,
    pub key: PublicKey,
}

/// A signed record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub body: RecordBody,
    pub signature: [u8; 64],
}

/// Why a text or file is not a readable record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// QR text that is not a record payload.
    Payload(PayloadError),
    /// Bytes that do not decode.
    Decode(DecodeError),
    /// JSON that is not a record (serde's message).
    Json(String),
    /// A JSON record of another format or version.
    Format { format: String, version: u32 },
    /// A JSON field written in a form other than the canonical one.
    Field { field: String, problem: String },
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::Payload(e) => write!(f, "{e}"),
            RecordError::Decode(e) => write!(f, "{e}"),
            RecordError::Json(e) => write!(f, "not a record file: {e}"),
            RecordError::Format { format, version } => {
                write!(
                    f,
                    "a {format} version {version} file, not {FORMAT} version 1 or {}",
                    Version::CURRENT.number()
                )
            }
            RecordError::Field { field, problem } => write!(f, "{field}: {problem}"),
        }
    }
}

impl std::error::Error for RecordError {}

impl RecordError {
    /// The version of a record this build cannot read, when that is the
    /// problem (a newer app made it): a JSON file of another
    /// `firstaid-record` version, or QR text with a `FAR<n>:` prefix.
    pub fn unsupported_version(&self) -> Option<u32> {
        match self {
            RecordError::Format { format, version } if format == FORMAT => {
                Some(*version).filter(|&v| Version::from_number(v).is_none())
            }
            RecordError::Payload(PayloadError::Prefix { found, .. }) => found
                .strip_prefix("FAR")?
                .split(':')
                .next()?
                .parse()
                .ok()
                .filter(|&v| Version::from_number(v).is_none()),
            _ => None,
        }
    }
}

fn write_answer(w: &mut Writer, a: &Answer) {
    match a {
        Answer::Choices(ids) => {
            w.bytes(&[0]);
            w.list(ids, |w, s| w.text(s));
        }
        Answer::TrueFalse(b) => {
            w.bytes(&[1]);
            w.bool(*b);
        }
        Answer::Order(ids) => {
            w.bytes(&[2]);
            w.list(ids, |w, s| w.text(s));
        }
        Answer::Region(id) => {
            w.bytes(&[3]);
            w.text(id);
        }
    }
}

fn read_answer(r: &mut Reader) -> Result<Answer, DecodeError> {
    let at = r.offset();
    match r.bytes(1)?[0] {
        0 => Ok(Answer::Choices(r.list(|r| r.text())?)),
        1 => Ok(Answer::TrueFalse(r.bool()?)),
        2 => Ok(Answer::Order(r.list(|r| r.text())?)),
        3 => Ok(Answer::Region(r.text()?)),
        _ => Err(DecodeError {
            offset: at,
            problem: Problem::TooLarge,
        }),
    }
}

fn opt_uint(w: &mut Writer, v: Option<u32>) {
    w.option(v.as_ref(), |w, x| w.uint(u64::from(*x)));
}

impl RecordBody {
    /// The canonical encoding (see the module documentation).
    pub fn encode(&self) -> Vec<u8> {
        debug_assert!(
            self.version >= Version::V2 || self.lessons.iter().all(|l| l.time_spent_ms.is_none()),
            "version 1 has no lesson times"
        );
        let mut w = Writer::new();
        w.bytes(&self.version.magic());
        w.text(&self.app_version);
        w.text(&self.content_version);
        w.uint(self.issued_at_ms);
        w.text(&self.learner.name);
        w.option(self.learner.number.as_ref(), |w, s| w.text(s));
        w.option(self.learner.class.as_ref(), |w, s| w.text(s));
        w.option(self.assignment.as_ref(), |w, a| {
            w.text(&a.id);
            w.bytes(&a.instructor.0);
        });
        w.list(&self.lessons, |w, l| {
            w.text(&l.lesson);
            w.uint(l.completed_at_ms);
            if self.version >= Version::V2 {
                w.option(l.time_spent_ms.as_ref(), |w, t| w.uint(*t));
            }
        });
        w.list(&self.exams, |w, e| {
            w.text(&e.blueprint);
            w.uint(u64::from(e.pass_percent));
            w.uint(e.seed);
            w.uint(e.started_at_ms);
            w.uint(e.duration_ms);
            w.list(&e.answers, |w, a| {
                w.option(a.as_ref(), |w, a| {
                    w.uint(a.after_ms);
                    write_answer(w, &a.answer);
                })
            });
            w.uint(u64::from(e.percent));
            w.bool(e.passed);
        });
        w.option(self.trainer.as_ref(), |w, t| {
            w.uint(t.at_ms);
            w.bytes(&[match t.source {
                Source::Taps => 0,
                Source::Motion => 1,
            }]);
            w.uint(t.duration_ms);
            w.uint(u64::from(t.compressions));
            opt_uint(w, t.mean_rate_dpm);
            opt_uint(w, t.rate_in_range_pct);
            opt_uint(w, t.mean_depth_dmm);
            opt_uint(w, t.depth_in_range_pct);
            opt_uint(w, t.score);
        });
        w.bytes(&self.key.0);
        w.finish()
    }

    fn decode(r: &mut Reader) -> Result<RecordBody, DecodeError> {
        let magic = r.bytes(4).ok();
        let Some(version) = Version::ALL
            .into_iter()
            .find(|v| magic == Some(&v.magic()[..]))
        else {
            return Err(DecodeError {
                offset: 0,
                problem: Problem::Header,
            });
        };
        let app_version = r.text()?;
        let content_version = r.text()?;
        let issued_at_ms = r.uint_max(MAX_TIME_MS)?;
        let learner = Learner {
            name: r.text()?,
            number: r.option(|r| r.text())?,
            class: r.option(|r| r.text())?,
        };
        let assignment = r.option(|r| {
            Ok(AssignmentRef {
                id: r.text()?,
                instructor: PublicKey(r.array()?),
            })
        })?;
        let lessons = r.list(|r| {
            Ok(LessonDone {
                lesson: r.text()?,
                completed_at_ms: r.uint_max(MAX_TIME_MS)?,
                time_spent_ms: match version {
                    Version::V1 => None,
                    Version::V2 => r.option(|r| r.uint_max(MAX_TIME_MS))?,
                },
            })
        })?;
        let exams = r.list(|r| {
            let blueprint = r.text()?;
            let pass_percent = r.uint_max(100)? as u32;
            let seed = r.uint()?;
            let started_at_ms = r.uint_max(MAX_TIME_MS)?;
            let room = MAX_TIME_MS - started_at_ms;
            Ok(ExamRecord {
                blueprint,
                pass_percent,
                seed,
                started_at_ms,
                duration_ms: r.uint_max(room)?,
                answers: r.list(|r| {
                    r.option(|r| {
                        Ok(Answered {
                            after_ms: r.uint_max(room)?,
                            answer: read_answer(r)?,
                        })
                    })
                })?,
                percent: r.uint_max(100)? as u32,
                passed: r.bool()?,
            })
        })?;
        let trainer = r.option(|r| {
            let at_ms = r.uint_max(MAX_TIME_MS)?;
            let at = r.offset();
            let source = match r.bytes(1)?[0] {
                0 => Source::Taps,
                1 => Source::Motion,
                _ => {
                    return Err(DecodeError {
                        offset: at,
                        problem: Problem::TooLarge,
                    })
                }
            };
            let pct = |r: &mut Reader| r.option(|r| Ok(r.uint_max(100)? as u32));
            Ok(TrainerSummary {
                at_ms,
                source,
                duration_ms: r.uint()?,
                compressions: r.u32()?,
                mean_rate_dpm: r.option(|r| r.u32())?,
                rate_in_range_pct: pct(r)?,
                mean_depth_dmm: r.option(|r| r.u32())?,
                depth_in_range_pct: pct(r)?,
                score: pct(r)?,
            })
        })?;
        let key = PublicKey(r.array()?);
        Ok(RecordBody {
            version,
            app_version,
            content_version,
            issued_at_ms,
            learner,
            assignment,
            lessons,
            exams,
            trainer,
            key,
        })
    }

    /// Signs the body with the learner's key (which must be `self.key`'s).
    pub fn sign(self, key: &KeyPair) -> Record {
        debug_assert_eq!(key.public(), self.key);
        let signature = key.sign(&self.encode());
        Record {
            body: self,
            signature,
        }
    }
}

/// The seed of a record's exam number `attempt` (from 0, in the record's
/// order): the first 8 bytes (big-endian) of SHA-256 over the text
/// `firstaid-exam-seed-v1`, the device key, the assignment's id and
/// instructor key (empty without an assignment) and the attempt, one per
/// line, keys in lowercase hex. The app draws the learner's exams from it,
/// and the verifier requires it: an exam copied from another learner's
/// record (another device key) fails.
pub fn exam_seed(key: &PublicKey, assignment: Option<&AssignmentRef>, attempt: usize) -> u64 {
    use sha2::{Digest, Sha256};
    let (id, instructor) = assignment.map_or((String::new(), String::new()), |a| {
        (a.id.clone(), hex(&a.instructor.0))
    });
    let text = format!(
        "firstaid-exam-seed-v1\n{}\n{id}\n{instructor}\n{attempt}",
        hex(&key.0)
    );
    let digest = Sha256::digest(text.as_bytes());
    u64::from_be_bytes(digest[..8].try_into().expect("8 bytes"))
}

impl Record {
    /// The record's bytes: the body's encoding, then the signature.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = self.body.encode();
        b.extend_from_slice(&self.signature);
        b
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Record, DecodeError> {
        let mut r = Reader::new(bytes);
        let body = RecordBody::decode(&mut r)?;
        let signature = r.array()?;
        r.finish()?;
        Ok(Record { body, signature })
    }

    /// Checks the signature against the key the record carries.
    pub fn verify_signature(&self) -> Result<(), SignatureError> {
        self.body.key.verify(&self.body.encode(), &self.signature)
    }

    /// The QR text (its prefix names the record's version).
    pub fn to_qr_text(&self) -> String {
        payload::wrap(self.body.version.qr_prefix(), &self.to_bytes())
    }

    /// A record from its QR text, of any version this build reads; the
    /// bytes must be of the prefix's version.
    pub fn from_qr_text(text: &str) -> Result<Record, RecordError> {
        let t = text.trim();
        let version = Version::ALL
            .into_iter()
            .rev()
            .find(|v| t.starts_with(v.qr_prefix()))
            .unwrap_or(Version::CURRENT);
        let bytes = payload::unwrap(version.qr_prefix(), t).map_err(RecordError::Payload)?;
        let record = Record::from_bytes(&bytes).map_err(RecordError::Decode)?;
        if record.body.version != version {
            return Err(RecordError::Decode(DecodeError {
                offset: 0,
                problem: Problem::Header,
            }));
        }
        Ok(record)
    }

    /// The JSON file's text.
    pub fn to_json(&self) -> String {
        let json = RecordJson::from(self);
        serde_json::to_string_pretty(&json).expect("a record serializes") + "\n"
    }

    pub fn from_json(text: &str) -> Result<Record, RecordError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let json: RecordJson =
            serde_json::from_str(text).map_err(|e| RecordError::Json(e.to_string()))?;
        json.try_into()
    }

    /// A record from anything a user may paste or scan: QR text (with the
    /// prefix) or the JSON file.
    pub fn parse(text: &str) -> Result<Record, RecordError> {
        let t = text.trim_start_matches('\u{feff}').trim();
        if t.starts_with('{') {
            Record::from_json(t)
        } else {
            Record::from_qr_text(t)
        }
    }
}

/// Lowercase hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The `N` bytes [`hex`] wrote: exactly `2 * N` lowercase hex digits, else
/// `None`.
pub(crate) fn unhex<const N: usize>(s: &str) -> Option<[u8; N]> {
    if s.len() != 2 * N || !s.bytes().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    let mut out = [0u8; N];
    for (i, o) in out.iter_mut().enumerate() {
        *o = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}
