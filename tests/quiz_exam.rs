//! Drawing exams from blueprints: golden exams of the shipped blueprints,
//! the generator state pinned to values computed independently (Python
//! `hashlib`), the documented algorithm reimplemented here and compared for
//! many seeds, every question reachable, properties over random blueprints,
//! and every blueprint error.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{blueprint, check_golden, embedded, ids, tiny, FIXED_VERSION};
use firstaid::content::{Curriculum, Question, QuestionType};
use firstaid::profile::ProfileId;
use firstaid::quiz::blueprint::{Blueprint, BlueprintError, Section, MAX_QUESTIONS};
use firstaid::quiz::exam::{draw, initial_state, seed_material, ExamItem};
use firstaid::quiz::prng::SplitMix64;
use proptest::prelude::*;
use sha2::{Digest, Sha256};

const SHIPPED: [&str; 3] = ["course-rcsc", "course-aha", "course-erc"];

fn exam_json(exam: &[ExamItem]) -> serde_json::Value {
    exam.iter()
        .map(|e| serde_json::json!({ "question": e.question, "options": e.options }))
        .collect()
}

// ---------------------------------------------------------------------------
// Golden exams and the pinned generator state

#[test]
fn shipped_blueprints_draw_the_golden_exams() {
    let c = embedded();
    for id in SHIPPED {
        let bp = c.blueprint(id).unwrap_or_else(|| panic!("{id} is shipped"));
        for seed in [0u64, 1, 2026] {
            let exam = draw(&c, FIXED_VERSION, bp, seed).unwrap();
            assert_eq!(exam.len(), 20, "{id} {seed}");
            check_golden(&format!("exam-{id}-{seed}.json"), &exam_json(&exam));
        }
    }
}

#[test]
fn seed_material_and_initial_state_are_pinned() {
    let c = embedded();
    let rcsc = c.blueprint("course-rcsc").unwrap();
    let want = "firstaid-exam-v1\n\
                content=sha256:0000000000000000\n\
                profile=rcsc\n\
                section=recognise-and-call;;3\n\
                section=adult-cpr;;3\n\
                section=child-infant-cpr;;2\n\
                section=aed;;3\n\
                section=choking-adult-child;;3\n\
                section=choking-infant;;2\n\
                section=choking-unresponsive;;2\n\
                section=after-care;;2\n\
                seed=2026";
    assert_eq!(seed_material(FIXED_VERSION, rcsc, 2026), want);
    // First 8 bytes, big-endian, of SHA-256 of the text (Python hashlib).
    assert_eq!(
        initial_state(FIXED_VERSION, rcsc, 2026),
        0xa174_a9c8_e819_524c
    );

    let bp = blueprint(
        ProfileId::Erc,
        &[
            (
                &["adult-cpr", "aed"],
                &["choking-infant.back-blows", "after-care.recovery"],
                4,
            ),
            (&[], &["recognise-and-call.call"], 1),
        ],
    );
    let v = "sha256:0123456789abcdef";
    assert_eq!(
        seed_material(v, &bp, u64::MAX),
        "firstaid-exam-v1\ncontent=sha256:0123456789abcdef\nprofile=erc\n\
         section=adult-cpr,aed;choking-infant.back-blows,after-care.recovery;4\n\
         section=;recognise-and-call.call;1\nseed=18446744073709551615"
    );
    assert_eq!(initial_state(v, &bp, u64::MAX), 0x1808_d2f9_2992_ca62);
}

