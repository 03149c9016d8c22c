//! CPR scenes (guideline reference §8): the compression posture and the
//! hands on the chest.

use super::body::{Build, Figure, Hand, Limb, Part, Role, View};
use super::choking::FLOOR;
use super::motion::{pressed, Motion};

/// The view of a person lying on the floor with a rescuer kneeling.
pub(super) const CLOSE: [f64; 4] = [40.0, 74.0, 248.0, 162.0];
use super::marks::Mark;
use super::{infant, pt, Item, Pt, Scene};

/// A person lying on their back on the floor, head to the left.
pub(super) fn lying(build: Build, head_x: f64) -> Figure {
    let d = build.dims();
    let y = FLOOR - d.torso_w / 2.0;
    let shoulder_x = head_x + d.head_r + d.neck;
    // The legs slope from the hip, at the middle of the torso's depth, so
    // that the heels rest on the floor (a leg is thinner than the torso).
    let drop = (d.torso_w - d.leg_w) / 2.0;
    let rest = (drop / (d.thigh + d.shin)).asin().to_degrees();
    Figure {
        build,
        role: Role::Casualty,
        view: View::Side,
        hip: pt(shoulder_x + d.torso, y),
        spine: 180.0,
        neck: 180.0,
        face: -90.0,
        arms: [Limb::Angles(6.0, 0.0), Limb::Angles(4.0, -2.0)],
        hands: [Hand::Open, Hand::Open],
        legs: [
            Limb::Angles(rest - 2.0, rest + 2.0),
            Limb::Angles(rest, rest),
        ],
    }
}

/// A rescuer kneeling on both knees, facing left, with the shoulders at
/// `shoulder` and the knees on the floor below and behind them.
pub(super) fn kneeling(shoulder: Pt, knee_x: f64) -> Figure {
    let d = Build::Adult.dims();
    let knee = pt(knee_x, FLOOR - d.leg_w / 2.0);
    // The hip sits on a circle of the thigh's length round the knee and
    // a torso's length from the shoulders: take the upper crossing.
    let (a, b) = (d.torso, d.thigh);
    let dd = shoulder.dist(knee);
    let along = (a * a - b * b + dd * dd) / (2.0 * dd);
    assert!(
        dd < a + b,
        "kneeling: shoulders out of reach of knees at {knee_x}"
    );
    let h = (a * a - along * along).max(0.0).sqrt();
    let base = shoulder.go(shoulder.angle_to(knee), along);
    let hip = base.go(shoulder.angle_to(knee) - 90.0, h);
    Figure {
        build: Build::Adult,
        role: Role::Rescuer,
        view: View::Side,
        hip,
        spine: hip.angle_to(shoulder),
        neck: hip.angle_to(shoulder) - 15.0,
        face: 120.0,
        arms: [Limb::Angles(90.0, 90.0), Limb::Angles(90.0, 90.0)],
        hands: [Hand::Open, Hand::Open],
        // Shins along the floor behind, raised so the toes rest on it.
        legs: [
            Limb::Angles(hip.angle_to(knee), -14.0),
            Limb::Angles(hip.angle_to(knee) - 6.0, -14.0),
        ],
    }
}

/// How far behind the hands on the chest a kneeling rescuer's knees are:
/// beside the chest, close to the side.
const KNEE_BACK: f64 = 22.0;

/// A rescuer `r` kneeling beside a casualty `c` lying on the floor, on
/// the near side: the near knee in front of them, the arms reaching over.
pub(super) fn beside(r: Figure, c: Figure) -> [Item; 4] {
    [
        Item::Figure(r.clone(), Part::All),
        Item::Figure(c, Part::All),
        Item::Figure(r.clone(), Part::NearLeg),
        Item::Figure(r, Part::Arms),
    ]
}

/// Where the hands go on an adult's chest, from the hips (0) to the
/// shoulders (1): the middle of the lower half of the breastbone (see
/// [`Build::breastbone`]).
pub const ADULT_SPOT: f64 = 0.72;

/// How far an adult's chest goes down: 5 to 6 cm (guideline reference
/// §8), at the figures' scale of about a unit a centimetre.
pub(super) const ADULT_PRESS: f64 = 5.5;

/// A child's or a baby's: a third of the chest's depth.
pub(super) fn small_press(build: Build) -> f64 {
    build.dims().torso_w / 3.0
}

