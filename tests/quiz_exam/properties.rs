//! Properties over random blueprints on the embedded curriculum.

use super::*;

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
