//! Poses checked against their lesson steps (a reviewer compared every
//! picture with its step): where a hand is, what it holds, what lies in
//! front of what, where an arrow runs. Checked on the geometry the
//! pictures are drawn from (`src/figures`).
#![cfg(not(target_arch = "wasm32"))]

mod figures_common;

use figures_common::{
    arrow, arrow_strokes, between, figure, gap_to_figure, on_torso, person, scene, segments,
    to_segment,
};
use firstaid::figures::{self, Figure, Item, Mark, Part, Pt, Role};

fn contact(items: &[Item]) -> Pt {
    items
        .iter()
        .find_map(|i| match i {
            Item::Contact(p) => Some(*p),
            _ => None,
        })
        .expect("a contact ring")
}

/// The tips of the fingers of arm `i` (an open hand).
fn fingertips(f: &Figure, i: usize) -> Pt {
    let j = f.arm_joints()[i];
    j.end.go(j.mid.angle_to(j.end), f.dims().hand / 2.0)
}

/// Infant back blows (§8): the baby face down along the forearm, head
/// lower than the chest, the hand holding the jaw — drawn in front, on
/// the head (it was hidden behind the baby); the heel of the other hand
/// strikes between the shoulder blades: the ring is where the hand lands,
/// not at its elbow (the elbow sat in the ring), and the arrow runs from
/// the raised hand onto the ring.
#[test]
fn infant_back_blows_land_the_heel_of_the_hand_and_hold_the_jaw() {
    let s = scene("choking-infant-back-blows");
    let (_, r) = person(&s.items, Role::Rescuer);
    let (at, b) = person(&s.items, Role::Casualty);
    let ring = contact(&s.items);
    let d = b.dims();
    // Face down, the head lower than the chest.
    assert!(
        b.torso_at(0.5, 1.0).y > b.torso_at(0.5, -1.0).y,
        "not face down"
    );
    assert!(b.head().y > b.torso_at(0.75, 0.0).y, "the head is not low");
    // The jaw hand: its fingers in the head's outline, drawn after the baby.
    let tips = fingertips(r, 0);
    assert!(
        tips.dist(b.head()) < d.head_r,
        "the fingers are {:.1} from the head's centre (radius {})",
        tips.dist(b.head()),
        d.head_r
    );
    let in_front = s.items[at + 1..].iter().any(|i| match i {
        Item::Figure(f, Part::Arms | Part::Near) => f == r,
        Item::Stroke(pts, _) => pts.iter().any(|p| p.dist(tips) < 0.5),
        _ => false,
    });
    assert!(in_front, "the hand on the jaw is hidden behind the baby");
    // The ring between the shoulder blades: on the back, near the neck.
    let blades = b.torso_at(0.75, -1.0);
    assert!(
        ring.dist(blades) < 3.0,
        "the ring is not between the blades"
    );
    // Raised: the elbow well clear of the ring; the arrow from the hand
    // onto the ring.
    let raised = r.arm_joints()[1];
    assert!(
        raised.mid.dist(ring) > 25.0,
        "the striking elbow is {:.1} from the ring",
        raised.mid.dist(ring)
    );
    let (from, deg, len) = arrow(&s.items);
    let towards = raised.end.angle_to(ring);
    assert!(
        ((deg - towards + 540.0).rem_euclid(360.0) - 180.0).abs() < 5.0,
        "the arrow points at {deg:.0}, the blow goes {towards:.0}"
    );
    let tip = from.go(deg, len);
    assert!(
        from.dist(raised.end) < raised.end.dist(ring) && tip.dist(ring) < 10.0,
        "the arrow does not run from the hand onto the ring"
    );
    // Struck (the loop's nearest pose): the hand on the ring, the elbow
    // away from it.
    let motion = s.motion.as_ref().expect("a loop");
    let struck = motion
        .keys
        .iter()
        .map(|k| person(&k.items, Role::Rescuer).1.arm_joints()[1])
        .min_by(|a, b| a.end.dist(ring).total_cmp(&b.end.dist(ring)))
        .expect("keys");
    assert!(
        struck.end.dist(ring) < 8.0 && struck.mid.dist(ring) > 25.0,
        "struck, the hand is {:.1} and the elbow {:.1} from the ring",
        struck.end.dist(ring),
        struck.mid.dist(ring)
    );
}

