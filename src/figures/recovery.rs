//! The recovery position (guideline reference §6 and §8), seen from
//! above: getting ready to turn (near arm out, far hand at the near cheek,
//! far knee up, pull the knee), the settled side position, and a baby
//! held on its side in the arms.

use super::above::hand_from_below;
use super::body::{Build, Figure, Hand, Limb, Part, Role, View};
use super::choking::kneeling_on_one_knee;
use super::marks::Mark;
use super::{pt, Item, Pt, Scene};

/// The bottom of the pictures seen from above.
const BOTTOM: f64 = 200.0;

/// Ready to turn, seen from above (head to the left, the rescuer kneeling
/// below, at the person's side): the near arm out at a right angle, palm
/// up; the far hand held against the near cheek; the far knee bent; the
/// rescuer pulls the knee towards them.
fn recovery_turn() -> Scene {
    let mut c = Figure {
        build: Build::Adult,
        role: Role::Casualty,
        view: View::Front(1.0),
        hip: pt(186.0, 100.0),
        spine: 180.0,
        neck: 180.0,
        face: 180.0,
        // [right (near), left (far)]
        arms: [Limb::Angles(90.0, 180.0), Limb::Angles(0.0, 0.0)],
        hands: [Hand::Open, Hand::Open],
        legs: [Limb::Angles(0.0, 0.0), Limb::Angles(0.0, 0.0)],
    };
    let d = Build::Adult.dims();
    let cheek = c.head().go(70.0, d.head_r + 1.0);
    c.arms[1] = Limb::Reach {
        to: cheek,
        bend: -1.0,
    };
    // The far knee bent up, the foot flat by the near knee. Seen from
    // above the leg is foreshortened: the thigh up to the knee (the round
    // end, nearest the eye), and the shin back down to the foot over it.
    let far_hip = c.leg_joints()[1].root;
    let foot = c.hip.go(0.0, 38.0).go(-90.0, 8.0);
    let knee = far_hip.go(0.0, 22.0).go(-90.0, 12.0);
    c.legs[1] = Limb::Reach {
        to: knee,
        bend: 0.0,
    };
    let mut items = vec![
        Item::Figure(c.clone(), Part::Far),
        Item::Figure(shin(knee, foot), Part::NearLeg),
        Item::Figure(c, Part::Arms),
    ];
    // One hand holds theirs against the cheek; the other pulls the knee.
    items.extend(hand_from_below(cheek.go(80.0, 3.0), 75.0, TURN_BOTTOM));
    items.extend(hand_from_below(knee.go(90.0, 12.0), 100.0, TURN_BOTTOM));
    items.push(Item::Contact(knee));
    items.push(Item::Arrow {
        from: knee.go(0.0, 30.0).go(90.0, 4.0),
        deg: 90.0,
        len: 46.0,
    });
    Scene {
        name: "recovery-turn",
        technique: "recovery-turn",
        view: [72.0, TURN_BOTTOM - 140.0, 210.0, 140.0],
        items,
        motion: None,
    }
}

/// The bottom of the turning picture: nearer the person than
/// [`BOTTOM`], so the rescuer's arms are as long as arms, and the
/// rescuer kneels just below the person.
const TURN_BOTTOM: f64 = 164.0;

/// An adult's shin seen from above with the knee raised: a leg from the
/// knee to the foot, foreshortened (drawn as a figure's two legs on one
/// line, so it is the casualty's colour and cut out of the thigh).
fn shin(knee: Pt, foot: Pt) -> Figure {
    let along = knee.angle_to(foot);
    let d = Build::Adult.dims();
    let half = d.hips / 2.0 - d.leg_w * 0.55;
    Figure {
        build: Build::Adult,
        role: Role::Casualty,
        view: View::Front(1.0),
        // The right leg's root at the knee, the left's further along.
        hip: knee.go(along, half),
        spine: along - 90.0,
        neck: along - 90.0,
        face: along - 90.0,
        arms: [Limb::Angles(0.0, 0.0); 2],
        hands: [Hand::Open; 2],
        legs: [Limb::Reach {
            to: foot,
            bend: 0.0,
        }; 2],
    }
}

/// Settled on the side, seen from above (head to the left, face towards
/// the rescuer below): the upper leg bent at right angles at hip and
/// knee, the upper hand under the cheek, the head tilted back a little;
/// the rescuer's hands on the chin and the knee.
fn recovery_settle() -> Scene {
    let c = settled();
    let d = Build::Adult.dims();
    let chin = c.head().go(c.face - 40.0, d.head_r + 1.0);
    let knee = c.leg_joints()[0].mid;
    let mut items = vec![Item::Figure(c, Part::All)];
    items.extend(hand_from_below(chin.go(150.0, 3.0), 110.0, BOTTOM));
    items.extend(hand_from_below(knee.go(90.0, 5.0), 80.0, BOTTOM));
    items.push(Item::Contact(chin));
    items.push(Item::Contact(knee));
    Scene {
        name: "recovery-settled",
        technique: "recovery-settled",
        view: [50.0, 40.0, 240.0, BOTTOM - 40.0],
        items,
        motion: None,
    }
}

