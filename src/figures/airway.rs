//! Opening the airway and giving breaths (guideline reference §8): head
//! tilt–chin lift, mouth to mouth with the nose pinched, a child's slight
//! tilt, a baby's level head with the mouth over its mouth and nose.

use super::body::{Build, Figure, Limb, Part};
use super::choking::FLOOR;
use super::cpr::{kneeling, lying};
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
        h.go(c.face - 55.0, r + 1.0),
        h.go(c.face, r * 1.3),
        h.go(c.face + 32.0, r),
        h.go(c.face + 62.0, r + 1.5),
    )
}

/// A rescuer kneeling beside the casualty's head and shoulders (on the
/// far side), facing left along the body towards the head, the shoulders
/// at `shoulder`, the knees `back` to the right of them.
fn kneeling_beside_head(shoulder: Pt, back: f64) -> Figure {
    kneeling(shoulder, shoulder.x + back)
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
        view: [70.0, 118.0, 210.0, 114.0],
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
/// are.
fn open_airway_at(tilt: f64) -> Vec<Item> {
    let still = tilted(Build::Adult, 120.0, TILT);
    let (at_rest, ..) = face_points(&still);
    let c = tilted(Build::Adult, 120.0, tilt);
    let (forehead, _, _, chin) = face_points(&c);
    let mut r = kneeling_beside_head(pt(at_rest.x + 26.0, at_rest.y - 57.0), 40.0);
    r.neck = -150.0;
    r.face = 110.0;
    r.arms = [
        Limb::Reach {
            to: chin,
            bend: -1.0,
        },
        Limb::Reach {
            to: forehead,
            bend: -1.0,
        },
    ];
    let head = c.head();
    vec![
        Item::Ground(pt(20.0, FLOOR), pt(300.0, FLOOR)),
        Item::Figure(r.clone(), Part::All),
        Item::Figure(c, Part::All),
        Item::Figure(r.clone(), Part::NearLeg),
        Item::Figure(r, Part::Arms),
        Item::Contact(forehead),
        Item::Contact(chin),
        // The head tips back: the chin comes up.
        Item::Swing {
            centre: head,
            r: 32.0,
            from: 10.0,
            to: -45.0,
        },
    ]
}

/// A rescue breath: the rescuer's mouth sealed over the casualty's mouth
/// (and, for a baby, its nose too), the far hand on the forehead (its
/// fingers pinching the nose unless `cover_nose`), the near fingertips
/// under the chin; an arrow shows the chest rising. `lift` (0 to 1) raises
/// the rescuer's head off the mouth and turns it to watch the chest.
fn breath(c: &Figure, cover_nose: bool, lift: f64) -> Vec<Item> {
    let (forehead, nose, mouth, chin) = face_points(c);
    let a = Build::Adult.dims();
    let seal = if cover_nose {
        pt((nose.x + mouth.x) / 2.0, (nose.y + mouth.y) / 2.0)
    } else {
        mouth
    };
    // The rescuer's head is above the seal; the shoulders are to its
    // right, the back bent low over the casualty.
    let rh = seal.go(-80.0, a.head_r + 1.0);
    let shoulder = rh.go(-62.0, a.neck + a.head_r);
    let mut r = kneeling_beside_head(shoulder, 40.0);
    r.neck = shoulder.angle_to(rh) + 35.0 * lift;
    r.face = 100.0 - 70.0 * lift;
    let pinch = if cover_nose {
        forehead
    } else {
        nose.go(-150.0, 2.0)
    };
    r.arms = [
        Limb::Reach {
            to: chin,
            bend: -1.0,
        },
        Limb::Reach {
            to: pinch,
            bend: -1.0,
        },
    ];
    let chest = c.torso_at(if c.build == Build::Baby { 0.45 } else { 0.66 }, 1.0);
    vec![
        Item::Figure(r.clone(), Part::All),
        Item::Figure(c.clone(), Part::All),
        Item::Figure(r.clone(), Part::NearLeg),
        Item::Figure(r, Part::Arms),
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
        view: [70.0, 130.0, 210.0, 102.0],
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
            view: [66.0, 148.0, 186.0, 81.0],
            items,
            motion: None,
        }
    };
    Scene {
        name: "cpr-child-infant-breaths",
        technique: "child-infant-breaths",
        view: [0.0, 0.0, 240.0, 212.0],
        items: vec![
            Item::Mark(Mark::Inset {
                at: [2.0, 2.0, 236.0, 102.0],
                scene: Box::new(panel(Build::Child, "cpr-child-infant-breaths-child", 12.0)),
            }),
            Item::Mark(Mark::Inset {
                at: [2.0, 108.0, 236.0, 102.0],
                scene: Box::new(panel(Build::Baby, "cpr-child-infant-breaths-baby", 0.0)),
            }),
        ],
        motion: None,
    }
}

pub(super) fn scenes() -> Vec<Scene> {
    vec![open_airway(), adult_breath(), child_infant_breaths()]
}
