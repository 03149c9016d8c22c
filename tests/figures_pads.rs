//! AED pads seen from above, checked against §8 on the geometry the
//! pictures are drawn from (`src/figures/aed.rs`): a child's pads lie on
//! the chest, off the arms, and do not touch; the pad moved away from an
//! implanted device lies a hand-width from it.
#![cfg(not(target_arch = "wasm32"))]

mod figures_common;

use figures_common::{figure, on_torso, scene, segments, to_segment};
use firstaid::figures::{Build, Item, Mark, Pt, Role};

/// A pad as drawn: centre, direction of the long side, size, and whether
/// it is only an outline (where a pad must not go).
struct Pad {
    at: Pt,
    deg: f64,
    w: f64,
    h: f64,
    ghost: bool,
}

impl Pad {
    /// Points along its edge, ten to a side.
    fn edge(&self) -> Vec<Pt> {
        let corner = |u: f64, v: f64| {
            self.at
                .go(self.deg, u * self.w / 2.0)
                .go(self.deg + 90.0, v * self.h / 2.0)
        };
        let sides = [((-1.0, -1.0), (1.0, -1.0)), ((1.0, -1.0), (1.0, 1.0))];
        let sides = sides
            .into_iter()
            .chain([((1.0, 1.0), (-1.0, 1.0)), ((-1.0, 1.0), (-1.0, -1.0))]);
        sides
            .flat_map(|((u0, v0), (u1, v1))| {
                (0..10).map(move |i| {
                    let k = f64::from(i) / 10.0;
                    (u0 + (u1 - u0) * k, v0 + (v1 - v0) * k)
                })
            })
            .map(|(u, v)| corner(u, v))
            .collect()
    }

    /// Whether `p` lies on it, or within `margin` of it.
    fn covers(&self, p: Pt, margin: f64) -> bool {
        let (dx, dy) = (p.x - self.at.x, p.y - self.at.y);
        let r = self.deg.to_radians();
        let (u, v) = (dx * r.cos() + dy * r.sin(), -dx * r.sin() + dy * r.cos());
        u.abs() <= self.w / 2.0 + margin && v.abs() <= self.h / 2.0 + margin
    }
}

fn pads(items: &[Item]) -> Vec<Pad> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Mark(Mark::PadFace {
                at,
                deg,
                w,
                h,
                ghost,
            }) => Some(Pad {
                at: *at,
                deg: *deg,
                w: *w,
                h: *h,
                ghost: *ghost,
            }),
            _ => None,
        })
        .collect()
}

/// "Use the largest pads that fit without touching" (a child, the pads on
/// the front): each pad lies on the chest — within the trunk, nowhere
/// wider than at the hips, and off both arms — and the two do not touch.
/// (Both lay half on an arm, off the edge of the chest.)
#[test]
fn a_childs_pads_on_the_front_lie_on_the_chest_apart() {
    let s = scene("aed-child-pads-apart");
    let c = figure(&s.items, Role::Casualty);
    let d = c.dims();
    let placed: Vec<Pad> = pads(&s.items).into_iter().filter(|p| !p.ghost).collect();
    assert_eq!(placed.len(), 2, "two pads");
    for (n, pad) in placed.iter().enumerate() {
        for p in pad.edge() {
            let (along, off) = on_torso(c, p);
            assert!(
                (0.0..=1.0).contains(&along) && off < d.hips / 2.0,
                "pad {n} goes off the chest at {p:?} ({along:.2} along, {off:.1} out)"
            );
            for (i, j) in c.arm_joints().into_iter().enumerate() {
                for seg in segments(j) {
                    let gap = to_segment(p, seg) - d.arm_w / 2.0;
                    assert!(gap > 0.0, "pad {n} lies on arm {i} ({gap:.1})");
                }
            }
        }
    }
    let [a, b] = [&placed[0], &placed[1]];
    assert!(
        a.edge().iter().all(|p| !b.covers(*p, 1.0)) && b.edge().iter().all(|p| !a.covers(*p, 1.0)),
        "the pads touch"
    );
}

/// An implanted device (§8): no pad on the lump — the outline where the
/// pad would have gone is crossed out on its edge — and the pad placed
/// instead lies about 8 cm (a hand-width) from the lump: 8 cm of an
/// adult's 50 cm trunk, 62 units long. (It lay 5 units, about 4 cm, from
/// it, and the cross sat off the outline, over the collarbone and neck.)
#[test]
fn the_pad_moved_from_a_device_lies_a_hand_width_from_it() {
    let s = scene("aed-implanted-device");
    let all = pads(&s.items);
    let ghost = all
        .iter()
        .find(|p| p.ghost)
        .expect("the crossed-out outline");
    let lump = s
        .items
        .iter()
        .find_map(|i| match i {
            Item::Mark(Mark::Thing(pts, _)) if pts.iter().all(|p| ghost.covers(*p, 0.0)) => {
                Some(pts)
            }
            _ => None,
        })
        .expect("the lump, under the outline");
    let cross = s
        .items
        .iter()
        .find_map(|i| match i {
            Item::Mark(Mark::Cross(at, _)) => Some(*at),
            _ => None,
        })
        .expect("a cross");
    assert!(
        ghost.covers(cross, 1.0),
        "the cross at {cross:?} is off the outline"
    );
    let hand_width = 8.0 / 50.0 * Build::Adult.dims().torso;
    let gap = all
        .iter()
        .filter(|p| !p.ghost)
        .flat_map(|pad| pad.edge())
        .flat_map(|e| lump.iter().map(move |l| l.dist(e)))
        .fold(f64::MAX, f64::min);
    assert!(
        gap >= hand_width,
        "a pad lies {gap:.1} from the lump, under a hand-width ({hand_width:.1})"
    );
}

