//! The JSON Canonicalization Scheme (JCS, RFC 8785) over [`serde_json::Value`].
//!
//! The canonical form is the ECMAScript `JSON.stringify` of the value with
//! every object's members sorted by their names compared as arrays of UTF-16
//! code units (RFC 8785 §3.2.3), and no whitespace:
//!
//! - `null`, `true`, `false` as themselves;
//! - strings with `\b \t \n \f \r \" \\` as short escapes, every other
//!   control character below U+0020 as `\u00xx` (lowercase hex), everything
//!   else — `/`, non-ASCII, U+007F — as literal UTF-8 (§3.2.2.2);
//! - numbers as ECMAScript's `Number.prototype.toString` writes the IEEE-754
//!   double (§3.2.2.3): the shortest decimal digits that read back as the same
//!   double, laid out plainly when the decimal exponent is within
//!   `-7 < e < 21` and as `d.ddde±x` otherwise; `-0` is written `0`.
//!
//! **Numbers.** RFC 8785 treats every JSON number as a double (I-JSON),
//! read as ECMAScript reads it (the nearest double) and written back as
//! above. `serde_json` (without `arbitrary_precision`) keeps an integer that
//! fits `u64`/`i64` exactly, though, and a reader using it would see the
//! integer's own value, not the double's. So canonicalization accepts an
//! integer only when its decimal text is exactly what JCS writes for its
//! double, and otherwise refuses it ([`JcsError::InexactInteger`]):
//! `9007199254740993` (2^53 + 1, canonically `9007199254740992`) would
//! let two documents that differ to such a reader share one signature.
//! Every integer up to 2^53 passes, and so does every integer text JCS
//! itself writes (`280861401798691700`), so canonical output always
//! canonicalizes again; `1152921504606846976` (2^60, which JCS writes
//! `1152921504606847000`) does not. Fractional and larger numbers arrive as
//! the double `serde_json` parsed — two texts of one double are one value to
//! every reader; the crate enables `serde_json`'s `float_roundtrip` feature
//! so that double is the correctly rounded one, as in ECMAScript.
//!
//! **Names.** A `serde_json` object cannot hold two members with one name
//! (the parser keeps the last), and a Rust string cannot hold a lone
//! surrogate, so the I-JSON restrictions on those hold by construction.

use std::fmt;
use std::fmt::Write as _;

use serde_json::{Map, Number, Value};

/// Why a value has no canonical form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JcsError {
    /// A number is NaN or infinite (JSON cannot express it).
    NonFiniteNumber,
    /// An integer whose decimal text is not what JCS writes for the double
    /// it stands for (so it would change in the canonical form).
    InexactInteger(String),
}

impl fmt::Display for JcsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JcsError::NonFiniteNumber => write!(f, "a number is not finite"),
            JcsError::InexactInteger(n) => {
                write!(f, "the integer {n} would change as an IEEE-754 double")
            }
        }
    }
}

impl std::error::Error for JcsError {}

/// The canonical form of `value` (RFC 8785), as a string; its UTF-8 bytes
/// are what gets hashed.
pub fn canonicalize(value: &Value) -> Result<String, JcsError> {
    let mut out = String::new();
    write_value(&mut out, value)?;
    Ok(out)
}

fn write_value(out: &mut String, value: &Value) -> Result<(), JcsError> {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(n) => out.push_str(&number_of_json(n)?),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, item)?;
            }
            out.push(']');
        }
        Value::Object(map) => write_object(out, map)?,
    }
    Ok(())
}

fn write_object(out: &mut String, map: &Map<String, Value>) -> Result<(), JcsError> {
    let mut members: Vec<(&String, &Value)> = map.iter().collect();
    // RFC 8785 §3.2.3: names compared as arrays of UTF-16 code units.
    members.sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
    out.push('{');
    for (i, (name, value)) in members.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_string(out, name);
        out.push(':');
        write_value(out, value)?;
    }
    out.push('}');
    Ok(())
}

