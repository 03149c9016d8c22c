//! Choking scenes: back blows, abdominal thrusts, chest thrusts standing,
//! and the infant holds (guideline reference §8).

use super::body::{Build, Figure, Hand, Limb, Part, Role, View};
use super::marks::Mark;
use super::motion::{pressed, segment_gap, Key, Motion};
use super::{infant, pt, Item, Pt, Scene};

pub(super) const W: f64 = 320.0;
pub(super) const H: f64 = 240.0;
/// The floor line.
pub(super) const FLOOR: f64 = 226.0;

/// Feet on the floor at `x`, knee bent to the face side.
pub(super) fn foot(x: f64) -> Limb {
    Limb::Reach {
        to: pt(x, FLOOR - 7.0),
        bend: -1.0,
    }
}

/// A person standing upright on the floor, facing right (`face` 0) or
/// left (180), with the hip at `x`.
pub(super) fn standing(build: Build, role: Role, x: f64, spine: f64, arms: [Limb; 2]) -> Figure {
    let d = build.dims();
    let hip_y = FLOOR - 7.0 - (d.thigh + d.shin) * 0.95;
    Figure {
        build,
        role,
        view: View::Side,
        hip: pt(x, hip_y),
        spine,
        neck: spine + 10.0,
        face: 0.0,
        arms,
        hands: [Hand::Open, Hand::Open],
        legs: [foot(x + 6.0), foot(x - 8.0)],
    }
}

/// A rescuer kneeling on the far knee with the near thigh level (a lap
/// for a baby), facing right. Returns the figure with its arms hanging.
pub(super) fn kneeling_on_one_knee(hip: Pt, spine: f64) -> Figure {
    Figure {
        build: Build::Adult,
        role: Role::Rescuer,
        view: View::Side,
        hip,
        spine,
        neck: spine + 25.0,
        face: 35.0,
        arms: [Limb::Angles(80.0, 80.0), Limb::Angles(80.0, 80.0)],
        hands: [Hand::Open, Hand::Open],
        // Near thigh level, shin down; far knee on the floor, shin
        // along it behind.
        legs: [Limb::Angles(0.0, 90.0), Limb::Angles(100.0, 172.0)],
    }
}

