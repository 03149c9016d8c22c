//! The validator: every rule can fail; export files; language tags,
//! durations and timestamps by their grammars.

use super::*;

/// A valid statement with every part the validator looks at.
fn full_statement() -> Value {
    let a = activity(vec![], vec![exam(90, T)]);
    let mut s = to_json(&learner_statements(&a, &curriculum(), &ExportOptions::default()).unwrap())
        .remove(0);
    s["context"]["registration"] = json!("6bdcb258-c2cd-434d-a5a4-7cb7a59d55b3");
    s["context"]["language"] = json!("zh-CN");
    s
}

/// Sets (or, with `None`, removes) the value at a JSON pointer.
fn edit(mut v: Value, pointer: &str, to: Option<Value>) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let key = key.replace("~1", "/").replace("~0", "~");
    let target = v.pointer_mut(parent).unwrap_or_else(|| panic!("{parent}"));
    match (target, to) {
        (Value::Object(m), Some(x)) => {
            m.insert(key, x);
        }
        (Value::Object(m), None) => {
            m.remove(&key);
        }
        (Value::Array(a), Some(x)) => a[key.parse::<usize>().unwrap()] = x,
        (Value::Array(a), None) => {
            a.remove(key.parse::<usize>().unwrap());
        }
        (other, _) => panic!("{other}"),
    }
    v
}

#[test]
fn every_rule_of_the_validator_can_fail() {
    let base = full_statement();
    assert_eq!(validate(&base), vec![], "{base:#}");
    let cases: Vec<(&str, Option<Value>, Rule)> = vec![
        ("/actor", None, Rule::Required),
        ("/verb", None, Rule::Required),
        ("/object", None, Rule::Required),
        ("/verb/id", None, Rule::Required),
        ("/object/id", None, Rule::Required),
        ("/actor/account/name", None, Rule::Required),
        ("/actor/account/homePage", None, Rule::Required),
        ("/colour", Some(json!("red")), Rule::UnknownProperty),
        ("/result/grade", Some(json!("A")), Rule::UnknownProperty),
        (
            "/object/definition/title",
            Some(json!({})),
            Rule::UnknownProperty,
        ),
        ("/actor/email", Some(json!("a@b.c")), Rule::UnknownProperty),
        ("/result/success", Some(Value::Null), Rule::Null),
        ("/timestamp", Some(Value::Null), Rule::Null),
        ("/result/success", Some(json!("true")), Rule::WrongType),
        ("/result/completion", Some(json!(1)), Rule::WrongType),
        ("/result/score/raw", Some(json!("90")), Rule::WrongType),
        ("/verb/display", Some(json!("passed")), Rule::WrongType),
        ("/verb/id", Some(json!("passed")), Rule::Iri),
        ("/verb/id", Some(json!("http://a b")), Rule::Iri),
        (
            "/object/id",
            Some(json!("/activities/lesson/aed")),
            Rule::Iri,
        ),
        (
            "/object/id",
            Some(json!("https://x.example/%zz")),
            Rule::Iri,
        ),
        ("/object/definition/type", Some(json!("lesson")), Rule::Iri),
        ("/context/extensions/seed", Some(json!("1")), Rule::Iri),
        (
            "/actor/account/homePage",
            Some(json!("school.example")),
            Rule::Irl,
        ),
        (
            "/actor/account/homePage",
            Some(json!("ftp://school.example")),
            Rule::Irl,
        ),
        (
            "/verb/display/en_US",
            Some(json!("passed")),
            Rule::LanguageTag,
        ),
        (
            "/object/definition/name/zh_CN",
            Some(json!("考试")),
            Rule::LanguageTag,
        ),
        ("/context/language", Some(json!("zh_CN")), Rule::LanguageTag),
        ("/id", Some(json!("not-a-uuid")), Rule::Uuid),
        (
            "/id",
            Some(json!("6bdcb258c2cd434da5a47cb7a59d55b3")),
            Rule::Uuid,
        ),
        (
            "/id",
            Some(json!("6bdcb258-c2cd-434d-c5a4-7cb7a59d55b3")),
            Rule::Uuid,
        ),
        ("/context/registration", Some(json!("1")), Rule::Uuid),
        (
            "/timestamp",
            Some(json!("2026-11-30T00:53:20.000")),
            Rule::Timestamp,
        ),
        (
            "/timestamp",
            Some(json!("2026-11-30T00:53:20-00:00")),
            Rule::Timestamp,
        ),
        ("/timestamp", Some(json!("30/11/2026")), Rule::Timestamp),
        (
            "/result/duration",
            Some(json!("10 minutes")),
            Rule::Duration,
        ),
        ("/result/duration", Some(json!("PT")), Rule::Duration),
        ("/result/duration", Some(json!("P4W1D")), Rule::Duration),
        ("/result/duration", Some(json!("PT0:10:00")), Rule::Duration),
        ("/result/score/scaled", Some(json!(1.5)), Rule::ScaledRange),
        (
            "/result/score/scaled",
            Some(json!(-1.01)),
            Rule::ScaledRange,
        ),
        ("/result/score/raw", Some(json!(101)), Rule::RawRange),
        ("/result/score/raw", Some(json!(-1)), Rule::RawRange),
        ("/result/score/min", Some(json!(100)), Rule::MinMax),
        (
            "/actor/mbox",
            Some(json!("mailto:a@school.example")),
            Rule::Ifi,
        ),
        ("/actor/account", None, Rule::Ifi),
        ("/actor/mbox_sha1sum", Some(json!("ab")), Rule::MboxSha1sum),
        ("/actor/openid", Some(json!("not an iri")), Rule::Iri),
        ("/actor/objectType", Some(json!("agent")), Rule::ObjectType),
        (
            "/object/objectType",
            Some(json!("activity")),
            Rule::ObjectType,
        ),
        (
            "/context/contextActivities/tags",
            Some(json!([])),
            Rule::ContextActivityKey,
        ),
        (
            "/context/contextActivities/category",
            Some(json!("cmi5")),
            Rule::WrongType,
        ),
        (
            "/context/contextActivities/category/0/id",
            Some(json!("cmi5")),
            Rule::Iri,
        ),
        ("/version", Some(json!("2.0.0")), Rule::Version),
        ("/attachments", Some(json!([])), Rule::Unsupported),
    ];
    for (pointer, to, rule) in cases {
        let bad = edit(base.clone(), pointer, to.clone());
        let problems = validate(&bad);
        assert!(
            problems.iter().any(|p| p.rule == rule),
            "{pointer} = {to:?}: expected {rule:?}, got {problems:?}"
        );
    }
    // An mbox actor: the address itself is checked.
    let mut m = edit(base.clone(), "/actor/account", None);
    m["actor"]["mbox"] = json!("a@school.example");
    assert!(validate(&m).iter().any(|p| p.rule == Rule::Mbox));
    m["actor"]["mbox"] = json!("mailto:a@school.example");
    assert_eq!(validate(&m), vec![]);
    // revision and platform belong to Activities only.
    let mut agent_object = base.clone();
    agent_object["object"] = json!({"objectType": "Agent", "mbox": "mailto:t@school.example"});
    assert!(validate(&agent_object)
        .iter()
        .any(|p| p.rule == Rule::NotAnActivity));
    agent_object["context"]
        .as_object_mut()
        .unwrap()
        .retain(|k, _| k != "revision" && k != "platform");
    assert_eq!(validate(&agent_object), vec![]);
    // Not an object at all.
    assert_eq!(validate(&json!([1]))[0].rule, Rule::WrongType);
}

