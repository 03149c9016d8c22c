//! Where the learner is: regions, the number that calls an ambulance there,
//! and the first-visit guess from the browser's language tags and time zone.
//!
//! *Where I am* is separate from *which guideline I learn*
//! ([`crate::profile`]): a learner in Hong Kong may follow the AHA course and
//! still needs 999. Every call button, the emergency coach and the printed
//! handout use the region's number (or the learner's own, see
//! [`crate::settings::Settings::call_number`]); lessons keep quoting their
//! guideline's number. `public/boot.js` carries a copy of [`REGIONS`]'
//! numbers and of the guess for the static page shown before the app has
//! loaded; `tests/region.rs` checks the copy against this table.

use serde::{Deserialize, Serialize};

/// Stable identifier of a region. Serialized in lower case (`cn`, `hk`, …,
/// `other`); these strings never change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RegionId {
    /// Mainland China.
    Cn,
    Hk,
    Mo,
    Tw,
    Us,
    Ca,
    /// The European Union and the European Economic Area.
    Eu,
    /// The United Kingdom.
    Gb,
    Au,
    Nz,
    Jp,
    Kr,
    Sg,
    In,
    /// Anywhere else: 112, with "check your local number" shown.
    Other,
}

/// A region's emergency call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub id: RegionId,
    /// The number that reaches an ambulance, digits only (for `tel:`).
    pub number: &'static str,
    /// Another number that also works there (the UK's 112), if any.
    pub also: Option<&'static str>,
    /// Where the number comes from.
    pub source: Source,
}

/// A citation for a region's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// Who says so.
    pub publisher: &'static str,
    pub url: &'static str,
}

const fn r(
    id: RegionId,
    number: &'static str,
    publisher: &'static str,
    url: &'static str,
) -> Region {
    Region {
        id,
        number,
        also: None,
        source: Source { publisher, url },
    }
}

/// Every region, in the order the region picker lists them.
pub const REGIONS: [Region; 15] = [
    r(
        RegionId::Cn,
        "120",
        "中华医学会急诊医学分会等《院前急救待援期公众应对措施专家共识》2022",
        "http://cem.org.cn/rhtml/20220503/index.htm",
    ),
    r(
        RegionId::Hk,
        "999",
        "Hong Kong Police Force: emergency calls 999",
        "https://www.police.gov.hk/",
    ),
    r(
        RegionId::Mo,
        "999",
        "Macao SAR Government Portal: emergency calls 999",
        "https://www.gov.mo/",
    ),
    r(
        RegionId::Tw,
        "119",
        "National Fire Agency, Ministry of the Interior (Taiwan)",
        "https://www.nfa.gov.tw/",
    ),
    r(
        RegionId::Us,
        "911",
        "U.S. Federal Communications Commission: 911 and E911 services",
        "https://www.fcc.gov/general/9-1-1-and-e9-1-1-services",
    ),
    r(
        RegionId::Ca,
        "911",
        "Canadian Radio-television and Telecommunications Commission: 9-1-1",
        "https://crtc.gc.ca/eng/phone/911/",
    ),
    r(
        RegionId::Eu,
        "112",
        "European Commission: 112, the European emergency number",
        "https://digital-strategy.ec.europa.eu/en/policies/112",
    ),
    Region {
        id: RegionId::Gb,
        number: "999",
        also: Some("112"),
        source: Source {
            publisher: "Resuscitation Council UK, 2025 Adult BLS (\"call 999 or 112\")",
            url: "https://www.resus.org.uk/professional-library/2025-resuscitation-guidelines/adult-basic-life-support-guidelines",
        },
    },
    r(
        RegionId::Au,
        "000",
        "Australian Government: Triple Zero (000)",
        "https://www.triplezero.gov.au/",
    ),
    r(
        RegionId::Nz,
        "111",
        "New Zealand Police: call 111 in an emergency",
        "https://www.police.govt.nz/",
    ),
    r(
        RegionId::Jp,
        "119",
        "Fire and Disaster Management Agency (Japan): ambulance 119",
        "https://www.fdma.go.jp/",
    ),
    r(
        RegionId::Kr,
        "119",
        "National Fire Agency (Republic of Korea): 119",
        "https://www.nfa.go.kr/",
    ),
    r(
        RegionId::Sg,
        "995",
        "Singapore Civil Defence Force: emergency ambulance 995",
        "https://www.scdf.gov.sg/",
    ),
    r(
        RegionId::In,
        "112",
        "Emergency Response Support System (India): 112",
        "https://112.gov.in/",
    ),
    r(
        RegionId::Other,
        "112",
        "3GPP TS 22.101 (every mobile phone treats 112 as an emergency number); check your local number",
        "https://www.3gpp.org/DynaReport/22101.htm",
    ),
];

