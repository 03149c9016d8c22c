//! The statement's own rules: its properties, verb, object (an Activity,
//! an Agent or Group, a statement reference), and the Activity with its
//! definition.

use serde_json::Value;

use super::{join, Checker, Rule};

impl Checker {
    pub(super) fn statement(&mut self, path: &str, v: &Value) {
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

    pub(super) fn verb(&mut self, path: &str, v: &Value) {
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
    pub(super) fn object_of(&mut self, path: &str, v: &Value) -> bool {
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

    pub(super) fn statement_ref(&mut self, path: &str, v: &Value) {
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

    pub(super) fn activity(&mut self, path: &str, v: &Value) {
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
}