#[test]
fn the_export_file_check_finds_duplicates_and_non_arrays() {
    let s = full_statement();
    let text = serde_json::to_string(&json!([s.clone(), s])).unwrap();
    let problems = validate_export(&text);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        (problems[0].rule, problems[0].path.as_str()),
        (Rule::DuplicateId, "[1].id")
    );
    assert_eq!(validate_export("{}")[0].rule, Rule::WrongType);
    assert_eq!(validate_export("[")[0].rule, Rule::Json);
    assert_eq!(validate_export("[]"), vec![]);
    let bad = serde_json::to_string(&json!([{"actor": {}}])).unwrap();
    let paths: Vec<String> = validate_export(&bad).into_iter().map(|p| p.path).collect();
    assert!(paths.contains(&"[0].verb".to_owned()), "{paths:?}");
}

#[test]
fn language_tags_follow_rfc_5646() {
    for good in [
        "en",
        "en-US",
        "zh-CN",
        "zh-Hans-CN",
        "es-419",
        "de-CH-1901",
        "sl-rozaj-biske",
        "en-a-bbb-x-ccc",
        "x-whatever",
        "zh-yue-HK",
        "i-klingon",
        "sgn-BE-FR",
        "EN-us",
    ] {
        assert!(is_language_tag(good), "{good}");
    }
    for bad in [
        "",
        "en_US",
        "e",
        "toolongtag",
        "en-",
        "-en",
        "zh-CN-",
        "a-DE",
        "en-a",
        "123",
        "en-x",
        "en-US-a-b",
        "中文",
    ] {
        assert!(!is_language_tag(bad), "{bad}");
    }
}

#[test]
fn durations_and_timestamps_are_checked_by_their_grammars() {
    for good in [
        "PT10M",
        "P1Y2M3DT4H5M6.7S",
        "P4W",
        "PT0S",
        "P1D",
        "PT1.5H",
        "PT0,5S",
        "P3Y",
        "P1M",
        "PT16559.14S",
    ] {
        assert!(is_duration(good), "{good}");
    }
    for bad in [
        "",
        "P",
        "PT",
        "P4W1D",
        "PT1.5H2M",
        "P1S",
        "10M",
        "PT-1S",
        "P1M1Y",
        "PT1M1H",
        "PT1.S",
        "P16559.14S",
        "pt1s",
        "P0001-02-03",
    ] {
        assert!(!is_duration(bad), "{bad}");
    }
    for good in [
        "2026-11-30T00:53:20.000Z",
        "2015-11-18T12:17:00+00:00",
        "2016-02-29T00:00:00Z",
        "2026-01-01T23:59:60.123456789+08:00",
    ] {
        assert_eq!(check_timestamp(good), Ok(()), "{good}");
    }
    for bad in [
        "2026-11-30T00:53:20",
        "2026-11-30T00:53:20-00:00",
        "2026-02-29T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-11-30T24:00:00Z",
        "2026-11-30 00:53:20Z",
        "2026-11-30T00:53Z",
        "2026-11-30T00:53:20.Z",
        "2026-11-30T00:53:20+8:00",
        "2026-11-30T00:53:20+24:00",
    ] {
        assert!(check_timestamp(bad).is_err(), "{bad}");
    }
}
