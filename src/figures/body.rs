//! A person: proportions per build, a pose, and how it is drawn.

use std::fmt::Write as _;

use super::{n, Pt};

/// Body proportions. A baby has a big head on a short, round body and
/// short limbs; a child is in between; an adult is long-limbed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Build {
    Adult,
    /// An adult with a pregnant belly.
    Pregnant,
    Child,
    Baby,
}

/// Segment lengths and widths of a build.
#[derive(Debug, Clone, Copy)]
pub struct Dims {
    pub torso: f64,
    pub torso_w: f64,
    pub head_r: f64,
    pub neck: f64,
    pub upper_arm: f64,
    pub forearm: f64,
    pub hand: f64,
    pub arm_w: f64,
    pub thigh: f64,
    pub shin: f64,
    pub leg_w: f64,
    /// Seen from the front: the width across the shoulders and the hips.
    pub breadth: f64,
    pub hips: f64,
}

impl Build {
    /// Where the breastbone lies along the torso, as `(bottom, top)` from
    /// the hips (0) to the shoulders (1): from the notch at the base of
    /// the neck about a third of the way down (an adult's is about 17 cm
    /// of a 50 cm trunk; a child's and a baby's a little more of theirs).
    /// The pictures put the hands on its lower half.
    pub fn breastbone(self) -> (f64, f64) {
        match self {
            Build::Adult | Build::Pregnant => (0.64, 1.0),
            Build::Child | Build::Baby => (0.6, 1.0),
        }
    }

    pub fn dims(self) -> Dims {
        match self {
            Build::Adult | Build::Pregnant => Dims {
                torso: 62.0,
                torso_w: 26.0,
                head_r: 13.0,
                neck: 7.0,
                upper_arm: 34.0,
                forearm: 30.0,
                hand: 11.0,
                arm_w: 11.0,
                thigh: 44.0,
                shin: 44.0,
                leg_w: 13.0,
                breadth: 40.0,
                hips: 31.0,
            },
            Build::Child => Dims {
                torso: 42.0,
                torso_w: 21.0,
                head_r: 12.0,
                neck: 4.0,
                upper_arm: 22.0,
                forearm: 20.0,
                hand: 8.0,
                arm_w: 8.5,
                thigh: 28.0,
                shin: 27.0,
                leg_w: 10.0,
                breadth: 30.0,
                hips: 24.0,
            },
            Build::Baby => Dims {
                torso: 30.0,
                torso_w: 21.0,
                head_r: 12.5,
                neck: 1.0,
                upper_arm: 11.0,
                forearm: 10.0,
                hand: 4.0,
                arm_w: 7.5,
                thigh: 13.0,
                shin: 11.0,
                leg_w: 8.5,
                breadth: 26.0,
                hips: 21.0,
            },
        }
    }
}

/// Who the person is in the scene: the rescuer is drawn solid, the
/// casualty lighter, so the two read apart where they overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Rescuer,
    Casualty,
}

/// What is at the end of an arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hand {
    /// An open hand (or the heel of the hand) in line with the forearm.
    Open,
    /// A clenched fist.
    Fist,
}

/// An arm or a leg: either absolute angles of its two segments (degrees,
/// 0 = right, 90 = down), or reaching a point with the middle joint bent
/// to one side (`bend` +1 or −1), or, with `bend` 0, held straight and
/// pointing towards the viewer (foreshortened, when the point is nearer
/// than the limb is long).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Limb {
    Angles(f64, f64),
    Reach { to: Pt, bend: f64 },
}

impl Limb {
    /// Reaching `to` a point, the elbow or knee bent the usual way.
    pub fn to(to: Pt) -> Self {
        Limb::Reach { to, bend: 1.0 }
    }
}

