//! Opening the airway and giving breaths (guideline reference §8): head
//! tilt–chin lift, mouth to mouth with the nose pinched, a child's slight
//! tilt, a baby's level head with the mouth over its mouth and nose.

use super::body::{Build, Figure, Limb, Part};
use super::choking::FLOOR;
use super::cpr::{kneeling, lying};
use super::marks::Mark;
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

/// A rescuer kneeling beyond the casualty's head, facing right (towards
/// their feet), the shoulders at `shoulder`, the knees `back` behind them.
fn kneeling_at_head(shoulder: Pt, back: f64) -> Figure {
    kneeling(shoulder, shoulder.x + back).mirrored(shoulder.x)
}

/// Head tilt–chin lift: the rescuer's far hand on the forehead, the
/// fingertips of the near hand under the chin.
fn open_airway() -> Scene {
    let c = tilted(Build::Adult, 120.0, 30.0);
    let (forehead, _, _, chin) = face_points(&c);
    let mut r = kneeling_at_head(pt(forehead.x - 16.0, forehead.y - 54.0), 34.0);
    r.neck = -35.0;
    r.face = 60.0;
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
    Scene {
        name: "cpr-open-airway",
        technique: "head-tilt-chin-lift",
        view: [0.0, 108.0, 240.0, 126.0],
        items: vec![
            Item::Ground(pt(20.0, FLOOR), pt(300.0, FLOOR)),
            Item::Figure(r.clone(), Part::All),
            Item::Figure(c, Part::All),
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
        ],
    }
}

/// A rescue breath: the rescuer's mouth sealed over the casualty's mouth
/// (and, for a baby, its nose too), the far hand on the forehead (its
/// fingers pinching the nose unless `cover_nose`), the near fingertips
/// under the chin; an arrow shows the chest rising.
fn breath(c: &Figure, cover_nose: bool) -> Vec<Item> {
    let (forehead, nose, mouth, chin) = face_points(c);
    let a = Build::Adult.dims();
    let seal = if cover_nose {
        pt((nose.x + mouth.x) / 2.0, (nose.y + mouth.y) / 2.0)
    } else {
        mouth
    };
    let rh = seal.go(-105.0, a.head_r + 1.0);
    let shoulder = rh.go(-115.0, a.neck + a.head_r);
    let mut r = kneeling_at_head(shoulder, 30.0);
    r.neck = shoulder.angle_to(rh);
    r.face = 80.0;
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

fn adult_breath() -> Scene {
    let c = tilted(Build::Adult, 120.0, 30.0);
    let mut items = vec![Item::Ground(pt(20.0, FLOOR), pt(300.0, FLOOR))];
    items.extend(breath(&c, false));
    Scene {
        name: "cpr-adult-breath",
        technique: "rescue-breath",
        view: [10.0, 132.0, 240.0, 102.0],
        items,
    }
}

/// A child (above: the head tilted a little, the nose pinched) and a baby
/// (below: the head level, the mouth over its mouth and nose), each in
/// its own frame.
fn child_infant_breaths() -> Scene {
    let panel = |build: Build, name: &'static str, tilt: f64| {
        let c = tilted(build, 110.0, tilt);
        let mut items = vec![Item::Ground(pt(0.0, FLOOR), pt(320.0, FLOOR))];
        items.extend(breath(&c, build == Build::Baby));
        Scene {
            name,
            technique: "child-infant-breaths",
            view: [44.0, 150.0, 186.0, 81.0],
            items,
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
    }
}

pub(super) fn scenes() -> Vec<Scene> {
    vec![open_airway(), adult_breath(), child_infant_breaths()]
}