/// Infant back blows at phone size (§8): the baby reads whole, head low —
/// nothing of the rescuer drawn in front of it lies over its body or legs
/// (the near arm was drawn over both), only a hand on the head (the jaw).
#[test]
fn infant_back_blows_show_the_baby_whole_in_front_of_the_rescuer() {
    use figures::Shape;
    let s = scene("choking-infant-back-blows");
    let (at, b) = person(&s.items, Role::Casualty);
    let d = b.dims();
    let hand = figures::Build::Adult.dims().hand;
    assert!(b.head().y > b.hip.y + 5.0, "the head is not below the hips");
    let mut parts = vec![("body", (b.hip, b.shoulder()), d.torso_w / 2.0)];
    for j in b.leg_joints() {
        parts.extend(segments(j).map(|seg| ("a leg", seg, d.leg_w / 2.0)));
    }
    parts.push(("head", (b.head(), b.head()), d.head_r));
    for item in &s.items[at + 1..] {
        let shapes = match item {
            Item::Figure(f, p) if f.role == Role::Rescuer => figures::body::shapes(f, *p),
            Item::Stroke(pts, w) => vec![Shape::Line(pts.clone(), *w)],
            _ => continue,
        };
        for shape in shapes {
            let Shape::Line(pts, w) = shape else { continue };
            for seg in pts.windows(2).map(|p| (p[0], p[1])) {
                let a_hand = seg.0.dist(seg.1) <= hand + 0.5;
                for (name, part, half) in &parts {
                    let into = half + w / 2.0 - between(seg, *part);
                    assert!(
                        into < 1.0 || (*name == "head" && a_hand),
                        "the rescuer, drawn in front, lies {into:.1} over the baby's {name}"
                    );
                }
            }
        }
    }
}

/// Ready to turn (§6), seen from above: the far knee raised, the foot
/// flat by the near knee — the leg foreshortened, the thigh much shorter
/// than it is (it lay splayed flat out, full length, the knee far from the
/// body); and the rescuer kneels just below the person: the arms from the
/// bottom edge are no longer than arms (they were half as long again).
#[test]
fn recovery_turn_raises_the_far_knee_and_kneels_close() {
    let s = scene("recovery-turn");
    let c = figure(&s.items, Role::Casualty);
    let d = c.dims();
    let [near, far] = c.leg_joints();
    let knee = far.end;
    assert!(
        far.root.dist(knee) < d.thigh * 0.7,
        "the far thigh shows {:.0} of its {} length: it lies flat",
        far.root.dist(knee),
        d.thigh
    );
    // The shin: a leg of the casualty drawn from the knee, ending at the foot.
    let foot = s
        .items
        .iter()
        .find_map(|i| match i {
            Item::Figure(f, Part::NearLeg) if f.role == Role::Casualty => {
                let j = f.leg_joints()[0];
                (j.root.dist(knee) < 0.5).then_some(j.end)
            }
            _ => None,
        })
        .expect("a shin from the raised knee");
    assert!(
        foot.dist(near.mid) < d.leg_w * 2.5 && knee.dist(foot) < d.shin * 0.7,
        "the foot is not flat by the near knee"
    );
    // The rescuer's arms from the bottom edge.
    let bottom = s.view[1] + s.view[3];
    let arm = figures::Build::Adult.dims();
    let mut seen = 0;
    for item in &s.items {
        let Item::Stroke(pts, w) = item else { continue };
        if (*w - arm.arm_w).abs() > 1e-9 || pts[0].y <= bottom {
            continue;
        }
        seen += 1;
        let (a, b) = (pts[0], pts[1]);
        let k = (bottom - b.y) / (a.y - b.y);
        let shown = b.dist(Pt {
            x: b.x + (a.x - b.x) * k,
            y: bottom,
        });
        assert!(
            shown <= arm.upper_arm + arm.forearm + 1.0,
            "an arm shows {shown:.0} long from the bottom edge (an arm: {})",
            arm.upper_arm + arm.forearm
        );
    }
    assert_eq!(seen, 2, "two arms from the bottom edge");
}

