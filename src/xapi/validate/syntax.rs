//! The string syntaxes the rules use, each a plain predicate: absolute
//! IRIs and http(s) IRLs, `mailto:` addresses, UUIDs, RFC 3339 timestamps,
//! ISO 8601 durations and RFC 5646 language tags.

/// An absolute IRI, best effort: an RFC 3987 scheme, `:`, and a non-empty
/// rest without whitespace, control characters or `<>"{}|\^``, whose
/// `%` escapes have two hex digits.
pub fn is_iri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    let mut sc = scheme.bytes();
    if !sc.next().is_some_and(|b| b.is_ascii_alphabetic())
        || !sc.all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
    {
        return false;
    }
    if rest.is_empty() {
        return false;
    }
    let b = rest.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        let escaped = b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
            && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
        if c == b'%' && !escaped {
            return false;
        }
    }
    rest.chars()
        .all(|c| !c.is_whitespace() && !c.is_control() && !"<>\"{}|\\^`".contains(c))
}

/// An IRL as this crate uses them: an [`is_iri`] IRI with the scheme http
/// or https and a host.
pub fn is_irl(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    match rest {
        Some(r) => {
            let host = r.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !host.starts_with(':') && is_iri(s)
        }
        None => false,
    }
}

/// `mailto:` and an address: a non-empty local part, one `@`, a domain
/// with a dot or a name, no spaces; an IRI.
pub fn is_mbox(s: &str) -> bool {
    let Some(addr) = s.strip_prefix("mailto:") else {
        return false;
    };
    let Some((local, domain)) = addr.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.is_empty()
        && !domain.contains('@')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && is_iri(s)
}

/// A UUID in the standard string form (8-4-4-4-12 hex digits), variant 2
/// of RFC 4122 (any version).
pub fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
        && b"89abAB".contains(&b[19])
}

/// An RFC 3339 date-time with a time zone (`Z` or `±HH:MM`, not `-00:00`).
pub fn check_timestamp(s: &str) -> Result<(), &'static str> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        (!part.is_empty() && part.bytes().all(|c| c.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    if !(at(4, b'-') && at(7, b'-') && at(10, b'T') && at(13, b':') && at(16, b':')) {
        return Err("not YYYY-MM-DDTHH:MM:SS");
    }
    let (Some(y), Some(mo), Some(d), Some(h), Some(mi), Some(sec)) = (
        digits(0..4),
        digits(5..7),
        digits(8..10),
        digits(11..13),
        digits(14..16),
        digits(17..19),
    ) else {
        return Err("not YYYY-MM-DDTHH:MM:SS");
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match mo {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err("no such month"),
    };
    if d == 0 || d > days {
        return Err("no such day");
    }
    if h > 23 || mi > 59 || sec > 60 {
        return Err("no such time of day");
    }
    let mut i = 19;
    if at(i, b'.') {
        let start = i + 1;
        i = start;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return Err("a fraction needs digits");
        }
    }
    match &s[i..] {
        "Z" => Ok(()),
        "" => Err("no time zone"),
        "-00:00" => Err("-00:00 is an unknown offset, not a time zone"),
        zone => {
            let z = zone.as_bytes();
            let ok = z.len() == 6
                && (z[0] == b'+' || z[0] == b'-')
                && z[3] == b':'
                && z[1..3].iter().chain(&z[4..6]).all(u8::is_ascii_digit)
                && zone[1..3].parse::<u32>().is_ok_and(|h| h <= 23)
                && zone[4..6].parse::<u32>().is_ok_and(|m| m <= 59);
            if ok {
                Ok(())
            } else {
                Err("the time zone is not Z or ±HH:MM")
            }
        }
    }
}

