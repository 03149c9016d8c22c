//! Guideline profiles: which guideline the lessons and the coach follow.
//!
//! The profiles differ on some steps and on the emergency number; later
//! modules (lessons, coach) read [`Profile`] to choose their variants. The
//! facts here come from the project's guideline reference table: RCSC 120
//! [C5], AHA 911 [D], ERC 112 across the EU [D, E2].

use serde::{Deserialize, Serialize};

use crate::region::RegionId;

/// Stable identifier of a guideline profile. Serialized as `rcsc`, `aha`,
/// `erc`; these strings never change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProfileId {
    /// Red Cross Society of China (中国红十字会).
    Rcsc,
    /// American Heart Association, 2025 guidelines.
    Aha,
    /// European Resuscitation Council, 2025 guidelines.
    Erc,
}

/// What the app needs to know about one profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Profile {
    pub id: ProfileId,
    /// The number to call, as a string of digits (used in `tel:` links).
    pub emergency_number: &'static str,
}

const PROFILES: [Profile; 3] = [
    Profile {
        id: ProfileId::Rcsc,
        emergency_number: "120",
    },
    Profile {
        id: ProfileId::Aha,
        emergency_number: "911",
    },
    Profile {
        id: ProfileId::Erc,
        emergency_number: "112",
    },
];

/// Regions (ISO 3166 alpha-2) whose language tag selects the AHA profile.
const AHA_REGIONS: [&str; 3] = ["US", "CA", "PR"];

/// Regions whose tag selects the ERC profile: the EU and EEA, the UK and
/// Switzerland, all of which answer 112.
const ERC_REGIONS: [&str; 32] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "GB", "CH",
];

/// The language tags' regions, and the places, that pick a profile on a
/// first visit ([`ProfileId::for_first_visit`]), for the copy in
/// `public/first-paint.js` (between `/* profiles:begin */` and
/// `/* profiles:end */`), which chooses the home page rendered at build time
/// before the app runs: `{"aha": [...], "erc": [...], "where": {"aha":
/// [...], "erc": [...]}}` (tag regions upper case, places as region ids).
/// `tests/region.rs` checks the copy is this (and `FIRSTAID_BLESS=1`
/// rewrites it).
pub fn first_visit_table() -> serde_json::Value {
    let ids = |r: &[RegionId]| r.iter().map(|r| r.as_str()).collect::<Vec<_>>();
    serde_json::json!({
        "aha": AHA_REGIONS,
        "erc": ERC_REGIONS,
        "where": { "aha": ids(&AHA_WHERE), "erc": ids(&ERC_WHERE) },
    })
}

/// Where the phone is ([`crate::region::guess`]) that picks AHA for a
/// language tag that names no region.
const AHA_WHERE: [RegionId; 2] = [RegionId::Us, RegionId::Ca];
/// And ERC: the EU and EEA, and the UK.
const ERC_WHERE: [RegionId; 2] = [RegionId::Eu, RegionId::Gb];

impl ProfileId {
    pub const ALL: [ProfileId; 3] = [ProfileId::Rcsc, ProfileId::Aha, ProfileId::Erc];

    /// The stable string id (`rcsc`, `aha`, `erc`).
    pub fn as_str(self) -> &'static str {
        match self {
            ProfileId::Rcsc => "rcsc",
            ProfileId::Aha => "aha",
            ProfileId::Erc => "erc",
        }
    }

    pub fn from_id(id: &str) -> Option<ProfileId> {
        ProfileId::ALL.into_iter().find(|p| p.as_str() == id)
    }

    /// The profile's facts.
    pub fn profile(self) -> Profile {
        PROFILES[self as usize]
    }

    /// The profile the browser's language preferences alone pick (a first
    /// visit also asks where the phone is: [`ProfileId::for_first_visit`]).
    ///
    /// Only the most preferred tag is read. Chinese selects RCSC; a region
    /// subtag of the US, Canada or Puerto Rico selects AHA; a European one
    /// selects ERC. Everything else — including a bare `en`, which many
    /// phones in China report — falls back to RCSC, the programme the app
    /// grew out of. The home page always shows the profile and its number
    /// with a one-tap way to change it, because a language tag says nothing
    /// reliable about where a person is.
    pub fn default_for<S: AsRef<str>>(preferred: &[S]) -> ProfileId {
        match first_tag(preferred) {
            Tag::Chinese => ProfileId::Rcsc,
            Tag::Region(r) => by_tag_region(&r),
            Tag::NoRegion => ProfileId::Rcsc,
        }
    }

    /// The profile for a first visit, from the browser's language
    /// preferences and where the phone probably is (`region`, from its
    /// time zone first: [`crate::region::guess`]).
    ///
    /// As [`ProfileId::default_for`], except for a most preferred tag that
    /// names no region (a bare `en` or `fr`): there the place decides — the
    /// US or Canada AHA, the EU, the EEA or the UK ERC, anywhere else RCSC.
    /// A tag that names a region keeps it: it says where the learner is
    /// from, and so which course they would take at home (an `en-US` phone
    /// on holiday in Paris keeps AHA; the call buttons still dial 112).
    pub fn for_first_visit<S: AsRef<str>>(preferred: &[S], region: RegionId) -> ProfileId {
        match first_tag(preferred) {
            Tag::NoRegion if AHA_WHERE.contains(&region) => ProfileId::Aha,
            Tag::NoRegion if ERC_WHERE.contains(&region) => ProfileId::Erc,
            _ => ProfileId::default_for(preferred),
        }
    }
}

/// What the most preferred language tag says for the profile.
enum Tag {
    Chinese,
    /// Its region subtag, upper case.
    Region(String),
    /// None, or no tag at all.
    NoRegion,
}

fn first_tag<S: AsRef<str>>(preferred: &[S]) -> Tag {
    let Some(first) = preferred.first() else {
        return Tag::NoRegion;
    };
    let mut parts = first.as_ref().split(['-', '_']);
    if parts.next().unwrap_or("").eq_ignore_ascii_case("zh") {
        return Tag::Chinese;
    }
    parts
        .find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
        .map_or(Tag::NoRegion, |p| Tag::Region(p.to_ascii_uppercase()))
}

fn by_tag_region(r: &str) -> ProfileId {
    if AHA_REGIONS.contains(&r) {
        ProfileId::Aha
    } else if ERC_REGIONS.contains(&r) {
        ProfileId::Erc
    } else {
        ProfileId::Rcsc
    }
}
