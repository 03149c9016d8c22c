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

use std::collections::BTreeSet;
use std::fmt;

use serde_json::{Map, Value};

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

    fn statement(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object(
            path,
            v,
            &[
                "id",
                "actor",
                "verb",
                "object",
                "result",
                "context",
                "timestamp",
                "stored",
                "authority",
                "version",
                "attachments",
            ],
            &["actor", "verb", "object"],
        ) else {
            return;
        };
        if let Some(x) = Self::get(m, "id") {
            self.uuid(&join(path, "id"), x);
        }
        if let Some(x) = Self::get(m, "actor") {
            self.agent_or_group(&join(path, "actor"), x);
        }
        if let Some(x) = Self::get(m, "verb") {
            self.verb(&join(path, "verb"), x);
        }
        let mut object_is_activity = false;
        if let Some(x) = Self::get(m, "object") {
            object_is_activity = self.object_of(&join(path, "object"), x);
        }
        if let Some(x) = Self::get(m, "result") {
            self.result(&join(path, "result"), x);
        }
        if let Some(x) = Self::get(m, "context") {
            self.context(&join(path, "context"), x, object_is_activity);
        }
        for key in ["timestamp", "stored"] {
            if let Some(x) = Self::get(m, key) {
                self.timestamp(&join(path, key), x);
            }
        }
        if let Some(x) = Self::get(m, "authority") {
            self.agent_or_group(&join(path, "authority"), x);
        }
        if let Some(x) = Self::get(m, "version") {
            let p = join(path, "version");
            if let Some(s) = self.string(&p, x) {
                let ok = s == "1.0"
                    || s.strip_prefix("1.0.")
                        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
                if !ok {
                    self.push(&p, Rule::Version, format!("{s:?} is not 1.0.x"));
                }
            }
        }
        if Self::get(m, "attachments").is_some() {
            self.push(
                &join(path, "attachments"),
                Rule::Unsupported,
                "attachments are not checked",
            );
        }
    }

    fn agent_or_group(&mut self, path: &str, v: &Value) {
        match v.get("objectType").and_then(Value::as_str) {
            Some("Group") => self.group(path, v),
            _ => self.agent(path, v),
        }
    }

    /// The inverse functional identifiers of an agent or group, checked;
    /// returns how many there are.
    fn ifis(&mut self, path: &str, m: &Map<String, Value>) -> usize {
        let mut n = 0;
        if let Some(x) = Self::get(m, "mbox") {
            n += 1;
            let p = join(path, "mbox");
            if let Some(s) = self.string(&p, x) {
                if !is_mbox(s) {
                    self.push(&p, Rule::Mbox, format!("{s:?} is not mailto:address"));
                }
            }
        }
        if let Some(x) = Self::get(m, "mbox_sha1sum") {
            n += 1;
            let p = join(path, "mbox_sha1sum");
            if let Some(s) = self.string(&p, x) {
                if s.len() != 40 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
                    self.push(&p, Rule::MboxSha1sum, format!("{s:?} is not 40 hex digits"));
                }
            }
        }
        if let Some(x) = Self::get(m, "openid") {
            n += 1;
            self.iri(&join(path, "openid"), x);
        }
        if let Some(x) = Self::get(m, "account") {
            n += 1;
            let p = join(path, "account");
            if let Some(a) = self.object(&p, x, &["homePage", "name"], &["homePage", "name"]) {
                if let Some(h) = Self::get(a, "homePage") {
                    self.irl(&join(&p, "homePage"), h);
                }
                if let Some(nm) = Self::get(a, "name") {
                    self.string(&join(&p, "name"), nm);
                }
            }
        }
        n
    }

    fn agent(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object(
            path,
            v,
            &[
                "objectType",
                "name",
                "mbox",
                "mbox_sha1sum",
                "openid",
                "account",
            ],
            &[],
        ) else {
            return;
        };
        if let Some(t) = Self::get(m, "objectType") {
            let p = join(path, "objectType");
            if self.string(&p, t).is_some_and(|t| t != "Agent") {
                self.push(&p, Rule::ObjectType, format!("{t} is not \"Agent\""));
            }
        }
        if let Some(x) = Self::get(m, "name") {
            self.string(&join(path, "name"), x);
        }
        let n = self.ifis(path, m);
        if n != 1 {
            self.push(
                path,
                Rule::Ifi,
                format!(
                    "an Agent has exactly one of mbox, mbox_sha1sum, openid, account ({n} given)"
                ),
            );
        }
    }

    fn group(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object(
            path,
            v,
            &[
                "objectType",
                "name",
                "member",
                "mbox",
                "mbox_sha1sum",
                "openid",
                "account",
            ],
            &["objectType"],
        ) else {
            return;
        };
        if let Some(x) = Self::get(m, "name") {
            self.string(&join(path, "name"), x);
        }
        let n = self.ifis(path, m);
        if n > 1 {
            self.push(
                path,
                Rule::Ifi,
                format!("a Group has at most one identifier ({n} given)"),
            );
        }
        match Self::get(m, "member") {
            Some(Value::Array(members)) => {
                for (i, a) in members.iter().enumerate() {
                    self.agent(&format!("{}[{i}]", join(path, "member")), a);
                }
            }
            Some(x) => {
                self.push(
                    &join(path, "member"),
                    Rule::WrongType,
                    format!("must be an array, not {}", kind(x)),
                );
            }
            None if n == 0 => self.push(
                &join(path, "member"),
                Rule::Required,
                "an anonymous Group needs members",
            ),
            None => {}
        }
    }

    fn verb(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object(path, v, &["id", "display"], &["id"]) else {
            return;
        };
        if let Some(x) = Self::get(m, "id") {
            self.iri(&join(path, "id"), x);
        }
        if let Some(x) = Self::get(m, "display") {
            self.language_map(&join(path, "display"), x);
        }
    }

    /// The statement's object; true if it is an Activity.
    fn object_of(&mut self, path: &str, v: &Value) -> bool {
        match v.get("objectType").and_then(Value::as_str) {
            None | Some("Activity") => {
                self.activity(path, v);
                true
            }
            Some("Agent") => {
                self.agent(path, v);
                false
            }
            Some("Group") => {
                self.group(path, v);
                false
            }
            Some("StatementRef") => {
                self.statement_ref(path, v);
                false
            }
            Some("SubStatement") => {
                self.push(path, Rule::Unsupported, "SubStatements are not checked");
                false
            }
            Some(other) => {
                self.push(
                    &join(path, "objectType"),
                    Rule::ObjectType,
                    format!("{other:?} is not an object type"),
                );
                false
            }
        }
    }

    fn statement_ref(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object(path, v, &["objectType", "id"], &["objectType", "id"]) else {
            return;
        };
        if let Some(t) = Self::get(m, "objectType") {
            let p = join(path, "objectType");
            if self.string(&p, t).is_some_and(|t| t != "StatementRef") {
                self.push(&p, Rule::ObjectType, format!("{t} is not \"StatementRef\""));
            }
        }
        if let Some(x) = Self::get(m, "id") {
            self.uuid(&join(path, "id"), x);
        }
    }

    fn activity(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object(path, v, &["objectType", "id", "definition"], &["id"]) else {
            return;
        };
        if let Some(t) = Self::get(m, "objectType") {
            let p = join(path, "objectType");
            if self.string(&p, t).is_some_and(|t| t != "Activity") {
                self.push(&p, Rule::ObjectType, format!("{t} is not \"Activity\""));
            }
        }
        if let Some(x) = Self::get(m, "id") {
            self.iri(&join(path, "id"), x);
        }
        let Some(d) = Self::get(m, "definition") else {
            return;
        };
        let p = join(path, "definition");
        let Some(d) = self.object(
            &p,
            d,
            &[
                "name",
                "description",
                "type",
                "moreInfo",
                "extensions",
                "interactionType",
                "correctResponsesPattern",
                "choices",
                "scale",
                "source",
                "target",
                "steps",
            ],
            &[],
        ) else {
            return;
        };
        for key in ["name", "description"] {
            if let Some(x) = Self::get(d, key) {
                self.language_map(&join(&p, key), x);
            }
        }
        if let Some(x) = Self::get(d, "type") {
            self.iri(&join(&p, "type"), x);
        }
        if let Some(x) = Self::get(d, "moreInfo") {
            self.irl(&join(&p, "moreInfo"), x);
        }
        if let Some(x) = Self::get(d, "extensions") {
            self.extensions(&join(&p, "extensions"), x);
        }
        if let Some(x) = Self::get(d, "interactionType") {
            self.string(&join(&p, "interactionType"), x);
        }
        if let Some(x) = Self::get(d, "correctResponsesPattern") {
            let cp = join(&p, "correctResponsesPattern");
            match x.as_array() {
                Some(items) => {
                    for (i, s) in items.iter().enumerate() {
                        self.string(&format!("{cp}[{i}]"), s);
                    }
                }
                None => self.push(&cp, Rule::WrongType, "must be an array of strings"),
            }
        }
        for key in ["choices", "scale", "source", "target", "steps"] {
            let Some(x) = Self::get(d, key) else {
                continue;
            };
            let cp = join(&p, key);
            let Some(items) = x.as_array() else {
                self.push(&cp, Rule::WrongType, "must be an array of components");
                continue;
            };
            for (i, c) in items.iter().enumerate() {
                let ip = format!("{cp}[{i}]");
                if let Some(c) = self.object(&ip, c, &["id", "description"], &["id"]) {
                    if let Some(id) = Self::get(c, "id") {
                        self.string(&join(&ip, "id"), id);
                    }
                    if let Some(ds) = Self::get(c, "description") {
                        self.language_map(&join(&ip, "description"), ds);
                    }
                }
            }
        }
    }

    fn result(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object(
            path,
            v,
            &[
                "score",
                "success",
                "completion",
                "response",
                "duration",
                "extensions",
            ],
            &[],
        ) else {
            return;
        };
        if let Some(x) = Self::get(m, "score") {
            self.score(&join(path, "score"), x);
        }
        for key in ["success", "completion"] {
            if let Some(x) = Self::get(m, key) {
                self.boolean(&join(path, key), x);
            }
        }
        if let Some(x) = Self::get(m, "response") {
            self.string(&join(path, "response"), x);
        }
        if let Some(x) = Self::get(m, "duration") {
            let p = join(path, "duration");
            if let Some(s) = self.string(&p, x) {
                if !is_duration(s) {
                    self.push(
                        &p,
                        Rule::Duration,
                        format!("{s:?} is not an ISO 8601 duration"),
                    );
                }
            }
        }
        if let Some(x) = Self::get(m, "extensions") {
            self.extensions(&join(path, "extensions"), x);
        }
    }

    fn score(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object(path, v, &["scaled", "raw", "min", "max"], &[]) else {
            return;
        };
        let mut n = |key: &str| Self::get(m, key).and_then(|x| self.number(&join(path, key), x));
        let (scaled, raw, min, max) = (n("scaled"), n("raw"), n("min"), n("max"));
        if let Some(s) = scaled {
            if !(-1.0..=1.0).contains(&s) {
                self.push(
                    &join(path, "scaled"),
                    Rule::ScaledRange,
                    format!("{s} is not within -1 and 1"),
                );
            }
        }
        if let (Some(lo), Some(hi)) = (min, max) {
            if lo >= hi {
                self.push(
                    &join(path, "min"),
                    Rule::MinMax,
                    format!("min {lo} is not less than max {hi}"),
                );
            }
        }
        if let Some(r) = raw {
            if min.is_some_and(|lo| r < lo) || max.is_some_and(|hi| r > hi) {
                self.push(
                    &join(path, "raw"),
                    Rule::RawRange,
                    format!("raw {r} is not within min and max"),
                );
            }
        }
    }

    fn context(&mut self, path: &str, v: &Value, object_is_activity: bool) {
        let Some(m) = self.object(
            path,
            v,
            &[
                "registration",
                "instructor",
                "team",
                "contextActivities",
                "revision",
                "platform",
                "language",
                "statement",
                "extensions",
            ],
            &[],
        ) else {
            return;
        };
        if let Some(x) = Self::get(m, "registration") {
            self.uuid(&join(path, "registration"), x);
        }
        if let Some(x) = Self::get(m, "instructor") {
            self.agent_or_group(&join(path, "instructor"), x);
        }
        if let Some(x) = Self::get(m, "team") {
            self.group(&join(path, "team"), x);
        }
        if let Some(x) = Self::get(m, "contextActivities") {
            let p = join(path, "contextActivities");
            if let Some(ca) = self.object(&p, x, &["parent", "grouping", "category", "other"], &[])
            {
                for (k, list) in ca {
                    let kp = join(&p, k);
                    match list {
                        Value::Array(items) => {
                            for (i, a) in items.iter().enumerate() {
                                self.activity(&format!("{kp}[{i}]"), a);
                            }
                        }
                        Value::Object(_) => self.activity(&kp, list),
                        Value::Null => {}
                        other => self.push(
                            &kp,
                            Rule::WrongType,
                            format!(
                                "must be an Activity or an array of them, not {}",
                                kind(other)
                            ),
                        ),
                    }
                }
                for k in ca.keys() {
                    if !["parent", "grouping", "category", "other"].contains(&k.as_str()) {
                        // Also reported as an unknown property; named here
                        // by the rule of 2.4.6.2.
                        self.push(
                            &join(&p, k),
                            Rule::ContextActivityKey,
                            "keys are parent, grouping, category or other",
                        );
                    }
                }
            }
        }
        for key in ["revision", "platform"] {
            if let Some(x) = Self::get(m, key) {
                let p = join(path, key);
                self.string(&p, x);
                if !object_is_activity {
                    self.push(
                        &p,
                        Rule::NotAnActivity,
                        "only when the object is an Activity",
                    );
                }
            }
        }
        if let Some(x) = Self::get(m, "language") {
            let p = join(path, "language");
            if let Some(s) = self.string(&p, x) {
                if !is_language_tag(s) {
                    self.push(
                        &p,
                        Rule::LanguageTag,
                        format!("{s:?} is not an RFC 5646 tag"),
                    );
                }
            }
        }
        if let Some(x) = Self::get(m, "statement") {
            self.statement_ref(&join(path, "statement"), x);
        }
        if let Some(x) = Self::get(m, "extensions") {
            self.extensions(&join(path, "extensions"), x);
        }
    }
}

