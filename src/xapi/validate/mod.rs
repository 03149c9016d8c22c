//! A validator of xAPI 1.0.3 statements: the rules of "xAPI Data" (part
//! two of the specification) that a statement's JSON can be checked
//! against without an LRS. The tests run every export through it, and so
//! does `firstaid xapi` before it prints.
//!
//! Checked (section numbers of xAPI 1.0.3 Data):
//! - the statement is an object with `actor`, `verb` and `object`
//!   (2.2.s2.b3) and no property the specification does not define
//!   (2.2.s4.b1.b7, at every level modelled here: statement, agent,
//!   account, verb, activity, definition, result, score, context,
//!   contextActivities); no `null` outside extensions (2.2.s4.b1.b1);
//!   every value of the type its property requires (2.2.s4.b1.b2), so
//!   `result.success` and `result.completion` are booleans;
//! - `id`, `context.registration` and statement references are UUIDs in
//!   the standard string form, variant 2 of RFC 4122 (2.4.1, 4.4);
//! - an Agent has exactly one of `mbox`, `mbox_sha1sum`, `openid`,
//!   `account` (2.4.2.1); `mbox` is a `mailto:` IRI with an address,
//!   `mbox_sha1sum` 40 hex digits, an account has a `homePage` IRL and a
//!   `name` (2.4.2.3, 2.4.2.4); a Group has at most one and, without one,
//!   members (2.4.2.2); `objectType` values are spelt exactly;
//! - verb, activity, activity type, extension keys and `openid` are
//!   absolute IRIs, `homePage` and `moreInfo` IRLs (2.2.s3.b1, 2.2.s4.b1.b8,
//!   4.1.s3.b1) — best effort, as 2.2.s4.b6 allows: an IRI is a scheme
//!   (RFC 3987) and a non-empty rest without spaces, controls or
//!   `<>"{}|\^` and with well-formed percent escapes; an IRL is such an
//!   IRI with the scheme http or https and a host;
//! - language map keys are well-formed RFC 5646 tags (2.2.s4.b2; the
//!   grammar of RFC 5646 2.1 with its irregular grandfathered tags; the
//!   subtag registry is not consulted), and so is `context.language`;
//! - `score.scaled` is within −1 and 1, `min` < `max`, `raw` within them
//!   (2.4.5.1);
//! - `duration` is an ISO 8601:2004 4.4.3.2 duration (4.6: `PnYnMnDTnHnMnS`
//!   with any components in order, a fraction on the last one only, or
//!   `PnW` alone; the alternative format is refused);
//! - `timestamp` and `stored` are RFC 3339 date-times (4.5.s1.b2) **with a
//!   time zone** — stricter than the specification's SHOULD (4.5.s1.b4),
//!   because a time without one means something else on every LRS —
//!   and not the "unknown offset" `-00:00`;
//! - `context.revision` and `context.platform` only when the object is an
//!   Activity (2.4.6.s4); `contextActivities` keys are `parent`,
//!   `grouping`, `category` or `other`, values an Activity or an array of
//!   them (2.4.6.2.s4);
//! - `version`, if present, is 1.0 or 1.0.x.
//!
//! Not checked: SubStatement objects and attachments (reported as
//! [`Rule::Unsupported`]: the export never makes them), interaction
//! activities' response patterns, and anything that needs an LRS (voiding,
//! conflicts with stored statements, signatures).

//!
//! This module owns the entry points, the problem types and the checker's
//! generic steps (objects, strings, IRIs, UUIDs, language maps,
//! extensions); the rule families are beside it: [`statement`] (the
//! statement, its verb, object, activities and statement references),
//! [`actor`] (Agents, Groups and their identifiers), [`context`] (result,
//! score and context) and [`syntax`] (the string syntaxes: IRI, IRL,
//! mailto, UUID, timestamp, duration, language tag).

mod actor;
mod context;
mod statement;
mod syntax;

use std::collections::BTreeSet;
use std::fmt;

use serde_json::{Map, Value};

pub use syntax::{check_timestamp, is_duration, is_iri, is_irl, is_language_tag, is_mbox, is_uuid};

/// Which rule a problem breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// The text is not JSON.
    Json,
    /// A required property is missing.
    Required,
    /// A property the specification does not define.
    UnknownProperty,
    /// `null` outside extensions.
    Null,
    /// A value of the wrong JSON type.
    WrongType,
    /// Not an absolute IRI.
    Iri,
    /// Not an http(s) IRL.
    Irl,
    /// Not a well-formed RFC 5646 language tag.
    LanguageTag,
    /// Not a UUID in the standard string form, variant 2.
    Uuid,
    /// Not an RFC 3339 date-time with a time zone.
    Timestamp,
    /// Not an ISO 8601 duration.
    Duration,
    /// `score.scaled` outside −1…1.
    ScaledRange,
    /// `score.raw` outside `min`…`max`.
    RawRange,
    /// `score.min` not less than `score.max`.
    MinMax,
    /// Not exactly one inverse functional identifier.
    Ifi,
    /// `mbox` is not a `mailto:` address.
    Mbox,
    /// `mbox_sha1sum` is not 40 hex digits.
    MboxSha1sum,
    /// An `objectType` that is not the one allowed here.
    ObjectType,
    /// A `contextActivities` key other than parent, grouping, category,
    /// other.
    ContextActivityKey,
    /// `revision` or `platform` with an object that is not an Activity.
    NotAnActivity,
    /// `version` is not 1.0.x.
    Version,
    /// Two statements of one export with the same id.
    DuplicateId,
    /// A construct this validator does not check.
    Unsupported,
}

