//! Where the learner is: the region table, its sources, the first-visit
//! guess, and the copy of both that the static page's inline script carries
//! (with the table of the profiles a first visit starts with).

use firstaid::region::{self, RegionId, REGIONS};

#[test]
fn the_table_has_every_region_the_course_serves_with_its_number() {
    let want = [
        (RegionId::Cn, "120"),
        (RegionId::Hk, "999"),
        (RegionId::Mo, "999"),
        (RegionId::Tw, "119"),
        (RegionId::Us, "911"),
        (RegionId::Ca, "911"),
        (RegionId::Eu, "112"),
        (RegionId::Gb, "999"),
        (RegionId::Au, "000"),
        (RegionId::Nz, "111"),
        (RegionId::Jp, "119"),
        (RegionId::Kr, "119"),
        (RegionId::Sg, "995"),
        (RegionId::In, "112"),
        (RegionId::Other, "112"),
    ];
    assert_eq!(want.len(), RegionId::ALL.len());
    for (id, number) in want {
        assert_eq!(id.number(), number, "{id:?}");
        assert_eq!(id.region().id, id, "REGIONS is in the order of RegionId");
    }
    assert_eq!(RegionId::Gb.region().also, Some("112"));
}

#[test]
fn every_number_is_sourced_and_dialable() {
    for r in REGIONS {
        assert!(
            r.number.len() >= 3 && r.number.chars().all(|c| c.is_ascii_digit()),
            "{:?}",
            r.id
        );
        assert!(!r.source.publisher.is_empty(), "{:?} has a publisher", r.id);
        assert!(
            r.source.url.starts_with("https://") || r.source.url.starts_with("http://"),
            "{:?} has a link",
            r.id
        );
    }
}

#[test]
fn the_guess_follows_the_time_zone_then_the_language_tag() {
    let cases: &[(&[&str], Option<&str>, RegionId)] = &[
        // The tags of the issue, with no time zone that names a place.
        (&["en-AU"], None, RegionId::Au),
        (&["zh-HK"], None, RegionId::Hk),
        (&["zh-TW"], None, RegionId::Tw),
        (&["zh-Hant-TW"], None, RegionId::Tw),
        (&["zh-MO"], None, RegionId::Mo),
        (&["ja-JP"], None, RegionId::Jp),
        (&["ja"], None, RegionId::Jp),
        (&["ko-KR"], None, RegionId::Kr),
        (&["en-IN"], None, RegionId::In),
        (&["en-SG"], None, RegionId::Sg),
        (&["en-NZ"], None, RegionId::Nz),
        (&["es-MX"], None, RegionId::Other),
        (&["es-419"], None, RegionId::Other),
        (&["en"], None, RegionId::Other),
        (&["zh-Hant"], None, RegionId::Other),
        (&[], None, RegionId::Other),
        (&["zh-CN"], Some("UTC"), RegionId::Cn),
        (&["zh"], None, RegionId::Cn),
        (&["zh-Hans"], None, RegionId::Cn),
        (&["en-US"], Some("Etc/UTC"), RegionId::Us),
        (&["en-CA"], None, RegionId::Ca),
        (&["fr-FR"], None, RegionId::Eu),
        (&["de-CH"], None, RegionId::Other),
        (&["en-GB"], None, RegionId::Gb),
        // A bare tag says nothing; a later tag with a region does.
        (&["en", "zh-CN"], None, RegionId::Cn),
        // The time zone follows the phone: an en-US phone in Shanghai.
        (&["en-US"], Some("Asia/Shanghai"), RegionId::Cn),
        (&["zh-CN"], Some("America/Los_Angeles"), RegionId::Us),
        (&["en"], Some("Asia/Hong_Kong"), RegionId::Hk),
        (&["en"], Some("Asia/Taipei"), RegionId::Tw),
        (&["en"], Some("Australia/Perth"), RegionId::Au),
        (&["en"], Some("Pacific/Auckland"), RegionId::Nz),
        (&["en"], Some("Europe/Berlin"), RegionId::Eu),
        (&["en"], Some("Atlantic/Canary"), RegionId::Eu),
        (&["en"], Some("Europe/London"), RegionId::Gb),
        (&["en"], Some("America/Indiana/Indianapolis"), RegionId::Us),
        (&["en"], Some("America/Toronto"), RegionId::Ca),
        (&["en"], Some("Asia/Kolkata"), RegionId::In),
        (&["en"], Some("Asia/Singapore"), RegionId::Sg),
        (&["ko"], Some("Asia/Seoul"), RegionId::Kr),
        // A zone the table does not place leaves it to the tags.
        (&["en-AU"], Some("America/Mexico_City"), RegionId::Au),
        (&["es-MX"], Some("America/Mexico_City"), RegionId::Other),
        (&["ru-RU"], Some("Europe/Moscow"), RegionId::Other),
    ];
    for (tags, zone, want) in cases {
        assert_eq!(region::guess(tags, *zone), *want, "{tags:?} in {zone:?}");
    }
}

