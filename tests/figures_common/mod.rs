//! Geometry shared by the picture tests (`figures_poses`, `figures_pads`,
//! `figures_hands`): finding a scene and its people, distances to limbs,
//! where a point lies on a torso.
#![allow(dead_code)]

use firstaid::figures::{self, Figure, Item, Part, Pt, Role, Scene};

pub fn scene(name: &str) -> Scene {
    figures::scene(name).unwrap_or_else(|| panic!("no scene {name}"))
}

/// The first figure of `role` drawn whole, and where it is in the items.
pub fn person(items: &[Item], role: Role) -> (usize, &Figure) {
    items
        .iter()
        .enumerate()
        .find_map(|(i, item)| match item {
            Item::Figure(f, Part::All) if f.role == role => Some((i, f)),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no {role:?} drawn whole"))
}

/// The first figure of `role`, whichever part of it is drawn.
pub fn figure(items: &[Item], role: Role) -> &Figure {
    items
        .iter()
        .find_map(|i| match i {
            Item::Figure(f, _) if f.role == role => Some(f),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no {role:?}"))
}

/// The distance from `p` to the segment `ab`.
pub fn to_segment(p: Pt, (a, b): (Pt, Pt)) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0)
    };
    p.dist(figures::pt(a.x + dx * t, a.y + dy * t))
}

/// The distance between two segments (0 when they cross).
pub fn between(s: (Pt, Pt), t: (Pt, Pt)) -> f64 {
    let side = |o: Pt, a: Pt, b: Pt| (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
    if side(t.0, t.1, s.0) * side(t.0, t.1, s.1) < 0.0
        && side(s.0, s.1, t.0) * side(s.0, s.1, t.1) < 0.0
    {
        return 0.0;
    }
    [
        to_segment(s.0, t),
        to_segment(s.1, t),
        to_segment(t.0, s),
        to_segment(t.1, s),
    ]
    .into_iter()
    .fold(f64::MAX, f64::min)
}

/// The two segments of a limb: upper and lower.
pub fn segments(j: figures::body::Joints) -> [(Pt, Pt); 2] {
    [(j.root, j.mid), (j.mid, j.end)]
}

/// Where `p` lies on `f`'s torso: how far along it (0 at the hips, 1 at
/// the shoulders) and how far off its midline, in the picture's units.
pub fn on_torso(f: &Figure, p: Pt) -> (f64, f64) {
    let (hip, shoulder) = (f.torso_at(0.0, 0.0), f.torso_at(1.0, 0.0));
    let a = (hip.angle_to(p) - hip.angle_to(shoulder)).to_radians();
    let r = hip.dist(p);
    (r * a.cos() / hip.dist(shoulder), (r * a.sin()).abs())
}

/// How far the segment `s` passes from the outline of `f` drawn whole
/// (0 when it touches or crosses a limb, the torso or the head).
pub fn gap_to_figure(f: &Figure, s: (Pt, Pt)) -> f64 {
    use figures::Shape;
    figures::body::shapes(f, Part::All)
        .into_iter()
        .flat_map(|shape| {
            let (segs, half): (Vec<(Pt, Pt)>, f64) = match shape {
                Shape::Line(pts, w) => (pts.windows(2).map(|p| (p[0], p[1])).collect(), w / 2.0),
                Shape::Dot(c, r) => (vec![(c, c)], r),
                Shape::Poly(pts) => (pts.windows(2).map(|p| (p[0], p[1])).collect(), 0.0),
            };
            segs.into_iter()
                .map(move |seg| (between(seg, s) - half).max(0.0))
        })
        .fold(f64::MAX, f64::min)
}

/// The strokes of an arrow as drawn: the shaft and the two sides of its
/// head.
pub fn arrow_strokes(from: Pt, deg: f64, len: f64) -> [(Pt, Pt); 3] {
    let tip = from.go(deg, len);
    [
        (from, tip),
        (tip, tip.go(deg + 150.0, 13.0)),
        (tip, tip.go(deg - 150.0, 13.0)),
    ]
}

/// The first arrow of a picture: where it starts, its direction, its length.
pub fn arrow(items: &[Item]) -> (Pt, f64, f64) {
    items
        .iter()
        .find_map(|i| match i {
            Item::Arrow { from, deg, len } => Some((*from, *deg, *len)),
            _ => None,
        })
        .expect("an arrow")
}
