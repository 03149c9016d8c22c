//! Pictures never contradict their text: every picture of people declares
//! the technique it shows (`data-technique`, from `src/figures`), every
//! step or variant that uses one declares the technique it teaches
//! (`shows`), the validator requires the two to agree, and here the
//! wording itself must name what the picture shows — and not the other
//! hand technique.

use firstaid::content::validate::{technique_of, validate, PICTURES_PENDING};
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
    ("child-one-hand", &["heel of one hand"], &[]),
    (
        "aed-pads-front-back",
        &["never touch", "centre of the chest", "centre of the back"],
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
        "adult-hand-position",
        &[
            "kneel",
            "heel of one hand",
            "centre of the chest",
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

#[test]
fn a_pending_step_that_has_its_pictures_must_leave_the_list() {
    assert!(PICTURES_PENDING.iter().all(|s| !s.contains("back-blows")));
    let mut c = curriculum();
    let (lesson, id) = PICTURES_PENDING[0].split_once('.').unwrap();
    let s = step(&mut c, lesson, id);
    s.illustration = Some("choking-back-blows".into());
    s.alt = Some(Text {
        zh: "图".into(),
        en: "picture".into(),
    });
    s.shows = Some("back-blows".into());
    s.variants.iter_mut().for_each(|v| v.illustration = None);
    let problems = validate(&c);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("remove") && p.contains("PICTURES_PENDING")),
        "{problems:#?}"
    );
}
