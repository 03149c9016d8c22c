//! Guideline profiles: which guideline the lessons and the coach follow.
//!
//! The profiles differ on some steps and on the emergency number; later
//! modules (lessons, coach) read [`Profile`] to choose their variants. The
//! facts here come from the project's guideline reference table: RCSC 120
//! [C5], AHA 911 [D], ERC 112 across the EU [D, E2].

use serde::{Deserialize, Serialize};

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

/// The language tags' regions that pick a profile on a first visit, for the
/// copy in `public/first-paint.js` (between `/* profiles:begin */` and
/// `/* profiles:end */`), which chooses the home page rendered at build time
/// before the app runs: `{"aha": [...], "erc": [...]}`. `tests/profile.rs`
/// checks the copy is this (and `FIRSTAID_BLESS=1` rewrites it).
pub fn first_visit_table() -> serde_json::Value {
    serde_json::json!({ "aha": AHA_REGIONS, "erc": ERC_REGIONS })
}

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

    /// The profile for a first visit, from the browser's language preferences.
    ///
    /// Only the most preferred tag is read. Chinese selects RCSC; a region
    /// subtag of the US, Canada or Puerto Rico selects AHA; a European one
    /// selects ERC. Everything else — including a bare `en`, which many
    /// phones in China report — falls back to RCSC, the programme the app
    /// grew out of. The home page always shows the profile and its number
    /// with a one-tap way to change it, because a language tag says nothing
    /// reliable about where a person is.
    pub fn default_for<S: AsRef<str>>(preferred: &[S]) -> ProfileId {
        let Some(first) = preferred.first() else {
            return ProfileId::Rcsc;
        };
        let mut parts = first.as_ref().split(['-', '_']);
        let primary = parts.next().unwrap_or("");
        if primary.eq_ignore_ascii_case("zh") {
            return ProfileId::Rcsc;
        }
        let region = parts
            .find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
            .map(|p| p.to_ascii_uppercase());
        match region.as_deref() {
            Some(r) if AHA_REGIONS.contains(&r) => ProfileId::Aha,
            Some(r) if ERC_REGIONS.contains(&r) => ProfileId::Erc,
            _ => ProfileId::Rcsc,
        }
    }
}
