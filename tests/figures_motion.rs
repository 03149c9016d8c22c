//! The technique pictures' loops (`src/figures/motion/`): only scenes
//! that declare a motion move, the still frame is the scene itself, and
//! through every loop the people stay in one piece and no moving hand
//! sinks into the other person.
#![cfg(not(target_arch = "wasm32"))]

use firstaid::figures::motion::{self, segment_gap, Plan};
use firstaid::figures::{self, Item, Pt, Role, Scene, Shape};

/// The scenes the issue asks to move (#14): compressions, back blows,
/// abdominal and chest thrusts, the head tilt, a rescue breath.
const MOVING: &[&str] = &[
    "cpr-adult-compressions",
    "cpr-adult-hands",
    "cpr-child-one-hand",
    "cpr-infant-heel",
    "cpr-infant-two-thumbs",
    "choking-back-blows",
    "choking-infant-back-blows",
    "choking-abdominal-thrusts",
    "choking-chest-thrusts-standing",
    "choking-infant-chest-thrusts-heel",
    "choking-infant-chest-thrusts-two-thumbs",
    "cpr-open-airway",
    "cpr-adult-breath",
];

/// Moments sampled in every loop.
const SAMPLES: usize = 200;

fn still(s: &Scene) -> Scene {
    Scene {
        motion: None,
        ..s.clone()
    }
}

#[test]
fn only_scenes_with_a_motion_move() {
    let css = motion::css(&figures::scenes());
    let mut rules = std::collections::BTreeMap::new();
    for s in figures::scenes() {
        let svg = figures::render(&s);
        let plan = motion::plan(&s);
        assert_eq!(
            s.motion.is_some(),
            MOVING.contains(&s.name),
            "{}: moves?",
            s.name
        );
        assert_eq!(
            svg.contains("class=\"fm "),
            s.motion.is_some(),
            "{}",
            s.name
        );
        assert_eq!(plan.names.is_empty(), s.motion.is_none(), "{}", s.name);
        // Every class the picture names has its rule in the stylesheet,
        // and one name is never two rules.
        for (name, rule) in plan.names.iter().zip(&plan.rules) {
            assert!(
                svg.contains(&format!("\"fm {name}\"")),
                "{}: {name} unused",
                s.name
            );
            assert!(
                css.contains(rule.as_str()),
                "{}: {name} not in the stylesheet",
                s.name
            );
            assert_eq!(rules.entry(name.clone()).or_insert(rule.clone()), rule);
        }
        // Without its motion, a scene draws no classes at all.
        assert!(!figures::render(&still(&s)).contains("class=\"fm"));
    }
    assert_eq!(
        css.matches("@keyframes").count(),
        rules.len(),
        "each rule once"
    );
    assert!(motion::css(&[])
        .lines()
        .all(|l| l.starts_with("/*") || l.starts_with(" *")));
}

/// A CPR picture whose loop presses the chest: compressions.
fn pushes(s: &Scene) -> bool {
    s.name.starts_with("cpr-") && s.motion.iter().flat_map(|m| &m.keys).any(|k| k.press > 0.0)
}

#[test]
fn loops_are_short_and_compressions_keep_the_beat() {
    for s in figures::scenes() {
        let Some(m) = &s.motion else { continue };
        assert!(
            (0.5..=4.0).contains(&m.period),
            "{}: {} s",
            s.name,
            m.period
        );
        let mut last = 0.0;
        for k in &m.keys {
            assert!(k.at > last && k.at < 1.0, "{}: keys in order", s.name);
            last = k.at;
        }
        if pushes(&s) {
            // 100 to 120 a minute (guideline reference §8): 110.
            assert!((m.period - 60.0 / 110.0).abs() < 1e-9, "{}", s.name);
        }
    }
    for s in figures::scenes().into_iter().filter(pushes) {
        for rule in motion::plan(&s).rules {
            assert!(
                rule.contains(" 0.545s ease-in-out infinite; }"),
                "{}",
                s.name
            );
        }
    }
}

/// The drawing of an SVG as a list of its painted pieces: every path cut
/// into its segments (a line bent at a joint paints the same as its
/// segments, with round caps and joins), every circle, in order, with
/// the groups they are in but not the motion groups (`<g class="fm …">`).
fn painted(svg: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut groups = Vec::new();
    for line in svg.lines().map(str::trim) {
        if line.starts_with("<g") {
            let moving = line.starts_with("<g class=\"fm ");
            groups.push(moving);
            if moving {
                continue;
            }
        } else if line == "</g>" {
            if groups.pop() == Some(true) {
                continue;
            }
        } else if let Some(rest) = line.strip_prefix("<path d=\"") {
            let (d, attrs) = rest.split_once('"').unwrap();
            let points: Vec<&str> = d.trim_start_matches('M').split(" L").collect();
            if !d.ends_with('Z') {
                for pair in points.windows(2) {
                    out.push(format!("<path d=\"M{} L{}\"{attrs}", pair[0], pair[1]));
                }
                continue;
            }
        }
        out.push(line.to_owned());
    }
    out
}