/// Where a person is seen from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum View {
    /// In profile (a person lying on their side, seen from above, is in
    /// profile too). Limbs are `[near, far]`.
    Side,
    /// From the front, or from above when lying face up. Limbs are
    /// `[right, left]` of the person; the number is how much of the
    /// torso's length shows (1 when it lies in the picture's plane, less
    /// when it leans towards or away from the viewer).
    Front(f64),
    /// From behind, or from above when leaning over something: as `Front`.
    Back(f64),
    /// In profile, drawn as `Side`, but the torso leans towards or away
    /// from the viewer, so only this much of its length shows (a rescuer
    /// kneeling at the side of a person seen from their side is turned a
    /// quarter from them: bowed over their head, the torso points at the
    /// viewer).
    Turned(f64),
}

/// A person in a pose. In profile, arms and legs are `[near, far]`: the
/// near side is drawn in front of the body, the far side behind it. Seen
/// from the front or behind, they are `[right, left]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub build: Build,
    pub role: Role,
    pub view: View,
    pub hip: Pt,
    /// Direction from the hip to the shoulders.
    pub spine: f64,
    /// Direction from the shoulders to the head.
    pub neck: f64,
    /// Where the face looks (the nose points this way).
    pub face: f64,
    pub arms: [Limb; 2],
    pub hands: [Hand; 2],
    pub legs: [Limb; 2],
}

impl Limb {
    /// The same limb mirrored left to right about the vertical line `x`.
    pub fn mirrored(self, x: f64) -> Limb {
        match self {
            Limb::Angles(u, l) => Limb::Angles(180.0 - u, 180.0 - l),
            Limb::Reach { to, bend } => Limb::Reach {
                to: Pt {
                    x: 2.0 * x - to.x,
                    y: to.y,
                },
                bend: -bend,
            },
        }
    }
}

/// The joints of one limb: root, middle joint, end (wrist or ankle).
#[derive(Debug, Clone, Copy)]
pub struct Joints {
    pub root: Pt,
    pub mid: Pt,
    pub end: Pt,
    /// How far a `Reach` fell short of its target (0 when it reached).
    pub gap: f64,
}

fn solve(root: Pt, a: f64, b: f64, limb: Limb) -> Joints {
    match limb {
        Limb::Angles(u, l) => {
            let mid = root.go(u, a);
            Joints {
                root,
                mid,
                end: mid.go(l, b),
                gap: 0.0,
            }
        }
        // Straight towards the viewer: the limb's segments foreshortened
        // in proportion, reaching a point nearer than its length.
        Limb::Reach { to, bend } if bend == 0.0 && root.dist(to) < a + b => {
            let k = root.dist(to) / (a + b);
            Joints {
                root,
                mid: root.go(root.angle_to(to), a * k),
                end: to,
                gap: 0.0,
            }
        }
        Limb::Reach { to, bend } => {
            let full = root.dist(to);
            let d = full.min(a + b - 0.001).max((a - b).abs() + 0.001);
            let cos = ((a * a + d * d - b * b) / (2.0 * a * d)).clamp(-1.0, 1.0);
            let mid = root.go(root.angle_to(to) + bend * cos.acos().to_degrees(), a);
            let end = mid.go(mid.angle_to(to), b);
            Joints {
                root,
                mid,
                end,
                gap: end.dist(to),
            }
        }
    }
}

