//! Pictures seen from above: an adult lying on their back (head to the
//! left, their right side towards the rescuer at the bottom of the
//! picture), marks on the chest, and the rescuer's arms reaching in from
//! the bottom edge.

use super::body::{Build, Figure, Hand, Limb, Role, View};
use super::marks::Mark;
use super::{Item, Pt};

/// A person of `build` on their back seen from above, head to the left,
/// hips at `hip`, arms a little out from the body.
pub(super) fn lying_from_above(build: Build, hip: Pt) -> Figure {
    Figure {
        build,
        role: Role::Casualty,
        view: View::Front(1.0),
        hip,
        spine: 180.0,
        neck: 180.0,
        face: 180.0,
        // [right (bottom), left (top)]
        arms: [Limb::Angles(16.0, 6.0), Limb::Angles(-16.0, -6.0)],
        hands: [Hand::Open, Hand::Open],
        legs: [Limb::Angles(4.0, 0.0), Limb::Angles(-4.0, 0.0)],
    }
}

/// The rescuer's arm and hand seen from above, reaching up from below
/// `bottom` (where the rescuer kneels) to `to`, coming from direction
/// `from` (degrees, pointing down).
pub(super) fn hand_from_below(to: Pt, from: f64, bottom: f64) -> Vec<Item> {
    let a = Build::Adult.dims();
    let wrist = to.go(from, a.hand * 0.9);
    let long = (bottom + a.arm_w - wrist.y) / from.to_radians().sin();
    vec![
        Item::Stroke(vec![wrist.go(from, long), wrist], a.arm_w),
        // The palm, wider than the wrist.
        Item::Stroke(vec![wrist.go(from + 180.0, 3.0), to], a.arm_w * 1.25),
    ]
}

/// Collarbones and nipples on a chest seen from above: thin marks that
/// help place a pad.
pub(super) fn chest_marks(c: &Figure) -> Vec<Item> {
    let mut v = Vec::new();
    for side in [-1.0, 1.0] {
        v.push(Item::Mark(Mark::Thing(
            vec![c.torso_at(0.97, side * 0.12), c.torso_at(0.93, side * 0.78)],
            2.0,
        )));
        let nipple = c.torso_at(0.7, side * 0.5);
        v.push(Item::Mark(Mark::Thing(
            vec![nipple, nipple.go(0.0, 0.1)],
            3.0,
        )));
    }
    v
}

/// An adult AED pad's size seen face on (long side, short side).
pub(super) const PAD: (f64, f64) = (13.0, 9.0);

/// The two adult pads: below the right collarbone, and on the left side
/// below the armpit (centres, and the direction of each long side).
pub(super) fn adult_pads(c: &Figure) -> [(Pt, f64); 2] {
    [
        (c.torso_at(0.78, -0.25), c.spine),
        (c.torso_at(0.52, 0.8), c.spine),
    ]
}

/// A pad face on.
pub(super) fn pad(at: Pt, deg: f64, ghost: bool) -> Item {
    Item::Mark(Mark::PadFace {
        at,
        deg,
        w: PAD.0,
        h: PAD.1,
        ghost,
    })
}
