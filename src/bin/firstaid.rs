//! `firstaid`: the command-line tool on the app's pure core.
//!
//! ```text
//! firstaid content --format markdown|json [--lang zh|en] [--profile rcsc|aha|erc]
//! ```
//! prints the whole curriculum — lessons, steps per profile, sources, review
//! flags, and the question bank with answers — for medical review. The JSON
//! format is documented in `firstaid::content::export`.

use std::process::ExitCode;

use firstaid::content::export::{self, Selection};
use firstaid::content::{validate, Curriculum};
use firstaid::profile::ProfileId;
use firstaid::settings::Lang;

const USAGE: &str = "usage:
  firstaid content --format markdown|json [--lang zh|en] [--profile rcsc|aha|erc]
  firstaid --version";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
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
        Some("--version") => Ok(format!(
            "firstaid {} (content {})\n",
            firstaid::APP_VERSION,
            firstaid::content::CONTENT_VERSION
        )),
        _ => Err(USAGE.to_owned()),
    }
}

fn content(args: &[String]) -> Result<String, String> {
    let (mut format, mut lang, mut profile) = (None, None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{a} needs a value\n{USAGE}"))
        };
        match a.as_str() {
            "--format" => format = Some(value()?),
            "--lang" => lang = Some(value()?),
            "--profile" => profile = Some(value()?),
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    let langs = match lang.as_deref() {
        None => vec![Lang::ZhCn, Lang::En],
        Some("zh") => vec![Lang::ZhCn],
        Some("en") => vec![Lang::En],
        Some(other) => return Err(format!("--lang must be zh or en, not {other:?}")),
    };
    let profiles = match profile.as_deref() {
        None => ProfileId::ALL.to_vec(),
        Some(p) => vec![ProfileId::from_id(p)
            .ok_or_else(|| format!("--profile must be rcsc, aha or erc, not {p:?}"))?],
    };
    let curriculum = Curriculum::embedded()
        .map_err(|e| format!("the built-in content is broken:\n{}", e.join("\n")))?;
    let problems = validate::validate(&curriculum);
    if !problems.is_empty() {
        return Err(format!(
            "the built-in content is invalid:\n{}",
            problems.join("\n")
        ));
    }
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