/// An absolute IRI, best effort: an RFC 3987 scheme, `:`, and a non-empty
/// rest without whitespace, control characters or `<>"{}|\^``, whose
/// `%` escapes have two hex digits.
pub fn is_iri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    let mut sc = scheme.bytes();
    if !sc.next().is_some_and(|b| b.is_ascii_alphabetic())
        || !sc.all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
    {
        return false;
    }
    if rest.is_empty() {
        return false;
    }
    let b = rest.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        let escaped = b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
            && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
        if c == b'%' && !escaped {
            return false;
        }
    }
    rest.chars()
        .all(|c| !c.is_whitespace() && !c.is_control() && !"<>\"{}|\\^`".contains(c))
}

/// An IRL as this crate uses them: an [`is_iri`] IRI with the scheme http
/// or https and a host.
pub fn is_irl(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    match rest {
        Some(r) => {
            let host = r.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !host.starts_with(':') && is_iri(s)
        }
        None => false,
    }
}

/// `mailto:` and an address: a non-empty local part, one `@`, a domain
/// with a dot or a name, no spaces; an IRI.
pub fn is_mbox(s: &str) -> bool {
    let Some(addr) = s.strip_prefix("mailto:") else {
        return false;
    };
    let Some((local, domain)) = addr.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.is_empty()
        && !domain.contains('@')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && is_iri(s)
}

