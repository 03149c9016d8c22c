//! The practical exam's checklist marks: outcomes per checklist, the
//! practical exam as a whole, the tick from before checklists, the CSV line.

use firstaid::content::checklist::Checklist;
use firstaid::content::Curriculum;
use firstaid::records::assess::{
    next_to_assess, summary, Assessments, Mark, Outcome, Practical, SummaryWords,
};

fn lists() -> Vec<Checklist> {
    Curriculum::embedded().unwrap().checklists
}

/// Marks every item of `list` passed at `at`, except `practice` (needs
/// practice) and `skip` (left unmarked).
fn mark_all(a: &mut Assessments, list: &Checklist, at: i64, practice: &[&str], skip: &[&str]) {
    for item in &list.items {
        if skip.contains(&item.id.as_str()) {
            continue;
        }
        let m = if practice.contains(&item.id.as_str()) {
            Mark::Practice
        } else {
            Mark::Passed
        };
        a.set_mark(&list.id, &item.id, Some(m), at);
    }
}

#[test]
fn a_checklist_is_passed_only_when_every_item_is() {
    let lists = lists();
    let list = &lists[0];
    let n = list.items.len();
    let first = list.items[0].id.as_str();
    let last = list.items[n - 1].id.as_str();
    // (marked as practice, left unmarked, the outcome)
    let cases: [(&[&str], &[&str], Outcome); 5] = [
        (&[], &[], Outcome::Passed { at_ms: 10 }),
        (&[first], &[], Outcome::NeedsPractice(vec![first.into()])),
        (
            &[last, first],
            &[],
            Outcome::NeedsPractice(vec![first.into(), last.into()]),
        ),
        (
            &[],
            &[last],
            Outcome::InProgress {
                marked: n - 1,
                total: n,
            },
        ),
        (
            &[first],
            &[last],
            Outcome::InProgress {
                marked: n - 1,
                total: n,
            },
        ),
    ];
    for (practice, skip, want) in cases {
        let mut a = Assessments::default();
        mark_all(&mut a, list, 10, practice, skip);
        assert_eq!(
            a.outcome(list),
            want,
            "practice {practice:?}, unmarked {skip:?}"
        );
    }
    // Nothing marked yet.
    assert_eq!(
        Assessments::default().outcome(list),
        Outcome::InProgress {
            marked: 0,
            total: n
        }
    );
}

#[test]
fn clearing_a_mark_keeps_the_note_and_marks_of_removed_items_do_not_count() {
    let lists = lists();
    let list = &lists[2];
    let mut a = Assessments::default();
    mark_all(&mut a, list, 1, &[], &[]);
    let item = list.items[1].id.as_str();
    a.set_note(&list.id, item, "  fist too low ", 2);
    a.set_mark(&list.id, item, None, 3);
    let marks = a.of(&list.id).unwrap();
    assert_eq!(marks.note(item), Some("fist too low"));
    assert_eq!(marks.mark(item), None);
    assert!(matches!(a.outcome(list), Outcome::InProgress { .. }));
    a.set_note(&list.id, item, " ", 4);
    assert_eq!(a.of(&list.id).unwrap().note(item), None);
    // A mark of an item a later content update removed does not count.
    a.set_mark(&list.id, item, Some(Mark::Passed), 5);
    a.set_mark(&list.id, "an-item-since-removed", Some(Mark::Practice), 6);
    assert_eq!(a.outcome(list), Outcome::Passed { at_ms: 5 });
}

