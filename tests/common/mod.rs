//! Helpers shared by the quiz engine's test files: the embedded curriculum,
//! a small hand-built curriculum, blueprints and responses of known worth.
#![allow(dead_code)]

pub mod cli;
pub mod locales;

use firstaid::content::{
    Choice, Curriculum, Group, Lesson, Objective, Question, QuestionType, Region, Scenario,
    SourceRef, Text,
};
use firstaid::profile::ProfileId;
use firstaid::quiz::blueprint::{Blueprint, Section, FORMAT, VERSION};
use firstaid::quiz::scoring::Response;

/// The content version the golden files and hand-built tests use, so that
/// edits to the content's wording do not change them.
pub const FIXED_VERSION: &str = "sha256:0000000000000000";

pub fn embedded() -> Curriculum {
    Curriculum::embedded()
        .unwrap_or_else(|problems| panic!("content does not parse:\n{}", problems.join("\n")))
}

pub fn text(s: &str) -> Text {
    Text {
        zh: format!("{s}（中文）"),
        en: s.to_owned(),
    }
}

pub fn ids(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_owned()).collect()
}

/// A blueprint of `(lessons, objectives, count)` sections, pass mark 80%, no
/// time limit.
pub fn blueprint(profile: ProfileId, sections: &[(&[&str], &[&str], u32)]) -> Blueprint {
    Blueprint {
        format: FORMAT.into(),
        version: VERSION,
        id: "test".into(),
        title: None,
        profile,
        pass_percent: 80,
        time_limit_minutes: None,
        sections: sections
            .iter()
            .map(|(l, o, count)| Section {
                lessons: ids(l),
                objectives: ids(o),
                count: *count,
            })
            .collect(),
    }
}

fn lesson(id: &str, order: u32, objectives: &[&str]) -> Lesson {
    Lesson {
        id: id.into(),
        group: Group::Cpr,
        order,
        minutes: 5,
        title: text(id),
        subtitle: None,
        summary: text(id),
        objectives: objectives
            .iter()
            .map(|o| Objective {
                id: format!("{id}.{o}"),
                text: text(o),
            })
            .collect(),
        steps: vec![],
    }
}

/// Options `(id, correct)`; `None` for ordering steps (authored in order).
fn q(
    id: &str,
    objective: &str,
    profiles: &[ProfileId],
    kind: QuestionType,
    options: &[(&str, Option<bool>)],
) -> Question {
    let lesson = id.split('.').next().unwrap().to_owned();
    Question {
        id: id.into(),
        objective: format!("{lesson}.{objective}"),
        lesson,
        profiles: profiles.to_vec(),
        check: false,
        kind,
        prompt: text(id),
        explanation: text("because"),
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
            .map(|(id, correct)| Choice {
                id: (*id).into(),
                text: text(id),
                correct: *correct,
            })
            .collect(),
        answer: match kind {
            QuestionType::TrueFalse => Some(id.len() % 2 == 0),
            _ => None,
        },
        image: None,
        regions: match kind {
            QuestionType::Hotspot => vec![
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
            ],
            _ => vec![],
        },
    }
}

/// A small curriculum built by hand: three lessons, every question type, a
/// two-question and a three-question scenario, questions that apply to some
/// profiles only, and a two-step ordering question.
pub fn tiny() -> Curriculum {
    use ProfileId::*;
    use QuestionType::*;
    let all = &[Rcsc, Aha, Erc][..];
    let t = Some(true);
    let f = Some(false);
    let abc = &[("a", t), ("b", f), ("c", f)][..];
    let steps = &[("s1", None), ("s2", None), ("s3", None), ("s4", None)][..];
    let mut questions = vec![
        q("alpha.q1", "one", all, Single, abc),
        q(
            "alpha.q2",
            "two",
            &[Rcsc, Aha],
            Multiple,
            &[("a", t), ("b", t), ("c", f), ("d", f)],
        ),
        q("alpha.q3", "one", all, TrueFalse, &[]),
        q("alpha.q4", "two", all, Order, steps),
        q("alpha.q5", "one", &[Erc], Hotspot, &[]),
        q("alpha.s1", "one", all, Single, &[("x", f), ("y", t)]),
        q("alpha.s2", "two", all, TrueFalse, &[]),
        q(
            "beta.q1",
            "one",
            all,
            Single,
            &[("a", f), ("b", f), ("c", t), ("d", f)],
        ),
        q("beta.q2", "one", &[Aha, Erc], Order, &steps[..3]),
        q(
            "beta.q3",
            "two",
            all,
            Multiple,
            &[("a", t), ("b", f), ("c", t)],
        ),
        q("beta.q4", "two", &[Rcsc], TrueFalse, &[]),
        q("beta.t1", "one", all, Single, abc),
        q("beta.t2", "two", all, Single, abc),
        q("beta.t3", "one", all, Order, steps),
        q("gamma.q1", "one", all, Single, abc),
        q("gamma.q2", "one", all, Hotspot, &[]),
        q("gamma.pair", "one", all, Order, &steps[..2]),
        q(
            "gamma.q3",
            "one",
            &[Aha],
            Multiple,
            &[("a", t), ("b", t), ("c", t)],
        ),
    ];
    for qu in &mut questions {
        if qu.id.starts_with("alpha.s") {
            qu.scenario = Some("alpha.case".into());
        }
        if qu.id.starts_with("beta.t") {
            qu.scenario = Some("beta.case".into());
        }
    }
    Curriculum {
        sources: vec![],
        lessons: vec![
            lesson("alpha", 1, &["one", "two"]),
            lesson("beta", 2, &["one", "two"]),
            lesson("gamma", 3, &["one"]),
        ],
        questions,
        scenarios: vec![
            Scenario {
                id: "alpha.case".into(),
                lesson: "alpha".into(),
                text: text("a two-question case"),
            },
            Scenario {
                id: "beta.case".into(),
                lesson: "beta".into(),
                text: text("a three-question case"),
            },
        ],
        blueprints: vec![],
        checklists: vec![],
        illustrations: Default::default(),
        glossary: Default::default(),
    }
}

