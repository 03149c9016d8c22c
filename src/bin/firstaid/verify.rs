//! `firstaid verify`: completion records (JSON or `FAR2:`/`FAR1:` QR text) and
//! certificates (Open Badges 3.0 credentials: JSON or `FAC3:`/`FAC2:`/`FAC1:` QR
//! text), told apart by their contents, checked with the app's own code,
//! one line per file; the options apply to records (with `--csv`,
//! certificates are reported on standard error). A certificate's line also
//! says whether it passes 1EdTech's JSON Schema (`schema: OK` or its first
//! errors); that does not change the exit status. Exit status 1 when any
//! file fails.

use std::fmt::Write as _;

use firstaid::content::CONTENT_VERSION;
use firstaid::records::assignment::Assignment;
use firstaid::records::keys::PublicKey;
use firstaid::records::record::Record;
use firstaid::records::{roster, verify};

/// Check completion records and certificates; exit status 1 when any fails.
///
/// A certificate's line also reports whether it passes the Open Badges 3.0
/// JSON Schema ("schema: OK" or its first errors); certificates made before
/// the proof became an array fail it but still verify, so the schema does
/// not change the exit status.
#[derive(clap::Args)]
pub struct Args {
    /// Records and certificates: JSON files or QR text.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<String>,
    /// The instructor's public key (64 hexadecimal digits): records must
    /// answer an assignment it signed.
    #[arg(long, value_name = "HEX", value_parser = instructor_key)]
    instructor_key: Option<PublicKey>,
    /// The assignment records must answer: a file, or its text or link.
    #[arg(long, value_name = "FILE|TEXT", value_parser = assignment)]
    assignment: Option<Assignment>,
    /// Print the roster as CSV (certificates go to standard error).
    #[arg(long)]
    csv: bool,
    /// Time N rounds of verifying the readable records (to standard error).
    #[arg(long, value_name = "N", value_parser = repeat)]
    repeat: Option<u32>,
}

/// The value of `--instructor-key`.
fn instructor_key(v: &str) -> Result<PublicKey, String> {
    let ok = v.len() == 64 && v.bytes().all(|c| c.is_ascii_hexdigit());
    if !ok {
        return Err("--instructor-key must be 64 hexadecimal digits".into());
    }
    let mut bytes = [0u8; 32];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = u8::from_str_radix(&v[2 * i..2 * i + 2], 16).expect("hex digits");
    }
    Ok(PublicKey(bytes))
}

/// The value of `--assignment`: a file's text, or the text itself.
fn assignment(v: &str) -> Result<Assignment, String> {
    let text = std::fs::read_to_string(v).unwrap_or_else(|_| v.to_owned());
    Assignment::parse(&text).map_err(|e| format!("--assignment: {e}"))
}

/// The value of `--repeat`.
fn repeat(v: &str) -> Result<u32, String> {
    v.parse::<u32>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| "--repeat must be a positive whole number".to_owned())
}

pub fn run(args: &Args) -> Result<(String, bool), String> {
    let (files, key, assignment, as_csv, repeat) = (
        &args.files,
        &args.instructor_key,
        &args.assignment,
        args.csv,
        args.repeat,
    );
    if let (Some(k), Some(a)) = (key, assignment) {
        if *k != a.body.key {
            return Err("--instructor-key is not the key that signed --assignment".into());
        }
    }
    let c = super::curriculum()?;
    // Each file: a record (or why it cannot be read), or a certificate's
    // text.
    let inputs: Vec<(String, Result<Record, String>, Option<String>)> = files
        .iter()
        .map(|f| match std::fs::read_to_string(f) {
            Ok(t) if firstaid::credentials::badge::verify::is_credential_text(&t) => {
                (f.clone(), Err(String::new()), Some(t))
            }
            Ok(t) => (
                f.clone(),
                Record::parse(&t).map_err(|e| e.to_string()),
                None,
            ),
            Err(e) => (f.clone(), Err(e.to_string()), None),
        })
        .collect();
    let check = |r: &Record| {
        let mut v = verify::verify(r, &c, CONTENT_VERSION, assignment.as_ref());
        // Who issued the assignment, when only their key is given (and the
        // record's signature holds: otherwise nothing in it is trusted).
        let signed = v.outcomes.first().is_some_and(|o| o.result.is_ok());
        if let (Some(k), None, true) = (key, assignment, signed) {
            v.outcomes.push(verify::instructor_check(r, k));
        }
        v
    };
    if let Some(n) = repeat {
        let readable: Vec<&Record> = inputs
            .iter()
            .filter_map(|(_, r, _)| r.as_ref().ok())
            .collect();
        let start = std::time::Instant::now();
        for _ in 0..n {
            for r in &readable {
                std::hint::black_box(check(r));
            }
        }
        let secs = start.elapsed().as_secs_f64();
        let count = readable.len() as f64 * f64::from(n);
        eprintln!(
            "verified {count} records in {secs:.3} s: {:.0} records per second on one core",
            count / secs
        );
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64);
    let reason = |check: &verify::Check, f: &verify::Failure| match check {
        verify::Check::Exam(n) => format!("exam {n}: {f}"),
        _ => f.to_string(),
    };
    let labels = roster::CsvLabels::EN;
    let mut out = String::new();
    if as_csv {
        out.push_str(&roster::csv_header(&labels));
    }
    let mut all_ok = true;
    for (file, r, certificate) in &inputs {
        if let Some(text) = certificate {
            let (line, ok) = super::credential::verify_line(file, text, now);
            all_ok &= ok;
            if as_csv {
                eprintln!("{line}");
            } else {
                let _ = writeln!(out, "{line}");
            }
            continue;
        }
        match r {
            Err(e) => {
                all_ok = false;
                if as_csv {
                    eprintln!("{file}: UNREADABLE: {e}");
                } else {
                    let _ = writeln!(out, "{file}: UNREADABLE: {e}");
                }
            }
            Ok(r) => {
                let v = check(r);
                all_ok &= v.ok();
                if as_csv {
                    out.push_str(&roster::csv_row(
                        r,
                        &roster::Status::Now(v),
                        None,
                        "",
                        now,
                        &labels,
                        &reason,
                        &firstaid::time::format_iso,
                    ));
                    continue;
                }
                let b = &r.body;
                let reasons: Vec<String> = v.failures().map(|(c, f)| reason(c, f)).collect();
                let exams = v.exam_summaries(r);
                // Learners' text is printed with control characters escaped,
                // so a name cannot forge a line of the table.
                let name: String = b.learner.name.escape_debug().collect();
                let _ = writeln!(
                    out,
                    "{file}: {}{} — {} ({}) · lessons {} · {} · trainer {}",
                    if v.ok() { "OK" } else { "FAIL" },
                    if reasons.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", reasons.join("; "))
                    },
                    name,
                    b.key.fingerprint(),
                    b.lessons.len(),
                    if exams.is_empty() {
                        "no exam".to_owned()
                    } else {
                        exams.join(" ")
                    },
                    b.trainer
                        .as_ref()
                        .and_then(|t| t.score)
                        .map_or("—".to_owned(), |s| s.to_string()),
                );
            }
        }
    }
    Ok((out, all_ok))
}