impl Figure {
    /// The same pose mirrored left to right about the vertical line `x`
    /// (a person facing the other way).
    pub fn mirrored(&self, x: f64) -> Figure {
        let flip = |a: f64| 180.0 - a;
        Figure {
            hip: Pt {
                x: 2.0 * x - self.hip.x,
                y: self.hip.y,
            },
            spine: flip(self.spine),
            neck: flip(self.neck),
            face: flip(self.face),
            arms: self.arms.map(|l| l.mirrored(x)),
            legs: self.legs.map(|l| l.mirrored(x)),
            ..self.clone()
        }
    }
    pub fn dims(&self) -> Dims {
        self.build.dims()
    }
    pub fn shoulder(&self) -> Pt {
        self.hip.go(self.spine, self.dims().torso * self.shown())
    }
    /// How much of the torso's length shows.
    fn shown(&self) -> f64 {
        match self.view {
            View::Side => 1.0,
            View::Front(k) | View::Back(k) | View::Turned(k) => k,
        }
    }
    /// Drawn in profile (`Side` or `Turned`): limbs `[near, far]`.
    pub fn in_profile(&self) -> bool {
        matches!(self.view, View::Side | View::Turned(_))
    }
    /// Seen from the front or behind: the direction of the person's left.
    pub fn left(&self) -> f64 {
        match self.view {
            View::Back(_) => self.spine - 90.0,
            _ => self.spine + 90.0,
        }
    }
    /// Seen from the front or behind: half the torso's width at `t`
    /// (0 hip, 1 shoulders), a little narrower at the waist.
    fn half_width(&self, t: f64) -> f64 {
        let d = self.dims();
        let straight = d.hips + (d.breadth - d.hips) * t.clamp(0.0, 1.0);
        let waist = 1.0 - 0.08 * (1.0 - ((t - 0.4) / 0.4).powi(2)).max(0.0);
        straight * waist / 2.0
    }
    pub fn head(&self) -> Pt {
        let d = self.dims();
        self.shoulder().go(self.neck, d.neck + d.head_r)
    }
    /// The side of the torso the face is on (chest and belly).
    pub fn front(&self) -> f64 {
        let diff = (self.face - self.spine).rem_euclid(360.0);
        if diff < 180.0 {
            self.spine + 90.0
        } else {
            self.spine - 90.0
        }
    }
    /// A point on the torso: `t` from the hip (0) to the shoulders (1).
    /// In profile, `side` goes from the back surface (−1) through the
    /// spine (0) to the chest or belly surface (+1); seen from the front
    /// or behind, from the person's right edge (−1) to their left (+1).
    pub fn torso_at(&self, t: f64, side: f64) -> Pt {
        let d = self.dims();
        let along = self.hip.go(self.spine, d.torso * self.shown() * t);
        if self.in_profile() {
            along.go(self.front(), side * d.torso_w / 2.0)
        } else {
            along.go(self.left(), side * self.half_width(t))
        }
    }
    /// Where the limbs start: `[arm roots, leg roots]`, each `[near, far]`
    /// or `[right, left]`.
    fn roots(&self) -> [[Pt; 2]; 2] {
        let (sh, hip) = (self.shoulder(), self.hip);
        if self.in_profile() {
            return [[sh, sh], [hip, hip]];
        }
        let d = self.dims();
        let l = self.left();
        let a = d.breadth / 2.0 - d.arm_w * 0.6;
        let g = d.hips / 2.0 - d.leg_w * 0.55;
        [[sh.go(l, -a), sh.go(l, a)], [hip.go(l, -g), hip.go(l, g)]]
    }
    /// Arms `[near, far]`; the end is the centre of the hand, which is
    /// where a `Reach` puts it.
    pub fn arm_joints(&self) -> [Joints; 2] {
        let d = self.dims();
        let r = self.roots()[0];
        [0, 1].map(|i| solve(r[i], d.upper_arm, d.forearm + d.hand / 2.0, self.arms[i]))
    }
    pub fn leg_joints(&self) -> [Joints; 2] {
        let d = self.dims();
        let r = self.roots()[1];
        [0, 1].map(|i| solve(r[i], d.thigh, d.shin, self.legs[i]))
    }
}

/// A drawing primitive: everything a figure is made of.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A round-capped stroke through points.
    Line(Vec<Pt>, f64),
    /// A filled circle.
    Dot(Pt, f64),
    /// A filled polygon.
    Poly(Vec<Pt>),
}

