//! `firstaid`: the command-line tool on the app's pure core.
//!
//! ```text
//! firstaid content --format markdown|json [--lang zh|en] [--profile rcsc|aha|erc]
//! ```
//! prints the whole curriculum — lessons, steps per profile, sources, review
//! flags, and the question bank with answers — for medical review. The JSON
//! format is documented in `firstaid::content::export`.
//!
//! ```text
//! firstaid content --lint
//! ```
//! prints, per language, how many learner-facing sentences of the lessons
//! are over the plain-words soft limit and lists those over the hard limit
//! (`firstaid::content::lint`).
//!
//! ```text
//! firstaid quiz sample --blueprint FILE|ID --seed N [--lang zh|en] [--format text|json]
//! ```
//! prints the exam that (this build's content version, the blueprint, the
//! seed) produce, with the answer key: the same exam the app shows. FILE is
//! a blueprint in JSON or TOML (`firstaid::quiz::blueprint` documents the
//! format); ID names a blueprint shipped with the content (`course-rcsc`,
//! `course-aha`, `course-erc`).
//!
//! ```text
//! firstaid quiz score TRANSCRIPT.json…
//! ```
//! ```text
//! firstaid analyze --taps FILE.csv
//! firstaid analyze --motion FILE.csv
//! ```
//! finds the compressions in a taps trace or an accelerometer trace (formats
//! in `firstaid::trainer::csv`) with the app's own analysis
//! (`firstaid::trainer::taps`, `firstaid::trainer::motion`) and prints JSON:
//! `{"compressions": [{"t_ms", "depth_mm", "cycle", …}…], "summary": {…}}`.
//! Taps have `"depth_mm": null` and say which compressions were
//! `inferred`; motion gives each compression's depth (the stroke's
//! excursion, mm, to 0.01) and its time to 0.1 ms, and the summary adds
//! `mean_depth_mm`, `depth_in_range_share` (50–60 mm),
//! `too_shallow_share` and `too_deep_share`.
//!
//! ```text
//! firstaid verify FILE... [--instructor-key HEX] [--assignment FILE|TEXT] [--csv] [--repeat N]
//! ```
//! checks completion records (JSON or `FAR1:` QR text) and certificates
//! (Open Badges 3.0 credentials: JSON or `FAC1:` QR text), told apart by
//! their contents, one line per file; the options apply to records (with
//! `--csv`, certificates are reported on standard error). Exit status 1
//! when any file fails.
//!
//! ```text
//! firstaid credential example [--format json|qr]
//! ```
//! prints the fixed example certificate (module `credential`).
//!
//! The quiz score command re-scores exam transcripts (`firstaid::quiz::transcript` documents the
//! format) with the app's own code. Exit status 0 when every transcript
//! checks out, 1 when any does not (the reason is printed), 2 on a usage
//! error.

#[path = "firstaid/credential.rs"]
mod credential;

use std::fmt::Write as _;
use std::process::ExitCode;

use firstaid::content::export::{self, Selection};
use firstaid::content::{validate, Curriculum, QuestionType, CONTENT_VERSION};
use firstaid::profile::ProfileId;
use firstaid::quiz::blueprint::Blueprint;
use firstaid::quiz::{exam, transcript};
use firstaid::settings::Lang;

// Beside this file, not in src/bin/ (where Cargo would take it for a
// binary of its own).
#[path = "firstaid/xapi.rs"]
mod xapi;

const USAGE: &str = "usage:
  firstaid content --format markdown|json [--lang zh|en] [--profile rcsc|aha|erc]
  firstaid content --lint
  firstaid quiz sample --blueprint FILE|ID --seed N [--lang zh|en] [--format text|json]
  firstaid quiz score TRANSCRIPT.json...
  firstaid verify FILE... [--instructor-key HEX] [--assignment FILE|TEXT] [--csv] [--repeat N]
  firstaid xapi FILE... [--home-page IRI] [--account-from number|fingerprint] [--mbox TEMPLATE] [--no-name] [--activity-base IRI]
  firstaid analyze --taps FILE.csv
  firstaid analyze --motion FILE.csv
  firstaid credential example [--format json|qr]
  firstaid --version";

