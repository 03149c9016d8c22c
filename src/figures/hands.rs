//! The hands on the chest for CPR, seen from above (guideline reference
//! §8, "Hand position"): the heel of one hand on the lower half of the
//! breastbone, the other hand on top, the fingers laced; the forearms
//! come up from the rescuer, who kneels at the person's side (the bottom
//! of the picture). The close-up beside the adult hand position picture.

use super::above::{chest_marks, lying_from_above};
use super::body::{Build, Figure, Part};
use super::marks::Mark;
use super::{pt, Item, Pt, Scene};

/// Where the rescuer's forearms leave the picture.
const BOTTOM: f64 = 136.0;
/// Where the heel of the hand goes, along the torso (0 hips, 1 shoulders):
/// the middle of the lower half of the breastbone.
fn heel_at() -> f64 {
    let (tip, top) = Build::Adult.breastbone();
    (tip + (tip + top) / 2.0) / 2.0
}

/// The breastbone, from its top to its bottom tip, a thin mark.
fn breastbone(c: &Figure) -> Vec<Item> {
    let (tip, top) = Build::Adult.breastbone();
    let tip = c.torso_at(tip, 0.0);
    vec![
        Item::Mark(Mark::Thing(vec![c.torso_at(top - 0.02, 0.0), tip], 2.0)),
        Item::Mark(Mark::Thing(vec![tip.go(180.0, 0.1), tip], 3.5)),
    ]
}

/// Two hands, one on the other, the heel of the lower one at `heel`, the
/// fingers pointing across the chest (up the picture) and laced: the
/// upper hand's between the lower's.
fn stacked_hands(heel: Pt) -> Vec<Item> {
    let a = Build::Adult.dims();
    let palm = a.hand;
    let wide = a.arm_w;
    let mut v = Vec::new();
    // The forearms, from the rescuer below, meeting at the wrists.
    for lean in [-8.0f64, 8.0] {
        let wrist = heel.go(90.0, 2.0);
        let from = 90.0 + lean;
        let long = (BOTTOM + a.arm_w - wrist.y) / from.to_radians().sin();
        v.push(Item::Stroke(
            vec![wrist.go(from, long), wrist],
            a.arm_w * 0.9,
        ));
    }
    // The palms, one on the other: the knuckles a palm's length up; a
    // thumb each side, the lower hand's towards the head, the upper's
    // towards the feet: two hands.
    let knuckles = heel.go(-90.0, palm * 0.8);
    v.push(Item::Stroke(vec![heel, knuckles], wide));
    for side in [-1.0, 1.0] {
        let base = heel.go(-90.0, palm * 0.25).go(0.0, side * wide * 0.4);
        v.push(Item::Stroke(
            vec![base, base.go(-90.0 + side * 62.0, a.hand * 0.6)],
            2.6,
        ));
    }
    // The fingers laced, fanning a little: the lower hand's four long,
    // the upper hand's four between them, curled over (shorter).
    for i in 0..8 {
        let k = f64::from(i) - 3.5;
        let base = knuckles.go(0.0, k * wide / 8.0);
        let (long, w) = if i % 2 == 0 {
            (a.hand * 0.75, 2.2)
        } else {
            (a.hand * 0.5, 2.0)
        };
        v.push(Item::Stroke(vec![base, base.go(-90.0 + k * 4.0, long)], w));
    }
    v
}

/// The hands on the chest from above, stacked on the lower half of the
/// breastbone, its heel ringed: the close-up beside the adult hand
/// position picture (`cpr::compressions`).
fn close_up() -> Scene {
    let c = lying_from_above(Build::Adult, pt(206.0, 100.0));
    let heel = c.torso_at(heel_at(), 0.0);
    let mut items = vec![
        Item::Figure(c.clone(), Part::Far),
        Item::Figure(c.clone(), Part::Arms),
    ];
    items.extend(chest_marks(&c));
    items.extend(breastbone(&c));
    items.extend(stacked_hands(heel));
    items.push(Item::Mark(Mark::Ring(heel.go(90.0, 0.5), 5.5)));
    Scene {
        name: "cpr-adult-hands-close-up",
        technique: "adult-hand-position",
        view: [128.0, 70.0, 66.0, 66.0],
        items,
        motion: None,
    }
}

/// The close-up as an inset of the side view, its top left at `at`,
/// `size` wide and high.
pub(super) fn close_up_inset(at: Pt, size: f64) -> Item {
    Item::Mark(Mark::Inset {
        at: [at.x, at.y, size, size],
        scene: Box::new(close_up()),
    })
}
