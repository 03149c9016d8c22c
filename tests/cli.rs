//! The `firstaid` command line: curriculum export for medical review, exam
//! samples and transcript re-scoring, trace analysis, record verification.

mod common;

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
    assert!(!out.contains("## Profile `aha`"));
}

#[test]
fn content_lint_prints_the_plain_words_figures_per_language() {
    let (code, out, err) = firstaid(&["content", "--lint"]);
    assert_eq!(code, 0, "{err}");
    let lint = firstaid::content::lint::lint(&curriculum());
    assert_eq!(out, firstaid::content::lint::render(&lint));
    assert!(out.starts_with("zh: "), "{out}");
    assert!(out.contains("\nen: "), "{out}");
    assert!(out.contains("(soft limit, budget"), "{out}");
}

#[test]
fn bad_arguments_exit_2_with_a_reason() {
    let cases: &[(&[&str], &str)] = &[
        (&[], "usage"),
        (&["content"], "--format is required"),
        (&["content", "--format", "pdf"], "markdown or json"),
        (&["content", "--format", "json", "--lang", "fr"], "zh or en"),
        (
            &["content", "--format", "json", "--profile", "who"],
            "rcsc, aha or erc",
        ),
        (&["content", "--format"], "needs a value"),
        (&["content", "--colour", "red"], "unknown argument"),
        (
            &["content", "--lint", "--lang", "zh"],
            "--lint takes no other",
        ),
    ];
    for (args, words) in cases {
        let (code, out, err) = firstaid(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty(), "{args:?}");
        assert!(err.contains(words), "{args:?}: {err}");
    }
}

// ---------------------------------------------------------------------------
// firstaid quiz sample | score

fn curriculum() -> Curriculum {
    Curriculum::embedded().unwrap()
}

fn sample_items(out: &str) -> Vec<(String, Vec<String>)> {
    let v: serde_json::Value = serde_json::from_str(out).unwrap();
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["question"].as_str().unwrap().to_owned(),
                i["options"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|o| o.as_str().unwrap().to_owned())
                    .collect(),
            )
        })
        .collect()
}

fn drawn(
    c: &Curriculum,
    bp: &firstaid::quiz::blueprint::Blueprint,
    seed: u64,
) -> Vec<(String, Vec<String>)> {
    exam::draw(c, CONTENT_VERSION, bp, seed)
        .unwrap()
        .into_iter()
        .map(|e| (e.question, e.options))
        .collect()
}

#[test]
fn quiz_sample_json_is_the_apps_exam() {
    let args = [
        "quiz",
        "sample",
        "--blueprint",
        "course-aha",
        "--seed",
        "7",
        "--format",
        "json",
    ];
    let (code, out, err) = firstaid(&args);
    assert_eq!(code, 0, "{err}");
    let (_, again, _) = firstaid(&args);
    assert_eq!(out, again, "deterministic");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["content_version"], CONTENT_VERSION);
    assert_eq!(v["seed"], "7");
    assert_eq!(v["blueprint"]["id"], "course-aha");
    let c = curriculum();
    let bp = c.blueprint("course-aha").unwrap();
    assert_eq!(
        v["blueprint"],
        serde_json::to_value(bp).unwrap(),
        "the whole blueprint"
    );
    assert_eq!(sample_items(&out), drawn(&c, bp, 7));
    let (_, other, _) = firstaid(&[
        "quiz",
        "sample",
        "--blueprint",
        "course-aha",
        "--seed",
        "8",
        "--format",
        "json",
    ]);
    assert_ne!(sample_items(&other), sample_items(&out));
}

