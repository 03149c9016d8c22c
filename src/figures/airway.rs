//! Opening the airway and giving breaths (guideline reference §8): head
//! tilt–chin lift, mouth to mouth with the nose pinched, a child's slight
//! tilt, a baby's level head with the mouth over its mouth and nose.

use super::body::{Build, Figure, Hand, Limb, Part, Role, View};
use super::choking::FLOOR;
use super::cpr::lying;
use super::marks::Mark;
use super::motion::{Key, Motion};
use super::{pt, Item, Pt, Scene};

/// A casualty on their back, head to the left, the head tilted back by
/// `tilt` degrees (the chin up).
fn tilted(build: Build, head_x: f64, tilt: f64) -> Figure {
    let mut c = lying(build, head_x);
    c.face = -90.0 - tilt;
    c
}

/// Points on a casualty's head: (forehead, nose tip, mouth, chin).
fn face_points(c: &Figure) -> (Pt, Pt, Pt, Pt) {
    let r = c.dims().head_r;
    let h = c.head();
    (
        h.go(c.face - 45.0, r + 1.0),
        h.go(c.face, r * 1.3),
        h.go(c.face + 32.0, r),
        h.go(c.face + 62.0, r + 1.5),
    )
}

/// A rescuer kneeling at the side of the casualty's head and shoulders
/// (the far side), turned a quarter to them and bowed over their head,
/// seen from the casualty's side: facing left, the knees behind the
/// casualty `knee_x` (hidden by their body, as kneeling at the far side
/// is), the hips above the knees, the torso leaning from the hips towards
/// the viewer and the head, so only part of its length shows, the
/// shoulders at `shoulder`. The arms are straight, foreshortened (they
/// come down towards the viewer onto the head), set by the caller.
fn bowed_over(shoulder: Pt, knee_x: f64) -> Figure {
    let d = Build::Adult.dims();
    let knee = pt(knee_x, FLOOR - d.leg_w / 2.0);
    let hip = knee.go(-82.0, d.thigh);
    let shown = (hip.dist(shoulder) / d.torso).min(1.0);
    Figure {
        build: Build::Adult,
        role: Role::Rescuer,
        view: View::Turned(shown),
        hip,
        spine: hip.angle_to(shoulder),
        neck: -140.0,
        face: 105.0,
        arms: [Limb::Angles(90.0, 90.0), Limb::Angles(90.0, 90.0)],
        hands: [Hand::Open, Hand::Open],
        // Down to the knees, the shins pointing away from the viewer behind
        // them: all below the hips hidden behind the casualty.
        legs: [straight(knee), straight(knee.go(0.0, 4.0))],
    }
}

/// Reaching `to` straight down towards the viewer (see [`Limb::Reach`]).
fn straight(to: Pt) -> Limb {
    Limb::Reach { to, bend: 0.0 }
}

/// How far the head tips back to open an adult's airway, in degrees.
const TILT: f64 = 30.0;
/// The head before it is tilted: as it lies (a little tipped, so the
/// fingertips under the chin stay clear of the chest).
const LEVEL: f64 = 6.0;

/// Head tilt–chin lift: the rescuer's far hand on the forehead, the
/// fingertips of the near hand under the chin. It moves: from the head
/// tilted (the still frame, as the step says) the loop shows the head
/// level, then the hands tip it back and hold it there.
fn open_airway() -> Scene {
    let key = |at: f64, tilt: f64| Key {
        at,
        items: open_airway_at(tilt),
        press: 0.0,
    };
    Scene {
        name: "cpr-open-airway",
        technique: "head-tilt-chin-lift",
        view: [76.0, 102.0, 156.0, 128.0],
        items: open_airway_at(TILT),
        motion: Some(Motion {
            period: 2.5,
            keys: vec![
                key(0.3, TILT),
                key(0.45, LEVEL),
                key(0.6, LEVEL),
                // Half-way, so that the arms stay whole as the head turns.
                key(0.8, (TILT + LEVEL) / 2.0),
            ],
        }),
    }
}

/// The head tilted back by `tilt` degrees, the rescuer's hands on the
/// forehead and under the chin; the rescuer's shoulders stay where they
/// are, above the casualty's head, so the arms come down onto its outline
/// on either side of the face (not across it) and the face shows between
/// them.
fn open_airway_at(tilt: f64) -> Vec<Item> {
    let still = tilted(Build::Adult, 120.0, TILT);
    let c = tilted(Build::Adult, 120.0, tilt);
    let (forehead, _, _, chin) = face_points(&c);
    let mut r = bowed_over(still.head().go(-100.0, 50.0), still.head().x + 48.0);
    r.neck = -110.0;
    r.arms = [straight(chin), straight(forehead)];
    let head = c.head();
    vec![
        Item::Ground(pt(20.0, FLOOR), pt(300.0, FLOOR)),
        Item::Figure(r.clone(), Part::All),
        Item::Figure(c, Part::All),
        Item::Figure(r, Part::Arms),
        Item::Contact(forehead),
        Item::Contact(chin),
        // The head tips back: the chin comes up.
        Item::Swing {
            centre: head,
            r: 26.0,
            from: 20.0,
            to: -28.0,
        },
    ]
}

