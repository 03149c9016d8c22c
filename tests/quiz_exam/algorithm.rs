//! The documented algorithm, reimplemented from the module documentation,
//! against `draw`; every question reachable by its lessons and objectives.

use super::*;

/// An exam as `(question id, option ids as shown)` pairs.
pub(crate) type Pairs = Vec<(String, Vec<String>)>;

fn profile_name(p: ProfileId) -> &'static str {
    match p {
        ProfileId::Rcsc => "rcsc",
        ProfileId::Aha => "aha",
        ProfileId::Erc => "erc",
    }
}

/// Steps 1–4 of `quiz::exam`'s documentation, using only `SplitMix64` and
/// `sha2`. The error is `(section, wanted, available)` of a pool too small.
pub(crate) fn reference_draw(
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

pub(crate) fn as_pairs(exam: &[ExamItem]) -> Pairs {
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