#[test]
fn quiz_sample_text_lists_the_questions_with_the_key() {
    let (code, out, err) = firstaid(&[
        "quiz",
        "sample",
        "--blueprint",
        "course-rcsc",
        "--seed",
        "2026",
        "--lang",
        "zh",
    ]);
    assert_eq!(code, 0, "{err}");
    let c = curriculum();
    let bp = c.blueprint("course-rcsc").unwrap();
    assert!(out.starts_with(&format!("{}\n", bp.title.as_ref().unwrap().zh)));
    assert!(out.contains(&format!(
        "blueprint course-rcsc · profile rcsc · content {CONTENT_VERSION} · seed 2026"
    )));
    assert!(out.contains("20 questions · pass mark 80% · 30 minutes"));
    let numbered: Vec<&str> = out
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            let digits = t.bytes().take_while(u8::is_ascii_digit).count();
            digits > 0 && t[digits..].starts_with(". [")
        })
        .collect();
    assert_eq!(numbered.len(), 20, "{out}");
    for (i, (line, (id, _))) in numbered.iter().zip(drawn(&c, bp, 2026)).enumerate() {
        assert!(
            line.trim_start().starts_with(&format!("{}. [", i + 1)),
            "{line}"
        );
        assert!(line.ends_with(&format!("({id})")), "{line} should be {id}");
        let q = c.question(&id).unwrap();
        assert!(line.contains(&q.prompt.zh), "{line}");
    }
    assert!(out.contains('✓'), "the answer key is shown");
}

#[test]
fn quiz_sample_reads_blueprint_files_in_json_and_toml() {
    let c = curriculum();
    let json = TempFile::new(
        "bp.json",
        r#"{"format": "firstaid-blueprint", "version": 1, "id": "mine", "profile": "erc",
            "pass_percent": 70,
            "sections": [{"lessons": ["aed"], "count": 2},
                         {"objectives": ["adult-cpr.rate-depth"], "count": 1}]}"#,
    );
    let toml = TempFile::new(
        "bp.toml",
        "format = \"firstaid-blueprint\"\nversion = 1\nid = \"mine\"\nprofile = \"erc\"\n\
         pass_percent = 70\n\n[[sections]]\nlessons = [\"aed\"]\ncount = 2\n\n\
         [[sections]]\nobjectives = [\"adult-cpr.rate-depth\"]\ncount = 1\n",
    );
    let mut outs = Vec::new();
    for f in [&json, &toml] {
        let (code, out, err) = firstaid(&[
            "quiz",
            "sample",
            "--blueprint",
            f.arg(),
            "--seed",
            "12",
            "--format",
            "json",
        ]);
        assert_eq!(code, 0, "{}: {err}", f.arg());
        outs.push(sample_items(&out));
        let (code, text, _) = firstaid(&["quiz", "sample", "--blueprint", f.arg(), "--seed", "12"]);
        assert_eq!(code, 0);
        assert!(text.starts_with("mine\n"), "no title: the id");
        assert!(text.contains("3 questions · pass mark 70%\n"), "{text}");
    }
    assert_eq!(outs[0], outs[1], "the same blueprint in either syntax");
    let bp =
        firstaid::quiz::blueprint::Blueprint::from_json(&std::fs::read_to_string(&json.0).unwrap())
            .unwrap();
    assert_eq!(outs[0], drawn(&c, &bp, 12));
}

