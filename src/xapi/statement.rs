//! The xAPI 1.0.3 statement as it goes over the wire: separate structs that
//! serialize to exactly the JSON an LRS receives (property names as the
//! specification spells them, absent optional properties left out, never a
//! `null`). Nothing of the app's own types is serialized directly; the
//! converters in [`super::convert`] fill these.
//!
//! Also here: the name-based statement ids ([`statement_id`]), ISO 8601
//! durations ([`duration`]) and the fixed vocabulary (verbs, activity
//! types, cmi5 categories and extensions).

use std::collections::BTreeMap;

use serde::Serialize;
use sha1::{Digest, Sha1};

/// The xAPI version these statements follow; a sender puts it in the
/// `X-Experience-API-Version` header (the statement's own `version`
/// property is "Not Recommended" for a provider, xAPI 1.0.3 Data 2.4).
pub const XAPI_VERSION: &str = "1.0.3";

/// A language map: RFC 5646 tag → text.
pub type LanguageMap = BTreeMap<String, String>;

/// The language tags of the app's two languages.
pub const EN: &str = "en-US";
/// Simplified Chinese as used in mainland China.
pub const ZH: &str = "zh-CN";

/// A language map of the app's two languages.
pub fn bilingual(en: &str, zh: &str) -> LanguageMap {
    BTreeMap::from([
        (EN.to_owned(), en.to_owned()),
        (ZH.to_owned(), zh.to_owned()),
    ])
}

/// A verb of the ADL vocabulary that cmi5 prescribes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbId {
    Completed,
    Passed,
    Failed,
}

impl VerbId {
    /// The verb's IRI.
    pub fn iri(self) -> &'static str {
        match self {
            VerbId::Completed => "http://adlnet.gov/expapi/verbs/completed",
            VerbId::Passed => "http://adlnet.gov/expapi/verbs/passed",
            VerbId::Failed => "http://adlnet.gov/expapi/verbs/failed",
        }
    }

    /// The verb object, with its display in both languages.
    pub fn verb(self) -> Verb {
        let (en, zh) = match self {
            VerbId::Completed => ("completed", "已完成"),
            VerbId::Passed => ("passed", "已通过"),
            VerbId::Failed => ("failed", "未通过"),
        };
        Verb {
            id: self.iri().to_owned(),
            display: bilingual(en, zh),
        }
    }
}

/// Activity type of a lesson (ADL vocabulary).
pub const TYPE_LESSON: &str = "http://adlnet.gov/expapi/activities/lesson";
/// Activity type of an exam (ADL vocabulary).
pub const TYPE_ASSESSMENT: &str = "http://adlnet.gov/expapi/activities/assessment";
/// The cmi5 category activity (cmi5 9.6.2.1): marks a "cmi5 defined"
/// statement.
pub const CATEGORY_CMI5: &str = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
/// The cmi5 moveOn category activity (cmi5 9.6.2.2): on cmi5 defined
/// statements whose result has `success` or `completion`.
pub const CATEGORY_MOVEON: &str = "https://w3id.org/xapi/cmi5/context/categories/moveon";
/// The cmi5 masteryScore context extension (cmi5 9.6.3.2): the pass mark
/// as a decimal from 0 to 1, on passed and failed statements.
pub const EXT_MASTERY_SCORE: &str = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";

/// A statement (xAPI 1.0.3 Data 2.4). `id` is always set (see
/// [`statement_id`]); `stored`, `authority` and `version` are left to the
/// LRS.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    pub id: String,
    pub actor: Agent,
    pub verb: Verb,
    pub object: Activity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<StatementResult>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<Context>,
    /// UTC, `YYYY-MM-DDTHH:MM:SS.sssZ`.
    pub timestamp: String,
}

/// An Agent (2.4.2.1): a name and exactly one inverse functional
/// identifier, here `mbox` or `account`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Agent {
    /// Always `Agent`.
    #[serde(rename = "objectType")]
    pub object_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mbox: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<Account>,
}

impl Agent {
    /// The identifier as one line of text (what a statement's id is made
    /// from): `mbox <iri>` or `account <homePage> <name>`.
    pub fn ifi_text(&self) -> String {
        match (&self.mbox, &self.account) {
            (Some(m), _) => format!("mbox {m}"),
            (None, Some(a)) => format!("account {} {}", a.home_page, a.name),
            (None, None) => String::new(),
        }
    }
}

/// An account on a system (2.4.2.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Account {
    #[serde(rename = "homePage")]
    pub home_page: String,
    pub name: String,
}

/// A verb (2.4.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verb {
    pub id: String,
    pub display: LanguageMap,
}

/// An Activity as a statement's object or a context activity (2.4.4.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Activity {
    /// Always `Activity`.
    #[serde(rename = "objectType")]
    pub object_type: &'static str,
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub definition: Option<ActivityDefinition>,
}

