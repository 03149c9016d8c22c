//! The skills checklists as content: the shipped ones are valid and keep
//! their ids (a roster's marks are stored under them), and each rule of
//! the validator catches what it names.

use firstaid::content::checklist::{problems, Evidence};
use firstaid::content::{Curriculum, Text};
use firstaid::profile::ProfileId;

fn embedded() -> Curriculum {
    Curriculum::embedded().expect("the embedded curriculum parses")
}

#[test]
fn the_shipped_checklists_are_valid_and_keep_their_ids() {
    let c = embedded();
    assert_eq!(problems(&c), Vec::<String>::new());
    let ids: Vec<(&str, Vec<&str>)> = c
        .checklists
        .iter()
        .map(|l| {
            (
                l.id.as_str(),
                l.items.iter().map(|i| i.id.as_str()).collect(),
            )
        })
        .collect();
    // Ids never change: marks are kept under them. Add items, never rename.
    let pinned: [(&str, &[&str]); 3] = [
        (
            "adult-cpr-aed",
            &[
                "scene-safe",
                "check-response",
                "call",
                "hand-position",
                "posture",
                "rate",
                "depth",
                "recoil",
                "breaths",
                "aed-on",
                "pads",
                "stand-clear",
                "resume",
            ],
        ),
        (
            "child-infant-cpr",
            &[
                "baby-response",
                "first-action",
                "child-hands",
                "baby-hands",
                "depth",
                "rate",
                "ratio",
                "baby-breaths",
                "child-pads",
            ],
        ),
        (
            "choking",
            &[
                "recognise",
                "back-blows",
                "abdominal-thrusts",
                "alternate-call",
                "baby-back-blows",
                "baby-chest-thrusts",
                "collapse",
            ],
        ),
    ];
    for (list, items) in pinned {
        let (_, have) = ids
            .iter()
            .find(|(id, _)| *id == list)
            .unwrap_or_else(|| panic!("checklist {list} is shipped"));
        for item in items {
            assert!(have.contains(item), "{list} keeps item {item}");
        }
    }
    // The adult checklist shows the trainer's rate and depth as evidence.
    let adult = c.checklist("adult-cpr-aed").unwrap();
    assert_eq!(adult.item("rate").unwrap().evidence, Some(Evidence::Rate));
    assert_eq!(adult.item("depth").unwrap().evidence, Some(Evidence::Depth));
}

#[test]
fn the_numbers_match_the_guidelines_for_every_profile() {
    let c = embedded();
    let adult = c.checklist("adult-cpr-aed").unwrap();
    for p in ProfileId::ALL {
        let rate = adult.item("rate").unwrap().for_profile(p).text;
        assert!(
            rate.en.contains("100 to 120") && rate.zh.contains("100到120"),
            "{p:?}"
        );
        let depth = adult.item("depth").unwrap().for_profile(p).text;
        assert!(depth.en.contains("at least 5 cm") && depth.en.contains("not more than 6 cm"));
        assert!(depth.zh.contains("至少5厘米") && depth.zh.contains("不超过6厘米"));
        let breaths = adult.item("breaths").unwrap().for_profile(p).text;
        assert!(breaths.en.contains("30") && breaths.en.contains("2 breaths"));
    }
    // Infant technique: AHA accepts the heel of one hand, ERC two thumbs.
    let child = c.checklist("child-infant-cpr").unwrap();
    let baby = child.item("baby-hands").unwrap();
    assert!(baby
        .for_profile(ProfileId::Aha)
        .text
        .en
        .contains("heel of one hand"));
    assert!(!baby.for_profile(ProfileId::Erc).text.en.contains("heel"));
    assert!(!baby.for_profile(ProfileId::Erc).text.en.contains("finger"));
    // ERC starts with 5 rescue breaths; AHA with compressions.
    let first = child.item("first-action").unwrap();
    assert!(first
        .for_profile(ProfileId::Erc)
        .text
        .en
        .contains("5 rescue breaths"));
    assert!(first
        .for_profile(ProfileId::Aha)
        .text
        .en
        .contains("compressions"));
    // Unverified RCSC values are flagged for review.
    for list in &c.checklists {
        for item in &list.items {
            let r = item.for_profile(ProfileId::Rcsc);
            let cites_rcsc = r
                .sources
                .iter()
                .any(|s| c.source(&s.key).is_some_and(|src| src.profile == "rcsc"));
            assert!(
                cites_rcsc || r.review.is_some(),
                "{}/{}: RCSC wording without an RCSC source must be flagged for review",
                list.id,
                item.id
            );
        }
    }
}

#[test]
fn each_rule_catches_what_it_names() {
    type Break = fn(&mut Curriculum);
    let cases: [(&str, Break, &str); 10] = [
        (
            "same id twice",
            |c| c.checklists[1].id = c.checklists[0].id.clone(),
            "the id is used twice",
        ),
        (
            "id not kebab-case",
            |c| c.checklists[0].id = "Adult CPR".into(),
            "must be kebab-case",
        ),
        (
            "same order twice",
            |c| c.checklists[1].order = c.checklists[0].order,
            "is used twice",
        ),
        (
            "unknown lesson",
            |c| c.checklists[0].lessons.push("no-such-lesson".into()),
            "unknown lesson no-such-lesson",
        ),
        (
            "too few items",
            |c| c.checklists[0].items.truncate(2),
            "2 items",
        ),
        (
            "item id twice",
            |c| {
                let id = c.checklists[0].items[0].id.clone();
                c.checklists[0].items[1].id = id;
            },
            "item scene-safe: the id is used twice",
        ),
        (
            "a language missing",
            |c| {
                c.checklists[0].items[0].text = Text {
                    zh: " ".into(),
                    en: "x".into(),
                }
            },
            "must be in both languages",
        ),
        (
            "unknown source",
            |c| c.checklists[0].items[0].sources[0].key = "Z9".into(),
            "unknown source Z9",
        ),
        (
            "no source for a profile",
            |c| {
                let item = &mut c.checklists[0].items[3];
                item.variants[0].sources.clear();
            },
            "no source backs it for rcsc",
        ),
        (
            "two variants for a profile",
            |c| {
                let item = &mut c.checklists[0].items[3];
                let v = item.variants[0].clone();
                item.variants.push(v);
            },
            "two variants for rcsc",
        ),
    ];
    for (what, brk, want) in cases {
        let mut c = embedded();
        brk(&mut c);
        let found = problems(&c);
        assert!(
            found.iter().any(|p| p.contains(want)),
            "{what}: expected a problem containing {want:?}, got {found:?}"
        );
    }
}

#[test]
fn a_misspelt_field_is_an_error_naming_the_file() {
    let bundle: serde_json::Value = serde_json::from_str(firstaid::content::BUNDLE).unwrap();
    let mut bundle = bundle;
    bundle["checklists"]["checklists/choking.toml"]["items"][0]["evidense"] = "rate".into();
    let e = Curriculum::parse(&bundle.to_string()).unwrap_err();
    assert!(
        e.iter()
            .any(|p| p.starts_with("checklists/choking.toml:") && p.contains("evidense")),
        "{e:?}"
    );
}