/// An adult's pads (§8: below the right collarbone, and on the left side
/// below the armpit) lie on the chest, not on an arm — in every picture
/// that places them.
#[test]
fn an_adults_pads_lie_off_the_arms() {
    for name in [
        "aed-adult-pads",
        "aed-shave-chest-hair",
        "aed-implanted-device",
    ] {
        let s = scene(name);
        let c = figure(&s.items, Role::Casualty);
        let d = c.dims();
        for (n, pad) in pads(&s.items).iter().filter(|p| !p.ghost).enumerate() {
            for p in pad.edge() {
                for (i, j) in c.arm_joints().into_iter().enumerate() {
                    for seg in segments(j) {
                        let gap = to_segment(p, seg) - d.arm_w / 2.0;
                        assert!(gap > 0.0, "{name}: pad {n} lies on arm {i} ({gap:.1})");
                    }
                }
            }
        }
    }
}

/// Shaving the chest: the hairs grow on the chest round the pad's place,
/// not on the arms beside it (they did, over the left arm), and the razor
/// has a handle from its head to the hand that holds it (a head alone
/// read as one more hair).
#[test]
fn chest_hair_lies_on_the_chest_and_the_razor_is_held() {
    let s = scene("aed-shave-chest-hair");
    let c = figure(&s.items, Role::Casualty);
    let things: Vec<(&[Pt], f64)> = s
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Mark(Mark::Thing(pts, w)) => Some((pts.as_slice(), *w)),
            _ => None,
        })
        .collect();
    let hairs: Vec<Pt> = things
        .iter()
        .filter(|(_, w)| *w < 2.0)
        .flat_map(|(pts, _)| pts.iter().copied())
        .collect();
    assert!(hairs.len() >= 20, "{} hair ends", hairs.len());
    let arm_w = c.dims().arm_w;
    for p in &hairs {
        let (along, off) = on_torso(c, *p);
        let half = c.torso_at(along, 1.0).dist(c.torso_at(along, 0.0));
        assert!(
            (0.45..1.0).contains(&along) && off < half,
            "hair off the chest at {p:?}"
        );
        for j in c.arm_joints() {
            for seg in segments(j) {
                assert!(to_segment(*p, seg) > arm_w / 2.0, "hair on an arm at {p:?}");
            }
        }
    }
    // The razor: a head across the stroke and a handle from it to the
    // rescuer's hand (the end of an arm reaching in from below).
    let handle = things
        .iter()
        .find(|(pts, w)| (2.0..3.0).contains(w) && pts.len() == 2 && pts[0].dist(pts[1]) > 15.0)
        .expect("a razor handle");
    let hand = s
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Stroke(pts, _) => pts.last().copied(),
            _ => None,
        })
        .map(|end| end.dist(handle.0[1]))
        .fold(f64::MAX, f64::min);
    assert!(hand < 1.0, "the handle ends {hand} from the nearest hand");
    let head = things
        .iter()
        .find(|(pts, w)| *w > 3.0 && pts.iter().any(|p| p.dist(handle.0[0]) < 6.0))
        .expect("a razor head at the handle");
    assert!(head.0[0].dist(head.0[1]) >= 8.0);
}

/// While the AED analyses and shocks nobody touches the person: the
/// rescuer's hands are raised above the shoulders and well clear of the
/// person, and the pads on the chest are wired to the AED (§8).
#[test]
fn the_rescuer_stands_clear_with_both_hands_raised() {
    let s = scene("aed-stand-clear");
    let c = figure(&s.items, Role::Casualty);
    let r = figure(&s.items, Role::Rescuer);
    let shoulder = r.torso_at(1.0, 0.0);
    for (i, arm) in r.arm_joints().iter().enumerate() {
        assert!(
            arm.end.y < shoulder.y - 30.0,
            "hand {i} is not raised: {:?} against the shoulder {shoulder:?}",
            arm.end
        );
        for seg in segments(*arm) {
            let gap = figures_common::gap_to_figure(c, seg);
            assert!(gap > 40.0, "arm {i} is {gap:.1} from the person");
        }
    }
    let pads: Vec<(Pt, Pt)> = s
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Pad(a, b) => Some((*a, *b)),
            _ => None,
        })
        .collect();
    assert_eq!(pads.len(), 2, "two pads");
    for (a, b) in &pads {
        let mid = Pt {
            x: (a.x + b.x) / 2.0,
            y: (a.y + b.y) / 2.0,
        };
        let (along, _) = on_torso(c, mid);
        assert!(
            (0.3..=1.0).contains(&along),
            "a pad off the chest: {along:.2}"
        );
        // Each pad has a wire from its end.
        assert!(
            s.items
                .iter()
                .any(|i| matches!(i, Item::Stroke(pts, _) if pts[0] == *a)),
            "no wire from the pad at {a:?}"
        );
    }
}
