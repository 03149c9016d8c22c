//! A learner's record made from the app's own data (lessons, exams taken the
//! way the app takes them, trainer sessions) verifies; the exam chain keeps
//! every attempt visible; what the app stores for records.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{embedded, FIXED_VERSION};
use firstaid::content::Curriculum;
use firstaid::progress::Progress;
use firstaid::quiz::attempt::ExamAttempt;
use firstaid::quiz::scoring::correct_response;
use firstaid::quiz::transcript::Transcript;
use firstaid::records::assignment::{Assignment, AssignmentBody, ExamRequirement};
use firstaid::records::compose::{self, chain, compose, next_seed, ComposeError, Sources};
use firstaid::records::keys::KeyPair;
use firstaid::records::record::exam_seed;
use firstaid::records::stored::{assignment_id, key_from_hex, key_to_hex, LearnerData, Profile};
use firstaid::records::verify::{verify, Check, Failure};
use firstaid::time::format_iso;
use firstaid::trainer::session::{SessionRecord, Source, TrainerData};

const T0: i64 = 1_796_000_000_000;

fn device() -> KeyPair {
    KeyPair::from_seed([42; 32])
}

fn instructor() -> KeyPair {
    KeyPair::from_seed([9; 32])
}

fn assignment(lessons: &[&str], min_trainer: Option<u32>) -> Assignment {
    AssignmentBody {
        id: assignment_id(0x12_3456_789a),
        class: "初二(3)班".into(),
        instructor_name: "李老师".into(),
        content_version: FIXED_VERSION.into(),
        created_at_ms: (T0 - 86_400_000) as u64,
        due_at_ms: Some((T0 + 7 * 86_400_000) as u64),
        lessons: lessons.iter().map(|s| (*s).to_owned()).collect(),
        exam: Some(ExamRequirement {
            blueprint: "course-rcsc".into(),
            pass_percent: 80,
        }),
        min_trainer_score: min_trainer,
        key: instructor().public(),
    }
    .sign(&instructor())
}

/// Takes an exam the way the app does: drawn from `seed`, `right` of the
/// questions answered correctly (the rest left blank), handed in.
fn take_exam(c: &Curriculum, seed: u64, right: usize, start: i64) -> Transcript {
    let bp = c.blueprint("course-rcsc").unwrap().clone();
    let (mut attempt, exam) = ExamAttempt::start(c, FIXED_VERSION, bp, seed, start).unwrap();
    for (i, item) in exam.iter().enumerate().take(right) {
        let q = c.question(&item.question).unwrap();
        let r = correct_response(q).unwrap();
        attempt
            .answer(c, &exam, i, r, start + 10_000 * (i as i64 + 1))
            .unwrap();
    }
    attempt.finish(c, &exam, start + 900_000).unwrap()
}

/// A tap session at 110 per minute for two minutes (a good score).
fn good_session(at_ms: i64) -> SessionRecord {
    let times: Vec<u32> = (0..220).map(|i| i * 545).collect();
    SessionRecord {
        at_ms,
        source: Source::Taps,
        bpm: Some(110),
        pause_s: None,
        duration_ms: 120_000,
        planned_ms: Some(120_000),
        times_ms: times.clone(),
        depths_dmm: vec![],
        inferred: vec![],
        cycle_starts: vec![],
        taps_ms: times,
    }
}

fn profile() -> Profile {
    Profile::from_fields("  王小明 ", "2026-0142", "")
}

struct Learner {
    progress: Progress,
    results: Vec<Transcript>,
    trainer: TrainerData,
    profile: Profile,
}

impl Learner {
    fn new(c: &Curriculum) -> Learner {
        let mut progress = Progress::default();
        for (i, l) in c.lessons.iter().enumerate() {
            progress.complete(&l.id, &format_iso(T0 + 60_000 * i as i64));
        }
        let mut trainer = TrainerData::default();
        trainer.add(good_session(T0 + 5_000_000));
        Learner {
            progress,
            results: vec![],
            trainer,
            profile: profile(),
        }
    }

    fn sources(&self) -> Sources<'_> {
        Sources {
            app_version: "0.1.0",
            content_version: FIXED_VERSION,
            profile: &self.profile,
            progress: &self.progress,
            results: &self.results,
            trainer: &self.trainer,
        }
    }
}

