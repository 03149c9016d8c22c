//! Checking for normal breathing (§1, §8: look at the chest and the face):
//! the rescuer's eyes are on the person's chest, the arrows by it say
//! "rises and falls", and the rescuer's hands are off the person. The
//! hand-drawn picture showed an eye with no body above a person.
#![cfg(not(target_arch = "wasm32"))]

mod figures_common;

use figures_common::{figure, gap_to_figure, on_torso, scene, segments};
use firstaid::figures::{Item, Mark, Role};

#[test]
fn looking_for_breathing_the_eyes_are_on_the_chest_and_the_hands_off_the_person() {
    let s = scene("recognise-and-call-breathing");
    let c = figure(&s.items, Role::Casualty);
    let r = figure(&s.items, Role::Rescuer);
    let (eye, at) = s
        .items
        .iter()
        .find_map(|i| match i {
            Item::Mark(Mark::Look(a, b)) => Some((*a, *b)),
            _ => None,
        })
        .expect("a gaze");
    assert!(
        eye.dist(r.head()) <= r.dims().head_r,
        "the gaze starts in the rescuer's head"
    );
    let (along, _) = on_torso(c, at);
    assert!(
        (0.55..=1.0).contains(&along),
        "the gaze ends on the chest: {along:.2} of the torso"
    );
    assert!(at.y < c.torso_at(along, 1.0).y, "on the chest, not in it");
    let mut arrows: Vec<(f64, f64)> = s
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Arrow { from, deg, .. } => Some((*deg, on_torso(c, *from).0)),
            _ => None,
        })
        .collect();
    arrows.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert_eq!(
        arrows.iter().map(|a| a.0).collect::<Vec<_>>(),
        [-90.0, 90.0],
        "one arrow up, one down"
    );
    for (_, along) in arrows {
        assert!((0.0..=1.0).contains(&along), "an arrow beyond the torso");
    }
    for (i, arm) in r.arm_joints().iter().enumerate() {
        for seg in segments(*arm) {
            let gap = gap_to_figure(c, seg);
            assert!(gap > 5.0, "arm {i} touches the person ({gap:.1})");
        }
    }
}