#[test]
fn quiz_sample_usage_errors_exit_2() {
    let zero = TempFile::new(
        "zero.json",
        r#"{"format": "firstaid-blueprint", "version": 1, "id": "z", "profile": "aha",
            "sections": [{"lessons": ["aed"], "count": 0}]}"#,
    );
    let big = TempFile::new(
        "big.toml",
        "format = \"firstaid-blueprint\"\nversion = 1\nid = \"big\"\nprofile = \"rcsc\"\n\
         [[sections]]\nlessons = [\"recognise-and-call\"]\ncount = 99\n",
    );
    let foreign = TempFile::new(
        "foreign.json",
        r#"{"format": "firstaid-transcript", "version": 1, "id": "z", "profile": "aha", "sections": []}"#,
    );
    let broken = TempFile::new("broken.toml", "format = [");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["--blueprint", "course-aha", "--seed", "-1"],
            "--seed must be a number",
        ),
        (
            vec!["--blueprint", "course-aha", "--seed", "abc"],
            "--seed must be a number",
        ),
        (
            vec!["--blueprint", "course-aha", "--seed", "007"],
            "--seed must be a number",
        ),
        (
            vec![
                "--blueprint",
                "course-aha",
                "--seed",
                "18446744073709551616",
            ],
            "--seed must be a number",
        ),
        (vec!["--blueprint", "course-aha"], "--seed is required"),
        (vec!["--seed", "1"], "--blueprint is required"),
        (
            vec!["--blueprint", "course-xyz", "--seed", "1"],
            "neither a file nor a shipped blueprint",
        ),
        (
            vec!["--blueprint", zero.arg(), "--seed", "1"],
            "section 1 asks for no questions",
        ),
        (
            vec!["--blueprint", big.arg(), "--seed", "1"],
            "section 1 asks for 99 questions but only 9",
        ),
        (
            vec!["--blueprint", foreign.arg(), "--seed", "1"],
            "not a firstaid-blueprint",
        ),
        (
            vec!["--blueprint", broken.arg(), "--seed", "1"],
            broken.arg(),
        ),
        (
            vec![
                "--blueprint",
                "course-aha",
                "--seed",
                "1",
                "--format",
                "pdf",
            ],
            "text or json",
        ),
        (
            vec!["--blueprint", "course-aha", "--seed", "1", "--lang", "fr"],
            "zh or en",
        ),
        (vec!["--blueprint", "course-aha", "--seed"], "needs a value"),
        (
            vec!["--blueprint", "course-aha", "--seed", "1", "--pretty"],
            "unknown argument",
        ),
    ];
    for (rest, words) in cases {
        let args: Vec<&str> = ["quiz", "sample"].into_iter().chain(rest).collect();
        let (code, out, err) = firstaid(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}");
        assert!(err.contains(words), "{args:?}: {err}");
    }
}

/// A finished exam of the shipped content, as the app would export it.
fn transcript_json() -> serde_json::Value {
    let c = curriculum();
    let bp = c.blueprint("course-erc").unwrap().clone();
    let start = 1_795_928_400_000;
    let (mut a, exam) = ExamAttempt::start(&c, CONTENT_VERSION, bp, 31, start).unwrap();
    let mut right = 0;
    for (i, e) in exam.iter().enumerate() {
        let q = c.question(&e.question).unwrap();
        // Answer the true/false questions correctly, nothing else.
        if let Some(b) = q.answer {
            a.answer(
                &c,
                &exam,
                i,
                Response::TrueFalse(b),
                start + 1000 * (i as i64 + 1),
            )
            .unwrap();
            right += 1;
        }
    }
    assert!(right > 0);
    let t = a.finish(&c, &exam, start + 20 * 60_000).unwrap();
    assert_eq!(t.points, 1000 * right);
    serde_json::to_value(t).unwrap()
}