/// The usage of `firstaid credential`.
const CREDENTIAL_USAGE: &str = "firstaid credential example [--format json|qr]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("xapi") {
        return xapi::main(&args[1..]);
    }
    if args.first().map(String::as_str) == Some("quiz")
        && args.get(1).map(String::as_str) == Some("score")
    {
        return quiz_score(&args[2..]);
    }
    if args.first().map(String::as_str) == Some("verify") {
        return verify(&args[1..]);
    }
    match run(&args) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("firstaid: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<String, String> {
    match args.first().map(String::as_str) {
        Some("content") => content(&args[1..]),
        Some("analyze") => analyze(&args[1..]),
        Some("credential") if args.get(1).map(String::as_str) == Some("example") => {
            credential::example(&args[2..])
        }
        Some("quiz") if args.get(1).map(String::as_str) == Some("sample") => {
            quiz_sample(&args[2..])
        }
        Some("--version") => Ok(format!(
            "firstaid {} (content {})\n",
            firstaid::APP_VERSION,
            firstaid::content::CONTENT_VERSION
        )),
        _ => Err(USAGE.to_owned()),
    }
}

/// `--name value` pairs, each name one of `known`, each at most once.
fn options(
    args: &[String],
    known: &[&str],
) -> Result<std::collections::BTreeMap<String, String>, String> {
    let mut out = std::collections::BTreeMap::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if !known.contains(&a.as_str()) {
            return Err(format!("unknown argument {a:?}\n{USAGE}"));
        }
        let v = it
            .next()
            .ok_or_else(|| format!("{a} needs a value\n{USAGE}"))?;
        if out.insert(a.clone(), v.clone()).is_some() {
            return Err(format!("{a} given twice\n{USAGE}"));
        }
    }
    Ok(out)
}

/// The value of `--lang`.
fn lang(v: &str) -> Result<Lang, String> {
    match v {
        "zh" => Ok(Lang::ZhCn),
        "en" => Ok(Lang::En),
        other => Err(format!("--lang must be zh or en, not {other:?}")),
    }
}

fn content(args: &[String]) -> Result<String, String> {
    if args.first().map(String::as_str) == Some("--lint") {
        if args.len() > 1 {
            return Err(format!("--lint takes no other argument\n{USAGE}"));
        }
        return Ok(firstaid::content::lint::render(
            &firstaid::content::lint::lint(&curriculum()?),
        ));
    }
    let o = options(args, &["--format", "--lang", "--profile"])?;
    let (format, profile) = (o.get("--format").cloned(), o.get("--profile").cloned());
    let langs = match o.get("--lang") {
        None => vec![Lang::ZhCn, Lang::En],
        Some(v) => vec![lang(v)?],
    };
    let profiles = match profile.as_deref() {
        None => ProfileId::ALL.to_vec(),
        Some(p) => vec![ProfileId::from_id(p)
            .ok_or_else(|| format!("--profile must be rcsc, aha or erc, not {p:?}"))?],
    };
    let curriculum = curriculum()?;
    let sel = Selection { langs, profiles };
    match format.as_deref() {
        Some("json") => Ok(
            serde_json::to_string_pretty(&export::to_json(&curriculum, &sel)).expect("JSON") + "\n",
        ),
        Some("markdown") => Ok(export::to_markdown(&curriculum, &sel)),
        Some(other) => Err(format!("--format must be markdown or json, not {other:?}")),
        None => Err(format!("--format is required\n{USAGE}")),
    }
}

/// The content compiled into this build, validated.
fn curriculum() -> Result<Curriculum, String> {
    let curriculum = Curriculum::embedded()
        .map_err(|e| format!("the built-in content is broken:\n{}", e.join("\n")))?;
    let problems = validate::validate(&curriculum);
    if !problems.is_empty() {
        return Err(format!(
            "the built-in content is invalid:\n{}",
            problems.join("\n")
        ));
    }
    Ok(curriculum)
}

