//! UTC timestamps of the wire formats: known values (computed independently
//! with Python's `datetime`), round trips over years 0000–9999, an
//! independent day count, and rejection of everything that is not
//! `YYYY-MM-DDTHH:MM:SS[.f{1,3}]Z`.
#![cfg(not(target_arch = "wasm32"))]

use firstaid::time::{format_iso, format_iso_local, parse_iso};
use proptest::prelude::*;

/// 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z.
const MIN_MS: i64 = -62_167_219_200_000;
const MAX_MS: i64 = 253_402_300_799_999;

#[test]
fn known_values() {
    let cases: &[(&str, i64)] = &[
        ("1970-01-01T00:00:00.000Z", 0),
        ("1969-12-31T23:59:59.999Z", -1),
        ("2000-02-29T00:00:00.000Z", 951_782_400_000),
        ("2024-02-29T12:00:00.500Z", 1_709_208_000_500),
        ("2026-11-29T05:35:14.123Z", 1_795_930_514_123),
        ("1900-03-01T00:00:00.000Z", -2_203_891_200_000),
        ("1600-02-29T00:00:00.000Z", -11_670_998_400_000),
        ("0001-01-01T00:00:00.000Z", -62_135_596_800_000),
        ("0000-01-01T00:00:00.000Z", MIN_MS),
        ("9999-12-31T23:59:59.999Z", MAX_MS),
    ];
    for (s, ms) in cases {
        assert_eq!(format_iso(*ms), *s, "format {ms}");
        assert_eq!(parse_iso(s), Some(*ms), "parse {s}");
    }
}

#[test]
fn fractions_of_one_to_three_digits_and_none() {
    let base = 1_795_930_514_000;
    let cases: &[(&str, i64)] = &[
        ("2026-11-29T05:35:14Z", base),
        ("2026-11-29T05:35:14.1Z", base + 100),
        ("2026-11-29T05:35:14.12Z", base + 120),
        ("2026-11-29T05:35:14.123Z", base + 123),
        ("2026-11-29T05:35:14.007Z", base + 7),
        ("2026-11-29T05:35:14.0Z", base),
    ];
    for (s, ms) in cases {
        assert_eq!(parse_iso(s), Some(*ms), "{s}");
    }
}

#[test]
fn malformed_times_are_rejected() {
    let bad = [
        "",
        "Z",
        "2026-11-29",
        "2026-11-29T05:35:14.123",
        "2026-11-29T05:35:14.123+00:00",
        "2026-11-29T05:35:14+08:00",
        "2026-11-29T05:35:14.123-05:00",
        "2026-11-29T05:35:14.123z",
        "2026-11-29t05:35:14.123Z",
        "2026-11-29 05:35:14.123Z",
        "2026-11-29T05:35:14,123Z",
        "2026-11-29T05:35:14.Z",
        "2026-11-29T05:35:14.1234Z",
        "2026-11-29T05:35:14.12aZ",
        "2026-11-29T05:35:14.-12Z",
        "2026-11-29T5:35:14.123Z",
        "2026-11-29T05:35:1-Z",
        " 2026-11-29T05:35:14Z",
        "+026-11-29T05:35:14Z",
        "-001-01-01T00:00:00.000Z",
        "2026-1a-29T05:35:14Z",
        "２０２６-11-29T05:35:14Z",
        "2026/11/29T05:35:14Z",
        "2026-02-30T00:00:00Z",
        "2026-04-31T00:00:00Z",
        "2025-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-00-01T00:00:00Z",
        "2026-01-00T00:00:00Z",
        "2026-01-32T00:00:00Z",
        "2026-11-29T24:00:00Z",
        "2026-11-29T23:60:00Z",
        "2026-11-29T23:59:60Z",
        "2026-11-29T05:35:14.123ZZ",
    ];
    for s in bad {
        assert_eq!(parse_iso(s), None, "{s:?} must be rejected");
    }
}

