//! More choking scenes (guideline reference §5 and §8): where the fist
//! goes, choking alone, lowering a person who collapses, and looking in
//! the mouth before breaths.

use super::body::{Build, Figure, Hand, Limb, Part, Role, View};
use super::choking::{foot, from_behind, standing, FLOOR};
use super::cpr::{kneeling, lying};
use super::marks::Mark;
use super::{pt, Item, Pt, Scene};

/// A close-up of the abdominal thrust: the fist between the belly button
/// and the bottom tip of the breastbone, pulled in and up.
fn fist_position() -> Scene {
    let (c, r, fist) = from_behind(Build::Adult, 0.44, 26.0);
    let navel = c.torso_at(0.2, 0.72);
    let notch = c.torso_at(0.97, 0.62);
    let tip = c.torso_at(0.66, 0.62);
    Scene {
        name: "choking-fist-position",
        technique: "abdominal-fist-position",
        view: [112.0, 30.0, 190.0, 142.0],
        items: vec![
            Item::Figure(r.clone(), Part::Far),
            Item::Figure(c, Part::All),
            // The breastbone, ending in its bottom tip, and the belly
            // button: landmarks, lighter than the rescuer.
            Item::Mark(Mark::Thing(vec![notch, tip], 4.5)),
            Item::Mark(Mark::Thing(vec![tip.go(-90.0, 0.1), tip], 7.0)),
            Item::Mark(Mark::Thing(vec![navel, navel.go(90.0, 0.1)], 6.0)),
            Item::Figure(r, Part::Near),
            Item::Contact(fist),
            Item::Arrow {
                from: fist.go(40.0, 36.0),
                deg: -140.0,
                len: 26.0,
            },
        ],
        motion: None,
    }
}

/// A chair facing right: the top of its back at `top`.
fn chair(top: Pt) -> Vec<Item> {
    let seat = FLOOR - 46.0;
    let w = 6.0;
    vec![
        Item::Mark(Mark::Thing(
            vec![
                top,
                pt(top.x, seat),
                pt(top.x + 38.0, seat),
                pt(top.x + 38.0, FLOOR - 2.0),
            ],
            w,
        )),
        Item::Mark(Mark::Thing(
            vec![pt(top.x, seat), pt(top.x, FLOOR - 2.0)],
            w,
        )),
    ]
}

/// Choking alone: your own fist in and up (left), or the belly pressed
/// hard onto the back of a chair (right).
fn self_rescue() -> Scene {
    let mut a = standing(
        Build::Adult,
        Role::Rescuer,
        78.0,
        -78.0,
        [Limb::Angles(90.0, 90.0); 2],
    );
    a.neck = -70.0;
    a.face = 25.0;
    let fist = a.torso_at(0.42, 1.3);
    a.arms = [Limb::to(fist), Limb::to(fist)];
    a.hands = [Hand::Fist, Hand::Fist];
    a.legs = [foot(86.0), foot(66.0)];

    let hip = pt(196.0, 136.0);
    let spine = -38.0;
    let mut b = standing(
        Build::Adult,
        Role::Rescuer,
        hip.x,
        spine,
        [Limb::Angles(90.0, 90.0); 2],
    );
    b.hip = hip;
    b.neck = spine + 20.0;
    b.face = 60.0;
    let belly = b.torso_at(0.36, 1.0);
    let top = belly.go(b.front(), 3.5);
    let grip = top.go(0.0, 7.0);
    b.arms = [
        Limb::Reach {
            to: grip,
            bend: -1.0,
        },
        Limb::Reach {
            to: grip.go(0.0, 3.0),
            bend: -1.0,
        },
    ];
    b.hands = [Hand::Fist, Hand::Fist];
    b.legs = [foot(188.0), foot(168.0)];
    let mut items = vec![Item::Ground(pt(20.0, FLOOR), pt(300.0, FLOOR))];
    items.extend(chair(top));
    items.extend([
        Item::Figure(a, Part::All),
        Item::Contact(fist),
        Item::Arrow {
            from: fist.go(40.0, 34.0),
            deg: -140.0,
            len: 24.0,
        },
        Item::Figure(b.clone(), Part::All),
        Item::Contact(belly),
        Item::Arrow {
            from: b.torso_at(0.36, -1.0).go(b.front() + 180.0, 34.0),
            deg: b.front(),
            len: 24.0,
        },
    ]);
    Scene {
        name: "choking-self-rescue",
        technique: "self-rescue",
        view: [20.0, 40.0, 290.0, 196.0],
        items,
        motion: None,
    }
}

