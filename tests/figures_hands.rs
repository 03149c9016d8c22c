//! The adult hand position picture (§8, "Hand position"): beside the side
//! view, a close-up from above shows how the hands lie — stacked on the
//! lower half of the breastbone, a thumb to each side (two hands), the
//! heel ringed. The side view alone showed one rounded arm end.
#![cfg(not(target_arch = "wasm32"))]

mod figures_common;

use figures_common::{figure, on_torso, scene};
use firstaid::figures::{Build, Item, Mark, Role, Scene};

#[test]
fn the_hand_position_shows_the_hands_from_above_on_the_breastbone() {
    let side = scene("cpr-adult-hands");
    let close: &Scene = side
        .items
        .iter()
        .find_map(|i| match i {
            Item::Mark(Mark::Inset { scene, .. }) => Some(scene.as_ref()),
            _ => None,
        })
        .expect("a close-up");
    let c = figure(&close.items, Role::Casualty);
    let ring = close
        .items
        .iter()
        .find_map(|i| match i {
            Item::Mark(Mark::Ring(at, _)) => Some(*at),
            _ => None,
        })
        .expect("the heel ringed");
    let (t, off) = on_torso(c, ring);
    let (tip, top) = Build::Adult.breastbone();
    let lower_half = tip..=(tip + top) / 2.0;
    assert!(
        lower_half.contains(&t),
        "the heel at {t:.2} of the torso, not on the lower half of the breastbone {lower_half:?}"
    );
    assert!(off < 2.0, "the heel {off:.1} off the midline");
    // Two hands: a thumb each side of the palms, pointing out.
    let thumbs = close
        .items
        .iter()
        .filter(|i| match i {
            Item::Stroke(pts, _) => {
                let (a, b) = (pts[0], pts[pts.len() - 1]);
                (b.x - a.x).abs() > (b.y - a.y).abs() && (b.x - a.x).abs() > 4.0
            }
            _ => false,
        })
        .count();
    assert_eq!(thumbs, 2, "a thumb each side");
}
