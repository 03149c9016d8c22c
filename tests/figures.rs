//! The technique pictures are data (`src/figures`): every scene's SVG in
//! `content/illustrations/`, and the keyframes of their loops in
//! `style/figures.css`, must equal a fresh render, so a picture cannot
//! drift from its pose. `FIRSTAID_BLESS=1 cargo test --test figures`
//! rewrites them. (The figure library is native only: the app ships the
//! rendered SVGs, not the code that draws them.)
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use firstaid::figures;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content/illustrations")
}

#[test]
fn committed_pictures_equal_a_fresh_render() {
    let bless = std::env::var("FIRSTAID_BLESS").as_deref() == Ok("1");
    let mut stale = Vec::new();
    for s in figures::scenes() {
        let path = dir().join(format!("{}.svg", s.name));
        let svg = figures::render(&s);
        if bless {
            std::fs::write(&path, &svg).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(svg.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    // The loops' keyframes, in the app's stylesheet.
    let css_path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("style/figures.css");
    let css = figures::motion::css(&figures::scenes());
    if bless {
        std::fs::write(&css_path, &css).unwrap();
    } else if std::fs::read_to_string(&css_path).ok().as_deref() != Some(css.as_str()) {
        stale.push(css_path.display().to_string());
    }
    assert!(
        stale.is_empty(),
        "these pictures differ from their scene in src/figures (if the change is \
         intended, rerun with FIRSTAID_BLESS=1): {stale:?}"
    );
}

#[test]
fn scene_names_are_unique_and_render_deterministically() {
    let scenes = figures::scenes();
    let mut names: Vec<_> = scenes.iter().map(|s| s.name).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), scenes.len(), "duplicate scene names");
    for s in &scenes {
        assert_eq!(figures::render(s), figures::render(s), "{}", s.name);
        assert!(!s.technique.is_empty(), "{}: no technique", s.name);
    }
}

/// Every hand or foot placed with `Reach` really gets there: a contact in
/// the data is a contact in the picture.
#[test]
fn every_reach_reaches() {
    for s in figures::scenes() {
        for item in &s.items {
            if let figures::Item::Figure(f, _) = item {
                for (i, j) in f.arm_joints().iter().chain(&f.leg_joints()).enumerate() {
                    assert!(
                        j.gap < 0.5,
                        "{}: limb {i} of a {:?} misses its target by {:.1}",
                        s.name,
                        f.build,
                        j.gap
                    );
                }
            }
        }
    }
}

/// The files are standalone SVG too (opened in a browser or an editor):
/// a comment may not hold a double hyphen.
#[test]
fn comments_are_well_formed_xml() {
    for s in figures::scenes() {
        let svg = figures::render(&s);
        let mut rest = svg.as_str();
        while let Some(at) = rest.find("<!--") {
            let end = rest[at + 4..].find("-->").expect("comment closed") + at + 4;
            assert!(
                !rest[at + 4..end].contains("--"),
                "{}: `--` in a comment",
                s.name
            );
            rest = &rest[end + 3..];
        }
    }
}

/// The hands (or thumbs) of every compression picture press the lower
/// half of the breastbone, as the steps say — not the middle of the
/// chest, not the belly. Checked on the still frame each picture shows,
/// insets included. (The depth pictures draw the same pushes, from the
/// same functions, with a gauge in place of the contact ring.)
#[test]
fn compressions_press_the_lower_half_of_the_breastbone() {
    use figures::{Item, Mark, Role};
    fn walk(name: &str, items: &[Item], seen: &mut usize) {
        let casualty = items.iter().find_map(|i| match i {
            Item::Figure(f, _) if f.role == Role::Casualty => Some(f),
            _ => None,
        });
        for item in items {
            match item {
                Item::Mark(Mark::Inset { scene, .. }) => walk(scene.name, &scene.items, seen),
                Item::Contact(p) => {
                    let c = casualty.expect("a contact on a casualty");
                    let (bottom, top) = c.build.breastbone();
                    let spine = c.spine.to_radians();
                    let along = (p.x - c.hip.x) * spine.cos() + (p.y - c.hip.y) * spine.sin();
                    let t = along / c.dims().torso;
                    let mid = (bottom + top) / 2.0;
                    assert!(
                        (bottom..=mid).contains(&t),
                        "{name}: the hands press at {t:.2} of the {:?}'s torso, \
                         outside the lower half of the breastbone ({bottom:.2} to {mid:.2})",
                        c.build
                    );
                    *seen += 1;
                }
                _ => {}
            }
        }
    }
    let names = [
        "cpr-adult-compressions",
        "cpr-adult-hands",
        "cpr-child-one-hand",
        "cpr-infant-heel",
        "cpr-infant-two-thumbs",
    ];
    for name in names {
        let s = figures::scenes()
            .into_iter()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("no scene {name}"));
        let mut seen = 0;
        walk(name, &s.items, &mut seen);
        assert!(seen > 0, "{name}: no contact point to check");
    }
}

