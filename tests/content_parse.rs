//! The bundle parsed in steps (`content::parse::Parsing`, what the app
//! does between tasks) gives the curriculum a whole parse gives, and names
//! the file of every problem.

use firstaid::content::parse::Parsing;
use firstaid::content::{Curriculum, BUNDLE};

#[test]
fn parsing_file_by_file_gives_the_whole_curriculum() {
    let whole = Curriculum::parse(BUNDLE).expect("the embedded content parses");
    let mut parsing = Parsing::new(BUNDLE).expect("the bundle's outline reads");
    let mut steps = 0;
    while parsing.step() {
        steps += 1;
    }
    let (mut stepped, mut bank) = parsing.finish_lessons().expect("every lesson file types");
    let mut bank_steps = 0;
    while bank.step(&mut stepped) {
        bank_steps += 1;
    }
    bank.finish(&mut stepped)
        .expect("every file of the bank types");
    // One step per file: sources, lessons and pictures, then question
    // files, blueprints and checklists (the glossary, which only the
    // validator reads, is not typed by `finish`).
    let bundle: serde_json::Value = serde_json::from_str(BUNDLE).unwrap();
    let question_files = bundle["questions"].as_object().unwrap().len();
    assert_eq!(
        steps,
        1 + whole.lessons.len() + bundle["illustrations"].as_object().unwrap().len()
    );
    assert!(!whole.illustrations.is_empty());
    assert_eq!(
        bank_steps,
        question_files + whole.blueprints.len() + whole.checklists.len()
    );
    assert!(!whole.glossary.terms.is_empty());
    assert_eq!(stepped.glossary, Default::default());
    assert_eq!(
        stepped,
        Curriculum {
            glossary: Default::default(),
            ..whole.clone()
        }
    );
    // Whatever the steps, what the bundle holds: every lesson file once,
    // every question of every file, every checklist (counted from the
    // bundle's JSON, not from a parse).
    let mut lesson_ids: Vec<&str> = bundle["lessons"]
        .as_object()
        .unwrap()
        .values()
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    lesson_ids.sort();
    let mut parsed: Vec<&str> = stepped.lessons.iter().map(|l| l.id.as_str()).collect();
    parsed.sort();
    assert_eq!(parsed, lesson_ids);
    let questions: usize = bundle["questions"]
        .as_object()
        .unwrap()
        .values()
        .map(|f| f["questions"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(stepped.questions.len(), questions);
    // In suggested order, whatever order the files came in.
    let orders: Vec<u32> = stepped.lessons.iter().map(|l| l.order).collect();
    let mut sorted = orders.clone();
    sorted.sort();
    assert_eq!(orders, sorted);
}

#[test]
fn the_lessons_come_without_the_bank_and_the_bank_typed_later_makes_them_whole() {
    let whole = Curriculum::parse(BUNDLE).unwrap();
    let (lessons, bank) = Parsing::new(BUNDLE).unwrap().finish_lessons().unwrap();
    // What the app's first page reads, and nothing of the bank.
    assert_eq!(lessons.lessons, whole.lessons);
    assert_eq!(lessons.sources, whole.sources);
    assert_eq!(lessons.illustrations, whole.illustrations);
    assert!(lessons.questions.is_empty() && lessons.scenarios.is_empty());
    assert!(lessons.blueprints.is_empty() && lessons.checklists.is_empty());
    let mut typed = lessons.clone();
    bank.finish(&mut typed).unwrap();
    assert_eq!(
        typed,
        Curriculum {
            glossary: Default::default(),
            ..whole
        }
    );
}

#[test]
fn a_damaged_file_of_the_bank_does_not_keep_the_lessons_back() {
    let mut b = bundle();
    let file = b["questions"]
        .as_object()
        .unwrap()
        .keys()
        .next()
        .unwrap()
        .clone();
    b["questions"][&file] = serde_json::json!({ "questions": 3 });
    let text = b.to_string();
    let (mut c, bank) = Parsing::new(&text).unwrap().finish_lessons().unwrap();
    assert!(!c.lessons.is_empty());
    let problems = bank.finish(&mut c).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with(&format!("{file}: ")),
        "{problems:?}"
    );
    // A whole parse names it too.
    assert_eq!(Parsing::new(&text).unwrap().finish().unwrap_err(), problems);
}

#[test]
fn finishing_early_types_the_files_left() {
    let whole = Curriculum::parse(BUNDLE).unwrap();
    let mut parsing = Parsing::new(BUNDLE).unwrap();
    assert!(parsing.step());
    assert!(parsing.step());
    assert_eq!(parsing.finish_with_glossary().unwrap(), whole);
}

fn bundle() -> serde_json::Value {
    serde_json::from_str(BUNDLE).unwrap()
}

#[test]
fn a_damaged_file_is_named_and_the_others_still_checked() {
    let mut b = bundle();
    b["lessons"]["lessons/02-adult-cpr.toml"] = serde_json::json!({ "id": 3 });
    b["sources"]["sources"][0]["url"] = serde_json::json!(1);
    let problems = Curriculum::parse(&b.to_string()).unwrap_err();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].starts_with("sources.toml: "), "{problems:?}");
    assert!(
        problems[1].starts_with("lessons/02-adult-cpr.toml: "),
        "{problems:?}"
    );
}

