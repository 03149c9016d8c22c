//! `firstaid content`: the whole curriculum — lessons, steps per profile,
//! sources, review flags, and the question bank with answers — for medical
//! review, as Markdown or as JSON (`firstaid::content::export` documents
//! the JSON format); with `--lint`, how many learner-facing sentences are
//! over the plain-words soft limit and which are over the hard limit
//! (`firstaid::content::lint`).

use clap::ValueEnum;
use firstaid::content::export::{self, Selection};
use firstaid::profile::ProfileId;
use firstaid::settings::Lang;

/// Print the whole curriculum, with the answers, for medical review.
#[derive(clap::Args)]
pub struct Args {
    /// Markdown for reading, or the versioned JSON export.
    #[arg(long, value_enum, required_unless_present = "lint")]
    format: Option<Format>,
    /// Instead: the plain-words figures per language (sentences over the
    /// soft limit, and any over the hard limit).
    #[arg(long, conflicts_with_all = ["format", "lang", "profile"])]
    lint: bool,
    /// Only this language (zh or en); both by default.
    #[arg(long, value_name = "zh|en", value_parser = super::lang)]
    lang: Option<Lang>,
    /// Only this guideline profile (rcsc, aha or erc); all by default.
    #[arg(long, value_name = "rcsc|aha|erc", value_parser = profile)]
    profile: Option<ProfileId>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Markdown,
    Json,
}

/// The value of `--profile`.
fn profile(p: &str) -> Result<ProfileId, String> {
    ProfileId::from_id(p).ok_or_else(|| format!("--profile must be rcsc, aha or erc, not {p:?}"))
}

pub fn run(args: &Args) -> Result<String, String> {
    if args.lint {
        let curriculum = super::curriculum()?;
        return Ok(firstaid::content::lint::render(
            &firstaid::content::lint::lint(&curriculum),
        ));
    }
    let langs = match args.lang {
        None => vec![Lang::ZhCn, Lang::En],
        Some(l) => vec![l],
    };
    let profiles = match args.profile {
        None => ProfileId::ALL.to_vec(),
        Some(p) => vec![p],
    };
    let curriculum = super::curriculum()?;
    let sel = Selection { langs, profiles };
    Ok(match args.format.unwrap_or(Format::Markdown) {
        Format::Json => {
            serde_json::to_string_pretty(&export::to_json(&curriculum, &sel)).expect("JSON") + "\n"
        }
        Format::Markdown => export::to_markdown(&curriculum, &sel),
    })
}