#[test]
fn only_the_drawing_inputs_change_the_generator_state() {
    let c = embedded();
    let base = c.blueprint("course-aha").unwrap().clone();
    let state = initial_state(FIXED_VERSION, &base, 7);
    let exam = draw(&c, FIXED_VERSION, &base, 7).unwrap();
    // Pass mark, time limit, id and title do not change the exam.
    let mut same = base.clone();
    same.pass_percent = 55;
    same.time_limit_minutes = None;
    same.id = "another-id".into();
    same.title = None;
    assert_eq!(initial_state(FIXED_VERSION, &same, 7), state);
    assert_eq!(draw(&c, FIXED_VERSION, &same, 7).unwrap(), exam);
    // Content version, profile, sections and seed do.
    let mut profile = base.clone();
    profile.profile = ProfileId::Erc;
    let mut count = base.clone();
    count.sections[0].count = 2;
    let mut lessons = base.clone();
    lessons.sections.swap(0, 1);
    let changed = [
        initial_state("sha256:1111111111111111", &base, 7),
        initial_state(FIXED_VERSION, &profile, 7),
        initial_state(FIXED_VERSION, &count, 7),
        initial_state(FIXED_VERSION, &lessons, 7),
        initial_state(FIXED_VERSION, &base, 8),
    ];
    for (i, s) in changed.iter().enumerate() {
        assert_ne!(*s, state, "change {i}");
    }
}

#[test]
fn different_seeds_and_content_versions_give_different_exams() {
    let c = embedded();
    for id in SHIPPED {
        let bp = c.blueprint(id).unwrap();
        let exams: BTreeSet<Pairs> = (0..100u64)
            .map(|seed| {
                draw(&c, FIXED_VERSION, bp, seed)
                    .unwrap()
                    .into_iter()
                    .map(|e| (e.question, e.options))
                    .collect()
            })
            .collect();
        assert_eq!(exams.len(), 100, "{id}: 100 seeds, all exams different");
        assert_ne!(
            draw(&c, FIXED_VERSION, bp, 5).unwrap(),
            draw(&c, "sha256:ffffffffffffffff", bp, 5).unwrap(),
            "{id}"
        );
    }
}

// ---------------------------------------------------------------------------
// The documented algorithm, reimplemented from the module documentation

/// An exam as `(question id, option ids as shown)` pairs.
type Pairs = Vec<(String, Vec<String>)>;

fn profile_name(p: ProfileId) -> &'static str {
    match p {
        ProfileId::Rcsc => "rcsc",
        ProfileId::Aha => "aha",
        ProfileId::Erc => "erc",
    }
}

/// Steps 1–4 of `quiz::exam`'s documentation, using only `SplitMix64` and
/// `sha2`. The error is `(section, wanted, available)` of a pool too small.
fn reference_draw(
    c: &Curriculum,
    content_version: &str,
    bp: &Blueprint,
    seed: u64,
) -> Result<Pairs, (usize, u32, u32)> {
    // Step 1.
    let mut text = format!(
        "firstaid-exam-v1\ncontent={content_version}\nprofile={}\n",
        profile_name(bp.profile)
    );
    for s in &bp.sections {
        text += &format!(
            "section={};{};{}\n",
            s.lessons.join(","),
            s.objectives.join(","),
            s.count
        );
    }
    text += &format!("seed={seed}");
    let digest = Sha256::digest(text.as_bytes());
    let state = digest[..8]
        .iter()
        .fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
    let mut rng = SplitMix64::new(state);

    // Step 2.
    let mut drawn: Vec<&Question> = Vec::new();
    for (n, s) in bp.sections.iter().enumerate() {
        let mut pool: Vec<&Question> = c
            .questions
            .iter()
            .filter(|q| q.profiles.contains(&bp.profile))
            .filter(|q| !q.exam_hold)
            .filter(|q| s.lessons.contains(&q.lesson) || s.objectives.contains(&q.objective))
            .filter(|q| drawn.iter().all(|d| d.id != q.id))
            .collect();
        pool.sort_by(|a, b| a.id.as_bytes().cmp(b.id.as_bytes()));
        let count = s.count as usize;
        if pool.len() < count {
            return Err((n + 1, s.count, pool.len() as u32));
        }
        for i in 0..count {
            let j = i + rng.below((pool.len() - i) as u64) as usize;
            pool.swap(i, j);
        }
        drawn.extend(pool.into_iter().take(count));
    }

    // Step 3.
    rng.shuffle(&mut drawn);
    let mut placed = vec![false; drawn.len()];
    let mut order: Vec<&Question> = Vec::new();
    for i in 0..drawn.len() {
        if placed[i] {
            continue;
        }
        placed[i] = true;
        order.push(drawn[i]);
        if let Some(scenario) = &drawn[i].scenario {
            for k in i + 1..drawn.len() {
                if !placed[k] && drawn[k].scenario.as_ref() == Some(scenario) {
                    placed[k] = true;
                    order.push(drawn[k]);
                }
            }
        }
    }

    // Step 4.
    Ok(order
        .into_iter()
        .map(|q| {
            let authored: Vec<String> = q.options.iter().map(|o| o.id.clone()).collect();
            let options = match q.kind {
                QuestionType::TrueFalse | QuestionType::Hotspot => vec![],
                QuestionType::Single | QuestionType::Multiple => {
                    let mut v = authored;
                    rng.shuffle(&mut v);
                    v
                }
                QuestionType::Order => {
                    let mut v = authored.clone();
                    rng.shuffle(&mut v);
                    if v == authored && v.len() > 1 {
                        let first = v.remove(0);
                        v.push(first);
                    }
                    v
                }
            };
            (q.id.clone(), options)
        })
        .collect())
}

