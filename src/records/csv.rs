//! CSV for people's spreadsheets (rosters, `firstaid verify --csv`): RFC
//! 4180 quoting, CRLF line ends, and a byte-order mark first so that
//! spreadsheet programs read Chinese names as UTF-8.
//!
//! Text from learners goes into these files, so a field that a spreadsheet
//! would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
//! carriage return) is prefixed with `'` (OWASP's advice against CSV
//! injection).

/// The byte-order mark that starts every file.
pub const BOM: &str = "\u{feff}";

fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// One line (with its CRLF).
pub fn row<S: AsRef<str>>(fields: &[S]) -> String {
    let mut out = fields
        .iter()
        .map(|f| field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    out.push_str("\r\n");
    out
}
