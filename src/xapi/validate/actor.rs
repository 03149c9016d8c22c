//! Actors: Agents and Groups, and their inverse functional identifiers
//! (`mbox`, `mbox_sha1sum`, `openid`, `account`) — exactly one for an
//! Agent, at most one for a Group, which without one needs members.

use serde_json::{Map, Value};

use super::{is_mbox, join, kind, Checker, Rule};

impl Checker {
    pub(super) fn agent_or_group(&mut self, path: &str, v: &Value) {
        match v.get("objectType").and_then(Value::as_str) {
            Some("Group") => self.group(path, v),
            _ => self.agent(path, v),
        }
    }

    /// The inverse functional identifiers of an agent or group, checked;
    /// returns how many there are.
    pub(super) fn ifis(&mut self, path: &str, m: &Map<String, Value>) -> usize {
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

    pub(super) fn agent(&mut self, path: &str, v: &Value) {
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

    pub(super) fn group(&mut self, path: &str, v: &Value) {
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
}