/// The adult compression: the rescuer kneeling, arms straight, shoulders
/// above the stacked hands on the spot, the chest pressed `push` down (0:
/// at full recoil). The rescuer bends at the hips, knees where they are.
/// The floor and the people, and the spot on the chest at rest.
pub(super) fn adult_push(push: f64) -> (Vec<Item>, Pt) {
    let c = lying(Build::Adult, 92.0);
    let spot = c.torso_at(ADULT_SPOT, 1.0);
    let hands = pressed(&c, push, spot).go(-90.0, 4.0);
    let d = Build::Adult.dims();
    let reach = d.upper_arm + d.forearm + d.hand / 2.0;
    // Knees close enough that the shoulders can be right above the
    // hands with the arms straight.
    let mut r = kneeling(hands.go(-90.0, reach - 0.05), spot.x + KNEE_BACK);
    r.arms = [
        Limb::to(hands),
        Limb::Reach {
            to: hands.go(0.0, 3.0),
            bend: 1.0,
        },
    ];
    let mut items = vec![Item::Ground(pt(20.0, FLOOR), pt(300.0, FLOOR))];
    items.extend(beside(r, c));
    (items, spot)
}

/// A push's force arrow, down, beside the straight arm(s) and ending just
/// above the hands, so it points at them, not at the head beyond: `[above,
/// back, len]` — it starts `above` the spot and `back` from it towards the
/// head (the arm's half width and a gap), `len` long.
pub(super) const ADULT_ARROW: [f64; 3] = [40.0, 12.0, 26.0];
/// The same over a child's or a baby's chest (a thinner arm, a smaller
/// chest).
const SMALL_ARROW: [f64; 3] = [36.0, 9.0, 24.0];

/// The force arrow of a push at `spot`, placed by `[above, back, len]`.
pub(super) fn push_arrow(spot: Pt, [above, back, len]: [f64; 3]) -> Item {
    Item::Arrow {
        from: spot.go(-90.0, above).go(180.0, back),
        deg: 90.0,
        len,
    }
}

/// The contact ring and the force arrow of a push `push` deep at `spot`
/// (at rest): lying on the floor, a pressed chest goes straight down; the
/// arrow stays.
fn push_marks(spot: Pt, push: f64, arrow: [f64; 3]) -> [Item; 2] {
    [Item::Contact(spot.go(90.0, push)), push_arrow(spot, arrow)]
}

/// An adult's compressions seen from the side, with `more` (a close-up)
/// drawn over every frame.
fn compressions(
    name: &'static str,
    technique: &'static str,
    view: [f64; 4],
    more: Option<Item>,
) -> Scene {
    let at = |push: f64| {
        let (mut items, spot) = adult_push(push);
        items.extend(push_marks(spot, push, ADULT_ARROW));
        items.extend(more.clone());
        items
    };
    Scene {
        name,
        technique,
        view,
        items: at(0.0),
        motion: Some(Motion::compressions(at(ADULT_PRESS), ADULT_PRESS)),
    }
}

/// The adult hand position: the compressions seen closer, with the hands
/// seen from above top right, over the rescuer's back — how they lie on
/// the chest, which the side view cannot show.
fn adult_hands() -> Scene {
    let view = [70.0, 96.0, 176.0, 132.0];
    let size = 62.0;
    let corner = pt(view[0] + view[2] - size - 1.0, view[1] + 1.0);
    let close_up = super::hands::close_up_inset(corner, size);
    compressions(
        "cpr-adult-hands",
        "adult-hand-position",
        view,
        Some(close_up),
    )
}

/// How the hands push on a child's or a baby's chest.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Hands {
    /// The heel of one hand, arm straight; the other hand on the thigh.
    OneHeel,
    /// Both hands round the chest, the thumbs on the breastbone.
    TwoThumbs,
}