#[test]
fn the_still_frame_is_the_scene_without_its_motion() {
    for s in figures::scenes().into_iter().filter(|s| s.motion.is_some()) {
        let moving = figures::render(&s);
        let plain = figures::render(&still(&s));
        assert_eq!(painted(&moving), painted(&plain), "{}", s.name);
        assert_ne!(moving, plain, "{}: the motion is in the picture", s.name);
        // The frame at the start and the end of the loop is the still.
        let plan = motion::plan(&s);
        for t in [0.0, 1.0] {
            let at = plan.frame(t);
            let base = plan.shapes.iter().flatten().map(|d| &d.shape);
            for (a, b) in at.iter().flatten().zip(base) {
                assert!(close(a, b, 0.01), "{}: {a:?} ≠ {b:?} at {t}", s.name);
            }
        }
    }
}

fn points(s: &Shape) -> (&[Pt], f64) {
    match s {
        Shape::Line(p, w) => (p, w / 2.0),
        Shape::Dot(c, r) => (std::slice::from_ref(c), *r),
        Shape::Poly(p) => (p, 0.0),
    }
}

fn close(a: &Shape, b: &Shape, tol: f64) -> bool {
    let ((pa, ra), (pb, rb)) = (points(a), points(b));
    pa.len() == pb.len()
        && (ra - rb).abs() <= tol
        && pa.iter().zip(pb).all(|(p, q)| p.dist(*q) <= tol)
}

/// Rendering is a function of the scene: twice the same, every time.
#[test]
fn motion_is_deterministic() {
    let a = motion::css(&figures::scenes());
    let b = motion::css(&figures::scenes());
    assert_eq!(a, b);
    for s in figures::scenes() {
        assert_eq!(
            motion::plan(&s).frame(0.37),
            motion::plan(&s).frame(0.37),
            "{}",
            s.name
        );
    }
}

/// Where two lines (or a line and a dot) of the still frame meet end to
/// end — a shoulder, an elbow, a knee, a hand on a wrist — they stay
/// together through the loop: the thinner end stays inside the thicker
/// one's round end, or moves at most a fifth of its own width, which the
/// round caps cover.
#[test]
fn joints_hold_through_every_loop() {
    for s in figures::scenes().into_iter().filter(|s| s.motion.is_some()) {
        let plan = motion::plan(&s);
        let still = plan.frame(0.0);
        let shapes: Vec<&Shape> = still.iter().flatten().collect();
        let mut joints = Vec::new();
        for (i, a) in shapes.iter().enumerate() {
            for (j, b) in shapes.iter().enumerate().skip(i + 1) {
                let ((pa, ra), (pb, rb)) = (points(a), points(b));
                for (ia, p) in pa.iter().enumerate() {
                    for (ib, q) in pb.iter().enumerate() {
                        if p.dist(*q) < 0.05 && ra > 0.0 && rb > 0.0 {
                            joints.push((i, ia, j, ib));
                        }
                    }
                }
            }
        }
        assert!(!joints.is_empty(), "{}: no joints found", s.name);
        let mut worst = (0.0, 0.0);
        for step in 0..=SAMPLES {
            let t = step as f64 / SAMPLES as f64;
            let frame = plan.frame(t);
            let shapes: Vec<&Shape> = frame.iter().flatten().collect();
            for &(i, ia, j, ib) in &joints {
                let ((pa, ra), (pb, rb)) = (points(shapes[i]), points(shapes[j]));
                let open = pa[ia].dist(pb[ib]);
                let (thin, thick) = (ra.min(rb), ra.max(rb));
                // Covered: the thinner end stays inside the thicker one's
                // round end; otherwise it may move a fifth of its width.
                let allowed = (0.4 * thin).max(thick - thin);
                if open / allowed > worst.0 {
                    worst = (open / allowed, t);
                }
                assert!(
                    open <= allowed,
                    "{}: a joint opens {open:.2} (allowed {allowed:.2}) at {t:.3}: {:?} and {:?}",
                    s.name,
                    shapes[i],
                    shapes[j]
                );
            }
        }
        eprintln!(
            "{}: worst joint opening {:.2} of what is allowed, at {:.3}",
            s.name, worst.0, worst.1
        );
    }
}

/// How far two shapes overlap (their outlines' depth into each other; 0
/// when apart).
fn overlap(a: &Shape, b: &Shape) -> f64 {
    let ((pa, ra), (pb, rb)) = (points(a), points(b));
    if beyond_the_ends(pa, pb) {
        return 0.0;
    }
    let segs = |p: &[Pt]| -> Vec<(Pt, Pt)> {
        if p.len() == 1 {
            vec![(p[0], p[0])]
        } else {
            p.windows(2).map(|w| (w[0], w[1])).collect()
        }
    };
    let mut gap = f64::INFINITY;
    for sa in segs(pa) {
        for sb in segs(pb) {
            gap = gap.min(segment_gap(sa, sb));
        }
    }
    (ra + rb - gap).max(0.0)
}

