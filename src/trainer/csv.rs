//! The trace files `firstaid analyze` reads and the app exports.
//!
//! - Taps: a header line `t_ms`, then one time per line (milliseconds on
//!   any steady clock, in time order).
//! - Motion: a header line `t_ms,ax,ay,az`, then one sample per line: the
//!   time and the acceleration including gravity on the device's axes, in
//!   m/s² (what `DeviceMotionEvent.accelerationIncludingGravity` reports).
//!
//! A byte-order mark, `\r\n` line ends, spaces around fields and blank
//! lines are accepted. Anything else is an error naming the line (1-based)
//! and what was expected; parsing never panics.

use std::fmt;

/// What is wrong with a trace file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    /// 1-based; 0 for the file as a whole.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.message)
        } else {
            write!(f, "line {}: {}", self.line, self.message)
        }
    }
}

impl std::error::Error for CsvError {}

/// One motion sample.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MotionSample {
    pub t_ms: f64,
    pub a: [f64; 3],
}

fn err(line: usize, message: impl Into<String>) -> CsvError {
    CsvError {
        line,
        message: message.into(),
    }
}

/// The non-blank lines after the header, numbered from 1.
fn rows<'a>(
    text: &'a str,
    header: &str,
) -> Result<impl Iterator<Item = (usize, &'a str)>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l.trim()));
    let first = lines.find(|(_, l)| !l.is_empty());
    match first {
        None => Err(err(
            0,
            format!("the file is empty; expected the header `{header}`"),
        )),
        Some((n, l)) => {
            let fields: Vec<&str> = l.split(',').map(str::trim).collect();
            if fields.join(",") != header {
                return Err(err(
                    n,
                    format!("expected the header `{header}`, found `{l}`"),
                ));
            }
            Ok(lines.filter(|(_, l)| !l.is_empty()))
        }
    }
}

fn number(n: usize, field: &str, what: &str) -> Result<f64, CsvError> {
    let v: f64 = field
        .parse()
        .map_err(|_| err(n, format!("{what}: `{field}` is not a number")))?;
    if !v.is_finite() {
        return Err(err(n, format!("{what}: `{field}` is not a finite number")));
    }
    Ok(v)
}

fn time(n: usize, field: &str, previous: Option<f64>) -> Result<f64, CsvError> {
    let t = number(n, field, "t_ms")?;
    if t < 0.0 {
        return Err(err(n, format!("t_ms: {t} is negative")));
    }
    if previous.is_some_and(|p| t < p) {
        return Err(err(n, format!("t_ms: {t} is earlier than the line before")));
    }
    Ok(t)
}

/// Parses a taps file.
pub fn parse_taps(text: &str) -> Result<Vec<f64>, CsvError> {
    let mut out: Vec<f64> = Vec::new();
    for (n, line) in rows(text, "t_ms")? {
        if line.contains(',') {
            return Err(err(n, format!("expected one field (t_ms), found `{line}`")));
        }
        out.push(time(n, line, out.last().copied())?);
    }
    Ok(out)
}

/// Parses a motion file.
pub fn parse_motion(text: &str) -> Result<Vec<MotionSample>, CsvError> {
    let mut out: Vec<MotionSample> = Vec::new();
    for (n, line) in rows(text, "t_ms,ax,ay,az")? {
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        if fields.len() != 4 {
            return Err(err(
                n,
                format!("expected 4 fields (t_ms,ax,ay,az), found {}", fields.len()),
            ));
        }
        let t = time(n, fields[0], out.last().map(|s| s.t_ms))?;
        let mut a = [0.0; 3];
        for (k, name) in ["ax", "ay", "az"].into_iter().enumerate() {
            a[k] = number(n, fields[k + 1], name)?;
        }
        out.push(MotionSample { t_ms: t, a });
    }
    Ok(out)
}

/// Writes a taps file (the format [`parse_taps`] reads).
pub fn write_taps(times_ms: impl IntoIterator<Item = f64>) -> String {
    let mut out = String::from("t_ms\n");
    for t in times_ms {
        out.push_str(&format!("{}\n", round3(t)));
    }
    out
}

/// Writes a motion file (the format [`parse_motion`] reads): times to the
/// microsecond, accelerations to 0.0001 m/s².
pub fn write_motion(samples: &[MotionSample]) -> String {
    let mut out = String::from("t_ms,ax,ay,az\n");
    for s in samples {
        out.push_str(&format!(
            "{},{},{},{}\n",
            round3(s.t_ms),
            round4(s.a[0]),
            round4(s.a[1]),
            round4(s.a[2])
        ));
    }
    out
}

fn round3(x: f64) -> f64 {
    (x * 1e3).round() / 1e3
}

fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}
