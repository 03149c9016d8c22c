//! The quiz engine's PRNG (known answers and golden values computed
//! independently from the specification) and the scoring rules of every
//! question type, data-driven, plus properties.
#![cfg(not(target_arch = "wasm32"))]

use firstaid::content::{Choice, Question, QuestionType, Region, SourceRef, Text};
use firstaid::profile::ProfileId;
use firstaid::quiz::prng::SplitMix64;
use firstaid::quiz::scoring::{
    correct_response, score, several_places, Response, ResponseError, FULL,
};
use proptest::prelude::*;

#[test]
fn splitmix64_known_answers() {
    let mut r = SplitMix64::new(0);
    assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
    assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    assert_eq!(r.next_u64(), 0x06C4_5D18_8009_454F);
}

/// Golden values: a changed generator, bounding or shuffle must break these.
#[test]
fn bounded_draws_and_shuffles_are_pinned() {
    let mut r = SplitMix64::new(42);
    let draws: Vec<u64> = (0..8).map(|_| r.below(10)).collect();
    assert_eq!(draws, [3, 1, 8, 4, 0, 2, 5, 8]);
    let mut r = SplitMix64::new(7);
    let draws: Vec<u64> = (0..10).map(|_| r.below(3)).collect();
    assert_eq!(draws, [0, 0, 0, 0, 1, 0, 1, 0, 2, 2]);
    let mut v: Vec<u32> = (0..10).collect();
    SplitMix64::new(2026).shuffle(&mut v);
    assert_eq!(v, [5, 0, 9, 2, 4, 7, 3, 6, 8, 1]);
}

fn text(s: &str) -> Text {
    Text {
        zh: s.into(),
        en: s.into(),
    }
}

fn question(kind: QuestionType, options: &[(&str, Option<bool>)]) -> Question {
    Question {
        id: "l.q".into(),
        lesson: "l".into(),
        objective: "l.o".into(),
        profiles: ProfileId::ALL.to_vec(),
        check: false,
        kind,
        prompt: text("p"),
        explanation: text("e"),
        sources: vec![SourceRef {
            key: "A1".into(),
            section: None,
            profiles: vec![],
            note: None,
        }],
        review: None,
        exam_hold: false,
        scenario: None,
        options: options
            .iter()
            .map(|(id, c)| Choice {
                id: (*id).into(),
                text: text(id),
                correct: *c,
            })
            .collect(),
        answer: None,
        image: None,
        regions: vec![],
    }
}