/// EU and EEA members (ISO 3166 alpha-2), which all answer 112.
const EU_EEA: [&str; 30] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
];

/// IANA time zones of the EU and EEA (every member's zones, including the
/// Atlantic islands that belong to Spain and Portugal).
const EU_EEA_ZONES: [&str; 37] = [
    "Europe/Vienna",
    "Europe/Brussels",
    "Europe/Sofia",
    "Europe/Zagreb",
    "Asia/Nicosia",
    "Asia/Famagusta",
    "Europe/Nicosia",
    "Europe/Prague",
    "Europe/Copenhagen",
    "Europe/Tallinn",
    "Europe/Helsinki",
    "Europe/Mariehamn",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Busingen",
    "Europe/Athens",
    "Europe/Budapest",
    "Europe/Dublin",
    "Europe/Rome",
    "Europe/Riga",
    "Europe/Vilnius",
    "Europe/Luxembourg",
    "Europe/Malta",
    "Europe/Amsterdam",
    "Europe/Warsaw",
    "Europe/Lisbon",
    "Atlantic/Madeira",
    "Atlantic/Azores",
    "Europe/Bucharest",
    "Europe/Bratislava",
    "Europe/Ljubljana",
    "Europe/Madrid",
    "Africa/Ceuta",
    "Atlantic/Canary",
    "Europe/Stockholm",
    "Atlantic/Reykjavik",
    "Europe/Oslo",
];

/// Time zones that name one region (with [`EU_EEA_ZONES`] and
/// [`ZONE_PREFIXES`]).
const ZONES: [(&str, RegionId); 48] = [
    ("Asia/Shanghai", RegionId::Cn),
    ("Asia/Urumqi", RegionId::Cn),
    ("Asia/Chongqing", RegionId::Cn),
    ("Asia/Chungking", RegionId::Cn),
    ("Asia/Harbin", RegionId::Cn),
    ("PRC", RegionId::Cn),
    ("Asia/Hong_Kong", RegionId::Hk),
    ("Hongkong", RegionId::Hk),
    ("Asia/Macau", RegionId::Mo),
    ("Asia/Macao", RegionId::Mo),
    ("Asia/Taipei", RegionId::Tw),
    ("ROC", RegionId::Tw),
    ("Asia/Tokyo", RegionId::Jp),
    ("Japan", RegionId::Jp),
    ("Asia/Seoul", RegionId::Kr),
    ("ROK", RegionId::Kr),
    ("Asia/Singapore", RegionId::Sg),
    ("Singapore", RegionId::Sg),
    ("Asia/Kolkata", RegionId::In),
    ("Asia/Calcutta", RegionId::In),
    ("Pacific/Auckland", RegionId::Nz),
    ("Pacific/Chatham", RegionId::Nz),
    ("NZ", RegionId::Nz),
    ("Europe/London", RegionId::Gb),
    ("GB", RegionId::Gb),
    ("Europe/Belfast", RegionId::Gb),
    ("America/New_York", RegionId::Us),
    ("America/Chicago", RegionId::Us),
    ("America/Denver", RegionId::Us),
    ("America/Phoenix", RegionId::Us),
    ("America/Los_Angeles", RegionId::Us),
    ("America/Anchorage", RegionId::Us),
    ("America/Juneau", RegionId::Us),
    ("America/Boise", RegionId::Us),
    ("America/Detroit", RegionId::Us),
    ("Pacific/Honolulu", RegionId::Us),
    ("America/Puerto_Rico", RegionId::Us),
    ("America/Toronto", RegionId::Ca),
    ("America/Montreal", RegionId::Ca),
    ("America/Vancouver", RegionId::Ca),
    ("America/Edmonton", RegionId::Ca),
    ("America/Winnipeg", RegionId::Ca),
    ("America/Regina", RegionId::Ca),
    ("America/Halifax", RegionId::Ca),
    ("America/St_Johns", RegionId::Ca),
    ("America/Moncton", RegionId::Ca),
    ("America/Whitehorse", RegionId::Ca),
    ("America/Yellowknife", RegionId::Ca),
];