#[test]
fn a_record_made_from_the_apps_data_passes_every_check() {
    let c = embedded();
    let all: Vec<&str> = c.lessons.iter().map(|l| l.id.as_str()).collect();
    let a = assignment(&all, Some(70));
    let r = compose::reference(&a);
    let mut l = Learner::new(&c);
    // A failed attempt, then a passing one: both in the record.
    for (n, right) in [(0, 3), (1, usize::MAX)] {
        let seed = next_seed(&device().public(), Some(&r), FIXED_VERSION, &l.results);
        assert_eq!(seed, exam_seed(&device().public(), Some(&r), n));
        let t = take_exam(&c, seed, right, T0 + 10_000_000 * (n as i64 + 1));
        l.results.push(t);
    }
    // An exam taken outside the assignment is not in its record.
    let free = next_seed(&device().public(), None, FIXED_VERSION, &l.results);
    l.results
        .push(take_exam(&c, free, usize::MAX, T0 + 40_000_000));
    let now = (T0 + 50_000_000) as u64;
    let record = compose(&l.sources(), &device(), Some(&a), now).unwrap();
    let b = &record.body;
    assert_eq!(b.learner.name, "王小明");
    assert_eq!(b.learner.number.as_deref(), Some("2026-0142"));
    assert_eq!(b.learner.class, None);
    assert_eq!(b.lessons.len(), c.lessons.len());
    assert_eq!(b.exams.len(), 2);
    assert!(!b.exams[0].passed && b.exams[1].passed);
    assert_eq!(
        b.trainer.as_ref().and_then(|t| t.score),
        l.trainer
            .best()
            .and_then(|s| firstaid::trainer::session::summarize(s).score)
    );
    let verdict = verify(&record, &c, FIXED_VERSION, Some(&a));
    let failures: Vec<_> = verdict.failures().collect();
    assert!(failures.is_empty(), "{failures:?}");
    assert_eq!(verdict.exam_percents.len(), 2);
    // The record of no assignment carries the free exam only.
    let free_record = compose(&l.sources(), &device(), None, now).unwrap();
    assert_eq!(free_record.body.exams.len(), 1);
    assert!(verify(&free_record, &c, FIXED_VERSION, None).ok());
    // Progress on the home screen says the same.
    let p = compose::progress(
        &a,
        &device().public(),
        FIXED_VERSION,
        &l.progress,
        &l.results,
        &l.trainer,
    );
    assert_eq!(p.lessons_done, c.lessons.len());
    assert_eq!(p.best_exam, Some(100));
    assert!(p.complete());
}

#[test]
fn hiding_a_failed_attempt_breaks_the_record() {
    let c = embedded();
    let a = assignment(&[], None);
    let r = compose::reference(&a);
    let mut l = Learner::new(&c);
    for n in 0..2 {
        let seed = next_seed(&device().public(), Some(&r), FIXED_VERSION, &l.results);
        l.results.push(take_exam(
            &c,
            seed,
            if n == 0 { 1 } else { usize::MAX },
            T0 + n * 1_000_000,
        ));
    }
    let mut record = compose(&l.sources(), &device(), Some(&a), T0 as u64 + 9_000_000).unwrap();
    // The learner drops the failed attempt and signs again: attempt 1's
    // seed is not attempt 0's.
    record.body.exams.remove(0);
    let record = record.body.sign(&device());
    let f: Vec<_> = verify(&record, &c, FIXED_VERSION, Some(&a))
        .failures()
        .map(|(c, f)| (*c, f.clone()))
        .collect();
    assert!(f.contains(&(Check::Exam(1), Failure::Seed)), "{f:?}");
}

#[test]
fn an_abandoned_exam_is_drawn_again_with_the_same_seed() {
    let c = embedded();
    let l = Learner::new(&c);
    let key = device().public();
    let first = next_seed(&key, None, FIXED_VERSION, &l.results);
    // Nothing was handed in: the next start has the same seed.
    assert_eq!(next_seed(&key, None, FIXED_VERSION, &l.results), first);
    // Another device gets another seed.
    assert_ne!(
        next_seed(&instructor().public(), None, FIXED_VERSION, &l.results),
        first
    );
}

#[test]
fn a_content_update_starts_new_chains() {
    let c = embedded();
    let mut l = Learner::new(&c);
    let key = device().public();
    let seed = next_seed(&key, None, FIXED_VERSION, &l.results);
    let mut old = take_exam(&c, seed, usize::MAX, T0);
    old.content_version = "sha256:1111111111111111".into();
    l.results.push(old);
    assert!(chain(&key, None, FIXED_VERSION, &l.results).is_empty());
    assert_eq!(next_seed(&key, None, FIXED_VERSION, &l.results), seed);
    let record = compose(&l.sources(), &device(), None, T0 as u64 + 2_000_000).unwrap();
    assert!(record.body.exams.is_empty());
}

