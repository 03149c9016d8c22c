//! Illustrations as data: people drawn from poses, rendered to SVG.
//!
//! Every technique picture in `content/illustrations/` that shows a rescuer
//! and a casualty is a [`Scene`] here: figures of a given build (adult,
//! child, baby) placed by joint angles, hands that reach exact contact
//! points on the casualty's body (two-bone inverse kinematics), and force
//! arrows. [`render`] writes the SVG deterministically; a native test
//! checks that every committed file equals a fresh render
//! (`FIRSTAID_BLESS=1` rewrites them), so a picture cannot drift from its
//! data. Each scene declares the [`Scene::technique`] it shows; lesson
//! steps declare the technique they teach (`shows`), and the content tests
//! fail when the two differ.
//!
//! Style: silhouettes in `currentColor`, mostly from the side (a person
//! lying is sometimes seen from above, the rescuer's arms reaching in from
//! the bottom edge) — the rescuer solid, the casualty at reduced opacity,
//! things lighter still — with the contact point and the direction
//! of force in the theme's accent (`class="accent"`), so the pictures read
//! on light and dark backgrounds alike. No `style`, no script: the app
//! inlines the SVG under a CSP that forbids inline styles.

mod above;
mod aed;
mod airway;
pub mod body;
mod check;
mod choking;
mod cpr;
mod depth;
mod hands;
mod infant;
mod marks;
pub mod motion;
mod recovery;
mod thrusts;

use std::fmt::Write as _;

pub use body::{Build, Figure, Hand, Limb, Part, Role, Shape, View};
pub use marks::Mark;
pub use motion::{Key, Motion};

/// A point in the scene's coordinates (SVG: y grows downwards).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pt {
    pub x: f64,
    pub y: f64,
}

pub const fn pt(x: f64, y: f64) -> Pt {
    Pt { x, y }
}

impl Pt {
    /// The point `len` away in direction `deg` (0 = right, 90 = down).
    pub fn go(self, deg: f64, len: f64) -> Pt {
        let r = deg.to_radians();
        pt(self.x + len * r.cos(), self.y + len * r.sin())
    }
    pub fn dist(self, o: Pt) -> f64 {
        (self.x - o.x).hypot(self.y - o.y)
    }
    /// Direction from `self` to `o`, in degrees.
    pub fn angle_to(self, o: Pt) -> f64 {
        (o.y - self.y).atan2(o.x - self.x).to_degrees()
    }
}

/// Something drawn in a scene, in drawing order.
#[derive(Debug, Clone)]
pub enum Item {
    /// A person, all of them or one side (see [`Part`]).
    Figure(Figure, Part),
    /// A solid stroke through points (fingers, a thumb, a seat), `width` wide.
    Stroke(Vec<Pt>, f64),
    /// The floor (or a seat): a line from `a` to `b`.
    Ground(Pt, Pt),
    /// A force arrow: from `from`, `len` long, in direction `deg`.
    Arrow { from: Pt, deg: f64, len: f64 },
    /// The point of contact, ringed in the accent colour.
    Contact(Pt),
    /// An AED pad seen edge-on: a thick accent bar from `a` to `b`.
    Pad(Pt, Pt),
    /// A curved movement arrow (a swing, a roll): an arc round `centre`.
    Swing {
        centre: Pt,
        r: f64,
        from: f64,
        to: f64,
    },
    /// A gaze, a shout, a depth, a pad face on, a thing, a close-up.
    Mark(Mark),
}

/// One picture.
#[derive(Debug, Clone)]
pub struct Scene {
    /// The illustration's file name without `.svg`.
    pub name: &'static str,
    /// The technique the picture shows (steps declare the same in `shows`).
    pub technique: &'static str,
    /// The viewBox: x, y, width, height.
    pub view: [f64; 4],
    pub items: Vec<Item>,
    /// The loop the picture plays, if it moves (see [`motion`]); the
    /// items above are its still frame.
    pub motion: Option<Motion>,
}

/// Every scene, in a fixed order.
pub fn scenes() -> Vec<Scene> {
    let mut v = choking::scenes();
    v.extend(cpr::scenes());
    v.extend(thrusts::scenes());
    v.extend(airway::scenes());
    v.extend(infant::scenes());
    v.extend(depth::scenes());
    v.extend(check::scenes());
    v.extend(recovery::scenes());
    v.extend(aed::scenes());
    v
}

/// The scene called `name`, if there is one.
pub fn scene(name: &str) -> Option<Scene> {
    scenes().into_iter().find(|s| s.name == name)
}

/// A number for SVG: one decimal, no trailing `.0`, no `-0`.
pub(crate) fn n(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    let s = format!("{r:.1}");
    let s = s.strip_suffix(".0").unwrap_or(&s).to_owned();
    if s == "-0" {
        "0".into()
    } else {
        s
    }
}

/// The space cut out round a figure where it passes in front of another.
const GAP: f64 = 2.5;

/// The shapes an item draws, and whether it is a casualty (drawn lighter).
pub(crate) fn item_shapes(item: &Item) -> Option<(Vec<Shape>, bool)> {
    match item {
        Item::Figure(f, part) => Some((body::shapes(f, *part), f.role == Role::Casualty)),
        Item::Stroke(pts, w) => Some((vec![Shape::Line(pts.clone(), *w)], false)),
        _ => None,
    }
}