fn as_pairs(exam: &[ExamItem]) -> Pairs {
    exam.iter()
        .map(|e| (e.question.clone(), e.options.clone()))
        .collect()
}

fn tiny_blueprints() -> Vec<Blueprint> {
    use ProfileId::*;
    vec![
        // The whole bank of each profile, in one section.
        blueprint(Rcsc, &[(&["alpha", "beta", "gamma"], &[], 15)]),
        blueprint(Aha, &[(&["alpha", "beta", "gamma"], &[], 16)]),
        blueprint(Erc, &[(&["alpha", "beta", "gamma"], &[], 15)]),
        // Overlapping sections: later pools lose what earlier ones drew.
        blueprint(
            Aha,
            &[
                (&["alpha"], &[], 2),
                (&[], &["alpha.one", "beta.one"], 3),
                (&["gamma"], &["beta.two"], 2),
            ],
        ),
        blueprint(
            Rcsc,
            &[
                (&["beta"], &[], 6),
                (&[], &["beta.one", "gamma.one"], 3),
                (&["alpha"], &[], 1),
            ],
        ),
        blueprint(Erc, &[(&[], &["alpha.two"], 2), (&[], &["beta.one"], 1)]),
    ]
}

#[test]
fn the_tiny_blueprints_cover_the_whole_bank_per_profile() {
    // Guards the counts above: a full-bank section must take every question.
    let c = tiny();
    for bp in &tiny_blueprints()[..3] {
        let n = c
            .questions
            .iter()
            .filter(|q| q.profiles.contains(&bp.profile))
            .count();
        assert_eq!(bp.sections[0].count as usize, n, "{:?}", bp.profile);
    }
}

#[test]
fn a_question_held_for_review_is_never_drawn_until_the_flag_is_cleared() {
    let mut c = tiny();
    let bp = tiny_blueprints()[0].clone();
    let full = bp.sections[0].count;
    let held = c
        .questions
        .iter()
        .position(|q| q.profiles.contains(&bp.profile))
        .unwrap();
    let held_id = c.questions[held].id.clone();
    c.questions[held].exam_hold = true;
    // The full bank less the held question: the pool is one short.
    assert_eq!(
        draw(&c, FIXED_VERSION, &bp, 1),
        Err(BlueprintError::PoolTooSmall {
            section: 1,
            wanted: full,
            available: full - 1,
        })
    );
    // Every other question, never the held one, whatever the seed.
    let mut rest = bp.clone();
    rest.sections[0].count = full - 1;
    for seed in 0..200 {
        let exam = draw(&c, FIXED_VERSION, &rest, seed).unwrap();
        assert!(exam.iter().all(|e| e.question != held_id), "seed {seed}");
        assert_eq!(
            as_pairs(&exam),
            reference_draw(&c, FIXED_VERSION, &rest, seed).unwrap()
        );
    }
    // Cleared, it is drawn again.
    c.questions[held].exam_hold = false;
    let exam = draw(&c, FIXED_VERSION, &bp, 1).unwrap();
    assert!(exam.iter().any(|e| e.question == held_id));
}

