//! Assignments (round trips, links, signatures) and the instructor's
//! verification of records: a valid record passes, and every rejection
//! reason is reached by a record built to fail it.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::records::{key, typical, T0};
use common::{embedded, FIXED_VERSION};
use firstaid::quiz::transcript::{Answer, Rejection, TimeProblem};
use firstaid::records::assignment::{Assignment, AssignmentError};
use firstaid::records::keys::KeyPair;
use firstaid::records::record::{AssignmentRef, Record};
use firstaid::records::verify::{verify, Check, Failure};

fn assignment() -> Assignment {
    firstaid::records::example::assignment(&embedded(), FIXED_VERSION)
}

/// The failures of a verification, by check.
fn failures(r: &Record, a: Option<&Assignment>) -> Vec<(Check, Failure)> {
    verify(r, &embedded(), FIXED_VERSION, a)
        .failures()
        .map(|(c, f)| (*c, f.clone()))
        .collect()
}

/// Changes a record and re-signs it with the learner's own key (what a
/// learner who edits their record can do).
fn edited(f: impl FnOnce(&mut firstaid::records::record::RecordBody)) -> Record {
    let mut body = typical().body;
    f(&mut body);
    body.sign(&key())
}

#[test]
fn assignments_round_trip_through_qr_text_and_links() {
    let a = assignment();
    assert_eq!(a.verify_signature(), Ok(()));
    assert_eq!(Assignment::parse(&a.to_qr_text()).unwrap(), a);
    let link = a.link("https://firstaid.example");
    assert!(link.starts_with("https://firstaid.example/assignment#FAA1:"));
    assert!(!link.contains(' '), "spaces are escaped: {link}");
    assert_eq!(Assignment::parse(&link).unwrap(), a);
    assert_eq!(Assignment::from_bytes(&a.to_bytes()).unwrap(), a);
}

#[test]
fn a_forged_or_damaged_assignment_is_never_read() {
    let a = assignment();
    // Another key signs a changed assignment but keeps the instructor's key.
    let mut body = a.body.clone();
    body.min_trainer_score = None;
    let forged = Assignment {
        signature: KeyPair::from_seed([1; 32]).sign(&body.encode()),
        body,
    };
    assert!(matches!(
        Assignment::parse(&forged.to_qr_text()),
        Err(AssignmentError::Signature(_))
    ));
    let bytes = a.to_bytes();
    for bit in 0..bytes.len() * 8 {
        let mut b = bytes.clone();
        b[bit / 8] ^= 1 << (bit % 8);
        if let Ok(x) = Assignment::from_bytes(&b) {
            assert!(x.verify_signature().is_err(), "bit {bit} accepted");
        }
    }
    assert!(matches!(
        Assignment::parse("FAR1:ABC"),
        Err(AssignmentError::Payload(_))
    ));
}

#[test]
fn a_complete_record_passes_every_check() {
    let v = verify(&typical(), &embedded(), FIXED_VERSION, Some(&assignment()));
    assert!(v.ok(), "{:?}", v.failures().collect::<Vec<_>>());
    assert_eq!(v.exam_percents, [Some(100)]);
    let checks: Vec<Check> = v.outcomes.iter().map(|o| o.check).collect();
    assert_eq!(
        checks,
        [
            Check::Signature,
            Check::ContentVersion,
            Check::Times,
            Check::Exam(1),
            Check::Assignment,
            Check::Lessons,
            Check::RequiredExam,
            Check::Trainer,
            Check::DueDate
        ]
    );
}

#[test]
fn a_changed_record_fails_its_signature_and_nothing_else_is_trusted() {
    let mut r = typical();
    r.body.exams[0].percent = 99;
    assert_eq!(
        failures(&r, Some(&assignment())),
        [(Check::Signature, Failure::Signature)]
    );
    let v = verify(&r, &embedded(), FIXED_VERSION, Some(&assignment()));
    assert_eq!(v.outcomes.len(), 1);
}

#[test]
fn other_content_cannot_be_re_scored() {
    let r = edited(|b| b.content_version = "sha256:ffffffffffffffff".into());
    let f = failures(&r, None);
    assert!(matches!(
        f[0],
        (Check::ContentVersion, Failure::ContentVersion { .. })
    ));
    assert!(matches!(
        f[1],
        (Check::Exam(1), Failure::ContentVersion { .. })
    ));
    assert!(f[0]
        .1
        .to_string()
        .contains("learner uses content version sha256:ffffffffffffffff"));
}