impl Activity {
    /// An activity named by its id alone (a category).
    pub fn reference(id: &str) -> Activity {
        Activity {
            object_type: "Activity",
            id: id.to_owned(),
            definition: None,
        }
    }
}

/// An activity's definition: its name and description in both languages
/// and its type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActivityDefinition {
    pub name: LanguageMap,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<LanguageMap>,
    #[serde(rename = "type")]
    pub kind: String,
}

/// A result (2.4.5).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementResult {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<Score>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completion: Option<bool>,
    /// ISO 8601 duration ([`duration`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    /// What the learner did, in words (a checklist's items that need
    /// practice).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
}

/// A score (2.4.5.1): `scaled` = `raw` / `max`, with `min` 0.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    pub scaled: f64,
    pub raw: u32,
    pub min: u32,
    pub max: u32,
}

/// A context (2.4.6).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Context {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registration: Option<String>,
    #[serde(rename = "contextActivities", skip_serializing_if = "Option::is_none")]
    pub context_activities: Option<ContextActivities>,
    /// The content version the learner used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extensions: Option<BTreeMap<String, serde_json::Value>>,
}

/// Context activities (2.4.6.2); always arrays, as the specification
/// recommends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContextActivities {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub category: Vec<Activity>,
}

/// The namespace of the statement ids: the version 5 UUID of the URL
/// `https://firstaid.example/xapi/statement-id` in RFC 4122's URL
/// namespace, `f32f8c79-c0a4-51a8-9eac-d055936b8f9d` (pinned by a test).
/// It stays the same whatever activity base a school chooses: the ids
/// must not change when nothing about the event did.
pub const STATEMENT_NAMESPACE: [u8; 16] = [
    0xf3, 0x2f, 0x8c, 0x79, 0xc0, 0xa4, 0x51, 0xa8, 0x9e, 0xac, 0xd0, 0x55, 0x93, 0x6b, 0x8f, 0x9d,
];

/// RFC 4122's namespace for URLs (`6ba7b811-9dad-11d1-80b4-00c04fd430c8`).
pub const URL_NAMESPACE: [u8; 16] = [
    0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
];

/// A name-based UUID, version 5 (RFC 4122 4.3: SHA-1 of the namespace
/// and the name, version and variant bits set), in the standard lowercase
/// string form.
///
/// Version 5 rather than RFC 9562's SHA-256 version 8: LRS validators
/// written before RFC 9562 accept versions 1 to 5 only, and the id need
/// not be secret or collision-proof against an adversary — only stable.
pub fn uuid_v5(namespace: &[u8; 16], name: &str) -> String {
    let mut h = Sha1::new();
    h.update(namespace);
    h.update(name.as_bytes());
    let digest = h.finalize();
    let mut b = [0u8; 16];
    b.copy_from_slice(&digest[..16]);
    crate::uuid::text(b, 5)
}

/// A statement's id, made from what identifies the event, so exporting the
/// same data again gives the same ids and an LRS keeps one copy: the
/// version 5 UUID in [`STATEMENT_NAMESPACE`] of the text
/// `firstaid-xapi-statement-v1`, the actor's identifier
/// ([`Agent::ifi_text`]), the verb's IRI, the activity's IRI, the
/// timestamp, the registration (or nothing) and the exam's seed (or
/// nothing), one per line. Names, titles and the cmi5 category are not
/// part of it (see the module documentation of [`super`] on what an LRS
/// does with a changed statement under a known id).
pub fn statement_id(
    actor: &Agent,
    verb: VerbId,
    activity: &str,
    timestamp: &str,
    registration: Option<&str>,
    seed: Option<u64>,
) -> String {
    let text = format!(
        "firstaid-xapi-statement-v1\n{}\n{}\n{activity}\n{timestamp}\n{}\n{}",
        actor.ifi_text(),
        verb.iri(),
        registration.unwrap_or(""),
        seed.map(|s| s.to_string()).unwrap_or_default()
    );
    uuid_v5(&STATEMENT_NAMESPACE, &text)
}

/// An ISO 8601 duration (the format of ISO 8601:2004 4.4.3.2, as xAPI
/// requires) of `ms` milliseconds, to 0.01 s (truncated, the precision
/// xAPI asks for): `PT10M`, `PT1H2M3.45S`, `PT0S`.
pub fn duration(ms: u64) -> String {
    let cs = ms / 10;
    let (h, m, s, frac) = (cs / 360_000, cs / 6_000 % 60, cs / 100 % 60, cs % 100);
    let mut out = String::from("PT");
    if h > 0 {
        out.push_str(&format!("{h}H"));
    }
    if m > 0 {
        out.push_str(&format!("{m}M"));
    }
    if s > 0 || frac > 0 || (h == 0 && m == 0) {
        out.push_str(&s.to_string());
        if frac > 0 {
            let f = format!("{frac:02}");
            out.push('.');
            out.push_str(f.trim_end_matches('0'));
        }
        out.push('S');
    }
    out
}
