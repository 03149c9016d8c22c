//! Completion records, class assignments and their verification (issue
//! #6), pure: [`record`] and [`assignment`] (the signed wire formats, with
//! their canonical [`codec`]), [`verify`] (the instructor's checks),
//! [`keys`] (Ed25519 keys and fingerprints), [`payload`] (QR text:
//! versioned prefix, deflate, [`base45`]), [`csv`] (files for
//! spreadsheets), [`assess`] (the practical exam's checklist marks),
//! [`stations`] (a practical session's groups, stations and rotation),
//! [`stored`] (what the app keeps: profile, keys,
//! assignments, rosters) and [`compose`] (a learner's record from the
//! app's data).

pub mod assess;
pub mod assignment;
pub mod base45;
pub mod codec;
pub mod compose;
pub mod csv;
pub mod example;
pub mod keys;
pub mod payload;
pub mod record;
pub mod roster;
pub mod scan;
pub mod stations;
pub mod stored;
pub mod verify;
