//! CPR scenes (guideline reference §8): the compression posture and the
//! hands on the chest.

use super::body::{Build, Figure, Hand, Limb, Part, Role};
use super::choking::FLOOR;

/// The view of a person lying on the floor with a rescuer kneeling.
const CLOSE: [f64; 4] = [40.0, 74.0, 248.0, 162.0];
use super::{pt, Item, Pt, Scene};

/// A person lying on their back on the floor, head to the left.
pub(super) fn lying(build: Build, head_x: f64) -> Figure {
    let d = build.dims();
    let y = FLOOR - d.torso_w / 2.0;
    let shoulder_x = head_x + d.head_r + d.neck;
    Figure {
        build,
        role: Role::Casualty,
        hip: pt(shoulder_x + d.torso, y),
        spine: 180.0,
        neck: 180.0,
        face: -90.0,
        arms: [Limb::Angles(6.0, 0.0), Limb::Angles(4.0, -2.0)],
        hands: [Hand::Open, Hand::Open],
        legs: [Limb::Angles(-2.0, 2.0), Limb::Angles(0.0, 0.0)],
    }
}

/// A rescuer kneeling on both knees, facing left, with the shoulders at
/// `shoulder` and the knees on the floor below and behind them.
fn kneeling(shoulder: Pt, knee_x: f64) -> Figure {
    let d = Build::Adult.dims();
    let knee = pt(knee_x, FLOOR - d.leg_w / 2.0);
    // The hip sits on a circle of the thigh's length round the knee and
    // a torso's length from the shoulders: take the upper crossing.
    let (a, b) = (d.torso, d.thigh);
    let dd = shoulder.dist(knee);
    let along = (a * a - b * b + dd * dd) / (2.0 * dd);
    let h = (a * a - along * along).max(0.0).sqrt();
    let base = shoulder.go(shoulder.angle_to(knee), along);
    let hip = base.go(shoulder.angle_to(knee) - 90.0, h);
    Figure {
        build: Build::Adult,
        role: Role::Rescuer,
        hip,
        spine: hip.angle_to(shoulder),
        neck: hip.angle_to(shoulder) - 15.0,
        face: 120.0,
        arms: [Limb::Angles(90.0, 90.0), Limb::Angles(90.0, 90.0)],
        hands: [Hand::Open, Hand::Open],
        // Shins along the floor behind, the feet a little raised.
        legs: [
            Limb::Angles(hip.angle_to(knee), -10.0),
            Limb::Angles(hip.angle_to(knee) - 6.0, -10.0),
        ],
    }
}

fn compressions(name: &'static str, technique: &'static str, view: [f64; 4]) -> Scene {
    let c = lying(Build::Adult, 92.0);
    let spot = c.torso_at(0.78, 1.0);
    let hands = spot.go(-90.0, 4.0);
    let d = Build::Adult.dims();
    let reach = d.upper_arm + d.forearm + d.hand / 2.0;
    let mut r = kneeling(hands.go(-90.0, reach - 0.5), 196.0);
    r.arms = [
        Limb::Reach {
            to: hands,
            bend: 1.0,
        },
        Limb::Reach {
            to: hands.go(0.0, 3.0),
            bend: 1.0,
        },
    ];
    Scene {
        name,
        technique,
        view,
        items: vec![
            Item::Ground(pt(20.0, FLOOR), pt(300.0, FLOOR)),
            Item::Figure(r.clone(), Part::All),
            Item::Figure(c, Part::All),
            Item::Figure(r, Part::Arms),
            Item::Contact(spot),
            Item::Arrow {
                from: spot.go(-90.0, 52.0).go(180.0, 24.0),
                deg: 90.0,
                len: 28.0,
            },
        ],
    }
}

pub(super) fn scenes() -> Vec<Scene> {
    vec![
        compressions("cpr-adult-compressions", "adult-compressions", CLOSE),
        compressions(
            "cpr-adult-hands",
            "adult-hand-position",
            [70.0, 96.0, 176.0, 132.0],
        ),
    ]
}
