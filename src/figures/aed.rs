//! AED pads on a person (guideline reference §4 and §8): a bare chest,
//! where an adult's pads go, a child's pads apart or front and back, and
//! the special cases — a wet chest, a medicine patch, an implanted
//! device, thick chest hair. Seen from above unless the back matters.

use super::above::{adult_pads, chest_marks, hand_from_below, lying_from_above, pad, PAD};
use super::body::{Build, Figure, Limb, Part};
use super::choking::FLOOR;
use super::cpr::{kneeling, lying, CLOSE};
use super::marks::Mark;
use super::motion::segment_gap;
use super::{pt, Item, Pt, Scene};

/// The bottom edge of the pictures seen from above (the rescuer kneels
/// below it).
const BOTTOM: f64 = 150.0;
const VIEW: [f64; 4] = [98.0, 50.0, 136.0, BOTTOM - 50.0];

/// An adult on their back seen from above, with the marks on the chest.
fn adult() -> (Figure, Vec<Item>) {
    let mut c = lying_from_above(Build::Adult, pt(206.0, 100.0));
    // The arms away from the body, the left one more: the side pad goes
    // on the skin below the armpit, not on the arm.
    c.arms = [Limb::Angles(30.0, 10.0), Limb::Angles(-40.0, -10.0)];
    let mut items = vec![
        Item::Figure(c.clone(), Part::Far),
        Item::Figure(c.clone(), Part::Arms),
    ];
    items.extend(chest_marks(&c));
    (c, items)
}

/// Clothes opened and pulled aside: the whole chest bare.
fn bare_chest() -> Scene {
    let (c, mut items) = adult();
    let l = c.left();
    // The shirt: one side already off the chest, the other being pulled
    // aside by the rescuer's hand.
    let far = [
        c.torso_at(0.98, 0.7),
        c.torso_at(0.5, 1.15),
        c.torso_at(0.05, 1.1),
    ];
    let near_edge = [
        c.torso_at(0.98, -0.7),
        c.torso_at(0.5, -1.2),
        c.torso_at(0.05, -1.1),
    ];
    items.push(Item::Mark(Mark::Thing(
        far.map(|p| p.go(l, 7.0)).to_vec(),
        12.0,
    )));
    items.push(Item::Mark(Mark::Thing(
        near_edge.map(|p| p.go(l, -8.0)).to_vec(),
        12.0,
    )));
    let grip = near_edge[1].go(l, -10.0);
    items.extend(hand_from_below(grip, 80.0, BOTTOM));
    items.push(Item::Arrow {
        from: grip.go(0.0, 22.0).go(90.0, -6.0),
        deg: 90.0,
        len: 24.0,
    });
    Scene {
        name: "aed-bare-chest",
        technique: "bare-chest",
        view: VIEW,
        items,
        motion: None,
    }
}

/// An adult's two pads in place; the rescuer presses the side pad flat.
fn adult_pads_placed() -> Scene {
    let (c, mut items) = adult();
    let [right, left] = adult_pads(&c);
    items.push(pad(right.0, right.1, false));
    items.push(pad(left.0, left.1, false));
    items.extend(hand_from_below(left.0.go(0.0, PAD.0 / 2.0), 62.0, BOTTOM));
    Scene {
        name: "aed-adult-pads",
        technique: "adult-pads",
        view: VIEW,
        items,
        motion: None,
    }
}

/// A child's pads on the front, as big as fit, not touching.
fn child_pads_apart() -> Scene {
    let mut c = lying_from_above(Build::Child, pt(196.0, 100.0));
    // The arms out from the body, so the whole chest shows and each pad
    // lies on it, not half on an arm (a child's chest is small).
    c.arms = [Limb::Angles(50.0, 10.0), Limb::Angles(-50.0, -10.0)];
    let mut items = vec![
        Item::Figure(c.clone(), Part::Far),
        Item::Figure(c.clone(), Part::Arms),
    ];
    let (w, h) = (PAD.0 * 0.8, PAD.1 * 0.8);
    let right = c.torso_at(0.74, -0.36);
    let left = c.torso_at(0.38, 0.5);
    for (at, deg) in [(right, c.spine + 90.0), (left, c.spine)] {
        items.push(Item::Mark(Mark::PadFace {
            at,
            deg,
            w,
            h,
            ghost: false,
        }));
    }
    items.extend(hand_from_below(left.go(0.0, w / 2.0), 65.0, BOTTOM));
    Scene {
        name: "aed-child-pads-apart",
        technique: "child-pads-apart",
        view: [104.0, 58.0, 124.0, BOTTOM - 58.0],
        items,
        motion: None,
    }
}

