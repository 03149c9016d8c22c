//! The curriculum: the embedded content is valid; broken content is caught
//! (all problems at once); profile resolution; the content version.

use firstaid::content::*;
use firstaid::profile::ProfileId;
use firstaid::quiz::validate_curriculum as validate;

fn curriculum() -> Curriculum {
    Curriculum::embedded()
        .unwrap_or_else(|problems| panic!("content does not parse:\n{}", problems.join("\n")))
}

#[test]
fn the_embedded_curriculum_is_valid() {
    let problems = validate(&curriculum());
    assert!(
        problems.is_empty(),
        "{} content problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_curriculum_has_the_eight_lessons_in_order() {
    let ids: Vec<String> = curriculum().lessons.iter().map(|l| l.id.clone()).collect();
    assert_eq!(
        ids,
        [
            "recognise-and-call",
            "adult-cpr",
            "child-infant-cpr",
            "after-care",
            "aed",
            "choking-adult-child",
            "choking-infant",
            "choking-unresponsive",
        ]
    );
}

/// The learn page lists the lessons under their group headings (CPR, AED,
/// choking); read that way, the numbers must read 1, 2, 3… (they once read
/// 1, 2, 3, 8, 4…), and each file's `NN-` prefix is its order.
#[test]
fn lessons_read_group_by_group_are_in_suggested_order() {
    let c = curriculum();
    let grouped: Vec<u32> = Group::ALL
        .into_iter()
        .flat_map(|g| c.lessons_in(g).map(|l| l.order))
        .collect();
    let want: Vec<u32> = (1..=c.lessons.len() as u32).collect();
    assert_eq!(grouped, want);
    let bundle: serde_json::Value = serde_json::from_str(BUNDLE).unwrap();
    let files: Vec<&String> = bundle["lessons"].as_object().unwrap().keys().collect();
    let names: Vec<String> = c.lessons.iter().map(lesson_file_name).collect();
    assert_eq!(files, names.iter().collect::<Vec<_>>());
    assert_eq!(names[0], "lessons/01-recognise-and-call.toml");
}

#[test]
fn a_lesson_in_a_file_that_does_not_match_its_order_is_reported() {
    let mut bundle: serde_json::Value = serde_json::from_str(BUNDLE).unwrap();
    let lessons = bundle["lessons"].as_object_mut().unwrap();
    let aed = lessons.remove("lessons/05-aed.toml").unwrap();
    lessons.insert("lessons/04-aed.toml".into(), aed);
    let problems = Curriculum::parse(&bundle.to_string()).unwrap_err();
    assert_eq!(
        problems,
        ["lessons/04-aed.toml: lesson aed with order 5 must be in lessons/05-aed.toml"]
    );
}

#[test]
fn every_profile_gets_every_step_with_a_source() {
    let c = curriculum();
    for p in ProfileId::ALL {
        for l in &c.lessons {
            for s in &l.steps {
                let r = s.for_profile(p);
                assert!(!r.sources.is_empty(), "{} {} {}", p.as_str(), l.id, s.id);
                assert!(r.sources.iter().all(|s| s.backs(p)));
            }
        }
    }
}

/// Every step marked as a technique can be examined: for every profile, the
/// bank has a question on the step's objective that exams may draw.
#[test]
fn every_technique_step_is_examinable_in_every_profile() {
    let c = curriculum();
    let techniques = c
        .lessons
        .iter()
        .flat_map(|l| &l.steps)
        .filter(|s| s.technique)
        .count();
    assert!(techniques >= 30, "{techniques} technique steps");
    for l in &c.lessons {
        for s in l.steps.iter().filter(|s| s.technique) {
            for p in ProfileId::ALL {
                assert!(
                    c.questions.iter().any(|q| q.objective == s.objective
                        && q.profiles.contains(&p)
                        && !q.exam_hold),
                    "{}/{} ({}): no exam question for {}",
                    l.id,
                    s.id,
                    s.objective,
                    p.as_str()
                );
            }
        }
    }
}

#[test]
fn content_version_is_a_hash_of_the_bundle() {
    assert!(CONTENT_VERSION.starts_with("sha256:"), "{CONTENT_VERSION}");
    assert_eq!(CONTENT_VERSION.len(), "sha256:".len() + 16);
    assert!(CONTENT_VERSION["sha256:".len()..]
        .chars()
        .all(|c| c.is_ascii_hexdigit()));
}

fn text(s: &str) -> Text {
    Text {
        zh: format!("{s}（中文）"),
        en: s.to_owned(),
    }
}

fn src(key: &str, profiles: &[ProfileId]) -> SourceRef {
    SourceRef {
        key: key.into(),
        section: None,
        profiles: profiles.to_vec(),
        note: None,
    }
}

#[test]
fn profile_resolution_picks_the_variant_or_the_default() {
    use ProfileId::*;
    let step = Step {
        id: "s".into(),
        objective: "l.o".into(),
        text: text("default"),
        sources: vec![src("A1", &[Aha]), src("E1", &[Erc]), src("X", &[])],
        illustration: None,
        alt: None,
        differs: Some(text("they differ")),
        review: None,
        variants: vec![Variant {
            profiles: vec![Rcsc],
            text: text("rcsc wording"),
            sources: vec![src("C4", &[])],
            review: Some(text("unverified")),
            illustration: None,
            alt: None,
            shows: None,
        }],
        technique: false,
        shows: None,
    };
    // (profile, expected text, expected source keys, is variant, has review)
    let cases = [
        (Rcsc, "rcsc wording", vec!["C4"], true, true),
        (Aha, "default", vec!["A1", "X"], false, false),
        (Erc, "default", vec!["E1", "X"], false, false),
    ];
    for (p, want_text, want_sources, variant, review) in cases {
        let r = step.for_profile(p);
        assert_eq!(r.text.en, want_text, "{p:?}");
        assert_eq!(
            r.sources.iter().map(|s| s.key.as_str()).collect::<Vec<_>>(),
            want_sources,
            "{p:?}"
        );
        assert_eq!(r.is_variant, variant, "{p:?}");
        assert_eq!(r.review.is_some(), review, "{p:?}");
    }
}

/// Each mutation of the valid curriculum must produce a problem containing
/// the given words; all of them together must all be reported at once.
#[test]
fn broken_content_is_reported_all_at_once() {
    type Mutation = (&'static str, fn(&mut Curriculum));
    let mutations: Vec<Mutation> = vec![
        ("is used twice", |c| {
            let q = c.questions[0].clone();
            c.questions.push(q);
        }),
        ("en is empty", |c| {
            c.lessons[0].steps[0].text.en = " ".into()
        }),
        ("zh is empty", |c| c.lessons[1].title.zh = String::new()),
        ("cites unknown source", |c| {
            c.lessons[0].steps[0].sources.push(src("NOPE", &[]))
        }),
        ("no source backs the", |c| {
            let s = &mut c.lessons[2].steps[0];
            s.sources.clear();
            s.variants.clear();
        }),
        ("does not exist", |c| {
            c.lessons[3].steps[0].illustration = Some("missing-picture".into());
            c.lessons[3].steps[0].alt = Some(text("alt"));
        }),
        ("illustration without alt text", |c| {
            let s = c.lessons[4]
                .steps
                .iter_mut()
                .find(|s| s.illustration.is_some())
                .expect("an illustrated step");
            s.alt = None;
        }),
        ("needs exactly one correct option", |c| {
            let q = c
                .questions
                .iter_mut()
                .find(|q| q.kind == QuestionType::Single)
                .unwrap();
            for o in &mut q.options {
                o.correct = Some(true);
            }
        }),
        ("needs `answer`", |c| {
            c.questions
                .iter_mut()
                .find(|q| q.kind == QuestionType::TrueFalse)
                .unwrap()
                .answer = None
        }),
        ("is not a shape in", |c| {
            c.questions
                .iter_mut()
                .find(|q| q.kind == QuestionType::Hotspot)
                .unwrap()
                .regions[0]
                .id = "nowhere".into()
        }),
        ("knowledge-check questions", |c| {
            let lesson = c.lessons[5].id.clone();
            c.questions.retain(|q| !(q.lesson == lesson && q.check));
        }),
        ("unknown objective", |c| {
            c.lessons[6].steps[0].objective = "x.y".into()
        }),
        ("has two variants", |c| {
            let s = &mut c.lessons[7].steps[0];
            let v = Variant {
                profiles: vec![ProfileId::Aha],
                text: text("a"),
                sources: vec![src("A1", &[])],
                review: None,
                illustration: None,
                alt: None,
                shows: None,
            };
            s.variants.push(v.clone());
            s.variants.push(v);
        }),
        ("a group's lessons must follow each other", |c| {
            // The last lesson (choking) put into the CPR group.
            c.lessons.last_mut().unwrap().group = Group::Cpr
        }),
        ("so it needs exam_hold = true", |c| {
            c.questions
                .iter_mut()
                .find(|q| q.exam_hold)
                .unwrap()
                .exam_hold = false
        }),
        ("exam_hold needs a review", |c| {
            let q = c.questions.iter_mut().find(|q| q.review.is_none()).unwrap();
            q.exam_hold = true
        }),
        ("style attributes", |c| {
            let first = c.illustrations.keys().next().unwrap().clone();
            let svg = c.illustrations.get_mut(&first).unwrap();
            *svg = svg.replacen("<svg", "<svg style=\"color:red\"", 1);
        }),
    ];
    let mut all = curriculum();
    for (words, mutate) in &mutations {
        let mut c = curriculum();
        mutate(&mut c);
        let problems = validate(&c);
        assert!(
            problems.iter().any(|p| p.contains(words)),
            "expected a problem with {words:?}, got {problems:#?}"
        );
        mutate(&mut all);
    }
    let problems = validate(&all);
    for (words, _) in &mutations {
        assert!(
            problems.iter().any(|p| p.contains(words)),
            "all at once: missing {words:?}"
        );
    }
}

#[test]
fn unknown_fields_in_a_content_file_are_rejected_with_the_file_name() {
    let bundle: serde_json::Value = serde_json::from_str(BUNDLE).unwrap();
    let mut broken = bundle.clone();
    let (file, lesson) = broken["lessons"]
        .as_object_mut()
        .unwrap()
        .iter_mut()
        .next()
        .unwrap();
    let file = file.clone();
    lesson["colour"] = serde_json::json!("red");
    let q = broken["questions"]
        .as_object_mut()
        .unwrap()
        .values_mut()
        .next()
        .unwrap();
    q["questions"][0]["difficulty"] = serde_json::json!(3);
    let problems = Curriculum::parse(&broken.to_string()).unwrap_err();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].starts_with(&file) && problems[0].contains("colour"),
        "{problems:?}"
    );
    assert!(problems[1].contains("difficulty"), "{problems:?}");
}

