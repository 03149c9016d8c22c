//! Certificates the app's way: as links (`credentials::link`: the QR text
//! travels in a link's fragment and comes back exactly; JSON is checked as
//! it is), and issued to a learner on a class roster
//! (`credentials::roster`).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use firstaid::credentials::badge::{self, verify::verify_credential};
use firstaid::credentials::link::{credential_text, link};

#[test]
fn a_certificate_travels_as_a_link_and_comes_back_from_it() {
    let qr = badge::to_qr_text(&badge::example()).unwrap();
    // base45 has a space and a '%', which a link escapes.
    let l = link("https://firstaid.example", &qr);
    assert!(l.starts_with("https://firstaid.example/certificate#FAC3:"));
    assert!(!l.contains(' '));
    assert_eq!(credential_text(&l), qr);
    assert_eq!(credential_text(&format!("  {qr}\n")), qr);
    // JSON is taken as it is: its verification method has a '#'.
    let json = serde_json::to_string(&badge::example()).unwrap();
    assert!(json.contains('#'));
    assert_eq!(credential_text(&format!("\u{feff}{json}")), json);
    let now = badge::example_input().valid_from_ms + 1000;
    let from_link = verify_credential(&credential_text(&l), now).unwrap();
    let from_json = verify_credential(&credential_text(&json), now).unwrap();
    assert_eq!(from_link, from_json);
    // A version 1 certificate's link (FAC1:) still opens and verifies.
    let golden: serde_json::Value =
        serde_json::from_str(include_str!("golden/credential-v1.json")).unwrap();
    let v1 = golden["qr"].as_str().unwrap();
    let l = link("https://firstaid.example", v1);
    assert!(l.starts_with("https://firstaid.example/certificate#FAC1:"));
    assert_eq!(credential_text(&l), v1);
    let old = verify_credential(&credential_text(&l), now).unwrap();
    assert_eq!(old.learner_name, from_json.learner_name);
    assert_eq!(old.issuer_key, from_json.issuer_key);
    assert!(old.results.is_empty() && !from_json.results.is_empty());
}

