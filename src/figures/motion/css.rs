//! A motion as CSS: the classes the SVG names and their keyframes.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use sha2::{Digest, Sha256};

use super::{plan, Drawn, Place, Xf};
use crate::figures::body;
use crate::figures::{n, Pt, Scene};

/// Writes the shapes of one item, each run of shapes that move alike in
/// a `<g>` of their class (or black and widened by `gap`, for a mask).
pub(crate) fn emit(out: &mut String, names: &[String], drawn: &[&Drawn], gap: Option<f64>) {
    let mut i = 0;
    while i < drawn.len() {
        let class = drawn[i].class;
        let run = drawn[i..]
            .iter()
            .take_while(|d| d.class == class)
            .map(|d| d.shape.clone())
            .collect::<Vec<_>>();
        i += run.len();
        match class {
            None => body::emit(out, &run, gap),
            Some(c) => {
                let _ = writeln!(out, "    <g class=\"fm {}\">", names[c]);
                body::emit(out, &run, gap);
                out.push_str("    </g>\n");
            }
        }
    }
}

fn deg(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_owned()
    }
}

fn factor(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn transform(xf: &Xf, p: Place) -> String {
    let px = |v: Pt| format!("{}px, {}px", n(v.x), n(v.y));
    let back = Pt {
        x: -xf.at.x,
        y: -xf.at.y,
    };
    if xf.slides_only() {
        format!("translate({})", px(p.to))
    } else if xf.places.iter().all(|p| p.k == 1.0 && p.m == 1.0) {
        // Without a stretch the two turns are one.
        format!(
            "translate({}) rotate({}deg) translate({})",
            px(p.to),
            deg(p.turn - xf.from),
            px(back)
        )
    } else {
        format!(
            "translate({}) rotate({}deg) scale({}, {}) rotate({}deg) translate({})",
            px(p.to),
            deg(p.turn),
            factor(p.k),
            factor(p.m),
            deg(-xf.from),
            px(back)
        )
    }
}

fn percent(at: f64) -> String {
    let s = format!("{:.1}", at * 100.0);
    format!("{}%", s.trim_end_matches('0').trim_end_matches('.'))
}

/// A class's name and CSS: the animation, and keyframes at the still
/// frame (0 %, 100 %) and at every key (keys in the same place share a
/// line).
pub(super) fn rule(xf: &Xf, ats: &[f64], period: f64) -> (String, String) {
    let mut lines: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut order = Vec::new();
    let still = [(0.0, xf.still())];
    let keys = ats.iter().copied().zip(xf.places.iter().copied());
    for (at, place) in still.into_iter().chain(keys).chain([(1.0, xf.still())]) {
        let t = transform(xf, place);
        if !lines.contains_key(&t) {
            order.push(t.clone());
        }
        lines.entry(t).or_default().push(percent(at));
    }
    let mut frames = String::new();
    for t in order {
        let _ = writeln!(frames, "  {} {{ transform: {t}; }}", lines[&t].join(", "));
    }
    let timing = format!("{}s ease-in-out infinite", factor(period));
    let hash = Sha256::digest(format!("{timing}\n{frames}").as_bytes());
    let name = format!(
        "fm-{:02x}{:02x}{:02x}{:02x}",
        hash[0], hash[1], hash[2], hash[3]
    );
    let rule =
        format!(".{name} {{ animation: {name} {timing}; }}\n@keyframes {name} {{\n{frames}}}\n");
    (name, rule)
}

/// The keyframes of every moving scene, for `style/figures.css`: each
/// rule once, in the order of the scenes.
pub fn css(scenes: &[Scene]) -> String {
    let mut out = String::from(
        "/* Generated from src/figures/ (motion/): the technique pictures' loops.\n \
         * Do not edit: rerun the figures test with FIRSTAID_BLESS=1. When motion\n \
         * is off (main.css), `animation: none` leaves each picture's still frame. */\n",
    );
    let mut seen = std::collections::BTreeSet::new();
    for s in scenes.iter().filter(|s| s.motion.is_some()) {
        let p = plan(s);
        for (name, rule) in p.names.iter().zip(&p.rules) {
            if seen.insert(name.clone()) {
                out.push_str(rule);
            }
        }
    }
    out
}