#[test]
fn a_bundle_that_is_not_one_is_one_problem() {
    for text in ["", "[]", "{\"sources\": {}, \"lessons\": {}, \"questions\": {}, \"illustrations\": [1]}", "{\"lessons\": {}}", "{\"sources\": {}, \"lessons\": {}, \"questions\": {}, \"illustrations\": {\"a\": [}}", "{\"sources\": {}, \"lessons\": {}, \"questions\": {}, \"illustrations\": {}, \"colour\": 1}"] {
        let problems = Parsing::new(text).err().expect(text);
        assert_eq!(problems.len(), 1, "{text}: {problems:?}");
        assert!(problems[0].starts_with("bundle: "), "{text}: {problems:?}");
    }
}

#[test]
fn files_are_taken_in_the_order_of_their_names_and_a_name_twice_is_a_problem() {
    // The bundle written with its files in reverse order parses the same.
    let mut text = String::from("{");
    for (i, (key, value)) in bundle().as_object().unwrap().iter().enumerate() {
        let value = match value.as_object() {
            Some(files) if key != "sources" && key != "glossary" => {
                let mut files: Vec<String> = files
                    .iter()
                    .map(|(k, v)| format!("{}: {v}", serde_json::json!(k)))
                    .collect();
                files.reverse();
                format!("{{{}}}", files.join(", "))
            }
            _ => value.to_string(),
        };
        text += &format!("{}\"{key}\": {value}", if i == 0 { "" } else { ", " });
    }
    text += "}";
    let reversed = Parsing::new(&text).unwrap().finish().unwrap();
    let whole = Parsing::new(BUNDLE).unwrap().finish().unwrap();
    assert_eq!(reversed, whole);
    let ids = |c: &Curriculum| c.questions.iter().map(|q| q.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&reversed), ids(&whole));
    // A file named twice.
    let twice = text.replacen("\"lessons\": {", "\"lessons\": {\"x\": {}, \"x\": {}, ", 1);
    assert_ne!(twice, text);
    let problems = Parsing::new(&twice).err().expect("a name twice");
    assert_eq!(problems, ["bundle: lessons: `x` twice"]);
}

#[test]
fn a_file_that_is_not_json_is_named_and_the_others_still_checked() {
    let file = "\"lessons/02-adult-cpr.toml\":{";
    assert!(BUNDLE.contains(file));
    let text = BUNDLE.replacen(file, &format!("{file},"), 1);
    let mut parsing = Parsing::new(&text).expect("the outline reads");
    while parsing.step() {}
    let problems = parsing.finish().unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("lessons/02-adult-cpr.toml: "),
        "{problems:?}"
    );
}

#[test]
fn a_map_of_files_that_is_not_one_is_named_with_its_place_in_the_bundle() {
    let text = r#"{"sources": {}, "lessons": {"a" 1}, "questions": {}, "illustrations": {}}"#;
    let at = text.find("1}").unwrap();
    let problems = Parsing::new(text).err().expect("not a bundle");
    assert_eq!(
        problems,
        [format!("bundle: lessons: expected `:` at byte {at}")]
    );
}

#[test]
fn a_picture_that_is_not_text_is_named_and_the_others_kept() {
    let mut b = bundle();
    let pictures = b["illustrations"].as_object_mut().unwrap();
    let name = pictures.keys().next().unwrap().clone();
    pictures.insert(name.clone(), serde_json::json!({ "svg": 1 }));
    let text = b.to_string();
    let mut parsing = Parsing::new(&text).expect("the outline reads");
    while parsing.step() {}
    let problems = parsing
        .finish_lessons()
        .err()
        .expect("the picture is a problem");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with(&format!("illustrations/{name}: ")),
        "{problems:?}"
    );
}

#[test]
fn a_bundle_without_a_glossary_parses_with_an_empty_one() {
    for glossary in [None, Some(serde_json::Value::Null)] {
        let mut b = bundle();
        let o = b.as_object_mut().unwrap();
        match glossary {
            None => o.remove("glossary"),
            Some(g) => o.insert("glossary".into(), g),
        };
        let c = Curriculum::parse(&b.to_string()).unwrap();
        assert_eq!(c.glossary, Default::default());
    }
}

#[test]
fn a_damaged_glossary_is_named_with_the_other_problems() {
    let mut b = bundle();
    b["glossary"] = serde_json::json!({ "colour": 1 });
    b["lessons"]["lessons/02-adult-cpr.toml"] = serde_json::json!({ "id": 3 });
    let problems = Curriculum::parse(&b.to_string()).unwrap_err();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].starts_with("lessons/02-adult-cpr.toml: "),
        "{problems:?}"
    );
    assert!(problems[1].starts_with("glossary.toml: "), "{problems:?}");
    // The app's parse does not read the glossary.
    let mut only_glossary = bundle();
    only_glossary["glossary"] = serde_json::json!({ "colour": 1 });
    let text = only_glossary.to_string();
    assert!(Parsing::new(&text).unwrap().finish().is_ok());
    assert!(Curriculum::parse(&text).is_err());
}
