//! The practical exam in the class export: a statement per checklist
//! marked to the end, passed or failed with what needs practice; valid
//! xAPI; stable ids; nothing for a checklist still being marked.

use super::{assert_valid, common, curriculum, to_json};
use firstaid::records::assess::{Assessments, Mark};
use firstaid::xapi::{practical_statements, registration, ExportOptions};
use serde_json::json;

#[test]
fn each_checklist_marked_to_the_end_is_one_statement() {
    let c = curriculum();
    let r = common::records::typical();
    let lists = &c.checklists;
    let mut marks = Assessments::default();
    // The first checklist all passed; the third with one item that needs
    // practice; the second only half marked.
    for item in &lists[0].items {
        marks.set_mark(
            &lists[0].id,
            &item.id,
            Some(Mark::Passed),
            1_800_000_000_000,
        );
    }
    for (i, item) in lists[2].items.iter().enumerate() {
        let m = if item.id == "back-blows" {
            Mark::Practice
        } else {
            Mark::Passed
        };
        marks.set_mark(
            &lists[2].id,
            &item.id,
            Some(m),
            1_800_000_100_000 + i as i64,
        );
    }
    for item in lists[1].items.iter().take(2) {
        marks.set_mark(
            &lists[1].id,
            &item.id,
            Some(Mark::Passed),
            1_800_000_200_000,
        );
    }
    let opts = ExportOptions::default();
    let statements = practical_statements(&r, &marks, &c, &opts).unwrap();
    let values = to_json(&statements);
    assert_valid(&values);
    assert_eq!(
        values.len(),
        2,
        "the half-marked checklist is not a result yet"
    );

    let verb = |v: &serde_json::Value| {
        v["verb"]["id"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .to_owned()
    };
    assert_eq!(
        values.iter().map(verb).collect::<Vec<_>>(),
        ["passed", "failed"]
    );
    let passed = &values[0];
    assert_eq!(
        passed["object"]["id"],
        "https://firstaid.example/xapi/activities/checklist/adult-cpr-aed"
    );
    assert_eq!(
        passed["object"]["definition"]["name"],
        json!({"en-US": "Practical exam: Adult CPR with an AED", "zh-CN": "实操考核：成人心肺复苏与AED"})
    );
    assert_eq!(passed["result"], json!({ "success": true }));
    assert_eq!(passed["timestamp"], "2027-01-15T08:00:00.000Z");
    assert!(
        passed["context"]["contextActivities"].is_null(),
        "cmi5 allowed, not cmi5 defined"
    );

    let failed = &values[1];
    assert_eq!(
        failed["result"],
        json!({ "success": false, "response": "needs practice: back-blows" })
    );
    let last = 1_800_000_100_000 + lists[2].items.len() as i64 - 1;
    assert_eq!(failed["timestamp"], firstaid::time::format_iso(last));
    let reg = registration(r.body.assignment.as_ref().unwrap(), &r.body.key);
    assert!(values.iter().all(|s| s["context"]["registration"] == reg));

    // Exporting again gives the same ids; another result, another id.
    let again = practical_statements(&r, &marks, &c, &opts).unwrap();
    assert_eq!(statements[0].id, again[0].id);
    marks.set_mark(
        &lists[2].id,
        "back-blows",
        Some(Mark::Passed),
        1_800_000_300_000,
    );
    let later = practical_statements(&r, &marks, &c, &opts).unwrap();
    assert_eq!(later[1].verb.id, "http://adlnet.gov/expapi/verbs/passed");
    assert_ne!(later[1].id, statements[1].id);

    // Nothing marked, nothing exported.
    assert!(practical_statements(&r, &Assessments::default(), &c, &opts)
        .unwrap()
        .is_empty());
}