/// A choking person who collapses: held from behind under the arms and
/// lowered to the floor.
fn lower_to_ground() -> Scene {
    let c = Figure {
        build: Build::Adult,
        role: Role::Casualty,
        view: View::Side,
        hip: pt(186.0, 190.0),
        spine: -104.0,
        neck: -78.0,
        face: 40.0,
        arms: [Limb::Angles(88.0, 70.0), Limb::Angles(95.0, 80.0)],
        hands: [Hand::Open, Hand::Open],
        legs: [
            Limb::Reach {
                to: pt(250.0, FLOOR - 7.0),
                bend: -1.0,
            },
            Limb::Reach {
                to: pt(240.0, FLOOR - 7.0),
                bend: -1.0,
            },
        ],
    };
    // Under the armpit, round the chest: the arm runs below the
    // casualty's shoulder, and their arm hangs over it.
    let chest = c.torso_at(0.66, 1.15);
    let mut r = standing(
        Build::Adult,
        Role::Rescuer,
        110.0,
        -62.0,
        [
            Limb::to(chest),
            Limb::Reach {
                to: chest.go(0.0, 3.0),
                bend: 1.0,
            },
        ],
    );
    r.hip = pt(106.0, 164.0);
    r.neck = -45.0;
    r.face = 45.0;
    r.legs = [foot(146.0), foot(66.0)];
    Scene {
        name: "choking-lower-to-ground",
        technique: "lower-to-ground",
        view: [30.0, 50.0, 260.0, 182.0],
        items: vec![
            Item::Ground(pt(20.0, FLOOR), pt(300.0, FLOOR)),
            Item::Figure(r.clone(), Part::All),
            Item::Figure(c.clone(), Part::All),
            Item::Figure(r, Part::Arms),
            Item::Figure(c.clone(), Part::Arms),
            // Down, just in front of the person being lowered.
            Item::Arrow {
                from: c.torso_at(1.0, 1.0).go(0.0, 32.0),
                deg: 90.0,
                len: 34.0,
            },
        ],
        motion: None,
    }
}

/// Looking in the mouth before a breath: kneeling by the head, one hand
/// on the forehead, the thumb opening the mouth, the eyes on it.
fn look_in_mouth() -> Scene {
    let c = lying(Build::Adult, 92.0);
    let d = Build::Adult.dims();
    let head = c.head();
    let mouth = head.go(-62.0, d.head_r);
    let chin = head.go(-40.0, d.head_r + 1.0);
    let forehead = head.go(-128.0, d.head_r + 1.0);
    let mut r = kneeling(pt(118.0, 146.0), 136.0);
    r.neck = -150.0;
    r.face = 140.0;
    r.arms = [Limb::to(chin), Limb::to(forehead)];
    let eye = r.head().go(r.face - 20.0, d.head_r * 0.7);
    Scene {
        name: "choking-look-in-mouth",
        technique: "look-in-mouth",
        view: [46.0, 84.0, 196.0, 148.0],
        items: vec![
            Item::Ground(pt(20.0, FLOOR), pt(300.0, FLOOR)),
            Item::Figure(r.clone(), Part::All),
            Item::Figure(c, Part::All),
            Item::Figure(r.clone(), Part::NearLeg),
            Item::Figure(r, Part::Arms),
            Item::Mark(Mark::Look(eye, mouth.go(-60.0, 3.0))),
            Item::Contact(mouth),
        ],
        motion: None,
    }
}

pub(super) fn scenes() -> Vec<Scene> {
    vec![
        fist_position(),
        self_rescue(),
        lower_to_ground(),
        look_in_mouth(),
    ]
}
