//! Settings defaults, first-visit detection and validation.

use firstaid::profile::ProfileId;
use firstaid::region::RegionId;
use firstaid::settings::{EmergencyNumber, Lang, Motion, NumberError, Settings, TextSize, Theme};
use serde_json::json;

#[test]
fn language_follows_the_first_usable_preference() {
    let cases: &[(&[&str], Lang)] = &[
        (&["zh-CN"], Lang::ZhCn),
        (&["zh"], Lang::ZhCn),
        (&["zh-Hans-CN", "en"], Lang::ZhCn),
        (&["zh-TW"], Lang::ZhCn),
        (&["ZH_cn"], Lang::ZhCn),
        (&["en-US", "zh-CN"], Lang::En),
        (&["fr-FR", "zh-CN"], Lang::ZhCn),
        (&["de", "ja"], Lang::En),
        (&["en-GB"], Lang::En),
        (&[], Lang::En),
        (&[""], Lang::En),
    ];
    for (prefs, want) in cases {
        assert_eq!(
            Lang::from_preferences(prefs),
            *want,
            "preferences {prefs:?}"
        );
    }
}

#[test]
fn dates_follow_the_learners_own_english() {
    let cases: &[(Lang, &[&str], &str)] = &[
        (Lang::En, &["en-GB"], "en-GB"),
        (Lang::En, &["fr-FR", "en-AU", "en-US"], "en-AU"),
        (Lang::En, &["en_IE"], "en-IE"),
        (Lang::En, &["en"], "en"),
        (Lang::En, &["zh-CN"], "en"),
        (Lang::En, &[], "en"),
        (Lang::En, &["english-GB"], "en"),
        (Lang::En, &["en-gb-oxendict"], "en-GB"),
        (Lang::En, &["en-150"], "en-150"),
        (Lang::En, &["en-Latn-GB", "en-CA"], "en-CA"),
        (Lang::En, &["en-", "en-GBR"], "en"),
        (Lang::ZhCn, &["en-GB", "zh-TW"], "zh-CN"),
        (Lang::ZhCn, &[], "zh-CN"),
    ];
    for (lang, prefs, want) in cases {
        assert_eq!(lang.date_tag(prefs), *want, "{lang:?} with {prefs:?}");
    }
}

#[test]
fn profile_follows_the_most_preferred_tag() {
    let cases: &[(&[&str], ProfileId)] = &[
        (&["zh-CN"], ProfileId::Rcsc),
        (&["zh-Hans"], ProfileId::Rcsc),
        (&["en-US"], ProfileId::Aha),
        (&["en-ca"], ProfileId::Aha),
        (&["es-US"], ProfileId::Aha),
        (&["en-GB"], ProfileId::Erc),
        (&["de-DE"], ProfileId::Erc),
        (&["fr"], ProfileId::Rcsc),
        (&["en"], ProfileId::Rcsc),
        (&["en-CN"], ProfileId::Rcsc),
        (&["sr-Latn-RS"], ProfileId::Rcsc),
        (&["zh-CN", "en-US"], ProfileId::Rcsc),
        (&[], ProfileId::Rcsc),
    ];
    for (prefs, want) in cases {
        assert_eq!(
            ProfileId::default_for(prefs),
            *want,
            "preferences {prefs:?}"
        );
    }
}

#[test]
fn a_tag_without_a_region_takes_the_guideline_of_where_the_phone_is() {
    use RegionId::*;
    // (preferences, where the phone is, profile)
    let cases: &[(&[&str], RegionId, ProfileId)] = &[
        // No region in the tag: the place decides.
        (&["en"], Eu, ProfileId::Erc),
        (&["fr"], Eu, ProfileId::Erc),
        (&["en"], Gb, ProfileId::Erc),
        (&["en"], Us, ProfileId::Aha),
        (&["es"], Ca, ProfileId::Aha),
        (&["en"], Cn, ProfileId::Rcsc),
        (&["en"], Au, ProfileId::Rcsc),
        (&["en"], Other, ProfileId::Rcsc),
        (&[], Us, ProfileId::Aha),
        // A tag with a region keeps its guideline wherever the phone is.
        (&["en-US"], Eu, ProfileId::Aha),
        (&["en-GB"], Cn, ProfileId::Erc),
        (&["en-AU"], Us, ProfileId::Rcsc),
        // Chinese learns the Red Cross Society of China's course.
        (&["zh"], Us, ProfileId::Rcsc),
        (&["zh-TW"], Eu, ProfileId::Rcsc),
        // Only the most preferred tag is read.
        (&["en", "en-US"], Eu, ProfileId::Erc),
    ];
    for (prefs, place, want) in cases {
        assert_eq!(
            ProfileId::for_first_visit(prefs, *place),
            *want,
            "{prefs:?} in {place:?}"
        );
    }
    // Everywhere, a tag with a region picks as default_for does.
    for place in [Cn, Us, Ca, Eu, Gb, Au, Other] {
        for tag in [
            "en-US",
            "de-DE",
            "en-GB",
            "en-CN",
            "zh-CN",
            "es-US",
            "sr-Latn-RS",
        ] {
            assert_eq!(
                ProfileId::for_first_visit(&[tag], place),
                ProfileId::default_for(&[tag]),
                "{tag} in {place:?}"
            );
        }
    }
}