/// A child's pads front and back, seen from the side: one hand presses
/// the pad on the centre of the chest; the other reaches down behind the
/// child's hips and slides the pad under the centre of the back (an arm
/// drawn over the child ran through its body).
fn child_pads_front_and_back() -> Scene {
    let mut c = lying(Build::Child, 100.0);
    c.hip.y -= 4.0;
    let half = 9.0;
    let front = c.torso_at(0.7, 1.0).go(-90.0, 3.5);
    let back = c.torso_at(0.7, -1.0).go(90.0, 3.5);
    let a = Build::Adult.dims();
    // The sliding hand, hidden under the back at the pad's end; the
    // elbow above and beyond the hips, the upper arm straight down to it
    // beside the child.
    let slide = pt(back.x + half + a.hand / 2.0, back.y - 3.5);
    let elbow = slide.go(-55.0, a.forearm + a.hand / 2.0);
    let shoulder = elbow.go(-118.0, a.upper_arm);
    let mut r = kneeling(shoulder, front.x + 48.0);
    // The pressing hand: the fingers on the front pad, the hand along
    // the forearm.
    let tip = front.go(-90.0, 2.0);
    let mut hand = tip.go(-90.0, a.hand / 2.0);
    for _ in 0..3 {
        r.arms[0] = Limb::to(hand);
        let j = r.arm_joints()[0];
        hand = tip.go(j.end.angle_to(j.mid), a.hand / 2.0);
    }
    r.arms = [
        Limb::to(hand),
        Limb::Angles(shoulder.angle_to(elbow), elbow.angle_to(slide)),
    ];
    Scene {
        name: "aed-child-pads-front-back-hands",
        technique: "child-pads-front-back",
        view: CLOSE,
        items: vec![
            Item::Ground(pt(20.0, FLOOR), pt(300.0, FLOOR)),
            // The arm at the back pad drawn only here, behind the child
            // (and in front of the rescuer's body).
            Item::Figure(r.clone(), Part::All),
            Item::Figure(r.clone(), Part::Arms),
            Item::Figure(c, Part::All),
            Item::Figure(r.clone(), Part::NearLeg),
            Item::Pad(back.go(180.0, half), back.go(0.0, half)),
            // The body and the near arm again, in front of the child.
            Item::Figure(r, Part::Near),
            Item::Pad(front.go(180.0, half), front.go(0.0, half)),
            Item::Arrow {
                from: back.go(0.0, 40.0),
                deg: 180.0,
                len: 18.0,
            },
        ],
        motion: None,
    }
}

/// Wiping a wet chest dry before the pads go on (from the side): the
/// cloth flat on the chest under the fingers, its end bunched in the
/// hand; the other hand rests on the thigh.
fn wipe_dry() -> Scene {
    let c = lying(Build::Adult, 92.0);
    let spot = c.torso_at(0.72, 1.0);
    let a = Build::Adult.dims();
    // The cloth lies on the skin; the fingertips press on its top.
    let cloth_w = 5.0;
    let on = spot.y - cloth_w / 2.0;
    let tip = pt(spot.x, spot.y - cloth_w - a.arm_w * 0.85 / 2.0 + 1.0);
    let mut r = kneeling(tip.go(-70.0, 66.0), 190.0);
    // The hand's centre behind the fingertips, along the forearm (found
    // from the forearm's direction, which hardly moves with it).
    let mut hand = tip.go(-90.0, a.hand / 2.0);
    for _ in 0..3 {
        r.arms[0] = Limb::to(hand);
        let j = r.arm_joints()[0];
        hand = tip.go(j.end.angle_to(j.mid), a.hand / 2.0);
    }
    r.arms = [Limb::to(hand), Limb::to(r.torso_at(0.0, 1.4))];
    let cloth = vec![
        pt(spot.x - 16.0, on),
        pt(spot.x + 4.0, on),
        pt(spot.x + 7.5, on - 4.0),
        pt(spot.x + 6.5, on - 10.0),
    ];
    let level = on - 12.0;
    Scene {
        name: "aed-wipe-chest",
        technique: "wipe-chest-dry",
        view: CLOSE,
        items: vec![
            Item::Ground(pt(20.0, FLOOR), pt(300.0, FLOOR)),
            Item::Figure(r.clone(), Part::All),
            Item::Figure(c, Part::All),
            Item::Figure(r.clone(), Part::NearLeg),
            Item::Mark(Mark::Thing(cloth, cloth_w)),
            Item::Figure(r, Part::Arms),
            Item::Arrow {
                from: pt(spot.x - 14.0, level),
                deg: 180.0,
                len: 20.0,
            },
            Item::Arrow {
                from: pt(spot.x + 14.0, level),
                deg: 0.0,
                len: 20.0,
            },
        ],
        motion: None,
    }
}

