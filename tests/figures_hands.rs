//! The adult hand position picture (§8, "Hand position"): beside the side
//! view, a close-up from above shows how the hands lie — stacked on the
//! lower half of the breastbone, a thumb to each side (two hands), the
//! heel ringed. The side view alone showed one rounded arm end.
#![cfg(not(target_arch = "wasm32"))]

use firstaid::figures::{self, Build, Item, Mark, Role, Scene};

#[test]
fn the_hand_position_shows_the_hands_from_above_on_the_breastbone() {
    let side = figures::scene("cpr-adult-hands").expect("the scene");
    let close: &Scene = side
        .items
        .iter()
        .find_map(|i| match i {
            Item::Mark(Mark::Inset { scene, .. }) => Some(scene.as_ref()),
            _ => None,
        })
        .expect("a close-up");
    let c = close
        .items
        .iter()
        .find_map(|i| match i {
            Item::Figure(f, _) if f.role == Role::Casualty => Some(f),
            _ => None,
        })
        .expect("the person");
    let ring = close
        .items
        .iter()
        .find_map(|i| match i {
            Item::Mark(Mark::Ring(at, _)) => Some(*at),
            _ => None,
        })
        .expect("the heel ringed");
    // Where the ring lies along the torso (0 hips, 1 shoulders) and how
    // far off the midline.
    let (hip, shoulder) = (c.torso_at(0.0, 0.0), c.torso_at(1.0, 0.0));
    let axis = hip.angle_to(shoulder);
    let (r, a) = (hip.dist(ring), (hip.angle_to(ring) - axis).to_radians());
    let t = r * a.cos() / hip.dist(shoulder);
    let off = (r * a.sin()).abs();
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