/// Whether every point of `hand` lies beyond the same end of the line
/// `torso` (hip to shoulders): a hand under the chin is at the neck, not
/// in the chest or the back, however near the shoulders it comes.
fn beyond_the_ends(hand: &[Pt], torso: &[Pt]) -> bool {
    let [a, b] = torso else { return false };
    let along = |p: &Pt| {
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)
    };
    hand.iter().all(|p| along(p) > 1.0) || hand.iter().all(|p| along(p) < 0.0)
}

/// The rescuer's hands (the shapes at the end of their arms, and the
/// strokes of fingers and thumbs) and the casualty's torso — the body a
/// hand presses, strikes or pulls — in one frame. Arms and legs are left
/// out: an arm passing in front of or behind a body is depth, not contact.
fn hands_and_torso(s: &Scene, plan: &Plan, t: f64) -> (Vec<Shape>, Vec<Shape>) {
    let (mut hands, mut torso) = (Vec::new(), Vec::new());
    let frame = plan.frame(t);
    for ((item, shapes), drawn) in s.items.iter().zip(&frame).zip(&plan.shapes) {
        let pairs = shapes.iter().zip(drawn.iter().map(|d| &d.shape));
        match item {
            Item::Figure(f, _) if f.role == Role::Casualty => {
                let body = Shape::Line(vec![f.hip, f.shoulder()], f.dims().torso_w);
                torso.extend(pairs.filter(|(_, d)| **d == body).map(|(s, _)| s.clone()));
            }
            Item::Figure(f, _) => {
                let ends: Vec<Pt> = f.arm_joints().iter().map(|j| j.end).collect();
                let at_end = |d: &Shape| {
                    let (p, _) = points(d);
                    let segs: Vec<(Pt, Pt)> = match p.len() {
                        1 => vec![(p[0], p[0])],
                        _ => p.windows(2).map(|w| (w[0], w[1])).collect(),
                    };
                    ends.iter()
                        .any(|e| segs.iter().any(|sg| segment_gap(*sg, (*e, *e)) < 0.01))
                };
                hands.extend(pairs.filter(|(_, d)| at_end(d)).map(|(s, _)| s.clone()));
            }
            Item::Stroke(..) => hands.extend(shapes.iter().cloned()),
            _ => {}
        }
    }
    assert!(
        !torso.is_empty() && !hands.is_empty(),
        "{}: no hands or torso",
        s.name
    );
    (hands, torso)
}

/// A hand pressing a chest goes down with the chest, a striking hand stops
/// at the back, a fist pulls in as far as the belly gives: through the
/// loop, no hand of the rescuer overlaps the casualty's torso by more
/// than half a unit beyond what it does in the still frame (where they do
/// not touch then, a touch).
#[test]
fn no_moving_hand_sinks_into_the_other_person() {
    for s in figures::scenes().into_iter().filter(|s| s.motion.is_some()) {
        let plan = motion::plan(&s);
        let (r0, c0) = hands_and_torso(&s, &plan, 0.0);
        let mut worst = (0.0, 0.0);
        for step in 0..=SAMPLES {
            let t = step as f64 / SAMPLES as f64;
            let (r, c) = hands_and_torso(&s, &plan, t);
            for (i, a) in r.iter().enumerate() {
                for (j, b) in c.iter().enumerate() {
                    let deeper = overlap(a, b) - overlap(&r0[i], &c0[j]);
                    if deeper > worst.0 {
                        worst = (deeper, t);
                    }
                    assert!(
                        deeper <= 0.5,
                        "{}: hand shape {i} sinks {deeper:.2} further into the torso ({j}) at {t:.3}",
                        s.name
                    );
                }
            }
        }
        eprintln!(
            "{}: deepest extra overlap {:.2} at {:.3}",
            s.name, worst.0, worst.1
        );
    }
}

/// A pressed chest: the front goes towards the back by the depth, the
/// back stays, the middle goes half-way.
#[test]
fn a_pressed_chest_keeps_its_back() {
    let s = figures::scene("cpr-adult-compressions").unwrap();
    let f = s
        .items
        .iter()
        .find_map(|i| match i {
            Item::Figure(f, _) if f.role == Role::Casualty => Some(f.clone()),
            _ => None,
        })
        .unwrap();
    for t in [0.2, 0.78] {
        let (back, mid, front) = (f.torso_at(t, -1.0), f.torso_at(t, 0.0), f.torso_at(t, 1.0));
        assert!(motion::pressed(&f, 5.5, back).dist(back) < 1e-9);
        let toward_back = |p: Pt, by: f64| p.go(f.front() + 180.0, by);
        assert!(motion::pressed(&f, 5.5, front).dist(toward_back(front, 5.5)) < 1e-9);
        assert!(motion::pressed(&f, 5.5, mid).dist(toward_back(mid, 2.75)) < 1e-9);
    }
    // Lying on the floor, the chest goes straight down.
    let p = motion::pressed(&f, 5.5, f.torso_at(0.78, 1.0));
    assert!((p.x - f.torso_at(0.78, 1.0).x).abs() < 1e-9);
}
