//! Plain words (guideline reference §9, issue #14): learner-facing fields
//! carry the instruction only (no guideline, source or review wording), one
//! term per idea across the lessons, the questions and the coach (the
//! glossary), subtitles that are the glossary's clinical terms, the
//! sentence-length limits over every learner-facing field, and the
//! questions the instructor area lists as held back from exams.
#![cfg(not(target_arch = "wasm32"))]

use firstaid::content::glossary::{Glossary, Term, Words};
use firstaid::content::lint::{lint, render, Part};
use firstaid::content::plain::{attributions, problems, text_problems};
use firstaid::content::*;
use firstaid::settings::Lang;

fn curriculum() -> Curriculum {
    Curriculum::embedded().expect("the content parses")
}

fn text(zh: &str, en: &str) -> Text {
    Text {
        zh: zh.into(),
        en: en.into(),
    }
}

/// The problems of `c` that the plain-words rules report.
fn plain(c: &Curriculum) -> Vec<String> {
    problems(c)
}

/// A change that breaks the curriculum in one place.
type Break = Box<dyn Fn(&mut Curriculum)>;

fn lesson_mut<'a>(c: &'a mut Curriculum, id: &str) -> &'a mut Lesson {
    c.lessons.iter_mut().find(|l| l.id == id).unwrap()
}

fn question_mut<'a>(c: &'a mut Curriculum, id: &str) -> &'a mut Question {
    c.questions.iter_mut().find(|q| q.id == id).unwrap()
}

#[test]
fn the_shipped_content_keeps_the_plain_words_rules() {
    let found = plain(&curriculum());
    assert!(found.is_empty(), "{}", found.join("\n"));
}

// ---------------------------------------------------------------------------
// Instruction only

#[test]
fn attributions_finds_guideline_names_review_wording_and_source_keys() {
    let keys = ["A1", "C4", "D"];
    let found = |t: &str| attributions(t, &keys);
    assert_eq!(found("按ERC 2025指南，先吹5口气。"), ["ERC", "指南"]);
    assert_eq!(found("Following AHA 2025, push."), ["AHA"]);
    assert_eq!(
        found("The RCSC wording is not yet verified."),
        ["RCSC", "verified"]
    );
    assert_eq!(
        found("这一步尚未核实，请救护师资核对。"),
        ["核实", "救护师资"]
    );
    assert_eq!(
        found("As the American Red Cross says (A1)."),
        ["red cross", "source key A1"]
    );
    assert_eq!(found("Your guideline teaches this."), ["guideline"]);
    // Whole words only: an AED is not "ERC", "CD4" is not "C4", and a
    // one-letter key is never looked for.
    assert!(found("Switch on the AED. Push 5 cm. Plan D.").is_empty());
    assert!(found("MERCY; CD4; C45").is_empty());
    assert!(found("拨打120，马上开始心肺复苏。").is_empty());
}

#[test]
fn a_learner_facing_field_naming_a_guideline_is_rejected_wherever_it_is() {
    let base = curriculum();
    let cases: Vec<(&str, Break)> = vec![
        (
            "question recognise-and-call.gasping prompt (en)",
            Box::new(|c| {
                question_mut(c, "recognise-and-call.gasping").prompt.en =
                    "Under ERC 2025, is this breathing?".into()
            }),
        ),
        (
            "question recognise-and-call.gasping explanation (zh)",
            Box::new(|c| {
                question_mut(c, "recognise-and-call.gasping")
                    .explanation
                    .zh
                    .push_str("（按AHA 2025指南。）")
            }),
        ),
        (
            "question after-care.turn-order option ",
            Box::new(|c| {
                question_mut(c, "after-care.turn-order").options[0].text.en =
                    "As IFRC 2020 says, arm out".into()
            }),
        ),
        (
            "adult-cpr/rate [",
            Box::new(|c| {
                let s = &mut lesson_mut(c, "adult-cpr").steps;
                let step = s.iter_mut().find(|s| s.id == "rate").unwrap();
                step.variants[0]
                    .text
                    .zh
                    .push_str("这一步尚未核实，请救护师资核对。")
            }),
        ),
        (
            "adult-cpr summary (en)",
            Box::new(|c| {
                lesson_mut(c, "adult-cpr")
                    .summary
                    .en
                    .push_str(" It follows the guidelines of the RCSC (C2).")
            }),
        ),
    ];
    for (at, break_it) in cases {
        let mut c = base.clone();
        break_it(&mut c);
        let found = plain(&c);
        assert!(
            found
                .iter()
                .any(|p| p.starts_with(at) && p.contains("names a guideline")),
            "{at}: {found:?}"
        );
    }
}

