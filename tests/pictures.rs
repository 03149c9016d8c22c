//! Pictures never contradict their text: every picture of people declares
//! the technique it shows (`data-technique`, from `src/figures`), every
//! step or variant that uses one declares the technique it teaches
//! (`shows`), the validator requires the two to agree, and here the
//! wording itself must name what the picture shows — and not the other
//! hand technique.

use firstaid::content::validate::{technique_of, validate};
use firstaid::content::*;
use firstaid::profile::ProfileId;

fn curriculum() -> Curriculum {
    Curriculum::embedded().unwrap_or_else(|p| panic!("content does not parse:\n{}", p.join("\n")))
}

/// Per technique: words the English wording must contain, and words it
/// must not (the other guideline's hand technique).
const WORDING: &[(&str, &[&str], &[&str])] = &[
    (
        "back-blows",
        &[
            "to the side",
            "support their chest",
            "forward",
            "heel",
            "shoulder blades",
        ],
        &[],
    ),
    (
        "abdominal-thrusts",
        &[
            "behind",
            "round their upper belly",
            "fist",
            "inwards and upwards",
        ],
        &[],
    ),
    (
        "chest-thrusts-standing",
        &["behind", "armpits", "breastbone", "straight back"],
        &[],
    ),
    (
        "infant-back-blows",
        &[
            "face down",
            "forearm",
            "thigh",
            "head lower",
            "jaw",
            "heel",
            "shoulder blades",
        ],
        &[],
    ),
    ("infant-two-thumbs", &["both thumbs"], &["heel"]),
    ("infant-heel-of-hand", &["heel of one hand"], &[]),
    ("adult-compressions", &["push"], &[]),
    ("recovery-position", &["onto their side"], &[]),
    (
        "look-for-breathing",
        &["look at their chest", "rising and falling"],
        &[],
    ),
    (
        "stand-clear",
        &["nobody touches", "take your hands off", "everyone else"],
        &[],
    ),
    ("child-one-hand", &["heel of one hand"], &[]),
    (
        "aed-pads-front-back",
        &["never touch", "center of the chest", "center of the back"],
        &[],
    ),
    ("infant-cpr-heel", &["heel of one hand"], &[]),
    (
        "infant-cpr-two-thumbs",
        &["wrap both hands", "two thumbs"],
        &["heel"],
    ),
    (
        "abdominal-fist-position",
        &[
            "thumb side",
            "belly button",
            "bottom tip of the breastbone",
            "inwards and upwards",
        ],
        &[],
    ),
    (
        "self-rescue",
        &["yourself abdominal thrusts", "chair back"],
        &[],
    ),
    ("lower-to-ground", &["lower them gently to the ground"], &[]),
    ("look-in-mouth", &["look into the mouth", "finger"], &[]),
    (
        "tap-and-shout",
        &["kneel", "tap both shoulders", "shout"],
        &[],
    ),
    (
        "tap-baby-foot",
        &["never shake", "sole of the foot", "loudly"],
        &[],
    ),
    ("adult-depth", &["at least 5 cm", "6 cm"], &[]),
    ("adult-recoil", &["all the way back up", "do not lean"], &[]),
    (
        "head-tilt-chin-lift",
        &["forehead", "tilt the head back", "fingertips", "chin"],
        &[],
    ),
    ("rescue-breath", &["breath", "1 second", "chest rise"], &[]),
    (
        "child-infant-breaths",
        &[
            "tilt the head back only a little",
            "pinch the nose",
            "keep the head level",
            "mouth and nose",
        ],
        &[],
    ),
    (
        "infant-spot",
        &["lower half of the breastbone", "just below the nipple line"],
        &[],
    ),
    ("child-infant-depth", &["third of the chest"], &[]),
    ("child-infant-rate", &["100 to 120"], &[]),
    (
        "recovery-turn",
        &[
            "kneel",
            "arm nearest you out at a right angle",
            "far arm across their chest",
            "near cheek",
            "bend the far knee",
            "roll them toward you",
        ],
        &[],
    ),
    (
        "recovery-settled",
        &["right angles", "tilt the head back"],
        &[],
    ),
    (
        "recovery-baby",
        &["on their side in your arms", "head a little low"],
        &[],
    ),
    ("bare-chest", &["whole chest is bare"], &[]),
    (
        "adult-pads",
        &["upper right chest", "below the collarbone", "left"],
        &[],
    ),
    (
        "child-pads-apart",
        &["largest pads that fit without touching"],
        &[],
    ),
    ("child-pads-front-back", &["chest", "back"], &[]),
    ("wipe-chest-dry", &["wipe", "dry"], &[]),
    ("remove-patch", &["gloves", "peel it off"], &[]),
    (
        "pad-away-from-device",
        &["lump", "do not put a pad on top of it"],
        &[],
    ),
    ("shave-chest-hair", &["chest hair", "shave"], &[]),
    (
        "adult-hand-position",
        &[
            "kneel",
            "heel of one hand",
            "center of the chest",
            "other hand on top",
        ],
        &[],
    ),
];