/// The answer that earns full marks.
pub fn correct_response(q: &Question) -> Response {
    firstaid::quiz::scoring::correct_response(q).expect("an answer key")
}

/// A valid answer that earns nothing.
pub fn wrong_response(q: &Question) -> Response {
    match q.kind {
        QuestionType::Single => Response::Choices(vec![q
            .options
            .iter()
            .find(|o| o.correct != Some(true))
            .expect("a wrong option")
            .id
            .clone()]),
        QuestionType::Multiple => Response::Choices(vec![]),
        QuestionType::TrueFalse => Response::TrueFalse(!q.answer.expect("answer")),
        QuestionType::Order => {
            Response::Order(q.options.iter().rev().map(|o| o.id.clone()).collect())
        }
        QuestionType::Hotspot => Response::Region(
            q.regions
                .iter()
                .find(|r| !r.correct)
                .expect("a wrong region")
                .id
                .clone(),
        ),
    }
}

/// A valid answer earning partial credit, where the question type allows it.
pub fn partial_response(q: &Question) -> Option<Response> {
    match q.kind {
        QuestionType::Multiple => {
            let correct: Vec<String> = q
                .options
                .iter()
                .filter(|o| o.correct == Some(true))
                .map(|o| o.id.clone())
                .collect();
            (correct.len() >= 2).then(|| Response::Choices(correct[..1].to_vec()))
        }
        QuestionType::Order if q.options.len() >= 3 => {
            let mut order: Vec<String> = q.options.iter().map(|o| o.id.clone()).collect();
            order.swap(0, 1);
            Some(Response::Order(order))
        }
        _ => None,
    }
}

/// Compares `actual` with the committed golden file `tests/golden/<name>`.
/// With `FIRSTAID_BLESS=1` in the environment the file is (re)written
/// instead; never otherwise, so a changed result fails the test.
pub fn check_golden(name: &str, actual: &serde_json::Value) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    let pretty = serde_json::to_string_pretty(actual).expect("JSON") + "\n";
    if std::env::var("FIRSTAID_BLESS").as_deref() == Ok("1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &pretty).unwrap();
        return;
    }
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "golden file {} cannot be read ({e}); run with FIRSTAID_BLESS=1 to write it",
            path.display()
        )
    });
    let expected: serde_json::Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("golden file {} is not JSON: {e}", path.display()));
    assert!(
        &expected == actual,
        "{} differs from the result (if the change is intended, rerun with FIRSTAID_BLESS=1 \
         and review the diff)\n--- golden\n{text}\n--- actual\n{pretty}",
        path.display()
    );
}

/// A typical signed completion record, for the records tests.
pub mod records {
    use super::{embedded, FIXED_VERSION};
    use firstaid::records::example;
    use firstaid::records::keys::KeyPair;
    use firstaid::records::record::Record;

    #[allow(unused_imports)]
    pub use example::T0;

    pub fn key() -> KeyPair {
        example::learner_key()
    }

    /// A typical record: every lesson, one 20-question exam answered right,
    /// one trainer session.
    pub fn typical() -> Record {
        typical_for(FIXED_VERSION)
    }

    /// The typical record written against a content version.
    pub fn typical_for(content_version: &str) -> Record {
        example::record(&embedded(), content_version)
    }

    /// The typical record as a version 1 app signed it (no lesson times).
    #[allow(dead_code)]
    pub fn typical_v1() -> Record {
        let mut body = typical().body;
        body.version = firstaid::records::record::Version::V1;
        for l in &mut body.lessons {
            l.time_spent_ms = None;
        }
        body.sign(&key())
    }
}