#[test]
fn quiz_score_accepts_a_genuine_transcript_and_rejects_a_tampered_one() {
    let good = transcript_json();
    let points = good["points"].as_u64().unwrap();
    let percent = good["percent"].as_u64().unwrap();
    let verdict = if good["passed"].as_bool().unwrap() {
        "passed"
    } else {
        "failed"
    };
    let good_file = TempFile::new("good.json", &serde_json::to_string_pretty(&good).unwrap());
    let (code, out, err) = firstaid(&["quiz", "score", good_file.arg()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.starts_with(&format!(
            "{}: OK — {points} of 20000 points, {percent}%, {verdict} (",
            good_file.arg()
        )),
        "{out}"
    );
    // What the instructor must see to judge the result: which blueprint,
    // pass mark, time limit and seed.
    let seed = good["seed"].as_str().unwrap();
    assert!(
        out.contains(&format!(
            "(blueprint course-erc, profile erc, 20 questions, pass mark 80%, 30 minutes, seed {seed}, finished "
        )),
        "{out}"
    );
    // A byte-order mark, as some editors save, is fine.
    let bom = TempFile::new("bom.json", &format!("\u{feff}{good}"));
    assert_eq!(firstaid(&["quiz", "score", bom.arg()]).0, 0);

    let mut tampered = good.clone();
    tampered["points"] = serde_json::json!(points + 1000);
    let bad_file = TempFile::new("bad.json", &tampered.to_string());
    let (code, out, _) = firstaid(&["quiz", "score", bad_file.arg()]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        format!(
            "{}: REJECTED — claims {} points in all, the answers earn {points}\n",
            bad_file.arg(),
            points + 1000
        )
    );

    // Several files: each reported, the status is the worst.
    let (code, out, _) = firstaid(&["quiz", "score", good_file.arg(), bad_file.arg()]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 2);
    assert!(out.lines().next().unwrap().contains(": OK — "));
    assert!(out.lines().nth(1).unwrap().contains(": REJECTED — "));

    let mut foreign = good.clone();
    foreign["content_version"] = serde_json::json!("sha256:0000000000000000");
    let foreign_file = TempFile::new("foreign-transcript.json", &foreign.to_string());
    let (code, out, _) = firstaid(&["quiz", "score", foreign_file.arg()]);
    assert_eq!(code, 1);
    assert!(
        out.contains("REJECTED") && out.contains("content version"),
        "{out}"
    );

    let missing = std::env::temp_dir().join("firstaid-cli-no-such-file.json");
    let (code, out, _) = firstaid(&["quiz", "score", missing.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.contains("REJECTED"), "{out}");
}

#[test]
fn quiz_score_without_files_is_a_usage_error() {
    let (code, out, err) = firstaid(&["quiz", "score"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("needs at least one transcript file"), "{err}");
    let (code, _, err) = firstaid(&["quiz"]);
    assert_eq!(code, 2);
    assert!(err.contains("usage"), "{err}");
}

#[test]
fn analyze_taps_prints_compressions_and_a_summary_and_names_bad_lines() {
    let mut text = String::from("t_ms\n");
    for i in 0..30 {
        text.push_str(&format!("{}\n", i * 500));
    }
    let good = TempFile::new("taps.csv", &text);
    let (code, out, err) = firstaid(&["analyze", "--taps", good.arg()]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["compressions"].as_array().unwrap().len(), 30);
    assert_eq!(v["compressions"][1]["t_ms"], 500.0);
    assert!(v["compressions"][1]["depth_mm"].is_null());
    assert_eq!(v["summary"]["compressions"], 30);
    assert_eq!(v["summary"]["mean_rate_per_min"], 120.0);
    let bad = TempFile::new("bad.csv", "t_ms\n0\nfast\n");
    let (code, _, err) = firstaid(&["analyze", "--taps", bad.arg()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("line 3: t_ms: `fast` is not a number"),
        "{err}"
    );
    assert_eq!(firstaid(&["analyze"]).0, 2);
}

#[test]
fn analyze_motion_prints_compressions_with_depths_and_a_summary() {
    use firstaid::trainer::csv::write_motion as to_csv;
    use firstaid::trainer::synth::{generate, TraceSpec};
    let spec = TraceSpec {
        duration_s: 30.0,
        ..TraceSpec::steady()
    };
    let trace = generate(&spec, 5);
    let good = TempFile::new("motion.csv", &to_csv(&trace.samples));
    let (code, out, err) = firstaid(&["analyze", "--motion", good.arg()]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let found = v["compressions"].as_array().unwrap();
    // Every true compression, each within 200 ms and 5 mm.
    assert_eq!(found.len(), trace.truth.len());
    for (c, t) in found.iter().zip(&trace.truth) {
        assert!((c["t_ms"].as_f64().unwrap() - t.t_ms).abs() < 200.0);
        assert!((c["depth_mm"].as_f64().unwrap() - t.depth_mm).abs() < 5.0);
        assert!(c["cycle"].is_u64());
    }
    // The same as the library's analysis.
    let (mine, summary) = firstaid::trainer::motion::analyze(&trace.samples);
    assert_eq!(v["summary"]["compressions"], mine.len());
    // (serde_json's parser may round the last digit differently.)
    let lib = serde_json::to_value(&summary).unwrap();
    for (k, x) in lib.as_object().unwrap() {
        let y = &v["summary"][k];
        match (x.as_f64(), y.as_f64()) {
            (Some(a), Some(b)) => assert!((a - b).abs() <= 1e-9 * a.abs().max(1.0), "{k}"),
            _ => assert_eq!(x, y, "{k}"),
        }
    }
    let rate = v["summary"]["mean_rate_per_min"].as_f64().unwrap();
    assert!((100.0..=120.0).contains(&rate), "{rate}");
    assert!(v["summary"]["mean_depth_mm"].as_f64().unwrap() > 40.0);
    assert!(v["summary"]["depth_in_range_share"].is_number());
    assert!(v["summary"]["cycles"].as_u64().unwrap() >= 1);

    let bad = TempFile::new(
        "bad-motion.csv",
        "t_ms,ax,ay,az\n0,0,0,9.8\n10,0,nine,9.8\n",
    );
    let (code, _, err) = firstaid(&["analyze", "--motion", bad.arg()]);
    assert_eq!(code, 2);
    assert!(err.contains("line 3: ay: `nine` is not a number"), "{err}");
    let taps = TempFile::new("not-motion.csv", "t_ms\n0\n");
    let (code, _, err) = firstaid(&["analyze", "--motion", taps.arg()]);
    assert_eq!(code, 2);
    assert!(err.contains("expected the header `t_ms,ax,ay,az`"), "{err}");
    // One kind of trace at a time.
    let (code, _, err) = firstaid(&["analyze", "--motion", good.arg(), "--taps", taps.arg()]);
    assert_eq!(code, 2);
    assert!(err.contains("one of --taps"), "{err}");
    let (code, _, err) = firstaid(&["analyze", "--motion"]);
    assert_eq!(code, 2);
    assert!(err.contains("needs a value"), "{err}");
    // An empty trace (header only) has no compressions and no figures.
    let empty = TempFile::new("empty-motion.csv", "t_ms,ax,ay,az\n");
    let (code, out, err) = firstaid(&["analyze", "--motion", empty.arg()]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["compressions"], serde_json::json!([]));
    assert!(v["summary"]["mean_depth_mm"].is_null());
}

fn instructor() -> firstaid::records::keys::KeyPair {
    firstaid::records::keys::KeyPair::from_seed([9; 32])
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[test]
fn verify_checks_json_and_qr_records_in_bulk() {
    let r = common::records::typical_for(CONTENT_VERSION);
    let json = TempFile::new("record.json", &r.to_json());
    let qr = TempFile::new("record.txt", &format!("{}\n", r.to_qr_text()));
    let (code, out, err) = firstaid(&["verify", json.arg(), qr.arg()]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out.lines().count(), 2);
    assert!(out.lines().all(|l| l.contains(": OK — 王小明")), "{out}");
    assert!(out.contains("course-rcsc 100%"), "{out}");
    // The instructor who issued the assignment, by key.
    let key = hex(&instructor().public().0);
    let (code, _, _) = firstaid(&["verify", json.arg(), "--instructor-key", &key]);
    assert_eq!(code, 0);
    let other = hex(&[1; 32]);
    let (code, out, _) = firstaid(&["verify", json.arg(), "--instructor-key", &other]);
    assert_eq!(code, 1);
    assert!(
        out.contains("FAIL: answers an assignment of another instructor"),
        "{out}"
    );
}

#[test]
fn verify_reports_each_failing_record_and_exits_1() {
    let r = common::records::typical_for(CONTENT_VERSION);
    let good = TempFile::new("good.json", &r.to_json());
    let tampered = TempFile::new(
        "tampered.json",
        &r.to_json().replace("\"percent\": 100", "\"percent\": 99"),
    );
    let garbage = TempFile::new("garbage.txt", "FAR1:not a record");
    let (code, out, err) = firstaid(&["verify", good.arg(), tampered.arg(), garbage.arg()]);
    assert_eq!(code, 1, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].contains(": OK"), "{out}");
    assert!(
        lines[1].contains("FAIL: the signature does not match"),
        "{out}"
    );
    assert!(lines[2].contains("UNREADABLE"), "{out}");
    // In CSV, unreadable files are reported on standard error.
    let (code, out, err) = firstaid(&["verify", good.arg(), garbage.arg(), "--csv"]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(err.contains("garbage.txt: UNREADABLE"), "{err}");
    // Content this build does not have: cannot re-score.
    let old = TempFile::new("old.json", &common::records::typical().to_json());
    let (code, out, _) = firstaid(&["verify", old.arg()]);
    assert_eq!(code, 1);
    assert!(
        out.contains("cannot re-score: learner uses content version sha256:0000000000000000"),
        "{out}"
    );
}

#[test]
fn verify_with_the_assignment_checks_its_requirements_and_writes_csv() {
    use firstaid::records::assignment::{AssignmentBody, ExamRequirement};
    let r = common::records::typical_for(CONTENT_VERSION);
    let a = AssignmentBody {
        id: "A7K2-9QX4".into(),
        class: "初二(3)班".into(),
        instructor_name: "李老师".into(),
        content_version: CONTENT_VERSION.into(),
        created_at_ms: 0,
        due_at_ms: None,
        lessons: vec!["aed".into(), "adult-cpr".into()],
        exam: Some(ExamRequirement {
            blueprint: "course-rcsc".into(),
            pass_percent: 80,
        }),
        min_trainer_score: Some(95),
        key: instructor().public(),
    }
    .sign(&instructor());
    let json = TempFile::new("assigned.json", &r.to_json());
    let link = a.link("https://firstaid.example");
    let (code, out, _) = firstaid(&["verify", json.arg(), "--assignment", &link, "--csv"]);
    assert_eq!(code, 1, "trainer score 91 is below 95");
    assert!(
        out.starts_with(
            "\u{feff}name,number,class,key,status,lessons,exams,trainer,practical,verified,reasons\r\n"
        ),
        "{out}"
    );
    let row = out.lines().nth(1).unwrap();
    assert!(row.starts_with("王小明,2026-0142,初二(3)班,"), "{row}");
    assert!(row.contains(",FAIL,8,course-rcsc 100%,91,"), "{row}");
    // A reason with a comma is quoted.
    assert!(
        row.trim_end_matches('\r')
            .ends_with("Z,\"trainer score 91, below the required 95\""),
        "{row}"
    );
    let file = TempFile::new("assignment.txt", &a.to_qr_text());
    let (code, _, err) = firstaid(&[
        "verify",
        json.arg(),
        "--assignment",
        file.arg(),
        "--repeat",
        "3",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("records per second"), "{err}");
}

#[test]
fn verify_usage_errors_exit_2() {
    for args in [
        &["verify"][..],
        &["verify", "x.json", "--instructor-key", "abc"],
        // 64 bytes, but not hex (and not one byte per character).
        &["verify", "x.json", "--instructor-key", &"é".repeat(32)],
        &["verify", "x.json", "--assignment", "FAA1:garbage"],
        &["verify", "x.json", "--repeat", "0"],
        &["verify", "x.json", "--bogus"],
    ] {
        let (code, _, err) = firstaid(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(!err.is_empty());
    }
}

/// A certificate of the example's shape valid over `[from, until]` (ISO
/// times), so the tests do not depend on today's date.
fn certificate(from: &str, until: Option<&str>) -> serde_json::Value {
    use firstaid::credentials::badge;
    let mut input = badge::example_input();
    input.valid_from_ms = firstaid::time::parse_iso(from).unwrap();
    input.valid_until_ms = until.map(|u| firstaid::time::parse_iso(u).unwrap());
    badge::issue(&input, &badge::example_key()).unwrap()
}

#[test]
fn verify_checks_certificates_beside_records() {
    use firstaid::credentials::badge;
    let valid = certificate("2020-01-01T00:00:00Z", None);
    let json = TempFile::new("certificate.json", &valid.to_string());
    let qr = TempFile::new(
        "certificate.txt",
        &format!("{}\n", badge::to_qr_text(&valid).unwrap()),
    );
    let r = common::records::typical_for(CONTENT_VERSION);
    let record = TempFile::new("with-certificates.json", &r.to_json());
    let (code, out, err) = firstaid(&["verify", json.arg(), record.arg(), qr.arg()]);
    assert_eq!(code, 0, "{out}{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    let fingerprint = badge::example_key().public().fingerprint();
    for line in [lines[0], lines[2]] {
        assert!(line.contains(": OK — certificate \""), "{line}");
        assert!(line.contains("CPR, AED and choking relief"), "{line}");
        assert!(
            line.contains("learner 王小明 · issuer 李老师 (Li Wei)"),
            "{line}"
        );
        assert!(line.contains(&fingerprint), "{line}");
        assert!(
            line.contains("valid 2020-01-01T00:00:00Z to no end · profile rcsc"),
            "{line}"
        );
    }
    assert!(lines[1].contains(": OK — 王小明"), "{out}");
    // Each failing certificate with its reason; exit 1.
    let expired = TempFile::new(
        "expired.json",
        &certificate("2020-01-01T00:00:00Z", Some("2022-01-01T00:00:00Z")).to_string(),
    );
    let future = TempFile::new(
        "future.json",
        &certificate("9000-01-01T00:00:00Z", None).to_string(),
    );
    let tampered = TempFile::new(
        "tampered.json",
        &valid.to_string().replace("王小明", "王大明"),
    );
    let damaged = TempFile::new("damaged.txt", "FAC1:%%%");
    let (code, out, _) = firstaid(&[
        "verify",
        json.arg(),
        expired.arg(),
        future.arg(),
        tampered.arg(),
        damaged.arg(),
    ]);
    assert_eq!(code, 1, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].contains(": OK"), "{out}");
    assert!(
        lines[1].ends_with("FAIL: certificate: expired on 2022-01-01T00:00:00Z"),
        "{out}"
    );
    assert!(
        lines[2].ends_with("FAIL: certificate: not valid yet: valid from 9000-01-01T00:00:00Z"),
        "{out}"
    );
    assert!(lines[3].contains("the signature does not match"), "{out}");
    assert!(lines[4].contains("QR text is damaged"), "{out}");
    // With --csv, certificates go to standard error; the roster to output.
    let (code, out, err) = firstaid(&["verify", record.arg(), expired.arg(), "--csv"]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(
        err.contains("expired.json: FAIL: certificate: expired"),
        "{err}"
    );
}

#[test]
fn credential_example_prints_json_or_qr_text() {
    use firstaid::credentials::badge;
    let (code, out, err) = firstaid(&["credential", "example"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v, badge::example());
    let (code, out, err) = firstaid(&["credential", "example", "--format", "qr"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out.trim_end(),
        badge::to_qr_text(&badge::example()).unwrap()
    );
    assert!(
        err.contains("QR version") && err.contains("at level M"),
        "{err}"
    );
    for args in [
        &["credential"][..],
        &["credential", "example", "--format", "pdf"],
        &["credential", "example", "--bogus"],
    ] {
        let (code, _, err) = firstaid(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains("credential example"), "{err}");
    }
}
