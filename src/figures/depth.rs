//! How deep and how fast (guideline reference §2, §3 and §8): the adult
//! chest pushed 5–6 cm, a child's and a baby's a third of its depth, and
//! the same fast up and down for children and babies.

use super::body::Build;
use super::cpr::{
    adult_push, lying, push_arrow, small_press, small_push, Hands, ADULT_ARROW, ADULT_PRESS,
};
use super::marks::Mark;
use super::{pt, Item, Pt, Scene};

/// Marks of a push `depth` deep at `spot` (the chest's surface at rest):
/// dashed lines at rest and pushed, and the distance between, to the
/// right of the hands.
fn gauge(spot: Pt, depth: f64, width: f64) -> Vec<Item> {
    let level = |y: f64| {
        Item::Mark(Mark::Dashed(vec![
            pt(spot.x - width, y),
            pt(spot.x + width * 1.6, y),
        ]))
    };
    let x = spot.x + width * 1.35;
    vec![
        level(spot.y),
        level(spot.y + depth),
        Item::Mark(Mark::Measure(
            pt(x, spot.y - 0.5),
            pt(x, spot.y + depth + 0.5),
        )),
    ]
}

/// The adult push, [`ADULT_PRESS`] (about 5–6 cm at the figures' scale)
/// deep, with a close-up of the chest going down.
fn adult_depth() -> Scene {
    let depth = ADULT_PRESS;
    let (mut items, spot) = adult_push(depth);
    let mut close = items.clone();
    close.extend(gauge(spot, depth, 14.0));
    items.push(push_arrow(spot, ADULT_ARROW));
    items.push(Item::Mark(Mark::Inset {
        at: [202.0, 76.0, 84.0, 64.0],
        scene: Box::new(Scene {
            name: "cpr-adult-depth-close-up",
            technique: "adult-depth",
            view: [spot.x - 24.0, spot.y - 20.0, 56.0, 42.0],
            items: close,
            motion: None,
        }),
    }));
    Scene {
        name: "cpr-adult-depth",
        technique: "adult-depth",
        view: [40.0, 74.0, 248.0, 162.0],
        items,
        motion: None,
    }
}

/// Recoil: after each push the chest comes all the way back up, the
/// hands still on it but not leaning. The hands rest on the chest at its
/// full height, and an arrow over the chest, beside the arms, shows it
/// rising (as the chest rises in a rescue breath). No force arrow:
/// nothing pushes.
fn adult_recoil() -> Scene {
    let (mut items, spot) = adult_push(0.0);
    items.push(Item::Arrow {
        from: spot.go(180.0, RISE_BACK).go(-90.0, 5.0),
        deg: -90.0,
        len: 20.0,
    });
    Scene {
        name: "cpr-adult-recoil",
        technique: "adult-recoil",
        view: [40.0, 74.0, 248.0, 162.0],
        items,
        motion: None,
    }
}

/// How far from the hands, towards the head, the recoil's arrow stands:
/// clear of the arm and its gap.
const RISE_BACK: f64 = 15.0;

/// A child's (one hand, above) and a baby's (two thumbs, below) push,
/// each in its own frame (`frames` names them): pushed `depth` deep,
/// with `marks` at the spot; each frame `zoom[0]` wide, the spot
/// `zoom[1]` of the way across.
fn child_baby(
    name: &'static str,
    technique: &'static str,
    frames: [&'static str; 2],
    depth: fn(Build) -> f64,
    marks: fn(Build, Pt) -> Vec<Item>,
    zoom: [f64; 2],
) -> Scene {
    let panel = |build: Build, hands: Hands, inner: &'static str| {
        let (mut items, spot) = small_push(build, hands, depth(build));
        items.extend(marks(build, spot));
        let (w, h) = (zoom[0], zoom[0] * 102.0 / 236.0);
        Scene {
            name: inner,
            technique,
            view: [spot.x - w * zoom[1], spot.y + 24.0 - h, w, h],
            items,
            motion: None,
        }
    };
    let child = panel(Build::Child, Hands::OneHeel, frames[0]);
    let baby = panel(Build::Baby, Hands::TwoThumbs, frames[1]);
    Scene {
        name,
        technique,
        view: [0.0, 0.0, 240.0, 212.0],
        items: vec![
            Item::Mark(Mark::Inset {
                at: [2.0, 2.0, 236.0, 102.0],
                scene: Box::new(child),
            }),
            Item::Mark(Mark::Inset {
                at: [2.0, 108.0, 236.0, 102.0],
                scene: Box::new(baby),
            }),
        ],
        motion: None,
    }
}

/// A third of the chest's depth: the push, and the chest from front to
/// back beside it, down to the floor it lies on.
fn child_infant_depth() -> Scene {
    child_baby(
        "cpr-child-infant-depth",
        "child-infant-depth",
        [
            "cpr-child-infant-depth-child",
            "cpr-child-infant-depth-baby",
        ],
        small_press,
        |build, spot| {
            let chest = build.dims().torso_w;
            let mut v = gauge(spot, chest / 3.0, 12.0);
            let x = spot.x + 12.0 * 1.35;
            v.push(Item::Mark(Mark::Dashed(vec![
                pt(x, spot.y + chest / 3.0 + 2.0),
                pt(x, spot.y + chest),
            ])));
            v
        },
        [120.0, 0.4],
    )
}

/// The same speed as for adults: down and back up, over and over. The
/// arrows stand on the floor beyond the head, level with the hands —
/// clear of both people (on the rescuer they read as the body moving;
/// over the head, as a push on the head).
fn child_infant_rate() -> Scene {
    child_baby(
        "cpr-child-infant-rate",
        "child-infant-rate",
        ["cpr-child-infant-rate-child", "cpr-child-infant-rate-baby"],
        |_| 0.0,
        |build, spot| {
            let c = lying(build, 100.0);
            // The up arrow's head is 13 across and its stroke 5 wide.
            let up = c.head().x - c.dims().head_r - 13.0;
            let down = up - 19.0;
            let (top, len) = (spot.y - 34.0, 30.0);
            vec![
                Item::Contact(spot),
                Item::Arrow {
                    from: pt(down, top),
                    deg: 90.0,
                    len,
                },
                Item::Arrow {
                    from: pt(up, top + len),
                    deg: -90.0,
                    len,
                },
            ]
        },
        [280.0, 0.38],
    )
}

pub(super) fn scenes() -> Vec<Scene> {
    vec![
        adult_depth(),
        adult_recoil(),
        child_infant_depth(),
        child_infant_rate(),
    ]
}
