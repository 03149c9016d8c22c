//! Exam blueprints, as the quiz engine draws exams from them. The format
//! (`firstaid-blueprint`) is defined and documented in
//! [`crate::content::blueprint`]: blueprints ship with the content
//! (`content/blueprints/`) and are checked against the curriculum, so the
//! type belongs to the content; it is re-exported here under the path the
//! content files and older code name.

pub use crate::content::blueprint::*;