impl RegionId {
    pub const ALL: [RegionId; 15] = [
        RegionId::Cn,
        RegionId::Hk,
        RegionId::Mo,
        RegionId::Tw,
        RegionId::Us,
        RegionId::Ca,
        RegionId::Eu,
        RegionId::Gb,
        RegionId::Au,
        RegionId::Nz,
        RegionId::Jp,
        RegionId::Kr,
        RegionId::Sg,
        RegionId::In,
        RegionId::Other,
    ];

    /// The stable string id (`cn`, `hk`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            RegionId::Cn => "cn",
            RegionId::Hk => "hk",
            RegionId::Mo => "mo",
            RegionId::Tw => "tw",
            RegionId::Us => "us",
            RegionId::Ca => "ca",
            RegionId::Eu => "eu",
            RegionId::Gb => "gb",
            RegionId::Au => "au",
            RegionId::Nz => "nz",
            RegionId::Jp => "jp",
            RegionId::Kr => "kr",
            RegionId::Sg => "sg",
            RegionId::In => "in",
            RegionId::Other => "other",
        }
    }

    pub fn from_id(id: &str) -> Option<RegionId> {
        RegionId::ALL.into_iter().find(|r| r.as_str() == id)
    }

    /// The region's facts.
    pub fn region(self) -> Region {
        REGIONS[self as usize]
    }

    /// The number that calls an ambulance there.
    pub fn number(self) -> &'static str {
        self.region().number
    }

    /// The region of an ISO 3166 alpha-2 country code (any case).
    pub fn from_country(code: &str) -> RegionId {
        let code = code.to_ascii_uppercase();
        if EU_EEA.contains(&code.as_str()) {
            return RegionId::Eu;
        }
        COUNTRIES
            .iter()
            .find(|(c, _)| *c == code)
            .map_or(RegionId::Other, |&(_, id)| id)
    }
}

/// Countries (ISO 3166 alpha-2) outside the EU and EEA with a region of
/// their own (US territories dial 911).
const COUNTRIES: [(&str, RegionId); 19] = [
    ("CN", RegionId::Cn),
    ("HK", RegionId::Hk),
    ("MO", RegionId::Mo),
    ("TW", RegionId::Tw),
    ("US", RegionId::Us),
    ("PR", RegionId::Us),
    ("GU", RegionId::Us),
    ("VI", RegionId::Us),
    ("AS", RegionId::Us),
    ("MP", RegionId::Us),
    ("CA", RegionId::Ca),
    ("GB", RegionId::Gb),
    ("AU", RegionId::Au),
    ("NZ", RegionId::Nz),
    ("JP", RegionId::Jp),
    ("KR", RegionId::Kr),
    ("SG", RegionId::Sg),
    ("IN", RegionId::In),
    ("UK", RegionId::Gb),
];

/// Time-zone prefixes that place a device in one region.
const ZONE_PREFIXES: [(&str, RegionId); 6] = [
    ("Australia/", RegionId::Au),
    ("America/Indiana/", RegionId::Us),
    ("America/Kentucky/", RegionId::Us),
    ("America/North_Dakota/", RegionId::Us),
    ("US/", RegionId::Us),
    ("Canada/", RegionId::Ca),
];