#[test]
fn an_inflated_score_is_caught_by_re_scoring() {
    // A single-choice answer changed to a wrong option, the claim left at
    // 100% and the record re-signed by the learner's own key.
    let c = embedded();
    let drawn = firstaid::quiz::exam::draw(
        &c,
        FIXED_VERSION,
        c.blueprint("course-rcsc").unwrap(),
        typical().body.exams[0].seed,
    )
    .unwrap();
    let (i, wrong) = drawn
        .iter()
        .enumerate()
        .find_map(|(i, item)| {
            let q = c.question(&item.question).unwrap();
            (q.kind == firstaid::content::QuestionType::Single).then(|| {
                let w = q.options.iter().find(|o| o.correct != Some(true)).unwrap();
                (i, w.id.clone())
            })
        })
        .expect("the exam has a single-choice question");
    let r = edited(|b| {
        b.exams[0].answers[i].as_mut().unwrap().answer = Answer::Choices(vec![wrong]);
    });
    let f = failures(&r, None);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        matches!(
            f[0],
            (Check::Exam(1), Failure::Claim { claimed_percent: 100, actual_percent: p, .. }) if p < 100
        ),
        "{f:?}"
    );
}

#[test]
fn swapped_questions_and_dropped_answers_are_caught() {
    // Two different answers swapped: they no longer fit their questions,
    // or earn less than claimed.
    let answers = typical().body.exams[0].answers.clone();
    let (i, j) = (0..answers.len())
        .flat_map(|i| (i + 1..answers.len()).map(move |j| (i, j)))
        .find(|&(i, j)| {
            answers[i].as_ref().map(|a| &a.answer) != answers[j].as_ref().map(|a| &a.answer)
        })
        .unwrap();
    let r = edited(|b| b.exams[0].answers.swap(i, j));
    let f = failures(&r, None);
    assert!(
        matches!(
            f.as_slice(),
            [(Check::Exam(1), Failure::Rescore(Rejection::Answer { .. }))]
                | [(Check::Exam(1), Failure::Claim { .. })]
        ),
        "{f:?}"
    );
    let r = edited(|b| {
        b.exams[0].answers.pop();
    });
    assert!(matches!(
        failures(&r, None).as_slice(),
        [(
            Check::Exam(1),
            Failure::Rescore(Rejection::QuestionCount {
                expected: 20,
                found: 19
            })
        )]
    ));
}

#[test]
fn exam_rules_are_the_transcript_rules() {
    let r = edited(|b| b.exams[0].blueprint = "course-xyz".into());
    assert!(matches!(
        failures(&r, None).as_slice(),
        [(Check::Exam(1), Failure::UnknownBlueprint(_))]
    ));
    let r = edited(|b| b.exams[0].pass_percent = 50);
    assert!(matches!(
        failures(&r, None).as_slice(),
        [(
            Check::Exam(1),
            Failure::Rescore(Rejection::BlueprintChanged(_))
        )]
    ));
    // An answer given after the exam was handed in.
    let r = edited(|b| {
        let e = &mut b.exams[0];
        e.answers[5].as_mut().unwrap().after_ms = e.duration_ms + 1;
    });
    assert!(matches!(
        failures(&r, None).as_slice(),
        [(
            Check::Exam(1),
            Failure::Rescore(Rejection::Time(TimeProblem::OutsideExam(6)))
        )]
    ));
}