/// Writes shapes in `currentColor`, or, with `gap`, in black and widened
/// by `gap` on every side (for a mask that cuts a figure out of what lies
/// behind it).
pub(crate) fn emit(out: &mut String, shapes: &[Shape], gap: Option<f64>) {
    let g = gap.unwrap_or(0.0);
    let (ink, stroke) = match gap {
        Some(_) => ("black", "stroke=\"black\" "),
        None => ("currentColor", ""),
    };
    for sh in shapes {
        match sh {
            Shape::Line(pts, w) => {
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
                let _ = writeln!(
                    out,
                    "    <path d=\"{d}\" {stroke}stroke-width=\"{}\"/>",
                    n(w + 2.0 * g)
                );
            }
            Shape::Dot(c, r) => {
                let _ = writeln!(
                    out,
                    "    <circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{ink}\" stroke=\"none\"/>",
                    n(c.x),
                    n(c.y),
                    n(r + g)
                );
            }
            Shape::Poly(pts) => {
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
                let edge = match gap {
                    Some(_) => format!("stroke=\"black\" stroke-width=\"{}\"", n(2.0 * g)),
                    None => "stroke=\"none\"".into(),
                };
                let _ = writeln!(out, "    <path d=\"{d}Z\" fill=\"{ink}\" {edge}/>");
            }
        }
    }
}

fn arm(v: &mut Vec<Shape>, f: &Figure, j: Joints, hand: Hand) {
    let d = f.dims();
    let along = j.mid.angle_to(j.end);
    let reach = d.forearm + d.hand / 2.0;
    // A forearm foreshortened (see `Limb::Reach`) keeps the hand whole.
    let wrist = if (j.mid.dist(j.end) - reach).abs() < 0.01 {
        j.mid.go(along, d.forearm)
    } else {
        j.end.go(along + 180.0, d.hand / 2.0)
    };
    v.push(Shape::Line(vec![j.root, j.mid, wrist], d.arm_w));
    match hand {
        Hand::Open => {
            let tip = wrist.go(j.mid.angle_to(j.end), d.hand);
            v.push(Shape::Line(vec![wrist, tip], d.arm_w * 0.85));
        }
        Hand::Fist => v.push(Shape::Dot(j.end, d.arm_w * 0.8)),
    }
}

fn leg(v: &mut Vec<Shape>, f: &Figure, j: Joints) {
    let d = f.dims();
    v.push(Shape::Line(vec![j.root, j.mid, j.end], d.leg_w));
    // The foot: across the shin, on the side the person faces.
    let shin = j.mid.angle_to(j.end);
    let off = |a: f64| (a - f.face + 540.0).rem_euclid(360.0) - 180.0;
    let toe = if off(shin - 90.0).abs() <= off(shin + 90.0).abs() {
        shin - 90.0
    } else {
        shin + 90.0
    };
    v.push(Shape::Line(
        vec![j.end, j.end.go(toe, d.leg_w * 0.9)],
        d.leg_w * 0.8,
    ));
}

/// The neck, the head and the nose, in profile.
fn head(v: &mut Vec<Shape>, f: &Figure) {
    let d = f.dims();
    let sh = f.shoulder();
    v.push(Shape::Line(
        vec![sh, sh.go(f.neck, d.neck + d.head_r * 0.5)],
        d.arm_w,
    ));
    let h = f.head();
    v.push(Shape::Dot(h, d.head_r));
    v.push(Shape::Poly(vec![
        h.go(f.face - 28.0, d.head_r - 0.5),
        h.go(f.face, d.head_r * 1.3),
        h.go(f.face + 28.0, d.head_r - 0.5),
    ]));
}

/// Which parts of a figure to draw: a rescuer behind a casualty draws its
/// far side first (`Far`), then the casualty, then the rest (`Near`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    All,
    Far,
    Near,
    /// Both arms only: drawn again in front of a casualty they reach over.
    Arms,
    /// The near leg only, in profile: drawn again in front of a casualty
    /// the rescuer kneels beside, so the knee is seen on the floor by
    /// their side, not hidden behind (or resting on) their body.
    NearLeg,
    /// The neck and head only, in profile: drawn again in front of a
    /// turned rescuer's own shoulders (bowed over, the head is nearer the
    /// viewer than the torso) and of the casualty's face it comes down to.
    Head,
}