/// The region an IANA time zone name says the device is in, if it says.
pub fn from_time_zone(zone: &str) -> Option<RegionId> {
    if let Some(&(_, id)) = ZONES.iter().find(|(z, _)| *z == zone) {
        return Some(id);
    }
    if EU_EEA_ZONES.contains(&zone) {
        return Some(RegionId::Eu);
    }
    ZONE_PREFIXES
        .iter()
        .find(|(prefix, _)| zone.starts_with(prefix))
        .map(|&(_, id)| id)
}

/// The region a language tag says, if it says one: its region subtag
/// (`en-AU`, `zh-Hant-TW`; `Some(Other)` for a region not in the table,
/// such as `es-MX`), or for a tag without one, the one place its language is
/// mostly spoken (`ja`, `ko`, and Chinese in simplified script). A bare
/// `en`, `es` or `zh-Hant` says nothing.
pub fn from_language_tag(tag: &str) -> Option<RegionId> {
    let mut parts = tag.split(['-', '_']);
    let primary = parts.next().unwrap_or("").to_ascii_lowercase();
    let mut script = None;
    for part in parts {
        if part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic()) {
            return Some(RegionId::from_country(part));
        }
        if part.len() == 3 && part.chars().all(|c| c.is_ascii_digit()) {
            // A UN M.49 area (`es-419`, Latin America): somewhere else.
            return Some(RegionId::Other);
        }
        if part.len() == 4 && script.is_none() {
            script = Some(part.to_ascii_lowercase());
        }
    }
    match (primary.as_str(), script.as_deref()) {
        ("zh", None | Some("hans")) => Some(RegionId::Cn),
        ("ja", _) => Some(RegionId::Jp),
        ("ko", _) => Some(RegionId::Kr),
        _ => None,
    }
}

/// The first-visit guess of where the learner is.
///
/// The time zone decides when it names a region (a phone sets it from the
/// network, so it follows the person: an `en-US` phone in Shanghai is in
/// China); otherwise the first language tag that names a region; otherwise
/// [`RegionId::Other`] (112, with "check your local number"). The learner
/// confirms or changes the guess on the home page.
pub fn guess<S: AsRef<str>>(languages: &[S], time_zone: Option<&str>) -> RegionId {
    if let Some(id) = time_zone.and_then(from_time_zone) {
        return id;
    }
    languages
        .iter()
        .find_map(|t| from_language_tag(t.as_ref()))
        .unwrap_or(RegionId::Other)
}

/// The table and the guess's data as the static page's boot script carries
/// them (`public/boot.js`, between `/* regions:begin */` and
/// `/* regions:end */`): `numbers` by region id, `zones` and `zonePrefixes`
/// to region ids, `countries` (upper-case alpha-2) to region ids, `scripts`
/// for tags without a region. `tests/region.rs` checks the copy is this
/// (and `FIRSTAID_BLESS=1` rewrites it).
pub fn boot_table() -> serde_json::Value {
    use serde_json::{Map, Value};
    let mut numbers = Map::new();
    for r in REGIONS {
        numbers.insert(r.id.as_str().into(), r.number.into());
    }
    let mut zones = Map::new();
    for (z, id) in ZONES {
        zones.insert(z.into(), id.as_str().into());
    }
    for z in EU_EEA_ZONES {
        zones.insert(z.into(), RegionId::Eu.as_str().into());
    }
    let mut prefixes = Map::new();
    for (p, id) in ZONE_PREFIXES {
        prefixes.insert(p.into(), id.as_str().into());
    }
    let mut countries = Map::new();
    for (c, id) in COUNTRIES {
        countries.insert(c.into(), id.as_str().into());
    }
    for c in EU_EEA {
        countries.insert(c.into(), RegionId::Eu.as_str().into());
    }
    let mut table = Map::new();
    table.insert("numbers".into(), Value::Object(numbers));
    table.insert("zones".into(), Value::Object(zones));
    table.insert("zonePrefixes".into(), Value::Object(prefixes));
    table.insert("countries".into(), Value::Object(countries));
    Value::Object(table)
}