#[test]
fn a_record_needs_a_name_and_readable_exams() {
    let c = embedded();
    let mut l = Learner::new(&c);
    l.profile = Profile::from_fields("   ", "", "");
    assert_eq!(
        compose(&l.sources(), &device(), None, T0 as u64).unwrap_err(),
        ComposeError::NoName
    );
    l.profile = profile();
    let seed = next_seed(&device().public(), None, FIXED_VERSION, &l.results);
    let mut t = take_exam(&c, seed, 2, T0);
    t.started_at = "yesterday".into();
    l.results.push(t);
    assert!(matches!(
        compose(&l.sources(), &device(), None, T0 as u64 + 2_000_000),
        Err(ComposeError::DamagedExam(_))
    ));
}

#[test]
fn progress_counts_what_the_verifier_will_check() {
    let c = embedded();
    let ids: Vec<&str> = c.lessons.iter().take(3).map(|l| l.id.as_str()).collect();
    let a = assignment(&ids, Some(95));
    let key = device().public();
    let mut progress = Progress::default();
    progress.complete(ids[0], &format_iso(T0));
    let results: Vec<Transcript> = vec![];
    let mut trainer = TrainerData::default();
    let p = compose::progress(&a, &key, FIXED_VERSION, &progress, &results, &trainer);
    assert_eq!((p.lessons_done, p.lessons_total), (1, 3));
    assert_eq!(p.best_exam, None);
    assert!(!p.exam_ok && !p.trainer_ok && !p.complete());
    trainer.add(good_session(T0));
    let p = compose::progress(&a, &key, FIXED_VERSION, &progress, &results, &trainer);
    assert!(p.best_trainer.is_some());
    assert_eq!(p.trainer_ok, p.best_trainer.unwrap() >= 95);
}

#[test]
fn profiles_are_trimmed_and_bounded() {
    let cases = [
        (("  Li  ", " ", "  3B "), ("Li", None, Some("3B"))),
        (("", "", ""), ("", None, None)),
        (
            ("王小明", "0142", "初二(3)班"),
            ("王小明", Some("0142"), Some("初二(3)班")),
        ),
    ];
    for ((n, num, cl), (en, enum_, ecl)) in cases {
        let p = Profile::from_fields(n, num, cl);
        assert_eq!(p.name, en);
        assert_eq!(p.number.as_deref(), enum_);
        assert_eq!(p.class.as_deref(), ecl);
    }
    let long = "长".repeat(200);
    assert_eq!(Profile::from_fields(&long, "", "").name.chars().count(), 80);
}

#[test]
fn stored_keys_round_trip_and_damaged_ones_are_refused() {
    let k = device();
    assert_eq!(key_from_hex(&key_to_hex(&k)).unwrap().public(), k.public());
    for bad in [
        "",
        "2a",
        &"zz".repeat(32),
        &"2a".repeat(33),
        &"é".repeat(32),
    ] {
        assert!(key_from_hex(bad).is_none(), "{bad:?}");
    }
}

#[test]
fn assignment_ids_are_grouped_crockford_base32() {
    assert_eq!(assignment_id(0), "0000-0000");
    assert_eq!(assignment_id(u64::MAX), "ZZZZ-ZZZZ");
    assert_eq!(assignment_id(0x12_3456_789a), "28T5-CY4T");
    // Only the low 40 bits are used.
    assert_eq!(assignment_id(1 << 40), "0000-0000");
}

#[test]
fn accepting_an_assignment_again_replaces_it() {
    let a = assignment(&[], None);
    let mut l = LearnerData::default();
    assert!(!l.has(&a));
    l.accept(&a, T0);
    l.accept(&a, T0 + 1);
    assert_eq!(l.assignments.len(), 1);
    assert_eq!(l.assignments[0].accepted_at_ms, T0 + 1);
    assert!(l.has(&a));
    // Another instructor's assignment with the same id is another one.
    let mut other = a.body.clone();
    other.key = device().public();
    let other = other.sign(&device());
    l.accept(&other, T0 + 2);
    assert_eq!(l.assignments.len(), 2);
}

