//! A baby seen from above, lying on its back (guideline reference §8,
//! "Infant CPR spot"): the breastbone, the nipple line, the spot just
//! below it, and two thumbs on the spot with the hands round the chest —
//! the infant CPR spot picture and the close-up in the two-thumb pictures.

use super::body::{Build, Figure, Hand, Limb, Part, Role, View};
use super::marks::Mark;
use super::{pt, Item, Pt, Scene};

/// Where the marks are on the baby's torso (0 hip, 1 shoulders).
const NIPPLES: f64 = 0.74;
const SPOT: f64 = 0.65;
const BONE_TOP: f64 = 0.94;
const BONE_TIP: f64 = 0.52;

/// A baby on its back seen from above, head up, hips at `hip`, arms up
/// beside the head.
pub(super) fn baby_from_above(hip: Pt) -> Figure {
    Figure {
        build: Build::Baby,
        role: Role::Casualty,
        view: View::Front(1.0),
        hip,
        spine: -90.0,
        neck: -90.0,
        face: -90.0,
        arms: [Limb::Angles(-165.0, -105.0), Limb::Angles(-15.0, -75.0)],
        hands: [Hand::Fist, Hand::Fist],
        legs: [Limb::Angles(115.0, 80.0), Limb::Angles(65.0, 100.0)],
    }
}

/// The spot on a baby seen from above.
pub(super) fn spot(b: &Figure) -> Pt {
    b.torso_at(SPOT, 0.0)
}

/// The breastbone (ending in its bottom tip), the nipples and the nipple
/// line, drawn over the baby: thin lines without the gap a hand gets, so
/// they read as marks on the body.
pub(super) fn chest_marks(b: &Figure) -> Vec<Item> {
    let tip = b.torso_at(BONE_TIP, 0.0);
    let nipple = |side: f64| b.torso_at(NIPPLES, side * 0.5);
    vec![
        Item::Mark(Mark::Thing(vec![b.torso_at(BONE_TOP, 0.0), tip], 2.0)),
        Item::Mark(Mark::Thing(vec![tip.go(-90.0, 0.1), tip], 3.5)),
        Item::Mark(Mark::Thing(
            vec![nipple(-1.0), nipple(-1.0).go(0.0, 0.1)],
            3.0,
        )),
        Item::Mark(Mark::Thing(
            vec![nipple(1.0), nipple(1.0).go(0.0, 0.1)],
            3.0,
        )),
        Item::Mark(Mark::Dashed(vec![
            b.torso_at(NIPPLES, -1.2),
            b.torso_at(NIPPLES, 1.2),
        ])),
    ]
}

/// Two hands round the chest from below (the rescuer at the baby's
/// feet): forearms, palms along the sides, thumbs side by side on the
/// spot, pointing to the head.
pub(super) fn encircling_hands(b: &Figure) -> Vec<Item> {
    let s = spot(b);
    let a = Build::Adult.dims();
    let mut v = Vec::new();
    for side in [-1.0, 1.0] {
        // The palm against the side of the chest (the fingers go on
        // round the back, out of sight), the forearm out to the side.
        let palm_top = b.torso_at(SPOT + 0.1, side * 1.4);
        let palm_low = b.torso_at(SPOT - 0.16, side * 1.5);
        let elbow = palm_low.go(90.0 - side * 50.0, a.forearm);
        v.push(Item::Stroke(vec![elbow, palm_low], a.arm_w));
        v.push(Item::Stroke(vec![palm_low, palm_top], a.arm_w * 0.8));
        // The thumb from the base of the palm to the spot, its tip just
        // beside the middle.
        let tip = s.go(0.0, side * 2.4);
        v.push(Item::Stroke(vec![palm_low.go(-90.0, 2.0), tip], 5.0));
    }
    v
}

/// The close-up of the two thumbs, as a scene to put in an inset.
pub(super) fn thumbs_close_up(name: &'static str, technique: &'static str) -> Scene {
    let b = baby_from_above(pt(0.0, 14.0));
    let mut items = vec![
        Item::Figure(b.clone(), Part::Far),
        Item::Figure(b.clone(), Part::Arms),
    ];
    items.extend(chest_marks(&b));
    items.extend(encircling_hands(&b));
    Scene {
        name,
        technique,
        view: [-30.0, -44.0, 60.0, 60.0],
        items,
        motion: None,
    }
}

/// The infant CPR spot: the lower half of the breastbone, just below the
/// nipple line; both thumbs on it (left), and a close-up of the marks
/// without the hands (right).
fn infant_spot() -> Scene {
    let b = baby_from_above(pt(130.0, 150.0));
    let mut items = vec![
        Item::Figure(b.clone(), Part::Far),
        Item::Figure(b.clone(), Part::Arms),
    ];
    items.extend(encircling_hands(&b));
    items.push(Item::Mark(Mark::Ring(spot(&b), 5.5)));
    let near = baby_from_above(pt(0.0, 14.0));
    let mut close = vec![Item::Figure(near.clone(), Part::Far)];
    close.extend(chest_marks(&near));
    close.push(Item::Mark(Mark::Ring(spot(&near), 0.8)));
    items.push(Item::Mark(Mark::Inset {
        at: [184.0, 82.0, 66.0, 66.0],
        scene: Box::new(Scene {
            name: "cpr-infant-spot-marks",
            technique: "infant-spot",
            view: [-21.0, -26.0, 42.0, 42.0],
            items: close,
            motion: None,
        }),
    }));
    Scene {
        name: "cpr-infant-spot",
        technique: "infant-spot",
        view: [70.0, 72.0, 184.0, 124.0],
        items,
        motion: None,
    }
}

pub(super) fn scenes() -> Vec<Scene> {
    vec![infant_spot()]
}