#[test]
fn each_profile_has_its_emergency_number() {
    let cases = [
        (ProfileId::Rcsc, "120"),
        (ProfileId::Aha, "911"),
        (ProfileId::Erc, "112"),
    ];
    for (id, number) in cases {
        assert_eq!(id.profile().id, id);
        assert_eq!(id.profile().emergency_number, number, "{id:?}");
        assert_eq!(ProfileId::from_id(id.as_str()), Some(id));
    }
}

#[test]
fn first_visit_defaults() {
    let s = Settings::first_visit(&["zh-CN", "en"], RegionId::Cn);
    assert_eq!(
        s,
        Settings {
            lang: Lang::ZhCn,
            profile: ProfileId::Rcsc,
            theme: Theme::System,
            text_size: TextSize::P100,
            emergency_number: None,
            region: None,
            motion: Motion::System,
        }
    );
    let s = Settings::first_visit(&["en-US"], RegionId::Us);
    assert_eq!((s.lang, s.profile), (Lang::En, ProfileId::Aha));
    // A bare `en` in France: the place picks the guideline; the place
    // itself stays a guess until the learner confirms it.
    let s = Settings::first_visit(&["en"], RegionId::Eu);
    assert_eq!(
        (s.lang, s.profile, s.region),
        (Lang::En, ProfileId::Erc, None)
    );
    assert_eq!(Settings::default().lang, Lang::ZhCn);
    assert_eq!(Settings::default().profile, ProfileId::Rcsc);
}

#[test]
fn serialized_form_is_pinned() {
    let s = Settings {
        lang: Lang::En,
        profile: ProfileId::Erc,
        theme: Theme::Dark,
        text_size: TextSize::P150,
        emergency_number: None,
        region: None,
        motion: Motion::System,
    };
    assert_eq!(
        serde_json::to_value(s).unwrap(),
        json!({"lang": "en", "profile": "erc", "theme": "dark", "text_size": 150})
    );
    let confirmed = Settings {
        region: Some(RegionId::Hk),
        ..s
    };
    assert_eq!(
        serde_json::to_value(confirmed).unwrap(),
        json!({"lang": "en", "profile": "erc", "theme": "dark", "text_size": 150, "region": "hk"})
    );
    // Following the phone is the default and is not written; a choice is.
    for (motion, value) in [(Motion::On, "on"), (Motion::Off, "off")] {
        let chose = Settings { motion, ..s };
        assert_eq!(
            serde_json::to_value(chose).unwrap(),
            json!({"lang": "en", "profile": "erc", "theme": "dark", "text_size": 150, "motion": value})
        );
    }
    for m in Motion::ALL {
        assert_eq!(serde_json::to_value(m).unwrap(), json!(m.attr()));
    }
    for r in RegionId::ALL {
        assert_eq!(serde_json::to_value(r).unwrap(), json!(r.as_str()));
        assert_eq!(RegionId::from_id(r.as_str()), Some(r));
    }
    for l in Lang::ALL {
        assert_eq!(Lang::from_tag(l.tag()), Some(l));
        assert_eq!(serde_json::to_value(l).unwrap(), json!(l.tag()));
    }
}