#[test]
fn the_practical_exam_needs_every_checklist_or_the_old_tick() {
    let lists = lists();
    assert!(lists.len() >= 3);
    let mut a = Assessments::default();
    assert_eq!(a.practical(&lists, None), Practical::Pending);
    assert!(!Practical::Pending.done());
    // The tick from before checklists still counts.
    assert_eq!(a.practical(&lists, Some(9)), Practical::Before { at_ms: 9 });
    for (i, l) in lists.iter().enumerate() {
        assert_eq!(
            a.practical(&lists, None),
            Practical::Pending,
            "before list {i}"
        );
        mark_all(&mut a, l, 100 + i as i64, &[], &[]);
    }
    let passed = a.practical(&lists, Some(9));
    assert_eq!(
        passed,
        Practical::Passed {
            at_ms: 100 + lists.len() as i64 - 1
        }
    );
    assert!(passed.done());
    // One item needing practice undoes it (the tick stands in again).
    a.set_mark(
        &lists[1].id,
        &lists[1].items[0].id,
        Some(Mark::Practice),
        200,
    );
    assert_eq!(a.practical(&lists, None), Practical::Pending);
    assert_eq!(a.practical(&lists, Some(9)), Practical::Before { at_ms: 9 });
    // No checklists at all is never "every checklist passed".
    assert_eq!(a.practical(&[], None), Practical::Pending);
}

#[test]
fn the_csv_line_names_each_checklist_and_what_needs_practice() {
    let lists = lists();
    let words = SummaryWords {
        passed: "passed",
        practice: "needs practice:",
        before: "assessed before checklists",
    };
    let title = |l: &Checklist| l.title.en.clone();
    let mut a = Assessments::default();
    assert_eq!(summary(&a, &lists, &title, false, &words), "");
    mark_all(&mut a, &lists[0], 1, &[], &[]);
    mark_all(&mut a, &lists[2], 1, &["back-blows", "collapse"], &[]);
    a.set_mark(&lists[1].id, &lists[1].items[0].id, Some(Mark::Passed), 1);
    let n1 = lists[1].items.len();
    assert_eq!(
        summary(&a, &lists, &title, true, &words),
        format!(
            "{}: passed; {}: 1/{n1}; {}: needs practice: back-blows collapse; assessed before checklists",
            lists[0].title.en, lists[1].title.en, lists[2].title.en
        )
    );
}

#[test]
fn a_learner_is_done_when_every_item_of_every_checklist_is_marked() {
    let lists = lists();
    let mut a = Assessments::default();
    assert!(!a.is_done(&lists));
    assert!(!a.is_done(&[]), "no checklists: nothing was assessed");
    mark_all(&mut a, &lists[0], 1_000, &[], &[]);
    assert!(!a.is_done(&lists), "one checklist of {}", lists.len());
    for (i, l) in lists.iter().enumerate().skip(1) {
        let first = l.items[0].id.clone();
        // Needs practice counts as assessed: every item has its mark.
        mark_all(&mut a, l, 2_000 + i as i64, &[first.as_str()], &[]);
    }
    assert!(a.is_done(&lists));
    let last = lists.last().unwrap();
    let item = last.items.last().unwrap().id.clone();
    a.set_mark(&last.id, &item, None, 3_000);
    assert!(!a.is_done(&lists), "a mark taken back");
}

#[test]
fn next_learner_skips_those_done_and_goes_round_once() {
    // (roster, current, next): learners 1..=n, `true` for done.
    type Roster = &'static [(u8, bool)];
    let cases: &[(Roster, u8, Option<u8>)] = &[
        (&[(1, false), (2, false), (3, false)], 1, Some(2)),
        (&[(1, false), (2, true), (3, false)], 1, Some(3)),
        (&[(1, false), (2, true), (3, false)], 3, Some(1)),
        (&[(1, true), (2, true), (3, false)], 3, None),
        (&[(1, true), (2, true), (3, true)], 2, None),
        // The current learner is not offered again, done or not.
        (&[(1, false), (2, true)], 1, None),
        (&[(1, false)], 1, None),
        // A learner no longer on the roster: nobody to go on from.
        (&[(1, false), (2, false)], 9, None),
    ];
    for (i, (order, current, next)) in cases.iter().enumerate() {
        assert_eq!(next_to_assess(order, *current), *next, "case {i}");
    }
}
