//! Motion: a technique picture as a short loop (issue #14, "teach the
//! hands"), declared as data and played by CSS.
//!
//! A scene may declare a [`Motion`]: the poses its people pass through
//! ([`Key`]) — the scene's own items again, posed otherwise (hands lower
//! on a pressed chest, an arm swung down onto the back) — and how long
//! one loop takes. The loop starts and ends at the scene itself: **the
//! still frame is the scene's own geometry**, the pose the step's words
//! describe, and it is what shows when the motion is off.
//!
//! From the poses, [`plan`] works out how every drawn shape moves. Each
//! shape (a torso, an upper arm, a head) moves as one piece: a rotation
//! about its first point and a translation, or, for a line whose length
//! or width changes, a stretch along it or a squash across it. A line
//! whose joints bend between poses (an arm, a leg) is drawn as one line
//! per segment, which paints the same as the whole line (round caps and
//! joins), so each segment can turn on its own. A chest under the hands
//! is pressed with [`Key::press`]: the casualty's torso gets thinner with
//! its back where it was ([`pressed`] says where a point of it goes), and
//! the neck, arms and legs keep their ends on it.
//!
//! How it plays: every moving shape is wrapped in `<g class="fm
//! fm-<hash>">` in the SVG, and [`css`] writes one `@keyframes` per class
//! into `style/figures.css`, the app's stylesheet (the name is a hash of
//! the rule, so pictures that move alike share it). Each keyframe is
//! `translate(to) rotate(turn) scale(k, m) rotate(-from) translate(-at)`
//! (shorter where nothing turns or stretches): the same list of
//! functions in every keyframe of a class, so a
//! browser interpolates each function on its own — the pivot moves in a
//! straight line while the shape turns about it — and the origin of the
//! transform is the picture's own `0 0` (`transform-origin: 0 0`,
//! `transform-box: view-box`), so the result does not depend on the size
//! of the picture on screen. Two shapes that meet at a joint each move
//! their own way between poses, so the joint may open a little in
//! between; `tests/figures_motion.rs` samples every loop and holds the
//! opening to a fraction of the line's width, and checks that no moving
//! hand sinks further into the other person than it does in the still.
//!
//! Why CSS and not SMIL: the still frame must show whenever motion is off
//! — under `prefers-reduced-motion: reduce`, when the app's own setting
//! says so, in print — and CSS can say that (`animation: none` leaves the
//! shape where the scene put it), while a SMIL animation can only be
//! stopped by script and then shows the frame it stopped on. Animating
//! the path data itself (CSS `d:`) does not work in Safari; transforms
//! of groups work in Chromium and Safari alike. The SVG keeps no script,
//! no `style` attribute and no `<style>` element (the app inlines it
//! under a CSP that forbids inline styles): only class names, whose
//! keyframes are in the stylesheet. A picture opened on its own shows
//! the still frame.
//!
//! What a loop cannot do: change the drawing order (a limb that passes
//! from behind a body to in front of it) or bend one line smoothly
//! (each segment stays straight). A big movement (a roll) needs several
//! keys so that the joints stay together in between.

mod css;

pub use css::css;
pub(crate) use css::emit;

use super::body::{Figure, Role, Shape};
use super::marks::Mark;
use super::{item_shapes, Item, Pt, Scene};

/// A scene's loop: from the still frame through the keys and back.
#[derive(Debug, Clone)]
pub struct Motion {
    /// One loop, in seconds (compressions at 110 a minute: 60/110).
    pub period: f64,
    /// The poses after the still frame, in order of [`Key::at`].
    pub keys: Vec<Key>,
}

/// One pose of the loop.
#[derive(Debug, Clone)]
pub struct Key {
    /// When, as a fraction of the loop (0 < `at` < 1; the loop is at the
    /// still frame at 0 and 1). Two keys with the same items hold a pose.
    pub at: f64,
    /// The scene's items in this pose: the same items in the same order,
    /// the same builds and parts; only where things are may differ.
    pub items: Vec<Item>,
    /// How far the casualty's chest is pressed in (0: not at all): their
    /// torso is thinner by this much, its back where it was. Less than 0:
    /// the chest rises (a breath), the torso thicker by as much.
    pub press: f64,
}

