//! `firstaid analyze`: the compressions in a taps trace or an accelerometer
//! trace (formats in `firstaid::trainer::csv`), found with the app's own
//! analysis (`firstaid::trainer::taps`, `firstaid::trainer::motion`), as
//! JSON: `{"compressions": [{"t_ms", "depth_mm", "cycle", …}…],
//! "summary": {…}}`. Taps have `"depth_mm": null` and say which
//! compressions were `inferred`; motion gives each compression's depth (the
//! stroke's excursion, mm, to 0.01) and its time to 0.1 ms, and the summary
//! adds `mean_depth_mm`, `depth_in_range_share` (50–60 mm),
//! `too_shallow_share` and `too_deep_share`.
//!
//! With `--mode 30:2|continuous` and `--planned-seconds N` the summary also
//! has the session's score, computed as the app computes it for a stored
//! session (`firstaid::trainer::session::summarize`):
//! `"score": {"total": 0–100, "parts": {"rate", "depth", "pauses",
//! "cycles", "time"}, "breaths_due", "breaths_missed"}` (parts 0–1, `null`
//! when the session has no such part), or `"score": null` with
//! `"score_reason"` (`too_few_compressions` or `no_rate`).

use firstaid::trainer::score::Assessment;
use firstaid::trainer::session::{summarize, SessionRecord};
use serde_json::{json, Value};

/// Find the compressions in a taps or motion trace (CSV) and print JSON;
/// with --mode and --planned-seconds, score the session as the app does.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    trace: Trace,
    /// The session's rhythm: `30:2` (30 compressions, then 2 breaths) or
    /// `continuous` (compressions only). Needs --planned-seconds.
    #[arg(long, value_name = "30:2|continuous", value_parser = mode, requires = "planned_seconds")]
    mode: Option<bool>,
    /// How long the session was meant to last, in seconds: a trace that
    /// stops early is scored by it. Needs --mode.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=86_400), requires = "mode")]
    planned_seconds: Option<u32>,
}

/// The trace: one of the two kinds.
#[derive(clap::Args)]
#[group(required = true, multiple = false)]
struct Trace {
    /// A taps trace (`t_ms` per line), as the trainer exports it.
    #[arg(long, value_name = "FILE.csv")]
    taps: Option<String>,
    /// An accelerometer trace (`t_ms,ax,ay,az`), as the trainer exports it.
    #[arg(long, value_name = "FILE.csv")]
    motion: Option<String>,
}

/// The value of `--mode` (a clap value parser): 30:2 (true) or continuous.
fn mode(v: &str) -> Result<bool, String> {
    match v {
        "30:2" => Ok(true),
        "continuous" => Ok(false),
        other => Err(format!("--mode must be 30:2 or continuous, not {other:?}")),
    }
}

/// What the session was set to do: 30:2 or not, and the planned time (ms).
type Setup = (bool, u32);

pub fn run(args: &Args) -> Result<String, String> {
    let setup = args.mode.zip(args.planned_seconds.map(|s| s * 1000));
    match (&args.trace.taps, &args.trace.motion) {
        (Some(file), _) => taps(file, setup),
        (None, Some(file)) => motion(file, setup),
        (None, None) => unreachable!("clap requires one of --taps and --motion"),
    }
}

/// The score's JSON from the app's summary of a stored session.
fn score(a: &Assessment) -> (Value, Value) {
    match a.total {
        Ok(total) => (
            json!({
                "total": total,
                "parts": a.parts,
                "breaths_due": a.breaths_due,
                "breaths_missed": a.breaths_missed,
            }),
            Value::Null,
        ),
        Err(reason) => (Value::Null, json!(reason)),
    }
}

/// Adds the score of `rec` (when a setup was given) to `summary`.
fn with_score(mut summary: Value, rec: Option<SessionRecord>) -> Value {
    if let (Some(rec), Some(obj)) = (rec, summary.as_object_mut()) {
        let (score, reason) = score(&summarize(&rec).assessment);
        obj.insert("score".into(), score);
        if !reason.is_null() {
            obj.insert("score_reason".into(), reason);
        }
    }
    summary
}

fn pause(thirty_two: bool) -> Option<u32> {
    thirty_two.then_some(firstaid::trainer::metronome::DEFAULT_PAUSE_S as u32)
}

fn taps(file: &str, setup: Option<Setup>) -> Result<String, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    let taps = firstaid::trainer::csv::parse_taps(&text).map_err(|e| format!("{file}: {e}"))?;
    let (compressions, s) = firstaid::trainer::taps::analyze(&taps);
    let rec = setup.map(|(thirty_two, planned)| {
        SessionRecord::from_taps(
            0,
            None,
            pause(thirty_two),
            planned,
            planned,
            &taps,
            &compressions,
        )
    });
    let out = json!({
        "compressions": compressions
            .iter()
            .map(|c| json!({ "t_ms": c.t_ms, "depth_mm": null, "inferred": c.inferred, "cycle": c.cycle }))
            .collect::<Vec<_>>(),
        "summary": with_score(json!(s), rec),
    });
    Ok(serde_json::to_string_pretty(&out).expect("JSON") + "\n")
}

fn motion(file: &str, setup: Option<Setup>) -> Result<String, String> {
    use firstaid::trainer::motion;
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    let samples =
        firstaid::trainer::csv::parse_motion(&text).map_err(|e| format!("{file}: {e}"))?;
    let (compressions, _) = motion::analyze(&samples);
    let (cycles, summary) = motion::summarize(&compressions);
    let rec = setup.map(|(thirty_two, planned)| {
        let c: Vec<(f64, f64)> = compressions.iter().map(|c| (c.t_ms, c.depth_mm)).collect();
        SessionRecord::from_motion(0, None, pause(thirty_two), planned, planned, &c)
    });
    let out = json!({
        "compressions": compressions
            .iter()
            .zip(&cycles)
            .map(|(c, cycle)| json!({
                "t_ms": (c.t_ms * 10.0).round() / 10.0,
                "depth_mm": (c.depth_mm * 100.0).round() / 100.0,
                "cycle": cycle,
            }))
            .collect::<Vec<_>>(),
        "summary": with_score(json!(summary), rec),
    });
    Ok(serde_json::to_string_pretty(&out).expect("JSON") + "\n")
}