#[test]
fn the_layer_and_the_objectives_may_name_guidelines() {
    let mut c = curriculum();
    let l = lesson_mut(&mut c, "adult-cpr");
    l.objectives[0].text.en = "Push in the order your guideline teaches (AHA 2025).".into();
    let step = &mut l.steps[0];
    step.differs = Some(text(
        "AHA 2025与ERC 2025不同；中国红十字会尚未核实。",
        "AHA 2025 and ERC 2025 differ; RCSC is not yet verified.",
    ));
    step.review = Some(text(
        "请救护师资核实。",
        "An instructor must check it (A1).",
    ));
    let found = plain(&c);
    assert!(found.is_empty(), "{found:?}");
}

// ---------------------------------------------------------------------------
// One term per idea

fn glossary() -> Glossary {
    Glossary {
        terms: vec![
            Term {
                id: "chest".into(),
                idea: "the chest".into(),
                term: text("胸口", "chest"),
                avoid: Words {
                    zh: vec!["胸部".into()],
                    en: vec!["thorax".into()],
                },
                clinical: None,
            },
            Term {
                id: "chest-thrusts".into(),
                idea: "thrusts on the chest".into(),
                term: text("胸部冲击", "chest thrust"),
                avoid: Words::default(),
                clinical: None,
            },
            Term {
                id: "compressions".into(),
                idea: "pushing".into(),
                term: text("按压", "push"),
                avoid: Words {
                    zh: vec!["胸外按压".into()],
                    en: vec!["compression".into()],
                },
                clinical: None,
            },
        ],
    }
}

fn avoided(lang: Lang, t: &str) -> Vec<String> {
    glossary()
        .misuses(lang, t)
        .into_iter()
        .map(|m| m.word.to_owned())
        .collect()
}

#[test]
fn avoided_words_are_found_as_documented() {
    use Lang::{En, ZhCn};
    assert_eq!(avoided(ZhCn, "露出胸部。"), ["胸部"]);
    // Inside a term it is the term: 胸部 in 胸部冲击.
    assert!(avoided(ZhCn, "做胸部冲击5次。").is_empty());
    assert_eq!(avoided(ZhCn, "做胸部冲击，露出胸部。"), ["胸部"]);
    // A term inside an avoided word does not excuse it: 按压 in 胸外按压.
    assert_eq!(avoided(ZhCn, "开始胸外按压。"), ["胸外按压"]);
    assert!(avoided(ZhCn, "开始按压。").is_empty());
    // English: whole words, any case, with a plural s.
    assert_eq!(avoided(En, "Start chest Compressions."), ["compression"]);
    assert_eq!(avoided(En, "One compression."), ["compression"]);
    assert!(avoided(En, "No decompression, no compressionist.").is_empty());
    assert_eq!(avoided(En, "The thorax; the chest."), ["thorax"]);
}

#[test]
fn an_avoided_word_in_any_learner_facing_field_is_rejected() {
    let base = curriculum();
    let cases: Vec<(&str, &str, Break)> = vec![
        (
            "choking-infant/infant-back-blows [",
            "\"宝宝\"",
            Box::new(|c| {
                let s = &mut lesson_mut(c, "choking-infant").steps;
                let step = s.iter_mut().find(|s| s.id == "infant-back-blows").unwrap();
                step.text.zh = "给宝宝拍背。".into()
            }),
        ),
        (
            "question recognise-and-call.gasping prompt (en)",
            "\"agonal\"",
            Box::new(|c| {
                question_mut(c, "recognise-and-call.gasping").prompt.en =
                    "Is agonal breathing normal?".into()
            }),
        ),
        (
            "question recognise-and-call.gasping explanation (zh)",
            "\"叫不醒\"",
            Box::new(|c| {
                question_mut(c, "recognise-and-call.gasping").explanation.zh = "他叫不醒。".into()
            }),
        ),
        (
            "scenario recognise-and-call.park (en)",
            "\"unresponsive\"",
            Box::new(|c| {
                c.scenarios[0].text.en = "An unresponsive man.".into();
                c.scenarios[0].id = "recognise-and-call.park".into();
            }),
        ),
        (
            "objective adult-cpr.",
            "\"compression\"",
            Box::new(|c| {
                lesson_mut(c, "adult-cpr").objectives[0].text.en = "Give compressions.".into()
            }),
        ),
    ];
    for (at, word, break_it) in cases {
        let mut c = base.clone();
        break_it(&mut c);
        let found = plain(&c);
        assert!(
            found
                .iter()
                .any(|p| p.starts_with(at) && p.contains(word) && p.contains("glossary's term")),
            "{at}: {found:?}"
        );
    }
}