#[test]
fn the_bundle_file_name_carries_the_content_hash() {
    let name = bundle_file_name();
    assert_eq!(name, format!("content-{}.json", &CONTENT_VERSION[7..17]));
}

#[test]
fn the_shipped_blueprints_are_one_per_profile_and_draw() {
    let c = curriculum();
    let ids: Vec<&str> = c.blueprints.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(
        ids,
        ["course-aha", "course-erc", "course-rcsc"],
        "file-name order"
    );
    for p in ProfileId::ALL {
        let b = c.blueprint(&format!("course-{}", p.as_str())).unwrap();
        assert_eq!(b.profile, p);
        assert_eq!(b.check(&c), Ok(()));
        assert_eq!((b.pass_percent, b.time_limit_minutes), (80, Some(30)));
        assert_eq!(b.question_count(), 20);
        // Every lesson is examined.
        let mut lessons: Vec<&str> = b
            .sections
            .iter()
            .flat_map(|s| s.lessons.iter().map(String::as_str))
            .collect();
        lessons.sort();
        let mut all: Vec<&str> = c.lessons.iter().map(|l| l.id.as_str()).collect();
        all.sort();
        assert_eq!(lessons, all, "{}", b.id);
        for seed in 0..20 {
            let exam = firstaid::quiz::exam::draw(&c, CONTENT_VERSION, b, seed).unwrap();
            assert_eq!(exam.len(), 20);
        }
    }
}