/// An ISO 8601:2004 4.4.3.2 duration: `P`, then years, months, days in
/// that order and optionally `T` with hours, minutes, seconds in that
/// order (at least one component, at least one after `T`), numbers of
/// digits with a decimal fraction (`.` or `,`) on the last component only;
/// or `PnW` alone.
pub fn is_duration(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('P') else {
        return false;
    };
    if let Some(w) = rest.strip_suffix('W') {
        return !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    }
    let (date, time) = match rest.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    // (designator, number) pairs, in order.
    let parse = |part: &str, designators: &[u8]| -> Option<Vec<(u8, String)>> {
        let mut out = Vec::new();
        let mut num = String::new();
        let mut next = 0;
        for c in part.bytes() {
            if c.is_ascii_digit() || c == b'.' || c == b',' {
                num.push(c as char);
                continue;
            }
            let pos = designators[next..].iter().position(|&d| d == c)? + next;
            out.push((c, std::mem::take(&mut num)));
            next = pos + 1;
        }
        num.is_empty().then_some(out)
    };
    let Some(mut parts) = parse(date, b"YMD") else {
        return false;
    };
    if let Some(t) = time {
        match parse(t, b"HMS") {
            Some(tp) if !tp.is_empty() => parts.extend(tp),
            _ => return false,
        }
    }
    if parts.is_empty() {
        return false;
    }
    let last = parts.len() - 1;
    parts.iter().enumerate().all(|(i, (_, n))| {
        let (int, frac) = match n.find(['.', ',']) {
            Some(k) => (&n[..k], Some(&n[k + 1..])),
            None => (n.as_str(), None),
        };
        !int.is_empty()
            && int.bytes().all(|b| b.is_ascii_digit())
            && match frac {
                None => true,
                Some(f) => i == last && !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()),
            }
    })
}

/// RFC 5646's irregular grandfathered tags (the regular ones fit the
/// grammar).
const IRREGULAR: [&str; 17] = [
    "en-gb-oed",
    "i-ami",
    "i-bnn",
    "i-default",
    "i-enochian",
    "i-hak",
    "i-klingon",
    "i-lux",
    "i-mingo",
    "i-navajo",
    "i-pwn",
    "i-tao",
    "i-tay",
    "i-tsu",
    "sgn-be-fr",
    "sgn-be-nl",
    "sgn-ch-de",
];

/// A well-formed RFC 5646 language tag (the grammar of section 2.1,
/// case-insensitive).
pub fn is_language_tag(s: &str) -> bool {
    if IRREGULAR.contains(&s.to_ascii_lowercase().as_str()) {
        return true;
    }
    let tags: Vec<&str> = s.split('-').collect();
    if tags
        .iter()
        .any(|t| t.is_empty() || !t.bytes().all(|b| b.is_ascii_alphanumeric()))
    {
        return false;
    }
    let alpha = |t: &str| t.bytes().all(|b| b.is_ascii_alphabetic());
    let digit = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let private = |rest: &[&str]| !rest.is_empty() && rest.iter().all(|t| t.len() <= 8);
    if tags[0].eq_ignore_ascii_case("x") {
        return private(&tags[1..]);
    }
    let mut i = 0;
    // language
    let first = tags[0];
    if !alpha(first) || !(2..=8).contains(&first.len()) {
        return false;
    }
    i += 1;
    if first.len() <= 3 {
        // extlang: up to three 3-letter subtags
        let mut n = 0;
        while n < 3 && tags.get(i).is_some_and(|t| t.len() == 3 && alpha(t)) {
            i += 1;
            n += 1;
        }
    }
    // script
    if tags.get(i).is_some_and(|t| t.len() == 4 && alpha(t)) {
        i += 1;
    }
    // region
    if tags
        .get(i)
        .is_some_and(|t| (t.len() == 2 && alpha(t)) || (t.len() == 3 && digit(t)))
    {
        i += 1;
    }
    // variants
    while tags.get(i).is_some_and(|t| {
        (5..=8).contains(&t.len()) || (t.len() == 4 && t.as_bytes()[0].is_ascii_digit())
    }) {
        i += 1;
    }
    // extensions
    while tags
        .get(i)
        .is_some_and(|t| t.len() == 1 && !t.eq_ignore_ascii_case("x"))
    {
        i += 1;
        let start = i;
        while tags.get(i).is_some_and(|t| (2..=8).contains(&t.len())) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    // private use
    if tags.get(i).is_some_and(|t| t.eq_ignore_ascii_case("x")) {
        return private(&tags[i + 1..]);
    }
    i == tags.len()
}