/// A square outline (a medicine patch, an implanted device).
fn square(at: Pt, half: f64, round: f64) -> Vec<Pt> {
    let h = half - round;
    vec![
        pt(at.x - h, at.y - half),
        pt(at.x + h, at.y - half),
        pt(at.x + half, at.y - h),
        pt(at.x + half, at.y + h),
        pt(at.x + h, at.y + half),
        pt(at.x - h, at.y + half),
        pt(at.x - half, at.y + h),
        pt(at.x - half, at.y - h),
        pt(at.x - h, at.y - half),
    ]
}

/// A gloved hand peeling a medicine patch off the chest.
fn remove_patch() -> Scene {
    let (c, mut items) = adult();
    let patch = c.torso_at(0.72, 0.42);
    items.push(Item::Mark(Mark::Thing(square(patch, 5.5, 1.0), 2.5)));
    // Peeled from its lower corner, towards the rescuer.
    let corner = patch.go(60.0, 6.0);
    items.extend(hand_from_below(corner, 75.0, BOTTOM));
    // The glove's cuff round the wrist.
    let a = Build::Adult.dims();
    let wrist = corner.go(75.0, a.hand * 0.9 + 8.0);
    items.push(Item::Stroke(
        vec![wrist.go(165.0, 8.0), wrist.go(-15.0, 8.0)],
        4.0,
    ));
    items.push(Item::Arrow {
        from: corner.go(0.0, 12.0),
        deg: 60.0,
        len: 24.0,
    });
    Scene {
        name: "aed-remove-patch",
        technique: "remove-patch",
        view: VIEW,
        items,
        motion: None,
    }
}

/// A lump under the skin below the right collarbone: no pad on top of it
/// (a dashed outline, crossed out on its edge); the pad goes lower, a
/// hand-width (about 8 cm) from the lump (§8; it touched the outline),
/// pressed on.
fn implanted_device() -> Scene {
    let (c, mut items) = adult();
    let [right, left] = adult_pads(&c);
    let lump = c.torso_at(0.86, -0.5);
    items.push(Item::Mark(Mark::Thing(square(lump, 3.5, 1.5), 3.0)));
    items.push(pad(lump, right.1, true));
    items.push(Item::Mark(Mark::Cross(lump.go(-90.0, PAD.1 / 2.0), 4.0)));
    let moved = c.torso_at(0.53, -0.5);
    items.push(pad(moved, right.1, false));
    items.push(pad(left.0, left.1, false));
    items.extend(hand_from_below(
        moved.go(0.0, PAD.1 / 2.0 + 1.0),
        70.0,
        BOTTOM,
    ));
    Scene {
        name: "aed-implanted-device",
        technique: "pad-away-from-device",
        view: VIEW,
        items,
        motion: None,
    }
}

/// Whether `p` lies on the upper half of a person's torso seen from
/// above, inside its outline (not on an arm beside it).
fn on_chest(c: &Figure, p: Pt) -> bool {
    let (hip, top) = (c.torso_at(0.0, 0.0), c.torso_at(1.0, 0.0));
    let a = (hip.angle_to(p) - hip.angle_to(top)).to_radians();
    let t = hip.dist(p) * a.cos() / hip.dist(top);
    let across = (hip.dist(p) * a.sin()).abs();
    let clear_of_arms = c.arm_joints().iter().all(|j| {
        [(j.root, j.mid), (j.mid, j.end)]
            .iter()
            .all(|&arm| segment_gap((p, p), arm) > c.dims().arm_w * 0.5 + 2.5)
    });
    (0.5..0.97).contains(&t)
        && across < c.torso_at(t, 1.0).dist(c.torso_at(t, 0.0)) - 2.0
        && clear_of_arms
}