#[test]
fn a_phone_clock_set_back_does_not_make_the_record_fail_its_times() {
    let c = embedded();
    let l = Learner::new(&c);
    // "Now" is before the last lesson and the trainer session.
    let record = compose(&l.sources(), &device(), None, T0 as u64).unwrap();
    let latest = T0 as u64 + 5_000_000;
    assert_eq!(record.body.issued_at_ms, latest);
    assert!(verify(&record, &c, FIXED_VERSION, None).ok());
}

#[test]
fn pruning_old_results_never_drops_an_exam_a_record_must_carry() {
    use firstaid::quiz::attempt::{QuizData, MAX_RESULTS};
    let c = embedded();
    let a = assignment(&[], None);
    let r = compose::reference(&a);
    let key = device().public();
    let mut quiz = QuizData::default();
    let keep_chains = |q: &QuizData| {
        compose::chain_seeds(&key, &[Some(r.clone()), None], FIXED_VERSION, &q.results)
    };
    // Attempt 0 for the assignment, then many exams with random seeds.
    let first = take_exam(
        &c,
        next_seed(&key, Some(&r), FIXED_VERSION, &quiz.results),
        2,
        T0,
    );
    quiz.add_result(first.clone());
    for i in 0..(MAX_RESULTS as u64 + 10) {
        let t = take_exam(&c, 1_000_000 + i, 0, T0 + i as i64 * 1000);
        let keep = keep_chains(&quiz);
        quiz.add_result_keeping(t, |t| keep.contains(&t.seed));
    }
    assert_eq!(quiz.results.len(), MAX_RESULTS);
    assert_eq!(quiz.results[0], first, "the chain's exam is kept");
    assert_eq!(chain(&key, Some(&r), FIXED_VERSION, &quiz.results).len(), 1);
    // Without keeping, plain add_result drops the oldest.
    let mut plain = QuizData::default();
    plain.add_result(first.clone());
    for i in 0..MAX_RESULTS as u64 {
        plain.add_result(take_exam(&c, 2_000_000 + i, 0, T0));
    }
    assert!(!plain.results.contains(&first));
}

/// An assignment of every lesson and a learner who completed them all and
/// passed its exam on the first attempt.
fn passing_learner(c: &Curriculum) -> (Assignment, Learner) {
    let all: Vec<&str> = c.lessons.iter().map(|l| l.id.as_str()).collect();
    let a = assignment(&all, None);
    let mut l = Learner::new(c);
    let seed = next_seed(
        &device().public(),
        Some(&compose::reference(&a)),
        FIXED_VERSION,
        &l.results,
    );
    l.results
        .push(take_exam(c, seed, usize::MAX, T0 + 1_000_000));
    (a, l)
}

#[test]
fn a_failing_record_never_replaces_a_passing_row() {
    use firstaid::records::roster::{Added, Roster};
    let c = embedded();
    let (a, l) = passing_learner(&c);
    let passes = |r: &firstaid::records::record::Record| verify(r, &c, FIXED_VERSION, Some(&a));
    let good = compose(&l.sources(), &device(), Some(&a), T0 as u64 + 9_000_000).unwrap();
    assert!(passes(&good).ok());
    let mut roster = Roster::default();
    assert_eq!(roster.add_verified(&good, 1, &passes), Added::New);
    // Later, the learner shows a record of no assignment by mistake.
    let other = compose(&l.sources(), &device(), None, T0 as u64 + 10_000_000).unwrap();
    assert_eq!(roster.add_verified(&other, 2, &passes), Added::KeptPassing);
    assert_eq!(roster.entries.len(), 1);
    assert_eq!(roster.entries[0].record(), Some(good.clone()));
    // A newer passing record does replace it.
    let newer = compose(&l.sources(), &device(), Some(&a), T0 as u64 + 11_000_000).unwrap();
    assert_eq!(roster.add_verified(&newer, 3, &passes), Added::Updated);
    // A failing record of a learner whose row fails replaces it as usual.
    let mut roster = Roster::default();
    roster.add_verified(&other, 1, &passes);
    let other2 = compose(&l.sources(), &device(), None, T0 as u64 + 12_000_000).unwrap();
    assert_eq!(roster.add_verified(&other2, 2, &passes), Added::Updated);
}

