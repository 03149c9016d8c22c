//! `firstaid analyze`: the compressions in a taps trace or an accelerometer
//! trace (formats in `firstaid::trainer::csv`), found with the app's own
//! analysis (`firstaid::trainer::taps`, `firstaid::trainer::motion`), as
//! JSON: `{"compressions": [{"t_ms", "depth_mm", "cycle", …}…],
//! "summary": {…}}`. Taps have `"depth_mm": null` and say which
//! compressions were `inferred`; motion gives each compression's depth (the
//! stroke's excursion, mm, to 0.01) and its time to 0.1 ms, and the summary
//! adds `mean_depth_mm`, `depth_in_range_share` (50–60 mm),
//! `too_shallow_share` and `too_deep_share`.

/// Find the compressions in a taps or motion trace (CSV) and print JSON.
#[derive(clap::Args)]
#[group(required = true, multiple = false)]
pub struct Args {
    /// A taps trace (`t_ms` per line), as the trainer exports it.
    #[arg(long, value_name = "FILE.csv")]
    taps: Option<String>,
    /// An accelerometer trace (`t_ms,ax,ay,az`), as the trainer exports it.
    #[arg(long, value_name = "FILE.csv")]
    motion: Option<String>,
}

pub fn run(args: &Args) -> Result<String, String> {
    match (&args.taps, &args.motion) {
        (Some(file), _) => taps(file),
        (None, Some(file)) => motion(file),
        (None, None) => unreachable!("clap requires one of --taps and --motion"),
    }
}

fn taps(file: &str) -> Result<String, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    let taps = firstaid::trainer::csv::parse_taps(&text).map_err(|e| format!("{file}: {e}"))?;
    let (compressions, s) = firstaid::trainer::taps::analyze(&taps);
    let out = serde_json::json!({
        "compressions": compressions
            .iter()
            .map(|c| serde_json::json!({ "t_ms": c.t_ms, "depth_mm": null, "inferred": c.inferred, "cycle": c.cycle }))
            .collect::<Vec<_>>(),
        "summary": s,
    });
    Ok(serde_json::to_string_pretty(&out).expect("JSON") + "\n")
}

fn motion(file: &str) -> Result<String, String> {
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
