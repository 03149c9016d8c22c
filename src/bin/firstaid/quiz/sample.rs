//! `firstaid quiz sample`: the exam that (this build's content version, the
//! blueprint, the seed) produce, with the answer key — the same exam the
//! app shows. The blueprint is a file in JSON or TOML
//! (`firstaid::content::blueprint` documents the format) or the id of a
//! blueprint shipped with the content (`course-rcsc`, `course-aha`,
//! `course-erc`).

use std::fmt::Write as _;

use clap::ValueEnum;
use firstaid::content::blueprint::Blueprint;
use firstaid::content::{Curriculum, QuestionType, CONTENT_VERSION};
use firstaid::quiz::{exam, transcript};
use firstaid::settings::Lang;

/// Print the exam a blueprint and a seed draw, with the answer key.
#[derive(clap::Args)]
pub struct Args {
    /// A blueprint file (JSON or TOML) or a shipped blueprint's id.
    #[arg(long, value_name = "FILE|ID")]
    blueprint: String,
    /// The seed, a number from 0 to 2^64 - 1.
    #[arg(long, value_name = "N", value_parser = seed, allow_hyphen_values = true)]
    seed: u64,
    /// The language of the text output (zh or en).
    #[arg(long, value_name = "zh|en", value_parser = super::super::lang, default_value = "en")]
    lang: Lang,
    /// Text with the answer key, or JSON (content version, blueprint, seed,
    /// questions and option order).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// The value of `--seed`.
fn seed(v: &str) -> Result<u64, String> {
    transcript::parse_seed(v)
        .ok_or_else(|| format!("--seed must be a number from 0 to 2^64 - 1, not {v:?}"))
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

/// TOML text as JSON text.
fn toml_to_json(text: &str) -> Result<String, String> {
    let value: toml::Value = toml::from_str(text).map_err(|e| e.to_string())?;
    serde_json::to_string(&value).map_err(|e| e.to_string())
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

pub fn run(args: &Args) -> Result<String, String> {
    let (lang, seed) = (args.lang, args.seed);
    let c = super::super::curriculum()?;
    let bp = load_blueprint(&c, &args.blueprint)?;
    let exam = exam::draw(&c, CONTENT_VERSION, &bp, seed)
        .map_err(|e| format!("{}: {e}", args.blueprint))?;
    if args.format == Format::Json {
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
    // The number to call where the exam's guideline is (a text of the
    // content says `{call}`; the app says the learner's own region's).
    let number = bp.profile.profile().emergency_number;
    let say = |t: &str| firstaid::content::call::fill(t, number).into_owned();
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
            let _ = writeln!(out, "   ({})", say(s.text.get(lang)));
        }
        let _ = writeln!(
            out,
            "{:>2}. [{}] {} ({})",
            i + 1,
            type_name(q.kind),
            say(q.prompt.get(lang)),
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
                        say(o.text.get(lang))
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
                        say(o.text.get(lang))
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