/// Each mutation of the shipped blueprints must be reported with the given
/// words; all of them together must all be reported at once.
#[test]
fn broken_blueprints_are_reported() {
    type Mutation = (&'static str, fn(&mut Curriculum));
    let mutations: Vec<Mutation> = vec![
        (
            "blueprint course-aha: section 2 asks for 99 questions but only",
            |c| c.blueprints[0].sections[1].count = 99,
        ),
        ("blueprint id \"course-rcsc\" is used twice", |c| {
            let b = c.blueprints[2].clone();
            c.blueprints.push(b);
        }),
        ("no exam blueprint for profile erc", |c| {
            c.blueprints.retain(|b| b.profile != ProfileId::Erc)
        }),
        ("blueprint course-rcsc: has no title", |c| {
            c.blueprints[2].title = None
        }),
        ("blueprint course-aha: title.zh is empty", |c| {
            c.blueprints[0].title.as_mut().unwrap().zh = " ".into()
        }),
        ("blueprint id \"Course_RCSC\" is not kebab-case", |c| {
            c.blueprints[2].id = "Course_RCSC".into()
        }),
        (
            "blueprint course-aha: section 3: there is no lesson \"cpr-for-cats\"",
            |c| c.blueprints[0].sections[2].lessons = vec!["cpr-for-cats".into()],
        ),
        (
            "blueprint course-aha: pass mark 0% is not within 1–100",
            |c| c.blueprints[0].pass_percent = 0,
        ),
    ];
    let clean = validate(&curriculum());
    assert!(clean.is_empty(), "{clean:?}");
    for (words, mutate) in &mutations {
        let mut c = curriculum();
        mutate(&mut c);
        let problems = validate(&c);
        assert!(
            problems.iter().any(|p| p.contains(words)),
            "expected a problem with {words:?}, got {problems:#?}"
        );
    }
    // Problems of different blueprints are reported together.
    let mut c = curriculum();
    for (_, mutate) in &mutations[..4] {
        mutate(&mut c);
    }
    let problems = validate(&c);
    for (words, _) in &mutations[..4] {
        assert!(
            problems.iter().any(|p| p.contains(words)),
            "all at once: missing {words:?} in {problems:#?}"
        );
    }
}

#[test]
fn a_source_address_is_one_web_address() {
    for (url, ok) in [
        ("https://www.globalfirstaidcentre.org/", true),
        ("http://cem.org.cn/rhtml/20220503/index.htm", true),
        ("https://a.org/ (copy: https://b.org/x.html)", false),
        ("www.example.org", false),
        ("as cited in E2/E4", false),
        // No address of its own: no link.
        ("", true),
    ] {
        let mut c = curriculum();
        c.sources[0].url = url.into();
        let key = c.sources[0].key.clone();
        let problems = validate(&c);
        let named = problems
            .iter()
            .any(|p| p.contains(&format!("source {key:?}: the address")));
        assert_eq!(named, !ok, "{url:?}: {problems:?}");
    }
}

#[test]
fn a_blueprint_pool_too_small_names_the_section_and_the_sizes() {
    let mut c = curriculum();
    let aed = c
        .questions
        .iter()
        .filter(|q| q.lesson == "aed" && q.profiles.contains(&ProfileId::Rcsc))
        .count();
    let b = c
        .blueprints
        .iter_mut()
        .find(|b| b.id == "course-rcsc")
        .unwrap();
    let i = b
        .sections
        .iter()
        .position(|s| s.lessons == ["aed"])
        .unwrap();
    b.sections[i].count = aed as u32 + 1;
    let problems = validate(&c);
    assert_eq!(
        problems,
        [format!(
            "blueprint course-rcsc: section {} asks for {} questions but only {aed} are left to draw from",
            i + 1,
            aed + 1
        )]
    );
}

// ---------------------------------------------------------------------------
// Plain words

#[test]
fn sentences_are_split_and_measured_as_documented() {
    use firstaid::content::lint::{length, sentences};
    use firstaid::settings::Lang::{En, ZhCn};
    assert_eq!(
        sentences(ZhCn, "轻拍双肩，大声问：“你怎么了？”没有反应。看呼吸！"),
        ["轻拍双肩，大声问：“你怎么了？”", "没有反应。", "看呼吸！"]
    );
    assert_eq!(length(ZhCn, "拨打120，开免提。"), 8);
    assert_eq!(
        sentences(
            En,
            "Push 5 to 6 cm (2.4 in). Shout: “Are you all right?” Then call"
        ),
        [
            "Push 5 to 6 cm (2.4 in).",
            "Shout: “Are you all right?”",
            "Then call"
        ]
    );
    assert_eq!(length(En, "Push hard — and fast: 100 to 120."), 7);
}

// The plain-words rule (guideline reference §9) over every learner-facing
// field, lessons and questions, is `tests/content_words.rs`.