/// A blueprint from a file (JSON or TOML) or a shipped blueprint's id.
fn load_blueprint(c: &Curriculum, arg: &str) -> Result<Blueprint, String> {
    let path = std::path::Path::new(arg);
    if !path.exists() {
        return c.blueprint(arg).cloned().ok_or_else(|| {
            let ids: Vec<&str> = c.blueprints.iter().map(|b| b.id.as_str()).collect();
            format!(
                "{arg:?} is neither a file nor a shipped blueprint ({})",
                ids.join(", ")
            )
        });
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("{arg}: {e}"))?;
    let bp = if path.extension().is_some_and(|e| e == "toml") {
        toml_to_json(&text).and_then(|json| Blueprint::from_json(&json))
    } else {
        Blueprint::from_json(&text)
    };
    let bp = bp.map_err(|e| format!("{arg}: {e}"))?;
    bp.check(c).map_err(|e| format!("{arg}: {e}"))?;
    Ok(bp)
}

/// TOML text as JSON text (the toml crate is a native-only dependency; the
/// CLI is not meant to run as wasm, but the test build compiles it there).
#[cfg(not(target_arch = "wasm32"))]
fn toml_to_json(text: &str) -> Result<String, String> {
    let value: toml::Value = toml::from_str(text).map_err(|e| e.to_string())?;
    serde_json::to_string(&value).map_err(|e| e.to_string())
}

#[cfg(target_arch = "wasm32")]
fn toml_to_json(_: &str) -> Result<String, String> {
    Err("TOML blueprints are read by the native CLI only".into())
}

fn type_name(t: QuestionType) -> &'static str {
    match t {
        QuestionType::Single => "single choice",
        QuestionType::Multiple => "multiple choice",
        QuestionType::TrueFalse => "true/false",
        QuestionType::Order => "ordering",
        QuestionType::Hotspot => "hotspot",
    }
}

fn quiz_sample(args: &[String]) -> Result<String, String> {
    let o = options(args, &["--blueprint", "--seed", "--lang", "--format"])?;
    let blueprint = o.get("--blueprint").cloned();
    let seed = match o.get("--seed") {
        None => None,
        Some(v) => Some(
            transcript::parse_seed(v)
                .ok_or_else(|| format!("--seed must be a number from 0 to 2^64 - 1, not {v:?}"))?,
        ),
    };
    let lang = o.get("--lang").map_or(Ok(Lang::En), |v| lang(v))?;
    let format = match o.get("--format").map(String::as_str) {
        None | Some("text") => "text",
        Some("json") => "json",
        Some(other) => return Err(format!("--format must be text or json, not {other:?}")),
    };
    let blueprint = blueprint.ok_or_else(|| format!("--blueprint is required\n{USAGE}"))?;
    let seed = seed.ok_or_else(|| format!("--seed is required\n{USAGE}"))?;
    let c = curriculum()?;
    let bp = load_blueprint(&c, &blueprint)?;
    let exam =
        exam::draw(&c, CONTENT_VERSION, &bp, seed).map_err(|e| format!("{blueprint}: {e}"))?;
    if format == "json" {
        let items: Vec<serde_json::Value> = exam
            .iter()
            .map(|e| serde_json::json!({ "question": e.question, "options": e.options }))
            .collect();
        let v = serde_json::json!({
            "content_version": CONTENT_VERSION,
            "blueprint": bp,
            "seed": seed.to_string(),
            "items": items,
        });
        return Ok(serde_json::to_string_pretty(&v).expect("JSON") + "\n");
    }
    let mut out = String::new();
    let _ = writeln!(out, "{}", bp.title(lang));
    let _ = writeln!(
        out,
        "blueprint {} · profile {} · content {} · seed {}",
        bp.id,
        bp.profile.as_str(),
        CONTENT_VERSION,
        seed
    );
    let _ = writeln!(
        out,
        "{} questions · pass mark {}%{}",
        exam.len(),
        bp.pass_percent,
        bp.time_limit_minutes
            .map(|m| format!(" · {m} minutes"))
            .unwrap_or_default()
    );
    for (i, e) in exam.iter().enumerate() {
        let q = c.question(&e.question).expect("drawn from the content");
        let _ = writeln!(out);
        if let Some(s) = q.scenario.as_deref().and_then(|s| c.scenario(s)) {
            let _ = writeln!(out, "   ({})", s.text.get(lang));
        }
        let _ = writeln!(
            out,
            "{:>2}. [{}] {} ({})",
            i + 1,
            type_name(q.kind),
            q.prompt.get(lang),
            q.id
        );
        match q.kind {
            QuestionType::Single | QuestionType::Multiple => {
                for (k, id) in e.options.iter().enumerate() {
                    let o = q.options.iter().find(|o| &o.id == id).expect("option");
                    let mark = if o.correct == Some(true) { "✓" } else { " " };
                    let _ = writeln!(
                        out,
                        "    {mark} {}) {} [{id}]",
                        (b'a' + k as u8) as char,
                        o.text.get(lang)
                    );
                }
            }
            QuestionType::Order => {
                for (k, id) in e.options.iter().enumerate() {
                    let o = q.options.iter().find(|o| &o.id == id).expect("option");
                    let _ = writeln!(
                        out,
                        "      {}) {} [{id}]",
                        (b'a' + k as u8) as char,
                        o.text.get(lang)
                    );
                }
                let key: Vec<&str> = q.options.iter().map(|o| o.id.as_str()).collect();
                let _ = writeln!(out, "    ✓ order: {}", key.join(", "));
            }
            QuestionType::TrueFalse => {
                let _ = writeln!(
                    out,
                    "    ✓ {}",
                    if q.answer == Some(true) {
                        "true"
                    } else {
                        "false"
                    }
                );
            }
            QuestionType::Hotspot => {
                for r in &q.regions {
                    let mark = if r.correct { "✓" } else { " " };
                    let _ = writeln!(out, "    {mark} {} [{}]", r.label.get(lang), r.id);
                }
            }
        }
    }
    Ok(out)
}

