//! The outcome and its setting: `result` (success, completion, duration)
//! with its `score` ranges, and `context` (registration, language,
//! revision and platform only for Activities, `contextActivities`).

use serde_json::Value;

use super::{is_duration, is_language_tag, join, kind, Checker, Rule};

impl Checker {
    pub(super) fn result(&mut self, path: &str, v: &Value) {
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

    pub(super) fn score(&mut self, path: &str, v: &Value) {
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

    pub(super) fn context(&mut self, path: &str, v: &Value, object_is_activity: bool) {
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