/// Where a hand reaching from `from` towards `to` first touches `c`'s
/// torso: the last point on the way at which the hand of arm `arm` of
/// `pose(point)` stays outside it.
fn touching(c: &Figure, pose: impl Fn(Pt) -> Figure, arm: usize, from: Pt, to: Pt) -> Pt {
    let at = |s: f64| pt(from.x + (to.x - from.x) * s, from.y + (to.y - from.y) * s);
    let sinks = |p: Pt| {
        let f = pose(p);
        let d = f.dims();
        let j = f.arm_joints()[arm];
        let along = j.mid.angle_to(j.end);
        let wrist = j.mid.go(along, d.forearm);
        let tip = wrist.go(along, d.hand);
        segment_gap((wrist, tip), (c.hip, c.shoulder()))
            < c.dims().torso_w / 2.0 + d.arm_w * 0.85 / 2.0
    };
    let (mut lo, mut hi) = (0.0, 1.0);
    for _ in 0..40 {
        let mid = (lo + hi) / 2.0;
        if sinks(at(mid)) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    at(lo)
}

/// A back blow's loop: the heel of the hand swings down onto the back
/// between the shoulder blades, stays a moment, and comes back up.
/// `pose(s)` is the scene's items with the hand `s` of the way there.
fn blow(period: f64, pose: impl Fn(f64) -> Vec<Item>) -> Motion {
    let key = |at: f64, s: f64| Key {
        at,
        items: pose(s),
        press: 0.0,
    };
    Motion {
        period,
        keys: vec![key(0.1, 0.5), key(0.2, 1.0), key(0.3, 1.0), key(0.5, 0.5)],
    }
}

fn back_blows() -> Scene {
    Scene {
        name: "choking-back-blows",
        technique: "back-blows",
        view: [0.0, 0.0, W, H],
        items: back_blows_at(0.0),
        motion: Some(blow(1.5, back_blows_at)),
    }
}

/// The hand raised to strike (`swing` 0, the still frame) or `swing` of
/// the way down to the back (1: touching it).
fn back_blows_at(swing: f64) -> Vec<Item> {
    // The casualty faces right and leans well forward.
    let mut c = standing(
        Build::Adult,
        Role::Casualty,
        190.0,
        -38.0,
        [Limb::Angles(95.0, 80.0), Limb::Angles(100.0, 85.0)],
    );
    c.neck = -20.0;
    c.face = 40.0;
    // Rescuer to the side and a little behind: the near arm across to
    // support the chest, the far hand raised to strike between the
    // shoulder blades.
    let chest = c.torso_at(0.62, 1.2);
    let blades = c.torso_at(0.8, -1.0);
    let strike = blades.go(-80.0, 44.0);
    let rescuer = |hand: Pt| {
        let mut r = standing(
            Build::Adult,
            Role::Rescuer,
            160.0,
            -72.0,
            [
                Limb::to(chest),
                Limb::Reach {
                    to: hand,
                    bend: -1.0,
                },
            ],
        );
        r.neck = -82.0;
        r.face = 15.0;
        r.legs = [foot(170.0), foot(146.0)];
        r
    };
    let touch = touching(&c, rescuer, 1, strike, blades);
    let r = rescuer(pt(
        strike.x + (touch.x - strike.x) * swing,
        strike.y + (touch.y - strike.y) * swing,
    ));
    // The arrow lies on the hand's way down: drawn first, so the moving
    // hand passes over it.
    vec![
        Item::Ground(pt(20.0, FLOOR), pt(300.0, FLOOR)),
        Item::Arrow {
            from: strike.go(100.0, 10.0),
            deg: 100.0,
            len: 18.0,
        },
        Item::Figure(r.clone(), Part::Far),
        Item::Figure(c, Part::All),
        Item::Figure(r, Part::Near),
        Item::Contact(blades),
    ]
}

/// Standing behind the casualty, arms round the torso, the fist at
/// `t` (0 hip, 1 shoulders) of the casualty's front.
pub(super) fn from_behind(build: Build, t: f64, lean: f64) -> (Figure, Figure, Pt) {
    let mut c = standing(
        build,
        Role::Casualty,
        200.0,
        -90.0 + lean,
        [Limb::Angles(110.0, 70.0), Limb::Angles(115.0, 80.0)],
    );
    c.face = lean;
    c.neck = -90.0 + lean * 1.5;
    let fist = c.torso_at(t, 1.05);
    let mut r = standing(
        Build::Adult,
        Role::Rescuer,
        172.0,
        -84.0,
        [Limb::to(fist), Limb::to(fist)],
    );
    r.face = 15.0;
    r.neck = -78.0;
    r.hands = [Hand::Fist, Hand::Fist];
    r.legs = [foot(178.0), foot(152.0)];
    (c, r, fist)
}

/// A thrust's loop: quick in, a moment held, slowly back, then a pause
/// (each thrust a separate attempt). `pose(s)` is the scene's items `s`
/// of the way in; `by` how far the torso is pressed then.
fn thrust(period: f64, by: f64, pose: impl Fn(f64) -> Vec<Item>) -> Motion {
    let key = |at: f64, s: f64| Key {
        at,
        items: pose(s),
        press: by * s,
    };
    Motion {
        period,
        keys: vec![key(0.2, 1.0), key(0.3, 1.0), key(0.6, 0.0)],
    }
}

/// From behind, the fists at `t` of the casualty's front, pulled `s` of
/// the way: `inwards` towards the back and `up` along the spine.
fn from_behind_at(
    build: Build,
    t: f64,
    lean: f64,
    (inwards, up): (f64, f64),
    s: f64,
) -> (Figure, Figure, Pt, Pt) {
    let (c, mut r, rest) = from_behind(build, t, lean);
    let fist = pressed(&c, inwards * s, rest).go(c.spine, up * s);
    r.arms = [Limb::to(fist), Limb::to(fist)];
    (c, r, rest, fist)
}

/// Abdominal thrusts pull in and up.
const ABDOMINAL: (f64, f64) = (5.0, 5.0);

fn abdominal_thrusts() -> Scene {
    thrust_scene(
        "choking-abdominal-thrusts",
        "abdominal-thrusts",
        ABDOMINAL.0,
        abdominal_thrusts_at,
    )
}

fn abdominal_thrusts_at(s: f64) -> Vec<Item> {
    from_behind_items(Build::Adult, 0.42, 26.0, ABDOMINAL, s, (40.0, 34.0, -140.0))
}

/// Chest thrusts pull straight back.
const CHEST: (f64, f64) = (5.0, 0.0);

fn chest_thrusts_standing() -> Scene {
    thrust_scene(
        "choking-chest-thrusts-standing",
        "chest-thrusts-standing",
        CHEST.0,
        chest_thrusts_standing_at,
    )
}

fn chest_thrusts_standing_at(s: f64) -> Vec<Item> {
    from_behind_items(Build::Pregnant, 0.78, 4.0, CHEST, s, (0.0, 44.0, 180.0))
}

/// A thrust from behind as a scene: its still frame (`at(0.0)`) and a
/// 1.2 s loop that pulls `pull` px.
fn thrust_scene(
    name: &'static str,
    technique: &'static str,
    pull: f64,
    at: fn(f64) -> Vec<Item>,
) -> Scene {
    Scene {
        name,
        technique,
        view: [0.0, 0.0, W, H],
        items: at(0.0),
        motion: Some(thrust(1.2, pull, at)),
    }
}

/// The rescuer behind the person (see [`from_behind_at`]) on the floor,
/// the fist's contact mark, and an arrow `(dx, dy, deg)` from the fist's
/// rest position showing the pull.
fn from_behind_items(
    build: Build,
    t: f64,
    lean: f64,
    dir: (f64, f64),
    s: f64,
    arrow: (f64, f64, f64),
) -> Vec<Item> {
    let (c, r, rest, fist) = from_behind_at(build, t, lean, dir, s);
    vec![
        Item::Ground(pt(20.0, FLOOR), pt(300.0, FLOOR)),
        Item::Figure(r.clone(), Part::Far),
        Item::Figure(c, Part::All),
        Item::Figure(r, Part::Near),
        Item::Contact(fist),
        Item::Arrow {
            from: rest.go(arrow.0, arrow.1),
            deg: arrow.2,
            len: 26.0,
        },
    ]
}

/// The view of the infant scenes: closer, so the baby reads at 320 px.
const CLOSE: [f64; 4] = [52.0, 52.0, 216.0, 162.0];
/// The floor of the infant scenes.
const KNEEL_FLOOR: f64 = 211.0;

/// The rescuer kneeling with a baby face up along the near thigh, head
/// towards the knee and lower than the chest, the face turned by `face`
/// (about −90: up).
fn baby_on_lap(face: f64) -> (Figure, Figure) {
    let r = kneeling_on_one_knee(pt(122.0, 160.0), -65.0);
    let d = Build::Baby.dims();
    let thigh_top = r.hip.y - Build::Adult.dims().leg_w / 2.0;
    let b = Figure {
        build: Build::Baby,
        role: Role::Casualty,
        view: View::Side,
        hip: pt(r.hip.x + 24.0, thigh_top - d.torso_w / 2.0 - 6.0),
        spine: 14.0,
        neck: 24.0,
        face,
        arms: [Limb::Angles(-100.0, -40.0), Limb::Angles(-70.0, -20.0)],
        hands: [Hand::Fist, Hand::Fist],
        legs: [Limb::Angles(-150.0, -100.0), Limb::Angles(-165.0, -120.0)],
    };
    (r, b)
}

fn infant_back_blows() -> Scene {
    Scene {
        name: "choking-infant-back-blows",
        technique: "infant-back-blows",
        view: CLOSE,
        items: infant_back_blows_at(0.0),
        motion: Some(blow(1.5, infant_back_blows_at)),
    }
}

/// The rescuer kneeling with a baby face down along the near forearm,
/// which rests on the thigh and slopes down to the knee, so the head is
/// lower than the hips; the near hand holds the jaw (returned: the hand's
/// fingers, drawn in front of the head). The upper arm hangs behind the
/// baby's hips, so nothing of the rescuer but those fingers lies over the
/// baby: its head, body and dangling limbs all show. The arms are left
/// for the blow to place.
const UPPER: f64 = 80.0;
const SLOPE: f64 = 30.0;
fn baby_on_forearm() -> (Figure, Figure, [Pt; 2]) {
    let mut r = kneeling_on_one_knee(pt(112.0, 160.0), -76.0);
    r.neck = -88.0;
    r.face = 60.0;
    let (a, b) = (Build::Adult.dims(), Build::Baby.dims());
    let slope: f64 = SLOPE;
    let elbow = r.shoulder().go(UPPER, a.upper_arm);
    let hand = elbow.go(slope, a.forearm + a.hand / 2.0);
    // The baby's front on the forearm, its hips past the upper arm; the
    // head bowed a little towards the hand, which comes under the jaw.
    let neck = slope + 20.0;
    let head_along = b.torso + (b.neck + b.head_r) * (neck - slope).to_radians().cos();
    let b = Figure {
        build: Build::Baby,
        role: Role::Casualty,
        // Drawn as in profile; `Turned` lets the head be drawn again over
        // the shoulders with a gap round it, so it reads apart.
        view: View::Turned(1.0),
        hip: elbow
            .go(slope - 90.0, a.arm_w / 2.0 + b.torso_w / 2.0)
            .go(slope, a.forearm + a.hand - head_along + 3.0),
        spine: slope,
        neck,
        face: slope + 70.0,
        arms: [Limb::Angles(95.0, 55.0), Limb::Angles(80.0, 45.0)],
        hands: [Hand::Fist, Hand::Fist],
        legs: [Limb::Angles(125.0, 85.0), Limb::Angles(155.0, 110.0)],
    };
    let wrist = hand.go(slope + 180.0, a.hand / 2.0);
    (r, b, [wrist, hand.go(slope, a.hand / 2.0)])
}

/// The hand raised (`swing` 0) or `swing` of the way down to the baby's
/// back: the heel of the hand onto the back between the shoulder blades,
/// square to it.
fn infant_back_blows_at(swing: f64) -> Vec<Item> {
    let (r, b, fingers) = baby_on_forearm();
    let blades = b.torso_at(0.75, -1.0);
    let strike = r.shoulder().go(-60.0, 34.0).go(50.0, 35.5);
    let rescuer = |hand: Pt| {
        let mut r = r.clone();
        r.arms = [
            Limb::Angles(UPPER, SLOPE),
            Limb::Reach {
                to: hand,
                bend: -1.0,
            },
        ];
        r
    };
    // Aimed a little past the ring towards the head: the hand comes down
    // sloping, so its middle (the heel), not the fingers, lands on it.
    let aim = blades.go(b.spine, 8.0);
    let touch = touching(&b, rescuer, 1, strike, aim);
    let r = rescuer(pt(
        strike.x + (touch.x - strike.x) * swing,
        strike.y + (touch.y - strike.y) * swing,
    ));
    let finger_w = Build::Adult.dims().arm_w * 0.85;
    vec![
        Item::Ground(pt(60.0, KNEEL_FLOOR), pt(260.0, KNEEL_FLOOR)),
        Item::Figure(r, Part::All),
        Item::Figure(b.clone(), Part::All),
        Item::Figure(b.clone(), Part::NearLeg),
        Item::Figure(b, Part::Head),
        // The fingers under the jaw, in front of the head.
        Item::Stroke(fingers.to_vec(), finger_w),
        Item::Contact(blades),
        Item::Arrow {
            from: strike.go(blades.angle_to(strike) + 180.0, 9.0),
            deg: strike.angle_to(blades),
            len: 16.0,
        },
    ]
}

/// Infant chest thrusts: a third of the chest's depth, sharper and slower
/// than compressions, about one a second (guideline reference §8).
fn infant_chest_thrusts(two_thumbs: bool) -> Scene {
    let by = Build::Baby.dims().torso_w / 3.0;
    let at = |s: f64| infant_chest_thrusts_at(two_thumbs, by * s);
    Scene {
        name: if two_thumbs {
            "choking-infant-chest-thrusts-two-thumbs"
        } else {
            "choking-infant-chest-thrusts-heel"
        },
        technique: if two_thumbs {
            "infant-two-thumbs"
        } else {
            "infant-heel-of-hand"
        },
        view: if two_thumbs {
            [52.0, 52.0, 246.0, 162.0]
        } else {
            CLOSE
        },
        items: at(0.0),
        motion: Some(Motion {
            period: 1.0,
            keys: vec![
                Key {
                    at: 0.2,
                    items: at(1.0),
                    press: by,
                },
                Key {
                    at: 0.45,
                    items: at(0.0),
                    press: 0.0,
                },
            ],
        }),
    }
}

/// The baby's chest pressed `depth` (0: the still frame).
fn infant_chest_thrusts_at(two_thumbs: bool, depth: f64) -> Vec<Item> {
    let (mut r, mut b) = baby_on_lap(-95.0);
    if two_thumbs {
        // Both hands are round the chest, so the thigh holds the head: the
        // baby lies further back, its head on the knee (the heel of the
        // hand leaves one hand to hold the head).
        b.hip.x -= 20.0;
        // The head upright, looking down at the chest: clear of the push.
        r.neck = -100.0;
        r.face = 70.0;
    }
    let b = b;
    let press = |p: Pt| pressed(&b, depth, p);
    let rest = b.torso_at(0.7, 1.0);
    let spot = press(rest);
    let mut items = vec![Item::Ground(pt(60.0, KNEEL_FLOOR), pt(260.0, KNEEL_FLOOR))];
    if two_thumbs {
        // Both hands round the chest: fingers under the back, thumbs on
        // the breastbone; the hands go down with the chest.
        let side = b.torso_at(0.62, 0.0);
        let palm = press(side.go(-160.0, 9.0));
        r.arms = [Limb::to(palm), Limb::to(palm)];
        r.hands = [Hand::Fist, Hand::Fist];
        items.push(Item::Figure(r, Part::All));
        items.push(Item::Figure(b.clone(), Part::All));
        let back = press(b.torso_at(0.75, -1.15));
        items.push(Item::Stroke(
            vec![palm, press(side.go(60.0, 4.0)), back],
            5.0,
        ));
        items.push(Item::Stroke(vec![palm, press(rest.go(-90.0, 2.0))], 4.5));
        // Seen from above: both thumbs on the breastbone, the hands round
        // the chest (a still close-up).
        items.push(Item::Mark(Mark::Inset {
            at: [215.0, 54.0, 78.0, 78.0],
            scene: Box::new(infant::thumbs_close_up(
                "choking-infant-chest-thrusts-two-thumbs-close-up",
                "infant-two-thumbs",
            )),
        }));
    } else {
        // One forearm under the back, that hand holding the head; the
        // heel of the other hand on the spot, arm straight.
        let head = b.head().go(120.0, 4.0);
        r.arms = [
            Limb::to(head),
            Limb::Reach {
                to: spot.go(-100.0, Build::Adult.dims().hand * 0.5),
                bend: -1.0,
            },
        ];
        items.push(Item::Figure(r.clone(), Part::Near));
        items.push(Item::Figure(b.clone(), Part::All));
        items.push(Item::Figure(r, Part::Far));
    }
    items.push(Item::Contact(spot));
    // Beside the hand or thumbs, ending above them: not over the head.
    items.push(Item::Arrow {
        from: rest.go(-90.0, 38.0).go(0.0, 11.0),
        deg: 90.0,
        len: 22.0,
    });
    items
}

pub(super) fn scenes() -> Vec<Scene> {
    vec![
        back_blows(),
        abdominal_thrusts(),
        chest_thrusts_standing(),
        infant_back_blows(),
        infant_chest_thrusts(true),
        infant_chest_thrusts(false),
    ]
}