/// Where the fist goes (§5): the landmarks on the person's body — the
/// breastbone with its bottom tip, the belly button — are marks, lighter
/// than the rescuer, as on the other pictures (they were solid strokes in
/// the rescuer's colour, read as the rescuer's fingers).
#[test]
fn fist_position_draws_its_landmarks_as_marks() {
    use figures::Mark;
    let s = scene("choking-fist-position");
    let strokes = s
        .items
        .iter()
        .filter(|i| matches!(i, Item::Stroke(..)))
        .count();
    assert_eq!(strokes, 0, "a landmark drawn in the rescuer's colour");
    let (_, c) = person(&s.items, Role::Casualty);
    let on_body = s
        .items
        .iter()
        .filter(|i| match i {
            Item::Mark(Mark::Thing(pts, _)) => pts.iter().all(|p| {
                let spine = c.spine.to_radians();
                let t = ((p.x - c.hip.x) * spine.cos() + (p.y - c.hip.y) * spine.sin())
                    / c.dims().torso;
                (0.0..=1.0).contains(&t)
            }),
            _ => false,
        })
        .count();
    assert_eq!(on_body, 3, "the breastbone, its tip and the belly button");
}

/// A child's pads front and back (§8): the hand on the front pad comes
/// down onto the chest; the hand sliding the back pad under reaches down
/// beside the hips and behind the child — no arm drawn over the child
/// runs through its body (the back-pad arm came down in front of the
/// chest, through it to the floor).
#[test]
fn child_back_pad_hand_comes_from_behind_not_through_the_body() {
    let s = scene("aed-child-pads-front-back-hands");
    let (_, r) = person(&s.items, Role::Rescuer);
    let (at, c) = person(&s.items, Role::Casualty);
    let axis = (c.hip, c.shoulder());
    let skin = c.dims().torso_w / 2.0;
    let arms = r.arm_joints();
    // The arms drawn in front of the child ([near, far] in profile).
    let mut front = [false; 2];
    for item in &s.items[at + 1..] {
        match item {
            Item::Figure(f, Part::All | Part::Arms) if f == r => front = [true; 2],
            Item::Figure(f, Part::Near) if f == r => front[0] = true,
            _ => {}
        }
    }
    for i in (0..2).filter(|i| front[*i]) {
        for (k, seg) in segments(arms[i]).into_iter().enumerate() {
            let into = skin - between(seg, axis);
            assert!(
                into < 1.0,
                "segment {k} of arm {i}, drawn over the child, runs {into:.1} into its body"
            );
        }
    }
    // The back pad: the lower one. The hand at it is drawn behind the
    // child, its upper arm and elbow beside the body.
    let back = s
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Pad(a, b) => Some((*a, *b)),
            _ => None,
        })
        .max_by(|a, b| a.0.y.total_cmp(&b.0.y))
        .expect("a back pad");
    let i = (0..2)
        .min_by(|a, b| to_segment(arms[*a].end, back).total_cmp(&to_segment(arms[*b].end, back)))
        .expect("two arms");
    let hand = arms[i].end;
    assert!(
        to_segment(hand, back) < 8.0,
        "no hand at the back pad ({:.1} from it)",
        to_segment(hand, back)
    );
    assert!(!front[i], "the arm at the back pad is drawn over the child");
    let elbow = to_segment(arms[i].mid, axis) - r.dims().arm_w / 2.0;
    let upper = between(segments(arms[i])[0], axis) - r.dims().arm_w / 2.0;
    assert!(
        elbow > skin && upper > skin,
        "the arm at the back pad comes down over the child's body"
    );
}

/// Wiping the chest dry (§4): the cloth lies on the skin and the hand
/// presses on it — the fingers end on the cloth, not through it in the
/// chest (the cloth floated above the chest beside fingers sunk into it),
/// and the other hand does not sink into the chest either.
#[test]
fn wiping_hand_holds_the_cloth_on_the_chest() {
    use figures::Mark;
    let s = scene("aed-wipe-chest");
    let (_, r) = person(&s.items, Role::Rescuer);
    let (_, c) = person(&s.items, Role::Casualty);
    let (cloth, w) = s
        .items
        .iter()
        .find_map(|i| match i {
            Item::Mark(Mark::Thing(pts, w)) => Some((pts.clone(), *w)),
            _ => None,
        })
        .expect("a cloth");
    let axis = (c.hip, c.shoulder());
    let skin = c.dims().torso_w / 2.0;
    let finger = r.dims().arm_w * 0.85 / 2.0;
    let tip = fingertips(r, 0);
    let on_cloth = cloth
        .windows(2)
        .map(|p| to_segment(tip, (p[0], p[1])))
        .fold(f64::MAX, f64::min);
    assert!(
        on_cloth < w / 2.0 + finger + 1.0,
        "the fingers are {on_cloth:.1} from the cloth"
    );
    for i in 0..2 {
        let into = skin - (to_segment(fingertips(r, i), axis) - finger);
        assert!(into < 0.5, "hand {i} sinks {into:.1} into the chest");
    }
    let lowest = cloth
        .iter()
        .map(|p| to_segment(*p, axis))
        .fold(f64::MAX, f64::min);
    assert!(
        (lowest - w / 2.0 - skin).abs() < 1.0,
        "the cloth's underside is {:.1} from the skin",
        lowest - w / 2.0 - skin
    );
}