impl Motion {
    /// Compressions at 110 a minute: pressed by `by` half-way through each
    /// beat (`pressed`: the scene's items then), then full recoil.
    pub fn compressions(pressed: Vec<Item>, by: f64) -> Motion {
        Motion {
            period: 60.0 / 110.0,
            keys: vec![Key {
                at: 0.5,
                items: pressed,
                press: by,
            }],
        }
    }
}

/// Where point `p` of (or near) `f`'s torso goes when the chest is pressed
/// in by `by`: towards the back, in proportion to its distance from it.
pub fn pressed(f: &Figure, by: f64, p: Pt) -> Pt {
    let w = f.dims().torso_w;
    let front = f.front().to_radians();
    let (fx, fy) = (front.cos(), front.sin());
    let back = f.hip.go(f.front() + 180.0, w / 2.0);
    let across = (p.x - back.x) * fx + (p.y - back.y) * fy;
    let shift = across * by / w;
    Pt {
        x: p.x - fx * shift,
        y: p.y - fy * shift,
    }
}

/// The distance between two segments (zero where they cross).
pub fn segment_gap(a: (Pt, Pt), b: (Pt, Pt)) -> f64 {
    let cross = |o: Pt, p: Pt, q: Pt| (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x);
    let (d1, d2) = (cross(b.0, b.1, a.0), cross(b.0, b.1, a.1));
    let (d3, d4) = (cross(a.0, a.1, b.0), cross(a.0, a.1, b.1));
    if d1 * d2 < 0.0 && d3 * d4 < 0.0 {
        return 0.0;
    }
    let to_seg = |p: Pt, (s, e): (Pt, Pt)| {
        let (dx, dy) = (e.x - s.x, e.y - s.y);
        let len2 = dx * dx + dy * dy;
        let t = if len2 > 0.0 {
            (((p.x - s.x) * dx + (p.y - s.y) * dy) / len2).clamp(0.0, 1.0)
        } else {
            0.0
        };
        p.dist(Pt {
            x: s.x + t * dx,
            y: s.y + t * dy,
        })
    };
    to_seg(a.0, b)
        .min(to_seg(a.1, b))
        .min(to_seg(b.0, a))
        .min(to_seg(b.1, a))
}

/// Where a moving shape is in one pose:
/// `x ↦ to + R(turn) · scale(k, m) · R(−from) · (x − at)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    pub to: Pt,
    pub turn: f64,
    pub k: f64,
    pub m: f64,
}

/// How one shape moves through the loop: its pivot `at` and direction
/// `from` in the still frame, and its [`Place`] in every key. Values are
/// rounded as the stylesheet writes them, so what is tested is what plays.
#[derive(Debug, Clone, PartialEq)]
pub struct Xf {
    pub at: Pt,
    pub from: f64,
    pub places: Vec<Place>,
}

impl Xf {
    /// The place of the still frame (the identity).
    pub fn still(&self) -> Place {
        Place {
            to: self.at,
            turn: self.from,
            k: 1.0,
            m: 1.0,
        }
    }

    /// The place at `t` (0..1) of a loop with keys at `ats`, interpolated
    /// function by function as a browser does (linearly between keys:
    /// every shape shares the same easing, so the shape of a frame does
    /// not depend on it).
    pub fn place_at(&self, ats: &[f64], t: f64) -> Place {
        let mut times = vec![0.0];
        times.extend_from_slice(ats);
        times.push(1.0);
        let mut places = vec![self.still()];
        places.extend_from_slice(&self.places);
        places.push(self.still());
        let i = (0..times.len() - 1)
            .find(|&i| t <= times[i + 1])
            .unwrap_or(times.len() - 2);
        let span = times[i + 1] - times[i];
        let u = if span > 0.0 {
            ((t - times[i]) / span).clamp(0.0, 1.0)
        } else {
            1.0
        };
        let (a, b) = (places[i], places[i + 1]);
        let lerp = |x: f64, y: f64| x + (y - x) * u;
        Place {
            to: Pt {
                x: lerp(a.to.x, b.to.x),
                y: lerp(a.to.y, b.to.y),
            },
            turn: lerp(a.turn, b.turn),
            k: lerp(a.k, b.k),
            m: lerp(a.m, b.m),
        }
    }