/// A rescue breath: the rescuer's mouth sealed over the casualty's mouth
/// (and, for a baby, its nose too), the far hand on the forehead (its
/// fingers pinching the nose unless `cover_nose`), the near fingertips
/// under the chin; an arrow over the chest shows it rising. The rescuer
/// is bowed over the head (see [`bowed_over`]): the head, nearer the
/// viewer than the shoulders, is drawn in front of them and of the arms,
/// the hands showing on either side of it. `lift` (0 to 1) raises the
/// rescuer's head off the mouth and turns it to watch the chest.
fn breath(c: &Figure, cover_nose: bool, lift: f64) -> Vec<Item> {
    let (forehead, nose, mouth, chin) = face_points(c);
    let a = Build::Adult.dims();
    let seal = if cover_nose {
        pt((nose.x + mouth.x) / 2.0, (nose.y + mouth.y) / 2.0)
    } else {
        mouth
    };
    // The rescuer's head is above the seal, the shoulders above it and,
    // over an adult, a little towards the chest; over a child's or a
    // baby's shorter body, right above, so that their chest shows.
    let (lean, knee) = if c.build == Build::Adult {
        (-60.0, 20.0)
    } else {
        (-80.0, 8.0)
    };
    let rh = seal.go(-80.0, a.head_r + 1.0);
    let shoulder = rh.go(lean, a.neck + a.head_r);
    let mut r = bowed_over(shoulder, c.head().x + knee);
    r.neck = shoulder.angle_to(rh) + 35.0 * lift;
    r.face = 100.0 - 70.0 * lift;
    let pinch = if cover_nose {
        forehead
    } else {
        nose.go(-150.0, 2.0)
    };
    r.arms = [straight(chin), straight(pinch)];
    // Over the chest, clear of the rescuer bowed over the head.
    let chest = c.torso_at(if c.build == Build::Baby { 0.42 } else { 0.5 }, 1.0);
    vec![
        Item::Figure(r.clone(), Part::All),
        Item::Figure(c.clone(), Part::All),
        Item::Figure(r.clone(), Part::Arms),
        Item::Figure(r, Part::Head),
        if cover_nose {
            Item::Mark(Mark::Ring(seal, 11.0))
        } else {
            Item::Contact(seal)
        },
        Item::Arrow {
            from: chest.go(-90.0, 6.0),
            deg: -90.0,
            len: 20.0,
        },
    ]
}

/// How far an adult's chest rises with a breath, in the figures' units.
const RISE: f64 = 3.0;

/// A rescue breath, moving: the chest rises for about a second with the
/// mouth sealed (the still frame is the seal, as the step says), then the
/// rescuer lifts their head and watches the chest fall before the next.
fn adult_breath() -> Scene {
    let c = tilted(Build::Adult, 120.0, 30.0);
    let at = |lift: f64| {
        let mut items = vec![Item::Ground(pt(20.0, FLOOR), pt(300.0, FLOOR))];
        items.extend(breath(&c, false, lift));
        items
    };
    let key = |at_: f64, lift: f64, rise: f64| Key {
        at: at_,
        items: at(lift),
        press: -rise,
    };
    Scene {
        name: "cpr-adult-breath",
        technique: "rescue-breath",
        view: [84.0, 140.0, 140.0, 90.0],
        items: at(0.0),
        motion: Some(Motion {
            period: 3.0,
            keys: vec![
                key(0.35, 0.0, RISE),
                key(0.45, 1.0, RISE),
                key(0.75, 1.0, 0.0),
                key(0.85, 1.0, 0.0),
            ],
        }),
    }
}

/// A child (above: the head tilted a little, the nose pinched) and a baby
/// (below: the head level, the mouth over its mouth and nose), each in
/// its own frame.
fn child_infant_breaths() -> Scene {
    let panel = |build: Build, name: &'static str, tilt: f64| {
        let c = tilted(build, 110.0, tilt);
        let mut items = vec![Item::Ground(pt(0.0, FLOOR), pt(320.0, FLOOR))];
        items.extend(breath(&c, build == Build::Baby, 0.0));
        Scene {
            name,
            technique: "child-infant-breaths",
            view: [78.0, 140.0, 150.0, 90.0],
            items,
            motion: None,
        }
    };
    Scene {
        name: "cpr-child-infant-breaths",
        technique: "child-infant-breaths",
        view: [0.0, 0.0, 240.0, 291.2],
        items: vec![
            Item::Mark(Mark::Inset {
                at: [2.0, 2.0, 236.0, 141.6],
                scene: Box::new(panel(Build::Child, "cpr-child-infant-breaths-child", 12.0)),
            }),
            Item::Mark(Mark::Inset {
                at: [2.0, 147.6, 236.0, 141.6],
                scene: Box::new(panel(Build::Baby, "cpr-child-infant-breaths-baby", 0.0)),
            }),
        ],
        motion: None,
    }
}

pub(super) fn scenes() -> Vec<Scene> {
    vec![open_airway(), adult_breath(), child_infant_breaths()]
}
