//! The app's translations (`locales/*.json`), flattened to dotted keys.

use std::collections::BTreeMap;

use serde_json::Value;

fn flatten(prefix: &str, v: &Value, out: &mut BTreeMap<String, String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out);
            }
        }
        Value::String(s) => {
            out.insert(prefix.to_owned(), s.clone());
        }
        other => panic!("{prefix}: expected a string or an object, found {other}"),
    }
}

/// The translations of `name` (`en`, `zh-CN`) by dotted key; every value
/// must be a string.
pub fn load(name: &str) -> BTreeMap<String, String> {
    let path = format!("{}/locales/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = BTreeMap::new();
    flatten("", &v, &mut out);
    out
}