/// Days since 0000-01-01 by counting leap years — a different method from
/// the one under test.
fn days_since_year_zero(y: i64, m: i64, d: i64) -> i64 {
    let leaps_before = (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    365 * y + leaps_before + (1..m).map(|k| days_in_month(y, k)).sum::<i64>() + d - 1
}

fn days_in_month(y: i64, m: i64) -> i64 {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][(m - 1) as usize]
}

#[test]
fn the_independent_day_count_agrees_with_known_values() {
    // 1970-01-01 is day 719 528 after 0000-01-01.
    assert_eq!(days_since_year_zero(1970, 1, 1), 719_528);
    assert_eq!(
        days_since_year_zero(2000, 3, 1) - days_since_year_zero(2000, 2, 28),
        2
    );
    assert_eq!(
        days_since_year_zero(1900, 3, 1) - days_since_year_zero(1900, 2, 28),
        1
    );
}

proptest! {
    #[test]
    fn format_then_parse_round_trips(ms in MIN_MS..=MAX_MS) {
        let s = format_iso(ms);
        prop_assert_eq!(s.len(), 24, "{}", s);
        prop_assert_eq!(parse_iso(&s), Some(ms), "{}", s);
    }

    #[test]
    fn round_trips_near_the_epoch_and_leap_days(ms in -10_000_000_000_000i64..10_000_000_000_000) {
        prop_assert_eq!(parse_iso(&format_iso(ms)), Some(ms));
    }

    #[test]
    fn parse_agrees_with_an_independent_day_count(
        y in 0i64..=9999,
        m in 1i64..=12,
        d in 1i64..=31,
        h in 0i64..24,
        mi in 0i64..60,
        s in 0i64..60,
        frac in 0i64..1000,
    ) {
        let text = format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{frac:03}Z");
        if d > days_in_month(y, m) {
            prop_assert_eq!(parse_iso(&text), None, "{}", text);
        } else {
            let ms = (days_since_year_zero(y, m, d) - 719_528) * 86_400_000
                + ((h * 60 + mi) * 60 + s) * 1000
                + frac;
            prop_assert_eq!(parse_iso(&text), Some(ms), "{}", text);
            prop_assert_eq!(format_iso(ms), text);
        }
    }

    #[test]
    fn leap_days_round_trip(y in 0i64..=9999, rest in 0i64..86_400_000) {
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let text = format!("{y:04}-02-29T00:00:00.000Z");
        match parse_iso(&text) {
            Some(ms) => {
                prop_assert!(leap, "{} accepted in a common year", text);
                prop_assert_eq!(format_iso(ms + rest)[..10].to_owned(), format!("{y:04}-02-29"));
                prop_assert_eq!(format_iso(ms + 86_400_000)[..10].to_owned(), format!("{y:04}-03-01"));
            }
            None => prop_assert!(!leap, "{} rejected in a leap year", text),
        }
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,30}") {
        let _ = parse_iso(&s);
    }

    #[test]
    fn a_formatted_time_with_any_character_changed_to_a_letter_is_rejected(
        ms in MIN_MS..=MAX_MS,
        pos in 0usize..23,
    ) {
        let mut s = format_iso(ms).into_bytes();
        s[pos] = b'x';
        prop_assert_eq!(parse_iso(std::str::from_utf8(&s).unwrap()), None);
    }
}

#[test]
fn local_times_carry_their_offset() {
    // 2026-12-07T06:30:54.250Z, as the roster's CSV writes it on a phone
    // in each place: (minutes east of UTC, text).
    let ms = parse_iso("2026-12-07T06:30:54.250Z").unwrap();
    let cases = [
        (480, "2026-12-07T14:30:54+08:00"),
        (0, "2026-12-07T06:30:54Z"),
        (60, "2026-12-07T07:30:54+01:00"),
        (-300, "2026-12-07T01:30:54-05:00"),
        (330, "2026-12-07T12:00:54+05:30"),
        (-420, "2026-12-06T23:30:54-07:00"),
        (840, "2026-12-07T20:30:54+14:00"),
    ];
    for (offset, text) in cases {
        assert_eq!(format_iso_local(ms, offset), text, "offset {offset}");
    }
}
