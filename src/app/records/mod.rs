//! Completion records in the app (issue #6): the learner's record page
//! (`/record`: name, device key, accepted assignments with progress, making
//! and handing over a record), opening an assignment link
//! (`/assignment#FAA1:…`), and the instructor area (`/instructor`: name and
//! key, new assignments; `/instructor/:id`: sharing one, checking records,
//! the class roster, issuing certificates), and certificates
//! (`/certificate#FAC3:…`: checking, keeping, printing; "My certificates").
//! The rules live in the pure `crate::records` and `crate::credentials`.

pub mod assignment;
pub mod certificate;
pub mod contents;
pub mod held;
pub mod learner;
pub mod reasons;

pub use assignment::AssignmentPage;
pub use certificate::CertificatePage;
pub use learner::{Assignments, RecordPage};
pub mod instructor;
pub mod verifier;
pub mod xapi;

pub use instructor::{ClassPage, InstructorPage};