fn ids(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn multiple_choice_partial_credit() {
    let q = question(
        QuestionType::Multiple,
        &[
            ("a", Some(true)),
            ("b", Some(true)),
            ("c", Some(false)),
            ("d", Some(false)),
        ],
    );
    let cases: &[(&[&str], u32)] = &[
        (&["a", "b"], 1000),
        (&["b", "a"], 1000),
        (&["a"], 500),
        (&["a", "c"], 0),
        (&["a", "b", "c"], 500),
        (&["a", "b", "c", "d"], 0),
        (&["c"], 0),
        (&[], 0),
    ];
    for (chosen, want) in cases {
        assert_eq!(
            score(&q, &Response::Choices(ids(chosen))),
            Ok(*want),
            "{chosen:?}"
        );
    }
    let three = question(
        QuestionType::Multiple,
        &[
            ("a", Some(true)),
            ("b", Some(true)),
            ("c", Some(true)),
            ("d", Some(false)),
            ("e", Some(false)),
        ],
    );
    assert_eq!(
        score(&three, &Response::Choices(ids(&["a"]))),
        Ok(333),
        "rounded down"
    );
    assert_eq!(score(&three, &Response::Choices(ids(&["a", "b"]))), Ok(666));
}

#[test]
fn ordering_partial_credit_by_pairs() {
    let q = question(
        QuestionType::Order,
        &[("a", None), ("b", None), ("c", None), ("d", None)],
    );
    let cases: &[(&[&str], u32)] = &[
        (&["a", "b", "c", "d"], 1000),
        (&["d", "c", "b", "a"], 0),
        (&["b", "a", "c", "d"], 833),
        (&["a", "b", "d", "c"], 833),
        (&["a", "c", "b", "d"], 833),
        (&["d", "a", "b", "c"], 500),
    ];
    for (order, want) in cases {
        assert_eq!(
            score(&q, &Response::Order(ids(order))),
            Ok(*want),
            "{order:?}"
        );
    }
}

#[test]
fn all_or_nothing_types() {
    let single = question(
        QuestionType::Single,
        &[("a", Some(true)), ("b", Some(false))],
    );
    assert_eq!(score(&single, &Response::Choices(ids(&["a"]))), Ok(FULL));
    assert_eq!(score(&single, &Response::Choices(ids(&["b"]))), Ok(0));
    let mut tf = question(QuestionType::TrueFalse, &[]);
    tf.answer = Some(false);
    assert_eq!(score(&tf, &Response::TrueFalse(false)), Ok(FULL));
    assert_eq!(score(&tf, &Response::TrueFalse(true)), Ok(0));
    let mut hs = question(QuestionType::Hotspot, &[]);
    hs.regions = vec![
        Region {
            id: "chest".into(),
            label: text("chest"),
            correct: true,
        },
        Region {
            id: "belly".into(),
            label: text("belly"),
            correct: false,
        },
    ];
    assert_eq!(score(&hs, &Response::Region("chest".into())), Ok(FULL));
    assert_eq!(score(&hs, &Response::Region("belly".into())), Ok(0));
    assert_eq!(
        score(&hs, &Response::Region("head".into())),
        Err(ResponseError::UnknownId("head".into()))
    );
}

/// A hotspot with two right places (the two AED pads) is answered by
/// choosing both; one alone is half, a wrong place cancels a right one.
#[test]
fn a_hotspot_with_two_right_places_needs_both() {
    let mut hs = question(QuestionType::Hotspot, &[]);
    hs.regions = ["upper-right", "left-side", "belly", "arm"]
        .iter()
        .map(|id| Region {
            id: (*id).into(),
            label: text(id),
            correct: matches!(*id, "upper-right" | "left-side"),
        })
        .collect();
    assert!(several_places(&hs));
    let cases: &[(&[&str], u32)] = &[
        (&["upper-right", "left-side"], FULL),
        (&["left-side", "upper-right"], FULL),
        (&["upper-right"], FULL / 2),
        (&["upper-right", "belly"], 0),
        (&["upper-right", "left-side", "belly"], FULL / 2),
        (&["upper-right", "left-side", "belly", "arm"], 0),
        (&["belly"], 0),
        (&[], 0),
    ];
    for (chosen, points) in cases {
        assert_eq!(
            score(&hs, &Response::Choices(ids(chosen))),
            Ok(*points),
            "{chosen:?}"
        );
    }
    // The old single-place answer means choosing that one place: never full.
    assert_eq!(
        score(&hs, &Response::Region("upper-right".into())),
        Ok(FULL / 2)
    );
    assert_eq!(
        score(
            &hs,
            &Response::Choices(ids(&["upper-right", "upper-right"]))
        ),
        Err(ResponseError::Repeated("upper-right".into()))
    );
    assert_eq!(
        score(&hs, &Response::Choices(ids(&["head"]))),
        Err(ResponseError::UnknownId("head".into()))
    );
    assert_eq!(
        correct_response(&hs),
        Some(Response::Choices(ids(&["upper-right", "left-side"])))
    );
}

#[test]
fn malformed_responses_are_errors_not_zeros() {
    let single = question(
        QuestionType::Single,
        &[("a", Some(true)), ("b", Some(false))],
    );
    let multiple = question(
        QuestionType::Multiple,
        &[("a", Some(true)), ("b", Some(false)), ("c", Some(true))],
    );
    let order = question(
        QuestionType::Order,
        &[("a", None), ("b", None), ("c", None)],
    );
    let cases: Vec<(&Question, Response, ResponseError)> = vec![
        (
            &single,
            Response::Choices(vec![]),
            ResponseError::NotOneChoice,
        ),
        (
            &single,
            Response::Choices(ids(&["a", "b"])),
            ResponseError::NotOneChoice,
        ),
        (
            &single,
            Response::Choices(ids(&["z"])),
            ResponseError::UnknownId("z".into()),
        ),
        (&single, Response::TrueFalse(true), ResponseError::WrongKind),
        (
            &multiple,
            Response::Choices(ids(&["a", "a"])),
            ResponseError::Repeated("a".into()),
        ),
        (
            &multiple,
            Response::Order(ids(&["a", "b", "c"])),
            ResponseError::WrongKind,
        ),
        (
            &order,
            Response::Order(ids(&["a", "b"])),
            ResponseError::IncompleteOrder,
        ),
        (
            &order,
            Response::Order(ids(&["a", "b", "b"])),
            ResponseError::Repeated("b".into()),
        ),
        (
            &order,
            Response::Order(ids(&["a", "b", "x"])),
            ResponseError::UnknownId("x".into()),
        ),
    ];
    for (q, r, want) in cases {
        assert_eq!(score(q, &r), Err(want.clone()), "{r:?}");
    }
}

proptest! {
    #[test]
    fn below_is_in_range(seed in any::<u64>(), n in 1u64..1_000_000) {
        let mut r = SplitMix64::new(seed);
        for _ in 0..20 {
            prop_assert!(r.below(n) < n);
        }
    }

    #[test]
    fn shuffle_is_a_permutation(seed in any::<u64>(), len in 0usize..40) {
        let mut v: Vec<usize> = (0..len).collect();
        SplitMix64::new(seed).shuffle(&mut v);
        let mut sorted = v.clone();
        sorted.sort();
        prop_assert_eq!(sorted, (0..len).collect::<Vec<_>>());
    }

    #[test]
    fn multiple_choice_full_marks_only_for_the_exact_set(
        correct in prop::collection::vec(any::<bool>(), 3..7),
        chosen in prop::collection::vec(any::<bool>(), 7),
    ) {
        prop_assume!(correct.iter().any(|c| *c));
        let names = ["a", "b", "c", "d", "e", "f", "g"];
        let opts: Vec<(&str, Option<bool>)> = correct.iter().enumerate().map(|(i, c)| (names[i], Some(*c))).collect();
        let q = question(QuestionType::Multiple, &opts);
        let picked: Vec<String> = (0..correct.len()).filter(|i| chosen[*i]).map(|i| names[i].to_owned()).collect();
        let s = score(&q, &Response::Choices(picked.clone())).unwrap();
        prop_assert!(s <= FULL);
        let exact = (0..correct.len()).all(|i| chosen[i] == correct[i]);
        prop_assert_eq!(s == FULL, exact);
    }

    #[test]
    fn ordering_full_marks_only_for_the_exact_order(seed in any::<u64>(), len in 3usize..8) {
        let names = ["a", "b", "c", "d", "e", "f", "g", "h"];
        let opts: Vec<(&str, Option<bool>)> = names[..len].iter().map(|n| (*n, None)).collect();
        let q = question(QuestionType::Order, &opts);
        let mut order: Vec<String> = names[..len].iter().map(|s| (*s).to_owned()).collect();
        SplitMix64::new(seed).shuffle(&mut order);
        let s = score(&q, &Response::Order(order.clone())).unwrap();
        prop_assert!(s <= FULL);
        let exact = order.iter().map(String::as_str).eq(names[..len].iter().copied());
        prop_assert_eq!(s == FULL, exact);
    }
}

/// All orderings of `items` (Heap's algorithm).
fn permutations(items: &[String]) -> Vec<Vec<String>> {
    fn heap(k: usize, v: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        if k <= 1 {
            out.push(v.clone());
            return;
        }
        for i in 0..k {
            heap(k - 1, v, out);
            let j = if k % 2 == 0 { i } else { 0 };
            v.swap(j, k - 1);
        }
    }
    let mut out = Vec::new();
    heap(items.len(), &mut items.to_vec(), &mut out);
    out
}

/// Every valid response to every question of the embedded bank, and
/// whether it is the correct answer, worked out from the content.
#[test]
fn every_valid_response_to_every_bank_question_scores_within_bounds() {
    let c = firstaid::content::Curriculum::embedded().unwrap();
    let mut responses = 0usize;
    for q in &c.questions {
        let option_ids: Vec<String> = q.options.iter().map(|o| o.id.clone()).collect();
        let correct_set: Vec<bool> = q.options.iter().map(|o| o.correct == Some(true)).collect();
        // (response, is the correct answer)
        let all: Vec<(Response, bool)> = match q.kind {
            QuestionType::Single => option_ids
                .iter()
                .zip(&correct_set)
                .map(|(id, c)| (Response::Choices(vec![id.clone()]), *c))
                .collect(),
            QuestionType::Multiple => {
                assert!(option_ids.len() <= 10, "{}", q.id);
                (0u32..1 << option_ids.len())
                    .map(|mask| {
                        let chosen: Vec<bool> = (0..option_ids.len())
                            .map(|i| mask & (1 << i) != 0)
                            .collect();
                        let ids = option_ids
                            .iter()
                            .zip(&chosen)
                            .filter(|(_, c)| **c)
                            .map(|(id, _)| id.clone())
                            .collect();
                        (Response::Choices(ids), chosen == correct_set)
                    })
                    .collect()
            }
            QuestionType::Order => {
                assert!(option_ids.len() <= 8, "{}", q.id);
                let perms = permutations(&option_ids);
                let distinct: std::collections::BTreeSet<&Vec<String>> = perms.iter().collect();
                let factorial: usize = (1..=option_ids.len()).product();
                assert_eq!((perms.len(), distinct.len()), (factorial, factorial));
                perms
                    .into_iter()
                    .map(|p| {
                        let exact = p == option_ids;
                        (Response::Order(p), exact)
                    })
                    .collect()
            }
            QuestionType::TrueFalse => [true, false]
                .into_iter()
                .map(|b| (Response::TrueFalse(b), Some(b) == q.answer))
                .collect(),
            // Several right places: every set of places, right only when
            // exactly the right ones are chosen; one place alone is never
            // full marks.
            QuestionType::Hotspot if several_places(q) => {
                let places: Vec<bool> = q.regions.iter().map(|r| r.correct).collect();
                let mut all: Vec<(Response, bool)> = (0u32..1 << q.regions.len())
                    .map(|mask| {
                        let chosen: Vec<bool> =
                            (0..q.regions.len()).map(|i| mask & (1 << i) != 0).collect();
                        let ids = q
                            .regions
                            .iter()
                            .zip(&chosen)
                            .filter(|(_, c)| **c)
                            .map(|(r, _)| r.id.clone())
                            .collect();
                        (Response::Choices(ids), chosen == places)
                    })
                    .collect();
                all.extend(
                    q.regions
                        .iter()
                        .map(|r| (Response::Region(r.id.clone()), false)),
                );
                all
            }
            QuestionType::Hotspot => q
                .regions
                .iter()
                .map(|r| (Response::Region(r.id.clone()), r.correct))
                .collect(),
        };
        assert!(
            all.iter().filter(|(_, right)| *right).count() >= 1,
            "{}: some answer is right",
            q.id
        );
        for (r, right) in all {
            let s = score(q, &r).unwrap_or_else(|e| panic!("{}: {r:?}: {e:?}", q.id));
            assert!(s <= FULL, "{}: {r:?} scores {s}", q.id);
            assert_eq!(s == FULL, right, "{}: {r:?} scores {s}", q.id);
            if q.kind == QuestionType::Order {
                let reversed: Vec<String> = option_ids.iter().rev().cloned().collect();
                if r == Response::Order(reversed) {
                    assert_eq!(s, 0, "{}: the reverse order earns nothing", q.id);
                }
            }
            responses += 1;
        }
        // Another kind of response is an error, never a score.
        let foreign = match q.kind {
            QuestionType::TrueFalse => Response::Region("x".into()),
            _ => Response::TrueFalse(true),
        };
        assert_eq!(
            score(q, &foreign),
            Err(ResponseError::WrongKind),
            "{}",
            q.id
        );
    }
    assert!(responses > 500, "{responses} responses checked");
}