fn quiz_score(files: &[String]) -> ExitCode {
    if files.is_empty() {
        eprintln!("firstaid: quiz score needs at least one transcript file\n{USAGE}");
        return ExitCode::from(2);
    }
    let c = match curriculum() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("firstaid: {e}");
            return ExitCode::from(2);
        }
    };
    let mut failed = false;
    for f in files {
        let result = std::fs::read_to_string(f)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                let text = text.trim_start_matches('\u{feff}');
                let score = transcript::rescore_json(&c, CONTENT_VERSION, text)
                    .map_err(|e| e.to_string())?;
                let t: transcript::Transcript =
                    serde_json::from_str(text).map_err(|e| e.to_string())?;
                Ok((score, t))
            });
        match result {
            Ok((s, t)) => println!(
                "{f}: OK — {} of {} points, {}%, {} (blueprint {}, profile {}, {} questions, pass mark {}%{}, seed {}, finished {})",
                s.points,
                s.max_points,
                s.percent,
                if s.passed { "passed" } else { "failed" },
                t.blueprint.id,
                t.blueprint.profile.as_str(),
                t.items.len(),
                t.blueprint.pass_percent,
                t.blueprint
                    .time_limit_minutes
                    .map(|m| format!(", {m} minutes"))
                    .unwrap_or_default(),
                t.seed,
                t.finished_at
            ),
            Err(e) => {
                failed = true;
                println!("{f}: REJECTED — {e}");
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn analyze(args: &[String]) -> Result<String, String> {
    let o = options(args, &["--taps", "--motion"])?;
    match (o.get("--taps"), o.get("--motion")) {
        (Some(file), None) => analyze_taps(file),
        (None, Some(file)) => analyze_motion(file),
        _ => Err(format!(
            "analyze needs one of --taps FILE.csv or --motion FILE.csv\n{USAGE}"
        )),
    }
}

fn analyze_taps(file: &str) -> Result<String, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    let taps = firstaid::trainer::csv::parse_taps(&text).map_err(|e| format!("{file}: {e}"))?;
    let (compressions, s) = firstaid::trainer::taps::analyze(&taps);
    let out = serde_json::json!({
        "compressions": compressions
            .iter()
            .map(|c| serde_json::json!({ "t_ms": c.t_ms, "depth_mm": null, "inferred": c.inferred, "cycle": c.cycle }))
            .collect::<Vec<_>>(),
        "summary": {
            "compressions": s.compressions,
            "inferred": s.inferred,
            "mean_rate_per_min": s.mean_rate,
            "in_range_share": s.in_range,
            "cycles": s.cycles,
            "pauses": s.pauses,
            "pause_ms": s.pause_ms,
            "compression_fraction": s.compression_fraction,
        },
    });
    Ok(serde_json::to_string_pretty(&out).expect("JSON") + "\n")
}

fn analyze_motion(file: &str) -> Result<String, String> {
    use firstaid::trainer::motion;
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    let samples =
        firstaid::trainer::csv::parse_motion(&text).map_err(|e| format!("{file}: {e}"))?;
    let (compressions, _) = motion::analyze(&samples);
    let (cycles, summary) = motion::summarize(&compressions);
    let out = serde_json::json!({
        "compressions": compressions
            .iter()
            .zip(&cycles)
            .map(|(c, cycle)| serde_json::json!({
                "t_ms": (c.t_ms * 10.0).round() / 10.0,
                "depth_mm": (c.depth_mm * 100.0).round() / 100.0,
                "cycle": cycle,
            }))
            .collect::<Vec<_>>(),
        "summary": summary,
    });
    Ok(serde_json::to_string_pretty(&out).expect("JSON") + "\n")
}

/// `firstaid verify` (see the module documentation).
fn verify(args: &[String]) -> ExitCode {
    report(verify_run(args))
}

/// Prints a bulk command's output and exits 0 when every input passed, 1
/// when any did not, 2 (with the message) on a usage error.
fn report(result: Result<(String, bool), String>) -> ExitCode {
    match result {
        Ok((out, all_ok)) => {
            print!("{out}");
            if all_ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(e) => {
            eprintln!("firstaid: {e}");
            ExitCode::from(2)
        }
    }
}

fn verify_run(args: &[String]) -> Result<(String, bool), String> {
    use firstaid::records::assignment::Assignment;
    use firstaid::records::keys::PublicKey;
    use firstaid::records::record::Record;
    use firstaid::records::{roster, verify};

    let (mut files, mut key, mut assignment, mut as_csv, mut repeat) =
        (Vec::new(), None, None, false, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{a} needs a value\n{USAGE}"))
        };
        match a.as_str() {
            "--csv" => as_csv = true,
            "--instructor-key" => {
                let v = value()?;
                let ok = v.len() == 64 && v.bytes().all(|c| c.is_ascii_hexdigit());
                if !ok {
                    return Err("--instructor-key must be 64 hexadecimal digits".into());
                }
                let mut bytes = [0u8; 32];
                for (i, b) in bytes.iter_mut().enumerate() {
                    *b = u8::from_str_radix(&v[2 * i..2 * i + 2], 16).expect("hex digits");
                }
                key = Some(PublicKey(bytes));
            }
            "--assignment" => {
                let v = value()?;
                let text = std::fs::read_to_string(&v).unwrap_or(v);
                assignment =
                    Some(Assignment::parse(&text).map_err(|e| format!("--assignment: {e}"))?);
            }
            "--repeat" => {
                repeat = Some(
                    value()?
                        .parse::<u32>()
                        .ok()
                        .filter(|n| *n > 0)
                        .ok_or("--repeat must be a positive whole number")?,
                );
            }
            other if other.starts_with("--") => {
                return Err(format!("unknown argument {other:?}\n{USAGE}"))
            }
            file => files.push(file.to_owned()),
        }
    }
    if files.is_empty() {
        return Err(format!(
            "verify needs at least one record or certificate file\n{USAGE}"
        ));
    }
    if let (Some(k), Some(a)) = (&key, &assignment) {
        if *k != a.body.key {
            return Err("--instructor-key is not the key that signed --assignment".into());
        }
    }
    let c = curriculum()?;
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
        if let (Some(k), None, true) = (&key, &assignment, signed) {
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
            let (line, ok) = credential::verify_line(file, text, now);
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
                        now,
                        &labels,
                        &reason,
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
