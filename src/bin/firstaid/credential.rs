//! The certificate half of the CLI: `firstaid verify` on certificates
//! (Open Badges 3.0 credentials, JSON or `FAC3:`/`FAC2:`/`FAC1:` QR text — told apart from
//! completion records by `firstaid::credentials::badge::verify::is_credential_text`)
//! and `firstaid credential example`. The checks are the app's own
//! (`firstaid::credentials::badge::verify_credential`).

use clap::ValueEnum;
use firstaid::credentials::badge;
use firstaid::credentials::badge::assessed::ResultRead;

/// Certificates: the fixed example certificate.
#[derive(clap::Subcommand)]
pub enum Command {
    Example(ExampleArgs),
}

/// Print the fixed example certificate.
#[derive(clap::Args)]
pub struct ExampleArgs {
    /// The signed credential as JSON, or its `FAC3:` QR text (its size and
    /// QR version then go to standard error).
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Qr,
}

/// The line `firstaid verify` prints for a certificate file, and whether it
/// verified at `now_ms`. Text from the certificate is printed with control
/// characters escaped, so a name cannot forge a line. When the text holds a
/// JSON value, the line ends with what 1EdTech's JSON Schema says of it
/// (`badge::schema::summary`), which does not decide the result.
pub fn verify_line(file: &str, text: &str, now_ms: i64) -> (String, bool) {
    let schema = badge::verify::credential_value(text)
        .map(|v| format!(" · {}", badge::schema::summary(&v)))
        .unwrap_or_default();
    let (line, ok) = signature_line(file, text, now_ms);
    (line + &schema, ok)
}

fn signature_line(file: &str, text: &str, now_ms: i64) -> (String, bool) {
    match badge::verify_credential(text, now_ms) {
        Ok(v) => {
            let esc = |s: &str| s.escape_debug().collect::<String>();
            let learner = v.learner_name.as_deref().map_or("—".to_owned(), esc);
            let issuer = v.issuer_name.as_deref().map_or("—".to_owned(), esc);
            let until = v.valid_until.as_deref().map_or("no end".to_owned(), esc);
            let profile = v.profile.map_or("—", |p| p.as_str());
            (
                format!(
                    "{file}: OK — certificate \"{}\" · learner {learner} · issuer {issuer} ({}, {}) · valid {} to {until} · profile {profile}{}",
                    esc(&v.achievement_name),
                    v.issuer_fingerprint,
                    v.issuer_did,
                    esc(&v.valid_from),
                    results_text(&v.results),
                ),
                true,
            )
        }
        Err(e) => (format!("{file}: FAIL: certificate: {e}"), false),
    }
}

/// ` · results: ` and each result (its name in English when it has both
/// languages, then its percent and pass mark, or its status or value), or
/// nothing when the certificate has none. Escaped like the rest.
fn results_text(results: &[ResultRead]) -> String {
    if results.is_empty() {
        return String::new();
    }
    let esc = |s: &str| s.escape_debug().collect::<String>();
    let items: Vec<String> = results
        .iter()
        .map(|r| {
            let name = badge::split_languages(&r.name).map_or(r.name.as_str(), |(_, en)| en);
            let what = match (&r.value, &r.status) {
                (Some(v), _) if r.percent() => match &r.required_value {
                    Some(req) => format!("{}% (pass mark {}%)", esc(v), esc(req)),
                    None => format!("{}%", esc(v)),
                },
                (Some(v), None) => esc(v),
                (_, Some(s)) => esc(s),
                (None, None) => "—".to_owned(),
            };
            format!("{} {what}", esc(name))
        })
        .collect();
    format!(" · results: {}", items.join("; "))
}

/// `firstaid credential example [--format json|qr]`: the fixed example
/// certificate (`badge::example`), as JSON or as its QR text; with `qr`,
/// its size and QR version at level M go to standard error.
pub fn example(args: &ExampleArgs) -> Result<String, String> {
    let credential = badge::example();
    if args.format == Format::Json {
        return Ok(serde_json::to_string_pretty(&credential).expect("JSON") + "\n");
    }
    let text = badge::to_qr_text(&credential).map_err(|e| e.to_string())?;
    let json = firstaid::credentials::jcs::canonicalize(&credential).map_err(|e| e.to_string())?;
    let version = firstaid::records::payload::Qr::new(&text).map_or(0, |q| q.version());
    eprintln!(
        "{} bytes of canonical JSON, {} characters of QR text, QR version {version} at level M",
        json.len(),
        text.len()
    );
    Ok(text + "\n")
}