/// The static page shows a call button before the app has loaded; its inline
/// script (public/first-paint.js) picks the number with a copy of the table and of the guess's data.
/// The copy must be exactly what the table says (`FIRSTAID_BLESS=1`
/// rewrites it, deliberately).
/// The copy in public/first-paint.js between `/* NAME:begin */` and
/// `/* NAME:end */`, checked against `want` (or rewritten to it with
/// `FIRSTAID_BLESS=1`, deliberately).
fn check_copy(name: &str, want: &serde_json::Value) {
    let (begin, end) = (format!("/* {name}:begin */"), format!("/* {name}:end */"));
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/first-paint.js");
    let js = std::fs::read_to_string(path).unwrap();
    let start = js.find(&begin).expect("begin marker") + begin.len();
    let stop = js[start..].find(&end).expect("end marker") + start;
    let want = serde_json::to_string(want).unwrap();
    if std::env::var_os("FIRSTAID_BLESS").is_some() {
        std::fs::write(path, format!("{}{want}{}", &js[..start], &js[stop..])).unwrap();
        return;
    }
    assert_eq!(
        &js[start..stop],
        want,
        "public/first-paint.js's {name} table differs from the Rust one (FIRSTAID_BLESS=1 rewrites it)"
    );
}

/// The first paint picks the home page rendered for the profile a first
/// visit starts with, from a copy of the regions that pick each profile.
#[test]
fn the_first_paint_scripts_profile_copy_matches_the_table() {
    use firstaid::profile::{first_visit_table, ProfileId};
    let table = first_visit_table();
    check_copy("profiles", &table);
    // The copy picks as default_for does, for every listed region; and a
    // bare tag as for_first_visit does, for every listed place.
    for (key, want) in [("aha", ProfileId::Aha), ("erc", ProfileId::Erc)] {
        for r in table[key].as_array().unwrap() {
            let tag = format!("en-{}", r.as_str().unwrap());
            assert_eq!(ProfileId::default_for(&[tag.as_str()]), want, "{tag}");
        }
        let places = table["where"][key].as_array().unwrap();
        assert!(!places.is_empty(), "{key}");
        for place in places {
            let id = region::RegionId::from_id(place.as_str().unwrap()).unwrap();
            assert_eq!(ProfileId::for_first_visit(&["en"], id), want, "{place}");
        }
    }
}

#[test]
fn the_boot_scripts_copy_matches_the_table() {
    let copy = region::boot_table();
    check_copy("regions", &copy);
    // What the copy holds places every zone and country as the guess does.
    for (zone, id) in copy["zones"].as_object().unwrap() {
        assert_eq!(
            region::from_time_zone(zone).map(|r| r.as_str()),
            id.as_str(),
            "{zone}"
        );
    }
    for (country, id) in copy["countries"].as_object().unwrap() {
        let tag = format!("en-{country}");
        assert_eq!(
            region::guess(&[tag], None).as_str(),
            id.as_str().unwrap(),
            "{country}"
        );
    }
}