#[test]
fn the_shipped_blueprints_never_draw_a_held_question() {
    let c = embedded();
    assert!(
        c.questions.iter().any(|q| q.exam_hold),
        "the bank holds questions for review"
    );
    for id in SHIPPED {
        let bp = c.blueprint(id).unwrap();
        for seed in 0..300 {
            for e in draw(&c, FIXED_VERSION, bp, seed).unwrap() {
                assert!(
                    !c.question(&e.question).unwrap().exam_hold,
                    "{id} {seed}: {}",
                    e.question
                );
            }
        }
    }
}

#[test]
fn draw_follows_the_documented_algorithm_on_a_hand_built_curriculum() {
    let c = tiny();
    for (b, bp) in tiny_blueprints().iter().enumerate() {
        let mut distinct = BTreeSet::new();
        for seed in (0..1500u64).chain([u64::MAX, u64::MAX - 1, 1 << 63]) {
            let exam = draw(&c, FIXED_VERSION, bp, seed).unwrap();
            let want = reference_draw(&c, FIXED_VERSION, bp, seed).unwrap();
            assert_eq!(as_pairs(&exam), want, "blueprint {b}, seed {seed}");
            distinct.insert(want);
        }
        assert!(distinct.len() > 100, "blueprint {b}: seeds matter");
    }
}

#[test]
fn scenarios_stay_together_and_two_step_orderings_are_always_reversed() {
    let c = tiny();
    let bp = &tiny_blueprints()[1];
    let mut scenario_first = BTreeMap::new();
    for seed in 0..500u64 {
        let exam = draw(&c, "v", bp, seed).unwrap();
        let pos = |id: &str| exam.iter().position(|e| e.question == id).unwrap();
        let (s1, s2) = (pos("alpha.s1"), pos("alpha.s2"));
        assert_eq!(
            s1.abs_diff(s2),
            1,
            "seed {seed}: two-question scenario together"
        );
        let mut t: Vec<usize> = ["beta.t1", "beta.t2", "beta.t3"].map(pos).to_vec();
        t.sort();
        assert_eq!(
            t[2] - t[0],
            2,
            "seed {seed}: three-question scenario together"
        );
        *scenario_first.entry(s1 < s2).or_insert(0) += 1;
        let pair = exam.iter().find(|e| e.question == "gamma.pair").unwrap();
        assert_eq!(pair.options, ids(&["s2", "s1"]), "seed {seed}");
    }
    // The scenario's questions keep their shuffled relative order: both
    // orders occur.
    assert_eq!(scenario_first.len(), 2, "{scenario_first:?}");
}