/// One problem: where (a path such as `actor.account.homePage` or
/// `[2].result.score.scaled`), which rule, and what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub rule: Rule,
    pub detail: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.detail)
    }
}

/// Every problem of one statement (none: it follows the rules checked).
pub fn validate(statement: &Value) -> Vec<Problem> {
    let mut v = Checker::default();
    v.statement("", statement);
    v.problems
}

/// Every problem of an export file: a JSON array of statements, ids
/// unique within it. Paths start with the statement's index.
pub fn validate_export(text: &str) -> Vec<Problem> {
    let mut v = Checker::default();
    let value: Value = match serde_json::from_str(text) {
        Ok(x) => x,
        Err(e) => {
            v.push("", Rule::Json, format!("not JSON: {e}"));
            return v.problems;
        }
    };
    let Some(list) = value.as_array() else {
        v.push("", Rule::WrongType, "an export is an array of statements");
        return v.problems;
    };
    let mut ids = BTreeSet::new();
    for (i, s) in list.iter().enumerate() {
        let path = format!("[{i}]");
        v.statement(&path, s);
        if let Some(id) = s.get("id").and_then(Value::as_str) {
            if !ids.insert(id.to_ascii_lowercase()) {
                v.push(
                    &format!("{path}.id"),
                    Rule::DuplicateId,
                    format!("{id} again"),
                );
            }
        }
    }
    v.problems
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Checker {
    fn push(&mut self, path: &str, rule: Rule, detail: impl Into<String>) {
        self.problems.push(Problem {
            path: path.to_owned(),
            rule,
            detail: detail.into(),
        });
    }

    /// An object with only `allowed` keys, none null; `required` present.
    fn object<'a>(
        &mut self,
        path: &str,
        v: &'a Value,
        allowed: &[&str],
        required: &[&str],
    ) -> Option<&'a Map<String, Value>> {
        let Some(m) = v.as_object() else {
            let rule = if v.is_null() {
                Rule::Null
            } else {
                Rule::WrongType
            };
            self.push(path, rule, format!("must be an object, not {}", kind(v)));
            return None;
        };
        for (k, x) in m {
            if !allowed.contains(&k.as_str()) {
                self.push(
                    &join(path, k),
                    Rule::UnknownProperty,
                    format!("{k:?} is not a property here"),
                );
            } else if x.is_null() {
                self.push(&join(path, k), Rule::Null, "null is not allowed");
            }
        }
        for r in required {
            if !m.contains_key(*r) {
                self.push(&join(path, r), Rule::Required, "missing");
            }
        }
        Some(m)
    }

    /// The value of `key` if present and not null.
    fn get<'a>(m: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
        m.get(key).filter(|v| !v.is_null())
    }

    fn string<'a>(&mut self, path: &str, v: &'a Value) -> Option<&'a str> {
        match v.as_str() {
            Some(s) => Some(s),
            None => {
                self.push(
                    path,
                    Rule::WrongType,
                    format!("must be a string, not {}", kind(v)),
                );
                None
            }
        }
    }

    fn boolean(&mut self, path: &str, v: &Value) {
        if !v.is_boolean() {
            self.push(
                path,
                Rule::WrongType,
                format!("must be a boolean, not {}", kind(v)),
            );
        }
    }

    fn number(&mut self, path: &str, v: &Value) -> Option<f64> {
        match v.as_f64() {
            Some(n) if v.is_number() => Some(n),
            _ => {
                self.push(
                    path,
                    Rule::WrongType,
                    format!("must be a number, not {}", kind(v)),
                );
                None
            }
        }
    }

    fn iri(&mut self, path: &str, v: &Value) {
        if let Some(s) = self.string(path, v) {
            if !is_iri(s) {
                self.push(path, Rule::Iri, format!("{s:?} is not an absolute IRI"));
            }
        }
    }

    fn irl(&mut self, path: &str, v: &Value) {
        if let Some(s) = self.string(path, v) {
            if !is_irl(s) {
                self.push(path, Rule::Irl, format!("{s:?} is not an http(s) IRL"));
            }
        }
    }

    fn uuid(&mut self, path: &str, v: &Value) {
        if let Some(s) = self.string(path, v) {
            if !is_uuid(s) {
                self.push(
                    path,
                    Rule::Uuid,
                    format!("{s:?} is not a UUID in standard form (variant 2)"),
                );
            }
        }
    }

    fn timestamp(&mut self, path: &str, v: &Value) {
        if let Some(s) = self.string(path, v) {
            if let Err(why) = check_timestamp(s) {
                self.push(path, Rule::Timestamp, format!("{s:?}: {why}"));
            }
        }
    }

    fn language_map(&mut self, path: &str, v: &Value) {
        let Some(m) = v.as_object() else {
            self.push(path, Rule::WrongType, "a language map must be an object");
            return;
        };
        for (k, x) in m {
            let p = join(path, k);
            if !is_language_tag(k) {
                self.push(
                    &p,
                    Rule::LanguageTag,
                    format!("{k:?} is not an RFC 5646 tag"),
                );
            }
            if x.is_null() {
                self.push(&p, Rule::Null, "null is not allowed");
            } else {
                self.string(&p, x);
            }
        }
    }

    fn extensions(&mut self, path: &str, v: &Value) {
        let Some(m) = v.as_object() else {
            self.push(path, Rule::WrongType, "extensions must be an object");
            return;
        };
        for k in m.keys() {
            if !is_iri(k) {
                self.push(
                    &join(path, k),
                    Rule::Iri,
                    format!("extension key {k:?} is not an absolute IRI"),
                );
            }
        }
    }
}