#[test]
fn invalid_settings_are_rejected() {
    let good = json!({"lang": "zh-CN", "profile": "rcsc", "theme": "system", "text_size": 100});
    assert!(serde_json::from_value::<Settings>(good.clone()).is_ok());
    let bad: &[(&str, serde_json::Value)] = &[
        ("lang", json!("fr")),
        ("lang", json!("zh")),
        ("profile", json!("redcross")),
        ("theme", json!("sepia")),
        ("text_size", json!(110)),
        ("text_size", json!("150")),
        ("text_size", json!(-1)),
        ("region", json!("HK")),
        ("region", json!("mars")),
        ("motion", json!("Off")),
        ("motion", json!("still")),
        ("motion", json!(false)),
        ("motion", json!(null)),
    ];
    for (field, value) in bad {
        let mut v = good.clone();
        v[*field] = value.clone();
        assert!(
            serde_json::from_value::<Settings>(v).is_err(),
            "{field} = {value} must be rejected"
        );
    }
    let mut extra = good.clone();
    extra["volume"] = json!(3);
    assert!(
        serde_json::from_value::<Settings>(extra).is_err(),
        "unknown fields are rejected"
    );
    let mut missing = good;
    missing.as_object_mut().unwrap().remove("theme");
    assert!(
        serde_json::from_value::<Settings>(missing).is_err(),
        "missing fields are rejected"
    );
}

#[test]
fn text_sizes_round_trip() {
    for t in TextSize::ALL {
        assert_eq!(TextSize::try_from(t.percent()), Ok(t));
    }
    assert!(TextSize::try_from(175).is_err());
}

#[test]
fn typed_emergency_numbers() {
    let cases: &[(&str, Result<&str, NumberError>)] = &[
        ("999", Ok("999")),
        ("000", Ok("000")),
        (" 1 1 9 ", Ok("119")),
        ("112-0", Ok("1120")),
        ("１２０", Err(NumberError::NotDigits)),
        ("12345678", Ok("12345678")),
        ("123456789", Err(NumberError::Length)),
        ("9", Err(NumberError::Length)),
        ("", Err(NumberError::Length)),
        ("+120", Err(NumberError::NotDigits)),
        ("call", Err(NumberError::NotDigits)),
    ];
    for (typed, want) in cases {
        let got = EmergencyNumber::parse(typed);
        assert_eq!(
            got.as_ref().map(|n| n.as_str()),
            want.as_ref().map(|s| *s),
            "{typed:?}"
        );
    }
}

#[test]
fn the_number_follows_the_region_and_the_learners_own_overrides_it() {
    let mut s = Settings::default();
    // Until confirmed, the guess decides; the guideline never does.
    assert_eq!(s.call_number(RegionId::Cn), "120");
    assert_eq!(s.call_number(RegionId::Hk), "999");
    s.profile = ProfileId::Aha;
    assert_eq!(s.call_number(RegionId::Cn), "120");
    s.region = Some(RegionId::Au);
    assert_eq!(s.call_number(RegionId::Cn), "000");
    assert_eq!(s.region_or(RegionId::Cn), RegionId::Au);
    s.emergency_number = Some(EmergencyNumber::parse("999").unwrap());
    assert_eq!(s.call_number(RegionId::Cn), "999");
    s.region = None;
    let v = serde_json::to_value(s).unwrap();
    assert_eq!(v["emergency_number"], "999");
    assert_eq!(serde_json::from_value::<Settings>(v).unwrap(), s);
    // Not written when unset, so the pinned form stays the same.
    assert!(serde_json::to_value(Settings::default())
        .unwrap()
        .get("emergency_number")
        .is_none());
    let mut bad = serde_json::to_value(Settings::default()).unwrap();
    bad["emergency_number"] = json!("12a");
    assert!(serde_json::from_value::<Settings>(bad).is_err());
}

/// Every setting survives being written and read back, the motion choice
/// with it; settings written before it existed read as "follow the phone".
#[test]
fn settings_round_trip_with_motion() {
    for motion in Motion::ALL {
        for theme in Theme::ALL {
            let s = Settings {
                motion,
                theme,
                region: Some(RegionId::Cn),
                emergency_number: Some(EmergencyNumber::parse("120").unwrap()),
                ..Settings::default()
            };
            let text = serde_json::to_string(&s).unwrap();
            assert_eq!(
                serde_json::from_str::<Settings>(&text).unwrap(),
                s,
                "{text}"
            );
        }
    }
    let old = json!({"lang": "zh-CN", "profile": "rcsc", "theme": "system", "text_size": 100});
    let read: Settings = serde_json::from_value(old).unwrap();
    assert_eq!(read.motion, Motion::System);
    assert_eq!(Settings::default().motion, Motion::System);
    assert_eq!(
        Motion::ALL.map(Motion::attr),
        ["system", "on", "off"],
        "the values main.css matches on <html data-motion>"
    );
}