#[test]
fn a_pool_too_small_is_reported_like_the_documentation_says() {
    let c = tiny();
    use ProfileId::*;
    let cases = [
        (blueprint(Aha, &[(&["gamma"], &[], 5)]), (1, 5, 4)),
        (blueprint(Erc, &[(&["gamma"], &[], 3)]), (1, 3, 3)), // fits
        (
            blueprint(Rcsc, &[(&["alpha"], &[], 6), (&[], &["alpha.one"], 1)]),
            (2, 1, 0),
        ),
        (
            blueprint(Erc, &[(&[], &["alpha.one"], 3), (&["alpha"], &[], 4)]),
            (2, 4, 3),
        ),
    ];
    for (bp, (section, wanted, available)) in cases {
        let got = draw(&c, FIXED_VERSION, &bp, 3);
        let reference = reference_draw(&c, FIXED_VERSION, &bp, 3);
        if wanted <= available {
            assert_eq!(as_pairs(&got.unwrap()), reference.unwrap());
        } else {
            assert_eq!(reference, Err((section, wanted, available)));
            assert_eq!(
                got,
                Err(BlueprintError::PoolTooSmall {
                    section,
                    wanted,
                    available
                })
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Every question reachable

#[test]
fn every_question_is_drawn_by_its_lessons_and_its_objectives_full_pool() {
    let c = embedded();
    for q in &c.questions {
        for p in ProfileId::ALL {
            let lesson_pool = c
                .questions_for(&q.lesson, p)
                .filter(|x| !x.exam_hold)
                .count() as u32;
            let objective_pool = c
                .questions
                .iter()
                .filter(|x| x.objective == q.objective && x.profiles.contains(&p))
                .filter(|x| !x.exam_hold)
                .count() as u32;
            let by_lesson = blueprint(p, &[(&[&q.lesson], &[], lesson_pool.max(1))]);
            let by_objective = blueprint(p, &[(&[], &[&q.objective], objective_pool.max(1))]);
            for bp in [by_lesson, by_objective] {
                let result = draw(&c, FIXED_VERSION, &bp, 11);
                if q.exam_hold {
                    if let Ok(exam) = result {
                        assert!(
                            exam.iter().all(|e| e.question != q.id),
                            "{} is held out of exams but was drawn for {p:?}",
                            q.id
                        );
                    }
                } else if q.profiles.contains(&p) {
                    let exam = result.unwrap();
                    assert!(
                        exam.iter().any(|e| e.question == q.id),
                        "{} for {p:?}",
                        q.id
                    );
                } else if let Ok(exam) = result {
                    assert!(
                        exam.iter().all(|e| e.question != q.id),
                        "{} drawn for {p:?}, which it does not apply to",
                        q.id
                    );
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Properties over random blueprints on the embedded curriculum

fn in_section(q: &Question, s: &Section) -> bool {
    s.lessons.contains(&q.lesson) || s.objectives.contains(&q.objective)
}

/// Whether the exam's questions can be assigned to the sections so that
/// each section gets exactly its count from its own lessons and objectives
/// (a perfect bipartite matching, Kuhn's algorithm).
fn assignable(c: &Curriculum, bp: &Blueprint, exam: &[ExamItem]) -> bool {
    let slots: Vec<&Section> = bp
        .sections
        .iter()
        .flat_map(|s| std::iter::repeat_n(s, s.count as usize))
        .collect();
    if slots.len() != exam.len() {
        return false;
    }
    let qs: Vec<&Question> = exam
        .iter()
        .map(|e| c.question(&e.question).unwrap())
        .collect();
    fn augment(
        q: usize,
        qs: &[&Question],
        slots: &[&Section],
        seen: &mut [bool],
        owner: &mut [Option<usize>],
    ) -> bool {
        for s in 0..slots.len() {
            if !seen[s] && in_section(qs[q], slots[s]) {
                seen[s] = true;
                if owner[s].is_none_or(|o| augment(o, qs, slots, seen, owner)) {
                    owner[s] = Some(q);
                    return true;
                }
            }
        }
        false
    }
    let mut owner = vec![None; slots.len()];
    (0..qs.len()).all(|q| {
        let mut seen = vec![false; slots.len()];
        augment(q, &qs, &slots, &mut seen, &mut owner)
    })
}

#[test]
fn the_section_assignment_check_can_fail() {
    let c = embedded();
    let bp = c.blueprint("course-rcsc").unwrap();
    let mut exam = draw(&c, FIXED_VERSION, bp, 1).unwrap();
    assert!(assignable(&c, bp, &exam));
    // Replace an after-care question by another adult-cpr one.
    let drawn: BTreeSet<String> = exam.iter().map(|e| e.question.clone()).collect();
    let extra = c
        .questions_for("adult-cpr", ProfileId::Rcsc)
        .find(|q| !drawn.contains(&q.id))
        .unwrap();
    let i = exam
        .iter()
        .position(|e| e.question.starts_with("after-care."))
        .unwrap();
    exam[i].question = extra.id.clone();
    assert!(!assignable(&c, bp, &exam));
}

/// A blueprint from random choices, every count within what is sure to be
/// left in its pool; `None` if no section could be made.
fn random_blueprint(
    c: &Curriculum,
    profile: ProfileId,
    specs: &[(u8, Vec<prop::sample::Index>, prop::sample::Index)],
) -> Option<Blueprint> {
    let objectives: Vec<&str> = c
        .lessons
        .iter()
        .flat_map(|l| l.objectives.iter().map(|o| o.id.as_str()))
        .collect();
    let mut sections = Vec::new();
    let mut taken = 0usize;
    for (mask, objs, count) in specs {
        let lessons: Vec<String> = c
            .lessons
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, l)| l.id.clone())
            .collect();
        let mut obj: Vec<String> = objs
            .iter()
            .map(|i| i.get(&objectives).to_string())
            .collect();
        obj.dedup();
        let s = Section {
            lessons,
            objectives: obj,
            count: 1,
        };
        let pool = c
            .questions
            .iter()
            .filter(|q| q.profiles.contains(&profile) && !q.exam_hold && in_section(q, &s))
            .count();
        if (s.lessons.is_empty() && s.objectives.is_empty()) || pool <= taken {
            continue;
        }
        let n = 1 + count.index(pool - taken);
        taken += n;
        sections.push(Section {
            count: n as u32,
            ..s
        });
    }
    (!sections.is_empty()).then(|| Blueprint {
        sections,
        ..blueprint(profile, &[])
    })
}

fn contiguous(positions: &[usize]) -> bool {
    positions.windows(2).all(|w| w[1] == w[0] + 1)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_blueprints_draw_valid_exams(
        profile in 0usize..3,
        seed in any::<u64>(),
        specs in prop::collection::vec(
            (
                any::<u8>(),
                prop::collection::vec(any::<prop::sample::Index>(), 0..4),
                any::<prop::sample::Index>(),
            ),
            1..5,
        ),
    ) {
        let c = embedded();
        let profile = ProfileId::ALL[profile];
        let bp = random_blueprint(&c, profile, &specs);
        prop_assume!(bp.is_some());
        let bp = bp.unwrap();
        let exam = draw(&c, FIXED_VERSION, &bp, seed).unwrap();

        // The documented algorithm gives the same exam.
        prop_assert_eq!(as_pairs(&exam), reference_draw(&c, FIXED_VERSION, &bp, seed).unwrap());
        // Same inputs, same exam.
        prop_assert_eq!(&draw(&c, FIXED_VERSION, &bp, seed).unwrap(), &exam);

        prop_assert_eq!(exam.len() as u32, bp.question_count());
        let unique: BTreeSet<&str> = exam.iter().map(|e| e.question.as_str()).collect();
        prop_assert_eq!(unique.len(), exam.len(), "no question twice");
        prop_assert!(assignable(&c, &bp, &exam), "each section gets its count from its pool");

        let mut scenarios: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, e) in exam.iter().enumerate() {
            let q = c.question(&e.question).unwrap();
            prop_assert!(q.profiles.contains(&profile), "{} is not for {:?}", q.id, profile);
            prop_assert!(!q.exam_hold, "{} is held out of exams", q.id);
            prop_assert!(bp.sections.iter().any(|s| in_section(q, s)), "{} outside the blueprint", q.id);
            let authored: Vec<String> = q.options.iter().map(|o| o.id.clone()).collect();
            match q.kind {
                QuestionType::TrueFalse | QuestionType::Hotspot => {
                    prop_assert!(e.options.is_empty(), "{}", q.id)
                }
                _ => {
                    let mut sorted = e.options.clone();
                    sorted.sort();
                    let mut want = authored.clone();
                    want.sort();
                    prop_assert_eq!(sorted, want, "{} options are a permutation", &q.id);
                    if q.kind == QuestionType::Order {
                        prop_assert_ne!(&e.options, &authored, "{} shown in the right order", &q.id);
                    }
                }
            }
            if let Some(s) = &q.scenario {
                scenarios.entry(s.as_str()).or_default().push(i);
            }
        }
        for (s, positions) in &scenarios {
            prop_assert!(contiguous(positions), "scenario {} at {:?}", s, positions);
        }
    }
}

// ---------------------------------------------------------------------------
// Blueprint errors

#[test]
fn blueprint_errors_are_reported() {
    type Mutation = fn(&mut Blueprint);
    let cases: Vec<(&str, Mutation, BlueprintError)> = vec![
        (
            "pool too small",
            |b| b.sections[0].count = 10,
            BlueprintError::PoolTooSmall {
                section: 1,
                wanted: 10,
                available: 9,
            },
        ),
        (
            "pool emptied by an earlier section",
            |b| {
                // Every RCSC question of the AED lesson.
                b.sections[3].count = 14;
                b.sections[4] = Section {
                    lessons: vec![],
                    objectives: vec!["aed.adult-pads".into()],
                    count: 1,
                };
            },
            BlueprintError::PoolTooSmall {
                section: 5,
                wanted: 1,
                available: 0,
            },
        ),
        (
            "unknown lesson",
            |b| b.sections[1].lessons.push("no-such-lesson".into()),
            BlueprintError::UnknownLesson {
                section: 2,
                id: "no-such-lesson".into(),
            },
        ),
        (
            "unknown objective",
            |b| b.sections[2].objectives.push("adult-cpr.nope".into()),
            BlueprintError::UnknownObjective {
                section: 3,
                id: "adult-cpr.nope".into(),
            },
        ),
        (
            "a lesson id is not an objective id",
            |b| b.sections[0].objectives.push("adult-cpr".into()),
            BlueprintError::UnknownObjective {
                section: 1,
                id: "adult-cpr".into(),
            },
        ),
        (
            "empty section",
            |b| b.sections[2].lessons.clear(),
            BlueprintError::EmptySection(3),
        ),
        (
            "zero count",
            |b| b.sections[1].count = 0,
            BlueprintError::ZeroCount(2),
        ),
        (
            "pass mark 0",
            |b| b.pass_percent = 0,
            BlueprintError::PassPercent(0),
        ),
        (
            "pass mark 101",
            |b| b.pass_percent = 101,
            BlueprintError::PassPercent(101),
        ),
        (
            "time limit 0",
            |b| b.time_limit_minutes = Some(0),
            BlueprintError::TimeLimit(0),
        ),
        (
            "time limit 601",
            |b| b.time_limit_minutes = Some(601),
            BlueprintError::TimeLimit(601),
        ),
        (
            "another format",
            |b| b.format = "firstaid-transcript".into(),
            BlueprintError::Format {
                format: "firstaid-transcript".into(),
                version: 1,
            },
        ),
        (
            "another version",
            |b| b.version = 2,
            BlueprintError::Format {
                format: "firstaid-blueprint".into(),
                version: 2,
            },
        ),
        ("empty id", |b| b.id.clear(), BlueprintError::Id("".into())),
        (
            "id with a space",
            |b| b.id = "course rcsc".into(),
            BlueprintError::Id("course rcsc".into()),
        ),
        (
            "id with a slash",
            |b| b.id = "../course".into(),
            BlueprintError::Id("../course".into()),
        ),
        (
            "id too long",
            |b| b.id = "a".repeat(65),
            BlueprintError::Id("a".repeat(65)),
        ),
        (
            "too many questions",
            |b| b.sections[0].count = MAX_QUESTIONS - 16,
            BlueprintError::TooManyQuestions(MAX_QUESTIONS + 1),
        ),
        (
            "too many questions without overflow",
            |b| {
                b.sections[0].count = u32::MAX;
                b.sections[1].count = u32::MAX;
            },
            BlueprintError::TooManyQuestions(u32::MAX),
        ),
        (
            "no sections",
            |b| b.sections.clear(),
            BlueprintError::NoSections,
        ),
    ];
    let c = embedded();
    let base = c.blueprint("course-rcsc").unwrap().clone();
    assert_eq!(base.question_count(), 20);
    assert_eq!(base.check(&c), Ok(()));
    for (what, mutate, want) in cases {
        let mut bp = base.clone();
        mutate(&mut bp);
        assert_eq!(
            draw(&c, FIXED_VERSION, &bp, 1),
            Err(want.clone()),
            "{what}: draw"
        );
        let checked = bp.check(&c);
        if matches!(want, BlueprintError::PoolTooSmall { .. }) {
            assert_eq!(checked, Ok(()), "{what}: check leaves pools to draw");
        } else {
            assert_eq!(checked, Err(want.clone()), "{what}: check");
        }
        assert!(!want.to_string().is_empty());
    }
}

#[test]
fn blueprint_limits_are_inclusive() {
    let c = embedded();
    let base = c.blueprint("course-erc").unwrap().clone();
    type Mutation = fn(&mut Blueprint);
    let fine: [(&str, Mutation); 8] = [
        ("pass mark 1", |b| b.pass_percent = 1),
        ("pass mark 100", |b| b.pass_percent = 100),
        ("time limit 1", |b| b.time_limit_minutes = Some(1)),
        ("time limit 600", |b| b.time_limit_minutes = Some(600)),
        ("no time limit", |b| b.time_limit_minutes = None),
        ("id of 64", |b| b.id = "a".repeat(64)),
        ("id characters", |b| b.id = "Exam.2026-v2".into()),
        ("objectives only", |b| {
            b.sections = vec![Section {
                lessons: vec![],
                objectives: vec!["aed.adult-pads".into(), "adult-cpr.rate-depth".into()],
                count: 2,
            }]
        }),
    ];
    for (what, mutate) in fine {
        let mut bp = base.clone();
        mutate(&mut bp);
        assert!(draw(&c, FIXED_VERSION, &bp, 1).is_ok(), "{what}");
    }
}

#[test]
fn blueprints_round_trip_through_json_and_reject_foreign_documents() {
    let c = embedded();
    for id in SHIPPED {
        let bp = c.blueprint(id).unwrap();
        let json = serde_json::to_string(bp).unwrap();
        assert_eq!(&Blueprint::from_json(&json).unwrap(), bp, "{id}");
    }
    let minimal = r#"{"format":"firstaid-blueprint","version":1,"id":"x","profile":"aha",
        "sections":[{"lessons":["aed"],"count":1}]}"#;
    let bp = Blueprint::from_json(minimal).unwrap();
    assert_eq!(bp.pass_percent, 80, "default pass mark");
    assert_eq!(bp.time_limit_minutes, None);
    assert_eq!(bp.title, None);
    let bad = [
        (
            r#"{"format":"firstaid-transcript","version":1,"id":"x","profile":"aha","sections":[]}"#,
            "not a firstaid-blueprint version 1 document",
        ),
        (
            r#"{"format":"firstaid-blueprint","version":2,"id":"x","profile":"aha","sections":[]}"#,
            "version 2",
        ),
        (
            r#"{"format":"firstaid-blueprint","version":1,"id":"x","profile":"who","sections":[]}"#,
            "who",
        ),
        (
            r#"{"format":"firstaid-blueprint","version":1,"id":"x","profile":"aha","sections":[],"colour":1}"#,
            "colour",
        ),
        (
            r#"{"format":"firstaid-blueprint","version":1,"id":"x","profile":"aha","sections":[{"count":1,"topics":[]}]}"#,
            "topics",
        ),
        ("[]", "invalid length"),
        ("{", "EOF"),
    ];
    for (text, words) in bad {
        let err = Blueprint::from_json(text).unwrap_err();
        assert!(err.contains(words), "{text}: {err}");
    }
}