/// Whether item `later` cuts a gap into item `earlier`: a figure in front
/// of another person, or a stroke (a thumb, fingers) over a casualty.
fn cuts(earlier: &Item, later: &Item) -> bool {
    match (earlier, later) {
        (Item::Figure(a, pa), Item::Figure(b, pb)) => a != b || body::cuts_itself(a, *pa, *pb),
        (Item::Figure(a, _), Item::Stroke(..)) => a.role == Role::Casualty,
        _ => false,
    }
}

/// The SVG text of a scene.
pub fn render(s: &Scene) -> String {
    let [x, y, w, h] = s.view;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{} {} {} {}\" \
         data-technique=\"{}\" fill=\"none\" stroke=\"currentColor\" \
         stroke-linecap=\"round\" stroke-linejoin=\"round\">",
        n(x),
        n(y),
        n(w),
        n(h),
        s.technique
    );
    let _ = writeln!(
        out,
        "  <!-- Generated from src/figures/ ({}); do not edit: rerun the figures \
         test with FIRSTAID_BLESS=1 -->",
        s.name
    );
    let plan = motion::plan(s);
    for (i, item) in s.items.iter().enumerate() {
        if let Some((_, light)) = item_shapes(item) {
            let front: Vec<&motion::Drawn> = s.items[i + 1..]
                .iter()
                .zip(&plan.shapes[i + 1..])
                .filter(|(later, _)| cuts(item, later))
                .flat_map(|(_, drawn)| drawn)
                .collect();
            let mut attrs = String::new();
            if light {
                attrs.push_str(" opacity=\"0.5\"");
            }
            if !front.is_empty() {
                let id = format!("{}-cut-{i}", s.name);
                let _ = writeln!(
                    out,
                    "  <mask id=\"{id}\" maskUnits=\"userSpaceOnUse\" x=\"{}\" y=\"{}\" \
                     width=\"{}\" height=\"{}\">\n    <rect x=\"{}\" y=\"{}\" width=\"{}\" \
                     height=\"{}\" fill=\"white\" stroke=\"none\"/>",
                    n(x),
                    n(y),
                    n(w),
                    n(h),
                    n(x),
                    n(y),
                    n(w),
                    n(h)
                );
                motion::emit(&mut out, &plan.names, &front, Some(GAP));
                out.push_str("  </mask>\n");
                let _ = write!(attrs, " mask=\"url(#{id})\"");
            }
            let _ = writeln!(out, "  <g{attrs}>");
            let own: Vec<&motion::Drawn> = plan.shapes[i].iter().collect();
            motion::emit(&mut out, &plan.names, &own, None);
            out.push_str("  </g>\n");
            continue;
        }
        if let Some(c) = plan.marks[i] {
            let _ = writeln!(out, "  <g class=\"fm {}\">", plan.names[c]);
        }
        match item {
            Item::Figure(..) | Item::Stroke(..) => {}
            Item::Ground(a, b) => {
                let _ = writeln!(
                    out,
                    "  <path d=\"M{} {} L{} {}\" stroke-width=\"3\" opacity=\"0.5\"/>",
                    n(a.x),
                    n(a.y),
                    n(b.x),
                    n(b.y)
                );
            }
            Item::Arrow { from, deg, len } => arrow(&mut out, *from, *deg, *len),
            Item::Mark(m) => marks::render(&mut out, &format!("{}-{i}", s.name), m),
            Item::Pad(a, b) => {
                let _ = writeln!(
                    out,
                    "  <path class=\"accent\" d=\"M{} {} L{} {}\" stroke-width=\"7\"/>",
                    n(a.x),
                    n(a.y),
                    n(b.x),
                    n(b.y)
                );
            }
            Item::Contact(p) => {
                let _ = writeln!(
                    out,
                    "  <circle class=\"accent\" cx=\"{}\" cy=\"{}\" r=\"8\" stroke-width=\"3\"/>",
                    n(p.x),
                    n(p.y)
                );
            }
            Item::Swing {
                centre,
                r,
                from,
                to,
            } => {
                let a = centre.go(*from, *r);
                let b = centre.go(*to, *r);
                let sweep = u8::from(to > from);
                let large = u8::from((to - from).abs() > 180.0);
                let _ = writeln!(
                    out,
                    "  <path class=\"accent\" d=\"M{} {} A{} {} 0 {large} {sweep} {} {}\" \
                     stroke-width=\"4\"/>",
                    n(a.x),
                    n(a.y),
                    n(*r),
                    n(*r),
                    n(b.x),
                    n(b.y)
                );
                let tangent = if to > from { to + 90.0 } else { to - 90.0 };
                head(&mut out, b, tangent);
            }
        }
        if plan.marks[i].is_some() {
            out.push_str("  </g>\n");
        }
    }
    out.push_str("</svg>\n");
    out
}

fn arrow(out: &mut String, from: Pt, deg: f64, len: f64) {
    let to = from.go(deg, len);
    let _ = writeln!(
        out,
        "  <path class=\"accent\" d=\"M{} {} L{} {}\" stroke-width=\"5\"/>",
        n(from.x),
        n(from.y),
        n(to.x),
        n(to.y)
    );
    head(out, to, deg);
}

fn head(out: &mut String, tip: Pt, deg: f64) {
    let a = tip.go(deg + 150.0, 13.0);
    let b = tip.go(deg - 150.0, 13.0);
    let _ = writeln!(
        out,
        "  <path class=\"accent\" d=\"M{} {} L{} {} L{} {}\" stroke-width=\"5\"/>",
        n(a.x),
        n(a.y),
        n(tip.x),
        n(tip.y),
        n(b.x),
        n(b.y)
    );
}