#[test]
fn a_roster_keeps_its_verdicts_practical_marks_and_certificates() {
    use firstaid::records::roster::{Added, Roster, Status};
    let c = embedded();
    let (a, l) = passing_learner(&c);
    let record = compose(&l.sources(), &device(), Some(&a), T0 as u64 + 9_000_000).unwrap();
    // Read by a build of the record's content: passes, and that is kept.
    let before = |r: &firstaid::records::record::Record| verify(r, &c, FIXED_VERSION, Some(&a));
    let mut roster = Roster::default();
    assert_eq!(roster.add_verified(&record, 1, &before), Added::New);
    let row = roster.entries[0].clone();
    let kept = row.checked.clone().expect("a verdict kept");
    assert!(kept.ok);
    assert_eq!(kept.content_version, FIXED_VERSION);
    assert_eq!(kept.exam_percents, [Some(100)]);
    assert_eq!(
        row.status(&record, before(&record)),
        Status::Now(before(&record))
    );

    // The app updates its content: this build cannot re-score the record,
    // so the row shows the verdict kept from when it was read…
    let after = |r: &firstaid::records::record::Record| verify(r, &c, "a-later-content", Some(&a));
    assert!(!after(&record).ok());
    let status = row.status(&record, after(&record));
    assert_eq!(status, Status::Earlier(kept.clone()));
    assert!(status.ok());
    assert_eq!(status.exam_percents(), [Some(100)]);
    // …and a failing record read now does not push that passing row out.
    let none = compose(&l.sources(), &device(), None, T0 as u64 + 10_000_000).unwrap();
    assert_eq!(roster.add_verified(&none, 2, &after), Added::KeptPassing);
    // A verdict that could not re-score is not kept as if it could.
    let mut fresh = Roster::default();
    fresh.add_verified(&record, 3, &after);
    assert_eq!(fresh.entries[0].checked, None);
    assert!(matches!(
        fresh.entries[0].status(&record, after(&record)),
        Status::Now(_)
    ));
    // A row whose kept verdict is of other content than its record is not
    // taken for it either (a record replaced by a newer build's).
    let mut odd = row.clone();
    odd.checked.as_mut().unwrap().content_version = "x".into();
    assert!(matches!(
        odd.status(&record, after(&record)),
        Status::Now(_)
    ));

    // The practical exam's mark is the learner's: it survives their newer
    // records, and only their row has it.
    assert!(roster.set_practical(&device().public(), Some(77)));
    assert!(roster.set_certificate(&device().public(), "FAC1:CERT".into()));
    use firstaid::records::assess::Mark;
    assert!(roster.assess(&device().public(), |a| {
        a.set_mark("choking", "back-blows", Some(Mark::Passed), 78)
    }));
    assert!(!roster.assess(&KeyPair::from_seed([9; 32]).public(), |_| {}));
    let newer = compose(&l.sources(), &device(), Some(&a), T0 as u64 + 11_000_000).unwrap();
    assert_eq!(roster.add_verified(&newer, 4, &before), Added::Updated);
    assert_eq!(roster.entries[0].practical_passed_at_ms, Some(77));
    assert_eq!(roster.entries[0].certificate.as_deref(), Some("FAC1:CERT"));
    let marks = roster.entries[0].assessments.of("choking").unwrap();
    assert_eq!(marks.mark("back-blows"), Some(Mark::Passed));
    assert!(!roster.set_practical(&KeyPair::from_seed([9; 32]).public(), Some(1)));
    assert!(roster.set_practical(&device().public(), None));
    assert_eq!(roster.entries[0].practical_passed_at_ms, None);
}

#[test]
fn a_damaged_stored_key_makes_the_data_unreadable_instead_of_being_replaced() {
    use firstaid::records::stored::RecordsData;
    let good = format!(r#"{{"learner":{{"key":"{}"}}}}"#, "2a".repeat(32));
    let r: RecordsData = serde_json::from_str(&good).unwrap();
    assert!(r.learner.key.is_some());
    for bad in ["", "2a", "zz", &"2a".repeat(33)] {
        for side in ["learner", "instructor"] {
            let text = format!(r#"{{"{side}":{{"key":"{bad}"}}}}"#);
            let e = serde_json::from_str::<RecordsData>(&text).unwrap_err();
            assert!(e.to_string().contains("64 hexadecimal digits"), "{e}");
        }
    }
}

#[test]
fn a_learner_keeps_each_certificate_once() {
    use firstaid::records::stored::LearnerData;
    let mut l = LearnerData::default();
    assert!(l.keep_certificate("FAC1:A"));
    assert!(!l.keep_certificate("FAC1:A"));
    assert!(l.keep_certificate("FAC1:B"));
    assert_eq!(l.certificates, ["FAC1:A", "FAC1:B"]);
}
