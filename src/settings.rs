//! User settings: language, guideline profile and display preferences.
//!
//! Pure data with validation; no browser dependency. The serialized form is
//! part of the storage schema (see [`crate::store::schema`]) and of backup
//! files, so it is pinned by golden tests: renaming a variant breaks them.

use serde::{Deserialize, Serialize};

use crate::profile::ProfileId;
use crate::region::RegionId;

/// The two interface languages. Content is always authored in both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// Simplified Chinese, as used in mainland China.
    #[serde(rename = "zh-CN")]
    ZhCn,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// All languages, in the order the language picker shows them.
    pub const ALL: [Lang; 2] = [Lang::ZhCn, Lang::En];

    /// The BCP 47 tag used for `<html lang>` and the translation files.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Parses a tag as written by [`Lang::tag`].
    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.tag() == tag)
    }

    /// The language for a first visit, from the browser's preference list
    /// (`navigator.languages`, most preferred first).
    ///
    /// The first entry that is Chinese (`zh`, `zh-CN`, `zh-Hans-…`, `zh-TW`, …)
    /// or English decides; entries in other languages are skipped so that, for
    /// example, `["fr", "zh-CN"]` gives Chinese. With nothing usable: English.
    pub fn from_preferences<S: AsRef<str>>(preferred: &[S]) -> Lang {
        for tag in preferred {
            let primary = tag.as_ref().split(['-', '_']).next().unwrap_or("");
            if primary.eq_ignore_ascii_case("zh") {
                return Lang::ZhCn;
            }
            if primary.eq_ignore_ascii_case("en") {
                return Lang::En;
            }
        }
        Lang::En
    }

    /// The tag that formats dates and times for this language: the
    /// learner's own English (`en-GB` writes "7 Dec 2026, 17:23", where a
    /// bare `en` writes "Dec 7, 2026, 05:23 PM"), from their preference
    /// list (`navigator.languages`). Chinese stays `zh-CN`, the script the
    /// app is written in.
    pub fn date_tag<S: AsRef<str>>(self, preferred: &[S]) -> String {
        // `en` and a region (two letters, or three digits as in `en-150`):
        // nothing else reaches `Intl`, which throws on a malformed tag.
        let region = |tag: &str| {
            let mut parts = tag.split(['-', '_']);
            let en = parts.next().is_some_and(|p| p.eq_ignore_ascii_case("en"));
            let r = parts.next().filter(|r| {
                (r.len() == 2 && r.bytes().all(|b| b.is_ascii_alphabetic()))
                    || (r.len() == 3 && r.bytes().all(|b| b.is_ascii_digit()))
            });
            r.filter(|_| en)
                .map(|r| format!("en-{}", r.to_ascii_uppercase()))
        };
        match self {
            Lang::En => preferred
                .iter()
                .find_map(|t| region(t.as_ref()))
                .unwrap_or_else(|| "en".to_owned()),
            Lang::ZhCn => "zh-CN".to_owned(),
        }
    }
}

/// Colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// Value of the `data-theme` attribute on `<html>`.
    pub fn attr(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Movement on screen: the technique pictures' loops, and the app's other
/// movement (the trainer's beat pulsing, transitions).
///
/// Serialized in lower case; left out of the stored settings when it is
/// [`Motion::System`], the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Motion {
    /// Follow the phone (`prefers-reduced-motion`).
    #[default]
    System,
    /// Pictures move, whatever the phone's setting.
    On,
    /// Still pictures and no movement for show.
    Off,
}

impl Motion {
    pub const ALL: [Motion; 3] = [Motion::System, Motion::On, Motion::Off];

    /// Value of the `data-motion` attribute on `<html>`.
    pub fn attr(self) -> &'static str {
        match self {
            Motion::System => "system",
            Motion::On => "on",
            Motion::Off => "off",
        }
    }

    /// Whether this is the default (not stored).
    pub fn is_system(&self) -> bool {
        *self == Motion::System
    }
}

/// Text size as a percentage of the browser's default font size.
///
/// Serialized as the bare number (100, 125, 150, 200); any other number is
/// rejected when settings are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(try_from = "u16", into = "u16")]
pub enum TextSize {
    #[default]
    P100,
    P125,
    P150,
    P200,
}

impl TextSize {
    pub const ALL: [TextSize; 4] = [
        TextSize::P100,
        TextSize::P125,
        TextSize::P150,
        TextSize::P200,
    ];