fn step_mut<'a>(c: &'a mut Curriculum, id: &str) -> &'a mut Step {
    let steps = &mut lesson_mut(c, "choking-infant").steps;
    steps.iter_mut().find(|s| s.id == id).unwrap()
}

/// A picture's description (`alt`, read out by a screen reader) keeps the
/// glossary's terms and names no guideline, in both languages, on the
/// step and on a profile's own picture.
#[test]
fn a_pictures_description_with_an_avoided_word_is_rejected() {
    let base = curriculum();
    let cases: Vec<(&str, &str, Break)> = vec![
        (
            "choking-infant/infant-back-blows alt (zh)",
            "uses \"宝宝\"",
            Box::new(|c| {
                step_mut(c, "infant-back-blows").alt.as_mut().unwrap().zh =
                    "宝宝趴在前臂上。".into()
            }),
        ),
        (
            "choking-infant/infant-back-blows alt (en)",
            "uses \"infant\"",
            Box::new(|c| {
                step_mut(c, "infant-back-blows").alt.as_mut().unwrap().en =
                    "An infant lies face down.".into()
            }),
        ),
        (
            "choking-infant/infant-chest-thrusts [",
            "uses \"胸部\"",
            Box::new(|c| {
                let s = step_mut(c, "infant-chest-thrusts");
                let v = s.variants.iter_mut().find(|v| v.alt.is_some()).unwrap();
                v.alt.as_mut().unwrap().zh = "两个大拇指压在胸部。".into()
            }),
        ),
        (
            "choking-infant/infant-back-blows alt (en)",
            "names a guideline",
            Box::new(|c| {
                step_mut(c, "infant-back-blows").alt.as_mut().unwrap().en =
                    "Back blows, as ERC 2025 teaches.".into()
            }),
        ),
    ];
    assert!(plain(&base).is_empty());
    for (at, what, break_it) in cases {
        let mut c = base.clone();
        break_it(&mut c);
        let found = plain(&c);
        assert!(
            found
                .iter()
                .any(|p| p.starts_with(at) && p.contains(" alt (") && p.contains(what)),
            "{at}: {found:?}"
        );
    }
}

/// A picture's description is not a sentence the learner reads in the
/// lesson: the sentence-length lint leaves it out.
#[test]
fn a_long_pictures_description_is_not_measured() {
    let mut c = curriculum();
    let before = lint(&c);
    let steps = &mut lesson_mut(&mut c, "choking-infant").steps;
    let s = steps.iter_mut().find(|s| s.alt.is_some()).unwrap();
    s.alt.as_mut().unwrap().en = format!("{}.", ["word"; 40].join(" "));
    assert_eq!(render(&lint(&c)), render(&before));
    assert!(plain(&c).is_empty());
}

#[test]
fn the_glossary_itself_is_checked() {
    let mut g = glossary();
    assert!(g.problems().is_empty(), "{:?}", g.problems());
    g.terms.push(g.terms[0].clone());
    g.terms[1].avoid.zh.push("胸口".into());
    let found = g.problems();
    assert!(
        found.iter().any(|p| p.contains("id used twice")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.contains("avoids \"胸口\", which is a term")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|p| p.contains("is avoided twice")),
        "{found:?}"
    );
    let shipped = curriculum().glossary;
    assert!(shipped.terms.len() >= 15, "the glossary is seeded");
    for id in ["gasping", "chest", "choking", "baby"] {
        assert!(shipped.terms.iter().any(|t| t.id == id), "{id}");
    }
}

#[test]
fn a_subtitle_is_the_clinical_term_of_a_term_its_title_uses() {
    let c = curriculum();
    let choking = c.lesson("choking-adult-child").unwrap();
    let sub = choking
        .subtitle
        .as_ref()
        .expect("the choking lesson has a subtitle");
    assert_eq!(sub.zh, "气道异物梗阻");
    assert!(choking.title.zh.contains("被噎住"), "a plain title");
    // The clinical term sits in the subtitle only: it uses an avoided word.
    let t = text("被噎住", "Choking");
    assert!(!text_problems("x", sub, false, &c.glossary, &[]).is_empty());
    assert!(text_problems("x", &t, false, &c.glossary, &[]).is_empty());

    let mut wrong = c.clone();
    lesson_mut(&mut wrong, "adult-cpr").subtitle = Some(sub.clone());
    let found = plain(&wrong);
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("lesson adult-cpr: its subtitle")),
        "{found:?}"
    );
}

