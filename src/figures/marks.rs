//! Marks drawn over the people: where the eyes look, a shout, a depth, a
//! pad seen face on, a thing held or leant on, and a close-up of part of
//! the scene. Contact and force stay in the accent colour; things are
//! drawn lighter than people.

use std::fmt::Write as _;

use super::{n, Pt, Scene};

/// A mark (see [`super::Item::Mark`]).
#[derive(Debug, Clone)]
pub enum Mark {
    /// A thin dashed line in the text colour: where something was (the
    /// chest before it is pushed), a level, a line across the body.
    Dashed(Vec<Pt>),
    /// Where the rescuer looks: a dotted accent line from the eye to what
    /// they look at.
    Look(Pt, Pt),
    /// A shout or loud words: three short arcs from the mouth at `at`,
    /// opening in direction `deg`.
    Sound { at: Pt, deg: f64 },
    /// A distance (a depth): an accent line with a tick across each end.
    Measure(Pt, Pt),
    /// A contact ring of radius `r` (a hand, a mouth over a baby's mouth
    /// and nose).
    Ring(Pt, f64),
    /// "Not here": an accent cross of half-size `r`.
    Cross(Pt, f64),
    /// An AED pad seen face on: a rounded accent rectangle, `w` by `h`,
    /// its long side in direction `deg`; `ghost` draws only a dashed
    /// outline (where a pad must not go).
    PadFace {
        at: Pt,
        deg: f64,
        w: f64,
        h: f64,
        ghost: bool,
    },
    /// A thing (a chair, a towel, clothes, a razor): a stroke through
    /// points, `width` wide, lighter than a person.
    Thing(Vec<Pt>, f64),
    /// A close-up: `scene` drawn in the frame `at` (x, y, width, height)
    /// of the picture, scaled to fit, clipped and framed.
    Inset { at: [f64; 4], scene: Box<Scene> },
}

/// Writes a mark; `id` makes the ids it needs unique in the picture.
pub(super) fn render(out: &mut String, id: &str, m: &Mark) {
    match m {
        Mark::Dashed(pts) => {
            let _ = writeln!(
                out,
                "  <path d=\"{}\" stroke-width=\"2\" stroke-dasharray=\"5 5\" opacity=\"0.8\"/>",
                path(pts)
            );
        }
        Mark::Look(a, b) => {
            let _ = writeln!(
                out,
                "  <path class=\"accent\" d=\"{}\" stroke-width=\"3\" stroke-dasharray=\"0.1 6\"/>",
                path(&[*a, *b])
            );
            head(out, *b, a.angle_to(*b), 7.0, 3.0);
        }
        Mark::Sound { at, deg } => {
            for r in [7.0, 13.0, 19.0] {
                let (p, q) = (at.go(deg - 35.0, r), at.go(deg + 35.0, r));
                let _ = writeln!(
                    out,
                    "  <path class=\"accent\" d=\"M{} {} A{} {} 0 0 1 {} {}\" stroke-width=\"3\"/>",
                    n(p.x),
                    n(p.y),
                    n(r),
                    n(r),
                    n(q.x),
                    n(q.y)
                );
            }
        }
        Mark::Measure(a, b) => {
            let across = a.angle_to(*b) + 90.0;
            let tick = |p: Pt| path(&[p.go(across, 4.0), p.go(across, -4.0)]);
            let _ = writeln!(
                out,
                "  <path class=\"accent\" d=\"{} {} {}\" stroke-width=\"2.5\"/>",
                path(&[*a, *b]),
                tick(*a),
                tick(*b)
            );
        }
        Mark::Ring(c, r) => {
            let _ = writeln!(
                out,
                "  <circle class=\"accent\" cx=\"{}\" cy=\"{}\" r=\"{}\" stroke-width=\"3\"/>",
                n(c.x),
                n(c.y),
                n(*r)
            );
        }
        Mark::Cross(c, r) => {
            let d: Vec<String> = [45.0, 135.0]
                .iter()
                .map(|deg| path(&[c.go(*deg, *r), c.go(deg + 180.0, *r)]))
                .collect();
            let _ = writeln!(
                out,
                "  <path class=\"accent\" d=\"{}\" stroke-width=\"4\"/>",
                d.join(" ")
            );
        }
        Mark::PadFace {
            at,
            deg,
            w,
            h,
            ghost,
        } => {
            let corner = |a: f64, b: f64| at.go(*deg, a * w / 2.0).go(deg + 90.0, b * h / 2.0);
            let pts = [
                corner(-1.0, -1.0),
                corner(1.0, -1.0),
                corner(1.0, 1.0),
                corner(-1.0, 1.0),
            ];
            let look = if *ghost {
                "class=\"accent\" stroke-width=\"2.5\" stroke-dasharray=\"4 4\""
            } else {
                "class=\"accent accent-fill\" stroke-width=\"3\""
            };
            let _ = writeln!(out, "  <path {look} d=\"{}Z\"/>", path(&pts));
        }
        Mark::Thing(pts, w) => {
            let _ = writeln!(
                out,
                "  <path d=\"{}\" stroke-width=\"{}\" opacity=\"0.6\"/>",
                path(pts),
                n(*w)
            );
        }
        Mark::Inset { at, scene } => inset(out, id, *at, scene),
    }
}

fn path(pts: &[Pt]) -> String {
    let mut d = String::new();
    for (i, p) in pts.iter().enumerate() {
        let _ = write!(
            d,
            "{}{} {}",
            if i == 0 { "M" } else { " L" },
            n(p.x),
            n(p.y)
        );
    }
    d
}

fn head(out: &mut String, tip: Pt, deg: f64, len: f64, w: f64) {
    let _ = writeln!(
        out,
        "  <path class=\"accent\" d=\"{}\" stroke-width=\"{}\"/>",
        path(&[tip.go(deg + 150.0, len), tip, tip.go(deg - 150.0, len)]),
        n(w)
    );
}

/// A scene inside a frame of this one: its items, scaled, clipped to the
/// frame (the clip's id is made from the picture's own), then the frame.
fn inset(out: &mut String, id: &str, at: [f64; 4], scene: &Scene) {
    let [x, y, w, h] = at;
    let [sx, sy, sw, sh] = scene.view;
    let k = (w / sw).min(h / sh);
    let (dx, dy) = (
        x + (w - sw * k) / 2.0 - sx * k,
        y + (h - sh * k) / 2.0 - sy * k,
    );
    let clip = format!("{id}-inset");
    let _ = writeln!(
        out,
        "  <clipPath id=\"{clip}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"10\"/></clipPath>",
        n(x),
        n(y),
        n(w),
        n(h)
    );
    let _ = writeln!(
        out,
        "  <g clip-path=\"url(#{clip})\"><g transform=\"translate({} {}) scale({})\">",
        n(dx),
        n(dy),
        (k * 1000.0).round() / 1000.0
    );
    let inner = super::render(scene);
    // The body of the inner picture: without its <svg> element and the
    // comment that says where it comes from.
    for line in inner.lines().skip(2) {
        if line != "</svg>" {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str("  </g></g>\n");
    let _ = writeln!(
        out,
        "  <rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"10\" stroke-width=\"2.5\"/>",
        n(x),
        n(y),
        n(w),
        n(h)
    );
}