/// Thick chest hair shaved where a pad will go.
fn shave_hair() -> Scene {
    let (c, mut items) = adult();
    let [right, _] = adult_pads(&c);
    // Short hairs round the place of the pad (where the razor has
    // been, the skin is bare).
    for i in 0..6 {
        for j in 0..7 {
            let p = right
                .0
                .go(180.0, 15.0 - 5.0 * f64::from(i))
                .go(90.0, 12.0 - 4.0 * f64::from(j));
            let bare = (p.x - right.0.x).abs() < PAD.0 / 2.0 + 1.0
                && (p.y - right.0.y).abs() < PAD.1 / 2.0 + 1.0;
            if !bare && on_chest(&c, p) {
                let tilt = if (i + j) % 2 == 0 { 60.0 } else { 120.0 };
                items.push(Item::Mark(Mark::Thing(vec![p, p.go(tilt, 3.0)], 1.6)));
            }
        }
    }
    items.push(pad(right.0, right.1, true));
    // The razor in the hand, at the edge of the pad's place: its head
    // across the stroke, its handle down to the hand.
    let head = right.0.go(0.0, PAD.0 / 2.0 + 2.0);
    let grip = head.go(60.0, 20.0);
    items.push(Item::Mark(Mark::Thing(
        vec![head.go(-90.0, 5.0), head.go(90.0, 5.0)],
        3.5,
    )));
    items.push(Item::Mark(Mark::Thing(vec![head, grip], 2.5)));
    items.extend(hand_from_below(grip, 60.0, BOTTOM));
    Scene {
        name: "aed-shave-chest-hair",
        technique: "shave-chest-hair",
        view: VIEW,
        items,
        motion: None,
    }
}

/// Nobody touches the person while the AED checks the heart and shocks
/// (from the side): the rescuer kneels up, back from the person, both
/// hands raised and open, and calls out so that everyone stands clear;
/// the pads on the chest are wired to the AED on the floor by the head.
fn stand_clear() -> Scene {
    let c = lying(Build::Adult, 112.0);
    // The pads apart, as they must be (the step before says they never
    // touch): below the collarbone, and on the side at nipple height.
    let half = 6.5;
    let upper = c.torso_at(0.88, 1.0).go(-90.0, 3.5);
    let side = c.torso_at(0.46, 1.0).go(-90.0, 3.5);
    // The AED: a box on the floor beyond the head, a flash on its face.
    let aed = pt(74.0, FLOOR - 13.0);
    let flash = vec![
        aed.go(-60.0, 8.0),
        aed.go(180.0, 3.0),
        aed.go(0.0, 3.0),
        aed.go(120.0, 8.0),
    ];
    let socket = aed.go(-90.0, 12.0);
    let wire = |from: Pt, rise: f64| {
        vec![
            from,
            from.go(-120.0, rise),
            pt(socket.x + 18.0, socket.y - rise * 0.9),
            socket,
        ]
    };
    // Kneeling up by the hips and leaning back from the person, the
    // hands raised to the height of the head, open.
    let knee_x = c.hip.x + 6.0;
    let mut r = kneeling(pt(knee_x + 8.0, FLOOR - 100.0), knee_x);
    r.neck = -100.0;
    r.face = 165.0;
    r.arms = [Limb::Angles(-125.0, -95.0), Limb::Angles(-30.0, -85.0)];
    let mouth = r.head().go(r.face, r.dims().head_r * 1.35);
    Scene {
        name: "aed-stand-clear",
        technique: "stand-clear",
        view: [52.0, 40.0, 232.0, 192.0],
        items: vec![
            Item::Ground(pt(20.0, FLOOR), pt(300.0, FLOOR)),
            Item::Figure(r.clone(), Part::All),
            Item::Figure(c, Part::All),
            Item::Figure(r.clone(), Part::NearLeg),
            Item::Figure(r, Part::Arms),
            Item::Stroke(wire(upper.go(180.0, half), 26.0), 1.5),
            Item::Stroke(wire(side.go(180.0, half), 40.0), 1.5),
            Item::Pad(upper.go(180.0, half), upper.go(0.0, half)),
            Item::Pad(side.go(180.0, half), side.go(0.0, half)),
            Item::Stroke(square(aed, 12.0, 3.0), 2.5),
            Item::Stroke(flash, 2.0),
            Item::Mark(Mark::Sound {
                at: mouth,
                deg: 175.0,
            }),
        ],
        motion: None,
    }
}

pub(super) fn scenes() -> Vec<Scene> {
    vec![
        bare_chest(),
        adult_pads_placed(),
        child_pads_apart(),
        child_pads_front_and_back(),
        wipe_dry(),
        remove_patch(),
        implanted_device(),
        shave_hair(),
        stand_clear(),
    ]
}