/// A baby held in the recovery position (§8): on its side along the
/// forearm, the head a little lower than the body; its legs stay clear of
/// the rescuer — not across the rescuer's body or arms (they stuck back
/// through the body and the upper arm).
#[test]
fn held_baby_lies_head_low_with_its_legs_clear_of_the_rescuer() {
    let s = scene("recovery-baby-held");
    let (_, r) = person(&s.items, Role::Rescuer);
    let b = figure(&s.items, Role::Casualty);
    let rd = r.dims();
    let d = b.dims();
    let low = b.head().y - b.torso_at(0.0, 0.0).y;
    assert!(
        (3.0..=d.torso * 0.6).contains(&low),
        "the head is {low:.1} lower than the hips"
    );
    // Along the forearm and hand: the head and the hips rest on it.
    let fore = (r.arm_joints()[0].mid, fingertips(r, 0));
    let rest = rd.arm_w / 2.0 + 3.5;
    let (head, hips) = (to_segment(b.head(), fore), to_segment(b.hip, fore));
    assert!(
        head < d.head_r + rest && hips < d.hips / 2.0 + rest,
        "the head ({head:.1}) or the hips ({hips:.1}) are off the forearm"
    );
    let body = (r.hip, r.shoulder());
    let arms: Vec<(Pt, Pt)> = r.arm_joints().into_iter().flat_map(segments).collect();
    for (i, j) in b.leg_joints().into_iter().enumerate() {
        for seg in segments(j) {
            let gap = between(seg, body) - rd.torso_w / 2.0 - d.leg_w / 2.0;
            assert!(
                gap > 0.0,
                "leg {i} lies {:.1} across the rescuer's body",
                -gap
            );
            for (k, arm) in arms.iter().enumerate() {
                let gap = between(seg, *arm) - rd.arm_w / 2.0 - d.leg_w / 2.0;
                assert!(
                    gap > 0.0,
                    "leg {i} lies {:.1} across the rescuer's arm (segment {k})",
                    -gap
                );
            }
        }
    }
}

/// The child and baby rate picture (§8): the down and up arrows are drawn
/// clear of both people in each frame (they lay on the rescuer's body and
/// arm), and inside the frame.
#[test]
fn rate_arrows_lie_clear_of_the_people() {
    use figures::Mark;
    let s = scene("cpr-child-infant-rate");
    let mut frames = 0;
    for item in &s.items {
        let Item::Mark(Mark::Inset { scene: p, .. }) = item else {
            continue;
        };
        frames += 1;
        let mut strokes = Vec::new();
        let mut dirs = Vec::new();
        for i in &p.items {
            if let Item::Arrow { from, deg, len } = i {
                strokes.extend(arrow_strokes(*from, *deg, *len));
                dirs.push(deg.round() as i64);
            }
        }
        dirs.sort_unstable();
        assert_eq!(dirs, [-90, 90], "{}: one arrow down, one up", p.name);
        let [x, y, w, h] = p.view;
        for (a, b) in &strokes {
            for q in [a, b] {
                assert!(
                    q.x > x + 6.0 && q.x < x + w - 6.0 && q.y > y + 6.0 && q.y < y + h - 6.0,
                    "{}: an arrow leaves the frame",
                    p.name
                );
            }
        }
        for i in &p.items {
            let Item::Figure(f, Part::All) = i else {
                continue;
            };
            for st in &strokes {
                let gap = gap_to_figure(f, *st) - 2.5;
                assert!(
                    gap > 2.0,
                    "{}: an arrow lies on the {:?} ({gap:.1} apart)",
                    p.name,
                    f.role
                );
            }
        }
    }
    assert_eq!(frames, 2, "a child's frame and a baby's");
}