#[test]
fn assignment_requirements_each_have_their_reason() {
    let a = assignment();
    type Case = (Record, Check, fn(&Failure) -> bool);
    let cases: Vec<Case> = vec![
        (edited(|b| b.assignment = None), Check::Assignment, |f| {
            *f == Failure::OtherAssignment(None)
        }),
        (
            edited(|b| b.assignment.as_mut().unwrap().id = "ZZZZ-ZZZZ".into()),
            Check::Assignment,
            |f| *f == Failure::OtherAssignment(Some("ZZZZ-ZZZZ".into())),
        ),
        (
            edited(|b| {
                b.assignment = Some(AssignmentRef {
                    id: "A7K2-9QX4".into(),
                    instructor: KeyPair::from_seed([10; 32]).public(),
                })
            }),
            Check::Assignment,
            |f| *f == Failure::OtherInstructor,
        ),
        (
            edited(|b| {
                b.lessons.remove(2);
            }),
            Check::Lessons,
            |f| matches!(f, Failure::MissingLessons(l) if l.len() == 1),
        ),
        (edited(|b| b.exams.clear()), Check::RequiredExam, |f| {
            matches!(f, Failure::NoPassingExam { best: None, .. })
        }),
        (edited(|b| b.trainer = None), Check::Trainer, |f| {
            *f == Failure::TrainerMissing { min: 70 }
        }),
        (
            edited(|b| b.trainer.as_mut().unwrap().score = Some(69)),
            Check::Trainer,
            |f| *f == Failure::TrainerBelow { min: 70, score: 69 },
        ),
        (
            edited(|b| b.issued_at_ms = T0 + 8 * 86_400_000),
            Check::DueDate,
            |f| matches!(f, Failure::Late { .. }),
        ),
    ];
    for (i, (record, check, is)) in cases.into_iter().enumerate() {
        let f = failures(&record, Some(&a));
        let (c, failure) = f
            .iter()
            .find(|(c, _)| *c == check)
            .unwrap_or_else(|| panic!("case {i}: {f:?}"));
        assert!(is(failure), "case {i}: {c:?} {failure:?}");
        assert!(!failure.to_string().is_empty());
        // Changing the assignment a record answers also changes the seed
        // its exam must have been drawn with (the first three cases);
        // otherwise this is the only failure.
        if i >= 3 {
            assert_eq!(f.len(), 1, "case {i}: {f:?}");
        } else {
            assert!(
                f.contains(&(Check::Exam(1), Failure::Seed)),
                "case {i}: {f:?}"
            );
        }
        // A record of another assignment, or of another instructor's, is
        // not held to this assignment's requirements (its exam, here not
        // re-scored, would read "no exam of this assignment"); a record of
        // no assignment is, so the learner hears what is missing.
        let requirements = f.iter().filter(|(c, _)| c.is_requirement()).count();
        match i {
            1 | 2 => assert_eq!(requirements, 0, "case {i}: {f:?}"),
            0 => assert!(requirements > 0, "case {i}: {f:?}"),
            _ => {}
        }
    }
}

#[test]
fn a_failed_exam_below_the_pass_mark_is_reported_with_its_score() {
    // All answers removed: re-scored 0%, honestly claimed.
    let r = edited(|b| {
        let e = &mut b.exams[0];
        for a in &mut e.answers {
            *a = None;
        }
        e.percent = 0;
        e.passed = false;
    });
    let f = failures(&r, Some(&assignment()));
    assert_eq!(
        f,
        [(
            Check::RequiredExam,
            Failure::NoPassingExam {
                blueprint: "course-rcsc".into(),
                pass_percent: 80,
                best: Some(0)
            }
        )]
    );
}

