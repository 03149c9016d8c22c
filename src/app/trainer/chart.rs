//! A small SVG line chart of a figure over a session's time, with the
//! target band shaded. Scales with the page (viewBox), readable on a phone;
//! the figures it shows are also in the results table, for screen readers.

use leptos::prelude::*;

const W: f64 = 320.0;
const H: f64 = 170.0;
const LEFT: f64 = 34.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 8.0;
const BOTTOM: f64 = 22.0;

/// Props: `label` — what the chart shows (its accessible name);
/// `points` — (seconds, value) in time order; `band` — the target range;
/// `y_range` — the axis range (values outside are drawn at its edge);
/// `seconds` — the session's length; `gap_s` — a gap longer than this
/// between points breaks the line (a pause).
#[component]
pub fn Chart(
    #[prop(into)] label: String,
    points: Vec<(f64, f64)>,
    band: (f64, f64),
    y_range: (f64, f64),
    seconds: f64,
    #[prop(default = 2.5)] gap_s: f64,
) -> impl IntoView {
    let seconds = seconds.max(points.last().map_or(1.0, |p| p.0)).max(1.0);
    let x = move |t: f64| LEFT + (W - LEFT - RIGHT) * (t / seconds);
    let y = move |v: f64| {
        let v = v.clamp(y_range.0, y_range.1);
        TOP + (H - TOP - BOTTOM) * (1.0 - (v - y_range.0) / (y_range.1 - y_range.0))
    };
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut last_t = None::<f64>;
    for &(t, v) in &points {
        if last_t.is_some_and(|l| t - l > gap_s) && !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        current.push_str(&format!("{:.1},{:.1} ", x(t), y(v)));
        last_t = Some(t);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    let step = if seconds > 180.0 { 60.0 } else { 30.0 };
    let ticks: Vec<f64> = (0..)
        .map(|k| k as f64 * step)
        .take_while(|t| *t <= seconds + 0.01)
        .collect();
    view! {
        <svg class="chart" viewBox=format!("0 0 {W} {H}") role="img" aria-label=label.clone()>
            <title>{label.clone()}</title>
            <rect class="band" x=LEFT y=y(band.1) width=W - LEFT - RIGHT height=y(band.0) - y(band.1) />
            <line class="axis" x1=LEFT y1=H - BOTTOM x2=W - RIGHT y2=H - BOTTOM />
            <line class="axis" x1=LEFT y1=TOP x2=LEFT y2=H - BOTTOM />
            {[band.0, band.1].into_iter().map(|v| view! {
                <text class="tick" x=LEFT - 4.0 y=y(v) + 4.0 text-anchor="end">{format!("{v:.0}")}</text>
            }).collect_view()}
            {ticks.into_iter().map(|t| view! {
                <text class="tick" x=x(t) y=H - 6.0 text-anchor="middle">
                    {format!("{}:{:02}", (t as u32) / 60, (t as u32) % 60)}
                </text>
            }).collect_view()}
            {lines.into_iter().map(|p| view! { <polyline class="series" points=p /> }).collect_view()}
        </svg>
    }
}