    /// Moves a point of the still frame to `place`.
    pub fn apply(&self, place: Place, p: Pt) -> Pt {
        let (dx, dy) = (p.x - self.at.x, p.y - self.at.y);
        let (s, c) = (-self.from).to_radians().sin_cos();
        let (x, y) = ((dx * c - dy * s) * place.k, (dx * s + dy * c) * place.m);
        let (s, c) = place.turn.to_radians().sin_cos();
        Pt {
            x: place.to.x + x * c - y * s,
            y: place.to.y + x * s + y * c,
        }
    }

    /// Whether every key leaves the shape where it is.
    fn is_still(&self) -> bool {
        self.places.iter().all(|p| *p == self.still())
    }

    /// Whether the shape only slides (no turn, stretch or squash).
    fn slides_only(&self) -> bool {
        self.places
            .iter()
            .all(|p| p.turn == self.from && p.k == 1.0 && p.m == 1.0)
    }
}

fn round(v: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    let r = (v * f).round() / f;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

fn round_pt(p: Pt) -> Pt {
    Pt {
        x: round(p.x, 1),
        y: round(p.y, 1),
    }
}

/// The shape's points, and its width (lines) or radius (dots).
fn geometry(s: &Shape) -> (&[Pt], f64) {
    match s {
        Shape::Line(p, w) => (p, *w),
        Shape::Dot(c, r) => (std::slice::from_ref(c), *r),
        Shape::Poly(p) => (p, 0.0),
    }
}

/// The motion taking shape `a` (still) to `b` in each key, if one rigid
/// movement with a stretch along its first segment and a squash across it
/// does it (within 0.2 of a unit at every point, what rounding leaves).
fn fit(a: &Shape, keys: &[Shape]) -> Option<Xf> {
    let (pa, wa) = geometry(a);
    let from = if pa.len() > 1 {
        pa[0].angle_to(pa[1])
    } else {
        0.0
    };
    let mut xf = Xf {
        at: round_pt(pa[0]),
        from: round(from, 2),
        places: Vec::new(),
    };
    for b in keys {
        let (pb, wb) = geometry(b);
        if pb.len() != pa.len() || std::mem::discriminant(a) != std::mem::discriminant(b) {
            return None;
        }
        let (turn, k) = if pa.len() > 1 && pa[0].dist(pa[1]) > 1e-9 {
            let delta = (pb[0].angle_to(pb[1]) - from + 540.0).rem_euclid(360.0) - 180.0;
            (from + delta, pb[0].dist(pb[1]) / pa[0].dist(pa[1]))
        } else {
            (from, 1.0)
        };
        let m = match (a, b) {
            (Shape::Line(..), _) => wb / wa,
            _ if (wb - wa).abs() > 1e-9 => return None,
            _ => 1.0,
        };
        let place = Place {
            to: round_pt(pb[0]),
            turn: round(turn, 2),
            k: round(k, 3),
            m: round(m, 3),
        };
        xf.places.push(place);
        if pa
            .iter()
            .zip(pb)
            .any(|(p, q)| xf.apply(place, *p).dist(*q) > 0.2)
        {
            return None;
        }
    }
    if xf.slides_only() {
        // A slide is the same whatever the pivot: one class for all of it.
        let at = xf.at;
        xf.at = Pt { x: 0.0, y: 0.0 };
        xf.from = 0.0;
        for p in &mut xf.places {
            p.to = round_pt(Pt {
                x: p.to.x - at.x,
                y: p.to.y - at.y,
            });
            p.turn = 0.0;
        }
    }
    Some(xf)
}

/// The shapes of an item in a pose, with the casualty's chest pressed in
/// by `press`: every point on their torso moves as [`pressed`] says — the
/// torso itself gets thinner, and the ends of the neck, arms and legs
/// that meet it stay on it, while their other ends stay where they are.
fn posed_shapes(item: &Item, press: f64) -> Vec<Shape> {
    let Some((mut shapes, _)) = item_shapes(item) else {
        return Vec::new();
    };
    if let Item::Figure(f, _) = item {
        if f.role == Role::Casualty && press != 0.0 {
            let w = f.dims().torso_w;
            let torso = vec![f.hip, f.shoulder()];
            let on = |p: &mut Pt| {
                if segment_gap((*p, *p), (f.hip, f.shoulder())) <= w / 2.0 {
                    *p = pressed(f, press, *p);
                }
            };
            for s in &mut shapes {
                match s {
                    Shape::Line(p, lw) => {
                        if *p == torso && *lw == w {
                            *lw = w - press;
                        }
                        p.iter_mut().for_each(on);
                    }
                    Shape::Dot(c, _) => on(c),
                    // A face is never on the torso.
                    Shape::Poly(_) => {}
                }
            }
        }
    }
    shapes
}

/// The points a mark that is not a shape (a contact ring, an arrow, a
/// pad) moves by.
fn anchors(item: &Item) -> Vec<Pt> {
    match item {
        Item::Figure(..) | Item::Stroke(..) => Vec::new(),
        Item::Ground(a, b) | Item::Pad(a, b) => vec![*a, *b],
        Item::Arrow { from, deg, len } => vec![*from, from.go(*deg, *len)],
        Item::Contact(p) => vec![*p],
        Item::Mark(m) => match m {
            Mark::Dashed(p) | Mark::Thing(p, _) => p.clone(),
            Mark::Look(a, b) | Mark::Measure(a, b) => vec![*a, *b],
            Mark::Sound { at, deg } => vec![*at, at.go(*deg, 1.0)],
            Mark::Ring(c, _) | Mark::Cross(c, _) => vec![*c],
            Mark::PadFace { at, deg, .. } => vec![*at, at.go(*deg, 1.0)],
            // A close-up stays where it is (its scene is still).
            Mark::Inset { .. } => Vec::new(),
        },
        Item::Swing {
            centre,
            r,
            from,
            to,
        } => vec![*centre, centre.go(*from, *r), centre.go(*to, *r)],
    }
}

/// A drawn shape and the class it moves by, if it moves.
#[derive(Debug, Clone)]
pub struct Drawn {
    pub shape: Shape,
    pub class: Option<usize>,
}

/// How a scene's drawing moves: per item, its shapes (lines split at
/// joints that bend) or, for a mark, one class; and the classes.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub shapes: Vec<Vec<Drawn>>,
    pub marks: Vec<Option<usize>>,
    pub classes: Vec<Xf>,
    /// Each class's name: `fm-` and a hash of its rule, so two pictures
    /// that move alike share one rule.
    pub names: Vec<String>,
    /// Each class's CSS: the animation and its keyframes.
    pub rules: Vec<String>,
    /// When the keys are, as fractions of the loop.
    pub ats: Vec<f64>,
}