/// A UUID in the standard string form (8-4-4-4-12 hex digits), variant 2
/// of RFC 4122 (any version).
pub fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
        && b"89abAB".contains(&b[19])
}

/// An RFC 3339 date-time with a time zone (`Z` or `±HH:MM`, not `-00:00`).
pub fn check_timestamp(s: &str) -> Result<(), &'static str> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        (!part.is_empty() && part.bytes().all(|c| c.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    if !(at(4, b'-') && at(7, b'-') && at(10, b'T') && at(13, b':') && at(16, b':')) {
        return Err("not YYYY-MM-DDTHH:MM:SS");
    }
    let (Some(y), Some(mo), Some(d), Some(h), Some(mi), Some(sec)) = (
        digits(0..4),
        digits(5..7),
        digits(8..10),
        digits(11..13),
        digits(14..16),
        digits(17..19),
    ) else {
        return Err("not YYYY-MM-DDTHH:MM:SS");
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match mo {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err("no such month"),
    };
    if d == 0 || d > days {
        return Err("no such day");
    }
    if h > 23 || mi > 59 || sec > 60 {
        return Err("no such time of day");
    }
    let mut i = 19;
    if at(i, b'.') {
        let start = i + 1;
        i = start;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return Err("a fraction needs digits");
        }
    }
    match &s[i..] {
        "Z" => Ok(()),
        "" => Err("no time zone"),
        "-00:00" => Err("-00:00 is an unknown offset, not a time zone"),
        zone => {
            let z = zone.as_bytes();
            let ok = z.len() == 6
                && (z[0] == b'+' || z[0] == b'-')
                && z[3] == b':'
                && z[1..3].iter().chain(&z[4..6]).all(u8::is_ascii_digit)
                && zone[1..3].parse::<u32>().is_ok_and(|h| h <= 23)
                && zone[4..6].parse::<u32>().is_ok_and(|m| m <= 59);
            if ok {
                Ok(())
            } else {
                Err("the time zone is not Z or ±HH:MM")
            }
        }
    }
}