/// Lowering a choking person who collapses (the step: hold them and
/// lower them to the ground): the arrow points down just in front of the
/// person, clear of both people (it floated far beyond them), and the
/// rescuer's arms go under the armpits, below the shoulder, with the
/// person's arm hanging over them.
#[test]
fn the_person_lowered_to_the_ground_has_the_arrow_beside_them() {
    let s = scene("choking-lower-to-ground");
    let (_, c) = person(&s.items, Role::Casualty);
    let (_, r) = person(&s.items, Role::Rescuer);
    let (from, deg, len) = arrow(&s.items);
    assert_eq!(deg.round(), 90.0, "down");
    let strokes = arrow_strokes(from, deg, len);
    for f in [c, r] {
        for st in strokes {
            let gap = gap_to_figure(f, st) - 2.5;
            assert!(gap > 2.0, "the arrow lies on the {:?} ({gap:.1})", f.role);
        }
    }
    let near = strokes
        .iter()
        .map(|st| gap_to_figure(c, *st))
        .fold(f64::MAX, f64::min);
    assert!(near < 20.0, "the arrow floats {near:.1} from the person");
    for j in r.arm_joints() {
        let (along, _) = on_torso(c, j.end);
        assert!(
            along < 0.75,
            "a hand at {along:.2} of the torso: over the shoulder"
        );
    }
    let arms = |f: &Figure| {
        s.items
            .iter()
            .rposition(|i| matches!(i, Item::Figure(g, Part::Arms) if g == f))
    };
    assert!(
        arms(c) > arms(r),
        "the person's arm hangs over the rescuer's"
    );
}

/// One-hand CPR on a child and a baby (§8): the arm straight and the
/// shoulder above the hand, so the push goes straight down as the arrow
/// shows (over a baby the arm slanted 22°, pushing towards the head).
#[test]
fn one_hand_cpr_pushes_straight_down() {
    for name in ["cpr-infant-heel", "cpr-child-one-hand"] {
        let s = scene(name);
        let (_, r) = person(&s.items, Role::Rescuer);
        let arm = r.arm_joints()[0];
        let off = (arm.root.angle_to(arm.end) - 90.0).abs();
        assert!(
            off <= 10.0,
            "{name}: the pushing arm is {off:.0}° from straight down"
        );
    }
}

/// The baby held in the recovery position (§6): the rescuer's dotted look
/// runs to the baby's chest, to watch it breathe — long enough to read as
/// a look (it was a chevron between the two heads, read as a kiss).
#[test]
fn the_held_baby_is_watched_breathing() {
    use figures::Mark;
    let s = scene("recovery-baby-held");
    let (from, to) = s
        .items
        .iter()
        .find_map(|i| match i {
            Item::Mark(Mark::Look(a, b)) => Some((*a, *b)),
            _ => None,
        })
        .expect("a look");
    let baby = figure(&s.items, Role::Casualty);
    let d = baby.dims();
    assert!(
        from.dist(to) >= 2.0 * d.head_r,
        "the look is {:.1} long",
        from.dist(to)
    );
    assert!(
        to.dist(baby.head()) > d.head_r,
        "the look ends on the baby's head"
    );
}

/// Someone left in the recovery position breathes from the mouth: the
/// arcs start on the head's outline at the face and open away from it
/// (the hand-drawn picture had them at the crown), and no rescuer's hand
/// covers the face or the hand under the cheek.
#[test]
fn the_person_left_on_their_side_breathes_from_the_mouth() {
    let s = scene("after-care-recovery-position");
    let (_, c) = person(&s.items, Role::Casualty);
    let (at, deg) = s
        .items
        .iter()
        .find_map(|i| match i {
            Item::Mark(Mark::Sound { at, deg }) => Some((*at, *deg)),
            _ => None,
        })
        .expect("breathing arcs");
    let apart = |a: f64, b: f64| {
        let d = (a - b).rem_euclid(360.0);
        d.min(360.0 - d)
    };
    assert!((at.dist(c.head()) - c.dims().head_r).abs() < 1.5, "{at:?}");
    assert!(apart(c.head().angle_to(at), c.face) < 30.0, "{at:?}");
    assert!(apart(deg, c.face) < 30.0, "{deg}");
    assert!(s
        .items
        .iter()
        .all(|i| !matches!(i, Item::Figure(f, _) if f.role == Role::Rescuer)));
}