#[test]
fn a_roster_has_one_row_per_device_and_never_goes_back_to_an_older_record() {
    use firstaid::records::roster::{csv_header, csv_row, Added, CsvLabels, Roster, Status};
    let mut roster = Roster::default();
    let first = typical();
    assert_eq!(roster.add(&first, 1), Added::New);
    // Scanned again: the same row, updated.
    assert_eq!(roster.add(&first, 2), Added::Updated);
    assert_eq!(roster.entries.len(), 1);
    assert_eq!(roster.entries[0].verified_at_ms, 2);
    // A newer record of the same device replaces it…
    let newer = edited(|b| b.issued_at_ms += 1000);
    assert_eq!(roster.add(&newer, 3), Added::Updated);
    assert_eq!(roster.entries[0].record().unwrap(), newer);
    // …and replaying the older one does not bring it back.
    assert_eq!(roster.add(&first, 4), Added::Older);
    assert_eq!(roster.entries[0].record().unwrap(), newer);
    assert_eq!(roster.entries[0].verified_at_ms, 3);
    // Another device (another learner, even with the same name): a new row.
    let other_key = KeyPair::from_seed([77; 32]);
    let mut body = typical().body;
    body.key = other_key.public();
    let other = body.sign(&other_key);
    assert_eq!(roster.add(&other, 5), Added::New);
    assert_eq!(roster.entries.len(), 2);
    // The practical exam marked passed (it goes into the CSV).
    assert!(roster.set_practical(&first.body.key, Some(5)));
    // Stored and read back as JSON.
    let json = serde_json::to_string(&roster).unwrap();
    assert_eq!(serde_json::from_str::<Roster>(&json).unwrap(), roster);

    // The CSV: a byte-order mark, a header, one line per row.
    let a = assignment();
    let mut csv = csv_header(&CsvLabels::EN);
    for e in &roster.entries {
        let r = e.record().unwrap();
        let v = verify(&r, &embedded(), FIXED_VERSION, Some(&a));
        csv.push_str(&csv_row(
            &r,
            &Status::Now(v),
            e.practical_passed_at_ms,
            "",
            e.verified_at_ms,
            &CsvLabels::EN,
            &|_, f| f.to_string(),
            &firstaid::time::format_iso,
        ));
    }
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{feff}name,number,class,key,status,lessons,exams,trainer,practical,checklists,verified,reasons"
    );
    assert!(
        lines[1].starts_with("王小明,2026-0142,初二(3)班,"),
        "{}",
        lines[1]
    );
    assert!(
        lines[1].contains(
            ",OK,8,course-rcsc 100%,91,1970-01-01T00:00:00.005Z,,1970-01-01T00:00:00.003Z,"
        ),
        "{}",
        lines[1]
    );
    // The second "learner" copied the first one's record and signed it with
    // their own key: the exam was not drawn for their device.
    assert!(lines[2].contains(",FAIL,"), "{}", lines[2]);
    assert!(
        lines[2].contains("not drawn for this device"),
        "{}",
        lines[2]
    );
    assert_ne!(lines[1].split(',').nth(3), lines[2].split(',').nth(3));
    assert_eq!(lines[3], "");
}

#[test]
fn an_exam_copied_from_another_learner_fails_its_seed() {
    // A classmate takes the record, puts their name on it and signs it
    // with their own device key: everything verifies except the exam,
    // whose seed belongs to the first device.
    let thief = KeyPair::from_seed([77; 32]);
    let mut body = typical().body;
    body.learner.name = "张三".into();
    body.key = thief.public();
    let copied = body.sign(&thief);
    assert_eq!(
        failures(&copied, Some(&assignment())),
        [
            (Check::Exam(1), Failure::Seed),
            (
                Check::RequiredExam,
                Failure::NoPassingExam {
                    blueprint: "course-rcsc".into(),
                    pass_percent: 80,
                    best: None
                }
            )
        ]
    );
    // Any made-up seed fails the same way.
    let r = edited(|b| b.exams[0].seed ^= 1);
    assert_eq!(failures(&r, None), [(Check::Exam(1), Failure::Seed)]);
}

#[test]
fn nothing_may_happen_after_the_record_was_issued() {
    let r = edited(|b| b.issued_at_ms = b.lessons[3].completed_at_ms - 1);
    assert!(failures(&r, None).contains(&(Check::Times, Failure::AfterIssue)));
    let r = edited(|b| {
        let t = b.trainer.as_mut().unwrap();
        t.at_ms = b.issued_at_ms + 1;
    });
    assert_eq!(failures(&r, None), [(Check::Times, Failure::AfterIssue)]);
}

#[test]
fn an_assignment_checked_against_must_itself_be_signed() {
    let mut a = assignment();
    a.body.min_trainer_score = Some(10);
    let f = failures(&typical(), Some(&a));
    assert_eq!(f, [(Check::Assignment, Failure::AssignmentSignature)]);
}

#[test]
fn the_roster_takes_only_signed_records() {
    use firstaid::records::roster::{Added, Roster};
    let mut roster = Roster::default();
    let mut forged = typical();
    // A far-future record carrying the learner's key, not signed by it.
    forged.body.issued_at_ms += 10_000_000;
    assert_eq!(roster.add(&forged, 1), Added::Unsigned);
    assert!(roster.entries.is_empty());
    assert_eq!(roster.add(&typical(), 2), Added::New);
    assert_eq!(roster.add(&forged, 3), Added::Unsigned);
    assert_eq!(roster.entries[0].record().unwrap(), typical());
}