#[test]
fn every_picture_of_people_shows_what_its_wording_teaches() {
    let c = curriculum();
    let mut checked = 0;
    for l in &c.lessons {
        for s in &l.steps {
            for p in ProfileId::ALL {
                let r = s.for_profile(p);
                let Some(shows) = r.shows else { continue };
                let at = format!("{}.{} ({})", l.id, s.id, p.as_str());
                let svg = &c.illustrations[r.illustration.expect("validated")];
                assert_eq!(technique_of(svg), Some(shows), "{at}");
                let (_, must, must_not) = WORDING
                    .iter()
                    .find(|(t, _, _)| *t == shows)
                    .unwrap_or_else(|| panic!("{at}: add {shows:?} to WORDING"));
                let en = r.text.en.to_lowercase();
                for w in *must {
                    assert!(en.contains(w), "{at}: the wording never says {w:?}: {en}");
                }
                for w in *must_not {
                    assert!(
                        !en.contains(w),
                        "{at}: the picture shows {shows}, the wording says {w:?}"
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(
        checked >= 18,
        "only {checked} step wordings have a picture of people"
    );
}

/// The two infant hand techniques go to the profiles that teach them.
#[test]
fn each_profile_sees_its_own_infant_chest_thrust_picture() {
    let c = curriculum();
    let l = c.lesson("choking-infant").unwrap();
    for id in ["chest-thrust-hands", "infant-chest-thrusts"] {
        let s = l.steps.iter().find(|s| s.id == id).unwrap();
        for (p, want) in [
            (ProfileId::Aha, "infant-heel-of-hand"),
            (ProfileId::Erc, "infant-two-thumbs"),
            (ProfileId::Rcsc, "infant-two-thumbs"),
        ] {
            let img = s.for_profile(p).illustration.unwrap();
            assert_eq!(
                technique_of(&c.illustrations[img]),
                Some(want),
                "{id} {p:?}"
            );
        }
    }
}

fn step<'a>(c: &'a mut Curriculum, lesson: &str, id: &str) -> &'a mut Step {
    let l = c.lessons.iter_mut().find(|l| l.id == lesson).unwrap();
    l.steps.iter_mut().find(|s| s.id == id).unwrap()
}

#[test]
fn a_picture_that_contradicts_its_wording_is_reported() {
    let mut c = curriculum();
    let s = step(&mut c, "choking-infant", "infant-chest-thrusts");
    let v = s
        .variants
        .iter_mut()
        .find(|v| v.profiles.contains(&ProfileId::Erc))
        .unwrap();
    v.illustration = Some("choking-infant-chest-thrusts-heel".into());
    let problems = validate(&c);
    assert!(
        problems.iter().any(|p| p.contains("the erc picture shows \"infant-heel-of-hand\" but the wording teaches \"infant-two-thumbs\"")),
        "{problems:#?}"
    );
}

#[test]
fn a_technique_step_without_a_picture_of_people_is_reported() {
    let mut c = curriculum();
    let s = step(&mut c, "choking-adult-child", "back-blows");
    s.illustration = None;
    s.alt = None;
    s.shows = None;
    let problems = validate(&c);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("step back-blows: a technique step needs a picture of people")),
        "{problems:#?}"
    );
    // An abstract drawing is not enough.
    let mut c = curriculum();
    let s = step(&mut c, "choking-adult-child", "back-blows");
    s.illustration = Some("choking-adult-child-cycle".into());
    s.shows = None;
    assert!(validate(&c)
        .iter()
        .any(|p| p.contains("needs a picture of people")));
}

/// No technique step waits for its pictures: for every profile, each
/// resolves to a picture of people with alt text in both languages.
#[test]
fn every_technique_step_shows_people_to_every_profile() {
    let c = curriculum();
    let mut steps = 0;
    for l in &c.lessons {
        for s in l.steps.iter().filter(|s| s.technique) {
            steps += 1;
            for p in ProfileId::ALL {
                let at = format!("{}.{} ({})", l.id, s.id, p.as_str());
                let r = s.for_profile(p);
                let svg = r
                    .illustration
                    .and_then(|i| c.illustrations.get(i))
                    .unwrap_or_else(|| panic!("{at}: no picture"));
                assert!(technique_of(svg).is_some(), "{at}: not a picture of people");
                let alt = r.alt.unwrap_or_else(|| panic!("{at}: no alt text"));
                assert!(!alt.en.is_empty() && !alt.zh.is_empty(), "{at}");
            }
        }
    }
    assert!(steps >= 37, "only {steps} technique steps");
}

/// A variant that teaches its own technique keeps its own picture: drop
/// it, and the step's picture (another technique) is reported.
#[test]
fn a_variant_without_its_own_picture_is_reported() {
    let mut c = curriculum();
    let s = step(&mut c, "aed", "child-pads");
    let v = s
        .variants
        .iter_mut()
        .find(|v| v.profiles.contains(&ProfileId::Erc))
        .unwrap();
    v.illustration = None;
    v.alt = None;
    let problems = validate(&c);
    assert!(
        problems.iter().any(|p| p.contains(
            "the erc picture shows \"child-pads-apart\" but the wording teaches \"child-pads-front-back\""
        )),
        "{problems:#?}"
    );
}

/// Inlined pictures share one document: the printed handout scopes each
/// step's copy (`<lesson>-<step>`, as `src/app/pages/print.rs` does), so
/// no two ids on it are the same and every reference stays in its copy.
#[test]
fn the_handouts_pictures_never_share_an_id() {
    use firstaid::content::svg::{ids, scoped_ids};
    let c = curriculum();
    for p in ProfileId::ALL {
        let mut page = Vec::new();
        for l in &c.lessons {
            for s in &l.steps {
                let Some(svg) = s.for_profile(p).illustration.map(|i| &c.illustrations[i]) else {
                    continue;
                };
                let scope = format!("{}-{}", l.id, s.id);
                let scoped = scoped_ids(svg, &scope);
                for id in ids(&scoped) {
                    assert!(id.starts_with(&format!("{scope}-")), "{scope}: {id}");
                }
                let mut rest = scoped.as_str();
                while let Some(at) = rest.find("url(#") {
                    let to = &rest[at + 5..rest[at..].find(')').unwrap() + at];
                    assert!(ids(&scoped).contains(&to), "{scope}: url(#{to}) dangles");
                    rest = &rest[at + 5..];
                }
                page.push(scoped);
            }
        }
        let page = page.concat();
        let mut all = ids(&page);
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n, "{p:?}: an id repeats on the handout");
        assert!(n > 20, "{p:?}: only {n} ids on the handout");
    }
}

/// The same picture twice on one page (as on the handout, where several
/// steps show it) without scoping would repeat its ids.
#[test]
fn a_picture_printed_twice_needs_its_ids_scoped() {
    use firstaid::content::svg::{ids, scoped_ids};
    let c = curriculum();
    let svg = &c.illustrations["cpr-adult-compressions"];
    assert!(!ids(svg).is_empty());
    let twice = format!("{svg}{svg}");
    let mut plain = ids(&twice);
    let n = plain.len();
    plain.sort_unstable();
    plain.dedup();
    assert!(plain.len() < n, "the test needs a picture with ids");
    let scoped = format!("{}{}", scoped_ids(svg, "a"), scoped_ids(svg, "b"));
    let mut both = ids(&scoped);
    both.sort_unstable();
    both.dedup();
    assert_eq!(both.len(), n);
    assert!(scoped.contains("mask=\"url(#a-cpr-adult-compressions-cut-1)\""));
}
