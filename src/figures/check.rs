//! Checking for a response (guideline reference §1 and §8): tap both
//! shoulders and shout; a baby: tap the sole of the foot and call loudly,
//! never shake.

use super::body::{Build, Limb, Part};
use super::choking::FLOOR;
use super::cpr::{kneeling, lying};
use super::marks::Mark;
use super::{pt, Item, Scene};

/// Kneeling by an adult's shoulders, both hands on them, shouting.
fn tap_shoulders() -> Scene {
    let c = lying(Build::Adult, 92.0);
    let shoulder = c.torso_at(0.95, 1.0);
    let mut r = kneeling(pt(shoulder.x + 16.0, shoulder.y - 58.0), 168.0);
    r.neck = -150.0;
    r.face = 150.0;
    r.arms = [
        Limb::Reach {
            to: shoulder.go(-90.0, 4.0),
            bend: 1.0,
        },
        Limb::Reach {
            to: shoulder.go(-90.0, 4.0).go(0.0, 4.0),
            bend: 1.0,
        },
    ];
    let mouth = r.head().go(r.face, r.dims().head_r * 1.35);
    let face = c.head();
    Scene {
        name: "check-response-tap-shout",
        technique: "tap-and-shout",
        view: [40.0, 84.0, 220.0, 150.0],
        items: vec![
            Item::Ground(pt(20.0, FLOOR), pt(300.0, FLOOR)),
            Item::Figure(r.clone(), Part::All),
            Item::Figure(c, Part::All),
            Item::Figure(r.clone(), Part::NearLeg),
            Item::Figure(r, Part::Arms),
            Item::Contact(shoulder),
            Item::Mark(Mark::Sound {
                at: mouth,
                deg: mouth.angle_to(face),
            }),
        ],
        motion: None,
    }
}

/// Kneeling at a baby's feet, fingers tapping the sole of the foot,
/// calling loudly.
fn tap_foot() -> Scene {
    let c = lying(Build::Baby, 110.0);
    let [near, _] = c.leg_joints();
    let d = Build::Baby.dims();
    let sole = near.end.go(0.0, d.leg_w * 0.5).go(-90.0, d.leg_w * 0.35);
    let mut r = kneeling(pt(sole.x + 34.0, sole.y - 56.0), sole.x + 62.0);
    r.neck = -135.0;
    r.face = 160.0;
    r.arms = [
        Limb::Reach {
            to: sole.go(0.0, 3.0),
            bend: 1.0,
        },
        Limb::Angles(110.0, 60.0),
    ];
    let mouth = r.head().go(r.face, r.dims().head_r * 1.35);
    Scene {
        name: "check-baby-tap-foot",
        technique: "tap-baby-foot",
        view: [90.0, 92.0, 220.0, 142.0],
        items: vec![
            Item::Ground(pt(20.0, FLOOR), pt(300.0, FLOOR)),
            Item::Figure(r.clone(), Part::All),
            Item::Figure(c.clone(), Part::All),
            Item::Figure(r.clone(), Part::NearLeg),
            Item::Figure(r, Part::Arms),
            Item::Contact(sole),
            Item::Mark(Mark::Sound {
                at: mouth,
                deg: mouth.angle_to(c.head()),
            }),
        ],
        motion: None,
    }
}

/// Looking for normal breathing: kneeling by the chest, bent a little
/// towards it, the eyes on the chest (and the face beyond it); the hands
/// rest on the thighs. The arrows by the chest: up and down, rising and
/// falling.
fn look_for_breathing() -> Scene {
    let c = lying(Build::Adult, 92.0);
    let d = Build::Adult.dims();
    let chest = c.torso_at(0.72, 1.0);
    let mut r = kneeling(pt(chest.x + 50.0, chest.y - 66.0), chest.x + 70.0);
    r.neck = -150.0;
    r.face = 145.0;
    let [near, far] = r.leg_joints();
    let on_thigh = |j: &super::body::Joints, t: f64| {
        let p = pt(
            j.root.x + (j.mid.x - j.root.x) * t,
            j.root.y + (j.mid.y - j.root.y) * t,
        );
        p.go(-90.0, d.leg_w / 2.0)
    };
    r.arms = [
        Limb::to(on_thigh(&near, 0.45)),
        Limb::to(on_thigh(&far, 0.35)),
    ];
    let eye = r.head().go(r.face - 20.0, d.head_r * 0.7);
    let belly = c.torso_at(0.3, 1.0).go(-90.0, 22.0);
    Scene {
        name: "recognise-and-call-breathing",
        technique: "look-for-breathing",
        view: [40.0, 84.0, 240.0, 150.0],
        items: vec![
            Item::Ground(pt(20.0, FLOOR), pt(300.0, FLOOR)),
            Item::Figure(r.clone(), Part::All),
            Item::Figure(c, Part::All),
            Item::Figure(r.clone(), Part::NearLeg),
            Item::Figure(r, Part::Arms),
            Item::Mark(Mark::Look(eye, chest.go(-90.0, 6.0))),
            Item::Arrow {
                from: belly,
                deg: -90.0,
                len: 17.0,
            },
            Item::Arrow {
                from: belly,
                deg: 90.0,
                len: 17.0,
            },
        ],
        motion: None,
    }
}

pub(super) fn scenes() -> Vec<Scene> {
    vec![tap_shoulders(), tap_foot(), look_for_breathing()]
}