impl Plan {
    fn class(&mut self, xf: Xf) -> Option<usize> {
        if xf.is_still() {
            return None;
        }
        match self.classes.iter().position(|c| *c == xf) {
            Some(i) => Some(i),
            None => {
                self.classes.push(xf);
                Some(self.classes.len() - 1)
            }
        }
    }
}

/// Works out how every shape of `s` moves.
///
/// # Panics
/// When a key's items do not match the scene's (count, kinds, builds) or
/// a shape cannot follow its key (a dot that changes size, a polygon
/// that bends): a scene's motion is code, and the figure tests render
/// every scene.
pub fn plan(s: &Scene) -> Plan {
    let mut plan = Plan::default();
    let keys: &[Key] = s.motion.as_ref().map_or(&[], |m| &m.keys);
    plan.ats = keys.iter().map(|k| k.at).collect();
    for k in keys {
        assert!(
            k.items.len() == s.items.len() && 0.0 < k.at && k.at < 1.0,
            "{}: a key at {} must have the scene's {} items and lie inside the loop",
            s.name,
            k.at,
            s.items.len()
        );
    }
    for (i, item) in s.items.iter().enumerate() {
        let still = posed_shapes(item, 0.0);
        let posed: Vec<Vec<Shape>> = keys
            .iter()
            .map(|k| posed_shapes(&k.items[i], k.press))
            .collect();
        let mut drawn = Vec::new();
        for (j, a) in still.iter().enumerate() {
            let bs: Vec<Shape> = posed
                .iter()
                .map(|p| {
                    p.get(j)
                        .cloned()
                        .unwrap_or_else(|| panic!("{}: item {i} has other shapes in a key", s.name))
                })
                .collect();
            if let Some(xf) = fit(a, &bs) {
                let class = plan.class(xf);
                drawn.push(Drawn {
                    shape: a.clone(),
                    class,
                });
                continue;
            }
            // A bending line: one piece per segment.
            let Shape::Line(pts, w) = a else {
                panic!("{}: shape {j} of item {i} cannot follow its keys", s.name);
            };
            for seg in 0..pts.len() - 1 {
                let piece = |sh: &Shape| match sh {
                    Shape::Line(p, w) => Shape::Line(vec![p[seg], p[seg + 1]], *w),
                    _ => unreachable!("kinds checked by fit"),
                };
                let xf = fit(&piece(a), &bs.iter().map(piece).collect::<Vec<_>>())
                    .unwrap_or_else(|| panic!("{}: a segment of item {i} cannot move", s.name));
                let class = plan.class(xf);
                drawn.push(Drawn {
                    shape: Shape::Line(vec![pts[seg], pts[seg + 1]], *w),
                    class,
                });
            }
        }
        plan.shapes.push(drawn);
        let marks = anchors(item);
        let mark = if marks.is_empty() || keys.is_empty() {
            None
        } else {
            let ring = |p: &[Pt]| Shape::Line(p.to_vec(), 1.0);
            let posed: Vec<Shape> = keys.iter().map(|k| ring(&anchors(&k.items[i]))).collect();
            let xf = fit(&ring(&marks), &posed)
                .unwrap_or_else(|| panic!("{}: mark {i} cannot follow its keys", s.name));
            plan.class(xf)
        };
        plan.marks.push(mark);
    }
    let period = s.motion.as_ref().map_or(0.0, |m| m.period);
    for xf in &plan.classes {
        let (name, rule) = css::rule(xf, &plan.ats, period);
        plan.names.push(name);
        plan.rules.push(rule);
    }
    plan
}

impl Plan {
    /// The scene's shapes at `t` (0..1) of its loop, item by item, moved
    /// as a browser moves them (for the tests, which sample whole loops).
    pub fn frame(&self, t: f64) -> Vec<Vec<Shape>> {
        self.shapes
            .iter()
            .map(|drawn| drawn.iter().map(|d| self.moved(d, t)).collect())
            .collect()
    }

    fn moved(&self, d: &Drawn, t: f64) -> Shape {
        let Some(c) = d.class else {
            return d.shape.clone();
        };
        let xf = &self.classes[c];
        let place = xf.place_at(&self.ats, t);
        let mv = |q: &Pt| xf.apply(place, *q);
        match &d.shape {
            Shape::Line(pts, w) => Shape::Line(pts.iter().map(mv).collect(), w * place.m),
            Shape::Dot(c, r) => Shape::Dot(mv(c), *r),
            Shape::Poly(pts) => Shape::Poly(pts.iter().map(mv).collect()),
        }
    }
}