    pub fn percent(self) -> u16 {
        match self {
            TextSize::P100 => 100,
            TextSize::P125 => 125,
            TextSize::P150 => 150,
            TextSize::P200 => 200,
        }
    }
}

impl From<TextSize> for u16 {
    fn from(t: TextSize) -> u16 {
        t.percent()
    }
}

impl TryFrom<u16> for TextSize {
    type Error = String;
    fn try_from(p: u16) -> Result<Self, Self::Error> {
        TextSize::ALL
            .into_iter()
            .find(|t| t.percent() == p)
            .ok_or_else(|| format!("text size {p}% is not one of 100, 125, 150, 200"))
    }
}

/// A phone number the learner sets for where they are, overriding the
/// guideline profile's number (e.g. in a region whose number is not the
/// profile's). Digits only, 2 to 8 of them; serialized as a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EmergencyNumber {
    digits: [u8; 8],
    len: u8,
}

/// Why a typed emergency number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    /// Fewer than 2 or more than 8 digits.
    Length,
    /// Something other than digits (spaces and dashes are allowed and removed).
    NotDigits,
}

impl EmergencyNumber {
    /// Parses what a learner typed: digits, ignoring spaces and dashes.
    pub fn parse(typed: &str) -> Result<EmergencyNumber, NumberError> {
        let mut digits = [0u8; 8];
        let mut len = 0usize;
        for c in typed
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '\u{3000}'))
        {
            if !c.is_ascii_digit() {
                return Err(NumberError::NotDigits);
            }
            if len == digits.len() {
                return Err(NumberError::Length);
            }
            digits[len] = c as u8;
            len += 1;
        }
        if len < 2 {
            return Err(NumberError::Length);
        }
        Ok(EmergencyNumber {
            digits,
            len: len as u8,
        })
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.digits[..self.len as usize]).expect("digits are ASCII")
    }
}

impl TryFrom<String> for EmergencyNumber {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        EmergencyNumber::parse(&s).map_err(|e| format!("emergency number {s:?}: {e:?}"))
    }
}

impl From<EmergencyNumber> for String {
    fn from(n: EmergencyNumber) -> String {
        n.as_str().to_owned()
    }
}

/// Everything the user can set. Unknown fields are rejected when read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub lang: Lang,
    pub profile: ProfileId,
    pub theme: Theme,
    pub text_size: TextSize,
    /// The learner's own emergency number, if they set one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emergency_number: Option<EmergencyNumber>,
    /// Where the learner said they are (schema 8). `None` until they
    /// confirm: the app then uses its guess ([`crate::region::guess`]) and
    /// asks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<RegionId>,
    /// Moving pictures (schema 10): follow the phone unless the learner
    /// chose.
    #[serde(default, skip_serializing_if = "Motion::is_system")]
    pub motion: Motion,
}

impl Settings {
    /// The region the app uses: the confirmed one, else `guess`.
    pub fn region_or(&self, guess: RegionId) -> RegionId {
        self.region.unwrap_or(guess)
    }

    /// The number every call button dials: the learner's own if set, else
    /// the region's (confirmed, or `guess` until confirmed). The guideline
    /// profile never changes it: where you are is not what you learn.
    pub fn call_number(&self, guess: RegionId) -> &str {
        match &self.emergency_number {
            Some(n) => n.as_str(),
            None => self.region_or(guess).number(),
        }
    }

    /// Defaults for a first visit, from the browser's language preferences
    /// and where the phone probably is: the language as in
    /// [`Lang::from_preferences`], the guideline profile as in
    /// [`ProfileId::for_first_visit`], system theme, 100 % text, motion as
    /// the phone says. The place itself stays a guess until confirmed.
    pub fn first_visit<S: AsRef<str>>(preferred: &[S], region: RegionId) -> Settings {
        Settings {
            lang: Lang::from_preferences(preferred),
            profile: ProfileId::for_first_visit(preferred, region),
            theme: Theme::System,
            text_size: TextSize::P100,
            emergency_number: None,
            region: None,
            motion: Motion::System,
        }
    }
}

impl Default for Settings {
    /// The defaults when nothing is known of the user: Chinese with the Red
    /// Cross Society of China profile (the programme the app grew out of).
    fn default() -> Self {
        Settings {
            lang: Lang::ZhCn,
            profile: ProfileId::Rcsc,
            theme: Theme::System,
            text_size: TextSize::P100,
            emergency_number: None,
            region: None,
            motion: Motion::System,
        }
    }
}