#[test]
fn a_roster_learner_gets_a_certificate_with_their_name_hashed_number_guideline_and_two_years() {
    use firstaid::content::CONTENT_VERSION;
    use firstaid::credentials::roster::{certificate_input, RosterLearner};
    use firstaid::profile::ProfileId;
    use firstaid::records::assess::{Assessments, Mark};
    use firstaid::records::example;
    use firstaid::records::keys::KeyPair;
    use firstaid::records::verify::verify;
    use firstaid::time::{add_years, parse_iso};
    let c = common::embedded();
    let record = example::record(&c, CONTENT_VERSION);
    let assignment = example::assignment(&c, CONTENT_VERSION);
    let number = record
        .body
        .learner
        .number
        .clone()
        .expect("the example has a number");
    let blueprint = assignment
        .body
        .exam
        .as_ref()
        .expect("an exam")
        .blueprint
        .clone();
    let profile = c.blueprint(&blueprint).unwrap().profile;
    // The fallback is another profile: the exam's wins.
    let fallback = [ProfileId::Rcsc, ProfileId::Aha, ProfileId::Erc]
        .into_iter()
        .find(|p| *p != profile)
        .unwrap();
    let now = parse_iso("2026-11-29T09:30:00.000Z").unwrap();
    // The roster's row: the verdict's re-scored percents, every item of
    // every checklist marked passed.
    let verdict = verify(&record, &c, CONTENT_VERSION, Some(&assignment));
    assert!(verdict.ok());
    let mut marks = Assessments::default();
    for list in &c.checklists {
        for item in &list.items {
            marks.set_mark(&list.id, &item.id, Some(Mark::Passed), now);
        }
    }
    let learner = RosterLearner {
        record: &record,
        exam_percents: &verdict.exam_percents,
        assessments: &marks,
    };
    let input = certificate_input(&learner, &assignment, &c, "Ms Chen", fallback, now, [7; 32]);
    assert_eq!(input.profile, profile);
    assert_eq!(input.valid_until_ms, Some(add_years(now, 2)));
    assert_eq!(input.valid_until_ms, parse_iso("2028-11-29T09:30:00.000Z"));
    let key = KeyPair::from_seed([5; 32]);
    let credential = badge::issue(&input, &key).unwrap();
    assert_eq!(badge::schema::check(&credential), Ok(()));
    let v = verify_credential(&badge::to_qr_text(&credential).unwrap(), now + 1000).unwrap();
    assert_eq!(
        v.learner_name.as_deref(),
        Some(record.body.learner.name.as_str())
    );
    assert_eq!(v.issuer_name.as_deref(), Some("Ms Chen"));
    assert_eq!(v.issuer_key, key.public());
    assert_eq!(v.profile, Some(profile));
    // What was assessed: the assignment's pass mark (the blueprint's in the
    // content), the best re-scored exam, each checklist completed.
    let required = assignment.body.exam.as_ref().unwrap().pass_percent;
    assert_eq!(required, c.blueprint(&blueprint).unwrap().pass_percent);
    let best = record
        .body
        .exams
        .iter()
        .zip(&verdict.exam_percents)
        .filter(|(e, _)| e.blueprint == blueprint)
        .filter_map(|(_, p)| *p)
        .max()
        .unwrap();
    assert!(best >= required);
    assert!(v
        .criteria
        .as_deref()
        .unwrap()
        .contains(&format!("pass mark {required}%")));
    assert_eq!(v.results.len(), 1 + c.checklists.len());
    assert_eq!(v.results[0].value, Some(best.to_string()));
    assert_eq!(v.results[0].required_value, Some(required.to_string()));
    assert!(v.results[1..].iter().all(|r| r.completed()));
    // A checklist one item short of passed has no result; an instructor's
    // other pass mark is the one stated.
    let mut short = marks.clone();
    let first = &c.checklists[0];
    short.set_mark(&first.id, &first.items[0].id, Some(Mark::Practice), now);
    let mut stricter = assignment.clone();
    stricter.body.exam.as_mut().unwrap().pass_percent = best;
    let input = certificate_input(
        &RosterLearner {
            assessments: &short,
            ..learner
        },
        &stricter,
        &c,
        "Ms Chen",
        fallback,
        now,
        [7; 32],
    );
    assert_eq!(input.assessed.pass_percent, best);
    assert_eq!(input.assessed.exam_percent, Some(best));
    assert!(!input.assessed.checklists[0].passed);
    let v = verify_credential(
        &badge::to_qr_text(&badge::issue(&input, &key).unwrap()).unwrap(),
        now + 1000,
    )
    .unwrap();
    assert_eq!(v.results.len(), c.checklists.len());
    assert!(!v
        .results
        .iter()
        .any(|r| r.description_id.ends_with(&first.id)));
    // The number is in it only hashed: it matches the known number, and
    // the plain number appears nowhere.
    assert!(v
        .identifiers
        .iter()
        .any(|i| i.hashed && i.matches("identifier", &number)));
    assert!(!v
        .identifiers
        .iter()
        .any(|i| i.matches("identifier", "someone else")));
    assert!(!serde_json::to_string(&credential)
        .unwrap()
        .contains(&number));
    // Expired two years on.
    assert!(verify_credential(
        &badge::to_qr_text(&credential).unwrap(),
        add_years(now, 2) + 1000
    )
    .is_err());
    // Without an exam in the assignment, the instructor's profile; without
    // a number, no identifier but the name.
    let mut plain = assignment.clone();
    plain.body.exam = None;
    let mut nameless = record.clone();
    nameless.body.learner.number = None;
    let input = certificate_input(
        &RosterLearner {
            record: &nameless,
            ..learner
        },
        &plain,
        &c,
        "Ms Chen",
        fallback,
        now,
        [8; 32],
    );
    assert_eq!(input.profile, fallback);
    assert!(input.learner_identifier.is_none());
    // The pass mark stated is then the fallback profile's course exam's,
    // from the content; the example's exam is of another blueprint.
    let course = c
        .blueprint(&format!("course-{}", fallback.as_str()))
        .unwrap();
    assert_eq!(input.assessed.pass_percent, course.pass_percent);
    assert_eq!(input.assessed.exam_percent, None);
    assert_eq!(
        badge::schema::check(&badge::issue(&input, &key).unwrap()),
        Ok(())
    );
    // Other random bytes, another credential id.
    let a = badge::issue(
        &certificate_input(&learner, &assignment, &c, "Ms Chen", fallback, now, [1; 32]),
        &key,
    )
    .unwrap();
    let b = badge::issue(
        &certificate_input(&learner, &assignment, &c, "Ms Chen", fallback, now, [2; 32]),
        &key,
    )
    .unwrap();
    assert_ne!(a["id"], b["id"]);
}

#[test]
fn a_certificate_from_a_phone_whose_clock_runs_ahead_is_accepted_within_five_minutes() {
    use firstaid::credentials::badge::CredentialError;
    use firstaid::credentials::link::{verify_on_this_phone, CLOCK_SKEW_MS};
    let qr = badge::to_qr_text(&badge::example()).unwrap();
    let from = badge::example_input().valid_from_ms / 1000 * 1000;
    assert!(verify_on_this_phone(&qr, from - CLOCK_SKEW_MS).is_ok());
    assert!(matches!(
        verify_on_this_phone(&qr, from - CLOCK_SKEW_MS - 1),
        Err(CredentialError::NotYetValid(_))
    ));
    // The pure check itself stays exact.
    assert!(matches!(
        verify_credential(&qr, from - 1),
        Err(CredentialError::NotYetValid(_))
    ));
}