/// An ISO 8601:2004 4.4.3.2 duration: `P`, then years, months, days in
/// that order and optionally `T` with hours, minutes, seconds in that
/// order (at least one component, at least one after `T`), numbers of
/// digits with a decimal fraction (`.` or `,`) on the last component only;
/// or `PnW` alone.
pub fn is_duration(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('P') else {
        return false;
    };
    if let Some(w) = rest.strip_suffix('W') {
        return !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    }
    let (date, time) = match rest.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    // (designator, number) pairs, in order.
    let parse = |part: &str, designators: &[u8]| -> Option<Vec<(u8, String)>> {
        let mut out = Vec::new();
        let mut num = String::new();
        let mut next = 0;
        for c in part.bytes() {
            if c.is_ascii_digit() || c == b'.' || c == b',' {
                num.push(c as char);
                continue;
            }
            let pos = designators[next..].iter().position(|&d| d == c)? + next;
            out.push((c, std::mem::take(&mut num)));
            next = pos + 1;
        }
        num.is_empty().then_some(out)
    };
    let Some(mut parts) = parse(date, b"YMD") else {
        return false;
    };
    if let Some(t) = time {
        match parse(t, b"HMS") {
            Some(tp) if !tp.is_empty() => parts.extend(tp),
            _ => return false,
        }
    }
    if parts.is_empty() {
        return false;
    }
    let last = parts.len() - 1;
    parts.iter().enumerate().all(|(i, (_, n))| {
        let (int, frac) = match n.find(['.', ',']) {
            Some(k) => (&n[..k], Some(&n[k + 1..])),
            None => (n.as_str(), None),
        };
        !int.is_empty()
            && int.bytes().all(|b| b.is_ascii_digit())
            && match frac {
                None => true,
                Some(f) => i == last && !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()),
            }
    })
}