/// The floor's height in a scene, if it has a level floor.
fn floor(s: &figures::Scene) -> Option<f64> {
    s.items.iter().find_map(|i| match i {
        figures::Item::Ground(a, b) if (a.y - b.y).abs() < 1e-9 => Some(a.y),
        _ => None,
    })
}

/// A casualty lying on their back on the floor `g`, in profile.
fn lying_on(f: &figures::Figure, g: f64) -> bool {
    f.role == figures::Role::Casualty
        && f.view == figures::View::Side
        && f.spine.to_radians().cos().abs() > 0.99
        && (f.hip.y + f.dims().torso_w / 2.0 - g).abs() < 0.5
}

/// A person lying on the floor rests on it: the heels too, not only the
/// back (a leg is thinner than the torso, so a leg held level floated
/// above the floor and the rescuer's feet showed under it).
#[test]
fn lying_people_rest_their_heels_on_the_floor() {
    let mut seen = 0;
    for s in figures::scenes() {
        let Some(g) = floor(&s) else { continue };
        for item in &s.items {
            let figures::Item::Figure(f, _) = item else {
                continue;
            };
            if !lying_on(f, g) {
                continue;
            }
            seen += 1;
            for (i, leg) in f.leg_joints().iter().enumerate() {
                let above = g - (leg.end.y + f.dims().leg_w / 2.0);
                assert!(
                    above.abs() < 0.75,
                    "{}: heel {i} of the {:?} is {above:.1} above the floor",
                    s.name,
                    f.build
                );
            }
        }
    }
    assert!(
        seen >= 10,
        "only {seen} people lying on a floor: the check lost its scenes"
    );
}

/// A rescuer kneeling by a casualty on the floor kneels beside them: the
/// near leg is drawn again in front of the casualty, so the knee is seen
/// on the floor by their side. A knee hidden behind the body (the thigh
/// ending on top of it) read as kneeling on the person. A rescuer turned
/// to the person (`View::Turned`: kneeling at the far side, bowed over
/// the head) kneels by the head and shoulders, the knees hidden behind
/// the body and not drawn over it (a leg drawn in front covered the
/// neck), not at the top of the head.
#[test]
fn a_rescuer_kneels_beside_the_casualty_not_on_them() {
    use figures::{Item, Part, Role, View};
    let mut seen = 0;
    for s in figures::scenes() {
        let Some(g) = floor(&s) else { continue };
        let casualty = s.items.iter().enumerate().find_map(|(i, item)| match item {
            Item::Figure(f, _) if lying_on(f, g) => Some((i, f)),
            _ => None,
        });
        let Some((at, c)) = casualty else { continue };
        let from = c.head().x - c.dims().head_r;
        let to = c
            .leg_joints()
            .iter()
            .map(|j| j.end.x)
            .fold(f64::MIN, f64::max);
        for item in &s.items {
            let Item::Figure(r, Part::All) = item else {
                continue;
            };
            let turned = matches!(r.view, View::Turned(_));
            if r.role != Role::Rescuer || !(r.view == View::Side || turned) {
                continue;
            }
            // Turned, the leg ends at the knee (the shin points away).
            let [leg, _] = r.leg_joints();
            let knee = if turned { leg.end } else { leg.mid };
            let on_floor = (knee.y + r.dims().leg_w / 2.0 - g).abs() < 1.0;
            if !on_floor || !(from..=to).contains(&knee.x) {
                continue;
            }
            seen += 1;
            let in_front = s.items[at + 1..]
                .iter()
                .any(|i| matches!(i, Item::Figure(f, Part::NearLeg) if f == r));
            if turned {
                let (head, chest) = (c.head().x, c.torso_at(0.5, 0.0).x);
                assert!(
                    !in_front && (head..=chest).contains(&knee.x),
                    "{}: the turned rescuer's knee ({:.0}) is not hidden beside the head \
                     and shoulders ({head:.0} to {chest:.0})",
                    s.name,
                    knee.x
                );
            } else {
                assert!(
                    in_front,
                    "{}: the rescuer's knee is behind the casualty, not beside them",
                    s.name
                );
            }
        }
    }
    assert!(
        seen >= 9,
        "only {seen} rescuers kneel by a casualty: the check lost its scenes"
    );
}