/// Whether a figure's part drawn later is cut out of the same figure drawn
/// earlier: seen from the front or behind, arms drawn as their own item
/// (an arm across the chest); turned, the arms too (they come down in
/// front of the bowed head and shoulders); in profile, never (a rescuer's
/// arms drawn again in front of a casualty stay one with the body).
pub fn cuts_itself(f: &Figure, earlier: Part, later: Part) -> bool {
    f.view != View::Side && earlier != later
}

/// The shapes of a figure (or one side of it), back to front.
pub fn shapes(f: &Figure, part: Part) -> Vec<Shape> {
    if !f.in_profile() {
        return facing_shapes(f, part);
    }
    let d = f.dims();
    let [arm_near, arm_far] = f.arm_joints();
    let [leg_near, leg_far] = f.leg_joints();
    let mut v = Vec::new();
    if part == Part::Arms {
        arm(&mut v, f, arm_far, f.hands[1]);
        arm(&mut v, f, arm_near, f.hands[0]);
        return v;
    }
    if part == Part::NearLeg {
        leg(&mut v, f, leg_near);
        return v;
    }
    if part == Part::Head {
        head(&mut v, f);
        return v;
    }
    if part != Part::Near {
        arm(&mut v, f, arm_far, f.hands[1]);
        leg(&mut v, f, leg_far);
    }
    if part != Part::Far {
        v.push(Shape::Line(vec![f.hip, f.shoulder()], d.torso_w));
        if f.build == Build::Pregnant {
            v.push(Shape::Dot(f.torso_at(0.32, 0.55), d.torso_w * 0.62));
        }
        head(&mut v, f);
        leg(&mut v, f, leg_near);
        arm(&mut v, f, arm_near, f.hands[0]);
    }
    v
}

/// A figure seen from the front or behind: legs, torso, head, then the
/// arms over the body. `Far` is the body without the arms, `Near` and
/// `Arms` the arms alone (drawn as a separate item, an arm across the
/// body is cut out of it), `NearLeg` both legs (both are near).
fn facing_shapes(f: &Figure, part: Part) -> Vec<Shape> {
    let d = f.dims();
    let mut v = Vec::new();
    if part == Part::Head {
        v.push(Shape::Dot(f.head(), d.head_r));
        return v;
    }
    if matches!(part, Part::All | Part::Far | Part::NearLeg) {
        for j in f.leg_joints() {
            v.push(Shape::Line(vec![j.root, j.mid, j.end], d.leg_w));
            v.push(Shape::Dot(j.end, d.leg_w * 0.62));
        }
    }
    if part == Part::NearLeg {
        return v;
    }
    if matches!(part, Part::All | Part::Far) {
        let edge = |side: f64| -> Vec<Pt> {
            [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
                .iter()
                .map(|t| f.torso_at(*t, side))
                .collect()
        };
        let mut outline = edge(-1.0);
        outline.extend(edge(1.0).into_iter().rev());
        v.push(Shape::Poly(outline));
        // Round the hips and the shoulders.
        v.push(Shape::Line(
            vec![f.torso_at(0.04, -0.8), f.torso_at(0.04, 0.8)],
            d.leg_w,
        ));
        v.push(Shape::Line(
            vec![f.torso_at(0.97, -0.85), f.torso_at(0.97, 0.85)],
            d.arm_w,
        ));
        if f.build == Build::Pregnant && matches!(f.view, View::Front(_)) {
            v.push(Shape::Dot(f.torso_at(0.32, 0.0), d.torso_w * 0.5));
        }
        let sh = f.shoulder();
        v.push(Shape::Line(
            vec![sh, sh.go(f.neck, d.neck + d.head_r * 0.5)],
            d.arm_w * 1.2,
        ));
        v.push(Shape::Dot(f.head(), d.head_r));
    }
    if part != Part::Far {
        let [right, left] = f.arm_joints();
        arm(&mut v, f, right, f.hands[0]);
        arm(&mut v, f, left, f.hands[1]);
    }
    v
}