/// RFC 5646's irregular grandfathered tags (the regular ones fit the
/// grammar).
const IRREGULAR: [&str; 17] = [
    "en-gb-oed",
    "i-ami",
    "i-bnn",
    "i-default",
    "i-enochian",
    "i-hak",
    "i-klingon",
    "i-lux",
    "i-mingo",
    "i-navajo",
    "i-pwn",
    "i-tao",
    "i-tay",
    "i-tsu",
    "sgn-be-fr",
    "sgn-be-nl",
    "sgn-ch-de",
];

/// A well-formed RFC 5646 language tag (the grammar of section 2.1,
/// case-insensitive).
pub fn is_language_tag(s: &str) -> bool {
    if IRREGULAR.contains(&s.to_ascii_lowercase().as_str()) {
        return true;
    }
    let tags: Vec<&str> = s.split('-').collect();
    if tags
        .iter()
        .any(|t| t.is_empty() || !t.bytes().all(|b| b.is_ascii_alphanumeric()))
    {
        return false;
    }
    let alpha = |t: &str| t.bytes().all(|b| b.is_ascii_alphabetic());
    let digit = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let private = |rest: &[&str]| !rest.is_empty() && rest.iter().all(|t| t.len() <= 8);
    if tags[0].eq_ignore_ascii_case("x") {
        return private(&tags[1..]);
    }
    let mut i = 0;
    // language
    let first = tags[0];
    if !alpha(first) || !(2..=8).contains(&first.len()) {
        return false;
    }
    i += 1;
    if first.len() <= 3 {
        // extlang: up to three 3-letter subtags
        let mut n = 0;
        while n < 3 && tags.get(i).is_some_and(|t| t.len() == 3 && alpha(t)) {
            i += 1;
            n += 1;
        }
    }
    // script
    if tags.get(i).is_some_and(|t| t.len() == 4 && alpha(t)) {
        i += 1;
    }
    // region
    if tags
        .get(i)
        .is_some_and(|t| (t.len() == 2 && alpha(t)) || (t.len() == 3 && digit(t)))
    {
        i += 1;
    }
    // variants
    while tags.get(i).is_some_and(|t| {
        (5..=8).contains(&t.len()) || (t.len() == 4 && t.as_bytes()[0].is_ascii_digit())
    }) {
        i += 1;
    }
    // extensions
    while tags
        .get(i)
        .is_some_and(|t| t.len() == 1 && !t.eq_ignore_ascii_case("x"))
    {
        i += 1;
        let start = i;
        while tags.get(i).is_some_and(|t| (2..=8).contains(&t.len())) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    // private use
    if tags.get(i).is_some_and(|t| t.eq_ignore_ascii_case("x")) {
        return private(&tags[i + 1..]);
    }
    i == tags.len()
}
