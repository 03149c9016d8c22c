//! UTC timestamps as the app writes them into its wire formats: milliseconds
//! since the Unix epoch inside, ISO 8601 / RFC 3339 with a `Z` outside
//! (`2026-11-29T05:35:14.123Z`, the form JavaScript's `toISOString` gives).
//! Pure arithmetic (Howard Hinnant's `days_from_civil` / `civil_from_days`),
//! so the core needs no clock and no date library.

/// Days since 1970-01-01 of a proleptic Gregorian date.
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub(crate) fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// `2026-11-29T05:35:14.123Z` for milliseconds since the epoch.
pub fn format_iso(ms: i64) -> String {
    let days = ms.div_euclid(86_400_000);
    let rem = ms.rem_euclid(86_400_000);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3_600_000,
        rem / 60_000 % 60,
        rem / 1000 % 60,
        rem % 1000
    )
}

/// Parses `YYYY-MM-DDTHH:MM:SS[.fff]Z` (one to three fraction digits) into
/// milliseconds since the epoch. Anything else — other offsets, out-of-range
/// fields — is `None`.
pub fn parse_iso(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 20 || *b.last()? != b'Z' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = s.get(r)?;
        if part.is_empty() || !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let sep = |i: usize, c: u8| b.get(i) == Some(&c);
    if !(sep(4, b'-') && sep(7, b'-') && sep(10, b'T') && sep(13, b':') && sep(16, b':')) {
        return None;
    }
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (h, mi, sec) = (num(11..13)?, num(14..16)?, num(17..19)?);
    let ms = match b.len() {
        20 => 0,
        22..=24 if sep(19, b'.') => {
            let frac = num(20..b.len() - 1)?;
            frac * 10i64.pow(24 - b.len() as u32)
        }
        _ => return None,
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_days = [
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
    ];
    if !(1..=12).contains(&mo) || d < 1 || d > month_days[(mo - 1) as usize] {
        return None;
    }
    if h > 23 || mi > 59 || sec > 59 {
        return None;
    }
    Some(days_from_civil(y, mo, d) * 86_400_000 + ((h * 60 + mi) * 60 + sec) * 1000 + ms)
}

/// `2026-11-29T05:35:14Z`: [`format_iso`] without the fraction (the
/// milliseconds are dropped, not rounded).
pub fn format_iso_seconds(ms: i64) -> String {
    let mut s = format_iso(ms.div_euclid(1000) * 1000);
    s.replace_range(s.len() - 5.., "Z");
    s
}

/// `2026-11-29T13:35:14+08:00`: the local time `offset_min` minutes east
/// of UTC (what the clock on the wall read), seconds, with that offset, so
/// a spreadsheet or a person reads the hour as it was and the moment stays
/// exact. An offset of 0 is written `Z`, as [`format_iso_seconds`] does.
pub fn format_iso_local(ms: i64, offset_min: i32) -> String {
    if offset_min == 0 {
        return format_iso_seconds(ms);
    }
    let mut s = format_iso_seconds(ms + i64::from(offset_min) * 60_000);
    s.pop();
    let a = offset_min.unsigned_abs();
    let sign = if offset_min < 0 { '-' } else { '+' };
    s.push_str(&format!("{sign}{:02}:{:02}", a / 60, a % 60));
    s
}

/// The same time of day `years` calendar years after `ms` (a 29 February
/// becomes 28 February in a common year).
pub fn add_years(ms: i64, years: i64) -> i64 {
    let days = ms.div_euclid(86_400_000);
    let (y, m, d) = civil_from_days(days);
    let y = y + years;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let d = if m == 2 && d == 29 && !leap { 28 } else { d };
    days_from_civil(y, m, d) * 86_400_000 + ms.rem_euclid(86_400_000)
}