/// A child's or a baby's compression, the chest pressed `push` down
/// under the hand or the thumbs (0: the still frame): the floor and the
/// people, and the spot on the chest at rest.
pub(super) fn small_push(build: Build, hands: Hands, push: f64) -> (Vec<Item>, Pt) {
    let c = lying(build, 100.0);
    let spot = c.torso_at(0.72, 1.0);
    let pushed = pressed(&c, push, spot);
    let d = Build::Adult.dims();
    let reach = d.upper_arm + d.forearm + d.hand / 2.0;
    let mut items = vec![Item::Ground(pt(20.0, FLOOR), pt(300.0, FLOOR))];
    if hands == Hands::OneHeel {
        // The upper body goes down with the arm straight; the other hand
        // rests on the thigh.
        let hand = pushed.go(-90.0, d.hand / 2.0 - 1.0);
        // The shoulders (nearly) above the hand: the push goes straight
        // down, as the arrow shows (over a baby the arm slanted 22 degrees,
        // pushing towards the head). Kneeling past the baby's feet, not
        // over its legs.
        let (up, knee) = if build == Build::Baby {
            (-82.0, 58.0)
        } else {
            (-90.0, KNEE_BACK)
        };
        let mut r = kneeling(hand.go(up, reach - 0.05), spot.x + knee);
        let lap = r.torso_at(0.0, 1.4);
        r.arms = [Limb::to(hand), Limb::to(lap)];
        items.extend(beside(r, c));
    } else {
        // The hands round the chest go down with it; the thumbs press.
        let rest_side = c.torso_at(0.72, 0.1);
        let side = pressed(&c, push, rest_side);
        // Kneeling at the baby's feet, not over its legs.
        let mut r = kneeling(rest_side.go(-70.0, 52.0), spot.x + 58.0);
        // The head up, looking down at the chest: clear of the push.
        r.neck = -125.0;
        r.face = 115.0;
        r.arms = [Limb::to(side), Limb::to(side)];
        r.hands = [Hand::Fist, Hand::Fist];
        let back = pressed(&c, push, c.torso_at(0.72, -0.8));
        items.push(Item::Figure(r.clone(), Part::All));
        items.push(Item::Figure(c, Part::All));
        items.push(Item::Figure(r, Part::NearLeg));
        items.push(Item::Stroke(vec![side, back], 5.0));
        items.push(Item::Stroke(vec![side, pushed.go(-90.0, 1.5)], 4.5));
        // The palm flat on the flank, over the chest.
        items.push(Item::Stroke(
            vec![side.go(0.0, -4.0), side.go(0.0, 4.0)],
            11.0,
        ));
    }
    (items, spot)
}

fn small_chest(build: Build, hands: Hands) -> Scene {
    let (name, technique, view) = match (build, hands) {
        (Build::Baby, Hands::TwoThumbs) => (
            "cpr-infant-two-thumbs",
            "infant-cpr-two-thumbs",
            [20.0, 100.0, 226.0, 132.0],
        ),
        (Build::Baby, Hands::OneHeel) => ("cpr-infant-heel", "infant-cpr-heel", BABY_VIEW),
        _ => ("cpr-child-one-hand", "child-one-hand", CLOSE),
    };
    let at = |push: f64| {
        let (mut items, spot) = small_push(build, hands, push);
        if hands == Hands::TwoThumbs {
            // Seen from above: both thumbs on the breastbone, the hands
            // round the chest (a still close-up).
            items.push(Item::Mark(Mark::Inset {
                at: [20.0, 101.0, 75.0, 75.0],
                scene: Box::new(infant::thumbs_close_up(
                    "cpr-infant-two-thumbs-close-up",
                    technique,
                )),
            }));
        }
        items.extend(push_marks(spot, push, SMALL_ARROW));
        items
    };
    let by = small_press(build);
    Scene {
        name,
        technique,
        view,
        items: at(0.0),
        motion: Some(Motion::compressions(at(by), by)),
    }
}

/// A child's AED pads front and back: one on the centre of the chest,
/// one on the centre of the back, never touching; the rescuer presses the
/// front pad on.
fn child_pads_front_back() -> Scene {
    let mut c = lying(Build::Child, 100.0);
    c.hip.y -= 4.0;
    let half = 9.0;
    let front = c.torso_at(0.7, 1.0).go(-90.0, 3.5);
    let back = c.torso_at(0.7, -1.0).go(90.0, 3.5);
    let a = Build::Adult.dims();
    let hand = front.go(-90.0, a.hand / 2.0);
    let mut r = kneeling(hand.go(-80.0, 60.0), front.x + 34.0);
    r.arms = [Limb::to(hand), Limb::Angles(110.0, 60.0)];
    Scene {
        name: "aed-child-pads-front-back",
        technique: "aed-pads-front-back",
        view: CLOSE,
        items: vec![
            Item::Ground(pt(20.0, FLOOR), pt(300.0, FLOOR)),
            Item::Figure(r.clone(), Part::All),
            Item::Figure(c, Part::All),
            Item::Figure(r.clone(), Part::NearLeg),
            Item::Pad(back.go(180.0, half), back.go(0.0, half)),
            Item::Figure(r, Part::Arms),
            Item::Pad(front.go(180.0, half), front.go(0.0, half)),
        ],
        motion: None,
    }
}

/// A closer view for a baby on the floor.
const BABY_VIEW: [f64; 4] = [60.0, 100.0, 186.0, 132.0];

pub(super) fn scenes() -> Vec<Scene> {
    vec![
        compressions("cpr-adult-compressions", "adult-compressions", CLOSE, None),
        adult_hands(),
        small_chest(Build::Child, Hands::OneHeel),
        small_chest(Build::Baby, Hands::OneHeel),
        small_chest(Build::Baby, Hands::TwoThumbs),
        child_pads_front_back(),
    ]
}
