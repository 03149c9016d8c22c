//! `firstaid`: the command-line tool on the app's pure core.
//!
//! Arguments are parsed by clap (derive): `firstaid <command> --help`
//! describes every command, and a usage error — an unknown or repeated
//! option, a missing or malformed value — is clap's message with exit
//! status 2. One module per command:
//!
//! - `firstaid content` ([`content`]) — the curriculum for medical review;
//! - `firstaid quiz sample` and `firstaid quiz score` ([`quiz`]) — an exam
//!   with its answer key; transcripts re-scored;
//! - `firstaid analyze` ([`analyze`]) — compressions in a taps or motion
//!   trace;
//! - `firstaid verify` ([`verify`]) — records and certificates
//!   ([`credential`] checks the certificates);
//! - `firstaid credential example` ([`credential`]) — the example
//!   certificate;
//! - `firstaid xapi` ([`xapi`]) — verified records as xAPI statements.
//!
//! Every command runs the app's own code on the content compiled into this
//! build. Exit status 0 on success, 2 on a usage error (or input the single
//! commands cannot read); the bulk commands (`quiz score`, `verify`, `xapi`)
//! exit 1 when any of their files fails.
//!
//! The CLI is native only (clap is not a wasm32 dependency); a wasm32 build
//! of the test targets compiles it to an empty `main`.

#[cfg(not(target_arch = "wasm32"))]
mod analyze;
#[cfg(not(target_arch = "wasm32"))]
mod content;
#[cfg(not(target_arch = "wasm32"))]
mod credential;
#[cfg(not(target_arch = "wasm32"))]
mod quiz;
#[cfg(not(target_arch = "wasm32"))]
mod verify;
#[cfg(not(target_arch = "wasm32"))]
mod xapi;

#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;

#[cfg(not(target_arch = "wasm32"))]
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
#[cfg(not(target_arch = "wasm32"))]
use firstaid::content::Curriculum;
#[cfg(not(target_arch = "wasm32"))]
use firstaid::settings::Lang;

/// First Aid Hero's command-line tool: the app's own code on the content
/// compiled into this build.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Parser)]
#[command(name = "firstaid", arg_required_else_help = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[cfg(not(target_arch = "wasm32"))]
#[derive(Subcommand)]
enum Command {
    Content(content::Args),
    #[command(subcommand)]
    Quiz(quiz::Command),
    Analyze(analyze::Args),
    Verify(Box<verify::Args>),
    #[command(subcommand)]
    Credential(credential::Command),
    Xapi(xapi::Args),
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    // `firstaid --version` names the content version too.
    let version: &'static str = Box::leak(
        format!(
            "{} (content {})",
            firstaid::APP_VERSION,
            firstaid::content::CONTENT_VERSION
        )
        .into_boxed_str(),
    );
    let mut matches = Cli::command().version(version).get_matches();
    let cli = match Cli::from_arg_matches_mut(&mut matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match cli.command {
        Command::Content(a) => single(content::run(&a)),
        Command::Quiz(quiz::Command::Sample(a)) => single(quiz::sample::run(&a)),
        Command::Quiz(quiz::Command::Score(a)) => quiz::score::run(&a),
        Command::Analyze(a) => single(analyze::run(&a)),
        Command::Verify(a) => report(verify::run(&a)),
        Command::Credential(credential::Command::Example(a)) => single(credential::example(&a)),
        Command::Xapi(a) => report(xapi::run(&a)),
    }
}

/// The CLI is native only; see the module documentation.
#[cfg(target_arch = "wasm32")]
fn main() {}

/// Prints a single command's output and exits 0, or its error and exits 2.
#[cfg(not(target_arch = "wasm32"))]
fn single(result: Result<String, String>) -> ExitCode {
    match result {
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

/// Prints a bulk command's output and exits 0 when every input passed, 1
/// when any did not, 2 (with the message) on a usage error.
#[cfg(not(target_arch = "wasm32"))]
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

/// The content compiled into this build, validated.
#[cfg(not(target_arch = "wasm32"))]
fn curriculum() -> Result<Curriculum, String> {
    let curriculum = Curriculum::embedded()
        .map_err(|e| format!("the built-in content is broken:\n{}", e.join("\n")))?;
    let problems = firstaid::quiz::validate_curriculum(&curriculum);
    if !problems.is_empty() {
        return Err(format!(
            "the built-in content is invalid:\n{}",
            problems.join("\n")
        ));
    }
    Ok(curriculum)
}

/// The value of `--lang` (a clap value parser).
#[cfg(not(target_arch = "wasm32"))]
fn lang(v: &str) -> Result<Lang, String> {
    match v {
        "zh" => Ok(Lang::ZhCn),
        "en" => Ok(Lang::En),
        other => Err(format!("--lang must be zh or en, not {other:?}")),
    }
}