/// A push's force arrow points at the hands, not at the head beyond them
/// (a straight arrow is a force: one over the head read "push on the
/// head"): beside the contact, ending just above it. And the rescuer
/// kneels beside an adult's or a child's chest (§8 "kneel beside the
/// chest"), the near knee between the shoulders and the hips, not by the
/// hips or beyond; by a baby on the floor, past its feet, not over them.
/// "Let the chest come all the way back up": the recoil picture's only
/// arrow points up, beside the hands and over the chest (it showed the
/// push's down arrow before), and the hands rest on the chest, not sunk
/// into it as in a push.
#[test]
fn recoil_shows_the_chest_rising_with_the_hands_resting_on_it() {
    use figures::{Item, Role};
    let s = figures::scene("cpr-adult-recoil").expect("the recoil picture");
    let arrows: Vec<(figures::Pt, f64)> = s
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Arrow { from, deg, .. } => Some((*from, *deg)),
            _ => None,
        })
        .collect();
    assert_eq!(arrows.len(), 1, "one arrow: {arrows:?}");
    let (from, deg) = arrows[0];
    assert_eq!(deg, -90.0, "the arrow points up");
    let person = |role: Role| {
        s.items
            .iter()
            .find_map(|i| match i {
                Item::Figure(f, _) if f.role == role => Some(f.clone()),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no {role:?}"))
    };
    let (c, r) = (person(Role::Casualty), person(Role::Rescuer));
    let hands = r.arm_joints()[0].end;
    let chest = c.torso_at(0.72, 1.0);
    assert!(
        (hands.y - (chest.y - 4.0)).abs() < 0.01,
        "the hands rest on the chest at its full height: {hands:?}, chest {chest:?}"
    );
    assert!(
        from.x < hands.x && hands.x - from.x < 25.0 && (from.y - chest.y).abs() < 8.0,
        "the arrow stands on the chest beside the hands: {from:?}, hands {hands:?}"
    );
}

#[test]
fn pushes_point_at_the_hands_and_the_rescuer_kneels_by_the_chest() {
    use figures::{Item, Part, Role};
    // Where the rescuer kneels: beside the chest (an adult, a child), past
    // the feet (a baby on the floor: a knee beside it covered its legs),
    // or not on the floor (a baby on the lap).
    #[derive(PartialEq)]
    enum Knee {
        ByChest,
        PastFeet,
        Lap,
    }
    let scenes = [
        ("cpr-adult-compressions", Knee::ByChest),
        ("cpr-adult-hands", Knee::ByChest),
        ("cpr-child-one-hand", Knee::ByChest),
        ("cpr-infant-heel", Knee::PastFeet),
        ("cpr-infant-two-thumbs", Knee::PastFeet),
        ("choking-infant-chest-thrusts-heel", Knee::Lap),
        ("choking-infant-chest-thrusts-two-thumbs", Knee::Lap),
    ];
    for (name, kneel) in scenes {
        let s = figures::scene(name).unwrap_or_else(|| panic!("no scene {name}"));
        let contact = s
            .items
            .iter()
            .find_map(|i| match i {
                Item::Contact(p) => Some(*p),
                _ => None,
            })
            .unwrap_or_else(|| panic!("{name}: no contact"));
        let (from, len) = s
            .items
            .iter()
            .find_map(|i| match i {
                Item::Arrow { from, deg, len } if (*deg - 90.0).abs() < 1e-9 => Some((*from, *len)),
                _ => None,
            })
            .unwrap_or_else(|| panic!("{name}: no push arrow"));
        let aside = (from.x - contact.x).abs();
        let gap = contact.y - (from.y + len);
        assert!(
            aside <= 13.0 && (0.0..=20.0).contains(&gap),
            "{name}: the arrow is {aside:.1} to the side of the hands and ends {gap:.1} above them"
        );
        if kneel == Knee::Lap {
            continue;
        }
        let (c, r) = (
            s.items.iter().find_map(|i| match i {
                Item::Figure(f, Part::All) if f.role == Role::Casualty => Some(f),
                _ => None,
            }),
            s.items.iter().find_map(|i| match i {
                Item::Figure(f, Part::All) if f.role == Role::Rescuer => Some(f),
                _ => None,
            }),
        );
        let (c, r) = (c.expect("a casualty"), r.expect("a rescuer"));
        let knee = r.leg_joints()[0].mid.x;
        if kneel == Knee::ByChest {
            let (shoulders, hips) = (c.shoulder().x, c.hip.x);
            assert!(
                (shoulders..=hips).contains(&knee),
                "{name}: the knee at {knee:.0} is not beside the chest ({shoulders:.0} to {hips:.0})"
            );
        } else {
            // The knee's near edge past the ends of the feet.
            let feet = c
                .leg_joints()
                .iter()
                .map(|j| j.end.x)
                .fold(f64::MIN, f64::max)
                + c.dims().leg_w / 2.0;
            let edge = knee - r.dims().leg_w / 2.0;
            assert!(
                edge >= feet,
                "{name}: the knee ({edge:.0}) covers the baby's feet ({feet:.0})"
            );
        }
    }
}

/// The airway and breath pictures stay readable (§8): the chest-rise arrow
/// and the head's swing are drawn clear of the rescuer (an arrow on the
/// rescuer's back read as their back rising), and when opening the airway
/// the arms come down on either side of the face (they lay across it, and
/// the tilt could not be seen). The hands end on the head's outline.
/// Checked on the still frames, insets included.
#[test]
fn breaths_keep_the_face_and_the_rising_chest_clear_of_the_rescuer() {
    use figures::body::{shapes, Shape};
    use figures::motion::segment_gap;
    use figures::{Item, Mark, Part, Pt, Role};
    /// How far a segment is from a shape's edge (less than 0: inside it).
    fn clear(seg: (Pt, Pt), shape: &Shape) -> f64 {
        match shape {
            Shape::Line(pts, w) => {
                pts.windows(2)
                    .map(|p| segment_gap(seg, (p[0], p[1])))
                    .fold(f64::MAX, f64::min)
                    - w / 2.0
            }
            Shape::Dot(c, r) => segment_gap(seg, (*c, *c)) - r,
            Shape::Poly(pts) => {
                let n = pts.len();
                (0..n)
                    .map(|i| segment_gap(seg, (pts[i], pts[(i + 1) % n])))
                    .fold(f64::MAX, f64::min)
            }
        }
    }
    fn walk(name: &str, items: &[Item], seen: &mut usize) {
        let person = |role: Role| {
            items.iter().find_map(|i| match i {
                Item::Figure(f, Part::All) if f.role == role => Some(f),
                _ => None,
            })
        };
        for item in items {
            if let Item::Mark(Mark::Inset { scene, .. }) = item {
                walk(scene.name, &scene.items, seen);
            }
        }
        let (Some(c), Some(r)) = (person(Role::Casualty), person(Role::Rescuer)) else {
            return;
        };
        *seen += 1;
        let body = shapes(r, Part::All);
        for item in items {
            // The arrow's shaft and head (5 wide), the swing's arc.
            let segs: Vec<(Pt, Pt)> = match item {
                Item::Arrow { from, deg, len } => {
                    let tip = from.go(*deg, *len);
                    vec![
                        (*from, tip),
                        (tip, tip.go(deg + 150.0, 13.0)),
                        (tip, tip.go(deg - 150.0, 13.0)),
                    ]
                }
                Item::Swing {
                    centre,
                    r,
                    from,
                    to,
                } => (0..8)
                    .map(|i| {
                        let a = |k: f64| centre.go(from + (to - from) * k / 8.0, *r);
                        (a(f64::from(i)), a(f64::from(i + 1)))
                    })
                    .collect(),
                _ => continue,
            };
            for seg in segs {
                for sh in &body {
                    let gap = clear(seg, sh) - 2.5;
                    assert!(
                        gap > 0.0,
                        "{name}: the arrow runs {:.1} into the rescuer",
                        -gap
                    );
                }
            }
        }
        let (head, hr) = (c.head(), c.dims().head_r);
        for (i, arm) in r.arm_joints().iter().enumerate() {
            let off = arm.end.dist(head) - hr;
            assert!(
                (-3.0..=6.0).contains(&off),
                "{name}: hand {i} is {off:.1} off the outline of the head (the nose: 5.6)"
            );
        }
        // No seal (opening the airway): the face shows between the arms.
        let sealed = items
            .iter()
            .any(|i| matches!(i, Item::Figure(_, Part::Head)));
        if !sealed {
            let face = head.go(c.face, hr);
            for sh in shapes(r, Part::Arms) {
                let gap = clear((face, face), &sh);
                assert!(gap > 0.0, "{name}: an arm lies across the face");
            }
        }
    }
    let mut seen = 0;
    for name in [
        "cpr-open-airway",
        "cpr-adult-breath",
        "cpr-child-infant-breaths",
    ] {
        let s = figures::scene(name).unwrap_or_else(|| panic!("no scene {name}"));
        walk(name, &s.items, &mut seen);
    }
    assert_eq!(
        seen, 4,
        "a rescuer and a casualty in each of the four pictures"
    );
}