/// A person settled in the recovery position, seen from above, as in
/// [`recovery_settle`]: on the side, head to the left, the upper leg bent
/// at right angles, the upper hand under the cheek.
fn settled() -> Figure {
    let mut c = Figure {
        build: Build::Adult,
        role: Role::Casualty,
        view: View::Side,
        hip: pt(190.0, 96.0),
        spine: 180.0,
        neck: 184.0,
        face: 105.0,
        // [upper (near), lower (far)]
        arms: [Limb::Angles(90.0, 0.0), Limb::Angles(95.0, 150.0)],
        hands: [Hand::Open, Hand::Open],
        legs: [Limb::Angles(90.0, 0.0), Limb::Angles(0.0, 0.0)],
    };
    let d = Build::Adult.dims();
    let cheek = c.head().go(75.0, d.head_r + 1.0);
    c.arms[0] = Limb::Reach {
        to: cheek.go(15.0, 4.0),
        bend: -1.0,
    };
    c
}

/// Someone breathing normally, left in the recovery position (the after
/// care lesson's "when to use it"): the settled person alone, nobody's
/// hands in the way of the face and the hand under the cheek, and
/// breathing shown as arcs from the mouth.
fn recovery_resting() -> Scene {
    let c = settled();
    let mouth = c.head().go(c.face + 10.0, Build::Adult.dims().head_r);
    Scene {
        name: "after-care-recovery-position",
        technique: "recovery-position",
        view: [66.0, 62.0, 228.0, 102.0],
        items: vec![
            Item::Figure(c.clone(), Part::All),
            Item::Mark(Mark::Sound {
                at: mouth,
                deg: c.face + 10.0,
            }),
        ],
        motion: None,
    }
}

/// A baby held on its side along the forearm, facing out: the head in
/// the crook of the elbow, a little lower than the body (the forearm
/// rises to the hand under the bottom), the legs beyond the hand, clear
/// of the rescuer (they stuck back across the rescuer's body and arm);
/// the other hand steadies the baby's side. The rescuer watches its
/// breathing.
fn recovery_baby() -> Scene {
    let mut r = kneeling_on_one_knee(pt(122.0, 160.0), -80.0);
    r.neck = -90.0;
    r.face = 50.0;
    let a = Build::Adult.dims();
    let d = Build::Baby.dims();
    // The near arm: the upper arm forward and down, the forearm rising.
    let (upper, fore) = (45.0, -12.0);
    r.arms[0] = Limb::Angles(upper, fore);
    let elbow = r.shoulder().go(upper, a.upper_arm);
    // The baby rests on the forearm: the head in the crook, its centre
    // a head's radius above the forearm's upper edge.
    let head = elbow
        .go(fore, 4.0)
        .go(fore - 90.0, a.arm_w / 2.0 + d.head_r);
    let spine = fore + 180.0;
    let shoulder = head.go(fore, d.neck + d.head_r);
    let b = Figure {
        build: Build::Baby,
        role: Role::Casualty,
        view: View::Front(1.0),
        hip: shoulder.go(fore, d.torso),
        spine,
        neck: spine,
        face: spine,
        // [right (below, on the arm), left (above)]: the arms bent up to
        // the face, the legs bent, beyond the rescuer's hand.
        arms: [Limb::Angles(120.0, 200.0), Limb::Angles(-120.0, -200.0)],
        hands: [Hand::Fist, Hand::Fist],
        legs: [Limb::Angles(5.0, 50.0), Limb::Angles(-15.0, 25.0)],
    };
    r.arms[1] = Limb::Reach {
        to: b.torso_at(0.45, 1.0).go(-90.0, 2.0),
        bend: 1.0,
    };
    let eye = r.head().go(r.face - 15.0, 9.0);
    Scene {
        name: "recovery-baby-held",
        technique: "recovery-baby",
        view: [52.0, 52.0, 216.0, 162.0],
        items: vec![
            Item::Ground(pt(60.0, 211.0), pt(260.0, 211.0)),
            Item::Figure(r, Part::All),
            Item::Figure(b.clone(), Part::Far),
            Item::Figure(b.clone(), Part::Arms),
            // The rescuer watches the chest rise and fall (to the face the
            // line was a chevron between the two heads: it read as a kiss).
            Item::Mark(Mark::Look(eye, {
                let chest = b.torso_at(0.7, 0.0);
                chest.go(chest.angle_to(eye), 3.0)
            })),
        ],
        motion: None,
    }
}

pub(super) fn scenes() -> Vec<Scene> {
    vec![
        recovery_turn(),
        recovery_settle(),
        recovery_resting(),
        recovery_baby(),
    ]
}