/// The coach's lines (the locale files' `coach.*`) keep the same rules as
/// the lessons: the same terms, and no guideline or review wording.
#[test]
fn the_coach_uses_the_lessons_terms_and_no_attribution() {
    let c = curriculum();
    let keys: Vec<&str> = c.sources.iter().map(|s| s.key.as_str()).collect();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");
    let read = |f: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/{f}")).unwrap()).unwrap()
    };
    let (zh, en) = (read("zh-CN.json"), read("en.json"));
    fn leaves(prefix: String, v: &serde_json::Value, out: &mut Vec<(String, String)>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    leaves(format!("{prefix}.{k}"), v, out);
                }
            }
            serde_json::Value::String(s) => out.push((prefix, s.clone())),
            _ => {}
        }
    }
    let (mut zl, mut el) = (Vec::new(), Vec::new());
    leaves("coach".into(), &zh["coach"], &mut zl);
    leaves("coach".into(), &en["coach"], &mut el);
    assert!(zl.len() > 60, "the coach's lines are read");
    let en: std::collections::BTreeMap<String, String> = el.into_iter().collect();
    let mut found = Vec::new();
    for (key, z) in &zl {
        let e = en.get(key).expect("both languages have the line");
        found.extend(text_problems(key, &text(z, e), true, &c.glossary, &keys));
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
    // And the check bites on a coach line.
    let bad = text(
        "用力按压胸部。",
        "Give compressions, as the guideline says.",
    );
    assert_eq!(
        text_problems("coach.x", &bad, true, &c.glossary, &keys).len(),
        3
    );
}

// ---------------------------------------------------------------------------
// Sentence lengths over every learner-facing field

#[test]
fn every_learner_facing_sentence_keeps_to_the_limits() {
    let r = lint(&curriculum());
    let report = render(&r);
    for part in &r.parts {
        assert!(part.sentences > 300, "{report}");
        assert!(part.over_hard.is_empty(), "{report}");
        assert!(part.over_soft <= part.budget(), "{report}");
    }
    assert_eq!(r.parts.len(), 4);
}

#[test]
fn a_long_question_sentence_is_over_the_hard_limit() {
    let mut c = curriculum();
    let long_zh = "一".repeat(41) + "。";
    let long_en = vec!["word"; 26].join(" ") + ".";
    question_mut(&mut c, "recognise-and-call.gasping").explanation = text(&long_zh, &long_en);
    c.scenarios[0].text.en = vec!["and"; 30].join(" ");
    let r = lint(&c);
    let zh = r.get(Lang::ZhCn, Part::Questions);
    let en = r.get(Lang::En, Part::Questions);
    assert_eq!(zh.over_hard.len(), 1, "{}", render(&r));
    assert_eq!(zh.over_hard[0].length, 41);
    assert_eq!(
        zh.over_hard[0].at,
        "question recognise-and-call.gasping explanation"
    );
    let ats: Vec<&str> = en.over_hard.iter().map(|s| s.at.as_str()).collect();
    assert_eq!(
        ats,
        [
            format!("scenario {}", c.scenarios[0].id).as_str(),
            "question recognise-and-call.gasping explanation"
        ]
    );
    assert!(r.get(Lang::ZhCn, Part::Lessons).over_hard.is_empty());
    assert!(render(&r).contains("zh questions: "));
}

// ---------------------------------------------------------------------------
// Questions held back from exams

/// The instructor area lists exactly the questions exams leave out, each
/// with the note that says why; no shipped blueprint ever draws one.
#[test]
fn the_held_list_is_what_exams_leave_out() {
    use firstaid::content::validate::EXAM_HOLD_PHRASE;
    use firstaid::quiz::exam::draw;
    let c = curriculum();
    let held: Vec<&Question> = c.held_from_exams().collect();
    assert!(!held.is_empty());
    let flagged: Vec<&str> = c
        .questions
        .iter()
        .filter(|q| q.exam_hold)
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(
        held.iter().map(|q| q.id.as_str()).collect::<Vec<_>>(),
        flagged
    );
    for q in &held {
        let note = q.review.as_ref().expect("a held question says why");
        assert!(note.en.contains(EXAM_HOLD_PHRASE), "{}", q.id);
    }
    for bp in &c.blueprints {
        for seed in 0..200 {
            let exam = draw(&c, CONTENT_VERSION, bp, seed).unwrap();
            assert!(
                exam.iter().all(|e| held.iter().all(|h| h.id != e.question)),
                "{} {seed}",
                bp.id
            );
        }
    }
}
