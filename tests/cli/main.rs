//! The `firstaid` command line: curriculum export for medical review, exam
//! samples and transcript re-scoring, trace analysis, record verification.

#[path = "../common/mod.rs"]
mod common;

mod analyze;
mod quiz;
mod verify;

use common::cli::{firstaid, TempFile};

use firstaid::content::{Curriculum, CONTENT_VERSION};
use firstaid::quiz::attempt::ExamAttempt;
use firstaid::quiz::exam;
use firstaid::quiz::scoring::Response;

#[test]
fn json_export_is_versioned_and_filters_language_and_profile() {
    let (code, out, err) = firstaid(&[
        "content",
        "--format",
        "json",
        "--lang",
        "en",
        "--profile",
        "aha",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["format"], "firstaid-curriculum");
    assert_eq!(v["version"], 1);
    assert_eq!(v["content_version"], firstaid::content::CONTENT_VERSION);
    assert_eq!(v["languages"], serde_json::json!(["en"]));
    let profiles = v["profiles"].as_array().unwrap();
    assert_eq!(profiles.len(), 1);
    assert_eq!(profiles[0]["profile"], "aha");
    assert_eq!(profiles[0]["emergency_number"], "911");
    let lessons = profiles[0]["lessons"].as_array().unwrap();
    assert_eq!(lessons.len(), 8);
    let step = &lessons[0]["steps"][0];
    assert!(
        step["text"]["en"].is_string() && step["text"].get("zh").is_none(),
        "{step}"
    );
    assert!(!step["sources"].as_array().unwrap().is_empty());
    assert!(profiles[0]["questions"].as_array().unwrap().len() >= 20);
    // The practical exam's checklists, resolved for the profile.
    let lists = profiles[0]["checklists"].as_array().unwrap();
    assert_eq!(lists.len(), 3);
    let rate = &lists[0]["items"][5];
    assert_eq!(rate["id"], "rate");
    assert_eq!(rate["evidence"], "rate");
    assert_eq!(rate["text"]["en"], "Compressions at 100 to 120 a minute.");
    assert_eq!(rate["sources"][0]["key"], "A1");
}

#[test]
fn json_export_without_filters_has_both_languages_and_all_profiles() {
    let (code, out, _) = firstaid(&["content", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let names: Vec<&str> = v["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["profile"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["rcsc", "aha", "erc"]);
    let numbers: Vec<&str> = v["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["emergency_number"].as_str().unwrap())
        .collect();
    assert_eq!(numbers, ["120", "911", "112"]);
    let title = &v["profiles"][0]["lessons"][0]["title"];
    assert!(title["zh"].is_string() && title["en"].is_string());
    // Review flags are carried through for the instructor.
    assert!(out.contains("\"review\""), "unverified items are flagged");
}

#[test]
fn markdown_export_lists_steps_sources_questions_and_flags() {
    let (code, out, _) = firstaid(&[
        "content",
        "--format",
        "markdown",
        "--lang",
        "zh",
        "--profile",
        "rcsc",
    ]);
    assert_eq!(code, 0);
    assert!(out.starts_with("# First Aid Hero curriculum"));
    assert!(out.contains("## Profile `rcsc` — emergency number 120"));
    assert!(out.contains("#### Questions"));
    assert!(
        out.contains("⚠ REVIEW"),
        "RCSC items marked unverified are flagged"
    );
    assert!(out.contains("## Sources"));
    assert!(out.contains("### Practical exam checklist: 成人心肺复苏与AED (`adult-cpr-aed`)"));
    assert!(!out.contains("## Profile `aha`"));
}

#[test]
fn every_command_has_help() {
    for command in [
        &[][..],
        &["content"],
        &["quiz"],
        &["quiz", "sample"],
        &["quiz", "score"],
        &["analyze"],
        &["verify"],
        &["credential"],
        &["credential", "example"],
        &["xapi"],
    ] {
        let args: Vec<&str> = command.iter().copied().chain(["--help"]).collect();
        let (code, out, err) = firstaid(&args);
        assert_eq!(code, 0, "{args:?}: {err}");
        let usage = format!(
            "Usage: {}",
            ["firstaid"]
                .iter()
                .chain(command)
                .copied()
                .collect::<Vec<_>>()
                .join(" ")
        );
        assert!(out.contains(&usage), "{args:?}: {out}");
        assert!(err.is_empty(), "{args:?}: {err}");
    }
}

#[test]
fn the_version_names_the_content() {
    let (code, out, _) = firstaid(&["--version"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        format!(
            "firstaid {} (content {CONTENT_VERSION})\n",
            firstaid::APP_VERSION
        )
    );
}

#[test]
fn a_usage_error_of_any_command_exits_2() {
    for args in [
        &["nonsense"][..],
        &["content", "--format", "json", "extra"],
        &["quiz", "sample", "--seed", "1"],
        &["quiz", "score", "--bogus", "t.json"],
        &["analyze"],
        &["verify", "--csv"],
        &["credential", "example", "extra"],
        &["xapi", "--no-name"],
    ] {
        let (code, out, err) = firstaid(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert!(err.starts_with("error: "), "{args:?}: {err}");
    }
}

#[test]
fn content_lint_prints_the_plain_words_figures_per_language() {
    let (code, out, err) = firstaid(&["content", "--lint"]);
    assert_eq!(code, 0, "{err}");
    let lint = firstaid::content::lint::lint(&Curriculum::embedded().unwrap());
    assert_eq!(out, firstaid::content::lint::render(&lint));
    assert!(out.starts_with("zh lessons: "), "{out}");
    for part in ["zh questions: ", "en lessons: ", "en questions: "] {
        assert!(out.contains(&format!("\n{part}")), "{out}");
    }
    assert!(out.contains("(soft limit, budget"), "{out}");
}

#[test]
fn bad_arguments_exit_2_with_a_reason() {
    let cases: &[(&[&str], &str)] = &[
        (&[], "Usage: firstaid <COMMAND>"),
        (&["content"], "required arguments were not provided"),
        (
            &["content", "--format", "pdf"],
            "possible values: markdown, json",
        ),
        (&["content", "--format", "json", "--lang", "fr"], "zh or en"),
        (
            &["content", "--format", "json", "--profile", "who"],
            "rcsc, aha or erc",
        ),
        (&["content", "--format"], "a value is required"),
        (
            &["content", "--colour", "red"],
            "unexpected argument '--colour'",
        ),
        (
            &["content", "--lint", "--lang", "zh"],
            "cannot be used with",
        ),
    ];
    for (args, words) in cases {
        let (code, out, err) = firstaid(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty(), "{args:?}");
        assert!(err.contains(words), "{args:?}: {err}");
    }
}
