//! Whether a credential passes 1EdTech's JSON Schema of an Open Badges 3.0
//! `AchievementCredential` (the schema its `credentialSchema` names,
//! [`super::CREDENTIAL_SCHEMA_ID`]). Native only (the CLI and the tests):
//! the app does not carry a JSON Schema validator.
//!
//! The schema is a copy, byte for byte, of the published file
//! ([`SCHEMA_PATH`]; its README names where it comes from), built into the
//! binary with its SHA-256 in [`SCHEMA_SHA256`]. It is a draft 2019-09
//! schema with only local references (`#/$defs/…`); the validator
//! (`jsonschema`, built without its network and file resolvers) has the
//! draft's meta-schemas built in, so nothing is ever fetched. Formats
//! (`date-time`, `date`) are checked, not only annotated.

use std::fmt;
use std::sync::OnceLock;

use serde_json::Value;

/// The copy of the schema, from the repository's root.
pub const SCHEMA_PATH: &str = "tests/fixtures/ob3/ob_v3p0_achievementcredential_schema.json";

/// SHA-256 of the copy, lowercase hex.
pub const SCHEMA_SHA256: &str = "86a141ff0c1b1a6b4e08460f786a8ffe0f737d8256a86243d134a2e6450efe4d";

/// The schema's text.
pub const SCHEMA_TEXT: &str =
    include_str!("../../../tests/fixtures/ob3/ob_v3p0_achievementcredential_schema.json");

/// The most errors [`summary`] lists.
pub const SUMMARY_ERRORS: usize = 3;

/// One way a credential fails the schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaError {
    /// Where, as a JSON Pointer into the credential (`/proof`); empty for
    /// the credential itself.
    pub path: String,
    /// What is wrong, without the offending value (it may be long).
    pub message: String,
}

impl fmt::Display for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "/"
        } else {
            &self.path
        };
        write!(f, "{path}: {}", self.message)
    }
}

fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let schema: Value = serde_json::from_str(SCHEMA_TEXT).expect("the schema is JSON");
        jsonschema::options()
            .with_draft(jsonschema::Draft::Draft201909)
            .should_validate_formats(true)
            .build(&schema)
            .expect("the shipped schema compiles offline")
    })
}

/// Every way `credential` fails the schema, in the validator's order;
/// `Ok` when it passes.
pub fn check(credential: &Value) -> Result<(), Vec<SchemaError>> {
    let errors: Vec<SchemaError> = validator()
        .iter_errors(credential)
        .map(|e| SchemaError {
            path: e.instance_path().to_string(),
            message: e.masked().to_string(),
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// One line for people: `schema: OK`, or `schema: FAIL: ` and the first
/// [`SUMMARY_ERRORS`] errors (and how many more), control characters
/// escaped so a credential's text cannot forge a line.
pub fn summary(credential: &Value) -> String {
    match check(credential) {
        Ok(()) => "schema: OK".to_owned(),
        Err(errors) => {
            let first: Vec<String> = errors
                .iter()
                .take(SUMMARY_ERRORS)
                .map(|e| {
                    e.to_string()
                        .chars()
                        .flat_map(|c| {
                            let escaped: Vec<char> = if c.is_control() {
                                c.escape_default().collect()
                            } else {
                                vec![c]
                            };
                            escaped
                        })
                        .collect()
                })
                .collect();
            let more = errors.len().saturating_sub(SUMMARY_ERRORS);
            let tail = if more > 0 {
                format!(" (and {more} more)")
            } else {
                String::new()
            };
            format!("schema: FAIL: {}{tail}", first.join("; "))
        }
    }
}
