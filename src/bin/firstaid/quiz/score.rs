//! `firstaid quiz score`: exam transcripts (`firstaid::quiz::transcript`
//! documents the format) re-scored with the app's own code, one line per
//! file. Exit status 0 when every transcript checks out, 1 when any does
//! not (the reason is printed), 2 on a usage error.

use std::process::ExitCode;

use firstaid::content::CONTENT_VERSION;
use firstaid::quiz::transcript;

/// Re-score exam transcripts; exit status 1 when any does not check out.
#[derive(clap::Args)]
pub struct Args {
    /// Transcript files (JSON, as the app exports them).
    #[arg(value_name = "TRANSCRIPT.json", required = true)]
    files: Vec<String>,
}

pub fn run(args: &Args) -> ExitCode {
    let c = match super::super::curriculum() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("firstaid: {e}");
            return ExitCode::from(2);
        }
    };
    let mut failed = false;
    for f in &args.files {
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