/// Writes `s` as ECMAScript's `JSON.stringify` does (RFC 8785 §3.2.2.2).
fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 => {
                // Infallible: writing to a String.
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A `serde_json` number as the double RFC 8785 sees, serialized; an
/// integer must be written back with its own digits (see the module
/// documentation).
fn number_of_json(n: &Number) -> Result<String, JcsError> {
    let integer = if let Some(u) = n.as_u64() {
        // `as` rounds to the nearest double, ties to even, as ECMAScript
        // reads the decimal text.
        Some((u.to_string(), u as f64))
    } else {
        n.as_i64().map(|i| (i.to_string(), i as f64))
    };
    match integer {
        Some((text, double)) => {
            let canonical = number_to_string(double)?;
            if canonical == text {
                Ok(canonical)
            } else {
                Err(JcsError::InexactInteger(text))
            }
        }
        None => number_to_string(n.as_f64().ok_or(JcsError::NonFiniteNumber)?),
    }
}

/// `x` as ECMAScript's `Number.prototype.toString` writes it (ECMA-262
/// Number::toString with radix 10), which is RFC 8785's number format.
///
/// Rust's `{:e}` formatting gives the shortest digits that read back as `x`,
/// the closest to `x` among them: ECMAScript's `s` and `k`. When two are
/// equally close (`x` lies exactly halfway), ECMAScript (Note 2, which V8
/// and RFC 8785's reference implementations follow) takes the even one and
/// Rust the one above; `even_on_tie` settles that. The layout is done here.
pub fn number_to_string(x: f64) -> Result<String, JcsError> {
    if !x.is_finite() {
        return Err(JcsError::NonFiniteNumber);
    }
    if x == 0.0 {
        // Both +0 and -0.
        return Ok("0".to_owned());
    }
    let sci = format!("{:e}", x.abs());
    let (mantissa, exponent) = sci
        .split_once('e')
        .expect("LowerExp output always has an exponent");
    let exponent: i32 = exponent.parse().expect("LowerExp exponent is an integer");
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let digits = even_on_tie(x.abs(), digits, exponent);
    let k = digits.len() as i32;
    // ECMAScript's n: x = 0.digits × 10^n.
    let n = exponent + 1;
    let mut out = String::with_capacity(k as usize + 8);
    if x < 0.0 {
        out.push('-');
    }
    if k <= n && n <= 21 {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', (n - k) as usize));
    } else if 0 < n && n <= 21 {
        out.push_str(&digits[..n as usize]);
        out.push('.');
        out.push_str(&digits[n as usize..]);
    } else if -6 < n && n <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-n) as usize));
        out.push_str(&digits);
    } else {
        out.push_str(&digits[..1]);
        if k > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if n > 0 { '+' } else { '-' });
        let _ = write!(out, "{}", (n - 1).abs());
    }
    Ok(out)
}

/// The shortest digits `digits` (`d.ddd × 10^exponent`) of `x > 0`, or the
/// other of two equally close shortest candidates when that one is even.
///
/// A tie needs `x` to be exactly `P5 × 10^(exponent - k)` with `P` the
/// first `k` digits: `x` written with `k + 1` significant digits ends in 5
/// and is exact. Then the candidates are `P` and `P + 1`; the even one is
/// taken if it reads back as `x`.
fn even_on_tie(x: f64, digits: String, exponent: i32) -> String {
    let k = digits.len();
    let longer = format!("{x:.k$e}");
    let Some((mantissa, e)) = longer.split_once('e') else {
        return digits;
    };
    let longer_digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    if e.parse() != Ok(exponent) || !longer_digits.ends_with('5') {
        return digits;
    }
    // Exact? A double has at most 767 significant decimal digits.
    let exact = format!("{x:.800e}");
    let exact_digits = exact.split_once('e').map_or("", |(m, _)| m);
    // "d." + the first k digits after the point, then the rest.
    if !exact_digits[k + 2..].bytes().all(|b| b == b'0') {
        return digits;
    }
    let below = longer_digits[..k].to_owned();
    let mut above = below.clone().into_bytes();
    let mut i = k;
    loop {
        if i == 0 {
            // 99…9 + 1 has more digits: not a k-digit candidate.
            return digits;
        }
        i -= 1;
        if above[i] == b'9' {
            above[i] = b'0';
        } else {
            above[i] += 1;
            break;
        }
    }
    let above = String::from_utf8(above).expect("ASCII digits");
    for candidate in [below, above] {
        let last = candidate.as_bytes()[k - 1];
        if last % 2 != 0 || candidate == digits {
            continue;
        }
        let text = format!("{}.{}e{exponent}", &candidate[..1], &candidate[1..]);
        if text.parse::<f64>() == Ok(x) {
            return candidate;
        }
    }
    digits
}
